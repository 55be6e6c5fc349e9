#pragma once

#include "core/domain/Campaign.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace ads::core {
class CampaignService;
}

namespace ads::ui {

/**
 * Sets when a campaign starts and ends. Times are shown and typed in local time and stored in
 * UTC. A draft becomes scheduled and starts by itself; a live campaign only takes a new end.
 * The dialog closes once the service has accepted the schedule.
 */
class ScheduleDialog : public QDialog
{
    Q_OBJECT

public:
    ScheduleDialog(core::CampaignService *service,
                   const core::Campaign &campaign,
                   QWidget *parent = nullptr);

    /** The schedule as the form reads now, in UTC. */
    core::Schedule schedule() const;

    QString errorText() const;

public slots:
    void accept() override;

signals:
    void scheduled(const core::Campaign &campaign);

private:
    void fill(const core::Schedule &schedule);
    void finish(const core::Result<core::Campaign> &result);

    core::CampaignService *m_service;
    QString m_campaignId;
    QDateTimeEdit *m_start;
    QCheckBox *m_hasEnd;
    QDateTimeEdit *m_end;
    QLabel *m_error;
    QPushButton *m_ok = nullptr;
};

} // namespace ads::ui
