#include "MtsaNet.h"

#include "TensorArchive.h"

#include <array>
#include <cmath>
#include <map>
#include <stdexcept>

namespace metis::models {
namespace {

constexpr std::array<int, 3> kStripKernels = {5, 7, 11};
constexpr double kMetastasisPrior = 0.01;

torch::nn::Conv2dOptions depthwise(int channels, int kernelH, int kernelW) {
    return torch::nn::Conv2dOptions(channels, channels, {kernelH, kernelW})
        .padding({kernelH / 2, kernelW / 2})
        .groups(channels);
}

/// Channels-last strides also where NCHW strides already read as channels-last (a tensor with a
/// single channel, as the input image and the first convolution's weights): contiguous() keeps
/// such a tensor as it is, the convolution then picks NCHW for its output, and the whole first
/// level runs in NCHW against channels-last weights (its depthwise convolutions 2-8x slower).
torch::Tensor toChannelsLast(const torch::Tensor& tensor) {
    return tensor.to(tensor.options(), /*non_blocking=*/false, /*copy=*/false,
                     torch::MemoryFormat::ChannelsLast);
}

} // namespace

MsaModuleImpl::MsaModuleImpl(int channels, AttentionGate gate) : gate_(gate) {
    depthwise5_ = register_module("depthwise5", torch::nn::Conv2d(depthwise(channels, 5, 5)));
    local3_ = register_module(
        "local3", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 3).padding(1)));
    for (const int k : kStripKernels) {
        auto row = register_module("strip" + std::to_string(k) + "_row",
                                   torch::nn::Conv2d(depthwise(channels, 1, k)));
        auto column = register_module("strip" + std::to_string(k) + "_col",
                                      torch::nn::Conv2d(depthwise(channels, k, 1)));
        strips_.emplace_back(row, column);
    }
    mix_ =
        register_module("mix", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 1)));
}

torch::Tensor MsaModuleImpl::forward(const torch::Tensor& features) {
    const auto context = depthwise5_->forward(features);
    auto sum = local3_->forward(features) + context;
    for (auto& [row, column] : strips_) {
        sum = sum + column->forward(row->forward(context));
    }
    const auto attention = mix_->forward(sum);
    return (gate_ == AttentionGate::Sigmoid ? torch::sigmoid(attention) : attention) * features;
}

ConvBlockImpl::ConvBlockImpl(int in, int out) {
    conv_ = register_module(
        "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1).bias(false)));
    norm_ = register_module("norm", torch::nn::BatchNorm2d(out));
}

torch::Tensor ConvBlockImpl::forward(const torch::Tensor& input) {
    if (foldedWeight_.defined() && !is_training()) {
        return torch::relu(torch::conv2d(input, foldedWeight_, foldedBias_, 1, 1));
    }
    return torch::relu(norm_->forward(conv_->forward(input)));
}

void ConvBlockImpl::foldNormalisation() {
    torch::NoGradGuard noGrad;
    const auto scale = norm_->weight / torch::sqrt(norm_->running_var + norm_->options.eps());
    const auto folded = conv_->weight * scale.reshape({-1, 1, 1, 1});
    foldedWeight_ = conv_->weight.suggest_memory_format() == torch::MemoryFormat::ChannelsLast
                        ? toChannelsLast(folded)
                        : folded.contiguous();
    foldedBias_ = norm_->bias - norm_->running_mean * scale;
}

void ConvBlockImpl::storeFoldedIn(torch::ScalarType type) {
    if (foldedWeight_.defined()) {
        foldedWeight_ = foldedWeight_.to(type);
        foldedBias_ = foldedBias_.to(type);
    }
}

MsaBlockImpl::MsaBlockImpl(int in, int out, AttentionGate gate) {
    conv_ = register_module("conv", ConvBlock(in, out));
    msa_ = register_module("msa", MsaModule(out, gate));
}

torch::Tensor MsaBlockImpl::forward(const torch::Tensor& input) {
    return msa_->forward(conv_->forward(input));
}

TransformerBlockImpl::TransformerBlockImpl(int embedDim, int heads, int mlpRatio, double dropout)
    : heads_(heads) {
    norm1_ =
        register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({embedDim})));
    qkv_ = register_module("qkv", torch::nn::Linear(embedDim, 3 * embedDim));
    proj_ = register_module("proj", torch::nn::Linear(embedDim, embedDim));
    norm2_ =
        register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({embedDim})));
    fc1_ = register_module("fc1", torch::nn::Linear(embedDim, embedDim * mlpRatio));
    fc2_ = register_module("fc2", torch::nn::Linear(embedDim * mlpRatio, embedDim));
    dropout_ = register_module("dropout", torch::nn::Dropout(dropout));
}

torch::Tensor TransformerBlockImpl::attention(const torch::Tensor& tokens) {
    const auto batch = tokens.size(0);
    const auto count = tokens.size(1);
    const auto embed = tokens.size(2);
    const auto headDim = embed / heads_;
    // [batch, tokens, 3, heads, headDim] -> [3, batch, heads, tokens, headDim]
    const auto qkv =
        qkv_->forward(tokens).reshape({batch, count, 3, heads_, headDim}).permute({2, 0, 3, 1, 4});
    const auto query = qkv[0];
    const auto key = qkv[1];
    const auto value = qkv[2];
    const double scale = 1.0 / std::sqrt(static_cast<double>(headDim));
    const auto weights = torch::softmax(torch::matmul(query, key.transpose(-2, -1)) * scale, -1);
    const auto heads = torch::matmul(weights, value); // [batch, heads, tokens, headDim]
    return dropout_->forward(proj_->forward(heads.transpose(1, 2).reshape({batch, count, embed})));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& tokens) {
    const auto attended = tokens + attention(norm1_->forward(tokens));
    const auto hidden = dropout_->forward(torch::gelu(fc1_->forward(norm2_->forward(attended))));
    return attended + dropout_->forward(fc2_->forward(hidden));
}

EgfrClassifierImpl::EgfrClassifierImpl(const MtsaNetConfig& config) {
    const int channels = config.levelWidth(MtsaNetConfig::kLevels - 1);
    const int tokens = MtsaNetConfig::kTokenGrid * MtsaNetConfig::kTokenGrid;
    conv_ = register_module("conv", ConvBlock(channels, channels));
    // Kernel = stride = bottleneck / 4: each of the 4 x 4 patches becomes exactly one token.
    patchEmbed_ = register_module(
        "patch_embed",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, config.embedDim, config.patchSize())
                              .stride(config.patchSize())));
    // ViT's initialisation: small random positions so tokens are distinguishable from step 0.
    positionEmbedding_ =
        register_parameter("position_embedding", torch::randn({1, tokens, config.embedDim}) * 0.02);
    transformer_ =
        register_module("transformer", TransformerBlock(config.embedDim, config.attentionHeads,
                                                        config.mlpRatio, config.dropout));
    fc1_ =
        register_module("fc1", torch::nn::Linear(config.embedDim, config.classifierHiddenWidth()));
    fc2_ = register_module(
        "fc2", torch::nn::Linear(config.classifierHiddenWidth(), MtsaNetConfig::kEgfrClasses));
    dropout_ = register_module("dropout", torch::nn::Dropout(config.dropout));
}

torch::Tensor EgfrClassifierImpl::forward(const torch::Tensor& bottleneck) {
    const auto grid = patchEmbed_->forward(conv_->forward(bottleneck)); // [B, E, 4, 4]
    const auto batch = grid.size(0);
    const auto embed = grid.size(1);
    auto tokens = grid.flatten(2).transpose(1, 2) + positionEmbedding_; // [B, 16, E]
    tokens = transformer_->forward(tokens);
    const auto map = tokens.transpose(1, 2).reshape(
        {batch, embed, MtsaNetConfig::kTokenGrid, MtsaNetConfig::kTokenGrid});
    const auto pooled = torch::avg_pool2d(map, MtsaNetConfig::kTokenGrid).flatten(1);
    return fc2_->forward(dropout_->forward(torch::gelu(fc1_->forward(pooled))));
}

MtsaNetImpl::MtsaNetImpl(const MtsaNetConfig& config) : config_(config) {
    config_.validate();
    auto encoderList = register_module("encoder", torch::nn::ModuleList());
    for (int level = 0; level < MtsaNetConfig::kLevels; ++level) {
        const int in = level == 0 ? config_.inputChannels() : config_.levelWidth(level - 1);
        encoder_.emplace_back(in, config_.levelWidth(level), config_.attentionGate);
        encoderList->push_back(encoder_.back());
    }
    if (config_.hasSegmentationHead()) {
        auto upsampleList = register_module("upsample", torch::nn::ModuleList());
        auto fuseList = register_module("fuse", torch::nn::ModuleList());
        for (int level = MtsaNetConfig::kLevels - 2; level >= 0; --level) {
            const int width = config_.levelWidth(level);
            upsample_.emplace_back(
                torch::nn::ConvTranspose2dOptions(config_.levelWidth(level + 1), width, 2)
                    .stride(2));
            upsampleList->push_back(upsample_.back());
            fuse_.emplace_back(2 * width, width);
            fuseList->push_back(fuse_.back());
        }
        segHead_ = register_module(
            "seg_head", torch::nn::Conv2d(torch::nn::Conv2dOptions(config_.baseWidth, 1, 1)));
        // Start from the prior that about 1 % of the pixels are metastasis (RetinaNet's bias
        // initialisation) rather than p = 0.5 everywhere: Adam moves the bias by about the
        // learning rate per step, so from 0 it took hundreds of steps only to learn "background",
        // and the Dice gradient on the lesions stayed tiny meanwhile (docs/mtsa-net-demo.md).
        torch::NoGradGuard noGrad;
        segHead_->bias.fill_(std::log(kMetastasisPrior / (1.0 - kMetastasisPrior)));
    }
    if (config_.hasClassifierHead()) {
        classifier_ = register_module("classifier", EgfrClassifier(config_));
    }
}

MtsaNetOutput MtsaNetImpl::forward(const torch::Tensor& input) {
    const auto side = config_.inputSize;
    if (input.dim() != 4 || input.size(1) != config_.inputChannels() || input.size(2) != side ||
        input.size(3) != side) {
        throw std::invalid_argument("MTSA-Net expects input [batch, " +
                                    std::to_string(config_.inputChannels()) + ", " +
                                    std::to_string(side) + ", " + std::to_string(side) + "], got " +
                                    c10::str(input.sizes()));
    }
    // Downsampling is a 2x2 max-pool rather than a stride-2 conv: the MSA block's 3x3 conv
    // that follows already changes the width, so a strided conv would only add parameters and
    // ~12 % more encoder FLOPs; max-pooling keeps the strongest (contrast-enhancing) responses,
    // which suits small enhancing lesions, and is the classic U-Net choice the decoder mirrors.
    std::vector<torch::Tensor> skips;
    auto features = channelsLast_ ? toChannelsLast(input) : input;
    for (size_t level = 0; level < encoder_.size(); ++level) {
        if (level > 0) {
            features = torch::max_pool2d(features, 2);
        }
        features = encoder_[level]->forward(features);
        skips.push_back(features);
    }

    MtsaNetOutput output;
    if (config_.hasClassifierHead()) {
        output.egfr = classifier_->forward(skips.back());
    }
    if (config_.hasSegmentationHead()) {
        auto decoded = skips.back();
        for (size_t step = 0; step < upsample_.size(); ++step) {
            const auto& skip = skips[skips.size() - 2 - step];
            decoded =
                fuse_[step]->forward(torch::cat({upsample_[step]->forward(decoded), skip}, 1));
        }
        output.seg = segHead_->forward(decoded);
    }
    return output;
}

void MtsaNetImpl::useChannelsLast() {
    torch::NoGradGuard noGrad;
    for (auto& parameter : parameters(true)) {
        if (parameter.dim() == 4) {
            parameter.set_data(toChannelsLast(parameter));
        }
    }
    channelsLast_ = true;
}

void MtsaNetImpl::foldNormalisation() {
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* block = module->as<ConvBlockImpl>()) {
            block->foldNormalisation();
        }
    }
}

void MtsaNetImpl::storeWeightsForAutocast(torch::ScalarType type) {
    torch::NoGradGuard noGrad;
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<torch::nn::Conv2dImpl>()) {
            conv->weight.set_data(conv->weight.to(type));
        } else if (auto* transposed = module->as<torch::nn::ConvTranspose2dImpl>()) {
            transposed->weight.set_data(transposed->weight.to(type));
        } else if (auto* linear = module->as<torch::nn::LinearImpl>()) {
            linear->weight.set_data(linear->weight.to(type));
        } else if (auto* block = module->as<ConvBlockImpl>()) {
            block->storeFoldedIn(type);
        }
    }
}

std::vector<std::pair<std::string, torch::Tensor>> MtsaNetImpl::namedState() const {
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (const auto& item : named_parameters(true)) {
        state.emplace_back(item.key(), item.value());
    }
    for (const auto& item : named_buffers(true)) {
        state.emplace_back(item.key(), item.value());
    }
    return state;
}

void MtsaNetImpl::loadState(const std::vector<std::pair<std::string, torch::Tensor>>& state,
                            const std::string& origin) {
    std::map<std::string, torch::Tensor> targets;
    for (auto& [name, tensor] : namedState()) {
        targets.emplace(name, tensor);
    }
    std::map<std::string, bool> seen;
    torch::NoGradGuard noGrad;
    for (const auto& [name, source] : state) {
        const auto target = targets.find(name);
        if (target == targets.end()) {
            throw std::runtime_error(origin + ": tensor '" + name +
                                     "' does not exist in this MTSA-Net configuration");
        }
        if (source.sizes() != target->second.sizes()) {
            throw std::runtime_error(origin + ": tensor '" + name + "' has shape " +
                                     c10::str(source.sizes()) + ", the network expects " +
                                     c10::str(target->second.sizes()));
        }
        if (source.scalar_type() != target->second.scalar_type()) {
            throw std::runtime_error(origin + ": tensor '" + name + "' has dtype " +
                                     std::string(c10::toString(source.scalar_type())) +
                                     ", the network expects " +
                                     std::string(c10::toString(target->second.scalar_type())));
        }
        if (seen[name]) {
            throw std::runtime_error(origin + ": tensor '" + name + "' appears twice");
        }
        seen[name] = true;
        // NaN or infinite weights load but make every prediction NaN: refused here, so such a
        // package never verifies, registers or activates.
        if (source.is_floating_point() && !torch::isfinite(source).all().item<bool>()) {
            throw std::runtime_error(origin + ": tensor '" + name +
                                     "' holds NaN or infinite values");
        }
        target->second.copy_(source);
    }
    for (const auto& [name, tensor] : targets) {
        if (!seen[name]) {
            throw std::runtime_error(origin + ": tensor '" + name + "' is missing");
        }
    }
}

void saveWeights(const MtsaNetImpl& net, const std::filesystem::path& path) {
    writeTensorArchive(path, net.namedState());
}

void loadWeights(MtsaNetImpl& net, const std::filesystem::path& path) {
    net.loadState(readTensorArchive(path), path.string());
}

} // namespace metis::models
