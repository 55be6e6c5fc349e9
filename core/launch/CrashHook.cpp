#include "core/launch/CrashHook.h"

#include "core/Logging.h"

#include <QByteArray>

#include <atomic>
#include <csignal>

namespace ads::core {

namespace {

struct KillPlan
{
    int point = -1;
    int count = 0;
};

KillPlan readPlan()
{
    const QByteArray spec = qgetenv("ADSDESK_TEST_KILL_AT");
    const QList<QByteArray> parts = spec.split(':');
    if (parts.size() != 2)
        return {};
    KillPlan plan;
    if (parts[0] == "sent")
        plan.point = int(CrashPoint::StepSent);
    else if (parts[0] == "answered")
        plan.point = int(CrashPoint::StepAnswered);
    else if (parts[0] == "recorded")
        plan.point = int(CrashPoint::StepRecorded);
    plan.count = parts[1].toInt();
    return plan;
}

} // namespace

void crashPoint(CrashPoint point)
{
    static const KillPlan plan = readPlan();
    static std::atomic<int> reached{0};
    if (plan.point != int(point) || plan.count <= 0)
        return;
    if (++reached == plan.count) {
        qCWarning(lcLaunch) << "test hook: killing the process at" << int(point) << "step" << plan.count;
        std::raise(SIGKILL);
    }
}

} // namespace ads::core
