#include "UiTestSupport.h"
#include "ui/campaigns/CampaignTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QThread>

using namespace ads;
using namespace ads::ui;
using Column = CampaignTableModel::Column;

class TestCampaignTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loadsWhatTheServiceHolds();
    void followsCreateUpdateAndRemove();
    void followsChangesMadeOnOtherThreads();
    void olderSnapshotNeverReplacesNewer();
    void sortsByRawValuesNotText();

private:
    QString cell(const CampaignTableModel &model, int row, Column column) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<core::Workspace> m_workspace;
    core::CampaignService *m_service = nullptr;
};

void TestCampaignTableModel::initTestCase()
{
    test::useEnglishLocale();
}

void TestCampaignTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = test::openWorkspace(*m_dir);
    QVERIFY(m_workspace);
    m_service = m_workspace->campaigns();
}

void TestCampaignTableModel::cleanup()
{
    waitForBackgroundWork();
    m_workspace.reset();
    m_dir.reset();
}

QString TestCampaignTableModel::cell(const CampaignTableModel &model, int row, Column column) const
{
    return model.index(row, int(column)).data().toString();
}

void TestCampaignTableModel::loadsWhatTheServiceHolds()
{
    core::CampaignSpec lifetime = test::sampleSpec(QStringLiteral("Spring"), 1'234'500'000);
    lifetime.budget.type = core::BudgetType::Lifetime;
    lifetime.platforms = {QStringLiteral("tiktok"), QStringLiteral("facebook")};
    QVERIFY(m_service->createCampaign(test::sampleSpec(), test::kApiActor).has_value());
    QVERIFY(m_service->createCampaign(lifetime, test::kApiActor).has_value());

    CampaignTableModel model(m_service);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &CampaignTableModel::loaded);
    model.reload();
    QVERIFY(model.isLoading());
    QTRY_COMPARE(loaded.count(), 1);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(Column::Count));
    QCOMPARE(cell(model, 0, Column::Name), QStringLiteral("Black Friday"));
    QCOMPARE(cell(model, 0, Column::Objective), QStringLiteral("Conversions"));
    QCOMPARE(cell(model, 0, Column::Platforms), QStringLiteral("Facebook, Google, TikTok"));
    QCOMPARE(cell(model, 0, Column::Budget), QStringLiteral("450.00 USD per day"));
    QCOMPARE(cell(model, 0, Column::Status), QStringLiteral("Draft"));
    QCOMPARE(cell(model, 1, Column::Platforms), QStringLiteral("TikTok, Facebook"));
    QCOMPARE(cell(model, 1, Column::Budget), QStringLiteral("1,234.50 USD in total"));
    QVERIFY(cell(model, 1, Column::Schedule).contains(QStringLiteral(" – ")));
    QVERIFY(!cell(model, 1, Column::Updated).isEmpty());
    QCOMPARE(model.index(1, int(Column::Budget)).data(CampaignTableModel::SortRole).toLongLong(),
             Q_INT64_C(1'234'500'000));
    QCOMPARE(model.headerData(int(Column::Budget), Qt::Horizontal).toString(),
             QStringLiteral("Budget"));
}

void TestCampaignTableModel::followsCreateUpdateAndRemove()
{
    CampaignTableModel model(m_service);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &CampaignTableModel::loaded);
    model.reload();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(model.rowCount(), 0);

    const auto created = m_service->createCampaign(test::sampleSpec(), test::kApiActor);
    QVERIFY(created.has_value());
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(CampaignTableModel::CampaignIdRole).toString(), created->id);

    core::CampaignSpec renamed = created->spec;
    renamed.name = QStringLiteral("Cyber Monday");
    QVERIFY(m_service->updateCampaign(created->id, renamed, created->version, test::kApiActor)
                .has_value());
    QTRY_COMPARE(cell(model, 0, Column::Name), QStringLiteral("Cyber Monday"));

    QVERIFY(m_service->deleteCampaign(created->id, test::kApiActor).has_value());
    QTRY_COMPARE(model.rowCount(), 0);
}

void TestCampaignTableModel::followsChangesMadeOnOtherThreads()
{
    CampaignTableModel model(m_service);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &CampaignTableModel::loaded);
    model.reload();
    QTRY_COMPARE(loaded.count(), 1);

    // The local API serves requests on worker threads; the notifier fires there.
    core::CampaignService *service = m_service;
    std::unique_ptr<QThread> apiThread(QThread::create([service] {
        for (int i = 0; i < 5; ++i)
            service->createCampaign(test::sampleSpec(QStringLiteral("From the API %1").arg(i)),
                                    test::kApiActor);
    }));
    apiThread->start();
    QVERIFY(apiThread->wait(QDeadlineTimer(30'000)));

    QTRY_COMPARE(model.rowCount(), 5);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(cell(model, row, Column::Name));
    names.sort();
    QCOMPARE(names.first(), QStringLiteral("From the API 0"));
    QCOMPARE(names.last(), QStringLiteral("From the API 4"));
}

void TestCampaignTableModel::olderSnapshotNeverReplacesNewer()
{
    CampaignTableModel model(m_service);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    core::Campaign campaign;
    campaign.id = QStringLiteral("cmp-local");
    campaign.spec = test::sampleSpec(QStringLiteral("Second version"));
    campaign.version = 2;
    model.applyCampaign(campaign);

    core::Campaign older = campaign;
    older.spec.name = QStringLiteral("First version");
    older.version = 1;
    model.applyCampaign(older);

    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, Column::Name), QStringLiteral("Second version"));
}

void TestCampaignTableModel::sortsByRawValuesNotText()
{
    // As text, "1,200.00" < "450.00" < "50.00"; by amount it is the other way round.
    for (qint64 micros : {Q_INT64_C(1'200'000'000), Q_INT64_C(50'000'000), Q_INT64_C(450'000'000)})
        QVERIFY(m_service->createCampaign(test::sampleSpec(QStringLiteral("B"), micros),
                                          test::kApiActor));

    CampaignTableModel model(m_service);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CampaignTableModel::SortRole);
    QAbstractItemModelTester tester(&proxy,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &CampaignTableModel::loaded);
    model.reload();
    QTRY_COMPARE(loaded.count(), 1);

    proxy.sort(int(Column::Budget), Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, int(Column::Budget)).data().toString(),
             QStringLiteral("50.00 USD per day"));
    QCOMPARE(proxy.index(1, int(Column::Budget)).data().toString(),
             QStringLiteral("450.00 USD per day"));
    QCOMPARE(proxy.index(2, int(Column::Budget)).data().toString(),
             QStringLiteral("1,200.00 USD per day"));
}

QTEST_MAIN(TestCampaignTableModel)
#include "TestCampaignTableModel.moc"
