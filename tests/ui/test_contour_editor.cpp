// The contour editor driven as an annotator drives it: real mouse and key events on the real
// views of the workstation under Xvfb, checked voxel by voxel in the edited label map, in all
// three views and on a sagittally acquired series.
#include "../database/ImportFixtures.h"
#include "TestIsolation.h"
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/ContourEditPanel.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/ui/VersionsDialog.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/viewer_widgets/SliceView.h"
#include "metis/workflow/ContourEditing.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace metis;
using namespace metis::ui;
using viewer::ViewOrientation;

namespace {

/// A 40 x 40 x 16 series (1 x 1 x 2 mm), axial or acquired sagittally.
void writeSeries(const std::filesystem::path& root, const std::string& patientId, bool sagittal) {
    ImageVolume volume = fixtures::sphereVolume(40, 16, 6.0);
    if (sagittal) {
        // Rows along anterior-posterior, columns head to foot, slices right to left.
        ImageGeometry g = volume.geometry();
        g.direction = {{{0, 0, -1}, {1, 0, 0}, {0, -1, 0}}};
        g.origin = {16, -20, 20};
        volume.setGeometry(g);
    }
    imaging::DicomWriteOptions options;
    options.metadata.patientId = patientId;
    options.metadata.patientName = "EDIT^" + patientId;
    NullProgressSink quiet;
    imaging::writeDicomSeries(volume, root / patientId, options, quiet);
}

class Workstation {
public:
    explicit Workstation(bool sagittal = false) {
        const std::filesystem::path data = dir_.filePath("data").toStdString();
        writeSeries(data, "EDIT01", sagittal);
        database_ = std::make_shared<db::PatientDatabase>(dir_.filePath("metis.db").toStdString());
        database_->ensureDefaultUsers();
        NullProgressSink quiet;
        db::importPaths(*database_, {data.string()}, {}, quiet);
        window_ = std::make_unique<MainWindow>(database_, *database_->findUser("annotator"));
        window_->resize(1400, 900);
        window_->show();
        // Shortcuts (B, E, C, Ctrl+Z, ...) need the window to be the active one.
        window_->activateWindow();
        if (!QTest::qWaitForWindowActive(window_.get())) {
            qWarning("the workstation window did not become active: shortcuts may not reach it");
        }
    }

    bool open() {
        QSignalSpy loaded(window_.get(), &MainWindow::patientLoaded);
        window_->openPatient("EDIT01");
        return loaded.wait(30000);
    }

    MainWindow& window() { return *window_; }
    ContourEditPanel& panel() { return *window_->contourEditPanel(); }
    db::PatientDatabase& database() { return *database_; }
    const ImageGeometry& grid() { return window_->currentStudy()->scene->image->geometry(); }
    viewer_widgets::SliceView* view(ViewOrientation orientation) {
        return window_->mprLayout()->sliceView(orientation);
    }

    /// The label of the voxel nearest to `pointMm` in the edited map.
    std::uint16_t labelAt(const Vec3& pointMm) {
        if (!panel().session()) {
            throw std::runtime_error("no editing session: the tool was never chosen");
        }
        const LabelMap& mask = panel().session()->mask();
        const Vec3 index = mask.geometry().patientToIndex(pointMm);
        return mask.at(std::llround(index[0]), std::llround(index[1]), std::llround(index[2]));
    }

    QPoint screenOf(ViewOrientation orientation, const Vec3& pointMm) {
        const auto screen = view(orientation)->viewTransform().patientToScreen(pointMm);
        return QPoint(static_cast<int>(std::floor(screen[0])),
                      static_cast<int>(std::floor(screen[1])));
    }

    /// Presses at `from`, drags through `through` (patient mm) and releases at the last point.
    void drag(ViewOrientation orientation, const std::vector<Vec3>& points,
              Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        auto* target = view(orientation);
        QTest::mousePress(target, Qt::LeftButton, modifiers, screenOf(orientation, points.front()));
        for (std::size_t n = 1; n < points.size(); ++n) {
            QTest::mouseMove(target, screenOf(orientation, points[n]));
        }
        QTest::mouseRelease(target, Qt::LeftButton, modifiers,
                            screenOf(orientation, points.back()));
    }

    /// Clicks the contour editor's button with this text; false when there is none.
    bool clickPanelButton(const QString& text) {
        for (auto* button : panel().findChildren<QPushButton*>()) {
            if (button->text() == text) {
                button->click();
                return true;
            }
        }
        return false;
    }

    /// A press in `orientation`'s view (without moving the crosshair tool's target far): the
    /// view becomes the active one, as a user's click makes it.
    void activate(ViewOrientation orientation) {
        auto* target = view(orientation);
        QTest::mouseClick(target, Qt::LeftButton, Qt::NoModifier,
                          screenOf(orientation, target->state().cursorMm));
    }

private:
    QTemporaryDir dir_;
    std::shared_ptr<db::PatientDatabase> database_;
    std::unique_ptr<MainWindow> window_;
};

Vec3 plus(const Vec3& p, double x, double y, double z) {
    return {p[0] + x, p[1] + y, p[2] + z};
}

/// A voxel centre near the middle of the series, so the views sit on acquired slices.
Vec3 voxelCentre(const ImageGeometry& g, double fi, double fj, double fk) {
    return g.indexToPatient({std::floor(fi * (g.size[0] - 1)), std::floor(fj * (g.size[1] - 1)),
                             std::floor(fk * (g.size[2] - 1))});
}

} // namespace

class TestContourEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void brushEraserUndoRedoInTheAxialView() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 start = voxelCentre(station.grid(), 0.25, 0.25, 0.5);
        station.window().mprLayout()->setCursorMm(start);
        auto* axial = station.view(ViewOrientation::Axial);
        axial->setFocus();
        QTest::keyClick(axial, Qt::Key_B); // brush
        QCOMPARE(station.panel().tool(), ContourEditPanel::Tool::Brush);
        // The history buttons name their keys.
        const auto* save = station.panel().findChild<QPushButton*>("SaveVersion");
        const auto* undo = station.panel().findChild<QPushButton*>("Undo");
        const auto* redo = station.panel().findChild<QPushButton*>("Redo");
        QVERIFY(save && undo && redo);
        QVERIFY2(save->toolTip().endsWith("(Ctrl+S)"), qPrintable(save->toolTip()));
        QVERIFY2(undo->toolTip().endsWith("(Ctrl+Z)"), qPrintable(undo->toolTip()));
        QVERIFY2(redo->toolTip().endsWith("(Ctrl+Shift+Z, Ctrl+Y)"), qPrintable(redo->toolTip()));
        station.panel().setBrushDiameterMm(6.0);
        QTest::keyClick(axial, Qt::Key_BracketRight); // 6 -> 7.5 mm
        QCOMPARE(station.panel().brushDiameterMm(), 7.5);
        QTest::keyClick(axial, Qt::Key_BracketLeft); // back to 6 mm
        QVERIFY(std::abs(station.panel().brushDiameterMm() - 6.0) < 1e-9);
        station.panel().newLesion();
        const std::uint16_t lesion = station.panel().lesion();

        // The cursor circle follows the pointer with the brush's true radius.
        QTest::mouseMove(axial, station.screenOf(ViewOrientation::Axial, start));
        QCOMPARE(axial->tool()->overlay().circleRadiusMm, 3.0);

        // A stroke 8 mm long along x.
        station.drag(ViewOrientation::Axial, {start, plus(start, 4, 0, 0), plus(start, 8, 0, 0)});
        QCOMPARE(station.labelAt(start), lesion);
        QCOMPARE(station.labelAt(plus(start, 8, 0, 0)), lesion);
        QCOMPARE(station.labelAt(plus(start, 4, 2, 0)), lesion);
        QCOMPARE(station.labelAt(plus(start, 4, 4, 0)), std::uint16_t{0}); // beyond the 3 mm radius
        QCOMPARE(station.labelAt(plus(start, 4, 0, 2)), std::uint16_t{0}); // the next slice
        QCOMPARE(station.panel().session()->editor().undoName(), std::string("Brush"));

        // The eraser removes the middle of the stroke.
        QTest::keyClick(axial, Qt::Key_E);
        station.drag(ViewOrientation::Axial, {plus(start, 4, -3, 0), plus(start, 4, 3, 0)});
        QCOMPARE(station.labelAt(plus(start, 4, 0, 0)), std::uint16_t{0});
        QCOMPARE(station.labelAt(start), lesion);

        // Ctrl+Z brings it back, Ctrl+Y erases again, Ctrl+Shift+Z too after another undo.
        QTest::keyClick(axial, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(station.labelAt(plus(start, 4, 0, 0)), lesion);
        QTest::keyClick(axial, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(station.labelAt(plus(start, 4, 0, 0)), std::uint16_t{0});
        QTest::keyClick(axial, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(axial, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(station.labelAt(plus(start, 4, 0, 0)), std::uint16_t{0});
        QVERIFY(station.panel().hasUnsavedEdits());
    }

    void brushInTheCoronalAndSagittalViews() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 start = voxelCentre(station.grid(), 0.3, 0.6, 0.5);
        station.window().mprLayout()->setCursorMm(start);
        station.panel().selectTool(ContourEditPanel::Tool::Brush);
        station.panel().setBrushDiameterMm(4.0);
        // Coronal: the plane of constant y; the stroke runs along z (two 2 mm slices).
        station.drag(ViewOrientation::Coronal, {start, plus(start, 0, 0, 4)});
        QVERIFY(station.labelAt(start) != 0);
        QVERIFY(station.labelAt(plus(start, 0, 0, 4)) != 0);
        QCOMPARE(station.labelAt(plus(start, 0, 1, 2)), std::uint16_t{0}); // next coronal slice
        // Sagittal: the plane of constant x.
        const Vec3 other = plus(start, 10, 0, 0);
        station.window().mprLayout()->setCursorMm(other);
        station.drag(ViewOrientation::Sagittal, {other, plus(other, 0, 6, 0)});
        QVERIFY(station.labelAt(plus(other, 0, 6, 0)) != 0);
        QCOMPARE(station.labelAt(plus(other, 1, 3, 0)), std::uint16_t{0});
        QCOMPARE(station.panel().session()->editor().undoSteps(), std::size_t{2});
    }

    void freehandContourFillsAndSubtracts() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 centre = voxelCentre(station.grid(), 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(centre);
        auto* axial = station.view(ViewOrientation::Axial);
        axial->setFocus();
        QTest::keyClick(axial, Qt::Key_C);
        std::vector<Vec3> square;
        for (const auto& [x, y] : std::vector<std::pair<double, double>>{
                 {-8, -8}, {0, -8}, {8, -8}, {8, 0}, {8, 8}, {0, 8}, {-8, 8}, {-8, 0}}) {
            square.push_back(plus(centre, x, y, 0));
        }
        station.drag(ViewOrientation::Axial, square);
        QVERIFY(station.labelAt(centre) != 0);
        QVERIFY(station.labelAt(plus(centre, 6, 6, 0)) != 0);
        QCOMPARE(station.labelAt(plus(centre, 10, 0, 0)), std::uint16_t{0});
        // Ctrl held: the same gesture subtracts a smaller square.
        std::vector<Vec3> inner;
        for (const auto& [x, y] :
             std::vector<std::pair<double, double>>{{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) {
            inner.push_back(plus(centre, x, y, 0));
        }
        station.drag(ViewOrientation::Axial, inner, Qt::ControlModifier);
        QCOMPARE(station.labelAt(centre), std::uint16_t{0});
        QVERIFY(station.labelAt(plus(centre, 6, 6, 0)) != 0);
        QCOMPARE(station.panel().session()->editor().undoName(), std::string("Contour subtract"));
    }

    /// The lesion operations through the panel's own buttons: interpolation between two edited
    /// slices, fill holes, merge, delete, each one undo step.
    void lesionOperationsFromThePanel() {
        Workstation station;
        QVERIFY(station.open());
        const ImageGeometry& g = station.grid();
        const Vec3 lower = voxelCentre(g, 0.5, 0.5, 0.25);
        const Vec3 upper = plus(lower, 0, 0, 8); // four 2 mm slices above
        auto& panel = station.panel();
        const auto click = [&](const QString& text) { return station.clickPanelButton(text); };
        panel.selectTool(ContourEditPanel::Tool::Brush);
        panel.setBrushDiameterMm(8.0);
        panel.newLesion();
        const std::uint16_t lesion = panel.lesion();
        for (const Vec3& point : {lower, upper}) {
            station.window().mprLayout()->setCursorMm(point);
            station.drag(ViewOrientation::Axial, {point, point});
        }
        QCOMPARE(station.labelAt(plus(lower, 0, 0, 4)), std::uint16_t{0});
        QVERIFY(click("Interpolate slices"));
        QCOMPARE(station.labelAt(plus(lower, 0, 0, 4)), lesion);
        QVERIFY(panel.session()->editor().undoName().rfind("Interpolate slices", 0) == 0);

        // A ring on the lower slice, its hole filled.
        station.window().mprLayout()->setCursorMm(lower);
        panel.selectTool(ContourEditPanel::Tool::Eraser);
        panel.setBrushDiameterMm(3.0);
        station.drag(ViewOrientation::Axial, {lower, lower});
        QCOMPARE(station.labelAt(lower), std::uint16_t{0});
        QVERIFY(click("Fill holes"));
        QCOMPARE(station.labelAt(lower), lesion);

        // A second lesion, merged into the first, then the first deleted and restored.
        panel.selectTool(ContourEditPanel::Tool::Brush);
        panel.newLesion();
        const Vec3 other = plus(lower, 12, 0, 0);
        station.window().mprLayout()->setCursorMm(other);
        station.drag(ViewOrientation::Axial, {other, other});
        const std::uint16_t second = station.labelAt(other);
        QVERIFY(second != 0 && second != lesion);
        panel.setLesion(lesion);
        QVERIFY(click("Merge lesion at cursor into this one"));
        QCOMPARE(station.labelAt(other), lesion);
        QVERIFY(click("Delete lesion"));
        QCOMPARE(station.labelAt(other), std::uint16_t{0});
        QCOMPARE(station.labelAt(upper), std::uint16_t{0});
        QVERIFY(panel.undo());
        QCOMPARE(station.labelAt(upper), lesion);
    }

    /// The split-line tool (S): a line dragged across a lesion cuts it in two along the plane
    /// through the line, perpendicular to the view; one undo step.
    void splitLineCutsTheLesionItCrosses() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 centre = voxelCentre(station.grid(), 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(centre);
        auto& panel = station.panel();
        panel.selectTool(ContourEditPanel::Tool::Brush);
        panel.setBrushSphere(true);
        panel.setBrushDiameterMm(12.0);
        panel.newLesion();
        const std::uint16_t lesion = panel.lesion();
        station.drag(ViewOrientation::Axial, {centre, centre});
        const Vec3 left = plus(centre, -3, 0, 0);
        const Vec3 right = plus(centre, 3, 0, 0);
        const Vec3 rightAbove = plus(centre, 3, 0, 2); // the next axial slice
        QCOMPARE(station.labelAt(left), lesion);
        QCOMPARE(station.labelAt(rightAbove), lesion);

        auto* axial = station.view(ViewOrientation::Axial);
        axial->setFocus();
        QTest::keyClick(axial, Qt::Key_S);
        QCOMPARE(panel.tool(), ContourEditPanel::Tool::SplitLine);
        // A line along y through the centre, crossing the whole ball.
        station.drag(ViewOrientation::Axial,
                     {plus(centre, 0.5, -8, 0), plus(centre, 0.5, 0, 0), plus(centre, 0.5, 8, 0)});
        const std::uint16_t leftLabel = station.labelAt(left);
        const std::uint16_t rightLabel = station.labelAt(right);
        QVERIFY(leftLabel != 0 && rightLabel != 0);
        QVERIFY(leftLabel != rightLabel);
        QVERIFY(leftLabel == lesion || rightLabel == lesion);
        // The cut runs through every slice: the slice above is split the same way.
        QCOMPARE(station.labelAt(rightAbove), rightLabel);
        QCOMPARE(panel.session()->editor().undoName(), std::string("Split by line"));
        // A line through empty background changes nothing and adds no step.
        const std::size_t steps = panel.session()->editor().undoSteps();
        station.drag(ViewOrientation::Axial, {plus(centre, 14, -4, 0), plus(centre, 14, 4, 0)});
        QCOMPARE(panel.session()->editor().undoSteps(), steps);
        QVERIFY(panel.undo());
        QCOMPARE(station.labelAt(left), lesion);
        QCOMPARE(station.labelAt(right), lesion);
    }

    /// Interpolation, fill holes and copy-to-next-slice work along the view last clicked (the
    /// framed one), not always along the axial axis.
    void sliceOperationsFollowTheActiveView() {
        Workstation station;
        QVERIFY(station.open());
        auto& panel = station.panel();
        auto* layout = station.window().mprLayout();
        QCOMPARE(layout->activeOrientation(), ViewOrientation::Axial);
        const Vec3 front = voxelCentre(station.grid(), 0.5, 0.3, 0.5);
        const Vec3 back = plus(front, 0, 4, 0); // four 1 mm coronal slices further
        panel.selectTool(ContourEditPanel::Tool::Brush);
        panel.setBrushDiameterMm(8.0);
        panel.newLesion();
        const std::uint16_t lesion = panel.lesion();
        for (const Vec3& point : {front, back}) {
            layout->setCursorMm(point);
            station.drag(ViewOrientation::Coronal, {point, point});
        }
        QCOMPARE(layout->activeOrientation(), ViewOrientation::Coronal);
        QVERIFY(station.view(ViewOrientation::Coronal)->isActiveView());
        QVERIFY(!station.view(ViewOrientation::Axial)->isActiveView());
        QCOMPARE(station.labelAt(plus(front, 0, 2, 0)), std::uint16_t{0});
        QVERIFY(station.clickPanelButton("Interpolate slices"));
        QCOMPARE(station.labelAt(plus(front, 0, 2, 0)), lesion);
        QCOMPARE(station.labelAt(plus(front, 0, 1, 2)), lesion);

        // Copy to the next coronal slice: the contour and the crosshair move there.
        layout->setCursorMm(back);
        QCOMPARE(station.labelAt(plus(back, 0, 1, 0)), std::uint16_t{0});
        QVERIFY(station.clickPanelButton("Copy to next slice"));
        QCOMPARE(station.labelAt(plus(back, 0, 1, 0)), lesion);
        QVERIFY(std::abs(station.view(ViewOrientation::Coronal)->state().cursorMm[1] -
                         (back[1] + 1)) < 1e-6);

        // A ring drawn in a sagittal slice has a hole only in that view: with the sagittal view
        // active, fill holes fills it.
        const Vec3 side = voxelCentre(station.grid(), 0.25, 0.5, 0.5);
        layout->setCursorMm(side);
        panel.newLesion();
        const std::uint16_t ring = panel.lesion();
        panel.setBrushDiameterMm(10.0);
        station.drag(ViewOrientation::Sagittal, {side, side});
        panel.selectTool(ContourEditPanel::Tool::Eraser);
        panel.setBrushDiameterMm(3.0);
        station.drag(ViewOrientation::Sagittal, {side, side});
        QCOMPARE(station.labelAt(side), std::uint16_t{0});
        QCOMPARE(layout->activeOrientation(), ViewOrientation::Sagittal);
        station.activate(ViewOrientation::Axial);
        QVERIFY(station.clickPanelButton("Fill holes"));
        QCOMPARE(station.labelAt(side), std::uint16_t{0}); // no hole in the axial slices
        station.activate(ViewOrientation::Sagittal);
        QVERIFY(station.clickPanelButton("Fill holes"));
        QCOMPARE(station.labelAt(side), ring);
    }

    /// Smoothing and island removal through the panel's buttons, checked voxel by voxel.
    void smoothingAndIslandsFromThePanel() {
        Workstation station;
        QVERIFY(station.open());
        auto& panel = station.panel();
        const Vec3 centre = voxelCentre(station.grid(), 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(centre);
        panel.selectTool(ContourEditPanel::Tool::Brush);
        panel.setBrushSphere(true);
        panel.setBrushDiameterMm(12.0);
        panel.newLesion();
        const std::uint16_t lesion = panel.lesion();
        station.drag(ViewOrientation::Axial, {centre, centre});
        // A one-voxel pinhole in the middle and a one-voxel speck of the same lesion far off.
        panel.setBrushSphere(false);
        panel.setBrushDiameterMm(0.5);
        panel.selectTool(ContourEditPanel::Tool::Eraser);
        station.drag(ViewOrientation::Axial, {centre, centre});
        QCOMPARE(station.labelAt(centre), std::uint16_t{0});
        const Vec3 speck = plus(centre, 14, 14, 0);
        panel.selectTool(ContourEditPanel::Tool::Brush);
        station.window().mprLayout()->setCursorMm(speck);
        station.drag(ViewOrientation::Axial, {speck, speck});
        QCOMPARE(station.labelAt(speck), lesion);

        QVERIFY(station.clickPanelButton("Remove islands"));
        QCOMPARE(station.labelAt(speck), std::uint16_t{0});
        QCOMPARE(station.labelAt(plus(centre, 3, 0, 0)), lesion);
        QCOMPARE(panel.session()->editor().undoName(), std::string("Remove islands"));
        QVERIFY(station.clickPanelButton("Smooth"));
        QCOMPARE(station.labelAt(centre), lesion); // the pinhole closed
        QCOMPARE(station.labelAt(plus(centre, 3, 0, 0)), lesion);
        QCOMPARE(panel.session()->editor().undoName(), std::string("Smooth"));
        QVERIFY(panel.undo());
        QCOMPARE(station.labelAt(centre), std::uint16_t{0});
    }

    /// Triage from the Manual vs AI table: the selected row's AI lesion is accepted (copied into
    /// the manual contours when they lack it) or rejected; the decisions are stored, audited
    /// and shown in the table.
    void aiLesionsAreAcceptedAndRejectedFromTheComparisonTable() {
        Workstation station;
        QVERIFY(station.open());
        const std::int64_t seriesId = station.window().currentStudy()->seriesId;
        const ImageGeometry grid = station.grid();
        // Manual: one cube. AI: the same cube (lesion 1) and another (lesion 2, a false
        // positive).
        LabelMap manual(grid);
        LabelMap ai(grid);
        for (int k = 4; k < 7; ++k)
            for (int j = 8; j < 13; ++j)
                for (int i = 8; i < 13; ++i) {
                    manual.at(i, j, k) = 1;
                    ai.at(i, j, k) = 1;
                    ai.at(i + 18, j + 18, k + 4) = 1;
                }
        auto& database = station.database();
        const db::User oncologist = *database.findUser("oncologist");
        database.saveStructureSetVersion(oncologist, seriesId, manual, std::nullopt, "manual");
        db::InferenceRun run;
        run.seriesId = seriesId;
        run.modelVersion = "test-model";
        run.patientCall = db::kEgfrCallUndetermined;
        const double cubeMl = 5 * 5 * 3 * 2 / 1000.0;
        run.lesions = {{1, cubeMl, grid.indexToPatient({10, 10, 5}), 6.0, 0.9, 5.0},
                       {2, cubeMl, grid.indexToPatient({28, 28, 9}), 6.0, 0.8, 5.0}};
        const auto stored = database.recordInferenceRun(oncologist, ai, run);
        QVERIFY(station.open());
        auto* comparison = station.window().findChild<ComparisonPanel*>();
        QVERIFY(comparison);
        QTRY_VERIFY_WITH_TIMEOUT(comparison->result() != nullptr, 20000);
        QTableWidget* table = comparison->lesionTable();
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(!comparison->acceptButton()->isEnabled()); // no row selected yet
        const auto rowOfAiLesion = [&](int aiLesion) {
            for (int row = 0; row < table->rowCount(); ++row) {
                if (comparison->result()->lesions[static_cast<std::size_t>(row)].aiId == aiLesion) {
                    return row;
                }
            }
            return -1;
        };
        const auto select = [&](int row) {
            const QRect cell =
                table->visualItemRect(table->item(row, ComparisonPanel::StatusColumn));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        };

        // The false positive accepted: copied into the manual contours at its place.
        const Vec3 falsePositive = grid.indexToPatient({28, 28, 9});
        QCOMPARE(station.window().currentStudy()->manualGtv->at(28, 28, 9), std::uint16_t{0});
        select(rowOfAiLesion(2));
        QVERIFY(comparison->acceptButton()->isEnabled());
        QTest::mouseClick(comparison->acceptButton(), Qt::LeftButton);
        QVERIFY(station.labelAt(falsePositive) != 0);
        QVERIFY(station.panel().hasUnsavedEdits());
        QVERIFY(table->item(rowOfAiLesion(2), ComparisonPanel::AiReviewColumn)
                    ->text()
                    .startsWith("confirmed"));

        // The matched lesion rejected: recorded, the manual contours untouched.
        const std::size_t steps = station.panel().session()->editor().undoSteps();
        select(rowOfAiLesion(1));
        QTest::mouseClick(comparison->rejectButton(), Qt::LeftButton);
        QCOMPARE(station.panel().session()->editor().undoSteps(), steps);
        QVERIFY(table->item(rowOfAiLesion(1), ComparisonPanel::AiReviewColumn)
                    ->text()
                    .startsWith("rejected"));

        const auto reviews = database.aiLesionReviews(stored.id);
        QCOMPARE(reviews.size(), std::size_t{2});
        QVERIFY(reviews[0].decision == db::AiLesionDecision::Rejected);
        QVERIFY(reviews[1].decision == db::AiLesionDecision::Confirmed);
        QCOMPARE(reviews[1].username, std::string("annotator"));
        QCOMPARE(
            database.auditLog("annotator", std::to_string(stored.id), "ai_lesion.review").size(),
            std::size_t{2});
        // Opening the patient again shows the decisions.
        QVERIFY(station.open());
        QTRY_VERIFY_WITH_TIMEOUT(comparison->result() != nullptr, 20000);
        QVERIFY(table->item(rowOfAiLesion(1), ComparisonPanel::AiReviewColumn)
                    ->text()
                    .startsWith("rejected"));
    }

    void savedVersionIsStoredAndReopened() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 start = voxelCentre(station.grid(), 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(start);
        station.panel().selectTool(ContourEditPanel::Tool::Brush);
        station.drag(ViewOrientation::Axial, {start, plus(start, 5, 0, 0)});
        QSignalSpy saved(&station.panel(), &ContourEditPanel::versionSaved);
        QCOMPARE(station.panel().save("first contour"), QString());
        QCOMPARE(saved.count(), 1);
        const auto versions =
            station.database().structureSetVersions(station.window().currentStudy()->seriesId);
        QCOMPARE(versions.size(), std::size_t{1});
        QCOMPARE(versions[0].author, std::string("annotator"));
        QCOMPARE(imaging::readLabelMap(versions[0].labelMapPath).data(),
                 station.panel().session()->mask().data());
        QVERIFY(!station.panel().hasUnsavedEdits());
        QVERIFY(station.database().check().ok());
        // The annotator marks it corrected, but may not approve it.
        QTRY_VERIFY(station.window().correctedContourAction()->isEnabled());
        QVERIFY(!station.window().approveContourAction()->isEnabled());
        station.window().correctedContourAction()->trigger();
        QCOMPARE(station.database().structureSetVersion(versions[0].id)->reviewStatus,
                 std::string("corrected"));
        QVERIFY(!station.window().correctedContourAction()->isEnabled());
        // Exported as RTSTRUCT and read back as saved.
        QTemporaryDir exportDir;
        QCOMPARE(
            station.window().exportContours(versions[0].id, exportDir.filePath("rtstruct.dcm")),
            QString());
        QVERIFY(QFileInfo::exists(exportDir.filePath("rtstruct.dcm")));
        // A second version; the two compare in the versions dialog.
        station.drag(ViewOrientation::Axial, {plus(start, 0, 6, 0), plus(start, 5, 6, 0)});
        QVERIFY(station.panel().save("second").isEmpty());
        const auto both =
            station.database().structureSetVersions(station.window().currentStudy()->seriesId);
        QCOMPARE(both.size(), std::size_t{2});
        QCOMPARE(both[1].parentId, std::optional<std::int64_t>(both[0].id));
        VersionsDialog versionsDialog(station.database(),
                                      station.window().currentStudy()->seriesId);
        QCOMPARE(versionsDialog.table()->rowCount(), 2);
        const QString comparison = versionsDialog.compare(both[0].id, both[1].id);
        QVERIFY2(comparison.contains("Dice 0.") && comparison.contains("1 matched"),
                 qPrintable(comparison));
        // Opening the patient again shows the saved version.
        QVERIFY(station.open());
        QCOMPARE(*station.window().currentStudy()->manualStructureSetId, both[1].id);
        QCOMPARE(station.window().currentStudy()->manualGtv->data(),
                 imaging::readLabelMap(both[1].labelMapPath).data());
    }

    void unsavedEditsAreRecoveredWhenThePatientOpensAgain() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 start = voxelCentre(station.grid(), 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(start);
        station.panel().selectTool(ContourEditPanel::Tool::Brush);
        station.drag(ViewOrientation::Axial, {start, plus(start, 5, 0, 0)});
        const LabelMap edited = station.panel().session()->mask();
        QVERIFY(station.open()); // as after a crash: nothing was saved
        auto* banner = station.panel().findChild<QWidget*>("RecoveryBanner");
        QVERIFY(banner && banner->isVisibleTo(&station.panel()));
        QCOMPARE(station.panel().session()->mask().data(), edited.data());
        // The views show the recovered edits.
        const auto& overlays = station.window().currentStudy()->scene->overlays;
        QCOMPARE(overlays.back().labels.get(), &station.panel().session()->mask());
    }

    /// Closing with unsaved edits asks: Cancel keeps the window open, Save stores a version.
    void closingWithUnsavedEditsAsks() {
        Workstation station;
        QVERIFY(station.open());
        const Vec3 start = voxelCentre(station.grid(), 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(start);
        station.panel().selectTool(ContourEditPanel::Tool::Brush);
        station.drag(ViewOrientation::Axial, {start, plus(start, 4, 0, 0)});
        QVERIFY(station.panel().hasUnsavedEdits());
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        QTimer answerer;
        answerer.setInterval(50);
        connect(&answerer, &QTimer::timeout, [&answer] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                box->button(answer)->click();
            }
        });
        answerer.start();
        QVERIFY(!station.window().close());
        QVERIFY(station.window().isVisible());
        QVERIFY(station.panel().hasUnsavedEdits());
        answer = QMessageBox::Save;
        QVERIFY(station.window().close());
        const auto versions =
            station.database().structureSetVersions(station.window().currentStudy()->seriesId);
        QCOMPARE(versions.size(), std::size_t{1});
        QCOMPARE(versions[0].note, std::string("saved on closing the workstation"));
    }

    void brushOnASagittallyAcquiredSeries() {
        Workstation station(true);
        QVERIFY(station.open());
        const ImageGeometry& g = station.grid();
        QVERIFY(std::abs(g.direction[0][2]) > 0.9); // slices along x: a sagittal acquisition
        const Vec3 start = voxelCentre(g, 0.5, 0.5, 0.5);
        station.window().mprLayout()->setCursorMm(start);
        station.panel().selectTool(ContourEditPanel::Tool::Brush);
        station.panel().setBrushDiameterMm(6.0);
        station.drag(ViewOrientation::Axial, {start, plus(start, 0, 6, 0)});
        const LabelMap& mask = station.panel().session()->mask();
        std::size_t painted = 0;
        for (std::int64_t k = 0; k < g.size[2]; ++k) {
            for (std::int64_t j = 0; j < g.size[1]; ++j) {
                for (std::int64_t i = 0; i < g.size[0]; ++i) {
                    if (mask.at(i, j, k) != 0) {
                        ++painted;
                        const Vec3 p = g.indexToPatient({double(i), double(j), double(k)});
                        QVERIFY(std::abs(p[2] - start[2]) < 0.5); // one axial plane only
                    }
                }
            }
        }
        // A 6 mm disc dragged 6 mm over 1 mm rows and 2 mm sagittal slices: about
        // (pi 9 + 36) mm2 / 2 mm2 per voxel = 32 voxels.
        QVERIFY2(painted > 20 && painted < 45, std::to_string(painted).c_str());
    }

    /// The docs' pictures of an edit in progress (scripts/docs-screenshots.sh sets the
    /// variables): the demo patient's largest lesion before and after a brush stroke that
    /// extends it, the brush cursor on screen. Nothing is saved.
    void documentationScreenshots() {
        const QString docs = qEnvironmentVariable("METIS_DOCS_DIR");
        const QString databasePath = qEnvironmentVariable("METIS_DOCS_DB");
        if (docs.isEmpty() || databasePath.isEmpty()) {
            QSKIP("set METIS_DOCS_DIR and METIS_DOCS_DB to write the docs screenshots");
        }
        auto database = std::make_shared<db::PatientDatabase>(databasePath.toStdString(),
                                                              db::OpenMode::Existing);
        MainWindow window(database, *database->findUser("annotator"));
        window.resize(1400, 900);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy loaded(&window, &MainWindow::patientLoaded);
        window.openPatient("PHANTOM-0013");
        QVERIFY(loaded.wait(60000));
        window.findChild<QDockWidget*>("ContourEditDock")->raise();
        auto& panel = *window.contourEditPanel();
        const Vec3 focus = window.currentStudy()->focusMm;
        auto* layout = window.mprLayout();
        layout->centreOn(focus);
        for (const auto orientation :
             {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
            layout->sliceView(orientation)->setZoom(2.5);
            layout->sliceView(orientation)->centreOn(focus);
        }
        panel.selectTool(ContourEditPanel::Tool::Brush);
        panel.setBrushDiameterMm(6.0);
        layout->toggleMaximised(layout->sliceView(ViewOrientation::Axial));
        layout->sliceView(ViewOrientation::Axial)->setZoom(3.0);
        layout->sliceView(ViewOrientation::Axial)->centreOn(focus);
        const LabelMap& mask = panel.session()->mask();
        const Vec3 index = mask.geometry().patientToIndex(focus);
        const std::uint16_t lesion =
            mask.at(std::llround(index[0]), std::llround(index[1]), std::llround(index[2]));
        QVERIFY2(lesion != 0, "the focus is not inside a manual lesion");
        panel.setLesion(lesion);
        // The stroke starts inside the lesion and leaves it towards the patient's left.
        auto* axial = layout->sliceView(ViewOrientation::Axial);
        const auto screenOf = [&](const Vec3& p) {
            const auto screen = axial->viewTransform().patientToScreen(p);
            return QPoint(static_cast<int>(screen[0]), static_cast<int>(screen[1]));
        };
        const Vec3 from = plus(focus, 4, 0, 0);
        QTest::mouseMove(axial, screenOf(from));
        QTest::qWait(200);
        QVERIFY(axial->grab().save(docs + "/contour-editing-before.png"));
        QTest::mousePress(axial, Qt::LeftButton, Qt::NoModifier, screenOf(from));
        for (int step = 1; step <= 12; ++step) {
            QTest::mouseMove(axial, screenOf(plus(from, step * 1.0, step * 0.5, 0)));
        }
        const Vec3 to = plus(from, 12, 6, 0);
        QTest::mouseRelease(axial, Qt::LeftButton, Qt::NoModifier, screenOf(to));
        QCOMPARE(panel.session()->editor().undoName(), std::string("Brush"));
        const Vec3 middle = mask.geometry().patientToIndex(plus(from, 6, 2.5, 0));
        QCOMPARE(mask.at(std::llround(middle[0]), std::llround(middle[1]), std::llround(middle[2])),
                 lesion);
        // The pointer moves on, so the cursor circle no longer covers the end of the stroke.
        QTest::mouseMove(axial, screenOf(plus(to, 9, -7, 0)));
        QTest::qWait(200);
        QVERIFY(axial->grab().save(docs + "/contour-editing-after.png"));
        QVERIFY(window.grab().save(docs + "/contour-editing.png"));
        panel.discardEdits();
    }
};

QTEST_MAIN(TestContourEditor)
#include "test_contour_editor.moc"
