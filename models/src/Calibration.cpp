#include "metis/models/Calibration.h"

#include "metis/core/SegmentationMetrics.h"

#include <cstdio>
#include <stdexcept>

namespace metis::models {

double CalibrationScore::lesionScore() const {
    const double weight = lesionBeta * lesionBeta;
    const double found = (1.0 + weight) * static_cast<double>(truePositive);
    const double denominator =
        found + weight * static_cast<double>(falseNegative) + static_cast<double>(falsePositive);
    return denominator > 0 ? found / denominator : 0.0;
}

CalibrationResult calibratePostProcessing(const InferenceEngine& engine,
                                          const std::vector<CalibrationCase>& cases,
                                          const CalibrationGrid& grid, ProgressSink& progress) {
    if (cases.empty()) {
        throw std::invalid_argument("calibration needs at least one validation patient");
    }
    const std::size_t total =
        grid.headMarginsMm.size() + grid.thresholds.size() + grid.minLesionVolumesMm3.size();
    ProgressScope scope(progress, "Choosing the post-processing");
    SegmentationOptions segmentationOptions;
    segmentationOptions.perSlice = false;

    CalibrationResult result;
    double bestValue = -1.0;
    const auto search = [&](const std::vector<double>& values, double GtvPostProcessing::*field) {
        const GtvPostProcessing start = result.best;
        for (const double value : values) {
            GtvPostProcessing settings = start;
            settings.*field = value;
            settings.validate();
            CalibrationScore score;
            score.settings = settings;
            score.lesionBeta = grid.lesionBeta;
            for (const CalibrationCase& patient : cases) {
                const InferenceResult output = engine.finish(patient.prediction, settings);
                const SegmentationReport report =
                    evaluateSegmentation(patient.gtv, output.mask, segmentationOptions);
                score.meanDice += report.dice / static_cast<double>(cases.size());
                score.truePositive += report.lesions.truePositive;
                score.falsePositive += report.lesions.falsePositive;
                score.falseNegative += report.lesions.falseNegative;
            }
            result.tried.push_back(score);
            // On a tie the larger value, the stricter one, wins (CalibrationGrid).
            if (score.value() > bestValue ||
                (score.value() == bestValue && settings.*field > result.best.*field)) {
                bestValue = score.value();
                result.best = settings;
            }
            char detail[160];
            std::snprintf(detail, sizeof detail,
                          "margin %.0f mm, threshold %.2f, min volume %.0f mm3: Dice %.3f, "
                          "lesion F-beta %.3f",
                          settings.headMarginMm, settings.threshold, settings.minLesionVolumeMm3,
                          score.meanDice, score.lesionScore());
            scope.step(static_cast<double>(result.tried.size()) / static_cast<double>(total),
                       detail);
        }
    };
    search(grid.headMarginsMm, &GtvPostProcessing::headMarginMm);
    search(grid.thresholds, &GtvPostProcessing::threshold);
    search(grid.minLesionVolumesMm3, &GtvPostProcessing::minLesionVolumeMm3);
    return result;
}

} // namespace metis::models
