#pragma once

#include "core/services/AnalyticsService.h"
#include "ui/dashboard/MetricFigures.h"

#include <QChartView>

class QBarCategoryAxis;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace ads::ui {

/**
 * One figure side by side per platform: a horizontal bar each, named on the axis and drawn in the
 * platform's colour. Qt Charts colours a bar set, not a bar, so each platform is its own set with
 * its figure in its own row and nothing in the others, stacked so that every bar is full height.
 */
class ComparisonChart : public QChartView
{
    Q_OBJECT

public:
    explicit ComparisonChart(QWidget *parent = nullptr);

    /** Draws comparison's items (keys are platform names); a ratio without a denominator is 0. */
    void showComparison(const core::Comparison &comparison, DashboardMetric metric);

    void clear();

    /** The bar of each platform as drawn, for tests and accessibility. */
    QMap<core::Platform, qreal> barValues() const;

private:
    QHorizontalStackedBarSeries *m_series;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_values;
};

} // namespace ads::ui
