#include "core/sandbox/SandboxHub.h"

#include "core/Logging.h"
#include "core/sandbox/LinkedinSimulator.h"
#include "core/sandbox/PinterestSimulator.h"
#include "core/sandbox/PlatformServer.h"
#include "core/sandbox/SandboxContext.h"
#include "core/sandbox/Simulators.h"
#include "core/sandbox/SnapchatSimulator.h"

#include <QDir>
#include <QJsonObject>
#include <QUuid>

namespace ads::core::sandbox {

namespace {

const QList<Platform> kPlatforms = {Platform::Facebook,
                                    Platform::Google,
                                    Platform::TikTok,
                                    Platform::LinkedIn,
                                    Platform::Pinterest,
                                    Platform::Snapchat};

SandboxAccount defaultAccount(Platform platform, quint64 seed)
{
    switch (platform) {
    case Platform::Google:
        return defaultGoogleAccount(seed);
    case Platform::TikTok:
        return defaultTikTokAccount(seed);
    case Platform::LinkedIn:
        return defaultLinkedinAccount(seed);
    case Platform::Pinterest:
        return defaultPinterestAccount(seed);
    case Platform::Snapchat:
        return defaultSnapchatAccount(seed);
    default:
        return defaultFacebookAccount(seed);
    }
}

std::shared_ptr<PlatformHandler> makeSimulator(Platform platform,
                                               std::shared_ptr<SandboxContext> context)
{
    switch (platform) {
    case Platform::Google:
        return makeGoogleSimulator(std::move(context));
    case Platform::TikTok:
        return makeTikTokSimulator(std::move(context));
    case Platform::LinkedIn:
        return makeLinkedinSimulator(std::move(context));
    case Platform::Pinterest:
        return makePinterestSimulator(std::move(context));
    case Platform::Snapchat:
        return makeSnapchatSimulator(std::move(context));
    default:
        return makeFacebookSimulator(std::move(context));
    }
}

/**
 * The platform's second sandbox account: the same kind of id, billing in EUR in Europe/Berlin, with
 * a token of its own, so campaigns with euro budgets have an account of their currency.
 */
SandboxAccount euroSibling(const SandboxAccount &usd, quint64 seed)
{
    const QString salt = platformName(usd.platform) + QStringLiteral("-eur");
    SandboxAccount euro = usd;
    const bool digitsOnly =
        std::all_of(usd.accountId.begin(), usd.accountId.end(), [](QChar c) { return c.isDigit(); });
    if (digitsOnly) {
        euro.accountId = seededDigits(seed, salt + QStringLiteral("-account"), int(usd.accountId.size()));
    } else {
        const QString hex = seededHex(seed, salt + QStringLiteral("-account"), 32);
        euro.accountId = QStringLiteral("%1-%2-%3-%4-%5")
                             .arg(hex.mid(0, 8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20, 12));
    }
    euro.name = QString(usd.name).replace(QStringLiteral("USD"), QStringLiteral("EUR"));
    euro.currency = QStringLiteral("EUR");
    euro.timeZone = QStringLiteral("Europe/Berlin");
    const qsizetype prefix = std::max<qsizetype>(0, usd.accessToken.size() - 32);
    euro.accessToken = usd.accessToken.left(prefix) + seededHex(seed, salt + QStringLiteral("-token"), 32);
    return euro;
}

} // namespace

QString seededDigits(quint64 seed, const QString &salt, int digits)
{
    QString text;
    for (int round = 0; text.size() < digits; ++round)
        text += QString::number(stableHash(seed, salt, round));
    text = text.left(digits);
    if (text.startsWith(QLatin1Char('0')))
        text[0] = QLatin1Char('7');
    return text;
}

QString seededHex(quint64 seed, const QString &salt, int length)
{
    QString text;
    for (int round = 0; text.size() < length; ++round)
        text += QString::number(stableHash(seed, salt, round), 16).rightJustified(16, u'0');
    return text.left(length);
}

SandboxHub::SandboxHub(const QString &dataDir, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_seed(seed)
    , m_context(std::make_shared<SandboxContext>(dataDir, seed))
    , m_faults(std::make_shared<SandboxFaults>(seed))
{}

SandboxHub::~SandboxHub()
{
    for (auto &server : m_servers)
        server->stop();
    m_servers.clear();
    m_context->store().detachThread();
}

bool SandboxHub::start(QString *error)
{
    QWriteLocker lock(&m_lock);
    if (m_started)
        return true;

    if (!QDir().mkpath(m_dataDir)) {
        if (error)
            *error = QStringLiteral("cannot create the sandbox folder %1").arg(m_dataDir);
        return false;
    }
    m_context->store().attachThread();
    if (!m_context->open(error) || !ensureAccounts(error))
        return false;

    for (Platform platform : kPlatforms) {
        auto server = std::make_unique<PlatformServer>(
            platform, makeSimulator(platform, m_context), m_context, m_faults);
        if (!server->start(error)) {
            for (auto &started : m_servers)
                started->stop();
            m_servers.clear();
            m_baseUrls.clear();
            return false;
        }
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(server->port());
        m_baseUrls.insert(platform, url);
        m_servers.push_back(std::move(server));
    }
    m_started = true;
    qCInfo(lcSandbox) << "sandbox started with" << m_servers.size() << "platforms in" << m_dataDir;
    return true;
}

bool SandboxHub::ensureAccounts(QString *error)
{
    for (Platform platform : kPlatforms) {
        const QList<SandboxAccount> existing = m_context->store().accounts(platform);
        const auto has = [&](const QString &currency) {
            return std::any_of(existing.begin(), existing.end(),
                               [&](const SandboxAccount &account) { return account.currency == currency; });
        };
        const SandboxAccount usd = defaultAccount(platform, m_seed);
        const bool stored = (has(usd.currency) || m_context->store().saveAccount(usd))
                            && (has(QStringLiteral("EUR")) || m_context->store().saveAccount(euroSibling(usd, m_seed)));
        if (!stored) {
            if (error)
                *error = QStringLiteral("cannot store the %1 sandbox accounts").arg(platformName(platform));
            return false;
        }
    }
    return true;
}

QList<Platform> SandboxHub::platforms() const
{
    return kPlatforms;
}

QUrl SandboxHub::baseUrl(Platform platform) const
{
    QReadLocker lock(&m_lock);
    return m_baseUrls.value(platform);
}

QList<SandboxAccount> SandboxHub::accounts(Platform platform) const
{
    return m_context->store().accounts(platform);
}

QDateTime SandboxHub::now() const
{
    return m_context->now();
}

void SandboxHub::advanceClock(qint64 seconds)
{
    if (seconds <= 0)
        return;
    m_context->advance(seconds);
    qCInfo(lcSandbox) << "sandbox clock moved forward by" << seconds << "s";
}

void SandboxHub::revokeAccessTokens(Platform platform)
{
    for (SandboxAccount account : m_context->store().accounts(platform)) {
        const QByteArray fresh = QUuid::createUuid().toRfc4122().toHex() + QUuid::createUuid().toRfc4122().toHex();
        account.accessToken = QString::fromLatin1(fresh);
        m_context->store().saveAccount(account);
    }
    qCInfo(lcSandbox) << "sandbox revoked the access tokens of" << platformName(platform);
}

QJsonArray SandboxHub::objects(Platform platform) const
{
    QJsonArray result;
    for (const ObjectRecord &record : m_context->store().objects(platform)) {
        result.append(QJsonObject{{"type", record.type},
                                  {"id", record.id},
                                  {"parentId", record.parentId},
                                  {"name", record.name},
                                  {"status", record.status},
                                  {"fields", record.fields}});
    }
    return result;
}

void SandboxHub::setFaults(Platform platform, const FaultProfile &profile)
{
    m_faults->set(platform, profile);
    qCInfo(lcSandbox) << "sandbox faults for" << platformName(platform) << "error"
                      << profile.errorRate << "rate limit" << profile.rateLimitRate << "timeout"
                      << profile.timeoutRate << "lost reply" << profile.lostReplyRate << "latency"
                      << profile.latencyMs << "ms";
}

void SandboxHub::clearFaults()
{
    m_faults->clear();
    qCInfo(lcSandbox) << "sandbox faults cleared";
}

QHash<Platform, FaultProfile> SandboxHub::faults() const
{
    return m_faults->profiles();
}

} // namespace ads::core::sandbox
