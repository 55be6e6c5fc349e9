#include "core/sandbox/PinterestRules.h"

#include <QSet>

// Synchronous analytics for the Pinterest simulator (pinterest.md 4.1): campaign, ad group and
// account levels, DAY/WEEK/MONTH/TOTAL granularity in UTC days, a bare array of rows keyed by
// upper-case column names, zero columns and idle days left out.

namespace ads::core::sandbox::pinterest {

namespace {

constexpr qint64 kMaxDaysBack = 90;
constexpr qint64 kMaxSpanDays = 90;

const QStringList kColumns = {"SPEND_IN_MICRO_DOLLAR",
                              "SPEND_IN_DOLLAR",
                              "IMPRESSION_1",
                              "IMPRESSION_2",
                              "TOTAL_IMPRESSION",
                              "PAID_IMPRESSION",
                              "CLICKTHROUGH_1",
                              "CLICKTHROUGH_2",
                              "TOTAL_CLICKTHROUGH",
                              "OUTBOUND_CLICK_1",
                              "CTR",
                              "CPC_IN_MICRO_DOLLAR",
                              "CPM_IN_MICRO_DOLLAR",
                              "TOTAL_CONVERSIONS",
                              "TOTAL_CHECKOUT",
                              "TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR",
                              "TOTAL_LEAD",
                              "TOTAL_SIGNUP",
                              "TOTAL_PAGE_VISIT",
                              "TOTAL_ENGAGEMENT",
                              "CAMPAIGN_ID",
                              "CAMPAIGN_NAME",
                              "AD_GROUP_ID",
                              "AD_ACCOUNT_ID"};

Objective objectiveOf(const QString &objective)
{
    static const QHash<QString, Objective> map = {{"AWARENESS", Objective::Awareness},
                                                  {"CONSIDERATION", Objective::Traffic},
                                                  {"WEB_CONVERSION", Objective::Conversions},
                                                  {"CATALOG_SALES", Objective::Sales},
                                                  {"VIDEO_COMPLETION", Objective::Engagement}};
    return map.value(objective, Objective::Traffic);
}

qint64 msOf(const ObjectRecord &record, const char *key)
{
    const QJsonValue value = record.state.value(QLatin1String(key));
    return value.isDouble() ? value.toInteger() * 1000 : 0;
}

/** The later start and the earlier end of two windows (0 = open). */
void narrow(DeliveryUnit &unit, const ObjectRecord &record)
{
    unit.startMs = std::max(unit.startMs, msOf(record, "start_time"));
    const qint64 end = msOf(record, "end_time");
    if (end > 0)
        unit.endMs = unit.endMs > 0 ? std::min(unit.endMs, end) : end;
}

/** One unit per ad group (per campaign with campaign budget optimization), keyed by ad group. */
QList<DeliveryUnit> deliveryUnits(const RuleContext &context)
{
    const QList<ObjectRecord> objects =
        context.store->objects(Platform::Pinterest, {}, context.account.accountId);
    const auto histories = context.store->histories(Platform::Pinterest);
    const auto on = [&](const QString &id) {
        return intervals::fromHistory(
            histories.value(id),
            [](const QString &s) { return s == QLatin1String("ACTIVE"); },
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
    QList<DeliveryUnit> units;
    QHash<QString, qsizetype> pooled; // CBO campaign id -> index in units
    for (const ObjectRecord &group : objects) {
        if (group.type != kAdGroup || !campaigns.contains(group.parentId))
            continue;
        const ObjectRecord campaign = campaigns.value(group.parentId);
        const bool cbo =
            campaign.state.value(QStringLiteral("is_campaign_budget_optimization")).toBool();
        DeliveryUnit unit;
        unit.campaignId = campaign.id;
        unit.unitId = cbo ? campaign.id : group.id;
        unit.objective = objectiveOf(campaign.state.value("objective_type").toString());
        unit.startMs = group.createdAtMs;
        narrow(unit, campaign);
        narrow(unit, group);
        unit.enabled = intervals::intersect(intervals::intersect(on(campaign.id), on(group.id)),
                                            adsOn.value(group.id));
        // Report dates are UTC (pinterest.md 4.1); spend counts in whole cents.
        unit.zone = QTimeZone::utc();
        unit.minorUnitMicros = minorUnitMicros(context.account.currency);
        const qint64 daily = campaign.state.value("daily_spend_cap").toInteger();
        const qint64 lifetime = campaign.state.value("lifetime_spend_cap").toInteger();
        if (cbo) {
            unit.budgetType = lifetime > 0 ? BudgetType::Lifetime : BudgetType::Daily;
            unit.budgetMicros = lifetime > 0 ? lifetime : daily;
            if (pooled.contains(campaign.id)) {
                DeliveryUnit &pool = units[pooled.value(campaign.id)];
                pool.enabled = intervals::unite(pool.enabled, unit.enabled);
                continue;
            }
            pooled.insert(campaign.id, units.size());
        } else {
            unit.budgetType = group.state.value("budget_type").toString() == "LIFETIME"
                                  ? BudgetType::Lifetime
                                  : BudgetType::Daily;
            unit.budgetMicros = group.state.value("budget_in_micro_currency").toInteger();
            if (daily > 0 && unit.budgetType == BudgetType::Daily)
                unit.budgetMicros = std::min(unit.budgetMicros, daily); // the campaign cap
        }
        units.append(unit);
    }
    return units;
}

struct Query
{
    QDate start;
    QDate end;
    QString granularity;
    QStringList columns;
    QSet<QString> ids;
};

PinterestResult<Query> parseQuery(const QUrlQuery &params,
                                  const QString &level,
                                  const RuleContext &context)
{
    const auto invalid = [&](const QString &why) {
        return tl::unexpected(PinterestError{
            400,
            400,
            QStringLiteral("Invalid ad account %1 analytics parameters. %2")
                .arg(level.toLower().replace(QLatin1Char('_'), QLatin1Char(' ')), why)});
    };
    Query query;
    query.start = QDate::fromString(params.queryItemValue("start_date"), Qt::ISODate);
    query.end = QDate::fromString(params.queryItemValue("end_date"), Qt::ISODate);
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC).date();
    if (!query.start.isValid() || !query.end.isValid() || query.end < query.start)
        return invalid(QStringLiteral("start_date and end_date are required as YYYY-MM-DD."));
    if (query.start.daysTo(today) > kMaxDaysBack || query.start.daysTo(query.end) >= kMaxSpanDays)
        return invalid(QStringLiteral("You can only get data from the last 90 days."));
    query.granularity = params.queryItemValue(QStringLiteral("granularity"));
    // Limitation: HOUR granularity is not simulated; delivery is modelled per day.
    if (!QStringList{"TOTAL", "DAY", "WEEK", "MONTH"}.contains(query.granularity))
        return invalid(QStringLiteral("granularity must be TOTAL, DAY, WEEK or MONTH."));
    query.columns = listParam(params, QStringLiteral("columns"));
    if (query.columns.isEmpty())
        return invalid(QStringLiteral("columns is required."));
    for (const QString &column : std::as_const(query.columns)) {
        if (!kColumns.contains(column))
            return invalid(QStringLiteral("Unknown column %1.").arg(column));
    }
    const QString idKey = level == QLatin1String("CAMPAIGN") ? QStringLiteral("campaign_ids")
                                                             : QStringLiteral("ad_group_ids");
    const QStringList ids = listParam(params, idKey);
    if (level != QLatin1String("AD_ACCOUNT") && (ids.isEmpty() || ids.size() > 250))
        return invalid(QStringLiteral("%1 needs 1 to 250 ids.").arg(idKey));
    query.ids = QSet<QString>(ids.begin(), ids.end());
    return query;
}

QDate bucketOf(const QDate &day, const Query &query)
{
    if (query.granularity == QLatin1String("WEEK"))
        return day.addDays(1 - day.dayOfWeek()); // weeks start on Monday
    if (query.granularity == QLatin1String("MONTH"))
        return QDate(day.year(), day.month(), 1);
    if (query.granularity == QLatin1String("TOTAL"))
        return QDate();
    return day;
}

QJsonObject rowOf(const DayStats &stats, const Query &query, const QHash<QString, QJsonValue> &ids)
{
    const auto ratio = [](qint64 a, qint64 b) {
        return b > 0 ? double(a) / double(b) : 0.0;
    };
    const QHash<QString, QJsonValue> values = {
        {"SPEND_IN_MICRO_DOLLAR", stats.spendMicros},
        {"SPEND_IN_DOLLAR", double(stats.spendMicros) / 1e6},
        {"IMPRESSION_1", stats.impressions},
        {"TOTAL_IMPRESSION", stats.impressions},
        {"PAID_IMPRESSION", stats.impressions},
        {"CLICKTHROUGH_1", stats.clicks},
        {"TOTAL_CLICKTHROUGH", stats.clicks},
        {"OUTBOUND_CLICK_1", stats.clicks},
        {"CTR", ratio(stats.clicks, stats.impressions)},
        {"CPC_IN_MICRO_DOLLAR", ratio(stats.spendMicros, stats.clicks)},
        {"CPM_IN_MICRO_DOLLAR", ratio(stats.spendMicros * 1000, stats.impressions)},
        {"TOTAL_CONVERSIONS", stats.conversions},
        {"TOTAL_CHECKOUT", stats.conversions},
        {"TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR", stats.conversionValueMicros},
        {"TOTAL_ENGAGEMENT", stats.clicks}};
    QJsonObject row;
    for (const QString &column : query.columns) {
        if (ids.contains(column)) {
            row.insert(column, ids.value(column));
            continue;
        }
        const QJsonValue value = values.value(column);
        if (value.isDouble() && value.toDouble() != 0.0) // zero columns are omitted
            row.insert(column, value);
    }
    return row;
}

} // namespace

PinterestResult<QJsonArray> analytics(const QUrlQuery &params,
                                      const QString &level,
                                      const RuleContext &context,
                                      quint64 seed)
{
    auto query = parseQuery(params, level, context);
    if (!query)
        return tl::unexpected(query.error());
    const QList<DeliveryUnit> units = deliveryUnits(context);
    QMap<QPair<QString, QDate>, DayStats> buckets;
    QHash<QString, QString> campaignOf; // entity id -> campaign id
    for (const DeliveryUnit &unit : units) {
        const QString id = level == QLatin1String("CAMPAIGN")     ? unit.campaignId
                           : level == QLatin1String("AD_ACCOUNT") ? context.account.accountId
                                                                  : unit.unitId;
        if (level != QLatin1String("AD_ACCOUNT") && !query->ids.contains(id))
            continue;
        // Limitation: AD_GROUP rows of a campaign-budget campaign are reported on the campaign.
        campaignOf.insert(id, unit.campaignId);
        for (const DayStats &day : simulate(unit, DeliveryRules(), seed, context.nowMs)) {
            if (day.day < query->start || day.day > query->end)
                continue;
            buckets[{id, bucketOf(day.day, *query)}].add(day);
        }
    }
    QJsonArray rows;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const auto campaign =
            context.store->object(Platform::Pinterest, campaignOf.value(it.key().first));
        const QString idColumn = level == QLatin1String("CAMPAIGN")     ? "CAMPAIGN_ID"
                                 : level == QLatin1String("AD_ACCOUNT") ? "AD_ACCOUNT_ID"
                                                                        : "AD_GROUP_ID";
        const QHash<QString, QJsonValue> ids = {
            {idColumn, it.key().first},
            {"CAMPAIGN_ID", campaignOf.value(it.key().first)},
            {"CAMPAIGN_NAME", campaign ? campaign->name : QString()},
            {"AD_ACCOUNT_ID", context.account.accountId}};
        QJsonObject row = rowOf(it.value(), *query, ids);
        row.insert(idColumn, it.key().first);
        if (query->granularity != QLatin1String("TOTAL"))
            row.insert(QStringLiteral("DATE"), it.key().second.toString(Qt::ISODate));
        rows.append(row);
    }
    return rows;
}

} // namespace ads::core::sandbox::pinterest
