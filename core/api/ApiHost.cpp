#include "core/api/ApiHost.h"

#include "core/Logging.h"
#include "core/api/ApiJson.h"
#include "core/services/IdempotencyStore.h"
#include "core/services/Workspace.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace ads::core::api {

namespace {

const QByteArray kRealm = "Bearer realm=\"AdsDesk\"";

QHttpServerResponse routeNotFound()
{
    return protocolError(StatusCode::NotFound,
                         QStringLiteral("not_found"),
                         QStringLiteral("No route matches this path."));
}

} // namespace

ApiHost::ApiHost(Workspace *workspace, const QString &jwtSecret)
    : m_context{workspace}
    , m_verifier(jwtSecret)
{}

Result<quint16> ApiHost::listen(const QHostAddress &address, quint16 port)
{
    m_server = new QHttpServer(this);
    registerRoutes();

    const quint16 actual = m_server->listen(address, port);
    if (actual == 0) {
        shutdown();
        return fail(ErrorCode::Network,
                    QStringLiteral("The API cannot listen on %1 port %2.")
                        .arg(address.toString())
                        .arg(port));
    }

    if (!address.isLoopback())
        qCWarning(lcApi) << "the local API is reachable beyond this machine on"
                         << address.toString();
    qCInfo(lcApi) << "local API listening on" << address.toString() << "port" << actual;
    return actual;
}

void ApiHost::shutdown()
{
    delete m_server;
    m_server = nullptr;
}

void ApiHost::registerRoutes()
{
    // One QHttpServer rule per path, with no method filter: the method is matched here, so a
    // wrong method gets 405 with Allow instead of QHttpServer's 404.
    QSet<QString> registered;
    for (const ApiRoute &route : apiRoutes()) {
        if (registered.contains(route.path))
            continue;
        registered.insert(route.path);

        const QString path = route.path;
        QString pattern = path;
        pattern.replace(QStringLiteral("{id}"), QStringLiteral("<arg>"));
        if (path.contains(QStringLiteral("{id}"))) {
            m_server->route(pattern,
                            [this, path](const QString &id, const QHttpServerRequest &request) {
                                return dispatch(path, id, request);
                            });
        } else {
            m_server->route(pattern, [this, path](const QHttpServerRequest &request) {
                return dispatch(path, QString(), request);
            });
        }
    }

    m_server->setMissingHandler(
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            qCDebug(lcApi) << methodName(request.method()) << "unknown path -> 404";
            routeNotFound().write(std::move(responder));
        });
}

QHttpServerResponse ApiHost::dispatch(const QString &pathTemplate,
                                      const QString &id,
                                      const QHttpServerRequest &request)
{
    QElapsedTimer timer;
    timer.start();

    const ApiRoute *match = nullptr;
    for (const ApiRoute &route : apiRoutes()) {
        if (route.path == pathTemplate && route.method == request.method())
            match = &route;
    }
    QHttpServerResponse response =
        match ? run(*match, id, request) : methodNotAllowed(pathTemplate);

    // The template, not the path: enough to read the log, and no query string (or token) in it.
    qCDebug(lcApi) << methodName(request.method()) << pathTemplate << "->"
                   << int(response.statusCode()) << "in" << timer.elapsed() << "ms";
    return response;
}

QHttpServerResponse ApiHost::run(const ApiRoute &route,
                                 const QString &id,
                                 const QHttpServerRequest &request)
{
    if (route.sandboxOnly && !m_context.workspace->sandboxHub())
        return routeNotFound();

    auto claims = authenticate(route, request);
    if (!claims)
        return std::move(claims.error());

    if (request.body().size() > kMaxBodyBytes) {
        return protocolError(StatusCode::PayloadTooLarge,
                             QStringLiteral("payload_too_large"),
                             QStringLiteral("The body is larger than 1 MiB."));
    }
    auto body = readBody(route, request);
    if (!body)
        return std::move(body.error());

    const ApiCall call{request, id, std::move(*claims), std::move(*body)};
    const QByteArray key = request.value("Idempotency-Key");
    if (route.method == QHttpServerRequest::Method::Post && !key.isEmpty())
        return runOnce(route, call, key);
    return route.handler(m_context, call);
}

QHttpServerResponse ApiHost::runOnce(const ApiRoute &route, const ApiCall &call, const QByteArray &key)
{
    static const QRegularExpression validKey(QStringLiteral("^[\\x21-\\x7E]{1,255}$"));
    const QString keyText = QString::fromLatin1(key);
    if (!validKey.match(keyText).hasMatch())
        return errorResponse(fieldError(QStringLiteral("Idempotency-Key"),
                                        QStringLiteral("must be 1 to 255 visible ASCII characters")));

    // The same key on another route or with another body is a different request.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(call.request.url().path().toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(call.request.body());
    const QByteArray fingerprint = hash.result().toHex();

    IdempotencyStore *store = m_context.workspace->idempotency();
    const QString subject = call.actor().subject;
    const auto claimed = store->claim(subject, keyText, fingerprint);
    if (!claimed)
        return errorResponse(claimed.error());

    switch (claimed->claim) {
    case IdempotencyStore::Claim::Mismatch:
        return errorResponse(Error::make(ErrorCode::InvalidInput,
                                         QStringLiteral("This Idempotency-Key was used for a different request.")));
    case IdempotencyStore::Claim::InProgress:
        return errorResponse(Error::make(ErrorCode::Conflict,
                                         QStringLiteral("A request with this Idempotency-Key is still running.")));
    case IdempotencyStore::Claim::Replay: {
        QHttpServerResponse replay("application/json", claimed->answer.body,
                                   StatusCode(claimed->answer.status));
        if (!claimed->answer.location.isEmpty())
            replay.setHeader("Location", claimed->answer.location);
        replay.setHeader("Idempotent-Replayed", "true");
        return replay;
    }
    case IdempotencyStore::Claim::New:
        break;
    }

    QHttpServerResponse response = route.handler(m_context, call);
    const int status = int(response.statusCode());
    if (status >= 500) {
        store->release(subject, keyText); // our failure: let the client try again
        return response;
    }
    const QList<QByteArray> locations = response.headers("Location");
    store->complete(subject, keyText,
                    {status, response.data(), locations.isEmpty() ? QByteArray() : locations.first()});
    return response;
}

tl::expected<Claims, ApiHost::Rejection> ApiHost::authenticate(
    const ApiRoute &route,
    const QHttpServerRequest &request) const
{
    if (route.access == Access::Public)
        return Claims{};

    const auto claims = m_verifier.verifyAuthorization(request.value("Authorization"));
    if (!claims) {
        // RFC 6750: a request without credentials gets the bare challenge, a bad token says so.
        QByteArray challenge = kRealm;
        if (claims.error().detail != QLatin1String(JwtVerifier::kReasonMissing))
            challenge += ", error=\"invalid_token\"";
        QHttpServerResponse response = errorResponse(claims.error());
        response.setHeader("WWW-Authenticate", challenge);
        return tl::unexpected(std::move(response));
    }

    const QString scope = scopeName(route.access);
    if (!claims->hasScope(scope)) {
        QHttpServerResponse response = errorResponse(Error::make(
            ErrorCode::Forbidden, QStringLiteral("The token lacks the %1 scope.").arg(scope)));
        response.setHeader("WWW-Authenticate",
                           kRealm + ", error=\"insufficient_scope\", scope=\"" + scope.toLatin1()
                               + '"');
        return tl::unexpected(std::move(response));
    }
    return *claims;
}

tl::expected<QJsonObject, ApiHost::Rejection> ApiHost::readBody(
    const ApiRoute &route,
    const QHttpServerRequest &request) const
{
    if (!route.takesBody || (route.bodyOptional && request.body().trimmed().isEmpty()))
        return QJsonObject();

    if (!isJsonContentType(request.value("Content-Type"))) {
        return tl::unexpected(protocolError(StatusCode::UnsupportedMediaType,
                                            QStringLiteral("unsupported_media_type"),
                                            QStringLiteral("Send the body as application/json.")));
    }

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const QString message = error.error != QJsonParseError::NoError
                                    ? QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                          .arg(error.errorString())
                                          .arg(error.offset)
                                    : QStringLiteral("The body must be a JSON object.");
        return tl::unexpected(errorResponse(Error::make(ErrorCode::MalformedRequest, message)));
    }
    return document.object();
}

QHttpServerResponse ApiHost::methodNotAllowed(const QString &pathTemplate) const
{
    QStringList allowed;
    for (const ApiRoute &route : apiRoutes()) {
        if (route.path == pathTemplate)
            allowed.append(methodName(route.method));
    }

    QHttpServerResponse response =
        protocolError(StatusCode::MethodNotAllowed,
                      QStringLiteral("method_not_allowed"),
                      QStringLiteral("Use one of: %1.").arg(allowed.join(", ")));
    response.setHeader("Allow", allowed.join(", ").toLatin1());
    return response;
}

} // namespace ads::core::api
