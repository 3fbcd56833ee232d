#pragma once
// The pixels of a 2D grid reachable from its border through passable pixels (4-connected);
// private to metis_core: what lies outside a head, what is not a hole of a lesion.
#include <cstdint>
#include <vector>

namespace metis::detail {

/// Sets reached[y * width + x] = 1 for every passable pixel connected to the grid's border by
/// passable pixels, 0 for the others. `passable(index)` takes the pixel's linear index.
/// `stack` is scratch space, reused across calls.
template <typename Passable>
void markReachableFromBorder(std::int64_t width, std::int64_t height, const Passable& passable,
                             std::vector<std::uint8_t>& reached, std::vector<std::size_t>& stack) {
    reached.assign(static_cast<std::size_t>(width * height), 0);
    stack.clear();
    auto seed = [&](std::int64_t x, std::int64_t y) {
        const auto i = static_cast<std::size_t>(y * width + x);
        if (!reached[i] && passable(i)) {
            reached[i] = 1;
            stack.push_back(i);
        }
    };
    for (std::int64_t x = 0; x < width; ++x) {
        seed(x, 0);
        seed(x, height - 1);
    }
    for (std::int64_t y = 0; y < height; ++y) {
        seed(0, y);
        seed(width - 1, y);
    }
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        const auto x = static_cast<std::int64_t>(i % static_cast<std::size_t>(width));
        const auto y = static_cast<std::int64_t>(i / static_cast<std::size_t>(width));
        if (x > 0) {
            seed(x - 1, y);
        }
        if (x + 1 < width) {
            seed(x + 1, y);
        }
        if (y > 0) {
            seed(x, y - 1);
        }
        if (y + 1 < height) {
            seed(x, y + 1);
        }
    }
}

} // namespace metis::detail
