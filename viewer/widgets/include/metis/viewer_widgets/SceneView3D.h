#pragma once

#include "metis/viewer_widgets/RgbaImageView.h"

namespace metis::viewer {
class OffscreenSceneRenderer;
}

namespace metis::viewer_widgets {

/// Hosts an offscreen-rendered 3D scene: renders at the widget's device-pixel size whenever
/// the widget is shown or resized.
class SceneView3D : public RgbaImageView {
    Q_OBJECT
public:
    explicit SceneView3D(viewer::OffscreenSceneRenderer& renderer, QWidget* parent = nullptr);

    void renderScene();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    viewer::OffscreenSceneRenderer& renderer_;
};

} // namespace metis::viewer_widgets
