#include "core/services/CampaignService.h"

#include "core/Logging.h"
#include "core/services/AnalyticsService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/ExchangeRates.h"
#include "core/launch/LaunchEngine.h"
#include "core/store/MetricsStore.h"
#include "core/store/CampaignStore.h"
#include "core/store/Database.h"
#include "core/store/LibraryStore.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QThread>
#include <QRegularExpression>

namespace ads::core {

namespace {

constexpr int kMaxPageSize = 500;

QString newCampaignId()
{
    return QStringLiteral("cmp-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

bool isValidClientId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

QString encodeCursor(qint64 seq)
{
    return QString::fromLatin1(QByteArray::number(seq).toBase64(QByteArray::Base64UrlEncoding
                                                                 | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> decodeCursor(const QString &cursor)
{
    const QByteArray raw = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    bool ok = false;
    const qint64 seq = raw.toLongLong(&ok);
    return ok && seq >= 0 ? std::optional<qint64>(seq) : std::nullopt;
}

Error notFound(const QString &id)
{
    return Error::make(ErrorCode::NotFound, QStringLiteral("No campaign has the id '%1'.").arg(id));
}

Error conflict(const QString &message)
{
    return Error::make(ErrorCode::Conflict, message);
}

bool hasPlatformIn(const Campaign &campaign, std::initializer_list<PlatformState> states)
{
    for (const PlatformStatus &status : campaign.platformStatus) {
        for (PlatformState state : states) {
            if (status.state == state)
                return true;
        }
    }
    return false;
}

} // namespace

CampaignService::CampaignService(Database *database, ChangeNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_notifier(notifier)
{
}

void CampaignService::setLaunchEngine(LaunchEngine *engine)
{
    m_engine = engine;
}

void CampaignService::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime CampaignService::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QList<FieldError> CampaignService::validate(const CampaignSpec &spec) const
{
    const QSqlDatabase db = m_database->connection();
    ValidationContext context;
    context.knownAudienceIds = library_store::audienceIds(db).value_or(QStringList());
    context.knownCreativeIds = library_store::creativeIds(db).value_or(QStringList());
    return validateCampaignSpec(spec, context);
}

Result<Campaign> CampaignService::createCampaign(const CampaignSpec &spec,
                                                 const Actor &actor,
                                                 const QString &requestedId)
{
    if (!requestedId.isEmpty() && !isValidClientId(requestedId))
        return fail(Error::invalid({{QStringLiteral("id"),
                                     QStringLiteral("must be 1 to 64 letters, digits, '-' or '_'")}}));
    if (const QList<FieldError> errors = validate(spec); !errors.isEmpty())
        return fail(Error::invalid(errors));

    Campaign campaign;
    campaign.id = requestedId.isEmpty() ? newCampaignId() : requestedId;
    campaign.spec = spec;
    campaign.spec.name = spec.name.trimmed();
    campaign.createdAt = campaign.updatedAt = QDateTime::currentDateTimeUtc();

    const Status saved = m_database->write([&](QSqlDatabase &db) -> Status {
        auto existing = campaign_store::load(db, campaign.id);
        if (!existing)
            return fail(existing.error());
        if (existing->has_value())
            return fail(conflict(QStringLiteral("A campaign with the id '%1' exists already.").arg(campaign.id)));
        if (auto inserted = campaign_store::insert(db, campaign); !inserted)
            return inserted;
        return campaign_store::appendHistory(db, QStringLiteral("campaign"), campaign.id, actor.kind,
                                             actor.subject, {}, campaignToJson(campaign));
    });
    if (!saved)
        return fail(saved.error());

    qCInfo(lcDomain) << "campaign created" << campaign.id << "by" << actor.kind;
    emit m_notifier->campaignChanged(campaign.id);
    return campaign;
}

Result<Campaign> CampaignService::campaign(const QString &id) const
{
    auto loaded = campaign_store::load(m_database->connection(), id);
    if (!loaded)
        return fail(loaded.error());
    if (!loaded->has_value())
        return fail(notFound(id));
    return **loaded;
}

Result<Page<Campaign>> CampaignService::listCampaigns(int limit, const QString &cursor) const
{
    if (limit < 1 || limit > kMaxPageSize)
        return fail(Error::invalid({{QStringLiteral("limit"),
                                     QStringLiteral("must be between 1 and %1").arg(kMaxPageSize)}}));
    qint64 afterSeq = 0;
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        if (!decoded)
            return fail(Error::invalid(
                {{QStringLiteral("cursor"), QStringLiteral("is not a cursor this server made")}}));
        afterSeq = *decoded;
    }

    const QSqlDatabase db = m_database->connection();
    auto rows = campaign_store::list(db, afterSeq, limit + 1);
    if (!rows)
        return fail(rows.error());

    Page<Campaign> page;
    page.items = *rows;
    if (page.items.size() > limit) {
        page.items.resize(limit);
        const auto seq = campaign_store::seqOf(db, page.items.last().id);
        if (seq)
            page.nextCursor = encodeCursor(*seq);
    }
    return page;
}

Result<Campaign> CampaignService::updateCampaign(const QString &id,
                                                 const CampaignSpec &spec,
                                                 std::optional<int> expectedVersion,
                                                 const Actor &actor)
{
    if (const QList<FieldError> errors = validate(spec); !errors.isEmpty())
        return fail(Error::invalid(errors));

    Campaign updated;
    const Status saved = m_database->write([&](QSqlDatabase &db) -> Status {
        auto loaded = campaign_store::load(db, id);
        if (!loaded)
            return fail(loaded.error());
        if (!loaded->has_value())
            return fail(notFound(id));

        const Campaign before = **loaded;
        if (expectedVersion && *expectedVersion != before.version)
            return fail(ErrorCode::PreconditionFailed,
                        QStringLiteral("The campaign was changed since version %1; it is at version %2 now. "
                                       "Reload it and apply the change again.")
                            .arg(*expectedVersion)
                            .arg(before.version));
        // Limitation: a launched campaign's spec is not pushed to its platforms again, so edits are only
        // accepted while nothing is live on any platform.
        if (before.status != CampaignStatus::Draft && before.status != CampaignStatus::Failed
            && before.status != CampaignStatus::Scheduled)
            return fail(conflict(QStringLiteral("The campaign is %1; only drafts and failed campaigns can be "
                                                "edited.")
                                     .arg(campaignStatusName(before.status))));

        updated = before;
        updated.spec = spec;
        updated.spec.name = spec.name.trimmed();
        updated.version = before.version + 1;
        updated.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto written = campaign_store::update(db, updated); !written)
            return written;
        return campaign_store::appendHistory(db, QStringLiteral("campaign"), id, actor.kind, actor.subject,
                                             campaignToJson(before), campaignToJson(updated));
    });
    if (!saved)
        return fail(saved.error());

    emit m_notifier->campaignChanged(id);
    return updated;
}

Status CampaignService::deleteCampaign(const QString &id, const Actor &actor, bool *removalPending)
{
    bool pending = false;
    const Status removed = m_database->write([&](QSqlDatabase &db) -> Status {
        auto loaded = campaign_store::load(db, id);
        if (!loaded)
            return fail(loaded.error());
        if (!loaded->has_value())
            return fail(notFound(id));

        const Campaign &before = **loaded;
        if (auto logged = campaign_store::appendHistory(db, QStringLiteral("campaign"), id, actor.kind,
                                                        actor.subject, campaignToJson(before), {});
            !logged)
            return logged;
        for (const PlatformStatus &status : before.platformStatus) {
            if (!status.remoteIds.isEmpty()) {
                // Limitation: objects are switched off (paused) on each platform, not archived there.
                pending = true;
                return LaunchEngine::queueOperation(db, before, LaunchOperation::Remove);
            }
        }
        return campaign_store::remove(db, id);
    });
    if (!removed)
        return removed;

    if (removalPending)
        *removalPending = pending;
    if (pending) {
        emit m_notifier->campaignChanged(id);
        if (m_engine)
            m_engine->wake();
    } else {
        emit m_notifier->campaignRemoved(id);
    }
    return {};
}

namespace {

QJsonObject mergedJson(QJsonObject base, const QJsonObject &changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), mergedJson(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

} // namespace

Result<Campaign> CampaignService::duplicateCampaign(const QString &id, const QJsonObject &changes, const Actor &actor)
{
    auto source = campaign(id);
    if (!source)
        return source;

    QJsonObject json = campaignToJson(*source);
    json.insert("name", QStringLiteral("%1 (copy)").arg(source->spec.name).left(200));
    if (!source->spec.budget.allocation.isEmpty() && changes.contains("platforms")
        && !changes.value("budget").toObject().contains("allocation"))
        json.insert("budget", mergedJson(json.value("budget").toObject(), {{"allocation", QJsonValue::Null}}));
    json = mergedJson(json, changes);

    auto spec = campaignSpecFromJson(json);
    if (!spec)
        return fail(spec.error());
    const QString requestedId = changes.value("id").toString();
    return createCampaign(*spec, actor, requestedId);
}

Result<Campaign> CampaignService::scheduleCampaign(const QString &id, const Schedule &schedule, const Actor &actor)
{
    QList<FieldError> errors;
    if (!schedule.startAt.isValid())
        errors.append({QStringLiteral("startAt"), QStringLiteral("is required")});
    if (schedule.startAt.isValid() && schedule.endAt.isValid() && schedule.endAt <= schedule.startAt)
        errors.append({QStringLiteral("endAt"), QStringLiteral("must be after startAt")});
    if (schedule.endAt.isValid() && schedule.endAt <= now())
        errors.append({QStringLiteral("endAt"), QStringLiteral("is in the past")});
    if (!errors.isEmpty())
        return fail(Error::invalid(errors));

    Campaign updated;
    const Status saved = m_database->write([&](QSqlDatabase &db) -> Status {
        auto loaded = campaign_store::load(db, id);
        if (!loaded)
            return fail(loaded.error());
        if (!loaded->has_value())
            return fail(notFound(id));
        const Campaign before = **loaded;
        const bool notLaunched = before.status == CampaignStatus::Draft || before.status == CampaignStatus::Failed
                                 || before.status == CampaignStatus::Scheduled;
        if (!notLaunched && before.status == CampaignStatus::Ended)
            return fail(conflict(QStringLiteral("The campaign has ended; duplicate it to run it again.")));

        updated = before;
        updated.spec.schedule = notLaunched ? schedule : Schedule{before.spec.schedule.startAt, schedule.endAt};
        if (const QList<FieldError> invalid = validate(updated.spec); !invalid.isEmpty())
            return fail(Error::invalid(invalid));
        updated.version = before.version + 1;
        updated.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto written = campaign_store::update(db, updated); !written)
            return written;

        if (notLaunched) {
            // Every platform waits for the start; the engine's scheduler launches them then.
            const QMap<Platform, qint64> shares = splitBudget(updated.spec.budget, campaignPlatforms(updated.spec));
            for (Platform platform : campaignPlatforms(updated.spec)) {
                PlatformStatus status = before.platformStatus.value(platform);
                if (status.state == PlatformState::Active || status.state == PlatformState::Paused)
                    continue;
                status.state = PlatformState::Scheduled;
                status.budget = Money{shares.value(platform), updated.spec.budget.amount.currency};
                status.error.reset();
                status.updatedAt = updated.updatedAt;
                if (auto stored = campaign_store::savePlatformStatus(db, id, platform, status); !stored)
                    return stored;
            }
            auto refreshed = campaign_store::refreshStatus(db, id);
            if (!refreshed)
                return fail(refreshed.error());
            updated.status = *refreshed;
        }
        return campaign_store::appendHistory(db, QStringLiteral("campaign"), id, actor.kind, actor.subject,
                                             campaignToJson(before), campaignToJson(updated));
    });
    if (!saved)
        return fail(saved.error());

    emit m_notifier->campaignChanged(id);
    if (m_engine)
        m_engine->wake();
    return campaign(id);
}

bool LaunchCheck::ok() const
{
    for (const PlatformCheck &check : platforms) {
        if (!check.problems.isEmpty())
            return false;
    }
    return true;
}

QJsonObject launchCheckToJson(const LaunchCheck &check)
{
    QJsonObject platforms;
    for (auto it = check.platforms.begin(); it != check.platforms.end(); ++it) {
        QJsonArray problems;
        for (const FieldError &problem : it->problems)
            problems.append(QJsonObject{{"field", problem.field}, {"message", problem.message}});
        platforms.insert(platformName(it.key()),
                         QJsonObject{{"ok", it->problems.isEmpty()},
                                     {"problems", problems},
                                     {"warnings", QJsonArray::fromStringList(it->warnings)},
                                     {"budget", QJsonObject{{"amount", money::toMajorUnits(it->budget.micros)},
                                                            {"currency", it->budget.currency}}},
                                     {"steps", it->steps}});
    }
    return {{"campaignId", check.campaignId}, {"ok", check.ok()}, {"platforms", platforms}};
}

Result<LaunchCheck> CampaignService::checkLaunch(const QString &id) const
{
    auto loaded = campaign(id);
    if (!loaded)
        return fail(loaded.error());
    if (!m_engine)
        return fail(ErrorCode::Internal, QStringLiteral("The launch engine is not running."));

    LaunchCheck check;
    check.campaignId = id;
    // The connectors live on the engine's thread; their checks are fast and send nothing.
    const auto run = [&] { check.platforms = m_engine->check(*loaded); };
    if (m_engine->thread() == QThread::currentThread())
        run();
    else
        QMetaObject::invokeMethod(m_engine, run, Qt::BlockingQueuedConnection);

    // The campaign's own rules apply to every platform too.
    const QList<FieldError> errors = validate(loaded->spec);
    const bool ended = loaded->spec.schedule.endAt.isValid() && loaded->spec.schedule.endAt <= now();
    for (PlatformCheck &platform : check.platforms) {
        platform.problems = errors + platform.problems;
        if (ended)
            platform.problems.prepend({QStringLiteral("schedule.endAt"), QStringLiteral("the schedule has ended")});
    }
    return check;
}

QList<BulkOutcome> CampaignService::bulkLaunch(const QStringList &ids, const Actor &actor)
{
    QList<BulkOutcome> outcomes;
    for (const QString &id : ids)
        outcomes.append({id, launch(id, actor)});
    return outcomes;
}

QList<BulkOutcome> CampaignService::bulkPause(const QStringList &ids, const Actor &actor)
{
    QList<BulkOutcome> outcomes;
    for (const QString &id : ids)
        outcomes.append({id, pause(id, actor)});
    return outcomes;
}

Result<Campaign> CampaignService::launch(const QString &id, const Actor &actor)
{
    auto current = campaign(id);
    if (!current)
        return current;
    if (current->status == CampaignStatus::Launching)
        return current; // a second click while launching changes nothing

    if (current->status != CampaignStatus::Draft && current->status != CampaignStatus::Failed
        && current->status != CampaignStatus::PartiallyActive && current->status != CampaignStatus::Scheduled)
        return fail(conflict(QStringLiteral("The campaign is %1 and cannot be launched again.")
                                 .arg(campaignStatusName(current->status))));
    if (current->spec.schedule.endAt.isValid() && current->spec.schedule.endAt <= now())
        return fail(conflict(QStringLiteral("The campaign's schedule ended at %1; move schedule.endAt into the "
                                            "future before launching.")
                                 .arg(toIsoUtc(current->spec.schedule.endAt))));
    if (const QList<FieldError> errors = validate(current->spec); !errors.isEmpty())
        return fail(Error::invalid(errors, QStringLiteral("The campaign has invalid fields; fix them first.")));

    return startOperation(*current, LaunchOperation::Launch, actor);
}

Result<Campaign> CampaignService::pause(const QString &id, const Actor &actor)
{
    auto current = campaign(id);
    if (!current)
        return current;
    if (current->status == CampaignStatus::Pausing)
        return current;
    if (!hasPlatformIn(*current, {PlatformState::Active, PlatformState::Resuming}))
        return fail(conflict(QStringLiteral("The campaign is %1; only a live campaign can be paused.")
                                 .arg(campaignStatusName(current->status))));
    return startOperation(*current, LaunchOperation::Pause, actor);
}

Result<Campaign> CampaignService::resume(const QString &id, const Actor &actor)
{
    auto current = campaign(id);
    if (!current)
        return current;
    if (current->status == CampaignStatus::Resuming)
        return current;
    if (!hasPlatformIn(*current, {PlatformState::Paused, PlatformState::Pausing}))
        return fail(conflict(QStringLiteral("The campaign is %1; only a paused campaign can be resumed.")
                                 .arg(campaignStatusName(current->status))));
    if (current->spec.schedule.endAt.isValid() && current->spec.schedule.endAt <= now())
        return fail(conflict(QStringLiteral("The campaign's schedule has ended; it cannot be resumed.")));
    return startOperation(*current, LaunchOperation::Resume, actor);
}

Result<Campaign> CampaignService::startOperation(const Campaign &campaign, LaunchOperation kind, const Actor &actor)
{
    const Status queued = m_database->write([&](QSqlDatabase &db) -> Status {
        return LaunchEngine::queueOperation(db, campaign, kind);
    });
    if (!queued)
        return fail(queued.error());

    auto after = this->campaign(campaign.id);
    if (after) {
        m_database->write([&](QSqlDatabase &db) -> Status {
            return campaign_store::appendHistory(db, QStringLiteral("campaign"), campaign.id, actor.kind,
                                                 actor.subject, campaignToJson(campaign), campaignToJson(*after));
        });
    }
    qCInfo(lcLaunch) << launchOperationName(kind) << "requested for" << campaign.id << "by" << actor.kind;
    emit m_notifier->campaignChanged(campaign.id);
    if (m_engine)
        m_engine->wake();
    return after;
}

void CampaignService::setMetricsViewSource(std::function<metrics_store::CampaignMetricsView()> source)
{
    m_metricsView = std::move(source);
}

Result<CampaignMetrics> CampaignService::metrics(const QString &id, const QDate &from, const QDate &to,
                                                 const QString &currency, const QString &granularity) const
{
    auto loaded = campaign(id);
    if (!loaded)
        return fail(loaded.error());
    if (!from.isValid() || !to.isValid() || from > to)
        return fail(Error::invalid({{QStringLiteral("from"), QStringLiteral("must be a day on or before 'to'")}}));
    if (from.daysTo(to) > 3660)
        return fail(Error::invalid({{QStringLiteral("to"), QStringLiteral("the range may span at most ten years")}}));
    if (!currency.isEmpty() && !money::isKnownCurrency(currency))
        return fail(Error::invalid({{QStringLiteral("currency"), QStringLiteral("not an ISO 4217 code")}}));
    const QStringList granularities{QStringLiteral("hour"), QStringLiteral("day"), QStringLiteral("week"),
                                    QStringLiteral("month")};
    if (!granularities.contains(granularity))
        return fail(Error::invalid(
            {{QStringLiteral("granularity"), QStringLiteral("must be hour, day, week or month")}}));
    if (granularity == u"hour" && from.daysTo(to) >= kMaxHourlyRangeDays)
        return fail(Error::invalid({{QStringLiteral("granularity"),
                                     QStringLiteral("hourly figures span at most %1 days").arg(kMaxHourlyRangeDays)}}));

    metrics_store::CampaignMetricsView view = m_metricsView ? m_metricsView() : metrics_store::CampaignMetricsView{};
    view.currency = currency;
    view.granularity = granularity;
    const QSqlDatabase db = m_database->connection();
    auto rates = FxTable::load(db);
    if (!rates)
        return fail(rates.error());
    return metrics_store::campaignMetrics(db, *loaded, from, to, view, *rates);
}

QList<Creative> CampaignService::creatives() const
{
    return library_store::creatives(m_database->connection()).value_or(QList<Creative>());
}

QList<Audience> CampaignService::audiences() const
{
    return library_store::audiences(m_database->connection()).value_or(QList<Audience>());
}

} // namespace ads::core
