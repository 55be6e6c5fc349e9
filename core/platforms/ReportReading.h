#pragma once

#include "core/platforms/PlatformConnector.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ads::core {

/**
 * Most pages one report walk follows. A real report of a few campaigns needs a handful; a platform
 * that keeps handing out new cursors past this is looping, and the fetch fails instead of returning
 * a report that silently misses rows.
 */
inline constexpr int kMaxReportPages = 500;

/** Inclusive day ranges of at most maxDays each that cover from..to in order; empty when to < from. */
QList<QPair<QDate, QDate>> dayWindows(const QDate &from, const QDate &to, int maxDays);

/**
 * The rows of one report as its pages and windows arrive. A row whose campaign, day and hour were
 * already kept is dropped, so a page the platform serves twice never counts twice.
 */
class ReportRows
{
public:
    /** Keeps the row unless its campaign, day and hour are already there; false when dropped. */
    bool add(const ReportRow &row);

    QList<ReportRow> rows() const { return m_rows; }

private:
    QList<ReportRow> m_rows;
    QSet<QString> m_keys;
};

/**
 * Adds row to rows, or, when rows already hold the same campaign, day and hour, adds its metrics to
 * that one. For the repeated clock hour of a 25-hour day, which a report names twice in real time
 * but a ReportRow can name only once: its two runs become one hour, so the day still sums.
 */
void foldIntoHour(QList<ReportRow> *rows, const ReportRow &row);

/** Where a platform's report keeps the five metrics, and which money is already in micros. */
struct MetricFields
{
    QString impressions;
    QString clicks;
    QString spend;
    QString conversions; // a count that attribution can make fractional
    QString conversionValue;
    bool spendInMicros = false; // else major units
    bool valueInMicros = false;
};

/**
 * Reads the five metrics of one report row from metrics into row. A missing, null, "" or "-" metric
 * is 0 (platforms leave zero columns out); a present but unreadable one makes the answer false.
 */
bool readMetrics(const QJsonObject &metrics, const MetricFields &fields, ReportRow *row);

/** What one page of a report held: its rows, and the cursor of the next page (empty: the last). */
struct ReportPage
{
    QList<ReportRow> rows;
    QString nextCursor;
};

using ReportPageCallback = std::function<void(PlatformResult<ReportPage>)>;

/** Fetches the page at cursor; the first page has an empty cursor. */
using ReportPageFetch = std::function<void(const QString &cursor, ReportPageCallback done)>;

/** A connector's logging category, e.g. lcNetMeta. */
using LogCategory = const QLoggingCategory &(*)();

/**
 * Follows a report's pages from the first one into rows. Stops after an empty page, a page without
 * a next cursor, or a cursor that was already followed; fails with a PlatformError when the
 * pages run past kMaxReportPages. done is called exactly once, with nullopt or the first error.
 * platformName goes into the error message, log is where stops are logged.
 */
void walkReportPages(ReportPageFetch fetch, std::shared_ptr<ReportRows> rows, const QString &platformName,
                     LogCategory log, std::function<void(std::optional<PlatformError>)> done);

} // namespace ads::core
