#pragma once

#include "metis/core/Progress.h"
#include "metis/core/Volume.h"
#include "metis/models/InferenceEngine.h"

#include <vector>

namespace metis::models {

/// One validation patient: the reference GTV on the series grid and the network's raw output
/// (InferenceEngine::predict), so every setting is tried without running the network again.
struct CalibrationCase {
    LabelMap gtv;
    NetworkPrediction prediction;
};

/// The settings tried, one coordinate after the other (margin, then threshold, then volume).
/// A larger value of each marks less. Where the validation patients score two values alike, the
/// larger is kept: it costs them nothing and marks less on the patients they do not show (a
/// minimum volume that removes no validation lesion still removes specks elsewhere).
struct CalibrationGrid {
    std::vector<double> headMarginsMm{0, 4, 8, 12};
    std::vector<double> thresholds{0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    /// Capped at 20 mm3 (a 3.4 mm sphere): a larger floor would delete real 4-5 mm metastases.
    std::vector<double> minLesionVolumesMm3{0, 5, 10, 20};
    /// The lesion score is F-beta: a missed metastasis weighs beta^2 times an invented one.
    /// 2 by default (see CalibrationScore); 1 gives F1, equal weights.
    double lesionBeta = 2.0;
};

struct CalibrationScore {
    GtvPostProcessing settings;
    double meanDice = 0.0;
    std::size_t truePositive = 0, falsePositive = 0, falseNegative = 0;
    double lesionBeta = 2.0;
    /// Pooled lesion F-beta: (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP). With the default
    /// beta 2 a missed metastasis costs four times an invented one, which the reviewer rejects
    /// in the editor with one click; F1 (equal costs) traded the small metastases for false
    /// lesions far under the one per patient a reader tolerates (docs/mtsa-net-demo.md).
    double lesionScore() const;
    /// What is maximised: mean Dice + lesion F-beta (lesions found or invented count as much
    /// as the outline of the ones found).
    double value() const { return meanDice + lesionScore(); }
};

struct CalibrationResult {
    GtvPostProcessing best;
    std::vector<CalibrationScore> tried; ///< in the order tried
};

/// Chooses the package's post-processing on validation patients by coordinate search over
/// `grid`, starting from the defaults. The engine must keep the head mask when margins other
/// than 0 are tried (InferenceOptions::keepHeadMask). Reports each setting to `progress`.
CalibrationResult calibratePostProcessing(const InferenceEngine& engine,
                                          const std::vector<CalibrationCase>& cases,
                                          const CalibrationGrid& grid, ProgressSink& progress);

} // namespace metis::models
