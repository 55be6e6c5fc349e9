#include "core/services/AnalyticsService.h"

#include "core/domain/Money.h"
#include "core/services/ExchangeRates.h"
#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace ads::core {

namespace {

/** A WHERE clause and its bound values, built from a query and a day range. */
struct Filter
{
    QString sql;
    QVariantList values;
};

QString isoDay(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

Filter filterFor(const AnalyticsQuery &query, const QString &dayColumn, const QDate &from, const QDate &to,
                 bool withCampaigns = true)
{
    Filter filter{QStringLiteral("%1 >= ? AND %1 <= ?").arg(dayColumn), {isoDay(from), isoDay(to)}};
    if (!query.platforms.isEmpty()) {
        // Written as an expression so the planner reads by day (or campaign) through a covering index
        // and filters platforms on the way, instead of walking a platform's whole history through the
        // primary key, whose first column is the platform.
        filter.sql += QStringLiteral(" AND platform || '' IN (%1)").arg(sqlPlaceholders(query.platforms.size()));
        for (Platform platform : query.platforms)
            filter.values.append(platformName(platform));
    }
    if (withCampaigns && !query.campaignIds.isEmpty()) {
        filter.sql += QStringLiteral(" AND campaign_id IN (%1)").arg(sqlPlaceholders(query.campaignIds.size()));
        for (const QString &id : query.campaignIds)
            filter.values.append(id);
    }
    return filter;
}

// The summed columns of both metrics_daily and the roll-ups, in the reporting currency; the last
// counts rows that no exchange rate reached.
constexpr auto kRawSums = "SUM(impressions), SUM(clicks), SUM(COALESCE(spend_rpt_micros, 0)), "
                          "SUM(conversions_micros), SUM(COALESCE(conversion_value_rpt_micros, 0)), "
                          "SUM(CASE WHEN spend_rpt_micros IS NULL OR conversion_value_rpt_micros IS NULL "
                          "THEN 1 ELSE 0 END)";
constexpr auto kRollupSums = "SUM(impressions), SUM(clicks), SUM(spend_rpt_micros), SUM(conversions_micros), "
                             "SUM(conversion_value_rpt_micros), SUM(unconverted_rows)";

MetricsTotals totalsAt(const QSqlQuery &q, int first)
{
    MetricsTotals totals;
    totals.impressions = q.value(first).toLongLong();
    totals.clicks = q.value(first + 1).toLongLong();
    totals.spendMicros = q.value(first + 2).toLongLong();
    totals.conversionsMicros = q.value(first + 3).toLongLong();
    totals.conversionValueMicros = q.value(first + 4).toLongLong();
    return totals;
}

/** One platform's delivery on one day, in the reporting currency. */
struct PlatformDay
{
    Platform platform;
    QDate day;
    MetricsTotals totals;
};

/** What an answer is built from: the reporting currency, the rates, and the target currency. */
struct Conversion
{
    QString reporting;
    QString target;
    FxTable rates;

    bool converts() const { return target != reporting; }

    /**
     * The reporting-currency amounts of one day in the target currency. Known shortcoming: each
     * route converts the sums of its own grain (the overview and trends a platform's day, the
     * performance page and the campaign comparison a campaign's platform day), so in a currency
     * other than the reporting one their totals may differ by a few micros of rounding. In the
     * reporting currency every row was converted on its own at ingest, and totals agree exactly.
     */
    std::optional<MetricsTotals> onDay(MetricsTotals totals, const QDate &day) const
    {
        if (!converts())
            return totals;
        const auto spend = rates.convert(totals.spendMicros, reporting, target, day);
        const auto value = rates.convert(totals.conversionValueMicros, reporting, target, day);
        if (!spend || !value)
            return std::nullopt;
        totals.spendMicros = *spend;
        totals.conversionValueMicros = *value;
        return totals;
    }
};

Error missingRate(const QString &currency, const QString &target, const QDate &day)
{
    return Error::invalid({{QStringLiteral("currency"),
                            QStringLiteral("no %1 to %2 exchange rate on or before %3; add one under exchange rates")
                                .arg(currency, target, isoDay(day))}},
                          QStringLiteral("An exchange rate is missing."));
}

/** The error for a selection that holds rows no rate reached, naming the first such row. */
Error unconvertedRows(const QSqlDatabase &db, const Filter &rawFilter, const QString &reporting)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT currency, MIN(day) FROM metrics_daily WHERE %1 AND "
                                     "(spend_rpt_micros IS NULL OR conversion_value_rpt_micros IS NULL) "
                                     "GROUP BY currency ORDER BY 2 LIMIT 1")
                          .arg(rawFilter.sql),
                      rawFilter.values);
    if (q && q->next())
        return missingRate(q->value(0).toString(), reporting, QDate::fromString(q->value(1).toString(), Qt::ISODate));
    return missingRate(QStringLiteral("?"), reporting, {});
}

/**
 * Refuses a question no answer can be right for: a range that is not one, a range too long to be
 * read quickly or to have a previous period of the same length, or more campaigns than a page holds.
 */
Status checkQuery(const AnalyticsQuery &query)
{
    static const QDate earliest(1970, 1, 1);
    if (!query.from.isValid() || !query.to.isValid() || query.from > query.to)
        return fail(Error::invalid({{QStringLiteral("from"), QStringLiteral("must be a day on or before 'to'")}}));
    if (query.from < earliest)
        return fail(Error::invalid({{QStringLiteral("from"), QStringLiteral("must be 1970-01-01 or later")}}));
    if (query.from.daysTo(query.to) >= kMaxAnalyticsRangeDays)
        return fail(Error::invalid({{QStringLiteral("to"), QStringLiteral("the range may span at most %1 days")
                                                               .arg(kMaxAnalyticsRangeDays)}}));
    if (query.campaignIds.size() > kMaxAnalyticsCampaignIds)
        return fail(Error::invalid({{QStringLiteral("campaignIds"), QStringLiteral("at most %1 campaigns at once")
                                                                        .arg(kMaxAnalyticsCampaignIds)}}));
    return {};
}

Result<Conversion> moneyFor(const QSqlDatabase &db, const AnalyticsQuery &query)
{
    if (auto checked = checkQuery(query); !checked)
        return fail(checked.error());
    auto reporting = fx_store::reportingCurrency(db);
    if (!reporting)
        return fail(reporting.error());
    Conversion money{*reporting, query.currency.isEmpty() ? *reporting : query.currency, {}};
    if (!money::isKnownCurrency(money.target))
        return fail(Error::invalid({{QStringLiteral("currency"), QStringLiteral("not an ISO 4217 code")}}));
    if (money.converts()) {
        auto rates = FxTable::load(db);
        if (!rates)
            return fail(rates.error());
        money.rates = std::move(*rates);
    }
    return money;
}

/**
 * Delivery per platform and day for from..to, in the target currency: from the platform roll-up,
 * or from the raw rows of the asked campaigns.
 */
Result<QList<PlatformDay>> platformDays(const QSqlDatabase &db, const AnalyticsQuery &query, const Conversion &money,
                                        const QDate &from, const QDate &to)
{
    const bool raw = !query.campaignIds.isEmpty();
    const Filter filter = filterFor(query, QStringLiteral("day"), from, to, raw);
    const QString sql = QStringLiteral("SELECT platform, day, %1 FROM %2 WHERE %3 GROUP BY platform, day "
                                       "ORDER BY day, platform")
                            .arg(QLatin1String(raw ? kRawSums : kRollupSums),
                                 raw ? QStringLiteral("metrics_daily") : QStringLiteral("rollup_platform_day"),
                                 filter.sql);
    auto q = runQuery(db, sql, filter.values);
    if (!q)
        return fail(q.error());

    QList<PlatformDay> days;
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        const QDate day = QDate::fromString(q->value(1).toString(), Qt::ISODate);
        if (!platform)
            continue;
        if (q->value(7).toLongLong() > 0)
            return fail(unconvertedRows(db, filterFor(query, QStringLiteral("day"), from, to), money.reporting));
        const auto totals = money.onDay(totalsAt(*q, 2), day);
        if (!totals)
            return fail(missingRate(money.reporting, money.target, day));
        days.append({*platform, day, *totals});
    }
    return days;
}

/** Each campaign's delivery over from..to, in total and per platform. */
using CampaignSums = QHash<QString, QMap<Platform, MetricsTotals>>;

void addSum(CampaignSums &sums, const QSqlQuery &q)
{
    const auto platform = platformFromName(q.value(1).toString());
    if (platform)
        sums[q.value(0).toString()][*platform] += totalsAt(q, 2);
}

/** A day range cut into whole calendar months and the loose days before and after them. */
struct RangeParts
{
    std::optional<std::pair<QDate, QDate>> months; // first days of the first and last whole month
    QList<std::pair<QDate, QDate>> days;
};

RangeParts cutIntoMonths(const QDate &from, const QDate &to)
{
    QDate firstMonth = QDate(from.year(), from.month(), 1);
    if (firstMonth < from)
        firstMonth = firstMonth.addMonths(1);
    const QDate afterTo = to.addDays(1);
    const QDate lastMonthEnd = QDate(afterTo.year(), afterTo.month(), 1).addDays(-1);

    RangeParts parts;
    if (firstMonth > lastMonthEnd) {
        parts.days.append({from, to});
        return parts;
    }
    parts.months = std::pair{firstMonth, QDate(lastMonthEnd.year(), lastMonthEnd.month(), 1)};
    if (from < firstMonth)
        parts.days.append({from, firstMonth.addDays(-1)});
    if (lastMonthEnd < to)
        parts.days.append({lastMonthEnd.addDays(1), to});
    return parts;
}

/**
 * Sums grouped by groupColumns over a range cut into months: whole months from monthTable, the
 * loose days from dayTable. Each result row goes to take(query) with the sums from column
 * groupColumns.size() on.
 */
Status sumOverParts(const QSqlDatabase &db, const AnalyticsQuery &query, const Conversion &money,
                    const QString &monthTable, const QString &dayTable, const QString &groupColumns,
                    const std::function<void(const QSqlQuery &)> &take)
{
    const RangeParts parts = cutIntoMonths(query.from, query.to);
    QList<std::tuple<QString, QString, QDate, QDate>> reads;
    if (parts.months)
        reads.append({monthTable, QStringLiteral("month"), parts.months->first, parts.months->second});
    for (const auto &[from, to] : parts.days)
        reads.append({dayTable, QStringLiteral("day"), from, to});

    const int firstSum = int(groupColumns.count(u',')) + 1;
    for (const auto &[table, dayColumn, from, to] : reads) {
        const bool raw = table == u"metrics_daily";
        const Filter filter = filterFor(query, dayColumn, from, to);
        const QString sql = QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 GROUP BY %1")
                                .arg(groupColumns, QLatin1String(raw ? kRawSums : kRollupSums), table, filter.sql);
        auto q = runQuery(db, sql, filter.values);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            if (q->value(firstSum + 5).toLongLong() > 0)
                return fail(unconvertedRows(db, filterFor(query, QStringLiteral("day"), query.from, query.to),
                                            money.reporting));
            take(*q);
        }
    }
    return {};
}

/** Campaign sums per platform in the reporting currency, from the monthly roll-up and raw edge days. */
Result<CampaignSums> campaignSumsFromRollups(const QSqlDatabase &db, const AnalyticsQuery &query,
                                             const Conversion &money)
{
    CampaignSums sums;
    const Status summed = sumOverParts(db, query, money, QStringLiteral("rollup_campaign_platform_month"),
                                       QStringLiteral("metrics_daily"), QStringLiteral("campaign_id, platform"),
                                       [&](const QSqlQuery &q) { addSum(sums, q); });
    if (!summed)
        return fail(summed.error());
    return sums;
}

/**
 * Each campaign's total over every platform, from the campaign roll-ups alone (months and days);
 * for queries without a platform filter.
 */
Result<QHash<QString, MetricsTotals>> campaignTotalsFromRollups(const QSqlDatabase &db,
                                                                 const AnalyticsQuery &query,
                                                                 const Conversion &money)
{
    QHash<QString, MetricsTotals> totals;
    const Status summed = sumOverParts(db, query, money, QStringLiteral("rollup_campaign_month"),
                                       QStringLiteral("rollup_campaign_day"), QStringLiteral("campaign_id"),
                                       [&](const QSqlQuery &q) { totals[q.value(0).toString()] += totalsAt(q, 1); });
    if (!summed)
        return fail(summed.error());
    return totals;
}

/** Campaign sums in another currency than the reporting one: day by day, at each day's rate. */
Result<CampaignSums> campaignSumsConverted(const QSqlDatabase &db, const AnalyticsQuery &query, const Conversion &money)
{
    const Filter filter = filterFor(query, QStringLiteral("day"), query.from, query.to);
    auto q = runQuery(db,
                      QStringLiteral("SELECT campaign_id, platform, %1, day FROM metrics_daily WHERE %2 "
                                     "GROUP BY campaign_id, platform, day")
                          .arg(QLatin1String(kRawSums), filter.sql),
                      filter.values);
    if (!q)
        return fail(q.error());
    CampaignSums sums;
    while (q->next()) {
        const QDate day = QDate::fromString(q->value(8).toString(), Qt::ISODate);
        if (q->value(7).toLongLong() > 0)
            return fail(unconvertedRows(db, filter, money.reporting));
        const auto platform = platformFromName(q->value(1).toString());
        const auto totals = money.onDay(totalsAt(*q, 2), day);
        if (!totals)
            return fail(missingRate(money.reporting, money.target, day));
        if (platform)
            sums[q->value(0).toString()][*platform] += *totals;
    }
    return sums;
}

Result<CampaignSums> campaignSums(const QSqlDatabase &db, const AnalyticsQuery &query, const Conversion &money)
{
    return money.converts() ? campaignSumsConverted(db, query, money) : campaignSumsFromRollups(db, query, money);
}

MetricsTotals total(const QMap<Platform, MetricsTotals> &platforms)
{
    MetricsTotals sum;
    for (const MetricsTotals &totals : platforms)
        sum += totals;
    return sum;
}

/** A metric's value for ordering; nullopt where its denominator is zero. */
std::optional<double> metricValue(const MetricsTotals &t, const QString &metric)
{
    const auto ratio = [](double numerator, double denominator) -> std::optional<double> {
        return denominator == 0 ? std::nullopt : std::optional<double>(numerator / denominator);
    };
    if (metric == u"impressions")
        return double(t.impressions);
    if (metric == u"clicks")
        return double(t.clicks);
    if (metric == u"spend")
        return double(t.spendMicros);
    if (metric == u"conversions")
        return double(t.conversionsMicros);
    if (metric == u"conversionValue")
        return double(t.conversionValueMicros);
    if (metric == u"ctr")
        return ratio(double(t.clicks), double(t.impressions));
    if (metric == u"cpc")
        return ratio(double(t.spendMicros), double(t.clicks));
    if (metric == u"cpm")
        return ratio(1000.0 * double(t.spendMicros), double(t.impressions));
    if (metric == u"cpa")
        return ratio(double(t.spendMicros), double(t.conversionsMicros));
    if (metric == u"roas")
        return ratio(double(t.conversionValueMicros), double(t.spendMicros));
    return std::nullopt;
}

const QStringList kSortableMetrics = {QStringLiteral("impressions"), QStringLiteral("clicks"),
                                      QStringLiteral("spend"), QStringLiteral("conversions"),
                                      QStringLiteral("conversionValue"), QStringLiteral("ctr"),
                                      QStringLiteral("cpc"), QStringLiteral("cpm"),
                                      QStringLiteral("cpa"), QStringLiteral("roas")};

QString periodKey(const QDate &from, const QDate &to)
{
    return isoDay(from) + u'/' + isoDay(to);
}

QJsonValue relativeChange(const QJsonValue &current, const QJsonValue &previous)
{
    if (!current.isDouble() || !previous.isDouble() || previous.toDouble() == 0)
        return QJsonValue(QJsonValue::Null);
    return (current.toDouble() - previous.toDouble()) / previous.toDouble();
}

QJsonValue currencyJson(const QString &currency)
{
    return currency.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(currency);
}

QDate bucketOf(const QDate &day, Granularity granularity)
{
    switch (granularity) {
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek()); // ISO weeks start on Monday
    case Granularity::Month:
        return QDate(day.year(), day.month(), 1);
    case Granularity::Hour:
    case Granularity::Day:
        break;
    }
    return day;
}

/** The name a deleted campaign had, from the record kept of its last change; empty if none. */
QString nameBeforeDeletion(const QSqlDatabase &db, const QString &campaignId)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT before_json, after_json FROM change_history WHERE record_type = "
                                     "'campaign' AND record_id = ? ORDER BY changed_at DESC LIMIT 1"),
                      {campaignId});
    if (!q || !q->next())
        return {};
    for (int column : {1, 0}) {
        const QJsonObject state = QJsonDocument::fromJson(q->value(column).toString().toUtf8()).object();
        if (state.contains(QLatin1String("name")))
            return state.value(QLatin1String("name")).toString();
    }
    return {};
}

/**
 * Fills in the names of a page's campaigns with one query. A deleted campaign's figures stay, so
 * it keeps the name it had when it was deleted.
 */
Status nameCampaigns(const QSqlDatabase &db, QList<CampaignPerformance> &items)
{
    if (items.isEmpty())
        return {};
    QVariantList ids;
    for (const CampaignPerformance &item : items)
        ids.append(item.campaignId);
    auto q = runQuery(db, QStringLiteral("SELECT id, name FROM campaigns WHERE id IN (%1)")
                              .arg(sqlPlaceholders(ids.size())), ids);
    if (!q)
        return fail(q.error());
    QHash<QString, QString> names;
    while (q->next())
        names.insert(q->value(0).toString(), q->value(1).toString());
    for (CampaignPerformance &item : items) {
        const auto found = names.constFind(item.campaignId);
        item.name = found != names.constEnd() ? *found : nameBeforeDeletion(db, item.campaignId);
    }
    return {};
}

} // namespace

std::optional<Granularity> granularityFromName(QStringView name)
{
    for (Granularity g : {Granularity::Hour, Granularity::Day, Granularity::Week, Granularity::Month}) {
        if (name == granularityName(g))
            return g;
    }
    return std::nullopt;
}

QString granularityName(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Hour:
        return QStringLiteral("hour");
    case Granularity::Day:
        return QStringLiteral("day");
    case Granularity::Week:
        return QStringLiteral("week");
    case Granularity::Month:
        return QStringLiteral("month");
    }
    return {};
}

bool isSortableMetric(const QString &metric)
{
    return kSortableMetrics.contains(metric);
}

std::optional<ComparisonDimension> comparisonDimensionFromName(QStringView name)
{
    if (name == u"platform")
        return ComparisonDimension::Platform;
    if (name == u"campaign")
        return ComparisonDimension::Campaign;
    if (name == u"period")
        return ComparisonDimension::Period;
    return std::nullopt;
}

AnalyticsService::AnalyticsService(Database *database, SettlingSource settling)
    : m_database(database)
    , m_settling(std::move(settling))
{
}

Result<AnalyticsOverview> AnalyticsService::overview(const AnalyticsQuery &query) const
{
    AnalyticsOverview result;
    result.from = query.from;
    result.to = query.to;
    result.previousTo = query.from.addDays(-1);
    result.previousFrom = result.previousTo.addDays(-query.from.daysTo(query.to));
    result.settlingFrom = m_settling ? m_settling() : QMap<Platform, QDate>();

    const QSqlDatabase db = m_database->connection();
    auto money = moneyFor(db, query);
    if (!money)
        return fail(money.error());
    result.currency = money->target;

    if (!money->converts() && !query.campaignIds.isEmpty()) {
        // A campaign filter over a long range: whole months from the campaign roll-up.
        for (const bool current : {true, false}) {
            AnalyticsQuery range = query;
            range.from = current ? query.from : result.previousFrom;
            range.to = current ? query.to : result.previousTo;
            const Status summed = sumOverParts(
                db, range, *money, QStringLiteral("rollup_campaign_platform_month"), QStringLiteral("metrics_daily"),
                QStringLiteral("platform"), [&](const QSqlQuery &q) {
                    const auto platform = platformFromName(q.value(0).toString());
                    if (!platform)
                        return;
                    const MetricsTotals totals = totalsAt(q, 1);
                    if (!current) {
                        result.previous += totals;
                        return;
                    }
                    result.platforms[*platform] += totals;
                    result.totals += totals;
                });
            if (!summed)
                return fail(summed.error());
        }
        return result;
    }

    auto days = platformDays(db, query, *money, result.previousFrom, query.to);
    if (!days)
        return fail(days.error());
    for (const PlatformDay &day : *days) {
        if (day.day < query.from) {
            result.previous += day.totals;
            continue;
        }
        result.platforms[day.platform] += day.totals;
        result.totals += day.totals;
    }
    return result;
}

/** Trend points hour by hour, from the hourly rows; hours a platform did not report are absent. */
static Result<QMap<Platform, QList<TrendPoint>>> hourlyTrends(const QSqlDatabase &db, const AnalyticsQuery &query,
                                                       const Conversion &money,
                                                       const QMap<Platform, QDate> &settling)
{
    if (query.from.daysTo(query.to) >= kMaxHourlyRangeDays)
        return fail(Error::invalid({{QStringLiteral("granularity"),
                                     QStringLiteral("hourly figures span at most %1 days").arg(kMaxHourlyRangeDays)}}));
    const Filter filter = filterFor(query, QStringLiteral("day"), query.from, query.to);
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, day, %1, hour FROM metrics_hourly WHERE %2 "
                                     "GROUP BY platform, day, hour ORDER BY day, hour, platform")
                          .arg(QLatin1String(kRawSums), filter.sql),
                      filter.values);
    if (!q)
        return fail(q.error());
    QMap<Platform, QList<TrendPoint>> series;
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        const QDate day = QDate::fromString(q->value(1).toString(), Qt::ISODate);
        if (!platform)
            continue;
        if (q->value(7).toLongLong() > 0) {
            auto currency = runQuery(db, QStringLiteral("SELECT currency FROM metrics_hourly WHERE day = ? AND "
                                                        "spend_rpt_micros IS NULL LIMIT 1"),
                                     {isoDay(day)});
            const bool named = currency && currency->next();
            return fail(missingRate(named ? currency->value(0).toString() : QString(), money.reporting, day));
        }
        const auto totals = money.onDay(totalsAt(*q, 2), day);
        if (!totals)
            return fail(missingRate(money.reporting, money.target, day));
        TrendPoint point;
        point.date = day;
        point.hour = q->value(8).toInt();
        point.totals = *totals;
        point.settling = settling.value(*platform).isValid() && day >= settling.value(*platform);
        series[*platform].append(point);
    }
    return series;
}

Result<AnalyticsTrends> AnalyticsService::trends(const AnalyticsQuery &query, Granularity granularity) const
{
    AnalyticsTrends result;
    result.granularity = granularity;

    const QSqlDatabase db = m_database->connection();
    auto money = moneyFor(db, query);
    if (!money)
        return fail(money.error());
    result.currency = money->target;
    auto days = platformDays(db, query, *money, query.from, query.to);
    if (!days)
        return fail(days.error());

    const QMap<Platform, QDate> settling = m_settling ? m_settling() : QMap<Platform, QDate>();
    if (granularity == Granularity::Hour) {
        auto hours = hourlyTrends(db, query, *money, settling);
        if (!hours)
            return fail(hours.error());
        result.series = *hours;
        return result;
    }

    QMap<Platform, QMap<QDate, TrendPoint>> buckets;
    for (const PlatformDay &day : *days) {
        const QDate start = bucketOf(day.day, granularity);
        TrendPoint &point = buckets[day.platform][start];
        point.date = start;
        point.totals += day.totals;
        const QDate settlingFrom = settling.value(day.platform);
        point.settling = point.settling || (settlingFrom.isValid() && day.day >= settlingFrom);
    }
    for (auto it = buckets.begin(); it != buckets.end(); ++it)
        result.series.insert(it.key(), it.value().values());
    return result;
}

Result<PerformancePage> AnalyticsService::performance(const AnalyticsQuery &query,
                                                      const PerformanceOrder &order) const
{
    if (!isSortableMetric(order.metric))
        return fail(Error::invalid({{QStringLiteral("sort"), QStringLiteral("unknown metric")}}));

    const QSqlDatabase db = m_database->connection();
    auto money = moneyFor(db, query);
    if (!money)
        return fail(money.error());
    // Campaign totals rank the campaigns; only the page's campaigns are split by platform.
    QHash<QString, MetricsTotals> totals;
    std::optional<CampaignSums> sums;
    if (!money->converts() && query.platforms.isEmpty()) {
        auto fromRollups = campaignTotalsFromRollups(db, query, *money);
        if (!fromRollups)
            return fail(fromRollups.error());
        totals = std::move(*fromRollups);
    } else {
        auto all = campaignSums(db, query, *money);
        if (!all)
            return fail(all.error());
        for (auto it = all->begin(); it != all->end(); ++it)
            totals.insert(it.key(), total(it.value()));
        sums = std::move(*all);
    }

    // Campaigns without a ratio (a zero denominator) go last in either order; ties fall back to
    // the campaign id so pages never overlap.
    struct Ranked
    {
        QString campaignId;
        std::optional<double> value;
    };
    QList<Ranked> ranked;
    ranked.reserve(totals.size());
    for (auto it = totals.begin(); it != totals.end(); ++it)
        ranked.append({it.key(), metricValue(it.value(), order.metric)});
    std::sort(ranked.begin(), ranked.end(), [&](const Ranked &a, const Ranked &b) {
        if (a.value.has_value() != b.value.has_value())
            return a.value.has_value();
        if (a.value && *a.value != *b.value)
            return order.descending ? *a.value > *b.value : *a.value < *b.value;
        return a.campaignId < b.campaignId;
    });

    PerformancePage page;
    page.currency = money->target;
    const qsizetype end = std::min<qsizetype>(ranked.size(), order.offset + order.limit);
    AnalyticsQuery onPage = query;
    onPage.campaignIds.clear();
    for (qsizetype i = order.offset; i < end; ++i)
        onPage.campaignIds.append(ranked[i].campaignId);
    if (!sums && !onPage.campaignIds.isEmpty()) {
        auto split = campaignSumsFromRollups(db, onPage, *money);
        if (!split)
            return fail(split.error());
        sums = std::move(*split);
    }
    for (const QString &id : onPage.campaignIds)
        page.items.append({id, {}, totals.value(id), sums ? sums->value(id) : QMap<Platform, MetricsTotals>()});
    page.hasMore = ranked.size() > end;
    if (auto named = nameCampaigns(db, page.items); !named)
        return fail(named.error());
    return page;
}

Result<Comparison> AnalyticsService::comparison(const AnalyticsQuery &query, ComparisonDimension dimension) const
{
    Comparison result;
    if (dimension == ComparisonDimension::Period) {
        auto overview = this->overview(query);
        if (!overview)
            return fail(overview.error());
        result.currency = overview->currency;
        result.items = {{periodKey(overview->from, overview->to), overview->totals},
                        {periodKey(overview->previousFrom, overview->previousTo), overview->previous}};
        return result;
    }

    if (dimension == ComparisonDimension::Platform) {
        auto overview = this->overview(query);
        if (!overview)
            return fail(overview.error());
        result.currency = overview->currency;
        for (auto it = overview->platforms.begin(); it != overview->platforms.end(); ++it)
            result.items.append({platformName(it.key()), it.value()});
        std::sort(result.items.begin(), result.items.end(),
                  [](const ComparisonItem &a, const ComparisonItem &b) { return a.key < b.key; });
        return result;
    }

    const QSqlDatabase db = m_database->connection();
    auto money = moneyFor(db, query);
    if (!money)
        return fail(money.error());
    result.currency = money->target;
    if (!money->converts() && query.platforms.isEmpty()) {
        auto totals = campaignTotalsFromRollups(db, query, *money);
        if (!totals)
            return fail(totals.error());
        for (auto it = totals->begin(); it != totals->end(); ++it)
            result.items.append({it.key(), it.value()});
    } else {
        auto sums = campaignSums(db, query, *money);
        if (!sums)
            return fail(sums.error());
        for (auto it = sums->begin(); it != sums->end(); ++it)
            result.items.append({it.key(), total(it.value())});
    }
    std::sort(result.items.begin(), result.items.end(),
              [](const ComparisonItem &a, const ComparisonItem &b) { return a.key < b.key; });
    return result;
}

QJsonObject overviewToJson(const AnalyticsOverview &overview)
{
    const QJsonObject totals = metricsToJson(overview.totals);
    const QJsonObject previousTotals = metricsToJson(overview.previous);
    QJsonObject platforms;
    for (auto it = overview.platforms.begin(); it != overview.platforms.end(); ++it)
        platforms.insert(platformName(it.key()), metricsToJson(it.value()));
    QJsonObject change;
    for (auto it = totals.begin(); it != totals.end(); ++it)
        change.insert(it.key(), relativeChange(it.value(), previousTotals.value(it.key())));

    const QJsonObject previous{
        {"from", overview.previousFrom.toString(Qt::ISODate)},
        {"to", overview.previousTo.toString(Qt::ISODate)},
        {"totals", previousTotals}};
    QJsonObject settling;
    for (auto it = overview.settlingFrom.begin(); it != overview.settlingFrom.end(); ++it) {
        if (it.value().isValid())
            settling.insert(platformName(it.key()), it.value().toString(Qt::ISODate));
    }
    return {{"currency", currencyJson(overview.currency)},
            {"settlingFrom", settling},
            {"from", overview.from.toString(Qt::ISODate)},
            {"to", overview.to.toString(Qt::ISODate)},
            {"totals", totals},
            {"platforms", platforms},
            {"previous", previous},
            {"change", change}};
}

QJsonObject trendsToJson(const AnalyticsTrends &trends)
{
    QJsonArray series;
    for (auto it = trends.series.begin(); it != trends.series.end(); ++it) {
        QJsonArray points;
        for (const TrendPoint &point : it.value()) {
            QJsonObject entry = metricsToJson(point.totals);
            entry.insert("date", point.date.toString(Qt::ISODate));
            if (point.hour >= 0)
                entry.insert("hour", point.hour);
            entry.insert("settling", point.settling);
            points.append(entry);
        }
        series.append(QJsonObject{{"platform", platformName(it.key())}, {"points", points}});
    }
    return {{"currency", currencyJson(trends.currency)},
            {"granularity", granularityName(trends.granularity)},
            {"series", series}};
}

QJsonObject performanceItemToJson(const CampaignPerformance &item)
{
    QJsonObject json = metricsToJson(item.totals);
    QJsonObject platforms;
    for (auto it = item.platforms.begin(); it != item.platforms.end(); ++it)
        platforms.insert(platformName(it.key()), metricsToJson(it.value()));
    json.insert("campaignId", item.campaignId);
    json.insert("name", item.name);
    json.insert("platforms", platforms);
    return json;
}

QJsonObject comparisonToJson(const Comparison &comparison)
{
    QJsonArray items;
    for (const ComparisonItem &item : comparison.items) {
        QJsonObject entry = metricsToJson(item.totals);
        entry.insert("key", item.key);
        items.append(entry);
    }
    return {{"currency", currencyJson(comparison.currency)}, {"items", items}};
}

} // namespace ads::core
