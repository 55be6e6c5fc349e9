#include "core/Logging.h"
#include "core/api/ApiHandlers.h"
#include "core/api/ApiJson.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/SyncService.h"
#include "core/services/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <cmath>

namespace ads::core::api::handlers {

namespace {

// A year per call is plenty for tests and demos, and keeps a typo from simulating centuries.
constexpr qint64 kMaxClockAdvanceSeconds = 366LL * 24 * 3600;

const QString kOpenApiResource = QStringLiteral(":/adsdesk/api/openapi.json");

/**
 * One page of a list the service hands over whole.
 *
 * Limitation: the library services return complete lists, so the cursor is an offset into them;
 * a creative or audience added or removed between two page requests shifts later pages by one.
 */
template<typename T, typename ToJson>
QHttpServerResponse pageOf(const ApiCall &call, const QList<T> &all, ToJson toJson)
{
    const QUrlQuery query = call.request.query();
    const auto limit = pageLimit(query);
    if (!limit)
        return errorResponse(limit.error());

    qsizetype offset = 0;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const auto decoded = offsetFromCursor(query.queryItemValue(QStringLiteral("cursor")));
        if (!decoded)
            return errorResponse(fieldError(QStringLiteral("cursor"),
                                            QStringLiteral("is not a cursor from this list")));
        offset = *decoded;
    }

    QJsonArray items;
    for (qsizetype i = offset; i < all.size() && i < offset + *limit; ++i)
        items.append(toJson(all.at(i)));
    const qsizetype end = offset + *limit;
    const QJsonValue next =
        end < all.size() ? QJsonValue(offsetCursor(end)) : QJsonValue(QJsonValue::Null);
    return jsonResponse(QJsonObject{{"items", items}, {"nextCursor", next}});
}

/** The shipped document, parsed once and served compact. */
QJsonObject loadOpenApiDocument()
{
    QFile file(kOpenApiResource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcApi) << "the OpenAPI document is missing from the resources";
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QDate today(const ApiContext &context)
{
    const sandbox::SandboxHub *hub = context.workspace->sandboxHub();
    const QDateTime now = hub ? hub->now() : QDateTime::currentDateTimeUtc();
    return now.toUTC().date();
}

QHttpServerResponse health(const ApiContext &context, const ApiCall &)
{
    return jsonResponse(QJsonObject{{"status", "ok"},
                                    {"version", ADS_VERSION},
                                    {"sandbox", context.workspace->sandboxHub() != nullptr}});
}

QHttpServerResponse openApi(const ApiContext &, const ApiCall &)
{
    static const QJsonObject document = loadOpenApiDocument();
    if (document.isEmpty())
        return errorResponse(Error::make(ErrorCode::Internal, QString()));
    return jsonResponse(document);
}

QHttpServerResponse listCreatives(const ApiContext &context, const ApiCall &call)
{
    return pageOf(call, context.workspace->campaigns()->creatives(), creativeToJson);
}

QHttpServerResponse listAudiences(const ApiContext &context, const ApiCall &call)
{
    return pageOf(call, context.workspace->campaigns()->audiences(), audienceToJson);
}

QHttpServerResponse startSync(const ApiContext &context, const ApiCall &call)
{
    SyncService *sync = context.workspace->sync();
    const QString name = call.request.query().queryItemValue(QStringLiteral("platform"));
    if (name.isEmpty()) {
        sync->requestSync();
    } else {
        const auto platform = platformFromName(name);
        if (!platform)
            return errorResponse(fieldError(QStringLiteral("platform"), QStringLiteral("unknown platform")));
        sync->requestPlatformSync(*platform);
    }
    return jsonResponse(syncStatusToJson(sync->status()), StatusCode::Accepted);
}

QHttpServerResponse setSyncPolicies(const ApiContext &context, const ApiCall &call)
{
    // Every platform named is checked before any is changed, so a bad field changes nothing.
    constexpr int kMaxIntervalMinutes = 7 * 24 * 60;
    constexpr int kMaxRestatementDays = 90;
    SyncService *sync = context.workspace->sync();
    const SyncStatus current = sync->status();
    QMap<Platform, SyncPolicy> policies;
    QList<FieldError> problems;
    for (auto it = call.body.begin(); it != call.body.end(); ++it) {
        const auto platform = platformFromName(it.key());
        if (!platform || !it.value().isObject()) {
            problems.append({it.key(), QStringLiteral("must be a platform name with an object of settings")});
            continue;
        }
        SyncPolicy policy = current.platforms.value(*platform).policy;
        const QJsonObject settings = it.value().toObject();
        const auto whole = [&](const char *field, int low, int high, int *target) {
            if (!settings.contains(QLatin1String(field)))
                return;
            const QJsonValue value = settings.value(QLatin1String(field));
            const double number = value.toDouble(-1);
            if (!value.isDouble() || number != std::floor(number) || number < low || number > high) {
                problems.append({it.key() + u'.' + QLatin1String(field),
                                 QStringLiteral("must be a whole number from %1 to %2").arg(low).arg(high)});
                return;
            }
            *target = int(number);
        };
        whole("intervalMinutes", 1, kMaxIntervalMinutes, &policy.intervalMinutes);
        whole("restatementDays", 0, kMaxRestatementDays, &policy.restatementDays);
        policies.insert(*platform, policy);
    }
    if (policies.isEmpty() && problems.isEmpty())
        problems.append({QStringLiteral("body"), QStringLiteral("name at least one platform")});
    if (!problems.isEmpty())
        return errorResponse(Error::invalid(problems));

    for (auto it = policies.begin(); it != policies.end(); ++it)
        sync->setPolicy(it.key(), it.value());
    return jsonResponse(syncStatusToJson(sync->status()));
}

QHttpServerResponse syncStatus(const ApiContext &context, const ApiCall &)
{
    return jsonResponse(syncStatusToJson(context.workspace->sync()->status()));
}

QHttpServerResponse advanceSandboxClock(const ApiContext &context, const ApiCall &call)
{
    const QJsonValue value = call.body.value(QStringLiteral("advanceSeconds"));
    const double seconds = value.toDouble(-1);
    if (!value.isDouble() || seconds != std::floor(seconds) || seconds < 1
        || seconds > double(kMaxClockAdvanceSeconds)) {
        return errorResponse(
            fieldError(QStringLiteral("advanceSeconds"),
                       QStringLiteral("must be a whole number of seconds from 1 to %1")
                           .arg(kMaxClockAdvanceSeconds)));
    }

    sandbox::SandboxHub *hub = context.workspace->sandboxHub();
    hub->advanceClock(static_cast<qint64>(seconds));
    return jsonResponse(QJsonObject{{"now", toIsoUtc(hub->now())}});
}

QHttpServerResponse sandboxObjects(const ApiContext &context, const ApiCall &call)
{
    const QString name = call.request.query().queryItemValue(QStringLiteral("platform"));
    const auto platform = platformFromName(name);
    if (!platform) {
        return errorResponse(fieldError(QStringLiteral("platform"),
                                        QStringLiteral("must name a platform, e.g. facebook")));
    }
    return jsonResponse(
        QJsonObject{{"items", context.workspace->sandboxHub()->objects(*platform)}});
}

} // namespace ads::core::api::handlers
