#include "metis/models/InferenceEngine.h"

#include "ComputeDeviceChoice.h"
#include "ModelPackageIO.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/core/HeadDepth.h"
#include "metis/core/ModelGrid.h"
#include "metis/models/TorchRuntime.h"

#include <ATen/autocast_mode.h>
#include <ATen/cpu/Utils.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace metis::models {
namespace {

// Activation budgets for the automatic batch size. On the CPU a batch whose activations leave
// the caches is slower per slice, not faster (paper configuration, bf16, 2 cores: 297 ms per
// slice at batch 1, 351 at batch 4; PyTorch alike, 194 vs 328; the demo model: batch 16 about
// 1.8 s per series, batch 46 2.3-2.4 s): 256 MB gives the paper network batch 1 and the demo
// model about 11. A GPU needs larger batches to fill its cores but must leave room for other work.
constexpr double kCpuActivationBudget = 256.0 * 1024 * 1024;
constexpr double kCudaActivationBudget = 4.0 * 1024 * 1024 * 1024;

/// Turns bf16 autocast on for `device` for its lifetime (restoring what was there before).
class BFloat16Scope {
public:
    BFloat16Scope(bool enabled, at::DeviceType device) : enabled_(enabled), device_(device) {
        if (enabled_) {
            wasEnabled_ = at::autocast::is_autocast_enabled(device_);
            previousType_ = at::autocast::get_autocast_dtype(device_);
            at::autocast::set_autocast_dtype(device_, at::kBFloat16);
            at::autocast::set_autocast_enabled(device_, true);
        }
    }
    ~BFloat16Scope() {
        if (enabled_) {
            at::autocast::clear_cache();
            at::autocast::set_autocast_enabled(device_, wasEnabled_);
            at::autocast::set_autocast_dtype(device_, previousType_);
        }
    }
    BFloat16Scope(const BFloat16Scope&) = delete;
    BFloat16Scope& operator=(const BFloat16Scope&) = delete;

private:
    bool enabled_;
    at::DeviceType device_;
    bool wasEnabled_ = false;
    at::ScalarType previousType_ = at::kBFloat16;
};

} // namespace

std::string toString(ComputeDevice device) {
    switch (device) {
    case ComputeDevice::Auto:
        return "auto";
    case ComputeDevice::Cpu:
        return "cpu";
    case ComputeDevice::Cuda:
        return "cuda";
    }
    return "unknown";
}

ComputeDevice computeDeviceFromString(const std::string& text) {
    for (const auto device : {ComputeDevice::Auto, ComputeDevice::Cpu, ComputeDevice::Cuda}) {
        if (text == toString(device)) {
            return device;
        }
    }
    throw std::invalid_argument("unknown device '" + text + "' (expected auto, cpu or cuda)");
}

std::string toString(InferencePrecision precision) {
    switch (precision) {
    case InferencePrecision::Auto:
        return "auto";
    case InferencePrecision::Float32:
        return "fp32";
    case InferencePrecision::BFloat16:
        return "bf16";
    }
    return "unknown";
}

InferencePrecision inferencePrecisionFromString(const std::string& text) {
    for (const auto precision :
         {InferencePrecision::Auto, InferencePrecision::Float32, InferencePrecision::BFloat16}) {
        if (text == toString(precision)) {
            return precision;
        }
    }
    throw std::invalid_argument("unknown precision '" + text + "' (expected auto, fp32 or bf16)");
}

bool cpuHasNativeBFloat16() {
    static const bool native = [] {
        const auto capabilities = at::cpu::get_cpu_capabilities();
        auto flag = [&](const char* name) {
            const auto found = capabilities.find(name);
            return found != capabilities.end() && found->second.isBool() && found->second.toBool();
        };
        return flag("avx512_bf16") || flag("amx_bf16");
    }();
    return native;
}

int batchSizeForBudget(const MtsaNetConfig& config, double budgetBytes) {
    constexpr double kLiveTensorsPerLevel = 10.0;
    double bytesPerSlice = 0.0;
    for (int level = 0; level < MtsaNetConfig::kLevels; ++level) {
        const double side = static_cast<double>(config.inputSize >> level);
        bytesPerSlice += kLiveTensorsPerLevel * side * side * config.levelWidth(level) * 4.0;
    }
    const double batch = std::floor(budgetBytes / bytesPerSlice);
    return static_cast<int>(std::clamp(batch, 1.0, 64.0));
}

struct InferenceEngine::Impl {
    InferenceOptions options;
    LoadedPackage package;
    /// What run() applies: the reader's choice, else the package's.
    const GtvPostProcessing& postProcessing() const {
        return options.postProcessing ? *options.postProcessing : package.metadata.postProcessing;
    }
    torch::Device device{torch::kCPU};
    int batchSize = 1;
    bool bfloat16 = false;
};

int automaticBatchSize(const MtsaNetConfig& config, bool cuda) {
    return batchSizeForBudget(config, cuda ? kCudaActivationBudget : kCpuActivationBudget);
}

InferenceEngine::InferenceEngine(const std::filesystem::path& packagePath,
                                 const InferenceOptions& options)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = options;
    if (options.postProcessing) {
        options.postProcessing->validate();
    }
    impl_->device = torchDevice(options.device, "inference");
    const bool useCuda = impl_->device.is_cuda();
    initialiseRuntime(options.threads);

    impl_->package = loadModelPackage(packagePath);
    impl_->package.network->to(impl_->device);
    impl_->package.network->useChannelsLast();
    impl_->package.network->eval();
    impl_->package.network->foldNormalisation();
    impl_->bfloat16 =
        options.precision == InferencePrecision::BFloat16 ||
        (options.precision == InferencePrecision::Auto && (useCuda || cpuHasNativeBFloat16()));
    if (impl_->bfloat16) {
        impl_->package.network->storeWeightsForAutocast(torch::kBFloat16);
    }
    impl_->batchSize = options.batchSize > 0
                           ? options.batchSize
                           : automaticBatchSize(impl_->package.metadata.architecture, useCuda);
}

InferenceEngine::~InferenceEngine() = default;

const ModelPackageMetadata& InferenceEngine::metadata() const {
    return impl_->package.metadata;
}

std::string InferenceEngine::device() const {
    return impl_->device.is_cuda() ? "cuda" : "cpu";
}

std::string InferenceEngine::precision() const {
    return impl_->bfloat16 ? "bf16" : "fp32";
}

int InferenceEngine::batchSize() const {
    return impl_->batchSize;
}

InferenceResult InferenceEngine::run(const ImageVolume& series, ProgressSink& progress,
                                     const LabelMap* brainMask) const {
    ProgressScope scope(progress, "MTSA-Net inference");
    SubrangeProgressSink network(progress, 0.0, 0.9);
    const NetworkPrediction prediction = predict(series, network, brainMask);
    scope.step(0.9, "post-processing");
    InferenceResult result = finish(prediction, impl_->postProcessing());
    scope.step(1.0);
    return result;
}

NetworkPrediction InferenceEngine::predict(const ImageVolume& series, ProgressSink& progress,
                                           const LabelMap* brainMask) const {
    const auto started = std::chrono::steady_clock::now();
    ProgressScope scope(progress, "MTSA-Net network");
    const MtsaNetConfig& config = impl_->package.metadata.architecture;

    ModelGridOptions gridOptions = impl_->package.metadata.preprocessing;
    gridOptions.threads = static_cast<unsigned>(std::max(0, impl_->options.threads));
    gridOptions.sliceOversampling = impl_->package.metadata.sliceOversampling;
    scope.step(0.0, "resampling to the model grid");
    NetworkPrediction prediction{prepareModelInput(series, brainMask, gridOptions),
                                 {},
                                 {},
                                 {},
                                 device(),
                                 precision(),
                                 impl_->batchSize,
                                 0.0};
    const ModelInput& input = prediction.input;
    const ImageGeometry& modelGeometry = input.grid.modelGeometry();
    if (impl_->options.keepHeadMask || impl_->postProcessing().headMarginMm > 0.0) {
        prediction.head = input.grid.labelsToModel(brainMask ? *brainMask : foregroundMask(series));
    }

    const auto side = static_cast<std::int64_t>(config.inputSize);
    const auto sliceCount = static_cast<std::int64_t>(modelGeometry.size[2]);
    const std::int64_t slicePixels = side * side;
    if (config.hasSegmentationHead()) {
        prediction.modelProbability = ImageVolume(modelGeometry, 0.0f);
    }
    if (config.hasClassifierHead()) {
        prediction.sliceMutantProbability.assign(static_cast<std::size_t>(sliceCount), 0.0);
    }

    torch::InferenceMode inferenceMode;
    const BFloat16Scope bfloat16(impl_->bfloat16, impl_->device.type());
    auto& net = *impl_->package.network;
    // The model-grid volume stores slice k as one contiguous inputSize^2 block.
    const torch::Tensor volume = torch::from_blob(const_cast<float*>(input.image.data().data()),
                                                  {sliceCount, side, side}, torch::kFloat32);
    const std::int64_t context = config.contextSlices;
    // The neighbours the network was trained with lie one trained slice spacing apart.
    const std::int64_t contextStep = gridOptions.sliceOversampling;
    for (std::int64_t first = 0; first < sliceCount; first += impl_->batchSize) {
        const std::int64_t count = std::min<std::int64_t>(impl_->batchSize, sliceCount - first);
        torch::Tensor batch;
        if (context == 0) {
            batch = volume.narrow(0, first, count).unsqueeze(1);
        } else {
            // Channel c holds slice k + c - context, the volume's edge slice repeated beyond it
            // (as training's SliceDataset::neighbour does).
            const torch::Tensor centre = torch::arange(first, first + count, torch::kInt64);
            std::vector<torch::Tensor> channels;
            for (std::int64_t offset = -context; offset <= context; ++offset) {
                channels.push_back(volume.index_select(
                    0, (centre + offset * contextStep).clamp(0, sliceCount - 1)));
            }
            batch = torch::stack(channels, 1);
        }
        batch = batch.to(impl_->device);
        const MtsaNetOutput output = net.forward(batch);
        torch::Tensor probability;
        torch::Tensor mutant;
        if (output.seg.defined()) {
            probability = torch::sigmoid(output.seg.to(torch::kFloat32));
        }
        if (output.egfr.defined()) {
            mutant = torch::softmax(output.egfr.to(torch::kFloat32), 1).select(1, 1);
        }
        if (impl_->package.metadata.testTimeMirror) {
            // Width is the last axis (NCHW): mirror the input, predict, mirror the map back.
            const MtsaNetOutput mirrored = net.forward(batch.flip({3}));
            if (probability.defined()) {
                probability = 0.5f * (probability +
                                      torch::sigmoid(mirrored.seg.to(torch::kFloat32)).flip({3}));
            }
            if (mutant.defined()) {
                mutant = 0.5f * (mutant +
                                 torch::softmax(mirrored.egfr.to(torch::kFloat32), 1).select(1, 1));
            }
        }
        if (probability.defined()) {
            probability = probability.to(torch::kCPU).contiguous();
            std::copy_n(probability.data_ptr<float>(), count * slicePixels,
                        prediction.modelProbability.data().data() + first * slicePixels);
        }
        if (mutant.defined()) {
            mutant = mutant.to(torch::kCPU).contiguous();
            const float* values = mutant.data_ptr<float>();
            for (std::int64_t n = 0; n < count; ++n) {
                prediction.sliceMutantProbability[static_cast<std::size_t>(first + n)] = values[n];
            }
        }
        scope.step(0.05 +
                       0.95 * static_cast<double>(first + count) / static_cast<double>(sliceCount),
                   "slices " + std::to_string(first + count) + " / " + std::to_string(sliceCount));
    }
    prediction.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return prediction;
}

InferenceResult InferenceEngine::finish(const NetworkPrediction& prediction,
                                        const GtvPostProcessing& postProcessing) const {
    postProcessing.validate();
    const auto started = std::chrono::steady_clock::now();
    const MtsaNetConfig& config = impl_->package.metadata.architecture;
    const ImageGeometry& modelGeometry = prediction.input.grid.modelGeometry();
    const auto sliceCount = static_cast<std::size_t>(modelGeometry.size[2]);
    const std::size_t slicePixels =
        static_cast<std::size_t>(modelGeometry.size[0] * modelGeometry.size[1]);

    InferenceResult result;
    result.postProcessing = postProcessing;
    result.modelGeometry = modelGeometry;
    result.sliceMutantProbability = prediction.sliceMutantProbability;
    ImageVolume modelProbability = config.hasSegmentationHead() ? prediction.modelProbability
                                                                : ImageVolume(modelGeometry, 0.0f);
    if (postProcessing.headMarginMm > 0.0) {
        if (prediction.head.data().empty()) {
            throw std::invalid_argument("post-processing: a head margin needs the head mask; "
                                        "predict with InferenceOptions::keepHeadMask");
        }
        const ImageVolume depth = depthInsideHeadMm(prediction.head);
        auto& values = modelProbability.data();
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (depth.data()[i] < postProcessing.headMarginMm) {
                values[i] = 0.0f;
            }
        }
    }

    const auto threshold = static_cast<float>(postProcessing.threshold);
    if (config.hasSegmentationHead()) {
        const double pixelAreaMm2 = modelGeometry.spacing[0] * modelGeometry.spacing[1];
        result.sliceGtvAreaMm2.assign(sliceCount, 0.0);
        const float* probability = modelProbability.data().data();
        for (std::size_t k = 0; k < sliceCount; ++k) {
            const float* slice = probability + k * slicePixels;
            const auto pixels = std::count_if(slice, slice + slicePixels,
                                              [threshold](float p) { return p >= threshold; });
            result.sliceGtvAreaMm2[k] = static_cast<double>(pixels) * pixelAreaMm2;
        }
    }
    if (config.hasClassifierHead()) {
        // Without a segmentation head every slice has area 0, so the call averages all slices.
        const std::vector<double> areas =
            config.hasSegmentationHead()
                ? result.sliceGtvAreaMm2
                : std::vector<double>(result.sliceMutantProbability.size(), 0.0);
        result.patientCall = patientLevelEgfr(areas, result.sliceMutantProbability);
    }

    result.probability = prediction.input.grid.probabilitiesToSeries(modelProbability);
    result.mask = LabelMap(result.probability.geometry(), 0);
    const auto& seriesProbability = result.probability.data();
    auto& mask = result.mask.data();
    for (std::size_t i = 0; i < mask.size(); ++i) {
        mask[i] = seriesProbability[i] >= threshold ? 1 : 0;
    }

    // One labelling serves both the size filter and the lesion list: removing whole components
    // merges none of the others and keeps their raster order, so the kept ones, renumbered by
    // rank, are what labelling the filtered mask again would give.
    const ComponentLabeling components = labelConnectedComponents(result.mask);
    std::vector<int> number(components.components.size(), 0); // 0: dropped
    int kept = 0;
    for (std::size_t n = 0; n < components.components.size(); ++n) {
        if (components.components[n].volumeMl * 1000.0 >= postProcessing.minLesionVolumeMm3) {
            number[n] = ++kept;
        }
    }
    std::vector<double> probabilitySums(components.components.size(), 0.0);
    const auto& labels = components.labels.data();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] != 0) {
            if (number[labels[i] - 1u] == 0) {
                mask[i] = 0;
            } else {
                probabilitySums[labels[i] - 1u] += seriesProbability[i];
            }
        }
    }
    for (std::size_t n = 0; n < components.components.size(); ++n) {
        if (number[n] == 0) {
            continue;
        }
        const ComponentStats& stats = components.components[n];
        LesionFinding lesion;
        lesion.number = number[n];
        lesion.voxelCount = stats.voxelCount;
        lesion.volumeMl = stats.volumeMl;
        lesion.centreMm = stats.centroidMm;
        lesion.maxDiameterMm = stats.maxDiameterMm;
        lesion.axialDiameterMm = stats.axialDiameterMm;
        lesion.meanProbability = probabilitySums[n] / static_cast<double>(stats.voxelCount);
        result.lesions.push_back(lesion);
    }

    result.device = prediction.device;
    result.precision = prediction.precision;
    result.batchSize = prediction.batchSize;
    result.seconds =
        prediction.seconds +
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace metis::models
