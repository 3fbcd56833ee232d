#include "metis/ui/ComparisonPanel.h"

#include "metis/ui/JobRunner.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/workflow/PatientStudy.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace metis::ui {
namespace {

// What the HD95 figures are, so that they can be compared with other tools' (plastimatch, for
// one, reports the same pooled figure; a mean of the two directed ones is smaller).
QString hd95Definition() {
    return ComparisonPanel::tr(
        "HD95: the 95th percentile of the surface distances of both directions pooled (manual "
        "to AI and AI to manual), in 3D on the series grid, in mm. Per lesion: the lesion's "
        "manual surface against the union of the AI components that overlap it.");
}

QString dash() {
    return QStringLiteral("\u2014");
}

/// Fixed decimals in the interface's number format; a dash for the undefined and infinite
/// figures (an empty mask, a missed lesion).
QString number(double value, int decimals) {
    if (!std::isfinite(value)) {
        return dash();
    }
    return QLocale().toString(value, 'f', decimals);
}

QTableWidgetItem* readOnlyItem(const QString& text, bool alignRight = true) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (alignRight) {
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

} // namespace

QString lesionStatusText(workflow::LesionComparison::Status status) {
    using Status = workflow::LesionComparison::Status;
    switch (status) {
    case Status::Matched:
        return ComparisonPanel::tr("matched");
    case Status::Missed:
        return ComparisonPanel::tr("missed");
    case Status::FalsePositive:
        return ComparisonPanel::tr("false positive");
    }
    return {};
}

ComparisonPanel::ComparisonPanel(viewer_widgets::MprLayout* viewer, QWidget* parent)
    : QWidget(parent), viewer_(viewer) {
    setObjectName(QStringLiteral("comparisonPanel"));
    messageLabel_ = new QLabel(tr("Open a patient with a manual and an AI GTV to compare them."));
    messageLabel_->setWordWrap(true);
    summaryLabel_ = new QLabel;
    summaryLabel_->setWordWrap(true);
    summaryLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    lesionTable_ = new QTableWidget(0, ColumnCount);
    lesionTable_->setHorizontalHeaderLabels(
        {tr("Status"), tr("AI review"), tr("Dice"), tr("HD95 (mm)"), tr("Manual (ml)"),
         tr("AI (ml)"), tr("AI - manual (ml)"), tr("Axial diameter (mm)"), tr("3D extent (mm)")});
    lesionTable_->horizontalHeaderItem(AiReviewColumn)
        ->setToolTip(tr("A reader's decision on the AI lesion: confirmed or rejected"));
    lesionTable_->horizontalHeaderItem(Hd95Column)->setToolTip(hd95Definition());
    lesionTable_->horizontalHeaderItem(AxialDiameterColumn)
        ->setToolTip(tr("RANO-BM: the longest diameter within one axial slice, edge to edge"));
    lesionTable_->horizontalHeaderItem(DiameterColumn)
        ->setToolTip(tr("Largest distance between two voxel centres of the lesion in 3D; thick "
                        "slices inflate it"));
    lesionTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    lesionTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    lesionTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    lesionTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    lesionTable_->setToolTip(tr("Click a lesion to centre the viewer on it."));
    connect(lesionTable_, &QTableWidget::cellClicked, this,
            [this](int row, int) { selectRow(row); });
    connect(lesionTable_, &QTableWidget::itemSelectionChanged, this,
            &ComparisonPanel::updateReviewButtons);

    acceptButton_ = new QPushButton(tr("Accept AI lesion"));
    acceptButton_->setObjectName(QStringLiteral("AcceptAiLesion"));
    acceptButton_->setToolTip(
        tr("Confirm the selected row's AI lesion; one without a manual contour is copied into "
           "the manual contours"));
    rejectButton_ = new QPushButton(tr("Reject AI lesion"));
    rejectButton_->setObjectName(QStringLiteral("RejectAiLesion"));
    rejectButton_->setToolTip(tr("Record the selected row's AI lesion as not a metastasis; the "
                                 "report leaves a rejected false positive out"));
    connect(acceptButton_, &QPushButton::clicked, this, [this] {
        if (const std::uint16_t lesion = selectedAiLesion()) {
            Q_EMIT aiLesionReviewRequested(lesion, db::AiLesionDecision::Confirmed);
        }
    });
    connect(rejectButton_, &QPushButton::clicked, this, [this] {
        if (const std::uint16_t lesion = selectedAiLesion()) {
            Q_EMIT aiLesionReviewRequested(lesion, db::AiLesionDecision::Rejected);
        }
    });
    auto* reviewRow = new QHBoxLayout;
    reviewRow->addWidget(acceptButton_);
    reviewRow->addWidget(rejectButton_);
    updateReviewButtons();

    sizeBinTable_ = new QTableWidget(0, 3);
    sizeBinTable_->setHorizontalHeaderLabels(
        {tr("Lesion diameter"), tr("Detected / lesions"), tr("Sensitivity")});
    sizeBinTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sizeBinTable_->setSelectionMode(QAbstractItemView::NoSelection);
    sizeBinTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    sizeBinTable_->verticalHeader()->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(messageLabel_);
    layout->addWidget(summaryLabel_);
    layout->addWidget(lesionTable_, 3);
    layout->addLayout(reviewRow);
    layout->addWidget(new QLabel(tr("Sensitivity by lesion size (manual axial diameter, RANO-BM)")));
    layout->addWidget(sizeBinTable_, 1);
}

ComparisonPanel::~ComparisonPanel() = default;

bool ComparisonPanel::isRunning() const {
    return job_ && job_->isRunning();
}

void ComparisonPanel::compare(std::shared_ptr<const LabelMap> manual,
                              std::shared_ptr<const LabelMap> predicted) {
    manualNames_.clear();
    start(std::move(manual), std::move(predicted), {}, {});
}

void ComparisonPanel::compare(const workflow::OpenedStudy& study) {
    manualNames_ = study.manualLesionNames;
    start(study.manualGtv, study.predictedGtv, study.manualLesions, study.aiLesions);
}

std::shared_ptr<const workflow::ComparisonResult>
ComparisonPanel::resultFor(const std::shared_ptr<const LabelMap>& manual,
                           const std::shared_ptr<const LabelMap>& predicted) const {
    return manual == manual_ && predicted == predicted_ ? result_ : nullptr;
}

void ComparisonPanel::start(std::shared_ptr<const LabelMap> manual,
                            std::shared_ptr<const LabelMap> predicted,
                            workflow::GtvLesions manualLesions, workflow::GtvLesions aiLesions) {
    if (job_) {
        // Deleting the job lets a running worker finish quietly, its result unseen.
        job_->deleteLater();
        job_ = nullptr;
    }
    clearFigures();
    if (predicted != predicted_) {
        reviews_.clear(); // the decisions belong to the result shown before
    }
    manual_ = manual;
    predicted_ = predicted;
    if (!manual || !predicted) {
        messageLabel_->setText(!manual && !predicted
                                   ? tr("This patient has neither a manual nor an AI GTV.")
                               : !manual ? tr("This patient has no manual GTV to compare with.")
                                         : tr("This patient has no AI result yet: run the model "
                                              "in the inference panel first."));
        return;
    }
    messageLabel_->setText(tr("Comparing the manual and the AI GTV..."));
    auto outcome = std::make_shared<workflow::ComparisonResult>();
    job_ = new Job(
        tr("Manual versus AI GTV"),
        [manual, predicted, manualLesions = std::move(manualLesions),
         aiLesions = std::move(aiLesions), outcome](ProgressSink& sink) {
            *outcome = workflow::compareSegmentations(
                *manual, *predicted, sink, manualLesions.of(manual), aiLesions.of(predicted));
            return QVariant();
        },
        this);
    connect(job_, &Job::finished, this, [this, outcome] {
        showResult(outcome);
        Q_EMIT comparisonFinished();
    });
    connect(job_, &Job::failed, this, [this](const QString& message) {
        const QString text = tr("The comparison failed: %1").arg(message);
        messageLabel_->setText(text);
        Q_EMIT comparisonFailed(text);
    });
    connect(job_, &Job::cancelled, this, [this] {
        const QString text = tr("The comparison was cancelled.");
        messageLabel_->setText(text);
        Q_EMIT comparisonFailed(text);
    });
    job_->start();
}

void ComparisonPanel::clearFigures() {
    result_.reset();
    summaryLabel_->clear();
    lesionTable_->setRowCount(0);
    sizeBinTable_->setRowCount(0);
    updateReviewButtons();
}

void ComparisonPanel::showResult(std::shared_ptr<const workflow::ComparisonResult> result) {
    using workflow::LesionComparison;
    const SegmentationReport& report = result->report;
    const LesionMatching& lesions = report.lesions;
    messageLabel_->setText(tr("Manual GTV (yellow) against the AI GTV (green, dashed)."));
    summaryLabel_->setToolTip(hd95Definition());
    summaryLabel_->setText(
        tr("Patient: Dice %1, HD95 %2 mm, precision %3, recall %4\n"
           "Volume: manual %5 ml, AI %6 ml\n"
           "Lesions: %7 matched, %8 missed, %9 false positive")
            .arg(number(report.dice, 4), number(report.hausdorff.percentileMm, 4),
                 number(report.precision, 4), number(report.recall, 4),
                 number(report.referenceVolumeMl, 3), number(report.predictionVolumeMl, 3))
            .arg(lesions.truePositive)
            .arg(lesions.falseNegative)
            .arg(lesions.falsePositive));

    lesionTable_->setRowCount(static_cast<int>(result->lesions.size()));
    for (int row = 0; row < lesionTable_->rowCount(); ++row) {
        const LesionComparison& lesion = result->lesions[static_cast<std::size_t>(row)];
        const bool falsePositive = lesion.status == LesionComparison::Status::FalsePositive;
        const QString name = QString::fromStdString(
            lesion.manualId != 0 ? workflow::manualLesionName(manualNames_, lesion.manualId)
                                 : workflow::aiLesionName(lesion.aiId));
        lesionTable_->setVerticalHeaderItem(row, new QTableWidgetItem(name));
        lesionTable_->setItem(row, StatusColumn,
                              readOnlyItem(lesionStatusText(lesion.status), false));
        lesionTable_->setItem(row, DiceColumn,
                              readOnlyItem(falsePositive ? dash() : number(lesion.dice, 4)));
        lesionTable_->setItem(row, Hd95Column, readOnlyItem(number(lesion.hd95Mm, 2)));
        lesionTable_->setItem(row, ManualVolumeColumn,
                              readOnlyItem(number(lesion.manualVolumeMl, 3)));
        lesionTable_->setItem(row, AiVolumeColumn, readOnlyItem(number(lesion.aiVolumeMl, 3)));
        lesionTable_->setItem(row, VolumeDifferenceColumn,
                              readOnlyItem(number(lesion.volumeDifferenceMl(), 3)));
        lesionTable_->setItem(row, AxialDiameterColumn,
                              readOnlyItem(number(lesion.axialDiameterMm, 1)));
        lesionTable_->setItem(row, DiameterColumn, readOnlyItem(number(lesion.maxDiameterMm, 1)));
    }

    sizeBinTable_->setRowCount(static_cast<int>(lesions.sizeBins.size()));
    const QStringList binNames{tr("< 5 mm"), tr("5-10 mm"), tr("> 10 mm")};
    for (int row = 0; row < sizeBinTable_->rowCount(); ++row) {
        const SizeBinSensitivity& bin = lesions.sizeBins[static_cast<std::size_t>(row)];
        sizeBinTable_->setItem(
            row, 0,
            readOnlyItem(row < binNames.size() ? binNames[row] : QString::fromStdString(bin.name),
                         false));
        sizeBinTable_->setItem(
            row, 1, readOnlyItem(QStringLiteral("%1 / %2").arg(bin.detected).arg(bin.lesions)));
        sizeBinTable_->setItem(row, 2, readOnlyItem(number(bin.sensitivity, 3)));
    }
    result_ = std::move(result);
    showReviews();
    updateReviewButtons();
}

void ComparisonPanel::setAiLesionReviews(const std::vector<db::AiLesionReview>& reviews) {
    reviews_.clear();
    for (const db::AiLesionReview& review : reviews) {
        reviews_[review.lesionNumber] = review;
    }
    showReviews();
}

void ComparisonPanel::setAiReviewEnabled(bool enabled) {
    reviewEnabled_ = enabled;
    updateReviewButtons();
}

void ComparisonPanel::showReviews() {
    if (!result_) {
        return;
    }
    for (int row = 0; row < lesionTable_->rowCount(); ++row) {
        const int aiId = result_->lesions[static_cast<std::size_t>(row)].aiId;
        QString text;
        if (const auto found = reviews_.find(aiId); aiId != 0 && found != reviews_.end()) {
            text = found->second.decision == db::AiLesionDecision::Confirmed
                       ? tr("confirmed (%1)").arg(QString::fromStdString(found->second.username))
                       : tr("rejected (%1)").arg(QString::fromStdString(found->second.username));
        }
        lesionTable_->setItem(row, AiReviewColumn, readOnlyItem(text, false));
    }
}

std::uint16_t ComparisonPanel::selectedAiLesion() const {
    const int row = lesionTable_->currentRow();
    if (!result_ || row < 0 || row >= static_cast<int>(result_->lesions.size()) ||
        lesionTable_->selectedItems().isEmpty()) {
        return 0;
    }
    return result_->lesions[static_cast<std::size_t>(row)].aiId;
}

void ComparisonPanel::updateReviewButtons() {
    const bool possible = reviewEnabled_ && selectedAiLesion() != 0;
    acceptButton_->setEnabled(possible);
    rejectButton_->setEnabled(possible);
}

void ComparisonPanel::selectRow(int row) {
    if (!result_ || row < 0 || row >= static_cast<int>(result_->lesions.size())) {
        return;
    }
    const Vec3 centre = result_->lesions[static_cast<std::size_t>(row)].centreMm;
    if (viewer_) {
        viewer_->centreOn(centre);
    }
    Q_EMIT lesionSelected(centre);
}

} // namespace metis::ui
