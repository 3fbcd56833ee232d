// importPaths: scans the given folders and files, sorts what it finds by kind (clinical CSVs,
// DICOM image series, RTSTRUCTs, research images and masks) and imports them in the order
// their references need, through the steps in ImportSteps.h.
#include "metis/database/Importer.h"

#include "ImportSteps.h"
#include "Text.h"
#include "metis/imaging/VolumeIO.h"

#include <algorithm>
#include <filesystem>

namespace metis::db {
namespace fs = std::filesystem;

using text::lower;

ImportReport importPaths(PatientDatabase& db, const std::vector<std::string>& paths,
                         const ImportOptions& options, ProgressSink& progress) {
    ImportReport report;
    ProgressScope scope(progress, "Importing");
    const double perPath = 1.0 / static_cast<double>(std::max<std::size_t>(paths.size(), 1));
    // Structure sets come after every image series, wherever they were found, so an RTSTRUCT
    // can reference a series from another folder of the same import.
    std::vector<imaging::DicomObjectInfo> structureSets;
    std::vector<fs::path> researchImages;
    std::vector<fs::path> researchMasks;
    for (std::size_t p = 0; p < paths.size(); ++p) {
        const std::string& path = paths[p];
        if (!fs::exists(path)) {
            report.errors.push_back({path, "does not exist"});
            continue;
        }
        if (fs::is_regular_file(path) && lower(fs::path(path).extension().string()) == ".csv") {
            report.clinicalRowsImported +=
                importClinicalCsv(db, path, options.username, report.errors);
            continue;
        }
        NullProgressSink quiet;
        const auto scan = imaging::scanDicomFolder(path, quiet);
        report.filesExamined += scan.filesExamined;
        for (const auto& error : scan.fileErrors) {
            report.errors.push_back({error.path, error.message});
        }
        for (const auto& skipped : scan.skippedFiles) {
            if (lower(fs::path(skipped).extension().string()) == ".csv") {
                report.clinicalRowsImported +=
                    importClinicalCsv(db, skipped, options.username, report.errors);
            } else if (imaging::isVolumeFile(skipped)) {
                (importer::isResearchMask(skipped) ? researchMasks : researchImages)
                    .push_back(skipped);
            } else {
                report.notes.push_back({skipped, "not a DICOM file; skipped"});
            }
        }
        for (const auto& object : scan.nonImageObjects) {
            if (object.modality == "RTSTRUCT") {
                structureSets.push_back(object);
            } else {
                report.notes.push_back(
                    {object.path, "DICOM " + object.modality + " object; not imported"});
            }
        }
        const double base = static_cast<double>(p) * perPath;
        for (std::size_t s = 0; s < scan.series.size(); ++s) {
            const auto& series = scan.series[s];
            for (const auto& issue : series.issues) {
                auto& list = issue.severity == imaging::DicomIssueSeverity::Error ? report.errors
                                                                                  : report.notes;
                list.push_back({series.seriesInstanceUid, issue.message});
            }
            if (series.slices.empty() || series.hasErrors() || series.localizer) {
                continue;
            }
            if (importer::seriesAlreadyComplete(db, series)) {
                ++report.seriesAlreadyPresent;
                continue;
            }
            const double from =
                base + perPath * static_cast<double>(s) / static_cast<double>(scan.series.size());
            const double to = base + perPath * static_cast<double>(s + 1) /
                                         static_cast<double>(scan.series.size());
            importer::importSeries(db, series, options.username, report, scope, from, to);
        }
        scope.step(static_cast<double>(p + 1) * perPath);
    }
    for (const auto& image : researchImages) {
        try {
            importer::importResearchImage(db, image, options.username, report);
        } catch (const std::runtime_error& e) {
            report.errors.push_back({image.string(), e.what()});
        }
    }
    for (const auto& mask : researchMasks) {
        try {
            importer::importResearchMask(db, mask, options.username, report);
        } catch (const std::exception& e) {
            report.errors.push_back({mask.string(), e.what()});
        }
    }
    for (const auto& object : structureSets) {
        try {
            importer::importRtStruct(db, object, options.username, report);
        } catch (const importer::ImageSeriesNotImported& e) {
            report.errors.push_back({object.path, e.what()});
            report.structureSetsAwaitingImages.push_back(object.path);
        } catch (const std::runtime_error& e) {
            report.errors.push_back({object.path, e.what()});
        }
    }
    if (!options.clinicalCsv.empty()) {
        report.clinicalRowsImported +=
            importClinicalCsv(db, options.clinicalCsv, options.username, report.errors);
    }
    return report;
}

} // namespace metis::db
