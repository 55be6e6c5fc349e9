#include "ui/dashboard/DateRangePicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace ads::ui {

DateRangePicker::DateRangePicker(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox)
    , m_from(new QDateEdit)
    , m_to(new QDateEdit)
{
    m_preset->setObjectName(QStringLiteral("rangePreset"));
    m_preset->addItem(tr("Last 7 days"), int(Preset::Last7Days));
    m_preset->addItem(tr("Last 30 days"), int(Preset::Last30Days));
    m_preset->addItem(tr("Last 90 days"), int(Preset::Last90Days));
    m_preset->addItem(tr("This month"), int(Preset::ThisMonth));
    m_preset->addItem(tr("Last month"), int(Preset::LastMonth));
    m_preset->addItem(tr("Custom"), int(Preset::Custom));

    // The analytics answer from 1970 on; the picker offers no day they would refuse.
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setMinimumDate(QDate(1970, 1, 1));
    }

    auto *periodLabel = new QLabel(tr("&Period:"));
    periodLabel->setBuddy(m_preset);
    auto *fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"));
    toLabel->setBuddy(m_to);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : std::initializer_list<QWidget *>{periodLabel, m_preset, fromLabel, m_from, toLabel, m_to})
        row->addWidget(widget);

    connect(m_preset, &QComboBox::activated, this, &DateRangePicker::onPresetActivated);
    connect(m_from, &QDateEdit::dateChanged, this, &DateRangePicker::onDatesEdited);
    connect(m_to, &QDateEdit::dateChanged, this, &DateRangePicker::onDatesEdited);

    const QSignalBlocker quiet(this);
    setPreset(Preset::Last30Days);
}

std::pair<QDate, QDate> DateRangePicker::presetDates(Preset preset, const QDate &today)
{
    // Report days are dates; today is the last one, even while it is still under way.
    const QDate firstOfMonth(today.year(), today.month(), 1);
    switch (preset) {
    case Preset::Last7Days:
        return {today.addDays(-6), today};
    case Preset::Last30Days:
        return {today.addDays(-29), today};
    case Preset::Last90Days:
        return {today.addDays(-89), today};
    case Preset::ThisMonth:
        return {firstOfMonth, today};
    case Preset::LastMonth:
        return {firstOfMonth.addMonths(-1), firstOfMonth.addDays(-1)};
    case Preset::Custom:
        break;
    }
    return {};
}

void DateRangePicker::setToday(std::function<QDate()> today)
{
    m_today = std::move(today);
    followClock();
}

QDate DateRangePicker::today() const
{
    return m_today ? m_today() : QDate::currentDate();
}

void DateRangePicker::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    if (preset != Preset::Custom) {
        const auto [from, to] = presetDates(preset, today());
        showDates(from, to);
    }
    emit rangeChanged();
}

DateRangePicker::Preset DateRangePicker::preset() const
{
    return Preset(m_preset->currentData().toInt());
}

void DateRangePicker::setRange(const QDate &from, const QDate &to)
{
    m_preset->setCurrentIndex(m_preset->findData(int(Preset::Custom)));
    showDates(from, to);
    emit rangeChanged();
}

bool DateRangePicker::followClock()
{
    if (preset() == Preset::Custom)
        return false;
    const auto [from, to] = presetDates(preset(), today());
    if (from == m_from->date() && to == m_to->date())
        return false;
    showDates(from, to);
    return true;
}

QDate DateRangePicker::from() const
{
    return m_from->date();
}

QDate DateRangePicker::to() const
{
    return m_to->date();
}

void DateRangePicker::onPresetActivated(int index)
{
    setPreset(Preset(m_preset->itemData(index).toInt()));
}

void DateRangePicker::onDatesEdited()
{
    // A hand-picked date no longer matches any preset.
    m_preset->setCurrentIndex(m_preset->findData(int(Preset::Custom)));
    emit rangeChanged();
}

void DateRangePicker::showDates(const QDate &from, const QDate &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
}

} // namespace ads::ui
