#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcStore, "ads.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "ads.core.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "ads.core.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "ads.core.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLaunch, "ads.core.launch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "ads.core.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "ads.core.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetMeta, "ads.core.net.meta", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetGoogle, "ads.core.net.google", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetTikTok, "ads.core.net.tiktok", QtInfoMsg)
