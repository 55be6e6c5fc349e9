#pragma once

#include "core/platforms/ConnectorBase.h"

#include <QJsonObject>

namespace ads::core {

/**
 * Meta Marketing API (Graph API, facebook and instagram placements).
 *
 * Hierarchy: custom audiences, image and video uploads (a video's poster frame goes up as its
 * thumbnail), campaign (no campaign budget), ad set (budget, schedule, targeting), one ad
 * creative and one ad per creative, then "activate".
 * Everything is created PAUSED. Budgets go out in Meta's minor units (its currency offset
 * table); insights come back in major-unit decimal strings.
 */
class MetaConnector : public ConnectorBase
{
    Q_OBJECT

public:
    static inline const QString kDefaultVersion = QStringLiteral("v25.0");

    MetaConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent = nullptr);

    Platform platform() const override { return Platform::Facebook; }

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

    /** Meta's minor-unit offset: 1 for CLP, COP, CRC, HUF, ISK, IDR, JPY, KRW, PYG, TWD, VND. */
    static int currencyOffsetDigits(const QString &currency);

    /** One page of an insights answer as report rows; public so the benchmark reads pages as we do. */
    static PlatformResult<ReportPage> readInsightsPage(const QJsonObject &reply, const ConnectorAccount &account,
                                                       bool hourly);

private:
    using JsonCallback = std::function<void(PlatformResult<QJsonObject>)>;
    using Matcher = std::function<bool(const QJsonObject &)>;
    using ListCallback = std::function<void(PlatformResult<std::optional<QJsonObject>>)>;

    void post(const QString &path, net::Params fields, const ConnectorAccount &account,
              JsonCallback done);
    void postMultipart(const QString &path, const net::Params &fields, const QString &fileField,
                       const QString &filePath, const ConnectorAccount &account,
                       JsonCallback done);
    void get(const QString &path, net::Params query, const ConnectorAccount &account,
             JsonCallback done);
    void finish(const net::HttpOutcome &outcome, bool write, const JsonCallback &done) const;
    void findInList(const QString &path, net::Params query, const ConnectorAccount &account,
                    Matcher matches, ListCallback done, int page = 0, QString after = {});

    QString versioned(const QString &path) const;
    QString accountPath(const ConnectorAccount &account, const QString &edge) const;

    void createAudience(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadImage(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadVideo(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createCampaign(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createAdSet(const LaunchInput &input, const PlannedStep &step,
                     const QMap<QString, QString> &remoteIds, StepCallback done);
    void createCreative(const LaunchInput &input, const PlannedStep &step,
                        const QMap<QString, QString> &remoteIds, StepCallback done);
    void postCreative(const LaunchInput &input, const PlannedStep &step, QJsonObject storySpec,
                      StepCallback done);
    void createAd(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, StepCallback done);
    void setStatuses(const ConnectorAccount &account, const QStringList &ids,
                     const QString &status, DoneCallback done);
    ReportPageFetch insightsPages(const ConnectorAccount &account, const net::Params &query, bool hourly);
    void fetchInsights(const ConnectorAccount &account, const QStringList &remoteCampaignIds, const QDate &from,
                       const QDate &to, bool hourly, ReportCallback done);
};

} // namespace ads::core
