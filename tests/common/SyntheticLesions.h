#pragma once
// Label maps of ellipsoidal lesions painted in patient space, for tests that need masks with a
// known shape on any grid orientation.
#include "metis/core/Volume.h"

#include <cstdint>
#include <vector>

namespace test_lesions {

struct Ellipsoid {
    metis::Vec3 centre;
    metis::Vec3 radii;       ///< mm, along the patient axes
    std::uint16_t label = 1; ///< 0 carves a cavity into what earlier shapes painted
};

/// Voxels whose centre lies inside a shape take its label; later shapes win.
inline metis::LabelMap paintEllipsoids(const metis::ImageGeometry& geometry,
                                       const std::vector<Ellipsoid>& shapes) {
    metis::LabelMap labels(geometry, 0);
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const metis::Vec3 p = geometry.indexToPatient(
                    {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)});
                for (const auto& shape : shapes) {
                    double r2 = 0.0;
                    for (int a = 0; a < 3; ++a) {
                        const double d = (p[a] - shape.centre[a]) / shape.radii[a];
                        r2 += d * d;
                    }
                    if (r2 <= 1.0) {
                        labels.at(i, j, k) = shape.label;
                    }
                }
            }
        }
    }
    return labels;
}

/// A bright ellipsoid head with a brighter sphere, small enough for a CPU inference run in
/// seconds (the inference tests of the workflow and the GUI).
inline metis::ImageVolume syntheticHead() {
    metis::ImageGeometry g;
    g.size = {48, 40, 12};
    g.spacing = {4.5, 5.0, 5.0};
    g.origin = {-100.0, -90.0, -25.0};
    metis::ImageVolume image(g, 5.0f);
    for (std::int64_t k = 0; k < g.size[2]; ++k) {
        for (std::int64_t j = 0; j < g.size[1]; ++j) {
            for (std::int64_t i = 0; i < g.size[0]; ++i) {
                const double x = (i - 24) / 20.0, y = (j - 20) / 16.0, z = (k - 6) / 5.5;
                if (x * x + y * y + z * z < 1.0) {
                    image.at(i, j, k) = 300.0f + static_cast<float>(10 * ((i * 7 + j * 3 + k) % 5));
                }
                if ((i - 30) * (i - 30) + (j - 18) * (j - 18) + (k - 6) * (k - 6) < 9) {
                    image.at(i, j, k) = 900.0f;
                }
            }
        }
    }
    return image;
}

/// The manual-vs-AI case of the comparison tests (workflow and GUI). Manual: a large lesion, a
/// medium one and a 3 mm one the AI misses. AI: the large one shifted, the medium one smaller,
/// and a false positive.
namespace comparison_case {

inline metis::ImageGeometry testGrid() {
    metis::ImageGeometry geometry;
    geometry.size = {64, 56, 30};
    geometry.spacing = {0.9, 0.9, 1.5};
    geometry.origin = {-28, -25, -22};
    return geometry;
}

inline const metis::Vec3 kLarge{-10, -5, 0};
inline const metis::Vec3 kMedium{12, 8, 5};
inline const metis::Vec3 kSmall{0, 12, -10};
inline const metis::Vec3 kFalsePositive{15, -15, 10};

inline metis::LabelMap manualMask() {
    return paintEllipsoids(
        testGrid(),
        {{kLarge, {8, 7, 6}, 1}, {kMedium, {4, 3.5, 3.5}, 2}, {kSmall, {1.5, 1.5, 1.6}, 3}});
}

inline metis::LabelMap aiMask() {
    return paintEllipsoids(
        testGrid(),
        {{{-9, -5, 1}, {8, 7.5, 6}, 1}, {kMedium, {3.2, 3, 3}, 1}, {kFalsePositive, {3, 3, 3}, 1}});
}

} // namespace comparison_case
} // namespace test_lesions
