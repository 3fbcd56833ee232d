#include "metis/ui/TrainingWizard.h"

#include "metis/models/ModelPackage.h"
#include "metis/workflow/ModelRegistration.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <functional>

namespace metis::ui {
namespace {

/// A wizard page whose Next button waits for `complete`.
class GatedPage : public QWizardPage {
public:
    explicit GatedPage(std::function<bool()> complete) : complete_(std::move(complete)) {}
    bool isComplete() const override { return complete_(); }
    void recheck() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> complete_;
};

QString exclusionText(const workflow::ExcludedPatient& excluded, workflow::MinimumReview minimum) {
    switch (excluded.reason) {
    case workflow::ExclusionReason::NoSeries:
        return TrainingWizard::tr("no image series");
    case workflow::ExclusionReason::NoManualGtv:
        return TrainingWizard::tr("no manual GTV");
    case workflow::ExclusionReason::GtvNotReviewed:
        return minimum == workflow::MinimumReview::Approved
                   ? TrainingWizard::tr("GTV is %1, not approved")
                         .arg(QString::fromStdString(excluded.reviewStatus))
                   : TrainingWizard::tr("GTV is %1, not corrected or approved")
                         .arg(QString::fromStdString(excluded.reviewStatus));
    case workflow::ExclusionReason::NoEgfrStatus:
        return TrainingWizard::tr("no known EGFR status");
    case workflow::ExclusionReason::NoDiagnosisDate:
        return TrainingWizard::tr("no diagnosis date");
    }
    return {};
}

QString siteName(const std::string& site) {
    return site.empty() ? TrainingWizard::tr("(unnamed)") : QString::fromStdString(site);
}

QSpinBox* spinBox(int low, int high, int value) {
    auto* box = new QSpinBox;
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

void recheckPage(QWizard& wizard, int id) {
    if (auto* page = dynamic_cast<GatedPage*>(wizard.page(id))) {
        page->recheck();
    }
}

/// The recipe of the preset box's entry `index`: 0 the CPU recipe, 1 the paper's configuration.
workflow::TrainingRecipe presetRecipe(int index) {
    return index == 1 ? workflow::TrainingRecipe::paperConfiguration() : workflow::TrainingRecipe();
}

} // namespace

TrainingWizard::TrainingWizard(std::shared_ptr<db::PatientDatabase> database, db::User user,
                               QString cliPath, QWidget* parent)
    : QWizard(parent), database_(std::move(database)), user_(std::move(user)),
      cliPath_(std::move(cliPath)) {
    setObjectName(QStringLiteral("TrainingWizard"));
    setWindowTitle(tr("Retrain MTSA-Net on this site's patients"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(CohortPage, buildCohortPage());
    setPage(SplitPage, buildSplitPage());
    setPage(RecipePage, buildRecipePage());
    setPage(TrainingPage, buildTrainingPage());
    setPage(ComparisonPage, buildComparisonPage());
    setPage(ActivationPage, buildActivationPage());
    resize(900, 680);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ComparisonPage && !compared_) {
            startComparison();
        }
        if (id == TrainingPage && !process_) {
            // A run of this package stopped earlier (the wizard or the workstation was closed):
            // its epochs are shown, and Start continues from its last checkpoint.
            showEpochs();
            const auto epochs = workflow::readTrainingEpochs(recipe().package);
            if (!epochs.empty()) {
                trainingStatus_->setText(
                    tr("An earlier run of this package stopped after epoch %1. Start continues "
                       "from there.")
                        .arg(epochs.back().epoch));
            }
        }
        if (id != ActivationPage) {
            return;
        }
        const auto epochs = workflow::readTrainingEpochs(recipe().package);
        const auto best =
            std::max_element(epochs.begin(), epochs.end(), [](const auto& a, const auto& b) {
                return a.validationDice < b.validationDice;
            });
        packageSummary_->setText(
            tr("New model package: %1\n%2 epochs; best validation Dice %3 (epoch %4).")
                .arg(QString::fromStdString(recipe().package.string()))
                .arg(epochs.size())
                .arg(best == epochs.end() ? 0.0 : best->validationDice, 0, 'f', 3)
                .arg(best == epochs.end() ? 0 : best->epoch));
    });
    reselectCohort();
    restoreRecipe();
}

TrainingWizard::~TrainingWizard() {
    if (isTraining()) {
        // The child keeps its last checkpoint; a later start of the same package continues.
        process_->kill();
        process_->waitForFinished(5000);
    }
    if (evaluation_ && evaluation_->state() != QProcess::NotRunning) {
        evaluation_->kill();
        evaluation_->waitForFinished(5000);
    }
}

QWizardPage* TrainingWizard::buildCohortPage() {
    auto* page = new GatedPage([this] { return cohort_.patients.size() >= 3; });
    page->setTitle(tr("Cohort"));
    page->setSubTitle(tr("Patients with a reviewed manual GTV, a known EGFR status and a "
                         "diagnosis date train the model."));
    minimumReview_ = new QComboBox;
    minimumReview_->addItem(tr("Approved or locked GTVs"),
                            static_cast<int>(workflow::MinimumReview::Approved));
    minimumReview_->addItem(tr("Corrected, approved or locked GTVs"),
                            static_cast<int>(workflow::MinimumReview::Corrected));
    site_ = new QComboBox;
    site_->addItem(tr("Every site"), QString());
    cohortSummary_ = new QLabel;
    cohortSummary_->setObjectName(QStringLiteral("CohortSummary"));
    cohortSummary_->setWordWrap(true);
    excludedTable_ = new QTableWidget(0, 2);
    excludedTable_->setHorizontalHeaderLabels({tr("Patient"), tr("Why it cannot train")});
    excludedTable_->horizontalHeader()->setStretchLastSection(true);
    excludedTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    excludedTable_->verticalHeader()->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("GTV review"), minimumReview_);
    form->addRow(tr("Scanner site"), site_);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(cohortSummary_);
    layout->addWidget(new QLabel(tr("Left out:")));
    layout->addWidget(excludedTable_, 1);
    connect(minimumReview_, &QComboBox::currentIndexChanged, this, &TrainingWizard::reselectCohort);
    connect(site_, &QComboBox::currentIndexChanged, this, &TrainingWizard::reselectCohort);
    return page;
}

QWizardPage* TrainingWizard::buildSplitPage() {
    auto* page = new GatedPage([this] { return split_.has_value(); });
    page->setTitle(tr("Split"));
    page->setSubTitle(tr("The paper's temporal split: patients diagnosed after the cutoff test "
                         "the model, random earlier ones validate it, the others train it."));
    cutoff_ = new QDateEdit(QDate(2021, 5, 1));
    cutoff_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    cutoff_->setCalendarPopup(true);
    validation_ = spinBox(1, 1000, 10);
    seed_ = spinBox(0, 1000000, 1);
    externalSite_ = new QComboBox;
    splitSummary_ = new QLabel;
    splitSummary_->setObjectName(QStringLiteral("SplitSummary"));
    splitSummary_->setWordWrap(true);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Test: diagnosed after"), cutoff_);
    form->addRow(tr("Validation patients"), validation_);
    form->addRow(tr("Seed of the validation draw"), seed_);
    form->addRow(tr("Site held out as external test"), externalSite_);
    form->addRow(splitSummary_);
    connect(cutoff_, &QDateEdit::dateChanged, this, &TrainingWizard::resplit);
    connect(validation_, &QSpinBox::valueChanged, this, &TrainingWizard::resplit);
    connect(seed_, &QSpinBox::valueChanged, this, &TrainingWizard::resplit);
    connect(externalSite_, &QComboBox::currentIndexChanged, this, &TrainingWizard::resplit);
    return page;
}

QWizardPage* TrainingWizard::buildRecipePage() {
    auto* page = new GatedPage([this] { return !package_->text().trimmed().isEmpty(); });
    page->setTitle(tr("Recipe"));
    page->setSubTitle(tr("The network's size and the training budget. The CPU recipe is the "
                         "one measured on a 2-core workstation; the paper's configuration needs "
                         "a GPU."));
    const workflow::TrainingRecipe cpu = presetRecipe(0);
    const workflow::TrainingRecipe paper = presetRecipe(1);
    preset_ = new QComboBox;
    preset_->addItem(tr("CPU recipe (%1 px, width %2)").arg(cpu.inputSize).arg(cpu.baseWidth));
    preset_->addItem(
        tr("Paper configuration (%1 px, width %2; GPU)").arg(paper.inputSize).arg(paper.baseWidth));
    inputSize_ = spinBox(64, 512, cpu.inputSize);
    inputSize_->setSingleStep(32);
    baseWidth_ = spinBox(1, 64, cpu.baseWidth);
    embedDim_ = spinBox(8, 512, cpu.embedDim);
    heads_ = spinBox(1, 16, cpu.attentionHeads);
    batchSize_ = spinBox(1, 256, cpu.batchSize);
    learningRate_ = new QDoubleSpinBox;
    learningRate_->setDecimals(5);
    learningRate_->setRange(1e-5, 1.0);
    learningRate_->setSingleStep(1e-4);
    learningRate_->setValue(cpu.learningRate);
    epochs_ = spinBox(1, 1000, cpu.maxEpochs);
    slicesPerEpoch_ = spinBox(0, 1000000, cpu.slicesPerEpoch);
    slicesPerEpoch_->setSpecialValueText(tr("all"));
    maxMinutes_ = new QDoubleSpinBox;
    maxMinutes_->setRange(0.0, 100000.0);
    maxMinutes_->setSpecialValueText(tr("none"));
    device_ = new QComboBox;
    device_->addItem(tr("Automatic (the GPU when usable)"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    threads_ = spinBox(0, 256, 0);
    threads_->setSpecialValueText(tr("every core"));
    package_ = new QLineEdit(
        QDir(QFileInfo(QString::fromStdString(database_->path())).path())
            .filePath(QStringLiteral("models/mtsa-net-") +
                      QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    connect(package_, &QLineEdit::textChanged, page, &GatedPage::recheck);
    startFrom_ = new QComboBox;
    startFrom_->addItem(tr("From scratch"), QString());
    if (const auto active = database_->activeModel()) {
        startFrom_->addItem(
            tr("Fine-tune the active model (%1)").arg(QString::fromStdString(active->version)),
            QString::fromStdString(active->packagePath));
    }
    startFromNote_ = new QLabel;
    startFromNote_->setWordWrap(true);
    startFromNote_->hide();
    segmentationLoss_ = new QComboBox;
    segmentationLoss_->addItem(tr("Lesion-weighted Dice + cross-entropy (CPU recipe)"),
                               QStringLiteral("lesion-weighted"));
    segmentationLoss_->addItem(tr("Batch Dice + cross-entropy"), QStringLiteral("batch-dice-bce"));
    segmentationLoss_->addItem(tr("The paper's Dice + focal loss (alpha 0.8, gamma 2)"),
                               QStringLiteral("paper"));
    patience_ = spinBox(1, 1000, cpu.patience);
    connect(preset_, &QComboBox::currentIndexChanged, this, [this](int index) {
        const workflow::TrainingRecipe preset = presetRecipe(index);
        if (!startingNetwork_) {
            inputSize_->setValue(preset.inputSize);
            baseWidth_->setValue(preset.baseWidth);
            embedDim_->setValue(preset.embedDim);
            heads_->setValue(preset.attentionHeads);
        }
        batchSize_->setValue(preset.batchSize);
        learningRate_->setValue(startingNetwork_ ? preset.learningRate / 10.0
                                                 : preset.learningRate);
        epochs_->setValue(preset.maxEpochs);
        slicesPerEpoch_->setValue(preset.slicesPerEpoch);
        segmentationLoss_->setCurrentIndex(
            segmentationLoss_->findData(QString::fromStdString(toString(preset.segmentationLoss))));
        patience_->setValue(preset.patience);
    });
    connect(startFrom_, &QComboBox::currentIndexChanged, this, &TrainingWizard::applyStartingPoint);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Start from"), startFrom_);
    form->addRow(startFromNote_);
    form->addRow(tr("Preset"), preset_);
    form->addRow(tr("Input size (px)"), inputSize_);
    form->addRow(tr("Base width"), baseWidth_);
    form->addRow(tr("Transformer width"), embedDim_);
    form->addRow(tr("Attention heads"), heads_);
    form->addRow(tr("Batch size"), batchSize_);
    form->addRow(tr("Segmentation loss"), segmentationLoss_);
    form->addRow(tr("Learning rate"), learningRate_);
    form->addRow(tr("Epochs at most"), epochs_);
    form->addRow(tr("Stop after epochs without a better validation Dice"), patience_);
    form->addRow(tr("Slices per epoch"), slicesPerEpoch_);
    form->addRow(tr("Time budget (minutes)"), maxMinutes_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("CPU threads"), threads_);
    form->addRow(tr("New model package"), package_);
    estimateButton_ = new QPushButton(tr("Measure the time per epoch"));
    estimate_ = new QLabel;
    estimate_->setWordWrap(true);
    form->addRow(estimateButton_, estimate_);
    connect(estimateButton_, &QPushButton::clicked, this, &TrainingWizard::estimateEpochTime);
    return page;
}

QWizardPage* TrainingWizard::buildTrainingPage() {
    auto* page = new GatedPage([this] { return trainingSucceeded_; });
    page->setTitle(tr("Training"));
    page->setSubTitle(tr("Training runs in a separate process: the workstation stays usable. "
                         "Stop keeps the last finished epoch; Start continues from it."));
    startButton_ = new QPushButton(tr("Start"));
    stopButton_ = new QPushButton(tr("Stop"));
    stopButton_->setEnabled(false);
    progress_ = new QProgressBar;
    progress_->setRange(0, 100);
    trainingStatus_ = new QLabel(tr("Not started."));
    trainingStatus_->setWordWrap(true);
    log_ = new QPlainTextEdit;
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(400);
    trainingLossSeries_ = new QLineSeries;
    trainingLossSeries_->setName(tr("Training loss"));
    validationLossSeries_ = new QLineSeries;
    validationLossSeries_->setName(tr("Validation loss"));
    diceSeries_ = new QLineSeries;
    diceSeries_->setName(tr("Validation Dice"));
    auto* chart = new QChart;
    for (QLineSeries* series : {trainingLossSeries_, validationLossSeries_, diceSeries_}) {
        chart->addSeries(series);
    }
    epochAxis_ = new QValueAxis;
    epochAxis_->setTitleText(tr("Epoch"));
    epochAxis_->setLabelFormat(QStringLiteral("%d"));
    epochAxis_->setTickType(QValueAxis::TicksDynamic);
    valueAxis_ = new QValueAxis;
    valueAxis_->setRange(0.0, 1.0);
    chart->addAxis(epochAxis_, Qt::AlignBottom);
    chart->addAxis(valueAxis_, Qt::AlignLeft);
    for (QLineSeries* series : {trainingLossSeries_, validationLossSeries_, diceSeries_}) {
        series->attachAxis(epochAxis_);
        series->attachAxis(valueAxis_);
    }
    auto* chartView = new QChartView(chart);
    chartView->setMinimumHeight(260);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);
    buttons->addWidget(progress_, 1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(trainingStatus_);
    layout->addWidget(chartView, 2);
    layout->addWidget(log_, 1);
    connect(startButton_, &QPushButton::clicked, this, &TrainingWizard::startTraining);
    connect(stopButton_, &QPushButton::clicked, this, &TrainingWizard::stopTraining);
    return page;
}

QWizardPage* TrainingWizard::buildComparisonPage() {
    auto* page = new GatedPage([this] { return compared_; });
    page->setTitle(tr("Comparison"));
    page->setSubTitle(tr("The new model and the active one on the same test patients, scored by "
                         "the code of metis-cli evaluate; 95 % bootstrap intervals in brackets."));
    comparisonStatus_ = new QLabel;
    comparisonStatus_->setWordWrap(true);
    comparisonTable_ = new QTableWidget(0, 2);
    comparisonTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    comparisonTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    comparisonVerdict_ = new QLabel;
    comparisonVerdict_->setObjectName(QStringLiteral("ComparisonVerdict"));
    comparisonVerdict_->setWordWrap(true);
    compareAgainButton_ = new QPushButton(tr("Evaluate again"));
    compareAgainButton_->setEnabled(false);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(comparisonStatus_);
    layout->addWidget(comparisonTable_, 1);
    layout->addWidget(comparisonVerdict_);
    layout->addWidget(compareAgainButton_);
    connect(compareAgainButton_, &QPushButton::clicked, this, &TrainingWizard::startComparison);
    return page;
}

void TrainingWizard::startComparison() {
    if (evaluation_ && evaluation_->state() != QProcess::NotRunning) {
        return;
    }
    const workflow::TrainingRecipe run = recipe();
    std::vector<std::filesystem::path> packages{run.package};
    comparedWith_.reset();
    if (const auto active = database_->activeModel()) {
        packages.emplace_back(active->packagePath);
        comparedWith_ = active->version;
    }
    const std::filesystem::path report = run.package.string() + ".evaluation.json";
    QStringList arguments;
    for (const std::string& argument : workflow::evaluateCommandArguments(run, packages, report)) {
        arguments << QString::fromStdString(argument);
    }
    if (!evaluation_) {
        evaluation_ = new QProcess(this);
        evaluation_->setProcessChannelMode(QProcess::MergedChannels);
        connect(evaluation_, &QProcess::finished, this,
                [this](int exitCode, QProcess::ExitStatus status) {
                    onComparisonEnded(status == QProcess::NormalExit ? exitCode : -1);
                });
        connect(evaluation_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart) {
                comparisonStatus_->setText(
                    tr("The evaluation %1 could not be started.").arg(cliPath_));
                compareAgainButton_->setEnabled(true);
            }
        });
    }
    compared_ = false;
    recheckPage(*this, ComparisonPage);
    compareAgainButton_->setEnabled(false);
    comparisonStatus_->setText(
        comparedWith_ ? tr("Evaluating the new model and the active model %1 on the test "
                           "patients...")
                            .arg(QString::fromStdString(*comparedWith_))
                      : tr("Evaluating the new model on the test patients (no model is active "
                           "to compare with)..."));
    evaluation_->start(cliPath_, arguments);
}

void TrainingWizard::onComparisonEnded(int exitCode) {
    const QString log = QString::fromUtf8(evaluation_->readAll());
    compareAgainButton_->setEnabled(true);
    const std::filesystem::path report = recipe().package.string() + ".evaluation.json";
    try {
        if (exitCode != 0) {
            throw std::runtime_error(log.trimmed().split(QLatin1Char('\n')).last().toStdString());
        }
        showComparison(workflow::readEvaluationReport(report));
        compared_ = true;
        comparisonStatus_->setText(tr("Evaluated on the test patients of the split."));
    } catch (const std::exception& error) {
        comparisonStatus_->setText(tr("The evaluation failed (exit code %1): %2")
                                       .arg(exitCode)
                                       .arg(QString::fromUtf8(error.what())));
    }
    recheckPage(*this, ComparisonPage);
    Q_EMIT comparisonFinished(compared_);
}

void TrainingWizard::showComparison(const std::vector<std::vector<workflow::SetFigures>>& models) {
    const auto text = [](const workflow::Estimate& estimate, int decimals) {
        return QStringLiteral("%1 [%2-%3]")
            .arg(estimate.value, 0, 'f', decimals)
            .arg(estimate.low, 0, 'f', decimals)
            .arg(estimate.high, 0, 'f', decimals);
    };
    const auto setName = [](const std::string& set) {
        return set == "internal-test"   ? tr("internal test")
               : set == "external-test" ? tr("external test")
                                        : tr("all test patients");
    };
    QStringList headers{tr("New model")};
    if (comparedWith_ && models.size() > 1) {
        headers << tr("Active model %1").arg(QString::fromStdString(*comparedWith_));
    }
    comparisonTable_->setColumnCount(static_cast<int>(headers.size()));
    comparisonTable_->setHorizontalHeaderLabels(headers);
    comparisonTable_->setRowCount(0);
    QStringList verdict;
    const std::vector<workflow::SetFigures>& fresh = models.front();
    for (std::size_t s = 0; s < fresh.size(); ++s) {
        const std::string& set = fresh[s].set;
        const QString name = setName(set);
        // One row: the figure of each model as text (a dash where it has none).
        const auto addRow = [&](const QString& label, const auto& figureText) {
            const int row = comparisonTable_->rowCount();
            comparisonTable_->insertRow(row);
            comparisonTable_->setVerticalHeaderItem(row, new QTableWidgetItem(label));
            for (std::size_t m = 0; m < models.size() && m < 2; ++m) {
                const QString value = figureText(models[m][s]);
                comparisonTable_->setItem(
                    row, static_cast<int>(m),
                    new QTableWidgetItem(value.isEmpty() ? QStringLiteral("\u2014") : value));
            }
        };
        const auto number = [](const std::optional<double>& value, int decimals) {
            return value ? QString::number(*value, 'f', decimals) : QString();
        };
        addRow(tr("Dice, %1 (%n patients)", nullptr, fresh[s].patients).arg(name),
               [&](const workflow::SetFigures& f) { return text(f.dice, 3); });
        addRow(tr("HD95 (mm), %1").arg(name),
               [&](const workflow::SetFigures& f) { return number(f.hd95Mm, 1); });
        addRow(tr("False lesions per patient, %1").arg(name),
               [&](const workflow::SetFigures& f) { return text(f.falseLesionsPerPatient, 2); });
        addRow(tr("Lesions found < 5 / 5-10 / > 10 mm, %1").arg(name),
               [](const workflow::SetFigures& f) {
                   QStringList bins;
                   for (const workflow::SizeBinSensitivity& bin : f.lesionSensitivity) {
                       bins << QStringLiteral("%1/%2").arg(bin.detected).arg(bin.lesions);
                   }
                   return bins.join(QStringLiteral(" \u00b7 "));
               });
        addRow(tr("EGFR ROC AUC, %1").arg(name), [&](const workflow::SetFigures& f) {
            return f.egfrAuc ? text(*f.egfrAuc, 3) : QString();
        });
        addRow(tr("EGFR accuracy, %1").arg(name),
               [&](const workflow::SetFigures& f) { return number(f.egfrAccuracy, 3); });
        addRow(tr("EGFR calibration error (ECE), %1").arg(name),
               [&](const workflow::SetFigures& f) { return number(f.egfrCalibrationError, 3); });
        if (models.size() < 2 || set == "all") {
            continue;
        }
        const workflow::SetFigures& old = models[1][s];
        if (fresh[s].dice.clearlyAbove(old.dice)) {
            verdict << tr("Dice on the %1: the new model is better.").arg(name);
        } else if (old.dice.clearlyAbove(fresh[s].dice)) {
            verdict << tr("Dice on the %1: the active model is better.").arg(name);
        } else {
            verdict << tr("Dice on the %1: no difference beyond the intervals.").arg(name);
        }
        const workflow::Estimate& freshFalse = fresh[s].falseLesionsPerPatient;
        const workflow::Estimate& oldFalse = old.falseLesionsPerPatient;
        verdict
            << (oldFalse.clearlyAbove(freshFalse)
                    ? tr("False lesions on the %1: the new model marks fewer.").arg(name)
                : freshFalse.clearlyAbove(oldFalse)
                    ? tr("False lesions on the %1: the active model marks fewer.").arg(name)
                    : tr("False lesions on the %1: no difference beyond the intervals.").arg(name));
        if (fresh[s].egfrAuc && old.egfrAuc) {
            verdict
                << (fresh[s].egfrAuc->clearlyAbove(*old.egfrAuc)
                        ? tr("EGFR AUC on the %1: the new model is better.").arg(name)
                    : old.egfrAuc->clearlyAbove(*fresh[s].egfrAuc)
                        ? tr("EGFR AUC on the %1: the active model is better.").arg(name)
                        : tr("EGFR AUC on the %1: no difference beyond the intervals.").arg(name));
        }
    }
    comparisonVerdict_->setText(verdict.isEmpty()
                                    ? tr("No active model to compare with: the figures are the "
                                         "new model's alone.")
                                    : verdict.join(QLatin1Char('\n')));
}

QWizardPage* TrainingWizard::buildActivationPage() {
    auto* page = new QWizardPage;
    page->setTitle(tr("Register and activate"));
    page->setSubTitle(
        tr("Registering makes the new model available; activating it makes it run "
           "on every new AI result (a clinical decision, recorded with its reason)."));
    packageSummary_ = new QLabel;
    packageSummary_->setWordWrap(true);
    registerButton_ = new QPushButton(tr("Register the new model"));
    reason_ = new QLineEdit;
    reason_->setPlaceholderText(tr("Why this model should run on patients (audited)"));
    activateButton_ = new QPushButton(tr("Activate..."));
    activateButton_->setEnabled(false);
    rollBackButton_ = new QPushButton(tr("Roll back to the previous model"));
    rollBackButton_->setEnabled(false);
    activationStatus_ = new QLabel;
    activationStatus_->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(packageSummary_);
    layout->addWidget(registerButton_);
    layout->addWidget(new QLabel(tr("Reason for activating it:")));
    layout->addWidget(reason_);
    layout->addWidget(activateButton_);
    layout->addWidget(rollBackButton_);
    layout->addWidget(activationStatus_);
    layout->addStretch(1);
    connect(registerButton_, &QPushButton::clicked, this, &TrainingWizard::registerPackage);
    connect(activateButton_, &QPushButton::clicked, this, &TrainingWizard::activateNewModel);
    connect(rollBackButton_, &QPushButton::clicked, this, &TrainingWizard::rollBack);
    return page;
}

void TrainingWizard::reselectCohort() {
    workflow::CohortFilter filter;
    filter.minimumReview =
        static_cast<workflow::MinimumReview>(minimumReview_->currentData().toInt());
    filter.site = site_->currentData().toString().toStdString();
    try {
        cohort_ = workflow::selectDatabaseCohort(*database_, filter);
    } catch (const std::exception& error) {
        cohort_ = {};
        cohortSummary_->setText(
            tr("The patients cannot be read: %1").arg(QString::fromUtf8(error.what())));
    }
    // The site lists offer the sites of the eligible patients (kept while filtering by one).
    if (site_->count() == 1 && filter.site.empty()) {
        const QSignalBlocker blockSite(site_);
        const QSignalBlocker blockExternal(externalSite_);
        externalSite_->clear();
        externalSite_->addItem(tr("None"), QString());
        for (const auto& [site, count] : cohort_.siteCounts()) {
            site_->addItem(siteName(site), QString::fromStdString(site));
            externalSite_->addItem(siteName(site), QString::fromStdString(site));
        }
    }
    const std::size_t mutants = cohort_.mutantCount();
    QStringList sites;
    for (const auto& [site, count] : cohort_.siteCounts()) {
        sites << tr("%1: %2").arg(siteName(site)).arg(count);
    }
    const auto bins = cohort_.lesionSizeHistogram();
    cohortSummary_->setText(
        tr("%1 eligible patients: %2 EGFR mutant, %3 wild type.\nSites: %4.\nLesions by axial "
           "diameter (RANO-BM): under 5 mm %5, 5-10 mm %6, 10-20 mm %7, over 20 mm %8.")
            .arg(cohort_.patients.size())
            .arg(mutants)
            .arg(cohort_.patients.size() - mutants)
            .arg(sites.isEmpty() ? tr("none") : sites.join(QStringLiteral(", ")))
            .arg(bins[0])
            .arg(bins[1])
            .arg(bins[2])
            .arg(bins[3]) +
        (cohort_.withoutLesionSizes() > 0
             ? QStringLiteral(" ") + tr("(Not counted: the lesions of %n patient(s) whose GTV "
                                        "was imported without lesion sizes.)",
                                        nullptr, static_cast<int>(cohort_.withoutLesionSizes()))
             : QString()));
    excludedTable_->setRowCount(static_cast<int>(cohort_.excluded.size()));
    for (int row = 0; row < excludedTable_->rowCount(); ++row) {
        const auto& excluded = cohort_.excluded[static_cast<std::size_t>(row)];
        excludedTable_->setItem(row, 0,
                                new QTableWidgetItem(QString::fromStdString(excluded.patientId)));
        excludedTable_->setItem(
            row, 1, new QTableWidgetItem(exclusionText(excluded, filter.minimumReview)));
    }
    recheckPage(*this, CohortPage);
    resplit();
}

void TrainingWizard::resplit() {
    workflow::SplitOptions options;
    options.cutoff = cutoff_->date().toString(Qt::ISODate).toStdString();
    options.validationCount = static_cast<std::size_t>(validation_->value());
    options.seed = static_cast<std::uint64_t>(seed_->value());
    options.externalSite = externalSite_->currentData().toString().toStdString();
    try {
        split_ = workflow::splitDatabaseCohort(cohort_, options);
        const auto cases = workflow::splitCases(cohort_, options.externalSite);
        const auto describeSet = [&](const QString& name, const std::vector<std::size_t>& set) {
            return tr("%1: %2 patients (%3 EGFR mutant)")
                .arg(name)
                .arg(set.size())
                .arg(workflow::mutantCount(cases, set));
        };
        splitSummary_->setText(QStringList{describeSet(tr("Training"), split_->training),
                                           describeSet(tr("Validation"), split_->validation),
                                           describeSet(tr("Internal test"), split_->internalTest),
                                           describeSet(tr("External test"), split_->externalTest)}
                                   .join(QLatin1Char('\n')));
    } catch (const std::exception& error) {
        split_.reset();
        splitSummary_->setText(
            tr("This split cannot be used: %1").arg(QString::fromUtf8(error.what())));
    }
    recheckPage(*this, SplitPage);
}

void TrainingWizard::applyStartingPoint() {
    const QString package = startFrom_->currentData().toString();
    const bool wasFineTuning = startingNetwork_.has_value();
    startingNetwork_.reset();
    startFromNote_->clear();
    if (!package.isEmpty()) {
        try {
            const models::ModelPackageMetadata metadata =
                models::readModelPackage(package.toStdString());
            startingNetwork_ = metadata.architecture;
            inputSize_->setValue(metadata.architecture.inputSize);
            baseWidth_->setValue(metadata.architecture.baseWidth);
            embedDim_->setValue(metadata.architecture.embedDim);
            heads_->setValue(metadata.architecture.attentionHeads);
            startFromNote_->setText(
                tr("The new model keeps this model's network (%1 px, width %2) and starts from "
                   "its weights, at a tenth of the learning rate; its post-processing is carried "
                   "over until the new model is recalibrated.")
                    .arg(metadata.architecture.inputSize)
                    .arg(metadata.architecture.baseWidth));
        } catch (const std::exception& error) {
            startFromNote_->setText(
                tr("This model cannot be fine-tuned: %1").arg(QString::fromUtf8(error.what())));
            const QSignalBlocker quiet(startFrom_);
            startFrom_->setCurrentIndex(0);
        }
    }
    if (startingNetwork_.has_value() != wasFineTuning) {
        learningRate_->setValue(startingNetwork_ ? learningRate_->value() / 10.0
                                                 : learningRate_->value() * 10.0);
    }
    for (QSpinBox* shape : {inputSize_, baseWidth_, embedDim_, heads_}) {
        shape->setEnabled(!startingNetwork_);
    }
    startFromNote_->setVisible(!startFromNote_->text().isEmpty());
}

namespace {

const QString kRecipeGroup = QStringLiteral("trainingWizard/lastRun");

} // namespace

std::vector<std::pair<QString, QSpinBox*>> TrainingWizard::rememberedSpinBoxes() const {
    return {{QStringLiteral("inputSize"), inputSize_},
            {QStringLiteral("baseWidth"), baseWidth_},
            {QStringLiteral("embedDim"), embedDim_},
            {QStringLiteral("heads"), heads_},
            {QStringLiteral("batchSize"), batchSize_},
            {QStringLiteral("epochs"), epochs_},
            {QStringLiteral("patience"), patience_},
            {QStringLiteral("slicesPerEpoch"), slicesPerEpoch_},
            {QStringLiteral("threads"), threads_}};
}

void TrainingWizard::rememberRecipe() const {
    QSettings settings;
    settings.remove(kRecipeGroup);
    settings.beginGroup(kRecipeGroup);
    settings.setValue(QStringLiteral("database"), QString::fromStdString(database_->path()));
    settings.setValue(QStringLiteral("minimumReview"), minimumReview_->currentIndex());
    settings.setValue(QStringLiteral("cutoff"), cutoff_->date());
    settings.setValue(QStringLiteral("validation"), validation_->value());
    settings.setValue(QStringLiteral("seed"), seed_->value());
    settings.setValue(QStringLiteral("externalSite"), externalSite_->currentData());
    settings.setValue(QStringLiteral("preset"), preset_->currentIndex());
    settings.setValue(QStringLiteral("startFrom"), startFrom_->currentData());
    settings.setValue(QStringLiteral("segmentationLoss"), segmentationLoss_->currentData());
    for (const auto& [key, box] : rememberedSpinBoxes()) {
        settings.setValue(key, box->value());
    }
    settings.setValue(QStringLiteral("learningRate"), learningRate_->value());
    settings.setValue(QStringLiteral("maxMinutes"), maxMinutes_->value());
    settings.setValue(QStringLiteral("device"), device_->currentData());
    settings.setValue(QStringLiteral("package"), package_->text().trimmed());
}

void TrainingWizard::restoreRecipe() {
    QSettings settings;
    settings.beginGroup(kRecipeGroup);
    if (settings.value(QStringLiteral("database")).toString() !=
        QString::fromStdString(database_->path())) {
        return;
    }
    auto selectData = [](QComboBox* box, const QVariant& value) {
        if (const int index = box->findData(value); index >= 0) {
            box->setCurrentIndex(index);
        }
    };
    minimumReview_->setCurrentIndex(settings.value(QStringLiteral("minimumReview")).toInt());
    cutoff_->setDate(settings.value(QStringLiteral("cutoff")).toDate());
    validation_->setValue(settings.value(QStringLiteral("validation")).toInt());
    seed_->setValue(settings.value(QStringLiteral("seed")).toInt());
    selectData(externalSite_, settings.value(QStringLiteral("externalSite")));
    preset_->setCurrentIndex(settings.value(QStringLiteral("preset")).toInt());
    const QString startFrom = settings.value(QStringLiteral("startFrom")).toString();
    if (!startFrom.isEmpty() && startFrom_->findData(startFrom) < 0) {
        // The run fine-tuned a model that is no longer the active one: it continues from it.
        startFrom_->addItem(tr("Fine-tune %1").arg(QFileInfo(startFrom).fileName()), startFrom);
    }
    selectData(startFrom_, startFrom);
    selectData(segmentationLoss_, settings.value(QStringLiteral("segmentationLoss")));
    for (const auto& [key, box] : rememberedSpinBoxes()) {
        box->setValue(settings.value(key, box->value()).toInt());
    }
    learningRate_->setValue(settings.value(QStringLiteral("learningRate")).toDouble());
    maxMinutes_->setValue(settings.value(QStringLiteral("maxMinutes")).toDouble());
    selectData(device_, settings.value(QStringLiteral("device")));
    package_->setText(settings.value(QStringLiteral("package")).toString());
}

workflow::TrainingRecipe TrainingWizard::recipe() const {
    workflow::TrainingRecipe recipe;
    recipe.databasePath = database_->path();
    recipe.package = package_->text().trimmed().toStdString();
    recipe.minimumReview =
        static_cast<workflow::MinimumReview>(minimumReview_->currentData().toInt());
    recipe.split.cutoff = cutoff_->date().toString(Qt::ISODate).toStdString();
    recipe.split.validationCount = static_cast<std::size_t>(validation_->value());
    recipe.split.seed = static_cast<std::uint64_t>(seed_->value());
    recipe.split.externalSite = externalSite_->currentData().toString().toStdString();
    recipe.inputSize = inputSize_->value();
    recipe.baseWidth = baseWidth_->value();
    recipe.embedDim = embedDim_->value();
    recipe.attentionHeads = heads_->value();
    const workflow::TrainingRecipe preset = presetRecipe(preset_->currentIndex());
    recipe.sigmoidAttentionGate = preset.sigmoidAttentionGate;
    recipe.sliceSpacingMm = preset.sliceSpacingMm;
    recipe.antiAliasing = preset.antiAliasing;
    recipe.batchSize = batchSize_->value();
    recipe.learningRate = learningRate_->value();
    recipe.maxEpochs = epochs_->value();
    recipe.slicesPerEpoch = slicesPerEpoch_->value();
    recipe.maxMinutes = maxMinutes_->value();
    recipe.device = device_->currentData().toString().toStdString();
    recipe.threads = threads_->value();
    recipe.initialWeights = startFrom_->currentData().toString().toStdString();
    if (startingNetwork_) {
        recipe.sigmoidAttentionGate =
            startingNetwork_->attentionGate == models::AttentionGate::Sigmoid;
    }
    recipe.segmentationLoss = models::segmentationLossFromString(
        segmentationLoss_->currentData().toString().toStdString());
    recipe.patience = patience_->value();
    return recipe;
}

void TrainingWizard::estimateEpochTime() {
    if (estimation_ && estimation_->state() != QProcess::NotRunning) {
        return;
    }
    QStringList arguments;
    for (const std::string& argument : workflow::trainCommandArguments(recipe())) {
        arguments << QString::fromStdString(argument);
    }
    arguments << QStringLiteral("--estimate");
    if (!estimation_) {
        estimation_ = new QProcess(this);
        estimation_->setProcessChannelMode(QProcess::MergedChannels);
        connect(estimation_, &QProcess::finished, this, [this](int exitCode) {
            static const QRegularExpression throughput(
                QStringLiteral("throughput: ([0-9.]+) slices/s on (\\w+)"));
            const QString output = QString::fromUtf8(estimation_->readAll());
            const auto match = throughput.match(output);
            estimateButton_->setEnabled(true);
            if (exitCode != 0 || !match.hasMatch()) {
                estimate_->setText(tr("The measurement failed: %1")
                                       .arg(output.trimmed().split(QLatin1Char('\n')).last()));
                Q_EMIT estimateFinished();
                return;
            }
            const double slicesPerSecond = match.captured(1).toDouble();
            const int slices = slicesPerEpoch_->value();
            estimate_->setText(
                slices > 0 && slicesPerSecond > 0.0
                    ? tr("About %1 s per epoch of %2 slices on the %3, %4 min for %5 epochs "
                         "(training steps measured now; slice preparation and validation "
                         "come on top).")
                          .arg(slices / slicesPerSecond, 0, 'f', 0)
                          .arg(slices)
                          .arg(match.captured(2).toUpper())
                          .arg(slices / slicesPerSecond * epochs_->value() / 60.0, 0, 'f', 1)
                          .arg(epochs_->value())
                    : tr("%1 slices per second on the %2 (training steps measured now).")
                          .arg(slicesPerSecond, 0, 'f', 1)
                          .arg(match.captured(2).toUpper()));
            Q_EMIT estimateFinished();
        });
    }
    estimateButton_->setEnabled(false);
    estimate_->setText(tr("Measuring a few training steps..."));
    estimation_->start(cliPath_, arguments);
}

bool TrainingWizard::isTraining() const {
    return process_ && process_->state() != QProcess::NotRunning;
}

void TrainingWizard::startTraining() {
    if (isTraining()) {
        return;
    }
    const workflow::TrainingRecipe run = recipe();
    QStringList arguments;
    for (const std::string& argument : workflow::trainCommandArguments(run)) {
        arguments << QString::fromStdString(argument);
    }
    QDir().mkpath(QFileInfo(QString::fromStdString(run.package.string())).path());
    if (!process_) {
        process_ = new QProcess(this);
        process_->setProcessChannelMode(QProcess::MergedChannels);
        connect(process_, &QProcess::readyRead, this, &TrainingWizard::readProgress);
        connect(process_, &QProcess::finished, this,
                [this](int exitCode, QProcess::ExitStatus status) {
                    onTrainingEnded(status == QProcess::NormalExit ? exitCode : -1);
                });
        connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart) {
                trainingStatus_->setText(tr("The trainer %1 could not be started.").arg(cliPath_));
                startButton_->setEnabled(true);
                stopButton_->setEnabled(false);
            }
        });
    }
    rememberRecipe();
    stopRequested_ = false;
    trainingSucceeded_ = false;
    recheckPage(*this, TrainingPage);
    log_->appendPlainText(QStringLiteral("$ metis-cli ") + arguments.join(QLatin1Char(' ')));
    trainingStatus_->setText(tr("Preparing the slices of the training and validation patients..."));
    startButton_->setEnabled(false);
    stopButton_->setEnabled(true);
    showEpochs(); // a continued run shows its earlier epochs at once
    process_->start(cliPath_, arguments);
}

void TrainingWizard::stopTraining() {
    if (isTraining()) {
        stopRequested_ = true;
        process_->kill();
    }
}

qint64 TrainingWizard::trainingProcessId() const {
    return isTraining() ? process_->processId() : 0;
}

void TrainingWizard::readProgress() {
    static const QRegularExpression percent(QStringLiteral("training:\\s+(\\d+)%"));
    const QString text = QString::fromUtf8(process_->readAll());
    bool epochEnded = false;
    for (const QString& line :
         text.split(QRegularExpression(QStringLiteral("[\r\n]")), Qt::SkipEmptyParts)) {
        const auto match = percent.match(line);
        if (match.hasMatch()) {
            const int percentDone = match.captured(1).toInt();
            progress_->setValue(percentDone);
            const auto left =
                workflow::remainingSeconds(recordedEpochs_, epochs_->value(), percentDone / 100.0);
            if (!left) {
                trainingStatus_->setText(line.trimmed());
            } else if (*left < 90.0) {
                trainingStatus_->setText(tr("%1 (at most about %2 s left)")
                                             .arg(line.trimmed())
                                             .arg(static_cast<int>(std::ceil(*left))));
            } else {
                trainingStatus_->setText(tr("%1 (at most about %n minute(s) left)", nullptr,
                                            static_cast<int>(std::ceil(*left / 60.0)))
                                             .arg(line.trimmed()));
            }
            continue; // progress lines would flood the log
        }
        epochEnded = epochEnded || line.startsWith(QStringLiteral("epoch "));
        log_->appendPlainText(line);
    }
    if (epochEnded) {
        showEpochs();
    }
}

void TrainingWizard::showEpochs() {
    recordedEpochs_ = workflow::readTrainingEpochs(recipe().package);
    const auto& epochs = recordedEpochs_;
    QList<QPointF> training, validation, dice;
    double highest = 1.0;
    for (const workflow::TrainingEpoch& epoch : epochs) {
        training << QPointF(epoch.epoch, epoch.trainingLoss);
        validation << QPointF(epoch.epoch, epoch.validationLoss);
        dice << QPointF(epoch.epoch, epoch.validationDice);
        highest = std::max({highest, epoch.trainingLoss, epoch.validationLoss});
    }
    trainingLossSeries_->replace(training);
    validationLossSeries_->replace(validation);
    diceSeries_->replace(dice);
    const int last = std::max<int>(2, epochs.empty() ? 2 : epochs.back().epoch);
    epochAxis_->setRange(1, last);
    epochAxis_->setTickAnchor(1);
    epochAxis_->setTickInterval(std::max(1, last / 10)); // whole epochs, at most about 10 ticks
    valueAxis_->setRange(0.0, std::min(highest, 5.0));
}

void TrainingWizard::onTrainingEnded(int exitCode) {
    readProgress();
    showEpochs();
    startButton_->setEnabled(true);
    stopButton_->setEnabled(false);
    const QString package = QString::fromStdString(recipe().package.string());
    trainingSucceeded_ =
        exitCode == 0 && QFileInfo::exists(package + QStringLiteral("/metadata.json"));
    if (trainingSucceeded_) {
        progress_->setValue(100);
        trainingStatus_->setText(tr("Training finished: model package %1.").arg(package));
    } else if (exitCode == -1 && stopRequested_) {
        trainingStatus_->setText(tr("Training stopped. Start continues from the last finished "
                                    "epoch."));
    } else if (exitCode == -1) {
        // showEpochs() above has just read the epochs the trainer recorded.
        trainingStatus_->setText(
            tr("The trainer ended unexpectedly (killed or crashed) after %n finished epoch(s); "
               "the log below shows its last lines. Start continues from the last finished "
               "epoch.",
               nullptr, static_cast<int>(recordedEpochs_.size())));
    } else {
        trainingStatus_->setText(tr("Training failed (exit code %1); the log below says why. "
                                    "Start tries again from the last finished epoch.")
                                     .arg(exitCode));
    }
    recheckPage(*this, TrainingPage);
    Q_EMIT trainingFinished(trainingSucceeded_);
}

void TrainingWizard::registerPackage() {
    try {
        const auto active = database_->activeModel();
        previousActiveModelId_ = active ? std::optional(active->id) : std::nullopt;
        const db::RegisteredModel model =
            workflow::registerModelPackage(*database_, user_, recipe().package);
        registeredModelId_ = model.id;
        registerButton_->setEnabled(false);
        activateButton_->setEnabled(true);
        showActivation(tr("Registered as model %1.").arg(QString::fromStdString(model.version)),
                       false);
    } catch (const std::exception& error) {
        showActivation(tr("Not registered: %1").arg(QString::fromUtf8(error.what())), true);
    }
}

void TrainingWizard::activateNewModel() {
    if (!registeredModelId_) {
        return;
    }
    const QString reason = reason_->text().trimmed();
    if (reason.isEmpty()) {
        showActivation(tr("Give the reason for activating the model first."), true);
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Activate the new model"),
        tr("The new model will produce every new AI result from now on. Activate it?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        return;
    }
    try {
        workflow::activateRegisteredModel(*database_, user_, *registeredModelId_,
                                          {reason.toStdString(), false});
    } catch (const std::exception& error) {
        showActivation(tr("Not activated: %1").arg(QString::fromUtf8(error.what())), true);
        return;
    }
    activateButton_->setEnabled(false);
    rollBackButton_->setEnabled(previousActiveModelId_.has_value());
    showActivation(tr("The new model is now the active model."), false);
    Q_EMIT activeModelChanged();
}

void TrainingWizard::rollBack() {
    if (!previousActiveModelId_) {
        return;
    }
    try {
        workflow::activateRegisteredModel(*database_, user_, *previousActiveModelId_,
                                          {"roll back from the retrained model", false});
    } catch (const std::exception& error) {
        showActivation(tr("Not rolled back: %1").arg(QString::fromUtf8(error.what())), true);
        return;
    }
    rollBackButton_->setEnabled(false);
    activateButton_->setEnabled(true);
    showActivation(tr("The previous model is the active model again."), false);
    Q_EMIT activeModelChanged();
}

void TrainingWizard::showActivation(const QString& text, bool isError) {
    activationStatus_->setText(text);
    activationStatus_->setStyleSheet(isError ? QStringLiteral("color: #d04040;") : QString());
}

} // namespace metis::ui
