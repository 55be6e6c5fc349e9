#include "SandboxTestClient.h"
#include "core/sandbox/FacebookRules.h"
#include "core/sandbox/SandboxHub.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ads::core;
using namespace ads::core::sandbox;
using namespace sandboxtest;

namespace {

const QString kVersion = QStringLiteral("/v25.0");

} // namespace

class TestSandboxFacebook : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheHierarchyOnce();
    void validationErrors_data();
    void validationErrors();
    void authFailures_data();
    void authFailures();
    void findsObjectsByNameFilterWithPaging();
    void listsImagesByHash();
    void sameImageInEveryAccount();
    void statusChangesAndEffectiveStatus();
    void budgetChangeLimit();
    void stateSurvivesRestart();
    void deliveryAndInsights();
    void hourlyInsights_data();
    void hourlyInsights();
    void pausedIntervalsDeliverNothing();

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    QUrlQuery withToken(QUrlQuery query) const;
    QString post(const QString &edge, QUrlQuery form);

    QString act() const { return QStringLiteral("/act_") + m_account.accountId; }

    QJsonObject targeting(const QJsonArray &audiences = {}) const;
    /** Campaign, ad set, image, creative and ad; returns the campaign id. */
    QString launch(const QString &tag, qint64 dailyBudgetCents, const QString &status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    SandboxAccount m_account;
    Client m_client;
};

void TestSandboxFacebook::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QString error;
    QVERIFY2(m_hub->start(&error), qPrintable(error));
    m_account = m_hub->accounts(Platform::Facebook).first();
}

void TestSandboxFacebook::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestSandboxFacebook::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = m_hub->baseUrl(Platform::Facebook);
    result.setPath(kVersion + path);
    result.setQuery(query);
    return result;
}

QUrlQuery TestSandboxFacebook::withToken(QUrlQuery query) const
{
    query.addQueryItem(QStringLiteral("access_token"), m_account.accessToken);
    return query;
}

QString TestSandboxFacebook::post(const QString &edge, QUrlQuery form)
{
    const HttpResult result = m_client.postForm(url(act() + edge), withToken(form));
    if (result.status != 200)
        qWarning() << "unexpected reply" << result.status << result.body;
    return result.object().value(QStringLiteral("id")).toString();
}

QJsonObject TestSandboxFacebook::targeting(const QJsonArray &audiences) const
{
    QJsonObject spec{{"geo_locations", QJsonObject{{"countries", QJsonArray{"US"}}}},
                     {"targeting_automation", QJsonObject{{"advantage_audience", 0}}}};
    if (!audiences.isEmpty())
        spec.insert(QStringLiteral("custom_audiences"), audiences);
    return spec;
}

QString TestSandboxFacebook::launch(const QString &tag,
                                    qint64 dailyBudgetCents,
                                    const QString &status)
{
    const QString campaign = post(QStringLiteral("/campaigns"),
                                  form({{"name", "Spring " + tag},
                                        {"objective", "OUTCOME_SALES"},
                                        {"status", status},
                                        {"special_ad_categories", "[]"},
                                        {"is_adset_budget_sharing_enabled", "false"}}));
    const QString adSet = post(QStringLiteral("/adsets"),
                               form({{"name", "Ad set " + tag},
                                     {"campaign_id", campaign},
                                     {"status", status},
                                     {"daily_budget", QString::number(dailyBudgetCents)},
                                     {"optimization_goal", "OFFSITE_CONVERSIONS"},
                                     {"billing_event", "IMPRESSIONS"},
                                     {"promoted_object",
                                      compact(QJsonObject{{"pixel_id", m_account.extra["pixelId"]},
                                                          {"custom_event_type", "PURCHASE"}})},
                                     {"targeting", compact(targeting())}}));
    const HttpResult image =
        m_client.postForm(url(act() + QStringLiteral("/adimages")),
                          withToken(form({{"bytes", QString::fromLatin1(pngBytes().toBase64())}})));
    const QString hash = image.object()["images"].toObject()["bytes"].toObject()["hash"].toString();
    const QJsonObject story{{"page_id", m_account.extra["pageId"]},
                            {"link_data",
                             QJsonObject{{"link", "https://shop.example/sale"},
                                         {"message", "Primary text"},
                                         {"image_hash", hash}}}};
    const QString creative =
        post(QStringLiteral("/adcreatives"),
             form({{"name", "Creative " + tag}, {"object_story_spec", compact(story)}}));
    post(QStringLiteral("/ads"),
         form({{"name", "Ad " + tag},
               {"adset_id", adSet},
               {"status", status},
               {"creative", compact(QJsonObject{{"creative_id", creative}})}}));
    return campaign;
}

void TestSandboxFacebook::createsTheHierarchyOnce()
{
    const QString audience = post(QStringLiteral("/customaudiences"),
                                  form({{"name", "VIP [ads:c1/aud-vip]"},
                                        {"subtype", "CUSTOM"},
                                        {"customer_file_source", "USER_PROVIDED_ONLY"}}));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{15,20}$")).match(audience).hasMatch());
    const QJsonObject payload{{"schema", "EMAIL_SHA256"},
                              {"data", QJsonArray{QString(64, QLatin1Char('a')), "not-a-hash"}}};
    const HttpResult users = m_client.postForm(url(QLatin1Char('/') + audience + "/users"),
                                               withToken(form({{"payload", compact(payload)}})));
    QCOMPARE(users.status, 200);
    QCOMPARE(users.object()["num_received"].toInt(), 2);
    QCOMPARE(users.object()["num_invalid_entries"].toInt(), 1);

    const HttpResult image =
        m_client.postForm(url(act() + "/adimages"),
                          withToken(form({{"bytes", QString::fromLatin1(pngBytes().toBase64())}})));
    QCOMPARE(image.status, 200);
    const QJsonObject entry = image.object()["images"].toObject()["bytes"].toObject();
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$"))
                .match(entry["hash"].toString())
                .hasMatch());
    QVERIFY(entry["url"].toString().startsWith(QStringLiteral("http://127.0.0.1:")));

    const QString campaign =
        launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("PAUSED"));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{15,20}$")).match(campaign).hasMatch());

    QMap<QString, int> counts;
    for (const QJsonValue &value : m_hub->objects(Platform::Facebook)) {
        const QJsonObject object = value.toObject();
        QCOMPARE(object.keys(),
                 (QStringList{"fields", "id", "name", "parentId", "status", "type"}));
        QVERIFY(!object["fields"].toObject().contains(QStringLiteral("access_token")));
        ++counts[object["type"].toString()];
        if (object["type"] == QLatin1String("campaign")) {
            // Recorded exactly as received: form values stay strings.
            QCOMPARE(object["fields"].toObject()["special_ad_categories"].toString(),
                     QStringLiteral("[]"));
            QCOMPARE(object["parentId"].toString(), act().mid(1));
        }
    }
    // The second upload of the same bytes is the same image (Meta keys images by hash).
    QCOMPARE(counts,
             (QMap<QString, int>{{"ad", 1},
                                 {"adcreative", 1},
                                 {"adimage", 1},
                                 {"adset", 1},
                                 {"campaign", 1},
                                 {"customaudience", 1}}));

    const HttpResult update = m_client.postForm(url(QLatin1Char('/') + campaign),
                                                withToken(form({{"status", "ACTIVE"}})));
    QCOMPARE(update.object(), (QJsonObject{{"success", true}}));
}

void TestSandboxFacebook::validationErrors_data()
{
    QTest::addColumn<QString>("edge");
    QTest::addColumn<QStringList>("pairs");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("subcode");
    QTest::addColumn<QString>("blame");

    QTest::newRow("missing special_ad_categories") << "/campaigns"
                                                   << QStringList{"name",
                                                                  "x",
                                                                  "objective",
                                                                  "OUTCOME_SALES",
                                                                  "is_adset_budget_sharing_enabled",
                                                                  "false"}
                                                   << 100 << 0 << "special_ad_categories";
    QTest::newRow("legacy objective") << "/campaigns"
                                      << QStringList{"name",
                                                     "x",
                                                     "objective",
                                                     "CONVERSIONS",
                                                     "special_ad_categories",
                                                     "[]",
                                                     "is_adset_budget_sharing_enabled",
                                                     "false"}
                                      << 100 << 0 << "objective";
    QTest::newRow("budget sharing flag missing")
        << "/campaigns"
        << QStringList{"name", "x", "objective", "OUTCOME_TRAFFIC", "special_ad_categories", "[]"}
        << 100 << 0 << "is_adset_budget_sharing_enabled";
    QTest::newRow("campaign budget too low") << "/campaigns"
                                             << QStringList{"name",
                                                            "x",
                                                            "objective",
                                                            "OUTCOME_TRAFFIC",
                                                            "special_ad_categories",
                                                            "[]",
                                                            "daily_budget",
                                                            "50"}
                                             << 100 << 1885272 << "daily_budget";
    QTest::newRow("ad set of unknown campaign")
        << "/adsets"
        << QStringList{"name",
                       "x",
                       "campaign_id",
                       "999",
                       "daily_budget",
                       "1000",
                       "targeting",
                       R"({"geo_locations":{"countries":["US"]}})"}
        << 100 << 0 << "campaign_id";
    QTest::newRow("ad without creative")
        << "/ads" << QStringList{"name", "x", "adset_id", "999"} << 100 << 0 << "adset_id";
    QTest::newRow("image that is not an image")
        << "/adimages" << QStringList{"bytes", QString::fromLatin1(QByteArray("hello").toBase64())}
        << 100 << 0 << "bytes";
    QTest::newRow("audience without file source")
        << "/customaudiences" << QStringList{"name", "x", "subtype", "CUSTOM"} << 100 << 0
        << "customer_file_source";
}

void TestSandboxFacebook::validationErrors()
{
    QFETCH(QString, edge);
    QFETCH(QStringList, pairs);
    QFETCH(int, code);
    QFETCH(int, subcode);
    QFETCH(QString, blame);

    QUrlQuery query;
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(pairs[i])),
                           QString::fromUtf8(QUrl::toPercentEncoding(pairs[i + 1])));
    }
    const HttpResult result = m_client.postForm(url(act() + edge), withToken(query));
    QCOMPARE(result.status, 400);
    const QJsonObject error = result.object()["error"].toObject();
    QCOMPARE(error["code"].toInt(), code);
    QCOMPARE(error["error_subcode"].toInt(), subcode);
    QCOMPARE(error["type"].toString(), QStringLiteral("OAuthException"));
    QVERIFY(error["message"].toString().startsWith(QStringLiteral("(#100)")));
    QVERIFY(!error["fbtrace_id"].toString().isEmpty());
    QCOMPARE(error["is_transient"].toBool(true), false);
    const QJsonObject data =
        QJsonDocument::fromJson(error["error_data"].toString().toUtf8()).object();
    QCOMPARE(data["blame_field_specs"].toArray().first().toArray().first().toString(), blame);
    QVERIFY(m_hub->objects(Platform::Facebook).isEmpty());
}

void TestSandboxFacebook::authFailures_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");

    QTest::newRow("no token") << QString() << QByteArray() << 400 << 104;
    QTest::newRow("unknown token") << QStringLiteral("EAABnope") << QByteArray() << 400 << 190;
    QTest::newRow("bearer header") << QString() << QByteArray("Bearer ") << 200 << 0;
}

void TestSandboxFacebook::authFailures()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(int, code);

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("id,currency,timezone_name"));
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("access_token"), token);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization + m_account.accessToken.toLatin1()});
    const HttpResult result = m_client.get(url(act(), query), headers);
    QCOMPARE(result.status, status);
    if (code == 0) {
        QCOMPARE(result.object()["currency"].toString(), QStringLiteral("USD"));
        QCOMPARE(result.object()["timezone_name"].toString(), QStringLiteral("America/New_York"));
        return;
    }
    QCOMPARE(result.object()["error"].toObject()["code"].toInt(), code);
    QCOMPARE(result.object()["error"].toObject()["type"].toString(),
             QStringLiteral("OAuthException"));
}

void TestSandboxFacebook::findsObjectsByNameFilterWithPaging()
{
    launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("PAUSED"));
    launch(QStringLiteral("[ads:c2/campaign]"), 5000, QStringLiteral("PAUSED"));
    launch(QStringLiteral("[ads:c2/other]"), 5000, QStringLiteral("PAUSED"));

    const QJsonArray filter{
        QJsonObject{{"field", "name"}, {"operator", "CONTAIN"}, {"value", "[ads:c2/"}}};
    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("id,name,status,effective_status"));
    query.addQueryItem(QStringLiteral("filtering"),
                       QString::fromUtf8(QUrl::toPercentEncoding(compact(filter))));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    HttpResult page = m_client.get(url(act() + "/campaigns", query));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.object()["data"].toArray().size(), 1);
    const QString next = page.object()["paging"].toObject()["next"].toString();
    QVERIFY(!next.isEmpty());
    QSet<QString> names{page.object()["data"].toArray().first()["name"].toString()};

    page = m_client.get(QUrl(next));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.object()["data"].toArray().size(), 1);
    names.insert(page.object()["data"].toArray().first()["name"].toString());
    QVERIFY(!page.object()["paging"].toObject().contains(QStringLiteral("next")));
    QCOMPARE(names, (QSet<QString>{"Spring [ads:c2/campaign]", "Spring [ads:c2/other]"}));
    QCOMPARE(page.object()["data"].toArray().first()["status"].toString(),
             QStringLiteral("PAUSED"));
}

void TestSandboxFacebook::listsImagesByHash()
{
    QStringList hashes;
    for (const quint32 side : {2u, 4u}) {
        const HttpResult image = m_client.postForm(
            url(act() + "/adimages"),
            withToken(form({{"bytes", QString::fromLatin1(pngBytes(side, side).toBase64())}})));
        hashes.append(image.object()["images"]["bytes"]["hash"].toString());
    }
    QVERIFY(!hashes.first().isEmpty() && hashes.first() != hashes.last());

    // meta.md 3: GET /{act}/adimages?hashes=[...] reads the images with those hashes.
    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("hash,status"));
    query.addQueryItem(QStringLiteral("hashes"),
                       QString::fromUtf8(QUrl::toPercentEncoding(
                           QStringLiteral("[\"%1\"]").arg(hashes.last()))));
    const HttpResult one = m_client.get(url(act() + "/adimages", query));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object()["data"].toArray().size(), 1);
    QCOMPARE(one.object()["data"][0]["hash"].toString(), hashes.last());

    QUrlQuery all = withToken({});
    all.addQueryItem(QStringLiteral("fields"), QStringLiteral("hash"));
    QCOMPARE(m_client.get(url(act() + "/adimages", all)).object()["data"].toArray().size(), 2);

    QUrlQuery bad = withToken({});
    bad.addQueryItem(QStringLiteral("hashes"), QStringLiteral("not-a-list"));
    const HttpResult refused = m_client.get(url(act() + "/adimages", bad));
    QCOMPARE(refused.object()["error"]["code"].toInt(), 100);
}

void TestSandboxFacebook::sameImageInEveryAccount()
{
    // Meta keeps images per ad account: the same bytes uploaded to the euro account make a
    // second image there, under the same hash, and each account lists only its own.
    SandboxAccount euro;
    for (const SandboxAccount &account : m_hub->accounts(Platform::Facebook)) {
        if (account.currency == u"EUR")
            euro = account;
    }
    QVERIFY(!euro.accountId.isEmpty());

    QStringList hashes;
    for (const SandboxAccount &account : {m_account, euro}) {
        QUrlQuery body = form({{"bytes", QString::fromLatin1(pngBytes(3, 3).toBase64())}});
        body.addQueryItem(QStringLiteral("access_token"), account.accessToken);
        const HttpResult image = m_client.postForm(url("/act_" + account.accountId + "/adimages"), body);
        QCOMPARE(image.status, 200);
        hashes.append(image.object()["images"]["bytes"]["hash"].toString());

        QUrlQuery list;
        list.addQueryItem(QStringLiteral("access_token"), account.accessToken);
        list.addQueryItem(QStringLiteral("fields"), QStringLiteral("id,hash"));
        const QJsonArray images = m_client.get(url("/act_" + account.accountId + "/adimages", list))
                                      .object()["data"]
                                      .toArray();
        QCOMPARE(images.size(), 1);
        QCOMPARE(images[0]["id"].toString(), account.accountId + u':' + hashes.last());
    }
    QCOMPARE(hashes.first(), hashes.last());
}

void TestSandboxFacebook::statusChangesAndEffectiveStatus()
{
    const QString campaign =
        launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("ACTIVE"));
    QCOMPARE(
        m_client.postForm(url(QLatin1Char('/') + campaign), withToken(form({{"status", "PAUSED"}})))
            .status,
        200);

    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("fields"),
                       QStringLiteral("id,status,effective_status,daily_budget"));
    HttpResult adSets = m_client.get(url(act() + "/adsets", query));
    const QJsonObject adSet = adSets.object()["data"].toArray().first().toObject();
    QCOMPARE(adSet["status"].toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(adSet["effective_status"].toString(), QStringLiteral("CAMPAIGN_PAUSED"));
    QCOMPARE(adSet["daily_budget"].toString(), QStringLiteral("5000"));

    QCOMPARE(m_client.send("DELETE", url(QLatin1Char('/') + campaign, withToken({}))).status, 200);
    HttpResult campaigns = m_client.get(url(act() + "/campaigns", query));
    QVERIFY(campaigns.object()["data"].toArray().isEmpty());
    const HttpResult again = m_client.postForm(url(QLatin1Char('/') + campaign),
                                               withToken(form({{"status", "ACTIVE"}})));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.object()["error"].toObject()["code"].toInt(), 100);
}

void TestSandboxFacebook::budgetChangeLimit()
{
    launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("PAUSED"));
    QUrlQuery query = withToken({});
    const QString adSet = m_client.get(url(act() + "/adsets", query))
                              .object()["data"]
                              .toArray()
                              .first()["id"]
                              .toString();
    for (int i = 0; i < 4; ++i) {
        const HttpResult ok =
            m_client.postForm(url(QLatin1Char('/') + adSet),
                              withToken(form({{"daily_budget", QString::number(6000 + i)}})));
        QCOMPARE(ok.status, 200);
    }
    const HttpResult limited = m_client.postForm(url(QLatin1Char('/') + adSet),
                                                 withToken(form({{"daily_budget", "7000"}})));
    QCOMPARE(limited.status, 400);
    QCOMPARE(limited.object()["error"].toObject()["code"].toInt(), 17);
    QCOMPARE(limited.object()["error"].toObject()["is_transient"].toBool(), true);

    m_hub->advanceClock(3601);
    QCOMPARE(
        m_client
            .postForm(url(QLatin1Char('/') + adSet), withToken(form({{"daily_budget", "7000"}})))
            .status,
        200);
}

void TestSandboxFacebook::stateSurvivesRestart()
{
    const QString campaign =
        launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("PAUSED"));
    const int objectCount = int(m_hub->objects(Platform::Facebook).size());
    m_hub.reset();

    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    QCOMPARE(m_hub->accounts(Platform::Facebook).first().accessToken, m_account.accessToken);
    QCOMPARE(m_hub->objects(Platform::Facebook).size(), objectCount);
    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("name,objective"));
    const HttpResult node = m_client.get(url(QLatin1Char('/') + campaign, query));
    QCOMPARE(node.status, 200);
    QCOMPARE(node.object()["objective"].toString(), QStringLiteral("OUTCOME_SALES"));

    // New ids continue after the old ones instead of colliding with them.
    const QString next =
        launch(QStringLiteral("[ads:c2/campaign]"), 5000, QStringLiteral("PAUSED"));
    QVERIFY(next.toLongLong() > campaign.toLongLong());
}

void TestSandboxFacebook::deliveryAndInsights()
{
    const QString campaign =
        launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("ACTIVE"));
    m_hub->advanceClock(6 * 24 * 3600);

    const QTimeZone zone("America/New_York");
    const QDate today = m_hub->now().toTimeZone(zone).date();
    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("level"), QStringLiteral("campaign"));
    query.addQueryItem(QStringLiteral("time_increment"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("fields"),
                       QStringLiteral("campaign_id,campaign_name,impressions,clicks,spend,ctr,"
                                      "actions,action_values,account_currency"));
    const QJsonObject range{{"since", today.addDays(-10).toString(Qt::ISODate)},
                            {"until", today.toString(Qt::ISODate)}};
    query.addQueryItem(QStringLiteral("time_range"),
                       QString::fromUtf8(QUrl::toPercentEncoding(compact(range))));
    const HttpResult insights = m_client.get(url(act() + "/insights", query));
    QCOMPARE(insights.status, 200);
    QVERIFY(!insights.header("x-fb-ads-insights-throttle").isEmpty());
    const QJsonArray rows = insights.object()["data"].toArray();
    QVERIFY2(rows.size() >= 5, insights.body.constData());

    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        QCOMPARE(row["campaign_id"].toString(), campaign);
        QCOMPARE(row["date_start"], row["date_stop"]);
        QVERIFY(row["impressions"].isString());
        QVERIFY(row["spend"].toString().contains(
            QRegularExpression(QStringLiteral("^\\d+\\.\\d{2}$"))));
        // 50.00 USD a day may reach 175 % on one day.
        QVERIFY(row["spend"].toString().toDouble() <= 87.5);
        QCOMPARE(row["account_currency"].toString(), QStringLiteral("USD"));
        QVERIFY(row["ctr"].isString());
    }
    const HttpResult repeat = m_client.get(url(act() + "/insights", query));
    QCOMPARE(repeat.object()["data"], insights.object()["data"]);
}

void TestSandboxFacebook::pausedIntervalsDeliverNothing()
{
    const QString campaign =
        launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("ACTIVE"));
    QCOMPARE(
        m_client.postForm(url(QLatin1Char('/') + campaign), withToken(form({{"status", "PAUSED"}})))
            .status,
        200);
    m_hub->advanceClock(5 * 24 * 3600);

    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("level"), QStringLiteral("campaign"));
    query.addQueryItem(QStringLiteral("date_preset"), QStringLiteral("maximum"));
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("spend,impressions"));
    const HttpResult insights = m_client.get(url(act() + "/insights", query));
    QCOMPARE(insights.status, 200);
    QVERIFY2(insights.object()["data"].toArray().isEmpty(), insights.body.constData());
}

void TestSandboxFacebook::hourlyInsights_data()
{
    QTest::addColumn<QString>("breakdowns");
    QTest::addColumn<int>("status");

    QTest::newRow("hourly by advertiser time, as a list")
        << R"(["hourly_stats_aggregated_by_advertiser_time_zone"])" << 200;
    QTest::newRow("hourly by advertiser time, as text") << "hourly_stats_aggregated_by_advertiser_time_zone" << 200;
    QTest::newRow("hourly by audience time") << "hourly_stats_aggregated_by_audience_time_zone" << 400;
    QTest::newRow("age") << "age" << 400;
}

// The hourly breakdown adds "HH:00:00 - HH:59:59" to each row (meta.md 5.1); a day's hours add up
// to its row without the breakdown. Other breakdowns are refused with (#100).
void TestSandboxFacebook::hourlyInsights()
{
    QFETCH(QString, breakdowns);
    QFETCH(int, status);

    launch(QStringLiteral("[ads:c1/campaign]"), 5000, QStringLiteral("ACTIVE"));
    m_hub->advanceClock(3 * 24 * 3600);
    // The last whole day Meta has reported: in the first minutes after midnight it is the day before.
    const QDateTime reported = m_hub->now().addMSecs(-sandbox::facebook::kReportingDelayMs);
    const QDate day = reported.toTimeZone(QTimeZone("America/New_York")).date().addDays(-1);
    QUrlQuery query = withToken({});
    query.addQueryItem(QStringLiteral("level"), QStringLiteral("campaign"));
    query.addQueryItem(QStringLiteral("time_increment"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("fields"), QStringLiteral("campaign_id,impressions,spend"));
    const QJsonObject range{{"since", day.toString(Qt::ISODate)}, {"until", day.toString(Qt::ISODate)}};
    query.addQueryItem(QStringLiteral("time_range"), QString::fromUtf8(QUrl::toPercentEncoding(compact(range))));
    const HttpResult daily = m_client.get(url(act() + "/insights", query));
    query.addQueryItem(QStringLiteral("breakdowns"), QString::fromUtf8(QUrl::toPercentEncoding(breakdowns)));
    const HttpResult hourly = m_client.get(url(act() + "/insights", query));
    QCOMPARE(hourly.status, status);
    if (status != 200) {
        QCOMPARE(hourly.object()["error"]["code"].toInt(), 100);
        return;
    }

    const QJsonArray hours = hourly.object()["data"].toArray();
    QCOMPARE(hours.size(), 24);
    const QRegularExpression hourRange(QStringLiteral("^(\\d{2}):00:00 - (\\d{2}):59:59$"));
    qint64 impressions = 0;
    for (int i = 0; i < hours.size(); ++i) {
        const QRegularExpressionMatch match =
            hourRange.match(hours[i]["hourly_stats_aggregated_by_advertiser_time_zone"].toString());
        QVERIFY(match.hasMatch());
        QCOMPARE(match.captured(1).toInt(), i);
        QCOMPARE(match.captured(2).toInt(), i);
        QCOMPARE(hours[i]["date_start"].toString(), day.toString(Qt::ISODate));
        impressions += hours[i]["impressions"].toString().toLongLong();
    }
    QCOMPARE(impressions, daily.object()["data"][0]["impressions"].toString().toLongLong());
}

QTEST_GUILESS_MAIN(TestSandboxFacebook)
#include "TestSandboxFacebook.moc"
