#pragma once

// Blocking HTTP calls against a started SandboxHub, for the sandbox suites only.

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace sandboxtest {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    // const, so that chained [] lookups use the read-only QJsonValue operators.
    const QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }

    const QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.toLower() == name.toLower())
                return pair.second;
        }
        return {};
    }
};

class Client
{
public:
    HttpResult send(const QByteArray &method,
                    const QUrl &url,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {},
                    const QByteArray &body = {},
                    QHttpMultiPart *multipart = nullptr)
    {
        QNetworkRequest request(url);
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        QNetworkReply *reply = multipart ? m_nam.sendCustomRequest(request, method, multipart)
                                         : m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();

        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", url, headers);
    }

    HttpResult postForm(const QUrl &url,
                        const QUrlQuery &form,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        auto all = headers;
        all.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        return send("POST", url, all, form.toString(QUrl::FullyEncoded).toUtf8());
    }

    HttpResult postJson(const QUrl &url,
                        const QJsonObject &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        auto all = headers;
        all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return send("POST", url, all, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    QNetworkAccessManager m_nam;
};

/** A valid 2x2 PNG, or a w x h one when asked (only the header matters to the sandbox). */
inline QByteArray pngBytes(quint32 width = 2, quint32 height = 2)
{
    QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    for (quint32 value : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8)
            png.append(char((value >> shift) & 0xff));
    }
    png.append(QByteArray::fromHex("0806000000"));
    png.append(QByteArray(64, '\0'));
    return png;
}

/** The form encoding the Graph SDKs use: nested values as compact JSON strings. */
inline QUrlQuery form(std::initializer_list<QPair<QString, QString>> items)
{
    QUrlQuery query;
    for (const auto &item : items) {
        query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(item.first)),
                           QString::fromUtf8(QUrl::toPercentEncoding(item.second)));
    }
    return query;
}

inline QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace sandboxtest
