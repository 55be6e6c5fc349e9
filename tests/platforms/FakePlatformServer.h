#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace ads::test {

/** One request as the fake platform saw it. */
struct RecordedRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QString queryValue(const QString &name) const;
    QString formValue(const QString &name) const; // from an x-www-form-urlencoded body
    QJsonObject json() const;
};

/** A canned answer. hang: never answer (to provoke the client's timeout). */
struct CannedReply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hang = false;
    bool repeat = false; // stays at the head of its queue
};

/**
 * A platform double: a QHttpServer on 127.0.0.1:0 running in its own thread (QHttpServer 6.4
 * is a preview; handlers run on the server's thread). Replies are queued per "METHOD path";
 * everything is recorded for field-by-field assertions.
 */
class FakePlatformServer
{
public:
    FakePlatformServer();
    ~FakePlatformServer();

    QUrl baseUrl() const;
    void enqueue(const QByteArray &method, const QString &path, CannedReply reply);
    void enqueueJson(const QByteArray &method, const QString &path, const QByteArray &json,
                     int status = 200);

    QList<RecordedRequest> requests() const;
    int requestCount() const;

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    QThread m_thread;
    QObject *m_context = nullptr;
    QHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QHash<QString, QList<CannedReply>> m_replies;
    QList<RecordedRequest> m_requests;
    std::vector<std::unique_ptr<QHttpServerResponder>> m_held; // server thread only
};

} // namespace ads::test
