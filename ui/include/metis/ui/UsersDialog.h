#pragma once
// Tools > Users: who may sign in, in which role and how (an OS account, a password). Admins
// change them; everyone sees the list and may set their own password. Every change goes
// through the database's user calls (permission-checked and audited), as `metis-cli user` does.

#include "metis/database/PatientDatabase.h"

#include <QDialog>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace metis::ui {

class UsersDialog : public QDialog {
    Q_OBJECT
public:
    UsersDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QPushButton* addButton() const { return addButton_; }
    QString message() const;

    // What the buttons do, each returning the problem in words (empty on success; also shown).
    QString addUser(const QString& username, const QString& displayName, db::Role role,
                    const QString& osAccount, const QString& password);
    QString setPassword(const QString& username, const QString& password);
    QString bindOsAccount(const QString& username, const QString& osAccount);
    QString changeRole(const QString& username, db::Role role);
    QString setActive(const QString& username, bool active);
    void reload();

private:
    QString selectedUser() const;
    QString apply(const std::function<void()>& change, const QString& done);
    void updateButtons();

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    QTableWidget* table_;
    QLineEdit* newName_;
    QLineEdit* newDisplayName_;
    QComboBox* newRole_;
    QLineEdit* newOsAccount_;
    QLineEdit* newPassword_;
    QPushButton* addButton_;
    QComboBox* role_;
    QPushButton* roleButton_;
    QPushButton* passwordButton_;
    QPushButton* bindButton_;
    QPushButton* activeButton_;
    QLabel* message_;
};

} // namespace metis::ui
