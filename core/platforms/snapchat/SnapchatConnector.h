#pragma once

// ConnectorAccount for Snapchat:
//   accountId              the ad account id (an opaque string, usually a UUID)
//   timeZone               the ad account's IANA zone: report days are its local days
//   extra["profileId"]     required: the Snap Public Profile every creative is tied to
//   extra["brandName"]     required: the brand name shown on the ads, up to 25 characters
//   extra["pixelId"]       required for leads, conversions and sales: the Snap Pixel id

#include "core/platforms/ConnectorBase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ads::core {

/**
 * Snapchat Marketing API v1.
 *
 * Hierarchy: customer list segments (and their hashed members), media (create, upload, wait
 * until READY), one creative per creative, campaign (objective, schedule), one ad squad
 * (daily or lifetime budget, at least 5 a day in any currency; targeting, goal), one ad per
 * creative, then "activate". Bodies are wrapped: {"campaigns":[...]} in, and out each element
 * carries its own sub_request_status. Everything is created PAUSED; status changes PUT the whole
 * object back. Money is integer micro-currency; stats days are the account's local days.
 */
class SnapchatConnector : public ConnectorBase
{
    Q_OBJECT

public:
    static inline const QString kDefaultVersion = QStringLiteral("v1");

    SnapchatConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent = nullptr);

    Platform platform() const override { return Platform::Snapchat; }

    LaunchPlan plan(const LaunchInput &input) const override;
    void createStep(const LaunchInput &input, const PlannedStep &step,
                    const QMap<QString, QString> &remoteIds, StepCallback done) override;
    void findStep(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, FindCallback done) override;
    void setDelivery(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                     bool active, DoneCallback done) override;
    void fetchDailyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                          const QDate &from, const QDate &to, ReportCallback done) override;
    bool offersHourlyReports() const override { return true; }
    void fetchHourlyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                           const QDate &from, const QDate &to, ReportCallback done) override;

    /** How long to wait between looks at uploaded media that Snapchat still processes. */
    void setMediaPollIntervalMs(int ms) { m_pollMs = std::max(ms, 1); }

private:
    using JsonCallback = std::function<void(PlatformResult<QJsonObject>)>;
    using ObjectCallback = std::function<void(PlatformResult<QJsonObject>)>;
    using FoundCallback = std::function<void(PlatformResult<std::optional<QJsonObject>>)>;
    using Matcher = std::function<bool(const QJsonObject &)>;
    using ErrorCallback = std::function<void(std::optional<PlatformError>)>;

    QString apiPath(const QString &path) const;
    void send(const QByteArray &verb, const QUrl &url, const ConnectorAccount &account,
              const QJsonObject &body, JsonCallback done);
    void finish(const net::HttpOutcome &outcome, bool write, const JsonCallback &done) const;
    void writeOne(const QByteArray &verb, const ConnectorAccount &account, const QString &path,
                  const QString &plural, const QString &singular, const QJsonObject &object,
                  ObjectCallback done);
    void createOne(const ConnectorAccount &account, const QString &path, const QString &plural,
                   const QString &singular, const QJsonObject &object, const QString &type,
                   StepCallback done);
    void findInPages(const ConnectorAccount &account, const QUrl &url, const QString &plural,
                     const QString &singular, Matcher matches, FoundCallback done, int page = 0);

    void createSegment(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadMembers(const LaunchInput &input, const PlannedStep &step,
                       const QMap<QString, QString> &remoteIds, StepCallback done);
    void createMedia(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadMedia(const ConnectorAccount &account, const QString &id, const QByteArray &bytes,
                     const QString &mime, const QString &fileName, const QString &type,
                     StepCallback done);
    void pollMedia(const ConnectorAccount &account, const QString &mediaId, const QString &type,
                   int attempt, StepCallback done);
    void createCreative(const LaunchInput &input, const PlannedStep &step,
                        const QMap<QString, QString> &remoteIds, StepCallback done);
    void createCampaign(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createAdSquad(const LaunchInput &input, const PlannedStep &step,
                       const QMap<QString, QString> &remoteIds, StepCallback done);
    void createAd(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, StepCallback done);
    void findMembers(const ConnectorAccount &account, const QString &segmentId,
                     FindCallback done);
    void putStatus(const ConnectorAccount &account, const QString &readPath,
                   const QString &parentPath, const QString &plural, const QString &singular,
                   const QString &status, ErrorCallback done);
    void setAll(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                bool active, DoneCallback done);
    void fetchStats(const ConnectorAccount &account, const QStringList &remoteCampaignIds, const QDate &from,
                    const QDate &to, bool hourly, ReportCallback done);
    void statsWindow(const ConnectorAccount &account, const QString &campaignId, const QDate &from,
                     const QDate &to, bool hourly, std::shared_ptr<ReportRows> rows, ErrorCallback done);

    int m_pollMs = 2000;
};

} // namespace ads::core
