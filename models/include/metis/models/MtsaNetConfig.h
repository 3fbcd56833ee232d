#pragma once
// Architecture configuration of MTSA-Net (docs/MTSA-NET.md). Torch-free so that the CLI, the UI
// and model packages can describe, validate and summarise a network without compiling LibTorch.

#include <cstdint>
#include <string>

namespace metis::models {

/// Which output heads the network carries. `Both` is MTSA-Net; the other two are the paper's
/// single-task baselines (encoder + decoder, encoder + classifier).
enum class NetworkHeads { Both, SegmentationOnly, ClassificationOnly };

std::string toString(NetworkHeads heads);

/// How the MSA module turns its attention map into weights (docs/MTSA-NET.md, MSA module).
/// `Linear` is the paper's equation 1: Out = Conv1x1(s) * F, an unbounded product that compounds
/// over the five encoder levels (bottleneck features of magnitude 1e5 were measured). `Sigmoid`
/// gates with sigmoid(Conv1x1(s)) in (0, 1), so each level can only attenuate its input: a
/// project option, not the paper's network, measured in docs/mtsa-net-demo.md.
enum class AttentionGate { Linear, Sigmoid };

std::string toString(AttentionGate gate);
/// Inverse of toString; throws std::invalid_argument naming the accepted values.
AttentionGate attentionGateFromString(const std::string& text);

/// Architecture hyper-parameters. The defaults are the paper configuration (384 px, width 32);
/// embed dim, heads, MLP ratio and dropout are not given by the paper and are project choices.
struct MtsaNetConfig {
    int inputSize = 384; ///< square input slice side in pixels
    int baseWidth = 32;  ///< channels of level 1; levels use base * (1, 2, 4, 8, 16)
    int embedDim = 256;  ///< transformer token width of the EGFR classifier
    int attentionHeads = 8;
    int mlpRatio = 4;     ///< transformer feed-forward width = embedDim * mlpRatio
    double dropout = 0.1; ///< transformer and classifier-MLP dropout (training only)
    NetworkHeads heads = NetworkHeads::Both;
    AttentionGate attentionGate = AttentionGate::Linear;
    /// Neighbouring model-grid slices given to the network on each side of the slice it
    /// segments, as extra input channels (0: the paper's single slice). A project option: in one
    /// slice a small round metastasis and a vessel crossing the slice look alike; the slices above
    /// and below tell them apart (docs/mtsa-net-demo.md).
    int contextSlices = 0;

    static constexpr int kLevels = 5;      ///< encoder levels, four 2x downsamplings
    static constexpr int kTokenGrid = 4;   ///< the bottleneck is cut into 4 x 4 patches
    static constexpr int kEgfrClasses = 2; ///< wild-type, mutant
    static constexpr int kMaxContextSlices = 3;

    /// The slice and its context slices, inferior to superior.
    int inputChannels() const { return 1 + 2 * contextSlices; }

    int levelWidth(int level) const { return baseWidth << level; }
    int bottleneckSize() const { return inputSize >> (kLevels - 1); }
    int patchSize() const { return bottleneckSize() / kTokenGrid; }
    int classifierHiddenWidth() const { return embedDim / 2; }

    bool hasSegmentationHead() const { return heads != NetworkHeads::ClassificationOnly; }
    bool hasClassifierHead() const { return heads != NetworkHeads::SegmentationOnly; }

    /// Throws std::invalid_argument naming the offending field and the rule it breaks.
    void validate() const;
};

/// Size and cost of one network, computed analytically from the configuration.
struct ModelSummary {
    std::int64_t parameters = 0;     ///< trainable parameters
    std::int64_t encoderMacs = 0;    ///< multiply-adds per slice, shared encoder
    std::int64_t decoderMacs = 0;    ///< multiply-adds per slice, segmentation decoder
    std::int64_t classifierMacs = 0; ///< multiply-adds per slice, EGFR classifier
    std::int64_t totalMacs() const { return encoderMacs + decoderMacs + classifierMacs; }
    /// One multiply-add counts as two floating-point operations.
    double gflopsPerSlice() const { return 2.0 * static_cast<double>(totalMacs()) * 1e-9; }
};

/// Counts parameters and multiply-adds per slice of the network `config` describes. Validates
/// the configuration first. See ModelSummary.cpp for what is counted.
ModelSummary summarise(const MtsaNetConfig& config);

/// Multi-line human-readable report (configuration, parameters, GFLOPs per slice).
std::string describe(const MtsaNetConfig& config, const ModelSummary& summary);

} // namespace metis::models
