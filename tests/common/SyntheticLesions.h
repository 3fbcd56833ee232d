#pragma once
// Label maps of ellipsoidal lesions painted in patient space, for tests that need masks with a
// known shape on any grid orientation.
#include "metis/core/Volume.h"

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

} // namespace test_lesions
