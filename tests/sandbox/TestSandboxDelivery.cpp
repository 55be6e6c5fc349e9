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

QTEST_GUILESS_MAIN(TestSandboxDelivery)
#include "TestSandboxDelivery.moc"
