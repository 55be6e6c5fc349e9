#include "core/auth/JwtVerifier.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdlib>
#include <jwt.h>
#include <memory>

namespace ads::core {

namespace {

// A bearer token is a few hundred bytes; anything this large is not one of ours, and refusing it
// early keeps libjwt from parsing attacker-sized input.
constexpr qsizetype kMaxTokenBytes = 8 * 1024;

// Beyond year 9999 QDateTime and most clients stop making sense of a NumericDate.
constexpr double kMaxNumericDate = 253402300799.0;

struct JwtDeleter
{
    void operator()(jwt_t *jwt) const { jwt_free(jwt); }
};

using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

tl::unexpected<Error> reject(const char *reason, const QString &message)
{
    qCDebug(lcAuth) << "bearer token refused:" << reason;
    return fail(ErrorCode::Unauthorized, message, QString::fromLatin1(reason));
}

tl::unexpected<Error> malformed(const QString &message)
{
    return reject(JwtVerifier::kReasonMalformed, message);
}

/** One base64url segment of a compact JWS as a JSON object, or nullopt. */
std::optional<QJsonObject> decodeJsonSegment(const QByteArray &segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        segment,
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

/**
 * A NumericDate claim in whole seconds. Absent gives nullopt with *ok true; a value that is not a
 * finite number in range sets *ok false.
 */
std::optional<qint64> numericDate(const QJsonObject &claims, const QString &name, bool *ok)
{
    *ok = true;
    const QJsonValue value = claims.value(name);
    if (value.isUndefined())
        return std::nullopt;

    const double seconds = value.toDouble(-1.0);
    if (!value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > kMaxNumericDate) {
        *ok = false;
        return std::nullopt;
    }
    return static_cast<qint64>(std::floor(seconds));
}

/** The claims libjwt holds after it checked the signature, so nothing unverified is read. */
std::optional<QJsonObject> verifiedClaims(jwt_t *jwt)
{
    char *json = jwt_get_grants_json(jwt, nullptr);
    if (!json)
        return QJsonObject();

    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    std::free(json);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

JwtVerifier::JwtVerifier(const QString &secret, Clock clock)
    : m_key(secret.toUtf8())
    , m_clock(std::move(clock))
{}

Result<Claims> JwtVerifier::verifyAuthorization(QByteArrayView headerValue) const
{
    const QByteArray value = headerValue.toByteArray().trimmed();
    const QByteArray scheme = value.left(7);
    if (scheme.compare("Bearer ", Qt::CaseInsensitive) != 0)
        return reject(kReasonMissing, QStringLiteral("A bearer token is required."));

    return verify(value.mid(7).trimmed());
}

Result<Claims> JwtVerifier::verify(QByteArrayView token) const
{
    if (token.isEmpty())
        return reject(kReasonMissing, QStringLiteral("A bearer token is required."));
    if (token.size() > kMaxTokenBytes)
        return malformed(QStringLiteral("The bearer token is too long."));

    const QByteArray compact = token.toByteArray();
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3)
        return malformed(QStringLiteral("The bearer token is not a compact JWT."));

    // The algorithm is ours to choose: look at the header before libjwt does, so a token can
    // never talk the verifier into "none" or into using our secret as an RSA public key.
    const auto header = decodeJsonSegment(parts[0]);
    if (!header || !header->value(QStringLiteral("alg")).isString())
        return malformed(QStringLiteral("The bearer token's header is not readable."));
    if (header->value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return reject(kReasonAlgorithm, QStringLiteral("The token's algorithm is not allowed."));
    if (header->contains(QStringLiteral("crit")))
        return malformed(
            QStringLiteral("The token uses header extensions this server does not know."));
    if (!decodeJsonSegment(parts[1]))
        return malformed(QStringLiteral("The bearer token's claims are not readable."));
    if (parts[2].isEmpty())
        return reject(kReasonSignature, QStringLiteral("The token's signature is not valid."));

    return verifySigned(compact);
}

Result<Claims> JwtVerifier::verifySigned(const QByteArray &compact) const
{
    if (m_key.isEmpty())
        return reject(kReasonSignature, QStringLiteral("The server has no token secret."));

    jwt_t *raw = nullptr;
    const int rc = jwt_decode(&raw,
                              compact.constData(),
                              reinterpret_cast<const unsigned char *>(m_key.constData()),
                              static_cast<int>(m_key.size()));
    const JwtPtr jwt(raw);
    if (rc != 0 || !jwt)
        return reject(kReasonSignature, QStringLiteral("The token's signature is not valid."));

    // Belt and braces: what libjwt verified with must be what we allowed.
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return reject(kReasonAlgorithm, QStringLiteral("The token's algorithm is not allowed."));

    const auto claims = verifiedClaims(jwt.get());
    if (!claims)
        return malformed(QStringLiteral("The bearer token's claims are not readable."));
    return checkClaims(*claims);
}

Result<Claims> JwtVerifier::checkClaims(const QJsonObject &claims) const
{
    bool expOk = true;
    bool nbfOk = true;
    bool iatOk = true;
    const auto exp = numericDate(claims, QStringLiteral("exp"), &expOk);
    const auto nbf = numericDate(claims, QStringLiteral("nbf"), &nbfOk);
    const auto iat = numericDate(claims, QStringLiteral("iat"), &iatOk);
    if (!expOk || !nbfOk || !iatOk)
        return malformed(QStringLiteral("The token's time claims must be numbers of seconds."));
    if (!exp)
        return malformed(QStringLiteral("The token must carry an expiry (exp)."));

    const qint64 now = nowSeconds();
    if (now >= *exp + kLeewaySeconds)
        return reject(kReasonExpired, QStringLiteral("The token has expired."));
    if (nbf && *nbf > now + kLeewaySeconds)
        return reject(kReasonNotYetValid, QStringLiteral("The token is not valid yet."));
    if (iat && *iat > now + kLeewaySeconds)
        return reject(kReasonNotYetValid, QStringLiteral("The token was issued in the future."));

    const QJsonValue subject = claims.value(QStringLiteral("sub"));
    const QJsonValue scope = claims.value(QStringLiteral("scope"));
    if ((!subject.isUndefined() && !subject.isString())
        || (!scope.isUndefined() && !scope.isString()))
        return malformed(QStringLiteral("The token's sub and scope claims must be strings."));

    Claims result;
    result.subject = subject.toString();
    result.scopes = scope.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    result.expiresAt = QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
    return result;
}

qint64 JwtVerifier::nowSeconds() const
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return now.toSecsSinceEpoch();
}

QString mintToken(const QString &secret,
                  const QString &subject,
                  const QStringList &scopes,
                  std::chrono::seconds lifetime,
                  const QDateTime &issuedAt)
{
    const QByteArray key = secret.toUtf8();
    const qint64 iat =
        (issuedAt.isValid() ? issuedAt : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();

    jwt_t *raw = nullptr;
    if (key.isEmpty() || jwt_new(&raw) != 0)
        return {};
    const JwtPtr jwt(raw);

    int rc = 0;
    if (!subject.isEmpty())
        rc |= jwt_add_grant(jwt.get(), "sub", subject.toUtf8().constData());
    rc |= jwt_add_grant(jwt.get(), "scope", scopes.join(QLatin1Char(' ')).toUtf8().constData());
    rc |= jwt_add_grant_int(jwt.get(), "iat", static_cast<long>(iat));
    rc |= jwt_add_grant_int(jwt.get(), "exp", static_cast<long>(iat + lifetime.count()));
    rc |= jwt_set_alg(jwt.get(),
                      JWT_ALG_HS256,
                      reinterpret_cast<const unsigned char *>(key.constData()),
                      static_cast<int>(key.size()));
    if (rc != 0)
        return {};

    char *encoded = jwt_encode_str(jwt.get());
    if (!encoded)
        return {};
    const QString token = QString::fromLatin1(encoded);
    std::free(encoded);
    return token;
}

} // namespace ads::core
