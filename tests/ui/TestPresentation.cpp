#include "UiTestSupport.h"
#include "ui/Presentation.h"

using namespace ads;
using namespace ads::ui;

class TestPresentation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void money_data();
    void money();
    void decimalRounded_data();
    void decimalRounded();
    void platformStateInPlainWords();
    void throttledSaysWhenItRetries();
    void refusalsNameFieldsPlainly();
    void campaignStatusWords();
    void budgetWords();
};

void TestPresentation::initTestCase()
{
    test::useEnglishLocale();
}

void TestPresentation::money_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    QTest::newRow("cents") << Q_INT64_C(1'234'500'000) << "USD"
                           << "1,234.50 USD";
    QTest::newRow("no minor unit") << Q_INT64_C(1'235'000'000) << "JPY"
                                   << "1,235 JPY";
    QTest::newRow("three decimals") << Q_INT64_C(12'345'000) << "KWD"
                                    << "12.345 KWD";
    // Sub-cent precision is shown rather than rounded away: money text is exact.
    QTest::newRow("sub-cent kept") << Q_INT64_C(10'000'001) << "USD"
                                   << "10.000001 USD";
    QTest::newRow("negative") << Q_INT64_C(-2'500'000) << "EUR"
                              << "-2.50 EUR";
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << "USD"
                             << "9,223,372,036,854.775807 USD";
    QTest::newRow("unknown currency") << Q_INT64_C(5'000'000) << "XYZ"
                                      << "5.00 XYZ";
}

void TestPresentation::money()
{
    QFETCH(qint64, micros);
    QFETCH(QString, currency);
    QFETCH(QString, text);

    QCOMPARE(Presentation::money(micros, currency), text);
}

void TestPresentation::decimalRounded_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("text");

    QTest::newRow("down") << Q_INT64_C(12'334'999) << "12.33";
    QTest::newRow("half up") << Q_INT64_C(12'335'000) << "12.34";
    QTest::newRow("negative half away from zero") << Q_INT64_C(-12'335'000) << "-12.34";
    QTest::newRow("grouping") << Q_INT64_C(1'234'567'890'000) << "1,234,567.89";
}

void TestPresentation::decimalRounded()
{
    QFETCH(qint64, micros);
    QFETCH(QString, text);

    QCOMPARE(Presentation::decimalRounded(micros, 2), text);
}

void TestPresentation::platformStateInPlainWords()
{
    core::PlatformStatus status;
    status.state = core::PlatformState::Active;
    QCOMPARE(Presentation::platformStateText(status), QStringLiteral("Live"));

    status.state = core::PlatformState::Paused;
    QCOMPARE(Presentation::platformStateText(status), QStringLiteral("Paused"));

    status.state = core::PlatformState::Rejected;
    status.error = core::PlatformFailure{
        QStringLiteral("budget_below_minimum"),
        QStringLiteral("the daily budget share is under TikTok's minimum of 50 USD"),
        QStringLiteral("40002"),
        QStringLiteral("budget too low")};
    QCOMPARE(
        Presentation::platformStateText(status),
        QStringLiteral("Rejected: the daily budget share is under TikTok's minimum of 50 USD"));
}

void TestPresentation::throttledSaysWhenItRetries()
{
    core::PlatformStatus status;
    status.state = core::PlatformState::Throttled;
    const QDateTime retry = QDateTime::currentDateTimeUtc().addDays(2);
    status.error =
        core::PlatformFailure{QStringLiteral("rate_limited"),
                              QStringLiteral("TikTok asked us to slow down. Retrying at ")
                                  + core::toIsoUtc(retry) + u'.',
                              QStringLiteral("40100"),
                              {}};

    QCOMPARE(Presentation::retryAt(status).toSecsSinceEpoch(), retry.toSecsSinceEpoch());
    // Local time for the buyer, and the engine's ISO stamp is gone from the words.
    QCOMPARE(Presentation::platformStateText(status),
             QStringLiteral("Throttled until %1, then AdsDesk tries again: TikTok asked us to "
                            "slow down.")
                 .arg(Presentation::timestamp(retry)));
}

void TestPresentation::refusalsNameFieldsPlainly()
{
    core::PlatformStatus status;
    status.state = core::PlatformState::Rejected;
    status.error = core::PlatformFailure{
        QStringLiteral("validation_failed"),
        QStringLiteral("budget.amount: TikTok needs at least 50 USD for this budget.; "
                       "account.extra.identityId: TikTok ads need an identity to post as."),
        {},
        {}};
    QCOMPARE(Presentation::platformStateText(status),
             QStringLiteral("Rejected: Budget: TikTok needs at least 50 USD for this budget. "
                            "Ad account: TikTok ads need an identity to post as."));
    QCOMPARE(Presentation::problemText(
                 {QStringLiteral("budget.allocation.tiktok"), QStringLiteral("must be positive")}),
             QStringLiteral("Split by platform: Must be positive."));
}

void TestPresentation::campaignStatusWords()
{
    QCOMPARE(Presentation::campaignStatusText(core::CampaignStatus::Active),
             QStringLiteral("Live"));
    QCOMPARE(Presentation::campaignStatusText(core::CampaignStatus::PartiallyActive),
             QStringLiteral("Partly live"));
    QCOMPARE(Presentation::campaignStatusText(core::CampaignStatus::Draft),
             QStringLiteral("Draft"));
}

void TestPresentation::budgetWords()
{
    core::Budget budget;
    budget.amount = core::Money{150'000'000, QStringLiteral("USD")};
    QCOMPARE(Presentation::budget(budget), QStringLiteral("150.00 USD per day"));
    budget.type = core::BudgetType::Lifetime;
    QCOMPARE(Presentation::budget(budget), QStringLiteral("150.00 USD in total"));
    QCOMPARE(Presentation::objectiveTitle(QStringLiteral("app_installs")),
             QStringLiteral("App installs"));
    QCOMPARE(Presentation::objectiveTitle(QStringLiteral("made_up")), QStringLiteral("made_up"));
    QCOMPARE(Presentation::platformList({QStringLiteral("tiktok"), QStringLiteral("google")}),
             QStringLiteral("TikTok, Google"));
}

QTEST_MAIN(TestPresentation)
#include "TestPresentation.moc"
