// The viewport path proven on a real X server: VTK renders offscreen, the Qt widget paints the
// frame, and the test reads the pixels back from the screen, not from the widget's buffer.
#include "SceneColours.h"
#include "metis/viewer/OffscreenSceneRenderer.h"
#include "metis/viewer_widgets/SceneView3D.h"

#include <QApplication>
#include <QScreen>
#include <QTest>

using namespace metis;

namespace {

QImage grabFromScreen(QWidget& widget) {
    QCoreApplication::processEvents();
    QTest::qWait(50);
    QScreen* screen = widget.screen();
    const QPoint topLeft = widget.mapToGlobal(QPoint(0, 0));
    return screen->grabWindow(0, topLeft.x(), topLeft.y(), widget.width(), widget.height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

QString describe(const QImage& image, int x, int y) {
    const QColor c = image.pixelColor(x, y);
    return QString("(%1,%2) = rgb(%3,%4,%5) in a %6x%7 grab")
        .arg(x)
        .arg(y)
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue())
        .arg(image.width())
        .arg(image.height());
}

bool matches(const QImage& image, int x, int y, const std::array<double, 3>& colour) {
    const QColor c = image.pixelColor(x, y);
    return test_scene::matches(c.red(), c.green(), c.blue(), colour);
}

void assertScene(const QImage& frame) {
    const int w = frame.width();
    const int h = frame.height();
    QVERIFY2(matches(frame, w / 2, h / 2, test_scene::kSphere),
             qPrintable(describe(frame, w / 2, h / 2)));
    QVERIFY2(matches(frame, 3, 3, test_scene::kBackground), qPrintable(describe(frame, 3, 3)));
    QVERIFY2(matches(frame, w - 4, h - 4, test_scene::kBackground),
             qPrintable(describe(frame, w - 4, h - 4)));
}

} // namespace

class TestSceneViewPixels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sceneIsOnScreenBeforeAndAfterResize() {
        QVERIFY2(QGuiApplication::platformName() == "xcb",
                 "GUI tests need a real X server (the test runner starts Xvfb)");
        viewer::OffscreenSceneRenderer renderer;
        renderer.setBackground(test_scene::kBackground);
        renderer.addSphere({0, 0, 0}, 1.0, test_scene::kSphere);

        viewer_widgets::SceneView3D view(renderer);
        view.resize(320, 240);
        view.move(40, 40);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QImage first = grabFromScreen(view);
        QCOMPARE(first.size(), QSize(320, 240));
        assertScene(first);

        view.resize(500, 380);
        QTRY_COMPARE(view.image().size(), QSize(500, 380) * view.devicePixelRatioF());
        QImage second = grabFromScreen(view);
        QCOMPARE(second.size(), QSize(500, 380));
        assertScene(second);
    }
};

QTEST_MAIN(TestSceneViewPixels)
#include "test_scene_view_pixels.moc"
