#pragma once

#include "core/sandbox/PlatformServer.h"
#include "core/sandbox/SandboxTypes.h"

#include <memory>

namespace ads::core::sandbox {

class SandboxContext;

// One factory and one first-run account per simulated platform. The account ids and tokens are
// derived from the seed once and then persisted, so a restart never changes them.

std::shared_ptr<PlatformHandler> makeFacebookSimulator(std::shared_ptr<SandboxContext> context);
SandboxAccount defaultFacebookAccount(quint64 seed);

std::shared_ptr<PlatformHandler> makeGoogleSimulator(std::shared_ptr<SandboxContext> context);
SandboxAccount defaultGoogleAccount(quint64 seed);

std::shared_ptr<PlatformHandler> makeTikTokSimulator(std::shared_ptr<SandboxContext> context);
SandboxAccount defaultTikTokAccount(quint64 seed);

/** A decimal string of exactly `digits` digits (no leading zero) derived from the seed. */
QString seededDigits(quint64 seed, const QString &salt, int digits);
/** Lower-case hex of `length` characters derived from the seed. */
QString seededHex(quint64 seed, const QString &salt, int length);

} // namespace ads::core::sandbox
