#include "metis/core/Resample.h"

#include "metis/core/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace metis {

Vec3 IndexMapping::apply(const Vec3& targetIndex) const {
    const Vec3 mapped = multiply(matrix, targetIndex);
    return {mapped[0] + offset[0], mapped[1] + offset[1], mapped[2] + offset[2]};
}

IndexMapping indexMapping(const ImageGeometry& source, const ImageGeometry& target) {
    source.validate();
    target.validate();
    // sourceIndex = S^-1 Ds^T (Dt St t + ot - os); directions are orthonormal (validated).
    const Mat3 sourceToIndex = transpose(source.direction);
    Mat3 targetScaled = target.direction;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            targetScaled[r][c] *= target.spacing[c];
        }
    }
    IndexMapping mapping;
    mapping.matrix = multiply(sourceToIndex, targetScaled);
    const Vec3 originDelta{target.origin[0] - source.origin[0], target.origin[1] - source.origin[1],
                           target.origin[2] - source.origin[2]};
    mapping.offset = multiply(sourceToIndex, originDelta);
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            mapping.matrix[r][c] /= source.spacing[r];
        }
        mapping.offset[r] /= source.spacing[r];
    }
    return mapping;
}

bool nearestIndex(const Vec3& index, const Size3& size, Size3& nearest) {
    for (int a = 0; a < 3; ++a) {
        const double shifted = index[a] + 0.5;
        if (shifted < 0.0) {
            return false;
        }
        nearest[a] = static_cast<std::int64_t>(shifted); // floor, as shifted >= 0
        if (nearest[a] >= size[a]) {
            return false;
        }
    }
    return true;
}

namespace {

// Index values within this of an integer are snapped to it, so that grids which coincide up to
// rounding (identity, 90-degree rotations) copy voxels exactly.
constexpr double kSnap = 1e-6;

double snap(double x) {
    if (!(std::abs(x) < 1e15)) {
        return x; // far outside any grid (or NaN): nothing to snap, and no integer overflow
    }
    // Rounding by truncation: std::round is a library call, and this runs per voxel.
    const double nearest = static_cast<double>(x >= 0.0 ? static_cast<std::int64_t>(x + 0.5)
                                                        : -static_cast<std::int64_t>(0.5 - x));
    return std::abs(x - nearest) < kSnap ? nearest : x;
}

// Visits every target voxel with its continuous source index, slices split over threads.
template <typename Visit>
void forEachTargetVoxel(const ImageGeometry& source, const ImageGeometry& target, unsigned threads,
                        const Visit& visit) {
    const IndexMapping mapping = indexMapping(source, target);
    parallelFor(target.size[2], threads, [&](std::int64_t kBegin, std::int64_t kEnd) {
        for (std::int64_t k = kBegin; k < kEnd; ++k) {
            for (std::int64_t j = 0; j < target.size[1]; ++j) {
                const Vec3 rowStart =
                    mapping.apply({0.0, static_cast<double>(j), static_cast<double>(k)});
                std::size_t at = target.linearIndex(0, j, k);
                for (std::int64_t i = 0; i < target.size[0]; ++i, ++at) {
                    const auto di = static_cast<double>(i);
                    visit(at, Vec3{snap(rowStart[0] + di * mapping.matrix[0][0]),
                                   snap(rowStart[1] + di * mapping.matrix[1][0]),
                                   snap(rowStart[2] + di * mapping.matrix[2][0])});
                }
            }
        }
    });
}

} // namespace

ImageVolume resampleLinear(const ImageVolume& source, const ImageGeometry& target,
                           const ResampleOptions& options) {
    ImageVolume result(target, options.outsideValue);
    auto& out = result.data();
    forEachTargetVoxel(source.geometry(), target, options.threads,
                       [&](std::size_t at, const Vec3& index) {
                           if (withinGridExtent(index, source.size(), kSnap)) {
                               out[at] = static_cast<float>(interpolateLinear(source, index));
                           }
                       });
    return result;
}

LabelMap resampleNearest(const LabelMap& source, const ImageGeometry& target, unsigned threads) {
    LabelMap result(target, 0);
    auto& out = result.data();
    forEachTargetVoxel(source.geometry(), target, threads, [&](std::size_t at, const Vec3& index) {
        Size3 nearest{};
        if (nearestIndex(index, source.size(), nearest)) {
            out[at] = source.at(nearest[0], nearest[1], nearest[2]);
        }
    });
    return result;
}

LabelMap resampleMaskLinear(const LabelMap& source, const ImageGeometry& target, unsigned threads) {
    LabelMap result(target, 0);
    auto& out = result.data();
    forEachTargetVoxel(source.geometry(), target, threads, [&](std::size_t at, const Vec3& index) {
        if (!withinGridExtent(index, source.size(), kSnap)) {
            return;
        }
        // Interpolate the indicator of the foreground, not the label values.
        const double fraction = interpolateLinear(
            source, index, [](std::uint16_t label) { return label != 0 ? 1.0 : 0.0; });
        if (fraction >= 0.5 - kSnap) {
            out[at] = 1;
        }
    });
    return result;
}

LabelMap resampleMaskAreaFraction(const LabelMap& source, const ImageGeometry& target,
                                  unsigned threads) {
    const IndexMapping mapping = indexMapping(source.geometry(), target);
    // Samples per target axis: enough that consecutive samples are at most one source voxel
    // apart along that axis, capped to bound the cost.
    int samples[3];
    for (int c = 0; c < 3; ++c) {
        double stride = 0.0;
        for (int r = 0; r < 3; ++r) {
            stride = std::max(stride, std::abs(mapping.matrix[r][c]));
        }
        samples[c] = std::clamp(static_cast<int>(std::ceil(stride - kSnap)), 1, 8);
    }
    const int total = samples[0] * samples[1] * samples[2];
    LabelMap result(target, 0);
    auto& out = result.data();
    forEachTargetVoxel(source.geometry(), target, threads, [&](std::size_t at, const Vec3& centre) {
        std::map<std::uint16_t, int> counts;
        int foreground = 0;
        for (int sk = 0; sk < samples[2]; ++sk) {
            for (int sj = 0; sj < samples[1]; ++sj) {
                for (int si = 0; si < samples[0]; ++si) {
                    // Sub-sample offsets in target index units, centred in the voxel.
                    const Vec3 offset{(si + 0.5) / samples[0] - 0.5, (sj + 0.5) / samples[1] - 0.5,
                                      (sk + 0.5) / samples[2] - 0.5};
                    const Vec3 delta = multiply(mapping.matrix, offset);
                    const Vec3 index{centre[0] + delta[0], centre[1] + delta[1],
                                     centre[2] + delta[2]};
                    Size3 nearest{};
                    if (!nearestIndex(index, source.size(), nearest)) {
                        continue;
                    }
                    const std::uint16_t label = source.at(nearest[0], nearest[1], nearest[2]);
                    if (label != 0) {
                        ++foreground;
                        ++counts[label];
                    }
                }
            }
        }
        if (2 * foreground > total) {
            const auto best =
                std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
            out[at] = best->first;
        }
    });
    return result;
}

Vec3 antiAliasingSigmas(const ImageGeometry& source, const ImageGeometry& target) {
    const IndexMapping mapping = indexMapping(source, target);
    // FWHM = 2 sqrt(2 ln 2) sigma.
    const double fwhmPerSigma = 2.0 * std::sqrt(2.0 * std::log(2.0));
    Vec3 sigmas{};
    for (int a = 0; a < 3; ++a) {
        const double span =
            std::hypot(mapping.matrix[a][0], mapping.matrix[a][1], mapping.matrix[a][2]);
        sigmas[a] = span > 1.0 ? std::sqrt(span * span - 1.0) / fwhmPerSigma : 0.0;
    }
    return sigmas;
}

namespace {

std::vector<double> gaussianKernel(double sigma) {
    const auto radius = static_cast<int>(std::ceil(3.0 * sigma));
    std::vector<double> kernel(static_cast<std::size_t>(2 * radius + 1));
    double sum = 0.0;
    for (int t = -radius; t <= radius; ++t) {
        const double w = std::exp(-0.5 * t * t / (sigma * sigma));
        kernel[static_cast<std::size_t>(t + radius)] = w;
        sum += w;
    }
    for (double& w : kernel) {
        w /= sum;
    }
    return kernel;
}

// Convolves every line of `values` along one axis (`length` samples `stride` apart); lines
// start at u * outerStride + v * innerStride, the outer index u split over threads.
void convolveLines(std::vector<float>& values, const std::vector<double>& kernel,
                   std::int64_t length, std::size_t stride, std::int64_t outerCount,
                   std::size_t outerStride, std::int64_t innerCount, std::size_t innerStride,
                   unsigned threads) {
    const auto radius = static_cast<std::int64_t>(kernel.size() / 2);
    parallelFor(outerCount, threads, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> line(static_cast<std::size_t>(length));
        for (std::int64_t u = begin; u < end; ++u) {
            for (std::int64_t v = 0; v < innerCount; ++v) {
                const std::size_t start = static_cast<std::size_t>(u) * outerStride +
                                          static_cast<std::size_t>(v) * innerStride;
                for (std::int64_t t = 0; t < length; ++t) {
                    line[static_cast<std::size_t>(t)] =
                        values[start + static_cast<std::size_t>(t) * stride];
                }
                for (std::int64_t t = 0; t < length; ++t) {
                    double sum = 0.0;
                    for (std::int64_t o = -radius; o <= radius; ++o) {
                        const std::int64_t at = std::clamp<std::int64_t>(t + o, 0, length - 1);
                        sum += kernel[static_cast<std::size_t>(o + radius)] *
                               line[static_cast<std::size_t>(at)];
                    }
                    values[start + static_cast<std::size_t>(t) * stride] = static_cast<float>(sum);
                }
            }
        }
    });
}

} // namespace

ImageVolume gaussianSmooth(const ImageVolume& image, const Vec3& sigmaVoxels, unsigned threads) {
    ImageVolume result(image.geometry(), image.data());
    const Size3& n = image.size();
    const auto nx = static_cast<std::size_t>(n[0]);
    const std::size_t nxy = nx * static_cast<std::size_t>(n[1]);
    std::vector<float>& values = result.data();
    constexpr double kNegligibleSigma = 0.1;
    if (sigmaVoxels[0] >= kNegligibleSigma) { // rows: outer k, inner j
        convolveLines(values, gaussianKernel(sigmaVoxels[0]), n[0], 1, n[2], nxy, n[1], nx,
                      threads);
    }
    if (sigmaVoxels[1] >= kNegligibleSigma) { // columns: outer k, inner i
        convolveLines(values, gaussianKernel(sigmaVoxels[1]), n[1], nx, n[2], nxy, n[0], 1,
                      threads);
    }
    if (sigmaVoxels[2] >= kNegligibleSigma) { // through slices: outer j, inner i
        convolveLines(values, gaussianKernel(sigmaVoxels[2]), n[2], nxy, n[1], nx, n[0], 1,
                      threads);
    }
    return result;
}

} // namespace metis
