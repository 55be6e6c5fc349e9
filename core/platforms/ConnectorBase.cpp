#include "core/platforms/ConnectorBase.h"

#include <QTimer>

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

namespace {

constexpr int kQuickRetries = 3;
constexpr int kQuickRetryBaseMs = 200;
constexpr int kLongestQuickWaitSeconds = 2; // a longer advised wait goes back to the engine

bool isIdempotent(const net::HttpCall &call)
{
    return call.idempotent || call.verb == "GET" || call.verb == "PUT" || call.verb == "PATCH"
           || call.verb == "DELETE";
}

} // namespace

void ConnectorBase::sendCall(net::HttpCall call, net::HttpCallback done)
{
    sendAttempt(std::move(call), std::move(done), 0);
}

bool ConnectorBase::isPassingFault(const net::HttpOutcome &outcome) const
{
    if (outcome.status == 0)
        return true; // refused, timed out or reset: the platform never answered
    if (outcome.status == 429) {
        const int wait = outcome.headers.value("retry-after").trimmed().toInt();
        return wait <= kLongestQuickWaitSeconds;
    }
    return outcome.status == 408 || outcome.status >= 500;
}

void ConnectorBase::sendAttempt(net::HttpCall call, net::HttpCallback done, int attempt)
{
    if (!m_nam) {
        net::HttpOutcome none;
        none.networkError = QStringLiteral("no network access manager");
        done(none);
        return;
    }

    // A multipart body is consumed by sending it, so uploads are never sent twice from here.
    const bool retryable = attempt < kQuickRetries && !call.multipart && isIdempotent(call);
    std::optional<net::HttpCall> again;
    if (retryable)
        again = call;

    QPointer<ConnectorBase> self(this);
    net::send(m_nam, std::move(call), m_timeoutMs, this,
              [self, again, done = std::move(done), attempt](const net::HttpOutcome &outcome) {
        if (!self || !again || !self->isPassingFault(outcome)) {
            done(outcome);
            return;
        }
        const int delayMs = kQuickRetryBaseMs << attempt;
        QTimer::singleShot(delayMs, self, [self, again, done, attempt] {
            if (self)
                self->sendAttempt(*again, done, attempt + 1);
        });
    });
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

void runReportSteps(const QStringList &ids, const QDate &from, const QDate &to, ReportLimits limits,
                    ReportStep step, std::shared_ptr<ReportRows> rows, PlatformConnector::ReportCallback done)
{
    const int maxDays = limits.maxDays > 0 ? limits.maxDays : int(from.daysTo(to)) + 1;
    const qsizetype maxIds = limits.maxIds > 0 ? limits.maxIds : std::max<qsizetype>(ids.size(), 1);
    QList<ChainLink> links;
    for (const QPair<QDate, QDate> &window : dayWindows(from, to, maxDays)) {
        for (qsizetype i = 0; i < ids.size(); i += maxIds) {
            const QStringList group = ids.mid(i, maxIds);
            links.append([step, group, window](auto next) { step(group, window.first, window.second, next); });
        }
    }
    runChain(std::move(links), [rows, done](std::optional<PlatformError> error) {
        done(error ? PlatformResult<QList<ReportRow>>(tl::unexpected(*error))
                   : PlatformResult<QList<ReportRow>>(rows->rows()));
    });
}

void runPagedReport(const QStringList &ids, const QDate &from, const QDate &to, ReportLimits limits,
                    ReportPagesFor pagesFor, const QString &platformName, LogCategory log,
                    PlatformConnector::ReportCallback done)
{
    auto rows = std::make_shared<ReportRows>();
    const ReportStep walk = [pagesFor, rows, platformName, log](auto group, auto since, auto until, auto next) {
        walkReportPages(pagesFor(group, since, until), rows, platformName, log, next);
    };
    runReportSteps(ids, from, to, limits, walk, rows, std::move(done));
}

void runDoneChain(QList<ChainLink> links, PlatformConnector::DoneCallback done)
{
    runChain(std::move(links), [done](std::optional<PlatformError> error) {
        done(error ? PlatformResult<bool>(tl::unexpected(*error)) : PlatformResult<bool>(true));
    });
}

} // namespace ads::core
