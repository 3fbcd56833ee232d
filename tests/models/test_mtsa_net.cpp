// MTSA-Net network: shapes, gradients, analytic summary against the real module, weights I/O,
// configuration validation.
#include "Losses.h"
#include "MtsaNet.h"
#include "TempDir.h"
#include "TensorArchive.h"
#include "metis/models/MtsaNetConfig.h"

#include <ATen/autocast_mode.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace metis::models;

namespace {

MtsaNetConfig smallConfig() {
    MtsaNetConfig config;
    config.inputSize = 64;
    config.baseWidth = 8;
    config.embedDim = 32;
    config.attentionHeads = 4;
    config.mlpRatio = 2;
    config.dropout = 0.0;
    return config;
}

std::int64_t parameterCount(const torch::nn::Module& module) {
    std::int64_t count = 0;
    for (const auto& parameter : module.parameters()) {
        count += parameter.numel();
    }
    return count;
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

/// Multiply-adds found by walking the real module's weights: each conv / linear weight meets
/// one output pixel (or token) per element; the map size follows from the module's position.
/// Independent of ModelSummary.cpp's layer list, so the two must agree.
std::int64_t macsFromWeightWalk(MtsaNetImpl& net) {
    const auto& config = net.config();
    const std::int64_t size = config.inputSize;
    const std::int64_t tokens = MtsaNetConfig::kTokenGrid * MtsaNetConfig::kTokenGrid;
    std::int64_t macs = 0;
    for (const auto& item : net.named_modules("", false)) {
        const std::string& name = item.key();
        auto* module = item.value().get();
        if (auto* conv = dynamic_cast<torch::nn::Conv2dImpl*>(module)) {
            std::int64_t side = 0;
            if (startsWith(name, "encoder.")) {
                side = size >> std::stoi(name.substr(8));
            } else if (startsWith(name, "fuse.")) {
                side = size >> (MtsaNetConfig::kLevels - 2 - std::stoi(name.substr(5)));
            } else if (name == "seg_head") {
                side = size;
            } else if (name == "classifier.conv.conv") {
                side = config.bottleneckSize();
            } else if (name == "classifier.patch_embed") {
                side = MtsaNetConfig::kTokenGrid;
            } else {
                // Not an assertion (this helper returns a value): the exception fails the test.
                throw std::logic_error("unexpected convolution " + name);
            }
            macs += conv->weight.numel() * side * side;
        } else if (auto* up = dynamic_cast<torch::nn::ConvTranspose2dImpl*>(module)) {
            // A stride-2 2x2 transposed conv: each INPUT pixel meets every weight once.
            const std::int64_t inSide =
                size >> (MtsaNetConfig::kLevels - 1 - std::stoi(name.substr(9)));
            macs += up->weight.numel() * inSide * inSide;
        } else if (auto* linear = dynamic_cast<torch::nn::LinearImpl*>(module)) {
            macs +=
                linear->weight.numel() * (startsWith(name, "classifier.transformer.") ? tokens : 1);
        }
    }
    if (config.hasClassifierHead()) {
        macs += 2 * tokens * tokens * config.embedDim; // Q K^T and softmax(.) V
    }
    return macs;
}

void expectInvalid(const MtsaNetConfig& config, const char* expectedFragment) {
    try {
        config.validate();
        FAIL() << "accepted an invalid config; expected '" << expectedFragment << "'";
    } catch (const std::invalid_argument& error) {
        const std::string message = error.what();
        ASSERT_TRUE(message.find(expectedFragment) != std::string::npos) << error.what();
    }
}

} // namespace

/// Seeds torch's generator before each test, so each test sees the same random tensors
/// whether it runs alone (--gtest_filter), shuffled or with the others.
class ModelsMtsaNet : public ::testing::Test {
protected:
    void SetUp() override { torch::manual_seed(7); }
};

/// One network configuration of the summary check.
struct SummaryCase {
    const char* name;
    int inputSize;
    int baseWidth;
    NetworkHeads heads;
    int contextSlices = 0;
};

/// The case's name in gtest's failure messages (instead of its bytes).
void PrintTo(const SummaryCase& testCase, std::ostream* out) {
    *out << testCase.name;
}

class ModelsMtsaNetSummary : public ModelsMtsaNet,
                             public ::testing::WithParamInterface<SummaryCase> {};

TEST_F(ModelsMtsaNet, outputShapesAtPaperConfig) {
    MtsaNet net(MtsaNetConfig{});
    net->eval();
    torch::NoGradGuard noGrad;
    const auto output = net->forward(torch::randn({1, 1, 384, 384}));
    ASSERT_EQ(output.seg.sizes().vec(), (std::vector<int64_t>{1, 1, 384, 384}));
    ASSERT_EQ(output.egfr.sizes().vec(), (std::vector<int64_t>{1, 2}));
    ASSERT_TRUE(torch::isfinite(output.seg).all().item<bool>());
    ASSERT_TRUE(torch::isfinite(output.egfr).all().item<bool>());
}

TEST_F(ModelsMtsaNet, outputShapesAtSmallConfig) {
    MtsaNet net(smallConfig());
    const auto output = net->forward(torch::randn({3, 1, 64, 64}));
    ASSERT_EQ(output.seg.sizes().vec(), (std::vector<int64_t>{3, 1, 64, 64}));
    ASSERT_EQ(output.egfr.sizes().vec(), (std::vector<int64_t>{3, 2}));
}

TEST_F(ModelsMtsaNet, segmentationStartsFromAOnePercentPrior) {
    // A fresh network predicts about 1 % metastasis, not p = 0.5 everywhere: from 0.5, Adam
    // needed hundreds of steps only to learn "background" (docs/mtsa-net-demo.md).
    MtsaNet net(smallConfig());
    net->train(); // batch statistics: the decoder's features are normalised
    torch::NoGradGuard noGrad;
    const auto probability = torch::sigmoid(net->forward(torch::randn({2, 1, 64, 64})).seg);
    const double mean = probability.mean().item<double>();
    ASSERT_TRUE(mean > 0.002 && mean < 0.05) << mean;
}

TEST_F(ModelsMtsaNet, channelsLastGivesTheSameOutputs) {
    MtsaNet net(smallConfig());
    net->eval();
    torch::NoGradGuard noGrad;
    const auto input = torch::randn({2, 1, 64, 64});
    const MtsaNetOutput plain = net->forward(input);
    net->useChannelsLast();
    const MtsaNetOutput nhwc = net->forward(input);
    ASSERT_TRUE(nhwc.seg.is_contiguous(torch::MemoryFormat::ChannelsLast));
    ASSERT_TRUE((plain.seg - nhwc.seg).abs().max().item<double>() < 1e-4);
    ASSERT_TRUE((plain.egfr - nhwc.egfr).abs().max().item<double>() < 1e-4);
}

// Every convolution weight gets channels-last strides, also where NCHW strides already count as
// channels-last (the first convolution has one input channel): left in NCHW strides, it made the
// first level's convolutions pick NCHW outputs and run 2-8x slower (bench_mtsa_inference: bf16
// 130 -> 82 ms per 384 px slice on 2 cores).
TEST_F(ModelsMtsaNet, channelsLastReachesEveryWeightAndTheFirstLevel) {
    MtsaNet net(smallConfig());
    net->eval();
    net->useChannelsLast();
    for (const auto& item : net->named_parameters()) {
        if (item.value().dim() == 4) {
            ASSERT_EQ(item.value().suggest_memory_format(), torch::MemoryFormat::ChannelsLast)
                << item.key() << " strides " << item.value().strides();
        }
    }
    torch::NoGradGuard noGrad;
    const auto output = net->forward(torch::randn({1, 1, 64, 64}));
    ASSERT_EQ(output.seg.suggest_memory_format(), torch::MemoryFormat::ChannelsLast);
}

TEST_F(ModelsMtsaNet, optimisedInferencePathGivesTheReferenceProbabilities) {
    // The engine's path (channels-last, BatchNorm folded into the convs) against the plain
    // one (NCHW, BatchNorm layers), with trained-like BatchNorm statistics: the GTV and EGFR
    // probabilities agree to 1e-4 (fp32).
    MtsaNet net(smallConfig());
    net->train();
    {
        torch::NoGradGuard noGrad;
        for (int step = 0; step < 3; ++step) { // running statistics away from 0 / 1
            net->forward(torch::randn({4, 1, 64, 64}) * 2.0 + 0.5);
        }
        for (auto& item : net->named_parameters()) {
            if (item.key().find(".norm.") != std::string::npos) {
                item.value().uniform_(0.5, 1.5);
            }
        }
    }
    net->eval();
    torch::NoGradGuard noGrad;
    const auto input = torch::randn({2, 1, 64, 64});
    const MtsaNetOutput reference = net->forward(input);
    net->useChannelsLast();
    net->foldNormalisation();
    const MtsaNetOutput optimised = net->forward(input);
    const double segDifference =
        (torch::sigmoid(reference.seg) - torch::sigmoid(optimised.seg)).abs().max().item<double>();
    const double egfrDifference =
        (torch::softmax(reference.egfr, 1) - torch::softmax(optimised.egfr, 1))
            .abs()
            .max()
            .item<double>();
    ASSERT_TRUE(segDifference <= 1e-4) << segDifference;
    ASSERT_TRUE(egfrDifference <= 1e-4) << egfrDifference;
    // Folding must really have replaced the layers: with the BatchNorm statistics changed
    // afterwards, eval mode no longer sees them, training mode does.
    for (auto& buffer : net->named_buffers()) {
        if (buffer.key().find("running_mean") != std::string::npos) {
            buffer.value().add_(10.0);
        }
    }
    const double unchanged = (net->forward(input).seg - optimised.seg).abs().max().item<double>();
    ASSERT_TRUE(unchanged == 0.0) << unchanged;
}

// Weights stored in bf16 once give exactly what bf16 autocast computes when it casts them on
// every forward pass (the engine's bf16 path), and no convolution or linear weight is left in
// fp32 for autocast to cast again.
TEST_F(ModelsMtsaNet, weightsStoredForAutocastGiveTheAutocastResult) {
    MtsaNet net(smallConfig());
    net->eval();
    net->useChannelsLast();
    net->foldNormalisation();
    torch::InferenceMode inferenceMode;
    const auto input = torch::randn({2, 1, 64, 64});
    at::autocast::set_autocast_dtype(at::kCPU, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCPU, true);
    const MtsaNetOutput castEachPass = net->forward(input);
    net->storeWeightsForAutocast(torch::kBFloat16);
    const MtsaNetOutput stored = net->forward(input);
    at::autocast::set_autocast_enabled(at::kCPU, false);
    at::autocast::clear_cache();
    ASSERT_TRUE(torch::equal(castEachPass.seg, stored.seg));
    ASSERT_TRUE(torch::equal(castEachPass.egfr, stored.egfr));
    for (const auto& parameter : net->named_parameters()) {
        const std::string& name = parameter.key();
        const bool weightOfALayer = name.size() > 7 && name.substr(name.size() - 7) == ".weight";
        if (weightOfALayer && parameter.value().dim() >= 2) {
            ASSERT_EQ(parameter.value().scalar_type(), torch::kBFloat16) << parameter.key();
        }
    }
}

// The sigmoid gate (AttentionGate::Sigmoid, a project option beside the paper's linear gate):
// the same weights, so the package format is unchanged; each MSA module can only attenuate its
// input, so features cannot compound over the levels as the linear product's do.
TEST_F(ModelsMtsaNet, sigmoidAttentionGateBoundsTheModuleOutput) {
    MsaModule linear(8, AttentionGate::Linear);
    MsaModule gated(8, AttentionGate::Sigmoid);
    torch::NoGradGuard noGrad;
    const auto linearParameters = linear->named_parameters();
    for (const auto& parameter : gated->named_parameters()) {
        parameter.value().copy_(linearParameters[parameter.key()]);
    }
    const auto features = 5.0 * torch::randn({2, 8, 16, 16});
    const auto linearOut = linear->forward(features);
    const auto gatedOut = gated->forward(features);
    ASSERT_LE((gatedOut.abs() - features.abs()).max().item<double>(), 0.0);
    ASSERT_GT(linearOut.abs().max().item<double>(), features.abs().max().item<double>());
    // The gate is sigmoid of the same attention map the linear module multiplies by.
    const auto attention = linearOut / features;
    ASSERT_LT((gatedOut - torch::sigmoid(attention) * features).abs().max().item<double>(), 1e-3);

    MtsaNetConfig config = smallConfig();
    const auto paperParameters = MtsaNet(config)->parameters().size();
    config.attentionGate = AttentionGate::Sigmoid;
    ASSERT_EQ(MtsaNet(config)->parameters().size(), paperParameters);
    ASSERT_EQ(attentionGateFromString("sigmoid"), AttentionGate::Sigmoid);
    ASSERT_THROW(attentionGateFromString("tanh"), std::invalid_argument);
}

TEST_F(ModelsMtsaNet, singleTaskBaselinesCarryOneHead) {
    auto config = smallConfig();
    config.heads = NetworkHeads::SegmentationOnly;
    MtsaNet segmentation(config);
    const auto segOut = segmentation->forward(torch::randn({1, 1, 64, 64}));
    ASSERT_TRUE(segOut.seg.defined());
    ASSERT_TRUE(!segOut.egfr.defined());

    config.heads = NetworkHeads::ClassificationOnly;
    MtsaNet classification(config);
    const auto clsOut = classification->forward(torch::randn({1, 1, 64, 64}));
    ASSERT_TRUE(!clsOut.seg.defined());
    ASSERT_EQ(clsOut.egfr.sizes().vec(), (std::vector<int64_t>{1, 2}));
}

TEST_F(ModelsMtsaNet, wrongInputShapeIsRefused) {
    MtsaNet net(smallConfig());
    ASSERT_THROW(net->forward(torch::randn({1, 1, 32, 32})), std::invalid_argument);
    ASSERT_THROW(net->forward(torch::randn({1, 3, 64, 64})), std::invalid_argument);
    // With a context slice on each side the network takes three channels, and only those.
    MtsaNetConfig context = smallConfig();
    context.contextSlices = 1;
    MtsaNet withContext(context);
    ASSERT_EQ(withContext->forward(torch::randn({2, 3, 64, 64})).seg.sizes(),
              (std::vector<std::int64_t>{2, 1, 64, 64}));
    ASSERT_THROW(withContext->forward(torch::randn({1, 1, 64, 64})), std::invalid_argument);
}

TEST_F(ModelsMtsaNet, everyParameterReceivesAGradient) {
    MtsaNet net(smallConfig());
    MultiTaskLoss loss(LossConfig{});
    const auto input = torch::randn({2, 1, 64, 64});
    const auto mask = (torch::rand({2, 1, 64, 64}) > 0.8).to(torch::kFloat32);
    const auto labels = torch::tensor({0, 1}, torch::kInt64);
    const auto output = net->forward(input);
    loss->forward(output.seg, mask, output.egfr, labels).total.backward();

    int checked = 0;
    for (const auto* module : {static_cast<torch::nn::Module*>(net.get()),
                               static_cast<torch::nn::Module*>(loss.get())}) {
        for (const auto& item : module->named_parameters()) {
            const auto& grad = item.value().grad();
            ASSERT_TRUE(grad.defined()) << "no gradient for " << item.key();
            ASSERT_TRUE(grad.abs().sum().item<double>() > 0.0)
                << "zero gradient for " << item.key();
            ++checked;
        }
    }
    ASSERT_TRUE(checked > 50);
}

TEST_P(ModelsMtsaNetSummary, summaryParameterCountMatchesModule) {
    const SummaryCase& param = GetParam();
    auto config = smallConfig();
    if (param.inputSize == 384) {
        config = MtsaNetConfig{};
    }
    config.inputSize = param.inputSize;
    config.baseWidth = param.baseWidth;
    config.heads = param.heads;
    config.contextSlices = param.contextSlices;
    MtsaNet net(config);
    const auto summary = summarise(config);
    ASSERT_EQ(summary.parameters, parameterCount(*net));
    ASSERT_EQ(summary.totalMacs(), macsFromWeightWalk(*net));
    ASSERT_TRUE(config.hasSegmentationHead() == (summary.decoderMacs > 0));
    ASSERT_TRUE(config.hasClassifierHead() == (summary.classifierMacs > 0));
}

INSTANTIATE_TEST_SUITE_P(Configurations, ModelsMtsaNetSummary,
                         ::testing::Values(SummaryCase{"paper_384_32", 384, 32, NetworkHeads::Both},
                                           SummaryCase{"small_64_8", 64, 8, NetworkHeads::Both},
                                           SummaryCase{"context_slices_64_8", 64, 8,
                                                       NetworkHeads::Both, 2},
                                           SummaryCase{"segmentation_only_128_4", 128, 4,
                                                       NetworkHeads::SegmentationOnly},
                                           SummaryCase{"classification_only_128_4", 128, 4,
                                                       NetworkHeads::ClassificationOnly}),
                         [](const ::testing::TestParamInfo<SummaryCase>& testCase) {
                             return std::string(testCase.param.name);
                         });

TEST_F(ModelsMtsaNet, paperConfigSummaryIsPrinted) {
    const auto summary = summarise(MtsaNetConfig{});
    const auto text = describe(MtsaNetConfig{}, summary);
    std::cout << text << std::endl;
    ASSERT_TRUE(text.find("parameters: " + std::to_string(summary.parameters)) !=
                std::string::npos);
    ASSERT_TRUE(summary.gflopsPerSlice() > 1.0);
}

TEST_F(ModelsMtsaNet, invalidConfigsThrowWithAClearMessage) {
    auto config = smallConfig();
    config.inputSize = 100;
    expectInvalid(config, "divisible by 16");
    config.inputSize = 96; // bottleneck 6 cannot be cut into 4 x 4 patches
    expectInvalid(config, "4 x 4 grid");
    config = smallConfig();
    config.baseWidth = 0;
    expectInvalid(config, "baseWidth must be positive");
    config = smallConfig();
    config.embedDim = 30;
    expectInvalid(config, "divisible by attentionHeads");
    config = smallConfig();
    config.dropout = 1.0;
    expectInvalid(config, "dropout");
    config = smallConfig();
    config.inputSize = -64;
    expectInvalid(config, "inputSize must be positive");
    config = smallConfig();
    config.contextSlices = MtsaNetConfig::kMaxContextSlices + 1;
    expectInvalid(config, "contextSlices");
    // The network itself refuses too, before building anything.
    config.inputSize = 100;
    ASSERT_THROW(MtsaNet{config}, std::invalid_argument);
    ASSERT_THROW(summarise(config), std::invalid_argument);
}

TEST_F(ModelsMtsaNet, weightsRoundTripByName) {
    test_tools::TempDir dir;
    const std::filesystem::path path = dir.filePath("weights.mtw");
    MtsaNet source(smallConfig());
    // Train-mode forwards move the BatchNorm running statistics away from their defaults,
    // so the round trip must carry buffers as well as parameters.
    source->forward(torch::randn({2, 1, 64, 64}) * 3.0 + 1.0);
    saveWeights(*source, path);

    MtsaNet copy(smallConfig());
    loadWeights(*copy, path);
    source->eval();
    copy->eval();
    torch::NoGradGuard noGrad;
    const auto input = torch::randn({1, 1, 64, 64});
    const auto expected = source->forward(input);
    const auto actual = copy->forward(input);
    ASSERT_TRUE(torch::equal(expected.seg, actual.seg));
    ASSERT_TRUE(torch::equal(expected.egfr, actual.egfr));
}

TEST_F(ModelsMtsaNet, nonFiniteWeightsAreRefused) {
    test_tools::TempDir dir;
    const std::filesystem::path path = dir.filePath("weights.mtw");
    MtsaNet source(smallConfig());
    {
        torch::NoGradGuard noGrad;
        source->named_parameters().begin()->value().view(-1)[0] =
            std::numeric_limits<float>::quiet_NaN();
    }
    const std::string poisoned = source->named_parameters().begin()->key();
    saveWeights(*source, path);
    MtsaNet copy(smallConfig());
    try {
        loadWeights(*copy, path);
        FAIL() << "loaded NaN weights";
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        ASSERT_TRUE(message.find("weights.mtw") != std::string::npos) << message;
        ASSERT_TRUE(message.find(poisoned) != std::string::npos) << message;
        ASSERT_TRUE(message.find("NaN or infinite") != std::string::npos) << message;
    }
}

TEST_F(ModelsMtsaNet, mismatchedOrCorruptWeightsAreRefused) {
    test_tools::TempDir dir;
    const std::filesystem::path path = dir.filePath("weights.mtw");
    MtsaNet source(smallConfig());
    saveWeights(*source, path);

    auto wider = smallConfig();
    wider.baseWidth = 16;
    MtsaNet other(wider);
    try {
        loadWeights(*other, path);
        FAIL() << "loaded weights of another width";
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        ASSERT_TRUE(message.find("weights.mtw") != std::string::npos) << error.what();
        ASSERT_TRUE(message.find("shape") != std::string::npos) << error.what();
    }

    auto segmentationOnly = smallConfig();
    segmentationOnly.heads = NetworkHeads::SegmentationOnly;
    MtsaNet partial(segmentationOnly);
    try {
        loadWeights(*partial, path);
        FAIL() << "loaded a classifier into a segmentation-only network";
    } catch (const std::runtime_error& error) {
        ASSERT_TRUE(std::string(error.what()).find("classifier.") != std::string::npos)
            << error.what();
    }

    const auto fullSize = std::filesystem::file_size(path);
    std::filesystem::resize_file(path, fullSize - 10);
    try {
        loadWeights(*source, path);
        FAIL() << "loaded a truncated file";
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        ASSERT_TRUE(message.find("weights.mtw") != std::string::npos) << error.what();
        ASSERT_TRUE(message.find("truncated") != std::string::npos) << error.what();
    }

    std::ofstream(path, std::ios::binary | std::ios::trunc) << "not an archive at all";
    ASSERT_THROW(loadWeights(*source, path), std::runtime_error);
    ASSERT_THROW(loadWeights(*source, dir.filePath("missing.mtw")), std::runtime_error);
}
