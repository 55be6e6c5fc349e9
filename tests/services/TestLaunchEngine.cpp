// The launch engine on a real workspace: the sandbox platforms over loopback HTTP, the journal in
// SQLite, the engine on its worker thread.

#include "core/auth/SecretStore.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/CampaignService.h"
#include "core/services/SyncService.h"
#include "core/services/Workspace.h"
#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

namespace {

const Actor kTester{QStringLiteral("api"), QStringLiteral("launch-test")};

CampaignSpec seedSpec(const QDateTime &now)
{
    CampaignSpec spec;
    spec.name = QStringLiteral("Black Friday");
    spec.objective = QStringLiteral("conversions");
    spec.platforms = {QStringLiteral("facebook"), QStringLiteral("google"), QStringLiteral("tiktok")};
    spec.budget.amount = Money{450'000'000, QStringLiteral("USD")};
    spec.audienceIds = {QStringLiteral("aud-vip"), QStringLiteral("aud-cart-abandoned")};
    spec.creativeIds = {QStringLiteral("cre-bf-video-1"), QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = now;
    spec.schedule.endAt = now.addDays(7);
    return spec;
}

bool allIn(const Campaign &campaign, PlatformState state)
{
    if (campaign.platformStatus.size() != campaign.spec.platforms.size())
        return false;
    for (const PlatformStatus &status : campaign.platformStatus) {
        if (status.state != state)
            return false;
    }
    return true;
}

QString describe(const Campaign &campaign)
{
    QStringList parts;
    for (auto it = campaign.platformStatus.begin(); it != campaign.platformStatus.end(); ++it) {
        parts.append(platformName(it.key()) + u'=' + platformStateName(it->state)
                     + (it->error ? u" (" + it->error->message + u')' : QString()));
    }
    return parts.join(u", ");
}

} // namespace

class TestLaunchEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void launchReachesEveryPlatformOnce();
    void parallelLaunchesDoNotTripOverEachOther();
    void pauseAndResumeCascade();
    void unfinishedLaunchResumesAfterRestart();
    void revokedTokenNeedsReauthWithoutRetry();

private:
    void openWorkspace();
    Campaign waitUntil(const QString &id, PlatformState state);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<Workspace> m_workspace;
};

void TestLaunchEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_secrets = std::make_shared<MemorySecretStore>();
    openWorkspace();
}

void TestLaunchEngine::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void TestLaunchEngine::openWorkspace()
{
    auto opened = Workspace::open({.dataDir = m_dir->path(),
                                   .sandbox = true,
                                   .syncIntervalSeconds = 0,
                                   .secretStore = m_secrets,
                                   .requestTimeoutMs = 5000});
    QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
    m_workspace = std::move(*opened);
}

Campaign TestLaunchEngine::waitUntil(const QString &id, PlatformState state)
{
    Campaign campaign;
    for (int i = 0; i < 600; ++i) {
        campaign = *m_workspace->campaigns()->campaign(id);
        if (allIn(campaign, state))
            break;
        QTest::qWait(100);
    }
    return campaign;
}

void TestLaunchEngine::launchReachesEveryPlatformOnce()
{
    CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(seedSpec(m_workspace->now()), kTester);
    QVERIFY(created.has_value());
    QVERIFY(service->launch(created->id, kTester).has_value());

    const Campaign live = waitUntil(created->id, PlatformState::Active);
    QVERIFY2(allIn(live, PlatformState::Active), qPrintable(describe(live)));
    QCOMPARE(live.status, CampaignStatus::Active);
    for (const PlatformStatus &status : live.platformStatus) {
        QVERIFY(!status.remoteIds.value(QStringLiteral("campaign")).isEmpty());
        QCOMPARE(status.budget, (Money{150'000'000, QStringLiteral("USD")}));
    }

    // The journal holds every step as done, and each platform holds exactly one campaign.
    for (Platform platform : {Platform::Facebook, Platform::Google, Platform::TikTok}) {
        int campaigns = 0;
        for (const QJsonValue &v : m_workspace->sandboxHub()->objects(platform)) {
            if (v.toObject().value("type").toString() == u"campaign")
                ++campaigns;
        }
        QCOMPARE(campaigns, 1);
    }
}

void TestLaunchEngine::parallelLaunchesDoNotTripOverEachOther()
{
    CampaignService *service = m_workspace->campaigns();
    QStringList ids;
    for (int i = 0; i < 6; ++i) {
        CampaignSpec spec = seedSpec(m_workspace->now());
        spec.name = QStringLiteral("Parallel %1").arg(i);
        const auto created = service->createCampaign(spec, kTester);
        QVERIFY(created.has_value());
        ids.append(created->id);
    }
    for (const QString &id : ids)
        QVERIFY(service->launch(id, kTester).has_value());

    for (const QString &id : ids) {
        const Campaign live = waitUntil(id, PlatformState::Active);
        QVERIFY2(allIn(live, PlatformState::Active), qPrintable(id + u": " + describe(live)));
    }
    for (Platform platform : {Platform::Facebook, Platform::Google, Platform::TikTok}) {
        int campaigns = 0;
        for (const QJsonValue &v : m_workspace->sandboxHub()->objects(platform)) {
            if (v.toObject().value("type").toString() == u"campaign")
                ++campaigns;
        }
        QCOMPARE(campaigns, int(ids.size()));
    }
}

void TestLaunchEngine::pauseAndResumeCascade()
{
    CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(seedSpec(m_workspace->now()), kTester);
    QVERIFY(service->launch(created->id, kTester).has_value());
    QVERIFY(allIn(waitUntil(created->id, PlatformState::Active), PlatformState::Active));

    QVERIFY(service->pause(created->id, kTester).has_value());
    Campaign paused = waitUntil(created->id, PlatformState::Paused);
    QVERIFY2(allIn(paused, PlatformState::Paused), qPrintable(describe(paused)));
    QCOMPARE(paused.status, CampaignStatus::Paused);
    QCOMPARE(service->pause(created->id, kTester).error().code, ErrorCode::Conflict);

    // The platforms themselves hold the campaign as paused.
    for (Platform platform : {Platform::Facebook, Platform::Google, Platform::TikTok}) {
        const QString remote = paused.platformStatus.value(platform).remoteIds.value(QStringLiteral("campaign"));
        for (const QJsonValue &v : m_workspace->sandboxHub()->objects(platform)) {
            const QJsonObject object = v.toObject();
            if (object.value("id").toString() == remote || object.value("id").toString().endsWith(u'/' + remote))
                QVERIFY2(!object.value("status").toString().contains(QStringLiteral("ENABLE"))
                             && object.value("status").toString() != u"ACTIVE",
                         qPrintable(platformName(platform) + u": " + object.value("status").toString()));
        }
    }

    QVERIFY(service->resume(created->id, kTester).has_value());
    const Campaign resumed = waitUntil(created->id, PlatformState::Active);
    QVERIFY2(allIn(resumed, PlatformState::Active), qPrintable(describe(resumed)));
}

void TestLaunchEngine::unfinishedLaunchResumesAfterRestart()
{
    CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(seedSpec(m_workspace->now()), kTester);
    QVERIFY(service->launch(created->id, kTester).has_value());

    // Close the workspace at once, mid-launch; the next one picks the journal up.
    m_workspace.reset();
    openWorkspace();
    const Campaign live = waitUntil(created->id, PlatformState::Active);
    QVERIFY2(allIn(live, PlatformState::Active), qPrintable(describe(live)));
    for (Platform platform : {Platform::Facebook, Platform::Google, Platform::TikTok}) {
        int campaigns = 0;
        for (const QJsonValue &v : m_workspace->sandboxHub()->objects(platform)) {
            if (v.toObject().value("type").toString() == u"campaign")
                ++campaigns;
        }
        QCOMPARE(campaigns, 1);
    }
}

void TestLaunchEngine::revokedTokenNeedsReauthWithoutRetry()
{
    m_workspace->sandboxHub()->revokeAccessTokens(Platform::TikTok);
    CampaignSpec spec = seedSpec(m_workspace->now());
    spec.platforms = {QStringLiteral("facebook"), QStringLiteral("tiktok")};
    const auto created = m_workspace->campaigns()->createCampaign(spec, kTester);
    QVERIFY(m_workspace->campaigns()->launch(created->id, kTester).has_value());

    Campaign settled;
    for (int i = 0; i < 300; ++i) {
        settled = *m_workspace->campaigns()->campaign(created->id);
        if (settled.status != CampaignStatus::Launching)
            break;
        QTest::qWait(100);
    }
    const PlatformStatus tiktok = settled.platformStatus.value(Platform::TikTok);
    QCOMPARE(tiktok.state, PlatformState::NeedsReauth);
    QVERIFY(tiktok.error.has_value());
    QVERIFY(!tiktok.error->platformCode.isEmpty());
    QCOMPARE(settled.platformStatus.value(Platform::Facebook).state, PlatformState::Active);

    // One request was sent to TikTok, refused, and never repeated.
    auto db = Database::open(m_dir->filePath(QStringLiteral("adsdesk.sqlite")));
    QVERIFY(db.has_value());
    auto steps = runQuery((*db)->connection(),
                          QStringLiteral("SELECT SUM(attempts) FROM launch_steps "
                                         "WHERE campaign_id = ? AND platform = ?"),
                          {created->id, QStringLiteral("tiktok")});
    QVERIFY(steps && steps->next());
    QCOMPARE(steps->value(0).toInt(), 1);
    auto pending = runQuery((*db)->connection(), QStringLiteral("SELECT COUNT(*) FROM launch_operations"));
    QVERIFY(pending && pending->next());
    QCOMPARE(pending->value(0).toInt(), 0);
    QCOMPARE(m_workspace->sandboxHub()->objects(Platform::TikTok).size(), 0);
}

QTEST_GUILESS_MAIN(TestLaunchEngine)
#include "TestLaunchEngine.moc"
