#include "core/auth/KeychainSecretStore.h"

#include "core/Logging.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace ads::core {

namespace {

const QString kProbeKey = QStringLiteral("adsdesk/probe");

/**
 * Starts a job and waits for it. On a timeout the job is left to delete itself when it finally
 * finishes, because deleting a job that a D-Bus reply is still on its way to is not safe.
 */
bool runJob(QKeychain::Job *job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);

    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->start();
    timer.start(timeout);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!finished) {
        qCWarning(lcAuth) << "keychain did not answer within" << timeout.count() << "ms";
        job->setAutoDelete(true);
    }
    return finished;
}

tl::unexpected<Error> keychainError(const QKeychain::Job &job)
{
    if (job.error() == QKeychain::EntryNotFound) {
        return fail(
            ErrorCode::NotFound, QStringLiteral("No secret is stored under this name."), job.key());
    }
    qCWarning(lcAuth) << "keychain error" << job.error() << job.errorString();
    return fail(ErrorCode::Storage,
                QStringLiteral("The system keychain could not be used."),
                job.errorString());
}

tl::unexpected<Error> timedOut()
{
    return fail(ErrorCode::Storage, QStringLiteral("The system keychain did not answer."));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{}

Result<QString> KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kServiceName));
    job->setKey(key);
    if (!runJob(job, m_timeout))
        return timedOut();

    const std::unique_ptr<QKeychain::ReadPasswordJob> owned(job);
    if (job->error() != QKeychain::NoError)
        return keychainError(*job);
    return job->textData();
}

Status KeychainSecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kServiceName));
    job->setKey(key);
    job->setTextData(secret);
    if (!runJob(job, m_timeout))
        return timedOut();

    const std::unique_ptr<QKeychain::WritePasswordJob> owned(job);
    if (job->error() != QKeychain::NoError)
        return keychainError(*job);
    return {};
}

Status KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kServiceName));
    job->setKey(key);
    if (!runJob(job, m_timeout))
        return timedOut();

    const std::unique_ptr<QKeychain::DeletePasswordJob> owned(job);
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return keychainError(*job);
    return {};
}

bool KeychainSecretStore::probe()
{
    // A read alone proves nothing: with a session bus but no unlocked collection, reads answer
    // "not found" while every write fails. Only a full round trip shows the keychain is usable.
    const QString marker = QStringLiteral("probe");
    if (!write(kProbeKey, marker))
        return false;

    const auto back = read(kProbeKey);
    remove(kProbeKey);
    return back && *back == marker;
}

} // namespace ads::core
