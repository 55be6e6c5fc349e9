#pragma once

#include "core/domain/Campaign.h"

#include <QMap>
#include <QSet>
#include <QWidget>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace ads::core {
class CampaignService;
}

namespace ads::ui {

/**
 * Where each of a campaign's platforms stands, in a buyer's words: live, paused, or rejected and
 * why; progress while launching, pausing or resuming; when a throttled platform is retried; its
 * budget share, the ids the platform gave the objects, and any warnings.
 *
 * The window feeds it the campaign each time the table model has read a change notice, so it
 * follows the launch engine live.
 */
class PlatformStatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PlatformStatusPanel(QWidget *parent = nullptr);

    /** Lets launch progress count against the objects the pre-launch check plans. Optional. */
    void setService(core::CampaignService *service);

    void setCampaign(const core::Campaign &campaign);
    void clear();

    /** The state line shown for a platform, empty when the platform is not listed. */
    QString stateText(core::Platform platform) const;

    /** The budget share line shown for a platform. */
    QString shareText(core::Platform platform) const;

    /** The progress line of a platform that is launching, pausing or resuming, else empty. */
    QString progressText(core::Platform platform) const;

    /** The progress bar of such a platform, else nullptr. */
    QProgressBar *progressBar(core::Platform platform) const
    {
        return m_progressBars.value(platform);
    }

signals:
    /** The steps planned for the shown campaign arrived, so progress shows against them now. */
    void plannedStepsChanged();

private:
    QWidget *makeCard(core::Platform platform, const core::Campaign &campaign, qint64 shareMicros);
    void addProgress(QVBoxLayout *layout,
                     core::Platform platform,
                     const core::PlatformStatus &status);
    void addDetailLine(QVBoxLayout *layout, const QString &text, bool selectable = false);
    void addRemoteIds(QVBoxLayout *layout,
                      core::Platform platform,
                      const QMap<QString, QString> &remoteIds);
    void fetchPlannedSteps(const core::Campaign &campaign);

    QWidget *m_cards;
    QVBoxLayout *m_cardsLayout;
    QLabel *m_placeholder;
    QMap<core::Platform, QLabel *> m_stateLabels;
    QMap<core::Platform, QLabel *> m_shareLabels;
    QMap<core::Platform, QLabel *> m_progressLabels;
    QMap<core::Platform, QProgressBar *> m_progressBars;

    core::CampaignService *m_service = nullptr;
    core::Campaign m_campaign;
    QString m_plannedFor; // the campaign m_plannedSteps belong to, once asked for
    QMap<core::Platform, int> m_plannedSteps;
    QSet<core::Platform> m_idsShown; // platforms whose ids the buyer unfolded
};

} // namespace ads::ui
