#include "metis/core/Contours.h"

#include "metis/core/Progress.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

namespace metis {

const StructureRoi* StructureSet::findByNumber(int number) const {
    for (const auto& roi : rois) {
        if (roi.number == number) {
            return &roi;
        }
    }
    return nullptr;
}

const StructureRoi* StructureSet::findByName(const std::string& name) const {
    for (const auto& roi : rois) {
        if (roi.name == name) {
            return &roi;
        }
    }
    return nullptr;
}

namespace {

std::size_t distinctPointCount(const std::vector<Vec3>& points) {
    std::set<Vec3> distinct(points.begin(), points.end());
    return distinct.size();
}

} // namespace

SlicePolygons projectContoursOntoSlices(const std::vector<PlanarContour>& contours,
                                        const ImageGeometry& geometry) {
    geometry.validate();
    SlicePolygons slices(static_cast<std::size_t>(geometry.size[2]));
    for (std::size_t c = 0; c < contours.size(); ++c) {
        const auto& points = contours[c].points;
        if (distinctPointCount(points) < 3) {
            throw std::invalid_argument("contour " + std::to_string(c + 1) + " has " +
                                        std::to_string(distinctPointCount(points)) +
                                        " distinct points; a closed planar contour needs at "
                                        "least 3");
        }
        Polygon2 polygon;
        polygon.reserve(points.size());
        double minK = std::numeric_limits<double>::infinity();
        double maxK = -minK;
        double sumK = 0.0;
        for (const auto& point : points) {
            if (!std::isfinite(point[0]) || !std::isfinite(point[1]) || !std::isfinite(point[2])) {
                throw std::invalid_argument("contour " + std::to_string(c + 1) +
                                            " has a coordinate that is not a finite number");
            }
            const Vec3 index = geometry.patientToIndex(point);
            polygon.push_back({index[0], index[1]});
            minK = std::min(minK, index[2]);
            maxK = std::max(maxK, index[2]);
            sumK += index[2];
        }
        // A quarter slice tolerates rounding in stored coordinates but not a contour drawn in
        // another orientation than the grid's slices.
        if (maxK - minK > 0.25) {
            throw std::invalid_argument("contour " + std::to_string(c + 1) +
                                        " is not parallel to the slices of the "
                                        "reference grid (its points span " +
                                        std::to_string((maxK - minK) * geometry.spacing[2]) +
                                        " mm along the slice normal)");
        }
        const double meanK = std::round(sumK / static_cast<double>(points.size()));
        if (!(meanK >= 0.0 && meanK < static_cast<double>(geometry.size[2]))) {
            continue;
        }
        const auto slice = static_cast<std::int64_t>(meanK);
        slices[static_cast<std::size_t>(slice)].push_back(std::move(polygon));
    }
    return slices;
}

namespace {

/// Fills one slice: pixel (i, j) is inside when an odd number of polygon edges cross the row
/// y = j to the left of x = i. Edges are half-open in y, so a vertex on a row counts once.
template <typename Visit>
void scanConvertSlice(const std::vector<Polygon2>& polygons, std::int64_t width,
                      std::int64_t height, Visit&& visitInside) {
    struct Edge {
        double x0, y0, x1, y1;
    };
    std::vector<Edge> edges;
    double minY = std::numeric_limits<double>::infinity();
    double maxY = -minY;
    for (const auto& polygon : polygons) {
        for (std::size_t n = 0; n < polygon.size(); ++n) {
            const auto& a = polygon[n];
            const auto& b = polygon[(n + 1) % polygon.size()];
            if (a[1] == b[1]) {
                continue; // horizontal edges never cross a row in the half-open sense
            }
            edges.push_back({a[0], a[1], b[0], b[1]});
            minY = std::min({minY, a[1], b[1]});
            maxY = std::max({maxY, a[1], b[1]});
        }
    }
    if (edges.empty()) {
        return;
    }
    // Clamped in floating point first: far-away points must not overflow the integer casts.
    auto toIndex = [](double value, std::int64_t limit) {
        return static_cast<std::int64_t>(std::clamp(value, -1.0, static_cast<double>(limit)));
    };
    const auto firstRow = std::max<std::int64_t>(0, toIndex(std::ceil(minY), height));
    const auto lastRow = std::min<std::int64_t>(height - 1, toIndex(std::floor(maxY), height));
    std::vector<double> crossings;
    for (std::int64_t j = firstRow; j <= lastRow; ++j) {
        const auto y = static_cast<double>(j);
        crossings.clear();
        for (const auto& edge : edges) {
            const bool crosses = (edge.y0 <= y && y < edge.y1) || (edge.y1 <= y && y < edge.y0);
            if (crosses) {
                const double t = (y - edge.y0) / (edge.y1 - edge.y0);
                crossings.push_back(edge.x0 + t * (edge.x1 - edge.x0));
            }
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t n = 0; n + 1 < crossings.size(); n += 2) {
            const auto from = std::max<std::int64_t>(0, toIndex(std::ceil(crossings[n]), width));
            const auto to = toIndex(std::ceil(crossings[n + 1]), width);
            for (std::int64_t i = from; i < to; ++i) {
                visitInside(i, j);
            }
        }
    }
}

} // namespace

void rasteriseContours(const std::vector<PlanarContour>& contours, LabelMap& target,
                       std::uint16_t value) {
    const ImageGeometry& geometry = target.geometry();
    const SlicePolygons slices = projectContoursOntoSlices(contours, geometry);
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        const auto& polygons = slices[static_cast<std::size_t>(k)];
        if (polygons.empty()) {
            continue;
        }
        scanConvertSlice(polygons, geometry.size[0], geometry.size[1],
                         [&](std::int64_t i, std::int64_t j) { target.at(i, j, k) = value; });
    }
}

LabelMap rasteriseRoi(const StructureRoi& roi, const ImageGeometry& geometry) {
    LabelMap mask(geometry, 0);
    try {
        rasteriseContours(roi.contours, mask, 1);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("ROI " + std::to_string(roi.number) + " '" + roi.name +
                                    "': " + e.what());
    }
    return mask;
}

double signedArea(const Polygon2& polygon) {
    double twice = 0.0;
    for (std::size_t n = 0; n < polygon.size(); ++n) {
        const auto& a = polygon[n];
        const auto& b = polygon[(n + 1) % polygon.size()];
        twice += a[0] * b[1] - b[0] * a[1];
    }
    return 0.5 * twice;
}

std::vector<Polygon2> isoContoursOfSlice(const std::vector<double>& values, std::int64_t width,
                                         std::int64_t height, double isoLevel) {
    if (width <= 0 || height <= 0 ||
        values.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) {
        throw std::invalid_argument("iso-contours: slice buffer does not match its size");
    }
    // Outside the slice counts as empty, so every contour closes; 0 keeps binary crossings at
    // the midpoints between pixel centres, also along the border.
    const double outside = isoLevel > 0.0 ? 0.0 : isoLevel - 1.0;
    auto value = [&](std::int64_t x, std::int64_t y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return outside;
        }
        return values[static_cast<std::size_t>(x + width * y)];
    };
    auto inside = [&](std::int64_t x, std::int64_t y) { return value(x, y) > isoLevel; };

    // Grid edges of the padded grid (x, y in [-1, width] x [-1, height]) get one id each:
    // horizontal edges (x, y)-(x+1, y) first, then vertical edges (x, y)-(x, y+1).
    const std::int64_t horizontalCount = (width + 1) * (height + 2);
    const std::int64_t verticalCount = (width + 2) * (height + 1);
    auto horizontalId = [&](std::int64_t x, std::int64_t y) {
        return (y + 1) * (width + 1) + (x + 1);
    };
    auto verticalId = [&](std::int64_t x, std::int64_t y) {
        return horizontalCount + (y + 1) * (width + 2) + (x + 1);
    };
    auto crossingPoint = [&](std::int64_t id) -> std::array<double, 2> {
        std::int64_t x0, y0, x1, y1;
        if (id < horizontalCount) {
            y0 = id / (width + 1) - 1;
            x0 = id % (width + 1) - 1;
            x1 = x0 + 1;
            y1 = y0;
        } else {
            const std::int64_t local = id - horizontalCount;
            y0 = local / (width + 2) - 1;
            x0 = local % (width + 2) - 1;
            x1 = x0;
            y1 = y0 + 1;
        }
        const double v0 = value(x0, y0);
        const double v1 = value(x1, y1);
        const double t = (isoLevel - v0) / (v1 - v0);
        return {static_cast<double>(x0) + t * static_cast<double>(x1 - x0),
                static_cast<double>(y0) + t * static_cast<double>(y1 - y0)};
    };

    // Each crossing starts exactly one directed segment (inside on its left), so "next" links
    // the segments into closed loops.
    std::vector<std::int64_t> next(static_cast<std::size_t>(horizontalCount + verticalCount), -1);
    std::vector<std::int64_t> starts;
    for (std::int64_t y = -1; y < height; ++y) {
        for (std::int64_t x = -1; x < width; ++x) {
            // Corners counter-clockwise (i right, j up) and the edge leaving each corner.
            const bool in[4] = {inside(x, y), inside(x + 1, y), inside(x + 1, y + 1),
                                inside(x, y + 1)};
            const int insideCount = in[0] + in[1] + in[2] + in[3];
            if (insideCount == 0 || insideCount == 4) {
                continue;
            }
            const std::int64_t edge[4] = {horizontalId(x, y), verticalId(x + 1, y),
                                          horizontalId(x, y + 1), verticalId(x, y)};
            // Edge e runs from corner e to corner e+1: in->out crossings start a segment that
            // ends at an out->in crossing.
            int leaving[2], entering[2];
            int leavingCount = 0, enteringCount = 0;
            for (int e = 0; e < 4; ++e) {
                if (in[e] && !in[(e + 1) % 4]) {
                    leaving[leavingCount++] = e;
                } else if (!in[e] && in[(e + 1) % 4]) {
                    entering[enteringCount++] = e;
                }
            }
            if (leavingCount == 1) {
                next[static_cast<std::size_t>(edge[leaving[0]])] = edge[entering[0]];
                starts.push_back(edge[leaving[0]]);
                continue;
            }
            // Saddle: the cell centre decides whether the two inside corners connect.
            const double centre =
                0.25 * (value(x, y) + value(x + 1, y) + value(x + 1, y + 1) + value(x, y + 1));
            const int turn = centre > isoLevel ? 1 : 3; // next edge (joined) or previous (split)
            for (int n = 0; n < 2; ++n) {
                const int target = (leaving[n] + turn) % 4;
                next[static_cast<std::size_t>(edge[leaving[n]])] = edge[target];
                starts.push_back(edge[leaving[n]]);
            }
        }
    }

    std::vector<Polygon2> polygons;
    std::vector<bool> visited(next.size(), false);
    for (const std::int64_t start : starts) {
        if (visited[static_cast<std::size_t>(start)]) {
            continue;
        }
        Polygon2 polygon;
        std::int64_t edge = start;
        while (!visited[static_cast<std::size_t>(edge)]) {
            visited[static_cast<std::size_t>(edge)] = true;
            polygon.push_back(crossingPoint(edge));
            edge = next[static_cast<std::size_t>(edge)];
            if (edge < 0) {
                throw std::logic_error("iso-contours: open chain in marching squares");
            }
        }
        polygons.push_back(std::move(polygon));
    }
    return polygons;
}

namespace {

double distanceFromLine(const Vec3& point, const Vec3& a, const Vec3& b) {
    const Vec3 ab{b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    const Vec3 ap{point[0] - a[0], point[1] - a[1], point[2] - a[2]};
    const double length = norm(ab);
    if (length < 1e-12) {
        return norm(ap);
    }
    return norm(cross(ap, ab)) / length;
}

/// Drops repeated points and points within `tolerance` mm of the line through their kept
/// neighbours.
std::vector<Vec3> simplifyClosedPolygon(std::vector<Vec3> points, double tolerance) {
    std::vector<Vec3> unique;
    unique.reserve(points.size());
    for (const auto& point : points) {
        if (unique.empty() || distanceFromLine(point, unique.back(), unique.back()) > 1e-9) {
            unique.push_back(point);
        }
    }
    while (unique.size() > 1 &&
           distanceFromLine(unique.back(), unique.front(), unique.front()) <= 1e-9) {
        unique.pop_back();
    }
    bool removed = true;
    while (removed && unique.size() > 3) {
        removed = false;
        for (std::size_t n = 0; n < unique.size() && unique.size() > 3;) {
            const auto& previous = unique[(n + unique.size() - 1) % unique.size()];
            const auto& following = unique[(n + 1) % unique.size()];
            if (distanceFromLine(unique[n], previous, following) <= tolerance) {
                unique.erase(unique.begin() + static_cast<std::ptrdiff_t>(n));
                removed = true;
            } else {
                ++n;
            }
        }
    }
    return unique;
}

} // namespace

namespace {

/// Index bounds (inclusive) of selected voxels; empty when high < low.
struct IndexBox {
    Size3 low{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max(),
              std::numeric_limits<std::int64_t>::max()};
    Size3 high{-1, -1, -1};

    bool empty() const { return high[0] < low[0]; }
    void include(std::int64_t i, std::int64_t j, std::int64_t k) {
        low = {std::min(low[0], i), std::min(low[1], j), std::min(low[2], k)};
        high = {std::max(high[0], i), std::max(high[1], j), std::max(high[2], k)};
    }
};

bool isSelected(std::uint16_t label, std::uint16_t value) {
    return value == 0 ? label != 0 : label == value;
}

/// Marching squares on the voxels of `box` only (plus the zero padding it adds itself), which
/// keeps small lesions in large series cheap.
std::vector<PlanarContour> extractContoursInBox(const LabelMap& mask, std::uint16_t value,
                                                const IndexBox& box,
                                                const IsoContourOptions& options,
                                                ProgressScope& scope, double progressStart = 0.0,
                                                double progressSpan = 1.0) {
    std::vector<PlanarContour> contours;
    if (box.empty()) {
        return contours;
    }
    const ImageGeometry& geometry = mask.geometry();
    const std::int64_t width = box.high[0] - box.low[0] + 1;
    const std::int64_t height = box.high[1] - box.low[1] + 1;
    std::vector<double> slice(static_cast<std::size_t>(width * height));
    for (std::int64_t k = box.low[2]; k <= box.high[2]; ++k) {
        scope.step(progressStart + progressSpan * static_cast<double>(k - box.low[2]) /
                                       static_cast<double>(box.high[2] - box.low[2] + 1));
        bool any = false;
        for (std::int64_t j = 0; j < height; ++j) {
            for (std::int64_t i = 0; i < width; ++i) {
                const bool inside = isSelected(mask.at(box.low[0] + i, box.low[1] + j, k), value);
                slice[static_cast<std::size_t>(i + width * j)] = inside ? 1.0 : 0.0;
                any = any || inside;
            }
        }
        if (!any) {
            continue;
        }
        for (const auto& polygon : isoContoursOfSlice(slice, width, height, options.isoLevel)) {
            std::vector<Vec3> points;
            points.reserve(polygon.size());
            for (const auto& p : polygon) {
                points.push_back(geometry.indexToPatient({p[0] + static_cast<double>(box.low[0]),
                                                          p[1] + static_cast<double>(box.low[1]),
                                                          static_cast<double>(k)}));
            }
            points = simplifyClosedPolygon(std::move(points), options.collinearToleranceMm);
            if (points.size() >= 3) {
                contours.push_back({std::move(points)});
            }
        }
    }
    return contours;
}

} // namespace

std::vector<PlanarContour> extractContours(const LabelMap& mask, std::uint16_t value,
                                           const IsoContourOptions& options,
                                           ProgressSink* progress) {
    const ImageGeometry& geometry = mask.geometry();
    geometry.validate();
    NullProgressSink silent;
    ProgressScope scope(progress ? *progress : silent, "extracting contours");
    IndexBox box;
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                if (isSelected(mask.at(i, j, k), value)) {
                    box.include(i, j, k);
                }
            }
        }
    }
    return extractContoursInBox(mask, value, box, options, scope);
}

RgbColour lesionColour(int lesionNumber) {
    static constexpr RgbColour palette[] = {
        {230, 25, 75},  {60, 180, 75},  {0, 130, 200},  {245, 130, 48},  {145, 30, 180},
        {70, 240, 240}, {240, 50, 230}, {210, 245, 60}, {250, 190, 212}, {0, 128, 128},
    };
    constexpr int count = static_cast<int>(sizeof(palette) / sizeof(palette[0]));
    const int index = ((lesionNumber - 1) % count + count) % count;
    return palette[index];
}

namespace {

// Newell's sum: twice the polygon's vector area (normal times area), exact for planar polygons.
Vec3 doubledVectorArea(const std::vector<Vec3>& points) {
    Vec3 sum{0, 0, 0};
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Vec3 c = cross(points[i], points[(i + 1) % points.size()]);
        for (int axis = 0; axis < 3; ++axis) {
            sum[axis] += c[axis];
        }
    }
    return sum;
}

// Even-odd test of `point` against `polygon` projected onto the plane of the two axes other
// than `dropAxis` (the normal's largest component, so the projection does not degenerate).
bool insideProjected(const Vec3& point, const std::vector<Vec3>& polygon, int dropAxis) {
    const int u = dropAxis == 0 ? 1 : 0;
    const int v = dropAxis == 2 ? 1 : 2;
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Vec3& a = polygon[i];
        const Vec3& b = polygon[j];
        if ((a[v] > point[v]) != (b[v] > point[v]) &&
            point[u] < (b[u] - a[u]) * (point[v] - a[v]) / (b[v] - a[v]) + a[u]) {
            inside = !inside;
        }
    }
    return inside;
}

} // namespace

ContourFigures measureContours(const std::vector<PlanarContour>& contours, double planeSpacingMm) {
    ContourFigures figures;
    struct Measured {
        const PlanarContour* contour;
        Vec3 vectorArea; // normal * area
        Vec3 centroid;   // of the polygon's area
    };
    std::vector<Measured> measured;
    Vec3 normal{0, 0, 0};
    double largest = 0.0;
    for (const PlanarContour& contour : contours) {
        if (contour.points.size() < 3) {
            continue;
        }
        const Vec3 doubled = doubledVectorArea(contour.points);
        const Vec3 vectorArea{doubled[0] / 2, doubled[1] / 2, doubled[2] / 2};
        // Centroid by a fan of triangles from the first point, each weighted by its signed area
        // along the polygon's own normal.
        const Vec3& origin = contour.points.front();
        Vec3 weighted{0, 0, 0};
        double total = 0.0;
        for (std::size_t i = 1; i + 1 < contour.points.size(); ++i) {
            const Vec3& b = contour.points[i];
            const Vec3& c = contour.points[i + 1];
            const double area = dot(cross({b[0] - origin[0], b[1] - origin[1], b[2] - origin[2]},
                                          {c[0] - origin[0], c[1] - origin[1], c[2] - origin[2]}),
                                    vectorArea) /
                                2.0;
            for (int axis = 0; axis < 3; ++axis) {
                weighted[axis] += area * (origin[axis] + b[axis] + c[axis]) / 3.0;
            }
            total += area;
        }
        if (total == 0.0) {
            continue;
        }
        measured.push_back({&contour,
                            vectorArea,
                            {weighted[0] / total, weighted[1] / total, weighted[2] / total}});
        const double area = std::sqrt(dot(vectorArea, vectorArea));
        if (area > largest) {
            largest = area;
            normal = {vectorArea[0] / area, vectorArea[1] / area, vectorArea[2] / area};
        }
    }
    if (measured.empty()) {
        return figures;
    }
    int dropAxis = 0;
    for (int axis = 1; axis < 3; ++axis) {
        if (std::abs(normal[axis]) > std::abs(normal[dropAxis])) {
            dropAxis = axis;
        }
    }
    double volume = 0.0;
    Vec3 centre{0, 0, 0};
    for (const Measured& m : measured) {
        // A contour lies in a hole when an odd number of the other contours of its plane
        // enclose it.
        const Vec3& probe = m.contour->points.front();
        const double offset = dot(probe, normal);
        int enclosing = 0;
        for (const Measured& other : measured) {
            if (&other != &m &&
                std::abs(dot(other.contour->points.front(), normal) - offset) <
                    0.25 * planeSpacingMm &&
                insideProjected(probe, other.contour->points, dropAxis)) {
                ++enclosing;
            }
        }
        const double signedVolume = (enclosing % 2 == 0 ? 1.0 : -1.0) *
                                    std::abs(dot(m.vectorArea, normal)) * planeSpacingMm;
        volume += signedVolume;
        for (int axis = 0; axis < 3; ++axis) {
            centre[axis] += signedVolume * m.centroid[axis];
        }
    }
    figures.volumeMm3 = volume;
    if (volume > 0.0) {
        figures.centreMm = {centre[0] / volume, centre[1] / volume, centre[2] / volume};
    }
    // The largest point distance overall, and within each plane: contours whose offsets along
    // the normal lie within a quarter of the plane spacing of each other share a plane.
    std::vector<std::pair<double, std::size_t>> offsets; // offset, contour
    for (std::size_t c = 0; c < measured.size(); ++c) {
        offsets.emplace_back(dot(measured[c].contour->points.front(), normal), c);
    }
    std::sort(offsets.begin(), offsets.end());
    std::vector<int> planeOf(measured.size());
    int plane = 0;
    for (std::size_t n = 0; n < offsets.size(); ++n) {
        if (n > 0 && offsets[n].first - offsets[n - 1].first >= 0.25 * planeSpacingMm) {
            ++plane;
        }
        planeOf[offsets[n].second] = plane;
    }
    struct PlanePoint {
        const Vec3* point;
        int plane;
    };
    std::vector<PlanePoint> points;
    for (std::size_t c = 0; c < measured.size(); ++c) {
        for (const Vec3& point : measured[c].contour->points) {
            points.push_back({&point, planeOf[c]});
        }
    }
    double largestSquared = 0.0;
    double largestInPlaneSquared = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            const Vec3& a = *points[i].point;
            const Vec3& b = *points[j].point;
            const Vec3 d{a[0] - b[0], a[1] - b[1], a[2] - b[2]};
            const double squared = dot(d, d);
            largestSquared = std::max(largestSquared, squared);
            if (points[i].plane == points[j].plane) {
                largestInPlaneSquared = std::max(largestInPlaneSquared, squared);
            }
        }
    }
    figures.maxDiameterMm = std::sqrt(largestSquared);
    if (dropAxis == 2) { // planes whose normal is closest to the head-foot axis: axial
        figures.axialDiameterMm = std::sqrt(largestInPlaneSquared);
    }
    return figures;
}

std::string lesionRoiName(int number, const std::string& prefix) {
    return prefix + (number >= 0 && number < 10 ? "0" : "") + std::to_string(number);
}

StructureSet labelMapToStructureSet(const LabelMap& labels,
                                    const LabelsToStructuresOptions& options,
                                    ProgressSink* progress) {
    const ImageGeometry& geometry = labels.geometry();
    geometry.validate();
    // One pass finds every label and its bounding box.
    std::map<std::uint16_t, IndexBox> boxes;
    IndexBox unionBox;
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const std::uint16_t label = labels.at(i, j, k);
                if (label != 0) {
                    boxes[label].include(i, j, k);
                    unionBox.include(i, j, k);
                }
            }
        }
    }
    NullProgressSink silent;
    ProgressScope scope(progress ? *progress : silent, "label map to contours");
    const bool withUnion = !options.unionRoiName.empty() && !boxes.empty();
    const double span = 1.0 / static_cast<double>(boxes.size() + (withUnion ? 1 : 0));
    StructureSet set;
    for (const auto& [label, box] : boxes) {
        StructureRoi roi;
        roi.number = label;
        roi.name = lesionRoiName(label, options.roiNamePrefix);
        roi.colour = lesionColour(label);
        roi.interpretedType = options.interpretedType;
        roi.generationAlgorithm = options.generationAlgorithm;
        roi.contours = extractContoursInBox(labels, label, box, options.contour, scope,
                                            static_cast<double>(set.rois.size()) * span, span);
        set.rois.push_back(std::move(roi));
    }
    if (withUnion) {
        StructureRoi roi;
        roi.number = boxes.rbegin()->first + 1;
        roi.name = options.unionRoiName;
        roi.colour = {255, 255, 0};
        roi.interpretedType = options.interpretedType;
        roi.generationAlgorithm = options.generationAlgorithm;
        roi.contours =
            extractContoursInBox(labels, 0, unionBox, options.contour, scope, 1.0 - span, span);
        set.rois.push_back(std::move(roi));
    }
    return set;
}

LabelMap structureSetToLabelMap(const StructureSet& set, const ImageGeometry& geometry,
                                RoiLabelling labelling, ProgressSink* progress) {
    if (labelling == RoiLabelling::PerRoi && set.rois.size() > 65535) {
        throw std::invalid_argument("structure set has more ROIs than a label map can hold");
    }
    NullProgressSink silent;
    ProgressScope scope(progress ? *progress : silent, "rasterising contours");
    LabelMap labels(geometry, 0);
    for (std::size_t n = 0; n < set.rois.size(); ++n) {
        scope.step(static_cast<double>(n) / static_cast<double>(set.rois.size()), set.rois[n].name);
        const auto value =
            labelling == RoiLabelling::Union ? std::uint16_t{1} : static_cast<std::uint16_t>(n + 1);
        try {
            rasteriseContours(set.rois[n].contours, labels, value);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("ROI " + std::to_string(set.rois[n].number) + " '" +
                                        set.rois[n].name + "': " + e.what());
        }
    }
    return labels;
}

} // namespace metis
