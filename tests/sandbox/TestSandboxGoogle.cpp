// The JSON literals below join QString and const char*; QStringBuilder's lazy type does not
// convert to QJsonValue inside initializer lists, so this suite builds plain QStrings.
#undef QT_USE_QSTRINGBUILDER

#include "SandboxTestClient.h"
#include "core/sandbox/GoogleRules.h"
#include "core/sandbox/SandboxHub.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ads::core;
using namespace ads::core::sandbox;
using namespace sandboxtest;

class TestSandboxGoogle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void atomicMutateCreatesTheTree();
    void atomicMutateIsAllOrNothing();
    void validationErrors_data();
    void validationErrors();
    void partialFailure();
    void authFailures_data();
    void authFailures();
    void gaqlLookupAndErrors_data();
    void gaqlLookupAndErrors();
    void deliveryAndReporting();
    void hourlySegments();
    void stateSurvivesRestart();

private:
    QUrl url(const QString &method) const;
    QList<QPair<QByteArray, QByteArray>> headers() const;
    HttpResult post(const QString &method, const QJsonObject &body);
    QString createAsset(quint32 width, quint32 height);
    /** Creates the whole display tree in one googleAds:mutate; returns the campaign name. */
    HttpResult launch(const QString &name, const QString &status);
    QJsonArray searchStream(const QString &query);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxHub> m_hub;
    SandboxAccount m_account;
    Client m_client;
};

void TestSandboxGoogle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    m_account = m_hub->accounts(Platform::Google).first();
}

void TestSandboxGoogle::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestSandboxGoogle::url(const QString &method) const
{
    QUrl result = m_hub->baseUrl(Platform::Google);
    result.setPath(QStringLiteral("/v25/customers/%1/%2").arg(m_account.accountId, method));
    return result;
}

QList<QPair<QByteArray, QByteArray>> TestSandboxGoogle::headers() const
{
    return {{"Authorization", "Bearer " + m_account.accessToken.toLatin1()},
            {"developer-token", m_account.extra["developerToken"].toLatin1()}};
}

HttpResult TestSandboxGoogle::post(const QString &method, const QJsonObject &body)
{
    return m_client.postJson(url(method), body, headers());
}

QString TestSandboxGoogle::createAsset(quint32 width, quint32 height)
{
    const QJsonObject create{
        {"name", QStringLiteral("img %1x%2").arg(width).arg(height)},
        {"imageAsset",
         QJsonObject{{"data", QString::fromLatin1(pngBytes(width, height).toBase64())}}}};
    const HttpResult result = post(QStringLiteral("assets:mutate"),
                                   {{"operations", QJsonArray{QJsonObject{{"create", create}}}}});
    return result.object()["results"].toArray().first()["resourceName"].toString();
}

HttpResult TestSandboxGoogle::launch(const QString &name, const QString &status)
{
    const QString prefix = QStringLiteral("customers/%1/").arg(m_account.accountId);
    const HttpResult list =
        post(QStringLiteral("userLists:mutate"),
             {{"operations",
               QJsonArray{
                   QJsonObject{{"create",
                                QJsonObject{{"name", name + " VIP"},
                                            {"membershipLifeSpan", "540"},
                                            {"crmBasedUserList",
                                             QJsonObject{{"uploadKeyType", "CONTACT_INFO"}}}}}}}}});
    const QString userList = list.object()["results"].toArray().first()["resourceName"].toString();
    const QString landscape = createAsset(1200, 628);
    const QString square = createAsset(600, 600);

    const QJsonObject ad{
        {"finalUrls", QJsonArray{"https://shop.example/sale"}},
        {"responsiveDisplayAd",
         QJsonObject{{"marketingImages", QJsonArray{QJsonObject{{"asset", landscape}}}},
                     {"squareMarketingImages", QJsonArray{QJsonObject{{"asset", square}}}},
                     {"headlines", QJsonArray{QJsonObject{{"text", "Spring sale"}}}},
                     {"longHeadline", QJsonObject{{"text", "Everything for spring, on sale"}}},
                     {"descriptions", QJsonArray{QJsonObject{{"text", "Shop today"}}}},
                     {"businessName", "Shop"}}}};
    const QJsonArray operations{
        QJsonObject{{"campaignBudgetOperation",
                     QJsonObject{{"create",
                                  QJsonObject{{"resourceName", prefix + "campaignBudgets/-1"},
                                              {"name", name + " budget"},
                                              {"amountMicros", "50000000"},
                                              {"explicitlyShared", false}}}}}},
        QJsonObject{{"campaignOperation",
                     QJsonObject{{"create",
                                  QJsonObject{{"resourceName", prefix + "campaigns/-2"},
                                              {"name", name},
                                              {"status", status},
                                              {"advertisingChannelType", "DISPLAY"},
                                              {"campaignBudget", prefix + "campaignBudgets/-1"},
                                              {"maximizeConversions", QJsonObject()},
                                              {"containsEuPoliticalAdvertising",
                                               "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"}}}}}},
        QJsonObject{{"adGroupOperation",
                     QJsonObject{{"create",
                                  QJsonObject{{"resourceName", prefix + "adGroups/-3"},
                                              {"name", name + " AG"},
                                              {"status", status},
                                              {"campaign", prefix + "campaigns/-2"},
                                              {"type", "DISPLAY_STANDARD"}}}}}},
        QJsonObject{
            {"adGroupCriterionOperation",
             QJsonObject{{"create",
                          QJsonObject{{"adGroup", prefix + "adGroups/-3"},
                                      {"userList", QJsonObject{{"userList", userList}}}}}}}},
        QJsonObject{{"adGroupAdOperation",
                     QJsonObject{{"create",
                                  QJsonObject{{"adGroup", prefix + "adGroups/-3"},
                                              {"status", status},
                                              {"ad", ad}}}}}}};
    return post(QStringLiteral("googleAds:mutate"), {{"mutateOperations", operations}});
}

QJsonArray TestSandboxGoogle::searchStream(const QString &query)
{
    const HttpResult result = post(QStringLiteral("googleAds:searchStream"), {{"query", query}});
    if (result.status != 200)
        qWarning() << result.body;
    return result.array();
}

void TestSandboxGoogle::atomicMutateCreatesTheTree()
{
    const HttpResult result =
        launch(QStringLiteral("Spring [ads:c1/google]"), QStringLiteral("PAUSED"));
    QCOMPARE(result.status, 200);
    QVERIFY(!result.header("request-id").isEmpty());
    const QJsonArray responses = result.object()["mutateOperationResponses"].toArray();
    QCOMPARE(responses.size(), 5);
    const QString campaign = responses[1]["campaignResult"]["resourceName"].toString();
    QVERIFY(QRegularExpression(QStringLiteral("^customers/\\d{10}/campaigns/\\d+$"))
                .match(campaign)
                .hasMatch());
    QVERIFY(responses[4]["adGroupAdResult"]["resourceName"].toString().contains(QLatin1Char('~')));

    QMap<QString, int> counts;
    for (const QJsonValue &value : m_hub->objects(Platform::Google))
        ++counts[value["type"].toString()];
    QCOMPARE(counts,
             (QMap<QString, int>{{"ad_group", 1},
                                 {"ad_group_ad", 1},
                                 {"ad_group_criterion", 1},
                                 {"asset", 2},
                                 {"campaign", 1},
                                 {"campaign_budget", 1},
                                 {"user_list", 1}}));
    for (const QJsonValue &value : m_hub->objects(Platform::Google)) {
        if (value["type"] == QLatin1String("campaign")) {
            // Recorded as sent, temporary name included.
            QVERIFY(value["fields"]["resourceName"].toString().endsWith(QStringLiteral("/-2")));
            QCOMPARE(value["status"].toString(), QStringLiteral("PAUSED"));
        }
    }

    const HttpResult enable =
        post(QStringLiteral("campaigns:mutate"),
             {{"operations",
               QJsonArray{QJsonObject{
                   {"update", QJsonObject{{"resourceName", campaign}, {"status", "ENABLED"}}},
                   {"updateMask", "status"}}}}});
    QCOMPARE(enable.status, 200);
    QCOMPARE(enable.object()["results"][0]["resourceName"].toString(), campaign);
    const QJsonArray rows = searchStream(QStringLiteral("SELECT campaign.status FROM campaign"));
    QCOMPARE(rows[0]["results"][0]["campaign"]["status"].toString(), QStringLiteral("ENABLED"));
}

void TestSandboxGoogle::atomicMutateIsAllOrNothing()
{
    const QString prefix = QStringLiteral("customers/%1/").arg(m_account.accountId);
    const QJsonArray operations{
        QJsonObject{{"campaignBudgetOperation",
                     QJsonObject{{"create",
                                  QJsonObject{{"resourceName", prefix + "campaignBudgets/-1"},
                                              {"name", "b"},
                                              {"amountMicros", "50000000"}}}}}},
        QJsonObject{
            {"campaignOperation",
             QJsonObject{{"create",
                          QJsonObject{{"name", "c"},
                                      {"advertisingChannelType", "DISPLAY"},
                                      {"manualCpc", QJsonObject()},
                                      {"campaignBudget", prefix + "campaignBudgets/-1"}}}}}}};
    const HttpResult result =
        post(QStringLiteral("googleAds:mutate"), {{"mutateOperations", operations}});
    QCOMPARE(result.status, 400);
    const QJsonObject error = result.object()["error"].toObject();
    QCOMPARE(error["status"].toString(), QStringLiteral("INVALID_ARGUMENT"));
    const QJsonObject failure = error["details"][0].toObject();
    QCOMPARE(
        failure["@type"].toString(),
        QStringLiteral("type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure"));
    const QJsonObject first = failure["errors"][0].toObject();
    QCOMPARE(first["errorCode"]["fieldError"].toString(), QStringLiteral("REQUIRED"));
    const QJsonArray path = first["location"]["fieldPathElements"].toArray();
    QCOMPARE(path[0]["fieldName"].toString(), QStringLiteral("mutate_operations"));
    QCOMPARE(path[0]["index"].toInt(), 1);
    QCOMPARE(path[1]["fieldName"].toString(), QStringLiteral("campaign_operation"));
    QCOMPARE(path.last()["fieldName"].toString(),
             QStringLiteral("contains_eu_political_advertising"));
    QVERIFY(m_hub->objects(Platform::Google).isEmpty());
}

void TestSandboxGoogle::validationErrors_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("create");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("code");

    QTest::newRow("budget not a multiple of the billable unit")
        << "campaignBudgets:mutate" << QJsonObject{{"name", "b"}, {"amountMicros", "50005000"}}
        << "campaignBudgetError"
        << "NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT";
    QTest::newRow("shared budget without a name")
        << "campaignBudgets:mutate" << QJsonObject{{"amountMicros", "50000000"}} << "fieldError"
        << "REQUIRED";
    QTest::newRow("campaign with unknown budget")
        << "campaigns:mutate"
        << QJsonObject{{"name", "c"},
                       {"advertisingChannelType", "DISPLAY"},
                       {"manualCpc", QJsonObject()},
                       {"containsEuPoliticalAdvertising",
                        "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"},
                       {"campaignBudget", "customers/1/campaignBudgets/5"}}
        << "mutateError"
        << "RESOURCE_NOT_FOUND";
    QTest::newRow("bad channel enum")
        << "campaigns:mutate" << QJsonObject{{"name", "c"}, {"advertisingChannelType", "BILLBOARD"}}
        << "requestError"
        << "INVALID_ENUM_VALUE";
    QTest::newRow("user list lifespan above 540")
        << "userLists:mutate" << QJsonObject{{"name", "l"}, {"membershipLifeSpan", "541"}}
        << "rangeError"
        << "TOO_HIGH";
    QTest::newRow("asset that is not an image")
        << "assets:mutate" << QJsonObject{{"imageAsset", QJsonObject{{"data", "aGVsbG8="}}}}
        << "imageError"
        << "INVALID_IMAGE";
}

void TestSandboxGoogle::validationErrors()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, create);
    QFETCH(QString, category);
    QFETCH(QString, code);

    const HttpResult result =
        post(method, {{"operations", QJsonArray{QJsonObject{{"create", create}}}}});
    QCOMPARE(result.status, 400);
    const QJsonArray errors = result.object()["error"]["details"][0]["errors"].toArray();
    bool found = false;
    for (const QJsonValue &error : errors)
        found = found || error["errorCode"][category].toString() == code;
    QVERIFY2(found, result.body.constData());
    QCOMPARE(errors[0]["location"]["fieldPathElements"][0]["fieldName"].toString(),
             QStringLiteral("operations"));
    QVERIFY(m_hub->objects(Platform::Google).isEmpty());
}

void TestSandboxGoogle::partialFailure()
{
    const QJsonArray operations{
        QJsonObject{{"create", QJsonObject{{"name", "ok"}, {"amountMicros", "20000000"}}}},
        QJsonObject{{"create", QJsonObject{{"name", "bad"}, {"amountMicros", "7"}}}}};
    const HttpResult result = post(QStringLiteral("campaignBudgets:mutate"),
                                   {{"operations", operations}, {"partialFailure", true}});
    QCOMPARE(result.status, 200);
    const QJsonArray results = result.object()["results"].toArray();
    QVERIFY(!results[0]["resourceName"].toString().isEmpty());
    QCOMPARE(results[1].toObject(), QJsonObject());
    const QJsonObject error = result.object()["partialFailureError"].toObject();
    QCOMPARE(error["code"].toInt(), 3);
    QCOMPARE(error["details"][0]["errors"][0]["location"]["fieldPathElements"][0]["index"].toInt(),
             1);
    QCOMPARE(m_hub->objects(Platform::Google).size(), 1);
}

void TestSandboxGoogle::authFailures_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<bool>("developerToken");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("code");

    QTest::newRow("no bearer") << QString() << QByteArray() << true << 401 << "authenticationError"
                               << "OAUTH_TOKEN_HEADER_INVALID";
    QTest::newRow("unknown token")
        << QString() << QByteArray("Bearer nope") << true << 401 << "authenticationError"
        << "OAUTH_TOKEN_INVALID";
    QTest::newRow("no developer token")
        << QString() << QByteArray("ok") << false << 400 << "requestError"
        << "DEVELOPER_TOKEN_PARAMETER_MISSING";
    QTest::newRow("hyphenated customer")
        << QStringLiteral("123-456-7890") << QByteArray("ok") << true << 400 << "requestError"
        << "INVALID_CUSTOMER_ID";
    QTest::newRow("someone else's customer")
        << QStringLiteral("1234567890") << QByteArray("ok") << true << 403 << "authorizationError"
        << "USER_PERMISSION_DENIED";
}

void TestSandboxGoogle::authFailures()
{
    QFETCH(QString, customer);
    QFETCH(QByteArray, authorization);
    QFETCH(bool, developerToken);
    QFETCH(int, status);
    QFETCH(QString, category);
    QFETCH(QString, code);

    QUrl target = m_hub->baseUrl(Platform::Google);
    target.setPath(QStringLiteral("/v25/customers/%1/googleAds:search")
                       .arg(customer.isEmpty() ? m_account.accountId : customer));
    QList<QPair<QByteArray, QByteArray>> sent;
    if (authorization == "ok")
        sent.append({"Authorization", "Bearer " + m_account.accessToken.toLatin1()});
    else if (!authorization.isEmpty())
        sent.append({"Authorization", authorization});
    if (developerToken)
        sent.append({"developer-token", m_account.extra["developerToken"].toLatin1()});
    const HttpResult result =
        m_client.postJson(target, {{"query", "SELECT campaign.id FROM campaign"}}, sent);
    QCOMPARE(result.status, status);
    const QJsonObject error = result.object()["error"].toObject();
    QCOMPARE(error["code"].toInt(), status);
    QCOMPARE(error["details"][0]["errors"][0]["errorCode"][category].toString(), code);
}

void TestSandboxGoogle::gaqlLookupAndErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("error");

    QTest::newRow("like with the tag") << "SELECT campaign.id, campaign.name FROM campaign WHERE "
                                          "campaign.name LIKE '%[ads:c1/google]%'"
                                       << 1 << QString();
    QTest::newRow("escaped brackets")
        << "SELECT campaign.id FROM campaign WHERE campaign.name LIKE "
           "'%[[]ads:c1/google]%'"
        << 1 << QString();
    QTest::newRow("equals")
        << "SELECT campaign.resource_name FROM campaign WHERE campaign.name = "
           "'Spring [ads:c1/google]' AND campaign.status IN ('ENABLED', 'PAUSED')"
        << 1 << QString();
    QTest::newRow("no match") << "SELECT campaign.id FROM campaign WHERE campaign.name LIKE '%c9%'"
                              << 0 << QString();
    QTest::newRow("ad group with its campaign")
        << "SELECT ad_group.id, campaign.name FROM ad_group "
           "ORDER BY ad_group.id LIMIT 5"
        << 1 << QString();
    QTest::newRow("unknown field")
        << "SELECT campaign.colour FROM campaign" << 0 << "UNRECOGNIZED_FIELD";
    QTest::newRow("date without range") << "SELECT campaign.id, segments.date FROM campaign" << 0
                                        << "EXPECTED_FILTERS_ON_DATE_RANGE";
    QTest::newRow("hour without range") << "SELECT campaign.id, segments.hour FROM campaign" << 0
                                        << "EXPECTED_FILTERS_ON_DATE_RANGE";
    QTest::newRow("unknown resource")
        << "SELECT foo.id FROM foo" << 0 << "BAD_RESOURCE_TYPE_IN_FROM_CLAUSE";
}

void TestSandboxGoogle::gaqlLookupAndErrors()
{
    QFETCH(QString, query);
    QFETCH(int, rows);
    QFETCH(QString, error);

    QCOMPARE(launch(QStringLiteral("Spring [ads:c1/google]"), QStringLiteral("PAUSED")).status,
             200);
    const HttpResult result = post(QStringLiteral("googleAds:search"), {{"query", query}});
    if (!error.isEmpty()) {
        QCOMPARE(result.status, 400);
        QCOMPARE(result.object()["error"]["details"][0]["errors"][0]["errorCode"]["queryError"]
                     .toString(),
                 error);
        return;
    }
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object()["results"].toArray().size(), rows);
    QVERIFY(!result.object().contains(QStringLiteral("requestId")));
    if (rows > 0) {
        const QJsonObject campaign = result.object()["results"][0]["campaign"].toObject();
        QVERIFY(campaign["resourceName"].toString().startsWith(QStringLiteral("customers/")));
        if (campaign.contains(QStringLiteral("id")))
            QVERIFY(campaign["id"].isString());
    }
}

void TestSandboxGoogle::deliveryAndReporting()
{
    QCOMPARE(launch(QStringLiteral("Spring [ads:c1/google]"), QStringLiteral("ENABLED")).status,
             200);
    m_hub->advanceClock(5 * 24 * 3600);
    const QDate today = m_hub->now().toTimeZone(QTimeZone("America/New_York")).date();
    const QString range =
        QStringLiteral("segments.date BETWEEN '%1' AND '%2'")
            .arg(today.addDays(-10).toString(Qt::ISODate), today.toString(Qt::ISODate));

    const QJsonArray batches = searchStream(
        QStringLiteral(
            "SELECT campaign.id, metrics.impressions, metrics.clicks, metrics.cost_micros, "
            "metrics.conversions, metrics.conversions_value, segments.date FROM campaign "
            "WHERE %1 ORDER BY segments.date")
            .arg(range));
    QVERIFY(!batches.isEmpty());
    QVERIFY(batches.last().toObject().contains(QStringLiteral("queryResourceConsumption")));
    QVERIFY(!batches.first()["requestId"].toString().isEmpty());
    const QJsonArray rows = batches.first()["results"].toArray();
    QVERIFY2(rows.size() >= 4, qPrintable(QString::number(rows.size())));
    qint64 total = 0;
    QString previous;
    for (const QJsonValue &row : rows) {
        const QJsonObject metrics = row["metrics"].toObject();
        QVERIFY(metrics["impressions"].isString());
        QVERIFY(metrics["costMicros"].isString());
        const qint64 cost = metrics["costMicros"].toString().toLongLong();
        QVERIFY(cost <= 100'000'000); // two times the 50 USD daily budget
        total += cost;
        const QString date = row["segments"]["date"].toString();
        QVERIFY(date > previous);
        previous = date;
        if (metrics.contains(QStringLiteral("conversions")))
            QVERIFY(metrics["conversions"].isDouble());
    }

    const HttpResult totals = post(
        QStringLiteral("googleAds:search"),
        {{"query", QStringLiteral("SELECT metrics.cost_micros FROM campaign WHERE %1").arg(range)},
         {"searchSettings", QJsonObject{{"returnTotalResultsCount", true}}}});
    QCOMPARE(totals.status, 200);
    QCOMPARE(totals.object()["results"][0]["metrics"]["costMicros"].toString().toLongLong(), total);
    QCOMPARE(totals.object()["totalResultsCount"].toString(), QStringLiteral("1"));

    const HttpResult paged =
        post(QStringLiteral("googleAds:search"),
             {{"query", "SELECT campaign.id FROM campaign"}, {"pageSize", 10}});
    QCOMPARE(
        paged.object()["error"]["details"][0]["errors"][0]["errorCode"]["requestError"].toString(),
        QStringLiteral("PAGE_SIZE_NOT_SUPPORTED"));
}

void TestSandboxGoogle::stateSurvivesRestart()
{
    QCOMPARE(launch(QStringLiteral("Spring [ads:c1/google]"), QStringLiteral("PAUSED")).status,
             200);
    m_hub.reset();
    m_hub = std::make_unique<SandboxHub>(m_dir->path(), 42);
    QVERIFY(m_hub->start());
    const QJsonArray rows = searchStream(QStringLiteral("SELECT campaign.name FROM campaign"));
    QCOMPARE(rows[0]["results"][0]["campaign"]["name"].toString(),
             QStringLiteral("Spring [ads:c1/google]"));
    // A retried create of the same name is refused, not duplicated.
    const HttpResult again =
        launch(QStringLiteral("Spring [ads:c1/google]"), QStringLiteral("PAUSED"));
    QCOMPARE(again.status, 400);
    QVERIFY(again.body.contains("DUPLICATE"));
}

// segments.hour with segments.date: an int 0..23 per row, in the account's zone (google.md 5.2),
// and a date's hours add up to its segments.date row.
void TestSandboxGoogle::hourlySegments()
{
    QCOMPARE(launch(QStringLiteral("Spring [ads:c1/google]"), QStringLiteral("ENABLED")).status, 200);
    // Four days on, the two days before the last one Google has fully reported began after the launch.
    m_hub->advanceClock(4 * 24 * 3600);
    // The day whose hours Google has all reported: its statistics lag, so today depends on the time.
    const QDateTime reported = m_hub->now().addMSecs(-sandbox::google::kReportingDelayMs);
    const QDate today = reported.toTimeZone(QTimeZone("America/New_York")).date();
    const QString select = QStringLiteral("SELECT campaign.id, metrics.impressions, metrics.cost_micros, %1 "
                                          "FROM campaign WHERE segments.date BETWEEN '%2' AND '%3'");
    const QString from = today.addDays(-2).toString(Qt::ISODate);
    const QString to = today.addDays(-1).toString(Qt::ISODate);

    const HttpResult hourly = post(QStringLiteral("googleAds:search"),
                                   {{"query", select.arg("segments.date, segments.hour", from, to)}});
    QCOMPARE(hourly.status, 200);
    QMap<QString, qint64> costByDate;
    QSet<QString> seen;
    for (const QJsonValue &row : hourly.object()["results"].toArray()) {
        const QJsonValue hour = row["segments"]["hour"];
        QVERIFY(hour.isDouble());
        QVERIFY(hour.toInt() >= 0 && hour.toInt() <= 23);
        const QString date = row["segments"]["date"].toString();
        QVERIFY(!seen.contains(date + QString::number(hour.toInt())));
        seen.insert(date + QString::number(hour.toInt()));
        costByDate[date] += row["metrics"]["costMicros"].toString().toLongLong();
    }
    QCOMPARE(seen.size(), 48); // two whole days, delivering in every hour

    const HttpResult daily =
        post(QStringLiteral("googleAds:search"), {{"query", select.arg("segments.date", from, to)}});
    const QJsonArray days = daily.object()["results"].toArray();
    QCOMPARE(days.size(), 2);
    for (const QJsonValue &row : days)
        QCOMPARE(costByDate.value(row["segments"]["date"].toString()),
                 row["metrics"]["costMicros"].toString().toLongLong());
}

QTEST_GUILESS_MAIN(TestSandboxGoogle)
#include "TestSandboxGoogle.moc"
