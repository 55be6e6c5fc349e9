#include "core/sandbox/LinkedinRules.h"

#include "core/domain/Money.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

// Validation and rendering of LinkedIn campaign groups, campaigns, creatives and posts
// (linkedin.md 3, 4 and 7).

namespace ads::core::sandbox::linkedin {

namespace {

const QStringList kGroupStatuses =
    {"ACTIVE", "PAUSED", "ARCHIVED", "CANCELED", "DRAFT", "PENDING_DELETION", "REMOVED"};
const QStringList kCampaignStatuses = {"ACTIVE",
                                       "PAUSED",
                                       "ARCHIVED",
                                       "COMPLETED",
                                       "CANCELED",
                                       "DRAFT",
                                       "PENDING_DELETION",
                                       "REMOVED"};
const QStringList kCreativeStatuses =
    {"ACTIVE", "PAUSED", "DRAFT", "ARCHIVED", "CANCELED", "PENDING_DELETION"};
const QStringList kObjectives = {"BRAND_AWARENESS",
                                 "ENGAGEMENT",
                                 "JOB_APPLICANT",
                                 "LEAD_GENERATION",
                                 "TALENT_LEAD",
                                 "VIDEO_VIEW",
                                 "WEBSITE_CONVERSION",
                                 "WEBSITE_VISIT"};
const QStringList kCampaignTypes = {"TEXT_AD", "SPONSORED_UPDATES", "SPONSORED_INMAILS", "DYNAMIC"};
const QStringList kCallToActions = {"APPLY",
                                    "DOWNLOAD",
                                    "VIEW_QUOTE",
                                    "LEARN_MORE",
                                    "SIGN_UP",
                                    "SUBSCRIBE",
                                    "REGISTER",
                                    "JOIN",
                                    "ATTEND",
                                    "REQUEST_DEMO",
                                    "SEE_MORE",
                                    "BUY_NOW",
                                    "SHOP_NOW"};

// Budget floors in major units of the account currency: USD 10 a day is the widely documented
// minimum; the lifetime floor (10 days of it) and the self-serve ceiling are secondary
// (linkedin.md 7). The sandbox applies the same numbers to every currency.
constexpr qint64 kMinDailyMicros = 10 * money::kMicrosPerUnit;
constexpr qint64 kMaxDailyMicros = 20'000 * money::kMicrosPerUnit;
constexpr qint64 kMinTotalMicros = 100 * money::kMicrosPerUnit;

// Sponsored content text limits (linkedin.md 7): intro text 600, headline 200, URL 2,000.
constexpr int kMaxIntroText = 600;
constexpr int kMaxPostText = 3000;
constexpr int kMaxHeadline = 200;
constexpr int kMaxUrl = 2000;

LinkedinResult<void> requireName(const QJsonObject &entity, int limit)
{
    const QString name = entity.value(QStringLiteral("name")).toString();
    if (name.trimmed().isEmpty())
        return reject(QStringLiteral("name"), QStringLiteral("Field is required"));
    if (name.size() > limit)
        return reject(QStringLiteral("name"),
                      QStringLiteral("Length must be at most %1 characters").arg(limit));
    return {};
}

LinkedinResult<void> requireEnum(const QJsonObject &entity,
                                 const QString &field,
                                 const QStringList &allowed,
                                 bool required = true)
{
    const QJsonValue value = entity.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return reject(field, QStringLiteral("Field is required"));
        return {};
    }
    if (!allowed.contains(value.toString()))
        return reject(field, QStringLiteral("Invalid enum value '%1'").arg(value.toString()));
    return {};
}

LinkedinResult<void> requireAccount(const QJsonObject &entity, const RuleContext &context)
{
    const QString account = entity.value(QStringLiteral("account")).toString();
    if (account.isEmpty())
        return reject(QStringLiteral("account"), QStringLiteral("Field is required"));
    if (account != accountUrn(context.account))
        return reject(QStringLiteral("account"),
                      QStringLiteral("Must be the ad account of the request path, %1")
                          .arg(accountUrn(context.account)));
    return {};
}

struct Schedule
{
    qint64 startMs = 0;
    qint64 endMs = 0; // 0 = open
};

LinkedinResult<Schedule> readSchedule(const QJsonObject &entity)
{
    const QJsonValue value = entity.value(QStringLiteral("runSchedule"));
    if (!value.isObject())
        return reject(QStringLiteral("runSchedule"), QStringLiteral("Field is required"));
    const QJsonObject schedule = value.toObject();
    const auto start = integerValue(schedule.value(QStringLiteral("start")));
    if (!schedule.value(QStringLiteral("start")).isDouble() || !start || *start <= 0)
        return reject(QStringLiteral("runSchedule.start"),
                      QStringLiteral("Required, epoch milliseconds"));
    Schedule result{*start, 0};
    if (schedule.contains(QStringLiteral("end"))) {
        const auto end = integerValue(schedule.value(QStringLiteral("end")));
        if (!schedule.value(QStringLiteral("end")).isDouble() || !end || *end <= *start)
            return reject(QStringLiteral("runSchedule.end"),
                          QStringLiteral("Must be epoch milliseconds after the start"));
        result.endMs = *end;
    }
    return result;
}

LinkedinResult<void> checkBudgets(const QJsonObject &entity,
                                  const Schedule &schedule,
                                  const RuleContext &context,
                                  bool campaign)
{
    const bool hasDaily = entity.contains(QStringLiteral("dailyBudget"));
    const bool hasTotal = entity.contains(QStringLiteral("totalBudget"));
    if (campaign && !hasDaily && !hasTotal)
        return reject(QStringLiteral("dailyBudget"),
                      QStringLiteral("A dailyBudget or a totalBudget is required"));
    if (hasDaily) {
        auto daily = moneyMicros(
            entity.value(QStringLiteral("dailyBudget")), QStringLiteral("dailyBudget"), context);
        if (!daily)
            return tl::unexpected(daily.error());
        if (*daily < kMinDailyMicros || *daily > kMaxDailyMicros)
            return reject(QStringLiteral("dailyBudget"),
                          QStringLiteral("Must be between %1 and %2 %3")
                              .arg(money::toDecimal(kMinDailyMicros, 2),
                                   money::toDecimal(kMaxDailyMicros, 2),
                                   context.account.currency));
    }
    if (hasTotal) {
        auto total = moneyMicros(
            entity.value(QStringLiteral("totalBudget")), QStringLiteral("totalBudget"), context);
        if (!total)
            return tl::unexpected(total.error());
        if (*total < kMinTotalMicros)
            return reject(QStringLiteral("totalBudget"),
                          QStringLiteral("Must be at least %1 %2")
                              .arg(money::toDecimal(kMinTotalMicros, 2), context.account.currency));
        if (schedule.endMs == 0)
            return reject(QStringLiteral("runSchedule.end"),
                          QStringLiteral("An end is required with a totalBudget"));
    }
    return {};
}

std::optional<ObjectRecord> liveRecord(const RuleContext &context,
                                       const QString &type,
                                       const QString &id)
{
    auto record = context.store->object(Platform::LinkedIn, id);
    if (!record || record->type != type || record->accountId != context.account.accountId
        || record->state.value(QStringLiteral("deleted")).toBool())
        return std::nullopt;
    return record;
}

LinkedinResult<ObjectRecord> campaignGroupOf(const QJsonObject &entity, const RuleContext &context)
{
    const QString urn = entity.value(QStringLiteral("campaignGroup")).toString();
    if (urn.isEmpty())
        return reject(QStringLiteral("campaignGroup"), QStringLiteral("Field is required"));
    const auto group = liveRecord(context, kGroup, idFromUrn(urn, kGroupUrn));
    if (!group)
        return reject(QStringLiteral("campaignGroup"),
                      QStringLiteral("%1 does not exist in this account").arg(urn));
    static const QSet<QString> closed = {"ARCHIVED", "CANCELED", "PENDING_DELETION", "REMOVED"};
    if (closed.contains(group->status))
        return reject(QStringLiteral("campaignGroup"),
                      QStringLiteral("The campaign group is %1").arg(group->status));
    return *group;
}

LinkedinResult<void> checkCost(const QJsonObject &entity, const RuleContext &context)
{
    static const QStringList costTypes = {"CPM", "CPC", "CPV"};
    if (auto ok = requireEnum(entity, QStringLiteral("costType"), costTypes); !ok)
        return ok;
    const QString objective = entity.value(QStringLiteral("objectiveType")).toString();
    const QString cost = entity.value(QStringLiteral("costType")).toString();
    // Awareness buys impressions; only video views are bought per view.
    const bool allowed = objective == QLatin1String("BRAND_AWARENESS")
                             ? cost == QLatin1String("CPM")
                         : objective == QLatin1String("VIDEO_VIEW") ? cost != QLatin1String("CPC")
                                                                    : cost != QLatin1String("CPV");
    if (!allowed)
        return reject(
            QStringLiteral("costType"),
            QStringLiteral("%1 is not allowed with objectiveType %2").arg(cost, objective));
    if (entity.contains(QStringLiteral("unitCost"))) {
        auto bid = moneyMicros(
            entity.value(QStringLiteral("unitCost")), QStringLiteral("unitCost"), context);
        if (!bid)
            return tl::unexpected(bid.error());
        if (*bid < 0)
            return reject(QStringLiteral("unitCost"), QStringLiteral("Must not be negative"));
    }
    return {};
}

LinkedinResult<void> checkLocale(const QJsonObject &entity)
{
    const QJsonObject locale = entity.value(QStringLiteral("locale")).toObject();
    static const QRegularExpression country(QStringLiteral("^[A-Z]{2}$"));
    static const QRegularExpression language(QStringLiteral("^[a-z]{2}$"));
    if (!country.match(locale.value(QStringLiteral("country")).toString()).hasMatch()
        || !language.match(locale.value(QStringLiteral("language")).toString()).hasMatch())
        return reject(QStringLiteral("locale"),
                      QStringLiteral("Required as {country: ISO-3166 upper, language: "
                                     "ISO-639 lower}"));
    return {};
}

LinkedinResult<void> checkTargeting(const QJsonObject &entity)
{
    const QJsonObject criteria = entity.value(QStringLiteral("targetingCriteria")).toObject();
    const QJsonArray clauses =
        criteria.value(QStringLiteral("include")).toObject().value(QStringLiteral("and")).toArray();
    if (clauses.isEmpty())
        return reject(QStringLiteral("targetingCriteria"),
                      QStringLiteral("include.and must hold at least one clause"));
    bool located = false;
    for (const QJsonValue &clause : clauses) {
        const QJsonObject facets = clause.toObject().value(QStringLiteral("or")).toObject();
        if (facets.isEmpty())
            return reject(QStringLiteral("targetingCriteria"),
                          QStringLiteral("Every clause is {\"or\": {facet: [values]}}"));
        for (auto it = facets.begin(); it != facets.end(); ++it) {
            if (!it.key().startsWith(QLatin1String("urn:li:adTargetingFacet:"))
                || !it.value().isArray() || it.value().toArray().isEmpty())
                return reject(QStringLiteral("targetingCriteria"),
                              QStringLiteral("Invalid facet %1").arg(it.key()));
            located = located || it.key().endsWith(QLatin1String(":locations"))
                      || it.key().endsWith(QLatin1String(":profileLocations"));
        }
    }
    if (!located)
        return reject(QStringLiteral("targetingCriteria"),
                      QStringLiteral("A locations or profileLocations facet is required"));
    return {};
}

LinkedinResult<void> checkWithinGroup(const Schedule &schedule, const ObjectRecord &group)
{
    const QJsonObject groupRun = group.state.value(QStringLiteral("runSchedule")).toObject();
    const qint64 groupStart = groupRun.value(QStringLiteral("start")).toInteger();
    const qint64 groupEnd = groupRun.value(QStringLiteral("end")).toInteger();
    if (schedule.startMs < groupStart)
        return reject(QStringLiteral("runSchedule.start"),
                      QStringLiteral("Must not be before the campaign group's start"));
    if (groupEnd > 0 && (schedule.endMs == 0 || schedule.endMs > groupEnd))
        return reject(QStringLiteral("runSchedule.end"),
                      QStringLiteral("Must not be after the campaign group's end"));
    return {};
}

LinkedinResult<void> checkUrl(const QJsonValue &value, const QString &field)
{
    const QString url = value.toString();
    if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://")))
        return reject(field, QStringLiteral("Must be an http or https URL"));
    if (url.size() > kMaxUrl)
        return reject(field, QStringLiteral("Length must be at most %1 characters").arg(kMaxUrl));
    return {};
}

LinkedinResult<void> checkPostMedia(const QJsonObject &entity, const RuleContext &context)
{
    const QJsonObject media = entity.value(QStringLiteral("content"))
                                  .toObject()
                                  .value(QStringLiteral("media"))
                                  .toObject();
    if (media.isEmpty())
        return {}; // a text-only post
    const QString id = media.value(QStringLiteral("id")).toString();
    const auto image = liveRecord(context, kImage, id);
    if (!image)
        return reject(QStringLiteral("content.media.id"),
                      QStringLiteral("%1 is not an image of this organization").arg(id));
    if (image->status != QLatin1String("AVAILABLE"))
        return reject(QStringLiteral("content.media.id"),
                      QStringLiteral("%1 is %2, not AVAILABLE").arg(id, image->status));
    if (media.value(QStringLiteral("title")).toString().size() > kMaxHeadline)
        return reject(QStringLiteral("content.media.title"),
                      QStringLiteral("Length must be at most %1 characters").arg(kMaxHeadline));
    return {};
}

QJsonObject auditStamps(const ObjectRecord &record)
{
    return QJsonObject{{"created", QJsonObject{{"time", record.createdAtMs}}},
                       {"lastModified", QJsonObject{{"time", record.updatedAtMs}}}};
}

QString effectiveStatus(const ObjectRecord &record, const RuleContext &context)
{
    const qint64 end = record.state.value(QStringLiteral("runSchedule"))
                           .toObject()
                           .value(QStringLiteral("end"))
                           .toInteger();
    if (record.status == QLatin1String("ACTIVE") && end > 0 && end <= context.nowMs)
        return QStringLiteral("COMPLETED");
    return record.status;
}

/**
 * RUNNABLE when every level lets the object serve, otherwise hold reasons. The hold names are
 * the sandbox's own reading; the real list is not published.
 */
QJsonArray servingStatuses(const ObjectRecord &record, const RuleContext &context)
{
    QJsonArray reasons;
    QString groupId = record.type == kGroup ? record.id : QString();
    if (record.type == kCampaign)
        groupId = record.parentId;
    if (record.type != kGroup && record.type != kCampaign)
        return reasons;
    const auto group = context.store->object(Platform::LinkedIn, groupId);
    if (group && group->status != QLatin1String("ACTIVE"))
        reasons.append(QStringLiteral("CAMPAIGN_GROUP_STATUS_HOLD"));
    if (record.type == kCampaign && record.status != QLatin1String("ACTIVE"))
        reasons.append(QStringLiteral("CAMPAIGN_STATUS_HOLD"));
    if (effectiveStatus(record, context) == QLatin1String("COMPLETED"))
        reasons.append(QStringLiteral("CAMPAIGN_END_DATE_HOLD"));
    if (reasons.isEmpty())
        reasons.append(QStringLiteral("RUNNABLE"));
    return reasons;
}

} // namespace

QString accountUrn(const SandboxAccount &account)
{
    return kAccountUrn + account.accountId;
}

QString organizationUrn(const SandboxAccount &account)
{
    return account.extra.value(QStringLiteral("organizationUrn"));
}

QString idFromUrn(const QString &urn, const QString &prefix)
{
    if (!urn.startsWith(prefix))
        return {};
    const QString id = urn.mid(prefix.size());
    return isDigits(id) ? id : QString();
}

LinkedinResult<qint64> moneyMicros(const QJsonValue &value,
                                   const QString &field,
                                   const RuleContext &context)
{
    const QJsonObject money = value.toObject();
    const QJsonValue amount = money.value(QStringLiteral("amount"));
    if (!value.isObject() || !amount.isString())
        return reject(field, QStringLiteral("Must be {amount: decimal string, currencyCode}"));
    if (money.value(QStringLiteral("currencyCode")).toString() != context.account.currency)
        return reject(
            field + QStringLiteral(".currencyCode"),
            QStringLiteral("Must be the account currency %1").arg(context.account.currency));
    const auto micros = money::parseDecimal(amount.toString());
    if (!micros)
        return reject(field + QStringLiteral(".amount"), QStringLiteral("Not a decimal amount"));
    return *micros;
}

QJsonObject moneyObject(qint64 micros, const QString &currency)
{
    return QJsonObject{{"amount", money::toDecimal(micros)}, {"currencyCode", currency}};
}

LinkedinResult<QJsonObject> validateGroup(const QJsonObject &entity, const RuleContext &context)
{
    if (auto ok = requireAccount(entity, context); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = requireName(entity, 100); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = requireEnum(entity, QStringLiteral("status"), kGroupStatuses); !ok)
        return tl::unexpected(ok.error());
    const auto schedule = readSchedule(entity);
    if (!schedule)
        return tl::unexpected(schedule.error());
    if (auto ok = checkBudgets(entity, *schedule, context, false); !ok)
        return tl::unexpected(ok.error());
    return entity;
}

LinkedinResult<QJsonObject> validateCampaign(const QJsonObject &entity, const RuleContext &context)
{
    if (auto ok = requireAccount(entity, context); !ok)
        return tl::unexpected(ok.error());
    const auto group = campaignGroupOf(entity, context);
    if (!group)
        return tl::unexpected(group.error());
    if (auto ok = requireName(entity, 255); !ok)
        return tl::unexpected(ok.error());
    for (const auto &[field, allowed] : {std::pair{QStringLiteral("type"), kCampaignTypes},
                                         std::pair{QStringLiteral("objectiveType"), kObjectives},
                                         std::pair{QStringLiteral("status"), kCampaignStatuses}}) {
        if (auto ok = requireEnum(entity, field, allowed); !ok)
            return tl::unexpected(ok.error());
    }
    if (auto ok = requireEnum(
            entity, QStringLiteral("creativeSelection"), {"ROUND_ROBIN", "OPTIMIZED"}, false);
        !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkCost(entity, context); !ok)
        return tl::unexpected(ok.error());
    const auto schedule = readSchedule(entity);
    if (!schedule)
        return tl::unexpected(schedule.error());
    if (auto ok = checkWithinGroup(*schedule, *group); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkBudgets(entity, *schedule, context, true); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkLocale(entity); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkTargeting(entity); !ok)
        return tl::unexpected(ok.error());
    // offsiteDeliveryEnabled has no default for sponsored content (linkedin.md 3.2).
    if (entity.value(QStringLiteral("type")).toString() == QLatin1String("SPONSORED_UPDATES")
        && !entity.value(QStringLiteral("offsiteDeliveryEnabled")).isBool())
        return reject(QStringLiteral("offsiteDeliveryEnabled"),
                      QStringLiteral("Field is required for SPONSORED_UPDATES"));
    return entity;
}

LinkedinResult<QJsonObject> validateCreative(const QJsonObject &entity, const RuleContext &context)
{
    const QString campaignUrn = entity.value(QStringLiteral("campaign")).toString();
    if (campaignUrn.isEmpty())
        return reject(QStringLiteral("campaign"), QStringLiteral("Field is required"));
    if (!liveRecord(context, kCampaign, idFromUrn(campaignUrn, kCampaignUrn)))
        return reject(QStringLiteral("campaign"),
                      QStringLiteral("%1 does not exist in this account").arg(campaignUrn));
    if (auto ok = requireEnum(entity, QStringLiteral("intendedStatus"), kCreativeStatuses); !ok)
        return tl::unexpected(ok.error());
    if (entity.contains(QStringLiteral("name")))
        if (auto ok = requireName(entity, 255); !ok)
            return tl::unexpected(ok.error());
    const QString reference = entity.value(QStringLiteral("content"))
                                  .toObject()
                                  .value(QStringLiteral("reference"))
                                  .toString();
    if (reference.isEmpty())
        return reject(QStringLiteral("content.reference"), QStringLiteral("Field is required"));
    const auto post = liveRecord(context, kPost, reference);
    if (!post)
        return reject(
            QStringLiteral("content.reference"),
            QStringLiteral("%1 is not a post of this account's organization").arg(reference));
    return entity;
}

LinkedinResult<QJsonObject> validatePost(const QJsonObject &entity, const RuleContext &context)
{
    const QString author = entity.value(QStringLiteral("author")).toString();
    if (author != organizationUrn(context.account))
        return reject(QStringLiteral("author"),
                      QStringLiteral("Must be the advertiser organization %1")
                          .arg(organizationUrn(context.account)));
    const QJsonObject adContext = entity.value(QStringLiteral("adContext")).toObject();
    if (adContext.contains(QStringLiteral("dscAdAccount"))
        && adContext.value(QStringLiteral("dscAdAccount")).toString()
               != accountUrn(context.account))
        return reject(QStringLiteral("adContext.dscAdAccount"),
                      QStringLiteral("Must be %1").arg(accountUrn(context.account)));
    const int textLimit = adContext.isEmpty() ? kMaxPostText : kMaxIntroText;
    if (entity.value(QStringLiteral("commentary")).toString().size() > textLimit)
        return reject(QStringLiteral("commentary"),
                      QStringLiteral("Length must be at most %1 characters").arg(textLimit));
    if (auto ok = requireEnum(
            entity, QStringLiteral("visibility"), {"PUBLIC", "CONNECTIONS", "LOGGED_IN"});
        !ok)
        return tl::unexpected(ok.error());
    if (auto ok = requireEnum(entity, QStringLiteral("lifecycleState"), {"PUBLISHED", "DRAFT"});
        !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkPostMedia(entity, context); !ok)
        return tl::unexpected(ok.error());
    if (entity.contains(QStringLiteral("contentLandingPage")))
        if (auto ok = checkUrl(entity.value(QStringLiteral("contentLandingPage")),
                               QStringLiteral("contentLandingPage"));
            !ok)
            return tl::unexpected(ok.error());
    if (auto ok =
            requireEnum(entity, QStringLiteral("contentCallToActionLabel"), kCallToActions, false);
        !ok)
        return tl::unexpected(ok.error());
    return entity;
}

bool allowedTransition(const QString &from, const QString &to)
{
    static const QSet<QString> final = {"CANCELED", "PENDING_DELETION", "REMOVED"};
    if (from == to)
        return true;
    if (final.contains(from) || to == QLatin1String("COMPLETED") || to == QLatin1String("REMOVED"))
        return false;
    if (to == QLatin1String("CANCELED") || to == QLatin1String("PENDING_DELETION"))
        return true;
    if (to == QLatin1String("DRAFT"))
        return false; // nothing goes back to draft
    if (to == QLatin1String("ARCHIVED"))
        return from == QLatin1String("ACTIVE") || from == QLatin1String("PAUSED")
               || from == QLatin1String("COMPLETED");
    return true; // DRAFT, ACTIVE, PAUSED, ARCHIVED, COMPLETED to ACTIVE or PAUSED
}

QStringList immutableFields(const QString &type)
{
    if (type == kGroup)
        return {"account", "id"};
    if (type == kCampaign)
        return {"account", "campaignGroup", "objectiveType", "type", "id"};
    return {"account", "campaign", "content", "id"};
}

QJsonObject renderEntity(const ObjectRecord &record, const RuleContext &context)
{
    QJsonObject entity = record.state;
    entity.remove(QStringLiteral("deleted"));
    if (record.type == kCreative) {
        entity.insert(QStringLiteral("id"), record.id);
        entity.insert(QStringLiteral("account"), accountUrn(context.account));
        const auto campaign = context.store->object(Platform::LinkedIn, record.parentId);
        entity.insert(QStringLiteral("isServing"),
                      record.status == QLatin1String("ACTIVE") && campaign
                          && servingStatuses(*campaign, context)
                                 == QJsonArray{QStringLiteral("RUNNABLE")});
        entity.insert(QStringLiteral("servingHoldReasons"), QJsonArray());
        entity.insert(QStringLiteral("review"), QJsonObject{{"status", "APPROVED"}});
        entity.insert(QStringLiteral("createdAt"), record.createdAtMs);
        entity.insert(QStringLiteral("lastModifiedAt"), record.updatedAtMs);
        entity.insert(QStringLiteral("createdBy"), QStringLiteral("urn:li:person:sandbox"));
        entity.insert(QStringLiteral("lastModifiedBy"), QStringLiteral("urn:li:person:sandbox"));
        entity.insert(QStringLiteral("isTest"), false);
        return entity;
    }
    if (record.type == kPost || record.type == kImage) {
        entity.insert(QStringLiteral("id"), record.id);
        return entity;
    }
    entity.insert(QStringLiteral("id"), record.id.toLongLong());
    entity.insert(QStringLiteral("status"), effectiveStatus(record, context));
    entity.insert(QStringLiteral("servingStatuses"), servingStatuses(record, context));
    entity.insert(QStringLiteral("test"), false);
    entity.insert(QStringLiteral("changeAuditStamps"), auditStamps(record));
    entity.insert(QStringLiteral("version"),
                  QJsonObject{{"versionTag",
                               QString::number(
                                   record.state.value(QStringLiteral("_version")).toInteger(1))}});
    entity.remove(QStringLiteral("_version"));
    if (record.type == kGroup) {
        entity.insert(QStringLiteral("backfilled"), false);
        entity.insert(QStringLiteral("allowedCampaignTypes"),
                      QJsonArray{"TEXT_AD", "SPONSORED_UPDATES", "SPONSORED_INMAILS", "DYNAMIC"});
    } else {
        entity.insert(QStringLiteral("associatedEntity"), organizationUrn(context.account));
    }
    return entity;
}

QJsonObject renderAccount(const SandboxAccount &account)
{
    return QJsonObject{{"id", account.accountId.toLongLong()},
                       {"name", account.name},
                       {"currency", account.currency},
                       {"reference", organizationUrn(account)},
                       {"status", "ACTIVE"},
                       {"type", "BUSINESS"},
                       {"test", false},
                       {"servingStatuses", QJsonArray{"RUNNABLE"}},
                       {"notifiedOnCampaignOptimization", false},
                       {"notifiedOnCreativeApproval", false},
                       {"notifiedOnCreativeRejection", false},
                       {"notifiedOnEndOfCampaign", false},
                       {"notifiedOnNewFeaturesEnabled", false},
                       {"version", QJsonObject{{"versionTag", "1"}}}};
}

} // namespace ads::core::sandbox::linkedin
