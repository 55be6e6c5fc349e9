#include "ui/dashboard/TrendChart.h"

#include "ui/Presentation.h"
#include "ui/dashboard/DashboardChart.h"

#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

namespace ads::ui {

using namespace ads::core;

namespace {

// Below this many points a line shows its markers, so a single bucket is still visible.
constexpr qsizetype kMarkerLimit = 45;

/** The x of a bucket: its first day, plus the hour for hourly points (a wall-clock hour of that day). */
qreal bucketX(const QDate &date, int hour = -1)
{
    return qreal(date.startOfDay().addSecs(std::max(0, hour) * 3600).toMSecsSinceEpoch());
}

struct PreparedLine
{
    QList<QPointF> settled;
    QList<QPointF> settling; // starts with the last settled point, so the two lines join
};

PreparedLine trendPoints(const QList<TrendPoint> &points, DashboardMetric metric)
{
    PreparedLine line;
    line.settled.reserve(points.size());
    for (const TrendPoint &point : points) {
        const std::optional<double> value = MetricFigures::plotValue(point.totals, metric);
        if (!value)
            continue;
        const QPointF xy(bucketX(point.date, point.hour), *value);
        if (!point.settling) {
            line.settled.append(xy);
            continue;
        }
        if (line.settling.isEmpty() && !line.settled.isEmpty())
            line.settling.append(line.settled.constLast());
        line.settling.append(xy);
    }
    return line;
}

} // namespace

TrendChart::TrendChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis)
    , m_settlingKey(new QLineSeries)
{
    setUpDashboardChart(this, QStringLiteral("trendChart"));
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);

    m_settlingKey->setName(tr("settling: may still change"));
    m_settlingKey->setPen(QPen(Qt::gray, 2.0, Qt::DashLine));
    chart()->addSeries(m_settlingKey);
    m_settlingKey->attachAxis(m_xAxis);
    m_settlingKey->attachAxis(m_yAxis);
    clear();
}

void TrendChart::showTrends(const AnalyticsTrends &trends,
                            DashboardMetric metric,
                            const QDate &from,
                            const QDate &to)
{
    chart()->setTitle(MetricFigures::chartTitle(metric, trends.currency));

    qreal top = 0;
    bool anySettling = false;
    for (auto it = trends.series.begin(); it != trends.series.end(); ++it) {
        const PreparedLine prepared = trendPoints(it.value(), metric);
        const bool markers = prepared.settled.size() + prepared.settling.size() <= kMarkerLimit;
        QLineSeries *line = lineFor(it.key());
        line->replace(prepared.settled);
        line->setPointsVisible(markers);
        QLineSeries *tail = tailFor(it.key());
        tail->replace(prepared.settling);
        tail->setPointsVisible(markers);
        anySettling = anySettling || !prepared.settling.isEmpty();
        for (const QList<QPointF> *points : {&prepared.settled, &prepared.settling}) {
            for (const QPointF &point : *points)
                top = std::max(top, point.y());
        }
    }
    removeLinesOtherThan(trends.series.keys());
    for (QLegendMarker *marker : chart()->legend()->markers(m_settlingKey))
        marker->setVisible(anySettling);
    fitAxes(from, to, trends.granularity, top);
}

void TrendChart::clear()
{
    removeLinesOtherThan({});
    for (QLegendMarker *marker : chart()->legend()->markers(m_settlingKey))
        marker->setVisible(false);
    chart()->setTitle({});
    fitAxes(QDate::currentDate().addDays(-1), QDate::currentDate(), Granularity::Day, 0);
}

QLineSeries *TrendChart::lineFor(Platform platform)
{
    if (QLineSeries *existing = m_lines.value(platform))
        return existing;
    QLineSeries *line = addLine(platform, Qt::SolidLine);
    m_lines.insert(platform, line);
    return line;
}

QLineSeries *TrendChart::tailFor(Platform platform)
{
    if (QLineSeries *existing = m_tails.value(platform))
        return existing;
    QLineSeries *tail = addLine(platform, Qt::DashLine);
    // One "settling" entry in the legend stands for every tail.
    for (QLegendMarker *marker : chart()->legend()->markers(tail))
        marker->setVisible(false);
    m_tails.insert(platform, tail);
    return tail;
}

QLineSeries *TrendChart::addLine(Platform platform, Qt::PenStyle style)
{
    auto *line = new QLineSeries;
    line->setName(Presentation::platformTitle(platform));
    line->setPen(QPen(Presentation::platformColor(platform), 2.0, style));
    chart()->addSeries(line);
    line->attachAxis(m_xAxis);
    line->attachAxis(m_yAxis);
    return line;
}

void TrendChart::removeLinesOtherThan(const QList<Platform> &platforms)
{
    for (QMap<Platform, QLineSeries *> *lines : {&m_lines, &m_tails}) {
        for (auto it = lines->begin(); it != lines->end();) {
            if (platforms.contains(it.key())) {
                ++it;
                continue;
            }
            chart()->removeSeries(it.value());
            delete it.value();
            it = lines->erase(it);
        }
    }
}

void TrendChart::fitAxes(const QDate &from, const QDate &to, Granularity granularity, qreal top)
{
    // Buckets start on the bucket's first day, which can fall before from for weeks and months.
    QDate first = from;
    if (granularity == Granularity::Week)
        first = from.addDays(1 - from.dayOfWeek());
    else if (granularity == Granularity::Month)
        first = QDate(from.year(), from.month(), 1);
    // Hourly points run to the end of the last day.
    const QDate last = granularity == Granularity::Hour ? to.addDays(1) : (to > first ? to : first.addDays(1));

    m_xAxis->setRange(first.startOfDay(), last.startOfDay());
    m_xAxis->setFormat(granularity == Granularity::Month  ? QStringLiteral("MMM yyyy")
                       : granularity == Granularity::Hour ? QStringLiteral("d MMM HH:00")
                                                          : QStringLiteral("d MMM"));
    m_xAxis->setTickCount(std::clamp(int(first.daysTo(last)) + 1, 2, 8));

    // Qt Charts fits an axis to the first series only; the range is taken over all of them.
    m_yAxis->setRange(0, top > 0 ? top : 1);
    m_yAxis->applyNiceNumbers();
    m_yAxis->setLabelFormat(top >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
}

} // namespace ads::ui
