// The sample campaign launched to all six platforms through the real engine: Workspace,
// CampaignService, the journal and every connector against its sandbox platform over loopback.
// Connector-by-connector agreement is checked in TestConnectorsOnSandbox; this checks that the
// engine drives each plan to the end and creates each platform's campaign once.

#include "core/auth/SecretStore.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/CampaignService.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

namespace {

const Actor kTester{QStringLiteral("api"), QStringLiteral("six-platform-test")};

const QList<Platform> kAllPlatforms = {Platform::Facebook,  Platform::Google,
                                       Platform::TikTok,    Platform::LinkedIn,
                                       Platform::Pinterest, Platform::Snapchat};

QString describe(const Campaign &campaign)
{
    QStringList parts;
    for (auto it = campaign.platformStatus.begin(); it != campaign.platformStatus.end(); ++it) {
        parts.append(platformName(it.key()) + u'=' + platformStateName(it->state)
                     + (it->error ? u" (" + it->error->message + u')' : QString()));
    }
    return parts.join(u", ");
}

bool allActive(const Campaign &campaign)
{
    if (campaign.platformStatus.size() != kAllPlatforms.size())
        return false;
    for (const PlatformStatus &status : campaign.platformStatus) {
        if (status.state != PlatformState::Active)
            return false;
    }
    return true;
}

// States the engine does not leave by itself: waiting on would only hide the cause.
bool anyStuck(const Campaign &campaign)
{
    for (const PlatformStatus &status : campaign.platformStatus) {
        if (status.state == PlatformState::Failed || status.state == PlatformState::Rejected
            || status.state == PlatformState::NeedsReauth)
            return true;
    }
    return false;
}

} // namespace

class TestSixPlatformLaunch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void launchReachesAllSixPlatforms();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestSixPlatformLaunch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = Workspace::open({.dataDir = m_dir->path(),
                                   .sandbox = true,
                                   .syncIntervalSeconds = 0,
                                   .secretStore = std::make_shared<MemorySecretStore>(),
                                   .requestTimeoutMs = 5000});
    QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
    m_workspace = std::move(*opened);
}

void TestSixPlatformLaunch::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void TestSixPlatformLaunch::launchReachesAllSixPlatforms()
{
    const QDateTime now = m_workspace->now();
    CampaignSpec spec;
    spec.name = QStringLiteral("Black Friday, everywhere");
    spec.objective = QStringLiteral("conversions");
    for (Platform platform : kAllPlatforms)
        spec.platforms.append(platformName(platform));
    // 600 USD a day: 100 USD per platform, above every platform's minimum.
    spec.budget.amount = Money{600'000'000, QStringLiteral("USD")};
    spec.audienceIds = {QStringLiteral("aud-vip"), QStringLiteral("aud-cart-abandoned")};
    spec.creativeIds = {QStringLiteral("cre-bf-video-1"), QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = now;
    spec.schedule.endAt = now.addDays(7);

    CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(spec, kTester);
    QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error().message));
    const auto launched = service->launch(created->id, kTester);
    QVERIFY2(launched.has_value(), launched ? "" : qPrintable(launched.error().message));

    Campaign live;
    for (int i = 0; i < 1200; ++i) {
        live = *service->campaign(created->id);
        if (allActive(live) || anyStuck(live))
            break;
        QTest::qWait(100);
    }
    QVERIFY2(allActive(live), qPrintable(describe(live)));
    QCOMPARE(live.status, CampaignStatus::Active);

    for (Platform platform : kAllPlatforms) {
        const PlatformStatus status = live.platformStatus.value(platform);
        QVERIFY2(!status.remoteIds.value(QStringLiteral("campaign")).isEmpty(),
                 qPrintable(platformName(platform)));
        QCOMPARE(status.budget, (Money{100'000'000, QStringLiteral("USD")}));

        int campaigns = 0;
        for (const QJsonValue &v : m_workspace->sandboxHub()->objects(platform)) {
            if (v.toObject().value("type").toString() == u"campaign")
                ++campaigns;
        }
        QVERIFY2(campaigns == 1, qPrintable(platformName(platform) + u": "
                                            + QString::number(campaigns) + u" campaigns"));
    }
}

QTEST_GUILESS_MAIN(TestSixPlatformLaunch)
#include "TestSixPlatformLaunch.moc"
