// Inference engine on a tiny random-weight package: geometry of every output, agreement between
// the outputs, determinism, batching that does not change the result, progress and cancel.
#include "MtsaNet.h"
#include "TempDir.h"
#include "TinyModel.h"
#include "metis/core/HeadDepth.h"
#include "metis/models/Calibration.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/TrainingData.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace metis;
using namespace metis::models;
namespace fs = std::filesystem;

namespace {

/// A bright ellipsoid "head" with a brighter sphere, on an anisotropic grid.
ImageVolume syntheticSeries() {
    ImageGeometry g;
    g.size = {48, 40, 9};
    g.spacing = {4.5, 5.0, 6.0};
    g.origin = {-100.0, -90.0, -20.0};
    g.validate();
    ImageVolume image(g, 0.0f);
    for (std::int64_t k = 0; k < 9; ++k) {
        for (std::int64_t j = 0; j < 40; ++j) {
            for (std::int64_t i = 0; i < 48; ++i) {
                const double x = (i - 24) / 20.0, y = (j - 20) / 16.0, z = (k - 4) / 4.5;
                const double r = x * x + y * y + z * z;
                float value =
                    r < 1.0 ? 300.0f + static_cast<float>(10 * ((i * 7 + j * 3 + k) % 5)) : 5.0f;
                if ((i - 30) * (i - 30) + (j - 18) * (j - 18) + (k - 4) * (k - 4) < 9) {
                    value = 900.0f;
                }
                image.at(i, j, k) = value;
            }
        }
    }
    return image;
}

class RecordingSink final : public ProgressSink {
public:
    explicit RecordingSink(int cancelAfterReports = -1) : cancelAfter_(cancelAfterReports) {}
    void begin(const std::string&) override { ++begins; }
    bool report(double fraction, const std::string&) override {
        last = fraction;
        ++reports;
        return cancelAfter_ < 0 || reports <= cancelAfter_;
    }
    void end() override { ++ends; }
    int begins = 0, ends = 0, reports = 0;
    double last = -1.0;

private:
    int cancelAfter_;
};

/// Replaces the network's output by three known blobs: a large one deep in the head, a small
/// one deep in the head, and one on the rim next to the air (needs the prediction's head mask).
/// False if the synthetic head has no deep point and rim point to paint them at.
[[nodiscard]] bool paintThreeBlobs(NetworkPrediction& prediction) {
    const ImageGeometry& g = prediction.modelProbability.geometry();
    std::fill(prediction.modelProbability.data().begin(), prediction.modelProbability.data().end(),
              0.0f);
    const ImageVolume depth = depthInsideHeadMm(prediction.head);
    const std::int64_t k = g.size[2] / 2;
    std::int64_t deepX = 0, deepY = 0, rimX = -1, rimY = 0;
    float deepest = 0.0f;
    for (std::int64_t y = 0; y < g.size[1]; ++y) {
        for (std::int64_t x = 0; x < g.size[0]; ++x) {
            const float d = depth.at(x, y, k);
            if (d > deepest) {
                deepest = d, deepX = x, deepY = y;
            }
            if (rimX < 0 && d > 0.0f && d <= 8.0f && y == g.size[1] / 2) {
                rimX = x, rimY = y;
            }
        }
    }
    if (!(deepest > 40.0f && rimX >= 0)) {
        return false;
    }
    auto paint = [&](std::int64_t x0, std::int64_t y0, int side, int slices) {
        for (std::int64_t z = k - slices / 2; z <= k + slices / 2; ++z) {
            for (std::int64_t y = y0; y < y0 + side; ++y) {
                for (std::int64_t x = x0; x < x0 + side; ++x) {
                    prediction.modelProbability.at(x, y, z) = 0.95f;
                }
            }
        }
    };
    paint(deepX - 3, deepY - 3, 6, 3); // about 22 x 22 x 18 mm
    paint(deepX + 6, deepY + 6, 3, 1); // about 11 x 11 x 6 mm
    paint(rimX, rimY, 3, 1);
    return true;
}

/// The largest voxel-wise difference between two volumes of the same grid.
double largestDifference(const ImageVolume& a, const ImageVolume& b) {
    double largest = 0.0;
    for (std::size_t i = 0; i < a.data().size(); ++i) {
        largest = std::max(largest, static_cast<double>(std::abs(a.data()[i] - b.data()[i])));
    }
    return largest;
}

/// Smallest and largest lesion volume (ml) of a result with lesions.
std::pair<double, double> lesionVolumeRangeMl(const InferenceResult& result) {
    const auto [smallest, largest] =
        std::minmax_element(result.lesions.begin(), result.lesions.end(),
                            [](const auto& a, const auto& b) { return a.volumeMl < b.volumeMl; });
    return {smallest->volumeMl, largest->volumeMl};
}

} // namespace

class ModelsInferenceEngine : public ::testing::Test {
protected:
    // One random-weight package for the whole suite (written once, read by every test).
    static void SetUpTestSuite() {
        dir_ = std::make_unique<test_tools::TempDir>();
        ASSERT_TRUE(fs::is_directory(dir_->path()));
        package_ = dir_->path() / "tiny";
        ModelPackageMetadata m = test_tools::tinyModelMetadata();
        writeRandomModelPackage(package_, m, 3);
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static InferenceOptions cpuOptions(int batch) {
        InferenceOptions options;
        options.device = ComputeDevice::Cpu;
        options.threads = 2;
        options.batchSize = batch;
        return options;
    }

    static std::unique_ptr<test_tools::TempDir> dir_;
    static fs::path package_;
};

std::unique_ptr<test_tools::TempDir> ModelsInferenceEngine::dir_;
fs::path ModelsInferenceEngine::package_;

TEST_F(ModelsInferenceEngine, outputsLieOnTheSeriesGridAndAgree) {
    const ImageVolume series = syntheticSeries();
    InferenceEngine engine(package_, cpuOptions(4));
    ASSERT_EQ(engine.device(), std::string("cpu"));
    NullProgressSink sink;
    const InferenceResult r = engine.run(series, sink);

    ASSERT_TRUE(r.probability.geometry().sameGridAs(series.geometry()));
    ASSERT_TRUE(r.mask.geometry().sameGridAs(series.geometry()));
    ASSERT_EQ(r.modelGeometry.size[0], std::size_t{64});
    ASSERT_EQ(r.modelGeometry.size[1], std::size_t{64});
    const std::size_t slices = r.modelGeometry.size[2];
    ASSERT_TRUE(slices >= 9);
    ASSERT_EQ(r.sliceMutantProbability.size(), slices);
    ASSERT_EQ(r.sliceGtvAreaMm2.size(), slices);
    for (double p : r.sliceMutantProbability) {
        ASSERT_TRUE(p >= 0.0 && p <= 1.0);
    }
    std::size_t maskVoxels = 0;
    for (std::size_t i = 0; i < r.mask.data().size(); ++i) {
        const float p = r.probability.data()[i];
        ASSERT_TRUE(p >= 0.0f && p <= 1.0f);
        ASSERT_EQ(r.mask.data()[i] != 0, p >= 0.5f);
        maskVoxels += r.mask.data()[i] != 0;
    }
    std::size_t lesionVoxels = 0;
    for (const auto& lesion : r.lesions) {
        ASSERT_TRUE(lesion.meanProbability >= 0.5 && lesion.meanProbability <= 1.0);
        ASSERT_TRUE(lesion.volumeMl > 0.0);
        lesionVoxels += lesion.voxelCount;
    }
    ASSERT_EQ(lesionVoxels, maskVoxels);
    ASSERT_TRUE(r.patientCall.has_value());
    ASSERT_TRUE(r.patientCall->meanProbability >= 0.0 && r.patientCall->meanProbability <= 1.0);
    ASSERT_TRUE(!r.patientCall->slicesUsed.empty());
    ASSERT_EQ(r.batchSize, 4);
}

TEST_F(ModelsInferenceEngine, runsAreDeterministicAndBatchingDoesNotChangeThem) {
    const ImageVolume series = syntheticSeries();
    NullProgressSink sink;
    InferenceEngine batched(package_, cpuOptions(3));
    const InferenceResult a = batched.run(series, sink);
    const InferenceResult b = batched.run(series, sink);
    ASSERT_TRUE(a.probability.data() == b.probability.data());
    ASSERT_TRUE(a.sliceMutantProbability == b.sliceMutantProbability);

    InferenceEngine single(package_, cpuOptions(1));
    const InferenceResult c = single.run(series, sink);
    const double worst = largestDifference(a.probability, c.probability);
    ASSERT_TRUE(worst < 1e-4) << std::to_string(worst);
    for (std::size_t k = 0; k < a.sliceMutantProbability.size(); ++k) {
        ASSERT_TRUE(std::abs(a.sliceMutantProbability[k] - c.sliceMutantProbability[k]) < 1e-4);
    }
}

TEST_F(ModelsInferenceEngine, reportsProgressToTheEnd) {
    InferenceEngine engine(package_, cpuOptions(2));
    RecordingSink sink;
    engine.run(syntheticSeries(), sink);
    ASSERT_EQ(sink.begins, 1);
    ASSERT_EQ(sink.ends, 1);
    ASSERT_TRUE(sink.reports >= 5); // at least one per batch of 2 slices
    ASSERT_DOUBLE_EQ(sink.last, 1.0);
}

TEST_F(ModelsInferenceEngine, cancelStopsTheRun) {
    InferenceEngine engine(package_, cpuOptions(1));
    RecordingSink sink(2);
    ASSERT_THROW(engine.run(syntheticSeries(), sink), OperationCancelled);
    ASSERT_EQ(sink.ends, 1);
    ASSERT_TRUE(sink.last < 0.5);
}

TEST_F(ModelsInferenceEngine, refusesABrokenPackage) {
    const fs::path broken = dir_->path() / "broken";
    ModelPackageMetadata m = test_tools::tinyModelMetadata();
    writeRandomModelPackage(broken, m, 4);
    fs::resize_file(broken / kModelPackageWeightsFile, 10);
    ASSERT_THROW(InferenceEngine(broken, cpuOptions(1)), std::runtime_error);
}

TEST_F(ModelsInferenceEngine, automaticBatchFitsTheBudget) {
    MtsaNetConfig paper;
    const int batch = batchSizeForBudget(paper, 1024.0 * 1024 * 1024);
    ASSERT_TRUE(batch >= 1 && batch < 16);
    ASSERT_TRUE(batchSizeForBudget(paper, 4.0 * 1024 * 1024 * 1024) > batch);
    ASSERT_EQ(batchSizeForBudget(paper, 1.0), 1);
    InferenceEngine engine(package_, cpuOptions(0));
    ASSERT_TRUE(engine.batchSize() >= 1 && engine.batchSize() <= 64);
}

TEST_F(ModelsInferenceEngine, trainingAndInferenceSeeTheSameInput) {
    // The slices a network is trained on and the slices it is run on must be the same
    // tensors: same grid, same normalisation, same resampling.
    const ImageVolume series = syntheticSeries();
    LabelMap gtv(series.geometry(), 0);
    for (std::size_t i = 0; i < gtv.data().size(); ++i) {
        gtv.data()[i] = series.data()[i] > 800.0f ? 1 : 0;
    }
    InferenceEngine engine(package_, cpuOptions(4));
    NullProgressSink sink;
    const NetworkPrediction prediction = engine.predict(series, sink);
    SliceDataset dataset(engine.metadata().preprocessing);
    dataset.addPatient("P", series, gtv, 1);

    const ImageVolume& model = prediction.input.image;
    const std::size_t pixels = dataset.slicePixels();
    const auto slices = static_cast<std::size_t>(model.geometry().size[2]);
    ASSERT_EQ(dataset.sliceCount(), slices); // every slice of the head, lesion or not
    const LabelMap modelGtv = prediction.input.grid.labelsToModel(gtv);
    // The dataset keeps the lesion slices first, then the others, each in slice order.
    std::vector<std::size_t> order;
    for (const bool lesion : {true, false}) {
        for (std::size_t k = 0; k < slices; ++k) {
            const auto* labels = modelGtv.data().data() + k * pixels;
            if (std::any_of(labels, labels + pixels, [](auto v) { return v != 0; }) == lesion) {
                order.push_back(k);
            }
        }
    }
    ASSERT_TRUE(dataset.metastasisSlices().size() >= 1);
    for (std::size_t n = 0; n < slices; ++n) {
        const float* trained = dataset.image(n);
        const float* inferred = model.data().data() + order[n] * pixels;
        for (std::size_t i = 0; i < pixels; ++i) {
            ASSERT_FLOAT_EQ(trained[i], inferred[i]);
        }
    }
}

// Context slices: the neighbours a training slice gets are the model slices above and below it
// that inference stacks (the volume's edge slice repeated beyond it), and the engine's batches
// give the network exactly that stack, whatever the batch size.
TEST_F(ModelsInferenceEngine, contextSlicesAreTheSameNeighboursInTrainingAndInference) {
    const fs::path package = dir_->path() / "context";
    ModelPackageMetadata m = test_tools::tinyModelMetadata();
    m.architecture.contextSlices = 1;
    writeRandomModelPackage(package, m, 5);
    const ImageVolume series = syntheticSeries();
    LabelMap gtv(series.geometry(), 0);
    for (std::size_t i = 0; i < gtv.data().size(); ++i) {
        gtv.data()[i] = series.data()[i] > 800.0f ? 1 : 0;
    }
    InferenceOptions options = cpuOptions(4);
    options.precision = InferencePrecision::Float32;
    NullProgressSink sink;
    const NetworkPrediction prediction = InferenceEngine(package, options).predict(series, sink);
    const ImageVolume& model = prediction.input.image;
    const auto slices = static_cast<std::int64_t>(model.geometry().size[2]);
    const std::size_t pixels = static_cast<std::size_t>(model.geometry().size[0]) *
                               static_cast<std::size_t>(model.geometry().size[1]);
    auto modelSlice = [&](std::int64_t k) {
        return model.data().data() +
               static_cast<std::size_t>(std::clamp<std::int64_t>(k, 0, slices - 1)) * pixels;
    };

    SliceDataset dataset(m.preprocessing);
    dataset.addPatient("P", series, gtv, 1);
    ASSERT_EQ(dataset.sliceCount(), static_cast<std::size_t>(slices));
    for (std::size_t n = 0; n < dataset.sliceCount(); ++n) {
        // Which model slice n is: the one whose pixels it holds.
        std::int64_t k = 0;
        while (k < slices &&
               !std::equal(dataset.image(n), dataset.image(n) + pixels, modelSlice(k))) {
            ++k;
        }
        ASSERT_LT(k, slices);
        for (const int offset : {-1, 1}) {
            const float* neighbour = dataset.image(dataset.neighbour(n, offset));
            ASSERT_TRUE(std::equal(neighbour, neighbour + pixels, modelSlice(k + offset)))
                << "slice " << k << ", offset " << offset;
        }
    }

    // The network on the stack built here gives the engine's probabilities.
    MtsaNet net(m.architecture);
    loadWeights(*net, package / kModelPackageWeightsFile);
    net->eval();
    torch::NoGradGuard noGrad;
    const auto side = static_cast<std::int64_t>(m.architecture.inputSize);
    auto sliceTensor = [&](std::int64_t k) {
        return torch::from_blob(const_cast<float*>(modelSlice(k)), {side, side}, torch::kFloat32);
    };
    for (const std::int64_t k : {std::int64_t{0}, slices / 2, slices - 1}) {
        const auto stack =
            torch::stack({sliceTensor(k - 1), sliceTensor(k), sliceTensor(k + 1)}).unsqueeze(0);
        const auto expected = torch::sigmoid(net->forward(stack).seg).flatten();
        const auto* engine =
            prediction.modelProbability.data().data() + static_cast<std::size_t>(k) * pixels;
        const auto actual = torch::from_blob(const_cast<float*>(engine),
                                             {static_cast<std::int64_t>(pixels)}, torch::kFloat32);
        ASSERT_LT((expected - actual).abs().max().item<double>(), 1e-4) << "slice " << k;
        // The premise: the neighbours matter to this network.
        const auto centreOnly =
            torch::stack({sliceTensor(k), sliceTensor(k), sliceTensor(k)}).unsqueeze(0);
        if (k == slices / 2) {
            ASSERT_GT((torch::sigmoid(net->forward(centreOnly).seg).flatten() - actual)
                          .abs()
                          .max()
                          .item<double>(),
                      1e-4);
        }
    }
    options.batchSize = 1;
    const NetworkPrediction single = InferenceEngine(package, options).predict(series, sink);
    // The same up to the summation order of another batch size.
    ASSERT_LT(largestDifference(single.modelProbability, prediction.modelProbability), 1e-5);
}

// The validation search (metis-cli calibrate, the training wizard) finds the settings that
// reproduce a reference: the rim blob removed by the margin, the small lesion kept.
TEST_F(ModelsInferenceEngine, calibrationChoosesTheSettingsThatReproduceTheReference) {
    const ImageVolume series = syntheticSeries();
    InferenceOptions options = cpuOptions(4);
    options.keepHeadMask = true;
    InferenceEngine engine(package_, options);
    NullProgressSink sink;
    NetworkPrediction prediction = engine.predict(series, sink);
    ASSERT_TRUE(paintThreeBlobs(prediction))
        << "no deep point and rim point found in the synthetic head";
    const LabelMap reference = engine.finish(prediction, {0.5, 0.0, 12.0}).mask;
    const InferenceResult all = engine.finish(prediction, GtvPostProcessing{});
    ASSERT_EQ(all.lesions.size(), std::size_t(3));
    const auto [smallest, largest] = lesionVolumeRangeMl(all);
    const double between = 0.5 * (largest + smallest) * 1000.0;

    CalibrationGrid grid;
    grid.headMarginsMm = {0.0, 12.0};
    grid.thresholds = {0.5};
    grid.minLesionVolumesMm3 = {0.0, between};
    const CalibrationResult result =
        calibratePostProcessing(engine, {{reference, prediction}}, grid, sink);
    ASSERT_EQ(result.tried.size(), std::size_t(5));
    ASSERT_DOUBLE_EQ(result.best.headMarginMm, 12.0);
    ASSERT_DOUBLE_EQ(result.best.minLesionVolumeMm3, 0.0);
    for (const CalibrationScore& score : result.tried) {
        const bool isBest =
            score.settings.headMarginMm == 12.0 && score.settings.minLesionVolumeMm3 == 0.0;
        ASSERT_TRUE(isBest ? std::abs(score.meanDice - 1.0) < 1e-9 && score.falsePositive == 0 &&
                                 score.falseNegative == 0
                           : score.value() < 2.0);
    }
}

// Where the validation patients cannot tell two settings apart, the stricter one is kept, in
// whatever order the grid lists them: a minimum volume under the smallest lesion changes nothing
// here and would still remove specks on patients the validation set does not show.
TEST_F(ModelsInferenceEngine, calibrationKeepsTheStricterOfTwoEqualSettings) {
    const ImageVolume series = syntheticSeries();
    InferenceOptions options = cpuOptions(4);
    options.keepHeadMask = true; // paintThreeBlobs places the blobs by it
    InferenceEngine engine(package_, options);
    NullProgressSink sink;
    NetworkPrediction prediction = engine.predict(series, sink);
    ASSERT_TRUE(paintThreeBlobs(prediction));
    const InferenceResult everyLesion = engine.finish(prediction, {0.5, 0.0, 0.0});
    const LabelMap& reference = everyLesion.mask;
    const auto [smallest, largest] = lesionVolumeRangeMl(everyLesion);
    ASSERT_LT(smallest, largest);
    const double underEveryLesion = 0.5 * smallest * 1000.0;

    for (const std::vector<double>& volumes :
         {std::vector<double>{0.0, underEveryLesion}, std::vector<double>{underEveryLesion, 0.0}}) {
        CalibrationGrid grid;
        grid.headMarginsMm = {0.0};
        grid.thresholds = {0.5};
        grid.minLesionVolumesMm3 = volumes;
        const CalibrationResult result =
            calibratePostProcessing(engine, {{reference, prediction}}, grid, sink);
        ASSERT_EQ(result.tried.size(), std::size_t(4));
        ASSERT_DOUBLE_EQ(result.tried[2].value(), result.tried[3].value());
        ASSERT_DOUBLE_EQ(result.best.minLesionVolumeMm3, underEveryLesion);
    }
}

TEST_F(ModelsInferenceEngine, lesionScoreWeighsMissesByBeta) {
    // 6 found, 2 missed, 4 invented: F1 = 12 / 18; F2 = 30 / (30 + 8 + 4); a miss costs
    // beta^2 times a false lesion, so trading three false lesions for one more found lesion
    // wins under F2 and loses under F1.
    CalibrationScore score;
    score.truePositive = 6;
    score.falseNegative = 2;
    score.falsePositive = 4;
    score.lesionBeta = 1.0;
    ASSERT_TRUE(std::abs(score.lesionScore() - 12.0 / 18.0) < 1e-12);
    score.lesionBeta = 2.0;
    ASSERT_TRUE(std::abs(score.lesionScore() - 30.0 / 42.0) < 1e-12);
    CalibrationScore moreFound = score;
    moreFound.truePositive = 7;
    moreFound.falseNegative = 1;
    moreFound.falsePositive = 7;
    ASSERT_TRUE(moreFound.lesionScore() > score.lesionScore());
    moreFound.lesionBeta = score.lesionBeta = 1.0;
    ASSERT_TRUE(moreFound.lesionScore() < score.lesionScore());
}

TEST_F(ModelsInferenceEngine, postProcessingDropsSmallLesionsAndTheHeadRim) {
    const ImageVolume series = syntheticSeries();
    InferenceOptions options = cpuOptions(4);
    options.keepHeadMask = true;
    InferenceEngine engine(package_, options);
    NullProgressSink sink;
    NetworkPrediction prediction = engine.predict(series, sink);
    ASSERT_TRUE(paintThreeBlobs(prediction))
        << "no deep point and rim point found in the synthetic head";

    const InferenceResult all = engine.finish(prediction, GtvPostProcessing{});
    ASSERT_EQ(all.lesions.size(), std::size_t(3));
    const auto [smallest, largest] = lesionVolumeRangeMl(all);
    const double between = 0.5 * (largest + smallest) * 1000.0;
    const InferenceResult noSmall = engine.finish(prediction, {0.5, between, 0.0});
    ASSERT_EQ(noSmall.lesions.size(), std::size_t(1));
    ASSERT_DOUBLE_EQ(noSmall.lesions[0].volumeMl, largest);
    ASSERT_EQ(noSmall.lesions[0].number, 1); // renumbered 1..N after the filter
    const InferenceResult noRim = engine.finish(prediction, {0.5, 0.0, 20.0});
    ASSERT_EQ(noRim.lesions.size(), std::size_t(2));
    std::size_t maskVoxels = 0;
    for (const auto v : noRim.mask.data()) {
        maskVoxels += v != 0;
    }
    std::size_t lesionVoxels = 0;
    for (const auto& lesion : noRim.lesions) {
        lesionVoxels += lesion.voxelCount;
    }
    ASSERT_EQ(lesionVoxels, maskVoxels); // the lesion list describes the stored mask
    ASSERT_THROW(engine.finish(prediction, {1.0, 0.0, 0.0}), std::invalid_argument);

    // Without keepHeadMask (and a package without a margin) the head mask is not computed,
    // and a margin asked of such a prediction is refused rather than silently skipped.
    InferenceEngine plain(package_, cpuOptions(4));
    const NetworkPrediction bare = plain.predict(series, sink);
    ASSERT_TRUE(bare.head.data().empty());
    ASSERT_THROW(plain.finish(bare, {0.5, 0.0, 5.0}), std::invalid_argument);
}

TEST_F(ModelsInferenceEngine, runAppliesThePackagesPostProcessing) {
    const fs::path package = dir_->path() / "post";
    ModelPackageMetadata m = test_tools::tinyModelMetadata();
    writeRandomModelPackage(package, m, 3);
    const GtvPostProcessing settings{0.45, 30.0, 6.0};
    updateModelPackagePostProcessing(package, settings);
    const ModelPackageMetadata read = verifyModelPackage(package);
    ASSERT_DOUBLE_EQ(read.postProcessing.threshold, 0.45);
    ASSERT_DOUBLE_EQ(read.postProcessing.minLesionVolumeMm3, 30.0);
    ASSERT_DOUBLE_EQ(read.postProcessing.headMarginMm, 6.0);

    InferenceEngine engine(package, cpuOptions(4));
    NullProgressSink sink;
    const ImageVolume series = syntheticSeries();
    const InferenceResult viaRun = engine.run(series, sink);
    const InferenceResult viaSteps = engine.finish(engine.predict(series, sink), settings);
    ASSERT_TRUE(viaRun.mask.data() == viaSteps.mask.data());
    ASSERT_TRUE(viaRun.probability.data() == viaSteps.probability.data());
    ASSERT_EQ(viaRun.lesions.size(), viaSteps.lesions.size());
}

// Test-time mirroring averages the prediction of each slice with the mirrored prediction of its
// mirror image: on a head that is left-right symmetric on the model grid, the averaged
// probability map is symmetric, where the random network's own is not.
TEST_F(ModelsInferenceEngine, testTimeMirroringAveragesTheMirroredPrediction) {
    ImageGeometry g;
    g.size = {48, 40, 5};
    g.spacing = {4.5, 5.0, 6.0};
    g.origin = {-100.0, -90.0, -20.0};
    ImageVolume series(g, 5.0f);
    for (std::int64_t k = 0; k < g.size[2]; ++k) {
        for (std::int64_t j = 0; j < g.size[1]; ++j) {
            for (std::int64_t i = 0; i < g.size[0]; ++i) {
                const double x = (i - 23.5) / 20.0, y = (j - 20) / 16.0, z = (k - 2) / 3.0;
                if (x * x + y * y + z * z < 1.0) {
                    series.at(i, j, k) = 300.0f + static_cast<float>(20 * j + 5 * k);
                }
            }
        }
    }
    const fs::path package = dir_->path() / "mirrored";
    ModelPackageMetadata m = test_tools::tinyModelMetadata();
    m.testTimeMirror = true;
    writeRandomModelPackage(package, m, 3);
    ASSERT_TRUE(verifyModelPackage(package).testTimeMirror);
    ASSERT_FALSE(verifyModelPackage(package_).testTimeMirror);

    InferenceOptions options = cpuOptions(4);
    options.precision = InferencePrecision::Float32;
    NullProgressSink sink;
    const NetworkPrediction plain = InferenceEngine(package_, options).predict(series, sink);
    const NetworkPrediction mirrored = InferenceEngine(package, options).predict(series, sink);
    const auto asymmetry = [](const ImageVolume& volume) {
        const auto& size = volume.geometry().size;
        double largest = 0.0;
        for (std::int64_t k = 0; k < size[2]; ++k) {
            for (std::int64_t j = 0; j < size[1]; ++j) {
                for (std::int64_t i = 0; i < size[0]; ++i) {
                    largest = std::max<double>(
                        largest, std::abs(volume.at(i, j, k) - volume.at(size[0] - 1 - i, j, k)));
                }
            }
        }
        return largest;
    };
    ASSERT_LT(asymmetry(plain.input.image), 1e-5) << "the premise: a symmetric model input";
    ASSERT_GT(asymmetry(plain.modelProbability), 1e-3) << "the random network is not symmetric";
    ASSERT_LT(asymmetry(mirrored.modelProbability), 1e-5);
    ASSERT_EQ(mirrored.sliceMutantProbability.size(), plain.sliceMutantProbability.size());
}

TEST_F(ModelsInferenceEngine, parsesDevices) {
    ASSERT_TRUE(computeDeviceFromString("cuda") == ComputeDevice::Cuda);
    ASSERT_EQ(toString(ComputeDevice::Auto), std::string("auto"));
    ASSERT_THROW(computeDeviceFromString("gpu"), std::invalid_argument);
}

// Slice oversampling puts model slices between the trained ones, each smoothed and given the
// context neighbours (one trained spacing away) the network was trained with: every second
// slice of the oversampled prediction is the plain prediction's, to rounding.
TEST_F(ModelsInferenceEngine, sliceOversamplingKeepsTheTrainedSlicesAndAddsTheOnesBetween) {
    ModelPackageMetadata m = test_tools::tinyModelMetadata();
    m.architecture.contextSlices = 1;
    m.preprocessing.antiAliasing = true;
    const fs::path plainPackage = dir_->path() / "plain";
    writeRandomModelPackage(plainPackage, m, 7);
    m.sliceOversampling = 2;
    const fs::path oversampledPackage = dir_->path() / "oversampled";
    writeRandomModelPackage(oversampledPackage, m, 7);
    ASSERT_EQ(verifyModelPackage(plainPackage).weightsSha256,
              verifyModelPackage(oversampledPackage).weightsSha256);

    const ImageVolume series = syntheticSeries(); // 9 slices of 6 mm
    InferenceOptions options = cpuOptions(4);
    options.precision = InferencePrecision::Float32;
    NullProgressSink sink;
    const NetworkPrediction plain = InferenceEngine(plainPackage, options).predict(series, sink);
    const NetworkPrediction oversampled =
        InferenceEngine(oversampledPackage, options).predict(series, sink);
    const ImageGeometry& p = plain.modelProbability.geometry();
    const ImageGeometry& o = oversampled.modelProbability.geometry();
    ASSERT_EQ(p.size[2], 9);
    ASSERT_EQ(o.size[2], 17);
    ASSERT_DOUBLE_EQ(o.spacing[2], 3.0);
    ASSERT_DOUBLE_EQ(o.origin[2], p.origin[2]);
    ASSERT_EQ(oversampled.sliceMutantProbability.size(), std::size_t{17});

    const auto pixels = static_cast<std::size_t>(p.size[0] * p.size[1]);
    const auto slice = [pixels](const NetworkPrediction& prediction, std::int64_t k) {
        return prediction.modelProbability.data().data() + static_cast<std::size_t>(k) * pixels;
    };
    double trainedSlices = 0.0;
    double between = 0.0;
    for (std::int64_t k = 0; k < 9; ++k) {
        for (std::size_t v = 0; v < pixels; ++v) {
            const float plainValue = slice(plain, k)[v];
            trainedSlices = std::max<double>(trainedSlices,
                                             std::abs(plainValue - slice(oversampled, 2 * k)[v]));
            if (k < 8) {
                between = std::max<double>(between,
                                           std::abs(plainValue - slice(oversampled, 2 * k + 1)[v]));
            }
        }
        EXPECT_NEAR(plain.sliceMutantProbability[static_cast<std::size_t>(k)],
                    oversampled.sliceMutantProbability[static_cast<std::size_t>(2 * k)], 1e-5);
    }
    EXPECT_LT(trainedSlices, 1e-4);
    EXPECT_GT(between, 1e-3); // the slices between are new predictions
}
