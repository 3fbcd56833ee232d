#pragma once

#include "metis/viewer/RgbaImage.h"

#include <QImage>
#include <QWidget>

namespace metis::viewer_widgets {

/// Shows an RgbaImage rendered elsewhere (slices, the 3D scene). Holds no viewer logic.
class RgbaImageView : public QWidget {
    Q_OBJECT
public:
    explicit RgbaImageView(QWidget* parent = nullptr);

    void setImage(const viewer::RgbaImage& image);
    const QImage& image() const { return image_; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage image_;
};

} // namespace metis::viewer_widgets
