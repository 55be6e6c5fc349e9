#include "core/auth/ApiSecret.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"

#include <QRandomGenerator>

namespace ads::core {

namespace {

// Shorter than the HMAC-SHA256 block output, a secret is easier to guess than the MAC it keys.
constexpr int kMinimumSecretBytes = 32;

QString createSecret()
{
    QByteArray bytes(kMinimumSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void setSource(QString *source, const char *value)
{
    if (source)
        *source = QString::fromLatin1(value);
}

} // namespace

QString resolveApiSecret(SecretStore &store, QString *source)
{
    const QString fromEnv = qEnvironmentVariable(kApiSecretEnv);
    if (!fromEnv.isEmpty()) {
        if (fromEnv.toUtf8().size() < kMinimumSecretBytes)
            qCWarning(lcAuth) << kApiSecretEnv << "is shorter than" << kMinimumSecretBytes
                              << "bytes";
        setSource(source, "environment");
        return fromEnv;
    }

    const QString key = QString::fromLatin1(kApiSecretKey);
    const auto stored = store.read(key);
    if (stored && !stored->isEmpty()) {
        setSource(source, "store");
        return *stored;
    }
    if (!stored && stored.error().code != ErrorCode::NotFound) {
        // Overwriting would destroy a secret that may read fine next time; run on a secret that
        // lives for this process only instead.
        qCWarning(lcAuth) << "the API secret could not be read; using a secret for this run only";
        setSource(source, "ephemeral");
        return createSecret();
    }

    const QString created = createSecret();
    if (!store.write(key, created))
        qCWarning(lcAuth) << "the new API secret could not be stored; tokens end with this run";
    else
        qCInfo(lcAuth) << "created a new API secret in the" << store.kind() << "store";
    setSource(source, "created");
    return created;
}

} // namespace ads::core
