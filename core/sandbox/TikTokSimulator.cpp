#include "core/sandbox/Simulators.h"

#include "core/sandbox/SandboxContext.h"

namespace ads::core::sandbox {

namespace {

// Placeholder until the TikTok simulator lands: every path is unknown.
class TikTokSimulator : public PlatformHandler
{
public:
    SandboxReply handle(const SandboxRequest &) override
    {
        return SandboxReply::text("Not Found", 404, "text/plain");
    }
};

} // namespace

std::shared_ptr<PlatformHandler> makeTikTokSimulator(std::shared_ptr<SandboxContext>)
{
    return std::make_shared<TikTokSimulator>();
}

SandboxAccount defaultTikTokAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::TikTok;
    account.accountId = seededDigits(seed, QStringLiteral("tiktok-account"), 19);
    account.name = QStringLiteral("Sandbox TikTok (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    account.accessToken = seededHex(seed, QStringLiteral("tiktok-token"), 40);
    account.extra.insert(QStringLiteral("pixelId"), seededDigits(seed, QStringLiteral("tiktok-pixel"), 19));
    account.extra.insert(QStringLiteral("identityId"), seededHex(seed, QStringLiteral("tiktok-identity"), 32));
    return account;
}

} // namespace ads::core::sandbox
