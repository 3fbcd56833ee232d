#include "metis/viewer/MprGeometry.h"

#include "metis/core/Resample.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace metis::viewer {

namespace {

Vec3 add(const Vec3& a, const Vec3& b) {
    return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
Vec3 subtract(const Vec3& a, const Vec3& b) {
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
Vec3 scaled(const Vec3& a, double s) {
    return {a[0] * s, a[1] * s, a[2] * s};
}

/// Patient mm -> continuous index as an affine map: index = indexPerMm * (point - origin).
Mat3 indexPerMm(const ImageGeometry& geometry) {
    Mat3 scaledDirection = geometry.direction;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            scaledDirection[r][c] *= geometry.spacing[c];
        }
    }
    return inverse(scaledDirection);
}

Vec3 directionColumn(const ImageGeometry& geometry, int axis) {
    return {geometry.direction[0][axis], geometry.direction[1][axis], geometry.direction[2][axis]};
}

/// The only non-zero component of an index-space step, or -1 when it has several.
int onlyAxis(const Vec3& step) {
    int axis = -1;
    for (int n = 0; n < 3; ++n) {
        if (std::abs(step[n]) > 1e-9) {
            if (axis >= 0) {
                return -1;
            }
            axis = n;
        }
    }
    return axis;
}

/// Index axis most parallel to `direction`.
int closestAxis(const ImageGeometry& geometry, const Vec3& direction) {
    int best = 0;
    double bestCosine = -1.0;
    for (int axis = 0; axis < 3; ++axis) {
        const double cosine = std::abs(dot(directionColumn(geometry, axis), direction));
        if (cosine > bestCosine) {
            bestCosine = cosine;
            best = axis;
        }
    }
    return best;
}

} // namespace

const char* orientationName(ViewOrientation orientation) {
    switch (orientation) {
    case ViewOrientation::Axial:
        return "Axial";
    case ViewOrientation::Coronal:
        return "Coronal";
    case ViewOrientation::Sagittal:
        return "Sagittal";
    }
    return "";
}

ViewAxes viewAxes(ViewOrientation orientation) {
    // LPS: +x patient left, +y posterior, +z superior.
    ViewAxes axes;
    switch (orientation) {
    case ViewOrientation::Axial:
        axes.right = {1, 0, 0};
        axes.down = {0, 1, 0};
        break;
    case ViewOrientation::Coronal:
        axes.right = {1, 0, 0};
        axes.down = {0, 0, -1};
        break;
    case ViewOrientation::Sagittal:
        axes.right = {0, 1, 0};
        axes.down = {0, 0, -1};
        break;
    }
    axes.normal = cross(axes.right, axes.down);
    return axes;
}

std::string directionLetters(const Vec3& direction, double secondaryThreshold) {
    static const char positive[3] = {'L', 'P', 'S'};
    static const char negative[3] = {'R', 'A', 'I'};
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return std::abs(direction[a]) > std::abs(direction[b]); });
    std::string letters;
    for (int rank = 0; rank < 3; ++rank) {
        const int axis = order[rank];
        const double component = direction[axis];
        if (rank > 0 && std::abs(component) < secondaryThreshold) {
            break;
        }
        letters += component >= 0 ? positive[axis] : negative[axis];
        if (rank == 1) {
            break;
        }
    }
    return letters;
}

OrientationLetters orientationLetters(const ViewAxes& axes) {
    return {directionLetters(scaled(axes.right, -1)), directionLetters(axes.right),
            directionLetters(scaled(axes.down, -1)), directionLetters(axes.down)};
}

Vec3 SliceGeometry::pixelToPatient(const Vec2& pixel) const {
    return add(originMm, add(scaled(axes.right, pixel[0] * spacingMm),
                             scaled(axes.down, pixel[1] * spacingMm)));
}

Vec2 SliceGeometry::patientToPixel(const Vec3& point) const {
    const Vec3 offset = subtract(point, originMm);
    return {dot(offset, axes.right) / spacingMm, dot(offset, axes.down) / spacingMm};
}

SliceGeometry sliceGeometryFor(const ImageGeometry& reference, ViewOrientation orientation,
                               const Vec3& cursorMm, int maxPixels) {
    reference.validate();
    SliceGeometry slice;
    slice.axes = viewAxes(orientation);

    // Extent of the voxel corners (not centres) projected onto the screen axes.
    double minRight = std::numeric_limits<double>::max();
    double maxRight = std::numeric_limits<double>::lowest();
    double minDown = minRight;
    double maxDown = maxRight;
    for (int corner = 0; corner < 8; ++corner) {
        Vec3 index;
        for (int axis = 0; axis < 3; ++axis) {
            index[axis] =
                (corner >> axis & 1) ? static_cast<double>(reference.size[axis]) - 0.5 : -0.5;
        }
        const Vec3 point = reference.indexToPatient(index);
        minRight = std::min(minRight, dot(point, slice.axes.right));
        maxRight = std::max(maxRight, dot(point, slice.axes.right));
        minDown = std::min(minDown, dot(point, slice.axes.down));
        maxDown = std::max(maxDown, dot(point, slice.axes.down));
    }
    const double extentRight = maxRight - minRight;
    const double extentDown = maxDown - minDown;
    double spacing = *std::min_element(reference.spacing.begin(), reference.spacing.end());
    spacing = std::max({spacing, extentRight / maxPixels, extentDown / maxPixels});
    // The tolerance keeps an exact multiple of the spacing from gaining a spurious pixel.
    slice.width = std::max(1, static_cast<int>(std::ceil(extentRight / spacing - 1e-6)));
    slice.height = std::max(1, static_cast<int>(std::ceil(extentDown / spacing - 1e-6)));
    slice.spacingMm = spacing;
    // Centre the pixel grid on the extent so both borders lose or gain the same fraction.
    const double startRight = (minRight + maxRight - (slice.width - 1) * spacing) / 2.0;
    const double startDown = (minDown + maxDown - (slice.height - 1) * spacing) / 2.0;
    slice.originMm =
        add(add(scaled(slice.axes.right, startRight), scaled(slice.axes.down, startDown)),
            scaled(slice.axes.normal, dot(cursorMm, slice.axes.normal)));
    return slice;
}

Vec3 scrollCursor(const ImageGeometry& reference, ViewOrientation orientation, const Vec3& cursorMm,
                  int steps) {
    const ViewAxes axes = viewAxes(orientation);
    const int axis = closestAxis(reference, axes.normal);
    const double sign = dot(directionColumn(reference, axis), axes.normal) >= 0 ? 1.0 : -1.0;
    Vec3 index = reference.patientToIndex(cursorMm);
    const double target = std::round(index[axis]) + sign * steps;
    index[axis] = std::clamp(target, 0.0, static_cast<double>(reference.size[axis] - 1));
    // Move along the view normal only, so the in-plane cursor (and the other views) stay put.
    const double along = dot(subtract(reference.indexToPatient(index), cursorMm), axes.normal);
    return add(cursorMm, scaled(axes.normal, along));
}

SliceData<float> resliceImage(const ImageVolume& volume, const SliceGeometry& slice) {
    SliceData<float> out;
    resliceImage(volume, slice, out);
    return out;
}

void resliceImage(const ImageVolume& volume, const SliceGeometry& slice, SliceData<float>& out) {
    const ImageGeometry& geometry = volume.geometry();
    const Mat3 toIndex = indexPerMm(geometry);
    const Vec3 start = multiply(toIndex, subtract(slice.originMm, geometry.origin));
    const Vec3 stepU = multiply(toIndex, scaled(slice.axes.right, slice.spacingMm));
    const Vec3 stepV = multiply(toIndex, scaled(slice.axes.down, slice.spacingMm));
    const std::int64_t nx = geometry.size[0];
    const std::int64_t ny = geometry.size[1];
    const float* data = volume.data().data();

    out.geometry = slice;
    out.values.assign(static_cast<std::size_t>(slice.width) * slice.height,
                      std::numeric_limits<float>::quiet_NaN());
    // Linear weights for one axis; positions within half a voxel of the border clamp to it.
    auto weights = [](double x, std::int64_t n, std::int64_t& i0, std::int64_t& step, double& f) {
        if (x <= 0.0) {
            i0 = 0;
            step = 0;
            f = 0.0;
        } else if (x >= static_cast<double>(n - 1)) {
            i0 = n - 1;
            step = 0;
            f = 0.0;
        } else {
            i0 = static_cast<std::int64_t>(x);
            step = 1;
            f = x - static_cast<double>(i0);
        }
    };
    // Axis-aligned views (each screen axis runs along one index axis: every non-oblique
    // acquisition, whatever its orientation) precompute the taps of each column and row once:
    // no per-pixel index arithmetic or bounds tests, and one plane when the slice lies on voxel
    // centres.
    const int axisU = onlyAxis(stepU);
    const int axisV = onlyAxis(stepV);
    if (axisU >= 0 && axisV >= 0 && axisU != axisV) {
        const int axisN = 3 - axisU - axisV;
        const std::array<std::ptrdiff_t, 3> strides{1, static_cast<std::ptrdiff_t>(nx),
                                                    static_cast<std::ptrdiff_t>(nx * ny)};
        struct Tap {
            std::ptrdiff_t offset = 0; ///< of the lower voxel
            std::ptrdiff_t next = 0;   ///< to the upper voxel (0 at the border)
            double weight = 0.0;       ///< of the upper voxel
            bool inside = false;
        };
        auto tap = [&](double x, int axis) {
            Tap t;
            const std::int64_t n = geometry.size[axis];
            if (x < -0.5 || x > static_cast<double>(n) - 0.5) {
                return t;
            }
            std::int64_t i0, step;
            weights(x, n, i0, step, t.weight);
            t.offset = static_cast<std::ptrdiff_t>(i0) * strides[axis];
            t.next = static_cast<std::ptrdiff_t>(step) * strides[axis];
            t.inside = true;
            return t;
        };
        const Tap plane = tap(start[axisN], axisN);
        if (!plane.inside) {
            return;
        }
        std::vector<Tap> columns(static_cast<std::size_t>(slice.width));
        for (int u = 0; u < slice.width; ++u) {
            columns[u] = tap(start[axisU] + u * stepU[axisU], axisU);
        }
        const bool onePlane = plane.next == 0 || plane.weight == 0.0;
        bool columnsOnVoxels = true;
        for (const Tap& column : columns) {
            columnsOnVoxels = columnsOnVoxels && column.weight == 0.0;
        }
        for (int v = 0; v < slice.height; ++v) {
            const Tap row = tap(start[axisV] + v * stepV[axisV], axisV);
            if (!row.inside) {
                continue;
            }
            const float* base = data + plane.offset + row.offset;
            float* outRow = out.values.data() + static_cast<std::size_t>(v) * slice.width;
            if (onePlane && columnsOnVoxels && row.weight == 0.0) {
                // The in-plane view of the acquisition: every pixel is a voxel.
                for (int u = 0; u < slice.width; ++u) {
                    if (columns[u].inside) {
                        outRow[u] = base[columns[u].offset];
                    }
                }
                continue;
            }
            for (int u = 0; u < slice.width; ++u) {
                const Tap& column = columns[u];
                if (!column.inside) {
                    continue;
                }
                auto bilinear = [&](const float* p) {
                    const double lower = p[0] + column.weight * (p[column.next] - p[0]);
                    const float* q = p + row.next;
                    const double upper = q[0] + column.weight * (q[column.next] - q[0]);
                    return lower + row.weight * (upper - lower);
                };
                const float* p = base + column.offset;
                double value = bilinear(p);
                if (!onePlane) {
                    value += plane.weight * (bilinear(p + plane.next) - value);
                }
                outRow[u] = static_cast<float>(value);
            }
        }
        return;
    }

    for (int v = 0; v < slice.height; ++v) {
        Vec3 c = add(start, scaled(stepV, v));
        float* row = out.values.data() + static_cast<std::size_t>(v) * slice.width;
        for (int u = 0; u < slice.width; ++u, c = add(c, stepU)) {
            if (withinGridExtent(c, geometry.size)) {
                row[u] = static_cast<float>(interpolateLinear(volume, c));
            }
        }
    }
    return;
}

SliceData<std::uint16_t> resliceLabels(const LabelMap& labels, const SliceGeometry& slice) {
    const ImageGeometry& geometry = labels.geometry();
    const Mat3 toIndex = indexPerMm(geometry);
    // +0.5 turns truncation of a non-negative coordinate into rounding to the nearest voxel.
    const Vec3 start =
        add(multiply(toIndex, subtract(slice.originMm, geometry.origin)), {0.5, 0.5, 0.5});
    const Vec3 stepU = multiply(toIndex, scaled(slice.axes.right, slice.spacingMm));
    const Vec3 stepV = multiply(toIndex, scaled(slice.axes.down, slice.spacingMm));
    const double nx = static_cast<double>(geometry.size[0]);
    const double ny = static_cast<double>(geometry.size[1]);
    const double nz = static_cast<double>(geometry.size[2]);
    const std::uint16_t* data = labels.data().data();

    SliceData<std::uint16_t> out;
    out.geometry = slice;
    out.values.assign(static_cast<std::size_t>(slice.width) * slice.height, 0);
    for (int v = 0; v < slice.height; ++v) {
        Vec3 c = add(start, scaled(stepV, v));
        std::uint16_t* row = out.values.data() + static_cast<std::size_t>(v) * slice.width;
        for (int u = 0; u < slice.width; ++u, c = add(c, stepU)) {
            if (c[0] < 0.0 || c[1] < 0.0 || c[2] < 0.0 || c[0] >= nx || c[1] >= ny || c[2] >= nz) {
                continue;
            }
            row[u] = data[geometry.linearIndex(static_cast<std::int64_t>(c[0]),
                                               static_cast<std::int64_t>(c[1]),
                                               static_cast<std::int64_t>(c[2]))];
        }
    }
    return out;
}

ViewTransform::ViewTransform(const SliceGeometry& slice, const SliceViewState& state,
                             double viewportWidth, double viewportHeight)
    : slice_(slice) {
    const double fit = std::min(viewportWidth / slice.width, viewportHeight / slice.height);
    scale_ = fit * std::max(state.zoom, 1e-3);
    const double pixelsPerMm = scale_ / slice.spacingMm;
    const double centreX = viewportWidth / 2.0 + state.panMm[0] * pixelsPerMm;
    const double centreY = viewportHeight / 2.0 + state.panMm[1] * pixelsPerMm;
    offset_ = {centreX - slice.width / 2.0 * scale_, centreY - slice.height / 2.0 * scale_};
}

Vec2 ViewTransform::sliceToScreen(const Vec2& pixel) const {
    return {offset_[0] + (pixel[0] + 0.5) * scale_, offset_[1] + (pixel[1] + 0.5) * scale_};
}

Vec2 ViewTransform::screenToSlice(const Vec2& screen) const {
    return {(screen[0] - offset_[0]) / scale_ - 0.5, (screen[1] - offset_[1]) / scale_ - 0.5};
}

Vec2 ViewTransform::patientToScreen(const Vec3& point) const {
    return sliceToScreen(slice_.patientToPixel(point));
}

Vec3 ViewTransform::screenToPatient(const Vec2& screen) const {
    return slice_.pixelToPatient(screenToSlice(screen));
}

std::array<double, 4> ViewTransform::imageRect() const {
    return {offset_[0], offset_[1], slice_.width * scale_, slice_.height * scale_};
}

double scaleBarLengthMm(double screenPixelsPerMm, double maxScreenPixels) {
    if (screenPixelsPerMm <= 0.0 || maxScreenPixels <= 0.0) {
        return 0.0;
    }
    const double maxMm = maxScreenPixels / screenPixelsPerMm;
    double power = std::pow(10.0, std::floor(std::log10(maxMm)));
    for (const double factor : {5.0, 2.0, 1.0}) {
        if (factor * power <= maxMm) {
            return factor * power;
        }
    }
    return power / 2.0;
}

CursorReadout readoutAt(const ImageVolume& volume, const Vec3& pointMm) {
    CursorReadout readout;
    readout.patientMm = pointMm;
    const Vec3 index = volume.geometry().patientToIndex(pointMm);
    for (int axis = 0; axis < 3; ++axis) {
        readout.voxelIndex[axis] = static_cast<std::int64_t>(std::llround(index[axis]));
    }
    readout.insideVolume = volume.geometry().containsIndex(
        readout.voxelIndex[0], readout.voxelIndex[1], readout.voxelIndex[2]);
    if (readout.insideVolume) {
        readout.value =
            volume.at(readout.voxelIndex[0], readout.voxelIndex[1], readout.voxelIndex[2]);
    }
    return readout;
}

std::vector<WindowLevelPreset> t1ContrastPresets(const ImageVolume& volume) {
    // A strided sample is plenty for percentiles and keeps this instant on 512 x 512 x 300.
    const std::vector<float>& data = volume.data();
    const std::size_t stride = std::max<std::size_t>(1, data.size() / 200000);
    std::vector<float> sample;
    sample.reserve(data.size() / stride + 1);
    for (std::size_t n = 0; n < data.size(); n += stride) {
        if (data[n] != 0.0f && std::isfinite(data[n])) {
            sample.push_back(data[n]);
        }
    }
    if (sample.empty()) {
        return {{"Default", {1.0, 0.5}}};
    }
    std::sort(sample.begin(), sample.end());
    auto percentile = [&](double p) {
        return static_cast<double>(sample[static_cast<std::size_t>(p * (sample.size() - 1))]);
    };
    auto range = [](double low, double high) {
        const double width = std::max(high - low, 1e-6);
        return WindowLevel{width, low + width / 2.0};
    };
    return {
        {"Brain", range(percentile(0.01), percentile(0.99))},
        // Grey and white matter dimmed so enhancing rims and nodules stand out.
        {"Enhancement", range(percentile(0.50), percentile(0.998))},
        {"Full range", range(sample.front(), sample.back())},
    };
}

} // namespace metis::viewer
