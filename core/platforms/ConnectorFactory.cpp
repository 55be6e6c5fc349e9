#include "core/platforms/ConnectorFactory.h"

#include "core/platforms/facebook/MetaConnector.h"
#include "core/platforms/google/GoogleAdsConnector.h"
#include "core/platforms/linkedin/LinkedInConnector.h"
#include "core/platforms/pinterest/PinterestConnector.h"
#include "core/platforms/snapchat/SnapchatConnector.h"
#include "core/platforms/tiktok/TikTokConnector.h"

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
        return std::make_unique<TikTokConnector>(nam, base);
    case Platform::LinkedIn:
        return std::make_unique<LinkedInConnector>(nam, base);
    case Platform::Pinterest:
        return std::make_unique<PinterestConnector>(nam, base);
    case Platform::Snapchat:
        return std::make_unique<SnapchatConnector>(nam, base);
    }
    return nullptr;
}

} // namespace ads::core
