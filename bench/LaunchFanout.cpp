// Launch fan-out benchmark: one campaign to all six sandbox platforms, each answering every request
// after 200 ms. Platforms run in parallel, so the launch should take about as long as the slowest
// platform's own chain of requests, not the sum of all six.
//
// Target: total / slowest chain close to 1 (under 1.2); sum of chains / total shows the gain.

#include "core/auth/SecretStore.h"
#include "core/sandbox/SandboxFaults.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace ads::core;

namespace {

constexpr int kLatencyMs = 200;
constexpr int kRuns = 3;

CampaignSpec specFor(const QList<Platform> &platforms, const QDateTime &now)
{
    CampaignSpec spec;
    spec.name = QStringLiteral("Fan-out benchmark");
    spec.objective = QStringLiteral("traffic");
    for (Platform platform : platforms)
        spec.platforms.append(platformName(platform));
    spec.budget.amount = Money{100'000'000 * platforms.size(), QStringLiteral("USD")};
    spec.audienceIds = {QStringLiteral("aud-vip")};
    spec.creativeIds = {QStringLiteral("cre-bf-video-1"), QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = now;
    spec.schedule.endAt = now.addDays(7);
    return spec;
}

/** Milliseconds from launch until every platform is active, on a fresh workspace; -1 on failure. */
qint64 measureLaunch(const QList<Platform> &platforms)
{
    QTemporaryDir dir;
    auto workspace = Workspace::open({.dataDir = dir.path(),
                                      .sandbox = true,
                                      .syncIntervalSeconds = 0,
                                      .secretStore = std::make_shared<MemorySecretStore>()});
    if (!workspace) {
        std::fprintf(stderr, "cannot open a workspace: %s\n", qPrintable(workspace.error().message));
        return -1;
    }
    sandbox::FaultProfile slow;
    slow.latencyMs = kLatencyMs;
    for (Platform platform : platforms)
        (*workspace)->sandboxHub()->setFaults(platform, slow);

    CampaignService *service = (*workspace)->campaigns();
    const Actor actor{QStringLiteral("bench"), QStringLiteral("bench")};
    const auto created = service->createCampaign(specFor(platforms, (*workspace)->now()), actor);
    if (!created)
        return -1;

    QEventLoop loop;
    bool allActive = false;
    const auto check = [&] {
        const auto campaign = service->campaign(created->id);
        if (campaign->status == CampaignStatus::Launching)
            return;
        allActive = campaign->status == CampaignStatus::Active;
        for (auto it = campaign->platformStatus.begin(); it != campaign->platformStatus.end(); ++it) {
            if (it->state != PlatformState::Active)
                std::fprintf(stderr, "  %s ended %s: %s\n", qPrintable(platformName(it.key())),
                             qPrintable(platformStateName(it->state)),
                             qPrintable(it->error ? it->error->message : QString()));
        }
        loop.quit();
    };
    QObject::connect(service->notifier(), &ChangeNotifier::campaignChanged, &loop, check, Qt::QueuedConnection);
    QTimer::singleShot(180'000, &loop, &QEventLoop::quit);

    QElapsedTimer timer;
    timer.start();
    if (!service->launch(created->id, actor))
        return -1;
    loop.exec();
    return allActive ? timer.elapsed() : -1;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ads.*.info=false\nads.*.warning=false"));

    QMap<Platform, QList<qint64>> alone;
    QList<qint64> together;
    for (int run = 0; run < kRuns; ++run) {
        for (Platform platform : allPlatforms())
            alone[platform].append(measureLaunch({platform}));
        together.append(measureLaunch(allPlatforms()));
    }

    qint64 slowest = 0;
    qint64 sum = 0;
    std::printf("each platform alone, %d ms per request (median of %d):\n", kLatencyMs, kRuns);
    for (auto it = alone.begin(); it != alone.end(); ++it) {
        const qint64 ms = median(it.value());
        if (ms < 0) {
            std::fprintf(stderr, "%s did not launch\n", qPrintable(platformName(it.key())));
            return 1;
        }
        std::printf("  %-10s %6lld ms\n", qPrintable(platformName(it.key())), ms);
        slowest = std::max(slowest, ms);
        sum += ms;
    }
    const qint64 all = median(together);
    if (all < 0) {
        std::fprintf(stderr, "the six-platform launch did not finish\n");
        return 1;
    }
    const double ratio = double(all) / double(slowest);
    std::printf("all six together: %lld ms; slowest alone: %lld ms; all six one after another: %lld ms\n", all,
                slowest, sum);
    std::printf("together / slowest alone = %.2f (target under 1.2); sum / together = %.2f\n", ratio,
                double(sum) / double(all));
    return ratio < 1.2 ? 0 : 2;
}
