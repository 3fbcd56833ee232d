#pragma once
// MTSA-Net as LibTorch modules (docs/MTSA-NET.md, paper Fig. 1-4). Internal to metis_models:
// torch types never leave models/src. Module and member names are part of the weight format
// (saveWeights/loadWeights and tests/models/reference_mtsa_net.py use them): rename with care.

#include "metis/models/MtsaNetConfig.h"

#include <filesystem>
#include <string>
#include <torch/torch.h>
#include <utility>
#include <vector>

namespace metis::models {

/// Multi-scale attention module, paper eq. 1 as pinned by MTSA-NET.md:
///   a = DW5x5(F); s = Conv3x3(F) + a + sum_k DW(k x 1)(DW(1 x k)(a)), k in {5, 7, 11};
///   Out = Conv1x1(s) * F, or sigmoid(Conv1x1(s)) * F with the sigmoid gate (AttentionGate).
class MsaModuleImpl : public torch::nn::Module {
public:
    MsaModuleImpl(int channels, AttentionGate gate);
    torch::Tensor forward(const torch::Tensor& features);

private:
    torch::nn::Conv2d depthwise5_{nullptr};
    torch::nn::Conv2d local3_{nullptr};
    std::vector<std::pair<torch::nn::Conv2d, torch::nn::Conv2d>> strips_; // (1 x k, k x 1)
    torch::nn::Conv2d mix_{nullptr};
    AttentionGate gate_;
};
TORCH_MODULE(MsaModule);

/// 3x3 conv (no bias: BatchNorm follows) -> BatchNorm -> ReLU.
class ConvBlockImpl : public torch::nn::Module {
public:
    ConvBlockImpl(int in, int out);
    torch::Tensor forward(const torch::Tensor& input);

    /// Folds the BatchNorm's running statistics and affine terms into a copy of the conv's
    /// weights plus a bias, used in eval mode only: one pass over the activations less, same
    /// values up to rounding. The registered parameters (the weight format) are untouched.
    void foldNormalisation();
    /// The folded weight and bias stored in `type` (ConvBlockImpl's part of
    /// MtsaNetImpl::storeWeightsForAutocast).
    void storeFoldedIn(torch::ScalarType type);

private:
    torch::nn::Conv2d conv_{nullptr};
    torch::nn::BatchNorm2d norm_{nullptr};
    torch::Tensor foldedWeight_; ///< undefined until foldNormalisation()
    torch::Tensor foldedBias_;
};
TORCH_MODULE(ConvBlock);

/// MSA block (paper Fig. 2b): conv block -> MSA module.
class MsaBlockImpl : public torch::nn::Module {
public:
    MsaBlockImpl(int in, int out, AttentionGate gate);
    torch::Tensor forward(const torch::Tensor& input);

private:
    ConvBlock conv_{nullptr};
    MsaModule msa_{nullptr};
};
TORCH_MODULE(MsaBlock);

/// Pre-norm transformer block: x + MHSA(LN(x)), then x + MLP(LN(x)) (paper eq. 2-4).
class TransformerBlockImpl : public torch::nn::Module {
public:
    TransformerBlockImpl(int embedDim, int heads, int mlpRatio, double dropout);
    /// tokens: [batch, tokens, embedDim]
    torch::Tensor forward(const torch::Tensor& tokens);

private:
    torch::Tensor attention(const torch::Tensor& tokens);

    int heads_;
    torch::nn::LayerNorm norm1_{nullptr};
    torch::nn::Linear qkv_{nullptr};
    torch::nn::Linear proj_{nullptr};
    torch::nn::LayerNorm norm2_{nullptr};
    torch::nn::Linear fc1_{nullptr};
    torch::nn::Linear fc2_{nullptr};
    torch::nn::Dropout dropout_{nullptr};
};
TORCH_MODULE(TransformerBlock);

/// Hybrid CNN-Transformer EGFR classifier on the bottleneck map.
class EgfrClassifierImpl : public torch::nn::Module {
public:
    explicit EgfrClassifierImpl(const MtsaNetConfig& config);
    /// bottleneck: [batch, 16 * base, b, b] -> logits [batch, 2]
    torch::Tensor forward(const torch::Tensor& bottleneck);

private:
    ConvBlock conv_{nullptr};
    torch::nn::Conv2d patchEmbed_{nullptr};
    torch::Tensor positionEmbedding_;
    TransformerBlock transformer_{nullptr};
    torch::nn::Linear fc1_{nullptr};
    torch::nn::Linear fc2_{nullptr};
    torch::nn::Dropout dropout_{nullptr};
};
TORCH_MODULE(EgfrClassifier);

/// The two outputs of one forward pass. A head the configuration leaves out gives an
/// undefined tensor.
struct MtsaNetOutput {
    torch::Tensor seg;  ///< [batch, 1, inputSize, inputSize] GTV logits
    torch::Tensor egfr; ///< [batch, 2] logits (wild-type, mutant)
};

class MtsaNetImpl : public torch::nn::Module {
public:
    /// Validates `config` (std::invalid_argument on a bad one).
    explicit MtsaNetImpl(const MtsaNetConfig& config);

    /// input: [batch, 1, inputSize, inputSize] normalised T1-CE slices.
    MtsaNetOutput forward(const torch::Tensor& input);

    const MtsaNetConfig& config() const { return config_; }

    /// Stores the 4-D weights in channels-last (NHWC) order and feeds the input that way, so that
    /// every convolution runs through oneDNN's NHWC kernels (measured 2.5x faster training on
    /// this CPU than NCHW). Values are unchanged; only memory order differs.
    void useChannelsLast();

    /// For inference: folds every conv block's BatchNorm into its conv (ConvBlockImpl::
    /// foldNormalisation). Call after the weights are loaded and the module is on its device
    /// and in its memory format; training mode keeps using the unfolded layers.
    void foldNormalisation();

    /// For inference under bf16 autocast: stores every convolution and linear weight (and the
    /// folded ones) in bf16 once, so that autocast no longer casts ~15 M weights on every
    /// forward pass (it caches casts only of parameters that require gradients, which the
    /// folded weights do not). Values are those autocast would compute; after this the module
    /// runs only under bf16 autocast. Call after foldNormalisation().
    void storeWeightsForAutocast(torch::ScalarType type);

    /// Every parameter and buffer (BatchNorm running statistics included) by dotted name, in
    /// registration order: the complete state needed to reproduce a forward pass.
    std::vector<std::pair<std::string, torch::Tensor>> namedState() const;

    /// Copies `state` into the module. Throws std::runtime_error naming `origin` and the tensor
    /// when a name is missing or unknown, or a shape or dtype differs.
    void loadState(const std::vector<std::pair<std::string, torch::Tensor>>& state,
                   const std::string& origin);

private:
    MtsaNetConfig config_;
    bool channelsLast_ = false;
    std::vector<MsaBlock> encoder_;
    std::vector<torch::nn::ConvTranspose2d> upsample_;
    std::vector<ConvBlock> fuse_;
    torch::nn::Conv2d segHead_{nullptr};
    EgfrClassifier classifier_{nullptr};
};
TORCH_MODULE(MtsaNet);

/// Writes namedState() to `path` in the tensor archive format (TensorArchive.h).
void saveWeights(const MtsaNetImpl& net, const std::filesystem::path& path);
/// Reads `path` and loads it; every failure names the file and the problem.
void loadWeights(MtsaNetImpl& net, const std::filesystem::path& path);

} // namespace metis::models
