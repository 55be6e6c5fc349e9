#pragma once

#include "core/domain/Error.h"
#include "core/services/Metrics.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
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
    QString currency; // empty: the reporting currency
};

/** The first report day each platform may still restate ("settling"); absent: none settles. */
using SettlingSource = std::function<QMap<Platform, QDate>()>;

enum class Granularity { Hour, Day, Week, Month };

/** The longest range hourly figures are answered for. */
inline constexpr int kMaxHourlyRangeDays = 31;

/** The longest range any analytics answer covers, as for a campaign's own figures: ten years. */
inline constexpr int kMaxAnalyticsRangeDays = 3660;

/** The most campaigns one analytics question may name. */
inline constexpr int kMaxAnalyticsCampaignIds = 500;

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
    QMap<Platform, QDate> settlingFrom; // days on or after it may still change
};

struct TrendPoint
{
    QDate date; // the first day of the bucket: the day, the ISO week's Monday, the month's 1st
    MetricsTotals totals;
    bool settling = false; // the bucket holds a day the platform may still restate
    int hour = -1;         // 0..23 for hourly points: the hour of the account's local day
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
 * Cross-campaign reporting. Every delivery row is converted into the reporting currency on ingest at
 * its own day's rate, and the roll-ups (per platform and day; per campaign, platform and month) are
 * kept current on ingest, so answers sum a few thousand roll-up rows instead of millions of raw
 * ones; a campaign filter reads the raw rows of just those campaigns. Ratios come from the sums.
 *
 * Another currency than the reporting one is converted per day from the reporting currency, with
 * that day's rate; for a performance page that means reading raw rows (slower, still exact).
 * A selection holding rows that no rate reaches fails on the field "currency", naming the rate.
 */
class AnalyticsService
{
public:
    explicit AnalyticsService(Database *database, SettlingSource settling = {});

    Result<AnalyticsOverview> overview(const AnalyticsQuery &query) const;
    Result<AnalyticsTrends> trends(const AnalyticsQuery &query, Granularity granularity) const;
    Result<PerformancePage> performance(const AnalyticsQuery &query,
                                        const PerformanceOrder &order) const;
    /** Side by side per platform or campaign; by period, the range and the one before it. */
    Result<Comparison> comparison(const AnalyticsQuery &query,
                                  ComparisonDimension dimension) const;

private:
    Database *m_database;
    SettlingSource m_settling;
};

QJsonObject overviewToJson(const AnalyticsOverview &overview);
QJsonObject trendsToJson(const AnalyticsTrends &trends);
QJsonObject performanceItemToJson(const CampaignPerformance &item);
QJsonObject comparisonToJson(const Comparison &comparison);

} // namespace ads::core
