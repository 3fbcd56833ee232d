#include "metis/core/ModelGrid.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/core/Resample.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace metis {

namespace {

void checkOptions(const ModelGridOptions& options) {
    if (options.inputSize < 1 || !(options.fieldOfViewMm > 0.0) ||
        !(options.sliceSpacingMm >= 0.0) || options.sliceOversampling < 1) {
        throw std::invalid_argument("model grid: input size and field of view must be positive, "
                                    "the slice spacing non-negative and the slice oversampling "
                                    "at least 1");
    }
    if (!(options.lowerPercentile >= 0.0 && options.lowerPercentile < options.upperPercentile &&
          options.upperPercentile <= 100.0)) {
        throw std::invalid_argument("model grid: clipping percentiles must satisfy 0 <= lower < "
                                    "upper <= 100");
    }
}

void requireMaskGrid(const ImageGeometry& image, const LabelMap& mask) {
    if (!mask.geometry().sameGridAs(image)) {
        throw std::invalid_argument("model grid: the brain mask (" + mask.geometry().describe() +
                                    ") is not on the series grid (" + image.describe() + ")");
    }
}

// Linear interpolation between order statistics; `values` is reordered.
float percentileOf(std::vector<float>& values, double percentile) {
    const double rank = percentile / 100.0 * static_cast<double>(values.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(rank));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lower),
                     values.end());
    const double low = values[lower];
    if (lower + 1 >= values.size()) {
        return static_cast<float>(low);
    }
    const double high =
        *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lower) + 1, values.end());
    return static_cast<float>(low + (rank - static_cast<double>(lower)) * (high - low));
}

std::array<Vec3, 8> cornerCentres(const ImageGeometry& geometry, const Size3& lo, const Size3& hi) {
    std::array<Vec3, 8> corners{};
    for (int c = 0; c < 8; ++c) {
        corners[static_cast<std::size_t>(c)] =
            geometry.indexToPatient({static_cast<double>((c & 1) ? hi[0] : lo[0]),
                                     static_cast<double>((c & 2) ? hi[1] : lo[1]),
                                     static_cast<double>((c & 4) ? hi[2] : lo[2])});
    }
    return corners;
}

} // namespace

float IntensityNormalization::apply(float value) const {
    const double clipped = std::clamp(value, clipLow, clipHigh);
    return static_cast<float>((clipped - mean) / standardDeviation);
}

LabelMap foregroundMask(const ImageVolume& image) {
    const auto& values = image.data();
    LabelMap mask(image.geometry(), 1);
    if (values.empty()) {
        return mask;
    }
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    const double low = *minIt;
    const double high = *maxIt;
    if (!(high > low)) {
        return mask;
    }
    constexpr int kBins = 256;
    std::array<double, kBins> histogram{};
    const double width = (high - low) / kBins;
    for (const float v : values) {
        const int bin = std::min(kBins - 1, static_cast<int>((v - low) / width));
        histogram[static_cast<std::size_t>(bin)] += 1.0;
    }
    // Otsu: the split maximising the between-class variance.
    const double total = static_cast<double>(values.size());
    double sumAll = 0.0;
    for (int b = 0; b < kBins; ++b) {
        sumAll += b * histogram[static_cast<std::size_t>(b)];
    }
    double weightBelow = 0.0;
    double sumBelow = 0.0;
    double bestVariance = -1.0;
    int bestSplit = 0;
    for (int b = 0; b < kBins - 1; ++b) {
        weightBelow += histogram[static_cast<std::size_t>(b)];
        sumBelow += b * histogram[static_cast<std::size_t>(b)];
        const double weightAbove = total - weightBelow;
        if (weightBelow == 0.0 || weightAbove == 0.0) {
            continue;
        }
        const double meanBelow = sumBelow / weightBelow;
        const double meanAbove = (sumAll - sumBelow) / weightAbove;
        const double variance =
            weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
        if (variance > bestVariance) {
            bestVariance = variance;
            bestSplit = b;
        }
    }
    const double threshold = low + (bestSplit + 1) * width;
    auto& out = mask.data();
    for (std::size_t v = 0; v < values.size(); ++v) {
        out[v] = values[v] >= threshold ? 1 : 0;
    }
    return mask;
}

IntensityNormalization computeIntensityNormalization(const ImageVolume& image,
                                                     const LabelMap* brainMask,
                                                     const ModelGridOptions& options) {
    checkOptions(options);
    image.geometry().validate();
    IntensityNormalization result;
    LabelMap fallback;
    if (brainMask) {
        requireMaskGrid(image.geometry(), *brainMask);
    } else {
        fallback = foregroundMask(image);
        brainMask = &fallback;
        result.usedForegroundMask = true;
    }
    std::vector<float> inside;
    const auto& values = image.data();
    const auto& mask = brainMask->data();
    inside.reserve(static_cast<std::size_t>(
        std::count_if(mask.begin(), mask.end(), [](std::uint16_t m) { return m != 0; })));
    for (std::size_t v = 0; v < values.size(); ++v) {
        if (mask[v] != 0) {
            inside.push_back(values[v]);
        }
    }
    if (inside.empty()) {
        throw std::invalid_argument("model grid: the brain mask is empty");
    }
    result.maskVoxels = inside.size();
    result.clipLow = percentileOf(inside, options.lowerPercentile);
    result.clipHigh = percentileOf(inside, options.upperPercentile);
    double sum = 0.0;
    double sumSquares = 0.0;
    for (const float v : inside) {
        const double clipped = std::clamp(v, result.clipLow, result.clipHigh);
        sum += clipped;
        sumSquares += clipped * clipped;
    }
    const auto n = static_cast<double>(inside.size());
    result.mean = sum / n;
    const double variance = std::max(0.0, sumSquares / n - result.mean * result.mean);
    const double deviation = std::sqrt(variance);
    result.standardDeviation = deviation > 1e-6 ? deviation : 1.0;
    return result;
}

ImageGeometry modelGridGeometry(const ImageGeometry& series, const LabelMap* brainMask,
                                const ModelGridOptions& options) {
    checkOptions(options);
    series.validate();
    const Size3 last{series.size[0] - 1, series.size[1] - 1, series.size[2] - 1};
    Vec3 centre =
        series.indexToPatient({static_cast<double>(last[0]) / 2, static_cast<double>(last[1]) / 2,
                               static_cast<double>(last[2]) / 2});
    if (brainMask) {
        requireMaskGrid(series, *brainMask);
        Size3 lo{series.size[0], series.size[1], series.size[2]};
        Size3 hi{-1, -1, -1};
        for (std::int64_t k = 0; k < series.size[2]; ++k) {
            for (std::int64_t j = 0; j < series.size[1]; ++j) {
                for (std::int64_t i = 0; i < series.size[0]; ++i) {
                    if (brainMask->at(i, j, k) != 0) {
                        lo = {std::min(lo[0], i), std::min(lo[1], j), std::min(lo[2], k)};
                        hi = {std::max(hi[0], i), std::max(hi[1], j), std::max(hi[2], k)};
                    }
                }
            }
        }
        if (hi[0] >= 0) { // an empty mask keeps the volume centre
            Vec3 low{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), 0};
            Vec3 high{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest(),
                      0};
            for (const Vec3& corner : cornerCentres(series, lo, hi)) {
                for (int a = 0; a < 2; ++a) {
                    low[a] = std::min(low[a], corner[a]);
                    high[a] = std::max(high[a], corner[a]);
                }
            }
            centre[0] = (low[0] + high[0]) / 2;
            centre[1] = (low[1] + high[1]) / 2;
        }
    }

    double zMin = std::numeric_limits<double>::max();
    double zMax = std::numeric_limits<double>::lowest();
    for (const Vec3& corner : cornerCentres(series, {0, 0, 0}, last)) {
        zMin = std::min(zMin, corner[2]);
        zMax = std::max(zMax, corner[2]);
    }
    double sliceSpacing = options.sliceSpacingMm;
    if (sliceSpacing == 0.0) {
        int closest = 0;
        for (int a = 1; a < 3; ++a) {
            if (std::abs(series.direction[2][a]) > std::abs(series.direction[2][closest])) {
                closest = a;
            }
        }
        sliceSpacing = series.spacing[closest];
    }
    sliceSpacing /= options.sliceOversampling;
    const double extent = zMax - zMin;
    const auto slices = static_cast<std::int64_t>(std::floor(extent / sliceSpacing + 1e-6)) + 1;

    ImageGeometry model;
    const double pixel = options.fieldOfViewMm / options.inputSize;
    model.size = {options.inputSize, options.inputSize, slices};
    model.spacing = {pixel, pixel, sliceSpacing};
    model.direction = identityMatrix();
    const double halfWidth = (options.inputSize - 1) * pixel / 2;
    model.origin = {centre[0] - halfWidth, centre[1] - halfWidth,
                    zMin + (extent - static_cast<double>(slices - 1) * sliceSpacing) / 2};
    return model;
}

ModelGrid::ModelGrid(const ImageGeometry& series, const LabelMap* brainMask,
                     const ModelGridOptions& options)
    : series_(series), model_(modelGridGeometry(series, brainMask, options)), options_(options) {}

void ModelGrid::requireGrid(const ImageGeometry& given, const ImageGeometry& expected,
                            const char* what) const {
    if (!given.sameGridAs(expected)) {
        throw std::invalid_argument(std::string("model grid: ") + what + " (" + given.describe() +
                                    ") is not on the expected grid (" + expected.describe() + ")");
    }
}

ImageVolume ModelGrid::imageToModel(const ImageVolume& image,
                                    const IntensityNormalization& normalization) const {
    requireGrid(image.geometry(), series_, "the series image");
    ImageVolume normalised(image.geometry(), image.data());
    for (float& v : normalised.data()) {
        v = normalization.apply(v);
    }
    if (options_.antiAliasing) {
        ImageGeometry smoothedAs = model_;
        smoothedAs.spacing[2] *= options_.sliceOversampling;
        normalised =
            gaussianSmooth(normalised, antiAliasingSigmas(series_, smoothedAs), options_.threads);
    }
    ResampleOptions resample;
    resample.outsideValue = normalization.apply(normalization.clipLow);
    resample.threads = options_.threads;
    return resampleLinear(normalised, model_, resample);
}

LabelMap ModelGrid::labelsToModel(const LabelMap& labels) const {
    requireGrid(labels.geometry(), series_, "the series labels");
    return resampleMaskAreaFraction(labels, model_, options_.threads);
}

std::size_t ModelGrid::keepEveryLesion(const LabelMap& seriesLabels, LabelMap& modelLabels) const {
    requireGrid(seriesLabels.geometry(), series_, "the series labels");
    requireGrid(modelLabels.geometry(), model_, "the model labels");
    const ComponentLabeling lesions = labelConnectedComponents(seriesLabels);
    std::vector<std::uint8_t> covered(lesions.components.size(), 0);
    const IndexMapping seriesToModel = indexMapping(model_, series_);
    const Size3& n = series_.size;
    for (std::int64_t k = 0; k < n[2]; ++k) {
        for (std::int64_t j = 0; j < n[1]; ++j) {
            for (std::int64_t i = 0; i < n[0]; ++i) {
                const std::uint16_t lesion = lesions.labels.at(i, j, k);
                Size3 m{};
                if (lesion != 0 && !covered[lesion - 1u] &&
                    nearestIndex(
                        seriesToModel.apply({static_cast<double>(i), static_cast<double>(j),
                                             static_cast<double>(k)}),
                        model_.size, m) &&
                    modelLabels.at(m[0], m[1], m[2]) != 0) {
                    covered[lesion - 1u] = 1;
                }
            }
        }
    }
    std::size_t restored = 0;
    for (std::size_t c = 0; c < lesions.components.size(); ++c) {
        const ComponentStats& lesion = lesions.components[c];
        Size3 m{};
        if (!covered[c] && lesion.voxelCount >= kMinimumLesionVoxels &&
            nearestIndex(model_.patientToIndex(lesion.centroidMm), model_.size, m)) {
            modelLabels.at(m[0], m[1], m[2]) = 1;
            ++restored;
        }
    }
    return restored;
}

ImageVolume ModelGrid::probabilitiesToSeries(const ImageVolume& probabilities) const {
    requireGrid(probabilities.geometry(), model_, "the probability map");
    ResampleOptions resample;
    resample.threads = options_.threads;
    return resampleLinear(probabilities, series_, resample);
}

LabelMap ModelGrid::maskToSeries(const LabelMap& mask) const {
    requireGrid(mask.geometry(), model_, "the model mask");
    return resampleMaskLinear(mask, series_, options_.threads);
}

LabelMap ModelGrid::labelsToSeries(const LabelMap& labels) const {
    requireGrid(labels.geometry(), model_, "the model labels");
    return resampleNearest(labels, series_, options_.threads);
}

ModelInput prepareModelInput(const ImageVolume& series, const LabelMap* brainMask,
                             const ModelGridOptions& options) {
    ModelGrid grid(series.geometry(), brainMask, options);
    const IntensityNormalization normalization =
        computeIntensityNormalization(series, brainMask, options);
    ImageVolume image = grid.imageToModel(series, normalization);
    return {std::move(grid), normalization, std::move(image)};
}

} // namespace metis
