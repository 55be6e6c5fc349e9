#pragma once

#include "core/sandbox/PlatformServer.h"
#include "core/sandbox/SandboxTypes.h"

#include <memory>

namespace ads::core::sandbox {

class SandboxContext;

/** The simulated Snapchat Marketing API v1. */
std::shared_ptr<PlatformHandler> makeSnapchatSimulator(std::shared_ptr<SandboxContext> context);
/** First-run account; extra keys profileId, brandName, pixelId (and organizationId, userId,
 * fundingSourceId). */
SandboxAccount defaultSnapchatAccount(quint64 seed);

} // namespace ads::core::sandbox
