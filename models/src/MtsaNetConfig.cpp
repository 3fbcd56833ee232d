#include "metis/models/MtsaNetConfig.h"

#include <array>
#include <iomanip>
#include <sstream>
#include <stdexcept>

// What summarise() counts, and why it is analytic rather than hook-based: LibTorch 1.13 has no
// forward hooks in C++, and the layer list below mirrors MtsaNet.cpp one to one (a unit test
// checks that the parameter count equals the real module's, and that the multiply-adds equal a
// walk over the real module's convolution and linear weights). Multiply-adds (MACs) are counted
// for convolutions, transposed convolutions, linear layers and the two attention products
// (Q K^T and softmax * V). Element-wise work (BatchNorm, ReLU, GELU, additions, the MSA
// re-weighting Att * F, softmax, LayerNorm, pooling) is left out, as is usual: it is
// memory-bound and its arithmetic is small next to the convolutions'.

namespace metis::models {
namespace {

using Count = std::int64_t;

constexpr std::array<int, 3> kStripKernels = {5, 7, 11};

struct Cost {
    Count parameters = 0;
    Count macs = 0;
    Cost& operator+=(const Cost& other) {
        parameters += other.parameters;
        macs += other.macs;
        return *this;
    }
};

Count pixels(int side) {
    return static_cast<Count>(side) * side;
}

/// Convolution producing an `outSide` x `outSide` map.
Cost conv(Count in, Count out, Count kernelH, Count kernelW, Count outSide, bool bias,
          Count groups = 1) {
    const Count weights = out * (in / groups) * kernelH * kernelW;
    return {weights + (bias ? out : 0), weights * pixels(static_cast<int>(outSide))};
}

Cost batchNorm(Count channels) {
    return {2 * channels, 0};
}

Cost linear(Count in, Count out, Count tokens) {
    return {in * out + out, in * out * tokens};
}

Cost msaModule(Count channels, int side) {
    Cost cost = conv(channels, channels, 5, 5, side, true, channels);
    cost += conv(channels, channels, 3, 3, side, true);
    for (const int k : kStripKernels) {
        cost += conv(channels, channels, 1, k, side, true, channels);
        cost += conv(channels, channels, k, 1, side, true, channels);
    }
    cost += conv(channels, channels, 1, 1, side, true);
    return cost;
}

Cost convBlock(Count in, Count out, int side) {
    Cost cost = conv(in, out, 3, 3, side, false);
    cost += batchNorm(out);
    return cost;
}

Cost msaBlock(Count in, Count out, int side) {
    Cost cost = convBlock(in, out, side);
    cost += msaModule(out, side);
    return cost;
}

void requirePositive(int value, const char* field) {
    if (value <= 0) {
        throw std::invalid_argument(std::string("MTSA-Net config: ") + field +
                                    " must be positive, got " + std::to_string(value));
    }
}

} // namespace

std::string toString(NetworkHeads heads) {
    switch (heads) {
    case NetworkHeads::Both:
        return "segmentation+egfr";
    case NetworkHeads::SegmentationOnly:
        return "segmentation-only";
    case NetworkHeads::ClassificationOnly:
        return "egfr-only";
    }
    return "unknown";
}

std::string toString(AttentionGate gate) {
    return gate == AttentionGate::Sigmoid ? "sigmoid" : "linear";
}

AttentionGate attentionGateFromString(const std::string& text) {
    for (const auto gate : {AttentionGate::Linear, AttentionGate::Sigmoid}) {
        if (text == toString(gate)) {
            return gate;
        }
    }
    throw std::invalid_argument("unknown attention gate '" + text + "' (linear or sigmoid)");
}

void MtsaNetConfig::validate() const {
    requirePositive(inputSize, "inputSize");
    requirePositive(baseWidth, "baseWidth");
    requirePositive(embedDim, "embedDim");
    requirePositive(attentionHeads, "attentionHeads");
    requirePositive(mlpRatio, "mlpRatio");
    const int downsampling = 1 << (kLevels - 1);
    if (inputSize % downsampling != 0) {
        throw std::invalid_argument("MTSA-Net config: inputSize " + std::to_string(inputSize) +
                                    " must be divisible by " + std::to_string(downsampling) +
                                    " (four 2x downsamplings between the five levels)");
    }
    if (bottleneckSize() % kTokenGrid != 0) {
        throw std::invalid_argument("MTSA-Net config: the bottleneck side inputSize/16 = " +
                                    std::to_string(bottleneckSize()) + " must be divisible by " +
                                    std::to_string(kTokenGrid) +
                                    " (the classifier cuts it into a 4 x 4 grid of patches)" +
                                    "; use an inputSize that is a multiple of 64");
    }
    if (embedDim % attentionHeads != 0) {
        throw std::invalid_argument("MTSA-Net config: embedDim " + std::to_string(embedDim) +
                                    " must be divisible by attentionHeads " +
                                    std::to_string(attentionHeads));
    }
    if (classifierHiddenWidth() < 1) {
        throw std::invalid_argument("MTSA-Net config: embedDim must be at least 2");
    }
    if (contextSlices < 0 || contextSlices > kMaxContextSlices) {
        throw std::invalid_argument("MTSA-Net config: contextSlices must be in [0, " +
                                    std::to_string(kMaxContextSlices) + "], got " +
                                    std::to_string(contextSlices));
    }
    if (!(dropout >= 0.0 && dropout < 1.0)) {
        throw std::invalid_argument("MTSA-Net config: dropout must be in [0, 1), got " +
                                    std::to_string(dropout));
    }
    // baseWidth * 16 channels at the bottleneck; refuse widths whose products overflow int.
    if (baseWidth > (1 << 16)) {
        throw std::invalid_argument("MTSA-Net config: baseWidth " + std::to_string(baseWidth) +
                                    " is unreasonably large");
    }
}

ModelSummary summarise(const MtsaNetConfig& config) {
    config.validate();
    const int size = config.inputSize;
    auto width = [&](int level) { return static_cast<Count>(config.levelWidth(level)); };

    Cost encoder;
    for (int level = 0; level < MtsaNetConfig::kLevels; ++level) {
        const Count in = level == 0 ? config.inputChannels() : width(level - 1);
        encoder += msaBlock(in, width(level), size >> level);
    }

    Cost decoder;
    if (config.hasSegmentationHead()) {
        for (int level = MtsaNetConfig::kLevels - 2; level >= 0; --level) {
            // Transposed 2x2 stride-2 conv: every input pixel meets every weight once.
            const Count upWeights = width(level + 1) * width(level) * 4;
            decoder += {upWeights + width(level), upWeights * pixels(size >> (level + 1))};
            decoder += convBlock(2 * width(level), width(level), size >> level);
        }
        decoder += conv(width(0), 1, 1, 1, size, true);
    }

    Cost classifier;
    if (config.hasClassifierHead()) {
        const Count channels = width(MtsaNetConfig::kLevels - 1);
        const Count embed = config.embedDim;
        const Count tokens = MtsaNetConfig::kTokenGrid * MtsaNetConfig::kTokenGrid;
        const Count hidden = embed * config.mlpRatio;
        const Count patch = config.patchSize();
        classifier += convBlock(channels, channels, config.bottleneckSize());
        classifier += conv(channels, embed, patch, patch, MtsaNetConfig::kTokenGrid, true);
        classifier += {tokens * embed, 0}; // learned position embedding
        classifier += {2 * embed, 0};      // pre-attention LayerNorm
        classifier += linear(embed, 3 * embed, tokens);
        classifier += {0, 2 * tokens * tokens * embed}; // Q K^T and softmax(.) V over all heads
        classifier += linear(embed, embed, tokens);
        classifier += {2 * embed, 0}; // pre-MLP LayerNorm
        classifier += linear(embed, hidden, tokens);
        classifier += linear(hidden, embed, tokens);
        classifier += linear(embed, config.classifierHiddenWidth(), 1);
        classifier += linear(config.classifierHiddenWidth(), MtsaNetConfig::kEgfrClasses, 1);
    }

    ModelSummary summary;
    summary.parameters = encoder.parameters + decoder.parameters + classifier.parameters;
    summary.encoderMacs = encoder.macs;
    summary.decoderMacs = decoder.macs;
    summary.classifierMacs = classifier.macs;
    return summary;
}

std::string describe(const MtsaNetConfig& config, const ModelSummary& summary) {
    std::ostringstream out;
    out << "MTSA-Net " << toString(config.heads) << ": input " << config.inputSize << " x "
        << config.inputSize << ", base width " << config.baseWidth << ", embed " << config.embedDim
        << ", heads " << config.attentionHeads << ", MLP ratio " << config.mlpRatio
        << ", attention gate " << toString(config.attentionGate);
    if (config.contextSlices > 0) {
        out << ", " << config.contextSlices << " context slice(s) on each side";
    }
    out << "\n";
    out << std::fixed << std::setprecision(3);
    out << "  parameters: " << summary.parameters << " ("
        << static_cast<double>(summary.parameters) * 1e-6 << " M)\n";
    out << "  GFLOPs per slice: " << summary.gflopsPerSlice() << " (encoder "
        << 2e-9 * static_cast<double>(summary.encoderMacs) << ", decoder "
        << 2e-9 * static_cast<double>(summary.decoderMacs) << ", classifier "
        << 2e-9 * static_cast<double>(summary.classifierMacs) << "; 1 multiply-add = 2 FLOPs)";
    return out.str();
}

} // namespace metis::models
