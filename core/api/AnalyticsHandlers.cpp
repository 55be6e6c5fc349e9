#include "core/api/ApiHandlers.h"
#include "core/api/ApiJson.h"
#include "core/domain/Money.h"
#include "core/services/AnalyticsService.h"
#include "core/services/ExchangeRates.h"
#include "core/services/Workspace.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace ads::core::api::handlers {

namespace {

// The same default window as the campaign metrics route: the last 30 report days.
constexpr int kDefaultAnalyticsDays = 30;

/** A comma-separated list parameter; empty items are dropped so "a,,b" means "a,b". */
QStringList listParameter(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
}

Result<QList<Platform>> platformsParameter(const QUrlQuery &query)
{
    QList<Platform> platforms;
    for (const QString &name : listParameter(query, QStringLiteral("platforms"))) {
        const auto platform = platformFromName(name.trimmed());
        if (!platform)
            return fail(fieldError(QStringLiteral("platforms"),
                                   QStringLiteral("unknown platform \"%1\"").arg(name)));
        platforms.append(*platform);
    }
    return platforms;
}

/** from, to, platforms and campaignIds, shared by every analytics route. */
Result<AnalyticsQuery> analyticsQuery(const ApiContext &context, const QUrlQuery &query)
{
    const auto from = dateParameter(query, QStringLiteral("from"));
    const auto to = dateParameter(query, QStringLiteral("to"));
    const auto platforms = platformsParameter(query);
    QList<FieldError> fields;
    if (!from)
        fields.append(from.error().fields);
    if (!to)
        fields.append(to.error().fields);
    if (!platforms)
        fields.append(platforms.error().fields);
    if (!fields.isEmpty())
        return fail(Error::invalid(fields));

    AnalyticsQuery result;
    result.to = to->value_or(today(context));
    result.from = from->value_or(result.to.addDays(1 - kDefaultAnalyticsDays));
    if (result.from > result.to)
        return fail(fieldError(QStringLiteral("from"), QStringLiteral("must not be after to")));
    result.platforms = *platforms;
    for (const QString &id : listParameter(query, QStringLiteral("campaignIds")))
        result.campaignIds.append(id.trimmed());
    result.currency = query.queryItemValue(QStringLiteral("currency")).trimmed().toUpper();
    if (!result.currency.isEmpty() && !money::isKnownCurrency(result.currency))
        return fail(fieldError(QStringLiteral("currency"), QStringLiteral("must be an ISO 4217 code")));
    return result;
}

/** sort, order, limit and cursor of the performance route; sort defaults to spend, descending. */
Result<PerformanceOrder> performanceOrder(const QUrlQuery &query)
{
    PerformanceOrder order;
    if (query.hasQueryItem(QStringLiteral("sort")))
        order.metric = query.queryItemValue(QStringLiteral("sort"));
    if (!isSortableMetric(order.metric))
        return fail(fieldError(QStringLiteral("sort"), QStringLiteral("must name a metric")));
    const QString direction = query.queryItemValue(QStringLiteral("order"));
    if (!direction.isEmpty() && direction != u"asc" && direction != u"desc")
        return fail(fieldError(QStringLiteral("order"), QStringLiteral("must be asc or desc")));
    order.descending = direction != u"asc";
    const auto limit = pageLimit(query);
    if (!limit)
        return fail(limit.error());
    order.limit = *limit;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const auto offset = offsetFromCursor(query.queryItemValue(QStringLiteral("cursor")));
        if (!offset)
            return fail(fieldError(QStringLiteral("cursor"), QStringLiteral("is not a cursor")));
        order.offset = *offset;
    }
    return order;
}

AnalyticsService &service(const ApiContext &context)
{
    return *context.workspace->analytics();
}

QJsonObject ratesToJson(const QString &reportingCurrency, const QList<ExchangeRate> &rates)
{
    QJsonArray items;
    for (const ExchangeRate &rate : rates) {
        items.append(QJsonObject{{"date", rate.date.toString(Qt::ISODate)},
                                 {"currency", rate.currency},
                                 {"rate", fx::rateToDouble(rate.rateE9)}});
    }
    return {{"reportingCurrency", reportingCurrency}, {"items", items}};
}

/** The items of a PUT /fx-rates body; every problem is named by its field. */
Result<QList<ExchangeRate>> ratesFromJson(const QJsonArray &items)
{
    QList<ExchangeRate> rates;
    QList<FieldError> problems;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString at = QStringLiteral("items[%1]").arg(i);
        ExchangeRate rate;
        rate.date = dayFromText(item.value("date").toString());
        rate.currency = item.value("currency").toString().trimmed().toUpper();
        if (!rate.date.isValid())
            problems.append({at + QStringLiteral(".date"), QStringLiteral("must be a date written YYYY-MM-DD")});
        const QJsonValue value = item.value("rate");
        auto parsed = value.isString() ? fx::parseRate(value.toString()) : fx::rateFromJsonNumber(value.toDouble());
        if (!value.isString() && !value.isDouble())
            problems.append({at + QStringLiteral(".rate"), QStringLiteral("must be a number")});
        else if (!parsed)
            problems.append({at + QStringLiteral(".rate"), parsed.error().message});
        else
            rate.rateE9 = *parsed;
        rates.append(rate);
    }
    if (!problems.isEmpty())
        return fail(Error::invalid(problems));
    return rates;
}

} // namespace

QHttpServerResponse analyticsOverview(const ApiContext &context, const ApiCall &call)
{
    const auto query = analyticsQuery(context, call.request.query());
    if (!query)
        return errorResponse(query.error());
    const auto overview = service(context).overview(*query);
    if (!overview)
        return errorResponse(overview.error());
    return jsonResponse(overviewToJson(*overview));
}

QHttpServerResponse analyticsTrends(const ApiContext &context, const ApiCall &call)
{
    const QUrlQuery parameters = call.request.query();
    const auto query = analyticsQuery(context, parameters);
    if (!query)
        return errorResponse(query.error());
    const QString name = parameters.hasQueryItem(QStringLiteral("granularity"))
                             ? parameters.queryItemValue(QStringLiteral("granularity"))
                             : QStringLiteral("day");
    const auto granularity = granularityFromName(name);
    if (!granularity)
        return errorResponse(fieldError(QStringLiteral("granularity"),
                                        QStringLiteral("must be hour, day, week or month")));
    const auto trends = service(context).trends(*query, *granularity);
    if (!trends)
        return errorResponse(trends.error());
    return jsonResponse(trendsToJson(*trends));
}

QHttpServerResponse analyticsPerformance(const ApiContext &context, const ApiCall &call)
{
    const QUrlQuery parameters = call.request.query();
    const auto query = analyticsQuery(context, parameters);
    if (!query)
        return errorResponse(query.error());
    const auto order = performanceOrder(parameters);
    if (!order)
        return errorResponse(order.error());
    const auto page = service(context).performance(*query, *order);
    if (!page)
        return errorResponse(page.error());

    QJsonArray items;
    for (const CampaignPerformance &item : page->items)
        items.append(performanceItemToJson(item));
    const QJsonValue next = page->hasMore
                                ? QJsonValue(offsetCursor(order->offset + page->items.size()))
                                : QJsonValue(QJsonValue::Null);
    const QJsonValue currency = page->currency.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                         : QJsonValue(page->currency);
    return jsonResponse(
        QJsonObject{{"currency", currency}, {"items", items}, {"nextCursor", next}});
}

QHttpServerResponse analyticsComparison(const ApiContext &context, const ApiCall &call)
{
    const QUrlQuery parameters = call.request.query();
    const auto query = analyticsQuery(context, parameters);
    if (!query)
        return errorResponse(query.error());
    const QString dimensionName = parameters.hasQueryItem(QStringLiteral("dimension"))
                                      ? parameters.queryItemValue(QStringLiteral("dimension"))
                                      : QStringLiteral("platform");
    const auto dimension = comparisonDimensionFromName(dimensionName);
    if (!dimension)
        return errorResponse(fieldError(QStringLiteral("dimension"),
                                        QStringLiteral("must be platform, campaign or period")));
    const auto comparison = service(context).comparison(*query, *dimension);
    if (!comparison)
        return errorResponse(comparison.error());
    return jsonResponse(comparisonToJson(*comparison));
}

QHttpServerResponse listExchangeRates(const ApiContext &context, const ApiCall &call)
{
    const QUrlQuery query = call.request.query();
    const auto from = dateParameter(query, QStringLiteral("from"));
    const auto to = dateParameter(query, QStringLiteral("to"));
    if (!from || !to)
        return errorResponse(!from ? from.error() : to.error());
    const QDate last = to->value_or(today(context));
    const QDate first = from->value_or(last.addDays(1 - kDefaultAnalyticsDays));
    if (first > last)
        return errorResponse(fieldError(QStringLiteral("from"), QStringLiteral("must not be after to")));

    ExchangeRateService &rates = *context.workspace->exchangeRates();
    const auto reporting = rates.reportingCurrency();
    const auto listed = reporting ? rates.rates(first, last) : Result<QList<ExchangeRate>>(fail(reporting.error()));
    if (!listed)
        return errorResponse(listed.error());
    return jsonResponse(ratesToJson(*reporting, *listed));
}

QHttpServerResponse replaceExchangeRates(const ApiContext &context, const ApiCall &call)
{
    ExchangeRateService &rates = *context.workspace->exchangeRates();
    const QJsonValue currencyValue = call.body.value("reportingCurrency");
    if (!currencyValue.isUndefined() && !currencyValue.isString())
        return errorResponse(fieldError(QStringLiteral("reportingCurrency"),
                                        QStringLiteral("must be an ISO 4217 code")));
    const QDate from = dayFromText(call.body.value("from").toString());
    const QDate to = dayFromText(call.body.value("to").toString());
    ExchangeRateService::Change change;
    change.reportingCurrency = currencyValue.toString().trimmed().toUpper();
    change.replacesRates = call.body.contains("items") || call.body.contains("from") || call.body.contains("to");
    if (change.replacesRates) {
        if (!from.isValid() || !to.isValid())
            return errorResponse(fieldError(!from.isValid() ? QStringLiteral("from") : QStringLiteral("to"),
                                            QStringLiteral("must be an ISO date (YYYY-MM-DD); the range the items "
                                                           "replace")));
        if (!call.body.value("items").isArray())
            return errorResponse(fieldError(QStringLiteral("items"), QStringLiteral("must be an array")));
        const auto parsed = ratesFromJson(call.body.value("items").toArray());
        if (!parsed)
            return errorResponse(parsed.error());
        change.from = from;
        change.to = to;
        change.items = *parsed;
    } else if (change.reportingCurrency.isEmpty()) {
        return errorResponse(fieldError(QStringLiteral("items"), QStringLiteral("send from, to and items, "
                                                                              "or a reportingCurrency")));
    }
    if (auto applied = rates.apply(change); !applied)
        return errorResponse(applied.error());

    const auto reporting = rates.reportingCurrency();
    const QDate first = from.isValid() ? from : today(context).addDays(1 - kDefaultAnalyticsDays);
    const QDate last = to.isValid() ? to : today(context);
    const auto listed = reporting ? rates.rates(first, last) : Result<QList<ExchangeRate>>(fail(reporting.error()));
    if (!listed)
        return errorResponse(listed.error());
    return jsonResponse(ratesToJson(*reporting, *listed));
}

} // namespace ads::core::api::handlers
