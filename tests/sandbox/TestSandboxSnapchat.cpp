// The JSON literals below join QString and const char*; QStringBuilder's lazy type does not
// convert to QJsonValue inside initializer lists, so this suite builds plain QStrings.
#undef QT_USE_QSTRINGBUILDER

#include "SandboxTestClient.h"
#include "core/sandbox/SandboxHub.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ads::core;
using namespace ads::core::sandbox;
using namespace sandboxtest;

class TestSandboxSnapchat : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheHierarchy();
    void validationErrors_data();
    void validationErrors();
    void partialBatch();
    void segmentsTakeHashedMembers();
    void segmentRules_data();
    void segmentRules();
    void authAndLookupFailures();
    void pagesWithNextLink();
    void updatesAndDeletes();
    void deliveryAndStats();
    void hourlyStats_data();
    void hourlyStats();
    void stateSurvivesRestart();

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    QList<QPair<QByteArray, QByteArray>> token() const;
    HttpResult send(const QByteArray &method, const QString &path, const QJsonObject &body);
    HttpResult get(const QString &path, const QUrlQuery &query = {});
    QString accountPath(const QString &resource) const;
    QString iso(const QDateTime &time) const;

    QJsonObject campaignBody(const QString &name, const QString &status = "PAUSED") const;
    QJsonObject squadBody(const QString &campaignId, const QString &name) const;
    QJsonObject creativeBody(const QString &mediaId) const;
    QJsonObject segmentBody(const QString &name) const;
    QString createOne(const QString &path, const QString &plural, const QJsonObject &item);
    QString readyMedia();
    /** Media, creative, campaign, ad squad and ad; returns {campaign, squad}. */
    QStringList launch(const QString &tag, const QString &status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    SandboxAccount m_account;
    Client m_client;
};

void TestSandboxSnapchat::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    QCOMPARE(m_hub->platforms().size(), 6);
    m_account = m_hub->accounts(Platform::Snapchat).first();
}

void TestSandboxSnapchat::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestSandboxSnapchat::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = m_hub->baseUrl(Platform::Snapchat);
    result.setPath(path);
    result.setQuery(query);
    return result;
}

QList<QPair<QByteArray, QByteArray>> TestSandboxSnapchat::token() const
{
    return {{"Authorization", "Bearer " + m_account.accessToken.toLatin1()},
            {"Content-Type", "application/json"}};
}

HttpResult TestSandboxSnapchat::send(const QByteArray &method,
                                     const QString &path,
                                     const QJsonObject &body)
{
    return m_client.send(method, url(path), token(), QJsonDocument(body).toJson());
}

HttpResult TestSandboxSnapchat::get(const QString &path, const QUrlQuery &query)
{
    return m_client.get(url(path, query), token());
}

QString TestSandboxSnapchat::accountPath(const QString &resource) const
{
    return "/v1/adaccounts/" + m_account.accountId + "/" + resource;
}

QString TestSandboxSnapchat::iso(const QDateTime &time) const
{
    return time.toUTC().toString("yyyy-MM-ddTHH:mm:ss.zzzZ");
}

QJsonObject TestSandboxSnapchat::campaignBody(const QString &name, const QString &status) const
{
    return {{"ad_account_id", m_account.accountId},
            {"name", name},
            {"status", status},
            {"start_time", iso(m_hub->now())},
            {"objective_v2_properties", QJsonObject{{"objective_v2_type", "TRAFFIC"}}}};
}

QJsonObject TestSandboxSnapchat::squadBody(const QString &campaignId, const QString &name) const
{
    return {{"campaign_id", campaignId},
            {"name", name},
            {"type", "SNAP_ADS"},
            {"status", "PAUSED"},
            {"targeting", QJsonObject{{"geos", QJsonArray{QJsonObject{{"country_code", "us"}}}}}},
            {"placement_v2", QJsonObject{{"config", "AUTOMATIC"}}},
            {"billing_event", "IMPRESSION"},
            {"optimization_goal", "SWIPES"},
            {"bid_strategy", "AUTO_BID"},
            {"daily_budget_micro", 20'000'000},
            {"start_time", iso(m_hub->now().addSecs(60))}};
}

QJsonObject TestSandboxSnapchat::creativeBody(const QString &mediaId) const
{
    return {{"ad_account_id", m_account.accountId},
            {"name", "Spring creative"},
            {"type", "WEB_VIEW"},
            {"brand_name", m_account.extra["brandName"]},
            {"headline", "Spring deals up to 40% off"},
            {"top_snap_media_id", mediaId},
            {"call_to_action", "SHOP_NOW"},
            {"profile_properties", QJsonObject{{"profile_id", m_account.extra["profileId"]}}},
            {"web_view_properties", QJsonObject{{"url", "https://shop.example/spring"}}}};
}

QString TestSandboxSnapchat::createOne(const QString &path,
                                       const QString &plural,
                                       const QJsonObject &item)
{
    const HttpResult result = send("POST", path, {{plural, QJsonArray{item}}});
    const QString singular = plural == "media" ? plural : plural.chopped(1);
    const QString id = result.object()[plural][0][singular]["id"].toString();
    if (id.isEmpty())
        qWarning() << result.status << result.body;
    return id;
}

QString TestSandboxSnapchat::readyMedia()
{
    const QString media = createOne(
        accountPath("media"),
        "media",
        {{"name", "spring_image"}, {"type", "IMAGE"}, {"ad_account_id", m_account.accountId}});
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QString("form-data; name=\"file\"; filename=\"spring.png\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, "image/png");
    file.setBody(pngBytes(1080, 1920));
    form->append(file);
    QList<QPair<QByteArray, QByteArray>> auth{token().first()};
    const HttpResult upload =
        m_client.send("POST", url("/v1/media/" + media + "/upload"), auth, {}, form);
    delete form;
    if (upload.object()["result"]["media_status"] != QString("READY"))
        qWarning() << upload.status << upload.body;
    return media;
}

QStringList TestSandboxSnapchat::launch(const QString &tag, const QString &status)
{
    const QString creative =
        createOne(accountPath("creatives"), "creatives", creativeBody(readyMedia()));
    const QString campaign =
        createOne(accountPath("campaigns"), "campaigns", campaignBody("Spring " + tag, status));
    QJsonObject squad = squadBody(campaign, "Squad " + tag);
    squad["status"] = status;
    const QString squadId = createOne("/v1/campaigns/" + campaign + "/adsquads", "adsquads", squad);
    createOne("/v1/adsquads/" + squadId + "/ads",
              "ads",
              {{"ad_squad_id", squadId},
               {"creative_id", creative},
               {"name", "Ad " + tag},
               {"type", "REMOTE_WEBPAGE"},
               {"status", status}});
    return {campaign, squadId};
}

void TestSandboxSnapchat::createsTheHierarchy()
{
    const QStringList ids = launch("[ads:c1]", "PAUSED");
    QVERIFY(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-").match(ids[0]).hasMatch());

    const HttpResult campaign = get("/v1/campaigns/" + ids[0]);
    QCOMPARE(campaign.status, 200);
    QCOMPARE(campaign.object()["request_status"].toString(), QString("SUCCESS"));
    QVERIFY(!campaign.object()["request_id"].toString().isEmpty());
    const QJsonObject wrapped = campaign.object()["campaigns"][0].toObject();
    QCOMPARE(wrapped["sub_request_status"].toString(), QString("SUCCESS"));
    QCOMPARE(wrapped["campaign"]["name"].toString(), QString("Spring [ads:c1]"));
    QVERIFY(wrapped["campaign"]["created_at"].toString().endsWith("Z"));

    QMap<QString, int> counts;
    for (const QJsonValue &object : m_hub->objects(Platform::Snapchat)) {
        ++counts[object["type"].toString()];
        if (object["type"] == QString("adsquad"))
            QCOMPARE(object["fields"]["daily_budget_micro"].toInteger(), 20'000'000);
    }
    QCOMPARE(counts,
             (QMap<QString, int>{
                 {"media", 1}, {"creative", 1}, {"campaign", 1}, {"adsquad", 1}, {"ad", 1}}));
    const HttpResult orgs = get("/v1/me/organizations", QUrlQuery{{"with_ad_accounts", "true"}});
    const QJsonObject account =
        orgs.object()["organizations"][0]["organization"]["ad_accounts"][0].toObject();
    QCOMPARE(account["timezone"].toString(), QString("America/New_York"));
    QCOMPARE(account["currency"].toString(), QString("USD"));
}

void TestSandboxSnapchat::validationErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");

    QTest::newRow("squad under 5 a day")
        << "adsquads"
        << "daily_budget_micro" << QJsonValue(4'999'999) << "E1001";
    QTest::newRow("budget with decimals")
        << "adsquads"
        << "daily_budget_micro" << QJsonValue(20'000'000.5) << "E1001";
    QTest::newRow("no placement") << "adsquads"
                                  << "placement_v2" << QJsonValue() << "E1001";
    QTest::newRow("max bid without a bid")
        << "adsquads"
        << "bid_strategy" << QJsonValue("LOWEST_COST_WITH_MAX_BID") << "E2771";
    QTest::newRow("install goal for traffic")
        << "adsquads"
        << "optimization_goal" << QJsonValue("APP_INSTALLS") << "E1001";
    QTest::newRow("daily and lifetime budgets")
        << "adsquads"
        << "lifetime_budget_micro" << QJsonValue(90'000'000) << "E1001";
    QTest::newRow("headline over 34") << "creatives"
                                      << "headline" << QJsonValue(QString(35, 'h')) << "E1001";
    QTest::newRow("brand over 32") << "creatives"
                                   << "brand_name" << QJsonValue(QString(33, 'b')) << "E1001";
    QTest::newRow("no profile") << "creatives"
                                << "profile_properties" << QJsonValue() << "E1001";
    QTest::newRow("media not uploaded") << "creatives"
                                        << "top_snap_media_id" << QJsonValue("pending") << "E1001";
    QTest::newRow("call to action of another type")
        << "creatives"
        << "call_to_action" << QJsonValue("INSTALL_NOW") << "E1001";
    QTest::newRow("campaign without start") << "campaigns"
                                            << "start_time" << QJsonValue() << "E1001";
}

void TestSandboxSnapchat::validationErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);

    QString path = accountPath(kind);
    QJsonObject item = campaignBody("Spring");
    if (kind == "adsquads") {
        const QString campaign = createOne(accountPath("campaigns"), "campaigns", item);
        path = "/v1/campaigns/" + campaign + "/adsquads";
        item = squadBody(campaign, "Squad");
    } else if (kind == "creatives") {
        item = creativeBody(readyMedia());
    }
    if (value.isNull())
        item.remove(field);
    else
        item[field] = value;
    const int before = int(m_hub->objects(Platform::Snapchat).size());
    const HttpResult result = send("POST", path, {{kind, QJsonArray{item}}});
    QCOMPARE(result.status, 400);
    const QJsonObject body = result.object();
    QCOMPARE(body["request_status"].toString(), QString("ERROR"));
    QCOMPARE(body["error_code"].toString(), code);
    QVERIFY(!body["display_message"].toString().isEmpty());
    QCOMPARE(body[kind][0]["sub_request_status"].toString(), QString("ERROR"));
    QVERIFY2(body[kind][0]["sub_request_error_reason"].toString().contains(
                 field == "lifetime_budget_micro" ? "budget" : field.left(8)),
             result.body.constData());
    QCOMPARE(int(m_hub->objects(Platform::Snapchat).size()), before);
}

void TestSandboxSnapchat::partialBatch()
{
    QJsonObject bad = campaignBody("Broken");
    bad["status"] = "RUNNING";
    const HttpResult result = send(
        "POST", accountPath("campaigns"), {{"campaigns", QJsonArray{campaignBody("Good"), bad}}});
    QCOMPARE(result.status, 200);
    const QJsonArray items = result.object()["campaigns"].toArray();
    QCOMPARE(items[0]["sub_request_status"].toString(), QString("SUCCESS"));
    QCOMPARE(items[1]["sub_request_status"].toString(), QString("ERROR"));
    QVERIFY(items[1]["sub_request_error_reason"].toString().contains("status"));
    QCOMPARE(m_hub->objects(Platform::Snapchat).size(), 1);
}

QJsonObject TestSandboxSnapchat::segmentBody(const QString &name) const
{
    return {{"ad_account_id", m_account.accountId},
            {"name", name},
            {"description", "hashed emails"},
            {"source_type", "FIRST_PARTY"},
            {"retention_in_days", 9999}};
}

void TestSandboxSnapchat::segmentsTakeHashedMembers()
{
    // snapchat.md 7.1 and 7.2: a FIRST_PARTY segment, its members, then targeting.
    const HttpResult created = send(
        "POST", accountPath("segments"), {{"segments", QJsonArray{segmentBody("VIP [ads:a1]")}}});
    QCOMPARE(created.status, 200);
    const QJsonObject wrapped = created.object()["segments"][0].toObject();
    QCOMPARE(wrapped["sub_request_status"].toString(), QString("SUCCESS"));
    const QJsonObject segment = wrapped["segment"].toObject();
    const QString id = segment["id"].toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(segment["source_type"].toString(), QString("FIRST_PARTY"));
    QCOMPARE(segment["retention_in_days"].toInt(), 9999);
    QCOMPARE(segment["upload_status"].toString(), QString("NO_UPLOAD"));
    QCOMPARE(segment["targetable_status"].toString(), QString("NOT_READY"));
    QCOMPARE(segment["approximate_number_users"].toInt(), 0);
    QVERIFY(segment["status"].toString() == "ACTIVE" || segment["status"].toString() == "PENDING");

    const QString hash = "fa922cb41ff930664d4c9ced3c472ce7ecf29a0f8248b7018456e990177fff75";
    const QJsonObject users{{"schema", QJsonArray{"EMAIL_SHA256"}},
                            {"data", QJsonArray{QJsonArray{hash}, QJsonArray{hash.toUpper()}}}};
    const HttpResult badHash =
        send("POST", "/v1/segments/" + id + "/users", {{"users", QJsonArray{users}}});
    QCOMPARE(badHash.status, 400); // digests are lower-case hex
    QJsonObject good = users;
    good["data"] = QJsonArray{QJsonArray{hash},
                              QJsonArray{QString(hash).replace(0, 1, "0")}};
    const HttpResult uploaded =
        send("POST", "/v1/segments/" + id + "/users", {{"users", QJsonArray{good}}});
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.object()["users"][0]["sub_request_status"].toString(), QString("SUCCESS"));
    QCOMPARE(uploaded.object()["users"][0]["user"]["number_uploaded_users"].toInt(), 2);
    const QJsonObject read =
        get("/v1/segments/" + id).object()["segments"][0]["segment"].toObject();
    QCOMPARE(read["upload_status"].toString(), QString("COMPLETE"));
    QCOMPARE(read["targetable_status"].toString(), QString("TOO_FEW_USERS"));

    const HttpResult listed = get(accountPath("segments"), QUrlQuery{{"limit", "50"}});
    QCOMPARE(listed.object()["segments"].toArray().size(), 1);
    QCOMPARE(listed.object()["segments"][0]["segment"]["name"].toString(),
             QString("VIP [ads:a1]"));

    // Ad squads target segments of the account only.
    const QString campaign = createOne(accountPath("campaigns"), "campaigns", campaignBody("S"));
    QJsonObject squad = squadBody(campaign, "Targeted");
    QJsonObject targeting = squad["targeting"].toObject();
    targeting["segments"] = QJsonArray{
        QJsonObject{{"segment_id", QJsonArray{id}}, {"operation", "INCLUDE"}}};
    squad["targeting"] = targeting;
    QVERIFY(!createOne("/v1/campaigns/" + campaign + "/adsquads", "adsquads", squad).isEmpty());
    targeting["segments"] = QJsonArray{
        QJsonObject{{"segment_id", QJsonArray{"5677923948298240"}}, {"operation", "INCLUDE"}}};
    squad["targeting"] = targeting;
    const HttpResult unknown = send("POST",
                                    "/v1/campaigns/" + campaign + "/adsquads",
                                    {{"adsquads", QJsonArray{squad}}});
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.object()["adsquads"][0]["sub_request_error_reason"].toString().contains(
        "segment"));

    QMap<QString, int> counts;
    for (const QJsonValue &object : m_hub->objects(Platform::Snapchat))
        ++counts[object["type"].toString()];
    QCOMPARE(counts["segment"], 1);
}

void TestSandboxSnapchat::segmentRules_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("no source type") << "source_type" << QJsonValue();
    QTest::newRow("unknown source type") << "source_type" << QJsonValue("CRM");
    QTest::newRow("no retention") << "retention_in_days" << QJsonValue();
    QTest::newRow("retention of zero days") << "retention_in_days" << QJsonValue(0);
    QTest::newRow("name over 375") << "name" << QJsonValue(QString(376, 'n'));
    QTest::newRow("another account") << "ad_account_id" << QJsonValue("x");
}

void TestSandboxSnapchat::segmentRules()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject item = segmentBody("Broken");
    if (value.isNull())
        item.remove(field);
    else
        item[field] = value;
    const HttpResult result =
        send("POST", accountPath("segments"), {{"segments", QJsonArray{item}}});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object()["request_status"].toString(), QString("ERROR"));
    QVERIFY2(result.object()["segments"][0]["sub_request_error_reason"].toString().contains(
                 field.left(6)),
             result.body.constData());
    QVERIFY(m_hub->objects(Platform::Snapchat).isEmpty());
}

void TestSandboxSnapchat::authAndLookupFailures()
{
    const HttpResult anonymous = m_client.get(url(accountPath("campaigns")));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.object()["request_status"].toString(), QString("ERROR"));
    QVERIFY(anonymous.object()["error_code"].toString().startsWith("E"));
    QCOMPARE(m_client.get(url(accountPath("campaigns")), {{"Authorization", "Bearer x"}}).status,
             401);
    QCOMPARE(get("/v1/adaccounts/00000000-0000-0000-0000-000000000000/campaigns").status, 403);
    const HttpResult missing = get("/v1/campaigns/00000000-0000-0000-0000-000000000000");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.object()["error_code"].toString(), QString("E3003"));
}

void TestSandboxSnapchat::pagesWithNextLink()
{
    QJsonArray many;
    for (int i = 0; i < 55; ++i)
        many.append(campaignBody(QString("C%1 [ads:c%1]").arg(i)));
    QCOMPARE(send("POST", accountPath("campaigns"), {{"campaigns", many}}).status, 200);

    QStringList names;
    QUrl next = url(accountPath("campaigns"), QUrlQuery{{"limit", "50"}});
    for (int page = 0; page < 4 && next.isValid(); ++page) {
        const HttpResult result = m_client.get(next, token());
        QCOMPARE(result.status, 200);
        for (const QJsonValue &item : result.object()["campaigns"].toArray())
            names.append(item["campaign"]["name"].toString());
        next = QUrl(result.object()["paging"]["next_link"].toString());
    }
    QCOMPARE(names.size(), 55);
    QCOMPARE(names.last(), QString("C54 [ads:c54]"));
    QCOMPARE(get(accountPath("campaigns"), QUrlQuery{{"limit", "10"}}).status, 400);
}

void TestSandboxSnapchat::updatesAndDeletes()
{
    const QString campaign = launch("[ads:c1]", "PAUSED")[0];
    QJsonObject object =
        get("/v1/campaigns/" + campaign).object()["campaigns"][0]["campaign"].toObject();
    for (const char *readOnly : {"created_at", "updated_at", "delivery_status"})
        object.remove(readOnly);
    object["status"] = "ACTIVE";
    const HttpResult put =
        send("PUT", accountPath("campaigns"), {{"campaigns", QJsonArray{object}}});
    QCOMPARE(put.status, 200);
    QCOMPARE(put.object()["campaigns"][0]["campaign"]["status"].toString(), QString("ACTIVE"));

    object["objective_v2_properties"] = QJsonObject{{"objective_v2_type", "SALES"}};
    const HttpResult immutable =
        send("PUT", accountPath("campaigns"), {{"campaigns", QJsonArray{object}}});
    QCOMPARE(immutable.status, 400);
    QCOMPARE(immutable.object()["error_code"].toString(), QString("E2023"));

    QCOMPARE(m_client.send("DELETE", url("/v1/campaigns/" + campaign), token()).status, 200);
    QCOMPARE(get("/v1/campaigns/" + campaign).status, 404);
    QCOMPARE(get(accountPath("campaigns")).object()["campaigns"].toArray().size(), 0);
    const HttpResult withDeleted =
        get(accountPath("campaigns"), QUrlQuery{{"read_deleted_entities", "true"}});
    QCOMPARE(withDeleted.object()["campaigns"][0]["campaign"]["deleted"].toBool(), true);
}

void TestSandboxSnapchat::deliveryAndStats()
{
    const QStringList active = launch("[ads:c1]", "ACTIVE");
    launch("[ads:c2]", "PAUSED");
    m_hub->advanceClock(6 * 24 * 3600);
    const QTimeZone zone("America/New_York");
    const QDate today = m_hub->now().toTimeZone(zone).date();
    const QDateTime start(today.addDays(-7), QTime(0, 0), zone);
    const QDateTime end(today.addDays(1), QTime(0, 0), zone);

    QUrlQuery query{{"granularity", "DAY"},
                    {"fields", "impressions,swipes,spend"},
                    {"start_time", start.toString(Qt::ISODate)},
                    {"end_time", iso(end)}};
    const HttpResult daily = get("/v1/campaigns/" + active[0] + "/stats", query);
    QCOMPARE(daily.status, 200);
    const QJsonObject stat = daily.object()["timeseries_stats"][0]["timeseries_stat"].toObject();
    QCOMPARE(stat["granularity"].toString(), QString("DAY"));
    const QJsonArray series = stat["timeseries"].toArray();
    QCOMPARE(series.size(), 8);
    qint64 spend = 0;
    int spendingDays = 0;
    for (const QJsonValue &day : series) {
        QVERIFY(QRegularExpression("T00:00:00\\.000-0[45]:00$")
                    .match(day["start_time"].toString())
                    .hasMatch());
        const qint64 value = day["stats"]["spend"].toInteger();
        QVERIFY(value <= 20'000'000); // the ad squad's daily budget
        spend += value;
        spendingDays += value > 0 ? 1 : 0;
    }
    QVERIFY2(spendingDays >= 5, daily.body.constData());

    // Query values are percent-decoded like any HTTP server's: an encoded comma in fields and
    // encoded colons in the times mean the same query.
    QUrl encoded = url("/v1/campaigns/" + active[0] + "/stats");
    encoded.setQuery("granularity=DAY&fields=impressions%2Cswipes%2Cspend&start_time="
                         + QUrl::toPercentEncoding(start.toString(Qt::ISODate)) + "&end_time="
                         + QUrl::toPercentEncoding(iso(end)),
                     QUrl::StrictMode);
    QVERIFY(encoded.toEncoded().contains("%2C"));
    const HttpResult sameDays = m_client.get(encoded, token());
    QCOMPARE(sameDays.status, 200);
    QCOMPARE(sameDays.object()["timeseries_stats"], daily.object()["timeseries_stats"]);

    query.removeAllQueryItems("granularity");
    query.addQueryItem("granularity", "TOTAL");
    const HttpResult total = get("/v1/campaigns/" + active[0] + "/stats", query);
    QCOMPARE(total.object()["total_stats"][0]["total_stat"]["stats"]["spend"].toInteger(), spend);

    QUrlQuery utcMidnight{
        {"granularity", "DAY"},
        {"start_time", QDateTime(today.addDays(-7), QTime(0, 0), Qt::UTC).toString(Qt::ISODate)},
        {"end_time", iso(end)}};
    const HttpResult misaligned = get("/v1/adsquads/" + active[1] + "/stats", utcMidnight);
    QCOMPARE(misaligned.status, 400);
    QCOMPARE(misaligned.object()["error_code"].toString(), QString("E1008"));
    const HttpResult accountStats = get(accountPath("stats"), QUrlQuery{{"fields", "impressions"}});
    QCOMPARE(accountStats.object()["error_code"].toString(), QString("E1008"));
    QCOMPARE(get(accountPath("stats"), QUrlQuery{{"fields", "spend"}})
                 .object()["total_stats"][0]["total_stat"]["stats"]["spend"]
                 .toInteger(),
             spend);
}

void TestSandboxSnapchat::stateSurvivesRestart()
{
    const QString campaign = launch("[ads:c1]", "PAUSED")[0];
    m_hub.reset();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    const HttpResult result = get("/v1/campaigns/" + campaign);
    QCOMPARE(result.object()["campaigns"][0]["campaign"]["name"].toString(),
             QString("Spring [ads:c1]"));
}

void TestSandboxSnapchat::hourlyStats_data()
{
    QTest::addColumn<int>("startMinute");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("status");

    QTest::newRow("one day on the hour") << 0 << 1 << 200;
    QTest::newRow("seven days") << 0 << 7 << 200;
    QTest::newRow("off the hour") << 30 << 1 << 400;
    QTest::newRow("eight days") << 0 << 8 << 400;
}

// HOUR stats: times on the hour with the account's local offset, at most 7 days (snapchat.md 4.2),
// and a day's hours add up to its DAY interval.
void TestSandboxSnapchat::hourlyStats()
{
    QFETCH(int, startMinute);
    QFETCH(int, days);
    QFETCH(int, status);

    const QStringList active = launch("[ads:c1]", "ACTIVE");
    m_hub->advanceClock(9 * 24 * 3600);
    const QTimeZone zone("America/New_York");
    const QDate today = m_hub->now().toTimeZone(zone).date();
    const QDateTime start(today.addDays(-days), QTime(0, startMinute), zone);
    const QDateTime end(today, QTime(0, 0), zone);
    QUrlQuery query{{"granularity", "HOUR"},
                    {"fields", "impressions,spend"},
                    {"start_time", iso(start)},
                    {"end_time", iso(end)}};
    const HttpResult hourly = get("/v1/campaigns/" + active[0] + "/stats", query);
    QCOMPARE(hourly.status, status);
    if (status != 200) {
        QCOMPARE(hourly.object()["request_status"].toString(), QString("ERROR"));
        return;
    }
    const QJsonObject stat = hourly.object()["timeseries_stats"][0]["timeseries_stat"].toObject();
    QCOMPARE(stat["granularity"].toString(), QString("HOUR"));
    const QJsonArray hours = stat["timeseries"].toArray();
    QCOMPARE(qint64(hours.size()), start.secsTo(end) / 3600);
    const QRegularExpression onTheHour("T\\d{2}:00:00\\.000-0[45]:00$");
    QMap<QString, qint64> spendByDay;
    for (const QJsonValue &hour : hours) {
        QVERIFY(onTheHour.match(hour["start_time"].toString()).hasMatch());
        spendByDay[hour["start_time"].toString().left(10)] += hour["stats"]["spend"].toInteger();
    }

    query.removeAllQueryItems("granularity");
    query.addQueryItem("granularity", "DAY");
    const HttpResult daily = get("/v1/campaigns/" + active[0] + "/stats", query);
    for (const QJsonValue &day : daily.object()["timeseries_stats"][0]["timeseries_stat"]["timeseries"].toArray())
        QCOMPARE(spendByDay.value(day["start_time"].toString().left(10)), day["stats"]["spend"].toInteger());
}

QTEST_GUILESS_MAIN(TestSandboxSnapchat)
#include "TestSandboxSnapchat.moc"
