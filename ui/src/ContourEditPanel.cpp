#include "metis/ui/ContourEditPanel.h"

#include "metis/core/LabelEditTools.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/viewer_widgets/SliceView.h"
#include "metis/workflow/ContourEditing.h"
#include "metis/workflow/StoredSeries.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>
#include <filesystem>
#include <set>

namespace metis::ui {

namespace {

constexpr viewer::ViewOrientation kOrientations[] = {viewer::ViewOrientation::Axial,
                                                     viewer::ViewOrientation::Coronal,
                                                     viewer::ViewOrientation::Sagittal};

/// The label values in use, in increasing order.
std::vector<std::uint16_t> lesionsIn(const LabelMap& labels) {
    std::vector<bool> present(65536, false);
    for (const std::uint16_t value : labels.data()) {
        present[value] = true;
    }
    std::vector<std::uint16_t> lesions;
    for (std::size_t value = 1; value < present.size(); ++value) {
        if (present[value]) {
            lesions.push_back(static_cast<std::uint16_t>(value));
        }
    }
    return lesions;
}

QString viewName(viewer::ViewOrientation orientation) {
    switch (orientation) {
    case viewer::ViewOrientation::Axial:
        return ContourEditPanel::tr("axial");
    case viewer::ViewOrientation::Coronal:
        return ContourEditPanel::tr("coronal");
    case viewer::ViewOrientation::Sagittal:
        return ContourEditPanel::tr("sagittal");
    }
    return {};
}

// As the RTSTRUCT names it: the imported ROI's name, or GTV_nn.
QString lesionName(const PatientStudy* study, std::uint16_t lesion) {
    return QString::fromStdString(study
                                      ? workflow::manualLesionName(study->manualLesionNames, lesion)
                                      : lesionRoiName(lesion));
}

} // namespace

ContourEditPanel::ContourEditPanel(std::shared_ptr<db::PatientDatabase> database, db::User user,
                                   viewer_widgets::MprLayout* layout, QWidget* parent)
    : QWidget(parent), database_(std::move(database)), user_(std::move(user)), layout_(layout),
      settings_(std::make_shared<viewer::EditToolSettings>()) {
    setObjectName(QStringLiteral("ContourEditPanel"));
    auto* column = new QVBoxLayout(this);

    statusLabel_ = new QLabel(this);
    statusLabel_->setWordWrap(true);
    column->addWidget(statusLabel_);

    recoveryBanner_ = new QWidget(this);
    recoveryBanner_->setObjectName(QStringLiteral("RecoveryBanner"));
    recoveryBanner_->setStyleSheet(
        QStringLiteral("#RecoveryBanner { background: #5a4a10; border-radius: 4px; }"));
    auto* bannerRow = new QVBoxLayout(recoveryBanner_);
    recoveryLabel_ = new QLabel(recoveryBanner_);
    recoveryLabel_->setWordWrap(true);
    bannerRow->addWidget(recoveryLabel_);
    auto* bannerButtons = new QHBoxLayout;
    auto* keep = new QPushButton(tr("Keep recovered edits"), recoveryBanner_);
    auto* drop = new QPushButton(tr("Discard them"), recoveryBanner_);
    keep->setObjectName(QStringLiteral("KeepRecovered"));
    drop->setObjectName(QStringLiteral("DiscardRecovered"));
    bannerButtons->addWidget(keep);
    bannerButtons->addWidget(drop);
    bannerRow->addLayout(bannerButtons);
    connect(keep, &QPushButton::clicked, recoveryBanner_, &QWidget::hide);
    connect(drop, &QPushButton::clicked, this, [this] {
        discardEdits();
        recoveryBanner_->hide();
    });
    recoveryBanner_->hide();
    column->addWidget(recoveryBanner_);

    auto* tools = new QGroupBox(tr("Tool"), this);
    auto* toolGrid = new QGridLayout(tools);
    toolGroup_ = new QButtonGroup(this);
    toolGroup_->setExclusive(true);
    const std::pair<Tool, QString> toolNames[] = {{Tool::Navigate, tr("Navigate (N)")},
                                                  {Tool::Brush, tr("Brush (B)")},
                                                  {Tool::Eraser, tr("Eraser (E)")},
                                                  {Tool::Contour, tr("Contour (C)")},
                                                  {Tool::SplitLine, tr("Split line (S)")}};
    int toolIndex = 0;
    for (const auto& [tool, name] : toolNames) {
        auto* button = new QToolButton(tools);
        button->setText(name);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        toolGroup_->addButton(button, static_cast<int>(tool));
        toolGrid->addWidget(button, toolIndex / 3, toolIndex % 3);
        ++toolIndex;
    }
    toolGroup_->button(static_cast<int>(Tool::SplitLine))
        ->setToolTip(tr("Drag a line across a lesion to cut it in two: the part on one side "
                        "becomes a new lesion (the cut runs through every slice)"));
    toolGroup_->button(static_cast<int>(Tool::Navigate))->setChecked(true);
    connect(toolGroup_, &QButtonGroup::idClicked, this,
            [this](int id) { selectTool(static_cast<Tool>(id)); });
    column->addWidget(tools);

    auto* brush = new QGroupBox(tr("Brush and lesion"), this);
    auto* brushGrid = new QGridLayout(brush);
    diameter_ = new QDoubleSpinBox(brush);
    diameter_->setRange(0.5, 60.0);
    diameter_->setSingleStep(0.5);
    diameter_->setDecimals(1);
    diameter_->setSuffix(tr(" mm"));
    diameter_->setValue(settings_->brushDiameterMm);
    diameter_->setToolTip(tr("Brush diameter ([ smaller, ] larger)"));
    connect(diameter_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        settings_->brushDiameterMm = value;
        layout_->update();
    });
    sphere_ = new QCheckBox(tr("3D ball"), brush);
    sphere_->setToolTip(tr("Paint a ball through neighbouring slices instead of a disc"));
    connect(sphere_, &QCheckBox::toggled, this, [this](bool on) {
        settings_->brushShape = on ? BrushShape::Sphere : BrushShape::Disc;
    });
    lesionBox_ = new QComboBox(brush);
    lesionBox_->setObjectName(QStringLiteral("LesionBox"));
    connect(lesionBox_, &QComboBox::activated, this, [this](int index) {
        settings_->lesion = static_cast<std::uint16_t>(lesionBox_->itemData(index).toUInt());
    });
    auto* newLesionButton = new QPushButton(tr("New lesion"), brush);
    connect(newLesionButton, &QPushButton::clicked, this, &ContourEditPanel::newLesion);
    brushGrid->addWidget(new QLabel(tr("Diameter"), brush), 0, 0);
    brushGrid->addWidget(diameter_, 0, 1);
    brushGrid->addWidget(sphere_, 0, 2);
    brushGrid->addWidget(new QLabel(tr("Lesion"), brush), 1, 0);
    brushGrid->addWidget(lesionBox_, 1, 1);
    brushGrid->addWidget(newLesionButton, 1, 2);
    threshold_ = new QCheckBox(tr("Only intensities"), brush);
    threshold_->setToolTip(tr("Threshold-assisted paint: only voxels within the range change"));
    thresholdLow_ = new QDoubleSpinBox(brush);
    thresholdHigh_ = new QDoubleSpinBox(brush);
    for (QDoubleSpinBox* box : {thresholdLow_, thresholdHigh_}) {
        box->setRange(-1e6, 1e6);
        box->setDecimals(0);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            setThreshold(threshold_->isChecked(), static_cast<float>(thresholdLow_->value()),
                         static_cast<float>(thresholdHigh_->value()));
        });
    }
    connect(threshold_, &QCheckBox::toggled, this, [this](bool on) {
        setThreshold(on, static_cast<float>(thresholdLow_->value()),
                     static_cast<float>(thresholdHigh_->value()));
    });
    auto* pick = new QPushButton(tr("From cursor"), brush);
    pick->setToolTip(tr("Range around the intensity under the crosshair (plus or minus 20 %)"));
    connect(pick, &QPushButton::clicked, this, [this] {
        if (!study_ || !study_->scene || !study_->scene->image) {
            return;
        }
        const auto readout = viewer::readoutAt(*study_->scene->image, cursorMm());
        if (readout.insideVolume) {
            const double spread = std::max(1.0, std::abs(readout.value) * 0.2);
            thresholdLow_->setValue(readout.value - spread);
            thresholdHigh_->setValue(readout.value + spread);
            threshold_->setChecked(true);
        }
    });
    brushGrid->addWidget(threshold_, 2, 0);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(thresholdLow_);
    rangeRow->addWidget(thresholdHigh_);
    brushGrid->addLayout(rangeRow, 2, 1);
    brushGrid->addWidget(pick, 2, 2);
    column->addWidget(brush);

    auto* operations = new QGroupBox(tr("Lesion operations"), this);
    auto* operationGrid = new QGridLayout(operations);
    activeViewLabel_ = new QLabel(operations);
    activeViewLabel_->setWordWrap(true);
    operationGrid->addWidget(activeViewLabel_, 0, 0, 1, 2);
    const std::pair<QString, std::function<void()>> buttons[] = {
        {tr("Fill holes"), [this] { fillHoles(); }},
        {tr("Remove islands"), [this] { removeSmallIslands(); }},
        {tr("Smooth"), [this] { smooth(); }},
        {tr("Interpolate slices"), [this] { interpolate(); }},
        {tr("Copy to next slice"), [this] { copyToNextSlice(1); }},
        {tr("Copy to previous slice"), [this] { copyToNextSlice(-1); }},
        {tr("Split into pieces"), [this] { splitLesion(); }},
        {tr("Merge lesion at cursor into this one"), [this] { mergeLesionAtCursor(); }},
        {tr("Delete lesion"), [this] { deleteLesion(); }},
        {tr("Accept AI lesion at cursor"), [this] { acceptAiLesionAtCursor(); }},
        {tr("Reject AI lesion at cursor"), [this] { rejectAiLesionAtCursor(); }},
    };
    int index = 0;
    for (const auto& [name, action] : buttons) {
        auto* button = new QPushButton(name, operations);
        connect(button, &QPushButton::clicked, this, action);
        operationGrid->addWidget(button, 1 + index / 2, index % 2);
        ++index;
    }
    column->addWidget(operations);

    auto* history = new QHBoxLayout;
    undoButton_ = new QPushButton(this);
    redoButton_ = new QPushButton(this);
    saveButton_ = new QPushButton(tr("Save version..."), this);
    discardButton_ = new QPushButton(tr("Discard edits"), this);
    saveButton_->setObjectName(QStringLiteral("SaveVersion"));
    undoButton_->setObjectName(QStringLiteral("Undo"));
    redoButton_->setObjectName(QStringLiteral("Redo"));
    connect(undoButton_, &QPushButton::clicked, this, &ContourEditPanel::undo);
    connect(redoButton_, &QPushButton::clicked, this, &ContourEditPanel::redo);
    connect(saveButton_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Save contours"),
                                                   tr("Note for this version (optional):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok) {
            save(note);
        }
    });
    connect(discardButton_, &QPushButton::clicked, this, &ContourEditPanel::discardEdits);
    history->addWidget(undoButton_);
    history->addWidget(redoButton_);
    column->addLayout(history);
    auto* persist = new QHBoxLayout;
    persist->addWidget(saveButton_);
    persist->addWidget(discardButton_);
    column->addLayout(persist);

    messageLabel_ = new QLabel(this);
    messageLabel_->setWordWrap(true);
    column->addWidget(messageLabel_);
    column->addStretch(1);

    // Shortcuts work wherever the focus is in the main window (the views take the focus).
    undoAction_ = new QAction(tr("Undo"), this);
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_ = new QAction(tr("Redo"), this);
    redoAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    saveAction_ = new QAction(tr("Save contours"), this);
    saveAction_->setShortcut(QKeySequence::Save);
    // The buttons say which keys do the same (Help > Keyboard shortcuts lists them all).
    const auto keysOf = [](const QAction* action) {
        QStringList texts;
        for (const QKeySequence& sequence : action->shortcuts()) {
            texts << sequence.toString(QKeySequence::NativeText);
        }
        return texts.join(QStringLiteral(", "));
    };
    undoButton_->setToolTip(tr("Undo the last edit (%1)").arg(keysOf(undoAction_)));
    redoButton_->setToolTip(tr("Redo the edit undone last (%1)").arg(keysOf(redoAction_)));
    saveButton_->setToolTip(tr("Save the edits as a new version (%1)").arg(keysOf(saveAction_)));
    connect(undoAction_, &QAction::triggered, this, &ContourEditPanel::undo);
    connect(redoAction_, &QAction::triggered, this, &ContourEditPanel::redo);
    connect(saveAction_, &QAction::triggered, saveButton_, &QPushButton::click);
    const std::pair<QKeySequence, std::function<void()>> keys[] = {
        {QKeySequence(Qt::Key_B), [this] { selectTool(Tool::Brush); }},
        {QKeySequence(Qt::Key_E), [this] { selectTool(Tool::Eraser); }},
        {QKeySequence(Qt::Key_C), [this] { selectTool(Tool::Contour); }},
        {QKeySequence(Qt::Key_S), [this] { selectTool(Tool::SplitLine); }},
        {QKeySequence(Qt::Key_N), [this] { selectTool(Tool::Navigate); }},
        {QKeySequence(Qt::Key_Escape), [this] { selectTool(Tool::Navigate); }},
        {QKeySequence(Qt::Key_BracketLeft),
         [this] { setBrushDiameterMm(brushDiameterMm() / 1.25); }},
        {QKeySequence(Qt::Key_BracketRight),
         [this] { setBrushDiameterMm(brushDiameterMm() * 1.25); }},
    };
    QWidget* window = layout_->window();
    for (QAction* action : {undoAction_, redoAction_, saveAction_}) {
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
    }
    for (const auto& [sequence, handler] : keys) {
        auto* shortcut = new QShortcut(sequence, window);
        connect(shortcut, &QShortcut::activated, this, handler);
    }
    connect(layout_, &viewer_widgets::MprLayout::activeOrientationChanged, this,
            &ContourEditPanel::refresh);
    refresh();
}

ContourEditPanel::~ContourEditPanel() {
    // The views hold tools that point at this panel.
    if (layout_) {
        for (const auto orientation : kOrientations) {
            if (auto* view = layout_->sliceView(orientation)) {
                view->setTool(std::make_unique<viewer::CrosshairTool>());
            }
        }
    }
}

void ContourEditPanel::setStudy(std::shared_ptr<PatientStudy> study) {
    detachSessionFromScene();
    session_.reset(); // ends the session and releases the series' editing lock
    study_ = std::move(study);
    settings_->image = study_ && study_->scene ? study_->scene->image : nullptr;
    recoveryBanner_->hide();
    messageLabel_->clear();
    if (study_) {
        const std::string journal = workflow::editJournalPath(
            workflow::editJournalFolder(database_->path()), study_->seriesId);
        std::error_code error;
        if (std::filesystem::exists(journal, error) && ensureSession() &&
            session_->recoveredSteps() > 0) {
            recoveryLabel_->setText(
                tr("%n unsaved edit step(s) of this series from an earlier session were "
                   "recovered and are shown.",
                   nullptr, static_cast<int>(session_->recoveredSteps())));
            recoveryBanner_->show();
        }
    }
    installTools();
    refresh();
}

bool ContourEditPanel::ensureSession() {
    if (session_) {
        return true;
    }
    if (!study_ || !study_->scene || !study_->scene->image) {
        return false;
    }
    const std::shared_ptr<PatientStudy> study = study_;
    const std::shared_ptr<db::PatientDatabase> database = database_;
    workflow::VersionLoader loader = [study, database](std::optional<std::int64_t> id) {
        const ImageGeometry& grid = study->scene->image->geometry();
        if (!id) {
            return LabelMap(grid);
        }
        LabelMap labels;
        if (id == study->manualStructureSetId && study->manualGtv) {
            labels = *study->manualGtv; // loaded with the study already
        } else {
            const auto version = database->structureSetVersion(*id);
            if (!version) {
                throw std::runtime_error("no structure set version " + std::to_string(*id));
            }
            labels = workflow::loadStructureSetLabels(*database, *version);
        }
        // NIfTI keeps geometry in single precision: a micrometre apart is the same grid.
        if (!labels.geometry().sameGridAs(grid, 1e-3)) {
            throw std::runtime_error("structure set " + std::to_string(*id) +
                                     " is not on the series grid and cannot be edited");
        }
        labels.setGeometry(grid);
        return labels;
    };
    try {
        session_ = std::make_shared<workflow::ContourEditSession>(
            *database_, user_, study_->seriesId, study_->manualStructureSetId, std::move(loader),
            workflow::editJournalPath(workflow::editJournalFolder(database_->path()),
                                      study_->seriesId));
    } catch (const std::exception& error) {
        report(tr("Contours cannot be edited: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    attachSessionToScene();
    refreshLesions();
    return true;
}

void ContourEditPanel::attachSessionToScene() {
    // The views show the session's label map itself (no copy): edits appear as they are made.
    const std::shared_ptr<const LabelMap> edited = editedLabels();
    auto& overlays = study_->scene->overlays;
    const std::string manualName = viewer::manualGtvLayer(nullptr).name;
    overlays.erase(std::remove_if(overlays.begin(), overlays.end(),
                                  [&](const auto& layer) { return layer.name == manualName; }),
                   overlays.end());
    // Drawn last, so the outline being edited stays on top of the AI's.
    overlays.push_back(viewer::manualGtvLayer(edited));
    layout_->sceneChanged();
}

void ContourEditPanel::detachSessionFromScene() {
    // The previous study's scene must not keep the session (and its lock) alive: its manual
    // layer goes back to the stored version.
    if (!session_ || !study_ || !study_->scene) {
        return;
    }
    for (auto& layer : study_->scene->overlays) {
        if (layer.labels.get() == &session_->mask()) {
            layer.labels = study_->manualGtv;
        }
    }
}

std::shared_ptr<const LabelMap> ContourEditPanel::editedLabels() const {
    if (!session_) {
        return nullptr;
    }
    return std::shared_ptr<const LabelMap>(session_, &session_->mask());
}

void ContourEditPanel::installTools() {
    for (const auto orientation : kOrientations) {
        auto* view = layout_->sliceView(orientation);
        switch (tool_) {
        case Tool::Navigate:
            view->setTool(std::make_unique<viewer::CrosshairTool>());
            break;
        case Tool::Brush:
        case Tool::Eraser:
            view->setTool(std::make_unique<viewer::BrushTool>(*this, settings_));
            break;
        case Tool::Contour:
            view->setTool(std::make_unique<viewer::ContourFillTool>(*this, settings_));
            break;
        case Tool::SplitLine:
            view->setTool(std::make_unique<viewer::SplitLineTool>(*this, settings_));
            break;
        }
    }
}

void ContourEditPanel::selectTool(Tool tool) {
    if (tool != Tool::Navigate && !ensureSession()) {
        tool = Tool::Navigate;
    }
    tool_ = tool;
    settings_->erase = tool == Tool::Eraser;
    toolGroup_->button(static_cast<int>(tool))->setChecked(true);
    installTools();
    refresh();
}

void ContourEditPanel::setBrushDiameterMm(double diameterMm) {
    diameter_->setValue(diameterMm);
}

double ContourEditPanel::brushDiameterMm() const {
    return settings_->brushDiameterMm;
}

void ContourEditPanel::setBrushSphere(bool sphere) {
    sphere_->setChecked(sphere);
}

void ContourEditPanel::setLesion(std::uint16_t lesion) {
    settings_->lesion = lesion;
    refreshLesions();
}

void ContourEditPanel::newLesion() {
    if (!ensureSession()) {
        return;
    }
    setLesion(nextFreeLabel(session_->mask()));
}

void ContourEditPanel::setThreshold(bool enabled, float low, float high) {
    settings_->thresholdEnabled = enabled;
    settings_->thresholdLow = std::min(low, high);
    settings_->thresholdHigh = std::max(low, high);
    const QSignalBlocker blockCheck(threshold_);
    const QSignalBlocker blockLow(thresholdLow_);
    const QSignalBlocker blockHigh(thresholdHigh_);
    threshold_->setChecked(enabled);
    thresholdLow_->setValue(settings_->thresholdLow);
    thresholdHigh_->setValue(settings_->thresholdHigh);
}

bool ContourEditPanel::editable() const {
    return session_ != nullptr;
}

LabelEditor& ContourEditPanel::editor() {
    return session_->editor();
}

void ContourEditPanel::commitStep() {
    try {
        session_->commit();
    } catch (const std::exception& error) {
        report(tr("The edit was not kept (%1); the contours are as before it.")
                   .arg(QString::fromUtf8(error.what())));
        Q_EMIT editFailed(QString::fromUtf8(error.what()));
    }
    contoursEdited();
}

void ContourEditPanel::voxelsChanged(const viewer::LabelBounds& changed) {
    layout_->labelsEdited(session_->mask(), changed);
}

bool ContourEditPanel::undo() {
    return moveInHistory(&workflow::ContourEditSession::undo, tr("Undo failed: %1"));
}

bool ContourEditPanel::redo() {
    return moveInHistory(&workflow::ContourEditSession::redo, tr("Redo failed: %1"));
}

bool ContourEditPanel::moveInHistory(bool (workflow::ContourEditSession::*step)(),
                                     const QString& failure) {
    if (!session_) {
        return false;
    }
    bool done = false;
    try {
        done = ((*session_).*step)();
    } catch (const std::exception& error) {
        report(failure.arg(QString::fromUtf8(error.what())));
    }
    contoursEdited();
    return done;
}

void ContourEditPanel::contoursEdited() {
    layout_->sceneChanged();
    refreshLesions();
    refresh();
    Q_EMIT contoursChanged();
}

QString ContourEditPanel::save(const QString& note) {
    if (!session_) {
        return tr("Nothing to save.");
    }
    try {
        const auto version = session_->save(note.toStdString());
        // The stored version is what the comparison, the report and the review now use.
        study_->manualGtv = std::make_shared<const LabelMap>(session_->mask());
        // The lesions found in the replaced map no longer apply (nor keep it in memory); the
        // comparison finds the saved version's.
        study_->manualLesions = {};
        study_->manualLesionNames.clear(); // a saved version is a label map: GTV_nn names
        study_->manualStructureSetId = version.id;
        study_->manualReviewStatus = version.reviewStatus;
        report(tr("Saved as version %1.").arg(version.id));
        refresh();
        Q_EMIT versionSaved(version.id);
        return {};
    } catch (const std::exception& error) {
        const QString message = tr("Not saved: %1. The edits are kept and journalled.")
                                    .arg(QString::fromUtf8(error.what()));
        report(message);
        return message;
    }
}

void ContourEditPanel::discardEdits() {
    if (!session_) {
        return;
    }
    session_->discardEdits();
    contoursEdited();
}

bool ContourEditPanel::hasUnsavedEdits() const {
    return session_ && session_->hasUnsavedEdits();
}

Vec3 ContourEditPanel::cursorMm() const {
    return layout_->sliceView(layout_->activeOrientation())->state().cursorMm;
}

int ContourEditPanel::activeSliceAxis(const ImageGeometry& grid) const {
    return indexAxisClosestTo(grid, viewer::viewAxes(layout_->activeOrientation()).normal);
}

void ContourEditPanel::runOperation(const QString& name,
                                    const std::function<void(LabelEditor&)>& operation) {
    if (!ensureSession()) {
        return;
    }
    LabelEditor& labels = session_->editor();
    labels.begin(name.toStdString());
    try {
        operation(labels);
    } catch (const std::exception& error) {
        labels.cancel();
        report(QStringLiteral("%1: %2").arg(name, QString::fromUtf8(error.what())));
        return;
    }
    if (!labels.stepOpen()) {
        return;
    }
    commitStep();
}

void ContourEditPanel::fillHoles() {
    runOperation(tr("Fill holes"), [this](LabelEditor& labels) {
        const int axis = activeSliceAxis(labels.geometry());
        metis::fillHoles(labels, settings_->lesion, axis, 0, labels.geometry().size[axis] - 1);
    });
}

void ContourEditPanel::removeSmallIslands(double minVolumeMm3) {
    runOperation(tr("Remove islands"), [this, minVolumeMm3](LabelEditor& labels) {
        metis::removeSmallIslands(labels, minVolumeMm3, settings_->lesion);
    });
}

void ContourEditPanel::smooth() {
    runOperation(tr("Smooth"), [this](LabelEditor& labels) {
        smoothLesions(labels, SmoothingMethod::Median, settings_->lesion);
    });
}

void ContourEditPanel::interpolate() {
    runOperation(tr("Interpolate slices"), [this](LabelEditor& labels) {
        const int axis = activeSliceAxis(labels.geometry());
        const auto ranges = interpolateSlices(labels, settings_->lesion, axis);
        if (!ranges.empty()) {
            labels.renameStep(tr("Interpolate slices %1-%2")
                                  .arg(ranges.front().first + 1)
                                  .arg(ranges.back().second + 1)
                                  .toStdString());
        }
    });
}

void ContourEditPanel::copyToNextSlice(int direction) {
    std::optional<Vec3> target;
    runOperation(direction > 0 ? tr("Copy to next slice") : tr("Copy to previous slice"),
                 [&](LabelEditor& labels) {
                     const ImageGeometry& g = labels.geometry();
                     const int axis = activeSliceAxis(g);
                     Vec3 index = g.patientToIndex(cursorMm());
                     const auto from = static_cast<std::int64_t>(std::llround(index[axis]));
                     const std::int64_t to = from + direction;
                     if (from >= 0 && to >= 0 && from < g.size[axis] && to < g.size[axis]) {
                         copySliceContour(labels, settings_->lesion, axis, from, to);
                         index[axis] = static_cast<double>(to);
                         target = g.indexToPatient(index);
                     }
                 });
    if (target) {
        layout_->setCursorMm(*target); // the active view shows the slice copied to
    }
}

void ContourEditPanel::deleteLesion() {
    runOperation(tr("Delete %1").arg(lesionName(study_.get(), settings_->lesion)),
                 [this](LabelEditor& labels) { metis::deleteLesion(labels, settings_->lesion); });
}

void ContourEditPanel::splitLesion() {
    runOperation(tr("Split %1").arg(lesionName(study_.get(), settings_->lesion)),
                 [this](LabelEditor& labels) { metis::splitLesion(labels, settings_->lesion); });
}

bool ContourEditPanel::mergeLesionAtCursor() {
    if (!ensureSession()) {
        return false;
    }
    const std::uint16_t absorbed = labelNearest(session_->mask(), cursorMm());
    if (absorbed == 0 || absorbed == settings_->lesion) {
        report(tr("Place the crosshair on another lesion to merge it into %1.")
                   .arg(lesionName(study_.get(), settings_->lesion)));
        return false;
    }
    runOperation(
        tr("Merge %1 into %2")
            .arg(lesionName(study_.get(), absorbed), lesionName(study_.get(), settings_->lesion)),
        [this, absorbed](LabelEditor& labels) {
            mergeLesions(labels, settings_->lesion, absorbed);
        });
    return true;
}

std::uint16_t ContourEditPanel::aiLesionAtCursor() {
    if (!study_ || !study_->predictedGtv || !study_->inferenceRun) {
        report(tr("There is no AI result to review."));
        return 0;
    }
    const std::uint16_t lesion = labelNearest(*study_->predictedGtv, cursorMm());
    if (lesion == 0) {
        report(tr("Place the crosshair on an AI lesion."));
    }
    return lesion;
}

bool ContourEditPanel::acceptAiLesionAtCursor() {
    const std::uint16_t lesion = aiLesionAtCursor();
    return lesion != 0 && reviewAiLesion(lesion, db::AiLesionDecision::Confirmed);
}

bool ContourEditPanel::rejectAiLesionAtCursor() {
    const std::uint16_t lesion = aiLesionAtCursor();
    return lesion != 0 && reviewAiLesion(lesion, db::AiLesionDecision::Rejected);
}

bool ContourEditPanel::reviewAiLesion(std::uint16_t aiLesion, db::AiLesionDecision decision) {
    if (!study_ || !study_->predictedGtv || !study_->inferenceRun) {
        report(tr("There is no AI result to review."));
        return false;
    }
    const QString name = QString::fromStdString(workflow::aiLesionName(aiLesion));
    try {
        database_->reviewAiLesion(user_, study_->inferenceRun->id, aiLesion, decision);
    } catch (const std::exception& error) {
        report(tr("%1 was not reviewed: %2").arg(name, QString::fromUtf8(error.what())));
        return false;
    }
    Q_EMIT aiLesionReviewed(aiLesion);
    if (decision == db::AiLesionDecision::Rejected) {
        report(tr("%1 rejected.").arg(name));
        return true;
    }
    const std::shared_ptr<const LabelMap> ai = study_->predictedGtv;
    bool copied = false;
    runOperation(tr("Accept %1").arg(name), [&](LabelEditor& labels) {
        if (const auto created = acceptLesion(labels, *ai, aiLesion)) {
            settings_->lesion = *created;
            copied = true;
        }
    });
    report(copied ? tr("%1 confirmed and copied into the manual contours as %2.")
                        .arg(name, lesionName(study_.get(), settings_->lesion))
                  : tr("%1 confirmed; the manual contours already cover it.").arg(name));
    return true;
}

void ContourEditPanel::refreshLesions() {
    const QSignalBlocker block(lesionBox_);
    lesionBox_->clear();
    std::vector<std::uint16_t> lesions;
    if (session_) {
        lesions = lesionsIn(session_->mask());
    }
    if (std::find(lesions.begin(), lesions.end(), settings_->lesion) == lesions.end()) {
        lesions.push_back(settings_->lesion); // a new lesion, not painted yet
        std::sort(lesions.begin(), lesions.end());
    }
    for (const std::uint16_t lesion : lesions) {
        lesionBox_->addItem(lesionName(study_.get(), lesion), QVariant::fromValue<uint>(lesion));
    }
    lesionBox_->setCurrentIndex(lesionBox_->findData(QVariant::fromValue<uint>(settings_->lesion)));
}

void ContourEditPanel::refresh() {
    QString status;
    if (!study_) {
        status = tr("Open a patient to edit its contours.");
    } else if (!session_) {
        status = study_->manualStructureSetId
                     ? tr("Manual GTV: version %1 (%2). Choose a tool to edit it.")
                           .arg(*study_->manualStructureSetId)
                           .arg(QString::fromStdString(study_->manualReviewStatus))
                     : tr("No manual GTV yet. Choose a tool to draw one.");
    } else {
        const auto base = session_->baseStructureSetId();
        status = base ? tr("Editing version %1").arg(*base) : tr("Editing a new contour set");
        if (study_->manualStructureSetId == base && study_->manualReviewStatus == "locked") {
            status += tr(" (locked: saving makes a new version)");
        }
        status += session_->hasUnsavedEdits() ? tr(": unsaved edits, journalled")
                                              : tr(": no unsaved edits");
    }
    statusLabel_->setText(status);
    activeViewLabel_->setText(tr("Slice operations act along the framed view: %1.")
                                  .arg(viewName(layout_->activeOrientation())));
    const bool canUndo = session_ && session_->editor().canUndo();
    const bool canRedo = session_ && session_->editor().canRedo();
    undoButton_->setText(
        canUndo ? tr("Undo %1").arg(QString::fromStdString(session_->editor().undoName()))
                : tr("Undo"));
    redoButton_->setText(
        canRedo ? tr("Redo %1").arg(QString::fromStdString(session_->editor().redoName()))
                : tr("Redo"));
    undoButton_->setEnabled(canUndo);
    redoButton_->setEnabled(canRedo);
    undoAction_->setEnabled(canUndo);
    redoAction_->setEnabled(canRedo);
    const bool unsaved = hasUnsavedEdits();
    saveButton_->setEnabled(unsaved);
    saveAction_->setEnabled(unsaved);
    discardButton_->setEnabled(unsaved);
}

void ContourEditPanel::report(const QString& message) {
    messageLabel_->setText(message);
}

} // namespace metis::ui
