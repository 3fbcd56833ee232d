#include "metis/ui/DemoCohortDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace metis::ui {

DemoCohortDialog::DemoCohortDialog(QString metisCli, QString cohortFolder, int patients,
                                   QWidget* parent)
    : QDialog(parent), metisCli_(std::move(metisCli)), cohortFolder_(std::move(cohortFolder)),
      patients_(patients) {
    setWindowTitle(tr("Demo cohort"));
    auto* layout = new QVBoxLayout(this);
    auto* explanation = new QLabel(
        tr("<p>The patient database is empty.</p><p>Metis can create a <b>demo cohort</b> of %1 "
           "synthetic patients (MR series, manual contours and EGFR labels generated on the "
           "Colin27 brain; SYNTHETIC, not patient data), import it and activate the demo model "
           "shipped with Metis (trained on phantom data, research use only). This takes about two "
           "minutes.</p>")
            .arg(patients_));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    layout->addWidget(explanation);
    auto* folder = new QLabel(tr("Cohort folder: %1").arg(QDir::toNativeSeparators(cohortFolder_)));
    folder->setWordWrap(true);
    folder->setTextFormat(Qt::PlainText);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(folder);
    progress_ = new QProgressBar;
    progress_->setRange(0, patients_);
    progress_->hide();
    layout->addWidget(progress_);
    status_ = new QLabel;
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* buttons = new QDialogButtonBox;
    createButton_ = buttons->addButton(tr("Create the demo cohort"), QDialogButtonBox::AcceptRole);
    closeButton_ = buttons->addButton(tr("Not now"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(createButton_, &QPushButton::clicked, this, &DemoCohortDialog::generate);
    connect(closeButton_, &QPushButton::clicked, this, [this] {
        if (process_) {
            cancel();
        } else {
            reject();
        }
    });
    setMinimumWidth(480);
}

DemoCohortDialog::~DemoCohortDialog() {
    if (process_ && process_->state() != QProcess::NotRunning) {
        cancelling_ = true;
        process_->kill();
        process_->waitForFinished(5000);
        QDir(cohortFolder_).removeRecursively();
    }
}

QString DemoCohortDialog::problem() const {
    return status_->text();
}

void DemoCohortDialog::generate() {
    if (process_) {
        return;
    }
    if (QDir(cohortFolder_).exists() && !QDir(cohortFolder_).isEmpty()) {
        fail(tr("The folder %1 exists already and is not empty; move it away or import it with "
                "File > Import studies.")
                 .arg(QDir::toNativeSeparators(cohortFolder_)));
        return;
    }
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    connect(process_, &QProcess::readyReadStandardOutput, this, &DemoCohortDialog::readProgress);
    connect(process_, &QProcess::finished, this, &DemoCohortDialog::generatorFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(tr("Cannot start %1: %2").arg(metisCli_, process_->errorString()));
            process_->deleteLater();
            process_ = nullptr;
        }
    });
    createButton_->setEnabled(false);
    closeButton_->setText(tr("Cancel"));
    progress_->setValue(0);
    progress_->show();
    status_->setText(tr("Generating the demo cohort..."));
    process_->start(metisCli_, {QStringLiteral("phantom"), QStringLiteral("--out"), cohortFolder_,
                                QStringLiteral("--preset"), QStringLiteral("demo"),
                                QStringLiteral("--seed"), QStringLiteral("1"),
                                QStringLiteral("--patients"), QString::number(patients_)});
}

void DemoCohortDialog::readProgress() {
    pendingOutput_ += process_->readAllStandardOutput();
    // The generator writes one "[n/N] PATIENT ..." line per finished patient.
    static const QRegularExpression patientLine(QStringLiteral(R"(^\[(\d+)/(\d+)\])"));
    qsizetype end = 0;
    while ((end = pendingOutput_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(pendingOutput_.left(end)).trimmed();
        pendingOutput_.remove(0, end + 1);
        const QRegularExpressionMatch match = patientLine.match(line);
        if (match.hasMatch()) {
            progress_->setRange(0, match.captured(2).toInt());
            progress_->setValue(match.captured(1).toInt());
            status_->setText(tr("Generating the demo cohort: patient %1 of %2")
                                 .arg(match.captured(1), match.captured(2)));
        } else if (!line.isEmpty()) {
            lastMessage_ = line; // the last line that is not progress explains a failure
        }
    }
}

void DemoCohortDialog::generatorFinished(int exitCode, QProcess::ExitStatus status) {
    readProgress();
    process_->deleteLater();
    process_ = nullptr;
    if (cancelling_) {
        QDir(cohortFolder_).removeRecursively();
        reject();
        return;
    }
    if (status != QProcess::NormalExit || exitCode != 0) {
        QDir(cohortFolder_).removeRecursively();
        const QString& reason = lastMessage_;
        fail(tr("The demo cohort could not be generated (%1).")
                 .arg(reason.isEmpty() ? tr("the generator ended with status %1").arg(exitCode)
                                       : reason));
        return;
    }
    accept();
    Q_EMIT cohortGenerated(cohortFolder_);
}

void DemoCohortDialog::cancel() {
    cancelling_ = true;
    status_->setText(tr("Cancelling..."));
    process_->kill();
}

void DemoCohortDialog::fail(const QString& message) {
    status_->setText(message);
    progress_->hide();
    createButton_->setEnabled(true);
    closeButton_->setText(tr("Close"));
}

} // namespace metis::ui
