#include "core/sync/SyncEngine.h"

#include "core/Logging.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/ExchangeRates.h"
#include "core/store/CampaignStore.h"
#include "core/store/Database.h"
#include "core/store/LibraryStore.h"
#include "core/store/MetricsStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimeZone>

namespace ads::core {

namespace {

// A campaign older than this is not re-read in full on every sync.
constexpr int kMaxLookbackDays = 90;

// Days read by the hour, today included, where a platform reports hours.
constexpr int kHourlyDays = 7;

// The furthest back hours are read again after a gap between syncs: the longest hourly range
// the analytics answer.
constexpr int kLongestHourlyCatchUpDays = 31;

QDate dayIn(const QDateTime &instant, const QString &timeZone)
{
    return metrics_store::reportDayOf(instant, timeZone);
}

QString policyKey(Platform platform)
{
    return QStringLiteral("sync_policy/") + platformName(platform);
}

QString hoursReadKey(Platform platform, const QString &accountId)
{
    return QStringLiteral("hours_read_at/") + platformName(platform) + u'/' + accountId;
}

QJsonValue instantJson(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(toIsoUtc(instant)) : QJsonValue(QJsonValue::Null);
}

} // namespace

SyncPolicy defaultSyncPolicy(Platform platform)
{
    // Cadence follows each platform's stated freshness; the restatement window its attribution
    // window, so every day that can still change is read again. The last field says whether the
    // platform leaves days without delivery out of its reports, so that such a day is a zero day
    // and not missing data.
    switch (platform) {
    case Platform::Facebook:
        // Delivery within minutes; conversions restated for 28 days. The reference does not say
        // whether insights leave out days without impressions (unconfirmed); the insights edge is
        // commonly seen to, and our sandbox does. Read so, a day Meta failed to report would show
        // as zero; read the other way, every day a capped or starved ad set did not deliver would
        // be flagged as missing data. We take the first, and say so here.
        return {60, 28, true};
    case Platform::Google:
        // Statistics < 3 h late; conversion windows run 30 days and more. A report segmented by
        // date has no row for a date without metrics (Google Ads "Zero metrics" guide).
        return {60, 30, true};
    case Platform::TikTok:
        // Reports lag up to ~11 h; conversions attribute for days. Days without delivery produce
        // no rows (tiktok.md, reporting).
        return {240, 7, true};
    case Platform::LinkedIn:
        // No published freshness; conversions attribute back for weeks. A query without data
        // answers no elements and zero metrics may be left out (linkedin.md, analytics).
        return {1440, 30, true};
    case Platform::Pinterest:
        // Freshness is not published (unconfirmed): every 6 hours. Its JSON reports leave days
        // without activity out (the spec says so).
        return {360, 30, true};
    case Platform::Snapchat:
        // Stats refresh about every 15 minutes; 28-day swipe attribution. We never ask for
        // omit_empty, so every day comes back, zeros included: an absent day is missing data.
        return {30, 28, false};
    }
    return {};
}

struct SyncEngine::Target
{
    AdAccount account;
    QHash<QString, QString> campaignIds; // remote campaign id -> ours
    QDate earliestStart;
};

QJsonObject syncStatusToJson(const SyncStatus &status)
{
    QJsonObject platforms;
    for (auto it = status.platforms.begin(); it != status.platforms.end(); ++it) {
        const PlatformSyncState &state = it.value();
        platforms.insert(platformName(it.key()),
                         QJsonObject{{"lastSuccessAt", instantJson(state.lastSuccessAt)},
                                     {"lastAttemptAt", instantJson(state.lastAttemptAt)},
                                     {"nextSyncAt", instantJson(state.nextSyncAt)},
                                     {"lastError", state.lastError.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                             : QJsonValue(state.lastError)},
                                     {"rowsLastSync", state.rowsLastSync},
                                     {"state", state.running ? QStringLiteral("running") : QStringLiteral("idle")},
                                     {"intervalMinutes", state.policy.intervalMinutes},
                                     {"restatementDays", state.policy.restatementDays},
                                     {"omitsZeroDays", state.policy.omitsZeroDays},
                                     {"settlingFrom", state.settlingFrom.isValid()
                                                          ? QJsonValue(state.settlingFrom.toString(Qt::ISODate))
                                                          : QJsonValue(QJsonValue::Null)}});
    }
    return {{"state", status.running ? QStringLiteral("running") : QStringLiteral("idle")},
            {"startedAt", instantJson(status.startedAt)},
            {"platformsTotal", status.platformsTotal},
            {"platformsDone", status.platformsDone},
            {"platforms", platforms}};
}

SyncEngine::SyncEngine(Database *database, ChangeNotifier *notifier, QObject *parent)
    : SyncService(parent)
    , m_database(database)
    , m_notifier(notifier)
{
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncDue);
}

void SyncEngine::addConnector(PlatformConnector *connector)
{
    m_connectors[connector->platform()] = connector;
}

void SyncEngine::setCredentialSource(CredentialSource source)
{
    m_credentials = std::move(source);
}

void SyncEngine::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void SyncEngine::setRestatementDays(int days)
{
    m_restatementOverride = std::max(0, days);
}

void SyncEngine::start(int checkSeconds)
{
    if (checkSeconds > 0)
        m_timer.start(std::min(checkSeconds, 60) * 1000);
}

void SyncEngine::requestSync()
{
    QMetaObject::invokeMethod(this, &SyncEngine::run, Qt::QueuedConnection);
}

void SyncEngine::requestPlatformSync(Platform platform)
{
    QMetaObject::invokeMethod(this, [this, platform] { startPlatforms({platform}); }, Qt::QueuedConnection);
}

QDateTime SyncEngine::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

SyncPolicy SyncEngine::policy(Platform platform) const
{
    SyncPolicy policy = defaultSyncPolicy(platform);
    auto q = runQuery(m_database->connection(), QStringLiteral("SELECT pref_value FROM preferences WHERE pref_key = ?"),
                      {policyKey(platform)});
    if (q && q->next()) {
        const QJsonObject saved = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
        policy.intervalMinutes = saved.value("intervalMinutes").toInt(policy.intervalMinutes);
        policy.restatementDays = saved.value("restatementDays").toInt(policy.restatementDays);
        // omitsZeroDays is how the platform reports, not a preference: it always comes from the
        // defaults, whatever an earlier AdsDesk stored.
    }
    if (m_restatementOverride >= 0)
        policy.restatementDays = m_restatementOverride;
    return policy;
}

void SyncEngine::setPolicy(Platform platform, const SyncPolicy &policy)
{
    const QJsonObject saved{{"intervalMinutes", std::max(1, policy.intervalMinutes)},
                            {"restatementDays", std::clamp(policy.restatementDays, 0, kMaxLookbackDays)}};
    m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db,
                          QStringLiteral("INSERT INTO preferences (pref_key, pref_value) VALUES (?, ?) "
                                         "ON CONFLICT (pref_key) DO UPDATE SET pref_value = excluded.pref_value"),
                          {policyKey(platform),
                           QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact))});
        return q ? Status{} : fail(q.error());
    });
    emit m_notifier->syncStateChanged();
}

QDate SyncEngine::todayFor(Platform platform) const
{
    auto account = library_store::defaultAccount(m_database->connection(), platform);
    return dayIn(now(), account ? account->timeZone : QString());
}

QMap<Platform, QDate> SyncEngine::today() const
{
    QMap<Platform, QDate> days;
    for (Platform platform : allPlatforms())
        days.insert(platform, todayFor(platform));
    return days;
}

QMap<Platform, QDate> SyncEngine::settlingFrom() const
{
    QMap<Platform, QDate> days;
    for (Platform platform : allPlatforms())
        days.insert(platform, todayFor(platform).addDays(-policy(platform).restatementDays));
    return days;
}

SyncStatus SyncEngine::status() const
{
    SyncStatus status;
    QSet<Platform> running;
    {
        QMutexLocker locker(&m_mutex);
        status.running = !m_running.isEmpty();
        status.startedAt = m_startedAt;
        status.platformsTotal = m_platformsTotal;
        status.platformsDone = m_platformsDone;
        running = m_running;
    }
    const QMap<Platform, QDate> settling = settlingFrom();
    for (Platform platform : allPlatforms()) {
        PlatformSyncState state;
        state.policy = policy(platform);
        state.settlingFrom = settling.value(platform);
        state.running = running.contains(platform);
        status.platforms.insert(platform, state);
    }
    auto q = runQuery(m_database->connection(),
                      QStringLiteral("SELECT platform, last_success_at, last_attempt_at, last_error, rows_last_sync "
                                     "FROM sync_state"));
    while (q && q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform)
            continue;
        PlatformSyncState &state = status.platforms[*platform];
        state.lastSuccessAt = QDateTime::fromString(q->value(1).toString(), Qt::ISODate);
        state.lastAttemptAt = QDateTime::fromString(q->value(2).toString(), Qt::ISODate);
        state.lastError = q->value(3).toString();
        state.rowsLastSync = q->value(4).toInt();
    }
    for (PlatformSyncState &state : status.platforms) {
        const QDateTime last = state.lastAttemptAt.isValid() ? state.lastAttemptAt : state.lastSuccessAt;
        if (last.isValid() && m_timer.isActive())
            state.nextSyncAt = last.addSecs(qint64(state.policy.intervalMinutes) * 60);
    }
    return status;
}

QList<SyncEngine::Target> SyncEngine::targetsFor(Platform platform) const
{
    const QSqlDatabase db = m_database->connection();
    auto fallback = library_store::defaultAccount(db, platform);
    QHash<QString, AdAccount> accounts;
    for (const AdAccount &account : library_store::accounts(db).value_or(QList<AdAccount>())) {
        if (account.platform == platform)
            accounts.insert(account.accountId, account);
    }

    // One target per account the platform's campaigns were launched into.
    QMap<QString, Target> targets;
    auto q = runQuery(db,
                      QStringLiteral("SELECT p.campaign_id, p.remote_ids, c.start_at, p.account_id "
                                     "FROM platform_status p JOIN campaigns c ON c.id = p.campaign_id "
                                     "WHERE p.platform = ?"),
                      {platformName(platform)});
    while (q && q->next()) {
        const QJsonObject ids = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
        const QString remoteCampaignId = ids.value("campaign").toString();
        const QString accountId = q->value(3).toString();
        const AdAccount account = accounts.value(accountId, fallback ? *fallback : AdAccount{});
        if (remoteCampaignId.isEmpty() || account.accountId.isEmpty())
            continue;
        Target &target = targets[account.accountId];
        target.account = account;
        target.campaignIds.insert(remoteCampaignId, q->value(0).toString());
        QDateTime start = QDateTime::fromString(q->value(2).toString(), Qt::ISODate);
        start.setTimeSpec(Qt::UTC);
        const QDate startDay = dayIn(start, account.timeZone);
        if (startDay.isValid() && (!target.earliestStart.isValid() || startDay < target.earliestStart))
            target.earliestStart = startDay;
    }
    return targets.values();
}

void SyncEngine::run()
{
    QList<Platform> platforms;
    for (const auto &[platform, connector] : m_connectors)
        platforms.append(platform);
    startPlatforms(platforms);
}

void SyncEngine::syncDue()
{
    const QDateTime wallClock = QDateTime::currentDateTimeUtc();
    const SyncStatus current = status();
    QList<Platform> due;
    for (const auto &[platform, connector] : m_connectors) {
        const PlatformSyncState state = current.platforms.value(platform);
        const QDateTime last = state.lastAttemptAt.isValid() ? state.lastAttemptAt : state.lastSuccessAt;
        if (!last.isValid() || last.addSecs(qint64(state.policy.intervalMinutes) * 60) <= wallClock)
            due.append(platform);
    }
    if (!due.isEmpty())
        startPlatforms(due);
}

void SyncEngine::startPlatforms(const QList<Platform> &platforms)
{
    QList<Platform> starting;
    bool first = false;
    {
        QMutexLocker locker(&m_mutex);
        first = m_running.isEmpty();
        if (first) {
            m_startedAt = QDateTime::currentDateTimeUtc();
            m_platformsTotal = 0;
            m_platformsDone = 0;
            m_anyFailed = false;
        }
        for (Platform platform : platforms) {
            if (m_running.contains(platform) || m_connectors.find(platform) == m_connectors.end())
                continue;
            m_running.insert(platform);
            starting.append(platform);
        }
        m_platformsTotal += int(starting.size());
    }
    if (starting.isEmpty())
        return;
    if (first)
        emit syncStarted();
    emit m_notifier->syncStateChanged();
    qCInfo(lcSync) << "sync started for" << starting.size() << "platforms";
    for (Platform platform : starting)
        syncTarget(platform, targetsFor(platform), 0);
}

void SyncEngine::syncTarget(Platform platform, QList<Target> targets, int rows)
{
    if (targets.isEmpty()) {
        platformDone(platform, rows, {});
        return;
    }

    const Target target = targets.takeFirst();
    const auto credentials = m_credentials ? m_credentials(target.account) : std::nullopt;
    if (!credentials) {
        platformDone(platform, rows,
                     QStringLiteral("Sign in to the %1 account %2 again.")
                         .arg(platformName(platform), target.account.accountId));
        return;
    }

    const QDate today = dayIn(now(), target.account.timeZone);
    QDate from = today.addDays(-policy(platform).restatementDays);
    if (target.earliestStart.isValid() && target.earliestStart < from)
        from = std::max(target.earliestStart, today.addDays(-kMaxLookbackDays));

    QPointer<SyncEngine> self(this);
    m_connectors[platform]->fetchDailyReport(
        *credentials, target.campaignIds.keys(), from, today,
        [self, platform, target, targets, rows, from, today](PlatformResult<QList<ReportRow>> answer) {
            if (!self)
                return;
            if (!answer) {
                self->platformDone(platform, rows, answer.error().message);
                return;
            }
            const metrics_store::ReportWindow window{platform, target.account.accountId, from, today,
                                                     target.campaignIds};
            const Result<int> written = self->storeWindow(window, *answer, ReportGrain::Daily);
            if (!written) {
                self->platformDone(platform, rows, written.error().message);
                return;
            }
            self->syncHourly(platform, target, targets, rows + *written, today);
        });
}

Result<int> SyncEngine::storeWindow(const metrics_store::ReportWindow &window, const QList<ReportRow> &rows,
                                    ReportGrain grain)
{
    Result<int> written = 0;
    const Status stored = m_database->write([&](QSqlDatabase &db) -> Status {
        auto rates = FxTable::load(db);
        auto reporting = fx_store::reportingCurrency(db);
        if (!rates || !reporting)
            return fail(rates ? reporting.error() : rates.error());
        written = grain == ReportGrain::Daily
                      ? metrics_store::replaceWindow(db, window, rows, *rates, *reporting)
                      : metrics_store::replaceHourlyWindow(db, window, rows, *rates, *reporting);
        return written ? Status{} : fail(written.error());
    });
    if (!stored)
        return fail(stored.error());
    return written;
}

void SyncEngine::syncHourly(Platform platform, const Target &target, const QList<Target> &targets, int rows,
                            const QDate &today)
{
    PlatformConnector *connector = m_connectors[platform];
    const auto credentials = m_credentials ? m_credentials(target.account) : std::nullopt;
    if (!connector->offersHourlyReports() || !credentials) {
        syncTarget(platform, targets, rows);
        return;
    }

    // Hours are read for the most recent days; older days stay daily. After a gap between syncs,
    // reading goes back to the day of the last read, which was still running then.
    const QDateTime startedAt = now();
    QDate from = today.addDays(-std::min(kHourlyDays - 1, policy(platform).restatementDays));
    if (const QDateTime last = hoursReadAt(platform, target.account.accountId); last.isValid()) {
        const QDate lastRead = dayIn(last, target.account.timeZone);
        from = std::min(from, std::max(lastRead, today.addDays(1 - kLongestHourlyCatchUpDays)));
    }
    QPointer<SyncEngine> self(this);
    connector->fetchHourlyReport(
        *credentials, target.campaignIds.keys(), from, today,
        [self, platform, target, targets, rows, from, today, startedAt](PlatformResult<QList<ReportRow>> answer) {
            if (!self)
                return;
            if (!answer) {
                self->platformDone(platform, rows, QStringLiteral("hourly report: ") + answer.error().message);
                return;
            }
            const metrics_store::ReportWindow window{platform, target.account.accountId, from, today,
                                                     target.campaignIds};
            const Result<int> written = self->storeWindow(window, *answer, ReportGrain::Hourly);
            if (!written) {
                self->platformDone(platform, rows, written.error().message);
                return;
            }
            self->recordHoursRead(platform, target.account.accountId, startedAt);
            self->syncTarget(platform, targets, rows + *written);
        });
}

/** When this account's hours were last read, by the platform's clock; invalid: never. */
QDateTime SyncEngine::hoursReadAt(Platform platform, const QString &accountId) const
{
    auto q = runQuery(m_database->connection(), QStringLiteral("SELECT pref_value FROM preferences WHERE pref_key = ?"),
                      {hoursReadKey(platform, accountId)});
    if (!q || !q->next())
        return {};
    QDateTime at = QDateTime::fromString(q->value(0).toString(), Qt::ISODate);
    at.setTimeSpec(Qt::UTC);
    return at;
}

void SyncEngine::recordHoursRead(Platform platform, const QString &accountId, const QDateTime &at)
{
    m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db,
                          QStringLiteral("INSERT INTO preferences (pref_key, pref_value) VALUES (?, ?) "
                                         "ON CONFLICT (pref_key) DO UPDATE SET pref_value = excluded.pref_value"),
                          {hoursReadKey(platform, accountId), toIsoUtc(at)});
        return q ? Status{} : fail(q.error());
    });
}

void SyncEngine::platformDone(Platform platform, int rows, const QString &error)
{
    recordState(platform, rows, error);
    if (!error.isEmpty())
        qCWarning(lcSync) << "sync of" << platformName(platform) << "failed:" << error;
    else
        qCInfo(lcSync) << "sync of" << platformName(platform) << "stored" << rows << "rows";

    bool finished = false;
    bool ok = true;
    {
        QMutexLocker locker(&m_mutex);
        m_anyFailed = m_anyFailed || !error.isEmpty();
        m_running.remove(platform);
        m_platformsDone += 1;
        if (m_running.isEmpty()) {
            finished = true;
            ok = !m_anyFailed;
        }
    }
    emit platformSynced(platform, error.isEmpty());
    emit m_notifier->metricsChanged();
    emit m_notifier->syncStateChanged();
    if (finished)
        emit syncFinished(ok);
}

void SyncEngine::recordState(Platform platform, int rows, const QString &error)
{
    const QString now = toIsoUtc(QDateTime::currentDateTimeUtc());
    const QVariant nullText(QMetaType(QMetaType::QString));
    m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db,
                          QStringLiteral("INSERT INTO sync_state (platform, last_success_at, last_attempt_at, "
                                         "last_error, rows_last_sync) VALUES (?, ?, ?, ?, ?) "
                                         "ON CONFLICT (platform) DO UPDATE SET "
                                         "last_success_at = COALESCE(excluded.last_success_at, "
                                         "sync_state.last_success_at), last_attempt_at = excluded.last_attempt_at, "
                                         "last_error = excluded.last_error, rows_last_sync = excluded.rows_last_sync"),
                          {platformName(platform), error.isEmpty() ? QVariant(now) : nullText, now,
                           error.isEmpty() ? nullText : QVariant(error), rows});
        return q ? Status{} : fail(q.error());
    });
}

} // namespace ads::core
