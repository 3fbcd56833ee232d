#include "metis/viewer/SliceRenderer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace metis::viewer {

namespace {

std::uint8_t blendChannel(std::uint8_t under, double over, double alpha) {
    return static_cast<std::uint8_t>(std::lround(under + alpha * (over - under)));
}

} // namespace

OverlayLayer manualGtvLayer(std::shared_ptr<const LabelMap> labels) {
    OverlayLayer layer;
    layer.name = "Manual GTV";
    layer.labels = std::move(labels);
    layer.colour = {255, 255, 0};
    return layer;
}

OverlayLayer predictedGtvLayer(std::shared_ptr<const LabelMap> labels) {
    OverlayLayer layer;
    layer.name = "Predicted GTV";
    layer.labels = std::move(labels);
    layer.colour = {0, 255, 0};
    layer.dashed = true;
    return layer;
}

RgbaImage windowLevelToRgba(const SliceData<float>& slice, const WindowLevel& windowLevel) {
    RgbaImage image;
    windowLevelToRgba(slice, windowLevel, image);
    return image;
}

void windowLevelToRgba(const SliceData<float>& slice, const WindowLevel& windowLevel,
                       RgbaImage& image) {
    image.width = slice.geometry.width;
    image.height = slice.geometry.height;
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height * 4);
    const double width = std::max(windowLevel.window, 1e-9);
    const double low = windowLevel.level - width / 2.0;
    const double gain = 255.0 / width;
    std::uint8_t* out = image.pixels.data();
    for (const float value : slice.values) {
        std::uint8_t grey = 0;
        if (!std::isnan(value)) {
            grey = static_cast<std::uint8_t>(std::clamp((value - low) * gain + 0.5, 0.0, 255.0));
        }
        out[0] = grey;
        out[1] = grey;
        out[2] = grey;
        out[3] = 255;
        out += 4;
    }
}

void blendFill(RgbaImage& image, const SliceData<std::uint16_t>& labels, const RgbColour& colour,
               double opacity, int offsetU, int offsetV) {
    const double alpha = std::clamp(opacity, 0.0, 1.0);
    for (int v = 0; v < labels.geometry.height; ++v) {
        for (int u = 0; u < labels.geometry.width; ++u) {
            if (labels.at(u, v) != 0) {
                std::uint8_t* out = image.pixel(u + offsetU, v + offsetV);
                for (int c = 0; c < 3; ++c) {
                    out[c] = blendChannel(out[c], colour[c], alpha);
                }
            }
        }
    }
}

void blendHeatMap(RgbaImage& image, const SliceData<float>& probabilities, double threshold,
                  double opacity) {
    std::uint8_t* out = image.pixels.data();
    for (const float value : probabilities.values) {
        if (!std::isnan(value) && value >= threshold) {
            const double p = std::clamp(static_cast<double>(value), 0.0, 1.0);
            // Dark red at the threshold through red to yellow at certainty.
            const double red = 128.0 + 127.0 * std::min(1.0, 2.0 * p);
            const double green = 255.0 * std::max(0.0, 2.0 * p - 1.0);
            const double alpha = std::clamp(opacity, 0.0, 1.0) * p;
            out[0] = blendChannel(out[0], red, alpha);
            out[1] = blendChannel(out[1], green, alpha);
            out[2] = blendChannel(out[2], 0.0, alpha);
        }
        out += 4;
    }
}

std::vector<Polygon2> outlinePolygons(const SliceData<std::uint16_t>& labels) {
    const int width = labels.geometry.width;
    const int height = labels.geometry.height;
    int minU = width, maxU = -1, minV = height, maxV = -1;
    for (int v = 0; v < height; ++v) {
        const std::uint16_t* row = labels.values.data() + static_cast<std::size_t>(v) * width;
        for (int u = 0; u < width; ++u) {
            if (row[u] != 0) {
                minU = std::min(minU, u);
                maxU = std::max(maxU, u);
                minV = std::min(minV, v);
                maxV = std::max(maxV, v);
            }
        }
    }
    if (maxU < 0) {
        return {};
    }
    // The marching squares pad the box themselves, so no margin is needed.
    const int boxWidth = maxU - minU + 1;
    const int boxHeight = maxV - minV + 1;
    std::vector<double> box(static_cast<std::size_t>(boxWidth) * boxHeight);
    for (int v = 0; v < boxHeight; ++v) {
        for (int u = 0; u < boxWidth; ++u) {
            box[static_cast<std::size_t>(v) * boxWidth + u] =
                labels.at(minU + u, minV + v) != 0 ? 1.0 : 0.0;
        }
    }
    std::vector<Polygon2> polygons = isoContoursOfSlice(box, boxWidth, boxHeight, 0.5);
    for (Polygon2& polygon : polygons) {
        for (auto& point : polygon) {
            point[0] += minU;
            point[1] += minV;
        }
    }
    return polygons;
}

LabelBounds labelBounds(const LabelMap& labels) {
    LabelBounds bounds;
    const Size3& size = labels.size();
    const std::uint16_t* data = labels.data().data();
    for (std::int64_t k = 0; k < size[2]; ++k) {
        for (std::int64_t j = 0; j < size[1]; ++j) {
            const std::uint16_t* row = data + labels.geometry().linearIndex(0, j, k);
            for (std::int64_t i = 0; i < size[0]; ++i) {
                if (row[i] == 0) {
                    continue;
                }
                const Size3 index{i, j, k};
                for (int axis = 0; axis < 3; ++axis) {
                    bounds.min[axis] =
                        bounds.empty ? index[axis] : std::min(bounds.min[axis], index[axis]);
                    bounds.max[axis] =
                        bounds.empty ? index[axis] : std::max(bounds.max[axis], index[axis]);
                }
                bounds.empty = false;
            }
        }
    }
    return bounds;
}

LabelBounds boundsOfVoxels(const ImageGeometry& geometry, const std::vector<std::size_t>& voxels) {
    LabelBounds bounds;
    const auto nx = static_cast<std::size_t>(geometry.size[0]);
    const auto nxy = nx * static_cast<std::size_t>(geometry.size[1]);
    for (const std::size_t voxel : voxels) {
        const Size3 index{static_cast<std::int64_t>(voxel % nx),
                          static_cast<std::int64_t>((voxel % nxy) / nx),
                          static_cast<std::int64_t>(voxel / nxy)};
        for (int axis = 0; axis < 3; ++axis) {
            bounds.min[axis] = bounds.empty ? index[axis] : std::min(bounds.min[axis], index[axis]);
            bounds.max[axis] = bounds.empty ? index[axis] : std::max(bounds.max[axis], index[axis]);
        }
        bounds.empty = false;
    }
    return bounds;
}

SliceGeometry labelPatch(const SliceGeometry& slice, const ImageGeometry& labels,
                         const LabelBounds& bounds, std::array<int, 2>& offset) {
    SliceGeometry patch = slice;
    patch.width = 0;
    patch.height = 0;
    offset = {0, 0};
    if (bounds.empty) {
        return patch;
    }
    // Project the box's voxel corners onto the slice; one pixel of margin covers rounding.
    double minU = 1e300, maxU = -1e300, minV = 1e300, maxV = -1e300, minN = 1e300, maxN = -1e300;
    for (int corner = 0; corner < 8; ++corner) {
        Vec3 index;
        for (int axis = 0; axis < 3; ++axis) {
            index[axis] = (corner >> axis & 1) ? bounds.max[axis] + 0.5 : bounds.min[axis] - 0.5;
        }
        const Vec3 point = labels.indexToPatient(index);
        const Vec2 pixel = slice.patientToPixel(point);
        const double along = dot(point, slice.axes.normal);
        minU = std::min(minU, pixel[0]);
        maxU = std::max(maxU, pixel[0]);
        minV = std::min(minV, pixel[1]);
        maxV = std::max(maxV, pixel[1]);
        minN = std::min(minN, along);
        maxN = std::max(maxN, along);
    }
    const double plane = dot(slice.originMm, slice.axes.normal);
    if (plane < minN || plane > maxN) {
        return patch;
    }
    const int u0 = std::max(0, static_cast<int>(std::floor(minU)) - 1);
    const int v0 = std::max(0, static_cast<int>(std::floor(minV)) - 1);
    const int u1 = std::min(slice.width - 1, static_cast<int>(std::ceil(maxU)) + 1);
    const int v1 = std::min(slice.height - 1, static_cast<int>(std::ceil(maxV)) + 1);
    if (u1 < u0 || v1 < v0) {
        return patch;
    }
    patch.originMm = slice.pixelToPatient({double(u0), double(v0)});
    patch.width = u1 - u0 + 1;
    patch.height = v1 - v0 + 1;
    offset = {u0, v0};
    return patch;
}

const LabelBounds& SliceRenderer::boundsOf(const std::shared_ptr<const LabelMap>& labels) {
    // Forget layers that no longer exist, so a new map at a reused address is measured anew.
    bounds_.erase(std::remove_if(bounds_.begin(), bounds_.end(),
                                 [](const auto& entry) { return entry.first.expired(); }),
                  bounds_.end());
    for (const auto& entry : bounds_) {
        if (entry.first.lock() == labels) {
            return entry.second;
        }
    }
    bounds_.emplace_back(labels, labelBounds(*labels));
    return bounds_.back().second;
}

void SliceRenderer::labelsEdited(const LabelMap& labels, const LabelBounds& changed) {
    if (changed.empty) {
        return;
    }
    for (auto& [layer, bounds] : bounds_) {
        if (layer.lock().get() != &labels) {
            continue;
        }
        for (int axis = 0; axis < 3; ++axis) {
            bounds.min[axis] =
                bounds.empty ? changed.min[axis] : std::min(bounds.min[axis], changed.min[axis]);
            bounds.max[axis] =
                bounds.empty ? changed.max[axis] : std::max(bounds.max[axis], changed.max[axis]);
        }
        bounds.empty = false;
    }
}

RenderedSlice SliceRenderer::render(const ViewerScene& scene, const SliceViewState& state) {
    RenderedSlice rendered;
    render(scene, state, rendered);
    return rendered;
}

void SliceRenderer::render(const ViewerScene& scene, const SliceViewState& state,
                           RenderedSlice& rendered) {
    if (!scene.image) {
        throw std::invalid_argument("viewer: no image to show");
    }
    rendered.geometry =
        sliceGeometryFor(scene.image->geometry(), state.orientation, state.cursorMm);
    rendered.outlines.clear();
    resliceImage(*scene.image, rendered.geometry, scratch_);
    windowLevelToRgba(scratch_, state.windowLevel, rendered.image);
    if (scene.heatMap.visible && scene.heatMap.probabilities) {
        resliceImage(*scene.heatMap.probabilities, rendered.geometry, scratch_);
        blendHeatMap(rendered.image, scratch_, scene.heatMap.threshold, scene.heatMap.opacity);
    }
    composeOverlays(scene, rendered);
}

bool SliceRenderer::refreshOutlines(const ViewerScene& scene, RenderedSlice& rendered) {
    for (const OverlayLayer& layer : scene.overlays) {
        if (layer.visible && layer.labels && layer.opacity > 0.0 &&
            layer.style == OverlayStyle::Fill) {
            return false; // filled labels are blended into the pixels: a full render is needed
        }
    }
    rendered.outlines.clear();
    composeOverlays(scene, rendered);
    return true;
}

void SliceRenderer::composeOverlays(const ViewerScene& scene, RenderedSlice& rendered) {
    for (std::size_t index = 0; index < scene.overlays.size(); ++index) {
        const OverlayLayer& layer = scene.overlays[index];
        if (!layer.visible || !layer.labels || layer.opacity <= 0.0) {
            continue;
        }
        std::array<int, 2> offset{0, 0};
        const SliceGeometry patch =
            labelPatch(rendered.geometry, layer.labels->geometry(), boundsOf(layer.labels), offset);
        if (patch.width == 0) {
            continue;
        }
        const SliceData<std::uint16_t> labels = resliceLabels(*layer.labels, patch);
        if (layer.style == OverlayStyle::Fill) {
            blendFill(rendered.image, labels, layer.colour, layer.opacity, offset[0], offset[1]);
            continue;
        }
        SliceOutline outline{index, layer.colour, layer.opacity, outlinePolygons(labels)};
        for (Polygon2& polygon : outline.polygons) {
            for (auto& point : polygon) {
                point[0] += offset[0];
                point[1] += offset[1];
            }
        }
        if (!outline.polygons.empty()) {
            rendered.outlines.push_back(std::move(outline));
        }
    }
}

RenderedSlice renderSlice(const ViewerScene& scene, const SliceViewState& state) {
    return SliceRenderer().render(scene, state);
}

} // namespace metis::viewer
