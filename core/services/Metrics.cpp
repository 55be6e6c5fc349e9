#include "core/services/Metrics.h"

#include "core/domain/Money.h"

#include <QJsonArray>

namespace ads::core {

MetricsTotals &MetricsTotals::operator+=(const MetricsTotals &other)
{
    impressions += other.impressions;
    clicks += other.clicks;
    spendMicros += other.spendMicros;
    conversionsMicros += other.conversionsMicros;
    conversionValueMicros += other.conversionValueMicros;
    return *this;
}

namespace {

QJsonValue ratio(double numerator, double denominator)
{
    return denominator == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(numerator / denominator);
}

} // namespace

QJsonObject metricsToJson(const MetricsTotals &t)
{
    // Ratios come from the sums: an average of daily CTRs would weight a quiet day like a busy one.
    const double spend = double(t.spendMicros) / money::kMicrosPerUnit;
    const double value = double(t.conversionValueMicros) / money::kMicrosPerUnit;
    const double conversions = double(t.conversionsMicros) / money::kMicrosPerUnit;
    return {{"impressions", t.impressions},
            {"clicks", t.clicks},
            {"spend", money::toMajorUnits(t.spendMicros)},
            {"conversions", money::toMajorUnits(t.conversionsMicros)},
            {"conversionValue", money::toMajorUnits(t.conversionValueMicros)},
            {"ctr", ratio(double(t.clicks), double(t.impressions))},
            {"cpc", ratio(spend, double(t.clicks))},
            {"cpm", ratio(spend * 1000.0, double(t.impressions))},
            {"cpa", ratio(spend, conversions)},
            {"roas", ratio(value, spend)}};
}

QJsonObject campaignMetricsToJson(const CampaignMetrics &metrics)
{
    const auto dailyJson = [](const QList<DailyMetrics> &days) {
        QJsonArray array;
        for (const DailyMetrics &day : days) {
            QJsonObject entry = metricsToJson(day.totals);
            entry.insert("date", day.date.toString(Qt::ISODate));
            if (day.hour >= 0)
                entry.insert("hour", day.hour);
            entry.insert("settling", day.settling);
            if (day.zeroFilled)
                entry.insert("zeroFilled", true);
            array.append(entry);
        }
        return array;
    };

    QJsonObject platforms;
    for (auto it = metrics.platforms.begin(); it != metrics.platforms.end(); ++it) {
        QJsonObject block = metricsToJson(it.value());
        block.insert("daily", dailyJson(metrics.platformDaily.value(it.key())));
        QJsonArray missing;
        for (const QDate &day : metrics.missingDays.value(it.key()))
            missing.append(day.toString(Qt::ISODate));
        block.insert("missingDays", missing);
        const QDate settling = metrics.settlingFrom.value(it.key());
        block.insert("settlingFrom", settling.isValid() ? QJsonValue(settling.toString(Qt::ISODate))
                                                        : QJsonValue(QJsonValue::Null));
        platforms.insert(platformName(it.key()), block);
    }
    const QJsonArray daily = dailyJson(metrics.daily);

    return {{"campaignId", metrics.campaignId},
            {"currency", metrics.currency},
            {"granularity", metrics.granularity},
            {"from", metrics.from.toString(Qt::ISODate)},
            {"to", metrics.to.toString(Qt::ISODate)},
            {"totals", metricsToJson(metrics.totals)},
            {"platforms", platforms},
            {"daily", daily}};
}

} // namespace ads::core
