#include "core/api/ApiJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ads::core;
using namespace ads::core::api;

class TestApiJson : public QObject
{
    Q_OBJECT

private slots:
    void statusOfEveryErrorCode_data();
    void statusOfEveryErrorCode();
    void errorBodyShape();
    void serverErrorsHideDetails();
    void pageLimit_data();
    void pageLimit();
    void recordIds_data();
    void recordIds();
    void cursors();
    void contentTypes_data();
    void contentTypes();
    void dates_data();
    void dates();
};

void TestApiJson::statusOfEveryErrorCode_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("name");

    QTest::newRow("invalid") << ErrorCode::InvalidInput << 422 << "invalid_input";
    QTest::newRow("malformed") << ErrorCode::MalformedRequest << 400 << "malformed_request";
    QTest::newRow("not found") << ErrorCode::NotFound << 404 << "not_found";
    QTest::newRow("conflict") << ErrorCode::Conflict << 409 << "conflict";
    QTest::newRow("precondition") << ErrorCode::PreconditionFailed << 412 << "precondition_failed";
    QTest::newRow("unauthorized") << ErrorCode::Unauthorized << 401 << "unauthorized";
    QTest::newRow("forbidden") << ErrorCode::Forbidden << 403 << "forbidden";
    QTest::newRow("rate limited") << ErrorCode::RateLimited << 429 << "rate_limited";
    QTest::newRow("network") << ErrorCode::Network << 502 << "network";
    QTest::newRow("platform") << ErrorCode::Platform << 502 << "platform";
    QTest::newRow("storage") << ErrorCode::Storage << 500 << "storage";
    QTest::newRow("internal") << ErrorCode::Internal << 500 << "internal";
}

void TestApiJson::statusOfEveryErrorCode()
{
    QFETCH(ErrorCode, code);
    QFETCH(int, status);
    QFETCH(QString, name);

    QCOMPARE(int(httpStatus(code)), status);
    QCOMPARE(errorCodeName(code), name);
    QCOMPARE(int(errorResponse(Error::make(code, "m")).statusCode()), status);
}

void TestApiJson::errorBodyShape()
{
    const QHttpServerResponse response = errorResponse(Error::invalid(
        {{"budget.amount", "must be greater than zero"}, {"name", "must not be empty"}}));
    QCOMPARE(response.mimeType(), QByteArray("application/json"));
    QVERIFY(!response.data().contains('\n')); // compact

    const QJsonObject error =
        QJsonDocument::fromJson(response.data()).object().value("error").toObject();
    QCOMPARE(error.value("code").toString(), QStringLiteral("invalid_input"));
    QVERIFY(!error.value("message").toString().isEmpty());
    const QJsonArray fields = error.value("fields").toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).toObject().value("field").toString(), QStringLiteral("budget.amount"));
    QCOMPARE(fields.at(1).toObject().value("message").toString(),
             QStringLiteral("must not be empty"));
}

void TestApiJson::serverErrorsHideDetails()
{
    const QHttpServerResponse response = errorResponse(
        Error::make(ErrorCode::Storage, "database is locked at /home/x/ads.db", "sql"));
    QVERIFY(!response.data().contains("ads.db"));
    QVERIFY(!response.data().contains("sql"));
}

void TestApiJson::pageLimit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("limit"); // 0 means refused

    QTest::newRow("absent") << "" << 50;
    QTest::newRow("one") << "limit=1" << 1;
    QTest::newRow("max") << "limit=500" << 500;
    QTest::newRow("zero") << "limit=0" << 0;
    QTest::newRow("over") << "limit=501" << 0;
    QTest::newRow("negative") << "limit=-5" << 0;
    QTest::newRow("text") << "limit=ten" << 0;
    QTest::newRow("empty") << "limit=" << 0;
    QTest::newRow("fraction") << "limit=2.5" << 0;
}

void TestApiJson::pageLimit()
{
    QFETCH(QString, query);
    QFETCH(int, limit);

    const auto result = api::pageLimit(QUrlQuery(query));
    QCOMPARE(result.value_or(0), limit);
    if (!result) {
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QCOMPARE(result.error().fields.constFirst().field, QStringLiteral("limit"));
    }
}

void TestApiJson::recordIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << "aud-vip" << true;
    QTest::newRow("underscore digits") << "cre_bf_video_1" << true;
    QTest::newRow("one char") << "a" << true;
    QTest::newRow("64 chars") << QString(64, 'x') << true;
    QTest::newRow("65 chars") << QString(65, 'x') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("dot") << "a.b" << false;
    QTest::newRow("non-ascii") << "caf\u00e9" << false;
    QTest::newRow("newline at end") << "abc\n" << false;
    QTest::newRow("newline in the middle") << "ab\ncd" << false;
}

void TestApiJson::recordIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);

    QCOMPARE(isValidRecordId(id), valid);
}

void TestApiJson::cursors()
{
    for (qsizetype offset : {qsizetype(0), qsizetype(1), qsizetype(50), qsizetype(123456)})
        QCOMPARE(offsetFromCursor(offsetCursor(offset)), std::optional<qsizetype>(offset));

    QCOMPARE(offsetFromCursor("50"), std::nullopt);
    QCOMPARE(offsetFromCursor("not a cursor"), std::nullopt);
    QCOMPARE(offsetFromCursor(""), std::nullopt);
    const QString negative =
        QString::fromLatin1(QByteArray("o1:-3").toBase64(QByteArray::Base64UrlEncoding));
    QCOMPARE(offsetFromCursor(negative), std::nullopt);
}

void TestApiJson::contentTypes_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("json");

    QTest::newRow("plain") << QByteArray("application/json") << true;
    QTest::newRow("charset") << QByteArray("application/json; charset=utf-8") << true;
    QTest::newRow("upper case") << QByteArray("Application/JSON") << true;
    QTest::newRow("text") << QByteArray("text/plain") << false;
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << false;
    QTest::newRow("prefix only") << QByteArray("application/jsonp") << false;
    QTest::newRow("absent") << QByteArray() << false;
}

void TestApiJson::contentTypes()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, json);

    QCOMPARE(isJsonContentType(header), json);
}

void TestApiJson::dates_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("ok");

    QTest::newRow("absent") << "" << QDate() << true;
    QTest::newRow("date") << "from=2026-02-28" << QDate(2026, 2, 28) << true;
    QTest::newRow("no such day") << "from=2026-02-30" << QDate() << false;
    QTest::newRow("compact") << "from=20260228" << QDate() << false;
    QTest::newRow("with time") << "from=2026-02-28T00:00:00Z" << QDate() << false;
    QTest::newRow("trailing newline") << "from=2026-02-28%0A" << QDate() << false;
}

void TestApiJson::dates()
{
    QFETCH(QString, query);
    QFETCH(QDate, date);
    QFETCH(bool, ok);

    const auto result = dateParameter(QUrlQuery(query), "from");
    QCOMPARE(result.has_value(), ok);
    if (ok)
        QCOMPARE(result->value_or(QDate()), date);
    else
        QCOMPARE(result.error().fields.constFirst().field, QStringLiteral("from"));
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "TestApiJson.moc"
