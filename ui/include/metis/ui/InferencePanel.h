#pragma once

#include "metis/database/PatientDatabase.h"
#include "metis/workflow/AiResultCheck.h"
#include "metis/workflow/Inference.h"

#include <QString>
#include <QWidget>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChartView;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace metis::viewer_widgets {
class MprLayout;
}

namespace metis::ui {

class Job;
struct PatientStudy;

/// A doubt about an AI result as the reader reads it (panel and report), numbers in the
/// interface's locale.
QString aiDoubtText(const workflow::AiDoubt& doubt);

/// Runs MTSA-Net on the open patient's series on a worker thread and shows the result: the
/// predicted GTV (green) in the viewer beside the manual one, the patient-level EGFR mutation
/// probability and call, a per-slice probability chart marking the slices the top-50 % area rule
/// used, and the lesion table (a click centres the viewer on the lesion). Every run is stored in
/// the database; a patient opened with a stored result shows it without running again.
class InferencePanel : public QWidget {
    Q_OBJECT
public:
    InferencePanel(std::shared_ptr<db::PatientDatabase> database, db::User user,
                   viewer_widgets::MprLayout* viewer, QWidget* parent = nullptr);
    ~InferencePanel() override;

    /// The package to run. Empty: the database's active model, else the "inference/modelPackage"
    /// setting.
    void setModelPackagePath(const QString& packageDir);
    /// The package a run would use now (empty when none is configured).
    QString modelPackagePath() const;

    /// The patient now in the viewer (null: none); shows its stored result if it has one.
    void setStudy(std::shared_ptr<PatientStudy> study);

    void runInference();
    void cancelInference();
    /// Another model became active (or was registered): the panel names the model a run uses.
    void modelsChanged();
    bool isRunning() const;
    /// The result shown (stored or just computed).
    const std::optional<db::InferenceRun>& shownRun() const { return shownRun_; }

    QPushButton* runButton() const { return runButton_; }
    QLabel* messageLabel() const { return messageLabel_; }
    QLineSeries* probabilitySeries() const { return probabilitySeries_; }
    QScatterSeries* usedSliceSeries() const { return usedSlicesSeries_; }
    QTableWidget* lesionTable() const { return lesionTable_; }
    /// The GTV threshold and smallest lesion (mm3) the next run uses: the package's defaults
    /// until the reader changes them.
    QDoubleSpinBox* thresholdBox() const { return thresholdBox_; }
    QDoubleSpinBox* minLesionBox() const { return minLesionBox_; }
    /// The shown result's doubts (implausible segmentation, uncertain or disputed EGFR call);
    /// hidden when there are none.
    QLabel* doubtLabel() const { return doubtLabel_; }

Q_SIGNALS:
    /// A run finished and its result is stored and shown.
    void inferenceFinished();
    /// A run failed or was cancelled; `message` is what the panel shows.
    void inferenceFailed(const QString& message);

private:
    workflow::InferenceModel chooseModel() const;
    void updateRunButton();
    void showRun(const db::InferenceRun& run, const QString& caveat,
                 const std::vector<workflow::AiDoubt>& doubts);
    /// The package's post-processing in the controls, when the model a run uses changed.
    void loadPackageDefaults(const workflow::InferenceModel& model);
    std::optional<models::GtvPostProcessing> chosenPostProcessing() const;
    void clearResult();
    void showError(const QString& message);
    void showPredictedGtv(std::shared_ptr<const LabelMap> labels);

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    viewer_widgets::MprLayout* viewer_;
    QString explicitPackage_;
    std::shared_ptr<PatientStudy> study_;
    std::optional<db::InferenceRun> shownRun_;
    Job* job_ = nullptr;

    std::filesystem::path defaultsPackage_; ///< whose defaults the controls were given
    std::optional<models::GtvPostProcessing> packageDefaults_;

    QLabel* modelLabel_ = nullptr;
    QDoubleSpinBox* thresholdBox_ = nullptr;
    QDoubleSpinBox* minLesionBox_ = nullptr;
    QLabel* doubtLabel_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* messageLabel_ = nullptr;
    QLabel* egfrLabel_ = nullptr;
    QLabel* caveatLabel_ = nullptr;
    QChartView* chartView_ = nullptr;
    QLineSeries* probabilitySeries_ = nullptr;
    QScatterSeries* usedSlicesSeries_ = nullptr;
    QTableWidget* lesionTable_ = nullptr;
};

} // namespace metis::ui
