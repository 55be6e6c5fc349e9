#include "UiTestSupport.h"
#include "core/services/ChangeNotifier.h"
#include "core/store/CampaignStore.h"
#include "core/store/Database.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "ui/Presentation.h"
#include "ui/campaigns/CampaignEditorDialog.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/LaunchCheckDialog.h"
#include "ui/campaigns/LaunchCheckView.h"
#include "ui/campaigns/PlatformStatusPanel.h"
#include "ui/charts/CampaignMetricsView.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThread>

using namespace ads;
using namespace ads::ui;
using core::Platform;

namespace {

/** Runs work on a thread of its own, as the launch engine or an API worker would. */
void onAnotherThread(const std::function<void()> &work)
{
    std::unique_ptr<QThread> thread(QThread::create(work));
    thread->start();
    QVERIFY(thread->wait(QDeadlineTimer(30'000)));
}

/** 450 USD a day split so that TikTok's share is under its 50 USD minimum. */
core::CampaignSpec tiktokUnderMinimumSpec()
{
    core::CampaignSpec spec = test::sampleSpec(QStringLiteral("Uneven split"));
    spec.budget.allocation = {{Platform::Facebook, 400'000'000},
                              {Platform::Google, 30'000'000},
                              {Platform::TikTok, 20'000'000}};
    return spec;
}

core::CampaignSpec googleOnlySpec(const QString &name)
{
    core::CampaignSpec spec = test::sampleSpec(name);
    spec.platforms = {QStringLiteral("google")};
    return spec;
}

} // namespace

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
    void firstCampaignIsShownOnOpen();
    void actionsNeedASelection();
    void launchProgressReachesTheOpenDetails();
    void launchAsksWhenAPlatformWouldRefuse();
    void bulkLaunchSummarisesEachCampaign();
    void duplicateOpensTheCopyInTheEditor();
    void progressFollowsAChangeMadeOnAnotherThread();

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

void TestMainWindow::firstCampaignIsShownOnOpen()
{
    QVERIFY(m_workspace->campaigns()->createCampaign(test::sampleSpec(QStringLiteral("Waiting")),
                                                     test::kApiActor));
    auto window = openWindow();
    QTRY_VERIFY(window->campaignTable()->selectionModel()->hasSelection());
    QCOMPARE(window->campaignTable()->selectionModel()->selectedRows().size(), 1);
    auto *launch = window->findChild<QAction *>(QStringLiteral("actionLaunch"));
    QVERIFY(launch->isEnabled());
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

void TestMainWindow::launchAsksWhenAPlatformWouldRefuse()
{
    core::CampaignService *service = m_workspace->campaigns();
    const auto created = service->createCampaign(tiktokUnderMinimumSpec(), test::kApiActor);
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);
    window->selectCampaign(created->id);

    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    LaunchCheckDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<LaunchCheckDialog *>()) != nullptr);
    const LaunchCheckView *view = dialog->checkView();
    QCOMPARE(view->refusingPlatforms(), QList<Platform>{Platform::TikTok});
    const QString tiktok = view->platformText(Platform::TikTok);
    QVERIFY2(tiktok.startsWith(QStringLiteral("TikTok would refuse it (share 20.00 USD)")),
             qPrintable(tiktok));
    QVERIFY2(tiktok.contains(QStringLiteral("• Budget: TikTok needs at least 50")),
             qPrintable(tiktok));
    QVERIFY(
        view->platformText(Platform::Facebook).startsWith(QStringLiteral("Facebook is ready")));
    QVERIFY(dialog->launchAnywayButton()->isEnabled());

    // Escape cancels: nothing is launched.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(window->findChild<LaunchCheckDialog *>() == nullptr);
    QCOMPARE(service->campaign(created->id)->status, core::CampaignStatus::Draft);

    // Launching anyway: the others go, TikTok ends rejected with the reason. (The offscreen
    // platform does not hand activation back to the window when a dialog closes.)
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY((dialog = window->findChild<LaunchCheckDialog *>()) != nullptr);
    dialog->launchAnywayButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->platformPanel()
            ->stateText(Platform::TikTok)
            .startsWith(QStringLiteral("Rejected: Budget: TikTok needs at least 50")),
        30'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        window->platformPanel()->stateText(Platform::Facebook), QStringLiteral("Live"), 30'000);
}

void TestMainWindow::bulkLaunchSummarisesEachCampaign()
{
    core::CampaignService *service = m_workspace->campaigns();
    const auto live =
        service->createCampaign(googleOnlySpec(QStringLiteral("Already live")), test::kApiActor);
    QVERIFY(live.has_value());
    QVERIFY(service->launch(live->id, test::kApiActor).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(
        service->campaign(live->id)->status, core::CampaignStatus::Active, 30'000);
    const auto draft =
        service->createCampaign(googleOnlySpec(QStringLiteral("Fresh")), test::kApiActor);
    QVERIFY(draft.has_value());

    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 2);
    window->campaignTable()->setFocus();
    QTest::keyClick(window->campaignTable(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(window->selectedCampaignIds().size(), 2);
    QVERIFY(window->findChild<QAction *>(QStringLiteral("actionLaunch"))->isEnabled());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("actionEditCampaign"))->isEnabled());

    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QMessageBox *summary = nullptr;
    QTRY_VERIFY((summary = window->findChild<QMessageBox *>(QStringLiteral("bulkSummary")))
                != nullptr);
    QCOMPARE(summary->text(), QStringLiteral("1 started, 1 refused."));
    const QString reasons = summary->informativeText();
    QVERIFY2(reasons.startsWith(QStringLiteral("“Already live”: ")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QStringLiteral("cannot be launched again")), qPrintable(reasons));
    QVERIFY(!reasons.contains(QStringLiteral("Fresh")));
    QVERIFY(service->campaign(draft->id)->status != core::CampaignStatus::Draft);
}

void TestMainWindow::duplicateOpensTheCopyInTheEditor()
{
    const auto created =
        m_workspace->campaigns()->createCampaign(test::sampleSpec(), test::kApiActor);
    QVERIFY(created.has_value());
    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);
    window->selectCampaign(created->id);

    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier);
    CampaignEditorDialog *editor = nullptr;
    QTRY_VERIFY((editor = window->findChild<CampaignEditorDialog *>()) != nullptr);
    QVERIFY(editor->isVisible());
    QVERIFY(editor->isEditing());
    QCOMPARE(editor->spec().name, QStringLiteral("Black Friday (copy)"));
    QCOMPARE(editor->spec().platforms, created->spec.platforms);
    QCOMPARE(window->campaignModel()->rowCount(), 2);

    const QString copyId = window->selectedCampaignId();
    QVERIFY(!copyId.isEmpty() && copyId != created->id);
    QCOMPARE(window->campaignModel()->campaign(copyId)->status, core::CampaignStatus::Draft);
    editor->reject();
}

void TestMainWindow::progressFollowsAChangeMadeOnAnotherThread()
{
    core::CampaignService *service = m_workspace->campaigns();
    const auto created =
        service->createCampaign(googleOnlySpec(QStringLiteral("Watched")), test::kApiActor);
    QVERIFY(created.has_value());
    const auto check = service->checkLaunch(created->id);
    QVERIFY(check.has_value());
    const int planned = check->platforms.value(Platform::Google).steps;
    QVERIFY(planned >= 2);

    auto window = openWindow();
    QTRY_COMPARE(window->campaignModel()->rowCount(), 1);
    window->selectCampaign(created->id);
    const PlatformStatusPanel *panel = window->platformPanel();

    // The store written the way the launch engine writes it, from a thread of its own, with
    // the change notice it sends; the window must follow without being told anything else.
    auto database =
        core::Database::open(QDir(m_dir->path()).filePath(QStringLiteral("adsdesk.sqlite")));
    QVERIFY(database.has_value());
    core::Database *db = database->get();
    core::ChangeNotifier *notifier = m_workspace->notifier();
    const QString id = created->id;
    auto write = [db, notifier, id](const core::PlatformStatus &status) {
        onAnotherThread([=] {
            const core::Status saved = db->write([&](QSqlDatabase &sql) -> core::Status {
                if (auto stored = core::campaign_store::savePlatformStatus(
                        sql, id, Platform::Google, status);
                    !stored)
                    return stored;
                auto refreshed = core::campaign_store::refreshStatus(sql, id);
                return refreshed ? core::Status{} : core::fail(refreshed.error());
            });
            QVERIFY2(saved.has_value(), qPrintable(saved ? QString() : saved.error().detail));
            emit notifier->campaignChanged(id);
        });
    };

    core::PlatformStatus status;
    status.state = core::PlatformState::Launching;
    status.budget = created->spec.budget.amount;
    status.updatedAt = QDateTime::currentDateTimeUtc();
    status.remoteIds = {{QStringLiteral("campaign_budget"), QStringLiteral("customers/1/b/1")}};
    write(status);
    QTRY_COMPARE(panel->progressText(Platform::Google),
                 QStringLiteral("1 of %1 objects created").arg(planned));
    QCOMPARE(panel->progressBar(Platform::Google)->maximum(), planned);
    QCOMPARE(panel->progressBar(Platform::Google)->value(), 1);

    status.remoteIds.insert(QStringLiteral("campaign"), QStringLiteral("customers/1/c/2"));
    write(status);
    QTRY_COMPARE(panel->progressText(Platform::Google),
                 QStringLiteral("2 of %1 objects created").arg(planned));

    status.state = core::PlatformState::Throttled;
    const QDateTime retry = QDateTime::currentDateTimeUtc().addDays(1);
    status.error = core::PlatformFailure{
        QStringLiteral("rate_limited"),
        QStringLiteral("Google asked us to slow down. Retrying at %1.").arg(core::toIsoUtc(retry)),
        QStringLiteral("RESOURCE_EXHAUSTED"),
        {}};
    write(status);
    QTRY_VERIFY(
        panel->stateText(Platform::Google)
            .startsWith(QStringLiteral("Throttled until %1").arg(Presentation::timestamp(retry))));
    QVERIFY(panel->progressBar(Platform::Google) == nullptr);

    status.state = core::PlatformState::Active;
    status.error.reset();
    write(status);
    QTRY_COMPARE(panel->stateText(Platform::Google), QStringLiteral("Live"));
    QVERIFY(panel->progressText(Platform::Google).isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
