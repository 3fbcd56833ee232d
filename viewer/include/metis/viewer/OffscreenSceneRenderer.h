#pragma once

#include "metis/core/Volume.h"
#include "metis/viewer/RgbaImage.h"

#include <array>
#include <memory>
#include <string>

namespace metis::viewer {

using Rgb = std::array<double, 3>; ///< components in [0, 1]

/// The head for the 3D view's context: the image's foreground (Otsu) on a grid of about
/// `voxelMm` (every n-th voxel of the image's), cheap to turn into a surface on every redraw.
LabelMap headOutlineMask(const ImageVolume& image, double voxelMm = 3.0);

/// Renders a 3D scene in a VTK offscreen render window and reads the frame back as RGBA.
/// The Qt side only paints the returned pixels, so no VTK-Qt bridge is needed.
class OffscreenSceneRenderer {
public:
    OffscreenSceneRenderer();
    ~OffscreenSceneRenderer();
    OffscreenSceneRenderer(const OffscreenSceneRenderer&) = delete;
    OffscreenSceneRenderer& operator=(const OffscreenSceneRenderer&) = delete;

    void setBackground(const Rgb& colour);
    /// Adds a lit sphere; the camera is reset to frame everything added.
    void addSphere(const std::array<double, 3>& centre, double radius, const Rgb& colour);
    /// Adds the surfaces of every lesion (non-zero label) of `labels`, in patient mm, extracted
    /// with discrete flying edges and lightly smoothed; the camera looks from the front (patient
    /// anterior, superior up) at everything added. Returns the number of surface triangles.
    std::size_t addLabelSurfaces(const LabelMap& labels, const Rgb& colour, double opacity = 1.0);
    /// Removes every actor.
    void clear();
    /// Screen pixels per mm at a frame `height` pixels high: the camera projects in parallel, so
    /// one scale holds across the frame (the 3D view's scale bar); 0 before anything was added.
    double pixelsPerMm(int height) const;

    /// Renders at the given size (device pixels) and returns the frame.
    RgbaImage render(int width, int height);

    /// The OpenGL implementation VTK got, for diagnostics ("Mesa llvmpipe", a GPU, ...).
    std::string openGlDescription();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace metis::viewer
