#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/HttpMessage.h"
#include "core/sandbox/SandboxContext.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ads::core::sandbox {

/** Format and pixel size of an uploaded image, read from its header bytes. */
struct ImageInfo
{
    QString format; // jpeg, png, gif, webp, bmp
    int width = 0;
    int height = 0;
};

/** Recognises PNG, JPEG, GIF, WebP and BMP; nullopt for anything else. */
std::optional<ImageInfo> probeImage(const QByteArray &data);

/**
 * A request's parameters merged from the query string and the body (form, JSON or
 * multipart), the way Meta and TikTok accept them. Form values stay strings, exactly as sent.
 */
struct RequestParams
{
    QJsonObject values;         // query first, then body fields (body wins)
    QList<MultipartPart> files; // multipart parts that carried a file name
    bool malformedBody = false; // a JSON body that did not parse

    static RequestParams from(const SandboxRequest &request);

    bool has(const QString &key) const { return values.contains(key); }

    QString text(const QString &key) const;
    /** The value, with JSON-encoded strings ("[...]", "{...}", "true") decoded. */
    QJsonValue json(const QString &key) const;
    /** The first file part with this field name, if any. */
    const MultipartPart *file(const QString &name) const;
};

/** Micros of one minor unit of the currency (10,000 for USD); 1,000,000 for unknown codes. */
qint64 minorUnitMicros(const QString &currency);

/** A lenient integer reading of a JSON value (number or numeric string). */
std::optional<qint64> integerValue(const QJsonValue &value);

/** Fixed-point text of a value scaled by 10^6 with exactly `decimals` decimals, rounded. */
QString scaledText(qint64 valueE6, int decimals);

/** yyyy-MM-dd HH:mm:ss in the zone. */
QString formatLocal(qint64 ms, const QTimeZone &zone);

/** Every base-10 digit; a leading sign is refused. */
bool isDigits(const QString &text);

/** Recorded request fields for objects(): the params minus credentials. */
QJsonObject recordedFields(const RequestParams &params, const QStringList &secretKeys);

} // namespace ads::core::sandbox
