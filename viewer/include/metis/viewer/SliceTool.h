#pragma once

#include "metis/viewer/MprGeometry.h"

#include <vector>

namespace metis::viewer {

/// A pointer event in slice coordinates: what a tool (navigation, the future contour editor)
/// sees instead of a toolkit mouse event.
struct SlicePointerEvent {
    enum Button : unsigned { NoButton = 0, LeftButton = 1, RightButton = 2, MiddleButton = 4 };
    enum Modifier : unsigned { NoModifier = 0, Shift = 1, Control = 2, Alt = 4 };

    Vec2 planeMm{0, 0}; ///< mm along the view's right and down axes from the slice pixel (0, 0)
    Vec3 patientMm{0, 0, 0}; ///< the same point in patient LPS
    ViewOrientation orientation = ViewOrientation::Axial;
    unsigned buttons = NoButton; ///< buttons held (for a press: the one pressed)
    unsigned modifiers = NoModifier;
};

/// What a tool asks of its view after an event.
struct SliceToolResult {
    bool consumed = false;   ///< the host must not interpret the event itself
    bool moveCursor = false; ///< move the linked crosshair to cursorMm
    Vec3 cursorMm{0, 0, 0};
    bool repaint = false; ///< the tool's own drawing changed
};

/// What a tool draws over the view (the brush's true-size circle, a contour being drawn), in
/// patient mm; the host maps it to the screen.
struct ToolOverlay {
    bool circle = false;
    Vec3 circleCentreMm{0, 0, 0};
    double circleRadiusMm = 0.0;
    std::vector<Vec3> polylineMm;
    bool erasing = false; ///< drawn in the eraser's colour
};

/// An interaction on a 2D view. Hosts translate their toolkit's events into SlicePointerEvents.
class SliceTool {
public:
    virtual ~SliceTool() = default;
    virtual SliceToolResult press(const SlicePointerEvent& event) = 0;
    virtual SliceToolResult move(const SlicePointerEvent& event) = 0;
    virtual SliceToolResult release(const SlicePointerEvent& event) = 0;
    /// The pointer moved with no button held (the brush cursor follows it).
    virtual SliceToolResult hover(const SlicePointerEvent& event) {
        (void)event;
        return {};
    }
    /// The pointer left the view.
    virtual SliceToolResult leave() { return {}; }
    virtual ToolOverlay overlay() const { return {}; }
};

/// The default tool: the left button places (and drags) the linked crosshair.
class CrosshairTool : public SliceTool {
public:
    SliceToolResult press(const SlicePointerEvent& event) override;
    SliceToolResult move(const SlicePointerEvent& event) override;
    SliceToolResult release(const SlicePointerEvent& event) override;

private:
    bool dragging_ = false;
};

} // namespace metis::viewer
