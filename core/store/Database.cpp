#include "core/store/Database.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>
#include <QUuid>


namespace ads::core {

namespace {

// Numbered migrations under :/migrations, applied in order. Append only; never edit a shipped one.
const QStringList kMigrations = {
    QStringLiteral(":/migrations/0001_initial.sql"),
    QStringLiteral(":/migrations/0002_idempotency.sql"),
    QStringLiteral(":/migrations/0003_reporting.sql"),
    QStringLiteral(":/migrations/0004_delivery_days.sql"),
    QStringLiteral(":/migrations/0005_report_reads.sql"),
};

/** Closes a thread's connection when the thread ends, so no connection outlives its thread. */
struct ThreadConnections
{
    QStringList names;

    ~ThreadConnections()
    {
        for (const QString &name : names) {
            { QSqlDatabase::database(name, false).close(); }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

QThreadStorage<ThreadConnections *> &threadConnections()
{
    static QThreadStorage<ThreadConnections *> storage;
    return storage;
}

QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QStringLiteral("--")) || trimmed.isEmpty())
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace

Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return fail(ErrorCode::Storage, QStringLiteral("The workspace database could not prepare a query."),
                    query.lastError().text() + u" in: " + sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(ErrorCode::Storage, QStringLiteral("The workspace database could not run a query."),
                    query.lastError().text() + u" in: " + sql);
    return query;
}

QString sqlPlaceholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(u',');
}

int Database::latestSchemaVersion()
{
    return int(kMigrations.size());
}

Database::Database(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionPrefix(QStringLiteral("adsdesk-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    // Connections of other threads close when those threads end; this one closes now.
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        { QSqlDatabase::database(name, false).close(); }
        QSqlDatabase::removeDatabase(name);
        if (threadConnections().hasLocalData())
            threadConnections().localData()->names.removeAll(name);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString &filePath)
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    std::unique_ptr<Database> database(new Database(filePath));
    QSqlDatabase db = database->connection();
    if (!db.isOpen())
        return fail(ErrorCode::Storage, QStringLiteral("Cannot open the workspace database %1.").arg(filePath),
                    db.lastError().text());

    if (auto migrated = database->migrate(); !migrated)
        return fail(migrated.error());
    return database;
}

QSqlDatabase Database::connection() const
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        qCCritical(lcStore) << "cannot open" << m_filePath << db.lastError().text();
        return db;
    }
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromLatin1(pragma)))
            qCWarning(lcStore) << pragma << "failed:" << query.lastError().text();
    }

    if (!threadConnections().hasLocalData())
        threadConnections().setLocalData(new ThreadConnections);
    threadConnections().localData()->names.append(name);
    return db;
}

Status Database::write(const std::function<Status(QSqlDatabase &)> &work) const
{
    QSqlDatabase db = connection();
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(ErrorCode::Storage, QStringLiteral("The workspace database is busy; try again."),
                    begin.lastError().text());

    Status result = work(db);
    QSqlQuery end(db);
    if (!result) {
        end.exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const QString why = end.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(ErrorCode::Storage, QStringLiteral("The workspace database could not save the change."), why);
    }
    return {};
}

int Database::schemaVersion() const
{
    auto query = runQuery(connection(), QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (!query || !query->next())
        return 0;
    return query->value(0).toInt();
}

Status Database::migrate()
{
    return write([this](QSqlDatabase &db) -> Status {
        auto created = runQuery(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                   "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
        if (!created)
            return fail(created.error());

        auto current = runQuery(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
        if (!current)
            return fail(current.error());
        current->next();
        const int version = current->value(0).toInt();
        // A statement left open keeps SQLite from dropping anything (an index a migration replaces).
        current->finish();
        if (version > latestSchemaVersion())
            return fail(ErrorCode::Storage,
                        QStringLiteral("The workspace database %1 was written by a newer AdsDesk (schema %2; this "
                                       "version knows up to %3). Use a newer AdsDesk or another data directory.")
                            .arg(m_filePath)
                            .arg(version)
                            .arg(latestSchemaVersion()));

        for (int next = version + 1; next <= latestSchemaVersion(); ++next) {
            QFile file(kMigrations.at(next - 1));
            if (!file.open(QIODevice::ReadOnly))
                return fail(ErrorCode::Internal, QStringLiteral("Migration %1 is missing from this build.").arg(next));
            for (const QString &statement : splitStatements(QString::fromUtf8(file.readAll()))) {
                auto ran = runQuery(db, statement);
                if (!ran) {
                    qCCritical(lcStore) << "migration" << next << "failed:" << ran.error().detail;
                    return fail(ran.error());
                }
                ran->finish();
            }
            auto stamped = runQuery(db, QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                                       "VALUES (?, ?)"),
                                    {next, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
            if (!stamped)
                return fail(stamped.error());
            qCInfo(lcStore) << "applied migration" << next << "to" << m_filePath;
        }
        return {};
    });
}

} // namespace ads::core
