#include "core/auth/SecretStore.h"

#include "core/Logging.h"
#include "core/auth/KeychainSecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSaveFile>

#include <atomic>

namespace ads::core {

namespace {

tl::unexpected<Error> notFound(const QString &key)
{
    return fail(ErrorCode::NotFound, QStringLiteral("No secret is stored under this name."), key);
}

tl::unexpected<Error> storageError(const QString &message, const QString &detail)
{
    qCWarning(lcAuth) << message << detail;
    return fail(ErrorCode::Storage, message, detail);
}

} // namespace

Result<QString> MemorySecretStore::read(const QString &key)
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return notFound(key);
    return *it;
}

Status MemorySecretStore::write(const QString &key, const QString &secret)
{
    const QMutexLocker locker(&m_mutex);
    m_secrets.insert(key, secret);
    return {};
}

Status MemorySecretStore::remove(const QString &key)
{
    const QMutexLocker locker(&m_mutex);
    m_secrets.remove(key);
    return {};
}

FileSecretStore::FileSecretStore(QString filePath)
    : m_filePath(std::move(filePath))
{
    // Once per process: the user should learn that secrets sit in a plain file, but every store
    // object repeating it would drown the log.
    static std::atomic_bool warned = false;
    if (!warned.exchange(true)) {
        qCWarning(lcAuth) << "no system keychain is in use; secrets are kept in" << m_filePath
                          << "readable by this user only";
    }
}

Result<QString> FileSecretStore::read(const QString &key)
{
    const QMutexLocker locker(&m_mutex);
    const auto secrets = load();
    if (!secrets)
        return tl::unexpected(secrets.error());
    const auto it = secrets->constFind(key);
    if (it == secrets->constEnd())
        return notFound(key);
    return *it;
}

Status FileSecretStore::write(const QString &key, const QString &secret)
{
    const QMutexLocker locker(&m_mutex);
    auto secrets = load();
    if (!secrets)
        return tl::unexpected(secrets.error());

    secrets->insert(key, secret);
    return save(*secrets);
}

Status FileSecretStore::remove(const QString &key)
{
    const QMutexLocker locker(&m_mutex);
    auto secrets = load();
    if (!secrets)
        return tl::unexpected(secrets.error());
    if (!secrets->contains(key))
        return {};

    secrets->remove(key);
    return save(*secrets);
}

Result<QHash<QString, QString>> FileSecretStore::load() const
{
    QFile file(m_filePath);
    if (!file.exists())
        return QHash<QString, QString>();
    if (!file.open(QIODevice::ReadOnly))
        return storageError(QStringLiteral("The secrets file cannot be read."), file.errorString());

    // A damaged file is reported, never silently replaced: that would throw away every secret.
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return storageError(QStringLiteral("The secrets file is damaged."), m_filePath);

    QHash<QString, QString> secrets;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return storageError(QStringLiteral("The secrets file is damaged."), m_filePath);
        secrets.insert(it.key(), it.value().toString());
    }
    return secrets;
}

Status FileSecretStore::save(const QHash<QString, QString> &secrets) const
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());

    QJsonObject object;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        object.insert(it.key(), it.value());

    // Restrict the temporary file before a single secret byte is written to it; the rename in
    // commit() then keeps the mode.
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return storageError(QStringLiteral("The secrets file cannot be written."),
                            file.errorString());
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return storageError(QStringLiteral("The secrets file cannot be written."),
                            file.errorString());
    return {};
}

std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir)
{
    // The Secret Service lives on the session bus: without one there is nothing to ask, and asking
    // would cost every start the probe's whole timeout.
    const bool sessionBus = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    auto keychain = std::make_unique<KeychainSecretStore>(std::chrono::seconds(5));
    if (sessionBus && keychain->probe()) {
        qCInfo(lcAuth) << "secrets are kept in the system keychain";
        return keychain;
    }

    if (!sessionBus)
        qCWarning(lcAuth) << "no D-Bus session bus, so no system keychain can be reached";
    const QString path = QDir(dataDir).filePath(FileSecretStore::defaultFileName());
    return std::make_unique<FileSecretStore>(path);
}

} // namespace ads::core
