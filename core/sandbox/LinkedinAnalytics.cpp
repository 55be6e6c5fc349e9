#include "core/domain/Money.h"
#include "core/sandbox/LinkedinRules.h"

#include <QJsonArray>
#include <QSet>

// GET /rest/adAnalytics for the LinkedIn simulator (linkedin.md 5.1, 5.2): the analytics and
// statistics finders over ACCOUNT, CAMPAIGN_GROUP and CAMPAIGN pivots, answered from the
// delivery model in UTC days, with no pagination.

namespace ads::core::sandbox::linkedin {

namespace {

constexpr int kMaxFields = 20;

const QStringList kMetrics = {"impressions",
                              "clicks",
                              "landingPageClicks",
                              "costInLocalCurrency",
                              "costInUsd",
                              "externalWebsiteConversions",
                              "externalWebsitePostClickConversions",
                              "externalWebsitePostViewConversions",
                              "conversionValueInLocalCurrency",
                              "oneClickLeads",
                              "totalEngagements",
                              "videoViews",
                              "approximateMemberReach",
                              "follows",
                              "likes",
                              "comments",
                              "shares"};

Objective objectiveOf(const QString &objective)
{
    static const QHash<QString, Objective> map = {{"BRAND_AWARENESS", Objective::Awareness},
                                                  {"WEBSITE_VISIT", Objective::Traffic},
                                                  {"ENGAGEMENT", Objective::Engagement},
                                                  {"VIDEO_VIEW", Objective::Engagement},
                                                  {"LEAD_GENERATION", Objective::Leads},
                                                  {"WEBSITE_CONVERSION", Objective::Conversions},
                                                  {"JOB_APPLICANT", Objective::Traffic},
                                                  {"TALENT_LEAD", Objective::Leads}};
    return map.value(objective, Objective::Traffic);
}

qint64 scheduleValue(const ObjectRecord &record, const char *key)
{
    return record.state.value(QStringLiteral("runSchedule"))
        .toObject()
        .value(QLatin1String(key))
        .toInteger();
}

struct Query
{
    QString pivot;
    QString granularity;
    QDate start;
    QDate end;
    QStringList fields;
    QSet<QString> campaignIds;
};

QDate dateOf(const QJsonValue &value)
{
    const QJsonObject date = value.toObject();
    return QDate(date.value(QStringLiteral("year")).toString().toInt(),
                 date.value(QStringLiteral("month")).toString().toInt(),
                 date.value(QStringLiteral("day")).toString().toInt());
}

QJsonObject dateObject(const QDate &date)
{
    return QJsonObject{{"year", date.year()}, {"month", date.month()}, {"day", date.day()}};
}

LinkedinResult<void> parseRange(const RestliQuery &params, const RuleContext &context, Query &query)
{
    const QJsonObject range = params.values.value(QStringLiteral("dateRange")).toObject();
    query.start = dateOf(range.value(QStringLiteral("start")));
    if (!query.start.isValid())
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("dateRange.start is required as (year:,month:,day:)"));
    query.end = range.contains(QStringLiteral("end"))
                    ? dateOf(range.value(QStringLiteral("end")))
                    : QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC).date();
    if (!query.end.isValid() || query.end < query.start)
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("dateRange.end must be a date on or after the start"));
    return {};
}

LinkedinResult<void> parseFields(const RestliQuery &params, Query &query)
{
    query.fields = params.has(QStringLiteral("fields"))
                       ? params.text(QStringLiteral("fields")).split(QLatin1Char(','))
                       : QStringList{"impressions", "clicks", "dateRange", "pivotValues"};
    if (query.fields.size() > kMaxFields)
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("At most %1 fields may be requested").arg(kMaxFields));
    for (const QString &field : std::as_const(query.fields)) {
        if (!kMetrics.contains(field) && field != QLatin1String("dateRange")
            && field != QLatin1String("pivotValues"))
            return failure(400,
                           QStringLiteral("ILLEGAL_ARGUMENT"),
                           QStringLiteral("Invalid projection field '%1'").arg(field));
    }
    return {};
}

/** Campaign ids selected by the entity filters; at least one filter is required. */
LinkedinResult<void> parseFilters(const RestliQuery &params,
                                  const RuleContext &context,
                                  Query &query)
{
    const QStringList accounts = params.list(QStringLiteral("accounts"));
    const QStringList groups = params.list(QStringLiteral("campaignGroups"));
    const QStringList campaigns = params.list(QStringLiteral("campaigns"));
    const QStringList creatives = params.list(QStringLiteral("creatives"));
    if (accounts.isEmpty() && groups.isEmpty() && campaigns.isEmpty() && creatives.isEmpty())
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("One of accounts, campaignGroups, campaigns or creatives "
                                      "is required"));
    const bool wholeAccount = accounts.contains(accountUrn(context.account));
    for (const ObjectRecord &record :
         context.store->objects(Platform::LinkedIn, {}, context.account.accountId)) {
        const bool picked = (record.type == kCampaign
                             && (wholeAccount || campaigns.contains(kCampaignUrn + record.id)
                                 || groups.contains(kGroupUrn + record.parentId)))
                            || (record.type == kCreative && creatives.contains(record.id));
        if (picked)
            query.campaignIds.insert(record.type == kCampaign ? record.id : record.parentId);
    }
    return {};
}

LinkedinResult<Query> parseQuery(const RestliQuery &params, const RuleContext &context)
{
    Query query;
    const QString finder = params.text(QStringLiteral("q"));
    if (finder == QLatin1String("analytics")) {
        query.pivot = params.enumValue(QStringLiteral("pivot"));
    } else if (finder == QLatin1String("statistics")) {
        const QStringList pivots = params.list(QStringLiteral("pivots"));
        // Limitation: statistics with two or three pivots is not simulated.
        query.pivot = pivots.size() == 1 ? pivots.first() : QString();
    } else {
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("q must be analytics or statistics"));
    }
    // Limitation: creative and member pivots are not simulated; delivery is modelled per campaign.
    static const QStringList pivots = {"ACCOUNT", "CAMPAIGN_GROUP", "CAMPAIGN"};
    if (!pivots.contains(query.pivot))
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("Unsupported pivot '%1'; the sandbox simulates ACCOUNT, "
                                      "CAMPAIGN_GROUP and CAMPAIGN")
                           .arg(query.pivot));
    query.granularity = params.enumValue(QStringLiteral("timeGranularity"));
    static const QStringList granularities = {"DAILY", "MONTHLY", "YEARLY", "ALL"};
    if (!granularities.contains(query.granularity))
        return failure(400,
                       QStringLiteral("ILLEGAL_ARGUMENT"),
                       QStringLiteral("timeGranularity must be DAILY, MONTHLY, YEARLY or ALL"));
    if (auto ok = parseRange(params, context, query); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = parseFields(params, query); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = parseFilters(params, context, query); !ok)
        return tl::unexpected(ok.error());
    return query;
}

/** The first day of the bucket that holds day. */
QDate bucketStart(const QDate &day, const Query &query)
{
    if (query.granularity == QLatin1String("DAILY"))
        return day;
    if (query.granularity == QLatin1String("MONTHLY"))
        return std::max(QDate(day.year(), day.month(), 1), query.start);
    if (query.granularity == QLatin1String("YEARLY"))
        return std::max(QDate(day.year(), 1, 1), query.start);
    return query.start;
}

QDate bucketEnd(const QDate &start, const Query &query)
{
    QDate end = query.end;
    if (query.granularity == QLatin1String("DAILY"))
        end = start;
    else if (query.granularity == QLatin1String("MONTHLY"))
        end = QDate(start.year(), start.month(), 1).addMonths(1).addDays(-1);
    else if (query.granularity == QLatin1String("YEARLY"))
        end = QDate(start.year(), 12, 31);
    return std::min(end, query.end);
}

QJsonObject metricsOf(const DayStats &stats,
                      const Query &query,
                      const QString &objective,
                      const QString &currency)
{
    const qint64 days = query.start.daysTo(query.end) + 1;
    const bool leads = objective == QLatin1String("LEAD_GENERATION");
    const bool video = objective == QLatin1String("VIDEO_VIEW");
    const QHash<QString, QJsonValue> values = {
        {"impressions", stats.impressions},
        {"clicks", stats.clicks},
        {"landingPageClicks", stats.clicks},
        {"costInLocalCurrency", money::toDecimal(stats.spendMicros)},
        // The sandbox accounts are USD; another currency would need dated rates.
        {"costInUsd",
         currency == QLatin1String("USD") ? money::toDecimal(stats.spendMicros)
                                          : QJsonValue(QJsonValue::Null)},
        {"externalWebsiteConversions", leads ? 0 : stats.conversions},
        {"externalWebsitePostClickConversions", leads ? 0 : stats.conversions},
        {"externalWebsitePostViewConversions", 0},
        {"conversionValueInLocalCurrency",
         money::toDecimal(leads ? 0 : stats.conversionValueMicros)},
        {"oneClickLeads", leads ? stats.conversions : 0},
        {"totalEngagements", stats.clicks},
        {"videoViews", video ? stats.impressions * 3 / 10 : 0},
        // Reach is only offered for ranges of at most 92 days (linkedin.md 5.1).
        {"approximateMemberReach",
         days <= 92 ? QJsonValue(stats.impressions * 7 / 10) : QJsonValue(QJsonValue::Null)},
        {"follows", 0},
        {"likes", 0},
        {"comments", 0},
        {"shares", 0}};
    QJsonObject row;
    for (const QString &field : query.fields) {
        if (values.contains(field))
            row.insert(field, values.value(field));
    }
    return row;
}

} // namespace

QList<DeliveryUnit> deliveryUnits(const RuleContext &context)
{
    const QList<ObjectRecord> objects =
        context.store->objects(Platform::LinkedIn, {}, context.account.accountId);
    const auto histories = context.store->histories(Platform::LinkedIn);
    const auto on = [&](const QString &id) {
        return intervals::fromHistory(
            histories.value(id),
            [](const QString &s) { return s == QLatin1String("ACTIVE"); },
            context.nowMs);
    };
    QHash<QString, ObjectRecord> groups;
    QHash<QString, QList<Interval>> creativesOn;
    for (const ObjectRecord &record : objects) {
        if (record.type == kGroup)
            groups.insert(record.id, record);
        else if (record.type == kCreative)
            creativesOn[record.parentId] =
                intervals::unite(creativesOn.value(record.parentId), on(record.id));
    }

    QList<DeliveryUnit> units;
    for (const ObjectRecord &campaign : objects) {
        if (campaign.type != kCampaign || !groups.contains(campaign.parentId))
            continue;
        const ObjectRecord group = groups.value(campaign.parentId);
        DeliveryUnit unit;
        unit.campaignId = campaign.id;
        unit.unitId = campaign.id;
        unit.objective =
            objectiveOf(campaign.state.value(QStringLiteral("objectiveType")).toString());
        unit.startMs = std::max(scheduleValue(campaign, "start"), scheduleValue(group, "start"));
        const qint64 ends[] = {scheduleValue(campaign, "end"), scheduleValue(group, "end")};
        for (qint64 end : ends) {
            if (end > 0)
                unit.endMs = unit.endMs > 0 ? std::min(unit.endMs, end) : end;
        }
        unit.enabled = intervals::intersect(intervals::intersect(on(campaign.id), on(group.id)),
                                            creativesOn.value(campaign.id));
        // Daily budgets reset and reports count in UTC days (linkedin.md 3.2, 9).
        unit.zone = QTimeZone::utc();
        unit.minorUnitMicros = minorUnitMicros(context.account.currency);
        const bool daily = campaign.state.contains(QStringLiteral("dailyBudget"));
        unit.budgetType = daily ? BudgetType::Daily : BudgetType::Lifetime;
        const QJsonObject budget =
            campaign.state
                .value(daily ? QStringLiteral("dailyBudget") : QStringLiteral("totalBudget"))
                .toObject();
        unit.budgetMicros =
            money::parseDecimal(budget.value(QStringLiteral("amount")).toString()).value_or(0);
        // Limitation: a campaign group's totalBudget does not cap its campaigns' delivery.
        units.append(unit);
    }
    return units;
}

LinkedinResult<QJsonObject> analytics(const RestliQuery &params,
                                      const RuleContext &context,
                                      quint64 seed)
{
    auto query = parseQuery(params, context);
    if (!query)
        return tl::unexpected(query.error());

    // A day never spends more than its daily budget: LinkedIn's reported day overspend
    // (linkedin.md 3.2) is secondary, so the sandbox keeps the safe reading.
    const DeliveryRules rules;
    const auto delivery = simulateCampaigns(deliveryUnits(context), rules, seed, context.nowMs);
    QMap<QPair<QString, QDate>, DayStats> buckets; // (pivot value, bucket start)
    QHash<QString, QString> objectives;            // pivot value -> objective
    for (const QString &campaignId : std::as_const(query->campaignIds)) {
        const auto campaign = context.store->object(Platform::LinkedIn, campaignId);
        if (!campaign)
            continue;
        QString pivot = kCampaignUrn + campaignId;
        if (query->pivot == QLatin1String("CAMPAIGN_GROUP"))
            pivot = kGroupUrn + campaign->parentId;
        else if (query->pivot == QLatin1String("ACCOUNT"))
            pivot = accountUrn(context.account);
        objectives.insert(pivot, campaign->state.value(QStringLiteral("objectiveType")).toString());
        for (const DayStats &day : delivery.value(campaignId)) {
            if (day.day < query->start || day.day > query->end)
                continue;
            buckets[{pivot, bucketStart(day.day, *query)}].add(day);
        }
    }

    QJsonArray elements;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        QJsonObject row = metricsOf(
            it.value(), *query, objectives.value(it.key().first), context.account.currency);
        if (query->fields.contains(QStringLiteral("pivotValues")))
            row.insert(QStringLiteral("pivotValues"), QJsonArray{it.key().first});
        if (query->fields.contains(QStringLiteral("dateRange")))
            row.insert(QStringLiteral("dateRange"),
                       QJsonObject{{"start", dateObject(it.key().second)},
                                   {"end", dateObject(bucketEnd(it.key().second, *query))}});
        elements.append(row);
    }
    return QJsonObject{
        {"paging", QJsonObject{{"start", 0}, {"count", elements.size()}, {"links", QJsonArray()}}},
        {"elements", elements}};
}

} // namespace ads::core::sandbox::linkedin
