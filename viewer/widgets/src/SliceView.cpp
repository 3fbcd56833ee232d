#include "metis/viewer_widgets/SliceView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <cmath>
#include <limits>

namespace metis::viewer_widgets {

namespace {

const QColor kCrosshairColour(80, 160, 255);
const QColor kAnnotationColour(235, 235, 235);
/// Screen pixels left free around the crosshair centre, so it never hides a small lesion.
constexpr int kCrosshairGap = 10;

void drawShadowedText(QPainter& painter, const QRectF& rect, int flags, const QString& text) {
    painter.setPen(QColor(0, 0, 0, 200));
    painter.drawText(rect.translated(1, 1), flags, text);
    painter.setPen(kAnnotationColour);
    painter.drawText(rect, flags, text);
}

unsigned toolButtons(Qt::MouseButtons buttons) {
    unsigned result = viewer::SlicePointerEvent::NoButton;
    if (buttons & Qt::LeftButton) {
        result |= viewer::SlicePointerEvent::LeftButton;
    }
    if (buttons & Qt::RightButton) {
        result |= viewer::SlicePointerEvent::RightButton;
    }
    if (buttons & Qt::MiddleButton) {
        result |= viewer::SlicePointerEvent::MiddleButton;
    }
    return result;
}

unsigned toolModifiers(Qt::KeyboardModifiers modifiers) {
    unsigned result = viewer::SlicePointerEvent::NoModifier;
    if (modifiers & Qt::ShiftModifier) {
        result |= viewer::SlicePointerEvent::Shift;
    }
    if (modifiers & Qt::ControlModifier) {
        result |= viewer::SlicePointerEvent::Control;
    }
    if (modifiers & Qt::AltModifier) {
        result |= viewer::SlicePointerEvent::Alt;
    }
    return result;
}

} // namespace

SliceView::SliceView(viewer::ViewOrientation orientation, QWidget* parent)
    : QWidget(parent), tool_(std::make_unique<viewer::CrosshairTool>()) {
    state_.orientation = orientation;
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(120, 120);
    setMouseTracking(true); // the brush cursor follows the pointer
}

void SliceView::setScene(std::shared_ptr<const viewer::ViewerScene> scene) {
    scene_ = std::move(scene);
    presets_.clear();
    if (scene_ && scene_->image) {
        presets_ = viewer::t1ContrastPresets(*scene_->image);
        state_.windowLevel = presets_.front().windowLevel;
        const Size3& size = scene_->image->geometry().size;
        // A voxel centre, so every view starts on an acquired slice, not between two.
        state_.cursorMm = scene_->image->geometry().indexToPatient(
            {double(size[0] / 2), double(size[1] / 2), double(size[2] / 2)});
    }
    state_.zoom = 1.0;
    state_.panMm = {0, 0};
    sceneChanged();
}

void SliceView::sceneChanged() {
    renderer_.invalidate();
    rendered_.reset();
    update();
}

void SliceView::setCursorMm(const Vec3& cursorMm) {
    state_.cursorMm = cursorMm;
    update();
}

void SliceView::setWindowLevel(const viewer::WindowLevel& windowLevel) {
    state_.windowLevel = windowLevel;
    update();
}

void SliceView::centreOn(const Vec3& pointMm) {
    state_.cursorMm = pointMm;
    // When the whole slice fits, panning would only cut the anatomy off.
    if (scene_ && scene_->image && state_.zoom > 1.0) {
        const viewer::SliceGeometry slice =
            viewer::sliceGeometryFor(scene_->image->geometry(), state_.orientation, pointMm);
        const viewer::Vec2 pixel = slice.patientToPixel(pointMm);
        // The pan is in mm, so it does not depend on the zoom.
        state_.panMm = {((slice.width - 1) / 2.0 - pixel[0]) * slice.spacingMm,
                        ((slice.height - 1) / 2.0 - pixel[1]) * slice.spacingMm};
    }
    update();
}

void SliceView::setZoom(double zoom) {
    state_.zoom = std::clamp(zoom, 0.25, 32.0);
    update();
}

void SliceView::scrollSlices(int steps) {
    if (!scene_ || !scene_->image || steps == 0) {
        return;
    }
    state_.cursorMm =
        viewer::scrollCursor(scene_->image->geometry(), state_.orientation, state_.cursorMm, steps);
    update();
    Q_EMIT cursorMoved(state_.cursorMm);
}

void SliceView::applyPreset(std::size_t presetIndex) {
    if (presetIndex >= presets_.size()) {
        return;
    }
    setWindowLevel(presets_[presetIndex].windowLevel);
    Q_EMIT windowLevelChanged(state_.windowLevel);
}

void SliceView::setTool(std::unique_ptr<viewer::SliceTool> tool) {
    tool_ = std::move(tool);
    drag_ = Drag::None;
    update();
}

bool SliceView::labelsEdited(const LabelMap& labels, const viewer::LabelBounds& changed) {
    renderer_.labelsEdited(labels, changed);
    if (changed.empty) {
        return false;
    }
    // Only a view whose plane passes through the edited box shows a different picture: a stroke
    // in the axial view leaves the coronal and sagittal views alone unless it crosses them.
    const ImageGeometry& g = labels.geometry();
    const Vec3 normal = viewer::viewAxes(state_.orientation).normal;
    const double plane = dot(state_.cursorMm, normal);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 index{(corner & 1) ? changed.max[0] + 0.5 : changed.min[0] - 0.5,
                         (corner & 2) ? changed.max[1] + 0.5 : changed.min[1] - 0.5,
                         (corner & 4) ? changed.max[2] + 0.5 : changed.min[2] - 0.5};
        const double position = dot(g.indexToPatient(index), normal);
        low = std::min(low, position);
        high = std::max(high, position);
    }
    if (plane < low || plane > high) {
        return false;
    }
    if (!rendered_ || !renderer_.refreshOutlines(*scene_, *rendered_)) {
        rendered_.reset();
    }
    update();
    return true;
}

void SliceView::ensureRendered() {
    const double planeMm = dot(state_.cursorMm, viewer::viewAxes(state_.orientation).normal);
    if (rendered_ && std::abs(planeMm - renderedPlaneMm_) < 1e-9 &&
        renderedWindowLevel_.window == state_.windowLevel.window &&
        renderedWindowLevel_.level == state_.windowLevel.level) {
        return;
    }
    if (!rendered_) {
        rendered_.emplace();
    }
    renderer_.render(*scene_, state_, *rendered_);
    renderedPlaneMm_ = planeMm;
    renderedWindowLevel_ = state_.windowLevel;
    // Wraps the rendered pixels without a copy; rendered_ outlives the QImage's use.
    renderedImage_ =
        QImage(rendered_->image.pixels.data(), rendered_->image.width, rendered_->image.height,
               rendered_->image.width * 4, QImage::Format_RGBA8888);
}

viewer::OrientationLetters SliceView::orientationLetters() const {
    return viewer::orientationLetters(viewer::viewAxes(state_.orientation));
}

viewer::ViewTransform SliceView::viewTransform() const {
    viewer::SliceGeometry slice;
    if (scene_ && scene_->image) {
        slice = viewer::sliceGeometryFor(scene_->image->geometry(), state_.orientation,
                                         state_.cursorMm);
    } else {
        slice.width = 1;
        slice.height = 1;
    }
    return viewer::ViewTransform(slice, state_, width(), height());
}

void SliceView::paintView(QPainter& painter, const QSize& size) {
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::black);
    if (!scene_ || !scene_->image) {
        painter.setPen(kAnnotationColour);
        painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, tr("No image"));
        return;
    }
    ensureRendered();
    const viewer::ViewTransform view(rendered_->geometry, state_, size.width(), size.height());
    const auto rect = view.imageRect();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QRectF(rect[0], rect[1], rect[2], rect[3]), renderedImage_);

    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const viewer::SliceOutline& outline : rendered_->outlines) {
        QPainterPath path;
        for (const Polygon2& polygon : outline.polygons) {
            for (std::size_t n = 0; n < polygon.size(); ++n) {
                const viewer::Vec2 screen = view.sliceToScreen({polygon[n][0], polygon[n][1]});
                if (n == 0) {
                    path.moveTo(screen[0], screen[1]);
                } else {
                    path.lineTo(screen[0], screen[1]);
                }
            }
            path.closeSubpath();
        }
        QPen pen(
            QColor(outline.colour[0], outline.colour[1], outline.colour[2],
                   static_cast<int>(std::lround(255 * std::clamp(outline.opacity, 0.0, 1.0)))));
        pen.setWidthF(2.0);
        pen.setCosmetic(true);
        pen.setJoinStyle(Qt::RoundJoin);
        painter.strokePath(path, pen);
    }
    paintToolOverlay(painter, view);
    paintAnnotations(painter, size, view);
}

void SliceView::paintToolOverlay(QPainter& painter, const viewer::ViewTransform& view) {
    if (!tool_) {
        return;
    }
    const viewer::ToolOverlay overlay = tool_->overlay();
    const QColor colour = overlay.erasing ? QColor(255, 90, 90) : QColor(255, 255, 255);
    QPen pen(colour, 1.5);
    pen.setCosmetic(true);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (overlay.circle) {
        const viewer::Vec2 centre = view.patientToScreen(overlay.circleCentreMm);
        const double radius = overlay.circleRadiusMm * view.screenPixelsPerMm();
        painter.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
        painter.drawEllipse(QPointF(centre[0], centre[1]), radius, radius);
        painter.setPen(pen);
        painter.drawEllipse(QPointF(centre[0], centre[1]), radius, radius);
    }
    if (overlay.polylineMm.size() >= 2) {
        QPainterPath path;
        for (std::size_t n = 0; n < overlay.polylineMm.size(); ++n) {
            const viewer::Vec2 screen = view.patientToScreen(overlay.polylineMm[n]);
            if (n == 0) {
                path.moveTo(screen[0], screen[1]);
            } else {
                path.lineTo(screen[0], screen[1]);
            }
        }
        pen.setStyle(Qt::DashLine);
        painter.strokePath(path, pen);
    }
}

void SliceView::paintAnnotations(QPainter& painter, const QSize& size,
                                 const viewer::ViewTransform& view) {
    // Crosshair on whole pixels without antialiasing: one crisp line that tests can find.
    painter.setRenderHint(QPainter::Antialiasing, false);
    const viewer::Vec2 cursor = view.patientToScreen(state_.cursorMm);
    const int cx = static_cast<int>(std::floor(cursor[0]));
    const int cy = static_cast<int>(std::floor(cursor[1]));
    painter.setPen(QPen(kCrosshairColour, 1));
    painter.drawLine(cx, 0, cx, cy - kCrosshairGap);
    painter.drawLine(cx, cy + kCrosshairGap, cx, size.height());
    painter.drawLine(0, cy, cx - kCrosshairGap, cy);
    painter.drawLine(cx + kCrosshairGap, cy, size.width(), cy);

    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = painter.font();
    font.setPixelSize(std::clamp(size.height() / 28, 11, 16));
    QFont letterFont = font;
    letterFont.setBold(true);
    letterFont.setPixelSize(font.pixelSize() + 3);
    const viewer::ViewAxes axes = viewer::viewAxes(state_.orientation);
    const viewer::OrientationLetters letters = orientationLetters();
    painter.setFont(letterFont);
    const QRectF area(6, 4, size.width() - 12, size.height() - 8);
    drawShadowedText(painter, area, Qt::AlignLeft | Qt::AlignVCenter,
                     QString::fromStdString(letters.left));
    drawShadowedText(painter, area, Qt::AlignRight | Qt::AlignVCenter,
                     QString::fromStdString(letters.right));
    drawShadowedText(painter, area, Qt::AlignHCenter | Qt::AlignTop,
                     QString::fromStdString(letters.top));
    drawShadowedText(painter, area, Qt::AlignHCenter | Qt::AlignBottom,
                     QString::fromStdString(letters.bottom));

    painter.setFont(font);
    const QFontMetrics metrics(font);
    const double position = dot(state_.cursorMm, axes.normal);
    const Vec3 towards =
        position >= 0 ? axes.normal : Vec3{-axes.normal[0], -axes.normal[1], -axes.normal[2]};
    const QString title = QStringLiteral("%1  %2 %3 mm")
                              .arg(QString::fromUtf8(viewer::orientationName(state_.orientation)),
                                   QString::fromStdString(viewer::directionLetters(towards)))
                              .arg(std::abs(position), 0, 'f', 1);
    const QRectF textArea(8, 6, size.width() - 16, size.height() - 12);
    drawShadowedText(painter, textArea, Qt::AlignLeft | Qt::AlignTop, title);
    QString windowText = QStringLiteral("W %1  L %2")
                             .arg(state_.windowLevel.window, 0, 'f', 0)
                             .arg(state_.windowLevel.level, 0, 'f', 0);
    if (std::abs(state_.zoom - 1.0) > 1e-6) {
        windowText += QStringLiteral("  x%1").arg(state_.zoom, 0, 'f', 2);
    }
    drawShadowedText(painter, textArea, Qt::AlignRight | Qt::AlignTop, windowText);
    const QString readout =
        QString::fromStdString(viewer::readoutAt(*scene_->image, state_.cursorMm).text());
    drawShadowedText(painter, textArea.adjusted(0, 0, 0, -metrics.height() - 2),
                     Qt::AlignLeft | Qt::AlignBottom, readout);

    // Scale bar at the bottom right, with end ticks, at most a quarter of the view wide.
    const double lengthMm = viewer::scaleBarLengthMm(view.screenPixelsPerMm(), size.width() / 4.0);
    if (lengthMm > 0) {
        const double lengthPx = lengthMm * view.screenPixelsPerMm();
        const double right = size.width() - 12.0;
        const double y = size.height() - metrics.height() - 10.0;
        QPen barPen(kAnnotationColour, 2);
        barPen.setCapStyle(Qt::FlatCap);
        painter.setPen(barPen);
        painter.drawLine(QPointF(right - lengthPx, y), QPointF(right, y));
        painter.drawLine(QPointF(right - lengthPx, y - 4), QPointF(right - lengthPx, y + 4));
        painter.drawLine(QPointF(right, y - 4), QPointF(right, y + 4));
        drawShadowedText(painter,
                         QRectF(right - lengthPx - 40, y + 3, lengthPx + 40, metrics.height() + 2),
                         Qt::AlignRight | Qt::AlignTop, QStringLiteral("%1 mm").arg(lengthMm));
    }
}

bool SliceView::exportPng(const QString& path) {
    return grab().save(path, "PNG");
}

void SliceView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintView(painter, size());
}

viewer::SlicePointerEvent SliceView::pointerEvent(const QMouseEvent& event) const {
    const viewer::ViewTransform view = viewTransform();
    const QPointF position = event.position();
    const viewer::Vec2 pixel = view.screenToSlice({position.x(), position.y()});
    viewer::SlicePointerEvent pointer;
    const double spacing = view.scale() / view.screenPixelsPerMm();
    pointer.planeMm = {pixel[0] * spacing, pixel[1] * spacing};
    pointer.patientMm = view.screenToPatient({position.x(), position.y()});
    pointer.orientation = state_.orientation;
    pointer.buttons = toolButtons(event.type() == QEvent::MouseButtonPress ||
                                          event.type() == QEvent::MouseButtonRelease
                                      ? Qt::MouseButtons(event.button())
                                      : event.buttons());
    pointer.modifiers = toolModifiers(event.modifiers());
    return pointer;
}

void SliceView::applyToolResult(const viewer::SliceToolResult& result) {
    if (result.moveCursor) {
        setCursorMm(result.cursorMm);
        Q_EMIT cursorMoved(result.cursorMm);
    }
    if (result.repaint) {
        update();
    }
}

void SliceView::mousePressEvent(QMouseEvent* event) {
    if (!scene_ || !scene_->image) {
        return;
    }
    dragStart_ = event->position();
    stateAtDragStart_ = state_;
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && shift)) {
        drag_ = Drag::Pan;
    } else if (event->button() == Qt::RightButton) {
        drag_ = Drag::WindowLevel;
    } else if (tool_) {
        const viewer::SliceToolResult result = tool_->press(pointerEvent(*event));
        drag_ = result.consumed ? Drag::Tool : Drag::None;
        applyToolResult(result);
    }
}

void SliceView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF delta = event->position() - dragStart_;
    switch (drag_) {
    case Drag::None:
        if (tool_ && scene_ && scene_->image) {
            applyToolResult(tool_->hover(pointerEvent(*event)));
        }
        return;
    case Drag::Tool:
        applyToolResult(tool_->move(pointerEvent(*event)));
        return;
    case Drag::Pan: {
        const double pixelsPerMm = viewTransform().screenPixelsPerMm();
        state_.panMm = {stateAtDragStart_.panMm[0] + delta.x() / pixelsPerMm,
                        stateAtDragStart_.panMm[1] + delta.y() / pixelsPerMm};
        update();
        return;
    }
    case Drag::WindowLevel: {
        // One screen pixel changes the window by 1/256 of its width at drag start.
        const double step = std::max(stateAtDragStart_.windowLevel.window, 1e-3) / 256.0;
        setWindowLevel({std::max(1e-3, stateAtDragStart_.windowLevel.window + delta.x() * step),
                        stateAtDragStart_.windowLevel.level + delta.y() * step});
        Q_EMIT windowLevelChanged(state_.windowLevel);
        return;
    }
    }
}

void SliceView::mouseReleaseEvent(QMouseEvent* event) {
    if (drag_ == Drag::Tool && tool_) {
        applyToolResult(tool_->release(pointerEvent(*event)));
    }
    drag_ = Drag::None;
}

void SliceView::leaveEvent(QEvent* event) {
    if (tool_) {
        applyToolResult(tool_->leave());
    }
    QWidget::leaveEvent(event);
}

void SliceView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        Q_EMIT maximiseRequested();
    }
}

void SliceView::wheelEvent(QWheelEvent* event) {
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(state_.zoom * std::pow(1.25, steps));
    } else {
        scrollSlices(steps);
    }
    event->accept();
}

void SliceView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Up:
        scrollSlices(1);
        break;
    case Qt::Key_Down:
        scrollSlices(-1);
        break;
    case Qt::Key_PageUp:
        scrollSlices(10);
        break;
    case Qt::Key_PageDown:
        scrollSlices(-10);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setZoom(state_.zoom * 1.25);
        break;
    case Qt::Key_Minus:
        setZoom(state_.zoom / 1.25);
        break;
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
        applyPreset(static_cast<std::size_t>(event->key() - Qt::Key_1));
        break;
    case Qt::Key_R:
        state_.zoom = 1.0;
        state_.panMm = {0, 0};
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace metis::viewer_widgets
