#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/tiktok/TikTokConnector.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::FailureKind)

namespace {

const QByteArray kVideoInfo =
    R"({"list":[{"video_id":"v1","video_cover_url":"https://p/c.jpg"}]})";
const QByteArray kConflict = R"({"code":40911,"message":"Duplicated material name",)"
                             R"("request_id":"r1","data":{}})";

const QString kApi = u"/open_api/v1.3"_s;
const QString kAdvertiser = u"7000000000000000123"_s;

QByteArray envelope(const QByteArray &data, int code = 0, const QByteArray &message = "OK")
{
    return "{\"code\":" + QByteArray::number(code) + ",\"message\":\"" + message
        + "\",\"request_id\":\"r1\",\"data\":" + data + "}";
}

// The value of one plain field of a multipart/form-data body, or a null string.
QString multipartField(const QByteArray &body, const QByteArray &name)
{
    const QByteArray head = QByteArray("name=\"") + name + "\"\r\n";
    const qsizetype at = body.indexOf(head);
    if (at < 0)
        return {};
    const qsizetype start = body.indexOf("\r\n\r\n", at) + 4;
    return QString::fromUtf8(body.mid(start, body.indexOf("\r\n--", start) - start));
}

struct Fixture
{
    QTemporaryDir dir;
    FakePlatformServer server;
    QNetworkAccessManager nam;
    TikTokConnector connector{&nam, server.baseUrl()};
    LaunchInput input;

    Fixture()
    {
        input = launchInput(u"USD"_s, 60'500'000);
        input.account.accountId = kAdvertiser;
        input.account.extra = {{u"pixelId"_s, u"px-1"_s}, {u"identityId"_s, u"id-9"_s}};
        const QString video = writeFile(dir, u"v.mp4"_s, "MP4-BYTES");
        const QString image = writeFile(dir, u"i.png"_s, "PNG-BYTES");
        input.creatives = {
            creative(u"cre-bf-video-1"_s, CreativeKind::Video, {videoRendition(video, 1080, 1920, 15'000)}),
            creative(u"cre-img"_s, CreativeKind::Image, {imageRendition(image, 1200, 628)})};
        Audience vip = audience(u"aud-vip"_s);
        vip.definition = QJsonObject{{u"hashedEmails"_s, QJsonArray{u"ab12"_s, u"cd34"_s}}};
        input.audiences = {vip};
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

} // namespace

class TestTikTokConnector : public QObject
{
    Q_OBJECT

private slots:
    void planProblems_data();
    void planProblems();
    void planUsesVideosForTheFeed();
    void campaignRequest();
    void adGroupRequest();
    void uploadsAndAd();
    void uploadNamesAreUniquePerCampaignAndStep();
    void coverFromThePosterFile();
    void coverByUrlWithoutPoster();
    void posterIsNeverTheCreative();
    void nameConflictAdoptsOurOwnUpload_data();
    void nameConflictAdoptsOurOwnUpload();
    void findStepLooksUploadsUpByFileName();
    void audienceFileAndCreate();
    void errorMapping_data();
    void errorMapping();
    void timeoutIsUnknownOutcome();
    void findStepPagesAndSkipsDeleted();
    void reportWindowsAndParsing();
    void setDelivery();
};

void TestTikTokConnector::planProblems_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");

    QTest::newRow("valid") << "" << "";
    QTest::newRow("app installs") << "app" << "objective";
    QTest::newRow("no identity") << "noidentity" << "account.extra.identityId";
    QTest::newRow("conversions without pixel") << "nopixel" << "account.extra.pixelId";
    QTest::newRow("advertiser id not digits") << "advertiser" << "account.accountId";
    QTest::newRow("49.99 USD a day") << "low" << "budget.amount";
    QTest::newRow("50 USD a day") << "fifty" << "";
    QTest::newRow("41.67 EUR a day") << "eurlow" << ""; // minimum unknown: a warning, not a refusal
    QTest::newRow("lifetime below 20 USD a day") << "lifetimelow" << "budget.amount";
    QTest::newRow("lifetime 20 USD a day") << "lifetimeok" << "";
    QTest::newRow("ad text 101 characters") << "text101" << "creativeIds";
    QTest::newRow("ad text 51 wide characters") << "cjk51" << "creativeIds";
    QTest::newRow("ad text 50 wide characters") << "cjk50" << "";
    QTest::newRow("emoji in ad text") << "emoji" << "creativeIds";
    QTest::newRow("video too short") << "short" << "";  // the image still runs on Pangle
    QTest::newRow("nothing fits") << "nothing" << "creativeIds";
    QTest::newRow("engagement without video") << "engagementimage" << "objective";
    QTest::newRow("customer list without members") << "nomembers" << ""; // left out with a warning
    QTest::newRow("ended") << "ended" << "schedule.endAt";
}

void TestTikTokConnector::planProblems()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    Fixture f;
    LaunchInput &in = f.input;
    const auto allText = [&](const QString &text) {
        for (Creative &c : in.creatives)
            c.description = text;
    };

    if (change == u"app")
        in.objective = Objective::AppInstalls;
    if (change == u"noidentity")
        in.account.extra.remove(u"identityId"_s);
    if (change == u"nopixel") {
        in.objective = Objective::Conversions;
        in.account.extra.remove(u"pixelId"_s);
    }
    if (change == u"advertiser")
        in.account.accountId = u"act_12"_s;
    if (change == u"low")
        in.budget.micros = 49'990'000;
    if (change == u"fifty")
        in.budget.micros = 50'000'000;
    if (change == u"eurlow") {
        in.account.currency = u"EUR"_s;
        in.budget = Money{41'670'000, u"EUR"_s};
    }
    if (change.startsWith(u"lifetime")) {
        in.budgetType = BudgetType::Lifetime; // ten days from tomorrow
        in.budget.micros = change == u"lifetimeok" ? 200'000'000 : 199'990'000;
    }
    if (change == u"text101")
        allText(QString(101, u'x'));
    if (change == u"cjk51")
        allText(QString(51, QChar(0x58F2)));
    if (change == u"cjk50")
        allText(QString(50, QChar(0x58F2)));
    if (change == u"emoji")
        allText(u"Deals \U0001F525 today"_s);
    if (change == u"short" || change == u"nothing" || change == u"engagementimage")
        in.creatives.first().renditions.first().durationMs = 4'000;
    if (change == u"nothing")
        in.creatives.last().renditions.first().mimeType = u"image/webp"_s;
    if (change == u"engagementimage")
        in.objective = Objective::Engagement;
    if (change == u"nomembers")
        in.audiences.first().definition = {};
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
    const QStringList budgetWarnings = plan.warnings.filter(u"minimum"_s);
    QCOMPARE(budgetWarnings.size(), change == u"eurlow" ? 1 : 0);
    if (change == u"nomembers") {
        // The audience the platform cannot take is left out with a warning, not a refusal.
        QVERIFY(!plan.warnings.filter(u"Audience"_s).isEmpty());
        for (const PlannedStep &step : plan.steps)
            QVERIFY(!step.key.startsWith(u"audience:"_s + in.audiences.first().id));
    }
}

void TestTikTokConnector::planUsesVideosForTheFeed()
{
    Fixture f;
    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-bf-video-1"_s});
    QCOMPARE(plan.warnings.size(), 1);
    QVERIFY(plan.warnings.first().contains(u"cre-img"));
    QStringList keys;
    for (const PlannedStep &s : plan.steps)
        keys.append(s.key);
    QCOMPARE(keys, (QStringList{u"audience:aud-vip"_s, u"video:cre-bf-video-1"_s,
                                u"cover:cre-bf-video-1"_s, u"campaign"_s, u"adgroup"_s,
                                u"ad:cre-bf-video-1"_s, u"activate"_s}));
}

void TestTikTokConnector::campaignRequest()
{
    Fixture f;
    // A 19-digit id as a JSON number must survive exactly.
    f.server.enqueueJson("POST", kApi + u"/campaign/create/"_s,
                         envelope(R"({"campaign_id":1800000000000000001})"));
    f.server.enqueueJson("POST", kApi + u"/campaign/status/update/"_s, envelope("{}"));

    const auto result = f.create(u"campaign"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds.value(u"campaign"_s), u"1800000000000000001"_s);

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2);
    const RecordedRequest &create = requests.at(0);
    QCOMPARE(create.headers.value("access-token"), QByteArray("tok-secret"));
    QVERIFY(!create.headers.contains("authorization"));
    const QJsonObject body = create.json();
    QCOMPARE(body[u"advertiser_id"_s].toString(), kAdvertiser);
    QCOMPARE(body[u"objective_type"_s].toString(), u"TRAFFIC"_s);
    QCOMPARE(body[u"budget_mode"_s].toString(), u"BUDGET_MODE_DAY"_s);
    QCOMPARE(body[u"budget"_s].toDouble(), 60.5);
    QCOMPARE(body[u"budget_optimize_on"_s].toBool(), true);
    QCOMPARE(body[u"operation_status"_s].toString(), u"DISABLE"_s);
    QCOMPARE(body[u"campaign_name"_s].toString(), u"Black Friday [ads:cmp-3f9a/campaign]"_s);
    const QString requestId = body[u"request_id"_s].toString();
    QVERIFY(!requestId.isEmpty() && requestId.toULongLong() > 0);

    // The campaign is switched off explicitly after create.
    const QJsonObject status = requests.at(1).json();
    QCOMPARE(status[u"campaign_ids"_s].toArray(), QJsonArray{u"1800000000000000001"_s});
    QCOMPARE(status[u"operation_status"_s].toString(), u"DISABLE"_s);

    // The idempotency key is the same on a retry.
    f.server.enqueueJson("POST", kApi + u"/campaign/create/"_s, envelope(R"({"campaign_id":"1"})"));
    f.server.enqueueJson("POST", kApi + u"/campaign/status/update/"_s, envelope("{}"));
    QVERIFY(f.create(u"campaign"_s).has_value());
    QCOMPARE(f.server.requests().at(2).json()[u"request_id"_s].toString(), requestId);
}

void TestTikTokConnector::adGroupRequest()
{
    Fixture f;
    f.input.objective = Objective::Conversions;
    f.input.startAt = QDateTime(QDate(2031, 3, 1), QTime(8, 0), Qt::UTC);
    f.input.endAt = QDateTime(QDate(2031, 3, 31), QTime(8, 0), Qt::UTC);
    f.server.enqueueJson("POST", kApi + u"/adgroup/create/"_s,
                         envelope(R"({"adgroup_id":"1800000000000000101"})"));

    const auto result = f.create(u"adgroup"_s, {{u"campaign"_s, u"1800000000000000001"_s},
                                                {u"audience:aud-vip"_s, u"1234567"_s}});
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds.value(u"adgroup"_s), u"1800000000000000101"_s);
    const QJsonObject body = f.server.requests().first().json();
    QCOMPARE(body[u"campaign_id"_s].toString(), u"1800000000000000001"_s);
    QCOMPARE(body[u"placements"_s].toArray(), QJsonArray{u"PLACEMENT_TIKTOK"_s});
    QCOMPARE(body[u"location_ids"_s].toArray(), QJsonArray{u"6252001"_s});
    QCOMPARE(body[u"audience_ids"_s].toArray(), QJsonArray{u"1234567"_s});
    QCOMPARE(body[u"schedule_type"_s].toString(), u"SCHEDULE_START_END"_s);
    QCOMPARE(body[u"schedule_start_time"_s].toString(), u"2031-03-01 08:00:00"_s);
    QCOMPARE(body[u"schedule_end_time"_s].toString(), u"2031-03-31 08:00:00"_s);
    QCOMPARE(body[u"optimization_goal"_s].toString(), u"CONVERT"_s);
    QCOMPARE(body[u"billing_event"_s].toString(), u"OCPM"_s);
    QCOMPARE(body[u"pixel_id"_s].toString(), u"px-1"_s);
    QCOMPARE(body[u"promotion_type"_s].toString(), u"WEBSITE"_s);
    QCOMPARE(body[u"operation_status"_s].toString(), u"DISABLE"_s);
}

void TestTikTokConnector::uploadsAndAd()
{
    Fixture f;
    f.server.enqueueJson("POST", kApi + u"/file/video/ad/upload/"_s,
                         envelope(R"([{"video_id":"v10033g50000abc","video_cover_url":"https://p/c.jpg"}])"));
    f.server.enqueueJson("POST", kApi + u"/ad/create/"_s, envelope(R"({"ad_ids":["1800000000000000201"]})"));

    const auto upload = f.create(u"video:cre-bf-video-1"_s);
    QVERIFY(upload.has_value());
    // The cover is a step of its own now; the video step returns the video only.
    QCOMPARE(upload->remoteIds, (QMap<QString, QString>{{u"video:cre-bf-video-1"_s,
                                                         u"v10033g50000abc"_s}}));
    const RecordedRequest video = f.server.requests().at(0);
    QVERIFY(video.headers.value("content-type").startsWith("multipart/form-data"));
    QVERIFY(video.body.contains(QCryptographicHash::hash("MP4-BYTES", QCryptographicHash::Md5).toHex()));
    QVERIFY(video.body.contains("name=\"video_file\"; filename=\"v.mp4\""));
    QCOMPARE(multipartField(video.body, "upload_type"), u"UPLOAD_BY_FILE"_s);

    QMap<QString, QString> ids = upload->remoteIds;
    ids.insert(u"cover:cre-bf-video-1"_s, u"ad-site-i18n-sg/cover1"_s);
    ids.insert(u"adgroup"_s, u"1800000000000000101"_s);
    const auto ad = f.create(u"ad:cre-bf-video-1"_s, ids);
    QVERIFY(ad.has_value());
    QCOMPARE(ad->remoteIds.value(u"ad:cre-bf-video-1"_s), u"1800000000000000201"_s);
    const QJsonObject body = f.server.requests().at(1).json();
    const QJsonObject c = body[u"creatives"_s][0].toObject();
    QCOMPARE(body[u"adgroup_id"_s].toString(), u"1800000000000000101"_s);
    QCOMPARE(c[u"ad_format"_s].toString(), u"SINGLE_VIDEO"_s);
    QCOMPARE(c[u"video_id"_s].toString(), u"v10033g50000abc"_s);
    QCOMPARE(c[u"image_ids"_s].toArray(), QJsonArray{u"ad-site-i18n-sg/cover1"_s});
    QCOMPARE(c[u"identity_id"_s].toString(), u"id-9"_s);
    QCOMPARE(c[u"call_to_action"_s].toString(), u"SHOP_NOW"_s);
    QCOMPARE(c[u"ad_text"_s].toString(), u"Everything half price this weekend only."_s);
    QCOMPARE(c[u"operation_status"_s].toString(), u"DISABLE"_s);

    // A video ad without its cover would be refused (image_ids: exactly one cover), so the
    // connector stops before sending it.
    ids.remove(u"cover:cre-bf-video-1"_s);
    const auto noCover = f.create(u"ad:cre-bf-video-1"_s, ids);
    QVERIFY(!noCover.has_value());
    QCOMPARE(f.server.requestCount(), 2);
}

void TestTikTokConnector::uploadNamesAreUniquePerCampaignAndStep()
{
    Fixture f;
    const QString poster = writeFile(f.dir, u"p.png"_s, "POSTER-PNG");
    f.input.creatives.first().renditions.append(imageRendition(poster, 540, 960));
    QStringList names;
    for (const QString &campaignId : {u"cmp-3f9a"_s, u"cmp-77b1"_s}) {
        f.input.campaignId = campaignId;
        for (const QString &key : {u"video:cre-bf-video-1"_s, u"cover:cre-bf-video-1"_s}) {
            const bool video = key.startsWith(u"video");
            f.server.enqueueJson("POST", kApi + (video ? u"/file/video/ad/upload/"_s
                                                       : u"/file/image/ad/upload/"_s),
                                 envelope(video ? R"([{"video_id":"v1"}])"
                                                : R"({"image_id":"i1"})"));
            QVERIFY(f.create(key).has_value());
            const QString name = multipartField(f.server.requests().last().body, "file_name");
            QVERIFY2(!name.isEmpty() && name.size() <= 100, qPrintable(name));
            QVERIFY2(!name.contains(u'/') && !name.contains(u'[') && !name.contains(u':'),
                     qPrintable(name));
            names.append(name);
        }
    }
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 4);

    // The same campaign and step always give the same name, so a re-run meets its own upload.
    f.server.enqueueJson("POST", kApi + u"/file/image/ad/upload/"_s,
                         envelope(R"({"image_id":"i2"})"));
    QVERIFY(f.create(u"cover:cre-bf-video-1"_s).has_value());
    QCOMPARE(multipartField(f.server.requests().last().body, "file_name"), names.last());

    // A very long campaign id still gives a name within TikTok's 100 characters.
    f.input.campaignId = u"cmp-"_s + QString(150, u'x');
    f.server.enqueueJson("POST", kApi + u"/file/image/ad/upload/"_s,
                         envelope(R"({"image_id":"i3"})"));
    QVERIFY(f.create(u"cover:cre-bf-video-1"_s).has_value());
    const QString longName = multipartField(f.server.requests().last().body, "file_name");
    QVERIFY2(!longName.isEmpty() && longName.size() <= 100, qPrintable(longName));
}

void TestTikTokConnector::coverFromThePosterFile()
{
    Fixture f;
    const QString poster = writeFile(f.dir, u"p.png"_s, "POSTER-PNG");
    f.input.creatives.first().renditions.append(imageRendition(poster, 540, 960));
    f.server.enqueueJson("POST", kApi + u"/file/image/ad/upload/"_s,
                         envelope(R"({"image_id":"ad-site-i18n-sg/poster1"})"));

    const auto cover = f.create(u"cover:cre-bf-video-1"_s, {{u"video:cre-bf-video-1"_s, u"v1"_s}});
    QVERIFY(cover.has_value());
    QCOMPARE(cover->remoteIds, (QMap<QString, QString>{{u"cover:cre-bf-video-1"_s,
                                                        u"ad-site-i18n-sg/poster1"_s}}));
    QCOMPARE(f.server.requestCount(), 1); // no signed URL needed
    const RecordedRequest r = f.server.requests().first();
    QCOMPARE(multipartField(r.body, "upload_type"), u"UPLOAD_BY_FILE"_s);
    QCOMPARE(multipartField(r.body, "image_signature"),
             QString::fromLatin1(QCryptographicHash::hash("POSTER-PNG", QCryptographicHash::Md5)
                                     .toHex()));
    QVERIFY(r.body.contains("name=\"image_file\"; filename=\"p.png\""));
    QVERIFY(r.body.contains("POSTER-PNG"));
}

void TestTikTokConnector::coverByUrlWithoutPoster()
{
    Fixture f;
    f.server.enqueueJson("GET", kApi + u"/file/video/ad/info/"_s,
                         envelope(kVideoInfo));
    f.server.enqueueJson("POST", kApi + u"/file/image/ad/upload/"_s,
                         envelope(R"({"image_id":"ad-site-i18n-sg/cover1"})"));

    const auto cover = f.create(u"cover:cre-bf-video-1"_s, {{u"video:cre-bf-video-1"_s, u"v1"_s}});
    QVERIFY(cover.has_value());
    QCOMPARE(cover->remoteIds.value(u"cover:cre-bf-video-1"_s), u"ad-site-i18n-sg/cover1"_s);
    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(requests.at(0).queryValue(u"video_ids"_s).toUtf8()).array(),
             QJsonArray{u"v1"_s});
    QCOMPARE(multipartField(requests.at(1).body, "upload_type"), u"UPLOAD_BY_URL"_s);
    QCOMPARE(multipartField(requests.at(1).body, "image_url"), u"https://p/c.jpg"_s);
    QVERIFY(!multipartField(requests.at(1).body, "file_name").isEmpty());

    // A failed fetch of the URL is TikTok's retryable 40902, not a refusal of the campaign.
    f.server.enqueueJson("GET", kApi + u"/file/video/ad/info/"_s,
                         envelope(kVideoInfo));
    f.server.enqueueJson("POST", kApi + u"/file/image/ad/upload/"_s,
                         envelope("{}", 40902, "image_url: fetching the file failed"));
    const auto failed = f.create(u"cover:cre-bf-video-1"_s,
                                 {{u"video:cre-bf-video-1"_s, u"v1"_s}});
    QVERIFY(!failed.has_value());
    QCOMPARE(int(failed.error().kind), int(FailureKind::Transient));
}

void TestTikTokConnector::posterIsNeverTheCreative()
{
    Fixture f;
    // The poster comes first among the renditions: the video is still what is uploaded, and a
    // video creative that has only a poster does not run as an image ad.
    const QString poster = writeFile(f.dir, u"p.png"_s, "POSTER-PNG");
    Creative &video = f.input.creatives.first();
    video.renditions.prepend(imageRendition(poster, 540, 960));
    f.server.enqueueJson("POST", kApi + u"/file/video/ad/upload/"_s,
                         envelope(R"([{"video_id":"v1"}])"));
    QVERIFY(f.create(u"video:cre-bf-video-1"_s).has_value());
    const RecordedRequest r = f.server.requests().first();
    QVERIFY(r.body.contains("MP4-BYTES"));
    QVERIFY(!r.body.contains("POSTER-PNG"));

    video.renditions.removeLast(); // only the poster is left
    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(!plan.usedCreativeIds.contains(u"cre-bf-video-1"_s));
    QVERIFY(!plan.warnings.filter(u"cre-bf-video-1"_s).isEmpty());
}

void TestTikTokConnector::nameConflictAdoptsOurOwnUpload_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("uploadPath");
    QTest::addColumn<QString>("lookupPath");
    QTest::addColumn<QString>("idField");

    QTest::newRow("video") << "video:cre-bf-video-1" << "/file/video/ad/upload/"
                           << "/file/video/ad/search/" << "video_id";
    QTest::newRow("image") << "image:cre-img" << "/file/image/ad/upload/"
                           << "/file/image/ad/get/" << "image_id";
}

void TestTikTokConnector::nameConflictAdoptsOurOwnUpload()
{
    QFETCH(QString, key);
    QFETCH(QString, uploadPath);
    QFETCH(QString, lookupPath);
    QFETCH(QString, idField);
    Fixture f;

    // The name a step uploads under is the same on every run: learn it from a first upload.
    f.server.enqueueJson("POST", kApi + uploadPath,
                         envelope(QStringLiteral(R"([{"%1":"ours-1"}])").arg(idField).toUtf8()));
    QVERIFY(f.create(key).has_value());
    const QString sent = multipartField(f.server.requests().first().body, "file_name");
    QVERIFY(!sent.isEmpty());

    // A re-run after an answer that was lost: the material exists under our name.
    f.server.enqueueJson("POST", kApi + uploadPath, kConflict);
    const QString path = kApi + lookupPath;
    f.server.enqueueJson("GET", path, envelope(QStringLiteral(R"({"list":[
        {"%1":"someone-else","file_name":"holiday.mp4"}],
        "page_info":{"page":1,"page_size":100,"total_number":2,"total_page":2}})").arg(idField)
                                                   .toUtf8()));
    f.server.enqueueJson("GET", path, envelope(QStringLiteral(R"({"list":[
        {"%1":"ours-1","file_name":"%2"}],
        "page_info":{"page":2,"page_size":100,"total_number":2,"total_page":2}})")
                                                   .arg(idField, sent).toUtf8()));
    const auto result = f.create(key);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().platformMessage));
    QCOMPARE(result->remoteIds, (QMap<QString, QString>{{key, u"ours-1"_s}}));
    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 4); // the re-run: one upload, two pages of lookup, no new upload
    QCOMPARE(requests.at(2).path, path);
    QCOMPARE(requests.at(3).queryValue(u"page"_s), u"2"_s);

    // A name we did not find stays a refusal: nothing is adopted by guesswork.
    f.server.enqueueJson("POST", kApi + uploadPath, kConflict);
    f.server.enqueueJson("GET", path,
                         envelope(R"({"list":[],"page_info":{"page":1,"total_page":0}})"));
    const auto refused = f.create(key);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().platformCode, u"40911"_s);
    QCOMPARE(int(refused.error().kind), int(FailureKind::Permanent));
}

void TestTikTokConnector::findStepLooksUploadsUpByFileName()
{
    Fixture f;
    f.server.enqueueJson("POST", kApi + u"/file/image/ad/upload/"_s,
                         envelope(R"({"image_id":"ad-site-i18n-sg/cover1"})"));
    f.server.enqueueJson("GET", kApi + u"/file/video/ad/info/"_s,
                         envelope(kVideoInfo));
    QVERIFY(f.create(u"cover:cre-bf-video-1"_s, {{u"video:cre-bf-video-1"_s, u"v1"_s}})
                .has_value());
    const QString sent = multipartField(f.server.requests().last().body, "file_name");

    f.server.enqueueJson("GET", kApi + u"/file/image/ad/get/"_s,
                         envelope(QStringLiteral(R"({"list":[
                             {"image_id":"x","file_name":"other.png"},
                             {"image_id":"ad-site-i18n-sg/cover1","file_name":"%1"}],
                             "page_info":{"page":1,"total_number":2,"total_page":1}})")
                                      .arg(sent).toUtf8()));
    const auto found = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"cover:cre-bf-video-1"_s), {}, done);
    });
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE((*found)->remoteIds.value(u"cover:cre-bf-video-1"_s), u"ad-site-i18n-sg/cover1"_s);
    QCOMPARE(f.server.requests().last().queryValue(u"advertiser_id"_s), kAdvertiser);

    // Another campaign's upload of the same file is not ours.
    f.input.campaignId = u"cmp-other"_s;
    f.server.enqueueJson("GET", kApi + u"/file/image/ad/get/"_s,
                         envelope(QStringLiteral(R"({"list":[
                             {"image_id":"ad-site-i18n-sg/cover1","file_name":"%1"}],
                             "page_info":{"page":1,"total_page":1}})").arg(sent).toUtf8()));
    const auto other = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"cover:cre-bf-video-1"_s), {}, done);
    });
    QVERIFY(other.has_value() && !other->has_value());
}

void TestTikTokConnector::audienceFileAndCreate()
{
    Fixture f;
    f.server.enqueueJson("POST", kApi + u"/dmp/custom_audience/file/upload/"_s,
                         envelope(R"({"file_path":"a1b2c3d4e5f6g7h8"})"));
    f.server.enqueueJson("POST", kApi + u"/dmp/custom_audience/create/"_s,
                         envelope(R"({"custom_audience_id":"1234567"})"));
    const auto result = f.create(u"audience:aud-vip"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->remoteIds.value(u"audience:aud-vip"_s), u"1234567"_s);
    QVERIFY(f.server.requests().at(0).body.contains("ab12\ncd34\n"));
    const QJsonObject create = f.server.requests().at(1).json();
    QCOMPARE(create[u"file_paths"_s].toArray(), QJsonArray{u"a1b2c3d4e5f6g7h8"_s});
    QCOMPARE(create[u"calculate_type"_s].toString(), u"EMAIL_SHA256"_s);
}

void TestTikTokConnector::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");
    QTest::addColumn<int>("retryAfter");

    QTest::newRow("invalid token") << 200 << envelope("{}", 40105, "Access token is invalid")
                                   << FailureKind::Auth << "auth_expired" << "40105" << -1;
    QTest::newRow("no permission") << 200 << envelope("{}", 40001, "No permission")
                                   << FailureKind::Auth << "permission_denied" << "40001" << -1;
    QTest::newRow("too frequent") << 200 << envelope("{}", 40100, "Too many requests")
                                  << FailureKind::RateLimited << "rate_limited" << "40100" << 60;
    QTest::newRow("system error") << 200 << envelope("{}", 50000, "System error")
                                  << FailureKind::Transient << "server_error" << "50000" << -1;
    QTest::newRow("system timeout on a write") << 200 << envelope("{}", 50002, "Timeout")
                                               << FailureKind::UnknownOutcome << "timeout" << "50002" << -1;
    QTest::newRow("validation") << 200 << envelope("{}", 40002, "budget: Budget must be >= 50.")
                                << FailureKind::Permanent << "invalid_field" << "40002" << -1;
    QTest::newRow("blocked") << 200 << envelope("{}", 41000, "Blocked")
                             << FailureKind::Permanent << "policy_rejected" << "41000" << -1;
    QTest::newRow("gateway 503") << 503 << QByteArray("<html/>") << FailureKind::Transient
                                 << "server_error" << "503" << -1;
    QTest::newRow("gateway 504 on a write") << 504 << QByteArray() << FailureKind::UnknownOutcome
                                            << "server_error" << "504" << -1;
}

void TestTikTokConnector::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(QString, platformCode);
    QFETCH(int, retryAfter);
    Fixture f;
    f.server.enqueueJson("POST", kApi + u"/adgroup/create/"_s, body, status);

    const auto result = f.create(u"adgroup"_s, {{u"campaign"_s, u"1"_s}});
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(kind));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
    QCOMPARE(result.error().retryAfterSeconds, retryAfter);
    if (platformCode == u"40002")
        QCOMPARE(result.error().message, u"budget: Budget must be >= 50."_s);
}

void TestTikTokConnector::timeoutIsUnknownOutcome()
{
    Fixture f;
    CannedReply hang;
    hang.hang = true;
    f.server.enqueue("POST", kApi + u"/ad/create/"_s, hang);
    f.connector.setRequestTimeoutMs(300);
    const auto result = f.create(u"ad:cre-bf-video-1"_s, {{u"adgroup"_s, u"1"_s},
                                                          {u"video:cre-bf-video-1"_s, u"v1"_s},
                                                          {u"cover:cre-bf-video-1"_s, u"i1"_s}});
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::UnknownOutcome));
}

void TestTikTokConnector::findStepPagesAndSkipsDeleted()
{
    Fixture f;
    const QString tag = launchTag(u"cmp-3f9a"_s, u"campaign"_s);
    const QString path = kApi + u"/campaign/get/"_s;
    f.server.enqueueJson("GET", path, envelope(R"({"list":[{"campaign_id":"1","campaign_name":"x"}],
        "page_info":{"page":1,"page_size":100,"total_number":3,"total_page":2}})"));
    f.server.enqueueJson("GET", path, envelope(QStringLiteral(R"({"list":[
        {"campaign_id":"2","campaign_name":"Black Friday %1","operation_status":"DELETE"},
        {"campaign_id":"1800000000000000003","campaign_name":"Black Friday %1",
         "secondary_status":"CAMPAIGN_STATUS_DISABLE"}],
        "page_info":{"page":2,"page_size":100,"total_number":3,"total_page":2}})").arg(tag).toUtf8()));

    const auto found = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"campaign"_s), {}, done);
    });
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE((*found)->remoteIds.value(u"campaign"_s), u"1800000000000000003"_s);
    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).queryValue(u"advertiser_id"_s), kAdvertiser);
    const QJsonObject filtering = QJsonDocument::fromJson(
        requests.at(0).queryValue(u"filtering"_s).toUtf8()).object();
    QCOMPARE(filtering[u"campaign_name"_s].toString(), tag);
    QCOMPARE(requests.at(1).queryValue(u"page"_s), u"2"_s);

    // Past the last page nothing more is asked for.
    f.server.enqueueJson("GET", path, envelope(R"({"list":[{"campaign_id":"1","campaign_name":"x"}],
        "page_info":{"page":1,"total_page":1}})"));
    const auto missing = *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
        f.connector.findStep(f.input, f.step(u"campaign"_s), {}, done);
    });
    QVERIFY(missing.has_value() && !missing->has_value());
    QCOMPARE(f.server.requestCount(), 3);
}

void TestTikTokConnector::reportWindowsAndParsing()
{
    Fixture f;
    const QString path = kApi + u"/report/integrated/get/"_s;
    f.server.enqueueJson("GET", path, envelope(R"({"list":[
        {"dimensions":{"campaign_id":"1800000000000000001","stat_time_day":"2026-03-01 00:00:00"},
         "metrics":{"spend":"20.00","impressions":"5830","clicks":"112","conversion":"4",
                    "total_purchase_value":"-"}}],
        "page_info":{"page":1,"page_size":1000,"total_number":2,"total_page":2}})"));
    f.server.enqueueJson("GET", path, envelope(R"({"list":[
        {"dimensions":{"campaign_id":1800000000000000001,"stat_time_day":"2026-03-02 00:00:00"},
         "metrics":{"spend":12.5,"impressions":"10","clicks":"0","conversion":"0.5"}}],
        "page_info":{"page":2,"page_size":1000,"total_number":2,"total_page":2}})"));
    f.server.enqueueJson("GET", path,
                         envelope(R"({"list":[],"page_info":{"page":1,"total_page":0}})"));

    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"1800000000000000001"_s},
                                     QDate(2026, 3, 1), QDate(2026, 4, 14), done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->size(), 2);
    const ReportRow &a = result->at(0);
    QCOMPARE(a.remoteCampaignId, u"1800000000000000001"_s);
    QCOMPARE(a.day, QDate(2026, 3, 1));
    QCOMPARE(a.spendMicros, Q_INT64_C(20'000'000));
    QCOMPARE(a.impressions, Q_INT64_C(5830));
    QCOMPARE(a.conversionsMicros, Q_INT64_C(4'000'000));
    QCOMPARE(a.conversionValueMicros, Q_INT64_C(0)); // "-" is no value
    QCOMPARE(result->at(1).remoteCampaignId, u"1800000000000000001"_s);
    QCOMPARE(result->at(1).spendMicros, Q_INT64_C(12'500'000));
    QCOMPARE(result->at(1).conversionsMicros, Q_INT64_C(500'000));

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 3); // two pages of the first 30 days, one page of the rest
    const RecordedRequest &first = requests.at(0);
    QCOMPARE(first.queryValue(u"report_type"_s), u"BASIC"_s);
    QCOMPARE(first.queryValue(u"data_level"_s), u"AUCTION_CAMPAIGN"_s);
    QCOMPARE(QJsonDocument::fromJson(first.queryValue(u"dimensions"_s).toUtf8()).array(),
             (QJsonArray{u"campaign_id"_s, u"stat_time_day"_s}));
    QCOMPARE(first.queryValue(u"start_date"_s), u"2026-03-01"_s);
    QCOMPARE(first.queryValue(u"end_date"_s), u"2026-03-30"_s);
    const QJsonObject filter = QJsonDocument::fromJson(
        first.queryValue(u"filtering"_s).toUtf8()).array().first().toObject();
    QCOMPARE(filter[u"filter_value"_s].toString(), uR"(["1800000000000000001"])"_s);
    QCOMPARE(requests.at(1).queryValue(u"page"_s), u"2"_s);
    QCOMPARE(requests.at(2).queryValue(u"start_date"_s), u"2026-03-31"_s);
    QCOMPARE(requests.at(2).queryValue(u"end_date"_s), u"2026-04-14"_s);
}

void TestTikTokConnector::setDelivery()
{
    Fixture f;
    for (const QString &level : {u"ad"_s, u"adgroup"_s, u"campaign"_s, u"campaign"_s})
        f.server.enqueueJson("POST", kApi + u'/' + level + u"/status/update/"_s, envelope("{}"));
    const QMap<QString, QString> ids = {{u"campaign"_s, u"11"_s}, {u"adgroup"_s, u"22"_s},
                                        {u"ad:cre-bf-video-1"_s, u"33"_s},
                                        {u"video:cre-bf-video-1"_s, u"v1"_s}};
    QVERIFY((*await<PlatformResult<bool>>([&](auto done) {
                f.connector.setDelivery(f.input.account, ids, true, done);
            })).has_value());
    QVERIFY((*await<PlatformResult<bool>>([&](auto done) {
                f.connector.setDelivery(f.input.account, ids, false, done);
            })).has_value());

    QStringList seen;
    for (const RecordedRequest &r : f.server.requests()) {
        const QJsonObject body = r.json();
        QStringList ids;
        for (const QString &key : body.keys()) {
            if (key.endsWith(u"_ids"))
                ids.append(key + u'=' + body[key].toArray().first().toString());
        }
        seen.append(ids.join(u',') + u' ' + body[u"operation_status"_s].toString());
    }
    QCOMPARE(seen, (QStringList{u"ad_ids=33 ENABLE"_s, u"adgroup_ids=22 ENABLE"_s,
                                u"campaign_ids=11 ENABLE"_s, u"campaign_ids=11 DISABLE"_s}));
}

QTEST_GUILESS_MAIN(TestTikTokConnector)
#include "TestTikTokConnector.moc"
