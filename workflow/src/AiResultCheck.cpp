#include "metis/workflow/AiResultCheck.h"

#include "metis/core/HeadDepth.h"
#include "metis/core/ModelGrid.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
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
        // Depth into the head is a per-slice measure, so it is computed on the slices that hold
        // GTV voxels alone, stacked (a study opens with this check: the whole series took 1.2 s).
        const LabelMap head = foregroundMask(image);
        const auto& size = image.geometry().size;
        const auto slicePixels = static_cast<std::size_t>(size[0] * size[1]);
        std::vector<std::size_t> gtvSlices;
        for (std::size_t k = 0; k < static_cast<std::size_t>(size[2]); ++k) {
            const auto first = labels.begin() + static_cast<std::ptrdiff_t>(k * slicePixels);
            if (std::any_of(first, first + static_cast<std::ptrdiff_t>(slicePixels),
                            [](auto v) { return v != 0; })) {
                gtvSlices.push_back(k);
            }
        }
        ImageGeometry stackedGeometry = head.geometry();
        stackedGeometry.size[2] = static_cast<std::int64_t>(gtvSlices.size());
        LabelMap stacked(stackedGeometry, 0);
        for (std::size_t n = 0; n < gtvSlices.size(); ++n) {
            std::copy_n(
                head.data().begin() + static_cast<std::ptrdiff_t>(gtvSlices[n] * slicePixels),
                slicePixels, stacked.data().begin() + static_cast<std::ptrdiff_t>(n * slicePixels));
        }
        const ImageVolume depth = depthInsideHeadMm(stacked);
        std::size_t outside = 0;
        for (std::size_t n = 0; n < gtvSlices.size(); ++n) {
            const std::size_t offset = gtvSlices[n] * slicePixels;
            for (std::size_t i = 0; i < slicePixels; ++i) {
                if (labels[offset + i] != 0 &&
                    depth.data()[n * slicePixels + i] < limits.scalpDepthMm) {
                    ++outside;
                }
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
