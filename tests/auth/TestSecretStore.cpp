#include "core/auth/KeychainSecretStore.h"
#include "core/auth/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace ads::core;

namespace {

const char *kNoKeychain =
    "No Secret Service answers on the session bus (QtKeychain needs D-Bus and an "
    "unlocked collection, e.g. dbus-run-session with gnome-keyring-daemon "
    "--unlock); the keychain backend is not covered in this run";

int fileMode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 0777);
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void contract_data();
    void contract();
    void fileIsOwnerOnlyAndRoundTrips();
    void damagedFileIsReportedNotReplaced();
    void openFallsBackToFile();
    void noSessionBusMeansFileWithoutWaiting();

private:
    std::unique_ptr<SecretStore> makeStore(const QString &kind);

    QTemporaryDir m_dir;
};

std::unique_ptr<SecretStore> TestSecretStore::makeStore(const QString &kind)
{
    if (kind == QLatin1String("memory"))
        return std::make_unique<MemorySecretStore>();
    if (kind == QLatin1String("file"))
        return std::make_unique<FileSecretStore>(
            m_dir.filePath(QUuid::createUuid().toString() + ".json"));

    auto keychain = std::make_unique<KeychainSecretStore>(std::chrono::seconds(3));
    if (!keychain->probe())
        return nullptr;
    return keychain;
}

void TestSecretStore::contract_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("memory") << "memory";
    QTest::newRow("file") << "file";
    QTest::newRow("keychain") << "keychain";
}

void TestSecretStore::contract()
{
    QFETCH(QString, kind);

    const auto store = makeStore(kind);
    if (!store)
        QSKIP(kNoKeychain);
    QCOMPARE(store->kind(), kind);

    // A key of our own, so a test run never touches a real AdsDesk entry in the user's keychain.
    const QString key = "adsdesk-test/" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto missing = store->read(key);
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    QVERIFY(store->write(key, QStringLiteral("s3cr\u00e9t \"quoted\"")).has_value());
    QCOMPARE(store->read(key).value_or(QString()), QStringLiteral("s3cr\u00e9t \"quoted\""));

    QVERIFY(store->write(key, QStringLiteral("second")).has_value());
    QCOMPARE(store->read(key).value_or(QString()), QStringLiteral("second"));

    QVERIFY(store->remove(key).has_value());
    QCOMPARE(store->read(key).error().code, ErrorCode::NotFound);
    QVERIFY(store->remove(key).has_value());
}

void TestSecretStore::fileIsOwnerOnlyAndRoundTrips()
{
    const QString path = m_dir.filePath("roundtrip/secrets.json");
    {
        FileSecretStore store(path);
        QVERIFY(store.write("api/jwt-secret", "abc").has_value());
        QVERIFY(store.write("facebook:act_1", "token-1").has_value());
    }
    QCOMPARE(fileMode(path), 0600);

    FileSecretStore reopened(path);
    QCOMPARE(reopened.read("api/jwt-secret").value_or(QString()), QStringLiteral("abc"));
    QCOMPARE(reopened.read("facebook:act_1").value_or(QString()), QStringLiteral("token-1"));

    QVERIFY(reopened.remove("facebook:act_1").has_value());
    QCOMPARE(fileMode(path), 0600);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject content = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(content, (QJsonObject{{"api/jwt-secret", "abc"}}));
}

void TestSecretStore::damagedFileIsReportedNotReplaced()
{
    const QString path = m_dir.filePath("damaged.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"api/jwt-secret\": \"abc\"");
    file.close();

    FileSecretStore store(path);
    QCOMPARE(store.read("api/jwt-secret").error().code, ErrorCode::Storage);
    QCOMPARE(store.write("other", "x").error().code, ErrorCode::Storage);

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"api/jwt-secret\": \"abc\""));
}

void TestSecretStore::openFallsBackToFile()
{
    const bool keychainWorks = KeychainSecretStore(std::chrono::seconds(3)).probe();
    const QString dataDir = m_dir.filePath("open");

    const auto store = openSecretStore(dataDir);
    QVERIFY(store);
    QCOMPARE(store->kind(), keychainWorks ? QStringLiteral("keychain") : QStringLiteral("file"));
    if (keychainWorks)
        return;

    QVERIFY(store->write("api/jwt-secret", "abc").has_value());
    QCOMPARE(fileMode(QDir(dataDir).filePath(FileSecretStore::defaultFileName())), 0600);
}

void TestSecretStore::noSessionBusMeansFileWithoutWaiting()
{
    // Without a session bus no Secret Service can answer: the file store is used at once rather
    // than after the keychain probe's timeout.
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    const auto store = openSecretStore(m_dir.filePath("nobus"));
    if (!bus.isEmpty())
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    QVERIFY(store);
    QCOMPARE(store->kind(), QStringLiteral("file"));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "TestSecretStore.moc"
