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
    void comparisonDefaultsToPlatform();
    void exchangeRatesListAndReplace();
    void refusedRatesLeaveTheReportingCurrency();
    void exchangeRateErrorsNameTheirField_data();
    void exchangeRateErrorsNameTheirField();
    void campaignMetricsTakeGranularityAndCurrency();
    void syncPoliciesAreConfigurable();
    void syncPolicyErrorsNameTheirField_data();
    void syncPolicyErrorsNameTheirField();

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
    QTest::newRow("unknown currency") << "/overview?currency=XYZ" << "currency";
    QTest::newRow("unknown dimension") << "/comparison?dimension=country" << "dimension";
    // A range with no previous period of its length, or too long to read quickly, is refused
    // rather than answered with zeros.
    QTest::newRow("open-ended range") << "/overview?from=2026-12-01&to=9999-12-31" << "to";
    QTest::newRow("eleven years") << "/trends?from=2016-01-01&to=2026-12-31" << "to";
    QTest::newRow("before 1970") << "/comparison?dimension=period&from=0500-01-01&to=0500-12-31" << "from";
    QStringList ids;
    for (int i = 0; i <= 500; ++i)
        ids.append(QStringLiteral("c%1").arg(i));
    QTest::newRow("501 campaigns") << "/comparison?dimension=campaign&campaignIds=" + ids.join(u',') << "campaignIds";
    // o1:9223372036854775807, an offset no list reaches, that would overflow offset + limit.
    QTest::newRow("forged cursor") << "/performance?cursor=bzE6OTIyMzM3MjAzNjg1NDc3NTgwNw" << "cursor";
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
    // The sandbox ships EUR, GBP and JPY rates; nothing converts Swiss francs.
    insert(Platform::TikTok, {row(m_campaign, "2026-04-01", 10, 1, "CHF"),
                              row(m_campaign, "2026-04-02", 10, 1, "USD")});
    const HttpResult result = getMine(kBase + "/overview?from=2026-04-01&to=2026-04-02");
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{"currency"});
    QVERIFY2(result.body.contains("no CHF to USD exchange rate on or before 2026-04-01"), result.body.constData());
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

void TestApiAnalytics::comparisonDefaultsToPlatform()
{
    const HttpResult result = getMine(kBase + "/comparison?from=2026-03-02&to=2026-03-08");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json["items"].toArray().size(), 2);
    QCOMPARE(result.json["items"][0]["key"].toString(), QStringLiteral("facebook"));
}

void TestApiAnalytics::exchangeRatesListAndReplace()
{
    const QString writer = mintToken(kSecret, "analytics-test", {QStringLiteral("ads:write")}, std::chrono::hours(1));

    // The sandbox ships a table; one day of it, against the reporting currency.
    const HttpResult shipped = get("/crm/ads/fx-rates?from=2026-03-02&to=2026-03-02");
    QCOMPARE(shipped.status, 200);
    QCOMPARE(shipped.json["reportingCurrency"].toString(), QStringLiteral("USD"));
    QStringList currencies;
    for (const QJsonValue &item : shipped.json["items"].toArray())
        currencies.append(item["currency"].toString());
    QCOMPARE(currencies, (QStringList{"EUR", "GBP", "JPY"}));

    // Replacing a range leaves only the items sent; a EUR row converts at the new rate.
    const QJsonObject body{{"from", "2026-03-03"}, {"to", "2026-03-04"},
                           {"items", QJsonArray{QJsonObject{{"date", "2026-03-03"}, {"currency", "EUR"},
                                                            {"rate", 1.25}}}}};
    const HttpResult replaced = m_client->sendJson("PUT", QStringLiteral("/crm/ads/fx-rates"), writer, body);
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json["items"].toArray().size(), 1); // 4 March reads 3 March's rate, listed once
    QCOMPARE(replaced.json["items"][0]["rate"].toDouble(), 1.25);

    insert(Platform::Pinterest, {row(m_campaign, "2026-03-04", 10, 1, "EUR")});
    const HttpResult overview = getMine(kBase + "/overview?from=2026-03-04&to=2026-03-04&platforms=pinterest");
    QCOMPARE(overview.status, 200);
    QCOMPARE(overview.json["totals"]["spend"].toDouble(), 1.25 * row(m_campaign, "2026-03-04", 10, 1).spendMicros
                                                              / 1'000'000.0);
}

void TestApiAnalytics::exchangeRateErrorsNameTheirField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("no range") << QByteArray(R"({"items":[]})") << "from";
    QTest::newRow("items not an array") << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02","items":{}})")
                                        << "items";
    QTest::newRow("negative rate")
        << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02",)"
                      R"("items":[{"date":"2026-01-01","currency":"EUR","rate":-1}]})")
        << "items[0].rate";
    QTest::newRow("day outside range")
        << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02",)"
                      R"("items":[{"date":"2026-02-01","currency":"EUR","rate":1}]})")
        << "items[0].date";
    QTest::newRow("reporting currency itself")
        << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02",)"
                      R"("items":[{"date":"2026-01-01","currency":"USD","rate":1}]})")
        << "items[0].currency";
    QTest::newRow("unknown reporting currency") << QByteArray(R"({"reportingCurrency":"XYZ"})")
                                                << "reportingCurrency";
    QTest::newRow("reporting currency not text") << QByteArray(R"({"reportingCurrency":5})") << "reportingCurrency";
    QTest::newRow("rate beyond any pair")
        << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02",)"
                      R"("items":[{"date":"2026-01-01","currency":"EUR","rate":9000000000}]})")
        << "items[0].rate";
    QTest::newRow("rate text beyond 64 bits")
        << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02",)"
                      R"("items":[{"date":"2026-01-01","currency":"EUR","rate":"99999999999999999999"}]})")
        << "items[0].rate";
    QTest::newRow("same day twice")
        << QByteArray(R"({"from":"2026-01-01","to":"2026-01-02","items":[)"
                      R"({"date":"2026-01-01","currency":"EUR","rate":1.1},)"
                      R"({"date":"2026-01-01","currency":"EUR","rate":1.2}]})")
        << "items[1].date";
    QTest::newRow("range as a date-time")
        << QByteArray(R"({"from":"2030-01-01T00:00:00","to":"2030-01-02","items":[]})") << "from";
}

void TestApiAnalytics::exchangeRateErrorsNameTheirField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QString writer = mintToken(kSecret, "analytics-test", {QStringLiteral("ads:write")}, std::chrono::hours(1));
    const HttpResult result = m_client->send("PUT", QStringLiteral("/crm/ads/fx-rates"), writer, body);
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{field});
}

void TestApiAnalytics::refusedRatesLeaveTheReportingCurrency()
{
    // The currency switch and the rates are one change: a bad rate refuses both.
    const QString writer = mintToken(kSecret, "analytics-test", {QStringLiteral("ads:write")}, std::chrono::hours(1));
    const QByteArray body = R"({"reportingCurrency":"EUR","from":"2026-12-01","to":"2026-12-01",)"
                            R"("items":[{"date":"2026-12-01","currency":"GBP","rate":0}]})";
    const HttpResult refused = m_client->send("PUT", QStringLiteral("/crm/ads/fx-rates"), writer, body);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorFields(), QStringList{"items[0].rate"});
    QCOMPARE(get("/crm/ads/fx-rates").json["reportingCurrency"].toString(), QStringLiteral("USD"));
}

void TestApiAnalytics::campaignMetricsTakeGranularityAndCurrency()
{
    const QString path = QStringLiteral("/crm/ads/campaigns/metrics/") + m_campaign;
    const HttpResult weekly = get(path + "?from=2026-03-02&to=2026-03-08&granularity=week");
    QCOMPARE(weekly.status, 200);
    QCOMPARE(weekly.json["granularity"].toString(), QStringLiteral("week"));
    QCOMPARE(weekly.json["daily"].toArray().size(), 1);
    QCOMPARE(weekly.json["daily"][0]["date"].toString(), QStringLiteral("2026-03-02"));
    const HttpResult daily = get(path + "?from=2026-03-02&to=2026-03-08");
    qint64 clicks = 0;
    for (const QJsonValue &day : daily.json["daily"].toArray())
        clicks += day["clicks"].toInteger();
    QVERIFY(clicks >= 90);
    QCOMPARE(weekly.json["daily"][0]["clicks"].toInteger(), clicks);

    const HttpResult euros = get(path + "?from=2026-03-02&to=2026-03-08&currency=EUR");
    QCOMPARE(euros.status, 200);
    QCOMPARE(euros.json["currency"].toString(), QStringLiteral("EUR"));
    QVERIFY(euros.json["totals"]["spend"].toDouble() < weekly.json["totals"]["spend"].toDouble());

    QCOMPARE(get(path + "?granularity=year").errorFields(), QStringList{"granularity"});
    QCOMPARE(get(path + "?currency=EURO").errorFields(), QStringList{"currency"});
}

void TestApiAnalytics::syncPoliciesAreConfigurable()
{
    const QString writer = mintToken(kSecret, "analytics-test", {QStringLiteral("ads:write")}, std::chrono::hours(1));

    // Meta's defaults follow its 28-day attribution; a buyer with a longer window widens it.
    const HttpResult before = get("/crm/ads/sync");
    QCOMPARE(before.json["platforms"]["facebook"]["restatementDays"].toInt(), 28);
    QCOMPARE(before.json["platforms"]["facebook"]["intervalMinutes"].toInt(), 60);

    const QJsonObject body{{"facebook", QJsonObject{{"restatementDays", 35}, {"intervalMinutes", 30}}}};
    const HttpResult changed = m_client->sendJson("PUT", QStringLiteral("/crm/ads/sync/policies"), writer, body);
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json["platforms"]["facebook"]["restatementDays"].toInt(), 35);
    QCOMPARE(changed.json["platforms"]["facebook"]["intervalMinutes"].toInt(), 30);
    QCOMPARE(changed.json["platforms"]["google"]["restatementDays"].toInt(), 30); // untouched
    const HttpResult after = get("/crm/ads/sync");
    QCOMPARE(after.json["platforms"]["facebook"]["restatementDays"].toInt(), 35);

    // Whether a platform leaves days out of its reports is a fact about the platform, not a setting:
    // a policy stored by an earlier AdsDesk with another value does not change it.
    QVERIFY(runQuery(m_db->connection(),
                     QStringLiteral("UPDATE preferences SET pref_value = ? WHERE pref_key = 'sync_policy/facebook'"),
                     {QStringLiteral(R"({"intervalMinutes":30,"restatementDays":35,"omitsZeroDays":false})")}));
    const HttpResult stored = get("/crm/ads/sync");
    QCOMPARE(stored.json["platforms"]["facebook"]["omitsZeroDays"].toBool(), true);

    // One platform on demand.
    QCOMPARE(m_client->send("POST", QStringLiteral("/crm/ads/sync?platform=google"), writer).status, 202);
    QCOMPARE(m_client->send("POST", QStringLiteral("/crm/ads/sync?platform=myspace"), writer).errorFields(),
             QStringList{"platform"});
}

void TestApiAnalytics::syncPolicyErrorsNameTheirField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("empty") << QByteArray("{}") << "body";
    QTest::newRow("unknown platform") << QByteArray(R"({"myspace":{"restatementDays":3}})") << "myspace";
    QTest::newRow("window too long") << QByteArray(R"({"google":{"restatementDays":400}})")
                                     << "google.restatementDays";
    QTest::newRow("fractional cadence") << QByteArray(R"({"tiktok":{"intervalMinutes":1.5}})")
                                        << "tiktok.intervalMinutes";
    QTest::newRow("cadence as text") << QByteArray(R"({"tiktok":{"intervalMinutes":"60"}})")
                                     << "tiktok.intervalMinutes";
}

void TestApiAnalytics::syncPolicyErrorsNameTheirField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QString writer = mintToken(kSecret, "analytics-test", {QStringLiteral("ads:write")}, std::chrono::hours(1));
    const HttpResult result = m_client->send("PUT", QStringLiteral("/crm/ads/sync/policies"), writer, body);
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{field});
}

QTEST_GUILESS_MAIN(TestApiAnalytics)
#include "TestApiAnalytics.moc"
