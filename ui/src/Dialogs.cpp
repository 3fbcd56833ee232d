#include "metis/ui/Dialogs.h"

#include "metis/ui/FileDialogs.h"
#include "metis/ui/JobRunner.h"
#include "metis/workflow/SignIn.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace metis::ui {

LoginDialog::LoginDialog(db::PatientDatabase& database, QWidget* parent)
    : QDialog(parent), database_(database), users_(new QComboBox(this)),
      password_(new QLineEdit(this)), refusal_(new QLabel(this)) {
    setWindowTitle(tr("Metis - sign in"));
    for (const db::User& user : database_.activeUsers()) {
        users_->addItem(
            QStringLiteral("%1 (%2)").arg(QString::fromStdString(user.displayName),
                                          QString::fromStdString(db::toString(user.role))),
            QString::fromStdString(user.username));
    }
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("empty: signed in as this computer's account"));
    refusal_->setWordWrap(true);
    refusal_->setStyleSheet(QStringLiteral("color: #e06c6c;"));
    refusal_->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("User"), users_);
    form->addRow(tr("Password"), password_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Research use only. Not for clinical decisions."), this));
    layout->addLayout(form);
    layout->addWidget(refusal_);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void LoginDialog::fill(const QString& username, const QString& password) {
    users_->setCurrentIndex(users_->findData(username));
    password_->setText(password);
}

QString LoginDialog::refusalReason(const workflow::SignInRefused& refusal,
                                   const QString& username) {
    using Reason = workflow::SignInRefused::Reason;
    const QString osAccount = QString::fromStdString(refusal.osAccount());
    switch (refusal.reason()) {
    case Reason::Locked:
        return tr("too many failed sign-ins for '%1': try again in %2 minutes")
            .arg(username)
            .arg(workflow::kLockoutMinutes);
    case Reason::NoSuchUser:
        return tr("no active user '%1'").arg(username);
    case Reason::NoCredential:
        return tr("'%1' has no password and no OS account to sign in with; an administrator "
                  "sets one")
            .arg(username);
    case Reason::NeedsPassword:
        return tr("'%1' needs a password (this program runs as the OS account '%2', not one "
                  "bound to that user)")
            .arg(username, osAccount);
    case Reason::WrongPassword:
        return tr("wrong password for '%1'").arg(username);
    case Reason::WrongSystemPassword:
        return tr("wrong password for '%1' (checked as the OS account '%2')")
            .arg(username, osAccount);
    }
    return QString::fromStdString(refusal.what());
}

void LoginDialog::signIn() {
    const std::string username = users_->currentData().toString().toStdString();
    const QString typed = password_->text();
    try {
        user_ = workflow::signIn(database_, username,
                                 typed.isEmpty() ? std::nullopt
                                                 : std::optional<std::string>(typed.toStdString()));
        accept();
    } catch (const workflow::SignInRefused& e) {
        user_.reset();
        password_->clear();
        const QString reason = refusalReason(e, QString::fromStdString(username));
        refusal_->setText(e.needsPassword() ? tr("Not signed in: %1. Type the password.").arg(reason)
                                            : tr("Not signed in: %1.").arg(reason));
        refusal_->show();
    }
}

QString LoginDialog::refusal() const {
    return refusal_->isVisible() ? refusal_->text() : QString();
}

ImportDialog::ImportDialog(QString databasePath, QString username, QWidget* parent)
    : QDialog(parent), databasePath_(std::move(databasePath)), username_(std::move(username)),
      paths_(new QListWidget(this)), csv_(new QLineEdit(this)), progress_(new QProgressBar(this)),
      status_(new QLabel(this)), log_(new QPlainTextEdit(this)),
      startButton_(new QPushButton(tr("Import"), this)),
      cancelButton_(new QPushButton(tr("Cancel import"), this)) {
    setWindowTitle(tr("Import studies"));
    resize(720, 520);
    auto* addFolderButton = new QPushButton(tr("Add folder..."), this);
    auto* addFilesButton = new QPushButton(tr("Add files..."), this);
    auto* csvButton = new QPushButton(tr("Clinical CSV..."), this);
    csv_->setPlaceholderText(tr("optional: patient id, diagnosis date, EGFR status"));
    log_->setReadOnly(true);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    cancelButton_->setEnabled(false);

    auto* pathButtons = new QHBoxLayout;
    pathButtons->addWidget(addFolderButton);
    pathButtons->addWidget(addFilesButton);
    pathButtons->addStretch();
    auto* csvRow = new QHBoxLayout;
    csvRow->addWidget(csv_, 1);
    csvRow->addWidget(csvButton);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(progress_, 1);
    runRow->addWidget(startButton_);
    runRow->addWidget(cancelButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:"), this));
    layout->addWidget(paths_, 1);
    layout->addLayout(pathButtons);
    layout->addLayout(csvRow);
    layout->addLayout(runRow);
    layout->addWidget(status_);
    layout->addWidget(log_, 1);

    connect(addFolderButton, &QPushButton::clicked, this, &ImportDialog::addFolder);
    connect(addFilesButton, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(csvButton, &QPushButton::clicked, this, &ImportDialog::chooseCsv);
    connect(startButton_, &QPushButton::clicked, this, &ImportDialog::start);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (job_) {
            job_->cancel();
            status_->setText(tr("Cancelling after the current series..."));
        }
    });
}

void ImportDialog::addFolder() {
    const QString folder = chooseFolder(this, tr("Add a folder"));
    if (!folder.isEmpty()) {
        paths_->addItem(folder);
    }
}

void ImportDialog::addFiles() {
    for (const QString& file : chooseOpenFiles(this, tr("Add files"))) {
        paths_->addItem(file);
    }
}

void ImportDialog::chooseCsv() {
    const QString file =
        chooseOpenFile(this, tr("Clinical CSV"), tr("CSV files (*.csv);;All files (*)"));
    if (!file.isEmpty()) {
        csv_->setText(file);
    }
}

bool ImportDialog::isRunning() const {
    return job_ && job_->isRunning();
}

void ImportDialog::startImport(const QStringList& paths, const QString& clinicalCsv) {
    paths_->clear();
    paths_->addItems(paths);
    csv_->setText(clinicalCsv);
    start();
}

void ImportDialog::start() {
    if (isRunning()) {
        return;
    }
    std::vector<std::string> paths;
    for (int i = 0; i < paths_->count(); ++i) {
        paths.push_back(paths_->item(i)->text().toStdString());
    }
    if (paths.empty() && csv_->text().isEmpty()) {
        status_->setText(tr("Add a folder, files or a clinical CSV first."));
        return;
    }
    db::ImportOptions options;
    options.clinicalCsv = csv_->text().toStdString();
    options.username = username_.toStdString();
    const std::string databasePath = databasePath_.toStdString();
    // The worker opens its own connection: connections are never shared between threads.
    auto report = std::make_shared<db::ImportReport>();
    if (job_) {
        job_->deleteLater();
    }
    job_ = new Job(
        tr("Import"),
        [databasePath, paths, options, report](ProgressSink& sink) {
            db::PatientDatabase database(databasePath);
            *report = db::importPaths(database, paths, options, sink);
            return QVariant();
        },
        this);
    connect(job_, &Job::progressed, this, [this](double fraction, const QString& detail) {
        progress_->setValue(static_cast<int>(fraction * 1000));
        status_->setText(detail);
    });
    connect(job_, &Job::finished, this, [this, report] {
        progress_->setValue(1000);
        showReport(*report);
        Q_EMIT importFinished(true);
    });
    connect(job_, &Job::cancelled, this, [this] {
        status_->setText(tr("Import cancelled. Series imported before the cancel are kept."));
        Q_EMIT importFinished(false);
    });
    connect(job_, &Job::failed, this, [this](const QString& message) {
        status_->setText(tr("Import stopped: %1").arg(message));
        log_->appendPlainText(tr("ERROR: %1").arg(message));
        Q_EMIT importFinished(false);
    });
    const auto idle = [this] {
        startButton_->setEnabled(true);
        cancelButton_->setEnabled(false);
    };
    connect(job_, &Job::finished, this, idle);
    connect(job_, &Job::failed, this, idle);
    connect(job_, &Job::cancelled, this, idle);
    startButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    log_->clear();
    status_->setText(tr("Importing..."));
    job_->start();
}

void ImportDialog::showReport(const db::ImportReport& report) {
    report_ = report;
    status_->setText(tr("%1 series (%2 images), %3 structure sets and %4 clinical rows imported; "
                        "%5 already present; %6 problem(s).")
                         .arg(report.seriesImported)
                         .arg(report.instancesImported)
                         .arg(report.structureSetsImported)
                         .arg(report.clinicalRowsImported)
                         .arg(report.seriesAlreadyPresent + report.structureSetsAlreadyPresent)
                         .arg(report.errors.size()));
    for (const auto& error : report.errors) {
        log_->appendPlainText(
            tr("ERROR  %1: %2")
                .arg(QString::fromStdString(error.path), QString::fromStdString(error.message)));
    }
    for (const auto& note : report.notes) {
        log_->appendPlainText(
            tr("note   %1: %2")
                .arg(QString::fromStdString(note.path), QString::fromStdString(note.message)));
    }
}

AuditLogDialog::AuditLogDialog(db::PatientDatabase& database, QWidget* parent)
    : QDialog(parent), database_(database), user_(new QLineEdit(this)),
      entity_(new QLineEdit(this)), action_(new QLineEdit(this)), table_(new QTableWidget(this)),
      chain_(new QLabel(this)) {
    setWindowTitle(tr("Audit log"));
    resize(900, 560);
    user_->setPlaceholderText(tr("user"));
    entity_->setPlaceholderText(tr("patient, series or structure set"));
    action_->setPlaceholderText(tr("action (prefix)"));
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels(
        {tr("Time (UTC)"), tr("User"), tr("Action"), tr("Entity"), tr("ID"), tr("Details")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* filters = new QHBoxLayout;
    filters->addWidget(user_);
    filters->addWidget(entity_);
    filters->addWidget(action_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);
    layout->addWidget(chain_);
    for (QLineEdit* field : {user_, entity_, action_}) {
        connect(field, &QLineEdit::textChanged, this, &AuditLogDialog::reload);
    }
    reload();
    const auto check = database_.check();
    chain_->setText(check.ok()
                        ? tr("Audit chain verified: %1 entries, no tampering found.")
                              .arg(check.auditEntriesVerified)
                        : tr("WARNING: %1").arg(QString::fromStdString(check.problems.front())));
}

void AuditLogDialog::reload() {
    const auto entries = database_.auditLog(user_->text().trimmed().toStdString(),
                                            entity_->text().trimmed().toStdString(),
                                            action_->text().trimmed().toStdString(), 2000);
    table_->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < static_cast<int>(entries.size()); ++row) {
        const auto& e = entries[static_cast<size_t>(row)];
        const std::string cells[] = {e.at, e.username, e.action, e.entity, e.entityId, e.details};
        for (int column = 0; column < 6; ++column) {
            table_->setItem(row, column,
                            new QTableWidgetItem(QString::fromStdString(cells[column])));
        }
    }
}

} // namespace metis::ui
