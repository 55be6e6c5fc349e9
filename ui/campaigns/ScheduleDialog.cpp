#include "ui/campaigns/ScheduleDialog.h"

#include "core/services/CampaignService.h"
#include "ui/Background.h"
#include "ui/GuiActor.h"
#include "ui/Logging.h"
#include "ui/Presentation.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

const QString kDateTimeFormat = QStringLiteral("d MMM yyyy HH:mm");

QDateTimeEdit *makeDateTimeEdit(const QString &name)
{
    auto *edit = new QDateTimeEdit;
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(kDateTimeFormat);
    edit->setTimeSpec(Qt::LocalTime);
    return edit;
}

QString zoneNote()
{
    const QDateTime now = QDateTime::currentDateTime();
    return ScheduleDialog::tr("Times are in your time zone (%1); AdsDesk stores them in UTC.")
        .arg(now.timeZoneAbbreviation());
}

/** Service messages name fields by their JSON names ("must be after startAt"); say it plainly. */
QString plainMessage(QString message)
{
    message.replace(QStringLiteral("schedule.startAt"), ScheduleDialog::tr("the start"));
    message.replace(QStringLiteral("schedule.endAt"), ScheduleDialog::tr("the end"));
    message.replace(QStringLiteral("startAt"), ScheduleDialog::tr("the start"));
    message.replace(QStringLiteral("endAt"), ScheduleDialog::tr("the end"));
    return message;
}

} // namespace

ScheduleDialog::ScheduleDialog(CampaignService *service, const Campaign &campaign, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_campaignId(campaign.id)
    , m_start(makeDateTimeEdit(QStringLiteral("scheduleStart")))
    , m_hasEnd(new QCheckBox(tr("&Ends:")))
    , m_end(makeDateTimeEdit(QStringLiteral("scheduleEnd")))
    , m_error(new QLabel)
{
    setWindowTitle(tr("Schedule “%1”").arg(campaign.spec.name));
    m_hasEnd->setObjectName(QStringLiteral("scheduleHasEnd"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *startLabel = new QLabel(tr("&Starts:"));
    startLabel->setBuddy(m_start);
    auto *form = new QFormLayout;
    form->addRow(startLabel, m_start);
    form->addRow(m_hasEnd, m_end);
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("S&chedule"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ScheduleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(zoneNote()));
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    fill(campaign.spec.schedule);
}

void ScheduleDialog::fill(const Schedule &schedule)
{
    // An unscheduled campaign starts at the next full hour, the way the editor proposes it.
    QDateTime start = schedule.startAt.toLocalTime();
    if (!start.isValid()) {
        start = QDateTime::currentDateTime();
        start = QDateTime(start.date(), QTime(start.time().hour(), 0)).addSecs(3600);
    }
    m_start->setDateTime(start);
    const bool hasEnd = schedule.endAt.isValid();
    m_hasEnd->setChecked(hasEnd);
    m_end->setEnabled(hasEnd);
    m_end->setDateTime(hasEnd ? schedule.endAt.toLocalTime() : start.addDays(30));
}

Schedule ScheduleDialog::schedule() const
{
    Schedule schedule;
    schedule.startAt = m_start->dateTime().toUTC();
    if (m_hasEnd->isChecked())
        schedule.endAt = m_end->dateTime().toUTC();
    return schedule;
}

QString ScheduleDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ScheduleDialog::accept()
{
    if (!m_ok->isEnabled())
        return; // a save is on its way
    m_ok->setEnabled(false);
    CampaignService *service = m_service;
    const QString id = m_campaignId;
    const Schedule wanted = schedule();
    const Actor actor = guiActor();
    runInBackground(
        this,
        [service, id, wanted, actor] { return service->scheduleCampaign(id, wanted, actor); },
        [this](const Result<Campaign> &result) { finish(result); });
}

void ScheduleDialog::finish(const Result<Campaign> &result)
{
    m_ok->setEnabled(true);
    if (result) {
        emit scheduled(*result);
        QDialog::accept();
        return;
    }

    const Error &error = result.error();
    qCInfo(lcUiCampaigns) << "schedule refused for" << m_campaignId << error.message;
    QStringList lines;
    for (const FieldError &field : error.fields) {
        // The service names the dialog's own fields bare ("endAt"); the spec's carry "schedule.".
        const QString path =
            field.field.startsWith(u"schedule") ? field.field : u"schedule." + field.field;
        lines.append(Presentation::problemText({path, plainMessage(field.message)}));
    }
    if (lines.isEmpty())
        lines.append(error.message);
    m_error->setText(tr("Not scheduled: %1").arg(lines.join(u' ')));
    m_error->show();
}

} // namespace ads::ui
