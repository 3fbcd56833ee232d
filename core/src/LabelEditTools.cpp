#include "metis/core/LabelEditTools.h"

#include "BorderFlood.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/core/SegmentationMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace metis {

namespace {

Vec3 directionColumn(const ImageGeometry& g, int axis) {
    return {g.direction[0][axis], g.direction[1][axis], g.direction[2][axis]};
}

Vec3 unit(const Vec3& v) {
    const double length = norm(v);
    if (length <= 0.0) {
        throw std::invalid_argument("label editing: a zero direction");
    }
    return {v[0] / length, v[1] / length, v[2] / length};
}

Vec3 operator-(const Vec3& a, const Vec3& b) {
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
Vec3 operator+(const Vec3& a, const Vec3& b) {
    return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
Vec3 operator*(double s, const Vec3& v) {
    return {s * v[0], s * v[1], s * v[2]};
}

/// Distance from p to the segment [a, b].
double distanceToSegment(const Vec3& p, const Vec3& a, const Vec3& b) {
    const Vec3 ab = b - a;
    const double lengthSquared = dot(ab, ab);
    double t = lengthSquared > 0.0 ? dot(p - a, ab) / lengthSquared : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return norm(p - (a + t * ab));
}

struct IndexBox {
    Size3 lo{0, 0, 0};
    Size3 hi{-1, -1, -1}; ///< inclusive
    bool empty() const { return hi[0] < lo[0] || hi[1] < lo[1] || hi[2] < lo[2]; }
};

/// The index box (clipped to the grid) holding every voxel centre of the patient-space box
/// [lowMm, highMm].
IndexBox indexBoxOf(const ImageGeometry& g, const Vec3& lowMm, const Vec3& highMm) {
    IndexBox box;
    box.lo = {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max(),
              std::numeric_limits<std::int64_t>::max()};
    box.hi = {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::min(),
              std::numeric_limits<std::int64_t>::min()};
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 point{(corner & 1) ? highMm[0] : lowMm[0], (corner & 2) ? highMm[1] : lowMm[1],
                         (corner & 4) ? highMm[2] : lowMm[2]};
        const Vec3 index = g.patientToIndex(point);
        for (int axis = 0; axis < 3; ++axis) {
            box.lo[axis] =
                std::min(box.lo[axis], static_cast<std::int64_t>(std::floor(index[axis])));
            box.hi[axis] =
                std::max(box.hi[axis], static_cast<std::int64_t>(std::ceil(index[axis])));
        }
    }
    for (int axis = 0; axis < 3; ++axis) {
        box.lo[axis] = std::max<std::int64_t>(box.lo[axis], 0);
        box.hi[axis] = std::min<std::int64_t>(box.hi[axis], g.size[axis] - 1);
    }
    return box;
}

/// Visits every voxel of the box with its linear index and patient position, stepping the
/// position instead of multiplying a matrix per voxel.
template <typename Visit>
void forEachVoxelInBox(const ImageGeometry& g, const IndexBox& box, Visit&& visit) {
    if (box.empty()) {
        return;
    }
    Vec3 step[3];
    for (int axis = 0; axis < 3; ++axis) {
        step[axis] = g.spacing[axis] * directionColumn(g, axis);
    }
    for (std::int64_t k = box.lo[2]; k <= box.hi[2]; ++k) {
        for (std::int64_t j = box.lo[1]; j <= box.hi[1]; ++j) {
            Vec3 p = g.indexToPatient(
                {static_cast<double>(box.lo[0]), static_cast<double>(j), static_cast<double>(k)});
            std::size_t index = g.linearIndex(box.lo[0], j, k);
            for (std::int64_t i = box.lo[0]; i <= box.hi[0]; ++i, ++index) {
                visit(index, p);
                p = p + step[0];
            }
        }
    }
}

/// Whether a voxel centre at signed distance `offset` from the edit plane lies in its slice.
bool inSlab(double offset, double halfThickness) {
    constexpr double tolerance = 1e-6;
    return offset >= -halfThickness - tolerance && offset < halfThickness - tolerance;
}

/// Index arithmetic for the 2D slices of a volume along one index axis: slice s, in-slice
/// coordinates (u, v) along the other two axes in increasing order.
class SliceIndexer {
public:
    SliceIndexer(const ImageGeometry& g, int axis) : g_(g), axis_(axis) {
        if (axis < 0 || axis > 2) {
            throw std::invalid_argument("label editing: slice axis must be 0, 1 or 2");
        }
        u_ = axis == 0 ? 1 : 0;
        v_ = axis == 2 ? 1 : 2;
    }
    std::int64_t slices() const { return g_.size[axis_]; }
    std::int64_t width() const { return g_.size[u_]; }
    std::int64_t height() const { return g_.size[v_]; }
    double spacingU() const { return g_.spacing[u_]; }
    double spacingV() const { return g_.spacing[v_]; }
    std::size_t linear(std::int64_t s, std::int64_t u, std::int64_t v) const {
        Size3 index{0, 0, 0};
        index[axis_] = s;
        index[u_] = u;
        index[v_] = v;
        return g_.linearIndex(index[0], index[1], index[2]);
    }

private:
    const ImageGeometry& g_;
    int axis_;
    int u_ = 0;
    int v_ = 0;
};

/// Bounding boxes of every label value in use.
std::map<std::uint16_t, IndexBox> labelBoxes(const LabelMap& mask) {
    std::map<std::uint16_t, IndexBox> boxes;
    const ImageGeometry& g = mask.geometry();
    std::size_t index = 0;
    for (std::int64_t k = 0; k < g.size[2]; ++k) {
        for (std::int64_t j = 0; j < g.size[1]; ++j) {
            for (std::int64_t i = 0; i < g.size[0]; ++i, ++index) {
                const std::uint16_t value = mask.data()[index];
                if (value == 0) {
                    continue;
                }
                auto [it, inserted] = boxes.try_emplace(value);
                IndexBox& box = it->second;
                if (inserted) {
                    box.lo = {i, j, k};
                    box.hi = {i, j, k};
                    continue;
                }
                const Size3 at{i, j, k};
                for (int axis = 0; axis < 3; ++axis) {
                    box.lo[axis] = std::min(box.lo[axis], at[axis]);
                    box.hi[axis] = std::max(box.hi[axis], at[axis]);
                }
            }
        }
    }
    return boxes;
}

IndexBox grown(const IndexBox& box, std::int64_t margin, const Size3& size) {
    IndexBox out;
    for (int axis = 0; axis < 3; ++axis) {
        out.lo[axis] = std::max<std::int64_t>(box.lo[axis] - margin, 0);
        out.hi[axis] = std::min<std::int64_t>(box.hi[axis] + margin, size[axis] - 1);
    }
    return out;
}

/// A binary crop of one label: its box's voxels, 1 where the label is.
struct Crop {
    IndexBox box;
    Size3 size{0, 0, 0};
    std::vector<std::uint8_t> inside;
    std::size_t local(std::int64_t i, std::int64_t j, std::int64_t k) const {
        return static_cast<std::size_t>(i + size[0] * (j + size[1] * k));
    }
};

Crop cropOf(const LabelMap& mask, std::uint16_t label, const IndexBox& box) {
    Crop crop;
    crop.box = box;
    for (int axis = 0; axis < 3; ++axis) {
        crop.size[axis] = box.hi[axis] - box.lo[axis] + 1;
    }
    crop.inside.assign(static_cast<std::size_t>(crop.size[0] * crop.size[1] * crop.size[2]), 0);
    for (std::int64_t k = 0; k < crop.size[2]; ++k) {
        for (std::int64_t j = 0; j < crop.size[1]; ++j) {
            for (std::int64_t i = 0; i < crop.size[0]; ++i) {
                crop.inside[crop.local(i, j, k)] =
                    mask.at(box.lo[0] + i, box.lo[1] + j, box.lo[2] + k) == label ? 1 : 0;
            }
        }
    }
    return crop;
}

/// Puts a voxel in lesion `label` (background becomes the lesion) or out of it (the lesion's
/// voxel becomes background); a voxel of another lesion is left alone. Returns 1 when it changed.
std::size_t setMembership(LabelEditor& editor, std::size_t index, std::uint16_t label,
                          bool inside) {
    const std::uint16_t current = editor.value(index);
    if (inside && current == 0) {
        editor.set(index, label);
        return 1;
    }
    if (!inside && current == label) {
        editor.set(index, 0);
        return 1;
    }
    return 0;
}

/// Writes a crop back: voxels set in `result` become `label` where they hold background or
/// the label; voxels of the label not set in it become background. Returns voxels changed.
std::size_t writeCrop(LabelEditor& editor, std::uint16_t label, const Crop& crop,
                      const std::vector<std::uint8_t>& result) {
    const ImageGeometry& g = editor.geometry();
    std::size_t changed = 0;
    for (std::int64_t k = 0; k < crop.size[2]; ++k) {
        for (std::int64_t j = 0; j < crop.size[1]; ++j) {
            for (std::int64_t i = 0; i < crop.size[0]; ++i) {
                const std::size_t index =
                    g.linearIndex(crop.box.lo[0] + i, crop.box.lo[1] + j, crop.box.lo[2] + k);
                changed += setMembership(editor, index, label, result[crop.local(i, j, k)] != 0);
            }
        }
    }
    return changed;
}

/// 3 x 3 x 3 neighbourhood operations on a crop; voxels outside the crop count as outside.
std::vector<std::uint8_t> morphology(const Crop& crop, const std::vector<std::uint8_t>& in,
                                     SmoothingMethod method, bool dilate) {
    std::vector<std::uint8_t> out(in.size(), 0);
    const Size3& n = crop.size;
    auto at = [&](std::int64_t i, std::int64_t j, std::int64_t k) -> int {
        if (i < 0 || j < 0 || k < 0 || i >= n[0] || j >= n[1] || k >= n[2]) {
            return 0;
        }
        return in[crop.local(i, j, k)];
    };
    for (std::int64_t k = 0; k < n[2]; ++k) {
        for (std::int64_t j = 0; j < n[1]; ++j) {
            for (std::int64_t i = 0; i < n[0]; ++i) {
                int value = 0;
                if (method == SmoothingMethod::Median) {
                    int count = 0;
                    for (int dk = -1; dk <= 1; ++dk) {
                        for (int dj = -1; dj <= 1; ++dj) {
                            for (int di = -1; di <= 1; ++di) {
                                count += at(i + di, j + dj, k + dk);
                            }
                        }
                    }
                    value = count >= 14 ? 1 : 0;
                } else {
                    const int face = at(i - 1, j, k) + at(i + 1, j, k) + at(i, j - 1, k) +
                                     at(i, j + 1, k) + at(i, j, k - 1) + at(i, j, k + 1);
                    const int self = at(i, j, k);
                    value = dilate ? ((self + face) > 0 ? 1 : 0) : ((self + face) == 7 ? 1 : 0);
                }
                out[crop.local(i, j, k)] = static_cast<std::uint8_t>(value);
            }
        }
    }
    return out;
}

/// Euclidean distance (mm) from every pixel to the nearest pixel where `feature` is set
/// (+infinity when none is).
std::vector<double> distanceToFeature(const std::vector<std::uint8_t>& feature, std::int64_t width,
                                      std::int64_t height, double spacingU, double spacingV) {
    const std::vector<float> squared = squaredDistanceTransform(feature, Size3{width, height, 1},
                                                                Vec3{spacingU, spacingV, 1.0}, 1);
    std::vector<double> distance(squared.size());
    for (std::size_t p = 0; p < squared.size(); ++p) {
        distance[p] = std::sqrt(static_cast<double>(squared[p]));
    }
    return distance;
}

/// Signed distance (mm) of a slice's lesion: negative inside, positive outside.
std::vector<double> signedDistance(const LabelMap& mask, const SliceIndexer& slices,
                                   std::int64_t slice, std::uint16_t label) {
    const std::int64_t width = slices.width();
    const std::int64_t height = slices.height();
    std::vector<std::uint8_t> inside(static_cast<std::size_t>(width * height));
    for (std::int64_t v = 0; v < height; ++v) {
        for (std::int64_t u = 0; u < width; ++u) {
            inside[static_cast<std::size_t>(v * width + u)] =
                mask.data()[slices.linear(slice, u, v)] == label ? 1 : 0;
        }
    }
    std::vector<std::uint8_t> outside(inside.size());
    for (std::size_t p = 0; p < inside.size(); ++p) {
        outside[p] = inside[p] ? 0 : 1;
    }
    const std::vector<double> toInside =
        distanceToFeature(inside, width, height, slices.spacingU(), slices.spacingV());
    const std::vector<double> toOutside =
        distanceToFeature(outside, width, height, slices.spacingU(), slices.spacingV());
    std::vector<double> distance(inside.size());
    for (std::size_t p = 0; p < inside.size(); ++p) {
        distance[p] = toInside[p] - toOutside[p];
    }
    return distance;
}

void requireLabel(std::uint16_t label) {
    if (label == 0) {
        throw std::invalid_argument("label editing: lesion label 0 is the background");
    }
}

} // namespace

double voxelThicknessAlong(const ImageGeometry& geometry, const Vec3& direction) {
    const Vec3 n = unit(direction);
    double thickness = 0.0;
    for (int axis = 0; axis < 3; ++axis) {
        thickness += std::abs(dot(n, directionColumn(geometry, axis))) * geometry.spacing[axis];
    }
    return thickness;
}

int indexAxisClosestTo(const ImageGeometry& geometry, const Vec3& direction) {
    const Vec3 n = unit(direction);
    int best = 0;
    double bestCosine = -1.0;
    for (int axis = 0; axis < 3; ++axis) {
        const double cosine = std::abs(dot(n, directionColumn(geometry, axis)));
        if (cosine > bestCosine) {
            bestCosine = cosine;
            best = axis;
        }
    }
    return best;
}

std::vector<std::size_t> brushVoxels(const ImageGeometry& geometry, const EditPlane& plane,
                                     const Vec3& fromMm, const Vec3& toMm, double diameterMm,
                                     BrushShape shape) {
    if (!(diameterMm > 0.0)) {
        throw std::invalid_argument("brush: the diameter must be positive");
    }
    const double radius = diameterMm / 2.0;
    const Vec3 n = unit(plane.normal());
    const double half = voxelThicknessAlong(geometry, n) / 2.0;
    // In the disc case both ends are moved onto the plane, so a stroke never leaves its slice.
    const Vec3 a = shape == BrushShape::Disc ? fromMm - dot(fromMm - plane.pointMm, n) * n : fromMm;
    const Vec3 b = shape == BrushShape::Disc ? toMm - dot(toMm - plane.pointMm, n) * n : toMm;
    const double reach = shape == BrushShape::Disc ? std::max(radius, half) : radius;
    Vec3 low{}, high{};
    for (int axis = 0; axis < 3; ++axis) {
        low[axis] = std::min(a[axis], b[axis]) - reach;
        high[axis] = std::max(a[axis], b[axis]) + reach;
    }
    std::vector<std::size_t> voxels;
    forEachVoxelInBox(geometry, indexBoxOf(geometry, low, high),
                      [&](std::size_t index, const Vec3& p) {
                          if (shape == BrushShape::Disc) {
                              const double offset = dot(p - plane.pointMm, n);
                              if (!inSlab(offset, half)) {
                                  return;
                              }
                              if (distanceToSegment(p - offset * n, a, b) <= radius) {
                                  voxels.push_back(index);
                              }
                          } else if (distanceToSegment(p, a, b) <= radius) {
                              voxels.push_back(index);
                          }
                      });
    if (voxels.empty()) {
        const Vec3 continuous = geometry.patientToIndex(b);
        const std::int64_t i = std::llround(continuous[0]);
        const std::int64_t j = std::llround(continuous[1]);
        const std::int64_t k = std::llround(continuous[2]);
        if (geometry.containsIndex(i, j, k)) {
            voxels.push_back(geometry.linearIndex(i, j, k));
        }
    }
    return voxels;
}

std::vector<std::size_t> polygonVoxels(const ImageGeometry& geometry, const EditPlane& plane,
                                       const std::vector<Vec3>& polygonMm) {
    std::vector<std::size_t> voxels;
    if (polygonMm.size() < 3) {
        return voxels;
    }
    const Vec3 n = unit(plane.normal());
    const Vec3 right = unit(plane.right);
    const Vec3 down = unit(plane.down);
    const double half = voxelThicknessAlong(geometry, n) / 2.0;
    std::vector<std::array<double, 2>> polygon;
    polygon.reserve(polygonMm.size());
    Vec3 low{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::max()};
    Vec3 high{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest(),
              std::numeric_limits<double>::lowest()};
    for (const Vec3& point : polygonMm) {
        const Vec3 relative = point - plane.pointMm;
        polygon.push_back({dot(relative, right), dot(relative, down)});
        const Vec3 onPlane = point - dot(relative, n) * n;
        for (int axis = 0; axis < 3; ++axis) {
            low[axis] = std::min(low[axis], onPlane[axis] - half);
            high[axis] = std::max(high[axis], onPlane[axis] + half);
        }
    }
    forEachVoxelInBox(
        geometry, indexBoxOf(geometry, low, high), [&](std::size_t index, const Vec3& p) {
            const Vec3 relative = p - plane.pointMm;
            if (!inSlab(dot(relative, n), half)) {
                return;
            }
            const double x = dot(relative, right);
            const double y = dot(relative, down);
            bool inside = false;
            for (std::size_t e = 0, f = polygon.size() - 1; e < polygon.size(); f = e++) {
                const auto& pe = polygon[e];
                const auto& pf = polygon[f];
                if ((pe[1] > y) != (pf[1] > y) &&
                    x < (pf[0] - pe[0]) * (y - pe[1]) / (pf[1] - pe[1]) + pe[0]) {
                    inside = !inside;
                }
            }
            if (inside) {
                voxels.push_back(index);
            }
        });
    return voxels;
}

std::size_t paintVoxels(LabelEditor& editor, const std::vector<std::size_t>& voxels,
                        const PaintRule& rule) {
    if (rule.image != nullptr && rule.image->data().size() != editor.mask().data().size()) {
        throw std::invalid_argument("threshold paint: the image and the label map differ in size");
    }
    std::size_t changed = 0;
    for (const std::size_t index : voxels) {
        const std::uint16_t current = editor.value(index);
        if (current == rule.value) {
            continue;
        }
        if (rule.onlyOver ? current != *rule.onlyOver : (rule.value != 0 && current != 0)) {
            continue;
        }
        if (rule.image != nullptr) {
            const float intensity = rule.image->data()[index];
            if (!(intensity >= rule.low && intensity <= rule.high)) {
                continue;
            }
        }
        editor.set(index, rule.value);
        ++changed;
    }
    return changed;
}

std::size_t fillHoles(LabelEditor& editor, std::uint16_t label, int axis, std::int64_t first,
                      std::int64_t last) {
    requireLabel(label);
    const SliceIndexer slices(editor.geometry(), axis);
    first = std::max<std::int64_t>(first, 0);
    last = std::min<std::int64_t>(last, slices.slices() - 1);
    const std::int64_t width = slices.width();
    const std::int64_t height = slices.height();
    std::size_t filled = 0;
    std::vector<std::uint8_t> reached;
    std::vector<std::size_t> stack;
    for (std::int64_t s = first; s <= last; ++s) {
        // Background is what the slice's border reaches without crossing the lesion.
        detail::markReachableFromBorder(
            width, height,
            [&](std::size_t local) {
                const auto u = static_cast<std::int64_t>(local) % width;
                const auto v = static_cast<std::int64_t>(local) / width;
                return editor.value(slices.linear(s, u, v)) != label;
            },
            reached, stack);
        for (std::int64_t v = 0; v < height; ++v) {
            for (std::int64_t u = 0; u < width; ++u) {
                const std::size_t index = slices.linear(s, u, v);
                if (!reached[static_cast<std::size_t>(v * width + u)] && editor.value(index) == 0) {
                    editor.set(index, label);
                    ++filled;
                }
            }
        }
    }
    return filled;
}

std::size_t removeSmallIslands(LabelEditor& editor, double minVolumeMm3,
                               std::optional<std::uint16_t> label) {
    const ImageGeometry& g = editor.geometry();
    const double voxelMm3 = g.spacing[0] * g.spacing[1] * g.spacing[2];
    std::size_t cleared = 0;
    for (const auto& [value, box] : labelBoxes(editor.mask())) {
        if (label && value != *label) {
            continue;
        }
        const Crop crop = cropOf(editor.mask(), value, box);
        ImageGeometry cropGeometry = g;
        cropGeometry.size = crop.size;
        LabelMap binary(cropGeometry);
        std::copy(crop.inside.begin(), crop.inside.end(), binary.data().begin());
        const ComponentLabeling pieces = labelConnectedComponents(binary, Connectivity::Full26);
        std::vector<std::uint8_t> keep(pieces.components.size() + 1, 1);
        bool anySmall = false;
        for (const ComponentStats& piece : pieces.components) {
            if (static_cast<double>(piece.voxelCount) * voxelMm3 < minVolumeMm3) {
                keep[piece.label] = 0;
                anySmall = true;
            }
        }
        if (!anySmall) {
            continue;
        }
        std::vector<std::uint8_t> result(crop.inside.size());
        for (std::size_t p = 0; p < result.size(); ++p) {
            result[p] = crop.inside[p] && keep[pieces.labels.data()[p]] ? 1 : 0;
        }
        cleared += writeCrop(editor, value, crop, result);
    }
    return cleared;
}

std::size_t smoothLesions(LabelEditor& editor, SmoothingMethod method,
                          std::optional<std::uint16_t> label) {
    std::size_t changed = 0;
    for (const auto& [value, box] : labelBoxes(editor.mask())) {
        if (label && value != *label) {
            continue;
        }
        const Crop crop = cropOf(editor.mask(), value, grown(box, 2, editor.geometry().size));
        std::vector<std::uint8_t> result;
        switch (method) {
        case SmoothingMethod::Median:
            result = morphology(crop, crop.inside, method, false);
            break;
        case SmoothingMethod::Opening:
            result = morphology(crop, morphology(crop, crop.inside, method, false), method, true);
            break;
        case SmoothingMethod::Closing:
            result = morphology(crop, morphology(crop, crop.inside, method, true), method, false);
            break;
        }
        changed += writeCrop(editor, value, crop, result);
    }
    return changed;
}

std::vector<std::int64_t> slicesHolding(const LabelMap& mask, std::uint16_t label, int axis) {
    const SliceIndexer slices(mask.geometry(), axis);
    std::vector<std::uint8_t> holds(static_cast<std::size_t>(slices.slices()), 0);
    const Size3& size = mask.geometry().size;
    std::size_t index = 0;
    for (std::int64_t k = 0; k < size[2]; ++k) {
        for (std::int64_t j = 0; j < size[1]; ++j) {
            for (std::int64_t i = 0; i < size[0]; ++i, ++index) {
                if (mask.data()[index] == label) {
                    const Size3 at{i, j, k};
                    holds[static_cast<std::size_t>(at[axis])] = 1;
                }
            }
        }
    }
    std::vector<std::int64_t> result;
    for (std::int64_t s = 0; s < slices.slices(); ++s) {
        if (holds[static_cast<std::size_t>(s)]) {
            result.push_back(s);
        }
    }
    return result;
}

std::vector<std::pair<std::int64_t, std::int64_t>>
interpolateSlices(LabelEditor& editor, std::uint16_t label, int axis, std::int64_t maxGap) {
    requireLabel(label);
    const SliceIndexer slices(editor.geometry(), axis);
    const std::vector<std::int64_t> holding = slicesHolding(editor.mask(), label, axis);
    std::vector<std::pair<std::int64_t, std::int64_t>> filled;
    for (std::size_t n = 1; n < holding.size(); ++n) {
        const std::int64_t lower = holding[n - 1];
        const std::int64_t upper = holding[n];
        const std::int64_t gap = upper - lower - 1;
        if (gap < 1 || gap > maxGap) {
            continue;
        }
        const std::vector<double> lowerDistance =
            signedDistance(editor.mask(), slices, lower, label);
        const std::vector<double> upperDistance =
            signedDistance(editor.mask(), slices, upper, label);
        for (std::int64_t s = lower + 1; s < upper; ++s) {
            const double t = static_cast<double>(s - lower) / static_cast<double>(upper - lower);
            for (std::int64_t v = 0; v < slices.height(); ++v) {
                for (std::int64_t u = 0; u < slices.width(); ++u) {
                    const std::size_t local = static_cast<std::size_t>(v * slices.width() + u);
                    const double blended =
                        (1.0 - t) * lowerDistance[local] + t * upperDistance[local];
                    const std::size_t index = slices.linear(s, u, v);
                    if (blended < 0.0 && editor.value(index) == 0) {
                        editor.set(index, label);
                    }
                }
            }
        }
        filled.emplace_back(lower + 1, upper - 1);
    }
    return filled;
}

std::size_t copySliceContour(LabelEditor& editor, std::uint16_t label, int axis, std::int64_t from,
                             std::int64_t to) {
    requireLabel(label);
    const SliceIndexer slices(editor.geometry(), axis);
    if (from < 0 || to < 0 || from >= slices.slices() || to >= slices.slices()) {
        throw std::invalid_argument("copy contour: slice outside the label map");
    }
    std::size_t changed = 0;
    for (std::int64_t v = 0; v < slices.height(); ++v) {
        for (std::int64_t u = 0; u < slices.width(); ++u) {
            const bool source = editor.value(slices.linear(from, u, v)) == label;
            changed += setMembership(editor, slices.linear(to, u, v), label, source);
        }
    }
    return changed;
}

std::uint16_t labelNearest(const LabelMap& labels, const Vec3& pointMm) {
    const Vec3 index = labels.geometry().patientToIndex(pointMm);
    const std::int64_t i = std::llround(index[0]);
    const std::int64_t j = std::llround(index[1]);
    const std::int64_t k = std::llround(index[2]);
    return labels.geometry().containsIndex(i, j, k) ? labels.at(i, j, k) : std::uint16_t{0};
}

std::uint16_t nextFreeLabel(const LabelMap& mask) {
    std::uint16_t highest = 0;
    for (const std::uint16_t value : mask.data()) {
        highest = std::max(highest, value);
    }
    if (highest == std::numeric_limits<std::uint16_t>::max()) {
        throw std::runtime_error("label map: every lesion number is in use");
    }
    return static_cast<std::uint16_t>(highest + 1);
}

std::size_t deleteLesion(LabelEditor& editor, std::uint16_t label) {
    requireLabel(label);
    std::size_t cleared = 0;
    const std::size_t count = editor.mask().data().size();
    for (std::size_t index = 0; index < count; ++index) {
        if (editor.value(index) == label) {
            editor.set(index, 0);
            ++cleared;
        }
    }
    return cleared;
}

std::size_t mergeLesions(LabelEditor& editor, std::uint16_t kept, std::uint16_t absorbed) {
    requireLabel(kept);
    requireLabel(absorbed);
    if (kept == absorbed) {
        return 0;
    }
    std::size_t relabelled = 0;
    const std::size_t count = editor.mask().data().size();
    for (std::size_t index = 0; index < count; ++index) {
        if (editor.value(index) == absorbed) {
            editor.set(index, kept);
            ++relabelled;
        }
    }
    return relabelled;
}

std::vector<std::uint16_t> splitLesion(LabelEditor& editor, std::uint16_t label) {
    requireLabel(label);
    const auto boxes = labelBoxes(editor.mask());
    const auto found = boxes.find(label);
    if (found == boxes.end()) {
        return {};
    }
    const Crop crop = cropOf(editor.mask(), label, found->second);
    ImageGeometry cropGeometry = editor.geometry();
    cropGeometry.size = crop.size;
    LabelMap binary(cropGeometry);
    std::copy(crop.inside.begin(), crop.inside.end(), binary.data().begin());
    const ComponentLabeling pieces = labelConnectedComponents(binary, Connectivity::Full26);
    if (pieces.components.size() < 2) {
        return {};
    }
    std::uint16_t largest = 1;
    for (const ComponentStats& piece : pieces.components) {
        if (piece.voxelCount > pieces.components[largest - 1].voxelCount) {
            largest = piece.label;
        }
    }
    std::uint16_t next = nextFreeLabel(editor.mask());
    std::vector<std::uint16_t> newLabels(pieces.components.size() + 1, 0);
    std::vector<std::uint16_t> created;
    for (const ComponentStats& piece : pieces.components) {
        if (piece.label != largest) {
            if (next == 0) {
                throw std::runtime_error("label map: every lesion number is in use");
            }
            newLabels[piece.label] = next;
            created.push_back(next++);
        }
    }
    const ImageGeometry& g = editor.geometry();
    for (std::int64_t k = 0; k < crop.size[2]; ++k) {
        for (std::int64_t j = 0; j < crop.size[1]; ++j) {
            for (std::int64_t i = 0; i < crop.size[0]; ++i) {
                const std::uint16_t piece = pieces.labels.data()[crop.local(i, j, k)];
                if (piece != 0 && newLabels[piece] != 0) {
                    editor.set(
                        g.linearIndex(crop.box.lo[0] + i, crop.box.lo[1] + j, crop.box.lo[2] + k),
                        newLabels[piece]);
                }
            }
        }
    }
    return created;
}

std::optional<std::uint16_t> splitLesionByPlane(LabelEditor& editor, std::uint16_t label,
                                                const Vec3& pointMm, const Vec3& normal) {
    requireLabel(label);
    const Vec3 n = unit(normal);
    const auto boxes = labelBoxes(editor.mask());
    const auto found = boxes.find(label);
    if (found == boxes.end()) {
        return std::nullopt;
    }
    std::vector<std::size_t> ahead;
    std::size_t behind = 0;
    forEachVoxelInBox(editor.geometry(), found->second, [&](std::size_t index, const Vec3& p) {
        if (editor.value(index) != label) {
            return;
        }
        if (dot(p - pointMm, n) > 0.0) {
            ahead.push_back(index);
        } else {
            ++behind;
        }
    });
    if (ahead.empty() || behind == 0) {
        return std::nullopt;
    }
    const std::uint16_t created = nextFreeLabel(editor.mask());
    for (const std::size_t index : ahead) {
        editor.set(index, created);
    }
    return created;
}

std::optional<std::uint16_t> acceptLesion(LabelEditor& editor, const LabelMap& aiLabels,
                                          std::uint16_t aiLabel) {
    requireLabel(aiLabel);
    if (aiLabels.data().size() != editor.mask().data().size()) {
        throw std::invalid_argument(
            "accept lesion: the AI result and the label map differ in size");
    }
    const std::uint16_t created = nextFreeLabel(editor.mask());
    std::size_t added = 0;
    for (std::size_t index = 0; index < aiLabels.data().size(); ++index) {
        if (aiLabels.data()[index] == aiLabel && editor.value(index) == 0) {
            editor.set(index, created);
            ++added;
        }
    }
    return added > 0 ? std::optional<std::uint16_t>(created) : std::nullopt;
}

} // namespace metis
