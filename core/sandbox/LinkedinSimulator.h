#pragma once

#include "core/sandbox/PlatformServer.h"
#include "core/sandbox/SandboxTypes.h"

#include <memory>

namespace ads::core::sandbox {

class SandboxContext;

/** The simulated LinkedIn Marketing API (versioned REST under /rest/). */
std::shared_ptr<PlatformHandler> makeLinkedinSimulator(std::shared_ptr<SandboxContext> context);
/** First-run account; extra keys organizationUrn, geoUrn, locale. */
SandboxAccount defaultLinkedinAccount(quint64 seed);

} // namespace ads::core::sandbox
