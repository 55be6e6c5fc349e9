#pragma once

#include "core/auth/JwtVerifier.h"
#include "core/services/CampaignService.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QList>
#include <QString>

// Internal to core/api: the route table. It is the single list of what the API serves: the server
// registers from it and the OpenAPI test enumerates it, so neither can drift from the other.

namespace ads::core {
class Workspace;
}

namespace ads::core::api {

enum class Access
{
    Public, // no token: the health check and the OpenAPI document
    Read,   // a token with ads:read
    Write,  // a token with ads:write
};

/** What every handler may use. Handlers reach the core only through the workspace's services. */
struct ApiContext
{
    Workspace *workspace = nullptr;
};

/** One request after routing, authentication and body checks. */
struct ApiCall
{
    const QHttpServerRequest &request;
    QString id;       // the {id} path segment, empty when the route has none
    Claims claims;    // empty on public routes
    QJsonObject body; // the parsed JSON object, on routes that take a body

    /** The change history's "who": the token's subject. */
    Actor actor() const;
};

using Handler = QHttpServerResponse (*)(const ApiContext &context, const ApiCall &call);

struct ApiRoute
{
    QHttpServerRequest::Method method;
    QString path; // an OpenAPI path template; at most one parameter, written {id}
    Access access;
    bool takesBody;   // a JSON object body is required (415 / 400 otherwise)
    bool sandboxOnly; // 404 unless the workspace runs the sandbox
    Handler handler;
    bool bodyOptional = false; // with takesBody: an empty body reads as {}
};

/** Every route the API serves, in registration order. */
const QList<ApiRoute> &apiRoutes();

/** "GET", "POST", ... */
QString methodName(QHttpServerRequest::Method method);

/** "ads:read", "ads:write", or empty for public routes. */
QString scopeName(Access access);

} // namespace ads::core::api
