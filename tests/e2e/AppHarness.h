#pragma once

// Runs the real adsdesk binary headless on a data directory and talks to its local API over HTTP,
// as a CRM tool would. Shared by the end-to-end suites.

#include "core/auth/JwtVerifier.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <chrono>

struct ApiReply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

class AppHarness
{
public:
    static QString secret() { return QStringLiteral("e2e-test-secret-0123456789abcdef"); }

    explicit AppHarness(QString dataDir)
        : m_dataDir(std::move(dataDir))
        , m_token(ads::core::mintToken(secret(), QStringLiteral("e2e"),
                                       {QStringLiteral("ads:read"), QStringLiteral("ads:write")},
                                       std::chrono::hours(2)))
    {
    }

    ~AppHarness() { stop(); }

    /** Starts adsdesk and waits for its "listening on" line; extra environment for test hooks. */
    bool start(const QHash<QString, QString> &extraEnvironment = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ADSDESK_JWT_SECRET"), secret());
        env.remove(QStringLiteral("ADSDESK_TEST_KILL_AT"));
        for (auto it = extraEnvironment.begin(); it != extraEnvironment.end(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setStandardErrorFile(m_dataDir + QStringLiteral("/adsdesk.log"), QIODevice::Append);
        m_process.start(QStringLiteral(ADSDESK_BINARY),
                        {QStringLiteral("--headless"), QStringLiteral("--data-dir"), m_dataDir,
                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        if (!m_process.waitForStarted(10000))
            return false;

        QByteArray out;
        while (!out.contains('\n') && m_process.waitForReadyRead(30000))
            out += m_process.readAllStandardOutput();
        const auto match = QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)\\n"))
                               .match(QString::fromUtf8(out));
        if (!match.hasMatch()) {
            qWarning() << "unexpected first output:" << out;
            return false;
        }
        m_baseUrl = match.captured(1);
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    /** True once the process has ended by itself (a test hook killed it) within the wait. */
    bool waitForExit(int ms) { return m_process.waitForFinished(ms) || m_process.state() == QProcess::NotRunning; }

    bool running() const { return m_process.state() != QProcess::NotRunning; }

    ApiReply call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                  const QByteArray &idempotencyKey = {})
    {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        request.setTransferTimeout(30000);
        QByteArray payload;
        if (method == "POST" || method == "PUT") {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();

        ApiReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.raw = reply->readAll();
        result.body = QJsonDocument::fromJson(result.raw).object();
        reply->deleteLater();
        return result;
    }

    /** Polls the campaign until done() holds or about a minute passes; answers the last state. */
    QJsonObject waitForCampaign(const QString &id, const std::function<bool(const QJsonObject &)> &done,
                                int attempts = 600)
    {
        QJsonObject campaign;
        for (int i = 0; i < attempts; ++i) {
            campaign = call("GET", QStringLiteral("/crm/ads/campaigns/") + id).body;
            if (done(campaign))
                return campaign;
            QTest::qWait(100);
        }
        return campaign;
    }

    static bool allPlatformsIn(const QJsonObject &campaign, const QString &state)
    {
        const QJsonObject status = campaign.value("platformStatus").toObject();
        if (status.isEmpty())
            return false;
        for (auto it = status.begin(); it != status.end(); ++it) {
            if (it.value().toObject().value("state").toString() != state)
                return false;
        }
        return true;
    }

private:
    QString m_dataDir;
    QString m_token;
    QString m_baseUrl;
    QProcess m_process;
    QNetworkAccessManager m_network;
};
