#include "core/sandbox/HttpMessage.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ads::core::sandbox {

QByteArray SandboxRequest::mediaType() const
{
    const QByteArray type = header("content-type");
    const int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.left(semicolon)).trimmed().toLower();
}

QString SandboxRequest::origin() const
{
    const QByteArray host = header("host");
    if (!host.isEmpty())
        return QStringLiteral("http://") + QString::fromLatin1(host);
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

SandboxReply SandboxReply::json(const QJsonObject &object, int status)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

SandboxReply SandboxReply::json(const QJsonArray &array, int status)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return reply;
}

SandboxReply SandboxReply::text(const QByteArray &body, int status, const QByteArray &type)
{
    SandboxReply reply;
    reply.status = status;
    reply.contentType = type;
    reply.body = body;
    return reply;
}

namespace http {

QList<QPair<QString, QString>> parseForm(const QByteArray &body)
{
    QList<QPair<QString, QString>> pairs;
    for (const QByteArray &item : body.split('&')) {
        if (item.isEmpty())
            continue;
        const int eq = item.indexOf('=');
        QByteArray key = eq < 0 ? item : item.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        pairs.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return pairs;
}

static QByteArray boundaryOf(const QByteArray &contentTypeHeader)
{
    for (const QByteArray &param : contentTypeHeader.split(';')) {
        const QByteArray trimmed = param.trimmed();
        if (trimmed.toLower().startsWith("boundary=")) {
            QByteArray value = trimmed.mid(9);
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return {};
}

static QByteArray dispositionParam(const QByteArray &disposition, const QByteArray &name)
{
    for (const QByteArray &param : disposition.split(';')) {
        const QByteArray trimmed = param.trimmed();
        const int eq = trimmed.indexOf('=');
        if (eq < 0 || trimmed.left(eq).trimmed().toLower() != name)
            continue;
        QByteArray value = trimmed.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

static MultipartPart parsePart(const QByteArray &raw)
{
    MultipartPart part;
    const int split = raw.indexOf("\r\n\r\n");
    const QByteArray head = split < 0 ? raw : raw.left(split);
    part.data = split < 0 ? QByteArray() : raw.mid(split + 4);
    for (const QByteArray &line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "content-disposition") {
            part.name = QString::fromUtf8(dispositionParam(value, "name"));
            part.fileName = QString::fromUtf8(dispositionParam(value, "filename"));
        } else if (key == "content-type") {
            part.contentType = value;
        }
    }
    return part;
}

QList<MultipartPart> parseMultipart(const QByteArray &body, const QByteArray &contentTypeHeader)
{
    const QByteArray boundary = boundaryOf(contentTypeHeader);
    if (boundary.isEmpty())
        return {};

    const QByteArray delimiter = QByteArray("--") + boundary;
    QList<MultipartPart> parts;
    qsizetype position = body.indexOf(delimiter);
    while (position >= 0) {
        qsizetype start = position + delimiter.size();
        if (body.mid(start, 2) == "--")
            break; // closing delimiter
        if (body.mid(start, 2) == "\r\n")
            start += 2;
        const qsizetype next = body.indexOf(QByteArray(QByteArray("\r\n") + delimiter), start);
        if (next < 0)
            return {}; // unterminated part: treat the whole body as malformed
        parts.append(parsePart(body.mid(start, next - start)));
        position = next + 2;
    }
    return parts;
}

QJsonValue parseJsonText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue(QJsonValue::Undefined);

    // QJsonDocument only takes arrays and objects; wrap scalars so "true" and "12" parse too.
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[") + trimmed.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().first();
}

QString md5Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

QJsonObject fileSummary(const MultipartPart &part)
{
    return QJsonObject{{"filename", part.fileName},
                       {"contentType", QString::fromLatin1(part.contentType)},
                       {"size", part.data.size()},
                       {"md5", md5Hex(part.data)}};
}

} // namespace http
} // namespace ads::core::sandbox
