#pragma once

#include "metis/database/PatientDatabase.h"
#include "metis/ui/DemoCohortDialog.h"

#include <QMainWindow>
#include <QPointer>
#include <cstdint>
#include <memory>
#include <optional>

class QComboBox;
class QDockWidget;
class QLabel;
class QProgressBar;
class QAction;

namespace metis::viewer_widgets {
class MprLayout;
}
namespace metis::workflow {
class DicomReceiver;
}

namespace metis::ui {

class ComparisonPanel;
class ContourEditPanel;
class Job;
class ImportDialog;
class InferencePanel;
class PatientBrowser;
class TrainingWizard;
struct PatientStudy;

/// The workstation's main window: patient browser, viewer, panels, status bar with background
/// jobs. Everything the signed-in user's role may not do is disabled here and refused again by
/// the database layer.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::shared_ptr<db::PatientDatabase> database, db::User user,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    PatientBrowser* patientBrowser() const { return browser_; }
    viewer_widgets::MprLayout* mprLayout() const { return mprLayout_; }
    const db::User& user() const { return user_; }
    QAction* importAction() const { return importAction_; }
    QAction* trainAction() const { return trainAction_; }
    QAction* auditAction() const { return auditAction_; }
    QAction* modelsAction() const { return modelsAction_; }
    /// Approve / lock the open series' newest manual GTV (needs ApproveStructureSet).
    QAction* approveContourAction() const { return approveContourAction_; }
    /// Marks the open series' newest manual GTV corrected (annotators, after editing).
    QAction* correctedContourAction() const { return correctedContourAction_; }
    QAction* lockContourAction() const { return lockContourAction_; }
    InferencePanel* inferencePanel() const { return inferencePanel_; }
    ComparisonPanel* comparisonPanel() const { return comparisonPanel_; }
    ContourEditPanel* contourEditPanel() const { return editPanel_; }
    QAction* exportReportAction() const { return exportReportAction_; }
    /// The patient whose data the viewer shows, empty before one is opened.
    const QString& currentPatient() const { return currentPatient_; }

    /// Loads the patient's series (the one with most slices unless `seriesId`) and manual GTV
    /// into the viewer in the background; patientLoaded follows. A patient with several series
    /// gets the series picker in the status bar.
    void openPatient(const QString& patientId, std::optional<std::int64_t> seriesId = {});
    /// The open patient's series; hidden when the patient has only one.
    QComboBox* seriesPicker() const { return seriesPicker_; }
    void showImportDialog();
    /// First start on an empty database: offers the demo cohort (DemoCohortDialog); once it is
    /// generated, imports it and activates the demo model shipped with Metis, then emits
    /// demoCohortReady. `executableDirectory` holds metis-cli, with the installation's data
    /// in ../share/metis (the build tree has the same layout). Returns the dialog (tests press
    /// its buttons).
    DemoCohortDialog* offerDemoCohort(const QString& executableDirectory,
                                      int patients = DemoCohortDialog::kDemoPatients);
    void showAuditLog();
    void showModels();
    /// Tools > Retrain model: the training wizard (one at a time).
    void showTrainingWizard();
    void showAbout();
    /// Help > Keyboard and mouse: every shortcut and mouse action of the viewer and the editor.
    void showShortcuts();
    static QString shortcutsText();
    /// Sets the open series' newest manual GTV to "approved" or "locked"; returns the refusal
    /// or problem in words (also shown to the user), empty on success.
    QString reviewContour(const std::string& status);
    /// Writes the PDF report of the open patient in the background; reportExported or
    /// reportFailed follows.
    void exportReport(const QString& path);
    /// Writes structure set version `structureSetId` as an RTSTRUCT, reads it back and shows the
    /// per-lesion check (in `summary`); returns the problem in words, empty on success.
    QString exportContours(std::int64_t structureSetId, const QString& path,
                           QString* summary = nullptr);
    QAction* exportContoursAction() const { return exportContoursAction_; }
    QAction* sendContoursAction() const { return sendContoursAction_; }
    /// Tools > DICOM nodes, File > Query PACS, File > Send contours to PACS.
    void showDicomNodes();
    void showPacsQuery();
    void showSendToPacs();
    /// Starts the DICOM listener on this workstation's AE title and port when nodes are
    /// configured (stopping a running one first); what it receives is imported in the
    /// background and the patient list follows. The status bar says whether it listens.
    void restartDicomListener();
    void stopDicomListener();
    /// "DICOM: METIS on port 11112", or why the listener is off.
    QString dicomListenerState() const;
    /// The study shown, null before one has loaded.
    const std::shared_ptr<PatientStudy>& currentStudy() const { return currentStudy_; }

Q_SIGNALS:
    void patientLoaded(const QString& patientId);
    void patientLoadFailed(const QString& patientId, const QString& message);
    void reportExported(const QString& path);
    void reportFailed(const QString& path, const QString& message);
    void contoursExported(const QString& path, bool verified);
    /// The listener imported what one association delivered.
    void dicomReceived(const QString& callingAe, int seriesImported, int problems);
    /// The first-start demo cohort is imported; `status` says whether the demo model is active.
    void demoCohortReady(const QString& status);

private:
    void activateDemoModel(const QString& executableDirectory);
    /// The import dialog, deleted on close, refreshing the patient list after each import.
    ImportDialog* newImportDialog();
    /// Shows a background job in the status bar until it ends.
    void trackJob(Job* job);
    void buildMenus();
    void askForReportPath();
    void askForContourExportPath();
    void applyRolePermissions();
    /// Approve/lock are offered to roles that may approve, once a manual GTV is open.
    void updateReviewActions();
    /// Compares the open study's manual and AI GTV in the panel, with the AI lesion decisions.
    void compareStudy();
    void showAiLesionReviews();
    void restoreSettings();
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    viewer_widgets::MprLayout* mprLayout_ = nullptr;
    PatientBrowser* browser_ = nullptr;
    InferencePanel* inferencePanel_ = nullptr;
    ComparisonPanel* comparisonPanel_ = nullptr;
    ContourEditPanel* editPanel_ = nullptr;
    QDockWidget* browserDock_ = nullptr;
    QDockWidget* sideDock_ = nullptr; ///< the inference, comparison and editing tabs
    /// The docks take their share of the window at every resize until the user drags a dock
    /// separator; off when they were restored as the user left them.
    bool docksFollowWindow_ = true;
    void sizeDocksToWindow();
    QLabel* userLabel_ = nullptr;
    QLabel* jobLabel_ = nullptr;
    QComboBox* seriesPicker_ = nullptr;
    QProgressBar* jobProgress_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* trainAction_ = nullptr;
    QAction* auditAction_ = nullptr;
    QAction* modelsAction_ = nullptr;
    QPointer<TrainingWizard> trainingWizard_;
    QAction* approveContourAction_ = nullptr;
    QAction* correctedContourAction_ = nullptr;
    QAction* lockContourAction_ = nullptr;
    QAction* exportReportAction_ = nullptr;
    QAction* exportContoursAction_ = nullptr;
    QAction* sendContoursAction_ = nullptr;
    QAction* versionsAction_ = nullptr;
    std::unique_ptr<workflow::DicomReceiver> dicomReceiver_;
    QLabel* dicomLabel_ = nullptr;
    QString currentPatient_;
    Job* loadJob_ = nullptr;
    std::shared_ptr<PatientStudy> currentStudy_;
};

} // namespace metis::ui
