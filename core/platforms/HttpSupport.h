#pragma once

#include "core/platforms/PlatformConnector.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPair>
#include <QString>

#include <functional>

class QHttpMultiPart;

namespace ads::core::net {

/** Ordered name=value pairs for query strings and form bodies. */
using Params = QList<QPair<QString, QString>>;

/** What came back from one HTTP exchange, before any platform reads it. */
struct HttpOutcome
{
    int status = 0;                    // HTTP status; 0 when no response arrived
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    bool sent = false;                 // the request left this machine completely
    bool timedOut = false;
    QString networkError;              // Qt's words, for logs only
};

using HttpCallback = std::function<void(const HttpOutcome &)>;

/** One request with the connector's timeout. Exactly one of body or multipart is used. */
struct HttpCall
{
    QByteArray verb = "GET";
    QNetworkRequest request;
    QByteArray body;
    QHttpMultiPart *multipart = nullptr; // ownership passes to the reply
    // Sending it twice leaves the same state (a status change). GET, PUT, PATCH and DELETE are
    // idempotent by HTTP's definition whatever this says.
    bool idempotent = false;
};

/**
 * Sends the call and reports the outcome once, on context's thread. A transfer timeout is set on
 * every request. The callback is dropped if context dies first.
 */
void send(QNetworkAccessManager *nam, HttpCall call, int timeoutMs, QObject *context,
          HttpCallback done);

/**
 * The failure of an exchange that got no HTTP response, or nullopt when a response arrived.
 * Refused before sending is Transient; a timeout or reset after sending is UnknownOutcome,
 * because the platform may have acted on the request.
 */
std::optional<PlatformError> transportFailure(const HttpOutcome &outcome);

/** application/x-www-form-urlencoded, every reserved character escaped (also '+'). */
QByteArray formEncode(const Params &fields);

/** Compact JSON text of an object or array, as sent inside form fields and query strings. */
QString compactJson(const QJsonValue &value);

/**
 * A platform id from JSON. Strings are kept as they are; integer literals are taken exactly
 * (Qt 6 keeps them as int64); anything that went through a double is refused (empty result).
 */
QString idFromJson(const QJsonValue &value);

/** An integer count from a JSON string or number; false when it is neither. */
bool countFromJson(const QJsonValue &value, qint64 *out);

/** Micros from a decimal string or a JSON number in major units; false when unreadable. */
bool microsFromJson(const QJsonValue &value, qint64 *out);

/** True for a report value that stands for "nothing": absent, null, "" or "-" (TikTok's placeholder). */
bool isBlankMetric(const QJsonValue &value);

/**
 * A report count: a JSON integer, an integer string, or a decimal with only zeros after the point.
 * A blank value is 0; anything else is refused.
 */
bool metricCount(const QJsonValue &value, qint64 *out);

/**
 * A report amount in major units (money, or a conversion count that attribution made fractional)
 * as micros, from a decimal string or a JSON number, exactly. A blank value is 0. More than six
 * decimals are rounded half away from zero to the micro; exponents and other text are refused.
 */
bool metricMicros(const QJsonValue &value, qint64 *out);

/** How a platform counts the length of a text. */
enum class TextCount {
    CodePoints,  // each Unicode code point counts 1
    WideAsTwo,   // East Asian wide characters (CJK, kana, hangul, full-width forms) count 2
    Utf8Bytes,   // the length of the UTF-8 encoding
};

int textLength(const QString &text, TextCount rule);

/** True when the text holds a pictographic emoji, which some platforms refuse in ad text. */
bool containsEmoji(const QString &text);

/**
 * "<campaign name> [ads:<campaignId>/<stepKey>]" within maxLength as the platform counts it.
 * The campaign name part is shortened, never the tag.
 */
QString taggedName(const QString &campaignName, const QString &tag, int maxLength, TextCount rule);

/** The bytes of a rendition file (a path or a ":/" resource); empty with *error set on failure. */
QByteArray readRendition(const QString &path, QString *error);

/** Width over height of a rendition, 0 when it has no size. */
double aspectOf(const Rendition &rendition);

/** True when the rendition's ratio is within tolerance (0.03 = 3 %) of width:height. */
bool ratioNear(const Rendition &rendition, double width, double height, double tolerance);

/**
 * The failure for an HTTP answer that carries no platform envelope (a storage upload, a gateway):
 * 429 is a rate limit (with its Retry-After), 408 and 5xx are transient, 401 is auth, the rest
 * permanent. The status goes into platformCode.
 */
PlatformError statusFailure(const HttpOutcome &outcome, const QString &code, const QString &message);

/** Seconds from a retry hint, clamped to sane bounds. */
int clampRetrySeconds(qint64 seconds);

/** A PlatformError in one line, for callers that need to build one. */
PlatformError makeError(FailureKind kind, const QString &code, const QString &message,
                        const QString &platformCode = {}, const QString &platformMessage = {},
                        int retryAfterSeconds = -1);

} // namespace ads::core::net
