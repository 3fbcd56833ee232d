#include "SceneColours.h"
#include "metis/viewer/OffscreenSceneRenderer.h"

#include <QTest>
#include <cmath>

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

    // The 3D view's scale bar is true: a 40 mm tall box spans 40 mm x pixelsPerMm on screen.
    void parallelProjectionGivesTheScale() {
        metis::ImageGeometry geometry;
        geometry.size = {40, 40, 40};
        geometry.spacing = {2, 2, 2};
        geometry.origin = {-40, -40, -40};
        metis::LabelMap box(geometry, 0);
        for (std::int64_t k = 10; k < 30; ++k) { // 20 voxels of 2 mm: 40 mm superior-inferior
            for (std::int64_t j = 15; j < 25; ++j) {
                for (std::int64_t i = 15; i < 25; ++i) {
                    box.at(i, j, k) = 1;
                }
            }
        }
        OffscreenSceneRenderer renderer;
        renderer.setBackground(test_scene::kBackground);
        QCOMPARE(renderer.pixelsPerMm(400), 0.0);
        QVERIFY(renderer.addLabelSurfaces(box, test_scene::kSphere) > 0);
        const RgbaImage frame = renderer.render(400, 400);
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < 400; ++y) {
            if (!pixelMatches(frame, 200, y, test_scene::kBackground)) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        const double pixelsPerMm = renderer.pixelsPerMm(400);
        QVERIFY(pixelsPerMm > 0.0);
        const double measuredMm = (bottom - top + 1) / pixelsPerMm;
        // The surface is smoothed and lies on voxel centres: within 3 mm of 40.
        QVERIFY2(std::abs(measuredMm - 40.0) < 3.0,
                 qPrintable(QString("%1 mm (%2 px)").arg(measuredMm).arg(bottom - top + 1)));
    }

    // The head for context: the image's foreground on a coarse grid of about 3 mm.
    void headOutlineIsTheForegroundOnACoarseGrid() {
        metis::ImageGeometry geometry;
        geometry.size = {100, 100, 30};
        geometry.spacing = {1, 1, 3};
        metis::ImageVolume image(geometry, 5.0f);
        for (std::int64_t k = 0; k < 30; ++k) {
            for (std::int64_t j = 20; j < 80; ++j) {
                for (std::int64_t i = 30; i < 70; ++i) {
                    image.at(i, j, k) = 400.0f;
                }
            }
        }
        const metis::LabelMap head = headOutlineMask(image);
        QCOMPARE(head.geometry().size, (std::array<std::int64_t, 3>{34, 34, 30}));
        QCOMPARE(head.geometry().spacing[0], 3.0);
        QCOMPARE(head.geometry().spacing[2], 3.0);
        QCOMPARE(head.at(15, 15, 10), std::uint16_t{1}); // image voxel (45, 45): inside
        QCOMPARE(head.at(2, 2, 10), std::uint16_t{0});   // (6, 6): air
    }

    void reportsOpenGl() {
        OffscreenSceneRenderer renderer;
        QVERIFY(!renderer.openGlDescription().empty());
    }
};

QTEST_GUILESS_MAIN(TestOffscreenRenderer)
#include "test_offscreen_renderer.moc"
