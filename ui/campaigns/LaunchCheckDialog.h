#pragma once

#include "core/services/CampaignService.h"

#include <QDialog>

class QPushButton;

namespace ads::ui {

class LaunchCheckView;

/**
 * Asked before a launch that some platform would refuse: shows per platform what it would refuse
 * and lets the buyer launch anyway (the others go, the refusing ones end rejected) or cancel.
 * Accepted means "launch anyway".
 */
class LaunchCheckDialog : public QDialog
{
    Q_OBJECT

public:
    LaunchCheckDialog(const QString &campaignName,
                      const core::LaunchCheck &check,
                      QWidget *parent = nullptr);

    QPushButton *launchAnywayButton() const { return m_launchAnyway; }

    LaunchCheckView *checkView() const { return m_view; }

private:
    LaunchCheckView *m_view;
    QPushButton *m_launchAnyway = nullptr;
};

} // namespace ads::ui
