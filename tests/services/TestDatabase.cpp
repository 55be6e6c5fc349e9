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
    void earlierCampaignsGetTheirLiveStretches();
    void earlierAccountsAreReadThroughTheirLastRow();
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

// Migration 4 starts keeping when each platform was live. Campaigns launched before it get the
// nearest stretch their records allow: from the start while active, until the last change once
// paused, and none where they never ran.
void TestDatabase::earlierCampaignsGetTheirLiveStretches()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    {
        auto db = Database::open(path);
        QVERIFY(db.has_value());
        const QSqlDatabase c = (*db)->connection();
        // Back to schema 3, with one campaign on three platforms in three states.
        for (const char *sql : {"DROP TABLE report_reads", "DROP TABLE platform_activity",
                                "ALTER TABLE platform_status DROP COLUMN delivery_from",
                                "ALTER TABLE platform_status DROP COLUMN delivery_until",
                                "DELETE FROM schema_migrations WHERE version >= 4",
                                "INSERT INTO campaigns VALUES ('c1', 1, 'Old', 'traffic', '[]', 'daily', 1, 'USD', "
                                "'{}', '[]', '[]', '2026-01-05T10:00:00Z', NULL, 'active', 1, 'x', 'x')"})
            QVERIFY2(runQuery(c, QString::fromLatin1(sql)).has_value(), sql);
        const QString insert = QStringLiteral("INSERT INTO platform_status (campaign_id, platform, state, remote_ids, "
                                              "budget_micros, currency, warnings, updated_at) "
                                              "VALUES ('c1', ?, ?, ?, 1, 'USD', '[]', '2026-01-09T08:00:00Z')");
        QVERIFY(runQuery(c, insert, {"facebook", "active", R"({"campaign":"1"})"}).has_value());
        QVERIFY(runQuery(c, insert, {"google", "paused", R"({"campaign":"2"})"}).has_value());
        QVERIFY(runQuery(c, insert, {"tiktok", "rejected", "{}"}).has_value());
    }

    auto db = Database::open(path);
    QVERIFY(db.has_value());
    auto rows = runQuery((*db)->connection(),
                         QStringLiteral("SELECT platform, active_from, COALESCE(active_until, '-') "
                                        "FROM platform_activity ORDER BY platform"));
    QVERIFY(rows.has_value());
    QStringList stretches;
    while (rows->next()) {
        stretches.append(QStringList{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()}
                             .join(u' '));
    }
    QCOMPARE(stretches, (QStringList{QStringLiteral("facebook 2026-01-05T10:00:00Z -"),
                                     QStringLiteral("google 2026-01-05T10:00:00Z 2026-01-09T08:00:00Z")}));
}

// Migration 5 keeps the last day each sync read per account. Accounts with rows stored before it
// count as read up to their last reported day, so no day after it turns into a zero day unasked.
void TestDatabase::earlierAccountsAreReadThroughTheirLastRow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    {
        auto db = Database::open(path);
        QVERIFY(db.has_value());
        const QSqlDatabase c = (*db)->connection();
        QVERIFY(runQuery(c, QStringLiteral("DROP TABLE report_reads")).has_value());
        QVERIFY(runQuery(c, QStringLiteral("DELETE FROM schema_migrations WHERE version = 5")).has_value());
        const QString insert = QStringLiteral("INSERT INTO metrics_daily (platform, account_id, remote_campaign_id, "
                                              "day, campaign_id, time_zone, currency, impressions, clicks, "
                                              "spend_micros, conversions_micros, conversion_value_micros, synced_at) "
                                              "VALUES (?, ?, ?, ?, 'c1', 'UTC', 'USD', 1, 0, 0, 0, 0, 'x')");
        QVERIFY(runQuery(c, insert, {"google", "a1", "r1", "2026-01-03"}).has_value());
        QVERIFY(runQuery(c, insert, {"google", "a1", "r2", "2026-01-07"}).has_value());
        QVERIFY(runQuery(c, insert, {"google", "a2", "r3", "2026-01-02"}).has_value());
    }

    auto db = Database::open(path);
    QVERIFY(db.has_value());
    auto rows = runQuery((*db)->connection(), QStringLiteral("SELECT platform || ' ' || account_id || ' ' || "
                                                             "read_through FROM report_reads ORDER BY account_id"));
    QVERIFY(rows.has_value());
    QStringList reads;
    while (rows->next())
        reads.append(rows->value(0).toString());
    QCOMPARE(reads, (QStringList{QStringLiteral("google a1 2026-01-07"), QStringLiteral("google a2 2026-01-02")}));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
