#include "metis/core/SegmentationMetrics.h"

#include "metis/core/Json.h"
#include "metis/core/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

namespace metis {

namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireSameGrid(const LabelMap& reference, const LabelMap& prediction) {
    reference.geometry().validate();
    prediction.geometry().validate();
    if (!reference.geometry().sameGridAs(prediction.geometry())) {
        throw std::invalid_argument("segmentation metrics: reference (" +
                                    reference.geometry().describe() + ") and prediction (" +
                                    prediction.geometry().describe() +
                                    ") are not on the same grid; resample one first");
    }
}

// Inclusive index box.
struct Box {
    Size3 lo{0, 0, 0};
    Size3 hi{-1, -1, -1};
    bool empty() const { return hi[0] < lo[0] || hi[1] < lo[1] || hi[2] < lo[2]; }
    Size3 size() const { return {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1}; }
    void include(const Size3& lower, const Size3& upper) {
        if (empty()) {
            lo = lower;
            hi = upper;
            return;
        }
        for (int a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], lower[a]);
            hi[a] = std::max(hi[a], upper[a]);
        }
    }
    // One voxel of margin so that surface tests never look outside the box for foreground.
    Box grown(const Size3& volume, bool inPlane) const {
        Box result = *this;
        for (int a = 0; a < (inPlane ? 2 : 3); ++a) {
            result.lo[a] = std::max<std::int64_t>(0, lo[a] - 1);
            result.hi[a] = std::min<std::int64_t>(volume[a] - 1, hi[a] + 1);
        }
        return result;
    }
};

// Lower envelope of parabolas (Felzenszwalb & Huttenlocher 2012) on one line, positions q * h.
struct LineTransform {
    std::vector<std::int64_t> vertex;
    std::vector<double> boundary;

    void run(const float* f, float* out, std::int64_t n, double h) {
        vertex.resize(static_cast<std::size_t>(n));
        boundary.resize(static_cast<std::size_t>(n) + 1);
        std::int64_t k = -1;
        for (std::int64_t q = 0; q < n; ++q) {
            if (!std::isfinite(f[q])) {
                continue;
            }
            const double xq = static_cast<double>(q) * h;
            const double fq = static_cast<double>(f[q]) + xq * xq;
            double s = -std::numeric_limits<double>::infinity();
            while (k >= 0) {
                const std::int64_t p = vertex[static_cast<std::size_t>(k)];
                const double xp = static_cast<double>(p) * h;
                s = (fq - (static_cast<double>(f[p]) + xp * xp)) / (2.0 * (xq - xp));
                if (s > boundary[static_cast<std::size_t>(k)]) {
                    break;
                }
                --k;
                s = -std::numeric_limits<double>::infinity();
            }
            ++k;
            vertex[static_cast<std::size_t>(k)] = q;
            boundary[static_cast<std::size_t>(k)] = s;
            boundary[static_cast<std::size_t>(k) + 1] = std::numeric_limits<double>::infinity();
        }
        if (k < 0) {
            std::fill(out, out + n, kInfinity);
            return;
        }
        std::size_t j = 0;
        for (std::int64_t q = 0; q < n; ++q) {
            const double x = static_cast<double>(q) * h;
            while (boundary[j + 1] < x) {
                ++j;
            }
            const std::int64_t p = vertex[j];
            const double d = x - static_cast<double>(p) * h;
            out[q] = static_cast<float>(d * d + static_cast<double>(f[p]));
        }
    }
};

// One separable pass along `axis`. Lines across memory are handled in tiles of neighbouring
// i so that each cache line fetched serves the whole tile; lines without a feature stay
// infinite and are skipped.
void transformAxis(std::vector<float>& grid, const Size3& size, int axis, double h,
                   unsigned threads) {
    const std::int64_t n = size[axis];
    if (n <= 1) {
        return;
    }
    const std::int64_t strides[3] = {1, size[0], size[0] * size[1]};
    const std::int64_t tile = axis == 0 ? 1 : 16;
    const std::int64_t tilesAlongI = axis == 0 ? 1 : (size[0] + tile - 1) / tile;
    // The axis that is neither `axis` nor i (for axis 0: the lines are whole rows).
    const int other = axis == 2 ? 1 : 2;
    const std::int64_t units = axis == 0 ? size[1] * size[2] : tilesAlongI * size[other];
    const std::int64_t stride = strides[axis];
    parallelFor(units, threads, [&](std::int64_t begin, std::int64_t end) {
        LineTransform transform;
        std::vector<float> in(static_cast<std::size_t>(n * tile));
        std::vector<float> out(static_cast<std::size_t>(n * tile));
        std::vector<bool> hasFeature(static_cast<std::size_t>(tile));
        for (std::int64_t unit = begin; unit < end; ++unit) {
            std::int64_t base = unit * size[0];
            std::int64_t width = 1;
            if (axis != 0) {
                const std::int64_t firstI = (unit % tilesAlongI) * tile;
                base = firstI + (unit / tilesAlongI) * strides[other];
                width = std::min(tile, size[0] - firstI);
            }
            std::fill(hasFeature.begin(), hasFeature.end(), false);
            for (std::int64_t q = 0; q < n; ++q) {
                const float* row = grid.data() + base + q * stride;
                for (std::int64_t b = 0; b < width; ++b) {
                    in[static_cast<std::size_t>(b * n + q)] = row[b];
                    if (row[b] != kInfinity) {
                        hasFeature[static_cast<std::size_t>(b)] = true;
                    }
                }
            }
            bool any = false;
            for (std::int64_t b = 0; b < width; ++b) {
                const auto offset = static_cast<std::size_t>(b * n);
                if (hasFeature[static_cast<std::size_t>(b)]) {
                    transform.run(in.data() + offset, out.data() + offset, n, h);
                    any = true;
                } else {
                    std::copy(in.begin() + static_cast<std::ptrdiff_t>(offset),
                              in.begin() + static_cast<std::ptrdiff_t>(offset + n),
                              out.begin() + static_cast<std::ptrdiff_t>(offset));
                }
            }
            if (!any) {
                continue;
            }
            for (std::int64_t q = 0; q < n; ++q) {
                float* row = grid.data() + base + q * stride;
                for (std::int64_t b = 0; b < width; ++b) {
                    row[b] = out[static_cast<std::size_t>(b * n + q)];
                }
            }
        }
    });
}

double percentileOf(std::vector<float>& values, double percentile) {
    if (values.empty()) {
        return kNaN;
    }
    const double rank =
        std::clamp(percentile, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(rank));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lower),
                     values.end());
    const double low = values[lower];
    if (lower + 1 >= values.size()) {
        return low;
    }
    const double high =
        *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lower) + 1, values.end());
    return low + (rank - static_cast<double>(lower)) * (high - low);
}

// Per-voxel flags of the box-local masks (one byte per voxel keeps memory traffic low on
// clinical grids).
enum : std::uint8_t { kInA = 1, kInB = 2, kSurfaceA = 4, kSurfaceB = 8 };

// Marks foreground voxels with a face neighbour in the background (outside the box counts as
// background: the box holds all foreground plus a margin, or ends at the volume edge).
void markSurfaces(std::vector<std::uint8_t>& flags, const Size3& size, bool inPlane) {
    const std::int64_t strides[3] = {1, size[0], size[0] * size[1]};
    for (std::int64_t k = 0; k < size[2]; ++k) {
        for (std::int64_t j = 0; j < size[1]; ++j) {
            for (std::int64_t i = 0; i < size[0]; ++i) {
                const std::int64_t v = i + strides[1] * j + strides[2] * k;
                const std::uint8_t here = flags[static_cast<std::size_t>(v)];
                if (!(here & (kInA | kInB))) {
                    continue;
                }
                const std::int64_t at[3] = {i, j, k};
                for (const std::uint8_t bit : {kInA, kInB}) {
                    if (!(here & bit)) {
                        continue;
                    }
                    bool boundary = false;
                    for (int a = 0; a < (inPlane ? 2 : 3) && !boundary; ++a) {
                        boundary = at[a] == 0 || at[a] == size[a] - 1 ||
                                   !(flags[static_cast<std::size_t>(v - strides[a])] & bit) ||
                                   !(flags[static_cast<std::size_t>(v + strides[a])] & bit);
                    }
                    if (boundary) {
                        flags[static_cast<std::size_t>(v)] |= bit == kInA ? kSurfaceA : kSurfaceB;
                    }
                }
            }
        }
    }
}

// Distances from each voxel flagged `from` to the nearest voxel flagged `to`; `grid` is scratch.
std::vector<float> directedSurfaceDistances(const std::vector<std::uint8_t>& flags,
                                            std::uint8_t from, std::uint8_t to, const Size3& size,
                                            const Vec3& spacing, std::vector<float>& grid,
                                            unsigned threads) {
    grid.resize(flags.size());
    for (std::size_t v = 0; v < flags.size(); ++v) {
        grid[v] = (flags[v] & to) ? 0.0f : kInfinity;
    }
    for (int axis = 0; axis < 3; ++axis) {
        transformAxis(grid, size, axis, spacing[axis], threads);
    }
    std::vector<float> distances;
    for (std::size_t v = 0; v < flags.size(); ++v) {
        if (flags[v] & from) {
            distances.push_back(std::sqrt(grid[v]));
        }
    }
    return distances;
}

// Hausdorff figures of two masks given as predicates on full-volume linear indices, evaluated
// inside `foregroundBox` (which must hold all their foreground; it is grown by one voxel here).
template <typename InA, typename InB>
HausdorffResult hausdorffInBox(const ImageGeometry& geometry, const Box& foregroundBox,
                               const InA& inA, const InB& inB, bool inPlane, double percentile,
                               unsigned threads) {
    HausdorffResult result;
    if (foregroundBox.empty()) {
        return result; // both empty: perfect agreement
    }
    const Box box = foregroundBox.grown(geometry.size, inPlane);
    const Size3 size = box.size();
    std::vector<std::uint8_t> flags(static_cast<std::size_t>(size[0] * size[1] * size[2]));
    std::uint8_t seen = 0;
    std::size_t local = 0;
    for (std::int64_t k = box.lo[2]; k <= box.hi[2]; ++k) {
        for (std::int64_t j = box.lo[1]; j <= box.hi[1]; ++j) {
            std::size_t v = geometry.linearIndex(box.lo[0], j, k);
            for (std::int64_t i = box.lo[0]; i <= box.hi[0]; ++i, ++v, ++local) {
                const auto here =
                    static_cast<std::uint8_t>((inA(v) ? kInA : 0) | (inB(v) ? kInB : 0));
                flags[local] = here;
                seen |= here;
            }
        }
    }
    if (seen != (kInA | kInB)) {
        const double value = seen ? std::numeric_limits<double>::infinity() : 0.0;
        return {value, value, value, value};
    }
    markSurfaces(flags, size, inPlane);
    std::vector<float> grid;
    std::vector<float> aToB = directedSurfaceDistances(flags, kSurfaceA, kSurfaceB, size,
                                                       geometry.spacing, grid, threads);
    std::vector<float> bToA = directedSurfaceDistances(flags, kSurfaceB, kSurfaceA, size,
                                                       geometry.spacing, grid, threads);
    result.maximumMm = std::max(*std::max_element(aToB.begin(), aToB.end()),
                                *std::max_element(bToA.begin(), bToA.end()));
    std::vector<float> pooled;
    pooled.reserve(aToB.size() + bToA.size());
    pooled.insert(pooled.end(), aToB.begin(), aToB.end());
    pooled.insert(pooled.end(), bToA.begin(), bToA.end());
    result.referenceToPredictionMm = percentileOf(aToB, percentile);
    result.predictionToReferenceMm = percentileOf(bToA, percentile);
    result.percentileMm = percentileOf(pooled, percentile);
    return result;
}

double ratio(std::size_t numerator, std::size_t denominator) {
    return denominator == 0 ? kNaN
                            : static_cast<double>(numerator) / static_cast<double>(denominator);
}

Box componentBox(const ComponentStats& stats) {
    Box box;
    box.include(stats.boundingBoxMin, stats.boundingBoxMax);
    return box;
}

LesionMatching matchLesions(const LabelMap& reference, const LabelMap& prediction,
                            const SegmentationOptions& options) {
    const ComponentLabeling ref = labelConnectedComponents(reference, options.connectivity);
    const ComponentLabeling pred = labelConnectedComponents(prediction, options.connectivity);
    const ImageGeometry& geometry = reference.geometry();
    const auto& refLabels = ref.labels.data();
    const auto& predLabels = pred.labels.data();

    // Components below the lesion minimum take no part in the lesion-wise figures (they do in the
    // voxel-wise ones).
    const auto isLesion = [](const ComponentStats& component) {
        return component.voxelCount >= kMinimumLesionVoxels;
    };
    std::vector<bool> predictionIsLesion(pred.components.size() + 1, false);
    for (const ComponentStats& piece : pred.components) {
        predictionIsLesion[piece.label] = isLesion(piece);
    }
    std::vector<bool> referenceIsLesion(ref.components.size() + 1, false);
    for (const ComponentStats& lesion : ref.components) {
        referenceIsLesion[lesion.label] = isLesion(lesion);
    }

    std::map<std::pair<std::uint16_t, std::uint16_t>, std::size_t> overlaps;
    for (std::size_t v = 0; v < refLabels.size(); ++v) {
        if (refLabels[v] != 0 && predLabels[v] != 0 && referenceIsLesion[refLabels[v]] &&
            predictionIsLesion[predLabels[v]]) {
            ++overlaps[{refLabels[v], predLabels[v]}];
        }
    }
    std::vector<std::vector<std::pair<std::uint16_t, std::size_t>>> overlapsOfRef(
        ref.components.size() + 1);
    std::vector<bool> predictionMatched(pred.components.size() + 1, false);
    for (const auto& [ids, voxels] : overlaps) {
        overlapsOfRef[ids.first].push_back({ids.second, voxels});
        predictionMatched[ids.second] = true;
    }

    LesionMatching matching;
    matching.referenceLesions = static_cast<std::size_t>(
        std::count(referenceIsLesion.begin(), referenceIsLesion.end(), true));
    matching.predictedLesions = static_cast<std::size_t>(
        std::count(predictionIsLesion.begin(), predictionIsLesion.end(), true));
    std::vector<std::uint8_t> inUnion(pred.components.size() + 1, 0);
    for (const ComponentStats& lesion : ref.components) {
        if (!referenceIsLesion[lesion.label]) {
            continue;
        }
        LesionRow row;
        row.referenceId = lesion.label;
        row.referenceVolumeMl = lesion.volumeMl;
        row.maxDiameterMm = lesion.maxDiameterMm;
        row.axialDiameterMm = lesion.axialDiameterMm;
        const auto& hits = overlapsOfRef[lesion.label];
        if (hits.empty()) {
            ++matching.falseNegative;
            row.dice = 0.0;
            row.hd95Mm = std::numeric_limits<double>::infinity();
            matching.rows.push_back(row);
            continue;
        }
        ++matching.truePositive;
        std::size_t shared = 0;
        std::size_t predictedVoxels = 0;
        std::size_t bestOverlap = 0;
        Box box = componentBox(lesion);
        for (const auto& [id, voxels] : hits) {
            row.overlappingPredictionIds.push_back(id);
            if (voxels > bestOverlap) { // ids ascend, so ties keep the lower id
                bestOverlap = voxels;
                row.matchedPredictionId = id;
            }
            shared += voxels;
            const ComponentStats& piece = pred.components[id - 1u];
            predictedVoxels += piece.voxelCount;
            row.predictionVolumeMl += piece.volumeMl;
            box.include(piece.boundingBoxMin, piece.boundingBoxMax);
            inUnion[id] = 1;
        }
        row.dice = 2.0 * static_cast<double>(shared) /
                   static_cast<double>(lesion.voxelCount + predictedVoxels);
        const std::uint16_t id = lesion.label;
        row.hd95Mm = hausdorffInBox(
                         geometry, box, [&](std::size_t v) { return refLabels[v] == id; },
                         [&](std::size_t v) { return inUnion[predLabels[v]] != 0; }, false,
                         options.hausdorffPercentile, options.threads)
                         .percentileMm;
        for (const auto& hit : hits) {
            inUnion[hit.first] = 0;
        }
        matching.rows.push_back(std::move(row));
    }
    for (const ComponentStats& piece : pred.components) {
        if (predictionIsLesion[piece.label] && !predictionMatched[piece.label]) {
            ++matching.falsePositive;
            matching.falsePositives.push_back(
                {piece.label, piece.volumeMl, piece.maxDiameterMm, piece.axialDiameterMm});
        }
    }
    matching.sensitivity = ratio(matching.truePositive, matching.referenceLesions);
    matching.precision =
        ratio(matching.predictedLesions - matching.falsePositive, matching.predictedLesions);

    matching.sizeBins = {{"<5mm", 0.0, 5.0, 0, 0, kNaN},
                         {"5-10mm", 5.0, 10.0, 0, 0, kNaN},
                         {">10mm", 10.0, std::numeric_limits<double>::infinity(), 0, 0, kNaN}};
    for (const LesionRow& row : matching.rows) {
        // RANO-BM's axial diameter: the 3D extent grows with the slice thickness and would put
        // small lesions of thick-slice series in larger bins.
        const double d = row.axialDiameterMm;
        SizeBinSensitivity& bin = d < 5.0     ? matching.sizeBins[0]
                                  : d <= 10.0 ? matching.sizeBins[1]
                                              : matching.sizeBins[2];
        ++bin.lesions;
        if (row.matchedPredictionId != 0) {
            ++bin.detected;
        }
    }
    for (SizeBinSensitivity& bin : matching.sizeBins) {
        bin.sensitivity = ratio(bin.detected, bin.lesions);
    }
    return matching;
}

} // namespace

std::vector<float> squaredDistanceTransform(const std::vector<std::uint8_t>& features,
                                            const Size3& size, const Vec3& spacing,
                                            unsigned threads) {
    if (features.size() != static_cast<std::size_t>(size[0] * size[1] * size[2])) {
        throw std::invalid_argument("distance transform: feature buffer does not match the size");
    }
    std::vector<float> grid(features.size());
    for (std::size_t v = 0; v < features.size(); ++v) {
        grid[v] = features[v] ? 0.0f : kInfinity;
    }
    for (int axis = 0; axis < 3; ++axis) {
        transformAxis(grid, size, axis, spacing[axis], threads);
    }
    return grid;
}

OverlapCounts overlapCounts(const LabelMap& reference, const LabelMap& prediction) {
    requireSameGrid(reference, prediction);
    OverlapCounts counts;
    const auto& a = reference.data();
    const auto& b = prediction.data();
    for (std::size_t v = 0; v < a.size(); ++v) {
        const bool inA = a[v] != 0;
        const bool inB = b[v] != 0;
        counts.reference += inA;
        counts.prediction += inB;
        counts.overlap += inA && inB;
    }
    return counts;
}

double diceFromCounts(const OverlapCounts& counts) {
    const std::size_t total = counts.reference + counts.prediction;
    return total == 0 ? 1.0
                      : 2.0 * static_cast<double>(counts.overlap) / static_cast<double>(total);
}

double precisionFromCounts(const OverlapCounts& counts) {
    return ratio(counts.overlap, counts.prediction);
}

double recallFromCounts(const OverlapCounts& counts) {
    return ratio(counts.overlap, counts.reference);
}

double dice(const LabelMap& reference, const LabelMap& prediction) {
    return diceFromCounts(overlapCounts(reference, prediction));
}

HausdorffResult hausdorffDistance(const LabelMap& reference, const LabelMap& prediction,
                                  double percentile, unsigned threads) {
    requireSameGrid(reference, prediction);
    const ImageGeometry& g = reference.geometry();
    const auto& a = reference.data();
    const auto& b = prediction.data();
    Box box;
    for (std::int64_t k = 0; k < g.size[2]; ++k) {
        for (std::int64_t j = 0; j < g.size[1]; ++j) {
            std::size_t v = g.linearIndex(0, j, k);
            for (std::int64_t i = 0; i < g.size[0]; ++i, ++v) {
                if (a[v] != 0 || b[v] != 0) {
                    box.include({i, j, k}, {i, j, k});
                }
            }
        }
    }
    return hausdorffInBox(
        g, box, [&](std::size_t v) { return a[v] != 0; }, [&](std::size_t v) { return b[v] != 0; },
        false, percentile, threads);
}

SegmentationReport evaluateSegmentation(const LabelMap& reference, const LabelMap& prediction,
                                        const SegmentationOptions& options) {
    requireSameGrid(reference, prediction);
    const ImageGeometry& g = reference.geometry();
    const auto& a = reference.data();
    const auto& b = prediction.data();
    const double voxelMl = g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
    const double pixelMm2 = g.spacing[0] * g.spacing[1];

    SegmentationReport report;
    Box box;
    std::vector<OverlapCounts> sliceCounts(static_cast<std::size_t>(g.size[2]));
    std::vector<Box> sliceBoxes(static_cast<std::size_t>(g.size[2]));
    for (std::int64_t k = 0; k < g.size[2]; ++k) {
        OverlapCounts& counts = sliceCounts[static_cast<std::size_t>(k)];
        Box& sliceBox = sliceBoxes[static_cast<std::size_t>(k)];
        for (std::int64_t j = 0; j < g.size[1]; ++j) {
            std::size_t v = g.linearIndex(0, j, k);
            for (std::int64_t i = 0; i < g.size[0]; ++i, ++v) {
                const bool inA = a[v] != 0;
                const bool inB = b[v] != 0;
                if (inA || inB) {
                    counts.reference += inA;
                    counts.prediction += inB;
                    counts.overlap += inA && inB;
                    sliceBox.include({i, j, k}, {i, j, k});
                }
            }
        }
        report.counts.reference += counts.reference;
        report.counts.prediction += counts.prediction;
        report.counts.overlap += counts.overlap;
        if (!sliceBox.empty()) {
            box.include(sliceBox.lo, sliceBox.hi);
        }
    }
    report.dice = diceFromCounts(report.counts);
    report.precision = precisionFromCounts(report.counts);
    report.recall = recallFromCounts(report.counts);
    report.referenceVolumeMl = static_cast<double>(report.counts.reference) * voxelMl;
    report.predictionVolumeMl = static_cast<double>(report.counts.prediction) * voxelMl;
    auto inA = [&](std::size_t v) { return a[v] != 0; };
    auto inB = [&](std::size_t v) { return b[v] != 0; };
    report.hausdorff =
        hausdorffInBox(g, box, inA, inB, false, options.hausdorffPercentile, options.threads);

    if (options.perSlice) {
        for (std::int64_t k = 0; k < g.size[2]; ++k) {
            const OverlapCounts& counts = sliceCounts[static_cast<std::size_t>(k)];
            const Box& sliceBox = sliceBoxes[static_cast<std::size_t>(k)];
            if (sliceBox.empty()) {
                continue;
            }
            SliceMetrics slice;
            slice.slice = k;
            slice.referenceAreaMm2 = static_cast<double>(counts.reference) * pixelMm2;
            slice.predictionAreaMm2 = static_cast<double>(counts.prediction) * pixelMm2;
            slice.dice = diceFromCounts(counts);
            slice.precision = precisionFromCounts(counts);
            slice.recall = recallFromCounts(counts);
            slice.hd95Mm = hausdorffInBox(g, sliceBox, inA, inB, true, options.hausdorffPercentile,
                                          options.threads)
                               .percentileMm;
            report.slices.push_back(slice);
        }
    }
    if (options.lesionWise) {
        report.lesions = matchLesions(reference, prediction, options);
    }
    return report;
}

std::string SegmentationReport::toJson() const {
    JsonWriter json;
    json.beginObject()
        .field("dice", dice)
        .field("hd95_mm", hausdorff.percentileMm)
        .field("hd95_ref_to_pred_mm", hausdorff.referenceToPredictionMm)
        .field("hd95_pred_to_ref_mm", hausdorff.predictionToReferenceMm)
        .field("hd95_directed_mean_mm", hausdorff.directedMeanMm())
        .field("hausdorff_max_mm", hausdorff.maximumMm)
        .field("precision", precision)
        .field("recall", recall)
        .field("reference_voxels", static_cast<std::uint64_t>(counts.reference))
        .field("prediction_voxels", static_cast<std::uint64_t>(counts.prediction))
        .field("overlap_voxels", static_cast<std::uint64_t>(counts.overlap))
        .field("reference_volume_ml", referenceVolumeMl)
        .field("prediction_volume_ml", predictionVolumeMl);
    json.key("slices").beginArray();
    for (const SliceMetrics& s : slices) {
        json.beginObject()
            .field("slice", static_cast<std::int64_t>(s.slice))
            .field("reference_area_mm2", s.referenceAreaMm2)
            .field("prediction_area_mm2", s.predictionAreaMm2)
            .field("dice", s.dice)
            .field("precision", s.precision)
            .field("recall", s.recall)
            .field("hd95_mm", s.hd95Mm)
            .endObject();
    }
    json.endArray();
    json.key("lesions")
        .beginObject()
        .field("tp", static_cast<std::uint64_t>(lesions.truePositive))
        .field("fp", static_cast<std::uint64_t>(lesions.falsePositive))
        .field("fn", static_cast<std::uint64_t>(lesions.falseNegative))
        .field("reference_lesions", static_cast<std::uint64_t>(lesions.referenceLesions))
        .field("predicted_lesions", static_cast<std::uint64_t>(lesions.predictedLesions))
        .field("sensitivity", lesions.sensitivity)
        .field("precision", lesions.precision);
    json.key("rows").beginArray();
    for (const LesionRow& row : lesions.rows) {
        json.beginObject()
            .field("reference_id", static_cast<unsigned>(row.referenceId))
            .field("matched_prediction_id", static_cast<unsigned>(row.matchedPredictionId));
        json.key("overlapping_prediction_ids").beginArray();
        for (const std::uint16_t id : row.overlappingPredictionIds) {
            json.value(static_cast<unsigned>(id));
        }
        json.endArray()
            .field("dice", row.dice)
            .field("hd95_mm", row.hd95Mm)
            .field("reference_volume_ml", row.referenceVolumeMl)
            .field("prediction_volume_ml", row.predictionVolumeMl)
            .field("max_diameter_mm", row.maxDiameterMm)
            .field("axial_diameter_mm", row.axialDiameterMm)
            .endObject();
    }
    json.endArray();
    json.key("false_positives").beginArray();
    for (const FalsePositiveLesion& fp : lesions.falsePositives) {
        json.beginObject()
            .field("prediction_id", static_cast<unsigned>(fp.predictionId))
            .field("volume_ml", fp.volumeMl)
            .field("max_diameter_mm", fp.maxDiameterMm)
            .field("axial_diameter_mm", fp.axialDiameterMm)
            .endObject();
    }
    json.endArray();
    json.key("size_bins").beginArray();
    for (const SizeBinSensitivity& bin : lesions.sizeBins) {
        json.beginObject()
            .field("name", bin.name)
            .field("lesions", static_cast<std::uint64_t>(bin.lesions))
            .field("detected", static_cast<std::uint64_t>(bin.detected))
            .field("sensitivity", bin.sensitivity)
            .endObject();
    }
    json.endArray().endObject().endObject();
    return json.str();
}

} // namespace metis
