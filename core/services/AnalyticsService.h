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

/** One campaign's delivery, in total and per platform. */
struct CampaignPerformance
{
    QString campaignId;
    QString name;
    MetricsTotals totals;
    QMap<Platform, MetricsTotals> platforms;
};

struct PerformancePage
{
    QString currency;
    QList<CampaignPerformance> items;
    bool hasMore = false;
};

/** How a performance page is ordered; ties fall back to the campaign id, so pages are stable. */
struct PerformanceOrder
{
    QString metric = QStringLiteral("spend"); // any key of metricsToJson
    bool descending = true;
    int limit = 50;
    qsizetype offset = 0;
};

/** True for the metric names a performance page can be sorted by. */
bool isSortableMetric(const QString &metric);

enum class ComparisonDimension { Platform, Campaign, Period };

std::optional<ComparisonDimension> comparisonDimensionFromName(QStringView name);

struct ComparisonItem
{
    QString key; // a platform name, a campaign id, or a period written from/to
    MetricsTotals totals;
};

struct Comparison
{
    QString currency;
    QList<ComparisonItem> items;
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
    Result<PerformancePage> performance(const AnalyticsQuery &query,
                                        const PerformanceOrder &order) const;
    /** Side by side per platform or campaign; by period, the range and the one before it. */
    Result<Comparison> comparison(const AnalyticsQuery &query,
                                  ComparisonDimension dimension) const;

private:
    Database *m_database;
};

QJsonObject overviewToJson(const AnalyticsOverview &overview);
QJsonObject trendsToJson(const AnalyticsTrends &trends);
QJsonObject performanceItemToJson(const CampaignPerformance &item);
QJsonObject comparisonToJson(const Comparison &comparison);

} // namespace ads::core
