#include "metis/viewer_widgets/SceneView3D.h"

#include "metis/viewer/OffscreenSceneRenderer.h"

#include <QResizeEvent>
#include <QShowEvent>
#include <cmath>

namespace metis::viewer_widgets {

SceneView3D::SceneView3D(viewer::OffscreenSceneRenderer& renderer, QWidget* parent)
    : RgbaImageView(parent), renderer_(renderer) {}

void SceneView3D::renderScene() {
    const double ratio = devicePixelRatioF();
    const int w = static_cast<int>(std::lround(width() * ratio));
    const int h = static_cast<int>(std::lround(height() * ratio));
    setImage(renderer_.render(w, h));
}

void SceneView3D::resizeEvent(QResizeEvent* event) {
    RgbaImageView::resizeEvent(event);
    renderScene();
}

void SceneView3D::showEvent(QShowEvent* event) {
    RgbaImageView::showEvent(event);
    renderScene();
}

} // namespace metis::viewer_widgets
