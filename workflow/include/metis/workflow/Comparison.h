#pragma once

#include "metis/core/Progress.h"
#include "metis/core/SegmentationMetrics.h"
#include "metis/database/InferenceRun.h"
#include "metis/database/PatientDatabase.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace metis::workflow {

/// The options of `metis-cli metrics` without --per-slice, so the workstation and the command
/// line report the same numbers for the same two masks.
SegmentationOptions comparisonOptions();

/// One lesion of a GTV as the comparison and the report number them: a connected component of
/// the GTV (comparisonOptions().connectivity), numbered from 1 in raster order of its first voxel.
struct GtvLesion {
    double volumeMl = 0.0;
    Vec3 centreMm{0, 0, 0};
    double maxDiameterMm = 0.0; ///< 3D extent
    /// RANO-BM longest axial diameter; absent for AI results stored before it was recorded.
    std::optional<double> axialDiameterMm;
};

/// The lesions of one GTV label map, kept with the map they were found in so that they travel
/// with the study instead of being labelled again. A map replaced later (a saved edit, a new
/// run) is another object, which these lesions no longer describe.
struct GtvLesions {
    std::shared_ptr<const LabelMap> map;
    std::vector<GtvLesion> lesions;

    /// The lesions when they were found in `gtv`, else null.
    const std::vector<GtvLesion>* of(const std::shared_ptr<const LabelMap>& gtv) const {
        return gtv && gtv == map ? &lesions : nullptr;
    }
};

/// The AI label map a run stored (lesion-numbered), read back from storage.
struct StoredPrediction {
    std::shared_ptr<const LabelMap> gtv;
    GtvLesions lesions; ///< the run's lesion rows, carried only when they describe gtv
};
/// Throws naming the file when it cannot be read or is not on a grid of `gridSize`.
StoredPrediction readStoredPrediction(const db::InferenceRun& run, const Size3& gridSize);

/// Two stored structure-set versions of one series compared as the manual-vs-AI comparison does
/// (the first is the reference). Throws naming the problem: an unknown version, unreadable
/// labels, versions on different grids.
SegmentationReport compareStructureSetVersions(db::PatientDatabase& database, std::int64_t first,
                                               std::int64_t second);

/// Finds the lesions of `gtv` from its voxels (connected components).
std::vector<GtvLesion> labelGtvLesions(const LabelMap& gtv);
/// The lesion rows of a stored inference run, in their order. The inference engine numbers the
/// lesions of its mask as the comparison does, and the stored map carries those numbers.
std::vector<GtvLesion> lesionsOfRun(const db::InferenceRun& run);
/// Whether `lesions` are those of a lesion-numbered map (voxel value n: lesion n, as the
/// database stores an AI GTV): as many lesions as the largest value, each as large as its
/// voxels (within half a voxel). One pass over the voxels; nothing is labelled.
bool describesLesionNumberedMap(const std::vector<GtvLesion>& lesions, const LabelMap& map);

/// One row of the manual-versus-AI comparison: a manual lesion (matched or missed by the AI) or
/// an AI lesion without a manual one.
struct LesionComparison {
    enum class Status { Matched, Missed, FalsePositive };
    Status status = Status::Matched;
    std::uint16_t manualId = 0; ///< lesion number in the manual GTV (0: none)
    std::uint16_t aiId = 0;     ///< best-overlapping AI lesion (0: none)
    double dice = 0.0;          ///< 0 for missed and false-positive lesions
    double hd95Mm = 0.0;        ///< +infinity for missed and false-positive lesions
    double manualVolumeMl = 0.0;
    double aiVolumeMl = 0.0;      ///< all AI lesions overlapping the manual lesion
    double maxDiameterMm = 0.0;   ///< of the manual lesion, of the AI lesion for a false positive
    double axialDiameterMm = 0.0; ///< RANO-BM longest axial diameter of the same lesion
    Vec3 centreMm{0, 0, 0};       ///< centroid of the manual lesion (of the AI lesion for an FP)

    double volumeDifferenceMl() const { return aiVolumeMl - manualVolumeMl; }
};

struct ComparisonResult {
    SegmentationReport report;
    /// Manual lesions in lesion order, then the false positives in lesion order.
    std::vector<LesionComparison> lesions;
};

/// Lesion-wise comparison of a manual and a predicted GTV on one grid (every non-zero voxel is
/// GTV). `manualLesions` and `aiLesions`, when given, are the lesions already known for the two
/// maps (GtvLesions::of): they locate the lesions instead of labelling the maps once more, after
/// a check against the comparison's own lesion count and volumes (a list that disagrees is set
/// aside and the map labelled). Throws std::invalid_argument when the grids differ.
ComparisonResult compareSegmentations(const LabelMap& manual, const LabelMap& predicted,
                                      ProgressSink& progress,
                                      const std::vector<GtvLesion>* manualLesions = nullptr,
                                      const std::vector<GtvLesion>* aiLesions = nullptr);

} // namespace metis::workflow
