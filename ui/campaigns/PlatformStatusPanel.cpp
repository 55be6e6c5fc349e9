#include "ui/campaigns/PlatformStatusPanel.h"

#include "core/services/CampaignService.h"
#include "ui/Background.h"
#include "ui/Logging.h"
#include "ui/Presentation.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

/** A colour hint beside the words, so a rejected platform stands out in a long list. */
QString stateColor(PlatformState state)
{
    switch (state) {
    case PlatformState::Active:
        return QStringLiteral("#2e7d32");
    case PlatformState::Rejected:
    case PlatformState::Failed:
    case PlatformState::NeedsReauth:
        return QStringLiteral("#c62828");
    case PlatformState::Throttled:
    case PlatformState::Paused:
        return QStringLiteral("#a15c00");
    default:
        return {};
    }
}

/** The spec's platforms in the order written, then any that still report but were dropped. */
QList<Platform> shownPlatforms(const Campaign &campaign)
{
    QList<Platform> platforms = campaignPlatforms(campaign.spec);
    for (auto it = campaign.platformStatus.begin(); it != campaign.platformStatus.end(); ++it) {
        if (!platforms.contains(it.key()))
            platforms.append(it.key());
    }
    return platforms;
}

bool isMoving(PlatformState state)
{
    return state == PlatformState::Launching || state == PlatformState::Pausing
           || state == PlatformState::Resuming;
}

bool anyLaunching(const Campaign &campaign)
{
    for (const PlatformStatus &status : campaign.platformStatus) {
        if (status.state == PlatformState::Launching)
            return true;
    }
    return false;
}

QString remoteIdsText(const QMap<QString, QString> &remoteIds)
{
    QStringList lines;
    for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it)
        lines.append(
            PlatformStatusPanel::tr("%1: %2", "object, remote id").arg(it.key(), it.value()));
    return lines.join(u'\n');
}

} // namespace

PlatformStatusPanel::PlatformStatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_cards(new QWidget)
    , m_cardsLayout(new QVBoxLayout(m_cards))
    , m_placeholder(new QLabel(tr("Select a campaign to see where it runs.")))
{
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    m_cardsLayout->addWidget(m_placeholder);
    m_cardsLayout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_cards);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // cards wrap instead

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void PlatformStatusPanel::clear()
{
    while (m_cardsLayout->count() > 0) {
        QLayoutItem *item = m_cardsLayout->takeAt(0);
        if (item->widget() && item->widget() != m_placeholder)
            item->widget()->deleteLater();
        delete item;
    }
    m_stateLabels.clear();
    m_shareLabels.clear();
    m_progressLabels.clear();
    m_progressBars.clear();

    m_placeholder->show();
    m_cardsLayout->addWidget(m_placeholder);
    m_cardsLayout->addStretch(1);
}

void PlatformStatusPanel::setService(CampaignService *service)
{
    m_service = service;
}

void PlatformStatusPanel::setCampaign(const Campaign &campaign)
{
    clear();
    if (campaign.id != m_campaign.id)
        m_idsShown.clear();
    m_campaign = campaign;
    if (anyLaunching(campaign))
        fetchPlannedSteps(campaign);
    const QList<Platform> platforms = shownPlatforms(campaign);
    if (platforms.isEmpty()) {
        m_placeholder->setText(tr("This campaign has no platforms yet."));
        return;
    }
    m_placeholder->hide();

    // Before launch the store holds no per-platform share yet; show what the split will be.
    const QMap<Platform, qint64> planned =
        splitBudget(campaign.spec.budget, campaignPlatforms(campaign.spec));
    int position = 0;
    for (Platform platform : platforms) {
        const auto status = campaign.platformStatus.constFind(platform);
        const bool stored =
            status != campaign.platformStatus.cend() && !status->budget.currency.isEmpty();
        const qint64 share = stored ? status->budget.micros : planned.value(platform);
        m_cardsLayout->insertWidget(position++, makeCard(platform, campaign, share));
    }
}

QWidget *PlatformStatusPanel::makeCard(Platform platform,
                                       const Campaign &campaign,
                                       qint64 shareMicros)
{
    const PlatformStatus status = campaign.platformStatus.value(platform);
    const QString platformTitle = Presentation::platformTitle(platform);
    auto *card = new QFrame;
    card->setFrameShape(QFrame::StyledPanel);
    card->setObjectName(QStringLiteral("platformCard-%1").arg(platformName(platform)));
    auto *layout = new QVBoxLayout(card);

    // Name above state: a rejection reason needs the card's full width to stay readable.
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(platformTitle.toHtmlEscaped()));
    auto *state = new QLabel(Presentation::platformStateText(status));
    state->setTextFormat(Qt::PlainText); // platform messages may hold markup-like text
    state->setWordWrap(true);
    state->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    if (const QString color = stateColor(status.state); !color.isEmpty())
        state->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(color));
    layout->addWidget(title);
    layout->addWidget(state);
    m_stateLabels.insert(platform, state);
    if (isMoving(status.state))
        addProgress(layout, platform, status);

    Budget share = campaign.spec.budget;
    share.amount.micros = shareMicros;
    auto *shareLabel = new QLabel(tr("Budget share: %1").arg(Presentation::budget(share)));
    layout->addWidget(shareLabel);
    m_shareLabels.insert(platform, shareLabel);

    if (status.error && !status.error->platformMessage.isEmpty()
        && status.error->platformMessage != status.error->message) {
        const QString said =
            tr("%1 said: %2 %3")
                .arg(platformTitle, status.error->platformCode, status.error->platformMessage);
        addDetailLine(layout, said.simplified(), true);
    } else if (status.error && !status.error->platformCode.isEmpty()) {
        addDetailLine(
            layout, tr("%1's code: %2").arg(platformTitle, status.error->platformCode), true);
    }
    for (const QString &warning : status.warnings)
        addDetailLine(layout, tr("Warning: %1").arg(warning));
    if (!status.remoteIds.isEmpty())
        addRemoteIds(layout, platform, status.remoteIds);
    if (status.updatedAt.isValid())
        addDetailLine(layout, tr("Updated %1").arg(Presentation::timestamp(status.updatedAt)));
    return card;
}

void PlatformStatusPanel::addProgress(QVBoxLayout *layout,
                                      Platform platform,
                                      const PlatformStatus &status)
{
    auto *bar = new QProgressBar;
    bar->setObjectName(QStringLiteral("progress-%1").arg(platformName(platform)));
    bar->setTextVisible(false); // busy bars show no text in most styles; the label says it all
    bar->setMaximumHeight(bar->fontMetrics().height());
    QString text;
    if (status.state == PlatformState::Launching) {
        // Steps done are counted as the remote ids stored so far, against the objects the
        // pre-launch check plans. Not exact (a step may record more than one id, a plan may
        // change between check and launch), but good enough to show how far along it is.
        const int planned = m_plannedSteps.value(platform);
        const int done = int(status.remoteIds.size());
        if (planned > 0) {
            bar->setRange(0, planned);
            bar->setValue(std::min(done, planned));
            text = tr("%1 of %2 objects created").arg(std::min(done, planned)).arg(planned);
        } else {
            bar->setRange(0, 0);
            text = tr("%1 objects created so far").arg(done);
        }
    } else {
        bar->setRange(0, 0); // one call to the platform: nothing to count
        text =
            status.state == PlatformState::Pausing
                ? tr("Turning delivery off at %1…").arg(Presentation::platformTitle(platform))
                : tr("Turning delivery back on at %1…").arg(Presentation::platformTitle(platform));
    }
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    layout->addWidget(bar);
    m_progressLabels.insert(platform, label);
    m_progressBars.insert(platform, bar);
}

void PlatformStatusPanel::addRemoteIds(QVBoxLayout *layout,
                                       Platform platform,
                                       const QMap<QString, QString> &remoteIds)
{
    const QString title = Presentation::platformTitle(platform);
    addDetailLine(layout, tr("Ids on %1:").arg(title) + u'\n' + remoteIdsText(remoteIds), true);
    QLabel *ids = qobject_cast<QLabel *>(layout->itemAt(layout->count() - 1)->widget());

    // A launch leaves a dozen ids; folded away they no longer push the next platform's state
    // out of sight. The choice survives the card being rebuilt on every change notice.
    auto *toggle = new QToolButton;
    toggle->setObjectName(QStringLiteral("showIds-%1").arg(platformName(platform)));
    toggle->setText(tr("Ids on %1 (%2)").arg(title).arg(remoteIds.size()));
    toggle->setCheckable(true);
    toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle->setAutoRaise(true);
    const bool shown = m_idsShown.contains(platform);
    toggle->setChecked(shown);
    toggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    ids->setVisible(shown);
    layout->insertWidget(layout->count() - 1, toggle);
    connect(toggle, &QToolButton::toggled, this, [this, toggle, ids, platform](bool on) {
        ids->setVisible(on);
        toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        if (on)
            m_idsShown.insert(platform);
        else
            m_idsShown.remove(platform);
    });
}

void PlatformStatusPanel::fetchPlannedSteps(const Campaign &campaign)
{
    // Keyed by version too: a failed campaign can be edited and launched again.
    const QString key = QStringLiteral("%1@%2").arg(campaign.id).arg(campaign.version);
    if (!m_service || m_plannedFor == key)
        return;
    m_plannedFor = key;
    m_plannedSteps.clear();

    const CampaignService *service = m_service;
    const QString id = campaign.id;
    runInBackground(
        this,
        [service, id] { return service->checkLaunch(id); },
        [this, id, key](const Result<LaunchCheck> &check) {
            if (m_plannedFor != key)
                return; // another campaign is shown by now
            if (!check) {
                qCInfo(lcUiCampaigns) << "no planned steps for" << id << check.error().message;
                return;
            }
            for (auto it = check->platforms.begin(); it != check->platforms.end(); ++it)
                m_plannedSteps.insert(it.key(), it->steps);
            if (m_campaign.id == id)
                setCampaign(m_campaign);
            emit plannedStepsChanged();
        });
}

void PlatformStatusPanel::addDetailLine(QVBoxLayout *layout, const QString &text, bool selectable)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    if (selectable) {
        // Buyers paste remote ids and platform codes into support tickets.
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    layout->addWidget(label);
}

QString PlatformStatusPanel::stateText(Platform platform) const
{
    const QLabel *label = m_stateLabels.value(platform);
    return label ? label->text() : QString();
}

QString PlatformStatusPanel::shareText(Platform platform) const
{
    const QLabel *label = m_shareLabels.value(platform);
    return label ? label->text() : QString();
}

QString PlatformStatusPanel::progressText(Platform platform) const
{
    const QLabel *label = m_progressLabels.value(platform);
    return label ? label->text() : QString();
}

} // namespace ads::ui
