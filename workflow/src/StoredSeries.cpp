#include "metis/workflow/StoredSeries.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"

#include <filesystem>

namespace metis::workflow {

imaging::SeriesInfo scanStoredSeries(db::PatientDatabase& database, std::int64_t seriesId) {
    std::vector<std::filesystem::path> files;
    std::vector<std::string> missing;
    for (const std::string& file : database.instanceFiles(seriesId)) {
        files.emplace_back(file);
        std::error_code error;
        if (!std::filesystem::is_regular_file(files.back(), error)) {
            missing.push_back(file);
        }
    }
    if (files.empty()) {
        throw std::runtime_error("series " + std::to_string(seriesId) +
                                 " has no stored DICOM files");
    }
    if (!missing.empty()) {
        throw std::runtime_error(std::to_string(missing.size()) + " of the series' " +
                                 std::to_string(files.size()) + " stored files are missing (" +
                                 missing.front() + (missing.size() > 1 ? ", ..." : "") +
                                 "); the series is incomplete and is not shown. Restore the "
                                 "storage from a backup or import the series again; `metis-cli "
                                 "db check` lists every missing file");
    }
    NullProgressSink quiet;
    auto scan = imaging::scanDicomFiles(files, quiet);
    if (!scan.fileErrors.empty()) {
        throw std::runtime_error("stored file " + scan.fileErrors.front().path + ": " +
                                 scan.fileErrors.front().message);
    }
    const auto* series = scan.largestLoadableSeries();
    if (!series) {
        throw std::runtime_error("the stored series cannot be assembled into a volume");
    }
    return *series;
}

namespace {

imaging::LabelConvention conventionNamed(const std::string& name) {
    if (name == "brats_mets") {
        return imaging::LabelConvention::BratsMets;
    }
    if (name == "ucsf_binary") {
        return imaging::LabelConvention::UcsfBinary;
    }
    return imaging::LabelConvention::MetisInstances;
}

} // namespace

LabelMap loadStructureSetLabels(db::PatientDatabase& database,
                                const db::StructureSetVersion& version,
                                const imaging::SeriesInfo* series,
                                std::map<int, std::string>* lesionNames) {
    if (lesionNames) {
        lesionNames->clear();
    }
    if (!version.labelMapPath.empty()) {
        LabelMap labels = imaging::readLabelMap(version.labelMapPath);
        const auto convention = conventionNamed(version.labelConvention);
        if (convention == imaging::LabelConvention::MetisInstances) {
            return labels; // lesion numbers kept: the editor and GTV_nn names rely on them
        }
        return labelConnectedComponents(imaging::interpretLabels(labels, convention).gtv).labels;
    }
    if (version.rtstructPath.empty()) {
        throw std::runtime_error("structure set " + std::to_string(version.id) +
                                 " has neither a label map nor an RTSTRUCT file");
    }
    imaging::SeriesInfo scanned;
    if (!series) {
        scanned = scanStoredSeries(database, version.seriesId);
        series = &scanned;
    }
    const imaging::RtStructFile rtstruct = imaging::RtStructReader::read(version.rtstructPath);
    if (lesionNames) {
        // Lesion k is the k-th GTV ROI (gtvLabelMap's per-ROI labelling).
        const StructureSet lesions = imaging::selectGtvRois(rtstruct.structures);
        for (std::size_t k = 0; k < lesions.rois.size(); ++k) {
            (*lesionNames)[static_cast<int>(k + 1)] = lesions.rois[k].name;
        }
    }
    return imaging::gtvLabelMap(rtstruct, imaging::referencedSeriesOf(*series),
                                RoiLabelling::PerRoi);
}

} // namespace metis::workflow
