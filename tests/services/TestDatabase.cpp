#include "core/store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ads::core;

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseGetsEveryMigration();
    void reopeningAppliesNothingTwice();
    void newerSchemaIsRefused();
    void usesWalAndForeignKeys();
    void failedWriteRollsBack();
    void eachThreadHasItsOwnConnection();
};

void TestDatabase::freshDatabaseGetsEveryMigration()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath("a.sqlite"));
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY((*db)->connection().tables().contains(QStringLiteral("campaigns")));
}

void TestDatabase::reopeningAppliesNothingTwice()
{
    QTemporaryDir dir;
    { QVERIFY(Database::open(dir.filePath("a.sqlite")).has_value()); }
    auto again = Database::open(dir.filePath("a.sqlite"));
    QVERIFY(again.has_value());
    auto rows = runQuery((*again)->connection(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    QVERIFY(rows && rows->next());
    QCOMPARE(rows->value(0).toInt(), Database::latestSchemaVersion());
}

void TestDatabase::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    {
        auto db = Database::open(path);
        QVERIFY(db.has_value());
        QVERIFY(runQuery((*db)->connection(),
                         QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 'x')"),
                         {Database::latestSchemaVersion() + 1})
                    .has_value());
    }
    auto refused = Database::open(path);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::Storage);
    QVERIFY(refused.error().message.contains(QStringLiteral("newer AdsDesk")));
}

void TestDatabase::usesWalAndForeignKeys()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath("a.sqlite"));
    QVERIFY(db.has_value());
    auto mode = runQuery((*db)->connection(), QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(mode && mode->next());
    QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
    auto keys = runQuery((*db)->connection(), QStringLiteral("PRAGMA foreign_keys"));
    QVERIFY(keys && keys->next());
    QCOMPARE(keys->value(0).toInt(), 1);
}

void TestDatabase::failedWriteRollsBack()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath("a.sqlite"));
    QVERIFY(db.has_value());
    const Status result = (*db)->write([](QSqlDatabase &c) -> Status {
        runQuery(c, QStringLiteral("INSERT INTO sync_state (platform, rows_last_sync) VALUES ('facebook', 1)"));
        return fail(ErrorCode::Internal, QStringLiteral("abandon"));
    });
    QVERIFY(!result.has_value());
    auto rows = runQuery((*db)->connection(), QStringLiteral("SELECT COUNT(*) FROM sync_state"));
    QVERIFY(rows && rows->next());
    QCOMPARE(rows->value(0).toInt(), 0);
}

void TestDatabase::eachThreadHasItsOwnConnection()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath("a.sqlite"));
    QVERIFY(db.has_value());
    const QString mine = (*db)->connection().connectionName();
    QString theirs;
    int count = -1;
    QThread *thread = QThread::create([&] {
        theirs = (*db)->connection().connectionName();
        auto rows = runQuery((*db)->connection(), QStringLiteral("SELECT COUNT(*) FROM campaigns"));
        if (rows && rows->next())
            count = rows->value(0).toInt();
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    delete thread;
    QVERIFY(!theirs.isEmpty());
    QVERIFY(theirs != mine);
    QCOMPARE(count, 0);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
