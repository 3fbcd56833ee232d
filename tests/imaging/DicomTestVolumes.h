#pragma once
// Synthetic volumes for the DICOM tests: every orientation the acceptance criteria name, with
// voxel values that differ from voxel to voxel so a misplaced slice or row cannot go unnoticed.
#include "metis/core/Volume.h"

#include <cmath>
#include <string>

namespace metis::testing {

enum class Orientation { Axial, Sagittal, Coronal, Oblique10 };

inline const char* orientationName(Orientation orientation) {
    switch (orientation) {
    case Orientation::Axial:
        return "axial";
    case Orientation::Sagittal:
        return "sagittal";
    case Orientation::Coronal:
        return "coronal";
    case Orientation::Oblique10:
        return "oblique10";
    }
    return "?";
}

/// Direction columns (row, column, normal) with normal = row x column, LPS.
inline Mat3 directionFor(Orientation orientation) {
    Vec3 row{1, 0, 0};
    Vec3 column{0, 1, 0};
    switch (orientation) {
    case Orientation::Axial:
        break;
    case Orientation::Sagittal:
        row = {0, 1, 0};
        column = {0, 0, -1};
        break;
    case Orientation::Coronal:
        row = {1, 0, 0};
        column = {0, 0, -1};
        break;
    case Orientation::Oblique10: {
        const double angle = 10.0 * std::acos(-1.0) / 180.0;
        column = {0, std::cos(angle), std::sin(angle)};
        break;
    }
    }
    const Vec3 normal = cross(row, column);
    Mat3 direction{};
    for (int r = 0; r < 3; ++r) {
        direction[r] = {row[r], column[r], normal[r]};
    }
    return direction;
}

/// A non-square, anisotropic grid so that swapped axes or spacings show up.
inline ImageGeometry testGeometry(Orientation orientation, Size3 size = {40, 32, 12}) {
    ImageGeometry geometry;
    geometry.size = size;
    geometry.spacing = {0.9, 1.1, 2.5};
    geometry.origin = {-20.5, 14.25, -7.75};
    geometry.direction = directionFor(orientation);
    return geometry;
}

/// Integer values in [low, high], distinct along every axis.
inline ImageVolume patternVolume(const ImageGeometry& geometry, int low = -1000, int high = 3000) {
    ImageVolume volume(geometry, 0.0f);
    const int range = high - low + 1;
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const auto code = (i * 7 + j * 131 + k * 1009) % range;
                volume.at(i, j, k) = static_cast<float>(low + code);
            }
        }
    }
    return volume;
}

} // namespace metis::testing
