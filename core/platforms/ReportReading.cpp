#include "core/platforms/ReportReading.h"

#include "core/platforms/HttpSupport.h"

namespace ads::core {

QList<QPair<QDate, QDate>> dayWindows(const QDate &from, const QDate &to, int maxDays)
{
    QList<QPair<QDate, QDate>> windows;
    if (!from.isValid() || !to.isValid() || maxDays < 1)
        return windows;
    for (QDate start = from; start <= to; start = start.addDays(maxDays))
        windows.append({start, std::min(to, start.addDays(maxDays - 1))});
    return windows;
}

bool readMetrics(const QJsonObject &metrics, const MetricFields &fields, ReportRow *row)
{
    const auto money = [&](const QString &key, bool inMicros, qint64 *out) {
        return inMicros ? net::metricCount(metrics.value(key), out) : net::metricMicros(metrics.value(key), out);
    };
    return net::metricCount(metrics.value(fields.impressions), &row->impressions)
        && net::metricCount(metrics.value(fields.clicks), &row->clicks)
        && money(fields.spend, fields.spendInMicros, &row->spendMicros)
        && net::metricMicros(metrics.value(fields.conversions), &row->conversionsMicros)
        && money(fields.conversionValue, fields.valueInMicros, &row->conversionValueMicros);
}

bool ReportRows::add(const ReportRow &row)
{
    const QString key = row.remoteCampaignId + u'|' + row.day.toString(Qt::ISODate) + u'|'
        + QString::number(row.hour);
    if (m_keys.contains(key))
        return false;
    m_keys.insert(key);
    m_rows.append(row);
    return true;
}

void foldIntoHour(QList<ReportRow> *rows, const ReportRow &row)
{
    for (ReportRow &kept : *rows) {
        if (kept.remoteCampaignId == row.remoteCampaignId && kept.day == row.day && kept.hour == row.hour) {
            kept.impressions += row.impressions;
            kept.clicks += row.clicks;
            kept.spendMicros += row.spendMicros;
            kept.conversionsMicros += row.conversionsMicros;
            kept.conversionValueMicros += row.conversionValueMicros;
            return;
        }
    }
    rows->append(row);
}

namespace {

struct PageWalk
{
    ReportPageFetch fetch;
    std::shared_ptr<ReportRows> rows;
    QString platformName;
    LogCategory log;
    std::function<void(std::optional<PlatformError>)> done;
    QSet<QString> followedCursors;
    int pages = 0;
};

void fetchPage(std::shared_ptr<PageWalk> walk, const QString &cursor);

void takePage(std::shared_ptr<PageWalk> walk, PlatformResult<ReportPage> page)
{
    if (!page) {
        walk->done(page.error());
        return;
    }
    ++walk->pages;
    int dropped = 0;
    for (const ReportRow &row : page->rows)
        dropped += walk->rows->add(row) ? 0 : 1;
    if (dropped > 0)
        qCWarning(walk->log) << "report page repeated" << dropped << "rows already read; kept once";

    const QString &next = page->nextCursor;
    if (page->rows.isEmpty() || next.isEmpty()) {
        walk->done(std::nullopt);
        return;
    }
    if (walk->followedCursors.contains(next)) {
        qCWarning(walk->log) << "report cursor repeated after" << walk->pages << "pages; stopped there";
        walk->done(std::nullopt);
        return;
    }
    if (walk->pages >= kMaxReportPages) {
        qCWarning(walk->log) << "report still paging after" << walk->pages << "pages; giving up";
        walk->done(net::makeError(
            FailureKind::Permanent, QStringLiteral("report_too_long"),
            QStringLiteral("%1 kept sending report pages past %2; the report was not read.")
                .arg(walk->platformName)
                .arg(kMaxReportPages)));
        return;
    }
    fetchPage(walk, next);
}

void fetchPage(std::shared_ptr<PageWalk> walk, const QString &cursor)
{
    walk->followedCursors.insert(cursor);
    walk->fetch(cursor, [walk](PlatformResult<ReportPage> page) { takePage(walk, std::move(page)); });
}

} // namespace

void walkReportPages(ReportPageFetch fetch, std::shared_ptr<ReportRows> rows, const QString &platformName,
                     LogCategory log, std::function<void(std::optional<PlatformError>)> done)
{
    auto walk = std::make_shared<PageWalk>();
    walk->fetch = std::move(fetch);
    walk->rows = std::move(rows);
    walk->platformName = platformName;
    walk->log = log;
    walk->done = std::move(done);
    fetchPage(walk, QString());
}

} // namespace ads::core
