#pragma once

// ConnectorAccount for LinkedIn:
//   accountId              the ad account's numeric id, e.g. "507404993"
//   extra["organizationUrn"] required: the company page that authors the ads' posts,
//                            "urn:li:organization:<digits>"; it must be the account's advertiser
//   extra["geoUrn"]          optional: the location to target, "urn:li:geo:<digits>"; without it
//                            the country of the account's time zone is used where we know its URN
//   extra["locale"]          optional: the campaign locale, "en_US" when not set
// LinkedIn accounts have no time zone of their own: report days and daily budgets are UTC days.

#include "core/platforms/ConnectorBase.h"

#include <QJsonObject>

namespace ads::core {

/**
 * LinkedIn Marketing API, versioned REST (Rest.li protocol 2.0.0).
 *
 * Hierarchy: image uploads, campaign group, campaign (objective, budget, schedule, targeting),
 * one single-image Sponsored Content creative per creative (an inline post by the
 * organization), then "activate". Everything is created DRAFT. Money is decimal strings in
 * the account currency, times are epoch milliseconds, report days are UTC.
 *
 * The API version is sent on every call in LinkedIn-Version; LinkedIn retires versions after a
 * year, so it comes from ADSDESK_LINKEDIN_VERSION when set and can be changed at run time.
 */
class LinkedInConnector : public ConnectorBase
{
    Q_OBJECT

public:
    static inline const QString kDefaultVersion = QStringLiteral("202601");

    LinkedInConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent = nullptr);

    Platform platform() const override { return Platform::LinkedIn; }

    LaunchPlan plan(const LaunchInput &input) const override;
    void createStep(const LaunchInput &input, const PlannedStep &step,
                    const QMap<QString, QString> &remoteIds, StepCallback done) override;
    void findStep(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, FindCallback done) override;
    void setDelivery(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                     bool active, DoneCallback done) override;
    // Hourly reports stay not_offered: timeGranularity is DAILY, MONTHLY, YEARLY or ALL (linkedin.md 5.1).
    void fetchDailyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                          const QDate &from, const QDate &to, ReportCallback done) override;

    /** A Rest.li leaf value: every character but unreserved ones percent-encoded. */
    static QString restliLeaf(const QString &value);

    /** List(a,b) with each item encoded as a leaf; the structure stays raw. */
    static QString restliList(const QStringList &values);

    /** The id in an x-restli-id header (reduced encoding), decoded. */
    static QString decodeRestliId(const QByteArray &header);

private:
    struct Reply
    {
        QJsonObject body;
        QString createdId; // from x-restli-id (or x-linkedin-id) on a 201
    };
    using ReplyCallback = std::function<void(PlatformResult<Reply>)>;
    using FoundCallback = std::function<void(PlatformResult<std::optional<QJsonObject>>)>;
    using Matcher = std::function<bool(const QJsonObject &)>;

    QUrl restUrl(const QString &encodedPath, const QString &encodedQuery = {}) const;
    QNetworkRequest request(const QUrl &url, const ConnectorAccount &account) const;
    void send(const QByteArray &verb, const QUrl &url, const ConnectorAccount &account,
              const QJsonObject &body, const QByteArray &restliMethod, ReplyCallback done);
    void finish(const net::HttpOutcome &outcome, bool write, const ReplyCallback &done) const;
    void findInPages(const ConnectorAccount &account, const QString &path, const QString &query,
                     Matcher matches, FoundCallback done, int page = 0, QString token = {});
    void partialUpdate(const ConnectorAccount &account, const QString &path,
                       const QJsonObject &set,
                       std::function<void(std::optional<PlatformError>)> done);

    QString accountPath(const ConnectorAccount &account, const QString &collection) const;

    void uploadImage(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createGroup(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createCampaign(const LaunchInput &input, const PlannedStep &step,
                        const QMap<QString, QString> &remoteIds, StepCallback done);
    void createCreative(const LaunchInput &input, const PlannedStep &step,
                        const QMap<QString, QString> &remoteIds, StepCallback done);
    void setAll(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                bool active, DoneCallback done);
    void reportChunk(const ConnectorAccount &account, const QStringList &ids, const QDate &from,
                     const QDate &to, std::shared_ptr<ReportRows> rows,
                     std::function<void(std::optional<PlatformError>)> done);
};

} // namespace ads::core
