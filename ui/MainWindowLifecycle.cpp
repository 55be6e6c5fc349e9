// The main window's campaign lifecycle actions: launch after the pre-launch check, bulk launch
// and pause, pause and resume, duplicate, schedule and delete. Kept apart from the window's
// layout code in MainWindow.cpp; every service call runs on the background pool.

#include "core/services/CampaignService.h"
#include "ui/Background.h"
#include "ui/GuiActor.h"
#include "ui/Logging.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "ui/Presentation.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/LaunchCheckDialog.h"
#include "ui/campaigns/ScheduleDialog.h"

#include <QMessageBox>
#include <QStatusBar>

namespace ads::ui {

using namespace ads::core;

namespace {

constexpr int kStatusMessageMs = 5000;

/** The platforms a campaign has objects on: deleting it switches these off first. */
QStringList platformsWithObjects(const Campaign &campaign)
{
    QStringList titles;
    for (auto it = campaign.platformStatus.begin(); it != campaign.platformStatus.end(); ++it) {
        if (!it->remoteIds.isEmpty())
            titles.append(Presentation::platformTitle(it.key()));
    }
    return titles;
}

} // namespace

void MainWindow::launchCampaign()
{
    const QStringList ids = selectedCampaignIds();
    if (ids.size() > 1) {
        runBulk(Lifecycle::Launch, ids);
        return;
    }
    if (const Campaign *campaign = selectedCampaign())
        checkThenLaunch(campaign->id, campaign->spec.name);
}

void MainWindow::pauseCampaign()
{
    const QStringList ids = selectedCampaignIds();
    if (ids.size() > 1) {
        runBulk(Lifecycle::Pause, ids);
        return;
    }
    if (const Campaign *campaign = selectedCampaign())
        runLifecycle(Lifecycle::Pause, campaign->id, campaign->spec.name);
}

void MainWindow::resumeCampaign()
{
    if (const Campaign *campaign = selectedCampaign())
        runLifecycle(Lifecycle::Resume, campaign->id, campaign->spec.name);
}

void MainWindow::checkThenLaunch(const QString &id, const QString &name)
{
    // Nothing is sent to a platform before the buyer has seen what it would refuse.
    statusBar()->showMessage(tr("Checking “%1” with its platforms…").arg(name));
    const CampaignService *service = m_service;
    runInBackground(
        this,
        [service, id] { return service->checkLaunch(id); },
        [this, id, name](const Result<LaunchCheck> &check) {
            statusBar()->clearMessage();
            if (!check) {
                m_banner->showError(
                    tr("“%1” was not launched: the pre-launch check did not run: %2")
                        .arg(name, check.error().message));
                return;
            }
            if (check->ok())
                runLifecycle(Lifecycle::Launch, id, name);
            else
                askToLaunchAnyway(id, name, *check);
        });
}

void MainWindow::askToLaunchAnyway(const QString &id,
                                   const QString &name,
                                   const LaunchCheck &check)
{
    qCInfo(lcUiCampaigns) << "pre-launch check found problems for" << id;
    auto *dialog = new LaunchCheckDialog(name, check, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, id, name] {
        qCInfo(lcUiCampaigns) << "launching" << id << "despite refusing platforms";
        runLifecycle(Lifecycle::Launch, id, name);
    });
    dialog->open();
}

void MainWindow::runLifecycle(Lifecycle action, const QString &id, const QString &name)
{
    // Which action a status allows is the service's rule; it refuses with a message we show.
    CampaignService *service = m_service;
    const Actor actor = guiActor();
    runInBackground(
        this,
        [service, id, actor, action] {
            switch (action) {
            case Lifecycle::Launch:
                return service->launch(id, actor);
            case Lifecycle::Pause:
                return service->pause(id, actor);
            case Lifecycle::Resume:
                break;
            }
            return service->resume(id, actor);
        },
        [this, id, name, action](const Result<Campaign> &result) {
            if (!result) {
                const QString message =
                    action == Lifecycle::Launch  ? tr("“%1” was not launched: %2")
                    : action == Lifecycle::Pause ? tr("“%1” was not paused: %2")
                                                 : tr("“%1” was not resumed: %2");
                m_banner->showError(message.arg(name, result.error().message));
                qCInfo(lcUiCampaigns) << "lifecycle refused for" << id << result.error().message;
                return;
            }
            m_banner->hide();
            const QString message = action == Lifecycle::Launch  ? tr("Launching “%1”…")
                                    : action == Lifecycle::Pause ? tr("Pausing “%1”…")
                                                                 : tr("Resuming “%1”…");
            statusBar()->showMessage(message.arg(name), kStatusMessageMs);

            // The engine moves on after this answer; read the store rather than trust the
            // snapshot.
            m_model->refreshCampaign(id);
        });
}

void MainWindow::runBulk(Lifecycle action, const QStringList &ids)
{
    CampaignService *service = m_service;
    const Actor actor = guiActor();
    const bool launch = action == Lifecycle::Launch;
    statusBar()->showMessage(launch ? tr("Launching %1 campaigns…").arg(ids.size())
                                    : tr("Pausing %1 campaigns…").arg(ids.size()));
    runInBackground(
        this,
        [service, ids, actor, launch] {
            return launch ? service->bulkLaunch(ids, actor) : service->bulkPause(ids, actor);
        },
        [this, action](const QList<BulkOutcome> &outcomes) { showBulkSummary(action, outcomes); });
}

void MainWindow::showBulkSummary(Lifecycle action, const QList<BulkOutcome> &outcomes)
{
    int started = 0;
    QStringList refusals;
    for (const BulkOutcome &outcome : outcomes) {
        if (outcome.result) {
            ++started;
            m_model->refreshCampaign(outcome.campaignId); // the engine moves on from here
            continue;
        }
        const Campaign *campaign = m_model->campaign(outcome.campaignId);
        const QString name = campaign ? campaign->spec.name : outcome.campaignId;
        refusals.append(tr("“%1”: %2").arg(name, outcome.result.error().message));
    }

    const bool launch = action == Lifecycle::Launch;
    const QString summary = launch
                                ? tr("%1 started, %2 refused.").arg(started).arg(refusals.size())
                                : tr("%1 pausing, %2 refused.").arg(started).arg(refusals.size());
    statusBar()->showMessage(summary, kStatusMessageMs);
    auto *box =
        new QMessageBox(refusals.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                        launch ? tr("Bulk launch") : tr("Bulk pause"),
                        summary,
                        QMessageBox::Ok,
                        this);
    box->setObjectName(QStringLiteral("bulkSummary"));
    box->setInformativeText(refusals.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::duplicateCampaign()
{
    const Campaign *campaign = selectedCampaign();
    if (!campaign)
        return;
    CampaignService *service = m_service;
    const QString id = campaign->id;
    const QString name = campaign->spec.name;
    const Actor actor = guiActor();
    runInBackground(
        this,
        [service, id, actor] { return service->duplicateCampaign(id, {}, actor); },
        [this, name](const Result<Campaign> &copy) {
            if (!copy) {
                m_banner->showError(
                    tr("“%1” was not duplicated: %2").arg(name, copy.error().message));
                return;
            }
            m_model->applyCampaign(*copy);
            selectCampaign(copy->id);
            statusBar()->showMessage(
                tr("“%1” is a draft copy of “%2”.").arg(copy->spec.name, name), kStatusMessageMs);
            openEditor(*copy);
        });
}

void MainWindow::scheduleCampaign()
{
    const Campaign *campaign = selectedCampaign();
    if (!campaign)
        return;
    auto *dialog = new ScheduleDialog(m_service, *campaign, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScheduleDialog::scheduled, this, [this](const Campaign &scheduled) {
        m_model->applyCampaign(scheduled);
        statusBar()->showMessage(
            tr("“%1” runs %2.")
                .arg(scheduled.spec.name, Presentation::schedule(scheduled.spec.schedule)),
            kStatusMessageMs);
    });
    dialog->open();
}

void MainWindow::deleteCampaign()
{
    const Campaign *campaign = selectedCampaign();
    if (!campaign)
        return;
    const QString id = campaign->id;
    const QString name = campaign->spec.name;
    const QStringList live = platformsWithObjects(*campaign);
    const QString question =
        live.isEmpty()
            ? tr("Delete “%1”? Its history and figures in AdsDesk go with it.").arg(name)
            : tr("“%1” exists on %2. Deleting it first switches it off on every platform; "
                 "AdsDesk removes it once each platform has confirmed. Its history and figures "
                 "in AdsDesk go with it.\n\nSwitch it off and delete it?")
                  .arg(name, live.join(QStringLiteral(", ")));
    const auto answer = QMessageBox::question(this,
                                              tr("Delete campaign"),
                                              question,
                                              QMessageBox::Yes | QMessageBox::Cancel,
                                              QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        removeCampaign(id, name);
}

void MainWindow::removeCampaign(const QString &id, const QString &name)
{
    CampaignService *service = m_service;
    const Actor actor = guiActor();
    runInBackground(
        this,
        [service, id, actor] {
            bool pending = false;
            const Status removed = service->deleteCampaign(id, actor, &pending);
            return std::make_pair(removed, pending);
        },
        [this, id, name](const std::pair<Status, bool> &outcome) {
            if (!outcome.first) {
                m_banner->showError(
                    tr("“%1” was not deleted: %2").arg(name, outcome.first.error().message));
                return;
            }
            if (outcome.second) {
                // The row stays, showing platforms switching off, until the core removes it.
                m_model->refreshCampaign(id);
                statusBar()->showMessage(tr("Switching “%1” off on its platforms; it is removed "
                                            "once each has confirmed.")
                                             .arg(name),
                                         kStatusMessageMs);
                return;
            }
            m_model->removeCampaign(id);
            statusBar()->showMessage(tr("Deleted “%1”.").arg(name), kStatusMessageMs);
        });
}

} // namespace ads::ui
