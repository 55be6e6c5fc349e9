#include "core/store/LibraryStore.h"

#include "core/domain/Campaign.h"
#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ads::core::library_store {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QDateTime readInstant(const QVariant &value)
{
    QDateTime instant = QDateTime::fromString(value.toString(), Qt::ISODate);
    instant.setTimeSpec(Qt::UTC);
    return instant;
}

// The stored body keeps the rendition file paths, which the API's JSON leaves out.
QJsonObject creativeBody(const Creative &creative)
{
    QJsonArray renditions;
    for (const Rendition &r : creative.renditions) {
        renditions.append(QJsonObject{{"aspectRatio", r.aspectRatio},
                                      {"width", r.width},
                                      {"height", r.height},
                                      {"durationMs", r.durationMs},
                                      {"mimeType", r.mimeType},
                                      {"path", r.path},
                                      {"bytes", r.bytes}});
    }
    return {{"headline", creative.headline},
            {"description", creative.description},
            {"callToAction", creative.callToAction},
            {"destinationUrl", creative.destinationUrl},
            {"renditions", renditions}};
}

Creative creativeFromRow(const QSqlQuery &q)
{
    Creative c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.kind = q.value(2).toString() == u"video" ? CreativeKind::Video : CreativeKind::Image;
    const QJsonObject body = parse(q.value(3));
    c.headline = body.value("headline").toString();
    c.description = body.value("description").toString();
    c.callToAction = body.value("callToAction").toString();
    c.destinationUrl = body.value("destinationUrl").toString();
    for (const QJsonValue &v : body.value("renditions").toArray()) {
        const QJsonObject r = v.toObject();
        c.renditions.append(Rendition{r.value("aspectRatio").toString(), r.value("width").toInt(),
                                      r.value("height").toInt(), r.value("durationMs").toInteger(),
                                      r.value("mimeType").toString(), r.value("path").toString(),
                                      r.value("bytes").toInteger()});
    }
    c.createdAt = readInstant(q.value(4));
    c.updatedAt = readInstant(q.value(5));
    return c;
}

AudienceKind audienceKindFromName(const QString &name)
{
    if (name == u"website_visitors")
        return AudienceKind::WebsiteVisitors;
    if (name == u"lookalike")
        return AudienceKind::Lookalike;
    return AudienceKind::CustomerList;
}

Result<QStringList> ids(const QSqlDatabase &db, const QString &table)
{
    auto q = runQuery(db, QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table));
    if (!q)
        return fail(q.error());
    QStringList list;
    while (q->next())
        list.append(q->value(0).toString());
    return list;
}

Status upsertRecord(const QSqlDatabase &db,
                    const QString &table,
                    const QString &id,
                    const QString &name,
                    const QString &kind,
                    const QJsonObject &body,
                    const QDateTime &createdAt,
                    const QDateTime &updatedAt)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO %1 (id, name, kind, body, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                     "name = excluded.name, kind = excluded.kind, body = excluded.body, "
                                     "updated_at = excluded.updated_at")
                          .arg(table),
                      {id, name, kind, compact(body), toIsoUtc(createdAt), toIsoUtc(updatedAt)});
    if (!q)
        return fail(q.error());
    return {};
}

AdAccount accountFromRow(const QSqlQuery &q)
{
    AdAccount a;
    a.platform = platformFromName(q.value(0).toString()).value_or(Platform::Facebook);
    a.accountId = q.value(1).toString();
    a.name = q.value(2).toString();
    a.currency = q.value(3).toString();
    a.timeZone = q.value(4).toString();
    a.sandbox = q.value(5).toInt() != 0;
    return a;
}

} // namespace

Result<QList<Creative>> creatives(const QSqlDatabase &db)
{
    auto q = runQuery(db, QStringLiteral("SELECT id, name, kind, body, created_at, updated_at FROM creatives "
                                         "ORDER BY id"));
    if (!q)
        return fail(q.error());
    QList<Creative> list;
    while (q->next())
        list.append(creativeFromRow(*q));
    return list;
}

Result<QList<Audience>> audiences(const QSqlDatabase &db)
{
    auto q = runQuery(db, QStringLiteral("SELECT id, name, kind, body, created_at, updated_at FROM audiences "
                                         "ORDER BY id"));
    if (!q)
        return fail(q.error());
    QList<Audience> list;
    while (q->next()) {
        Audience a;
        a.id = q->value(0).toString();
        a.name = q->value(1).toString();
        a.kind = audienceKindFromName(q->value(2).toString());
        const QJsonObject body = parse(q->value(3));
        a.description = body.value("description").toString();
        a.definition = body.value("definition").toObject();
        a.approximateSize = body.value("approximateSize").toInteger();
        a.createdAt = readInstant(q->value(4));
        a.updatedAt = readInstant(q->value(5));
        list.append(a);
    }
    return list;
}

Result<QStringList> creativeIds(const QSqlDatabase &db)
{
    return ids(db, QStringLiteral("creatives"));
}

Result<QStringList> audienceIds(const QSqlDatabase &db)
{
    return ids(db, QStringLiteral("audiences"));
}

Status saveCreative(const QSqlDatabase &db, const Creative &creative)
{
    return upsertRecord(db, QStringLiteral("creatives"), creative.id, creative.name,
                        creativeKindName(creative.kind), creativeBody(creative), creative.createdAt,
                        creative.updatedAt);
}

Status saveAudience(const QSqlDatabase &db, const Audience &audience)
{
    const QJsonObject body{{"description", audience.description},
                           {"definition", audience.definition},
                           {"approximateSize", audience.approximateSize}};
    return upsertRecord(db, QStringLiteral("audiences"), audience.id, audience.name,
                        audienceKindName(audience.kind), body, audience.createdAt, audience.updatedAt);
}

Result<QList<AdAccount>> accounts(const QSqlDatabase &db)
{
    auto q = runQuery(db, QStringLiteral("SELECT platform, account_id, name, currency, time_zone, sandbox "
                                         "FROM accounts ORDER BY platform, account_id"));
    if (!q)
        return fail(q.error());
    QList<AdAccount> list;
    while (q->next())
        list.append(accountFromRow(*q));
    return list;
}

Result<AdAccount> defaultAccount(const QSqlDatabase &db, Platform platform)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, account_id, name, currency, time_zone, sandbox FROM accounts "
                                     "WHERE platform = ? ORDER BY is_default DESC, account_id LIMIT 1"),
                      {platformName(platform)});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("No %1 ad account is connected.").arg(platformName(platform)));
    return accountFromRow(*q);
}

Result<AdAccount> accountFor(const QSqlDatabase &db, Platform platform, const QString &currency)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, account_id, name, currency, time_zone, sandbox FROM accounts "
                                     "WHERE platform = ? AND currency = ? "
                                     "ORDER BY is_default DESC, account_id LIMIT 1"),
                      {platformName(platform), currency});
    if (!q)
        return fail(q.error());
    if (q->next())
        return accountFromRow(*q);
    return defaultAccount(db, platform);
}

Result<AdAccount> account(const QSqlDatabase &db, Platform platform, const QString &accountId)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT platform, account_id, name, currency, time_zone, sandbox FROM accounts "
                                     "WHERE platform = ? AND account_id = ?"),
                      {platformName(platform), accountId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("The %1 ad account %2 is not connected.")
                                             .arg(platformName(platform), accountId));
    return accountFromRow(*q);
}

Status saveAccount(const QSqlDatabase &db, const AdAccount &account, bool isDefault, const QJsonObject &extra)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO accounts (platform, account_id, name, currency, time_zone, sandbox, "
                                     "is_default, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                     "ON CONFLICT (platform, account_id) DO UPDATE SET name = excluded.name, "
                                     "currency = excluded.currency, time_zone = excluded.time_zone, "
                                     "sandbox = excluded.sandbox, is_default = excluded.is_default, "
                                     "extra = excluded.extra"),
                      {platformName(account.platform), account.accountId, account.name, account.currency,
                       account.timeZone, account.sandbox ? 1 : 0, isDefault ? 1 : 0, compact(extra)});
    if (!q)
        return fail(q.error());
    return {};
}

Result<QJsonObject> accountExtra(const QSqlDatabase &db, Platform platform, const QString &accountId)
{
    auto q = runQuery(db, QStringLiteral("SELECT extra FROM accounts WHERE platform = ? AND account_id = ?"),
                      {platformName(platform), accountId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("The ad account %1 is not connected.").arg(accountId));
    return parse(q->value(0));
}

} // namespace ads::core::library_store
