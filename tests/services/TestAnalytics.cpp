#include "core/services/AnalyticsService.h"
#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/SampleWorkspace.h"
#include "core/store/Database.h"
#include "core/store/MetricsStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

namespace {

constexpr qint64 kMicros = 1'000'000;
const Actor kTester{QStringLiteral("api"), QStringLiteral("analytics-test")};

QDate day(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

ReportRow row(const char *iso, qint64 impressions, qint64 clicks, qint64 spendUnits,
              qint64 conversions = 0, qint64 valueUnits = 0, const char *currency = "USD")
{
    ReportRow r;
    r.remoteCampaignId = QStringLiteral("remote");
    r.day = day(iso);
    r.timeZone = QStringLiteral("UTC");
    r.currency = QLatin1String(currency);
    r.impressions = impressions;
    r.clicks = clicks;
    r.spendMicros = spendUnits * kMicros;
    r.conversionsMicros = conversions * kMicros;
    r.conversionValueMicros = valueUnits * kMicros;
    return r;
}

CampaignSpec spec(const QString &name)
{
    CampaignSpec s;
    s.name = name;
    s.objective = QStringLiteral("conversions");
    s.platforms = {QStringLiteral("facebook"), QStringLiteral("google")};
    s.budget.amount = Money{100'000'000, QStringLiteral("USD")};
    s.audienceIds = {QStringLiteral("aud-vip")};
    s.creativeIds = {QStringLiteral("cre-bf-static-1")};
    s.schedule.startAt = QDateTime::currentDateTimeUtc();
    s.schedule.endAt = s.schedule.startAt.addDays(7);
    return s;
}

QStringList pointDates(const AnalyticsTrends &trends, Platform platform)
{
    QStringList dates;
    for (const TrendPoint &point : trends.series.value(platform))
        dates.append(point.date.toString(Qt::ISODate));
    return dates;
}

} // namespace

class TestAnalytics : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void overviewRatiosComeFromSums_data();
    void overviewRatiosComeFromSums();
    void totalsEqualSumOfPlatforms();
    void previousPeriodAndChange();
    void trendBuckets_data();
    void trendBuckets();
    void zeroDayIsKeptMissingDayIsAbsent();
    void filters_data();
    void filters();
    void mixedCurrenciesAreRefused();
    void cpaIsNullWithoutConversions();
    void performanceSorts_data();
    void performanceSorts();
    void deletedCampaignsKeepTheirNames();
    void performancePagesAndSplits();
    void performanceKeepsMissingRatiosLast();
    void comparisonDimensions_data();
    void comparisonDimensions();
    void campaignComparisonKeysAreIds();

private:
    void insert(Platform platform, const QString &campaignId, const QList<ReportRow> &rows);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<CampaignService> m_campaigns;
    std::unique_ptr<AnalyticsService> m_analytics;
    QString m_first;  // delivers on facebook: high volume, low click rate
    QString m_second; // delivers on google: low volume, high click rate
};

void TestAnalytics::insert(Platform platform, const QString &campaignId,
                           const QList<ReportRow> &rows)
{
    // Each campaign gets its own remote id so two campaigns never share a primary key.
    QList<ReportRow> own = rows;
    for (ReportRow &r : own)
        r.remoteCampaignId = campaignId;
    const auto written = metrics_store::upsertDailyRows(m_db->connection(), platform,
                                                        QStringLiteral("acct-1"), own,
                                                        {{campaignId, campaignId}});
    QVERIFY(written.has_value());
    QCOMPARE(*written, own.size());
}

void TestAnalytics::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::move(*Database::open(m_dir->filePath("a.sqlite")));
    QVERIFY(m_db->write([](QSqlDatabase &db) { return seedSampleLibrary(db); }).has_value());
    m_notifier = std::make_unique<ChangeNotifier>();
    m_campaigns = std::make_unique<CampaignService>(m_db.get(), m_notifier.get());
    m_analytics = std::make_unique<AnalyticsService>(m_db.get());

    const auto first = m_campaigns->createCampaign(spec(QStringLiteral("Spring")), kTester);
    const auto second = m_campaigns->createCampaign(spec(QStringLiteral("Summer")), kTester);
    QVERIFY(first.has_value() && second.has_value());
    m_first = first->id;
    m_second = second->id;

    // 2026-03-02 and 2026-03-09 are Mondays; 2026-03-08 is a Sunday.
    insert(Platform::Facebook, m_first,
           {row("2026-02-28", 500, 5, 5, 1, 10), row("2026-03-02", 1000, 10, 10, 1, 30),
            row("2026-03-08", 1000, 30, 20, 1, 30), row("2026-03-09", 0, 0, 0)});
    insert(Platform::Google, m_second, {row("2026-03-03", 100, 50, 5, 1, 20)});
}

void TestAnalytics::cleanup()
{
    m_analytics.reset();
    m_campaigns.reset();
    m_notifier.reset();
    m_db.reset();
    m_dir.reset();
}

void TestAnalytics::overviewRatiosComeFromSums_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("averageOfRatios");
    // facebook 2000 impressions, 40 clicks, $30; google 100 impressions, 50 clicks, $5.
    QTest::newRow("ctr") << "ctr" << 90.0 / 2100 << (0.02 + 0.5) / 2;
    QTest::newRow("cpc") << "cpc" << 35.0 / 90 << (0.75 + 0.1) / 2;
    QTest::newRow("cpm") << "cpm" << 35000.0 / 2100 << (15.0 + 50.0) / 2;
    QTest::newRow("cpa") << "cpa" << 35.0 / 3 << (15.0 + 5.0) / 2;
    QTest::newRow("roas") << "roas" << 80.0 / 35 << (2.0 + 4.0) / 2;
}

void TestAnalytics::overviewRatiosComeFromSums()
{
    QFETCH(QString, metric);
    QFETCH(double, expected);
    QFETCH(double, averageOfRatios);
    const auto overview = m_analytics->overview({day("2026-03-02"), day("2026-03-08"), {}, {}, {}});
    QVERIFY(overview.has_value());
    const QJsonObject json = overviewToJson(*overview);
    const double actual = json["totals"][metric].toDouble();
    QVERIFY2(qFuzzyCompare(actual, expected), qPrintable(QString::number(actual)));
    QVERIFY(!qFuzzyCompare(actual, averageOfRatios));
}

void TestAnalytics::totalsEqualSumOfPlatforms()
{
    const auto overview = m_analytics->overview({day("2026-03-02"), day("2026-03-09"), {}, {}, {}});
    QVERIFY(overview.has_value());
    QCOMPARE(overview->platforms.size(), 2);
    MetricsTotals sum;
    for (const MetricsTotals &part : overview->platforms)
        sum += part;
    QCOMPARE(sum.impressions, overview->totals.impressions);
    QCOMPARE(sum.clicks, overview->totals.clicks);
    QCOMPARE(sum.spendMicros, overview->totals.spendMicros);
    QCOMPARE(sum.conversionsMicros, overview->totals.conversionsMicros);
    QCOMPARE(sum.conversionValueMicros, overview->totals.conversionValueMicros);
    QCOMPARE(overview->totals.impressions, 2100);
    QCOMPARE(overview->currency, QStringLiteral("USD"));
}

void TestAnalytics::previousPeriodAndChange()
{
    const auto overview = m_analytics->overview({day("2026-03-02"), day("2026-03-08"), {}, {}, {}});
    QVERIFY(overview.has_value());
    QCOMPARE(overview->previousFrom, day("2026-02-23"));
    QCOMPARE(overview->previousTo, day("2026-03-01"));
    QCOMPARE(overview->previous.impressions, 500);

    const QJsonObject json = overviewToJson(*overview);
    QCOMPARE(json["previous"]["from"].toString(), QStringLiteral("2026-02-23"));
    QCOMPARE(json["previous"]["totals"]["spend"].toDouble(), 5.0);
    QVERIFY(qFuzzyCompare(json["change"]["impressions"].toDouble(), (2100.0 - 500) / 500));
    QVERIFY(qFuzzyCompare(json["change"]["spend"].toDouble(), (35.0 - 5) / 5));

    // Nothing before: no base to compare with, so the change is unknown rather than infinite.
    const auto early = m_analytics->overview({day("2026-02-28"), day("2026-02-28"), {}, {}, {}});
    QVERIFY(early.has_value());
    const QJsonObject earlyJson = overviewToJson(*early);
    QVERIFY(earlyJson["change"]["impressions"].isNull());
}

void TestAnalytics::trendBuckets_data()
{
    QTest::addColumn<QString>("granularity");
    QTest::addColumn<QStringList>("facebookDates");
    QTest::addColumn<QList<qint64>>("facebookImpressions");

    QTest::newRow("day") << "day"
                         << QStringList{"2026-02-28", "2026-03-02", "2026-03-08", "2026-03-09"}
                         << QList<qint64>{500, 1000, 1000, 0};
    // Saturday 02-28 belongs to the week of Monday 02-23; Sunday 03-08 to the week of 03-02.
    QTest::newRow("week") << "week" << QStringList{"2026-02-23", "2026-03-02", "2026-03-09"}
                          << QList<qint64>{500, 2000, 0};
    QTest::newRow("month") << "month" << QStringList{"2026-02-01", "2026-03-01"}
                           << QList<qint64>{500, 2000};
}

void TestAnalytics::trendBuckets()
{
    QFETCH(QString, granularity);
    QFETCH(QStringList, facebookDates);
    QFETCH(QList<qint64>, facebookImpressions);

    const auto g = granularityFromName(granularity);
    QVERIFY(g.has_value());
    const auto trends = m_analytics->trends({day("2026-02-01"), day("2026-03-31"), {}, {}, {}}, *g);
    QVERIFY(trends.has_value());
    QCOMPARE(pointDates(*trends, Platform::Facebook), facebookDates);
    QList<qint64> impressions;
    for (const TrendPoint &point : trends->series.value(Platform::Facebook))
        impressions.append(point.totals.impressions);
    QCOMPARE(impressions, facebookImpressions);
    QCOMPARE(trends->series.value(Platform::Google).size(), 1);
}

void TestAnalytics::zeroDayIsKeptMissingDayIsAbsent()
{
    const auto trends = m_analytics->trends({day("2026-03-02"), day("2026-03-09"), {}, {}, {}},
                                            Granularity::Day);
    QVERIFY(trends.has_value());
    // Google reported 03-03 only: its other days are absent, not zero.
    QCOMPARE(pointDates(*trends, Platform::Google), QStringList{"2026-03-03"});
    const QJsonObject json = trendsToJson(*trends);
    const QJsonArray series = json["series"].toArray();
    QCOMPARE(series.size(), 2);
    const QJsonArray facebook = series.at(0)["points"].toArray();
    QCOMPARE(series.at(0)["platform"].toString(), QStringLiteral("facebook"));
    // Facebook reported a zero day on 03-09: it is there, with ratios it cannot have as null.
    const QJsonObject zero = facebook.last().toObject();
    QCOMPARE(zero["date"].toString(), QStringLiteral("2026-03-09"));
    QCOMPARE(zero["impressions"].toInteger(), 0);
    QVERIFY(zero["ctr"].isNull());
    QCOMPARE(json["currency"].toString(), QStringLiteral("USD"));
    QCOMPARE(json["granularity"].toString(), QStringLiteral("day"));
}

void TestAnalytics::filters_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<bool>("firstCampaignOnly");
    QTest::addColumn<qint64>("impressions");
    QTest::addColumn<int>("platformCount");

    QTest::newRow("none") << QString() << false << qint64(2100) << 2;
    QTest::newRow("google") << "google" << false << qint64(100) << 1;
    QTest::newRow("first campaign") << QString() << true << qint64(2000) << 1;
    QTest::newRow("google and first campaign") << "google" << true << qint64(0) << 0;
}

void TestAnalytics::filters()
{
    QFETCH(QString, platform);
    QFETCH(bool, firstCampaignOnly);
    QFETCH(qint64, impressions);
    QFETCH(int, platformCount);

    AnalyticsQuery query{day("2026-03-02"), day("2026-03-08"), {}, {}, {}};
    if (!platform.isEmpty())
        query.platforms = {*platformFromName(platform)};
    if (firstCampaignOnly)
        query.campaignIds = {m_first};
    const auto overview = m_analytics->overview(query);
    QVERIFY(overview.has_value());
    QCOMPARE(overview->totals.impressions, impressions);
    QCOMPARE(overview->platforms.size(), platformCount);
}

void TestAnalytics::mixedCurrenciesAreRefused()
{
    insert(Platform::Google, m_first, {row("2026-03-04", 10, 1, 1, 0, 0, "EUR")});
    const auto overview = m_analytics->overview({day("2026-03-02"), day("2026-03-08"), {}, {}, {}});
    QVERIFY(!overview.has_value());
    QCOMPARE(overview.error().code, ErrorCode::InvalidInput);
    QCOMPARE(overview.error().fields.value(0).field, QStringLiteral("currency"));

    // One currency on its own is fine: the filter keeps the euro row out.
    const auto google = m_analytics->trends(
        {day("2026-03-02"), day("2026-03-08"), {Platform::Google}, {m_second}, {}}, Granularity::Week);
    QVERIFY(google.has_value());
}

void TestAnalytics::cpaIsNullWithoutConversions()
{
    const QJsonObject none = metricsToJson(MetricsTotals{100, 1, 5 * kMicros, 0, 0});
    QVERIFY(none["cpa"].isNull());
    const QJsonObject two = metricsToJson(MetricsTotals{100, 1, 5 * kMicros, 2 * kMicros, 0});
    QCOMPARE(two["cpa"].toDouble(), 2.5);
}

void TestAnalytics::performanceSorts_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("firstLeads");

    // first: $30 for 2000 impressions and 40 clicks; second: $5 for 100 and 50.
    QTest::newRow("spend desc") << "spend" << true << true;
    QTest::newRow("spend asc") << "spend" << false << false;
    QTest::newRow("ctr desc") << "ctr" << true << false;
    QTest::newRow("cpc desc") << "cpc" << true << true;
    QTest::newRow("roas desc") << "roas" << true << false;
    QTest::newRow("impressions asc") << "impressions" << false << false;
}

void TestAnalytics::performanceSorts()
{
    QFETCH(QString, metric);
    QFETCH(bool, descending);
    QFETCH(bool, firstLeads);

    const auto page = m_analytics->performance({day("2026-03-02"), day("2026-03-08"), {}, {}, {}},
                                               {metric, descending, 10, 0});
    QVERIFY(page.has_value());
    QCOMPARE(page->items.size(), 2);
    QCOMPARE(page->items.first().campaignId, firstLeads ? m_first : m_second);
    QVERIFY(!page->hasMore);

    // Every row on the page carries its own campaign's name.
    for (const CampaignPerformance &item : page->items)
        QCOMPARE(item.name, item.campaignId == m_first ? QStringLiteral("Spring") : QStringLiteral("Summer"));
}

void TestAnalytics::deletedCampaignsKeepTheirNames()
{
    // What a campaign delivered stays in the figures after it is deleted, under the name it had.
    QVERIFY(m_campaigns->deleteCampaign(m_second, kTester).has_value());
    QVERIFY(!m_campaigns->campaign(m_second).has_value());
    const auto page = m_analytics->performance({day("2026-03-02"), day("2026-03-08"), {}, {}, {}},
                                               {QStringLiteral("spend"), true, 10, 0});
    QVERIFY(page.has_value());
    QCOMPARE(page->items.size(), 2);
    for (const CampaignPerformance &item : page->items)
        QCOMPARE(item.name, item.campaignId == m_first ? QStringLiteral("Spring") : QStringLiteral("Summer"));
}

void TestAnalytics::performancePagesAndSplits()
{
    const AnalyticsQuery range{day("2026-03-02"), day("2026-03-08"), {}, {}, {}};
    const auto first = m_analytics->performance(range, {QStringLiteral("spend"), true, 1, 0});
    QVERIFY(first.has_value());
    QCOMPARE(first->items.size(), 1);
    QVERIFY(first->hasMore);
    QCOMPARE(first->items.first().name, QStringLiteral("Spring"));
    QCOMPARE(first->items.first().platforms.keys(), QList<Platform>{Platform::Facebook});
    QCOMPARE(first->items.first().platforms.value(Platform::Facebook).spendMicros,
             first->items.first().totals.spendMicros);

    const auto second = m_analytics->performance(range, {QStringLiteral("spend"), true, 1, 1});
    QVERIFY(second.has_value());
    QCOMPARE(second->items.size(), 1);
    QCOMPARE(second->items.first().campaignId, m_second);
    QVERIFY(!second->hasMore);

    const QJsonObject json = performanceItemToJson(second->items.first());
    QCOMPARE(json["name"].toString(), QStringLiteral("Summer"));
    QCOMPARE(json["platforms"]["google"]["clicks"].toInteger(), 50);
    QCOMPARE(json["clicks"].toInteger(), 50);
}

void TestAnalytics::performanceKeepsMissingRatiosLast()
{
    const auto third = m_campaigns->createCampaign(spec(QStringLiteral("Autumn")), kTester);
    QVERIFY(third.has_value());
    insert(Platform::Facebook, third->id, {row("2026-03-05", 10, 0, 0)});
    for (bool descending : {true, false}) {
        const auto page =
            m_analytics->performance({day("2026-03-02"), day("2026-03-08"), {}, {}, {}},
                                     {QStringLiteral("cpc"), descending, 10, 0});
        QVERIFY(page.has_value());
        QCOMPARE(page->items.size(), 3);
        QCOMPARE(page->items.last().campaignId, third->id);
    }
}

void TestAnalytics::comparisonDimensions_data()
{
    QTest::addColumn<QString>("dimension");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QList<qint64>>("impressions");

    QTest::newRow("platform") << "platform" << QStringList{"facebook", "google"}
                              << QList<qint64>{2000, 100};
    QTest::newRow("period") << "period"
                            << QStringList{"2026-03-02/2026-03-08", "2026-02-23/2026-03-01"}
                            << QList<qint64>{2100, 500};
}

void TestAnalytics::comparisonDimensions()
{
    QFETCH(QString, dimension);
    QFETCH(QStringList, keys);
    QFETCH(QList<qint64>, impressions);

    const auto d = comparisonDimensionFromName(dimension);
    QVERIFY(d.has_value());
    const auto comparison =
        m_analytics->comparison({day("2026-03-02"), day("2026-03-08"), {}, {}, {}}, *d);
    QVERIFY(comparison.has_value());
    QStringList actualKeys;
    QList<qint64> actualImpressions;
    for (const ComparisonItem &item : comparison->items) {
        actualKeys.append(item.key);
        actualImpressions.append(item.totals.impressions);
    }
    QCOMPARE(actualKeys, keys);
    QCOMPARE(actualImpressions, impressions);
    QCOMPARE(comparisonToJson(*comparison)["currency"].toString(), QStringLiteral("USD"));
}

void TestAnalytics::campaignComparisonKeysAreIds()
{
    const auto comparison = m_analytics->comparison(
        {day("2026-03-02"), day("2026-03-08"), {}, {}, {}}, ComparisonDimension::Campaign);
    QVERIFY(comparison.has_value());
    QCOMPARE(comparison->items.size(), 2);
    QStringList ids{comparison->items.at(0).key, comparison->items.at(1).key};
    ids.sort();
    QStringList expected{m_first, m_second};
    expected.sort();
    QCOMPARE(ids, expected);
}

QTEST_GUILESS_MAIN(TestAnalytics)
#include "TestAnalytics.moc"
