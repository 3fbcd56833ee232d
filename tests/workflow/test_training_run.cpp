// The training wizard's plumbing, without a display: the recipe as the child's command line,
// the trainer's metrics read while it writes them, and the evaluation reports read back (the
// committed reports of docs/ serve as the real format).
#include "TempDir.h"
#include "metis/workflow/TrainingRun.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>

using namespace metis;

namespace {

bool hasPair(const std::vector<std::string>& arguments, const std::string& option,
             const std::string& value) {
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == option && arguments[i + 1] == value) {
            return true;
        }
    }
    return false;
}

bool has(const std::vector<std::string>& arguments, const std::string& option) {
    return std::find(arguments.begin(), arguments.end(), option) != arguments.end();
}

std::filesystem::path docs(const std::string& name) {
    const char* source = std::getenv("METIS_SOURCE_DIR");
    return std::filesystem::path(source ? source : ".") / "docs" / name;
}

} // namespace

TEST(WorkflowTrainingRun, theRecipeBecomesTheTrainAndEvaluateCommandLines) {
    workflow::TrainingRecipe recipe;
    recipe.databasePath = "/site/metis.db";
    recipe.package = "/site/models/new";
    recipe.split.validationCount = 7;
    recipe.learningRate = 3e-4;
    const auto train = workflow::trainCommandArguments(recipe);
    EXPECT_EQ(train.front(), std::string("train"));
    EXPECT_TRUE(hasPair(train, "--db", "/site/metis.db"));
    EXPECT_TRUE(hasPair(train, "--out", "/site/models/new"));
    EXPECT_TRUE(hasPair(train, "--validation", "7"));
    EXPECT_TRUE(hasPair(train, "--attention-gate", "sigmoid"));
    EXPECT_TRUE(hasPair(train, "--learning-rate", "0.00029999999999999997") ||
                hasPair(train, "--learning-rate", "0.0003"));
    EXPECT_TRUE(hasPair(train, "--min-review", "approved"));
    EXPECT_FALSE(has(train, "--external-site"));
    EXPECT_FALSE(has(train, "--restart"));
    EXPECT_FALSE(has(train, "--initial-weights")); // from scratch
    EXPECT_TRUE(hasPair(train, "--segmentation-loss", "lesion-weighted"));
    EXPECT_TRUE(hasPair(train, "--patience", "20"));
    EXPECT_TRUE(hasPair(train, "--slice-spacing", "2"));
    EXPECT_TRUE(has(train, "--anti-aliasing")); // the CPU recipe smooths to its 1.25 mm grid
    recipe.split.externalSite = "Siemens";
    recipe.restart = true;
    recipe.initialWeights = "/site/models/active";
    recipe.patience = 5;
    const auto again = workflow::trainCommandArguments(recipe);
    EXPECT_TRUE(hasPair(again, "--external-site", "Siemens"));
    EXPECT_TRUE(has(again, "--restart"));
    EXPECT_TRUE(hasPair(again, "--initial-weights", "/site/models/active"));
    EXPECT_TRUE(hasPair(again, "--patience", "5"));
    const auto paper =
        workflow::trainCommandArguments(workflow::TrainingRecipe::paperConfiguration());
    EXPECT_TRUE(hasPair(paper, "--input-size", "384"));
    EXPECT_TRUE(hasPair(paper, "--attention-gate", "linear"));
    EXPECT_TRUE(hasPair(paper, "--segmentation-loss", "paper")); // Dice + focal (0.8, 2)
    EXPECT_TRUE(hasPair(paper, "--slice-spacing", "0"));
    EXPECT_FALSE(has(paper, "--anti-aliasing"));

    const auto evaluate =
        workflow::evaluateCommandArguments(recipe, {"/site/models/new", "/models/old"}, "/r.json");
    EXPECT_EQ(evaluate.front(), std::string("evaluate"));
    EXPECT_TRUE(hasPair(evaluate, "--model", "/site/models/new"));
    EXPECT_TRUE(hasPair(evaluate, "--model", "/models/old"));
    EXPECT_TRUE(hasPair(evaluate, "--db", "/site/metis.db"));
    EXPECT_TRUE(hasPair(evaluate, "--validation", "7"));
    EXPECT_TRUE(hasPair(evaluate, "--external-site", "Siemens"));
    EXPECT_TRUE(hasPair(evaluate, "--out", "/r.json"));
}

TEST(WorkflowTrainingRun, epochsAreReadWhileTheTrainerAppends) {
    test_tools::TempDir dir;
    const std::filesystem::path package = dir.filePath("model");
    EXPECT_TRUE(workflow::readTrainingEpochs(package).empty()); // not started yet
    std::filesystem::create_directories(workflow::trainingWorkFolder(package));
    std::ofstream metrics(workflow::trainingWorkFolder(package) / "metrics.jsonl");
    metrics
        << R"({"epoch": 1, "training_loss": 0.9, "validation_loss": 1.2, "validation_dice": 0.3, "validation_egfr_accuracy": null, "seconds": 12.5})"
        << "\n"
        << R"({"epoch": 2, "training_loss": 0.7, "validation_loss": 1.0, "validation_dice": 0.5, "seconds": 11})"
        << "\n"
        << R"({"epoch": 3, "training_lo)"; // being written
    metrics.close();
    const auto epochs = workflow::readTrainingEpochs(package);
    ASSERT_EQ(epochs.size(), std::size_t{2});
    EXPECT_EQ(epochs[1].epoch, 2);
    EXPECT_DOUBLE_EQ(epochs[0].validationDice, 0.3);
    EXPECT_DOUBLE_EQ(epochs[1].validationLoss, 1.0);
    EXPECT_DOUBLE_EQ(epochs[0].seconds, 12.5);
}

TEST(WorkflowTrainingRun, remainingTimeFollowsTheFinishedEpochs) {
    EXPECT_FALSE(workflow::remainingSeconds({}, 10, 0.05).has_value()); // no epoch yet
    std::vector<workflow::TrainingEpoch> epochs(2);
    epochs[0].seconds = 100.0;
    epochs[1].seconds = 140.0;
    // 10 epochs of 120 s on average, a quarter done: 900 s left.
    EXPECT_DOUBLE_EQ(*workflow::remainingSeconds(epochs, 10, 0.25), 900.0);
    EXPECT_DOUBLE_EQ(*workflow::remainingSeconds(epochs, 10, 1.0), 0.0);
}

TEST(WorkflowTrainingRun, evaluationReportsOfOneOrSeveralModelsAreRead) {
    const auto single =
        workflow::readEvaluationReport(docs("mtsa-net-sigmoid-gate-evaluation.json"));
    ASSERT_EQ(single.size(), std::size_t{1});
    ASSERT_EQ(single[0].size(), std::size_t{3});
    EXPECT_EQ(single[0][0].set, std::string("internal-test"));
    EXPECT_EQ(single[0][0].patients, 33);
    EXPECT_NEAR(single[0][0].dice.value, 0.8809, 1e-4);
    EXPECT_LT(single[0][0].dice.low, single[0][0].dice.value);
    EXPECT_NEAR(single[0][0].falseLesionsPerPatient.value, 1.4545, 1e-4);
    ASSERT_TRUE(single[0][0].egfrAuc.has_value());
    EXPECT_NEAR(single[0][0].egfrAuc->value, 0.472, 1e-3);
    EXPECT_NEAR(*single[0][0].hd95Mm, 21.92, 1e-2);
    EXPECT_NEAR(*single[0][0].egfrAccuracy, 0.5152, 1e-4);
    EXPECT_NEAR(*single[0][0].egfrCalibrationError, 0.3318, 1e-4);
    ASSERT_EQ(single[0][0].lesionSensitivity.size(), std::size_t{3});
    EXPECT_EQ(single[0][0].lesionSensitivity[0].bin, std::string("<5mm"));
    EXPECT_EQ(single[0][0].lesionSensitivity[0].lesions, 24);
    EXPECT_EQ(single[0][0].lesionSensitivity[0].detected, 8);
    EXPECT_EQ(single[0][0].lesionSensitivity[2].detected, 61);

    const auto several = workflow::readEvaluationReport(docs("mtsa-net-demo-evaluation.json"));
    ASSERT_EQ(several.size(), std::size_t{3});
    EXPECT_NEAR(several[0][0].dice.value, 0.8781, 1e-4);
    // The intervals decide "clearly better": these two overlap.
    EXPECT_FALSE(several[0][0].dice.clearlyAbove(single[0][0].dice));
    EXPECT_TRUE((workflow::Estimate{0.9, 0.85, 0.95}).clearlyAbove({0.8, 0.75, 0.84}));

    test_tools::TempDir dir;
    EXPECT_THROW(workflow::readEvaluationReport(dir.filePath("missing.json")), std::runtime_error);
}
