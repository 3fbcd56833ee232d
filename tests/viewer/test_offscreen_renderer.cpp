#include "SceneColours.h"
#include "metis/viewer/OffscreenSceneRenderer.h"

#include <QTest>

using namespace metis::viewer;

namespace {
QString describePixel(const RgbaImage& image, int x, int y) {
    const auto* p = image.pixel(x, y);
    return QString("(%1,%2) = rgba(%3,%4,%5,%6)")
        .arg(x)
        .arg(y)
        .arg(p[0])
        .arg(p[1])
        .arg(p[2])
        .arg(p[3]);
}
bool pixelMatches(const RgbaImage& image, int x, int y, const std::array<double, 3>& colour) {
    const auto* p = image.pixel(x, y);
    return p[3] == 255 && test_scene::matches(p[0], p[1], p[2], colour);
}
} // namespace

class TestOffscreenRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sphereOnBackground_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("square") << 256 << 256;
        QTest::newRow("wide") << 512 << 300;
        QTest::newRow("tall") << 200 << 420;
    }

    void sphereOnBackground() {
        QFETCH(int, width);
        QFETCH(int, height);
        OffscreenSceneRenderer renderer;
        renderer.setBackground(test_scene::kBackground);
        renderer.addSphere({0, 0, 0}, 1.0, test_scene::kSphere);
        const RgbaImage image = renderer.render(width, height);
        QCOMPARE(image.width, width);
        QCOMPARE(image.height, height);
        QVERIFY2(pixelMatches(image, width / 2, height / 2, test_scene::kSphere),
                 qPrintable(describePixel(image, width / 2, height / 2)));
        for (const auto& [x, y] : {std::pair{2, 2}, std::pair{width - 3, height - 3}}) {
            QVERIFY2(pixelMatches(image, x, y, test_scene::kBackground),
                     qPrintable(describePixel(image, x, y)));
        }
    }

    void rowsAreTopToBottom() {
        // A sphere placed above the centre must appear in the upper half of the image.
        OffscreenSceneRenderer renderer;
        renderer.setBackground(test_scene::kBackground);
        renderer.addSphere({0, 0, 0}, 0.05, test_scene::kBackground); // anchors the camera
        renderer.addSphere({0, 3, 0}, 1.0, test_scene::kSphere);
        renderer.addSphere({0, -3, 0}, 0.05, test_scene::kBackground);
        const RgbaImage image = renderer.render(200, 200);
        int redTop = 0;
        int redBottom = 0;
        for (int y = 0; y < 200; ++y) {
            for (int x = 0; x < 200; ++x) {
                if (pixelMatches(image, x, y, test_scene::kSphere)) {
                    (y < 100 ? redTop : redBottom) += 1;
                }
            }
        }
        QVERIFY2(redTop > 1000 && redBottom == 0,
                 qPrintable(QString("top %1 bottom %2").arg(redTop).arg(redBottom)));
    }

    void reportsOpenGl() {
        OffscreenSceneRenderer renderer;
        QVERIFY(!renderer.openGlDescription().empty());
    }
};

QTEST_GUILESS_MAIN(TestOffscreenRenderer)
#include "test_offscreen_renderer.moc"
