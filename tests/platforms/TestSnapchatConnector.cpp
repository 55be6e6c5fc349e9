#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/snapchat/SnapchatConnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::FailureKind)

namespace {

const QString kAccount = u"8adc3db7-8148-4fbf-999c-8d2266369d74"_s;
const QString kAccountPath = u"/v1/adaccounts/8adc3db7-8148-4fbf-999c-8d2266369d74"_s;

QByteArray wrapped(const QByteArray &plural, const QByteArray &singular, const QByteArray &object,
                   const QByteArray &status = "SUCCESS")
{
    return R"({"request_status":"SUCCESS","request_id":"r1",")" + plural
        + R"(":[{"sub_request_status":")" + status + R"(",")" + singular + R"(":)" + object
        + "}]}";
}

struct Fixture
{
    QTemporaryDir dir;
    FakePlatformServer server;
    QNetworkAccessManager nam;
    SnapchatConnector connector{&nam, server.baseUrl()};
    LaunchInput input;

    Fixture()
    {
        input = launchInput(u"USD"_s, 20'000'000);
        input.account.accountId = kAccount;
        input.account.timeZone = u"America/Los_Angeles"_s;
        input.account.extra = {{u"profileId"_s, u"72cf5c50-aaaa"_s},
                               {u"brandName"_s, u"Acme"_s},
                               {u"pixelId"_s, u"px-77"_s}};
        const QString video = writeFile(dir, u"bf.mp4"_s, "MP4-BYTES");
        const QString square = writeFile(dir, u"sq.png"_s, "PNG");
        input.creatives = {
            creative(u"cre-bf-video-1"_s, CreativeKind::Video,
                     {videoRendition(video, 540, 960, 6'000)}),
            creative(u"cre-bf-static-1"_s, CreativeKind::Image,
                     {imageRendition(square, 1080, 1080), imageRendition(square, 1200, 628)})};
        Audience vip = audience(u"aud-vip"_s);
        vip.definition = QJsonObject{{u"hashedEmails"_s, QJsonArray{u"AB12"_s, u"cd34"_s}}};
        input.audiences = {vip};
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

    QJsonObject sent(int request, const QString &plural) const
    {
        const QJsonArray items = server.requests().at(request).json().value(plural).toArray();
        return items.size() == 1 ? items.first().toObject() : QJsonObject();
    }
};

} // namespace

class TestSnapchatConnector : public QObject
{
    Q_OBJECT

private slots:
    void planProblems_data();
    void planProblems();
    void planStepsAndWarnings();
    void campaignAndAdSquadRequests();
    void mediaUploadAndCreative();
    void rerunFillsTheMediaOfAnEarlierTry();
    void subRequestStatus_data();
    void subRequestStatus();
    void segmentAndMembers();
    void errorMapping_data();
    void errorMapping();
    void timeoutIsUnknownOutcome();
    void findStepFollowsNextLinks_data();
    void findStepFollowsNextLinks();
    void findMembersByUploadStatus_data();
    void findMembersByUploadStatus();
    void statsUseLocalDays();
    void setDeliveryPutsWholeObjects();
};

void TestSnapchatConnector::planProblems_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");

    QTest::newRow("valid") << "" << "";
    QTest::newRow("app installs") << "app" << "objective";
    QTest::newRow("no profile") << "noprofile" << "account.extra.profileId";
    QTest::newRow("no brand") << "nobrand" << "account.extra.brandName";
    QTest::newRow("brand 26 characters") << "brand26" << "account.extra.brandName";
    QTest::newRow("brand 25 characters") << "brand25" << "";
    QTest::newRow("conversions without pixel") << "nopixel" << "account.extra.pixelId";
    QTest::newRow("traffic needs no pixel") << "trafficnopixel" << "";
    QTest::newRow("4.99 USD a day") << "low" << "budget.amount";
    QTest::newRow("5 USD a day") << "five" << "";
    QTest::newRow("4.99 EUR a day (every currency)") << "eurlow" << "budget.amount";
    QTest::newRow("lifetime 4 USD") << "lifetimesmall" << "";
    QTest::newRow("lifetime without end") << "lifetimeopen" << "schedule.endAt";
    QTest::newRow("headline 34 characters") << "headline34" << "";
    QTest::newRow("headline 35 characters") << "headline35" << "creativeIds";
    QTest::newRow("headline 34 emoji") << "emoji34" << "";
    QTest::newRow("video too short") << "short" << "creativeIds";
    QTest::newRow("video over 32 MB") << "big" << "creativeIds";
    QTest::newRow("9:16 image of 1080x1920") << "tallimage" << "";
    QTest::newRow("engagement with an image only") << "engagementimage" << "objective";
    QTest::newRow("zone without country") << "utc" << "account.timeZone";
    QTest::newRow("ended") << "ended" << "schedule.endAt";
}

void TestSnapchatConnector::planProblems()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    Fixture f;
    LaunchInput &in = f.input;
    Creative &video = in.creatives.first();
    Creative &image = in.creatives.last();

    if (change == u"app")
        in.objective = Objective::AppInstalls;
    if (change == u"noprofile")
        in.account.extra.remove(u"profileId"_s);
    if (change == u"nobrand")
        in.account.extra.remove(u"brandName"_s);
    if (change == u"brand26" || change == u"brand25")
        in.account.extra[u"brandName"_s] = QString(change == u"brand26" ? 26 : 25, u'b');
    if (change == u"nopixel" || change == u"trafficnopixel")
        in.account.extra.remove(u"pixelId"_s);
    if (change == u"nopixel")
        in.objective = Objective::Conversions;
    if (change == u"low")
        in.budget.micros = 4'990'000;
    if (change == u"five")
        in.budget.micros = 5'000'000;
    if (change == u"eurlow") {
        in.account.currency = u"EUR"_s;
        in.budget = Money{4'990'000, u"EUR"_s};
    }
    if (change.startsWith(u"lifetime")) {
        in.budgetType = BudgetType::Lifetime;
        in.budget.micros = 4'000'000;
        if (change == u"lifetimeopen")
            in.endAt = QDateTime();
    }
    if (change == u"headline34" || change == u"headline35")
        video.headline = QString(change == u"headline34" ? 34 : 35, u'h');
    if (change == u"emoji34")
        video.headline = QString(u"\U0001F389"_s).repeated(34);
    if (change == u"short")
        video.renditions.first().durationMs = 2'900;
    if (change == u"big")
        video.renditions.first().bytes = 33LL * 1024 * 1024;
    if (change == u"tallimage" || change == u"engagementimage") {
        in.creatives.removeFirst();
        in.creatives.first().renditions = {imageRendition(u"t.png"_s, 1080, 1920)};
    }
    if (change == u"engagementimage")
        in.objective = Objective::Engagement;
    if (change == u"utc")
        in.account.timeZone = u"UTC"_s;
    if (change == u"ended") {
        in.startAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        in.endAt = in.startAt.addDays(1);
    }
    Q_UNUSED(image)

    const LaunchPlan plan = f.connector.plan(in);
    QStringList fields;
    for (const FieldError &e : plan.problems)
        fields.append(e.field);
    if (field.isEmpty())
        QVERIFY2(fields.isEmpty(), qPrintable(fields.join(u',')));
    else
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
}

void TestSnapchatConnector::planStepsAndWarnings()
{
    Fixture f;
    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-bf-video-1"_s});
    QStringList keys;
    for (const PlannedStep &s : plan.steps)
        keys.append(s.key);
    QCOMPARE(keys, (QStringList{u"audience:aud-vip"_s, u"members:aud-vip"_s,
                                u"media:cre-bf-video-1"_s, u"creative:cre-bf-video-1"_s,
                                u"campaign"_s, u"adsquad"_s, u"ad:cre-bf-video-1"_s,
                                u"activate"_s}));
    QVERIFY(plan.steps.at(1).objectType.isEmpty()); // member uploads create no object
    QCOMPARE(plan.warnings.filter(u"cre-bf-static-1"_s).size(), 1); // no 9:16 image
    QCOMPARE(plan.warnings.filter(u"recommends"_s).size(), 1); // the 540x960 video runs
}

void TestSnapchatConnector::campaignAndAdSquadRequests()
{
    Fixture f;
    f.input.objective = Objective::Conversions;
    f.input.startAt = QDateTime(QDate(2031, 3, 1), QTime(8, 0), Qt::UTC);
    f.input.endAt = QDateTime(QDate(2031, 3, 31), QTime(8, 0), Qt::UTC);
    f.server.enqueueJson("POST", kAccountPath + u"/campaigns"_s,
                         wrapped("campaigns", "campaign", R"({"id":"6cf25572-c1"})"));
    f.server.enqueueJson("POST", u"/v1/campaigns/6cf25572-c1/adsquads"_s,
                         wrapped("adsquads", "adsquad", R"({"id":"23995202-s1"})", "success"));

    const auto campaign = f.create(u"campaign"_s);
    QVERIFY(campaign.has_value());
    QCOMPARE(campaign->remoteIds.value(u"campaign"_s), u"6cf25572-c1"_s);
    QMap<QString, QString> ids = campaign->remoteIds;
    ids.insert(u"audience:aud-vip"_s, u"5677923948298240"_s);
    const auto squad = f.create(u"adsquad"_s, ids);
    QVERIFY(squad.has_value());
    QCOMPARE(squad->remoteIds.value(u"adsquad"_s), u"23995202-s1"_s);

    QCOMPARE(f.server.requests().at(0).headers.value("authorization"),
             QByteArray("Bearer tok-secret"));
    const QJsonObject c = f.sent(0, u"campaigns"_s);
    QCOMPARE(c[u"ad_account_id"_s].toString(), kAccount);
    QCOMPARE(c[u"status"_s].toString(), u"PAUSED"_s);
    QCOMPARE(c[u"start_time"_s].toString(), u"2031-03-01T08:00:00.000Z"_s);
    QCOMPARE(c[u"end_time"_s].toString(), u"2031-03-31T08:00:00.000Z"_s);
    QCOMPARE(c[u"objective_v2_properties"_s][u"objective_v2_type"_s].toString(), u"SALES"_s);
    QVERIFY(!c.contains(u"daily_budget_micro"_s)); // the budget is the ad squad's
    QCOMPARE(c[u"name"_s].toString(), u"Black Friday [ads:cmp-3f9a/campaign]"_s);

    const QJsonObject s = f.sent(1, u"adsquads"_s);
    QCOMPARE(s[u"campaign_id"_s].toString(), u"6cf25572-c1"_s);
    QCOMPARE(s[u"type"_s].toString(), u"SNAP_ADS"_s);
    QCOMPARE(s[u"daily_budget_micro"_s].toInteger(), Q_INT64_C(20'000'000));
    QCOMPARE(s[u"optimization_goal"_s].toString(), u"PIXEL_PURCHASE"_s);
    QCOMPARE(s[u"pixel_id"_s].toString(), u"px-77"_s);
    QCOMPARE(s[u"billing_event"_s].toString(), u"IMPRESSION"_s);
    QCOMPARE(s[u"placement_v2"_s][u"config"_s].toString(), u"AUTOMATIC"_s);
    const QJsonArray geos{QJsonObject{{u"country_code"_s, u"us"_s}}};
    QCOMPARE(s[u"targeting"_s][u"geos"_s].toArray(), geos);
    const QJsonObject segments = s[u"targeting"_s][u"segments"_s].toArray().first().toObject();
    QCOMPARE(segments[u"segment_id"_s].toArray(), QJsonArray{u"5677923948298240"_s});
    QCOMPARE(segments[u"operation"_s].toString(), u"INCLUDE"_s);
    QCOMPARE(s[u"status"_s].toString(), u"PAUSED"_s);
}

void TestSnapchatConnector::rerunFillsTheMediaOfAnEarlierTry()
{
    // The media object was made, then the upload failed: the step runs again, finds its empty
    // media by the tag and fills it, instead of making a second one.
    Fixture f;
    f.server.enqueueJson("GET", kAccountPath + u"/media"_s,
                         R"({"request_status":"SUCCESS","media":[{"media":{"id":"7f2d-m1",)"
                         R"("name":"Black Friday [ads:cmp-3f9a/media:cre-bf-video-1]",)"
                         R"("media_status":"PENDING_UPLOAD"}}]})");
    f.server.enqueueJson("POST", u"/v1/media/7f2d-m1/upload"_s,
                         R"({"request_status":"SUCCESS","result":{"id":"7f2d-m1"}})");
    f.server.enqueueJson("GET", u"/v1/media/7f2d-m1"_s,
                         wrapped("media", "media", R"({"id":"7f2d-m1","media_status":"READY"})"));
    const auto media = f.create(u"media:cre-bf-video-1"_s);
    QVERIFY(media.has_value());
    QCOMPARE(media->remoteIds.value(u"media:cre-bf-video-1"_s), u"7f2d-m1"_s);
    for (const RecordedRequest &r : f.server.requests())
        QVERIFY(!(r.method == "POST" && r.path == kAccountPath + u"/media"_s));
}

void TestSnapchatConnector::mediaUploadAndCreative()
{
    Fixture f;
    f.server.enqueueJson("GET", kAccountPath + u"/media"_s,
                         R"({"request_status":"SUCCESS","media":[]})");
    f.server.enqueueJson("POST", kAccountPath + u"/media"_s,
                         wrapped("media", "media", R"({"id":"7f2d-m1","media_status":"PENDING_UPLOAD"})"));
    f.server.enqueueJson("POST", u"/v1/media/7f2d-m1/upload"_s,
                         R"({"request_status":"SUCCESS","result":{"id":"7f2d-m1"}})");
    f.server.enqueueJson("GET", u"/v1/media/7f2d-m1"_s,
                         wrapped("media", "media", R"({"id":"7f2d-m1","media_status":"PENDING_UPLOAD"})"));
    f.server.enqueueJson("GET", u"/v1/media/7f2d-m1"_s,
                         wrapped("media", "media", R"({"id":"7f2d-m1","media_status":"READY"})"));
    f.server.enqueueJson("POST", kAccountPath + u"/creatives"_s,
                         wrapped("creatives", "creative", R"({"id":"a7e1-c1"})"));

    const auto media = f.create(u"media:cre-bf-video-1"_s);
    QVERIFY(media.has_value());
    QCOMPARE(media->remoteIds.value(u"media:cre-bf-video-1"_s), u"7f2d-m1"_s);
    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 5); // look for an earlier try's media, create, upload, poll twice
    QCOMPARE(requests.at(0).method, QByteArray("GET"));
    QCOMPARE(f.sent(1, u"media"_s)[u"type"_s].toString(), u"VIDEO"_s);
    const RecordedRequest &upload = requests.at(2);
    QVERIFY(upload.headers.value("content-type").startsWith("multipart/form-data"));
    QVERIFY(upload.body.contains("name=\"file\"; filename=\"bf.mp4\""));
    QVERIFY(upload.body.contains("MP4-BYTES"));

    const auto creative = f.create(u"creative:cre-bf-video-1"_s, media->remoteIds);
    QVERIFY(creative.has_value());
    QCOMPARE(creative->remoteIds.value(u"creative:cre-bf-video-1"_s), u"a7e1-c1"_s);
    const QJsonObject c = f.sent(5, u"creatives"_s);
    QCOMPARE(c[u"type"_s].toString(), u"WEB_VIEW"_s);
    QCOMPARE(c[u"brand_name"_s].toString(), u"Acme"_s);
    QCOMPARE(c[u"headline"_s].toString(), u"Black Friday deals"_s);
    QCOMPARE(c[u"top_snap_media_id"_s].toString(), u"7f2d-m1"_s);
    QCOMPARE(c[u"call_to_action"_s].toString(), u"SHOP_NOW"_s);
    QCOMPARE(c[u"profile_properties"_s][u"profile_id"_s].toString(), u"72cf5c50-aaaa"_s);
    QCOMPARE(c[u"web_view_properties"_s][u"url"_s].toString(), u"https://shop.example/bf"_s);
}

void TestSnapchatConnector::subRequestStatus_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");

    QTest::newRow("upper case success")
        << wrapped("ads", "ad", R"({"id":"ad-1"})") << true << "";
    QTest::newRow("lower case success")
        << wrapped("ads", "ad", R"({"id":"ad-1"})", "success") << true << "";
    QTest::newRow("item error in a 200")
        << QByteArray(R"({"request_status":"SUCCESS","ads":[{"sub_request_status":"ERROR",
                          "sub_request_error_reason":"Creative is not approved"}]})")
        << false << "Creative is not approved";
    QTest::newRow("success without id")
        << wrapped("ads", "ad", R"({"name":"x"})") << false
        << "Snapchat answered in a form we could not read.";
    QTest::newRow("no items") << QByteArray(R"({"request_status":"SUCCESS","ads":[]})") << false
                              << "Snapchat answered in a form we could not read.";
}

void TestSnapchatConnector::subRequestStatus()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    Fixture f;
    f.server.enqueueJson("POST", u"/v1/adsquads/sq-1/ads"_s, reply);
    const auto result = f.create(u"ad:cre-bf-video-1"_s,
                                 {{u"adsquad"_s, u"sq-1"_s}, {u"creative:cre-bf-video-1"_s, u"c-1"_s}});
    QCOMPARE(result.has_value(), ok);
    if (!ok)
        QCOMPARE(result.error().message, message);
    const QJsonObject ad = f.sent(0, u"ads"_s);
    QCOMPARE(ad[u"type"_s].toString(), u"REMOTE_WEBPAGE"_s);
    QCOMPARE(ad[u"creative_id"_s].toString(), u"c-1"_s);
    QCOMPARE(ad[u"ad_squad_id"_s].toString(), u"sq-1"_s);
}

void TestSnapchatConnector::segmentAndMembers()
{
    Fixture f;
    f.server.enqueueJson("POST", kAccountPath + u"/segments"_s,
                         wrapped("segments", "segment", R"({"id":"5677923948298240"})"));
    f.server.enqueueJson("POST", u"/v1/segments/5677923948298240/users"_s,
                         wrapped("users", "user", R"({"number_uploaded_users":2})"));
    const auto segment = f.create(u"audience:aud-vip"_s);
    QVERIFY(segment.has_value());
    QCOMPARE(segment->remoteIds.value(u"audience:aud-vip"_s), u"5677923948298240"_s);
    const QJsonObject s = f.sent(0, u"segments"_s);
    QCOMPARE(s[u"source_type"_s].toString(), u"FIRST_PARTY"_s);
    QCOMPARE(s[u"retention_in_days"_s].toInt(), 9999);
    QCOMPARE(s[u"name"_s].toString(), u"VIP buyers [ads:cmp-3f9a/audience:aud-vip]"_s);

    const auto members = f.create(u"members:aud-vip"_s, segment->remoteIds);
    QVERIFY(members.has_value());
    QVERIFY(members->remoteIds.isEmpty());
    const QJsonObject users = f.sent(1, u"users"_s);
    QCOMPARE(users[u"schema"_s].toArray(), QJsonArray{u"EMAIL_SHA256"_s});
    const QJsonArray expected{QJsonArray{u"ab12"_s}, QJsonArray{u"cd34"_s}};
    QCOMPARE(users[u"data"_s].toArray(), expected);
}

void TestSnapchatConnector::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryHeader");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");
    QTest::addColumn<int>("retryAfter");

    const QByteArray notFound = R"({"request_status":"ERROR","request_id":"5ebc40",
        "debug_message":"Resource can not be found",
        "display_message":"We're sorry, but the requested resource is not available",
        "error_code":"E3003"})";
    QTest::newRow("expired token") << 401 << QByteArray(R"({"request_status":"ERROR"})")
                                   << QByteArray() << FailureKind::Auth << "auth_expired" << "401"
                                   << -1;
    QTest::newRow("no permission")
        << 403 << QByteArray(R"({"request_status":"ERROR","error_code":"E3002"})") << QByteArray()
        << FailureKind::Permanent << "permission_denied" << "E3002" << -1;
    QTest::newRow("not found") << 404 << notFound << QByteArray() << FailureKind::Permanent
                               << "not_found" << "E3003" << -1;
    QTest::newRow("throttled without a hint") << 429 << QByteArray() << QByteArray()
                                              << FailureKind::RateLimited << "rate_limited"
                                              << "429" << 10;
    QTest::newRow("throttled with a reset header")
        << 429 << QByteArray() << QByteArray("3") << FailureKind::RateLimited << "rate_limited"
        << "429" << 3;
    QTest::newRow("maintenance") << 503 << QByteArray() << QByteArray() << FailureKind::Transient
                                 << "server_error" << "503" << -1;
    QTest::newRow("gateway timeout on a write")
        << 504 << QByteArray() << QByteArray() << FailureKind::UnknownOutcome << "timeout" << "504"
        << -1;
    QTest::newRow("validation")
        << 400 << QByteArray(R"({"request_status":"ERROR","error_code":"E2771",
                                 "debug_message":"bid_micro is required",
                                 "display_message":"Please set a bid."})")
        << QByteArray() << FailureKind::Permanent << "invalid_field" << "E2771" << -1;
    QTest::newRow("error inside a 200") << 200 << QByteArray(R"({"request_status":"ERROR",
                                                   "error_code":"E1001"})")
                                        << QByteArray() << FailureKind::Permanent
                                        << "invalid_field" << "E1001" << -1;
}

void TestSnapchatConnector::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryHeader);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(QString, platformCode);
    QFETCH(int, retryAfter);
    Fixture f;
    CannedReply reply;
    reply.status = status;
    reply.body = body;
    if (!retryHeader.isEmpty())
        reply.headers = {{"X-Rate-Limit-Reset", retryHeader}};
    f.server.enqueue("POST", kAccountPath + u"/campaigns"_s, reply);

    const auto result = f.create(u"campaign"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(kind));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
    QCOMPARE(result.error().retryAfterSeconds, retryAfter);
    if (platformCode == u"E2771") {
        QCOMPARE(result.error().message, u"Please set a bid."_s);
        QCOMPARE(result.error().platformMessage, u"bid_micro is required"_s);
    }
}

void TestSnapchatConnector::timeoutIsUnknownOutcome()
{
    Fixture f;
    CannedReply hang;
    hang.hang = true;
    f.server.enqueue("POST", u"/v1/campaigns/c1/adsquads"_s, hang);
    f.connector.setRequestTimeoutMs(300);
    const auto result = f.create(u"adsquad"_s, {{u"campaign"_s, u"c1"_s}});
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::UnknownOutcome));
}

void TestSnapchatConnector::findStepFollowsNextLinks_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("pages");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QString>("found");

    const QString tag = u"[ads:cmp-3f9a/campaign]"_s;
    const QString match = uR"({"sub_request_status":"SUCCESS","campaign":
        {"id":"c-live","name":"Black Friday %1","status":"PAUSED"}})"_s.arg(tag);
    const QString deleted = uR"({"sub_request_status":"SUCCESS","campaign":
        {"id":"c-gone","name":"Black Friday %1","deleted":true}})"_s.arg(tag);
    const QString other = uR"({"sub_request_status":"SUCCESS","campaign":{"id":"x","name":"y"}})"_s;
    // Snap's links name its own host; only their path and query are followed.
    const QString link = u"https://adsapi.snapchat.com/v1/adaccounts/%1/campaigns?cursor=%2&limit=500"_s;
    const auto page = [&](const QString &items, const QString &cursor) {
        const QString paging = cursor.isEmpty()
            ? u"{}"_s
            : uR"({"next_link":"%1"})"_s.arg(link.arg(kAccount, cursor));
        return uR"({"request_status":"SUCCESS","campaigns":[%1],"paging":%2})"_s.arg(items, paging);
    };
    QTest::newRow("second page, deleted skipped")
        << "campaign" << QStringList{page(other, u"k1"_s), page(deleted + u',' + match, {})} << 2
        << "c-live";
    QTest::newRow("no next link ends") << "campaign" << QStringList{page(other, {})} << 1 << "";
    QTest::newRow("repeated link ends")
        << "campaign" << QStringList{page(other, u"k1"_s), page(other, u"k1"_s)} << 2 << "";
    QTest::newRow("empty page ends")
        << "campaign" << QStringList{page(other, u"k1"_s), page({}, u"k2"_s)} << 2 << "";
}

void TestSnapchatConnector::findStepFollowsNextLinks()
{
    QFETCH(QString, key);
    QFETCH(QStringList, pages);
    QFETCH(int, requests);
    QFETCH(QString, found);
    Fixture f;
    for (const QString &body : pages)
        f.server.enqueueJson("GET", kAccountPath + u"/campaigns"_s, body.toUtf8());

    const auto result = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(key), {}, done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->has_value(), !found.isEmpty());
    if (!found.isEmpty())
        QCOMPARE((*result)->remoteIds.value(key), found);
    const auto recorded = f.server.requests();
    QCOMPARE(recorded.size(), requests);
    QCOMPARE(recorded.first().queryValue(u"limit"_s), u"500"_s);
    if (requests > 1)
        QCOMPARE(recorded.at(1).queryValue(u"cursor"_s), u"k1"_s);
}

void TestSnapchatConnector::findMembersByUploadStatus_data()
{
    QTest::addColumn<QString>("uploadStatus");
    QTest::addColumn<bool>("found");

    // snapchat.md 7.1: upload_status NO_UPLOAD, PROCESSING or COMPLETE.
    QTest::newRow("nothing uploaded yet") << "NO_UPLOAD" << false;
    QTest::newRow("upload being matched") << "PROCESSING" << true;
    QTest::newRow("upload matched") << "COMPLETE" << true;
}

void TestSnapchatConnector::findMembersByUploadStatus()
{
    QFETCH(QString, uploadStatus);
    QFETCH(bool, found);
    Fixture f;
    // The member upload makes no object of its own: it is done once the segment shows one.
    f.server.enqueueJson("GET", u"/v1/segments/seg-1"_s,
                         wrapped("segments", "segment",
                                 QStringLiteral(R"({"id":"seg-1","upload_status":"%1"})")
                                     .arg(uploadStatus)
                                     .toUtf8()));
    const PlannedStep members{u"members:aud-vip"_s, QString(),
                              launchTag(f.input.campaignId, u"members:aud-vip"_s)};
    const auto result = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, members, {{u"audience:aud-vip"_s, u"seg-1"_s}}, done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->has_value(), found);
    if (found)
        QVERIFY((*result)->remoteIds.isEmpty());
    QCOMPARE(f.server.requests().size(), 1);

    // Without a known segment there is nothing to look at: not found, and no request.
    const auto unknown = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, members, {}, done);
    });
    QVERIFY(unknown.has_value());
    QVERIFY(!unknown->has_value());
    QCOMPARE(f.server.requests().size(), 1);
}

void TestSnapchatConnector::statsUseLocalDays()
{
    Fixture f;
    // Los Angeles leaves daylight saving time on 2025-11-02: the day is 25 hours long.
    const QString path = u"/v1/campaigns/c-1/stats"_s;
    f.server.enqueueJson("GET", path, R"({"request_status":"SUCCESS","timeseries_stats":[
        {"sub_request_status":"SUCCESS","timeseries_stat":{"id":"c-1","type":"CAMPAIGN",
         "granularity":"DAY","timeseries":[
          {"start_time":"2025-11-01T00:00:00.000-07:00","end_time":"2025-11-02T00:00:00.000-07:00",
           "stats":{"impressions":5120,"swipes":90,"spend":22000000,"conversion_purchases":3,
                    "conversion_purchases_value":450000000}},
          {"start_time":"2025-11-02T00:00:00.000-07:00","end_time":"2025-11-03T00:00:00.000-08:00",
           "stats":{"impressions":0,"swipes":0,"spend":0}}]}}]})");
    f.server.enqueueJson("GET", path, R"({"request_status":"SUCCESS","timeseries_stats":[
        {"sub_request_status":"SUCCESS","timeseries_stat":{"timeseries":[]}}]})");
    f.server.enqueueJson("GET", u"/v1/campaigns/c-2/stats"_s, R"({"request_status":"SUCCESS",
        "timeseries_stats":[{"sub_request_status":"ERROR","sub_request_error_reason":"E1008"}]})");

    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"c-1"_s}, QDate(2025, 11, 1),
                                     QDate(2025, 12, 5), done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->size(), 2);
    const ReportRow &a = result->at(0);
    QCOMPARE(a.remoteCampaignId, u"c-1"_s);
    QCOMPARE(a.day, QDate(2025, 11, 1));
    QCOMPARE(a.timeZone, u"America/Los_Angeles"_s);
    QCOMPARE(a.impressions, Q_INT64_C(5120));
    QCOMPARE(a.clicks, Q_INT64_C(90));
    QCOMPARE(a.spendMicros, Q_INT64_C(22'000'000));
    QCOMPARE(a.conversionsMicros, Q_INT64_C(3'000'000));
    QCOMPARE(a.conversionValueMicros, Q_INT64_C(450'000'000));
    QCOMPARE(result->at(1).day, QDate(2025, 11, 2)); // a zero day is kept, not dropped

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2); // 35 days: two windows
    QCOMPARE(requests.at(0).queryValue(u"granularity"_s), u"DAY"_s);
    // Local midnights, DST-aware, sent as UTC instants.
    QCOMPARE(requests.at(0).queryValue(u"start_time"_s), u"2025-11-01T07:00:00.000Z"_s);
    QCOMPARE(requests.at(0).queryValue(u"end_time"_s), u"2025-12-01T08:00:00.000Z"_s);
    QCOMPARE(requests.at(1).queryValue(u"start_time"_s), u"2025-12-01T08:00:00.000Z"_s);
    QCOMPARE(requests.at(1).queryValue(u"end_time"_s), u"2025-12-06T08:00:00.000Z"_s);
    QVERIFY(requests.at(0).queryValue(u"fields"_s).split(u',').contains(u"spend"_s));

    // A stats item that failed inside a 200 fails the report.
    const auto failed = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"c-2"_s}, QDate(2025, 11, 1),
                                     QDate(2025, 11, 1), done);
    });
    QVERIFY(!failed.has_value());
}

void TestSnapchatConnector::setDeliveryPutsWholeObjects()
{
    Fixture f;
    f.server.enqueueJson("GET", u"/v1/ads/ad-1"_s, wrapped("ads", "ad", R"({"id":"ad-1",
        "ad_squad_id":"sq-1","creative_id":"c-1","name":"n","type":"REMOTE_WEBPAGE",
        "status":"PAUSED","review_status":"APPROVED","created_at":"2025-01-01T00:00:00.000Z"})"));
    f.server.enqueueJson("PUT", u"/v1/adsquads/sq-1/ads"_s, wrapped("ads", "ad", R"({"id":"ad-1"})"));
    f.server.enqueueJson("GET", u"/v1/adsquads/sq-1"_s, wrapped("adsquads", "adsquad",
        R"({"id":"sq-1","campaign_id":"cp-1","status":"PAUSED","daily_budget_micro":20000000,
            "delivery_status":["VALID"]})"));
    f.server.enqueueJson("PUT", u"/v1/campaigns/cp-1/adsquads"_s,
                         wrapped("adsquads", "adsquad", R"({"id":"sq-1"})"));
    CannedReply campaign;
    campaign.body = wrapped("campaigns", "campaign", R"({"id":"cp-1","status":"PAUSED",
        "ad_account_id":"8adc","updated_at":"2025-01-01T00:00:00.000Z"})");
    campaign.repeat = true;
    f.server.enqueue("GET", u"/v1/campaigns/cp-1"_s, campaign);
    CannedReply put;
    put.body = wrapped("campaigns", "campaign", R"({"id":"cp-1"})");
    put.repeat = true;
    f.server.enqueue("PUT", kAccountPath + u"/campaigns"_s, put);

    const QMap<QString, QString> ids = {{u"campaign"_s, u"cp-1"_s}, {u"adsquad"_s, u"sq-1"_s},
                                        {u"ad:cre-bf-video-1"_s, u"ad-1"_s},
                                        {u"media:cre-bf-video-1"_s, u"m-1"_s}};
    QVERIFY(f.create(u"activate"_s, ids).has_value());
    QVERIFY((*await<PlatformResult<bool>>([&](auto done) {
                f.connector.setDelivery(f.input.account, ids, false, done);
            })).has_value());

    QStringList seen;
    for (const RecordedRequest &r : f.server.requests()) {
        QString line = QString::fromLatin1(r.method) + u' ' + r.path;
        if (r.method == "PUT") {
            const QJsonObject object = r.json().begin()->toArray().first().toObject();
            line += u' ' + object[u"status"_s].toString();
            QVERIFY(!object.contains(u"created_at"_s) && !object.contains(u"updated_at"_s));
            QVERIFY(!object.contains(u"review_status"_s) && !object.contains(u"delivery_status"_s));
            QVERIFY(!object[u"id"_s].toString().isEmpty());
        }
        seen.append(line);
    }
    QCOMPARE(seen, (QStringList{u"GET /v1/ads/ad-1"_s, u"PUT /v1/adsquads/sq-1/ads ACTIVE"_s,
                                u"GET /v1/adsquads/sq-1"_s,
                                u"PUT /v1/campaigns/cp-1/adsquads ACTIVE"_s,
                                u"GET /v1/campaigns/cp-1"_s, u"PUT "_s + kAccountPath
                                    + u"/campaigns ACTIVE"_s,
                                u"GET /v1/campaigns/cp-1"_s, u"PUT "_s + kAccountPath
                                    + u"/campaigns PAUSED"_s}));
    // The whole object goes back, so fields we did not change keep their values.
    QCOMPARE(f.sent(3, u"adsquads"_s)[u"daily_budget_micro"_s].toInteger(), Q_INT64_C(20'000'000));
}

QTEST_GUILESS_MAIN(TestSnapchatConnector)
#include "TestSnapchatConnector.moc"
