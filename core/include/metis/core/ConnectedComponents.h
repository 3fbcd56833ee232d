#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace metis {

enum class Connectivity {
    Faces6 = 6,  ///< neighbours share a face
    Full26 = 26, ///< neighbours share a face, an edge or a corner
};

/// The fewest voxels a lesion has: a lone voxel (a stray brush click, a speck of noise) is kept in
/// the label map but is not counted, matched, listed or measured as a lesion.
inline constexpr std::size_t kMinimumLesionVoxels = 2;

struct ComponentStats {
    std::uint16_t label = 0; ///< its value in ComponentLabeling::labels
    std::size_t voxelCount = 0;
    double volumeMl = 0.0;
    Vec3 centroidMm{0, 0, 0};      ///< mean voxel centre, patient LPS
    Size3 boundingBoxMin{0, 0, 0}; ///< voxel indices, inclusive
    Size3 boundingBoxMax{0, 0, 0};
    /// Largest distance between two voxel centres of the component, in mm (0 for one voxel).
    /// Exact: it is searched on the voxels that are extreme along all three index lines through
    /// them, a superset of the convex-hull vertices of the voxel centres, where the farthest
    /// pair always lies. That set grows like the surface, so a 100k-voxel lesion stays fast.
    double maxDiameterMm = 0.0;
    /// RANO-BM's measure: the longest diameter within one axial slice (slices along the index
    /// axis closest to the patient's head-foot axis), edge to edge (centre distance plus one
    /// in-plane pixel), so thick slices do not inflate it as they inflate the 3D extent.
    double axialDiameterMm = 0.0;
};

struct ComponentLabeling {
    /// Components numbered 1..N in raster order of their first voxel (i fastest, then j, k);
    /// 0 is background. Same geometry as the input.
    LabelMap labels;
    /// components[n - 1] describes label n.
    std::vector<ComponentStats> components;
};

/// Connected components of the foreground (every non-zero voxel, whatever its label value).
/// Throws std::invalid_argument for an invalid geometry and std::runtime_error beyond 65535
/// components, which a LabelMap cannot number.
ComponentLabeling labelConnectedComponents(const LabelMap& mask,
                                           Connectivity connectivity = Connectivity::Full26);

/// Largest distance in mm between the centres of the given voxels (linear indices into
/// `geometry`), using the same exact reduction as ComponentStats::maxDiameterMm.
double maxVoxelDistanceMm(const ImageGeometry& geometry, const std::vector<std::size_t>& voxels);

/// The RANO-BM longest axial diameter of the given voxels (see ComponentStats::axialDiameterMm).
double longestAxialDiameterMm(const ImageGeometry& geometry,
                              const std::vector<std::size_t>& voxels);

} // namespace metis
