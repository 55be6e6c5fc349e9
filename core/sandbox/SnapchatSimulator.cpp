#include "core/sandbox/SnapchatSimulator.h"

#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/Simulators.h"
#include "core/sandbox/SnapchatRules.h"

#include <QJsonDocument>

#include <atomic>

// Simulated Snapchat Marketing API v1 (adsapi.snapchat.com/v1), written from
// reference/platforms/snapchat.md: wrapped bodies with per-item sub_request_status, full-object
// PUT updates, media create and upload, creatives, ads, cursor paging and stats.

namespace ads::core::sandbox {

namespace {

using namespace snapchat;

constexpr qsizetype kMaxSimpleUpload = 32 * 1024 * 1024; // per /upload call (snapchat.md 2.3)
constexpr qsizetype kMaxImageBytes = 5 * 1024 * 1024;

struct SnapCall
{
    const SandboxRequest &request;
    QStringList segments; // the path after /v1/
    QString requestId;
    RuleContext rules;
};

/** Collection name -> the object type, its singular key and the parent field it needs. */
struct Collection
{
    QString type;
    QString singular;
    QString parentField;
};

std::optional<Collection> collectionOf(const QString &plural)
{
    static const QHash<QString, Collection> map = {
        {"campaigns", {kCampaign, "campaign", "ad_account_id"}},
        {"adsquads", {kAdSquad, "adsquad", "campaign_id"}},
        {"ads", {kAd, "ad", "ad_squad_id"}},
        {"media", {kMedia, "media", "ad_account_id"}},
        {"creatives", {kCreative, "creative", "ad_account_id"}},
        {"segments", {kSegment, "segment", "ad_account_id"}}};
    if (!map.contains(plural))
        return std::nullopt;
    return map.value(plural);
}

QString pluralOf(const QString &type)
{
    return type == kMedia ? type : type + QLatin1Char('s');
}

class SnapchatSimulator : public PlatformHandler
{
public:
    explicit SnapchatSimulator(std::shared_ptr<SandboxContext> context)
        : m_context(std::move(context))
    {}

    SandboxReply handle(const SandboxRequest &request) override;

private:
    SandboxReply fail(const SnapCall &call, const SnapError &error) const;
    SandboxReply ok(const SnapCall &call, QJsonObject body) const;
    SandboxReply route(SnapCall &call);
    SandboxReply routeAccount(SnapCall &call);
    SandboxReply routeEntity(SnapCall &call);
    SandboxReply write(SnapCall &call, const QString &plural, const QString &parentId);
    SnapResult<ObjectRecord> writeOne(const SnapCall &call,
                                      const Collection &collection,
                                      const QString &parentId,
                                      const QJsonObject &item,
                                      bool update);
    SandboxReply list(SnapCall &call,
                      const QString &type,
                      const std::function<bool(const ObjectRecord &)> &match);
    SandboxReply single(SnapCall &call, const ObjectRecord &record) const;
    SandboxReply remove(SnapCall &call, ObjectRecord record);
    SandboxReply upload(SnapCall &call, ObjectRecord media);
    SandboxReply users(SnapCall &call, ObjectRecord segment);
    SandboxReply organizations(SnapCall &call);

    ObjectRecord newRecord(const SnapCall &call,
                           const QString &type,
                           const QString &parentId,
                           const QJsonObject &item,
                           const QJsonObject &state);
    bool commit(const QList<ObjectRecord> &inserts, const QList<ObjectRecord> &updates = {});

    QString uuid(const QString &salt)
    {
        const QString hex = seededHex(
            m_context->seed(), salt + QString::number(m_context->nextNumber("snap", 0)), 32);
        return hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
               + hex.mid(20);
    }

    std::shared_ptr<SandboxContext> m_context;
    std::atomic<quint64> m_requests{0};
};

SandboxReply SnapchatSimulator::fail(const SnapCall &call, const SnapError &error) const
{
    return SandboxReply::json(
        QJsonObject{
            {"request_status", "ERROR"},
            {"request_id", call.requestId},
            {"debug_message", error.message},
            {"display_message", "We're sorry, but the request could not be completed at this time"},
            {"error_code", error.code}},
        error.status);
}

SandboxReply SnapchatSimulator::ok(const SnapCall &call, QJsonObject body) const
{
    body.insert(QStringLiteral("request_status"), QStringLiteral("SUCCESS"));
    body.insert(QStringLiteral("request_id"), call.requestId);
    return SandboxReply::json(body);
}

SandboxReply SnapchatSimulator::handle(const SandboxRequest &request)
{
    SnapCall call{request,
                  request.path.mid(4).split('/', Qt::SkipEmptyParts),
                  seededHex(m_context->seed(), QString::number(++m_requests), 24),
                  {}};
    if (!request.path.startsWith(QLatin1String("/v1/")))
        return fail(call, SnapError{404, "E3003", "Resource can not be found"});
    const QByteArray header = request.header("authorization");
    const QString token =
        header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7)).trimmed() : QString();
    for (const SandboxAccount &account : m_context->store().accounts(Platform::Snapchat)) {
        if (!token.isEmpty() && account.accessToken == token)
            call.rules = RuleContext{account, &m_context->store(), m_context->nowMs()};
    }
    if (call.rules.account.accountId.isEmpty())
        return fail(call,
                    SnapError{401,
                              "E3002",
                              "Unauthorized: the access token is missing, invalid "
                              "or expired"});
    return route(call);
}

SandboxReply SnapchatSimulator::route(SnapCall &call)
{
    const QStringList &s = call.segments;
    const SandboxAccount &account = call.rules.account;
    if (s == QStringList{"me"} && call.request.method == "GET")
        return ok(call,
                  {{"me",
                    QJsonObject{{"id", account.extra.value("userId")},
                                {"email", "sandbox@example.com"},
                                {"display_name", "Sandbox user"},
                                {"organization_id", account.extra.value("organizationId")}}}});
    if ((s == QStringList{"me", "organizations"}
         || (s.size() == 3 && s[0] == "organizations" && s[2] == "adaccounts"))
        && call.request.method == "GET")
        return organizations(call);
    if (s.value(0) == QLatin1String("adaccounts"))
        return routeAccount(call);
    return routeEntity(call);
}

SandboxReply SnapchatSimulator::organizations(SnapCall &call)
{
    const SandboxAccount &account = call.rules.account;
    const QJsonObject adAccount = renderAccount(account);
    if (call.segments.value(0) == QLatin1String("organizations"))
        return ok(call,
                  {{"adaccounts",
                    QJsonArray{QJsonObject{{"sub_request_status", "SUCCESS"},
                                           {"adaccount", adAccount}}}}});
    QJsonObject organization{{"id", account.extra.value("organizationId")},
                             {"name", account.extra.value("brandName")},
                             {"country", "US"},
                             {"roles", QJsonArray{"admin"}}};
    if (queryValue(call.request.query, QStringLiteral("with_ad_accounts"))
        == QLatin1String("true"))
        organization.insert(QStringLiteral("ad_accounts"), QJsonArray{adAccount});
    return ok(call,
              {{"organizations",
                QJsonArray{QJsonObject{{"sub_request_status", "SUCCESS"},
                                       {"organization", organization}}}}});
}

SandboxReply SnapchatSimulator::routeAccount(SnapCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    const QString &accountId = call.rules.account.accountId;
    if (s.value(1) != accountId)
        return fail(call,
                    SnapError{403, "E3002", "The user does not have access to this ad account"});
    if (s.size() == 2 && method == "GET")
        return ok(call,
                  {{"adaccounts",
                    QJsonArray{QJsonObject{{"sub_request_status", "SUCCESS"},
                                           {"adaccount", renderAccount(call.rules.account)}}}}});
    const QString resource = s.value(2);
    if (s.size() == 3 && resource == QLatin1String("stats") && method == "GET") {
        ObjectRecord account;
        account.type = QStringLiteral("adaccount");
        account.id = accountId;
        auto result = stats(call.request.query, account, call.rules, m_context->seed());
        return result ? ok(call, *result) : fail(call, result.error());
    }
    if (s.size() == 3 && resource == QLatin1String("pixels") && method == "GET") {
        const QJsonObject pixel{{"id", call.rules.account.extra.value("pixelId")},
                                {"name", "Sandbox pixel"},
                                {"ad_account_id", accountId},
                                {"status", "ACTIVE"}};
        return ok(call,
                  {{"pixels",
                    QJsonArray{QJsonObject{{"sub_request_status", "SUCCESS"}, {"pixel", pixel}}}}});
    }
    const auto collection = collectionOf(resource);
    if (s.size() != 3 || !collection)
        return fail(call, SnapError{404, "E3003", "Resource can not be found"});
    if (method == "GET")
        return list(call, collection->type, [](const ObjectRecord &) { return true; });
    const bool writable = collection->parentField == QLatin1String("ad_account_id");
    if (writable && (method == "POST" || method == "PUT"))
        return write(call, resource, accountId);
    return fail(call, SnapError{405, "E1001", "Method not allowed"});
}

SandboxReply SnapchatSimulator::routeEntity(SnapCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    const auto collection = collectionOf(s.value(0));
    if (!collection || s.size() < 2 || s.size() > 3)
        return fail(call, SnapError{404, "E3003", "Resource can not be found"});
    const auto record = findRecord(call.rules, collection->type, s[1]);
    if (!record)
        return fail(call, SnapError{404, "E3003", "Resource can not be found"});
    if (s.size() == 2 && method == "GET")
        return single(call, *record);
    if (s.size() == 2 && method == "DELETE" && collection->type != kMedia
        && collection->type != kCreative)
        return remove(call, *record);
    const QString child = s.value(2);
    if (child == QLatin1String("stats") && method == "GET") {
        if (record->type == kAd || record->type == kMedia || record->type == kCreative
            || record->type == kSegment)
            // Limitation: ad-level stats are not simulated; delivery is modelled per ad squad.
            return fail(call, SnapError{400, "E1008", "Stats for this object are not simulated"});
        auto result = stats(call.request.query, *record, call.rules, m_context->seed());
        return result ? ok(call, *result) : fail(call, result.error());
    }
    if (child == QLatin1String("upload") && record->type == kMedia && method == "POST")
        return upload(call, *record);
    if (child == QLatin1String("users") && record->type == kSegment
        && (method == "POST" || method == "DELETE"))
        return users(call, *record);
    const auto children = collectionOf(child);
    const bool parentMatches =
        children
        && children->parentField == (record->type == kCampaign ? "campaign_id" : "ad_squad_id");
    if (!parentMatches || record->type == kAd)
        return fail(call, SnapError{404, "E3003", "Resource can not be found"});
    if (method == "GET")
        return list(
            call, children->type, [&](const ObjectRecord &r) { return r.parentId == record->id; });
    if (method == "POST" || method == "PUT")
        return write(call, child, record->id);
    return fail(call, SnapError{405, "E1001", "Method not allowed"});
}

ObjectRecord SnapchatSimulator::newRecord(const SnapCall &call,
                                          const QString &type,
                                          const QString &parentId,
                                          const QJsonObject &item,
                                          const QJsonObject &state)
{
    ObjectRecord record;
    record.platform = Platform::Snapchat;
    record.accountId = call.rules.account.accountId;
    record.type = type;
    record.id = uuid(type);
    record.parentId = parentId;
    record.name = state.value(QStringLiteral("name")).toString();
    record.status = type == kMedia ? state.value(QStringLiteral("media_status")).toString()
                                   : state.value(QStringLiteral("status")).toString();
    record.fields = item;
    record.state = state;
    record.createdAtMs = m_context->nowMs();
    record.updatedAtMs = record.createdAtMs;
    record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
    return record;
}

bool SnapchatSimulator::commit(const QList<ObjectRecord> &inserts,
                               const QList<ObjectRecord> &updates)
{
    ChangeSet changes;
    changes.platform = Platform::Snapchat;
    changes.inserts = inserts;
    changes.updates = updates;
    for (const ObjectRecord &record : inserts + updates) {
        if (record.type == kCampaign || record.type == kAdSquad || record.type == kAd)
            changes.statuses.append({record.id, record.status, record.updatedAtMs});
    }
    return m_context->store().commit(changes);
}

SnapResult<ObjectRecord> SnapchatSimulator::writeOne(const SnapCall &call,
                                                     const Collection &collection,
                                                     const QString &parentId,
                                                     const QJsonObject &item,
                                                     bool update)
{
    if (item.value(collection.parentField).toString() != parentId)
        return reject(
            QStringLiteral("%1 is required and must match the path").arg(collection.parentField));
    std::optional<ObjectRecord> existing;
    if (update) {
        existing = findRecord(call.rules, collection.type, item.value("id").toString());
        if (!existing || existing->parentId != parentId)
            return tl::unexpected(SnapError{404, "E3003", "Resource can not be found"});
        // The objective is fixed at creation (snapchat.md 2.6).
        for (const char *key : {"objective", "objective_v2_properties"}) {
            if (collection.type == kCampaign && item.contains(QLatin1String(key))
                && item.value(QLatin1String(key)) != existing->state.value(QLatin1String(key)))
                return reject(QStringLiteral("%1 is immutable").arg(QLatin1String(key)), "E2023");
        }
    }
    const auto state = collection.type == kCampaign   ? validateCampaign(item, call.rules)
                       : collection.type == kAdSquad  ? validateAdSquad(item, call.rules)
                       : collection.type == kMedia    ? validateMedia(item, call.rules)
                       : collection.type == kCreative ? validateCreative(item, call.rules)
                       : collection.type == kSegment  ? validateSegment(item, call.rules)
                                                      : validateAd(item, call.rules);
    if (!state)
        return tl::unexpected(state.error());
    if (!update)
        return newRecord(call, collection.type, parentId, item, *state);
    // A PUT replaces the object: omitted optional fields are dropped (snapchat.md 3). A
    // segment's member counts belong to the server and survive the replacement.
    QJsonObject replaced = *state;
    if (collection.type == kSegment) {
        for (const char *key : {"upload_status", "targetable_status", "approximate_number_users"})
            replaced.insert(QLatin1String(key), existing->state.value(QLatin1String(key)));
    }
    existing->state = replaced;
    existing->state.remove(QStringLiteral("id"));
    existing->status = state->value(QStringLiteral("status")).toString();
    existing->name = state->value(QStringLiteral("name")).toString();
    existing->updatedAtMs = m_context->nowMs();
    return *existing;
}

SandboxReply SnapchatSimulator::write(SnapCall &call,
                                      const QString &plural,
                                      const QString &parentId)
{
    const auto collection = collectionOf(plural);
    const bool update = call.request.method == "PUT";
    const QJsonArray items =
        QJsonDocument::fromJson(call.request.body).object().value(plural).toArray();
    if (items.isEmpty() || (collection->type == kMedia && update))
        return fail(call,
                    SnapError{400,
                              "E1001",
                              QStringLiteral("The body must be {\"%1\": [...]}").arg(plural)});
    QJsonArray results;
    std::optional<SnapError> firstError;
    for (const QJsonValue &value : items) {
        auto record = writeOne(call, *collection, parentId, value.toObject(), update);
        if (record && !(update ? commit({}, {*record}) : commit({*record})))
            record = tl::unexpected(SnapError{500, "E9999", "Internal error"});
        if (!record) {
            firstError = firstError.value_or(record.error());
            results.append(QJsonObject{{"sub_request_status", "ERROR"},
                                       {"sub_request_error_reason", record.error().message}});
            continue;
        }
        results.append(QJsonObject{{"sub_request_status", "SUCCESS"},
                                   {collection->singular, renderEntity(*record, call.rules)}});
    }
    if (firstError && int(results.size()) == int(items.size())
        && std::all_of(results.begin(), results.end(), [](const QJsonValue &r) {
               return r[QStringLiteral("sub_request_status")] == QStringLiteral("ERROR");
           })) {
        SandboxReply reply = fail(call, *firstError);
        QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        body.insert(plural, results);
        return SandboxReply::json(body, firstError->status);
    }
    return ok(call, {{plural, results}});
}

SandboxReply SnapchatSimulator::list(SnapCall &call,
                                     const QString &type,
                                     const std::function<bool(const ObjectRecord &)> &match)
{
    const QUrlQuery &q = call.request.query;
    const bool deleted = queryValue(q, "read_deleted_entities") == QLatin1String("true");
    QJsonArray rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::Snapchat, type, call.rules.account.accountId)) {
        if (!match(record) || (!deleted && record.state.value("deleted").toBool()))
            continue;
        rows.append(QJsonObject{{"sub_request_status", "SUCCESS"},
                                {type, renderEntity(record, call.rules)}});
    }
    const QString plural = pluralOf(type);
    if (!q.hasQueryItem(QStringLiteral("limit")))
        return ok(call, {{plural, rows}}); // unpaginated without a limit (unconfirmed)
    const int limit = queryValue(q, QStringLiteral("limit")).toInt();
    if (limit < 50 || limit > 1000)
        return fail(call, SnapError{400, "E1001", "limit must be between 50 and 1000"});
    const QByteArray cursor = QByteArray::fromBase64(queryValue(q, "cursor").toLatin1());
    const qsizetype start = cursor.startsWith("sbx:") ? cursor.mid(4).toLongLong() : 0;
    QJsonObject body{{plural, QJsonArray()}};
    QJsonArray page;
    for (qsizetype i = start; i < std::min<qsizetype>(rows.size(), start + limit); ++i)
        page.append(rows[i]);
    body.insert(plural, page);
    QJsonObject paging;
    if (start + limit < rows.size()) {
        QUrlQuery next = q;
        next.removeAllQueryItems(QStringLiteral("cursor"));
        next.addQueryItem(
            QStringLiteral("cursor"),
            QString::fromLatin1(QByteArray("sbx:" + QByteArray::number(start + limit)).toBase64()));
        paging.insert(QStringLiteral("next_link"),
                      QString(call.request.origin() + call.request.path + '?'
                              + next.toString(QUrl::FullyEncoded)));
    }
    body.insert(QStringLiteral("paging"), paging);
    return ok(call, body);
}

SandboxReply SnapchatSimulator::single(SnapCall &call, const ObjectRecord &record) const
{
    return ok(call,
              {{pluralOf(record.type),
                QJsonArray{QJsonObject{{"sub_request_status", "SUCCESS"},
                                       {record.type, renderEntity(record, call.rules)}}}}});
}

SandboxReply SnapchatSimulator::remove(SnapCall &call, ObjectRecord record)
{
    record.state.insert(QStringLiteral("deleted"), true);
    record.status = QStringLiteral("DELETED");
    record.updatedAtMs = m_context->nowMs();
    if (!commit({}, {record}))
        return fail(call, SnapError{500, "E9999", "Internal error"});
    return single(call, record);
}

SandboxReply SnapchatSimulator::upload(SnapCall &call, ObjectRecord media)
{
    const RequestParams params = RequestParams::from(call.request);
    const MultipartPart *file = params.file(QStringLiteral("file"));
    if (!file || file->data.isEmpty())
        return fail(call, SnapError{400, "E1001", "A multipart part named file is required"});
    if (file->data.size() > kMaxSimpleUpload)
        return fail(call, SnapError{400, "E1001", "Files over 32 MB need the chunked upload"});
    const QString type = media.state.value(QStringLiteral("type")).toString();
    const auto image = probeImage(file->data);
    const bool isImage =
        image && (image->format == QLatin1String("jpeg") || image->format == QLatin1String("png"));
    const bool isVideo = file->data.mid(4, 4) == "ftyp"; // MP4 and MOV both open with ftyp
    if ((type == QLatin1String("IMAGE") && (!isImage || file->data.size() > kMaxImageBytes))
        || (type == QLatin1String("VIDEO") && !isVideo))
        return fail(call,
                    SnapError{400,
                              "E1001",
                              QStringLiteral("The file is not a valid %1 "
                                             "(JPG/PNG up to 5 MB, MP4/MOV)")
                                  .arg(type)});
    media.status = QStringLiteral("READY");
    media.state.insert(QStringLiteral("media_status"), media.status);
    media.state.insert(QStringLiteral("file_name"), file->fileName);
    media.state.insert(QStringLiteral("file_size_in_bytes"), file->data.size());
    media.state.insert(QStringLiteral("download_link"),
                       QString(call.request.origin() + "/sandbox-media/" + media.id));
    if (isImage) {
        media.state.insert(QStringLiteral("width"), image->width);
        media.state.insert(QStringLiteral("height"), image->height);
    } else {
        // The sandbox does not decode video: the duration is a fixed stand-in.
        media.state.insert(QStringLiteral("duration_in_seconds"), 10.0);
    }
    media.updatedAtMs = m_context->nowMs();
    if (!commit({}, {media}))
        return fail(call, SnapError{500, "E9999", "Internal error"});
    return ok(call, {{"result", renderEntity(media, call.rules)}});
}

SandboxReply SnapchatSimulator::users(SnapCall &call, ObjectRecord segment)
{
    const QJsonObject body = QJsonDocument::fromJson(call.request.body).object();
    const QJsonArray entries = body.value(QStringLiteral("users")).toArray();
    if (entries.isEmpty())
        return fail(call, SnapError{400, "E1001", "The body must be {\"users\": [...]}"});
    // Removal takes the same body as upload (snapchat.md 7.2).
    const int sign = call.request.method == "DELETE" ? -1 : 1;
    QJsonArray results;
    std::optional<SnapError> firstError;
    qint64 total = 0;
    for (const QJsonValue &entry : entries) {
        const auto count = segmentUsers(entry.toObject());
        if (!count) {
            firstError = firstError.value_or(count.error());
            results.append(QJsonObject{{"sub_request_status", "ERROR"},
                                       {"sub_request_error_reason", count.error().message}});
            continue;
        }
        total += *count;
        results.append(QJsonObject{{"sub_request_status", "SUCCESS"},
                                   {"user", QJsonObject{{"number_uploaded_users", *count}}}});
    }
    if (firstError && total == 0) {
        SandboxReply reply = fail(call, *firstError);
        QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        body.insert(QStringLiteral("users"), results);
        return SandboxReply::json(body, firstError->status);
    }
    segment.state = withSegmentUsers(segment.state, sign * total);
    segment.updatedAtMs = m_context->nowMs();
    if (!commit({}, {segment}))
        return fail(call, SnapError{500, "E9999", "Internal error"});
    return ok(call, {{"users", results}});
}

} // namespace

std::shared_ptr<PlatformHandler> makeSnapchatSimulator(std::shared_ptr<SandboxContext> context)
{
    return std::make_shared<SnapchatSimulator>(std::move(context));
}

SandboxAccount defaultSnapchatAccount(quint64 seed)
{
    const auto uuid = [seed](const QString &salt) -> QString {
        const QString hex = seededHex(seed, salt, 32);
        return hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
               + hex.mid(20);
    };
    SandboxAccount account;
    account.platform = Platform::Snapchat;
    account.accountId = uuid(QStringLiteral("snapchat-account"));
    account.name = QStringLiteral("Sandbox Snapchat (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    // Simulator credentials: valid only against this loopback sandbox.
    account.accessToken = seededHex(seed, QStringLiteral("snapchat-token"), 64);
    account.extra.insert(QStringLiteral("profileId"), uuid(QStringLiteral("snapchat-profile")));
    account.extra.insert(QStringLiteral("brandName"), QStringLiteral("Sandbox Brand"));
    account.extra.insert(QStringLiteral("pixelId"), uuid(QStringLiteral("snapchat-pixel")));
    account.extra.insert(QStringLiteral("organizationId"), uuid(QStringLiteral("snapchat-org")));
    account.extra.insert(QStringLiteral("userId"), uuid(QStringLiteral("snapchat-user")));
    account.extra.insert(QStringLiteral("fundingSourceId"), uuid(QStringLiteral("snapchat-fund")));
    return account;
}

} // namespace ads::core::sandbox
