#pragma once

#include "core/services/Metrics.h"

#include <QAbstractTableModel>

namespace ads::ui {

/** A campaign's delivery per platform, with a last row for all platforms together. */
class MetricsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Platform,
        Impressions,
        Clicks,
        Ctr,
        Cpc,
        Cpm,
        Spend,
        Conversions,
        Roas,
        Count,
    };

    enum Role
    {
        SortRole = Qt::UserRole + 1,
    };

    explicit MetricsTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setMetrics(const core::CampaignMetrics &metrics);
    void clear();

    /** The text a cell shows for one figure of some totals, shared with the totals strip. */
    static QString figureText(const core::MetricsTotals &totals,
                              Column column,
                              const QString &currency);

    /** Spend per conversion (CPA), which the table leaves out but the dashboard shows. */
    static QString costPerConversionText(const core::MetricsTotals &totals, const QString &currency);

private:
    struct Row
    {
        QString label;
        core::MetricsTotals totals;
    };

    static QVariant sortValue(const core::MetricsTotals &totals, Column column);

    QList<Row> m_rows;
    QString m_currency;
};

} // namespace ads::ui
