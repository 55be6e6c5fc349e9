#pragma once

#include "core/domain/Platform.h"

#include <QSettings>
#include <QUrl>

namespace ads::core {

/** The platform's real API origin, e.g. https://graph.facebook.com (no path, no version). */
QUrl defaultBaseUrl(Platform platform);

/**
 * Where a connector should talk: ADSDESK_<NAME>_API_BASE from the environment when set, else the
 * settings key platforms/<name>/apiBase, else the real origin. Invalid values are skipped.
 */
QUrl resolveBaseUrl(Platform platform, const QSettings &settings);

} // namespace ads::core
