#include "core/auth/ApiSecret.h"
#include "core/auth/SecretStore.h"

#include <QTest>

using namespace ads::core;

namespace {

/** A store whose backend is down: every call fails with Storage and nothing is kept. */
class BrokenStore final : public SecretStore
{
public:
    Result<QString> read(const QString &) override { return broken(); }

    Status write(const QString &, const QString &) override
    {
        ++writes;
        return broken();
    }

    Status remove(const QString &) override { return broken(); }

    QString kind() const override { return QStringLiteral("broken"); }

    int writes = 0;

private:
    static tl::unexpected<Error> broken() { return fail(ErrorCode::Storage, "down"); }
};

/** Sets or clears the override for one test and puts the old value back afterwards. */
class EnvGuard
{
public:
    explicit EnvGuard(const QByteArray &value)
        : m_had(qEnvironmentVariableIsSet(kApiSecretEnv))
        , m_old(qgetenv(kApiSecretEnv))
    {
        if (value.isNull())
            qunsetenv(kApiSecretEnv);
        else
            qputenv(kApiSecretEnv, value);
    }

    ~EnvGuard()
    {
        if (m_had)
            qputenv(kApiSecretEnv, m_old);
        else
            qunsetenv(kApiSecretEnv);
    }

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestApiSecret : public QObject
{
    Q_OBJECT

private slots:
    void environmentWins_data();
    void environmentWins();
    void createdOnceThenStable();
    void freshSecretsDiffer();
    void unreadableStoreIsNotOverwritten();
};

void TestApiSecret::environmentWins_data()
{
    QTest::addColumn<QByteArray>("env");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("source");

    QTest::newRow("set") << QByteArray("from-the-environment") << "from-the-environment"
                         << "environment";
    QTest::newRow("empty means unset") << QByteArray("") << "stored-secret"
                                       << "store";
    QTest::newRow("unset") << QByteArray() << "stored-secret"
                           << "store";
}

void TestApiSecret::environmentWins()
{
    QFETCH(QByteArray, env);
    QFETCH(QString, expected);
    QFETCH(QString, source);

    const EnvGuard guard(env);
    MemorySecretStore store;
    QVERIFY(store.write(kApiSecretKey, "stored-secret").has_value());

    QString actualSource;
    QCOMPARE(resolveApiSecret(store, &actualSource), expected);
    QCOMPARE(actualSource, source);
    QCOMPARE(store.read(kApiSecretKey).value_or(QString()), QStringLiteral("stored-secret"));
}

void TestApiSecret::createdOnceThenStable()
{
    const EnvGuard guard(QByteArray{});
    MemorySecretStore store;

    QString source;
    const QString first = resolveApiSecret(store, &source);
    QCOMPARE(source, QStringLiteral("created"));
    QCOMPARE(first.size(), 43); // 32 bytes in unpadded base64url
    QVERIFY(!first.contains(QLatin1Char('=')) && !first.contains(QLatin1Char('+'))
            && !first.contains(QLatin1Char('/')));
    QCOMPARE(store.read(kApiSecretKey).value_or(QString()), first);

    QCOMPARE(resolveApiSecret(store, &source), first);
    QCOMPARE(source, QStringLiteral("store"));
}

void TestApiSecret::freshSecretsDiffer()
{
    const EnvGuard guard(QByteArray{});
    MemorySecretStore a;
    MemorySecretStore b;
    QVERIFY(resolveApiSecret(a) != resolveApiSecret(b));
}

void TestApiSecret::unreadableStoreIsNotOverwritten()
{
    const EnvGuard guard(QByteArray{});
    BrokenStore store;

    QString source;
    const QString secret = resolveApiSecret(store, &source);
    QCOMPARE(source, QStringLiteral("ephemeral"));
    QCOMPARE(secret.size(), 43);
    QCOMPARE(store.writes, 0);
}

QTEST_GUILESS_MAIN(TestApiSecret)
#include "TestApiSecret.moc"
