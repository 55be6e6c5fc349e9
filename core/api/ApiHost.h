#pragma once

#include "core/api/ApiRoutes.h"
#include "core/auth/JwtVerifier.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

#include <tl/expected.hpp>

// Internal to core/api: the QHttpServer and everything between a request and a handler. It is
// created, used and destroyed on the API thread only.

namespace ads::core::api {

class ApiHost : public QObject
{
public:
    ApiHost(Workspace *workspace, const QString &jwtSecret);

    Result<quint16> listen(const QHostAddress &address, quint16 port);

    /** Deletes the server, which closes its sockets. */
    void shutdown();

private:
    using Rejection = QHttpServerResponse;

    void registerRoutes();
    QHttpServerResponse dispatch(const QString &pathTemplate,
                                 const QString &id,
                                 const QHttpServerRequest &request);
    QHttpServerResponse run(const ApiRoute &route,
                            const QString &id,
                            const QHttpServerRequest &request);
    QHttpServerResponse runOnce(const ApiRoute &route, const ApiCall &call, const QByteArray &key);
    tl::expected<Claims, Rejection> authenticate(const ApiRoute &route,
                                                 const QHttpServerRequest &request) const;
    tl::expected<QJsonObject, Rejection> readBody(const ApiRoute &route,
                                                  const QHttpServerRequest &request) const;
    QHttpServerResponse methodNotAllowed(const QString &pathTemplate) const;

    ApiContext m_context;
    JwtVerifier m_verifier;
    QHttpServer *m_server = nullptr;
};

} // namespace ads::core::api
