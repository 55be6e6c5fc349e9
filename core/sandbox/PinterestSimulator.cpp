#include "core/sandbox/PinterestSimulator.h"

#include "core/sandbox/PinterestRules.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/Simulators.h"

#include <QJsonDocument>

// Simulated Pinterest API v5 (api.pinterest.com/v5), written from reference/platforms/
// pinterest.md and Pinterest's OpenAPI description: batch writes of campaigns, ad groups and
// ads with per-item exceptions, Pins on the account's board, video media uploads, bookmark
// lists and the synchronous analytics.

namespace ads::core::sandbox {

namespace {

using namespace pinterest;

const QString kUploadPrefix = QStringLiteral("/sandbox-upload/media/");
constexpr int kMaxBatch = 30;
constexpr int kMaxPageSize = 250;
constexpr qsizetype kMaxRecordedText = 256 * 1024;

struct PinterestCall
{
    const SandboxRequest &request;
    QStringList segments; // the path after /v5/
    RuleContext rules;
};

SandboxReply errorReply(const PinterestError &error)
{
    return SandboxReply::json(errorBody(error), error.status);
}

SandboxReply errorReply(int status, int code, const QString &message)
{
    return errorReply(PinterestError{status, code, message});
}

QString typeOf(const QString &segment)
{
    if (segment == QLatin1String("campaigns"))
        return kCampaign;
    if (segment == QLatin1String("ad_groups"))
        return kAdGroup;
    if (segment == QLatin1String("ads"))
        return kAd;
    return {};
}

QString displayName(const QString &type)
{
    return type == kCampaign  ? QStringLiteral("Campaign")
           : type == kAdGroup ? QStringLiteral("Ad group")
                              : QStringLiteral("Ad");
}

/** A base64 payload kept in objects() only as its size and checksum, like other uploads. */
QJsonObject summarised(QJsonObject body)
{
    QJsonObject source = body.value(QStringLiteral("media_source")).toObject();
    const QString data = source.value(QStringLiteral("data")).toString();
    if (data.size() > kMaxRecordedText) {
        source.insert(QStringLiteral("data"),
                      QJsonObject{{"truncated", true},
                                  {"size", data.size()},
                                  {"md5", http::md5Hex(data.toLatin1())}});
        body.insert(QStringLiteral("media_source"), source);
    }
    return body;
}

class PinterestSimulator : public PlatformHandler
{
public:
    explicit PinterestSimulator(std::shared_ptr<SandboxContext> context)
        : m_context(std::move(context))
    {}

    SandboxReply handle(const SandboxRequest &request) override;

private:
    SandboxReply route(PinterestCall &call);
    SandboxReply routeAccount(PinterestCall &call);
    SandboxReply batchCreate(PinterestCall &call, const QString &type);
    SandboxReply batchUpdate(PinterestCall &call, const QString &type);
    PinterestResult<ObjectRecord> updated(const PinterestCall &call,
                                          const QString &type,
                                          const QJsonObject &item);
    SandboxReply list(PinterestCall &call, const QString &type);
    SandboxReply paged(const QUrlQuery &query, QList<QJsonObject> rows) const;
    SandboxReply customerLists(PinterestCall &call);
    SandboxReply audiences(PinterestCall &call);
    SandboxReply getOne(PinterestCall &call, const QString &type, const QString &id);
    SandboxReply createPin(PinterestCall &call);
    SandboxReply createMedia(PinterestCall &call);
    SandboxReply upload(const SandboxRequest &request);

    PinterestResult<QJsonArray> batchOf(const PinterestCall &call) const;
    PinterestResult<QJsonObject> validate(const QString &type,
                                          const QJsonObject &item,
                                          const RuleContext &rules) const;
    QJsonObject itemOf(const QString &type,
                       const QJsonObject &data,
                       const std::optional<PinterestError> &error) const;
    ObjectRecord newRecord(const PinterestCall &call,
                           const QString &type,
                           const QString &parentId,
                           const QJsonObject &fields,
                           const QJsonObject &state);
    bool commit(const QList<ObjectRecord> &inserts, const QList<ObjectRecord> &updates = {});

    std::shared_ptr<SandboxContext> m_context;
};

SandboxReply PinterestSimulator::handle(const SandboxRequest &request)
{
    if (request.path.startsWith(kUploadPrefix))
        return upload(request);
    if (!request.path.startsWith(QLatin1String("/v5/")))
        return errorReply(404, 404, QStringLiteral("Not found."));

    PinterestCall call{request, request.path.mid(4).split('/', Qt::SkipEmptyParts), {}};
    const QByteArray header = request.header("authorization");
    const QString token =
        header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7)).trimmed() : QString();
    for (const SandboxAccount &account : m_context->store().accounts(Platform::Pinterest)) {
        if (!token.isEmpty() && account.accessToken == token)
            call.rules = RuleContext{account, &m_context->store(), m_context->nowMs()};
    }
    if (call.rules.account.accountId.isEmpty())
        return errorReply(401, 2, QStringLiteral("Authentication failed."));
    return route(call);
}

SandboxReply PinterestSimulator::route(PinterestCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    const QString boardId = call.rules.account.extra.value(QStringLiteral("boardId"));
    if (s.value(0) == QLatin1String("ad_accounts"))
        return routeAccount(call);
    if (s.value(0) == QLatin1String("boards") && method == "GET") {
        const QJsonObject board{{"id", boardId},
                                {"name", "Sandbox ads board"},
                                {"privacy", "PUBLIC"},
                                {"owner", QJsonObject{{"username", "sandbox"}}}};
        if (s.size() == 1)
            return SandboxReply::json(QJsonObject{{"items", QJsonArray{board}}, {"bookmark", {}}});
        if (s.size() == 2 && s[1] == boardId)
            return SandboxReply::json(board);
        return errorReply(404, 404, QStringLiteral("Board not found."));
    }
    if (s.value(0) == QLatin1String("pins") && s.size() == 1 && method == "POST")
        return createPin(call);
    if (s.value(0) == QLatin1String("media") && s.size() == 1 && method == "POST")
        return createMedia(call);
    if ((s.value(0) == QLatin1String("pins") || s.value(0) == QLatin1String("media"))
        && s.size() == 2 && method == "GET") {
        const bool pin = s[0] == QLatin1String("pins");
        const auto record = findRecord(call.rules, pin ? kPin : kMedia, s[1]);
        if (!record)
            return errorReply(404,
                              404,
                              pin ? QStringLiteral("Pin not found.")
                                  : QStringLiteral("Media upload not found."));
        return SandboxReply::json(pin ? renderPin(*record, call.rules) : record->state);
    }
    return errorReply(404, 404, QStringLiteral("Not found."));
}

SandboxReply PinterestSimulator::routeAccount(PinterestCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    if (s.size() == 1 && method == "GET")
        return SandboxReply::json(QJsonObject{
            {"items", QJsonArray{renderAccount(call.rules.account)}}, {"bookmark", {}}});
    if (s.value(1) != call.rules.account.accountId)
        // The spec pairs code 29 with 401 in most examples; 403 is the meaning it carries.
        return errorReply(
            403, 29, QStringLiteral("You are not permitted to access that resource."));
    if (s.size() == 2 && method == "GET")
        return SandboxReply::json(renderAccount(call.rules.account));
    if (s.size() == 3 && s[2] == QLatin1String("analytics") && method == "GET") {
        auto rows = analytics(call.request.query, "AD_ACCOUNT", call.rules, m_context->seed());
        return rows ? SandboxReply::json(*rows) : errorReply(rows.error());
    }
    if (s.value(2) == QLatin1String("customer_lists"))
        return customerLists(call);
    if (s.value(2) == QLatin1String("audiences"))
        return audiences(call);
    const QString type = typeOf(s.value(2));
    if (type.isEmpty())
        return errorReply(404, 404, QStringLiteral("Not found."));
    if (s.size() == 3) {
        if (method == "POST")
            return batchCreate(call, type);
        if (method == "PATCH")
            return batchUpdate(call, type);
        if (method == "GET")
            return list(call, type);
    }
    if (s.size() == 4 && method == "GET" && s[3] == QLatin1String("analytics")) {
        if (type == kAd)
            // Limitation: ad-level analytics are not simulated; use campaigns or ad groups.
            return errorReply(400, 400, QStringLiteral("Ad analytics are not simulated."));
        auto rows = analytics(call.request.query,
                              type == kCampaign ? "CAMPAIGN" : "AD_GROUP",
                              call.rules,
                              m_context->seed());
        return rows ? SandboxReply::json(*rows) : errorReply(rows.error());
    }
    if (s.size() == 4 && method == "GET")
        return getOne(call, type, s[3]);
    return errorReply(405, 405, QStringLiteral("Method not allowed."));
}

PinterestResult<QJsonArray> PinterestSimulator::batchOf(const PinterestCall &call) const
{
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
    if (!doc.isArray() || doc.array().isEmpty() || doc.array().size() > kMaxBatch)
        return reject(QStringLiteral("Invalid parameters: the body must be a JSON array of 1 to "
                                     "%1 objects.")
                          .arg(kMaxBatch));
    return doc.array();
}

PinterestResult<QJsonObject> PinterestSimulator::validate(const QString &type,
                                                          const QJsonObject &item,
                                                          const RuleContext &rules) const
{
    return type == kCampaign  ? validateCampaign(item, rules)
           : type == kAdGroup ? validateAdGroup(item, rules)
                              : validateAd(item, rules);
}

QJsonObject PinterestSimulator::itemOf(const QString &type,
                                       const QJsonObject &data,
                                       const std::optional<PinterestError> &error) const
{
    // Ads carry one exception object, campaigns and ad groups an array (pinterest.md 2.1).
    QJsonObject item;
    if (!error) {
        item.insert(QStringLiteral("data"), data);
        if (type != kAd)
            item.insert(QStringLiteral("exceptions"), QJsonArray());
        return item;
    }
    const QJsonObject exception = errorBody(*error);
    item.insert(QStringLiteral("exceptions"),
                type == kAd ? QJsonValue(exception) : QJsonValue(QJsonArray{exception}));
    return item;
}

ObjectRecord PinterestSimulator::newRecord(const PinterestCall &call,
                                           const QString &type,
                                           const QString &parentId,
                                           const QJsonObject &fields,
                                           const QJsonObject &state)
{
    static const QHash<QString, qint64> bases = {{kCampaign, 626'700'000'000},
                                                 {kAdGroup, 2'680'060'000'000},
                                                 {kAd, 687'200'000'000},
                                                 {kPin, 1'091'000'000'000'000'000},
                                                 {kMedia, 5'210'000'000'000},
                                                 {kCustomerList, 549'755'000'000},
                                                 {kAudience, 2'542'000'000'000}};
    ObjectRecord record;
    record.platform = Platform::Pinterest;
    record.accountId = call.rules.account.accountId;
    record.type = type;
    record.id = QString::number(m_context->nextNumber("pinterest." + type, bases.value(type)));
    record.parentId = parentId;
    record.name =
        state.value(type == kPin ? QStringLiteral("title") : QStringLiteral("name")).toString();
    record.status = state.value(QStringLiteral("status")).toString();
    record.fields = fields;
    record.state = state;
    record.createdAtMs = m_context->nowMs();
    record.updatedAtMs = record.createdAtMs;
    record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
    return record;
}

bool PinterestSimulator::commit(const QList<ObjectRecord> &inserts,
                                const QList<ObjectRecord> &updates)
{
    ChangeSet changes;
    changes.platform = Platform::Pinterest;
    changes.inserts = inserts;
    changes.updates = updates;
    for (const ObjectRecord &record : inserts + updates) {
        if (record.type == kCampaign || record.type == kAdGroup || record.type == kAd)
            changes.statuses.append({record.id, record.status, record.updatedAtMs});
    }
    return m_context->store().commit(changes);
}

SandboxReply PinterestSimulator::batchCreate(PinterestCall &call, const QString &type)
{
    const auto batch = batchOf(call);
    if (!batch)
        return errorReply(batch.error());
    QJsonArray items;
    for (const QJsonValue &value : *batch) {
        // Each item is checked and written on its own, so later items may use earlier parents.
        const QJsonObject item = value.toObject();
        auto state = validate(type, item, call.rules);
        if (state && type == kCampaign
            && !QStringList{"ACTIVE", "PAUSED", "DRAFT"}.contains(
                state->value("status").toString()))
            state = reject(QStringLiteral("A new campaign is ACTIVE, PAUSED or DRAFT."));
        if (!state) {
            items.append(itemOf(type, {}, state.error()));
            continue;
        }
        const QString parentId =
            type == kCampaign ? call.rules.account.accountId
            : type == kAdGroup
                ? QString(state->value("campaign_id").toString()).remove(QLatin1Char('C'))
                : state->value("ad_group_id").toString();
        const ObjectRecord record = newRecord(call, type, parentId, item, *state);
        if (!commit({record})) {
            items.append(itemOf(type, {}, PinterestError{500, 12, "Something went wrong."}));
            continue;
        }
        items.append(itemOf(type, renderEntity(record, call.rules), std::nullopt));
    }
    return SandboxReply::json(QJsonObject{{"items", items}});
}

PinterestResult<ObjectRecord> PinterestSimulator::updated(const PinterestCall &call,
                                                          const QString &type,
                                                          const QJsonObject &item)
{
    if (type == kCampaign
        && item.value(QStringLiteral("ad_account_id")).toString() != call.rules.account.accountId)
        return reject(QStringLiteral("ad_account_id is required and must match the path."));
    auto record = findRecord(call.rules, type, item.value(QStringLiteral("id")).toString());
    if (!record)
        return reject(QStringLiteral("%1 not found.").arg(displayName(type)), 2);
    QJsonObject merged = record->state;
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (draftOnlyFields(type).contains(it.key()) && merged.value(it.key()) != it.value()
            && record->status != QLatin1String("DRAFT"))
            return reject(QStringLiteral("%1 can only be changed while DRAFT.").arg(it.key()));
        if (it.value().isNull())
            merged.remove(it.key()); // an explicit null clears the field (pinterest.md 3)
        else if (it.key() != QLatin1String("id"))
            merged.insert(it.key(), it.value());
    }
    const QString status = merged.value(QStringLiteral("status")).toString();
    // ARCHIVED is final; DELETED_DRAFT is reached only from DRAFT.
    if (status != record->status
        && (record->status == QLatin1String("ARCHIVED")
            || record->status == QLatin1String("DELETED_DRAFT")
            || (status == QLatin1String("DELETED_DRAFT")
                && record->status != QLatin1String("DRAFT"))))
        return reject(
            QStringLiteral("Cannot change status from %1 to %2.").arg(record->status, status));
    auto state = validate(type, merged, call.rules);
    if (!state)
        return tl::unexpected(state.error());
    record->state = *state;
    record->status = status;
    record->name = state->value(QStringLiteral("name")).toString();
    record->updatedAtMs = m_context->nowMs();
    return *record;
}

SandboxReply PinterestSimulator::batchUpdate(PinterestCall &call, const QString &type)
{
    const auto batch = batchOf(call);
    if (!batch)
        return errorReply(batch.error());
    QJsonArray items;
    for (const QJsonValue &value : *batch) {
        auto record = updated(call, type, value.toObject());
        if (record && !commit({}, {*record}))
            record = tl::unexpected(PinterestError{500, 12, "Something went wrong."});
        items.append(record ? itemOf(type, renderEntity(*record, call.rules), std::nullopt)
                            : itemOf(type, {}, record.error()));
    }
    return SandboxReply::json(QJsonObject{{"items", items}});
}

SandboxReply PinterestSimulator::list(PinterestCall &call, const QString &type)
{
    const QUrlQuery &q = call.request.query;
    QStringList statuses = listParam(q, QStringLiteral("entity_statuses"));
    if (statuses.isEmpty())
        statuses = {"ACTIVE", "PAUSED"}; // the documented default (pinterest.md 4.3)
    const QStringList campaigns = listParam(q, QStringLiteral("campaign_ids"));
    const QStringList groups = listParam(q, QStringLiteral("ad_group_ids"));
    const QStringList ads = listParam(q, QStringLiteral("ad_ids"));

    QList<QJsonObject> rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::Pinterest, type, call.rules.account.accountId)) {
        const QJsonObject entity = renderEntity(record, call.rules);
        const QString campaign = entity.value(QStringLiteral("campaign_id")).toString();
        const QString group = type == kAdGroup ? record.id : record.parentId;
        if (!statuses.contains(record.status)
            || (!campaigns.isEmpty()
                && !campaigns.contains(type == kCampaign ? record.id : campaign))
            || (!groups.isEmpty() && type != kCampaign && !groups.contains(group))
            || (!ads.isEmpty() && type == kAd && !ads.contains(record.id)))
            continue;
        rows.append(entity);
    }
    return paged(q, rows);
}

SandboxReply PinterestSimulator::paged(const QUrlQuery &q, QList<QJsonObject> rows) const
{
    const int size = q.hasQueryItem("page_size") ? q.queryItemValue("page_size").toInt() : 25;
    if (size < 1 || size > kMaxPageSize)
        return errorReply(400, 1, QStringLiteral("page_size must be between 1 and 250."));
    if (q.queryItemValue(QStringLiteral("order")) == QLatin1String("DESCENDING"))
        std::reverse(rows.begin(), rows.end());
    const QByteArray token = QByteArray::fromBase64(q.queryItemValue("bookmark").toLatin1());
    const qsizetype start = token.startsWith("sbx:") ? token.mid(4).toLongLong() : 0;
    QJsonArray items;
    for (qsizetype i = start; i < std::min<qsizetype>(rows.size(), start + size); ++i)
        items.append(rows[i]);
    const QJsonValue bookmark =
        start + size < rows.size() ? QJsonValue(
            QString::fromLatin1(QByteArray("sbx:" + QByteArray::number(start + size)).toBase64()))
                                   : QJsonValue(QJsonValue::Null);
    return SandboxReply::json(QJsonObject{{"items", items}, {"bookmark", bookmark}});
}

SandboxReply PinterestSimulator::customerLists(PinterestCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
    if (s.size() == 3 && method == "GET") {
        QList<QJsonObject> rows;
        for (const ObjectRecord &record : m_context->store().objects(
                 Platform::Pinterest, kCustomerList, call.rules.account.accountId))
            rows.append(renderCustomerList(record, call.rules));
        return paged(call.request.query, rows);
    }
    if (s.size() == 3 && method == "POST") {
        auto state = validateCustomerList(doc.object());
        if (!state)
            return errorReply(state.error());
        QJsonObject fields = doc.object();
        if (fields.value(QStringLiteral("records")).toString().size() > kMaxRecordedText)
            fields.insert(QStringLiteral("records"), QJsonObject{{"truncated", true}});
        const ObjectRecord record =
            newRecord(call, kCustomerList, call.rules.account.accountId, fields, *state);
        if (!commit({record}))
            return errorReply(500, 12, QStringLiteral("Something went wrong on our end."));
        return SandboxReply::json(renderCustomerList(record, call.rules));
    }
    if (s.size() != 4)
        return errorReply(405, 405, QStringLiteral("Method not allowed."));
    auto record = findRecord(call.rules, kCustomerList, s[3]);
    if (!record)
        return errorReply(404, 2, QStringLiteral("Customer list not found."));
    if (method == "GET")
        return SandboxReply::json(renderCustomerList(*record, call.rules));
    if (method != "PATCH")
        return errorReply(405, 405, QStringLiteral("Method not allowed."));
    auto state = updateCustomerList(record->state, doc.object());
    if (!state)
        return errorReply(state.error());
    record->state = *state;
    record->status = state->value(QStringLiteral("status")).toString();
    record->updatedAtMs = m_context->nowMs();
    if (!commit({}, {*record}))
        return errorReply(500, 12, QStringLiteral("Something went wrong on our end."));
    return SandboxReply::json(renderCustomerList(*record, call.rules));
}

SandboxReply PinterestSimulator::audiences(PinterestCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    if (s.size() == 3 && method == "GET") {
        const QString ownership =
            call.request.query.queryItemValue(QStringLiteral("ownership_type"));
        if (!ownership.isEmpty() && ownership != QLatin1String("OWNED")
            && ownership != QLatin1String("RECEIVED"))
            return errorReply(400, 400, QStringLiteral("Invalid ad account audience parameters."));
        // Nothing is ever shared with a sandbox account, so RECEIVED is always empty.
        QList<QJsonObject> rows;
        if (ownership != QLatin1String("RECEIVED")) {
            for (const ObjectRecord &record : m_context->store().objects(
                     Platform::Pinterest, kAudience, call.rules.account.accountId))
                rows.append(renderAudience(record, call.rules));
        }
        return paged(call.request.query, rows);
    }
    if (s.size() == 3 && method == "POST") {
        const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
        auto state = validateAudience(doc.object(), call.rules);
        if (!state)
            return errorReply(state.error());
        const ObjectRecord record =
            newRecord(call, kAudience, call.rules.account.accountId, doc.object(), *state);
        if (!commit({record}))
            return errorReply(500, 12, QStringLiteral("Something went wrong on our end."));
        return SandboxReply::json(renderAudience(record, call.rules));
    }
    // Limitation: audience updates (PATCH) are not simulated; launches only create them.
    if (s.size() != 4 || method != "GET")
        return errorReply(405, 405, QStringLiteral("Method not allowed."));
    const auto record = findRecord(call.rules, kAudience, s[3]);
    if (!record)
        return errorReply(404, 2, QStringLiteral("Audience not found."));
    return SandboxReply::json(renderAudience(*record, call.rules));
}

SandboxReply PinterestSimulator::getOne(PinterestCall &call, const QString &type, const QString &id)
{
    const auto record = findRecord(call.rules, type, id);
    if (!record)
        return errorReply(404, 2, QStringLiteral("%1 not found.").arg(displayName(type)));
    return SandboxReply::json(renderEntity(*record, call.rules));
}

SandboxReply PinterestSimulator::createPin(PinterestCall &call)
{
    const QString actingFor = call.request.query.queryItemValue(QStringLiteral("ad_account_id"));
    if (!actingFor.isEmpty() && actingFor != call.rules.account.accountId)
        return errorReply(
            403, 29, QStringLiteral("You are not permitted to access that resource."));
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
    if (!doc.isObject())
        return errorReply(400, 1, QStringLiteral("Invalid parameters: a JSON object is needed."));
    auto media = validatePin(doc.object(), call.rules);
    if (!media)
        return errorReply(media.error());
    QJsonObject state = doc.object();
    state.remove(QStringLiteral("media_source"));
    for (auto it = media->begin(); it != media->end(); ++it)
        state.insert(it.key(), it.value());
    state.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
    const ObjectRecord record = newRecord(
        call, kPin, call.rules.account.extra.value("boardId"), summarised(doc.object()), state);
    if (!commit({record}))
        return errorReply(500, 12, QStringLiteral("Something went wrong on our end."));
    return SandboxReply::json(renderPin(record, call.rules), 201);
}

SandboxReply PinterestSimulator::createMedia(PinterestCall &call)
{
    const QJsonObject body = QJsonDocument::fromJson(call.request.body).object();
    if (body.value(QStringLiteral("media_type")).toString() != QLatin1String("video"))
        return errorReply(400, 1, QStringLiteral("Invalid parameters: media_type must be video."));
    QJsonObject state{{"media_type", "video"}, {"status", "registered"}};
    ObjectRecord record = newRecord(call, kMedia, call.rules.account.accountId, body, state);
    const QString key = QStringLiteral("uploads/sandbox/video:%1").arg(record.id);
    record.state.insert(QStringLiteral("media_id"), record.id);
    record.state.insert(QStringLiteral("upload_key"), key);
    if (!commit({record}))
        return errorReply(500, 12, QStringLiteral("Something went wrong on our end."));
    const QJsonObject parameters{{"Content-Type", "multipart/form-data"},
                                 {"key", key},
                                 {"policy", "c2FuZGJveA=="},
                                 {"x-amz-algorithm", "AWS4-HMAC-SHA256"},
                                 {"x-amz-signature", seededHex(m_context->seed(), key, 64)}};
    return SandboxReply::json(
        QJsonObject{{"media_id", record.id},
                    {"media_type", "video"},
                    {"upload_url", QString(call.request.origin() + kUploadPrefix + record.id)},
                    {"upload_parameters", parameters}},
        201);
}

SandboxReply PinterestSimulator::upload(const SandboxRequest &request)
{
    // The stand-in for the S3 form upload: no Pinterest auth, the form's key must match.
    auto record =
        m_context->store().object(Platform::Pinterest, request.path.mid(kUploadPrefix.size()));
    const RequestParams params = RequestParams::from(request);
    const MultipartPart *file = params.file(QStringLiteral("file"));
    if (request.method != "POST" || !record || record->type != kMedia)
        return SandboxReply::text("<Error><Code>NoSuchUpload</Code></Error>", 404, "text/xml");
    if (params.text(QStringLiteral("key")) != record->state.value("upload_key").toString() || !file
        || file->data.isEmpty())
        return SandboxReply::text("<Error><Code>AccessDenied</Code></Error>", 403, "text/xml");
    record->status = QStringLiteral("succeeded");
    record->state.insert(QStringLiteral("status"), record->status);
    record->state.insert(QStringLiteral("file"), http::fileSummary(*file));
    record->state.remove(QStringLiteral("upload_key"));
    record->updatedAtMs = m_context->nowMs();
    if (!commit({}, {*record}))
        return SandboxReply::text("<Error><Code>InternalError</Code></Error>", 500, "text/xml");
    return SandboxReply::text({}, 204, "text/plain");
}

} // namespace

std::shared_ptr<PlatformHandler> makePinterestSimulator(std::shared_ptr<SandboxContext> context)
{
    return std::make_shared<PinterestSimulator>(std::move(context));
}

SandboxAccount defaultPinterestAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::Pinterest;
    account.accountId = seededDigits(seed, QStringLiteral("pinterest-account"), 12);
    account.name = QStringLiteral("Sandbox Pinterest (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    // Simulator credentials: valid only against this loopback sandbox.
    account.accessToken = QStringLiteral("pina_") + seededHex(seed, "pinterest-token", 48);
    account.extra.insert(QStringLiteral("boardId"),
                         seededDigits(seed, QStringLiteral("pinterest-board"), 18));
    account.extra.insert(QStringLiteral("bidMicros"), QStringLiteral("1000000"));
    account.extra.insert(QStringLiteral("conversionTagId"),
                         seededDigits(seed, QStringLiteral("pinterest-tag"), 13));
    account.extra.insert(QStringLiteral("country"), QStringLiteral("US"));
    return account;
}

} // namespace ads::core::sandbox
