// MTSA-Net losses: each term against a hand-computed value, the uncertainty weighting, the
// fixed-weight and single-task modes, and a tiny network overfitting one batch.
#include "Losses.h"
#include "MtsaNet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <iomanip>
#include <sstream>
#include <vector>

using namespace metis::models;

namespace {

// Logits 0, ln 3, -ln 3, 0 give probabilities 1/2, 3/4, 1/4, 1/2 against the mask 1, 1, 0, 0.
torch::Tensor tinyLogits() {
    const float ln3 = std::log(3.0f);
    return torch::tensor({0.0f, ln3, -ln3, 0.0f}).reshape({1, 1, 2, 2});
}
torch::Tensor tinyMask() {
    return torch::tensor({1.0f, 1.0f, 0.0f, 0.0f}).reshape({1, 1, 2, 2});
}

// Two samples: logits (0, ln 3) with label 1 (p = 3/4), (ln 3, 0) with label 1 (p = 1/4).
torch::Tensor tinyEgfrLogits() {
    const float ln3 = std::log(3.0f);
    return torch::tensor({0.0f, ln3, ln3, 0.0f}).reshape({2, 2});
}
torch::Tensor tinyEgfrLabels() {
    return torch::tensor({1, 1}, torch::kInt64);
}

// Sum p y = 1.25, sum p = 2, sum y = 2, smoothing 1: 1 - (2.5 + 1) / (4 + 1).
constexpr double kDice = 0.3;
// alpha_t (1 - p_t)^2 (-log p_t): 0.8/4 ln 2 + 0.8/16 ln 4/3 + 0.2/16 ln 4/3 + 0.2/4 ln 2.
const double kFocal = 0.25 * std::log(2.0) + 0.0625 * std::log(4.0 / 3.0);
// Mean of -ln(3/4) and -ln(1/4).
const double kCrossEntropy = 0.5 * (std::log(4.0 / 3.0) + std::log(4.0));
const double kGtv = kDice + kFocal / 25000.0;

double value(const torch::Tensor& tensor) {
    return tensor.item<double>();
}

bool near(double actual, double expected, double tolerance = 1e-6) {
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

/// Predicate formatter of ASSERT_CLOSE: `near`, with a message naming the expression.
::testing::AssertionResult isNear(const char* actualText, const char* /*expectedText*/,
                                  double actual, double expected) {
    if (near(actual, expected)) {
        return ::testing::AssertionSuccess();
    }
    std::ostringstream message;
    message << std::setprecision(10) << actualText << " = " << actual << ", expected " << expected;
    return ::testing::AssertionFailure() << message.str();
}

#define ASSERT_CLOSE(actual, expected) ASSERT_PRED_FORMAT2(isNear, actual, expected)

MtsaNetConfig tinyConfig() {
    MtsaNetConfig config;
    config.inputSize = 64;
    config.baseWidth = 4;
    config.embedDim = 16;
    config.attentionHeads = 2;
    config.mlpRatio = 2;
    config.dropout = 0.0;
    return config;
}

/// Two 64 x 64 slices with one bright disc each (the GTV) and different EGFR labels.
struct Batch {
    torch::Tensor images, masks, labels;
};
Batch syntheticBatch() {
    const auto coords = torch::arange(64, torch::kFloat32);
    const auto y = coords.view({64, 1});
    const auto x = coords.view({1, 64});
    const auto disc1 = ((x - 20).pow(2) + (y - 24).pow(2) < 100.0).to(torch::kFloat32);
    const auto disc2 = ((x - 40).pow(2) + (y - 36).pow(2) < 64.0).to(torch::kFloat32);
    const auto masks = torch::stack({disc1, disc2}).unsqueeze(1);
    const auto images = masks * 2.0 + 0.3 * torch::randn({2, 1, 64, 64});
    return {images, masks, torch::tensor({0, 1}, torch::kInt64)};
}

} // namespace

/// Seeds torch's generator before each test, so each test sees the same random tensors
/// whether it runs alone (--gtest_filter), shuffled or with the others.
class ModelsLosses : public ::testing::Test {
protected:
    void SetUp() override { torch::manual_seed(11); }
};

TEST_F(ModelsLosses, diceMatchesHandValue) {
    ASSERT_CLOSE(value(softDiceLoss(tinyLogits(), tinyMask(), 1.0)), kDice);
    // Without smoothing: 1 - 2.5 / 4.
    ASSERT_CLOSE(value(softDiceLoss(tinyLogits(), tinyMask(), 1e-12)), 0.375);
}

TEST_F(ModelsLosses, emptySlicePredictedEmptyCostsNothing) {
    const auto logits = torch::full({1, 1, 8, 8}, -30.0);
    ASSERT_TRUE(value(softDiceLoss(logits, torch::zeros({1, 1, 8, 8}), 1.0)) < 1e-9);
}

TEST_F(ModelsLosses, diceAveragesSlices) {
    // The second slice is perfect, so the batch mean halves the first slice's loss.
    const auto logits = torch::cat({tinyLogits(), torch::full({1, 1, 2, 2}, -40.0)});
    const auto mask = torch::cat({tinyMask(), torch::zeros({1, 1, 2, 2})});
    ASSERT_CLOSE(value(softDiceLoss(logits, mask, 1.0)), kDice / 2);
}

TEST_F(ModelsLosses, focalMatchesHandValue) {
    ASSERT_CLOSE(value(focalLossSum(tinyLogits(), tinyMask(), 0.8, 2.0)), kFocal);
    // gamma 0, alpha 1/2 is half the summed binary cross-entropy:
    // 0.5 (ln 2 + ln 4/3 + ln 4/3 + ln 2).
    ASSERT_CLOSE(value(focalLossSum(tinyLogits(), tinyMask(), 0.5, 0.0)),
                 std::log(2.0) + std::log(4.0 / 3.0));
}

TEST_F(ModelsLosses, focalIsAPixelSum) {
    // Four copies of the slice side by side: four times the loss, not the same mean.
    const auto logits = tinyLogits().repeat({1, 1, 2, 2});
    const auto mask = tinyMask().repeat({1, 1, 2, 2});
    ASSERT_CLOSE(value(focalLossSum(logits, mask, 0.8, 2.0)), 4.0 * kFocal);
}

TEST_F(ModelsLosses, focalIsStableForConfidentLogits) {
    const auto logits = torch::tensor({200.0f, -200.0f}).reshape({1, 1, 1, 2});
    const auto wrong = torch::tensor({0.0f, 1.0f}).reshape({1, 1, 1, 2});
    const double loss = value(focalLossSum(logits, wrong, 0.8, 2.0));
    ASSERT_TRUE(std::isfinite(loss));
    ASSERT_CLOSE(loss, 0.2 * 200.0 + 0.8 * 200.0);
}

TEST_F(ModelsLosses, batchDiceAndPixelCrossEntropyMatchHandValues) {
    // One slice: batch Dice equals the per-slice Dice; BCE is the mean of -log p_t:
    // (ln 2 + ln 4/3 + ln 4/3 + ln 2) / 4.
    ASSERT_CLOSE(value(batchSoftDiceLoss(tinyLogits(), tinyMask(), 1.0)), kDice);
    ASSERT_CLOSE(value(pixelCrossEntropy(tinyLogits(), tinyMask())),
                 0.5 * (std::log(2.0) + std::log(4.0 / 3.0)));
    LossConfig config;
    config.weighting = TaskWeighting::SegmentationOnly;
    config.segmentation = SegmentationLoss::BatchDiceBce;
    MultiTaskLoss loss(config);
    const LossTerms terms = loss->forward(tinyLogits(), tinyMask(), {}, {});
    ASSERT_CLOSE(value(terms.gtv), kDice + 0.5 * (std::log(2.0) + std::log(4.0 / 3.0)));
    ASSERT_TRUE(segmentationLossFromString("batch-dice-bce") == SegmentationLoss::BatchDiceBce);
    ASSERT_EQ(toString(SegmentationLoss::Paper), std::string("paper"));
    ASSERT_THROW(segmentationLossFromString("focal"), std::invalid_argument);
}

TEST_F(ModelsLosses, batchDiceKeepsPushingOnFalsePositivesOfEmptySlices) {
    // A batch of a lesion slice predicted well and a metastasis-free slice with a patch of
    // false positives. Per-slice Dice on the empty slice saturates near 1 once a few
    // pixels are wrong, so its gradient on those pixels vanishes; the batch Dice counts
    // them against the lesion of the other slice and keeps a real gradient.
    auto target = torch::zeros({2, 1, 16, 16});
    target.index_put_({0, 0, torch::indexing::Slice(4, 12), torch::indexing::Slice(4, 12)}, 1.0);
    auto logits = (target * 8.0 - 4.0).clone();
    logits.index_put_({1, 0, torch::indexing::Slice(0, 6), torch::indexing::Slice(0, 6)},
                      4.0); // 36 false-positive pixels on the empty slice
    auto perSlice = logits.clone().requires_grad_(true);
    softDiceLoss(perSlice, target, 1.0).backward();
    auto batch = logits.clone().requires_grad_(true);
    batchSoftDiceLoss(batch, target, 1.0).backward();
    const double perSliceGradient = perSlice.grad()[1][0][0][0].item<double>();
    const double batchGradient = batch.grad()[1][0][0][0].item<double>();
    ASSERT_TRUE(perSliceGradient > 0.0 && batchGradient > 0.0); // both push the logit down
    ASSERT_TRUE(batchGradient > 5.0 * perSliceGradient)
        << "batch " << batchGradient << ", per slice " << perSliceGradient;
}

TEST_F(ModelsLosses, lesionWeightsFavourSmallLesions) {
    // A 2 x 2 lesion and a 12 x 12 lesion on one 32 x 32 slice, window 9: the small lesion
    // fills 4/81 of its window (weight capped at 5), the large one's centre its whole window
    // (weight 1); background stays 1.
    auto target = torch::zeros({1, 1, 32, 32});
    using torch::indexing::Slice;
    target.index_put_({0, 0, Slice(3, 5), Slice(3, 5)}, 1.0);
    target.index_put_({0, 0, Slice(14, 26), Slice(14, 26)}, 1.0);
    const auto weights = lesionPixelWeights(target, 9, 0.25, 5.0);
    ASSERT_CLOSE(weights[0][0][3][3].item<double>(), 5.0);
    ASSERT_CLOSE(weights[0][0][20][20].item<double>(), 1.0);
    ASSERT_CLOSE(weights[0][0][0][31].item<double>(), 1.0);
    // The large lesion's corner sees 25 of 81 lesion pixels: 0.25 / (25/81) < 1 -> 1.
    ASSERT_CLOSE(weights[0][0][14][14].item<double>(), 1.0);
    // A 4 x 4 lesion: 16/81 -> 0.25 * 81 / 16 = 1.27 at its pixels whose window holds it all.
    auto medium = torch::zeros({1, 1, 32, 32});
    medium.index_put_({0, 0, Slice(10, 14), Slice(10, 14)}, 1.0);
    ASSERT_CLOSE(lesionPixelWeights(medium, 9, 0.25, 5.0)[0][0][11][11].item<double>(),
                 0.25 * 81.0 / 16.0);

    // The weighted BCE is the plain one where every weight is 1 (a lesion filling the slice)
    // and larger when a missed lesion is small.
    LossConfig config;
    config.lesionWindowPixels = 9;
    const auto full = torch::ones({1, 1, 8, 8});
    const auto unsure = torch::zeros({1, 1, 8, 8});
    ASSERT_CLOSE(value(lesionWeightedCrossEntropy(unsure, full, config)),
                 value(pixelCrossEntropy(unsure, full)));
    auto smallOnly = torch::zeros({1, 1, 32, 32});
    smallOnly.index_put_({0, 0, Slice(3, 5), Slice(3, 5)}, 1.0);
    const auto missed = torch::full({1, 1, 32, 32}, -4.0);
    ASSERT_TRUE(value(lesionWeightedCrossEntropy(missed, smallOnly, config)) >
                2.0 * value(pixelCrossEntropy(missed, smallOnly)));
    ASSERT_TRUE(segmentationLossFromString("lesion-weighted") == SegmentationLoss::LesionWeighted);
    ASSERT_EQ(LossConfig::lesionWindowPixelsFor(1.25), 15);
    ASSERT_EQ(LossConfig::lesionWindowPixelsFor(0.625), 31);
    config.lesionWindowPixels = 8;
    ASSERT_THROW(config.validate(), std::invalid_argument);
}

TEST_F(ModelsLosses, crossEntropyMatchesHandValue) {
    ASSERT_CLOSE(value(egfrCrossEntropy(tinyEgfrLogits(), tinyEgfrLabels())), kCrossEntropy);
}

TEST_F(ModelsLosses, jointUncertaintyLossMatchesFormula) {
    MultiTaskLoss loss(LossConfig{});
    {
        torch::NoGradGuard noGrad;
        loss->logSigmaGtv().fill_(0.5);
        loss->logSigmaEgfr().fill_(-0.25);
    }
    const auto terms = loss->forward(tinyLogits(), tinyMask(), tinyEgfrLogits(), tinyEgfrLabels());
    ASSERT_CLOSE(value(terms.dice), kDice);
    ASSERT_CLOSE(value(terms.focal), kFocal);
    ASSERT_CLOSE(value(terms.gtv), kGtv);
    ASSERT_CLOSE(value(terms.egfr), kCrossEntropy);
    // L_GTV / (2 s1^2) + L_EGFR / (2 s2^2) + log(s1 s2), s1 = e^0.5, s2 = e^-0.25.
    const double expected =
        kGtv / (2.0 * std::exp(1.0)) + kCrossEntropy / (2.0 * std::exp(-0.5)) + 0.5 - 0.25;
    ASSERT_CLOSE(value(terms.total), expected);
}

TEST_F(ModelsLosses, uncertaintyWeightsStartAtOne) {
    MultiTaskLoss loss(LossConfig{});
    ASSERT_DOUBLE_EQ(value(loss->logSigmaGtv()), 0.0);
    ASSERT_DOUBLE_EQ(value(loss->logSigmaEgfr()), 0.0);
    ASSERT_EQ(loss->parameters().size(), size_t{2});
    const auto terms = loss->forward(tinyLogits(), tinyMask(), tinyEgfrLogits(), tinyEgfrLabels());
    ASSERT_CLOSE(value(terms.total), 0.5 * kGtv + 0.5 * kCrossEntropy);
}

TEST_F(ModelsLosses, fixedWeightsAndSingleTaskModes) {
    LossConfig config;
    config.weighting = TaskWeighting::Fixed;
    config.fixedGtvWeight = 0.7;
    config.fixedEgfrWeight = 0.3;
    MultiTaskLoss fixed(config);
    ASSERT_TRUE(fixed->parameters().empty());
    ASSERT_CLOSE(
        value(fixed->forward(tinyLogits(), tinyMask(), tinyEgfrLogits(), tinyEgfrLabels()).total),
        0.7 * kGtv + 0.3 * kCrossEntropy);

    config.weighting = TaskWeighting::SegmentationOnly;
    MultiTaskLoss segmentation(config);
    const auto segTerms = segmentation->forward(tinyLogits(), tinyMask(), {}, {});
    ASSERT_CLOSE(value(segTerms.total), kGtv);
    ASSERT_TRUE(!segTerms.egfr.defined());

    config.weighting = TaskWeighting::ClassificationOnly;
    MultiTaskLoss classification(config);
    const auto clsTerms = classification->forward({}, {}, tinyEgfrLogits(), tinyEgfrLabels());
    ASSERT_CLOSE(value(clsTerms.total), kCrossEntropy);
    ASSERT_TRUE(!clsTerms.gtv.defined());
}

TEST_F(ModelsLosses, invalidInputsAndConfigsThrow) {
    ASSERT_THROW(softDiceLoss(tinyLogits(), torch::zeros({1, 1, 3, 3}), 1.0),
                 std::invalid_argument);
    MultiTaskLoss loss(LossConfig{});
    ASSERT_THROW(loss->forward(tinyLogits(), tinyMask(), {}, {}), std::invalid_argument);
    LossConfig config;
    config.focalAlpha = 1.5;
    ASSERT_THROW(config.validate(), std::invalid_argument);
    config = LossConfig{};
    config.diceSmoothing = 0.0;
    ASSERT_THROW(MultiTaskLoss{config}, std::invalid_argument);
    ASSERT_TRUE(taskWeightingFromString("fixed") == TaskWeighting::Fixed);
    ASSERT_TRUE(taskWeightingFromString(toString(TaskWeighting::ClassificationOnly)) ==
                TaskWeighting::ClassificationOnly);
    ASSERT_THROW(taskWeightingFromString("both"), std::invalid_argument);
}

TEST_F(ModelsLosses, uncertaintyWeightsMoveDuringTraining) {
    MtsaNet net(tinyConfig());
    MultiTaskLoss loss(LossConfig{});
    std::vector<torch::Tensor> parameters = net->parameters();
    for (const auto& p : loss->parameters()) {
        parameters.push_back(p);
    }
    torch::optim::Adam optimiser(parameters, torch::optim::AdamOptions(1e-2));
    const auto batch = syntheticBatch();
    for (int step = 0; step < 5; ++step) {
        optimiser.zero_grad();
        const auto output = net->forward(batch.images);
        loss->forward(output.seg, batch.masks, output.egfr, batch.labels).total.backward();
        optimiser.step();
    }
    // Both terms start below 1 (Dice ~0.9, CE ~0.7), where d/ds [L e^(-2s)/2 + s] = 1 - L > 0
    // at s = 0: the optimiser must shrink both sigmas, log sigma < 0.
    ASSERT_TRUE(value(loss->logSigmaGtv()) < -0.01) << value(loss->logSigmaGtv());
    ASSERT_TRUE(value(loss->logSigmaEgfr()) < -0.01) << value(loss->logSigmaEgfr());
}

TEST_F(ModelsLosses, tinyModelOverfitsOneBatch) {
    // Fixed weights 1:1: the uncertainty loss has a log(s1 s2) term that goes negative, so
    // "falls by 90 %" is only meaningful on L_GTV + L_EGFR.
    LossConfig lossConfig;
    lossConfig.weighting = TaskWeighting::Fixed;
    MultiTaskLoss loss(lossConfig);
    MtsaNet net(tinyConfig());
    // A high learning rate: soft Dice moves slowly while every probability sits near 1/2.
    torch::optim::Adam optimiser(net->parameters(), torch::optim::AdamOptions(2e-2));
    const auto batch = syntheticBatch();
    double first = 0.0;
    double last = 0.0;
    for (int step = 0; step < 100; ++step) {
        optimiser.zero_grad();
        const auto output = net->forward(batch.images);
        const auto total = loss->forward(output.seg, batch.masks, output.egfr, batch.labels).total;
        total.backward();
        optimiser.step();
        (step == 0 ? first : last) = value(total);
    }
    std::printf("overfit: loss %.4f -> %.4f\n", first, last);
    ASSERT_TRUE(last <= 0.1 * first) << "loss " << first << " -> " << last;
}
