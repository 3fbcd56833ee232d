#pragma once

#include "metis/core/Progress.h"
#include "metis/core/SegmentationMetrics.h"

#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QTableWidget;

namespace metis::viewer_widgets {
class MprLayout;
}

namespace metis::ui {

class Job;

/// One row of the manual-versus-AI comparison: a manual lesion (matched or missed by the AI) or
/// an AI lesion without a manual one.
struct LesionComparison {
    enum class Status { Matched, Missed, FalsePositive };
    Status status = Status::Matched;
    std::uint16_t manualId = 0; ///< connected component of the manual GTV (0: none)
    std::uint16_t aiId = 0;     ///< best-overlapping AI component (0: none)
    double dice = 0.0;          ///< 0 for missed and false-positive lesions
    double hd95Mm = 0.0;        ///< +infinity for missed and false-positive lesions
    double manualVolumeMl = 0.0;
    double aiVolumeMl = 0.0;      ///< all AI components overlapping the manual lesion
    double maxDiameterMm = 0.0;   ///< of the manual lesion, of the AI lesion for a false positive
    double axialDiameterMm = 0.0; ///< RANO-BM longest axial diameter of the same lesion
    Vec3 centreMm{0, 0, 0};       ///< centroid of the manual lesion (of the AI lesion for an FP)

    double volumeDifferenceMl() const { return aiVolumeMl - manualVolumeMl; }
};

struct ComparisonResult {
    SegmentationReport report;
    /// Manual lesions in component order, then the false positives in component order.
    std::vector<LesionComparison> lesions;
};

/// The options of `metis-cli metrics` without --per-slice, so the workstation and the command
/// line report the same numbers for the same two masks.
SegmentationOptions comparisonOptions();

/// Lesion-wise comparison of a manual and a predicted GTV on one grid (every non-zero voxel is
/// GTV). Throws std::invalid_argument when the grids differ.
ComparisonResult compareSegmentations(const LabelMap& manual, const LabelMap& predicted,
                                      ProgressSink& progress);

QString lesionStatusText(LesionComparison::Status status);

/// The manual GTV against the AI's: per-lesion table (status, Dice, HD95, volumes and their
/// difference, diameter), patient Dice, HD95, precision and recall, and sensitivity by lesion
/// size. The figures are computed on a worker thread; clicking a lesion row centres the viewer
/// on it.
class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    /// `viewer` may be null (nothing is centred then).
    explicit ComparisonPanel(viewer_widgets::MprLayout* viewer, QWidget* parent = nullptr);
    ~ComparisonPanel() override;

    /// Starts the comparison of the two maps; either may be null, and the panel then says
    /// which one is missing. A comparison still running for earlier maps is dropped.
    void compare(std::shared_ptr<const LabelMap> manual, std::shared_ptr<const LabelMap> predicted);
    bool isRunning() const;
    /// The figures shown, absent while computing or when there is nothing to compare.
    const std::optional<ComparisonResult>& result() const { return result_; }

    QTableWidget* lesionTable() const { return lesionTable_; }
    QTableWidget* sizeBinTable() const { return sizeBinTable_; }
    QLabel* summaryLabel() const { return summaryLabel_; }
    QLabel* messageLabel() const { return messageLabel_; }

    /// Columns of lesionTable().
    enum Column {
        StatusColumn,
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

private:
    void showResult(ComparisonResult result);
    void clearFigures();
    void selectRow(int row);

    viewer_widgets::MprLayout* viewer_;
    Job* job_ = nullptr;
    std::optional<ComparisonResult> result_;
    QLabel* messageLabel_ = nullptr;
    QLabel* summaryLabel_ = nullptr;
    QTableWidget* lesionTable_ = nullptr;
    QTableWidget* sizeBinTable_ = nullptr;
};

} // namespace metis::ui
