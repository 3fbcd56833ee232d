#include "metis/ui/MainWindow.h"

#include "metis/core/Version.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/ContourEditPanel.h"
#include "metis/ui/ContourReview.h"
#include "metis/ui/DemoCohortDialog.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/FileDialogs.h"
#include "metis/ui/InferencePanel.h"
#include "metis/ui/JobRunner.h"
#include "metis/ui/ModelsDialog.h"
#include "metis/ui/PacsDialogs.h"
#include "metis/ui/PatientBrowser.h"
#include "metis/ui/PatientReport.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/ui/TrainingWizard.h"
#include "metis/ui/Translations.h"
#include "metis/ui/UsersDialog.h"
#include "metis/ui/VersionsDialog.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/workflow/Components.h"
#include "metis/workflow/DicomNetworking.h"
#include "metis/workflow/Installation.h"
#include "metis/workflow/RtStructExport.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QShowEvent>
#include <QStatusBar>
#include <QTimer>

namespace metis::ui {
namespace {

// A side panel in a scroll area: its dock can be narrower than the panel's widest row (German
// labels, the editor's tool groups), so the viewer keeps its width on a 1024 px screen.
QWidget* scrollable(QWidget* panel) {
    auto* area = new QScrollArea;
    area->setObjectName(panel->objectName() + QStringLiteral("Scroll"));
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setMinimumWidth(160);
    return area;
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<db::PatientDatabase> database, db::User user,
                       QWidget* parent)
    : QMainWindow(parent), database_(std::move(database)), user_(std::move(user)) {
    setWindowTitle(tr("Metis %1 - brain metastasis workstation (research use only)")
                       .arg(QString::fromStdString(metisVersion())));
    setObjectName(QStringLiteral("MetisMainWindow"));

    mprLayout_ = new viewer_widgets::MprLayout(this);
    setCentralWidget(mprLayout_);

    browser_ = new PatientBrowser(*database_, this);
    auto* browserDock = new QDockWidget(tr("Patients"), this);
    browserDock->setObjectName(QStringLiteral("PatientsDock"));
    browserDock->setWidget(scrollable(browser_));
    addDockWidget(Qt::LeftDockWidgetArea, browserDock);
    connect(browser_, &PatientBrowser::patientActivated, this,
            [this](const QString& patientId) { openPatient(patientId); });

    inferencePanel_ = new InferencePanel(database_, user_, mprLayout_, this);
    auto* inferenceDock = new QDockWidget(tr("AI inference"), this);
    inferenceDock->setObjectName(QStringLiteral("InferenceDock"));
    inferenceDock->setWidget(scrollable(inferencePanel_));
    addDockWidget(Qt::RightDockWidgetArea, inferenceDock);

    comparisonPanel_ = new ComparisonPanel(mprLayout_, this);
    auto* comparisonDock = new QDockWidget(tr("Manual vs AI"), this);
    comparisonDock->setObjectName(QStringLiteral("ComparisonDock"));
    comparisonDock->setWidget(scrollable(comparisonPanel_));
    addDockWidget(Qt::RightDockWidgetArea, comparisonDock);
    tabifyDockWidget(inferenceDock, comparisonDock);

    editPanel_ = new ContourEditPanel(database_, user_, mprLayout_, this);
    auto* editDock = new QDockWidget(tr("Contour editing"), this);
    editDock->setObjectName(QStringLiteral("ContourEditDock"));
    editDock->setWidget(scrollable(editPanel_));
    addDockWidget(Qt::RightDockWidgetArea, editDock);
    tabifyDockWidget(comparisonDock, editDock);
    inferenceDock->raise();
    browserDock_ = browserDock;
    sideDock_ = inferenceDock;
    connect(editPanel_, &ContourEditPanel::versionSaved, this, [this] {
        if (currentStudy_) {
            compareStudy();
        }
        updateReviewActions();
        browser_->refresh();
    });
    connect(comparisonPanel_, &ComparisonPanel::aiLesionReviewRequested, this,
            [this](int lesion, db::AiLesionDecision decision) {
                editPanel_->reviewAiLesion(static_cast<std::uint16_t>(lesion), decision);
            });
    connect(editPanel_, &ContourEditPanel::aiLesionReviewed, this,
            &MainWindow::showAiLesionReviews);
    connect(inferencePanel_, &InferencePanel::inferenceFinished, this, [this] {
        if (currentStudy_) {
            compareStudy();
        }
    });

    userLabel_ = new QLabel(tr("Signed in: %1 (%2)")
                                .arg(QString::fromStdString(user_.displayName),
                                     QString::fromStdString(db::toString(user_.role))),
                            this);
    jobLabel_ = new QLabel(tr("Ready"), this);
    jobProgress_ = new QProgressBar(this);
    jobProgress_->setMaximumWidth(220);
    jobProgress_->setRange(0, 1000);
    jobProgress_->hide();
    seriesPicker_ = new QComboBox(this);
    seriesPicker_->setObjectName(QStringLiteral("SeriesPicker"));
    seriesPicker_->setToolTip(tr("Series of the open patient"));
    seriesPicker_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    seriesPicker_->hide();
    connect(seriesPicker_, &QComboBox::activated, this, [this](int index) {
        const auto seriesId = seriesPicker_->itemData(index).toLongLong();
        if (!currentStudy_ || currentStudy_->seriesId != seriesId) {
            openPatient(currentPatient_, seriesId);
        }
    });
    statusBar()->addWidget(seriesPicker_);
    statusBar()->addWidget(jobLabel_, 1);
    dicomLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(jobProgress_);
    statusBar()->addPermanentWidget(dicomLabel_);
    statusBar()->addPermanentWidget(userLabel_);

    buildMenus();
    applyRolePermissions();
    resize(1400, 900);
    restoreSettings();
    // After the window is up: opening the port is not on the way to the first paint.
    QTimer::singleShot(0, this, &MainWindow::restartDicomListener);
}

// The listener's import thread reports to this window: it stops before the window goes.
MainWindow::~MainWindow() {
    stopDicomListener();
}

void MainWindow::stopDicomListener() {
    if (dicomReceiver_) {
        dicomReceiver_->stop();
        dicomReceiver_.reset();
    }
    dicomLabel_->setText(tr("DICOM: off"));
}

void MainWindow::restartDicomListener() {
    stopDicomListener();
    if (database_->dicomNodes().empty()) {
        dicomLabel_->setToolTip(tr("No DICOM nodes are configured (Tools > DICOM nodes)"));
        return;
    }
    QPointer<MainWindow> window(this);
    auto receiver = std::make_unique<workflow::DicomReceiver>(
        database_->path(), [window](const workflow::DicomReceiver::Delivery& delivery) {
            const QString from = QString::fromStdString(delivery.callingAe);
            const int series = static_cast<int>(delivery.report.seriesImported);
            const int problems = static_cast<int>(delivery.report.errors.size()) +
                                 (delivery.failure.empty() ? 0 : 1);
            const QString failure = QString::fromStdString(delivery.failure);
            const auto files = static_cast<int>(delivery.filesReceived);
            const auto waiting =
                static_cast<int>(delivery.report.structureSetsAwaitingImages.size());
            QMetaObject::invokeMethod(
                window,
                [window, from, series, problems, failure, files, waiting] {
                    if (!window) {
                        return;
                    }
                    QString text =
                        failure.isEmpty()
                            ? tr("Received %n file(s) from %1: %2 series imported, %3 problem(s)",
                                 nullptr, files)
                                  .arg(from)
                                  .arg(series)
                                  .arg(problems)
                            : tr("Received files from %1 not imported yet: %2").arg(from, failure);
                    if (waiting > 0) {
                        text +=
                            QStringLiteral("; ") +
                            tr("%n structure set(s) waiting for their images", nullptr, waiting);
                    }
                    window->jobLabel_->setText(text);
                    window->browser_->refresh();
                    Q_EMIT window->dicomReceived(from, series, problems);
                },
                Qt::QueuedConnection);
        });
    try {
        receiver->start();
        const auto local = receiver->localNode();
        dicomReceiver_ = std::move(receiver);
        dicomLabel_->setText(
            tr("DICOM: %1 on port %2").arg(QString::fromStdString(local.aeTitle)).arg(local.port));
        dicomLabel_->setToolTip(tr("Receiving studies from the configured DICOM nodes"));
    } catch (const std::exception& error) {
        dicomLabel_->setText(tr("DICOM: off"));
        dicomLabel_->setToolTip(
            tr("The DICOM listener could not start: %1").arg(QString::fromUtf8(error.what())));
    }
}

QString MainWindow::dicomListenerState() const {
    return dicomLabel_->text();
}

void MainWindow::showDicomNodes() {
    auto* dialog = new DicomNodesDialog(database_, user_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DicomNodesDialog::configurationChanged, this,
            &MainWindow::restartDicomListener);
    dialog->show();
}

void MainWindow::showPacsQuery() {
    auto* dialog = new PacsQueryDialog(database_, user_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The retrieval listens on this workstation's port itself, for the node alone.
    connect(dialog, &PacsQueryDialog::retrievalStarting, this, &MainWindow::stopDicomListener);
    connect(dialog, &PacsQueryDialog::retrievalEnded, this, &MainWindow::restartDicomListener);
    connect(dialog, &PacsQueryDialog::retrieved, browser_, &PatientBrowser::refresh);
    dialog->show();
}

void MainWindow::showSendToPacs() {
    if (!currentStudy_ || !currentStudy_->manualStructureSetId) {
        QMessageBox::information(this, tr("Send contours to PACS"),
                                 tr("The open series has no saved contours to send."));
        return;
    }
    if (editPanel_->hasUnsavedEdits()) {
        QMessageBox::information(this, tr("Send contours to PACS"),
                                 tr("The contours have unsaved edits. Save them as a version "
                                    "first: this sends the saved version %1.")
                                     .arg(*currentStudy_->manualStructureSetId));
    }
    auto* dialog =
        new SendToPacsDialog(database_, user_, *currentStudy_->manualStructureSetId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::compareStudy() {
    if (!currentStudy_) {
        return;
    }
    comparisonPanel_->compare(*currentStudy_);
    showAiLesionReviews();
}

void MainWindow::showAiLesionReviews() {
    const bool stored = currentStudy_ && currentStudy_->inferenceRun;
    comparisonPanel_->setAiLesionReviews(
        stored ? database_->aiLesionReviews(currentStudy_->inferenceRun->id)
               : std::vector<db::AiLesionReview>{});
    comparisonPanel_->setAiReviewEnabled(stored &&
                                         db::roleAllows(user_.role, db::Permission::EditContours));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    importAction_ = file->addAction(tr("&Import studies..."), this, &MainWindow::showImportDialog);
    importAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    exportReportAction_ =
        file->addAction(tr("&Export report..."), this, &MainWindow::askForReportPath);
    exportReportAction_->setEnabled(false);
    exportContoursAction_ = file->addAction(tr("Export &contours (RTSTRUCT)..."), this,
                                            &MainWindow::askForContourExportPath);
    exportContoursAction_->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Query PACS..."), this, &MainWindow::showPacsQuery);
    sendContoursAction_ =
        file->addAction(tr("&Send contours to PACS..."), this, &MainWindow::showSendToPacs);
    sendContoursAction_->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(editPanel_->undoAction());
    edit->addAction(editPanel_->redoAction());
    edit->addSeparator();
    edit->addAction(editPanel_->saveAction());

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    trainAction_ = tools->addAction(tr("&Retrain model..."), this, &MainWindow::showTrainingWizard);
    trainAction_->setToolTip(tr("Physicists retrain MTSA-Net on the local cohort"));
    auditAction_ = tools->addAction(tr("&Audit log..."), this, &MainWindow::showAuditLog);
    modelsAction_ = tools->addAction(tr("&Models..."), this, &MainWindow::showModels);
    tools->addAction(tr("&DICOM nodes..."), this, &MainWindow::showDicomNodes);
    tools->addAction(tr("&Users..."), this, [this] {
        auto* dialog = new UsersDialog(database_, user_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    QMenu* review = menuBar()->addMenu(tr("&Review"));
    correctedContourAction_ = review->addAction(tr("Mark contour &corrected"), this,
                                                [this] { reviewContour("corrected"); });
    correctedContourAction_->setToolTip(
        tr("Mark the open series' saved manual GTV as corrected, ready for approval"));
    approveContourAction_ =
        review->addAction(tr("&Approve contour"), this, [this] { reviewContour("approved"); });
    approveContourAction_->setToolTip(tr("Approve the open series' manual GTV"));
    lockContourAction_ =
        review->addAction(tr("&Lock contour"), this, [this] { reviewContour("locked"); });
    lockContourAction_->setToolTip(tr("Lock the open series' manual GTV against any change"));

    review->addSeparator();
    versionsAction_ = review->addAction(tr("Contour &versions..."), this, [this] {
        if (!currentStudy_) {
            return;
        }
        auto* dialog = new VersionsDialog(*database_, currentStudy_->seriesId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    versionsAction_->setEnabled(false);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard and mouse..."), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Metis"), this, &MainWindow::showAbout);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* language = settings->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    const std::pair<QString, QString> names[] = {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& [code, name] : names) {
        QAction* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current || (current.isEmpty() && code == QStringLiteral("en")));
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The language changes the next time Metis starts."));
        });
    }
}

QString MainWindow::shortcutsText() {
    const std::pair<QString, QString> rows[] = {
        {tr("Left click / drag"), tr("Place the crosshair (all views follow)")},
        {tr("Right drag"), tr("Window (left-right) and level (up-down)")},
        {tr("Middle drag, Shift + left drag"), tr("Pan")},
        {tr("Wheel, Up / Down"), tr("Next / previous slice")},
        {tr("Page Up / Page Down"), tr("Ten slices")},
        {tr("Ctrl + wheel, + / -"), tr("Zoom")},
        {tr("R"), tr("Reset zoom and pan")},
        {tr("1, 2, 3"), tr("Window presets")},
        {tr("Double-click"), tr("Maximise the view / back to the layout")},
        {tr("B, E, C"), tr("Brush, eraser, contour fill (Contour editing panel)")},
        {tr("N, Esc"), tr("Back to navigation")},
        {tr("[ and ]"), tr("Brush smaller / larger")},
        {tr("Ctrl + left drag"), tr("Erase with the brush, subtract with the contour")},
        {tr("Ctrl+Z"), tr("Undo the last edit step")},
        {tr("Ctrl+Shift+Z, Ctrl+Y"), tr("Redo")},
        {tr("Ctrl+S"), tr("Save the contours as a new version")},
        {tr("Ctrl+I"), tr("Import studies")},
    };
    QString table = QStringLiteral("<table cellspacing=\"4\">");
    for (const auto& [keys, action] : rows) {
        table += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                     .arg(keys.toHtmlEscaped(), action.toHtmlEscaped());
    }
    return table + QStringLiteral("</table>");
}

void MainWindow::showShortcuts() {
    QMessageBox::information(this, tr("Keyboard and mouse"), shortcutsText());
}

void MainWindow::showAbout() {
    QString rows;
    for (const auto& [component, description] : workflow::componentVersions()) {
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(QString::fromStdString(component).toHtmlEscaped(),
                         QString::fromStdString(description).toHtmlEscaped());
    }
    QMessageBox::about(
        this, tr("About Metis"),
        tr("<p><b>Metis</b>: brain metastasis workstation (GTV segmentation and EGFR prediction "
           "with MTSA-Net).</p><p>Research and demonstration software, not for clinical use.</p>") +
            QStringLiteral("<table cellspacing=\"6\">%1</table>").arg(rows));
}

void MainWindow::applyRolePermissions() {
    importAction_->setEnabled(db::roleAllows(user_.role, db::Permission::ImportData));
    trainAction_->setEnabled(db::roleAllows(user_.role, db::Permission::TrainModel));
    updateReviewActions();
}

void MainWindow::updateReviewActions() {
    const bool mayApprove = db::roleAllows(user_.role, db::Permission::ApproveStructureSet);
    std::optional<ReviewableContour> contour;
    if (currentStudy_) {
        contour = newestManualContour(*database_, currentStudy_->seriesId);
    }
    const bool open = contour && contour->reviewStatus != "locked";
    correctedContourAction_->setEnabled(db::roleAllows(user_.role, db::Permission::EditContours) &&
                                        open && contour->reviewStatus == "draft");
    approveContourAction_->setEnabled(mayApprove && open && contour->reviewStatus != "approved");
    lockContourAction_->setEnabled(mayApprove && open);
}

QString MainWindow::reviewContour(const std::string& status) {
    QString problem = tr("No patient is open.");
    if (currentStudy_) {
        problem = setContourReviewStatus(*database_, user_, currentStudy_->seriesId, status);
    }
    updateReviewActions();
    if (problem.isEmpty()) {
        jobLabel_->setText(tr("Patient %1: manual GTV %2")
                               .arg(currentPatient_, status == "locked"     ? tr("locked")
                                                     : status == "approved" ? tr("approved")
                                                                            : tr("corrected")));
        browser_->refresh();
    } else {
        jobLabel_->setText(tr("Review refused: %1").arg(problem));
    }
    return problem;
}

void MainWindow::openPatient(const QString& patientId, std::optional<std::int64_t> seriesId) {
    currentPatient_ = patientId;
    const auto series = database_->seriesOfPatient(patientId.toStdString());
    seriesPicker_->clear();
    for (const auto& item : series) {
        seriesPicker_->addItem(
            tr("%1 (%2 images, %3)")
                .arg(QString::fromStdString(item.description.empty() ? item.seriesUid
                                                                     : item.description))
                .arg(item.instanceCount)
                .arg(QString::fromStdString(item.studyDate)),
            QVariant::fromValue<qlonglong>(item.id));
    }
    if (seriesId) {
        seriesPicker_->setCurrentIndex(
            seriesPicker_->findData(QVariant::fromValue<qlonglong>(*seriesId)));
    }
    seriesPicker_->setVisible(series.size() > 1);
    browser_->selectPatient(patientId);
    database_->appendAudit(user_.username, "patient.open", "patient", patientId.toStdString());

    // Loading decodes a whole series: a worker does it with its own database connection.
    const std::string databasePath = database_->path();
    const std::string id = patientId.toStdString();
    auto study = std::make_shared<PatientStudy>();
    if (loadJob_) {
        loadJob_->cancel();
        loadJob_->deleteLater();
    }
    loadJob_ = new Job(
        tr("Opening %1").arg(patientId),
        [databasePath, id, study, seriesId](ProgressSink& sink) {
            db::PatientDatabase connection(databasePath, db::OpenMode::Existing);
            *study = loadPatientStudy(connection, id, sink, seriesId);
            return QVariant();
        },
        this);
    trackJob(loadJob_);
    connect(loadJob_, &Job::finished, this, [this, study, patientId] {
        mprLayout_->setScene(study->scene);
        mprLayout_->centreOn(study->focusMm);
        currentStudy_ = study;
        updateReviewActions();
        inferencePanel_->setStudy(study);
        editPanel_->setStudy(study);
        compareStudy();
        exportReportAction_->setEnabled(true);
        exportContoursAction_->setEnabled(true);
        sendContoursAction_->setEnabled(db::roleAllows(user_.role, db::Permission::ImportData));
        versionsAction_->setEnabled(true);
        QString text =
            tr("Patient %1: %2").arg(patientId, QString::fromStdString(study->seriesDescription));
        for (const auto& note : study->notes) {
            text += QStringLiteral(" | ") + QString::fromStdString(note);
        }
        jobLabel_->setText(text);
        Q_EMIT patientLoaded(patientId);
    });
    connect(loadJob_, &Job::failed, this, [this, patientId](const QString& message) {
        jobLabel_->setText(tr("Cannot open patient %1: %2").arg(patientId, message));
        Q_EMIT patientLoadFailed(patientId, message);
        QMessageBox::warning(this, tr("Open patient"),
                             tr("Cannot open patient %1:\n%2").arg(patientId, message));
    });
    loadJob_->start();
}

void MainWindow::askForContourExportPath() {
    if (!currentStudy_ || !currentStudy_->manualStructureSetId) {
        QMessageBox::information(this, tr("Export contours"),
                                 tr("The open series has no saved contours to export."));
        return;
    }
    if (editPanel_->hasUnsavedEdits()) {
        QMessageBox::information(this, tr("Export contours"),
                                 tr("The contours have unsaved edits. Save them as a version "
                                    "first: the export writes the saved version %1.")
                                     .arg(*currentStudy_->manualStructureSetId));
    }
    const QString suggested =
        QSettings().value(QStringLiteral("export/folder")).toString() + QStringLiteral("/") +
        // No patient identifier in a file name others may see.
        QStringLiteral("RS-version-%1.dcm").arg(*currentStudy_->manualStructureSetId);
    const QString path =
        chooseSaveFile(this, tr("Export contours"), suggested, tr("DICOM files (*.dcm)"));
    if (path.isEmpty()) {
        return;
    }
    QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    QString summary;
    const QString problem = exportContours(*currentStudy_->manualStructureSetId, path, &summary);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Export contours"), problem);
    } else {
        QMessageBox::information(this, tr("Export contours"), summary);
    }
}

QString MainWindow::exportContours(std::int64_t structureSetId, const QString& path,
                                   QString* summary) {
    workflow::RtStructExportReport report;
    try {
        report = workflow::exportStructureSetVersion(*database_, user_, structureSetId,
                                                     path.toStdString());
    } catch (const std::exception& error) {
        const QString message =
            tr("Cannot export the contours to %1:\n%2").arg(path, QString::fromUtf8(error.what()));
        jobLabel_->setText(message);
        return message;
    }
    QString lines;
    for (const auto& lesion : report.lesions) {
        lines += tr("%1: %2 mm, Dice %3 against the saved version\n")
                     .arg(QString::fromStdString(lesion.roiName))
                     .arg(lesion.maxDiameterMm, 0, 'f', 1)
                     .arg(lesion.dice, 0, 'f', 3);
    }
    for (const auto& warning : report.warnings) {
        lines += QString::fromStdString(warning) + QLatin1Char('\n');
    }
    jobLabel_->setText(tr("Contours exported: %1").arg(path));
    Q_EMIT contoursExported(path, report.verified);
    if (!report.verified) {
        return tr("The file %1 was written, but a lesion of 5 mm or more reads back with Dice "
                  "below 0.98:\n%2")
            .arg(path, lines);
    }
    if (summary) {
        *summary = tr("Written and read back: %1\n\n%2").arg(path, lines.trimmed());
    }
    return {};
}

void MainWindow::askForReportPath() {
    if (!currentStudy_) {
        return;
    }
    const QString suggested =
        QSettings().value(QStringLiteral("report/folder")).toString() + QStringLiteral("/") +
        QStringLiteral("metis-report-%1.pdf")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path =
        chooseSaveFile(this, tr("Export report"), suggested, tr("PDF documents (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    QSettings().setValue(QStringLiteral("report/folder"), QFileInfo(path).absolutePath());
    // Only this export's outcome is shown: the guard ends both connections after it.
    auto* guard = new QObject(this);
    connect(this, &MainWindow::reportFailed, guard,
            [this, guard](const QString& failedPath, const QString& message) {
                guard->deleteLater();
                QMessageBox::warning(
                    this, tr("Export report"),
                    tr("Cannot write the report %1:\n%2").arg(failedPath, message));
            });
    connect(this, &MainWindow::reportExported, guard, &QObject::deleteLater);
    exportReport(path);
}

void MainWindow::exportReport(const QString& path) {
    const std::shared_ptr<PatientStudy> study = currentStudy_;
    if (!study) {
        Q_EMIT reportFailed(path, tr("no patient is open"));
        return;
    }
    // The worker reads a copy: a run finishing meanwhile replaces the open study's AI layer.
    const auto snapshot = std::make_shared<const PatientStudy>(*study);
    // The comparison panel's figures, when they are of these two GTVs, go into the report as
    // they are shown instead of being computed again.
    const auto comparison = comparisonPanel_->resultFor(study->manualGtv, study->predictedGtv);
    // Comparing the GTVs (when the panel has not) and rendering the key images take a while: a
    // worker does that with its own database connection; the PDF is then written here.
    const std::string databasePath = database_->path();
    const QString author = QString::fromStdString(user_.username);
    auto report = std::make_shared<PrintableReport>();
    auto* job = new Job(
        tr("Report for %1").arg(QString::fromStdString(study->patientId)),
        [databasePath, snapshot, author, report, comparison](ProgressSink& sink) {
            db::PatientDatabase connection(databasePath, db::OpenMode::Existing);
            *report = buildPrintableReport(connection, *snapshot, author, sink, comparison.get());
            return QVariant();
        },
        this);
    trackJob(job);
    connect(job, &Job::finished, this, [this, job, path, report, study] {
        job->deleteLater();
        try {
            writePatientReport(path, *report);
        } catch (const std::exception& error) {
            jobLabel_->setText(tr("Report not written: %1").arg(QString::fromUtf8(error.what())));
            Q_EMIT reportFailed(path, QString::fromUtf8(error.what()));
            return;
        }
        database_->appendAudit(user_.username, "report.export", "patient", study->patientId,
                               path.toStdString());
        jobLabel_->setText(tr("Report written: %1").arg(path));
        Q_EMIT reportExported(path);
    });
    connect(job, &Job::failed, this, [this, job, path](const QString& message) {
        job->deleteLater();
        jobLabel_->setText(tr("Report not written: %1").arg(message));
        Q_EMIT reportFailed(path, message);
    });
    job->start();
}

void MainWindow::trackJob(Job* job) {
    jobLabel_->setText(job->title());
    jobProgress_->setValue(0);
    jobProgress_->show();
    connect(job, &Job::progressed, this, [this](double fraction, const QString&) {
        jobProgress_->setValue(static_cast<int>(fraction * 1000));
    });
    connect(job, &Job::finished, jobProgress_, &QWidget::hide);
    connect(job, &Job::failed, jobProgress_, &QWidget::hide);
    connect(job, &Job::cancelled, jobProgress_, &QWidget::hide);
}

ImportDialog* MainWindow::newImportDialog() {
    auto* dialog = new ImportDialog(QString::fromStdString(database_->path()),
                                    QString::fromStdString(user_.username), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importFinished, browser_, &PatientBrowser::refresh);
    return dialog;
}

void MainWindow::showImportDialog() {
    newImportDialog()->show();
}

DemoCohortDialog* MainWindow::offerDemoCohort(const QString& executableDirectory, int patients) {
    const QString cohort =
        QFileInfo(QString::fromStdString(database_->path())).absolutePath() + "/demo-cohort";
    auto* dialog = new DemoCohortDialog(executableDirectory + "/metis-cli", cohort, patients, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DemoCohortDialog::cohortGenerated, this,
            [this, executableDirectory](const QString& folder) {
                ImportDialog* import = newImportDialog();
                connect(import, &ImportDialog::importFinished, this,
                        [this, executableDirectory](bool succeeded) {
                            if (succeeded) {
                                activateDemoModel(executableDirectory);
                            }
                        });
                import->show();
                import->startImport({folder}, folder + "/clinical.csv");
            });
    dialog->show();
    return dialog;
}

void MainWindow::activateDemoModel(const QString& executableDirectory) {
    const auto package = workflow::installedDemoModel(executableDirectory.toStdString());
    QString status;
    if (package.empty()) {
        status = tr("Demo cohort imported. No demo model is installed beside Metis: register a "
                    "model under Tools > Models.");
    } else {
        try {
            if (workflow::activateDemoModelIfNoneActive(*database_, user_, package)) {
                inferencePanel_->modelsChanged();
                status = tr("Demo cohort imported; the demo model (trained on phantom data, "
                            "research use only) is active.");
            } else {
                status = tr("Demo cohort imported; the active model stays active.");
            }
        } catch (const std::exception& e) {
            status = tr("Demo cohort imported; the demo model was not activated: %1")
                         .arg(QString::fromUtf8(e.what()));
        }
    }
    jobLabel_->setText(status);
    Q_EMIT demoCohortReady(status);
}

void MainWindow::showAuditLog() {
    auto* dialog = new AuditLogDialog(*database_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showModels() {
    auto* dialog = new ModelsDialog(database_, user_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModelsDialog::activeModelChanged, inferencePanel_,
            &InferencePanel::modelsChanged);
    dialog->show();
}

void MainWindow::showTrainingWizard() {
    if (trainingWizard_) {
        trainingWizard_->raise(); // one retraining at a time
        trainingWizard_->activateWindow();
        return;
    }
    trainingWizard_ = new TrainingWizard(
        database_, user_, QCoreApplication::applicationDirPath() + QStringLiteral("/metis-cli"),
        this);
    trainingWizard_->setAttribute(Qt::WA_DeleteOnClose);
    connect(trainingWizard_, &TrainingWizard::activeModelChanged, inferencePanel_,
            &InferencePanel::modelsChanged);
    trainingWizard_->show();
}

void MainWindow::restoreSettings() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // Docks laid out as the user left them keep their sizes.
    docksFollowWindow_ =
        !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::sizeDocksToWindow() {
    // The viewer gets about half of the window at any size, the patient list and the side
    // panels share the rest.
    const int width = this->width();
    resizeDocks({browserDock_, sideDock_},
                {std::clamp(width * 22 / 100, 200, 420), std::clamp(width * 34 / 100, 260, 500)},
                Qt::Horizontal);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // Every resize, not just the first show: the window system may give the window its real
    // size (a smaller screen, -qwindowgeometry, a maximised start) after it was shown.
    if (docksFollowWindow_) {
        sizeDocksToWindow();
    }
}

bool MainWindow::event(QEvent* event) {
    // A press on the window itself rather than on a child widget is a press on a dock
    // separator: from then on the user sizes the docks.
    if (event->type() == QEvent::MouseButtonPress &&
        !childAt(static_cast<QMouseEvent*>(event)->position().toPoint())) {
        docksFollowWindow_ = false;
    }
    return QMainWindow::event(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (editPanel_->hasUnsavedEdits()) {
        // The edits are journalled either way; the user decides whether they become a version.
        const auto answer = QMessageBox::question(
            this, tr("Unsaved contour edits"),
            tr("The contours of the open series have unsaved edits.\n\nSave them as a new version "
               "now, or close and keep them in the edit journal (they are offered again the next "
               "time this series is opened)?"),
            QMessageBox::Save | QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            const QString problem = editPanel_->save(tr("saved on closing the workstation"));
            if (!problem.isEmpty()) {
                QMessageBox::warning(this, tr("Unsaved contour edits"), problem);
                event->ignore();
                return;
            }
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace metis::ui
