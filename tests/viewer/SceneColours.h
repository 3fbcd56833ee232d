#pragma once
// The known scene of the viewer pixel tests: a red sphere on a blue background. Neither colour
// is black, so a black (failed) frame cannot pass.
#include <array>

namespace test_scene {
constexpr std::array<double, 3> kBackground{0.10, 0.20, 0.60}; // RGB 26, 51, 153
constexpr std::array<double, 3> kSphere{0.90, 0.10, 0.10};     // RGB 230, 26, 26
constexpr int kTolerance = 40;                                 // per channel, 0..255

inline bool near(int actual, double expected) {
    const int e = static_cast<int>(expected * 255.0 + 0.5);
    return actual >= e - kTolerance && actual <= e + kTolerance;
}
template <typename Colour> bool matches(int r, int g, int b, const Colour& c) {
    return near(r, c[0]) && near(g, c[1]) && near(b, c[2]);
}
} // namespace test_scene
