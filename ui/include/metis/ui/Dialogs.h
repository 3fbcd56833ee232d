#pragma once

#include "metis/database/Importer.h"
#include "metis/database/PatientDatabase.h"
#include "metis/workflow/SignIn.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace metis::ui {

class Job;

/// Picks who works at the workstation; the role decides what the UI allows.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(db::PatientDatabase& database, QWidget* parent = nullptr);
    /// The signed-in user once the dialog was accepted.
    std::optional<db::User> user() const { return user_; }

    /// Picks a user and types a password as a person would (tests, scripted screenshots).
    void fill(const QString& username, const QString& password);
    /// Signs in with what is filled in (workflow::signIn): accepts the dialog, or shows why
    /// the sign-in was refused and stays open.
    void signIn();
    QString refusal() const;
    /// Why a sign-in was refused, in the interface's language.
    static QString refusalReason(const workflow::SignInRefused& refusal, const QString& username);

private:
    db::PatientDatabase& database_;
    QComboBox* users_;
    QLineEdit* password_;
    QLabel* refusal_;
    std::optional<db::User> user_;
};

/// Folders, files and a clinical CSV in; a background import with progress, cancel and a
/// per-file problem report out. Opens its own database connection on the worker thread.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(QString databasePath, QString username, QWidget* parent = nullptr);

    /// Starts importing these paths at once (used by the first-run demo and tests).
    void startImport(const QStringList& paths, const QString& clinicalCsv = {});
    bool isRunning() const;
    /// The report of the last finished import.
    const db::ImportReport& report() const { return report_; }
    QPlainTextEdit* log() const { return log_; }

Q_SIGNALS:
    void importFinished(bool succeeded);

private:
    void addFolder();
    void addFiles();
    void chooseCsv();
    void start();
    void showReport(const db::ImportReport& report);

    QString databasePath_;
    QString username_;
    QListWidget* paths_;
    QLineEdit* csv_;
    QProgressBar* progress_;
    QLabel* status_;
    QPlainTextEdit* log_;
    QPushButton* startButton_;
    QPushButton* cancelButton_;
    Job* job_ = nullptr;
    db::ImportReport report_;
};

/// The audit log, filtered by user, patient/entity and action.
class AuditLogDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditLogDialog(db::PatientDatabase& database, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }
    void reload();

private:
    db::PatientDatabase& database_;
    QLineEdit* user_;
    QLineEdit* entity_;
    QLineEdit* action_;
    QTableWidget* table_;
    QLabel* chain_;
};

} // namespace metis::ui
