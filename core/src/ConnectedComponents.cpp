#include "metis/core/ConnectedComponents.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

namespace metis {

namespace {

struct Offset {
    std::int64_t di, dj, dk;
};

std::vector<Offset> neighbourOffsets(Connectivity connectivity) {
    std::vector<Offset> offsets;
    for (std::int64_t dk = -1; dk <= 1; ++dk) {
        for (std::int64_t dj = -1; dj <= 1; ++dj) {
            for (std::int64_t di = -1; di <= 1; ++di) {
                const auto steps = std::abs(di) + std::abs(dj) + std::abs(dk);
                if (steps == 0 || (connectivity == Connectivity::Faces6 && steps > 1)) {
                    continue;
                }
                offsets.push_back({di, dj, dk});
            }
        }
    }
    return offsets;
}

} // namespace

double maxVoxelDistanceMm(const ImageGeometry& geometry, const std::vector<std::size_t>& voxels) {
    if (voxels.size() < 2) {
        return 0.0;
    }
    const std::int64_t nx = geometry.size[0];
    const std::int64_t ny = geometry.size[1];
    Size3 lo{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max(),
             std::numeric_limits<std::int64_t>::max()};
    Size3 hi{-1, -1, -1};
    std::vector<Size3> points;
    points.reserve(voxels.size());
    for (const std::size_t v : voxels) {
        const auto linear = static_cast<std::int64_t>(v);
        const Size3 p{linear % nx, (linear / nx) % ny, linear / (nx * ny)};
        points.push_back(p);
        for (int a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], p[a]);
            hi[a] = std::max(hi[a], p[a]);
        }
    }
    const Size3 extent{hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    // For each index line along axis a (identified by the other two coordinates): the lowest
    // and highest coordinate along a. A convex-hull vertex is an end of every such line through
    // it (otherwise it would lie between two other points of the set).
    std::vector<std::int64_t> lineMin[3], lineMax[3];
    auto lineIndex = [&](int axis, const Size3& p) {
        const int u = (axis + 1) % 3;
        const int w = (axis + 2) % 3;
        return static_cast<std::size_t>((p[u] - lo[u]) + extent[u] * (p[w] - lo[w]));
    };
    for (int a = 0; a < 3; ++a) {
        const auto lines = static_cast<std::size_t>(extent[(a + 1) % 3] * extent[(a + 2) % 3]);
        lineMin[a].assign(lines, std::numeric_limits<std::int64_t>::max());
        lineMax[a].assign(lines, std::numeric_limits<std::int64_t>::min());
    }
    for (const Size3& p : points) {
        for (int a = 0; a < 3; ++a) {
            const std::size_t line = lineIndex(a, p);
            lineMin[a][line] = std::min(lineMin[a][line], p[a]);
            lineMax[a][line] = std::max(lineMax[a][line], p[a]);
        }
    }
    std::vector<Vec3> candidates;
    for (const Size3& p : points) {
        bool extreme = true;
        for (int a = 0; a < 3 && extreme; ++a) {
            const std::size_t line = lineIndex(a, p);
            extreme = p[a] == lineMin[a][line] || p[a] == lineMax[a][line];
        }
        if (extreme) {
            // Distances in an orthonormal frame only need the spacing.
            candidates.push_back({static_cast<double>(p[0]) * geometry.spacing[0],
                                  static_cast<double>(p[1]) * geometry.spacing[1],
                                  static_cast<double>(p[2]) * geometry.spacing[2]});
        }
    }
    double best = 0.0;
    for (std::size_t a = 0; a < candidates.size(); ++a) {
        for (std::size_t b = a + 1; b < candidates.size(); ++b) {
            const double dx = candidates[a][0] - candidates[b][0];
            const double dy = candidates[a][1] - candidates[b][1];
            const double dz = candidates[a][2] - candidates[b][2];
            best = std::max(best, dx * dx + dy * dy + dz * dz);
        }
    }
    return std::sqrt(best);
}

ComponentLabeling labelConnectedComponents(const LabelMap& mask, Connectivity connectivity) {
    const ImageGeometry& geometry = mask.geometry();
    geometry.validate();
    const auto offsets = neighbourOffsets(connectivity);
    const auto& input = mask.data();
    ComponentLabeling result{LabelMap(geometry, 0), {}};
    auto& labels = result.labels.data();
    const double voxelMl = geometry.spacing[0] * geometry.spacing[1] * geometry.spacing[2] / 1000.0;

    std::vector<std::size_t> members;
    const std::int64_t nx = geometry.size[0];
    const std::int64_t ny = geometry.size[1];
    for (std::size_t seed = 0; seed < input.size(); ++seed) {
        if (input[seed] == 0 || labels[seed] != 0) {
            continue;
        }
        if (result.components.size() >= std::numeric_limits<std::uint16_t>::max()) {
            throw std::runtime_error("connected components: more than 65535 components in a " +
                                     geometry.describe() + " mask");
        }
        const auto label = static_cast<std::uint16_t>(result.components.size() + 1);
        // Breadth-first flood fill; `members` doubles as the queue.
        members.clear();
        members.push_back(seed);
        labels[seed] = label;
        for (std::size_t head = 0; head < members.size(); ++head) {
            const auto linear = static_cast<std::int64_t>(members[head]);
            const std::int64_t i = linear % nx;
            const std::int64_t j = (linear / nx) % ny;
            const std::int64_t k = linear / (nx * ny);
            for (const Offset& o : offsets) {
                if (!geometry.containsIndex(i + o.di, j + o.dj, k + o.dk)) {
                    continue;
                }
                const std::size_t n = geometry.linearIndex(i + o.di, j + o.dj, k + o.dk);
                if (input[n] != 0 && labels[n] == 0) {
                    labels[n] = label;
                    members.push_back(n);
                }
            }
        }

        ComponentStats stats;
        stats.label = label;
        stats.voxelCount = members.size();
        stats.volumeMl = static_cast<double>(members.size()) * voxelMl;
        stats.boundingBoxMin = {nx, ny, geometry.size[2]};
        stats.boundingBoxMax = {-1, -1, -1};
        Vec3 sum{0, 0, 0};
        for (const std::size_t v : members) {
            const auto linear = static_cast<std::int64_t>(v);
            const Size3 p{linear % nx, (linear / nx) % ny, linear / (nx * ny)};
            for (int a = 0; a < 3; ++a) {
                sum[a] += static_cast<double>(p[a]);
                stats.boundingBoxMin[a] = std::min(stats.boundingBoxMin[a], p[a]);
                stats.boundingBoxMax[a] = std::max(stats.boundingBoxMax[a], p[a]);
            }
        }
        const auto count = static_cast<double>(members.size());
        stats.centroidMm =
            geometry.indexToPatient({sum[0] / count, sum[1] / count, sum[2] / count});
        stats.maxDiameterMm = maxVoxelDistanceMm(geometry, members);
        stats.axialDiameterMm = longestAxialDiameterMm(geometry, members);
        result.components.push_back(stats);
    }
    return result;
}

double longestAxialDiameterMm(const ImageGeometry& geometry,
                              const std::vector<std::size_t>& voxels) {
    if (voxels.empty()) {
        return 0.0;
    }
    int axial = 0;
    for (int a = 1; a < 3; ++a) {
        if (std::abs(geometry.direction[2][a]) > std::abs(geometry.direction[2][axial])) {
            axial = a;
        }
    }
    const double pixelMm =
        (geometry.spacing[(axial + 1) % 3] + geometry.spacing[(axial + 2) % 3]) / 2.0;
    const std::int64_t nx = geometry.size[0];
    const std::int64_t ny = geometry.size[1];
    std::map<std::int64_t, std::vector<std::size_t>> slices;
    for (const std::size_t v : voxels) {
        const auto linear = static_cast<std::int64_t>(v);
        const Size3 p{linear % nx, (linear / nx) % ny, linear / (nx * ny)};
        slices[p[axial]].push_back(v);
    }
    double longest = 0.0;
    for (const auto& [slice, members] : slices) {
        (void)slice;
        longest = std::max(longest, maxVoxelDistanceMm(geometry, members) + pixelMm);
    }
    return longest;
}

} // namespace metis
