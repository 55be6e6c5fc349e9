#pragma once

#include "core/platforms/PlatformConnector.h"

#include <QNetworkAccessManager>

#include <memory>

namespace ads::core {

/**
 * The connector for a platform, talking to base (its origin, real or sandbox), or nullptr for a
 * platform without a connector. The network manager must outlive the connector.
 */
std::unique_ptr<PlatformConnector> createConnector(Platform platform, QNetworkAccessManager *nam,
                                                   const QUrl &base);

} // namespace ads::core
