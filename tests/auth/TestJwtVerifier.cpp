#include "core/auth/JwtVerifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace ads::core;

namespace {

const QString kSecret = QStringLiteral("test-secret-0123456789abcdef0123456789");
const QDateTime kNow = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
const qint64 kNowSecs = kNow.toSecsSinceEpoch();

QByteArray segment(const QJsonObject &object)
{
    return QJsonDocument(object)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/**
 * A token with any header and claims, signed by Qt's HMAC rather than libjwt, so the tests can
 * build what libjwt would refuse to make and check the verifier against a second implementation.
 */
QByteArray craft(const QJsonObject &header,
                 const QJsonObject &claims,
                 const QString &secret = kSecret,
                 QCryptographicHash::Algorithm hash = QCryptographicHash::Sha256)
{
    const QByteArray input = segment(header) + '.' + segment(claims);
    const QByteArray mac = QMessageAuthenticationCode::hash(input, secret.toUtf8(), hash);
    return input + '.'
           + mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject hs256()
{
    return {{"alg", "HS256"}, {"typ", "JWT"}};
}

QJsonObject claimsWith(const QJsonObject &extra)
{
    QJsonObject claims{
        {"sub", "crm"}, {"scope", "ads:read"}, {"iat", kNowSecs}, {"exp", kNowSecs + 600}};
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isNull())
            claims.remove(it.key());
        else
            claims.insert(it.key(), it.value());
    }
    return claims;
}

QByteArray replacePayload(const QByteArray &token, const QJsonObject &claims)
{
    QList<QByteArray> parts = token.split('.');
    parts[1] = segment(claims);
    return parts.join('.');
}

} // namespace

class TestJwtVerifier : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void authorizationHeader_data();
    void authorizationHeader();
    void mintedTokenCarriesClaims();
    void emptySecretRefusesEverything();
};

void TestJwtVerifier::verify_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("reason"); // empty when the token is accepted
    QTest::addColumn<QStringList>("scopes");

    const QStringList read{"ads:read"};
    const QByteArray minted =
        mintToken(kSecret, "crm", {"ads:read", "ads:write"}, std::chrono::minutes(5), kNow)
            .toLatin1();

    QTest::newRow("valid minted") << minted << "" << QStringList{"ads:read", "ads:write"};
    QTest::newRow("valid crafted") << craft(hs256(), claimsWith({})) << "" << read;
    QTest::newRow("missing") << QByteArray() << "missing" << QStringList();
    QTest::newRow("garbage") << QByteArray("not a token") << "malformed" << QStringList();
    QTest::newRow("two parts") << QByteArray("abc.def") << "malformed" << QStringList();
    QTest::newRow("header not base64") << QByteArray("!!!.e30.sig") << "malformed" << QStringList();
    QTest::newRow("header not json")
        << QByteArray("bm9wZQ.e30.c2ln") << "malformed" << QStringList();
    QTest::newRow("oversized") << QByteArray(9000, 'a') + ".b.c"
                               << "malformed" << QStringList();
    QTest::newRow("bad signature")
        << mintToken("another-secret-0123456789abcdef", "crm", read, std::chrono::minutes(5), kNow)
               .toLatin1()
        << "bad_signature" << QStringList();
    QTest::newRow("tampered claims")
        << replacePayload(minted, claimsWith({{"scope", "ads:read ads:write ads:admin"}}))
        << "bad_signature" << QStringList();
    QTest::newRow("empty signature")
        << craft(hs256(), claimsWith({})).chopped(43) << "bad_signature" << QStringList();
    QTest::newRow("expired") << craft(hs256(), claimsWith({{"exp", kNowSecs - 61}})) << "expired"
                             << QStringList();
    QTest::newRow("expired at leeway edge")
        << craft(hs256(), claimsWith({{"exp", kNowSecs - 60}})) << "expired" << QStringList();
    QTest::newRow("expired within leeway")
        << craft(hs256(), claimsWith({{"exp", kNowSecs - 30}})) << "" << read;
    QTest::newRow("nbf in future") << craft(hs256(), claimsWith({{"nbf", kNowSecs + 120}}))
                                   << "not_yet_valid" << QStringList();
    QTest::newRow("nbf within leeway")
        << craft(hs256(), claimsWith({{"nbf", kNowSecs + 30}})) << "" << read;
    QTest::newRow("iat in future") << craft(hs256(), claimsWith({{"iat", kNowSecs + 120}}))
                                   << "not_yet_valid" << QStringList();
    QTest::newRow("alg none") << segment({{"alg", "none"}, {"typ", "JWT"}}) + '.'
                                     + segment(claimsWith({})) + '.'
                              << "algorithm_not_allowed" << QStringList();
    QTest::newRow("alg none with signature")
        << craft({{"alg", "none"}}, claimsWith({})) << "algorithm_not_allowed" << QStringList();
    QTest::newRow("HS512") << craft(
        {{"alg", "HS512"}}, claimsWith({}), kSecret, QCryptographicHash::Sha512)
                           << "algorithm_not_allowed" << QStringList();
    QTest::newRow("RS256 header keyed with the secret")
        << craft({{"alg", "RS256"}}, claimsWith({})) << "algorithm_not_allowed" << QStringList();
    QTest::newRow("alg in lower case")
        << craft({{"alg", "hs256"}}, claimsWith({})) << "algorithm_not_allowed" << QStringList();
    QTest::newRow("alg missing") << craft({{"typ", "JWT"}}, claimsWith({})) << "malformed"
                                 << QStringList();
    QTest::newRow("crit header") << craft({{"alg", "HS256"}, {"crit", QJsonArray{"b64"}}},
                                          claimsWith({}))
                                 << "malformed" << QStringList();
    QTest::newRow("no exp") << craft(hs256(), claimsWith({{"exp", QJsonValue::Null}}))
                            << "malformed" << QStringList();
    QTest::newRow("exp as string")
        << craft(hs256(), claimsWith({{"exp", QString::number(kNowSecs + 600)}})) << "malformed"
        << QStringList();
    QTest::newRow("scope not a string")
        << craft(hs256(), claimsWith({{"scope", QJsonArray{"ads:read"}}})) << "malformed"
        << QStringList();
    QTest::newRow("no scope") << craft(hs256(), claimsWith({{"scope", QJsonValue::Null}})) << ""
                              << QStringList();
    QTest::newRow("scopes split on spaces")
        << craft(hs256(), claimsWith({{"scope", " ads:read  ads:write "}})) << ""
        << QStringList{"ads:read", "ads:write"};
    QTest::newRow("fractional exp")
        << craft(hs256(), claimsWith({{"exp", kNowSecs + 600.5}})) << "" << read;
}

void TestJwtVerifier::verify()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, reason);
    QFETCH(QStringList, scopes);

    const JwtVerifier verifier(kSecret, [] { return kNow; });
    const auto claims = verifier.verify(token);

    if (reason.isEmpty()) {
        QVERIFY2(claims.has_value(), qPrintable(claims ? QString() : claims.error().detail));
        QCOMPARE(claims->subject, QStringLiteral("crm"));
        QCOMPARE(claims->scopes, scopes);
        return;
    }
    QVERIFY(!claims.has_value());
    QCOMPARE(claims.error().code, ErrorCode::Unauthorized);
    QCOMPARE(claims.error().detail, reason);
    QVERIFY(!claims.error().message.isEmpty());
}

void TestJwtVerifier::authorizationHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("reason");

    const QByteArray token = craft(hs256(), claimsWith({}));
    QTest::newRow("bearer") << "Bearer " + token << "";
    QTest::newRow("scheme case-insensitive") << "bearer " + token << "";
    QTest::newRow("extra spaces") << "  Bearer   " + token + "  "
                                  << "";
    QTest::newRow("empty") << QByteArray() << "missing";
    QTest::newRow("scheme only") << QByteArray("Bearer") << "missing";
    QTest::newRow("scheme and space") << QByteArray("Bearer ") << "missing";
    QTest::newRow("basic") << QByteArray("Basic Y3JtOnB3") << "missing";
    QTest::newRow("token without scheme") << token << "missing";
    QTest::newRow("two tokens joined") << "Bearer " + token + ", Bearer " + token << "malformed";
}

void TestJwtVerifier::authorizationHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, reason);

    const JwtVerifier verifier(kSecret, [] { return kNow; });
    const auto claims = verifier.verifyAuthorization(header);

    QCOMPARE(claims.has_value(), reason.isEmpty());
    if (!claims)
        QCOMPARE(claims.error().detail, reason);
}

void TestJwtVerifier::mintedTokenCarriesClaims()
{
    const QString token = mintToken(kSecret, "gui-user", {"ads:read"}, std::chrono::hours(2), kNow);
    QVERIFY(!token.isEmpty());

    const JwtVerifier verifier(kSecret, [] { return kNow; });
    const auto claims = verifier.verify(token.toLatin1());
    QVERIFY(claims.has_value());
    QCOMPARE(claims->subject, QStringLiteral("gui-user"));
    QCOMPARE(claims->expiresAt, kNow.addSecs(2 * 3600));
    QVERIFY(claims->hasScope(u"ads:read"));
    QVERIFY(!claims->hasScope(u"ads:write"));

    const JwtVerifier later(kSecret, [] { return kNow.addSecs(2 * 3600 + 60); });
    QCOMPARE(later.verify(token.toLatin1()).error().detail, QStringLiteral("expired"));
}

void TestJwtVerifier::emptySecretRefusesEverything()
{
    QVERIFY(mintToken(QString(), "crm", {"ads:read"}, std::chrono::minutes(5)).isEmpty());

    const JwtVerifier verifier(QString(), [] { return kNow; });
    const auto claims = verifier.verify(craft(hs256(), claimsWith({}), QString()));
    QVERIFY(!claims.has_value());
    QCOMPARE(claims.error().detail, QStringLiteral("bad_signature"));
}

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "TestJwtVerifier.moc"
