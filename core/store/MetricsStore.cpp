#include "core/store/MetricsStore.h"

#include "core/Logging.h"
#include "core/services/ExchangeRates.h"
#include "core/store/CampaignStore.h"
#include "core/store/Database.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace ads::core::metrics_store {

namespace {

QString isoDay(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

QDate monthStart(const QDate &day)
{
    return QDate(day.year(), day.month(), 1);
}

QDate monthEnd(const QDate &day)
{
    return monthStart(day).addMonths(1).addDays(-1);
}

Status sqlFailure(const QSqlQuery &query)
{
    return fail(ErrorCode::Internal, QStringLiteral("the metrics store failed: %1").arg(query.lastError().text()));
}

/** A prepared statement that writes one delivery row (daily or hourly), reused for a whole batch. */
class RowWriter
{
public:
    RowWriter(const QSqlDatabase &db, const FxTable &rates, const QString &reportingCurrency, bool hourly = false)
        : m_query(db)
        , m_rates(rates)
        , m_reporting(reportingCurrency)
        , m_syncedAt(toIsoUtc(QDateTime::currentDateTimeUtc()))
        , m_hourly(hourly)
    {
        const QString table = hourly ? QStringLiteral("metrics_hourly") : QStringLiteral("metrics_daily");
        const QString hourColumn = hourly ? QStringLiteral("hour, ") : QString();
        const QString hourValue = hourly ? QStringLiteral("?, ") : QString();
        m_query.prepare(QStringLiteral(
            "INSERT INTO %1 (platform, account_id, remote_campaign_id, day, %2campaign_id, time_zone, "
            "currency, impressions, clicks, spend_micros, conversions_micros, conversion_value_micros, synced_at, "
            "spend_rpt_micros, conversion_value_rpt_micros) VALUES (?, ?, ?, ?, %3?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (platform, account_id, remote_campaign_id, day%4) DO UPDATE SET "
            "campaign_id = excluded.campaign_id, time_zone = excluded.time_zone, currency = excluded.currency, "
            "impressions = excluded.impressions, clicks = excluded.clicks, spend_micros = excluded.spend_micros, "
            "conversions_micros = excluded.conversions_micros, "
            "conversion_value_micros = excluded.conversion_value_micros, synced_at = excluded.synced_at, "
            "spend_rpt_micros = excluded.spend_rpt_micros, "
            "conversion_value_rpt_micros = excluded.conversion_value_rpt_micros")
                            .arg(table, hourColumn, hourValue, hourly ? QStringLiteral(", hour") : QString()));
    }

    Status write(const QString &platform, const QString &accountId, const QString &campaignId, const ReportRow &row)
    {
        const QVariant nullMicros(QMetaType(QMetaType::LongLong));
        const auto spend = m_rates.convert(row.spendMicros, row.currency, m_reporting, row.day);
        const auto value = m_rates.convert(row.conversionValueMicros, row.currency, m_reporting, row.day);
        QVariantList values{platform, accountId, row.remoteCampaignId, isoDay(row.day)};
        if (m_hourly)
            values.append(row.hour);
        values << campaignId << row.timeZone << row.currency << row.impressions << row.clicks << row.spendMicros
               << row.conversionsMicros << row.conversionValueMicros << m_syncedAt
               << (spend ? QVariant(*spend) : nullMicros) << (value ? QVariant(*value) : nullMicros);
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, values[i]);
        return m_query.exec() ? Status{} : sqlFailure(m_query);
    }

private:
    QSqlQuery m_query;
    const FxTable &m_rates;
    QString m_reporting;
    QString m_syncedAt;
    bool m_hourly = false;
};

// The summed columns of a roll-up row, read from metrics_daily.
constexpr auto kRollupSums = "SUM(impressions), SUM(clicks), SUM(COALESCE(spend_rpt_micros, 0)), "
                             "SUM(conversions_micros), SUM(COALESCE(conversion_value_rpt_micros, 0)), "
                             "SUM(CASE WHEN spend_rpt_micros IS NULL OR conversion_value_rpt_micros IS NULL "
                             "THEN 1 ELSE 0 END), COUNT(*)";

/** One roll-up table: its name and key columns, and how a delivery row maps to its key. */
struct Rollup
{
    QString table;
    QStringList keyColumns;
    // The key of a row of metrics_daily: its platform, campaign and day.
    std::function<QStringList(const QString &platform, const QString &campaignId, const QDate &day)> keyOf;
};

QString monthOf(const QDate &day)
{
    return isoDay(monthStart(day));
}

const QList<Rollup> &rollups()
{
    static const QList<Rollup> tables{
        {QStringLiteral("rollup_platform_day"),
         {QStringLiteral("platform"), QStringLiteral("day")},
         [](const QString &platform, const QString &, const QDate &day) { return QStringList{platform, isoDay(day)}; }},
        {QStringLiteral("rollup_campaign_day"),
         {QStringLiteral("day"), QStringLiteral("campaign_id")},
         [](const QString &, const QString &campaign, const QDate &day) { return QStringList{isoDay(day), campaign}; }},
        {QStringLiteral("rollup_campaign_month"),
         {QStringLiteral("month"), QStringLiteral("campaign_id")},
         [](const QString &, const QString &campaign, const QDate &day) {
             return QStringList{monthOf(day), campaign};
         }},
        {QStringLiteral("rollup_campaign_platform_month"),
         {QStringLiteral("month"), QStringLiteral("campaign_id"), QStringLiteral("platform")},
         [](const QString &platform, const QString &campaign, const QDate &day) {
             return QStringList{monthOf(day), campaign, platform};
         }},
    };
    return tables;
}

/** The SQL expression of a roll-up key column over metrics_daily. */
QString sourceExpression(const QString &column)
{
    return column == u"month" ? QStringLiteral("substr(day, 1, 7) || '-01'") : column;
}

/** Differences to add to roll-up rows: summed figures and the number of source rows. */
struct RollupDelta
{
    qint64 impressions = 0;
    qint64 clicks = 0;
    qint64 spendRpt = 0;
    qint64 conversions = 0;
    qint64 valueRpt = 0;
    qint64 unconverted = 0;
    qint64 rows = 0;
};

/** A delivery row as the roll-ups see it. */
struct RolledRow
{
    QString platform;
    QString campaignId;
    QDate day;
    RollupDelta figures; // rows = 1
};

class RollupDeltas
{
public:
    void add(const RolledRow &row, int sign)
    {
        for (qsizetype t = 0; t < rollups().size(); ++t) {
            RollupDelta &delta = m_deltas[t][rollups()[t].keyOf(row.platform, row.campaignId, row.day)];
            delta.impressions += sign * row.figures.impressions;
            delta.clicks += sign * row.figures.clicks;
            delta.spendRpt += sign * row.figures.spendRpt;
            delta.conversions += sign * row.figures.conversions;
            delta.valueRpt += sign * row.figures.valueRpt;
            delta.unconverted += sign * row.figures.unconverted;
            delta.rows += sign;
        }
    }

    /** Adds every difference to its roll-up row, then drops rows left without a source row. */
    Status apply(const QSqlDatabase &db) const
    {
        for (qsizetype t = 0; t < rollups().size(); ++t) {
            if (auto applied = applyTo(db, rollups()[t], m_deltas[t]); !applied)
                return applied;
        }
        return {};
    }

private:
    static Status applyTo(const QSqlDatabase &db, const Rollup &rollup, const QHash<QStringList, RollupDelta> &deltas)
    {
        static const QStringList sums{QStringLiteral("impressions"), QStringLiteral("clicks"),
                                      QStringLiteral("spend_rpt_micros"), QStringLiteral("conversions_micros"),
                                      QStringLiteral("conversion_value_rpt_micros"), QStringLiteral("unconverted_rows"),
                                      QStringLiteral("source_rows")};
        QStringList updates;
        for (const QString &column : sums)
            updates.append(QStringLiteral("%1 = %2.%1 + excluded.%1").arg(column, rollup.table));
        const QString values = sqlPlaceholders(rollup.keyColumns.size() + sums.size());
        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (%4) ON CONFLICT (%2) DO UPDATE SET %5")
                           .arg(rollup.table, rollup.keyColumns.join(QStringLiteral(", ")),
                                sums.join(QStringLiteral(", ")), values, updates.join(QStringLiteral(", "))));
        QStringList keyMatch;
        for (const QString &column : rollup.keyColumns)
            keyMatch.append(column + QStringLiteral(" = ?"));
        QSqlQuery prune(db);
        prune.prepare(QStringLiteral("DELETE FROM %1 WHERE source_rows <= 0 AND %2")
                          .arg(rollup.table, keyMatch.join(QStringLiteral(" AND "))));

        for (auto it = deltas.begin(); it != deltas.end(); ++it) {
            const RollupDelta &d = it.value();
            if (d.rows == 0 && d.impressions == 0 && d.clicks == 0 && d.spendRpt == 0 && d.conversions == 0
                && d.valueRpt == 0 && d.unconverted == 0)
                continue;
            int column = 0;
            for (const QString &key : it.key())
                upsert.bindValue(column++, key);
            for (qint64 value : {d.impressions, d.clicks, d.spendRpt, d.conversions, d.valueRpt, d.unconverted, d.rows})
                upsert.bindValue(column++, value);
            if (!upsert.exec())
                return sqlFailure(upsert);
            if (d.rows < 0) {
                for (int k = 0; k < it.key().size(); ++k)
                    prune.bindValue(k, it.key()[k]);
                if (!prune.exec())
                    return sqlFailure(prune);
            }
        }
        return {};
    }

    QList<QHash<QStringList, RollupDelta>> m_deltas = QList<QHash<QStringList, RollupDelta>>(rollups().size());
};

RolledRow rolled(const QString &platform, const QString &campaignId, const ReportRow &row,
                 const std::optional<qint64> &spendRpt, const std::optional<qint64> &valueRpt)
{
    return {platform, campaignId, row.day,
            {row.impressions, row.clicks, spendRpt.value_or(0), row.conversionsMicros, valueRpt.value_or(0),
             (spendRpt && valueRpt) ? 0 : 1, 1}};
}

/** The WHERE clause, and its values, of the stored rows a re-read window covers. */
std::pair<QString, QVariantList> windowRows(const ReportWindow &window)
{
    const QStringList remoteIds = window.campaignIds.keys();
    QVariantList values{platformName(window.platform), window.accountId, isoDay(window.from), isoDay(window.to)};
    for (const QString &id : remoteIds)
        values.append(id);
    return {QStringLiteral("platform = ? AND account_id = ? AND day >= ? AND day <= ? AND remote_campaign_id IN (%1)")
                .arg(sqlPlaceholders(remoteIds.size())),
            values};
}

/** Removes the rows of table that a re-read window covers. */
Status removeWindowRows(const QSqlDatabase &db, const QString &table, const ReportWindow &window)
{
    const auto [where, values] = windowRows(window);
    auto removed = runQuery(db, QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, where), values);
    return removed ? Status{} : fail(removed.error());
}

/** The stored rows a window replaces, as the roll-ups saw them. */
Result<QList<RolledRow>> storedRows(const QSqlDatabase &db, const ReportWindow &window)
{
    const QString platform = platformName(window.platform);
    const auto [where, values] = windowRows(window);
    auto q = runQuery(db,
                      QStringLiteral("SELECT campaign_id, day, impressions, clicks, spend_rpt_micros, "
                                     "conversions_micros, conversion_value_rpt_micros FROM metrics_daily WHERE %1")
                          .arg(where),
                      values);
    if (!q)
        return fail(q.error());
    QList<RolledRow> rows;
    while (q->next()) {
        const bool converted = !q->value(4).isNull() && !q->value(6).isNull();
        rows.append({platform, q->value(0).toString(), QDate::fromString(q->value(1).toString(), Qt::ISODate),
                     {q->value(2).toLongLong(), q->value(3).toLongLong(), q->value(4).toLongLong(),
                      q->value(5).toLongLong(), q->value(6).toLongLong(), converted ? 0 : 1, 1}});
    }
    return rows;
}

} // namespace

Status rebuildRollups(const QSqlDatabase &db, const QDate &from, const QDate &to, std::optional<Platform> platform,
                      const QStringList &campaignIds)
{
    for (const Rollup &rollup : rollups()) {
        // Monthly roll-ups are rebuilt for whole months, so a month is never half summed.
        const bool monthly = rollup.keyColumns.contains(QStringLiteral("month"));
        const QDate first = monthly ? monthStart(from) : from;
        const QDate last = monthly ? monthEnd(to) : to;
        const QString keyColumn = monthly ? QStringLiteral("month") : QStringLiteral("day");
        QString filter;
        QVariantList values{isoDay(first), isoDay(last)};
        if (platform && rollup.keyColumns.contains(QStringLiteral("platform"))) {
            filter += QStringLiteral(" AND platform = ?");
            values.append(platformName(*platform));
        }
        if (!campaignIds.isEmpty() && rollup.keyColumns.contains(QStringLiteral("campaign_id"))) {
            filter += QStringLiteral(" AND campaign_id IN (%1)").arg(sqlPlaceholders(campaignIds.size()));
            for (const QString &id : campaignIds)
                values.append(id);
        }
        auto cleared = runQuery(db,
                                QStringLiteral("DELETE FROM %1 WHERE %2 >= ? AND %2 <= ?%3")
                                    .arg(rollup.table, keyColumn, filter),
                                values);
        if (!cleared)
            return fail(cleared.error());

        QStringList selected;
        for (const QString &column : rollup.keyColumns)
            selected.append(sourceExpression(column));
        const QString keys = selected.join(QStringLiteral(", "));
        auto summed = runQuery(db,
                               QStringLiteral("INSERT INTO %1 SELECT %2, %3 FROM metrics_daily "
                                              "WHERE day >= ? AND day <= ?%4 GROUP BY %2")
                                   .arg(rollup.table, keys, QLatin1String(kRollupSums), filter),
                               values);
        if (!summed)
            return fail(summed.error());
    }
    return {};
}

namespace {

/** Moves the account's last read day forward; a window answered late never moves it back. */
Status noteReadThrough(const QSqlDatabase &db, const QString &platform, const QString &accountId, const QDate &to)
{
    auto noted = runQuery(db,
                          QStringLiteral("INSERT INTO report_reads (platform, account_id, read_through) "
                                         "VALUES (?, ?, ?) ON CONFLICT (platform, account_id) DO UPDATE SET "
                                         "read_through = MAX(read_through, excluded.read_through)"),
                          {platform, accountId, isoDay(to)});
    return noted ? Status{} : fail(noted.error());
}

} // namespace

Result<int> replaceWindow(const QSqlDatabase &db, const ReportWindow &window, const QList<ReportRow> &rows,
                          const FxTable &rates, const QString &reportingCurrency)
{
    const QString platform = platformName(window.platform);
    if (window.campaignIds.isEmpty() || !window.from.isValid() || !window.to.isValid())
        return 0;

    // What the window held leaves the roll-ups; what the platform answers now enters them.
    RollupDeltas deltas;
    auto stored = storedRows(db, window);
    if (!stored)
        return fail(stored.error());
    for (const RolledRow &old : *stored)
        deltas.add(old, -1);

    if (auto removed = removeWindowRows(db, QStringLiteral("metrics_daily"), window); !removed)
        return fail(removed.error());

    // A row answered twice is written once (the later answer wins); days outside the window were
    // not asked for and are left out, so nothing outside it changes.
    QHash<QPair<QString, QDate>, ReportRow> answered;
    QList<QPair<QString, QDate>> order;
    for (const ReportRow &row : rows) {
        if (!window.campaignIds.contains(row.remoteCampaignId) || !row.day.isValid() || row.hour >= 0
            || row.day < window.from || row.day > window.to)
            continue;
        const QPair<QString, QDate> key{row.remoteCampaignId, row.day};
        if (!answered.contains(key))
            order.append(key);
        answered.insert(key, row);
    }

    RowWriter writer(db, rates, reportingCurrency);
    for (const auto &key : order) {
        const ReportRow &row = answered[key];
        const QString campaignId = window.campaignIds.value(row.remoteCampaignId);
        if (auto written = writer.write(platform, window.accountId, campaignId, row); !written)
            return fail(written.error());
        const auto spend = rates.convert(row.spendMicros, row.currency, reportingCurrency, row.day);
        const auto value = rates.convert(row.conversionValueMicros, row.currency, reportingCurrency, row.day);
        deltas.add(rolled(platform, campaignId, row, spend, value), +1);
    }
    if (auto applied = deltas.apply(db); !applied)
        return fail(applied.error());
    if (auto noted = noteReadThrough(db, platform, window.accountId, window.to); !noted)
        return fail(noted.error());
    return int(order.size());
}

Result<int> replaceHourlyWindow(const QSqlDatabase &db, const ReportWindow &window, const QList<ReportRow> &rows,
                                const FxTable &rates, const QString &reportingCurrency)
{
    if (!window.campaignIds.isEmpty()) {
        if (auto removed = removeWindowRows(db, QStringLiteral("metrics_hourly"), window); !removed)
            return fail(removed.error());
    }

    RowWriter writer(db, rates, reportingCurrency, true);
    int written = 0;
    for (const ReportRow &row : rows) {
        const QString campaignId = window.campaignIds.value(row.remoteCampaignId);
        if (campaignId.isEmpty() || !row.day.isValid() || row.hour < 0 || row.hour > 23)
            continue;
        if (auto stored = writer.write(platformName(window.platform), window.accountId, campaignId, row); !stored)
            return fail(stored.error());
        ++written;
    }
    return written;
}

Result<int> upsertDailyRows(const QSqlDatabase &db, Platform platform, const QString &accountId,
                            const QList<ReportRow> &rows, const QHash<QString, QString> &campaignIds)
{
    auto rates = FxTable::load(db);
    if (!rates)
        return fail(rates.error());
    auto reporting = fx_store::reportingCurrency(db);
    if (!reporting)
        return fail(reporting.error());

    // One single-day window per row: it replaces exactly that row and nothing beside it.
    int written = 0;
    for (const ReportRow &row : rows) {
        if (!campaignIds.contains(row.remoteCampaignId))
            continue;
        const ReportWindow window{platform, accountId, row.day, row.day,
                                  {{row.remoteCampaignId, campaignIds.value(row.remoteCampaignId)}}};
        auto stored = replaceWindow(db, window, {row}, *rates, *reporting);
        if (!stored)
            return fail(stored.error());
        written += *stored;
    }
    return written;
}

namespace {

/** Converts the rows of one metrics table dated fromDay or later into the reporting currency again. */
Result<int> reconvertTable(const QSqlDatabase &db, const QString &table, const FxTable &rates,
                           const QString &reportingCurrency, const QString &fromDay)
{
    const bool hourly = table == u"metrics_hourly";

    // Rows already in the reporting currency need no rate.
    auto same = runQuery(db,
                         QStringLiteral("UPDATE %1 SET spend_rpt_micros = spend_micros, "
                                        "conversion_value_rpt_micros = conversion_value_micros "
                                        "WHERE currency = ? AND day >= ?")
                             .arg(table),
                         {reportingCurrency, fromDay});
    if (!same)
        return fail(same.error());

    const QString key = hourly ? QStringLiteral("platform, account_id, remote_campaign_id, day, hour")
                               : QStringLiteral("platform, account_id, remote_campaign_id, day");
    auto rows = runQuery(db,
                         QStringLiteral("SELECT %1, currency, spend_micros, conversion_value_micros FROM %2 "
                                        "WHERE currency <> ? AND day >= ?")
                             .arg(key, table),
                         {reportingCurrency, fromDay});
    if (!rows)
        return fail(rows.error());
    const int keyColumns = hourly ? 5 : 4;
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE %1 SET spend_rpt_micros = ?, conversion_value_rpt_micros = ? "
                                  "WHERE platform = ? AND account_id = ? AND remote_campaign_id = ? AND day = ?%2")
                       .arg(table, hourly ? QStringLiteral(" AND hour = ?") : QString()));
    const QVariant nullMicros(QMetaType(QMetaType::LongLong));
    int converted = 0;
    while (rows->next()) {
        const QDate day = QDate::fromString(rows->value(3).toString(), Qt::ISODate);
        const QString currency = rows->value(keyColumns).toString();
        const auto spend = rates.convert(rows->value(keyColumns + 1).toLongLong(), currency, reportingCurrency, day);
        const auto value = rates.convert(rows->value(keyColumns + 2).toLongLong(), currency, reportingCurrency, day);
        update.bindValue(0, spend ? QVariant(*spend) : nullMicros);
        update.bindValue(1, value ? QVariant(*value) : nullMicros);
        for (int i = 0; i < keyColumns; ++i)
            update.bindValue(2 + i, rows->value(i));
        if (!update.exec())
            return fail(ErrorCode::Internal, update.lastError().text());
        ++converted;
    }
    return converted;
}

} // namespace

Status reconvert(const QSqlDatabase &db, const FxTable &rates, const QString &reportingCurrency, const QDate &from)
{
    const QString fromDay = from.isValid() ? isoDay(from) : QStringLiteral("0000-01-01");
    for (const QString &table : {QStringLiteral("metrics_daily"), QStringLiteral("metrics_hourly")}) {
        auto converted = reconvertTable(db, table, rates, reportingCurrency, fromDay);
        if (!converted)
            return fail(converted.error());
        qCInfo(lcAnalytics) << "converted" << *converted << table << "rows into" << reportingCurrency << "from"
                            << fromDay;
    }

    auto span = runQuery(db, QStringLiteral("SELECT MIN(day), MAX(day) FROM metrics_daily WHERE day >= ?"), {fromDay});
    if (!span)
        return fail(span.error());
    if (!span->next() || span->value(0).isNull())
        return {};
    return rebuildRollups(db, QDate::fromString(span->value(0).toString(), Qt::ISODate),
                          QDate::fromString(span->value(1).toString(), Qt::ISODate));
}

QDate reportDayOf(const QDateTime &instant, const QString &timeZone)
{
    const QTimeZone zone(timeZone.toLatin1());
    return zone.isValid() ? instant.toTimeZone(zone).date() : instant.toUTC().date();
}

QDate bucketStart(const QDate &day, const QString &granularity)
{
    if (granularity == u"week")
        return day.addDays(1 - day.dayOfWeek());
    if (granularity == u"month")
        return monthStart(day);
    return day;
}

namespace {

/** Where and when a campaign runs on one platform: its account's currency and zone, and its days. */
struct PlatformRun
{
    QString currency;
    QString timeZone;
    QDate firstDay;
    QDate lastDay; // invalid when open-ended
    // The report days of each stretch the platform was live; an invalid end is still live.
    QList<std::pair<QDate, QDate>> liveStretches;
    QDate readThrough; // the last day a sync has read for the account; invalid when never read

    /** Whether the platform was to deliver on a day: inside its days and a live stretch. */
    bool liveOn(const QDate &day) const
    {
        if (!firstDay.isValid() || day < firstDay || (lastDay.isValid() && day > lastDay))
            return false;
        for (const auto &[from, until] : liveStretches) {
            if (day >= from && (!until.isValid() || day <= until))
                return true;
        }
        return false;
    }
};

/** The report days of each live stretch in an account's zone; paused days fall between them. */
QList<std::pair<QDate, QDate>> liveDays(const QList<campaign_store::ActiveStretch> &stretches,
                                        const QString &timeZone)
{
    QList<std::pair<QDate, QDate>> days;
    for (const campaign_store::ActiveStretch &stretch : stretches) {
        if (stretch.until.isValid() && stretch.until <= stretch.from)
            continue;
        // A stretch ending at midnight leaves the day before as its last day.
        const QDate last = stretch.until.isValid() ? reportDayOf(stretch.until.addMSecs(-1), timeZone) : QDate();
        days.append({reportDayOf(stretch.from, timeZone), last});
    }
    return days;
}

QMap<Platform, PlatformRun> platformRuns(const QSqlDatabase &db, const Campaign &campaign)
{
    const QMap<Platform, QList<campaign_store::ActiveStretch>> activity =
        campaign_store::activity(db, campaign.id).value_or(QMap<Platform, QList<campaign_store::ActiveStretch>>());
    QMap<Platform, PlatformRun> runs;
    auto q = runQuery(db,
                      QStringLiteral("SELECT p.platform, a.currency, a.time_zone, p.remote_ids, r.read_through "
                                     "FROM platform_status p "
                                     "LEFT JOIN accounts a ON a.platform = p.platform AND a.account_id = p.account_id "
                                     "LEFT JOIN report_reads r ON r.platform = p.platform "
                                     "AND r.account_id = p.account_id "
                                     "WHERE p.campaign_id = ?"),
                      {campaign.id});
    while (q && q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform || !q->value(3).toString().contains(QLatin1String("\"campaign\"")))
            continue; // never launched there: nothing can be missing
        PlatformRun run{q->value(1).toString(), q->value(2).toString(), {}, {}, {}, {}};
        run.readThrough = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        if (campaign.spec.schedule.startAt.isValid())
            run.firstDay = reportDayOf(campaign.spec.schedule.startAt, run.timeZone);
        if (campaign.spec.schedule.endAt.isValid())
            run.lastDay = reportDayOf(campaign.spec.schedule.endAt.addMSecs(-1), run.timeZone);

        // A platform that runs the schedule on other days (Google's whole days) said which.
        const PlatformStatus status = campaign.platformStatus.value(*platform);
        if (status.deliveryFrom.isValid())
            run.firstDay = status.deliveryFrom;
        if (status.deliveryUntil.isValid())
            run.lastDay = status.deliveryUntil;
        run.liveStretches = liveDays(activity.value(*platform), run.timeZone);
        runs.insert(*platform, run);
    }
    return runs;
}

/** The currency a campaign's figures default to: its accounts' if they agree, else its budget's. */
QString defaultCurrency(const Campaign &campaign, const QMap<Platform, PlatformRun> &runs)
{
    QSet<QString> currencies;
    for (const PlatformRun &run : runs) {
        if (!run.currency.isEmpty())
            currencies.insert(run.currency);
    }
    return currencies.size() == 1 ? *currencies.begin() : campaign.spec.budget.amount.currency;
}

} // namespace

/** A campaign's hourly series: the hours each platform reported, converted at each day's rate. */
Result<CampaignMetrics> campaignHours(const QSqlDatabase &db, CampaignMetrics metrics, const CampaignMetricsView &view,
                                      const FxTable &rates)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, day, hour, currency, impressions, clicks, spend_micros, "
                                     "conversions_micros, conversion_value_micros FROM metrics_hourly "
                                     "WHERE campaign_id = ? AND day >= ? AND day <= ? ORDER BY day, hour, platform"),
                      {metrics.campaignId, isoDay(metrics.from), isoDay(metrics.to)});
    if (!q)
        return fail(q.error());
    QMap<std::pair<QDate, int>, DailyMetrics> together;
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        const QDate day = QDate::fromString(q->value(1).toString(), Qt::ISODate);
        const QString currency = q->value(3).toString();
        const auto spend = rates.convert(q->value(6).toLongLong(), currency, metrics.currency, day);
        const auto value = rates.convert(q->value(8).toLongLong(), currency, metrics.currency, day);
        if (!platform)
            continue;
        if (!spend || !value) {
            return fail(Error::invalid({{QStringLiteral("currency"),
                                         QStringLiteral("no %1 to %2 exchange rate on or before %3")
                                             .arg(currency, metrics.currency, isoDay(day))}},
                                       QStringLiteral("An exchange rate is missing.")));
        }
        DailyMetrics hour;
        hour.date = day;
        hour.hour = q->value(2).toInt();
        hour.totals = {q->value(4).toLongLong(), q->value(5).toLongLong(), *spend, q->value(7).toLongLong(), *value};
        const QDate settling = view.settlingFrom.value(*platform);
        hour.settling = settling.isValid() && day >= settling;
        metrics.settlingFrom.insert(*platform, settling);
        metrics.platformDaily[*platform].append(hour);
        metrics.platforms[*platform] += hour.totals;
        metrics.totals += hour.totals;
        DailyMetrics &all = together[{day, hour.hour}];
        all.date = day;
        all.hour = hour.hour;
        all.totals += hour.totals;
        all.settling = all.settling || hour.settling;
    }
    metrics.daily = together.values();
    return metrics;
}

Result<CampaignMetrics> campaignMetrics(const QSqlDatabase &db, const Campaign &campaign, const QDate &from,
                                        const QDate &to, const CampaignMetricsView &view, const FxTable &rates)
{
    const QMap<Platform, PlatformRun> runs = platformRuns(db, campaign);
    CampaignMetrics metrics;
    metrics.campaignId = campaign.id;
    metrics.currency = view.currency.isEmpty() ? defaultCurrency(campaign, runs) : view.currency;
    metrics.granularity = view.granularity;
    metrics.from = from;
    metrics.to = to;
    if (view.granularity == u"hour")
        return campaignHours(db, metrics, view, rates);

    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, day, currency, impressions, clicks, spend_micros, "
                                     "conversions_micros, conversion_value_micros FROM metrics_daily "
                                     "WHERE campaign_id = ? AND day >= ? AND day <= ? ORDER BY day, platform"),
                      {campaign.id, isoDay(from), isoDay(to)});
    if (!q)
        return fail(q.error());

    QMap<Platform, QMap<QDate, MetricsTotals>> reported;
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform)
            continue;
        const QDate day = QDate::fromString(q->value(1).toString(), Qt::ISODate);
        const QString currency = q->value(2).toString();
        const auto spend = rates.convert(q->value(5).toLongLong(), currency, metrics.currency, day);
        const auto value = rates.convert(q->value(7).toLongLong(), currency, metrics.currency, day);
        if (!spend || !value) {
            return fail(Error::invalid({{QStringLiteral("currency"),
                                         QStringLiteral("no %1 to %2 exchange rate on or before %3")
                                             .arg(currency, metrics.currency, isoDay(day))}},
                                       QStringLiteral("An exchange rate is missing.")));
        }
        MetricsTotals totals{q->value(3).toLongLong(), q->value(4).toLongLong(), *spend,
                             q->value(6).toLongLong(), *value};
        reported[*platform][day] += totals;
    }

    // Platforms it was launched on, and any that reported rows for it.
    QMap<Platform, PlatformRun> platforms = runs;
    for (auto it = reported.begin(); it != reported.end(); ++it) {
        if (!platforms.contains(it.key()))
            platforms.insert(it.key(), PlatformRun{});
    }

    QMap<QDate, DailyMetrics> together;
    for (auto run = platforms.begin(); run != platforms.end(); ++run) {
        const Platform platform = run.key();
        const QDate today = view.now.isValid() && !run->timeZone.isEmpty() ? reportDayOf(view.now, run->timeZone)
                                                                           : view.today.value(platform, to);
        const QDate settling = view.settlingFrom.value(platform);
        const bool omitsZeroDays = view.omitsZeroDays.value(platform, false);
        metrics.settlingFrom.insert(platform, settling);
        metrics.platforms.insert(platform, {});

        // Every day of the range, reported or not, decides its bucket; an unreported day of a live
        // campaign is a zero day only when a sync asked for it and the platform leaves such days
        // out, and missing data otherwise.
        QMap<QDate, DailyMetrics> buckets;
        const QMap<QDate, MetricsTotals> days = reported.value(platform);
        for (QDate day = from; day.isValid() && day <= to; day = day.addDays(1)) {
            const bool live = run->liveOn(day) && day <= today;
            const bool has = days.contains(day);
            const bool read = run->readThrough.isValid() && day <= run->readThrough;
            if (!has && !live)
                continue;
            if (!has && !(omitsZeroDays && read)) {
                metrics.missingDays[platform].append(day);
                continue;
            }
            DailyMetrics &bucket = buckets[bucketStart(day, view.granularity)];
            bucket.date = bucketStart(day, view.granularity);
            bucket.totals += days.value(day);
            bucket.settling = bucket.settling || (settling.isValid() && day >= settling);
            bucket.zeroFilled = !has && view.granularity == u"day";
            DailyMetrics &all = together[bucket.date];
            all.date = bucket.date;
            all.totals += days.value(day);
            all.settling = all.settling || bucket.settling;
        }
        for (const DailyMetrics &bucket : buckets) {
            metrics.platformDaily[platform].append(bucket);
            metrics.platforms[platform] += bucket.totals;
            metrics.totals += bucket.totals;
        }
    }
    metrics.daily = together.values();
    return metrics;
}

} // namespace ads::core::metrics_store
