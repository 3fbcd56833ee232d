#include "metis/viewer_widgets/SliceView.h"

#include <QKeyEvent>
#include <QLocale>
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

QString orientationTitle(viewer::ViewOrientation orientation) {
    switch (orientation) {
    case viewer::ViewOrientation::Axial:
        return SliceView::tr("Axial");
    case viewer::ViewOrientation::Coronal:
        return SliceView::tr("Coronal");
    case viewer::ViewOrientation::Sagittal:
        return SliceView::tr("Sagittal");
    }
    return {};
}

// The cursor readout's two lines in the interface's language and number format.
QString readoutText(const viewer::CursorReadout& readout) {
    const QLocale locale;
    const auto mm = [&locale](double value) { return locale.toString(value, 'f', 1); };
    const QString position =
        SliceView::tr("LPS (%1, %2, %3) mm")
            .arg(mm(readout.patientMm[0]), mm(readout.patientMm[1]), mm(readout.patientMm[2]));
    if (!readout.insideVolume) {
        return position + QLatin1Char('\n') + SliceView::tr("outside the volume");
    }
    return position + QLatin1Char('\n') +
           SliceView::tr("voxel [%1, %2, %3]  %4")
               .arg(QString::number(readout.voxelIndex[0]), QString::number(readout.voxelIndex[1]),
                    QString::number(readout.voxelIndex[2]),
                    locale.toString(static_cast<double>(readout.value), 'f', 1));
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
        if (outline.layerIndex < scene_->overlays.size() &&
            scene_->overlays[outline.layerIndex].dashed) {
            pen.setDashPattern({4.0, 3.0}); // in pen widths: 8 px drawn, 6 px gap
        }
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
    const AnnotationLayout layout = layoutAnnotations(painter.font(), size, view);
    painter.setFont(layout.letterFont);
    for (const auto& [rect, text] : layout.letters) {
        drawShadowedText(painter, rect, Qt::AlignCenter, text);
    }
    painter.setFont(layout.font);
    drawShadowedText(painter, layout.title, Qt::AlignLeft | Qt::AlignTop, layout.titleText);
    drawShadowedText(painter, layout.windowLevel, Qt::AlignRight | Qt::AlignTop,
                     layout.windowLevelText);
    drawShadowedText(painter, layout.readout, Qt::AlignLeft | Qt::AlignBottom, layout.readoutText);
    if (!layout.scaleBar.isEmpty()) {
        // The bar along the block's top, end ticks down, its length written under it.
        const double right = layout.scaleBar.right();
        const double left = right - layout.scaleBarPixels;
        const double y = layout.scaleBar.top() + 4.0;
        QPen barPen(kAnnotationColour, 2);
        barPen.setCapStyle(Qt::FlatCap);
        painter.setPen(barPen);
        painter.drawLine(QPointF(left, y), QPointF(right, y));
        painter.drawLine(QPointF(left, y - 4), QPointF(left, y + 4));
        painter.drawLine(QPointF(right, y - 4), QPointF(right, y + 4));
        drawShadowedText(painter, layout.scaleBar.adjusted(0, 7, 0, 0),
                         Qt::AlignRight | Qt::AlignTop, layout.scaleBarText);
    }
}

SliceView::AnnotationLayout SliceView::layoutAnnotations(const QFont& baseFont, const QSize& size,
                                                         const viewer::ViewTransform& view) const {
    AnnotationLayout layout;
    layout.font = baseFont;
    layout.font.setPixelSize(std::clamp(size.height() / 28, 11, 16));
    layout.letterFont = layout.font;
    layout.letterFont.setBold(true);
    layout.letterFont.setPixelSize(layout.font.pixelSize() + 3);
    const QFontMetricsF metrics(layout.font);
    const QFontMetricsF letterMetrics(layout.letterFont);
    const double margin = 6.0;
    const double width = size.width();
    const double height = size.height();

    // Orientation letters at the middle of each edge.
    const viewer::OrientationLetters letters = orientationLetters();
    const auto letterBox = [&](const std::string& text) {
        return letterMetrics.boundingRect(QString::fromStdString(text)).adjusted(-2, 0, 2, 0);
    };
    const QRectF topBox = letterBox(letters.top);
    const QRectF bottomBox = letterBox(letters.bottom);
    const QRectF leftBox = letterBox(letters.left);
    const QRectF rightBox = letterBox(letters.right);
    const QRectF top((width - topBox.width()) / 2, margin, topBox.width(), topBox.height());
    const QRectF bottom((width - bottomBox.width()) / 2, height - margin - bottomBox.height(),
                        bottomBox.width(), bottomBox.height());
    const QRectF left(margin, (height - leftBox.height()) / 2, leftBox.width(), leftBox.height());
    const QRectF right(width - margin - rightBox.width(), (height - rightBox.height()) / 2,
                       rightBox.width(), rightBox.height());
    layout.letters = {{top, QString::fromStdString(letters.top)},
                      {bottom, QString::fromStdString(letters.bottom)},
                      {left, QString::fromStdString(letters.left)},
                      {right, QString::fromStdString(letters.right)}};

    // Corner texts, two short lines each, so they stay narrow in small views.
    const viewer::ViewAxes axes = viewer::viewAxes(state_.orientation);
    const double position = dot(state_.cursorMm, axes.normal);
    const Vec3 towards =
        position >= 0 ? axes.normal : Vec3{-axes.normal[0], -axes.normal[1], -axes.normal[2]};
    const QLocale locale;
    layout.titleText = QStringLiteral("%1\n%2 %3 mm")
                           .arg(orientationTitle(state_.orientation),
                                QString::fromStdString(viewer::directionLetters(towards)),
                                locale.toString(std::abs(position), 'f', 1));
    layout.windowLevelText = QStringLiteral("W %1  L %2")
                                 .arg(state_.windowLevel.window, 0, 'f', 0)
                                 .arg(state_.windowLevel.level, 0, 'f', 0);
    if (std::abs(state_.zoom - 1.0) > 1e-6) {
        layout.windowLevelText += QStringLiteral("\nx%1").arg(state_.zoom, 0, 'f', 2);
    }
    layout.readoutText = readoutText(viewer::readoutAt(*scene_->image, state_.cursorMm));
    const auto textBox = [&](const QString& text) {
        return metrics.boundingRect(QRectF(0, 0, width, height), Qt::AlignLeft | Qt::AlignTop,
                                    text);
    };
    const QRectF titleBox = textBox(layout.titleText);
    const QRectF windowBox = textBox(layout.windowLevelText);
    const QRectF readoutBox = textBox(layout.readoutText);
    double cornerTop = margin;
    layout.title = QRectF(margin + 2, cornerTop, titleBox.width(), titleBox.height());
    layout.windowLevel = QRectF(width - margin - 2 - windowBox.width(), cornerTop,
                                windowBox.width(), windowBox.height());
    // Too narrow for the letter between them: both go below it; still too narrow: stacked.
    if (layout.title.intersects(top) || layout.windowLevel.intersects(top)) {
        cornerTop = top.bottom() + 2;
        layout.title.moveTop(cornerTop);
        layout.windowLevel.moveTop(cornerTop);
    }
    if (layout.title.intersects(layout.windowLevel)) {
        layout.windowLevel.moveTop(layout.title.bottom() + 2);
    }
    layout.readout = QRectF(margin + 2, height - margin - readoutBox.height(), readoutBox.width(),
                            readoutBox.height());
    if (layout.readout.intersects(bottom)) {
        layout.readout.moveBottom(bottom.top() - 2);
    }

    // Scale bar at the bottom right, at most a quarter of the view wide, above whatever it
    // would cross.
    const double lengthMm = viewer::scaleBarLengthMm(view.screenPixelsPerMm(), width / 4.0);
    if (lengthMm > 0) {
        layout.scaleBarPixels = lengthMm * view.screenPixelsPerMm();
        layout.scaleBarText = QStringLiteral("%1 mm").arg(lengthMm);
        const double labelWidth = metrics.horizontalAdvance(layout.scaleBarText);
        const double blockWidth = std::max(layout.scaleBarPixels, labelWidth);
        const double blockHeight = 7 + metrics.height();
        layout.scaleBar = QRectF(width - margin - 6 - blockWidth, height - margin - blockHeight,
                                 blockWidth, blockHeight);
        for (const QRectF& obstacle : {bottom, layout.readout}) {
            if (layout.scaleBar.intersects(obstacle)) {
                layout.scaleBar.moveBottom(obstacle.top() - 2);
            }
        }
        if (layout.scaleBar.intersects(right) || layout.scaleBar.intersects(layout.windowLevel) ||
            layout.scaleBar.top() < 0) {
            layout.scaleBar = QRectF(); // no room left in a tiny view: no scale bar
        }
    }
    return layout;
}

QList<QRectF> SliceView::annotationRects(const QSize& size) {
    ensureRendered();
    const viewer::ViewTransform view(rendered_->geometry, state_, size.width(), size.height());
    const AnnotationLayout layout = layoutAnnotations(font(), size, view);
    QList<QRectF> rects;
    for (const auto& letter : layout.letters) {
        rects.append(letter.first);
    }
    rects << layout.title << layout.windowLevel << layout.readout;
    if (!layout.scaleBar.isEmpty()) {
        rects << layout.scaleBar;
    }
    return rects;
}

bool SliceView::exportPng(const QString& path) {
    return grab().save(path, "PNG");
}

void SliceView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintView(painter, size());
    if (active_) {
        painter.setPen(QPen(QColor(90, 160, 255), 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void SliceView::setActiveView(bool active) {
    if (active != active_) {
        active_ = active;
        update();
    }
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
        cursorBeforePress_ = state_.cursorMm;
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
        // The double-click's first press placed the crosshair: maximising must not move it.
        if (cursorBeforePress_ && *cursorBeforePress_ != state_.cursorMm) {
            setCursorMm(*cursorBeforePress_);
            Q_EMIT cursorMoved(*cursorBeforePress_);
        }
        cursorBeforePress_.reset();
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
