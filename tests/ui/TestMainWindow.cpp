#include "UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/PlatformStatusPanel.h"
#include "ui/charts/CampaignMetricsView.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QThread>

using namespace ads;
using namespace ads::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void campaignCreatedThroughTheApiAppears();
    void detailsFollowTheSelectedCampaign();
    void searchFiltersTheTable();
    void refusedActionShowsTheServiceMessage();
    void actionsNeedASelection();
    void launchProgressReachesTheOpenDetails();

private:
    std::unique_ptr<MainWindow> openWindow();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<core::Workspace> m_workspace;
};

void TestMainWindow::initTestCase()
{
    test::useEnglishLocale();
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = test::openWorkspace(*m_dir);
    QVERIFY(m_workspace);
}

void TestMainWindow::cleanup()
{
    waitForBackgroundWork();
    m_workspace.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_workspace.get());
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning() << "main window did not become active";
    return window;
}

void TestMainWindow::campaignCreatedThroughTheApiAppears()
{
    auto window = openWindow();
    QAbstractItemModel *table = window->campaignTable()->model();
    QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!window->campaignModel()->isLoading());
    QCOMPARE(table->rowCount(), 0);

    // As the local API would: the service called on one of its worker threads.
    core::CampaignService *service = m_workspace->campaigns();
    std::unique_ptr<QThread> apiThread(QThread::create([service] {
        service->createCampaign(test::sampleSpec(QStringLiteral("Made by the CRM")),
                                test::kApiActor);
    }));
    apiThread->start();
    QVERIFY(apiThread->wait(QDeadlineTimer(30'000)));

    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, int(CampaignTableModel::Column::Name)).data().toString(),
             QStringLiteral("Made by the CRM"));
    QCOMPARE(table->index(0, int(CampaignTableModel::Column::Status)).data().toString(),
             QStringLiteral("Draft"));
}

void TestMainWindow::detailsFollowTheSelectedCampaign()
{
    core::CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(test::sampleSpec(), test::kApiActor);
    QVERIFY(created.has_value());
    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);

    window->selectCampaign(created->id);
    QCOMPARE(window->selectedCampaignId(), created->id);
    auto *title = window->findChild<QLabel *>(QStringLiteral("detailsTitle"));
    QCOMPARE(title->text(), QStringLiteral("Black Friday — Draft, 450.00 USD per day"));
    QCOMPARE(window->platformPanel()->stateText(core::Platform::TikTok),
             QStringLiteral("Not launched yet"));
    QCOMPARE(window->platformPanel()->shareText(core::Platform::TikTok),
             QStringLiteral("Budget share: 150.00 USD per day"));
    QCOMPARE(window->metricsView()->campaignId(), created->id);

    // A change made elsewhere reaches the open details without a click.
    core::CampaignSpec changed = created->spec;
    changed.name = QStringLiteral("Black Friday II");
    changed.platforms = {QStringLiteral("google"), QStringLiteral("tiktok")};
    QVERIFY(service->updateCampaign(created->id, changed, created->version, test::kApiActor)
                .has_value());
    QTRY_COMPARE(title->text(), QStringLiteral("Black Friday II — Draft, 450.00 USD per day"));
    QCOMPARE(window->platformPanel()->shareText(core::Platform::TikTok),
             QStringLiteral("Budget share: 225.00 USD per day"));
    QCOMPARE(window->platformPanel()->stateText(core::Platform::Facebook), QString());

    QVERIFY(service->deleteCampaign(created->id, test::kApiActor).has_value());
    QTRY_COMPARE(window->campaignModel()->rowCount(), 0);
    QCOMPARE(title->text(), QStringLiteral("No campaign selected"));
}

void TestMainWindow::searchFiltersTheTable()
{
    core::CampaignService *service = m_workspace->campaigns();
    QVERIFY(service->createCampaign(test::sampleSpec(QStringLiteral("Cyber Monday")),
                                    test::kApiActor));
    QVERIFY(service->createCampaign(test::sampleSpec(QStringLiteral("Spring launch")),
                                    test::kApiActor));
    auto window = openWindow();
    QAbstractItemModel *table = window->campaignTable()->model();
    QTRY_COMPARE(table->rowCount(), 2);

    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), window->searchField());
    QTest::keyClicks(window->searchField(), QStringLiteral("cyber"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, 0).data().toString(), QStringLiteral("Cyber Monday"));

    window->searchField()->clear();
    QCOMPARE(table->rowCount(), 2);
}

void TestMainWindow::refusedActionShowsTheServiceMessage()
{
    const auto created =
        m_workspace->campaigns()->createCampaign(test::sampleSpec(), test::kApiActor);
    QVERIFY(created.has_value());
    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);
    window->selectCampaign(created->id);

    // A draft cannot be paused; the service says why and the window shows its words.
    QTest::keyClick(window.get(), Qt::Key_P, Qt::ControlModifier);
    QTRY_VERIFY(!window->banner()->text().isEmpty());
    QVERIFY(
        window->banner()->text().startsWith(QStringLiteral("“Black Friday” was not paused: ")));
    QVERIFY(
        window->banner()->text().contains(QStringLiteral("only a live campaign can be paused")));
}

void TestMainWindow::actionsNeedASelection()
{
    auto window = openWindow();
    QTRY_VERIFY(!window->campaignModel()->isLoading());
    auto *launch = window->findChild<QAction *>(QStringLiteral("actionLaunch"));
    QVERIFY(launch);
    QVERIFY(!launch->isEnabled());
    QCOMPARE(launch->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    QCOMPARE(window->findChild<QAction *>(QStringLiteral("actionNewCampaign"))->shortcut(),
             QKeySequence(QKeySequence::New));
    QCOMPARE(window->findChild<QAction *>(QStringLiteral("actionSyncNow"))->shortcut(),
             QKeySequence(Qt::Key_F5));
    QVERIFY(!window->syncStatusText().isEmpty());

    const auto created =
        m_workspace->campaigns()->createCampaign(test::sampleSpec(), test::kApiActor);
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);
    window->selectCampaign(created->id);
    QVERIFY(launch->isEnabled());
}

void TestMainWindow::launchProgressReachesTheOpenDetails()
{
    core::CampaignSpec spec = test::sampleSpec(QStringLiteral("Google only"));
    spec.platforms = {QStringLiteral("google")};
    const auto created = m_workspace->campaigns()->createCampaign(spec, test::kApiActor);
    QVERIFY(created.has_value());
    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);
    window->selectCampaign(created->id);
    QCOMPARE(window->platformPanel()->stateText(core::Platform::Google),
             QStringLiteral("Not launched yet"));

    // The launch engine works on the core thread against the sandbox on 127.0.0.1; its
    // progress arrives through the notifier while the window stays open.
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->platformPanel()->stateText(core::Platform::Google),
                              QStringLiteral("Live"),
                              30'000);
    const QAbstractItemModel *table = window->campaignTable()->model();
    QCOMPARE(table->index(0, int(CampaignTableModel::Column::Status)).data().toString(),
             QStringLiteral("Live"));
    QVERIFY(window->banner()->text().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
