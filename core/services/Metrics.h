#pragma once

#include "core/domain/Platform.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace ads::core {

/** Summable delivery figures. Ratios are derived from these sums, never averaged. */
struct MetricsTotals
{
    qint64 impressions = 0;
    qint64 clicks = 0;
    qint64 spendMicros = 0;
    qint64 conversionsMicros = 0;
    qint64 conversionValueMicros = 0;

    MetricsTotals &operator+=(const MetricsTotals &other);
};

/**
 * The JSON block of a MetricsTotals: impressions, clicks, spend, conversions, conversionValue,
 * ctr, cpc, cpm, cpa and roas as numbers; money in major units; ctr and roas as plain ratios.
 * A ratio whose denominator is zero is null.
 */
QJsonObject metricsToJson(const MetricsTotals &totals);

struct DailyMetrics
{
    QDate date;
    MetricsTotals totals;
};

/**
 * A campaign's delivery over a date range: totals, one block per platform, one per day. A day a
 * platform did not report is absent from its list, not a zero day.
 */
struct CampaignMetrics
{
    QString campaignId;
    QString currency;
    QDate from;
    QDate to;
    MetricsTotals totals;
    QMap<Platform, MetricsTotals> platforms;
    QList<DailyMetrics> daily;                        // every platform together, by report day
    QMap<Platform, QList<DailyMetrics>> platformDaily; // each platform's own days
};

QJsonObject campaignMetricsToJson(const CampaignMetrics &metrics);

} // namespace ads::core
