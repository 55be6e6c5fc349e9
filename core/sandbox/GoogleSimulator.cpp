#include "core/Logging.h"
#include "core/sandbox/GoogleRules.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/Simulators.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <atomic>

// Simulated Google Ads API, REST binding (googleads.googleapis.com), written from
// reference/platforms/google.md: per-service and atomic mutates with temporary ids, partial
// failure and validate-only, GAQL search and searchStream over the delivery model, and
// customer-match upload jobs.

namespace ads::core::sandbox {

namespace {

using namespace google;

constexpr int kPageSize = 10'000;

const QHash<QString, QString> kOperationKeys = {{"campaignBudgetOperation", kBudget},
                                                {"campaignOperation", kCampaign},
                                                {"adGroupOperation", kAdGroup},
                                                {"adGroupAdOperation", kAdGroupAd},
                                                {"adGroupCriterionOperation", kAdGroupCriterion},
                                                {"campaignCriterionOperation", kCampaignCriterion},
                                                {"assetOperation", kAsset},
                                                {"userListOperation", kUserList}};

struct GoogleCall
{
    const SandboxRequest &request;
    QJsonObject body;
    int version = 25;
    QString requestId;
    SandboxAccount account;
};

QJsonObject errorJson(const AdsError &error)
{
    QJsonObject json{{"errorCode", QJsonObject{{error.category, error.code}}},
                     {"message", error.message}};
    if (!error.trigger.isEmpty())
        json.insert(QStringLiteral("trigger"), error.trigger);
    if (!error.location.isEmpty())
        json.insert(QStringLiteral("location"), QJsonObject{{"fieldPathElements", error.location}});
    if (!error.details.isEmpty())
        json.insert(QStringLiteral("details"), error.details);
    return json;
}

QJsonObject adsFailure(const QList<AdsError> &errors, int version, const QString &requestId)
{
    QJsonArray list;
    for (const AdsError &error : errors)
        list.append(errorJson(error));
    return QJsonObject{{"@type",
                        QStringLiteral("type.googleapis.com/google.ads.googleads.v%1.errors."
                                       "GoogleAdsFailure")
                            .arg(version)},
                       {"errors", list},
                       {"requestId", requestId}};
}

QString statusText(int http)
{
    switch (http) {
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 500:
        return QStringLiteral("INTERNAL");
    default:
        return QStringLiteral("INVALID_ARGUMENT");
    }
}

AdsError simpleError(const QString &category, const QString &code, const QString &message)
{
    return AdsError{category, code, message, {}, {}, {}};
}

Objective objectiveOf(const QJsonObject &campaign)
{
    if (campaign.contains(QStringLiteral("maximizeConversionValue"))
        || campaign.contains(QStringLiteral("targetRoas")))
        return Objective::Sales;
    if (campaign.contains(QStringLiteral("maximizeConversions"))
        || campaign.contains(QStringLiteral("targetCpa")))
        return Objective::Conversions;
    if (campaign.contains(QStringLiteral("targetCpm"))
        || campaign.contains(QStringLiteral("manualCpm")))
        return Objective::Awareness;
    return Objective::Traffic;
}

QJsonObject publicState(QJsonObject state)
{
    for (const QString &key : state.keys()) {
        if (key.startsWith(QLatin1Char('_')))
            state.remove(key);
    }
    return state;
}

class GoogleSimulator : public PlatformHandler
{
public:
    explicit GoogleSimulator(std::shared_ptr<SandboxContext> context)
        : m_context(std::move(context))
    {}

    SandboxReply handle(const SandboxRequest &request) override;

private:
    SandboxReply route(GoogleCall &call, const QString &rest);
    SandboxReply fail(const GoogleCall &call,
                      int http,
                      const QList<AdsError> &errors,
                      const QString &message = {});
    SandboxReply ok(const GoogleCall &call, const QJsonObject &body);
    std::optional<SandboxReply> authenticate(GoogleCall &call, const QString &customerId);

    SandboxReply listAccessibleCustomers(GoogleCall &call);
    SandboxReply mutate(GoogleCall &call, const QString &type);
    SandboxReply mutateAll(GoogleCall &call);
    SandboxReply execute(GoogleCall &call,
                         const QList<Operation> &operations,
                         const QList<QString> &resultKeys,
                         bool atomicEndpoint);
    SandboxReply search(GoogleCall &call, bool stream);
    SandboxReply userDataJob(GoogleCall &call, const QString &rest);

    QMap<QString, QList<DeliverySlice>> delivery(const SandboxAccount &account, bool byHour) const;
    MutateContext mutateContext(const GoogleCall &call);
    QString newRequestId();

    std::shared_ptr<SandboxContext> m_context;
    std::atomic<quint64> m_requests{0};
};

QString GoogleSimulator::newRequestId()
{
    return QString::fromLatin1(
        QByteArray::number(stableHash(m_context->seed(),
                                      QStringLiteral("request"),
                                      qint64(++m_requests) ^ m_context->nowMs()),
                           36));
}

SandboxReply GoogleSimulator::ok(const GoogleCall &call, const QJsonObject &body)
{
    SandboxReply reply = SandboxReply::json(body);
    reply.headers.append(QPair<QByteArray, QByteArray>("request-id", call.requestId.toLatin1()));
    return reply;
}

SandboxReply GoogleSimulator::fail(const GoogleCall &call,
                                   int http,
                                   const QList<AdsError> &errors,
                                   const QString &message)
{
    const QString text =
        message.isEmpty() ? (http == 400 ? QStringLiteral("Request contains an invalid argument.")
                                         : errors.value(0).message)
                          : message;
    QJsonObject error{{"code", http}, {"message", text}, {"status", statusText(http)}};
    if (!errors.isEmpty())
        error.insert(QStringLiteral("details"),
                     QJsonArray{adsFailure(errors, call.version, call.requestId)});
    SandboxReply reply = SandboxReply::json(QJsonObject{{"error", error}}, http);
    reply.headers.append(QPair<QByteArray, QByteArray>("request-id", call.requestId.toLatin1()));
    return reply;
}

SandboxReply GoogleSimulator::handle(const SandboxRequest &request)
{
    GoogleCall call{request, {}, 25, newRequestId(), {}};
    static const QRegularExpression versioned(QStringLiteral("^/v(\\d+)/(.+)$"));
    const auto match = versioned.match(request.path);
    // v22 to v26 are the versions google.md names as current or recent.
    if (!match.hasMatch() || match.captured(1).toInt() < 22 || match.captured(1).toInt() > 26)
        return SandboxReply::text("<!DOCTYPE html><title>Error 404 (Not Found)</title>", 404);
    call.version = match.captured(1).toInt();

    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail(call, 400, {}, QStringLiteral("Invalid JSON payload received."));
        call.body = doc.object();
    }
    return route(call, match.captured(2));
}

std::optional<SandboxReply> GoogleSimulator::authenticate(GoogleCall &call,
                                                          const QString &customerId)
{
    const QByteArray authorization = call.request.header("authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
        return fail(call,
                    401,
                    {simpleError(QStringLiteral("authenticationError"),
                                 QStringLiteral("OAUTH_TOKEN_HEADER_INVALID"),
                                 QStringLiteral("The OAuth token in the header is not valid."))},
                    QStringLiteral("Request is missing required authentication credential."));
    }
    const QString token = QString::fromLatin1(authorization.mid(7)).trimmed();
    QList<SandboxAccount> accounts;
    for (const SandboxAccount &account : m_context->store().accounts(Platform::Google)) {
        if (account.accessToken == token)
            accounts.append(account);
    }
    if (accounts.isEmpty()) {
        return fail(call,
                    401,
                    {simpleError(QStringLiteral("authenticationError"),
                                 QStringLiteral("OAUTH_TOKEN_INVALID"),
                                 QStringLiteral("Oauth token is invalid."))},
                    QStringLiteral("Request had invalid authentication credentials."));
    }
    const QByteArray developerToken = call.request.header("developer-token");
    if (developerToken.isEmpty()) {
        return fail(call,
                    400,
                    {simpleError(QStringLiteral("requestError"),
                                 QStringLiteral("DEVELOPER_TOKEN_PARAMETER_MISSING"),
                                 QStringLiteral("The developer-token header is required."))});
    }
    if (QString::fromLatin1(developerToken)
        != accounts.first().extra.value(QStringLiteral("developerToken"))) {
        return fail(call,
                    401,
                    {simpleError(QStringLiteral("authenticationError"),
                                 QStringLiteral("DEVELOPER_TOKEN_INVALID"),
                                 QStringLiteral("The developer token is not valid."))});
    }
    call.account = accounts.first();
    if (customerId.isNull())
        return std::nullopt;

    if (!isDigits(customerId)) {
        return fail(call,
                    400,
                    {simpleError(QStringLiteral("requestError"),
                                 QStringLiteral("INVALID_CUSTOMER_ID"),
                                 QStringLiteral("Customer ids are digits only, without "
                                                "hyphens."))});
    }
    const QString login = QString::fromLatin1(call.request.header("login-customer-id"));
    if (!login.isEmpty() && !isDigits(login)) {
        return fail(call,
                    400,
                    {simpleError(QStringLiteral("headerError"),
                                 QStringLiteral("INVALID_LOGIN_CUSTOMER_ID"),
                                 QStringLiteral("The login-customer-id header is not "
                                                "a valid customer id."))});
    }
    // The sandbox has no manager accounts: the login customer may only be the customer itself.
    const bool loginOk = login.isEmpty() || login == customerId;
    for (const SandboxAccount &account : accounts) {
        if (account.accountId == customerId && loginOk) {
            call.account = account;
            return std::nullopt;
        }
    }
    return fail(call,
                403,
                {simpleError(QStringLiteral("authorizationError"),
                             QStringLiteral("USER_PERMISSION_DENIED"),
                             QStringLiteral("User doesn't have permission to access "
                                            "customer."))},
                QStringLiteral("The caller does not have permission"));
}

SandboxReply GoogleSimulator::route(GoogleCall &call, const QString &rest)
{
    if (rest == QLatin1String("customers:listAccessibleCustomers") && call.request.method == "GET")
        return listAccessibleCustomers(call);

    static const QRegularExpression customer(QStringLiteral("^customers/([^/]+)/(.+)$"));
    const auto match = customer.match(rest);
    if (!match.hasMatch() || call.request.method != "POST")
        return SandboxReply::text("<!DOCTYPE html><title>Error 404 (Not Found)</title>", 404);
    if (auto refused = authenticate(call, match.captured(1)))
        return *refused;

    const QString method = match.captured(2);
    if (method == QLatin1String("googleAds:search"))
        return search(call, false);
    if (method == QLatin1String("googleAds:searchStream"))
        return search(call, true);
    if (method == QLatin1String("googleAds:mutate"))
        return mutateAll(call);
    if (method.startsWith(QLatin1String("offlineUserDataJobs")))
        return userDataJob(call, method);
    if (method.endsWith(QLatin1String(":mutate"))) {
        const QString type = typeOfCollection(method.chopped(7));
        if (!type.isEmpty())
            return mutate(call, type);
    }
    return SandboxReply::text("<!DOCTYPE html><title>Error 404 (Not Found)</title>", 404);
}

SandboxReply GoogleSimulator::listAccessibleCustomers(GoogleCall &call)
{
    if (auto refused = authenticate(call, QString()))
        return *refused;
    QJsonArray names;
    const QString token =
        QString::fromLatin1(call.request.header("authorization").mid(7)).trimmed();
    for (const SandboxAccount &account : m_context->store().accounts(Platform::Google)) {
        if (account.accessToken == token)
            names.append(QString(QStringLiteral("customers/") + account.accountId));
    }
    return ok(call, QJsonObject{{"resourceNames", names}});
}

MutateContext GoogleSimulator::mutateContext(const GoogleCall &call)
{
    MutateContext context;
    context.account = call.account;
    context.store = &m_context->store();
    context.version = call.version;
    context.nowMs = m_context->nowMs();
    context.nextId = [this] {
        return m_context->nextNumber(QStringLiteral("google.object"), kIdBase);
    };
    return context;
}

SandboxReply GoogleSimulator::mutate(GoogleCall &call, const QString &type)
{
    QList<Operation> operations;
    QList<QString> keys;
    const QJsonArray list = call.body.value(QStringLiteral("operations")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = list[i].toObject();
        Operation operation;
        operation.type = type;
        for (const char *kind : {"create", "update", "remove"}) {
            if (item.contains(QLatin1String(kind)))
                operation.kind = QString::fromLatin1(kind);
        }
        operation.payload = item.value(operation.kind);
        operation.updateMask = item.value(QStringLiteral("updateMask")).toString();
        operation.path = QJsonArray{QJsonObject{{"fieldName", "operations"}, {"index", int(i)}},
                                    QJsonObject{{"fieldName", operation.kind}}};
        operations.append(operation);
        keys.append(QString());
    }
    return execute(call, operations, keys, false);
}

SandboxReply GoogleSimulator::mutateAll(GoogleCall &call)
{
    QList<Operation> operations;
    QList<QString> keys;
    const QJsonArray list = call.body.value(QStringLiteral("mutateOperations")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = list[i].toObject();
        const QString key = item.keys().value(0);
        const QString type = kOperationKeys.value(key);
        const QJsonObject inner = item.value(key).toObject();
        Operation operation;
        operation.type = type;
        for (const char *kind : {"create", "update", "remove"}) {
            if (inner.contains(QLatin1String(kind)))
                operation.kind = QString::fromLatin1(kind);
        }
        operation.payload = inner.value(operation.kind);
        operation.updateMask = inner.value(QStringLiteral("updateMask")).toString();
        QString snake = key;
        snake.replace(QRegularExpression(QStringLiteral("([A-Z])")), QStringLiteral("_\\1"));
        operation.path =
            QJsonArray{QJsonObject{{"fieldName", "mutate_operations"}, {"index", int(i)}},
                       QJsonObject{{"fieldName", snake.toLower()}},
                       QJsonObject{{"fieldName", operation.kind}}};
        operations.append(operation);
        keys.append(key.chopped(9) + QStringLiteral("Result"));
    }
    return execute(call, operations, keys, true);
}

SandboxReply GoogleSimulator::execute(GoogleCall &call,
                                      const QList<Operation> &operations,
                                      const QList<QString> &resultKeys,
                                      bool atomicEndpoint)
{
    if (operations.isEmpty())
        return fail(call,
                    400,
                    {simpleError(QStringLiteral("fieldError"),
                                 QStringLiteral("REQUIRED_NONEMPTY_LIST"),
                                 QStringLiteral("At least one operation is required."))});
    if (operations.size() > 10'000)
        return fail(call,
                    400,
                    {simpleError(QStringLiteral("requestError"),
                                 QStringLiteral("TOO_MANY_MUTATE_OPERATIONS"),
                                 QStringLiteral("Too many mutate operations."))});
    const bool partial = call.body.value(QStringLiteral("partialFailure")).toBool();
    const bool validateOnly = call.body.value(QStringLiteral("validateOnly")).toBool();
    const bool mutable_ = call.body.value(QStringLiteral("responseContentType")).toString()
                          == QLatin1String("MUTABLE_RESOURCE");

    MutateContext context = mutateContext(call);
    QList<AdsError> errors;
    QJsonArray results;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const Operation &operation = operations[i];
        OperationResult result;
        if (operation.type.isEmpty() || operation.kind.isEmpty()) {
            result.errors.append(
                AdsError{QStringLiteral("requestError"),
                         QStringLiteral("UNKNOWN"),
                         QStringLiteral("The operation is empty or its resource is "
                                        "not simulated."),
                         operation.path,
                         {},
                         {}});
        } else {
            result = applyOperation(operation, context);
        }
        errors += result.errors;
        QJsonObject entry;
        if (result.errors.isEmpty()) {
            entry.insert(QStringLiteral("resourceName"), result.resourceName);
            if (mutable_)
                entry.insert(camelType(operation.type), publicState(result.resource));
        }
        results.append(atomicEndpoint && result.errors.isEmpty()
                           ? QJsonObject{{resultKeys[i], entry}}
                           : entry);
    }

    if (!errors.isEmpty() && !partial)
        return fail(call, 400, errors);
    if (validateOnly)
        return ok(call, QJsonObject());

    ChangeSet changes;
    changes.platform = Platform::Google;
    for (const QString &id : std::as_const(context.stagedOrder)) {
        ObjectRecord record = context.staged.value(id);
        if (m_context->store().object(Platform::Google, id)) {
            changes.updates.append(record);
        } else {
            record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
            changes.inserts.append(record);
        }
    }
    changes.statuses = context.statuses;
    if (!m_context->store().commit(changes))
        return fail(call,
                    500,
                    {simpleError(QStringLiteral("internalError"),
                                 QStringLiteral("TRANSIENT_ERROR"),
                                 QStringLiteral("The sandbox store refused the write."))});
    qCDebug(lcSandbox) << "google mutate" << operations.size() << "operations," << errors.size()
                       << "errors";

    QJsonObject body{
        {atomicEndpoint ? QStringLiteral("mutateOperationResponses") : QStringLiteral("results"),
         results}};
    if (!errors.isEmpty()) {
        body.insert(
            QStringLiteral("partialFailureError"),
            QJsonObject{{"code", 3},
                        {"message",
                         QStringLiteral("Multiple errors in ‘details’. First "
                                        "error: %1")
                             .arg(errors.first().message)},
                        {"details", QJsonArray{adsFailure(errors, call.version, call.requestId)}}});
    }
    return ok(call, body);
}

QMap<QString, QList<DeliverySlice>> GoogleSimulator::delivery(const SandboxAccount &account, bool byHour) const
{
    const SandboxStore &store = m_context->store();
    const QList<ObjectRecord> objects = store.objects(Platform::Google, {}, account.accountId);
    const auto histories = store.histories(Platform::Google);
    const qint64 now = m_context->nowMs();
    const auto on = [&](const QString &id) {
        return intervals::fromHistory(
            histories.value(id),
            [](const QString &s) { return s == QLatin1String("ENABLED"); },
            now);
    };

    QHash<QString, ObjectRecord> byId;
    QHash<QString, QList<Interval>> adsOn; // ad group id -> any ad enabled
    for (const ObjectRecord &record : objects) {
        byId.insert(record.id, record);
        if (record.type == kAdGroupAd)
            adsOn[record.parentId] = intervals::unite(adsOn.value(record.parentId), on(record.id));
    }
    QHash<QString, QList<Interval>> groupsOn; // campaign id -> any serving ad group
    for (const ObjectRecord &record : objects) {
        if (record.type == kAdGroup)
            groupsOn[record.parentId] =
                intervals::unite(groupsOn.value(record.parentId),
                                 intervals::intersect(on(record.id), adsOn.value(record.id)));
    }

    QList<DeliveryUnit> units;
    for (const ObjectRecord &campaign : objects) {
        if (campaign.type != kCampaign)
            continue;
        const ObjectRecord budget =
            byId.value(campaign.state.value(QStringLiteral("campaignBudget"))
                           .toString()
                           .section(QLatin1Char('/'), -1));
        DeliveryUnit unit;
        unit.campaignId = campaign.id;
        unit.unitId = campaign.id;
        unit.objective = objectiveOf(campaign.state);
        const bool lifetime = budget.state.value(QStringLiteral("period")).toString()
                              == QLatin1String("CUSTOM_PERIOD");
        unit.budgetType = lifetime ? BudgetType::Lifetime : BudgetType::Daily;
        unit.budgetMicros = budget.state
                                .value(lifetime ? QStringLiteral("totalAmountMicros")
                                                : QStringLiteral("amountMicros"))
                                .toVariant()
                                .toLongLong();
        unit.startMs = campaign.state.value(QStringLiteral("_startMs")).toVariant().toLongLong();
        unit.endMs = campaign.state.value(QStringLiteral("_endMs")).toVariant().toLongLong();
        unit.enabled = intervals::intersect(on(campaign.id), groupsOn.value(campaign.id));
        unit.zone = QTimeZone(account.timeZone.toUtf8());
        unit.minorUnitMicros = minorUnitMicros(account.currency);
        units.append(unit);
    }
    // Google may spend up to 2x the daily budget on a day, 30.4x in a month (google.md 3.2).
    DeliveryRules rules;
    rules.dailyCeilingPermille = 2000;
    rules.period = DeliveryRules::Period::Month;
    rules.periodCapPermille = 30'400;
    rules.reportingDelayMs = kReportingDelayMs;
    // segments.hour is 0..23 (google.md 5.2), so a 25-hour day's repeated hour is one row: merged.
    return deliverySlices(units, rules, m_context->seed(), now, byHour);
}

SandboxReply GoogleSimulator::search(GoogleCall &call, bool stream)
{
    if (call.body.contains(QStringLiteral("pageSize")))
        return fail(call,
                    400,
                    {simpleError(QStringLiteral("requestError"),
                                 QStringLiteral("PAGE_SIZE_NOT_SUPPORTED"),
                                 QStringLiteral("Setting the page size is not supported."))});
    const QString text = call.body.value(QStringLiteral("query")).toString();
    auto query = parseGaql(text);
    if (!query)
        return fail(call, 400, {query.error()});

    GaqlData data;
    data.account = call.account;
    data.objects = m_context->store().objects(Platform::Google, {}, call.account.accountId);
    data.nowMs = m_context->nowMs();
    if (gaqlFieldMask(*query).contains(QLatin1String("metrics."))
        || gaqlFieldMask(*query).contains(QLatin1String("segments."))
        || text.contains(QLatin1String("metrics."))) {
        data.delivery = delivery(call.account, query->select.contains(QStringLiteral("segments.hour")));
    }
    auto rows = runGaql(*query, data);
    if (!rows)
        return fail(call, 400, {rows.error()});
    const QString mask = gaqlFieldMask(*query);

    if (stream) {
        QJsonArray batches;
        for (qsizetype start = 0; start < rows->size() || batches.isEmpty(); start += kPageSize) {
            QJsonArray results;
            for (qsizetype i = start; i < std::min<qsizetype>(rows->size(), start + kPageSize); ++i)
                results.append(rows->at(i));
            QJsonObject batch{{"fieldMask", mask}, {"requestId", call.requestId}};
            if (!results.isEmpty())
                batch.insert(QStringLiteral("results"), results);
            batches.append(batch);
        }
        QJsonObject last = batches.last().toObject();
        last.insert(QStringLiteral("queryResourceConsumption"), QString::number(10 + rows->size()));
        batches.replace(batches.size() - 1, last);
        SandboxReply reply = SandboxReply::json(batches);
        reply.headers.append(
            QPair<QByteArray, QByteArray>("request-id", call.requestId.toLatin1()));
        return reply;
    }

    // Page tokens are bound to the exact query text (google.md 5.1).
    const QString queryKey = QString::number(stableHash(0, text), 36);
    qsizetype start = 0;
    const QString token = call.body.value(QStringLiteral("pageToken")).toString();
    if (!token.isEmpty()) {
        const QString decoded = QString::fromLatin1(QByteArray::fromBase64(token.toLatin1()));
        if (decoded.section(QLatin1Char(':'), 0, 0) != queryKey)
            return fail(call,
                        400,
                        {simpleError(QStringLiteral("requestError"),
                                     QStringLiteral("INVALID_PAGE_TOKEN"),
                                     QStringLiteral("The page token is not valid for this "
                                                    "query."))});
        start = decoded.section(QLatin1Char(':'), 1).toLongLong();
    }
    QJsonArray results;
    const qsizetype end = std::min<qsizetype>(rows->size(), start + kPageSize);
    for (qsizetype i = start; i < end; ++i)
        results.append(rows->at(i));
    QJsonObject body{{"fieldMask", mask},
                     {"queryResourceConsumption", QString::number(10 + rows->size())}};
    if (!results.isEmpty())
        body.insert(QStringLiteral("results"), results);
    if (end < rows->size())
        body.insert(
            QStringLiteral("nextPageToken"),
            QString::fromLatin1(
                (queryKey + QLatin1Char(':') + QString::number(end)).toLatin1().toBase64()));
    if (call.body.value(QStringLiteral("searchSettings"))
            .toObject()
            .value(QStringLiteral("returnTotalResultsCount"))
            .toBool()) {
        body.insert(QStringLiteral("totalResultsCount"), QString::number(rows->size()));
    }
    return ok(call, body);
}

SandboxReply GoogleSimulator::userDataJob(GoogleCall &call, const QString &rest)
{
    static const QRegularExpression pattern(
        QStringLiteral("^offlineUserDataJobs(?:/(\\d+))?:(create|addOperations|run)$"));
    const auto match = pattern.match(rest);
    if (!match.hasMatch())
        return SandboxReply::text("<!DOCTYPE html><title>Error 404 (Not Found)</title>", 404);
    const QString action = match.captured(2);
    const QString cid = call.account.accountId;
    MutateContext context = mutateContext(call);

    if (action == QLatin1String("create")) {
        const QJsonObject job = call.body.value(QStringLiteral("job")).toObject();
        const QJsonObject metadata =
            job.value(QStringLiteral("customerMatchUserListMetadata")).toObject();
        const QString list = metadata.value(QStringLiteral("userList")).toString();
        if (job.value(QStringLiteral("type")).toString()
                != QLatin1String("CUSTOMER_MATCH_USER_LIST")
            || !context.find(kUserList, list)) {
            return fail(
                call,
                400,
                {AdsError{
                    QStringLiteral("offlineUserDataJobError"),
                    QStringLiteral("INVALID_USER_LIST_ID"),
                    QStringLiteral("The job needs an existing customer-match user list."),
                    fieldPath({},
                              QStringLiteral("job.customer_match_user_list_metadata.user_list")),
                    {},
                    {}}});
        }
        const QJsonObject consent = metadata.value(QStringLiteral("consent")).toObject();
        if (consent.value(QStringLiteral("adUserData")).toString() == QLatin1String("DENIED")) {
            return fail(call,
                        400,
                        {simpleError(QStringLiteral("offlineUserDataJobError"),
                                     QStringLiteral("CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS"),
                                     QStringLiteral("Consent for ad user data was denied."))});
        }
        // The sandbox account counts as allow-listed for Customer Match uploads (google.md 7.4
        // says new developer tokens are refused since 2026-04-01).
        const QString id = QString::number(context.nextId());
        ObjectRecord record;
        record.platform = Platform::Google;
        record.accountId = cid;
        record.type = kUserDataJob;
        record.id = id;
        record.parentId = cid;
        record.status = QStringLiteral("PENDING");
        record.fields = job;
        record.state = QJsonObject{
            {"resourceName", QStringLiteral("customers/%1/offlineUserDataJobs/%2").arg(cid, id)},
            {"id", id},
            {"status", record.status},
            {"userList", list},
            {"members", 0}};
        record.createdAtMs = record.updatedAtMs = m_context->nowMs();
        record.seq = m_context->nextNumber(QStringLiteral("seq"), 0);
        ChangeSet changes;
        changes.platform = Platform::Google;
        changes.inserts.append(record);
        m_context->store().commit(changes);
        return ok(
            call,
            QJsonObject{{"resourceName", record.state.value(QStringLiteral("resourceName"))}});
    }

    auto job = m_context->store().object(Platform::Google, match.captured(1));
    if (!job || job->type != kUserDataJob || job->accountId != cid)
        return fail(call,
                    404,
                    {simpleError(QStringLiteral("mutateError"),
                                 QStringLiteral("RESOURCE_NOT_FOUND"),
                                 QStringLiteral("Requested entity was not found."))});
    ChangeSet changes;
    changes.platform = Platform::Google;
    if (action == QLatin1String("addOperations")) {
        qint64 identifiers = 0;
        for (const QJsonValue &operation : call.body.value(QStringLiteral("operations")).toArray())
            identifiers += operation.toObject()
                               .value(QStringLiteral("create"))
                               .toObject()
                               .value(QStringLiteral("userIdentifiers"))
                               .toArray()
                               .size();
        if (identifiers > 100'000)
            return fail(call,
                        400,
                        {simpleError(QStringLiteral("offlineUserDataJobError"),
                                     QStringLiteral("TOO_MANY_USER_IDENTIFIERS"),
                                     QStringLiteral("At most 100,000 identifiers per request."))});
        job->state.insert(QStringLiteral("members"),
                          job->state.value(QStringLiteral("members")).toInteger() + identifiers);
        changes.updates.append(*job);
        m_context->store().commit(changes);
        return ok(call, QJsonObject());
    }
    job->status = QStringLiteral("SUCCESS");
    job->state.insert(QStringLiteral("status"), job->status);
    changes.updates.append(*job);
    if (auto list =
            context.find(kUserList, job->state.value(QStringLiteral("userList")).toString())) {
        const QString size =
            QString::number(job->state.value(QStringLiteral("members")).toInteger());
        list->state.insert(QStringLiteral("sizeForDisplay"), size);
        list->state.insert(QStringLiteral("sizeForSearch"), size);
        changes.updates.append(*list);
    }
    m_context->store().commit(changes);
    return ok(call,
              QJsonObject{{"name", QStringLiteral("customers/%1/operations/%2").arg(cid, job->id)},
                          {"done", false}});
}

} // namespace

std::shared_ptr<PlatformHandler> makeGoogleSimulator(std::shared_ptr<SandboxContext> context)
{
    return std::make_shared<GoogleSimulator>(std::move(context));
}

SandboxAccount defaultGoogleAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::Google;
    account.accountId = seededDigits(seed, QStringLiteral("google-account"), 10);
    account.name = QStringLiteral("Sandbox Google (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    // Simulator credentials: valid only against this loopback sandbox.
    account.accessToken =
        QStringLiteral("ya29.") + seededHex(seed, QStringLiteral("google-token"), 48);
    account.extra.insert(QStringLiteral("developerToken"),
                         seededHex(seed, QStringLiteral("google-dev"), 22));
    account.extra.insert(QStringLiteral("loginCustomerId"), QString());
    account.extra.insert(QStringLiteral("conversionActionId"),
                         seededDigits(seed, QStringLiteral("google-conv"), 9));
    return account;
}

} // namespace ads::core::sandbox
