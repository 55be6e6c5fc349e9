#pragma once

#include "core/services/AnalyticsService.h"
#include "ui/dashboard/MetricFigures.h"

#include <QChartView>
#include <QMap>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace ads::ui {

/**
 * One figure over time, one line per platform in the platform's colour; buckets a platform may still
 * restate continue it as a dashed tail, with one legend entry saying so. Built for two years of
 * daily buckets: each line's points are prepared in one list and handed over with replace(), and
 * the chart does not animate.
 */
class TrendChart : public QChartView
{
    Q_OBJECT

public:
    explicit TrendChart(QWidget *parent = nullptr);

    /** Draws trends' metric over from..to; buckets whose ratio has no denominator are left out. */
    void showTrends(const core::AnalyticsTrends &trends,
                    DashboardMetric metric,
                    const QDate &from,
                    const QDate &to);

    void clear();

    /** The platforms' lines of settled buckets, keyed by platform. */
    QMap<core::Platform, QLineSeries *> platformSeries() const { return m_lines; }

    /** The dashed tails of buckets that may still change, joined to the settled line's last point. */
    QMap<core::Platform, QLineSeries *> settlingSeries() const { return m_tails; }

private:
    QLineSeries *lineFor(core::Platform platform);
    QLineSeries *tailFor(core::Platform platform);
    QLineSeries *addLine(core::Platform platform, Qt::PenStyle style);
    void removeLinesOtherThan(const QList<core::Platform> &platforms);
    void fitAxes(const QDate &from, const QDate &to, core::Granularity granularity, qreal top);

    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QMap<core::Platform, QLineSeries *> m_lines;
    QMap<core::Platform, QLineSeries *> m_tails;
    QLineSeries *m_settlingKey; // the legend's "settling" entry; holds no points
};

} // namespace ads::ui
