#pragma once
// The AI result states its own doubt: the checks a reader would make before trusting a
// prediction, computed once and worded by each front end (workstation panel, report, CLI).

#include "metis/core/Volume.h"
#include "metis/database/InferenceRun.h"

#include <cstddef>
#include <string>
#include <vector>

namespace metis::workflow {

enum class AiDoubtKind {
    ManyLesions,   ///< more lesions than metastatic disease plausibly has (value: count)
    LargeVolume,   ///< total GTV volume beyond any plausible tumour burden (value: ml)
    OutsideHead,   ///< share of the GTV volume in the air or the scalp (value: 0..1)
    UncertainEgfr, ///< patient-level mutant probability close to 0.5 (value: probability)
    /// The AI call differs from the patient's recorded EGFR status (value: probability).
    EgfrDisagreesWithRecord,
};

struct AiDoubt {
    AiDoubtKind kind = AiDoubtKind::ManyLesions;
    double value = 0.0; ///< what was measured, in the unit the kind names
    double limit = 0.0; ///< the limit it crossed (for UncertainEgfr: the half-width around 0.5)
};

/// Where plausibility ends. The defaults: brain metastases of lung cancer number 4-8 per patient
/// in published series and miliary disease is rare; a total GTV of 100 ml is beyond the burden
/// a radiosurgery or radiotherapy plan is made for; metastases lie inside the skull, which the
/// scalp and bone keep at least a few millimetres from the air around the head.
struct AiPlausibilityLimits {
    std::size_t maxLesions = 20;
    double maxTotalVolumeMl = 100.0;
    /// GTV voxels closer than this (in-plane) to the air around the head count as outside it.
    double scalpDepthMm = 3.0;
    double maxOutsideHeadShare = 0.05;
    /// A patient-level probability within this of 0.5 is a call the model is not sure of.
    double egfrUncertainHalfWidth = 0.1;
};

/// The doubts about a stored AI result: `predictedGtv` its label map on `image`'s grid,
/// `recordedEgfrStatus` the patient's recorded status (mutant, wild_type; anything else is not
/// compared). Empty when nothing is in doubt. Throws std::invalid_argument when the map and the
/// image differ in size.
std::vector<AiDoubt> assessAiResult(const db::InferenceRun& run, const LabelMap& predictedGtv,
                                    const ImageVolume& image, const std::string& recordedEgfrStatus,
                                    const AiPlausibilityLimits& limits = {});

/// Whether the segmentation itself is implausible (lesion count, volume, outside the head), as
/// opposed to the EGFR call being uncertain or disputed.
bool isImplausibleSegmentation(const std::vector<AiDoubt>& doubts);

} // namespace metis::workflow
