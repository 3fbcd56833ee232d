#pragma once

#include "metis/database/PatientDatabase.h"
#include "metis/viewer/EditTools.h"

#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace metis::viewer_widgets {
class MprLayout;
}
namespace metis::workflow {
class ContourEditSession;
}

namespace metis::ui {

struct PatientStudy;

/// The contour editor's controls (a thin view over workflow::ContourEditSession): tools for the
/// three views (navigate, brush, eraser, closed-curve fill), brush size and shape, the lesion
/// painted into, threshold-assisted paint, the lesion operations, undo/redo with the step's
/// name, saving a new version and discarding. Unsaved steps of a series found after a crash are
/// shown with Keep / Discard. Keys: B brush, E eraser, C contour, S split line, N navigate, [ and ]
/// brush size, Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Ctrl+S save. The slice operations (fill
/// holes, interpolation, copy to the next slice) work along the axis of the active view (the
/// framed one, MprLayout::activeOrientation).
class ContourEditPanel : public QWidget, public viewer::LabelEditTarget {
    Q_OBJECT
public:
    enum class Tool { Navigate, Brush, Eraser, Contour, SplitLine };

    ContourEditPanel(std::shared_ptr<db::PatientDatabase> database, db::User user,
                     viewer_widgets::MprLayout* layout, QWidget* parent = nullptr);
    ~ContourEditPanel() override;

    /// The study shown in the viewer. Opens its series' journal at once when it holds unsaved
    /// steps (they are shown, with Keep / Discard); otherwise a session starts with the first
    /// edit.
    void setStudy(std::shared_ptr<PatientStudy> study);

    void selectTool(Tool tool);
    Tool tool() const { return tool_; }
    void setBrushDiameterMm(double diameterMm);
    double brushDiameterMm() const;
    void setBrushSphere(bool sphere);
    /// The lesion painted into (a label value; a new one with newLesion()).
    void setLesion(std::uint16_t lesion);
    std::uint16_t lesion() const { return settings_->lesion; }
    void newLesion();
    void setThreshold(bool enabled, float low, float high);

    bool undo();
    bool redo();
    /// Saves the edits as a new version; returns the problem in words, empty on success.
    QString save(const QString& note);
    void discardEdits();
    bool hasUnsavedEdits() const;
    /// The session's label map (null before the first edit).
    std::shared_ptr<const LabelMap> editedLabels() const;
    workflow::ContourEditSession* session() const { return session_.get(); }

    // Lesion operations on the selected lesion (slices along the active view's axis).
    void fillHoles();
    void removeSmallIslands(double minVolumeMm3 = 10.0);
    void smooth();
    void interpolate();
    void copyToNextSlice(int direction);
    void deleteLesion();
    void splitLesion();
    /// Relabels the lesion under the crosshair as the selected lesion.
    bool mergeLesionAtCursor();
    /// Triage of the AI lesion under the crosshair (see reviewAiLesion).
    bool acceptAiLesionAtCursor();
    bool rejectAiLesionAtCursor();
    /// Records a reader's decision on lesion `aiLesion` of the study's stored AI result. An
    /// accepted lesion is also copied into the manual contours as a new lesion (one undo step),
    /// unless the manual contours already cover it. Returns false, with the reason shown, when
    /// nothing was recorded.
    bool reviewAiLesion(std::uint16_t aiLesion, db::AiLesionDecision decision);

    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }
    QAction* saveAction() const { return saveAction_; }

    // viewer::LabelEditTarget
    bool editable() const override;
    LabelEditor& editor() override;
    void commitStep() override;
    void voxelsChanged(const viewer::LabelBounds& changed) override;

Q_SIGNALS:
    /// A step was committed, undone or redone, or the edits were discarded.
    void contoursChanged();
    /// A new version was saved.
    void versionSaved(qlonglong structureSetId);
    /// A decision on an AI lesion was recorded.
    void aiLesionReviewed(int aiLesion);
    void editFailed(const QString& message);

private:
    bool ensureSession();
    void attachSessionToScene();
    void detachSessionFromScene();
    void installTools();
    void refresh();
    void refreshLesions();
    /// After a step, an undo/redo or a discard: views, lesion list, buttons, signal.
    void contoursEdited();
    bool moveInHistory(bool (workflow::ContourEditSession::*step)(), const QString& failure);
    void runOperation(const QString& name, const std::function<void(LabelEditor&)>& operation);
    void report(const QString& message);
    Vec3 cursorMm() const;
    /// The index axis of the edited grid that the active view's slices are cut along.
    int activeSliceAxis(const ImageGeometry& grid) const;
    /// The AI lesion under the crosshair (0 with the reason shown when there is none).
    std::uint16_t aiLesionAtCursor();

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    viewer_widgets::MprLayout* layout_ = nullptr;
    std::shared_ptr<PatientStudy> study_;
    std::shared_ptr<workflow::ContourEditSession> session_;
    std::shared_ptr<viewer::EditToolSettings> settings_;
    Tool tool_ = Tool::Navigate;

    QLabel* statusLabel_ = nullptr;
    QWidget* recoveryBanner_ = nullptr;
    QLabel* recoveryLabel_ = nullptr;
    QButtonGroup* toolGroup_ = nullptr;
    QDoubleSpinBox* diameter_ = nullptr;
    QCheckBox* sphere_ = nullptr;
    QComboBox* lesionBox_ = nullptr;
    QCheckBox* threshold_ = nullptr;
    QDoubleSpinBox* thresholdLow_ = nullptr;
    QDoubleSpinBox* thresholdHigh_ = nullptr;
    QPushButton* undoButton_ = nullptr;
    QPushButton* redoButton_ = nullptr;
    QPushButton* saveButton_ = nullptr;
    QPushButton* discardButton_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QLabel* messageLabel_ = nullptr;
    QLabel* activeViewLabel_ = nullptr;
};

} // namespace metis::ui
