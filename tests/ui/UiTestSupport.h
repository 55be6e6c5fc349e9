#pragma once

#include "core/auth/SecretStore.h"
#include "core/services/CampaignService.h"
#include "core/services/Workspace.h"
#include "ui/Background.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ads::ui::test {

/** A sandbox workspace in a fresh directory with in-memory secrets, so no keychain is touched. */
inline std::unique_ptr<core::Workspace> openWorkspace(const QTemporaryDir &dir)
{
    core::Workspace::Options options;
    options.dataDir = dir.path();
    options.sandbox = true;
    options.secretStore = std::make_shared<core::MemorySecretStore>();
    auto workspace = core::Workspace::open(options);
    if (!workspace) {
        qWarning() << "workspace did not open:" << workspace.error().message;
        return nullptr;
    }
    return std::move(*workspace);
}

/** A valid draft that uses the sandbox's sample library. */
inline core::CampaignSpec sampleSpec(const QString &name = QStringLiteral("Black Friday"),
                                     qint64 micros = 450'000'000)
{
    core::CampaignSpec spec;
    spec.name = name;
    spec.objective = QStringLiteral("conversions");
    spec.platforms = {
        QStringLiteral("facebook"), QStringLiteral("google"), QStringLiteral("tiktok")};
    spec.budget.amount = core::Money{micros, QStringLiteral("USD")};
    spec.audienceIds = {QStringLiteral("aud-vip")};
    spec.creativeIds = {QStringLiteral("cre-bf-static-1")};
    spec.schedule.startAt = QDateTime::currentDateTimeUtc().addDays(1);
    spec.schedule.endAt = spec.schedule.startAt.addDays(14);
    return spec;
}

inline const core::Actor kApiActor{QStringLiteral("api"), QStringLiteral("crm-test")};

/** Fixed formatting for text comparisons, whatever the machine's locale. */
inline void useEnglishLocale()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace ads::ui::test
