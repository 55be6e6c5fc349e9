#include "core/sandbox/Simulators.h"

#include "core/sandbox/SandboxContext.h"

namespace ads::core::sandbox {

namespace {

// Placeholder until the Facebook simulator lands: every path is unknown.
class FacebookSimulator : public PlatformHandler
{
public:
    SandboxReply handle(const SandboxRequest &) override
    {
        return SandboxReply::text("Not Found", 404, "text/plain");
    }
};

} // namespace

std::shared_ptr<PlatformHandler> makeFacebookSimulator(std::shared_ptr<SandboxContext>)
{
    return std::make_shared<FacebookSimulator>();
}

SandboxAccount defaultFacebookAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::Facebook;
    account.accountId = seededDigits(seed, QStringLiteral("facebook-account"), 15);
    account.name = QStringLiteral("Sandbox Facebook (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    account.accessToken = QStringLiteral("EAAB") + seededHex(seed, QStringLiteral("facebook-token"), 60);
    account.extra.insert(QStringLiteral("pageId"), seededDigits(seed, QStringLiteral("facebook-page"), 15));
    account.extra.insert(QStringLiteral("pixelId"), seededDigits(seed, QStringLiteral("facebook-pixel"), 16));
    return account;
}

} // namespace ads::core::sandbox
