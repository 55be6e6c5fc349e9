#pragma once

#include "core/domain/Error.h"

#include <QSqlDatabase>

namespace ads::core {

/**
 * Fills a new sandbox workspace with the creatives and audiences the sample campaigns refer to
 * (cre-bf-video-1, cre-bf-static-1, aud-vip, aud-cart-abandoned). Records that exist are left as
 * the user edited them.
 */
Status seedSampleLibrary(const QSqlDatabase &db);

} // namespace ads::core
