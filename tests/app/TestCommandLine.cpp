#include "app/CommandLine.h"

#include <QTest>

using ads::app::Options;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void listen_data();
    void listen();
    void rejects_data();
    void rejects();
};

void TestCommandLine::defaults()
{
    Options options;
    QString error;
    QString help;
    QVERIFY(ads::app::parseCommandLine({QStringLiteral("--data-dir"), QStringLiteral("/tmp/x")}, &options, &error,
                                       &help));
    QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.listenPort, quint16(8787));
    QCOMPARE(options.dataDir, QStringLiteral("/tmp/x"));
    QVERIFY(options.sandbox);
    QVERIFY(!options.headless);
    QVERIFY(help.contains(QStringLiteral("--listen")));
}

void TestCommandLine::listen_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("loopback, free port") << "127.0.0.1:0" << "127.0.0.1" << 0;
    QTest::newRow("localhost") << "localhost:9000" << "127.0.0.1" << 9000;
    QTest::newRow("ipv6") << "[::1]:8787" << "::1" << 8787;
    QTest::newRow("all interfaces") << "0.0.0.0:8787" << "0.0.0.0" << 8787;
}

void TestCommandLine::listen()
{
    QFETCH(QString, value);
    QFETCH(QString, host);
    QFETCH(int, port);

    Options options;
    QString error;
    QString help;
    QVERIFY2(ads::app::parseCommandLine({QStringLiteral("--headless"), QStringLiteral("--listen"), value}, &options,
                                        &error, &help),
             qPrintable(error));
    QCOMPARE(options.listenAddress, QHostAddress(host));
    QCOMPARE(int(options.listenPort), port);
    QVERIFY(options.headless);
}

void TestCommandLine::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("no port") << QStringList{"--listen", "127.0.0.1"} << "--listen";
    QTest::newRow("port too big") << QStringList{"--listen", "127.0.0.1:70000"} << "port";
    QTest::newRow("host name") << QStringList{"--listen", "example.com:80"} << "IP address";
    QTest::newRow("unknown option") << QStringList{"--fast"} << "fast";
    QTest::newRow("stray argument") << QStringList{"campaign.json"} << "campaign.json";
}

void TestCommandLine::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    Options options;
    QString error;
    QString help;
    QVERIFY(!ads::app::parseCommandLine(arguments, &options, &error, &help));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
