#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/ConnectorFactory.h"
#include "core/platforms/HttpSupport.h"
#include "core/platforms/ReportReading.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTestReports, "ads.test.reports", QtInfoMsg)

namespace {

/** Where a platform's daily report is asked for, and as which account. */
struct ReportWire
{
    Platform platform;
    QString accountId;
    QByteArray method;
    QString path;
};

ReportWire wireOf(const QString &platform, const QString &firstCampaignId)
{
    if (platform == u"meta")
        return {Platform::Facebook, u"123"_s, "GET", u"/v25.0/act_123/insights"_s};
    if (platform == u"google")
        return {Platform::Google, u"123-456-7890"_s, "POST", u"/v25/customers/1234567890/googleAds:search"_s};
    if (platform == u"tiktok")
        return {Platform::TikTok, u"7000000000000000123"_s, "GET", u"/open_api/v1.3/report/integrated/get/"_s};
    if (platform == u"linkedin")
        return {Platform::LinkedIn, u"507404993"_s, "GET", u"/rest/adAnalytics"_s};
    if (platform == u"pinterest")
        return {Platform::Pinterest, u"549755885175"_s, "GET", u"/v5/ad_accounts/549755885175/campaigns/analytics"_s};
    return {Platform::Snapchat, u"8adc3db7"_s, "GET", u"/v1/campaigns/"_s + firstCampaignId + u"/stats"_s};
}

/** "campaign day impressions clicks spendMicros conversionsMicros conversionValueMicros" */
QString describe(const ReportRow &row)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
        .arg(row.remoteCampaignId, row.day.toString(Qt::ISODate))
        .arg(row.impressions)
        .arg(row.clicks)
        .arg(row.spendMicros)
        .arg(row.conversionsMicros)
        .arg(row.conversionValueMicros);
}

/** A request's parameter: from the query string, else from a JSON body (Google's pageToken). */
QString requestValue(const RecordedRequest &request, const QString &name)
{
    if (request.query.hasQueryItem(name))
        return request.queryValue(name);
    return request.json().value(name).toString();
}

QByteArray tiktok(const QByteArray &data)
{
    return R"({"code":0,"message":"OK","request_id":"2026031001","data":)" + data + '}';
}

QByteArray snapStats(const QByteArray &intervals)
{
    return R"({"request_status":"SUCCESS","request_id":"r1","timeseries_stats":[{"sub_request_status":"SUCCESS",
        "timeseries_stat":{"id":"c-1","type":"CAMPAIGN","granularity":"DAY","timeseries":[)"
        + intervals + "]}}]}";
}

QString ago(int days)
{
    return QDateTime::currentDateTimeUtc().date().addDays(-days).toString(Qt::ISODate);
}

QStringList manyIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QString::number(1800000000000000001LL + i));
    return ids;
}

struct ReportRun
{
    FakePlatformServer server;
    QNetworkAccessManager nam;
    std::unique_ptr<PlatformConnector> connector;
    ConnectorAccount account;
    ReportWire wire;

    ReportRun(const QString &platform, const QStringList &ids, const QString &currency, const QString &zone)
        : wire(wireOf(platform, ids.value(0)))
    {
        connector = createConnector(wire.platform, &nam, server.baseUrl());
        account.accountId = wire.accountId;
        account.currency = currency;
        account.timeZone = zone;
        account.accessToken = u"tok-secret"_s;
        account.extra = {{u"developerToken"_s, u"dev-tok"_s}};
    }

    PlatformResult<QList<ReportRow>> fetch(const QStringList &ids, const QDate &from, const QDate &to,
                                           bool hourly = false)
    {
        return *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
            if (hourly)
                connector->fetchHourlyReport(account, ids, from, to, done);
            else
                connector->fetchDailyReport(account, ids, from, to, done);
        });
    }
};

/** Checks "request#:name=value" against the requests the server recorded. */
void verifyAsks(const QList<RecordedRequest> &requests, const QStringList &asks)
{
    for (const QString &ask : asks) {
        const qsizetype colon = ask.indexOf(u':');
        const qsizetype equals = ask.indexOf(u'=');
        const RecordedRequest &request = requests.at(ask.left(colon).toInt());
        QCOMPARE(requestValue(request, ask.mid(colon + 1, equals - colon - 1)), ask.mid(equals + 1));
    }
}

// A walk over pages that exist only in memory: page n answers one row and the cursor n+1 until
// lastPage, which has none.
ReportPageFetch countedPages(int lastPage, int *fetched)
{
    return [lastPage, fetched](const QString &cursor, ReportPageCallback done) {
        const int page = cursor.isEmpty() ? 1 : cursor.toInt();
        ++*fetched;
        ReportRow row;
        row.remoteCampaignId = u"c"_s;
        row.day = QDate(2026, 1, 1).addDays(page);
        done(ReportPage{{row}, page < lastPage ? QString::number(page + 1) : QString()});
    };
}

} // namespace

class TestReportParsing : public QObject
{
    Q_OBJECT

private slots:
    void readsReport_data();
    void readsReport();
    void readsHourlyReport_data();
    void readsHourlyReport();
    void refusesUnreadableHourlyRow_data();
    void refusesUnreadableHourlyRow();
    void dailyReportsInWindows_data();
    void dailyReportsInWindows();
    void refusesUnreadableReport_data();
    void refusesUnreadableReport();
    void failsPastThePageCap();
    void pageWalkStops_data();
    void pageWalkStops();
    void metricValues_data();
    void metricValues();
};

void TestReportParsing::readsReport_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QList<QByteArray>>("replies");
    QTest::addColumn<QStringList>("expectedRows");   // in describe()'s words
    QTest::addColumn<QString>("rowZone");            // every row's time zone
    QTest::addColumn<QStringList>("expectedAsks");   // "request#:name=value"
    QTest::addColumn<int>("expectedRequests");

    const QStringList metaId{u"120210000000000001"_s};
    const QDate mar1(2026, 3, 1);
    const QDate mar3(2026, 3, 3);
    const QString ny = u"America/New_York"_s;

    // Meta: every scalar a string in major units; JPY "1234" is 1234 yen; the day without delivery
    // (03-02) is absent and stays absent, the all-zero day stays a row; no paging.next ends it.
    QTest::newRow("meta jpy strings, omitted day, zero day, no next link")
        << u"meta"_s << u"JPY"_s << u"Asia/Tokyo"_s << metaId << mar1 << mar3
        << QList<QByteArray>{R"({"data":[
            {"campaign_id":"120210000000000001","impressions":"10452","clicks":"311","spend":"1234",
             "actions":[{"action_type":"link_click","value":"270"},{"action_type":"purchase","value":"3.5"}],
             "action_values":[{"action_type":"purchase","value":"48650"}],
             "account_currency":"JPY","date_start":"2026-03-01","date_stop":"2026-03-01"},
            {"campaign_id":"120210000000000001","impressions":"0","clicks":"0","spend":"0",
             "account_currency":"JPY","date_start":"2026-03-03","date_stop":"2026-03-03"}],
            "paging":{"cursors":{"before":"MA","after":"MQ"}}})"}
        << QStringList{u"120210000000000001 2026-03-01 10452 311 1234000000 3500000 48650000000"_s,
                       u"120210000000000001 2026-03-03 0 0 0 0 0"_s}
        << u"Asia/Tokyo"_s << QStringList{u"0:level=campaign"_s, u"0:time_increment=1"_s} << 1;

    // A server that serves the same page again under the same cursor: read once, then stop.
    const QByteArray metaPage = R"({"data":[{"campaign_id":"120210000000000001","impressions":"7",
        "spend":"19.91833","date_start":"2026-03-01","date_stop":"2026-03-01"}],
        "paging":{"cursors":{"after":"MQ"},"next":"https://graph.facebook.com/v25.0/act_123/insights?after=MQ"}})";
    QTest::newRow("meta repeated cursor")
        << u"meta"_s << u"USD"_s << ny << metaId << mar1 << mar1 << QList<QByteArray>{metaPage, metaPage}
        << QStringList{u"120210000000000001 2026-03-01 7 0 19918330 0 0"_s} << ny
        << QStringList{u"1:after=MQ"_s} << 2;

    QTest::newRow("meta empty last page")
        << u"meta"_s << u"USD"_s << ny << metaId << mar1 << mar3
        << QList<QByteArray>{metaPage, R"({"data":[],"paging":{"cursors":{"after":"Mg"},"next":"https://x/next"}})"}
        << QStringList{u"120210000000000001 2026-03-01 7 0 19918330 0 0"_s} << ny << QStringList{} << 2;

    // Google: int64 as strings (cost already in micros), doubles as numbers; omitted metrics are 0.
    const QStringList googleId{u"1111"_s};
    QTest::newRow("google micros and doubles, empty last page")
        << u"google"_s << u"USD"_s << ny << googleId << mar1 << mar3
        << QList<QByteArray>{R"({"results":[
            {"campaign":{"resourceName":"customers/1234567890/campaigns/1111","id":"1111"},
             "metrics":{"clicks":"311","impressions":"10452","costMicros":"152370000","conversions":3.5,
                        "conversionsValue":486.5},"segments":{"date":"2026-03-01"}},
            {"campaign":{"id":"1111"},"segments":{"date":"2026-03-03"}}],"nextPageToken":"T1"})",
                             R"({"results":[],"nextPageToken":"T2"})"}
        << QStringList{u"1111 2026-03-01 10452 311 152370000 3500000 486500000"_s,
                       u"1111 2026-03-03 0 0 0 0 0"_s}
        << ny << QStringList{u"1:pageToken=T1"_s} << 2;

    // Data-driven attribution sums doubles: more decimals than micros hold are rounded, not refused.
    QTest::newRow("google attribution doubles beyond micros")
        << u"google"_s << u"USD"_s << ny << googleId << mar1 << mar1
        << QList<QByteArray>{R"({"results":[{"campaign":{"id":"1111"},
            "metrics":{"impressions":"10","conversions":0.30000000000000004,"conversionsValue":12.3456789},
            "segments":{"date":"2026-03-01"}}]})"}
        << QStringList{u"1111 2026-03-01 10 0 0 300000 12345679"_s} << ny << QStringList{} << 1;

    const QByteArray googlePage = R"({"results":[{"campaign":{"id":"1111"},"metrics":{"impressions":"5",
        "costMicros":"990000"},"segments":{"date":"2026-03-02"}}],"nextPageToken":"T1"})";
    QTest::newRow("google repeated page token")
        << u"google"_s << u"USD"_s << ny << googleId << mar1 << mar3 << QList<QByteArray>{googlePage, googlePage}
        << QStringList{u"1111 2026-03-02 5 0 990000 0 0"_s} << ny << QStringList{u"1:pageToken=T1"_s} << 2;

    // TikTok: strings in major units, "-" and "" for no value; JPY spend "1234" is 1234 yen.
    const QStringList tiktokId{u"1800000000000000001"_s};
    QTest::newRow("tiktok jpy, placeholders, fractional conversions")
        << u"tiktok"_s << u"JPY"_s << u"Asia/Tokyo"_s << tiktokId << mar1 << mar3
        << QList<QByteArray>{tiktok(R"({"list":[
            {"dimensions":{"campaign_id":"1800000000000000001","stat_time_day":"2026-03-01 00:00:00"},
             "metrics":{"spend":"1234","impressions":"5830","clicks":"","conversion":"3.5",
                        "total_purchase_value":"-"}},
            {"dimensions":{"campaign_id":"1800000000000000001","stat_time_day":"2026-03-03 00:00:00"},
             "metrics":{"spend":"0","impressions":"0","clicks":"0","conversion":"0","total_purchase_value":"0"}}],
            "page_info":{"page":1,"page_size":1000,"total_number":2,"total_page":1}})")}
        << QStringList{u"1800000000000000001 2026-03-01 5830 0 1234000000 3500000 0"_s,
                       u"1800000000000000001 2026-03-03 0 0 0 0 0"_s}
        << u"Asia/Tokyo"_s << QStringList{u"0:page=1"_s, u"0:start_date=2026-03-01"_s} << 1;

    // 45 days: two windows of at most 30; the first has two pages.
    QTest::newRow("tiktok multi-window split")
        << u"tiktok"_s << u"USD"_s << ny << tiktokId << mar1 << QDate(2026, 4, 14)
        << QList<QByteArray>{tiktok(R"({"list":[{"dimensions":{"campaign_id":"1800000000000000001",
                                 "stat_time_day":"2026-03-01 00:00:00"},
                                 "metrics":{"spend":"20.00","impressions":"5830"}}],
                                 "page_info":{"page":1,"total_page":2}})"),
                             tiktok(R"({"list":[{"dimensions":{"campaign_id":1800000000000000001,
                                 "stat_time_day":"2026-03-30 00:00:00"},"metrics":{"spend":12.5,"clicks":"3"}}],
                                 "page_info":{"page":2,"total_page":2}})"),
                             tiktok(R"({"list":[{"dimensions":{"campaign_id":"1800000000000000001",
                                 "stat_time_day":"2026-04-14 00:00:00"},"metrics":{"spend":"0.01"}}],
                                 "page_info":{"page":1,"total_page":1}})")}
        << QStringList{u"1800000000000000001 2026-03-01 5830 0 20000000 0 0"_s,
                       u"1800000000000000001 2026-03-30 0 3 12500000 0 0"_s,
                       u"1800000000000000001 2026-04-14 0 0 10000 0 0"_s}
        << ny
        << QStringList{u"0:end_date=2026-03-30"_s, u"1:page=2"_s, u"2:start_date=2026-03-31"_s,
                       u"2:end_date=2026-04-14"_s, u"2:page=1"_s}
        << 3;

    // A server that ignores the page asked for keeps answering page 1: its rows count once.
    const QByteArray tiktokStuck = tiktok(R"({"list":[{"dimensions":{"campaign_id":"1800000000000000001",
        "stat_time_day":"2026-03-01 00:00:00"},"metrics":{"spend":"1.50","impressions":"9"}}],
        "page_info":{"page":1,"total_page":3}})");
    QTest::newRow("tiktok page that does not advance")
        << u"tiktok"_s << u"USD"_s << ny << tiktokId << mar1 << mar1
        << QList<QByteArray>{tiktokStuck, tiktokStuck, tiktokStuck}
        << QStringList{u"1800000000000000001 2026-03-01 9 0 1500000 0 0"_s} << ny << QStringList{u"1:page=2"_s}
        << 2;

    // An id filter takes at most 100 ids: 101 campaigns are asked for in two requests.
    const QByteArray tiktokEmpty = tiktok(R"({"list":[],"page_info":{"page":1,"total_page":0}})");
    QTest::newRow("tiktok id groups")
        << u"tiktok"_s << u"USD"_s << ny << manyIds(101) << mar1 << mar1
        << QList<QByteArray>{tiktokEmpty, tiktokEmpty} << QStringList{} << ny
        << QStringList{u"1:filtering=[{\"field_name\":\"campaign_ids\",\"filter_type\":\"IN\","
                       "\"filter_value\":\"[\\\"1800000000000000101\\\"]\"}]"_s}
        << 2;

    // LinkedIn: counts are integers, money decimal strings of any precision, days are UTC days.
    const QStringList linkedinId{u"345678901"_s};
    QTest::newRow("linkedin decimals, jpy, two windows")
        << u"linkedin"_s << u"JPY"_s << u"Asia/Tokyo"_s << linkedinId << mar1 << QDate(2026, 4, 14)
        << QList<QByteArray>{R"({"paging":{"start":0,"count":10,"links":[]},"elements":[
            {"pivotValues":["urn:li:sponsoredCampaign:345678901"],
             "dateRange":{"start":{"year":2026,"month":3,"day":1},"end":{"year":2026,"month":3,"day":1}},
             "impressions":19090,"clicks":100,"costInLocalCurrency":"1234","externalWebsiteConversions":3,
             "conversionValueInLocalCurrency":"19.91833"},
            {"pivotValues":["urn:li:sponsoredCampaign:345678901"],
             "dateRange":{"start":{"year":2026,"month":3,"day":4},"end":{"year":2026,"month":3,"day":4}},
             "impressions":10,"costInLocalCurrency":"209.4491235"}]})",
                             R"({"paging":{"start":0,"count":10,"links":[]},"elements":[]})"}
        << QStringList{u"345678901 2026-03-01 19090 100 1234000000 3000000 19918330"_s,
                       u"345678901 2026-03-04 10 0 209449124 0 0"_s}
        << u"UTC"_s
        << QStringList{u"0:dateRange=(start:(year:2026,month:3,day:1),end:(year:2026,month:3,day:30))"_s,
                       u"1:dateRange=(start:(year:2026,month:3,day:31),end:(year:2026,month:4,day:14))"_s}
        << 2;

    // Pinterest: *_MICRO_DOLLAR columns are micros already (JPY too); columns may be left out;
    // conversions can be fractional. The answer is one bare array: no pages.
    const QStringList pinId{u"626736533506"_s};
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QTest::newRow("pinterest micros, string integers, omitted columns")
        << u"pinterest"_s << u"JPY"_s << u"Asia/Tokyo"_s << pinId << today.addDays(-3) << today
        << QList<QByteArray>{QStringLiteral(R"([
            {"CAMPAIGN_ID":"626736533506","DATE":"%1","SPEND_IN_MICRO_DOLLAR":1234000000,
             "IMPRESSION_1":"18211","CLICKTHROUGH_1":212,"TOTAL_CONVERSIONS":7.5,
             "TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR":"399000000"},
            {"CAMPAIGN_ID":626736533506,"DATE":"%2","IMPRESSION_1":5}])")
                                 .arg(ago(3), ago(1))
                                 .toUtf8()}
        << QStringList{u"626736533506 "_s + ago(3) + u" 18211 212 1234000000 7500000 399000000"_s,
                       u"626736533506 "_s + ago(1) + u" 5 0 0 0 0"_s}
        << u"UTC"_s << QStringList{u"0:granularity=DAY"_s, u"0:start_date="_s + ago(3)} << 1;

    QTest::newRow("pinterest 250 ids per request")
        << u"pinterest"_s << u"USD"_s << ny << manyIds(251) << today << today << QList<QByteArray>{"[]", "[]"}
        << QStringList{} << u"UTC"_s << QStringList{u"1:campaign_ids=1800000000000000251"_s} << 2;

    // Snapchat: counts and micro-currency integers; a zero interval stays a zero day; 35 days are
    // two requests of at most 30 local days.
    const QStringList snapId{u"c-1"_s};
    QTest::newRow("snapchat micros, zero day, two windows")
        << u"snapchat"_s << u"USD"_s << u"America/Los_Angeles"_s << snapId << QDate(2025, 11, 1)
        << QDate(2025, 12, 5)
        << QList<QByteArray>{snapStats(R"(
            {"start_time":"2025-11-01T00:00:00.000-07:00","end_time":"2025-11-02T00:00:00.000-07:00",
             "stats":{"impressions":5120,"swipes":90,"spend":22000000,"conversion_purchases":3,
                      "conversion_purchases_value":450000000}},
            {"start_time":"2025-11-02T00:00:00.000-07:00","end_time":"2025-11-03T00:00:00.000-08:00",
             "stats":{"impressions":0,"swipes":0,"spend":0}})"),
                             snapStats("")}
        << QStringList{u"c-1 2025-11-01 5120 90 22000000 3000000 450000000"_s, u"c-1 2025-11-02 0 0 0 0 0"_s}
        << u"America/Los_Angeles"_s
        << QStringList{u"0:start_time=2025-11-01T07:00:00.000Z"_s, u"1:start_time=2025-12-01T08:00:00.000Z"_s}
        << 2;

    // An interval written as a UTC instant still lands on the account's local day.
    QTest::newRow("snapchat utc interval times east of utc")
        << u"snapchat"_s << u"JPY"_s << u"Asia/Tokyo"_s << snapId << mar1 << mar1
        << QList<QByteArray>{snapStats(R"({"start_time":"2026-02-28T15:00:00.000Z",
            "end_time":"2026-03-01T15:00:00.000Z","stats":{"impressions":3,"spend":1234000000}})")}
        << QStringList{u"c-1 2026-03-01 3 0 1234000000 0 0"_s} << u"Asia/Tokyo"_s
        << QStringList{u"0:start_time=2026-02-28T15:00:00.000Z"_s} << 1;
}

void TestReportParsing::readsReport()
{
    QFETCH(QString, platform);
    QFETCH(QString, currency);
    QFETCH(QString, zone);
    QFETCH(QStringList, ids);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QList<QByteArray>, replies);
    QFETCH(QStringList, expectedRows);
    QFETCH(QString, rowZone);
    QFETCH(QStringList, expectedAsks);
    QFETCH(int, expectedRequests);

    ReportRun run(platform, ids, currency, zone);
    for (const QByteArray &reply : replies)
        run.server.enqueueJson(run.wire.method, run.wire.path, reply);
    const auto result = run.fetch(ids, from, to);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().platformMessage));

    QStringList rows;
    for (const ReportRow &row : *result) {
        rows.append(describe(row));
        QCOMPARE(row.currency, currency);
        QCOMPARE(row.timeZone, rowZone);
        QCOMPARE(row.hour, -1);
    }
    QCOMPARE(rows, expectedRows);

    const QList<RecordedRequest> requests = run.server.requests();
    QCOMPARE(requests.size(), expectedRequests);
    verifyAsks(requests, expectedAsks);
}

void TestReportParsing::readsHourlyReport_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QList<QByteArray>>("replies");
    QTest::addColumn<QStringList>("expectedRows"); // describe() plus " h<hour>"
    QTest::addColumn<QStringList>("expectedAsks");
    QTest::addColumn<int>("expectedRequests");

    const QString ny = u"America/New_York"_s;
    const QDate fallBack(2025, 11, 2); // New York's 25-hour day
    const QByteArray emptyMeta = R"({"data":[]})";

    // Meta: the breakdown's "HH:00:00 - HH:59:59" names the hour; seven days per request.
    QTest::newRow("meta hour strings, two windows")
        << u"meta"_s << ny << QStringList{u"1201"_s} << fallBack << fallBack.addDays(8)
        << QList<QByteArray>{R"({"data":[
            {"campaign_id":"1201","impressions":"40","spend":"1.25","date_start":"2025-11-02",
             "date_stop":"2025-11-02","hourly_stats_aggregated_by_advertiser_time_zone":"01:00:00 - 01:59:59"},
            {"campaign_id":"1201","impressions":"7","spend":"0.10","date_start":"2025-11-02",
             "date_stop":"2025-11-02","hourly_stats_aggregated_by_advertiser_time_zone":"23:00:00 - 23:59:59"}]})",
                             emptyMeta}
        << QStringList{u"1201 2025-11-02 40 0 1250000 0 0 h1"_s, u"1201 2025-11-02 7 0 100000 0 0 h23"_s}
        << QStringList{u"0:breakdowns=hourly_stats_aggregated_by_advertiser_time_zone"_s,
                       uR"(1:time_range={"since":"2025-11-09","until":"2025-11-10"})"_s}
        << 2;

    // Google: segments.hour an int, and left out when it is the default 0.
    QTest::newRow("google segments.hour, default hour left out")
        << u"google"_s << ny << QStringList{u"1111"_s} << fallBack << fallBack
        << QList<QByteArray>{R"({"results":[
            {"campaign":{"id":"1111"},"metrics":{"impressions":"12","costMicros":"30000"},
             "segments":{"date":"2025-11-02"}},
            {"campaign":{"id":"1111"},"metrics":{"impressions":"5","costMicros":"10000"},
             "segments":{"date":"2025-11-02","hour":1}}]})"}
        << QStringList{u"1111 2025-11-02 12 0 30000 0 0 h0"_s, u"1111 2025-11-02 5 0 10000 0 0 h1"_s}
        << QStringList{} << 1;

    // TikTok: stat_time_hour "YYYY-MM-DD HH:00:00", one day per request.
    const QByteArray tiktokHour = tiktok(R"({"list":[{"dimensions":{"campaign_id":"1800000000000000001",
        "stat_time_hour":"2026-03-01 19:00:00"},"metrics":{"spend":"2.50","impressions":"300","clicks":"4"}}],
        "page_info":{"page":1,"page_size":1000,"total_number":1,"total_page":1}})");
    const QByteArray tiktokNone = tiktok(R"({"list":[],"page_info":{"page":1,"total_number":0,"total_page":0}})");
    QTest::newRow("tiktok stat_time_hour, a day per request")
        << u"tiktok"_s << u"Etc/GMT+5"_s << QStringList{u"1800000000000000001"_s} << QDate(2026, 3, 1)
        << QDate(2026, 3, 2) << QList<QByteArray>{tiktokHour, tiktokNone}
        << QStringList{u"1800000000000000001 2026-03-01 300 4 2500000 0 0 h19"_s}
        << QStringList{uR"(0:dimensions=["campaign_id","stat_time_hour"])"_s, u"0:start_date=2026-03-01"_s,
                       u"0:end_date=2026-03-01"_s, u"1:start_date=2026-03-02"_s}
        << 2;

    // Snapchat: interval starts in the account's offset; the fall-back day's 01:00 comes twice
    // (-04:00 then -05:00) and is one hour 1 in our rows.
    QTest::newRow("snapchat hour intervals, repeated hour folded")
        << u"snapchat"_s << ny << QStringList{u"c-1"_s} << fallBack << fallBack
        << QList<QByteArray>{snapStats(R"(
            {"start_time":"2025-11-02T00:00:00.000-04:00","end_time":"2025-11-02T01:00:00.000-04:00",
             "stats":{"impressions":10,"spend":20000}},
            {"start_time":"2025-11-02T01:00:00.000-04:00","end_time":"2025-11-02T01:00:00.000-05:00",
             "stats":{"impressions":4,"spend":10000}},
            {"start_time":"2025-11-02T01:00:00.000-05:00","end_time":"2025-11-02T02:00:00.000-05:00",
             "stats":{"impressions":6,"spend":30000}},
            {"start_time":"2025-11-02T07:00:00.000Z","end_time":"2025-11-02T08:00:00.000Z",
             "stats":{"impressions":1,"spend":0}})")}
        << QStringList{u"c-1 2025-11-02 10 0 20000 0 0 h0"_s, u"c-1 2025-11-02 10 0 40000 0 0 h1"_s,
                       u"c-1 2025-11-02 1 0 0 0 0 h2"_s}
        << QStringList{u"0:granularity=HOUR"_s, u"0:start_time=2025-11-02T04:00:00.000Z"_s,
                       u"0:end_time=2025-11-03T05:00:00.000Z"_s}
        << 1;
}

void TestReportParsing::readsHourlyReport()
{
    QFETCH(QString, platform);
    QFETCH(QString, zone);
    QFETCH(QStringList, ids);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QList<QByteArray>, replies);
    QFETCH(QStringList, expectedRows);
    QFETCH(QStringList, expectedAsks);
    QFETCH(int, expectedRequests);

    ReportRun run(platform, ids, u"USD"_s, zone);
    QVERIFY(run.connector->offersHourlyReports());
    for (const QByteArray &reply : replies)
        run.server.enqueueJson(run.wire.method, run.wire.path, reply);
    const auto result = run.fetch(ids, from, to, true);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().platformMessage));

    QStringList rows;
    for (const ReportRow &row : *result) {
        rows.append(describe(row) + u" h"_s + QString::number(row.hour));
        QCOMPARE(row.timeZone, zone);
    }
    QCOMPARE(rows, expectedRows);
    QCOMPARE(run.server.requests().size(), expectedRequests);
    verifyAsks(run.server.requests(), expectedAsks);
}

void TestReportParsing::refusesUnreadableHourlyRow_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QByteArray>("reply");

    QTest::newRow("meta hour string without an hour") << u"meta"_s << QByteArray(R"({"data":[{"campaign_id":"1",
        "impressions":"1","date_start":"2026-03-01","hourly_stats_aggregated_by_advertiser_time_zone":"late"}]})");
    QTest::newRow("google hour 24") << u"google"_s << QByteArray(R"({"results":[{"campaign":{"id":"1"},
        "segments":{"date":"2026-03-01","hour":24}}]})");
    QTest::newRow("tiktok day where the hour belongs") << u"tiktok"_s
        << tiktok(R"({"list":[{"dimensions":{"campaign_id":"1","stat_time_hour":"2026-03-01"},"metrics":{}}]})");
}

void TestReportParsing::refusesUnreadableHourlyRow()
{
    QFETCH(QString, platform);
    QFETCH(QByteArray, reply);

    ReportRun run(platform, {u"1"_s}, u"USD"_s, u"UTC"_s);
    run.server.enqueueJson(run.wire.method, run.wire.path, reply);
    const QDate day(2026, 3, 1);
    const auto result = run.fetch({u"1"_s}, day, day, true);
    QVERIFY(!result.has_value());
}

void TestReportParsing::dailyReportsInWindows_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QByteArray>("emptyReply");
    QTest::addColumn<QString>("secondAsk");

    // 2026-01-01..2026-03-01 is 60 days: Meta asks 28 days at a time, Google 30.
    QTest::newRow("meta") << u"meta"_s << QByteArray(R"({"data":[]})")
                          << uR"(1:time_range={"since":"2026-01-29","until":"2026-02-25"})"_s;
    QTest::newRow("google") << u"google"_s << QByteArray(R"({"results":[]})")
                            << u"1:query=SELECT campaign.id, segments.date, metrics.impressions, metrics.clicks, "
                               "metrics.cost_micros, metrics.conversions, metrics.conversions_value FROM campaign "
                               "WHERE segments.date BETWEEN '2026-01-31' AND '2026-03-01' AND campaign.id IN (1)"_s;
}

void TestReportParsing::dailyReportsInWindows()
{
    QFETCH(QString, platform);
    QFETCH(QByteArray, emptyReply);
    QFETCH(QString, secondAsk);

    ReportRun run(platform, {u"1"_s}, u"USD"_s, u"UTC"_s);
    for (int i = 0; i < 3; ++i)
        run.server.enqueueJson(run.wire.method, run.wire.path, emptyReply);
    const auto result = run.fetch({u"1"_s}, QDate(2026, 1, 1), QDate(2026, 3, 1));
    QVERIFY(result.has_value());
    QCOMPARE(run.server.requests().size(), platform == u"meta" ? 3 : 2);
    verifyAsks(run.server.requests(), {secondAsk});
}

void TestReportParsing::refusesUnreadableReport_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QByteArray>("reply");

    QTest::newRow("meta spend with two points") << u"meta"_s << QByteArray(R"({"data":[{"campaign_id":"1",
        "spend":"1.2.3","date_start":"2026-03-01","date_stop":"2026-03-01"}]})");
    QTest::newRow("google cost micros with a fraction") << u"google"_s << QByteArray(R"({"results":[
        {"campaign":{"id":"1"},"metrics":{"costMicros":"12.5"},"segments":{"date":"2026-03-01"}}]})");
    QTest::newRow("tiktok spend in words") << u"tiktok"_s << tiktok(R"({"list":[{"dimensions":{"campaign_id":"1",
        "stat_time_day":"2026-03-01 00:00:00"},"metrics":{"spend":"abc"}}],"page_info":{"page":1,"total_page":1}})");
    // Read as 1.234568 before, a thousand times too little: an exponent after seven decimals.
    QTest::newRow("linkedin exponent after seven decimals") << u"linkedin"_s << QByteArray(R"({"elements":[
        {"pivotValues":["urn:li:sponsoredCampaign:1"],"dateRange":{"start":{"year":2026,"month":3,"day":1}},
         "costInLocalCurrency":"1.2345678e3"}]})");
    QTest::newRow("linkedin exponent") << u"linkedin"_s << QByteArray(R"({"elements":[
        {"pivotValues":["urn:li:sponsoredCampaign:1"],"dateRange":{"start":{"year":2026,"month":3,"day":1}},
         "costInLocalCurrency":"1e3"}]})");
    QTest::newRow("pinterest spend in words") << u"pinterest"_s
        << QStringLiteral(R"([{"CAMPAIGN_ID":"1","DATE":"%1","SPEND_IN_MICRO_DOLLAR":"lots"}])").arg(ago(0)).toUtf8();
    QTest::newRow("snapchat impressions with a fraction") << u"snapchat"_s
        << snapStats(R"({"start_time":"2026-03-01T00:00:00.000-05:00","stats":{"impressions":1.5}})");
}

void TestReportParsing::refusesUnreadableReport()
{
    QFETCH(QString, platform);
    QFETCH(QByteArray, reply);

    const QDate day = platform == u"pinterest" ? QDateTime::currentDateTimeUtc().date() : QDate(2026, 3, 1);
    ReportRun run(platform, {u"1"_s}, u"USD"_s, u"America/New_York"_s);
    run.server.enqueueJson(run.wire.method, run.wire.path, reply);
    const auto result = run.fetch({u"1"_s}, day, day);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, u"unreadable_reply"_s);
    QCOMPARE(int(result.error().kind), int(FailureKind::Permanent));
}

void TestReportParsing::failsPastThePageCap()
{
    // Every answer claims more pages and never says which page it is: the walk goes on until the
    // cap, then fails instead of handing back a report that silently stops.
    ReportRun run(u"tiktok"_s, {u"1"_s}, u"USD"_s, u"America/New_York"_s);
    CannedReply endless;
    endless.body = tiktok(R"({"list":[{"dimensions":{"campaign_id":"1","stat_time_day":"2026-03-01 00:00:00"},
        "metrics":{"spend":"1"}}],"page_info":{"total_page":100000}})");
    endless.repeat = true;
    run.server.enqueue(run.wire.method, run.wire.path, endless);

    const auto result = run.fetch({u"1"_s}, QDate(2026, 3, 1), QDate(2026, 3, 1));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, u"report_too_long"_s);
    QCOMPARE(run.server.requestCount(), kMaxReportPages);
    QCOMPARE(run.server.requests().last().queryValue(u"page"_s), QString::number(kMaxReportPages));
}

void TestReportParsing::pageWalkStops_data()
{
    QTest::addColumn<int>("lastPage");
    QTest::addColumn<int>("expectedFetches");
    QTest::addColumn<bool>("fails");

    QTest::newRow("one page") << 1 << 1 << false;
    QTest::newRow("exactly the cap") << kMaxReportPages << kMaxReportPages << false;
    QTest::newRow("one past the cap") << kMaxReportPages + 1 << kMaxReportPages << true;
}

void TestReportParsing::pageWalkStops()
{
    QFETCH(int, lastPage);
    QFETCH(int, expectedFetches);
    QFETCH(bool, fails);

    int fetched = 0;
    auto rows = std::make_shared<ReportRows>();
    std::optional<std::optional<PlatformError>> outcome;
    walkReportPages(countedPages(lastPage, &fetched), rows, u"Test"_s, lcTestReports,
                    [&](std::optional<PlatformError> error) { outcome.emplace(std::move(error)); });
    QVERIFY(outcome.has_value());
    QCOMPARE(fetched, expectedFetches);
    QCOMPARE(outcome->has_value(), fails);
    QCOMPARE(rows->rows().size(), expectedFetches);
}

void TestReportParsing::metricValues_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("money");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("count string") << QJsonValue(u"1234"_s) << false << true << Q_INT64_C(1234);
    QTest::newRow("count int64 string") << QJsonValue(u"9007199254740993"_s) << false << true
                                        << Q_INT64_C(9007199254740993);
    QTest::newRow("count number") << QJsonValue(19090) << false << true << Q_INT64_C(19090);
    QTest::newRow("count with zero decimals") << QJsonValue(u"12.000"_s) << false << true << Q_INT64_C(12);
    QTest::newRow("count with a fraction") << QJsonValue(u"12.5"_s) << false << false << Q_INT64_C(0);
    QTest::newRow("count dash") << QJsonValue(u"-"_s) << false << true << Q_INT64_C(0);
    QTest::newRow("count empty") << QJsonValue(u""_s) << false << true << Q_INT64_C(0);
    QTest::newRow("count missing") << QJsonValue(QJsonValue::Undefined) << false << true << Q_INT64_C(0);
    QTest::newRow("count null") << QJsonValue(QJsonValue::Null) << false << true << Q_INT64_C(0);
    QTest::newRow("count boolean") << QJsonValue(true) << false << false << Q_INT64_C(0);
    QTest::newRow("money five decimals") << QJsonValue(u"19.91833"_s) << true << true << Q_INT64_C(19'918'330);
    QTest::newRow("money two decimals") << QJsonValue(u"12.30"_s) << true << true << Q_INT64_C(12'300'000);
    QTest::newRow("money whole yen") << QJsonValue(u"1234"_s) << true << true << Q_INT64_C(1'234'000'000);
    QTest::newRow("money fractional conversions") << QJsonValue(u"3.5"_s) << true << true << Q_INT64_C(3'500'000);
    QTest::newRow("money number") << QJsonValue(486.5) << true << true << Q_INT64_C(486'500'000);
    QTest::newRow("money double noise") << QJsonValue(0.1 + 0.2) << true << true << Q_INT64_C(300'000);
    QTest::newRow("money seventh decimal up") << QJsonValue(u"209.4491235"_s) << true << true
                                              << Q_INT64_C(209'449'124);
    QTest::newRow("money seventh decimal down") << QJsonValue(u"0.00000049"_s) << true << true << Q_INT64_C(0);
    QTest::newRow("money negative half") << QJsonValue(u"-0.0000005"_s) << true << true << Q_INT64_C(-1);
    QTest::newRow("money dash") << QJsonValue(u" - "_s) << true << true << Q_INT64_C(0);
    QTest::newRow("money exponent") << QJsonValue(u"1e3"_s) << true << false << Q_INT64_C(0);
    QTest::newRow("money exponent after decimals") << QJsonValue(u"1.2345678e3"_s) << true << false << Q_INT64_C(0);
    QTest::newRow("money words") << QJsonValue(u"lots"_s) << true << false << Q_INT64_C(0);
}

void TestReportParsing::metricValues()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, money);
    QFETCH(bool, readable);
    QFETCH(qint64, expected);

    qint64 out = -42;
    const bool ok = money ? net::metricMicros(value, &out) : net::metricCount(value, &out);
    QCOMPARE(ok, readable);
    if (readable)
        QCOMPARE(out, expected);
}

QTEST_GUILESS_MAIN(TestReportParsing)
#include "TestReportParsing.moc"
