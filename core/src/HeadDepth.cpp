#include "metis/core/HeadDepth.h"

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
    std::vector<std::uint8_t> air(pixels);
    std::vector<std::size_t> stack;
    for (std::int64_t k = 0; k < nz; ++k) {
        const std::uint16_t* labels = head.data().data() + static_cast<std::size_t>(k) * pixels;
        std::fill(air.begin(), air.end(), std::uint8_t{0});
        stack.clear();
        auto seed = [&](std::int64_t x, std::int64_t y) {
            const auto i = static_cast<std::size_t>(y * nx + x);
            if (labels[i] == 0 && !air[i]) {
                air[i] = 1;
                stack.push_back(i);
            }
        };
        for (std::int64_t x = 0; x < nx; ++x) {
            seed(x, 0);
            seed(x, ny - 1);
        }
        for (std::int64_t y = 0; y < ny; ++y) {
            seed(0, y);
            seed(nx - 1, y);
        }
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            const auto x = static_cast<std::int64_t>(i % static_cast<std::size_t>(nx));
            const auto y = static_cast<std::int64_t>(i / static_cast<std::size_t>(nx));
            if (x > 0) {
                seed(x - 1, y);
            }
            if (x + 1 < nx) {
                seed(x + 1, y);
            }
            if (y > 0) {
                seed(x, y - 1);
            }
            if (y + 1 < ny) {
                seed(x, y + 1);
            }
        }
        const std::vector<float> squared = squaredDistanceTransform(
            air, Size3{nx, ny, 1}, Vec3{geometry.spacing[0], geometry.spacing[1], 1.0}, 1);
        float* out = depth.data().data() + static_cast<std::size_t>(k) * pixels;
        for (std::size_t i = 0; i < pixels; ++i) {
            out[i] = std::sqrt(squared[i]);
        }
    }
    return depth;
}

} // namespace metis
