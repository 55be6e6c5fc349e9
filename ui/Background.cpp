#include "ui/Background.h"

namespace ads::ui {

namespace {

// Two threads: a slow metrics query must not hold up a table refresh, and more would only
// contend for SQLite's single writer.
constexpr int kMaxThreads = 2;

} // namespace

QThreadPool *backgroundPool()
{
    // Never deleted: a static pool's destructor would run after main() and after the workspace,
    // too late to close connections cleanly. Windows drain it with waitForBackgroundWork().
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(kMaxThreads);
        p->setObjectName(QStringLiteral("ads.ui.background"));
        return p;
    }();
    return pool;
}

void waitForBackgroundWork()
{
    // waitForDone also ends the idle threads, which closes their database connections.
    backgroundPool()->waitForDone();
}

} // namespace ads::ui
