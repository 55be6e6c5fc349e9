#pragma once

#include "core/domain/Campaign.h"
#include "core/platforms/PlatformConnector.h"
#include "core/services/Metrics.h"

#include <QHash>
#include <QSqlDatabase>

namespace ads::core {
class FxTable;
}

namespace ads::core::metrics_store {

/** One re-read of an account's delivery: which campaigns and report days the answer covers. */
struct ReportWindow
{
    Platform platform = Platform::Facebook;
    QString accountId;
    QDate from;
    QDate to;
    QHash<QString, QString> campaignIds; // remote campaign id -> ours
};

/**
 * Replaces what is stored for the window's campaigns and days with the platform's answer: days it
 * answered are overwritten (platforms restate recent days; a re-read never adds to a row), days it
 * no longer answers are removed. Each row's spend and value are converted into the reporting
 * currency at the rate of the row's own day, and the roll-ups of the window are rebuilt, all in
 * the caller's transaction. Rows of unknown campaigns are skipped. Returns the rows written.
 */
Result<int> replaceWindow(const QSqlDatabase &db, const ReportWindow &window, const QList<ReportRow> &rows,
                          const FxTable &rates, const QString &reportingCurrency);

/** As replaceWindow, for hourly rows (hour 0..23) in metrics_hourly; there are no hourly roll-ups. */
Result<int> replaceHourlyWindow(const QSqlDatabase &db, const ReportWindow &window, const QList<ReportRow> &rows,
                                const FxTable &rates, const QString &reportingCurrency);

/** Writes rows without removing others (the window is the rows' own days); for seeding tests. */
Result<int> upsertDailyRows(const QSqlDatabase &db,
                            Platform platform,
                            const QString &accountId,
                            const QList<ReportRow> &rows,
                            const QHash<QString, QString> &campaignIds);

/**
 * Converts every row dated from (all rows when invalid) again into the reporting currency, after
 * the rates or the reporting currency changed, and rebuilds those days' roll-ups.
 */
Status reconvert(const QSqlDatabase &db, const FxTable &rates, const QString &reportingCurrency,
                 const QDate &from);

/**
 * Rebuilds the per-platform daily and per-campaign monthly roll-ups for from..to (whole months for
 * the monthly one) from metrics_daily; platform and campaignIds narrow what is rebuilt.
 */
Status rebuildRollups(const QSqlDatabase &db, const QDate &from, const QDate &to,
                      std::optional<Platform> platform = std::nullopt, const QStringList &campaignIds = {});

/** How a campaign's metrics are presented. */
struct CampaignMetricsView
{
    QString currency;                     // empty: the currency of the accounts it runs in
    QString granularity = QStringLiteral("day"); // hour, day, week or month
    QMap<Platform, QDate> settlingFrom;   // first day each platform may still restate
    QMap<Platform, bool> omitsZeroDays;   // see SyncPolicy
    QMap<Platform, QDate> today;          // each platform account's current day
    // When valid, "today" is this instant's day in the zone of the account the campaign runs in,
    // which may differ from the platform's default account (Berlin against New York).
    QDateTime now;
};

/** A campaign's delivery between two report days, per platform and per bucket, in one currency. */
Result<CampaignMetrics> campaignMetrics(const QSqlDatabase &db,
                                        const Campaign &campaign,
                                        const QDate &from,
                                        const QDate &to,
                                        const CampaignMetricsView &view,
                                        const FxTable &rates);

/**
 * The report day an instant falls on in an account's zone (IANA, daylight saving included); UTC
 * when the zone is unknown. Platforms key report days by the account's local day.
 */
QDate reportDayOf(const QDateTime &instant, const QString &timeZone);

/** The first day of the bucket holding day: itself, its ISO week's Monday, or its month's 1st. */
QDate bucketStart(const QDate &day, const QString &granularity);

} // namespace ads::core::metrics_store
