#pragma once

#include "core/services/Metrics.h"

#include <QDate>
#include <QMap>
#include <QWidget>

#include <functional>

class QAbstractAxis;
class QChart;
class QChartView;
class QLabel;
class QTableView;
class QTimer;

namespace ads::core {
class CampaignService;
}

namespace ads::ui {

class DateRangePicker;
class MetricsTableModel;

/**
 * A campaign's delivery over a chosen period: totals, a per-platform table and a chart of daily
 * spend with one line per platform, broken where a platform did not report a day. Figures are read
 * on the background pool; the view follows metricsChanged, so a sync that lands new rows shows
 * without a click.
 */
class CampaignMetricsView : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignMetricsView(core::CampaignService *service, QWidget *parent = nullptr);

    /** Shows a campaign's figures; an empty id clears the view. */
    void setCampaign(const QString &campaignId);

    QString campaignId() const { return m_campaignId; }

    /** Where "today" comes from; the workspace passes its sandbox-aware clock. Local date by
     * default. */
    void setToday(std::function<QDate()> today);

    /** Picks a custom period. */
    void setRange(const QDate &from, const QDate &to);
    QDate from() const;
    QDate to() const;

    MetricsTableModel *tableModel() const { return m_model; }

    QChart *chart() const { return m_chart; }

    /** The names the chart's legend shows: one per platform with figures in the period. */
    QStringList legendNames() const { return m_legendNames; }

    /** The text shown for one figure in the totals strip, e.g. for
     * MetricsTableModel::Column::Spend. */
    QString totalText(int column) const;

public slots:
    void reload();

    /** Puts figures on screen; reload() calls it, and tests feed it directly. */
    void showMetrics(const core::CampaignMetrics &metrics);

signals:
    /** New figures are on screen (or an empty view after an error). */
    void metricsShown();

private:
    QWidget *buildTotalsStrip();
    void showMessage(const QString &text);
    void fitTableHeight();
    void updateChart(const core::CampaignMetrics &metrics);
    void addSpendRun(core::Platform platform,
                     const QList<QPointF> &points,
                     bool inLegend,
                     QAbstractAxis *xAxis,
                     QAbstractAxis *yAxis);

    core::CampaignService *m_service;
    QString m_campaignId;
    quint64 m_generation = 0;

    DateRangePicker *m_range;
    QLabel *m_message;
    QMap<int, QLabel *> m_totals;
    MetricsTableModel *m_model;
    QTableView *m_table;
    QChart *m_chart;
    QChartView *m_chartView;
    QStringList m_legendNames;
    QTimer *m_reloadTimer;
};

} // namespace ads::ui
