#pragma once
// Splits an index range over a few std::threads; private to metis_core.
#include <algorithm>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace metis::detail {

/// Calls body(begin, end) on contiguous chunks of [0, count) from up to `threads` threads
/// (0: one per hardware thread). The first exception thrown by a chunk is rethrown here.
template <typename Body> void parallelFor(std::int64_t count, unsigned threads, const Body& body) {
    if (count <= 0) {
        return;
    }
    if (threads == 0) {
        threads = std::max(1u, std::thread::hardware_concurrency());
    }
    const auto workers = static_cast<std::int64_t>(std::min<std::int64_t>(threads, count));
    if (workers <= 1) {
        body(std::int64_t{0}, count);
        return;
    }
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(workers));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(workers));
    for (std::int64_t w = 0; w < workers; ++w) {
        const std::int64_t begin = count * w / workers;
        const std::int64_t end = count * (w + 1) / workers;
        pool.emplace_back([&, w, begin, end] {
            try {
                body(begin, end);
            } catch (...) {
                errors[static_cast<std::size_t>(w)] = std::current_exception();
            }
        });
    }
    for (auto& thread : pool) {
        thread.join();
    }
    for (const auto& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
}

} // namespace metis::detail
