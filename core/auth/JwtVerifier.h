#pragma once

#include "core/domain/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace ads::core {

/** What a verified bearer token says about its holder. */
struct Claims
{
    QString subject;     // the "sub" claim; empty when the token has none
    QStringList scopes;  // the "scope" claim split on spaces, e.g. {"ads:read", "ads:write"}
    QDateTime expiresAt; // UTC

    bool hasScope(QStringView scope) const { return scopes.contains(scope); }
};

/**
 * Checks the local API's bearer tokens: HS256 with one shared secret, nothing else.
 *
 * The allowed algorithm is fixed here and never taken from the token: the header's "alg" is read
 * before libjwt sees the token, and anything but HS256 ("none", HS512, RS256, ...) is refused.
 * libjwt then checks the signature. "exp" is required; "nbf" and "iat" are honoured with
 * kLeewaySeconds of clock skew, and an "iat" further in the future than that is refused.
 *
 * Every failure is ErrorCode::Unauthorized with a distinct message; Error::detail holds a short
 * stable reason (one of the kReason* names) for logs and tests. Thread-safe: verify() is const
 * and keeps no state between calls.
 */
class JwtVerifier
{
public:
    using Clock = std::function<QDateTime()>;

    static constexpr qint64 kLeewaySeconds = 60;

    static constexpr auto kReasonMissing = "missing";
    static constexpr auto kReasonMalformed = "malformed";
    static constexpr auto kReasonAlgorithm = "algorithm_not_allowed";
    static constexpr auto kReasonSignature = "bad_signature";
    static constexpr auto kReasonExpired = "expired";
    static constexpr auto kReasonNotYetValid = "not_yet_valid";

    /** An empty secret makes every token fail. The clock defaults to the system's UTC time. */
    explicit JwtVerifier(const QString &secret, Clock clock = {});

    /** Verifies a compact JWS (the part after "Bearer "). */
    Result<Claims> verify(QByteArrayView token) const;

    /** Verifies the value of an Authorization header; anything but "Bearer <token>" is missing. */
    Result<Claims> verifyAuthorization(QByteArrayView headerValue) const;

private:
    Result<Claims> verifySigned(const QByteArray &compact) const;
    Result<Claims> checkClaims(const QJsonObject &claims) const;
    qint64 nowSeconds() const;

    QByteArray m_key;
    Clock m_clock;
};

/**
 * Signs an HS256 token with libjwt carrying sub, scope (space-separated), iat and exp. For tests,
 * the GUI's "copy a token" button and the README's examples. issuedAt defaults to now. Returns an
 * empty string when libjwt fails (it only does on allocation failure or an empty secret).
 */
QString mintToken(const QString &secret,
                  const QString &subject,
                  const QStringList &scopes,
                  std::chrono::seconds lifetime,
                  const QDateTime &issuedAt = {});

} // namespace ads::core
