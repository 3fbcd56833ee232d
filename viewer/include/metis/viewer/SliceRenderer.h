#pragma once

#include "metis/core/Contours.h"
#include "metis/viewer/MprGeometry.h"
#include "metis/viewer/RgbaImage.h"

#include <memory>
#include <string>
#include <vector>

namespace metis::viewer {

enum class OverlayStyle {
    Outline, ///< iso-contour drawn as a vector path
    Fill,    ///< translucent colour over every labelled pixel
};

/// A label map shown over the image (a GTV, a structure set rasterised, a prediction).
struct OverlayLayer {
    std::string name;
    std::shared_ptr<const LabelMap> labels;
    RgbColour colour{255, 255, 0};
    OverlayStyle style = OverlayStyle::Outline;
    double opacity = 1.0;
    bool visible = true;
    /// Outlines drawn dashed: a second GTV on the same edge as a solid one stays apart from it.
    bool dashed = false;
};

/// The paper's conventions: manual GTV as a yellow outline, predicted GTV as a green outline.
OverlayLayer manualGtvLayer(std::shared_ptr<const LabelMap> labels);
OverlayLayer predictedGtvLayer(std::shared_ptr<const LabelMap> labels);

/// A probability map (0..1) painted as a heat map: transparent below `threshold`, then from dark
/// red to yellow, alpha growing with the probability.
struct ProbabilityLayer {
    std::shared_ptr<const ImageVolume> probabilities;
    double threshold = 0.1;
    double opacity = 0.6;
    bool visible = true;
};

/// Everything the 2D views show: one image and its layers, in patient space. The layers may sit
/// on other grids than the image: each is resliced onto the view's slice grid.
struct ViewerScene {
    std::shared_ptr<const ImageVolume> image;
    std::vector<OverlayLayer> overlays;
    ProbabilityLayer heatMap;
    /// The head for the 3D view's context (headOutlineMask of the image, made where the scene
    /// is built, off the GUI thread); none: the 3D view shows the lesions alone.
    std::shared_ptr<const LabelMap> headOutline;
};

/// An outline of one overlay layer, in continuous slice pixel coordinates (pixel centres at
/// integers), ready to be stroked as vector paths at any zoom.
struct SliceOutline {
    std::size_t layerIndex = 0;
    RgbColour colour{255, 255, 0};
    double opacity = 1.0;
    std::vector<Polygon2> polygons;
};

/// One view's picture: the composited pixels on the slice grid, and the outlines to stroke.
struct RenderedSlice {
    SliceGeometry geometry;
    RgbaImage image; ///< width x height of the slice grid
    std::vector<SliceOutline> outlines;
};

/// Window/level to grey RGBA: window edges map to black and white; NaN (outside the volume) is
/// black.
RgbaImage windowLevelToRgba(const SliceData<float>& slice, const WindowLevel& windowLevel);
/// The same into `image`, reusing its buffer.
void windowLevelToRgba(const SliceData<float>& slice, const WindowLevel& windowLevel,
                       RgbaImage& image);
/// Blends `colour` with `opacity` over every pixel where `labels` is non-zero; the labels may
/// cover a patch of the image whose top-left pixel is (offsetU, offsetV).
void blendFill(RgbaImage& image, const SliceData<std::uint16_t>& labels, const RgbColour& colour,
               double opacity, int offsetU = 0, int offsetV = 0);
void blendHeatMap(RgbaImage& image, const SliceData<float>& probabilities, double threshold,
                  double opacity);
/// Iso-contours at the boundary of the non-zero pixels, computed only inside their bounding box.
std::vector<Polygon2> outlinePolygons(const SliceData<std::uint16_t>& labels);

/// Index-space box of the non-zero voxels of a label map (empty when there are none).
struct LabelBounds {
    bool empty = true;
    Size3 min{0, 0, 0};
    Size3 max{0, 0, 0};
};
LabelBounds labelBounds(const LabelMap& labels);
/// Index-space box of the given voxels (linear indices into `geometry`).
LabelBounds boundsOfVoxels(const ImageGeometry& geometry, const std::vector<std::size_t>& voxels);

/// The part of `slice` that can show labels within `bounds`: a sub-grid of whole slice pixels
/// (width 0 when the plane misses the box). `offset` receives its top-left slice pixel.
SliceGeometry labelPatch(const SliceGeometry& slice, const ImageGeometry& labels,
                         const LabelBounds& bounds, std::array<int, 2>& offset);

/// Reslices a scene for views and composites it. Keeps the label bounds of each overlay layer,
/// so a slice reslices labels only where there are any; call invalidate() after editing the
/// voxels of a layer in place (a new LabelMap object is noticed by itself).
class SliceRenderer {
public:
    /// Throws std::invalid_argument without an image.
    RenderedSlice render(const ViewerScene& scene, const SliceViewState& state);
    /// The same into `rendered`, reusing its buffers: repeated slice changes allocate no new
    /// pixel memory (fresh pages cost more than the resampling itself on a virtual machine).
    void render(const ViewerScene& scene, const SliceViewState& state, RenderedSlice& rendered);
    void invalidate() { bounds_.clear(); }
    /// The voxels of `labels` within `changed` were edited in place: the cached bounds grow to
    /// include them instead of being measured again over the whole map (a brush stroke then
    /// costs the reslice of its views only).
    void labelsEdited(const LabelMap& labels, const LabelBounds& changed);
    /// Recomputes only the outlines of `rendered` (same plane, same image) after labels were
    /// edited; returns false, changing nothing, when a filled layer needs a full render.
    bool refreshOutlines(const ViewerScene& scene, RenderedSlice& rendered);

private:
    const LabelBounds& boundsOf(const std::shared_ptr<const LabelMap>& labels);
    void composeOverlays(const ViewerScene& scene, RenderedSlice& rendered);

    std::vector<std::pair<std::weak_ptr<const LabelMap>, LabelBounds>> bounds_;
    SliceData<float> scratch_;
};

/// One-off render (computes the label bounds every time; views keep a SliceRenderer).
RenderedSlice renderSlice(const ViewerScene& scene, const SliceViewState& state);

} // namespace metis::viewer
