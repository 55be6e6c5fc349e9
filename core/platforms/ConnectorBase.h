#pragma once

#include "core/platforms/HttpSupport.h"
#include "core/platforms/PlatformConnector.h"
#include "core/platforms/ReportReading.h"

#include <QNetworkAccessManager>
#include <QPointer>

#include <functional>

namespace ads::core {

/**
 * What the three connectors share: the network manager, the origin, the API version and the
 * per-request timeout. Not part of the connector contract; the factory hands out
 * PlatformConnector.
 */
class ConnectorBase : public PlatformConnector
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 30'000;

    ConnectorBase(QNetworkAccessManager *nam, QUrl baseUrl, QString apiVersion,
                  QObject *parent = nullptr);

    QUrl baseUrl() const override { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) override { m_baseUrl = url; }

    QString apiVersion() const { return m_apiVersion; }
    void setApiVersion(const QString &version) { m_apiVersion = version; }

    int requestTimeoutMs() const { return m_timeoutMs; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms > 0 ? ms : kDefaultTimeoutMs; }

protected:
    /** The origin plus path (which starts with '/') and an optional query. */
    QUrl endpoint(const QString &path, const net::Params &query = {}) const;

    /**
     * Sends the call. An idempotent call (see net::HttpCall::idempotent) that meets a passing fault
     * (no answer, 408, 429 with a short wait, 5xx, or what isPassingFault() says) is sent again a
     * few times right here: an operation of several such calls, like switching every object of a
     * campaign on, then survives a flaky network without starting over. Anything else, creates
     * above all, is answered once: the launch journal decides about those.
     */
    void sendCall(net::HttpCall call, net::HttpCallback done);

    /** Platforms that report faults inside a 200 (TikTok) say so here. */
    virtual bool isPassingFault(const net::HttpOutcome &outcome) const;

    QNetworkAccessManager *nam() const { return m_nam; }

private:
    void sendAttempt(net::HttpCall call, net::HttpCallback done, int attempt);

    QPointer<QNetworkAccessManager> m_nam;
    QUrl m_baseUrl;
    QString m_apiVersion;
    int m_timeoutMs = kDefaultTimeoutMs;
};

/** One link of a chain of calls: runs, then reports an error or nullopt for "go on". */
using ChainLink = std::function<void(std::function<void(std::optional<PlatformError>)>)>;

/** Runs links one after another and stops at the first error; done is called exactly once. */
void runChain(QList<ChainLink> links, std::function<void(std::optional<PlatformError>)> done);

/** One request of a report: the rows of ids over from..to go into the shared rows. */
using ReportStep = std::function<void(const QStringList &ids, const QDate &from, const QDate &to,
                                      std::function<void(std::optional<PlatformError>)> next)>;

/** How much one report request may ask for; 0 means no limit. */
struct ReportLimits
{
    int maxDays = 0;
    int maxIds = 0;
};

/**
 * Cuts a report into requests within the platform's limits (day windows in order, the ids in
 * groups within each window), runs step for each in turn and answers every row gathered, or the
 * first error. No ids or an empty range answers no rows without a request.
 */
void runReportSteps(const QStringList &ids, const QDate &from, const QDate &to, ReportLimits limits,
                    ReportStep step, std::shared_ptr<ReportRows> rows, PlatformConnector::ReportCallback done);

/** The pages of one report request: ids over from..to. */
using ReportPagesFor = std::function<ReportPageFetch(const QStringList &ids, const QDate &from, const QDate &to)>;

/** runReportSteps for platforms that page their reports: each request is one walkReportPages. */
void runPagedReport(const QStringList &ids, const QDate &from, const QDate &to, ReportLimits limits,
                    ReportPagesFor pagesFor, const QString &platformName, LogCategory log,
                    PlatformConnector::ReportCallback done);

/** Runs links in order and answers true, or the first error (status changes of several objects). */
void runDoneChain(QList<ChainLink> links, PlatformConnector::DoneCallback done);

/** Most pages a connector follows in one listing before it gives up and keeps what it has. */
inline constexpr int kMaxPages = 50;

} // namespace ads::core
