#pragma once

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

namespace metis {

/// Thrown by long operations when the user cancelled them.
class OperationCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "operation cancelled"; }
};

/// A flag shared between the one who asks to stop and the worker that checks it.
class CancelToken {
public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> cancelled_{false};
};

/// Receives progress of one long operation. Every long operation takes one.
/// report() returns false when the operation should stop.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void begin(const std::string& task) = 0;
    /// fraction in [0, 1]; returns whether to keep going.
    virtual bool report(double fraction, const std::string& detail = {}) = 0;
    virtual void end() = 0;
};

/// A sink that ignores everything and never cancels; for callers that need no feedback.
class NullProgressSink final : public ProgressSink {
public:
    void begin(const std::string&) override {}
    bool report(double, const std::string&) override { return true; }
    void end() override {}
};

/// Prints to a stream at most every `minStep` of progress; cancels when the token says so.
class StreamProgressSink final : public ProgressSink {
public:
    explicit StreamProgressSink(std::FILE* stream = stderr, double minStep = 0.05,
                                const CancelToken* cancel = nullptr);
    void begin(const std::string& task) override;
    bool report(double fraction, const std::string& detail) override;
    void end() override;

private:
    std::FILE* stream_;
    double minStep_;
    const CancelToken* cancel_;
    std::mutex mutex_;
    std::string task_;
    double lastPrinted_ = -1.0;
};

/// Maps the progress of a step into [from, to] of the operation around it, whose sink began
/// already: begin() and end() are not forwarded, report() is, cancel included.
class SubrangeProgressSink final : public ProgressSink {
public:
    SubrangeProgressSink(ProgressSink& parent, double from, double to)
        : parent_(parent), from_(from), to_(to) {}
    void begin(const std::string&) override {}
    bool report(double fraction, const std::string& detail = {}) override {
        return parent_.report(from_ + (to_ - from_) * fraction, detail);
    }
    void end() override {}

private:
    ProgressSink& parent_;
    double from_;
    double to_;
};

/// RAII bracket around one operation: begin() on construction, end() on destruction (also when
/// an exception leaves the scope). step() throws OperationCancelled when the sink asks to stop.
class ProgressScope {
public:
    ProgressScope(ProgressSink& sink, const std::string& task);
    ~ProgressScope();
    ProgressScope(const ProgressScope&) = delete;
    ProgressScope& operator=(const ProgressScope&) = delete;

    void step(double fraction, const std::string& detail = {});

private:
    ProgressSink& sink_;
};

} // namespace metis
