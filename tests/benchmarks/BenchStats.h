#pragma once
// Shared helpers for benchmarks: timing and order statistics printed in one format.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace bench {

inline double nowMs() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, static_cast<size_t>(p * (values.size() - 1) + 0.5));
    return values[index];
}

inline void printSummary(const char* what, const std::vector<double>& ms) {
    std::printf("%s: n=%zu median %.2f ms, p95 %.2f ms, min %.2f ms\n", what, ms.size(),
                percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.0));
}

} // namespace bench
