// The MPR widgets on a real X server: outlines, anatomy and the linked crosshair are checked in
// pixels grabbed from the screen. With METIS_VIEWER_SCREENSHOT=<file.png> the test also saves
// the documentation screenshot of the synthetic head with both GTV overlays.
#include "SyntheticHead.h"
#include "TestIsolation.h"
#include "metis/viewer/LesionNavigator.h"
#include "metis/viewer/OffscreenSceneRenderer.h"
#include "metis/viewer/SceneLoader.h"
#include "metis/viewer_widgets/LayerLegend.h"
#include "metis/viewer_widgets/LesionNavigatorWidget.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/viewer_widgets/SceneView3D.h"
#include "metis/viewer_widgets/SliceView.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QScreen>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <map>

using namespace metis;
using namespace metis::viewer;
using namespace metis::viewer_widgets;

namespace {

const std::array<ViewOrientation, 3> kOrientations{ViewOrientation::Axial, ViewOrientation::Coronal,
                                                   ViewOrientation::Sagittal};

ImageGeometry axialHeadGeometry() {
    ImageGeometry geometry;
    geometry.size = {150, 190, 160};
    geometry.origin = {-74.5, -94.5, -79.5};
    return geometry;
}

/// A sagittal 3D acquisition of the same field of view: rows anterior to posterior, columns
/// superior to inferior, slices right to left.
ImageGeometry sagittalHeadGeometry() {
    ImageGeometry geometry;
    geometry.size = {190, 160, 150};
    geometry.origin = {-74.5, -94.5, 79.5};
    geometry.direction = {{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}};
    return geometry;
}

QImage grabFromScreen(QWidget& widget) {
    // Paint now and give the X server time to show it, also on a loaded machine.
    QCoreApplication::processEvents();
    widget.repaint();
    QTest::qWait(150);
    const QPoint topLeft = widget.mapToGlobal(QPoint(0, 0));
    return widget.screen()
        ->grabWindow(0, topLeft.x(), topLeft.y(), widget.width(), widget.height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

QPoint toPoint(const Vec2& screen) {
    return {static_cast<int>(std::floor(screen[0])), static_cast<int>(std::floor(screen[1]))};
}

QString describeAround(const QImage& image, QPoint centre) {
    QString text = QString("around (%1,%2):").arg(centre.x()).arg(centre.y());
    for (int dy = -2; dy <= 2; ++dy) {
        text += "\n";
        for (int dx = -2; dx <= 2; ++dx) {
            const QColor c = image.pixelColor(centre + QPoint(dx, dy));
            text += QString(" %1,%2,%3").arg(c.red()).arg(c.green()).arg(c.blue());
        }
    }
    return text;
}

bool isYellow(const QColor& c) {
    return c.red() > 200 && c.green() > 200 && c.blue() < 90;
}
bool isGreen(const QColor& c) {
    return c.green() > 200 && c.red() < 90 && c.blue() < 90;
}

bool anyAround(const QImage& image, QPoint centre, int radius, bool (*predicate)(const QColor&)) {
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = centre + QPoint(dx, dy);
            if (image.rect().contains(p) && predicate(image.pixelColor(p))) {
                return true;
            }
        }
    }
    return false;
}

Vec3 offset(const Vec3& point, const Vec3& direction, double mm) {
    return {point[0] + direction[0] * mm, point[1] + direction[1] * mm,
            point[2] + direction[2] * mm};
}

Vec3 absolute(const Vec3& v) {
    return {std::abs(v[0]), std::abs(v[1]), std::abs(v[2])};
}

/// Lesion centre on voxel centres of both head geometries (x, y, z = n + 0.5).
const Vec3 kLesion{20.5, -10.5, 15.5};

std::shared_ptr<ViewerScene> headWithBoxLesions(const ImageGeometry& geometry) {
    auto scene = std::make_shared<ViewerScene>();
    scene->image =
        std::make_shared<ImageVolume>(synthetic_head::makeHead(geometry, {{kLesion, 6.0}}));
    auto manual = std::make_shared<LabelMap>(geometry);
    auto predicted = std::make_shared<LabelMap>(geometry);
    // Manual: 11 voxels around the centre; predicted: the same box shifted 2 mm along x, y, z.
    synthetic_head::addBox(*manual, offset(kLesion, {1, 1, 1}, -5), offset(kLesion, {1, 1, 1}, 5));
    synthetic_head::addBox(*predicted, offset(kLesion, {1, 1, 1}, -3),
                           offset(kLesion, {1, 1, 1}, 7));
    scene->overlays = {manualGtvLayer(manual), predictedGtvLayer(predicted)};
    scene->headOutline = std::make_shared<const LabelMap>(headOutlineMask(*scene->image));
    return scene;
}

} // namespace

class TestMprViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QGuiApplication::platformName() == "xcb",
                 "GUI tests need a real X server (the test runner starts Xvfb)");
    }
    void init() {
        // The legend's palette is a setting: every test starts from the paper's colours.
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void outlinesAtTheLesionInAllThreeViews() {
        MprLayout layout;
        layout.setLayoutMode(MprLayoutMode::OneByThree);
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        layout.resize(1200, 440);
        layout.move(20, 20);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));
        layout.setCursorMm(kLesion);

        for (const ViewOrientation orientation : kOrientations) {
            SliceView& view = *layout.sliceView(orientation);
            const QImage frame = grabFromScreen(view);
            const ViewTransform transform = view.viewTransform();
            QVERIFY2(transform.screenPixelsPerMm() > 1.5, "the views are too small for the check");
            const ViewAxes axes = viewAxes(orientation);
            // 2 mm off the crosshair line, inside both boxes along the screen's vertical.
            const Vec3 row = offset(kLesion, absolute(axes.down), 2.0);
            const double sign = axes.right[0] + axes.right[1] + axes.right[2];
            const QPoint manualLeft =
                toPoint(transform.patientToScreen(offset(row, axes.right, -5.5 * sign)));
            const QPoint manualRight =
                toPoint(transform.patientToScreen(offset(row, axes.right, 5.5 * sign)));
            const QPoint predictedLeft =
                toPoint(transform.patientToScreen(offset(row, axes.right, -3.5 * sign)));
            const QPoint predictedRight =
                toPoint(transform.patientToScreen(offset(row, axes.right, 7.5 * sign)));
            const QPoint inside =
                toPoint(transform.patientToScreen(offset(row, axes.right, 1.0 * sign)));
            const char* name = orientationName(orientation);
            QVERIFY2(anyAround(frame, manualLeft, 1, isYellow),
                     qPrintable(QString("%1 manual edge ").arg(name) +
                                describeAround(frame, manualLeft)));
            QVERIFY2(anyAround(frame, manualRight, 1, isYellow),
                     qPrintable(QString("%1 manual edge ").arg(name) +
                                describeAround(frame, manualRight)));
            // The predicted outline is dashed (8 px on, 6 off): a 9 px window along it meets a
            // dash.
            QVERIFY2(anyAround(frame, predictedLeft, 4, isGreen),
                     qPrintable(QString("%1 predicted edge ").arg(name) +
                                describeAround(frame, predictedLeft)));
            QVERIFY2(anyAround(frame, predictedRight, 4, isGreen),
                     qPrintable(QString("%1 predicted edge ").arg(name) +
                                describeAround(frame, predictedRight)));
            QVERIFY2(!anyAround(frame, manualLeft, 1, isGreen), name);
            QVERIFY2(!anyAround(frame, predictedRight, 1, isYellow), name);
            QVERIFY2(!anyAround(frame, inside, 2, isYellow) &&
                         !anyAround(frame, inside, 2, isGreen),
                     qPrintable(QString("%1 inside ").arg(name) + describeAround(frame, inside)));
        }

        // Hidden layers disappear; a filled layer colours the inside.
        layout.scene()->overlays[1].visible = false;
        layout.scene()->overlays[0].style = OverlayStyle::Fill;
        layout.scene()->overlays[0].opacity = 1.0;
        layout.sceneChanged();
        SliceView& axial = *layout.sliceView(ViewOrientation::Axial);
        const QImage filled = grabFromScreen(axial);
        const ViewTransform transform = axial.viewTransform();
        const QPoint inside = toPoint(transform.patientToScreen(offset(kLesion, {1, 1, 0}, 2.0)));
        QVERIFY2(isYellow(filled.pixelColor(inside)), qPrintable(describeAround(filled, inside)));
        const QPoint predictedRight =
            toPoint(transform.patientToScreen(offset(kLesion, {1, 0, 0}, 7.5)));
        QVERIFY(!anyAround(filled, predictedRight, 2, isGreen));
    }

    // The legend above the views, clicked as a reader would: hiding a layer removes its pixels,
    // Fill colours the inside, the colour-blind palette replaces yellow and green by orange and
    // reddish purple; the choices hold for the next patient's scene.
    void legendTogglesChangeThePixels() {
        MprLayout layout;
        layout.setLayoutMode(MprLayoutMode::Single);
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        layout.resize(700, 640);
        layout.move(20, 20);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));
        layout.setCursorMm(kLesion);
        LayerLegend* legend = layout.legend();
        QVERIFY(legend->isVisible());
        QCheckBox* manualShown = legend->visibilityBox("Manual GTV");
        QCheckBox* predictedShown = legend->visibilityBox("Predicted GTV");
        QAction* predictedFill = legend->fillAction("Predicted GTV");
        QVERIFY(manualShown && predictedShown && predictedFill);
        QVERIFY(manualShown->isVisible() && manualShown->isChecked());

        SliceView& axial = *layout.sliceView(ViewOrientation::Axial);
        const auto count = [&](bool (*predicate)(const QColor&)) {
            const QImage frame = grabFromScreen(axial);
            int pixels = 0;
            // Inside the active view's blue frame.
            for (int y = 5; y < frame.height() - 5; ++y) {
                for (int x = 5; x < frame.width() - 5; ++x) {
                    pixels += predicate(frame.pixelColor(x, y)) ? 1 : 0;
                }
            }
            return pixels;
        };
        const int yellow = count(isYellow);
        const int green = count(isGreen);
        QVERIFY2(yellow > 20 && green > 20, qPrintable(QString("%1 %2").arg(yellow).arg(green)));

        QTest::mouseClick(manualShown, Qt::LeftButton, {}, QPoint(8, manualShown->height() / 2));
        QVERIFY(!manualShown->isChecked());
        QVERIFY(!layout.scene()->overlays[0].visible);
        QCOMPARE(count(isYellow), 0);
        QVERIFY(count(isGreen) > 20);

        predictedFill->trigger(); // the entry's menu item
        QCOMPARE(layout.scene()->overlays[1].style, OverlayStyle::Fill);
        const int filled = count([](const QColor& c) { return c.green() > c.red() + 60; });
        QVERIFY2(filled > 3 * green, qPrintable(QString("%1 vs %2").arg(filled).arg(green)));
        predictedFill->trigger();
        QCOMPARE(layout.scene()->overlays[1].style, OverlayStyle::Outline);
        QTest::mouseClick(manualShown, Qt::LeftButton, {}, QPoint(8, manualShown->height() / 2));

        legend->paletteAction()->trigger(); // Colours > Colour-blind safe colours
        QCOMPARE(legend->layerPalette(), LayerPalette::ColourBlindSafe);
        QCOMPARE(count(isYellow), 0);
        QCOMPARE(count(isGreen), 0);
        const auto orange = [](const QColor& c) {
            return c.red() > 200 && c.green() > 120 && c.green() < 190 && c.blue() < 60;
        };
        const auto purple = [](const QColor& c) {
            return c.red() > 170 && c.green() > 90 && c.green() < 150 && c.blue() > 130 &&
                   c.blue() < 200;
        };
        QVERIFY(count(orange) > 20);
        QVERIFY(count(purple) > 20);

        // Another patient: the palette and a hidden layer stay as the reader left them.
        QTest::mouseClick(predictedShown, Qt::LeftButton, {},
                          QPoint(8, predictedShown->height() / 2));
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        layout.setCursorMm(kLesion);
        QVERIFY(!layout.scene()->overlays[1].visible);
        QVERIFY(!legend->visibilityBox("Predicted GTV")->isChecked());
        QCOMPARE(count(purple), 0);
        QVERIFY(count(orange) > 20);
    }

    void sagittalAcquisitionShowsAnatomyTheRightWayRound() {
        const ImageGeometry geometry = sagittalHeadGeometry();
        auto scene = std::make_shared<ViewerScene>();
        ImageVolume image(geometry, 0.0f);
        // Landmarks in patient space: nose (anterior), left ear (+x) and vertex (superior).
        struct Landmark {
            const char* name;
            Vec3 minMm, maxMm;
        };
        // Kept clear of the view edges, where the orientation letters are painted.
        const std::array<Landmark, 3> landmarks{{{"nose", {-4, -86, -12}, {4, -76, -2}},
                                                 {"left ear", {52, -5, -12}, {62, 5, -2}},
                                                 {"vertex", {-5, -5, 56}, {5, 5, 66}}}};
        for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
            for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
                for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                    const Vec3 p = geometry.indexToPatient({double(i), double(j), double(k)});
                    float value =
                        synthetic_head::ellipsoidRadius(p, {72, 92, 78}) <= 1.0 ? 100.0f : 0.0f;
                    for (const Landmark& landmark : landmarks) {
                        if (p[0] >= landmark.minMm[0] && p[0] <= landmark.maxMm[0] &&
                            p[1] >= landmark.minMm[1] && p[1] <= landmark.maxMm[1] &&
                            p[2] >= landmark.minMm[2] && p[2] <= landmark.maxMm[2]) {
                            value = 400.0f;
                        }
                    }
                    image.at(i, j, k) = value;
                }
            }
        }
        scene->image = std::make_shared<ImageVolume>(std::move(image));

        MprLayout layout;
        layout.setLayoutMode(MprLayoutMode::OneByThree);
        layout.setScene(scene);
        layout.resize(1200, 440);
        layout.move(20, 20);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));
        // The planes through all three landmarks: z = -7 (nose, ear), y = 0, x = 0.
        layout.setCursorMm({0.5, 0.5, -6.5});
        for (SliceView* view :
             {layout.sliceView(ViewOrientation::Axial), layout.sliceView(ViewOrientation::Coronal),
              layout.sliceView(ViewOrientation::Sagittal)}) {
            view->setWindowLevel({400, 200}); // landmarks white, head dark grey
        }
        // 2.5 mm off the landmark centres along x and y, away from the crosshair lines.
        auto centreOf = [](const Landmark& landmark) {
            return Vec3{(landmark.minMm[0] + landmark.maxMm[0]) / 2 + 2.5,
                        (landmark.minMm[1] + landmark.maxMm[1]) / 2 + 2.5,
                        (landmark.minMm[2] + landmark.maxMm[2]) / 2};
        };
        struct Expectation {
            ViewOrientation orientation;
            const char* letters; // left, right, top, bottom
            std::vector<int> visible;
        };
        const std::array<Expectation, 3> expectations{
            {{ViewOrientation::Axial, "RLAP", {0, 1}},
             {ViewOrientation::Coronal, "RLSI", {1, 2}},
             {ViewOrientation::Sagittal, "APSI", {0, 2}}}};
        for (const Expectation& expected : expectations) {
            SliceView& view = *layout.sliceView(expected.orientation);
            const OrientationLetters letters = view.orientationLetters();
            QCOMPARE(
                QString::fromStdString(letters.left + letters.right + letters.top + letters.bottom),
                QString(expected.letters));
            const QImage frame = grabFromScreen(view);
            const ViewTransform transform = view.viewTransform();
            const auto rect = transform.imageRect();
            const QPointF imageCentre(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
            for (const int index : expected.visible) {
                const Landmark& landmark = landmarks[static_cast<std::size_t>(index)];
                const QPoint at = toPoint(transform.patientToScreen(centreOf(landmark)));
                const QString where =
                    QString("%1 in %2: ")
                        .arg(landmark.name, orientationName(expected.orientation)) +
                    describeAround(frame, at);
                QVERIFY2(frame.pixelColor(at).red() > 240, qPrintable(where));
                // Mirrored through the image centre there is no landmark.
                const QPoint mirrored(int(2 * imageCentre.x()) - at.x(),
                                      int(2 * imageCentre.y()) - at.y());
                QVERIFY2(frame.pixelColor(mirrored).red() < 120, qPrintable(where));
                // The radiological convention, independent of the mapping code: anterior and
                // superior up, the patient's left on screen right, anterior left in sagittal.
                if (std::string(landmark.name) == "nose" &&
                    expected.orientation == ViewOrientation::Axial) {
                    QVERIFY2(at.y() < imageCentre.y() - 50, qPrintable(where));
                }
                if (std::string(landmark.name) == "nose" &&
                    expected.orientation == ViewOrientation::Sagittal) {
                    QVERIFY2(at.x() < imageCentre.x() - 50, qPrintable(where));
                }
                if (std::string(landmark.name) == "left ear") {
                    QVERIFY2(at.x() > imageCentre.x() + 50, qPrintable(where));
                }
                if (std::string(landmark.name) == "vertex") {
                    QVERIFY2(at.y() < imageCentre.y() - 50, qPrintable(where));
                }
            }
        }
    }

    void clickMovesTheCrosshairAndTheOtherViews() {
        MprLayout layout;
        layout.setLayoutMode(MprLayoutMode::OneByThree);
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        layout.resize(1200, 440);
        layout.move(20, 20);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));

        SliceView& axial = *layout.sliceView(ViewOrientation::Axial);
        SliceView& coronal = *layout.sliceView(ViewOrientation::Coronal);
        SliceView& sagittal = *layout.sliceView(ViewOrientation::Sagittal);
        const double axialPlane = axial.state().cursorMm[2];
        const QPoint click =
            toPoint(axial.viewTransform().patientToScreen({kLesion[0], kLesion[1], axialPlane}));
        QTest::mouseClick(&axial, Qt::LeftButton, Qt::NoModifier, click);
        const Vec3 clicked =
            axial.viewTransform().screenToPatient({double(click.x()), double(click.y())});
        for (SliceView* view : {&axial, &coronal, &sagittal}) {
            for (int axis = 0; axis < 3; ++axis) {
                QVERIFY(std::abs(view->state().cursorMm[axis] - clicked[axis]) < 1e-6);
            }
        }
        QVERIFY(std::abs(clicked[0] - kLesion[0]) < 1.0 && std::abs(clicked[1] - kLesion[1]) < 1.0);

        // The coronal view now cuts through the lesion: both outlines are on screen, and its
        // vertical crosshair line stands at the clicked x.
        const QImage coronalFrame = grabFromScreen(coronal);
        const ViewTransform coronalView = coronal.viewTransform();
        const QPoint manualLeft = toPoint(coronalView.patientToScreen(
            {clicked[0] - (clicked[0] - kLesion[0]) - 5.5, clicked[1], kLesion[2] + 2}));
        QVERIFY2(anyAround(coronalFrame, manualLeft, 1, isYellow),
                 qPrintable(describeAround(coronalFrame, manualLeft)));
        const int crossX = static_cast<int>(std::floor(coronalView.patientToScreen(clicked)[0]));
        const QColor line = coronalFrame.pixelColor(crossX, 3);
        QVERIFY2(line.blue() > 200 && line.red() < 120,
                 qPrintable(describeAround(coronalFrame, {crossX, 3})));
        // Its horizontal line stays at the axial plane's height.
        const int crossY = static_cast<int>(std::floor(coronalView.patientToScreen(clicked)[1]));
        const QColor horizontal = coronalFrame.pixelColor(3, crossY);
        QVERIFY2(horizontal.blue() > 200 && horizontal.red() < 120,
                 qPrintable(describeAround(coronalFrame, {3, crossY})));

        // Scrolling the axial view moves the coronal crosshair one slice (1 mm) up.
        const double before = coronal.state().cursorMm[2];
        QTest::keyClick(&axial, Qt::Key_Up);
        QCOMPARE(coronal.state().cursorMm[2], before + 1.0);
    }

    void wheelZoomPanAndWindowLevel() {
        MprLayout layout;
        layout.setLayoutMode(MprLayoutMode::OneByThree);
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        layout.resize(900, 300);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));
        SliceView& axial = *layout.sliceView(ViewOrientation::Axial);
        SliceView& sagittal = *layout.sliceView(ViewOrientation::Sagittal);
        const QPoint centre(axial.width() / 2, axial.height() / 2);
        auto wheel = [&](int notches, Qt::KeyboardModifiers modifiers) {
            QWheelEvent event(centre, axial.mapToGlobal(centre), QPoint(), QPoint(0, 120 * notches),
                              Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
            QApplication::sendEvent(&axial, &event);
        };

        // Wheel: two slices (1 mm each) superior; the sagittal crosshair follows.
        const double z = axial.state().cursorMm[2];
        wheel(2, Qt::NoModifier);
        QCOMPARE(axial.state().cursorMm[2], z + 2.0);
        QCOMPARE(sagittal.state().cursorMm[2], z + 2.0);
        QTest::keyClick(&axial, Qt::Key_PageDown);
        QCOMPARE(axial.state().cursorMm[2], z - 8.0);

        // Ctrl+wheel zooms: one notch is x1.25, and the image grows on screen.
        const double width = axial.viewTransform().imageRect()[2];
        wheel(1, Qt::ControlModifier);
        QCOMPARE(axial.state().zoom, 1.25);
        QVERIFY(std::abs(axial.viewTransform().imageRect()[2] - 1.25 * width) < 1e-6);

        // Shift+drag pans by the dragged distance.
        const double x0 = axial.viewTransform().imageRect()[0];
        QTest::mousePress(&axial, Qt::LeftButton, Qt::ShiftModifier, centre);
        QTest::mouseMove(&axial, centre + QPoint(30, 0));
        QTest::mouseRelease(&axial, Qt::LeftButton, Qt::ShiftModifier, centre + QPoint(30, 0));
        QVERIFY2(std::abs(axial.viewTransform().imageRect()[0] - (x0 + 30)) < 0.5,
                 qPrintable(QString::number(axial.viewTransform().imageRect()[0] - x0)));

        // Right drag: wider window to the right, shared by every view.
        const WindowLevel before = axial.state().windowLevel;
        QTest::mousePress(&axial, Qt::RightButton, Qt::NoModifier, centre);
        QTest::mouseMove(&axial, centre + QPoint(64, 0));
        QTest::mouseRelease(&axial, Qt::RightButton, Qt::NoModifier, centre + QPoint(64, 0));
        QVERIFY(std::abs(axial.state().windowLevel.window - before.window * 1.25) < 1e-6);
        QCOMPARE(sagittal.state().windowLevel.window, axial.state().windowLevel.window);

        // Preset keys: 2 is the enhancement window, also shared.
        QTest::keyClick(&axial, Qt::Key_2);
        QCOMPARE(axial.state().windowLevel.level, axial.presets()[1].windowLevel.level);
        QCOMPARE(sagittal.state().windowLevel.level, axial.presets()[1].windowLevel.level);
        // R resets zoom and pan.
        QTest::keyClick(&axial, Qt::Key_R);
        QCOMPARE(axial.state().zoom, 1.0);
        QCOMPARE(axial.viewTransform().imageRect()[2], width);
    }

    void navigatorMovesAllViewsToTheLesion() {
        auto scene = headWithBoxLesions(axialHeadGeometry());
        MprLayout layout;
        layout.setLayoutMode(MprLayoutMode::OneByThree);
        layout.setScene(scene);
        LesionNavigatorWidget navigator;
        navigator.setLesions(
            buildLesionList(scene->overlays[0].labels.get(), scene->overlays[1].labels.get()));
        QObject::connect(&navigator, &LesionNavigatorWidget::lesionSelected, &layout,
                         &MprLayout::centreOn);
        layout.resize(900, 300);
        layout.show();
        navigator.show();
        QVERIFY(QTest::qWaitForWindowExposed(&navigator));
        QCOMPARE(navigator.count(), 1);
        QVERIFY(navigator.item(0)->text().contains("Dice"));
        const QRect row = navigator.visualItemRect(navigator.item(0));
        for (const ViewOrientation orientation : kOrientations) {
            layout.sliceView(orientation)->setZoom(2.0); // centring only pans when zoomed in
        }
        QTest::mouseClick(navigator.viewport(), Qt::LeftButton, Qt::NoModifier, row.center());
        for (const ViewOrientation orientation : kOrientations) {
            SliceView& view = *layout.sliceView(orientation);
            for (int axis = 0; axis < 3; ++axis) {
                QVERIFY(std::abs(view.state().cursorMm[axis] - kLesion[axis]) < 1e-6);
            }
            // Centred on screen.
            const Vec2 screen = view.viewTransform().patientToScreen(kLesion);
            QVERIFY(std::abs(screen[0] - view.width() / 2.0) < view.viewTransform().scale());
            QVERIFY(std::abs(screen[1] - view.height() / 2.0) < view.viewTransform().scale());
        }
    }

    /// Orientation letters, corner texts and the scale bar never overlap, from a view of a
    /// 1024 x 700 window's 2 x 2 layout (about 200 x 250) up to a maximised one, zoomed or not.
    void annotationsNeverOverlap() {
        viewer_widgets::MprLayout layout;
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        for (const auto orientation :
             {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
            auto* view = layout.sliceView(orientation);
            for (const double zoom : {1.0, 2.5}) {
                view->setZoom(zoom);
                for (const QSize size : {QSize(160, 180), QSize(200, 250), QSize(260, 300),
                                         QSize(420, 380), QSize(900, 800)}) {
                    const QList<QRectF> rects = view->annotationRects(size);
                    QVERIFY(rects.size() >= 7);
                    for (qsizetype a = 0; a < rects.size(); ++a) {
                        QVERIFY(QRectF(0, 0, size.width(), size.height()).contains(rects[a]));
                        for (qsizetype b = a + 1; b < rects.size(); ++b) {
                            QVERIFY2(!rects[a].intersects(rects[b]),
                                     qPrintable(QStringLiteral("%1x%2 zoom %3: boxes %4 and %5")
                                                    .arg(size.width())
                                                    .arg(size.height())
                                                    .arg(zoom)
                                                    .arg(a)
                                                    .arg(b)));
                        }
                    }
                }
            }
        }
    }

    void layoutsMaximiseAndExport() {
        MprLayout layout;
        layout.setScene(headWithBoxLesions(axialHeadGeometry()));
        layout.resize(800, 800);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));
        QCOMPARE(layout.layoutMode(), MprLayoutMode::TwoByTwo);
        QVERIFY(layout.sceneView()->isVisible());
        SliceView& coronal = *layout.sliceView(ViewOrientation::Coronal);
        const Vec3 cursor = coronal.state().cursorMm;
        const Vec3 axialCursor = layout.sliceView(ViewOrientation::Axial)->state().cursorMm;
        // As the window system delivers a double-click: press and release, then the double-click.
        QTest::mouseClick(&coronal, Qt::LeftButton, Qt::NoModifier, QPoint(30, 30));
        QTest::mouseDClick(&coronal, Qt::LeftButton, Qt::NoModifier, QPoint(30, 30));
        QCOMPARE(layout.maximisedView(), static_cast<QWidget*>(&coronal));
        // Maximising does not move the crosshair, in this view or the others.
        QCOMPARE(coronal.state().cursorMm, cursor);
        QCOMPARE(layout.sliceView(ViewOrientation::Axial)->state().cursorMm, axialCursor);
        QTRY_VERIFY(coronal.width() > 700);
        QVERIFY(!layout.sliceView(ViewOrientation::Axial)->isVisible());
        QTest::mouseDClick(&coronal, Qt::LeftButton, Qt::NoModifier, QPoint(30, 30));
        QCOMPARE(layout.maximisedView(), nullptr);
        QTRY_VERIFY(layout.sliceView(ViewOrientation::Axial)->isVisible());

        // The 3D view shows the lesion surfaces inside the faint head: yellow and green pixels
        // (seen through the head's grey), and the head's grey around them.
        QTRY_VERIFY(!layout.sceneView()->image().isNull());
        const QImage scene3d = layout.sceneView()->image().convertToFormat(QImage::Format_RGB32);
        int yellow = 0, green = 0, grey = 0;
        for (int y = 0; y < scene3d.height(); ++y) {
            for (int x = 0; x < scene3d.width(); ++x) {
                const QColor c = scene3d.pixelColor(x, y);
                yellow += c.red() > 120 && c.green() > 120 && c.blue() + 60 < c.red();
                green += c.green() > 120 && c.red() + 60 < c.green() && c.blue() + 60 < c.green();
                grey += c.red() > 60 && std::abs(c.red() - c.green()) < 20 &&
                        std::abs(c.green() - c.blue()) < 20;
            }
        }
        QVERIFY2(
            yellow > 20 && green > 20 && grey > 1000,
            qPrintable(QString("yellow %1 green %2 grey %3").arg(yellow).arg(green).arg(grey)));

        layout.setLayoutMode(MprLayoutMode::Single);
        QTRY_VERIFY(!layout.sliceView(ViewOrientation::Coronal)->isVisible());
        QVERIFY(layout.sliceView(ViewOrientation::Axial)->isVisible());

        QTemporaryDir directory;
        const QString file = directory.filePath("layout.png");
        QVERIFY(layout.exportPng(file));
        const QImage exported(file);
        QCOMPARE(exported.size(), layout.size() * layout.devicePixelRatioF());
        QVERIFY(
            layout.sliceView(ViewOrientation::Axial)->exportPng(directory.filePath("axial.png")));
        QVERIFY(!QImage(directory.filePath("axial.png")).isNull());
    }

    void documentationScreenshot() {
        const QByteArray target = qgetenv("METIS_VIEWER_SCREENSHOT");
        if (target.isEmpty()) {
            QSKIP("set METIS_VIEWER_SCREENSHOT=<file.png> to write the documentation screenshot");
        }
        auto scene = std::make_shared<ViewerScene>();
        std::shared_ptr<LabelMap> manual;
        auto predicted = std::make_shared<LabelMap>();
        const QByteArray series = qgetenv("METIS_VIEWER_SCREENSHOT_SERIES");
        if (!series.isEmpty()) {
            // A phantom patient (metis-cli phantom): its truth is shown as the manual GTV, and as
            // the prediction the truth shifted by four voxels along the rows with its smallest
            // lesion missed (an illustration, not a model output).
            *scene = loadViewerScene(series.toStdString(),
                                     qgetenv("METIS_VIEWER_SCREENSHOT_TRUTH").toStdString());
            QCOMPARE(scene->overlays.size(), std::size_t{1});
            manual = std::const_pointer_cast<LabelMap>(scene->overlays[0].labels);
            std::map<std::uint16_t, std::size_t> sizes;
            for (const std::uint16_t label : manual->data()) {
                if (label != 0) {
                    ++sizes[label];
                }
            }
            std::uint16_t smallest = 0;
            for (const auto& [label, count] : sizes) {
                if (smallest == 0 || count < sizes[smallest]) {
                    smallest = label;
                }
            }
            *predicted = LabelMap(manual->geometry());
            const Size3& size = manual->size();
            for (std::int64_t k = 0; k < size[2]; ++k) {
                for (std::int64_t j = 0; j < size[1]; ++j) {
                    for (std::int64_t i = 4; i < size[0]; ++i) {
                        const std::uint16_t label = manual->at(i - 4, j, k);
                        if (label != 0 && (label != smallest || sizes.size() == 1)) {
                            predicted->at(i, j, k) = 1;
                        }
                    }
                }
            }
        } else {
            const ImageGeometry geometry = axialHeadGeometry();
            const std::vector<synthetic_head::Lesion> lesions{{{24.5, -20.5, 20.5}, 9.0},
                                                              {{-30.5, 25.5, 5.5}, 5.0}};
            scene->image =
                std::make_shared<ImageVolume>(synthetic_head::makeHead(geometry, lesions));
            manual = std::make_shared<LabelMap>(geometry);
            for (const auto& lesion : lesions) {
                synthetic_head::addSphere(*manual, lesion.centreMm, lesion.radiusMm);
            }
            // A slightly shifted, smaller prediction of the large lesion; the small one is missed.
            *predicted = LabelMap(geometry);
            synthetic_head::addSphere(*predicted, {26.0, -19.5, 21.0}, 8.0);
        }
        scene->overlays = {manualGtvLayer(manual), predictedGtvLayer(predicted)};
        const std::vector<LesionEntry> lesions = buildLesionList(manual.get(), predicted.get());
        QVERIFY(!lesions.empty());
        const auto largest =
            std::max_element(lesions.begin(), lesions.end(), [](const auto& a, const auto& b) {
                return a.diameterMm < b.diameterMm;
            });

        QWidget window;
        auto* splitter = new QSplitter(&window);
        auto* layout = new MprLayout(splitter);
        auto* navigator = new LesionNavigatorWidget(splitter);
        splitter->addWidget(layout);
        splitter->addWidget(navigator);
        splitter->setSizes({920, 280});
        auto* box = new QHBoxLayout(&window);
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(splitter);
        layout->setScene(scene);
        navigator->setLesions(lesions);
        QObject::connect(navigator, &LesionNavigatorWidget::lesionSelected, layout,
                         &MprLayout::centreOn);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int row = static_cast<int>(largest - lesions.begin());
        navigator->setCurrentRow(row);
        Q_EMIT navigator->itemClicked(navigator->item(row));
        QCoreApplication::processEvents();
        // Quality 0: the strongest PNG compression, lossless as always.
        QVERIFY(window.grab().save(QString::fromLocal8Bit(target), "PNG", 0));
    }
};

QTEST_MAIN(TestMprViews)
#include "test_mpr_views.moc"
