// The spine, end to end, as a CRM tool would drive it: the real adsdesk binary, headless, on the
// sandbox, over real HTTP. Also kills the process mid-way and checks that nothing is lost.

#include "AppHarness.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

namespace {

const QStringList kPlatforms{QStringLiteral("facebook"), QStringLiteral("google"), QStringLiteral("tiktok")};

} // namespace

class TestHeadlessFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void seedCampaignFromCreationToMetrics();
    void workspaceSurvivesAKill();

private:
    ApiReply call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_app->call(method, path, body);
    }

    QJsonObject waitForCampaign(const QString &id, const std::function<bool(const QJsonObject &)> &done)
    {
        return m_app->waitForCampaign(id, done);
    }

    void waitForSyncIdle();

    QTemporaryDir m_dataDir;
    std::unique_ptr<AppHarness> m_app;
};

void TestHeadlessFlow::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_app = std::make_unique<AppHarness>(m_dataDir.path());
    QVERIFY(m_app->start());
}

void TestHeadlessFlow::cleanupTestCase()
{
    m_app.reset();
}

void TestHeadlessFlow::waitForSyncIdle()
{
    for (int i = 0; i < 600; ++i) {
        if (call("GET", QStringLiteral("/crm/ads/sync")).body.value("state").toString() == u"idle")
            return;
        QTest::qWait(100);
    }
}

static bool allPlatformsIn(const QJsonObject &campaign, const QString &state)
{
    return AppHarness::allPlatformsIn(campaign, state);
}

void TestHeadlessFlow::seedCampaignFromCreationToMetrics()
{
    // The seed's JSON, verbatim: its schedule is over, so it is stored but cannot launch.
    QFile seedFile(QStringLiteral(ADSDESK_SEED_JSON));
    QVERIFY(seedFile.open(QIODevice::ReadOnly));
    const QJsonObject seed = QJsonDocument::fromJson(seedFile.readAll()).object();
    const ApiReply created = call("POST", QStringLiteral("/crm/ads/campaigns"), seed);
    QCOMPARE(created.status, 201);
    const QString id = created.body.value("id").toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.body.value("status").toString(), QStringLiteral("draft"));
    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status, 409);

    // Move the schedule to start now and end in seven days.
    QJsonObject edited = created.body;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    edited.insert("schedule", QJsonObject{{"startAt", now.toString(Qt::ISODate)},
                                          {"endAt", now.addDays(7).toString(Qt::ISODate)}});
    const ApiReply updated = call("PUT", QStringLiteral("/crm/ads/campaigns/") + id, edited);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.body.value("version").toInt(), 2);

    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status, 202);
    QJsonObject live = waitForCampaign(id, [](const QJsonObject &c) { return allPlatformsIn(c, "active"); });
    QVERIFY2(allPlatformsIn(live, QStringLiteral("active")), QJsonDocument(live).toJson().constData());
    QCOMPARE(live.value("status").toString(), QStringLiteral("active"));
    for (const QString &platform : kPlatforms) {
        const QJsonObject entry = live.value("platformStatus").toObject().value(platform).toObject();
        QVERIFY(!entry.value("remoteIds").toObject().value("campaign").toString().isEmpty());
        QCOMPARE(entry.value("budget").toObject().value("amount").toDouble(), 150.0);
        QVERIFY(entry.value("error").isNull());
    }

    // Each platform holds its hierarchy exactly once: no object of ours appears twice.
    for (const QString &platform : kPlatforms) {
        const ApiReply objects = call("GET", QStringLiteral("/crm/ads/sandbox/objects?platform=") + platform);
        QCOMPARE(objects.status, 200);
        QSet<QString> names;
        int campaigns = 0;
        for (const QJsonValue &v : objects.body.value("items").toArray()) {
            const QJsonObject object = v.toObject();
            const QString name = object.value("name").toString();
            if (object.value("type").toString() == u"campaign")
                ++campaigns;
            if (!name.contains(QStringLiteral("[ads:")))
                continue;
            QVERIFY2(!names.contains(object.value("type").toString() + name), qPrintable(name));
            names.insert(object.value("type").toString() + name);
        }
        QCOMPARE(campaigns, 1);
    }

    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/pause/") + id).status, 202);
    live = waitForCampaign(id, [](const QJsonObject &c) { return allPlatformsIn(c, "paused"); });
    QCOMPARE(live.value("status").toString(), QStringLiteral("paused"));
    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/resume/") + id).status, 202);
    live = waitForCampaign(id, [](const QJsonObject &c) { return allPlatformsIn(c, "active"); });
    QCOMPARE(live.value("status").toString(), QStringLiteral("active"));

    // Three days of simulated delivery, then a sync.
    const ApiReply clock = call("POST", QStringLiteral("/crm/ads/sandbox/clock"), {{"advanceSeconds", 3 * 86400}});
    QCOMPARE(clock.status, 200);
    QCOMPARE(call("POST", QStringLiteral("/crm/ads/sync")).status, 202);
    QTest::qWait(200);
    waitForSyncIdle();

    const QString from = now.addDays(-1).date().toString(Qt::ISODate);
    const QString to = now.addDays(4).date().toString(Qt::ISODate);
    const ApiReply metrics =
        call("GET", QStringLiteral("/crm/ads/campaigns/metrics/%1?from=%2&to=%3").arg(id, from, to));
    QCOMPARE(metrics.status, 200);
    QCOMPARE(metrics.body.value("currency").toString(), QStringLiteral("USD"));

    // Each platform delivered, within its share plus its documented daily allowance.
    const QHash<QString, double> allowance{{"facebook", 1.75}, {"google", 2.0}, {"tiktok", 1.0}};
    const QJsonObject platforms = metrics.body.value("platforms").toObject();
    double impressions = 0;
    double spend = 0;
    for (const QString &platform : kPlatforms) {
        const QJsonObject block = platforms.value(platform).toObject();
        QVERIFY2(block.value("impressions").toDouble() > 0, qPrintable(platform));
        QVERIFY2(block.value("clicks").toDouble() > 0, qPrintable(platform));
        QVERIFY2(block.value("spend").toDouble() > 0, qPrintable(platform));
        for (const QJsonValue &day : block.value("daily").toArray()) {
            const double daySpend = day.toObject().value("spend").toDouble();
            QVERIFY2(daySpend <= 150.0 * allowance.value(platform) + 0.005,
                     qPrintable(platform + u' ' + day.toObject().value("date").toString()));
        }
        impressions += block.value("impressions").toDouble();
        spend += block.value("spend").toDouble();
    }
    const QJsonObject totals = metrics.body.value("totals").toObject();
    QCOMPARE(totals.value("impressions").toDouble(), impressions);
    QVERIFY(qAbs(totals.value("spend").toDouble() - spend) < 0.005);
    const double ctr = totals.value("clicks").toDouble() / totals.value("impressions").toDouble();
    QVERIFY(qAbs(totals.value("ctr").toDouble() - ctr) < 1e-12);

    double dailySpend = 0;
    for (const QJsonValue &v : metrics.body.value("daily").toArray())
        dailySpend += v.toObject().value("spend").toDouble();
    QVERIFY(qAbs(dailySpend - spend) < 0.005);
    QVERIFY(metrics.body.value("daily").toArray().size() >= 3);
}

void TestHeadlessFlow::workspaceSurvivesAKill()
{
    const ApiReply list = call("GET", QStringLiteral("/crm/ads/campaigns"));
    QCOMPARE(list.status, 200);
    const int before = list.body.value("items").toArray().size();
    QVERIFY(before >= 1);

    m_app->kill();
    QVERIFY(m_app->start());

    const ApiReply after = call("GET", QStringLiteral("/crm/ads/campaigns"));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body.value("items").toArray().size(), before);
    QCOMPARE(after.body.value("items").toArray().first().toObject().value("status").toString(),
             QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestHeadlessFlow)
#include "TestHeadlessFlow.moc"
