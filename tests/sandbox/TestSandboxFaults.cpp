#include "core/sandbox/SandboxFaults.h"
#include "core/sandbox/SandboxHub.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>
#include <memory>

using namespace ads::core;
using namespace ads::core::sandbox;

namespace {

constexpr quint64 kSeed = 42;
// Long enough for a loaded 2-core machine to answer a normal request, short enough that the
// unanswered ones do not drag the suite out.
constexpr int kGiveUpMs = 400;

using Checks = QList<QPair<QString, QString>>; // dotted JSON path -> expected value as text

/** One finished or abandoned request. */
struct Answer
{
    bool answered = false; // false when the client's own timeout ended the wait
    bool gaveUp = false;   // the client's transfer timeout ended the wait, not the server
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/** A request about to be sent, so that several can be in flight at once. */
struct Call
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

/** A client that gives up by itself: an unanswered request is an outcome here, not a hang. */
class Client
{
public:
    Client() { m_nam.setProxy(QNetworkProxy::NoProxy); }

    QList<Answer> sendAll(const QList<Call> &calls, int giveUpMs)
    {
        QElapsedTimer timer;
        timer.start();
        QList<QNetworkReply *> replies;
        QList<qint64> finishedAt(calls.size(), -1);
        int open = int(calls.size());
        QEventLoop loop;
        for (const Call &call : calls) {
            QNetworkRequest request(call.url);
            request.setTransferTimeout(giveUpMs);
            for (const auto &header : call.headers)
                request.setRawHeader(header.first, header.second);
            QNetworkReply *reply = m_nam.sendCustomRequest(request, call.method, call.body);
            const qsizetype index = replies.size();
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, index] {
                finishedAt[index] = timer.elapsed();
                if (--open == 0)
                    loop.quit();
            });
            replies.append(reply);
        }
        QTimer::singleShot(giveUpMs + 10000, &loop, &QEventLoop::quit);
        loop.exec();

        QList<Answer> answers;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            QNetworkReply *reply = replies[i];
            Answer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.answered = reply->isFinished() && answer.status > 0;
            answer.gaveUp = reply->isFinished() && reply->error() == QNetworkReply::OperationCanceledError;
            if (answer.answered)
                answer.body = reply->readAll();
            for (const auto &pair : reply->rawHeaderPairs())
                answer.headers.insert(pair.first.toLower(), pair.second);
            answer.elapsedMs = finishedAt[i];
            reply->abort();
            reply->deleteLater();
            answers.append(answer);
        }
        return answers;
    }

    Answer send(const Call &call, int giveUpMs = 5000)
    {
        return sendAll({call}, giveUpMs).first();
    }

private:
    QNetworkAccessManager m_nam;
};

/** The value at a dotted path; numeric segments index arrays. */
QString textAt(const QJsonObject &root, const QString &path)
{
    QJsonValue value = root;
    for (const QString &part : path.split(u'.')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex && value.isArray() ? value.toArray().at(index) : value.toObject()[part];
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble() && value.toDouble() == std::floor(value.toDouble()))
        return QString::number(value.toInteger());
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

FaultProfile only(FaultKind kind, int retryAfterSeconds = 0)
{
    FaultProfile profile;
    profile.errorRate = kind == FaultKind::Error ? 1 : 0;
    profile.rateLimitRate = kind == FaultKind::RateLimit ? 1 : 0;
    profile.timeoutRate = kind == FaultKind::Timeout ? 1 : 0;
    profile.lostReplyRate = kind == FaultKind::LostReply ? 1 : 0;
    profile.retryAfterSeconds = retryAfterSeconds;
    return profile;
}

} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void envelopeOverHttp_data() { envelopes(); }
    void envelopeOverHttp();
    void envelopeWithoutServer_data() { envelopes(); }
    void envelopeWithoutServer();
    void lostReplyKeepsTheChange_data() { creatingPlatforms(); }
    void lostReplyKeepsTheChange();
    void timeoutAppliesNothing_data() { creatingPlatforms(); }
    void timeoutAppliesNothing();
    void clearFaultsRestoresAnswers_data() { creatingPlatforms(); }
    void clearFaultsRestoresAnswers();
    void exactCountsForTheSeed();
    void sharesFollowTheProfile();
    void latencyDelaysWithoutBlocking();
    void profilesAreRuntimeState();
    void callableFromOtherThreads();

private:
    void envelopes();
    void creatingPlatforms();
    Call readCall(Platform platform, const QString &variant = {}) const;
    Call createCall(Platform platform, const QString &name) const;
    QString account(Platform platform) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    Client m_client;
};

void TestSandboxFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_hub = std::make_unique<SandboxHub>(m_dir.filePath(QStringLiteral("hub")), kSeed);
    QString error;
    QVERIFY2(m_hub->start(&error), qPrintable(error));
}

void TestSandboxFaults::cleanup()
{
    m_hub->clearFaults();
}

QString TestSandboxFaults::account(Platform platform) const
{
    return m_hub->accounts(platform).value(0).accountId;
}

Call TestSandboxFaults::readCall(Platform platform, const QString &variant) const
{
    const SandboxAccount owner = m_hub->accounts(platform).value(0);
    const QByteArray token = owner.accessToken.toLatin1();
    Call call;
    call.url = m_hub->baseUrl(platform);
    switch (platform) {
    case Platform::Facebook:
        call.url.setPath(variant == QLatin1String("me")
                             ? QStringLiteral("/v25.0/me/adaccounts")
                             : QStringLiteral("/v25.0/act_%1/campaigns").arg(owner.accountId));
        call.url.setQuery(QStringLiteral("access_token=") + owner.accessToken);
        break;
    case Platform::Google:
        call.url.setPath(QStringLiteral("/v25/customers:listAccessibleCustomers"));
        call.headers = {{"Authorization", "Bearer " + token},
                        {"developer-token", owner.extra.value("developerToken").toLatin1()}};
        break;
    case Platform::TikTok:
        call.url.setPath(QStringLiteral("/open_api/v1.3/oauth2/advertiser/get/"));
        call.headers = {{"Access-Token", token}};
        break;
    default:
        // Error and throttling faults answer before the simulator reads the path.
        call.url.setPath(QStringLiteral("/"));
        call.headers = {{"Authorization", "Bearer " + token}};
        break;
    }
    return call;
}

Call TestSandboxFaults::createCall(Platform platform, const QString &name) const
{
    const SandboxAccount owner = m_hub->accounts(platform).value(0);
    const QByteArray token = owner.accessToken.toLatin1();
    Call call;
    call.method = "POST";
    call.url = m_hub->baseUrl(platform);
    QJsonObject json;
    switch (platform) {
    case Platform::Facebook: {
        call.url.setPath(QStringLiteral("/v25.0/act_%1/campaigns").arg(owner.accountId));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("access_token"), owner.accessToken);
        form.addQueryItem(QStringLiteral("name"), name);
        form.addQueryItem(QStringLiteral("objective"), QStringLiteral("OUTCOME_TRAFFIC"));
        form.addQueryItem(QStringLiteral("status"), QStringLiteral("PAUSED"));
        form.addQueryItem(QStringLiteral("special_ad_categories"), QStringLiteral("[]"));
        form.addQueryItem(QStringLiteral("is_adset_budget_sharing_enabled"),
                          QStringLiteral("false"));
        call.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        call.body = form.toString(QUrl::FullyEncoded).toUtf8();
        return call;
    }
    case Platform::Google:
        call.url.setPath(
            QStringLiteral("/v25/customers/%1/campaignBudgets:mutate").arg(owner.accountId));
        call.headers = {{"Authorization", "Bearer " + token},
                        {"developer-token", owner.extra.value("developerToken").toLatin1()}};
        json = {{"operations",
                 QJsonArray{QJsonObject{{"create",
                                         QJsonObject{{"name", name},
                                                     {"amountMicros", "50000000"},
                                                     {"explicitlyShared", false}}}}}}};
        break;
    default:
        call.url.setPath(QStringLiteral("/open_api/v1.3/campaign/create/"));
        call.headers = {{"Access-Token", token}};
        json = {{"advertiser_id", owner.accountId},
                {"campaign_name", name},
                {"objective_type", "TRAFFIC"},
                {"budget_mode", "BUDGET_MODE_DAY"},
                {"budget", 50.0},
                {"operation_status", "DISABLE"}};
        break;
    }
    call.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    call.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return call;
}

void TestSandboxFaults::envelopes()
{
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("variant"); // which read: Meta's "me" has no ad account in it
    QTest::addColumn<int>("status");
    QTest::addColumn<Checks>("checks");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("headerPattern"); // empty: the header must be absent

    const int error = int(FaultKind::Error);
    const int throttle = int(FaultKind::RateLimit);
    // Every throttling row advises 90 s: Meta says it in whole minutes, TikTok cannot say it.
    QTest::newRow("facebook error")
        << Platform::Facebook << error << "" << 500
        << Checks{{"error.code", "2"}, {"error.is_transient", "true"},
                  {"error.type", "OAuthException"}}
        << QByteArray("x-business-use-case-usage") << "";
    QTest::newRow("facebook throttled on an ad account")
        << Platform::Facebook << throttle << "" << 400
        << Checks{{"error.code", "80004"}, {"error.is_transient", "true"}}
        << QByteArray("x-business-use-case-usage")
        << R"(^\{"\d+":\[\{.*"estimated_time_to_regain_access":2[,}].*"type":"ads_management")";
    QTest::newRow("facebook throttled without an account")
        << Platform::Facebook << throttle << "me" << 400
        << Checks{{"error.code", "17"}, {"error.error_subcode", "2446079"}}
        << QByteArray("x-business-use-case-usage") << R"("estimated_time_to_regain_access":2)";
    QTest::newRow("google error")
        << Platform::Google << error << "" << 503
        << Checks{{"error.code", "503"}, {"error.status", "UNAVAILABLE"}}
        << QByteArray("request-id") << ".+";
    QTest::newRow("google throttled")
        << Platform::Google << throttle << "" << 429
        << Checks{{"error.status", "RESOURCE_EXHAUSTED"},
                  {"error.details.0.errors.0.errorCode.quotaError",
                   "RESOURCE_TEMPORARILY_EXHAUSTED"},
                  {"error.details.0.errors.0.details.quotaErrorDetails.retryDelay", "90s"}}
        << QByteArray("request-id") << ".+";
    QTest::newRow("tiktok error") << Platform::TikTok << error << "" << 200
                                  << Checks{{"code", "50000"}} << QByteArray("retry-after") << "";
    QTest::newRow("tiktok throttled") << Platform::TikTok << throttle << "" << 200
                                      << Checks{{"code", "40100"}} << QByteArray("retry-after")
                                      << "";
    QTest::newRow("linkedin error") << Platform::LinkedIn << error << "" << 500
                                    << Checks{{"status", "500"}} << QByteArray("retry-after")
                                    << "";
    QTest::newRow("linkedin throttled") << Platform::LinkedIn << throttle << "" << 429
                                        << Checks{{"status", "429"}}
                                        << QByteArray("retry-after") << "^90$";
    QTest::newRow("pinterest error") << Platform::Pinterest << error << "" << 500
                                     << Checks{{"code", "12"}} << QByteArray("x-ratelimit-reset")
                                     << "";
    QTest::newRow("pinterest throttled") << Platform::Pinterest << throttle << "" << 429
                                         << Checks{{"code", "8"}}
                                         << QByteArray("x-ratelimit-reset") << "^90$";
    QTest::newRow("snapchat error") << Platform::Snapchat << error << "" << 500
                                    << Checks{{"request_status", "ERROR"}}
                                    << QByteArray("x-rate-limit-reset") << "";
    QTest::newRow("snapchat throttled") << Platform::Snapchat << throttle << "" << 429
                                        << Checks{{"request_status", "ERROR"}}
                                        << QByteArray("x-rate-limit-reset") << "^90$";
}

void TestSandboxFaults::envelopeOverHttp()
{
    QFETCH(Platform, platform);
    QFETCH(int, kind);
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(Checks, checks);
    QFETCH(QByteArray, header);
    QFETCH(QString, headerPattern);
    if (!m_hub->platforms().contains(platform))
        QSKIP("the hub does not serve this platform yet; envelopeWithoutServer covers it");

    m_hub->setFaults(platform, only(FaultKind(kind), 90));
    const Answer answer = m_client.send(readCall(platform, variant));
    QVERIFY(answer.answered);
    QCOMPARE(answer.status, status);
    for (const auto &[path, expected] : checks)
        QCOMPARE(textAt(answer.json(), path), expected);
    if (headerPattern.isEmpty()) {
        QVERIFY2(!answer.headers.contains(header), answer.headers.value(header).constData());
    } else {
        const QString value = QString::fromUtf8(answer.headers.value(header));
        QVERIFY2(QRegularExpression(headerPattern).match(value).hasMatch(), qPrintable(value));
    }
    if (platform == Platform::Facebook && kind == int(FaultKind::RateLimit) && variant.isEmpty())
        QVERIFY(answer.headers.value(header).contains(account(platform).toLatin1()));
}

void TestSandboxFaults::envelopeWithoutServer()
{
    QFETCH(Platform, platform);
    QFETCH(int, kind);
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(Checks, checks);
    QFETCH(QByteArray, header);
    QFETCH(QString, headerPattern);

    SandboxRequest request;
    request.method = "GET";
    request.path = variant == QLatin1String("me") ? QStringLiteral("/v25.0/me/adaccounts")
                                                  : QStringLiteral("/v25/act_1234567890/x");
    FaultDecision decision;
    decision.kind = FaultKind(kind);
    decision.retryAfterSeconds = 90;
    decision.draw = 0x1234abcd5678ef90ULL;
    const SandboxReply reply = faultReply(platform, decision, request, QStringLiteral("555"));

    QCOMPARE(reply.status, status);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    const QJsonObject json = QJsonDocument::fromJson(reply.body).object();
    for (const auto &[path, expected] : checks)
        QCOMPARE(textAt(json, path), expected);
    QByteArray value;
    for (const auto &pair : reply.headers) {
        if (pair.first == header)
            value = pair.second;
    }
    if (headerPattern.isEmpty())
        QVERIFY2(value.isEmpty(), value.constData());
    else
        QVERIFY2(QRegularExpression(headerPattern).match(QString::fromUtf8(value)).hasMatch(),
                 value.constData());

    // Without advice the throttling replies carry no wait at all.
    decision.retryAfterSeconds = 0;
    const SandboxReply silent = faultReply(platform, decision, request, QStringLiteral("555"));
    QCOMPARE(silent.status, status);
    if (kind == int(FaultKind::RateLimit) && platform != Platform::Facebook) {
        for (const auto &pair : silent.headers)
            QVERIFY2(pair.first == "request-id", pair.first.constData());
        QVERIFY(!silent.body.contains("retryDelay"));
    }
}

void TestSandboxFaults::creatingPlatforms()
{
    QTest::addColumn<Platform>("platform");
    QTest::newRow("facebook") << Platform::Facebook;
    QTest::newRow("google") << Platform::Google;
    QTest::newRow("tiktok") << Platform::TikTok;
}

void TestSandboxFaults::lostReplyKeepsTheChange()
{
    QFETCH(Platform, platform);
    const QString name = QStringLiteral("Lost reply %1").arg(platformName(platform));
    const qsizetype before = m_hub->objects(platform).size();

    m_hub->setFaults(platform, only(FaultKind::LostReply));
    const Answer answer = m_client.send(createCall(platform, name), kGiveUpMs);
    QVERIFY(!answer.answered);
    // The connection stays open without an answer until the client's own limit ends the wait; a
    // server that closed it would show as a different network error.
    QVERIFY(answer.gaveUp);

    // The change was committed before the answer was dropped.
    const QJsonArray objects = m_hub->objects(platform);
    QCOMPARE(objects.size(), before + 1);
    QCOMPARE(objects.last().toObject().value("name").toString(), name);
}

void TestSandboxFaults::timeoutAppliesNothing()
{
    QFETCH(Platform, platform);
    const qsizetype before = m_hub->objects(platform).size();

    m_hub->setFaults(platform, only(FaultKind::Timeout));
    const Answer answer = m_client.send(createCall(platform, QStringLiteral("Timed out")),
                                        kGiveUpMs);
    QVERIFY(!answer.answered);
    QVERIFY(answer.gaveUp);
    QCOMPARE(m_hub->objects(platform).size(), before);
}

void TestSandboxFaults::clearFaultsRestoresAnswers()
{
    QFETCH(Platform, platform);
    m_hub->setFaults(platform, only(FaultKind::Error));
    QCOMPARE(m_client.send(readCall(platform)).status,
             platform == Platform::TikTok ? 200 : (platform == Platform::Google ? 503 : 500));
    const qsizetype before = m_hub->objects(platform).size();
    m_client.send(createCall(platform, QStringLiteral("Refused")));
    QCOMPARE(m_hub->objects(platform).size(), before);

    m_hub->clearFaults();
    const Answer created = m_client.send(createCall(platform, QStringLiteral("Accepted")));
    QCOMPARE(created.status, 200);
    if (platform == Platform::TikTok)
        QCOMPARE(created.json().value("code").toInt(), 0);
    QCOMPARE(m_hub->objects(platform).size(), before + 1);
}

void TestSandboxFaults::exactCountsForTheSeed()
{
    FaultProfile profile;
    profile.errorRate = 0.2;
    profile.rateLimitRate = 0.1;
    profile.timeoutRate = 0.05;
    profile.lostReplyRate = 0.1;
    profile.retryAfterSeconds = 2;
    constexpr int kRequests = 100;

    // What the seed decides, counted without the network.
    SandboxFaults mirror(kSeed);
    mirror.set(Platform::Google, profile);
    QHash<FaultKind, int> expected;
    for (int i = 0; i < kRequests; ++i)
        ++expected[mirror.decide(Platform::Google).kind];
    QCOMPARE(expected.value(FaultKind::Error), 22);
    QCOMPARE(expected.value(FaultKind::RateLimit), 8);
    QCOMPARE(expected.value(FaultKind::Timeout), 2);
    QCOMPARE(expected.value(FaultKind::LostReply), 13);
    QCOMPARE(expected.value(FaultKind::None), 55);

    // The same outcomes over HTTP. One request at a time keeps the order the counter sees.
    m_hub->setFaults(Platform::Google, profile);
    QHash<int, int> statuses;
    int unanswered = 0;
    for (int i = 0; i < kRequests; ++i) {
        const Answer answer = m_client.send(readCall(Platform::Google), kGiveUpMs);
        if (answer.answered)
            ++statuses[answer.status];
        else
            ++unanswered;
    }
    QCOMPARE(statuses.value(503), expected.value(FaultKind::Error));
    QCOMPARE(statuses.value(429), expected.value(FaultKind::RateLimit));
    QCOMPARE(unanswered,
             expected.value(FaultKind::Timeout) + expected.value(FaultKind::LostReply));
    QCOMPARE(statuses.value(200), expected.value(FaultKind::None));
}

void TestSandboxFaults::sharesFollowTheProfile()
{
    FaultProfile profile;
    profile.errorRate = 0.2;
    profile.rateLimitRate = 0.1;
    profile.timeoutRate = 0.05;
    profile.lostReplyRate = 0.1;
    constexpr int kRequests = 20000;

    SandboxFaults faults(kSeed);
    faults.set(Platform::TikTok, profile);
    QHash<FaultKind, int> counts;
    QList<FaultKind> sequence;
    for (int i = 0; i < kRequests; ++i) {
        sequence.append(faults.decide(Platform::TikTok).kind);
        ++counts[sequence.last()];
    }
    const auto share = [&](FaultKind kind) { return double(counts.value(kind)) / kRequests; };
    QVERIFY(qAbs(share(FaultKind::Error) - 0.2) < 0.01);
    QVERIFY(qAbs(share(FaultKind::RateLimit) - 0.1) < 0.01);
    QVERIFY(qAbs(share(FaultKind::Timeout) - 0.05) < 0.01);
    QVERIFY(qAbs(share(FaultKind::LostReply) - 0.1) < 0.01);

    // Setting the profile again restarts the same sequence; another seed or platform differs.
    faults.set(Platform::TikTok, profile);
    SandboxFaults other(kSeed + 1);
    other.set(Platform::TikTok, profile);
    faults.set(Platform::Google, profile);
    int sameAgain = 0;
    int sameOtherSeed = 0;
    int sameOtherPlatform = 0;
    for (int i = 0; i < 200; ++i) {
        sameAgain += faults.decide(Platform::TikTok).kind == sequence[i];
        sameOtherSeed += other.decide(Platform::TikTok).kind == sequence[i];
        sameOtherPlatform += faults.decide(Platform::Google).kind == sequence[i];
    }
    QCOMPARE(sameAgain, 200);
    QVERIFY(sameOtherSeed < 200);
    QVERIFY(sameOtherPlatform < 200);

    // Rates that add up to more than 1 leave nothing unharmed; the last kind gets what is left.
    FaultProfile crowded;
    crowded.errorRate = 0.8;
    crowded.rateLimitRate = 0.8;
    crowded.timeoutRate = 0.8;
    faults.set(Platform::Facebook, crowded);
    QHash<FaultKind, int> squeezed;
    for (int i = 0; i < 1000; ++i)
        ++squeezed[faults.decide(Platform::Facebook).kind];
    QCOMPARE(squeezed.value(FaultKind::None), 0);
    QCOMPARE(squeezed.value(FaultKind::Timeout), 0);
    QVERIFY(squeezed.value(FaultKind::Error) > 700);
}

void TestSandboxFaults::latencyDelaysWithoutBlocking()
{
    // A latency long against scheduling noise on a loaded machine, so that the checks below hold
    // by a wide margin. Qt's coarse timers may fire up to 5 % early, hence the lower bounds.
    constexpr int kLatencyMs = 1500;
    constexpr int kEarliestMs = kLatencyMs * 95 / 100;
    FaultProfile slow;
    slow.latencyMs = kLatencyMs;
    m_hub->setFaults(Platform::Google, slow);

    // Two at once on one platform: a server thread that slept would answer the second a whole
    // latency after the first, not alongside it.
    const QList<Answer> answers =
        m_client.sendAll({readCall(Platform::Google), readCall(Platform::Google)}, 10000);
    for (const Answer &answer : answers) {
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.elapsedMs >= kEarliestMs, qPrintable(QString::number(answer.elapsedMs)));
    }
    const qint64 apart = qAbs(answers[0].elapsedMs - answers[1].elapsedMs);
    QVERIFY2(apart < kLatencyMs / 2, qPrintable(QString::number(apart)));

    // Fault replies wait too; other platforms do not.
    slow.errorRate = 1;
    m_hub->setFaults(Platform::Google, slow);
    const Answer refused = m_client.send(readCall(Platform::Google), 10000);
    QCOMPARE(refused.status, 503);
    QVERIFY2(refused.elapsedMs >= kEarliestMs, qPrintable(QString::number(refused.elapsedMs)));
    const Answer other = m_client.send(readCall(Platform::TikTok));
    QCOMPARE(other.status, 200);
    QVERIFY2(other.elapsedMs < kEarliestMs, qPrintable(QString::number(other.elapsedMs)));
}

void TestSandboxFaults::profilesAreRuntimeState()
{
    FaultProfile wild;
    wild.errorRate = 1.5;
    wild.rateLimitRate = -1;
    wild.latencyMs = 999999;
    wild.retryAfterSeconds = 5;
    m_hub->setFaults(Platform::TikTok, wild);
    FaultProfile clamped;
    clamped.errorRate = 1;
    clamped.latencyMs = kMaxFaultLatencyMs;
    clamped.retryAfterSeconds = 5;
    QCOMPARE(m_hub->faults().value(Platform::TikTok), clamped);

    // The hub's own methods never fail, whatever the platforms do.
    for (Platform platform : m_hub->platforms())
        m_hub->setFaults(platform, only(FaultKind::Timeout));
    QCOMPARE(m_hub->faults().size(), m_hub->platforms().size());
    QVERIFY(!m_hub->accounts(Platform::Google).isEmpty());
    const QDateTime before = m_hub->now();
    m_hub->advanceClock(60);
    QVERIFY(m_hub->now() >= before.addSecs(60));

    // An all-zero profile removes the entry; a restarted hub starts without faults.
    m_hub->setFaults(Platform::Google, FaultProfile());
    QVERIFY(!m_hub->faults().contains(Platform::Google));
    QTemporaryDir dir;
    {
        SandboxHub first(dir.path(), kSeed);
        QVERIFY(first.start());
        first.setFaults(Platform::Facebook, only(FaultKind::Error));
        QCOMPARE(first.faults().size(), 1);
    }
    SandboxHub second(dir.path(), kSeed);
    QVERIFY(second.start());
    QVERIFY(second.faults().isEmpty());
    m_hub->clearFaults();
    QVERIFY(m_hub->faults().isEmpty());
}

void TestSandboxFaults::callableFromOtherThreads()
{
    FaultProfile profile;
    profile.errorRate = 0.5;
    std::unique_ptr<QThread> writer(QThread::create([this, profile] {
        for (int i = 0; i < 100; ++i) {
            m_hub->setFaults(Platform::TikTok, profile);
            m_hub->clearFaults();
        }
    }));
    writer->start();
    int answered = 0;
    for (int i = 0; i < 20; ++i) {
        const QHash<Platform, FaultProfile> now = m_hub->faults();
        QVERIFY(now.isEmpty() || now.value(Platform::TikTok) == profile);
        answered += m_client.send(readCall(Platform::TikTok)).status == 200;
    }
    QVERIFY(writer->wait(10000));
    // TikTok fails inside HTTP 200, so every request got an answer of some kind.
    QCOMPARE(answered, 20);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "TestSandboxFaults.moc"
