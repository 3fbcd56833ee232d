#include "metis/viewer_widgets/SceneView3D.h"

#include "metis/viewer/OffscreenSceneRenderer.h"

#include <QPainter>
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
    pixelsPerMm_ = renderer_.pixelsPerMm(h) / ratio;
}

void SceneView3D::paintEvent(QPaintEvent* event) {
    RgbaImageView::paintEvent(event);
    QPainter painter(this);
    painter.setPen(QColor(235, 235, 235));
    const int margin = 8;
    painter.drawText(QRect(margin, margin, width() - 2 * margin, height() - 2 * margin),
                     Qt::AlignLeft | Qt::AlignTop, tr("3D, seen from the front (A)"));
    if (pixelsPerMm_ <= 0.0) {
        return;
    }
    // The longest of 10, 20, 50, 100 mm that fits a quarter of the width.
    double lengthMm = 10.0;
    for (const double candidate : {20.0, 50.0, 100.0}) {
        if (candidate * pixelsPerMm_ <= width() / 4.0) {
            lengthMm = candidate;
        }
    }
    const double bar = lengthMm * pixelsPerMm_;
    const QPointF end(width() - margin, height() - margin - painter.fontMetrics().height());
    painter.setPen(QPen(QColor(235, 235, 235), 2.0));
    painter.drawLine(QPointF(end.x() - bar, end.y()), end);
    painter.drawText(
        QRectF(end.x() - bar - 40, end.y() + 2, bar + 40, painter.fontMetrics().height()),
        Qt::AlignRight | Qt::AlignTop, tr("%1 mm").arg(lengthMm));
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
