#include "core/domain/Platform.h"

namespace ads::core {

namespace {

struct PlatformEntry
{
    Platform platform;
    const char16_t *name;
};

constexpr PlatformEntry kPlatforms[] = {
    {Platform::Facebook, u"facebook"},
    {Platform::Google, u"google"},
    {Platform::TikTok, u"tiktok"},
    {Platform::LinkedIn, u"linkedin"},
    {Platform::Pinterest, u"pinterest"},
    {Platform::Snapchat, u"snapchat"},
};

struct ObjectiveEntry
{
    Objective objective;
    const char16_t *name;
};

constexpr ObjectiveEntry kObjectives[] = {
    {Objective::Awareness, u"awareness"},
    {Objective::Traffic, u"traffic"},
    {Objective::Engagement, u"engagement"},
    {Objective::Leads, u"leads"},
    {Objective::AppInstalls, u"app_installs"},
    {Objective::Conversions, u"conversions"},
    {Objective::Sales, u"sales"},
};

} // namespace

QString platformName(Platform platform)
{
    for (const auto &entry : kPlatforms) {
        if (entry.platform == platform)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<Platform> platformFromName(QStringView name)
{
    for (const auto &entry : kPlatforms) {
        if (name == QStringView(entry.name))
            return entry.platform;
    }
    return std::nullopt;
}

QList<Platform> allPlatforms()
{
    QList<Platform> list;
    for (const auto &entry : kPlatforms)
        list.append(entry.platform);
    return list;
}

QList<Platform> supportedPlatforms()
{
    return allPlatforms();
}

QString objectiveName(Objective objective)
{
    for (const auto &entry : kObjectives) {
        if (entry.objective == objective)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<Objective> objectiveFromName(QStringView name)
{
    for (const auto &entry : kObjectives) {
        if (name == QStringView(entry.name))
            return entry.objective;
    }
    return std::nullopt;
}

QList<Objective> allObjectives()
{
    QList<Objective> list;
    for (const auto &entry : kObjectives)
        list.append(entry.objective);
    return list;
}

} // namespace ads::core
