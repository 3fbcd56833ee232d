#include "metis/workflow/Comparison.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/StoredSeries.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace metis::workflow {
namespace {

double voxelVolumeMl(const LabelMap& map) {
    const Vec3& spacing = map.geometry().spacing;
    return spacing[0] * spacing[1] * spacing[2] / 1000.0;
}

// Two volumes of one grid are the same voxel count when they differ by less than half a voxel;
// stored volumes and a map read back in single precision differ by far less than that.
bool sameVoxelCount(double aMl, double bMl, double voxelMl) {
    return std::abs(aMl - bMl) < 0.5 * voxelMl;
}

// A carried lesion list is used only for the lesions the comparison found too: as many, and
// each row's lesion as large. Anything else (a list of another map) is set aside.
bool manualListAgrees(const std::vector<GtvLesion>& lesions, const LesionMatching& matching,
                      double voxelMl) {
    if (lesions.size() != matching.referenceLesions) {
        return false;
    }
    for (const LesionRow& row : matching.rows) {
        if (row.referenceId == 0 || row.referenceId > lesions.size() ||
            !sameVoxelCount(lesions[row.referenceId - 1u].volumeMl, row.referenceVolumeMl,
                            voxelMl)) {
            return false;
        }
    }
    return true;
}

bool aiListAgrees(const std::vector<GtvLesion>& lesions, const LesionMatching& matching,
                  double voxelMl) {
    if (lesions.size() != matching.predictedLesions) {
        return false;
    }
    for (const FalsePositiveLesion& fp : matching.falsePositives) {
        if (fp.predictionId == 0 || fp.predictionId > lesions.size() ||
            !sameVoxelCount(lesions[fp.predictionId - 1u].volumeMl, fp.volumeMl, voxelMl)) {
            return false;
        }
    }
    return true;
}

} // namespace

SegmentationOptions comparisonOptions() {
    SegmentationOptions options;
    options.perSlice = false;
    return options;
}

std::vector<GtvLesion> labelGtvLesions(const LabelMap& gtv) {
    std::vector<GtvLesion> lesions;
    for (const ComponentStats& component :
         labelConnectedComponents(gtv, comparisonOptions().connectivity).components) {
        lesions.push_back({component.volumeMl, component.centroidMm, component.maxDiameterMm,
                           component.axialDiameterMm});
    }
    return lesions;
}

std::vector<GtvLesion> lesionsOfRun(const db::InferenceRun& run) {
    std::vector<GtvLesion> lesions;
    for (const db::InferenceLesion& lesion : run.lesions) {
        lesions.push_back(
            {lesion.volumeMl, lesion.centreMm, lesion.maxDiameterMm, lesion.axialDiameterMm});
    }
    return lesions;
}

SegmentationReport compareStructureSetVersions(db::PatientDatabase& database, std::int64_t first,
                                               std::int64_t second) {
    const auto a = database.structureSetVersion(first);
    const auto b = database.structureSetVersion(second);
    if (!a || !b) {
        throw std::runtime_error("no structure set version " + std::to_string(a ? second : first));
    }
    const LabelMap reference = loadStructureSetLabels(database, *a);
    LabelMap other = loadStructureSetLabels(database, *b);
    if (!other.geometry().sameGridAs(reference.geometry(), 1e-3)) {
        throw std::runtime_error("versions " + std::to_string(first) + " and " +
                                 std::to_string(second) + " lie on different grids");
    }
    other.setGeometry(reference.geometry());
    return evaluateSegmentation(reference, other, comparisonOptions());
}

StoredPrediction readStoredPrediction(const db::InferenceRun& run, const Size3& gridSize) {
    auto stored = std::make_shared<const LabelMap>(imaging::readLabelMap(run.labelMapPath));
    if (stored->geometry().size != gridSize) {
        throw std::runtime_error("the stored AI label map " + run.labelMapPath +
                                 " does not match the series grid");
    }
    // The run's lesion rows were found when it ran; the stored map is numbered by them.
    StoredPrediction prediction{stored, {}};
    std::vector<GtvLesion> lesions = lesionsOfRun(run);
    if (describesLesionNumberedMap(lesions, *stored)) {
        prediction.lesions = {stored, std::move(lesions)};
    } // else not carried: whoever needs the lesions labels the map
    return prediction;
}

bool describesLesionNumberedMap(const std::vector<GtvLesion>& lesions, const LabelMap& map) {
    std::vector<std::size_t> voxels(lesions.size() + 1, 0);
    for (const std::uint16_t value : map.data()) {
        if (value > lesions.size()) {
            return false;
        }
        ++voxels[value];
    }
    const double voxelMl = voxelVolumeMl(map);
    for (std::size_t n = 1; n < voxels.size(); ++n) {
        if (voxels[n] == 0 || !sameVoxelCount(static_cast<double>(voxels[n]) * voxelMl,
                                              lesions[n - 1].volumeMl, voxelMl)) {
            return false;
        }
    }
    return true;
}

ComparisonResult compareSegmentations(const LabelMap& manual, const LabelMap& predicted,
                                      ProgressSink& progress,
                                      const std::vector<GtvLesion>* manualLesions,
                                      const std::vector<GtvLesion>* aiLesions) {
    ProgressScope scope(progress, "Comparing the manual and the AI GTV");
    const SegmentationOptions options = comparisonOptions();
    ComparisonResult result;
    result.report = evaluateSegmentation(manual, predicted, options);
    scope.step(0.8, "lesion centres");
    const LesionMatching& matching = result.report.lesions;
    const double voxelMl = voxelVolumeMl(manual);
    // The matching numbered the lesions as labelGtvLesions does, so a list that agrees with it
    // names the same lesions; only a map without one is labelled again, for its centres.
    std::vector<GtvLesion> labelledManual;
    if (!matching.rows.empty() &&
        (!manualLesions || !manualListAgrees(*manualLesions, matching, voxelMl))) {
        labelledManual = labelGtvLesions(manual);
        manualLesions = &labelledManual;
    }
    std::vector<GtvLesion> labelledAi;
    if (!matching.falsePositives.empty() &&
        (!aiLesions || !aiListAgrees(*aiLesions, matching, voxelMl))) {
        labelledAi = labelGtvLesions(predicted);
        aiLesions = &labelledAi;
    }
    for (const LesionRow& row : matching.rows) {
        LesionComparison lesion;
        lesion.status = row.matchedPredictionId != 0 ? LesionComparison::Status::Matched
                                                     : LesionComparison::Status::Missed;
        lesion.manualId = row.referenceId;
        lesion.aiId = row.matchedPredictionId;
        lesion.dice = row.dice;
        lesion.hd95Mm = row.hd95Mm;
        lesion.manualVolumeMl = row.referenceVolumeMl;
        lesion.aiVolumeMl = row.predictionVolumeMl;
        lesion.maxDiameterMm = row.maxDiameterMm;
        lesion.axialDiameterMm = row.axialDiameterMm;
        lesion.centreMm = manualLesions->at(row.referenceId - 1u).centreMm;
        result.lesions.push_back(lesion);
    }
    for (const FalsePositiveLesion& fp : matching.falsePositives) {
        LesionComparison lesion;
        lesion.status = LesionComparison::Status::FalsePositive;
        lesion.aiId = fp.predictionId;
        lesion.dice = 0.0;
        lesion.hd95Mm = std::numeric_limits<double>::infinity();
        lesion.aiVolumeMl = fp.volumeMl;
        lesion.maxDiameterMm = fp.maxDiameterMm;
        lesion.axialDiameterMm = fp.axialDiameterMm;
        lesion.centreMm = aiLesions->at(fp.predictionId - 1u).centreMm;
        result.lesions.push_back(lesion);
    }
    return result;
}

} // namespace metis::workflow
