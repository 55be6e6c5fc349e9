#pragma once

#include <QString>

namespace ads::core {

class SecretStore;

/** The key under which the local API's token secret is stored. */
inline constexpr auto kApiSecretKey = "api/jwt-secret";

/** The environment variable that overrides the stored secret (CI, containers, scripts). */
inline constexpr auto kApiSecretEnv = "ADSDESK_JWT_SECRET";

/**
 * The HS256 secret the local API verifies tokens with: $ADSDESK_JWT_SECRET when set and not empty,
 * else the stored "api/jwt-secret", else 32 fresh random bytes from the system generator,
 * base64url-encoded and stored for next time. *source, when given, becomes "environment", "store",
 * "created" or "ephemeral". When the store cannot be read (as opposed to holding nothing), or the
 * new secret cannot be stored, a fresh secret is returned for this run only and a warning logged:
 * the API works, but its tokens stop working after a restart.
 */
QString resolveApiSecret(SecretStore &store, QString *source = nullptr);

} // namespace ads::core
