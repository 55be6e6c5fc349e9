#include "core/sandbox/PlatformServer.h"

#include "core/Logging.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/SandboxFaults.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace ads::core::sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

SandboxRequest toSandboxRequest(const QHttpServerRequest &request)
{
    SandboxRequest result;
    result.method = methodName(request.method());
    result.url = request.url();
    result.path = request.url().path();
    result.query = request.query();
    for (const auto &header : request.headers())
        result.headers.insert(header.first.toLower(), header.second);
    result.body = request.body();
    return result;
}

} // namespace

/** Lives on the server thread: owns the QHttpServer and the thread's store connection. */
class ServerWorker : public QObject
{
public:
    explicit ServerWorker(PlatformServer *owner, SandboxContext *context)
        : m_owner(owner)
        , m_context(context)
    {}

    quint16 listen()
    {
        m_context->store().attachThread();
        m_server = new QHttpServer(this);
        m_server->setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                respond(request, std::move(responder));
            });
        return m_server->listen(QHostAddress::LocalHost, 0);
    }

    void shutdown()
    {
        delete m_server;
        m_server = nullptr;
        m_context->store().detachThread();
    }

private:
    void respond(const QHttpServerRequest &request, QHttpServerResponder &&responder)
    {
        DispatchResult result = m_owner->dispatch(toSandboxRequest(request));
        // No answer: an unwritten responder leaves the connection open (Qt 6.4 neither answers
        // nor closes it), so the client's own timeout is what ends its wait.
        if (!result.reply)
            return;
        if (result.delayMs <= 0) {
            send(*result.reply, std::move(responder));
            return;
        }

        // Latency must not block this thread, which serves every request of the platform: the
        // answer waits on a timer instead. The client may give up meanwhile, and the server then
        // deletes the socket, hence the guard.
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        const QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(result.delayMs, this, [held, socket, reply = *result.reply] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                send(reply, std::move(*held));
        });
    }

    static void send(const SandboxReply &reply, QHttpServerResponder &&responder)
    {
        QHttpServerResponse response(
            reply.contentType, reply.body, QHttpServerResponse::StatusCode(reply.status));
        for (const auto &header : reply.headers)
            response.addHeader(header.first, header.second);
        response.write(std::move(responder));
    }

    PlatformServer *m_owner;
    SandboxContext *m_context;
    QHttpServer *m_server = nullptr;
};

PlatformServer::PlatformServer(Platform platform,
                               std::shared_ptr<PlatformHandler> handler,
                               std::shared_ptr<SandboxContext> context,
                               std::shared_ptr<SandboxFaults> faults,
                               QObject *parent)
    : QObject(parent)
    , m_platform(platform)
    , m_handler(std::move(handler))
    , m_context(std::move(context))
    , m_faults(std::move(faults))
{
    m_thread.setObjectName(QStringLiteral("sandbox-") + platformName(platform));
}

PlatformServer::~PlatformServer()
{
    stop();
}

bool PlatformServer::start(QString *error)
{
    if (m_worker)
        return true;

    m_worker = new ServerWorker(this, m_context.get());
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [this] { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    if (m_port == 0) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1 for the %1 sandbox")
                         .arg(platformName(m_platform));
        stop();
        return false;
    }
    qCInfo(lcSandbox) << "sandbox" << platformName(m_platform) << "listening on port" << m_port;
    return true;
}

void PlatformServer::stop()
{
    if (!m_worker)
        return;
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_worker, [this] { m_worker->shutdown(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker;
    m_worker = nullptr;
    m_port = 0;
}

DispatchResult PlatformServer::dispatch(const SandboxRequest &request)
{
    qCDebug(lcSandbox) << platformName(m_platform) << request.method << request.path;
    const FaultDecision fault = m_faults ? m_faults->decide(m_platform) : FaultDecision();
    switch (fault.kind) {
    case FaultKind::Timeout:
        qCDebug(lcSandbox) << "fault: left unanswered without applying it";
        return {};
    case FaultKind::Error:
    case FaultKind::RateLimit: {
        const QString account = m_context->store().accounts(m_platform).value(0).accountId;
        qCDebug(lcSandbox) << "fault:" << (fault.kind == FaultKind::Error ? "error" : "throttled");
        return {faultReply(m_platform, fault, request, account), fault.latencyMs};
    }
    case FaultKind::None:
    case FaultKind::LostReply:
        break;
    }

    SandboxReply reply = m_handler->handle(request);
    if (fault.kind == FaultKind::LostReply) {
        qCDebug(lcSandbox) << "fault: applied, answer dropped";
        return {};
    }
    return {std::move(reply), fault.latencyMs};
}

} // namespace ads::core::sandbox
