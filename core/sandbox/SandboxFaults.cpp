#include "core/sandbox/SandboxFaults.h"

#include "core/sandbox/SandboxContext.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

// Each platform fails in its own way (reference/platforms/*.md): Meta in its Graph error object
// with usage headers, Google in google.rpc.Status with GoogleAdsFailure details, TikTok inside an
// HTTP 200 envelope, and LinkedIn, Pinterest and Snapchat in their own 4xx/5xx bodies. The fault
// replies copy those shapes so a connector's error mapping is exercised, not a generic 500.

namespace ads::core::sandbox {

namespace {

using Header = QPair<QByteArray, QByteArray>;

struct FaultInput
{
    const FaultDecision &decision;
    const SandboxRequest &request;
    const QString &accountId;
};

using Envelope = SandboxReply (*)(FaultKind kind, const FaultInput &input);

double sanitizedRate(double rate)
{
    return std::isfinite(rate) ? qBound(0.0, rate, 1.0) : 0.0;
}

QString base36(quint64 value)
{
    return QString::fromLatin1(QByteArray::number(value, 36));
}

QString hex(quint64 value, int length)
{
    return QString::number(value, 16).rightJustified(16, u'0').left(length);
}

SandboxReply metaFault(FaultKind kind, const FaultInput &input)
{
    QJsonObject error{{"type", "OAuthException"},
                      {"is_transient", true},
                      {"fbtrace_id", QString(u'A' + base36(input.decision.draw).toUpper())}};
    SandboxReply reply;
    if (kind == FaultKind::Error) {
        error.insert(QStringLiteral("code"), 2);
        error.insert(QStringLiteral("message"),
                     QStringLiteral("(#2) Service temporarily unavailable"));
        reply = SandboxReply::json(QJsonObject{{"error", error}}, 500);
    } else {
        // Ad-account calls are throttled per business use case (80004 ads management, 80000
        // insights); calls outside an account hit the user-level limit, code 17.
        static const QRegularExpression account(QStringLiteral("/act_(\\d+)(/|$)"));
        const auto match = account.match(input.request.path);
        const bool insights = input.request.path.contains(QLatin1String("/insights"));
        QString key = input.accountId;
        if (match.hasMatch()) {
            key = match.captured(1);
            error.insert(QStringLiteral("code"), insights ? 80000 : 80004);
            error.insert(QStringLiteral("message"),
                         insights ? QStringLiteral("(#80000) Too many insights calls for this ad "
                                                   "account. Wait and try again.")
                                  : QStringLiteral("(#80004) Too many calls to this ad account. "
                                                   "Wait and try again."));
        } else {
            error.insert(QStringLiteral("code"), 17);
            error.insert(QStringLiteral("error_subcode"), 2446079);
            error.insert(QStringLiteral("message"),
                         QStringLiteral("(#17) User request limit reached"));
        }
        reply = SandboxReply::json(QJsonObject{{"error", error}}, 400);

        // Meta advises the wait only through this header, in whole minutes.
        const int minutes = (input.decision.retryAfterSeconds + 59) / 60;
        const QJsonObject usage{{"type", insights ? "ads_insights" : "ads_management"},
                                {"call_count", 100},
                                {"total_cputime", 38},
                                {"total_time", 41},
                                {"estimated_time_to_regain_access", minutes},
                                {"ads_api_access_tier", "standard_access"}};
        reply.headers.append(Header(
            "x-business-use-case-usage",
            QJsonDocument(QJsonObject{{key, QJsonArray{usage}}}).toJson(QJsonDocument::Compact)));
    }
    reply.headers.append(
        Header("x-app-usage", R"({"call_count":1,"total_cputime":1,"total_time":1})"));
    return reply;
}

SandboxReply googleFault(FaultKind kind, const FaultInput &input)
{
    static const QRegularExpression versioned(QStringLiteral("^/v(\\d+)/"));
    const auto match = versioned.match(input.request.path);
    // v25 is what google.md documents; a path without a version gets its failure shape anyway.
    const QString version = match.hasMatch() ? match.captured(1) : QStringLiteral("25");
    const QString requestId = base36(input.decision.draw);

    const int http = kind == FaultKind::Error ? 503 : 429;
    QJsonObject status;
    if (kind == FaultKind::Error) {
        status = {{"code", http},
                  {"message", "The service is currently unavailable."},
                  {"status", "UNAVAILABLE"}};
    } else {
        QJsonObject quota{{"rateScope", "ACCOUNT"}, {"rateName", "Requests per customer"}};
        if (input.decision.retryAfterSeconds > 0)
            quota.insert(QStringLiteral("retryDelay"),
                         QStringLiteral("%1s").arg(input.decision.retryAfterSeconds));
        const QJsonObject failure{
            {"@type",
             QStringLiteral("type.googleapis.com/google.ads.googleads.v%1.errors.GoogleAdsFailure")
                 .arg(version)},
            {"errors",
             QJsonArray{QJsonObject{
                 {"errorCode", QJsonObject{{"quotaError", "RESOURCE_TEMPORARILY_EXHAUSTED"}}},
                 {"message", "Too many requests for this customer. Retry after the delay."},
                 {"details", QJsonObject{{"quotaErrorDetails", quota}}}}}},
            {"requestId", requestId}};
        status = {{"code", http},
                  {"message", "Resource has been exhausted for this customer."},
                  {"status", "RESOURCE_EXHAUSTED"},
                  {"details", QJsonArray{failure}}};
    }
    SandboxReply reply = SandboxReply::json(QJsonObject{{"error", status}}, http);
    reply.headers.append(Header("request-id", requestId.toLatin1()));
    return reply;
}

SandboxReply tiktokFault(FaultKind kind, const FaultInput &input)
{
    // TikTok fails inside HTTP 200 and has no wait signal at all (tiktok.md 5.3): the code is
    // the whole message, so retryAfterSeconds cannot reach the client.
    const bool error = kind == FaultKind::Error;
    const QString requestId = QString::number(input.decision.draw).rightJustified(20, u'0')
                              + hex(input.decision.draw, 6).toUpper();
    return SandboxReply::json(
        QJsonObject{{"code", error ? 50000 : 40100},
                    {"message",
                     error ? "System error, please try again later."
                           : "Requests are too frequent for this app and advertiser."},
                    {"request_id", requestId},
                    {"data", QJsonObject()}});
}

SandboxReply linkedInFault(FaultKind kind, const FaultInput &input)
{
    if (kind == FaultKind::Error) {
        return SandboxReply::json(
            QJsonObject{{"status", 500}, {"message", "Internal Server Error"}}, 500);
    }
    SandboxReply reply = SandboxReply::json(
        QJsonObject{{"status", 429},
                    {"message",
                     "Resource level throttle limit for calls to this resource is reached."}},
        429);
    // LinkedIn documents no wait hint; Retry-After is what its gateway can add, so only a
    // profile that asks for advice gets one.
    if (input.decision.retryAfterSeconds > 0)
        reply.headers.append(
            Header("retry-after", QByteArray::number(input.decision.retryAfterSeconds)));
    return reply;
}

SandboxReply pinterestFault(FaultKind kind, const FaultInput &input)
{
    if (kind == FaultKind::Error) {
        // Code 12 is Pinterest's "our end" failure; retryable whatever the HTTP status.
        return SandboxReply::json(
            QJsonObject{{"code", 12}, {"message", "Something went wrong on our end."}}, 500);
    }
    SandboxReply reply = SandboxReply::json(
        QJsonObject{{"code", 8}, {"message", "This request exceeded a rate limit."}}, 429);
    if (input.decision.retryAfterSeconds > 0)
        reply.headers.append(
            Header("x-ratelimit-reset", QByteArray::number(input.decision.retryAfterSeconds)));
    return reply;
}

SandboxReply snapchatFault(FaultKind kind, const FaultInput &input)
{
    const bool error = kind == FaultKind::Error;
    SandboxReply reply = SandboxReply::json(
        QJsonObject{{"request_status", "ERROR"},
                    {"request_id", hex(input.decision.draw, 16)},
                    {"debug_message", error ? "Internal server error" : "Too many requests"},
                    {"display_message",
                     error ? "Something went wrong. Please try again later."
                           : "You are making requests too quickly. Please slow down."}},
        error ? 500 : 429);
    // Snap promises no rate-limit headers; X-Rate-Limit-Reset is the one clients read if sent.
    if (!error && input.decision.retryAfterSeconds > 0)
        reply.headers.append(
            Header("x-rate-limit-reset", QByteArray::number(input.decision.retryAfterSeconds)));
    return reply;
}

Envelope envelopeFor(Platform platform)
{
    switch (platform) {
    case Platform::Facebook:
        return metaFault;
    case Platform::Google:
        return googleFault;
    case Platform::TikTok:
        return tiktokFault;
    case Platform::LinkedIn:
        return linkedInFault;
    case Platform::Pinterest:
        return pinterestFault;
    case Platform::Snapchat:
        return snapchatFault;
    }
    return metaFault;
}

} // namespace

bool FaultProfile::isNone() const
{
    return errorRate <= 0 && rateLimitRate <= 0 && timeoutRate <= 0 && lostReplyRate <= 0
           && latencyMs <= 0;
}

SandboxFaults::SandboxFaults(quint64 seed)
    : m_seed(seed)
{}

void SandboxFaults::set(Platform platform, const FaultProfile &profile)
{
    FaultProfile clean;
    clean.errorRate = sanitizedRate(profile.errorRate);
    clean.rateLimitRate = sanitizedRate(profile.rateLimitRate);
    clean.timeoutRate = sanitizedRate(profile.timeoutRate);
    clean.lostReplyRate = sanitizedRate(profile.lostReplyRate);
    clean.latencyMs = qBound(0, profile.latencyMs, kMaxFaultLatencyMs);
    clean.retryAfterSeconds = qBound(0, profile.retryAfterSeconds, kMaxFaultRetryAfterSeconds);

    QMutexLocker lock(&m_mutex);
    if (clean.isNone())
        m_profiles.remove(platform);
    else
        m_profiles.insert(platform, clean);
    m_counters.insert(platform, 0);
}

void SandboxFaults::clear()
{
    QMutexLocker lock(&m_mutex);
    m_profiles.clear();
    m_counters.clear();
}

QHash<Platform, FaultProfile> SandboxFaults::profiles() const
{
    QMutexLocker lock(&m_mutex);
    return m_profiles;
}

FaultDecision SandboxFaults::decide(Platform platform)
{
    QMutexLocker lock(&m_mutex);
    const qint64 number = qint64(m_counters[platform]++);
    const auto found = m_profiles.constFind(platform);
    if (found == m_profiles.cend())
        return {};

    const FaultProfile &profile = *found;
    FaultDecision decision;
    decision.latencyMs = profile.latencyMs;
    decision.retryAfterSeconds = profile.retryAfterSeconds;
    decision.draw = stableHash(m_seed, QStringLiteral("fault:") + platformName(platform), number);

    // One uniform draw in [0, 1) from the top 53 bits, split in the profile's order.
    const double draw = double(decision.draw >> 11) / double(quint64(1) << 53);
    double edge = profile.errorRate;
    if (draw < edge)
        decision.kind = FaultKind::Error;
    else if (draw < (edge += profile.rateLimitRate))
        decision.kind = FaultKind::RateLimit;
    else if (draw < (edge += profile.timeoutRate))
        decision.kind = FaultKind::Timeout;
    else if (draw < (edge += profile.lostReplyRate))
        decision.kind = FaultKind::LostReply;
    return decision;
}

SandboxReply faultReply(Platform platform,
                        const FaultDecision &decision,
                        const SandboxRequest &request,
                        const QString &accountId)
{
    return envelopeFor(platform)(decision.kind, FaultInput{decision, request, accountId});
}

} // namespace ads::core::sandbox
