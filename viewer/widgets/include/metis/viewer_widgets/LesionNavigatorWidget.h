#pragma once

#include "metis/viewer/LesionNavigator.h"

#include <QListWidget>
#include <vector>

namespace metis::viewer_widgets {

/// The lesion list: matched pairs, missed manual lesions and predicted-only lesions. Clicking
/// (or activating with the keyboard) a row announces the lesion's centre.
class LesionNavigatorWidget : public QListWidget {
    Q_OBJECT
public:
    explicit LesionNavigatorWidget(QWidget* parent = nullptr);

    void setLesions(std::vector<viewer::LesionEntry> lesions);
    const std::vector<viewer::LesionEntry>& lesions() const { return lesions_; }

Q_SIGNALS:
    void lesionSelected(const metis::Vec3& centreMm);

private:
    void announce(QListWidgetItem* item);

    std::vector<viewer::LesionEntry> lesions_;
};

} // namespace metis::viewer_widgets
