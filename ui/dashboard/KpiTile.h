#pragma once

#include "ui/dashboard/MetricFigures.h"

#include <QFrame>

class QLabel;

namespace ads::ui {

/** One headline figure over the period, with its change against the period before. */
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    explicit KpiTile(DashboardMetric metric, QWidget *parent = nullptr);

    DashboardMetric metric() const { return m_metric; }

    /** Shows current's figure and how it moved since previous; an empty currency is allowed. */
    void showFigures(const core::MetricsTotals &current,
                     const core::MetricsTotals &previous,
                     const QString &currency,
                     const QString &previousPeriodText);

    void clear();

    QString valueText() const;
    QString changeText() const;

    /** The colour the change is drawn in: green when good, red when bad, the palette's otherwise. */
    QColor changeColor() const;

private:
    void showChange(std::optional<double> percent);

    DashboardMetric m_metric;
    QLabel *m_value;
    QLabel *m_change;
};

} // namespace ads::ui
