#include "metis/ui/PacsDialogs.h"

#include "metis/ui/JobRunner.h"
#include "metis/workflow/DicomNetworking.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace metis::ui {
namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& values) {
    for (int column = 0; column < values.size(); ++column) {
        table->setItem(row, column, new QTableWidgetItem(values[column]));
    }
}

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

/// "20210315" as "2021-03-15", as dates are shown everywhere else.
QString isoDate(const std::string& dicomDate) {
    return dicomDate.size() == 8 ? q(dicomDate.substr(0, 4) + "-" + dicomDate.substr(4, 2) + "-" +
                                     dicomDate.substr(6, 2))
                                 : q(dicomDate);
}

void fillNodes(QComboBox* combo, db::PatientDatabase& database) {
    for (const auto& node : database.dicomNodes()) {
        combo->addItem(QStringLiteral("%1 (%2)").arg(
                           q(node.name), q(imaging::describe(workflow::toDicomNode(node)))),
                       q(node.name));
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

DicomNodesDialog::DicomNodesDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                                   QWidget* parent)
    : QDialog(parent), database_(std::move(database)), user_(std::move(user)),
      localAe_(new QLineEdit(this)), localPort_(new QSpinBox(this)),
      localAssociations_(new QSpinBox(this)), applyLocalButton_(new QPushButton(tr("Apply"), this)),
      table_(makeTable({tr("Name"), tr("AE title"), tr("Host"), tr("Port")}, this)),
      name_(new QLineEdit(this)), aeTitle_(new QLineEdit(this)), host_(new QLineEdit(this)),
      port_(new QSpinBox(this)), saveButton_(new QPushButton(tr("Save node"), this)),
      removeButton_(new QPushButton(tr("Remove"), this)),
      testButton_(new QPushButton(tr("Test (C-ECHO)"), this)), message_(new QLabel(this)) {
    setWindowTitle(tr("DICOM nodes"));
    resize(640, 520);
    localPort_->setRange(1, 65535);
    localAssociations_->setRange(1, 256);
    port_->setRange(1, 65535);
    port_->setValue(104);
    localAe_->setMaxLength(16);
    aeTitle_->setMaxLength(16);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText); // it quotes what was typed and what peers answer
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* local = new QGroupBox(tr("This workstation"), this);
    auto* localForm = new QFormLayout(local);
    localForm->addRow(tr("AE title"), localAe_);
    localForm->addRow(tr("Listening port"), localPort_);
    localForm->addRow(tr("Associations at once"), localAssociations_);
    localForm->addRow(QString(), applyLocalButton_);

    auto* nodeForm = new QFormLayout;
    nodeForm->addRow(tr("Name"), name_);
    nodeForm->addRow(tr("AE title"), aeTitle_);
    nodeForm->addRow(tr("Host"), host_);
    nodeForm->addRow(tr("Port"), port_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(saveButton_);
    buttons->addWidget(removeButton_);
    buttons->addStretch();
    buttons->addWidget(testButton_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(local);
    layout->addWidget(new QLabel(tr("Nodes (the listener accepts these AE titles only):"), this));
    layout->addWidget(table_, 1);
    layout->addLayout(nodeForm);
    layout->addLayout(buttons);
    layout->addWidget(message_);

    const bool mayConfigure = db::roleAllows(user_.role, db::Permission::ConfigureNetwork);
    for (QWidget* widget : std::initializer_list<QWidget*>{
             localAe_, localPort_, localAssociations_, applyLocalButton_, name_, aeTitle_, host_,
             port_, saveButton_, removeButton_}) {
        widget->setEnabled(mayConfigure);
    }
    if (!mayConfigure) {
        saveButton_->setToolTip(tr("Only an administrator configures DICOM nodes"));
    }

    connect(table_, &QTableWidget::itemSelectionChanged, this, &DicomNodesDialog::showSelected);
    connect(saveButton_, &QPushButton::clicked, this,
            [this] { saveNode(name_->text(), aeTitle_->text(), host_->text(), port_->value()); });
    connect(removeButton_, &QPushButton::clicked, this, [this] { removeNode(name_->text()); });
    connect(applyLocalButton_, &QPushButton::clicked, this, [this] {
        saveLocal(localAe_->text(), localPort_->value(), localAssociations_->value());
    });
    connect(testButton_, &QPushButton::clicked, this, [this] { testNode(name_->text()); });
    reload();
}

QString DicomNodesDialog::message() const {
    return message_->text();
}

void DicomNodesDialog::reload() {
    const auto local = database_->localDicomNode();
    localAe_->setText(q(local.aeTitle));
    localPort_->setValue(local.port);
    localAssociations_->setValue(local.maxAssociations);
    const auto nodes = database_->dicomNodes();
    table_->setRowCount(static_cast<int>(nodes.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const auto& node = nodes[static_cast<std::size_t>(row)];
        setRow(table_, row,
               {q(node.name), q(node.aeTitle), q(node.host), QString::number(node.port)});
    }
    table_->resizeColumnsToContents();
    testButton_->setEnabled(!nodes.empty());
}

void DicomNodesDialog::showSelected() {
    const int row = table_->currentRow();
    if (row < 0) {
        return;
    }
    name_->setText(table_->item(row, 0)->text());
    aeTitle_->setText(table_->item(row, 1)->text());
    host_->setText(table_->item(row, 2)->text());
    port_->setValue(table_->item(row, 3)->text().toInt());
}

void DicomNodesDialog::report(const QString& text, bool isError) {
    message_->setStyleSheet(isError ? QStringLiteral("color: #b00020;") : QString());
    message_->setText(text);
}

QString DicomNodesDialog::saveNode(const QString& name, const QString& aeTitle, const QString& host,
                                   int port) {
    try {
        const auto saved =
            workflow::setDicomNode(*database_, user_,
                                   {0, name.trimmed().toStdString(), aeTitle.toStdString(),
                                    host.trimmed().toStdString(), port});
        reload();
        report(tr("Saved %1: %2. The listener accepts it from now on.")
                   .arg(q(saved.name), q(imaging::describe(workflow::toDicomNode(saved)))),
               false);
        Q_EMIT configurationChanged();
        return {};
    } catch (const std::exception& error) {
        report(tr("Not saved: %1").arg(QString::fromUtf8(error.what())), true);
        return QString::fromUtf8(error.what());
    }
}

QString DicomNodesDialog::removeNode(const QString& name) {
    try {
        database_->removeDicomNode(user_, name.trimmed().toStdString());
        reload();
        report(tr("Removed %1.").arg(name), false);
        Q_EMIT configurationChanged();
        return {};
    } catch (const std::exception& error) {
        report(tr("Not removed: %1").arg(QString::fromUtf8(error.what())), true);
        return QString::fromUtf8(error.what());
    }
}

QString DicomNodesDialog::saveLocal(const QString& aeTitle, int port, int maxAssociations) {
    try {
        database_->setLocalDicomNode(user_, {aeTitle.toStdString(), port, maxAssociations});
        reload();
        report(tr("This workstation is now %1 on port %2.").arg(aeTitle).arg(port), false);
        Q_EMIT configurationChanged();
        return {};
    } catch (const std::exception& error) {
        report(tr("Not saved: %1").arg(QString::fromUtf8(error.what())), true);
        return QString::fromUtf8(error.what());
    }
}

void DicomNodesDialog::testNode(const QString& name) {
    if (echoJob_ && echoJob_->isRunning()) {
        return;
    }
    const auto node = database_->findDicomNode(name.trimmed().toStdString());
    if (!node) {
        report(tr("Choose a saved node to test."), true);
        return;
    }
    const std::string callingAe = database_->localDicomNode().aeTitle;
    const imaging::DicomNode peer = workflow::toDicomNode(*node);
    auto milliseconds = std::make_shared<double>(0.0);
    if (echoJob_) {
        echoJob_->deleteLater();
    }
    echoJob_ = new Job(
        tr("C-ECHO"),
        [callingAe, peer, milliseconds](ProgressSink&) {
            *milliseconds = imaging::echo(callingAe, peer);
            return QVariant();
        },
        this);
    testButton_->setEnabled(false);
    report(tr("Testing %1...").arg(name), false);
    connect(echoJob_, &Job::finished, this, [this, name, milliseconds] {
        testButton_->setEnabled(true);
        const QString text =
            tr("%1 answered C-ECHO in %2 ms.").arg(name).arg(*milliseconds, 0, 'f', 0);
        report(text, false);
        Q_EMIT tested(name, true, text);
    });
    connect(echoJob_, &Job::failed, this, [this, name](const QString& problem) {
        testButton_->setEnabled(true);
        const QString text = tr("%1 did not answer: %2").arg(name, problem);
        report(text, true);
        Q_EMIT tested(name, false, text);
    });
    echoJob_->start();
}

// ---------------------------------------------------------------------------------------------

PacsQueryDialog::PacsQueryDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                                 QWidget* parent)
    : QDialog(parent), database_(std::move(database)), user_(std::move(user)),
      node_(new QComboBox(this)), patientId_(new QLineEdit(this)),
      patientName_(new QLineEdit(this)), dateFrom_(new QLineEdit(this)),
      dateTo_(new QLineEdit(this)), modality_(new QLineEdit(QStringLiteral("MR"), this)),
      searchButton_(new QPushButton(tr("Search"), this)),
      studies_(makeTable(
          {tr("Patient ID"), tr("Name"), tr("Date"), tr("Description"), tr("Modalities")}, this)),
      series_(makeTable({tr("Series"), tr("Modality"), tr("Description"), tr("Images")}, this)),
      retrieveButton_(new QPushButton(tr("Retrieve"), this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)), progress_(new QProgressBar(this)),
      status_(new QLabel(this)) {
    setWindowTitle(tr("Query PACS"));
    resize(820, 600);
    fillNodes(node_, *database_);
    patientName_->setPlaceholderText(tr("* and ? as wildcards"));
    dateFrom_->setPlaceholderText(tr("YYYY-MM-DD"));
    dateTo_->setPlaceholderText(tr("YYYY-MM-DD"));
    progress_->setRange(0, 1000);
    cancelButton_->setEnabled(false);
    retrieveButton_->setEnabled(false);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    if (node_->count() == 0) {
        status_->setText(tr("No DICOM nodes are configured: an administrator adds the PACS "
                            "under Tools > DICOM nodes."));
        searchButton_->setEnabled(false);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("Node"), node_);
    form->addRow(tr("Patient ID"), patientId_);
    form->addRow(tr("Patient name"), patientName_);
    auto* dates = new QHBoxLayout;
    dates->addWidget(dateFrom_);
    dates->addWidget(new QLabel(tr("to"), this));
    dates->addWidget(dateTo_);
    form->addRow(tr("Study date"), dates);
    form->addRow(tr("Modality"), modality_);
    auto* searchRow = new QHBoxLayout;
    searchRow->addStretch();
    searchRow->addWidget(searchButton_);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(progress_, 1);
    runRow->addWidget(retrieveButton_);
    runRow->addWidget(cancelButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(searchRow);
    layout->addWidget(studies_, 2);
    layout->addWidget(
        new QLabel(tr("Series of the chosen study (ticked ones are retrieved):"), this));
    layout->addWidget(series_, 1);
    layout->addLayout(runRow);
    layout->addWidget(status_);

    retrieveButton_->setToolTip(
        tr("Retrieve by C-MOVE to this workstation; the PACS must know its AE title and port"));
    const bool mayImport = db::roleAllows(user_.role, db::Permission::ImportData);
    retrieveButton_->setVisible(mayImport);

    connect(searchButton_, &QPushButton::clicked, this, &PacsQueryDialog::search);
    connect(patientId_, &QLineEdit::returnPressed, this, &PacsQueryDialog::search);
    connect(patientName_, &QLineEdit::returnPressed, this, &PacsQueryDialog::search);
    connect(studies_, &QTableWidget::itemSelectionChanged, this,
            [this] { showSeriesOfStudy(studies_->currentRow()); });
    connect(retrieveButton_, &QPushButton::clicked, this, &PacsQueryDialog::retrieve);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (job_) {
            job_->cancel();
            status_->setText(tr("Cancelling after the current series; what arrived is kept..."));
        }
    });
}

QString PacsQueryDialog::status() const {
    return status_->text();
}

bool PacsQueryDialog::isBusy() const {
    return job_ && job_->isRunning();
}

void PacsQueryDialog::setBusy(bool busy) {
    searchButton_->setEnabled(!busy && node_->count() > 0);
    retrieveButton_->setEnabled(!busy && series_->rowCount() > 0);
    cancelButton_->setEnabled(busy);
}

void PacsQueryDialog::runJob(Job* job) {
    if (job_) {
        job_->deleteLater();
    }
    job_ = job;
    connect(job_, &Job::progressed, this, [this](double fraction, const QString& detail) {
        progress_->setValue(static_cast<int>(fraction * 1000));
        if (!detail.isEmpty()) {
            status_->setText(detail);
        }
    });
    connect(job_, &Job::failed, this, [this](const QString& message) {
        status_->setText(tr("Failed: %1").arg(message));
        Q_EMIT failed(message);
    });
    const auto idle = [this] { setBusy(false); };
    connect(job_, &Job::finished, this, idle);
    connect(job_, &Job::failed, this, idle);
    connect(job_, &Job::cancelled, this, idle);
    setBusy(true);
    progress_->setValue(0);
    job_->start();
}

void PacsQueryDialog::search() {
    if (isBusy() || node_->count() == 0) {
        return;
    }
    const auto node = database_->findDicomNode(node_->currentData().toString().toStdString());
    if (!node) {
        return;
    }
    imaging::StudyQuery query;
    query.patientId = patientId_->text().trimmed().toStdString();
    query.patientName = patientName_->text().trimmed().toStdString();
    query.dateFrom = dateFrom_->text().trimmed().toStdString();
    query.dateTo = dateTo_->text().trimmed().toStdString();
    query.modality = modality_->text().trimmed().toStdString();
    const std::string callingAe = database_->localDicomNode().aeTitle;
    const auto peer = workflow::toDicomNode(*node);
    auto found = std::make_shared<std::vector<imaging::StudyMatch>>();
    auto* job = new Job(
        tr("Query PACS"),
        [callingAe, peer, query, found](ProgressSink&) {
            *found = imaging::findStudies(callingAe, peer, query);
            return QVariant();
        },
        this);
    connect(job, &Job::finished, this, [this, found] {
        studies_->setRowCount(static_cast<int>(found->size()));
        series_->setRowCount(0);
        shownStudyUid_.clear();
        for (int row = 0; row < studies_->rowCount(); ++row) {
            const auto& study = (*found)[static_cast<std::size_t>(row)];
            setRow(studies_, row,
                   {q(study.patientId), q(study.patientName), isoDate(study.studyDate),
                    q(study.studyDescription), q(study.modalities)});
            studies_->item(row, 0)->setData(Qt::UserRole, q(study.studyUid));
        }
        studies_->resizeColumnsToContents();
        status_->setText(tr("%n study(ies) found.", nullptr, studies_->rowCount()));
        Q_EMIT studiesFound(studies_->rowCount());
    });
    status_->setText(tr("Searching..."));
    runJob(job);
}

void PacsQueryDialog::showSeriesOfStudy(int row) {
    if (row < 0 || row >= studies_->rowCount() || isBusy()) {
        return;
    }
    const QString studyUid = studies_->item(row, 0)->data(Qt::UserRole).toString();
    const auto node = database_->findDicomNode(node_->currentData().toString().toStdString());
    if (!node || studyUid == shownStudyUid_) {
        return;
    }
    const std::string callingAe = database_->localDicomNode().aeTitle;
    const auto peer = workflow::toDicomNode(*node);
    auto found = std::make_shared<std::vector<imaging::SeriesMatch>>();
    auto* job = new Job(
        tr("Query PACS"),
        [callingAe, peer, uid = studyUid.toStdString(), found](ProgressSink&) {
            *found = imaging::findSeries(callingAe, peer, uid);
            return QVariant();
        },
        this);
    connect(job, &Job::finished, this, [this, found, studyUid] {
        shownStudyUid_ = studyUid;
        series_->setRowCount(static_cast<int>(found->size()));
        for (int r = 0; r < series_->rowCount(); ++r) {
            const auto& one = (*found)[static_cast<std::size_t>(r)];
            setRow(series_, r,
                   {q(one.seriesNumber), q(one.modality), q(one.description),
                    one.instanceCount >= 0 ? QString::number(one.instanceCount) : QString()});
            series_->item(r, 0)->setData(Qt::UserRole, q(one.seriesUid));
            series_->item(r, 0)->setFlags(series_->item(r, 0)->flags() | Qt::ItemIsUserCheckable);
            series_->item(r, 0)->setCheckState(Qt::Checked);
        }
        series_->resizeColumnsToContents();
        status_->setText(tr("%n series in this study.", nullptr, series_->rowCount()));
        Q_EMIT seriesFound(series_->rowCount());
    });
    runJob(job);
}

void PacsQueryDialog::retrieve() {
    if (isBusy() || shownStudyUid_.isEmpty()) {
        return;
    }
    std::vector<std::string> wanted;
    for (int row = 0; row < series_->rowCount(); ++row) {
        if (series_->item(row, 0)->checkState() == Qt::Checked) {
            wanted.push_back(series_->item(row, 0)->data(Qt::UserRole).toString().toStdString());
        }
    }
    if (wanted.empty()) {
        status_->setText(tr("Tick at least one series."));
        return;
    }
    Q_EMIT retrievalStarting();
    auto report = std::make_shared<workflow::RetrieveReport>();
    auto* job = new Job(
        tr("Retrieve from PACS"),
        [databasePath = database_->path(), user = user_,
         nodeName = node_->currentData().toString().toStdString(),
         studyUid = shownStudyUid_.toStdString(), wanted, report](ProgressSink& progress) {
            // The worker's own connection: connections are never shared between threads.
            db::PatientDatabase database(databasePath);
            *report = workflow::retrieveStudy(database, user, nodeName, studyUid, wanted, progress);
            return QVariant();
        },
        this);
    connect(job, &Job::finished, this, [this, report] {
        progress_->setValue(1000);
        const int problems = static_cast<int>(report->import.errors.size());
        status_->setText(tr("%1 series (%2 images) and %3 structure sets imported, %4 already "
                            "present; %5 problem(s).")
                             .arg(report->import.seriesImported)
                             .arg(report->import.instancesImported)
                             .arg(report->import.structureSetsImported)
                             .arg(report->import.seriesAlreadyPresent)
                             .arg(problems));
        Q_EMIT retrieved(static_cast<int>(report->import.seriesImported), problems);
    });
    connect(job, &Job::cancelled, this, [this] {
        status_->setText(tr("Retrieval cancelled; what arrived before is imported."));
    });
    const auto ended = [this] { Q_EMIT retrievalEnded(); };
    connect(job, &Job::finished, this, ended);
    connect(job, &Job::failed, this, ended);
    connect(job, &Job::cancelled, this, ended);
    status_->setText(tr("Retrieving..."));
    runJob(job);
}

// ---------------------------------------------------------------------------------------------

SendToPacsDialog::SendToPacsDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                                   std::int64_t structureSetId, QWidget* parent)
    : QDialog(parent), database_(std::move(database)), user_(std::move(user)),
      structureSetId_(structureSetId), node_(new QComboBox(this)),
      withImages_(new QCheckBox(tr("With its images"), this)),
      deidentify_(new QCheckBox(tr("De-identified (research, PS3.15 Basic Profile)"), this)),
      pseudonym_(new QLineEdit(QStringLiteral("ANONYMOUS"), this)),
      sendButton_(new QPushButton(tr("Send"), this)), progress_(new QProgressBar(this)),
      status_(new QLabel(this)) {
    setWindowTitle(tr("Send contours to PACS"));
    resize(520, 260);
    fillNodes(node_, *database_);
    progress_->setRange(0, 1000);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    pseudonym_->setEnabled(false);
    deidentify_->setToolTip(tr("Names, identifiers and UIDs replaced; dates and sex, age and "
                               "weight kept. Needs the images, which it de-identifies too."));
    auto* form = new QFormLayout;
    form->addRow(tr("Node"), node_);
    form->addRow(tr("Contours"), new QLabel(tr("saved version %1").arg(structureSetId), this));
    form->addRow(QString(), withImages_);
    form->addRow(QString(), deidentify_);
    form->addRow(tr("Pseudonym"), pseudonym_);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(progress_, 1);
    runRow->addWidget(sendButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(status_);
    if (node_->count() == 0) {
        sendButton_->setEnabled(false);
        status_->setText(tr("No DICOM nodes are configured: an administrator adds the PACS "
                            "under Tools > DICOM nodes."));
    }
    connect(deidentify_, &QCheckBox::toggled, this, [this](bool on) {
        pseudonym_->setEnabled(on);
        if (on) {
            withImages_->setChecked(true);
        }
        withImages_->setEnabled(!on);
    });
    connect(sendButton_, &QPushButton::clicked, this, &SendToPacsDialog::send);
}

QString SendToPacsDialog::status() const {
    return status_->text();
}

void SendToPacsDialog::send() {
    if ((job_ && job_->isRunning()) || node_->count() == 0) {
        return;
    }
    std::optional<imaging::DeidentificationProfile> profile;
    if (deidentify_->isChecked()) {
        profile.emplace();
        profile->pseudonym = pseudonym_->text().trimmed().toStdString();
    }
    auto report = std::make_shared<workflow::SendReport>();
    if (job_) {
        job_->deleteLater();
    }
    job_ = new Job(
        tr("Send to PACS"),
        [databasePath = database_->path(), user = user_,
         nodeName = node_->currentData().toString().toStdString(), id = structureSetId_,
         images = withImages_->isChecked(), profile, report](ProgressSink& progress) {
            db::PatientDatabase database(databasePath);
            *report =
                workflow::sendStructureSet(database, user, nodeName, id, images, progress, profile);
            return QVariant();
        },
        this);
    connect(job_, &Job::progressed, this, [this](double fraction, const QString&) {
        progress_->setValue(static_cast<int>(fraction * 1000));
    });
    connect(job_, &Job::finished, this, [this, report] {
        progress_->setValue(1000);
        const int stored = static_cast<int>(report->stored());
        const int files = static_cast<int>(report->files.size());
        QString text = tr("%1 of %2 files stored at %3.")
                           .arg(stored)
                           .arg(files)
                           .arg(node_->currentData().toString());
        for (const auto& file : report->files) {
            if (!file.stored) {
                text +=
                    QStringLiteral("\n") + q(file.path) + QStringLiteral(": ") + q(file.message);
            }
        }
        status_->setText(text);
        sendButton_->setEnabled(true);
        Q_EMIT sent(stored, files);
    });
    connect(job_, &Job::failed, this, [this](const QString& message) {
        status_->setText(tr("Not sent: %1").arg(message));
        sendButton_->setEnabled(true);
        Q_EMIT failed(message);
    });
    sendButton_->setEnabled(false);
    status_->setText(tr("Sending..."));
    job_->start();
}

} // namespace metis::ui
