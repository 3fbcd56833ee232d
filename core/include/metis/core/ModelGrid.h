#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

#include <cstddef>

namespace metis {

/// The MTSA-Net input grid (MTSA-NET.md, PHANTOM.md section 6): axial slices in patient space,
/// `inputSize` x `inputSize` pixels over a fixed field of view, whatever the series orientation.
struct ModelGridOptions {
    int inputSize = 384;
    double fieldOfViewMm = 240.0; ///< 240 mm over 384 px: 0.625 mm per pixel
    /// Distance between model slices along S; 0: the spacing of the series axis closest to S
    /// (the slice spacing of an axial series, an in-plane spacing of a sagittal one).
    double sliceSpacingMm = 0.0;
    /// Smooth the series to the model grid's resolution before sampling it (antiAliasingSigmas):
    /// each model voxel then carries the signal of the series voxels it covers, as its label
    /// does (area fraction), instead of one point of it. A 3D series of 0.47 x 0.47 x 1 mm
    /// sampled point-wise at 1.25 x 1.25 x 2 mm keeps about one reconstructed voxel in 14 and
    /// that voxel's full noise, and can step over a 2-3 mm metastasis. Off: point sampling, as
    /// packages written before the option were trained.
    bool antiAliasing = false;
    /// Model slices every sliceSpacing / sliceOversampling mm, each smoothed (antiAliasing) as
    /// for sliceSpacing: slices that look like the ones a network was trained on, at finer
    /// steps along S, so a lesion thinner than sliceSpacing also gets a slice through its centre.
    int sliceOversampling = 1;
    double lowerPercentile = 0.5; ///< intensity clipping, within the brain mask
    double upperPercentile = 99.5;
    unsigned threads = 0; ///< resampling threads; 0: one per hardware thread
};

/// The intensity transform applied before the model: clip to [clipLow, clipHigh] (brain
/// percentiles), then (value - mean) / standardDeviation with the brain's clipped statistics.
struct IntensityNormalization {
    float clipLow = 0.0f;
    float clipHigh = 0.0f;
    double mean = 0.0;
    double standardDeviation = 1.0; ///< 1 when the brain is constant, to stay finite
    std::size_t maskVoxels = 0;
    /// True when no brain mask was given and foregroundMask() stood in for it.
    bool usedForegroundMask = false;

    float apply(float value) const;
};

/// A stand-in brain mask when no skull-strip is available: voxels above the Otsu threshold of
/// the whole image's 256-bin histogram, which on a head MR separates air from tissue (skull and
/// scalp included, so the statistics are coarser than with a real brain mask). A constant image
/// gives an all-foreground mask.
LabelMap foregroundMask(const ImageVolume& image);

/// Statistics of `image` within `brainMask` (same grid, non-zero = brain), or within
/// foregroundMask(image) when brainMask is null. Percentiles interpolate linearly between
/// order statistics. Throws std::invalid_argument for a mask on another grid or an empty mask.
IntensityNormalization computeIntensityNormalization(const ImageVolume& image,
                                                     const LabelMap* brainMask,
                                                     const ModelGridOptions& options = {});

/// The geometry of the model grid for a series: identity direction (i -> L, j -> P, k -> S),
/// inputSize^2 pixels of fieldOfViewMm / inputSize mm centred in-plane on the brain centre
/// (centre of the brain mask's bounding box in patient space, or of the whole volume when
/// brainMask is null), slices covering the series' extent along S.
ImageGeometry modelGridGeometry(const ImageGeometry& series, const LabelMap* brainMask,
                                const ModelGridOptions& options = {});

/// The transform between a series grid and its model grid, both ways.
class ModelGrid {
public:
    ModelGrid(const ImageGeometry& series, const LabelMap* brainMask,
              const ModelGridOptions& options = {});

    const ImageGeometry& seriesGeometry() const { return series_; }
    const ImageGeometry& modelGeometry() const { return model_; }
    const ModelGridOptions& options() const { return options_; }

    /// Series image -> model grid: linear resampling of the normalised intensities, smoothed
    /// first when options().antiAliasing. Outside the series the value is
    /// normalization.apply(clipLow), i.e. the darkest normalised value.
    ImageVolume imageToModel(const ImageVolume& image,
                             const IntensityNormalization& normalization) const;
    /// Series labels -> model grid: area fraction > 0.5 (resampleMaskAreaFraction).
    LabelMap labelsToModel(const LabelMap& labels) const;
    /// For training labels: every lesion of `seriesLabels` (a connected component of at least
    /// kMinimumLesionVoxels) that no foreground voxel of `modelLabels` covers gets the model
    /// voxel nearest its centroid. A 2 mm metastasis between two 2 mm model slices fills no
    /// model voxel by more than half, and a network trained on such labels learns to leave it
    /// unmarked. Returns how many lesions were restored.
    std::size_t keepEveryLesion(const LabelMap& seriesLabels, LabelMap& modelLabels) const;
    /// Model probabilities -> series grid: linear, 0 outside the model grid.
    ImageVolume probabilitiesToSeries(const ImageVolume& probabilities) const;
    /// Model mask -> series grid: linear interpolation of the mask, foreground where >= 0.5.
    LabelMap maskToSeries(const LabelMap& mask) const;
    /// Model labels -> series grid by nearest neighbour (keeps label values).
    LabelMap labelsToSeries(const LabelMap& labels) const;

private:
    void requireGrid(const ImageGeometry& given, const ImageGeometry& expected,
                     const char* what) const;

    ImageGeometry series_;
    ImageGeometry model_;
    ModelGridOptions options_;
};

/// Everything the model needs for one series: normalise within the brain (or foreground),
/// then resample to the model grid.
struct ModelInput {
    ModelGrid grid;
    IntensityNormalization normalization;
    ImageVolume image; ///< on grid.modelGeometry(); slice k is a contiguous inputSize^2 block
};
ModelInput prepareModelInput(const ImageVolume& series, const LabelMap* brainMask,
                             const ModelGridOptions& options = {});

} // namespace metis
