#include "core/api/ApiHandlers.h"
#include "core/api/ApiJson.h"
#include "core/services/Workspace.h"

#include <QJsonArray>

namespace ads::core::api::handlers {

namespace {

// Bulk actions are bounded so one request cannot hold the API thread for long.
constexpr int kMaxBulkCampaigns = 500;

CampaignService &service(const ApiContext &context)
{
    return *context.workspace->campaigns();
}

Result<QDateTime> readInstant(const QJsonObject &body, const QString &field, bool required)
{
    const QJsonValue value = body.value(field);
    if ((value.isUndefined() || value.isNull()) && !required)
        return QDateTime();
    QDateTime instant = value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs)
                                         : QDateTime();
    if (!instant.isValid())
        return fail(fieldError(field, QStringLiteral("must be an ISO 8601 date and time, e.g. 2026-11-27T00:00:00Z")));
    if (instant.timeSpec() == Qt::LocalTime)
        instant.setTimeSpec(Qt::UTC); // no offset written: read as UTC, as campaign bodies are
    return instant.toUTC();
}

Result<QStringList> readCampaignIds(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("campaignIds"));
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(fieldError(QStringLiteral("campaignIds"), QStringLiteral("must be a non-empty array of ids")));
    const QJsonArray array = value.toArray();
    if (array.size() > kMaxBulkCampaigns)
        return fail(fieldError(QStringLiteral("campaignIds"),
                               QStringLiteral("may hold at most %1 ids").arg(kMaxBulkCampaigns)));
    QStringList ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            return fail(fieldError(QStringLiteral("campaignIds[%1]").arg(i), QStringLiteral("must be a string")));
        if (!ids.contains(array.at(i).toString()))
            ids.append(array.at(i).toString());
    }
    return ids;
}

QJsonObject errorJson(const Error &error)
{
    QJsonArray fields;
    for (const FieldError &field : error.fields)
        fields.append(QJsonObject{{"field", field.field}, {"message", field.message}});
    return {{"code", errorCodeName(error.code)}, {"message", error.message}, {"fields", fields}};
}

QHttpServerResponse bulkResponse(const QList<BulkOutcome> &outcomes)
{
    QJsonArray items;
    int accepted = 0;
    for (const BulkOutcome &outcome : outcomes) {
        QJsonObject item{{"campaignId", outcome.campaignId}};
        if (outcome.result) {
            ++accepted;
            item.insert("status", int(StatusCode::Accepted));
            item.insert("campaign", campaignToJson(*outcome.result));
        } else {
            item.insert("status", int(httpStatus(outcome.result.error().code)));
            item.insert("error", errorJson(outcome.result.error()));
        }
        items.append(item);
    }
    return jsonResponse(QJsonObject{{"accepted", accepted}, {"items", items}}, StatusCode::MultiStatus);
}

} // namespace

QHttpServerResponse validateCampaign(const ApiContext &context, const ApiCall &call)
{
    const auto check = service(context).checkLaunch(call.id);
    if (!check)
        return errorResponse(check.error());
    return jsonResponse(launchCheckToJson(*check));
}

QHttpServerResponse scheduleCampaign(const ApiContext &context, const ApiCall &call)
{
    const auto start = readInstant(call.body, QStringLiteral("startAt"), true);
    const auto end = readInstant(call.body, QStringLiteral("endAt"), false);
    if (!start || !end) {
        QList<FieldError> fields;
        if (!start)
            fields += start.error().fields;
        if (!end)
            fields += end.error().fields;
        return errorResponse(Error::invalid(fields));
    }
    const auto scheduled = service(context).scheduleCampaign(call.id, Schedule{*start, *end}, call.actor());
    if (!scheduled)
        return errorResponse(scheduled.error());
    return jsonResponse(campaignToJson(*scheduled));
}

QHttpServerResponse duplicateCampaign(const ApiContext &context, const ApiCall &call)
{
    const auto copy = service(context).duplicateCampaign(call.id, call.body, call.actor());
    if (!copy)
        return errorResponse(copy.error());
    QHttpServerResponse response = jsonResponse(campaignToJson(*copy), StatusCode::Created);
    response.setHeader("Location", QStringLiteral("/crm/ads/campaigns/%1").arg(copy->id).toUtf8());
    return response;
}

QHttpServerResponse bulkLaunch(const ApiContext &context, const ApiCall &call)
{
    const auto ids = readCampaignIds(call.body);
    if (!ids)
        return errorResponse(ids.error());
    return bulkResponse(service(context).bulkLaunch(*ids, call.actor()));
}

QHttpServerResponse bulkPause(const ApiContext &context, const ApiCall &call)
{
    const auto ids = readCampaignIds(call.body);
    if (!ids)
        return errorResponse(ids.error());
    return bulkResponse(service(context).bulkPause(*ids, call.actor()));
}

} // namespace ads::core::api::handlers
