#include "core/domain/Campaign.h"

#include <QJsonArray>
#include <QSet>

namespace ads::core {

namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxIdsPerList = 100;

template<typename Enum>
struct NamedValue
{
    Enum value;
    const char16_t *name;
};

constexpr NamedValue<PlatformState> kPlatformStates[] = {
    {PlatformState::Pending, u"pending"},
    {PlatformState::Launching, u"launching"},
    {PlatformState::Active, u"active"},
    {PlatformState::Pausing, u"pausing"},
    {PlatformState::Paused, u"paused"},
    {PlatformState::Resuming, u"resuming"},
    {PlatformState::Scheduled, u"scheduled"},
    {PlatformState::Ended, u"ended"},
    {PlatformState::Rejected, u"rejected"},
    {PlatformState::Failed, u"failed"},
    {PlatformState::Throttled, u"throttled"},
    {PlatformState::NeedsReauth, u"needs_reauth"},
};

constexpr NamedValue<CampaignStatus> kCampaignStatuses[] = {
    {CampaignStatus::Draft, u"draft"},
    {CampaignStatus::Launching, u"launching"},
    {CampaignStatus::Active, u"active"},
    {CampaignStatus::PartiallyActive, u"partially_active"},
    {CampaignStatus::Pausing, u"pausing"},
    {CampaignStatus::Paused, u"paused"},
    {CampaignStatus::Resuming, u"resuming"},
    {CampaignStatus::Scheduled, u"scheduled"},
    {CampaignStatus::Ended, u"ended"},
    {CampaignStatus::Failed, u"failed"},
};

template<typename Enum, size_t N>
QString nameOf(const NamedValue<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

template<typename Enum, size_t N>
std::optional<Enum> valueOf(const NamedValue<Enum> (&table)[N], QStringView name)
{
    for (const auto &entry : table) {
        if (name == QStringView(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

/** Collects type errors while reading JSON, so one reply can name every bad field at once. */
class JsonReader
{
public:
    QList<FieldError> errors;

    QString string(const QJsonObject &json, const QString &key, const QString &field)
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            errors.append({field, QStringLiteral("must be a string")});
            return {};
        }
        return value.toString();
    }

    QStringList stringList(const QJsonObject &json, const QString &key, const QString &field)
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            errors.append({field, QStringLiteral("must be an array of strings")});
            return {};
        }
        QStringList list;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                errors.append({QStringLiteral("%1[%2]").arg(field).arg(i), QStringLiteral("must be a string")});
                continue;
            }
            list.append(array.at(i).toString());
        }
        return list;
    }

    std::optional<qint64> money(const QJsonValue &value, const QString &field)
    {
        Result<qint64> micros = fail(ErrorCode::InvalidInput, QStringLiteral("is required"));
        if (value.isDouble())
            micros = money::fromJsonNumber(value.toDouble());
        else if (value.isString())
            micros = money::parseDecimal(value.toString().trimmed());
        else if (!value.isUndefined() && !value.isNull())
            micros = fail(ErrorCode::InvalidInput, QStringLiteral("must be a number or a decimal string"));

        if (!micros) {
            errors.append({field, micros.error().message});
            return std::nullopt;
        }
        return *micros;
    }

    QDateTime instant(const QJsonObject &json, const QString &key, const QString &field)
    {
        const QString text = string(json, key, field);
        if (text.isEmpty())
            return {};
        // Instants without an offset are read as UTC; a date alone is midnight UTC.
        QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid())
            parsed = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
        if (!parsed.isValid()) {
            errors.append({field, QStringLiteral("must be an ISO 8601 date and time, e.g. 2026-11-27T00:00:00Z")});
            return {};
        }
        if (parsed.timeSpec() == Qt::LocalTime)
            parsed.setTimeSpec(Qt::UTC);
        return parsed.toUTC();
    }
};

Budget readBudget(JsonReader &reader, const QJsonValue &value)
{
    Budget budget;
    budget.type = BudgetType::Daily;
    if (value.isUndefined() || value.isNull()) {
        reader.errors.append({QStringLiteral("budget"), QStringLiteral("is required")});
        return budget;
    }
    if (!value.isObject()) {
        reader.errors.append({QStringLiteral("budget"), QStringLiteral("must be an object")});
        return budget;
    }

    const QJsonObject json = value.toObject();
    const QString type = reader.string(json, QStringLiteral("type"), QStringLiteral("budget.type"));
    if (type == u"lifetime")
        budget.type = BudgetType::Lifetime;
    else if (type != u"daily")
        reader.errors.append({QStringLiteral("budget.type"), QStringLiteral("must be daily or lifetime")});

    budget.amount.micros = reader.money(json.value(QStringLiteral("amount")), QStringLiteral("budget.amount"))
                               .value_or(0);
    budget.amount.currency = reader.string(json, QStringLiteral("currency"), QStringLiteral("budget.currency"));

    const QJsonValue allocation = json.value(QStringLiteral("allocation"));
    if (allocation.isObject()) {
        const QJsonObject shares = allocation.toObject();
        for (auto it = shares.begin(); it != shares.end(); ++it) {
            const QString field = QStringLiteral("budget.allocation.%1").arg(it.key());
            const auto platform = platformFromName(it.key());
            const auto micros = reader.money(it.value(), field);
            if (!platform)
                reader.errors.append({field, QStringLiteral("is not a known platform")});
            else if (micros)
                budget.allocation.insert(*platform, *micros);
        }
    } else if (!allocation.isUndefined() && !allocation.isNull()) {
        reader.errors.append({QStringLiteral("budget.allocation"),
                              QStringLiteral("must be an object of platform to amount")});
    }
    return budget;
}

void validateIdList(const QStringList &ids,
                    const QStringList &known,
                    const QString &field,
                    const QString &what,
                    QList<FieldError> &errors)
{
    if (ids.size() > kMaxIdsPerList)
        errors.append({field, QStringLiteral("may hold at most %1 ids").arg(kMaxIdsPerList)});
    QSet<QString> seen;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString itemField = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (seen.contains(ids[i]))
            errors.append({itemField, QStringLiteral("'%1' is listed twice").arg(ids[i])});
        else if (!known.contains(ids[i]))
            errors.append({itemField, QStringLiteral("no %1 has the id '%2'").arg(what, ids[i])});
        seen.insert(ids[i]);
    }
}

void validatePlatforms(const CampaignSpec &spec, const ValidationContext &context, QList<FieldError> &errors)
{
    if (spec.platforms.isEmpty())
        errors.append({QStringLiteral("platforms"), QStringLiteral("must name at least one platform")});

    QSet<QString> seen;
    for (qsizetype i = 0; i < spec.platforms.size(); ++i) {
        const QString field = QStringLiteral("platforms[%1]").arg(i);
        const QString &name = spec.platforms[i];
        const auto platform = platformFromName(name);
        if (!platform)
            errors.append({field, QStringLiteral("'%1' is not a platform; use one of facebook, google, tiktok, "
                                                 "linkedin, pinterest, snapchat")
                                      .arg(name)});
        else if (seen.contains(name))
            errors.append({field, QStringLiteral("'%1' is listed twice").arg(name)});
        else if (!context.availablePlatforms.contains(*platform))
            errors.append({field, QStringLiteral("'%1' is not available in this version yet").arg(name)});
        seen.insert(name);
    }
}

void validateBudget(const CampaignSpec &spec, QList<FieldError> &errors)
{
    const Budget &budget = spec.budget;
    const int digits = money::minorDigits(budget.amount.currency);
    if (budget.amount.currency.isEmpty())
        errors.append({QStringLiteral("budget.currency"), QStringLiteral("is required")});
    else if (digits < 0)
        errors.append({QStringLiteral("budget.currency"),
                       QStringLiteral("'%1' is not an ISO 4217 currency code").arg(budget.amount.currency)});

    if (budget.amount.micros <= 0) {
        errors.append({QStringLiteral("budget.amount"), QStringLiteral("must be greater than zero")});
    } else if (digits >= 0) {
        bool exact = false;
        money::toScaledUnits(budget.amount.micros, digits, &exact);
        if (!exact)
            errors.append({QStringLiteral("budget.amount"),
                           QStringLiteral("has more decimals than %1 allows (%2)")
                               .arg(budget.amount.currency)
                               .arg(digits)});
    }
    if (budget.type == BudgetType::Lifetime && !spec.schedule.endAt.isValid())
        errors.append({QStringLiteral("schedule.endAt"), QStringLiteral("is required with a lifetime budget")});

    if (budget.allocation.isEmpty())
        return;
    qint64 sum = 0;
    for (auto it = budget.allocation.begin(); it != budget.allocation.end(); ++it) {
        const QString field = QStringLiteral("budget.allocation.%1").arg(platformName(it.key()));
        if (!spec.platforms.contains(platformName(it.key())))
            errors.append({field, QStringLiteral("is not one of the campaign's platforms")});
        if (it.value() <= 0)
            errors.append({field, QStringLiteral("must be greater than zero")});
        sum += it.value();
    }
    if (budget.allocation.size() != spec.platforms.size())
        errors.append({QStringLiteral("budget.allocation"), QStringLiteral("must give every platform a share")});
    else if (sum != budget.amount.micros)
        errors.append({QStringLiteral("budget.allocation"),
                       QStringLiteral("shares add up to %1, not the budget's %2")
                           .arg(money::toDecimal(sum, 2), money::toDecimal(budget.amount.micros, 2))});
}

void validateSchedule(const Schedule &schedule, QList<FieldError> &errors)
{
    if (!schedule.startAt.isValid())
        errors.append({QStringLiteral("schedule.startAt"), QStringLiteral("is required")});
    if (schedule.startAt.isValid() && schedule.endAt.isValid() && schedule.endAt <= schedule.startAt)
        errors.append({QStringLiteral("schedule.endAt"), QStringLiteral("must be after schedule.startAt")});
}

QJsonValue dayOrNull(const QDate &day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString platformStateName(PlatformState state)
{
    return nameOf(kPlatformStates, state);
}

std::optional<PlatformState> platformStateFromName(QStringView name)
{
    return valueOf(kPlatformStates, name);
}

QString campaignStatusName(CampaignStatus status)
{
    return nameOf(kCampaignStatuses, status);
}

std::optional<CampaignStatus> campaignStatusFromName(QStringView name)
{
    return valueOf(kCampaignStatuses, name);
}

QString budgetTypeName(BudgetType type)
{
    return type == BudgetType::Lifetime ? QStringLiteral("lifetime") : QStringLiteral("daily");
}

QString toIsoUtc(const QDateTime &instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODate) : QString();
}

Result<CampaignSpec> campaignSpecFromJson(const QJsonObject &json)
{
    JsonReader reader;
    CampaignSpec spec;
    spec.name = reader.string(json, QStringLiteral("name"), QStringLiteral("name"));
    spec.objective = reader.string(json, QStringLiteral("objective"), QStringLiteral("objective"));
    spec.platforms = reader.stringList(json, QStringLiteral("platforms"), QStringLiteral("platforms"));
    spec.budget = readBudget(reader, json.value(QStringLiteral("budget")));
    spec.audienceIds = reader.stringList(json, QStringLiteral("audienceIds"), QStringLiteral("audienceIds"));
    spec.creativeIds = reader.stringList(json, QStringLiteral("creativeIds"), QStringLiteral("creativeIds"));

    const QJsonValue schedule = json.value(QStringLiteral("schedule"));
    if (schedule.isObject()) {
        const QJsonObject s = schedule.toObject();
        spec.schedule.startAt = reader.instant(s, QStringLiteral("startAt"), QStringLiteral("schedule.startAt"));
        spec.schedule.endAt = reader.instant(s, QStringLiteral("endAt"), QStringLiteral("schedule.endAt"));
    } else if (!schedule.isUndefined() && !schedule.isNull()) {
        reader.errors.append({QStringLiteral("schedule"), QStringLiteral("must be an object")});
    }

    if (!reader.errors.isEmpty())
        return fail(Error::invalid(reader.errors));
    return spec;
}

QList<FieldError> validateCampaignSpec(const CampaignSpec &spec, const ValidationContext &context)
{
    QList<FieldError> errors;
    const QString name = spec.name.trimmed();
    if (name.isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("must not be empty")});
    else if (name.size() > kMaxNameLength)
        errors.append({QStringLiteral("name"), QStringLiteral("must be at most %1 characters").arg(kMaxNameLength)});

    if (spec.objective.isEmpty())
        errors.append({QStringLiteral("objective"), QStringLiteral("is required")});
    else if (!objectiveFromName(spec.objective))
        errors.append({QStringLiteral("objective"),
                       QStringLiteral("'%1' is not an objective; use one of awareness, traffic, engagement, "
                                      "leads, app_installs, conversions, sales")
                           .arg(spec.objective)});

    validatePlatforms(spec, context, errors);
    validateBudget(spec, errors);
    validateIdList(spec.audienceIds, context.knownAudienceIds, QStringLiteral("audienceIds"),
                   QStringLiteral("audience"), errors);
    validateIdList(spec.creativeIds, context.knownCreativeIds, QStringLiteral("creativeIds"),
                   QStringLiteral("creative"), errors);
    validateSchedule(spec.schedule, errors);
    return errors;
}

QList<Platform> campaignPlatforms(const CampaignSpec &spec)
{
    QList<Platform> platforms;
    for (const QString &name : spec.platforms) {
        const auto platform = platformFromName(name);
        if (platform && !platforms.contains(*platform))
            platforms.append(*platform);
    }
    return platforms;
}

QMap<Platform, qint64> splitBudget(const Budget &budget, const QList<Platform> &platforms)
{
    QMap<Platform, qint64> shares;
    if (platforms.isEmpty())
        return shares;
    if (!budget.allocation.isEmpty()) {
        for (Platform platform : platforms)
            shares.insert(platform, budget.allocation.value(platform));
        return shares;
    }

    // Split in whole minor units so every share is payable; the first platforms take the remainder.
    const int digits = std::max(money::minorDigits(budget.amount.currency), 0);
    const qint64 units = money::toScaledUnits(budget.amount.micros, digits);
    const qint64 base = units / platforms.size();
    const qint64 remainder = units % platforms.size();
    for (qsizetype i = 0; i < platforms.size(); ++i)
        shares.insert(platforms[i], money::fromScaledUnits(base + (i < remainder ? 1 : 0), digits));
    return shares;
}

CampaignStatus summariseStatus(const QMap<Platform, PlatformStatus> &platformStatus)
{
    if (platformStatus.isEmpty())
        return CampaignStatus::Draft;

    QMap<PlatformState, int> counts;
    for (const PlatformStatus &status : platformStatus)
        counts[status.state] += 1;
    const int total = platformStatus.size();
    const int failed = counts.value(PlatformState::Rejected) + counts.value(PlatformState::Failed)
                       + counts.value(PlatformState::NeedsReauth);

    if (counts.value(PlatformState::Launching) || counts.value(PlatformState::Throttled))
        return CampaignStatus::Launching;
    if (counts.value(PlatformState::Pausing))
        return CampaignStatus::Pausing;
    if (counts.value(PlatformState::Resuming))
        return CampaignStatus::Resuming;
    if (counts.value(PlatformState::Pending) == total)
        return CampaignStatus::Draft;
    if (counts.value(PlatformState::Active) == total)
        return CampaignStatus::Active;
    if (counts.value(PlatformState::Active) > 0)
        return CampaignStatus::PartiallyActive;
    if (counts.value(PlatformState::Paused) > 0)
        return CampaignStatus::Paused;
    if (counts.value(PlatformState::Scheduled) > 0)
        return CampaignStatus::Scheduled;
    if (counts.value(PlatformState::Ended) + failed == total && counts.value(PlatformState::Ended) > 0)
        return CampaignStatus::Ended;
    if (failed == total)
        return CampaignStatus::Failed;
    return CampaignStatus::Launching;
}

QJsonObject budgetToJson(const Budget &budget)
{
    QJsonObject json{{"type", budgetTypeName(budget.type)},
                     {"amount", money::toMajorUnits(budget.amount.micros)},
                     {"currency", budget.amount.currency}};
    if (!budget.allocation.isEmpty()) {
        QJsonObject shares;
        for (auto it = budget.allocation.begin(); it != budget.allocation.end(); ++it)
            shares.insert(platformName(it.key()), money::toMajorUnits(it.value()));
        json.insert("allocation", shares);
    }
    return json;
}

QJsonObject platformStatusToJson(const PlatformStatus &status)
{
    QJsonObject remoteIds;
    for (auto it = status.remoteIds.begin(); it != status.remoteIds.end(); ++it)
        remoteIds.insert(it.key(), it.value());

    QJsonValue error = QJsonValue::Null;
    if (status.error) {
        error = QJsonObject{{"code", status.error->code},
                            {"message", status.error->message},
                            {"platformCode", status.error->platformCode.isEmpty()
                                                 ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(status.error->platformCode)},
                            {"platformMessage", status.error->platformMessage.isEmpty()
                                                    ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(status.error->platformMessage)}};
    }

    return {{"state", platformStateName(status.state)},
            {"remoteIds", remoteIds},
            {"budget",
             QJsonObject{{"type", QJsonValue::Null},
                         {"amount", money::toMajorUnits(status.budget.micros)},
                         {"currency", status.budget.currency}}},
            {"error", error},
            {"warnings", QJsonArray::fromStringList(status.warnings)},
            {"accountId", status.accountId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(status.accountId)},
            {"deliveryFrom", dayOrNull(status.deliveryFrom)},
            {"deliveryUntil", dayOrNull(status.deliveryUntil)},
            {"updatedAt", toIsoUtc(status.updatedAt)}};
}

QJsonObject campaignToJson(const Campaign &campaign)
{
    QJsonObject platformStatus;
    for (auto it = campaign.platformStatus.begin(); it != campaign.platformStatus.end(); ++it) {
        QJsonObject entry = platformStatusToJson(it.value());
        QJsonObject budget = entry.value("budget").toObject();
        budget.insert("type", budgetTypeName(campaign.spec.budget.type));
        entry.insert("budget", budget);
        platformStatus.insert(platformName(it.key()), entry);
    }

    const Schedule &schedule = campaign.spec.schedule;
    return {{"id", campaign.id},
            {"name", campaign.spec.name},
            {"objective", campaign.spec.objective},
            {"platforms", QJsonArray::fromStringList(campaign.spec.platforms)},
            {"budget", budgetToJson(campaign.spec.budget)},
            {"audienceIds", QJsonArray::fromStringList(campaign.spec.audienceIds)},
            {"creativeIds", QJsonArray::fromStringList(campaign.spec.creativeIds)},
            {"schedule",
             QJsonObject{{"startAt", toIsoUtc(schedule.startAt)},
                         {"endAt", schedule.endAt.isValid() ? QJsonValue(toIsoUtc(schedule.endAt))
                                                            : QJsonValue(QJsonValue::Null)}}},
            {"status", campaignStatusName(campaign.status)},
            {"platformStatus", platformStatus},
            {"version", campaign.version},
            {"createdAt", toIsoUtc(campaign.createdAt)},
            {"updatedAt", toIsoUtc(campaign.updatedAt)}};
}

} // namespace ads::core
