#include "core/store/MetricsStore.h"

#include "core/Logging.h"
#include "core/store/Database.h"

#include <QMap>

namespace ads::core::metrics_store {

Result<int> upsertDailyRows(const QSqlDatabase &db,
                            Platform platform,
                            const QString &accountId,
                            const QList<ReportRow> &rows,
                            const QHash<QString, QString> &campaignIds)
{
    const QString syncedAt = toIsoUtc(QDateTime::currentDateTimeUtc());
    int written = 0;
    for (const ReportRow &row : rows) {
        const QString campaignId = campaignIds.value(row.remoteCampaignId);
        if (campaignId.isEmpty() || !row.day.isValid() || row.hour >= 0)
            continue;
        auto q = runQuery(db,
                          QStringLiteral("INSERT INTO metrics_daily (platform, account_id, remote_campaign_id, day, "
                                         "campaign_id, time_zone, currency, impressions, clicks, spend_micros, "
                                         "conversions_micros, conversion_value_micros, synced_at) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                         "ON CONFLICT (platform, account_id, remote_campaign_id, day) DO UPDATE SET "
                                         "campaign_id = excluded.campaign_id, time_zone = excluded.time_zone, "
                                         "currency = excluded.currency, impressions = excluded.impressions, "
                                         "clicks = excluded.clicks, spend_micros = excluded.spend_micros, "
                                         "conversions_micros = excluded.conversions_micros, "
                                         "conversion_value_micros = excluded.conversion_value_micros, "
                                         "synced_at = excluded.synced_at"),
                          {platformName(platform), accountId, row.remoteCampaignId, row.day.toString(Qt::ISODate),
                           campaignId, row.timeZone, row.currency, row.impressions, row.clicks, row.spendMicros,
                           row.conversionsMicros, row.conversionValueMicros, syncedAt});
        if (!q)
            return fail(q.error());
        ++written;
    }
    return written;
}

Result<CampaignMetrics> campaignMetrics(const QSqlDatabase &db,
                                        const Campaign &campaign,
                                        const QDate &from,
                                        const QDate &to)
{
    CampaignMetrics metrics;
    metrics.campaignId = campaign.id;
    metrics.currency = campaign.spec.budget.amount.currency;
    metrics.from = from;
    metrics.to = to;

    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, day, currency, SUM(impressions), SUM(clicks), "
                                     "SUM(spend_micros), SUM(conversions_micros), SUM(conversion_value_micros) "
                                     "FROM metrics_daily WHERE campaign_id = ? AND day >= ? AND day <= ? "
                                     "GROUP BY platform, day, currency ORDER BY day, platform"),
                      {campaign.id, from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q)
        return fail(q.error());

    QMap<QDate, MetricsTotals> byDay;
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        const QString currency = q->value(2).toString();
        if (!platform)
            continue;
        // Limitation: rows billed in another currency than the campaign's budget are left out until
        // dated exchange rates exist in the store; the log says so.
        if (currency != metrics.currency) {
            qCWarning(lcSync) << "skipping" << currency << "rows of" << campaign.id << "reported in"
                              << metrics.currency;
            continue;
        }
        MetricsTotals day;
        day.impressions = q->value(3).toLongLong();
        day.clicks = q->value(4).toLongLong();
        day.spendMicros = q->value(5).toLongLong();
        day.conversionsMicros = q->value(6).toLongLong();
        day.conversionValueMicros = q->value(7).toLongLong();

        metrics.platforms[*platform] += day;
        metrics.platformDaily[*platform].append({QDate::fromString(q->value(1).toString(), Qt::ISODate), day});
        byDay[QDate::fromString(q->value(1).toString(), Qt::ISODate)] += day;
        metrics.totals += day;
    }
    for (auto it = byDay.begin(); it != byDay.end(); ++it)
        metrics.daily.append({it.key(), it.value()});
    return metrics;
}

} // namespace ads::core::metrics_store
