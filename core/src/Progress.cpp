#include "metis/core/Progress.h"

#include <algorithm>

namespace metis {

StreamProgressSink::StreamProgressSink(std::FILE* stream, double minStep, const CancelToken* cancel)
    : stream_(stream), minStep_(minStep), cancel_(cancel) {}

void StreamProgressSink::begin(const std::string& task) {
    std::lock_guard lock(mutex_);
    task_ = task;
    lastPrinted_ = -1.0;
    std::fprintf(stream_, "%s ...\n", task.c_str());
}

bool StreamProgressSink::report(double fraction, const std::string& detail) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    {
        std::lock_guard lock(mutex_);
        if (fraction - lastPrinted_ >= minStep_ || fraction >= 1.0) {
            std::fprintf(stream_, "  %s: %3.0f%%%s%s\n", task_.c_str(), fraction * 100.0,
                         detail.empty() ? "" : "  ", detail.c_str());
            lastPrinted_ = fraction;
        }
    }
    return cancel_ == nullptr || !cancel_->isCancelled();
}

void StreamProgressSink::end() {
    std::lock_guard lock(mutex_);
    std::fprintf(stream_, "%s done\n", task_.c_str());
}

ProgressScope::ProgressScope(ProgressSink& sink, const std::string& task) : sink_(sink) {
    sink_.begin(task);
}

ProgressScope::~ProgressScope() { sink_.end(); }

void ProgressScope::step(double fraction, const std::string& detail) {
    if (!sink_.report(fraction, detail)) {
        throw OperationCancelled();
    }
}

} // namespace metis
