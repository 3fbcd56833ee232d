#include "metis/ui/JobRunner.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>
#include <mutex>

namespace metis::ui {

/// State shared by the GUI-side Job and the worker, which may outlive the Job.
struct Job::Shared {
    CancelToken cancel;
    std::mutex mutex;
    QPointer<Job> owner;
};

namespace {

// Forwards progress to the GUI thread at most every 40 ms (or on a 1% step), so a job that
// reports per file never floods the event loop.
class QueuedProgressSink final : public ProgressSink {
public:
    explicit QueuedProgressSink(std::shared_ptr<Job::Shared> shared) : shared_(std::move(shared)) {
        clock_.start();
    }
    void begin(const std::string& task) override { task_ = QString::fromStdString(task); }
    bool report(double fraction, const std::string& detail) override {
        if (fraction - lastFraction_ >= 0.01 || clock_.elapsed() >= 40 || fraction >= 1.0) {
            lastFraction_ = fraction;
            clock_.restart();
            const QString text = detail.empty() ? task_ : QString::fromStdString(detail);
            std::lock_guard lock(shared_->mutex);
            if (Job* job = shared_->owner.data()) {
                QMetaObject::invokeMethod(
                    job, [job, fraction, text] { Q_EMIT job->progressed(fraction, text); },
                    Qt::QueuedConnection);
            }
        }
        return !shared_->cancel.isCancelled();
    }
    void end() override {}

private:
    std::shared_ptr<Job::Shared> shared_;
    QString task_;
    QElapsedTimer clock_;
    double lastFraction_ = -1.0;
};

} // namespace

Job::Job(QString title, Work work, QObject* parent)
    : QObject(parent), title_(std::move(title)), work_(std::move(work)),
      shared_(std::make_shared<Shared>()) {
    shared_->owner = this;
}

Job::~Job() {
    shared_->cancel.cancel();
    std::lock_guard lock(shared_->mutex);
    shared_->owner.clear();
}

void Job::start() {
    running_ = true;
    auto shared = shared_;
    auto work = work_;
    QThreadPool::globalInstance()->start([shared, work] {
        QueuedProgressSink sink(shared);
        // Each outcome is delivered on the GUI thread, if the Job still exists.
        auto deliver = [shared](auto&& signal) {
            std::lock_guard lock(shared->mutex);
            if (Job* job = shared->owner.data()) {
                QMetaObject::invokeMethod(
                    job,
                    [job, signal] {
                        job->running_ = false;
                        signal(job);
                    },
                    Qt::QueuedConnection);
            }
        };
        try {
            QVariant result = work(sink);
            deliver([result](Job* job) { Q_EMIT job->finished(result); });
        } catch (const OperationCancelled&) {
            deliver([](Job* job) { Q_EMIT job->cancelled(); });
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            deliver([message](Job* job) { Q_EMIT job->failed(message); });
        }
    });
}

void Job::cancel() {
    shared_->cancel.cancel();
}

} // namespace metis::ui
