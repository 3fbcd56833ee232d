// Brush stroke latency of the contour editor on a clinical-size series (512 x 512 x 300): per
// mouse move, the brush tool writing voxels into the editing session, then the same plus the
// repaint of the MPR views whose plane the edit crosses (what the annotator waits for), and at each
// stroke's end the commit (undo delta + journal record flushed to disk). Prints the undo and
// journal bytes per step. Wall and CPU time are printed because the machine is shared.
#include "BenchStats.h"
#include "metis/viewer/EditTools.h"
#include "metis/viewer_widgets/SliceView.h"
#include "metis/workflow/ContourEditing.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <cstdio>
#include <ctime>

using namespace metis;
using namespace metis::viewer;

namespace {

/// An editing target as the workstation's panel is one: commits go through a real journal.
class BenchTarget : public LabelEditTarget {
public:
    BenchTarget(LabelMap labels, const std::string& journalPath)
        : editor_(std::move(labels)),
          journal_(journalPath, workflow::EditJournal::Header{1, std::nullopt, "bench",
                                                              editor_.mask().size(), "", ""}) {}
    bool editable() const override { return true; }
    LabelEditor& editor() override { return editor_; }
    void commitStep() override {
        editor_.commit([this](LabelEditor::Action action, const LabelEditStep& step) {
            journal_.append(action, step);
            journalBytes_ += step.delta.serialize().size();
        });
    }
    void voxelsChanged(const LabelBounds& changed) override { changed_ = changed; }
    const LabelBounds& lastChange() const { return changed_; }
    std::size_t journalBytes() const { return journalBytes_; }

private:
    LabelEditor editor_;
    workflow::EditJournal journal_;
    LabelBounds changed_;
    std::size_t journalBytes_ = 0;
};

double cpuMs() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication application(argc, argv);
    QTemporaryDir dir;

    ImageGeometry geometry;
    geometry.size = {512, 512, 300};
    geometry.spacing = {0.47, 0.47, 0.6};
    geometry.origin = {-120.0, -120.0, -90.0};
    auto image = std::make_shared<ImageVolume>(geometry, 300.0f);
    auto target = std::make_shared<BenchTarget>(LabelMap(geometry),
                                                dir.filePath("bench.journal").toStdString());
    auto scene = std::make_shared<ViewerScene>();
    scene->image = image;
    scene->overlays.push_back(
        manualGtvLayer(std::shared_ptr<const LabelMap>(target, &target->editor().mask())));

    std::vector<std::unique_ptr<viewer_widgets::SliceView>> views;
    for (const auto orientation :
         {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
        views.push_back(std::make_unique<viewer_widgets::SliceView>(orientation));
        views.back()->setScene(scene);
        views.back()->resize(600, 600);
    }
    QImage frame(600, 600, QImage::Format_ARGB32_Premultiplied);
    // What the event loop does after a mouse move: every view whose plane the edit crosses
    // re-renders and paints; the others keep their picture.
    auto repaintAll = [&] {
        for (auto& view : views) {
            if (view->labelsEdited(target->editor().mask(), target->lastChange())) {
                QPainter painter(&frame);
                view->paintView(painter, frame.size());
            }
        }
    };
    repaintAll();

    struct Case {
        const char* name;
        double diameterMm;
        BrushShape shape;
    };
    const Case cases[] = {{"brush 5 mm disc", 5.0, BrushShape::Disc},
                          {"brush 10 mm ball", 10.0, BrushShape::Sphere}};
    std::printf("contour editor on 512 x 512 x 300 (0.47 x 0.47 x 0.6 mm), 3 views of 600 x 600\n");
    for (const Case& c : cases) {
        auto settings = std::make_shared<EditToolSettings>();
        settings->brushDiameterMm = c.diameterMm;
        settings->brushShape = c.shape;
        BrushTool tool(*target, settings);
        std::vector<double> toolWall, fullWall, fullCpu, commitWall;
        const std::size_t bytesBefore = target->editor().historyBytes();
        const std::size_t stepsBefore = target->editor().undoSteps();
        for (int stroke = 0; stroke < 10; ++stroke) {
            SlicePointerEvent event;
            event.orientation = ViewOrientation::Axial;
            event.buttons = SlicePointerEvent::LeftButton;
            event.patientMm = {-40.0 + 8.0 * stroke, -20.0, -10.0 + 2.0 * stroke};
            // The annotator paints on the slice shown, where the crosshair was placed.
            for (auto& view : views) {
                view->setCursorMm(event.patientMm);
            }
            tool.press(event);
            for (int move = 0; move < 40; ++move) {
                event.patientMm[0] += 0.7;
                event.patientMm[1] += 0.5;
                const double wall0 = bench::nowMs();
                const double cpu0 = cpuMs();
                tool.move(event);
                toolWall.push_back(bench::nowMs() - wall0);
                repaintAll();
                fullWall.push_back(bench::nowMs() - wall0);
                fullCpu.push_back(cpuMs() - cpu0);
            }
            const double commit0 = bench::nowMs();
            tool.release(event);
            commitWall.push_back(bench::nowMs() - commit0);
        }
        std::printf("%s:\n", c.name);
        bench::printSummary("  per mouse move, tool only (voxels written)", toolWall);
        bench::printSummary("  per mouse move, tool + repaint of the views it crosses", fullWall);
        std::printf("    CPU time: median %.2f ms, p95 %.2f ms\n", bench::percentile(fullCpu, 0.5),
                    bench::percentile(fullCpu, 0.95));
        bench::printSummary("  per stroke end (undo delta + journal record, fdatasync)",
                            commitWall);
        const std::size_t steps = target->editor().undoSteps() - stepsBefore;
        std::printf("  undo history: %.0f bytes per stroke (%zu strokes)\n",
                    static_cast<double>(target->editor().historyBytes() - bytesBefore) /
                        static_cast<double>(std::max<std::size_t>(steps, 1)),
                    steps);
    }
    std::printf("journal: %.0f bytes per step on average; a whole label map is %zu bytes\n",
                static_cast<double>(target->journalBytes()) /
                    static_cast<double>(std::max<std::size_t>(target->editor().undoSteps(), 1)),
                geometry.voxelCount() * sizeof(std::uint16_t));
    return 0;
}
