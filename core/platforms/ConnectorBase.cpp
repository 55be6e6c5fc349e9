#include "core/platforms/ConnectorBase.h"

namespace ads::core {

ConnectorBase::ConnectorBase(QNetworkAccessManager *nam, QUrl baseUrl, QString apiVersion,
                             QObject *parent)
    : PlatformConnector(parent)
    , m_nam(nam)
    , m_baseUrl(std::move(baseUrl))
    , m_apiVersion(std::move(apiVersion))
{
}

QUrl ConnectorBase::endpoint(const QString &path, const net::Params &query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    // Encoded by hand: QUrlQuery leaves '+' as is, which servers read back as a space.
    url.setQuery(query.isEmpty() ? QString() : QString::fromLatin1(net::formEncode(query)),
                 QUrl::StrictMode);
    return url;
}

void ConnectorBase::sendCall(net::HttpCall call, net::HttpCallback done)
{
    if (!m_nam) {
        net::HttpOutcome none;
        none.networkError = QStringLiteral("no network access manager");
        done(none);
        return;
    }
    net::send(m_nam, std::move(call), m_timeoutMs, this, std::move(done));
}

void runChain(QList<ChainLink> links, std::function<void(std::optional<PlatformError>)> done)
{
    if (links.isEmpty()) {
        done(std::nullopt);
        return;
    }
    ChainLink first = links.takeFirst();
    first([rest = std::move(links), done = std::move(done)](std::optional<PlatformError> error) {
        if (error) {
            done(std::move(error));
            return;
        }
        runChain(rest, done);
    });
}

} // namespace ads::core
