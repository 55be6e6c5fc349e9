// The spine, end to end, as a CRM tool would drive it: the real adsdesk binary, headless, on the
// sandbox, over real HTTP. Also kills the process mid-way and checks that nothing is lost.

#include "core/auth/JwtVerifier.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <chrono>

namespace {

const QString kSecret = QStringLiteral("e2e-test-secret-0123456789abcdef");
const QStringList kPlatforms{QStringLiteral("facebook"), QStringLiteral("google"), QStringLiteral("tiktok")};

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

} // namespace

class TestHeadlessFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void seedCampaignFromCreationToMetrics();
    void workspaceSurvivesAKill();

private:
    bool startApp();
    void stopApp();
    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QJsonObject waitForCampaign(const QString &id, const std::function<bool(const QJsonObject &)> &done);
    void waitForSyncIdle();

    QTemporaryDir m_dataDir;
    QProcess m_app;
    QString m_baseUrl;
    QString m_token;
    QNetworkAccessManager m_network;
};

void TestHeadlessFlow::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_token = ads::core::mintToken(kSecret, QStringLiteral("e2e"), {QStringLiteral("ads:read"),
                                                                     QStringLiteral("ads:write")},
                                   std::chrono::hours(1));
    QVERIFY(!m_token.isEmpty());
    QVERIFY(startApp());
}

void TestHeadlessFlow::cleanupTestCase()
{
    stopApp();
}

bool TestHeadlessFlow::startApp()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ADSDESK_JWT_SECRET"), kSecret);
    m_app.setProcessEnvironment(env);
    m_app.setProcessChannelMode(QProcess::SeparateChannels);
    m_app.start(QStringLiteral(ADSDESK_BINARY),
                {QStringLiteral("--headless"), QStringLiteral("--data-dir"), m_dataDir.path(),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (!m_app.waitForStarted(10000))
        return false;

    // The first line on stdout is the address, printed once the API listens.
    QByteArray out;
    while (!out.contains('\n') && m_app.waitForReadyRead(30000))
        out += m_app.readAllStandardOutput();
    const auto match = QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)\\n"))
                           .match(QString::fromUtf8(out));
    if (!match.hasMatch()) {
        qWarning() << "unexpected first output:" << out << m_app.readAllStandardError();
        return false;
    }
    m_baseUrl = match.captured(1);
    return true;
}

void TestHeadlessFlow::stopApp()
{
    if (m_app.state() == QProcess::NotRunning)
        return;
    m_app.terminate();
    if (!m_app.waitForFinished(15000))
        m_app.kill();
    m_app.waitForFinished(5000);
}

Reply TestHeadlessFlow::call(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(30000);
    QByteArray payload;
    if (!body.isEmpty() || method == "POST" || method == "PUT") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.body = QJsonDocument::fromJson(result.raw).object();
    reply->deleteLater();
    return result;
}

QJsonObject TestHeadlessFlow::waitForCampaign(const QString &id, const std::function<bool(const QJsonObject &)> &done)
{
    QJsonObject campaign;
    for (int i = 0; i < 600; ++i) {
        campaign = call("GET", QStringLiteral("/crm/ads/campaigns/") + id).body;
        if (done(campaign))
            return campaign;
        QTest::qWait(100);
    }
    qWarning() << "campaign never settled:" << QJsonDocument(campaign).toJson();
    return campaign;
}

void TestHeadlessFlow::waitForSyncIdle()
{
    for (int i = 0; i < 600; ++i) {
        const Reply sync = call("GET", QStringLiteral("/crm/ads/sync"));
        if (sync.body.value("state").toString() == u"idle")
            return;
        QTest::qWait(100);
    }
}

static bool allPlatformsIn(const QJsonObject &campaign, const QString &state)
{
    const QJsonObject status = campaign.value("platformStatus").toObject();
    for (const QString &platform : kPlatforms) {
        if (status.value(platform).toObject().value("state").toString() != state)
            return false;
    }
    return true;
}

void TestHeadlessFlow::seedCampaignFromCreationToMetrics()
{
    // The seed's JSON, verbatim: its schedule is over, so it is stored but cannot launch.
    QFile seedFile(QStringLiteral(ADSDESK_SEED_JSON));
    QVERIFY(seedFile.open(QIODevice::ReadOnly));
    const QJsonObject seed = QJsonDocument::fromJson(seedFile.readAll()).object();
    const Reply created = call("POST", QStringLiteral("/crm/ads/campaigns"), seed);
    QCOMPARE(created.status, 201);
    const QString id = created.body.value("id").toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.body.value("status").toString(), QStringLiteral("draft"));
    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status, 409);

    // Move the schedule to start now and end in seven days.
    QJsonObject edited = created.body;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    edited.insert("schedule", QJsonObject{{"startAt", now.toString(Qt::ISODate)},
                                          {"endAt", now.addDays(7).toString(Qt::ISODate)}});
    const Reply updated = call("PUT", QStringLiteral("/crm/ads/campaigns/") + id, edited);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.body.value("version").toInt(), 2);

    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/launch/") + id).status, 202);
    QJsonObject live = waitForCampaign(id, [](const QJsonObject &c) { return allPlatformsIn(c, "active"); });
    QVERIFY2(allPlatformsIn(live, QStringLiteral("active")), QJsonDocument(live).toJson().constData());
    QCOMPARE(live.value("status").toString(), QStringLiteral("active"));
    for (const QString &platform : kPlatforms) {
        const QJsonObject entry = live.value("platformStatus").toObject().value(platform).toObject();
        QVERIFY(!entry.value("remoteIds").toObject().value("campaign").toString().isEmpty());
        QCOMPARE(entry.value("budget").toObject().value("amount").toDouble(), 150.0);
        QVERIFY(entry.value("error").isNull());
    }

    // Each platform holds its hierarchy exactly once: no object of ours appears twice.
    for (const QString &platform : kPlatforms) {
        const Reply objects = call("GET", QStringLiteral("/crm/ads/sandbox/objects?platform=") + platform);
        QCOMPARE(objects.status, 200);
        QSet<QString> names;
        int campaigns = 0;
        for (const QJsonValue &v : objects.body.value("items").toArray()) {
            const QJsonObject object = v.toObject();
            const QString name = object.value("name").toString();
            if (object.value("type").toString() == u"campaign")
                ++campaigns;
            if (!name.contains(QStringLiteral("[ads:")))
                continue;
            QVERIFY2(!names.contains(object.value("type").toString() + name), qPrintable(name));
            names.insert(object.value("type").toString() + name);
        }
        QCOMPARE(campaigns, 1);
    }

    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/pause/") + id).status, 202);
    live = waitForCampaign(id, [](const QJsonObject &c) { return allPlatformsIn(c, "paused"); });
    QCOMPARE(live.value("status").toString(), QStringLiteral("paused"));
    QCOMPARE(call("POST", QStringLiteral("/crm/ads/campaigns/resume/") + id).status, 202);
    live = waitForCampaign(id, [](const QJsonObject &c) { return allPlatformsIn(c, "active"); });
    QCOMPARE(live.value("status").toString(), QStringLiteral("active"));

    // Three days of simulated delivery, then a sync.
    const Reply clock = call("POST", QStringLiteral("/crm/ads/sandbox/clock"), {{"advanceSeconds", 3 * 86400}});
    QCOMPARE(clock.status, 200);
    QCOMPARE(call("POST", QStringLiteral("/crm/ads/sync")).status, 202);
    QTest::qWait(200);
    waitForSyncIdle();

    const QString from = now.addDays(-1).date().toString(Qt::ISODate);
    const QString to = now.addDays(4).date().toString(Qt::ISODate);
    const Reply metrics = call("GET", QStringLiteral("/crm/ads/campaigns/metrics/%1?from=%2&to=%3").arg(id, from, to));
    QCOMPARE(metrics.status, 200);
    QCOMPARE(metrics.body.value("currency").toString(), QStringLiteral("USD"));

    // Each platform delivered, within its share plus its documented daily allowance.
    const QHash<QString, double> allowance{{"facebook", 1.75}, {"google", 2.0}, {"tiktok", 1.0}};
    const QJsonObject platforms = metrics.body.value("platforms").toObject();
    double impressions = 0;
    double spend = 0;
    for (const QString &platform : kPlatforms) {
        const QJsonObject block = platforms.value(platform).toObject();
        QVERIFY2(block.value("impressions").toDouble() > 0, qPrintable(platform));
        QVERIFY2(block.value("clicks").toDouble() > 0, qPrintable(platform));
        QVERIFY2(block.value("spend").toDouble() > 0, qPrintable(platform));
        for (const QJsonValue &day : block.value("daily").toArray()) {
            const double daySpend = day.toObject().value("spend").toDouble();
            QVERIFY2(daySpend <= 150.0 * allowance.value(platform) + 0.005,
                     qPrintable(platform + u' ' + day.toObject().value("date").toString()));
        }
        impressions += block.value("impressions").toDouble();
        spend += block.value("spend").toDouble();
    }
    const QJsonObject totals = metrics.body.value("totals").toObject();
    QCOMPARE(totals.value("impressions").toDouble(), impressions);
    QVERIFY(qAbs(totals.value("spend").toDouble() - spend) < 0.005);
    const double ctr = totals.value("clicks").toDouble() / totals.value("impressions").toDouble();
    QVERIFY(qAbs(totals.value("ctr").toDouble() - ctr) < 1e-12);

    double dailySpend = 0;
    for (const QJsonValue &v : metrics.body.value("daily").toArray())
        dailySpend += v.toObject().value("spend").toDouble();
    QVERIFY(qAbs(dailySpend - spend) < 0.005);
    QVERIFY(metrics.body.value("daily").toArray().size() >= 3);
}

void TestHeadlessFlow::workspaceSurvivesAKill()
{
    const Reply list = call("GET", QStringLiteral("/crm/ads/campaigns"));
    QCOMPARE(list.status, 200);
    const int before = list.body.value("items").toArray().size();
    QVERIFY(before >= 1);

    m_app.kill();
    m_app.waitForFinished(5000);
    QVERIFY(startApp());

    const Reply after = call("GET", QStringLiteral("/crm/ads/campaigns"));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body.value("items").toArray().size(), before);
    QCOMPARE(after.body.value("items").toArray().first().toObject().value("status").toString(),
             QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestHeadlessFlow)
#include "TestHeadlessFlow.moc"
