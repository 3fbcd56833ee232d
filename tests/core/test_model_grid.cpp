#include "TestVolumes.h"
#include "metis/core/ModelGrid.h"
#include "metis/core/SegmentationMetrics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>
#include <random>
#include <stdexcept>
#include <string>

using namespace metis;
using testvolumes::grid;
using testvolumes::paintBox;
using testvolumes::paintSphere;

namespace {

// Sagittal, as DICOM writes it: rows run anterior -> posterior, columns head -> feet, slices
// left -> right... here right -> left, so that the frame is right-handed.
const Mat3 kSagittal{{{0, 0, -1}, {1, 0, 0}, {0, -1, 0}}};

IntensityNormalization identityNormalization() {
    IntensityNormalization n;
    n.clipLow = -1e9f;
    n.clipHigh = 1e9f;
    return n;
}

// A 3D series (0.5 x 0.5 x 1 mm) with white noise of SD 1 and a 3 mm metastasis of +4 at
// kDotCentre, centred between two 2 mm model slices of dotModelGridOptions() (z = 0 and 2).
const Vec3 kDotCentre{0.3, -0.4, 1.0};

ImageVolume noisySeriesWithDot() {
    const ImageGeometry series = grid(160, 160, 41, {0.5, 0.5, 1.0}, {-40, -40, -20});
    ImageVolume image(series, 0.0f);
    std::mt19937 random(3);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (float& v : image.data()) {
        v = normal(random);
    }
    LabelMap dot(series);
    paintSphere(dot, kDotCentre, 1.5);
    for (std::size_t v = 0; v < dot.data().size(); ++v) {
        image.data()[v] += dot.data()[v] ? 4.0f : 0.0f;
    }
    return image;
}

/// 1.25 x 1.25 x 2 mm over 80 mm: the dot lies around model pixel (32, 32).
ModelGridOptions dotModelGridOptions() {
    ModelGridOptions options;
    options.inputSize = 64;
    options.fieldOfViewMm = 80;
    options.sliceSpacingMm = 2;
    options.threads = 2;
    return options;
}

/// The brightest model pixel of slice k within 4 pixels of the dot.
float peakAroundDot(const ImageVolume& onModel, std::int64_t k) {
    float peak = -1e9f;
    for (std::int64_t j = 28; j <= 36; ++j) {
        for (std::int64_t i = 28; i <= 36; ++i) {
            peak = std::max(peak, onModel.at(i, j, k));
        }
    }
    return peak;
}

Vec3 centreOf(const ImageGeometry& g) {
    return g.indexToPatient({(g.size[0] - 1) / 2.0, (g.size[1] - 1) / 2.0, (g.size[2] - 1) / 2.0});
}

} // namespace

TEST(CoreModelGrid, axialSeriesGeometry) {
    const ImageGeometry series = grid(256, 256, 30, {0.9375, 0.9375, 3}, {-120, -110, -40});
    const ImageGeometry model = modelGridGeometry(series, nullptr);
    ASSERT_EQ(model.size, (Size3{384, 384, 30}));
    ASSERT_DOUBLE_EQ(model.spacing[0], 0.625);
    ASSERT_DOUBLE_EQ(model.spacing[1], 0.625);
    ASSERT_DOUBLE_EQ(model.spacing[2], 3.0);
    ASSERT_EQ(model.direction, identityMatrix());
    ASSERT_DOUBLE_EQ(model.origin[2], -40.0); // model slices coincide with the series slices
    const Vec3 modelCentre = centreOf(model);
    const Vec3 seriesCentre = centreOf(series);
    ASSERT_TRUE(std::abs(modelCentre[0] - seriesCentre[0]) < 1e-9);
    ASSERT_TRUE(std::abs(modelCentre[1] - seriesCentre[1]) < 1e-9);
}

TEST(CoreModelGrid, centredOnTheBrainMask) {
    const ImageGeometry series = grid(40, 40, 10, {2, 2, 5});
    LabelMap brain(series);
    paintBox(brain, {20, 10, 2}, {31, 21, 8}); // indices 20..30, 10..20
    ModelGridOptions options;
    options.inputSize = 32;
    options.fieldOfViewMm = 64;
    const ImageGeometry model = modelGridGeometry(series, &brain, options);
    const Vec3 centre = centreOf(model);
    ASSERT_TRUE(std::abs(centre[0] - 50.0) < 1e-9);
    ASSERT_TRUE(std::abs(centre[1] - 30.0) < 1e-9);
    ASSERT_DOUBLE_EQ(model.spacing[0], 2.0);
}

TEST(CoreModelGrid, sagittalSeriesGivesAxialSlices) {
    // 64 (A->P) x 50 (S->I) x 20 (R->L) voxels.
    const ImageGeometry series = grid(64, 50, 20, {1.2, 1.0, 4.0}, {30, -40, 60}, kSagittal);
    ModelGridOptions options;
    options.inputSize = 64;
    options.fieldOfViewMm = 96;
    const ModelGrid modelGrid(series, nullptr, options);
    const ImageGeometry& model = modelGrid.modelGeometry();
    ASSERT_EQ(model.direction, identityMatrix());
    // S is the series' j axis: 50 samples 1 mm apart, from 60 - 49 up to 60.
    ASSERT_EQ(model.size[2], std::int64_t{50});
    ASSERT_DOUBLE_EQ(model.spacing[2], 1.0);
    ASSERT_TRUE(std::abs(model.origin[2] - 11.0) < 1e-9);

    // An image that varies only with height: every model slice must be flat, at its height.
    ImageVolume image(series);
    for (std::int64_t k = 0; k < 20; ++k) {
        for (std::int64_t j = 0; j < 50; ++j) {
            for (std::int64_t i = 0; i < 64; ++i) {
                image.at(i, j, k) =
                    static_cast<float>(series.indexToPatient({double(i), double(j), double(k)})[2]);
            }
        }
    }
    const ImageVolume onModel = modelGrid.imageToModel(image, identityNormalization());
    for (std::int64_t k = 0; k < model.size[2]; k += 7) {
        const double height = model.indexToPatient({0, 0, double(k)})[2];
        for (std::int64_t j = 20; j < 44; j += 3) {
            for (std::int64_t i = 20; i < 44; i += 3) {
                ASSERT_TRUE(std::abs(onModel.at(i, j, k) - height) < 1e-3);
            }
        }
    }
}

TEST(CoreModelGrid, normalisationClipsAndStandardises) {
    const ImageGeometry g = grid(20, 10, 2);
    ImageVolume image(g, 10000.0f); // outside the brain: very bright
    LabelMap brain(g);
    for (std::int64_t j = 0; j < 10; ++j) {
        for (std::int64_t i = 0; i < 20; ++i) {
            image.at(i, j, 0) = static_cast<float>(1 + i + 20 * j); // 1..200
            brain.at(i, j, 0) = 1;
        }
    }
    const IntensityNormalization n = computeIntensityNormalization(image, &brain);
    ASSERT_TRUE(!n.usedForegroundMask);
    ASSERT_EQ(n.maskVoxels, std::size_t{200});
    ASSERT_TRUE(std::abs(n.clipLow - 1.995f) < 1e-4f);
    ASSERT_TRUE(std::abs(n.clipHigh - 199.005f) < 1e-3f);
    double sum = 0;
    double squares = 0;
    for (std::int64_t j = 0; j < 10; ++j) {
        for (std::int64_t i = 0; i < 20; ++i) {
            const double z = n.apply(image.at(i, j, 0));
            sum += z;
            squares += z * z;
        }
    }
    ASSERT_TRUE(std::abs(sum / 200) < 1e-6);
    ASSERT_TRUE(std::abs(squares / 200 - 1.0) < 1e-6);
    ASSERT_FLOAT_EQ(n.apply(10000.0f), n.apply(n.clipHigh));
    const LabelMap emptyBrain(g);
    ASSERT_THROW(computeIntensityNormalization(image, &emptyBrain), std::invalid_argument);
}

TEST(CoreModelGrid, foregroundMaskWithoutBrainMask) {
    const ImageGeometry g = grid(16, 16, 4);
    ImageVolume image(g);
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        image.data()[v] = static_cast<float>(v % 5); // dark noise
    }
    LabelMap head(g);
    paintBox(head, {4, 4, 1}, {12, 12, 3});
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        if (head.data()[v]) {
            image.data()[v] = 100.0f + static_cast<float>(v % 7);
        }
    }
    ASSERT_EQ(foregroundMask(image).data(), head.data());
    const IntensityNormalization n = computeIntensityNormalization(image, nullptr);
    ASSERT_TRUE(n.usedForegroundMask);
    ASSERT_EQ(n.maskVoxels, std::size_t{128});
    ASSERT_TRUE(n.clipLow >= 100.0f);
}

TEST(CoreModelGrid, axialRoundTripPreservesALesion) {
    const ImageGeometry series = grid(128, 128, 24, {0.9375, 0.9375, 3}, {-60, -60, -30});
    LabelMap lesion(series);
    paintSphere(lesion, {3.1, -7.4, 4.0}, 5.0); // 10 mm
    const ModelGrid modelGrid(series, nullptr);
    const LabelMap onModel = modelGrid.labelsToModel(lesion);
    ASSERT_EQ(onModel.geometry().size[0], std::int64_t{384});
    const LabelMap back = modelGrid.maskToSeries(onModel);
    ASSERT_TRUE(dice(lesion, back) >= 0.95) << std::to_string(dice(lesion, back));
    ASSERT_TRUE(dice(lesion, modelGrid.labelsToSeries(onModel)) >= 0.95);
}

TEST(CoreModelGrid, sagittalRoundTripPreservesALesion) {
    const ImageGeometry series = grid(120, 110, 60, {1, 1, 1.5}, {-60, -50, 55}, kSagittal);
    LabelMap lesion(series);
    paintSphere(lesion, {12.3, 4.1, 9.7}, 5.0);
    ModelGridOptions options;
    options.threads = 2;
    const ModelGrid modelGrid(series, nullptr, options);
    const LabelMap back = modelGrid.maskToSeries(modelGrid.labelsToModel(lesion));
    ASSERT_TRUE(dice(lesion, back) >= 0.95) << std::to_string(dice(lesion, back));
}

TEST(CoreModelGrid, obliqueFinePixelRoundTripPreservesALesion) {
    // 0.45 mm pixels (downsampled to 0.625 mm by area fraction), tilted 10 degrees about L.
    const double tilt = 10.0 * M_PI / 180.0;
    const Mat3 oblique{
        {{1, 0, 0}, {0, std::cos(tilt), -std::sin(tilt)}, {0, std::sin(tilt), std::cos(tilt)}}};
    const ImageGeometry series = grid(200, 200, 40, {0.45, 0.45, 1.0}, {-45, -45, -20}, oblique);
    LabelMap lesion(series);
    paintSphere(lesion, {3.1, -7.4, 4.0}, 5.0);
    const ModelGrid modelGrid(series, nullptr);
    ASSERT_EQ(modelGrid.modelGeometry().direction, identityMatrix());
    const LabelMap back = modelGrid.maskToSeries(modelGrid.labelsToModel(lesion));
    ASSERT_TRUE(dice(lesion, back) >= 0.95) << std::to_string(dice(lesion, back));
}

TEST(CoreModelGrid, probabilitiesGoBackLinearly) {
    const ImageGeometry series = grid(30, 30, 5, {2, 2, 4});
    ModelGridOptions options;
    options.inputSize = 48;
    options.fieldOfViewMm = 48; // smaller than the series: its edge stays outside
    const ModelGrid modelGrid(series, nullptr, options);
    ImageVolume probabilities(modelGrid.modelGeometry(), 0.7f);
    const ImageVolume back = modelGrid.probabilitiesToSeries(probabilities);
    ASSERT_TRUE(std::abs(back.at(15, 15, 2) - 0.7f) < 1e-6f);
    ASSERT_FLOAT_EQ(back.at(0, 0, 2), 0.0f);
    ASSERT_THROW(modelGrid.probabilitiesToSeries(ImageVolume(series, 0.5f)), std::invalid_argument);
}

TEST(CoreModelGrid, preparedInputIsNormalisedOnTheModelGrid) {
    const ImageGeometry series = grid(40, 40, 6, {1.5, 1.5, 5});
    ImageVolume image(series, 0.0f);
    LabelMap brain(series);
    paintBox(brain, {10, 10, 1}, {30, 30, 5});
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        if (brain.data()[v]) {
            image.data()[v] = 200.0f + static_cast<float>(v % 11);
        }
    }
    ModelGridOptions options;
    options.inputSize = 64;
    options.fieldOfViewMm = 96;
    const ModelInput input = prepareModelInput(image, &brain, options);
    ASSERT_EQ(input.image.geometry().size, (Size3{64, 64, 6}));
    // Inside the brain the values are z-scores; far outside the series, the darkest value.
    ASSERT_TRUE(std::abs(input.image.at(32, 32, 3)) < 3.0f);
    ASSERT_FLOAT_EQ(input.image.at(0, 0, 3),
                    input.normalization.apply(input.normalization.clipLow));
    const LabelMap otherGrid(grid(4, 4, 4), 1);
    ASSERT_THROW(prepareModelInput(image, &otherGrid, options), std::invalid_argument);
}

TEST(CoreModelGrid, antiAliasingKeepsASmallMetastasisAboveTheNoise) {
    // A 3D series (0.5 x 0.5 x 1 mm) with white noise of SD 1 and a 3 mm metastasis of +4
    // centred between two 2 mm model slices, sampled onto 1.25 x 1.25 x 2 mm.
    const ImageVolume image = noisySeriesWithDot();
    const ImageGeometry& series = image.geometry();
    ModelGridOptions options = dotModelGridOptions();
    auto contrastToNoise = [&](bool antiAliasing) {
        options.antiAliasing = antiAliasing;
        const ModelGrid modelGrid(series, nullptr, options);
        EXPECT_DOUBLE_EQ(modelGrid.modelGeometry().origin[2], -20.0); // slices at z = 0 and 2
        const ImageVolume onModel = modelGrid.imageToModel(image, identityNormalization());
        const Vec3 index = modelGrid.modelGeometry().patientToIndex(kDotCentre);
        // The two slices either side of the dot.
        const float peak = std::max(peakAroundDot(onModel, 10), peakAroundDot(onModel, 11));
        EXPECT_NEAR(index[2], 10.5, 1e-9);
        double sumSquares = 0.0; // background: slices away from the dot
        std::size_t count = 0;
        for (std::int64_t k = 2; k < 8; ++k) {
            for (std::int64_t j = 8; j < 56; ++j) {
                for (std::int64_t i = 8; i < 56; ++i) {
                    sumSquares += onModel.at(i, j, k) * onModel.at(i, j, k);
                    ++count;
                }
            }
        }
        return peak / std::sqrt(sumSquares / static_cast<double>(count));
    };
    const double pointSampled = contrastToNoise(false);
    const double smoothed = contrastToNoise(true);
    ASSERT_GT(smoothed, 1.6 * pointSampled) << smoothed << " vs " << pointSampled;
    ASSERT_GT(smoothed, 12.0); // 18.4 vs 8.9 with this seed
}

TEST(CoreModelGrid, sliceOversamplingAddsSlicesSmoothedAsTheTrainedOnes) {
    // The 3D series of the test above with a 3 mm dot centred between two 2 mm model slices.
    const ImageVolume image = noisySeriesWithDot();
    const ImageGeometry& series = image.geometry();
    ModelGridOptions options = dotModelGridOptions();
    options.antiAliasing = true;
    const ModelGrid trained(series, nullptr, options);
    options.sliceOversampling = 2;
    const ModelGrid oversampled(series, nullptr, options);
    ModelGridOptions thin = options;
    thin.sliceSpacingMm = 1;
    thin.sliceOversampling = 1;
    const ModelGrid oneMillimetre(series, nullptr, thin);

    const ImageGeometry& g = oversampled.modelGeometry();
    ASSERT_EQ(trained.modelGeometry().size[2], 21);
    ASSERT_EQ(g.size[2], 41);
    ASSERT_DOUBLE_EQ(g.spacing[2], 1.0);
    ASSERT_DOUBLE_EQ(g.origin[2], trained.modelGeometry().origin[2]);

    const ImageVolume a = trained.imageToModel(image, identityNormalization());
    const ImageVolume b = oversampled.imageToModel(image, identityNormalization());
    const ImageVolume c = oneMillimetre.imageToModel(image, identityNormalization());
    // Every second oversampled slice is a trained one, smoothed alike; a plain 1 mm grid is
    // smoothed less.
    float sameSmoothing = 0.0f;
    float plainDifference = 0.0f;
    for (std::int64_t k = 0; k < 21; ++k) {
        for (std::int64_t j = 0; j < 64; ++j) {
            for (std::int64_t i = 0; i < 64; ++i) {
                sameSmoothing =
                    std::max(sameSmoothing, std::abs(a.at(i, j, k) - b.at(i, j, 2 * k)));
                plainDifference =
                    std::max(plainDifference, std::abs(c.at(i, j, 2 * k) - b.at(i, j, 2 * k)));
            }
        }
    }
    EXPECT_LT(sameSmoothing, 1e-5f);
    EXPECT_GT(plainDifference, 0.2f);
    // The slice between the two trained ones runs through the dot's centre.
    const float between = peakAroundDot(b, 21);
    const float either = std::max(peakAroundDot(a, 10), peakAroundDot(a, 11));
    EXPECT_GT(between, 1.05f * either) << between << " vs " << either; // 3.31 vs 3.00
}

TEST(CoreModelGrid, trainingLabelsKeepEveryLesion) {
    // A 2 mm metastasis centred between two 2 mm model slices covers no model voxel by more
    // than half; a 10 mm one covers many; a lone voxel is no lesion.
    const ImageGeometry series = grid(160, 160, 41, {0.5, 0.5, 1.0}, {-40, -40, -20});
    LabelMap lesions(series);
    const Vec3 small{0.3, -0.4, 1.0};
    paintSphere(lesions, small, 1.0);
    paintSphere(lesions, {20.0, 15.0, -6.0}, 5.0);
    lesions.at(10, 10, 30) = 1;
    ModelGridOptions options;
    options.inputSize = 64;
    options.fieldOfViewMm = 80;
    options.sliceSpacingMm = 2;
    const ModelGrid modelGrid(series, nullptr, options);
    LabelMap onModel = modelGrid.labelsToModel(lesions);
    const auto foreground = [](const LabelMap& m) {
        return std::count_if(m.data().begin(), m.data().end(), [](std::uint16_t v) { return v; });
    };
    const auto largeOnly = foreground(onModel);
    ASSERT_GT(largeOnly, 20);
    const Vec3 smallIndex = modelGrid.modelGeometry().patientToIndex(small);
    ASSERT_EQ(onModel.at(static_cast<std::int64_t>(std::llround(smallIndex[0])),
                         static_cast<std::int64_t>(std::llround(smallIndex[1])), 10),
              0); // the defect: the small lesion is gone

    ASSERT_EQ(modelGrid.keepEveryLesion(lesions, onModel), std::size_t{1});
    ASSERT_EQ(foreground(onModel), largeOnly + 1);
    const LabelMap back = modelGrid.labelsToSeries(onModel);
    ASSERT_NE(back.at(std::llround((small[0] + 40) / 0.5), std::llround((small[1] + 40) / 0.5),
                      std::llround(small[2] + 20)),
              0); // the restored voxel lies on the lesion
    ASSERT_EQ(modelGrid.keepEveryLesion(lesions, onModel), std::size_t{0}); // idempotent
    ASSERT_THROW(modelGrid.keepEveryLesion(onModel, onModel), std::invalid_argument);
}
