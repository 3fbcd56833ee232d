#include "metis/core/HeadDepth.h"

#include "BorderFlood.h"
#include "metis/core/ParallelFor.h"
#include "metis/core/SegmentationMetrics.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace metis {

ImageVolume depthInsideHeadMm(const LabelMap& head) {
    const ImageGeometry& geometry = head.geometry();
    const std::int64_t nx = geometry.size[0];
    const std::int64_t ny = geometry.size[1];
    const std::int64_t nz = geometry.size[2];
    const auto pixels = static_cast<std::size_t>(nx * ny);
    ImageVolume depth(geometry, 0.0f);
    // Slices are independent: each thread takes a run of them with its own buffers.
    parallelFor(nz, 0, [&](std::int64_t first, std::int64_t last) {
        std::vector<std::uint8_t> air(pixels);
        std::vector<std::size_t> stack;
        for (std::int64_t k = first; k < last; ++k) {
            const std::uint16_t* labels = head.data().data() + static_cast<std::size_t>(k) * pixels;
            detail::markReachableFromBorder(
                nx, ny, [labels](std::size_t i) { return labels[i] == 0; }, air, stack);
            const std::vector<float> squared = squaredDistanceTransform(
                air, Size3{nx, ny, 1}, Vec3{geometry.spacing[0], geometry.spacing[1], 1.0}, 1);
            float* out = depth.data().data() + static_cast<std::size_t>(k) * pixels;
            for (std::size_t i = 0; i < pixels; ++i) {
                out[i] = std::sqrt(squared[i]);
            }
        }
    });
    return depth;
}

} // namespace metis
