#pragma once

#include "core/domain/Campaign.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace ads::ui {

/**
 * Where each of a campaign's platforms stands, in a buyer's words: live, paused, or rejected and
 * why; its budget share, the ids the platform gave the objects, and any warnings.
 */
class PlatformStatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PlatformStatusPanel(QWidget *parent = nullptr);

    void setCampaign(const core::Campaign &campaign);
    void clear();

    /** The state line shown for a platform, empty when the platform is not listed. */
    QString stateText(core::Platform platform) const;

    /** The budget share line shown for a platform. */
    QString shareText(core::Platform platform) const;

private:
    QWidget *makeCard(core::Platform platform, const core::Campaign &campaign, qint64 shareMicros);
    void addDetailLine(QVBoxLayout *layout, const QString &text, bool selectable = false);

    QWidget *m_cards;
    QVBoxLayout *m_cardsLayout;
    QLabel *m_placeholder;
    QMap<core::Platform, QLabel *> m_stateLabels;
    QMap<core::Platform, QLabel *> m_shareLabels;
};

} // namespace ads::ui
