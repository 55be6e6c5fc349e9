#pragma once

#include "core/domain/Platform.h"
#include "core/sandbox/SandboxFaults.h"
#include "core/sandbox/SandboxTypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QReadWriteLock>
#include <QUrl>

#include <memory>
#include <vector>

namespace ads::core::sandbox {

class PlatformServer;
class SandboxContext;

/**
 * AdsDesk's embedded stand-in for the ad platforms: simulated Meta Marketing API, Google Ads
 * API (REST) and TikTok API for Business, each on its own HTTP server on 127.0.0.1, speaking
 * the platform's wire format. State lives in <dataDir>/sandbox.sqlite and survives restarts.
 * Every method is safe to call from any thread.
 */
class SandboxHub : public QObject
{
    Q_OBJECT

public:
    explicit SandboxHub(const QString &dataDir, quint64 seed = 42, QObject *parent = nullptr);
    /** Stops the servers and joins their threads. */
    ~SandboxHub() override;

    /** One HTTP server per platform on 127.0.0.1:0, each on its own QThread. */
    bool start(QString *error = nullptr);

    /** facebook, google, tiktok. */
    QList<Platform> platforms() const;
    /** The platform's origin, e.g. http://127.0.0.1:41234; empty before start(). */
    QUrl baseUrl(Platform platform) const;
    QList<SandboxAccount> accounts(Platform platform) const;

    /** The sandbox clock, UTC: real now plus a persisted offset. */
    QDateTime now() const;
    /** Moves every platform's clock forward; delivery catches up on the next report. */
    void advanceClock(qint64 seconds);

    /**
     * Revokes every access token of the platform's accounts, as a user who removes the app's access
     * would: requests with the old token get the platform's auth error from then on. The accounts
     * get new tokens (what signing in again would yield), visible through accounts().
     */
    void revokeAccessTokens(Platform platform);

    /**
     * Every object of the platform in creation order:
     * [{"type","id","parentId","name","status","fields":{the raw request fields}}].
     */
    QJsonArray objects(Platform platform) const;

    /**
     * Makes the platform's API misbehave as the profile says, from its next request on; an
     * all-zero profile turns its faults off. Runtime only: a restarted hub has no faults.
     */
    void setFaults(Platform platform, const FaultProfile &profile);
    void clearFaults();
    /** The profiles in force, by platform; platforms without faults are absent. */
    QHash<Platform, FaultProfile> faults() const;

private:
    bool ensureAccounts(QString *error);

    QString m_dataDir;
    quint64 m_seed;
    std::shared_ptr<SandboxContext> m_context;
    std::shared_ptr<SandboxFaults> m_faults;
    std::vector<std::unique_ptr<PlatformServer>> m_servers;
    mutable QReadWriteLock m_lock;
    QHash<Platform, QUrl> m_baseUrls;
    bool m_started = false;
};

} // namespace ads::core::sandbox
