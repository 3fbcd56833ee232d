#include "metis/viewer/OffscreenSceneRenderer.h"

#include <vtkActor.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkSphereSource.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace metis::viewer {

struct OffscreenSceneRenderer::Impl {
    vtkNew<vtkRenderer> renderer;
    vtkSmartPointer<vtkRenderWindow> window;

    Impl() {
        window = vtkSmartPointer<vtkRenderWindow>::New();
        window->SetOffScreenRendering(1);
        window->SetMultiSamples(0);
        window->AddRenderer(renderer);
    }
};

OffscreenSceneRenderer::OffscreenSceneRenderer() : impl_(std::make_unique<Impl>()) {}
OffscreenSceneRenderer::~OffscreenSceneRenderer() = default;

void OffscreenSceneRenderer::setBackground(const Rgb& colour) {
    impl_->renderer->SetBackground(colour[0], colour[1], colour[2]);
}

void OffscreenSceneRenderer::addSphere(const std::array<double, 3>& centre, double radius,
                                       const Rgb& colour) {
    vtkNew<vtkSphereSource> source;
    source->SetCenter(centre[0], centre[1], centre[2]);
    source->SetRadius(radius);
    source->SetThetaResolution(48);
    source->SetPhiResolution(48);
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(source->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(colour[0], colour[1], colour[2]);
    // Mostly ambient so the centre colour is predictable for pixel checks and for the eye.
    actor->GetProperty()->SetAmbient(0.6);
    actor->GetProperty()->SetDiffuse(0.4);
    actor->GetProperty()->SetSpecular(0.0);
    impl_->renderer->AddActor(actor);
    impl_->renderer->ResetCamera();
}

RgbaImage OffscreenSceneRenderer::render(int width, int height) {
    if (width <= 0 || height <= 0) {
        return {};
    }
    impl_->window->SetSize(width, height);
    impl_->window->Render();

    vtkNew<vtkUnsignedCharArray> buffer;
    if (impl_->window->GetRGBACharPixelData(0, 0, width - 1, height - 1, 0, buffer) == VTK_ERROR) {
        throw std::runtime_error("VTK could not read back the offscreen frame");
    }
    RgbaImage image(width, height);
    const auto* source = buffer->GetPointer(0);
    const size_t rowBytes = static_cast<size_t>(width) * 4;
    // OpenGL rows run bottom to top; RgbaImage rows run top to bottom. The frame is opaque:
    // the background's alpha of 0 must not let whatever lies under the widget show through.
    for (int y = 0; y < height; ++y) {
        std::uint8_t* row = image.pixel(0, y);
        std::memcpy(row, source + static_cast<size_t>(height - 1 - y) * rowBytes, rowBytes);
        for (int x = 0; x < width; ++x) {
            row[4 * x + 3] = 255;
        }
    }
    return image;
}

std::string OffscreenSceneRenderer::openGlDescription() {
    if (!impl_->window->GetNeverRendered()) {
        return impl_->window->ReportCapabilities();
    }
    impl_->window->SetSize(1, 1);
    impl_->window->Render();
    return impl_->window->ReportCapabilities();
}

} // namespace metis::viewer
