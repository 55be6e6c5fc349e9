#include "core/sandbox/Simulators.h"

#include "core/sandbox/SandboxContext.h"

namespace ads::core::sandbox {

namespace {

// Placeholder until the Google simulator lands: every path is unknown.
class GoogleSimulator : public PlatformHandler
{
public:
    SandboxReply handle(const SandboxRequest &) override
    {
        return SandboxReply::text("Not Found", 404, "text/plain");
    }
};

} // namespace

std::shared_ptr<PlatformHandler> makeGoogleSimulator(std::shared_ptr<SandboxContext>)
{
    return std::make_shared<GoogleSimulator>();
}

SandboxAccount defaultGoogleAccount(quint64 seed)
{
    SandboxAccount account;
    account.platform = Platform::Google;
    account.accountId = seededDigits(seed, QStringLiteral("google-account"), 10);
    account.name = QStringLiteral("Sandbox Google (USD)");
    account.currency = QStringLiteral("USD");
    account.timeZone = QStringLiteral("America/New_York");
    account.accessToken = QStringLiteral("ya29.") + seededHex(seed, QStringLiteral("google-token"), 48);
    account.extra.insert(QStringLiteral("developerToken"), seededHex(seed, QStringLiteral("google-dev"), 22));
    account.extra.insert(QStringLiteral("loginCustomerId"), QString());
    account.extra.insert(QStringLiteral("conversionActionId"), seededDigits(seed, QStringLiteral("google-conv"), 9));
    return account;
}

} // namespace ads::core::sandbox
