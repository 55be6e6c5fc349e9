#include "UiTestSupport.h"
#include "ui/charts/CampaignMetricsView.h"
#include "ui/charts/MetricsTableModel.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QLineSeries>
#include <QSignalSpy>
#include <QValueAxis>

using namespace ads;
using namespace ads::ui;
using Column = MetricsTableModel::Column;

namespace {

core::MetricsTotals totals(qint64 impressions,
                           qint64 clicks,
                           qint64 spend,
                           qint64 conversions,
                           qint64 value)
{
    return core::MetricsTotals{impressions, clicks, spend, conversions, value};
}

core::CampaignMetrics sampleMetrics()
{
    core::CampaignMetrics metrics;
    metrics.campaignId = QStringLiteral("cmp-1");
    metrics.currency = QStringLiteral("USD");
    metrics.from = QDate(2026, 11, 1);
    metrics.to = QDate(2026, 11, 3);
    metrics.platforms.insert(core::Platform::Facebook,
                             totals(40'000, 1'000, 400'000'000, 20'000'000, 1'600'000'000));
    metrics.platforms.insert(core::Platform::TikTok, totals(10'000, 0, 0, 2'500'000, 0));
    metrics.totals = totals(50'000, 1'000, 400'000'000, 22'500'000, 1'600'000'000);
    metrics.daily = {{QDate(2026, 11, 1), totals(10'000, 200, 90'000'000, 0, 0)},
                     {QDate(2026, 11, 2), totals(20'000, 400, 310'000'000, 0, 0)},
                     {QDate(2026, 11, 3), totals(20'000, 400, 0, 0, 0)}};
    metrics.platformDaily.insert(core::Platform::Facebook,
                                 {{QDate(2026, 11, 1), totals(8'000, 200, 90'000'000, 0, 0)},
                                  {QDate(2026, 11, 2), totals(16'000, 400, 310'000'000, 0, 0)},
                                  {QDate(2026, 11, 3), totals(16'000, 400, 0, 0, 0)}});
    // TikTok did not report 2 November: a gap, not a zero day.
    metrics.platformDaily.insert(core::Platform::TikTok,
                                 {{QDate(2026, 11, 1), totals(2'000, 0, 0, 0, 0)},
                                  {QDate(2026, 11, 3), totals(4'000, 0, 0, 2'500'000, 0)}});
    return metrics;
}

QString cell(const QAbstractItemModel &model, int row, Column column)
{
    return model.index(row, int(column)).data().toString();
}

} // namespace

class TestCampaignMetricsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableRatiosComeFromSums();
    void chartAndTotalsFollowFigures();
    void readsTheServiceInTheBackground();
};

void TestCampaignMetricsView::initTestCase()
{
    test::useEnglishLocale();
}

void TestCampaignMetricsView::tableRatiosComeFromSums()
{
    MetricsTableModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMetrics(sampleMetrics());

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 0, Column::Platform), QStringLiteral("Facebook"));
    QCOMPARE(cell(model, 0, Column::Impressions), QStringLiteral("40,000"));
    QCOMPARE(cell(model, 0, Column::Ctr), QStringLiteral("2.50 %"));
    QCOMPARE(cell(model, 0, Column::Cpc), QStringLiteral("0.40 USD"));
    QCOMPARE(cell(model, 0, Column::Cpm), QStringLiteral("10.00 USD"));
    QCOMPARE(cell(model, 0, Column::Spend), QStringLiteral("400.00 USD"));
    QCOMPARE(cell(model, 0, Column::Conversions), QStringLiteral("20"));
    QCOMPARE(cell(model, 0, Column::Roas), QStringLiteral("4.00"));

    // No clicks and no spend: the ratios have no value rather than a made-up zero.
    QCOMPARE(cell(model, 1, Column::Cpc), QStringLiteral("—"));
    QCOMPARE(cell(model, 1, Column::Roas), QStringLiteral("—"));
    QCOMPARE(cell(model, 1, Column::Conversions), QStringLiteral("2.50"));

    // The last row sums the platforms; its CTR is 1,000 / 50,000, not the mean of 2.5 % and 0 %.
    QCOMPARE(cell(model, 2, Column::Platform), QStringLiteral("All platforms"));
    QCOMPARE(cell(model, 2, Column::Ctr), QStringLiteral("2.00 %"));
    QCOMPARE(cell(model, 2, Column::Cpm), QStringLiteral("8.00 USD"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestCampaignMetricsView::chartAndTotalsFollowFigures()
{
    QTemporaryDir dir;
    auto workspace = test::openWorkspace(dir);
    QVERIFY(workspace);
    CampaignMetricsView view(workspace->campaigns());

    view.showMetrics(sampleMetrics());

    QCOMPARE(view.totalText(int(Column::Spend)), QStringLiteral("400.00 USD"));
    QCOMPARE(view.totalText(int(Column::Clicks)), QStringLiteral("1,000"));
    // One line per platform with figures, each in the legend once.
    QCOMPARE(view.legendNames(),
             QStringList({QStringLiteral("Facebook"), QStringLiteral("TikTok")}));
    const QList<QAbstractSeries *> series = view.chart()->series();
    auto *facebook = qobject_cast<QLineSeries *>(series.first());
    QVERIFY(facebook);
    QCOMPARE(facebook->name(), QStringLiteral("Facebook"));
    QCOMPARE(facebook->count(), 3);
    QCOMPARE(facebook->at(1).y(), 310.0);

    // No line crosses TikTok's missing day, and no zero is made up for it.
    const qreal missingDay = qreal(QDate(2026, 11, 2).startOfDay().toMSecsSinceEpoch());
    int tiktokPoints = 0;
    for (QAbstractSeries *each : series) {
        auto *line = qobject_cast<QLineSeries *>(each);
        QVERIFY(line);
        if (line->name() != u"TikTok")
            continue;
        tiktokPoints += line->count();
        for (int i = 0; i < line->count(); ++i)
            QVERIFY(line->at(i).x() != missingDay);
        if (line->count() > 1)
            QVERIFY(line->at(0).x() > missingDay || line->at(line->count() - 1).x() < missingDay);
    }
    QCOMPARE(tiktokPoints, 2);

    // The axis spans the largest day, whichever series holds it.
    const auto axes = view.chart()->axes(Qt::Vertical);
    QCOMPARE(axes.size(), 1);
    QVERIFY(qobject_cast<QValueAxis *>(axes.first())->max() >= 310.0);

    view.showMetrics({});
    QVERIFY(view.chart()->series().isEmpty());
    QCOMPARE(view.tableModel()->rowCount(), 0);
    waitForBackgroundWork();
}

void TestCampaignMetricsView::readsTheServiceInTheBackground()
{
    QTemporaryDir dir;
    auto workspace = test::openWorkspace(dir);
    QVERIFY(workspace);
    const auto created =
        workspace->campaigns()->createCampaign(test::sampleSpec(), test::kApiActor);
    QVERIFY(created.has_value());

    CampaignMetricsView view(workspace->campaigns());
    QAbstractItemModelTester tester(view.tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy shown(&view, &CampaignMetricsView::metricsShown);
    view.setRange(QDate(2026, 1, 1), QDate(2026, 1, 31));
    view.setCampaign(created->id);

    // A draft has delivered nothing: the view says so, with a total row of zeros.
    QTRY_VERIFY(shown.count() >= 1);
    QCOMPARE(view.tableModel()->rowCount(), 1);
    QCOMPARE(view.totalText(int(Column::Impressions)), QStringLiteral("0"));
    QCOMPARE(view.from(), QDate(2026, 1, 1));
    waitForBackgroundWork();
}

QTEST_MAIN(TestCampaignMetricsView)
#include "TestCampaignMetricsView.moc"
