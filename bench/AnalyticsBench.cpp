// Delivery-metrics store benchmark.
//
// (a) Ingest: report pages shaped like Meta insights and Google Ads search results are walked with
// the connectors' own page readers and page walk (walkReportPages) and written by
// metrics_store::replaceWindow, one account window per transaction, EUR rows converted at their
// day's rate. The same rows, written as one SQL script of INSERTs into the same schema, run
// through the sqlite3 CLI as the yardstick.
// Target: our rows/s at least 40 % of the CLI's.
//
// (b) Queries: AnalyticsService over a store of campaigns x 6 platforms x days daily rows (5 M by
// default, kept in /tmp between runs). Target: p95 under 50 ms for overview and trends, under
// 100 ms for a 50-row performance page.
//
// Both parts also check their sums against plain SQL; the exit code is 2 when a check fails.

#include "core/Logging.h"
#include "core/platforms/HttpSupport.h"
#include "core/platforms/facebook/MetaConnector.h"
#include "core/platforms/google/GoogleAdsConnector.h"
#include "core/platforms/ReportReading.h"
#include "core/services/AnalyticsService.h"
#include "core/services/ExchangeRates.h"
#include "core/store/Database.h"
#include "core/store/MetricsStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace ads::core;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kReporting = QStringLiteral("USD");
const QString kEuro = QStringLiteral("EUR");
const QDate kLastDay(2026, 6, 30); // fixed, so a kept query store stays valid between runs

constexpr int kWindowDays = 30;
constexpr int kCampaignsPerWindow = 100;
constexpr int kMetaPageRows = 500;       // the page size our Meta connector asks for
constexpr int kGooglePageRows = 10'000;  // Google Ads search pages are fixed at 10,000 rows
constexpr qint64 kBuildChunkRows = 500'000;
constexpr qint64 kVariantBudgetMs = 3'000; // a slow variant stops repeating after this much time

struct Options
{
    qint64 ingestRows = 1'000'000;
    int campaigns = 1'000;
    int days = 833;
    int reps = 50;
    QString workDir = QDir::tempPath();
    QString storePath; // the query store; derived from the shape when empty
    QString jsonPath;
    bool rebuild = false;
    bool ingest = true;
    bool queries = true;
};

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Delivery-metrics store benchmark"));
    parser.addHelpOption();
    const QCommandLineOption rows(u"rows"_s, u"Rows to ingest (1000000)."_s, u"N"_s);
    const QCommandLineOption campaigns(u"campaigns"_s, u"Campaigns in the query store (1000)."_s, u"N"_s);
    const QCommandLineOption days(u"days"_s, u"Days in the query store (833)."_s, u"N"_s);
    const QCommandLineOption reps(u"reps"_s, u"Repetitions per query variant (50)."_s, u"N"_s);
    const QCommandLineOption workDir(u"work-dir"_s, u"Where scratch files go (/tmp)."_s, u"DIR"_s);
    const QCommandLineOption store(u"store"_s, u"The query store file, kept between runs."_s, u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"Also write the figures as JSON here."_s, u"FILE"_s);
    const QCommandLineOption rebuild(u"rebuild"_s, u"Build the query store again even if it exists."_s);
    const QCommandLineOption noIngest(u"no-ingest"_s, u"Skip the ingest part."_s);
    const QCommandLineOption noQueries(u"no-queries"_s, u"Skip the query part."_s);
    parser.addOptions({rows, campaigns, days, reps, workDir, store, json, rebuild, noIngest, noQueries});
    parser.process(app);

    Options options;
    bool ok = true;
    const auto number = [&](const QCommandLineOption &option, auto fallback) {
        if (!parser.isSet(option))
            return fallback;
        bool read = false;
        const qint64 value = parser.value(option).toLongLong(&read);
        ok = ok && read && value > 0;
        return decltype(fallback)(value);
    };
    options.ingestRows = number(rows, options.ingestRows);
    options.campaigns = number(campaigns, options.campaigns);
    options.days = number(days, options.days);
    options.reps = number(reps, options.reps);
    options.workDir = parser.isSet(workDir) ? parser.value(workDir) : options.workDir;
    options.storePath = parser.value(store);
    options.jsonPath = parser.value(json);
    options.rebuild = parser.isSet(rebuild);
    options.ingest = !parser.isSet(noIngest);
    options.queries = !parser.isSet(noQueries);
    if (options.storePath.isEmpty())
        options.storePath = QDir(options.workDir).filePath(
            QStringLiteral("adsdesk-bench-store-%1x6x%2.sqlite").arg(options.campaigns).arg(options.days));
    if (!ok)
        return std::nullopt;
    return options;
}

QString isoDay(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

/** A EUR->USD rate per day between 1.05 and 1.12, the same on every run. */
FxTable euroRates(const QDate &from, const QDate &to)
{
    FxTable table;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const qint64 wobble = (day.toJulianDay() * 7919) % 70'000'000;
        table.insert({day, kEuro, kReporting, 1'050'000'000 + wobble});
    }
    return table;
}

double percentile(QList<double> samples, double fraction)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = qsizetype(std::ceil(fraction * double(samples.size())));
    return samples[std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1)];
}

/** Runs one statement and returns the first column of its first row (0 when there is none). */
qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    auto q = runQuery(db, sql, values);
    if (!q) {
        qCWarning(lcAnalytics) << "bench query failed:" << q.error().detail;
        return -1;
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

/** Collects failed consistency checks; any failure makes the exit code 2. */
struct Checks
{
    QStringList failures;

    void equal(const char *what, qint64 ours, qint64 expected)
    {
        if (ours != expected)
            failures.append(QStringLiteral("%1: %2 != %3").arg(QLatin1String(what)).arg(ours).arg(expected));
    }
};

// -------------------------------------------------------------------------------------------------
// (a) Ingest: pages as the platforms send them

/** One account's report over kWindowDays days, as the platform would page it. */
struct GeneratedWindow
{
    metrics_store::ReportWindow window;
    QString currency;
    QList<QByteArray> pages;
    qint64 rows = 0;
};

/** Deterministic delivery numbers for one campaign-day. */
struct Delivery
{
    qint64 impressions;
    qint64 clicks;
    qint64 spendCents;
    int conversionsTenths;
    qint64 valueCents;
};

Delivery randomDelivery(std::mt19937_64 &random)
{
    const qint64 impressions = 100 + qint64(random() % 200'000);
    const qint64 clicks = impressions / (20 + qint64(random() % 80));
    const qint64 spendCents = impressions * (50 + qint64(random() % 900)) / 1000;
    const int conversions = int(clicks / (5 + qint64(random() % 40)));
    return {impressions, clicks, spendCents, conversions * 10 + int(random() % 10),
            spendCents * (50 + qint64(random() % 400)) / 100};
}

QByteArray cents(qint64 value)
{
    return QByteArray::number(value / 100) + '.' + QByteArray::number(value % 100).rightJustified(2, '0');
}

QByteArray tenths(int value)
{
    return QByteArray::number(value / 10) + '.' + QByteArray::number(value % 10);
}

QByteArray metaRow(const QString &remoteId, const QDate &day, const QString &currency, const Delivery &d)
{
    const QByteArray date = isoDay(day).toLatin1();
    return "{\"campaign_id\":\"" + remoteId.toLatin1() + "\",\"date_start\":\"" + date + "\",\"date_stop\":\"" + date
        + "\",\"impressions\":\"" + QByteArray::number(d.impressions) + "\",\"clicks\":\""
        + QByteArray::number(d.clicks) + "\",\"spend\":\"" + cents(d.spendCents) + "\",\"account_currency\":\""
        + currency.toLatin1() + "\",\"actions\":[{\"action_type\":\"link_click\",\"value\":\""
        + QByteArray::number(d.clicks) + "\"},{\"action_type\":\"omni_purchase\",\"value\":\""
        + tenths(d.conversionsTenths) + "\"}],\"action_values\":[{\"action_type\":\"omni_purchase\",\"value\":\""
        + cents(d.valueCents) + "\"}]}";
}

QByteArray googleRow(const QString &customer, const QString &remoteId, const QDate &day, const Delivery &d)
{
    return "{\"campaign\":{\"resourceName\":\"customers/" + customer.toLatin1() + "/campaigns/" + remoteId.toLatin1()
        + "\",\"id\":\"" + remoteId.toLatin1() + "\"},\"segments\":{\"date\":\"" + isoDay(day).toLatin1()
        + "\"},\"metrics\":{\"clicks\":\"" + QByteArray::number(d.clicks) + "\",\"conversions\":"
        + tenths(d.conversionsTenths) + ",\"conversionsValue\":" + cents(d.valueCents) + ",\"costMicros\":\""
        + QByteArray::number(d.spendCents * 10'000) + "\",\"impressions\":\"" + QByteArray::number(d.impressions)
        + "\"}}";
}

/** Wraps rows into pages: Meta's data + paging (no paging.next on the last), Google's results + token. */
QList<QByteArray> paginate(Platform platform, const QList<QByteArray> &rows, const QString &accountId)
{
    const int perPage = platform == Platform::Facebook ? kMetaPageRows : kGooglePageRows;
    QList<QByteArray> pages;
    for (qsizetype start = 0; start < rows.size(); start += perPage) {
        const QByteArray body = rows.mid(start, perPage).join(',');
        const QByteArray next = "page-" + QByteArray::number(pages.size() + 1);
        const bool last = start + perPage >= rows.size();
        if (platform == Platform::Facebook) {
            const QByteArray nextUrl = last ? QByteArray()
                                            : QByteArray(",\"next\":\"https://graph.facebook.com/v19.0/"
                                                         + accountId.toLatin1() + "/insights?after=" + next + "\"");
            pages.append("{\"data\":[" + body + "],\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\""
                         + next + "\"}" + nextUrl + "}}");
        } else {
            const QByteArray token = last ? QByteArray() : QByteArray(",\"nextPageToken\":\"" + next + "\"");
            pages.append("{\"results\":[" + body + "],\"totalResultsCount\":\"" + QByteArray::number(rows.size())
                         + "\",\"fieldMask\":\"campaign.id,segments.date,metrics.impressions,metrics.clicks,"
                           "metrics.costMicros,metrics.conversions,metrics.conversionsValue\""
                         + token + "}");
        }
    }
    return pages;
}

/** Window index -> an account of Meta or Google, a third of them billing in EUR, up to rowBudget rows. */
GeneratedWindow generateWindow(int index, qint64 rowBudget, std::mt19937_64 &random)
{
    GeneratedWindow out;
    const Platform platform = index % 2 == 0 ? Platform::Facebook : Platform::Google;
    out.currency = index % 3 == 0 ? kEuro : kReporting;
    out.window.platform = platform;
    out.window.accountId = platform == Platform::Facebook ? QStringLiteral("act_%1").arg(10'000'000 + index)
                                                          : QString::number(1'000'000'000LL + index);
    out.window.to = kLastDay.addDays(-kWindowDays * ((index / 2) % 12)); // both platforms in every period
    out.window.from = out.window.to.addDays(1 - kWindowDays);

    QList<QByteArray> rows;
    for (int c = 0; c < kCampaignsPerWindow && out.rows < rowBudget; ++c) {
        const QString remoteId = QString::number(23'850'000'000LL + qint64(index) * 1000 + c);
        out.window.campaignIds.insert(remoteId, QStringLiteral("cmp-%1-%2").arg(index).arg(c));
        for (QDate day = out.window.from; day <= out.window.to && out.rows < rowBudget; day = day.addDays(1)) {
            const Delivery d = randomDelivery(random);
            rows.append(platform == Platform::Facebook ? metaRow(remoteId, day, out.currency, d)
                                                       : googleRow(out.window.accountId, remoteId, day, d));
            ++out.rows;
        }
    }
    out.pages = paginate(platform, rows, out.window.accountId);
    return out;
}

/** A generated page read by the connector's own page reader, in the account the window stands for. */
PlatformResult<ReportPage> readPage(Platform platform, const QByteArray &bytes, const QString &currency)
{
    const QJsonObject reply = QJsonDocument::fromJson(bytes).object();
    ConnectorAccount account;
    account.currency = currency;
    if (platform == Platform::Facebook) {
        account.timeZone = QStringLiteral("Europe/Berlin");
        return MetaConnector::readInsightsPage(reply, account, false);
    }
    account.timeZone = QStringLiteral("America/New_York");
    return GoogleAdsConnector::readSearchPage(reply, account, false);
}

/** Walks the window's pages as a connector walks a platform's answers; pages are served at once. */
Result<QList<ReportRow>> readWindow(const GeneratedWindow &generated)
{
    const Platform platform = generated.window.platform;
    const ReportPageFetch fetch = [&](const QString &cursor, ReportPageCallback done) {
        const int index = cursor.isEmpty() ? 0 : cursor.section(u'-', 1).toInt();
        done(readPage(platform, generated.pages.value(index), generated.currency));
    };
    auto rows = std::make_shared<ReportRows>();
    std::optional<PlatformError> failure;
    walkReportPages(fetch, rows, platformName(platform), platform == Platform::Facebook ? &lcNetMeta : &lcNetGoogle,
                    [&](std::optional<PlatformError> error) { failure = std::move(error); });
    if (failure)
        return fail(ErrorCode::Internal, failure->message);
    return rows->rows();
}

/** The rows as INSERT statements with the same converted amounts replaceWindow stores. */
QByteArray insertStatements(const metrics_store::ReportWindow &window, const QList<ReportRow> &rows,
                            const FxTable &rates, const QByteArray &syncedAt)
{
    const QByteArray head = "INSERT INTO metrics_daily (platform, account_id, remote_campaign_id, day, campaign_id, "
                            "time_zone, currency, impressions, clicks, spend_micros, conversions_micros, "
                            "conversion_value_micros, synced_at, spend_rpt_micros, conversion_value_rpt_micros) "
                            "VALUES ('";
    const QByteArray platform = platformName(window.platform).toLatin1();
    const QByteArray account = window.accountId.toLatin1();
    QByteArray sql;
    sql.reserve(rows.size() * 420);
    for (const ReportRow &row : rows) {
        const auto spend = rates.convert(row.spendMicros, row.currency, kReporting, row.day);
        const auto value = rates.convert(row.conversionValueMicros, row.currency, kReporting, row.day);
        sql += head + platform + "','" + account + "','" + row.remoteCampaignId.toLatin1() + "','"
            + isoDay(row.day).toLatin1() + "','" + window.campaignIds.value(row.remoteCampaignId).toLatin1() + "','"
            + row.timeZone.toLatin1() + "','" + row.currency.toLatin1() + "',"
            + QByteArray::number(row.impressions) + ',' + QByteArray::number(row.clicks) + ','
            + QByteArray::number(row.spendMicros) + ',' + QByteArray::number(row.conversionsMicros) + ','
            + QByteArray::number(row.conversionValueMicros) + ",'" + syncedAt + "',"
            + (spend ? QByteArray::number(*spend) : QByteArray("NULL")) + ','
            + (value ? QByteArray::number(*value) : QByteArray("NULL"))
            + ");\n";
    }
    return sql;
}

struct IngestFigures
{
    qint64 rows = 0;
    qint64 windows = 0;
    double oursSeconds = 0;
    double parseSeconds = 0; // of oursSeconds: reading the pages
    double cliSeconds = 0;
    qint64 sqlBytes = 0;
};

/** Milliseconds the sqlite3 CLI takes to run script into database; -1 when it fails. */
double runCli(const QString &database, const QString &script)
{
    QProcess cli;
    cli.setStandardInputFile(script);
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral("/usr/bin/sqlite3"), {QStringLiteral("-bail"), database});
    if (!cli.waitForFinished(-1) || cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
        qCWarning(lcStore) << "sqlite3 failed:" << cli.readAllStandardError();
        return -1;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

/** Both stores must hold the same rows and sums, and the roll-ups must add up to the raw rows. */
void checkIngest(const QSqlDatabase &ours, const QSqlDatabase &cli, qint64 rows, Checks &checks)
{
    const QString count = QStringLiteral("SELECT COUNT(*) FROM metrics_daily");
    const QString spend = QStringLiteral("SELECT SUM(spend_rpt_micros) FROM metrics_daily");
    const QString value = QStringLiteral("SELECT SUM(conversion_value_rpt_micros) FROM metrics_daily");
    checks.equal("ingest: rows stored", scalar(ours, count), rows);
    checks.equal("ingest: rows in the CLI's store", scalar(cli, count), rows);
    checks.equal("ingest: spend ours vs CLI", scalar(ours, spend), scalar(cli, spend));
    checks.equal("ingest: value ours vs CLI", scalar(ours, value), scalar(cli, value));
    checks.equal("ingest: daily roll-up spend",
                 scalar(ours, u"SELECT SUM(spend_rpt_micros) FROM rollup_platform_day"_s), scalar(ours, spend));
    checks.equal("ingest: monthly roll-up spend",
                 scalar(ours, u"SELECT SUM(spend_rpt_micros) FROM rollup_campaign_month"_s), scalar(ours, spend));
}

Result<std::unique_ptr<Database>> freshDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    return Database::open(path);
}

std::optional<IngestFigures> runIngest(const Options &options, Checks &checks)
{
    const QDir dir(options.workDir);
    const QString oursPath = dir.filePath(u"adsdesk-bench-ingest.sqlite"_s);
    const QString cliPath = dir.filePath(u"adsdesk-bench-ingest-cli.sqlite"_s);
    const QString scriptPath = dir.filePath(u"adsdesk-bench-ingest.sql"_s);
    auto ours = freshDatabase(oursPath);
    auto cliSchema = freshDatabase(cliPath); // the same migrations, so the same table and indexes
    if (!ours || !cliSchema) {
        std::fprintf(stderr, "cannot create the ingest stores\n");
        return std::nullopt;
    }
    cliSchema->reset(); // close our connection before the CLI writes
    QFile script(scriptPath);
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::nullopt;
    script.write("BEGIN;\n");

    const FxTable rates = euroRates(kLastDay.addDays(-kWindowDays * 12), kLastDay);
    const QByteArray syncedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    std::mt19937_64 random(20260101);
    IngestFigures figures;
    qint64 nanos = 0;
    qint64 parseNanos = 0;
    for (int index = 0; figures.rows < options.ingestRows; ++index) {
        const GeneratedWindow generated = generateWindow(index, options.ingestRows - figures.rows, random);
        QList<ReportRow> rows;
        QElapsedTimer timer;
        timer.start();
        const Status stored = (*ours)->write([&](QSqlDatabase &db) -> Status {
            QElapsedTimer parseTimer;
            parseTimer.start();
            auto read = readWindow(generated);
            parseNanos += parseTimer.nsecsElapsed();
            if (!read)
                return fail(read.error());
            rows = std::move(*read);
            auto written = metrics_store::replaceWindow(db, generated.window, rows, rates, kReporting);
            return written ? Status{} : fail(written.error());
        });
        nanos += timer.nsecsElapsed();
        if (!stored) {
            std::fprintf(stderr, "ingest failed: %s\n", qPrintable(stored.error().detail));
            return std::nullopt;
        }
        script.write(insertStatements(generated.window, rows, rates, syncedAt));
        figures.rows += generated.rows;
        ++figures.windows;
    }
    script.write("COMMIT;\n");
    figures.sqlBytes = script.size();
    script.close();
    figures.oursSeconds = double(nanos) / 1e9;
    figures.parseSeconds = double(parseNanos) / 1e9;

    qCInfo(lcStore) << "ingest:" << figures.rows << "rows stored; running the sqlite3 CLI on the same rows";
    const double cliMs = runCli(cliPath, scriptPath);
    if (cliMs < 0)
        return std::nullopt;
    figures.cliSeconds = cliMs / 1000;

    auto cli = Database::open(cliPath);
    if (cli)
        checkIngest((*ours)->connection(), (*cli)->connection(), figures.rows, checks);
    QFile::remove(scriptPath);
    return figures;
}

// -------------------------------------------------------------------------------------------------
// (b) Queries over a large store

struct StoreShape
{
    int campaigns = 0;
    int days = 0;

    QDate first() const { return kLastDay.addDays(1 - days); }
    QString key() const { return QStringLiteral("v1:%1x6x%2").arg(campaigns).arg(days); }
    qint64 rows() const { return qint64(campaigns) * 6 * days; }
};

QString campaignId(int index)
{
    return QStringLiteral("cmp-%1").arg(index, 5, 10, QLatin1Char('0'));
}

/** Ten accounts per platform; a third of the accounts bill in EUR. */
QString accountCurrency(int platform, int campaign)
{
    return (campaign / 100 + platform) % 3 == 0 ? kEuro : kReporting;
}

Status insertCampaigns(const QSqlDatabase &db, int count)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO campaigns (id, seq, name, objective, platforms, budget_type, budget_micros, "
                   "currency, allocation, audience_ids, creative_ids, status, version, created_at, updated_at) "
                   "VALUES (?, ?, ?, 'traffic', ?, 'daily', 50000000, 'USD', '{}', '[]', '[]', 'active', 1, ?, ?)"_s);
    const QString platforms = u"[\"facebook\",\"google\",\"tiktok\",\"linkedin\",\"pinterest\",\"snapchat\"]"_s;
    for (int c = 0; c < count; ++c) {
        const QVariant values[] = {campaignId(c), c + 1, QStringLiteral("Bench campaign %1").arg(c), platforms, now,
                                   now};
        for (int i = 0; i < int(std::size(values)); ++i)
            insert.bindValue(i, values[i]);
        if (!insert.exec())
            return fail(ErrorCode::Storage, u"cannot insert campaigns"_s, insert.lastError().text());
    }
    return {};
}

/** Writes the rows of days [from, to] for every campaign and platform with one prepared statement. */
Status insertDays(const QSqlDatabase &db, const StoreShape &shape, const QDate &from, const QDate &to,
                  const FxTable &rates, std::mt19937_64 &random)
{
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO metrics_daily (platform, account_id, remote_campaign_id, day, campaign_id, "
                   "time_zone, currency, impressions, clicks, spend_micros, conversions_micros, "
                   "conversion_value_micros, synced_at, spend_rpt_micros, conversion_value_rpt_micros) "
                   "VALUES (?, ?, ?, ?, ?, 'UTC', ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QList<Platform> platforms = allPlatforms();
    const QString syncedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const QString dayText = isoDay(day);
        for (int c = 0; c < shape.campaigns; ++c) {
            for (int p = 0; p < platforms.size(); ++p) {
                const Delivery d = randomDelivery(random);
                const QString currency = accountCurrency(p, c);
                const qint64 spend = d.spendCents * 10'000;
                const qint64 value = d.valueCents * 10'000;
                const QVariant values[] = {
                    platformName(platforms[p]), QStringLiteral("acct-%1-%2").arg(p).arg(c / 100),
                    QStringLiteral("r%1-%2").arg(p).arg(c), dayText, campaignId(c), currency, d.impressions,
                    d.clicks, spend, qint64(d.conversionsTenths) * 100'000, value, syncedAt,
                    *rates.convert(spend, currency, kReporting, day),
                    *rates.convert(value, currency, kReporting, day)};
                for (int i = 0; i < int(std::size(values)); ++i)
                    insert.bindValue(i, values[i]);
                if (!insert.exec())
                    return fail(ErrorCode::Storage, u"cannot insert rows"_s, insert.lastError().text());
            }
        }
    }
    return {};
}

QList<ExchangeRate> rateList(const QDate &from, const QDate &to)
{
    const FxTable table = euroRates(from, to);
    QList<ExchangeRate> items;
    for (QDate day = from; day <= to; day = day.addDays(1))
        items.append({day, kEuro, kReporting, *table.rate(kEuro, kReporting, day)});
    return items;
}

struct BuildFigures
{
    bool reused = false;
    double insertSeconds = 0;
    double rollupSeconds = 0;
};

std::optional<BuildFigures> buildStore(Database &database, const StoreShape &shape)
{
    const QDate first = shape.first();
    const FxTable rates = euroRates(first, kLastDay);
    const qint64 daysPerChunk = std::max<qint64>(1, kBuildChunkRows / (qint64(shape.campaigns) * 6));
    std::mt19937_64 random(20240101);
    BuildFigures figures;
    QElapsedTimer timer;
    timer.start();
    Status built = database.write([&](QSqlDatabase &db) -> Status {
        if (auto saved = fx_store::replaceRange(db, kReporting, first, kLastDay, rateList(first, kLastDay)); !saved)
            return saved;
        return insertCampaigns(db, shape.campaigns);
    });
    for (QDate from = first; built && from <= kLastDay; from = from.addDays(daysPerChunk)) {
        const QDate to = std::min(kLastDay, from.addDays(daysPerChunk - 1));
        built = database.write([&](QSqlDatabase &db) { return insertDays(db, shape, from, to, rates, random); });
        qCInfo(lcStore) << "query store: rows written up to" << to;
    }
    figures.insertSeconds = double(timer.restart()) / 1000;
    if (built)
        built = database.write([&](QSqlDatabase &db) { return metrics_store::rebuildRollups(db, first, kLastDay); });
    figures.rollupSeconds = double(timer.elapsed()) / 1000;
    if (built)
        built = database.write([&](QSqlDatabase &db) -> Status {
            auto q = runQuery(db, u"INSERT INTO preferences (pref_key, pref_value) VALUES ('bench.shape', ?)"_s,
                              {shape.key()});
            return q ? Status{} : fail(q.error());
        });
    if (!built) {
        std::fprintf(stderr, "cannot build the query store: %s\n", qPrintable(built.error().detail));
        return std::nullopt;
    }
    return figures;
}

/** Opens the kept store when it was built whole with this shape, else builds it afresh. */
std::optional<BuildFigures> openStore(const Options &options, const StoreShape &shape,
                                      std::unique_ptr<Database> *out)
{
    if (!options.rebuild && QFile::exists(options.storePath)) {
        auto kept = Database::open(options.storePath);
        const QString sql = u"SELECT pref_value FROM preferences WHERE pref_key = 'bench.shape'"_s;
        if (kept) {
            auto q = runQuery((*kept)->connection(), sql);
            if (q && q->next() && q->value(0).toString() == shape.key()) {
                *out = std::move(*kept);
                return BuildFigures{true, 0, 0};
            }
        }
    }
    qCInfo(lcStore) << "building the query store" << options.storePath << "with" << shape.rows() << "rows";
    auto fresh = freshDatabase(options.storePath);
    if (!fresh)
        return std::nullopt;
    *out = std::move(*fresh);
    return buildStore(**out, shape);
}

enum class Route { Overview, TrendsDay, TrendsWeek, PerformanceSpend, PerformanceRoas };

constexpr Route kRoutes[] = {Route::Overview, Route::TrendsDay, Route::TrendsWeek, Route::PerformanceSpend,
                             Route::PerformanceRoas};

QString routeName(Route route)
{
    switch (route) {
    case Route::Overview:
        return u"overview"_s;
    case Route::TrendsDay:
        return u"trends (day)"_s;
    case Route::TrendsWeek:
        return u"trends (week)"_s;
    case Route::PerformanceSpend:
        return u"performance (spend)"_s;
    case Route::PerformanceRoas:
        return u"performance (roas)"_s;
    }
    return {};
}

double targetMs(Route route)
{
    return route == Route::PerformanceSpend || route == Route::PerformanceRoas ? 100 : 50;
}

/** Runs one route; false when the service answered with an error. */
bool runRoute(const AnalyticsService &service, Route route, const AnalyticsQuery &query)
{
    switch (route) {
    case Route::Overview:
        return service.overview(query).has_value();
    case Route::TrendsDay:
        return service.trends(query, Granularity::Day).has_value();
    case Route::TrendsWeek:
        return service.trends(query, Granularity::Week).has_value();
    case Route::PerformanceSpend:
        return service.performance(query, {u"spend"_s, true, 50, 0}).has_value();
    case Route::PerformanceRoas:
        return service.performance(query, {u"roas"_s, true, 50, 0}).has_value();
    }
    return false;
}

/** A range and filter the routes are timed over; each repetition moves the range back a day. */
struct Variant
{
    QString name;
    int days = 0; // 0: the whole span
    std::optional<Platform> platform;
    int campaignFilter = 0;
};

QList<Variant> variants()
{
    QList<Variant> out;
    for (int days : {7, 30, 90, 365, 0}) {
        const QString range = days ? QStringLiteral("%1d").arg(days) : u"all"_s;
        out.append({range, days, std::nullopt, 0});
        out.append({range + u" google"_s, days, Platform::Google, 0});
        out.append({range + u" 1 campaign"_s, days, std::nullopt, 1});
        out.append({range + u" 10 campaigns"_s, days, std::nullopt, 10});
    }
    return out;
}

AnalyticsQuery queryFor(const Variant &variant, const StoreShape &shape, int rep)
{
    AnalyticsQuery query;
    query.to = kLastDay.addDays(-(rep % 7));
    query.from = variant.days ? query.to.addDays(1 - variant.days) : shape.first();
    if (variant.platform)
        query.platforms = {*variant.platform};
    for (int k = 0; k < variant.campaignFilter; ++k)
        query.campaignIds.append(campaignId((rep * 37 + k * 97) % shape.campaigns));
    return query;
}

struct VariantTiming
{
    QString variant;
    QList<double> samplesMs;
};

struct RouteTiming
{
    Route route;
    QList<VariantTiming> variants;

    QList<double> allSamples() const
    {
        QList<double> all;
        for (const VariantTiming &v : variants)
            all += v.samplesMs;
        return all;
    }
};

std::optional<RouteTiming> timeRoute(const AnalyticsService &service, Route route, const StoreShape &shape, int reps)
{
    RouteTiming timing{route, {}};
    for (const Variant &variant : variants()) {
        VariantTiming samples{variant.name, {}};
        double spentMs = 0;
        for (int rep = 0; rep < reps && (rep < 5 || spentMs < kVariantBudgetMs); ++rep) {
            const AnalyticsQuery query = queryFor(variant, shape, rep);
            QElapsedTimer timer;
            timer.start();
            if (!runRoute(service, route, query)) {
                std::fprintf(stderr, "%s failed on %s\n", qPrintable(routeName(route)), qPrintable(variant.name));
                return std::nullopt;
            }
            samples.samplesMs.append(double(timer.nsecsElapsed()) / 1e6);
            spentMs += samples.samplesMs.last();
        }
        timing.variants.append(samples);
    }
    return timing;
}

/** The service's sums over an unaligned range must match plain SQL over metrics_daily. */
void checkQueries(const AnalyticsService &service, const QSqlDatabase &db, const StoreShape &shape, Checks &checks)
{
    AnalyticsQuery query;
    query.from = shape.first().addDays(std::min(10, shape.days / 4));
    query.to = kLastDay.addDays(-std::min(10, shape.days / 4));
    const qint64 expected = scalar(db, u"SELECT SUM(COALESCE(spend_rpt_micros, 0)) FROM metrics_daily "
                                       "WHERE day >= ? AND day <= ?"_s, {isoDay(query.from), isoDay(query.to)});
    const auto overview = service.overview(query);
    checks.equal("queries: overview spend", overview ? overview->totals.spendMicros : -1, expected);

    qint64 trendSpend = 0;
    if (const auto trends = service.trends(query, Granularity::Week)) {
        for (const QList<TrendPoint> &series : trends->series)
            for (const TrendPoint &point : series)
                trendSpend += point.totals.spendMicros;
    }
    checks.equal("queries: weekly trend spend", trendSpend, expected);

    qint64 pageSpend = 0;
    if (const auto page = service.performance(query, {u"spend"_s, true, shape.campaigns, 0})) {
        for (const CampaignPerformance &item : page->items)
            pageSpend += item.totals.spendMicros;
        checks.equal("queries: campaigns in the performance page", page->items.size(), shape.campaigns);
    }
    checks.equal("queries: performance spend", pageSpend, expected);
}

struct QueryFigures
{
    StoreShape shape;
    BuildFigures build;
    QList<RouteTiming> routes;
};

std::optional<QueryFigures> runQueries(const Options &options, Checks &checks)
{
    QueryFigures figures;
    figures.shape = {options.campaigns, options.days};
    std::unique_ptr<Database> database;
    const auto build = openStore(options, figures.shape, &database);
    if (!build)
        return std::nullopt;
    figures.build = *build;

    const AnalyticsService service(database.get());
    checkQueries(service, database->connection(), figures.shape, checks);
    for (Route route : kRoutes) {
        qCInfo(lcAnalytics) << "timing" << routeName(route);
        auto timing = timeRoute(service, route, figures.shape, options.reps);
        if (!timing)
            return std::nullopt;
        figures.routes.append(*timing);
    }
    return figures;
}

// -------------------------------------------------------------------------------------------------
// Report

QString buildType()
{
#ifdef NDEBUG
    return u"Release"_s;
#else
    return u"Debug"_s;
#endif
}

void printIngest(const IngestFigures &f)
{
    const double ours = double(f.rows) / f.oursSeconds;
    const double cli = double(f.rows) / f.cliSeconds;
    std::printf("\nIngest: %lld rows in %lld windows (Meta and Google pages, a third in EUR)\n", f.rows, f.windows);
    std::printf("  %-36s %10.2f s %12.0f rows/s\n", "ours (JSON + replaceWindow + roll-ups)", f.oursSeconds, ours);
    std::printf("    %-34s %10.2f s\n", "of which reading the JSON pages", f.parseSeconds);
    std::printf("  %-36s %10.2f s %12.0f rows/s\n", "sqlite3 CLI (one INSERT per row)", f.cliSeconds, cli);
    std::printf("  ratio ours / CLI: %.0f %% (target >= 40 %%)\n", 100 * ours / cli);
}

void printQueries(const QueryFigures &f)
{
    std::printf("\nQueries: %lld rows (%d campaigns x 6 platforms x %d days)", f.shape.rows(), f.shape.campaigns,
                f.shape.days);
    if (f.build.reused)
        std::printf(", kept store reused\n");
    else
        std::printf(", built in %.1f s + roll-ups %.1f s\n", f.build.insertSeconds, f.build.rollupSeconds);
    std::printf("  %-22s %8s %8s %8s  %-26s %s\n", "route", "p50 ms", "p95 ms", "target", "slowest variant (p95 ms)",
                "");
    for (const RouteTiming &r : f.routes) {
        const auto worst = std::max_element(r.variants.begin(), r.variants.end(), [](const auto &a, const auto &b) {
            return percentile(a.samplesMs, 0.95) < percentile(b.samplesMs, 0.95);
        });
        // Slow variants stop repeating early, so they weigh less in the pooled figures; the verdict
        // is the slowest variant's p95.
        const double p95 = percentile(r.allSamples(), 0.95);
        const double worstP95 = percentile(worst->samplesMs, 0.95);
        std::printf("  %-22s %8.2f %8.2f %8.0f  %-18s %7.2f %s\n", qPrintable(routeName(r.route)),
                    percentile(r.allSamples(), 0.5), p95, targetMs(r.route), qPrintable(worst->variant),
                    percentile(worst->samplesMs, 0.95), worstP95 < targetMs(r.route) ? "ok" : "MISSED");
    }
}

QJsonObject ingestJson(const IngestFigures &f)
{
    const double ours = double(f.rows) / f.oursSeconds;
    const double cli = double(f.rows) / f.cliSeconds;
    return {{"rows", f.rows}, {"windows", f.windows}, {"sqlBytes", f.sqlBytes},
            {"ours",
             QJsonObject{{"seconds", f.oursSeconds}, {"parseSeconds", f.parseSeconds}, {"rowsPerSecond", ours}}},
            {"cli", QJsonObject{{"seconds", f.cliSeconds}, {"rowsPerSecond", cli}}},
            {"ratio", ours / cli}, {"targetRatio", 0.4}};
}

QJsonObject queriesJson(const QueryFigures &f)
{
    QJsonObject routes;
    for (const RouteTiming &r : f.routes) {
        QJsonArray variants;
        for (const VariantTiming &v : r.variants)
            variants.append(QJsonObject{{"variant", v.variant}, {"samples", v.samplesMs.size()},
                                        {"p50Ms", percentile(v.samplesMs, 0.5)},
                                        {"p95Ms", percentile(v.samplesMs, 0.95)}});
        routes.insert(routeName(r.route), QJsonObject{{"p50Ms", percentile(r.allSamples(), 0.5)},
                                                      {"p95Ms", percentile(r.allSamples(), 0.95)},
                                                      {"targetP95Ms", targetMs(r.route)},
                                                      {"variants", variants}});
    }
    return {{"rows", f.shape.rows()}, {"campaigns", f.shape.campaigns}, {"platforms", 6}, {"days", f.shape.days},
            {"storeReused", f.build.reused}, {"insertSeconds", f.build.insertSeconds},
            {"rollupSeconds", f.build.rollupSeconds}, {"routes", routes}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // keep the figures in order with the log lines
    const auto options = parseOptions(app);
    if (!options) {
        std::fprintf(stderr, "the sizes must be positive integers\n");
        return 1;
    }
    QDir().mkpath(options->workDir);
    std::printf("AnalyticsBench: %s build, %d cores, Qt %s\n", qPrintable(buildType()), QThread::idealThreadCount(),
                qVersion());

    Checks checks;
    QJsonObject json{{"build", buildType()}, {"cores", QThread::idealThreadCount()}};
    if (options->ingest) {
        const auto ingest = runIngest(*options, checks);
        if (!ingest)
            return 1;
        printIngest(*ingest);
        json.insert("ingest", ingestJson(*ingest));
    }
    if (options->queries) {
        const auto queries = runQueries(*options, checks);
        if (!queries)
            return 1;
        printQueries(*queries);
        json.insert("queries", queriesJson(*queries));
    }

    std::printf("\nchecks: %s\n", checks.failures.isEmpty() ? "all sums agree" : "FAILED");
    for (const QString &failure : checks.failures)
        std::printf("  %s\n", qPrintable(failure));
    json.insert("checksFailed", QJsonArray::fromStringList(checks.failures));
    if (!options->jsonPath.isEmpty()) {
        QFile out(options->jsonPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(QJsonDocument(json).toJson()) < 0)
            std::fprintf(stderr, "cannot write %s\n", qPrintable(options->jsonPath));
    }
    return checks.failures.isEmpty() ? 0 : 2;
}
