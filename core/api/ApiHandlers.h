#pragma once

#include "core/api/ApiRoutes.h"

// Internal to core/api: one function per route. Each parses, calls one service and maps the
// result; no rule about campaigns lives here.

namespace ads::core::api::handlers {

QHttpServerResponse health(const ApiContext &context, const ApiCall &call);
QHttpServerResponse openApi(const ApiContext &context, const ApiCall &call);

QHttpServerResponse listCampaigns(const ApiContext &context, const ApiCall &call);
QHttpServerResponse createCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse getCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse updateCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse deleteCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse launchCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse pauseCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse resumeCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse campaignMetrics(const ApiContext &context, const ApiCall &call);
QHttpServerResponse validateCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse scheduleCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse duplicateCampaign(const ApiContext &context, const ApiCall &call);
QHttpServerResponse bulkLaunch(const ApiContext &context, const ApiCall &call);
QHttpServerResponse bulkPause(const ApiContext &context, const ApiCall &call);

QHttpServerResponse listCreatives(const ApiContext &context, const ApiCall &call);
QHttpServerResponse listAudiences(const ApiContext &context, const ApiCall &call);

QHttpServerResponse analyticsOverview(const ApiContext &context, const ApiCall &call);
QHttpServerResponse analyticsTrends(const ApiContext &context, const ApiCall &call);
QHttpServerResponse analyticsPerformance(const ApiContext &context, const ApiCall &call);
QHttpServerResponse analyticsComparison(const ApiContext &context, const ApiCall &call);
QHttpServerResponse setSyncPolicies(const ApiContext &context, const ApiCall &call);
QHttpServerResponse listExchangeRates(const ApiContext &context, const ApiCall &call);
QHttpServerResponse replaceExchangeRates(const ApiContext &context, const ApiCall &call);

QHttpServerResponse startSync(const ApiContext &context, const ApiCall &call);
QHttpServerResponse syncStatus(const ApiContext &context, const ApiCall &call);

QHttpServerResponse advanceSandboxClock(const ApiContext &context, const ApiCall &call);
QHttpServerResponse sandboxObjects(const ApiContext &context, const ApiCall &call);
QHttpServerResponse sandboxFaults(const ApiContext &context, const ApiCall &call);
QHttpServerResponse setSandboxFaults(const ApiContext &context, const ApiCall &call);
QHttpServerResponse clearSandboxFaults(const ApiContext &context, const ApiCall &call);

} // namespace ads::core::api::handlers

namespace ads::core::api::handlers {

/** Today in UTC, on the sandbox's clock when the workspace runs the sandbox. */
QDate today(const ApiContext &context);

} // namespace ads::core::api::handlers
