#include "core/api/ApiHandlers.h"
#include "core/api/ApiJson.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <cmath>

namespace ads::core::api::handlers {

namespace {

// Only the API offers the last 30 days as a default; the service takes any range.
constexpr int kDefaultMetricsDays = 30;

CampaignService &service(const ApiContext &context)
{
    return *context.workspace->campaigns();
}

QByteArray location(const QString &id)
{
    return QStringLiteral("/crm/ads/campaigns/%1").arg(id).toUtf8();
}

QHttpServerResponse campaignResponse(const Result<Campaign> &result, StatusCode status)
{
    if (!result)
        return errorResponse(result.error());
    return jsonResponse(campaignToJson(*result), status);
}

/** The spec from a body, or the field errors found so far (merged with *fields). */
std::optional<CampaignSpec> readSpec(const QJsonObject &body,
                                     QList<FieldError> *fields,
                                     Error *other)
{
    auto spec = campaignSpecFromJson(body);
    if (spec)
        return *spec;
    if (spec.error().code != ErrorCode::InvalidInput)
        *other = spec.error();
    fields->append(spec.error().fields);
    return std::nullopt;
}

/** A client-chosen id on create: absent or null means the service makes one. */
QString readRequestedId(const QJsonObject &body, QList<FieldError> *fields)
{
    const QJsonValue id = body.value(QStringLiteral("id"));
    if (id.isUndefined() || id.isNull())
        return {};
    if (!id.isString() || !isValidRecordId(id.toString())) {
        fields->append({QStringLiteral("id"),
                        QStringLiteral("must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -")});
        return {};
    }
    return id.toString();
}

/** The version a PUT expects to replace: absent or null means "whatever is stored". */
std::optional<int> readExpectedVersion(const QJsonObject &body, QList<FieldError> *fields)
{
    const QJsonValue version = body.value(QStringLiteral("version"));
    if (version.isUndefined() || version.isNull())
        return std::nullopt;

    const double value = version.toDouble(-1);
    if (!version.isDouble() || value != std::floor(value) || value < 1 || value > INT_MAX) {
        fields->append(
            {QStringLiteral("version"), QStringLiteral("must be a whole number from 1")});
        return std::nullopt;
    }
    return static_cast<int>(value);
}

/**
 * The 422 (or other parse failure) for a body the API refused before the service saw it. When
 * the spec itself parsed, the service's own checks are added, so one answer names every field.
 */
QHttpServerResponse refuse(const ApiContext &context,
                           const std::optional<CampaignSpec> &spec,
                           const Error &other,
                           QList<FieldError> fields)
{
    if (other.code != ErrorCode::InvalidInput)
        return errorResponse(other);
    if (spec)
        fields.append(service(context).validate(*spec));
    return errorResponse(Error::invalid(fields));
}

} // namespace

QHttpServerResponse listCampaigns(const ApiContext &context, const ApiCall &call)
{
    const QUrlQuery query = call.request.query();
    const auto limit = pageLimit(query);
    if (!limit)
        return errorResponse(limit.error());

    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    const auto page = service(context).listCampaigns(*limit, cursor);
    if (!page)
        return errorResponse(page.error());

    QJsonArray items;
    for (const Campaign &campaign : page->items)
        items.append(campaignToJson(campaign));
    const QJsonValue next =
        page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor);
    return jsonResponse(QJsonObject{{"items", items}, {"nextCursor", next}});
}

QHttpServerResponse createCampaign(const ApiContext &context, const ApiCall &call)
{
    QList<FieldError> fields;
    Error other = Error::invalid({});
    const auto spec = readSpec(call.body, &fields, &other);
    const QString requestedId = readRequestedId(call.body, &fields);
    if (!spec || !fields.isEmpty())
        return refuse(context, spec, other, fields);

    const auto created = service(context).createCampaign(*spec, call.actor(), requestedId);
    if (!created)
        return errorResponse(created.error());

    QHttpServerResponse response = jsonResponse(campaignToJson(*created), StatusCode::Created);
    response.setHeader("Location", location(created->id));
    return response;
}

QHttpServerResponse getCampaign(const ApiContext &context, const ApiCall &call)
{
    return campaignResponse(service(context).campaign(call.id), StatusCode::Ok);
}

QHttpServerResponse updateCampaign(const ApiContext &context, const ApiCall &call)
{
    QList<FieldError> fields;
    Error other = Error::invalid({});
    const auto spec = readSpec(call.body, &fields, &other);
    const auto expected = readExpectedVersion(call.body, &fields);
    if (!spec || !fields.isEmpty())
        return refuse(context, spec, other, fields);

    const auto updated = service(context).updateCampaign(call.id, *spec, expected, call.actor());
    return campaignResponse(updated, StatusCode::Ok);
}

QHttpServerResponse deleteCampaign(const ApiContext &context, const ApiCall &call)
{
    bool pending = false;
    const Status deleted = service(context).deleteCampaign(call.id, call.actor(), &pending);
    if (!deleted)
        return errorResponse(deleted.error());
    if (!pending)
        return QHttpServerResponse(StatusCode::NoContent);

    // Live on its platforms: it is being switched off there first; the record goes after.
    const auto campaign = service(context).campaign(call.id);
    return campaign ? jsonResponse(campaignToJson(*campaign), StatusCode::Accepted)
                    : QHttpServerResponse(StatusCode::NoContent);
}

QHttpServerResponse launchCampaign(const ApiContext &context, const ApiCall &call)
{
    return campaignResponse(service(context).launch(call.id, call.actor()), StatusCode::Accepted);
}

QHttpServerResponse pauseCampaign(const ApiContext &context, const ApiCall &call)
{
    return campaignResponse(service(context).pause(call.id, call.actor()), StatusCode::Accepted);
}

QHttpServerResponse resumeCampaign(const ApiContext &context, const ApiCall &call)
{
    return campaignResponse(service(context).resume(call.id, call.actor()), StatusCode::Accepted);
}

QHttpServerResponse campaignMetrics(const ApiContext &context, const ApiCall &call)
{
    const QUrlQuery query = call.request.query();
    const auto from = dateParameter(query, QStringLiteral("from"));
    const auto to = dateParameter(query, QStringLiteral("to"));
    if (!from || !to) {
        QList<FieldError> fields;
        for (const auto *result : {&from, &to}) {
            if (!*result)
                fields.append(result->error().fields);
        }
        return errorResponse(Error::invalid(fields));
    }

    const QDate last = to->value_or(today(context));
    const QDate first = from->value_or(last.addDays(1 - kDefaultMetricsDays));
    if (first > last)
        return errorResponse(
            fieldError(QStringLiteral("from"), QStringLiteral("must not be after to")));

    const QString currency = query.queryItemValue(QStringLiteral("currency")).trimmed().toUpper();
    const QString granularity = query.hasQueryItem(QStringLiteral("granularity"))
                                    ? query.queryItemValue(QStringLiteral("granularity"))
                                    : QStringLiteral("day");
    const auto metrics = service(context).metrics(call.id, first, last, currency, granularity);
    if (!metrics)
        return errorResponse(metrics.error());
    return jsonResponse(campaignMetricsToJson(*metrics));
}

} // namespace ads::core::api::handlers
