#include "core/store/CampaignStore.h"

#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ads::core::campaign_store {

namespace {

const QString kCampaignColumns = QStringLiteral(
    "id, name, objective, platforms, budget_type, budget_micros, currency, allocation, audience_ids, "
    "creative_ids, start_at, end_at, status, version, created_at, updated_at");

QString compact(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonDocument parse(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8());
}

QVariant instantOrNull(const QDateTime &instant)
{
    return instant.isValid() ? QVariant(toIsoUtc(instant)) : QVariant(QMetaType(QMetaType::QString));
}

/** A day as ISO text, or NULL when there is none. */
QVariant optionalDay(const QDate &day)
{
    return day.isValid() ? QVariant(day.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QDateTime readInstant(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime instant = QDateTime::fromString(value.toString(), Qt::ISODate);
    instant.setTimeSpec(Qt::UTC);
    return instant;
}

QString allocationJson(const Budget &budget)
{
    QJsonObject shares;
    for (auto it = budget.allocation.begin(); it != budget.allocation.end(); ++it)
        shares.insert(platformName(it.key()), QString::number(it.value()));
    return compact(shares);
}

Campaign campaignFromRow(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toString();
    c.spec.name = q.value(1).toString();
    c.spec.objective = q.value(2).toString();
    for (const QJsonValue &v : parse(q.value(3)).array())
        c.spec.platforms.append(v.toString());
    c.spec.budget.type = q.value(4).toString() == u"lifetime" ? BudgetType::Lifetime : BudgetType::Daily;
    c.spec.budget.amount = Money{q.value(5).toLongLong(), q.value(6).toString()};
    const QJsonObject shares = parse(q.value(7)).object();
    for (auto it = shares.begin(); it != shares.end(); ++it) {
        if (const auto platform = platformFromName(it.key()))
            c.spec.budget.allocation.insert(*platform, it.value().toString().toLongLong());
    }
    for (const QJsonValue &v : parse(q.value(8)).array())
        c.spec.audienceIds.append(v.toString());
    for (const QJsonValue &v : parse(q.value(9)).array())
        c.spec.creativeIds.append(v.toString());
    c.spec.schedule.startAt = readInstant(q.value(10));
    c.spec.schedule.endAt = readInstant(q.value(11));
    c.status = campaignStatusFromName(q.value(12).toString()).value_or(CampaignStatus::Draft);
    c.version = q.value(13).toInt();
    c.createdAt = readInstant(q.value(14));
    c.updatedAt = readInstant(q.value(15));
    return c;
}

QVariantList campaignValues(const Campaign &c)
{
    return {c.spec.name,
            c.spec.objective,
            compact(QJsonArray::fromStringList(c.spec.platforms)),
            budgetTypeName(c.spec.budget.type),
            c.spec.budget.amount.micros,
            c.spec.budget.amount.currency,
            allocationJson(c.spec.budget),
            compact(QJsonArray::fromStringList(c.spec.audienceIds)),
            compact(QJsonArray::fromStringList(c.spec.creativeIds)),
            instantOrNull(c.spec.schedule.startAt),
            instantOrNull(c.spec.schedule.endAt),
            campaignStatusName(c.status),
            c.version,
            toIsoUtc(c.updatedAt)};
}

Status loadPlatformStatus(const QSqlDatabase &db, Campaign &campaign)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, state, remote_ids, budget_micros, currency, error, warnings, "
                                     "updated_at, account_id, delivery_from, delivery_until FROM platform_status "
                                     "WHERE campaign_id = ?"),
                      {campaign.id});
    if (!q)
        return fail(q.error());
    while (q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform)
            continue;
        PlatformStatus status;
        status.state = platformStateFromName(q->value(1).toString()).value_or(PlatformState::Pending);
        const QJsonObject ids = parse(q->value(2)).object();
        for (auto it = ids.begin(); it != ids.end(); ++it)
            status.remoteIds.insert(it.key(), it.value().toString());
        status.budget = Money{q->value(3).toLongLong(), q->value(4).toString()};
        if (!q->value(5).isNull()) {
            const QJsonObject e = parse(q->value(5)).object();
            status.error = PlatformFailure{e.value("code").toString(), e.value("message").toString(),
                                           e.value("platformCode").toString(),
                                           e.value("platformMessage").toString()};
        }
        for (const QJsonValue &w : parse(q->value(6)).array())
            status.warnings.append(w.toString());
        status.updatedAt = readInstant(q->value(7));
        status.accountId = q->value(8).toString();
        status.deliveryFrom = QDate::fromString(q->value(9).toString(), Qt::ISODate);
        status.deliveryUntil = QDate::fromString(q->value(10).toString(), Qt::ISODate);
        campaign.platformStatus.insert(*platform, status);
    }
    return {};
}

} // namespace

Result<std::optional<Campaign>> load(const QSqlDatabase &db, const QString &id)
{
    auto q = runQuery(db, QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(kCampaignColumns), {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<Campaign>();

    Campaign campaign = campaignFromRow(*q);
    if (auto loaded = loadPlatformStatus(db, campaign); !loaded)
        return fail(loaded.error());
    return std::optional<Campaign>(campaign);
}

Result<QList<Campaign>> list(const QSqlDatabase &db, qint64 afterSeq, int limit)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT %1 FROM campaigns WHERE seq > ? ORDER BY seq LIMIT ?")
                          .arg(kCampaignColumns),
                      {afterSeq, limit});
    if (!q)
        return fail(q.error());
    QList<Campaign> campaigns;
    while (q->next())
        campaigns.append(campaignFromRow(*q));
    for (Campaign &campaign : campaigns) {
        if (auto loaded = loadPlatformStatus(db, campaign); !loaded)
            return fail(loaded.error());
    }
    return campaigns;
}

Result<qint64> seqOf(const QSqlDatabase &db, const QString &id)
{
    auto q = runQuery(db, QStringLiteral("SELECT seq FROM campaigns WHERE id = ?"), {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("No campaign has the id '%1'.").arg(id));
    return q->value(0).toLongLong();
}

Status insert(const QSqlDatabase &db, const Campaign &campaign)
{
    auto seq = runQuery(db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM campaigns"));
    if (!seq)
        return fail(seq.error());
    seq->next();

    QVariantList values{campaign.id, seq->value(0).toLongLong()};
    values += campaignValues(campaign);
    values.append(toIsoUtc(campaign.createdAt));
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO campaigns (id, seq, name, objective, platforms, budget_type, "
                                     "budget_micros, currency, allocation, audience_ids, creative_ids, start_at, "
                                     "end_at, status, version, updated_at, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      values);
    if (!q)
        return fail(q.error());
    return {};
}

Status update(const QSqlDatabase &db, const Campaign &campaign)
{
    QVariantList values = campaignValues(campaign);
    values.append(campaign.id);
    auto q = runQuery(db,
                      QStringLiteral("UPDATE campaigns SET name = ?, objective = ?, platforms = ?, budget_type = ?, "
                                     "budget_micros = ?, currency = ?, allocation = ?, audience_ids = ?, "
                                     "creative_ids = ?, start_at = ?, end_at = ?, status = ?, version = ?, "
                                     "updated_at = ? WHERE id = ?"),
                      values);
    if (!q)
        return fail(q.error());
    return {};
}

Status remove(const QSqlDatabase &db, const QString &id)
{
    for (const char *table : {"launch_steps", "launch_operations", "platform_status"}) {
        auto q = runQuery(db, QStringLiteral("DELETE FROM %1 WHERE campaign_id = ?").arg(QLatin1String(table)), {id});
        if (!q)
            return fail(q.error());
    }
    auto q = runQuery(db, QStringLiteral("DELETE FROM campaigns WHERE id = ?"), {id});
    if (!q)
        return fail(q.error());
    return {};
}

Status savePlatformStatus(const QSqlDatabase &db,
                          const QString &campaignId,
                          Platform platform,
                          const PlatformStatus &status)
{
    QJsonObject ids;
    for (auto it = status.remoteIds.begin(); it != status.remoteIds.end(); ++it)
        ids.insert(it.key(), it.value());
    QVariant error(QMetaType(QMetaType::QString));
    if (status.error) {
        error = compact(QJsonObject{{"code", status.error->code},
                                    {"message", status.error->message},
                                    {"platformCode", status.error->platformCode},
                                    {"platformMessage", status.error->platformMessage}});
    }

    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO platform_status (campaign_id, platform, state, remote_ids, "
                                     "budget_micros, currency, error, warnings, updated_at, account_id, "
                                     "delivery_from, delivery_until) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                     "ON CONFLICT (campaign_id, platform) DO UPDATE SET state = excluded.state, "
                                     "remote_ids = excluded.remote_ids, budget_micros = excluded.budget_micros, "
                                     "currency = excluded.currency, error = excluded.error, "
                                     "warnings = excluded.warnings, updated_at = excluded.updated_at, "
                                     "account_id = excluded.account_id, delivery_from = excluded.delivery_from, "
                                     "delivery_until = excluded.delivery_until"),
                      {campaignId, platformName(platform), platformStateName(status.state), compact(ids),
                       status.budget.micros, status.budget.currency, error,
                       compact(QJsonArray::fromStringList(status.warnings)), toIsoUtc(status.updatedAt),
                       status.accountId.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                  : QVariant(status.accountId),
                       optionalDay(status.deliveryFrom), optionalDay(status.deliveryUntil)});
    if (!q)
        return fail(q.error());
    return {};
}

Result<CampaignStatus> refreshStatus(const QSqlDatabase &db, const QString &campaignId)
{
    auto loaded = load(db, campaignId);
    if (!loaded)
        return fail(loaded.error());
    if (!loaded->has_value())
        return CampaignStatus::Draft;

    const CampaignStatus status = summariseStatus((*loaded)->platformStatus);
    auto q = runQuery(db, QStringLiteral("UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?"),
                      {campaignStatusName(status), toIsoUtc(QDateTime::currentDateTimeUtc()), campaignId});
    if (!q)
        return fail(q.error());
    return status;
}

Status removePlatformStatus(const QSqlDatabase &db, const QString &campaignId)
{
    auto q = runQuery(db, QStringLiteral("DELETE FROM platform_status WHERE campaign_id = ?"), {campaignId});
    if (!q)
        return fail(q.error());
    return {};
}

Status recordActivity(const QSqlDatabase &db, const QString &campaignId, Platform platform, PlatformState state,
                      const QDateTime &at)
{
    const QString name = platformName(platform);
    Result<QSqlQuery> q;
    if (state == PlatformState::Active) {
        q = runQuery(db,
                     QStringLiteral("INSERT INTO platform_activity (campaign_id, platform, active_from) "
                                    "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM platform_activity "
                                    "WHERE campaign_id = ? AND platform = ? AND active_until IS NULL)"),
                     {campaignId, name, toIsoUtc(at), campaignId, name});
    } else if (state == PlatformState::Paused || state == PlatformState::Ended) {
        q = runQuery(db,
                     QStringLiteral("UPDATE platform_activity SET active_until = ? "
                                    "WHERE campaign_id = ? AND platform = ? AND active_until IS NULL"),
                     {toIsoUtc(at), campaignId, name});
    } else {
        return {};
    }
    if (!q)
        return fail(q.error());
    return {};
}

Result<QMap<Platform, QList<ActiveStretch>>> activity(const QSqlDatabase &db, const QString &campaignId)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, active_from, active_until FROM platform_activity "
                                     "WHERE campaign_id = ? ORDER BY platform, active_from"),
                      {campaignId});
    if (!q)
        return fail(q.error());
    QMap<Platform, QList<ActiveStretch>> stretches;
    while (q->next()) {
        if (const auto platform = platformFromName(q->value(0).toString()))
            stretches[*platform].append({readInstant(q->value(1)), readInstant(q->value(2))});
    }
    return stretches;
}

Status appendHistory(const QSqlDatabase &db,
                     const QString &recordType,
                     const QString &recordId,
                     const QString &actorKind,
                     const QString &actorSubject,
                     const QJsonObject &before,
                     const QJsonObject &after)
{
    const QVariant nullText(QMetaType(QMetaType::QString));
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO change_history (id, record_type, record_id, actor_kind, "
                                     "actor_subject, changed_at, before_json, after_json) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {QUuid::createUuid().toString(QUuid::WithoutBraces), recordType, recordId, actorKind,
                       actorSubject, toIsoUtc(QDateTime::currentDateTimeUtc()),
                       before.isEmpty() ? nullText : QVariant(compact(before)),
                       after.isEmpty() ? nullText : QVariant(compact(after))});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace ads::core::campaign_store
