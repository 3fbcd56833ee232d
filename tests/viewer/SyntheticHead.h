#pragma once
// A synthetic T1-CE head for viewer tests, the benchmark and the screenshot: scalp, skull,
// brain, ventricles and enhancing ring lesions, placed in PATIENT space so any acquisition
// orientation shows the same anatomy.
#include "metis/core/Volume.h"

#include <cmath>
#include <vector>

namespace synthetic_head {

struct Lesion {
    metis::Vec3 centreMm;
    double radiusMm;
};

inline double ellipsoidRadius(const metis::Vec3& p, const metis::Vec3& semiAxes) {
    return std::sqrt(p[0] * p[0] / (semiAxes[0] * semiAxes[0]) +
                     p[1] * p[1] / (semiAxes[1] * semiAxes[1]) +
                     p[2] * p[2] / (semiAxes[2] * semiAxes[2]));
}

/// Intensity at a patient point (head centred at the origin, WM about 100).
inline float intensityAt(const metis::Vec3& p, const std::vector<Lesion>& lesions) {
    const double head = ellipsoidRadius(p, {72, 92, 78});
    if (head > 1.0) {
        return 0.0f;
    }
    if (head > 0.95) {
        return 180.0f; // scalp fat, bright on T1
    }
    if (head > 0.90) {
        return 15.0f; // cortical bone
    }
    for (const Lesion& lesion : lesions) {
        const double d = std::sqrt((p[0] - lesion.centreMm[0]) * (p[0] - lesion.centreMm[0]) +
                                   (p[1] - lesion.centreMm[1]) * (p[1] - lesion.centreMm[1]) +
                                   (p[2] - lesion.centreMm[2]) * (p[2] - lesion.centreMm[2]));
        if (d <= lesion.radiusMm) {
            return d > lesion.radiusMm - 2.0 ? 210.0f : 55.0f; // enhancing rim, necrotic core
        }
    }
    // Lateral ventricles: two dark ellipsoids beside the midline.
    for (const double side : {-9.0, 9.0}) {
        if (ellipsoidRadius({p[0] - side, p[1] + 5, p[2] - 12}, {6, 26, 10}) < 1.0) {
            return 25.0f;
        }
    }
    // Grey matter rim under the skull, darker than white matter.
    return head > 0.80 ? 75.0f : 100.0f;
}

inline metis::ImageVolume makeHead(const metis::ImageGeometry& geometry,
                                   const std::vector<Lesion>& lesions) {
    metis::ImageVolume image(geometry, 0.0f);
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                image.at(i, j, k) = intensityAt(
                    geometry.indexToPatient({double(i), double(j), double(k)}), lesions);
            }
        }
    }
    return image;
}

/// Voxels whose centre lies within `radiusMm` of `centreMm` get `value`.
inline void addSphere(metis::LabelMap& labels, const metis::Vec3& centreMm, double radiusMm,
                      std::uint16_t value = 1) {
    const metis::ImageGeometry& geometry = labels.geometry();
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const metis::Vec3 p = geometry.indexToPatient({double(i), double(j), double(k)});
                const double dx = p[0] - centreMm[0], dy = p[1] - centreMm[1],
                             dz = p[2] - centreMm[2];
                if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) {
                    labels.at(i, j, k) = value;
                }
            }
        }
    }
}

/// An axis-aligned box of whole 1 mm voxels around a patient point (for exact outline positions).
inline void addBox(metis::LabelMap& labels, const metis::Vec3& minMm, const metis::Vec3& maxMm) {
    const metis::ImageGeometry& geometry = labels.geometry();
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const metis::Vec3 p = geometry.indexToPatient({double(i), double(j), double(k)});
                if (p[0] >= minMm[0] && p[0] <= maxMm[0] && p[1] >= minMm[1] && p[1] <= maxMm[1] &&
                    p[2] >= minMm[2] && p[2] <= maxMm[2]) {
                    labels.at(i, j, k) = 1;
                }
            }
        }
    }
}

} // namespace synthetic_head
