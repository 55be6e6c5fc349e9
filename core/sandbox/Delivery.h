#pragma once

#include "core/domain/Platform.h"
#include "core/sandbox/SandboxTypes.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace ads::core::sandbox {

/** A half-open span [startMs, endMs) of sandbox-clock time. */
struct Interval
{
    qint64 startMs = 0;
    qint64 endMs = 0;
};

namespace intervals {

/** Spans in which the object's status satisfied isOn, up to untilMs. */
QList<Interval> fromHistory(const QList<StatusChange> &history,
                            const std::function<bool(const QString &)> &isOn,
                            qint64 untilMs);
QList<Interval> intersect(const QList<Interval> &a, const QList<Interval> &b);
QList<Interval> unite(const QList<Interval> &a, const QList<Interval> &b);
qint64 overlap(const QList<Interval> &spans, qint64 startMs, qint64 endMs);

} // namespace intervals

/**
 * One thing that spends a budget: a Meta ad set (or a campaign with a campaign budget),
 * a Google campaign, a TikTok ad group or campaign. Its delivery is reported on campaignId.
 */
struct DeliveryUnit
{
    QString campaignId;
    QString unitId;
    Objective objective = Objective::Traffic;
    BudgetType budgetType = BudgetType::Daily;
    qint64 budgetMicros = 0;         // per day, or the lifetime total
    qint64 startMs = 0;              // schedule start (sandbox clock)
    qint64 endMs = 0;                // schedule end; 0 = open-ended
    QList<Interval> enabled;         // when every level was enabled
    QTimeZone zone;                  // report days are local days of this zone
    qint64 minorUnitMicros = 10'000; // spend is whole minor units of the account currency
};

/** The platform's documented spending allowances. */
struct DeliveryRules
{
    enum class Period
    {
        None,
        Week,
        Month
    };

    int dailyCeilingPermille = 1000; // most a day may spend, per mille of the daily budget
    Period period = Period::None;    // Meta: Sun-Sat week (7x), Google: calendar month (30.4x)
    qint64 periodCapPermille = 0;    // per mille of the daily budget (weekly: per scheduled day)
    qint64 reportingDelayMs = 0;     // data younger than this is not reported yet
};

/** One report day's totals; money in micros of the account currency. */
struct DayStats
{
    QDate day;
    qint64 impressions = 0;
    qint64 clicks = 0;
    qint64 spendMicros = 0;
    qint64 conversions = 0;
    qint64 conversionValueMicros = 0;

    void add(const DayStats &other);

    bool isEmpty() const { return impressions == 0 && spendMicros == 0; }
};

/**
 * Deterministic delivery of one unit up to cutoffMs: each local day's spend is a hash of the
 * seed, the unit id and the day, scaled by the share of the day the unit was enabled, and
 * clamped to the rules' allowances and to the lifetime budget. Days with no spend are left out.
 */
QList<DayStats> simulate(const DeliveryUnit &unit,
                         const DeliveryRules &rules,
                         quint64 seed,
                         qint64 cutoffMs);

/** Per campaign id, per local day: the sum of its units' delivery. */
QMap<QString, QMap<QDate, DayStats>> simulateCampaigns(const QList<DeliveryUnit> &units,
                                                       const DeliveryRules &rules,
                                                       quint64 seed,
                                                       qint64 nowMs);

/** One local clock hour of a report day and what a unit (or a campaign) delivered in it. */
struct HourStats
{
    QDate day;                // the local report day
    int hour = 0;             // local clock hour, 0..23
    qint64 startMs = 0;       // the hour's first instant: tells the two runs of a repeated hour apart
    int utcOffsetSeconds = 0; // the zone's offset during this hour
    DayStats stats;
};

/** Per campaign id, per local day: its hours in clock order. */
using HourlyDelivery = QMap<QString, QMap<QDate, QList<HourStats>>>;

/**
 * Splits total over weights by largest remainder: every share is floor(total * w / sum), then the
 * units still missing go one each to the largest remainders, ties to the earlier index. The shares
 * always sum to total; all weights 0 gives all shares 0.
 */
QList<qint64> splitByWeight(qint64 total, const QList<qint64> &weights);

/**
 * Spreads one day of a unit (as simulate() reported it) over the local hours of that day in which
 * the unit was enabled before cutoffMs, weighted by a fixed diurnal curve and by the enabled share
 * of each hour. Each metric is split on its own, spend and value in whole minor units, so the
 * hours of a day always sum exactly to the day. A daylight-saving day has 23 or 25 local hours;
 * the repeated hour comes twice, with different startMs. Hours with nothing delivered are left out.
 */
QList<HourStats> splitIntoHours(const DayStats &day, const DeliveryUnit &unit, qint64 cutoffMs);

/** simulateCampaigns() by the hour: each unit's days split, then summed per campaign and hour. */
HourlyDelivery simulateCampaignHours(const QList<DeliveryUnit> &units,
                                     const DeliveryRules &rules,
                                     quint64 seed,
                                     qint64 nowMs);

/**
 * Folds the two runs of a repeated (25-hour day) clock hour into one, for wire formats that name an
 * hour only by its number 0..23. The merged hour keeps the first run's start and offset.
 */
QList<HourStats> mergeRepeatedHours(const QList<HourStats> &hours);

/** A campaign's delivery in one report day, or in one clock hour of it (hour -1: the whole day). */
struct DeliverySlice
{
    QDate day;
    int hour = -1;
    DayStats stats;
};

/**
 * Per campaign id, its slices in time order: whole days, or (byHour) clock hours with a repeated
 * hour merged, for the wire formats that name an hour 0..23 of a date.
 */
QMap<QString, QList<DeliverySlice>> deliverySlices(const QList<DeliveryUnit> &units,
                                                   const DeliveryRules &rules,
                                                   quint64 seed,
                                                   qint64 nowMs,
                                                   bool byHour);

/** Integer (a * b) / c without overflow, truncating. */
qint64 mulDiv(qint64 a, qint64 b, qint64 c);

} // namespace ads::core::sandbox
