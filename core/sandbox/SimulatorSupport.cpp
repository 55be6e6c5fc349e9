#include "core/sandbox/SimulatorSupport.h"

#include "core/domain/Money.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QtEndian>

namespace ads::core::sandbox {

namespace {

// Values longer than this are summarised in objects(): base64 uploads can be megabytes.
constexpr qsizetype kMaxRecordedText = 256 * 1024;

quint16 be16(const QByteArray &data, qsizetype at)
{
    return quint16(quint8(data[at]) << 8 | quint8(data[at + 1]));
}

quint32 be32(const QByteArray &data, qsizetype at)
{
    return quint32(be16(data, at)) << 16 | be16(data, at + 2);
}

quint16 le16(const QByteArray &data, qsizetype at)
{
    return quint16(quint8(data[at + 1]) << 8 | quint8(data[at]));
}

std::optional<ImageInfo> probeJpeg(const QByteArray &data)
{
    qsizetype at = 2;
    while (at + 9 < data.size()) {
        if (quint8(data[at]) != 0xFF)
            return std::nullopt;
        const quint8 marker = quint8(data[at + 1]);
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame)
            return ImageInfo{QStringLiteral("jpeg"), be16(data, at + 7), be16(data, at + 5)};
        at += 2 + be16(data, at + 2);
    }
    return ImageInfo{QStringLiteral("jpeg"), 0, 0};
}

std::optional<ImageInfo> probeWebp(const QByteArray &data)
{
    const QByteArray chunk = data.mid(12, 4);
    if (chunk == "VP8X" && data.size() >= 30) {
        const int width = 1 + (quint8(data[24]) | quint8(data[25]) << 8 | quint8(data[26]) << 16);
        const int height = 1 + (quint8(data[27]) | quint8(data[28]) << 8 | quint8(data[29]) << 16);
        return ImageInfo{QStringLiteral("webp"), width, height};
    }
    if (chunk == "VP8 " && data.size() >= 30)
        return ImageInfo{QStringLiteral("webp"), le16(data, 26) & 0x3FFF, le16(data, 28) & 0x3FFF};
    return ImageInfo{QStringLiteral("webp"), 0, 0};
}

} // namespace

std::optional<ImageInfo> probeImage(const QByteArray &data)
{
    if (data.size() >= 24 && data.startsWith("\x89PNG\r\n\x1a\n"))
        return ImageInfo{QStringLiteral("png"), int(be32(data, 16)), int(be32(data, 20))};
    if (data.size() >= 10 && (data.startsWith("GIF87a") || data.startsWith("GIF89a")))
        return ImageInfo{QStringLiteral("gif"), le16(data, 6), le16(data, 8)};
    if (data.size() >= 4 && quint8(data[0]) == 0xFF && quint8(data[1]) == 0xD8)
        return probeJpeg(data);
    if (data.size() >= 16 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return probeWebp(data);
    if (data.size() >= 26 && data.startsWith("BM")) {
        const int width = int(qFromLittleEndian<qint32>(data.constData() + 18));
        const int height = int(qFromLittleEndian<qint32>(data.constData() + 22));
        return ImageInfo{QStringLiteral("bmp"), width, std::abs(height)};
    }
    return std::nullopt;
}

RequestParams RequestParams::from(const SandboxRequest &request)
{
    RequestParams params;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        params.values.insert(item.first, item.second);

    const QByteArray type = request.mediaType();
    if (type == "application/json" && !request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            params.malformedBody = true;
            return params;
        }
        const QJsonObject body = doc.object();
        for (auto it = body.begin(); it != body.end(); ++it)
            params.values.insert(it.key(), it.value());
    } else if (type == "multipart/form-data") {
        for (const MultipartPart &part :
             http::parseMultipart(request.body, request.header("content-type"))) {
            if (part.fileName.isEmpty())
                params.values.insert(part.name, QString::fromUtf8(part.data));
            else
                params.files.append(part);
        }
    } else if (!request.body.isEmpty()) {
        for (const auto &pair : http::parseForm(request.body))
            params.values.insert(pair.first, pair.second);
    }
    return params;
}

QString RequestParams::text(const QString &key) const
{
    const QJsonValue value = values.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', 0);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QJsonValue RequestParams::json(const QString &key) const
{
    const QJsonValue value = values.value(key);
    if (!value.isString())
        return value;
    const QJsonValue decoded = http::parseJsonText(value.toString());
    return decoded.isUndefined() ? value : decoded;
}

const MultipartPart *RequestParams::file(const QString &name) const
{
    for (const MultipartPart &part : files) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

qint64 minorUnitMicros(const QString &currency)
{
    const int digits = money::minorDigits(currency);
    if (digits < 0)
        return money::kMicrosPerUnit;
    qint64 unit = money::kMicrosPerUnit;
    for (int i = 0; i < digits; ++i)
        unit /= 10;
    return unit;
}

std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number != qint64(number))
            return std::nullopt;
        return qint64(number);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

QString scaledText(qint64 valueE6, int decimals)
{
    qint64 step = 1;
    for (int i = decimals; i < 6; ++i)
        step *= 10;
    const qint64 rounded = (valueE6 + step / 2) / step * step;
    QString text = money::toDecimal(rounded, decimals);
    if (decimals == 0 && text.contains(QLatin1Char('.')))
        text = text.left(text.indexOf(QLatin1Char('.')));
    return text;
}

QString formatLocal(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool isDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QJsonObject recordedFields(const RequestParams &params, const QStringList &secretKeys)
{
    QJsonObject fields = params.values;
    for (const QString &key : secretKeys)
        fields.remove(key);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.value().isString() && it.value().toString().size() > kMaxRecordedText) {
            const QByteArray bytes = it.value().toString().toUtf8();
            *it = QJsonObject{
                {"truncated", true}, {"size", bytes.size()}, {"md5", http::md5Hex(bytes)}};
        }
    }
    for (const MultipartPart &part : params.files)
        fields.insert(part.name, http::fileSummary(part));
    return fields;
}

} // namespace ads::core::sandbox
