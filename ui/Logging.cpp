#include "ui/Logging.h"

namespace ads::ui {

Q_LOGGING_CATEGORY(lcUiMain, "ads.ui.main", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiCampaigns, "ads.ui.campaigns", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiCharts, "ads.ui.charts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiSettings, "ads.ui.settings", QtInfoMsg)

} // namespace ads::ui
