#include "core/sandbox/Delivery.h"

#include <QTest>

using namespace ads::core;
using namespace ads::core::sandbox;

namespace {

const qint64 kDay = 24 * 3600 * 1000LL;

qint64 msAt(const QDate &date, int hour, const QTimeZone &zone)
{
    return QDateTime(date, QTime(hour, 0), zone).toMSecsSinceEpoch();
}

DeliveryUnit dailyUnit(qint64 startMs)
{
    DeliveryUnit unit;
    unit.campaignId = QStringLiteral("c1");
    unit.unitId = QStringLiteral("u1");
    unit.objective = Objective::Sales;
    unit.budgetType = BudgetType::Daily;
    unit.budgetMicros = 50'000'000;
    unit.startMs = startMs;
    unit.zone = QTimeZone("America/New_York");
    return unit;
}

qint64 totalSpend(const QList<DayStats> &days)
{
    qint64 total = 0;
    for (const DayStats &day : days)
        total += day.spendMicros;
    return total;
}

} // namespace

class TestSandboxDelivery : public QObject
{
    Q_OBJECT

private slots:
    void intervalsFollowHistory();
    void dailyCeiling_data();
    void dailyCeiling();
    void weeklyAndMonthlyCaps_data();
    void weeklyAndMonthlyCaps();
    void pausedIntervalDeliversNothing();
    void lifetimeBudgetNeverExceeded();
    void deterministicForSeed();
    void metricsFollowSpend();
    void hoursSumToDay_data();
    void hoursSumToDay();
    void splitByWeightIsExact_data();
    void splitByWeightIsExact();
    void repeatedHourMergesForNumberedHours();
};

void TestSandboxDelivery::intervalsFollowHistory()
{
    const QList<StatusChange> history = {
        {"a", "PAUSED", 0}, {"a", "ACTIVE", 100}, {"a", "PAUSED", 300}, {"a", "ACTIVE", 500}};
    const auto on = intervals::fromHistory(
        history, [](const QString &s) { return s == QLatin1String("ACTIVE"); }, 1000);
    QCOMPARE(on.size(), 2);
    QCOMPARE(on[0].startMs, 100);
    QCOMPARE(on[0].endMs, 300);
    QCOMPARE(on[1].startMs, 500);
    QCOMPARE(on[1].endMs, 1000);

    const auto both = intervals::intersect(on, {{200, 600}});
    QCOMPARE(both.size(), 2);
    QCOMPARE(intervals::overlap(both, 0, 1000), 200);
    QCOMPARE(intervals::unite(on, {{250, 550}}).size(), 1);
}

void TestSandboxDelivery::dailyCeiling_data()
{
    QTest::addColumn<int>("ceiling");
    QTest::newRow("meta 175%") << 1750;
    QTest::newRow("google 200%") << 2000;
    QTest::newRow("tiktok 100%") << 1000;
}

void TestSandboxDelivery::dailyCeiling()
{
    QFETCH(int, ceiling);
    const QTimeZone zone("America/New_York");
    DeliveryUnit unit = dailyUnit(msAt(QDate(2026, 3, 1), 0, zone));
    unit.enabled = {{unit.startMs, unit.startMs + 60 * kDay}};
    DeliveryRules rules;
    rules.dailyCeilingPermille = ceiling;

    const auto days = simulate(unit, rules, 42, unit.startMs + 60 * kDay);
    QVERIFY(days.size() >= 55);
    bool overBudgetOnSomeDay = false;
    for (const DayStats &day : days) {
        QVERIFY(day.spendMicros <= mulDiv(unit.budgetMicros, ceiling, 1000));
        QCOMPARE(day.spendMicros % 10'000, 0);
        overBudgetOnSomeDay = overBudgetOnSomeDay || day.spendMicros > unit.budgetMicros;
    }
    QCOMPARE(overBudgetOnSomeDay, ceiling > 1000);
}

void TestSandboxDelivery::weeklyAndMonthlyCaps_data()
{
    QTest::addColumn<int>("period");
    QTest::newRow("meta week 7x") << int(DeliveryRules::Period::Week);
    QTest::newRow("google month 30.4x") << int(DeliveryRules::Period::Month);
}

void TestSandboxDelivery::weeklyAndMonthlyCaps()
{
    QFETCH(int, period);
    const QTimeZone zone("America/New_York");
    DeliveryUnit unit = dailyUnit(msAt(QDate(2026, 3, 1), 0, zone)); // a Sunday
    unit.enabled = {{unit.startMs, unit.startMs + 120 * kDay}};
    DeliveryRules rules;
    rules.dailyCeilingPermille = 2000;
    rules.period = DeliveryRules::Period(period);
    rules.periodCapPermille = 30'400;

    QMap<QDate, qint64> perPeriod;
    for (const DayStats &day : simulate(unit, rules, 7, unit.startMs + 120 * kDay)) {
        const QDate key = rules.period == DeliveryRules::Period::Week
                              ? day.day.addDays(-(day.day.dayOfWeek() % 7))
                              : QDate(day.day.year(), day.day.month(), 1);
        perPeriod[key] += day.spendMicros;
    }
    const qint64 cap = rules.period == DeliveryRules::Period::Week ? 7 * unit.budgetMicros
                                                                   : 304 * unit.budgetMicros / 10;
    QVERIFY(!perPeriod.isEmpty());
    for (qint64 spend : std::as_const(perPeriod))
        QVERIFY2(spend <= cap, qPrintable(QString::number(spend)));
}

void TestSandboxDelivery::pausedIntervalDeliversNothing()
{
    const QTimeZone zone("America/New_York");
    DeliveryUnit unit = dailyUnit(msAt(QDate(2026, 3, 2), 0, zone));
    // On for day one, paused for days two and three, on again from day four.
    unit.enabled = {{unit.startMs, unit.startMs + kDay},
                    {unit.startMs + 3 * kDay, unit.startMs + 5 * kDay}};
    DeliveryRules rules;
    const auto days = simulate(unit, rules, 42, unit.startMs + 5 * kDay);

    QList<QDate> delivered;
    for (const DayStats &day : days)
        delivered.append(day.day);
    QCOMPARE(delivered, (QList<QDate>{QDate(2026, 3, 2), QDate(2026, 3, 5), QDate(2026, 3, 6)}));
}

void TestSandboxDelivery::lifetimeBudgetNeverExceeded()
{
    const QTimeZone zone("America/New_York");
    DeliveryUnit unit = dailyUnit(msAt(QDate(2026, 3, 2), 0, zone));
    unit.budgetType = BudgetType::Lifetime;
    unit.budgetMicros = 100'000'000;
    unit.endMs = unit.startMs + 4 * kDay;
    unit.enabled = {{unit.startMs, unit.startMs + 30 * kDay}};

    const auto days = simulate(unit, DeliveryRules{}, 3, unit.startMs + 30 * kDay);
    QVERIFY(!days.isEmpty());
    QVERIFY(days.size() <= 4);
    QVERIFY(totalSpend(days) <= unit.budgetMicros);
    QVERIFY(totalSpend(days) > unit.budgetMicros / 2);
}

void TestSandboxDelivery::deterministicForSeed()
{
    const QTimeZone zone("America/New_York");
    DeliveryUnit unit = dailyUnit(msAt(QDate(2026, 3, 2), 0, zone));
    unit.enabled = {{unit.startMs, unit.startMs + 10 * kDay}};
    const auto a = simulate(unit, DeliveryRules{}, 42, unit.startMs + 10 * kDay);
    const auto b = simulate(unit, DeliveryRules{}, 42, unit.startMs + 10 * kDay);
    const auto c = simulate(unit, DeliveryRules{}, 43, unit.startMs + 10 * kDay);

    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].spendMicros, b[i].spendMicros);
        QCOMPARE(a[i].clicks, b[i].clicks);
    }
    QVERIFY(totalSpend(a) != totalSpend(c));
}

void TestSandboxDelivery::metricsFollowSpend()
{
    const QTimeZone zone("America/New_York");
    DeliveryUnit unit = dailyUnit(msAt(QDate(2026, 3, 2), 0, zone));
    unit.enabled = {{unit.startMs, unit.startMs + 3 * kDay}};
    for (const DayStats &day : simulate(unit, DeliveryRules{}, 42, unit.startMs + 3 * kDay)) {
        QVERIFY(day.impressions > 0);
        QVERIFY(day.clicks <= day.impressions);
        QVERIFY(day.conversions <= day.clicks);
        // Sales CPM lies between 80 % and 120 % of 13 USD.
        const qint64 cpm = day.spendMicros * 1000 / day.impressions;
        QVERIFY(cpm >= 10'400'000 - 10'000 && cpm <= 15'600'000 + 10'000);
    }
}

void TestSandboxDelivery::hoursSumToDay_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("pauseFromHour"); // -1: enabled all day
    QTest::addColumn<int>("pauseHours");
    QTest::addColumn<int>("localHours");     // hours the local day has
    QTest::addColumn<qint64>("minorUnit");

    const QDate plain(2024, 6, 12);
    QTest::newRow("new york, whole day") << "America/New_York" << plain << -1 << 0 << 24 << qint64(10'000);
    QTest::newRow("new york, paused 9-15") << "America/New_York" << plain << 9 << 6 << 24 << qint64(10'000);
    QTest::newRow("new york, spring forward") << "America/New_York" << QDate(2024, 3, 10) << -1 << 0 << 23
                                              << qint64(10'000);
    QTest::newRow("new york, fall back, paused 4-8") << "America/New_York" << QDate(2024, 11, 3) << 4 << 4 << 25
                                                     << qint64(10'000);
    QTest::newRow("berlin, whole day, yen") << "Europe/Berlin" << plain << -1 << 0 << 24 << qint64(1'000'000);
    QTest::newRow("berlin, spring forward") << "Europe/Berlin" << QDate(2024, 3, 31) << -1 << 0 << 23
                                            << qint64(10'000);
    QTest::newRow("berlin, fall back") << "Europe/Berlin" << QDate(2024, 10, 27) << -1 << 0 << 25 << qint64(10'000);
    QTest::newRow("berlin, fall back, paused 0-12") << "Europe/Berlin" << QDate(2024, 10, 27) << 0 << 12 << 25
                                                    << qint64(10'000);
}

// Several units over several days around the given one: each day's hours add up to the day
// exactly, paused hours get nothing, and the hours are the zone's local clock hours.
void TestSandboxDelivery::hoursSumToDay()
{
    QFETCH(QString, zone);
    QFETCH(QDate, day);
    QFETCH(int, pauseFromHour);
    QFETCH(int, pauseHours);
    QFETCH(int, localHours);
    QFETCH(qint64, minorUnit);

    const QTimeZone tz(zone.toLatin1());
    const qint64 start = msAt(day.addDays(-2), 0, tz);
    const qint64 cutoff = msAt(day.addDays(2), 0, tz);
    qint64 pauseStart = cutoff;
    qint64 pauseEnd = cutoff;
    if (pauseFromHour >= 0) {
        pauseStart = msAt(day, 0, tz) + pauseFromHour * 3600 * 1000LL;
        pauseEnd = pauseStart + pauseHours * 3600 * 1000LL;
    }
    int hoursOfDay = 0;
    for (const QString &unitId : {QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")}) {
        DeliveryUnit unit = dailyUnit(start);
        unit.unitId = unitId;
        unit.zone = tz;
        unit.minorUnitMicros = minorUnit;
        unit.budgetMicros = minorUnit == 1'000'000 ? 9'000'000'000 : 80'000'000;
        unit.enabled = {{start, pauseStart}, {pauseEnd, cutoff}};
        for (const DayStats &stats : simulate(unit, DeliveryRules(), 11, cutoff)) {
            const QList<HourStats> hours = splitIntoHours(stats, unit, cutoff);
            DayStats sum;
            for (const HourStats &hour : hours) {
                QCOMPARE(hour.day, stats.day);
                QCOMPARE(QDateTime::fromMSecsSinceEpoch(hour.startMs, tz).time().hour(), hour.hour);
                QCOMPARE(hour.stats.spendMicros % minorUnit, 0);
                QCOMPARE(hour.stats.conversionValueMicros % minorUnit, 0);
                QVERIFY(hour.stats.conversions > 0 || hour.stats.conversionValueMicros == 0);
                QVERIFY2(hour.startMs + 3600 * 1000 <= pauseStart || hour.startMs >= pauseEnd,
                         qPrintable(QStringLiteral("paused hour %1 delivered").arg(hour.hour)));
                sum.add(hour.stats);
            }
            QCOMPARE(sum.impressions, stats.impressions);
            QCOMPARE(sum.clicks, stats.clicks);
            QCOMPARE(sum.spendMicros, stats.spendMicros);
            QCOMPARE(sum.conversions, stats.conversions);
            QCOMPARE(sum.conversionValueMicros, stats.conversionValueMicros);
            if (stats.day == day && pauseFromHour < 0)
                hoursOfDay = int(hours.size());
        }
    }
    if (pauseFromHour < 0)
        QCOMPARE(hoursOfDay, localHours); // a budget this size delivers in every hour
}

void TestSandboxDelivery::splitByWeightIsExact_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("even") << qint64(9) << QList<qint64>{1, 1, 1} << QList<qint64>{3, 3, 3};
    QTest::newRow("remainder to the largest fraction") << qint64(10) << QList<qint64>{1, 2, 3}
                                                       << QList<qint64>{2, 3, 5};
    QTest::newRow("ties to the earlier hour") << qint64(2) << QList<qint64>{1, 1, 1} << QList<qint64>{1, 1, 0};
    QTest::newRow("zero weight gets nothing") << qint64(7) << QList<qint64>{0, 5, 0} << QList<qint64>{0, 7, 0};
    QTest::newRow("no weight at all") << qint64(7) << QList<qint64>{0, 0} << QList<qint64>{0, 0};
    QTest::newRow("large totals do not overflow") << qint64(4'000'000'000'000) << QList<qint64>{3'600'000 * 86, 1}
                                                  << QList<qint64>{3'999'999'987'080, 12'920};
}

void TestSandboxDelivery::splitByWeightIsExact()
{
    QFETCH(qint64, total);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);

    QCOMPARE(splitByWeight(total, weights), expected);
}

void TestSandboxDelivery::repeatedHourMergesForNumberedHours()
{
    const QTimeZone zone("Europe/Berlin");
    const QDate fallBack(2024, 10, 27);
    DeliveryUnit unit = dailyUnit(msAt(fallBack, 0, zone));
    unit.zone = zone;
    const qint64 cutoff = msAt(fallBack.addDays(1), 0, zone);
    unit.enabled = {{unit.startMs, cutoff}};
    const QList<DayStats> days = simulate(unit, DeliveryRules(), 3, cutoff);
    QCOMPARE(days.size(), 1);

    const QList<HourStats> hours = splitIntoHours(days.first(), unit, cutoff);
    QCOMPARE(hours.size(), 25);
    QCOMPARE(hours[2].hour, 2);
    QCOMPARE(hours[3].hour, 2);
    QCOMPARE(hours[2].utcOffsetSeconds, 7200); // summer time first
    QCOMPARE(hours[3].utcOffsetSeconds, 3600);

    const QList<HourStats> merged = mergeRepeatedHours(hours);
    QCOMPARE(merged.size(), 24);
    QCOMPARE(merged[2].stats.impressions, hours[2].stats.impressions + hours[3].stats.impressions);
    QCOMPARE(merged[3].hour, 3);
}

QTEST_GUILESS_MAIN(TestSandboxDelivery)
#include "TestSandboxDelivery.moc"
