#pragma once

#include <QDate>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;

namespace ads::ui {

/**
 * A reporting period: presets that follow the clock ("last 30 days", "last month") or custom
 * from/to dates. Emits rangeChanged once per change the buyer makes.
 */
class DateRangePicker : public QWidget
{
    Q_OBJECT

public:
    enum class Preset
    {
        Last7Days,
        Last30Days,
        Last90Days,
        ThisMonth,
        LastMonth,
        Custom,
    };
    Q_ENUM(Preset)

    explicit DateRangePicker(QWidget *parent = nullptr);

    /** Where "today" comes from; the workspace passes its sandbox-aware clock. */
    void setToday(std::function<QDate()> today);

    void setPreset(Preset preset);
    Preset preset() const;

    /** Picks a custom period. */
    void setRange(const QDate &from, const QDate &to);

    /** Moves a clock-following preset to today's dates; true when they changed. */
    bool followClock();

    QDate from() const;
    QDate to() const;

    /** The period's dates for a preset, as of today. */
    static std::pair<QDate, QDate> presetDates(Preset preset, const QDate &today);

signals:
    void rangeChanged();

private:
    void onPresetActivated(int index);
    void onDatesEdited();
    void showDates(const QDate &from, const QDate &to);
    QDate today() const;

    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    std::function<QDate()> m_today;
};

} // namespace ads::ui
