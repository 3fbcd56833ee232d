#pragma once

#include "metis/viewer/SliceRenderer.h"

#include <QWidget>
#include <array>
#include <memory>

class QGridLayout;

namespace metis::viewer {
class OffscreenSceneRenderer;
}

namespace metis::viewer_widgets {

class LayerLegend;
class SceneView3D;
class SliceView;

enum class MprLayoutMode {
    Single,     ///< the axial view alone
    OneByThree, ///< axial, coronal, sagittal side by side
    TwoByTwo,   ///< axial, coronal / sagittal, 3D
};

/// The MPR views of one scene with a linked crosshair and a shared window/level, under a legend
/// of the overlay layers; a double-click on a view maximises it and a second one restores the
/// layout.
class MprLayout : public QWidget {
    Q_OBJECT
public:
    explicit MprLayout(QWidget* parent = nullptr);
    ~MprLayout() override;

    /// Shows `scene` in every view: crosshair at the image centre, the first T1-CE preset, and
    /// the lesion surfaces of each overlay layer in the 3D view.
    void setScene(std::shared_ptr<viewer::ViewerScene> scene);
    const std::shared_ptr<viewer::ViewerScene>& scene() const { return scene_; }
    /// Call after editing the scene's layers (visibility, style, colours, labels).
    void sceneChanged();
    /// Voxels of `labels` within `changed` were edited in place: the 2D views repaint them at
    /// once; the 3D surfaces follow with the next sceneChanged() (after the stroke).
    void labelsEdited(const LabelMap& labels, const viewer::LabelBounds& changed);

    void setLayoutMode(MprLayoutMode mode);
    MprLayoutMode layoutMode() const { return mode_; }
    /// Maximises `view` (one of this layout's views), or restores the layout if it is maximised.
    void toggleMaximised(QWidget* view);
    QWidget* maximisedView() const { return maximised_; }

    SliceView* sliceView(viewer::ViewOrientation orientation) const;
    /// The 2D view the user last clicked, scrolled or focused (axial at first): the slice
    /// operations of the contour editor work along its axis. It is framed on screen.
    viewer::ViewOrientation activeOrientation() const { return active_; }
    void setActiveOrientation(viewer::ViewOrientation orientation);
    SceneView3D* sceneView() const { return sceneView_; }
    /// The legend above the views: show/hide, outline or fill, opacity, palette per layer.
    LayerLegend* legend() const { return legend_; }

    void setCursorMm(const Vec3& cursorMm);
    /// Moves every view to `pointMm` and centres it there (the lesion navigator's target).
    void centreOn(const Vec3& pointMm);
    bool exportPng(const QString& path);

Q_SIGNALS:
    void cursorMoved(const metis::Vec3& cursorMm);
    void activeOrientationChanged(metis::viewer::ViewOrientation orientation);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void relayout();
    /// Repaints every view and rebuilds the 3D surfaces from the scene as it is.
    void redraw();
    void rebuildSurfaces();

    std::shared_ptr<viewer::ViewerScene> scene_;
    std::unique_ptr<viewer::OffscreenSceneRenderer> renderer_;
    std::array<SliceView*, 3> sliceViews_{};
    SceneView3D* sceneView_ = nullptr;
    LayerLegend* legend_ = nullptr;
    QGridLayout* grid_ = nullptr;
    MprLayoutMode mode_ = MprLayoutMode::TwoByTwo;
    QWidget* maximised_ = nullptr;
    viewer::ViewOrientation active_ = viewer::ViewOrientation::Axial;
};

} // namespace metis::viewer_widgets
