#include "ApiTestSupport.h"
#include "core/api/ApiServer.h"
#include "core/auth/JwtVerifier.h"
#include "core/sandbox/SandboxHub.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using ads::core::sandbox::FaultProfile;
using ads::test::ApiClient;
using ads::test::HttpResult;

namespace {

const QString kSecret = QStringLiteral("faults-test-secret-0123456789abcdefghij");
const QString kFaults = QStringLiteral("/crm/ads/sandbox/faults");

QString token(const QStringList &scopes = {"ads:read", "ads:write"})
{
    return mintToken(kSecret, "faults-test", scopes, std::chrono::minutes(10));
}

QJsonObject fullProfile(double error, double limit, double timeout, double lost, int latency,
                        int retry)
{
    return QJsonObject{{"errorRate", error},
                       {"rateLimitRate", limit},
                       {"timeoutRate", timeout},
                       {"lostReplyRate", lost},
                       {"latencyMs", latency},
                       {"retryAfterSeconds", retry}};
}

} // namespace

class TestApiSandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void putGetDeleteRoundTrip();
    void putReachesThePlatformServers();
    void validation_data();
    void validation();
    void unservedPlatformIsRefused();
    void readScopeCannotChangeFaults();
    void absentOutsideSandbox();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    sandbox::SandboxHub *m_hub = nullptr;
};

void TestApiSandboxFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto workspace = Workspace::open(ads::test::workspaceOptions(m_dir.filePath("ws"), true));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));
    m_workspace = std::move(*workspace);
    m_hub = m_workspace->sandboxHub();
    QVERIFY(m_hub);

    m_server = std::make_unique<ApiServer>(m_workspace.get(), kSecret);
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    m_client = std::make_unique<ApiClient>(*port);
}

void TestApiSandboxFaults::cleanupTestCase()
{
    m_client.reset();
    if (m_server)
        m_server->close();
    m_server.reset();
    m_workspace.reset();
}

void TestApiSandboxFaults::cleanup()
{
    m_hub->clearFaults();
}

void TestApiSandboxFaults::putGetDeleteRoundTrip()
{
    QCOMPARE(m_client->send("GET", kFaults, token()).json, QJsonObject());

    const QJsonObject body{{"facebook", fullProfile(0.2, 0.1, 0.05, 0.1, 200, 2)},
                           {"google", QJsonObject{{"errorRate", 1}}}};
    const HttpResult put = m_client->sendJson("PUT", kFaults, token(), body);
    QCOMPARE(put.status, 200);
    // Settings left out read back as 0.
    const QJsonObject inForce{{"facebook", fullProfile(0.2, 0.1, 0.05, 0.1, 200, 2)},
                              {"google", fullProfile(1, 0, 0, 0, 0, 0)}};
    QCOMPARE(put.json, inForce);
    QCOMPARE(m_client->send("GET", kFaults, token()).json, inForce);

    const QHash<Platform, FaultProfile> faults = m_hub->faults();
    QCOMPARE(faults.size(), 2);
    QCOMPARE(faults.value(Platform::Facebook).lostReplyRate, 0.1);
    QCOMPARE(faults.value(Platform::Facebook).latencyMs, 200);
    QCOMPARE(faults.value(Platform::Facebook).retryAfterSeconds, 2);
    QCOMPARE(faults.value(Platform::Google).errorRate, 1.0);

    // PUT replaces the whole set; an all-zero profile is no profile.
    const HttpResult replaced = m_client->sendJson(
        "PUT", kFaults, token(),
        {{"tiktok", QJsonObject{{"latencyMs", 5}}}, {"google", fullProfile(0, 0, 0, 0, 0, 0)}});
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json, (QJsonObject{{"tiktok", fullProfile(0, 0, 0, 0, 5, 0)}}));
    QCOMPARE(m_hub->faults().keys(), QList<Platform>{Platform::TikTok});

    const HttpResult cleared = m_client->send("DELETE", kFaults, token());
    QCOMPARE(cleared.status, 204);
    QVERIFY(cleared.body.isEmpty());
    QVERIFY(m_hub->faults().isEmpty());
    QCOMPARE(m_client->send("GET", kFaults, token()).json, QJsonObject());

    // An empty object is a PUT of no profiles at all.
    m_hub->setFaults(Platform::Google, FaultProfile{1, 0, 0, 0, 0, 0});
    QCOMPARE(m_client->send("PUT", kFaults, token(), "{}").status, 200);
    QVERIFY(m_hub->faults().isEmpty());
}

void TestApiSandboxFaults::putReachesThePlatformServers()
{
    ApiClient google(quint16(m_hub->baseUrl(Platform::Google).port()));
    const QString listCustomers = QStringLiteral("/v25/customers:listAccessibleCustomers");
    const int normal = google.send("GET", listCustomers).status;
    QVERIFY(normal != 503);

    QCOMPARE(m_client
                 ->sendJson("PUT", kFaults, token(),
                            {{"google", QJsonObject{{"errorRate", 1}}}})
                 .status,
             200);
    const HttpResult refused = google.send("GET", listCustomers);
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.json["error"].toObject()["status"].toString(), QStringLiteral("UNAVAILABLE"));

    QCOMPARE(m_client->send("DELETE", kFaults, token()).status, 204);
    QCOMPARE(google.send("GET", listCustomers).status, normal);
}

void TestApiSandboxFaults::validation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("rate above 1") << QByteArray(R"({"facebook":{"errorRate":1.5}})")
                                  << QStringList{"facebook.errorRate"};
    QTest::newRow("negative rate") << QByteArray(R"({"google":{"timeoutRate":-0.1}})")
                                   << QStringList{"google.timeoutRate"};
    QTest::newRow("rate as text") << QByteArray(R"({"facebook":{"lostReplyRate":"0.1"}})")
                                  << QStringList{"facebook.lostReplyRate"};
    QTest::newRow("rate null") << QByteArray(R"({"tiktok":{"rateLimitRate":null}})")
                               << QStringList{"tiktok.rateLimitRate"};
    QTest::newRow("latency over a minute") << QByteArray(R"({"facebook":{"latencyMs":60001}})")
                                           << QStringList{"facebook.latencyMs"};
    QTest::newRow("fractional latency") << QByteArray(R"({"facebook":{"latencyMs":1.5}})")
                                        << QStringList{"facebook.latencyMs"};
    QTest::newRow("negative latency") << QByteArray(R"({"google":{"latencyMs":-1}})")
                                      << QStringList{"google.latencyMs"};
    QTest::newRow("retry over an hour") << QByteArray(R"({"google":{"retryAfterSeconds":3601}})")
                                        << QStringList{"google.retryAfterSeconds"};
    QTest::newRow("retry as text") << QByteArray(R"({"google":{"retryAfterSeconds":"2"}})")
                                   << QStringList{"google.retryAfterSeconds"};
    QTest::newRow("unknown field") << QByteArray(R"({"facebook":{"errorRat":0.1}})")
                                   << QStringList{"facebook.errorRat"};
    QTest::newRow("unknown platform") << QByteArray(R"({"myspace":{"errorRate":0.1}})")
                                      << QStringList{"myspace"};
    QTest::newRow("profile not an object") << QByteArray(R"({"facebook":0.5})")
                                           << QStringList{"facebook"};
    QTest::newRow("rates add up past 1")
        << QByteArray(R"({"tiktok":{"errorRate":0.6,"rateLimitRate":0.3,"lostReplyRate":0.2}})")
        << QStringList{"tiktok"};
    QTest::newRow("every wrong field at once")
        << QByteArray(R"({"facebook":{"errorRate":2,"latencyMs":-5,"x":1},"myspace":{}})")
        << QStringList{"facebook.errorRate", "facebook.latencyMs", "facebook.x", "myspace"};
}

void TestApiSandboxFaults::validation()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, fields);

    // A refused PUT changes nothing, not even the platforms it got right.
    const FaultProfile before{0.5, 0, 0, 0, 10, 0};
    m_hub->setFaults(Platform::Google, before);

    const HttpResult result = m_client->send("PUT", kFaults, token(), body);
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorCode(), QStringLiteral("invalid_input"));
    QStringList named = result.errorFields();
    named.sort();
    QCOMPARE(named, fields);
    QCOMPARE(m_hub->faults().size(), 1);
    QCOMPARE(m_hub->faults().value(Platform::Google), before);
}

void TestApiSandboxFaults::unservedPlatformIsRefused()
{
    QString unserved;
    for (Platform platform : allPlatforms()) {
        if (!m_hub->platforms().contains(platform))
            unserved = platformName(platform);
    }
    if (unserved.isEmpty())
        QSKIP("the sandbox serves every platform");

    const HttpResult result = m_client->sendJson(
        "PUT", kFaults, token(), {{unserved, QJsonObject{{"errorRate", 0.5}}}});
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{unserved});
}

void TestApiSandboxFaults::readScopeCannotChangeFaults()
{
    const QString reader = token({"ads:read"});
    QCOMPARE(m_client->send("GET", kFaults, reader).status, 200);
    QCOMPARE(m_client->send("PUT", kFaults, reader, "{}").status, 403);
    QCOMPARE(m_client->send("DELETE", kFaults, reader).status, 403);
    QCOMPARE(m_client->send("GET", kFaults).status, 401);
    QCOMPARE(m_client->send("PUT", kFaults, token(), "[]").status, 400);
    QCOMPARE(m_client->send("PUT", kFaults, token(), "{}", "text/plain").status, 415);
}

void TestApiSandboxFaults::absentOutsideSandbox()
{
    QTemporaryDir dir;
    auto workspace = Workspace::open(ads::test::workspaceOptions(dir.filePath("live"), false));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));

    ApiServer server(workspace->get(), kSecret);
    const auto port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    ApiClient client(*port);

    QCOMPARE(client.send("GET", kFaults, token()).status, 404);
    QCOMPARE(client.sendJson("PUT", kFaults, token(), {{"facebook", QJsonObject{}}}).status, 404);
    QCOMPARE(client.send("DELETE", kFaults, token()).status, 404);
    server.close();
}

QTEST_GUILESS_MAIN(TestApiSandboxFaults)
#include "TestApiSandboxFaults.moc"
