#pragma once

#include "core/services/AnalyticsService.h"
#include "core/services/SyncService.h"
#include "ui/dashboard/MetricFigures.h"

#include <QDateTime>
#include <QMap>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QThread;
class QTimer;

namespace ads::core {
class Workspace;
}

namespace ads::ui {

class ComparisonChart;
class DateRangePicker;
class FreshnessPanel;
class KpiTile;
class TrendChart;

/**
 * Delivery across every campaign and platform over a period: headline figures with their change
 * against the period before, a trend per platform, the platforms side by side, and how fresh each
 * platform's figures are. Every query runs on the background pool; an answer that arrives after a
 * newer request was made is dropped. New figures from a sync show without a click.
 */
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(core::Workspace *workspace, QWidget *parent = nullptr);

    DateRangePicker *rangePicker() const { return m_range; }
    KpiTile *tile(DashboardMetric metric) const { return m_tiles.value(metric); }
    TrendChart *trendChart() const { return m_trend; }
    ComparisonChart *comparisonChart() const { return m_comparison; }
    FreshnessPanel *freshnessPanel() const { return m_freshness; }

    void setMetric(DashboardMetric metric);
    DashboardMetric metric() const;
    void setGranularity(core::Granularity granularity);
    core::Granularity granularity() const;

    /** Where "now" comes from for "updated 12 minutes ago"; the wall clock by default. */
    void setNow(std::function<QDateTime()> now);

    /** The query of the answer on screen, and the thread that ran it (never the GUI's). */
    core::AnalyticsQuery shownQuery() const { return m_shownQuery; }
    QThread *lastQueryThread() const { return m_lastQueryThread; }

    /** How many queries were sent; a test can tell a re-query from a re-draw. */
    quint64 queriesSent() const { return m_generation; }

    QString messageText() const;

    /** The reporting currency as the chooser shows it; empty until the store was read. */
    QString reportingCurrency() const;

    /** Makes currency the reporting currency: the core converts every row again, then the page asks anew. */
    void chooseReportingCurrency(const QString &currency);

    /** Opens the exchange-rates dialog over the period on screen. */
    void showExchangeRates();

public slots:
    /** Queries again now (while visible; a hidden view queries when it is shown). */
    void refresh();

signals:
    /** An answer was put on screen. */
    void figuresShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Answer;

    QWidget *buildControls();
    QWidget *buildTiles();
    core::AnalyticsQuery currentQuery() const;
    static Answer runQueries(const core::AnalyticsService *analytics,
                             const core::SyncService *sync,
                             const core::AnalyticsQuery &query,
                             core::Granularity granularity);
    void applyAnswer(const Answer &answer);
    void showTiles(const core::AnalyticsOverview &overview);
    void drawCharts();
    void showMessage(const QString &text);
    void showReportingCurrency(const QString &currency);

    core::Workspace *m_workspace;
    DateRangePicker *m_range;
    QComboBox *m_metric;
    QComboBox *m_granularity;
    QComboBox *m_currency;
    QLabel *m_message;
    QMap<DashboardMetric, KpiTile *> m_tiles;
    TrendChart *m_trend;
    ComparisonChart *m_comparison;
    FreshnessPanel *m_freshness;
    QTimer *m_refreshTimer;
    std::function<QDateTime()> m_now;

    quint64 m_generation = 0;
    bool m_stale = true; // figures changed while hidden
    core::AnalyticsQuery m_shownQuery;
    core::AnalyticsTrends m_trends;
    core::Comparison m_platformComparison;
    QThread *m_lastQueryThread = nullptr;
};

} // namespace ads::ui
