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

/** One bucket of a series: a day, or the first day of an ISO week or a calendar month. */
struct DailyMetrics
{
    QDate date;
    MetricsTotals totals;
    bool settling = false;  // holds a day the platform may still restate
    bool zeroFilled = false; // a day asked for that the platform left out: nothing was delivered
    int hour = -1;           // 0..23 for hourly buckets: the hour of the account's local day
};

/**
 * A campaign's delivery over a date range: totals, one block per platform, one series per bucket.
 * A day a platform did not report while the campaign ran is a zero day where the platform is known
 * to leave such days out and a sync has asked for it, and missing data otherwise (a day not read yet
 * included): listed in missingDays, never counted as zero.
 */
struct CampaignMetrics
{
    QString campaignId;
    QString currency;
    QString granularity = QStringLiteral("day");
    QDate from;
    QDate to;
    MetricsTotals totals;
    QMap<Platform, MetricsTotals> platforms;
    QList<DailyMetrics> daily;                        // every platform together, by bucket
    QMap<Platform, QList<DailyMetrics>> platformDaily; // each platform's own buckets
    QMap<Platform, QList<QDate>> missingDays;
    QMap<Platform, QDate> settlingFrom;
};

QJsonObject campaignMetricsToJson(const CampaignMetrics &metrics);

} // namespace ads::core
