#pragma once

#include "core/sandbox/SandboxTypes.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

class QThread;

namespace ads::core::sandbox {

/** Everything one simulated request changes, written in one transaction before the reply. */
struct ChangeSet
{
    Platform platform = Platform::Facebook;
    QList<ObjectRecord> inserts;
    QList<ObjectRecord> updates;
    QList<StatusChange> statuses;

    bool isEmpty() const { return inserts.isEmpty() && updates.isEmpty() && statuses.isEmpty(); }
};

/**
 * The sandbox's SQLite file (<dataDir>/sandbox.sqlite): accounts, objects, status history,
 * id counters and the clock offset. Every call is safe from any thread: calls are serialised
 * by one mutex, server threads keep their own connection (attachThread), and other threads
 * get a short-lived connection per call, because a QSqlDatabase must stay on its thread.
 */
class SandboxStore
{
public:
    explicit SandboxStore(const QString &filePath);
    ~SandboxStore();

    SandboxStore(const SandboxStore &) = delete;
    SandboxStore &operator=(const SandboxStore &) = delete;

    /** Creates the schema; false with a message when the file cannot be opened. */
    bool open(QString *error);

    /** Gives the calling thread a connection of its own until detachThread(). */
    void attachThread();
    void detachThread();

    QList<SandboxAccount> accounts(Platform platform) const;
    bool saveAccount(const SandboxAccount &account);

    std::optional<ObjectRecord> object(Platform platform, const QString &id) const;
    /** Objects in creation order; empty type or account means any. */
    QList<ObjectRecord> objects(Platform platform,
                                const QString &type = {},
                                const QString &accountId = {}) const;
    /** Status history per object id, oldest first. */
    QHash<QString, QList<StatusChange>> histories(Platform platform) const;

    /** Applies the change set atomically; false when the database refused it. */
    bool commit(const ChangeSet &changes);

    /** Next value of a named, persisted counter (starts at 1). Returns 0 on failure. */
    qint64 nextCounter(const QString &name);

    QString setting(const QString &key, const QString &fallback = {}) const;
    bool setSetting(const QString &key, const QString &value);

private:
    using DbTask = std::function<bool(QSqlDatabase &)>;
    bool run(const DbTask &task) const;
    QSqlDatabase openConnection(const QString &name) const;

    QString m_filePath;
    QString m_connectionPrefix;
    mutable QMutex m_mutex;
    mutable qint64 m_tempConnections = 0;
    QHash<QThread *, QString> m_threadConnections;
};

} // namespace ads::core::sandbox
