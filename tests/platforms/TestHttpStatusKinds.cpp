// How a bare HTTP answer without a platform envelope (a storage upload, a proxy, a gateway) is
// classified: the kind decides whether the engine retries, waits or stops.

#include "core/platforms/HttpSupport.h"

#include <QTest>

using namespace ads::core;

class TestHttpStatusKinds : public QObject
{
    Q_OBJECT

private slots:
    void statusKinds_data();
    void statusKinds();
    void retryAfterIsRead();
};

void TestHttpStatusKinds::statusKinds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<FailureKind>("kind");

    QTest::newRow("429 too many requests") << 429 << FailureKind::RateLimited;
    QTest::newRow("503 unavailable") << 503 << FailureKind::Transient;
    QTest::newRow("500 internal") << 500 << FailureKind::Transient;
    QTest::newRow("408 request timeout") << 408 << FailureKind::Transient;
    QTest::newRow("401 unauthorised") << 401 << FailureKind::Auth;
    QTest::newRow("403 forbidden") << 403 << FailureKind::Permanent;
    QTest::newRow("400 bad request") << 400 << FailureKind::Permanent;
    QTest::newRow("413 too large") << 413 << FailureKind::Permanent;
}

void TestHttpStatusKinds::statusKinds()
{
    QFETCH(int, status);
    QFETCH(FailureKind, kind);

    net::HttpOutcome outcome;
    outcome.status = status;
    outcome.sent = true;
    const PlatformError error = net::statusFailure(outcome, QStringLiteral("upload_failed"),
                                                   QStringLiteral("The upload failed."));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.platformCode, QString::number(status));
}

void TestHttpStatusKinds::retryAfterIsRead()
{
    net::HttpOutcome outcome;
    outcome.status = 429;
    outcome.sent = true;
    outcome.headers.insert("retry-after", "7");
    QCOMPARE(net::statusFailure(outcome, QStringLiteral("x"), QStringLiteral("y")).retryAfterSeconds, 7);
}

QTEST_GUILESS_MAIN(TestHttpStatusKinds)
#include "TestHttpStatusKinds.moc"
