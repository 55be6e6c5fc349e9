#include "ApiTestSupport.h"
#include "core/api/ApiServer.h"
#include "core/auth/JwtVerifier.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using ads::test::ApiClient;
using ads::test::HttpResult;

namespace {

const QString kSecret = QStringLiteral("openapi-test-secret-0123456789abcdefgh");
const QStringList kHttpMethods{"get", "put", "post", "delete", "patch", "head", "options", "trace"};

QStringList routeKeys()
{
    QStringList keys;
    for (const ApiRouteInfo &route : ApiServer::routes())
        keys.append(route.method + ' ' + route.path);
    keys.sort();
    return keys;
}

/** Every "$ref" string anywhere under value. */
void collectRefs(const QJsonValue &value, QStringList *refs)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectRefs(item, refs);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                refs->append(it.value().toString());
            else
                collectRefs(it.value(), refs);
        }
    }
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void documentIsServedWithoutToken();
    void documentedOperationsMatchRoutes();
    void operationsDescribeAuthAndErrors_data();
    void operationsDescribeAuthAndErrors();
    void referencesResolve();
    void responsesHaveDocumentedKeys_data();
    void responsesHaveDocumentedKeys();
    void everyDocumentedOperationIsRouted_data();
    void everyDocumentedOperationIsRouted();

private:
    QJsonObject operation(const QString &method, const QString &path) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    QJsonObject m_document;
    QString m_campaignId;
};

void TestOpenApi::initTestCase()
{
    auto workspace = Workspace::open(ads::test::workspaceOptions(m_dir.filePath("ws"), true));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));
    m_workspace = std::move(*workspace);

    m_server = std::make_unique<ApiServer>(m_workspace.get(), kSecret);
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    m_client = std::make_unique<ApiClient>(*port);

    const HttpResult served = m_client->send("GET", "/crm/ads/openapi.json");
    QCOMPARE(served.status, 200);
    m_document = served.json;

    const QString token =
        mintToken(kSecret, "openapi-test", {"ads:read", "ads:write"}, std::chrono::minutes(10));
    const HttpResult created =
        m_client->sendJson("POST", "/crm/ads/campaigns", token, ads::test::validCampaign());
    QCOMPARE(created.status, 201);
    m_campaignId = created.json.value("id").toString();
}

void TestOpenApi::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
    m_workspace.reset();
}

QJsonObject TestOpenApi::operation(const QString &method, const QString &path) const
{
    return m_document.value("paths")
        .toObject()
        .value(path)
        .toObject()
        .value(method.toLower())
        .toObject();
}

void TestOpenApi::documentIsServedWithoutToken()
{
    QVERIFY(m_document.value("openapi").toString().startsWith(QLatin1String("3.0")));
    QVERIFY(!m_document.value("info").toObject().value("title").toString().isEmpty());
    QCOMPARE(m_document.value("components")
                 .toObject()
                 .value("securitySchemes")
                 .toObject()
                 .value("bearerAuth")
                 .toObject()
                 .value("scheme")
                 .toString(),
             QStringLiteral("bearer"));
}

void TestOpenApi::documentedOperationsMatchRoutes()
{
    QStringList documented;
    const QJsonObject paths = m_document.value("paths").toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto method = item.begin(); method != item.end(); ++method) {
            if (kHttpMethods.contains(method.key()))
                documented.append(method.key().toUpper() + ' ' + path.key());
        }
    }
    documented.sort();

    // Both directions at once: a route the document omits and an operation with no route.
    QCOMPARE(documented, routeKeys());
}

void TestOpenApi::operationsDescribeAuthAndErrors_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("scope");

    for (const ApiRouteInfo &route : ApiServer::routes())
        QTest::addRow("%s %s", qPrintable(route.method), qPrintable(route.path))
            << route.method << route.path << route.scope;
}

void TestOpenApi::operationsDescribeAuthAndErrors()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, scope);

    const QJsonObject op = operation(method, path);
    QVERIFY(!op.isEmpty());
    QVERIFY(!op.value("summary").toString().isEmpty());
    QVERIFY(!op.value("operationId").toString().isEmpty());
    const QJsonObject responses = op.value("responses").toObject();
    QVERIFY(!responses.isEmpty());

    const QJsonArray security = op.value("security").toArray();
    if (scope.isEmpty()) {
        QVERIFY(op.contains("security"));
        QVERIFY(security.isEmpty());
    } else {
        QCOMPARE(security.size(), 1);
        QCOMPARE(security.at(0).toObject().value("bearerAuth").toArray(), QJsonArray{scope});
        QVERIFY(responses.contains("401"));
        QVERIFY(responses.contains("403"));
    }

    if (method == QLatin1String("PUT") || op.contains("requestBody")) {
        for (const char *status : {"400", "413", "415", "422"})
            QVERIFY2(responses.contains(status), status);
    }

    // Each {parameter} in the path is declared on the path item or the operation.
    const QRegularExpression templateParameter(QStringLiteral("\\{([^}]+)\\}"));
    auto it = templateParameter.globalMatch(path);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        const QJsonObject item = m_document.value("paths").toObject().value(path).toObject();
        QJsonArray parameters = item.value("parameters").toArray();
        for (const QJsonValue &p : op.value("parameters").toArray())
            parameters.append(p);
        bool declared = false;
        for (const QJsonValue &p : parameters) {
            const QString ref = p.toObject().value("$ref").toString();
            const QJsonObject resolved = ref.isEmpty() ? p.toObject()
                                                       : m_document.value("components")
                                                             .toObject()
                                                             .value("parameters")
                                                             .toObject()
                                                             .value(ref.section('/', -1))
                                                             .toObject();
            declared = declared
                       || (resolved.value("in").toString() == QLatin1String("path")
                           && resolved.value("name").toString() == name);
        }
        QVERIFY2(declared, qPrintable(name));
    }
}

void TestOpenApi::referencesResolve()
{
    QStringList refs;
    collectRefs(m_document, &refs);
    QVERIFY(!refs.isEmpty());

    const QJsonObject components = m_document.value("components").toObject();
    for (const QString &ref : refs) {
        const QStringList parts = ref.split('/');
        QVERIFY2(parts.size() == 4 && parts[0] == QLatin1String("#")
                     && parts[1] == QLatin1String("components"),
                 qPrintable(ref));
        QVERIFY2(components.value(parts[2]).toObject().contains(parts[3]), qPrintable(ref));
    }
}

void TestOpenApi::responsesHaveDocumentedKeys_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("schema");

    QTest::newRow("health") << "/crm/ads/health"
                            << "Health";
    QTest::newRow("campaign") << "/crm/ads/campaigns/{id}"
                              << "Campaign";
    QTest::newRow("campaign page") << "/crm/ads/campaigns"
                                   << "CampaignPage";
    QTest::newRow("metrics") << "/crm/ads/campaigns/metrics/{id}"
                             << "CampaignMetrics";
    QTest::newRow("creative page") << "/crm/ads/creatives"
                                   << "CreativePage";
    QTest::newRow("audience page") << "/crm/ads/audiences"
                                   << "AudiencePage";
    QTest::newRow("sync") << "/crm/ads/sync"
                          << "SyncStatus";
    QTest::newRow("sandbox objects") << "/crm/ads/sandbox/objects?platform=facebook"
                                     << "SandboxObjects";
    QTest::newRow("error") << "/crm/ads/campaigns/no-such-campaign"
                           << "Error";
}

void TestOpenApi::responsesHaveDocumentedKeys()
{
    QFETCH(QString, path);
    QFETCH(QString, schema);

    const QString token =
        mintToken(kSecret, "openapi-test", {"ads:read"}, std::chrono::minutes(10));
    QString concrete = path;
    concrete.replace(QStringLiteral("{id}"), m_campaignId);
    const HttpResult result = m_client->send("GET", concrete, token);
    QVERIFY(!result.json.isEmpty());

    // The top level of each answer has exactly the members its schema names: a key added in code
    // but not in the document, or documented but never sent, fails here.
    const QJsonObject properties = m_document.value("components")
                                       .toObject()
                                       .value("schemas")
                                       .toObject()
                                       .value(schema)
                                       .toObject()
                                       .value("properties")
                                       .toObject();
    QStringList documented = properties.keys();
    QStringList sent = result.json.keys();
    documented.sort();
    sent.sort();
    QCOMPARE(sent, documented);
}

void TestOpenApi::everyDocumentedOperationIsRouted_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");

    // Straight from the document, so an operation it invents is tried against the server. DELETE
    // goes last, so the campaign the other operations use still exists for them.
    QStringList operations;
    const QJsonObject paths = m_document.value("paths").toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto method = item.begin(); method != item.end(); ++method) {
            if (kHttpMethods.contains(method.key()))
                operations.append(method.key().toUpper() + ' ' + path.key());
        }
    }
    std::stable_partition(operations.begin(), operations.end(), [](const QString &operation) {
        return !operation.startsWith(QLatin1String("DELETE "));
    });
    for (const QString &operation : operations) {
        QTest::newRow(qPrintable(operation))
            << operation.section(' ', 0, 0) << operation.section(' ', 1);
    }
}

void TestOpenApi::everyDocumentedOperationIsRouted()
{
    QFETCH(QString, method);
    QFETCH(QString, path);

    QString concrete = path;
    concrete.replace(QStringLiteral("{id}"), m_campaignId);
    if (concrete.endsWith(QLatin1String("/objects")))
        concrete += QStringLiteral("?platform=facebook");

    const QString token =
        mintToken(kSecret, "openapi-test", {"ads:read", "ads:write"}, std::chrono::minutes(10));
    const HttpResult result = m_client->send(method.toLatin1(), concrete, token, "{}");

    // Whatever the operation thinks of an empty object, the route itself must exist.
    QVERIFY2(result.status != 405, result.body.constData());
    QVERIFY2(result.status != 404, result.body.constData());
    QVERIFY2(result.status < 500, result.body.constData());
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "TestOpenApi.moc"
