#include "core/platforms/HttpSupport.h"

#include "core/Logging.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>

#include <array>
#include <charconv>
#include <cmath>

namespace ads::core::net {

namespace {

bool isWide(uint c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool isEmoji(uint c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || c == 0x2B50
        || c == 0x2B55 || c == 0xFE0F;
}

HttpOutcome collect(QNetworkReply *reply, bool sent, bool timedOut)
{
    HttpOutcome outcome;
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        outcome.body = reply->readAll();
    outcome.sent = sent || outcome.status != 0;
    outcome.timedOut = timedOut;
    for (const auto &pair : reply->rawHeaderPairs())
        outcome.headers.insert(pair.first.toLower(), pair.second);
    if (reply->error() != QNetworkReply::NoError)
        outcome.networkError = reply->errorString();
    return outcome;
}

} // namespace

void send(QNetworkAccessManager *nam, HttpCall call, int timeoutMs, QObject *context,
          HttpCallback done)
{
    call.request.setTransferTimeout(timeoutMs);
    // Redirects could carry our auth headers to another host; platforms do not redirect API calls.
    call.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                              QNetworkRequest::ManualRedirectPolicy);

    QNetworkReply *reply = nullptr;
    if (call.multipart) {
        reply = nam->sendCustomRequest(call.request, call.verb, call.multipart);
        call.multipart->setParent(reply);
    } else if (call.verb == "GET") {
        reply = nam->get(call.request);
    } else {
        reply = nam->sendCustomRequest(call.request, call.verb, call.body);
    }

    // requestSent tells a refused connection (nothing reached the platform) from a lost answer.
    auto sent = std::make_shared<bool>(false);
    QObject::connect(reply, &QNetworkReply::requestSent, reply, [sent] { *sent = true; });
    QPointer<QObject> guard(context);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, sent, guard, done] {
        reply->deleteLater();
        const auto error = reply->error();
        // Qt reports a transfer timeout as an abort; we never abort requests ourselves.
        const bool timedOut = error == QNetworkReply::OperationCanceledError
            || error == QNetworkReply::TimeoutError;
        if (guard)
            done(collect(reply, *sent, timedOut));
    });
}

std::optional<PlatformError> transportFailure(const HttpOutcome &outcome)
{
    if (outcome.status != 0)
        return std::nullopt;

    if (!outcome.sent) {
        return makeError(FailureKind::Transient, QStringLiteral("network_error"),
                         QStringLiteral("The platform could not be reached. Nothing was sent."),
                         {}, outcome.networkError);
    }
    if (outcome.timedOut) {
        return makeError(FailureKind::UnknownOutcome, QStringLiteral("timeout"),
                         QStringLiteral("The platform did not answer in time; the change may or "
                                        "may not have been made."),
                         {}, outcome.networkError);
    }
    return makeError(FailureKind::UnknownOutcome, QStringLiteral("connection_lost"),
                     QStringLiteral("The connection broke after the request was sent; the change "
                                    "may or may not have been made."),
                     {}, outcome.networkError);
}

QByteArray formEncode(const Params &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QString compactJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray())
                                              : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QString idFromJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (!value.isDouble())
        return {};

    // Qt 6 stores integer literals that fit in int64 exactly; the variant tells them apart.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return QString::number(variant.toLongLong());

    const double d = value.toDouble();
    constexpr double kExactLimit = 9007199254740992.0; // 2^53
    if (std::floor(d) == d && std::fabs(d) < kExactLimit)
        return QString::number(qint64(d));
    return {};
}

bool countFromJson(const QJsonValue &value, qint64 *out)
{
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            *out = n;
        return ok;
    }
    const QString id = idFromJson(value);
    if (id.isEmpty())
        return false;
    *out = id.toLongLong();
    return true;
}

bool microsFromJson(const QJsonValue &value, qint64 *out)
{
    if (!value.isString() && !value.isDouble())
        return false;

    const Result<qint64> parsed = value.isString()
        ? money::parseDecimal(value.toString().trimmed())
        : money::fromJsonNumber(value.toDouble());
    if (!parsed)
        return false;
    *out = *parsed;
    return true;
}

bool isBlankMetric(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return false;
    const QString text = value.toString().trimmed();
    return text.isEmpty() || text == u"-";
}

namespace {

// The decimal a JSON number was written as: integers exactly, doubles as their shortest
// round-trip text (the literal the sender wrote, up to 17 significant digits).
QString numberText(const QJsonValue &value)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return QString::number(variant.toLongLong());
    const double d = value.toDouble();
    std::array<char, 400> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d,
                                         std::chars_format::fixed);
    if (!std::isfinite(d) || ec != std::errc())
        return {};
    return QString::fromLatin1(buffer.data(), end - buffer.data());
}

// Decimal text to micros; a seventh decimal of 5 or more rounds the last micro away from zero.
bool roundedMicros(const QString &text, qint64 *out)
{
    constexpr int kKeptDecimals = 6;
    const qsizetype dot = text.indexOf(u'.');
    const qsizetype cut = dot + 1 + kKeptDecimals;
    if (dot < 0 || text.size() <= cut) {
        const Result<qint64> exact = money::parseDecimal(text);
        if (exact)
            *out = *exact;
        return exact.has_value();
    }
    for (qsizetype i = cut; i < text.size(); ++i) {
        if (!text.at(i).isDigit())
            return false;
    }
    const Result<qint64> kept = money::parseDecimal(QStringView(text).left(cut));
    if (!kept)
        return false;
    const qint64 away = text.startsWith(u'-') ? -1 : 1;
    *out = *kept + (text.at(cut) >= u'5' ? away : 0);
    return true;
}

} // namespace

bool metricCount(const QJsonValue &value, qint64 *out)
{
    if (isBlankMetric(value)) {
        *out = 0;
        return true;
    }
    if (countFromJson(value, out))
        return true;
    qint64 micros = 0;
    if (!metricMicros(value, &micros) || micros % money::kMicrosPerUnit != 0)
        return false;
    *out = micros / money::kMicrosPerUnit;
    return true;
}

bool metricMicros(const QJsonValue &value, qint64 *out)
{
    if (isBlankMetric(value)) {
        *out = 0;
        return true;
    }
    if (!value.isString() && !value.isDouble())
        return false;
    const QString text = value.isString() ? value.toString().trimmed() : numberText(value);
    return !text.isEmpty() && roundedMicros(text, out);
}

int textLength(const QString &text, TextCount rule)
{
    int length = 0;
    if (rule == TextCount::Utf8Bytes)
        return int(text.toUtf8().size());
    for (const uint c : text.toUcs4())
        length += (rule == TextCount::WideAsTwo && isWide(c)) ? 2 : 1;
    return length;
}

bool containsEmoji(const QString &text)
{
    for (const uint c : text.toUcs4()) {
        if (isEmoji(c))
            return true;
    }
    return false;
}

QString taggedName(const QString &campaignName, const QString &tag, int maxLength, TextCount rule)
{
    const int room = maxLength - textLength(tag, rule) - 1;
    if (room <= 0)
        return tag;

    QList<uint> name = campaignName.trimmed().toUcs4();
    const auto text = [&name] {
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(name.constData()), name.size());
    };
    while (!name.isEmpty() && textLength(text(), rule) > room)
        name.removeLast();
    const QString head = text().trimmed();
    return head.isEmpty() ? tag : head + u' ' + tag;
}

QByteArray readRendition(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

double aspectOf(const Rendition &rendition)
{
    if (rendition.width <= 0 || rendition.height <= 0)
        return 0;
    return double(rendition.width) / double(rendition.height);
}

bool ratioNear(const Rendition &rendition, double width, double height, double tolerance)
{
    const double aspect = aspectOf(rendition);
    const double wanted = width / height;
    return aspect > 0 && std::fabs(aspect - wanted) <= wanted * tolerance;
}

PlatformError statusFailure(const HttpOutcome &outcome, const QString &code, const QString &message)
{
    const int status = outcome.status;
    FailureKind kind = FailureKind::Permanent;
    if (status == 429)
        kind = FailureKind::RateLimited;
    else if (status == 408 || status >= 500)
        kind = FailureKind::Transient;
    else if (status == 401)
        kind = FailureKind::Auth;

    int retryAfter = -1;
    bool ok = false;
    const qint64 seconds = outcome.headers.value("retry-after").trimmed().toLongLong(&ok);
    if (ok && seconds > 0)
        retryAfter = clampRetrySeconds(seconds);
    return makeError(kind, code, message, QString::number(status), {}, retryAfter);
}

int clampRetrySeconds(qint64 seconds)
{
    return int(std::clamp<qint64>(seconds, 1, 24 * 3600));
}

PlatformError makeError(FailureKind kind, const QString &code, const QString &message,
                        const QString &platformCode, const QString &platformMessage,
                        int retryAfterSeconds)
{
    PlatformError error;
    error.kind = kind;
    error.code = code;
    error.message = message;
    error.platformCode = platformCode;
    error.platformMessage = platformMessage;
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

} // namespace ads::core::net
