#pragma once

#include "metis/database/PatientDatabase.h"

#include <QDialog>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace metis::ui {

/// The model registry: every registered MTSA-Net package with its version, registration date,
/// metrics and which one is active. Registering needs TrainModel, activating ActivateModel; the
/// buttons are disabled for other roles and the database refuses them again. Before a package
/// is registered or activated it is read and checked again, so a package whose files have gone
/// or changed is refused with a message naming the file.
class ModelsDialog : public QDialog {
    Q_OBJECT
public:
    ModelsDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                 QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QPushButton* activateButton() const { return activateButton_; }
    QPushButton* registerButton() const { return registerButton_; }
    /// The outcome of the last register/activate: a confirmation or the error, shown in the
    /// dialog (not in a modal box, so that reading it never blocks the workstation).
    QString message() const;

    /// Checks the package in `packageDir` and registers it under its folder name; returns
    /// whether it was registered (or already was).
    bool registerPackage(const QString& packageDir);
    /// Checks the registered model's package against what was registered, then activates it
    /// with `reason` (audited). An untrained package is refused unless `allowUntrained`.
    bool activateModel(std::int64_t modelId, const QString& reason, bool allowUntrained = false);
    void reload();

Q_SIGNALS:
    void activeModelChanged();

private:
    void choosePackage();
    void activateSelected();
    void updateButtons();
    void report(const QString& text, bool isError);

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    QTableWidget* table_;
    QPushButton* activateButton_;
    bool untrainedRefused_ = false; ///< the last activation was refused for untrained weights
    QPushButton* registerButton_;
    QLabel* message_;
};

} // namespace metis::ui
