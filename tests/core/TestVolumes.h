#pragma once
// Small synthetic volumes shared by the core tests.
#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

#include <cmath>
#include <cstdint>

namespace testvolumes {

inline metis::ImageGeometry grid(std::int64_t nx, std::int64_t ny, std::int64_t nz,
                                 metis::Vec3 spacing = {1, 1, 1}, metis::Vec3 origin = {0, 0, 0},
                                 metis::Mat3 direction = metis::identityMatrix()) {
    metis::ImageGeometry g;
    g.size = {nx, ny, nz};
    g.spacing = spacing;
    g.origin = origin;
    g.direction = direction;
    return g;
}

/// Voxels whose centre lies within `radiusMm` of `centreMm` (patient space) get `label`.
inline void paintSphere(metis::LabelMap& map, const metis::Vec3& centreMm, double radiusMm,
                        std::uint16_t label = 1) {
    const auto& g = map.geometry();
    for (std::int64_t k = 0; k < g.size[2]; ++k) {
        for (std::int64_t j = 0; j < g.size[1]; ++j) {
            for (std::int64_t i = 0; i < g.size[0]; ++i) {
                const metis::Vec3 p = g.indexToPatient(
                    {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)});
                const double dx = p[0] - centreMm[0];
                const double dy = p[1] - centreMm[1];
                const double dz = p[2] - centreMm[2];
                if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) {
                    map.at(i, j, k) = label;
                }
            }
        }
    }
}

/// Voxels with lo <= index < hi on every axis get `label`.
inline void paintBox(metis::LabelMap& map, const metis::Size3& lo, const metis::Size3& hi,
                     std::uint16_t label = 1) {
    for (std::int64_t k = lo[2]; k < hi[2]; ++k) {
        for (std::int64_t j = lo[1]; j < hi[1]; ++j) {
            for (std::int64_t i = lo[0]; i < hi[0]; ++i) {
                map.at(i, j, k) = label;
            }
        }
    }
}

} // namespace testvolumes
