// The JSON literals below join QString and const char*; QStringBuilder's lazy type does not
// convert to QJsonValue inside initializer lists, so this suite builds plain QStrings.
#undef QT_USE_QSTRINGBUILDER

#include "SandboxTestClient.h"
#include "core/sandbox/SandboxHub.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using namespace ads::core::sandbox;
using namespace sandboxtest;

class TestSandboxPinterest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheHierarchy();
    void uploadsVideoMedia();
    void itemExceptions_data();
    void itemExceptions();
    void authAndEnvelopeFailures();
    void listsWithBookmarks();
    void customerListsBecomeAudiences();
    void audienceRules_data();
    void audienceRules();
    void statusChanges();
    void deliveryAndAnalytics();
    void stateSurvivesRestart();

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    QList<QPair<QByteArray, QByteArray>> token() const;
    HttpResult send(const QByteArray &method, const QString &path, const QJsonDocument &body);
    HttpResult get(const QString &path, const QUrlQuery &query = {});
    QString accountPath(const QString &resource) const;

    QJsonObject campaignBody(const QString &name, const QString &status = "PAUSED") const;
    QJsonObject adGroupBody(const QString &campaignId, const QString &name) const;
    QString createOne(const QString &resource, const QJsonObject &item);
    QString createPin();
    /** Campaign, ad group, Pin and ad; returns the campaign id. */
    QString launch(const QString &tag, const QString &status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    SandboxAccount m_account;
    Client m_client;
};

void TestSandboxPinterest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    m_account = m_hub->accounts(Platform::Pinterest).first();
}

void TestSandboxPinterest::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestSandboxPinterest::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = m_hub->baseUrl(Platform::Pinterest);
    result.setPath(path);
    result.setQuery(query);
    return result;
}

QList<QPair<QByteArray, QByteArray>> TestSandboxPinterest::token() const
{
    return {{"Authorization", "Bearer " + m_account.accessToken.toLatin1()},
            {"Content-Type", "application/json"}};
}

HttpResult TestSandboxPinterest::send(const QByteArray &method,
                                      const QString &path,
                                      const QJsonDocument &body)
{
    return m_client.send(method, url(path), token(), body.toJson(QJsonDocument::Compact));
}

HttpResult TestSandboxPinterest::get(const QString &path, const QUrlQuery &query)
{
    return m_client.get(url(path, query), token());
}

QString TestSandboxPinterest::accountPath(const QString &resource) const
{
    return "/v5/ad_accounts/" + m_account.accountId + "/" + resource;
}

QJsonObject TestSandboxPinterest::campaignBody(const QString &name, const QString &status) const
{
    return {{"ad_account_id", m_account.accountId},
            {"name", name},
            {"objective_type", "CONSIDERATION"},
            {"status", status},
            {"daily_spend_cap", 25'000'000}};
}

QJsonObject TestSandboxPinterest::adGroupBody(const QString &campaignId, const QString &name) const
{
    return {{"campaign_id", campaignId},
            {"name", name},
            {"billable_event", "CLICKTHROUGH"},
            {"budget_in_micro_currency", 20'000'000},
            {"bid_in_micro_currency", m_account.extra["bidMicros"].toLongLong()},
            {"status", "PAUSED"},
            {"start_time", m_hub->now().toSecsSinceEpoch() + 60},
            {"targeting_spec", QJsonObject{{"LOCATION", QJsonArray{"US"}}}}};
}

QString TestSandboxPinterest::createOne(const QString &resource, const QJsonObject &item)
{
    const HttpResult result = send("POST", accountPath(resource), QJsonDocument(QJsonArray{item}));
    if (!result.object()["items"][0]["data"]["id"].isString())
        qWarning() << result.status << result.body;
    return result.object()["items"][0]["data"]["id"].toString();
}

QString TestSandboxPinterest::createPin()
{
    const QJsonObject body{
        {"board_id", m_account.extra["boardId"]},
        {"title", "Spring sale"},
        {"description", "Up to 40% off"},
        {"link", "https://shop.example/spring"},
        {"media_source",
         QJsonObject{{"source_type", "image_base64"},
                     {"content_type", "image/png"},
                     {"data", QString::fromLatin1(pngBytes(1000, 1500).toBase64())}}}};
    const HttpResult result = send("POST", "/v5/pins", QJsonDocument(body));
    if (result.status != 201)
        qWarning() << result.status << result.body;
    return result.object()["id"].toString();
}

QString TestSandboxPinterest::launch(const QString &tag, const QString &status)
{
    const QString campaign = createOne("campaigns", campaignBody("Spring " + tag, status));
    QJsonObject group = adGroupBody(campaign, "Group " + tag);
    group["status"] = status;
    const QString adGroup = createOne("ad_groups", group);
    createOne("ads",
              {{"ad_group_id", adGroup},
               {"creative_type", "REGULAR"},
               {"pin_id", createPin()},
               {"name", "Ad " + tag},
               {"status", status}});
    return campaign;
}

void TestSandboxPinterest::createsTheHierarchy()
{
    QJsonObject bad = campaignBody("Broken");
    bad.remove("objective_type");
    const HttpResult batch = send(
        "POST", accountPath("campaigns"), QJsonDocument(QJsonArray{campaignBody("Spring"), bad}));
    QCOMPARE(batch.status, 200);
    const QJsonArray items = batch.object()["items"].toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject campaign = items[0]["data"].toObject();
    QVERIFY(QRegularExpression("^\\d+$").match(campaign["id"].toString()).hasMatch());
    QCOMPARE(campaign["daily_spend_cap"].toInteger(), 25'000'000);
    QCOMPARE(campaign["type"].toString(), QString("campaign"));
    QCOMPARE(campaign["summary_status"].toString(), QString("PAUSED"));
    QCOMPARE(items[0]["exceptions"].toArray().size(), 0);
    QVERIFY(!items[1].toObject().contains("data"));
    QCOMPARE(items[1]["exceptions"][0]["code"].toInt(), 1);

    const QString adGroup = createOne("ad_groups", adGroupBody(campaign["id"].toString(), "G"));
    const QString pin = createPin();
    QVERIFY(!pin.isEmpty());
    QCOMPARE(get("/v5/pins/" + pin).object()["board_id"].toString(), m_account.extra["boardId"]);
    const HttpResult ad = send("POST",
                               accountPath("ads"),
                               QJsonDocument(QJsonArray{QJsonObject{{"ad_group_id", adGroup},
                                                                    {"creative_type", "REGULAR"},
                                                                    {"pin_id", pin},
                                                                    {"status", "PAUSED"}}}));
    QCOMPARE(ad.object()["items"][0]["data"]["type"].toString(), QString("pinpromotion"));
    QCOMPARE(ad.object()["items"][0]["data"]["campaign_id"].toString(), campaign["id"].toString());

    QMap<QString, int> counts;
    for (const QJsonValue &object : m_hub->objects(Platform::Pinterest)) {
        ++counts[object["type"].toString()];
        if (object["type"] == QString("ad_group"))
            QCOMPARE(object["fields"]["budget_in_micro_currency"].toInteger(), 20'000'000);
    }
    QCOMPARE(counts, (QMap<QString, int>{{"campaign", 1}, {"ad_group", 1}, {"pin", 1}, {"ad", 1}}));
}

void TestSandboxPinterest::uploadsVideoMedia()
{
    const HttpResult media =
        send("POST", "/v5/media", QJsonDocument(QJsonObject{{"media_type", "video"}}));
    QCOMPARE(media.status, 201);
    const QString id = media.object()["media_id"].toString();
    QCOMPARE(get("/v5/media/" + id).object()["status"].toString(), QString("registered"));

    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const QJsonObject parameters = media.object()["upload_parameters"].toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QString("form-data; name=\"%1\"").arg(it.key()));
        part.setBody(it.value().toString().toUtf8());
        form->append(part);
    }
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QString("form-data; name=\"file\"; filename=\"clip.mp4\""));
    file.setBody(QByteArray("\0\0\0\x18"
                            "ftypmp42 video",
                            18));
    form->append(file);
    const HttpResult upload =
        m_client.send("POST", QUrl(media.object()["upload_url"].toString()), {}, {}, form);
    delete form;
    QCOMPARE(upload.status, 204);
    QCOMPARE(get("/v5/media/" + id).object()["status"].toString(), QString("succeeded"));

    const QJsonObject pin{{"board_id", m_account.extra["boardId"]},
                          {"title", "Clip"},
                          {"media_source",
                           QJsonObject{{"source_type", "video_id"},
                                       {"media_id", id},
                                       {"cover_image_key_frame_time", 1}}}};
    QCOMPARE(send("POST", "/v5/pins", QJsonDocument(pin)).status, 201);
}

void TestSandboxPinterest::itemExceptions_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("code");

    QTest::newRow("both spend caps") << "campaigns"
                                     << "lifetime_spend_cap" << QJsonValue(100'000'000) << 1;
    QTest::newRow("deprecated objective") << "campaigns"
                                          << "objective_type" << QJsonValue("WEB_SESSIONS") << 1;
    QTest::newRow("cap below one dollar") << "campaigns"
                                          << "daily_spend_cap" << QJsonValue(999'999) << 2639;
    QTest::newRow("times in milliseconds") << "campaigns"
                                           << "start_time" << QJsonValue(1'900'000'000'000.0) << 1;
    QTest::newRow("no ad group budget") << "ad_groups"
                                        << "budget_in_micro_currency" << QJsonValue() << 1;
    QTest::newRow("no bid for clicks") << "ad_groups"
                                       << "bid_in_micro_currency" << QJsonValue() << 1;
    QTest::newRow("lifetime without end") << "ad_groups"
                                          << "budget_type" << QJsonValue("LIFETIME") << 1;
    QTest::newRow("no location") << "ad_groups"
                                 << "targeting_spec"
                                 << QJsonValue(QJsonObject{{"GENDER", QJsonArray{"female"}}}) << 1;
    QTest::newRow("unknown campaign") << "ad_groups"
                                      << "campaign_id" << QJsonValue("123") << 2;
    QTest::newRow("unknown pin") << "ads"
                                 << "pin_id" << QJsonValue("123") << 2;
    QTest::newRow("video ad on an image pin") << "ads"
                                              << "creative_type" << QJsonValue("VIDEO") << 1;
}

void TestSandboxPinterest::itemExceptions()
{
    QFETCH(QString, resource);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, code);

    QJsonObject item = campaignBody("Spring");
    if (resource != "campaigns") {
        const QString campaign = createOne("campaigns", campaignBody("Parent"));
        item = adGroupBody(campaign, "Group");
        if (resource == "ads")
            item = {{"ad_group_id", createOne("ad_groups", item)},
                    {"creative_type", "REGULAR"},
                    {"pin_id", createPin()}};
    }
    if (value.isUndefined())
        item.remove(field);
    else
        item[field] = value;
    const int before = int(m_hub->objects(Platform::Pinterest).size());
    const HttpResult result = send("POST", accountPath(resource), QJsonDocument(QJsonArray{item}));
    QCOMPARE(result.status, 200);
    const QJsonValue exceptions = result.object()["items"][0]["exceptions"];
    // Ads carry one exception object, the others an array (pinterest.md 2.1).
    const QJsonObject exception =
        resource == "ads" ? exceptions.toObject() : exceptions[0].toObject();
    QCOMPARE(exception["code"].toInt(), code);
    QVERIFY(!exception["message"].toString().isEmpty());
    QCOMPARE(int(m_hub->objects(Platform::Pinterest).size()), before);
}

void TestSandboxPinterest::authAndEnvelopeFailures()
{
    const HttpResult anonymous = m_client.get(url(accountPath("campaigns")));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.object(), (QJsonObject{{"code", 2}, {"message", "Authentication failed."}}));
    const HttpResult wrong =
        m_client.get(url(accountPath("campaigns")), {{"Authorization", "Bearer pina_nope"}});
    QCOMPARE(wrong.status, 401);

    const HttpResult other = get("/v5/ad_accounts/1/campaigns");
    QCOMPARE(other.status, 403);
    QCOMPARE(other.object()["code"].toInt(), 29);

    const HttpResult notArray =
        send("POST", accountPath("campaigns"), QJsonDocument(campaignBody("Spring")));
    QCOMPARE(notArray.status, 400);
    QCOMPARE(notArray.object()["code"].toInt(), 1);
    QJsonArray many;
    for (int i = 0; i < 31; ++i)
        many.append(campaignBody(QString("C%1").arg(i)));
    QCOMPARE(send("POST", accountPath("campaigns"), QJsonDocument(many)).status, 400);
    QCOMPARE(m_hub->objects(Platform::Pinterest).size(), 0);
}

void TestSandboxPinterest::listsWithBookmarks()
{
    for (const QString name : {"A [ads:c1]", "B [ads:c2]", "C [ads:c3]"})
        createOne("campaigns", campaignBody(name));
    const QString archived = createOne("campaigns", campaignBody("D [ads:c4]"));
    send("PATCH",
         accountPath("campaigns"),
         QJsonDocument(QJsonArray{QJsonObject{
             {"id", archived}, {"ad_account_id", m_account.accountId}, {"status", "ARCHIVED"}}}));

    QStringList names;
    QString bookmark;
    for (int page = 0; page < 5; ++page) {
        QUrlQuery query{{"page_size", "2"}};
        if (!bookmark.isEmpty())
            query.addQueryItem("bookmark", bookmark);
        const HttpResult result = get(accountPath("campaigns"), query);
        for (const QJsonValue &item : result.object()["items"].toArray())
            names.append(item["name"].toString());
        bookmark = result.object()["bookmark"].toString();
        if (result.object()["bookmark"].isNull())
            break;
    }
    QCOMPARE(names, (QStringList{"A [ads:c1]", "B [ads:c2]", "C [ads:c3]"})); // ACTIVE+PAUSED

    const HttpResult all =
        get(accountPath("campaigns"),
            QUrlQuery{{"entity_statuses", "ACTIVE,PAUSED,ARCHIVED"}, {"order", "DESCENDING"}});
    QCOMPARE(all.object()["items"].toArray().size(), 4);
    QCOMPARE(all.object()["items"][0]["name"].toString(), QString("D [ads:c4]"));
    QCOMPARE(get(accountPath("campaigns"), QUrlQuery{{"page_size", "251"}}).status, 400);
}

// SHA-256 of "abc@test.com" and "ada@example.com", the reference's own example records.
const QString kHashA = "fa922cb41ff930664d4c9ced3c472ce7ecf29a0f8248b7018456e990177fff75";
const QString kHashB = "b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72";

void TestSandboxPinterest::customerListsBecomeAudiences()
{
    // pinterest.md 7: a customer list, then a CUSTOMER_LIST audience over it, then targeting.
    const HttpResult list = send("POST",
                                 accountPath("customer_lists"),
                                 QJsonDocument(QJsonObject{{"name", "CRM [ads:a1]"},
                                                           {"list_type", "EMAIL"},
                                                           {"records", kHashA + "," + kHashB}}));
    QCOMPARE(list.status, 200);
    const QString listId = list.object()["id"].toString();
    QVERIFY(QRegularExpression("^\\d+$").match(listId).hasMatch());
    QCOMPARE(list.object()["type"].toString(), QString("customerlist"));
    QCOMPARE(list.object()["ad_account_id"].toString(), m_account.accountId);
    QCOMPARE(list.object()["num_uploaded_user_records"].toInt(), 2);
    QCOMPARE(list.object()["num_batches"].toInt(), 1);
    QCOMPARE(list.object()["status"].toString(), QString("TOO_SMALL")); // fewer than 100 users
    QVERIFY(!list.object().contains("records")); // raw records are not kept after matching
    QCOMPARE(get(accountPath("customer_lists/") + listId).object()["name"].toString(),
             QString("CRM [ads:a1]"));
    QCOMPARE(get(accountPath("customer_lists")).object()["items"][0]["id"].toString(), listId);

    const HttpResult added = send("PATCH",
                                  accountPath("customer_lists/") + listId,
                                  QJsonDocument(QJsonObject{{"operation_type", "ADD"},
                                                            {"records", kHashA}}));
    QCOMPARE(added.status, 200);
    QCOMPARE(added.object()["num_uploaded_user_records"].toInt(), 3); // duplicates count too
    QCOMPARE(added.object()["num_batches"].toInt(), 2);

    const HttpResult audience =
        send("POST",
             accountPath("audiences"),
             QJsonDocument(QJsonObject{{"ad_account_id", m_account.accountId},
                                       {"name", "CRM audience [ads:a1]"},
                                       {"audience_type", "CUSTOMER_LIST"},
                                       {"rule", QJsonObject{{"customer_list_id", listId}}}}));
    QCOMPARE(audience.status, 200);
    const QString audienceId = audience.object()["id"].toString();
    QVERIFY(QRegularExpression("^\\d+$").match(audienceId).hasMatch());
    QVERIFY(audienceId != listId);
    QCOMPARE(audience.object()["type"].toString(), QString("audience"));
    QCOMPARE(audience.object()["audience_type"].toString(), QString("CUSTOMER_LIST"));
    QCOMPARE(audience.object()["rule"]["customer_list_id"].toString(), listId);
    QCOMPARE(audience.object()["status"].toString(), QString("TOO_SMALL"));
    QVERIFY(audience.object()["created_timestamp"].isDouble());

    const HttpResult owned = get(accountPath("audiences"), QUrlQuery{{"page_size", "250"}});
    QCOMPARE(owned.object()["items"].toArray().size(), 1);
    QCOMPARE(owned.object()["items"][0]["name"].toString(), QString("CRM audience [ads:a1]"));
    QVERIFY(owned.object()["bookmark"].isNull());
    QCOMPARE(get(accountPath("audiences"), QUrlQuery{{"ownership_type", "RECEIVED"}})
                 .object()["items"].toArray().size(),
             0);
    QCOMPARE(get(accountPath("audiences/") + audienceId).object()["id"].toString(), audienceId);
    QCOMPARE(get(accountPath("audiences/999")).status, 404);

    // Targeting takes the audience, not the customer list under it.
    const QString campaign = createOne("campaigns", campaignBody("Spring"));
    QJsonObject group = adGroupBody(campaign, "Targeted");
    group["targeting_spec"] = QJsonObject{{"LOCATION", QJsonArray{"US"}},
                                          {"AUDIENCE_INCLUDE", QJsonArray{audienceId}}};
    QVERIFY(!createOne("ad_groups", group).isEmpty());
    group["targeting_spec"] = QJsonObject{{"LOCATION", QJsonArray{"US"}},
                                          {"AUDIENCE_INCLUDE", QJsonArray{listId}}};
    const HttpResult wrong =
        send("POST", accountPath("ad_groups"), QJsonDocument(QJsonArray{group}));
    QCOMPARE(wrong.status, 200);
    QVERIFY(!wrong.object()["items"][0].toObject().contains("data"));
    QCOMPARE(wrong.object()["items"][0]["exceptions"][0]["code"].toInt(), 1);

    QMap<QString, int> counts;
    for (const QJsonValue &object : m_hub->objects(Platform::Pinterest))
        ++counts[object["type"].toString()];
    QCOMPARE(counts["customer_list"], 1);
    QCOMPARE(counts["audience"], 1);
}

void TestSandboxPinterest::audienceRules_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");

    QTest::newRow("list without records")
        << "customer_lists" << QJsonObject{{"name", "L"}, {"records", ""}};
    QTest::newRow("list without name") << "customer_lists" << QJsonObject{{"records", kHashA}};
    QTest::newRow("upper-case email")
        << "customer_lists" << QJsonObject{{"name", "L"}, {"records", "Ada@Example.com"}};
    QTest::newRow("unknown list type")
        << "customer_lists"
        << QJsonObject{{"name", "L"}, {"list_type", "PHONE"}, {"records", kHashA}};
    QTest::newRow("plain MAID")
        << "customer_lists"
        << QJsonObject{{"name", "L"}, {"list_type", "MAID"}, {"records", "not-a-hash"}};
    QTest::newRow("audience without rule")
        << "audiences" << QJsonObject{{"name", "A"}, {"audience_type", "CUSTOMER_LIST"}};
    QTest::newRow("audience of an unknown list")
        << "audiences"
        << QJsonObject{{"name", "A"},
                       {"audience_type", "CUSTOMER_LIST"},
                       {"rule", QJsonObject{{"customer_list_id", "123"}}}};
    QTest::newRow("unknown audience type")
        << "audiences"
        << QJsonObject{{"name", "A"}, {"audience_type", "LOOKALIKE"}, {"rule", QJsonObject()}};
    QTest::newRow("visitor retention over 540 days")
        << "audiences"
        << QJsonObject{{"name", "A"},
                       {"audience_type", "VISITOR"},
                       {"rule", QJsonObject{{"retention_days", 541}}}};
    QTest::newRow("actalike outside US, CA, GB")
        << "audiences"
        << QJsonObject{{"name", "A"},
                       {"audience_type", "ACTALIKE"},
                       {"rule",
                        QJsonObject{{"seed_id", QJsonArray{"1"}},
                                    {"country", "DE"},
                                    {"percentage", 5}}}};
    QTest::newRow("engagement without domain")
        << "audiences"
        << QJsonObject{{"name", "A"}, {"audience_type", "ENGAGEMENT"}, {"rule", QJsonObject()}};
    QTest::newRow("another account")
        << "audiences"
        << QJsonObject{{"ad_account_id", "1"},
                       {"name", "A"},
                       {"audience_type", "VISITOR"},
                       {"rule", QJsonObject{{"retention_days", 30}}}};
}

void TestSandboxPinterest::audienceRules()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    const HttpResult result = send("POST", accountPath(path), QJsonDocument(body));
    QCOMPARE(result.status, 400);
    QVERIFY(result.object()["code"].isDouble());
    QVERIFY(!result.object()["message"].toString().isEmpty());
    QVERIFY(m_hub->objects(Platform::Pinterest).isEmpty());
}

void TestSandboxPinterest::statusChanges()
{
    const QString campaign = launch("[ads:c1]", "ACTIVE");
    const auto patch = [&](const QJsonObject &item) -> const QJsonObject {
        return send("PATCH", accountPath("campaigns"), QJsonDocument(QJsonArray{item}))
            .object()["items"][0]
            .toObject();
    };
    const QJsonObject account{{"id", campaign}, {"ad_account_id", m_account.accountId}};
    QJsonObject pause = account;
    pause["status"] = "PAUSED";
    QCOMPARE(patch(pause)["data"]["status"].toString(), QString("PAUSED"));
    QCOMPARE(get(accountPath("campaigns/") + campaign).object()["summary_status"].toString(),
             QString("PAUSED"));

    QJsonObject objective = account;
    objective["objective_type"] = "AWARENESS"; // DRAFT-only
    QCOMPARE(patch(objective)["exceptions"][0]["code"].toInt(), 1);
    QCOMPARE(patch({{"id", campaign}, {"status", "ACTIVE"}})["exceptions"][0]["code"].toInt(),
             1); // a campaign update needs ad_account_id

    QJsonObject archive = account;
    archive["status"] = "ARCHIVED";
    QCOMPARE(patch(archive)["data"]["status"].toString(), QString("ARCHIVED"));
    QJsonObject revive = account;
    revive["status"] = "ACTIVE";
    QVERIFY(patch(revive)["exceptions"][0]["message"].toString().contains("ARCHIVED"));
}

void TestSandboxPinterest::deliveryAndAnalytics()
{
    const QString active = launch("[ads:c1]", "ACTIVE");
    const QString paused = launch("[ads:c2]", "PAUSED");
    m_hub->advanceClock(6 * 24 * 3600);
    const QDate today = m_hub->now().date(); // UTC report days

    QUrlQuery query{{"start_date", today.addDays(-10).toString(Qt::ISODate)},
                    {"end_date", today.toString(Qt::ISODate)},
                    {"campaign_ids", active + "," + paused},
                    {"columns", "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,CTR"},
                    {"granularity", "DAY"}};
    const HttpResult daily = get(accountPath("campaigns/analytics"), query);
    QCOMPARE(daily.status, 200);
    const QJsonArray rows = daily.array();
    QVERIFY2(rows.size() >= 5, daily.body.constData());
    qint64 spend = 0;
    for (const QJsonValue &row : rows) {
        QCOMPARE(row["CAMPAIGN_ID"].toString(), active);
        QVERIFY(
            QRegularExpression("^\\d{4}-\\d{2}-\\d{2}$").match(row["DATE"].toString()).hasMatch());
        QVERIFY(row["SPEND_IN_MICRO_DOLLAR"].isDouble());
        QVERIFY(row["SPEND_IN_MICRO_DOLLAR"].toInteger() <= 20'000'000); // the ad group budget
        QCOMPARE(row["SPEND_IN_MICRO_DOLLAR"].toInteger() % 10'000, 0);  // whole cents
        spend += row["SPEND_IN_MICRO_DOLLAR"].toInteger();
    }
    query.removeAllQueryItems("granularity");
    query.addQueryItem("granularity", "TOTAL");
    const QJsonArray total = get(accountPath("campaigns/analytics"), query).array();
    QCOMPARE(total.size(), 1);
    QCOMPARE(total[0]["SPEND_IN_MICRO_DOLLAR"].toInteger(), spend);
    QVERIFY(!total[0].toObject().contains("DATE"));

    query.removeAllQueryItems("start_date");
    query.addQueryItem("start_date", today.addDays(-91).toString(Qt::ISODate));
    const HttpResult old = get(accountPath("campaigns/analytics"), query);
    QCOMPARE(old.status, 400);
    QCOMPARE(old.object()["code"].toInt(), 400);
}

void TestSandboxPinterest::stateSurvivesRestart()
{
    const QString campaign = launch("[ads:c1]", "PAUSED");
    m_hub.reset();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    const HttpResult result = get(accountPath("campaigns/") + campaign);
    QCOMPARE(result.object()["name"].toString(), QString("Spring [ads:c1]"));
    QCOMPARE(result.object()["daily_spend_cap"].toInteger(), 25'000'000);
}

QTEST_GUILESS_MAIN(TestSandboxPinterest)
#include "TestSandboxPinterest.moc"
