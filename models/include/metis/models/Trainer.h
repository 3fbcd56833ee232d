#pragma once
// MTSA-Net training (MTSA-NET.md "Training"): Adam, early stopping on the validation loss with
// the best weights kept, a checkpoint after every epoch that a later run resumes from, per-epoch
// metrics as JSON lines, cancel through the progress sink. Torch-free API.

#include "metis/core/Progress.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/LossConfig.h"
#include "metis/models/ModelPackage.h"
#include "metis/models/MtsaNetConfig.h"
#include "metis/models/TrainingData.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace metis::models {

/// Files the trainer keeps in its working folder.
inline constexpr const char* kCheckpointFile = "checkpoint.pt"; ///< state after the last epoch
inline constexpr const char* kBestWeightsFile = "best.tensors"; ///< best-validation weights
inline constexpr const char* kMetricsFile = "metrics.jsonl";    ///< one EpochRecord per line

/// What early stopping and the kept "best" weights are judged by.
enum class ModelSelection {
    /// L_GTV + L_EGFR over the validation slices (the paper's rule). With ten validation
    /// patients the EGFR cross-entropy jumps between epochs and picked an untrained epoch 2.
    ValidationLoss,
    /// Dice of the predicted GTV pooled over every validation slice (the whole head, so false
    /// positives count); the EGFR-only network falls back to the validation loss.
    ValidationDice,
};

std::string toString(ModelSelection selection);
/// Parses "loss" or "dice".
ModelSelection modelSelectionFromString(const std::string& text);

/// The defaults are the project's measured CPU recipe (docs/mtsa-net-demo.md); the paper's
/// protocol is Adam 3e-4, the paper loss, metastasis slices only and selection by loss.
struct TrainingOptions {
    MtsaNetConfig architecture; ///< inputSize must equal the datasets' preprocessing
    LossConfig loss{TaskWeighting::Uncertainty, SegmentationLoss::BatchDiceBce};
    double learningRate = 1e-3;
    /// Cosine decay of the learning rate from learningRate at epoch 1 towards 0 at maxEpochs
    /// (per epoch, so a resumed run follows the same curve); off: constant.
    bool cosineDecay = true;
    int batchSize = 16;
    int maxEpochs = 200;
    int patience = 20; ///< epochs without a better selection figure before stopping
    ModelSelection selection = ModelSelection::ValidationDice;
    /// Share of metastasis-free slices in each training epoch, drawn from the whole head
    /// (MTSA-NET.md leaves it to the project; the paper trains on metastasis slices only, i.e.
    /// 0, which leaves the vertex, the skull base and the scalp unseen). 0.2 against 0.5 on the
    /// phantom test sets: Dice 0.835 vs 0.807, lesions < 10 mm found 0.48 vs 0.34, false lesions
    /// per patient 0.52 vs 0.14 (docs/mtsa-net-demo.md).
    double metastasisFreeFraction = 0.2;
    /// Metastasis slices drawn again per epoch, as a share of their number, with every lesion
    /// equally likely (lesionBalancedWeights): a metastasis of 3 mm spans one or two slices and
    /// is otherwise seen a tenth as often as one of 30 mm. 0: every metastasis slice once.
    double lesionBalancedShare = 0.0;
    /// Caps the slices of one training epoch (0: all). CPU budgets use it to check the
    /// validation loss more often than once per full pass.
    std::size_t maxSlicesPerEpoch = 0;
    AugmentationOptions augmentation;
    std::uint64_t seed = 1;
    ComputeDevice device = ComputeDevice::Auto;
    int threads = 0; ///< CPU threads; 0: every core
    /// Wall-clock budget for this run in minutes (0: none): no epoch starts after it is spent.
    double maxMinutes = 0.0;
    /// Fine-tuning: the model package whose weights a fresh run starts from (its network must
    /// be `architecture`); empty: a freshly initialised network. A resumed run continues from
    /// its checkpoint either way.
    std::filesystem::path initialWeights;
    std::filesystem::path workDir; ///< checkpoint, best weights, metrics
    bool resume = true;            ///< continue from workDir's checkpoint when there is one

    /// Throws std::invalid_argument naming the offending field.
    void validate() const;
    /// Every option that changes the computation, as JSON; a checkpoint written under other
    /// options is refused on resume.
    std::string fingerprintJson() const;
};

struct EpochRecord {
    int epoch = 0; ///< 1-based
    std::size_t trainingSlices = 0;
    double trainingLoss = 0.0;     ///< the joint loss the optimiser minimised
    double trainingGtvLoss = 0.0;  ///< Dice + beta * focal (NaN without segmentation)
    double trainingEgfrLoss = 0.0; ///< cross-entropy (NaN without classification)
    /// L_GTV + L_EGFR over the validation slices (the tasks the weighting uses), without the
    /// learned uncertainty weights, which would otherwise move the target the stopping rule
    /// compares against. Early stopping watches it under ModelSelection::ValidationLoss.
    double validationLoss = 0.0;
    /// Pooled Dice at p >= 0.5 over every validation slice; early stopping watches it under
    /// ModelSelection::ValidationDice.
    double validationDice = 0.0;
    double validationEgfrAccuracy = 0.0; ///< per slice (NaN without classification)
    double sigmaGtv = 1.0;               ///< learned uncertainty weights (1 when not learned)
    double sigmaEgfr = 1.0;
    double learningRate = 0.0; ///< the epoch's learning rate
    double seconds = 0.0;
    double trainingSlicesPerSecond = 0.0;
    bool improved = false; ///< a new best selection figure: these weights were kept

    /// One line of metrics.jsonl.
    std::string toJson() const;
};

struct TrainingOutcome {
    int firstEpoch = 1; ///< > 1 when the run resumed from a checkpoint
    int lastEpoch = 0;
    int bestEpoch = 0;
    double bestValidationLoss = 0.0; ///< the best epoch's validation loss
    EpochRecord best;       ///< the best epoch's record when this run reached it (else epoch 0)
    std::string stopReason; ///< "early stopping", "maximum epochs" or "time budget"
    std::vector<EpochRecord> epochs; ///< this run's epochs
    LossConfig loss; ///< the loss as trained: options.loss with the lesion window of the grid
};

using EpochCallback = std::function<void(const EpochRecord&)>;

/// Trains until early stopping, the epoch limit or the time budget. Writes the checkpoint after
/// every epoch (through a temporary file and a rename, so an interruption leaves the previous
/// one intact), the best weights whenever the validation loss improves, and appends the epoch's
/// record to metrics.jsonl. Resuming (options.resume and a checkpoint in workDir) restores the
/// network, the loss weights, Adam's moments and the counters, and continues with the next
/// epoch exactly as the uninterrupted run would have (the data order, augmentation and dropout
/// are seeded per epoch). Throws metis::OperationCancelled when the sink asks to stop, leaving
/// the last complete epoch's checkpoint; std::runtime_error for unusable data or a checkpoint
/// written under other options.
TrainingOutcome trainMtsaNet(const TrainingOptions& options, const SliceDataset& training,
                             const SliceDataset& validation, ProgressSink& progress,
                             const EpochCallback& onEpoch = {});

/// Training steps per second of `options`' network, loss and optimiser on its device and
/// threads, timed on synthetic batches (a disc of metastasis in every slice) after one warm-up
/// step: what an epoch will cost, measured before any patient is read.
struct TrainingThroughput {
    double slicesPerSecond = 0.0;
    int steps = 0;
    std::string device; ///< "cpu" or "cuda"
};
TrainingThroughput measureTrainingThroughput(const TrainingOptions& options, int steps = 3);

/// Which weights a package made from a work folder holds.
enum class PackagedWeights {
    BestValidation, ///< the epoch with the best selection figure (best.tensors)
    LastEpoch,      ///< the last completed epoch (checkpoint.pt)
};

/// Packs weights from a work folder into a model package (writeModelPackage). `metadata`
/// supplies everything but the architecture, which comes from `architecture`. Throws
/// std::runtime_error naming the file when no epoch has finished yet.
void writePackageFromWorkFolder(const std::filesystem::path& workDir,
                                const MtsaNetConfig& architecture, PackagedWeights weights,
                                const std::filesystem::path& packageDir,
                                ModelPackageMetadata& metadata);

} // namespace metis::models
