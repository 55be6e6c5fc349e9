#include "core/sandbox/Delivery.h"

#include "core/sandbox/SandboxContext.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <numeric>

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
    // Value is whole minor units like spend, so an hourly split of it stays whole minor units too.
    const qint64 minorUnit = std::max<qint64>(1, unit.minorUnitMicros);
    const qint64 valuePerConversion =
        vary(base.valueMicros, stableHash(seed, unit.unitId, julian * 8 + 4));
    stats.conversionValueMicros = stats.conversions * (valuePerConversion - valuePerConversion % minorUnit);
    return stats;
}

/**
 * Relative delivery per local clock hour: little at night, a morning rise, the most in the
 * evening. Fixed, so a campaign's hourly shape is the same on every platform and every run.
 */
constexpr std::array<qint64, 24> kDiurnalWeights = {
    18, 12, 9, 7, 7, 10, 18, 30, 42, 48, 50, 52, 55, 54, 52, 52, 55, 62, 72, 82, 86, 78, 58, 34};

struct ClockHour
{
    int hour = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int utcOffsetSeconds = 0;
};

/**
 * The local hours of day in zone, in order: 24, or 23 / 25 on a daylight-saving day. Walks whole
 * hours of real time from local midnight, so a repeated clock hour appears twice.
 */
QList<ClockHour> clockHours(const QDate &day, const QTimeZone &zone)
{
    QList<ClockHour> hours;
    const qint64 dayEnd = dayStartMs(day.addDays(1), zone);
    for (qint64 start = dayStartMs(day, zone); start < dayEnd; start += 3600 * 1000) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(start, zone);
        hours.append({local.time().hour(), start, std::min(start + 3600 * 1000, dayEnd), local.offsetFromUtc()});
    }
    return hours;
}

/** Splits money in whole minor units, so every share is whole minor units when total is. */
QList<qint64> splitMoney(qint64 totalMicros, const QList<qint64> &weights, qint64 minorUnitMicros)
{
    const qint64 unit = std::max<qint64>(1, minorUnitMicros);
    QList<qint64> shares = splitByWeight(totalMicros / unit, weights);
    for (qint64 &share : shares)
        share *= unit;
    // A total that is not whole minor units keeps its odd micros in the heaviest hour.
    if (const qint64 odd = totalMicros % unit; odd != 0 && !shares.isEmpty())
        shares[std::max_element(weights.cbegin(), weights.cend()) - weights.cbegin()] += odd;
    return shares;
}

} // namespace

QList<qint64> splitByWeight(qint64 total, const QList<qint64> &weights)
{
    QList<qint64> shares(weights.size(), 0);
    __int128 weightSum = 0;
    for (const qint64 weight : weights)
        weightSum += std::max<qint64>(0, weight);
    if (weightSum == 0)
        return shares;

    QList<qint64> remainders(weights.size(), 0);
    qint64 assigned = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const __int128 scaled = __int128(total) * std::max<qint64>(0, weights[i]);
        shares[i] = qint64(scaled / weightSum);
        remainders[i] = qint64(scaled % weightSum);
        assigned += shares[i];
    }
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return remainders[a] > remainders[b];
    });
    for (qsizetype i = 0; assigned < total && i < order.size(); ++i, ++assigned)
        ++shares[order[i]];
    return shares;
}

QList<HourStats> splitIntoHours(const DayStats &day, const DeliveryUnit &unit, qint64 cutoffMs)
{
    const qint64 end = unit.endMs > 0 ? std::min(cutoffMs, unit.endMs) : cutoffMs;
    const QList<ClockHour> hours = clockHours(day.day, unit.zone);
    QList<qint64> weights;
    for (const ClockHour &hour : hours) {
        const qint64 enabledMs = intervals::overlap(
            unit.enabled, std::max(hour.startMs, unit.startMs), std::min(hour.endMs, end));
        weights.append(kDiurnalWeights[hour.hour] * std::max<qint64>(0, enabledMs));
    }

    const QList<qint64> impressions = splitByWeight(day.impressions, weights);
    const QList<qint64> clicks = splitByWeight(day.clicks, weights);
    const QList<qint64> conversions = splitByWeight(day.conversions, weights);
    const QList<qint64> spend = splitMoney(day.spendMicros, weights, unit.minorUnitMicros);
    // Value goes with the conversions that earned it: an hour without conversions has no value.
    const QList<qint64> value = splitMoney(day.conversionValueMicros, conversions, unit.minorUnitMicros);
    QList<HourStats> result;
    for (qsizetype i = 0; i < hours.size(); ++i) {
        HourStats hour{day.day, hours[i].hour, hours[i].startMs, hours[i].utcOffsetSeconds, {}};
        hour.stats = {day.day, impressions[i], clicks[i], spend[i], conversions[i], value[i]};
        if (!hour.stats.isEmpty() || hour.stats.clicks > 0 || hour.stats.conversions > 0)
            result.append(hour);
    }
    return result;
}

HourlyDelivery simulateCampaignHours(const QList<DeliveryUnit> &units,
                                     const DeliveryRules &rules,
                                     quint64 seed,
                                     qint64 nowMs)
{
    // campaign -> day -> hour start -> totals; the start keeps the two runs of a repeated hour apart
    QMap<QString, QMap<QDate, QMap<qint64, HourStats>>> byStart;
    const qint64 cutoff = nowMs - rules.reportingDelayMs;
    for (const DeliveryUnit &unit : units) {
        for (const DayStats &day : simulate(unit, rules, seed, cutoff)) {
            for (const HourStats &hour : splitIntoHours(day, unit, cutoff)) {
                HourStats &slot = byStart[unit.campaignId][day.day][hour.startMs];
                const DayStats sum = slot.stats;
                slot = hour;
                slot.stats.add(sum);
            }
        }
    }
    HourlyDelivery result;
    for (auto campaign = byStart.cbegin(); campaign != byStart.cend(); ++campaign) {
        for (auto day = campaign->cbegin(); day != campaign->cend(); ++day)
            result[campaign.key()][day.key()] = day->values();
    }
    return result;
}

QList<HourStats> mergeRepeatedHours(const QList<HourStats> &hours)
{
    QList<HourStats> merged;
    for (const HourStats &hour : hours) {
        const auto same = std::find_if(merged.begin(), merged.end(), [&](const HourStats &kept) {
            return kept.day == hour.day && kept.hour == hour.hour;
        });
        if (same == merged.end())
            merged.append(hour);
        else
            same->stats.add(hour.stats);
    }
    return merged;
}

QMap<QString, QList<DeliverySlice>> deliverySlices(const QList<DeliveryUnit> &units,
                                                   const DeliveryRules &rules,
                                                   quint64 seed,
                                                   qint64 nowMs,
                                                   bool byHour)
{
    QMap<QString, QList<DeliverySlice>> slices;
    if (!byHour) {
        const auto days = simulateCampaigns(units, rules, seed, nowMs);
        for (auto campaign = days.cbegin(); campaign != days.cend(); ++campaign) {
            for (const DayStats &day : campaign.value())
                slices[campaign.key()].append({day.day, -1, day});
        }
        return slices;
    }
    const HourlyDelivery hours = simulateCampaignHours(units, rules, seed, nowMs);
    for (auto campaign = hours.cbegin(); campaign != hours.cend(); ++campaign) {
        for (const QList<HourStats> &day : campaign.value()) {
            for (const HourStats &hour : mergeRepeatedHours(day))
                slices[campaign.key()].append({hour.day, hour.hour, hour.stats});
        }
    }
    return slices;
}

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
