#include "core/domain/Money.h"

#include <QTest>

using namespace ads::core;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parseDecimal_data();
    void parseDecimal();
    void fromJsonNumber_data();
    void fromJsonNumber();
    void toDecimal_data();
    void toDecimal();
    void scaledUnits_data();
    void scaledUnits();
    void currencies();
};

void TestMoney::parseDecimal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("micros");

    QTest::newRow("integer") << "500" << true << Q_INT64_C(500000000);
    QTest::newRow("cents") << "12.34" << true << Q_INT64_C(12340000);
    QTest::newRow("six decimals") << "0.000001" << true << Q_INT64_C(1);
    QTest::newRow("trailing zeros past six") << "1.50000000" << true << Q_INT64_C(1500000);
    QTest::newRow("negative") << "-2.5" << true << Q_INT64_C(-2500000);
    QTest::newRow("leading dot") << ".5" << true << Q_INT64_C(500000);
    QTest::newRow("seven decimals") << "0.0000001" << false << Q_INT64_C(0);
    QTest::newRow("exponent") << "1e3" << false << Q_INT64_C(0);
    QTest::newRow("empty") << "" << false << Q_INT64_C(0);
    QTest::newRow("letters") << "12abc" << false << Q_INT64_C(0);
    QTest::newRow("overflow") << "99999999999999999" << false << Q_INT64_C(0);
    QTest::newRow("max whole") << "9223372036854" << true << Q_INT64_C(9223372036854000000);
}

void TestMoney::parseDecimal()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, micros);

    const auto result = money::parseDecimal(text);
    QCOMPARE(result.has_value(), ok);
    if (ok)
        QCOMPARE(*result, micros);
}

void TestMoney::fromJsonNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("micros");

    // 0.1 and 0.29 are not representable in binary; multiplying by 1e6 would give 289999.99...
    QTest::newRow("0.1") << 0.1 << Q_INT64_C(100000);
    QTest::newRow("0.29") << 0.29 << Q_INT64_C(290000);
    QTest::newRow("1234.56") << 1234.56 << Q_INT64_C(1234560000);
    QTest::newRow("whole") << 500.0 << Q_INT64_C(500000000);
    QTest::newRow("micro") << 0.000001 << Q_INT64_C(1);
}

void TestMoney::fromJsonNumber()
{
    QFETCH(double, value);
    QFETCH(qint64, micros);

    const auto result = money::fromJsonNumber(value);
    QVERIFY(result.has_value());
    QCOMPARE(*result, micros);
}

void TestMoney::toDecimal_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<int>("minDecimals");
    QTest::addColumn<QString>("text");

    QTest::newRow("cents") << Q_INT64_C(12340000) << 2 << "12.34";
    QTest::newRow("pad") << Q_INT64_C(12500000) << 2 << "12.50";
    QTest::newRow("whole") << Q_INT64_C(7000000) << 0 << "7";
    QTest::newRow("micro") << Q_INT64_C(1) << 0 << "0.000001";
    QTest::newRow("negative") << Q_INT64_C(-1500000) << 2 << "-1.50";
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << 0 << "-9223372036854.775808";
}

void TestMoney::toDecimal()
{
    QFETCH(qint64, micros);
    QFETCH(int, minDecimals);
    QFETCH(QString, text);

    QCOMPARE(money::toDecimal(micros, minDecimals), text);
}

void TestMoney::scaledUnits_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<qint64>("minorUnits");
    QTest::addColumn<bool>("exact");

    QTest::newRow("USD cents") << "USD" << Q_INT64_C(20000000) << Q_INT64_C(2000) << true;
    QTest::newRow("JPY zero decimals") << "JPY" << Q_INT64_C(1000000000) << Q_INT64_C(1000) << true;
    QTest::newRow("JPY fraction cut") << "JPY" << Q_INT64_C(1500000) << Q_INT64_C(1) << false;
    QTest::newRow("KWD three decimals") << "KWD" << Q_INT64_C(1234000) << Q_INT64_C(1234) << true;
    QTest::newRow("USD sub-cent") << "USD" << Q_INT64_C(10001) << Q_INT64_C(1) << false;
}

void TestMoney::scaledUnits()
{
    QFETCH(QString, currency);
    QFETCH(qint64, micros);
    QFETCH(qint64, minorUnits);
    QFETCH(bool, exact);

    const int digits = money::minorDigits(currency);
    bool wasExact = false;
    QCOMPARE(money::toScaledUnits(micros, digits, &wasExact), minorUnits);
    QCOMPARE(wasExact, exact);
    if (exact)
        QCOMPARE(money::fromScaledUnits(minorUnits, digits), micros);
}

void TestMoney::currencies()
{
    QVERIFY(money::isKnownCurrency(u"USD"));
    QVERIFY(money::isKnownCurrency(u"EUR"));
    QVERIFY(!money::isKnownCurrency(u"usd"));
    QVERIFY(!money::isKnownCurrency(u"XYZ"));
    QCOMPARE(money::minorDigits(u"JPY"), 0);
    QCOMPARE(money::minorDigits(u"BHD"), 3);
    QCOMPARE(money::minorDigits(u"XYZ"), -1);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "TestMoney.moc"
