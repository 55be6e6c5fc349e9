#include "UiTestSupport.h"
#include "ui/campaigns/PlatformStatusPanel.h"

#include <QLabel>

using namespace ads;
using namespace ads::ui;
using core::Platform;

class TestPlatformStatusPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void draftShowsPlannedEvenSplit();
    void launchedShowsStatesIdsAndWarnings();
    void platformWordsShownOnce();
    void clearShowsPlaceholder();
};

void TestPlatformStatusPanel::initTestCase()
{
    test::useEnglishLocale();
}

void TestPlatformStatusPanel::draftShowsPlannedEvenSplit()
{
    core::Campaign campaign;
    campaign.id = QStringLiteral("cmp-1");
    campaign.spec =
        test::sampleSpec(QStringLiteral("Split"), 100'000'000); // 100 USD over three platforms

    PlatformStatusPanel panel;
    panel.setCampaign(campaign);

    // The core splits in whole cents and gives the remainder to the first platforms.
    QCOMPARE(panel.shareText(Platform::Facebook),
             QStringLiteral("Budget share: 33.34 USD per day"));
    QCOMPARE(panel.shareText(Platform::Google), QStringLiteral("Budget share: 33.33 USD per day"));
    QCOMPARE(panel.shareText(Platform::TikTok), QStringLiteral("Budget share: 33.33 USD per day"));
    QCOMPARE(panel.stateText(Platform::Facebook), QStringLiteral("Not launched yet"));
}

void TestPlatformStatusPanel::launchedShowsStatesIdsAndWarnings()
{
    core::Campaign campaign;
    campaign.id = QStringLiteral("cmp-2");
    campaign.spec = test::sampleSpec(QStringLiteral("Mixed"), 120'000'000);
    campaign.spec.platforms = {QStringLiteral("facebook"), QStringLiteral("tiktok")};

    core::PlatformStatus live;
    live.state = core::PlatformState::Active;
    live.budget = core::Money{80'000'000, QStringLiteral("USD")};
    live.remoteIds = {{QStringLiteral("campaign"), QStringLiteral("120210000001")}};
    live.warnings = {QStringLiteral("The audience is small; delivery may be slow.")};
    core::PlatformStatus rejected;
    rejected.state = core::PlatformState::Rejected;
    rejected.budget = core::Money{40'000'000, QStringLiteral("USD")};
    rejected.error = core::PlatformFailure{
        QStringLiteral("budget_below_minimum"),
        QStringLiteral("the daily budget share is under TikTok's minimum of 50 USD"),
        QStringLiteral("40002"),
        QStringLiteral("Budget is too low")};
    campaign.platformStatus = {{Platform::Facebook, live}, {Platform::TikTok, rejected}};

    PlatformStatusPanel panel;
    panel.setCampaign(campaign);

    QCOMPARE(panel.stateText(Platform::Facebook), QStringLiteral("Live"));
    QCOMPARE(
        panel.stateText(Platform::TikTok),
        QStringLiteral("Rejected: the daily budget share is under TikTok's minimum of 50 USD"));
    // The stored share wins over a recomputed even split.
    QCOMPARE(panel.shareText(Platform::Facebook),
             QStringLiteral("Budget share: 80.00 USD per day"));
    QCOMPARE(panel.stateText(Platform::Google), QString());

    QStringList texts;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        texts.append(label->text());
    QVERIFY(texts.contains(QStringLiteral("Ids on Facebook:\ncampaign: 120210000001")));
    QVERIFY(
        texts.contains(QStringLiteral("Warning: The audience is small; delivery may be slow.")));
    QVERIFY(texts.contains(QStringLiteral("TikTok said: 40002 Budget is too low")));
}

void TestPlatformStatusPanel::platformWordsShownOnce()
{
    // When our message is the platform's own, repeating it under "Facebook said" adds nothing.
    core::Campaign campaign;
    campaign.spec = test::sampleSpec();
    core::PlatformStatus failed;
    failed.state = core::PlatformState::Rejected;
    const QString message = QStringLiteral("(#100) video_data needs a thumbnail");
    failed.error = core::PlatformFailure{
        QStringLiteral("invalid_field"), message, QStringLiteral("100"), message};
    campaign.platformStatus = {{Platform::Facebook, failed}};

    PlatformStatusPanel panel;
    panel.setCampaign(campaign);

    QStringList texts;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        texts.append(label->text());
    QCOMPARE(texts.filter(message).size(), 1);
    QVERIFY(texts.contains(QStringLiteral("Facebook's code: 100")));
}

void TestPlatformStatusPanel::clearShowsPlaceholder()
{
    core::Campaign campaign;
    campaign.spec = test::sampleSpec();
    PlatformStatusPanel panel;
    panel.setCampaign(campaign);
    QVERIFY(!panel.stateText(Platform::Google).isEmpty());

    panel.clear();
    QCOMPARE(panel.stateText(Platform::Google), QString());
}

QTEST_MAIN(TestPlatformStatusPanel)
#include "TestPlatformStatusPanel.moc"
