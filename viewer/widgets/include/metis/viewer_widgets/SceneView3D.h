#pragma once

#include "metis/viewer_widgets/RgbaImageView.h"

namespace metis::viewer {
class OffscreenSceneRenderer;
}

namespace metis::viewer_widgets {

/// Hosts an offscreen-rendered 3D scene: renders at the widget's device-pixel size whenever
/// the widget is shown or resized, with a scale bar (the renderer projects in parallel) and the
/// viewing direction.
class SceneView3D : public RgbaImageView {
    Q_OBJECT
public:
    explicit SceneView3D(viewer::OffscreenSceneRenderer& renderer, QWidget* parent = nullptr);

    void renderScene();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    viewer::OffscreenSceneRenderer& renderer_;
    double pixelsPerMm_ = 0.0; ///< of the frame shown, in widget pixels
};

} // namespace metis::viewer_widgets
