#pragma once

#include "core/launch/LaunchEngine.h"
#include "core/services/SyncService.h"

#include <QMutex>
#include <QTimer>

#include <functional>
#include <map>

namespace ads::core {

class ChangeNotifier;
class Database;

/**
 * Pulls daily delivery of every launched campaign from each platform's reporting API into the
 * store. Each run re-reads a trailing window and overwrites those days, because platforms restate
 * recent days as conversions are attributed.
 *
 * Lives on the core's worker thread next to the launch engine; requestSync() and status() are
 * safe from any thread.
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

    /** How many days before today every sync re-reads. */
    void setRestatementDays(int days);

    /** Starts the periodic timer. Call on the engine's thread. */
    void start(int intervalSeconds);

    void requestSync() override;
    SyncStatus status() const override;

private:
    struct Target;

    void run();
    void syncPlatform(Platform platform, const QList<Target> &targets);
    void platformDone(Platform platform, int rows, const QString &error);
    void recordState(Platform platform, int rows, const QString &error);
    QList<Target> targetsFor(Platform platform) const;

    Database *m_database;
    ChangeNotifier *m_notifier;
    std::map<Platform, PlatformConnector *> m_connectors;
    CredentialSource m_credentials;
    std::function<QDateTime()> m_clock;
    int m_restatementDays = 7;
    QTimer m_timer;

    mutable QMutex m_mutex;
    bool m_running = false;
    QDateTime m_startedAt;
    int m_platformsLeft = 0;
    bool m_anyFailed = false;
};

} // namespace ads::core
