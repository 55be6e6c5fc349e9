#pragma once

#include "core/domain/Campaign.h"
#include "core/domain/Library.h"
#include "core/platforms/PlatformConnector.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace ads::core {

class ChangeNotifier;
class Database;

enum class LaunchOperation {
    Launch,
    Pause,
    Resume,
    End,    // the schedule is over: delivery off for good, the platform shows ended
    Remove, // the campaign is being deleted: delivery off, then the record goes
};

QString launchOperationName(LaunchOperation kind);

/** What a platform would say to a campaign, found without sending anything. */
struct PlatformCheck
{
    QList<FieldError> problems; // each would make the platform refuse the campaign
    QStringList warnings;
    Money budget; // the platform's share
    int steps = 0; // objects a launch would create
};

/** Gives the connector the account's credentials, read from the keychain; nullopt when none are stored. */
using CredentialSource = std::function<std::optional<ConnectorAccount>(const AdAccount &account)>;

/**
 * Pushes campaigns to their platforms and pauses and resumes them, as a persisted journal rather
 * than a call chain: every step is written before its request is sent and updated with its answer,
 * so a crash, a kill or a lost reply never creates a second object. A step whose outcome is unknown
 * is looked up on the platform by its tag before anything is sent again.
 *
 * Lives on the core's worker thread with the connectors. Platforms run in parallel; each
 * platform's steps run in order. After a restart, start() resumes whatever was unfinished.
 */
class LaunchEngine : public QObject
{
    Q_OBJECT

public:
    /** Transient failures in a row before a platform's operation gives up, and the backoff between them. */
    struct RetryPolicy
    {
        int maxAttempts = 10;
        int baseDelayMs = 1000;
        int maxDelayMs = 120'000;
        // The longest wait a platform's rate-limit advice is honoured for. Real platforms get an
        // hour; the sandbox compresses a platform's minutes into seconds, as its clock does days.
        int maxThrottleWaitMs = 3'600'000;
    };

    LaunchEngine(Database *database, ChangeNotifier *notifier, QObject *parent = nullptr);
    ~LaunchEngine() override;

    /** The connector stays owned by the caller and must outlive the engine. Call before start(). */
    void addConnector(PlatformConnector *connector);
    void setCredentialSource(CredentialSource source);
    void setRetryPolicy(const RetryPolicy &policy);
    void setMaxConcurrentPerPlatform(int count);

    /**
     * The request budget per platform: at most burst calls at once, refilled at perSecond. Calls over
     * budget wait their turn instead of drawing the platform's rate limit.
     */
    void setRequestBudget(double perSecond, int burst);

    /**
     * The clock schedules are compared with and live stretches are recorded by; in sandbox mode it
     * is the sandbox's.
     */
    void setClock(std::function<QDateTime()> clock);

    /**
     * Records an operation for every platform of the campaign it applies to, inside the caller's
     * write transaction. The engine picks it up on its next scan.
     */
    static Status queueOperation(const QSqlDatabase &db, const Campaign &campaign, LaunchOperation kind);

    /**
     * The pre-launch check: every problem each platform would reject and every warning, from the
     * same rules a launch applies, without sending anything. Call on the engine's thread.
     */
    QMap<Platform, PlatformCheck> check(const Campaign &campaign) const;

    /** Resumes unfinished operations. Call once on the engine's thread. */
    void start();

    /** Thread-safe: asks the engine to look for new work. */
    void wake();

    /** Number of operations running or waiting to retry; for tests and the status bar. */
    int pendingOperations() const;

signals:
    void operationFinished(const QString &campaignId, ads::core::Platform platform);
    void idle();

private:
    struct Job;

    void scan();
    void runScheduler();
    void removeIfDone(const QString &campaignId);
    void startJob(const QString &campaignId, Platform platform, LaunchOperation kind, int attempts);
    void runNextStep(const std::shared_ptr<Job> &job);
    void runStep(const std::shared_ptr<Job> &job, int index, bool reconcileFirst);
    void onStepCreated(const std::shared_ptr<Job> &job, int index, const PlatformResult<StepOutcome> &result);
    void runDelivery(const std::shared_ptr<Job> &job);
    void handleFailure(const std::shared_ptr<Job> &job, const PlatformError &error);
    void finishJob(const std::shared_ptr<Job> &job, PlatformState state, const std::optional<PlatformFailure> &error);

    bool prepareJob(const std::shared_ptr<Job> &job);
    tl::expected<void, std::pair<PlatformState, PlatformFailure>> buildInput(const Campaign &campaign,
                                                                            Platform platform,
                                                                            bool checkCurrency,
                                                                            LaunchInput *input,
                                                                            PlatformConnector **connector) const;
    bool preparePlan(const std::shared_ptr<Job> &job);
    Status updatePlatformStatus(const std::shared_ptr<Job> &job,
                                const std::function<void(PlatformStatus &)> &change);
    int retryDelayMs(int attempts, const PlatformError &error) const;
    QDateTime now() const;
    void withinBudget(Platform platform, std::function<void()> send);

    Database *m_database;
    ChangeNotifier *m_notifier;
    std::map<Platform, PlatformConnector *> m_connectors;
    CredentialSource m_credentials;
    RetryPolicy m_retry;
    int m_maxConcurrentPerPlatform = 4;
    QSet<QString> m_inFlight;
    QHash<Platform, int> m_runningPerPlatform;
    bool m_scanQueued = false;

    struct Bucket
    {
        double tokens = 0;
        qint64 refilledAtMs = -1;
    };
    QHash<Platform, Bucket> m_buckets;
    double m_requestsPerSecond = 5;
    int m_requestBurst = 10;
    std::function<QDateTime()> m_clock;
    QTimer *m_schedulerTimer = nullptr;
};

} // namespace ads::core
