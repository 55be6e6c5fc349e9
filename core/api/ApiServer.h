#pragma once

#include "core/domain/Error.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

namespace ads::core {

class Workspace;

namespace api {
class ApiHost;
}

/** One route of the local API, as ApiServer::routes() lists it. */
struct ApiRouteInfo
{
    QString method;   // "GET", "POST", "PUT", "DELETE"
    QString path;     // an OpenAPI path template, e.g. "/crm/ads/campaigns/{id}"
    QString scope;    // "ads:read", "ads:write", or empty for the public routes
    bool sandboxOnly; // answers 404 unless the workspace runs the sandbox
};

/**
 * The local REST API under /crm/ads: QHttpServer on a thread of its own, so the API keeps
 * answering while the GUI is busy and the reverse.
 *
 * Every route except /crm/ads/health and /crm/ads/openapi.json needs an HS256 bearer token signed
 * with the secret given here (see JwtVerifier and resolveApiSecret); GET needs the ads:read scope
 * and everything else ads:write. Handlers call the workspace's services directly from the API
 * thread; the services are thread-safe.
 *
 * Limitations of QHttpServer 6.4 that stay visible: it buffers a whole request body before any
 * handler runs (bodies over 1 MiB are refused only after they arrived), it has no idle timeouts,
 * and it does not answer "Expect: 100-continue". Keep the API on loopback unless the user asks.
 */
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(Workspace *workspace, QString jwtSecret, QObject *parent = nullptr);
    ~ApiServer() override;

    /**
     * Starts the API thread and listens. Port 0 picks a free port. Returns the port in use, or a
     * Network error when the address cannot be bound, or Conflict when already listening.
     */
    Result<quint16> listen(const QHostAddress &address, quint16 port);

    /** Stops listening, drops open connections and ends the API thread. Safe to call twice. */
    void close();

    bool isListening() const { return m_host != nullptr; }

    /** Every route the API serves, for its OpenAPI test and for documentation. */
    static QList<ApiRouteInfo> routes();

private:
    Workspace *m_workspace;
    QString m_jwtSecret;
    QThread m_thread;
    api::ApiHost *m_host = nullptr; // lives on m_thread while listening
};

} // namespace ads::core
