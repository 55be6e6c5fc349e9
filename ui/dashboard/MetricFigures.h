#pragma once

#include "core/services/Metrics.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ads::ui {

/** The figures the dashboard shows, in the order its tiles and selectors list them. */
enum class DashboardMetric
{
    Spend,
    Impressions,
    Clicks,
    Ctr,
    Cpc,
    Cpm,
    Conversions,
    Cpa,
    Roas,
    Count,
};

/** Which way a change of a figure reads for a buyer. */
enum class ChangeMeaning
{
    Neutral, // more spend is neither good nor bad on its own
    HigherIsBetter,
    LowerIsBetter,
};

/**
 * Reads one figure out of MetricsTotals, for tiles and charts. Ratios come from the core's own
 * definition (metricsToJson), so the dashboard shows the numbers the local API answers with.
 */
class MetricFigures
{
    Q_DECLARE_TR_FUNCTIONS(MetricFigures)

public:
    static QString title(DashboardMetric metric);

    /** The metricsToJson key: "spend", "ctr"... */
    static QString key(DashboardMetric metric);

    static ChangeMeaning changeMeaning(DashboardMetric metric);

    /** The figure as a number (money in major units); nullopt when a ratio has no denominator. */
    static std::optional<double> value(const core::MetricsTotals &totals, DashboardMetric metric);

    /** The figure as charts plot it: value(), with CTR in percent. */
    static std::optional<double> plotValue(const core::MetricsTotals &totals, DashboardMetric metric);

    /** The chart title for a metric: "Spend (USD)", "CTR (%)", "Clicks". */
    static QString chartTitle(DashboardMetric metric, const QString &currency);

    /** The figure as the tiles show it: "1,234.50 USD", "2.50 %", "—". */
    static QString text(const core::MetricsTotals &totals, DashboardMetric metric, const QString &currency);

    /** Relative change from previous to current in percent; nullopt when previous is zero or missing. */
    static std::optional<double> changePercent(const core::MetricsTotals &current,
                                               const core::MetricsTotals &previous,
                                               DashboardMetric metric);
};

} // namespace ads::ui
