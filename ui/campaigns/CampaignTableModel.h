#pragma once

#include "core/domain/Campaign.h"

#include <QAbstractTableModel>
#include <QSet>

namespace ads::core {
class CampaignService;
}

namespace ads::ui {

/**
 * The workspace's campaigns as table rows, in creation order. Loads and refreshes through
 * CampaignService on the background pool, and follows the ChangeNotifier, so a campaign created
 * or changed by the local API shows up here without a reload.
 */
class CampaignTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Name,
        Objective,
        Platforms,
        Budget,
        Schedule,
        Status,
        Updated,
        Count,
    };

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw values: micros, instants, enum order
        CampaignIdRole,
    };

    explicit CampaignTableModel(core::CampaignService *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /** The row of a campaign, or -1. */
    int rowOf(const QString &campaignId) const;

    const core::Campaign *campaignAt(int row) const;
    const core::Campaign *campaign(const QString &campaignId) const;

    bool isLoading() const { return m_loading; }

public slots:
    /** Reads every campaign again in the background and replaces the rows when it arrives. */
    void reload();

    /** Fetches one campaign again; inserts, updates or removes its row to match the store. */
    void refreshCampaign(const QString &campaignId);

    /** Puts a campaign the GUI already holds (from a create or a lifecycle call) into its row. */
    void applyCampaign(const core::Campaign &campaign);

    void removeCampaign(const QString &campaignId);

signals:
    void loaded();
    void loadFailed(const QString &message);

    /** A row was inserted or its campaign replaced. */
    void campaignUpdated(const QString &campaignId);

private:
    void applyReload(const core::Result<QList<core::Campaign>> &result);
    void finishRefresh(const QString &campaignId, const core::Result<core::Campaign> &result);
    QVariant displayData(const core::Campaign &campaign, Column column) const;
    QVariant sortData(const core::Campaign &campaign, Column column) const;

    core::CampaignService *m_service;
    QList<core::Campaign> m_campaigns;
    bool m_loading = false;
    bool m_reloadAgain = false;

    // A refresh asked for while one is on its way for the same campaign is run again afterwards,
    // so the last answer applied was always read after the last change notice.
    QSet<QString> m_refreshing;
    QSet<QString> m_refreshAgain;
    QSet<QString> m_changedDuringReload;
};

} // namespace ads::ui
