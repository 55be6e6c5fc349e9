#include "core/sandbox/Delivery.h"

#include "core/sandbox/SandboxContext.h"

#include <QDateTime>

#include <algorithm>

namespace ads::core::sandbox {

namespace intervals {

QList<Interval> fromHistory(const QList<StatusChange> &history,
                            const std::function<bool(const QString &)> &isOn,
                            qint64 untilMs)
{
    QList<Interval> spans;
    qint64 openedAt = -1;
    for (const StatusChange &change : history) {
        const bool on = isOn(change.status);
        if (on && openedAt < 0) {
            openedAt = change.atMs;
        } else if (!on && openedAt >= 0) {
            if (change.atMs > openedAt)
                spans.append({openedAt, change.atMs});
            openedAt = -1;
        }
    }
    if (openedAt >= 0 && untilMs > openedAt)
        spans.append({openedAt, untilMs});
    return spans;
}

QList<Interval> intersect(const QList<Interval> &a, const QList<Interval> &b)
{
    QList<Interval> result;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        const qint64 start = std::max(a[i].startMs, b[j].startMs);
        const qint64 end = std::min(a[i].endMs, b[j].endMs);
        if (start < end)
            result.append({start, end});
        if (a[i].endMs < b[j].endMs)
            ++i;
        else
            ++j;
    }
    return result;
}

QList<Interval> unite(const QList<Interval> &a, const QList<Interval> &b)
{
    QList<Interval> all = a + b;
    std::sort(all.begin(), all.end(), [](const Interval &x, const Interval &y) {
        return x.startMs < y.startMs;
    });
    QList<Interval> result;
    for (const Interval &span : all) {
        if (!result.isEmpty() && span.startMs <= result.last().endMs)
            result.last().endMs = std::max(result.last().endMs, span.endMs);
        else
            result.append(span);
    }
    return result;
}

qint64 overlap(const QList<Interval> &spans, qint64 startMs, qint64 endMs)
{
    qint64 total = 0;
    for (const Interval &span : spans) {
        const qint64 start = std::max(span.startMs, startMs);
        const qint64 end = std::min(span.endMs, endMs);
        if (start < end)
            total += end - start;
    }
    return total;
}

} // namespace intervals

namespace {

/** Base rates per objective; each day varies them by up to +-20 %. */
struct Rates
{
    qint64 cpmMicros;   // cost per thousand impressions
    qint64 ctrPpm;      // clicks per million impressions
    qint64 cvrPpm;      // conversions per million clicks
    qint64 valueMicros; // value per conversion
};

Rates ratesFor(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return {3'500'000, 4'000, 10'000, 30'000'000};
    case Objective::Traffic:
        return {7'000'000, 15'000, 20'000, 45'000'000};
    case Objective::Engagement:
        return {5'500'000, 11'000, 15'000, 35'000'000};
    case Objective::Leads:
        return {11'000'000, 12'000, 80'000, 15'000'000};
    case Objective::AppInstalls:
        return {9'000'000, 10'000, 100'000, 5'000'000};
    case Objective::Conversions:
    case Objective::Sales:
        return {13'000'000, 14'000, 40'000, 60'000'000};
    }
    return {7'000'000, 10'000, 20'000, 40'000'000};
}

qint64 vary(qint64 value, quint64 hash)
{
    return mulDiv(value, 800 + qint64(hash % 401), 1000); // 80 % .. 120 %
}

qint64 dayStartMs(const QDate &day, const QTimeZone &zone)
{
    return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
}

QDate localDay(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date();
}

QDate periodKey(const QDate &day, DeliveryRules::Period period)
{
    if (period == DeliveryRules::Period::Week)
        return day.addDays(-(day.dayOfWeek() % 7)); // Sunday starts the week
    return QDate(day.year(), day.month(), 1);
}

/** Daily-budget days inside the week of weekStart that lie in the unit's schedule. */
qint64 scheduledDaysInWeek(const QDate &weekStart, const QDate &first, const QDate &last)
{
    qint64 days = 0;
    for (int i = 0; i < 7; ++i) {
        const QDate day = weekStart.addDays(i);
        if (day >= first && (!last.isValid() || day <= last))
            ++days;
    }
    return days;
}

DayStats statsFor(const QDate &day, qint64 spendMicros, const DeliveryUnit &unit, quint64 seed)
{
    const Rates base = ratesFor(unit.objective);
    const qint64 julian = day.toJulianDay();
    DayStats stats;
    stats.day = day;
    stats.spendMicros = spendMicros;
    const qint64 cpm =
        std::max<qint64>(1, vary(base.cpmMicros, stableHash(seed, unit.unitId, julian * 8 + 1)));
    stats.impressions = mulDiv(spendMicros, 1000, cpm);
    stats.clicks = mulDiv(stats.impressions,
                          vary(base.ctrPpm, stableHash(seed, unit.unitId, julian * 8 + 2)),
                          1'000'000);
    stats.conversions = mulDiv(
        stats.clicks, vary(base.cvrPpm, stableHash(seed, unit.unitId, julian * 8 + 3)), 1'000'000);
    stats.conversionValueMicros =
        stats.conversions * vary(base.valueMicros, stableHash(seed, unit.unitId, julian * 8 + 4));
    return stats;
}

} // namespace

void DayStats::add(const DayStats &other)
{
    impressions += other.impressions;
    clicks += other.clicks;
    spendMicros += other.spendMicros;
    conversions += other.conversions;
    conversionValueMicros += other.conversionValueMicros;
}

qint64 mulDiv(qint64 a, qint64 b, qint64 c)
{
    if (c == 0)
        return 0;
    return qint64((__int128(a) * __int128(b)) / __int128(c));
}

QList<DayStats> simulate(const DeliveryUnit &unit,
                         const DeliveryRules &rules,
                         quint64 seed,
                         qint64 cutoffMs)
{
    QList<DayStats> days;
    const qint64 end = unit.endMs > 0 ? std::min(cutoffMs, unit.endMs) : cutoffMs;
    if (unit.enabled.isEmpty() || unit.budgetMicros <= 0 || end <= unit.startMs)
        return days;

    const QDate firstScheduled = localDay(unit.startMs, unit.zone);
    const QDate lastScheduled = unit.endMs > 0 ? localDay(unit.endMs - 1, unit.zone) : QDate();
    const qint64 lifetimeDays =
        lastScheduled.isValid() ? std::max<qint64>(1, firstScheduled.daysTo(lastScheduled) + 1) : 1;
    const QDate first = localDay(std::max(unit.startMs, unit.enabled.first().startMs), unit.zone);
    const QDate last = localDay(end - 1, unit.zone);

    qint64 spentTotal = 0;
    qint64 spentInPeriod = 0;
    QDate currentPeriod;
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        const qint64 dayStart = dayStartMs(day, unit.zone);
        const qint64 dayEnd = dayStartMs(day.addDays(1), unit.zone);
        const qint64 enabledMs = intervals::overlap(
            unit.enabled, std::max(dayStart, unit.startMs), std::min(dayEnd, end));
        if (enabledMs <= 0)
            continue;

        const quint64 hash = stableHash(seed, unit.unitId, day.toJulianDay());
        qint64 target = 0;
        if (unit.budgetType == BudgetType::Daily) {
            // A day's pace lies between 60 % and the platform's daily ceiling.
            const qint64 low = std::min(600, rules.dailyCeilingPermille);
            const qint64 factor =
                low + qint64(hash % quint64(rules.dailyCeilingPermille - low + 1));
            target = mulDiv(mulDiv(unit.budgetMicros, factor, 1000), enabledMs, dayEnd - dayStart);
            if (rules.period != DeliveryRules::Period::None) {
                const QDate key = periodKey(day, rules.period);
                if (key != currentPeriod) {
                    currentPeriod = key;
                    spentInPeriod = 0;
                }
                const qint64 capPermille =
                    rules.period == DeliveryRules::Period::Week
                        ? 1000 * scheduledDaysInWeek(key, firstScheduled, lastScheduled)
                        : rules.periodCapPermille;
                const qint64 cap = mulDiv(unit.budgetMicros, capPermille, 1000);
                target = std::min(target, std::max<qint64>(0, cap - spentInPeriod));
            }
        } else {
            const qint64 factor = 600 + qint64(hash % 801); // 60 % .. 140 % of an even pace
            target = mulDiv(mulDiv(unit.budgetMicros / lifetimeDays, factor, 1000),
                            enabledMs,
                            dayEnd - dayStart);
            target = std::min(target, unit.budgetMicros - spentTotal);
        }

        const qint64 spend = target - target % std::max<qint64>(1, unit.minorUnitMicros);
        if (spend <= 0)
            continue;
        spentTotal += spend;
        spentInPeriod += spend;
        const DayStats stats = statsFor(day, spend, unit, seed);
        if (!stats.isEmpty())
            days.append(stats);
    }
    return days;
}

QMap<QString, QMap<QDate, DayStats>> simulateCampaigns(const QList<DeliveryUnit> &units,
                                                       const DeliveryRules &rules,
                                                       quint64 seed,
                                                       qint64 nowMs)
{
    QMap<QString, QMap<QDate, DayStats>> result;
    const qint64 cutoff = nowMs - rules.reportingDelayMs;
    for (const DeliveryUnit &unit : units) {
        for (const DayStats &stats : simulate(unit, rules, seed, cutoff)) {
            DayStats &slot = result[unit.campaignId][stats.day];
            slot.day = stats.day;
            slot.add(stats);
        }
    }
    return result;
}

} // namespace ads::core::sandbox
