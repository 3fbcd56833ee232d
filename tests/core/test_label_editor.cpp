#include "TestVolumes.h"
#include "metis/core/LabelEditTools.h"
#include "metis/core/LabelEditor.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace metis;
using testvolumes::grid;

namespace {

std::size_t countValue(const LabelMap& mask, std::uint16_t value) {
    return static_cast<std::size_t>(std::count(mask.data().begin(), mask.data().end(), value));
}

EditPlane axialPlaneAt(double zMm) {
    return EditPlane{{0, 0, zMm}, {1, 0, 0}, {0, 1, 0}};
}

/// Paints a disc of `radius` voxels on slice k (index space) through an editor step.
void paintDisc(LabelEditor& editor, std::int64_t k, double ci, double cj, double radius,
               std::uint16_t label) {
    const ImageGeometry& g = editor.geometry();
    for (std::int64_t j = 0; j < g.size[1]; ++j) {
        for (std::int64_t i = 0; i < g.size[0]; ++i) {
            if ((i - ci) * (i - ci) + (j - cj) * (j - cj) <= radius * radius) {
                editor.set(g.linearIndex(i, j, k), label);
            }
        }
    }
}

} // namespace

TEST(CoreLabelEditor, stepStoresOnlyTheChangedBoxAndUndoRedoRestoreIt) {
    LabelMap original(grid(64, 64, 40));
    original.at(5, 5, 5) = 3;
    LabelEditor editor(original);
    editor.begin("Brush");
    paintDisc(editor, 20, 30, 30, 5, 1);
    editor.set(original.geometry().linearIndex(5, 5, 5), 3); // unchanged value: not a change
    ASSERT_TRUE(editor.commit());
    const LabelMap painted = editor.mask();
    ASSERT_EQ(editor.undoName(), std::string("Brush"));
    ASSERT_EQ(countValue(painted, 1), std::size_t{81});
    // A disc of 81 voxels in an 11 x 11 box: two runs or so per row, far below the volume.
    ASSERT_TRUE(editor.historyBytes() < 2000);
    ASSERT_TRUE(editor.undo());
    ASSERT_EQ(editor.mask().data(), original.data());
    ASSERT_EQ(editor.redoName(), std::string("Brush"));
    ASSERT_TRUE(editor.redo());
    ASSERT_EQ(editor.mask().data(), painted.data());
    ASSERT_TRUE(!editor.redo());
}

TEST(CoreLabelEditor, aStepThatChangesNothingIsNotRecorded) {
    LabelEditor editor(LabelMap(grid(8, 8, 8)));
    editor.begin("Brush");
    editor.set(0, 1);
    editor.set(0, 0);
    ASSERT_TRUE(!editor.commit());
    ASSERT_TRUE(!editor.canUndo());
    ASSERT_THROW(editor.set(0, 1), std::logic_error);
}

TEST(CoreLabelEditor, aFailedPersistLeavesTheEditorAsItWas) {
    LabelEditor editor(LabelMap(grid(16, 16, 4)));
    editor.begin("Brush");
    paintDisc(editor, 1, 8, 8, 3, 1);
    ASSERT_TRUE(editor.commit());
    const LabelMap afterFirst = editor.mask();
    const auto failing = [](LabelEditor::Action, const LabelEditStep&) {
        throw std::runtime_error("disk full");
    };
    editor.begin("Eraser");
    paintDisc(editor, 1, 8, 8, 2, 0);
    ASSERT_THROW(editor.commit(failing), std::runtime_error);
    ASSERT_TRUE(editor.stepOpen());
    editor.cancel();
    ASSERT_EQ(editor.mask().data(), afterFirst.data());
    ASSERT_EQ(editor.undoSteps(), std::size_t{1});
    ASSERT_THROW(editor.undo(failing), std::runtime_error);
    ASSERT_EQ(editor.mask().data(), afterFirst.data());
    ASSERT_EQ(editor.undoSteps(), std::size_t{1});
    ASSERT_TRUE(editor.undo());
    ASSERT_THROW(editor.redo(failing), std::runtime_error);
    ASSERT_EQ(countValue(editor.mask(), 1), std::size_t{0});
    ASSERT_EQ(editor.redoSteps(), std::size_t{1});
}

TEST(CoreLabelEditor, deltaSurvivesItsBinaryFormAndRefusesDamage) {
    LabelEditor editor(LabelMap(grid(32, 32, 8)));
    std::vector<LabelEditStep> steps;
    editor.begin("Brush");
    paintDisc(editor, 3, 10, 12, 4, 2);
    ASSERT_TRUE(editor.commit(
        [&](LabelEditor::Action, const LabelEditStep& step) { steps.push_back(step); }));
    const std::string bytes = steps.at(0).delta.serialize();
    const LabelDelta copy = LabelDelta::deserialize(bytes);
    LabelMap replayed(grid(32, 32, 8));
    copy.applyAfter(replayed);
    ASSERT_EQ(replayed.data(), editor.mask().data());
    copy.applyBefore(replayed);
    ASSERT_EQ(countValue(replayed, 0), replayed.data().size());
    ASSERT_THROW(LabelDelta::deserialize(bytes.substr(0, bytes.size() - 3)), std::invalid_argument);
    std::string damaged = bytes;
    damaged[damaged.size() - 2] ^= 0x40; // a run length that no longer fills the box
    ASSERT_THROW(LabelDelta::deserialize(damaged), std::invalid_argument);
    LabelMap tooSmall(grid(8, 8, 8));
    ASSERT_THROW(copy.applyAfter(tooSmall), std::invalid_argument);
}

TEST(CoreLabelEditor, historyCapDropsTheOldestSteps) {
    LabelEditor editor(LabelMap(grid(64, 64, 10)), 3000);
    for (int step = 0; step < 10; ++step) {
        editor.begin("Brush " + std::to_string(step));
        paintDisc(editor, step, 32, 32, 10, 1);
        ASSERT_TRUE(editor.commit());
    }
    ASSERT_TRUE(editor.historyBytes() <= 3000);
    ASSERT_TRUE(editor.undoSteps() < 10);
    ASSERT_TRUE(editor.undoSteps() >= 1);
    ASSERT_EQ(editor.undoName(), std::string("Brush 9"));
}

/// A random sequence of 200 edits with undos and redos mixed in: at every point the mask
/// equals the one recorded for that history position, all undone gives the original, all
/// redone the final mask.
TEST(CoreLabelEditor, randomEditSequenceUndoesAndRedoesExactly) {
    std::mt19937 random(20261204);
    const Mat3 sagittal{{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}};
    LabelMap original(grid(48, 40, 24, {0.9, 0.9, 2.5}, {-20, -18, 30}, sagittal));
    testvolumes::paintSphere(original, original.geometry().indexToPatient({24, 20, 12}), 6, 1);
    LabelEditor editor(original);
    std::vector<LabelMap> states{original};
    std::size_t position = 0;
    std::uniform_real_distribution<double> unitRandom(0.0, 1.0);
    const ImageGeometry& g = original.geometry();
    auto randomPoint = [&]() {
        return g.indexToPatient({unitRandom(random) * (g.size[0] - 1),
                                 unitRandom(random) * (g.size[1] - 1),
                                 unitRandom(random) * (g.size[2] - 1)});
    };
    int edits = 0;
    while (edits < 200) {
        const double choice = unitRandom(random);
        if (choice < 0.12 && editor.canUndo()) {
            ASSERT_TRUE(editor.undo());
            --position;
            ASSERT_EQ(editor.mask().data(), states[position].data());
            continue;
        }
        if (choice < 0.2 && editor.canRedo()) {
            ASSERT_TRUE(editor.redo());
            ++position;
            ASSERT_EQ(editor.mask().data(), states[position].data());
            continue;
        }
        const Vec3 centre = randomPoint();
        const EditPlane plane{centre, {1, 0, 0}, {0, 1, 0}};
        const auto label = static_cast<std::uint16_t>(1 + random() % 4);
        const int kind = static_cast<int>(random() % 7);
        editor.begin("Edit " + std::to_string(edits));
        if (kind == 0 || kind == 1) {
            paintVoxels(editor,
                        brushVoxels(g, plane, centre, randomPoint(), 2 + 10 * unitRandom(random),
                                    kind == 0 ? BrushShape::Disc : BrushShape::Sphere),
                        PaintRule::paint(label));
        } else if (kind == 2) {
            paintVoxels(editor, brushVoxels(g, plane, centre, centre, 12, BrushShape::Sphere),
                        PaintRule::erase());
        } else if (kind == 3) {
            const std::vector<Vec3> polygon{centre,
                                            {centre[0] + 15, centre[1], centre[2]},
                                            {centre[0] + 5, centre[1] + 12, centre[2]}};
            paintVoxels(editor, polygonVoxels(g, plane, polygon), PaintRule::paint(label));
        } else if (kind == 4) {
            fillHoles(editor, label, 2, 0, g.size[2] - 1);
        } else if (kind == 5) {
            interpolateSlices(editor, label, static_cast<int>(random() % 3));
        } else {
            removeSmallIslands(editor, 40.0);
        }
        if (editor.commit()) {
            states.resize(position + 1);
            states.push_back(editor.mask());
            ++position;
            ++edits;
        }
    }
    const LabelMap final = editor.mask();
    while (editor.undo()) {
    }
    ASSERT_EQ(editor.mask().data(), original.data());
    while (editor.redo()) {
    }
    ASSERT_EQ(editor.mask().data(), final.data());
    ASSERT_EQ(final.data(), states.back().data());
}

TEST(CoreLabelEditor, brushHasItsTrueSizeInMillimetres) {
    // 0.5 mm pixels, 3 mm slices: a 10 mm disc covers pi * 5^2 mm2 = ~314 pixels of 0.25 mm2,
    // on one slice only; a 10 mm ball covers (4/3) pi 125 mm3 = ~524 mm3.
    const ImageGeometry g = grid(80, 80, 12, {0.5, 0.5, 3.0});
    const Vec3 centre = g.indexToPatient({40, 40, 6});
    const EditPlane plane = axialPlaneAt(centre[2]);
    const auto disc = brushVoxels(g, plane, centre, centre, 10, BrushShape::Disc);
    ASSERT_TRUE(std::abs(static_cast<double>(disc.size()) * 0.25 - 78.54) < 0.05 * 78.54);
    for (const std::size_t index : disc) {
        ASSERT_EQ(static_cast<std::int64_t>(index / (80 * 80)), std::int64_t{6});
    }
    const auto ball = brushVoxels(g, plane, centre, centre, 10, BrushShape::Sphere);
    const double ballMm3 = static_cast<double>(ball.size()) * 0.75;
    ASSERT_TRUE(std::abs(ballMm3 - 523.6) < 0.15 * 523.6) << std::to_string(ballMm3);
    // A drag sweeps a capsule: 20 mm long, 4 mm wide = ~80 + 4 pi mm2.
    const Vec3 end{centre[0] + 20, centre[1], centre[2]};
    const auto stroke = brushVoxels(g, plane, centre, end, 4, BrushShape::Disc);
    const double strokeMm2 = static_cast<double>(stroke.size()) * 0.25;
    ASSERT_TRUE(std::abs(strokeMm2 - (80 + 4 * M_PI)) < 6) << std::to_string(strokeMm2);
    // Smaller than a voxel: the voxel under the pointer.
    ASSERT_EQ(brushVoxels(g, plane, centre, centre, 0.1, BrushShape::Disc).size(), std::size_t{1});
}

TEST(CoreLabelEditor, brushInAnAxialViewOfASagittalAcquisition) {
    // Sagittal acquisition: index i runs anterior-posterior (y), j runs head-foot (-z),
    // k runs left-right (x) with 4 mm slices. An axial disc covers one row j and several
    // sagittal slices k: its true size across the 4 mm slices.
    const Mat3 sagittal{{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}};
    const ImageGeometry g = grid(100, 100, 20, {1, 1, 4}, {-40, -50, 50}, sagittal);
    const Vec3 centre = g.indexToPatient({50, 40, 10});
    const auto disc = brushVoxels(g, axialPlaneAt(centre[2]), centre, centre, 16, BrushShape::Disc);
    std::set<std::int64_t> rows, slices;
    for (const std::size_t index : disc) {
        rows.insert(static_cast<std::int64_t>((index / 100) % 100));
        slices.insert(static_cast<std::int64_t>(index / (100 * 100)));
    }
    ASSERT_EQ(rows.size(), std::size_t{1});
    ASSERT_EQ(*rows.begin(), std::int64_t{40});
    ASSERT_EQ(slices.size(), std::size_t{5}); // x = -8, -4, 0, 4, 8 mm within 8 mm
    ASSERT_EQ(indexAxisClosestTo(g, {0, 0, 1}), 1);
    ASSERT_DOUBLE_EQ(voxelThicknessAlong(g, {0, 0, 1}), 1.0);
    ASSERT_DOUBLE_EQ(voxelThicknessAlong(g, {1, 0, 0}), 4.0);
}

TEST(CoreLabelEditor, polygonFillsTheVoxelCentresInside) {
    const ImageGeometry g = grid(40, 40, 5);
    // A 10 x 10 mm square from 4.5 to 14.5: centres 5..14 inside on both axes.
    const std::vector<Vec3> square{{4.5, 4.5, 2}, {14.5, 4.5, 2}, {14.5, 14.5, 2}, {4.5, 14.5, 2}};
    const auto voxels = polygonVoxels(g, axialPlaneAt(2), square);
    ASSERT_EQ(voxels.size(), std::size_t{100});
    LabelEditor editor{LabelMap(g)};
    editor.begin("Polygon");
    ASSERT_EQ(paintVoxels(editor, voxels, PaintRule::paint(1)), std::size_t{100});
    // Subtracting a smaller square leaves a frame.
    const std::vector<Vec3> inner{{6.5, 6.5, 2}, {12.5, 6.5, 2}, {12.5, 12.5, 2}, {6.5, 12.5, 2}};
    ASSERT_EQ(paintVoxels(editor, polygonVoxels(g, axialPlaneAt(2), inner), PaintRule::erase()),
              std::size_t{36});
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(countValue(editor.mask(), 1), std::size_t{64});
    ASSERT_EQ(editor.mask().at(9, 9, 2), std::uint16_t{0});
    ASSERT_EQ(editor.mask().at(5, 5, 2), std::uint16_t{1});
}

TEST(CoreLabelEditor, paintLeavesOtherLesionsAloneAndThresholdLimitsIt) {
    const ImageGeometry g = grid(20, 20, 3);
    LabelMap start(g);
    start.at(10, 10, 1) = 7;
    ImageVolume image(g, 100.0f);
    image.at(11, 10, 1) = 500.0f;
    image.at(12, 10, 1) = 450.0f;
    LabelEditor editor(start);
    editor.begin("Threshold paint");
    const Vec3 centre{10, 10, 1};
    const auto voxels = brushVoxels(g, axialPlaneAt(1), centre, centre, 7, BrushShape::Disc);
    PaintRule threshold = PaintRule::paint(2);
    threshold.image = &image;
    threshold.low = 400;
    threshold.high = 600;
    ASSERT_EQ(paintVoxels(editor, voxels, threshold), std::size_t{2});
    ASSERT_EQ(editor.mask().at(10, 10, 1), std::uint16_t{7});
    ASSERT_EQ(editor.mask().at(11, 10, 1), std::uint16_t{2});
    // Erasing one lesion only.
    PaintRule eraseTwo = PaintRule::erase();
    eraseTwo.onlyOver = 2;
    ASSERT_EQ(paintVoxels(editor, voxels, eraseTwo), std::size_t{2});
    ASSERT_EQ(editor.mask().at(10, 10, 1), std::uint16_t{7});
    ASSERT_TRUE(!editor.commit()); // painted and erased again: nothing changed, nothing recorded
}

TEST(CoreLabelEditor, fillHolesFillsEnclosedBackgroundOnly) {
    LabelMap start(grid(12, 12, 3));
    for (int i = 2; i <= 8; ++i) {
        for (int j = 2; j <= 8; ++j) {
            if (i == 2 || i == 8 || j == 2 || j == 8) {
                start.at(i, j, 1) = 1;
            }
        }
    }
    start.at(5, 5, 1) = 4; // another lesion inside the hole stays
    LabelEditor editor(start);
    editor.begin("Fill holes");
    ASSERT_EQ(fillHoles(editor, 1, 2, 0, 2), std::size_t{24});
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(editor.mask().at(4, 4, 1), std::uint16_t{1});
    ASSERT_EQ(editor.mask().at(5, 5, 1), std::uint16_t{4});
    ASSERT_EQ(editor.mask().at(0, 0, 1), std::uint16_t{0});
}

TEST(CoreLabelEditor, smallIslandsAreRemovedPerLesion) {
    LabelMap start(grid(30, 30, 30, {1, 1, 2}));
    testvolumes::paintBox(start, {2, 2, 2}, {8, 8, 8}, 1); // 216 voxels = 432 mm3
    start.at(20, 20, 20) = 1;                              // 2 mm3 piece of the same lesion
    start.at(25, 25, 25) = 2;                              // 2 mm3 lesion
    LabelEditor editor(start);
    editor.begin("Remove islands");
    ASSERT_EQ(removeSmallIslands(editor, 10.0, std::uint16_t{1}), std::size_t{1});
    ASSERT_EQ(editor.mask().at(25, 25, 25), std::uint16_t{2});
    ASSERT_EQ(removeSmallIslands(editor, 10.0), std::size_t{1});
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(countValue(editor.mask(), 1), std::size_t{216});
    ASSERT_EQ(countValue(editor.mask(), 2), std::size_t{0});
}

TEST(CoreLabelEditor, smoothingRemovesSpursAndClosesPinholes) {
    LabelMap start(grid(20, 20, 20));
    testvolumes::paintBox(start, {5, 5, 5}, {12, 12, 12}, 1);
    for (int i = 12; i <= 14; ++i) {
        start.at(i, 8, 8) = 1; // a spur three voxels long
    }
    start.at(8, 8, 8) = 0; // a pinhole inside
    {
        LabelEditor editor(start);
        editor.begin("Smooth");
        smoothLesions(editor, SmoothingMethod::Opening);
        ASSERT_TRUE(editor.commit());
        ASSERT_EQ(editor.mask().at(14, 8, 8), std::uint16_t{0});
        ASSERT_EQ(editor.mask().at(13, 8, 8), std::uint16_t{0});
        ASSERT_EQ(editor.mask().at(9, 9, 9), std::uint16_t{1});
    }
    {
        LabelEditor editor(start);
        editor.begin("Smooth");
        smoothLesions(editor, SmoothingMethod::Closing);
        ASSERT_TRUE(editor.commit());
        ASSERT_EQ(editor.mask().at(8, 8, 8), std::uint16_t{1});
    }
    {
        LabelEditor editor(start);
        editor.begin("Smooth");
        smoothLesions(editor, SmoothingMethod::Median);
        ASSERT_TRUE(editor.commit());
        ASSERT_EQ(editor.mask().at(13, 8, 8), std::uint16_t{0});
        ASSERT_EQ(editor.mask().at(8, 8, 8), std::uint16_t{1});
        ASSERT_EQ(editor.mask().at(9, 9, 9), std::uint16_t{1});
    }
}

TEST(CoreLabelEditor, interpolationBlendsTheShapesBetweenEditedSlices) {
    // Radius 3 on slice 2, radius 9 on slice 8: slice 5 halfway gets radius ~6.
    LabelEditor editor(LabelMap(grid(40, 40, 12)));
    editor.begin("Brush");
    paintDisc(editor, 2, 20, 20, 3, 1);
    paintDisc(editor, 8, 20, 20, 9, 1);
    ASSERT_TRUE(editor.commit());
    editor.begin("Interpolate");
    const auto ranges = interpolateSlices(editor, 1, 2);
    ASSERT_EQ(ranges.size(), std::size_t{1});
    ASSERT_EQ(ranges[0].first, std::int64_t{3});
    ASSERT_EQ(ranges[0].second, std::int64_t{7});
    ASSERT_TRUE(editor.commit());
    const auto slices = slicesHolding(editor.mask(), 1, 2);
    ASSERT_EQ(slices.size(), std::size_t{7});
    std::size_t middle = 0;
    for (int j = 0; j < 40; ++j) {
        for (int i = 0; i < 40; ++i) {
            middle += editor.mask().at(i, j, 5) == 1 ? 1 : 0;
        }
    }
    const double area = M_PI * 36;
    ASSERT_TRUE(std::abs(static_cast<double>(middle) - area) < 0.15 * area)
        << std::to_string(middle);
    ASSERT_TRUE(editor.mask().at(20, 20, 5) == 1);
    ASSERT_TRUE(editor.mask().at(20, 28, 5) == 0);
}

TEST(CoreLabelEditor, copyContourAndLesionOperations) {
    LabelEditor editor(LabelMap(grid(30, 30, 10)));
    editor.begin("Brush");
    paintDisc(editor, 4, 10, 10, 3, 1);
    paintDisc(editor, 4, 22, 22, 2, 1); // a second piece of lesion 1
    ASSERT_TRUE(editor.commit());
    editor.begin("Copy contour");
    ASSERT_EQ(copySliceContour(editor, 1, 2, 4, 5), countValue(editor.mask(), 1));
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(slicesHolding(editor.mask(), 1, 2), (std::vector<std::int64_t>{4, 5}));

    editor.begin("Split lesion");
    const auto created = splitLesion(editor, 1);
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(created, (std::vector<std::uint16_t>{2}));
    ASSERT_EQ(editor.mask().at(22, 22, 4), std::uint16_t{2});
    ASSERT_EQ(editor.mask().at(10, 10, 4), std::uint16_t{1});

    editor.begin("Merge lesions");
    ASSERT_TRUE(mergeLesions(editor, 1, 2) > 0);
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(editor.mask().at(22, 22, 4), std::uint16_t{1});

    editor.begin("Split by plane");
    const auto byPlane = splitLesionByPlane(editor, 1, {16, 0, 0}, {1, 0, 0});
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(byPlane, std::optional<std::uint16_t>(2));
    ASSERT_EQ(editor.mask().at(22, 22, 5), std::uint16_t{2});

    LabelMap ai(editor.geometry());
    ai.at(3, 25, 7) = 5;
    ai.at(10, 10, 4) = 6; // overlaps lesion 1: not taken from it
    editor.begin("Accept AI lesion");
    ASSERT_EQ(acceptLesion(editor, ai, 5), std::optional<std::uint16_t>(3));
    ASSERT_EQ(acceptLesion(editor, ai, 6), std::nullopt);
    ASSERT_TRUE(editor.commit());
    ASSERT_EQ(editor.mask().at(3, 25, 7), std::uint16_t{3});
    ASSERT_EQ(nextFreeLabel(editor.mask()), std::uint16_t{4});

    editor.begin("Delete lesion");
    ASSERT_EQ(deleteLesion(editor, 3), std::size_t{1});
    ASSERT_TRUE(editor.commit());
    ASSERT_TRUE(editor.undo());
    ASSERT_EQ(editor.mask().at(3, 25, 7), std::uint16_t{3});
}
