#pragma once

#include <QLoggingCategory>

namespace ads::ui {

// One category per area of the GUI. Info is the floor; turn on detail with
// QT_LOGGING_RULES="ads.ui.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUiMain)      // "ads.ui.main"
Q_DECLARE_LOGGING_CATEGORY(lcUiCampaigns) // "ads.ui.campaigns"
Q_DECLARE_LOGGING_CATEGORY(lcUiCharts)    // "ads.ui.charts"
Q_DECLARE_LOGGING_CATEGORY(lcUiSettings)  // "ads.ui.settings"

} // namespace ads::ui
