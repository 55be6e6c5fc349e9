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
        QCOMPARE(app.call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status, 202);

        // Either the hook kills the process at this step, or the launch had fewer steps.
        const bool killed = app.waitForExit(60000);
        if (!killed) {
            const QJsonObject done = app.waitForCampaign(id, [](const QJsonObject &c) {
                return AppHarness::allPlatformsIn(c, QStringLiteral("active"));
            });
            QVERIFY(AppHarness::allPlatformsIn(done, QStringLiteral("active")));
            break;
        }
        ++kills;

        QVERIFY(app.start());
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
