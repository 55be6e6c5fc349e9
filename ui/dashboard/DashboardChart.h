#pragma once

#include <QChart>
#include <QChartView>

namespace ads::ui {

/**
 * What the dashboard's charts share: no animation, since a redraw can carry thousands of points
 * and must not replay a transition each time; the legend below; tight margins.
 */
inline void setUpDashboardChart(QChartView *view, const QString &objectName)
{
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    view->setFocusPolicy(Qt::NoFocus);

    QChart *chart = view->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

} // namespace ads::ui
