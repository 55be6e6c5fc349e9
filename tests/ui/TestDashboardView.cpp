// The dashboard against a real sandbox workspace: a campaign launched on three simulated
// platforms, three simulated days of delivery, one sync; the page must show what the analytics
// service answers, query off the GUI thread and drop answers that a newer request overtook.

#include "UiTestSupport.h"
#include "core/services/AnalyticsService.h"
#include "core/services/ExchangeRates.h"
#include "core/services/SyncService.h"
#include "core/sandbox/SandboxHub.h"
#include "ui/MainWindow.h"
#include "ui/Presentation.h"
#include "ui/dashboard/ComparisonChart.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/DateRangePicker.h"
#include "ui/dashboard/ExchangeRatesDialog.h"
#include "ui/dashboard/FreshnessPanel.h"
#include "ui/dashboard/KpiTile.h"
#include "ui/dashboard/SyncProgressWidget.h"
#include "ui/dashboard/TrendChart.h"

#include <QDateEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>

using namespace ads;
using namespace ads::ui;
using core::Platform;

namespace {

constexpr int kLaunchTimeoutMs = 60'000;
constexpr qint64 kDaysOfDelivery = 3;

const QList<Platform> kLaunchedPlatforms{Platform::Facebook, Platform::Google, Platform::TikTok};

core::MetricsTotals totals(qint64 impressions, qint64 clicks, qint64 spendUnits)
{
    return core::MetricsTotals{impressions, clicks, spendUnits * 1'000'000, 0, 0};
}

} // namespace

Q_DECLARE_METATYPE(ads::core::MetricsTotals)

class TestDashboardView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void presetDates_data();
    void presetDates();
    void convertedFiguresShowMinorUnits_data();
    void convertedFiguresShowMinorUnits();
    void tileChangeColours_data();
    void tileChangeColours();
    void freshnessWords();
    void syncProgressShowsARunningSync();
    void tilesShowTheOverview();
    void trendHasALinePerPlatform();
    void comparisonBarsArePlatformFigures();
    void changingTheRangeQueriesAgain();
    void answersOvertakenByANewerRequestAreDropped();
    void freshnessFollowsTheSync();
    void mainWindowOffersTheDashboard();
    void exchangeRatesAreEditedInPlace();

private:
    /** A shown dashboard whose first answer is on screen. */
    std::unique_ptr<DashboardView> openDashboard();

    QTemporaryDir m_dir;
    std::unique_ptr<core::Workspace> m_workspace;
};

void TestDashboardView::initTestCase()
{
    test::useEnglishLocale();
    m_workspace = test::openWorkspace(m_dir);
    QVERIFY(m_workspace);

    // A campaign that may start at once, launched on the sandbox's three platforms.
    core::CampaignSpec spec = test::sampleSpec(QStringLiteral("Dashboard"));
    spec.schedule.startAt = m_workspace->now();
    spec.schedule.endAt = spec.schedule.startAt.addDays(30);
    core::CampaignService *campaigns = m_workspace->campaigns();
    const auto created = campaigns->createCampaign(spec, test::kApiActor);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(campaigns->launch(created->id, test::kApiActor));
    QTRY_COMPARE_WITH_TIMEOUT(campaigns->campaign(created->id)->status, core::CampaignStatus::Active,
                              kLaunchTimeoutMs);

    // Days of simulated delivery, then one sync reads them into the store.
    m_workspace->sandboxHub()->advanceClock(kDaysOfDelivery * 86400);
    QSignalSpy synced(m_workspace->sync(), &core::SyncService::syncFinished);
    m_workspace->sync()->requestSync();
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kLaunchTimeoutMs);
    QVERIFY(synced.first().first().toBool());
}

void TestDashboardView::cleanupTestCase()
{
    waitForBackgroundWork();
    m_workspace.reset();
}

std::unique_ptr<DashboardView> TestDashboardView::openDashboard()
{
    auto view = std::make_unique<DashboardView>(m_workspace.get());
    view->resize(1400, 900);
    QSignalSpy shown(view.get(), &DashboardView::figuresShown);
    view->show();
    if (!QTest::qWaitFor([&] { return !shown.isEmpty(); }, 20'000))
        return nullptr;
    return view;
}

void TestDashboardView::presetDates_data()
{
    QTest::addColumn<DateRangePicker::Preset>("preset");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");

    const QDate today(2026, 3, 15);
    QTest::newRow("last 7 days") << DateRangePicker::Preset::Last7Days << QDate(2026, 3, 9) << today;
    QTest::newRow("last 30 days") << DateRangePicker::Preset::Last30Days << QDate(2026, 2, 14) << today;
    QTest::newRow("last 90 days") << DateRangePicker::Preset::Last90Days << QDate(2025, 12, 16) << today;
    QTest::newRow("this month") << DateRangePicker::Preset::ThisMonth << QDate(2026, 3, 1) << today;
    QTest::newRow("last month, February") << DateRangePicker::Preset::LastMonth << QDate(2026, 2, 1)
                                          << QDate(2026, 2, 28);
}

void TestDashboardView::presetDates()
{
    QFETCH(DateRangePicker::Preset, preset);
    QFETCH(QDate, from);
    QFETCH(QDate, to);

    const auto dates = DateRangePicker::presetDates(preset, QDate(2026, 3, 15));
    QCOMPARE(dates.first, from);
    QCOMPARE(dates.second, to);

    // The picker shows the same dates when today is that day.
    DateRangePicker picker;
    picker.setToday([] { return QDate(2026, 3, 15); });
    QSignalSpy changed(&picker, &DateRangePicker::rangeChanged);
    picker.setPreset(preset);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(picker.from(), from);
    QCOMPARE(picker.to(), to);

    // No custom day the analytics would refuse can be picked.
    for (QDateEdit *edit : picker.findChildren<QDateEdit *>())
        QCOMPARE(edit->minimumDate(), QDate(1970, 1, 1));
}

void TestDashboardView::convertedFiguresShowMinorUnits_data()
{
    QTest::addColumn<qint64>("spendMicros");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    // Totals converted at each day's rate carry fractions of a cent; tiles show the currency's units.
    QTest::newRow("dollars, down") << Q_INT64_C(7'279'554'608) << "USD" << "7,279.55 USD";
    QTest::newRow("dollars, half up") << Q_INT64_C(7'279'555'000) << "USD" << "7,279.56 USD";
    QTest::newRow("yen") << Q_INT64_C(1'234'567'890) << "JPY" << "1,235 JPY";
}

void TestDashboardView::convertedFiguresShowMinorUnits()
{
    QFETCH(qint64, spendMicros);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    core::MetricsTotals totals;
    totals.spendMicros = spendMicros;
    QCOMPARE(MetricFigures::text(totals, DashboardMetric::Spend, currency), text);
}

void TestDashboardView::tileChangeColours_data()
{
    QTest::addColumn<int>("metric");
    QTest::addColumn<core::MetricsTotals>("current");
    QTest::addColumn<core::MetricsTotals>("previous");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("colour"); // "good", "bad" or "" for none

    QTest::newRow("clicks up is good") << int(DashboardMetric::Clicks) << totals(1000, 150, 10)
                                       << totals(1000, 100, 10) << QStringLiteral("▲ 50.0 % vs. previous")
                                       << QStringLiteral("good");
    QTest::newRow("CPC up is bad") << int(DashboardMetric::Cpc) << totals(1000, 100, 20) << totals(1000, 100, 10)
                                   << QStringLiteral("▲ 100.0 % vs. previous") << QStringLiteral("bad");
    QTest::newRow("CPM down is good") << int(DashboardMetric::Cpm) << totals(2000, 0, 10) << totals(1000, 0, 10)
                                      << QStringLiteral("▼ 50.0 % vs. previous") << QStringLiteral("good");
    QTest::newRow("CTR down is bad") << int(DashboardMetric::Ctr) << totals(2000, 100, 10)
                                     << totals(1000, 100, 10) << QStringLiteral("▼ 50.0 % vs. previous")
                                     << QStringLiteral("bad");
    QTest::newRow("spend is neither") << int(DashboardMetric::Spend) << totals(0, 0, 30) << totals(0, 0, 10)
                                      << QStringLiteral("▲ 200.0 % vs. previous") << QString();
    QTest::newRow("nothing before") << int(DashboardMetric::Clicks) << totals(1000, 10, 1) << totals(0, 0, 0)
                                    << QStringLiteral("no earlier figure") << QString();
}

void TestDashboardView::tileChangeColours()
{
    QFETCH(int, metric);
    QFETCH(core::MetricsTotals, current);
    QFETCH(core::MetricsTotals, previous);
    QFETCH(QString, change);
    QFETCH(QString, colour);

    KpiTile tile{DashboardMetric(metric)};
    tile.showFigures(current, previous, QStringLiteral("USD"), QStringLiteral("before"));
    QCOMPARE(tile.changeText(), change);
    if (colour.isEmpty())
        QVERIFY(!tile.changeColor().isValid());
    else if (colour == u"good")
        QVERIFY(tile.changeColor().green() > tile.changeColor().red());
    else
        QVERIFY(tile.changeColor().red() > tile.changeColor().green());
}

void TestDashboardView::freshnessWords()
{
    const QDateTime now(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    QCOMPARE(FreshnessPanel::agoText(now.addSecs(-20), now), QStringLiteral("just now"));
    QCOMPARE(FreshnessPanel::agoText(now.addSecs(-12 * 60), now), QStringLiteral("12 minutes ago"));
    QCOMPARE(FreshnessPanel::agoText(now.addSecs(-3 * 3600), now), QStringLiteral("3 hours ago"));
    QCOMPARE(FreshnessPanel::agoText(now.addDays(-4), now), QStringLiteral("4 days ago"));

    core::PlatformSyncState state;
    QCOMPARE(FreshnessPanel::freshnessText(state, now), QStringLiteral("not synced yet"));
    state.lastSuccessAt = now.addSecs(-12 * 60);
    state.lastAttemptAt = state.lastSuccessAt;
    QCOMPARE(FreshnessPanel::freshnessText(state, now), QStringLiteral("updated 12 minutes ago"));

    // A later failed attempt leads; the last good read is still told.
    state.lastAttemptAt = now.addSecs(-60);
    state.lastError = QStringLiteral("The token expired");
    QCOMPARE(FreshnessPanel::freshnessText(state, now),
             QStringLiteral("sync failed: The token expired · updated 12 minutes ago"));
}

void TestDashboardView::syncProgressShowsARunningSync()
{
    SyncProgressWidget widget(nullptr, nullptr);
    QCOMPARE(widget.text(), QStringLiteral("Sync is off"));
    QVERIFY(!widget.syncButton()->isEnabled());

    core::SyncStatus status;
    status.running = true;
    widget.showStatus(status);
    QVERIFY(!widget.progressBar()->isHidden());
    QCOMPARE(widget.text(), QStringLiteral("Syncing…"));

    // Once the sync knows its platforms, the bar counts them.
    status.platformsTotal = 6;
    status.platformsDone = 2;
    widget.showStatus(status);
    QCOMPARE(widget.text(), QStringLiteral("Syncing 3 of 6 platforms…"));
    QCOMPARE(widget.progressBar()->maximum(), 6);
    QCOMPARE(widget.progressBar()->value(), 2);

    status.running = false;
    status.platforms[Platform::Google].lastAttemptAt = QDateTime::currentDateTimeUtc();
    status.platforms[Platform::Google].lastError = QStringLiteral("Rate limited");
    widget.showStatus(status);
    QVERIFY(widget.progressBar()->isHidden());
    QCOMPARE(widget.text(), QStringLiteral("Not synced yet — failed for Google: Rate limited"));
}

void TestDashboardView::tilesShowTheOverview()
{
    auto view = openDashboard();
    QVERIFY(view);

    const auto overview = m_workspace->analytics()->overview(view->shownQuery());
    QVERIFY(overview);
    QCOMPARE(overview->currency, QStringLiteral("USD"));
    QVERIFY2(overview->totals.spendMicros > 0, "the sandbox delivered nothing; the test proves nothing");
    QCOMPARE(view->tile(DashboardMetric::Spend)->valueText(),
             Presentation::money(overview->totals.spendMicros, QStringLiteral("USD")));
    QCOMPARE(view->tile(DashboardMetric::Impressions)->valueText(), Presentation::count(overview->totals.impressions));
    QCOMPARE(view->tile(DashboardMetric::Clicks)->valueText(), Presentation::count(overview->totals.clicks));
    for (int index = 0; index < int(DashboardMetric::Count); ++index) {
        const auto metric = DashboardMetric(index);
        QCOMPARE(view->tile(metric)->valueText(), MetricFigures::text(overview->totals, metric, overview->currency));
    }

    // The campaign started inside the period, so the period before has nothing to compare with.
    QCOMPARE(view->tile(DashboardMetric::Spend)->changeText(), QStringLiteral("no earlier figure"));
    QVERIFY(view->messageText().isEmpty());
    QCOMPARE(view->reportingCurrency(), QStringLiteral("USD"));
}

void TestDashboardView::trendHasALinePerPlatform()
{
    auto view = openDashboard();
    QVERIFY(view);

    const auto daily = m_workspace->analytics()->trends(view->shownQuery(), core::Granularity::Day);
    QVERIFY(daily);
    QCOMPARE(daily->series.keys(), kLaunchedPlatforms);
    const auto lines = view->trendChart()->platformSeries();
    const auto tails = view->trendChart()->settlingSeries();
    QCOMPARE(lines.keys(), kLaunchedPlatforms);
    QCOMPARE(tails.keys(), kLaunchedPlatforms);
    for (Platform platform : kLaunchedPlatforms) {
        const QList<core::TrendPoint> points = daily->series.value(platform);
        QVERIFY(points.size() >= kDaysOfDelivery);
        const auto settling = std::count_if(points.begin(), points.end(), [](const auto &p) { return p.settling; });
        const qsizetype settled = points.size() - settling;
        // Every bucket is drawn once; a dashed tail also repeats the settled line's last point.
        QCOMPARE(lines.value(platform)->count(), settled);
        QCOMPARE(tails.value(platform)->count(), settling + (settling > 0 && settled > 0 ? 1 : 0));
        QCOMPARE(lines.value(platform)->color(), Presentation::platformColor(platform));
        QCOMPARE(tails.value(platform)->pen().style(), Qt::DashLine);
        const QLineSeries *last = settling > 0 ? tails.value(platform) : lines.value(platform);
        QCOMPARE(last->points().constLast().y(),
                 *MetricFigures::value(points.constLast().totals, DashboardMetric::Spend));
    }
    // The sync re-reads a window of recent days, so the last days of this run are still settling.
    QVERIFY(daily->series.value(Platform::Facebook).constLast().settling);

    // Weeks: the page asks again, with fewer, wider buckets.
    QSignalSpy shown(view.get(), &DashboardView::figuresShown);
    const quint64 sent = view->queriesSent();
    view->setGranularity(core::Granularity::Week);
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(view->queriesSent(), sent + 1);
    const auto weekly = m_workspace->analytics()->trends(view->shownQuery(), core::Granularity::Week);
    QVERIFY(weekly);
    for (Platform platform : kLaunchedPlatforms) {
        const qsizetype drawn = view->trendChart()->platformSeries().value(platform)->count()
                                + view->trendChart()->settlingSeries().value(platform)->count();
        const qsizetype buckets = weekly->series.value(platform).size();
        QVERIFY2(drawn == buckets || drawn == buckets + 1, qPrintable(QString::number(drawn)));
    }

    // Hours: the last week of the range, hour by hour, on the platforms that report hours.
    view->setGranularity(core::Granularity::Hour);
    QTRY_COMPARE(shown.count(), 2);
    core::AnalyticsQuery lastWeek = view->shownQuery();
    lastWeek.from = std::max(lastWeek.from, lastWeek.to.addDays(-6));
    const auto hourly = m_workspace->analytics()->trends(lastWeek, core::Granularity::Hour);
    QVERIFY(hourly);
    QVERIFY(!hourly->series.isEmpty());
    for (auto it = hourly->series.begin(); it != hourly->series.end(); ++it) {
        QVERIFY(it.value().size() > kDaysOfDelivery); // more than one point a day
        const qsizetype drawn = view->trendChart()->platformSeries().value(it.key())->count()
                                + view->trendChart()->settlingSeries().value(it.key())->count();
        QVERIFY2(drawn == it.value().size() || drawn == it.value().size() + 1, qPrintable(QString::number(drawn)));
    }
}

void TestDashboardView::comparisonBarsArePlatformFigures()
{
    auto view = openDashboard();
    QVERIFY(view);

    const auto overview = m_workspace->analytics()->overview(view->shownQuery());
    QVERIFY(overview);
    QMap<Platform, qreal> bars = view->comparisonChart()->barValues();
    QCOMPARE(bars.keys(), kLaunchedPlatforms);
    for (Platform platform : kLaunchedPlatforms)
        QCOMPARE(bars.value(platform),
                 *MetricFigures::value(overview->platforms.value(platform), DashboardMetric::Spend));

    // Another figure is drawn from the answer on screen: no new query.
    const quint64 sent = view->queriesSent();
    view->setMetric(DashboardMetric::Clicks);
    QCOMPARE(view->queriesSent(), sent);
    bars = view->comparisonChart()->barValues();
    for (Platform platform : kLaunchedPlatforms)
        QCOMPARE(bars.value(platform), qreal(overview->platforms.value(platform).clicks));
    QCOMPARE(view->trendChart()->chart()->title(), QStringLiteral("Clicks"));
}

void TestDashboardView::changingTheRangeQueriesAgain()
{
    auto view = openDashboard();
    QVERIFY(view);

    QSignalSpy shown(view.get(), &DashboardView::figuresShown);
    const QDate from = m_workspace->now().date().addYears(-2);
    view->rangePicker()->setRange(from, from.addDays(10));
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(view->shownQuery().from, from);
    QCOMPARE(view->shownQuery().to, from.addDays(10));

    // Nothing ran then: zero figures, no lines, and a sentence that says why.
    QCOMPARE(view->tile(DashboardMetric::Clicks)->valueText(), QStringLiteral("0"));
    QVERIFY(view->trendChart()->platformSeries().isEmpty());
    QVERIFY(view->comparisonChart()->barValues().isEmpty());
    QVERIFY(view->messageText().startsWith(QStringLiteral("No delivery in this period yet")));
}

void TestDashboardView::answersOvertakenByANewerRequestAreDropped()
{
    auto view = openDashboard();
    QVERIFY(view);
    QVERIFY(view->lastQueryThread());
    QVERIFY(view->lastQueryThread() != QCoreApplication::instance()->thread());

    // Two requests in one turn of the event loop: neither answer can arrive before both are sent,
    // so only the second may reach the screen.
    QSignalSpy shown(view.get(), &DashboardView::figuresShown);
    const QDate today = m_workspace->now().date();
    view->rangePicker()->setRange(today.addDays(-400), today);
    view->refresh();
    view->rangePicker()->setRange(today.addDays(-5), today);
    view->refresh();
    QTRY_COMPARE(shown.count(), 1);
    waitForBackgroundWork();
    QTest::qWait(50); // a first answer, had it not been dropped, would be delivered by now
    QCOMPARE(shown.count(), 1);
    QCOMPARE(view->shownQuery().from, today.addDays(-5));
    QVERIFY(view->lastQueryThread() != QCoreApplication::instance()->thread());
}

void TestDashboardView::freshnessFollowsTheSync()
{
    auto view = openDashboard();
    QVERIFY(view);

    // Every platform was read, the ones without a campaign too.
    for (Platform platform : core::supportedPlatforms()) {
        const QString text = view->freshnessPanel()->text(platform);
        QVERIFY2(text.startsWith(QStringLiteral("updated ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" ago")) || text.contains(QStringLiteral("just now")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" · next sync ")), qPrintable(text));
    }
    for (Platform platform : kLaunchedPlatforms) {
        const QString text = view->freshnessPanel()->text(platform);
        QVERIFY2(text.contains(QStringLiteral(" · settling since ")), qPrintable(text));
    }
}

void TestDashboardView::mainWindowOffersTheDashboard()
{
    MainWindow window(m_workspace.get());
    QCOMPARE(window.pages()->count(), 2);
    QCOMPARE(window.pages()->widget(1), window.dashboard());
    QCOMPARE(window.pages()->tabText(1).remove(u'&'), QStringLiteral("Dashboard"));

    // The status bar reads the sync state in the background and tells when the last sync was.
    QTRY_VERIFY(window.syncStatusText().startsWith(QStringLiteral("Last sync ")));
    QVERIFY(window.syncProgress()->syncButton()->isEnabled());

    // Hidden, the dashboard does not query; shown, it does.
    QCOMPARE(window.dashboard()->queriesSent(), 0u);
    window.show();
    window.pages()->setCurrentIndex(1);
    QTRY_VERIFY(window.dashboard()->queriesSent() >= 1);
    waitForBackgroundWork();
}

void TestDashboardView::exchangeRatesAreEditedInPlace()
{
    QCOMPARE(ExchangeRatesDialog::rateText(1'084'200'000), QStringLiteral("1.0842"));
    QCOMPARE(ExchangeRatesDialog::rateText(6'927'000), QStringLiteral("0.006927"));

    const QDate from(2024, 3, 1);
    const QDate to(2024, 3, 31);
    ExchangeRatesDialog dialog(m_workspace->exchangeRates(), from, to);
    QSignalSpy loaded(&dialog, &ExchangeRatesDialog::loaded);
    QTRY_COMPARE(loaded.count(), 1);
    QTableWidget *table = dialog.table();
    const int sandboxRates = table->rowCount(); // the sandbox ships a table of its own

    // A row the store would refuse is named before anything is sent.
    table->insertRow(0);
    table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("2024-03-04")));
    table->setItem(0, 1, new QTableWidgetItem(QStringLiteral("isk")));
    table->setItem(0, 2, new QTableWidgetItem(QStringLiteral("-1")));
    dialog.save();
    QVERIFY2(dialog.messageText().startsWith(QStringLiteral("Row 1 needs")), qPrintable(dialog.messageText()));

    QSignalSpy changed(&dialog, &ExchangeRatesDialog::ratesChanged);
    table->item(0, 2)->setText(QStringLiteral("1.0842"));
    dialog.save();
    QTRY_COMPARE(changed.count(), 1);
    const auto stored = m_workspace->exchangeRates()->rates(from, to);
    QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
    const auto added = std::find_if(stored->begin(), stored->end(), [](const core::ExchangeRate &rate) {
        return rate.currency == u"ISK" && rate.date == QDate(2024, 3, 4);
    });
    QVERIFY(added != stored->end());
    QCOMPARE(added->rateE9, 1'084'200'000);
    QCOMPARE(stored->size(), sandboxRates + 1);

    // Shown again, the dialog reads back what was saved.
    dialog.load();
    QTRY_COMPARE(loaded.count(), 2);
    QCOMPARE(table->rowCount(), sandboxRates + 1);
    waitForBackgroundWork();
}

QTEST_MAIN(TestDashboardView)
#include "TestDashboardView.moc"
