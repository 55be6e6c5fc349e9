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

QHttpServerResponse startSync(const ApiContext &context, const ApiCall &)
{
    SyncService *sync = context.workspace->sync();
    sync->requestSync();
    return jsonResponse(syncStatusToJson(sync->status()), StatusCode::Accepted);
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
