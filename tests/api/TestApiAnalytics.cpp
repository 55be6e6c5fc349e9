// The analytics routes over HTTP: parameters are checked and named, and the answers carry the
// figures the store holds.

#include "ApiTestSupport.h"

#include "core/api/ApiServer.h"
#include "core/auth/JwtVerifier.h"
#include "core/services/CampaignService.h"
#include "core/store/Database.h"
#include "core/store/MetricsStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using namespace ads::test;

namespace {

const QString kSecret = QStringLiteral("analytics-test-secret-0123456789abc");
const QString kBase = QStringLiteral("/crm/ads/analytics");

ReportRow row(const QString &campaignId, const char *day, qint64 impressions, qint64 clicks,
              const char *currency = "USD")
{
    ReportRow r;
    r.remoteCampaignId = campaignId;
    r.day = QDate::fromString(QLatin1String(day), Qt::ISODate);
    r.timeZone = QStringLiteral("UTC");
    r.currency = QLatin1String(currency);
    r.impressions = impressions;
    r.clicks = clicks;
    r.spendMicros = clicks * 500'000;
    return r;
}

} // namespace

class TestApiAnalytics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void overviewAnswersFromTheStore();
    void trendsBucketByWeek();
    void badParametersNameTheirField_data();
    void badParametersNameTheirField();
    void mixedCurrenciesNameCurrency();
    void readScopeIsRequired();
    void performanceRanksCampaigns();
    void comparisonByPlatform();

private:
    HttpResult get(const QString &pathAndQuery)
    {
        return m_client->send("GET", pathAndQuery, m_token);
    }

    // The sandbox keeps campaigns of its own; the figures checked here are this test's only.
    HttpResult getMine(const QString &pathAndQuery)
    {
        return get(pathAndQuery + "&campaignIds=" + m_campaign);
    }

    void insert(Platform platform, const QList<ReportRow> &rows);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Database> m_db; // a second connection to the workspace's file, to seed rows
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_token;
    QString m_campaign;
};

void TestApiAnalytics::insert(Platform platform, const QList<ReportRow> &rows)
{
    const auto written = metrics_store::upsertDailyRows(
        m_db->connection(), platform, QStringLiteral("acct-1"), rows, {{m_campaign, m_campaign}});
    QVERIFY(written.has_value());
}

void TestApiAnalytics::initTestCase()
{
    auto workspace = Workspace::open(workspaceOptions(m_dir.filePath("ws"), true));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));
    m_workspace = std::move(*workspace);
    auto db = Database::open(QDir(m_dir.filePath("ws")).filePath("adsdesk.sqlite"));
    QVERIFY(db.has_value());
    m_db = std::move(*db);
    m_server = std::make_unique<ApiServer>(m_workspace.get(), kSecret);
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    m_client = std::make_unique<ApiClient>(*port);
    m_token = mintToken(kSecret, "analytics-test", {QStringLiteral("ads:read")},
                        std::chrono::hours(1));

    const HttpResult created = m_client->sendJson(
        "POST", QStringLiteral("/crm/ads/campaigns"),
        mintToken(kSecret, "analytics-test", {QStringLiteral("ads:write")}, std::chrono::hours(1)),
        validCampaign());
    QCOMPARE(created.status, 201);
    m_campaign = created.json.value("id").toString();

    // 2026-03-02 is a Monday; 03-08 the Sunday that closes its week.
    insert(Platform::Facebook, {row(m_campaign, "2026-03-02", 1000, 10),
                                row(m_campaign, "2026-03-08", 1000, 30),
                                row(m_campaign, "2026-02-27", 400, 4)});
    insert(Platform::Google, {row(m_campaign, "2026-03-04", 100, 50)});
}

void TestApiAnalytics::cleanupTestCase()
{
    m_server.reset();
    m_db.reset();
    m_workspace.reset();
}

void TestApiAnalytics::overviewAnswersFromTheStore()
{
    const HttpResult result = getMine(kBase + "/overview?from=2026-03-02&to=2026-03-08");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json["currency"].toString(), QStringLiteral("USD"));
    QCOMPARE(result.json["totals"]["impressions"].toInteger(), 2100);
    QCOMPARE(result.json["totals"]["clicks"].toInteger(), 90);
    QVERIFY(qFuzzyCompare(result.json["totals"]["ctr"].toDouble(), 90.0 / 2100));
    QCOMPARE(result.json["platforms"]["google"]["impressions"].toInteger(), 100);
    QCOMPARE(result.json["previous"]["from"].toString(), QStringLiteral("2026-02-23"));
    QCOMPARE(result.json["previous"]["totals"]["impressions"].toInteger(), 400);
    QVERIFY(qFuzzyCompare(result.json["change"]["impressions"].toDouble(), 1700.0 / 400));
    QVERIFY(result.json["totals"]["cpa"].isNull());

    const HttpResult google =
        getMine(kBase + "/overview?from=2026-03-02&to=2026-03-08&platforms=google");
    QCOMPARE(google.status, 200);
    QCOMPARE(google.json["totals"]["impressions"].toInteger(), 100);
}

void TestApiAnalytics::trendsBucketByWeek()
{
    const HttpResult result =
        getMine(kBase + "/trends?from=2026-02-23&to=2026-03-08&granularity=week");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json["granularity"].toString(), QStringLiteral("week"));
    const QJsonArray series = result.json["series"].toArray();
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0)["platform"].toString(), QStringLiteral("facebook"));
    const QJsonArray points = series.at(0)["points"].toArray();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0)["date"].toString(), QStringLiteral("2026-02-23"));
    QCOMPARE(points.at(1)["date"].toString(), QStringLiteral("2026-03-02"));
    QCOMPARE(points.at(1)["impressions"].toInteger(), 2000);
    QCOMPARE(series.at(1)["points"].toArray().size(), 1);
}

void TestApiAnalytics::badParametersNameTheirField_data()
{
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<QString>("field");

    QTest::newRow("bad from") << "/overview?from=2026-3-1" << "from";
    QTest::newRow("bad to") << "/trends?to=yesterday" << "to";
    QTest::newRow("from after to") << "/overview?from=2026-03-09&to=2026-03-08" << "from";
    QTest::newRow("unknown platform") << "/overview?platforms=facebook,myspace" << "platforms";
    QTest::newRow("unknown granularity") << "/trends?granularity=year" << "granularity";
    QTest::newRow("unknown sort") << "/performance?sort=likes" << "sort";
    QTest::newRow("bad order") << "/performance?order=up" << "order";
    QTest::newRow("bad cursor") << "/performance?cursor=%25%25" << "cursor";
    QTest::newRow("no dimension") << "/comparison" << "dimension";
    QTest::newRow("unknown dimension") << "/comparison?dimension=country" << "dimension";
}

void TestApiAnalytics::badParametersNameTheirField()
{
    QFETCH(QString, pathAndQuery);
    QFETCH(QString, field);
    const HttpResult result = get(kBase + pathAndQuery);
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{field});
}

void TestApiAnalytics::mixedCurrenciesNameCurrency()
{
    insert(Platform::TikTok, {row(m_campaign, "2026-04-01", 10, 1, "EUR"),
                              row(m_campaign, "2026-04-02", 10, 1, "USD")});
    const HttpResult result = getMine(kBase + "/overview?from=2026-04-01&to=2026-04-02");
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{"currency"});
    QVERIFY(result.body.contains("exchange rates"));
}

void TestApiAnalytics::readScopeIsRequired()
{
    QCOMPARE(m_client->send("GET", kBase + "/overview").status, 401);
}

void TestApiAnalytics::performanceRanksCampaigns()
{
    const HttpResult result =
        getMine(kBase + "/performance?from=2026-03-02&to=2026-03-08&sort=ctr&limit=1");
    QCOMPARE(result.status, 200);
    const QJsonArray items = result.json["items"].toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0)["campaignId"].toString(), m_campaign);
    QCOMPARE(items.at(0)["name"].toString(), QStringLiteral("API test campaign"));
    QCOMPARE(items.at(0)["impressions"].toInteger(), 2100);
    QCOMPARE(items.at(0)["platforms"]["facebook"]["impressions"].toInteger(), 2000);
    QVERIFY(result.json["nextCursor"].isNull());
    QCOMPARE(result.json["currency"].toString(), QStringLiteral("USD"));
}

void TestApiAnalytics::comparisonByPlatform()
{
    const HttpResult result =
        getMine(kBase + "/comparison?from=2026-03-02&to=2026-03-08&dimension=platform");
    QCOMPARE(result.status, 200);
    const QJsonArray items = result.json["items"].toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0)["key"].toString(), QStringLiteral("facebook"));
    QCOMPARE(items.at(1)["key"].toString(), QStringLiteral("google"));
    QCOMPARE(items.at(1)["clicks"].toInteger(), 50);
}

QTEST_GUILESS_MAIN(TestApiAnalytics)
#include "TestApiAnalytics.moc"
