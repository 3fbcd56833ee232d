// Qt-free viewer logic: patient-space reslicing for any acquisition orientation, screen mapping,
// orientation letters, compositing, outlines, lesion navigation and the tool interface.
#include "metis/viewer/LesionNavigator.h"
#include "metis/viewer/MprGeometry.h"
#include "metis/viewer/SceneLoader.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/viewer/SliceTool.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace metis;
using namespace metis::viewer;

namespace {

/// Rows along +y (anterior to posterior), columns along -z (superior to inferior), slices along
/// +x (right to left): a typical sagittal 3D acquisition.
ImageGeometry sagittalGeometry() {
    ImageGeometry geometry;
    geometry.size = {30, 40, 20};
    geometry.spacing = {1, 1, 1};
    geometry.origin = {-10, -15, 20};
    geometry.direction = {{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}};
    return geometry;
}

ImageGeometry axialGeometry() {
    ImageGeometry geometry;
    geometry.size = {40, 30, 20};
    geometry.spacing = {1, 1, 2};
    geometry.origin = {-20, -15, -20};
    return geometry;
}

std::vector<std::pair<int, int>> nonZeroPixels(const SliceData<std::uint16_t>& slice) {
    std::vector<std::pair<int, int>> pixels;
    for (int v = 0; v < slice.geometry.height; ++v) {
        for (int u = 0; u < slice.geometry.width; ++u) {
            if (slice.at(u, v) != 0) {
                pixels.emplace_back(u, v);
            }
        }
    }
    return pixels;
}

SliceData<std::uint16_t> labelSliceThrough(const LabelMap& labels, ViewOrientation orientation,
                                           const Vec3& point) {
    return resliceLabels(labels, sliceGeometryFor(labels.geometry(), orientation, point));
}

using Pixels = std::vector<std::pair<int, int>>;

} // namespace

class TestMpr : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void axialAcquisitionInAllThreeViews() {
        LabelMap labels(axialGeometry());
        labels.at(30, 5, 12) = 7;
        const Vec3 marker = labels.geometry().indexToPatient({30, 5, 12});
        QCOMPARE(marker, (Vec3{10, -10, 4}));

        const SliceData<std::uint16_t> axial =
            labelSliceThrough(labels, ViewOrientation::Axial, marker);
        QCOMPARE(axial.geometry.width, 40);
        QCOMPARE(axial.geometry.height, 30);
        QCOMPARE(nonZeroPixels(axial), (Pixels{{30, 5}}));
        QCOMPARE(axial.at(30, 5), std::uint16_t{7});

        // Coronal: z from 19 (top edge) down in 1 mm pixels (the finest spacing); the 2 mm thick
        // voxel covers two pixel rows.
        const SliceData<std::uint16_t> coronal =
            labelSliceThrough(labels, ViewOrientation::Coronal, marker);
        QCOMPARE(coronal.geometry.width, 40);
        QCOMPARE(coronal.geometry.height, 40);
        QCOMPARE(nonZeroPixels(coronal), (Pixels{{30, 14}, {30, 15}}));

        const SliceData<std::uint16_t> sagittal =
            labelSliceThrough(labels, ViewOrientation::Sagittal, marker);
        QCOMPARE(sagittal.geometry.width, 30);
        QCOMPARE(nonZeroPixels(sagittal), (Pixels{{5, 14}, {5, 15}}));

        // A slice beside the marker does not show it.
        const SliceData<std::uint16_t> nextAxial = labelSliceThrough(
            labels, ViewOrientation::Axial, {marker[0], marker[1], marker[2] + 2});
        QVERIFY(nonZeroPixels(nextAxial).empty());
    }

    void sagittalAcquisitionShowsProperAxialAndCoronalViews() {
        LabelMap labels(sagittalGeometry());
        labels.at(4, 10, 15) = 1;
        const Vec3 marker = labels.geometry().indexToPatient({4, 10, 15});
        QCOMPARE(marker, (Vec3{5, -11, 10})); // left, anterior, superior of the origin

        // Axial: x in [-10.5, 9.5] left to right on screen, y in [-15.5, 14.5] top to bottom.
        const SliceData<std::uint16_t> axial =
            labelSliceThrough(labels, ViewOrientation::Axial, marker);
        QCOMPARE(axial.geometry.width, 20);
        QCOMPARE(axial.geometry.height, 30);
        QCOMPARE(nonZeroPixels(axial), (Pixels{{15, 4}}));

        const SliceData<std::uint16_t> coronal =
            labelSliceThrough(labels, ViewOrientation::Coronal, marker);
        QCOMPARE(coronal.geometry.height, 40);
        QCOMPARE(nonZeroPixels(coronal), (Pixels{{15, 10}}));

        const SliceData<std::uint16_t> sagittal =
            labelSliceThrough(labels, ViewOrientation::Sagittal, marker);
        QCOMPARE(sagittal.geometry.width, 30);
        QCOMPARE(nonZeroPixels(sagittal), (Pixels{{4, 10}}));
    }

    void obliqueAcquisitionLandsAtTheProjectedPixel() {
        ImageGeometry geometry;
        geometry.size = {40, 40, 30};
        geometry.spacing = {1, 1, 1};
        geometry.origin = {-20, -25, -10};
        const double angle = 30.0 * M_PI / 180.0;
        geometry.direction = {{{std::cos(angle), -std::sin(angle), 0},
                               {std::sin(angle), std::cos(angle), 0},
                               {0, 0, 1}}};
        LabelMap labels(geometry);
        for (int dk = -1; dk <= 1; ++dk) {
            for (int dj = -1; dj <= 1; ++dj) {
                for (int di = -1; di <= 1; ++di) {
                    labels.at(25 + di, 12 + dj, 15 + dk) = 1;
                }
            }
        }
        const Vec3 marker = geometry.indexToPatient({25, 12, 15});
        for (const ViewOrientation orientation :
             {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
            const SliceData<std::uint16_t> slice = labelSliceThrough(labels, orientation, marker);
            const Vec2 expected = slice.geometry.patientToPixel(marker);
            const Pixels pixels = nonZeroPixels(slice);
            QVERIFY2(!pixels.empty(), orientationName(orientation));
            double sumU = 0, sumV = 0;
            for (const auto& [u, v] : pixels) {
                sumU += u;
                sumV += v;
                // Every hit lies within the rotated 3 mm cube around the marker.
                QVERIFY(std::hypot(u - expected[0], v - expected[1]) < 2.2);
            }
            QVERIFY(std::abs(sumU / pixels.size() - expected[0]) < 0.6);
            QVERIFY(std::abs(sumV / pixels.size() - expected[1]) < 0.6);
            // Independent check of the projection: axial pixel axes are patient x and y.
            if (orientation == ViewOrientation::Axial) {
                const Vec3 topLeft = slice.geometry.pixelToPatient({0, 0});
                QVERIFY(std::abs(expected[0] -
                                 (marker[0] - topLeft[0]) / slice.geometry.spacingMm) < 1e-9);
                QVERIFY(std::abs(expected[1] -
                                 (marker[1] - topLeft[1]) / slice.geometry.spacingMm) < 1e-9);
            }
        }
    }

    void anisotropicVoxelsGiveSquarePixels() {
        ImageGeometry geometry;
        geometry.size = {100, 80, 10};
        geometry.spacing = {0.5, 0.5, 4.0};
        const SliceGeometry coronal =
            sliceGeometryFor(geometry, ViewOrientation::Coronal, {0, 0, 0});
        QCOMPARE(coronal.spacingMm, 0.5);
        QCOMPARE(coronal.width, 100);
        QCOMPARE(coronal.height, 80); // 40 mm of slices at 0.5 mm pixels
    }

    void imageInterpolationAndOutside() {
        ImageVolume image(axialGeometry(), 0.0f);
        image.at(10, 10, 5) = 100.0f;
        image.at(11, 10, 5) = 200.0f;
        const Vec3 centre = image.geometry().indexToPatient({10, 10, 5});
        SliceGeometry slice = sliceGeometryFor(image.geometry(), ViewOrientation::Axial, centre);
        const SliceData<float> exact = resliceImage(image, slice);
        QCOMPARE(exact.at(10, 10), 100.0f);
        QCOMPARE(exact.at(11, 10), 200.0f);
        // Half a voxel along x between the two values.
        slice.originMm[0] += 0.5;
        QCOMPARE(resliceImage(image, slice).at(10, 10), 150.0f);
        // Beyond the volume: NaN, painted black.
        slice.originMm[0] -= 50.0;
        const SliceData<float> outside = resliceImage(image, slice);
        QVERIFY(std::isnan(outside.at(0, 0)));
        QCOMPARE(int(windowLevelToRgba(outside, {100, 50}).pixel(0, 0)[0]), 0);
    }

    void resliceMatchesDirectTrilinearInterpolation() {
        // Off-grid planes and pixel positions, an axis-aligned (sagittal) and an oblique grid:
        // every pixel equals trilinear interpolation computed directly at its patient position.
        ImageGeometry oblique = axialGeometry();
        const double angle = 20.0 * M_PI / 180.0;
        oblique.direction = {{{1, 0, 0},
                              {0, std::cos(angle), -std::sin(angle)},
                              {0, std::sin(angle), std::cos(angle)}}};
        for (const ImageGeometry& geometry : {sagittalGeometry(), oblique}) {
            ImageVolume image(geometry);
            for (std::size_t n = 0; n < image.data().size(); ++n) {
                image.data()[n] = static_cast<float>((n * 7919) % 1000);
            }
            auto direct = [&](const Vec3& point) {
                const Vec3 index = geometry.patientToIndex(point);
                double value = 0.0;
                for (int corner = 0; corner < 8; ++corner) {
                    double weight = 1.0;
                    std::array<std::int64_t, 3> voxel{};
                    for (int axis = 0; axis < 3; ++axis) {
                        const double x =
                            std::clamp(index[axis], 0.0, double(geometry.size[axis] - 1));
                        const auto low =
                            std::min<std::int64_t>(std::int64_t(x), geometry.size[axis] - 2);
                        const double f = x - double(low);
                        const bool upper = corner >> axis & 1;
                        voxel[axis] = low + (upper ? 1 : 0);
                        weight *= upper ? f : 1.0 - f;
                    }
                    value += weight * image.at(voxel[0], voxel[1], voxel[2]);
                }
                return value;
            };
            for (const ViewOrientation orientation :
                 {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
                SliceGeometry slice = sliceGeometryFor(geometry, orientation, {0.3, -1.7, 2.2});
                slice.originMm = slice.pixelToPatient({0.37, 0.61});
                const SliceData<float> data = resliceImage(image, slice);
                int compared = 0;
                for (int v = 0; v < slice.height; v += 3) {
                    for (int u = 0; u < slice.width; u += 3) {
                        const Vec3 point = slice.pixelToPatient({double(u), double(v)});
                        const Vec3 index = geometry.patientToIndex(point);
                        bool inside = true;
                        for (int axis = 0; axis < 3; ++axis) {
                            inside = inside && index[axis] >= -0.5 &&
                                     index[axis] <= geometry.size[axis] - 0.5;
                        }
                        if (!inside) {
                            QVERIFY(std::isnan(data.at(u, v)));
                            continue;
                        }
                        QVERIFY2(std::abs(data.at(u, v) - direct(point)) < 1e-2,
                                 qPrintable(QString("%1 (%2, %3): %4 vs %5")
                                                .arg(orientationName(orientation))
                                                .arg(u)
                                                .arg(v)
                                                .arg(data.at(u, v))
                                                .arg(direct(point))));
                        ++compared;
                    }
                }
                QVERIFY(compared > 20);
            }
        }
    }

    void screenMappingOfAKnownVoxel() {
        LabelMap labels(axialGeometry());
        const Vec3 marker = labels.geometry().indexToPatient({30, 5, 12});
        SliceViewState state;
        state.cursorMm = marker;
        const SliceGeometry slice =
            sliceGeometryFor(labels.geometry(), ViewOrientation::Axial, marker);
        // 40 x 30 slice in 400 x 400: 10 screen pixels per slice pixel, 50 px bars above and below.
        const ViewTransform view(slice, state, 400, 400);
        QCOMPARE(view.scale(), 10.0);
        const Vec2 screen = view.patientToScreen(marker);
        QCOMPARE(screen, (Vec2{305, 105}));
        const Vec3 back = view.screenToPatient(screen);
        for (int axis = 0; axis < 3; ++axis) {
            QVERIFY(std::abs(back[axis] - marker[axis]) < 1e-9);
        }
        // Zoom 2 around the centre, then pan 5 mm right: the voxel moves away from the centre
        // twice as far and then 100 px (5 mm * 20 px/mm) right.
        state.zoom = 2.0;
        state.panMm = {5, 0};
        const ViewTransform zoomed(slice, state, 400, 400);
        QCOMPARE(zoomed.patientToScreen(marker),
                 (Vec2{200 + 2 * 105 + 100, 200 + 2 * (105 - 200)}));
    }

    void orientationLettersPerView() {
        const OrientationLetters axial = orientationLetters(viewAxes(ViewOrientation::Axial));
        QCOMPARE(QString::fromStdString(axial.left + axial.right + axial.top + axial.bottom),
                 QString("RLAP"));
        const OrientationLetters coronal = orientationLetters(viewAxes(ViewOrientation::Coronal));
        QCOMPARE(
            QString::fromStdString(coronal.left + coronal.right + coronal.top + coronal.bottom),
            QString("RLSI"));
        const OrientationLetters sagittal = orientationLetters(viewAxes(ViewOrientation::Sagittal));
        QCOMPARE(
            QString::fromStdString(sagittal.left + sagittal.right + sagittal.top + sagittal.bottom),
            QString("APSI"));
        QCOMPARE(QString::fromStdString(directionLetters({0.866, -0.5, 0})), QString("LA"));
        QCOMPARE(QString::fromStdString(directionLetters({0.97, 0.1, -0.2})), QString("L"));
    }

    void scrollingVisitsEveryAcquiredSlice() {
        const ImageGeometry geometry = sagittalGeometry();
        // Axial scrolling on a sagittal acquisition steps along its column axis (-z, 1 mm).
        Vec3 cursor{0.3, 0.2, 10.4};
        cursor = scrollCursor(geometry, ViewOrientation::Axial, cursor, 1);
        QCOMPARE(cursor, (Vec3{0.3, 0.2, 11.0}));
        cursor = scrollCursor(geometry, ViewOrientation::Axial, cursor, -3);
        QCOMPARE(cursor, (Vec3{0.3, 0.2, 8.0}));
        cursor = scrollCursor(geometry, ViewOrientation::Axial, cursor, 1000);
        QCOMPARE(cursor[2], 20.0); // the top slice
        // Sagittal view normal is patient right (-x); slices are along +x.
        cursor = scrollCursor(geometry, ViewOrientation::Sagittal, {0, 0, 0}, 2);
        QCOMPARE(cursor, (Vec3{-2, 0, 0}));
    }

    void scaleBarIsRound() {
        QCOMPARE(scaleBarLengthMm(2.0, 100.0), 50.0);
        QCOMPARE(scaleBarLengthMm(3.0, 100.0), 20.0);
        QCOMPARE(scaleBarLengthMm(30.0, 100.0), 2.0);
        QCOMPARE(scaleBarLengthMm(0.5, 100.0), 200.0);
    }

    void cursorReadout() {
        ImageVolume image(axialGeometry(), 1.0f);
        image.at(30, 5, 12) = 42.5f;
        const CursorReadout readout = readoutAt(image, {10.2, -9.8, 4.4});
        QVERIFY(readout.insideVolume);
        QCOMPARE(readout.voxelIndex, (std::array<std::int64_t, 3>{30, 5, 12}));
        QCOMPARE(readout.value, 42.5f);
        QVERIFY(!readoutAt(image, {500, 0, 0}).insideVolume);
    }

    void windowLevelAndFillCompositing() {
        SliceData<float> slice;
        slice.geometry.width = 3;
        slice.geometry.height = 1;
        slice.values = {-20.0f, 100.0f, 300.0f};
        RgbaImage image = windowLevelToRgba(slice, {255, 127.5});
        QCOMPARE(int(image.pixel(0, 0)[0]), 0);
        QCOMPARE(int(image.pixel(1, 0)[0]), 100);
        QCOMPARE(int(image.pixel(2, 0)[0]), 255);
        QCOMPARE(int(image.pixel(2, 0)[3]), 255);

        SliceData<std::uint16_t> labels;
        labels.geometry = slice.geometry;
        labels.values = {0, 3, 0};
        blendFill(image, labels, {255, 255, 0}, 0.5);
        QCOMPARE(int(image.pixel(0, 0)[0]), 0);
        QCOMPARE(int(image.pixel(1, 0)[0]), 178);
        QCOMPARE(int(image.pixel(1, 0)[1]), 178);
        QCOMPARE(int(image.pixel(1, 0)[2]), 50);
        QCOMPARE(int(image.pixel(2, 0)[2]), 255);

        SliceData<float> probabilities;
        probabilities.geometry = slice.geometry;
        probabilities.values = {0.05f, 1.0f, std::nanf("")};
        RgbaImage heat = windowLevelToRgba(slice, {255, 127.5});
        blendHeatMap(heat, probabilities, 0.1, 1.0);
        QCOMPARE(int(heat.pixel(0, 0)[0]), 0); // below threshold: untouched
        QCOMPARE(int(heat.pixel(1, 0)[0]), 255);
        QCOMPARE(int(heat.pixel(1, 0)[1]), 255);
        QCOMPARE(int(heat.pixel(1, 0)[2]), 0);
    }

    void outlinesAreVectorPathsAroundTheLabel() {
        SliceData<std::uint16_t> labels;
        labels.geometry.width = 12;
        labels.geometry.height = 10;
        labels.values.assign(120, 0);
        for (int v = 4; v <= 6; ++v) {
            for (int u = 5; u <= 7; ++u) {
                labels.values[static_cast<std::size_t>(v) * 12 + u] = 2;
            }
        }
        const std::vector<Polygon2> polygons = outlinePolygons(labels);
        QCOMPARE(polygons.size(), std::size_t{1});
        double minU = 1e9, maxU = -1e9, minV = 1e9, maxV = -1e9;
        for (const auto& point : polygons[0]) {
            minU = std::min(minU, point[0]);
            maxU = std::max(maxU, point[0]);
            minV = std::min(minV, point[1]);
            maxV = std::max(maxV, point[1]);
        }
        // Halfway between the inside and outside pixel centres.
        QCOMPARE(minU, 4.5);
        QCOMPARE(maxU, 7.5);
        QCOMPARE(minV, 3.5);
        QCOMPARE(maxV, 6.5);
    }

    void sceneRendersBothGtvLayers() {
        auto image = std::make_shared<ImageVolume>(axialGeometry(), 100.0f);
        auto manual = std::make_shared<LabelMap>(axialGeometry());
        auto predicted = std::make_shared<LabelMap>(axialGeometry());
        manual->at(10, 10, 10) = 1;
        predicted->at(20, 10, 10) = 1;
        ViewerScene scene;
        scene.image = image;
        scene.overlays = {manualGtvLayer(manual), predictedGtvLayer(predicted)};
        SliceViewState state;
        state.cursorMm = image->geometry().indexToPatient({10, 10, 10});
        state.windowLevel = {255, 127.5};
        RenderedSlice rendered = renderSlice(scene, state);
        QCOMPARE(rendered.outlines.size(), std::size_t{2});
        QCOMPARE(rendered.outlines[0].colour, (RgbColour{255, 255, 0}));
        QCOMPARE(rendered.outlines[1].colour, (RgbColour{0, 255, 0}));
        QCOMPARE(rendered.outlines[1].layerIndex, std::size_t{1});
        QCOMPARE(int(rendered.image.pixel(10, 10)[2]), 100); // outlines do not touch the pixels

        scene.overlays[0].style = OverlayStyle::Fill;
        scene.overlays[0].opacity = 1.0;
        scene.overlays[1].visible = false;
        rendered = renderSlice(scene, state);
        QVERIFY(rendered.outlines.empty());
        QCOMPARE(int(rendered.image.pixel(10, 10)[2]), 0);
        QCOMPARE(int(rendered.image.pixel(10, 10)[0]), 255);
        QCOMPARE(int(rendered.image.pixel(11, 10)[2]), 100);
    }

    void labelPatchesMatchTheFullSlice() {
        LabelMap labels(sagittalGeometry());
        const LabelBounds none = labelBounds(labels);
        QVERIFY(none.empty);
        for (int k = 3; k <= 6; ++k) {
            for (int j = 10; j <= 14; ++j) {
                labels.at(20, j, k) = 1;
                labels.at(21, j + 1, k) = 1;
            }
        }
        const LabelBounds bounds = labelBounds(labels);
        QVERIFY(!bounds.empty);
        QCOMPARE(bounds.min, (Size3{20, 10, 3}));
        QCOMPARE(bounds.max, (Size3{21, 15, 6}));
        for (const ViewOrientation orientation :
             {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
            const Vec3 through = labels.geometry().indexToPatient({20, 12, 4});
            const SliceGeometry slice = sliceGeometryFor(labels.geometry(), orientation, through);
            std::array<int, 2> offset{};
            const SliceGeometry patch = labelPatch(slice, labels.geometry(), bounds, offset);
            QVERIFY(patch.width > 0 && patch.width < slice.width);
            const SliceData<std::uint16_t> full = resliceLabels(labels, slice);
            const SliceData<std::uint16_t> part = resliceLabels(labels, patch);
            std::size_t fullCount = 0, partCount = 0;
            for (int v = 0; v < slice.height; ++v) {
                for (int u = 0; u < slice.width; ++u) {
                    fullCount += full.at(u, v) != 0;
                    const bool inPatch = u >= offset[0] && v >= offset[1] &&
                                         u < offset[0] + patch.width &&
                                         v < offset[1] + patch.height;
                    if (inPatch) {
                        QCOMPARE(part.at(u - offset[0], v - offset[1]), full.at(u, v));
                        partCount += part.at(u - offset[0], v - offset[1]) != 0;
                    }
                }
            }
            QVERIFY(fullCount > 0);
            QCOMPARE(partCount, fullCount);
            // A plane beside the box needs no labels at all.
            const SliceGeometry away = sliceGeometryFor(
                labels.geometry(), orientation, labels.geometry().indexToPatient({2, 30, 15}));
            QCOMPARE(labelPatch(away, labels.geometry(), bounds, offset).width, 0);
        }
    }

    void presetsFollowTheHistogram() {
        ImageVolume image(axialGeometry(), 0.0f);
        for (std::size_t n = 0; n < image.data().size(); ++n) {
            image.data()[n] = static_cast<float>(n % 1000) + 1.0f;
        }
        const std::vector<WindowLevelPreset> presets = t1ContrastPresets(image);
        QCOMPARE(presets.size(), std::size_t{3});
        QVERIFY(std::abs(presets[0].windowLevel.level - 500.0) < 15.0);
        QVERIFY(presets[1].windowLevel.level > presets[0].windowLevel.level);
        QCOMPARE(presets[2].windowLevel.window, 999.0);
    }

    void lesionListMatchesManualAndPredicted() {
        LabelMap manual(axialGeometry());
        LabelMap predicted(axialGeometry());
        // Manual lesion 1 (detected), manual lesion 2 (missed), predicted-only lesion.
        for (int i = 5; i <= 7; ++i) {
            manual.at(i, 5, 2) = 1;
            predicted.at(i + 1, 5, 2) = 1;
            manual.at(i + 20, 20, 10) = 1;
            predicted.at(i, 25, 15) = 1;
        }
        const std::vector<LesionEntry> entries = buildLesionList(&manual, &predicted);
        QCOMPARE(entries.size(), std::size_t{3});
        QCOMPARE(entries[0].kind, LesionEntry::Kind::Matched);
        QCOMPARE(entries[0].centreMm, manual.geometry().indexToPatient({6, 5, 2}));
        QVERIFY(std::abs(entries[0].dice - 2.0 * 2 / 6) < 1e-9);
        QCOMPARE(entries[1].kind, LesionEntry::Kind::ManualOnly);
        QCOMPARE(entries[1].centreMm, manual.geometry().indexToPatient({26, 20, 10}));
        QCOMPARE(entries[2].kind, LesionEntry::Kind::PredictedOnly);
        QCOMPARE(entries[2].centreMm, manual.geometry().indexToPatient({6, 25, 15}));
        QVERIFY(QString::fromStdString(entries[0].description()).contains("Dice 0.67"));

        const std::vector<LesionEntry> manualOnly = buildLesionList(&manual, nullptr);
        QCOMPARE(manualOnly.size(), std::size_t{2});
        QCOMPARE(manualOnly[1].manualId, std::uint16_t{2});

        LabelMap otherGrid(sagittalGeometry());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, buildLesionList(&manual, &otherGrid));
    }

    void loadsAnImageWithItsGtvLayers() {
        QTemporaryDir directory;
        // MetaImage written by hand (header + raw data), independent of the loader's libraries.
        auto writeMha = [&](const QString& name, const char* elementType, const QByteArray& data) {
            QFile file(directory.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                "TransformMatrix = 1 0 0 0 1 0 0 0 1\nOffset = -10 -5 0\nElementSpacing = 1 1 2\n"
                "DimSize = 4 3 2\nElementType = ");
            file.write(elementType);
            file.write("\nElementDataFile = LOCAL\n");
            file.write(data);
        };
        std::vector<float> values(24);
        std::vector<std::uint16_t> labels(24, 0);
        for (std::size_t n = 0; n < values.size(); ++n) {
            values[n] = static_cast<float>(n) * 1.5f;
        }
        labels[1 + 4 * (2 + 3 * 1)] = 3;
        writeMha("image.mha", "MET_FLOAT",
                 QByteArray(reinterpret_cast<const char*>(values.data()),
                            int(values.size() * sizeof(float))));
        writeMha("manual.mha", "MET_USHORT",
                 QByteArray(reinterpret_cast<const char*>(labels.data()), int(labels.size() * 2)));

        const ViewerScene scene = loadViewerScene(directory.filePath("image.mha").toStdString(),
                                                  directory.filePath("manual.mha").toStdString());
        QVERIFY(scene.image);
        QCOMPARE(scene.image->size(), (Size3{4, 3, 2}));
        QCOMPARE(scene.image->geometry().spacing, (Vec3{1, 1, 2}));
        QCOMPARE(scene.image->geometry().origin, (Vec3{-10, -5, 0}));
        QCOMPARE(scene.image->at(1, 2, 1), 1.5f * (1 + 4 * (2 + 3 * 1)));
        QCOMPARE(scene.overlays.size(), std::size_t{1});
        QCOMPARE(scene.overlays[0].colour, (RgbColour{255, 255, 0}));
        QCOMPARE(scene.overlays[0].labels->at(1, 2, 1), std::uint16_t{3});

        const std::string missing = directory.filePath("missing.nii.gz").toStdString();
        try {
            loadViewerScene(missing);
            QFAIL("a missing file must throw");
        } catch (const std::runtime_error& error) {
            QVERIFY(QString(error.what()).contains("missing.nii.gz"));
        }
        QVERIFY(QDir(directory.path()).mkdir("empty"));
        try {
            loadViewerScene(directory.filePath("empty").toStdString());
            QFAIL("a folder without DICOM must throw");
        } catch (const std::runtime_error& error) {
            QVERIFY2(QString(error.what()).contains("empty"), error.what());
        }
    }

    void crosshairToolWorksInSliceCoordinates() {
        CrosshairTool tool;
        SlicePointerEvent event;
        event.patientMm = {1, 2, 3};
        event.buttons = SlicePointerEvent::RightButton;
        QVERIFY(!tool.press(event).consumed);
        QVERIFY(!tool.move(event).moveCursor);
        event.buttons = SlicePointerEvent::LeftButton;
        const SliceToolResult pressed = tool.press(event);
        QVERIFY(pressed.consumed && pressed.moveCursor);
        QCOMPARE(pressed.cursorMm, (Vec3{1, 2, 3}));
        event.patientMm = {4, 5, 6};
        QCOMPARE(tool.move(event).cursorMm, (Vec3{4, 5, 6}));
        QVERIFY(tool.release(event).moveCursor);
        QVERIFY(!tool.move(event).moveCursor);
    }
};

QTEST_GUILESS_MAIN(TestMpr)
#include "test_mpr.moc"
