// The in-plane depth inside the head that the intracranial restriction of GTV post-processing
// relies on: air is only what touches the slice border, enclosed dark regions are not air.
#include "metis/core/HeadDepth.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>

using namespace metis;

namespace {

/// A 40 x 40 x 2 grid of 2 mm x 1 mm pixels; slice 0 holds a filled square "head" with a dark
/// hole in its middle, slice 1 is full head (no air at all).
LabelMap squareHead() {
    ImageGeometry g;
    g.size = {40, 40, 2};
    g.spacing = {2.0, 1.0, 5.0};
    LabelMap head(g, 0);
    for (int y = 10; y < 30; ++y) {
        for (int x = 10; x < 30; ++x) {
            const bool hole = x >= 18 && x < 22 && y >= 18 && y < 22;
            head.data()[static_cast<std::size_t>(y * 40 + x)] = hole ? 0 : 1;
        }
    }
    std::fill(head.data().begin() + 1600, head.data().end(), std::uint16_t{1});
    return head;
}

float at(const ImageVolume& v, int x, int y, int z) {
    return v.data()[static_cast<std::size_t>(z * 1600 + y * 40 + x)];
}

} // namespace

TEST(CoreHeadDepth, depthIsTheInPlaneDistanceToTheAirAroundTheHead) {
    const ImageVolume depth = depthInsideHeadMm(squareHead());
    ASSERT_FLOAT_EQ(at(depth, 0, 0, 0), 0.0f);   // air
    ASSERT_FLOAT_EQ(at(depth, 9, 20, 0), 0.0f);  // air next to the head
    ASSERT_FLOAT_EQ(at(depth, 10, 20, 0), 2.0f); // one 2 mm pixel in from the left edge
    ASSERT_FLOAT_EQ(at(depth, 20, 10, 0), 1.0f); // one 1 mm pixel in from the top edge
    ASSERT_FLOAT_EQ(at(depth, 20, 14, 0), 5.0f); // five rows in: 5 mm, nearer than the sides
    // The enclosed hole is not air: its pixels are as deep as their position says.
    ASSERT_TRUE(at(depth, 19, 19, 0) >= 9.0f);
    ASSERT_TRUE(at(depth, 20, 20, 0) > at(depth, 20, 12, 0));
}

TEST(CoreHeadDepth, aSliceWithoutAirIsInfinitelyDeep) {
    const ImageVolume depth = depthInsideHeadMm(squareHead());
    ASSERT_TRUE(std::isinf(at(depth, 0, 0, 1)));
    ASSERT_TRUE(std::isinf(at(depth, 20, 20, 1)));
}
