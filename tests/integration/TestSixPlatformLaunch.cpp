// The sample campaign launched to all six platforms through the real engine: Workspace,
// CampaignService, the journal and every connector against its sandbox platform over loopback.
// Connector-by-connector agreement is checked in TestConnectorsOnSandbox; this checks that the
// engine drives each plan to the end and creates each platform's campaign once.

#include "core/auth/SecretStore.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/CampaignService.h"
#include "core/services/SyncService.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
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
    void accountFollowsTheBudgetCurrency_data();
    void accountFollowsTheBudgetCurrency();
    void budgetWithoutRateIsRefusedPlainly();
    void daysAPlatformNeverRunsAreNotMissing();
    void pausedDaysAreNotMissing();
    void hoursReadMidDayAreReadAgainAfterAGap();

private:
    /** A campaign on the given platforms with one image, 100 USD a day per platform, from now on. */
    CampaignSpec spec(const QString &name, const QStringList &platforms) const;
    /** Launches a spec; answers the campaign once it is active, or as it stands when it cannot be. */
    Campaign launched(const CampaignSpec &spec);
    /** Polls until the campaign has the status or a platform is stuck; answers the last state. */
    Campaign waitFor(const QString &id, CampaignStatus wanted) const;
    /** One sync of every platform; true when it succeeded. */
    bool syncOnce();

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

CampaignSpec TestSixPlatformLaunch::spec(const QString &name, const QStringList &platforms) const
{
    CampaignSpec spec;
    spec.name = name;
    spec.objective = QStringLiteral("traffic");
    spec.platforms = platforms;
    spec.budget.amount = Money{100'000'000 * platforms.size(), QStringLiteral("USD")};
    spec.creativeIds = {QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = m_workspace->now();
    return spec;
}

Campaign TestSixPlatformLaunch::launched(const CampaignSpec &spec)
{
    CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(spec, kTester);
    if (!created || !service->launch(created->id, kTester))
        return {};
    return waitFor(created->id, CampaignStatus::Active);
}

Campaign TestSixPlatformLaunch::waitFor(const QString &id, CampaignStatus wanted) const
{
    Campaign campaign = m_workspace->campaigns()->campaign(id).value_or(Campaign{});
    for (int i = 0; i < 600 && campaign.status != wanted && !anyStuck(campaign); ++i) {
        QTest::qWait(100);
        campaign = m_workspace->campaigns()->campaign(id).value_or(Campaign{});
    }
    return campaign;
}

bool TestSixPlatformLaunch::syncOnce()
{
    QSignalSpy synced(m_workspace->sync(), &SyncService::syncFinished);
    m_workspace->sync()->requestSync();
    return synced.wait(60000) && synced.first().first().toBool();
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

void TestSixPlatformLaunch::accountFollowsTheBudgetCurrency_data()
{
    QTest::addColumn<QString>("budgetCurrency");
    QTest::addColumn<QString>("accountCurrency");
    QTest::addColumn<bool>("converted");

    // Every sandbox platform has a USD and a EUR account; nothing bills in pounds.
    QTest::newRow("euro budget, euro account") << "EUR" << "EUR" << false;
    QTest::newRow("dollar budget, dollar account") << "USD" << "USD" << false;
    QTest::newRow("pound budget, default account, converted") << "GBP" << "USD" << true;
}

void TestSixPlatformLaunch::accountFollowsTheBudgetCurrency()
{
    QFETCH(QString, budgetCurrency);
    QFETCH(QString, accountCurrency);
    QFETCH(bool, converted);

    CampaignSpec spec;
    spec.name = QStringLiteral("Currencies");
    spec.objective = QStringLiteral("traffic");
    spec.platforms = {QStringLiteral("facebook"), QStringLiteral("pinterest")};
    spec.budget.amount = Money{400'000'000, budgetCurrency};
    spec.creativeIds = {QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = m_workspace->now();
    CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(spec, kTester);
    QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error().message));

    const auto check = service->checkLaunch(created->id);
    QVERIFY(check.has_value());
    for (const PlatformCheck &platform : check->platforms) {
        QCOMPARE(platform.budget.currency, accountCurrency);
        const bool noted = !platform.warnings.isEmpty() && platform.warnings.first().startsWith("Budget converted");
        QCOMPARE(noted, converted);
    }

    QVERIFY(service->launch(created->id, kTester).has_value());
    Campaign live;
    for (int i = 0; i < 600; ++i) {
        live = *service->campaign(created->id);
        if (live.platformStatus.size() == 2 && !live.platformStatus.first().accountId.isEmpty()
            && !live.platformStatus.last().accountId.isEmpty())
            break;
        QTest::qWait(100);
    }
    for (auto it = live.platformStatus.begin(); it != live.platformStatus.end(); ++it) {
        QString currencyOfAccount;
        for (const auto &account : m_workspace->sandboxHub()->accounts(it.key())) {
            if (account.accountId == it->accountId)
                currencyOfAccount = account.currency;
        }
        QCOMPARE(currencyOfAccount, accountCurrency);
    }
}

void TestSixPlatformLaunch::budgetWithoutRateIsRefusedPlainly()
{
    // No account bills in Swiss francs and the sandbox's table has no franc rate.
    CampaignSpec spec;
    spec.name = QStringLiteral("Francs");
    spec.objective = QStringLiteral("traffic");
    spec.platforms = {QStringLiteral("facebook")};
    spec.budget.amount = Money{200'000'000, QStringLiteral("CHF")};
    spec.creativeIds = {QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = m_workspace->now();
    const auto created = m_workspace->campaigns()->createCampaign(spec, kTester);
    QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error().message));

    const auto check = m_workspace->campaigns()->checkLaunch(created->id);
    QVERIFY(check.has_value());
    const QList<FieldError> problems = check->platforms.value(Platform::Facebook).problems;
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().message.contains(QStringLiteral("bills in USD, and no CHF to USD exchange rate")),
             qPrintable(problems.first().message));
}

// Google runs whole days: a schedule that ends at noon in the account's zone ends there the
// evening before. That last day is not missing from Google's figures; it was never to run.
void TestSixPlatformLaunch::daysAPlatformNeverRunsAreNotMissing()
{
    const QTimeZone newYork("America/New_York");
    const QDate firstDay = m_workspace->now().toTimeZone(newYork).date();
    const QDate endDay = firstDay.addDays(3);
    CampaignSpec noon = spec(QStringLiteral("Ends at noon"), {QStringLiteral("facebook"), QStringLiteral("google")});
    noon.objective = QStringLiteral("conversions");
    noon.audienceIds = {QStringLiteral("aud-vip")};
    noon.schedule.endAt = QDateTime(endDay, QTime(12, 0), newYork).toUTC();
    const Campaign live = launched(noon);
    QVERIFY2(live.status == CampaignStatus::Active, qPrintable(describe(live)));
    CampaignService *service = m_workspace->campaigns();

    // Google said on which days it runs the campaign; Facebook runs the schedule as it is.
    const PlatformStatus google = live.platformStatus.value(Platform::Google);
    QCOMPARE(google.deliveryUntil, endDay.addDays(-1));
    QVERIFY(!google.deliveryFrom.isValid()); // it starts at once
    QVERIFY(!live.platformStatus.value(Platform::Facebook).deliveryUntil.isValid());
    const QJsonObject shown = campaignToJson(live).value("platformStatus").toObject();
    QCOMPARE(shown.value("google").toObject().value("deliveryUntil").toString(),
             endDay.addDays(-1).toString(Qt::ISODate));
    QVERIFY(shown.value("facebook").toObject().value("deliveryUntil").isNull());

    // Past the end, then one sync reads every day.
    m_workspace->sandboxHub()->advanceClock(6 * 86400);
    QVERIFY(syncOnce());

    const auto metrics = service->metrics(live.id, firstDay, endDay.addDays(1));
    QVERIFY2(metrics.has_value(), metrics ? "" : qPrintable(metrics.error().message));
    for (Platform platform : {Platform::Facebook, Platform::Google}) {
        QStringList missing;
        for (const QDate &day : metrics->missingDays.value(platform))
            missing.append(day.toString(Qt::ISODate));
        QVERIFY2(missing.isEmpty(), qPrintable(platformName(platform) + u" misses " + missing.join(u", ")));
    }
    const QList<DailyMetrics> googleDays = metrics->platformDaily.value(Platform::Google);
    QVERIFY(!googleDays.isEmpty());
    QCOMPARE(googleDays.last().date, endDay.addDays(-1));
    QVERIFY(googleDays.last().totals.spendMicros > 0);
}

// A campaign paused for whole days delivers nothing on them, and Facebook, like most platforms,
// reports no row for them. Those days are neither missing data nor zero days of a live campaign:
// the campaign was not live.
void TestSixPlatformLaunch::pausedDaysAreNotMissing()
{
    // A day live, three days paused, a day live again.
    const QDateTime now = m_workspace->now();
    const Campaign live = launched(spec(QStringLiteral("Paused midweek"), {QStringLiteral("facebook")}));
    QVERIFY2(live.status == CampaignStatus::Active, qPrintable(describe(live)));
    CampaignService *service = m_workspace->campaigns();
    const QString id = live.id;
    m_workspace->sandboxHub()->advanceClock(30 * 3600);
    QVERIFY(service->pause(id, kTester).has_value());
    QCOMPARE(waitFor(id, CampaignStatus::Paused).status, CampaignStatus::Paused);
    m_workspace->sandboxHub()->advanceClock(4 * 86400);
    QVERIFY(service->resume(id, kTester).has_value());
    QCOMPARE(waitFor(id, CampaignStatus::Active).status, CampaignStatus::Active);
    m_workspace->sandboxHub()->advanceClock(30 * 3600);
    QVERIFY(syncOnce());

    const QTimeZone newYork("America/New_York");
    const QDate firstDay = now.toTimeZone(newYork).date();
    const QDate today = m_workspace->now().toTimeZone(newYork).date();
    const auto metrics = service->metrics(id, firstDay, today);
    QVERIFY2(metrics.has_value(), metrics ? "" : qPrintable(metrics.error().message));
    QStringList missing;
    for (const QDate &day : metrics->missingDays.value(Platform::Facebook))
        missing.append(day.toString(Qt::ISODate));
    QVERIFY2(missing.isEmpty(), qPrintable(u"missing " + missing.join(u", ")));

    // The three whole days of the pause are not among the campaign's days at all.
    const QDate pausedFrom = now.addSecs(30 * 3600).toTimeZone(newYork).date().addDays(1);
    QStringList shown;
    for (const DailyMetrics &day : metrics->platformDaily.value(Platform::Facebook)) {
        if (day.date >= pausedFrom && day.date < pausedFrom.addDays(3))
            shown.append(day.date.toString(Qt::ISODate) + (day.zeroFilled ? u" (zero day)" : u""));
    }
    QVERIFY2(shown.isEmpty(), qPrintable(shown.join(u", ")));
}

// A sync reads today's hours while today is still running. When the next sync comes more than a
// week later, that day is no longer among the last seven, yet it is read again: its hours add up
// to its day, as if no sync had been missed.
void TestSixPlatformLaunch::hoursReadMidDayAreReadAgainAfterAGap()
{
    const Campaign live = launched(spec(QStringLiteral("Synced, then left alone"), {QStringLiteral("facebook")}));
    QVERIFY2(live.status == CampaignStatus::Active, qPrintable(describe(live)));
    CampaignService *service = m_workspace->campaigns();

    // Into the second day, read while it runs; then ten days without a sync.
    m_workspace->sandboxHub()->advanceClock(36 * 3600);
    const QDate readMidDay = m_workspace->now().toTimeZone(QTimeZone("America/New_York")).date();
    QVERIFY(syncOnce());
    m_workspace->sandboxHub()->advanceClock(10 * 86400);
    QVERIFY(syncOnce());

    const auto daily = service->metrics(live.id, readMidDay, readMidDay);
    const auto hourly = service->metrics(live.id, readMidDay, readMidDay, {}, QStringLiteral("hour"));
    QVERIFY(daily.has_value() && hourly.has_value());
    QVERIFY(daily->totals.impressions > 0);
    QCOMPARE(hourly->totals.impressions, daily->totals.impressions);
    QCOMPARE(hourly->totals.spendMicros, daily->totals.spendMicros);
}

QTEST_GUILESS_MAIN(TestSixPlatformLaunch)
#include "TestSixPlatformLaunch.moc"
