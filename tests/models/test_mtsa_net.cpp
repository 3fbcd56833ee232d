// MTSA-Net network: shapes, gradients, analytic summary against the real module, weights I/O,
// configuration validation.
#include "Losses.h"
#include "MtsaNet.h"
#include "TensorArchive.h"
#include "metis/models/MtsaNetConfig.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <functional>

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
                qFatal("unexpected convolution %s", name.c_str());
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
        QFAIL(
            qPrintable(QString("accepted an invalid config; expected '%1'").arg(expectedFragment)));
    } catch (const std::invalid_argument& error) {
        const std::string message = error.what();
        QVERIFY2(message.find(expectedFragment) != std::string::npos, error.what());
    }
}

} // namespace

class TestMtsaNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void outputShapesAtPaperConfig() {
        MtsaNet net(MtsaNetConfig{});
        net->eval();
        torch::NoGradGuard noGrad;
        const auto output = net->forward(torch::randn({1, 1, 384, 384}));
        QCOMPARE(output.seg.sizes().vec(), (std::vector<int64_t>{1, 1, 384, 384}));
        QCOMPARE(output.egfr.sizes().vec(), (std::vector<int64_t>{1, 2}));
        QVERIFY(torch::isfinite(output.seg).all().item<bool>());
        QVERIFY(torch::isfinite(output.egfr).all().item<bool>());
    }

    void outputShapesAtSmallConfig() {
        MtsaNet net(smallConfig());
        const auto output = net->forward(torch::randn({3, 1, 64, 64}));
        QCOMPARE(output.seg.sizes().vec(), (std::vector<int64_t>{3, 1, 64, 64}));
        QCOMPARE(output.egfr.sizes().vec(), (std::vector<int64_t>{3, 2}));
    }

    void segmentationStartsFromAOnePercentPrior() {
        // A fresh network predicts about 1 % metastasis, not p = 0.5 everywhere: from 0.5, Adam
        // needed hundreds of steps only to learn "background" (docs/mtsa-net-demo.md).
        MtsaNet net(smallConfig());
        net->train(); // batch statistics: the decoder's features are normalised
        torch::NoGradGuard noGrad;
        const auto probability = torch::sigmoid(net->forward(torch::randn({2, 1, 64, 64})).seg);
        const double mean = probability.mean().item<double>();
        QVERIFY2(mean > 0.002 && mean < 0.05, qPrintable(QString::number(mean)));
    }

    void channelsLastGivesTheSameOutputs() {
        MtsaNet net(smallConfig());
        net->eval();
        torch::NoGradGuard noGrad;
        const auto input = torch::randn({2, 1, 64, 64});
        const MtsaNetOutput plain = net->forward(input);
        net->useChannelsLast();
        const MtsaNetOutput nhwc = net->forward(input);
        QVERIFY(nhwc.seg.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY((plain.seg - nhwc.seg).abs().max().item<double>() < 1e-4);
        QVERIFY((plain.egfr - nhwc.egfr).abs().max().item<double>() < 1e-4);
    }

    void optimisedInferencePathGivesTheReferenceProbabilities() {
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
        const double segDifference = (torch::sigmoid(reference.seg) - torch::sigmoid(optimised.seg))
                                         .abs()
                                         .max()
                                         .item<double>();
        const double egfrDifference =
            (torch::softmax(reference.egfr, 1) - torch::softmax(optimised.egfr, 1))
                .abs()
                .max()
                .item<double>();
        QVERIFY2(segDifference <= 1e-4, qPrintable(QString::number(segDifference)));
        QVERIFY2(egfrDifference <= 1e-4, qPrintable(QString::number(egfrDifference)));
        // Folding must really have replaced the layers: with the BatchNorm statistics changed
        // afterwards, eval mode no longer sees them, training mode does.
        for (auto& buffer : net->named_buffers()) {
            if (buffer.key().find("running_mean") != std::string::npos) {
                buffer.value().add_(10.0);
            }
        }
        const double unchanged =
            (net->forward(input).seg - optimised.seg).abs().max().item<double>();
        QVERIFY2(unchanged == 0.0, qPrintable(QString::number(unchanged)));
    }

    void singleTaskBaselinesCarryOneHead() {
        auto config = smallConfig();
        config.heads = NetworkHeads::SegmentationOnly;
        MtsaNet segmentation(config);
        const auto segOut = segmentation->forward(torch::randn({1, 1, 64, 64}));
        QVERIFY(segOut.seg.defined());
        QVERIFY(!segOut.egfr.defined());

        config.heads = NetworkHeads::ClassificationOnly;
        MtsaNet classification(config);
        const auto clsOut = classification->forward(torch::randn({1, 1, 64, 64}));
        QVERIFY(!clsOut.seg.defined());
        QCOMPARE(clsOut.egfr.sizes().vec(), (std::vector<int64_t>{1, 2}));
    }

    void wrongInputShapeIsRefused() {
        MtsaNet net(smallConfig());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net->forward(torch::randn({1, 1, 32, 32})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net->forward(torch::randn({1, 3, 64, 64})));
    }

    void everyParameterReceivesAGradient() {
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
                QVERIFY2(grad.defined(), ("no gradient for " + item.key()).c_str());
                QVERIFY2(grad.abs().sum().item<double>() > 0.0,
                         ("zero gradient for " + item.key()).c_str());
                ++checked;
            }
        }
        QVERIFY(checked > 50);
    }

    void summaryParameterCountMatchesModule_data() {
        QTest::addColumn<int>("inputSize");
        QTest::addColumn<int>("baseWidth");
        QTest::addColumn<int>("heads");
        QTest::newRow("paper 384/32") << 384 << 32 << static_cast<int>(NetworkHeads::Both);
        QTest::newRow("small 64/8") << 64 << 8 << static_cast<int>(NetworkHeads::Both);
        QTest::newRow("128/4 segmentation only")
            << 128 << 4 << static_cast<int>(NetworkHeads::SegmentationOnly);
        QTest::newRow("128/4 classification only")
            << 128 << 4 << static_cast<int>(NetworkHeads::ClassificationOnly);
    }

    void summaryParameterCountMatchesModule() {
        QFETCH(int, inputSize);
        QFETCH(int, baseWidth);
        QFETCH(int, heads);
        auto config = smallConfig();
        if (inputSize == 384) {
            config = MtsaNetConfig{};
        }
        config.inputSize = inputSize;
        config.baseWidth = baseWidth;
        config.heads = static_cast<NetworkHeads>(heads);
        MtsaNet net(config);
        const auto summary = summarise(config);
        QCOMPARE(summary.parameters, parameterCount(*net));
        QCOMPARE(summary.totalMacs(), macsFromWeightWalk(*net));
        QVERIFY(config.hasSegmentationHead() == (summary.decoderMacs > 0));
        QVERIFY(config.hasClassifierHead() == (summary.classifierMacs > 0));
    }

    void paperConfigSummaryIsPrinted() {
        const auto summary = summarise(MtsaNetConfig{});
        const auto text = describe(MtsaNetConfig{}, summary);
        qInfo("%s", text.c_str());
        QVERIFY(text.find("parameters: " + std::to_string(summary.parameters)) !=
                std::string::npos);
        QVERIFY(summary.gflopsPerSlice() > 1.0);
    }

    void invalidConfigsThrowWithAClearMessage() {
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
        // The network itself refuses too, before building anything.
        config.inputSize = 100;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MtsaNet{config});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, summarise(config));
    }

    void weightsRoundTripByName() {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("weights.mtw").toStdString();
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
        QVERIFY(torch::equal(expected.seg, actual.seg));
        QVERIFY(torch::equal(expected.egfr, actual.egfr));
    }

    void mismatchedOrCorruptWeightsAreRefused() {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("weights.mtw").toStdString();
        MtsaNet source(smallConfig());
        saveWeights(*source, path);

        auto wider = smallConfig();
        wider.baseWidth = 16;
        MtsaNet other(wider);
        try {
            loadWeights(*other, path);
            QFAIL("loaded weights of another width");
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("weights.mtw") != std::string::npos, error.what());
            QVERIFY2(message.find("shape") != std::string::npos, error.what());
        }

        auto segmentationOnly = smallConfig();
        segmentationOnly.heads = NetworkHeads::SegmentationOnly;
        MtsaNet partial(segmentationOnly);
        try {
            loadWeights(*partial, path);
            QFAIL("loaded a classifier into a segmentation-only network");
        } catch (const std::runtime_error& error) {
            QVERIFY2(std::string(error.what()).find("classifier.") != std::string::npos,
                     error.what());
        }

        const auto fullSize = std::filesystem::file_size(path);
        std::filesystem::resize_file(path, fullSize - 10);
        try {
            loadWeights(*source, path);
            QFAIL("loaded a truncated file");
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("weights.mtw") != std::string::npos, error.what());
            QVERIFY2(message.find("truncated") != std::string::npos, error.what());
        }

        std::ofstream(path, std::ios::binary | std::ios::trunc) << "not an archive at all";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadWeights(*source, path));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 loadWeights(*source, dir.filePath("missing.mtw").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestMtsaNet)
#include "test_mtsa_net.moc"
