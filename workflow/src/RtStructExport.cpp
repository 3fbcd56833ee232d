#include "metis/workflow/RtStructExport.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/core/Contours.h"
#include "metis/core/SegmentationMetrics.h"
#include "metis/imaging/RtStruct.h"
#include "metis/workflow/StoredSeries.h"

#include <cstdio>

namespace metis::workflow {

namespace {

constexpr double kCheckedDiameterMm = 5.0;
constexpr double kRequiredDice = 0.98;

} // namespace

RtStructExportReport exportStructureSetVersion(db::PatientDatabase& database, const db::User& user,
                                               std::int64_t structureSetId,
                                               const std::filesystem::path& file) {
    const auto version = database.structureSetVersion(structureSetId);
    if (!version) {
        throw std::runtime_error("no structure set version " + std::to_string(structureSetId));
    }
    const imaging::SeriesInfo series = scanStoredSeries(database, version->seriesId);
    const imaging::ReferencedSeries reference = imaging::referencedSeriesOf(series);
    LabelMap labels = loadStructureSetLabels(database, *version, &series);
    // NIfTI keeps geometry in single precision: a micrometre apart is the same grid.
    if (!labels.geometry().sameGridAs(reference.geometry, 1e-3)) {
        throw std::runtime_error("structure set " + std::to_string(structureSetId) +
                                 " does not lie on its series' grid");
    }
    labels.setGeometry(reference.geometry);

    LabelsToStructuresOptions options;
    options.generationAlgorithm = version->source == "ai" ? "AUTOMATIC" : "MANUAL";
    const StructureSet structures = labelMapToStructureSet(labels, options);
    imaging::RtStructWriteOptions writeOptions;
    const auto written = imaging::RtStructWriter(writeOptions).write(structures, reference, file);

    RtStructExportReport report;
    report.file = file.string();
    report.sopInstanceUid = written.sopInstanceUid;
    report.warnings = written.warnings;
    const imaging::RtStructFile reread = imaging::RtStructReader::read(file);
    report.verified = true;
    for (const StructureRoi& roi : reread.structures.rois) {
        if (roi.name == options.unionRoiName || roi.number <= 0 || roi.number > 65535) {
            continue;
        }
        const auto label = static_cast<std::uint16_t>(roi.number);
        StructureSet single;
        single.rois.push_back(roi);
        single.rois.back().number = 1;
        const LabelMap back = structureSetToLabelMap(single, reference.geometry);
        LabelMap saved(reference.geometry);
        std::vector<std::size_t> voxels;
        for (std::size_t v = 0; v < labels.data().size(); ++v) {
            if (labels.data()[v] == label) {
                voxels.push_back(v);
                saved.data()[v] = 1;
            }
        }
        ExportedLesion lesion;
        lesion.label = label;
        lesion.roiName = roi.name;
        lesion.maxDiameterMm = maxVoxelDistanceMm(reference.geometry, voxels);
        lesion.dice = dice(saved, back);
        if (lesion.maxDiameterMm >= kCheckedDiameterMm && lesion.dice < kRequiredDice) {
            report.verified = false;
        }
        report.lesions.push_back(lesion);
    }
    char summary[160];
    std::snprintf(summary, sizeof summary, "%zu lesions, read back %s", report.lesions.size(),
                  report.verified ? "identical (Dice >= 0.98 for lesions >= 5 mm)"
                                  : "with differences");
    database.appendAudit(user.username, "structure_set.export", "structure_set",
                         std::to_string(structureSetId), file.string() + ": " + summary);
    return report;
}

} // namespace metis::workflow
