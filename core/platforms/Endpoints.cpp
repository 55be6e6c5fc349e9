#include "core/platforms/Endpoints.h"

#include "core/Logging.h"

namespace ads::core {

namespace {

QUrl usable(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const bool ok = url.isValid() && !url.host().isEmpty()
        && (url.scheme() == u"https" || url.scheme() == u"http");
    return ok ? url : QUrl();
}

} // namespace

QUrl defaultBaseUrl(Platform platform)
{
    switch (platform) {
    case Platform::Facebook:
        return QUrl(QStringLiteral("https://graph.facebook.com"));
    case Platform::Google:
        return QUrl(QStringLiteral("https://googleads.googleapis.com"));
    case Platform::TikTok:
        return QUrl(QStringLiteral("https://business-api.tiktok.com"));
    case Platform::LinkedIn:
        return QUrl(QStringLiteral("https://api.linkedin.com"));
    case Platform::Pinterest:
        return QUrl(QStringLiteral("https://api.pinterest.com"));
    case Platform::Snapchat:
        return QUrl(QStringLiteral("https://adsapi.snapchat.com"));
    }
    return {};
}

QUrl resolveBaseUrl(Platform platform, const QSettings &settings)
{
    const QString name = platformName(platform);
    const QByteArray envName = "ADSDESK_" + name.toUpper().toLatin1() + "_API_BASE";

    const QString fromEnv = qEnvironmentVariable(envName.constData());
    if (!fromEnv.isEmpty()) {
        if (const QUrl url = usable(fromEnv); url.isValid())
            return url;
        qCWarning(lcDomain) << "ignoring invalid" << envName << "value";
    }

    const QString key = QStringLiteral("platforms/%1/apiBase").arg(name);
    const QString fromSettings = settings.value(key).toString();
    if (!fromSettings.isEmpty()) {
        if (const QUrl url = usable(fromSettings); url.isValid())
            return url;
        qCWarning(lcDomain) << "ignoring invalid setting" << key;
    }
    return defaultBaseUrl(platform);
}

} // namespace ads::core
