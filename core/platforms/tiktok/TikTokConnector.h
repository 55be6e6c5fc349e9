#pragma once

#include "core/platforms/ConnectorBase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ads::core {

/**
 * TikTok API for Business v1.3.
 *
 * Hierarchy: customer-file audiences, image/video uploads (a video's cover image is a step of its
 * own), campaign (daily budget at campaign level with budget optimisation; lifetime budgets on
 * the ad group), one ad group, one ad per creative, then "activate". Uploads carry a file_name
 * made from the step's tag, which is how they are found again. Everything is created DISABLE.
 * Business errors arrive with HTTP 200 and a non-zero "code" in the body. Money is in decimal
 * major units.
 */
class TikTokConnector : public ConnectorBase
{
    Q_OBJECT

public:
    static inline const QString kDefaultVersion = QStringLiteral("v1.3");

    TikTokConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent = nullptr);

    Platform platform() const override { return Platform::TikTok; }

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

protected:
    bool isPassingFault(const net::HttpOutcome &outcome) const override;

private:
    using DataCallback = std::function<void(PlatformResult<QJsonValue>)>;
    using FoundCallback = std::function<void(PlatformResult<std::optional<QJsonObject>>)>;

    QString apiPath(const QString &endpoint) const;
    void postJson(const ConnectorAccount &account, const QString &endpoint, QJsonObject body,
                  DataCallback done);
    void postUpload(const ConnectorAccount &account, const QString &endpoint,
                    const QList<QPair<QString, QByteArray>> &fields, const QString &fileField,
                    const QString &fileName, const QByteArray &bytes, DataCallback done);
    void get(const ConnectorAccount &account, const QString &endpoint, net::Params query,
             DataCallback done);
    void finish(const net::HttpOutcome &outcome, bool write, const DataCallback &done) const;
    void findInPages(const ConnectorAccount &account, const QString &endpoint,
                     const net::Params &query, std::function<bool(const QJsonObject &)> matches,
                     FoundCallback done, int page = 1);

    /** One upload to the image or video library: its source fields and, by file, the bytes. */
    struct MaterialUpload
    {
        bool video = false;
        QList<QPair<QString, QByteArray>> fields; // upload_type and what it needs
        QString fileName;                         // of the file part; empty: no file part
        QByteArray bytes;
    };

    void createAudience(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadMedia(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void uploadCover(const LaunchInput &input, const PlannedStep &step,
                     const QMap<QString, QString> &remoteIds, StepCallback done);
    void uploadMaterial(const ConnectorAccount &account, const PlannedStep &step,
                        MaterialUpload upload, StepCallback done);
    void findMaterial(const ConnectorAccount &account, bool video, const QString &name,
                      FoundCallback done);
    void createCampaign(const LaunchInput &input, const PlannedStep &step, StepCallback done);
    void createAdGroup(const LaunchInput &input, const PlannedStep &step,
                       const QMap<QString, QString> &remoteIds, StepCallback done);
    void createAd(const LaunchInput &input, const PlannedStep &step,
                  const QMap<QString, QString> &remoteIds, StepCallback done);
    void setStatus(const ConnectorAccount &account, const QString &level, const QStringList &ids,
                   const QString &status, std::function<void(std::optional<PlatformError>)> done);
    void enableAll(const ConnectorAccount &account, const QMap<QString, QString> &remoteIds,
                   DoneCallback done);
    void fetchReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds, const QDate &from,
                     const QDate &to, bool hourly, ReportCallback done);
    ReportPageFetch reportPages(const ConnectorAccount &account, bool hourly, const QStringList &ids,
                                const QDate &from, const QDate &to);
};

} // namespace ads::core
