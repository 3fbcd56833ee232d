#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

namespace metis {

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

/// The affine map from a target index to the source's continuous index:
/// sourceIndex = matrix * targetIndex + offset.
struct IndexMapping {
    Mat3 matrix{};
    Vec3 offset{};
    Vec3 apply(const Vec3& targetIndex) const;
};
IndexMapping indexMapping(const ImageGeometry& source, const ImageGeometry& target);

} // namespace metis
