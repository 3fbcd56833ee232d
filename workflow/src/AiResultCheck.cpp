#include "metis/workflow/AiResultCheck.h"

#include "metis/core/HeadDepth.h"
#include "metis/core/ModelGrid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace metis::workflow {

std::vector<AiDoubt> assessAiResult(const db::InferenceRun& run, const LabelMap& predictedGtv,
                                    const ImageVolume& image, const std::string& recordedEgfrStatus,
                                    const AiPlausibilityLimits& limits) {
    if (predictedGtv.geometry().size != image.geometry().size) {
        throw std::invalid_argument("AI result check: the predicted GTV and the image differ "
                                    "in size");
    }
    std::vector<AiDoubt> doubts;
    if (run.lesions.size() > limits.maxLesions) {
        doubts.push_back({AiDoubtKind::ManyLesions, static_cast<double>(run.lesions.size()),
                          static_cast<double>(limits.maxLesions)});
    }

    const auto& labels = predictedGtv.data();
    const auto gtvVoxels = static_cast<std::size_t>(
        std::count_if(labels.begin(), labels.end(), [](auto v) { return v != 0; }));
    const auto& spacing = image.geometry().spacing;
    const double voxelMl = spacing[0] * spacing[1] * spacing[2] / 1000.0;
    const double volumeMl = static_cast<double>(gtvVoxels) * voxelMl;
    if (volumeMl > limits.maxTotalVolumeMl) {
        doubts.push_back({AiDoubtKind::LargeVolume, volumeMl, limits.maxTotalVolumeMl});
    }
    if (gtvVoxels > 0) {
        const ImageVolume depth = depthInsideHeadMm(foregroundMask(image));
        std::size_t outside = 0;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] != 0 && depth.data()[i] < limits.scalpDepthMm) {
                ++outside;
            }
        }
        const double share = static_cast<double>(outside) / static_cast<double>(gtvVoxels);
        if (share > limits.maxOutsideHeadShare) {
            doubts.push_back({AiDoubtKind::OutsideHead, share, limits.maxOutsideHeadShare});
        }
    }

    if (run.patientProbability) {
        const double p = *run.patientProbability;
        if (std::abs(p - 0.5) < limits.egfrUncertainHalfWidth) {
            doubts.push_back({AiDoubtKind::UncertainEgfr, p, limits.egfrUncertainHalfWidth});
        }
        const bool called = run.patientCall == "mutant" || run.patientCall == "wild_type";
        const bool recorded = recordedEgfrStatus == "mutant" || recordedEgfrStatus == "wild_type";
        if (called && recorded && run.patientCall != recordedEgfrStatus) {
            doubts.push_back({AiDoubtKind::EgfrDisagreesWithRecord, p, 0.5});
        }
    }
    return doubts;
}

bool isImplausibleSegmentation(const std::vector<AiDoubt>& doubts) {
    return std::any_of(doubts.begin(), doubts.end(), [](const AiDoubt& d) {
        return d.kind == AiDoubtKind::ManyLesions || d.kind == AiDoubtKind::LargeVolume ||
               d.kind == AiDoubtKind::OutsideHead;
    });
}

} // namespace metis::workflow
