#include "ui/dashboard/DashboardView.h"

#include "core/services/ChangeNotifier.h"
#include "core/services/ExchangeRates.h"
#include "core/services/Workspace.h"
#include "ui/Background.h"
#include "ui/Logging.h"
#include "ui/dashboard/ComparisonChart.h"
#include "ui/dashboard/DateRangePicker.h"
#include "ui/dashboard/ExchangeRatesDialog.h"
#include "ui/dashboard/FreshnessPanel.h"
#include "ui/dashboard/KpiTile.h"
#include "ui/dashboard/TrendChart.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QLocale>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

// Metrics notices come in bursts while a sync writes platform after platform; one read per burst.
constexpr int kRefreshDelayMs = 300;
constexpr int kTilesPerRow = 9;

constexpr DashboardMetric kChartMetrics[] = {DashboardMetric::Spend,
                                             DashboardMetric::Impressions,
                                             DashboardMetric::Clicks,
                                             DashboardMetric::Ctr,
                                             DashboardMetric::Cpc,
                                             DashboardMetric::Cpm,
                                             DashboardMetric::Conversions,
                                             DashboardMetric::Cpa,
                                             DashboardMetric::Roas};

QString periodText(const QDate &from, const QDate &to)
{
    const QLocale locale;
    const QString format = QStringLiteral("d MMM yyyy");
    return DashboardView::tr("%1 – %2", "date range").arg(locale.toString(from, format), locale.toString(to, format));
}

} // namespace

/** Everything one refresh reads, gathered on a worker thread. */
struct DashboardView::Answer
{
    quint64 generation = 0;
    AnalyticsQuery query;
    Result<AnalyticsOverview> overview;
    Result<AnalyticsTrends> trends;
    Result<Comparison> comparison;
    std::optional<SyncStatus> syncStatus;
    Result<QString> reportingCurrency;
    QThread *thread = nullptr;
};

DashboardView::DashboardView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_range(new DateRangePicker)
    , m_metric(new QComboBox)
    , m_granularity(new QComboBox)
    , m_currency(new QComboBox)
    , m_message(new QLabel)
    , m_trend(new TrendChart)
    , m_comparison(new ComparisonChart)
    , m_freshness(new FreshnessPanel)
    , m_refreshTimer(new QTimer(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("dashboard"));
    m_range->setToday([workspace] { return workspace->now().date(); });
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_trend);
    charts->addWidget(m_comparison);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setChildrenCollapsible(false);

    auto *freshnessBox = new QGroupBox(tr("Freshness"));
    auto *freshnessLayout = new QVBoxLayout(freshnessBox);
    freshnessLayout->addWidget(m_freshness);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(m_message);
    layout->addWidget(buildTiles());
    layout->addWidget(charts, 1);
    layout->addWidget(freshnessBox);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardView::refresh);
    const auto refreshSoon = qOverload<>(&QTimer::start);
    connect(m_range, &DateRangePicker::rangeChanged, m_refreshTimer, refreshSoon);
    connect(m_granularity, &QComboBox::currentIndexChanged, m_refreshTimer, refreshSoon);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &DashboardView::drawCharts);
    ChangeNotifier *notifier = workspace->notifier();
    connect(notifier, &ChangeNotifier::metricsChanged, m_refreshTimer, refreshSoon, Qt::QueuedConnection);
    connect(notifier, &ChangeNotifier::syncStateChanged, m_refreshTimer, refreshSoon, Qt::QueuedConnection);
}

QWidget *DashboardView::buildControls()
{
    for (DashboardMetric metric : kChartMetrics)
        m_metric->addItem(MetricFigures::title(metric), int(metric));
    m_metric->setObjectName(QStringLiteral("chartMetric"));
    m_granularity->addItem(tr("Day"), int(Granularity::Day));
    m_granularity->addItem(tr("Week"), int(Granularity::Week));
    m_granularity->addItem(tr("Month"), int(Granularity::Month));
    m_granularity->addItem(tr("Hour (last week)"), int(Granularity::Hour));
    m_granularity->setObjectName(QStringLiteral("chartGranularity"));

    auto *metricLabel = new QLabel(tr("&Chart:"));
    metricLabel->setBuddy(m_metric);
    auto *granularityLabel = new QLabel(tr("&By:"));
    granularityLabel->setBuddy(m_granularity);

    // Common reporting currencies; any other ISO code can be typed.
    m_currency->setObjectName(QStringLiteral("reportingCurrency"));
    m_currency->setEditable(true);
    m_currency->setInsertPolicy(QComboBox::NoInsert);
    m_currency->addItems({QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("CHF"),
                          QStringLiteral("CAD"), QStringLiteral("AUD"), QStringLiteral("JPY")});
    m_currency->setCurrentIndex(-1);
    m_currency->setToolTip(tr("The currency every figure is converted into, at each day's rate"));
    auto *currencyLabel = new QLabel(tr("C&urrency:"));
    currencyLabel->setBuddy(m_currency);
    auto *ratesButton = new QPushButton(tr("E&xchange rates…"));
    ratesButton->setObjectName(QStringLiteral("exchangeRatesButton"));

    auto *controls = new QWidget;
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_range);
    row->addStretch(1);
    for (QWidget *widget : std::initializer_list<QWidget *>{
             metricLabel, m_metric, granularityLabel, m_granularity, currencyLabel, m_currency, ratesButton})
        row->addWidget(widget);

    connect(m_currency, &QComboBox::activated, this, [this] { chooseReportingCurrency(m_currency->currentText()); });
    connect(ratesButton, &QPushButton::clicked, this, &DashboardView::showExchangeRates);
    return controls;
}

QWidget *DashboardView::buildTiles()
{
    auto *strip = new QWidget;
    auto *grid = new QGridLayout(strip);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int index = 0; index < int(DashboardMetric::Count); ++index) {
        auto *tile = new KpiTile(DashboardMetric(index));
        grid->addWidget(tile, index / kTilesPerRow, index % kTilesPerRow);
        m_tiles.insert(tile->metric(), tile);
    }
    return strip;
}

void DashboardView::setMetric(DashboardMetric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

DashboardMetric DashboardView::metric() const
{
    return DashboardMetric(m_metric->currentData().toInt());
}

void DashboardView::setGranularity(Granularity granularity)
{
    m_granularity->setCurrentIndex(m_granularity->findData(int(granularity)));
}

Granularity DashboardView::granularity() const
{
    return Granularity(m_granularity->currentData().toInt());
}

void DashboardView::setNow(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

QString DashboardView::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

AnalyticsQuery DashboardView::currentQuery() const
{
    AnalyticsQuery query;
    query.from = m_range->from();
    query.to = m_range->to();
    return query;
}

void DashboardView::refresh()
{
    m_refreshTimer->stop();
    if (!isVisible()) {
        m_stale = true; // nobody looks: query once the page is shown
        return;
    }
    m_stale = false;
    m_range->followClock(); // "last 30 days" moves with the clock, which the sandbox winds forward

    const AnalyticsQuery query = currentQuery();
    if (query.from > query.to) {
        showMessage(tr("The period starts after it ends; pick an earlier start date."));
        return;
    }

    const quint64 generation = ++m_generation;
    const AnalyticsService *analytics = m_workspace->analytics();
    const SyncService *sync = m_workspace->sync();
    const ExchangeRateService *rates = m_workspace->exchangeRates();
    const Granularity granularity = this->granularity();
    qCDebug(lcUiCharts) << "dashboard query" << generation << query.from << query.to;
    runInBackground(
        this,
        [analytics, sync, rates, query, granularity, generation] {
            Answer answer = runQueries(analytics, sync, query, granularity);
            answer.reportingCurrency = rates->reportingCurrency();
            answer.generation = generation;
            return answer;
        },
        [this](const Answer &answer) { applyAnswer(answer); });
}

DashboardView::Answer DashboardView::runQueries(const AnalyticsService *analytics,
                                                const SyncService *sync,
                                                const AnalyticsQuery &query,
                                                Granularity granularity)
{
    Answer answer;
    answer.thread = QThread::currentThread();
    answer.query = query;
    answer.overview = analytics->overview(query);
    // Hours are kept for the most recent week only: an hourly chart shows the range's last week.
    AnalyticsQuery trendQuery = query;
    if (granularity == Granularity::Hour)
        trendQuery.from = std::max(query.from, query.to.addDays(-6));
    answer.trends = analytics->trends(trendQuery, granularity);
    answer.comparison = analytics->comparison(query, ComparisonDimension::Platform);
    if (sync)
        answer.syncStatus = sync->status();
    return answer;
}

void DashboardView::applyAnswer(const Answer &answer)
{
    if (answer.generation != m_generation) {
        qCDebug(lcUiCharts) << "dropped dashboard answer" << answer.generation << "for" << m_generation;
        return; // the buyer moved on to another period; a newer answer is on its way
    }
    m_lastQueryThread = answer.thread;
    m_shownQuery = answer.query;
    if (answer.syncStatus)
        m_freshness->showStatus(*answer.syncStatus, m_now());
    if (answer.reportingCurrency)
        showReportingCurrency(*answer.reportingCurrency);

    const Error *failure = !answer.overview     ? &answer.overview.error()
                           : !answer.trends     ? &answer.trends.error()
                           : !answer.comparison ? &answer.comparison.error()
                                                : nullptr;
    if (failure) {
        qCWarning(lcUiCharts) << "dashboard query failed:" << failure->message << failure->detail;
        for (KpiTile *tile : std::as_const(m_tiles))
            tile->clear();
        m_trends = {};
        m_platformComparison = {};
        drawCharts();
        showMessage(tr("Could not load the figures: %1").arg(failure->message));
        emit figuresShown();
        return;
    }

    showTiles(*answer.overview);
    m_trends = *answer.trends;
    m_platformComparison = *answer.comparison;
    drawCharts();
    const bool empty = answer.overview->platforms.isEmpty();
    showMessage(empty ? tr("No delivery in this period yet. Figures appear after a campaign runs and a sync reads it.")
                      : QString());
    emit figuresShown();
}

void DashboardView::showTiles(const AnalyticsOverview &overview)
{
    const QString previous = periodText(overview.previousFrom, overview.previousTo);
    for (KpiTile *tile : std::as_const(m_tiles))
        tile->showFigures(overview.totals, overview.previous, overview.currency, previous);
}

void DashboardView::drawCharts()
{
    if (!m_shownQuery.from.isValid()) {
        m_trend->clear();
        m_comparison->clear();
        return;
    }
    const QDate trendFrom = m_trends.granularity == Granularity::Hour
                                ? std::max(m_shownQuery.from, m_shownQuery.to.addDays(-6))
                                : m_shownQuery.from;
    m_trend->showTrends(m_trends, metric(), trendFrom, m_shownQuery.to);
    m_comparison->showComparison(m_platformComparison, metric());
}

QString DashboardView::reportingCurrency() const
{
    return m_currency->currentText();
}

void DashboardView::showReportingCurrency(const QString &currency)
{
    if (!m_currency->view()->isVisible() && !m_currency->lineEdit()->hasFocus())
        m_currency->setCurrentText(currency); // never under the buyer's hands
}

void DashboardView::chooseReportingCurrency(const QString &currency)
{
    ExchangeRateService *rates = m_workspace->exchangeRates();
    const QString code = currency.trimmed().toUpper();
    showMessage(tr("Converting every figure into %1…").arg(code));
    runInBackground(this, [rates, code] { return rates->setReportingCurrency(code); }, [this](const Status &set) {
        if (!set) {
            qCWarning(lcUiCharts) << "reporting currency not changed:" << set.error().message;
            showMessage(tr("The reporting currency was not changed: %1").arg(set.error().message));
            return;
        }
        refresh(); // metricsChanged follows too; asking at once keeps the page from lagging
    });
}

void DashboardView::showExchangeRates()
{
    auto *dialog = new ExchangeRatesDialog(m_workspace->exchangeRates(), m_range->from(), m_range->to(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DashboardView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace ads::ui
