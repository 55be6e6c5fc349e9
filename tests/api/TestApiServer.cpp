#include "ApiTestSupport.h"
#include "core/api/ApiServer.h"
#include "core/auth/JwtVerifier.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using ads::test::ApiClient;
using ads::test::HttpResult;

namespace {

const QString kSecret = QStringLiteral("api-test-secret-0123456789abcdefghijkl");
const QString kCampaigns = QStringLiteral("/crm/ads/campaigns");

QString token(const QStringList &scopes, std::chrono::seconds lifetime = std::chrono::minutes(10))
{
    return mintToken(kSecret, "crm-test", scopes, lifetime);
}

QString fullToken()
{
    return token({"ads:read", "ads:write"});
}

QJsonObject claimsNow(qint64 expOffset = 600)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{"sub", "crm-test"},
            {"scope", "ads:read ads:write"},
            {"iat", now},
            {"exp", now + expOffset}};
}

} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void healthNeedsNoToken();
    void authMatrix_data();
    void authMatrix();
    void crudRoundTrip();
    void clientChosenId();
    void validation_data();
    void validation();
    void malformedBody_data();
    void malformedBody();
    void hostileBodiesGet4xx_data();
    void hostileBodiesGet4xx();
    void unsupportedMediaType();
    void bodyTooLarge();
    void unknownIdsAndRoutes_data();
    void unknownIdsAndRoutes();
    void wrongMethodGets405();
    void paginationFollowsCursor();
    void limitOutOfRange_data();
    void limitOutOfRange();
    void libraryLists_data();
    void libraryLists();
    void lifecycle();
    void metricsRange();
    void sync();
    void sandboxClock_data();
    void sandboxClock();
    void sandboxObjects_data();
    void sandboxObjects();
    void sandboxRoutesAbsentOutsideSandbox();
    void listenTwiceConflicts();
    void portInUseAndRestart();

private:
    QString createCampaign(const QString &name = QStringLiteral("API test campaign"));

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void TestApiServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto workspace = Workspace::open(ads::test::workspaceOptions(m_dir.filePath("ws"), true));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));
    m_workspace = std::move(*workspace);

    m_server = std::make_unique<ApiServer>(m_workspace.get(), kSecret);
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    QVERIFY(*port != 0);
    m_client = std::make_unique<ApiClient>(*port);
}

void TestApiServer::cleanupTestCase()
{
    m_client.reset();
    if (m_server)
        m_server->close();
    m_server.reset();
    m_workspace.reset();
}

QString TestApiServer::createCampaign(const QString &name)
{
    const HttpResult created =
        m_client->sendJson("POST", kCampaigns, fullToken(), ads::test::validCampaign(name));
    if (created.status != 201)
        qWarning() << "create failed" << created.status << created.body;
    return created.json.value("id").toString();
}

void TestApiServer::healthNeedsNoToken()
{
    const HttpResult health = m_client->send("GET", "/crm/ads/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value("status").toString(), QStringLiteral("ok"));
    QCOMPARE(health.header("Content-Type"), QByteArray("application/json"));
}

void TestApiServer::authMatrix_data()
{
    QTest::addColumn<QString>("bearer");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("challenge"); // expected in WWW-Authenticate, empty for none

    const QJsonObject hs256{{"alg", "HS256"}, {"typ", "JWT"}};
    const QString read = token({"ads:read"});
    const QString write = token({"ads:write"});

    QTest::newRow("missing") << QString() << QByteArray("GET") << 401 << QByteArray("Bearer realm");
    QTest::newRow("garbage") << "abc.def" << QByteArray("GET") << 401
                             << QByteArray("error=\"invalid_token\"");
    QTest::newRow("bad signature") << mintToken(
        "not-the-server-secret-0123456789abcdef", "crm", {"ads:read"}, std::chrono::minutes(5))
                                   << QByteArray("GET") << 401 << QByteArray("invalid_token");
    QTest::newRow("expired") << ads::test::craftToken(hs256, claimsNow(-3600), kSecret)
                             << QByteArray("GET") << 401 << QByteArray("invalid_token");
    QTest::newRow("alg none") << ads::test::craftToken({{"alg", "none"}}, claimsNow(), kSecret)
                              << QByteArray("GET") << 401 << QByteArray("invalid_token");
    QTest::newRow("HS512") << ads::test::craftToken(
        {{"alg", "HS512"}}, claimsNow(), kSecret, QCryptographicHash::Sha512)
                           << QByteArray("GET") << 401 << QByteArray("invalid_token");
    QTest::newRow("read token reads") << read << QByteArray("GET") << 200 << QByteArray();
    QTest::newRow("read token cannot write")
        << read << QByteArray("POST") << 403 << QByteArray("insufficient_scope");
    QTest::newRow("write token cannot read")
        << write << QByteArray("GET") << 403 << QByteArray("scope=\"ads:read\"");
    QTest::newRow("write token writes") << write << QByteArray("POST") << 201 << QByteArray();
}

void TestApiServer::authMatrix()
{
    QFETCH(QString, bearer);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QByteArray, challenge);

    const QByteArray body =
        method == "POST" ? QJsonDocument(ads::test::validCampaign()).toJson(QJsonDocument::Compact)
                         : QByteArray();
    const HttpResult result = m_client->send(method, kCampaigns, bearer, body);

    QCOMPARE(result.status, status);
    if (!challenge.isEmpty())
        QVERIFY2(result.header("WWW-Authenticate").contains(challenge),
                 result.header("WWW-Authenticate"));
    if (status == 401)
        QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
    if (status == 403)
        QCOMPARE(result.errorCode(), QStringLiteral("forbidden"));
}

void TestApiServer::crudRoundTrip()
{
    const HttpResult created =
        m_client->sendJson("POST", kCampaigns, fullToken(), ads::test::validCampaign());
    QCOMPARE(created.status, 201);
    const QString id = created.json.value("id").toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.header("Location"), (kCampaigns + "/" + id).toUtf8());
    QCOMPARE(created.json.value("status").toString(), QStringLiteral("draft"));
    const int version = created.json.value("version").toInt();

    const HttpResult fetched = m_client->send("GET", kCampaigns + "/" + id, fullToken());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json, created.json);

    // PUT takes the record as GET returned it, server-owned fields and all.
    QJsonObject edited = fetched.json;
    edited.insert("name", "Renamed through the API");
    edited.insert("status", "active");
    const HttpResult updated =
        m_client->sendJson("PUT", kCampaigns + "/" + id, fullToken(), edited);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value("name").toString(), QStringLiteral("Renamed through the API"));
    QCOMPARE(updated.json.value("status").toString(), QStringLiteral("draft"));
    QCOMPARE(updated.json.value("version").toInt(), version + 1);

    const HttpResult stale = m_client->sendJson("PUT", kCampaigns + "/" + id, fullToken(), edited);
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.errorCode(), QStringLiteral("precondition_failed"));

    edited.remove("version");
    QCOMPARE(m_client->sendJson("PUT", kCampaigns + "/" + id, fullToken(), edited).status, 200);

    const HttpResult deleted = m_client->send("DELETE", kCampaigns + "/" + id, fullToken());
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_client->send("GET", kCampaigns + "/" + id, fullToken()).status, 404);
    QCOMPARE(m_client->send("DELETE", kCampaigns + "/" + id, fullToken()).status, 404);
}

void TestApiServer::clientChosenId()
{
    QJsonObject body = ads::test::validCampaign();
    body.insert("id", "cmp-chosen_1");
    const HttpResult created = m_client->sendJson("POST", kCampaigns, fullToken(), body);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value("id").toString(), QStringLiteral("cmp-chosen_1"));
    QCOMPARE(created.header("Location"), QByteArray("/crm/ads/campaigns/cmp-chosen_1"));

    const HttpResult again = m_client->sendJson("POST", kCampaigns, fullToken(), body);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("conflict"));
}

void TestApiServer::validation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QJsonObject>("changes"); // merged into a valid campaign; null removes a key
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("name missing") << QByteArray("POST") << QJsonObject{{"name", QJsonValue::Null}}
                                  << QStringList{"name"};
    QTest::newRow("amount not a number")
        << QByteArray("POST")
        << QJsonObject{{"budget",
                        QJsonObject{{"type", "daily"}, {"amount", "lots"}, {"currency", "USD"}}}}
        << QStringList{"budget.amount"};
    QTest::newRow("unknown platform")
        << QByteArray("POST") << QJsonObject{{"platforms", QJsonArray{"myspace"}}}
        << QStringList{"platforms[0]"};
    QTest::newRow("id with a space")
        << QByteArray("POST") << QJsonObject{{"id", "has space"}} << QStringList{"id"};
    QTest::newRow("id too long") << QByteArray("POST") << QJsonObject{{"id", QString(65, 'a')}}
                                 << QStringList{"id"};
    QTest::newRow("id not a string")
        << QByteArray("POST") << QJsonObject{{"id", 12}} << QStringList{"id"};
    QTest::newRow("id and name together")
        << QByteArray("POST") << QJsonObject{{"id", "a/b"}, {"name", QJsonValue::Null}}
        << QStringList{"name", "id"};
    QTest::newRow("version not a number")
        << QByteArray("PUT") << QJsonObject{{"version", "two"}} << QStringList{"version"};
    QTest::newRow("version fractional")
        << QByteArray("PUT") << QJsonObject{{"version", 1.5}} << QStringList{"version"};
}

void TestApiServer::validation()
{
    QFETCH(QByteArray, method);
    QFETCH(QJsonObject, changes);
    QFETCH(QStringList, fields);

    QJsonObject body = ads::test::validCampaign();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            body.remove(it.key());
        else
            body.insert(it.key(), it.value());
    }
    const QString path = method == "PUT" ? kCampaigns + "/" + createCampaign() : kCampaigns;
    const HttpResult result = m_client->sendJson(method, path, fullToken(), body);

    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorCode(), QStringLiteral("invalid_input"));
    const QStringList actual = result.errorFields();
    for (const QString &field : fields)
        QVERIFY2(actual.contains(field), qPrintable(actual.join(", ")));
}

void TestApiServer::malformedBody_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("truncated") << QByteArray("POST") << QByteArray("{\"name\": ");
    QTest::newRow("array") << QByteArray("POST") << QByteArray("[1, 2]");
    QTest::newRow("empty") << QByteArray("POST") << QByteArray();
    QTest::newRow("not json") << QByteArray("PUT") << QByteArray("name=x");
    QTest::newRow("deep nesting") << QByteArray("POST")
                                  << QByteArray(5000, '[') + QByteArray(5000, ']');
}

void TestApiServer::malformedBody()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);

    const QString path = method == "PUT" ? kCampaigns + "/" + createCampaign() : kCampaigns;
    const HttpResult result = m_client->send(method, path, fullToken(), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("malformed_request"));
}

void TestApiServer::hostileBodiesGet4xx_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");

    const QList<QByteArray> bodies{
        R"({"name": 123, "objective": [], "platforms": "facebook"})",
        R"({"budget": "lots", "schedule": 5})",
        R"({"budget": {"type": "hourly", "amount": 1e300, "currency": "usd"}})",
        R"({"budget": {"type": "daily", "amount": -1, "currency": "XXX", "allocation": [1]}})",
        R"({"audienceIds": [1, null, {}], "creativeIds": "cre-bf-static-1"})",
        R"({"schedule": {"startAt": "yesterday", "endAt": 17}})",
        R"({"id": null, "version": null, "name": null})",
        R"({"platforms": ["facebook", "facebook", "", "FACEBOOK"]})",
        R"({"name": "\u0000\ud800", "id": "\u00e9t\u00e9"})",
        R"({"version": 1e20, "id": ""})",
        "{}",
    };
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        QTest::addRow("POST %d", int(i)) << QByteArray("POST") << bodies[i];
        QTest::addRow("PUT %d", int(i)) << QByteArray("PUT") << bodies[i];
    }
}

void TestApiServer::hostileBodiesGet4xx()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);

    const QString path = method == "PUT" ? kCampaigns + "/" + createCampaign() : kCampaigns;
    const HttpResult before = m_client->send("GET", kCampaigns + "?limit=500", fullToken());

    const HttpResult result = m_client->send(method, path, fullToken(), body);
    QVERIFY2(result.status >= 400 && result.status < 500, result.body.constData());
    QVERIFY(!result.errorCode().isEmpty());

    // Refused input leaves the data as it was.
    QCOMPARE(m_client->send("GET", kCampaigns + "?limit=500", fullToken()).json, before.json);
}

void TestApiServer::unsupportedMediaType()
{
    const QByteArray body = QJsonDocument(ads::test::validCampaign()).toJson();
    const HttpResult plain = m_client->send("POST", kCampaigns, fullToken(), body, "text/plain");
    QCOMPARE(plain.status, 415);
    QCOMPARE(plain.errorCode(), QStringLiteral("unsupported_media_type"));

    const HttpResult withCharset =
        m_client->send("POST", kCampaigns, fullToken(), body, "application/json; charset=utf-8");
    QCOMPARE(withCharset.status, 201);
}

void TestApiServer::bodyTooLarge()
{
    const QByteArray tooLarge(1024 * 1024 + 1, ' ');
    const HttpResult refused = m_client->send("POST", kCampaigns, fullToken(), tooLarge);
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.errorCode(), QStringLiteral("payload_too_large"));

    // At the limit the body is read (and found not to be JSON), so the limit is not off by one.
    const HttpResult atLimit =
        m_client->send("POST", kCampaigns, fullToken(), QByteArray(1024 * 1024, ' '));
    QCOMPARE(atLimit.status, 400);
}

void TestApiServer::unknownIdsAndRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    QTest::newRow("campaign") << QByteArray("GET") << "/crm/ads/campaigns/no-such-campaign";
    QTest::newRow("update") << QByteArray("PUT") << "/crm/ads/campaigns/no-such-campaign";
    QTest::newRow("launch") << QByteArray("POST") << "/crm/ads/campaigns/launch/no-such-campaign";
    QTest::newRow("metrics") << QByteArray("GET") << "/crm/ads/campaigns/metrics/no-such-campaign";
    QTest::newRow("route") << QByteArray("GET") << "/crm/ads/nothing-here";
    QTest::newRow("trailing slash") << QByteArray("GET") << "/crm/ads/campaigns/";
    QTest::newRow("encoded slash") << QByteArray("GET") << "/crm/ads/campaigns/a%2Fb";
}

void TestApiServer::unknownIdsAndRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    const QByteArray body =
        method == "PUT" ? QJsonDocument(ads::test::validCampaign()).toJson() : QByteArray();
    const HttpResult result = m_client->send(method, path, fullToken(), body);
    QCOMPARE(result.status, 404);
    QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
}

void TestApiServer::wrongMethodGets405()
{
    const HttpResult patch = m_client->send("PATCH", kCampaigns, fullToken(), "{}");
    QCOMPARE(patch.status, 405);
    QCOMPARE(patch.header("Allow"), QByteArray("GET, POST"));
    QCOMPARE(patch.errorCode(), QStringLiteral("method_not_allowed"));

    QCOMPARE(m_client->send("DELETE", "/crm/ads/sync", fullToken()).status, 405);
}

void TestApiServer::paginationFollowsCursor()
{
    QSet<QString> created;
    for (int i = 0; i < 5; ++i)
        created.insert(createCampaign(QStringLiteral("Paged %1").arg(i)));

    QSet<QString> seen;
    QString cursor;
    int pages = 0;
    do {
        const QString query = cursor.isEmpty() ? QStringLiteral("?limit=2")
                                               : QStringLiteral("?limit=2&cursor=%1").arg(cursor);
        const HttpResult page = m_client->send("GET", kCampaigns + query, fullToken());
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json.value("items").toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &item : items) {
            const QString id = item.toObject().value("id").toString();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
        }
        QVERIFY(page.json.contains("nextCursor"));
        cursor = page.json.value("nextCursor").toString();
        QVERIFY(++pages < 100);
    } while (!cursor.isEmpty());

    QVERIFY(pages >= 3);
    QVERIFY(seen.contains(created));
}

void TestApiServer::limitOutOfRange_data()
{
    QTest::addColumn<QString>("path");

    for (const QString &list : {QStringLiteral("campaigns"), QStringLiteral("creatives")}) {
        for (const QString &limit : {QStringLiteral("0"),
                                     QStringLiteral("501"),
                                     QStringLiteral("abc"),
                                     QStringLiteral("-1"),
                                     QString()}) {
            QTest::addRow("%s limit=%s", qPrintable(list), qPrintable(limit))
                << QStringLiteral("/crm/ads/%1?limit=%2").arg(list, limit);
        }
    }
}

void TestApiServer::limitOutOfRange()
{
    QFETCH(QString, path);

    const HttpResult result = m_client->send("GET", path, fullToken());
    QCOMPARE(result.status, 422);
    QCOMPARE(result.errorFields(), QStringList{"limit"});
}

void TestApiServer::libraryLists_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("knownId");

    QTest::newRow("creatives") << "/crm/ads/creatives"
                               << "cre-bf-static-1";
    QTest::newRow("audiences") << "/crm/ads/audiences"
                               << "aud-vip";
}

void TestApiServer::libraryLists()
{
    QFETCH(QString, path);
    QFETCH(QString, knownId);

    const HttpResult all = m_client->send("GET", path, fullToken());
    QCOMPARE(all.status, 200);
    const int total = all.json.value("items").toArray().size();
    QVERIFY(total >= 2);
    QVERIFY(all.json.value("nextCursor").isNull());

    QStringList paged;
    QString cursor;
    do {
        const QString query = QStringLiteral("%1?limit=1%2")
                                  .arg(path, cursor.isEmpty() ? QString() : "&cursor=" + cursor);
        const HttpResult page = m_client->send("GET", query, fullToken());
        QCOMPARE(page.status, 200);
        for (const QJsonValue &item : page.json.value("items").toArray())
            paged.append(item.toObject().value("id").toString());
        cursor = page.json.value("nextCursor").toString();
    } while (!cursor.isEmpty() && paged.size() <= total);
    QCOMPARE(paged.size(), total);
    QVERIFY(paged.contains(knownId));

    const HttpResult badCursor = m_client->send("GET", path + "?cursor=not-a-cursor", fullToken());
    QCOMPARE(badCursor.status, 422);
    QCOMPARE(badCursor.errorFields(), QStringList{"cursor"});
}

void TestApiServer::lifecycle()
{
    const QString id = createCampaign();
    QVERIFY(!id.isEmpty());

    const HttpResult resumeDraft =
        m_client->send("POST", kCampaigns + "/resume/" + id, fullToken());
    QCOMPARE(resumeDraft.status, 409);
    QCOMPARE(resumeDraft.errorCode(), QStringLiteral("conflict"));

    const HttpResult launched = m_client->send("POST", kCampaigns + "/launch/" + id, fullToken());
    QCOMPARE(launched.status, 202);
    QCOMPARE(launched.json.value("id").toString(), id);
    QVERIFY(launched.json.value("status").toString() != QLatin1String("draft"));

    QCOMPARE(m_client->send("DELETE", kCampaigns + "/launch/" + id, fullToken()).status, 405);
}

void TestApiServer::metricsRange()
{
    const QString id = createCampaign();
    const QString path = kCampaigns + "/metrics/" + id;

    const HttpResult defaults = m_client->send("GET", path, fullToken());
    QCOMPARE(defaults.status, 200);
    const QDate from = QDate::fromString(defaults.json.value("from").toString(), Qt::ISODate);
    const QDate to = QDate::fromString(defaults.json.value("to").toString(), Qt::ISODate);
    QCOMPARE(from.daysTo(to), 29);

    const HttpResult explicitRange =
        m_client->send("GET", path + "?from=2030-01-01&to=2030-01-07", fullToken());
    QCOMPARE(explicitRange.status, 200);
    QCOMPARE(explicitRange.json.value("from").toString(), QStringLiteral("2030-01-01"));
    QCOMPARE(explicitRange.json.value("to").toString(), QStringLiteral("2030-01-07"));

    QCOMPARE(m_client->send("GET", path + "?from=2030-13-01", fullToken()).errorFields(),
             QStringList{"from"});
    QCOMPARE(m_client->send("GET", path + "?to=20300101", fullToken()).errorFields(),
             QStringList{"to"});
    QCOMPARE(m_client->send("GET", path + "?from=2030-02-01&to=2030-01-01", fullToken()).status,
             422);
}

void TestApiServer::sync()
{
    const HttpResult started = m_client->send("POST", "/crm/ads/sync", fullToken());
    QCOMPARE(started.status, 202);
    const QStringList states{"running", "idle"};
    QVERIFY2(states.contains(started.json.value("state").toString()), started.body.constData());

    const HttpResult status = m_client->send("GET", "/crm/ads/sync", fullToken());
    QCOMPARE(status.status, 200);
    QVERIFY(status.json.contains("platforms"));
}

void TestApiServer::sandboxClock_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    QTest::newRow("an hour") << QByteArray("{\"advanceSeconds\": 3600}") << 200;
    QTest::newRow("zero") << QByteArray("{\"advanceSeconds\": 0}") << 422;
    QTest::newRow("negative") << QByteArray("{\"advanceSeconds\": -60}") << 422;
    QTest::newRow("fraction") << QByteArray("{\"advanceSeconds\": 1.5}") << 422;
    QTest::newRow("string") << QByteArray("{\"advanceSeconds\": \"60\"}") << 422;
    QTest::newRow("missing") << QByteArray("{}") << 422;
    QTest::newRow("a century") << QByteArray("{\"advanceSeconds\": 3153600000}") << 422;
    QTest::newRow("not json") << QByteArray("advanceSeconds=60") << 400;
}

void TestApiServer::sandboxClock()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);

    const HttpResult before =
        m_client->send("POST", "/crm/ads/sandbox/clock", fullToken(), "{\"advanceSeconds\": 1}");
    QCOMPARE(before.status, 200);
    const QDateTime start = QDateTime::fromString(before.json.value("now").toString(), Qt::ISODate);
    QVERIFY(start.isValid());

    const HttpResult result = m_client->send("POST", "/crm/ads/sandbox/clock", fullToken(), body);
    QCOMPARE(result.status, status);
    if (status == 422)
        QCOMPARE(result.errorFields(), QStringList{"advanceSeconds"});
    if (status == 200) {
        const QDateTime now =
            QDateTime::fromString(result.json.value("now").toString(), Qt::ISODate);
        QVERIFY2(start.secsTo(now) >= 3600, qPrintable(now.toString(Qt::ISODate)));
    }
}

void TestApiServer::sandboxObjects_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");

    QTest::newRow("facebook") << "?platform=facebook" << 200;
    QTest::newRow("google") << "?platform=google" << 200;
    QTest::newRow("unknown platform") << "?platform=myspace" << 422;
    QTest::newRow("no platform") << "" << 422;
}

void TestApiServer::sandboxObjects()
{
    QFETCH(QString, query);
    QFETCH(int, status);

    const HttpResult result =
        m_client->send("GET", "/crm/ads/sandbox/objects" + query, fullToken());
    QCOMPARE(result.status, status);
    if (status == 200)
        QVERIFY(result.json.value("items").isArray());
    else
        QCOMPARE(result.errorFields(), QStringList{"platform"});
}

void TestApiServer::sandboxRoutesAbsentOutsideSandbox()
{
    QTemporaryDir dir;
    auto workspace = Workspace::open(ads::test::workspaceOptions(dir.filePath("live"), false));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));

    ApiServer server(workspace->get(), kSecret);
    const auto port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    ApiClient client(*port);

    QCOMPARE(client.send("POST", "/crm/ads/sandbox/clock", fullToken(), "{\"advanceSeconds\": 60}")
                 .status,
             404);
    QCOMPARE(client.send("GET", "/crm/ads/sandbox/objects?platform=facebook", fullToken()).status,
             404);
    QCOMPARE(client.send("GET", "/crm/ads/health").json.value("sandbox").toBool(true), false);
    server.close();
}

void TestApiServer::listenTwiceConflicts()
{
    const auto again = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(m_client->send("GET", "/crm/ads/health").status, 200);
}

void TestApiServer::portInUseAndRestart()
{
    ApiServer other(m_workspace.get(), kSecret);
    const auto first = other.listen(QHostAddress::LocalHost, 0);
    QVERIFY(first.has_value());

    ApiServer clash(m_workspace.get(), kSecret);
    const auto taken = clash.listen(QHostAddress::LocalHost, *first);
    QVERIFY(!taken.has_value());
    QCOMPARE(taken.error().code, ErrorCode::Network);
    QVERIFY(!clash.isListening());

    other.close();
    QVERIFY(!other.isListening());
    QCOMPARE(ApiClient(*first).send("GET", "/crm/ads/health").status, 0); // refused

    const auto again = other.listen(QHostAddress::LocalHost, 0);
    QVERIFY(again.has_value());
    QCOMPARE(ApiClient(*again).send("GET", "/crm/ads/health").status, 200);
}

QTEST_GUILESS_MAIN(TestApiServer)
#include "TestApiServer.moc"
