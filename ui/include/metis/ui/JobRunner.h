#pragma once

#include "metis/core/Progress.h"

#include <QObject>
#include <QString>
#include <QVariant>
#include <functional>
#include <memory>

namespace metis::ui {

/// One background job: a function of a ProgressSink run on Qt's thread pool. Progress, the
/// result and any exception are delivered on the GUI thread as signals; cancel() asks the job
/// to stop at its next progress report. The object may be deleted while the job runs: the
/// worker then finishes quietly.
class Job : public QObject {
    Q_OBJECT
public:
    using Work = std::function<QVariant(ProgressSink&)>;

    Job(QString title, Work work, QObject* parent = nullptr);
    ~Job() override;

    const QString& title() const { return title_; }
    void start();
    void cancel();
    bool isRunning() const { return running_; }

    /// State shared with the worker thread, which may outlive this object.
    struct Shared;

Q_SIGNALS:
    void progressed(double fraction, const QString& detail);
    void finished(const QVariant& result);
    void failed(const QString& message);
    void cancelled();

private:
    QString title_;
    Work work_;
    std::shared_ptr<Shared> shared_;
    bool running_ = false;
};

} // namespace metis::ui
