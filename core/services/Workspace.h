#pragma once

#include "core/domain/Error.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ads::core {

class AnalyticsService;
class CampaignService;
class ExchangeRateService;
class ChangeNotifier;
class IdempotencyStore;
class SecretStore;
class SyncService;

namespace sandbox {
class SandboxHub;
}

/**
 * Everything one AdsDesk data directory holds, wired together: the store, the services, the launch
 * engine and sync on their worker thread, and in sandbox mode the simulated platforms. The app, the
 * GUI and the local API all work through one Workspace.
 */
class Workspace : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        bool sandbox = true;
        quint64 sandboxSeed = 42;
        int syncIntervalSeconds = 3600;
        // Where platform tokens live; the system keychain (or its file fallback) when null.
        std::shared_ptr<SecretStore> secretStore;
        // Per-request timeout of the connectors; 0 picks the default: 4 s on the sandbox, so
        // injected faults surface fast, and the connectors' own 30 s on real platforms.
        int requestTimeoutMs = 0;
    };

    static Result<std::unique_ptr<Workspace>> open(const Options &options);
    ~Workspace() override;

    CampaignService *campaigns() const;
    AnalyticsService *analytics() const;
    ExchangeRateService *exchangeRates() const;
    SyncService *sync() const;
    ChangeNotifier *notifier() const;

    /** The simulated platforms, or nullptr outside sandbox mode. */
    sandbox::SandboxHub *sandboxHub() const;

    QString dataDir() const;

    /** The instant lifecycle rules and report days use: the sandbox clock in sandbox mode. */
    QDateTime now() const;

    SecretStore *secretStore() const;

    /** Answers to POSTs that carried an Idempotency-Key, for the local API. */
    IdempotencyStore *idempotency() const;

private:
    Workspace();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ads::core
