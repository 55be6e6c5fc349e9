#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>

#include <type_traits>

namespace ads::ui {

/**
 * The GUI's worker threads for service calls. The services open one database connection per
 * thread, so a small pool of our own keeps the number of connections bounded and lets the main
 * window drain the work before the workspace goes away (see waitForBackgroundWork).
 */
QThreadPool *backgroundPool();

/** Blocks until every queued service call has finished and the pool's threads have exited. */
void waitForBackgroundWork();

/**
 * Runs work() on the background pool and hands its result to done() on receiver's thread. When
 * receiver is destroyed first, done() is dropped; work() still runs to its end.
 */
template<typename Work, typename Done>
void runInBackground(QObject *receiver, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Value>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), std::move(work)));
}

} // namespace ads::ui
