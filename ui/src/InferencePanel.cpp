#include "metis/ui/InferencePanel.h"

#include "metis/ui/JobRunner.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/workflow/PatientStudy.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace metis::ui {
namespace {

constexpr int kNumberColumn = 0;

// What the reader must know about the model behind the figures.
QString caveatText(workflow::ModelCaveat caveat) {
    switch (caveat) {
    case workflow::ModelCaveat::Untrained:
        return InferencePanel::tr("Research use only: untrained model with random weights; "
                                  "these figures mean nothing.");
    case workflow::ModelCaveat::PhantomTrained:
        return InferencePanel::tr("Research use only: phantom-trained model, not validated on "
                                  "patients. Not for clinical decisions.");
    case workflow::ModelCaveat::ResearchUse:
        break;
    }
    return InferencePanel::tr("Research use only. Not for clinical decisions.");
}

} // namespace

QString aiDoubtText(const workflow::AiDoubt& doubt) {
    const QLocale locale;
    switch (doubt.kind) {
    case workflow::AiDoubtKind::ManyLesions:
        return InferencePanel::tr("Implausible: %1 lesions (more than %2).")
            .arg(locale.toString(static_cast<int>(doubt.value)),
                 locale.toString(static_cast<int>(doubt.limit)));
    case workflow::AiDoubtKind::LargeVolume:
        return InferencePanel::tr("Implausible: total GTV %1 ml (more than %2 ml).")
            .arg(locale.toString(doubt.value, 'f', 1), locale.toString(doubt.limit, 'f', 0));
    case workflow::AiDoubtKind::OutsideHead:
        return InferencePanel::tr("Implausible: %1 % of the GTV lies in the scalp or outside the "
                                  "head (more than %2 %).")
            .arg(locale.toString(100.0 * doubt.value, 'f', 0),
                 locale.toString(100.0 * doubt.limit, 'f', 0));
    case workflow::AiDoubtKind::UncertainEgfr:
        return InferencePanel::tr("Uncertain EGFR call: probability %1, close to 0.5.")
            .arg(locale.toString(doubt.value, 'f', 2));
    case workflow::AiDoubtKind::EgfrDisagreesWithRecord:
        return InferencePanel::tr("The AI EGFR call disagrees with the recorded EGFR status.");
    }
    return {};
}

InferencePanel::InferencePanel(std::shared_ptr<db::PatientDatabase> database, db::User user,
                               viewer_widgets::MprLayout* viewer, QWidget* parent)
    : QWidget(parent), database_(std::move(database)), user_(std::move(user)), viewer_(viewer) {
    setObjectName(QStringLiteral("InferencePanel"));
    auto* layout = new QVBoxLayout(this);

    modelLabel_ = new QLabel(this);
    modelLabel_->setWordWrap(true);
    layout->addWidget(modelLabel_);

    auto* buttons = new QHBoxLayout;
    runButton_ = new QPushButton(tr("&Run MTSA-Net"), this);
    runButton_->setToolTip(tr("Segment the metastases and predict the EGFR status of the open "
                              "series; the result is stored in the database"));
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setEnabled(false);
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    layout->addLayout(buttons);
    connect(runButton_, &QPushButton::clicked, this, &InferencePanel::runInference);
    connect(cancelButton_, &QPushButton::clicked, this, &InferencePanel::cancelInference);

    // The post-processing of the next run: the package's defaults until the reader changes them.
    auto* settings = new QFormLayout;
    settings->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    thresholdBox_ = new QDoubleSpinBox(this);
    thresholdBox_->setObjectName(QStringLiteral("GtvThreshold"));
    thresholdBox_->setRange(0.001, 0.999);
    thresholdBox_->setSingleStep(0.05);
    thresholdBox_->setDecimals(3);
    thresholdBox_->setToolTip(tr("GTV probability at or above which a voxel is tumour; the "
                                 "model package's value was chosen on its validation patients"));
    minLesionBox_ = new QDoubleSpinBox(this);
    minLesionBox_->setObjectName(QStringLiteral("MinLesionVolume"));
    minLesionBox_->setRange(0.0, 5000.0);
    minLesionBox_->setSingleStep(5.0);
    minLesionBox_->setDecimals(0);
    minLesionBox_->setSuffix(QStringLiteral(" mm\u00b3"));
    minLesionBox_->setToolTip(tr("Predicted lesions smaller than this are dropped"));
    auto* defaultsButton = new QPushButton(tr("Package defaults"), this);
    defaultsButton->setToolTip(tr("Back to the model package's threshold and smallest lesion"));
    connect(defaultsButton, &QPushButton::clicked, this, [this] {
        defaultsPackage_.clear();
        loadPackageDefaults(chooseModel());
    });
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(thresholdBox_);
    thresholdRow->addWidget(defaultsButton);
    thresholdRow->addStretch(1);
    settings->addRow(tr("Threshold"), thresholdRow);
    settings->addRow(tr("Smallest lesion"), minLesionBox_);
    layout->addLayout(settings);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->hide();
    layout->addWidget(progress_);

    messageLabel_ = new QLabel(this);
    messageLabel_->setWordWrap(true);
    messageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(messageLabel_);

    egfrLabel_ = new QLabel(this);
    egfrLabel_->setWordWrap(true);
    QFont emphasised = egfrLabel_->font();
    emphasised.setPointSizeF(emphasised.pointSizeF() * 1.25);
    emphasised.setBold(true);
    egfrLabel_->setFont(emphasised);
    layout->addWidget(egfrLabel_);
    doubtLabel_ = new QLabel(this);
    doubtLabel_->setObjectName(QStringLiteral("AiDoubts"));
    doubtLabel_->setWordWrap(true);
    doubtLabel_->setStyleSheet(
        QStringLiteral("QLabel { color: #ffd0d0; background: #5a1e1e; border: 1px solid #ff6b6b; "
                       "border-radius: 3px; padding: 4px; }"));
    doubtLabel_->hide();
    layout->addWidget(doubtLabel_);
    caveatLabel_ = new QLabel(this);
    caveatLabel_->setObjectName(QStringLiteral("InferenceCaveat"));
    caveatLabel_->setWordWrap(true);
    caveatLabel_->setStyleSheet(QStringLiteral("color: #e0b050;"));
    layout->addWidget(caveatLabel_);

    probabilitySeries_ = new QLineSeries;
    probabilitySeries_->setName(tr("Per slice"));
    usedSlicesSeries_ = new QScatterSeries;
    usedSlicesSeries_->setName(tr("In the call (top 50 % by GTV area)"));
    auto* chart = new QChart;
    chart->addSeries(probabilitySeries_);
    chart->addSeries(usedSlicesSeries_);
    auto* sliceAxis = new QValueAxis;
    sliceAxis->setTitleText(tr("Model slice (inferior to superior)"));
    sliceAxis->setLabelFormat(QStringLiteral("%d"));
    auto* probabilityAxis = new QValueAxis;
    probabilityAxis->setTitleText(tr("Mutant probability"));
    probabilityAxis->setRange(0.0, 1.0);
    chart->addAxis(sliceAxis, Qt::AlignBottom);
    chart->addAxis(probabilityAxis, Qt::AlignLeft);
    for (QAbstractSeries* series :
         std::initializer_list<QAbstractSeries*>{probabilitySeries_, usedSlicesSeries_}) {
        series->attachAxis(sliceAxis);
        series->attachAxis(probabilityAxis);
    }
    // The theme recolours every series, so the colours come after it.
    chart->setTheme(QChart::ChartThemeDark);
    probabilitySeries_->setPen(QPen(QColor(0x6c, 0xb4, 0xee), 1.5));
    usedSlicesSeries_->setColor(QColor(0xff, 0x9f, 0x1c));
    usedSlicesSeries_->setBorderColor(Qt::transparent);
    usedSlicesSeries_->setMarkerSize(6.0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chartView_ = new QChartView(chart, this);
    chartView_->setRenderHint(QPainter::Antialiasing);
    chartView_->setMinimumHeight(220);
    layout->addWidget(chartView_, 1);

    lesionTable_ = new QTableWidget(0, 5, this);
    // Short headers for a narrow panel; the tooltips name each figure in full.
    lesionTable_->setHorizontalHeaderLabels(
        {tr("Lesion"), tr("Volume\n(ml)"), tr("Axial\n(mm)"), tr("3D\n(mm)"), tr("Mean\nprob.")});
    lesionTable_->horizontalHeaderItem(4)->setToolTip(
        tr("Mean GTV probability over the lesion's voxels"));
    lesionTable_->horizontalHeaderItem(2)->setToolTip(
        tr("Axial diameter (RANO-BM): the longest diameter within one axial slice, edge to edge"));
    lesionTable_->horizontalHeaderItem(3)->setToolTip(
        tr("3D extent: the largest distance between two voxel centres of the lesion; thick "
           "slices inflate it"));
    lesionTable_->verticalHeader()->hide();
    lesionTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    lesionTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    lesionTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    lesionTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    lesionTable_->setToolTip(tr("Click a lesion to centre the viewer on it"));
    layout->addWidget(lesionTable_, 1);
    connect(lesionTable_, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (!shownRun_ || row < 0 || row >= static_cast<int>(shownRun_->lesions.size())) {
            return;
        }
        viewer_->centreOn(shownRun_->lesions[static_cast<std::size_t>(row)].centreMm);
    });

    clearResult();
    updateRunButton();
}

InferencePanel::~InferencePanel() = default;

void InferencePanel::setModelPackagePath(const QString& packageDir) {
    explicitPackage_ = packageDir;
    updateRunButton();
}

workflow::InferenceModel InferencePanel::chooseModel() const {
    return workflow::chooseInferenceModel(
        *database_, explicitPackage_.toStdString(),
        QSettings().value(QStringLiteral("inference/modelPackage")).toString().toStdString());
}

QString InferencePanel::modelPackagePath() const {
    return QString::fromStdString(chooseModel().packageDir.string());
}

bool InferencePanel::isRunning() const {
    return job_ && job_->isRunning();
}

void InferencePanel::modelsChanged() {
    updateRunButton();
}

void InferencePanel::updateRunButton() {
    const workflow::InferenceModel model = chooseModel();
    const bool permitted = db::roleAllows(user_.role, db::Permission::RunInference);
    modelLabel_->setText(model.packageDir.empty()
                             ? tr("No model: activate a registered model or set a model package.")
                             : tr("Model %1\n%2")
                                   .arg(QString::fromStdString(model.version),
                                        QString::fromStdString(model.packageDir)));
    loadPackageDefaults(model);
    runButton_->setEnabled(permitted && study_ && !model.packageDir.empty() && !isRunning());
    runButton_->setToolTip(permitted ? QString() : tr("Your role may not run the model"));
}

void InferencePanel::loadPackageDefaults(const workflow::InferenceModel& model) {
    if (model.packageDir == defaultsPackage_ && packageDefaults_) {
        return; // the reader's choice stays while the model does
    }
    defaultsPackage_ = model.packageDir;
    packageDefaults_.reset();
    if (!model.packageDir.empty()) {
        try {
            packageDefaults_ = models::readModelPackage(model.packageDir).postProcessing;
        } catch (const std::exception&) {
            // A run names the broken package; the controls keep neutral values meanwhile.
        }
    }
    const models::GtvPostProcessing shown = packageDefaults_.value_or(models::GtvPostProcessing{});
    thresholdBox_->setValue(shown.threshold);
    minLesionBox_->setValue(shown.minLesionVolumeMm3);
    thresholdBox_->setEnabled(packageDefaults_.has_value());
    minLesionBox_->setEnabled(packageDefaults_.has_value());
}

std::optional<models::GtvPostProcessing> InferencePanel::chosenPostProcessing() const {
    if (!packageDefaults_) {
        return std::nullopt;
    }
    models::GtvPostProcessing chosen = *packageDefaults_;
    chosen.threshold = thresholdBox_->value();
    chosen.minLesionVolumeMm3 = minLesionBox_->value();
    // The spin boxes round to their decimals: an untouched control keeps the package's value.
    if (std::abs(chosen.threshold - packageDefaults_->threshold) < 0.0005 &&
        std::abs(chosen.minLesionVolumeMm3 - packageDefaults_->minLesionVolumeMm3) < 0.5) {
        return std::nullopt;
    }
    return chosen;
}

void InferencePanel::setStudy(std::shared_ptr<PatientStudy> study) {
    if (isRunning()) {
        cancelInference();
    }
    study_ = std::move(study);
    clearResult();
    if (study_ && study_->inferenceRun) {
        const db::InferenceRun& run = *study_->inferenceRun;
        const QDateTime created =
            QDateTime::fromString(QString::fromStdString(run.createdAt), Qt::ISODateWithMs);
        showRun(run,
                tr("Stored result of %1 UTC, model %2.")
                        .arg(created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             QString::fromStdString(run.modelVersion)) +
                    QStringLiteral(" ") + caveatText(workflow::storedRunCaveat(run, chooseModel())),
                study_->aiDoubts);
    }
    updateRunButton();
}

void InferencePanel::clearResult() {
    shownRun_.reset();
    egfrLabel_->setText(study_ ? tr("No AI result for this series yet.") : tr("No patient open."));
    caveatLabel_->clear();
    doubtLabel_->clear();
    doubtLabel_->hide();
    probabilitySeries_->clear();
    usedSlicesSeries_->clear();
    lesionTable_->setRowCount(0);
}

void InferencePanel::showError(const QString& message) {
    messageLabel_->setStyleSheet(QStringLiteral("color: #ff6b6b;"));
    messageLabel_->setText(message);
}

void InferencePanel::runInference() {
    if (!study_ || isRunning()) {
        return;
    }
    const workflow::InferenceModel model = chooseModel();
    if (model.packageDir.empty()) {
        showError(tr("No model package is configured."));
        return;
    }
    messageLabel_->setStyleSheet(QString());
    messageLabel_->setText(tr("Running %1...").arg(QString::fromStdString(model.version)));
    const std::string databasePath = database_->path();
    const auto image = study_->scene->image;
    const std::int64_t seriesId = study_->seriesId;
    const db::User user = user_;
    const std::string recordedEgfr = study_->recordedEgfrStatus;
    models::InferenceOptions options;
    options.postProcessing = chosenPostProcessing();
    auto outcome = std::make_shared<workflow::StoredInference>();
    auto doubts = std::make_shared<std::vector<workflow::AiDoubt>>();
    if (job_) {
        job_->deleteLater();
    }
    job_ = new Job(
        tr("MTSA-Net on %1").arg(QString::fromStdString(study_->patientId)),
        [=](ProgressSink& sink) {
            // The result is stored by the worker's own connection (one per thread).
            db::PatientDatabase connection(databasePath, db::OpenMode::Existing);
            *outcome = workflow::runAndStoreInference(connection, user, model, seriesId, *image,
                                                      sink, options);
            *doubts = workflow::assessAiResult(outcome->run, *outcome->gtv, *image, recordedEgfr);
            return QVariant();
        },
        this);
    connect(job_, &Job::progressed, this, [this](double fraction, const QString& detail) {
        progress_->setValue(static_cast<int>(fraction * 1000));
        progress_->setFormat(detail + QStringLiteral(" %p%"));
    });
    const auto ended = [this] {
        progress_->hide();
        cancelButton_->setEnabled(false);
        updateRunButton();
    };
    connect(job_, &Job::finished, this, [this, ended, outcome, doubts] {
        ended();
        messageLabel_->setStyleSheet(QString());
        messageLabel_->setText(tr("Result stored: model %1, %2 lesions.")
                                   .arg(QString::fromStdString(outcome->run.modelVersion))
                                   .arg(outcome->run.lesions.size()));
        if (study_ && study_->seriesId == outcome->run.seriesId) {
            study_->inferenceRun = outcome->run;
            study_->predictedGtv = outcome->gtv;
            study_->aiLesions = outcome->lesions;
            study_->aiDoubts = *doubts;
            showPredictedGtv(outcome->gtv);
            showRun(outcome->run, caveatText(outcome->caveat), *doubts);
        }
        Q_EMIT inferenceFinished();
    });
    connect(job_, &Job::failed, this, [this, ended](const QString& message) {
        ended();
        const QString text = tr("Inference failed, nothing was stored:\n%1").arg(message);
        showError(text);
        Q_EMIT inferenceFailed(text);
    });
    connect(job_, &Job::cancelled, this, [this, ended] {
        ended();
        const QString text = tr("Inference cancelled, nothing was stored.");
        showError(text);
        Q_EMIT inferenceFailed(text);
    });
    progress_->setValue(0);
    progress_->show();
    cancelButton_->setEnabled(true);
    job_->start();
    updateRunButton();
}

void InferencePanel::cancelInference() {
    if (job_) {
        job_->cancel();
    }
}

void InferencePanel::showPredictedGtv(std::shared_ptr<const LabelMap> labels) {
    if (!study_ || !study_->scene) {
        return;
    }
    viewer::OverlayLayer layer = viewer::predictedGtvLayer(std::move(labels));
    auto& overlays = study_->scene->overlays;
    const auto existing = std::find_if(overlays.begin(), overlays.end(),
                                       [&](const auto& o) { return o.name == layer.name; });
    if (existing != overlays.end()) {
        *existing = std::move(layer);
    } else {
        overlays.push_back(std::move(layer));
    }
    if (viewer_->scene() == study_->scene) {
        viewer_->sceneChanged();
    }
}

void InferencePanel::showRun(const db::InferenceRun& run, const QString& caveat,
                             const std::vector<workflow::AiDoubt>& doubts) {
    shownRun_ = run;
    QStringList doubtLines;
    for (const workflow::AiDoubt& doubt : doubts) {
        doubtLines << aiDoubtText(doubt);
    }
    if (workflow::isImplausibleSegmentation(doubts)) {
        doubtLines.prepend(tr("Check this result before use: the segmentation is implausible."));
    }
    doubtLabel_->setText(doubtLines.join(QStringLiteral("\n")));
    doubtLabel_->setVisible(!doubtLines.isEmpty());
    if (run.patientProbability) {
        const QString call = run.patientCall == "mutant" ? tr("EGFR mutant") : tr("EGFR wild type");
        QString text = tr("%1 (mutation probability %2)")
                           .arg(call, QLocale().toString(*run.patientProbability, 'f', 2));
        const std::string recorded = study_ ? study_->recordedEgfrStatus : std::string();
        if (recorded == "mutant" || recorded == "wild_type") {
            text += QStringLiteral("\n") +
                    tr("Recorded: %1")
                        .arg(recorded == "mutant" ? tr("EGFR mutant") : tr("EGFR wild type"));
        }
        egfrLabel_->setText(text);
    } else {
        egfrLabel_->setText(tr("No EGFR prediction: the model has no EGFR head."));
    }
    QString note = caveat;
    if (run.gtvThreshold && run.minLesionVolumeMm3) {
        const QLocale locale;
        note += QStringLiteral("\n") +
                (run.postProcessingChanged
                     ? tr("Threshold %1, smallest lesion %2 mm\u00b3: chosen by the reader, not "
                          "the package's defaults.")
                     : tr("Threshold %1, smallest lesion %2 mm\u00b3 (the package's defaults)."))
                    .arg(locale.toString(*run.gtvThreshold, 'f', 2),
                         locale.toString(*run.minLesionVolumeMm3, 'f', 0));
    }
    if (run.usedAllSlicesFallback() && run.patientProbability) {
        note += QStringLiteral("\n") +
                tr("No metastasis was segmented: the call averages every slice.");
    }
    caveatLabel_->setText(note);

    probabilitySeries_->clear();
    usedSlicesSeries_->clear();
    QList<QPointF> points;
    for (std::size_t k = 0; k < run.sliceMutantProbability.size(); ++k) {
        points.append(QPointF(static_cast<double>(k), run.sliceMutantProbability[k]));
    }
    probabilitySeries_->replace(points);
    QList<QPointF> used;
    for (std::size_t k : run.slicesUsed) {
        if (k < run.sliceMutantProbability.size()) {
            used.append(QPointF(static_cast<double>(k), run.sliceMutantProbability[k]));
        }
    }
    usedSlicesSeries_->replace(used);
    const auto axes = chartView_->chart()->axes(Qt::Horizontal);
    if (!axes.isEmpty()) {
        axes.front()->setRange(0.0, std::max<double>(1.0, points.size() - 1.0));
    }

    lesionTable_->setRowCount(static_cast<int>(run.lesions.size()));
    for (std::size_t r = 0; r < run.lesions.size(); ++r) {
        const auto& lesion = run.lesions[r];
        const int row = static_cast<int>(r);
        const auto cell = [](const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        lesionTable_->setItem(row, kNumberColumn,
                              cell(QString::fromStdString(workflow::aiLesionName(lesion.number))));
        lesionTable_->setItem(row, 1, cell(QLocale().toString(lesion.volumeMl, 'f', 2)));
        lesionTable_->setItem(row, 2,
                              cell(lesion.axialDiameterMm
                                       ? QLocale().toString(*lesion.axialDiameterMm, 'f', 1)
                                       : QStringLiteral("\u2014")));
        lesionTable_->setItem(row, 3, cell(QLocale().toString(lesion.maxDiameterMm, 'f', 1)));
        lesionTable_->setItem(row, 4, cell(QLocale().toString(lesion.meanProbability, 'f', 2)));
    }
}

} // namespace metis::ui
