#pragma once

#include "core/domain/Platform.h"
#include "core/sandbox/HttpMessage.h"

#include <QHash>
#include <QMutex>

namespace ads::core::sandbox {

/**
 * How one simulated platform misbehaves. The four rates are shares of requests (0..1) and
 * split a single draw per request, so together they cover at most every request; when they add
 * up to more than 1, the kinds later in the list get what is left.
 */
struct FaultProfile
{
    double errorRate = 0;      // the platform's own 5xx / transient error
    double rateLimitRate = 0;  // the platform's own throttling reply
    double timeoutRate = 0;    // not applied, never answered
    double lostReplyRate = 0;  // applied and committed, never answered
    int latencyMs = 0;         // added before every answer that is sent
    int retryAfterSeconds = 0; // the wait a throttling reply advises; 0 = no advice

    /** True when the profile changes nothing. */
    bool isNone() const;

    bool operator==(const FaultProfile &) const = default;
};

inline constexpr int kMaxFaultLatencyMs = 60000;
inline constexpr int kMaxFaultRetryAfterSeconds = 3600;

enum class FaultKind {
    None,
    Error,
    RateLimit,
    Timeout,
    LostReply,
};

/** What happens to one request. */
struct FaultDecision
{
    FaultKind kind = FaultKind::None;
    int latencyMs = 0;
    int retryAfterSeconds = 0;
    quint64 draw = 0; // the request's hash; fault replies derive their trace ids from it
};

/**
 * The fault profiles in force, per platform, and the deterministic choice for each request:
 * request n of a platform gets a hash of (seed, platform, n), so the same seed and profile give
 * the same outcomes in the same order. Setting or clearing a profile restarts that platform's
 * count. Runtime state only: nothing is persisted. Safe to use from any thread.
 */
class SandboxFaults
{
public:
    explicit SandboxFaults(quint64 seed);

    /** Replaces the platform's profile; an all-zero profile removes it. Values are clamped. */
    void set(Platform platform, const FaultProfile &profile);
    void clear();
    QHash<Platform, FaultProfile> profiles() const;

    /** Counts one request of the platform and says what happens to it. */
    FaultDecision decide(Platform platform);

private:
    mutable QMutex m_mutex;
    quint64 m_seed;
    QHash<Platform, FaultProfile> m_profiles;
    QHash<Platform, quint64> m_counters;
};

/**
 * The platform's own answer for an Error or RateLimit decision, shaped like its real failures
 * (reference/platforms/<platform>.md). accountId keys Meta's usage header when the path names no
 * ad account.
 */
SandboxReply faultReply(Platform platform,
                        const FaultDecision &decision,
                        const SandboxRequest &request,
                        const QString &accountId);

} // namespace ads::core::sandbox
