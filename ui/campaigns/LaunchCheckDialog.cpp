#include "ui/campaigns/LaunchCheckDialog.h"

#include "ui/campaigns/LaunchCheckView.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

LaunchCheckDialog::LaunchCheckDialog(const QString &campaignName,
                                     const LaunchCheck &check,
                                     QWidget *parent)
    : QDialog(parent)
    , m_view(new LaunchCheckView)
{
    setObjectName(QStringLiteral("launchCheckDialog"));
    setWindowTitle(tr("Launch “%1”?").arg(campaignName));
    m_view->showCheck(check);

    const bool someGo = m_view->refusingPlatforms().size() < check.platforms.size();
    auto *intro = new QLabel(
        someGo ? tr("Some platforms would refuse this campaign. If you launch anyway, the others "
                    "start and each refusing platform ends “Rejected” with the reason below.")
               : tr("Every platform would refuse this campaign. Fix the problems below in the "
                    "editor, then launch again."));
    intro->setWordWrap(true);

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_launchAnyway = buttons->addButton(tr("&Launch anyway"), QDialogButtonBox::AcceptRole);
    m_launchAnyway->setObjectName(QStringLiteral("launchAnyway"));
    m_launchAnyway->setEnabled(someGo);
    m_launchAnyway->setAutoDefault(false);
    // Enter must not launch what a platform refuses; launching anyway is a deliberate choice.
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(620, 420);
}

} // namespace ads::ui
