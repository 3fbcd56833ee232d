#pragma once

#include "metis/database/InferenceRun.h"
#include "metis/workflow/Comparison.h"

#include <QString>
#include <QWidget>
#include <map>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace metis::viewer_widgets {
class MprLayout;
}

namespace metis::workflow {
struct OpenedStudy;
}

namespace metis::ui {

class Job;

/// The status in words, as the panel and the report show it.
QString lesionStatusText(workflow::LesionComparison::Status status);

/// The manual GTV against the AI's: per-lesion table (status, Dice, HD95, volumes and their
/// difference, diameter), patient Dice, HD95, precision and recall, and sensitivity by lesion
/// size. The figures are computed on a worker thread; clicking a lesion row centres the viewer
/// on it. Rows with an AI lesion show the reader's decision on it, and the selected row's AI
/// lesion can be accepted or rejected (the window records it).
class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    /// `viewer` may be null (nothing is centred then).
    explicit ComparisonPanel(viewer_widgets::MprLayout* viewer, QWidget* parent = nullptr);
    ~ComparisonPanel() override;

    /// Starts the comparison of the two maps; either may be null, and the panel then says
    /// which one is missing. A comparison still running for earlier maps is dropped.
    void compare(std::shared_ptr<const LabelMap> manual, std::shared_ptr<const LabelMap> predicted);
    /// The study's manual and AI GTV, located by the lesions the study carries for them.
    void compare(const workflow::OpenedStudy& study);
    bool isRunning() const;
    /// The figures shown, null while computing or when there is nothing to compare.
    const std::shared_ptr<const workflow::ComparisonResult>& result() const { return result_; }
    /// The figures shown when they compare exactly these two maps (null otherwise), so that the
    /// report uses them instead of comparing again.
    std::shared_ptr<const workflow::ComparisonResult>
    resultFor(const std::shared_ptr<const LabelMap>& manual,
              const std::shared_ptr<const LabelMap>& predicted) const;

    /// The decisions recorded on the shown AI result's lesions (the review column).
    void setAiLesionReviews(const std::vector<db::AiLesionReview>& reviews);
    /// Whether the accept and reject buttons may be used (a stored AI result, a permitted role).
    void setAiReviewEnabled(bool enabled);

    QTableWidget* lesionTable() const { return lesionTable_; }
    QPushButton* acceptButton() const { return acceptButton_; }
    QPushButton* rejectButton() const { return rejectButton_; }
    QTableWidget* sizeBinTable() const { return sizeBinTable_; }
    QLabel* summaryLabel() const { return summaryLabel_; }
    QLabel* messageLabel() const { return messageLabel_; }

    /// Columns of lesionTable().
    enum Column {
        StatusColumn,
        AiReviewColumn,
        DiceColumn,
        Hd95Column,
        ManualVolumeColumn,
        AiVolumeColumn,
        VolumeDifferenceColumn,
        AxialDiameterColumn,
        DiameterColumn,
        ColumnCount
    };

Q_SIGNALS:
    void comparisonFinished();
    void comparisonFailed(const QString& message);
    /// A lesion row was clicked; the viewer (if any) has moved there.
    void lesionSelected(const metis::Vec3& centreMm);
    /// Accept or reject was pressed for AI lesion `aiLesion` of the shown result.
    void aiLesionReviewRequested(int aiLesion, metis::db::AiLesionDecision decision);

private:
    void start(std::shared_ptr<const LabelMap> manual, std::shared_ptr<const LabelMap> predicted,
               workflow::GtvLesions manualLesions, workflow::GtvLesions aiLesions);
    void showResult(std::shared_ptr<const workflow::ComparisonResult> result);
    void clearFigures();
    void selectRow(int row);
    void showReviews();
    void updateReviewButtons();
    /// The AI lesion of the selected row (0: none).
    std::uint16_t selectedAiLesion() const;

    /// ROI names of the compared manual GTV's lesions (an imported RTSTRUCT's), by label value.
    std::map<int, std::string> manualNames_;

    viewer_widgets::MprLayout* viewer_;
    Job* job_ = nullptr;
    // The maps being compared or shown: result_ compares exactly these.
    std::shared_ptr<const LabelMap> manual_;
    std::shared_ptr<const LabelMap> predicted_;
    std::shared_ptr<const workflow::ComparisonResult> result_;
    QLabel* messageLabel_ = nullptr;
    QLabel* summaryLabel_ = nullptr;
    QTableWidget* lesionTable_ = nullptr;
    QTableWidget* sizeBinTable_ = nullptr;
    QPushButton* acceptButton_ = nullptr;
    QPushButton* rejectButton_ = nullptr;
    std::map<int, db::AiLesionReview> reviews_;
    bool reviewEnabled_ = false;
};

} // namespace metis::ui
