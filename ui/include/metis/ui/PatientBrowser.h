#pragma once

#include "metis/database/PatientDatabase.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace metis::ui {

class PatientListModel;

/// Search, filters and the paged patient table. Emits patientActivated on double-click/Enter.
class PatientBrowser : public QWidget {
    Q_OBJECT
public:
    explicit PatientBrowser(db::PatientDatabase& database, QWidget* parent = nullptr);

    PatientListModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    /// Shows or hides a column of the list (the header's context menu does this), remembered
    /// for the next session; the patient ID always stays.
    void setColumnShown(int column, bool shown);
    QLineEdit* searchField() const { return search_; }
    void refresh();
    /// Selects the patient's row if it is loaded; returns whether it was found.
    bool selectPatient(const QString& patientId);

Q_SIGNALS:
    void patientActivated(const QString& patientId);

private:
    void arrangeColumns();
    void applyFilters();

    PatientListModel* model_;
    QLineEdit* search_;
    QComboBox* egfr_;
    QComboBox* review_;
    QCheckBox* manualOnly_;
    QCheckBox* aiOnly_;
    QCheckBox* useDates_;
    QDateEdit* from_;
    QDateEdit* to_;
    QTableView* table_;
    QLabel* count_;
};

} // namespace metis::ui
