// Slice-change latency of the MPR viewer on a clinical-size series (512 x 512 x 300) with two
// GTV overlay layers: the viewer's own reslicer against vtkImageReslice, the Qt-free render
// (reslice + overlays + outlines) and the widget's full path (render + paint into a QImage).
// Wall and CPU time are printed because the machine is shared.
#include "../viewer/SyntheticHead.h"
#include "BenchStats.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/viewer_widgets/SliceView.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkImageReslice.h>
#include <vtkNew.h>
#include <vtkPointData.h>

using namespace metis;
using namespace metis::viewer;

namespace {

double cpuMs() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

/// Runs `step` `count` times; prints wall and CPU median / p95.
void measure(const char* what, int count, const std::function<void(int)>& step) {
    std::vector<double> wall, cpu;
    for (int n = 0; n < count; ++n) {
        const double wall0 = bench::nowMs();
        const double cpu0 = cpuMs();
        step(n);
        wall.push_back(bench::nowMs() - wall0);
        cpu.push_back(cpuMs() - cpu0);
    }
    bench::printSummary(what, wall);
    std::printf("    CPU time: median %.2f ms, p95 %.2f ms\n", bench::percentile(cpu, 0.5),
                bench::percentile(cpu, 0.95));
}

void addSphere(LabelMap& labels, const Vec3& centre, double radius) {
    const ImageGeometry& geometry = labels.geometry();
    const Vec3 low =
        geometry.patientToIndex({centre[0] - radius, centre[1] - radius, centre[2] - radius});
    const Vec3 high =
        geometry.patientToIndex({centre[0] + radius, centre[1] + radius, centre[2] + radius});
    for (auto k = static_cast<std::int64_t>(low[2]); k <= static_cast<std::int64_t>(high[2]) + 1;
         ++k) {
        for (auto j = static_cast<std::int64_t>(low[1]);
             j <= static_cast<std::int64_t>(high[1]) + 1; ++j) {
            for (auto i = static_cast<std::int64_t>(low[0]);
                 i <= static_cast<std::int64_t>(high[0]) + 1; ++i) {
                const Vec3 p = geometry.indexToPatient({double(i), double(j), double(k)});
                const double dx = p[0] - centre[0], dy = p[1] - centre[1], dz = p[2] - centre[2];
                if (geometry.containsIndex(i, j, k) &&
                    dx * dx + dy * dy + dz * dz <= radius * radius) {
                    labels.at(i, j, k) = 1;
                }
            }
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication application(argc, argv);

    ImageGeometry geometry;
    geometry.size = {512, 512, 300};
    geometry.spacing = {0.47, 0.47, 0.6};
    geometry.origin = {-120.0, -120.0, -90.0};
    const std::vector<synthetic_head::Lesion> lesions{
        {{25, -20, 20}, 12}, {{-35, 30, -10}, 6}, {{10, 40, 35}, 3}, {{-20, -45, 5}, 9}};
    const double build0 = bench::nowMs();
    auto scene = std::make_shared<ViewerScene>();
    scene->image = std::make_shared<ImageVolume>(synthetic_head::makeHead(geometry, lesions));
    auto manual = std::make_shared<LabelMap>(geometry);
    auto predicted = std::make_shared<LabelMap>(geometry);
    for (const auto& lesion : lesions) {
        addSphere(*manual, lesion.centreMm, lesion.radiusMm);
        addSphere(*predicted, {lesion.centreMm[0] + 1.0, lesion.centreMm[1], lesion.centreMm[2]},
                  lesion.radiusMm * 0.9);
    }
    scene->overlays = {manualGtvLayer(manual), predictedGtvLayer(predicted)};
    std::printf("512 x 512 x 300 head with 4 lesions, two overlay layers: built in %.0f ms\n",
                bench::nowMs() - build0);

    const int count = 60;
    const std::array<ViewOrientation, 3> orientations{
        ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal};
    // Slices sweep through the lesion-bearing middle of the volume.
    auto cursorFor = [&](ViewOrientation orientation, int n) {
        const Vec3 centre{25, -20, 20};
        const double offset = (n % 40) - 20.0;
        const ViewAxes axes = viewAxes(orientation);
        // Snapped onto acquired slices, as scrolling does.
        return scrollCursor(geometry, orientation,
                            {centre[0] + axes.normal[0] * offset,
                             centre[1] + axes.normal[1] * offset,
                             centre[2] + axes.normal[2] * offset},
                            0);
    };

    vtkNew<vtkImageData> vtkImage;
    vtkImage->SetDimensions(512, 512, 300);
    vtkImage->SetSpacing(geometry.spacing[0], geometry.spacing[1], geometry.spacing[2]);
    vtkImage->SetOrigin(geometry.origin[0], geometry.origin[1], geometry.origin[2]);
    vtkNew<vtkFloatArray> wrapped;
    // Wraps the viewer's buffer without a copy (1: VTK must not free it).
    wrapped->SetArray(const_cast<float*>(scene->image->data().data()),
                      static_cast<vtkIdType>(scene->image->data().size()), 1);
    vtkImage->GetPointData()->SetScalars(wrapped);

    for (const ViewOrientation orientation : orientations) {
        const std::string name = orientationName(orientation);
        SliceData<float> data;
        measure((name + " reslice, own code (trilinear)").c_str(), count, [&](int n) {
            const SliceGeometry slice =
                sliceGeometryFor(geometry, orientation, cursorFor(orientation, n));
            resliceImage(*scene->image, slice, data);
            if (data.values.empty()) {
                std::abort();
            }
        });

        vtkNew<vtkImageReslice> reslice;
        reslice->SetInputData(vtkImage);
        reslice->SetInterpolationModeToLinear();
        reslice->SetOutputDimensionality(2);
        measure((name + " reslice, vtkImageReslice (trilinear)").c_str(), count, [&](int n) {
            const SliceGeometry slice =
                sliceGeometryFor(geometry, orientation, cursorFor(orientation, n));
            const ViewAxes& axes = slice.axes;
            reslice->SetResliceAxesDirectionCosines(axes.right[0], axes.right[1], axes.right[2],
                                                    axes.down[0], axes.down[1], axes.down[2],
                                                    axes.normal[0], axes.normal[1], axes.normal[2]);
            reslice->SetResliceAxesOrigin(slice.originMm[0], slice.originMm[1], slice.originMm[2]);
            reslice->SetOutputOrigin(0, 0, 0);
            reslice->SetOutputSpacing(slice.spacingMm, slice.spacingMm, slice.spacingMm);
            reslice->SetOutputExtent(0, slice.width - 1, 0, slice.height - 1, 0, 0);
            reslice->Update();
            if (reslice->GetOutput()->GetNumberOfPoints() !=
                vtkIdType(slice.width) * slice.height) {
                std::abort();
            }
        });

        SliceViewState state;
        state.orientation = orientation;
        state.windowLevel = {200, 100};
        SliceRenderer renderer;
        RenderedSlice rendered;
        measure((name + " render: reslice + 2 overlays + outlines").c_str(), count, [&](int n) {
            state.cursorMm = cursorFor(orientation, n);
            renderer.render(*scene, state, rendered);
            if (rendered.image.empty()) {
                std::abort();
            }
        });

        viewer_widgets::SliceView view(orientation);
        view.resize(800, 800);
        view.setScene(scene);
        view.setCursorMm(cursorFor(orientation, 0));
        QImage target(800, 800, QImage::Format_ARGB32_Premultiplied);
        measure((name + " slice change, widget path: render + paint 800 x 800").c_str(), count,
                [&](int n) {
                    view.scrollSlices(n % 40 < 20 ? 1 : -1);
                    QPainter painter(&target);
                    view.paintView(painter, target.size());
                });
    }
    std::printf("target: p95 <= 16 ms for a slice change\n");
    return 0;
}
