#pragma once

#include "core/launch/LaunchEngine.h"
#include "core/services/SyncService.h"
#include "core/store/MetricsStore.h"

#include <QMutex>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>

namespace ads::core {

class ChangeNotifier;
class Database;

/**
 * Pulls daily delivery of every launched campaign from each platform's reporting API into the
 * store, one account at a time. Each platform is read on its own cadence (SyncPolicy) and every
 * read re-reads a trailing window and replaces those days, because platforms restate recent days
 * as conversions are attributed.
 *
 * Lives on the core's worker thread next to the launch engine; requestSync(), status() and
 * settlingFrom() are safe from any thread.
 *
 * Where a platform reports by the hour, the most recent days are also read hour by hour.
 */
class SyncEngine : public SyncService
{
    Q_OBJECT

public:
    SyncEngine(Database *database, ChangeNotifier *notifier, QObject *parent = nullptr);

    void addConnector(PlatformConnector *connector);
    void setCredentialSource(CredentialSource source);

    /** Report days are computed from this clock; in sandbox mode it is the sandbox's. */
    void setClock(std::function<QDateTime()> clock);

    /** Every platform re-reads this many days before today (overrides the stored policies). */
    void setRestatementDays(int days);

    /**
     * Starts checking every checkSeconds which platforms are due by their policy's cadence, and
     * syncs those. Call on the engine's thread; 0 leaves syncing to requests.
     */
    void start(int checkSeconds);

    void requestSync() override;
    void requestPlatformSync(Platform platform) override;
    void setPolicy(Platform platform, const SyncPolicy &policy) override;
    SyncStatus status() const override;

    SyncPolicy policy(Platform platform) const;

    /** The first report day each platform may still restate, in its default account's zone. */
    QMap<Platform, QDate> settlingFrom() const;

    /** Each platform's current report day, in its default account's zone. */
    QMap<Platform, QDate> today() const;

private:
    struct Target;
    enum class ReportGrain { Daily, Hourly };

    void run();
    void syncDue();
    void startPlatforms(const QList<Platform> &platforms);
    void syncTarget(Platform platform, QList<Target> targets, int rows);
    void syncHourly(Platform platform, const Target &target, const QList<Target> &targets, int rows,
                    const QDate &today);
    /** Replaces a window of one account's rows with the platform's answer, in one transaction. */
    Result<int> storeWindow(const metrics_store::ReportWindow &window, const QList<ReportRow> &rows,
                            ReportGrain grain);
    void platformDone(Platform platform, int rows, const QString &error);
    void recordState(Platform platform, int rows, const QString &error);
    QDateTime hoursReadAt(Platform platform, const QString &accountId) const;
    void recordHoursRead(Platform platform, const QString &accountId, const QDateTime &at);
    QList<Target> targetsFor(Platform platform) const;
    QDateTime now() const;
    QDate todayFor(Platform platform) const;

    Database *m_database;
    ChangeNotifier *m_notifier;
    std::map<Platform, PlatformConnector *> m_connectors;
    CredentialSource m_credentials;
    std::function<QDateTime()> m_clock;
    int m_restatementOverride = -1;
    QTimer m_timer;

    mutable QMutex m_mutex;
    QDateTime m_startedAt;
    QSet<Platform> m_running;
    int m_platformsTotal = 0;
    int m_platformsDone = 0;
    bool m_anyFailed = false;
};

} // namespace ads::core
