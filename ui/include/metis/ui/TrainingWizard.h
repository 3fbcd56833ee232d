#pragma once

#include "metis/database/PatientDatabase.h"
#include "metis/models/MtsaNetConfig.h"
#include "metis/workflow/TrainingRun.h"

#include <QWizard>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QPlainTextEdit;
class QProcess;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QValueAxis;

namespace metis::ui {

/// Retraining MTSA-Net on the site's patients, for physicists (Tools > Retrain model): the
/// eligible patients and why the others are left out, the paper's temporal split (refused when a
/// set is empty or the test set has one EGFR class), the recipe, training in a `metis-cli train
/// --db` child process with live loss and Dice curves (stop keeps the last checkpoint; start
/// again continues from it), the new model against the active one on the same test patients
/// (`metis-cli evaluate --db`, bootstrap intervals, which is better on what), then registering
/// the new package and activating it with a reason, with a roll back to the model that was
/// active before. The selection and split are
/// workflow::TrainingCohort's, the command line workflow::trainCommandArguments: what the CLI
/// does, the wizard does.
class TrainingWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { CohortPage, SplitPage, RecipePage, TrainingPage, ComparisonPage, ActivationPage };

    /// `cliPath`: the metis-cli executable that trains.
    TrainingWizard(std::shared_ptr<db::PatientDatabase> database, db::User user, QString cliPath,
                   QWidget* parent = nullptr);
    ~TrainingWizard() override;

    const workflow::DatabaseCohort& cohort() const { return cohort_; }
    /// The split as the split page shows it; empty when it was refused.
    const std::optional<models::CohortSplit>& split() const { return split_; }
    /// The recipe as the recipe page sets it.
    workflow::TrainingRecipe recipe() const;
    bool isTraining() const;

    // The pages' controls, for the tests that drive the wizard.
    QLabel* cohortSummary() const { return cohortSummary_; }
    QTableWidget* excludedTable() const { return excludedTable_; }
    QComboBox* minimumReviewBox() const { return minimumReview_; }
    QLabel* splitSummary() const { return splitSummary_; }
    QSpinBox* validationBox() const { return validation_; }
    QDateEdit* cutoffEdit() const { return cutoff_; }
    QComboBox* externalSiteBox() const { return externalSite_; }
    QComboBox* startFromBox() const { return startFrom_; }
    QLabel* startFromNote() const { return startFromNote_; }
    QComboBox* segmentationLossBox() const { return segmentationLoss_; }
    QSpinBox* patienceBox() const { return patience_; }
    QDoubleSpinBox* learningRateBox() const { return learningRate_; }
    QSpinBox* inputSizeBox() const { return inputSize_; }
    QSpinBox* baseWidthBox() const { return baseWidth_; }
    QSpinBox* embedDimBox() const { return embedDim_; }
    QSpinBox* headsBox() const { return heads_; }
    QSpinBox* batchSizeBox() const { return batchSize_; }
    QSpinBox* epochsBox() const { return epochs_; }
    QSpinBox* slicesPerEpochBox() const { return slicesPerEpoch_; }
    QSpinBox* threadsBox() const { return threads_; }
    QLineEdit* packageEdit() const { return package_; }
    QPushButton* estimateButton() const { return estimateButton_; }
    QLabel* estimateLabel() const { return estimate_; }
    QPushButton* startButton() const { return startButton_; }
    QPushButton* stopButton() const { return stopButton_; }
    QLabel* trainingStatus() const { return trainingStatus_; }
    QPlainTextEdit* trainingLog() const { return log_; }
    QLineSeries* validationDiceSeries() const { return diceSeries_; }
    QLabel* comparisonStatus() const { return comparisonStatus_; }
    QTableWidget* comparisonTable() const { return comparisonTable_; }
    QLabel* comparisonVerdict() const { return comparisonVerdict_; }
    QPushButton* registerButton() const { return registerButton_; }
    QLineEdit* reasonEdit() const { return reason_; }
    QPushButton* activateButton() const { return activateButton_; }
    QPushButton* rollBackButton() const { return rollBackButton_; }
    QLabel* activationStatus() const { return activationStatus_; }

    /// Starts (or, after a stop, continues) the training child process.
    void startTraining();
    /// Stops it; the last finished epoch's checkpoint stays for a later start.
    void stopTraining();
    /// The training child's process id while it runs, else 0.
    qint64 trainingProcessId() const;

Q_SIGNALS:
    /// The epoch-time estimate is shown (or its failure).
    void estimateFinished();
    /// The training child ended: exit code 0 and a written package, or a failure.
    void trainingFinished(bool succeeded);
    /// The comparison's evaluation child ended.
    void comparisonFinished(bool succeeded);
    /// Another model became the active one (after activation or a roll back).
    void activeModelChanged();

private:
    QWizardPage* buildCohortPage();
    QWizardPage* buildSplitPage();
    QWizardPage* buildRecipePage();
    QWizardPage* buildTrainingPage();
    QWizardPage* buildComparisonPage();
    QWizardPage* buildActivationPage();
    void startComparison();
    void onComparisonEnded(int exitCode);
    void showComparison(const std::vector<std::vector<workflow::SetFigures>>& models);
    void reselectCohort();
    void resplit();
    void estimateEpochTime();
    /// Fine-tuning takes the starting package's network: its shape is shown and fixed.
    void applyStartingPoint();
    /// The last started run's recipe and split (per database), so that a run stopped by closing
    /// the workstation continues from the next wizard without entering them again.
    void rememberRecipe() const;
    /// The recipe's spin boxes rememberRecipe() stores and restoreRecipe() sets, by settings key.
    std::vector<std::pair<QString, QSpinBox*>> rememberedSpinBoxes() const;
    void restoreRecipe();
    void readProgress();
    void showEpochs();
    void onTrainingEnded(int exitCode);
    void registerPackage();
    void activateNewModel();
    void rollBack();
    void showActivation(const QString& text, bool isError);

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    QString cliPath_;
    workflow::DatabaseCohort cohort_;
    std::optional<models::CohortSplit> split_;
    QProcess* process_ = nullptr;
    QProcess* evaluation_ = nullptr;
    bool compared_ = false;
    std::optional<std::string> comparedWith_; ///< the active model's version, when there was one
    bool trainingSucceeded_ = false;
    std::vector<workflow::TrainingEpoch> recordedEpochs_; ///< as the curves show them
    bool stopRequested_ = false; ///< the child was stopped by Stop, not killed from outside
    std::optional<std::int64_t> registeredModelId_;
    std::optional<std::int64_t> previousActiveModelId_;

    QComboBox* minimumReview_ = nullptr;
    QComboBox* site_ = nullptr;
    QLabel* cohortSummary_ = nullptr;
    QTableWidget* excludedTable_ = nullptr;
    QDateEdit* cutoff_ = nullptr;
    QSpinBox* validation_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QComboBox* externalSite_ = nullptr;
    QLabel* splitSummary_ = nullptr;
    QComboBox* preset_ = nullptr;
    QComboBox* startFrom_ = nullptr;
    QLabel* startFromNote_ = nullptr;
    std::optional<models::MtsaNetConfig> startingNetwork_; ///< when fine-tuning
    QComboBox* segmentationLoss_ = nullptr;
    QSpinBox* patience_ = nullptr;
    QSpinBox* inputSize_ = nullptr;
    QSpinBox* baseWidth_ = nullptr;
    QSpinBox* embedDim_ = nullptr;
    QSpinBox* heads_ = nullptr;
    QSpinBox* batchSize_ = nullptr;
    QDoubleSpinBox* learningRate_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* slicesPerEpoch_ = nullptr;
    QDoubleSpinBox* maxMinutes_ = nullptr;
    QComboBox* device_ = nullptr;
    QSpinBox* threads_ = nullptr;
    QLineEdit* package_ = nullptr;
    QPushButton* estimateButton_ = nullptr;
    QLabel* estimate_ = nullptr;
    QProcess* estimation_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* trainingStatus_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
    QLineSeries* trainingLossSeries_ = nullptr;
    QLineSeries* validationLossSeries_ = nullptr;
    QLineSeries* diceSeries_ = nullptr;
    QValueAxis* epochAxis_ = nullptr;
    QValueAxis* valueAxis_ = nullptr;
    QLabel* comparisonStatus_ = nullptr;
    QTableWidget* comparisonTable_ = nullptr;
    QLabel* comparisonVerdict_ = nullptr;
    QPushButton* compareAgainButton_ = nullptr;
    QLabel* packageSummary_ = nullptr;
    QPushButton* registerButton_ = nullptr;
    QLineEdit* reason_ = nullptr;
    QPushButton* activateButton_ = nullptr;
    QPushButton* rollBackButton_ = nullptr;
    QLabel* activationStatus_ = nullptr;
};

} // namespace metis::ui
