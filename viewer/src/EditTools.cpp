#include "metis/viewer/EditTools.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace metis::viewer {

namespace {

double distanceMm(const Vec3& a, const Vec3& b) {
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                     (a[2] - b[2]) * (a[2] - b[2]));
}

bool leftButtonOnly(const SlicePointerEvent& event) {
    return event.buttons == SlicePointerEvent::LeftButton &&
           (event.modifiers & ~SlicePointerEvent::Control) == 0;
}

/// Clicking this close to a polygon's first vertex closes it.
constexpr double closeDistanceMm = 2.5;
/// A press that moves further than this draws a freehand curve instead of placing a vertex.
constexpr double dragDistanceMm = 2.0;
/// Freehand points closer than this to the previous one are not kept.
constexpr double freehandSpacingMm = 0.4;
/// A split line shorter than this is taken for a stray click.
constexpr double shortestSplitLineMm = 2.0;

} // namespace

PaintRule EditToolSettings::paintRule() const {
    PaintRule rule = erase ? PaintRule::erase() : PaintRule::paint(lesion);
    if (thresholdEnabled && image && !erase) {
        rule.image = image.get();
        rule.low = thresholdLow;
        rule.high = thresholdHigh;
    }
    return rule;
}

EditPlane editPlaneAt(const SlicePointerEvent& event) {
    const ViewAxes axes = viewAxes(event.orientation);
    return EditPlane{event.patientMm, axes.right, axes.down};
}

BrushTool::BrushTool(LabelEditTarget& target, std::shared_ptr<const EditToolSettings> settings)
    : target_(target), settings_(std::move(settings)) {}

SliceToolResult BrushTool::press(const SlicePointerEvent& event) {
    if (!leftButtonOnly(event) || !target_.editable()) {
        return {};
    }
    erasing_ = settings_->erase || (event.modifiers & SlicePointerEvent::Control);
    plane_ = editPlaneAt(event);
    target_.editor().begin(erasing_ ? "Eraser" : "Brush");
    stroking_ = true;
    lastMm_ = event.patientMm;
    pointerMm_ = event.patientMm;
    paintSegment(lastMm_, lastMm_);
    return {true, false, {}, true};
}

SliceToolResult BrushTool::move(const SlicePointerEvent& event) {
    if (!stroking_) {
        return hover(event);
    }
    pointerMm_ = event.patientMm;
    paintSegment(lastMm_, event.patientMm);
    lastMm_ = event.patientMm;
    return {true, false, {}, true};
}

SliceToolResult BrushTool::release(const SlicePointerEvent& event) {
    if (!stroking_) {
        return {};
    }
    stroking_ = false;
    pointerMm_ = event.patientMm;
    target_.commitStep();
    return {true, false, {}, true};
}

SliceToolResult BrushTool::hover(const SlicePointerEvent& event) {
    pointerMm_ = event.patientMm;
    erasing_ = settings_->erase || (event.modifiers & SlicePointerEvent::Control);
    return {false, false, {}, true};
}

SliceToolResult BrushTool::leave() {
    if (stroking_) {
        return {};
    }
    pointerMm_.reset();
    return {false, false, {}, true};
}

ToolOverlay BrushTool::overlay() const {
    ToolOverlay overlay;
    if (pointerMm_) {
        overlay.circle = true;
        overlay.circleCentreMm = *pointerMm_;
        overlay.circleRadiusMm = settings_->brushDiameterMm / 2.0;
        overlay.erasing = erasing_;
    }
    return overlay;
}

void BrushTool::paintSegment(const Vec3& fromMm, const Vec3& toMm) {
    LabelEditor& editor = target_.editor();
    PaintRule rule = settings_->paintRule();
    if (erasing_) {
        rule = PaintRule::erase();
    }
    const auto voxels = brushVoxels(editor.geometry(), plane_, fromMm, toMm,
                                    settings_->brushDiameterMm, settings_->brushShape);
    if (paintVoxels(editor, voxels, rule) > 0) {
        target_.voxelsChanged(boundsOfVoxels(editor.geometry(), voxels));
    }
}

ContourFillTool::ContourFillTool(LabelEditTarget& target,
                                 std::shared_ptr<const EditToolSettings> settings)
    : target_(target), settings_(std::move(settings)) {}

void ContourFillTool::reset() {
    points_.clear();
    dragging_ = false;
    dragged_ = false;
}

SliceToolResult ContourFillTool::press(const SlicePointerEvent& event) {
    if (!leftButtonOnly(event) || !target_.editable()) {
        return {};
    }
    pointerMm_ = event.patientMm;
    if (!points_.empty() && event.orientation != orientation_) {
        reset(); // a polygon started in another view
    }
    if (points_.empty()) {
        plane_ = editPlaneAt(event);
        orientation_ = event.orientation;
        erasing_ = settings_->erase || (event.modifiers & SlicePointerEvent::Control);
        points_.push_back(event.patientMm);
    } else if (points_.size() >= 3 &&
               distanceMm(event.patientMm, points_.front()) <= closeDistanceMm) {
        return fill();
    } else {
        points_.push_back(event.patientMm);
    }
    dragging_ = true;
    dragged_ = false;
    pressPlaneMm_ = event.planeMm;
    return {true, false, {}, true};
}

SliceToolResult ContourFillTool::move(const SlicePointerEvent& event) {
    if (!dragging_) {
        return hover(event);
    }
    pointerMm_ = event.patientMm;
    const double fromPress =
        std::hypot(event.planeMm[0] - pressPlaneMm_[0], event.planeMm[1] - pressPlaneMm_[1]);
    if (!dragged_ && points_.size() == 1 && fromPress > dragDistanceMm) {
        dragged_ = true; // a freehand curve
    }
    if (dragged_ && distanceMm(event.patientMm, points_.back()) >= freehandSpacingMm) {
        points_.push_back(event.patientMm);
    }
    return {true, false, {}, true};
}

SliceToolResult ContourFillTool::release(const SlicePointerEvent& event) {
    if (!dragging_) {
        return {};
    }
    dragging_ = false;
    pointerMm_ = event.patientMm;
    if (dragged_) {
        if (points_.size() >= 3) {
            return fill();
        }
        reset();
    }
    return {true, false, {}, true};
}

SliceToolResult ContourFillTool::hover(const SlicePointerEvent& event) {
    pointerMm_ = event.patientMm;
    return {false, false, {}, !points_.empty()};
}

ToolOverlay ContourFillTool::overlay() const {
    ToolOverlay overlay;
    overlay.polylineMm = points_;
    if (!points_.empty() && !dragged_ && pointerMm_) {
        overlay.polylineMm.push_back(*pointerMm_); // the rubber band to the next vertex
    }
    overlay.erasing = erasing_;
    return overlay;
}

SliceToolResult ContourFillTool::fill() {
    LabelEditor& editor = target_.editor();
    editor.begin(erasing_ ? "Contour subtract" : "Contour fill");
    PaintRule rule = settings_->paintRule();
    if (erasing_) {
        rule = PaintRule::erase();
    }
    const auto voxels = polygonVoxels(editor.geometry(), plane_, points_);
    if (paintVoxels(editor, voxels, rule) > 0) {
        target_.voxelsChanged(boundsOfVoxels(editor.geometry(), voxels));
    }
    target_.commitStep();
    reset();
    return {true, false, {}, true};
}

SplitLineTool::SplitLineTool(LabelEditTarget& target,
                             std::shared_ptr<const EditToolSettings> settings)
    : target_(target), settings_(std::move(settings)) {}

SliceToolResult SplitLineTool::press(const SlicePointerEvent& event) {
    if (!leftButtonOnly(event) || !target_.editable()) {
        return {};
    }
    dragging_ = true;
    orientation_ = event.orientation;
    startMm_ = event.patientMm;
    endMm_ = event.patientMm;
    return {true, false, {}, true};
}

SliceToolResult SplitLineTool::move(const SlicePointerEvent& event) {
    if (!dragging_) {
        return {};
    }
    endMm_ = event.patientMm;
    return {true, false, {}, true};
}

SliceToolResult SplitLineTool::release(const SlicePointerEvent& event) {
    if (!dragging_) {
        return {};
    }
    dragging_ = false;
    endMm_ = event.patientMm;
    if (distanceMm(startMm_, endMm_) < shortestSplitLineMm) {
        return {true, false, {}, true};
    }
    LabelEditor& editor = target_.editor();
    std::uint16_t lesion = lesionUnderLine(editor.mask());
    if (lesion == 0) {
        lesion = settings_->lesion;
    }
    const Vec3 along{endMm_[0] - startMm_[0], endMm_[1] - startMm_[1], endMm_[2] - startMm_[2]};
    const Vec3 cutNormal = cross(along, viewAxes(orientation_).normal);
    editor.begin("Split by line");
    if (splitLesionByPlane(editor, lesion, startMm_, cutNormal)) {
        target_.commitStep();
    } else {
        editor.cancel();
    }
    return {true, false, {}, true};
}

ToolOverlay SplitLineTool::overlay() const {
    ToolOverlay overlay;
    if (dragging_) {
        overlay.polylineMm = {startMm_, endMm_};
    }
    return overlay;
}

std::uint16_t SplitLineTool::lesionUnderLine(const LabelMap& labels) const {
    const ImageGeometry& g = labels.geometry();
    const double length = distanceMm(startMm_, endMm_);
    const double step = 0.25 * std::min({g.spacing[0], g.spacing[1], g.spacing[2]});
    const auto samples = static_cast<int>(std::ceil(length / step));
    std::map<std::uint16_t, int> counts;
    for (int n = 0; n <= samples; ++n) {
        const double t = samples > 0 ? static_cast<double>(n) / samples : 0.0;
        const std::uint16_t label =
            labelNearest(labels, {startMm_[0] + (endMm_[0] - startMm_[0]) * t,
                                  startMm_[1] + (endMm_[1] - startMm_[1]) * t,
                                  startMm_[2] + (endMm_[2] - startMm_[2]) * t});
        if (label != 0) {
            ++counts[label];
        }
    }
    std::uint16_t best = 0;
    int bestCount = 0;
    for (const auto& [label, count] : counts) {
        if (count > bestCount) {
            best = label;
            bestCount = count;
        }
    }
    return best;
}

} // namespace metis::viewer
