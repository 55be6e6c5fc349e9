#include "core/domain/Money.h"
#include "core/sandbox/TikTokRules.h"

#include <QJsonArray>
#include <QSet>

// GET /report/integrated/get/ for the TikTok simulator: BASIC reports at advertiser or
// campaign level, by day, by hour or in total, answered from the delivery model in the account's
// fixed-offset zone.

namespace ads::core::sandbox::tiktok {

namespace {

const QStringList kMetrics = {"spend",
                              "impressions",
                              "clicks",
                              "ctr",
                              "cpc",
                              "cpm",
                              "reach",
                              "frequency",
                              "conversion",
                              "cost_per_conversion",
                              "conversion_rate",
                              "result",
                              "cost_per_result",
                              "real_time_conversion",
                              "total_purchase_value",
                              "campaign_name",
                              "objective_type",
                              "currency"};

Objective objectiveOf(const QString &objective)
{
    static const QHash<QString, Objective> map = {{"REACH", Objective::Awareness},
                                                  {"RF_REACH", Objective::Awareness},
                                                  {"TRAFFIC", Objective::Traffic},
                                                  {"VIDEO_VIEWS", Objective::Engagement},
                                                  {"ENGAGEMENT", Objective::Engagement},
                                                  {"APP_PROMOTION", Objective::AppInstalls},
                                                  {"LEAD_GENERATION", Objective::Leads},
                                                  {"WEB_CONVERSIONS", Objective::Conversions},
                                                  {"PRODUCT_SALES", Objective::Sales}};
    return map.value(objective, Objective::Traffic);
}

QStringList jsonList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QList<DeliveryUnit> deliveryUnits(const RuleContext &context)
{
    const QList<ObjectRecord> objects =
        context.store->objects(Platform::TikTok, {}, context.account.accountId);
    const auto histories = context.store->histories(Platform::TikTok);
    const auto on = [&](const QString &id) {
        return intervals::fromHistory(
            histories.value(id),
            [](const QString &s) { return s == QLatin1String("ENABLE"); },
            context.nowMs);
    };
    QHash<QString, ObjectRecord> campaigns;
    QHash<QString, QList<Interval>> adsOn;
    for (const ObjectRecord &record : objects) {
        if (record.type == kCampaign)
            campaigns.insert(record.id, record);
        else if (record.type == kAd)
            adsOn[record.parentId] = intervals::unite(adsOn.value(record.parentId), on(record.id));
    }

    QHash<QString, DeliveryUnit> pooled; // campaign budget optimisation: one unit per campaign
    QList<DeliveryUnit> units;
    for (const ObjectRecord &adGroup : objects) {
        if (adGroup.type != kAdGroup || !campaigns.contains(adGroup.parentId))
            continue;
        const ObjectRecord campaign = campaigns.value(adGroup.parentId);
        DeliveryUnit unit;
        unit.campaignId = campaign.id;
        unit.unitId = adGroup.id;
        unit.objective =
            objectiveOf(campaign.state.value(QStringLiteral("objective_type")).toString());
        unit.startMs = adGroup.state.value(QStringLiteral("start_ms")).toString().toLongLong();
        unit.endMs = adGroup.state.value(QStringLiteral("end_ms")).toString().toLongLong();
        unit.enabled = intervals::intersect(intervals::intersect(on(campaign.id), on(adGroup.id)),
                                            adsOn.value(adGroup.id));
        unit.zone = accountZone(context.account);
        unit.minorUnitMicros = minorUnitMicros(context.account.currency);
        const bool cbo = campaign.state.value(QStringLiteral("budget_optimize_on")).toBool();
        const ObjectRecord &owner = cbo ? campaign : adGroup;
        unit.budgetType = owner.state.value(QStringLiteral("budget_mode")).toString()
                                  == QLatin1String("BUDGET_MODE_TOTAL")
                              ? BudgetType::Lifetime
                              : BudgetType::Daily;
        unit.budgetMicros =
            owner.state.value(QStringLiteral("budget_micros")).toString().toLongLong();
        // Limitation: a campaign-level daily cap over several ad groups is applied per ad group.
        const qint64 campaignCap =
            campaign.state.value(QStringLiteral("budget_micros")).toString().toLongLong();
        if (!cbo && campaignCap > 0 && unit.budgetType == BudgetType::Daily)
            unit.budgetMicros = std::min(unit.budgetMicros, campaignCap);
        if (!cbo) {
            units.append(unit);
            continue;
        }
        DeliveryUnit &pool = pooled[campaign.id];
        if (pool.unitId.isEmpty()) {
            unit.unitId = campaign.id;
            pool = unit;
        } else {
            pool.startMs = std::min(pool.startMs, unit.startMs);
            pool.endMs = std::max(pool.endMs, unit.endMs);
            pool.enabled = intervals::unite(pool.enabled, unit.enabled);
        }
    }
    for (const DeliveryUnit &unit : std::as_const(pooled))
        units.append(unit);
    return units;
}

QString money2(qint64 micros)
{
    return scaledText(micros, 2);
}

QJsonObject metricsFor(const DayStats &stats,
                       const QStringList &wanted,
                       const ObjectRecord &campaign,
                       const SandboxAccount &account,
                       quint64 seed,
                       const QString &key)
{
    const qint64 reach =
        std::max<qint64>(stats.impressions > 0 ? 1 : 0,
                         stats.impressions * (700 + qint64(stableHash(seed, key) % 200)) / 1000);
    const auto ratio = [](qint64 a, qint64 b) {
        return b > 0 ? mulDiv(a, 1'000'000, b) : 0;
    };
    const QHash<QString, QString> values = {
        {"spend", money2(stats.spendMicros)},
        {"impressions", QString::number(stats.impressions)},
        {"clicks", QString::number(stats.clicks)},
        {"ctr", scaledText(ratio(stats.clicks * 100, stats.impressions), 2)},
        {"cpc", money2(stats.clicks > 0 ? stats.spendMicros / stats.clicks : 0)},
        {"cpm", money2(ratio(stats.spendMicros, stats.impressions) * 1000 / 1'000'000)},
        {"reach", QString::number(reach)},
        {"frequency", scaledText(ratio(stats.impressions, reach), 2)},
        {"conversion", QString::number(stats.conversions)},
        {"real_time_conversion", QString::number(stats.conversions)},
        {"result", QString::number(stats.conversions)},
        {"cost_per_conversion",
         money2(stats.conversions > 0 ? stats.spendMicros / stats.conversions : 0)},
        {"cost_per_result",
         money2(stats.conversions > 0 ? stats.spendMicros / stats.conversions : 0)},
        {"conversion_rate", scaledText(ratio(stats.conversions * 100, stats.clicks), 2)},
        {"total_purchase_value", money2(stats.conversionValueMicros)},
        {"campaign_name", campaign.name},
        {"objective_type", campaign.state.value(QStringLiteral("objective_type")).toString()},
        {"currency", account.currency}};
    QJsonObject metrics;
    for (const QString &metric : wanted)
        metrics.insert(metric, values.value(metric));
    return metrics;
}

struct ReportQuery
{
    QString level;
    QString idDimension;
    bool byDay = false;
    bool byHour = false;
    bool lifetime = false;
    QDate start;
    QDate end;
    QStringList metrics;
    QStringList campaignIds;
};

TikTokResult<ReportQuery> parseQuery(const RequestParams &params)
{
    ReportQuery query;
    if (params.text(QStringLiteral("report_type")) != QLatin1String("BASIC"))
        // Limitation: AUDIENCE, PLAYABLE_MATERIAL, CATALOG, BC and TT_SHOP are not simulated.
        return reject(40002, QStringLiteral("report_type: The sandbox simulates BASIC reports."));
    query.level = params.text(QStringLiteral("data_level"));
    if (query.level != QLatin1String("AUCTION_CAMPAIGN")
        && query.level != QLatin1String("AUCTION_ADVERTISER"))
        return reject(
            40002,
            QStringLiteral(
                "data_level: The sandbox simulates AUCTION_ADVERTISER and AUCTION_CAMPAIGN."));
    query.idDimension = query.level == QLatin1String("AUCTION_CAMPAIGN")
                            ? QStringLiteral("campaign_id")
                            : QStringLiteral("advertiser_id");
    const QJsonValue dimensions = params.json(QStringLiteral("dimensions"));
    for (const QString &dimension : jsonList(dimensions)) {
        if (dimension == QLatin1String("stat_time_day"))
            query.byDay = true;
        else if (dimension == QLatin1String("stat_time_hour"))
            query.byHour = true;
        else if (dimension != query.idDimension)
            return reject(
                40002,
                QStringLiteral("dimensions: %1 is not valid with %2.").arg(dimension, query.level));
    }
    if (query.byDay && query.byHour)
        return reject(40002, QStringLiteral("dimensions: Use stat_time_day or stat_time_hour, not both."));
    if (!jsonList(dimensions).contains(query.idDimension))
        return reject(40002,
                      QStringLiteral("dimensions: One id dimension (%1) is required.")
                          .arg(query.idDimension));

    query.metrics = params.has(QStringLiteral("metrics"))
                        ? jsonList(params.json(QStringLiteral("metrics")))
                        : QStringList{"spend", "impressions"};
    for (const QString &metric : std::as_const(query.metrics)) {
        if (!kMetrics.contains(metric))
            return reject(40002, QStringLiteral("metrics: Unknown metric %1.").arg(metric));
    }
    query.lifetime = params.json(QStringLiteral("query_lifetime")).toBool();
    if (query.lifetime && (query.byDay || query.byHour))
        return reject(
            40002,
            QStringLiteral("query_lifetime: No time dimension is allowed with lifetime totals."));
    if (!query.lifetime) {
        query.start = QDate::fromString(params.text(QStringLiteral("start_date")), Qt::ISODate);
        query.end = QDate::fromString(params.text(QStringLiteral("end_date")), Qt::ISODate);
        if (!query.start.isValid() || !query.end.isValid() || query.end < query.start)
            return reject(40002,
                          QStringLiteral("start_date: start_date and end_date are required as "
                                         "YYYY-MM-DD, start first."));
        // tiktok.md 4.1: 30 days with stat_time_day, one day with stat_time_hour, else 365.
        const qint64 maxDays = query.byHour ? 1 : (query.byDay ? 30 : 365);
        if (query.start.daysTo(query.end) + 1 > maxDays)
            return reject(40002,
                          QStringLiteral("end_date: The range may cover at most %1 day(s).").arg(maxDays));
    }
    for (const QJsonValue &filter : params.json(QStringLiteral("filtering")).toArray()) {
        const QJsonObject object = filter.toObject();
        if (object.value(QStringLiteral("field_name")).toString() != QLatin1String("campaign_ids"))
            continue;
        const QJsonValue ids =
            http::parseJsonText(object.value(QStringLiteral("filter_value")).toString());
        query.campaignIds += jsonList(ids);
        if (query.campaignIds.size() > 100)
            return reject(40002, QStringLiteral("filtering: At most 100 ids."));
    }
    return query;
}

/** What a report row adds up over: its day (invalid in totals), hour (-1 unless hourly) and id. */
struct ReportKey
{
    QDate day;
    int hour = -1;
    QString id;

    bool operator<(const ReportKey &other) const
    {
        return std::tie(day, hour, id) < std::tie(other.day, other.hour, other.id);
    }
};

QMap<ReportKey, DayStats> reportTotals(const ReportQuery &query,
                                       const QHash<QString, ObjectRecord> &campaigns,
                                       const QMap<QString, QList<DeliverySlice>> &delivery,
                                       const QString &advertiserId)
{
    QMap<ReportKey, DayStats> totals;
    const bool campaignLevel = query.idDimension == QLatin1String("campaign_id");
    const bool timed = query.byDay || query.byHour;
    for (auto it = campaigns.cbegin(); it != campaigns.cend(); ++it) {
        if (!query.campaignIds.isEmpty() && !query.campaignIds.contains(it.key()))
            continue;
        if (!timed && campaignLevel && it->status != QLatin1String("DELETE"))
            totals[{QDate(), -1, it.key()}]; // ID-only reports list every live campaign
        for (const DeliverySlice &slice : delivery.value(it.key())) {
            if (!query.lifetime && (slice.day < query.start || slice.day > query.end))
                continue;
            const QString id = campaignLevel ? it.key() : advertiserId;
            totals[{timed ? slice.day : QDate(), slice.hour, id}].add(slice.stats);
        }
    }
    return totals;
}

/** stat_time_day is "YYYY-MM-DD 00:00:00", stat_time_hour "YYYY-MM-DD HH:00:00" (tiktok.md 4.1). */
QJsonObject dimensionsOf(const ReportQuery &query, const ReportKey &key)
{
    QJsonObject dimensions{{query.idDimension, key.id}};
    const QString date = key.day.toString(Qt::ISODate);
    if (query.byDay)
        dimensions.insert(QStringLiteral("stat_time_day"), QString(date + QStringLiteral(" 00:00:00")));
    if (query.byHour)
        dimensions.insert(QStringLiteral("stat_time_hour"),
                          QStringLiteral("%1 %2:00:00").arg(date).arg(key.hour, 2, 10, QLatin1Char('0')));
    return dimensions;
}

} // namespace

TikTokResult<QJsonObject> report(const RequestParams &params,
                                 const RuleContext &context,
                                 quint64 seed)
{
    auto query = parseQuery(params);
    if (!query)
        return tl::unexpected(query.error());

    DeliveryRules rules; // a day never spends more than its daily budget (the safe reading)
    rules.reportingDelayMs = kReportingDelayMs;
    // The account zone is a fixed offset (tiktok.md 8), so every day has 24 hours and none repeats.
    const auto delivery = deliverySlices(deliveryUnits(context), rules, seed, context.nowMs, query->byHour);
    QHash<QString, ObjectRecord> campaigns;
    for (const ObjectRecord &record :
         context.store->objects(Platform::TikTok, kCampaign, context.account.accountId))
        campaigns.insert(record.id, record);

    const QMap<ReportKey, DayStats> totals = reportTotals(*query, campaigns, delivery, context.account.accountId);
    QList<QJsonObject> rows;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        const QString key = it.key().id + it.key().day.toString(Qt::ISODate)
            + (it.key().hour >= 0 ? QString::number(it.key().hour) : QString());
        const ObjectRecord campaign = campaigns.value(it.key().id);
        const QJsonObject metrics = metricsFor(it.value(), query->metrics, campaign, context.account, seed, key);
        rows.append(QJsonObject{{"dimensions", dimensionsOf(*query, it.key())}, {"metrics", metrics}});
    }
    return pageOf(rows, params);
}

} // namespace ads::core::sandbox::tiktok
