// The process is killed (SIGKILL, through the engine's test hook) at every step boundary of a
// launch to all platforms, then started again: every launch converges and every platform holds
// each of our objects exactly once.

#include "AppHarness.h"

#include <QJsonArray>
#include <QTemporaryDir>

namespace {

QJsonObject campaignStartingNow()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {{"name", "Kill test"},
            {"objective", "conversions"},
            {"platforms", QJsonArray{"facebook", "google", "tiktok"}},
            {"budget", QJsonObject{{"type", "daily"}, {"amount", 450}, {"currency", "USD"}}},
            {"audienceIds", QJsonArray{"aud-vip", "aud-cart-abandoned"}},
            {"creativeIds", QJsonArray{"cre-bf-video-1", "cre-bf-static-1"}},
            {"schedule", QJsonObject{{"startAt", now.toString(Qt::ISODate)},
                                     {"endAt", now.addDays(7).toString(Qt::ISODate)}}}};
}

} // namespace

class TestKillRecovery : public QObject
{
    Q_OBJECT

private slots:
    void killedAtEveryStepBoundary_data();
    void killedAtEveryStepBoundary();
};

void TestKillRecovery::killedAtEveryStepBoundary_data()
{
    QTest::addColumn<QString>("point");
    QTest::newRow("after the step is journaled, before it is sent") << "sent";
    QTest::newRow("after the platform answered, before the ids are stored") << "answered";
    QTest::newRow("after the ids are stored") << "recorded";
}

void TestKillRecovery::killedAtEveryStepBoundary()
{
    QFETCH(QString, point);

    int kills = 0;
    for (int step = 1; step <= 60; ++step) {
        QTemporaryDir dir;
        AppHarness app(dir.path());
        QVERIFY(app.start({{QStringLiteral("ADSDESK_TEST_KILL_AT"), point + u':' + QString::number(step)}}));
        const ApiReply created = app.call("POST", QStringLiteral("/crm/ads/campaigns"), campaignStartingNow());
        QCOMPARE(created.status, 201);
        const QString id = created.body.value("id").toString();

        // The engine runs its first steps while the API thread is still writing the 202, so a kill at
        // an early step may come before the answer leaves the process. A client then sees no answer;
        // that is only acceptable when the process really died.
        const int launchStatus = app.call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status;
        const bool answered = launchStatus != 0;
        if (answered)
            QCOMPARE(launchStatus, 202);

        // Either the hook kills the process at this step, or the launch had fewer steps.
        const bool killed = app.waitForExit(answered ? 60000 : 5000);
        QVERIFY2(answered || killed, qPrintable(QStringLiteral("%1:%2: the launch got no answer from a live process")
                                                    .arg(point)
                                                    .arg(step)));
        if (!killed) {
            const QJsonObject done = app.waitForCampaign(id, [](const QJsonObject &c) {
                return AppHarness::allPlatformsIn(c, QStringLiteral("active"));
            });
            QVERIFY(AppHarness::allPlatformsIn(done, QStringLiteral("active")));
            break;
        }
        ++kills;

        QVERIFY(app.start());
        if (!answered) {
            qInfo("%s:%d: killed before the launch's answer was written", qPrintable(point), step);
            // A client that got no answer asks again; the journaled launch is either still running or done.
            const int retried = app.call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status;
            QVERIFY2(retried == 202 || retried == 409, qPrintable(QString::number(retried)));
        }
        const QJsonObject live = app.waitForCampaign(id, [](const QJsonObject &c) {
            return AppHarness::allPlatformsIn(c, QStringLiteral("active"));
        });
        QVERIFY2(AppHarness::allPlatformsIn(live, QStringLiteral("active")),
                 qPrintable(QStringLiteral("killed at %1:%2: %3")
                                .arg(point)
                                .arg(step)
                                .arg(QString::fromUtf8(QJsonDocument(live).toJson(QJsonDocument::Compact)))));

        for (const QString platform : {"facebook", "google", "tiktok"}) {
            const ApiReply objects = app.call("GET", QStringLiteral("/crm/ads/sandbox/objects?platform=") + platform);
            QHash<QString, int> seen;
            for (const QJsonValue &v : objects.body.value("items").toArray()) {
                const QJsonObject object = v.toObject();
                const QString name = object.value("name").toString();
                if (name.contains(QStringLiteral("[ads:")))
                    seen[object.value("type").toString() + u' ' + name] += 1;
            }
            QVERIFY2(!seen.isEmpty(), qPrintable(platform));
            for (auto it = seen.begin(); it != seen.end(); ++it)
                QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1:%2 %3: %4 twice")
                                                         .arg(point)
                                                         .arg(step)
                                                         .arg(platform, it.key())));
        }
        app.stop();
    }
    QVERIFY2(kills >= 10, qPrintable(QStringLiteral("only %1 step boundaries were reached").arg(kills)));
}

QTEST_GUILESS_MAIN(TestKillRecovery)
#include "TestKillRecovery.moc"
