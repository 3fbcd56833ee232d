#include "TestVolumes.h"
#include "metis/core/SegmentationMetrics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace metis;
using testvolumes::grid;
using testvolumes::paintBox;
using testvolumes::paintSphere;

TEST(CoreSegmentationMetrics, overlapByHand) {
    LabelMap reference(grid(10, 1, 1));
    LabelMap prediction(grid(10, 1, 1));
    paintBox(reference, {0, 0, 0}, {4, 1, 1});     // 0..3
    paintBox(prediction, {2, 0, 0}, {8, 1, 1}, 3); // 2..7, label value irrelevant
    const OverlapCounts counts = overlapCounts(reference, prediction);
    ASSERT_EQ(counts.reference, std::size_t{4});
    ASSERT_EQ(counts.prediction, std::size_t{6});
    ASSERT_EQ(counts.overlap, std::size_t{2});
    ASSERT_DOUBLE_EQ(diceFromCounts(counts), 0.4);
    ASSERT_DOUBLE_EQ(precisionFromCounts(counts), 2.0 / 6.0);
    ASSERT_DOUBLE_EQ(recallFromCounts(counts), 0.5);
    ASSERT_DOUBLE_EQ(dice(reference, prediction), 0.4);
}

TEST(CoreSegmentationMetrics, distanceTransformMatchesBruteForce) {
    const Size3 size{9, 7, 5};
    const Vec3 spacing{0.7, 1.9, 3.1};
    std::mt19937 random(3);
    std::bernoulli_distribution feature(0.04);
    std::vector<std::uint8_t> features(9 * 7 * 5, 0);
    for (auto& f : features) {
        f = feature(random) ? 1 : 0;
    }
    features[17] = 1;
    const std::vector<float> squared = squaredDistanceTransform(features, size, spacing, 2);
    for (std::int64_t v = 0; v < 9 * 7 * 5; ++v) {
        double best = std::numeric_limits<double>::infinity();
        for (std::int64_t f = 0; f < 9 * 7 * 5; ++f) {
            if (!features[static_cast<std::size_t>(f)]) {
                continue;
            }
            const double dx = double(v % 9 - f % 9) * spacing[0];
            const double dy = double((v / 9) % 7 - (f / 9) % 7) * spacing[1];
            const double dz = double(v / 63 - f / 63) * spacing[2];
            best = std::min(best, dx * dx + dy * dy + dz * dz);
        }
        ASSERT_TRUE(std::abs(squared[static_cast<std::size_t>(v)] - best) <= 1e-4 * (1 + best));
    }
    const std::vector<float> none =
        squaredDistanceTransform(std::vector<std::uint8_t>(8, 0), {2, 2, 2}, {1, 1, 1});
    ASSERT_TRUE(std::isinf(none[0]));
}

TEST(CoreSegmentationMetrics, shiftedCubesGiveTheShift) {
    // A cube shifted by d along one axis: the surface voxels of the face that leaves the
    // other cube are all exactly d away, a sixth of the surface, so HD95 = d.
    const Mat3 rotated{{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}};
    const ImageGeometry g = grid(40, 32, 30, {0.5, 0.5, 3.0}, {-5, 7, 11}, rotated);
    LabelMap reference(g);
    LabelMap alongI(g);
    LabelMap alongK(g);
    paintBox(reference, {5, 5, 5}, {25, 25, 25});
    paintBox(alongI, {9, 5, 5}, {29, 25, 25});
    paintBox(alongK, {5, 5, 7}, {25, 25, 27});
    const HausdorffResult i = hausdorffDistance(reference, alongI);
    ASSERT_TRUE(std::abs(i.percentileMm - 2.0) < 1e-4);
    ASSERT_TRUE(std::abs(i.referenceToPredictionMm - 2.0) < 1e-4);
    ASSERT_TRUE(std::abs(i.predictionToReferenceMm - 2.0) < 1e-4);
    ASSERT_TRUE(std::abs(i.maximumMm - 2.0) < 1e-4);
    ASSERT_TRUE(std::abs(i.directedMeanMm() - 2.0) < 1e-4);
    const HausdorffResult k = hausdorffDistance(reference, alongK, 95.0, 1);
    ASSERT_TRUE(std::abs(k.percentileMm - 6.0) < 1e-4);
    ASSERT_DOUBLE_EQ(hausdorffDistance(reference, reference).percentileMm, 0.0);
}

TEST(CoreSegmentationMetrics, concentricSpheresGiveRadiusDifference) {
    const ImageGeometry g = grid(48, 48, 24, {1.0, 1.0, 2.0});
    const Vec3 centre = g.indexToPatient({23.5, 23.5, 11.5});
    LabelMap inner(g);
    LabelMap outer(g);
    paintSphere(inner, centre, 8.0);
    paintSphere(outer, centre, 14.0);
    const HausdorffResult result = hausdorffDistance(inner, outer);
    // Within one voxel (the largest spacing) of the analytic 6 mm.
    ASSERT_TRUE(std::abs(result.percentileMm - 6.0) <= 2.0) << std::to_string(result.percentileMm);
    ASSERT_TRUE(std::abs(hausdorffDistance(outer, inner).percentileMm - result.percentileMm) <
                1e-9);
}

TEST(CoreSegmentationMetrics, emptyMasks) {
    const ImageGeometry g = grid(6, 6, 6);
    const LabelMap empty(g);
    LabelMap cube(g);
    paintBox(cube, {1, 1, 1}, {4, 4, 4});
    const SegmentationReport bothEmpty = evaluateSegmentation(empty, empty);
    ASSERT_DOUBLE_EQ(bothEmpty.dice, 1.0);
    ASSERT_DOUBLE_EQ(bothEmpty.hausdorff.percentileMm, 0.0);
    ASSERT_TRUE(std::isnan(bothEmpty.precision));
    ASSERT_TRUE(std::isnan(bothEmpty.recall));
    ASSERT_TRUE(bothEmpty.slices.empty());
    ASSERT_EQ(bothEmpty.lesions.truePositive + bothEmpty.lesions.falsePositive +
                  bothEmpty.lesions.falseNegative,
              std::size_t{0});
    const SegmentationReport missed = evaluateSegmentation(cube, empty);
    ASSERT_DOUBLE_EQ(missed.dice, 0.0);
    ASSERT_TRUE(std::isinf(missed.hausdorff.percentileMm));
    ASSERT_TRUE(std::isnan(missed.precision));
    ASSERT_DOUBLE_EQ(missed.recall, 0.0);
    ASSERT_EQ(missed.lesions.falseNegative, std::size_t{1});
    const SegmentationReport invented = evaluateSegmentation(empty, cube);
    ASSERT_DOUBLE_EQ(invented.precision, 0.0);
    ASSERT_TRUE(std::isnan(invented.recall));
    ASSERT_TRUE(std::isinf(invented.hausdorff.percentileMm));
    ASSERT_EQ(invented.lesions.falsePositive, std::size_t{1});
    ASSERT_TRUE(std::isnan(invented.lesions.sensitivity));
}

// A lone voxel is not a lesion: not a missed one in the reference, not a false one in the
// prediction, and it detects nothing when it touches a real lesion. It still counts voxel-wise.
TEST(CoreSegmentationMetrics, loneVoxelsAreNotLesions) {
    const ImageGeometry g = grid(20, 20, 20);
    LabelMap reference(g);
    LabelMap prediction(g);
    paintBox(reference, {2, 2, 2}, {6, 6, 6}); // a lesion, found
    paintBox(prediction, {2, 2, 2}, {6, 6, 6});
    reference.at(15, 15, 15) = 1;                  // a stray voxel in the reference
    prediction.at(10, 2, 15) = 1;                  // and one in the prediction
    paintBox(reference, {10, 10, 2}, {13, 13, 5}); // a lesion touched by one voxel only
    prediction.at(10, 10, 2) = 1;

    const SegmentationReport report = evaluateSegmentation(reference, prediction);
    ASSERT_EQ(report.lesions.referenceLesions, std::size_t{2});
    ASSERT_EQ(report.lesions.predictedLesions, std::size_t{1});
    ASSERT_EQ(report.lesions.truePositive, std::size_t{1});
    ASSERT_EQ(report.lesions.falseNegative, std::size_t{1});
    ASSERT_EQ(report.lesions.falsePositive, std::size_t{0});
    ASSERT_EQ(report.lesions.rows.size(), std::size_t{2});
    ASSERT_EQ(report.counts.prediction, std::size_t{64 + 2});
    // Two voxels side by side are a lesion.
    prediction.at(11, 2, 15) = 1;
    ASSERT_EQ(evaluateSegmentation(reference, prediction).lesions.falsePositive, std::size_t{1});
}

TEST(CoreSegmentationMetrics, lesionWiseMatching) {
    const ImageGeometry g = grid(60, 40, 30);
    LabelMap reference(g);
    LabelMap prediction(g);
    paintSphere(reference, {10, 10, 10}, 4.0);   // 8 mm: 5-10 bin, found exactly
    paintBox(reference, {30, 5, 5}, {32, 7, 7}); // 1.7 mm: < 5 bin, missed
    paintSphere(reference, {40, 25, 15}, 7.0);   // 14 mm: > 10 bin, found in two pieces
    paintSphere(prediction, {10, 10, 10}, 4.0);
    LabelMap large(g);
    paintSphere(large, {40, 25, 15}, 7.0);
    for (std::int64_t k = 0; k < 30; ++k) {
        for (std::int64_t j = 0; j < 40; ++j) {
            for (std::int64_t i = 0; i < 60; ++i) { // the plane i = 38 splits it
                if (large.at(i, j, k) && i != 38) {
                    prediction.at(i, j, k) = 1;
                }
            }
        }
    }
    paintBox(prediction, {2, 30, 20}, {5, 33, 23}); // nothing there in the reference

    const SegmentationReport report = evaluateSegmentation(reference, prediction);
    const LesionMatching& lesions = report.lesions;
    ASSERT_EQ(lesions.referenceLesions, std::size_t{3});
    ASSERT_EQ(lesions.predictedLesions, std::size_t{4});
    ASSERT_EQ(lesions.truePositive, std::size_t{2});
    ASSERT_EQ(lesions.falseNegative, std::size_t{1});
    ASSERT_EQ(lesions.falsePositive, std::size_t{1});
    ASSERT_DOUBLE_EQ(lesions.sensitivity, 2.0 / 3.0);
    ASSERT_DOUBLE_EQ(lesions.precision, 3.0 / 4.0);
    ASSERT_EQ(lesions.rows.size(), std::size_t{3});
    ASSERT_EQ(lesions.falsePositives.size(), std::size_t{1});
    ASSERT_DOUBLE_EQ(lesions.falsePositives[0].volumeMl, 27 / 1000.0);

    // Rows follow the reference numbering (raster order of first voxels, k slowest).
    const LesionRow& small = lesions.rows[1];
    ASSERT_DOUBLE_EQ(small.maxDiameterMm, 8.0);
    ASSERT_DOUBLE_EQ(small.dice, 1.0);
    ASSERT_DOUBLE_EQ(small.hd95Mm, 0.0);
    ASSERT_TRUE(small.matchedPredictionId != 0);
    const LesionRow& tiny = lesions.rows[0];
    ASSERT_EQ(tiny.matchedPredictionId, std::uint16_t{0});
    ASSERT_DOUBLE_EQ(tiny.dice, 0.0);
    ASSERT_TRUE(std::isinf(tiny.hd95Mm));
    ASSERT_DOUBLE_EQ(tiny.referenceVolumeMl, 8 / 1000.0);
    const LesionRow& split = lesions.rows[2];
    ASSERT_EQ(split.overlappingPredictionIds.size(), std::size_t{2});
    ASSERT_DOUBLE_EQ(split.maxDiameterMm, 14.0);
    std::size_t largeVoxels = 0;
    std::size_t predictedVoxels = 0;
    for (std::size_t v = 0; v < large.data().size(); ++v) {
        largeVoxels += large.data()[v] != 0;
        predictedVoxels += large.data()[v] != 0 && (v % 60) != 38;
    }
    ASSERT_DOUBLE_EQ(split.dice,
                     2.0 * double(predictedVoxels) / double(largeVoxels + predictedVoxels));
    ASSERT_DOUBLE_EQ(split.predictionVolumeMl, double(predictedVoxels) / 1000.0);
    // Same HD95 as on masks holding only this lesion and its pieces (the cut faces inside the
    // sphere count as predicted surface).
    LabelMap pieceMask(g);
    for (std::size_t v = 0; v < large.data().size(); ++v) {
        pieceMask.data()[v] = large.data()[v] != 0 && (v % 60) != 38;
    }
    const double alone = hausdorffDistance(large, pieceMask).percentileMm;
    ASSERT_TRUE(alone > 1.0);
    ASSERT_DOUBLE_EQ(split.hd95Mm, alone);
    // The matched piece is the bigger one: i > 38 holds more of a sphere centred at 40.
    const ComponentLabeling pieces = labelConnectedComponents(prediction);
    ASSERT_EQ(split.matchedPredictionId, pieces.labels.at(41, 25, 15));
    ASSERT_TRUE(split.matchedPredictionId != pieces.labels.at(37, 25, 15));

    ASSERT_EQ(lesions.sizeBins.size(), std::size_t{3});
    ASSERT_EQ(lesions.sizeBins[0].lesions, std::size_t{1});
    ASSERT_EQ(lesions.sizeBins[0].detected, std::size_t{0});
    ASSERT_DOUBLE_EQ(lesions.sizeBins[0].sensitivity, 0.0);
    ASSERT_DOUBLE_EQ(lesions.sizeBins[1].sensitivity, 1.0);
    ASSERT_DOUBLE_EQ(lesions.sizeBins[2].sensitivity, 1.0);
}

TEST(CoreSegmentationMetrics, perSliceMetrics) {
    const ImageGeometry g = grid(8, 8, 4, {0.5, 0.5, 3});
    LabelMap reference(g);
    LabelMap prediction(g);
    paintBox(reference, {1, 1, 1}, {5, 5, 3});  // slices 1 and 2
    paintBox(prediction, {1, 1, 1}, {5, 5, 2}); // slice 1 only
    paintBox(prediction, {3, 1, 3}, {5, 5, 4}); // slice 3 only
    const SegmentationReport report = evaluateSegmentation(reference, prediction);
    ASSERT_EQ(report.slices.size(), std::size_t{3});
    ASSERT_EQ(report.slices[0].slice, std::int64_t{1});
    ASSERT_DOUBLE_EQ(report.slices[0].dice, 1.0);
    ASSERT_DOUBLE_EQ(report.slices[0].hd95Mm, 0.0);
    ASSERT_DOUBLE_EQ(report.slices[0].referenceAreaMm2, 16 * 0.25);
    ASSERT_EQ(report.slices[1].slice, std::int64_t{2});
    ASSERT_DOUBLE_EQ(report.slices[1].recall, 0.0);
    ASSERT_TRUE(std::isnan(report.slices[1].precision));
    ASSERT_TRUE(std::isinf(report.slices[1].hd95Mm));
    ASSERT_EQ(report.slices[2].slice, std::int64_t{3});
    ASSERT_DOUBLE_EQ(report.slices[2].predictionAreaMm2, 8 * 0.25);
    ASSERT_DOUBLE_EQ(report.dice, 2.0 * 16 / (32 + 24));
}

TEST(CoreSegmentationMetrics, differentGridsAreRejected) {
    const LabelMap a(grid(4, 4, 4));
    const LabelMap b(grid(4, 4, 4, {1, 1, 2}));
    ASSERT_THROW(evaluateSegmentation(a, b), std::invalid_argument);
    ASSERT_THROW(dice(a, b), std::invalid_argument);
}

TEST(CoreSegmentationMetrics, reportAsJson) {
    const ImageGeometry g = grid(6, 6, 6);
    LabelMap reference(g);
    paintBox(reference, {1, 1, 1}, {3, 3, 3});
    const std::string json = evaluateSegmentation(reference, LabelMap(g)).toJson();
    ASSERT_TRUE(json.rfind("{\"dice\":0,\"hd95_mm\":null,", 0) == 0);
    ASSERT_TRUE(json.find("\"precision\":null") != std::string::npos);
    ASSERT_TRUE(json.find("\"hd95_directed_mean_mm\":null") != std::string::npos);
    ASSERT_TRUE(json.find("\"lesions\":{\"tp\":0,\"fp\":0,\"fn\":1,") != std::string::npos);
    ASSERT_TRUE(json.find("\"matched_prediction_id\":0") != std::string::npos);
    ASSERT_TRUE(json.find("\"name\":\"<5mm\"") != std::string::npos);
}

// A lesion of 2 x 2 pixels on two 6 mm slices spans 6.2 mm between voxel centres in 3D, but
// RANO-BM measures 2.4 mm across within a slice: it is a lesion under 5 mm.
TEST(CoreSegmentationMetrics, sizeBinsUseTheAxialDiameter) {
    ImageGeometry g;
    g.size = {20, 20, 6};
    g.spacing = {1.0, 1.0, 6.0};
    LabelMap reference(g);
    for (std::int64_t k = 2; k < 4; ++k) {
        for (std::int64_t j = 8; j < 10; ++j) {
            for (std::int64_t i = 8; i < 10; ++i) {
                reference.at(i, j, k) = 1;
            }
        }
    }
    const LabelMap nothing(g);
    SegmentationOptions options;
    options.perSlice = false;
    const LesionMatching lesions = evaluateSegmentation(reference, nothing, options).lesions;
    ASSERT_EQ(lesions.rows.size(), std::size_t{1});
    EXPECT_NEAR(lesions.rows[0].maxDiameterMm, std::sqrt(1.0 + 1.0 + 36.0), 1e-9);
    EXPECT_NEAR(lesions.rows[0].axialDiameterMm, std::sqrt(2.0) + 1.0, 1e-9);
    EXPECT_EQ(lesions.sizeBins[0].lesions, std::size_t{1}); // < 5 mm
    EXPECT_EQ(lesions.sizeBins[1].lesions, std::size_t{0});
}
