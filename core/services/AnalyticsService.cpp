#include "core/services/AnalyticsService.h"

#include "core/store/Database.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace ads::core {

namespace {

/** A WHERE clause and its bound values, built from a query and a day range. */
struct Filter
{
    QString sql;
    QVariantList values;
};

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(u',');
}

Filter filterFor(const AnalyticsQuery &query, const QDate &from, const QDate &to)
{
    Filter filter{QStringLiteral("day >= ? AND day <= ?"),
                  {from.toString(Qt::ISODate), to.toString(Qt::ISODate)}};
    if (!query.platforms.isEmpty()) {
        filter.sql += QStringLiteral(" AND platform IN (%1)")
                          .arg(placeholders(query.platforms.size()));
        for (Platform platform : query.platforms)
            filter.values.append(platformName(platform));
    }
    if (!query.campaignIds.isEmpty()) {
        filter.sql += QStringLiteral(" AND campaign_id IN (%1)")
                          .arg(placeholders(query.campaignIds.size()));
        for (const QString &id : query.campaignIds)
            filter.values.append(id);
    }
    return filter;
}

constexpr auto kSums = "SUM(impressions), SUM(clicks), SUM(spend_micros), "
                       "SUM(conversions_micros), SUM(conversion_value_micros)";

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

/** The one currency the filtered rows share, empty when there are none. */
Result<QString> singleCurrency(const QSqlDatabase &db, const Filter &filter)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT DISTINCT currency FROM metrics_daily WHERE %1 "
                                     "ORDER BY currency LIMIT 2")
                          .arg(filter.sql),
                      filter.values);
    if (!q)
        return fail(q.error());
    QStringList currencies;
    while (q->next())
        currencies.append(q->value(0).toString());
    if (currencies.size() > 1) {
        // Limitation: no conversion yet; it needs dated exchange rates in the store.
        return fail(Error::invalid(
            {{QStringLiteral("currency"),
              QStringLiteral("The selection spans several currencies (%1); converting between "
                             "them comes with dated exchange rates in a later step.")
                  .arg(currencies.join(QStringLiteral(", ")))}}));
    }
    return currencies.value(0);
}

/** SQLite expression for the first day of a row's bucket; weeks start on Monday (ISO). */
QString bucketExpression(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return QStringLiteral("day");
    case Granularity::Week:
        // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is its Monday.
        return QStringLiteral("date(day, 'weekday 0', '-6 days')");
    case Granularity::Month:
        return QStringLiteral("strftime('%Y-%m-01', day)");
    }
    return QStringLiteral("day");
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

} // namespace

std::optional<Granularity> granularityFromName(QStringView name)
{
    for (Granularity g : {Granularity::Day, Granularity::Week, Granularity::Month}) {
        if (name == granularityName(g))
            return g;
    }
    return std::nullopt;
}

QString granularityName(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return QStringLiteral("day");
    case Granularity::Week:
        return QStringLiteral("week");
    case Granularity::Month:
        return QStringLiteral("month");
    }
    return {};
}

AnalyticsService::AnalyticsService(Database *database)
    : m_database(database)
{
}

Result<AnalyticsOverview> AnalyticsService::overview(const AnalyticsQuery &query) const
{
    AnalyticsOverview result;
    result.from = query.from;
    result.to = query.to;
    result.previousTo = query.from.addDays(-1);
    result.previousFrom = result.previousTo.addDays(-query.from.daysTo(query.to));

    const QSqlDatabase db = m_database->connection();
    // Both ranges are summed together, so they must share one currency too.
    auto currency = singleCurrency(db, filterFor(query, result.previousFrom, query.to));
    if (!currency)
        return fail(currency.error());
    result.currency = *currency;

    const Filter current = filterFor(query, query.from, query.to);
    const QString byPlatform =
        QStringLiteral("SELECT platform, %1 FROM metrics_daily WHERE %2 GROUP BY platform")
            .arg(QLatin1String(kSums), current.sql);
    auto q = runQuery(db, byPlatform, current.values);
    if (!q)
        return fail(q.error());
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform)
            continue;
        const MetricsTotals totals = totalsAt(*q, 1);
        result.platforms[*platform] += totals;
        result.totals += totals;
    }

    const Filter previous = filterFor(query, result.previousFrom, result.previousTo);
    const QString summed = QStringLiteral("SELECT %1 FROM metrics_daily WHERE %2")
                               .arg(QLatin1String(kSums), previous.sql);
    auto p = runQuery(db, summed, previous.values);
    if (!p)
        return fail(p.error());
    if (p->next())
        result.previous = totalsAt(*p, 0);
    return result;
}

Result<AnalyticsTrends> AnalyticsService::trends(const AnalyticsQuery &query,
                                                 Granularity granularity) const
{
    AnalyticsTrends result;
    result.granularity = granularity;

    const QSqlDatabase db = m_database->connection();
    const Filter filter = filterFor(query, query.from, query.to);
    auto currency = singleCurrency(db, filter);
    if (!currency)
        return fail(currency.error());
    result.currency = *currency;

    const QString bucket = bucketExpression(granularity);
    const QString sql = QStringLiteral("SELECT platform, %1 AS bucket, %2 FROM metrics_daily "
                                       "WHERE %3 GROUP BY platform, bucket "
                                       "ORDER BY platform, bucket")
                            .arg(bucket, QLatin1String(kSums), filter.sql);
    auto q = runQuery(db, sql, filter.values);
    if (!q)
        return fail(q.error());
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform)
            continue;
        const QDate date = QDate::fromString(q->value(1).toString(), Qt::ISODate);
        result.series[*platform].append({date, totalsAt(*q, 2)});
    }
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
    return {{"currency", currencyJson(overview.currency)},
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
            points.append(entry);
        }
        series.append(QJsonObject{{"platform", platformName(it.key())}, {"points", points}});
    }
    return {{"currency", currencyJson(trends.currency)},
            {"granularity", granularityName(trends.granularity)},
            {"series", series}};
}

} // namespace ads::core
