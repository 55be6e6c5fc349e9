#include "FakePlatformServer.h"
#include "TestSupport.h"

#include "core/platforms/linkedin/LinkedInConnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ads::core;
using namespace ads::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::FailureKind)

namespace {

const QString kAccount = u"507404993"_s;
const QString kOrg = u"urn:li:organization:2414183"_s;
const QString kAccountPath = u"/rest/adAccounts/507404993"_s;

CannedReply created(const QByteArray &id)
{
    CannedReply reply;
    reply.status = 201;
    reply.headers = {{"x-restli-id", id}};
    return reply;
}

CannedReply noContent()
{
    CannedReply reply;
    reply.status = 204;
    return reply;
}

struct Fixture
{
    QTemporaryDir dir;
    FakePlatformServer server;
    QNetworkAccessManager nam;
    LinkedInConnector connector{&nam, server.baseUrl()};
    LaunchInput input;

    Fixture()
    {
        input = launchInput(u"USD"_s, 50'000'000);
        input.account.accountId = kAccount;
        input.account.extra = {{u"organizationUrn"_s, kOrg}};
        const QString square = writeFile(dir, u"sq.png"_s, "PNG-SQUARE");
        const QString wide = writeFile(dir, u"wide.png"_s, "PNG-WIDE");
        const QString video = writeFile(dir, u"v.mp4"_s, "MP4");
        input.creatives = {
            creative(u"cre-bf-video-1"_s, CreativeKind::Video,
                     {videoRendition(video, 540, 960, 6'000)}),
            creative(u"cre-bf-static-1"_s, CreativeKind::Image,
                     {imageRendition(square, 1080, 1080), imageRendition(wide, 1200, 628)})};
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

    PlatformResult<std::optional<StepOutcome>> find(const QString &key,
                                                    const QMap<QString, QString> &ids = {})
    {
        return *await<PlatformResult<std::optional<StepOutcome>>>([&](auto done) {
            connector.findStep(input, step(key), ids, done);
        });
    }
};

QString rawQuery(const RecordedRequest &r)
{
    return r.query.toString(QUrl::FullyEncoded);
}

} // namespace

class TestLinkedInConnector : public QObject
{
    Q_OBJECT

private slots:
    void restliEncoding_data();
    void restliEncoding();
    void planProblems_data();
    void planProblems();
    void planStepsAndWarnings();
    void groupAndCampaignRequests();
    void lifetimeBudgetOnTheCampaign();
    void imageUploadAndCreative();
    void usedUpUploadUrlStartsTheUploadOver();
    void errorMapping_data();
    void errorMapping();
    void timeoutIsUnknownOutcome();
    void findStepFollowsCursors_data();
    void findStepFollowsCursors();
    void findCreativeByCampaign();
    void reportParsing();
    void setDelivery();
    void activationSurvivesAPassingFault();
};

void TestLinkedInConnector::restliEncoding_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("list");

    QTest::newRow("numbers") << QStringList{u"1"_s, u"2"_s} << u"List(1,2)"_s;
    QTest::newRow("urns") << QStringList{u"urn:li:sponsoredCampaign:1"_s}
                          << u"List(urn%3Ali%3AsponsoredCampaign%3A1)"_s;
    QTest::newRow("structure in a value") << QStringList{u"a,b (c)"_s}
                                          << u"List(a%2Cb%20%28c%29)"_s;
    QTest::newRow("empty") << QStringList{} << u"List()"_s;
}

void TestLinkedInConnector::restliEncoding()
{
    QFETCH(QStringList, values);
    QFETCH(QString, list);
    QCOMPARE(LinkedInConnector::restliList(values), list);
    for (const QString &v : values)
        QCOMPARE(LinkedInConnector::decodeRestliId(LinkedInConnector::restliLeaf(v).toLatin1()), v);
    QCOMPARE(LinkedInConnector::decodeRestliId("urn%3Ali%3AsponsoredCreative%3A456"),
             u"urn:li:sponsoredCreative:456"_s);
}

void TestLinkedInConnector::planProblems_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");

    QTest::newRow("valid") << "" << "";
    QTest::newRow("leads") << "leads" << "objective";
    QTest::newRow("app installs") << "app" << "objective";
    QTest::newRow("no organization") << "noorg" << "account.extra.organizationUrn";
    QTest::newRow("person as author") << "person" << "account.extra.organizationUrn";
    QTest::newRow("account id not digits") << "account" << "account.accountId";
    QTest::newRow("country without geo") << "tokyo" << "account.extra.geoUrn";
    QTest::newRow("country with geo set") << "tokyogeo" << "";
    QTest::newRow("9.99 USD a day") << "low" << "budget.amount";
    QTest::newRow("10 USD a day") << "ten" << "";
    QTest::newRow("7.99 GBP a day") << "gbplow" << "budget.amount";
    QTest::newRow("8 GBP a day") << "gbp" << "";
    QTest::newRow("5 EUR a day (no known minimum)") << "eur" << "";
    QTest::newRow("lifetime 99.99 USD") << "lifetimelow" << "budget.amount";
    QTest::newRow("lifetime 100 USD") << "lifetimeok" << "";
    QTest::newRow("lifetime without end") << "lifetimeopen" << "schedule.endAt";
    QTest::newRow("budget in another currency") << "currency" << "budget.currency";
    QTest::newRow("fraction of a cent") << "millicent" << "budget.amount";
    QTest::newRow("headline 200 characters") << "headline200" << "";
    QTest::newRow("headline 201 characters") << "headline201" << "creativeIds";
    QTest::newRow("headline 200 emoji") << "emoji200" << "";
    QTest::newRow("intro text 601 characters") << "text601" << "creativeIds";
    QTest::newRow("no landing page") << "nourl" << "creativeIds";
    QTest::newRow("only a 9:16 image") << "tall" << "creativeIds";
    QTest::newRow("image over 5 MB") << "big" << "creativeIds";
    QTest::newRow("ended") << "ended" << "schedule.endAt";
}

void TestLinkedInConnector::planProblems()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    Fixture f;
    LaunchInput &in = f.input;
    Creative &image = in.creatives.last();

    if (change == u"leads")
        in.objective = Objective::Leads;
    if (change == u"app")
        in.objective = Objective::AppInstalls;
    if (change == u"noorg")
        in.account.extra.remove(u"organizationUrn"_s);
    if (change == u"person")
        in.account.extra[u"organizationUrn"_s] = u"urn:li:person:abc"_s;
    if (change == u"account")
        in.account.accountId = u"urn:li:sponsoredAccount:1"_s;
    if (change.startsWith(u"tokyo"))
        in.account.timeZone = u"Asia/Tokyo"_s;
    if (change == u"tokyogeo")
        in.account.extra[u"geoUrn"_s] = u"urn:li:geo:101355337"_s;
    if (change == u"low")
        in.budget.micros = 9'990'000;
    if (change == u"ten")
        in.budget.micros = 10'000'000;
    if (change.startsWith(u"gbp") || change == u"eur") {
        in.account.currency = change == u"eur" ? u"EUR"_s : u"GBP"_s;
        in.budget = Money{change == u"gbplow" ? 7'990'000 : change == u"gbp" ? 8'000'000
                                                                             : 5'000'000,
                          in.account.currency};
    }
    if (change.startsWith(u"lifetime")) {
        in.budgetType = BudgetType::Lifetime;
        in.budget.micros = change == u"lifetimelow" ? 99'990'000 : 100'000'000;
        if (change == u"lifetimeopen")
            in.endAt = QDateTime();
    }
    if (change == u"currency")
        in.budget.currency = u"EUR"_s;
    if (change == u"millicent")
        in.budget.micros = 50'001'000;
    if (change == u"headline200" || change == u"headline201")
        image.headline = QString(change == u"headline200" ? 200 : 201, u'h');
    if (change == u"emoji200") // code points count, not UTF-16 units
        image.headline = QString(u"\U0001F525"_s).repeated(200);
    if (change == u"text601")
        image.description = QString(601, u'x');
    if (change == u"nourl")
        image.destinationUrl.clear();
    if (change == u"tall")
        image.renditions = {imageRendition(image.renditions.first().path, 1080, 1920)};
    if (change == u"big") {
        for (Rendition &r : image.renditions)
            r.bytes = 5LL * 1024 * 1024 + 1;
    }
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
}

void TestLinkedInConnector::planStepsAndWarnings()
{
    Fixture f;
    const LaunchPlan plan = f.connector.plan(f.input);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.usedCreativeIds, QStringList{u"cre-bf-static-1"_s});
    QStringList keys;
    for (const PlannedStep &s : plan.steps)
        keys.append(s.key);
    QCOMPARE(keys, (QStringList{u"image:cre-bf-static-1"_s, u"campaigngroup"_s, u"campaign"_s,
                                u"ad:cre-bf-static-1"_s, u"activate"_s}));
    QCOMPARE(plan.steps.at(2).tag, u"[ads:cmp-3f9a/campaign]"_s);
    QVERIFY(plan.steps.last().objectType.isEmpty());
    // The video and the audience are left out with warnings, not refused.
    QCOMPARE(plan.warnings.filter(u"cre-bf-video-1"_s).size(), 1);
    QCOMPARE(plan.warnings.filter(u"aud-vip"_s).size(), 1);
}

void TestLinkedInConnector::groupAndCampaignRequests()
{
    Fixture f;
    f.connector.setApiVersion(u"202604"_s);
    f.input.campaignName = QString(120, u'n');
    f.input.startAt = QDateTime(QDate(2031, 3, 1), QTime(8, 0), Qt::UTC);
    f.input.endAt = QDateTime(QDate(2031, 3, 31), QTime(8, 0), Qt::UTC);
    f.server.enqueue("POST", kAccountPath + u"/adCampaignGroups"_s, created("612345678"));
    f.server.enqueue("POST", kAccountPath + u"/adCampaigns"_s, created("345678901"));

    const auto group = f.create(u"campaigngroup"_s);
    QVERIFY(group.has_value());
    QCOMPARE(group->remoteIds.value(u"campaigngroup"_s), u"612345678"_s);
    const auto campaign = f.create(u"campaign"_s, group->remoteIds);
    QVERIFY(campaign.has_value());
    QCOMPARE(campaign->remoteIds.value(u"campaign"_s), u"345678901"_s);

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2);
    for (const RecordedRequest &r : requests) {
        QCOMPARE(r.headers.value("linkedin-version"), QByteArray("202604"));
        QCOMPARE(r.headers.value("x-restli-protocol-version"), QByteArray("2.0.0"));
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok-secret"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    }
    const QJsonObject g = requests.at(0).json();
    QCOMPARE(g[u"account"_s].toString(), u"urn:li:sponsoredAccount:507404993"_s);
    QCOMPARE(g[u"status"_s].toString(), u"DRAFT"_s);
    QCOMPARE(g[u"runSchedule"_s][u"start"_s].toInteger(), Q_INT64_C(1930118400000));
    QCOMPARE(g[u"runSchedule"_s][u"end"_s].toInteger(), Q_INT64_C(1932710400000));
    // The name part is shortened to fit 100 characters; the tag is whole.
    const QString name = g[u"name"_s].toString();
    QCOMPARE(name.size(), 100);
    QVERIFY(name.endsWith(u" [ads:cmp-3f9a/campaigngroup]"_s));

    const QJsonObject c = requests.at(1).json();
    QCOMPARE(c[u"campaignGroup"_s].toString(), u"urn:li:sponsoredCampaignGroup:612345678"_s);
    QCOMPARE(c[u"type"_s].toString(), u"SPONSORED_UPDATES"_s);
    QCOMPARE(c[u"format"_s].toString(), u"STANDARD_UPDATE"_s);
    QCOMPARE(c[u"objectiveType"_s].toString(), u"WEBSITE_VISIT"_s);
    QCOMPARE(c[u"costType"_s].toString(), u"CPC"_s);
    QCOMPARE(c[u"status"_s].toString(), u"DRAFT"_s);
    QCOMPARE(c[u"dailyBudget"_s].toObject(),
             (QJsonObject{{u"amount"_s, u"50.00"_s}, {u"currencyCode"_s, u"USD"_s}}));
    QVERIFY(!c.contains(u"totalBudget"_s));
    QCOMPARE(c[u"locale"_s].toObject(),
             (QJsonObject{{u"country"_s, u"US"_s}, {u"language"_s, u"en"_s}}));
    const QJsonArray include = c[u"targetingCriteria"_s][u"include"_s][u"and"_s].toArray();
    QCOMPARE(include.at(0)[u"or"_s][u"urn:li:adTargetingFacet:locations"_s].toArray(),
             QJsonArray{u"urn:li:geo:103644278"_s});
    QCOMPARE(c[u"runSchedule"_s][u"start"_s].toInteger(), Q_INT64_C(1930118400000));
}

void TestLinkedInConnector::lifetimeBudgetOnTheCampaign()
{
    Fixture f;
    f.input.budgetType = BudgetType::Lifetime;
    f.input.budget.micros = 1'234'560'000;
    f.input.objective = Objective::Awareness;
    f.server.enqueue("POST", kAccountPath + u"/adCampaigns"_s, created("9"));
    QVERIFY(f.create(u"campaign"_s, {{u"campaigngroup"_s, u"1"_s}}).has_value());
    const QJsonObject c = f.server.requests().first().json();
    QCOMPARE(c[u"totalBudget"_s][u"amount"_s].toString(), u"1234.56"_s);
    QCOMPARE(c[u"pacingStrategy"_s].toString(), u"LIFETIME"_s);
    QCOMPARE(c[u"objectiveType"_s].toString(), u"BRAND_AWARENESS"_s);
    QCOMPARE(c[u"costType"_s].toString(), u"CPM"_s);
    QVERIFY(!c.contains(u"dailyBudget"_s));
}

void TestLinkedInConnector::imageUploadAndCreative()
{
    Fixture f;
    const QString uploadUrl = f.server.baseUrl().toString() + u"/dms-uploads/abc"_s;
    f.server.enqueueJson("POST", u"/rest/images"_s,
                         QStringLiteral(R"({"value":{"uploadUrlExpiresAt":1,"uploadUrl":"%1",
                             "image":"urn:li:image:C4E10AQ"}})").arg(uploadUrl).toUtf8());
    f.server.enqueue("PUT", u"/dms-uploads/abc"_s, created(""));
    CannedReply inline_ = created("urn%3Ali%3AsponsoredCreative%3A456");
    inline_.status = 200;
    inline_.body = R"({"value":{"creative":"urn:li:sponsoredCreative:456"}})";
    f.server.enqueue("POST", kAccountPath + u"/creatives"_s, inline_);

    const auto image = f.create(u"image:cre-bf-static-1"_s);
    QVERIFY(image.has_value());
    QCOMPARE(image->remoteIds.value(u"image:cre-bf-static-1"_s), u"urn:li:image:C4E10AQ"_s);
    const auto requests = f.server.requests();
    QCOMPARE(requests.at(0).queryValue(u"action"_s), u"initializeUpload"_s);
    QCOMPARE(requests.at(0).json()[u"initializeUploadRequest"_s][u"owner"_s].toString(), kOrg);
    QCOMPARE(requests.at(1).body, QByteArray("PNG-WIDE")); // 1.91:1 is preferred
    QCOMPARE(requests.at(1).headers.value("authorization"), QByteArray("Bearer tok-secret"));

    QMap<QString, QString> ids = image->remoteIds;
    ids.insert(u"campaign"_s, u"345678901"_s);
    const auto ad = f.create(u"ad:cre-bf-static-1"_s, ids);
    QVERIFY(ad.has_value());
    QCOMPARE(ad->remoteIds.value(u"ad:cre-bf-static-1"_s), u"urn:li:sponsoredCreative:456"_s);
    const RecordedRequest &create = f.server.requests().at(2);
    QCOMPARE(create.queryValue(u"action"_s), u"createInline"_s);
    const QJsonObject c = create.json()[u"creative"_s].toObject();
    QCOMPARE(c[u"campaign"_s].toString(), u"urn:li:sponsoredCampaign:345678901"_s);
    QCOMPARE(c[u"intendedStatus"_s].toString(), u"DRAFT"_s);
    QCOMPARE(c[u"name"_s].toString(), u"Black Friday [ads:cmp-3f9a/ad:cre-bf-static-1]"_s);
    const QJsonObject post = c[u"inlineContent"_s][u"post"_s].toObject();
    QCOMPARE(post[u"author"_s].toString(), kOrg);
    QCOMPARE(post[u"commentary"_s].toString(), u"Everything half price this weekend only."_s);
    QCOMPARE(post[u"content"_s][u"media"_s][u"id"_s].toString(), u"urn:li:image:C4E10AQ"_s);
    QCOMPARE(post[u"content"_s][u"media"_s][u"title"_s].toString(), u"Black Friday deals"_s);
    QCOMPARE(post[u"contentLandingPage"_s].toString(), u"https://shop.example/bf"_s);
    QCOMPARE(post[u"contentCallToActionLabel"_s].toString(), u"SHOP_NOW"_s);
    QCOMPARE(post[u"adContext"_s][u"dscAdAccount"_s].toString(),
             u"urn:li:sponsoredAccount:507404993"_s);
}

void TestLinkedInConnector::usedUpUploadUrlStartsTheUploadOver()
{
    // The first PUT's answer was lost; sent again, the URL is no longer pending. That says nothing
    // about the image, so the step is retried from the start instead of refusing the platform.
    Fixture f;
    const QString uploadUrl = f.server.baseUrl().toString() + u"/dms-uploads/abc"_s;
    f.server.enqueueJson("POST", u"/rest/images"_s,
                         QStringLiteral(R"({"value":{"uploadUrlExpiresAt":1,"uploadUrl":"%1",
                             "image":"urn:li:image:C4E10AQ"}})").arg(uploadUrl).toUtf8());
    f.server.enqueueJson("PUT", u"/dms-uploads/abc"_s,
                         R"({"status":404,"code":"NOT_FOUND","message":"No pending upload at this URL"})", 404);

    const auto image = f.create(u"image:cre-bf-static-1"_s);
    QVERIFY(!image.has_value());
    QCOMPARE(image.error().kind, FailureKind::Transient);
}

void TestLinkedInConnector::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryHeader");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("platformCode");
    QTest::addColumn<int>("retryAfter");

    QTest::newRow("expired token")
        << 401 << QByteArray(R"({"status":401,"serviceErrorCode":65601,"message":"Expired access token"})")
        << QByteArray() << FailureKind::Auth << "auth_expired" << "401/65601" << -1;
    QTest::newRow("no role")
        << 403 << QByteArray(R"({"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED",
                                 "message":"Not enough permissions to access: adCampaigns"})")
        << QByteArray() << FailureKind::Auth << "permission_denied" << "403/ACCESS_DENIED" << -1;
    QTest::newRow("retired version")
        << 426 << QByteArray(R"({"status":426,"code":"NONEXISTENT_VERSION",
                                 "message":"Requested version 20241101 is not active"})")
        << QByteArray() << FailureKind::Permanent << "version_retired" << "426/NONEXISTENT_VERSION"
        << -1;
    QTest::newRow("throttled with Retry-After")
        << 429 << QByteArray(R"({"status":429,"message":"Resource level throttle limit"})")
        << QByteArray("120") << FailureKind::RateLimited << "rate_limited" << "429" << 120;
    QTest::newRow("throttled without a hint")
        << 429 << QByteArray(R"({"status":429})") << QByteArray() << FailureKind::RateLimited
        << "rate_limited" << "429" << 60;
    QTest::newRow("server error") << 500 << QByteArray() << QByteArray() << FailureKind::Transient
                                  << "server_error" << "500" << -1;
    QTest::newRow("gateway timeout on a write")
        << 504 << QByteArray("<html/>") << QByteArray() << FailureKind::UnknownOutcome << "timeout"
        << "504" << -1;
    QTest::newRow("validation")
        << 400 << QByteArray(R"({"status":400,"serviceErrorCode":100,
                                 "message":"dailyBudget must be at least 10.00 USD"})")
        << QByteArray() << FailureKind::Permanent << "invalid_field" << "400/100" << -1;
    QTest::newRow("unknown object") << 404 << QByteArray(R"({"status":404})") << QByteArray()
                                    << FailureKind::Permanent << "not_found" << "404" << -1;
}

void TestLinkedInConnector::errorMapping()
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
        reply.headers = {{"Retry-After", retryHeader}};
    f.server.enqueue("POST", kAccountPath + u"/adCampaigns"_s, reply);

    const auto result = f.create(u"campaign"_s, {{u"campaigngroup"_s, u"1"_s}});
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(kind));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().platformCode, platformCode);
    QCOMPARE(result.error().retryAfterSeconds, retryAfter);
    if (status == 400) {
        QCOMPARE(result.error().message, u"dailyBudget must be at least 10.00 USD"_s);
        QCOMPARE(result.error().platformMessage, result.error().message);
    }
}

void TestLinkedInConnector::timeoutIsUnknownOutcome()
{
    Fixture f;
    CannedReply hang;
    hang.hang = true;
    f.server.enqueue("POST", kAccountPath + u"/adCampaignGroups"_s, hang);
    f.connector.setRequestTimeoutMs(300);
    const auto result = f.create(u"campaigngroup"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().kind), int(FailureKind::UnknownOutcome));
}

void TestLinkedInConnector::findStepFollowsCursors_data()
{
    QTest::addColumn<QStringList>("pages"); // bodies, in order
    QTest::addColumn<int>("requests");
    QTest::addColumn<QString>("found");

    const QString tag = u"[ads:cmp-3f9a/campaigngroup]"_s;
    const QString match = uR"({"id":612345678,"name":"Black Friday %1","status":"DRAFT"})"_s.arg(tag);
    const QString archived = uR"({"id":5,"name":"Black Friday %1","status":"ARCHIVED"})"_s.arg(tag);
    const QString other = uR"({"id":1,"name":"Spring","status":"ACTIVE"})"_s;
    const auto page = [](const QString &elements, const QString &token) {
        const QString metadata = token.isEmpty() ? u"{}"_s
                                                 : uR"({"nextPageToken":"%1"})"_s.arg(token);
        return uR"({"elements":[%1],"metadata":%2})"_s.arg(elements, metadata);
    };

    QTest::newRow("second page, archived one skipped")
        << QStringList{page(other, u"t1"_s), page(archived + u',' + match, {})} << 2
        << "612345678";
    QTest::newRow("no token ends") << QStringList{page(other, {})} << 1 << "";
    QTest::newRow("repeated token ends")
        << QStringList{page(other, u"t1"_s), page(other, u"t1"_s)} << 2 << "";
    QTest::newRow("empty page ends")
        << QStringList{page(other, u"t1"_s), page({}, u"t2"_s)} << 2 << "";
    QTest::newRow("only archived") << QStringList{page(archived, {})} << 1 << "";
}

void TestLinkedInConnector::findStepFollowsCursors()
{
    QFETCH(QStringList, pages);
    QFETCH(int, requests);
    QFETCH(QString, found);
    Fixture f;
    const QString path = kAccountPath + u"/adCampaignGroups"_s;
    for (const QString &body : pages)
        f.server.enqueueJson("GET", path, body.toUtf8());

    const auto result = f.find(u"campaigngroup"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->has_value(), !found.isEmpty());
    if (!found.isEmpty())
        QCOMPARE((*result)->remoteIds.value(u"campaigngroup"_s), found);
    const auto recorded = f.server.requests();
    QCOMPARE(recorded.size(), requests);
    QCOMPARE(recorded.first().queryValue(u"q"_s), u"search"_s);
    QCOMPARE(recorded.first().queryValue(u"search"_s),
             u"(status:(values:List(ACTIVE,PAUSED,DRAFT)))"_s);
    QCOMPARE(recorded.first().queryValue(u"pageSize"_s), u"100"_s);
    QVERIFY(!recorded.first().query.hasQueryItem(u"pageToken"_s));
    if (requests > 1)
        QCOMPARE(recorded.at(1).queryValue(u"pageToken"_s), u"t1"_s);
}

void TestLinkedInConnector::findCreativeByCampaign()
{
    Fixture f;
    const QString tag = launchTag(u"cmp-3f9a"_s, u"ad:cre-bf-static-1"_s);
    f.server.enqueueJson("GET", kAccountPath + u"/creatives"_s,
                         uR"({"elements":[
                             {"id":"urn:li:sponsoredCreative:1","name":"x %1","intendedStatus":"ARCHIVED"},
                             {"id":"urn:li:sponsoredCreative:456","name":"x %1","intendedStatus":"DRAFT"}],
                             "metadata":{}})"_s.arg(tag).toUtf8());
    const auto result = f.find(u"ad:cre-bf-static-1"_s, {{u"campaign"_s, u"345678901"_s}});
    QVERIFY(result.has_value() && result->has_value());
    QCOMPARE((*result)->remoteIds.value(u"ad:cre-bf-static-1"_s), u"urn:li:sponsoredCreative:456"_s);
    const RecordedRequest r = f.server.requests().first();
    QCOMPARE(r.queryValue(u"q"_s), u"criteria"_s);
    // Rest.li structure stays raw, the URN inside is percent-encoded.
    QVERIFY2(rawQuery(r).contains(u"campaigns=List(urn%3Ali%3AsponsoredCampaign%3A345678901)"_s),
             qPrintable(rawQuery(r)));

    // Uploads and activate are never looked up; an ad without a campaign cannot exist.
    QVERIFY(f.find(u"image:cre-bf-static-1"_s)->has_value() == false);
    QVERIFY(f.find(u"activate"_s)->has_value() == false);
    QVERIFY(f.find(u"ad:cre-bf-static-1"_s)->has_value() == false);
    QCOMPARE(f.server.requestCount(), 1);
}

void TestLinkedInConnector::reportParsing()
{
    Fixture f;
    f.server.enqueueJson("GET", u"/rest/adAnalytics"_s, R"({"paging":{"start":0,"count":10},
        "elements":[
          {"pivotValues":["urn:li:sponsoredCampaign:345678901"],
           "dateRange":{"start":{"year":2026,"month":3,"day":1},"end":{"year":2026,"month":3,"day":1}},
           "impressions":19090,"clicks":100,"costInLocalCurrency":"209.4491235",
           "externalWebsiteConversions":3,"conversionValueInLocalCurrency":"450.00"},
          {"pivotValues":["urn:li:sponsoredCampaign:345678901"],
           "dateRange":{"start":{"year":2026,"month":3,"day":2},"end":{"year":2026,"month":3,"day":2}},
           "impressions":10,"costInLocalCurrency":"0.1"}]})");
    f.server.enqueueJson("GET", u"/rest/adAnalytics"_s, R"({"elements":[]})");

    const auto result = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"345678901"_s}, QDate(2026, 3, 1),
                                     QDate(2026, 4, 14), done);
    });
    QVERIFY(result.has_value());
    QCOMPARE(result->size(), 2);
    const ReportRow &a = result->at(0);
    QCOMPARE(a.remoteCampaignId, u"345678901"_s);
    QCOMPARE(a.day, QDate(2026, 3, 1));
    QCOMPARE(a.timeZone, u"UTC"_s);
    QCOMPARE(a.currency, u"USD"_s);
    QCOMPARE(a.impressions, Q_INT64_C(19090));
    QCOMPARE(a.clicks, Q_INT64_C(100));
    QCOMPARE(a.spendMicros, Q_INT64_C(209'449'124)); // seventh decimal rounded half up
    QCOMPARE(a.conversionsMicros, Q_INT64_C(3'000'000));
    QCOMPARE(a.conversionValueMicros, Q_INT64_C(450'000'000));
    const ReportRow &b = result->at(1);
    QCOMPARE(b.clicks, Q_INT64_C(0)); // left out means zero
    QCOMPARE(b.spendMicros, Q_INT64_C(100'000));

    const auto requests = f.server.requests();
    QCOMPARE(requests.size(), 2); // two 30-day windows
    const RecordedRequest &first = requests.at(0);
    QCOMPARE(first.queryValue(u"q"_s), u"analytics"_s);
    QCOMPARE(first.queryValue(u"pivot"_s), u"CAMPAIGN"_s);
    QCOMPARE(first.queryValue(u"timeGranularity"_s), u"DAILY"_s);
    QCOMPARE(first.queryValue(u"dateRange"_s),
             u"(start:(year:2026,month:3,day:1),end:(year:2026,month:3,day:30))"_s);
    QCOMPARE(requests.at(1).queryValue(u"dateRange"_s),
             u"(start:(year:2026,month:3,day:31),end:(year:2026,month:4,day:14))"_s);
    QVERIFY(rawQuery(first).contains(u"campaigns=List(urn%3Ali%3AsponsoredCampaign%3A345678901)"_s));
    QVERIFY(first.queryValue(u"fields"_s).split(u',').contains(u"costInLocalCurrency"_s));

    // A row that cannot be read fails the report instead of counting zero.
    f.server.enqueueJson("GET", u"/rest/adAnalytics"_s, R"({"elements":[
        {"pivotValues":["urn:li:sponsoredCampaign:1"],
         "dateRange":{"start":{"year":2026,"month":3,"day":1}},"costInLocalCurrency":"1e3"}]})");
    const auto bad = *await<PlatformResult<QList<ReportRow>>>([&](auto done) {
        f.connector.fetchDailyReport(f.input.account, {u"1"_s}, QDate(2026, 3, 1),
                                     QDate(2026, 3, 1), done);
    });
    QVERIFY(!bad.has_value());
}

void TestLinkedInConnector::setDelivery()
{
    Fixture f;
    const QString creativePath = kAccountPath + u"/creatives/urn:li:sponsoredCreative:456"_s;
    f.server.enqueue("POST", creativePath, noContent());
    f.server.enqueue("POST", kAccountPath + u"/adCampaigns/345678901"_s, noContent());
    f.server.enqueue("POST", kAccountPath + u"/adCampaignGroups/612345678"_s, noContent());
    f.server.enqueue("POST", kAccountPath + u"/adCampaigns/345678901"_s, noContent());
    const QMap<QString, QString> ids = {{u"campaigngroup"_s, u"612345678"_s},
                                        {u"campaign"_s, u"345678901"_s},
                                        {u"ad:cre-bf-static-1"_s, u"urn:li:sponsoredCreative:456"_s},
                                        {u"image:cre-bf-static-1"_s, u"urn:li:image:C4E10AQ"_s}};
    const auto on = f.create(u"activate"_s, ids);
    QVERIFY(on.has_value());
    QVERIFY(on->remoteIds.isEmpty());
    QVERIFY((*await<PlatformResult<bool>>([&](auto done) {
                f.connector.setDelivery(f.input.account, ids, false, done);
            })).has_value());

    QStringList seen;
    for (const RecordedRequest &r : f.server.requests()) {
        QCOMPARE(r.headers.value("x-restli-method"), QByteArray("PARTIAL_UPDATE"));
        const QJsonObject set = r.json()[u"patch"_s][u"$set"_s].toObject();
        seen.append(r.path.section(u'/', 4, 4) + u' ' + set.keys().first() + u'='
                    + set.begin()->toString());
    }
    QCOMPARE(seen, (QStringList{u"creatives intendedStatus=ACTIVE"_s, u"adCampaigns status=ACTIVE"_s,
                                u"adCampaignGroups status=ACTIVE"_s,
                                u"adCampaigns status=PAUSED"_s}));
}

void TestLinkedInConnector::activationSurvivesAPassingFault()
{
    // A partial update sets a status and may be sent again: a 503 on the way costs one more call,
    // not the whole activation.
    Fixture f;
    const QString creativePath = kAccountPath + u"/creatives/urn:li:sponsoredCreative:456"_s;
    f.server.enqueueJson("POST", creativePath, R"({"status":503,"message":"Service unavailable"})", 503);
    f.server.enqueue("POST", creativePath, noContent());
    f.server.enqueue("POST", kAccountPath + u"/adCampaigns/345678901"_s, noContent());
    f.server.enqueue("POST", kAccountPath + u"/adCampaignGroups/612345678"_s, noContent());
    const QMap<QString, QString> ids = {{u"campaigngroup"_s, u"612345678"_s},
                                        {u"campaign"_s, u"345678901"_s},
                                        {u"ad:cre-bf-static-1"_s, u"urn:li:sponsoredCreative:456"_s}};
    QVERIFY(f.create(u"activate"_s, ids).has_value());
    QCOMPARE(f.server.requestCount(), 4);
}

QTEST_GUILESS_MAIN(TestLinkedInConnector)
#include "TestLinkedInConnector.moc"
