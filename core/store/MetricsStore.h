#pragma once

#include "core/domain/Campaign.h"
#include "core/platforms/PlatformConnector.h"
#include "core/services/Metrics.h"

#include <QHash>
#include <QSqlDatabase>

namespace ads::core::metrics_store {

/**
 * Writes report rows, replacing any row already stored for the same platform, account, remote
 * campaign and day: platforms restate recent days, and a re-read must overwrite, never add.
 * campaignIds maps each remote campaign id to ours; rows of unknown campaigns are skipped.
 */
Result<int> upsertDailyRows(const QSqlDatabase &db,
                            Platform platform,
                            const QString &accountId,
                            const QList<ReportRow> &rows,
                            const QHash<QString, QString> &campaignIds);

/** A campaign's delivery between two report days, summed per platform and per day. */
Result<CampaignMetrics> campaignMetrics(const QSqlDatabase &db,
                                        const Campaign &campaign,
                                        const QDate &from,
                                        const QDate &to);

} // namespace ads::core::metrics_store
