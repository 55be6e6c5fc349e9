// A CRM that retries a POST with the same Idempotency-Key gets the first answer again, and the work
// is done once.

#include "ApiTestSupport.h"

#include "core/api/ApiServer.h"
#include "core/auth/JwtVerifier.h"
#include "core/services/CampaignService.h"
#include "core/services/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using namespace ads::test;

namespace {

const QString kSecret = QStringLiteral("idempotency-test-secret-0123456789");

QString tokenFor(const QString &subject)
{
    return mintToken(kSecret, subject, {QStringLiteral("ads:read"), QStringLiteral("ads:write")},
                     std::chrono::hours(1));
}

} // namespace

class TestApiIdempotency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void retriedCreateReplaysTheFirstAnswer();
    void sameKeyWithAnotherBodyIsRefused();
    void keysBelongToTheirTokenSubject();
    void retriedLaunchIsQueuedOnce();
    void malformedKeyIsRefused();

private:
    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &key,
                    const QString &subject = QStringLiteral("crm-a"))
    {
        return m_client->send("POST", path, tokenFor(subject), QJsonDocument(body).toJson(QJsonDocument::Compact),
                              "application/json", {{"Idempotency-Key", key}});
    }

    int campaignCount() { return int(m_workspace->campaigns()->listCampaigns(500)->items.size()); }

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void TestApiIdempotency::initTestCase()
{
    auto workspace = Workspace::open(workspaceOptions(m_dir.filePath("ws"), true));
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().message));
    m_workspace = std::move(*workspace);
    m_server = std::make_unique<ApiServer>(m_workspace.get(), kSecret);
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.has_value());
    m_client = std::make_unique<ApiClient>(*port);
}

void TestApiIdempotency::cleanupTestCase()
{
    m_server.reset();
    m_workspace.reset();
}

void TestApiIdempotency::retriedCreateReplaysTheFirstAnswer()
{
    const int before = campaignCount();
    const HttpResult first = post(QStringLiteral("/crm/ads/campaigns"), validCampaign(), "create-1");
    QCOMPARE(first.status, 201);
    const HttpResult again = post(QStringLiteral("/crm/ads/campaigns"), validCampaign(), "create-1");
    QCOMPARE(again.status, 201);
    QCOMPARE(again.json.value("id"), first.json.value("id"));
    QCOMPARE(again.header("Location"), first.header("Location"));
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(campaignCount(), before + 1);
}

void TestApiIdempotency::sameKeyWithAnotherBodyIsRefused()
{
    QCOMPARE(post(QStringLiteral("/crm/ads/campaigns"), validCampaign(QStringLiteral("One")), "create-2").status, 201);
    const int before = campaignCount();
    const HttpResult other = post(QStringLiteral("/crm/ads/campaigns"), validCampaign(QStringLiteral("Two")),
                                  "create-2");
    QCOMPARE(other.status, 422);
    QCOMPARE(campaignCount(), before);
}

void TestApiIdempotency::keysBelongToTheirTokenSubject()
{
    const HttpResult mine = post(QStringLiteral("/crm/ads/campaigns"), validCampaign(), "shared-key", "crm-a");
    const HttpResult theirs = post(QStringLiteral("/crm/ads/campaigns"), validCampaign(), "shared-key", "crm-b");
    QCOMPARE(mine.status, 201);
    QCOMPARE(theirs.status, 201);
    QVERIFY(mine.json.value("id") != theirs.json.value("id"));
}

void TestApiIdempotency::retriedLaunchIsQueuedOnce()
{
    QJsonObject body = validCampaign();
    const QDateTime now = m_workspace->now();
    body.insert("schedule", QJsonObject{{"startAt", now.toString(Qt::ISODate)},
                                        {"endAt", now.addDays(3).toString(Qt::ISODate)}});
    const HttpResult created = post(QStringLiteral("/crm/ads/campaigns"), body, "create-3");
    const QString id = created.json.value("id").toString();

    const HttpResult first = post(QStringLiteral("/crm/ads/campaigns/launch/") + id, {}, "launch-3");
    QCOMPARE(first.status, 202);
    const HttpResult again = post(QStringLiteral("/crm/ads/campaigns/launch/") + id, {}, "launch-3");
    QCOMPARE(again.status, 202);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
}

void TestApiIdempotency::malformedKeyIsRefused()
{
    const HttpResult result = post(QStringLiteral("/crm/ads/campaigns"), validCampaign(), QByteArray(300, 'k'));
    QCOMPARE(result.status, 422);
    QVERIFY(result.errorFields().contains(QStringLiteral("Idempotency-Key")));
}

QTEST_GUILESS_MAIN(TestApiIdempotency)
#include "TestApiIdempotency.moc"
