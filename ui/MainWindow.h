#pragma once

#include "core/domain/Campaign.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace ads::core {
class CampaignService;
class Workspace;
struct BulkOutcome;
struct LaunchCheck;
} // namespace ads::core

namespace ads::ui {

class CampaignMetricsView;
class CampaignTableModel;
class DashboardView;
class MessageBanner;
class PlatformStatusPanel;
class SyncProgressWidget;

/**
 * The desktop program's window: the campaign table with search, the selected campaign's platforms
 * and figures, and the lifecycle actions. Everything it shows comes from the workspace's services
 * and follows their change notices, so edits made through the local API appear here at once.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(core::Workspace *workspace, QWidget *parent = nullptr);

    /** Waits for service calls still running in the background, which use the workspace. */
    ~MainWindow() override;

    /** What Settings shows; the app passes it in because it runs the local API. */
    void setApiAccess(const QString &apiUrl,
                      const QString &jwtSecret,
                      std::function<QString()> mintToken);

    CampaignTableModel *campaignModel() const { return m_model; }

    QTableView *campaignTable() const { return m_table; }

    QLineEdit *searchField() const { return m_search; }

    PlatformStatusPanel *platformPanel() const { return m_platformPanel; }

    CampaignMetricsView *metricsView() const { return m_metricsView; }

    MessageBanner *banner() const { return m_banner; }

    DashboardView *dashboard() const { return m_dashboard; }

    /** The "Campaigns" and "Dashboard" pages. */
    QTabWidget *pages() const { return m_pages; }

    SyncProgressWidget *syncProgress() const { return m_syncProgress; }

    QString syncStatusText() const;

    /** The one selected campaign; empty when none or several are selected. */
    QString selectedCampaignId() const;

    /** Every selected campaign, top to bottom as the table shows them. */
    QStringList selectedCampaignIds() const;

    void selectCampaign(const QString &campaignId);

public slots:
    void newCampaign();
    void editCampaign();

    /** Checks first; asks before launching what a platform would refuse. Bulk for a selection. */
    void launchCampaign();
    void pauseCampaign();
    void resumeCampaign();
    void duplicateCampaign();
    void scheduleCampaign();
    void deleteCampaign();
    void syncNow();
    void showSettings();

private:
    enum class Lifecycle
    {
        Launch,
        Pause,
        Resume,
    };

    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createPages();
    QWidget *createCentralArea();
    QWidget *createDetailsArea();
    void connectServices();

    void runLifecycle(Lifecycle action, const QString &id, const QString &name);
    void checkThenLaunch(const QString &id, const QString &name);
    void askToLaunchAnyway(const QString &id, const QString &name, const core::LaunchCheck &check);
    void runBulk(Lifecycle action, const QStringList &ids);
    void showBulkSummary(Lifecycle action, const QList<core::BulkOutcome> &outcomes);
    void removeCampaign(const QString &id, const QString &name);
    void openEditor(const core::Campaign &campaign);
    void onCampaignSaved(const core::Campaign &campaign);
    void onSelectionChanged();
    void onCampaignUpdated(const QString &campaignId);
    void showDetails();
    void updateActions();
    void updateCampaignCount();
    const core::Campaign *selectedCampaign() const;

    core::Workspace *m_workspace;
    core::CampaignService *m_service;

    QString m_apiUrl;
    QString m_jwtSecret;
    std::function<QString()> m_mintToken;

    CampaignTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    MessageBanner *m_banner = nullptr;
    QLabel *m_detailsTitle = nullptr;
    PlatformStatusPanel *m_platformPanel = nullptr;
    CampaignMetricsView *m_metricsView = nullptr;
    QTabWidget *m_pages = nullptr;
    DashboardView *m_dashboard = nullptr;
    SyncProgressWidget *m_syncProgress = nullptr;
    QLabel *m_countLabel = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_launchAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_scheduleAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace ads::ui
