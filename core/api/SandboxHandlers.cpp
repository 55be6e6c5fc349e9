#include "core/api/ApiHandlers.h"
#include "core/api/ApiJson.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/Workspace.h"

#include <QJsonArray>

#include <cmath>

// The sandbox's fault profiles over the API: what tests switch on to watch connectors cope with
// 5xx, throttling, timeouts and lost replies. Only the routes' sandboxOnly flag lets these run,
// so the hub is always there.

namespace ads::core::api::handlers {

namespace {

using sandbox::FaultProfile;

const QStringList kRateFields = {QStringLiteral("errorRate"),
                                 QStringLiteral("rateLimitRate"),
                                 QStringLiteral("timeoutRate"),
                                 QStringLiteral("lostReplyRate")};
const QString kLatency = QStringLiteral("latencyMs");
const QString kRetryAfter = QStringLiteral("retryAfterSeconds");

double *rateField(FaultProfile &profile, const QString &name)
{
    if (name == kRateFields[0])
        return &profile.errorRate;
    if (name == kRateFields[1])
        return &profile.rateLimitRate;
    if (name == kRateFields[2])
        return &profile.timeoutRate;
    return &profile.lostReplyRate;
}

QJsonObject profileToJson(const FaultProfile &profile)
{
    return QJsonObject{{"errorRate", profile.errorRate},
                       {"rateLimitRate", profile.rateLimitRate},
                       {"timeoutRate", profile.timeoutRate},
                       {"lostReplyRate", profile.lostReplyRate},
                       {"latencyMs", profile.latencyMs},
                       {"retryAfterSeconds", profile.retryAfterSeconds}};
}

QJsonObject faultsToJson(const QHash<Platform, FaultProfile> &faults)
{
    QJsonObject result;
    for (auto it = faults.begin(); it != faults.end(); ++it)
        result.insert(platformName(it.key()), profileToJson(it.value()));
    return result;
}

/** A whole number in [0, max], or nullopt. */
std::optional<int> wholeNumber(const QJsonValue &value, int max)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 0 || number > max)
        return std::nullopt;
    return int(number);
}

/** One platform's settings; every wrong field is added to errors as "<platform>.<field>". */
FaultProfile readProfile(const QString &platform,
                         const QJsonObject &json,
                         QList<FieldError> *errors)
{
    FaultProfile profile;
    double rateSum = 0;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString field = platform + u'.' + it.key();
        if (kRateFields.contains(it.key())) {
            const double rate = it.value().toDouble(-1);
            if (!it.value().isDouble() || rate < 0 || rate > 1) {
                errors->append({field, QStringLiteral("must be a number from 0 to 1")});
                continue;
            }
            *rateField(profile, it.key()) = rate;
            rateSum += rate;
        } else if (it.key() == kLatency) {
            const auto latency = wholeNumber(it.value(), sandbox::kMaxFaultLatencyMs);
            if (!latency)
                errors->append({field,
                                QStringLiteral("must be a whole number of milliseconds from 0 "
                                               "to %1")
                                    .arg(sandbox::kMaxFaultLatencyMs)});
            profile.latencyMs = latency.value_or(0);
        } else if (it.key() == kRetryAfter) {
            const auto wait = wholeNumber(it.value(), sandbox::kMaxFaultRetryAfterSeconds);
            if (!wait)
                errors->append({field,
                                QStringLiteral("must be a whole number of seconds from 0 to %1")
                                    .arg(sandbox::kMaxFaultRetryAfterSeconds)});
            profile.retryAfterSeconds = wait.value_or(0);
        } else {
            errors->append({field, QStringLiteral("is not a fault setting")});
        }
    }
    // One draw per request is split between the four kinds, so their shares cannot pass 1.
    if (rateSum > 1 + 1e-9)
        errors->append({platform, QStringLiteral("has rates that add up to more than 1")});
    return profile;
}

} // namespace

QHttpServerResponse sandboxFaults(const ApiContext &context, const ApiCall &)
{
    return jsonResponse(faultsToJson(context.workspace->sandboxHub()->faults()));
}

QHttpServerResponse setSandboxFaults(const ApiContext &context, const ApiCall &call)
{
    sandbox::SandboxHub *hub = context.workspace->sandboxHub();
    const QList<Platform> served = hub->platforms();
    QList<FieldError> errors;
    QList<QPair<Platform, FaultProfile>> profiles;
    for (auto it = call.body.begin(); it != call.body.end(); ++it) {
        const auto platform = platformFromName(it.key());
        if (!platform || !served.contains(*platform)) {
            QStringList names;
            for (Platform known : served)
                names.append(platformName(known));
            errors.append({it.key(),
                           QStringLiteral("is not a sandbox platform; use %1")
                               .arg(names.join(QStringLiteral(", ")))});
            continue;
        }
        if (!it.value().isObject()) {
            errors.append({it.key(), QStringLiteral("must be an object of fault settings")});
            continue;
        }
        profiles.append({*platform, readProfile(it.key(), it.value().toObject(), &errors)});
    }
    if (!errors.isEmpty())
        return errorResponse(Error::invalid(errors));

    // PUT replaces the whole set: a platform the body leaves out answers normally again.
    hub->clearFaults();
    for (const auto &[platform, profile] : profiles)
        hub->setFaults(platform, profile);
    return jsonResponse(faultsToJson(hub->faults()));
}

QHttpServerResponse clearSandboxFaults(const ApiContext &context, const ApiCall &)
{
    context.workspace->sandboxHub()->clearFaults();
    return QHttpServerResponse(StatusCode::NoContent);
}

} // namespace ads::core::api::handlers
