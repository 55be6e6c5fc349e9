#include "core/api/ApiServer.h"

#include "core/api/ApiHost.h"
#include "core/api/ApiRoutes.h"

namespace ads::core {

ApiServer::ApiServer(Workspace *workspace, QString jwtSecret, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_jwtSecret(std::move(jwtSecret))
{
    m_thread.setObjectName(QStringLiteral("ads-api"));
}

ApiServer::~ApiServer()
{
    close();
}

Result<quint16> ApiServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_host)
        return fail(ErrorCode::Conflict, QStringLiteral("The API is already listening."));

    // QHttpServer runs its handlers on the thread that owns it, so it is created on ours.
    auto *host = new api::ApiHost(m_workspace, m_jwtSecret);
    host->moveToThread(&m_thread);
    m_thread.start();

    Result<quint16> result;
    QMetaObject::invokeMethod(
        host, [&] { result = host->listen(address, port); }, Qt::BlockingQueuedConnection);
    m_host = host;
    if (!result)
        close();
    return result;
}

void ApiServer::close()
{
    if (!m_host)
        return;

    api::ApiHost *host = std::exchange(m_host, nullptr);
    QThread *home = thread();
    QMetaObject::invokeMethod(
        host,
        [host, home] {
            host->shutdown();
            host->moveToThread(home);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete host;
}

QList<ApiRouteInfo> ApiServer::routes()
{
    QList<ApiRouteInfo> infos;
    for (const api::ApiRoute &route : api::apiRoutes())
        infos.append({api::methodName(route.method),
                      route.path,
                      api::scopeName(route.access),
                      route.sandboxOnly});
    return infos;
}

} // namespace ads::core
