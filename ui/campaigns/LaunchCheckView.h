#pragma once

#include "core/services/CampaignService.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace ads::ui {

/**
 * The pre-launch check of a campaign, platform by platform: what each would refuse, what it warns
 * about, its budget share and how many objects a launch creates there. Shows; decides nothing.
 */
class LaunchCheckView : public QWidget
{
    Q_OBJECT

public:
    explicit LaunchCheckView(QWidget *parent = nullptr);

    void showCheck(const core::LaunchCheck &check);

    /** A line in place of the platforms: "Checking…", or why the check did not run. */
    void showMessage(const QString &text);

    /** Whatever the view shows for a platform, title and details; empty when not listed. */
    QString platformText(core::Platform platform) const;

    QString message() const;

    /** Platforms the last check says would refuse the campaign. */
    QList<core::Platform> refusingPlatforms() const { return m_refusing; }

private:
    void clearRows();
    void addPlatform(core::Platform platform, const core::PlatformCheck &check);

    QLabel *m_message;
    QVBoxLayout *m_rows;
    QList<QWidget *> m_rowWidgets;
    QMap<core::Platform, QString> m_texts;
    QList<core::Platform> m_refusing;
};

} // namespace ads::ui
