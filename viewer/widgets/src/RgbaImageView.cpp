#include "metis/viewer_widgets/RgbaImageView.h"

#include <QPainter>

namespace metis::viewer_widgets {

RgbaImageView::RgbaImageView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void RgbaImageView::setImage(const viewer::RgbaImage& image) {
    // Deep copy: the QImage must not point into a buffer the renderer reuses.
    image_ = QImage(image.pixels.data(), image.width, image.height, image.width * 4,
                    QImage::Format_RGBA8888)
                 .copy();
    image_.setDevicePixelRatio(devicePixelRatioF());
    update();
}

void RgbaImageView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (!image_.isNull()) {
        painter.drawImage(QPointF(0, 0), image_);
    }
}

} // namespace metis::viewer_widgets
