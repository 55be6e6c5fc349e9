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

class TestSandboxLinkedIn : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheHierarchy();
    void validationErrors_data();
    void validationErrors();
    void authVersionAndSyntaxFailures_data();
    void authVersionAndSyntaxFailures();
    void findsByNameWithCursorPaging();
    void statusChangesAndDeletes();
    void deliveryAndAnalytics();
    void stateSurvivesRestart();

private:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    /** A /rest/ URL whose query is kept exactly as written (Rest.li syntax must stay raw). */
    QUrl url(const QString &path, const QString &rawQuery = {}) const;
    Headers headers(const QByteArray &method = {}) const;
    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &method = {});
    HttpResult get(const QString &path, const QString &rawQuery = {});
    QString accountPath(const QString &resource) const;
    QString urn(const QString &kind, const QString &id) const;

    QJsonObject groupBody(const QString &name) const;
    QJsonObject campaignBody(const QString &groupId, const QString &name) const;
    QString createGroup(const QString &name);
    QString uploadImage();
    /** Group, campaign, image and an inline creative; returns the campaign id. */
    QString launch(const QString &tag, const QString &status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    SandboxAccount m_account;
    Client m_client;
};

void TestSandboxLinkedIn::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    QVERIFY(m_hub->platforms().contains(Platform::LinkedIn));
    m_account = m_hub->accounts(Platform::LinkedIn).first();
}

void TestSandboxLinkedIn::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestSandboxLinkedIn::url(const QString &path, const QString &rawQuery) const
{
    QUrl result = m_hub->baseUrl(Platform::LinkedIn);
    result.setPath(path, QUrl::TolerantMode);
    if (!rawQuery.isEmpty())
        result.setQuery(rawQuery, QUrl::StrictMode);
    return result;
}

TestSandboxLinkedIn::Headers TestSandboxLinkedIn::headers(const QByteArray &method) const
{
    Headers list{{"Authorization", "Bearer " + m_account.accessToken.toLatin1()},
                 {"LinkedIn-Version", m_hub->now().toString("yyyyMM").toLatin1()},
                 {"X-Restli-Protocol-Version", "2.0.0"}};
    if (!method.isEmpty())
        list.append(qMakePair(QByteArray("X-RestLi-Method"), method));
    return list;
}

HttpResult TestSandboxLinkedIn::post(const QString &path,
                                     const QJsonObject &body,
                                     const QByteArray &method)
{
    const int query = path.indexOf('?');
    const QUrl target = query < 0 ? url(path) : url(path.left(query), path.mid(query + 1));
    return m_client.postJson(target, body, headers(method));
}

HttpResult TestSandboxLinkedIn::get(const QString &path, const QString &rawQuery)
{
    return m_client.get(url(path, rawQuery), headers());
}

QString TestSandboxLinkedIn::accountPath(const QString &resource) const
{
    return "/rest/adAccounts/" + m_account.accountId + "/" + resource;
}

QString TestSandboxLinkedIn::urn(const QString &kind, const QString &id) const
{
    return "urn:li:" + kind + ":" + id;
}

QJsonObject TestSandboxLinkedIn::groupBody(const QString &name) const
{
    return {{"account", urn("sponsoredAccount", m_account.accountId)},
            {"name", name},
            {"status", "ACTIVE"},
            {"runSchedule", QJsonObject{{"start", m_hub->now().toMSecsSinceEpoch()}}}};
}

QJsonObject TestSandboxLinkedIn::campaignBody(const QString &groupId, const QString &name) const
{
    const QJsonObject locations{
        {"urn:li:adTargetingFacet:locations", QJsonArray{m_account.extra["geoUrn"]}}};
    return {{"account", urn("sponsoredAccount", m_account.accountId)},
            {"campaignGroup", urn("sponsoredCampaignGroup", groupId)},
            {"name", name},
            {"type", "SPONSORED_UPDATES"},
            {"format", "STANDARD_UPDATE"},
            {"objectiveType", "WEBSITE_VISIT"},
            {"costType", "CPC"},
            {"unitCost", QJsonObject{{"amount", "6.50"}, {"currencyCode", "USD"}}},
            {"dailyBudget", QJsonObject{{"amount", "50.00"}, {"currencyCode", "USD"}}},
            {"runSchedule", QJsonObject{{"start", m_hub->now().toMSecsSinceEpoch() + 60'000}}},
            {"locale", QJsonObject{{"country", "US"}, {"language", "en"}}},
            {"offsiteDeliveryEnabled", false},
            {"status", "PAUSED"},
            {"targetingCriteria",
             QJsonObject{
                 {"include", QJsonObject{{"and", QJsonArray{QJsonObject{{"or", locations}}}}}}}}};
}

QString TestSandboxLinkedIn::createGroup(const QString &name)
{
    const HttpResult result = post(accountPath("adCampaignGroups"), groupBody(name));
    return QString::fromLatin1(result.header("x-restli-id"));
}

QString TestSandboxLinkedIn::uploadImage()
{
    const HttpResult init = post(
        "/rest/images?action=initializeUpload",
        {{"initializeUploadRequest", QJsonObject{{"owner", m_account.extra["organizationUrn"]}}}});
    const QJsonObject value = init.object()["value"].toObject();
    const HttpResult put = m_client.send(
        "PUT", QUrl(value["uploadUrl"].toString()), {headers().first()}, pngBytes(1200, 628));
    if (put.status != 201)
        qWarning() << put.status << put.body;
    return value["image"].toString();
}

QString TestSandboxLinkedIn::launch(const QString &tag, const QString &status)
{
    const QString group = createGroup("Group " + tag);
    QJsonObject campaign = campaignBody(group, "Campaign " + tag);
    campaign["status"] = status;
    const QString campaignId =
        QString::fromLatin1(post(accountPath("adCampaigns"), campaign).header("x-restli-id"));
    const QJsonObject post{
        {"author", m_account.extra["organizationUrn"]},
        {"commentary", "Spring deals up to 40% off"},
        {"visibility", "PUBLIC"},
        {"lifecycleState", "PUBLISHED"},
        {"isReshareDisabledByAuthor", false},
        {"adContext",
         QJsonObject{{"dscAdAccount", urn("sponsoredAccount", m_account.accountId)},
                     {"dscStatus", "ACTIVE"}}},
        {"content",
         QJsonObject{{"media", QJsonObject{{"id", uploadImage()}, {"title", "Spring sale"}}}}},
        {"contentLandingPage", "https://shop.example/spring"},
        {"contentCallToActionLabel", "LEARN_MORE"}};
    const QJsonObject creative{{"campaign", urn("sponsoredCampaign", campaignId)},
                               {"intendedStatus", status},
                               {"name", "Creative " + tag},
                               {"inlineContent", QJsonObject{{"post", post}}}};
    const HttpResult inline_ =
        this->post(accountPath("creatives?action=createInline"), {{"creative", creative}});
    if (inline_.status != 200)
        qWarning() << inline_.status << inline_.body;
    return campaignId;
}

void TestSandboxLinkedIn::createsTheHierarchy()
{
    const HttpResult group = post(accountPath("adCampaignGroups"), groupBody("Q3 [ads:c1]"));
    QCOMPARE(group.status, 201);
    QVERIFY(group.body.isEmpty());
    const QString groupId = QString::fromLatin1(group.header("x-restli-id"));
    QVERIFY(QRegularExpression("^\\d{9}$").match(groupId).hasMatch());

    const HttpResult campaign =
        post(accountPath("adCampaigns"), campaignBody(groupId, "Q3 US [ads:c1]"));
    QCOMPARE(campaign.status, 201);
    const QString campaignId = QString::fromLatin1(campaign.header("x-restli-id"));

    const QString image = uploadImage();
    QVERIFY(image.startsWith("urn:li:image:"));
    const HttpResult imageInfo = get("/rest/images/" + QUrl::toPercentEncoding(image));
    QVERIFY2(imageInfo.status == 200, imageInfo.body.constData());
    QCOMPARE(imageInfo.object()["status"].toString(), QString("AVAILABLE"));

    const QJsonObject postBody{
        {"author", m_account.extra["organizationUrn"]},
        {"commentary", "Hello"},
        {"visibility", "PUBLIC"},
        {"lifecycleState", "PUBLISHED"},
        {"content", QJsonObject{{"media", QJsonObject{{"id", image}, {"title", "Sale"}}}}}};
    const HttpResult share = post("/rest/posts", postBody);
    QCOMPARE(share.status, 201);
    const QByteArray shareId = share.header("x-restli-id");
    QVERIFY2(shareId.startsWith("urn%3Ali%3Ashare%3A"), shareId.constData()); // reduced encoding

    const HttpResult creative =
        post(accountPath("creatives"),
             {{"campaign", urn("sponsoredCampaign", campaignId)},
              {"content", QJsonObject{{"reference", QUrl::fromPercentEncoding(shareId)}}},
              {"intendedStatus", "DRAFT"},
              {"name", "Variant A"}});
    QCOMPARE(creative.status, 201);
    const QByteArray creativeId = creative.header("x-restli-id");
    QVERIFY(creativeId.startsWith("urn%3Ali%3AsponsoredCreative%3A"));
    const HttpResult read = get(accountPath("creatives/") + QString::fromLatin1(creativeId));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.object()["id"].toString(), QUrl::fromPercentEncoding(creativeId));
    QCOMPARE(read.object()["review"]["status"].toString(), QString("APPROVED"));

    QMap<QString, int> counts;
    for (const QJsonValue &object : m_hub->objects(Platform::LinkedIn)) {
        ++counts[object["type"].toString()];
        if (object["type"] == QString("campaign")) {
            QCOMPARE(object["fields"]["dailyBudget"]["amount"].toString(), QString("50.00"));
            QCOMPARE(object["parentId"].toString(), groupId);
            QCOMPARE(object["status"].toString(), QString("PAUSED"));
        }
    }
    QCOMPARE(
        counts,
        (QMap<QString, int>{
            {"campaign_group", 1}, {"campaign", 1}, {"image", 1}, {"post", 1}, {"creative", 1}}));
    const HttpResult account = get("/rest/adAccounts/" + m_account.accountId);
    QCOMPARE(account.object()["currency"].toString(), QString("USD"));
    QCOMPARE(account.object()["reference"].toString(), m_account.extra["organizationUrn"]);
}

void TestSandboxLinkedIn::validationErrors_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("fieldPath");

    const auto money = [](const char *amount, const char *currency = "USD") {
        return QJsonValue(QJsonObject{{"amount", amount}, {"currencyCode", currency}});
    };
    QTest::newRow("group created paused") << "adCampaignGroups"
                                          << "status" << QJsonValue("PAUSED") << "status";
    QTest::newRow("group name over 100") << "adCampaignGroups"
                                         << "name" << QJsonValue(QString(101, 'x')) << "name";
    QTest::newRow("group budget without end")
        << "adCampaignGroups"
        << "totalBudget" << money("5000.00") << "runSchedule.end";
    QTest::newRow("daily budget under 10") << "adCampaigns"
                                           << "dailyBudget" << money("9.99") << "dailyBudget";
    QTest::newRow("budget in another currency")
        << "adCampaigns"
        << "dailyBudget" << money("50.00", "EUR") << "dailyBudget.currencyCode";
    QTest::newRow("budget as a number")
        << "adCampaigns"
        << "dailyBudget" << QJsonValue(QJsonObject{{"amount", 50}, {"currencyCode", "USD"}})
        << "dailyBudget";
    QTest::newRow("plural objective")
        << "adCampaigns"
        << "objectiveType" << QJsonValue("WEBSITE_VISITS") << "objectiveType";
    QTest::newRow("awareness bought per click")
        << "adCampaigns"
        << "objectiveType" << QJsonValue("BRAND_AWARENESS") << "costType";
    QTest::newRow("no location")
        << "adCampaigns"
        << "targetingCriteria"
        << QJsonValue(QJsonObject{
               {"include",
                QJsonObject{
                    {"and",
                     QJsonArray{QJsonObject{{"or",
                                             QJsonObject{{"urn:li:adTargetingFacet:seniorities",
                                                          QJsonArray{"urn:li:seniority:3"}}}}}}}}}})
        << "targetingCriteria";
    QTest::newRow("unknown group")
        << "adCampaigns"
        << "campaignGroup" << QJsonValue("urn:li:sponsoredCampaignGroup:1") << "campaignGroup";
    QTest::newRow("seconds instead of ms")
        << "adCampaigns"
        << "runSchedule" << QJsonValue(QJsonObject{{"start", 1.5}}) << "runSchedule.start";
}

void TestSandboxLinkedIn::validationErrors()
{
    QFETCH(QString, resource);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, fieldPath);

    QJsonObject body = groupBody("Group");
    if (resource == "adCampaigns")
        body = campaignBody(createGroup("Parent"), "Campaign");
    body[field] = value;
    const int before = int(m_hub->objects(Platform::LinkedIn).size());
    const HttpResult result = post(accountPath(resource), body);
    QCOMPARE(result.status, 400);
    const QJsonObject error = result.object();
    QCOMPARE(error["status"].toInt(), 400);
    QVERIFY(error["message"].toString().startsWith(fieldPath + ": "));
    QCOMPARE(error["errorDetails"]["inputErrors"][0]["input"]["inputPath"]["fieldPath"].toString(),
             fieldPath);
    QCOMPARE(int(m_hub->objects(Platform::LinkedIn).size()), before);
}

void TestSandboxLinkedIn::authVersionAndSyntaxFailures_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("serviceErrorCode");

    const QString campaigns = "/rest/adAccounts/%1/adCampaigns";
    QTest::newRow("no token") << QByteArray("Authorization") << QByteArray() << campaigns << 401
                              << "EMPTY_ACCESS_TOKEN" << 401;
    QTest::newRow("wrong token") << QByteArray("Authorization") << QByteArray("Bearer nope")
                                 << campaigns << 401 << "INVALID_ACCESS_TOKEN" << 65600;
    QTest::newRow("no version") << QByteArray("LinkedIn-Version") << QByteArray() << campaigns
                                << 400 << "VERSION_MISSING" << 400;
    QTest::newRow("sunset version") << QByteArray("LinkedIn-Version") << QByteArray("202301")
                                    << campaigns << 426 << "NONEXISTENT_VERSION" << 426;
    QTest::newRow("protocol 1.0") << QByteArray("X-Restli-Protocol-Version") << QByteArray()
                                  << campaigns << 400 << "ILLEGAL_ARGUMENT" << 400;
    QTest::newRow("other account")
        << QByteArray() << QByteArray() << "/rest/adAccounts/1/adCampaigns" << 403
        << "ACCESS_DENIED" << 100;
}

void TestSandboxLinkedIn::authVersionAndSyntaxFailures()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, serviceErrorCode);

    Headers list;
    for (const auto &pair : headers()) {
        if (pair.first != header)
            list.append(pair);
        else if (!value.isEmpty())
            list.append(qMakePair(header, value));
    }
    const HttpResult result = m_client.get(
        url(path.contains("%1") ? path.arg(m_account.accountId) : path,
            "q=search&search=(status:(values:List(ACTIVE)))"), list);
    QCOMPARE(result.status, status);
    QCOMPARE(result.object()["status"].toInt(), status);
    QCOMPARE(result.object()["code"].toString(), code);
    QCOMPARE(result.object()["serviceErrorCode"].toInt(), serviceErrorCode);
    if (code == "NONEXISTENT_VERSION")
        QCOMPARE(result.object()["message"].toString(),
                 QString("Requested version 20230101 is not active"));
}

void TestSandboxLinkedIn::findsByNameWithCursorPaging()
{
    const QString group = createGroup("Group");
    for (const QString name : {"A [ads:c1]", "B [ads:c2]", "C [ads:c2]"})
        post(accountPath("adCampaigns"), campaignBody(group, name));

    const QString byName = "q=search&search=(name:(values:List(B%20%5Bads%3Ac2%5D)))";
    const HttpResult one = get(accountPath("adCampaigns"), byName);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object()["elements"].toArray().size(), 1);
    QCOMPARE(one.object()["elements"][0]["name"].toString(), QString("B [ads:c2]"));

    QStringList names;
    QString token;
    for (int page = 0; page < 5; ++page) {
        QString query = "q=search&search=(campaignGroup:(values:List(urn%3Ali%3A"
                        "sponsoredCampaignGroup%3A"
                        + group + ")),status:(values:List(ACTIVE,PAUSED)))&pageSize=2";
        if (!token.isEmpty())
            query += "&pageToken=" + QUrl::toPercentEncoding(token);
        const HttpResult result = get(accountPath("adCampaigns"), query);
        QCOMPARE(result.status, 200);
        for (const QJsonValue &element : result.object()["elements"].toArray())
            names.append(element["name"].toString());
        token = result.object()["metadata"]["nextPageToken"].toString();
        if (token.isEmpty())
            break;
    }
    QCOMPARE(names, (QStringList{"A [ads:c1]", "B [ads:c2]", "C [ads:c2]"}));

    // The same finder tunnelled through a POST, as clients do with long queries.
    Headers tunnel = headers();
    tunnel.append(qMakePair(QByteArray("X-HTTP-Method-Override"), QByteArray("GET")));
    tunnel.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    const HttpResult tunnelled =
        m_client.send("POST", url(accountPath("adCampaigns")), tunnel, byName.toUtf8());
    QCOMPARE(tunnelled.object()["elements"][0]["name"].toString(), QString("B [ads:c2]"));

    QCOMPARE(get(accountPath("adCampaigns"), "q=search&count=1001").status, 400);
}

void TestSandboxLinkedIn::statusChangesAndDeletes()
{
    const QString campaign = launch("[ads:c1]", "ACTIVE");
    const QString path = accountPath("adCampaigns/") + campaign;
    QCOMPARE(get(path).object()["servingStatuses"][0].toString(), QString("RUNNABLE"));

    const auto patch = [this, &path](const QJsonObject &set) {
        return post(path, {{"patch", QJsonObject{{"$set", set}}}}, "PARTIAL_UPDATE");
    };
    QCOMPARE(patch({{"status", "PAUSED"}}).status, 204);
    const QJsonObject paused = get(path).object();
    QCOMPARE(paused["status"].toString(), QString("PAUSED"));
    QCOMPARE(paused["version"]["versionTag"].toString(), QString("2"));
    QCOMPARE(patch({{"status", "DRAFT"}}).status, 400);
    QCOMPARE(patch({{"objectiveType", "BRAND_AWARENESS"}}).status, 400);
    QCOMPARE(post(path, {{"status", "ACTIVE"}}).status, 400); // a POST without the method header

    QCOMPARE(m_client.send("DELETE", url(path), headers()).status, 400); // not a draft
    QCOMPARE(patch({{"status", "PENDING_DELETION"}}).status, 204);
    QCOMPARE(get(accountPath("adCampaigns"), "q=search").object()["elements"].toArray().size(), 0);

    const QString draftGroup = createGroup("Draft");
    QJsonObject draft = campaignBody(draftGroup, "Draft campaign");
    draft["status"] = "DRAFT";
    const QString draftId =
        QString::fromLatin1(post(accountPath("adCampaigns"), draft).header("x-restli-id"));
    QCOMPARE(m_client.send("DELETE", url(accountPath("adCampaigns/") + draftId), headers()).status,
             204);
    QCOMPARE(get(accountPath("adCampaigns/") + draftId).status, 404);
}

void TestSandboxLinkedIn::deliveryAndAnalytics()
{
    const QString active = launch("[ads:c1]", "ACTIVE");
    const QString paused = launch("[ads:c2]", "PAUSED");
    m_hub->advanceClock(6 * 24 * 3600);
    const QDate today = m_hub->now().date(); // UTC days

    const QString range = QString("dateRange=(start:(year:%1,month:%2,day:%3))")
                              .arg(today.addDays(-10).year())
                              .arg(today.addDays(-10).month())
                              .arg(today.addDays(-10).day());
    const QString campaigns = "campaigns=List(urn%3Ali%3AsponsoredCampaign%3A" + active
                              + ",urn%3Ali%3AsponsoredCampaign%3A" + paused + ")";
    const QString fields = "fields=dateRange,pivotValues,impressions,clicks,costInLocalCurrency,"
                           "externalWebsiteConversions";
    const HttpResult daily = get("/rest/adAnalytics",
                                 "q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&" + range + "&"
                                     + campaigns + "&" + fields);
    QCOMPARE(daily.status, 200);
    const QJsonArray rows = daily.object()["elements"].toArray();
    QVERIFY2(rows.size() >= 5, daily.body.constData());
    qint64 totalImpressions = 0;
    for (const QJsonValue &row : rows) {
        QCOMPARE(row["pivotValues"][0].toString(), urn("sponsoredCampaign", active));
        QCOMPARE(row["dateRange"]["start"].toObject(), row["dateRange"]["end"].toObject());
        QVERIFY(row["impressions"].isDouble());
        QVERIFY(row["costInLocalCurrency"].isString());
        QVERIFY(row["costInLocalCurrency"].toString().toDouble() <= 50.0); // the daily budget
        totalImpressions += row["impressions"].toInteger();
    }

    const HttpResult all = get("/rest/adAnalytics",
                               "q=analytics&pivot=(value:CAMPAIGN)&timeGranularity=(value:ALL)&"
                                   + range + "&" + campaigns + "&" + fields);
    QCOMPARE(all.object()["elements"].toArray().size(), 1);
    QCOMPARE(all.object()["elements"][0]["impressions"].toInteger(), totalImpressions);

    QString tooMany = "fields=pivotValues,dateRange";
    for (int i = 0; i < 19; ++i)
        tooMany += ",impressions";
    QCOMPARE(get("/rest/adAnalytics",
                 "q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&" + range + "&" + campaigns + "&"
                     + tooMany)
                 .status,
             400);
    QCOMPARE(get("/rest/adAnalytics", "q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&" + range)
                 .status,
             400); // no entity filter
}

void TestSandboxLinkedIn::stateSurvivesRestart()
{
    const QString campaign = launch("[ads:c1]", "PAUSED");
    m_hub.reset();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    const HttpResult result = get(accountPath("adCampaigns/") + campaign);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object()["name"].toString(), QString("Campaign [ads:c1]"));
    QCOMPARE(result.object()["dailyBudget"]["amount"].toString(), QString("50.00"));
}

QTEST_GUILESS_MAIN(TestSandboxLinkedIn)
#include "TestSandboxLinkedIn.moc"
