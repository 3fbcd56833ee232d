#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace metis {

/// Whether a continuous voxel index lies within the grid's extent: each voxel covers half a
/// voxel around its centre, so the extent reaches half a voxel beyond the outer centres.
/// `tolerance` widens it for indices that are off by rounding only.
inline bool withinGridExtent(const Vec3& index, const Size3& size, double tolerance = 0.0) {
    for (int a = 0; a < 3; ++a) {
        if (!(index[a] >= -0.5 - tolerance) ||
            !(index[a] <= static_cast<double>(size[a]) - 0.5 + tolerance)) {
            return false;
        }
    }
    return true;
}

/// Trilinear interpolation of `volume` at a continuous voxel index, clamped to the grid (the
/// border voxels extend outward; callers test withinGridExtent first). On a voxel centre the
/// voxel's value comes back exactly. `valueOf` maps a voxel to the interpolated quantity (e.g.
/// a label to its 0/1 foreground indicator). Inline: the viewer's oblique reslice calls it per
/// pixel.
template <typename T, typename ValueOf>
double interpolateLinear(const Volume<T>& volume, const Vec3& index, ValueOf valueOf) {
    const Size3& size = volume.size();
    std::int64_t lower[3];
    std::int64_t step[3];
    double weight[3];
    for (int a = 0; a < 3; ++a) {
        const double last = static_cast<double>(size[a] - 1);
        if (!(index[a] > 0.0)) {
            lower[a] = 0, step[a] = 0, weight[a] = 0.0;
        } else if (index[a] >= last) {
            lower[a] = size[a] - 1, step[a] = 0, weight[a] = 0.0;
        } else {
            lower[a] = static_cast<std::int64_t>(index[a]); // floor: the index is positive
            step[a] = 1;
            weight[a] = index[a] - static_cast<double>(lower[a]);
        }
    }
    const std::size_t strideY = static_cast<std::size_t>(size[0]);
    const std::size_t strideZ = strideY * static_cast<std::size_t>(size[1]);
    const T* p = volume.data().data() + static_cast<std::size_t>(lower[0]) +
                 static_cast<std::size_t>(lower[1]) * strideY +
                 static_cast<std::size_t>(lower[2]) * strideZ;
    const std::size_t dx = static_cast<std::size_t>(step[0]);
    const std::size_t dy = static_cast<std::size_t>(step[1]) * strideY;
    const std::size_t dz = static_cast<std::size_t>(step[2]) * strideZ;
    auto lerp = [](double a, double b, double t) { return a + t * (b - a); };
    auto at = [p, &valueOf](std::size_t offset) { return static_cast<double>(valueOf(p[offset])); };
    const double c00 = lerp(at(0), at(dx), weight[0]);
    const double c10 = lerp(at(dy), at(dy + dx), weight[0]);
    const double c01 = lerp(at(dz), at(dz + dx), weight[0]);
    const double c11 = lerp(at(dz + dy), at(dz + dy + dx), weight[0]);
    return lerp(lerp(c00, c10, weight[1]), lerp(c01, c11, weight[1]), weight[2]);
}

template <typename T> double interpolateLinear(const Volume<T>& volume, const Vec3& index) {
    return interpolateLinear(volume, index, [](T value) { return value; });
}

/// How a target voxel centre is mapped into the source: both grids are placed in patient space
/// (LPS mm) by their own geometry, so any pair of directions (axial, sagittal, oblique) works.
struct ResampleOptions {
    /// Value for target voxels whose centre falls outside the source volume. A source voxel
    /// covers +/- half a voxel around its centre; within that margin the edge value is used.
    float outsideValue = 0.0f;
    /// Worker threads over target slices; 0: one per hardware thread.
    unsigned threads = 0;
};

/// Trilinear interpolation of an image onto `target`.
ImageVolume resampleLinear(const ImageVolume& source, const ImageGeometry& target,
                           const ResampleOptions& options = {});

/// Nearest-neighbour resampling of labels (values kept as they are; outside -> 0).
LabelMap resampleNearest(const LabelMap& source, const ImageGeometry& target, unsigned threads = 0);

/// Area-fraction resampling of a mask, for downsampling: each target voxel is supersampled
/// on a regular sub-grid fine enough to see every source voxel it covers (up to 8 samples per
/// axis), each sample reads the source by nearest neighbour, and the voxel becomes foreground
/// when more than half of its samples are foreground (PHANTOM.md section 6, "Masks: area >
/// 0.5"). The output keeps the most frequent non-zero label of the voxel, so numbered lesion
/// maps stay numbered; samples outside the source count as background.
LabelMap resampleMaskAreaFraction(const LabelMap& source, const ImageGeometry& target,
                                  unsigned threads = 0);

/// A mask resampled through linear interpolation of its 0/1 indicator, foreground where the
/// interpolated value is >= 0.5 (output 1). Smoother than nearest for upsampling.
LabelMap resampleMaskLinear(const LabelMap& source, const ImageGeometry& target,
                            unsigned threads = 0);

/// Per source axis, the Gaussian sigma (in source voxels) that blurs `source` to the resolution
/// of `target` along that axis before sampling: a target voxel spanning f source voxels there
/// gets a kernel of FWHM sqrt(f^2 - 1) voxels (the source voxel counted as a box of FWHM 1),
/// so the blurred source has the target's voxel size as its resolution; 0 where the target is
/// as fine as the source or finer. Any pair of directions works (the spans come from
/// indexMapping).
Vec3 antiAliasingSigmas(const ImageGeometry& source, const ImageGeometry& target);

/// Separable Gaussian smoothing with `sigmaVoxels` per axis (kernel cut at 3 sigma and
/// normalised; borders clamped, so a constant image stays constant). Axes with sigma below 0.1
/// voxel are left as they are.
ImageVolume gaussianSmooth(const ImageVolume& image, const Vec3& sigmaVoxels, unsigned threads = 0);

/// The affine map from a target index to the source's continuous index:
/// sourceIndex = matrix * targetIndex + offset.
struct IndexMapping {
    Mat3 matrix{};
    Vec3 offset{};
    Vec3 apply(const Vec3& targetIndex) const;
};
IndexMapping indexMapping(const ImageGeometry& source, const ImageGeometry& target);

/// The voxel nearest a continuous index (halves round up), or false when it lies outside a grid
/// of `size`.
bool nearestIndex(const Vec3& index, const Size3& size, Size3& nearest);

} // namespace metis
