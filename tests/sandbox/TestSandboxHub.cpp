#include "core/sandbox/SandboxHub.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace ads::core;
using namespace ads::core::sandbox;

class TestSandboxHub : public QObject
{
    Q_OBJECT

private slots:
    void startsOneServerPerPlatform();
    void accountsFollowTheContract_data();
    void accountsFollowTheContract();
    void restartKeepsAccountsAndClock();
    void advanceClockMovesNow();
    void callableFromOtherThreads();
};

void TestSandboxHub::startsOneServerPerPlatform()
{
    QTemporaryDir dir;
    SandboxHub hub(dir.path());
    QVERIFY(hub.baseUrl(Platform::Facebook).isEmpty());
    QString error;
    QVERIFY2(hub.start(&error), qPrintable(error));

    QCOMPARE(hub.platforms(), allPlatforms());
    QSet<int> ports;
    for (Platform platform : hub.platforms()) {
        const QUrl url = hub.baseUrl(platform);
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QVERIFY(url.path().isEmpty());
        ports.insert(url.port());
    }
    QCOMPARE(ports.size(), int(allPlatforms().size()));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("sandbox.sqlite"))));
}

void TestSandboxHub::accountsFollowTheContract_data()
{
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<QString>("idPattern");
    QTest::addColumn<QStringList>("extraKeys");

    QTest::newRow("facebook") << Platform::Facebook << QStringLiteral("^[1-9][0-9]{9,17}$")
                              << QStringList{"pageId", "pixelId"};
    QTest::newRow("google") << Platform::Google << QStringLiteral("^[1-9][0-9]{9}$")
                            << QStringList{
                                   "conversionActionId", "developerToken", "loginCustomerId"};
    QTest::newRow("tiktok") << Platform::TikTok << QStringLiteral("^[1-9][0-9]{18}$")
                            << QStringList{"identityId", "pixelId"};
    QTest::newRow("linkedin") << Platform::LinkedIn << QStringLiteral("^[1-9][0-9]{5,12}$")
                              << QStringList{"geoUrn", "locale", "organizationUrn"};
    QTest::newRow("pinterest") << Platform::Pinterest << QStringLiteral("^[1-9][0-9]{9,18}$")
                               << QStringList{"bidMicros", "boardId", "conversionTagId", "country"};
    QTest::newRow("snapchat") << Platform::Snapchat
                              << QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
                              << QStringList{"brandName", "fundingSourceId", "organizationId",
                                             "pixelId", "profileId", "userId"};
}

void TestSandboxHub::accountsFollowTheContract()
{
    QFETCH(Platform, platform);
    QFETCH(QString, idPattern);
    QFETCH(QStringList, extraKeys);

    QTemporaryDir dir;
    SandboxHub hub(dir.path());
    QVERIFY(hub.start());
    const QList<SandboxAccount> accounts = hub.accounts(platform);
    QCOMPARE(accounts.size(), 2);

    // One account in US dollars in New York and one in euros in Berlin, each with its own id and token.
    QMap<QString, SandboxAccount> byCurrency;
    for (const SandboxAccount &account : accounts)
        byCurrency.insert(account.currency, account);
    QCOMPARE(byCurrency.keys(), (QStringList{"EUR", "USD"}));
    QCOMPARE(byCurrency.value("USD").timeZone, QStringLiteral("America/New_York"));
    QCOMPARE(byCurrency.value("EUR").timeZone, QStringLiteral("Europe/Berlin"));
    QVERIFY(byCurrency.value("USD").accountId != byCurrency.value("EUR").accountId);
    QVERIFY(byCurrency.value("USD").accessToken != byCurrency.value("EUR").accessToken);

    for (const SandboxAccount &account : accounts) {
        QCOMPARE(account.platform, platform);
        QVERIFY2(QRegularExpression(idPattern).match(account.accountId).hasMatch(),
                 qPrintable(account.accountId));
        QVERIFY(account.accessToken.size() >= 20);
        QCOMPARE(account.extra.keys(), extraKeys);
        for (const QString &key : extraKeys) {
            if (key != QLatin1String("loginCustomerId"))
                QVERIFY2(!account.extra.value(key).isEmpty(), qPrintable(key));
        }
    }
}

void TestSandboxHub::restartKeepsAccountsAndClock()
{
    QTemporaryDir dir;
    QList<SandboxAccount> before;
    QDateTime clockBefore;
    {
        SandboxHub hub(dir.path(), 42);
        QVERIFY(hub.start());
        hub.advanceClock(10 * 24 * 3600);
        before = hub.accounts(Platform::Google);
        clockBefore = hub.now();
    }
    // A different seed on restart must not change what the data dir already holds.
    SandboxHub hub(dir.path(), 7);
    QVERIFY(hub.start());
    const QList<SandboxAccount> after = hub.accounts(Platform::Google);
    QCOMPARE(after.size(), before.size());
    QCOMPARE(after.first().accountId, before.first().accountId);
    QCOMPARE(after.first().accessToken, before.first().accessToken);
    QCOMPARE(after.first().extra, before.first().extra);
    QVERIFY(hub.now() >= clockBefore);
    QVERIFY(hub.now() < clockBefore.addSecs(3600));
}

void TestSandboxHub::advanceClockMovesNow()
{
    QTemporaryDir dir;
    SandboxHub hub(dir.path());
    QVERIFY(hub.start());
    const QDateTime real = QDateTime::currentDateTimeUtc();
    QVERIFY(qAbs(hub.now().secsTo(real)) < 3600);
    hub.advanceClock(3 * 24 * 3600);
    QVERIFY(hub.now().secsTo(real) <= -3 * 24 * 3600 + 5);
    QCOMPARE(hub.now().timeSpec(), Qt::UTC);
    hub.advanceClock(-100); // the clock never goes back
    QVERIFY(hub.now().secsTo(real) <= -3 * 24 * 3600 + 5);
}

void TestSandboxHub::callableFromOtherThreads()
{
    QTemporaryDir dir;
    SandboxHub hub(dir.path());
    QVERIFY(hub.start());

    // Each thread reads through a short-lived connection of its own; none may fail or crash.
    const QDateTime before = hub.now();
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int i = 0; i < 3; ++i) {
        threads.append(QThread::create([&hub, &failures] {
            for (int round = 0; round < 20; ++round) {
                if (hub.accounts(Platform::TikTok).size() != 2)
                    ++failures;
                if (!hub.objects(Platform::Google).isEmpty())
                    ++failures;
                hub.advanceClock(1);
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    QVERIFY(hub.now() >= before.addSecs(60)); // 3 threads x 20 one-second steps
}

QTEST_GUILESS_MAIN(TestSandboxHub)
#include "TestSandboxHub.moc"
