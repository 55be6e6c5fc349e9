#include "core/Logging.h"
#include "core/domain/Money.h"
#include "core/sandbox/FacebookRules.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/SimulatorSupport.h"
#include "core/sandbox/Simulators.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <atomic>

// Simulated Meta Marketing API (graph.facebook.com), written from
// reference/platforms/meta.md. Objects are campaigns, ad sets, ad creatives, ads, ad images,
// ad videos and custom audiences; insights answer from the delivery model.

namespace ads::core::sandbox {

namespace {

using namespace facebook;

const QStringList kSecretParams = {QStringLiteral("access_token"),
                                   QStringLiteral("appsecret_proof")};

class FacebookSimulator : public PlatformHandler
{
public:
    explicit FacebookSimulator(std::shared_ptr<SandboxContext> context)
        : m_context(std::move(context))
    {}

    SandboxReply handle(const SandboxRequest &request) override;

private:
    SandboxReply route(Call &call);
    SandboxReply accountEdge(Call &call, const SandboxAccount &account, const QString &edge);
    SandboxReply nodeCall(Call &call, const QString &id, const QString &edge);
    SandboxReply reply(const Call &call, const QJsonObject &body, int status = 200);
    SandboxReply fail(const Call &call, const MetaError &error);

    SandboxReply createCampaign(Call &call, const SandboxAccount &account);
    SandboxReply createAdSet(Call &call, const SandboxAccount &account);
    SandboxReply createCreative(Call &call, const SandboxAccount &account);
    SandboxReply createAd(Call &call, const SandboxAccount &account);
    SandboxReply uploadImages(Call &call, const SandboxAccount &account);
    SandboxReply uploadVideo(Call &call, const SandboxAccount &account);
    SandboxReply createAudience(Call &call, const SandboxAccount &account);
    SandboxReply audienceUsers(Call &call, ObjectRecord audience, bool remove);

    SandboxReply updateObject(Call &call, ObjectRecord record);
    SandboxReply deleteObject(Call &call, ObjectRecord record);
    SandboxReply readNode(Call &call, const ObjectRecord &record);
    SandboxReply listEdge(Call &call,
                          const SandboxAccount &account,
                          const QString &type,
                          const QString &parentKey = {},
                          const QString &parentId = {});
    SandboxReply insights(Call &call, const SandboxAccount &account, const QString &campaignId);

    /** Writes the new object (and its first status) and answers {"id"} or the asked fields. */
    SandboxReply created(Call &call, const SandboxAccount &account, ObjectRecord record);
    ObjectRecord newRecord(const Call &call,
                           const SandboxAccount &account,
                           const QString &type,
                           const QString &id,
                           const QString &parentId,
                           const QString &name,
                           const QString &status,
                           const QJsonObject &state);
    std::optional<ObjectRecord> ownedObject(const SandboxAccount &account,
                                            const QString &id,
                                            const QString &type = {}) const;
    QList<DeliveryUnit> deliveryUnits(const SandboxAccount &account) const;
    RenderContext renderContext(const Call &call, const SandboxAccount &account) const;

    std::shared_ptr<SandboxContext> m_context;
    std::atomic<quint64> m_traces{0};
};

SandboxReply FacebookSimulator::handle(const SandboxRequest &request)
{
    Call call{request, RequestParams::from(request), {}, {}, {}};
    static const QRegularExpression version(QStringLiteral("^/(v\\d+\\.\\d+)(/.*)?$"));
    const auto match = version.match(request.path);
    if (!match.hasMatch()) {
        return fail(call,
                    {400, 2500, 0, QStringLiteral("Unknown path components: ") + request.path});
    }
    call.version = match.captured(1);
    call.segments = match.captured(2).split(QLatin1Char('/'), Qt::SkipEmptyParts);

    if (call.params.malformedBody)
        return fail(call,
                    {400, 100, 0, QStringLiteral("(#100) The request body is not valid JSON")});

    QString token = call.params.text(QStringLiteral("access_token"));
    const QByteArray authorization = request.header("authorization");
    if (token.isEmpty()
        && (authorization.startsWith("Bearer ") || authorization.startsWith("OAuth ")))
        token = QString::fromLatin1(authorization.mid(authorization.indexOf(' ') + 1)).trimmed();
    if (token.isEmpty()) {
        return fail(
            call,
            {400, 104, 0, QStringLiteral("An access token is required to request this resource.")});
    }
    for (const SandboxAccount &account : m_context->store().accounts(Platform::Facebook)) {
        if (account.accessToken == token)
            call.accounts.append(account);
    }
    if (call.accounts.isEmpty()) {
        return fail(call,
                    {400,
                     190,
                     0,
                     QStringLiteral("Invalid OAuth access token data."),
                     {},
                     QStringLiteral("Session invalid"),
                     QStringLiteral("The access token is not valid for this app.")});
    }
    return route(call);
}

SandboxReply FacebookSimulator::route(Call &call)
{
    const QStringList &segments = call.segments;
    if (segments.isEmpty() || segments.size() > 2)
        return fail(call, unknownPath(call.request.path));

    const QString node = segments.first();
    const QString edge = segments.value(1);
    if (node == QLatin1String("me")) {
        if (edge != QLatin1String("adaccounts") || call.request.method != "GET")
            return fail(call, unknownPath(call.request.path));
        QJsonArray data;
        const RenderContext context = renderContext(call, call.accounts.first());
        for (const SandboxAccount &account : call.accounts)
            data.append(renderAccount(account, call.params, context));
        return reply(call, QJsonObject{{"data", data}});
    }
    if (node.startsWith(QLatin1String("act_"))) {
        for (const SandboxAccount &account : call.accounts) {
            if (QStringLiteral("act_") + account.accountId == node)
                return accountEdge(call, account, edge);
        }
        return fail(call, missingNode(node));
    }
    return nodeCall(call, node, edge);
}

SandboxReply FacebookSimulator::accountEdge(Call &call,
                                            const SandboxAccount &account,
                                            const QString &edge)
{
    const QByteArray method = call.request.method;
    if (edge.isEmpty() && method == "GET")
        return reply(call, renderAccount(account, call.params, renderContext(call, account)));
    if (edge == QLatin1String("insights") && method == "GET")
        return insights(call, account, {});
    if (edge == QLatin1String("adspixels") && method == "GET")
        return reply(call, QJsonObject{{"data", QJsonArray{pixelNode(account)}}});

    if (method == "POST") {
        if (edge == QLatin1String("campaigns"))
            return createCampaign(call, account);
        if (edge == QLatin1String("adsets"))
            return createAdSet(call, account);
        if (edge == QLatin1String("adcreatives"))
            return createCreative(call, account);
        if (edge == QLatin1String("ads"))
            return createAd(call, account);
        if (edge == QLatin1String("adimages"))
            return uploadImages(call, account);
        if (edge == QLatin1String("advideos"))
            return uploadVideo(call, account);
        if (edge == QLatin1String("customaudiences"))
            return createAudience(call, account);
    }
    if (method == "GET") {
        const QString type = typeForEdge(edge);
        if (!type.isEmpty())
            return listEdge(call, account, type);
    }
    return fail(call, unknownPath(call.request.path));
}

SandboxReply FacebookSimulator::nodeCall(Call &call, const QString &id, const QString &edge)
{
    const SandboxAccount *owner = nullptr;
    std::optional<ObjectRecord> record;
    for (const SandboxAccount &account : call.accounts) {
        record = ownedObject(account, id);
        if (!record) {
            if (auto fixture = fixtureNode(account, id);
                !fixture.isEmpty() && edge.isEmpty() && call.request.method == "GET") {
                return reply(call, fixture);
            }
            continue;
        }
        owner = &account;
        break;
    }
    if (!record)
        return fail(call, missingNode(id));

    const QByteArray method = call.request.method;
    if (edge.isEmpty()) {
        if (method == "GET")
            return readNode(call, *record);
        if (method == "POST")
            return updateObject(call, *record);
        if (method == "DELETE")
            return deleteObject(call, *record);
    }
    if (edge == QLatin1String("insights") && method == "GET" && record->type == kCampaign)
        return insights(call, *owner, record->id);
    if (edge == QLatin1String("users") && record->type == kAudience
        && (method == "POST" || method == "DELETE")) {
        return audienceUsers(call, *record, method == "DELETE");
    }
    if (method == "GET" && record->type == kCampaign
        && (edge == QLatin1String("adsets") || edge == QLatin1String("ads"))) {
        return listEdge(call, *owner, typeForEdge(edge), QStringLiteral("campaign_id"), record->id);
    }
    if (method == "GET" && record->type == kAdSet && edge == QLatin1String("ads"))
        return listEdge(call, *owner, kAd, QStringLiteral("adset_id"), record->id);
    return fail(call, unknownPath(call.request.path));
}

SandboxReply FacebookSimulator::reply(const Call &call, const QJsonObject &body, int status)
{
    SandboxReply result = SandboxReply::json(body, status);
    // Usage headers are present on most Marketing API replies; the sandbox has no quota yet.
    using Header = QPair<QByteArray, QByteArray>;
    result.headers.append(
        Header("x-app-usage", R"({"call_count":1,"total_cputime":1,"total_time":1})"));
    result.headers.append(Header("x-ad-account-usage",
                                 R"({"acc_id_util_pct":0.1,"reset_time_duration":0,)"
                                 R"("ads_api_access_tier":"standard_access"})"));
    if (call.segments.contains(QStringLiteral("insights"))) {
        result.headers.append(Header("x-fb-ads-insights-throttle",
                                     R"({"app_id_util_pct":0.1,"acc_id_util_pct":0.1})"));
    }
    return result;
}

SandboxReply FacebookSimulator::fail(const Call &call, const MetaError &error)
{
    const QString trace = QString::fromLatin1(
        QByteArray::number(stableHash(m_context->seed(), call.request.path, ++m_traces), 36)
            .toUpper());
    SandboxReply result = reply(call, errorBody(error, QStringLiteral("A") + trace), error.http);
    if (error.code == 190 || error.code == 104) {
        result.headers.append(QPair<QByteArray, QByteArray>(
            "www-authenticate", "OAuth \"Facebook Platform\" \"invalid_token\""));
    }
    return result;
}

ObjectRecord FacebookSimulator::newRecord(const Call &call,
                                          const SandboxAccount &account,
                                          const QString &type,
                                          const QString &id,
                                          const QString &parentId,
                                          const QString &name,
                                          const QString &status,
                                          const QJsonObject &state)
{
    ObjectRecord record;
    record.platform = Platform::Facebook;
    record.accountId = account.accountId;
    record.type = type;
    record.id = id;
    record.parentId = parentId;
    record.name = name;
    record.status = status;
    record.fields = recordedFields(call.params, kSecretParams);
    record.state = state;
    record.createdAtMs = m_context->nowMs();
    record.updatedAtMs = record.createdAtMs;
    record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
    return record;
}

SandboxReply FacebookSimulator::created(Call &call,
                                        const SandboxAccount &account,
                                        ObjectRecord record)
{
    ChangeSet changes;
    changes.platform = Platform::Facebook;
    changes.inserts.append(record);
    if (hasDeliveryStatus(record.type))
        changes.statuses.append({record.id, record.status, record.createdAtMs});
    if (!m_context->store().commit(changes))
        return fail(
            call,
            {500, 2, 0, QStringLiteral("(#2) Service temporarily unavailable"), {}, {}, {}, true});
    qCDebug(lcSandbox) << "facebook created" << record.type << record.id;

    if (!call.params.has(QStringLiteral("fields")))
        return reply(call, QJsonObject{{"id", record.id}});
    return reply(call,
                 renderObject(record,
                              parseFieldList(call.params.text(QStringLiteral("fields"))),
                              renderContext(call, account)));
}

std::optional<ObjectRecord> FacebookSimulator::ownedObject(const SandboxAccount &account,
                                                           const QString &id,
                                                           const QString &type) const
{
    // Images are addressed by hash or by "<account id>:<hash>", and kept per account.
    auto record = m_context->store().object(Platform::Facebook, id);
    if (!record)
        record = m_context->store().object(Platform::Facebook, imageRecordId(account.accountId, id));
    if (!record || record->accountId != account.accountId)
        return std::nullopt;
    if (!type.isEmpty() && record->type != type)
        return std::nullopt;
    return record;
}

RenderContext FacebookSimulator::renderContext(const Call &call,
                                               const SandboxAccount &account) const
{
    RenderContext context;
    context.account = account;
    context.origin = call.request.origin();
    context.store = &m_context->store();
    return context;
}

// ---- creates ----------------------------------------------------------------------------

SandboxReply FacebookSimulator::createCampaign(Call &call, const SandboxAccount &account)
{
    auto state = validateCampaign(call.params, account, m_context->store());
    if (!state)
        return fail(call, state.error());
    if (isValidateOnly(call.params))
        return reply(call, QJsonObject{{"success", true}});

    const QString id =
        QString::number(m_context->nextNumber(QStringLiteral("facebook.object"), kObjectIdBase));
    return created(call,
                   account,
                   newRecord(call,
                             account,
                             kCampaign,
                             id,
                             QStringLiteral("act_") + account.accountId,
                             call.params.text(QStringLiteral("name")),
                             state->value(QStringLiteral("status")).toString(),
                             *state));
}

SandboxReply FacebookSimulator::createAdSet(Call &call, const SandboxAccount &account)
{
    auto state = validateAdSet(call.params, account, m_context->store(), m_context->nowMs());
    if (!state)
        return fail(call, state.error());
    if (isValidateOnly(call.params))
        return reply(call, QJsonObject{{"success", true}});

    const QString id =
        QString::number(m_context->nextNumber(QStringLiteral("facebook.object"), kObjectIdBase));
    return created(call,
                   account,
                   newRecord(call,
                             account,
                             kAdSet,
                             id,
                             state->value(QStringLiteral("campaign_id")).toString(),
                             call.params.text(QStringLiteral("name")),
                             state->value(QStringLiteral("status")).toString(),
                             *state));
}

SandboxReply FacebookSimulator::createCreative(Call &call, const SandboxAccount &account)
{
    auto state = validateCreative(call.params.values, account, m_context->store());
    if (!state)
        return fail(call, state.error());
    if (isValidateOnly(call.params))
        return reply(call, QJsonObject{{"success", true}});

    const QString id =
        QString::number(m_context->nextNumber(QStringLiteral("facebook.object"), kObjectIdBase));
    return created(call,
                   account,
                   newRecord(call,
                             account,
                             kCreative,
                             id,
                             QStringLiteral("act_") + account.accountId,
                             call.params.text(QStringLiteral("name")),
                             QStringLiteral("ACTIVE"),
                             *state));
}

SandboxReply FacebookSimulator::createAd(Call &call, const SandboxAccount &account)
{
    auto state = validateAd(call.params, account, m_context->store());
    if (!state)
        return fail(call, state.error());
    if (isValidateOnly(call.params))
        return reply(call, QJsonObject{{"success", true}});

    ChangeSet changes;
    changes.platform = Platform::Facebook;
    // An inline creative spec becomes a creative of its own, as on the real platform.
    if (state->contains(QStringLiteral("inline_creative"))) {
        const QJsonObject creativeState = state->take(QStringLiteral("inline_creative")).toObject();
        const QString creativeId = QString::number(
            m_context->nextNumber(QStringLiteral("facebook.object"), kObjectIdBase));
        ObjectRecord creative = newRecord(call,
                                          account,
                                          kCreative,
                                          creativeId,
                                          QStringLiteral("act_") + account.accountId,
                                          creativeState.value(QStringLiteral("name")).toString(),
                                          QStringLiteral("ACTIVE"),
                                          creativeState);
        creative.fields = call.params.json(QStringLiteral("creative")).toObject();
        changes.inserts.append(creative);
        state->insert(QStringLiteral("creative_id"), creativeId);
    }
    const QString id =
        QString::number(m_context->nextNumber(QStringLiteral("facebook.object"), kObjectIdBase));
    ObjectRecord ad = newRecord(call,
                                account,
                                kAd,
                                id,
                                state->value(QStringLiteral("adset_id")).toString(),
                                call.params.text(QStringLiteral("name")),
                                state->value(QStringLiteral("status")).toString(),
                                *state);
    if (!changes.inserts.isEmpty()) {
        changes.inserts.append(ad);
        changes.statuses.append({ad.id, ad.status, ad.createdAtMs});
        if (!m_context->store().commit(changes))
            return fail(call,
                        {500,
                         2,
                         0,
                         QStringLiteral("(#2) Service temporarily unavailable"),
                         {},
                         {},
                         {},
                         true});
        return reply(call, QJsonObject{{"id", ad.id}});
    }
    return created(call, account, ad);
}

SandboxReply FacebookSimulator::uploadImages(Call &call, const SandboxAccount &account)
{
    auto uploads = collectImages(call.params);
    if (!uploads)
        return fail(call, uploads.error());

    QJsonObject images;
    ChangeSet changes;
    changes.platform = Platform::Facebook;
    for (const ImageUpload &upload : *uploads) {
        const QString hash = http::md5Hex(upload.bytes);
        const QString url = call.request.origin() + QStringLiteral("/sandbox-media/") + hash;
        images.insert(upload.name, QJsonObject{{"hash", hash}, {"url", url}});
        // The same bytes give the same hash: Meta keeps one image per hash and account.
        const bool known = ownedObject(account, hash).has_value()
                           || std::any_of(changes.inserts.cbegin(),
                                          changes.inserts.cend(),
                                          [&](const ObjectRecord &r) {
                                              return r.id == imageRecordId(account.accountId, hash);
                                          });
        if (known)
            continue;
        QJsonObject state{{"hash", hash},
                          {"url", url},
                          {"width", upload.info.width},
                          {"height", upload.info.height},
                          {"format", upload.info.format},
                          {"name", upload.name}};
        changes.inserts.append(newRecord(call,
                                         account,
                                         kImage,
                                         imageRecordId(account.accountId, hash),
                                         QStringLiteral("act_") + account.accountId,
                                         upload.name,
                                         QStringLiteral("ACTIVE"),
                                         state));
    }
    if (!m_context->store().commit(changes))
        return fail(
            call,
            {500, 2, 0, QStringLiteral("(#2) Service temporarily unavailable"), {}, {}, {}, true});
    return reply(call, QJsonObject{{"images", images}});
}

SandboxReply FacebookSimulator::uploadVideo(Call &call, const SandboxAccount &account)
{
    auto state = validateVideo(call.params);
    if (!state)
        return fail(call, state.error());

    const QString id =
        QString::number(m_context->nextNumber(QStringLiteral("facebook.video"), kVideoIdBase));
    const QString name = state->value(QStringLiteral("title")).toString();
    return created(call,
                   account,
                   newRecord(call,
                             account,
                             kVideo,
                             id,
                             QStringLiteral("act_") + account.accountId,
                             name,
                             QStringLiteral("ready"),
                             *state));
}

SandboxReply FacebookSimulator::createAudience(Call &call, const SandboxAccount &account)
{
    auto state = validateAudience(call.params);
    if (!state)
        return fail(call, state.error());

    const QString id = QString::number(
        m_context->nextNumber(QStringLiteral("facebook.audience"), kAudienceIdBase));
    return created(call,
                   account,
                   newRecord(call,
                             account,
                             kAudience,
                             id,
                             QStringLiteral("act_") + account.accountId,
                             call.params.text(QStringLiteral("name")),
                             QStringLiteral("READY"),
                             *state));
}

SandboxReply FacebookSimulator::audienceUsers(Call &call, ObjectRecord audience, bool remove)
{
    auto result = applyAudienceUsers(call.params, audience, remove);
    if (!result)
        return fail(call, result.error());

    audience.updatedAtMs = m_context->nowMs();
    ChangeSet changes;
    changes.platform = Platform::Facebook;
    changes.updates.append(audience);
    if (!m_context->store().commit(changes))
        return fail(
            call,
            {500, 2, 0, QStringLiteral("(#2) Service temporarily unavailable"), {}, {}, {}, true});
    return reply(call, *result);
}

// ---- updates, deletes, reads -------------------------------------------------------------

SandboxReply FacebookSimulator::updateObject(Call &call, ObjectRecord record)
{
    const QString before = record.status;
    auto ok = applyUpdate(call.params, record, m_context->store(), m_context->nowMs());
    if (!ok)
        return fail(call, ok.error());
    if (isValidateOnly(call.params))
        return reply(call, QJsonObject{{"success", true}});

    record.updatedAtMs = m_context->nowMs();
    ChangeSet changes;
    changes.platform = Platform::Facebook;
    changes.updates.append(record);
    if (record.status != before && hasDeliveryStatus(record.type))
        changes.statuses.append({record.id, record.status, record.updatedAtMs});
    if (!m_context->store().commit(changes))
        return fail(
            call,
            {500, 2, 0, QStringLiteral("(#2) Service temporarily unavailable"), {}, {}, {}, true});

    if (!call.params.has(QStringLiteral("fields")))
        return reply(call, QJsonObject{{"success", true}});
    for (const SandboxAccount &account : call.accounts) {
        if (account.accountId == record.accountId) {
            return reply(call,
                         renderObject(record,
                                      parseFieldList(call.params.text(QStringLiteral("fields"))),
                                      renderContext(call, account)));
        }
    }
    return reply(call, QJsonObject{{"success", true}});
}

SandboxReply FacebookSimulator::deleteObject(Call &call, ObjectRecord record)
{
    if (record.status == QLatin1String("DELETED"))
        return fail(call, alreadyDeleted(record.id));
    record.status = QStringLiteral("DELETED");
    record.state.insert(QStringLiteral("status"), record.status);
    record.updatedAtMs = m_context->nowMs();
    ChangeSet changes;
    changes.platform = Platform::Facebook;
    changes.updates.append(record);
    if (hasDeliveryStatus(record.type))
        changes.statuses.append({record.id, record.status, record.updatedAtMs});
    if (!m_context->store().commit(changes))
        return fail(
            call,
            {500, 2, 0, QStringLiteral("(#2) Service temporarily unavailable"), {}, {}, {}, true});
    return reply(call, QJsonObject{{"success", true}});
}

SandboxReply FacebookSimulator::readNode(Call &call, const ObjectRecord &record)
{
    for (const SandboxAccount &account : call.accounts) {
        if (account.accountId != record.accountId)
            continue;
        const FieldList fields = parseFieldList(call.params.text(QStringLiteral("fields")));
        if (auto unknown = unknownField(record.type, fields); !unknown.isEmpty())
            return fail(call, nonexistingField(unknown, record.type));
        return reply(call, renderObject(record, fields, renderContext(call, account)));
    }
    return fail(call, missingNode(record.id));
}

SandboxReply FacebookSimulator::listEdge(Call &call,
                                         const SandboxAccount &account,
                                         const QString &type,
                                         const QString &parentKey,
                                         const QString &parentId)
{
    const FieldList fields = parseFieldList(call.params.text(QStringLiteral("fields")));
    if (auto unknown = unknownField(type, fields); !unknown.isEmpty())
        return fail(call, nonexistingField(unknown, type));
    auto filters = parseFilters(call.params, type);
    if (!filters)
        return fail(call, filters.error());

    const RenderContext context = renderContext(call, account);
    QList<QJsonObject> rows;
    for (const ObjectRecord &record :
         m_context->store().objects(Platform::Facebook, type, account.accountId)) {
        if (!parentKey.isEmpty() && record.state.value(parentKey).toString() != parentId)
            continue;
        if (!matchesFilters(record, *filters, context))
            continue;
        rows.append(renderObject(record, fields, context));
    }
    // Newest first, as the Graph API lists objects.
    std::reverse(rows.begin(), rows.end());
    auto page = paginate(rows, call.params, call.request);
    if (!page)
        return fail(call, page.error());
    return reply(call, *page);
}

SandboxReply FacebookSimulator::insights(Call &call,
                                         const SandboxAccount &account,
                                         const QString &campaignId)
{
    auto query =
        parseInsightsQuery(call.params, account, m_context->nowMs(), !campaignId.isEmpty());
    if (!query)
        return fail(call, query.error());
    if (!campaignId.isEmpty())
        query->campaignIds = {campaignId};

    DeliveryRules rules;
    rules.dailyCeilingPermille = kDailyCeilingPermille;
    rules.period = DeliveryRules::Period::Week;
    rules.reportingDelayMs = kReportingDelayMs;
    // The hourly string names a clock hour only, so the two runs of a repeated (25-hour day) hour
    // are reported as one row; the day's total is unchanged (unconfirmed reading of meta.md 5.1).
    const auto delivery =
        deliverySlices(deliveryUnits(account), rules, m_context->seed(), m_context->nowMs(), query->hourly);
    const QList<ObjectRecord> campaigns =
        m_context->store().objects(Platform::Facebook, kCampaign, account.accountId);
    const QList<QJsonObject> rows =
        insightRows(*query, campaigns, delivery, account, m_context->seed());
    auto page = paginate(rows, call.params, call.request);
    if (!page)
        return fail(call, page.error());
    return reply(call, *page);
}

QList<DeliveryUnit> FacebookSimulator::deliveryUnits(const SandboxAccount &account) const
{
    const SandboxStore &store = m_context->store();
    return buildDeliveryUnits(account,
                              store.objects(Platform::Facebook, {}, account.accountId),
                              store.histories(Platform::Facebook),
                              m_context->nowMs());
}

} // namespace

std::shared_ptr<PlatformHandler> makeFacebookSimulator(std::shared_ptr<SandboxContext> context)
{
    return std::make_shared<FacebookSimulator>(std::move(context));
}

SandboxAccount defaultFacebookAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::Facebook;
    account.accountId = seededDigits(seed, QStringLiteral("facebook-account"), 15);
    account.name = QStringLiteral("Sandbox Facebook (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    // Simulator credentials: valid only against this loopback sandbox.
    account.accessToken =
        QStringLiteral("EAAB") + seededHex(seed, QStringLiteral("facebook-token"), 60);
    account.extra.insert(QStringLiteral("pageId"),
                         seededDigits(seed, QStringLiteral("facebook-page"), 15));
    account.extra.insert(QStringLiteral("pixelId"),
                         seededDigits(seed, QStringLiteral("facebook-pixel"), 16));
    return account;
}

} // namespace ads::core::sandbox
