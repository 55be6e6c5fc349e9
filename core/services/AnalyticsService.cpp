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

/**
 * The SQL that orders campaigns by a metric. Ratios are divided as REAL here only to order rows;
 * the figures answered still come from the integer sums.
 */
QString sortExpression(const QString &metric)
{
    static const QHash<QString, QString> expressions{
        {QStringLiteral("impressions"), QStringLiteral("SUM(impressions)")},
        {QStringLiteral("clicks"), QStringLiteral("SUM(clicks)")},
        {QStringLiteral("spend"), QStringLiteral("SUM(spend_micros)")},
        {QStringLiteral("conversions"), QStringLiteral("SUM(conversions_micros)")},
        {QStringLiteral("conversionValue"), QStringLiteral("SUM(conversion_value_micros)")},
        {QStringLiteral("ctr"), QStringLiteral("1.0 * SUM(clicks) / NULLIF(SUM(impressions), 0)")},
        {QStringLiteral("cpc"),
         QStringLiteral("1.0 * SUM(spend_micros) / NULLIF(SUM(clicks), 0)")},
        {QStringLiteral("cpm"),
         QStringLiteral("1000.0 * SUM(spend_micros) / NULLIF(SUM(impressions), 0)")},
        {QStringLiteral("cpa"),
         QStringLiteral("1.0 * SUM(spend_micros) / NULLIF(SUM(conversions_micros), 0)")},
        {QStringLiteral("roas"),
         QStringLiteral("1.0 * SUM(conversion_value_micros) / NULLIF(SUM(spend_micros), 0)")},
    };
    return expressions.value(metric);
}

/** Sums grouped by one column, in the column's order, as comparison items. */
Result<QList<ComparisonItem>> groupedBy(const QSqlDatabase &db, const Filter &filter,
                                        const QString &column)
{
    const QString sql = QStringLiteral("SELECT %1, %2 FROM metrics_daily WHERE %3 "
                                       "GROUP BY %1 ORDER BY %1")
                            .arg(column, QLatin1String(kSums), filter.sql);
    auto q = runQuery(db, sql, filter.values);
    if (!q)
        return fail(q.error());
    QList<ComparisonItem> items;
    while (q->next())
        items.append({q->value(0).toString(), totalsAt(*q, 1)});
    return items;
}

QString periodKey(const QDate &from, const QDate &to)
{
    return from.toString(Qt::ISODate) + u'/' + to.toString(Qt::ISODate);
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

bool isSortableMetric(const QString &metric)
{
    return !sortExpression(metric).isEmpty();
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

Result<PerformancePage> AnalyticsService::performance(const AnalyticsQuery &query,
                                                      const PerformanceOrder &order) const
{
    const QString expression = sortExpression(order.metric);
    if (expression.isEmpty())
        return fail(Error::invalid({{QStringLiteral("sort"), QStringLiteral("unknown metric")}}));

    PerformancePage page;
    const QSqlDatabase db = m_database->connection();
    const Filter filter = filterFor(query, query.from, query.to);
    auto currency = singleCurrency(db, filter);
    if (!currency)
        return fail(currency.error());
    page.currency = *currency;

    // One row more than asked tells whether another page follows. Campaigns without a ratio
    // (a zero denominator) go last in either order.
    const QString sql =
        QStringLiteral("SELECT m.campaign_id, (SELECT c.name FROM campaigns c WHERE c.id = "
                       "m.campaign_id), %1 FROM metrics_daily m WHERE %2 GROUP BY m.campaign_id "
                       "ORDER BY (%3) IS NULL, %3 %4, m.campaign_id LIMIT ? OFFSET ?")
            .arg(QLatin1String(kSums), filter.sql, expression,
                 order.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    QVariantList values = filter.values;
    values << order.limit + 1 << qint64(order.offset);
    auto q = runQuery(db, sql, values);
    if (!q)
        return fail(q.error());
    while (q->next())
        page.items.append({q->value(0).toString(), q->value(1).toString(), totalsAt(*q, 2), {}});
    page.hasMore = page.items.size() > order.limit;
    if (page.hasMore)
        page.items.removeLast();
    if (page.items.isEmpty())
        return page;

    // The per-platform split, for this page's campaigns only.
    AnalyticsQuery onPage = query;
    onPage.campaignIds.clear();
    for (const CampaignPerformance &item : page.items)
        onPage.campaignIds.append(item.campaignId);
    const Filter pageFilter = filterFor(onPage, query.from, query.to);
    const QString split = QStringLiteral("SELECT campaign_id, platform, %1 FROM metrics_daily "
                                         "WHERE %2 GROUP BY campaign_id, platform")
                              .arg(QLatin1String(kSums), pageFilter.sql);
    auto s = runQuery(db, split, pageFilter.values);
    if (!s)
        return fail(s.error());
    while (s->next()) {
        const auto platform = platformFromName(s->value(1).toString());
        const qsizetype index = onPage.campaignIds.indexOf(s->value(0).toString());
        if (platform && index >= 0)
            page.items[index].platforms[*platform] += totalsAt(*s, 2);
    }
    return page;
}

Result<Comparison> AnalyticsService::comparison(const AnalyticsQuery &query,
                                                ComparisonDimension dimension) const
{
    Comparison result;
    if (dimension == ComparisonDimension::Period) {
        auto overview = this->overview(query);
        if (!overview)
            return fail(overview.error());
        result.currency = overview->currency;
        result.items = {{periodKey(overview->from, overview->to), overview->totals},
                        {periodKey(overview->previousFrom, overview->previousTo),
                         overview->previous}};
        return result;
    }

    const QSqlDatabase db = m_database->connection();
    const Filter filter = filterFor(query, query.from, query.to);
    auto currency = singleCurrency(db, filter);
    if (!currency)
        return fail(currency.error());
    result.currency = *currency;
    const QString column = dimension == ComparisonDimension::Platform
                               ? QStringLiteral("platform")
                               : QStringLiteral("campaign_id");
    auto items = groupedBy(db, filter, column);
    if (!items)
        return fail(items.error());
    result.items = *items;
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
