#include "ui/campaigns/CampaignTableModel.h"

#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "ui/Background.h"
#include "ui/Logging.h"
#include "ui/Presentation.h"

namespace ads::ui {

using namespace ads::core;

namespace {

constexpr int kPageSize = 200;

/** Every campaign, page by page. Runs on a worker thread. */
Result<QList<Campaign>> loadAllCampaigns(const CampaignService *service)
{
    QList<Campaign> all;
    QString cursor;
    do {
        const auto page = service->listCampaigns(kPageSize, cursor);
        if (!page)
            return fail(page.error());
        all += page->items;

        // A cursor that does not move would loop forever; stop with what we have.
        if (!page->nextCursor.isEmpty() && page->nextCursor == cursor) {
            qCWarning(lcUiCampaigns)
                << "campaign list cursor did not advance; list may be incomplete";
            break;
        }
        cursor = page->nextCursor;
    } while (!cursor.isEmpty());
    return all;
}

QString platformStatesTooltip(const Campaign &campaign)
{
    QStringList lines;
    for (auto it = campaign.platformStatus.begin(); it != campaign.platformStatus.end(); ++it) {
        lines.append(CampaignTableModel::tr("%1: %2").arg(Presentation::platformTitle(it.key()),
                                                          Presentation::platformStateText(*it)));
    }
    return lines.join(u'\n');
}

} // namespace

CampaignTableModel::CampaignTableModel(CampaignService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    // The notifier fires on whichever thread made the change (an API worker, the launch engine).
    // Queued delivery keeps every model change on the GUI thread and outside other model calls.
    ChangeNotifier *notifier = service->notifier();
    connect(notifier,
            &ChangeNotifier::campaignChanged,
            this,
            &CampaignTableModel::refreshCampaign,
            Qt::QueuedConnection);
    connect(notifier,
            &ChangeNotifier::campaignRemoved,
            this,
            &CampaignTableModel::removeCampaign,
            Qt::QueuedConnection);
}

int CampaignTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_campaigns.size());
}

int CampaignTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant CampaignTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const Campaign &campaign = m_campaigns.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(campaign, column);
    case SortRole:
        return sortData(campaign, column);
    case CampaignIdRole:
        return campaign.id;
    case Qt::TextAlignmentRole:
        if (column == Column::Budget)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Status)
            return platformStatesTooltip(campaign);
        if (column == Column::Name)
            return tr("Campaign id: %1").arg(campaign.id);
        return {};
    default:
        return {};
    }
}

QVariant CampaignTableModel::displayData(const Campaign &campaign, Column column) const
{
    switch (column) {
    case Column::Name:
        return campaign.spec.name;
    case Column::Objective:
        return Presentation::objectiveTitle(campaign.spec.objective);
    case Column::Platforms:
        return Presentation::platformList(campaign.spec.platforms);
    case Column::Budget:
        return Presentation::budget(campaign.spec.budget);
    case Column::Schedule:
        return Presentation::schedule(campaign.spec.schedule);
    case Column::Status:
        return Presentation::campaignStatusText(campaign.status);
    case Column::Updated:
        return Presentation::timestamp(campaign.updatedAt);
    case Column::Count:
        break;
    }
    return {};
}

QVariant CampaignTableModel::sortData(const Campaign &campaign, Column column) const
{
    switch (column) {
    case Column::Budget:
        // Mixed currencies sort by amount alone; good enough to find the big spenders.
        return QVariant::fromValue(campaign.spec.budget.amount.micros);
    case Column::Schedule:
        return campaign.spec.schedule.startAt;
    case Column::Status:
        return int(campaign.status);
    case Column::Updated:
        return campaign.updatedAt;
    default:
        return displayData(campaign, column);
    }
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Objective:
        return tr("Objective");
    case Column::Platforms:
        return tr("Platforms");
    case Column::Budget:
        return tr("Budget");
    case Column::Schedule:
        return tr("Schedule");
    case Column::Status:
        return tr("Status");
    case Column::Updated:
        return tr("Updated");
    case Column::Count:
        break;
    }
    return {};
}

int CampaignTableModel::rowOf(const QString &campaignId) const
{
    for (qsizetype row = 0; row < m_campaigns.size(); ++row) {
        if (m_campaigns.at(row).id == campaignId)
            return int(row);
    }
    return -1;
}

const Campaign *CampaignTableModel::campaignAt(int row) const
{
    return row >= 0 && row < m_campaigns.size() ? &m_campaigns.at(row) : nullptr;
}

const Campaign *CampaignTableModel::campaign(const QString &campaignId) const
{
    return campaignAt(rowOf(campaignId));
}

void CampaignTableModel::reload()
{
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }

    m_loading = true;
    const CampaignService *service = m_service;
    runInBackground(
        this,
        [service] { return loadAllCampaigns(service); },
        [this](const Result<QList<Campaign>> &result) { applyReload(result); });
}

void CampaignTableModel::applyReload(const Result<QList<Campaign>> &result)
{
    m_loading = false;
    if (m_reloadAgain) {
        // Something asked for fresher data while this answer was on its way.
        m_reloadAgain = false;
        reload();
        return;
    }

    if (!result) {
        qCWarning(lcUiCampaigns) << "loading campaigns failed:" << result.error().message
                                 << result.error().detail;
        emit loadFailed(result.error().message);
        return;
    }

    beginResetModel();
    m_campaigns = *result;
    endResetModel();
    qCInfo(lcUiCampaigns) << "loaded" << m_campaigns.size() << "campaigns";

    // Changes announced while the list was being read may be missing from it.
    const QSet<QString> changed = std::exchange(m_changedDuringReload, {});
    for (const QString &id : changed)
        refreshCampaign(id);
    emit loaded();
}

void CampaignTableModel::refreshCampaign(const QString &campaignId)
{
    if (m_loading) {
        m_changedDuringReload.insert(campaignId);
        return;
    }
    if (m_refreshing.contains(campaignId)) {
        m_refreshAgain.insert(campaignId);
        return;
    }

    m_refreshing.insert(campaignId);
    const CampaignService *service = m_service;
    runInBackground(
        this,
        [service, campaignId] { return service->campaign(campaignId); },
        [this, campaignId](const Result<Campaign> &result) { finishRefresh(campaignId, result); });
}

void CampaignTableModel::finishRefresh(const QString &campaignId, const Result<Campaign> &result)
{
    m_refreshing.remove(campaignId);
    if (m_loading) {
        m_changedDuringReload.insert(campaignId);
    } else if (result) {
        applyCampaign(*result);
    } else if (result.error().code == ErrorCode::NotFound) {
        removeCampaign(campaignId);
    } else {
        qCWarning(lcUiCampaigns) << "refreshing campaign" << campaignId
                                 << "failed:" << result.error().message << result.error().detail;
    }

    if (m_refreshAgain.remove(campaignId))
        refreshCampaign(campaignId);
}

void CampaignTableModel::applyCampaign(const Campaign &campaign)
{
    const int row = rowOf(campaign.id);
    if (row < 0) {
        const int end = int(m_campaigns.size());
        beginInsertRows({}, end, end);
        m_campaigns.append(campaign);
        endInsertRows();
    } else {
        // A lifecycle or save answer can arrive after a fresher refresh; never step back.
        if (m_campaigns.at(row).version > campaign.version)
            return;
        m_campaigns[row] = campaign;
        emit dataChanged(index(row, 0), index(row, int(Column::Count) - 1));
    }
    emit campaignUpdated(campaign.id);
}

void CampaignTableModel::removeCampaign(const QString &campaignId)
{
    if (m_loading)
        m_changedDuringReload.insert(campaignId);

    const int row = rowOf(campaignId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_campaigns.removeAt(row);
    endRemoveRows();
}

} // namespace ads::ui
