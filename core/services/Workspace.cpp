#include "core/services/Workspace.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/launch/LaunchEngine.h"
#include "core/platforms/ConnectorBase.h"
#include "core/platforms/ConnectorFactory.h"
#include "core/platforms/Endpoints.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/AnalyticsService.h"
#include "core/services/CampaignService.h"
#include "core/services/ExchangeRates.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/IdempotencyStore.h"
#include "core/services/SampleWorkspace.h"
#include "core/store/Database.h"
#include "core/store/LibraryStore.h"
#include "core/sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QThread>

namespace ads::core {

namespace {

// The sandbox answers at once, so its waits are short and its transient faults are retried
// generously: fault tests inject far more failures than a real platform produces.
constexpr int kSandboxRequestTimeoutMs = 4000;
const LaunchEngine::RetryPolicy kSandboxRetry{.maxAttempts = 20,
                                              .baseDelayMs = 250,
                                              .maxDelayMs = 5000,
                                              .maxThrottleWaitMs = 3000};

QString tokenKey(Platform platform, const QString &accountId)
{
    return platformName(platform) + u':' + accountId;
}

QString developerTokenKey(Platform platform, const QString &accountId)
{
    return tokenKey(platform, accountId) + QStringLiteral(":developerToken");
}

} // namespace

/** The objects that live on the core's worker thread: network, connectors, launch and sync. */
class CoreThreadObjects : public QObject
{
public:
    QNetworkAccessManager *network = nullptr;
    std::vector<std::unique_ptr<PlatformConnector>> connectors;
    LaunchEngine *launch = nullptr;
    SyncEngine *sync = nullptr;
};

struct Workspace::Private
{
    Options options;
    std::unique_ptr<Database> database;
    std::shared_ptr<SecretStore> secrets;
    std::unique_ptr<ChangeNotifier> notifier;
    std::unique_ptr<CampaignService> campaigns;
    std::unique_ptr<AnalyticsService> analytics;
    std::unique_ptr<ExchangeRateService> exchangeRates;
    std::unique_ptr<IdempotencyStore> idempotency;
    std::unique_ptr<sandbox::SandboxHub> hub;

    QThread coreThread;
    CoreThreadObjects *core = nullptr;

    // Tokens read from the keychain once, on the main thread, so worker threads never block on it.
    mutable QMutex credentialsMutex;
    QHash<QString, ConnectorAccount> credentials;

    std::optional<ConnectorAccount> credentialsFor(const AdAccount &account) const
    {
        QMutexLocker locker(&credentialsMutex);
        const auto it = credentials.find(tokenKey(account.platform, account.accountId));
        if (it == credentials.end())
            return std::nullopt;
        return *it;
    }

    Status linkSandboxAccounts();
    Status importSandboxRates();
    QMap<Platform, QDate> settlingFrom() const;
    metrics_store::CampaignMetricsView metricsView() const;
    void loadCredentials();
    void startCoreThread();
};

Status Workspace::Private::importSandboxRates()
{
    auto earliest = fx_store::earliestDay(database->connection());
    if (!earliest)
        return fail(earliest.error());
    if (earliest->isValid())
        return {}; // the buyer's own rates (or an earlier import) stay as they are
    QFile table(QStringLiteral(":/sandbox/fx-rates.csv"));
    if (!table.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Internal, QStringLiteral("The sandbox exchange-rate table is missing."));
    auto imported = exchangeRates->importCsv(table.readAll());
    return imported ? Status{} : fail(imported.error());
}

QMap<Platform, QDate> Workspace::Private::settlingFrom() const
{
    return core && core->sync ? core->sync->settlingFrom() : QMap<Platform, QDate>();
}

metrics_store::CampaignMetricsView Workspace::Private::metricsView() const
{
    metrics_store::CampaignMetricsView view;
    if (!core || !core->sync)
        return view;
    view.settlingFrom = core->sync->settlingFrom();
    view.today = core->sync->today();
    view.now = hub ? hub->now() : QDateTime::currentDateTimeUtc();
    for (Platform platform : allPlatforms())
        view.omitsZeroDays.insert(platform, core->sync->policy(platform).omitsZeroDays);
    return view;
}

Status Workspace::Private::linkSandboxAccounts()
{
    const QSqlDatabase db = database->connection();
    for (Platform platform : hub->platforms()) {
        const QList<sandbox::SandboxAccount> accounts = hub->accounts(platform);
        // The US-dollar account is the default one, as it was before each platform had two.
        qsizetype defaultIndex = 0;
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            if (accounts[i].currency == u"USD") {
                defaultIndex = i;
                break;
            }
        }
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            const sandbox::SandboxAccount &remote = accounts[i];
            AdAccount account{platform, remote.accountId, remote.name, remote.currency, remote.timeZone, true};
            QJsonObject extra;
            for (auto it = remote.extra.begin(); it != remote.extra.end(); ++it) {
                if (it.key() == u"developerToken")
                    continue; // a credential: keychain only
                extra.insert(it.key(), it.value());
            }
            if (auto saved = library_store::saveAccount(db, account, i == defaultIndex, extra); !saved)
                return saved;
            if (auto stored = secrets->write(tokenKey(platform, remote.accountId), remote.accessToken); !stored)
                return stored;
            if (remote.extra.contains(QStringLiteral("developerToken"))) {
                auto dev = secrets->write(developerTokenKey(platform, remote.accountId),
                                          remote.extra.value(QStringLiteral("developerToken")));
                if (!dev)
                    return dev;
            }
        }
    }
    return {};
}

void Workspace::Private::loadCredentials()
{
    const QSqlDatabase db = database->connection();
    const QList<AdAccount> accounts = library_store::accounts(db).value_or(QList<AdAccount>());
    QHash<QString, ConnectorAccount> loaded;
    for (const AdAccount &account : accounts) {
        auto token = secrets->read(tokenKey(account.platform, account.accountId));
        if (!token) {
            qCWarning(lcAuth) << "no token stored for" << platformName(account.platform) << account.accountId;
            continue;
        }
        ConnectorAccount connectorAccount{account.accountId, account.currency, account.timeZone, *token, {}};
        const QJsonObject extra = library_store::accountExtra(db, account.platform, account.accountId)
                                      .value_or(QJsonObject());
        for (auto it = extra.begin(); it != extra.end(); ++it)
            connectorAccount.extra.insert(it.key(), it.value().toString());
        if (auto dev = secrets->read(developerTokenKey(account.platform, account.accountId)))
            connectorAccount.extra.insert(QStringLiteral("developerToken"), *dev);
        loaded.insert(tokenKey(account.platform, account.accountId), connectorAccount);
    }
    QMutexLocker locker(&credentialsMutex);
    credentials = loaded;
}

void Workspace::Private::startCoreThread()
{
    coreThread.setObjectName(QStringLiteral("ads-core"));
    coreThread.start();
    core = new CoreThreadObjects;
    core->moveToThread(&coreThread);

    const auto clock = [hub = hub.get()] { return hub ? hub->now() : QDateTime::currentDateTimeUtc(); };
    const auto credentialSource = [this](const AdAccount &account) { return credentialsFor(account); };
    QMetaObject::invokeMethod(core, [this, clock, credentialSource] {
        core->network = new QNetworkAccessManager(core);
        core->launch = new LaunchEngine(database.get(), notifier.get(), core);
        core->sync = new SyncEngine(database.get(), notifier.get(), core);
        QSettings settings;
        for (Platform platform : supportedPlatforms()) {
            const QUrl base = hub ? hub->baseUrl(platform) : resolveBaseUrl(platform, settings);
            auto connector = createConnector(platform, core->network, base);
            if (!connector)
                continue;
            const int timeoutMs = options.requestTimeoutMs > 0 ? options.requestTimeoutMs
                                  : hub                        ? kSandboxRequestTimeoutMs
                                                               : 0;
            if (auto *base = dynamic_cast<ConnectorBase *>(connector.get()); base && timeoutMs > 0)
                base->setRequestTimeoutMs(timeoutMs);
            core->launch->addConnector(connector.get());
            core->sync->addConnector(connector.get());
            core->connectors.push_back(std::move(connector));
        }
        core->launch->setCredentialSource(credentialSource);
        core->launch->setRetryPolicy(hub ? kSandboxRetry : LaunchEngine::RetryPolicy{});
        // Limitation: one budget per platform, not per ad account; each platform has one account today.
        if (hub) {
            core->launch->setRequestBudget(100, 50);
            core->launch->setMaxConcurrentPerPlatform(8);
        }
        core->sync->setCredentialSource(credentialSource);
        core->sync->setClock(clock);
        core->launch->setClock(clock);
        core->launch->start();
        core->sync->start(options.syncIntervalSeconds);
    }, Qt::BlockingQueuedConnection);

    campaigns->setLaunchEngine(core->launch);
    campaigns->setClock(clock);
}

Workspace::Workspace()
    : d(std::make_unique<Private>())
{
}

Workspace::~Workspace()
{
    if (d->core) {
        // The core's objects are destroyed on their own thread, then the thread stops.
        QMetaObject::invokeMethod(d->core, [core = d->core] { delete core; }, Qt::BlockingQueuedConnection);
        d->core = nullptr;
    }
    d->coreThread.quit();
    d->coreThread.wait();
    d->campaigns.reset();
    d->hub.reset();
}

Result<std::unique_ptr<Workspace>> Workspace::open(const Options &options)
{
    std::unique_ptr<Workspace> workspace(new Workspace);
    Private &d = *workspace->d;
    d.options = options;
    if (!QDir().mkpath(options.dataDir))
        return fail(ErrorCode::Storage, QStringLiteral("Cannot create the data directory %1.").arg(options.dataDir));

    auto database = Database::open(QDir(options.dataDir).filePath(QStringLiteral("adsdesk.sqlite")));
    if (!database)
        return fail(database.error());
    d.database = std::move(*database);
    d.secrets = options.secretStore ? options.secretStore
                                    : std::shared_ptr<SecretStore>(openSecretStore(options.dataDir));
    d.notifier = std::make_unique<ChangeNotifier>();
    d.campaigns = std::make_unique<CampaignService>(d.database.get(), d.notifier.get());
    d.analytics = std::make_unique<AnalyticsService>(d.database.get(), [&d] { return d.settlingFrom(); });
    d.exchangeRates = std::make_unique<ExchangeRateService>(d.database.get(), d.notifier.get());
    d.campaigns->setMetricsViewSource([&d] { return d.metricsView(); });
    d.idempotency = std::make_unique<IdempotencyStore>(d.database.get());

    if (options.sandbox) {
        d.hub = std::make_unique<sandbox::SandboxHub>(options.dataDir, options.sandboxSeed);
        QString why;
        if (!d.hub->start(&why))
            return fail(ErrorCode::Internal, QStringLiteral("The sandbox platforms could not start: %1").arg(why));
        const Status seeded = d.database->write([&](QSqlDatabase &db) { return seedSampleLibrary(db); });
        if (!seeded)
            return fail(seeded.error());
        if (auto linked = d.linkSandboxAccounts(); !linked)
            return fail(linked.error());
        if (auto rates = d.importSandboxRates(); !rates)
            return fail(rates.error());
        qCInfo(lcSandbox) << "sandbox platforms running for" << options.dataDir;
    }

    d.loadCredentials();
    d.startCoreThread();
    return workspace;
}

CampaignService *Workspace::campaigns() const
{
    return d->campaigns.get();
}

AnalyticsService *Workspace::analytics() const
{
    return d->analytics.get();
}

ExchangeRateService *Workspace::exchangeRates() const
{
    return d->exchangeRates.get();
}

SyncService *Workspace::sync() const
{
    return d->core ? d->core->sync : nullptr;
}

ChangeNotifier *Workspace::notifier() const
{
    return d->notifier.get();
}

sandbox::SandboxHub *Workspace::sandboxHub() const
{
    return d->hub.get();
}

QString Workspace::dataDir() const
{
    return d->options.dataDir;
}

QDateTime Workspace::now() const
{
    return d->hub ? d->hub->now() : QDateTime::currentDateTimeUtc();
}

IdempotencyStore *Workspace::idempotency() const
{
    return d->idempotency.get();
}

SecretStore *Workspace::secretStore() const
{
    return d->secrets.get();
}

} // namespace ads::core
