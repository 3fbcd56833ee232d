#include "metis/models/Trainer.h"

#include "ComputeDeviceChoice.h"
#include "Losses.h"
#include "ModelPackageIO.h"
#include "MtsaNet.h"
#include "TensorArchive.h"
#include "metis/core/Json.h"
#include "metis/models/TorchRuntime.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <limits>
#include <mutex>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;

namespace metis::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// One batch as plain host memory, prepared off the training thread.
struct HostBatch {
    std::int64_t count = 0;
    std::int64_t channels = 1; ///< the slice and its context slices
    std::vector<float> images; ///< count * channels * side^2
    std::vector<float> masks;  ///< count * side^2, 0/1
    std::vector<std::int64_t> egfrLabels;
    std::vector<std::uint8_t> metastasis; ///< 1 where the slice holds metastasis
};

HostBatch assembleBatch(const SliceDataset& data, const std::vector<std::size_t>& order,
                        std::size_t first, std::size_t count, const AugmentationOptions* augment,
                        std::uint64_t seed, int epoch, int contextSlices) {
    const std::size_t pixels = data.slicePixels();
    const int channels = 1 + 2 * contextSlices;
    HostBatch batch;
    batch.count = static_cast<std::int64_t>(count);
    batch.channels = channels;
    batch.images.resize(count * static_cast<std::size_t>(channels) * pixels);
    batch.masks.resize(count * pixels);
    std::vector<std::uint8_t> mask(pixels);
    for (std::size_t n = 0; n < count; ++n) {
        const std::size_t slice = order[first + n];
        float* image = batch.images.data() + n * static_cast<std::size_t>(channels) * pixels;
        for (int offset = -contextSlices; offset <= contextSlices; ++offset) {
            const std::size_t source = offset == 0 ? slice : data.neighbour(slice, offset);
            std::copy_n(data.image(source), pixels,
                        image + static_cast<std::size_t>(offset + contextSlices) * pixels);
        }
        std::copy_n(data.mask(slice), pixels, mask.data());
        if (augment) {
            std::mt19937_64 random =
                seededStream(seed, static_cast<std::uint64_t>(epoch) + 1, first + n + 1);
            augmentSlice(image, mask.data(), data.side(), *augment, random, channels);
        }
        std::transform(mask.begin(), mask.end(),
                       batch.masks.begin() + static_cast<std::ptrdiff_t>(n * pixels),
                       [](std::uint8_t v) { return v ? 1.0f : 0.0f; });
        batch.egfrLabels.push_back(std::max(0, data.egfrMutant(slice)));
        batch.metastasis.push_back(data.hasMetastasis(slice) ? 1 : 0);
    }
    return batch;
}

/// Prepares the batches of one pass on a worker thread, a few ahead of the training step, so
/// that a step never waits on copying and augmentation.
class BatchPrefetcher {
public:
    BatchPrefetcher(const SliceDataset& data, std::vector<std::size_t> order, int batchSize,
                    std::optional<AugmentationOptions> augment, std::uint64_t seed, int epoch,
                    int contextSlices)
        : data_(data), order_(std::move(order)), batchSize_(static_cast<std::size_t>(batchSize)),
          augment_(std::move(augment)), seed_(seed), epoch_(epoch), contextSlices_(contextSlices),
          worker_([this] { produce(); }) {}

    ~BatchPrefetcher() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    std::size_t batchCount() const { return (order_.size() + batchSize_ - 1) / batchSize_; }

    /// The next batch in order; empty after the last one. Rethrows a worker failure.
    std::optional<HostBatch> next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !ready_.empty() || finished_; });
        if (failure_) {
            std::rethrow_exception(failure_);
        }
        if (ready_.empty()) {
            return std::nullopt;
        }
        HostBatch batch = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        return batch;
    }

private:
    static constexpr std::size_t kAhead = 3;

    void produce() {
        try {
            for (std::size_t first = 0; first < order_.size(); first += batchSize_) {
                const std::size_t count = std::min(batchSize_, order_.size() - first);
                HostBatch batch =
                    assembleBatch(data_, order_, first, count, augment_ ? &*augment_ : nullptr,
                                  seed_, epoch_, contextSlices_);
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return ready_.size() < kAhead || stopping_; });
                if (stopping_) {
                    return;
                }
                ready_.push_back(std::move(batch));
                changed_.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        finished_ = true;
        changed_.notify_all();
    }

    const SliceDataset& data_;
    std::vector<std::size_t> order_;
    std::size_t batchSize_;
    std::optional<AugmentationOptions> augment_;
    std::uint64_t seed_;
    int epoch_;
    int contextSlices_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<HostBatch> ready_;
    bool finished_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread worker_; // last: starts once everything above exists
};

struct DeviceBatch {
    torch::Tensor images;
    torch::Tensor masks;
    torch::Tensor egfrLabels;
    torch::Tensor metastasisRows; ///< int64 indices of the slices with metastasis
};

DeviceBatch toDevice(const HostBatch& batch, int side, const torch::Device& device) {
    const std::int64_t s = side;
    DeviceBatch out;
    out.images = torch::from_blob(const_cast<float*>(batch.images.data()),
                                  {batch.count, batch.channels, s, s}, torch::kFloat32)
                     .to(device, false, true);
    out.masks = torch::from_blob(const_cast<float*>(batch.masks.data()), {batch.count, 1, s, s},
                                 torch::kFloat32)
                    .to(device, false, true);
    out.egfrLabels = torch::from_blob(const_cast<std::int64_t*>(batch.egfrLabels.data()),
                                      {batch.count}, torch::kInt64)
                         .to(device, false, true);
    std::vector<std::int64_t> rows;
    for (std::int64_t n = 0; n < batch.count; ++n) {
        if (batch.metastasis[static_cast<std::size_t>(n)]) {
            rows.push_back(n);
        }
    }
    out.metastasisRows =
        torch::tensor(rows, torch::TensorOptions().dtype(torch::kInt64)).to(device);
    return out;
}

/// The EGFR loss is taken on slices with metastasis only: the patient's label says nothing a
/// metastasis-free slice could show, and the patient-level rule never reads those slices.
/// Returns the logits and labels of those rows (possibly none).
std::pair<torch::Tensor, torch::Tensor> egfrRows(const MtsaNetOutput& output,
                                                 const DeviceBatch& batch) {
    if (!output.egfr.defined()) {
        return {};
    }
    return {output.egfr.index_select(0, batch.metastasisRows),
            batch.egfrLabels.index_select(0, batch.metastasisRows)};
}

struct StepLosses {
    torch::Tensor total;
    torch::Tensor gtv;
    torch::Tensor egfr; ///< undefined when the batch had no metastasis slice or no EGFR task
};

StepLosses computeLosses(MultiTaskLossImpl& loss, const MtsaNetOutput& output,
                         const DeviceBatch& batch) {
    const LossConfig& config = loss.config();
    auto [egfrLogits, egfrLabels] = egfrRows(output, batch);
    const bool egfrPresent =
        config.usesClassification() && egfrLogits.defined() && egfrLogits.size(0) > 0;
    if (config.usesClassification() && !egfrPresent) {
        // No metastasis slice in this batch: the EGFR term is zero (graph kept for the weights).
        egfrLogits = output.egfr.narrow(0, 0, 1);
        egfrLabels = batch.egfrLabels.narrow(0, 0, 1);
    }
    const LossTerms terms = loss.forward(output.seg, batch.masks, egfrLogits, egfrLabels);
    StepLosses out;
    out.total = terms.total;
    if (egfrPresent) {
        out.egfr = terms.egfr;
    } else if (config.usesClassification()) {
        // Take the stand-in row's weighted EGFR term back out: value and gradient become zero.
        const torch::Tensor egfrShare =
            config.weighting == TaskWeighting::Uncertainty
                ? 0.5 * torch::exp(-2.0 * loss.logSigmaEgfr()) * terms.egfr
                : (config.weighting == TaskWeighting::Fixed ? config.fixedEgfrWeight * terms.egfr
                                                            : terms.egfr);
        out.total = terms.total - egfrShare;
    }
    out.gtv = terms.gtv;
    return out;
}

// Moves the network (channels-last) and the loss to `device`; their trainable tensors, for Adam.
std::vector<torch::Tensor> placeForTraining(MtsaNet& net, MultiTaskLoss& loss,
                                            const torch::Device& device) {
    net->to(device);
    net->useChannelsLast();
    loss->to(device);
    std::vector<torch::Tensor> parameters = net->parameters();
    for (const auto& p : loss->parameters()) {
        parameters.push_back(p);
    }
    return parameters;
}

LossConfig withLesionWindow(LossConfig config, double pixelMm) {
    config.lesionWindowPixels = LossConfig::lesionWindowPixelsFor(pixelMm);
    return config;
}

// The network, its loss (with the uncertainty weights) and Adam over both, on the device: how a
// training starts, and so what the throughput estimate times. Seed torch before building it.
struct TrainingSetup {
    TrainingSetup(const TrainingOptions& options, double pixelMm, const torch::Device& device)
        : net(options.architecture), loss(withLesionWindow(options.loss, pixelMm)),
          optimizer(placeForTraining(net, loss, device),
                    torch::optim::AdamOptions(options.learningRate)) {}

    MtsaNet net;
    MultiTaskLoss loss;
    torch::optim::Adam optimizer;
};

// One optimiser step on `batch`; its losses (not yet read back from the device).
StepLosses trainingStep(TrainingSetup& setup, const DeviceBatch& batch) {
    setup.optimizer.zero_grad();
    const MtsaNetOutput output = setup.net->forward(batch.images);
    StepLosses losses = computeLosses(*setup.loss, output, batch);
    losses.total.backward();
    setup.optimizer.step();
    return losses;
}

double scalar(const torch::Tensor& t) {
    return t.defined() ? t.detach().to(torch::kCPU).item<double>() : kNaN;
}

/// Running means of one pass.
struct PassTotals {
    double loss = 0.0, gtv = 0.0, egfr = 0.0;
    std::size_t lossBatches = 0, gtvBatches = 0, egfrSlices = 0;
    double egfrWeighted = 0.0;
    double overlap = 0.0, predicted = 0.0, reference = 0.0;
    std::size_t egfrCorrect = 0;
};

double mean(double sum, std::size_t count) {
    return count ? sum / static_cast<double>(count) : kNaN;
}

/// metrics.jsonl keeps one line per epoch; on resume the lines after the checkpoint's epoch
/// (written by an interrupted epoch's successors, if any) are dropped.
void truncateMetrics(const fs::path& path, int lastEpoch) {
    std::ifstream in(path);
    if (!in) {
        return;
    }
    std::string kept;
    std::string line;
    const std::string prefix = "{\"epoch\":";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0 && std::stoi(line.substr(prefix.size())) <= lastEpoch) {
            kept += line + "\n";
        }
    }
    in.close();
    writeFileAtomically(path, kept);
}

void appendMetrics(const fs::path& path, const EpochRecord& record) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << record.toJson() << "\n";
    if (!out.flush()) {
        throw std::runtime_error(path.string() + ": cannot append the epoch's metrics");
    }
}

struct Counters {
    int epoch = 0; ///< last completed epoch
    int bestEpoch = 0;
    /// The selection figure of the best epoch, oriented so that lower is better (the loss, or
    /// 1 - Dice).
    double bestScore = std::numeric_limits<double>::infinity();
    double bestValidationLoss = std::numeric_limits<double>::infinity();
    int epochsSinceBest = 0;
};

/// Writes `path` through `write` into PATH.partial, then renames it over `path`: a failure (a
/// full disk) leaves the previous file as it was and names the file and the reason.
void writeReplacing(const fs::path& path, const char* what,
                    const std::function<void(const fs::path& partial)>& write) {
    const fs::path partial = path.string() + ".partial";
    try {
        write(partial);
        fs::rename(partial, path);
    } catch (const std::exception& error) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        const auto space = fs::space(path.parent_path(), ignored);
        const bool full = !ignored && space.available < (std::uintmax_t{1} << 20);
        throw std::runtime_error(std::string("cannot write the ") + what + " " + path.string() +
                                 (full ? ": the disk is full" : "") + " (" +
                                 std::string(error.what()).substr(0, 200) +
                                 "); the previous one is kept");
    }
}

/// `fingerprint`: TrainingOptions::fingerprintJson() of the run, stored to refuse a resume under
/// other options.
void saveCheckpoint(const fs::path& path, const std::string& fingerprint, MtsaNetImpl& net,
                    MultiTaskLossImpl& loss, torch::optim::Adam& optimizer,
                    const Counters& counters) {
    torch::serialize::OutputArchive archive;
    for (const auto& [name, tensor] : net.namedState()) {
        archive.write("net." + name, tensor.detach().to(torch::kCPU));
    }
    for (const auto& item : loss.named_parameters()) {
        archive.write("loss." + item.key(), item.value().detach().to(torch::kCPU));
    }
    torch::serialize::OutputArchive optimizerArchive;
    optimizer.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    archive.write("counters", torch::tensor({static_cast<std::int64_t>(counters.epoch),
                                             static_cast<std::int64_t>(counters.bestEpoch),
                                             static_cast<std::int64_t>(counters.epochsSinceBest)}));
    archive.write(
        "best_validation_loss",
        torch::tensor({counters.bestValidationLoss, counters.bestScore}, torch::kFloat64));
    archive.write("options",
                  torch::from_blob(const_cast<char*>(fingerprint.data()),
                                   {static_cast<std::int64_t>(fingerprint.size())}, torch::kUInt8)
                      .clone());
    writeReplacing(path, "checkpoint", [&archive](const fs::path& partial) {
        // LibTorch's file writer throws from its destructor when the disk is full, which ends
        // the process; serialised in memory first, the bytes go through a checked stream.
        std::ostringstream bytes(std::ios::binary);
        archive.save_to(bytes);
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        const std::string data = std::move(bytes).str();
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        out.flush();
        if (!out) {
            throw std::runtime_error("write failed");
        }
    });
}

/// Copies the network tensors ("net.*") of a checkpoint archive into `net`.
void readNetworkState(torch::serialize::InputArchive& archive, MtsaNetImpl& net,
                      const fs::path& origin) {
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : net.namedState()) {
        torch::Tensor value;
        if (!archive.try_read("net." + name, value) || !value.sizes().equals(tensor.sizes())) {
            throw std::runtime_error(origin.string() + ": tensor '" + name +
                                     "' is missing or of another shape");
        }
        tensor.copy_(value);
    }
}

Counters loadCheckpoint(const fs::path& path, const std::string& fingerprint, MtsaNetImpl& net,
                        MultiTaskLossImpl& loss, torch::optim::Adam& optimizer) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path.string());
    } catch (const std::exception& e) {
        throw std::runtime_error(path.string() + ": not a readable checkpoint (" +
                                 std::string(e.what()).substr(0, 200) + ")");
    }
    torch::Tensor stored;
    archive.read("options", stored);
    const std::string storedFingerprint(static_cast<const char*>(stored.data_ptr()),
                                        static_cast<std::size_t>(stored.numel()));
    if (storedFingerprint != fingerprint) {
        throw std::runtime_error(path.string() +
                                 ": the checkpoint was written with other training options; use "
                                 "another work folder or delete it to start again");
    }
    readNetworkState(archive, net, path);
    torch::NoGradGuard noGrad;
    for (auto& item : loss.named_parameters()) {
        torch::Tensor value;
        archive.read("loss." + item.key(), value);
        item.value().copy_(value);
    }
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer.load(optimizerArchive);
    torch::Tensor counters;
    archive.read("counters", counters);
    torch::Tensor best;
    archive.read("best_validation_loss", best);
    Counters out;
    out.epoch = static_cast<int>(counters[0].item<std::int64_t>());
    out.bestEpoch = static_cast<int>(counters[1].item<std::int64_t>());
    out.epochsSinceBest = static_cast<int>(counters[2].item<std::int64_t>());
    out.bestValidationLoss = best[0].item<double>();
    out.bestScore = best[1].item<double>();
    return out;
}

/// Loads the weights of the package at `packageDir` into `net` for fine-tuning, after checking
/// that the package is intact and holds the network being trained.
void startFromPackage(const fs::path& packageDir, const MtsaNetConfig& architecture,
                      MtsaNetImpl& net) {
    const ModelPackageMetadata package = readModelPackage(packageDir);
    const MtsaNetConfig& stored = package.architecture;
    if (stored.inputSize != architecture.inputSize || stored.baseWidth != architecture.baseWidth ||
        stored.embedDim != architecture.embedDim ||
        stored.attentionHeads != architecture.attentionHeads ||
        stored.mlpRatio != architecture.mlpRatio || stored.heads != architecture.heads ||
        stored.attentionGate != architecture.attentionGate ||
        stored.contextSlices != architecture.contextSlices) {
        throw std::runtime_error(
            packageDir.string() + ": its network (" + std::to_string(stored.inputSize) +
            " px, width " + std::to_string(stored.baseWidth) + ", " + toString(stored.heads) +
            ") is not the one to train (" + std::to_string(architecture.inputSize) + " px, width " +
            std::to_string(architecture.baseWidth) + ", " + toString(architecture.heads) +
            "); fine-tuning keeps the package's network");
    }
    loadWeights(net, packageDir / kModelPackageWeightsFile);
}

void accumulateSegmentation(PassTotals& totals, const MtsaNetOutput& output,
                            const DeviceBatch& batch) {
    if (!output.seg.defined()) {
        return;
    }
    const torch::Tensor predicted = (output.seg >= 0.0).to(torch::kFloat32);
    totals.overlap += (predicted * batch.masks).sum().item<double>();
    totals.predicted += predicted.sum().item<double>();
    totals.reference += batch.masks.sum().item<double>();
}

} // namespace

std::string toString(ModelSelection selection) {
    return selection == ModelSelection::ValidationDice ? "dice" : "loss";
}

ModelSelection modelSelectionFromString(const std::string& text) {
    if (text == "dice") {
        return ModelSelection::ValidationDice;
    }
    if (text == "loss") {
        return ModelSelection::ValidationLoss;
    }
    throw std::invalid_argument("unknown model selection '" + text + "' (expected dice or loss)");
}

void TrainingOptions::validate() const {
    architecture.validate();
    loss.validate();
    auto fail = [](const std::string& what) { throw std::invalid_argument("training: " + what); };
    if (!(learningRate > 0.0)) {
        fail("learning rate must be positive");
    }
    if (batchSize < 1) {
        fail("batch size must be at least 1");
    }
    if (maxEpochs < 1) {
        fail("maximum epochs must be at least 1");
    }
    if (patience < 1) {
        fail("patience must be at least 1");
    }
    if (!(metastasisFreeFraction >= 0.0 && metastasisFreeFraction < 1.0)) {
        fail("metastasis-free fraction must lie in [0, 1)");
    }
    if (!(lesionBalancedShare >= 0.0 && lesionBalancedShare <= 10.0)) {
        fail("lesion-balanced share must lie in [0, 10]");
    }
    if (!(augmentation.faintLesionProbability >= 0.0 &&
          augmentation.faintLesionProbability <= 1.0)) {
        fail("the share of slices with faded lesions must lie in [0, 1]");
    }
    if (!(augmentation.minFaintLesionContrast >= 0.0 &&
          augmentation.minFaintLesionContrast <= 1.0)) {
        fail("the lowest faded lesion contrast must lie in [0, 1]");
    }
    if (maxMinutes < 0.0) {
        fail("time budget must not be negative");
    }
    if (workDir.empty()) {
        fail("a work folder is needed for checkpoints and metrics");
    }
    if (loss.usesSegmentation() != architecture.hasSegmentationHead() ||
        loss.usesClassification() != architecture.hasClassifierHead()) {
        fail("the loss weighting '" + toString(loss.weighting) +
             "' does not match the network heads '" + toString(architecture.heads) + "'");
    }
}

std::string TrainingOptions::fingerprintJson() const {
    JsonWriter json;
    json.beginObject();
    json.field("input_size", static_cast<std::int64_t>(architecture.inputSize));
    json.field("base_width", static_cast<std::int64_t>(architecture.baseWidth));
    json.field("embed_dim", static_cast<std::int64_t>(architecture.embedDim));
    json.field("heads", toString(architecture.heads));
    json.field("attention_gate", toString(architecture.attentionGate));
    if (architecture.contextSlices > 0) { // earlier runs' fingerprints stay valid
        json.field("context_slices", static_cast<std::int64_t>(architecture.contextSlices));
    }
    // The starting weights by content: another package at the same path is another run.
    json.field("initial_weights_sha256", initialWeights.empty()
                                             ? std::string()
                                             : readModelPackage(initialWeights).weightsSha256);
    json.field("weighting", toString(loss.weighting));
    json.field("segmentation_loss", toString(loss.segmentation));
    json.field("selection", toString(selection));
    json.field("learning_rate", learningRate);
    json.field("cosine_decay", cosineDecay);
    json.field("batch_size", static_cast<std::int64_t>(batchSize));
    json.field("metastasis_free_fraction", metastasisFreeFraction);
    if (lesionBalancedShare > 0.0) { // absent when off, so that older checkpoints still resume
        json.field("lesion_balanced_share", lesionBalancedShare);
    }
    json.field("max_slices_per_epoch", static_cast<std::uint64_t>(maxSlicesPerEpoch));
    json.field("augmentation", augmentation.enabled);
    if (augmentation.faintLesionProbability > 0.0) { // absent when off, as above
        json.field("faint_lesion_probability", augmentation.faintLesionProbability);
        json.field("min_faint_lesion_contrast", augmentation.minFaintLesionContrast);
    }
    json.field("seed", seed);
    json.endObject();
    return json.str();
}

std::string EpochRecord::toJson() const {
    JsonWriter json;
    json.beginObject();
    json.field("epoch", static_cast<std::int64_t>(epoch));
    json.field("training_slices", static_cast<std::uint64_t>(trainingSlices));
    json.field("training_loss", trainingLoss);
    json.field("training_gtv_loss", trainingGtvLoss);
    json.field("training_egfr_loss", trainingEgfrLoss);
    json.field("validation_loss", validationLoss);
    json.field("validation_dice", validationDice);
    json.field("validation_egfr_accuracy", validationEgfrAccuracy);
    json.field("sigma_gtv", sigmaGtv);
    json.field("sigma_egfr", sigmaEgfr);
    json.field("learning_rate", learningRate);
    json.field("seconds", seconds);
    json.field("training_slices_per_second", trainingSlicesPerSecond);
    json.field("improved", improved);
    json.endObject();
    return json.str();
}

TrainingThroughput measureTrainingThroughput(const TrainingOptions& options, int steps) {
    if (steps < 1) {
        throw std::invalid_argument("training throughput: at least one step");
    }
    const torch::Device device = torchDevice(options.device, "training");
    initialiseRuntime(options.threads);
    torch::manual_seed(options.seed);
    const std::int64_t side = options.architecture.inputSize;
    TrainingSetup setup(options, ModelGridOptions().fieldOfViewMm / static_cast<double>(side),
                        device);
    const std::int64_t count = options.batchSize;
    DeviceBatch batch;
    batch.images =
        torch::randn({count, options.architecture.inputChannels(), side, side}).to(device);
    const auto coordinates = torch::arange(side, torch::kFloat32) - side / 2.0;
    const auto disc = (coordinates.view({1, side}).pow(2) + coordinates.view({side, 1}).pow(2))
                          .le(std::pow(side / 10.0, 2))
                          .to(torch::kFloat32);
    batch.masks =
        disc.view({1, 1, side, side}).expand({count, 1, side, side}).contiguous().to(device);
    batch.egfrLabels = (torch::arange(count, torch::kInt64) % 2).to(device);
    batch.metastasisRows = torch::arange(count, torch::kInt64).to(device);
    setup.net->train();
    setup.loss->train();
    const auto step = [&] {
        scalar(trainingStep(setup, batch).total); // waits for the device
    };
    step(); // warm-up: allocations, kernel selection
    const auto started = std::chrono::steady_clock::now();
    for (int n = 0; n < steps; ++n) {
        step();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return {static_cast<double>(steps * count) / std::max(seconds, 1e-9), steps,
            device.is_cuda() ? "cuda" : "cpu"};
}

TrainingOutcome trainMtsaNet(const TrainingOptions& options, const SliceDataset& training,
                             const SliceDataset& validation, ProgressSink& progress,
                             const EpochCallback& onEpoch) {
    options.validate();
    for (const SliceDataset* data : {&training, &validation}) {
        if (data->side() != options.architecture.inputSize) {
            throw std::runtime_error("training: the data were prepared at " +
                                     std::to_string(data->side()) + " px, the network takes " +
                                     std::to_string(options.architecture.inputSize) + " px");
        }
        if (options.architecture.contextSlices > 0 && !data->hasSlicePositions()) {
            throw std::runtime_error("training: context slices need the slices' positions, which "
                                     "prepared files before version 4 lack; prepare them again");
        }
    }
    if (training.metastasisSlices().empty()) {
        throw std::runtime_error("training: the training set has no slice with metastasis");
    }
    if (validation.sliceCount() == 0) {
        throw std::runtime_error("training: the validation set is empty");
    }
    const torch::Device device = torchDevice(options.device, "training");
    initialiseRuntime(options.threads);

    fs::create_directories(options.workDir);
    const fs::path checkpointPath = options.workDir / kCheckpointFile;
    const fs::path bestPath = options.workDir / kBestWeightsFile;
    const fs::path metricsPath = options.workDir / kMetricsFile;

    torch::manual_seed(options.seed);
    TrainingSetup setup(
        options, training.preprocessing().fieldOfViewMm / static_cast<double>(training.side()),
        device);
    MtsaNet& net = setup.net;
    MultiTaskLoss& loss = setup.loss;
    torch::optim::Adam& optimizer = setup.optimizer;

    // Once per run: it names the starting weights by their SHA-256, which hashes the package.
    const std::string fingerprint = options.fingerprintJson();
    Counters counters;
    if (options.resume && fs::exists(checkpointPath)) {
        counters = loadCheckpoint(checkpointPath, fingerprint, *net, *loss, optimizer);
        truncateMetrics(metricsPath, counters.epoch);
    } else {
        fs::remove(metricsPath);
        fs::remove(bestPath);
        if (!options.initialWeights.empty()) {
            startFromPackage(options.initialWeights, options.architecture, *net);
        }
    }

    TrainingOutcome outcome;
    outcome.firstEpoch = counters.epoch + 1;
    outcome.loss = loss->config();
    const std::vector<double> lesionWeights =
        options.lesionBalancedShare > 0.0 ? lesionBalancedWeights(training) : std::vector<double>{};
    // Every validation slice, the whole head: false positives far from the lesions count.
    std::vector<std::size_t> validationOrder(validation.sliceCount());
    std::iota(validationOrder.begin(), validationOrder.end(), std::size_t{0});
    ProgressScope scope(progress, "MTSA-Net training");
    const auto runStarted = std::chrono::steady_clock::now();
    auto minutesSpent = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - runStarted)
                   .count() /
               60.0;
    };

    while (true) {
        if (counters.epoch >= options.maxEpochs) {
            outcome.stopReason = "maximum epochs";
            break;
        }
        if (counters.epochsSinceBest >= options.patience) {
            outcome.stopReason = "early stopping";
            break;
        }
        if (options.maxMinutes > 0.0 && minutesSpent() >= options.maxMinutes) {
            outcome.stopReason = "time budget";
            break;
        }
        const int epoch = counters.epoch + 1;
        const auto epochStarted = std::chrono::steady_clock::now();
        // Dropout draws from torch's generator: seed it per epoch so a resumed run matches.
        torch::manual_seed(options.seed * 1000003u + static_cast<std::uint64_t>(epoch));
        std::vector<std::size_t> order =
            epochSlices(training, options.metastasisFreeFraction, options.seed, epoch,
                        options.lesionBalancedShare, lesionWeights);
        if (options.maxSlicesPerEpoch > 0 && order.size() > options.maxSlicesPerEpoch) {
            order.resize(options.maxSlicesPerEpoch);
        }
        EpochRecord record;
        record.epoch = epoch;
        record.trainingSlices = order.size();
        record.learningRate =
            options.cosineDecay
                ? options.learningRate * 0.5 *
                      (1.0 + std::cos(3.14159265358979323846 * (epoch - 1) / options.maxEpochs))
                : options.learningRate;
        for (auto& group : optimizer.param_groups()) {
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(record.learningRate);
        }

        PassTotals train;
        net->train();
        loss->train();
        {
            BatchPrefetcher batches(training, order, options.batchSize, options.augmentation,
                                    options.seed, epoch, options.architecture.contextSlices);
            const std::size_t batchCount = batches.batchCount();
            std::size_t done = 0;
            while (auto host = batches.next()) {
                const DeviceBatch batch = toDevice(*host, training.side(), device);
                const StepLosses losses = trainingStep(setup, batch);
                train.loss += scalar(losses.total);
                ++train.lossBatches;
                if (losses.gtv.defined()) {
                    train.gtv += scalar(losses.gtv);
                    ++train.gtvBatches;
                }
                if (losses.egfr.defined()) {
                    const auto slices = static_cast<std::size_t>(batch.metastasisRows.size(0));
                    train.egfrWeighted += scalar(losses.egfr) * static_cast<double>(slices);
                    train.egfrSlices += slices;
                }
                ++done;
                const double epochShare =
                    static_cast<double>(done) / static_cast<double>(batchCount);
                scope.step(std::min(1.0, (epoch - 1 + epochShare) / options.maxEpochs),
                           "epoch " + std::to_string(epoch) + ", batch " + std::to_string(done) +
                               " / " + std::to_string(batchCount));
            }
        }
        const double trainingSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStarted).count();
        record.trainingLoss = mean(train.loss, train.lossBatches);
        record.trainingGtvLoss = mean(train.gtv, train.gtvBatches);
        record.trainingEgfrLoss = mean(train.egfrWeighted, train.egfrSlices);
        record.trainingSlicesPerSecond = static_cast<double>(order.size()) / trainingSeconds;

        PassTotals valid;
        net->eval();
        loss->eval();
        {
            torch::NoGradGuard noGrad;
            BatchPrefetcher batches(validation, validationOrder, options.batchSize, std::nullopt,
                                    options.seed, 0, options.architecture.contextSlices);
            while (auto host = batches.next()) {
                const DeviceBatch batch = toDevice(*host, validation.side(), device);
                const MtsaNetOutput output = net->forward(batch.images);
                const StepLosses losses = computeLosses(*loss, output, batch);
                if (losses.gtv.defined()) {
                    valid.gtv += scalar(losses.gtv) * static_cast<double>(host->count);
                    valid.gtvBatches += static_cast<std::size_t>(host->count);
                }
                if (losses.egfr.defined()) {
                    const auto slices = static_cast<std::size_t>(batch.metastasisRows.size(0));
                    valid.egfrWeighted += scalar(losses.egfr) * static_cast<double>(slices);
                    valid.egfrSlices += slices;
                    const auto [logits, labels] = egfrRows(output, batch);
                    valid.egfrCorrect += static_cast<std::size_t>(
                        (logits.argmax(1) == labels).sum().item<std::int64_t>());
                }
                accumulateSegmentation(valid, output, batch);
                scope.step(std::min(1.0, static_cast<double>(epoch) / options.maxEpochs),
                           "epoch " + std::to_string(epoch) + ", validation");
            }
        }
        const double validationGtv = mean(valid.gtv, valid.gtvBatches);
        const double validationEgfr = mean(valid.egfrWeighted, valid.egfrSlices);
        record.validationLoss = (options.loss.usesSegmentation() ? validationGtv : 0.0) +
                                (options.loss.usesClassification() ? validationEgfr : 0.0);
        record.validationDice =
            options.architecture.hasSegmentationHead()
                ? (2.0 * valid.overlap + 1e-9) / (valid.predicted + valid.reference + 1e-9)
                : kNaN;
        record.validationEgfrAccuracy =
            valid.egfrSlices ? static_cast<double>(valid.egfrCorrect) / valid.egfrSlices : kNaN;
        if (options.loss.weighting == TaskWeighting::Uncertainty) {
            record.sigmaGtv = std::exp(scalar(loss->logSigmaGtv()));
            record.sigmaEgfr = std::exp(scalar(loss->logSigmaEgfr()));
        }

        counters.epoch = epoch;
        const bool byDice = options.selection == ModelSelection::ValidationDice &&
                            options.architecture.hasSegmentationHead();
        const double score = byDice ? 1.0 - record.validationDice : record.validationLoss;
        if (std::isfinite(score) && score < counters.bestScore) {
            counters.bestScore = score;
            counters.bestValidationLoss = record.validationLoss;
            counters.bestEpoch = epoch;
            counters.epochsSinceBest = 0;
            record.improved = true;
            writeReplacing(bestPath, "best weights",
                           [&net](const fs::path& partial) { saveWeights(*net, partial); });
        } else {
            ++counters.epochsSinceBest;
        }
        record.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStarted).count();
        saveCheckpoint(checkpointPath, fingerprint, *net, *loss, optimizer, counters);
        appendMetrics(metricsPath, record);
        outcome.epochs.push_back(record);
        if (onEpoch) {
            onEpoch(record);
        }
    }

    outcome.lastEpoch = counters.epoch;
    outcome.bestEpoch = counters.bestEpoch;
    outcome.bestValidationLoss = counters.bestValidationLoss;
    for (const auto& record : outcome.epochs) {
        if (record.epoch == counters.bestEpoch) {
            outcome.best = record;
        }
    }
    scope.step(1.0, outcome.stopReason);
    return outcome;
}

void writePackageFromWorkFolder(const fs::path& workDir, const MtsaNetConfig& architecture,
                                PackagedWeights weights, const fs::path& packageDir,
                                ModelPackageMetadata& metadata) {
    MtsaNet net(architecture);
    if (weights == PackagedWeights::BestValidation) {
        const fs::path bestPath = workDir / kBestWeightsFile;
        if (!fs::exists(bestPath)) {
            throw std::runtime_error(bestPath.string() +
                                     ": no best weights yet (no epoch has finished)");
        }
        loadWeights(*net, bestPath);
    } else {
        const fs::path checkpointPath = workDir / kCheckpointFile;
        if (!fs::exists(checkpointPath)) {
            throw std::runtime_error(checkpointPath.string() +
                                     ": no checkpoint yet (no epoch has finished)");
        }
        torch::serialize::InputArchive archive;
        archive.load_from(checkpointPath.string());
        readNetworkState(archive, *net, checkpointPath);
    }
    writeModelPackage(packageDir, *net, metadata);
}

} // namespace metis::models
