#pragma once

#include "core/auth/SecretStore.h"

#include <chrono>

namespace ads::core {

/**
 * Secrets in the system keychain through QtKeychain, under the service name "AdsDesk", with
 * QtKeychain's plaintext fallback switched off.
 *
 * QtKeychain's jobs are asynchronous; each call runs a local event loop until its job finishes or
 * the timeout passes. Call it from a thread with no other event-driven work that must not be
 * re-entered (in practice the main thread at start-up). With no Secret Service on the session bus,
 * or a locked collection, calls fail with ErrorCode::Storage rather than block.
 */
class KeychainSecretStore final : public SecretStore
{
public:
    static constexpr auto kServiceName = "AdsDesk";

    explicit KeychainSecretStore(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

    QString kind() const override { return QStringLiteral("keychain"); }

    /** Writes, reads back and removes a probe entry: true when the keychain really works. */
    bool probe();

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace ads::core
