#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace ads::core::sandbox {

/** One HTTP request as a platform simulator sees it, detached from QHttpServer. */
struct SandboxRequest
{
    QByteArray method; // upper case: GET, POST, DELETE, ...
    QUrl url;          // as received, with the query
    QString path;      // percent-decoded path
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }

    /** The media type without parameters, lower-cased ("application/json"). */
    QByteArray mediaType() const;
    /** The origin the client used (http://127.0.0.1:port), for paging links. */
    QString origin() const;
};

/** What a simulator answers; PlatformServer turns it into an HTTP response. */
struct SandboxReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static SandboxReply json(const QJsonObject &object, int status = 200);
    static SandboxReply json(const QJsonArray &array, int status = 200);
    static SandboxReply text(const QByteArray &body,
                             int status,
                             const QByteArray &type = "text/html");
};

/** One part of a multipart/form-data body. */
struct MultipartPart
{
    QString name;
    QString fileName; // empty for plain fields
    QByteArray contentType;
    QByteArray data;
};

namespace http {

/** application/x-www-form-urlencoded pairs, '+' decoded as space, in body order. */
QList<QPair<QString, QString>> parseForm(const QByteArray &body);

/** multipart/form-data parts; empty when the boundary is missing or the body is malformed. */
QList<MultipartPart> parseMultipart(const QByteArray &body, const QByteArray &contentTypeHeader);

/** Parses text as JSON; returns an undefined value when it is not JSON. */
QJsonValue parseJsonText(const QString &text);

/** Lower-case hex MD5 of data. */
QString md5Hex(const QByteArray &data);

/**
 * Summary of a binary upload for the object's recorded fields: the bytes themselves are not
 * kept (they can be megabytes), only name, type, size and MD5.
 */
QJsonObject fileSummary(const MultipartPart &part);

} // namespace http
} // namespace ads::core::sandbox
