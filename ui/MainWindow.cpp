#include "ui/MainWindow.h"

#include "core/services/CampaignService.h"
#include "core/services/ChangeNotifier.h"
#include "core/services/Workspace.h"
#include "ui/Background.h"
#include "ui/Logging.h"
#include "ui/MessageBanner.h"
#include "ui/Presentation.h"
#include "ui/campaigns/CampaignEditorDialog.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/PlatformStatusPanel.h"
#include "ui/charts/CampaignMetricsView.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/SyncProgressWidget.h"
#include "ui/settings/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

QIcon themedIcon(const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

} // namespace

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_service(workspace->campaigns())
{
    setWindowTitle(tr("AdsDesk"));
    m_model = new CampaignTableModel(m_service, this);

    createActions();
    createMenus();
    createToolBar();
    setCentralWidget(createPages());

    m_syncProgress = new SyncProgressWidget(workspace->sync(), workspace->notifier());
    m_countLabel = new QLabel;
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_syncProgress);

    connectServices();
    updateActions();
    resize(1200, 760);

    m_model->reload();
}

MainWindow::~MainWindow()
{
    waitForBackgroundWork();
}

void MainWindow::setApiAccess(const QString &apiUrl,
                              const QString &jwtSecret,
                              std::function<QString()> mintToken)
{
    m_apiUrl = apiUrl;
    m_jwtSecret = jwtSecret;
    m_mintToken = std::move(mintToken);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text,
                       const QString &name,
                       const QKeySequence &shortcut,
                       const QIcon &icon,
                       void (MainWindow::*slot)()) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        if (!shortcut.isEmpty())
            action->setToolTip(
                tr("%1 (%2)").arg(QString(text).remove(u'&').remove(QStringLiteral("…")),
                                  shortcut.toString(QKeySequence::NativeText)));
        if (slot)
            connect(action, &QAction::triggered, this, slot);
        return action;
    };

    m_newAction = make(tr("&New campaign…"),
                       QStringLiteral("actionNewCampaign"),
                       QKeySequence::New,
                       themedIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon),
                       &MainWindow::newCampaign);
    m_editAction =
        make(tr("&Edit…"),
             QStringLiteral("actionEditCampaign"),
             QKeySequence(Qt::CTRL | Qt::Key_E),
             themedIcon(QStringLiteral("document-edit"), QStyle::SP_FileDialogDetailedView),
             &MainWindow::editCampaign);
    m_launchAction = make(tr("&Launch"),
                          QStringLiteral("actionLaunch"),
                          QKeySequence(Qt::CTRL | Qt::Key_L),
                          themedIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay),
                          &MainWindow::launchCampaign);
    m_pauseAction = make(tr("&Pause"),
                         QStringLiteral("actionPause"),
                         QKeySequence(Qt::CTRL | Qt::Key_P),
                         themedIcon(QStringLiteral("media-playback-pause"), QStyle::SP_MediaPause),
                         &MainWindow::pauseCampaign);
    m_resumeAction =
        make(tr("&Resume"),
             QStringLiteral("actionResume"),
             QKeySequence(Qt::CTRL | Qt::Key_R),
             themedIcon(QStringLiteral("media-seek-forward"), QStyle::SP_MediaSeekForward),
             &MainWindow::resumeCampaign);
    m_duplicateAction =
        make(tr("D&uplicate"),
             QStringLiteral("actionDuplicate"),
             QKeySequence(Qt::CTRL | Qt::Key_D),
             themedIcon(QStringLiteral("edit-copy"), QStyle::SP_FileDialogNewFolder),
             &MainWindow::duplicateCampaign);
    m_scheduleAction =
        make(tr("S&chedule…"),
             QStringLiteral("actionSchedule"),
             {},
             themedIcon(QStringLiteral("appointment-new"), QStyle::SP_FileDialogInfoView),
             &MainWindow::scheduleCampaign);
    m_deleteAction = make(tr("&Delete…"),
                          QStringLiteral("actionDelete"),
                          QKeySequence::Delete,
                          themedIcon(QStringLiteral("edit-delete"), QStyle::SP_TrashIcon),
                          &MainWindow::deleteCampaign);
    m_syncAction = make(tr("S&ync now"),
                        QStringLiteral("actionSyncNow"),
                        QKeySequence(Qt::Key_F5),
                        themedIcon(QStringLiteral("view-refresh"), QStyle::SP_BrowserReload),
                        &MainWindow::syncNow);
    m_settingsAction =
        make(tr("&Settings…"),
             QStringLiteral("actionSettings"),
             QKeySequence(Qt::CTRL | Qt::Key_Comma),
             themedIcon(QStringLiteral("preferences-system"), QStyle::SP_ComputerIcon),
             &MainWindow::showSettings);
    m_quitAction =
        make(tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence::Quit, {}, nullptr);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(tr("&Find campaign"), this);
    m_findAction->setObjectName(QStringLiteral("actionFind"));
    m_findAction->setShortcut(QKeySequence::Find);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_syncAction);
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *campaign = menuBar()->addMenu(tr("&Campaign"));
    campaign->addAction(m_newAction);
    campaign->addAction(m_editAction);
    campaign->addAction(m_duplicateAction);
    campaign->addAction(m_scheduleAction);
    campaign->addSeparator();
    campaign->addAction(m_launchAction);
    campaign->addAction(m_pauseAction);
    campaign->addAction(m_resumeAction);
    campaign->addSeparator();
    campaign->addAction(m_deleteAction);
    campaign->addSeparator();
    campaign->addAction(m_findAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Campaign actions"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *action : {m_newAction,
                            m_editAction,
                            m_duplicateAction,
                            m_launchAction,
                            m_pauseAction,
                            m_resumeAction,
                            m_deleteAction})
        bar->addAction(action);
    bar->addSeparator();
    bar->addAction(m_syncAction);
    bar->addAction(m_settingsAction);
}

QWidget *MainWindow::createPages()
{
    m_dashboard = new DashboardView(m_workspace);
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(createCentralArea(), tr("Ca&mpaigns"));
    m_pages->addTab(m_dashboard, tr("Das&hboard"));
    return m_pages;
}

QWidget *MainWindow::createCentralArea()
{
    m_banner = new MessageBanner;

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(
        tr("Name, platform, status… (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("Searc&h:"));
    searchLabel->setBuddy(m_search);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CampaignTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column: name, platforms, status...

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("campaignTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Shift and Ctrl pick several campaigns for bulk launch and pause.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(int(CampaignTableModel::Column::Updated), Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(int(CampaignTableModel::Column::Name),
                                                      QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_editAction,
                         m_duplicateAction,
                         m_scheduleAction,
                         m_launchAction,
                         m_pauseAction,
                         m_resumeAction,
                         m_deleteAction});

    auto *listArea = new QWidget;
    auto *listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_table);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(listArea);
    splitter->addWidget(createDetailsArea());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(
        m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_table, &QTableView::activated, this, &MainWindow::editCampaign);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &MainWindow::onSelectionChanged);
    return central;
}

QWidget *MainWindow::createDetailsArea()
{
    m_detailsTitle = new QLabel;
    m_detailsTitle->setObjectName(QStringLiteral("detailsTitle"));
    m_detailsTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_detailsTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_detailsTitle->setFont(titleFont);

    m_platformPanel = new PlatformStatusPanel;
    m_platformPanel->setService(m_service);
    auto *platformBox = new QGroupBox(tr("Platforms"));
    auto *platformLayout = new QVBoxLayout(platformBox);
    platformLayout->addWidget(m_platformPanel);

    m_metricsView = new CampaignMetricsView(m_service);
    Workspace *workspace = m_workspace;
    m_metricsView->setToday([workspace] { return workspace->now().date(); });
    auto *metricsBox = new QGroupBox(tr("Performance"));
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    metricsLayout->addWidget(m_metricsView);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(platformBox);
    splitter->addWidget(metricsBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    // The metrics view asks for far more width than the cards; start from a readable split.
    platformBox->setMinimumWidth(260);
    splitter->setSizes({380, 820});

    auto *details = new QWidget;
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_detailsTitle);
    layout->addWidget(splitter, 1);
    return details;
}

void MainWindow::connectServices()
{
    connect(m_model, &CampaignTableModel::campaignUpdated, this, &MainWindow::onCampaignUpdated);
    connect(m_model, &CampaignTableModel::loadFailed, this, [this](const QString &message) {
        qCWarning(lcUiMain) << "campaign list not loaded:" << message;
        m_banner->showError(tr("The campaigns could not be loaded: %1").arg(message));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCampaignCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCampaignCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCampaignCount);
    // The details pane starts with the first campaign rather than empty, as long as the buyer has
    // not chosen one yet.
    const auto selectFirstIfNone = [this] {
        if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_table->selectionModel()->setCurrentIndex(
                m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, selectFirstIfNone, Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, selectFirstIfNone, Qt::QueuedConnection);
}

QString MainWindow::selectedCampaignId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(CampaignTableModel::CampaignIdRole).toString()
                            : QString();
}

QStringList MainWindow::selectedCampaignIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    QStringList ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids.append(row.data(CampaignTableModel::CampaignIdRole).toString());
    return ids;
}

const Campaign *MainWindow::selectedCampaign() const
{
    const QString id = selectedCampaignId();
    return id.isEmpty() ? nullptr : m_model->campaign(id);
}

void MainWindow::selectCampaign(const QString &campaignId)
{
    const int row = m_model->rowOf(campaignId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return; // filtered out by the search
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void MainWindow::newCampaign()
{
    auto *dialog = new CampaignEditorDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CampaignEditorDialog::campaignSaved, this, &MainWindow::onCampaignSaved);
    dialog->open();
}

void MainWindow::editCampaign()
{
    if (const Campaign *campaign = selectedCampaign())
        openEditor(*campaign);
}

void MainWindow::openEditor(const Campaign &campaign)
{
    auto *dialog = new CampaignEditorDialog(m_service, campaign, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CampaignEditorDialog::campaignSaved, this, &MainWindow::onCampaignSaved);
    dialog->open();
}

void MainWindow::onCampaignSaved(const Campaign &campaign)
{
    m_model->applyCampaign(campaign);
    selectCampaign(campaign.id);
    statusBar()->showMessage(tr("Saved “%1”.").arg(campaign.spec.name), 5000);
}

void MainWindow::syncNow()
{
    m_syncProgress->requestSync();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_apiUrl, m_jwtSecret, m_mintToken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::onSelectionChanged()
{
    updateActions();
    showDetails();
}

void MainWindow::onCampaignUpdated(const QString &campaignId)
{
    if (campaignId == selectedCampaignId()) {
        updateActions();
        showDetails();
    }
}

void MainWindow::showDetails()
{
    const Campaign *campaign = selectedCampaign();
    if (const qsizetype count = selectedCampaignIds().size(); count > 1) {
        m_detailsTitle->setText(tr("%1 campaigns selected").arg(count));
        m_platformPanel->clear();
        m_metricsView->setCampaign({});
        return;
    }
    if (!campaign) {
        m_detailsTitle->setText(tr("No campaign selected"));
        m_platformPanel->clear();
        m_metricsView->setCampaign({});
        return;
    }

    m_detailsTitle->setText(tr("%1 — %2, %3")
                                .arg(campaign->spec.name,
                                     Presentation::campaignStatusText(campaign->status),
                                     Presentation::budget(campaign->spec.budget)));
    m_platformPanel->setCampaign(*campaign);
    if (m_metricsView->campaignId() != campaign->id)
        m_metricsView->setCampaign(campaign->id);
}

void MainWindow::updateActions()
{
    // Enabled by selection only: whether a draft can be paused is the service's call, not ours.
    // Launch and pause also work on several campaigns at once; the rest take one.
    const bool single = selectedCampaign() != nullptr;
    const bool any = !selectedCampaignIds().isEmpty();
    for (QAction *action :
         {m_editAction, m_duplicateAction, m_scheduleAction, m_resumeAction, m_deleteAction})
        action->setEnabled(single);
    m_launchAction->setEnabled(any);
    m_pauseAction->setEnabled(any);
    m_syncAction->setEnabled(m_workspace->sync() != nullptr);
}

QString MainWindow::syncStatusText() const
{
    return m_syncProgress->text();
}

void MainWindow::updateCampaignCount()
{
    // Spelled out rather than "%n campaign(s)": no English plural translation is loaded.
    const int count = m_model->rowCount();
    m_countLabel->setText(count == 1 ? tr("1 campaign") : tr("%1 campaigns").arg(count));
}

} // namespace ads::ui
