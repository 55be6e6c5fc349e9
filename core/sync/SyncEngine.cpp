#include "core/sync/SyncEngine.h"

#include "core/Logging.h"
#include "core/services/ChangeNotifier.h"
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

QDate dayIn(const QDateTime &instant, const QString &timeZone)
{
    const QTimeZone zone(timeZone.toLatin1());
    return zone.isValid() ? instant.toTimeZone(zone).date() : instant.toUTC().date();
}

} // namespace

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
                         QJsonObject{{"lastSuccessAt", state.lastSuccessAt.isValid()
                                                           ? QJsonValue(toIsoUtc(state.lastSuccessAt))
                                                           : QJsonValue(QJsonValue::Null)},
                                     {"lastAttemptAt", state.lastAttemptAt.isValid()
                                                           ? QJsonValue(toIsoUtc(state.lastAttemptAt))
                                                           : QJsonValue(QJsonValue::Null)},
                                     {"lastError", state.lastError.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                             : QJsonValue(state.lastError)},
                                     {"rowsLastSync", state.rowsLastSync}});
    }
    return {{"state", status.running ? QStringLiteral("running") : QStringLiteral("idle")},
            {"startedAt", status.startedAt.isValid() ? QJsonValue(toIsoUtc(status.startedAt))
                                                     : QJsonValue(QJsonValue::Null)},
            {"platforms", platforms}};
}

SyncEngine::SyncEngine(Database *database, ChangeNotifier *notifier, QObject *parent)
    : SyncService(parent)
    , m_database(database)
    , m_notifier(notifier)
{
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::run);
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
    m_restatementDays = std::max(0, days);
}

void SyncEngine::start(int intervalSeconds)
{
    if (intervalSeconds > 0)
        m_timer.start(intervalSeconds * 1000);
}

void SyncEngine::requestSync()
{
    QMetaObject::invokeMethod(this, &SyncEngine::run, Qt::QueuedConnection);
}

SyncStatus SyncEngine::status() const
{
    SyncStatus status;
    {
        QMutexLocker locker(&m_mutex);
        status.running = m_running;
        status.startedAt = m_startedAt;
    }
    auto q = runQuery(m_database->connection(),
                      QStringLiteral("SELECT platform, last_success_at, last_attempt_at, last_error, rows_last_sync "
                                     "FROM sync_state"));
    while (q && q->next()) {
        const auto platform = platformFromName(q->value(0).toString());
        if (!platform)
            continue;
        PlatformSyncState state;
        state.lastSuccessAt = QDateTime::fromString(q->value(1).toString(), Qt::ISODate);
        state.lastAttemptAt = QDateTime::fromString(q->value(2).toString(), Qt::ISODate);
        state.lastError = q->value(3).toString();
        state.rowsLastSync = q->value(4).toInt();
        status.platforms.insert(*platform, state);
    }
    return status;
}

QList<SyncEngine::Target> SyncEngine::targetsFor(Platform platform) const
{
    const QSqlDatabase db = m_database->connection();
    auto account = library_store::defaultAccount(db, platform);
    if (!account)
        return {};

    // Limitation: every campaign is read from the platform's default account, which is the only
    // account a launch uses today.
    Target target;
    target.account = *account;
    auto q = runQuery(db,
                      QStringLiteral("SELECT p.campaign_id, p.remote_ids, c.start_at FROM platform_status p "
                                     "JOIN campaigns c ON c.id = p.campaign_id WHERE p.platform = ?"),
                      {platformName(platform)});
    while (q && q->next()) {
        const QJsonObject ids = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
        const QString remoteCampaignId = ids.value("campaign").toString();
        if (remoteCampaignId.isEmpty())
            continue;
        target.campaignIds.insert(remoteCampaignId, q->value(0).toString());
        QDateTime start = QDateTime::fromString(q->value(2).toString(), Qt::ISODate);
        start.setTimeSpec(Qt::UTC);
        const QDate startDay = dayIn(start, account->timeZone);
        if (startDay.isValid() && (!target.earliestStart.isValid() || startDay < target.earliestStart))
            target.earliestStart = startDay;
    }
    if (target.campaignIds.isEmpty())
        return {};
    return {target};
}

void SyncEngine::run()
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_running)
            return;
        m_running = true;
        m_startedAt = QDateTime::currentDateTimeUtc();
        m_platformsLeft = 0;
        m_anyFailed = false;
    }
    emit syncStarted();
    emit m_notifier->syncStateChanged();

    QList<std::pair<Platform, QList<Target>>> work;
    for (const auto &[platform, connector] : m_connectors)
        work.append({platform, targetsFor(platform)});
    {
        QMutexLocker locker(&m_mutex);
        m_platformsLeft = int(work.size());
    }
    qCInfo(lcSync) << "sync started for" << work.size() << "platforms";
    if (work.isEmpty()) {
        platformDone(Platform::Facebook, 0, {});
        return;
    }
    for (const auto &[platform, targets] : work)
        syncPlatform(platform, targets);
}

void SyncEngine::syncPlatform(Platform platform, const QList<Target> &targets)
{
    if (targets.isEmpty()) {
        platformDone(platform, 0, {});
        return;
    }

    const Target target = targets.first();
    const auto credentials = m_credentials ? m_credentials(target.account) : std::nullopt;
    if (!credentials) {
        platformDone(platform, 0, QStringLiteral("Sign in to the %1 account again.").arg(platformName(platform)));
        return;
    }

    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const QDate today = dayIn(now, target.account.timeZone);
    QDate from = today.addDays(-m_restatementDays);
    if (target.earliestStart.isValid() && target.earliestStart < from)
        from = std::max(target.earliestStart, today.addDays(-kMaxLookbackDays));

    QPointer<SyncEngine> self(this);
    m_connectors[platform]->fetchDailyReport(
        *credentials, target.campaignIds.keys(), from, today,
        [self, platform, target](PlatformResult<QList<ReportRow>> rows) {
            if (!self)
                return;
            if (!rows) {
                self->platformDone(platform, 0, rows.error().message);
                return;
            }
            Result<int> written = 0;
            self->m_database->write([&](QSqlDatabase &db) -> Status {
                written = metrics_store::upsertDailyRows(db, platform, target.account.accountId, *rows,
                                                         target.campaignIds);
                return written ? Status{} : fail(written.error());
            });
            self->platformDone(platform, written.value_or(0), written ? QString() : written.error().message);
        });
}

void SyncEngine::platformDone(Platform platform, int rows, const QString &error)
{
    if (!m_connectors.empty())
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
        m_platformsLeft -= 1;
        if (m_platformsLeft <= 0) {
            m_running = false;
            finished = true;
            ok = !m_anyFailed;
        }
    }
    if (!finished)
        return;
    emit m_notifier->metricsChanged();
    emit m_notifier->syncStateChanged();
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
