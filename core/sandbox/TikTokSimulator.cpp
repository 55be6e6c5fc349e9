#include "core/Logging.h"
#include "core/domain/Money.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/Simulators.h"
#include "core/sandbox/TikTokRules.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <atomic>

// Simulated TikTok API for Business v1.3 (business-api.tiktok.com), written from
// reference/platforms/tiktok.md: HTTP 200 with {code, message, request_id, data} for every
// business outcome, campaigns, ad groups, ads, media, custom audiences and the synchronous
// report.

namespace ads::core::sandbox {

namespace {

using namespace tiktok;

const QString kPrefix = QStringLiteral("/open_api/v1.3/");

struct TikTokCall
{
    const SandboxRequest &request;
    RequestParams params;
    QString endpoint; // "campaign/create"
    QString requestId;
    RuleContext rules;
};

class TikTokSimulator : public PlatformHandler
{
public:
    explicit TikTokSimulator(std::shared_ptr<SandboxContext> context)
        : m_context(std::move(context))
    {}

    SandboxReply handle(const SandboxRequest &request) override;

private:
    SandboxReply envelope(const TikTokCall &call,
                          int code,
                          const QString &message,
                          const QJsonValue &data = QJsonObject());

    SandboxReply fail(const TikTokCall &call, const TikTokError &error)
    {
        return envelope(call, error.code, error.message);
    }

    SandboxReply route(TikTokCall &call);

    SandboxReply createCampaign(TikTokCall &call);
    SandboxReply createAdGroup(TikTokCall &call);
    SandboxReply createAds(TikTokCall &call);
    SandboxReply updateStatus(TikTokCall &call, const QString &type);
    SandboxReply update(TikTokCall &call, const QString &type);
    SandboxReply list(TikTokCall &call, const QString &type);
    SandboxReply uploadImage(TikTokCall &call);
    SandboxReply uploadVideo(TikTokCall &call);
    SandboxReply mediaInfo(TikTokCall &call, const QString &type);
    SandboxReply listMaterials(TikTokCall &call, const QString &type);
    /** The image or video record behind a media URL this sandbox served, if any. */
    std::optional<ObjectRecord> servedMedia(const TikTokCall &call,
                                            const QString &url,
                                            bool *cover) const;
    /** The file_name an upload gets, or the error that refuses it. */
    TikTokResult<QString> materialName(const TikTokCall &call,
                                       const QString &type,
                                       const QString &fallback) const;
    SandboxReply uploadAudienceFile(TikTokCall &call);
    SandboxReply createAudience(TikTokCall &call);
    SandboxReply listAudiences(TikTokCall &call);
    SandboxReply advertiserInfo(TikTokCall &call);

    ObjectRecord newRecord(const TikTokCall &call,
                           const QString &type,
                           const QString &id,
                           const QString &parentId,
                           const QString &name,
                           const QString &status,
                           const QJsonObject &state);
    bool commit(const QList<ObjectRecord> &inserts, const QList<ObjectRecord> &updates = {});
    std::optional<ObjectRecord> byRequestId(const TikTokCall &call, const QString &type);

    QString newId()
    {
        return QString::number(m_context->nextNumber(QStringLiteral("tiktok.object"), kIdBase));
    }

    std::shared_ptr<SandboxContext> m_context;
    std::atomic<quint64> m_requests{0};
};

SandboxReply TikTokSimulator::envelope(const TikTokCall &call,
                                       int code,
                                       const QString &message,
                                       const QJsonValue &data)
{
    return SandboxReply::json(QJsonObject{
        {"code", code}, {"message", message}, {"request_id", call.requestId}, {"data", data}});
}

SandboxReply TikTokSimulator::handle(const SandboxRequest &request)
{
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_context->nowMs(), Qt::UTC)
                              .toString(QStringLiteral("yyyyMMddHHmmss"));
    TikTokCall call{request,
                    RequestParams::from(request),
                    {},
                    stamp + seededHex(m_context->seed(), stamp, 6).toUpper()
                        + QString::number(++m_requests),
                    {}};
    // Every path ends with a slash; without it the gateway answers a plain 404 (tiktok.md 0).
    if (!request.path.startsWith(QLatin1String("/open_api/"))
        || !request.path.endsWith(QLatin1Char('/')))
        return SandboxReply::text("<html><body>404 Not Found</body></html>", 404);
    if (!request.path.startsWith(kPrefix))
        return envelope(call, 40051, QStringLiteral("Invalid API version. Use v1.3."));
    call.endpoint = request.path.mid(kPrefix.size()).chopped(1);
    if (call.params.malformedBody)
        return envelope(call, 40002, QStringLiteral("The request body is not valid JSON."));

    const QString token = QString::fromLatin1(request.header("access-token")).trimmed();
    if (token.isEmpty())
        return envelope(call, 40104, QStringLiteral("Access token is null, please check."));
    QList<SandboxAccount> accounts;
    for (const SandboxAccount &account : m_context->store().accounts(Platform::TikTok)) {
        if (account.accessToken == token)
            accounts.append(account);
    }
    if (accounts.isEmpty())
        return envelope(
            call, 40105, QStringLiteral("The access token is invalid or has been revoked."));
    if (call.endpoint == QLatin1String("oauth2/advertiser/get")) {
        QJsonArray list;
        for (const SandboxAccount &account : accounts)
            list.append(QJsonObject{{"advertiser_id", account.accountId},
                                    {"advertiser_name", account.name}});
        return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"list", list}});
    }

    QString advertiser = call.params.text(QStringLiteral("advertiser_id"));
    if (advertiser.isEmpty() && call.endpoint == QLatin1String("advertiser/info")) {
        const QJsonArray ids = call.params.json(QStringLiteral("advertiser_ids")).toArray();
        advertiser = ids.isEmpty() ? QString() : ids.first().toString();
    }
    if (advertiser.isEmpty())
        return envelope(
            call, 40002, QStringLiteral("advertiser_id: Missing data for required field."));
    for (const SandboxAccount &account : accounts) {
        if (account.accountId == advertiser)
            call.rules = RuleContext{account, &m_context->store(), m_context->nowMs()};
    }
    if (call.rules.account.accountId.isEmpty())
        return envelope(
            call, 40001, QStringLiteral("No permission to operate advertiser %1.").arg(advertiser));
    return route(call);
}

SandboxReply TikTokSimulator::route(TikTokCall &call)
{
    const bool post = call.request.method == "POST";
    const QString &endpoint = call.endpoint;
    static const QHash<QString, QString> types = {
        {"campaign", kCampaign}, {"adgroup", kAdGroup}, {"ad", kAd}};
    const QString object = endpoint.section(QLatin1Char('/'), 0, 0);
    const QString action = endpoint.section(QLatin1Char('/'), 1);
    if (types.contains(object)) {
        if (post && action == QLatin1String("create"))
            return object == QLatin1String("campaign")  ? createCampaign(call)
                   : object == QLatin1String("adgroup") ? createAdGroup(call)
                                                        : createAds(call);
        if (post && action == QLatin1String("status/update"))
            return updateStatus(call, types.value(object));
        if (post && action == QLatin1String("update"))
            return update(call, types.value(object));
        if (!post && action == QLatin1String("get"))
            return list(call, types.value(object));
    }
    if (post && endpoint == QLatin1String("file/image/ad/upload"))
        return uploadImage(call);
    if (post && endpoint == QLatin1String("file/video/ad/upload"))
        return uploadVideo(call);
    if (!post && endpoint == QLatin1String("file/image/ad/info"))
        return mediaInfo(call, kImage);
    if (!post && endpoint == QLatin1String("file/video/ad/info"))
        return mediaInfo(call, kVideo);
    if (!post && endpoint == QLatin1String("file/video/ad/search"))
        return listMaterials(call, kVideo);
    if (!post && endpoint == QLatin1String("file/image/ad/get"))
        return listMaterials(call, kImage);
    if (post && endpoint == QLatin1String("dmp/custom_audience/file/upload"))
        return uploadAudienceFile(call);
    if (post && endpoint == QLatin1String("dmp/custom_audience/create"))
        return createAudience(call);
    if (!post
        && (endpoint == QLatin1String("dmp/custom_audience/list")
            || endpoint == QLatin1String("dmp/custom_audience/get")))
        return listAudiences(call);
    if (!post && endpoint == QLatin1String("advertiser/info"))
        return advertiserInfo(call);
    if (!post && endpoint == QLatin1String("report/integrated/get")) {
        auto data = report(call.params, call.rules, m_context->seed());
        return data ? envelope(call, 0, QStringLiteral("OK"), *data) : fail(call, data.error());
    }
    if (!post && endpoint == QLatin1String("identity/get")) {
        const SandboxAccount &account = call.rules.account;
        const QJsonObject identity{
            {"identity_id", account.extra.value(QStringLiteral("identityId"))},
            {"identity_type", QStringLiteral("CUSTOMIZED_USER")},
            {"display_name", account.name}};
        return envelope(call, 0, QStringLiteral("OK"), *pageOf({identity}, call.params, 10));
    }
    if (!post && endpoint == QLatin1String("pixel/list")) {
        const QString pixel = call.rules.account.extra.value(QStringLiteral("pixelId"));
        const QJsonObject entry{{"pixel_id", pixel},
                                {"pixel_code", QString(QStringLiteral("SBX") + pixel.right(8))},
                                {"pixel_name", QStringLiteral("Sandbox pixel")}};
        return envelope(
            call,
            0,
            QStringLiteral("OK"),
            QJsonObject{
                {"pixels", QJsonArray{entry}},
                {"page_info",
                 QJsonObject{
                     {"page", 1}, {"page_size", 10}, {"total_number", 1}, {"total_page", 1}}}});
    }
    return SandboxReply::text("<html><body>404 Not Found</body></html>", 404);
}

ObjectRecord TikTokSimulator::newRecord(const TikTokCall &call,
                                        const QString &type,
                                        const QString &id,
                                        const QString &parentId,
                                        const QString &name,
                                        const QString &status,
                                        const QJsonObject &state)
{
    ObjectRecord record;
    record.platform = Platform::TikTok;
    record.accountId = call.rules.account.accountId;
    record.type = type;
    record.id = id;
    record.parentId = parentId;
    record.name = name;
    record.status = status;
    record.fields = recordedFields(call.params, {});
    record.state = state;
    record.createdAtMs = m_context->nowMs();
    record.updatedAtMs = record.createdAtMs;
    record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
    return record;
}

bool TikTokSimulator::commit(const QList<ObjectRecord> &inserts, const QList<ObjectRecord> &updates)
{
    ChangeSet changes;
    changes.platform = Platform::TikTok;
    changes.inserts = inserts;
    changes.updates = updates;
    static const QSet<QString> delivering = {kCampaign, kAdGroup, kAd};
    for (const ObjectRecord &record : inserts + updates) {
        if (delivering.contains(record.type))
            changes.statuses.append({record.id, record.status, record.updatedAtMs});
    }
    return m_context->store().commit(changes);
}

std::optional<ObjectRecord> TikTokSimulator::byRequestId(const TikTokCall &call,
                                                         const QString &type)
{
    // request_id makes campaign and ad group creates idempotent (tiktok.md 5.5). Whether a
    // repeat answers the first id or error 40050 is unconfirmed; the sandbox answers the id.
    const QString requestId = call.params.text(QStringLiteral("request_id"));
    if (requestId.isEmpty())
        return std::nullopt;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::TikTok, type, call.rules.account.accountId)) {
        if (record.fields.value(QStringLiteral("request_id")).toVariant().toString() == requestId)
            return record;
    }
    return std::nullopt;
}

SandboxReply TikTokSimulator::createCampaign(TikTokCall &call)
{
    if (auto existing = byRequestId(call, kCampaign))
        return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"campaign_id", existing->id}});
    auto state = validateCampaign(call.params, call.rules);
    if (!state)
        return fail(call, state.error());
    ObjectRecord record = newRecord(call,
                                    kCampaign,
                                    newId(),
                                    call.rules.account.accountId,
                                    call.params.text(QStringLiteral("campaign_name")),
                                    state->value(QStringLiteral("operation_status")).toString(),
                                    *state);
    if (!commit({record}))
        return envelope(call, 50000, QStringLiteral("System error."));
    QJsonObject data = renderEntity(record, call.rules);
    return envelope(call, 0, QStringLiteral("OK"), data);
}

SandboxReply TikTokSimulator::createAdGroup(TikTokCall &call)
{
    if (auto existing = byRequestId(call, kAdGroup))
        return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"adgroup_id", existing->id}});
    auto state = validateAdGroup(call.params, call.rules);
    if (!state)
        return fail(call, state.error());
    ObjectRecord record = newRecord(call,
                                    kAdGroup,
                                    newId(),
                                    state->value(QStringLiteral("campaign_id")).toString(),
                                    call.params.text(QStringLiteral("adgroup_name")),
                                    state->value(QStringLiteral("operation_status")).toString(),
                                    *state);
    if (!commit({record}))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call, 0, QStringLiteral("OK"), renderEntity(record, call.rules));
}

SandboxReply TikTokSimulator::createAds(TikTokCall &call)
{
    const auto adGroup =
        m_context->store().object(Platform::TikTok, call.params.text(QStringLiteral("adgroup_id")));
    if (!adGroup || adGroup->type != kAdGroup || adGroup->accountId != call.rules.account.accountId
        || adGroup->status == QLatin1String("DELETE"))
        return envelope(call, 40002, QStringLiteral("adgroup_id: The ad group does not exist."));
    const QJsonArray creatives = call.params.json(QStringLiteral("creatives")).toArray();
    if (creatives.isEmpty())
        return envelope(call, 40002, QStringLiteral("creatives: Missing data for required field."));

    QList<ObjectRecord> records;
    QJsonArray ids;
    for (qsizetype i = 0; i < creatives.size(); ++i) {
        auto state = validateCreative(creatives[i].toObject(), int(i), *adGroup, call.rules);
        if (!state)
            return fail(call, state.error());
        ObjectRecord record = newRecord(call,
                                        kAd,
                                        newId(),
                                        adGroup->id,
                                        state->value(QStringLiteral("ad_name")).toString(),
                                        state->value(QStringLiteral("operation_status")).toString(),
                                        *state);
        record.fields = creatives[i].toObject(); // each ad records its own creative
        record.fields.insert(QStringLiteral("adgroup_id"), adGroup->id);
        records.append(record);
        ids.append(record.id);
    }
    if (!commit(records))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"ad_ids", ids}});
}

SandboxReply TikTokSimulator::updateStatus(TikTokCall &call, const QString &type)
{
    const QString idsKey = type + QStringLiteral("_ids");
    const QJsonArray ids = call.params.json(idsKey).toArray();
    if (ids.isEmpty() || ids.size() > 20)
        return envelope(
            call, 40002, idsKey + QStringLiteral(": Between 1 and 20 ids are required."));
    const QString status = call.params.text(QStringLiteral("operation_status"));
    if (status != QLatin1String("ENABLE") && status != QLatin1String("DISABLE")
        && status != QLatin1String("DELETE"))
        return envelope(call, 40002, QStringLiteral("operation_status: Invalid enum value."));

    QList<ObjectRecord> updates;
    QJsonArray done;
    QJsonArray entries;
    for (const QJsonValue &value : ids) {
        const QString id =
            value.isString() ? value.toString() : QString::number(value.toVariant().toLongLong());
        auto record = m_context->store().object(Platform::TikTok, id);
        if (!record || record->type != type || record->accountId != call.rules.account.accountId)
            return envelope(call, 40002, idsKey + QStringLiteral(": %1 does not exist.").arg(id));
        if (record->status == QLatin1String("DELETE"))
            return envelope(
                call,
                40002,
                idsKey + QStringLiteral(": %1 is deleted and cannot change status.").arg(id));
        record->status = status;
        record->state.insert(QStringLiteral("operation_status"), status);
        record->updatedAtMs = m_context->nowMs();
        updates.append(*record);
        done.append(id);
        entries.append(
            QJsonObject{{QString(type + QStringLiteral("_id")), id}, {"status", status}});
    }
    if (!commit({}, updates))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call,
                    0,
                    QStringLiteral("OK"),
                    QJsonObject{{idsKey, done},
                                {"status", status},
                                {QString(type + QStringLiteral("_list")), entries}});
}

SandboxReply TikTokSimulator::update(TikTokCall &call, const QString &type)
{
    const QString idKey = type + QStringLiteral("_id");
    if (type == kAd)
        // Limitation: ads are edited through creatives[] on the real API; the sandbox only
        // changes status (use /ad/status/update/).
        return envelope(call, 40002, QStringLiteral("creatives: Ad edits are not simulated."));
    auto record = m_context->store().object(Platform::TikTok, call.params.text(idKey));
    if (!record || record->type != type || record->accountId != call.rules.account.accountId)
        return envelope(call, 40002, idKey + QStringLiteral(": The object does not exist."));
    auto ok = applyUpdate(call.params, *record, call.rules);
    if (!ok)
        return fail(call, ok.error());
    record->updatedAtMs = m_context->nowMs();
    ChangeSet changes;
    changes.platform = Platform::TikTok;
    changes.updates.append(*record);
    if (!m_context->store().commit(changes))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call, 0, QStringLiteral("OK"), renderEntity(*record, call.rules));
}

SandboxReply TikTokSimulator::list(TikTokCall &call, const QString &type)
{
    const QJsonValue filtering = call.params.json(QStringLiteral("filtering"));
    if (call.params.has(QStringLiteral("filtering")) && !filtering.isObject())
        return envelope(call, 40002, QStringLiteral("filtering: Must be a JSON object."));
    QStringList fields;
    for (const QJsonValue &field : call.params.json(QStringLiteral("fields")).toArray())
        fields.append(field.toString());

    QList<QJsonObject> rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::TikTok, type, call.rules.account.accountId)) {
        auto match = matchesFiltering(record, filtering.toObject(), call.rules);
        if (!match)
            return fail(call, match.error());
        if (!*match)
            continue;
        QJsonObject entity = renderEntity(record, call.rules);
        if (!fields.isEmpty()) {
            for (const QString &key : entity.keys()) {
                if (!fields.contains(key))
                    entity.remove(key);
            }
        }
        rows.append(entity);
    }
    auto page = pageOf(rows, call.params);
    return page ? envelope(call, 0, QStringLiteral("OK"), *page) : fail(call, page.error());
}

std::optional<ObjectRecord> TikTokSimulator::servedMedia(const TikTokCall &call,
                                                         const QString &url,
                                                         bool *cover) const
{
    // The sandbox fetches nothing from the network. A URL it handed out itself
    // (image_url, preview_url, video_cover_url) names media it already holds.
    const QUrl parsed(url);
    const QString prefix = QStringLiteral("/sandbox-media/");
    if (parsed.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString() != call.request.origin()
        || !parsed.path().startsWith(prefix))
        return std::nullopt;
    QString signature = parsed.path().mid(prefix.size());
    *cover = signature.startsWith(QLatin1String("cover-"));
    if (*cover)
        signature = signature.mid(6);
    for (const QString &type : {kImage, kVideo}) {
        if (*cover && type == kImage)
            continue;
        for (const ObjectRecord &record :
             m_context->store().objects(Platform::TikTok, type, call.rules.account.accountId)) {
            if (record.state.value(QStringLiteral("signature")).toString() == signature)
                return record;
        }
    }
    return std::nullopt;
}

TikTokResult<QString> TikTokSimulator::materialName(const TikTokCall &call,
                                                    const QString &type,
                                                    const QString &fallback) const
{
    // tiktok.md 2.4: file_name takes 1-100 characters and is unique per advertiser (40911).
    // Without one the material is named after its source, so a repeat of the same file clashes
    // too (the reference leaves the unnamed case open).
    const bool given = call.params.has(QStringLiteral("file_name"));
    const QString name = given ? call.params.text(QStringLiteral("file_name")) : fallback;
    if (given && (name.isEmpty() || name.size() > 100))
        return reject(40002, QStringLiteral("file_name: Must be 1 to 100 characters."));
    for (const ObjectRecord &existing :
         m_context->store().objects(Platform::TikTok, type, call.rules.account.accountId)) {
        if (existing.name == name)
            return reject(40911,
                          QStringLiteral("file_name: A material with this name already exists."));
    }
    return name;
}

SandboxReply TikTokSimulator::uploadImage(TikTokCall &call)
{
    const QString uploadType = call.params.has(QStringLiteral("upload_type"))
                                   ? call.params.text(QStringLiteral("upload_type"))
                                   : QStringLiteral("UPLOAD_BY_FILE");
    QJsonObject media; // width, height, format, size, signature
    QString fallbackName;
    if (uploadType == QLatin1String("UPLOAD_BY_FILE")) {
        const MultipartPart *file = call.params.file(QStringLiteral("image_file"));
        if (!file || file->data.isEmpty())
            return envelope(
                call, 40002, QStringLiteral("image_file: Missing data for required field."));
        const QString signature = http::md5Hex(file->data);
        if (call.params.text(QStringLiteral("image_signature")).toLower() != signature)
            return envelope(
                call,
                40900,
                QStringLiteral("image_signature: The signature does not match the file."));
        const auto info = probeImage(file->data);
        if (!info
            || (info->format != QLatin1String("jpeg") && info->format != QLatin1String("png")))
            return envelope(
                call, 40905, QStringLiteral("image_file: The file is not a JPG or PNG image."));
        media = {{"width", info->width},
                 {"height", info->height},
                 {"format", info->format},
                 {"size", file->data.size()},
                 {"signature", signature}};
        fallbackName = file->fileName;
    } else if (uploadType == QLatin1String("UPLOAD_BY_URL")) {
        const QString url = call.params.text(QStringLiteral("image_url"));
        if (url.isEmpty())
            return envelope(
                call, 40002, QStringLiteral("image_url: Missing data for required field."));
        bool cover = false;
        const auto source = servedMedia(call, url, &cover);
        if (!source) // the documented, retryable fetch failure
            return envelope(call, 40902, QStringLiteral("image_url: Fetching the file failed."));
        if (source->type == kVideo && !cover)
            return envelope(
                call, 40905, QStringLiteral("image_url: The file is not a JPG or PNG image."));
        const QJsonObject &state = source->state;
        const auto text = [&state](const QString &key) { return state.value(key).toString(); };
        // A video's cover is one of its frames: the video's size, as a JPEG.
        media = {{"width", state.value(QStringLiteral("width"))},
                 {"height", state.value(QStringLiteral("height"))},
                 {"format", cover ? QStringLiteral("jpeg") : text(QStringLiteral("format"))},
                 {"size", cover ? 0 : state.value(QStringLiteral("size")).toInteger()},
                 {"signature",
                  cover ? http::md5Hex(url.toUtf8()) : text(QStringLiteral("signature"))}};
        fallbackName = QUrl(url).fileName();
    } else if (uploadType == QLatin1String("UPLOAD_BY_FILE_ID")) {
        if (call.params.text(QStringLiteral("file_id")).isEmpty())
            return envelope(
                call, 40002, QStringLiteral("file_id: Missing data for required field."));
        // Limitation: /file/upload/ is not simulated, so no file id exists here.
        return envelope(call, 40007, QStringLiteral("file_id: The file does not exist."));
    } else {
        return envelope(call,
                        40002,
                        QStringLiteral("upload_type: Use UPLOAD_BY_FILE, UPLOAD_BY_URL or "
                                       "UPLOAD_BY_FILE_ID."));
    }
    const auto name = materialName(call, kImage, fallbackName);
    if (!name)
        return fail(call, name.error());

    const QString signature = media.value(QStringLiteral("signature")).toString();
    const QString id =
        QStringLiteral("ad-sandbox/") + signature + QLatin1Char('-') + newId().right(6);
    QJsonObject state = media;
    state.insert("image_id", id);
    state.insert("material_id", newId());
    state.insert("image_url",
                 QString(call.request.origin() + QStringLiteral("/sandbox-media/") + signature));
    state.insert("is_carousel_usable", true);
    state.insert("file_name", *name);
    if (!commit({newRecord(call,
                           kImage,
                           id,
                           call.rules.account.accountId,
                           *name,
                           QStringLiteral("ENABLE"),
                           state)}))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call, 0, QStringLiteral("OK"), state);
}

SandboxReply TikTokSimulator::uploadVideo(TikTokCall &call)
{
    const QString uploadType = call.params.has(QStringLiteral("upload_type"))
                                   ? call.params.text(QStringLiteral("upload_type"))
                                   : QStringLiteral("UPLOAD_BY_FILE");
    qint64 size = 0;
    QString signature;
    QString fallbackName;
    std::optional<ObjectRecord> source;
    if (uploadType == QLatin1String("UPLOAD_BY_FILE")) {
        const MultipartPart *file = call.params.file(QStringLiteral("video_file"));
        if (!file || file->data.isEmpty())
            return envelope(
                call, 40002, QStringLiteral("video_file: Missing data for required field."));
        signature = http::md5Hex(file->data);
        if (call.params.text(QStringLiteral("video_signature")).toLower() != signature)
            return envelope(
                call,
                40900,
                QStringLiteral("video_signature: The signature does not match the file."));
        size = file->data.size();
        fallbackName = file->fileName;
    } else if (uploadType == QLatin1String("UPLOAD_BY_URL")) {
        const QString url = call.params.text(QStringLiteral("video_url"));
        if (url.isEmpty())
            return envelope(
                call, 40002, QStringLiteral("video_url: Missing data for required field."));
        bool cover = false;
        source = servedMedia(call, url, &cover);
        if (!source) // the documented, retryable fetch failure
            return envelope(call, 40902, QStringLiteral("video_url: Fetching the file failed."));
        if (source->type != kVideo || cover)
            return envelope(call, 40002, QStringLiteral("video_url: The file is not a video."));
        fallbackName = QUrl(url).fileName();
    } else if (uploadType == QLatin1String("UPLOAD_BY_VIDEO_ID")) {
        const QString videoId = call.params.text(QStringLiteral("video_id"));
        source = m_context->store().object(Platform::TikTok, videoId);
        if (!source || source->type != kVideo
            || source->accountId != call.rules.account.accountId)
            return envelope(call, 40053, QStringLiteral("video_id: Invalid video id."));
        fallbackName = source->name;
    } else if (uploadType == QLatin1String("UPLOAD_BY_FILE_ID")) {
        if (call.params.text(QStringLiteral("file_id")).isEmpty())
            return envelope(
                call, 40002, QStringLiteral("file_id: Missing data for required field."));
        // Limitation: /file/upload/ is not simulated, so no file id exists here.
        return envelope(call, 40007, QStringLiteral("file_id: The file does not exist."));
    } else {
        return envelope(call,
                        40002,
                        QStringLiteral("upload_type: Use UPLOAD_BY_FILE, UPLOAD_BY_URL, "
                                       "UPLOAD_BY_FILE_ID or UPLOAD_BY_VIDEO_ID."));
    }
    if (source) {
        size = source->state.value(QStringLiteral("size")).toInteger();
        signature = source->state.value(QStringLiteral("signature")).toString();
    }
    const auto name = materialName(call, kVideo, fallbackName);
    if (!name)
        return fail(call, name.error());

    // The sandbox does not decode video: size and duration are fixed stand-ins for a 9:16 clip.
    const QString id =
        QStringLiteral("v10033g5sbx") + seededHex(m_context->seed(), signature + newId(), 16);
    const QString created =
        QDateTime::fromMSecsSinceEpoch(m_context->nowMs(), Qt::UTC).toString(Qt::ISODate);
    const QJsonObject state{
        {"video_id", id},
        {"material_id", newId()},
        {"width", 720},
        {"height", 1280},
        {"duration", 15.0},
        {"size", size},
        {"format", QStringLiteral("mp4")},
        {"bit_rate", 1'000'000},
        {"signature", signature},
        {"preview_url",
         QString(call.request.origin() + QStringLiteral("/sandbox-media/") + signature)},
        {"video_cover_url",
         QString(call.request.origin() + QStringLiteral("/sandbox-media/cover-") + signature)},
        {"file_name", *name},
        {"displayable", true},
        {"allowed_placements", QJsonArray{"PLACEMENT_TIKTOK", "PLACEMENT_PANGLE"}},
        {"allow_download", true},
        {"create_time", created},
        {"modify_time", created}};
    if (!commit({newRecord(call,
                           kVideo,
                           id,
                           call.rules.account.accountId,
                           *name,
                           QStringLiteral("ENABLE"),
                           state)}))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(
        call, 0, QStringLiteral("OK"), QJsonArray{state}); // an array of one (tiktok.md 2.4)
}

SandboxReply TikTokSimulator::listMaterials(TikTokCall &call, const QString &type)
{
    // tiktok.md 5.5 names these look-ups for a taken file_name; their filter fields are not
    // documented, so `filtering` is not simulated and the whole library is paged, newest first.
    const qint64 size = call.params.has(QStringLiteral("page_size"))
                            ? integerValue(call.params.values.value(QStringLiteral("page_size")))
                                  .value_or(0)
                            : 20;
    if (size < 1 || size > 100) // video search: 1-100 (tiktok.md 2.4); assumed for images
        return envelope(call, 40002, QStringLiteral("page_size: Must be between 1 and 100."));
    QList<QJsonObject> rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::TikTok, type, call.rules.account.accountId))
        rows.prepend(record.state);
    auto page = pageOf(rows, call.params, 20);
    return page ? envelope(call, 0, QStringLiteral("OK"), *page) : fail(call, page.error());
}

SandboxReply TikTokSimulator::mediaInfo(TikTokCall &call, const QString &type)
{
    const QString key = type == kImage ? QStringLiteral("image_ids") : QStringLiteral("video_ids");
    const QJsonArray ids = call.params.json(key).toArray();
    if (ids.isEmpty() || ids.size() > (type == kImage ? 100 : 60))
        return envelope(
            call,
            40002,
            key + QStringLiteral(": Between 1 and %1 ids.").arg(type == kImage ? 100 : 60));
    QJsonArray list;
    for (const QJsonValue &id : ids) {
        const auto record = m_context->store().object(Platform::TikTok, id.toString());
        if (record && record->type == type && record->accountId == call.rules.account.accountId)
            list.append(record->state);
    }
    return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"list", list}});
}

SandboxReply TikTokSimulator::uploadAudienceFile(TikTokCall &call)
{
    const MultipartPart *file = call.params.file(QStringLiteral("file"));
    if (!file || file->data.isEmpty())
        return envelope(call, 40002, QStringLiteral("file: Missing data for required field."));
    const QString signature = http::md5Hex(file->data);
    if (call.params.text(QStringLiteral("file_signature")).toLower() != signature)
        return envelope(
            call, 40900, QStringLiteral("file_signature: The signature does not match the file."));
    const QString path = seededHex(m_context->seed(), signature + newId(), 16);
    const qint64 rows = file->data.count('\n') + (file->data.endsWith('\n') ? 0 : 1);
    const QJsonObject state{{"file_path", path},
                            {"rows", rows},
                            {"calculate_type", call.params.text(QStringLiteral("calculate_type"))}};
    if (!commit({newRecord(call,
                           kAudienceFile,
                           path,
                           call.rules.account.accountId,
                           file->fileName,
                           QStringLiteral("ENABLE"),
                           state)}))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"file_path", path}});
}

SandboxReply TikTokSimulator::createAudience(TikTokCall &call)
{
    const QString name = call.params.text(QStringLiteral("custom_audience_name"));
    if (name.isEmpty() || name.size() > 128)
        return envelope(
            call, 40002, QStringLiteral("custom_audience_name: Required, at most 128 characters."));
    static const QSet<QString> types = {"EMAIL_SHA256",
                                        "PHONE_SHA256",
                                        "IDFA_SHA256",
                                        "GAID_SHA256",
                                        "IDFA_MD5",
                                        "GAID_MD5",
                                        "FIRST_SHA256",
                                        "FIRST_MD5",
                                        "MULTIPLE_TYPES"};
    const QString calculate = call.params.text(QStringLiteral("calculate_type"));
    if (!types.contains(calculate))
        return envelope(call, 40002, QStringLiteral("calculate_type: Invalid enum value."));
    qint64 members = 0;
    const QJsonArray paths = call.params.json(QStringLiteral("file_paths")).toArray();
    if (paths.isEmpty())
        return envelope(
            call, 40002, QStringLiteral("file_paths: Missing data for required field."));
    for (const QJsonValue &path : paths) {
        const auto file = m_context->store().object(Platform::TikTok, path.toString());
        if (!file || file->type != kAudienceFile || file->accountId != call.rules.account.accountId)
            return envelope(
                call,
                40002,
                QStringLiteral("file_paths: %1 was not uploaded.").arg(path.toString()));
        members += file->state.value(QStringLiteral("rows")).toInteger();
    }
    if (call.params.has(QStringLiteral("retention_in_days"))) {
        const qint64 days =
            integerValue(call.params.values.value(QStringLiteral("retention_in_days"))).value_or(0);
        if (days < 1 || days > 365)
            return envelope(call, 40002, QStringLiteral("retention_in_days: Must be 1 to 365."));
    }
    const QString id =
        QString::number(m_context->nextNumber(QStringLiteral("tiktok.audience"), 7'000'000));
    const QJsonObject state{{"custom_audience_id", id},
                            {"name", name},
                            {"calculate_type", calculate},
                            {"audience_type", QStringLiteral("Customer File")},
                            {"cover_num", members},
                            {"is_valid", true},
                            {"is_expiring", false}};
    if (!commit({newRecord(call,
                           kAudience,
                           id,
                           call.rules.account.accountId,
                           name,
                           QStringLiteral("ENABLE"),
                           state)}))
        return envelope(call, 50000, QStringLiteral("System error."));
    return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"custom_audience_id", id}});
}

SandboxReply TikTokSimulator::listAudiences(TikTokCall &call)
{
    QStringList wanted;
    for (const QJsonValue &id : call.params.json(QStringLiteral("custom_audience_ids")).toArray())
        wanted.append(id.toString());
    QList<QJsonObject> rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::TikTok, kAudience, call.rules.account.accountId)) {
        if (wanted.isEmpty() || wanted.contains(record.id))
            rows.append(record.state);
    }
    auto page = pageOf(rows, call.params);
    return page ? envelope(call, 0, QStringLiteral("OK"), *page) : fail(call, page.error());
}

SandboxReply TikTokSimulator::advertiserInfo(TikTokCall &call)
{
    const SandboxAccount &account = call.rules.account;
    const QJsonObject info{{"advertiser_id", account.accountId},
                           {"name", account.name},
                           {"currency", account.currency},
                           {"timezone", etcZoneName(accountZone(account))},
                           {"display_timezone", account.timeZone},
                           {"country", QStringLiteral("US")},
                           {"status", QStringLiteral("STATUS_ENABLE")},
                           {"role", QStringLiteral("ROLE_ADVERTISER")},
                           {"balance", 10000.0},
                           {"create_time", qint64(1'767'225'600)}};
    return envelope(call, 0, QStringLiteral("OK"), QJsonObject{{"list", QJsonArray{info}}});
}

} // namespace

std::shared_ptr<PlatformHandler> makeTikTokSimulator(std::shared_ptr<SandboxContext> context)
{
    return std::make_shared<TikTokSimulator>(std::move(context));
}

SandboxAccount defaultTikTokAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::TikTok;
    account.accountId = seededDigits(seed, QStringLiteral("tiktok-account"), 19);
    account.name = QStringLiteral("Sandbox TikTok (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    // Simulator credentials: valid only against this loopback sandbox.
    account.accessToken = seededHex(seed, QStringLiteral("tiktok-token"), 40);
    account.extra.insert(QStringLiteral("pixelId"),
                         seededDigits(seed, QStringLiteral("tiktok-pixel"), 19));
    account.extra.insert(QStringLiteral("identityId"),
                         seededHex(seed, QStringLiteral("tiktok-identity"), 32));
    return account;
}

} // namespace ads::core::sandbox
