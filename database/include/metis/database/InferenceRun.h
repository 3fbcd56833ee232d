#pragma once
// One stored MTSA-Net result: the AI structure set (a lesion-numbered label map in managed
// storage with its lesion rows) and the inference_runs row with the EGFR figures. Torch-free:
// the caller copies the InferenceEngine's result into these plain structs.

#include "metis/core/ImageGeometry.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metis::db {

struct InferenceLesion {
    int number = 0; ///< its value in the stored label map (1..N)
    double volumeMl = 0.0;
    Vec3 centreMm{0, 0, 0};     ///< patient LPS
    double maxDiameterMm = 0.0; ///< 3D extent
    double meanProbability = 0.0;
    /// RANO-BM longest axial diameter; absent for results stored before it was recorded.
    std::optional<double> axialDiameterMm;
};

/// Patient-level EGFR call as stored: "mutant", "wild_type" or "undetermined" (no EGFR head).
inline constexpr const char* kEgfrCallUndetermined = "undetermined";

struct InferenceRun {
    std::int64_t id = 0;                 ///< filled when stored
    std::int64_t seriesId = 0;           ///< the series the model ran on
    std::optional<std::int64_t> modelId; ///< registered model, when the package is registered
    std::string modelVersion;            ///< also the AI structure set's author
    std::string createdAt;               ///< filled when stored
    std::string device;                  ///< where the network ran, e.g. "cpu", "cuda:0"
    std::string precision;               ///< numeric precision of the forward pass, e.g. "fp32"
    /// Per model slice (inferior to superior): mutant probability and predicted GTV area (mm^2);
    /// both empty or of equal length.
    std::vector<double> sliceMutantProbability;
    std::vector<double> sliceGtvAreaMm2;
    /// Slices the top-50 % area rule averaged, largest area first.
    std::vector<std::size_t> slicesUsed;
    std::optional<double> patientProbability; ///< mean mutant probability over slicesUsed
    std::string patientCall = kEgfrCallUndetermined;
    std::vector<InferenceLesion> lesions;
    /// The post-processing the GTV was made with; absent for results stored before it was
    /// recorded. `postProcessingChanged`: a reader chose it instead of the package's defaults.
    std::optional<double> gtvThreshold;
    std::optional<double> minLesionVolumeMm3;
    bool postProcessingChanged = false;

    std::int64_t structureSetId = 0;                  ///< the AI structure set, filled when stored
    std::optional<std::int64_t> parentStructureSetId; ///< the manual set it sits beside, if any
    std::string labelMapPath; ///< absolute path of the stored label map, filled when stored

    /// No slice had predicted metastasis, so the call averaged every slice.
    bool usedAllSlicesFallback() const;
};

/// A reader's triage of one lesion of a stored AI result.
enum class AiLesionDecision { Confirmed, Rejected };
std::string toString(AiLesionDecision decision); ///< "confirmed" or "rejected"

struct AiLesionReview {
    int lesionNumber = 0; ///< InferenceLesion::number
    AiLesionDecision decision = AiLesionDecision::Confirmed;
    std::string username;
    std::string decidedAt;
};

} // namespace metis::db
