#include "FakePlatformServer.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>

namespace ads::test {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

QString RecordedRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QString RecordedRequest::formValue(const QString &name) const
{
    // Form bodies escape spaces as %20 here (our encoder never writes '+'), so a plain
    // percent-decode is exact.
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && QByteArray::fromPercentEncoding(pair.left(eq)) == name.toUtf8())
            return QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(eq + 1)));
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakePlatformServer::FakePlatformServer()
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_server = new QHttpServer;
            m_server->setMissingHandler(
                [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                    handle(request, std::move(responder));
                });
            m_port = m_server->listen(QHostAddress::LocalHost, 0);
        },
        Qt::BlockingQueuedConnection);
}

FakePlatformServer::~FakePlatformServer()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_held.clear();
            delete m_server;
            delete m_context;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl FakePlatformServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FakePlatformServer::enqueue(const QByteArray &method, const QString &path, CannedReply reply)
{
    QMutexLocker lock(&m_mutex);
    m_replies[QString::fromLatin1(method) + u' ' + path].append(std::move(reply));
}

void FakePlatformServer::enqueueJson(const QByteArray &method, const QString &path,
                                     const QByteArray &json, int status)
{
    CannedReply reply;
    reply.status = status;
    reply.body = json;
    enqueue(method, path, reply);
}

QList<RecordedRequest> FakePlatformServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int FakePlatformServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests.size();
}

void FakePlatformServer::handle(const QHttpServerRequest &request,
                                QHttpServerResponder &&responder)
{
    RecordedRequest recorded;
    recorded.method = methodName(request.method());
    recorded.path = request.url().path();
    recorded.query = request.query();
    for (const auto &[name, value] : request.headers())
        recorded.headers.insert(name.toLower(), value);
    recorded.body = request.body();

    CannedReply reply;
    reply.status = 404;
    reply.body = R"({"fake":"no canned reply"})";
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(recorded);
        auto &queue = m_replies[QString::fromLatin1(recorded.method) + u' ' + recorded.path];
        if (!queue.isEmpty())
            reply = queue.first().repeat ? queue.first() : queue.takeFirst();
    }

    if (reply.hang) {
        m_held.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
        return;
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
}

} // namespace ads::test
