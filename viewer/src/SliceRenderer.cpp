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
    return layer;
}

RgbaImage windowLevelToRgba(const SliceData<float>& slice, const WindowLevel& windowLevel) {
    RgbaImage image(slice.geometry.width, slice.geometry.height);
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
    return image;
}

void blendFill(RgbaImage& image, const SliceData<std::uint16_t>& labels, const RgbColour& colour,
               double opacity) {
    const double alpha = std::clamp(opacity, 0.0, 1.0);
    std::uint8_t* out = image.pixels.data();
    for (const std::uint16_t label : labels.values) {
        if (label != 0) {
            for (int c = 0; c < 3; ++c) {
                out[c] = blendChannel(out[c], colour[c], alpha);
            }
        }
        out += 4;
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

RenderedSlice renderSlice(const ViewerScene& scene, const SliceViewState& state) {
    if (!scene.image) {
        throw std::invalid_argument("viewer: no image to show");
    }
    RenderedSlice rendered;
    rendered.geometry =
        sliceGeometryFor(scene.image->geometry(), state.orientation, state.cursorMm);
    rendered.image =
        windowLevelToRgba(resliceImage(*scene.image, rendered.geometry), state.windowLevel);
    if (scene.heatMap.visible && scene.heatMap.probabilities) {
        blendHeatMap(rendered.image, resliceImage(*scene.heatMap.probabilities, rendered.geometry),
                     scene.heatMap.threshold, scene.heatMap.opacity);
    }
    for (std::size_t index = 0; index < scene.overlays.size(); ++index) {
        const OverlayLayer& layer = scene.overlays[index];
        if (!layer.visible || !layer.labels || layer.opacity <= 0.0) {
            continue;
        }
        const SliceData<std::uint16_t> labels = resliceLabels(*layer.labels, rendered.geometry);
        if (layer.style == OverlayStyle::Fill) {
            blendFill(rendered.image, labels, layer.colour, layer.opacity);
        } else {
            SliceOutline outline{index, layer.colour, layer.opacity, outlinePolygons(labels)};
            if (!outline.polygons.empty()) {
                rendered.outlines.push_back(std::move(outline));
            }
        }
    }
    return rendered;
}

} // namespace metis::viewer
