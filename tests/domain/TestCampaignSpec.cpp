#include "core/domain/Campaign.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ads::core;

namespace {

QJsonObject validJson()
{
    return QJsonDocument::fromJson(R"({
        "name": "Black Friday",
        "objective": "conversions",
        "platforms": ["facebook", "google", "tiktok"],
        "budget": {"type": "daily", "amount": 450.00, "currency": "USD"},
        "audienceIds": ["aud-vip"],
        "creativeIds": ["cre-bf-static-1"],
        "schedule": {"startAt": "2026-11-27T00:00:00Z", "endAt": "2026-12-01T00:00:00Z"}
    })")
        .object();
}

ValidationContext context()
{
    ValidationContext c;
    c.knownAudienceIds = {QStringLiteral("aud-vip"), QStringLiteral("aud-cart-abandoned")};
    c.knownCreativeIds = {QStringLiteral("cre-bf-static-1"), QStringLiteral("cre-bf-video-1")};
    return c;
}

QJsonObject withPath(QJsonObject json, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            json.remove(path.first());
        else
            json.insert(path.first(), value);
        return json;
    }
    json.insert(path.first(), withPath(json.value(path.first()).toObject(), path.mid(1), value));
    return json;
}

QStringList fieldsOf(const QList<FieldError> &errors)
{
    QStringList fields;
    for (const FieldError &e : errors)
        fields.append(e.field);
    return fields;
}

} // namespace

class TestCampaignSpec : public QObject
{
    Q_OBJECT

private slots:
    void validSpecPasses();
    void invalidField_data();
    void invalidField();
    void amountIsExact();
    void evenSplitUsesWholeMinorUnits_data();
    void evenSplitUsesWholeMinorUnits();
    void explicitAllocation();
    void summary_data();
    void summary();
    void jsonRoundTrip();
};

void TestCampaignSpec::validSpecPasses()
{
    const auto spec = campaignSpecFromJson(validJson());
    QVERIFY(spec.has_value());
    QCOMPARE(validateCampaignSpec(*spec, context()), QList<FieldError>());
}

void TestCampaignSpec::invalidField_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");

    const auto s = [](const char *text) { return QJsonValue(QString::fromUtf8(text)); };
    QTest::newRow("empty name") << QStringList{"name"} << s("  ") << "name";
    QTest::newRow("missing name") << QStringList{"name"} << QJsonValue(QJsonValue::Undefined) << "name";
    QTest::newRow("name not a string") << QStringList{"name"} << QJsonValue(5) << "name";
    QTest::newRow("unknown objective") << QStringList{"objective"} << s("fame") << "objective";
    QTest::newRow("unknown platform") << QStringList{"platforms"} << QJsonValue(QJsonArray{"myspace"})
                                      << "platforms[0]";
    QTest::newRow("duplicate platform") << QStringList{"platforms"}
                                        << QJsonValue(QJsonArray{"facebook", "facebook"}) << "platforms[1]";
    QTest::newRow("no platform") << QStringList{"platforms"} << QJsonValue(QJsonArray{}) << "platforms";
    QTest::newRow("zero amount") << QStringList{"budget", "amount"} << QJsonValue(0) << "budget.amount";
    QTest::newRow("negative amount") << QStringList{"budget", "amount"} << QJsonValue(-5) << "budget.amount";
    QTest::newRow("amount as text") << QStringList{"budget", "amount"} << s("lots") << "budget.amount";
    QTest::newRow("sub-cent amount") << QStringList{"budget", "amount"} << s("10.001") << "budget.amount";
    QTest::newRow("yen with decimals") << QStringList{"budget", "currency"} << s("JPY") << "budget.amount";
    QTest::newRow("unknown currency") << QStringList{"budget", "currency"} << s("XYZ") << "budget.currency";
    QTest::newRow("lower-case currency") << QStringList{"budget", "currency"} << s("usd") << "budget.currency";
    QTest::newRow("unknown budget type") << QStringList{"budget", "type"} << s("weekly") << "budget.type";
    QTest::newRow("end before start") << QStringList{"schedule", "endAt"} << s("2026-11-26T00:00:00Z")
                                      << "schedule.endAt";
    QTest::newRow("end equals start") << QStringList{"schedule", "endAt"} << s("2026-11-27T00:00:00Z")
                                      << "schedule.endAt";
    QTest::newRow("bad date") << QStringList{"schedule", "startAt"} << s("next tuesday") << "schedule.startAt";
    QTest::newRow("unknown audience") << QStringList{"audienceIds"} << QJsonValue(QJsonArray{"aud-nope"})
                                      << "audienceIds[0]";
    QTest::newRow("unknown creative") << QStringList{"creativeIds"} << QJsonValue(QJsonArray{"cre-nope"})
                                      << "creativeIds[0]";
}

void TestCampaignSpec::invalidField()
{
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);

    QJsonObject json = validJson();
    if (field == u"budget.amount" && path.last() == u"currency")
        json = withPath(json, {"budget", "amount"}, 10.5);
    json = withPath(json, path, value);

    const auto spec = campaignSpecFromJson(json);
    const QList<FieldError> errors = spec ? validateCampaignSpec(*spec, context()) : spec.error().fields;
    QVERIFY2(fieldsOf(errors).contains(field), qPrintable(fieldsOf(errors).join(u',')));
    for (const FieldError &error : errors)
        QVERIFY(!error.message.isEmpty());
}

void TestCampaignSpec::amountIsExact()
{
    const auto spec = campaignSpecFromJson(withPath(validJson(), {"budget", "amount"}, 0.29));
    QVERIFY(spec.has_value());
    QCOMPARE(spec->budget.amount.micros, Q_INT64_C(290000));

    const auto text = campaignSpecFromJson(withPath(validJson(), {"budget", "amount"}, QStringLiteral("1234.56")));
    QVERIFY(text.has_value());
    QCOMPARE(text->budget.amount.micros, Q_INT64_C(1234560000));
}

void TestCampaignSpec::evenSplitUsesWholeMinorUnits_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QList<qint64>>("shares");

    QTest::newRow("USD 100 over 3") << "USD" << Q_INT64_C(100000000)
                                    << QList<qint64>{33340000, 33330000, 33330000};
    QTest::newRow("JPY 1000 over 3") << "JPY" << Q_INT64_C(1000000000)
                                     << QList<qint64>{334000000, 333000000, 333000000};
    QTest::newRow("USD 450 over 3") << "USD" << Q_INT64_C(450000000)
                                    << QList<qint64>{150000000, 150000000, 150000000};
}

void TestCampaignSpec::evenSplitUsesWholeMinorUnits()
{
    QFETCH(QString, currency);
    QFETCH(qint64, total);
    QFETCH(QList<qint64>, shares);

    Budget budget;
    budget.amount = Money{total, currency};
    const QList<Platform> platforms{Platform::Facebook, Platform::Google, Platform::TikTok};
    const QMap<Platform, qint64> split = splitBudget(budget, platforms);

    qint64 sum = 0;
    for (qsizetype i = 0; i < platforms.size(); ++i) {
        QCOMPARE(split.value(platforms[i]), shares[i]);
        sum += split.value(platforms[i]);
    }
    QCOMPARE(sum, total);
}

void TestCampaignSpec::explicitAllocation()
{
    QJsonObject json = withPath(validJson(), {"budget", "allocation"},
                                QJsonObject{{"facebook", 200}, {"google", 150}, {"tiktok", 100}});
    auto spec = campaignSpecFromJson(json);
    QVERIFY(spec.has_value());
    QCOMPARE(validateCampaignSpec(*spec, context()), QList<FieldError>());
    QCOMPARE(splitBudget(spec->budget, campaignPlatforms(*spec)).value(Platform::Google), Q_INT64_C(150000000));

    json = withPath(validJson(), {"budget", "allocation"},
                    QJsonObject{{"facebook", 200}, {"google", 150}, {"tiktok", 99}});
    spec = campaignSpecFromJson(json);
    QVERIFY(fieldsOf(validateCampaignSpec(*spec, context())).contains(QStringLiteral("budget.allocation")));
}

void TestCampaignSpec::summary_data()
{
    QTest::addColumn<QList<PlatformState>>("states");
    QTest::addColumn<CampaignStatus>("expected");

    using S = PlatformState;
    QTest::newRow("all active") << QList<S>{S::Active, S::Active} << CampaignStatus::Active;
    QTest::newRow("one rejected") << QList<S>{S::Active, S::Rejected} << CampaignStatus::PartiallyActive;
    QTest::newRow("all failed") << QList<S>{S::Failed, S::Rejected} << CampaignStatus::Failed;
    QTest::newRow("launching") << QList<S>{S::Active, S::Launching} << CampaignStatus::Launching;
    QTest::newRow("paused") << QList<S>{S::Paused, S::Paused} << CampaignStatus::Paused;
    QTest::newRow("pausing") << QList<S>{S::Paused, S::Pausing} << CampaignStatus::Pausing;
    QTest::newRow("draft") << QList<S>{S::Pending} << CampaignStatus::Draft;
}

void TestCampaignSpec::summary()
{
    QFETCH(QList<PlatformState>, states);
    QFETCH(CampaignStatus, expected);

    QMap<Platform, PlatformStatus> map;
    for (qsizetype i = 0; i < states.size(); ++i)
        map[allPlatforms().at(i)].state = states[i];
    QCOMPARE(summariseStatus(map), expected);
}

void TestCampaignSpec::jsonRoundTrip()
{
    Campaign campaign;
    campaign.id = QStringLiteral("cmp-1");
    campaign.spec = *campaignSpecFromJson(validJson());
    const QJsonObject json = campaignToJson(campaign);
    QCOMPARE(json.value("budget").toObject().value("amount").toDouble(), 450.0);
    QCOMPARE(json.value("schedule").toObject().value("startAt").toString(), QStringLiteral("2026-11-27T00:00:00Z"));

    const auto again = campaignSpecFromJson(json);
    QVERIFY(again.has_value());
    QCOMPARE(again->budget.amount, campaign.spec.budget.amount);
    QCOMPARE(again->schedule.endAt, campaign.spec.schedule.endAt);
    QCOMPARE(again->platforms, campaign.spec.platforms);
}

QTEST_GUILESS_MAIN(TestCampaignSpec)
#include "TestCampaignSpec.moc"
