#include "metis/ui/UsersDialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace metis::ui {
namespace {

constexpr db::Role kRoles[] = {db::Role::Oncologist, db::Role::Annotator, db::Role::Physicist,
                               db::Role::Admin};

QString roleName(db::Role role) {
    switch (role) {
    case db::Role::Oncologist:
        return UsersDialog::tr("oncologist");
    case db::Role::Annotator:
        return UsersDialog::tr("annotator");
    case db::Role::Physicist:
        return UsersDialog::tr("physicist");
    case db::Role::Admin:
        return UsersDialog::tr("admin");
    }
    return {};
}

QComboBox* roleChoice(QWidget* parent) {
    auto* combo = new QComboBox(parent);
    for (const db::Role role : kRoles) {
        combo->addItem(roleName(role), static_cast<int>(role));
    }
    return combo;
}

} // namespace

UsersDialog::UsersDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                         QWidget* parent)
    : QDialog(parent), database_(std::move(database)), user_(std::move(user)),
      table_(new QTableWidget(0, 5, this)), newName_(new QLineEdit(this)),
      newDisplayName_(new QLineEdit(this)), newRole_(roleChoice(this)),
      newOsAccount_(new QLineEdit(this)), newPassword_(new QLineEdit(this)),
      addButton_(new QPushButton(tr("Add user"), this)), role_(roleChoice(this)),
      roleButton_(new QPushButton(tr("Change role"), this)),
      passwordButton_(new QPushButton(tr("Set password..."), this)),
      bindButton_(new QPushButton(tr("OS account..."), this)),
      activeButton_(new QPushButton(tr("Deactivate"), this)), message_(new QLabel(this)) {
    setWindowTitle(tr("Users"));
    resize(720, 560);
    table_->setHorizontalHeaderLabels(
        {tr("User"), tr("Name"), tr("Role"), tr("Signs in with"), tr("Status")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    newPassword_->setEchoMode(QLineEdit::Password);
    newPassword_->setPlaceholderText(tr("at least 8 characters, or empty"));
    newOsAccount_->setPlaceholderText(tr("optional: the OS account that signs in as this user"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);

    auto* selected = new QHBoxLayout;
    selected->addWidget(role_);
    selected->addWidget(roleButton_);
    selected->addWidget(passwordButton_);
    selected->addWidget(bindButton_);
    selected->addWidget(activeButton_);
    selected->addStretch();

    auto* add = new QGroupBox(tr("New user"), this);
    auto* form = new QFormLayout(add);
    form->addRow(tr("User name"), newName_);
    form->addRow(tr("Name shown"), newDisplayName_);
    form->addRow(tr("Role"), newRole_);
    form->addRow(tr("OS account"), newOsAccount_);
    form->addRow(tr("Password"), newPassword_);
    form->addRow(QString(), addButton_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(selected);
    layout->addWidget(add);
    layout->addWidget(message_);

    const bool admin = db::roleAllows(user_.role, db::Permission::ManageUsers);
    add->setEnabled(admin);
    if (!admin) {
        message_->setText(tr("Only an administrator manages users; you may set your own "
                             "password."));
    }
    connect(table_, &QTableWidget::itemSelectionChanged, this, &UsersDialog::updateButtons);
    connect(addButton_, &QPushButton::clicked, this, [this] {
        if (addUser(newName_->text(), newDisplayName_->text(),
                    static_cast<db::Role>(newRole_->currentData().toInt()), newOsAccount_->text(),
                    newPassword_->text())
                .isEmpty()) {
            newName_->clear();
            newDisplayName_->clear();
            newOsAccount_->clear();
        }
        newPassword_->clear();
    });
    connect(roleButton_, &QPushButton::clicked, this, [this] {
        changeRole(selectedUser(), static_cast<db::Role>(role_->currentData().toInt()));
    });
    connect(passwordButton_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString password = QInputDialog::getText(
            this, tr("Set password"),
            tr("New password for %1 (at least 8 characters; empty removes it):")
                .arg(selectedUser()),
            QLineEdit::Password, QString(), &ok);
        if (ok) {
            setPassword(selectedUser(), password);
        }
    });
    connect(bindButton_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString account = QInputDialog::getText(
            this, tr("OS account"),
            tr("OS account that signs in as %1 (empty: none):").arg(selectedUser()),
            QLineEdit::Normal, QString(), &ok);
        if (ok) {
            bindOsAccount(selectedUser(), account.trimmed());
        }
    });
    connect(activeButton_, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        const bool active = row >= 0 && table_->item(row, 0)->data(Qt::UserRole).toBool();
        setActive(selectedUser(), !active);
    });
    reload();
}

void UsersDialog::reload() {
    const QString keep = selectedUser();
    table_->setRowCount(0);
    for (const db::UserAccount& account : database_->userAccounts()) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        QStringList ways;
        if (!account.credentials.osAccount.empty()) {
            ways << tr("OS account %1").arg(QString::fromStdString(account.credentials.osAccount));
        }
        if (account.credentials.hasPassword) {
            ways << tr("password");
        }
        const QStringList values{QString::fromStdString(account.user.username),
                                 QString::fromStdString(account.user.displayName),
                                 roleName(account.user.role),
                                 ways.isEmpty() ? tr("nothing: cannot sign in") : ways.join(", "),
                                 account.active ? tr("active") : tr("inactive")};
        for (int column = 0; column < values.size(); ++column) {
            table_->setItem(row, column, new QTableWidgetItem(values[column]));
        }
        table_->item(row, 0)->setData(Qt::UserRole, account.active);
        table_->item(row, 2)->setData(Qt::UserRole, static_cast<int>(account.user.role));
        if (values[0] == keep) {
            table_->selectRow(row);
        }
    }
    table_->resizeColumnsToContents();
    updateButtons();
}

QString UsersDialog::selectedUser() const {
    const int row = table_->currentRow();
    return row >= 0 && table_->item(row, 0) ? table_->item(row, 0)->text() : QString();
}

void UsersDialog::updateButtons() {
    const QString selected = selectedUser();
    const bool admin = db::roleAllows(user_.role, db::Permission::ManageUsers);
    const bool own = selected == QString::fromStdString(user_.username);
    const int row = table_->currentRow();
    roleButton_->setEnabled(admin && !selected.isEmpty());
    role_->setEnabled(admin && !selected.isEmpty());
    bindButton_->setEnabled(admin && !selected.isEmpty());
    passwordButton_->setEnabled(!selected.isEmpty() && (admin || own));
    activeButton_->setEnabled(admin && !selected.isEmpty() && !own);
    if (row >= 0) {
        role_->setCurrentIndex(role_->findData(table_->item(row, 2)->data(Qt::UserRole)));
        activeButton_->setText(table_->item(row, 0)->data(Qt::UserRole).toBool()
                                   ? tr("Deactivate")
                                   : tr("Reactivate"));
    }
}

QString UsersDialog::message() const {
    return message_->text();
}

QString UsersDialog::apply(const std::function<void()>& change, const QString& done) {
    QString problem;
    try {
        change();
    } catch (const std::exception& e) {
        problem = QString::fromStdString(e.what());
    }
    message_->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #e06c6c;"));
    message_->setText(problem.isEmpty() ? done : tr("Not changed: %1").arg(problem));
    reload();
    return problem;
}

QString UsersDialog::addUser(const QString& username, const QString& displayName, db::Role role,
                             const QString& osAccount, const QString& password) {
    const std::string name = username.trimmed().toStdString();
    return apply(
        [&] {
            database_->require(user_, db::Permission::ManageUsers, "add the user " + name);
            if (!password.isEmpty() && password.size() < 8) {
                throw std::invalid_argument("a password needs at least 8 characters");
            }
            database_->addUser(
                name, displayName.trimmed().isEmpty() ? name : displayName.trimmed().toStdString(),
                role, user_.username, osAccount.trimmed().toStdString());
            if (!password.isEmpty()) {
                database_->setPassword(user_, name, password.toStdString());
            }
        },
        tr("Added %1.").arg(QString::fromStdString(name)));
}

QString UsersDialog::setPassword(const QString& username, const QString& password) {
    return apply(
        [&] { database_->setPassword(user_, username.toStdString(), password.toStdString()); },
        password.isEmpty() ? tr("Password of %1 removed.").arg(username)
                           : tr("Password of %1 set.").arg(username));
}

QString UsersDialog::bindOsAccount(const QString& username, const QString& osAccount) {
    return apply(
        [&] { database_->setOsAccount(user_, username.toStdString(), osAccount.toStdString()); },
        osAccount.isEmpty() ? tr("%1 is bound to no OS account.").arg(username)
                            : tr("%1 signs in as the OS account %2.").arg(username, osAccount));
}

QString UsersDialog::changeRole(const QString& username, db::Role role) {
    return apply([&] { database_->setRole(user_, username.toStdString(), role); },
                 tr("%1 is now %2.").arg(username, roleName(role)));
}

QString UsersDialog::setActive(const QString& username, bool active) {
    return apply([&] { database_->setActive(user_, username.toStdString(), active); },
                 active ? tr("%1 may sign in again.").arg(username)
                        : tr("%1 can no longer sign in.").arg(username));
}

} // namespace metis::ui
