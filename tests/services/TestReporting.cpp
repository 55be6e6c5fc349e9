// Reporting across currencies and days: exchange rates, restatement, roll-ups, settling and
// missing days. Every expected figure is computed here by hand from the rows the test writes.

#include "core/services/AnalyticsService.h"
#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/ExchangeRates.h"
#include "core/services/SampleWorkspace.h"
#include "core/store/CampaignStore.h"
#include "core/store/Database.h"
#include "core/store/LibraryStore.h"
#include "core/store/MetricsStore.h"

#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

namespace {

constexpr qint64 kMicros = 1'000'000;
const Actor kTester{QStringLiteral("api"), QStringLiteral("reporting-test")};

QDate day(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

ReportRow row(const QString &remoteId, const char *iso, qint64 impressions, qint64 clicks, qint64 spendMicros,
              const char *currency, qint64 valueMicros = 0)
{
    ReportRow r;
    r.remoteCampaignId = remoteId;
    r.day = day(iso);
    r.timeZone = QStringLiteral("Europe/Berlin");
    r.currency = QLatin1String(currency);
    r.impressions = impressions;
    r.clicks = clicks;
    r.spendMicros = spendMicros;
    r.conversionsMicros = clicks * kMicros / 10;
    r.conversionValueMicros = valueMicros;
    return r;
}

/** micros * rate / 10^9, rounded half away from zero: the conversion a person does by hand. */
qint64 byHand(qint64 micros, qint64 rateE9)
{
    const __int128 product = static_cast<__int128>(micros) * rateE9;
    return static_cast<qint64>((product + fx::kRateScale / 2) / fx::kRateScale);
}

MetricsTotals sum(const QList<MetricsTotals> &parts)
{
    MetricsTotals total;
    for (const MetricsTotals &part : parts)
        total += part;
    return total;
}

void compareTotals(const MetricsTotals &actual, const MetricsTotals &expected)
{
    QCOMPARE(actual.impressions, expected.impressions);
    QCOMPARE(actual.clicks, expected.clicks);
    QCOMPARE(actual.spendMicros, expected.spendMicros);
    QCOMPARE(actual.conversionsMicros, expected.conversionsMicros);
    QCOMPARE(actual.conversionValueMicros, expected.conversionValueMicros);
}

} // namespace

class TestReporting : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void parsesRates_data();
    void parsesRates();
    void csvErrorsNameLineAndField_data();
    void csvErrorsNameLineAndField();
    void tableConverts_data();
    void tableConverts();

    void restatedDaysOverwrite();
    void twoCurrenciesRollUpAtEachDaysRate();
    void everyRouteTotalsTheSumOfItsParts();
    void ratiosComeFromSums();
    void anotherCurrencyConvertsDayByDay();
    void changedRatesConvertStoredRowsAgain();
    void rowsWithoutRateAreRefused();

    void firstLiveDayFollowsTheAccountZone_data();
    void firstLiveDayFollowsTheAccountZone();
    void absentDaysAreZeroOrMissingByPlatform();
    void daysNotReadYetAreMissingNotZero();
    void settlingDaysAreFlagged();
    void liveStretchesFollowConfirmedStates();
    void todayIsTheAccountsOwnDay();
    void hoursAreKeptAndConverted();

private:
    void write(Platform platform, const QString &accountId, const QList<ReportRow> &rows, const QDate &from,
               const QDate &to);
    QString launchedCampaign(const QString &name, const QDateTime &startAt, const QString &timeZone);
    QStringList rollupRows() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<CampaignService> m_campaigns;
    std::unique_ptr<ExchangeRateService> m_rates;
    std::unique_ptr<AnalyticsService> m_analytics;
    QMap<Platform, QDate> m_settling;
    QString m_campaign;
};

void TestReporting::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::move(*Database::open(m_dir->filePath("r.sqlite")));
    QVERIFY(m_db->write([](QSqlDatabase &db) { return seedSampleLibrary(db); }).has_value());
    m_notifier = std::make_unique<ChangeNotifier>();
    m_campaigns = std::make_unique<CampaignService>(m_db.get(), m_notifier.get());
    m_rates = std::make_unique<ExchangeRateService>(m_db.get(), m_notifier.get());
    m_settling.clear();
    m_analytics = std::make_unique<AnalyticsService>(m_db.get(), [this] { return m_settling; });

    // EUR is worth 1.1 USD on 1 March and 1.2 from 3 March (2 March has no rate of its own).
    const QByteArray csv = "date,currency,base,rate\n"
                           "2026-03-01,EUR,USD,1.1\n"
                           "2026-03-03,EUR,USD,1.2\n";
    QCOMPARE(m_rates->importCsv(csv).value_or(-1), 2);
    m_campaign = launchedCampaign(QStringLiteral("Spring"), QDateTime(day("2026-03-01"), QTime(0, 0), Qt::UTC),
                                  QStringLiteral("UTC"));
    QVERIFY(!m_campaign.isEmpty());
}

void TestReporting::cleanup()
{
    m_analytics.reset();
    m_rates.reset();
    m_campaigns.reset();
    m_db.reset();
    m_dir.reset();
}

QString TestReporting::launchedCampaign(const QString &name, const QDateTime &startAt, const QString &timeZone)
{
    CampaignSpec spec;
    spec.name = name;
    spec.objective = QStringLiteral("conversions");
    spec.platforms = {QStringLiteral("facebook"), QStringLiteral("google")};
    spec.budget.amount = Money{100'000'000, QStringLiteral("USD")};
    spec.audienceIds = {QStringLiteral("aud-vip")};
    spec.creativeIds = {QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = startAt;
    const auto created = m_campaigns->createCampaign(spec, kTester);
    if (!created)
        return {};

    // As a launch leaves it: each platform's remote campaign in an account of its own.
    const Status stored = m_db->write([&](QSqlDatabase &db) -> Status {
        for (Platform platform : {Platform::Facebook, Platform::Google}) {
            const QString account = platformName(platform) + QStringLiteral("-acct");
            const QString currency = platform == Platform::Google ? QStringLiteral("EUR") : QStringLiteral("USD");
            AdAccount adAccount{platform, account, account, currency, timeZone, true};
            if (auto saved = library_store::saveAccount(db, adAccount, true, {}); !saved)
                return saved;
            PlatformStatus status;
            status.state = PlatformState::Active;
            status.remoteIds.insert(QStringLiteral("campaign"), created->id + u'-' + platformName(platform));
            status.accountId = account;
            status.budget = Money{50'000'000, QStringLiteral("USD")};
            status.updatedAt = QDateTime::currentDateTimeUtc();
            if (auto saved = campaign_store::savePlatformStatus(db, created->id, platform, status); !saved)
                return saved;
            if (auto live = campaign_store::recordActivity(db, created->id, platform, status.state, startAt); !live)
                return live;
        }
        return {};
    });
    return stored ? created->id : QString();
}

QStringList TestReporting::rollupRows() const
{
    QStringList rows;
    for (const char *table : {"rollup_platform_day", "rollup_campaign_day", "rollup_campaign_month",
                              "rollup_campaign_platform_month"}) {
        auto q = runQuery(m_db->connection(), QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table)));
        while (q && q->next()) {
            QStringList cells{QLatin1String(table)};
            for (int i = 0; i < q->record().count(); ++i)
                cells.append(q->value(i).toString());
            rows.append(cells.join(u'|'));
        }
    }
    rows.sort();
    return rows;
}

void TestReporting::write(Platform platform, const QString &accountId, const QList<ReportRow> &rows,
                          const QDate &from, const QDate &to)
{
    QHash<QString, QString> ids;
    for (const ReportRow &r : rows)
        ids.insert(r.remoteCampaignId, r.remoteCampaignId.section(u'-', 0, -2));
    ids.insert(m_campaign + u'-' + platformName(platform), m_campaign);
    const metrics_store::ReportWindow window{platform, accountId, from, to, ids};
    const Status written = m_db->write([&](QSqlDatabase &db) -> Status {
        auto rates = FxTable::load(db);
        auto reporting = fx_store::reportingCurrency(db);
        if (!rates || !reporting)
            return fail(ErrorCode::Internal, QStringLiteral("no rates"));
        auto stored = metrics_store::replaceWindow(db, window, rows, *rates, *reporting);
        return stored ? Status{} : fail(stored.error());
    });
    QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().detail));
}

void TestReporting::parsesRates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: refused

    QTest::newRow("four decimals") << "1.0842" << qint64(1'084'200'000);
    QTest::newRow("whole") << "2" << qint64(2'000'000'000);
    QTest::newRow("yen-sized") << "0.006927" << qint64(6'927'000);
    QTest::newRow("nine decimals") << "0.123456789" << qint64(123'456'789);
    QTest::newRow("ten decimals") << "0.1234567891" << qint64(-1);
    QTest::newRow("zero") << "0" << qint64(-1);
    QTest::newRow("negative") << "-1.1" << qint64(-1);
    QTest::newRow("exponent") << "1e3" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("point without decimals") << "1." << qint64(-1);
    QTest::newRow("digits of another script") << "\u0661" << qint64(-1); // ARABIC-INDIC DIGIT ONE
    QTest::newRow("largest rate") << "1000000" << qint64(1'000'000'000'000'000);
    QTest::newRow("beyond any currency pair") << "1000000.000000001" << qint64(-1);
    QTest::newRow("beyond 64 bits") << "9999999999999" << qint64(-1);
}

void TestReporting::parsesRates()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto parsed = fx::parseRate(text);
    QCOMPARE(parsed ? *parsed : -1, expected);
}

void TestReporting::csvErrorsNameLineAndField_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("line");

    QTest::newRow("no rate column") << QByteArray("date,currency\n2026-01-01,EUR\n") << "rate" << "line 1";
    QTest::newRow("bad date") << QByteArray("# comment\ndate,currency,rate\n2026-13-01,EUR,1.1\n") << "date"
                              << "line 3";
    QTest::newRow("bad currency") << QByteArray("date,currency,rate\n2026-01-01,EURO,1.1\n") << "currency"
                                  << "line 2";
    QTest::newRow("same as base") << QByteArray("date,currency,base,rate\n2026-01-01,USD,USD,1\n") << "base"
                                  << "line 2";
    QTest::newRow("bad rate") << QByteArray("date,currency,rate\n2026-01-01,EUR,1,1\n2026-01-02,EUR,x\n")
                              << "rate" << "line 3";
}

void TestReporting::csvErrorsNameLineAndField()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, field);
    QFETCH(QString, line);
    const auto parsed = fx::parseCsv(csv, QStringLiteral("USD"));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().fields.size(), 1);
    QCOMPARE(parsed.error().fields.first().field, field);
    QVERIFY2(parsed.error().fields.first().message.startsWith(line),
             qPrintable(parsed.error().fields.first().message));
}

void TestReporting::tableConverts_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<qint64>("expected"); // -1: no rate

    QTest::newRow("direct") << "EUR" << "USD" << day("2026-03-01") << qint64(10'000'000) << qint64(11'000'000);
    QTest::newRow("latest earlier rate") << "EUR" << "USD" << day("2026-03-02") << qint64(10'000'000)
                                         << qint64(11'000'000);
    QTest::newRow("new rate") << "EUR" << "USD" << day("2026-03-03") << qint64(10'000'000) << qint64(12'000'000);
    QTest::newRow("inverse rounds half away") << "USD" << "EUR" << day("2026-03-01") << qint64(5)
                                              << qint64(5); // 4.545... micros
    QTest::newRow("inverse") << "USD" << "EUR" << day("2026-03-03") << qint64(12'000'000) << qint64(10'000'000);
    QTest::newRow("cross through USD") << "EUR" << "GBP" << day("2026-03-03") << qint64(10'000'000)
                                       << qint64(8'000'000);
    QTest::newRow("before the first rate") << "EUR" << "USD" << day("2026-02-28") << qint64(1) << qint64(-1);
    QTest::newRow("same currency") << "JPY" << "JPY" << day("2020-01-01") << qint64(7) << qint64(7);
    QTest::newRow("unknown pair") << "CHF" << "USD" << day("2026-03-03") << qint64(1) << qint64(-1);
    // USD per EUR has a rate of its own on 10 March; the stale EUR per USD from 1 March does not
    // override it, whichever way round the question is asked.
    QTest::newRow("newer inverse beats stale direct") << "USD" << "EUR" << day("2026-03-10") << qint64(10'000'000)
                                                      << qint64(8'000'000);
    QTest::newRow("newer direct beats stale inverse") << "EUR" << "USD" << day("2026-03-10") << qint64(8'000'000)
                                                      << qint64(10'000'000);
    QTest::newRow("direct while it is the newer") << "USD" << "EUR" << day("2026-03-09") << qint64(10'000'000)
                                                  << qint64(20'000'000);
}

void TestReporting::tableConverts()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QDate, on);
    QFETCH(qint64, micros);
    QFETCH(qint64, expected);

    FxTable table;
    table.insert({day("2026-03-01"), QStringLiteral("EUR"), QStringLiteral("USD"), 1'100'000'000});
    table.insert({day("2026-03-03"), QStringLiteral("EUR"), QStringLiteral("USD"), 1'200'000'000});
    table.insert({day("2026-03-01"), QStringLiteral("GBP"), QStringLiteral("USD"), 1'500'000'000});
    table.insert({day("2026-03-05"), QStringLiteral("USD"), QStringLiteral("EUR"), 2'000'000'000}); // stale
    table.insert({day("2026-03-10"), QStringLiteral("EUR"), QStringLiteral("USD"), 1'250'000'000});
    const auto converted = table.convert(micros, from, to, on);
    QCOMPARE(converted.value_or(-1), expected);
}

void TestReporting::restatedDaysOverwrite()
{
    const QString remote = m_campaign + QStringLiteral("-facebook");
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(remote, "2026-03-01", 1000, 10, 5 * kMicros, "USD"),
           row(remote, "2026-03-02", 1000, 10, 5 * kMicros, "USD"),
           row(remote, "2026-03-03", 1000, 10, 5 * kMicros, "USD")},
          day("2026-03-01"), day("2026-03-03"));

    // The re-read restates 2 March, no longer reports 3 March, and leaves 1 March outside its window.
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(remote, "2026-03-02", 1500, 12, 7 * kMicros, "USD")}, day("2026-03-02"), day("2026-03-03"));
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(remote, "2026-03-02", 1500, 12, 7 * kMicros, "USD")}, day("2026-03-02"), day("2026-03-03"));

    const auto overview = m_analytics->overview({day("2026-03-01"), day("2026-03-03"), {}, {}, {}});
    QVERIFY(overview.has_value());
    QCOMPARE(overview->totals.impressions, 2500);
    QCOMPARE(overview->totals.clicks, 22);
    QCOMPARE(overview->totals.spendMicros, 12 * kMicros);

    // The raw rows and the roll-ups agree.
    const auto raw = m_analytics->overview({day("2026-03-01"), day("2026-03-03"), {}, {m_campaign}, {}});
    QVERIFY(raw.has_value());
    compareTotals(raw->totals, overview->totals);

    // The differences applied on ingest leave every roll-up as summing the raw rows afresh would.
    const QStringList kept = rollupRows();
    QVERIFY(m_db->write([](QSqlDatabase &db) {
        return metrics_store::rebuildRollups(db, day("2026-01-01"), day("2026-12-31"));
    }));
    QCOMPARE(kept, rollupRows());
    QVERIFY(!kept.isEmpty());
}

void TestReporting::twoCurrenciesRollUpAtEachDaysRate()
{
    const QString fb = m_campaign + QStringLiteral("-facebook");
    const QString gg = m_campaign + QStringLiteral("-google");
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(fb, "2026-03-01", 100, 5, 12'340'000, "USD", 40 * kMicros),
           row(fb, "2026-03-03", 100, 5, 10'010'000, "USD")},
          day("2026-03-01"), day("2026-03-03"));
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(gg, "2026-03-01", 50, 2, 10'000'000, "EUR", 30 * kMicros),
           row(gg, "2026-03-02", 50, 2, 3'330'000, "EUR"),
           row(gg, "2026-03-03", 50, 2, 1'000'000, "EUR")},
          day("2026-03-01"), day("2026-03-03"));

    // By hand: each euro row at its own day's rate (2 March keeps 1 March's 1.1).
    const qint64 euros = byHand(10'000'000, 1'100'000'000) + byHand(3'330'000, 1'100'000'000)
                         + byHand(1'000'000, 1'200'000'000);
    const qint64 expectedSpend = 12'340'000 + 10'010'000 + euros;
    const qint64 expectedValue = 40 * kMicros + byHand(30 * kMicros, 1'100'000'000);

    const auto overview = m_analytics->overview({day("2026-03-01"), day("2026-03-03"), {}, {}, {}});
    QVERIFY(overview.has_value());
    QCOMPARE(overview->currency, QStringLiteral("USD"));
    QCOMPARE(overview->totals.spendMicros, expectedSpend);
    QCOMPARE(overview->totals.conversionValueMicros, expectedValue);
    QCOMPARE(overview->platforms.value(Platform::Google).spendMicros, euros);
}

void TestReporting::everyRouteTotalsTheSumOfItsParts()
{
    const QString second = launchedCampaign(QStringLiteral("Summer"), QDateTime(day("2026-03-01"), {}, Qt::UTC),
                                            QStringLiteral("UTC"));
    QVERIFY(!second.isEmpty());
    QList<ReportRow> facebook;
    QList<ReportRow> google;
    for (const char *iso : {"2026-03-01", "2026-03-02", "2026-03-03", "2026-04-01", "2026-04-02"}) {
        facebook << row(m_campaign + "-facebook", iso, 900, 9, 4'440'000, "USD", 9 * kMicros)
                 << row(second + "-facebook", iso, 300, 7, 1'230'000, "USD");
        google << row(m_campaign + "-google", iso, 200, 4, 2'220'000, "EUR", 3 * kMicros)
               << row(second + "-google", iso, 100, 1, 990'000, "EUR");
    }
    write(Platform::Facebook, QStringLiteral("facebook-acct"), facebook, day("2026-03-01"), day("2026-04-02"));
    write(Platform::Google, QStringLiteral("google-acct"), google, day("2026-03-01"), day("2026-04-02"));

    // Part of March (head days), and whole and partial months for the roll-ups.
    for (const auto &[from, to] : {std::pair{day("2026-03-02"), day("2026-04-01")},
                                   std::pair{day("2026-03-01"), day("2026-04-30")}}) {
        const AnalyticsQuery query{from, to, {}, {}, {}};
        const auto overview = m_analytics->overview(query);
        QVERIFY(overview.has_value());
        compareTotals(overview->totals, sum(overview->platforms.values()));

        const auto trends = m_analytics->trends(query, Granularity::Week);
        QVERIFY(trends.has_value());
        QList<MetricsTotals> points;
        for (const QList<TrendPoint> &series : trends->series) {
            for (const TrendPoint &point : series)
                points.append(point.totals);
        }
        compareTotals(sum(points), overview->totals);

        for (ComparisonDimension dimension : {ComparisonDimension::Platform, ComparisonDimension::Campaign}) {
            const auto comparison = m_analytics->comparison(query, dimension);
            QVERIFY(comparison.has_value());
            QList<MetricsTotals> items;
            for (const ComparisonItem &item : comparison->items)
                items.append(item.totals);
            compareTotals(sum(items), overview->totals);
        }

        const auto page = m_analytics->performance(query, PerformanceOrder{});
        QVERIFY(page.has_value());
        QCOMPARE(page->items.size(), 2);
        QList<MetricsTotals> campaigns;
        for (const CampaignPerformance &item : page->items) {
            compareTotals(item.totals, sum(item.platforms.values()));
            campaigns.append(item.totals);
        }
        compareTotals(sum(campaigns), overview->totals);

        // The raw rows of both campaigns give the same totals as the roll-ups.
        const auto raw = m_analytics->overview({from, to, {}, {m_campaign, second}, {}});
        QVERIFY(raw.has_value());
        compareTotals(raw->totals, overview->totals);
    }
}

void TestReporting::ratiosComeFromSums()
{
    // Facebook: 10,000 impressions, 100 clicks (1 %); Google: 100 impressions, 10 clicks (10 %).
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(m_campaign + "-facebook", "2026-03-01", 10'000, 100, 50 * kMicros, "USD", 100 * kMicros)},
          day("2026-03-01"), day("2026-03-01"));
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-03-01", 100, 10, 10 * kMicros, "EUR")}, day("2026-03-01"),
          day("2026-03-01"));
    const auto overview = m_analytics->overview({day("2026-03-01"), day("2026-03-01"), {}, {}, {}});
    QVERIFY(overview.has_value());
    const QJsonObject totals = metricsToJson(overview->totals);
    QCOMPARE(totals.value("ctr").toDouble(), 110.0 / 10'100.0); // not (1 % + 10 %) / 2
    QCOMPARE(totals.value("cpc").toDouble(), 61.0 / 110.0);      // 50 USD + 10 EUR at 1.1
    QCOMPARE(totals.value("roas").toDouble(), 100.0 / 61.0);
}

void TestReporting::anotherCurrencyConvertsDayByDay()
{
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(m_campaign + "-facebook", "2026-03-01", 1, 1, 11 * kMicros, "USD"),
           row(m_campaign + "-facebook", "2026-03-03", 1, 1, 12 * kMicros, "USD")},
          day("2026-03-01"), day("2026-03-03"));
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-03-03", 1, 1, 5 * kMicros, "EUR")}, day("2026-03-01"),
          day("2026-03-03"));

    // 11 USD on 1 March is 10 EUR, 12 USD on 3 March is 10 EUR, and the 5 EUR stay 5 EUR.
    const AnalyticsQuery query{day("2026-03-01"), day("2026-03-03"), {}, {}, QStringLiteral("EUR")};
    const auto overview = m_analytics->overview(query);
    QVERIFY(overview.has_value());
    QCOMPARE(overview->currency, QStringLiteral("EUR"));
    QCOMPARE(overview->totals.spendMicros, 25 * kMicros);
    const auto page = m_analytics->performance(query, PerformanceOrder{});
    QVERIFY(page.has_value());
    QCOMPARE(page->currency, QStringLiteral("EUR"));
    QCOMPARE(page->items.value(0).totals.spendMicros, 25 * kMicros);

    const auto metrics = m_campaigns->metrics(m_campaign, day("2026-03-01"), day("2026-03-03"), QStringLiteral("EUR"));
    QVERIFY(metrics.has_value());
    QCOMPARE(metrics->totals.spendMicros, 25 * kMicros);
}

void TestReporting::changedRatesConvertStoredRowsAgain()
{
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-03-04", 1, 1, 10 * kMicros, "EUR")}, day("2026-03-04"),
          day("2026-03-04"));
    const AnalyticsQuery query{day("2026-03-04"), day("2026-03-04"), {}, {}, {}};
    QCOMPARE(m_analytics->overview(query)->totals.spendMicros, 12 * kMicros);

    QVERIFY(m_rates->replaceRates(day("2026-03-04"), day("2026-03-04"),
                                  {{day("2026-03-04"), QStringLiteral("EUR"), {}, 1'300'000'000}}));
    QCOMPARE(m_analytics->overview(query)->totals.spendMicros, 13 * kMicros);

    QVERIFY(m_rates->setReportingCurrency(QStringLiteral("EUR")));
    const auto inEuros = m_analytics->overview(query);
    QCOMPARE(inEuros->currency, QStringLiteral("EUR"));
    QCOMPARE(inEuros->totals.spendMicros, 10 * kMicros);

    const auto listed = m_rates->rates(day("2026-03-03"), day("2026-03-04"));
    QVERIFY(listed.has_value());
    QCOMPARE(listed->size(), 2); // USD per day, derived from the stored EUR quotes
    QCOMPARE(listed->at(1).currency, QStringLiteral("USD"));
    QCOMPARE(listed->at(1).rateE9, qint64(769'230'769)); // 1 / 1.3, to nine decimals
}

void TestReporting::rowsWithoutRateAreRefused()
{
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-02-27", 1, 1, 10 * kMicros, "EUR")}, day("2026-02-27"),
          day("2026-02-27"));
    for (const AnalyticsQuery &query : {AnalyticsQuery{day("2026-02-20"), day("2026-03-01"), {}, {}, {}},
                                        AnalyticsQuery{day("2026-02-20"), day("2026-03-01"), {}, {m_campaign}, {}}}) {
        const auto overview = m_analytics->overview(query);
        QVERIFY(!overview);
        QCOMPARE(overview.error().fields.value(0).field, QStringLiteral("currency"));
        const QString message = overview.error().fields.value(0).message;
        QVERIFY2(message.contains("no EUR to USD exchange rate on or before 2026-02-27"), qPrintable(message));
        QVERIFY(!m_analytics->performance(query, PerformanceOrder{}));
    }
}

void TestReporting::firstLiveDayFollowsTheAccountZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("startAt");
    QTest::addColumn<QDate>("firstLiveDay");

    // Berlin moves to summer time at 01:00 UTC on 29 March 2026; New York back to winter time at
    // 06:00 UTC on 1 November 2026.
    QTest::newRow("berlin, last winter hour") << "Europe/Berlin" << QDateTime(day("2026-03-28"), QTime(22, 30), Qt::UTC)
                                              << day("2026-03-28");
    QTest::newRow("berlin, after the change") << "Europe/Berlin" << QDateTime(day("2026-03-29"), QTime(22, 30), Qt::UTC)
                                              << day("2026-03-30");
    QTest::newRow("new york, before the change") << "America/New_York"
                                                 << QDateTime(day("2026-11-01"), QTime(3, 30), Qt::UTC)
                                                 << day("2026-10-31");
    QTest::newRow("new york, after the change") << "America/New_York"
                                                << QDateTime(day("2026-11-02"), QTime(4, 30), Qt::UTC)
                                                << day("2026-11-01");
}

void TestReporting::firstLiveDayFollowsTheAccountZone()
{
    QFETCH(QString, zone);
    QFETCH(QDateTime, startAt);
    QFETCH(QDate, firstLiveDay);

    const QString campaign = launchedCampaign(QStringLiteral("Zoned"), startAt, zone);
    QVERIFY(!campaign.isEmpty());
    metrics_store::CampaignMetricsView view;
    for (Platform platform : {Platform::Facebook, Platform::Google})
        view.today.insert(platform, firstLiveDay.addDays(1));
    const auto metrics = metrics_store::campaignMetrics(m_db->connection(), *m_campaigns->campaign(campaign),
                                                        firstLiveDay.addDays(-2), firstLiveDay.addDays(1), view,
                                                        FxTable());
    QVERIFY(metrics.has_value());
    // Nothing was reported: the days from the first live day on are missing, the ones before not.
    const QList<QDate> expected{firstLiveDay, firstLiveDay.addDays(1)};
    QCOMPARE(metrics->missingDays.value(Platform::Facebook), expected);
}

void TestReporting::absentDaysAreZeroOrMissingByPlatform()
{
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(m_campaign + "-facebook", "2026-03-01", 5, 1, kMicros, "USD")}, day("2026-03-01"), day("2026-03-03"));
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-03-01", 5, 1, kMicros, "EUR")}, day("2026-03-01"), day("2026-03-03"));

    metrics_store::CampaignMetricsView view;
    view.omitsZeroDays = {{Platform::Facebook, false}, {Platform::Google, true}};
    view.today = {{Platform::Facebook, day("2026-03-03")}, {Platform::Google, day("2026-03-03")}};
    FxTable rates = *FxTable::load(m_db->connection());
    const auto metrics = metrics_store::campaignMetrics(m_db->connection(), *m_campaigns->campaign(m_campaign),
                                                        day("2026-03-01"), day("2026-03-05"), view, rates);
    QVERIFY(metrics.has_value());
    QCOMPARE(metrics->missingDays.value(Platform::Facebook), (QList<QDate>{day("2026-03-02"), day("2026-03-03")}));
    QVERIFY(metrics->missingDays.value(Platform::Google).isEmpty());
    const QList<DailyMetrics> google = metrics->platformDaily.value(Platform::Google);
    QCOMPARE(google.size(), 3); // 4 and 5 March are still to come
    QVERIFY(!google[0].zeroFilled);
    QVERIFY(google[1].zeroFilled && google[2].zeroFilled);
    QCOMPARE(google[1].totals.impressions, 0);
}

void TestReporting::daysNotReadYetAreMissingNotZero()
{
    // Google leaves days without delivery out of its reports, but only of the days it was asked
    // about: the last sync read up to 2 March, so 3 and 4 March are not zero days, they are unknown.
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-03-01", 5, 1, kMicros, "EUR")}, day("2026-03-01"), day("2026-03-02"));

    metrics_store::CampaignMetricsView view;
    view.omitsZeroDays = {{Platform::Google, true}};
    view.today = {{Platform::Google, day("2026-03-04")}};
    FxTable rates = *FxTable::load(m_db->connection());
    const auto metrics = metrics_store::campaignMetrics(m_db->connection(), *m_campaigns->campaign(m_campaign),
                                                        day("2026-03-01"), day("2026-03-04"), view, rates);
    QVERIFY(metrics.has_value());
    const QList<DailyMetrics> google = metrics->platformDaily.value(Platform::Google);
    QCOMPARE(google.size(), 2);
    QVERIFY(!google[0].zeroFilled);
    QVERIFY(google[1].zeroFilled);
    QCOMPARE(metrics->missingDays.value(Platform::Google), (QList<QDate>{day("2026-03-03"), day("2026-03-04")}));

    // A sync that reads further makes them zero days; an earlier window answered late moves nothing back.
    write(Platform::Google, QStringLiteral("google-acct"), {}, day("2026-03-03"), day("2026-03-04"));
    write(Platform::Google, QStringLiteral("google-acct"),
          {row(m_campaign + "-google", "2026-03-01", 5, 1, kMicros, "EUR")}, day("2026-03-01"), day("2026-03-02"));
    const auto later = metrics_store::campaignMetrics(m_db->connection(), *m_campaigns->campaign(m_campaign),
                                                      day("2026-03-01"), day("2026-03-04"), view, rates);
    QVERIFY(later.has_value());
    QVERIFY(later->missingDays.value(Platform::Google).isEmpty());
    QCOMPARE(later->platformDaily.value(Platform::Google).size(), 4);
}

void TestReporting::liveStretchesFollowConfirmedStates()
{
    // The campaign went live on Facebook on 1 March, 00:00 UTC.
    const auto at = [](const char *text) { return QDateTime::fromString(QLatin1String(text), Qt::ISODate); };
    const QList<std::pair<PlatformState, QDateTime>> confirmed = {
        {PlatformState::Active, at("2026-03-02T08:00:00Z")}, // a second launch confirmation: still one stretch
        {PlatformState::Failed, at("2026-03-03T08:00:00Z")}, // a pause that failed: still delivering
        {PlatformState::Paused, at("2026-03-04T08:00:00Z")},
        {PlatformState::Paused, at("2026-03-05T08:00:00Z")}, // already paused: the stretch keeps its end
        {PlatformState::Active, at("2026-03-07T20:00:00Z")},
    };
    for (const auto &[state, when] : confirmed) {
        QVERIFY(m_db->write([&](QSqlDatabase &db) {
            return campaign_store::recordActivity(db, m_campaign, Platform::Facebook, state, when);
        }));
    }

    const auto activity = campaign_store::activity(m_db->connection(), m_campaign);
    QVERIFY(activity.has_value());
    const QList<campaign_store::ActiveStretch> stretches = activity->value(Platform::Facebook);
    QCOMPARE(stretches.size(), 2);
    QCOMPARE(stretches[0].from, at("2026-03-01T00:00:00Z"));
    QCOMPARE(stretches[0].until, at("2026-03-04T08:00:00Z"));
    QCOMPARE(stretches[1].from, at("2026-03-07T20:00:00Z"));
    QVERIFY(!stretches[1].until.isValid());

    // Nothing reported: the paused days 5 and 6 March are not missing, the live ones are.
    metrics_store::CampaignMetricsView view;
    view.today.insert(Platform::Facebook, day("2026-03-08"));
    const auto metrics = metrics_store::campaignMetrics(m_db->connection(), *m_campaigns->campaign(m_campaign),
                                                        day("2026-03-01"), day("2026-03-08"), view, FxTable());
    QVERIFY(metrics.has_value());
    QCOMPARE(metrics->missingDays.value(Platform::Facebook),
             (QList<QDate>{day("2026-03-01"), day("2026-03-02"), day("2026-03-03"), day("2026-03-04"),
                           day("2026-03-07"), day("2026-03-08")}));
}

void TestReporting::todayIsTheAccountsOwnDay()
{
    // 23:30 in New York on 10 March is already 11 March in Berlin: a Berlin account's 11 March is
    // a live day, and with no row it is missing.
    const QString berlin = launchedCampaign(QStringLiteral("Berlin"), QDateTime(day("2026-03-09"), QTime(12, 0),
                                                                                 Qt::UTC),
                                            QStringLiteral("Europe/Berlin"));
    QVERIFY(!berlin.isEmpty());
    metrics_store::CampaignMetricsView view;
    view.now = QDateTime(day("2026-03-11"), QTime(3, 30), Qt::UTC);
    view.today.insert(Platform::Facebook, day("2026-03-10")); // New York's day, for the default account
    const auto metrics = metrics_store::campaignMetrics(m_db->connection(), *m_campaigns->campaign(berlin),
                                                        day("2026-03-09"), day("2026-03-12"), view, FxTable());
    QVERIFY(metrics.has_value());
    QCOMPARE(metrics->missingDays.value(Platform::Facebook),
             (QList<QDate>{day("2026-03-09"), day("2026-03-10"), day("2026-03-11")}));
}

void TestReporting::settlingDaysAreFlagged()
{
    write(Platform::Facebook, QStringLiteral("facebook-acct"),
          {row(m_campaign + "-facebook", "2026-03-01", 5, 1, kMicros, "USD"),
           row(m_campaign + "-facebook", "2026-03-02", 5, 1, kMicros, "USD"),
           row(m_campaign + "-facebook", "2026-03-03", 5, 1, kMicros, "USD"),
           row(m_campaign + "-facebook", "2026-03-09", 5, 1, kMicros, "USD")},
          day("2026-03-01"), day("2026-03-09"));
    m_settling = {{Platform::Facebook, day("2026-03-03")}};

    const AnalyticsQuery query{day("2026-03-01"), day("2026-03-09"), {}, {}, {}};
    const auto daily = m_analytics->trends(query, Granularity::Day);
    QVERIFY(daily.has_value());
    QList<bool> flags;
    for (const TrendPoint &point : daily->series.value(Platform::Facebook))
        flags.append(point.settling);
    QCOMPARE(flags, (QList<bool>{false, false, true, true}));

    // A week holding one settling day is settling as a whole. 1 March 2026 is a Sunday, so it
    // closes the ISO week of 23 February.
    QList<bool> weeks;
    for (const TrendPoint &point : m_analytics->trends(query, Granularity::Week)->series.value(Platform::Facebook))
        weeks.append(point.settling);
    QCOMPARE(weeks, (QList<bool>{false, true, true}));
    QCOMPARE(m_analytics->overview(query)->settlingFrom.value(Platform::Facebook), day("2026-03-03"));
}

void TestReporting::hoursAreKeptAndConverted()
{
    // Two hours of 3 March on Google's euro account, then a re-read that restates hour 10 and drops 11.
    const QString remote = m_campaign + QStringLiteral("-google");
    auto hour = [&](int h, qint64 spendMicros) {
        ReportRow r = row(remote, "2026-03-03", 100, 2, spendMicros, "EUR");
        r.hour = h;
        return r;
    };
    const metrics_store::ReportWindow window{Platform::Google, QStringLiteral("google-acct"), day("2026-03-03"),
                                             day("2026-03-03"), {{remote, m_campaign}}};
    for (const QList<ReportRow> &answer : {QList<ReportRow>{hour(10, kMicros), hour(11, kMicros)},
                                           QList<ReportRow>{hour(10, 2 * kMicros)}}) {
        const Status written = m_db->write([&](QSqlDatabase &db) -> Status {
            auto stored = metrics_store::replaceHourlyWindow(db, window, answer, *FxTable::load(db),
                                                             QStringLiteral("USD"));
            return stored ? Status{} : fail(stored.error());
        });
        QVERIFY(written.has_value());
    }

    const AnalyticsQuery query{day("2026-03-03"), day("2026-03-03"), {}, {}, {}};
    const auto trends = m_analytics->trends(query, Granularity::Hour);
    QVERIFY(trends.has_value());
    const QList<TrendPoint> points = trends->series.value(Platform::Google);
    QCOMPARE(points.size(), 1);
    QCOMPARE(points[0].hour, 10);
    QCOMPARE(points[0].totals.spendMicros, 2'400'000); // 2 EUR at 1.2

    const auto metrics = m_campaigns->metrics(m_campaign, day("2026-03-03"), day("2026-03-03"), QStringLiteral("EUR"),
                                              QStringLiteral("hour"));
    QVERIFY(metrics.has_value());
    QCOMPARE(metrics->daily.size(), 1);
    QCOMPARE(metrics->daily[0].hour, 10);
    QCOMPARE(metrics->totals.spendMicros, 2 * kMicros);

    const AnalyticsQuery tooLong{day("2026-01-01"), day("2026-03-03"), {}, {}, {}};
    const auto refused = m_analytics->trends(tooLong, Granularity::Hour);
    QVERIFY(!refused);
    QCOMPARE(refused.error().fields.value(0).field, QStringLiteral("granularity"));
}

QTEST_GUILESS_MAIN(TestReporting)
#include "TestReporting.moc"
