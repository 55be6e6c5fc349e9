#include "ui/dashboard/ComparisonChart.h"

#include "ui/Presentation.h"
#include "ui/dashboard/DashboardChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace ads::ui {

using namespace ads::core;

namespace {

const char *const kPlatformProperty = "platform";

} // namespace

ComparisonChart::ComparisonChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QHorizontalStackedBarSeries)
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
{
    setUpDashboardChart(this, QStringLiteral("comparisonChart"));
    m_series->setLabelsVisible(true);
    // Past the bar's end, in the text colour: a short bar cannot hold its own figure.
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart()->addSeries(m_series);
    chart()->addAxis(m_categories, Qt::AlignLeft);
    chart()->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    chart()->legend()->hide(); // the axis names the platforms
}

void ComparisonChart::showComparison(const Comparison &comparison, DashboardMetric metric)
{
    clear();
    chart()->setTitle(tr("%1 by platform").arg(MetricFigures::chartTitle(metric, comparison.currency)));

    // Bars run top to bottom in the platforms' fixed order; Qt draws the first category lowest.
    QList<std::pair<Platform, qreal>> bars;
    for (const ComparisonItem &item : comparison.items) {
        if (const std::optional<Platform> platform = platformFromName(item.key))
            bars.append({*platform, MetricFigures::plotValue(item.totals, metric).value_or(0.0)});
    }
    std::sort(bars.begin(), bars.end(), [](const auto &a, const auto &b) { return a.first > b.first; });

    qreal top = 0;
    for (qsizetype row = 0; row < bars.size(); ++row) {
        const auto [platform, value] = bars.at(row);
        m_categories->append(Presentation::platformTitle(platform));
        auto *bar = new QBarSet(Presentation::platformTitle(platform));
        bar->setProperty(kPlatformProperty, int(platform));
        bar->setColor(Presentation::platformColor(platform));
        bar->setBorderColor(Presentation::platformColor(platform));
        bar->setLabelColor(palette().color(QPalette::WindowText));
        for (qsizetype other = 0; other < bars.size(); ++other)
            bar->append(other == row ? value : 0.0);
        m_series->append(bar);
        top = std::max(top, value);
    }

    // Room after the longest bar for its figure.
    m_values->setRange(0, top > 0 ? top * 1.3 : 1);
    m_values->applyNiceNumbers();
    const QString format = top >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.2f");
    m_values->setLabelFormat(format);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    // Significant digits: the whole part of the largest figure and two decimals.
    const int wholeDigits = top >= 1 ? int(std::floor(std::log10(top))) + 1 : 1;
    m_series->setLabelsPrecision(wholeDigits + 2);
}

void ComparisonChart::clear()
{
    m_series->clear();
    m_categories->clear();
    chart()->setTitle({});
}

QMap<Platform, qreal> ComparisonChart::barValues() const
{
    QMap<Platform, qreal> values;
    const QList<QBarSet *> bars = m_series->barSets();
    for (qsizetype row = 0; row < bars.size(); ++row)
        values.insert(Platform(bars.at(row)->property(kPlatformProperty).toInt()), bars.at(row)->at(row));
    return values;
}

} // namespace ads::ui
