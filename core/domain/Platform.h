#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace ads::core {

/** The ad platforms AdsDesk speaks to. Names on the wire are lower case: facebook, google, ... */
enum class Platform {
    Facebook,
    Google,
    TikTok,
    LinkedIn,
    Pinterest,
    Snapchat,
};

QString platformName(Platform platform);
std::optional<Platform> platformFromName(QStringView name);
QList<Platform> allPlatforms();

/** Platforms that have a connector and a sandbox today. */
QList<Platform> supportedPlatforms();

/** The generic objectives a campaign is authored with; each connector maps them to its own enum. */
enum class Objective {
    Awareness,
    Traffic,
    Engagement,
    Leads,
    AppInstalls,
    Conversions,
    Sales,
};

enum class BudgetType {
    Daily,
    Lifetime,
};

QString objectiveName(Objective objective);
std::optional<Objective> objectiveFromName(QStringView name);
QList<Objective> allObjectives();

} // namespace ads::core
