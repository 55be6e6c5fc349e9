#pragma once

#include "core/domain/Platform.h"
#include "core/sandbox/HttpMessage.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace ads::core::sandbox {

class SandboxContext;
class SandboxFaults;

/** A simulated platform's request handling; called on its server's thread only. */
class PlatformHandler
{
public:
    virtual ~PlatformHandler() = default;
    virtual SandboxReply handle(const SandboxRequest &request) = 0;
};

/** What becomes of one request: an answer sent after a delay, or no answer ever. */
struct DispatchResult
{
    std::optional<SandboxReply> reply; // nullopt: the connection stays open, unanswered
    int delayMs = 0;
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
                   std::shared_ptr<SandboxFaults> faults = {},
                   QObject *parent = nullptr);
    ~PlatformServer() override;

    /** Starts the thread and listens; false with a message when no port could be bound. */
    bool start(QString *error);
    /** Closes the server and joins the thread; safe to call twice. */
    void stop();

    Platform platform() const { return m_platform; }

    quint16 port() const { return m_port; }

    /**
     * The single entry point of every request, where the platform's fault profile applies:
     * errors, throttling and timeouts before handle() (nothing is applied), lost replies after
     * it (the change is written, the answer dropped), latency on every answer that is sent.
     */
    DispatchResult dispatch(const SandboxRequest &request);

private:
    Platform m_platform;
    std::shared_ptr<PlatformHandler> m_handler;
    std::shared_ptr<SandboxContext> m_context;
    std::shared_ptr<SandboxFaults> m_faults;
    QThread m_thread;
    ServerWorker *m_worker = nullptr;
    quint16 m_port = 0;
};

} // namespace ads::core::sandbox
