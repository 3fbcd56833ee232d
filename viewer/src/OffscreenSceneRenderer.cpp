#include "metis/viewer/OffscreenSceneRenderer.h"

#include "metis/core/ModelGrid.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkCamera.h>
#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkSphereSource.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkUnsignedCharArray.h>
#include <vtkUnsignedShortArray.h>
#include <vtkWindowedSincPolyDataFilter.h>

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

LabelMap headOutlineMask(const ImageVolume& image, double voxelMm) {
    const ImageGeometry& fine = image.geometry();
    std::array<std::int64_t, 3> stride{};
    ImageGeometry coarse = fine;
    for (int axis = 0; axis < 3; ++axis) {
        stride[axis] = std::max<std::int64_t>(
            1, static_cast<std::int64_t>(std::lround(voxelMm / fine.spacing[axis])));
        coarse.size[axis] = (fine.size[axis] + stride[axis] - 1) / stride[axis];
        coarse.spacing[axis] = fine.spacing[axis] * static_cast<double>(stride[axis]);
    }
    const LabelMap head = foregroundMask(image);
    LabelMap outline(coarse, 0);
    for (std::int64_t k = 0; k < coarse.size[2]; ++k) {
        for (std::int64_t j = 0; j < coarse.size[1]; ++j) {
            for (std::int64_t i = 0; i < coarse.size[0]; ++i) {
                outline.at(i, j, k) = head.at(i * stride[0], j * stride[1], k * stride[2]);
            }
        }
    }
    return outline;
}

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

std::size_t OffscreenSceneRenderer::addLabelSurfaces(const LabelMap& labels, const Rgb& colour,
                                                     double opacity) {
    const ImageGeometry& geometry = labels.geometry();
    geometry.validate();
    // Surfaces are extracted in index space, then placed with the full index-to-patient matrix,
    // so any acquisition orientation lands correctly.
    vtkNew<vtkImageData> image;
    image->SetDimensions(static_cast<int>(geometry.size[0]), static_cast<int>(geometry.size[1]),
                         static_cast<int>(geometry.size[2]));
    vtkNew<vtkUnsignedShortArray> scalars;
    scalars->SetNumberOfTuples(static_cast<vtkIdType>(geometry.voxelCount()));
    // Every lesion gets the same value: the layer is one surface colour, and touching lesions
    // must not grow an internal wall.
    bool any = false;
    for (std::size_t n = 0; n < labels.data().size(); ++n) {
        const bool lesion = labels.data()[n] != 0;
        any = any || lesion;
        scalars->SetValue(static_cast<vtkIdType>(n), lesion ? 1 : 0);
    }
    if (!any) {
        return 0; // nothing to draw (and VTK's smoothing filter logs an error on no input)
    }
    image->GetPointData()->SetScalars(scalars);

    vtkNew<vtkDiscreteFlyingEdges3D> surfaces;
    surfaces->SetInputData(image);
    surfaces->SetValue(0, 1);
    surfaces->ComputeNormalsOff();
    vtkNew<vtkWindowedSincPolyDataFilter> smooth;
    smooth->SetInputConnection(surfaces->GetOutputPort());
    smooth->SetNumberOfIterations(15);
    smooth->SetPassBand(0.1);
    smooth->NormalizeCoordinatesOn();

    vtkNew<vtkMatrix4x4> indexToPatient;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            indexToPatient->SetElement(r, c, geometry.direction[r][c] * geometry.spacing[c]);
        }
        indexToPatient->SetElement(r, 3, geometry.origin[r]);
    }
    vtkNew<vtkTransform> transform;
    transform->SetMatrix(indexToPatient);
    vtkNew<vtkTransformPolyDataFilter> place;
    place->SetInputConnection(smooth->GetOutputPort());
    place->SetTransform(transform);
    place->Update();
    vtkPolyData* mesh = place->GetOutput();
    const std::size_t triangles = static_cast<std::size_t>(mesh->GetNumberOfPolys());
    if (triangles == 0) {
        return 0;
    }

    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(mesh);
    mapper->ScalarVisibilityOff();
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(colour[0], colour[1], colour[2]);
    actor->GetProperty()->SetOpacity(opacity);
    actor->GetProperty()->SetAmbient(0.4);
    actor->GetProperty()->SetDiffuse(0.6);
    impl_->renderer->AddActor(actor);

    // LPS: look from the patient's front (-y) towards +y, superior (+z) up.
    vtkCamera* camera = impl_->renderer->GetActiveCamera();
    camera->SetPosition(0, -1, 0);
    camera->SetFocalPoint(0, 0, 0);
    camera->SetViewUp(0, 0, 1);
    // Parallel projection: sizes read the same at every depth, and a scale bar is true.
    camera->ParallelProjectionOn();
    impl_->renderer->ResetCamera();
    return triangles;
}

double OffscreenSceneRenderer::pixelsPerMm(int height) const {
    vtkCamera* camera = impl_->renderer->GetActiveCamera();
    if (impl_->renderer->GetActors()->GetNumberOfItems() == 0 || !camera->GetParallelProjection() ||
        camera->GetParallelScale() <= 0.0) {
        return 0.0;
    }
    // The parallel scale is half the frame's height in world units (mm).
    return height / (2.0 * camera->GetParallelScale());
}

void OffscreenSceneRenderer::clear() {
    impl_->renderer->RemoveAllViewProps();
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
