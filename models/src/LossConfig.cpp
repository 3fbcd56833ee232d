// The loss configuration's names and checks: no LibTorch here (the package metadata reader,
// fuzzed on its own, reads them).
#include "metis/models/LossConfig.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace metis::models {

std::string toString(TaskWeighting weighting) {
    switch (weighting) {
    case TaskWeighting::Uncertainty:
        return "uncertainty";
    case TaskWeighting::Fixed:
        return "fixed";
    case TaskWeighting::SegmentationOnly:
        return "segmentation-only";
    case TaskWeighting::ClassificationOnly:
        return "classification-only";
    }
    return "unknown";
}

std::string toString(SegmentationLoss loss) {
    switch (loss) {
    case SegmentationLoss::Paper:
        return "paper";
    case SegmentationLoss::BatchDiceBce:
        return "batch-dice-bce";
    case SegmentationLoss::LesionWeighted:
        return "lesion-weighted";
    }
    return "unknown";
}

SegmentationLoss segmentationLossFromString(const std::string& text) {
    for (const auto loss : {SegmentationLoss::Paper, SegmentationLoss::BatchDiceBce,
                            SegmentationLoss::LesionWeighted}) {
        if (text == toString(loss)) {
            return loss;
        }
    }
    throw std::invalid_argument("unknown segmentation loss '" + text +
                                "' (expected paper, batch-dice-bce or lesion-weighted)");
}

TaskWeighting taskWeightingFromString(const std::string& text) {
    for (const auto weighting :
         {TaskWeighting::Uncertainty, TaskWeighting::Fixed, TaskWeighting::SegmentationOnly,
          TaskWeighting::ClassificationOnly}) {
        if (text == toString(weighting)) {
            return weighting;
        }
    }
    throw std::invalid_argument("unknown task weighting '" + text +
                                "' (expected uncertainty, fixed, segmentation-only or "
                                "classification-only)");
}

void LossConfig::validate() const {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) {
            throw std::invalid_argument("loss config: " + message);
        }
    };
    require(focalWeight >= 0.0,
            "focalWeight (beta) must be >= 0, got " + std::to_string(focalWeight));
    require(focalAlpha >= 0.0 && focalAlpha <= 1.0,
            "focalAlpha must be in [0, 1], got " + std::to_string(focalAlpha));
    require(focalGamma >= 0.0, "focalGamma must be >= 0, got " + std::to_string(focalGamma));
    require(diceSmoothing > 0.0, "diceSmoothing must be > 0 (it keeps empty slices finite), got " +
                                     std::to_string(diceSmoothing));
    require(lesionWindowPixels >= 1 && lesionWindowPixels % 2 == 1,
            "lesionWindowPixels must be odd and >= 1, got " + std::to_string(lesionWindowPixels));
    require(lesionShareReference > 0.0 && lesionShareReference <= 1.0,
            "lesionShareReference must be in (0, 1], got " + std::to_string(lesionShareReference));
    require(maxLesionWeight >= 1.0,
            "maxLesionWeight must be >= 1, got " + std::to_string(maxLesionWeight));
    if (weighting == TaskWeighting::Fixed) {
        require(fixedGtvWeight >= 0.0 && fixedEgfrWeight >= 0.0 &&
                    fixedGtvWeight + fixedEgfrWeight > 0.0,
                "fixed task weights must be >= 0 and not both 0");
    }
}

int LossConfig::lesionWindowPixelsFor(double pixelSizeMm) {
    constexpr double kWindowMm = 19.0;
    const int pixels = static_cast<int>(std::lround(kWindowMm / pixelSizeMm));
    return std::max(1, pixels | 1);
}

} // namespace metis::models
