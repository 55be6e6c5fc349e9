// Lifecycle beyond launch: the pre-launch check, schedules that start and end by themselves,
// duplicates, bulk actions and deleting a live campaign, on a real sandbox workspace.

#include "core/auth/SecretStore.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

namespace {

const Actor kTester{QStringLiteral("api"), QStringLiteral("lifecycle-test")};

CampaignSpec spec(const QDateTime &now, const QStringList &platforms = {"facebook", "google", "tiktok"})
{
    CampaignSpec s;
    s.name = QStringLiteral("Lifecycle");
    s.objective = QStringLiteral("conversions");
    s.platforms = platforms;
    s.budget.amount = Money{450'000'000, QStringLiteral("USD")};
    s.audienceIds = {QStringLiteral("aud-vip")};
    s.creativeIds = {QStringLiteral("cre-bf-video-1"), QStringLiteral("cre-bf-static-1")};
    s.schedule.startAt = now;
    s.schedule.endAt = now.addDays(7);
    return s;
}

bool allIn(const Campaign &campaign, PlatformState state)
{
    if (campaign.platformStatus.isEmpty())
        return false;
    for (const PlatformStatus &status : campaign.platformStatus) {
        if (status.state != state)
            return false;
    }
    return true;
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void checkReportsEachPlatformWithoutSending();
    void launchRefusesWhatTheCheckRefuses();
    void scheduleStartsAndEndsByItself();
    void duplicateCopiesTheSpecWithChanges();
    void bulkAnswersPerCampaign();
    void deletingALiveCampaignSwitchesItOffFirst();

private:
    Campaign waitFor(const QString &id, const std::function<bool(const Campaign &)> &done);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    CampaignService *m_service = nullptr;
};

void TestLifecycle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = Workspace::open({.dataDir = m_dir->path(),
                                   .sandbox = true,
                                   .syncIntervalSeconds = 0,
                                   .secretStore = std::make_shared<MemorySecretStore>(),
                                   .requestTimeoutMs = 5000});
    QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
    m_workspace = std::move(*opened);
    m_service = m_workspace->campaigns();
}

void TestLifecycle::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

Campaign TestLifecycle::waitFor(const QString &id, const std::function<bool(const Campaign &)> &done)
{
    Campaign campaign;
    for (int i = 0; i < 600; ++i) {
        const auto loaded = m_service->campaign(id);
        if (!loaded)
            return Campaign{};
        campaign = *loaded;
        if (done(campaign))
            break;
        QTest::qWait(100);
    }
    return campaign;
}

void TestLifecycle::checkReportsEachPlatformWithoutSending()
{
    CampaignSpec s = spec(m_workspace->now());
    s.budget.allocation = {{Platform::Facebook, 400'000'000}, {Platform::Google, 30'000'000},
                           {Platform::TikTok, 20'000'000}};
    const auto created = m_service->createCampaign(s, kTester);
    QVERIFY(created.has_value());

    const auto check = m_service->checkLaunch(created->id);
    QVERIFY(check.has_value());
    QVERIFY(!check->ok());
    QVERIFY(check->platforms.value(Platform::Facebook).problems.isEmpty());
    QVERIFY(check->platforms.value(Platform::Facebook).steps > 0);
    const QList<FieldError> tiktok = check->platforms.value(Platform::TikTok).problems;
    QVERIFY(!tiktok.isEmpty());
    QCOMPARE(tiktok.first().field, QStringLiteral("budget.amount"));
    QCOMPARE(check->platforms.value(Platform::TikTok).budget, (Money{20'000'000, QStringLiteral("USD")}));

    // Nothing reached any platform.
    for (Platform platform : allPlatforms())
        QCOMPARE(m_workspace->sandboxHub()->objects(platform).size(), 0);
    const QJsonObject json = launchCheckToJson(*check);
    QCOMPARE(json.value("ok").toBool(), false);
    QCOMPARE(json.value("platforms").toObject().value("tiktok").toObject().value("ok").toBool(), false);
}

void TestLifecycle::launchRefusesWhatTheCheckRefuses()
{
    CampaignSpec s = spec(m_workspace->now());
    s.budget.allocation = {{Platform::Facebook, 400'000'000}, {Platform::Google, 30'000'000},
                           {Platform::TikTok, 20'000'000}};
    const auto created = m_service->createCampaign(s, kTester);
    QVERIFY(m_service->launch(created->id, kTester).has_value());

    const Campaign settled = waitFor(created->id, [](const Campaign &c) {
        return c.status != CampaignStatus::Launching;
    });
    QCOMPARE(settled.platformStatus.value(Platform::TikTok).state, PlatformState::Rejected);
    QVERIFY(settled.platformStatus.value(Platform::TikTok).error->message.contains(QStringLiteral("budget.amount")));
    QCOMPARE(settled.platformStatus.value(Platform::Facebook).state, PlatformState::Active);
    QCOMPARE(settled.status, CampaignStatus::PartiallyActive);
    int tiktokCampaigns = 0;
    for (const QJsonValue &v : m_workspace->sandboxHub()->objects(Platform::TikTok))
        tiktokCampaigns += v.toObject().value("type").toString() == u"campaign";
    QCOMPARE(tiktokCampaigns, 0);
}

void TestLifecycle::scheduleStartsAndEndsByItself()
{
    const QDateTime now = m_workspace->now();
    const auto created = m_service->createCampaign(spec(now, {"facebook"}), kTester);
    const auto scheduled = m_service->scheduleCampaign(created->id, Schedule{now.addSecs(3600), now.addDays(2)},
                                                       kTester);
    QVERIFY2(scheduled.has_value(), scheduled ? "" : qPrintable(scheduled.error().message));
    QCOMPARE(scheduled->status, CampaignStatus::Scheduled);
    QTest::qWait(1500);
    QCOMPARE(m_service->campaign(created->id)->status, CampaignStatus::Scheduled);

    // The sandbox clock passes the start: the scheduler launches it.
    m_workspace->sandboxHub()->advanceClock(3700);
    const Campaign live = waitFor(created->id, [](const Campaign &c) { return allIn(c, PlatformState::Active); });
    QVERIFY(allIn(live, PlatformState::Active));

    // And past the end: delivery goes off on the platform and the campaign shows ended.
    m_workspace->sandboxHub()->advanceClock(2 * 86400);
    const Campaign ended = waitFor(created->id, [](const Campaign &c) { return allIn(c, PlatformState::Ended); });
    QVERIFY(allIn(ended, PlatformState::Ended));
    QCOMPARE(ended.status, CampaignStatus::Ended);
    QCOMPARE(m_service->resume(created->id, kTester).error().code, ErrorCode::Conflict);

    const auto past = m_service->scheduleCampaign(created->id, Schedule{now, now.addSecs(60)}, kTester);
    QCOMPARE(past.error().code, ErrorCode::InvalidInput);
}

void TestLifecycle::duplicateCopiesTheSpecWithChanges()
{
    const auto source = m_service->createCampaign(spec(m_workspace->now()), kTester);
    const auto copy = m_service->duplicateCampaign(
        source->id,
        QJsonObject{{"budget", QJsonObject{{"amount", 300}}}, {"creativeIds", QJsonArray{"cre-bf-static-1"}}},
        kTester);
    QVERIFY2(copy.has_value(), copy ? "" : qPrintable(copy.error().message));
    QVERIFY(copy->id != source->id);
    QCOMPARE(copy->status, CampaignStatus::Draft);
    QCOMPARE(copy->spec.name, QStringLiteral("Lifecycle (copy)"));
    QCOMPARE(copy->spec.budget.amount, (Money{300'000'000, QStringLiteral("USD")}));
    QCOMPARE(copy->spec.budget.type, source->spec.budget.type);
    QCOMPARE(copy->spec.creativeIds, QStringList{QStringLiteral("cre-bf-static-1")});
    QCOMPARE(copy->spec.audienceIds, source->spec.audienceIds);

    const auto bad = m_service->duplicateCampaign(source->id, QJsonObject{{"objective", "fame"}}, kTester);
    QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_service->duplicateCampaign(QStringLiteral("cmp-none"), {}, kTester).error().code, ErrorCode::NotFound);
}

void TestLifecycle::bulkAnswersPerCampaign()
{
    const auto a = m_service->createCampaign(spec(m_workspace->now(), {"facebook"}), kTester);
    const auto b = m_service->createCampaign(spec(m_workspace->now(), {"google"}), kTester);
    const QList<BulkOutcome> launched = m_service->bulkLaunch({a->id, b->id, QStringLiteral("cmp-none")}, kTester);
    QCOMPARE(launched.size(), 3);
    QVERIFY(launched[0].result.has_value());
    QVERIFY(launched[1].result.has_value());
    QCOMPARE(launched[2].result.error().code, ErrorCode::NotFound);

    QVERIFY(allIn(waitFor(a->id, [](const Campaign &c) { return allIn(c, PlatformState::Active); }),
                  PlatformState::Active));
    QVERIFY(allIn(waitFor(b->id, [](const Campaign &c) { return allIn(c, PlatformState::Active); }),
                  PlatformState::Active));
    const QList<BulkOutcome> paused = m_service->bulkPause({a->id, b->id}, kTester);
    QVERIFY(paused[0].result.has_value() && paused[1].result.has_value());
    QVERIFY(allIn(waitFor(b->id, [](const Campaign &c) { return allIn(c, PlatformState::Paused); }),
                  PlatformState::Paused));
}

void TestLifecycle::deletingALiveCampaignSwitchesItOffFirst()
{
    const auto created = m_service->createCampaign(spec(m_workspace->now(), {"facebook"}), kTester);
    QVERIFY(m_service->launch(created->id, kTester).has_value());
    const Campaign live = waitFor(created->id, [](const Campaign &c) { return allIn(c, PlatformState::Active); });
    QVERIFY(allIn(live, PlatformState::Active));
    const QString remote = live.platformStatus.value(Platform::Facebook).remoteIds.value(QStringLiteral("campaign"));

    QSignalSpy removed(m_service->notifier(), &ChangeNotifier::campaignRemoved);
    bool pending = false;
    QVERIFY(m_service->deleteCampaign(created->id, kTester, &pending).has_value());
    QVERIFY(pending);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 30000);
    QCOMPARE(m_service->campaign(created->id).error().code, ErrorCode::NotFound);
    for (const QJsonValue &v : m_workspace->sandboxHub()->objects(Platform::Facebook)) {
        const QJsonObject object = v.toObject();
        if (object.value("id").toString() == remote)
            QVERIFY2(object.value("status").toString() != u"ACTIVE", qPrintable(object.value("status").toString()));
    }
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "TestLifecycle.moc"
