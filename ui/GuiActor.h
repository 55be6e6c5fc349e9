#pragma once

#include "core/services/CampaignService.h"

#include <QtGlobal>

namespace ads::ui {

/** The desktop user as the change history records them: kind "gui" and the OS user name. */
inline core::Actor guiActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    if (user.isEmpty())
        user = QStringLiteral("desktop");
    return core::Actor{QStringLiteral("gui"), user};
}

} // namespace ads::ui
