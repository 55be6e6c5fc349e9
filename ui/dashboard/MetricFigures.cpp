#include "ui/dashboard/MetricFigures.h"

#include "ui/charts/MetricsTableModel.h"

#include <QJsonObject>

namespace ads::ui {

using namespace ads::core;

namespace {

struct MetricInfo
{
    const char *key; // as metricsToJson names it
    const char *title;
    ChangeMeaning meaning;
};

// In DashboardMetric's order.
constexpr MetricInfo kMetrics[] = {
    {"spend", QT_TRANSLATE_NOOP("MetricFigures", "Spend"), ChangeMeaning::Neutral},
    {"impressions", QT_TRANSLATE_NOOP("MetricFigures", "Impressions"), ChangeMeaning::HigherIsBetter},
    {"clicks", QT_TRANSLATE_NOOP("MetricFigures", "Clicks"), ChangeMeaning::HigherIsBetter},
    {"ctr", QT_TRANSLATE_NOOP("MetricFigures", "CTR"), ChangeMeaning::HigherIsBetter},
    {"cpc", QT_TRANSLATE_NOOP("MetricFigures", "CPC"), ChangeMeaning::LowerIsBetter},
    {"cpm", QT_TRANSLATE_NOOP("MetricFigures", "CPM"), ChangeMeaning::LowerIsBetter},
    {"conversions", QT_TRANSLATE_NOOP("MetricFigures", "Conversions"), ChangeMeaning::HigherIsBetter},
    {"cpa", QT_TRANSLATE_NOOP("MetricFigures", "CPA"), ChangeMeaning::LowerIsBetter},
    {"roas", QT_TRANSLATE_NOOP("MetricFigures", "ROAS"), ChangeMeaning::HigherIsBetter},
};
static_assert(std::size(kMetrics) == std::size_t(DashboardMetric::Count));

} // namespace

QString MetricFigures::title(DashboardMetric metric)
{
    return tr(kMetrics[int(metric)].title);
}

QString MetricFigures::key(DashboardMetric metric)
{
    return QLatin1String(kMetrics[int(metric)].key);
}

ChangeMeaning MetricFigures::changeMeaning(DashboardMetric metric)
{
    return kMetrics[int(metric)].meaning;
}

std::optional<double> MetricFigures::value(const MetricsTotals &totals, DashboardMetric metric)
{
    const QJsonValue figure = metricsToJson(totals).value(key(metric));
    return figure.isDouble() ? std::optional<double>(figure.toDouble()) : std::nullopt;
}

std::optional<double> MetricFigures::plotValue(const MetricsTotals &totals, DashboardMetric metric)
{
    const std::optional<double> figure = value(totals, metric);
    if (figure && metric == DashboardMetric::Ctr)
        return *figure * 100.0;
    return figure;
}

QString MetricFigures::chartTitle(DashboardMetric metric, const QString &currency)
{
    switch (metric) {
    case DashboardMetric::Spend:
    case DashboardMetric::Cpc:
    case DashboardMetric::Cpm:
    case DashboardMetric::Cpa:
        return currency.isEmpty() ? title(metric) : tr("%1 (%2)", "metric, currency").arg(title(metric), currency);
    case DashboardMetric::Ctr:
        return tr("CTR (%)");
    default:
        return title(metric);
    }
}

QString MetricFigures::text(const MetricsTotals &totals, DashboardMetric metric, const QString &currency)
{
    using Column = MetricsTableModel::Column;
    switch (metric) {
    case DashboardMetric::Spend:
        return MetricsTableModel::figureText(totals, Column::Spend, currency);
    case DashboardMetric::Impressions:
        return MetricsTableModel::figureText(totals, Column::Impressions, currency);
    case DashboardMetric::Clicks:
        return MetricsTableModel::figureText(totals, Column::Clicks, currency);
    case DashboardMetric::Ctr:
        return MetricsTableModel::figureText(totals, Column::Ctr, currency);
    case DashboardMetric::Cpc:
        return MetricsTableModel::figureText(totals, Column::Cpc, currency);
    case DashboardMetric::Cpm:
        return MetricsTableModel::figureText(totals, Column::Cpm, currency);
    case DashboardMetric::Conversions:
        return MetricsTableModel::figureText(totals, Column::Conversions, currency);
    case DashboardMetric::Cpa:
        return MetricsTableModel::costPerConversionText(totals, currency);
    case DashboardMetric::Roas:
        return MetricsTableModel::figureText(totals, Column::Roas, currency);
    case DashboardMetric::Count:
        break;
    }
    return {};
}

std::optional<double> MetricFigures::changePercent(const MetricsTotals &current,
                                                   const MetricsTotals &previous,
                                                   DashboardMetric metric)
{
    const std::optional<double> now = value(current, metric);
    const std::optional<double> before = value(previous, metric);
    if (!now || !before || *before == 0.0)
        return std::nullopt;
    return (*now - *before) / *before * 100.0;
}

} // namespace ads::ui
