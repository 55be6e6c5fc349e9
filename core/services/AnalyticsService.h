#pragma once

#include "core/domain/Error.h"
#include "core/services/Metrics.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ads::core {

class Database;

/** Which rows an analytics answer covers; empty lists mean every platform or campaign. */
struct AnalyticsQuery
{
    QDate from;
    QDate to;
    QList<Platform> platforms;
    QStringList campaignIds;
};

enum class Granularity { Day, Week, Month };

std::optional<Granularity> granularityFromName(QStringView name);
QString granularityName(Granularity granularity);

/** Delivery over a range, per platform, beside the range of the same length just before it. */
struct AnalyticsOverview
{
    QString currency; // empty when no row falls in either range
    QDate from;
    QDate to;
    MetricsTotals totals;
    QMap<Platform, MetricsTotals> platforms;
    QDate previousFrom;
    QDate previousTo;
    MetricsTotals previous;
};

struct TrendPoint
{
    QDate date; // the first day of the bucket: the day, the ISO week's Monday, the month's 1st
    MetricsTotals totals;
};

/** One series per platform; a bucket without any row of that platform is absent, not zero. */
struct AnalyticsTrends
{
    QString currency;
    Granularity granularity = Granularity::Day;
    QMap<Platform, QList<TrendPoint>> series;
};

/**
 * Cross-campaign reporting over metrics_daily. Sums are taken in SQL so no answer holds every
 * row in memory; ratios are derived from those sums by metricsToJson.
 *
 * Limitation: rows are only summed within one currency. A request whose rows span several
 * currencies fails on the field "currency" until dated exchange rates exist in the store.
 */
class AnalyticsService
{
public:
    explicit AnalyticsService(Database *database);

    Result<AnalyticsOverview> overview(const AnalyticsQuery &query) const;
    Result<AnalyticsTrends> trends(const AnalyticsQuery &query, Granularity granularity) const;

private:
    Database *m_database;
};

QJsonObject overviewToJson(const AnalyticsOverview &overview);
QJsonObject trendsToJson(const AnalyticsTrends &trends);

} // namespace ads::core
