#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/facebook/MetaConnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::FailureKind)

namespace {

const QString kCampaignPath = QStringLiteral("/v25.0/act_123/campaigns");

struct Fixture
{
    QTemporaryDir dir;
    FakePlatformServer server;
    QNetworkAccessManager nam;
    MetaConnector connector{&nam, server.baseUrl()};
    LaunchInput input;

    Fixture(const QString &currency = QStringLiteral("USD"), qint64 budget = 25'500'000)
    {
        input = launchInput(currency, budget);
        input.account.accountId = QStringLiteral("123");
        input.account.extra = {{QStringLiteral("pageId"), QStringLiteral("555")},
                               {QStringLiteral("pixelId"), QStringLiteral("777")}};
        const QString square = writeFile(dir, QStringLiteral("sq.png"), "PNGDATA-1");
        const QString video = writeFile(dir, QStringLiteral("v.mp4"), "MP4DATA-2");
        const QString poster = writeFile(dir, QStringLiteral("poster.png"), "POSTER-3");
        input.creatives = {
            creative(QStringLiteral("cre-img"), CreativeKind::Image, {imageRendition(square, 1080, 1080)}),
            creative(QStringLiteral("cre-bf-video-1"), CreativeKind::Video,
                     {videoRendition(video, 1080, 1920, 15'000),
                      imageRendition(poster, 540, 960)})};
        input.audiences = {audience(QStringLiteral("aud-vip"))};
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

QJsonObject jsonField(const RecordedRequest &r, const QString &name)
{
    return QJsonDocument::fromJson(r.formValue(name).toUtf8()).object();
}

} // namespace

class TestMetaConnector : public QObject
{
    Q_OBJECT

private slots:
    void planProblems_data();
    void planProblems();
    void planStepsAndLeftOutCreative();
    void campaignRequest_data();
    void campaignRequest();
    void adSetBudgetUnits_data();
    void adSetBudgetUnits();
    void adSetTargetingAndSchedule();
    void uploadsAndCreative();
    void videoWithoutPosterIsLeftOut();
    void posterIsNeverTheCreative();
    void findStepFindsUploads();
    void findStepFollowsPagesAndSkipsDeleted();
    void findStepStopsOnRepeatedCursor();
    void errorMapping_data();
    void errorMapping();
    void timeoutIsUnknownOutcome();
    void refusedIsTransient();
    void reportParsing();
    void reportUnreadableNumberFails();
    void setDelivery();
    void statusChangeSurvivesPassingFaults();
    void createIsNeverSentTwiceByTheConnector();
};

void TestMetaConnector::planProblems_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field"); // empty: no problem expected

    QTest::newRow("valid") << "" << "";
    QTest::newRow("app installs") << "app" << "objective";
    QTest::newRow("conversions without pixel") << "nopixel" << "account.extra.pixelId";
    QTest::newRow("no page") << "nopage" << "account.extra.pageId";
    QTest::newRow("below 5 USD for clicks") << "low" << "budget.amount";
    QTest::newRow("1 USD is enough for reach") << "reach1" << "";
    QTest::newRow("fraction of a cent") << "halfcent" << "budget.amount";
    QTest::newRow("other currency than account") << "eur" << "budget.currency";
    QTest::newRow("ended schedule") << "ended" << "schedule.endAt";
    QTest::newRow("lifetime without end") << "lifetime" << "schedule.endAt";
    QTest::newRow("lookalike audience") << "lookalike" << ""; // left out with a warning
    QTest::newRow("no creative fits") << "nofit" << "creativeIds";
}

void TestMetaConnector::planProblems()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    Fixture f;
    LaunchInput &in = f.input;

    if (change == u"app")
        in.objective = Objective::AppInstalls;
    if (change == u"nopixel") {
        in.objective = Objective::Conversions;
        in.account.extra.remove(QStringLiteral("pixelId"));
    }
    if (change == u"nopage")
        in.account.extra.remove(QStringLiteral("pageId"));
    if (change == u"low")
        in.budget.micros = 4'990'000;
    if (change == u"reach1") {
        in.objective = Objective::Awareness;
        in.budget.micros = 1'000'000;
    }
    if (change == u"halfcent")
        in.budget.micros = 25'005'000;
    if (change == u"eur")
        in.budget.currency = QStringLiteral("EUR");
    if (change == u"ended") {
        in.startAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        in.endAt = in.startAt.addDays(3);
    }
    if (change == u"lifetime") {
        in.budgetType = BudgetType::Lifetime;
        in.endAt = QDateTime();
    }
    if (change == u"lookalike")
        in.audiences.first().kind = AudienceKind::Lookalike;
    if (change == u"nofit") {
        for (Creative &c : in.creatives) {
            for (Rendition &r : c.renditions)
                r.width = r.height * 3; // 3:1 fits no placement
        }
    }

    const LaunchPlan plan = f.connector.plan(in);
    QStringList fields;
    for (const FieldError &e : plan.problems)
        fields.append(e.field);
    if (field.isEmpty()) {
        QVERIFY2(fields.isEmpty(), qPrintable(fields.join(u',')));
        QVERIFY(!plan.steps.isEmpty());
        if (change == u"lookalike") {
            // The audience the platform cannot take is left out with a warning, not a refusal.
            QVERIFY(!plan.warnings.filter(u"Audience"_s).isEmpty());
            for (const PlannedStep &step : plan.steps)
                QVERIFY(!step.key.startsWith(u"audience:"_s + in.audiences.first().id));
        }
    } else {
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
        QVERIFY(plan.steps.isEmpty());
    }
}

void TestMetaConnector::planStepsAndLeftOutCreative()
{
    Fixture f;
    Creative wide = f.input.creatives.first();
    wide.id = QStringLiteral("cre-wide");
    wide.renditions.first().width = 3000; // 3000x1080 fits no Meta ratio
    f.input.creatives.append(wide);

    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, (QStringList{u"cre-img"_s, u"cre-bf-video-1"_s}));
    QCOMPARE(plan.warnings.size(), 1);
    QVERIFY(plan.warnings.first().contains(u"cre-wide"));

    QStringList keys;
    for (const PlannedStep &s : plan.steps) {
        keys.append(s.key);
        QCOMPARE(s.tag, launchTag(u"cmp-3f9a"_s, s.key));
    }
    const QStringList expected = {
        u"audience:aud-vip"_s, u"image:cre-img"_s, u"video:cre-bf-video-1"_s,
        u"poster:cre-bf-video-1"_s, u"campaign"_s, u"adset"_s, u"creative:cre-img"_s,
        u"ad:cre-img"_s, u"creative:cre-bf-video-1"_s, u"ad:cre-bf-video-1"_s, u"activate"_s};
    QCOMPARE(keys, expected);
    QCOMPARE(plan.steps.last().objectType, QString());
}

void TestMetaConnector::campaignRequest_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");

    QTest::newRow("objective") << "objective" << "OUTCOME_TRAFFIC";
    QTest::newRow("paused") << "status" << "PAUSED";
    QTest::newRow("special categories") << "special_ad_categories" << "[]";
    QTest::newRow("budget sharing stated") << "is_adset_budget_sharing_enabled" << "false";
    QTest::newRow("token parameter") << "access_token" << "tok-secret";
    QTest::newRow("tagged name") << "name" << "Black Friday [ads:cmp-3f9a/campaign]";
}

void TestMetaConnector::campaignRequest()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    Fixture f;
    // An 18-digit id sent as a JSON number would lose digits through a double.
    f.server.enqueueJson("POST", kCampaignPath, R"({"id":120210000000000001})");

    const auto result = f.create(QStringLiteral("campaign"));
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds.value(u"campaign"_s), u"120210000000000001"_s);

    const RecordedRequest r = f.server.requests().first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, kCampaignPath);
    QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok-secret"));
    QVERIFY(r.headers.value("content-type").startsWith("application/x-www-form-urlencoded"));
    QCOMPARE(r.formValue(field), value);
}

void TestMetaConnector::adSetBudgetUnits_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("sent");

    QTest::newRow("USD cents") << "USD" << Q_INT64_C(25'500'000) << "2550";
    QTest::newRow("EUR cents") << "EUR" << Q_INT64_C(7'010'000) << "701";
    QTest::newRow("JPY whole yen") << "JPY" << Q_INT64_C(1'000'000'000) << "1000";
    QTest::newRow("HUF offset 1 unlike ISO") << "HUF" << Q_INT64_C(5'000'000'000) << "5000";
    QTest::newRow("TWD offset 1 unlike ISO") << "TWD" << Q_INT64_C(300'000'000) << "300";
}

void TestMetaConnector::adSetBudgetUnits()
{
    QFETCH(QString, currency);
    QFETCH(qint64, micros);
    QFETCH(QString, sent);
    Fixture f(currency, micros);
    QVERIFY(f.connector.plan(f.input).problems.isEmpty());
    f.server.enqueueJson("POST", u"/v25.0/act_123/adsets"_s, R"({"id":"120210000000000002"})");

    const auto result = f.create(QStringLiteral("adset"), {{u"campaign"_s, u"42"_s}});
    QVERIFY(result.has_value());
    const RecordedRequest r = f.server.requests().first();
    QCOMPARE(r.formValue(u"daily_budget"_s), sent);
    QCOMPARE(r.formValue(u"lifetime_budget"_s), QString());
}

void TestMetaConnector::adSetTargetingAndSchedule()
{
    Fixture f;
    f.input.objective = Objective::Conversions;
    f.input.budgetType = BudgetType::Lifetime;
    f.input.startAt = QDateTime(QDate(2031, 3, 1), QTime(9, 30), Qt::UTC);
    f.input.endAt = QDateTime(QDate(2031, 3, 11), QTime(0, 0), Qt::UTC);
    f.server.enqueueJson("POST", u"/v25.0/act_123/adsets"_s, R"({"id":"9"})");

    const auto result = f.create(QStringLiteral("adset"), {{u"campaign"_s, u"42"_s},
                                                           {u"audience:aud-vip"_s, u"238001"_s}});
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds, (QMap<QString, QString>{{u"adset"_s, u"9"_s}}));
    const RecordedRequest r = f.server.requests().first();
    QCOMPARE(r.formValue(u"campaign_id"_s), u"42"_s);
    QCOMPARE(r.formValue(u"lifetime_budget"_s), u"2550"_s);
    QCOMPARE(r.formValue(u"start_time"_s), u"2031-03-01T09:30:00+0000"_s);
    QCOMPARE(r.formValue(u"end_time"_s), u"2031-03-11T00:00:00+0000"_s);
    QCOMPARE(r.formValue(u"optimization_goal"_s), u"OFFSITE_CONVERSIONS"_s);
    QCOMPARE(r.formValue(u"status"_s), u"PAUSED"_s);

    const QJsonObject targeting = jsonField(r, u"targeting"_s);
    QCOMPARE(targeting[u"geo_locations"_s][u"countries"_s].toArray(), QJsonArray{u"US"_s});
    QCOMPARE(targeting[u"custom_audiences"_s].toArray().first()[u"id"_s].toString(), u"238001"_s);
    QCOMPARE(targeting[u"targeting_automation"_s][u"advantage_audience"_s].toInt(), 0);
    const QJsonObject promoted = jsonField(r, u"promoted_object"_s);
    QCOMPARE(promoted[u"pixel_id"_s].toString(), u"777"_s);
    QCOMPARE(promoted[u"custom_event_type"_s].toString(), u"PURCHASE"_s);
}

void TestMetaConnector::uploadsAndCreative()
{
    Fixture f;
    f.server.enqueueJson("POST", u"/v25.0/act_123/adimages"_s,
                         R"({"images":{"bytes":{"hash":"8cf726a4","url":"https://x"}}})");
    f.server.enqueueJson("POST", u"/v25.0/act_123/advideos"_s, R"({"id":"9001"})");
    f.server.enqueueJson("POST", u"/v25.0/act_123/adimages"_s,
                         R"({"images":{"bytes":{"hash":"a1b2c3d4","url":"https://y"}}})");
    f.server.enqueueJson("POST", u"/v25.0/act_123/adcreatives"_s, R"({"id":"301"})");
    f.server.enqueueJson("POST", u"/v25.0/act_123/ads"_s, R"({"id":"401"})");

    const auto image = f.create(QStringLiteral("image:cre-img"));
    QVERIFY(image.has_value());
    QCOMPARE(image->remoteIds.value(u"image:cre-img"_s), u"8cf726a4"_s);
    QCOMPARE(QByteArray::fromBase64(f.server.requests().at(0).formValue(u"bytes"_s).toLatin1()),
             QByteArray("PNGDATA-1"));

    const auto video = f.create(QStringLiteral("video:cre-bf-video-1"));
    QVERIFY(video.has_value());
    QCOMPARE(video->remoteIds.value(u"video:cre-bf-video-1"_s), u"9001"_s);
    const RecordedRequest upload = f.server.requests().at(1);
    QVERIFY(upload.headers.value("content-type").startsWith("multipart/form-data"));
    QVERIFY(upload.body.contains("name=\"source\"; filename=\"v.mp4\""));
    QVERIFY(upload.body.contains("MP4DATA-2"));
    // The library title carries the tag: AdVideo has no name field to find it by.
    QVERIFY(upload.body.contains("Black Friday [ads:cmp-3f9a/video:cre-bf-video-1]"));

    // The thumbnail is the creative's poster frame, uploaded like any image.
    const auto poster = f.create(QStringLiteral("poster:cre-bf-video-1"));
    QVERIFY(poster.has_value());
    QCOMPARE(poster->remoteIds,
             (QMap<QString, QString>{{u"poster:cre-bf-video-1"_s, u"a1b2c3d4"_s}}));
    QCOMPARE(QByteArray::fromBase64(f.server.requests().at(2).formValue(u"bytes"_s).toLatin1()),
             QByteArray("POSTER-3"));

    const auto creative = f.create(QStringLiteral("creative:cre-bf-video-1"),
                                   {{u"video:cre-bf-video-1"_s, u"9001"_s},
                                    {u"poster:cre-bf-video-1"_s, u"a1b2c3d4"_s}});
    QVERIFY(creative.has_value());
    QCOMPARE(f.server.requestCount(), 4); // no read of an undocumented video field first
    const QJsonObject spec = jsonField(f.server.requests().at(3), u"object_story_spec"_s);
    QCOMPARE(spec[u"page_id"_s].toString(), u"555"_s);
    const QJsonObject video_data = spec[u"video_data"_s].toObject();
    QCOMPARE(video_data[u"video_id"_s].toString(), u"9001"_s);
    QCOMPARE(video_data[u"image_hash"_s].toString(), u"a1b2c3d4"_s);
    QVERIFY(!video_data.contains(u"image_url"_s));
    QCOMPARE(video_data[u"call_to_action"_s][u"type"_s].toString(), u"SHOP_NOW"_s);

    const auto ad = f.create(QStringLiteral("ad:cre-bf-video-1"),
                             {{u"adset"_s, u"9"_s}, {u"creative:cre-bf-video-1"_s, u"301"_s}});
    QVERIFY(ad.has_value());
    QCOMPARE(ad->remoteIds.value(u"ad:cre-bf-video-1"_s), u"401"_s);
    const RecordedRequest adRequest = f.server.requests().at(4);
    QCOMPARE(jsonField(adRequest, u"creative"_s)[u"creative_id"_s].toString(), u"301"_s);
    QCOMPARE(adRequest.formValue(u"adset_id"_s), u"9"_s);

    // A video creative without its thumbnail would be refused; nothing is sent.
    const auto noThumbnail = f.create(QStringLiteral("creative:cre-bf-video-1"),
                                      {{u"video:cre-bf-video-1"_s, u"9001"_s}});
    QVERIFY(!noThumbnail.has_value());
    QCOMPARE(f.server.requestCount(), 5);
}

void TestMetaConnector::videoWithoutPosterIsLeftOut()
{
    Fixture f;
    Creative &video = f.input.creatives.last();
    video.renditions.removeLast(); // the poster
    LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-img"_s});
    QVERIFY(!plan.warnings.filter(u"cre-bf-video-1"_s).isEmpty());

    // A poster of another shape than the video is no thumbnail for it either.
    video.renditions.append(imageRendition(f.input.creatives.first().renditions.first().path,
                                           1080, 1080));
    plan = f.connector.plan(f.input);
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-img"_s});
}

void TestMetaConnector::posterIsNeverTheCreative()
{
    Fixture f;
    // The poster first among the renditions: the video upload still sends the video, and a
    // video creative that has only its poster does not run as an image ad.
    Creative &video = f.input.creatives.last();
    video.renditions.move(1, 0);
    f.server.enqueueJson("POST", u"/v25.0/act_123/advideos"_s, R"({"id":"9001"})");
    QVERIFY(f.create(QStringLiteral("video:cre-bf-video-1")).has_value());
    QVERIFY(f.server.requests().first().body.contains("MP4DATA-2"));
    QVERIFY(!f.server.requests().first().body.contains("POSTER-3"));

    video.renditions.removeLast(); // the video
    const LaunchPlan plan = f.connector.plan(f.input);
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-img"_s});
    for (const PlannedStep &step : plan.steps)
        QVERIFY2(!step.key.endsWith(u"cre-bf-video-1"), qPrintable(step.key));
}

void TestMetaConnector::findStepFindsUploads()
{
    Fixture f;
    const QString tag = launchTag(u"cmp-3f9a"_s, u"video:cre-bf-video-1"_s);
    f.server.enqueueJson("GET", u"/v25.0/act_123/advideos"_s,
                         QStringLiteral(R"({"data":[{"id":"1","title":"Other"},
                             {"id":"9001","title":"Black Friday %1"}]})").arg(tag).toUtf8());
    const auto video = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"video:cre-bf-video-1"_s), {}, done);
    });
    QVERIFY(video.has_value() && video->has_value());
    QCOMPARE((*video)->remoteIds.value(u"video:cre-bf-video-1"_s), u"9001"_s);
    QVERIFY(f.server.requests().first().queryValue(u"fields"_s).contains(u"title"));

    // Images are addressed by their content hash: a known hash is confirmed on the account.
    f.server.enqueueJson("GET", u"/v25.0/act_123/adimages"_s,
                         R"({"data":[{"hash":"a1b2c3d4","status":"ACTIVE"}]})");
    const auto poster = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"poster:cre-bf-video-1"_s),
                             {{u"poster:cre-bf-video-1"_s, u"a1b2c3d4"_s}}, done);
    });
    QVERIFY(poster.has_value() && poster->has_value());
    QCOMPARE((*poster)->remoteIds.value(u"poster:cre-bf-video-1"_s), u"a1b2c3d4"_s);
    QCOMPARE(QJsonDocument::fromJson(f.server.requests().last().queryValue(u"hashes"_s).toUtf8())
                 .array(),
             QJsonArray{u"a1b2c3d4"_s});

    f.server.enqueueJson("GET", u"/v25.0/act_123/adimages"_s,
                         R"({"data":[{"hash":"a1b2c3d4","status":"DELETED"}]})");
    const auto deleted = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"image:cre-img"_s),
                             {{u"image:cre-img"_s, u"a1b2c3d4"_s}}, done);
    });
    QVERIFY(deleted.has_value() && !deleted->has_value());

    // An unknown hash: uploading the same bytes again gives the same image, so it is re-run.
    const int before = f.server.requestCount();
    const auto unknown = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"image:cre-img"_s), {}, done);
    });
    QVERIFY(unknown.has_value() && !unknown->has_value());
    QCOMPARE(f.server.requestCount(), before);
}

void TestMetaConnector::findStepFollowsPagesAndSkipsDeleted()
{
    Fixture f;
    const QString tag = launchTag(u"cmp-3f9a"_s, u"campaign"_s);
    f.server.enqueueJson("GET", kCampaignPath,
                         R"({"data":[{"id":"1","name":"Other","status":"PAUSED"}],
                             "paging":{"cursors":{"after":"A"},"next":"https://elsewhere/next"}})");
    f.server.enqueueJson("GET", kCampaignPath,
                         QStringLiteral(R"({"data":[{"id":"2","name":"Black Friday %1","status":"DELETED"},
                             {"id":"3","name":"Black Friday %1","status":"PAUSED"}]})").arg(tag).toUtf8());

    const auto found = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"campaign"_s), {}, done);
    });
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE((*found)->remoteIds.value(u"campaign"_s), u"3"_s);

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2);
    const QJsonArray filtering = QJsonDocument::fromJson(
        requests.first().queryValue(u"filtering"_s).toUtf8()).array();
    QCOMPARE(filtering.first()[u"operator"_s].toString(), u"CONTAIN"_s);
    QCOMPARE(filtering.first()[u"value"_s].toString(), tag);
    QCOMPARE(requests.at(1).queryValue(u"after"_s), u"A"_s);

    // "activate" is idempotent and re-run: no lookup at all.
    const auto activate = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"activate"_s), {}, done);
    });
    QVERIFY(activate.has_value() && !activate->has_value());
    QCOMPARE(f.server.requestCount(), 2);
}

void TestMetaConnector::findStepStopsOnRepeatedCursor()
{
    Fixture f;
    CannedReply same;
    same.body = R"({"data":[{"id":"1","name":"x"}],"paging":{"cursors":{"after":"A"},"next":"n"}})";
    same.repeat = true;
    f.server.enqueue("GET", u"/v25.0/act_123/ads"_s, same);

    const auto found = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"ad:cre-img"_s), {}, done);
    });
    QVERIFY(found.has_value() && !found->has_value());
    QCOMPARE(f.server.requestCount(), 2); // the second page repeats cursor A: stop
}

void TestMetaConnector::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");
    QTest::addColumn<int>("retryAfter");

    QTest::newRow("expired token")
        << 400 << QByteArray(R"({"error":{"message":"expired","code":190,"error_subcode":463}})")
        << QByteArray() << QByteArray() << FailureKind::Auth << "auth_expired" << "190/463" << -1;
    QTest::newRow("permission")
        << 403 << QByteArray(R"({"error":{"message":"no","code":200}})") << QByteArray()
        << QByteArray() << FailureKind::Auth << "permission_denied" << "200" << -1;
    QTest::newRow("user limit with BUC minutes")
        << 400 << QByteArray(R"({"error":{"message":"limit","code":17,"error_subcode":2446079}})")
        << QByteArray("X-Business-Use-Case-Usage")
        << QByteArray(R"({"123":[{"type":"ads_management","call_count":100,"estimated_time_to_regain_access":5}]})")
        << FailureKind::RateLimited << "rate_limited" << "17/2446079" << 300;
    QTest::newRow("account limit with reset seconds")
        << 400 << QByteArray(R"({"error":{"message":"too many","code":613}})")
        << QByteArray("X-Ad-Account-Usage")
        << QByteArray(R"({"acc_id_util_pct":100,"reset_time_duration":120})")
        << FailureKind::RateLimited << "rate_limited" << "613" << 120;
    QTest::newRow("app limit without hints")
        << 400 << QByteArray(R"({"error":{"message":"app","code":4}})") << QByteArray()
        << QByteArray() << FailureKind::RateLimited << "rate_limited" << "4" << 60;
    QTest::newRow("service unavailable")
        << 500 << QByteArray(R"({"error":{"message":"down","code":2}})") << QByteArray()
        << QByteArray() << FailureKind::Transient << "server_error" << "2" << -1;
    QTest::newRow("flagged transient")
        << 400 << QByteArray(R"({"error":{"message":"x","code":1,"is_transient":true}})")
        << QByteArray() << QByteArray() << FailureKind::Transient << "server_error" << "1" << -1;
    QTest::newRow("validation with blame")
        << 400
        << QByteArray(R"({"error":{"message":"(#100) Invalid parameter","code":100,)"
                      R"("error_subcode":2490408,"error_user_msg":"Goal not supported",)"
                      R"("error_data":"{\"blame_field_specs\":[[\"optimization_goal\"]]}"}})")
        << QByteArray() << QByteArray() << FailureKind::Permanent << "invalid_field" << "100/2490408"
        << -1;
    QTest::newRow("policy block")
        << 400 << QByteArray(R"({"error":{"message":"blocked","code":368}})") << QByteArray()
        << QByteArray() << FailureKind::Permanent << "policy_rejected" << "368" << -1;
    QTest::newRow("gateway html")
        << 502 << QByteArray("<html>bad gateway</html>") << QByteArray() << QByteArray()
        << FailureKind::Transient << "server_error" << "502" << -1;
    QTest::newRow("success false")
        << 200 << QByteArray(R"({"success":false})") << QByteArray() << QByteArray()
        << FailureKind::Permanent << "platform_refused" << "" << -1;
}

void TestMetaConnector::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(QString, platformCode);
    QFETCH(int, retryAfter);
    Fixture f;
    CannedReply reply;
    reply.status = status;
    reply.body = body;
    if (!headerName.isEmpty())
        reply.headers.append({headerName, headerValue});
    f.server.enqueue("POST", kCampaignPath, reply);

    const auto result = f.create(QStringLiteral("campaign"));
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(kind));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
    QCOMPARE(result.error().retryAfterSeconds, retryAfter);
    QVERIFY(!result.error().message.isEmpty());
    if (code == u"invalid_field")
        QVERIFY(result.error().message.contains(u"optimization_goal"));
}

void TestMetaConnector::timeoutIsUnknownOutcome()
{
    Fixture f;
    CannedReply hang;
    hang.hang = true;
    f.server.enqueue("POST", kCampaignPath, hang);
    f.connector.setRequestTimeoutMs(300);

    const auto result = f.create(QStringLiteral("campaign"));
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::UnknownOutcome));
    QCOMPARE(result.error().code, u"timeout"_s);
}

void TestMetaConnector::refusedIsTransient()
{
    Fixture f;
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more: the connection is refused
    f.connector.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));

    const auto result = f.create(QStringLiteral("campaign"));
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::Transient));
    QCOMPARE(result.error().code, u"network_error"_s);
}

void TestMetaConnector::reportParsing()
{
    Fixture f(QStringLiteral("JPY"), 1'000'000'000);
    const QString path = u"/v25.0/act_123/insights"_s;
    f.server.enqueueJson("GET", path, R"({"data":[
        {"campaign_id":"120210000000000001","impressions":"10452","clicks":"311","spend":"152.37",
         "actions":[{"action_type":"link_click","value":"270"},{"action_type":"purchase","value":"9"},
                    {"action_type":"omni_purchase","value":"9.5"}],
         "action_values":[{"action_type":"purchase","value":"486.5"}],
         "account_currency":"USD","date_start":"2026-03-01","date_stop":"2026-03-01"}],
        "paging":{"cursors":{"after":"C1"},"next":"https://graph.facebook.com/next"}})");
    f.server.enqueueJson("GET", path, R"({"data":[
        {"campaign_id":120210000000000009,"impressions":"7","spend":"1234",
         "date_start":"2026-03-02","date_stop":"2026-03-02"}],
        "paging":{"cursors":{"after":"C2"},"next":"https://graph.facebook.com/next2"}})");
    f.server.enqueueJson("GET", path, R"({"data":[],"paging":{"cursors":{"after":"C3"},"next":"n"}})");

    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"120210000000000001"_s},
                                     QDate(2026, 3, 1), QDate(2026, 3, 2), done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->size(), 2);
    const ReportRow &a = result->at(0);
    QCOMPARE(a.remoteCampaignId, u"120210000000000001"_s);
    QCOMPARE(a.day, QDate(2026, 3, 1));
    QCOMPARE(a.impressions, Q_INT64_C(10452));
    QCOMPARE(a.clicks, Q_INT64_C(311));
    QCOMPARE(a.spendMicros, Q_INT64_C(152'370'000));
    QCOMPARE(a.conversionsMicros, Q_INT64_C(9'500'000)); // omni_purchase wins, no double count
    QCOMPARE(a.conversionValueMicros, Q_INT64_C(486'500'000));
    QCOMPARE(a.currency, u"USD"_s);
    QCOMPARE(a.timeZone, u"America/New_York"_s);
    const ReportRow &b = result->at(1);
    QCOMPARE(b.remoteCampaignId, u"120210000000000009"_s); // a JSON number, kept exact
    QCOMPARE(b.clicks, Q_INT64_C(0));                       // omitted means zero
    QCOMPARE(b.spendMicros, Q_INT64_C(1'234'000'000));      // JPY major units
    QCOMPARE(b.currency, u"JPY"_s);

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 3); // stops on the empty third page
    const RecordedRequest &first = requests.first();
    QCOMPARE(first.queryValue(u"level"_s), u"campaign"_s);
    QCOMPARE(first.queryValue(u"time_increment"_s), u"1"_s);
    const QJsonObject range = QJsonDocument::fromJson(
        first.queryValue(u"time_range"_s).toUtf8()).object();
    QCOMPARE(range[u"since"_s].toString(), u"2026-03-01"_s);
    QCOMPARE(range[u"until"_s].toString(), u"2026-03-02"_s);
    QCOMPARE(requests.at(1).queryValue(u"after"_s), u"C1"_s);
    QCOMPARE(requests.at(2).queryValue(u"after"_s), u"C2"_s);
}

void TestMetaConnector::reportUnreadableNumberFails()
{
    Fixture f;
    f.server.enqueueJson("GET", u"/v25.0/act_123/insights"_s,
                         R"({"data":[{"campaign_id":"1","spend":"1.2.3","date_start":"2026-03-01"}]})");
    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"1"_s}, QDate(2026, 3, 1),
                                     QDate(2026, 3, 1), done);
    });
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, u"unreadable_reply"_s);
}

void TestMetaConnector::setDelivery()
{
    Fixture f;
    for (const QString &id : {u"401"_s, u"9"_s, u"42"_s})
        f.server.enqueueJson("POST", u"/v25.0/"_s + id, R"({"success":true})");
    f.server.enqueueJson("POST", u"/v25.0/42"_s, R"({"success":true})");
    const QMap<QString, QString> ids = {{u"campaign"_s, u"42"_s}, {u"adset"_s, u"9"_s},
                                        {u"ad:cre-img"_s, u"401"_s},
                                        {u"creative:cre-img"_s, u"301"_s}};

    const auto on = *await<PlatformResult<bool>>([&](auto done) {
        f.connector.setDelivery(f.input.account, ids, true, done);
    });
    QVERIFY(on.has_value());
    const auto off = *await<PlatformResult<bool>>([&](auto done) {
        f.connector.setDelivery(f.input.account, ids, false, done);
    });
    QVERIFY(off.has_value());

    const auto requests = f.server.requests();
    QStringList seen;
    for (const RecordedRequest &r : requests)
        seen.append(r.path + u'=' + r.formValue(u"status"_s));
    // Children first, the campaign last, so delivery starts only when all are on.
    QCOMPARE(seen, (QStringList{u"/v25.0/401=ACTIVE"_s, u"/v25.0/9=ACTIVE"_s,
                                u"/v25.0/42=ACTIVE"_s, u"/v25.0/42=PAUSED"_s}));
}

void TestMetaConnector::statusChangeSurvivesPassingFaults()
{
    // A 500 and a 429 on the way: a status change is idempotent, so the connector sends it again
    // itself and the whole switch-on goes through in one call.
    Fixture f;
    f.server.enqueueJson("POST", u"/v25.0/401"_s,
                         R"({"error":{"message":"An unknown error occurred","type":"OAuthException","code":2,)"
                         R"("is_transient":true}})", 500);
    f.server.enqueueJson("POST", u"/v25.0/401"_s, R"({"success":true})");
    f.server.enqueue("POST", u"/v25.0/9"_s,
                     {429, R"({"error":{"message":"Too many calls","code":17}})", {{"Retry-After", "1"}}});
    f.server.enqueueJson("POST", u"/v25.0/9"_s, R"({"success":true})");
    f.server.enqueueJson("POST", u"/v25.0/42"_s, R"({"success":true})");
    const QMap<QString, QString> ids = {{u"campaign"_s, u"42"_s}, {u"adset"_s, u"9"_s},
                                        {u"ad:cre-img"_s, u"401"_s}};

    const auto on = *await<PlatformResult<bool>>([&](auto done) {
        f.connector.setDelivery(f.input.account, ids, true, done);
    });
    QVERIFY(on.has_value());
    QCOMPARE(f.server.requestCount(), 5);
}

void TestMetaConnector::createIsNeverSentTwiceByTheConnector()
{
    // A create that meets a 500 is answered as it is: only the launch journal may send it again,
    // after looking the object up.
    Fixture f;
    f.server.enqueueJson("POST", u"/v25.0/act_123/campaigns"_s,
                         R"({"error":{"message":"An unknown error occurred","type":"OAuthException","code":2,)"
                         R"("is_transient":true}})", 500);
    const LaunchPlan plan = f.connector.plan(f.input);
    PlannedStep campaignStep;
    for (const PlannedStep &step : plan.steps) {
        if (step.key == u"campaign")
            campaignStep = step;
    }
    QCOMPARE(campaignStep.key, u"campaign"_s);
    const auto created = *await<PlatformResult<StepOutcome>>([&](auto done) {
        f.connector.createStep(f.input, campaignStep, {}, done);
    });
    QVERIFY(!created.has_value());
    QCOMPARE(created.error().kind, FailureKind::Transient);
    QCOMPARE(created.error().platformCode, u"2"_s);
    QCOMPARE(f.server.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestMetaConnector)
#include "TestMetaConnector.moc"
