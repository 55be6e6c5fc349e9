#pragma once

// Shared by the API suites: a blocking HTTP client for a server on 127.0.0.1 and a token maker
// that can build tokens libjwt would refuse to sign.

#include "core/auth/SecretStore.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

#include <memory>

namespace ads::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json; // the body when it is a JSON object
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }

    QString errorCode() const { return json.value("error").toObject().value("code").toString(); }

    QStringList errorFields() const
    {
        QStringList names;
        const QJsonArray fields = json.value("error").toObject().value("fields").toArray();
        for (const QJsonValue &field : fields)
            names.append(field.toObject().value("field").toString());
        return names;
    }
};

class ApiClient
{
public:
    explicit ApiClient(quint16 port)
        : m_port(port)
    {
        // Tests talk to loopback only; an http_proxy in the environment must not reroute them.
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    HttpResult send(const QByteArray &method,
                    const QString &pathAndQuery,
                    const QString &token = {},
                    const QByteArray &body = {},
                    const QByteArray &contentType = "application/json",
                    const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {})
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!contentType.isEmpty() && (!body.isEmpty() || method == "POST" || method == "PUT"))
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        for (const auto &[name, value] : extraHeaders)
            request.setRawHeader(name, value);

        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(20000))
            return {};

        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.headers = reply->rawHeaderPairs();
        return result;
    }

    HttpResult sendJson(const QByteArray &method,
                        const QString &path,
                        const QString &token,
                        const QJsonObject &body)
    {
        return send(method, path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    QNetworkAccessManager m_nam;
    quint16 m_port;
};

inline QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/** A compact JWS with any header; signed with Qt's HMAC (SHA-256 unless told otherwise). */
inline QString craftToken(const QJsonObject &header,
                          const QJsonObject &claims,
                          const QString &secret,
                          QCryptographicHash::Algorithm hash = QCryptographicHash::Sha256)
{
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    if (header.value("alg").toString() == QLatin1String("none"))
        return QString::fromLatin1(input + '.');
    const QByteArray mac = QMessageAuthenticationCode::hash(input, secret.toUtf8(), hash);
    return QString::fromLatin1(input + '.' + base64Url(mac));
}

/** A campaign body the sandbox workspace accepts. */
inline QJsonObject validCampaign(const QString &name = QStringLiteral("API test campaign"))
{
    return QJsonObject{
        {"name", name},
        {"objective", "traffic"},
        {"platforms", QJsonArray{"facebook"}},
        {"budget", QJsonObject{{"type", "daily"}, {"amount", 50}, {"currency", "USD"}}},
        {"audienceIds", QJsonArray{"aud-vip"}},
        {"creativeIds", QJsonArray{"cre-bf-static-1"}},
        {"schedule", QJsonObject{{"startAt", "2030-01-01T00:00:00Z"}, {"endAt", QJsonValue::Null}}},
    };
}

/** A workspace in dataDir whose secrets stay in memory, so tests never touch a keychain. */
inline ads::core::Workspace::Options workspaceOptions(const QString &dataDir, bool sandbox)
{
    ads::core::Workspace::Options options;
    options.dataDir = dataDir;
    options.sandbox = sandbox;
    options.secretStore = std::make_shared<ads::core::MemorySecretStore>();
    return options;
}

} // namespace ads::test
