#pragma once
// The one way Metis fans work out over threads.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace metis {

/// Threads to use for `requested` (0: one per hardware thread), never more than `tasks`.
inline unsigned threadCount(unsigned requested, std::size_t tasks) {
    const unsigned wanted =
        requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, tasks)));
}

/// Calls body(begin, end) on contiguous chunks of [0, count) from up to `threads` threads
/// (0: one per hardware thread), for work of even cost per index (voxels, slices). The first
/// exception thrown by a chunk is rethrown here.
template <typename Body> void parallelFor(std::int64_t count, unsigned threads, const Body& body) {
    if (count <= 0) {
        return;
    }
    const auto workers =
        static_cast<std::int64_t>(threadCount(threads, static_cast<std::size_t>(count)));
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

/// Runs task(n) for every n in [0, count) on up to `threads` threads (0: one per hardware
/// thread), the caller's included, handing out one index at a time so that tasks of uneven
/// cost (files, patients) balance. Only the calling thread calls betweenTasks(completed): before
/// any work, before each task it takes and once all are done, so progress and cancellation
/// surface there even when the workers took every task (betweenTasks may throw to stop). After a
/// throw, by a task or by betweenTasks, no task starts; running ones finish; the first exception
/// is rethrown.
template <typename Task, typename BetweenTasks>
void forEachIndex(std::size_t count, unsigned threads, const Task& task,
                  const BetweenTasks& betweenTasks) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex failureMutex;
    std::exception_ptr failure;
    auto runOne = [&](std::size_t n) {
        try {
            task(n);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure) {
                failure = std::current_exception();
            }
            stop = true;
        }
        ++done;
    };
    auto work = [&] {
        for (std::size_t n = next++; n < count && !stop; n = next++) {
            runOne(n);
        }
    };
    betweenTasks(std::size_t{0});
    const unsigned workers = threadCount(threads, count);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < workers; ++t) {
        pool.emplace_back(work);
    }
    auto joinAll = [&pool] {
        for (auto& thread : pool) {
            thread.join();
        }
    };
    try {
        for (std::size_t n = next++; n < count && !stop; n = next++) {
            betweenTasks(done.load());
            runOne(n);
        }
    } catch (...) {
        stop = true;
        joinAll();
        throw;
    }
    joinAll();
    if (failure) {
        std::rethrow_exception(failure);
    }
    betweenTasks(count);
}

} // namespace metis
