#pragma once

#include "core/sandbox/PlatformServer.h"
#include "core/sandbox/SandboxTypes.h"

#include <memory>

namespace ads::core::sandbox {

class SandboxContext;

/** The simulated Pinterest API v5 (ads, Pins, media). */
std::shared_ptr<PlatformHandler> makePinterestSimulator(std::shared_ptr<SandboxContext> context);
/** First-run account; extra keys boardId, bidMicros, conversionTagId, country. */
SandboxAccount defaultPinterestAccount(quint64 seed);

} // namespace ads::core::sandbox
