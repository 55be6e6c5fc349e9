#include "core/sandbox/SandboxStore.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace ads::core::sandbox {

namespace {

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject toObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString extraToText(const QMap<QString, QString> &extra)
{
    QJsonObject object;
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        object.insert(it.key(), it.value());
    return toText(object);
}

QMap<QString, QString> extraFromText(const QString &text)
{
    QMap<QString, QString> extra;
    const QJsonObject object = toObject(text);
    for (auto it = object.begin(); it != object.end(); ++it)
        extra.insert(it.key(), it.value().toString());
    return extra;
}

/** Never NULL: the columns are NOT NULL and a null QString binds as SQL NULL. */
QString bindable(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

bool exec(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    qCWarning(lcSandbox) << "sandbox store:" << what << "failed:" << query.lastError().text();
    return false;
}

ObjectRecord readObject(const QSqlQuery &query, Platform platform)
{
    ObjectRecord record;
    record.platform = platform;
    record.id = query.value(0).toString();
    record.accountId = query.value(1).toString();
    record.type = query.value(2).toString();
    record.parentId = query.value(3).toString();
    record.name = query.value(4).toString();
    record.status = query.value(5).toString();
    record.fields = toObject(query.value(6).toString());
    record.state = toObject(query.value(7).toString());
    record.createdAtMs = query.value(8).toLongLong();
    record.updatedAtMs = query.value(9).toLongLong();
    record.seq = query.value(10).toLongLong();
    return record;
}

const char *kObjectColumns =
    "id, account_id, type, parent_id, name, status, fields, state, created_at, updated_at, seq";

const char *kSchema[] = {
    "CREATE TABLE IF NOT EXISTS sandbox_accounts (platform TEXT NOT NULL, "
    "account_id TEXT NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL, "
    "time_zone TEXT NOT NULL, access_token TEXT NOT NULL, extra TEXT NOT NULL, "
    "PRIMARY KEY (platform, account_id))",
    "CREATE TABLE IF NOT EXISTS sandbox_objects (platform TEXT NOT NULL, id TEXT NOT NULL, "
    "account_id TEXT NOT NULL, type TEXT NOT NULL, parent_id TEXT NOT NULL, "
    "name TEXT NOT NULL, status TEXT NOT NULL, fields TEXT NOT NULL, state TEXT NOT NULL, "
    "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, seq BIGINT NOT NULL, "
    "PRIMARY KEY (platform, id))",
    "CREATE INDEX IF NOT EXISTS sandbox_objects_type ON sandbox_objects (platform, type, seq)",
    "CREATE TABLE IF NOT EXISTS sandbox_status_history (platform TEXT NOT NULL, "
    "object_id TEXT NOT NULL, status TEXT NOT NULL, at_ms BIGINT NOT NULL, "
    "seq BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sandbox_status_history_object "
    "ON sandbox_status_history (platform, object_id)",
    "CREATE TABLE IF NOT EXISTS sandbox_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sandbox_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
};

} // namespace

SandboxStore::SandboxStore(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionPrefix(QStringLiteral("ads-sandbox-%1").arg(quintptr(this), 0, 16))
{}

SandboxStore::~SandboxStore()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_threadConnections))
        QSqlDatabase::removeDatabase(name);
}

QSqlDatabase SandboxStore::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_filePath);
    // The servers and the GUI write concurrently; wait for a lock instead of failing at once.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        qCCritical(lcSandbox) << "sandbox store: cannot open" << m_filePath
                              << db.lastError().text();
        return db;
    }
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return db;
}

bool SandboxStore::run(const DbTask &task) const
{
    QMutexLocker lock(&m_mutex);
    const QString persistent = m_threadConnections.value(QThread::currentThread());
    if (!persistent.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(persistent, false);
        return db.isOpen() && task(db);
    }

    const QString name = m_connectionPrefix + QStringLiteral("-tmp-%1").arg(++m_tempConnections);
    bool ok = false;
    {
        QSqlDatabase db = openConnection(name);
        ok = db.isOpen() && task(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool SandboxStore::open(QString *error)
{
    QString failure;
    const bool ok = run([&failure](QSqlDatabase &db) {
        QSqlQuery query(db);
        for (const char *statement : kSchema) {
            if (!query.exec(QString::fromLatin1(statement))) {
                failure = query.lastError().text();
                return false;
            }
        }
        return true;
    });
    if (!ok && error)
        *error = failure.isEmpty() ? QStringLiteral("cannot open %1").arg(m_filePath) : failure;
    return ok;
}

void SandboxStore::attachThread()
{
    QMutexLocker lock(&m_mutex);
    QThread *thread = QThread::currentThread();
    if (m_threadConnections.contains(thread))
        return;
    const QString name =
        m_connectionPrefix + QStringLiteral("-thread-%1").arg(quintptr(thread), 0, 16);
    openConnection(name);
    m_threadConnections.insert(thread, name);
}

void SandboxStore::detachThread()
{
    QMutexLocker lock(&m_mutex);
    const QString name = m_threadConnections.take(QThread::currentThread());
    if (name.isEmpty())
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

QList<SandboxAccount> SandboxStore::accounts(Platform platform) const
{
    QList<SandboxAccount> result;
    run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        // In the order they were made, so a platform's first (US-dollar) account comes first.
        query.prepare(
            QStringLiteral("SELECT account_id, name, currency, time_zone, access_token, extra "
                           "FROM sandbox_accounts WHERE platform = ? ORDER BY rowid"));
        query.addBindValue(platformName(platform));
        if (!exec(query, "accounts"))
            return false;
        while (query.next()) {
            SandboxAccount account;
            account.platform = platform;
            account.accountId = query.value(0).toString();
            account.name = query.value(1).toString();
            account.currency = query.value(2).toString();
            account.timeZone = query.value(3).toString();
            account.accessToken = query.value(4).toString();
            account.extra = extraFromText(query.value(5).toString());
            result.append(account);
        }
        return true;
    });
    return result;
}

bool SandboxStore::saveAccount(const SandboxAccount &account)
{
    return run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO sandbox_accounts (platform, account_id, name, currency, time_zone, "
            "access_token, extra) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (platform, account_id) DO UPDATE SET name = excluded.name, "
            "currency = excluded.currency, time_zone = excluded.time_zone, "
            "access_token = excluded.access_token, extra = excluded.extra"));
        query.addBindValue(platformName(account.platform));
        query.addBindValue(account.accountId);
        query.addBindValue(account.name);
        query.addBindValue(account.currency);
        query.addBindValue(account.timeZone);
        query.addBindValue(account.accessToken);
        query.addBindValue(extraToText(account.extra));
        return exec(query, "save account");
    });
}

std::optional<ObjectRecord> SandboxStore::object(Platform platform, const QString &id) const
{
    std::optional<ObjectRecord> result;
    run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT %1 FROM sandbox_objects WHERE platform = ? AND id = ?")
                          .arg(QString::fromLatin1(kObjectColumns)));
        query.addBindValue(platformName(platform));
        query.addBindValue(id);
        if (!exec(query, "object"))
            return false;
        if (query.next())
            result = readObject(query, platform);
        return true;
    });
    return result;
}

QList<ObjectRecord> SandboxStore::objects(Platform platform,
                                          const QString &type,
                                          const QString &accountId) const
{
    QList<ObjectRecord> result;
    run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("SELECT %1 FROM sandbox_objects WHERE platform = ? "
                           "AND (? = '' OR type = ?) AND (? = '' OR account_id = ?) ORDER BY seq")
                .arg(QString::fromLatin1(kObjectColumns)));
        // A null QString binds as SQL NULL, and NULL = '' is not true: bind empty text.
        const QString anyType = type.isNull() ? QStringLiteral("") : type;
        const QString anyAccount = accountId.isNull() ? QStringLiteral("") : accountId;
        query.addBindValue(platformName(platform));
        query.addBindValue(anyType);
        query.addBindValue(anyType);
        query.addBindValue(anyAccount);
        query.addBindValue(anyAccount);
        if (!exec(query, "objects"))
            return false;
        while (query.next())
            result.append(readObject(query, platform));
        return true;
    });
    return result;
}

QHash<QString, QList<StatusChange>> SandboxStore::histories(Platform platform) const
{
    QHash<QString, QList<StatusChange>> result;
    run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "SELECT object_id, status, at_ms FROM sandbox_status_history WHERE platform = ? "
            "ORDER BY at_ms, seq"));
        query.addBindValue(platformName(platform));
        if (!exec(query, "histories"))
            return false;
        while (query.next()) {
            const StatusChange change{
                query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()};
            result[change.objectId].append(change);
        }
        return true;
    });
    return result;
}

static bool writeObject(QSqlDatabase &db, const ObjectRecord &record, bool insert)
{
    QSqlQuery query(db);
    if (insert) {
        query.prepare(QStringLiteral(
            "INSERT INTO sandbox_objects (platform, id, account_id, type, parent_id, name, "
            "status, fields, state, created_at, updated_at, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(platformName(record.platform));
        query.addBindValue(bindable(record.id));
        query.addBindValue(bindable(record.accountId));
        query.addBindValue(bindable(record.type));
        query.addBindValue(bindable(record.parentId));
        query.addBindValue(bindable(record.name));
        query.addBindValue(bindable(record.status));
        query.addBindValue(toText(record.fields));
        query.addBindValue(toText(record.state));
        query.addBindValue(record.createdAtMs);
        query.addBindValue(record.updatedAtMs);
        query.addBindValue(record.seq);
        return exec(query, "insert object");
    }
    query.prepare(
        QStringLiteral("UPDATE sandbox_objects SET parent_id = ?, name = ?, status = ?, state = ?, "
                       "updated_at = ? WHERE platform = ? AND id = ?"));
    query.addBindValue(bindable(record.parentId));
    query.addBindValue(bindable(record.name));
    query.addBindValue(bindable(record.status));
    query.addBindValue(toText(record.state));
    query.addBindValue(record.updatedAtMs);
    query.addBindValue(platformName(record.platform));
    query.addBindValue(bindable(record.id));
    return exec(query, "update object");
}

bool SandboxStore::commit(const ChangeSet &changes)
{
    if (changes.isEmpty())
        return true;
    return run([&](QSqlDatabase &db) {
        if (!db.transaction())
            return false;
        bool ok = true;
        for (const ObjectRecord &record : changes.inserts)
            ok = ok && writeObject(db, record, true);
        for (const ObjectRecord &record : changes.updates)
            ok = ok && writeObject(db, record, false);
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO sandbox_status_history (platform, object_id, status, at_ms, seq) "
            "VALUES (?, ?, ?, ?, (SELECT COUNT(*) FROM sandbox_status_history))"));
        for (const StatusChange &change : changes.statuses) {
            if (!ok)
                break;
            query.bindValue(0, platformName(changes.platform));
            query.bindValue(1, change.objectId);
            query.bindValue(2, change.status);
            query.bindValue(3, change.atMs);
            ok = exec(query, "status history");
        }
        if (!ok) {
            db.rollback();
            return false;
        }
        return db.commit();
    });
}

qint64 SandboxStore::nextCounter(const QString &name)
{
    qint64 value = 0;
    run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("INSERT INTO sandbox_counters (name, value) VALUES (?, 1) "
                           "ON CONFLICT (name) DO UPDATE SET value = sandbox_counters.value + 1"));
        query.addBindValue(name);
        if (!exec(query, "counter"))
            return false;
        query.prepare(QStringLiteral("SELECT value FROM sandbox_counters WHERE name = ?"));
        query.addBindValue(name);
        if (!exec(query, "counter read") || !query.next())
            return false;
        value = query.value(0).toLongLong();
        return true;
    });
    return value;
}

QString SandboxStore::setting(const QString &key, const QString &fallback) const
{
    QString value = fallback;
    run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT value FROM sandbox_settings WHERE key = ?"));
        query.addBindValue(key);
        if (!exec(query, "setting"))
            return false;
        if (query.next())
            value = query.value(0).toString();
        return true;
    });
    return value;
}

bool SandboxStore::setSetting(const QString &key, const QString &value)
{
    return run([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO sandbox_settings (key, value) VALUES (?, ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        query.addBindValue(key);
        query.addBindValue(value);
        return exec(query, "save setting");
    });
}

} // namespace ads::core::sandbox
