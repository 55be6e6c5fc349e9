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

/** Integer (a * b) / c without overflow, truncating. */
qint64 mulDiv(qint64 a, qint64 b, qint64 c);

} // namespace ads::core::sandbox
