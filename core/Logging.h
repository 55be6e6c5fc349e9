#pragma once

#include <QLoggingCategory>

// One category per area of the core. Info is the floor; turn on detail with
// QT_LOGGING_RULES="ads.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcStore)    // "ads.core.store"
Q_DECLARE_LOGGING_CATEGORY(lcDomain)   // "ads.core.domain"
Q_DECLARE_LOGGING_CATEGORY(lcAuth)     // "ads.core.auth"
Q_DECLARE_LOGGING_CATEGORY(lcApi)      // "ads.core.api"
Q_DECLARE_LOGGING_CATEGORY(lcLaunch)   // "ads.core.launch"
Q_DECLARE_LOGGING_CATEGORY(lcSync)     // "ads.core.sync"
Q_DECLARE_LOGGING_CATEGORY(lcAnalytics) // "ads.core.analytics"
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)  // "ads.core.sandbox"
Q_DECLARE_LOGGING_CATEGORY(lcNetMeta)  // "ads.core.net.meta"
Q_DECLARE_LOGGING_CATEGORY(lcNetGoogle) // "ads.core.net.google"
Q_DECLARE_LOGGING_CATEGORY(lcNetTikTok) // "ads.core.net.tiktok"
Q_DECLARE_LOGGING_CATEGORY(lcNetLinkedIn) // "ads.core.net.linkedin"
Q_DECLARE_LOGGING_CATEGORY(lcNetPinterest) // "ads.core.net.pinterest"
Q_DECLARE_LOGGING_CATEGORY(lcNetSnapchat) // "ads.core.net.snapchat"
