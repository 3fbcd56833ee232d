#include "metis/workflow/TrainingRun.h"

#include "metis/core/Json.h"
#include "metis/models/Trainer.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace metis::workflow {
namespace {

/// Shortest text that reads back as the same number (no locale: the child parses C numbers).
std::string numberText(double value) {
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text << std::setprecision(17) << value;
    return text.str();
}

} // namespace

TrainingRecipe TrainingRecipe::paperConfiguration() {
    TrainingRecipe recipe;
    recipe.inputSize = 384;
    recipe.baseWidth = 32;
    recipe.embedDim = 256;
    recipe.sigmoidAttentionGate = false;
    recipe.sliceSpacingMm = 0.0;
    recipe.antiAliasing = false;
    recipe.segmentationLoss = models::SegmentationLoss::Paper;
    recipe.learningRate = 3e-4;
    recipe.maxEpochs = 200;
    recipe.slicesPerEpoch = 0;
    return recipe;
}

std::vector<std::string> trainCommandArguments(const TrainingRecipe& recipe) {
    std::vector<std::string> arguments = {
        "train",
        "--db",
        recipe.databasePath,
        "--out",
        recipe.package.string(),
        "--min-review",
        recipe.minimumReview == MinimumReview::Approved ? "approved" : "corrected",
        "--cutoff",
        recipe.split.cutoff,
        "--validation",
        std::to_string(recipe.split.validationCount),
        "--seed",
        std::to_string(recipe.split.seed),
        "--input-size",
        std::to_string(recipe.inputSize),
        "--base-width",
        std::to_string(recipe.baseWidth),
        "--embed-dim",
        std::to_string(recipe.embedDim),
        "--attention-heads",
        std::to_string(recipe.attentionHeads),
        "--attention-gate",
        recipe.sigmoidAttentionGate ? "sigmoid" : "linear",
        "--segmentation-loss",
        models::toString(recipe.segmentationLoss),
        "--slice-spacing",
        numberText(recipe.sliceSpacingMm),
        "--batch-size",
        std::to_string(recipe.batchSize),
        "--learning-rate",
        numberText(recipe.learningRate),
        "--max-epochs",
        std::to_string(recipe.maxEpochs),
        "--patience",
        std::to_string(recipe.patience),
        "--slices-per-epoch",
        std::to_string(recipe.slicesPerEpoch),
        "--max-minutes",
        numberText(recipe.maxMinutes),
        "--device",
        recipe.device,
        "--threads",
        std::to_string(recipe.threads),
    };
    if (!recipe.split.externalSite.empty()) {
        arguments.insert(arguments.end(), {"--external-site", recipe.split.externalSite});
    }
    if (!recipe.initialWeights.empty()) {
        arguments.insert(arguments.end(), {"--initial-weights", recipe.initialWeights.string()});
    }
    if (recipe.antiAliasing) {
        arguments.emplace_back("--anti-aliasing");
    }
    if (recipe.restart) {
        arguments.emplace_back("--restart");
    }
    return arguments;
}

std::filesystem::path trainingWorkFolder(const std::filesystem::path& package) {
    return package.string() + ".work"; // metis-cli train's default
}

std::vector<TrainingEpoch> readTrainingEpochs(const std::filesystem::path& package) {
    std::vector<TrainingEpoch> epochs;
    std::ifstream in(trainingWorkFolder(package) / models::kMetricsFile);
    for (std::string line; std::getline(in, line);) {
        try {
            const JsonValue record = parseJson(line, "metrics line");
            const auto number = [&](const char* key) {
                const JsonValue* value = record.find(key);
                return value && !value->isNull() ? value->asNumber(key) : 0.0;
            };
            epochs.push_back({static_cast<int>(number("epoch")), number("training_loss"),
                              number("validation_loss"), number("validation_dice"),
                              number("seconds")});
        } catch (const std::exception&) {
            // The trainer is appending this line right now; it is complete next time.
        }
    }
    return epochs;
}

std::optional<double> remainingSeconds(const std::vector<TrainingEpoch>& epochs, int maxEpochs,
                                       double fractionDone) {
    if (epochs.empty() || maxEpochs < 1) {
        return std::nullopt;
    }
    double total = 0.0;
    for (const TrainingEpoch& epoch : epochs) {
        total += epoch.seconds;
    }
    const double perEpoch = total / static_cast<double>(epochs.size());
    return std::max(0.0, 1.0 - fractionDone) * maxEpochs * perEpoch;
}

std::vector<std::string>
evaluateCommandArguments(const TrainingRecipe& recipe,
                         const std::vector<std::filesystem::path>& packages,
                         const std::filesystem::path& report) {
    std::vector<std::string> arguments = {"evaluate"};
    for (const auto& package : packages) {
        arguments.insert(arguments.end(), {"--model", package.string()});
    }
    arguments.insert(arguments.end(),
                     {"--db", recipe.databasePath, "--min-review",
                      recipe.minimumReview == MinimumReview::Approved ? "approved" : "corrected",
                      "--cutoff", recipe.split.cutoff, "--validation",
                      std::to_string(recipe.split.validationCount), "--seed",
                      std::to_string(recipe.split.seed), "--sets", "internal-test,external-test",
                      "--out", report.string(), "--device", recipe.device, "--threads",
                      std::to_string(recipe.threads)});
    if (!recipe.split.externalSite.empty()) {
        arguments.insert(arguments.end(), {"--external-site", recipe.split.externalSite});
    }
    return arguments;
}

std::vector<std::vector<SetFigures>> readEvaluationReport(const std::filesystem::path& report) {
    std::ifstream in(report, std::ios::binary);
    if (!in) {
        throw std::runtime_error(report.string() + ": cannot read the evaluation report");
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string origin = report.string();
    const JsonValue root = parseJson(text.str(), origin);
    std::vector<const JsonValue*> evaluations;
    if (const JsonValue* several = root.find("evaluations")) {
        for (const JsonValue& evaluation : several->asArray(origin)) {
            evaluations.push_back(&evaluation);
        }
    } else {
        evaluations.push_back(&root);
    }
    const auto estimate = [&](const JsonValue& object, const std::string& key) {
        return Estimate{object.at(key, origin).asNumber(origin),
                        object.at(key + "_ci95_low", origin).asNumber(origin),
                        object.at(key + "_ci95_high", origin).asNumber(origin)};
    };
    std::vector<std::vector<SetFigures>> models;
    for (const JsonValue* evaluation : evaluations) {
        std::vector<SetFigures> sets;
        for (const JsonValue& set : evaluation->at("sets", origin).asArray(origin)) {
            SetFigures figures;
            figures.set = set.at("set", origin).asString(origin);
            figures.patients = static_cast<int>(set.at("patients", origin).asNumber(origin));
            if (figures.patients == 0) {
                continue; // an empty set (no held-out site) has no figures
            }
            figures.dice = estimate(set, "dice");
            figures.falseLesionsPerPatient = estimate(set, "false_positives_per_patient");
            const auto known = [](const JsonValue* object, const char* key) {
                const JsonValue* value = object ? object->find(key) : nullptr;
                return value && !value->isNull();
            };
            const auto optionalNumber = [&](const JsonValue* object,
                                            const char* key) -> std::optional<double> {
                if (!known(object, key)) {
                    return std::nullopt;
                }
                return object->at(key, origin).asNumber(origin);
            };
            figures.hd95Mm = optionalNumber(&set, "hd95_mm");
            if (const JsonValue* bins = set.find("lesion_sensitivity")) {
                for (const JsonValue& bin : bins->asArray(origin)) {
                    figures.lesionSensitivity.push_back(
                        {bin.at("bin", origin).asString(origin),
                         static_cast<int>(bin.at("lesions", origin).asNumber(origin)),
                         static_cast<int>(bin.at("detected", origin).asNumber(origin))});
                }
            }
            const JsonValue* egfr = set.find("egfr");
            if (known(egfr, "roc_auc") && known(egfr, "roc_auc_ci95_low") &&
                known(egfr, "roc_auc_ci95_high")) {
                figures.egfrAuc = estimate(*egfr, "roc_auc");
            }
            figures.egfrAccuracy = optionalNumber(egfr, "accuracy");
            figures.egfrCalibrationError = optionalNumber(egfr, "expected_calibration_error");
            sets.push_back(std::move(figures));
        }
        models.push_back(std::move(sets));
    }
    return models;
}

} // namespace metis::workflow
