// The one thread fan-out: every index once, the first failure rethrown, progress and
// cancellation on the calling thread whatever the workers do.
#include "metis/core/ParallelFor.h"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace metis;

TEST(CoreParallelFor, chunksCoverTheRangeOnce) {
    std::vector<std::atomic<int>> visits(1001);
    parallelFor(1001, 4, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t n = begin; n < end; ++n) {
            ++visits[static_cast<std::size_t>(n)];
        }
    });
    for (const auto& v : visits) {
        ASSERT_EQ(v.load(), 1);
    }
}

TEST(CoreParallelFor, everyIndexRunsOnceAndProgressEndsComplete) {
    constexpr std::size_t count = 500;
    std::vector<std::atomic<int>> visits(count);
    std::vector<std::size_t> reported;
    const auto caller = std::this_thread::get_id();
    bool reportedOffCaller = false;
    forEachIndex(
        count, 4, [&](std::size_t n) { ++visits[n]; },
        [&](std::size_t completed) {
            reportedOffCaller = reportedOffCaller || std::this_thread::get_id() != caller;
            reported.push_back(completed);
        });
    for (const auto& v : visits) {
        ASSERT_EQ(v.load(), 1);
    }
    ASSERT_FALSE(reportedOffCaller);
    ASSERT_GE(reported.size(), 2u);
    ASSERT_EQ(reported.front(), 0u);
    ASSERT_EQ(reported.back(), count);
    for (std::size_t i = 1; i < reported.size(); ++i) {
        ASSERT_LE(reported[i - 1], reported[i]);
    }
}

TEST(CoreParallelFor, cancellationBeforeWorkStartsNoTask) {
    std::atomic<int> ran{0};
    ASSERT_THROW(forEachIndex(
                     100, 4, [&](std::size_t) { ++ran; },
                     [](std::size_t) { throw std::runtime_error("cancelled"); }),
                 std::runtime_error);
    ASSERT_EQ(ran.load(), 0);
}

// The race the scanner once had: workers may take every task before the caller takes one. The
// caller must still see the cancellation (here: the first report after work began) and the call
// must throw, whatever the interleaving. Repeated to give the scheduler many chances.
TEST(CoreParallelFor, cancellationSurfacesEvenWhenWorkersTookEveryTask) {
    for (int round = 0; round < 200; ++round) {
        std::atomic<int> ran{0};
        bool threw = false;
        try {
            forEachIndex(
                3, 8, [&](std::size_t) { ++ran; },
                [&](std::size_t completed) {
                    if (completed > 0 || ran.load() > 0) {
                        throw std::runtime_error("cancelled");
                    }
                });
        } catch (const std::runtime_error&) {
            threw = true;
        }
        ASSERT_TRUE(threw) << "round " << round << ": cancellation missed";
    }
}

TEST(CoreParallelFor, firstTaskFailureIsRethrownAndStopsNewTasks) {
    std::atomic<int> ran{0};
    try {
        forEachIndex(
            10000, 4,
            [&](std::size_t n) {
                ++ran;
                if (n == 3) {
                    throw std::invalid_argument("task 3 failed");
                }
                std::this_thread::sleep_for(std::chrono::microseconds(50));
            },
            [](std::size_t) {});
        FAIL() << "expected the task's exception";
    } catch (const std::invalid_argument& e) {
        ASSERT_STREQ(e.what(), "task 3 failed");
    }
    ASSERT_LT(ran.load(), 10000);
}
