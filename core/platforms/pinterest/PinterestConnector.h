#pragma once

// ConnectorAccount for Pinterest:
//   accountId                  the ad account id, digits
//   extra["boardId"]           required: the board the ads' Pins are saved to (best a secret one)
//   extra["bidMicros"]         required for awareness, traffic and engagement: the maximum bid in
//                              micros of the account currency (Pinterest needs a bid for
//                              IMPRESSION and CLICKTHROUGH billing)
//   extra["conversionTagId"]   required for leads, conversions and sales: the Pinterest tag id
//   extra["country"]           optional: the ISO 3166 country to target; without it, the country
//                              of the account's time zone
// Report days are UTC days (Pinterest's reporting dates), not the account's zone.

#include "core/platforms/ConnectorBase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ads::core {

/**
 * Pinterest API v5 (ads).
 *
 * Hierarchy: customer list plus CUSTOMER_LIST audience per customer list, video uploads,
 * campaign (no campaign budget), one ad group (budget, schedule, bid, targeting), then per
 * creative a Pin on the account's board and the ad promoting it (one step, found again by the
 * ad's tag: a Pin has no name to tag), then "activate". Writes are batches: a JSON
 * array in, {"items":[{data, exceptions}]} out, where one item can fail while HTTP says 200.
 * Everything is created PAUSED. Money is integer micro-currency, times are Unix seconds.
 */
class PinterestConnector : public ConnectorBase
{
    Q_OBJECT

public:
    static inline const QString kDefaultVersion = QStringLiteral("v5");

    PinterestConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent = nullptr);

    Platform platform() const override { return Platform::Pinterest; }

    LaunchPlan plan(const LaunchInput &input) const override;
    void createStep(const LaunchInput &input, const PlannedStep &step,
                    const QMap<QString, QString> &remoteIds, StepCallback done) override;
    void findStep(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, FindCallback done) override;
    void setDelivery(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                     bool active, DoneCallback done) override;
    // Hourly reports stay not_offered: HOUR granularity exists, but it no longer returns conversion
    // metrics (pinterest.md 4.1), so its hours could never add up to the daily rows.
    void fetchDailyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                          const QDate &from, const QDate &to, ReportCallback done) override;

    /** How long to wait between looks at an uploaded video that Pinterest still processes. */
    void setMediaPollIntervalMs(int ms) { m_pollMs = std::max(ms, 1); }

private:
    using JsonCallback = std::function<void(PlatformResult<QJsonValue>)>;
    using ItemCallback = std::function<void(PlatformResult<QJsonObject>)>;
    using FoundCallback = std::function<void(PlatformResult<std::optional<QJsonObject>>)>;
    using Matcher = std::function<bool(const QJsonObject &)>;
    using ErrorCallback = std::function<void(std::optional<PlatformError>)>;

    QString apiPath(const QString &path) const;
    QString accountPath(const ConnectorAccount &account, const QString &edge) const;
    void send(const QByteArray &verb, const QString &path, const net::Params &query,
              const ConnectorAccount &account, const QJsonValue &body, JsonCallback done);
    void finish(const net::HttpOutcome &outcome, bool write, const JsonCallback &done) const;
    void writeBatch(const QByteArray &verb, const ConnectorAccount &account, const QString &edge,
                    const QJsonArray &items, std::function<void(PlatformResult<QJsonArray>)> done);
    void createOne(const ConnectorAccount &account, const QString &edge, const QJsonObject &item,
                   const QString &type, StepCallback done);
    void findInPages(const ConnectorAccount &account, const QString &path,
                     const net::Params &query, Matcher matches, FoundCallback done, int page = 0,
                     QString bookmark = {});

    void createAudience(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadVideo(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void pollVideo(const ConnectorAccount &account, const QString &mediaId, const QString &type,
                   int attempt, StepCallback done);
    void createPin(const LaunchInput &input, const Creative &creative,
                   const QMap<QString, QString> &remoteIds,
                   std::function<void(PlatformResult<QString>)> done);
    void createCampaign(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createAdGroup(const LaunchInput &input, const PlannedStep &step,
                       const QMap<QString, QString> &remoteIds, StepCallback done);
    void createAd(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, StepCallback done);
    void setStatuses(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                     bool active, DoneCallback done);
    void reportWindow(const ConnectorAccount &account, const QStringList &ids, const QDate &from,
                      const QDate &to, std::shared_ptr<ReportRows> rows,
                      ErrorCallback done);

    int m_pollMs = 2000;
};

} // namespace ads::core
