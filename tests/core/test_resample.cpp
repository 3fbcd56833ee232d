#include "TestVolumes.h"
#include "metis/core/Resample.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>
#include <random>
#include <stdexcept>
#include <vector>

using namespace metis;
using testvolumes::grid;

namespace {

Mat3 obliqueDirection() {
    // 20 degrees about S, then 10 about L: a genuinely oblique, orthonormal frame.
    const double a = 20.0 * M_PI / 180.0;
    const double b = 10.0 * M_PI / 180.0;
    const Mat3 aboutS{{{std::cos(a), -std::sin(a), 0}, {std::sin(a), std::cos(a), 0}, {0, 0, 1}}};
    const Mat3 aboutL{{{1, 0, 0}, {0, std::cos(b), -std::sin(b)}, {0, std::sin(b), std::cos(b)}}};
    return multiply(aboutS, aboutL);
}

ImageVolume patternImage(const ImageGeometry& g) {
    ImageVolume image(g);
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        image.data()[v] = static_cast<float>((v * 37) % 101) - 20.0f;
    }
    return image;
}

LabelMap patternLabels(const ImageGeometry& g) {
    LabelMap labels(g);
    for (std::size_t v = 0; v < labels.data().size(); ++v) {
        labels.data()[v] = static_cast<std::uint16_t>((v * 7) % 5);
    }
    return labels;
}

} // namespace

TEST(CoreResample, identityCopiesVoxels) {
    const ImageGeometry g = grid(7, 5, 4, {0.7, 1.1, 2.5}, {-30, 12, 5}, obliqueDirection());
    const ImageVolume image = patternImage(g);
    const ImageVolume copy = resampleLinear(image, g);
    ASSERT_TRUE(copy.geometry().sameGridAs(g));
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        ASSERT_FLOAT_EQ(copy.data()[v], image.data()[v]);
    }
    const LabelMap labels = patternLabels(g);
    ASSERT_EQ(resampleNearest(labels, g).data(), labels.data());
    ASSERT_EQ(resampleMaskAreaFraction(labels, g).data(), labels.data());
}

TEST(CoreResample, rotatedGridRoundTrip) {
    // Target index (a, b, c) sits on source voxel (nx - 1 - b, a, c): a 90-degree rotation
    // about S with the in-plane spacings swapped.
    const std::int64_t nx = 6;
    const ImageGeometry source = grid(nx, 5, 4, {1, 2, 3}, {10, -4, 7});
    const ImageGeometry rotated =
        grid(5, nx, 4, {2, 1, 3}, {10 + (nx - 1), -4, 7}, Mat3{{{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}});
    const ImageVolume image = patternImage(source);
    const LabelMap labels = patternLabels(source);
    const ImageVolume turned = resampleLinear(image, rotated, {-999.0f, 2});
    const LabelMap turnedLabels = resampleNearest(labels, rotated, 2);
    for (std::int64_t c = 0; c < 4; ++c) {
        for (std::int64_t b = 0; b < nx; ++b) {
            for (std::int64_t a = 0; a < 5; ++a) {
                ASSERT_FLOAT_EQ(turned.at(a, b, c), image.at(nx - 1 - b, a, c));
                ASSERT_EQ(turnedLabels.at(a, b, c), labels.at(nx - 1 - b, a, c));
            }
        }
    }
    ASSERT_EQ(resampleLinear(turned, source).data(), image.data());
    ASSERT_EQ(resampleNearest(turnedLabels, source).data(), labels.data());
}

TEST(CoreResample, linearInterpolationAndOutsideValue) {
    ImageVolume ramp(grid(4, 1, 1));
    ramp.data() = {0, 10, 20, 30};
    // Centres at 0.5, 1.5, 2.5, 3.5 (half a voxel past the last centre: edge value) and
    // 4.5 (outside).
    const ImageVolume shifted =
        resampleLinear(ramp, grid(5, 1, 1, {1, 1, 1}, {0.5, 0, 0}), {-7.0f, 1});
    ASSERT_EQ(shifted.data(), (std::vector<float>{5, 15, 25, 30, -7}));
    // A coarser, anisotropic target.
    const ImageVolume coarse = resampleLinear(ramp, grid(2, 1, 1, {2.5, 1, 1}, {0.25, 0, 0}));
    ASSERT_EQ(coarse.data(), (std::vector<float>{2.5f, 27.5f}));
}

TEST(CoreResample, areaFractionKeepsMajorityForeground) {
    LabelMap fine(grid(4, 4, 1));
    // 2x2 blocks: top-left 3/4 label 2, top-right 2/4, bottom-left 4/4 (1,1,1,3),
    // bottom-right 1/4.
    fine.at(0, 0, 0) = 2;
    fine.at(1, 0, 0) = 2;
    fine.at(0, 1, 0) = 2;
    fine.at(2, 0, 0) = 1;
    fine.at(3, 1, 0) = 1;
    fine.at(0, 2, 0) = 1;
    fine.at(1, 2, 0) = 1;
    fine.at(0, 3, 0) = 1;
    fine.at(1, 3, 0) = 3;
    fine.at(3, 3, 0) = 1;
    const LabelMap coarse = resampleMaskAreaFraction(fine, grid(2, 2, 1, {2, 2, 1}, {0.5, 0.5, 0}));
    ASSERT_EQ(coarse.data(), (std::vector<std::uint16_t>{2, 0, 1, 0}));
    // Nearest reads one voxel per block instead (ties round up: voxels (1,1), (3,1), ...).
    ASSERT_EQ(resampleNearest(fine, grid(2, 2, 1, {2, 2, 1}, {0.5, 0.5, 0})).data(),
              (std::vector<std::uint16_t>{0, 1, 3, 1}));
}

TEST(CoreResample, linearMaskThresholdsAtHalf) {
    LabelMap mask(grid(2, 1, 1));
    mask.data() = {4, 0};
    const LabelMap out = resampleMaskLinear(mask, grid(3, 1, 1, {0.25, 1, 1}, {0.25, 0, 0}));
    ASSERT_EQ(out.data(), (std::vector<std::uint16_t>{1, 1, 0}));
}

TEST(CoreResample, invalidTargetThrows) {
    const ImageVolume image(grid(2, 2, 2));
    ASSERT_THROW(resampleLinear(image, grid(0, 2, 2)), std::invalid_argument);
    ASSERT_THROW(resampleLinear(image, grid(2, 2, 2, {1, -1, 1})), std::invalid_argument);
}

TEST(CoreResample, antiAliasingSigmasMatchTheTargetResolution) {
    // FWHM sqrt(f^2 - 1) source voxels for a target voxel f source voxels wide.
    const double fwhmPerSigma = 2.0 * std::sqrt(2.0 * std::log(2.0));
    const ImageGeometry series = grid(100, 100, 40, {0.5, 0.5, 1.0});
    const ImageGeometry model = grid(40, 40, 20, {1.25, 1.25, 2.0});
    const Vec3 sigmas = antiAliasingSigmas(series, model);
    ASSERT_NEAR(sigmas[0], std::sqrt(2.5 * 2.5 - 1.0) / fwhmPerSigma, 1e-9);
    ASSERT_NEAR(sigmas[1], std::sqrt(2.5 * 2.5 - 1.0) / fwhmPerSigma, 1e-9);
    ASSERT_NEAR(sigmas[2], std::sqrt(3.0) / fwhmPerSigma, 1e-9);
    // A target as fine as the source or finer needs no smoothing (5 mm slices onto 2 mm).
    const ImageGeometry thick = grid(40, 40, 10, {1.25, 1.25, 5.0});
    ASSERT_EQ(antiAliasingSigmas(thick, model), (Vec3{0.0, 0.0, 0.0}));
    // A sagittal series: its in-plane rows run along P and S, its slices along L.
    const Mat3 sagittal{{{0, 0, -1}, {1, 0, 0}, {0, -1, 0}}};
    const ImageGeometry sagittalSeries = grid(100, 100, 40, {0.5, 1.0, 0.5}, {}, sagittal);
    const Vec3 s = antiAliasingSigmas(sagittalSeries, model);
    ASSERT_NEAR(s[0], std::sqrt(2.5 * 2.5 - 1.0) / fwhmPerSigma, 1e-9); // P: 1.25 over 0.5
    ASSERT_NEAR(s[1], std::sqrt(3.0) / fwhmPerSigma, 1e-9);             // S: 2 over 1
    ASSERT_NEAR(s[2], std::sqrt(2.5 * 2.5 - 1.0) / fwhmPerSigma, 1e-9); // L: 1.25 over 0.5
}

TEST(CoreResample, gaussianSmoothKeepsConstantsAndLowersWhiteNoise) {
    const ImageGeometry g = grid(60, 50, 40);
    const ImageVolume constant(g, 3.5f);
    const ImageVolume smoothedConstant = gaussianSmooth(constant, {1.0, 1.5, 0.7}, 2);
    for (const float v : smoothedConstant.data()) {
        ASSERT_NEAR(v, 3.5f, 1e-5f); // borders clamped: no darkening at the edges
    }

    ImageVolume noise(g, 0.0f);
    std::mt19937 random(7);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (float& v : noise.data()) {
        v = normal(random);
    }
    const Vec3 sigmas{1.0, 1.0, 0.7};
    const ImageVolume smoothed = gaussianSmooth(noise, sigmas, 2);
    // White noise keeps sum(w^2) of its variance per axis; the interior avoids the clamped edges.
    double expectedVariance = 1.0;
    for (const double sigma : sigmas) {
        const int radius = static_cast<int>(std::ceil(3.0 * sigma));
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int t = -radius; t <= radius; ++t) {
            const double w = std::exp(-0.5 * t * t / (sigma * sigma));
            sum += w;
            sumSquares += w * w;
        }
        expectedVariance *= sumSquares / (sum * sum);
    }
    double sum = 0.0;
    double sumSquares = 0.0;
    std::size_t count = 0;
    for (std::int64_t k = 5; k < 35; ++k) {
        for (std::int64_t j = 5; j < 45; ++j) {
            for (std::int64_t i = 5; i < 55; ++i) {
                sum += smoothed.at(i, j, k);
                sumSquares += smoothed.at(i, j, k) * smoothed.at(i, j, k);
                ++count;
            }
        }
    }
    const double mean = sum / static_cast<double>(count);
    const double variance = sumSquares / static_cast<double>(count) - mean * mean;
    ASSERT_NEAR(variance / expectedVariance, 1.0, 0.1) << variance << " vs " << expectedVariance;
    ASSERT_LT(variance, 0.1);

    // Sigmas under a tenth of a voxel leave the image as it is.
    ASSERT_EQ(gaussianSmooth(noise, {0.05, 0.0, 0.09}).data(), noise.data());
}
