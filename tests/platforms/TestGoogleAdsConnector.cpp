#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/google/GoogleAdsConnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::FailureKind)

namespace {

const QString kPrefix = u"/v25/customers/1234567890/"_s;

struct Fixture
{
    QTemporaryDir dir;
    FakePlatformServer server;
    QNetworkAccessManager nam;
    GoogleAdsConnector connector{&nam, server.baseUrl()};
    LaunchInput input;

    Fixture(const QString &currency = u"USD"_s, qint64 budget = 25'500'000)
    {
        input = launchInput(currency, budget);
        input.account.accountId = u"123-456-7890"_s;
        input.account.extra = {{u"developerToken"_s, u"dev-tok"_s},
                               {u"loginCustomerId"_s, u"999-888-7777"_s},
                               {u"conversionActionId"_s, u"55"_s}};
        const QString wide = writeFile(dir, u"wide.png"_s, "WIDE-PNG");
        const QString square = writeFile(dir, u"square.png"_s, "SQUARE-PNG");
        const QString video = writeFile(dir, u"v.mp4"_s, "MP4");
        input.creatives = {
            creative(u"cre-img"_s, CreativeKind::Image,
                     {imageRendition(wide, 1200, 628), imageRendition(square, 1200, 1200)}),
            creative(u"cre-bf-video-1"_s, CreativeKind::Video,
                     {videoRendition(video, 1080, 1920, 15'000)})};
        input.audiences = {audience(u"aud-vip"_s)};
    }

    PlannedStep step(const QString &key) const
    {
        return PlannedStep{key, key, launchTag(input.campaignId, key)};
    }

    PlatformResult<StepOutcome> create(const QString &key, const QMap<QString, QString> &ids = {})
    {
        return *await<PlatformResult<StepOutcome>>([&](auto done) {
            connector.createStep(input, step(key), ids, done);
        });
    }
};

QByteArray googleError(int code, const QString &status, const QString &category,
                       const QString &value, const QString &extra = {})
{
    return QStringLiteral(R"({"error":{"code":%1,"message":"Request failed.","status":"%2",
        "details":[{"@type":"type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure",
        "errors":[{"errorCode":{"%3":"%4"},"message":"Detail message.",%5
        "location":{"fieldPathElements":[{"fieldName":"mutate_operations","index":1},
        {"fieldName":"campaign_operation"},{"fieldName":"name"}]}}],"requestId":"r1"}]}})")
        .arg(code).arg(status, category, value, extra).toUtf8();
}

} // namespace

class TestGoogleAdsConnector : public QObject
{
    Q_OBJECT

private slots:
    void planProblems_data();
    void planProblems();
    void planStepsLeaveOutVideo();
    void assetAndUserListRequests();
    void treeMutate();
    void findCampaignTree();
    void findAssetByName();
    void errorMapping_data();
    void errorMapping();
    void timeoutIsUnknownOutcome();
    void reportPagination();
    void setDelivery();
};

void TestGoogleAdsConnector::planProblems_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");

    QTest::newRow("valid") << "" << "";
    QTest::newRow("engagement needs video") << "engagement" << "objective";
    QTest::newRow("app installs") << "app" << "objective";
    QTest::newRow("customer id not ten digits") << "cid" << "account.accountId";
    QTest::newRow("no developer token") << "devtoken" << "account.extra.developerToken";
    QTest::newRow("half a cent") << "halfcent" << "budget.amount";
    QTest::newRow("JPY fraction") << "jpyfraction" << "budget.amount";
    QTest::newRow("JPY whole") << "jpywhole" << "";
    QTest::newRow("ended") << "ended" << "schedule.endAt";
    QTest::newRow("headline 31 characters") << "headline31" << "creativeIds";
    QTest::newRow("headline 30 characters") << "headline30" << "";
    QTest::newRow("16 CJK characters count 32") << "cjk16" << "creativeIds";
    QTest::newRow("15 CJK characters count 30") << "cjk15" << "";
    QTest::newRow("description 91 characters") << "desc91" << "creativeIds";
    QTest::newRow("no landscape image") << "nolandscape" << "creativeIds";
    QTest::newRow("website audience") << "website" << ""; // left out with a warning
}

void TestGoogleAdsConnector::planProblems()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    Fixture f;
    LaunchInput &in = f.input;
    Creative &image = in.creatives.first();

    if (change == u"engagement")
        in.objective = Objective::Engagement;
    if (change == u"app")
        in.objective = Objective::AppInstalls;
    if (change == u"cid")
        in.account.accountId = u"12345"_s;
    if (change == u"devtoken")
        in.account.extra.remove(u"developerToken"_s);
    if (change == u"halfcent")
        in.budget.micros = 10'005'000;
    if (change.startsWith(u"jpy")) {
        in.budget.currency = in.account.currency = u"JPY"_s;
        in.budget.micros = change == u"jpywhole" ? 1'000'000'000 : 1'000'500'000;
    }
    if (change == u"ended") {
        in.startAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        in.endAt = in.startAt.addDays(2);
    }
    if (change == u"headline31")
        image.headline = QString(31, u'a');
    if (change == u"headline30")
        image.headline = QString(30, u'a');
    if (change == u"cjk16")
        image.headline = QString(16, QChar(0x58F2));
    if (change == u"cjk15")
        image.headline = QString(15, QChar(0x58F2));
    if (change == u"desc91")
        image.description = QString(91, u'd');
    if (change == u"nolandscape")
        image.renditions.removeFirst();
    if (change == u"website")
        in.audiences.first().kind = AudienceKind::WebsiteVisitors;

    const LaunchPlan plan = f.connector.plan(in);
    QStringList fields;
    for (const FieldError &e : plan.problems)
        fields.append(e.field);
    if (field.isEmpty())
        QVERIFY2(fields.isEmpty(), qPrintable(fields.join(u',')));
    else
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
    if (change == u"website") {
        // The audience the platform cannot take is left out with a warning, not a refusal.
        QVERIFY(!plan.warnings.filter(u"Audience"_s).isEmpty());
        for (const PlannedStep &step : plan.steps)
            QVERIFY(!step.key.startsWith(u"audience:"_s + in.audiences.first().id));
    }
}

void TestGoogleAdsConnector::planStepsLeaveOutVideo()
{
    Fixture f;
    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-img"_s});
    // Two warnings: the video left out, and the UTC start narrowed to New York whole days.
    QCOMPARE(plan.warnings.size(), 2);
    const QString all = plan.warnings.join(u'\n');
    QVERIFY(all.contains(u"Creative cre-bf-video-1 left out on Google: Google takes video only "
                         "as a YouTube video"));
    QVERIFY(all.contains(u"whole days"));
    // Midnight UTC is evening in New York: Google runs from the next day to the day before the end.
    const QDate startDay = f.input.startAt.date();
    QCOMPARE(plan.deliveryFrom, startDay);
    QCOMPARE(plan.deliveryUntil, startDay.addDays(8));
    QStringList keys;
    for (const PlannedStep &s : plan.steps)
        keys.append(s.key);
    QCOMPARE(keys, (QStringList{u"audience:aud-vip"_s, u"asset:cre-img:landscape"_s,
                                u"asset:cre-img:square"_s, u"campaign"_s, u"activate"_s}));

    // Poster frames in both display shapes do not turn the video into an image creative.
    Creative &video = f.input.creatives.last();
    video.renditions.append(f.input.creatives.first().renditions);
    QCOMPARE(f.connector.plan(f.input).usedCreativeIds, QStringList{u"cre-img"_s});
}

void TestGoogleAdsConnector::assetAndUserListRequests()
{
    Fixture f;
    f.server.enqueueJson("POST", kPrefix + u"assets:mutate"_s,
                         R"({"results":[{"resourceName":"customers/1234567890/assets/7001"}]})");
    f.server.enqueueJson("POST", kPrefix + u"userLists:mutate"_s,
                         R"({"results":[{"resourceName":"customers/1234567890/userLists/555"}]})");

    const auto asset = f.create(u"asset:cre-img:square"_s);
    QVERIFY(asset.has_value());
    QCOMPARE(asset->remoteIds.value(u"asset:cre-img:square"_s), u"7001"_s);
    const RecordedRequest a = f.server.requests().at(0);
    QCOMPARE(a.headers.value("developer-token"), QByteArray("dev-tok"));
    QCOMPARE(a.headers.value("login-customer-id"), QByteArray("9998887777"));
    QCOMPARE(a.headers.value("authorization"), QByteArray("Bearer tok-secret"));
    QVERIFY(a.headers.value("content-type").startsWith("application/json"));
    const QJsonObject create = a.json()[u"operations"_s][0][u"create"_s].toObject();
    QCOMPARE(QByteArray::fromBase64(create[u"imageAsset"_s][u"data"_s].toString().toLatin1()),
             QByteArray("SQUARE-PNG"));
    QCOMPARE(create[u"name"_s].toString(), u"Black Friday [ads:cmp-3f9a/asset:cre-img:square]"_s);

    const auto list = f.create(u"audience:aud-vip"_s);
    QVERIFY(list.has_value());
    QCOMPARE(list->remoteIds.value(u"audience:aud-vip"_s), u"555"_s);
    const QJsonObject userList = f.server.requests().at(1).json()[u"operations"_s][0][u"create"_s]
                                     .toObject();
    QCOMPARE(userList[u"crmBasedUserList"_s][u"uploadKeyType"_s].toString(), u"CONTACT_INFO"_s);
    QCOMPARE(userList[u"membershipLifeSpan"_s].toString(), u"540"_s);
}

void TestGoogleAdsConnector::treeMutate()
{
    Fixture f;
    f.input.startAt = QDateTime(QDate(2031, 3, 1), QTime(5, 0), Qt::UTC);   // 00:00 in New York
    f.input.endAt = QDateTime(QDate(2031, 3, 11), QTime(5, 0), Qt::UTC);
    // New York is on summer time by 11 March, so the end is 01:00 there: Google's last day is the 10th.
    const LaunchPlan plan = f.connector.plan(f.input);
    QCOMPARE(plan.deliveryFrom, QDate(2031, 3, 1));
    QCOMPARE(plan.deliveryUntil, QDate(2031, 3, 10));
    f.server.enqueueJson("POST", kPrefix + u"googleAds:mutate"_s, R"({"mutateOperationResponses":[
        {"campaignBudgetResult":{"resourceName":"customers/1234567890/campaignBudgets/9876"}},
        {"campaignResult":{"resourceName":"customers/1234567890/campaigns/1111"}},
        {"adGroupResult":{"resourceName":"customers/1234567890/adGroups/222"}},
        {"adGroupCriterionResult":{"resourceName":"customers/1234567890/adGroupCriteria/222~9"}},
        {"adGroupAdResult":{"resourceName":"customers/1234567890/adGroupAds/222~333"}}]})");

    const auto result = f.create(u"campaign"_s, {{u"audience:aud-vip"_s, u"555"_s},
                                                 {u"asset:cre-img:landscape"_s, u"7001"_s},
                                                 {u"asset:cre-img:square"_s, u"7002"_s}});
    QVERIFY(result.has_value());
    const QMap<QString, QString> expected = {{u"budget"_s, u"9876"_s}, {u"campaign"_s, u"1111"_s},
                                             {u"ad_group"_s, u"222"_s},
                                             {u"ad:cre-img"_s, u"222~333"_s}};
    QCOMPARE(result->remoteIds, expected);

    const QJsonArray ops = f.server.requests().first().json()[u"mutateOperations"_s].toArray();
    QCOMPARE(ops.size(), 5);
    const QJsonObject budget = ops[0][u"campaignBudgetOperation"_s][u"create"_s].toObject();
    QCOMPARE(budget[u"amountMicros"_s].toString(), u"25500000"_s); // int64 as a JSON string
    QCOMPARE(budget[u"explicitlyShared"_s].toBool(true), false);
    QCOMPARE(budget[u"resourceName"_s].toString(), u"customers/1234567890/campaignBudgets/-1"_s);
    const QJsonObject campaign = ops[1][u"campaignOperation"_s][u"create"_s].toObject();
    QCOMPARE(campaign[u"status"_s].toString(), u"PAUSED"_s);
    QCOMPARE(campaign[u"advertisingChannelType"_s].toString(), u"DISPLAY"_s);
    QVERIFY(campaign[u"targetSpend"_s].isObject());
    QCOMPARE(campaign[u"campaignBudget"_s].toString(), budget[u"resourceName"_s].toString());
    QCOMPARE(campaign[u"containsEuPoliticalAdvertising"_s].toString(),
             u"DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"_s);
    QCOMPARE(campaign[u"startDateTime"_s].toString(), u"2031-03-01 00:00:00"_s);
    QCOMPARE(campaign[u"endDateTime"_s].toString(), u"2031-03-10 23:59:59"_s);
    QCOMPARE(campaign[u"name"_s].toString(), u"Black Friday [ads:cmp-3f9a/campaign]"_s);
    QCOMPARE(ops[2][u"adGroupOperation"_s][u"create"_s][u"type"_s].toString(),
             u"DISPLAY_STANDARD"_s);
    QCOMPARE(ops[3][u"adGroupCriterionOperation"_s][u"create"_s][u"userList"_s][u"userList"_s]
                 .toString(), u"customers/1234567890/userLists/555"_s);
    const QJsonObject ad = ops[4][u"adGroupAdOperation"_s][u"create"_s][u"ad"_s].toObject();
    const QJsonObject rda = ad[u"responsiveDisplayAd"_s].toObject();
    QCOMPARE(rda[u"marketingImages"_s][0][u"asset"_s].toString(),
             u"customers/1234567890/assets/7001"_s);
    QCOMPARE(rda[u"squareMarketingImages"_s][0][u"asset"_s].toString(),
             u"customers/1234567890/assets/7002"_s);
    QCOMPARE(rda[u"headlines"_s][0][u"text"_s].toString(), u"Black Friday deals"_s);
    QCOMPARE(ad[u"finalUrls"_s][0].toString(), u"https://shop.example/bf"_s);
}

void TestGoogleAdsConnector::findCampaignTree()
{
    Fixture f;
    f.input.campaignName = u"Bob's Sale"_s;
    f.server.enqueueJson("POST", kPrefix + u"googleAds:search"_s, R"({"results":[
        {"campaign":{"resourceName":"customers/1234567890/campaigns/1111","id":"1111",
          "campaignBudget":"customers/1234567890/campaignBudgets/9876"},
         "adGroup":{"resourceName":"customers/1234567890/adGroups/222","id":"222"},
         "adGroupAd":{"ad":{"id":"333","name":"Bob's Sale [ads:cmp-3f9a/ad:cre-img]"}}}]})");

    const auto found = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"campaign"_s), {}, done);
    });
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE((*found)->remoteIds.value(u"campaign"_s), u"1111"_s);
    QCOMPARE((*found)->remoteIds.value(u"budget"_s), u"9876"_s);
    QCOMPARE((*found)->remoteIds.value(u"ad:cre-img"_s), u"222~333"_s);
    const QString query = f.server.requests().first().json()[u"query"_s].toString();
    QVERIFY2(query.contains(u"campaign.name = 'Bob\\'s Sale [ads:cmp-3f9a/campaign]'"),
             qPrintable(query));
    QVERIFY(query.contains(u"campaign.status != 'REMOVED'"));

    f.server.enqueueJson("POST", kPrefix + u"googleAds:search"_s, R"({"results":[]})");
    const auto missing = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"campaign"_s), {}, done);
    });
    QVERIFY(missing.has_value() && !missing->has_value());
}

void TestGoogleAdsConnector::findAssetByName()
{
    // An image asset is found by the tagged name it was created with, so a re-run after a lost
    // answer adopts it instead of uploading it twice.
    Fixture f;
    f.server.enqueueJson("POST", kPrefix + u"googleAds:search"_s, R"({"results":[
        {"asset":{"resourceName":"customers/1234567890/assets/7001","id":"7001",
          "name":"Black Friday [ads:cmp-3f9a/asset:cre-img:square]"}}]})");
    const auto found = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"asset:cre-img:square"_s), {}, done);
    });
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE((*found)->remoteIds,
             (QMap<QString, QString>{{u"asset:cre-img:square"_s, u"7001"_s}}));
    const QString query = f.server.requests().first().json()[u"query"_s].toString();
    QVERIFY2(query.contains(u"FROM asset"), qPrintable(query));
    QVERIFY2(query.contains(u"asset.name = 'Black Friday [ads:cmp-3f9a/asset:cre-img:square]'"),
             qPrintable(query));

    f.server.enqueueJson("POST", kPrefix + u"googleAds:search"_s, R"({"results":[]})");
    const auto missing = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"asset:cre-img:landscape"_s), {}, done);
    });
    QVERIFY(missing.has_value() && !missing->has_value());
}

void TestGoogleAdsConnector::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");
    QTest::addColumn<int>("retryAfter");

    QTest::newRow("expired token")
        << 401 << googleError(401, u"UNAUTHENTICATED"_s, u"authenticationError"_s, u"OAUTH_TOKEN_EXPIRED"_s)
        << FailureKind::Auth << "auth_expired" << "authenticationError.OAUTH_TOKEN_EXPIRED" << -1;
    QTest::newRow("developer token")
        << 403 << googleError(403, u"PERMISSION_DENIED"_s, u"authorizationError"_s, u"DEVELOPER_TOKEN_NOT_APPROVED"_s)
        << FailureKind::Auth << "permission_denied" << "authorizationError.DEVELOPER_TOKEN_NOT_APPROVED" << -1;
    QTest::newRow("short-term quota with delay")
        << 429 << googleError(429, u"RESOURCE_EXHAUSTED"_s, u"quotaError"_s, u"RESOURCE_TEMPORARILY_EXHAUSTED"_s,
                              uR"("details":{"quotaErrorDetails":{"rateScope":"ACCOUNT","retryDelay":"42s"}},)"_s)
        << FailureKind::RateLimited << "rate_limited" << "quotaError.RESOURCE_TEMPORARILY_EXHAUSTED" << 42;
    QTest::newRow("daily quota")
        << 429 << googleError(429, u"RESOURCE_EXHAUSTED"_s, u"quotaError"_s, u"RESOURCE_EXHAUSTED"_s)
        << FailureKind::RateLimited << "rate_limited" << "quotaError.RESOURCE_EXHAUSTED" << 3600;
    QTest::newRow("validation")
        << 400 << googleError(400, u"INVALID_ARGUMENT"_s, u"stringLengthError"_s, u"TOO_LONG"_s)
        << FailureKind::Permanent << "invalid_field" << "stringLengthError.TOO_LONG" << -1;
    QTest::newRow("policy")
        << 400 << googleError(400, u"INVALID_ARGUMENT"_s, u"policyFindingError"_s, u"POLICY_FINDING"_s)
        << FailureKind::Permanent << "policy_rejected" << "policyFindingError.POLICY_FINDING" << -1;
    QTest::newRow("internal")
        << 500 << googleError(500, u"INTERNAL"_s, u"internalError"_s, u"TRANSIENT_ERROR"_s)
        << FailureKind::Transient << "server_error" << "internalError.TRANSIENT_ERROR" << -1;
    QTest::newRow("unavailable without body") << 503 << QByteArray() << FailureKind::Transient
                                              << "server_error" << "" << -1;
    QTest::newRow("deadline on a mutate")
        << 504 << googleError(504, u"DEADLINE_EXCEEDED"_s, u"internalError"_s, u"DEADLINE_EXCEEDED"_s)
        << FailureKind::UnknownOutcome << "timeout" << "internalError.DEADLINE_EXCEEDED" << -1;
}

void TestGoogleAdsConnector::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(QString, platformCode);
    QFETCH(int, retryAfter);
    Fixture f;
    f.server.enqueueJson("POST", kPrefix + u"assets:mutate"_s, body, status);

    const auto result = f.create(u"asset:cre-img:square"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(kind));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
    QCOMPARE(result.error().retryAfterSeconds, retryAfter);
    if (code == u"invalid_field")
        QVERIFY(result.error().message.contains(u"mutate_operations.campaign_operation.name"));
}

void TestGoogleAdsConnector::timeoutIsUnknownOutcome()
{
    Fixture f;
    CannedReply hang;
    hang.hang = true;
    f.server.enqueue("POST", kPrefix + u"googleAds:mutate"_s, hang);
    f.connector.setRequestTimeoutMs(300);
    const auto result = f.create(u"campaign"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::UnknownOutcome));
}

void TestGoogleAdsConnector::reportPagination()
{
    Fixture f;
    const QString path = kPrefix + u"googleAds:search"_s;
    f.server.enqueueJson("POST", path, R"({"results":[
        {"campaign":{"resourceName":"customers/1234567890/campaigns/1111","id":"1111"},
         "metrics":{"clicks":"311","impressions":"10452","costMicros":"152370000",
                    "conversions":3.5,"conversionsValue":486.5},
         "segments":{"date":"2026-03-01"}}],"nextPageToken":"T1"})");
    f.server.enqueueJson("POST", path, R"({"results":[
        {"campaign":{"id":"1111"},"metrics":{"impressions":"7","conversions":"0.25"},
         "segments":{"date":"2026-03-02"}}],"nextPageToken":"T1"})");

    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"1111"_s}, QDate(2026, 3, 1),
                                     QDate(2026, 3, 2), done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->size(), 2);
    QCOMPARE(result->at(0).spendMicros, Q_INT64_C(152'370'000));
    QCOMPARE(result->at(0).conversionsMicros, Q_INT64_C(3'500'000));
    QCOMPARE(result->at(0).conversionValueMicros, Q_INT64_C(486'500'000));
    QCOMPARE(result->at(0).day, QDate(2026, 3, 1));
    QCOMPARE(result->at(1).clicks, Q_INT64_C(0));
    QCOMPARE(result->at(1).conversionsMicros, Q_INT64_C(250'000));
    QCOMPARE(result->at(1).timeZone, u"America/New_York"_s);

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2); // the token repeats: stop instead of looping
    const QString query = requests.at(0).json()[u"query"_s].toString();
    QVERIFY(query.contains(u"segments.date BETWEEN '2026-03-01' AND '2026-03-02'"));
    QVERIFY(query.contains(u"campaign.id IN (1111)"));
    QCOMPARE(requests.at(1).json()[u"pageToken"_s].toString(), u"T1"_s);
    QCOMPARE(requests.at(1).json()[u"query"_s].toString(), query); // identical query per token
}

void TestGoogleAdsConnector::setDelivery()
{
    Fixture f;
    f.server.enqueueJson("POST", kPrefix + u"campaigns:mutate"_s,
                         R"({"results":[{"resourceName":"customers/1234567890/campaigns/1111"}]})");
    f.server.enqueueJson("POST", kPrefix + u"googleAds:mutate"_s, R"({"mutateOperationResponses":[]})");
    const QMap<QString, QString> ids = {{u"campaign"_s, u"1111"_s}, {u"ad_group"_s, u"222"_s},
                                        {u"ad:cre-img"_s, u"222~333"_s}, {u"budget"_s, u"9876"_s}};

    const auto off = *await<PlatformResult<bool>>([&](auto done) {
        f.connector.setDelivery(f.input.account, ids, false, done);
    });
    QVERIFY(off.has_value());
    const QJsonObject pause = f.server.requests().at(0).json()[u"operations"_s][0].toObject();
    QCOMPARE(pause[u"update"_s][u"resourceName"_s].toString(), u"customers/1234567890/campaigns/1111"_s);
    QCOMPARE(pause[u"update"_s][u"status"_s].toString(), u"PAUSED"_s);
    QCOMPARE(pause[u"updateMask"_s].toString(), u"status"_s);

    const auto on = *await<PlatformResult<bool>>([&](auto done) {
        f.connector.setDelivery(f.input.account, ids, true, done);
    });
    QVERIFY(on.has_value());
    const QJsonArray ops = f.server.requests().at(1).json()[u"mutateOperations"_s].toArray();
    QCOMPARE(ops.size(), 3);
    QCOMPARE(ops[0][u"adGroupAdOperation"_s][u"update"_s][u"resourceName"_s].toString(),
             u"customers/1234567890/adGroupAds/222~333"_s);
    QCOMPARE(ops[2][u"campaignOperation"_s][u"update"_s][u"status"_s].toString(), u"ENABLED"_s);
}

QTEST_GUILESS_MAIN(TestGoogleAdsConnector)
#include "TestGoogleAdsConnector.moc"
