#include "metis/workflow/TrainingRun.h"

#include "metis/core/Json.h"
#include "metis/models/Trainer.h"

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
        "lesion-weighted",
        "--slice-spacing",
        numberText(recipe.sliceSpacingMm),
        "--batch-size",
        std::to_string(recipe.batchSize),
        "--learning-rate",
        numberText(recipe.learningRate),
        "--max-epochs",
        std::to_string(recipe.maxEpochs),
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

} // namespace metis::workflow
