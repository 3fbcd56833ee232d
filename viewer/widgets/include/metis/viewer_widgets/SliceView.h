#pragma once

#include "metis/viewer/SliceRenderer.h"
#include "metis/viewer/SliceTool.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QWidget>
#include <memory>
#include <optional>

namespace metis::viewer_widgets {

/// One 2D MPR view: paints the composited slice at its true aspect ratio, the overlay outlines
/// as vector paths, the crosshair, orientation letters, a scale bar and a readout. It forwards
/// pointer events to a viewer::SliceTool in slice coordinates and keeps no viewer logic itself.
///
/// Mouse: left places the crosshair (through the tool), right drag changes window (x) and
/// level (y), middle or Shift+left drag pans, wheel scrolls slices, Ctrl+wheel zooms,
/// double-click asks to be maximised. Keys: Up/Down one slice, PageUp/PageDown ten, +/- zoom,
/// 1/2/3 the T1-CE window presets, R resets zoom and pan.
class SliceView : public QWidget {
    Q_OBJECT
public:
    explicit SliceView(viewer::ViewOrientation orientation, QWidget* parent = nullptr);

    /// The scene is shared by the views of a layout; call sceneChanged() after editing it.
    void setScene(std::shared_ptr<const viewer::ViewerScene> scene);
    void sceneChanged();
    const viewer::SliceViewState& state() const { return state_; }

    void setCursorMm(const Vec3& cursorMm);
    void setWindowLevel(const viewer::WindowLevel& windowLevel);
    /// Moves the cursor there and, when zoomed in, pans so the point sits in the middle.
    void centreOn(const Vec3& pointMm);
    void setZoom(double zoom);
    void scrollSlices(int steps);
    void applyPreset(std::size_t presetIndex);
    const std::vector<viewer::WindowLevelPreset>& presets() const { return presets_; }

    /// The view that the layout's 2D operations act on (the last one the user worked in) gets a
    /// highlighted frame on screen (not in exported images).
    void setActiveView(bool active);
    bool isActiveView() const { return active_; }

    /// Replaces the interaction tool (the crosshair tool by default).
    void setTool(std::unique_ptr<viewer::SliceTool> tool);
    viewer::SliceTool* tool() const { return tool_.get(); }
    /// Voxels of `labels` (a layer of the scene) within `changed` were edited in place. Returns
    /// whether this view's plane passes through them (only then it repaints).
    bool labelsEdited(const LabelMap& labels, const viewer::LabelBounds& changed);

    /// The letters painted at the view's edges.
    viewer::OrientationLetters orientationLetters() const;
    /// The slice geometry and screen mapping currently shown (for tests and tools).
    viewer::ViewTransform viewTransform() const;
    /// Paints the whole view (image, outlines, annotations) at the given size; used by
    /// paintEvent, PNG export and the latency benchmark.
    void paintView(QPainter& painter, const QSize& size);
    bool exportPng(const QString& path);
    /// Where the annotations go in a view of `size`: the four orientation letters, the title,
    /// window/level, readout and scale-bar blocks, laid out so that none overlaps another.
    QList<QRectF> annotationRects(const QSize& size);

Q_SIGNALS:
    void cursorMoved(const metis::Vec3& cursorMm);
    void windowLevelChanged(const metis::viewer::WindowLevel& windowLevel);
    void maximiseRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class Drag { None, Tool, WindowLevel, Pan };
    struct AnnotationLayout {
        QFont font;
        QFont letterFont;
        std::vector<std::pair<QRectF, QString>> letters;
        QRectF title, windowLevel, readout, scaleBar;
        QString titleText, windowLevelText, readoutText, scaleBarText;
        double scaleBarPixels = 0.0;
    };
    AnnotationLayout layoutAnnotations(const QFont& baseFont, const QSize& size,
                                       const viewer::ViewTransform& view) const;

    void ensureRendered();
    viewer::SlicePointerEvent pointerEvent(const QMouseEvent& event) const;
    void applyToolResult(const viewer::SliceToolResult& result);
    void paintAnnotations(QPainter& painter, const QSize& size, const viewer::ViewTransform& view);
    void paintToolOverlay(QPainter& painter, const viewer::ViewTransform& view);

    std::shared_ptr<const viewer::ViewerScene> scene_;
    viewer::SliceViewState state_;
    std::vector<viewer::WindowLevelPreset> presets_;
    std::unique_ptr<viewer::SliceTool> tool_;
    bool active_ = false;

    // The composited slice is cached: panning, zooming and moving the crosshair within the
    // plane only repaint; a new plane or window/level re-renders.
    viewer::SliceRenderer renderer_;
    std::optional<viewer::RenderedSlice> rendered_;
    QImage renderedImage_;
    double renderedPlaneMm_ = 0.0;
    viewer::WindowLevel renderedWindowLevel_;

    Drag drag_ = Drag::None;
    QPointF dragStart_;
    viewer::SliceViewState stateAtDragStart_;
    std::optional<Vec3> cursorBeforePress_;
};

} // namespace metis::viewer_widgets
