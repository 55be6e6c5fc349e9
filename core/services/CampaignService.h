#pragma once

#include "core/domain/Campaign.h"
#include "core/domain/Library.h"
#include "core/launch/LaunchEngine.h"
#include "core/services/Metrics.h"
#include "core/store/MetricsStore.h"

#include <QDate>
#include <QObject>

#include <functional>

namespace ads::core {

class ChangeNotifier;
class Database;

/** Who made a change: the desktop user or an API token's subject. Kept in the change history. */
struct Actor
{
    QString kind;    // "gui" or "api"
    QString subject; // the OS user name, or the JWT's sub claim
};

/** The pre-launch check of one campaign: what each platform would refuse or warn about. */
struct LaunchCheck
{
    QString campaignId;
    QMap<Platform, PlatformCheck> platforms;

    bool ok() const;
};

QJsonObject launchCheckToJson(const LaunchCheck &check);

/** One campaign's answer within a bulk action. */
struct BulkOutcome
{
    QString campaignId;
    Result<Campaign> result;
};

template<typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; // empty when this is the last page
};

/**
 * The one place for campaign rules: validation, storage, lifecycle and metrics reads. The GUI and
 * the local API both call it, so a campaign created either way is the same thing.
 *
 * Thread-safe: every call uses the calling thread's own database connection. Lifecycle calls
 * (launch, pause, resume) record the intent and return at once; the launch engine does the work
 * on its own thread and progress shows in the campaign's platformStatus.
 */
class CampaignService : public QObject
{
    Q_OBJECT

public:
    CampaignService(Database *database, ChangeNotifier *notifier, QObject *parent = nullptr);

    void setLaunchEngine(LaunchEngine *engine);

    /** The clock lifecycle rules compare with; in sandbox mode it is the sandbox platforms' clock. */
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

    /** Where a campaign's metrics learn each platform's settling days, zero-day rule and today. */
    void setMetricsViewSource(std::function<metrics_store::CampaignMetricsView()> source);

    /** Creates a draft. requestedId lets a client choose the id; otherwise one is made. */
    Result<Campaign> createCampaign(const CampaignSpec &spec, const Actor &actor, const QString &requestedId = {});

    Result<Campaign> campaign(const QString &id) const;

    /** Campaigns by creation order; cursor is the previous page's nextCursor. limit is 1..500. */
    Result<Page<Campaign>> listCampaigns(int limit, const QString &cursor = {}) const;

    /** Replaces the spec. With expectedVersion set, a stale version fails with PreconditionFailed. */
    Result<Campaign> updateCampaign(const QString &id,
                                    const CampaignSpec &spec,
                                    std::optional<int> expectedVersion,
                                    const Actor &actor);

    /**
     * Deletes a draft at once. A campaign that exists on its platforms is switched off there first
     * and removed when every platform has confirmed; the answer then says removalPending.
     */
    Status deleteCampaign(const QString &id, const Actor &actor, bool *removalPending = nullptr);

    /** A draft copy of the campaign's spec with changes applied (members as in the API's JSON). */
    Result<Campaign> duplicateCampaign(const QString &id, const QJsonObject &changes, const Actor &actor);

    /**
     * Sets or replaces the schedule. A draft becomes scheduled and launches by itself at startAt;
     * every live campaign ends by itself at endAt.
     */
    Result<Campaign> scheduleCampaign(const QString &id, const Schedule &schedule, const Actor &actor);

    /** The pre-launch check: every platform's problems and warnings, sending nothing. */
    Result<LaunchCheck> checkLaunch(const QString &id) const;

    QList<BulkOutcome> bulkLaunch(const QStringList &ids, const Actor &actor);
    QList<BulkOutcome> bulkPause(const QStringList &ids, const Actor &actor);

    Result<Campaign> launch(const QString &id, const Actor &actor);
    Result<Campaign> pause(const QString &id, const Actor &actor);
    Result<Campaign> resume(const QString &id, const Actor &actor);

    /**
     * A campaign's delivery from..to in currency (empty: the currency of its accounts), bucketed
     * by granularity (day, week or month).
     */
    Result<CampaignMetrics> metrics(const QString &id, const QDate &from, const QDate &to,
                                    const QString &currency = {},
                                    const QString &granularity = QStringLiteral("day")) const;

    /** Checks a spec the way create and update do, without storing anything. */
    QList<FieldError> validate(const CampaignSpec &spec) const;

    QList<Creative> creatives() const;
    QList<Audience> audiences() const;

    ChangeNotifier *notifier() const { return m_notifier; }

private:
    Result<Campaign> startOperation(const Campaign &campaign, LaunchOperation kind, const Actor &actor);

    Database *m_database;
    ChangeNotifier *m_notifier;
    LaunchEngine *m_engine = nullptr;
    std::function<QDateTime()> m_clock;
    std::function<metrics_store::CampaignMetricsView()> m_metricsView;
};

} // namespace ads::core
