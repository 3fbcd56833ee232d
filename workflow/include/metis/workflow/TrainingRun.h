#pragma once
// A retraining run as the training wizard starts it: the recipe becomes the command line of a
// `metis-cli train --db` child process (one code path with the CLI; a crash of training cannot
// take the workstation or its database down), and the run's progress is read back from the
// metrics the trainer appends after every epoch.

#include "metis/models/LossConfig.h"
#include "metis/workflow/TrainingCohort.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace metis::workflow {

/// What the wizard's recipe page sets. The defaults are the project's measured CPU recipe
/// (docs/mtsa-net-demo.md).
struct TrainingRecipe {
    std::string databasePath;
    std::filesystem::path package; ///< the model package to write
    MinimumReview minimumReview = MinimumReview::Approved;
    SplitOptions split;
    int inputSize = 256;
    int baseWidth = 8;
    int embedDim = 64;
    int attentionHeads = 8;
    bool sigmoidAttentionGate = true;
    double sliceSpacingMm = 2.0;
    /// Smooth each series to the model grid's resolution before sampling it, in training and
    /// (recorded in the package) in inference.
    bool antiAliasing = true;
    /// Fine-tuning: the model package to start from (its network replaces the shape above);
    /// empty: from scratch.
    std::filesystem::path initialWeights;
    models::SegmentationLoss segmentationLoss = models::SegmentationLoss::LesionWeighted;
    int batchSize = 16;
    double learningRate = 1e-3;
    int maxEpochs = 16;
    int patience = 20; ///< epochs without a better validation Dice before stopping
    int slicesPerEpoch = 2000;
    double maxMinutes = 0.0; ///< time budget; 0: none
    std::string device = "auto";
    int threads = 0; ///< 0: every core
    /// Start afresh; otherwise an interrupted run of the same package continues from its last
    /// checkpoint.
    bool restart = false;

    /// The paper's configuration (384 px, width 32, embed 256, Dice + focal loss with alpha 0.8
    /// and gamma 2, Adam 3e-4, patience 20), for a GPU.
    static TrainingRecipe paperConfiguration();
};

/// The arguments after the program name of the `metis-cli train` run for `recipe`.
std::vector<std::string> trainCommandArguments(const TrainingRecipe& recipe);

/// One finished epoch as the trainer recorded it (PACKAGE.work/metrics.jsonl).
struct TrainingEpoch {
    int epoch = 0;
    double trainingLoss = 0.0;
    double validationLoss = 0.0;
    double validationDice = 0.0;
    double seconds = 0.0;
};

/// The work folder the trainer keeps checkpoints and metrics in for `package`.
std::filesystem::path trainingWorkFolder(const std::filesystem::path& package);

/// The epochs recorded so far (none when the file does not exist yet). A line still being
/// written is skipped.
std::vector<TrainingEpoch> readTrainingEpochs(const std::filesystem::path& package);

/// Seconds left of a run that is `fractionDone` through its `maxEpochs` epochs, at the mean
/// time of the finished `epochs` (early stopping or a time budget can end it sooner); none
/// before an epoch has finished.
std::optional<double> remainingSeconds(const std::vector<TrainingEpoch>& epochs, int maxEpochs,
                                       double fractionDone);

/// The `metis-cli evaluate` command line that scores `packages` on the recipe's test patients
/// (internal and external test sets of the same split), writing its JSON report to `report`.
std::vector<std::string>
evaluateCommandArguments(const TrainingRecipe& recipe,
                         const std::vector<std::filesystem::path>& packages,
                         const std::filesystem::path& report);

/// A figure with its bootstrap 95 % interval.
struct Estimate {
    double value = 0.0;
    double low = 0.0;
    double high = 0.0;
    /// The intervals do not overlap: the difference is more than resampling noise.
    bool clearlyAbove(const Estimate& other) const { return low > other.high; }
};

/// Lesions of one size bin found by a model.
struct SizeBinSensitivity {
    std::string bin; ///< "<5mm", "5-10mm", ">10mm"
    int lesions = 0;
    int detected = 0;
};

/// One test set's figures of one model, from an evaluation report.
struct SetFigures {
    std::string set; ///< internal-test, external-test or all
    int patients = 0;
    Estimate dice;
    std::optional<double> hd95Mm; ///< absent when no patient had both surfaces
    Estimate falseLesionsPerPatient;
    std::vector<SizeBinSensitivity> lesionSensitivity;
    std::optional<Estimate> egfrAuc; ///< absent without an EGFR head or a single class
    std::optional<double> egfrAccuracy;
    std::optional<double> egfrCalibrationError; ///< expected calibration error
};

/// Reads the JSON report of `metis-cli evaluate --out` (one model, or {"evaluations": [...]}
/// for several, in --model order): the figures of each model's non-empty sets. Throws naming
/// the file.
std::vector<std::vector<SetFigures>> readEvaluationReport(const std::filesystem::path& report);

} // namespace metis::workflow
