#include "core/platforms/ConnectorFactory.h"
#include "core/platforms/Endpoints.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ads::core::Platform)

class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void factory_data();
    void factory();
};

void TestEndpoints::resolve_data()
{
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QByteArray>("env");
    QTest::addColumn<QString>("expected");

    QTest::newRow("meta default") << Platform::Facebook << "" << QByteArray()
                                  << "https://graph.facebook.com";
    QTest::newRow("google default") << Platform::Google << "" << QByteArray()
                                    << "https://googleads.googleapis.com";
    QTest::newRow("tiktok default") << Platform::TikTok << "" << QByteArray()
                                    << "https://business-api.tiktok.com";
    QTest::newRow("linkedin default") << Platform::LinkedIn << "" << QByteArray()
                                      << "https://api.linkedin.com";
    QTest::newRow("pinterest default") << Platform::Pinterest << "" << QByteArray()
                                       << "https://api.pinterest.com";
    QTest::newRow("snapchat default") << Platform::Snapchat << "" << QByteArray()
                                      << "https://adsapi.snapchat.com";
    QTest::newRow("snapchat environment") << Platform::Snapchat << "" << QByteArray("http://127.0.0.1:4500")
                                          << "http://127.0.0.1:4500";
    QTest::newRow("setting") << Platform::Google << "http://127.0.0.1:4100" << QByteArray()
                             << "http://127.0.0.1:4100";
    QTest::newRow("environment beats setting")
        << Platform::TikTok << "http://127.0.0.1:4100" << QByteArray("http://127.0.0.1:4200")
        << "http://127.0.0.1:4200";
    QTest::newRow("invalid environment ignored")
        << Platform::Facebook << "http://127.0.0.1:4100" << QByteArray("not a url")
        << "http://127.0.0.1:4100";
    QTest::newRow("invalid setting ignored") << Platform::Facebook << "ftp://x" << QByteArray()
                                             << "https://graph.facebook.com";
}

void TestEndpoints::resolve()
{
    QFETCH(Platform, platform);
    QFETCH(QString, setting);
    QFETCH(QByteArray, env);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    const QString name = platformName(platform);
    if (!setting.isEmpty())
        settings.setValue(u"platforms/"_s + name + u"/apiBase"_s, setting);
    const QByteArray envName = "ADSDESK_" + name.toUpper().toLatin1() + "_API_BASE";
    if (env.isEmpty())
        qunsetenv(envName.constData());
    else
        qputenv(envName.constData(), env);

    QCOMPARE(resolveBaseUrl(platform, settings), QUrl(expected));
    qunsetenv(envName.constData());
}

void TestEndpoints::factory_data()
{
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<bool>("available");

    QTest::newRow("facebook") << Platform::Facebook << true;
    QTest::newRow("google") << Platform::Google << true;
    QTest::newRow("tiktok") << Platform::TikTok << true;
    QTest::newRow("linkedin") << Platform::LinkedIn << true;
    QTest::newRow("pinterest") << Platform::Pinterest << true;
    QTest::newRow("snapchat") << Platform::Snapchat << true;
}

void TestEndpoints::factory()
{
    QFETCH(Platform, platform);
    QFETCH(bool, available);
    QNetworkAccessManager nam;
    const QUrl base(u"http://127.0.0.1:4300"_s);

    const auto connector = createConnector(platform, &nam, base);
    QCOMPARE(bool(connector), available);
    if (connector) {
        QCOMPARE(connector->platform(), platform);
        QCOMPARE(connector->baseUrl(), base);
    }
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "TestEndpoints.moc"
