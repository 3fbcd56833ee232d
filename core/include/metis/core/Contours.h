#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metis {

class ProgressSink;

/// A closed polygon lying in one slice plane, in patient coordinates (LPS, mm). The closing edge
/// from the last point back to the first is implicit (DICOM CLOSED_PLANAR).
struct PlanarContour {
    std::vector<Vec3> points;
};

using RgbColour = std::array<std::uint8_t, 3>;

/// One region of interest of a structure set.
struct StructureRoi {
    int number = 0;   ///< unique within the set (DICOM ROINumber)
    std::string name; ///< DICOM ROIName
    RgbColour colour{255, 0, 0};
    /// DICOM RTROIInterpretedType defined term ("GTV", "ORGAN", "EXTERNAL", ...), may be empty.
    std::string interpretedType;
    /// DICOM ROIGenerationAlgorithm: "AUTOMATIC", "SEMIAUTOMATIC" or "MANUAL".
    std::string generationAlgorithm = "AUTOMATIC";
    /// Contours on the same slice combine by the even-odd rule: a contour inside another is a hole.
    std::vector<PlanarContour> contours;
};

/// Planar contours per ROI, in mm: the vector counterpart of a LabelMap.
struct StructureSet {
    std::string label; ///< DICOM StructureSetLabel
    std::vector<StructureRoi> rois;

    const StructureRoi* findByNumber(int number) const;
    const StructureRoi* findByName(const std::string& name) const;
};

/// Contours mapped onto the slices of a grid: per slice k, polygons in continuous (i, j) index
/// coordinates of that slice.
using Polygon2 = std::vector<std::array<double, 2>>;
using SlicePolygons = std::vector<std::vector<Polygon2>>;

/// Projects planar contours onto the slices (index axis 2) of `geometry`. A contour goes to the
/// slice nearest to its plane; contours whose plane lies outside the grid are dropped. Throws
/// std::invalid_argument when a contour has fewer than 3 distinct points or is not parallel to
/// the slices (its points spread over more than a quarter of the slice spacing along the normal).
SlicePolygons projectContoursOntoSlices(const std::vector<PlanarContour>& contours,
                                        const ImageGeometry& geometry);

/// Sets `value` in every voxel of `target` whose centre lies inside the contours of its slice
/// (even-odd rule over all contours of that slice, so holes and several polygons per slice work).
void rasteriseContours(const std::vector<PlanarContour>& contours, LabelMap& target,
                       std::uint16_t value);

/// The voxels of `roi` on `geometry` as 0/1.
LabelMap rasteriseRoi(const StructureRoi& roi, const ImageGeometry& geometry);

struct IsoContourOptions {
    double isoLevel = 0.5;
    /// Points that deviate less than this from the line through their neighbours are removed
    /// (0 keeps only strictly non-collinear points).
    double collinearToleranceMm = 0.01;
};

/// Sub-pixel iso-contours (marching squares at options.isoLevel with linear interpolation) of
/// every slice of `mask` where `mask == value` (value 0 means "any non-zero label"). Outer
/// boundaries run counter-clockwise and holes clockwise in (i, j) index space; each hole is a
/// contour of its own; diagonal-only contacts are split. Every contour is closed with at least
/// 3 distinct points and mapped to patient mm through the mask's geometry (any orientation).
std::vector<PlanarContour> extractContours(const LabelMap& mask, std::uint16_t value,
                                           const IsoContourOptions& options = {},
                                           ProgressSink* progress = nullptr);

/// Iso-contours of one 2D slice of scalar values (row-major, i fastest), in (i, j) index
/// coordinates; the building block of extractContours, usable on probability maps.
std::vector<Polygon2> isoContoursOfSlice(const std::vector<double>& values, std::int64_t width,
                                         std::int64_t height, double isoLevel);

/// Signed area in (i, j) index units: positive for counter-clockwise polygons.
double signedArea(const Polygon2& polygon);

/// Size and position of a region given by its planar contours, measured on the contours
/// themselves (no grid): what an imported structure set records for each lesion.
struct ContourFigures {
    double volumeMm3 = 0.0;     ///< enclosed area of each plane times the plane spacing
    Vec3 centreMm{0, 0, 0};     ///< area-weighted centroid
    double maxDiameterMm = 0.0; ///< largest distance between two contour points
    /// RANO-BM's longest axial diameter: the largest distance between two points of one plane,
    /// when the planes are axial (their normal closest to the head-foot axis); else absent.
    std::optional<double> axialDiameterMm;
};

/// Measures `contours` whose planes lie `planeSpacingMm` apart. Contours of one plane combine by
/// the even-odd rule, as when they are rasterised: a contour inside another is a hole. Zero
/// figures for no contours.
ContourFigures measureContours(const std::vector<PlanarContour>& contours, double planeSpacingMm);

/// The ROI name of lesion `number` as Metis writes it: "GTV_01", "GTV_02", ... (two digits at
/// least), the name the tables, the viewer and the report use for a lesion.
std::string lesionRoiName(int number, const std::string& prefix = "GTV_");

struct LabelsToStructuresOptions {
    std::string roiNamePrefix = "GTV_"; ///< lesion k -> "GTV_01", "GTV_02", ...
    std::string interpretedType = "GTV";
    std::string generationAlgorithm = "AUTOMATIC";
    /// Adds one ROI covering every non-zero label (empty name: none).
    std::string unionRoiName = "GTV_ALL";
    IsoContourOptions contour;
};

/// One ROI per non-zero label value present in `labels` (ROI number = label value), plus the
/// union ROI when asked for (numbered after the largest label).
StructureSet labelMapToStructureSet(const LabelMap& labels,
                                    const LabelsToStructuresOptions& options = {},
                                    ProgressSink* progress = nullptr);

enum class RoiLabelling {
    PerRoi, ///< the n-th ROI (in set order) -> value n (1-based); later ROIs win where they overlap
    Union,  ///< every ROI -> 1
};

/// Rasterises every ROI of `set` onto `geometry`.
LabelMap structureSetToLabelMap(const StructureSet& set, const ImageGeometry& geometry,
                                RoiLabelling labelling = RoiLabelling::PerRoi,
                                ProgressSink* progress = nullptr);

/// A colour for lesion n (1-based), distinct for neighbouring numbers.
RgbColour lesionColour(int lesionNumber);

} // namespace metis
