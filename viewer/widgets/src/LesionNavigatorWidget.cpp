#include "metis/viewer_widgets/LesionNavigatorWidget.h"

#include <QPainter>
#include <QPixmap>

namespace metis::viewer_widgets {

namespace {

/// A swatch in the overlay colours: yellow (manual), green (predicted) or both halves.
QIcon swatch(viewer::LesionEntry::Kind kind) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QColor manual(255, 255, 0);
    const QColor predicted(0, 255, 0);
    switch (kind) {
    case viewer::LesionEntry::Kind::Matched:
        painter.fillRect(0, 0, 7, 14, manual);
        painter.fillRect(7, 0, 7, 14, predicted);
        break;
    case viewer::LesionEntry::Kind::ManualOnly:
        painter.fillRect(0, 0, 14, 14, manual);
        break;
    case viewer::LesionEntry::Kind::PredictedOnly:
        painter.fillRect(0, 0, 14, 14, predicted);
        break;
    }
    return QIcon(pixmap);
}

} // namespace

LesionNavigatorWidget::LesionNavigatorWidget(QWidget* parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(true);
    connect(this, &QListWidget::itemClicked, this, &LesionNavigatorWidget::announce);
    connect(this, &QListWidget::itemActivated, this, &LesionNavigatorWidget::announce);
}

void LesionNavigatorWidget::setLesions(std::vector<viewer::LesionEntry> lesions) {
    lesions_ = std::move(lesions);
    clear();
    for (std::size_t n = 0; n < lesions_.size(); ++n) {
        auto* item = new QListWidgetItem(swatch(lesions_[n].kind),
                                         QString::fromStdString(lesions_[n].description()), this);
        item->setData(Qt::UserRole, static_cast<qulonglong>(n));
    }
}

void LesionNavigatorWidget::announce(QListWidgetItem* item) {
    if (!item) {
        return;
    }
    const auto index = static_cast<std::size_t>(item->data(Qt::UserRole).toULongLong());
    if (index < lesions_.size()) {
        Q_EMIT lesionSelected(lesions_[index].centreMm);
    }
}

} // namespace metis::viewer_widgets
