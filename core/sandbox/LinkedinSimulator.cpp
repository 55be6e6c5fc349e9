#include "core/sandbox/LinkedinSimulator.h"

#include "core/Logging.h"
#include "core/sandbox/LinkedinRules.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/Simulators.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

// Simulated LinkedIn Marketing API (versioned REST, Rest.li 2.0) at /rest/..., written from
// reference/platforms/linkedin.md: campaign groups, campaigns, creatives (by reference or
// inline), dark posts, the Images API upload and adAnalytics.

namespace ads::core::sandbox {

namespace {

using namespace linkedin;

const QString kUploadPrefix = QStringLiteral("/dms-uploads/sandbox/");
constexpr qint64 kIdBase = 600'000'000;
constexpr qint64 kShareBase = 7'200'000'000'000'000'000;
constexpr qint64 kUploadUrlLifetimeMs = 24 * 3600 * 1000LL;
constexpr qint64 kMaxImageBytes = 5 * 1024 * 1024; // ad images (linkedin.md 7)
constexpr int kMaxCreativesPerCampaign = 100;      // 15 active + 85 inactive (linkedin.md 3)
constexpr int kVersionWindowMonths = 12;           // versions live at least 12 months (1.3)

struct LinkedinCall
{
    const SandboxRequest &request;
    QByteArray method;
    QStringList segments; // the path after /rest/, percent-decoded
    RestliQuery query;
    QString version;
    RuleContext rules;
};

/** Rest.li reduced encoding of an id for the x-restli-id header (linkedin.md 2.2). */
QByteArray reducedEncoding(const QString &id)
{
    QByteArray text = id.toUtf8();
    text.replace('(', "%28").replace(')', "%29").replace(',', "%2C").replace(':', "%3A");
    return text.replace('\'', "%27");
}

SandboxReply errorReply(const LinkedinError &error)
{
    return SandboxReply::json(errorBody(error), error.status);
}

SandboxReply errorReply(int status, const QString &code, const QString &message, int sub = 0)
{
    return errorReply(LinkedinError{status, code, message, {}, sub});
}

SandboxReply noContent(int status)
{
    SandboxReply reply;
    reply.status = status;
    return reply;
}

QString resourceType(const QString &segment)
{
    if (segment == QLatin1String("adCampaignGroups"))
        return kGroup;
    if (segment == QLatin1String("adCampaigns"))
        return kCampaign;
    if (segment == QLatin1String("creatives"))
        return kCreative;
    return {};
}

class LinkedinSimulator : public PlatformHandler
{
public:
    explicit LinkedinSimulator(std::shared_ptr<SandboxContext> context)
        : m_context(std::move(context))
    {}

    SandboxReply handle(const SandboxRequest &request) override;

private:
    std::optional<SandboxReply> authenticate(LinkedinCall &call);
    std::optional<SandboxReply> checkVersion(LinkedinCall &call);
    std::optional<SandboxReply> readQuery(LinkedinCall &call);
    SandboxReply route(LinkedinCall &call);
    SandboxReply routeAccount(LinkedinCall &call);
    SandboxReply routeCollection(LinkedinCall &call, const QString &type);
    SandboxReply routeEntity(LinkedinCall &call, const QString &type, const QString &key);

    SandboxReply create(LinkedinCall &call, const QString &type);
    SandboxReply batchCreate(LinkedinCall &call, const QString &type);
    SandboxReply createInline(LinkedinCall &call);
    LinkedinResult<ObjectRecord> prepare(const LinkedinCall &call,
                                         const QString &type,
                                         const QJsonObject &entity);
    SandboxReply patch(LinkedinCall &call, const QString &type, const QString &id);
    SandboxReply batchPatch(LinkedinCall &call, const QString &type);
    LinkedinResult<ObjectRecord> patched(const LinkedinCall &call,
                                         const QString &type,
                                         const QString &id,
                                         const QJsonObject &patch);
    SandboxReply remove(LinkedinCall &call, const QString &type, const QString &id);
    SandboxReply finder(LinkedinCall &call, const QString &type);
    SandboxReply batchGet(LinkedinCall &call, const QString &type);
    SandboxReply accountSearch(LinkedinCall &call);
    SandboxReply initializeUpload(LinkedinCall &call);
    SandboxReply upload(const SandboxRequest &request);
    SandboxReply createPost(LinkedinCall &call);

    std::optional<ObjectRecord> find(const LinkedinCall &call,
                                     const QString &type,
                                     const QString &id) const;
    ObjectRecord newRecord(const LinkedinCall &call,
                           const QString &type,
                           const QString &id,
                           const QString &parentId,
                           const QJsonObject &entity);
    bool commit(const QList<ObjectRecord> &inserts, const QList<ObjectRecord> &updates = {});
    QJsonObject pageOf(const QList<QJsonObject> &rows,
                       const LinkedinCall &call,
                       LinkedinError *error) const;
    LinkedinError denied(const LinkedinCall &call, const QString &resource) const;

    QString newNumber() { return QString::number(m_context->nextNumber("linkedin.id", kIdBase)); }

    std::shared_ptr<SandboxContext> m_context;
};

SandboxReply LinkedinSimulator::handle(const SandboxRequest &request)
{
    if (request.path.startsWith(kUploadPrefix))
        return upload(request);
    if (!request.path.startsWith(QLatin1String("/rest/")))
        return errorReply(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Not Found"));

    LinkedinCall call{request, request.method, {}, {}, {}, {}};
    call.segments = request.path.mid(6).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (auto refused = authenticate(call))
        return *refused;
    if (auto refused = checkVersion(call))
        return *refused;
    if (auto refused = readQuery(call))
        return *refused;
    return route(call);
}

std::optional<SandboxReply> LinkedinSimulator::authenticate(LinkedinCall &call)
{
    const QByteArray header = call.request.header("authorization");
    const QString token =
        header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7)).trimmed() : QString();
    if (token.isEmpty())
        return errorReply(
            401, QStringLiteral("EMPTY_ACCESS_TOKEN"), QStringLiteral("Empty oauth2_access_token"));
    for (const SandboxAccount &account : m_context->store().accounts(Platform::LinkedIn)) {
        if (account.accessToken == token) {
            call.rules = RuleContext{
                account, &m_context->store(), m_context->nowMs(), call.request.origin()};
            return std::nullopt;
        }
    }
    return errorReply(
        401, QStringLiteral("INVALID_ACCESS_TOKEN"), QStringLiteral("Invalid access token"), 65600);
}

std::optional<SandboxReply> LinkedinSimulator::checkVersion(LinkedinCall &call)
{
    const QString sent = QString::fromLatin1(call.request.header("linkedin-version")).trimmed();
    if (sent.isEmpty())
        // The body for a missing header is unconfirmed (linkedin.md 1.3).
        return errorReply(400,
                          QStringLiteral("VERSION_MISSING"),
                          QStringLiteral("A version must be present. Please specify a version "
                                         "by adding the LinkedIn-Version header."));
    static const QRegularExpression form(QStringLiteral("^(\\d{4})(\\d{2})(\\.\\d{2})?$"));
    const auto match = form.match(sent);
    const QDate today = m_context->now().date();
    const int sentMonths = match.captured(1).toInt() * 12 + match.captured(2).toInt() - 1;
    const int nowMonths = today.year() * 12 + today.month() - 1;
    if (!match.hasMatch() || sentMonths > nowMonths
        || sentMonths < nowMonths - kVersionWindowMonths)
        return errorReply(426,
                          QStringLiteral("NONEXISTENT_VERSION"),
                          QStringLiteral("Requested version %1 is not active")
                              .arg(match.captured(1) + match.captured(2) + QStringLiteral("01")));
    call.version = match.captured(1) + match.captured(2);
    return std::nullopt;
}

std::optional<SandboxReply> LinkedinSimulator::readQuery(LinkedinCall &call)
{
    QByteArray raw = call.request.url.query(QUrl::FullyEncoded).toUtf8();
    // Query tunneling (linkedin.md 2.3): a POST carrying the GET's query as a form body.
    const QByteArray override = call.request.header("x-http-method-override").toUpper();
    if (call.method == "POST" && override == "GET"
        && call.request.mediaType() == "application/x-www-form-urlencoded") {
        call.method = "GET";
        raw = call.request.body;
    }
    if ((raw.contains("List(") || raw.contains("=("))
        && call.request.header("x-restli-protocol-version") != "2.0.0")
        // Protocol 1.0 reads List(...) as plain text, so the finder fails.
        return errorReply(400,
                          QStringLiteral("ILLEGAL_ARGUMENT"),
                          QStringLiteral("Rest.li 2.0 syntax requires the header "
                                         "X-Restli-Protocol-Version: 2.0.0"));
    auto query = RestliQuery::parse(raw);
    if (!query)
        return errorReply(query.error());
    call.query = *query;
    return std::nullopt;
}

LinkedinError LinkedinSimulator::denied(const LinkedinCall &call, const QString &resource) const
{
    QByteArray method = call.request.header("x-restli-method").toUpper();
    if (method.isEmpty())
        method = call.method == "GET" ? "GET" : call.method == "POST" ? "CREATE" : call.method;
    return LinkedinError{403,
                         QStringLiteral("ACCESS_DENIED"),
                         QStringLiteral("Not enough permissions to access: %1.%2.%3")
                             .arg(resource, QString::fromLatin1(method), call.version + "01"),
                         {},
                         100};
}

SandboxReply LinkedinSimulator::route(LinkedinCall &call)
{
    const QStringList &s = call.segments;
    const QString root = s.value(0);
    if (root == QLatin1String("adAccounts"))
        return routeAccount(call);
    if (root == QLatin1String("adAnalytics") && s.size() == 1 && call.method == "GET") {
        auto result = analytics(call.query, call.rules, m_context->seed());
        return result ? SandboxReply::json(*result) : errorReply(result.error());
    }
    if (root == QLatin1String("images") && s.size() == 1 && call.method == "POST"
        && call.query.text(QStringLiteral("action")) == QLatin1String("initializeUpload"))
        return initializeUpload(call);
    if (root == QLatin1String("posts") && s.size() == 1 && call.method == "POST")
        return createPost(call);
    if ((root == QLatin1String("images") || root == QLatin1String("posts")) && s.size() == 2
        && call.method == "GET") {
        const auto record = find(call, root == QLatin1String("images") ? kImage : kPost, s[1]);
        if (!record)
            return errorReply(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Not Found"));
        return SandboxReply::json(renderEntity(*record, call.rules));
    }
    return errorReply(404,
                      QStringLiteral("NOT_FOUND"),
                      QStringLiteral("No resource at %1").arg(call.request.path));
}

SandboxReply LinkedinSimulator::routeAccount(LinkedinCall &call)
{
    const QStringList &s = call.segments;
    if (s.size() == 1 && call.method == "GET")
        return accountSearch(call);
    if (s.size() < 2)
        return errorReply(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Not Found"));
    const QString type = resourceType(s.value(2));
    if (s[1] != call.rules.account.accountId)
        return errorReply(denied(call, s.size() == 2 ? QStringLiteral("adAccounts") : s[2]));
    if (s.size() == 2 && call.method == "GET")
        return SandboxReply::json(renderAccount(call.rules.account));
    if (type.isEmpty() || s.size() > 4)
        return errorReply(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Not Found"));
    return s.size() == 3 ? routeCollection(call, type) : routeEntity(call, type, s[3]);
}

SandboxReply LinkedinSimulator::routeCollection(LinkedinCall &call, const QString &type)
{
    const QByteArray method = call.request.header("x-restli-method").toUpper();
    if (call.method == "GET")
        return call.query.has(QStringLiteral("ids")) ? batchGet(call, type) : finder(call, type);
    if (call.method != "POST")
        return errorReply(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("Not allowed"));
    if (type == kCreative
        && call.query.text(QStringLiteral("action")) == QLatin1String("createInline"))
        return createInline(call);
    if (method == "BATCH_CREATE")
        return batchCreate(call, type);
    if (method == "BATCH_PARTIAL_UPDATE")
        return batchPatch(call, type);
    if (method.isEmpty() || method == "CREATE")
        return create(call, type);
    return errorReply(
        400,
        QStringLiteral("ILLEGAL_ARGUMENT"),
        QStringLiteral("Unsupported X-RestLi-Method %1").arg(QString::fromLatin1(method)));
}

SandboxReply LinkedinSimulator::routeEntity(LinkedinCall &call,
                                            const QString &type,
                                            const QString &key)
{
    // Creatives are keyed by their URN, the others by number (linkedin.md 2.4).
    const QString id = type == kCreative ? key : (isDigits(key) ? key : QString());
    if (call.method == "GET") {
        const auto record = find(call, type, id);
        if (!record)
            return errorReply(
                404, QStringLiteral("NOT_FOUND"), QStringLiteral("Entity %1 not found").arg(key));
        return SandboxReply::json(renderEntity(*record, call.rules));
    }
    if (call.method == "DELETE")
        return remove(call, type, id);
    if (call.method == "POST") {
        if (call.request.header("x-restli-method").toUpper() == "PARTIAL_UPDATE")
            return patch(call, type, id);
        return errorReply(400,
                          QStringLiteral("ILLEGAL_ARGUMENT"),
                          QStringLiteral("A POST on an entity needs X-RestLi-Method: "
                                         "PARTIAL_UPDATE"));
    }
    return errorReply(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("Not allowed"));
}

std::optional<ObjectRecord> LinkedinSimulator::find(const LinkedinCall &call,
                                                    const QString &type,
                                                    const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    auto record = m_context->store().object(Platform::LinkedIn, id);
    if (!record || record->type != type || record->accountId != call.rules.account.accountId
        || record->state.value(QStringLiteral("deleted")).toBool())
        return std::nullopt;
    return record;
}

ObjectRecord LinkedinSimulator::newRecord(const LinkedinCall &call,
                                          const QString &type,
                                          const QString &id,
                                          const QString &parentId,
                                          const QJsonObject &entity)
{
    ObjectRecord record;
    record.platform = Platform::LinkedIn;
    record.accountId = call.rules.account.accountId;
    record.type = type;
    record.id = id;
    record.parentId = parentId;
    record.name = entity.value(QStringLiteral("name")).toString();
    record.status =
        entity
            .value(type == kCreative ? QStringLiteral("intendedStatus") : QStringLiteral("status"))
            .toString();
    record.fields = entity;
    record.state = entity;
    record.createdAtMs = m_context->nowMs();
    record.updatedAtMs = record.createdAtMs;
    record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
    return record;
}

bool LinkedinSimulator::commit(const QList<ObjectRecord> &inserts,
                               const QList<ObjectRecord> &updates)
{
    ChangeSet changes;
    changes.platform = Platform::LinkedIn;
    changes.inserts = inserts;
    changes.updates = updates;
    for (const ObjectRecord &record : inserts + updates) {
        if (record.type == kGroup || record.type == kCampaign || record.type == kCreative)
            changes.statuses.append({record.id, record.status, record.updatedAtMs});
    }
    return m_context->store().commit(changes);
}

LinkedinResult<ObjectRecord> LinkedinSimulator::prepare(const LinkedinCall &call,
                                                        const QString &type,
                                                        const QJsonObject &entity)
{
    // Creates start as DRAFT or live; anything else is a later transition (linkedin.md 3.1, 4).
    const QString statusKey = type == kCreative ? "intendedStatus" : "status";
    const QStringList createStatuses =
        type == kGroup ? QStringList{"ACTIVE", "DRAFT"} : QStringList{"ACTIVE", "PAUSED", "DRAFT"};
    const QString status = entity.value(statusKey).toString();
    if (!status.isEmpty() && !createStatuses.contains(status))
        return reject(statusKey,
                      QStringLiteral("A new entity may be %1").arg(createStatuses.join(", ")));
    const auto valid = type == kGroup      ? validateGroup(entity, call.rules)
                       : type == kCampaign ? validateCampaign(entity, call.rules)
                                           : validateCreative(entity, call.rules);
    if (!valid)
        return tl::unexpected(valid.error());
    if (type == kGroup)
        return newRecord(call, type, newNumber(), call.rules.account.accountId, *valid);
    if (type == kCampaign)
        return newRecord(call,
                         type,
                         newNumber(),
                         idFromUrn(valid->value("campaignGroup").toString(), kGroupUrn),
                         *valid);
    const QString campaign = idFromUrn(valid->value("campaign").toString(), kCampaignUrn);
    int siblings = 0;
    for (const ObjectRecord &other :
         m_context->store().objects(Platform::LinkedIn, kCreative, call.rules.account.accountId))
        siblings += other.parentId == campaign ? 1 : 0;
    if (siblings >= kMaxCreativesPerCampaign)
        return reject(
            QStringLiteral("campaign"),
            QStringLiteral("A campaign holds at most %1 creatives").arg(kMaxCreativesPerCampaign));
    return newRecord(call, type, kCreativeUrn + newNumber(), campaign, *valid);
}

SandboxReply LinkedinSimulator::create(LinkedinCall &call, const QString &type)
{
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
    if (!doc.isObject())
        return errorReply(400,
                          QStringLiteral("ILLEGAL_ARGUMENT"),
                          QStringLiteral("The body must be a JSON object"));
    auto record = prepare(call, type, doc.object());
    if (!record)
        return errorReply(record.error());
    if (!commit({*record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    SandboxReply reply = noContent(201);
    reply.headers.append({"x-restli-id", reducedEncoding(record->id)});
    return reply;
}

SandboxReply LinkedinSimulator::batchCreate(LinkedinCall &call, const QString &type)
{
    const QJsonArray elements =
        QJsonDocument::fromJson(call.request.body).object().value("elements").toArray();
    if (elements.isEmpty())
        return errorReply(400,
                          QStringLiteral("ILLEGAL_ARGUMENT"),
                          QStringLiteral("BATCH_CREATE needs {\"elements\": [...]}"));
    QJsonArray results;
    for (const QJsonValue &element : elements) {
        auto record = prepare(call, type, element.toObject());
        if (record && commit({*record})) {
            results.append(QJsonObject{{"status", 201}, {"id", record->id}});
            continue;
        }
        const LinkedinError error =
            record ? LinkedinError{500, "INTERNAL_SERVER_ERROR", "Error", {}, 0} : record.error();
        results.append(QJsonObject{{"status", error.status}, {"error", errorBody(error)}});
    }
    return SandboxReply::json(QJsonObject{{"elements", results}});
}

SandboxReply LinkedinSimulator::createInline(LinkedinCall &call)
{
    const QJsonObject creative =
        QJsonDocument::fromJson(call.request.body).object().value("creative").toObject();
    const QJsonObject post = creative.value("inlineContent").toObject().value("post").toObject();
    if (post.isEmpty())
        return errorReply(LinkedinError{400,
                                        "INVALID_VALUE",
                                        "creative.inlineContent.post: Field is required",
                                        "creative.inlineContent.post",
                                        0});
    auto validPost = validatePost(post, call.rules);
    if (!validPost)
        return errorReply(validPost.error());
    const ObjectRecord postRecord =
        newRecord(call,
                  kPost,
                  kShareUrn + QString::number(m_context->nextNumber("linkedin.share", kShareBase)),
                  call.rules.account.accountId,
                  post);
    if (!commit({postRecord}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));

    QJsonObject entity = creative;
    entity.remove(QStringLiteral("inlineContent"));
    entity.insert(QStringLiteral("content"), QJsonObject{{"reference", postRecord.id}});
    auto record = prepare(call, kCreative, entity);
    if (!record)
        return errorReply(record.error());
    record->fields = creative; // as received, inline post included
    if (!commit({*record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    return SandboxReply::json(QJsonObject{{"value", QJsonObject{{"creative", record->id}}}});
}

LinkedinResult<ObjectRecord> LinkedinSimulator::patched(const LinkedinCall &call,
                                                        const QString &type,
                                                        const QString &id,
                                                        const QJsonObject &body)
{
    auto record = find(call, type, id);
    if (!record)
        return failure(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Entity not found"));
    const QJsonObject patch = body.value(QStringLiteral("patch")).toObject();
    const QJsonObject set = patch.value(QStringLiteral("$set")).toObject();
    if (set.isEmpty() && !patch.contains(QStringLiteral("$delete")))
        return reject(QStringLiteral("patch"),
                      QStringLiteral("Needs {\"patch\": {\"$set\": {...}}}"));
    QJsonObject entity = record->state;
    for (auto it = set.begin(); it != set.end(); ++it) {
        if (immutableFields(type).contains(it.key()) && entity.value(it.key()) != it.value())
            return reject(it.key(), QStringLiteral("Field is immutable"));
        entity.insert(it.key(), it.value());
    }
    for (const QJsonValue &field : patch.value(QStringLiteral("$delete")).toArray())
        entity.remove(field.toString());
    const QString statusKey = type == kCreative ? "intendedStatus" : "status";
    const QString status = entity.value(statusKey).toString();
    if (!allowedTransition(record->status, status))
        return reject(
            statusKey,
            QStringLiteral("Cannot change status from %1 to %2").arg(record->status, status));
    const auto valid = type == kGroup      ? validateGroup(entity, call.rules)
                       : type == kCampaign ? validateCampaign(entity, call.rules)
                                           : validateCreative(entity, call.rules);
    if (!valid)
        return tl::unexpected(valid.error());
    record->state = *valid;
    record->state.insert(QStringLiteral("_version"),
                         record->state.value(QStringLiteral("_version")).toInteger(1) + 1);
    record->status = status;
    record->name = entity.value(QStringLiteral("name")).toString();
    record->updatedAtMs = m_context->nowMs();
    return *record;
}

SandboxReply LinkedinSimulator::patch(LinkedinCall &call, const QString &type, const QString &id)
{
    auto record = patched(call, type, id, QJsonDocument::fromJson(call.request.body).object());
    if (!record)
        return errorReply(record.error());
    if (!commit({}, {*record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    return noContent(204);
}

SandboxReply LinkedinSimulator::batchPatch(LinkedinCall &call, const QString &type)
{
    const QJsonObject entities =
        QJsonDocument::fromJson(call.request.body).object().value("entities").toObject();
    QJsonObject results;
    QJsonObject errors;
    for (const QString &key : call.query.list(QStringLiteral("ids"))) {
        auto record = patched(call, type, key, entities.value(key).toObject());
        if (record && commit({}, {*record})) {
            results.insert(key, QJsonObject{{"status", 204}});
            continue;
        }
        const LinkedinError error =
            record ? LinkedinError{500, "INTERNAL_SERVER_ERROR", "Error", {}, 0} : record.error();
        errors.insert(key, errorBody(error));
    }
    return SandboxReply::json(QJsonObject{{"results", results}, {"errors", errors}});
}

SandboxReply LinkedinSimulator::remove(LinkedinCall &call, const QString &type, const QString &id)
{
    auto record = find(call, type, id);
    if (!record)
        return errorReply(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Entity not found"));
    // Only drafts are deleted outright; the rest go through PENDING_DELETION (linkedin.md 4).
    if (record->status != QLatin1String("DRAFT"))
        return errorReply(400,
                          QStringLiteral("ILLEGAL_ARGUMENT"),
                          QStringLiteral("Only DRAFT entities can be deleted; set the status to "
                                         "PENDING_DELETION instead"));
    record->state.insert(QStringLiteral("deleted"), true);
    record->status = QStringLiteral("REMOVED");
    record->updatedAtMs = m_context->nowMs();
    if (!commit({}, {*record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    return noContent(204);
}

QJsonObject LinkedinSimulator::pageOf(const QList<QJsonObject> &rows,
                                      const LinkedinCall &call,
                                      LinkedinError *error) const
{
    const RestliQuery &q = call.query;
    const bool cursor = q.has(QStringLiteral("pageSize")) || q.has(QStringLiteral("pageToken"))
                        || !q.has(QStringLiteral("count"));
    const qint64 size = q.has(QStringLiteral("pageSize")) ? q.text("pageSize").toLongLong()
                        : q.has(QStringLiteral("count"))  ? q.text("count").toLongLong()
                        : cursor                          ? 100
                                                          : 10;
    qint64 start = q.text(QStringLiteral("start")).toLongLong();
    if (q.has(QStringLiteral("pageToken"))) {
        const QByteArray token = QByteArray::fromBase64(q.text("pageToken").toLatin1());
        start = token.startsWith("sbx:") ? token.mid(4).toLongLong() : -1;
    }
    if (size < 1 || size > 1000 || start < 0) {
        *error = LinkedinError{400,
                               "ILLEGAL_ARGUMENT",
                               size > 1000 ? "Specified count is larger than 1000"
                                           : "Invalid paging parameters",
                               {},
                               0};
        return {};
    }
    QJsonArray elements;
    for (qint64 i = start; i < std::min<qint64>(rows.size(), start + size); ++i)
        elements.append(rows[i]);
    QJsonObject page{{"elements", elements}};
    if (!cursor) {
        page.insert("paging",
                    QJsonObject{{"start", start},
                                {"count", size},
                                {"total", rows.size()},
                                {"links", QJsonArray()}});
        return page;
    }
    QJsonObject metadata;
    if (start + size < rows.size())
        metadata.insert(
            "nextPageToken",
            QString::fromLatin1(QByteArray("sbx:" + QByteArray::number(start + size)).toBase64()));
    page.insert("metadata", metadata);
    return page;
}

SandboxReply LinkedinSimulator::finder(LinkedinCall &call, const QString &type)
{
    const QString q = call.query.text(QStringLiteral("q"));
    if (q != (type == kCreative ? QLatin1String("criteria") : QLatin1String("search")))
        return errorReply(400,
                          QStringLiteral("ILLEGAL_ARGUMENT"),
                          QStringLiteral("Unsupported finder q=%1").arg(q));
    const QJsonObject search = call.query.values.value(QStringLiteral("search")).toObject();
    const auto wanted = [&](const QString &key) {
        QStringList values;
        for (const QJsonValue &v :
             search.value(key).toObject().value(QStringLiteral("values")).toArray())
            values.append(v.toString());
        return values;
    };
    const QStringList statuses =
        type == kCreative ? call.query.list("intendedStatuses") : wanted(QStringLiteral("status"));
    const QStringList names = wanted(QStringLiteral("name"));
    const QStringList ids = type == kCreative ? call.query.list("creatives") : wanted("id");
    const QStringList parents =
        type == kCreative ? call.query.list("campaigns") : wanted(QStringLiteral("campaignGroup"));
    const QString parentPrefix = type == kCreative ? kCampaignUrn : kGroupUrn;
    const QString idPrefix = type == kGroup ? kGroupUrn : kCampaignUrn;

    QList<QJsonObject> rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::LinkedIn, type, call.rules.account.accountId)) {
        const QJsonObject entity = renderEntity(record, call.rules);
        const QString status =
            entity.value(type == kCreative ? "intendedStatus" : "status").toString();
        // Deleted and removed entities are left out unless asked for (linkedin.md 5.3).
        const bool hidden =
            status == QLatin1String("REMOVED") || status == QLatin1String("PENDING_DELETION");
        if (record.state.value(QStringLiteral("deleted")).toBool()
            || (statuses.isEmpty() ? hidden : !statuses.contains(status))
            || (!names.isEmpty() && !names.contains(record.name))
            || (!ids.isEmpty() && !ids.contains(record.id) && !ids.contains(idPrefix + record.id))
            || (!parents.isEmpty() && !parents.contains(parentPrefix + record.parentId)))
            continue;
        rows.append(entity);
    }
    LinkedinError error;
    const QJsonObject page = pageOf(rows, call, &error);
    return page.isEmpty() ? errorReply(error) : SandboxReply::json(page);
}

SandboxReply LinkedinSimulator::batchGet(LinkedinCall &call, const QString &type)
{
    QJsonObject results;
    QJsonObject statuses;
    QJsonObject errors;
    for (const QString &key : call.query.list(QStringLiteral("ids"))) {
        const auto record = find(call, type, key);
        if (!record) {
            errors.insert(key,
                          errorBody(LinkedinError{404, "NOT_FOUND", "Entity not found", {}, 0}));
            continue;
        }
        results.insert(key, renderEntity(*record, call.rules));
        statuses.insert(key, 200);
    }
    return SandboxReply::json(
        QJsonObject{{"results", results}, {"statuses", statuses}, {"errors", errors}});
}

SandboxReply LinkedinSimulator::accountSearch(LinkedinCall &call)
{
    if (call.query.text(QStringLiteral("q")) != QLatin1String("search"))
        return errorReply(400, QStringLiteral("ILLEGAL_ARGUMENT"), QStringLiteral("q=search"));
    // A token sees only its own account in the sandbox.
    LinkedinError error;
    const QJsonObject page = pageOf({renderAccount(call.rules.account)}, call, &error);
    return page.isEmpty() ? errorReply(error) : SandboxReply::json(page);
}

SandboxReply LinkedinSimulator::initializeUpload(LinkedinCall &call)
{
    const QJsonObject request = QJsonDocument::fromJson(call.request.body)
                                    .object()
                                    .value(QStringLiteral("initializeUploadRequest"))
                                    .toObject();
    const QString owner = request.value(QStringLiteral("owner")).toString();
    if (owner != organizationUrn(call.rules.account))
        return errorReply(LinkedinError{400,
                                        "INVALID_VALUE",
                                        QStringLiteral("initializeUploadRequest.owner: Must be %1")
                                            .arg(organizationUrn(call.rules.account)),
                                        "initializeUploadRequest.owner",
                                        0});
    const QString key =
        QStringLiteral("D4E10AQ") + seededHex(m_context->seed(), newNumber(), 12).toUpper();
    const qint64 expires = m_context->nowMs() + kUploadUrlLifetimeMs;
    const QJsonObject state{
        {"owner", owner}, {"status", "WAITING_UPLOAD"}, {"uploadUrlExpiresAt", expires}};
    ObjectRecord record =
        newRecord(call, kImage, kImageUrn + key, call.rules.account.accountId, state);
    record.fields = request;
    if (!commit({record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    return SandboxReply::json(
        QJsonObject{{"value",
                     QJsonObject{{"uploadUrlExpiresAt", expires},
                                 {"uploadUrl", QString(call.rules.origin + kUploadPrefix + key)},
                                 {"image", record.id}}}});
}

SandboxReply LinkedinSimulator::upload(const SandboxRequest &request)
{
    if (request.method != "PUT" && request.method != "POST")
        return errorReply(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("Not allowed"));
    LinkedinCall call{request, request.method, {}, {}, {}, {}};
    if (auto refused = authenticate(call))
        return *refused;
    const QString id = kImageUrn + request.path.mid(kUploadPrefix.size());
    auto record = find(call, kImage, id);
    if (!record || record->status != QLatin1String("WAITING_UPLOAD")
        || record->state.value("uploadUrlExpiresAt").toInteger() < m_context->nowMs())
        return errorReply(
            404, QStringLiteral("NOT_FOUND"), QStringLiteral("No pending upload at this URL"));
    const auto info = probeImage(request.body);
    static const QStringList formats = {"jpeg", "png", "gif"};
    if (!info || !formats.contains(info->format) || request.body.size() > kMaxImageBytes)
        return errorReply(400,
                          QStringLiteral("INVALID_VALUE"),
                          QStringLiteral("The upload must be a JPG, PNG or GIF of at most 5 MB"));
    record->status = QStringLiteral("AVAILABLE");
    record->state.insert("status", record->status);
    record->state.insert("mediaType", QString(QStringLiteral("image/") + info->format));
    record->state.insert("width", info->width);
    record->state.insert("height", info->height);
    record->state.insert("size", request.body.size());
    record->state.insert("md5", http::md5Hex(request.body));
    record->state.insert("downloadUrl", QString(request.origin() + "/sandbox-media/" + record->id));
    record->updatedAtMs = m_context->nowMs();
    if (!commit({}, {*record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    return noContent(201);
}

SandboxReply LinkedinSimulator::createPost(LinkedinCall &call)
{
    const QJsonObject post = QJsonDocument::fromJson(call.request.body).object();
    auto valid = validatePost(post, call.rules);
    if (!valid)
        return errorReply(valid.error());
    const ObjectRecord record =
        newRecord(call,
                  kPost,
                  kShareUrn + QString::number(m_context->nextNumber("linkedin.share", kShareBase)),
                  call.rules.account.accountId,
                  post);
    if (!commit({record}))
        return errorReply(500, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Error"));
    SandboxReply reply = noContent(201);
    reply.headers.append({"x-restli-id", reducedEncoding(record.id)});
    return reply;
}

} // namespace

std::shared_ptr<PlatformHandler> makeLinkedinSimulator(std::shared_ptr<SandboxContext> context)
{
    return std::make_shared<LinkedinSimulator>(std::move(context));
}

SandboxAccount defaultLinkedinAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::LinkedIn;
    account.accountId = seededDigits(seed, QStringLiteral("linkedin-account"), 9);
    account.name = QStringLiteral("Sandbox LinkedIn (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    // Simulator credentials: valid only against this loopback sandbox.
    account.accessToken = QStringLiteral("AQV") + seededHex(seed, "linkedin-token", 61);
    account.extra.insert(QStringLiteral("organizationUrn"),
                         QStringLiteral("urn:li:organization:")
                             + seededDigits(seed, QStringLiteral("linkedin-org"), 8));
    account.extra.insert(QStringLiteral("geoUrn"), QStringLiteral("urn:li:geo:103644278"));
    account.extra.insert(QStringLiteral("locale"), QStringLiteral("en_US"));
    return account;
}

} // namespace ads::core::sandbox
