#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/SampleWorkspace.h"
#include "core/store/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

namespace {

CampaignSpec sampleSpec()
{
    CampaignSpec spec;
    spec.name = QStringLiteral("Black Friday");
    spec.objective = QStringLiteral("conversions");
    spec.platforms = {QStringLiteral("facebook"), QStringLiteral("google"), QStringLiteral("tiktok")};
    spec.budget.amount = Money{450'000'000, QStringLiteral("USD")};
    spec.audienceIds = {QStringLiteral("aud-vip")};
    spec.creativeIds = {QStringLiteral("cre-bf-static-1"), QStringLiteral("cre-bf-video-1")};
    spec.schedule.startAt = QDateTime::currentDateTimeUtc();
    spec.schedule.endAt = spec.schedule.startAt.addDays(7);
    return spec;
}

const Actor kApi{QStringLiteral("api"), QStringLiteral("crm-test")};

} // namespace

class TestCampaignService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createStoresAndAnnounces();
    void invalidSpecStoresNothing();
    void clientChosenIds();
    void staleVersionIsRefused();
    void paginationWalksEveryCampaign();
    void lifecycleRules();
    void launchQueuesEveryPlatformWithItsShare();
    void deleteRemovesDraft();
    void historyKeepsWhoChangedWhat();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<CampaignService> m_service;
};

void TestCampaignService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::move(*Database::open(m_dir->filePath("w.sqlite")));
    QVERIFY(m_db->write([](QSqlDatabase &db) { return seedSampleLibrary(db); }).has_value());
    m_notifier = std::make_unique<ChangeNotifier>();
    m_service = std::make_unique<CampaignService>(m_db.get(), m_notifier.get());
}

void TestCampaignService::cleanup()
{
    m_service.reset();
    m_notifier.reset();
    m_db.reset();
    m_dir.reset();
}

void TestCampaignService::createStoresAndAnnounces()
{
    QSignalSpy changed(m_notifier.get(), &ChangeNotifier::campaignChanged);
    const auto created = m_service->createCampaign(sampleSpec(), kApi);
    QVERIFY(created.has_value());
    QVERIFY(created->id.startsWith(QStringLiteral("cmp-")));
    QCOMPARE(created->status, CampaignStatus::Draft);
    QCOMPARE(created->version, 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), created->id);

    const auto loaded = m_service->campaign(created->id);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->spec.budget.amount, sampleSpec().budget.amount);
    QCOMPARE(loaded->spec.creativeIds, sampleSpec().creativeIds);
    QCOMPARE(loaded->spec.schedule.endAt.toSecsSinceEpoch(), sampleSpec().schedule.endAt.toSecsSinceEpoch());
}

void TestCampaignService::invalidSpecStoresNothing()
{
    CampaignSpec spec = sampleSpec();
    spec.budget.amount.micros = 0;
    spec.creativeIds.append(QStringLiteral("cre-missing"));
    const auto created = m_service->createCampaign(spec, kApi);
    QVERIFY(!created.has_value());
    QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    QCOMPARE(created.error().fields.size(), 2);
    QCOMPARE(m_service->listCampaigns(50)->items.size(), 0);
}

void TestCampaignService::clientChosenIds()
{
    QVERIFY(m_service->createCampaign(sampleSpec(), kApi, QStringLiteral("cmp-bf-2026")).has_value());
    const auto twice = m_service->createCampaign(sampleSpec(), kApi, QStringLiteral("cmp-bf-2026"));
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
    const auto bad = m_service->createCampaign(sampleSpec(), kApi, QStringLiteral("has spaces"));
    QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
    QCOMPARE(bad.error().fields.first().field, QStringLiteral("id"));
}

void TestCampaignService::staleVersionIsRefused()
{
    const auto created = m_service->createCampaign(sampleSpec(), kApi);
    CampaignSpec edit = sampleSpec();
    edit.name = QStringLiteral("Renamed");
    const auto updated = m_service->updateCampaign(created->id, edit, 1, kApi);
    QVERIFY(updated.has_value());
    QCOMPARE(updated->version, 2);

    const auto stale = m_service->updateCampaign(created->id, edit, 1, kApi);
    QCOMPARE(stale.error().code, ErrorCode::PreconditionFailed);
    QCOMPARE(m_service->campaign(created->id)->spec.name, QStringLiteral("Renamed"));
}

void TestCampaignService::paginationWalksEveryCampaign()
{
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids.append(m_service->createCampaign(sampleSpec(), kApi)->id);

    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        const auto page = m_service->listCampaigns(3, cursor);
        QVERIFY(page.has_value());
        for (const Campaign &c : page->items)
            seen.append(c.id);
        cursor = page->nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(seen, ids);
    QCOMPARE(pages, 3);
    QCOMPARE(m_service->listCampaigns(0).error().fields.first().field, QStringLiteral("limit"));
    QCOMPARE(m_service->listCampaigns(3, QStringLiteral("!!")).error().fields.first().field,
             QStringLiteral("cursor"));
}

void TestCampaignService::lifecycleRules()
{
    const auto draft = m_service->createCampaign(sampleSpec(), kApi);
    QCOMPARE(m_service->resume(draft->id, kApi).error().code, ErrorCode::Conflict);
    QCOMPARE(m_service->pause(draft->id, kApi).error().code, ErrorCode::Conflict);
    QCOMPARE(m_service->launch(QStringLiteral("cmp-nope"), kApi).error().code, ErrorCode::NotFound);

    CampaignSpec ended = sampleSpec();
    ended.schedule.startAt = QDateTime(QDate(2025, 11, 28), QTime(0, 0), Qt::UTC);
    ended.schedule.endAt = QDateTime(QDate(2025, 12, 1), QTime(23, 59, 59), Qt::UTC);
    const auto old = m_service->createCampaign(ended, kApi);
    const auto refused = m_service->launch(old->id, kApi);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY(refused.error().message.contains(QStringLiteral("ended")));
    QCOMPARE(m_service->campaign(old->id)->status, CampaignStatus::Draft);
}

void TestCampaignService::launchQueuesEveryPlatformWithItsShare()
{
    const auto draft = m_service->createCampaign(sampleSpec(), kApi);
    const auto launched = m_service->launch(draft->id, kApi);
    QVERIFY2(launched.has_value(), launched ? "" : qPrintable(launched.error().message));
    QCOMPARE(launched->status, CampaignStatus::Launching);
    QCOMPARE(launched->platformStatus.size(), 3);
    for (const PlatformStatus &status : launched->platformStatus) {
        QCOMPARE(status.state, PlatformState::Launching);
        QCOMPARE(status.budget, (Money{150'000'000, QStringLiteral("USD")}));
    }

    // A second click while launching queues nothing new.
    const auto again = m_service->launch(draft->id, kApi);
    QVERIFY(again.has_value());
    auto ops = runQuery(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM launch_operations"));
    QVERIFY(ops && ops->next());
    QCOMPARE(ops->value(0).toInt(), 3);

    QCOMPARE(m_service->updateCampaign(draft->id, sampleSpec(), std::nullopt, kApi).error().code,
             ErrorCode::Conflict);
}

void TestCampaignService::deleteRemovesDraft()
{
    QSignalSpy removed(m_notifier.get(), &ChangeNotifier::campaignRemoved);
    const auto draft = m_service->createCampaign(sampleSpec(), kApi);
    QVERIFY(m_service->deleteCampaign(draft->id, kApi).has_value());
    QCOMPARE(m_service->campaign(draft->id).error().code, ErrorCode::NotFound);
    QCOMPARE(m_service->deleteCampaign(draft->id, kApi).error().code, ErrorCode::NotFound);
    QCOMPARE(removed.count(), 1);
}

void TestCampaignService::historyKeepsWhoChangedWhat()
{
    const auto draft = m_service->createCampaign(sampleSpec(), kApi);
    CampaignSpec edit = sampleSpec();
    edit.name = QStringLiteral("Edited in the GUI");
    QVERIFY(m_service->updateCampaign(draft->id, edit, std::nullopt, Actor{"gui", "alice"}).has_value());

    auto rows = runQuery(m_db->connection(),
                         QStringLiteral("SELECT actor_kind, actor_subject, before_json, after_json FROM change_history "
                                        "WHERE record_id = ? ORDER BY changed_at, rowid"),
                         {draft->id});
    QVERIFY(rows);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toString(), QStringLiteral("api"));
    QVERIFY(rows->value(2).isNull());
    QVERIFY(rows->next());
    QCOMPARE(rows->value(1).toString(), QStringLiteral("alice"));
    QVERIFY(rows->value(2).toString().contains(QStringLiteral("Black Friday")));
    QVERIFY(rows->value(3).toString().contains(QStringLiteral("Edited in the GUI")));
}

QTEST_GUILESS_MAIN(TestCampaignService)
#include "TestCampaignService.moc"
