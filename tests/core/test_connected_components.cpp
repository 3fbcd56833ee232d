#include "TestVolumes.h"
#include "metis/core/ConnectedComponents.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>
#include <random>
#include <vector>

using namespace metis;
using testvolumes::grid;

TEST(CoreConnectedComponents, cornerContactDependsOnConnectivity) {
    LabelMap mask(grid(4, 4, 4));
    mask.at(1, 1, 1) = 1;
    mask.at(2, 2, 2) = 5; // touches only at a corner; any non-zero value is foreground
    const ComponentLabeling full = labelConnectedComponents(mask, Connectivity::Full26);
    ASSERT_EQ(full.components.size(), std::size_t{1});
    ASSERT_EQ(full.components[0].voxelCount, std::size_t{2});
    const ComponentLabeling faces = labelConnectedComponents(mask, Connectivity::Faces6);
    ASSERT_EQ(faces.components.size(), std::size_t{2});
    ASSERT_EQ(faces.labels.at(1, 1, 1), std::uint16_t{1});
    ASSERT_EQ(faces.labels.at(2, 2, 2), std::uint16_t{2});
}

TEST(CoreConnectedComponents, edgeContactDependsOnConnectivity) {
    LabelMap mask(grid(3, 3, 1));
    mask.at(0, 0, 0) = 1;
    mask.at(1, 1, 0) = 1;
    ASSERT_EQ(labelConnectedComponents(mask, Connectivity::Full26).components.size(),
              std::size_t{1});
    ASSERT_EQ(labelConnectedComponents(mask, Connectivity::Faces6).components.size(),
              std::size_t{2});
}

/// RANO-BM's longest axial diameter of an ellipsoid with a 22 mm axial diameter, within half
/// a voxel on 1 mm and on 6 mm slices; on thick slices the 3D extent of a tall lesion grows
/// with the slices, the axial diameter does not.
TEST(CoreConnectedComponents, axialDiameterOfEllipsoidsOn1And6MmSlices) {
    for (const double sliceMm : {1.0, 6.0}) {
        for (const double semiZ : {8.0, 15.0}) {
            LabelMap mask(grid(40, 40, static_cast<std::int64_t>(60 / sliceMm) + 1, {1, 1, sliceMm},
                               {-19.5, -19.5, -30}));
            const auto& g = mask.geometry();
            for (std::int64_t k = 0; k < g.size[2]; ++k) {
                for (std::int64_t j = 0; j < g.size[1]; ++j) {
                    for (std::int64_t i = 0; i < g.size[0]; ++i) {
                        const Vec3 p = g.indexToPatient({double(i), double(j), double(k)});
                        const double r = std::pow(p[0] / 11, 2) + std::pow(p[1] / 7, 2) +
                                         std::pow(p[2] / semiZ, 2);
                        mask.at(i, j, k) = r <= 1.0 ? 1 : 0;
                    }
                }
            }
            const ComponentLabeling result = labelConnectedComponents(mask);
            ASSERT_EQ(result.components.size(), std::size_t{1});
            const ComponentStats& lesion = result.components[0];
            ASSERT_TRUE(std::abs(lesion.axialDiameterMm - 22.0) <= 0.5)
                << "slices " << sliceMm << " mm, semi-axis " << semiZ << ": "
                << lesion.axialDiameterMm << " mm";
            if (sliceMm == 6.0 && semiZ == 15.0) {
                ASSERT_TRUE(lesion.maxDiameterMm > lesion.axialDiameterMm + 3.0);
            }
        }
    }
}

TEST(CoreConnectedComponents, statisticsInPatientSpace) {
    // A 5-voxel rod along i with 2 mm spacing, in a rotated frame, and a separate voxel.
    const Mat3 direction{{{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}};
    LabelMap mask(grid(10, 4, 3, {2, 0.5, 3}, {100, 50, -20}, direction));
    testvolumes::paintBox(mask, {1, 2, 1}, {6, 3, 2});
    mask.at(9, 0, 0) = 1;
    const ComponentLabeling result = labelConnectedComponents(mask);
    ASSERT_EQ(result.components.size(), std::size_t{2});
    // Raster order: the rod's first voxel (1, 2, 1) comes after (9, 0, 0) (k is slowest).
    const ComponentStats& dot = result.components[0];
    const ComponentStats& rod = result.components[1];
    ASSERT_EQ(dot.voxelCount, std::size_t{1});
    ASSERT_DOUBLE_EQ(dot.maxDiameterMm, 0.0);
    ASSERT_EQ(rod.label, std::uint16_t{2});
    ASSERT_EQ(rod.voxelCount, std::size_t{5});
    ASSERT_DOUBLE_EQ(rod.volumeMl, 5 * 2 * 0.5 * 3 / 1000.0);
    ASSERT_DOUBLE_EQ(rod.maxDiameterMm, 8.0);
    ASSERT_EQ(rod.boundingBoxMin, (Size3{1, 2, 1}));
    ASSERT_EQ(rod.boundingBoxMax, (Size3{5, 2, 1}));
    // Centroid index (3, 2, 1): patient = origin + direction * (6, 1, 3).
    ASSERT_DOUBLE_EQ(rod.centroidMm[0], 100.0 - 1.0);
    ASSERT_DOUBLE_EQ(rod.centroidMm[1], 50.0 + 6.0);
    ASSERT_DOUBLE_EQ(rod.centroidMm[2], -20.0 + 3.0);
    ASSERT_EQ(result.labels.at(3, 2, 1), std::uint16_t{2});
    ASSERT_EQ(result.labels.at(9, 0, 0), std::uint16_t{1});
}

TEST(CoreConnectedComponents, diameterMatchesBruteForce) {
    std::mt19937 random(7);
    std::bernoulli_distribution keep(0.45);
    const ImageGeometry g = grid(14, 12, 9, {0.8, 1.3, 2.1});
    LabelMap blob(g);
    // A random blob inside a ball, kept connected by its centre line.
    testvolumes::paintSphere(blob, g.indexToPatient({7, 6, 4}), 6.0);
    for (auto& v : blob.data()) {
        v = (v != 0 && keep(random)) ? 1 : 0;
    }
    const ComponentLabeling result = labelConnectedComponents(blob);
    ASSERT_TRUE(!result.components.empty());
    for (const ComponentStats& component : result.components) {
        double best = 0.0;
        std::vector<Vec3> points;
        for (std::int64_t k = 0; k < g.size[2]; ++k) {
            for (std::int64_t j = 0; j < g.size[1]; ++j) {
                for (std::int64_t i = 0; i < g.size[0]; ++i) {
                    if (result.labels.at(i, j, k) == component.label) {
                        points.push_back(g.indexToPatient({double(i), double(j), double(k)}));
                    }
                }
            }
        }
        ASSERT_EQ(points.size(), component.voxelCount);
        for (const Vec3& a : points) {
            for (const Vec3& b : points) {
                best = std::max(best, norm({a[0] - b[0], a[1] - b[1], a[2] - b[2]}));
            }
        }
        ASSERT_TRUE(std::abs(component.maxDiameterMm - best) < 1e-9);
    }
}

TEST(CoreConnectedComponents, sphereDiameterIsNearTwiceTheRadius) {
    const ImageGeometry g = grid(64, 64, 64, {1, 1, 1});
    LabelMap ball(g);
    testvolumes::paintSphere(ball, {32, 32, 32}, 29.0); // about 100k voxels
    const ComponentLabeling result = labelConnectedComponents(ball);
    ASSERT_EQ(result.components.size(), std::size_t{1});
    ASSERT_TRUE(result.components[0].voxelCount > 95000);
    ASSERT_DOUBLE_EQ(result.components[0].maxDiameterMm, 58.0);
}

TEST(CoreConnectedComponents, emptyMaskHasNoComponents) {
    const ComponentLabeling result = labelConnectedComponents(LabelMap(grid(3, 3, 3)));
    ASSERT_TRUE(result.components.empty());
    ASSERT_EQ(result.labels.data(), std::vector<std::uint16_t>(27, 0));
}
