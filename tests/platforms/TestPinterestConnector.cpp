#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/pinterest/PinterestConnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::FailureKind)

namespace {

const QString kAccount = u"549755885175"_s;
const QString kAccountPath = u"/v5/ad_accounts/549755885175"_s;

QByteArray batchOk(const QByteArray &id)
{
    return R"({"items":[{"data":{"id":")" + id + R"(","status":"PAUSED"},"exceptions":[]}]})";
}

struct Fixture
{
    QTemporaryDir dir;
    FakePlatformServer server;
    QNetworkAccessManager nam;
    PinterestConnector connector{&nam, server.baseUrl()};
    LaunchInput input;

    Fixture()
    {
        input = launchInput(u"USD"_s, 25'000'000);
        input.account.accountId = kAccount;
        input.account.extra = {{u"boardId"_s, u"1111"_s}, {u"bidMicros"_s, u"1500000"_s},
                               {u"conversionTagId"_s, u"2612345678901"_s}};
        const QString square = writeFile(dir, u"sq.png"_s, "PNG-SQUARE");
        const QString wide = writeFile(dir, u"wide.png"_s, "PNG-WIDE");
        const QString video = writeFile(dir, u"v.mp4"_s, "MP4-BYTES");
        input.creatives = {
            creative(u"cre-bf-video-1"_s, CreativeKind::Video,
                     {videoRendition(video, 540, 960, 6'000)}),
            creative(u"cre-bf-static-1"_s, CreativeKind::Image,
                     {imageRendition(wide, 1200, 628), imageRendition(square, 1080, 1080)})};
        Audience vip = audience(u"aud-vip"_s);
        vip.definition = QJsonObject{{u"hashedEmails"_s, QJsonArray{u"AB12"_s, u"cd34"_s}}};
        input.audiences = {vip, audience(u"aud-cart"_s, AudienceKind::WebsiteVisitors)};
        connector.setMediaPollIntervalMs(5);
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

    QJsonObject onlyItem(int request) const
    {
        const QJsonArray items = QJsonDocument::fromJson(server.requests().at(request).body).array();
        return items.size() == 1 ? items.first().toObject() : QJsonObject();
    }
};

QDate utcToday()
{
    return QDateTime::currentDateTimeUtc().date();
}

} // namespace

class TestPinterestConnector : public QObject
{
    Q_OBJECT

private slots:
    void planProblems_data();
    void planProblems();
    void planStepsAndWarnings();
    void campaignAndAdGroupRequests();
    void conversionAdGroup();
    void batchItemExceptions_data();
    void batchItemExceptions();
    void imagePinAndAd();
    void findAdAnswersItsPin();
    void videoUploadWaitsForProcessing();
    void videoPollingRidesOutTransientErrors();
    void customerListAudience();
    void rerunAdoptsTheListOfAnEarlierTry();
    void errorMapping_data();
    void errorMapping();
    void timeoutIsUnknownOutcome();
    void findStepFollowsBookmarks_data();
    void findStepFollowsBookmarks();
    void reportParsing();
    void setDelivery();
};

void TestPinterestConnector::planProblems_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");

    QTest::newRow("valid") << "" << "";
    QTest::newRow("app installs") << "app" << "objective";
    QTest::newRow("no board") << "noboard" << "account.extra.boardId";
    QTest::newRow("traffic without a bid") << "nobid" << "account.extra.bidMicros";
    QTest::newRow("conversions need no bid") << "conversionsnobid" << "";
    QTest::newRow("conversions without tag") << "notag" << "account.extra.conversionTagId";
    QTest::newRow("leads without tag") << "leadsnotag" << "account.extra.conversionTagId";
    QTest::newRow("account id with prefix") << "account" << "account.accountId";
    QTest::newRow("account id of 19 digits") << "account19" << "account.accountId";
    QTest::newRow("no country") << "nocountry" << "account.extra.country";
    QTest::newRow("country given") << "country" << "";
    QTest::newRow("zero budget") << "zero" << "budget.amount";
    QTest::newRow("one micro a day") << "micro" << ""; // no published minimum
    QTest::newRow("other currency") << "currency" << "budget.currency";
    QTest::newRow("lifetime without end") << "lifetimeopen" << "schedule.endAt";
    QTest::newRow("title 100 characters") << "title100" << "";
    QTest::newRow("title 101 characters") << "title101" << "creativeIds";
    QTest::newRow("title 100 wide characters") << "cjk100" << "";
    QTest::newRow("description 501 characters") << "text501" << "creativeIds";
    QTest::newRow("video 3.9 s, image still fits") << "shortvideo" << "";
    QTest::newRow("nothing fits") << "nothing" << "creativeIds";
    QTest::newRow("ended") << "ended" << "schedule.endAt";
}

void TestPinterestConnector::planProblems()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    Fixture f;
    LaunchInput &in = f.input;
    const auto allCreatives = [&](const std::function<void(Creative &)> &edit) {
        for (Creative &c : in.creatives)
            edit(c);
    };

    if (change == u"app")
        in.objective = Objective::AppInstalls;
    if (change == u"noboard")
        in.account.extra.remove(u"boardId"_s);
    if (change == u"nobid" || change == u"conversionsnobid")
        in.account.extra.remove(u"bidMicros"_s);
    if (change == u"conversionsnobid" || change == u"notag")
        in.objective = Objective::Conversions;
    if (change == u"leadsnotag")
        in.objective = Objective::Leads;
    if (change == u"notag" || change == u"leadsnotag")
        in.account.extra.remove(u"conversionTagId"_s);
    if (change == u"account")
        in.account.accountId = u"act_549755885175"_s;
    if (change == u"account19")
        in.account.accountId = QString(19, u'1');
    if (change == u"nocountry" || change == u"country")
        in.account.timeZone = u"UTC"_s;
    if (change == u"country")
        in.account.extra[u"country"_s] = u"GB"_s;
    if (change == u"zero")
        in.budget.micros = 0;
    if (change == u"micro")
        in.budget.micros = 1;
    if (change == u"currency")
        in.budget.currency = u"EUR"_s;
    if (change == u"lifetimeopen") {
        in.budgetType = BudgetType::Lifetime;
        in.endAt = QDateTime();
    }
    if (change == u"title100" || change == u"title101")
        allCreatives([&](Creative &c) { c.headline = QString(change == u"title100" ? 100 : 101, u't'); });
    if (change == u"cjk100")
        allCreatives([](Creative &c) { c.headline = QString(100, QChar(0x58F2)); });
    if (change == u"text501")
        allCreatives([](Creative &c) { c.description = QString(501, u'd'); });
    if (change == u"shortvideo" || change == u"nothing")
        in.creatives.first().renditions.first().durationMs = 3'900;
    if (change == u"nothing")
        in.creatives.last().renditions = {imageRendition(u"x.webp"_s, 600, 600, u"image/webp"_s)};
    if (change == u"ended") {
        in.startAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        in.endAt = in.startAt.addDays(1);
    }

    const LaunchPlan plan = f.connector.plan(in);
    QStringList fields;
    for (const FieldError &e : plan.problems)
        fields.append(e.field);
    if (field.isEmpty())
        QVERIFY2(fields.isEmpty(), qPrintable(fields.join(u',')));
    else
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
    if (change == u"shortvideo")
        QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-bf-static-1"_s});
}

void TestPinterestConnector::planStepsAndWarnings()
{
    Fixture f;
    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, (QStringList{u"cre-bf-video-1"_s, u"cre-bf-static-1"_s}));
    QStringList keys;
    for (const PlannedStep &s : plan.steps)
        keys.append(s.key);
    // Pins have no name to tag, so each is made inside its ad's step: every step but the video
    // upload can be found again by its tag.
    QCOMPARE(keys, (QStringList{u"audience:aud-vip"_s, u"video:cre-bf-video-1"_s, u"campaign"_s,
                                u"adgroup"_s, u"ad:cre-bf-video-1"_s, u"ad:cre-bf-static-1"_s,
                                u"activate"_s}));
    // The website-visitor audience is left out with a warning, not refused.
    QCOMPARE(plan.warnings.size(), 1);
    QVERIFY(plan.warnings.first().contains(u"aud-cart"));
}

void TestPinterestConnector::campaignAndAdGroupRequests()
{
    Fixture f;
    f.input.startAt = QDateTime(QDate(2031, 3, 1), QTime(8, 0), Qt::UTC);
    f.input.endAt = QDateTime(QDate(2031, 3, 31), QTime(8, 0), Qt::UTC);
    f.server.enqueueJson("POST", kAccountPath + u"/campaigns"_s, batchOk("626736533506"));
    f.server.enqueueJson("POST", kAccountPath + u"/ad_groups"_s, batchOk("2680060704746"));

    const auto campaign = f.create(u"campaign"_s);
    QVERIFY(campaign.has_value());
    QCOMPARE(campaign->remoteIds.value(u"campaign"_s), u"626736533506"_s);
    const auto group = f.create(u"adgroup"_s, {{u"campaign"_s, u"626736533506"_s},
                                               {u"audience:aud-vip"_s, u"2542620905475"_s}});
    QVERIFY(group.has_value());
    QCOMPARE(group->remoteIds.value(u"adgroup"_s), u"2680060704746"_s);

    const RecordedRequest &first = f.server.requests().at(0);
    QCOMPARE(first.headers.value("authorization"), QByteArray("Bearer tok-secret"));
    QVERIFY(QJsonDocument::fromJson(first.body).isArray());
    const QJsonObject c = f.onlyItem(0);
    QCOMPARE(c[u"ad_account_id"_s].toString(), kAccount);
    QCOMPARE(c[u"name"_s].toString(), u"Black Friday [ads:cmp-3f9a/campaign]"_s);
    QCOMPARE(c[u"objective_type"_s].toString(), u"CONSIDERATION"_s);
    QCOMPARE(c[u"status"_s].toString(), u"PAUSED"_s);
    QCOMPARE(c[u"is_campaign_budget_optimization"_s].toBool(true), false);
    QCOMPARE(c[u"start_time"_s].toInteger(), Q_INT64_C(1930118400));
    QCOMPARE(c[u"end_time"_s].toInteger(), Q_INT64_C(1932710400));
    QVERIFY(!c.contains(u"daily_spend_cap"_s));

    const QJsonObject g = f.onlyItem(1);
    QCOMPARE(g[u"campaign_id"_s].toString(), u"626736533506"_s);
    QCOMPARE(g[u"billable_event"_s].toString(), u"CLICKTHROUGH"_s);
    QCOMPARE(g[u"budget_in_micro_currency"_s].toInteger(), Q_INT64_C(25'000'000));
    QCOMPARE(g[u"budget_type"_s].toString(), u"DAILY"_s);
    QCOMPARE(g[u"bid_strategy_type"_s].toString(), u"MAX_BID"_s);
    QCOMPARE(g[u"bid_in_micro_currency"_s].toInteger(), Q_INT64_C(1'500'000));
    QCOMPARE(g[u"status"_s].toString(), u"PAUSED"_s);
    QCOMPARE(g[u"targeting_spec"_s][u"LOCATION"_s].toArray(), QJsonArray{u"US"_s});
    QCOMPARE(g[u"targeting_spec"_s][u"AUDIENCE_INCLUDE"_s].toArray(),
             QJsonArray{u"2542620905475"_s});
    QCOMPARE(g[u"start_time"_s].toInteger(), Q_INT64_C(1930118400));
    QVERIFY(!g.contains(u"optimization_goal_metadata"_s));
}

void TestPinterestConnector::conversionAdGroup()
{
    Fixture f;
    f.input.objective = Objective::Sales;
    f.input.budgetType = BudgetType::Lifetime;
    f.input.budget.micros = 900'123'456;
    f.server.enqueueJson("POST", kAccountPath + u"/ad_groups"_s, batchOk("1"));
    QVERIFY(f.create(u"adgroup"_s, {{u"campaign"_s, u"2"_s}}).has_value());
    const QJsonObject g = f.onlyItem(0);
    QCOMPARE(g[u"billable_event"_s].toString(), u"IMPRESSION"_s);
    QCOMPARE(g[u"budget_type"_s].toString(), u"LIFETIME"_s);
    QCOMPARE(g[u"budget_in_micro_currency"_s].toInteger(), Q_INT64_C(900'123'456));
    QCOMPARE(g[u"bid_strategy_type"_s].toString(), u"AUTOMATIC_BID"_s);
    QVERIFY(!g.contains(u"bid_in_micro_currency"_s));
    const QJsonObject goal = g[u"optimization_goal_metadata"_s]
                                 [u"conversion_tag_v3_goal_metadata"_s].toObject();
    QCOMPARE(goal[u"conversion_tag_id"_s].toString(), u"2612345678901"_s);
    QCOMPARE(goal[u"conversion_event"_s].toString(), u"CHECKOUT"_s);
}

void TestPinterestConnector::batchItemExceptions_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("edge");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");

    QTest::newRow("campaign, exceptions as a list")
        << "campaign" << "campaigns"
        << QByteArray(R"({"items":[{"exceptions":[{"code":2,"message":"Advertiser not found."}]}]})")
        << "invalid_field" << "2";
    QTest::newRow("ad, exceptions as one object")
        << "ad:cre-bf-static-1" << "ads"
        << QByteArray(R"({"items":[{"data":null,"exceptions":{"code":2639,
                          "message":"Invalid budget."}}]})")
        << "invalid_field" << "2639";
    QTest::newRow("ad group throttled inside the batch")
        << "adgroup" << "ad_groups"
        << QByteArray(R"({"items":[{"exceptions":[{"code":8,"message":"rate limit"}]}]})")
        << "rate_limited" << "8";
    QTest::newRow("answer without the item") << "campaign" << "campaigns"
                                             << QByteArray(R"({"items":[]})") << "unreadable_reply"
                                             << "";
}

void TestPinterestConnector::batchItemExceptions()
{
    QFETCH(QString, key);
    QFETCH(QString, edge);
    QFETCH(QByteArray, reply);
    QFETCH(QString, code);
    QFETCH(QString, platformCode);
    Fixture f;
    f.server.enqueueJson("POST", kAccountPath + u'/' + edge, reply);
    if (edge == u"ads")
        f.server.enqueueJson("POST", u"/v5/pins"_s, R"({"id":"3"})", 201);
    const auto result = f.create(key, {{u"campaign"_s, u"1"_s}, {u"adgroup"_s, u"2"_s}});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
}

void TestPinterestConnector::imagePinAndAd()
{
    Fixture f;
    f.server.enqueueJson("POST", u"/v5/pins"_s, R"({"id":"813744226420795884","board_id":"1111"})",
                         201);
    f.server.enqueueJson("POST", kAccountPath + u"/ads"_s,
                         R"({"items":[{"data":{"id":"687195134316"},"exceptions":{}}]})");

    // One step makes the Pin, then the ad that promotes it, and answers both ids.
    const auto ad = f.create(u"ad:cre-bf-static-1"_s, {{u"adgroup"_s, u"2680060704746"_s}});
    QVERIFY(ad.has_value());
    QCOMPARE(ad->remoteIds.value(u"pin:cre-bf-static-1"_s), u"813744226420795884"_s);
    QCOMPARE(ad->remoteIds.value(u"ad:cre-bf-static-1"_s), u"687195134316"_s);
    const RecordedRequest &pinRequest = f.server.requests().at(0);
    QCOMPARE(pinRequest.path, u"/v5/pins"_s);
    QCOMPARE(pinRequest.queryValue(u"ad_account_id"_s), kAccount);
    const QJsonObject body = pinRequest.json();
    QCOMPARE(body[u"board_id"_s].toString(), u"1111"_s);
    QCOMPARE(body[u"title"_s].toString(), u"Black Friday deals"_s);
    QCOMPARE(body[u"link"_s].toString(), u"https://shop.example/bf"_s);
    const QJsonObject source = body[u"media_source"_s].toObject();
    QCOMPARE(source[u"source_type"_s].toString(), u"image_base64"_s);
    QCOMPARE(source[u"content_type"_s].toString(), u"image/png"_s);
    // The square rendition is closer to Pinterest's 2:3 than the landscape one.
    QCOMPARE(QByteArray::fromBase64(source[u"data"_s].toString().toLatin1()),
             QByteArray("PNG-SQUARE"));

    const QJsonObject a = f.onlyItem(1);
    QCOMPARE(a[u"ad_group_id"_s].toString(), u"2680060704746"_s);
    QCOMPARE(a[u"creative_type"_s].toString(), u"REGULAR"_s);
    QCOMPARE(a[u"pin_id"_s].toString(), u"813744226420795884"_s);
    QCOMPARE(a[u"status"_s].toString(), u"PAUSED"_s);
    QCOMPARE(a[u"name"_s].toString(), u"Black Friday [ads:cmp-3f9a/ad:cre-bf-static-1]"_s);

    // A Pin refused is the step's failure, and no ad is attempted.
    f.server.enqueueJson("POST", u"/v5/pins"_s, R"({"code":1,"message":"Invalid image."})", 400);
    const auto refused = f.create(u"ad:cre-bf-static-1"_s, {{u"adgroup"_s, u"2680060704746"_s}});
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, u"invalid_field"_s);
    QCOMPARE(f.server.requests().size(), 3);
}

void TestPinterestConnector::findAdAnswersItsPin()
{
    Fixture f;
    const QString tag = u"[ads:cmp-3f9a/ad:cre-bf-static-1]"_s;
    f.server.enqueueJson("GET", kAccountPath + u"/ads"_s,
                         uR"({"items":[{"id":"687195134316","name":"Black Friday %1",
                             "status":"PAUSED","pin_id":"813744226420795884"}],"bookmark":null})"_s
                             .arg(tag)
                             .toUtf8());
    const auto result = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"ad:cre-bf-static-1"_s),
                             {{u"adgroup"_s, u"2680060704746"_s}}, done);
    });
    QVERIFY(result.has_value());
    QVERIFY(result->has_value());
    QCOMPARE((*result)->remoteIds.value(u"ad:cre-bf-static-1"_s), u"687195134316"_s);
    QCOMPARE((*result)->remoteIds.value(u"pin:cre-bf-static-1"_s), u"813744226420795884"_s);
    QCOMPARE(f.server.requests().at(0).queryValue(u"ad_group_ids"_s), u"2680060704746"_s);
}

void TestPinterestConnector::videoUploadWaitsForProcessing()
{
    Fixture f;
    const QString upload = f.server.baseUrl().toString() + u"/s3-upload"_s;
    f.server.enqueueJson("POST", u"/v5/media"_s,
                         QStringLiteral(R"({"media_id":"12345","media_type":"video",
                             "upload_url":"%1","upload_parameters":{"key":"uploads/11/aa",
                             "x-amz-signature":"fcd6"}})").arg(upload).toUtf8(), 201);
    f.server.enqueueJson("POST", u"/s3-upload"_s, "", 204);
    f.server.enqueueJson("GET", u"/v5/media/12345"_s, R"({"media_id":"12345","status":"registered"})");
    f.server.enqueueJson("GET", u"/v5/media/12345"_s, R"({"media_id":"12345","status":"processing"})");
    f.server.enqueueJson("GET", u"/v5/media/12345"_s, R"({"media_id":"12345","status":"succeeded"})");
    f.server.enqueueJson("POST", u"/v5/pins"_s, R"({"id":"99"})");

    const auto video = f.create(u"video:cre-bf-video-1"_s);
    QVERIFY(video.has_value());
    QCOMPARE(video->remoteIds.value(u"video:cre-bf-video-1"_s), u"12345"_s);
    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 5);
    QCOMPARE(requests.at(0).json()[u"media_type"_s].toString(), u"video"_s);
    const RecordedRequest &s3 = requests.at(1);
    QVERIFY(!s3.headers.contains("authorization")); // no Pinterest token to the storage host
    QVERIFY(s3.body.contains("name=\"key\""));
    QVERIFY(s3.body.contains("uploads/11/aa"));
    QVERIFY(s3.body.contains("MP4-BYTES"));

    f.server.enqueueJson("POST", kAccountPath + u"/ads"_s,
                         R"({"items":[{"data":{"id":"5"}}],"exceptions":{}})");
    QMap<QString, QString> ids = video->remoteIds;
    ids.insert(u"adgroup"_s, u"2"_s);
    const auto ad = f.create(u"ad:cre-bf-video-1"_s, ids);
    QVERIFY(ad.has_value());
    QCOMPARE(ad->remoteIds.value(u"pin:cre-bf-video-1"_s), u"99"_s);
    QCOMPARE(f.onlyItem(6)[u"creative_type"_s].toString(), u"VIDEO"_s);
    const QJsonObject source = f.server.requests().at(5).json()[u"media_source"_s].toObject();
    QCOMPARE(source[u"source_type"_s].toString(), u"video_id"_s);
    QCOMPARE(source[u"media_id"_s].toString(), u"12345"_s);

    // A failed processing is a refusal, not something to retry.
    f.server.enqueueJson("POST", u"/v5/media"_s,
                         QStringLiteral(R"({"media_id":"7","upload_url":"%1"})").arg(upload).toUtf8());
    f.server.enqueueJson("POST", u"/s3-upload"_s, "", 204);
    f.server.enqueueJson("GET", u"/v5/media/7"_s, R"({"media_id":"7","status":"failed"})");
    const auto failed = f.create(u"video:cre-bf-video-1"_s);
    QVERIFY(!failed.has_value());
    QCOMPARE(int(failed.error().kind), int(FailureKind::Permanent));
}

void TestPinterestConnector::videoPollingRidesOutTransientErrors()
{
    // Reading the media's status changes nothing, so a failed read is read again; the video is
    // not uploaded a second time.
    Fixture f;
    const QString upload = f.server.baseUrl().toString() + u"/s3-upload"_s;
    f.server.enqueueJson("POST", u"/v5/media"_s,
                         QStringLiteral(R"({"media_id":"31","upload_url":"%1"})").arg(upload).toUtf8(), 201);
    f.server.enqueueJson("POST", u"/s3-upload"_s, "", 204);
    f.server.enqueueJson("GET", u"/v5/media/31"_s, R"({"code":12,"message":"Something went wrong on our end."})",
                         500);
    f.server.enqueueJson("GET", u"/v5/media/31"_s, R"({"code":12,"message":"Something went wrong on our end."})",
                         503);
    f.server.enqueueJson("GET", u"/v5/media/31"_s, R"({"media_id":"31","status":"succeeded"})");

    const auto video = f.create(u"video:cre-bf-video-1"_s);
    QVERIFY2(video.has_value(), video ? "" : qPrintable(video.error().message));
    QCOMPARE(video->remoteIds.value(u"video:cre-bf-video-1"_s), u"31"_s);
    int registrations = 0;
    for (const RecordedRequest &request : f.server.requests())
        registrations += request.path == u"/v5/media";
    QCOMPARE(registrations, 1);
}

void TestPinterestConnector::customerListAudience()
{
    Fixture f;
    f.server.enqueueJson("GET", kAccountPath + u"/customer_lists"_s, R"({"items":[],"bookmark":null})");
    f.server.enqueueJson("POST", kAccountPath + u"/customer_lists"_s,
                         R"({"id":"5497558859876","status":"PROCESSING","type":"customerlist"})");
    f.server.enqueueJson("POST", kAccountPath + u"/audiences"_s,
                         R"({"id":"2542620905475","audience_type":"CUSTOMER_LIST"})");
    const auto result = f.create(u"audience:aud-vip"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds.value(u"audience:aud-vip"_s), u"2542620905475"_s);
    QCOMPARE(result->remoteIds.value(u"customerlist:aud-vip"_s), u"5497558859876"_s);
    QCOMPARE(f.server.requests().at(0).method, QByteArray("GET")); // our list from a failed try?
    const QJsonObject list = f.server.requests().at(1).json();
    QCOMPARE(list[u"records"_s].toString(), u"ab12,cd34"_s); // one string, lower case
    QCOMPARE(list[u"list_type"_s].toString(), u"EMAIL"_s);
    const QJsonObject audience = f.server.requests().at(2).json();
    QCOMPARE(audience[u"audience_type"_s].toString(), u"CUSTOMER_LIST"_s);
    QCOMPARE(audience[u"rule"_s][u"customer_list_id"_s].toString(), u"5497558859876"_s);
    QVERIFY(audience[u"name"_s].toString().endsWith(u"[ads:cmp-3f9a/audience:aud-vip]"_s));
}

void TestPinterestConnector::rerunAdoptsTheListOfAnEarlierTry()
{
    // The list was made, then the audience failed: the step runs again and must not make a
    // second list.
    Fixture f;
    f.server.enqueueJson("GET", kAccountPath + u"/customer_lists"_s,
                         R"({"items":[{"id":"5497558859876","name":"Black Friday [ads:cmp-3f9a/audience:aud-vip]"}],)"
                         R"("bookmark":null})");
    f.server.enqueueJson("POST", kAccountPath + u"/audiences"_s,
                         R"({"id":"2542620905475","audience_type":"CUSTOMER_LIST"})");
    const auto result = f.create(u"audience:aud-vip"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds.value(u"customerlist:aud-vip"_s), u"5497558859876"_s);
    for (const RecordedRequest &r : f.server.requests())
        QVERIFY(!(r.method == "POST" && r.path.endsWith(u"/customer_lists")));
}

void TestPinterestConnector::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("resetHeader");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");
    QTest::addColumn<int>("retryAfter");

    QTest::newRow("authentication failed")
        << 401 << QByteArray(R"({"code":2,"message":"Authentication failed."})") << QByteArray()
        << FailureKind::Auth << "auth_expired" << "2" << -1;
    QTest::newRow("missing scope")
        << 401 << QByteArray(R"({"code":3,"message":"Missing scopes"})") << QByteArray()
        << FailureKind::Auth << "permission_denied" << "3" << -1;
    QTest::newRow("not permitted")
        << 403 << QByteArray(R"({"code":29,"message":"You are not permitted"})") << QByteArray()
        << FailureKind::Permanent << "permission_denied" << "29" << -1;
    QTest::newRow("rate limit with reset header")
        << 429 << QByteArray(R"({"code":8,"message":"This request exceeded a rate limit."})")
        << QByteArray("7") << FailureKind::RateLimited << "rate_limited" << "8" << 7;
    QTest::newRow("query cost with retry words")
        << 429 << QByteArray(R"({"code":2726,"message":"Reporting query cost limit exceeded. Retry after 1 seconds"})")
        << QByteArray() << FailureKind::RateLimited << "rate_limited" << "2726" << 1;
    QTest::newRow("400 asking to retry")
        << 400 << QByteArray(R"({"code":1,"message":"Retry after 5 seconds"})") << QByteArray()
        << FailureKind::RateLimited << "rate_limited" << "1" << 5;
    QTest::newRow("something went wrong")
        << 400 << QByteArray(R"({"code":12,"message":"Something went wrong on our end."})")
        << QByteArray() << FailureKind::Transient << "server_error" << "12" << -1;
    QTest::newRow("invalid parameters")
        << 400 << QByteArray(R"({"code":400,"message":"Invalid ad account campaign parameters."})")
        << QByteArray() << FailureKind::Permanent << "invalid_field" << "400" << -1;
    QTest::newRow("server error without body") << 503 << QByteArray() << QByteArray()
                                               << FailureKind::Transient << "server_error" << "503"
                                               << -1;
    QTest::newRow("gateway timeout on a write")
        << 504 << QByteArray("<html/>") << QByteArray() << FailureKind::UnknownOutcome << "timeout"
        << "504" << -1;
}

void TestPinterestConnector::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, resetHeader);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(QString, platformCode);
    QFETCH(int, retryAfter);
    Fixture f;
    CannedReply reply;
    reply.status = status;
    reply.body = body;
    if (!resetHeader.isEmpty())
        reply.headers = {{"X-RateLimit-Reset", resetHeader}};
    f.server.enqueue("POST", kAccountPath + u"/campaigns"_s, reply);

    const auto result = f.create(u"campaign"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(kind));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
    QCOMPARE(result.error().retryAfterSeconds, retryAfter);
    if (platformCode == u"400") {
        QCOMPARE(result.error().message, u"Invalid ad account campaign parameters."_s);
        QCOMPARE(result.error().platformMessage, result.error().message);
    }
}

void TestPinterestConnector::timeoutIsUnknownOutcome()
{
    Fixture f;
    CannedReply hang;
    hang.hang = true;
    f.server.enqueueJson("POST", u"/v5/pins"_s, R"({"id":"3"})", 201);
    f.server.enqueue("POST", kAccountPath + u"/ads"_s, hang);
    f.connector.setRequestTimeoutMs(300);
    const auto result = f.create(u"ad:cre-bf-static-1"_s, {{u"adgroup"_s, u"1"_s}});
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::UnknownOutcome));
}

void TestPinterestConnector::findStepFollowsBookmarks_data()
{
    QTest::addColumn<QStringList>("pages");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QString>("found");

    const QString tag = u"[ads:cmp-3f9a/campaign]"_s;
    const QString match = uR"({"id":"626736533506","name":"Black Friday %1","status":"PAUSED"})"_s
                              .arg(tag);
    const QString archived = uR"({"id":"5","name":"Black Friday %1","status":"ARCHIVED"})"_s.arg(tag);
    const QString other = uR"({"id":"1","name":"Spring","status":"ACTIVE"})"_s;
    const auto page = [](const QString &items, const QString &bookmark) {
        const QString mark = bookmark.isEmpty() ? u"null"_s : u'"' + bookmark + u'"';
        return uR"({"items":[%1],"bookmark":%2})"_s.arg(items, mark);
    };

    QTest::newRow("second page, archived skipped")
        << QStringList{page(other, u"b1"_s), page(archived + u',' + match, {})} << 2
        << "626736533506";
    QTest::newRow("null bookmark ends") << QStringList{page(other, {})} << 1 << "";
    QTest::newRow("missing bookmark ends") << QStringList{uR"({"items":[%1]})"_s.arg(other)} << 1
                                           << "";
    QTest::newRow("repeated bookmark ends")
        << QStringList{page(other, u"b1"_s), page(other, u"b1"_s)} << 2 << "";
    QTest::newRow("empty page ends") << QStringList{page(other, u"b1"_s), page({}, u"b2"_s)} << 2
                                     << "";
}

void TestPinterestConnector::findStepFollowsBookmarks()
{
    QFETCH(QStringList, pages);
    QFETCH(int, requests);
    QFETCH(QString, found);
    Fixture f;
    for (const QString &body : pages)
        f.server.enqueueJson("GET", kAccountPath + u"/campaigns"_s, body.toUtf8());

    const auto result = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"campaign"_s), {}, done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->has_value(), !found.isEmpty());
    if (!found.isEmpty())
        QCOMPARE((*result)->remoteIds.value(u"campaign"_s), found);
    const auto recorded = f.server.requests();
    QCOMPARE(recorded.size(), requests);
    QCOMPARE(recorded.first().queryValue(u"entity_statuses"_s), u"ACTIVE,PAUSED,DRAFT"_s);
    QCOMPARE(recorded.first().queryValue(u"page_size"_s), u"250"_s);
    QVERIFY(!recorded.first().query.hasQueryItem(u"bookmark"_s));
    if (requests > 1)
        QCOMPARE(recorded.at(1).queryValue(u"bookmark"_s), u"b1"_s);
}

void TestPinterestConnector::reportParsing()
{
    Fixture f;
    const QDate today = utcToday();
    const QString path = kAccountPath + u"/campaigns/analytics"_s;
    f.server.enqueueJson("GET", path, QStringLiteral(R"([
        {"CAMPAIGN_ID":"626736533506","DATE":"%1","SPEND_IN_MICRO_DOLLAR":12450000,
         "IMPRESSION_1":18211,"CLICKTHROUGH_1":212,"TOTAL_CONVERSIONS":7.5,
         "TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR":399000000},
        {"CAMPAIGN_ID":626736533506,"DATE":"%2","IMPRESSION_1":5}])")
                                         .arg(today.addDays(-3).toString(Qt::ISODate),
                                              today.addDays(-2).toString(Qt::ISODate))
                                         .toUtf8());
    f.server.enqueueJson("GET", path, "[]");

    QStringList ids{u"626736533506"_s};
    for (int i = 0; i < 250; ++i)
        ids.append(QString::number(1000 + i));
    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, ids, today.addDays(-120), today, done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->size(), 2);
    const ReportRow &a = result->at(0);
    QCOMPARE(a.remoteCampaignId, u"626736533506"_s);
    QCOMPARE(a.day, today.addDays(-3));
    QCOMPARE(a.timeZone, u"UTC"_s);
    QCOMPARE(a.spendMicros, Q_INT64_C(12'450'000));
    QCOMPARE(a.impressions, Q_INT64_C(18211));
    QCOMPARE(a.clicks, Q_INT64_C(212));
    QCOMPARE(a.conversionsMicros, Q_INT64_C(7'500'000));
    QCOMPARE(a.conversionValueMicros, Q_INT64_C(399'000'000));
    QCOMPARE(result->at(1).remoteCampaignId, u"626736533506"_s); // numeric id kept exactly
    QCOMPARE(result->at(1).spendMicros, Q_INT64_C(0));

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2); // 251 ids: two calls of at most 250
    const RecordedRequest &first = requests.at(0);
    // Older days than Pinterest keeps (90) are not asked for.
    QCOMPARE(first.queryValue(u"start_date"_s), today.addDays(-89).toString(Qt::ISODate));
    QCOMPARE(first.queryValue(u"end_date"_s), today.toString(Qt::ISODate));
    QCOMPARE(first.queryValue(u"granularity"_s), u"DAY"_s);
    QCOMPARE(first.queryValue(u"campaign_ids"_s).split(u',').size(), 250);
    QVERIFY(first.queryValue(u"columns"_s).split(u',').contains(u"SPEND_IN_MICRO_DOLLAR"_s));
    QCOMPARE(requests.at(1).queryValue(u"campaign_ids"_s), u"1249"_s);

    // A value that is not a number fails the report instead of counting zero.
    f.server.enqueueJson("GET", path, QStringLiteral(R"([{"CAMPAIGN_ID":"1","DATE":"%1",
        "SPEND_IN_MICRO_DOLLAR":"lots"}])").arg(today.toString(Qt::ISODate)).toUtf8());
    const auto bad = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"1"_s}, today, today, done);
    });
    QVERIFY(!bad.has_value());
}

void TestPinterestConnector::setDelivery()
{
    Fixture f;
    for (const QString &edge : {u"ads"_s, u"ad_groups"_s, u"campaigns"_s})
        f.server.enqueueJson("PATCH", kAccountPath + u'/' + edge, batchOk("1"));
    f.server.enqueueJson("PATCH", kAccountPath + u"/campaigns"_s,
                         R"({"items":[{"exceptions":[{"code":2,"message":"Campaign archived"}]}]})");
    const QMap<QString, QString> ids = {{u"campaign"_s, u"11"_s}, {u"adgroup"_s, u"22"_s},
                                        {u"ad:cre-bf-static-1"_s, u"33"_s},
                                        {u"pin:cre-bf-static-1"_s, u"44"_s}};
    QVERIFY(f.create(u"activate"_s, ids).has_value());
    const auto paused = *await<PlatformResult<bool>>([&](auto done) {
        f.connector.setDelivery(f.input.account, ids, false, done);
    });
    QVERIFY(!paused.has_value()); // the per-item exception is an error
    QCOMPARE(paused.error().platformMessage, u"Campaign archived"_s);

    QStringList seen;
    for (const RecordedRequest &r : f.server.requests()) {
        const QJsonObject item = QJsonDocument::fromJson(r.body).array().first().toObject();
        seen.append(r.path.section(u'/', 4) + u' ' + item[u"id"_s].toString() + u' '
                    + item[u"status"_s].toString());
    }
    QCOMPARE(seen, (QStringList{u"ads 33 ACTIVE"_s, u"ad_groups 22 ACTIVE"_s,
                                u"campaigns 11 ACTIVE"_s, u"campaigns 11 PAUSED"_s}));
    QCOMPARE(QJsonDocument::fromJson(f.server.requests().at(2).body).array().first()
                 [u"ad_account_id"_s].toString(),
             kAccount);
}

QTEST_GUILESS_MAIN(TestPinterestConnector)
#include "TestPinterestConnector.moc"
