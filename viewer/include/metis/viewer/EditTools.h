#pragma once

#include "metis/core/LabelEditTools.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/viewer/SliceTool.h"

#include <memory>
#include <optional>
#include <string>

namespace metis::viewer {

/// What the editing tools change: the application's contour-editing session. Tools open a step,
/// write voxels through editor(), and hand the step to commitStep(), which makes it durable.
class LabelEditTarget {
public:
    virtual ~LabelEditTarget() = default;
    /// False when the contours may not be changed (no series open, a locked set being viewed).
    virtual bool editable() const = 0;
    virtual LabelEditor& editor() = 0;
    /// Closes the open step (journal, undo history). When that fails the step's voxels are
    /// restored and the failure is reported by the target itself.
    virtual void commitStep() = 0;
    /// Voxels within `changed` were written inside the open step (the views repaint them).
    virtual void voxelsChanged(const LabelBounds& changed) = 0;
};

/// Settings shared by the editing tools of all views (the tool panel edits them).
struct EditToolSettings {
    double brushDiameterMm = 5.0;
    BrushShape brushShape = BrushShape::Disc;
    std::uint16_t lesion = 1; ///< the lesion painted into
    bool erase = false;       ///< brush and contour subtract instead of adding
    /// Threshold-assisted painting: only voxels of the image within [low, high].
    bool thresholdEnabled = false;
    float thresholdLow = 0.0f;
    float thresholdHigh = 0.0f;
    std::shared_ptr<const ImageVolume> image; ///< for the threshold

    PaintRule paintRule() const;
};

/// The plane of a view through the pointer, for the editing operations.
EditPlane editPlaneAt(const SlicePointerEvent& event);

/// Brush and eraser: the left button paints (or erases, with `erase` or Ctrl held) a disc or a
/// ball of the set diameter along the drag; one undo step per stroke. The cursor circle has the
/// brush's true size.
class BrushTool : public SliceTool {
public:
    BrushTool(LabelEditTarget& target, std::shared_ptr<const EditToolSettings> settings);
    SliceToolResult press(const SlicePointerEvent& event) override;
    SliceToolResult move(const SlicePointerEvent& event) override;
    SliceToolResult release(const SlicePointerEvent& event) override;
    SliceToolResult hover(const SlicePointerEvent& event) override;
    SliceToolResult leave() override;
    ToolOverlay overlay() const override;

private:
    void paintSegment(const Vec3& fromMm, const Vec3& toMm);

    LabelEditTarget& target_;
    std::shared_ptr<const EditToolSettings> settings_;
    bool stroking_ = false;
    bool erasing_ = false;
    EditPlane plane_;
    Vec3 lastMm_{0, 0, 0};
    std::optional<Vec3> pointerMm_;
};

/// Closed-curve fill: drag with the left button to draw a freehand curve, or click vertices of a
/// polygon and close it by clicking near the first one; the enclosed voxels of the slice are
/// added to the lesion (or removed with `erase` or Ctrl). One undo step per curve.
class ContourFillTool : public SliceTool {
public:
    ContourFillTool(LabelEditTarget& target, std::shared_ptr<const EditToolSettings> settings);
    SliceToolResult press(const SlicePointerEvent& event) override;
    SliceToolResult move(const SlicePointerEvent& event) override;
    SliceToolResult release(const SlicePointerEvent& event) override;
    SliceToolResult hover(const SlicePointerEvent& event) override;
    ToolOverlay overlay() const override;
    /// Drops the curve being drawn.
    void reset();

private:
    SliceToolResult fill();

    LabelEditTarget& target_;
    std::shared_ptr<const EditToolSettings> settings_;
    std::vector<Vec3> points_;
    std::optional<Vec3> pointerMm_;
    EditPlane plane_;
    ViewOrientation orientation_ = ViewOrientation::Axial;
    bool dragging_ = false;
    bool dragged_ = false;
    bool erasing_ = false;
    Vec2 pressPlaneMm_{0, 0};
};

/// Split by a drawn line: drag a line across a lesion; the plane through the line and
/// perpendicular to the view cuts the lesion the line crosses (the one most of its length lies
/// on; the selected lesion when it crosses none) into two, and the part on one side becomes a new
/// lesion. One undo step; a line that does not divide a lesion changes nothing.
class SplitLineTool : public SliceTool {
public:
    SplitLineTool(LabelEditTarget& target, std::shared_ptr<const EditToolSettings> settings);
    SliceToolResult press(const SlicePointerEvent& event) override;
    SliceToolResult move(const SlicePointerEvent& event) override;
    SliceToolResult release(const SlicePointerEvent& event) override;
    ToolOverlay overlay() const override;

private:
    /// The lesion under most of the line on the view's slice (0 when none).
    std::uint16_t lesionUnderLine(const LabelMap& labels) const;

    LabelEditTarget& target_;
    std::shared_ptr<const EditToolSettings> settings_;
    bool dragging_ = false;
    ViewOrientation orientation_ = ViewOrientation::Axial;
    Vec3 startMm_{0, 0, 0};
    Vec3 endMm_{0, 0, 0};
};

} // namespace metis::viewer
