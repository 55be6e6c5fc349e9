#pragma once

#include "core/domain/Platform.h"
#include "core/sandbox/HttpMessage.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace ads::core::sandbox {

class SandboxContext;

/** A simulated platform's request handling; called on its server's thread only. */
class PlatformHandler
{
public:
    virtual ~PlatformHandler() = default;
    virtual SandboxReply handle(const SandboxRequest &request) = 0;
};

class ServerWorker;

/**
 * One platform's HTTP server on 127.0.0.1:<random port>, running on its own QThread
 * (QHttpServer 6.4 is only reliable that way). Every request goes through dispatch().
 */
class PlatformServer : public QObject
{
    Q_OBJECT

public:
    PlatformServer(Platform platform,
                   std::shared_ptr<PlatformHandler> handler,
                   std::shared_ptr<SandboxContext> context,
                   QObject *parent = nullptr);
    ~PlatformServer() override;

    /** Starts the thread and listens; false with a message when no port could be bound. */
    bool start(QString *error);
    /** Closes the server and joins the thread; safe to call twice. */
    void stop();

    Platform platform() const { return m_platform; }

    quint16 port() const { return m_port; }

    /**
     * The single entry point of every request. The fault layer (error, rate-limit, timeout
     * and lost-reply rates, latency) belongs here: before handle() to refuse or delay a
     * request, after it to drop a reply whose change was already written.
     */
    SandboxReply dispatch(const SandboxRequest &request);

private:
    Platform m_platform;
    std::shared_ptr<PlatformHandler> m_handler;
    std::shared_ptr<SandboxContext> m_context;
    QThread m_thread;
    ServerWorker *m_worker = nullptr;
    quint16 m_port = 0;
};

} // namespace ads::core::sandbox
