#include "core/api/ApiRoutes.h"

#include "core/api/ApiHandlers.h"

namespace ads::core::api {

namespace {

using Method = QHttpServerRequest::Method;
namespace h = handlers;

QList<ApiRoute> buildRoutes()
{
    const QString c = QStringLiteral("/crm/ads/campaigns");
    const QString faults = QStringLiteral("/crm/ads/sandbox/faults");
    const QString a = QStringLiteral("/crm/ads/analytics");
    return {
        {Method::Get, "/crm/ads/health", Access::Public, false, false, h::health},
        {Method::Get, "/crm/ads/openapi.json", Access::Public, false, false, h::openApi},

        {Method::Get, c, Access::Read, false, false, h::listCampaigns},
        {Method::Post, c, Access::Write, true, false, h::createCampaign},
        {Method::Get, c + "/{id}", Access::Read, false, false, h::getCampaign},
        {Method::Put, c + "/{id}", Access::Write, true, false, h::updateCampaign},
        {Method::Delete, c + "/{id}", Access::Write, false, false, h::deleteCampaign},
        {Method::Post, c + "/launch/{id}", Access::Write, false, false, h::launchCampaign},
        {Method::Post, c + "/pause/{id}", Access::Write, false, false, h::pauseCampaign},
        {Method::Post, c + "/resume/{id}", Access::Write, false, false, h::resumeCampaign},
        {Method::Get, c + "/metrics/{id}", Access::Read, false, false, h::campaignMetrics},
        {Method::Post, c + "/validate/{id}", Access::Write, false, false, h::validateCampaign},
        {Method::Post, c + "/schedule/{id}", Access::Write, true, false, h::scheduleCampaign},
        {Method::Post, c + "/duplicate/{id}", Access::Write, true, false, h::duplicateCampaign, true},
        {Method::Post, c + "/bulk/launch", Access::Write, true, false, h::bulkLaunch},
        {Method::Post, c + "/bulk/pause", Access::Write, true, false, h::bulkPause},

        {Method::Get, "/crm/ads/creatives", Access::Read, false, false, h::listCreatives},
        {Method::Get, "/crm/ads/audiences", Access::Read, false, false, h::listAudiences},

        {Method::Get, a + "/overview", Access::Read, false, false, h::analyticsOverview},
        {Method::Get, a + "/trends", Access::Read, false, false, h::analyticsTrends},
        {Method::Get, a + "/performance", Access::Read, false, false, h::analyticsPerformance},
        {Method::Get, a + "/comparison", Access::Read, false, false, h::analyticsComparison},
        {Method::Get, "/crm/ads/fx-rates", Access::Read, false, false, h::listExchangeRates},
        {Method::Put, "/crm/ads/fx-rates", Access::Write, true, false, h::replaceExchangeRates},

        {Method::Post, "/crm/ads/sync", Access::Write, false, false, h::startSync},
        {Method::Get, "/crm/ads/sync", Access::Read, false, false, h::syncStatus},
        {Method::Put, "/crm/ads/sync/policies", Access::Write, true, false, h::setSyncPolicies},

        {Method::Post, "/crm/ads/sandbox/clock", Access::Write, true, true, h::advanceSandboxClock},
        {Method::Get, "/crm/ads/sandbox/objects", Access::Read, false, true, h::sandboxObjects},
        {Method::Get, faults, Access::Read, false, true, h::sandboxFaults},
        {Method::Put, faults, Access::Write, true, true, h::setSandboxFaults},
        {Method::Delete, faults, Access::Write, false, true, h::clearSandboxFaults},
    };
}

} // namespace

Actor ApiCall::actor() const
{
    // A token without "sub" still acts; the history then says only that it came from the API.
    const QString subject = claims.subject.isEmpty() ? QStringLiteral("api-token") : claims.subject;
    return Actor{QStringLiteral("api"), subject};
}

const QList<ApiRoute> &apiRoutes()
{
    static const QList<ApiRoute> routes = buildRoutes();
    return routes;
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

QString scopeName(Access access)
{
    switch (access) {
    case Access::Public:
        return {};
    case Access::Read:
        return QStringLiteral("ads:read");
    case Access::Write:
        return QStringLiteral("ads:write");
    }
    return {};
}

} // namespace ads::core::api
