#pragma once

#include "core/domain/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>

namespace ads::core {

/**
 * The workspace's SQL store. SQLite in the data dir by default (WAL, foreign keys); the SQL is kept
 * portable to PostgreSQL: standard types, INSERT ... ON CONFLICT, timestamps as ISO 8601 UTC text.
 *
 * Qt Sql connections belong to the thread that opened them, so every thread gets its own
 * connection to the same file, opened on first use and closed when the thread ends.
 */
class Database
{
public:
    /** The newest schema this build knows. A database stamped with a higher one is refused. */
    static int latestSchemaVersion();

    /** Opens (creating if needed) the database file and applies pending migrations in one transaction. */
    static Result<std::unique_ptr<Database>> open(const QString &filePath);

    ~Database();

    /** This thread's connection. */
    QSqlDatabase connection() const;

    /**
     * Runs work inside a write transaction on this thread's connection and commits it, or rolls
     * back when work fails. SQLite's write lock is taken up front (BEGIN IMMEDIATE), so two threads
     * writing at once wait for each other instead of failing half way.
     */
    Status write(const std::function<Status(QSqlDatabase &)> &work) const;

    QString filePath() const { return m_filePath; }

    int schemaVersion() const;

private:
    explicit Database(const QString &filePath);

    Status migrate();

    QString m_filePath;
    QString m_connectionPrefix;
};

/** Prepares and runs a statement with positional values; a failure carries the SQL error for logs. */
Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

/** "?,?,?": one positional mark per value, for an IN list or a VALUES row of that many values. */
QString sqlPlaceholders(qsizetype count);

} // namespace ads::core
