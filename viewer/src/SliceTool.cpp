#include "metis/viewer/SliceTool.h"

namespace metis::viewer {

SliceToolResult CrosshairTool::press(const SlicePointerEvent& event) {
    if (event.buttons != SlicePointerEvent::LeftButton ||
        event.modifiers != SlicePointerEvent::NoModifier) {
        return {};
    }
    dragging_ = true;
    return {true, true, event.patientMm, false};
}

SliceToolResult CrosshairTool::move(const SlicePointerEvent& event) {
    if (!dragging_) {
        return {};
    }
    return {true, true, event.patientMm, false};
}

SliceToolResult CrosshairTool::release(const SlicePointerEvent& event) {
    if (!dragging_) {
        return {};
    }
    dragging_ = false;
    return {true, true, event.patientMm, false};
}

} // namespace metis::viewer
