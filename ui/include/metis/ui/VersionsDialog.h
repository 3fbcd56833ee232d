#pragma once

#include "metis/database/PatientDatabase.h"

#include <QDialog>
#include <cstdint>
#include <vector>

class QLabel;
class QTableWidget;

namespace metis::ui {

/// Every structure set version of a series (manual, imported, AI): who saved it, when, from
/// which parent, its review status and note. Two selected versions are compared with the figures
/// of the Manual vs AI panel (Dice and HD95 over the whole GTV, pooled over both directions).
class VersionsDialog : public QDialog {
    Q_OBJECT
public:
    VersionsDialog(db::PatientDatabase& database, std::int64_t seriesId, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    /// Compares the two versions (the first as reference); returns the text shown.
    QString compare(std::int64_t first, std::int64_t second);
    const std::vector<db::StructureSetVersion>& versions() const { return versions_; }

private:
    db::PatientDatabase& database_;
    std::vector<db::StructureSetVersion> versions_;
    QTableWidget* table_ = nullptr;
    QLabel* result_ = nullptr;
};

} // namespace metis::ui
