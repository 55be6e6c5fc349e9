#include "core/domain/Money.h"
#include "core/sandbox/FacebookRules.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

// Updates, node rendering, edge filtering and paging, insights and delivery units of the
// Meta simulator.

namespace ads::core::sandbox::facebook {

namespace {

const QStringList kCommonFields = {"id",
                                   "name",
                                   "status",
                                   "configured_status",
                                   "effective_status",
                                   "created_time",
                                   "updated_time",
                                   "account_id"};

const QHash<QString, QStringList> kTypeFields = {
    {kCampaign,
     {"objective",
      "special_ad_categories",
      "special_ad_category_country",
      "daily_budget",
      "lifetime_budget",
      "bid_strategy",
      "buying_type",
      "start_time",
      "stop_time",
      "is_adset_budget_sharing_enabled",
      "budget_remaining",
      "spend_cap",
      "issues_info",
      "adlabels",
      "source_campaign_id",
      "can_use_spend_cap"}},
    {kAdSet,
     {"campaign_id",
      "campaign",
      "daily_budget",
      "lifetime_budget",
      "start_time",
      "end_time",
      "optimization_goal",
      "billing_event",
      "bid_strategy",
      "bid_amount",
      "targeting",
      "promoted_object",
      "destination_type",
      "budget_remaining",
      "issues_info",
      "attribution_spec",
      "adlabels"}},
    {kAd,
     {"adset_id",
      "campaign_id",
      "adset",
      "campaign",
      "creative",
      "issues_info",
      "ad_review_feedback",
      "tracking_specs",
      "adlabels"}},
    {kCreative,
     {"object_story_spec",
      "url_tags",
      "image_hash",
      "video_id",
      "thumbnail_url",
      "object_type",
      "body",
      "title"}},
    {kImage, {"hash", "url", "width", "height", "original_width", "original_height"}},
    {kVideo, {"title", "description", "length", "source", "picture"}},
    {kAudience,
     {"subtype",
      "description",
      "customer_file_source",
      "operation_status",
      "approximate_count_lower_bound",
      "approximate_count_upper_bound",
      "delivery_status",
      "retention_days"}},
};

const QStringList kInsightFields = {"account_id",
                                    "account_name",
                                    "account_currency",
                                    "campaign_id",
                                    "campaign_name",
                                    "objective",
                                    "impressions",
                                    "reach",
                                    "frequency",
                                    "clicks",
                                    "inline_link_clicks",
                                    "spend",
                                    "ctr",
                                    "cpc",
                                    "cpm",
                                    "cpp",
                                    "actions",
                                    "action_values",
                                    "purchase_roas",
                                    "cost_per_action_type",
                                    "date_start",
                                    "date_stop",
                                    "buying_type"};

qint64 msValue(const QJsonObject &state, const QString &key)
{
    return state.value(key).toVariant().toLongLong();
}

QJsonValue budgetText(const QJsonObject &state, const QString &key)
{
    if (!state.contains(key))
        return QJsonValue(QJsonValue::Undefined);
    return QString::number(state.value(key).toInteger());
}

QString parentStatus(const RenderContext &context, const QString &id)
{
    if (!context.store || id.isEmpty())
        return {};
    const auto parent = context.store->object(Platform::Facebook, id);
    return parent ? parent->status : QString();
}

QString effectiveStatus(const ObjectRecord &record, const RenderContext &context)
{
    if (record.status != QLatin1String("ACTIVE"))
        return record.status;
    const QString campaignId = record.type == kCampaign
                                   ? QString()
                                   : record.state.value(QStringLiteral("campaign_id")).toString();
    const QString campaign = parentStatus(context, campaignId);
    if (!campaign.isEmpty() && campaign != QLatin1String("ACTIVE"))
        return QStringLiteral("CAMPAIGN_PAUSED");
    if (record.type == kAd) {
        const QString adSet =
            parentStatus(context, record.state.value(QStringLiteral("adset_id")).toString());
        if (!adSet.isEmpty() && adSet != QLatin1String("ACTIVE"))
            return QStringLiteral("ADSET_PAUSED");
    }
    return record.status;
}

QJsonValue commonField(const QString &field,
                       const ObjectRecord &record,
                       const RenderContext &context,
                       const QTimeZone &zone)
{
    if (field == QLatin1String("id"))
        return record.type == kImage ? imageRecordId(record.accountId, record.id) : record.id;
    if (field == QLatin1String("name"))
        return record.name;
    if (field == QLatin1String("status") || field == QLatin1String("configured_status"))
        return record.status;
    if (field == QLatin1String("effective_status"))
        return effectiveStatus(record, context);
    if (field == QLatin1String("created_time"))
        return graphTime(record.createdAtMs, zone);
    if (field == QLatin1String("updated_time"))
        return graphTime(record.updatedAtMs, zone);
    if (field == QLatin1String("account_id"))
        return record.accountId;
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue typedField(const QString &field,
                      const QStringList &children,
                      const ObjectRecord &record,
                      const QTimeZone &zone)
{
    const QJsonObject &state = record.state;
    if (field == QLatin1String("daily_budget") || field == QLatin1String("lifetime_budget")
        || field == QLatin1String("spend_cap")) {
        return budgetText(state, field);
    }
    if (field == QLatin1String("start_time") || field == QLatin1String("end_time")
        || field == QLatin1String("stop_time")) {
        return state.contains(field) ? QJsonValue(graphTime(msValue(state, field), zone))
                                     : QJsonValue(QJsonValue::Undefined);
    }
    if (field == QLatin1String("campaign") || field == QLatin1String("adset")) {
        QJsonObject node{{"id", state.value(field + QStringLiteral("_id"))}};
        Q_UNUSED(children);
        return node;
    }
    if (field == QLatin1String("creative"))
        return QJsonObject{{"id", state.value(QStringLiteral("creative_id"))}};
    if (field == QLatin1String("approximate_count_lower_bound")
        || field == QLatin1String("approximate_count_upper_bound")) {
        return state.value(QStringLiteral("members")).toInteger();
    }
    if (field == QLatin1String("hash") && record.type == kImage)
        return imageHash(record);
    return state.value(field);
}

QString cursor(qsizetype index)
{
    return QString::fromLatin1(
        QByteArray("offset:" + QByteArray::number(index))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> decodeCursor(const QString &text)
{
    const QByteArray raw = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw.startsWith("offset:"))
        return std::nullopt;
    bool ok = false;
    const qsizetype index = raw.mid(7).toLongLong(&ok);
    return ok && index >= 0 ? std::optional<qsizetype>(index) : std::nullopt;
}

QString pageUrl(const SandboxRequest &request, const QString &key, const QString &value)
{
    QUrlQuery query = request.query;
    query.removeAllQueryItems(QStringLiteral("after"));
    query.removeAllQueryItems(QStringLiteral("before"));
    query.addQueryItem(key, value);
    QUrl url(request.origin());
    url.setPath(request.path);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool matchText(const QString &actual, const QString &op, const QJsonValue &value)
{
    const QString expected =
        value.isString() ? value.toString() : QString::number(value.toDouble(), 'f', 0);
    if (op == QLatin1String("EQUAL"))
        return actual == expected;
    if (op == QLatin1String("NOT_EQUAL"))
        return actual != expected;
    if (op == QLatin1String("CONTAIN"))
        return actual.contains(expected, Qt::CaseInsensitive);
    if (op == QLatin1String("NOT_CONTAIN"))
        return !actual.contains(expected, Qt::CaseInsensitive);
    if (op == QLatin1String("STARTS_WITH"))
        return actual.startsWith(expected, Qt::CaseInsensitive);
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.isString() ? item.toString() : QString::number(item.toDouble(), 'f', 0));
    if (op == QLatin1String("IN"))
        return list.contains(actual);
    if (op == QLatin1String("NOT_IN"))
        return !list.contains(actual);
    return false;
}

QString filterSubject(const Filter &filter,
                      const ObjectRecord &record,
                      const RenderContext &context)
{
    const QString field = filter.field.section(QLatin1Char('.'), -1);
    const QString owner = filter.field.contains(QLatin1Char('.'))
                              ? filter.field.section(QLatin1Char('.'), 0, 0)
                              : record.type;
    if (owner != record.type && field == QLatin1String("id"))
        return record.state.value(owner + QStringLiteral("_id")).toString();
    if (field == QLatin1String("effective_status"))
        return effectiveStatus(record, context);
    if (field == QLatin1String("configured_status") || field == QLatin1String("status"))
        return record.status;
    if (field == QLatin1String("name"))
        return record.name;
    if (field == QLatin1String("hash") && record.type == kImage)
        return imageHash(record);
    return record.id;
}

MetaResult<QDate> parseDate(const QString &text, const QString &blame)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        MetaError error{400,
                        100,
                        0,
                        QStringLiteral("(#100) %1 must be a date in YYYY-MM-DD").arg(blame),
                        QStringLiteral("time_range")};
        return tl::unexpected<MetaError>(error);
    }
    return date;
}

tl::unexpected<MetaError> insightsInvalid(const QString &message, const QString &blame)
{
    return tl::unexpected<MetaError>(
        MetaError{400, 100, 0, QStringLiteral("(#100) ") + message, blame});
}

MetaResult<QPair<QDate, QDate>> presetRange(const QString &preset, const QDate &today)
{
    const QDate monthStart(today.year(), today.month(), 1);
    static const QHash<QString, int> lastDays = {{"last_3d", 3},
                                                 {"last_7d", 7},
                                                 {"last_14d", 14},
                                                 {"last_28d", 28},
                                                 {"last_30d", 30},
                                                 {"last_90d", 90}};
    if (lastDays.contains(preset))
        return qMakePair(today.addDays(-lastDays.value(preset)), today.addDays(-1));
    if (preset == QLatin1String("today"))
        return qMakePair(today, today);
    if (preset == QLatin1String("yesterday"))
        return qMakePair(today.addDays(-1), today.addDays(-1));
    if (preset == QLatin1String("this_month"))
        return qMakePair(monthStart, today);
    if (preset == QLatin1String("last_month"))
        return qMakePair(monthStart.addMonths(-1), monthStart.addDays(-1));
    if (preset == QLatin1String("this_year"))
        return qMakePair(QDate(today.year(), 1, 1), today);
    if (preset == QLatin1String("maximum") || preset == QLatin1String("data_maximum"))
        return qMakePair(today.addMonths(-37), today);
    if (preset == QLatin1String("this_week_sun_today"))
        return qMakePair(today.addDays(-(today.dayOfWeek() % 7)), today);
    if (preset == QLatin1String("this_week_mon_today"))
        return qMakePair(today.addDays(1 - today.dayOfWeek()), today);
    return insightsInvalid(QStringLiteral("date_preset %1 is not supported").arg(preset),
                           QStringLiteral("date_preset"));
}

QDate bucketStart(const QDate &day, const InsightsQuery &query)
{
    if (query.increment == 0)
        return query.since;
    if (query.increment < 0)
        return std::max(query.since, QDate(day.year(), day.month(), 1));
    return query.since.addDays(query.since.daysTo(day) / query.increment * query.increment);
}

QDate bucketEnd(const QDate &start, const InsightsQuery &query)
{
    if (query.increment == 0)
        return query.until;
    if (query.increment < 0)
        return std::min(query.until,
                        QDate(start.year(), start.month(), 1).addMonths(1).addDays(-1));
    return std::min(query.until, start.addDays(query.increment - 1));
}

QString decimal(qint64 valueE6)
{
    return money::toDecimal(valueE6, 0);
}

QJsonArray actionList(const QList<QPair<QString, QString>> &items)
{
    QJsonArray list;
    for (const auto &item : items)
        list.append(QJsonObject{{"action_type", item.first}, {"value", item.second}});
    return list;
}

QStringList conversionActionTypes(const QString &objective)
{
    if (objective == QLatin1String("OUTCOME_SALES"))
        return {"offsite_conversion.fb_pixel_purchase", "purchase", "omni_purchase"};
    if (objective == QLatin1String("OUTCOME_LEADS"))
        return {"lead", "offsite_conversion.fb_pixel_lead"};
    if (objective == QLatin1String("OUTCOME_APP_PROMOTION"))
        return {"mobile_app_install", "app_install"};
    if (objective == QLatin1String("OUTCOME_ENGAGEMENT"))
        return {"post_engagement", "page_engagement"};
    if (objective == QLatin1String("OUTCOME_TRAFFIC"))
        return {"landing_page_view"};
    return {};
}

void insertMetrics(QJsonObject &row,
                   const DayStats &stats,
                   const QString &objective,
                   qint64 reach,
                   const QStringList &fields)
{
    const qint64 linkClicks = stats.clicks * 87 / 100;
    QHash<QString, QJsonValue> values;
    if (stats.impressions > 0) {
        values.insert("impressions", QString::number(stats.impressions));
        values.insert("reach", QString::number(reach));
        values.insert("frequency", decimal(mulDiv(stats.impressions, 1'000'000, reach)));
        values.insert("cpm", decimal(mulDiv(stats.spendMicros, 1000, stats.impressions)));
        values.insert("cpp", decimal(mulDiv(stats.spendMicros, 1000, reach)));
        values.insert("ctr", decimal(mulDiv(stats.clicks, 100'000'000, stats.impressions)));
    }
    if (stats.clicks > 0) {
        values.insert("clicks", QString::number(stats.clicks));
        values.insert("cpc", decimal(stats.spendMicros / stats.clicks));
    }
    if (linkClicks > 0)
        values.insert("inline_link_clicks", QString::number(linkClicks));
    if (stats.spendMicros > 0)
        values.insert("spend", money::toDecimal(stats.spendMicros, 2));

    QList<QPair<QString, QString>> actions;
    QList<QPair<QString, QString>> actionValues;
    if (linkClicks > 0)
        actions.append({QStringLiteral("link_click"), QString::number(linkClicks)});
    const bool purchases = objective == QLatin1String("OUTCOME_SALES");
    for (const QString &type : conversionActionTypes(objective)) {
        if (stats.conversions <= 0)
            break;
        actions.append({type, QString::number(stats.conversions)});
        if (purchases)
            actionValues.append({type, money::toDecimal(stats.conversionValueMicros, 2)});
    }
    if (!actions.isEmpty())
        values.insert("actions", actionList(actions));
    if (!actionValues.isEmpty()) {
        values.insert("action_values", actionList(actionValues));
        values.insert(
            "purchase_roas",
            actionList(
                {{QStringLiteral("omni_purchase"),
                  decimal(mulDiv(stats.conversionValueMicros, 1'000'000, stats.spendMicros))}}));
    }
    for (const QString &field : fields) {
        if (values.contains(field))
            row.insert(field, values.value(field));
    }
}

ObjectRecord findCampaign(const QList<ObjectRecord> &campaigns, const QString &id)
{
    for (const ObjectRecord &campaign : campaigns) {
        if (campaign.id == id)
            return campaign;
    }
    return {};
}

QList<Interval> onIntervals(const QHash<QString, QList<StatusChange>> &histories,
                            const QString &id,
                            qint64 nowMs)
{
    return intervals::fromHistory(
        histories.value(id),
        [](const QString &status) { return status == QLatin1String("ACTIVE"); },
        nowMs);
}

Objective genericObjective(const QString &objective)
{
    static const QHash<QString, Objective> map = {{"OUTCOME_AWARENESS", Objective::Awareness},
                                                  {"OUTCOME_TRAFFIC", Objective::Traffic},
                                                  {"OUTCOME_ENGAGEMENT", Objective::Engagement},
                                                  {"OUTCOME_LEADS", Objective::Leads},
                                                  {"OUTCOME_APP_PROMOTION", Objective::AppInstalls},
                                                  {"OUTCOME_SALES", Objective::Sales}};
    return map.value(objective, Objective::Traffic);
}

void setBudget(DeliveryUnit &unit, const QJsonObject &state, const QString &currency)
{
    const qint64 unitMicros = budgetUnitMicros(currency);
    if (state.contains(QStringLiteral("lifetime_budget"))) {
        unit.budgetType = BudgetType::Lifetime;
        unit.budgetMicros = state.value(QStringLiteral("lifetime_budget")).toInteger() * unitMicros;
    } else {
        unit.budgetType = BudgetType::Daily;
        unit.budgetMicros = state.value(QStringLiteral("daily_budget")).toInteger() * unitMicros;
    }
}

MetaResult<void> updateBudget(const RequestParams &params, ObjectRecord &record, qint64 nowMs)
{
    for (const char *name : {"daily_budget", "lifetime_budget"}) {
        const QString key = QString::fromLatin1(name);
        if (!params.has(key))
            continue;
        const auto value = integerValue(params.values.value(key));
        if (!value || *value <= 0)
            return insightsInvalid(QStringLiteral("Param %1 must be a positive integer").arg(key),
                                   key);
        if (!record.state.contains(key))
            return insightsInvalid(QStringLiteral("The budget type of an existing %1 cannot be "
                                                  "changed")
                                       .arg(record.type),
                                   key);
        if (record.type == kAdSet) {
            // At most 4 budget changes per ad set per hour (meta.md 4); the 5th is refused.
            QJsonArray recent;
            for (const QJsonValue &at :
                 record.state.value(QStringLiteral("budget_changes")).toArray()) {
                if (nowMs - at.toVariant().toLongLong() < 3600 * 1000)
                    recent.append(at);
            }
            if (recent.size() >= 4) {
                return tl::unexpected<MetaError>(
                    MetaError{400,
                              17,
                              0,
                              QStringLiteral("(#17) User request limit reached: too many budget "
                                             "changes for this ad set in the last hour"),
                              key,
                              {},
                              {},
                              true});
            }
            recent.append(QString::number(nowMs));
            record.state.insert(QStringLiteral("budget_changes"), recent);
        }
        record.state.insert(key, *value);
    }
    return {};
}

} // namespace

QString graphTime(qint64 ms, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, zone);
    const int offset = local.offsetFromUtc();
    const QChar sign = offset < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + sign
           + QStringLiteral("%1%2")
                 .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                 .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject renderAccount(const SandboxAccount &account,
                          const RequestParams &params,
                          const RenderContext &)
{
    const QTimeZone zone(account.timeZone.toUtf8());
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(zone);
    const QHash<QString, QJsonValue> values = {
        {"id", QString(QStringLiteral("act_") + account.accountId)},
        {"account_id", account.accountId},
        {"name", account.name},
        {"currency", account.currency},
        {"timezone_name", account.timeZone},
        {"timezone_offset_hours_utc", now.offsetFromUtc() / 3600.0},
        {"account_status", 1},
        {"amount_spent", QStringLiteral("0")},
        {"spend_cap", QStringLiteral("0")},
        {"min_daily_budget", int(minimumDailyBudgetUnits(account.currency))}};
    QJsonObject node;
    const FieldList fields = parseFieldList(params.text(QStringLiteral("fields")));
    for (const auto &field : fields) {
        if (values.contains(field.first))
            node.insert(field.first, values.value(field.first));
    }
    if (fields.isEmpty() || !node.contains(QStringLiteral("id")))
        node.insert(QStringLiteral("id"), values.value(QStringLiteral("id")));
    return node;
}

qint64 minimumDailyBudgetUnits(const QString &currency)
{
    return 1'000'000 / budgetUnitMicros(currency);
}

QJsonObject pixelNode(const SandboxAccount &account)
{
    return QJsonObject{{"id", account.extra.value(QStringLiteral("pixelId"))},
                       {"name", QString(account.name + QStringLiteral(" pixel"))}};
}

QJsonObject fixtureNode(const SandboxAccount &account, const QString &id)
{
    if (id == account.extra.value(QStringLiteral("pixelId")))
        return pixelNode(account);
    if (id == account.extra.value(QStringLiteral("pageId")))
        return QJsonObject{{"id", id}, {"name", QString(account.name + QStringLiteral(" page"))}};
    return {};
}

FieldList parseFieldList(const QString &text)
{
    FieldList fields;
    QString current;
    QString children;
    int depth = 0;
    const auto flush = [&] {
        if (!current.trimmed().isEmpty()) {
            QStringList subfields;
            for (const QString &child : children.split(QLatin1Char(','), Qt::SkipEmptyParts))
                subfields.append(child.trimmed());
            fields.append({current.trimmed(), subfields});
        }
        current.clear();
        children.clear();
    };
    for (const QChar c : text) {
        if (c == QLatin1Char('{')) {
            if (depth++ > 0)
                children += c;
        } else if (c == QLatin1Char('}')) {
            if (--depth > 0)
                children += c;
        } else if (c == QLatin1Char(',') && depth == 0) {
            flush();
        } else if (depth > 0) {
            children += c;
        } else {
            current += c;
        }
    }
    flush();
    return fields;
}

QString unknownField(const QString &type, const FieldList &fields)
{
    const QStringList typed = kTypeFields.value(type);
    for (const auto &field : fields) {
        if (!kCommonFields.contains(field.first) && !typed.contains(field.first))
            return field.first;
    }
    return {};
}

QJsonObject renderObject(const ObjectRecord &record,
                         const FieldList &fields,
                         const RenderContext &context)
{
    const QTimeZone zone(context.account.timeZone.toUtf8());
    QJsonObject node;
    for (const auto &field : fields) {
        QJsonValue value = commonField(field.first, record, context, zone);
        if (value.isUndefined())
            value = typedField(field.first, field.second, record, zone);
        if (!value.isUndefined() && !value.isNull())
            node.insert(field.first, value);
    }
    if (!node.contains(QStringLiteral("id")))
        node.insert(QStringLiteral("id"), commonField(QStringLiteral("id"), record, context, zone));
    return node;
}

MetaResult<QList<Filter>> parseFilters(const RequestParams &params, const QString &type)
{
    QList<Filter> filters;
    const QJsonValue raw = params.json(QStringLiteral("filtering"));
    if (params.has(QStringLiteral("filtering")) && !raw.isArray())
        return insightsInvalid(QStringLiteral("Param filtering must be a JSON array"),
                               QStringLiteral("filtering"));
    static const QSet<QString> ops = {
        "EQUAL", "NOT_EQUAL", "CONTAIN", "NOT_CONTAIN", "IN", "NOT_IN", "STARTS_WITH"};
    static const QSet<QString> plain = {"id", "name", "effective_status", "configured_status"};
    bool statusFiltered = false;
    for (const QJsonValue &item : raw.toArray()) {
        const QJsonObject object = item.toObject();
        Filter filter{object.value(QStringLiteral("field")).toString(),
                      object.value(QStringLiteral("operator")).toString(),
                      object.value(QStringLiteral("value"))};
        const QString owner = filter.field.section(QLatin1Char('.'), 0, 0);
        const QString leaf = filter.field.section(QLatin1Char('.'), -1);
        const bool prefixed = filter.field.contains(QLatin1Char('.'));
        const bool parentId = prefixed && owner != type && leaf == QLatin1String("id")
                              && (owner == kCampaign || owner == kAdSet);
        const bool known = plain.contains(leaf) && (!prefixed || owner == type);
        if (!ops.contains(filter.op) || !(known || parentId)) {
            return insightsInvalid(QStringLiteral("Filtering field %1 with operation %2 is not "
                                                  "supported")
                                       .arg(filter.field, filter.op),
                                   QStringLiteral("filtering"));
        }
        statusFiltered = statusFiltered || leaf == QLatin1String("effective_status");
        filters.append(filter);
    }
    if (params.has(QStringLiteral("effective_status"))) {
        filters.append({QStringLiteral("effective_status"),
                        QStringLiteral("IN"),
                        params.json(QStringLiteral("effective_status"))});
        statusFiltered = true;
    }
    // GET /{act}/adimages?hashes=[...] (meta.md 3): the images with those content hashes.
    if (type == kImage && params.has(QStringLiteral("hashes"))) {
        const QJsonValue hashes = params.json(QStringLiteral("hashes"));
        if (!hashes.isArray())
            return insightsInvalid(QStringLiteral("Param hashes must be a JSON array"),
                                   QStringLiteral("hashes"));
        filters.append({QStringLiteral("hash"), QStringLiteral("IN"), hashes});
    }
    // Deleted and archived objects stay hidden unless a status filter asks for them.
    if (!statusFiltered && hasDeliveryStatus(type)) {
        filters.append({QStringLiteral("effective_status"),
                        QStringLiteral("NOT_IN"),
                        QJsonArray{QStringLiteral("DELETED"), QStringLiteral("ARCHIVED")}});
    }
    return filters;
}

bool matchesFilters(const ObjectRecord &record,
                    const QList<Filter> &filters,
                    const RenderContext &context)
{
    for (const Filter &filter : filters) {
        if (!matchText(filterSubject(filter, record, context), filter.op, filter.value))
            return false;
    }
    return true;
}

MetaResult<QJsonObject> paginate(const QList<QJsonObject> &rows,
                                 const RequestParams &params,
                                 const SandboxRequest &request)
{
    qsizetype limit = 25;
    if (params.has(QStringLiteral("limit"))) {
        const auto value = integerValue(params.values.value(QStringLiteral("limit")));
        if (!value || *value <= 0)
            return insightsInvalid(QStringLiteral("Param limit must be a positive integer"),
                                   QStringLiteral("limit"));
        limit = qsizetype(std::min<qint64>(*value, 5000));
    }
    qsizetype start = 0;
    if (params.has(QStringLiteral("after"))) {
        const auto index = decodeCursor(params.text(QStringLiteral("after")));
        if (!index)
            return insightsInvalid(QStringLiteral("The after cursor is not valid"),
                                   QStringLiteral("after"));
        start = *index + 1;
    } else if (params.has(QStringLiteral("before"))) {
        const auto index = decodeCursor(params.text(QStringLiteral("before")));
        if (!index)
            return insightsInvalid(QStringLiteral("The before cursor is not valid"),
                                   QStringLiteral("before"));
        start = std::max<qsizetype>(0, *index - limit);
    }

    QJsonArray data;
    const qsizetype end = std::min<qsizetype>(rows.size(), start + limit);
    for (qsizetype i = start; i < end; ++i)
        data.append(rows[i]);
    QJsonObject body{{"data", data}};
    if (data.isEmpty())
        return body;

    QJsonObject paging{
        {"cursors", QJsonObject{{"before", cursor(start)}, {"after", cursor(end - 1)}}}};
    if (end < rows.size())
        paging.insert(QStringLiteral("next"),
                      pageUrl(request, QStringLiteral("after"), cursor(end - 1)));
    if (start > 0)
        paging.insert(QStringLiteral("previous"),
                      pageUrl(request, QStringLiteral("before"), cursor(start)));
    body.insert(QStringLiteral("paging"), paging);
    return body;
}

MetaResult<void> applyUpdate(const RequestParams &params,
                             ObjectRecord &record,
                             const SandboxStore &store,
                             qint64 nowMs)
{
    Q_UNUSED(store);
    if (record.status == QLatin1String("DELETED"))
        return tl::unexpected<MetaError>(alreadyDeleted(record.id));
    if (params.has(QStringLiteral("status"))) {
        static const QSet<QString> statuses = {"ACTIVE", "PAUSED", "DELETED", "ARCHIVED"};
        const QString status = params.text(QStringLiteral("status"));
        if (!statuses.contains(status) || !hasDeliveryStatus(record.type))
            return insightsInvalid(QStringLiteral("Param status has an invalid value"),
                                   QStringLiteral("status"));
        if (record.status == QLatin1String("ARCHIVED") && status != QLatin1String("DELETED"))
            return insightsInvalid(QStringLiteral("An archived object can only be deleted"),
                                   QStringLiteral("status"));
        record.status = status;
        record.state.insert(QStringLiteral("status"), status);
    }
    if (params.has(QStringLiteral("name"))) {
        if (params.text(QStringLiteral("name")).trimmed().isEmpty())
            return insightsInvalid(QStringLiteral("Param name must not be empty"),
                                   QStringLiteral("name"));
        record.name = params.text(QStringLiteral("name"));
    }
    if (record.type == kCampaign || record.type == kAdSet) {
        if (auto ok = updateBudget(params, record, nowMs); !ok)
            return ok;
    }
    for (const char *key : {"end_time", "stop_time", "bid_amount"}) {
        const QString name = QString::fromLatin1(key);
        if (!params.has(name))
            continue;
        // Limitation: schedule and bid edits are stored without re-running create validation.
        record.state.insert(name, params.text(name));
    }
    return {};
}

namespace {

/**
 * True for the advertiser-time-zone hourly breakdown, the one breakdown the sandbox simulates.
 * Graph takes a list either as JSON or comma-separated; both are read.
 */
MetaResult<bool> parseBreakdowns(const QString &text)
{
    QStringList names;
    const QJsonValue json = http::parseJsonText(text);
    if (json.isArray()) {
        for (const QJsonValue &name : json.toArray())
            names.append(name.toString());
    } else {
        names = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (names.size() == 1 && names.first().trimmed() == kHourlyBreakdown)
        return true;
    // Limitation: audience, placement and the audience-time-zone hourly breakdowns are not simulated.
    return insightsInvalid(QStringLiteral("The sandbox simulates the breakdown %1 only").arg(kHourlyBreakdown),
                           QStringLiteral("breakdowns"));
}

} // namespace

MetaResult<InsightsQuery> parseInsightsQuery(const RequestParams &params,
                                             const SandboxAccount &account,
                                             qint64 nowMs,
                                             bool campaignNode)
{
    InsightsQuery query;
    query.level = params.has(QStringLiteral("level"))
                      ? params.text(QStringLiteral("level"))
                      : (campaignNode ? kCampaign : QStringLiteral("account"));
    if (query.level != QLatin1String("account") && query.level != kCampaign) {
        // Limitation: ad-set and ad level rows are not simulated yet.
        return insightsInvalid(QStringLiteral("The sandbox reports level account and campaign "
                                              "only"),
                               QStringLiteral("level"));
    }
    if (params.has(QStringLiteral("breakdowns"))) {
        auto hourly = parseBreakdowns(params.text(QStringLiteral("breakdowns")));
        if (!hourly)
            return tl::unexpected<MetaError>(hourly.error());
        query.hourly = *hourly;
    }

    const QString fieldText = params.has(QStringLiteral("fields"))
                                  ? params.text(QStringLiteral("fields"))
                                  : QStringLiteral("impressions,spend");
    for (const auto &field : parseFieldList(fieldText)) {
        if (!kInsightFields.contains(field.first))
            return tl::unexpected<MetaError>(
                nonexistingField(field.first, QStringLiteral("AdsInsights")));
        query.fields.append(field.first);
    }

    const QDate today =
        QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone(account.timeZone.toUtf8())).date();
    if (params.has(QStringLiteral("time_range"))) {
        const QJsonObject range = params.json(QStringLiteral("time_range")).toObject();
        auto since =
            parseDate(range.value(QStringLiteral("since")).toString(), QStringLiteral("since"));
        auto until =
            parseDate(range.value(QStringLiteral("until")).toString(), QStringLiteral("until"));
        if (!since)
            return tl::unexpected<MetaError>(since.error());
        if (!until)
            return tl::unexpected<MetaError>(until.error());
        query.since = *since;
        query.until = *until;
    } else {
        const QString preset = params.has(QStringLiteral("date_preset"))
                                   ? params.text(QStringLiteral("date_preset"))
                                   : QStringLiteral("last_30d");
        auto range = presetRange(preset, today);
        if (!range)
            return tl::unexpected<MetaError>(range.error());
        query.since = range->first;
        query.until = range->second;
    }
    if (query.since > query.until)
        return insightsInvalid(QStringLiteral("time_range.since must not be after until"),
                               QStringLiteral("time_range"));
    if (query.since < today.addMonths(-37))
        return insightsInvalid(QStringLiteral("Insights reach back at most 37 months"),
                               QStringLiteral("time_range"));

    const QString increment = params.has(QStringLiteral("time_increment"))
                                  ? params.text(QStringLiteral("time_increment"))
                                  : QStringLiteral("all_days");
    if (increment == QLatin1String("monthly")) {
        query.increment = -1;
    } else if (increment != QLatin1String("all_days")) {
        bool ok = false;
        query.increment = increment.toInt(&ok);
        if (!ok || query.increment < 1 || query.increment > 90)
            return insightsInvalid(QStringLiteral("time_increment must be 1..90, monthly or "
                                                  "all_days"),
                                   QStringLiteral("time_increment"));
    }

    auto filters = parseInsightsFilters(params, query);
    if (!filters)
        return tl::unexpected<MetaError>(filters.error());
    return query;
}

MetaResult<void> parseInsightsFilters(const RequestParams &params, InsightsQuery &query)
{
    for (const QJsonValue &item : params.json(QStringLiteral("filtering")).toArray()) {
        const QJsonObject filter = item.toObject();
        const QString field = filter.value(QStringLiteral("field")).toString();
        const QString op = filter.value(QStringLiteral("operator")).toString();
        const QJsonValue value = filter.value(QStringLiteral("value"));
        if (field == QLatin1String("campaign.id")
            && (op == QLatin1String("IN") || op == QLatin1String("EQUAL"))) {
            const QJsonArray ids = value.isArray() ? value.toArray() : QJsonArray{value};
            for (const QJsonValue &id : ids)
                query.campaignIds.append(id.toString());
        } else if (field == QLatin1String("campaign.name") && op == QLatin1String("CONTAIN")) {
            query.nameContains = value.toString();
        } else {
            return insightsInvalid(QStringLiteral("Filtering field %1 with operation %2 is not "
                                                  "supported")
                                       .arg(field, op),
                                   QStringLiteral("filtering"));
        }
    }
    return {};
}

namespace {

/** Where an insights row's figures add up: its first day, its campaign ("" = account), its hour. */
struct InsightBucket
{
    QDate start;
    QString campaignId;
    int hour = -1;

    bool operator<(const InsightBucket &other) const
    {
        return std::tie(start, campaignId, hour) < std::tie(other.start, other.campaignId, other.hour);
    }
};

QMap<InsightBucket, DayStats> insightBuckets(const InsightsQuery &query,
                                             const QList<ObjectRecord> &campaigns,
                                             const QMap<QString, QList<DeliverySlice>> &delivery)
{
    QMap<InsightBucket, DayStats> buckets;
    for (auto campaign = delivery.cbegin(); campaign != delivery.cend(); ++campaign) {
        const ObjectRecord record = findCampaign(campaigns, campaign.key());
        if (!query.campaignIds.isEmpty() && !query.campaignIds.contains(campaign.key()))
            continue;
        if (!query.nameContains.isEmpty()
            && !record.name.contains(query.nameContains, Qt::CaseInsensitive)) {
            continue;
        }
        for (const DeliverySlice &slice : campaign.value()) {
            if (slice.day < query.since || slice.day > query.until)
                continue;
            const QString key = query.level == kCampaign ? campaign.key() : QString();
            buckets[{bucketStart(slice.day, query), key, slice.hour}].add(slice.stats);
        }
    }
    return buckets;
}

/** "HH:00:00 - HH:59:59", the value of the hourly breakdown field (meta.md 5.1). */
QString hourRange(int hour)
{
    const QString hh = QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:00:00 - %1:59:59").arg(hh);
}

} // namespace

QList<QJsonObject> insightRows(const InsightsQuery &query,
                               const QList<ObjectRecord> &campaigns,
                               const QMap<QString, QList<DeliverySlice>> &delivery,
                               const SandboxAccount &account,
                               quint64 seed)
{
    const QMap<InsightBucket, DayStats> buckets = insightBuckets(query, campaigns, delivery);
    QList<QJsonObject> rows;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const DayStats &stats = it.value();
        if (stats.impressions == 0)
            continue;
        const ObjectRecord campaign = findCampaign(campaigns, it.key().campaignId);
        const QString objective = campaign.state.value(QStringLiteral("objective")).toString();
        const quint64 reachHash =
            stableHash(seed, it.key().campaignId, it.key().start.toJulianDay() * 32 + it.key().hour + 1);
        const qint64 reach = std::max<qint64>(1, stats.impressions * (750 + qint64(reachHash % 150)) / 1000);
        QJsonObject row;
        const QHash<QString, QJsonValue> attributes = {
            {"account_id", account.accountId},
            {"account_name", account.name},
            {"account_currency", account.currency},
            {"campaign_id", campaign.id},
            {"campaign_name", campaign.name},
            {"objective", objective},
            {"buying_type", campaign.state.value(QStringLiteral("buying_type"))}};
        for (const QString &field : query.fields) {
            if (attributes.contains(field)
                && !(query.level != kCampaign && field.startsWith(QLatin1String("campaign")))) {
                row.insert(field, attributes.value(field));
            }
        }
        insertMetrics(row, stats, objective, reach, query.fields);
        row.insert(QStringLiteral("date_start"), it.key().start.toString(Qt::ISODate));
        row.insert(QStringLiteral("date_stop"), bucketEnd(it.key().start, query).toString(Qt::ISODate));
        if (query.hourly)
            row.insert(kHourlyBreakdown, hourRange(it.key().hour));
        rows.append(row);
    }
    return rows;
}

QList<DeliveryUnit> buildDeliveryUnits(const SandboxAccount &account,
                                       const QList<ObjectRecord> &objects,
                                       const QHash<QString, QList<StatusChange>> &histories,
                                       qint64 nowMs)
{
    QHash<QString, QList<Interval>> adsOn;      // ad set id -> when any of its ads was on
    QHash<QString, QList<ObjectRecord>> adSets; // campaign id -> ad sets
    for (const ObjectRecord &record : objects) {
        if (record.type == kAd) {
            const QString adSet = record.state.value(QStringLiteral("adset_id")).toString();
            adsOn[adSet] =
                intervals::unite(adsOn.value(adSet), onIntervals(histories, record.id, nowMs));
        } else if (record.type == kAdSet) {
            adSets[record.state.value(QStringLiteral("campaign_id")).toString()].append(record);
        }
    }

    QList<DeliveryUnit> units;
    const QTimeZone zone(account.timeZone.toUtf8());
    for (const ObjectRecord &campaign : objects) {
        if (campaign.type != kCampaign)
            continue;
        const QList<Interval> campaignOn = onIntervals(histories, campaign.id, nowMs);
        const bool campaignBudget = campaign.state.contains(QStringLiteral("daily_budget"))
                                    || campaign.state.contains(QStringLiteral("lifetime_budget"));
        DeliveryUnit pooled;
        for (const ObjectRecord &adSet : adSets.value(campaign.id)) {
            DeliveryUnit unit;
            unit.campaignId = campaign.id;
            unit.unitId = campaignBudget ? campaign.id : adSet.id;
            unit.objective =
                genericObjective(campaign.state.value(QStringLiteral("objective")).toString());
            unit.zone = zone;
            unit.minorUnitMicros = minorUnitMicros(account.currency);
            unit.startMs = msValue(adSet.state, QStringLiteral("start_time"));
            unit.endMs = msValue(adSet.state, QStringLiteral("end_time"));
            unit.enabled = intervals::intersect(
                intervals::intersect(campaignOn, onIntervals(histories, adSet.id, nowMs)),
                adsOn.value(adSet.id));
            if (!campaignBudget) {
                setBudget(unit, adSet.state, account.currency);
                units.append(unit);
                continue;
            }
            // A campaign budget is one pool shared by its ad sets.
            if (pooled.unitId.isEmpty()) {
                pooled = unit;
                setBudget(pooled, campaign.state, account.currency);
            } else {
                pooled.startMs = std::min(pooled.startMs, unit.startMs);
                pooled.endMs =
                    pooled.endMs == 0 || unit.endMs == 0 ? 0 : std::max(pooled.endMs, unit.endMs);
                pooled.enabled = intervals::unite(pooled.enabled, unit.enabled);
            }
        }
        if (!pooled.unitId.isEmpty()) {
            if (campaign.state.contains(QStringLiteral("stop_time")))
                pooled.endMs = msValue(campaign.state, QStringLiteral("stop_time"));
            units.append(pooled);
        }
    }
    return units;
}

} // namespace ads::core::sandbox::facebook
