// The JSON literals below join QString and const char*; QStringBuilder's lazy type does not
// convert to QJsonValue inside initializer lists, so this suite builds plain QStrings.
#undef QT_USE_QSTRINGBUILDER

#include "SandboxTestClient.h"
#include "core/sandbox/SandboxHub.h"
#include "core/sandbox/TikTokRules.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ads::core;
using namespace ads::core::sandbox;
using namespace sandboxtest;

class TestSandboxTikTok : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheHierarchyOnce();
    void validationErrors_data();
    void validationErrors();
    void authAndPathFailures_data();
    void authAndPathFailures();
    void findsByNameFilterWithPaging();
    void uploadTypes_data();
    void uploadTypes();
    void materialNamesAndLookups();
    void requestIdMakesCreatesIdempotent();
    void statusChanges();
    void deliveryAndReport();
    void hourlyReport();
    void stateSurvivesRestart();

private:
    QUrl url(const QString &endpoint, const QUrlQuery &query = {}) const;
    QList<QPair<QByteArray, QByteArray>> token() const;
    HttpResult post(const QString &endpoint, QJsonObject body);
    HttpResult get(const QString &endpoint, QUrlQuery query);
    HttpResult upload(const QString &endpoint,
                      const QString &field,
                      const QByteArray &bytes,
                      const QString &fileName,
                      const QString &signatureField,
                      const QList<QPair<QString, QString>> &extra = {});
    QJsonObject campaignBody(const QString &name) const;
    QJsonObject adGroupBody(const QString &campaignId, const QString &name) const;
    /** Campaign, ad group, image, video and ad; returns the campaign id. */
    QString launch(const QString &tag, const QString &status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    SandboxAccount m_account;
    Client m_client;
    int m_files = 0;
};

void TestSandboxTikTok::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    m_account = m_hub->accounts(Platform::TikTok).first();
}

void TestSandboxTikTok::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestSandboxTikTok::url(const QString &endpoint, const QUrlQuery &query) const
{
    QUrl result = m_hub->baseUrl(Platform::TikTok);
    result.setPath("/open_api/v1.3/" + endpoint);
    result.setQuery(query);
    return result;
}

QList<QPair<QByteArray, QByteArray>> TestSandboxTikTok::token() const
{
    return {{"Access-Token", m_account.accessToken.toLatin1()}};
}

HttpResult TestSandboxTikTok::post(const QString &endpoint, QJsonObject body)
{
    body.insert("advertiser_id", m_account.accountId);
    return m_client.postJson(url(endpoint), body, token());
}

HttpResult TestSandboxTikTok::get(const QString &endpoint, QUrlQuery query)
{
    query.addQueryItem("advertiser_id", m_account.accountId);
    return m_client.get(url(endpoint, query), token());
}

HttpResult TestSandboxTikTok::upload(const QString &endpoint,
                                     const QString &field,
                                     const QByteArray &bytes,
                                     const QString &fileName,
                                     const QString &signatureField,
                                     const QList<QPair<QString, QString>> &extra)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const auto text = [multipart](const QString &name, const QString &value) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QString("form-data; name=\"%1\"").arg(name));
        part.setBody(value.toUtf8());
        multipart->append(part);
    };
    text("advertiser_id", m_account.accountId);
    for (const auto &[name, value] : extra)
        text(name, value);
    if (!field.isEmpty()) {
        const QByteArray md5 = QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex();
        text(signatureField, QString::fromLatin1(md5));
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QString("form-data; name=\"%1\"; filename=\"%2\"").arg(field, fileName));
        file.setBody(bytes);
        multipart->append(file);
    }
    const HttpResult result = m_client.send("POST", url(endpoint), token(), {}, multipart);
    delete multipart;
    return result;
}

QJsonObject TestSandboxTikTok::campaignBody(const QString &name) const
{
    return {{"campaign_name", name},
            {"objective_type", "TRAFFIC"},
            {"budget_mode", "BUDGET_MODE_DAY"},
            {"budget", 50.0},
            {"operation_status", "DISABLE"}};
}

QJsonObject TestSandboxTikTok::adGroupBody(const QString &campaignId, const QString &name) const
{
    const QDateTime start = m_hub->now().addSecs(60);
    return {{"campaign_id", campaignId},
            {"adgroup_name", name},
            {"promotion_type", "WEBSITE"},
            {"placement_type", "PLACEMENT_TYPE_NORMAL"},
            {"placements", QJsonArray{"PLACEMENT_TIKTOK"}},
            {"location_ids", QJsonArray{"6252001"}},
            {"age_groups", QJsonArray{"AGE_18_24", "AGE_25_34"}},
            {"budget_mode", "BUDGET_MODE_DAY"},
            {"budget", 20.0},
            {"schedule_type", "SCHEDULE_START_END"},
            {"schedule_start_time", start.toString("yyyy-MM-dd HH:mm:ss")},
            {"schedule_end_time", start.addDays(30).toString("yyyy-MM-dd HH:mm:ss")},
            {"optimization_goal", "CLICK"},
            {"billing_event", "CPC"},
            {"bid_type", "BID_TYPE_NO_BID"},
            {"pacing", "PACING_MODE_SMOOTH"},
            {"operation_status", "DISABLE"}};
}

QString TestSandboxTikTok::launch(const QString &tag, const QString &status)
{
    const QString campaign = post("campaign/create/", campaignBody("Spring " + tag))
                                 .object()["data"]["campaign_id"]
                                 .toString();
    const QString adGroup = post("adgroup/create/", adGroupBody(campaign, "Group " + tag))
                                .object()["data"]["adgroup_id"]
                                .toString();
    const QString image = upload("file/image/ad/upload/",
                                 "image_file",
                                 pngBytes(720, 1280),
                                 QString("cover-%1.png").arg(++m_files),
                                 "image_signature")
                              .object()["data"]["image_id"]
                              .toString();
    const QString video = upload("file/video/ad/upload/",
                                 "video_file",
                                 QByteArray("\0\0\0\x18"
                                            "ftypmp42 video",
                                            18),
                                 QString("clip-%1.mp4").arg(++m_files),
                                 "video_signature")
                              .object()["data"][0]["video_id"]
                              .toString();
    const QJsonObject creative{{"ad_name", "Ad " + tag},
                               {"ad_format", "SINGLE_VIDEO"},
                               {"identity_type", "CUSTOMIZED_USER"},
                               {"identity_id", m_account.extra["identityId"]},
                               {"video_id", video},
                               {"image_ids", QJsonArray{image}},
                               {"ad_text", "Spring deals up to 40% off"},
                               {"call_to_action", "SHOP_NOW"},
                               {"landing_page_url", "https://shop.example/spring"},
                               {"operation_status", "DISABLE"}};
    const HttpResult ad =
        post("ad/create/", {{"adgroup_id", adGroup}, {"creatives", QJsonArray{creative}}});
    if (ad.object()["code"].toInt() != 0)
        qWarning() << ad.body;
    if (status == "ENABLE") {
        post("campaign/status/update/",
             {{"campaign_ids", QJsonArray{campaign}}, {"operation_status", "ENABLE"}});
        post("adgroup/status/update/",
             {{"adgroup_ids", QJsonArray{adGroup}}, {"operation_status", "ENABLE"}});
        post("ad/status/update/",
             {{"ad_ids", ad.object()["data"]["ad_ids"]}, {"operation_status", "ENABLE"}});
    }
    return campaign;
}

void TestSandboxTikTok::createsTheHierarchyOnce()
{
    const QByteArray hashes = QByteArray(64, 'a') + "\n" + QByteArray(64, 'b') + "\n";
    const HttpResult file =
        upload("dmp/custom_audience/file/upload/", "file", hashes, "vip.csv", "file_signature");
    QCOMPARE(file.object()["code"].toInt(), 0);
    const HttpResult audience =
        post("dmp/custom_audience/create/",
             {{"custom_audience_name", "VIP [ads:c1/aud-vip]"},
              {"calculate_type", "EMAIL_SHA256"},
              {"file_paths", QJsonArray{file.object()["data"]["file_path"]}}});
    QCOMPARE(audience.status, 200);
    QCOMPARE(audience.object()["code"].toInt(), 0);
    QCOMPARE(audience.object()["message"].toString(), QString("OK"));
    QVERIFY(!audience.object()["request_id"].toString().isEmpty());

    const QString campaign = launch("[ads:c1/campaign]", "ENABLE");
    QVERIFY(QRegularExpression("^\\d{19}$").match(campaign).hasMatch());

    QMap<QString, int> counts;
    for (const QJsonValue &object : m_hub->objects(Platform::TikTok))
        ++counts[object["type"].toString()];
    QCOMPARE(counts["campaign"], 1);
    QCOMPARE(counts["adgroup"], 1);
    QCOMPARE(counts["ad"], 1);
    QCOMPARE(counts["image"], 1);
    QCOMPARE(counts["video"], 1);
    QCOMPARE(counts["custom_audience"], 1);
    for (const QJsonValue &object : m_hub->objects(Platform::TikTok)) {
        if (object["type"] == QString("campaign")) {
            QCOMPARE(object["fields"]["budget"].toDouble(), 50.0); // as sent, a JSON number
            QCOMPARE(object["status"].toString(), QString("ENABLE"));
        }
    }
}

void TestSandboxTikTok::validationErrors_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("code");

    QTest::newRow("campaign budget below 50") << "campaign/create/"
                                              << "budget" << QJsonValue(49.99) << 40002;
    QTest::newRow("legacy objective") << "campaign/create/"
                                      << "objective_type" << QJsonValue("CONVERSIONS") << 40002;
    QTest::newRow("emoji in the name") << "campaign/create/"
                                       << "campaign_name" << QJsonValue("Sale \U0001F525") << 40002;
    QTest::newRow("ad group without locations")
        << "adgroup/create/"
        << "location_ids" << QJsonValue(QJsonArray()) << 40002;
    QTest::newRow("ad group budget below 20") << "adgroup/create/"
                                              << "budget" << QJsonValue(19.0) << 40002;
    QTest::newRow("minors in the US")
        << "adgroup/create/"
        << "age_groups" << QJsonValue(QJsonArray{"AGE_13_17"}) << 40065;
    QTest::newRow("total budget without an end")
        << "adgroup/create/"
        << "schedule_type" << QJsonValue("SCHEDULE_FROM_NOW") << 40002;
    QTest::newRow("goal of another objective")
        << "adgroup/create/"
        << "optimization_goal" << QJsonValue("INSTALL") << 40002;
}

void TestSandboxTikTok::validationErrors()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, code);

    QJsonObject body = campaignBody("Spring");
    if (endpoint == "adgroup/create/") {
        const QString campaign = post("campaign/create/", campaignBody("Parent"))
                                     .object()["data"]["campaign_id"]
                                     .toString();
        body = adGroupBody(campaign, "Group");
        if (field == "schedule_type") {
            body.insert("budget_mode", "BUDGET_MODE_TOTAL");
            body.insert("budget", 600.0);
        }
    }
    body.insert(field, value);
    const int before = int(m_hub->objects(Platform::TikTok).size());
    const HttpResult result = post(endpoint, body);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object()["code"].toInt(), code);
    QVERIFY2(result.object()["message"].toString().contains(field), result.body.constData());
    QCOMPARE(result.object()["data"].toObject(), QJsonObject());
    QCOMPARE(int(m_hub->objects(Platform::TikTok).size()), before);
}

void TestSandboxTikTok::authAndPathFailures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("accessToken");
    QTest::addColumn<QString>("advertiser");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");

    QTest::newRow("no token") << "/open_api/v1.3/campaign/get/" << QByteArray() << QString() << 200
                              << 40104;
    QTest::newRow("bad token") << "/open_api/v1.3/campaign/get/" << QByteArray("nope") << QString()
                               << 200 << 40105;
    QTest::newRow("other advertiser") << "/open_api/v1.3/campaign/get/" << QByteArray("ok")
                                      << QString("7000000000000000001") << 200 << 40001;
    QTest::newRow("old version") << "/open_api/v1.2/campaign/get/" << QByteArray("ok") << QString()
                                 << 200 << 40051;
    QTest::newRow("no trailing slash")
        << "/open_api/v1.3/campaign/get" << QByteArray("ok") << QString() << 404 << -1;
    QTest::newRow("unknown path") << "/open_api/v1.3/campaign/fly/" << QByteArray("ok") << QString()
                                  << 404 << -1;
}

void TestSandboxTikTok::authAndPathFailures()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, accessToken);
    QFETCH(QString, advertiser);
    QFETCH(int, status);
    QFETCH(int, code);

    QUrl target = m_hub->baseUrl(Platform::TikTok);
    target.setPath(path);
    target.setQuery(
        QUrlQuery({{"advertiser_id", advertiser.isEmpty() ? m_account.accountId : advertiser}}));
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!accessToken.isEmpty())
        headers.append(
            {"Access-Token", accessToken == "ok" ? m_account.accessToken.toLatin1() : accessToken});
    const HttpResult result = m_client.get(target, headers);
    QCOMPARE(result.status, status);
    if (code >= 0)
        QCOMPARE(result.object()["code"].toInt(), code);
}

void TestSandboxTikTok::findsByNameFilterWithPaging()
{
    launch("[ads:c1/campaign]", "DISABLE");
    launch("[ads:c2/campaign]", "DISABLE");
    launch("[ads:c2/other]", "DISABLE");

    QSet<QString> names;
    for (int page = 1; page <= 2; ++page) {
        QUrlQuery query;
        query.addQueryItem("filtering",
                           QString::fromUtf8(QUrl::toPercentEncoding(
                               compact(QJsonObject{{"campaign_name", "[ads:c2/"}}))));
        query.addQueryItem("page", QString::number(page));
        query.addQueryItem("page_size", "1");
        const HttpResult result = get("campaign/get/", query);
        QCOMPARE(result.object()["code"].toInt(), 0);
        const QJsonObject info = result.object()["data"]["page_info"].toObject();
        QCOMPARE(info["total_number"].toInt(), 2);
        QCOMPARE(info["total_page"].toInt(), 2);
        names.insert(result.object()["data"]["list"][0]["campaign_name"].toString());
        QVERIFY(result.object()["data"]["list"][0]["campaign_id"].isString());
    }
    QCOMPARE(names, (QSet<QString>{"Spring [ads:c2/campaign]", "Spring [ads:c2/other]"}));

    QUrlQuery tooMany;
    tooMany.addQueryItem("page_size", "1001");
    QCOMPARE(get("campaign/get/", tooMany).object()["code"].toInt(), 40002);
}

void TestSandboxTikTok::uploadTypes_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("uploadType");
    QTest::addColumn<QString>("source"); // "cover", "preview", "image", "video" or a value
    QTest::addColumn<int>("code");

    // tiktok.md 2.4: UPLOAD_BY_URL is a documented upload type; the sandbox fetches nothing
    // from the network, but it knows the media it serves itself.
    QTest::newRow("image from a video's cover URL")
        << "file/image/ad/upload/" << "UPLOAD_BY_URL" << "cover" << 0;
    QTest::newRow("image from an image's URL")
        << "file/image/ad/upload/" << "UPLOAD_BY_URL" << "image" << 0;
    QTest::newRow("image from a foreign URL is a fetch failure")
        << "file/image/ad/upload/" << "UPLOAD_BY_URL" << "https://cdn.example/x.jpg" << 40902;
    QTest::newRow("image URL missing")
        << "file/image/ad/upload/" << "UPLOAD_BY_URL" << "" << 40002;
    QTest::newRow("image from a file id never uploaded")
        << "file/image/ad/upload/" << "UPLOAD_BY_FILE_ID" << "f-1" << 40007;
    QTest::newRow("unknown upload type")
        << "file/image/ad/upload/" << "UPLOAD_BY_MAGIC" << "" << 40002;
    QTest::newRow("video from a video's preview URL")
        << "file/video/ad/upload/" << "UPLOAD_BY_URL" << "preview" << 0;
    QTest::newRow("video from a foreign URL is a fetch failure")
        << "file/video/ad/upload/" << "UPLOAD_BY_URL" << "https://cdn.example/x.mp4" << 40902;
    QTest::newRow("video from a video id") << "file/video/ad/upload/" << "UPLOAD_BY_VIDEO_ID"
                                           << "video" << 0;
    QTest::newRow("video from an unknown video id")
        << "file/video/ad/upload/" << "UPLOAD_BY_VIDEO_ID" << "v10033g5nothing" << 40053;
}

void TestSandboxTikTok::uploadTypes()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, uploadType);
    QFETCH(QString, source);
    QFETCH(int, code);

    const QJsonObject video = upload("file/video/ad/upload/",
                                     "video_file",
                                     QByteArray("\0\0\0\x18"
                                                "ftypmp42 clip",
                                                17),
                                     "clip.mp4",
                                     "video_signature")
                                  .object()["data"][0]
                                  .toObject();
    const QJsonObject image = upload("file/image/ad/upload/",
                                     "image_file",
                                     pngBytes(640, 640),
                                     "square.png",
                                     "image_signature")
                                  .object()["data"]
                                  .toObject();
    QVERIFY(!video["video_id"].toString().isEmpty() && !image["image_id"].toString().isEmpty());

    const bool toImage = endpoint.startsWith("file/image");
    const QString value = source == "cover"     ? video["video_cover_url"].toString()
                          : source == "preview" ? video["preview_url"].toString()
                          : source == "image"   ? image["image_url"].toString()
                          : source == "video"   ? video["video_id"].toString()
                                                : source;
    const QString urlField = toImage ? "image_url" : "video_url";
    const QString field = uploadType == "UPLOAD_BY_URL"       ? urlField
                          : uploadType == "UPLOAD_BY_FILE_ID" ? "file_id"
                                                              : "video_id";
    QList<QPair<QString, QString>> fields{{"upload_type", uploadType},
                                          {"file_name", "copy-" + source.right(20)}};
    if (!value.isEmpty())
        fields.append({field, value});
    const HttpResult result = upload(endpoint, {}, {}, {}, {}, fields);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object()["code"].toInt(), code);
    if (code != 0)
        return;

    const QJsonObject made = toImage ? result.object()["data"].toObject()
                                     : result.object()["data"][0].toObject();
    const QString id = made[toImage ? "image_id" : "video_id"].toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(id != image["image_id"].toString() && id != video["video_id"].toString());
    QCOMPARE(made["file_name"].toString(), "copy-" + source.right(20));
    if (source == "cover") { // the video's frame: the video's shape
        QCOMPARE(made["width"].toInt(), video["width"].toInt());
        QCOMPARE(made["height"].toInt(), video["height"].toInt());
    }
    if (source == "image") {
        QCOMPARE(made["width"].toInt(), 640);
        QCOMPARE(made["signature"].toString(), image["signature"].toString());
    }
}

void TestSandboxTikTok::materialNamesAndLookups()
{
    const auto image = [this](const QString &name) {
        return upload("file/image/ad/upload/",
                      "image_file",
                      pngBytes(720, 1280),
                      "poster.png",
                      "image_signature",
                      {{"file_name", name}})
            .object();
    };
    QCOMPARE(image("ads_c1_cover_a1")["code"].toInt(), 0);
    QCOMPARE(image("ads_c2_cover_b2")["code"].toInt(), 0);
    // file_name is unique per advertiser and takes 1 to 100 characters (tiktok.md 2.4).
    QCOMPARE(image("ads_c1_cover_a1")["code"].toInt(), 40911);
    QCOMPARE(image(QString(101, 'n'))["code"].toInt(), 40002);
    QCOMPARE(image(QString(100, 'n'))["code"].toInt(), 0);

    // The look-ups tiktok.md 5.5 names for a taken name list the library, page by page.
    QStringList names;
    for (int page = 1; page <= 2; ++page) {
        QUrlQuery query;
        query.addQueryItem("page", QString::number(page));
        query.addQueryItem("page_size", "2");
        const HttpResult result = get("file/image/ad/get/", query);
        QCOMPARE(result.object()["code"].toInt(), 0);
        QCOMPARE(result.object()["data"]["page_info"]["total_number"].toInt(), 3);
        for (const QJsonValue &entry : result.object()["data"]["list"].toArray()) {
            QVERIFY(entry["image_id"].isString());
            names.append(entry["file_name"].toString());
        }
    }
    QCOMPARE(names.size(), 3);
    QVERIFY(names.contains("ads_c1_cover_a1") && names.contains("ads_c2_cover_b2"));

    const QJsonObject video = upload("file/video/ad/upload/",
                                     "video_file",
                                     QByteArray("\0\0\0\x18"
                                                "ftypmp42 clip",
                                                17),
                                     "clip.mp4",
                                     "video_signature",
                                     {{"file_name", "ads_c1_video_c3"}})
                                  .object();
    QCOMPARE(video["code"].toInt(), 0);
    const HttpResult videos = get("file/video/ad/search/", {});
    QCOMPARE(videos.object()["code"].toInt(), 0);
    QCOMPARE(videos.object()["data"]["list"][0]["file_name"].toString(),
             QString("ads_c1_video_c3"));
    QCOMPARE(videos.object()["data"]["list"][0]["video_id"].toString(),
             video["data"][0]["video_id"].toString());

    QUrlQuery tooMany;
    tooMany.addQueryItem("page_size", "101"); // video search takes 1 to 100
    QCOMPARE(get("file/video/ad/search/", tooMany).object()["code"].toInt(), 40002);
}

void TestSandboxTikTok::requestIdMakesCreatesIdempotent()
{
    QJsonObject body = campaignBody("Spring [ads:c1/campaign]");
    body.insert("request_id", "8123456789012345678");
    const QString first = post("campaign/create/", body).object()["data"]["campaign_id"].toString();
    const QString second =
        post("campaign/create/", body).object()["data"]["campaign_id"].toString();
    QVERIFY(!first.isEmpty());
    QCOMPARE(second, first);
    QCOMPARE(m_hub->objects(Platform::TikTok).size(), 1);
}

void TestSandboxTikTok::statusChanges()
{
    const QString campaign = launch("[ads:c1/campaign]", "ENABLE");
    QUrlQuery query;
    HttpResult groups = get("adgroup/get/", query);
    QCOMPARE(groups.object()["data"]["list"][0]["secondary_status"].toString(),
             QString("ADGROUP_STATUS_DELIVERY_OK"));

    HttpResult paused =
        post("campaign/status/update/",
             {{"campaign_ids", QJsonArray{campaign}}, {"operation_status", "DISABLE"}});
    QCOMPARE(paused.object()["data"]["campaign_list"][0]["status"].toString(), QString("DISABLE"));
    groups = get("adgroup/get/", query);
    QCOMPARE(groups.object()["data"]["list"][0]["secondary_status"].toString(),
             QString("ADGROUP_STATUS_CAMPAIGN_DISABLE"));

    QCOMPARE(post("campaign/status/update/",
                  {{"campaign_ids", QJsonArray{campaign}}, {"operation_status", "DELETE"}})
                 .object()["code"]
                 .toInt(),
             0);
    QCOMPARE(get("campaign/get/", query).object()["data"]["page_info"]["total_number"].toInt(), 0);
    QCOMPARE(post("campaign/status/update/",
                  {{"campaign_ids", QJsonArray{campaign}}, {"operation_status", "ENABLE"}})
                 .object()["code"]
                 .toInt(),
             40002);
    QJsonArray many;
    for (int i = 0; i < 21; ++i)
        many.append(campaign);
    QCOMPARE(
        post("campaign/status/update/", {{"campaign_ids", many}, {"operation_status", "DISABLE"}})
            .object()["code"]
            .toInt(),
        40002);
}

void TestSandboxTikTok::deliveryAndReport()
{
    const QString campaign = launch("[ads:c1/campaign]", "ENABLE");
    m_hub->advanceClock(6 * 24 * 3600);
    const QDate today = m_hub->now().toOffsetFromUtc(-5 * 3600).date();

    QUrlQuery query;
    query.addQueryItem("report_type", "BASIC");
    query.addQueryItem("data_level", "AUCTION_CAMPAIGN");
    query.addQueryItem("dimensions", R"(["campaign_id","stat_time_day"])");
    query.addQueryItem("metrics", R"(["spend","impressions","clicks","ctr","cpc","conversion"])");
    query.addQueryItem("start_date", today.addDays(-10).toString(Qt::ISODate));
    query.addQueryItem("end_date", today.toString(Qt::ISODate));
    query.addQueryItem("page_size", "1000");
    const HttpResult result = get("report/integrated/get/", query);
    QCOMPARE(result.object()["code"].toInt(), 0);
    const QJsonArray rows = result.object()["data"]["list"].toArray();
    QVERIFY2(rows.size() >= 4, result.body.constData());
    for (const QJsonValue &row : rows) {
        QCOMPARE(row["dimensions"]["campaign_id"].toString(), campaign);
        QVERIFY(QRegularExpression("^\\d{4}-\\d{2}-\\d{2} 00:00:00$")
                    .match(row["dimensions"]["stat_time_day"].toString())
                    .hasMatch());
        const QString spend = row["metrics"]["spend"].toString();
        QVERIFY(QRegularExpression("^\\d+\\.\\d{2}$").match(spend).hasMatch());
        QVERIFY(spend.toDouble() <= 20.0); // the ad group's 20 USD a day, never more
        QVERIFY(row["metrics"]["impressions"].isString());
        QVERIFY(row["metrics"]["ctr"].isString());
    }
    QCOMPARE(result.object()["data"]["page_info"]["total_number"].toInt(), rows.size());

    query.removeAllQueryItems("start_date");
    query.addQueryItem("start_date", today.addDays(-40).toString(Qt::ISODate));
    QCOMPARE(get("report/integrated/get/", query).object()["code"].toInt(), 40002);
}

// stat_time_hour rows are "YYYY-MM-DD HH:00:00", one day per request (tiktok.md 4.1), and add up
// to the day's stat_time_day row.
void TestSandboxTikTok::hourlyReport()
{
    const QString campaign = launch("[ads:c1/campaign]", "ENABLE");
    m_hub->advanceClock(3 * 24 * 3600);
    // The last whole day TikTok has reported: its reports lag, so "yesterday" is not always whole.
    const QDateTime reported = m_hub->now().addMSecs(-sandbox::tiktok::kReportingDelayMs);
    const QDate day = reported.toOffsetFromUtc(-5 * 3600).date().addDays(-1);

    QUrlQuery query;
    query.addQueryItem("report_type", "BASIC");
    query.addQueryItem("data_level", "AUCTION_CAMPAIGN");
    query.addQueryItem("dimensions", R"(["campaign_id","stat_time_hour"])");
    query.addQueryItem("metrics", R"(["spend","impressions"])");
    query.addQueryItem("start_date", day.toString(Qt::ISODate));
    query.addQueryItem("end_date", day.toString(Qt::ISODate));
    query.addQueryItem("page_size", "1000");
    const HttpResult hourly = get("report/integrated/get/", query);
    QCOMPARE(hourly.object()["code"].toInt(), 0);
    const QJsonArray hours = hourly.object()["data"]["list"].toArray();
    QCOMPARE(hours.size(), 24); // a fixed-offset zone: every day has 24 hours
    qint64 impressions = 0;
    const QRegularExpression hourText("^" + day.toString(Qt::ISODate) + " (\\d{2}):00:00$");
    for (const QJsonValue &row : hours) {
        QCOMPARE(row["dimensions"]["campaign_id"].toString(), campaign);
        QVERIFY(hourText.match(row["dimensions"]["stat_time_hour"].toString()).hasMatch());
        impressions += row["metrics"]["impressions"].toString().toLongLong();
    }

    query.removeAllQueryItems("dimensions");
    query.addQueryItem("dimensions", R"(["campaign_id","stat_time_day"])");
    const QJsonArray days = get("report/integrated/get/", query).object()["data"]["list"].toArray();
    QCOMPARE(days.size(), 1);
    QCOMPARE(impressions, days[0]["metrics"]["impressions"].toString().toLongLong());

    query.removeAllQueryItems("dimensions");
    query.addQueryItem("dimensions", R"(["campaign_id","stat_time_hour"])");
    query.removeAllQueryItems("start_date");
    query.addQueryItem("start_date", day.addDays(-1).toString(Qt::ISODate));
    const QJsonObject twoDays = get("report/integrated/get/", query).object();
    QCOMPARE(twoDays["code"].toInt(), 40002);
    QVERIFY(twoDays["message"].toString().contains("end_date"));
}

void TestSandboxTikTok::stateSurvivesRestart()
{
    const QString campaign = launch("[ads:c1/campaign]", "DISABLE");
    m_hub.reset();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    QUrlQuery query;
    query.addQueryItem("filtering",
                       QString::fromUtf8(QUrl::toPercentEncoding(
                           compact(QJsonObject{{"campaign_ids", QJsonArray{campaign}}}))));
    const HttpResult result = get("campaign/get/", query);
    QCOMPARE(result.object()["data"]["list"][0]["campaign_name"].toString(),
             QString("Spring [ads:c1/campaign]"));
    QCOMPARE(result.object()["data"]["list"][0]["budget"].toDouble(), 50.0);
}

QTEST_GUILESS_MAIN(TestSandboxTikTok)
#include "TestSandboxTikTok.moc"
