#include "core/launch/LaunchEngine.h"

#include "core/services/ExchangeRates.h"

#include "core/Logging.h"
#include "core/launch/CrashHook.h"
#include "core/services/ChangeNotifier.h"
#include "core/store/CampaignStore.h"
#include "core/store/Database.h"
#include "core/store/LibraryStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>

namespace ads::core {

namespace {

const QString kStepPending = QStringLiteral("pending");
const QString kStepSent = QStringLiteral("sent"); // request sent, answer not recorded: outcome unknown
const QString kStepDone = QStringLiteral("done");
const QString kStepFailed = QStringLiteral("failed");

QString jobKey(const QString &campaignId, Platform platform)
{
    return campaignId + u'/' + platformName(platform);
}

QString compact(const QMap<QString, QString> &ids)
{
    QJsonObject object;
    for (auto it = ids.begin(); it != ids.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}


// Qt binds a null QString as SQL NULL; the journal's text columns want an empty string instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

std::optional<LaunchOperation> operationFromName(const QString &name)
{
    if (name == u"launch")
        return LaunchOperation::Launch;
    if (name == u"pause")
        return LaunchOperation::Pause;
    if (name == u"resume")
        return LaunchOperation::Resume;
    if (name == u"end")
        return LaunchOperation::End;
    if (name == u"remove")
        return LaunchOperation::Remove;
    return std::nullopt;
}

PlatformFailure failureFrom(const PlatformError &error)
{
    return {error.code, error.message, error.platformCode, error.platformMessage};
}

QString describeProblems(const QList<FieldError> &problems)
{
    QStringList parts;
    for (const FieldError &problem : problems)
        parts.append(problem.field.isEmpty() ? problem.message : problem.field + u": " + problem.message);
    return parts.join(QStringLiteral("; "));
}

/**
 * The budget share in the account's currency at today's rate (in the account's zone), rounded to
 * the currency's minor units, and the sentence that tells the buyer so.
 */
Result<std::pair<Money, QString>> convertBudget(const QSqlDatabase &db, const Money &share, const AdAccount &account,
                                                const QDateTime &now)
{
    const QTimeZone zone(account.timeZone.toLatin1());
    const QDate day = zone.isValid() ? now.toTimeZone(zone).date() : now.toUTC().date();
    auto rates = FxTable::load(db);
    if (!rates)
        return fail(rates.error());
    const auto converted = rates->convert(share.micros, share.currency, account.currency, day);
    const auto rate = rates->rate(share.currency, account.currency, day);
    if (!converted || !rate) {
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The %1 account %2 bills in %3, and no %4 to %3 exchange rate reaches %5.")
                        .arg(platformName(account.platform), account.accountId, account.currency, share.currency,
                             day.toString(Qt::ISODate)));
    }
    const int digits = std::max(0, money::minorDigits(account.currency));
    const qint64 unit = money::fromScaledUnits(1, digits);
    const qint64 rounded = (*converted + unit / 2) / unit * unit;
    const Money budget{rounded, account.currency};
    const QString note = QStringLiteral("Budget converted for the %1 account %2: %3 %4 is %5 %6 at %7 (%8).")
                             .arg(platformName(account.platform), account.accountId,
                                  money::toDecimal(share.micros, 2), share.currency,
                                  money::toDecimal(budget.micros, digits), budget.currency,
                                  QString::number(fx::rateToDouble(*rate), 'g', 10), day.toString(Qt::ISODate));
    return std::pair{budget, note};
}

} // namespace

struct LaunchEngine::Job
{
    struct Step
    {
        PlannedStep planned;
        QString state;
    };

    QString campaignId;
    Platform platform = Platform::Facebook;
    LaunchOperation kind = LaunchOperation::Launch;
    int attempts = 0;

    Campaign campaign;
    PlatformConnector *connector = nullptr;
    LaunchInput input;
    QList<Step> steps;
    QMap<QString, QString> remoteIds;
};

QString launchOperationName(LaunchOperation kind)
{
    switch (kind) {
    case LaunchOperation::Launch:
        return QStringLiteral("launch");
    case LaunchOperation::Pause:
        return QStringLiteral("pause");
    case LaunchOperation::Resume:
        return QStringLiteral("resume");
    case LaunchOperation::End:
        return QStringLiteral("end");
    case LaunchOperation::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

LaunchEngine::LaunchEngine(Database *database, ChangeNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_notifier(notifier)
{
}

LaunchEngine::~LaunchEngine() = default;

void LaunchEngine::addConnector(PlatformConnector *connector)
{
    m_connectors[connector->platform()] = connector;
}

void LaunchEngine::setCredentialSource(CredentialSource source)
{
    m_credentials = std::move(source);
}

void LaunchEngine::setRetryPolicy(const RetryPolicy &policy)
{
    m_retry = policy;
}

void LaunchEngine::setMaxConcurrentPerPlatform(int count)
{
    m_maxConcurrentPerPlatform = std::max(1, count);
}

void LaunchEngine::setRequestBudget(double perSecond, int burst)
{
    m_requestsPerSecond = std::max(0.1, perSecond);
    m_requestBurst = std::max(1, burst);
}

void LaunchEngine::withinBudget(Platform platform, std::function<void()> send)
{
    // A token bucket per platform. Each call takes a token now, borrowing against the refill when
    // the bucket is empty, and waits until its token has been earned.
    Bucket &bucket = m_buckets[platform];
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (bucket.refilledAtMs < 0)
        bucket.tokens = m_requestBurst;
    else
        bucket.tokens = std::min<double>(m_requestBurst,
                                         bucket.tokens + (nowMs - bucket.refilledAtMs) * m_requestsPerSecond / 1000.0);
    bucket.refilledAtMs = nowMs;

    bucket.tokens -= 1;
    if (bucket.tokens >= 0) {
        send();
        return;
    }
    const int waitMs = int(std::ceil(-bucket.tokens * 1000.0 / m_requestsPerSecond));
    QTimer::singleShot(waitMs, this, std::move(send));
}

Status LaunchEngine::queueOperation(const QSqlDatabase &db, const Campaign &campaign, LaunchOperation kind)
{
    const QString now = toIsoUtc(QDateTime::currentDateTimeUtc());
    const QMap<Platform, qint64> shares = splitBudget(campaign.spec.budget, campaignPlatforms(campaign.spec));

    for (Platform platform : campaignPlatforms(campaign.spec)) {
        PlatformStatus status = campaign.platformStatus.value(platform);
        PlatformState next;
        if (kind == LaunchOperation::Launch) {
            // Platforms that already run keep running; the others (new, rejected, failed) launch again.
            if (status.state == PlatformState::Active || status.state == PlatformState::Paused)
                continue;
            next = PlatformState::Launching;
            status.budget = Money{shares.value(platform), campaign.spec.budget.amount.currency};
            status.error.reset();
        } else if (kind == LaunchOperation::Pause) {
            if (status.state != PlatformState::Active && status.state != PlatformState::Resuming)
                continue;
            next = PlatformState::Pausing;
        } else if (kind == LaunchOperation::End || kind == LaunchOperation::Remove) {
            // Whatever exists on the platform is switched off; what never got there just ends.
            if (status.remoteIds.isEmpty()) {
                status.state = PlatformState::Ended;
                status.updatedAt = QDateTime::currentDateTimeUtc();
                if (auto saved = campaign_store::savePlatformStatus(db, campaign.id, platform, status); !saved)
                    return saved;
                continue;
            }
            next = PlatformState::Pausing;
        } else {
            if (status.state != PlatformState::Paused && status.state != PlatformState::Pausing)
                continue;
            next = PlatformState::Resuming;
        }

        status.state = next;
        status.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto saved = campaign_store::savePlatformStatus(db, campaign.id, platform, status); !saved)
            return saved;
        auto q = runQuery(db,
                          QStringLiteral("INSERT INTO launch_operations (campaign_id, platform, kind, state, attempts, "
                                         "next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'running', 0, "
                                         "NULL, ?, ?) ON CONFLICT (campaign_id, platform) DO UPDATE SET "
                                         "kind = excluded.kind, state = 'running', attempts = 0, "
                                         "next_attempt_at = NULL, updated_at = excluded.updated_at"),
                          {campaign.id, platformName(platform), launchOperationName(kind), now, now});
        if (!q)
            return fail(q.error());
    }
    auto refreshed = campaign_store::refreshStatus(db, campaign.id);
    if (!refreshed)
        return fail(refreshed.error());
    return {};
}

void LaunchEngine::start()
{
    qCInfo(lcLaunch) << "launch engine started with" << m_connectors.size() << "platforms";
    // Schedules are checked every second: the sandbox clock can jump, so no single timer per
    // campaign would stay right.
    m_schedulerTimer = new QTimer(this);
    connect(m_schedulerTimer, &QTimer::timeout, this, &LaunchEngine::runScheduler);
    m_schedulerTimer->start(1000);
    runScheduler();
    scan();
}

void LaunchEngine::wake()
{
    QMetaObject::invokeMethod(this, [this] {
        if (m_scanQueued)
            return;
        m_scanQueued = true;
        QTimer::singleShot(0, this, [this] { scan(); });
    }, Qt::QueuedConnection);
}

int LaunchEngine::pendingOperations() const
{
    auto q = runQuery(m_database->connection(), QStringLiteral("SELECT COUNT(*) FROM launch_operations"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

void LaunchEngine::scan()
{
    m_scanQueued = false;
    auto q = runQuery(m_database->connection(),
                      QStringLiteral("SELECT campaign_id, platform, kind, attempts, next_attempt_at "
                                     "FROM launch_operations ORDER BY created_at"));
    if (!q) {
        qCCritical(lcLaunch) << "cannot read the launch journal:" << q.error().detail;
        return;
    }

    // Read every row before starting any job: a job writes, and a write on this connection while
    // the read is still open would hit SQLite's busy-snapshot error instead of waiting.
    struct Pending
    {
        QString campaignId;
        Platform platform;
        LaunchOperation kind;
        int attempts;
        QDateTime due;
    };
    QList<Pending> pending;
    while (q->next()) {
        const auto platform = platformFromName(q->value(1).toString());
        const auto kind = operationFromName(q->value(2).toString());
        if (platform && kind)
            pending.append({q->value(0).toString(), *platform, *kind, q->value(3).toInt(),
                            QDateTime::fromString(q->value(4).toString(), Qt::ISODateWithMs)});
    }
    q->finish();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 nextWakeMs = -1;
    int waiting = 0;
    for (const Pending &op : pending) {
        if (m_inFlight.contains(jobKey(op.campaignId, op.platform)))
            continue;
        ++waiting;
        if (op.due.isValid() && op.due.toUTC() > now) {
            const qint64 ms = now.msecsTo(op.due.toUTC());
            nextWakeMs = nextWakeMs < 0 ? ms : std::min(nextWakeMs, ms);
            continue;
        }
        if (m_runningPerPlatform.value(op.platform) >= m_maxConcurrentPerPlatform)
            continue;
        startJob(op.campaignId, op.platform, op.kind, op.attempts);
    }

    if (nextWakeMs >= 0)
        QTimer::singleShot(int(std::min<qint64>(nextWakeMs + 5, 3'600'000)), this, [this] { wake(); });
    if (m_inFlight.isEmpty() && waiting == 0)
        emit idle();
}

void LaunchEngine::startJob(const QString &campaignId, Platform platform, LaunchOperation kind, int attempts)
{
    auto job = std::make_shared<Job>();
    job->campaignId = campaignId;
    job->platform = platform;
    job->kind = kind;
    job->attempts = attempts;

    m_inFlight.insert(jobKey(campaignId, platform));
    m_runningPerPlatform[platform] += 1;
    qCDebug(lcLaunch) << "starting" << launchOperationName(kind) << campaignId << platformName(platform)
                      << "attempt" << attempts + 1;

    if (!prepareJob(job))
        return;
    if (kind == LaunchOperation::Launch) {
        if (preparePlan(job))
            runNextStep(job);
    } else {
        runDelivery(job);
    }
}

bool LaunchEngine::prepareJob(const std::shared_ptr<Job> &job)
{
    const QSqlDatabase db = m_database->connection();
    auto loaded = campaign_store::load(db, job->campaignId);
    if (!loaded || !loaded->has_value()) {
        runQuery(db, QStringLiteral("DELETE FROM launch_operations WHERE campaign_id = ?"), {job->campaignId});
        finishJob(job, PlatformState::Failed, std::nullopt);
        return false;
    }
    job->campaign = **loaded;
    job->remoteIds = job->campaign.platformStatus.value(job->platform).remoteIds;
    if (job->campaign.platformStatus.value(job->platform).state == PlatformState::Throttled) {
        // The wait the platform asked for is over: show the work as under way again.
        const PlatformState resumed = job->kind == LaunchOperation::Launch   ? PlatformState::Launching
                                      : job->kind == LaunchOperation::Resume ? PlatformState::Resuming
                                                                             : PlatformState::Pausing;
        updatePlatformStatus(job, [resumed](PlatformStatus &status) {
            status.state = resumed;
            status.error.reset();
        });
    }

    auto prepared = buildInput(job->campaign, job->platform, job->kind == LaunchOperation::Launch,
                               &job->input, &job->connector);
    if (!prepared) {
        finishJob(job, prepared.error().first, prepared.error().second);
        return false;
    }
    return true;
}

tl::expected<void, std::pair<PlatformState, PlatformFailure>> LaunchEngine::buildInput(
    const Campaign &campaign, Platform platform, bool checkCurrency, LaunchInput *input,
    PlatformConnector **connectorOut) const
{
    using Refusal = std::pair<PlatformState, PlatformFailure>;
    const auto refuse = [](PlatformState state, const QString &code, const QString &message) {
        return tl::unexpected<Refusal>(Refusal{state, PlatformFailure{code, message, {}, {}}});
    };

    const auto connector = m_connectors.find(platform);
    if (connector == m_connectors.end())
        return refuse(PlatformState::Failed, QStringLiteral("platform_unavailable"),
                      QStringLiteral("AdsDesk cannot reach %1 in this version.").arg(platformName(platform)));
    *connectorOut = connector->second;

    const QSqlDatabase db = m_database->connection();
    const Money share{splitBudget(campaign.spec.budget, campaignPlatforms(campaign.spec)).value(platform),
                      campaign.spec.budget.amount.currency};
    // A platform keeps the account it was first launched into; a new launch goes to the account
    // that bills in the budget's currency, else to the default account with the budget converted.
    const QString launchedInto = campaign.platformStatus.value(platform).accountId;
    auto account = launchedInto.isEmpty() ? library_store::accountFor(db, platform, share.currency)
                                          : library_store::account(db, platform, launchedInto);
    if (!account)
        return refuse(PlatformState::Rejected, QStringLiteral("account_missing"), account.error().message);
    const auto credentials = m_credentials ? m_credentials(*account) : std::nullopt;
    if (!credentials)
        return refuse(PlatformState::NeedsReauth, QStringLiteral("auth_missing"),
                      QStringLiteral("Sign in to the %1 account %2 again.")
                          .arg(platformName(platform), account->accountId));

    input->budget = share;
    input->budgetNote.clear();
    if (checkCurrency && account->currency != share.currency) {
        auto converted = convertBudget(db, share, *account, now());
        if (!converted)
            return refuse(PlatformState::Rejected, QStringLiteral("currency_conversion"), converted.error().message);
        input->budget = converted->first;
        input->budgetNote = converted->second;
    }

    input->campaignId = campaign.id;
    input->campaignName = campaign.spec.name;
    input->objective = objectiveFromName(campaign.spec.objective).value_or(Objective::Traffic);
    input->budgetType = campaign.spec.budget.type;
    input->startAt = campaign.spec.schedule.startAt;
    input->endAt = campaign.spec.schedule.endAt;
    input->account = *credentials;
    input->creatives.clear();
    input->audiences.clear();
    for (const Creative &creative : library_store::creatives(db).value_or(QList<Creative>())) {
        if (campaign.spec.creativeIds.contains(creative.id))
            input->creatives.append(creative);
    }
    for (const Audience &audience : library_store::audiences(db).value_or(QList<Audience>())) {
        if (campaign.spec.audienceIds.contains(audience.id))
            input->audiences.append(audience);
    }
    return {};
}

QMap<Platform, PlatformCheck> LaunchEngine::check(const Campaign &campaign) const
{
    QMap<Platform, PlatformCheck> checks;
    for (Platform platform : campaignPlatforms(campaign.spec)) {
        PlatformCheck &check = checks[platform];
        LaunchInput input;
        PlatformConnector *connector = nullptr;
        auto prepared = buildInput(campaign, platform, true, &input, &connector);
        check.budget = input.budget;
        if (!prepared) {
            check.problems.append({QStringLiteral("platforms"), prepared.error().second.message});
            continue;
        }
        const LaunchPlan plan = connector->plan(input);
        check.problems = plan.problems;
        check.warnings = plan.warnings;
        if (!input.budgetNote.isEmpty())
            check.warnings.prepend(input.budgetNote);
        check.steps = int(plan.steps.size());
    }
    return checks;
}

bool LaunchEngine::preparePlan(const std::shared_ptr<Job> &job)
{
    const LaunchPlan plan = job->connector->plan(job->input);
    updatePlatformStatus(job, [&](PlatformStatus &status) {
        status.warnings = plan.warnings;
        if (!job->input.budgetNote.isEmpty())
            status.warnings.prepend(job->input.budgetNote);
        // Recorded before anything is sent, so every later operation and every sync finds the
        // objects in the account they were made in.
        status.accountId = job->input.account.accountId;
        status.deliveryFrom = plan.deliveryFrom;
        status.deliveryUntil = plan.deliveryUntil;
    });
    if (!plan.problems.isEmpty()) {
        finishJob(job, PlatformState::Rejected,
                  PlatformFailure{QStringLiteral("validation_failed"), describeProblems(plan.problems), {}, {}});
        return false;
    }

    const Status stored = m_database->write([&](QSqlDatabase &db) -> Status {
        const QString now = toIsoUtc(QDateTime::currentDateTimeUtc());
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            const PlannedStep &step = plan.steps[i];
            auto q = runQuery(db,
                              QStringLiteral("INSERT INTO launch_steps (campaign_id, platform, step_key, ordinal, "
                                             "object_type, tag, state, remote_ids, attempts, updated_at) "
                                             "VALUES (?, ?, ?, ?, ?, ?, 'pending', '{}', 0, ?) "
                                             "ON CONFLICT (campaign_id, platform, step_key) DO UPDATE SET "
                                             "ordinal = excluded.ordinal"),
                              {job->campaignId, platformName(job->platform), step.key, int(i),
                               notNull(step.objectType), notNull(step.tag), now});
            if (!q)
                return fail(q.error());
        }
        return {};
    });
    if (!stored) {
        qCCritical(lcLaunch) << "cannot write the launch journal:" << stored.error().detail;
        finishJob(job, PlatformState::Failed,
                  PlatformFailure{QStringLiteral("storage"), stored.error().message, {}, {}});
        return false;
    }

    auto q = runQuery(m_database->connection(),
                      QStringLiteral("SELECT step_key, state FROM launch_steps WHERE campaign_id = ? AND platform = ?"),
                      {job->campaignId, platformName(job->platform)});
    QHash<QString, QString> states;
    while (q && q->next())
        states.insert(q->value(0).toString(), q->value(1).toString());
    for (const PlannedStep &step : plan.steps)
        job->steps.append({step, states.value(step.key, kStepPending)});
    return true;
}

void LaunchEngine::runNextStep(const std::shared_ptr<Job> &job)
{
    for (int i = 0; i < job->steps.size(); ++i) {
        if (job->steps[i].state != kStepDone) {
            runStep(job, i, job->steps[i].state == kStepSent);
            return;
        }
    }
    finishJob(job, PlatformState::Active, std::nullopt);
}

void LaunchEngine::runStep(const std::shared_ptr<Job> &job, int index, bool reconcileFirst)
{
    const PlannedStep step = job->steps[index].planned;
    QPointer<LaunchEngine> self(this);

    if (reconcileFirst) {
        qCInfo(lcLaunch) << "reconciling" << step.key << "of" << job->campaignId << "on"
                         << platformName(job->platform);
        withinBudget(job->platform, [self, job, index, step] {
            job->connector->findStep(job->input, step, job->remoteIds,
                                     [self, job, index](PlatformResult<std::optional<StepOutcome>> found) {
                if (!self)
                    return;
                if (!found)
                    self->handleFailure(job, found.error());
                else if (found->has_value())
                    self->onStepCreated(job, index, **found);
                else
                    self->runStep(job, index, false);
            });
        });
        return;
    }

    // The step is marked sent and committed before the request leaves, so a crash from here on
    // is known to have an unknown outcome and is reconciled instead of repeated.
    const Status marked = m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db,
                          QStringLiteral("UPDATE launch_steps SET state = 'sent', attempts = attempts + 1, "
                                         "updated_at = ? WHERE campaign_id = ? AND platform = ? AND step_key = ?"),
                          {toIsoUtc(QDateTime::currentDateTimeUtc()), job->campaignId, platformName(job->platform),
                           step.key});
        return q ? Status{} : fail(q.error());
    });
    if (!marked) {
        finishJob(job, PlatformState::Failed,
                  PlatformFailure{QStringLiteral("storage"), marked.error().message, {}, {}});
        return;
    }
    job->steps[index].state = kStepSent;
    crashPoint(CrashPoint::StepSent);

    withinBudget(job->platform, [self, job, index, step] {
        job->connector->createStep(job->input, step, job->remoteIds,
                                   [self, job, index](PlatformResult<StepOutcome> created) {
            if (self)
                self->onStepCreated(job, index, created);
        });
    });
}

void LaunchEngine::onStepCreated(const std::shared_ptr<Job> &job, int index, const PlatformResult<StepOutcome> &result)
{
    if (!result) {
        if (result.error().kind == FailureKind::Permanent || result.error().kind == FailureKind::Auth) {
            // The platform refused the request, so nothing was created: a later launch may send it again.
            job->steps[index].state = kStepFailed;
            runQuery(m_database->connection(),
                     QStringLiteral("UPDATE launch_steps SET state = 'failed', last_error = ? WHERE campaign_id = ? "
                                    "AND platform = ? AND step_key = ?"),
                     {result.error().message, job->campaignId, platformName(job->platform),
                      job->steps[index].planned.key});
        }
        handleFailure(job, result.error());
        return;
    }

    crashPoint(CrashPoint::StepAnswered);
    const PlannedStep &step = job->steps[index].planned;
    for (auto it = result->remoteIds.begin(); it != result->remoteIds.end(); ++it)
        job->remoteIds.insert(it.key(), it.value());

    const Status recorded = m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db,
                          QStringLiteral("UPDATE launch_steps SET state = 'done', remote_ids = ?, last_error = NULL, "
                                         "updated_at = ? WHERE campaign_id = ? AND platform = ? AND step_key = ?"),
                          {compact(result->remoteIds), toIsoUtc(QDateTime::currentDateTimeUtc()), job->campaignId,
                           platformName(job->platform), step.key});
        if (!q)
            return fail(q.error());
        // Attempts count failures in a row: a step that went through earns the next one a fresh budget.
        auto reset = runQuery(db, QStringLiteral("UPDATE launch_operations SET attempts = 0 WHERE campaign_id = ? "
                                                 "AND platform = ?"),
                              {job->campaignId, platformName(job->platform)});
        if (!reset)
            return fail(reset.error());
        auto loaded = campaign_store::load(db, job->campaignId);
        if (!loaded || !loaded->has_value())
            return {};
        PlatformStatus status = (*loaded)->platformStatus.value(job->platform);
        status.remoteIds = job->remoteIds;
        status.updatedAt = QDateTime::currentDateTimeUtc();
        return campaign_store::savePlatformStatus(db, job->campaignId, job->platform, status);
    });
    if (!recorded) {
        qCCritical(lcLaunch) << "remote ids of" << step.key << "could not be stored:" << recorded.error().detail;
        finishJob(job, PlatformState::Failed,
                  PlatformFailure{QStringLiteral("storage"), recorded.error().message, {}, {}});
        return;
    }

    job->steps[index].state = kStepDone;
    job->attempts = 0;
    crashPoint(CrashPoint::StepRecorded);
    qCDebug(lcLaunch) << "step done" << step.key << job->campaignId << platformName(job->platform);
    emit m_notifier->campaignChanged(job->campaignId);
    runNextStep(job);
}

void LaunchEngine::runDelivery(const std::shared_ptr<Job> &job)
{
    const bool active = job->kind == LaunchOperation::Resume;
    const PlatformState settled = active                                ? PlatformState::Active
                                  : job->kind == LaunchOperation::Pause ? PlatformState::Paused
                                                                        : PlatformState::Ended;
    QPointer<LaunchEngine> self(this);
    withinBudget(job->platform, [self, job, active, settled] {
        job->connector->setDelivery(job->input.account, job->remoteIds, active,
                                    [self, job, settled](PlatformResult<bool> done) {
            if (!self)
                return;
            if (!done)
                self->handleFailure(job, done.error());
            else
                self->finishJob(job, settled, std::nullopt);
        });
    });
}

void LaunchEngine::handleFailure(const std::shared_ptr<Job> &job, const PlatformError &error)
{
    qCWarning(lcLaunch) << launchOperationName(job->kind) << job->campaignId << platformName(job->platform)
                        << "failed:" << error.code << error.platformCode << error.message;

    if (error.kind == FailureKind::Auth) {
        finishJob(job, PlatformState::NeedsReauth, failureFrom(error));
        return;
    }
    if (error.kind == FailureKind::Permanent) {
        finishJob(job, job->kind == LaunchOperation::Launch ? PlatformState::Rejected : PlatformState::Failed,
                  failureFrom(error));
        return;
    }

    const int attempts = job->attempts + 1;
    if (attempts >= m_retry.maxAttempts) {
        PlatformFailure failure = failureFrom(error);
        failure.message = QStringLiteral("%1 Gave up after %2 attempts.").arg(error.message).arg(attempts);
        finishJob(job, PlatformState::Failed, failure);
        return;
    }

    const int delayMs = retryDelayMs(attempts, error);
    const QDateTime due = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    runQuery(m_database->connection(),
             QStringLiteral("UPDATE launch_operations SET attempts = ?, next_attempt_at = ?, updated_at = ? "
                            "WHERE campaign_id = ? AND platform = ?"),
             {attempts, due.toString(Qt::ISODateWithMs), toIsoUtc(QDateTime::currentDateTimeUtc()), job->campaignId,
              platformName(job->platform)});
    if (error.kind == FailureKind::RateLimited) {
        updatePlatformStatus(job, [&](PlatformStatus &status) {
            status.state = PlatformState::Throttled;
            status.error = failureFrom(error);
            status.error->message = QStringLiteral("%1 Retrying at %2.").arg(error.message, toIsoUtc(due));
        });
    }

    m_inFlight.remove(jobKey(job->campaignId, job->platform));
    m_runningPerPlatform[job->platform] -= 1;
    QTimer::singleShot(delayMs, this, [this] { wake(); });
}

int LaunchEngine::retryDelayMs(int attempts, const PlatformError &error) const
{
    // Exponential backoff with full jitter, never sooner than the platform asked for.
    const qint64 ceiling = std::min<qint64>(qint64(m_retry.baseDelayMs) << std::min(attempts, 16), m_retry.maxDelayMs);
    qint64 delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    if (error.retryAfterSeconds > 0)
        delay = std::max<qint64>(delay, std::min<qint64>(qint64(error.retryAfterSeconds) * 1000,
                                                         m_retry.maxThrottleWaitMs));
    return int(delay);
}

Status LaunchEngine::updatePlatformStatus(const std::shared_ptr<Job> &job,
                                          const std::function<void(PlatformStatus &)> &change)
{
    const Status saved = m_database->write([&](QSqlDatabase &db) -> Status {
        auto loaded = campaign_store::load(db, job->campaignId);
        if (!loaded)
            return fail(loaded.error());
        if (!loaded->has_value())
            return {};
        PlatformStatus status = (*loaded)->platformStatus.value(job->platform);
        change(status);
        status.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto written = campaign_store::savePlatformStatus(db, job->campaignId, job->platform, status); !written)
            return written;
        auto refreshed = campaign_store::refreshStatus(db, job->campaignId);
        return refreshed ? Status{} : fail(refreshed.error());
    });
    if (saved)
        emit m_notifier->campaignChanged(job->campaignId);
    return saved;
}

void LaunchEngine::finishJob(const std::shared_ptr<Job> &job,
                             PlatformState state,
                             const std::optional<PlatformFailure> &error)
{
    const Status saved = m_database->write([&](QSqlDatabase &db) -> Status {
        auto removed = runQuery(db,
                                QStringLiteral("DELETE FROM launch_operations WHERE campaign_id = ? AND platform = ? "
                                               "AND kind = ?"),
                                {job->campaignId, platformName(job->platform), launchOperationName(job->kind)});
        if (!removed)
            return fail(removed.error());
        auto loaded = campaign_store::load(db, job->campaignId);
        if (!loaded)
            return fail(loaded.error());
        if (!loaded->has_value())
            return {};

        PlatformStatus status = (*loaded)->platformStatus.value(job->platform);
        status.state = state;
        status.error = error;
        status.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto written = campaign_store::savePlatformStatus(db, job->campaignId, job->platform, status); !written)
            return written;
        if (auto kept = campaign_store::recordActivity(db, job->campaignId, job->platform, state, now()); !kept)
            return kept;
        auto refreshed = campaign_store::refreshStatus(db, job->campaignId);
        return refreshed ? Status{} : fail(refreshed.error());
    });
    if (!saved)
        qCCritical(lcLaunch) << "cannot record the outcome of" << job->campaignId << saved.error().detail;

    qCInfo(lcLaunch) << launchOperationName(job->kind) << job->campaignId << platformName(job->platform) << "->"
                     << platformStateName(state) << (error ? error->message : QString());
    m_inFlight.remove(jobKey(job->campaignId, job->platform));
    m_runningPerPlatform[job->platform] -= 1;
    emit m_notifier->campaignChanged(job->campaignId);
    emit operationFinished(job->campaignId, job->platform);
    if (job->kind == LaunchOperation::Remove)
        removeIfDone(job->campaignId);
    wake();
}

void LaunchEngine::removeIfDone(const QString &campaignId)
{
    // The record goes once no platform still has work for it; a platform that could not be
    // switched off keeps the campaign, with its error, for the buyer to see.
    bool removed = false;
    m_database->write([&](QSqlDatabase &db) -> Status {
        auto pending = runQuery(db, QStringLiteral("SELECT COUNT(*) FROM launch_operations WHERE campaign_id = ?"),
                                {campaignId});
        if (!pending || !pending->next() || pending->value(0).toInt() > 0)
            return {};
        auto loaded = campaign_store::load(db, campaignId);
        if (!loaded || !loaded->has_value())
            return {};
        for (const PlatformStatus &status : (*loaded)->platformStatus) {
            if (status.state != PlatformState::Ended)
                return {};
        }
        removed = true;
        return campaign_store::remove(db, campaignId);
    });
    if (removed) {
        qCInfo(lcLaunch) << "campaign" << campaignId << "switched off everywhere and deleted";
        emit m_notifier->campaignRemoved(campaignId);
    }
}

void LaunchEngine::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime LaunchEngine::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void LaunchEngine::runScheduler()
{
    const QString nowText = toIsoUtc(now());
    const QSqlDatabase db = m_database->connection();

    // Due starts and due ends, read in full before anything is written.
    QStringList toLaunch;
    QStringList toEnd;
    auto due = runQuery(db,
                        QStringLiteral("SELECT id, status FROM campaigns WHERE "
                                       "(status = 'scheduled' AND start_at <= ?) OR "
                                       "(status IN ('active', 'partially_active', 'paused', 'launching') "
                                       "AND end_at IS NOT NULL AND end_at <= ?)"),
                        {nowText, nowText});
    while (due && due->next())
        (due->value(1).toString() == u"scheduled" ? toLaunch : toEnd).append(due->value(0).toString());
    if (due)
        due->finish();

    for (const QString &id : toLaunch + toEnd) {
        const bool launch = toLaunch.contains(id);
        m_database->write([&](QSqlDatabase &wdb) -> Status {
            auto loaded = campaign_store::load(wdb, id);
            if (!loaded || !loaded->has_value())
                return {};
            return queueOperation(wdb, **loaded, launch ? LaunchOperation::Launch : LaunchOperation::End);
        });
        qCInfo(lcLaunch) << "schedule" << (launch ? "starts" : "ends") << id;
        emit m_notifier->campaignChanged(id);
    }
    if (!toLaunch.isEmpty() || !toEnd.isEmpty())
        wake();
}

} // namespace ads::core
