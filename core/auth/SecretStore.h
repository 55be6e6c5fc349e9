#pragma once

#include "core/domain/Error.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

namespace ads::core {

/**
 * Secrets by key ("api/jwt-secret", "facebook:act_123"), synchronous from the caller's view.
 * Secrets never go to SQLite, settings or logs; this is the only way in or out.
 *
 * read() fails with ErrorCode::NotFound when the key holds nothing, and with ErrorCode::Storage
 * when the backing store cannot be reached. remove() of an absent key succeeds.
 */
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    virtual Result<QString> read(const QString &key) = 0;
    virtual Status write(const QString &key, const QString &secret) = 0;
    virtual Status remove(const QString &key) = 0;

    /** "keychain", "file" or "memory", for logs and the settings page. */
    virtual QString kind() const = 0;
};

/** Keeps secrets in memory only; for tests. Thread-safe. */
class MemorySecretStore final : public SecretStore
{
public:
    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

    QString kind() const override { return QStringLiteral("memory"); }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

/**
 * Keeps secrets in one JSON object file readable by its owner only (mode 0600), replaced
 * atomically on every write. Used only where no keychain is reachable (a headless server, a
 * container): the secrets are as safe as the user's account and no safer, so the first use in a
 * process logs a warning. Thread-safe within one process; two processes writing the same file can
 * lose each other's last write.
 */
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString filePath);

    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

    QString kind() const override { return QStringLiteral("file"); }

    QString filePath() const { return m_filePath; }

    /** The file's name inside a data directory. */
    static QString defaultFileName() { return QStringLiteral("secrets.json"); }

private:
    Result<QHash<QString, QString>> load() const;
    Status save(const QHash<QString, QString> &secrets) const;

    QString m_filePath;
    QMutex m_mutex;
};

/**
 * The system keychain when one answers (a probe entry is written and removed), otherwise a
 * FileSecretStore in dataDir with a warning in the log. Call from the main thread.
 */
std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir);

} // namespace ads::core
