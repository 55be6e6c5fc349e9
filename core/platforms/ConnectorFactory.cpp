#include "core/platforms/ConnectorFactory.h"

#include "core/platforms/facebook/MetaConnector.h"
#include "core/platforms/google/GoogleAdsConnector.h"

namespace ads::core {

std::unique_ptr<PlatformConnector> createConnector(Platform platform, QNetworkAccessManager *nam,
                                                   const QUrl &base)
{
    switch (platform) {
    case Platform::Facebook:
        return std::make_unique<MetaConnector>(nam, base);
    case Platform::Google:
        return std::make_unique<GoogleAdsConnector>(nam, base);
    case Platform::TikTok:
    case Platform::LinkedIn:
    case Platform::Pinterest:
    case Platform::Snapchat:
        break;
    }
    return nullptr;
}

} // namespace ads::core
