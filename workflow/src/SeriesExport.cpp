#include "metis/workflow/SeriesExport.h"

#include "metis/workflow/RtStructExport.h"

#include <cstdio>
#include <system_error>

namespace metis::workflow {
namespace fs = std::filesystem;

SeriesExportReport exportSeries(db::PatientDatabase& database, const db::User& user,
                                std::int64_t seriesId, const fs::path& folder,
                                const SeriesExportOptions& options) {
    database.require(user, db::Permission::ImportData, "export series");
    if (!database.seriesRecord(seriesId)) {
        throw std::invalid_argument("no series with id " + std::to_string(seriesId));
    }
    if (options.deidentify && options.structureSetId && !options.images) {
        // Its references would name images nobody has under the new UIDs.
        throw std::invalid_argument("a de-identified RTSTRUCT is exported with its images only");
    }
    fs::create_directories(folder);
    imaging::UidRemapping uids;
    const auto write = [&](const fs::path& source, const fs::path& target) {
        if (options.deidentify) {
            imaging::deidentifyFile(source, target, *options.deidentify, uids);
        } else {
            fs::copy_file(source, target, fs::copy_options::overwrite_existing);
        }
    };

    SeriesExportReport report;
    if (options.images) {
        const auto files = database.instanceFiles(seriesId);
        if (files.empty()) {
            throw std::invalid_argument("series " + std::to_string(seriesId) +
                                        " has no stored DICOM files to export");
        }
        for (std::size_t i = 0; i < files.size(); ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "IM%04zu.dcm", i + 1);
            write(files[i], folder / name);
            report.imageFiles.push_back((folder / name).string());
        }
    }
    if (options.structureSetId) {
        const auto version = database.structureSetVersion(*options.structureSetId);
        if (!version || version->seriesId != seriesId) {
            throw std::invalid_argument("structure set version " +
                                        std::to_string(*options.structureSetId) +
                                        " does not belong to series " + std::to_string(seriesId));
        }
        const fs::path written = folder / "RTSTRUCT.dcm";
        const fs::path plain = options.deidentify ? folder / ".rtstruct-identified.dcm" : written;
        const auto exported =
            exportStructureSetVersion(database, user, *options.structureSetId, plain);
        report.rtstructSopInstanceUid = exported.sopInstanceUid;
        if (options.deidentify) {
            // The images' UIDs were remapped above: the references follow through the same map.
            write(plain, written);
            std::error_code ignored;
            fs::remove(plain, ignored);
            report.rtstructSopInstanceUid = uids.remap(exported.sopInstanceUid);
        }
        report.rtstructFile = written.string();
    }
    std::string details = std::to_string(report.imageFiles.size()) + " images";
    if (options.structureSetId) {
        details += " and structure set " + std::to_string(*options.structureSetId);
    }
    details += options.deidentify ? ", de-identified (PS3.15 Basic Profile) as '" +
                                        options.deidentify->pseudonym + "'"
                                  : ", as stored";
    database.appendAudit(user.username, "series.export", "series", std::to_string(seriesId),
                         details + " to " + folder.string());
    return report;
}

} // namespace metis::workflow
