#include "ui/charts/CampaignMetricsView.h"

#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "ui/Background.h"
#include "ui/Logging.h"
#include "ui/Presentation.h"
#include "ui/charts/MetricsTableModel.h"
#include "ui/dashboard/DateRangePicker.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ads::ui {

using namespace ads::core;

namespace {

// Metrics notices come in bursts while a sync writes day after day; one read per burst is plenty.
constexpr int kReloadDelayMs = 300;

using Column = MetricsTableModel::Column;

constexpr Column kTotalsColumns[] = {Column::Impressions,
                                     Column::Clicks,
                                     Column::Ctr,
                                     Column::Cpc,
                                     Column::Cpm,
                                     Column::Spend,
                                     Column::Conversions,
                                     Column::Roas};

/** One platform's daily spend as runs of consecutive report days, in major units: the chart's
 * only use of floating point. */
using SpendRuns = QList<QList<QPointF>>;

SpendRuns spendRuns(QList<DailyMetrics> days)
{
    std::sort(days.begin(), days.end(), [](const DailyMetrics &a, const DailyMetrics &b) {
        return a.date < b.date;
    });
    // A day the platform did not report is not a zero day: the line stops and starts again.
    SpendRuns runs;
    QDate previous;
    for (const DailyMetrics &day : days) {
        if (runs.isEmpty() || previous.daysTo(day.date) != 1)
            runs.append(QList<QPointF>());
        const qreal x = qreal(day.date.startOfDay().toMSecsSinceEpoch());
        runs.last().append({x, money::toMajorUnits(day.totals.spendMicros)});
        previous = day.date;
    }
    return runs;
}

} // namespace

CampaignMetricsView::CampaignMetricsView(CampaignService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_range(new DateRangePicker)
    , m_message(new QLabel)
    , m_model(new MetricsTableModel(this))
    , m_table(new QTableView)
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart))
    , m_reloadTimer(new QTimer(this))
{
    auto *rangeRow = new QWidget;
    auto *rangeLayout = new QHBoxLayout(rangeRow);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(m_range);
    rangeLayout->addStretch(1);
    connect(m_range, &DateRangePicker::rangeChanged, m_reloadTimer, qOverload<>(&QTimer::start));

    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // Figures keep their full width (a bold total must not be elided); names take the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(int(Column::Platform), QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(180);
    m_chartView->setFocusPolicy(Qt::NoFocus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(rangeRow);
    layout->addWidget(m_message);
    layout->addWidget(buildTotalsStrip());
    layout->addWidget(m_table);
    layout->addWidget(m_chartView, 1);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &CampaignMetricsView::reload);
    connect(service->notifier(),
            &ChangeNotifier::metricsChanged,
            m_reloadTimer,
            qOverload<>(&QTimer::start),
            Qt::QueuedConnection);

    setCampaign({});
}

QWidget *CampaignMetricsView::buildTotalsStrip()
{
    auto *strip = new QWidget;
    auto *grid = new QGridLayout(strip);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(18);

    int position = 0;
    for (Column column : kTotalsColumns) {
        auto *caption = new QLabel(m_model->headerData(int(column), Qt::Horizontal).toString());
        auto *value = new QLabel(QStringLiteral("—"));
        QFont font = value->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.15);
        value->setFont(font);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(caption, 0, position);
        grid->addWidget(value, 1, position);
        m_totals.insert(int(column), value);
        ++position;
    }
    return strip;
}

void CampaignMetricsView::setToday(std::function<QDate()> today)
{
    m_range->setToday(std::move(today));
}

void CampaignMetricsView::setRange(const QDate &from, const QDate &to)
{
    m_range->setRange(from, to);
}

QDate CampaignMetricsView::from() const
{
    return m_range->from();
}

QDate CampaignMetricsView::to() const
{
    return m_range->to();
}

void CampaignMetricsView::setCampaign(const QString &campaignId)
{
    m_campaignId = campaignId;
    m_reloadTimer->stop();
    reload();
}

void CampaignMetricsView::reload()
{
    m_reloadTimer->stop();
    m_range->followClock(); // "last 30 days" moves with the clock, which the sandbox can wind forward
    const quint64 generation = ++m_generation;
    if (m_campaignId.isEmpty()) {
        showMetrics({});
        showMessage(tr("Select a campaign to see how it delivers."));
        return;
    }
    if (from() > to()) {
        showMessage(tr("The period starts after it ends; pick an earlier start date."));
        return;
    }

    showMessage(tr("Loading figures…"));
    const CampaignService *service = m_service;
    const QString id = m_campaignId;
    const QDate first = from();
    const QDate last = to();
    runInBackground(
        this,
        [service, id, first, last] { return service->metrics(id, first, last); },
        [this, generation](const Result<CampaignMetrics> &result) {
            if (generation != m_generation)
                return; // the buyer moved on to another campaign or period
            if (!result) {
                qCWarning(lcUiCharts)
                    << "metrics failed:" << result.error().message << result.error().detail;
                showMetrics({});
                showMessage(tr("Could not load the figures: %1").arg(result.error().message));
                return;
            }
            showMetrics(*result);
        });
}

void CampaignMetricsView::showMetrics(const CampaignMetrics &metrics)
{
    if (metrics.campaignId.isEmpty())
        m_model->clear();
    else
        m_model->setMetrics(metrics);
    fitTableHeight();
    for (auto it = m_totals.begin(); it != m_totals.end(); ++it)
        it.value()->setText(
            MetricsTableModel::figureText(metrics.totals, Column(it.key()), metrics.currency));
    updateChart(metrics);

    if (!metrics.campaignId.isEmpty() && metrics.daily.isEmpty())
        showMessage(tr("No delivery in this period yet. Figures appear after the platforms report "
                       "and a sync runs."));
    else
        showMessage({});
    emit metricsShown();
}

void CampaignMetricsView::fitTableHeight()
{
    // A handful of platform rows: show them all and give the rest of the height to the chart.
    const int rows = m_model->rowCount();
    const int height = m_table->horizontalHeader()->sizeHint().height()
                       + rows * m_table->verticalHeader()->defaultSectionSize()
                       + 2 * m_table->frameWidth();
    m_table->setFixedHeight(height);
}

void CampaignMetricsView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString CampaignMetricsView::totalText(int column) const
{
    const QLabel *label = m_totals.value(column);
    return label ? label->text() : QString();
}

void CampaignMetricsView::updateChart(const CampaignMetrics &metrics)
{
    m_chart->removeAllSeries();
    m_legendNames.clear();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_chart->setTitle(metrics.currency.isEmpty() ? tr("Daily spend")
                                                 : tr("Daily spend (%1)").arg(metrics.currency));

    if (metrics.platformDaily.isEmpty())
        return;

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("d MMM"));
    xAxis->setRange(metrics.from.startOfDay(), metrics.to.startOfDay());
    xAxis->setTickCount(std::clamp(int(metrics.from.daysTo(metrics.to)) + 1, 2, 8));
    auto *yAxis = new QValueAxis;
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);

    // Qt Charts fits an axis to the first series only; the range is taken over all of them.
    qreal top = 0;
    for (auto it = metrics.platformDaily.begin(); it != metrics.platformDaily.end(); ++it) {
        const SpendRuns runs = spendRuns(it.value());
        for (qsizetype i = 0; i < runs.size(); ++i) {
            addSpendRun(it.key(), runs.at(i), i == 0, xAxis, yAxis);
            for (const QPointF &point : runs.at(i))
                top = std::max(top, point.y());
        }
    }
    yAxis->setRange(0, top > 0 ? top : 1);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(top >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
}

void CampaignMetricsView::addSpendRun(Platform platform,
                                      const QList<QPointF> &points,
                                      bool inLegend,
                                      QAbstractAxis *xAxis,
                                      QAbstractAxis *yAxis)
{
    // Qt Charts cannot leave a gap inside one line series, so each run of days is its own series
    // in the platform's colour, and only the first appears in the legend.
    auto *series = new QLineSeries;
    series->setName(Presentation::platformTitle(platform));
    series->setColor(Presentation::platformColor(platform));
    series->setPointsVisible(true);
    series->append(points);
    m_chart->addSeries(series);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    if (inLegend) {
        m_legendNames.append(series->name());
        return;
    }
    for (QLegendMarker *marker : m_chart->legend()->markers(series))
        marker->setVisible(false);
}

} // namespace ads::ui
