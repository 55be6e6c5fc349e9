#pragma once

#include "core/platforms/ConnectorBase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ads::core {

/**
 * Google Ads API over REST (JSON transcoding of the gRPC API).
 *
 * Hierarchy: a customer-match user list per audience, two image assets per creative (square and
 * landscape), then one atomic googleAds:mutate that creates budget, Display campaign, ad group,
 * user-list criteria and one responsive display ad per creative, all PAUSED; "activate" enables
 * them in one more atomic mutate. Video creatives are left out: Google takes videos only as
 * YouTube videos. Money is in micros; int64 values travel as JSON strings.
 */
class GoogleAdsConnector : public ConnectorBase
{
    Q_OBJECT

public:
    static inline const QString kDefaultVersion = QStringLiteral("v25");

    /** One page of a search answer as report rows; public so the benchmark reads pages as we do. */
    static PlatformResult<ReportPage> readSearchPage(const QJsonObject &reply, const ConnectorAccount &account,
                                                     bool hourly);

    GoogleAdsConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent = nullptr);

    Platform platform() const override { return Platform::Google; }

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

private:
    using JsonCallback = std::function<void(PlatformResult<QJsonObject>)>;
    using RowsCallback = std::function<void(PlatformResult<QJsonArray>)>;

    void post(const ConnectorAccount &account, const QString &method, const QJsonObject &body,
              bool write, JsonCallback done);
    void search(const ConnectorAccount &account, const QString &query, RowsCallback done);
    void searchPage(const ConnectorAccount &account, const QString &query, QString pageToken,
                    int page, std::shared_ptr<QJsonArray> rows, RowsCallback done);
    ReportPageFetch searchPages(const ConnectorAccount &account, const QString &query, bool hourly);
    void fetchReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds, const QDate &from,
                     const QDate &to, bool hourly, ReportCallback done);

    void mutateOne(const LaunchInput &input, const PlannedStep &step, const QString &service,
                   const QJsonObject &create, StepCallback done);
    void createTree(const LaunchInput &input, const PlannedStep &step,
                    const QMap<QString, QString> &remoteIds, StepCallback done);
    void enableAll(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                   DoneCallback done);
    void findTree(const LaunchInput &input, const PlannedStep &step, FindCallback done);
};

} // namespace ads::core
