#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/LabelEditor.h"
#include "metis/core/Volume.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace metis {

// The contour editor's operations on a label map (one lesion = one label value > 0). They work
// in patient space or on index slices of the label map's own grid, so they behave the same in
// any view and on any acquisition orientation. Each writes through an open LabelEditor step;
// the caller names and commits the step (one step per stroke or command).

/// The plane of the view being edited, in patient LPS mm: a point on it and its screen axes.
struct EditPlane {
    Vec3 pointMm{0, 0, 0};
    Vec3 right{1, 0, 0};
    Vec3 down{0, 1, 0};
    Vec3 normal() const { return cross(right, down); }
};

/// The thickness of the label map's voxels along `direction` (a unit vector): for a view
/// parallel to the acquisition, the slice spacing. Voxels whose centres lie within half of it
/// from an edit plane belong to the edited slice.
double voxelThicknessAlong(const ImageGeometry& geometry, const Vec3& direction);

/// The index axis (0, 1, 2) of `geometry` closest to `direction`: the slices that a 2D
/// operation in a view works on.
int indexAxisClosestTo(const ImageGeometry& geometry, const Vec3& direction);

enum class BrushShape {
    Disc,   ///< the edited slice only
    Sphere, ///< a ball in 3D
};

/// Voxels (linear indices) swept by a brush of `diameterMm` dragged from `fromMm` to `toMm`
/// (equal for a click): a disc on the edit plane's slice, or a ball. Every voxel centre within
/// the radius of the segment is in, in patient space, so the brush has its true size in mm
/// whatever the voxel spacing. A brush smaller than a voxel still marks the voxel under it.
std::vector<std::size_t> brushVoxels(const ImageGeometry& geometry, const EditPlane& plane,
                                     const Vec3& fromMm, const Vec3& toMm, double diameterMm,
                                     BrushShape shape);

/// Voxels of the edit plane's slice whose centres lie inside the closed polygon (points in
/// patient mm, projected onto the plane; even-odd rule, so a self-crossing freehand curve
/// behaves predictably).
std::vector<std::size_t> polygonVoxels(const ImageGeometry& geometry, const EditPlane& plane,
                                       const std::vector<Vec3>& polygonMm);

/// What painting does to each voxel it covers.
struct PaintRule {
    std::uint16_t value = 1; ///< 0 erases
    /// When set, only voxels holding this value change (erase one lesion, not its neighbour);
    /// when not set, painting leaves other lesions alone (only background and `value` change)
    /// and erasing clears any lesion.
    std::optional<std::uint16_t> onlyOver;
    /// Threshold-assisted paint: only voxels whose image intensity lies in [low, high].
    const ImageVolume* image = nullptr;
    float low = 0.0f;
    float high = 0.0f;

    static PaintRule paint(std::uint16_t label) {
        PaintRule rule;
        rule.value = label;
        return rule;
    }
    static PaintRule erase() { return paint(0); }
};

/// Applies `rule` to `voxels`; returns how many changed.
std::size_t paintVoxels(LabelEditor& editor, const std::vector<std::size_t>& voxels,
                        const PaintRule& rule);

/// Fills the holes of lesion `label` on slices [first, last] along index `axis`: background
/// voxels that the slice's border cannot reach without crossing the lesion. Voxels of other
/// lesions are left alone. Returns the voxels filled.
std::size_t fillHoles(LabelEditor& editor, std::uint16_t label, int axis, std::int64_t first,
                      std::int64_t last);

/// Removes connected pieces (26-connected, per label value) smaller than `minVolumeMm3`, of one
/// lesion or, when `label` is empty, of every lesion. Returns the voxels cleared.
std::size_t removeSmallIslands(LabelEditor& editor, double minVolumeMm3,
                               std::optional<std::uint16_t> label = std::nullopt);

enum class SmoothingMethod {
    Median,  ///< a voxel takes the majority of its 3 x 3 x 3 neighbourhood
    Opening, ///< erosion then dilation: removes spurs and thin bridges
    Closing, ///< dilation then erosion: closes notches and pinholes
};
/// Smooths one lesion or every lesion (6-connected 3 x 3 x 3 structuring element for the
/// morphological methods). Only background and the lesion's own voxels change. Returns the
/// voxels changed.
std::size_t smoothLesions(LabelEditor& editor, SmoothingMethod method,
                          std::optional<std::uint16_t> label = std::nullopt);

/// The slices along `axis` that hold `label`, in increasing order.
std::vector<std::int64_t> slicesHolding(const LabelMap& mask, std::uint16_t label, int axis);

/// Shape-based interpolation: every run of empty slices between two slices holding `label`
/// along `axis` (at most `maxGap` slices long) gets the shape blended from the two signed
/// distance maps (in mm, so anisotropic pixels interpolate correctly). Only background voxels
/// are painted. Returns the slice ranges filled ([first, last] pairs).
std::vector<std::pair<std::int64_t, std::int64_t>>
interpolateSlices(LabelEditor& editor, std::uint16_t label, int axis, std::int64_t maxGap = 64);

/// Copies lesion `label` of slice `from` onto slice `to` along `axis`, replacing that lesion's
/// voxels there; other lesions are not overwritten. Returns the voxels changed.
std::size_t copySliceContour(LabelEditor& editor, std::uint16_t label, int axis, std::int64_t from,
                             std::int64_t to);

/// The label of the voxel whose centre is nearest to `pointMm` (patient LPS); 0 outside the map.
std::uint16_t labelNearest(const LabelMap& labels, const Vec3& pointMm);

/// The smallest label value above every value in use (1 for an empty map).
std::uint16_t nextFreeLabel(const LabelMap& mask);
/// Clears a lesion; returns the voxels cleared.
std::size_t deleteLesion(LabelEditor& editor, std::uint16_t label);
/// Relabels lesion `absorbed` as `kept`; returns the voxels relabelled.
std::size_t mergeLesions(LabelEditor& editor, std::uint16_t kept, std::uint16_t absorbed);
/// Gives each 26-connected piece of `label` but the largest a new label of its own; returns the
/// new labels.
std::vector<std::uint16_t> splitLesion(LabelEditor& editor, std::uint16_t label);
/// Splits `label` by the edit plane through `pointMm`: voxels on the side the normal points to
/// get a new label, which is returned (nullopt when that side is empty or holds all of it).
std::optional<std::uint16_t> splitLesionByPlane(LabelEditor& editor, std::uint16_t label,
                                                const Vec3& pointMm, const Vec3& normal);
/// Accepts a lesion of an AI result (`aiLabels` on the same grid, lesion-numbered): its voxels
/// become a new lesion of the edited map where that holds background. Returns the new label, or
/// nullopt when nothing was added.
std::optional<std::uint16_t> acceptLesion(LabelEditor& editor, const LabelMap& aiLabels,
                                          std::uint16_t aiLabel);

} // namespace metis
