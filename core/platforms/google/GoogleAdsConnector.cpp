#include "core/platforms/google/GoogleAdsConnector.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace ads::core {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxNameBytes = 255;   // budget and campaign names: 1-255 UTF-8 bytes
constexpr int kMaxHeadline = 30;     // responsive display ad headline
constexpr int kMaxLongText = 90;     // long headline and descriptions
constexpr int kMaxBusinessName = 25; // display width
constexpr double kRatioTolerance = 0.01;
constexpr int kDailyReportDays = 30;
constexpr int kHourlyReportDays = 7;

// Objective -> Display bidding. Engagement (YouTube views) and app installs (app campaigns)
// are not Display objectives, so they are refused in plan().
std::optional<QString> biddingField(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return u"targetCpm"_s;
    case Objective::Traffic:
        return u"targetSpend"_s; // "Maximize clicks"
    case Objective::Leads:
    case Objective::Conversions:
        return u"maximizeConversions"_s;
    case Objective::Sales:
        return u"maximizeConversionValue"_s;
    case Objective::Engagement:
    case Objective::AppInstalls:
        return std::nullopt;
    }
    return std::nullopt;
}

bool imageType(const Rendition &r)
{
    return r.mimeType == u"image/png" || r.mimeType == u"image/jpeg" || r.mimeType == u"image/gif";
}

std::optional<Rendition> landscapeOf(const Creative &c)
{
    for (const Rendition &r : c.renditions) {
        if (imageType(r) && net::ratioNear(r, 1.91, 1, kRatioTolerance) && r.width >= 600
            && r.height >= 314)
            return r;
    }
    return std::nullopt;
}

std::optional<Rendition> squareOf(const Creative &c)
{
    for (const Rendition &r : c.renditions) {
        if (imageType(r) && net::ratioNear(r, 1, 1, kRatioTolerance) && r.width >= 300)
            return r;
    }
    return std::nullopt;
}

// Why Google cannot take a creative, or empty when it can. Text is counted with wide (CJK)
// characters as two, the stricter of the two readings the reference leaves open.
QString unfit(const Creative &c)
{
    if (c.kind == CreativeKind::Video)
        return u"Google takes video only as a YouTube video"_s;
    if (!landscapeOf(c) || !squareOf(c))
        return u"a responsive display ad needs a 1.91:1 and a 1:1 image"_s;
    if (!c.destinationUrl.startsWith(u"https://") && !c.destinationUrl.startsWith(u"http://"))
        return u"no http(s) landing page"_s;
    if (c.headline.isEmpty() || net::textLength(c.headline, net::TextCount::WideAsTwo) > kMaxHeadline)
        return u"the headline must have 1 to 30 characters"_s;
    if (c.description.isEmpty()
        || net::textLength(c.description, net::TextCount::WideAsTwo) > kMaxLongText)
        return u"the description must have 1 to 90 characters"_s;
    return {};
}

const Creative *findCreative(const LaunchInput &input, const QString &id)
{
    for (const Creative &c : input.creatives) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString lastSegment(const QString &resourceName)
{
    return resourceName.section(u'/', -1);
}

QString digits(QString id)
{
    return id.remove(u'-');
}

QString gaqlString(QString text)
{
    text.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + text + u'\'';
}

// Campaign dates are in the customer's time zone at day granularity (some campaign types refuse
// a time of day; which ones is unconfirmed, so we never send one). The start moves to the next
// local midnight and the end back to the last whole day, so delivery stays inside the schedule.
struct LocalSchedule
{
    QDate start; // invalid: start now
    QDate end;   // invalid: open-ended
    bool rounded = false;
};

LocalSchedule localSchedule(const LaunchInput &input)
{
    LocalSchedule s;
    const QTimeZone zone(input.account.timeZone.toUtf8());
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (input.startAt.isValid() && input.startAt > now) {
        const QDateTime local = input.startAt.toTimeZone(tz);
        s.start = local.time() == QTime(0, 0) ? local.date() : local.date().addDays(1);
        s.rounded = local.time() != QTime(0, 0);
    }
    if (input.endAt.isValid()) {
        const QDateTime local = input.endAt.toTimeZone(tz);
        const bool endOfDay = local.time() >= QTime(23, 59);
        s.end = endOfDay ? local.date() : local.date().addDays(-1);
        s.rounded = s.rounded || (!endOfDay && local.time() != QTime(0, 0));
    }
    return s;
}

QString tagged(const LaunchInput &input, const QString &key)
{
    return net::taggedName(input.campaignName, launchTag(input.campaignId, key), kMaxNameBytes,
                           net::TextCount::Utf8Bytes);
}

PlatformError unreadable(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"unreadable_reply"_s,
                          u"Google Ads answered in a form we could not read."_s, {}, what);
}

int retryDelaySeconds(const QString &delay)
{
    // google.protobuf.Duration in JSON: "30s", "1.5s".
    bool ok = false;
    const double seconds = QString(delay).remove(u's').toDouble(&ok);
    return ok ? net::clampRetrySeconds(qint64(std::ceil(seconds))) : -1;
}

PlatformError mapError(int httpStatus, const QJsonObject &error, bool write)
{
    const QString status = error.value(u"status"_s).toString();
    QString platformCode = status;
    QString platformMessage = error.value(u"message"_s).toString();
    QString category;
    QString value;
    int retryAfter = -1;
    QString fieldPath;

    const QJsonArray details = error.value(u"details"_s).toArray();
    for (const QJsonValue &detail : details) {
        const QJsonArray errors = detail.toObject().value(u"errors"_s).toArray();
        if (errors.isEmpty())
            continue;
        const QJsonObject first = errors.first().toObject();
        const QJsonObject code = first.value(u"errorCode"_s).toObject();
        if (!code.isEmpty()) {
            category = code.begin().key();
            value = code.begin().value().toString();
            platformCode = category + u'.' + value;
        }
        platformMessage = first.value(u"message"_s).toString(platformMessage);
        const QString delay = first.value(u"details"_s).toObject().value(u"quotaErrorDetails"_s)
                                  .toObject().value(u"retryDelay"_s).toString();
        if (!delay.isEmpty())
            retryAfter = retryDelaySeconds(delay);
        QStringList path;
        for (const QJsonValue &e : first.value(u"location"_s).toObject()
                                       .value(u"fieldPathElements"_s).toArray())
            path.append(e.toObject().value(u"fieldName"_s).toString());
        fieldPath = path.join(u'.');
        break;
    }
    const auto make = [&](FailureKind kind, const QString &ours, const QString &message, int retry) {
        return net::makeError(kind, ours, message, platformCode, platformMessage, retry);
    };

    if (httpStatus == 401 || status == u"UNAUTHENTICATED" || category == u"authenticationError")
        return make(FailureKind::Auth, u"auth_expired"_s,
                    u"The Google login expired or was revoked. Reconnect the account."_s, -1);
    if (httpStatus == 403 || status == u"PERMISSION_DENIED" || category == u"authorizationError")
        return make(FailureKind::Auth, u"permission_denied"_s,
                    u"The Google login may not manage this account. Reconnect it."_s, -1);
    if (httpStatus == 429 || status == u"RESOURCE_EXHAUSTED" || category == u"quotaError") {
        // The daily quota gives no delay; we look again in an hour rather than guess its reset.
        const int fallback = value == u"RESOURCE_EXHAUSTED" ? 3600 : 30;
        return make(FailureKind::RateLimited, u"rate_limited"_s,
                    u"Google Ads asked us to slow down."_s, retryAfter > 0 ? retryAfter : fallback);
    }
    if (httpStatus == 504 || status == u"DEADLINE_EXCEEDED") {
        // A mutate that ran out of time may still have been applied.
        return make(write ? FailureKind::UnknownOutcome : FailureKind::Transient, u"timeout"_s,
                    u"Google Ads did not finish in time."_s, -1);
    }
    if (httpStatus >= 500 || status == u"INTERNAL" || status == u"UNAVAILABLE")
        return make(FailureKind::Transient, u"server_error"_s,
                    u"Google Ads had a temporary problem."_s, -1);
    if (category == u"policyFindingError" || category == u"policyViolationError")
        return make(FailureKind::Permanent, u"policy_rejected"_s, platformMessage, -1);

    QString message = platformMessage.isEmpty() ? u"Google Ads refused the request."_s
                                                : platformMessage;
    if (!fieldPath.isEmpty())
        message += QStringLiteral(" (field: %1)").arg(fieldPath);
    return make(FailureKind::Permanent, u"invalid_field"_s, message, -1);
}

/**
 * segments.hour, 0..23 in the account's zone (google.md 5.2). proto3 JSON leaves a default 0 out,
 * so a missing hour is hour 0 (the safe reading: whether the field has presence is unconfirmed);
 * anything else that is not a whole hour of the day gives -1.
 */
int hourSegment(const QJsonObject &segments)
{
    const QJsonValue hour = segments.value(u"hour"_s);
    if (hour.isUndefined())
        return 0;
    const double value = hour.isString() ? hour.toString().toDouble() : hour.toDouble(-1);
    return value >= 0 && value <= 23 && value == std::floor(value) ? int(value) : -1;
}

std::optional<ReportRow> parseRow(const QJsonObject &row, const ConnectorAccount &account, bool hourly)
{
    const QJsonObject campaign = row.value(u"campaign"_s).toObject();
    const QJsonObject metrics = row.value(u"metrics"_s).toObject();
    ReportRow out;
    out.remoteCampaignId = net::idFromJson(campaign.value(u"id"_s));
    if (out.remoteCampaignId.isEmpty())
        out.remoteCampaignId = lastSegment(campaign.value(u"resourceName"_s).toString());
    const QJsonObject segments = row.value(u"segments"_s).toObject();
    out.day = QDate::fromString(segments.value(u"date"_s).toString(), Qt::ISODate);
    // A 25-hour day's repeated clock hour can only be one segments.hour: one row for both runs.
    out.hour = hourly ? hourSegment(segments) : -1;
    out.timeZone = account.timeZone;
    out.currency = account.currency;
    if (out.remoteCampaignId.isEmpty() || !out.day.isValid() || (hourly && out.hour < 0))
        return std::nullopt;

    // Defaults are omitted from replies: a missing metric is 0, a garbled one an error. int64
    // metrics (cost in micros) come as strings; conversions and their value are doubles in major
    // units, fractional under data-driven attribution and rounded to the micro.
    static const MetricFields fields{u"impressions"_s, u"clicks"_s, u"costMicros"_s, u"conversions"_s,
                                     u"conversionsValue"_s, true, false};
    return readMetrics(metrics, fields, &out) ? std::optional<ReportRow>(out) : std::nullopt;
}

QString reportQuery(const QStringList &campaignIds, const QDate &from, const QDate &to, bool hourly)
{
    const QString segments = hourly ? u"segments.date, segments.hour"_s : u"segments.date"_s;
    return u"SELECT campaign.id, "_s + segments + u", metrics.impressions, metrics.clicks, "
           "metrics.cost_micros, metrics.conversions, metrics.conversions_value FROM campaign "
           "WHERE segments.date BETWEEN '"_s
        + from.toString(Qt::ISODate) + u"' AND '"_s + to.toString(Qt::ISODate)
        + u"' AND campaign.id IN ("_s + campaignIds.join(u", "_s) + u')';
}

} // namespace

// The last page has no nextPageToken.
PlatformResult<ReportPage> GoogleAdsConnector::readSearchPage(const QJsonObject &reply,
                                                              const ConnectorAccount &account,
                                                              bool hourly)
{
    ReportPage page;
    for (const QJsonValue &v : reply.value(u"results"_s).toArray()) {
        const auto row = parseRow(v.toObject(), account, hourly);
        if (!row)
            return tl::unexpected(unreadable(u"report row"_s));
        page.rows.append(*row);
    }
    page.nextCursor = reply.value(u"nextPageToken"_s).toString();
    return page;
}

GoogleAdsConnector::GoogleAdsConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent)
    : ConnectorBase(nam, std::move(baseUrl), kDefaultVersion, parent)
{
}

// ---------------------------------------------------------------------------------------------
// plan

LaunchPlan GoogleAdsConnector::plan(const LaunchInput &input) const
{
    LaunchPlan plan;
    const auto problem = [&](const QString &field, const QString &message) {
        plan.problems.append(FieldError{field, message});
    };
    const ConnectorAccount &account = input.account;

    if (!biddingField(input.objective))
        problem(u"objective"_s, u"Google serves this objective with video or app campaigns; "
                                "AdsDesk builds Display campaigns from image creatives."_s);
    static const QRegularExpression tenDigits(u"^\\d{10}$"_s);
    if (!tenDigits.match(digits(account.accountId)).hasMatch())
        problem(u"account.accountId"_s, u"A Google Ads customer id has ten digits."_s);
    if (account.extra.value(u"developerToken"_s).isEmpty())
        problem(u"account.extra.developerToken"_s, u"Google Ads calls need a developer token."_s);

    // Budgets must be a multiple of the currency's smallest billable unit. ISO digits stand in
    // for Google's currency_constant table, which we do not query.
    const int minor = money::minorDigits(input.budget.currency);
    bool exact = false;
    money::toScaledUnits(input.budget.micros, std::max(minor, 0), &exact);
    if (input.budget.currency != account.currency)
        problem(u"budget.currency"_s, u"The budget is not in the Google Ads account's currency."_s);
    else if (minor < 0 || input.budget.micros <= 0 || !exact)
        problem(u"budget.amount"_s,
                u"Google needs a budget in whole units of the currency's smallest coin."_s);

    const LocalSchedule schedule = localSchedule(input);
    if (input.endAt.isValid() && input.endAt <= QDateTime::currentDateTimeUtc())
        problem(u"schedule.endAt"_s, u"The schedule has already ended."_s);
    else if (schedule.end.isValid() && schedule.start.isValid() && schedule.end < schedule.start)
        problem(u"schedule.endAt"_s, u"Google runs whole days; this schedule has none."_s);
    else if (schedule.rounded) {
        plan.warnings.append(u"Google runs campaigns by whole days in the account's time zone; "
                             "the schedule was narrowed to whole days."_s);
        plan.deliveryFrom = schedule.start;
        plan.deliveryUntil = schedule.end;
    }
    if (input.budgetType == BudgetType::Lifetime && !input.endAt.isValid())
        problem(u"schedule.endAt"_s, u"A total budget needs an end date on Google."_s);

    // An audience AdsDesk cannot create here is left out with a warning, as a creative would be.
    QStringList usedAudienceIds;
    for (const Audience &audience : input.audiences) {
        if (audience.kind == AudienceKind::CustomerList)
            usedAudienceIds.append(audience.id);
        else
            plan.warnings.append(QStringLiteral("Audience %1 left out on Google: AdsDesk creates only "
                                                "customer lists there yet.").arg(audience.id));
    }
    for (const Creative &creative : input.creatives) {
        const QString why = unfit(creative);
        if (why.isEmpty())
            plan.usedCreativeIds.append(creative.id);
        else
            plan.warnings.append(QStringLiteral("Creative %1 left out on Google: %2.")
                                     .arg(creative.id, why));
    }
    if (plan.usedCreativeIds.isEmpty())
        problem(u"creativeIds"_s, u"None of the creatives fits a responsive display ad."_s);
    if (!plan.problems.isEmpty())
        return plan;

    const auto step = [&](const QString &key, const QString &type) {
        plan.steps.append(PlannedStep{key, type, launchTag(input.campaignId, key)});
    };
    for (const QString &id : usedAudienceIds)
        step(u"audience:"_s + id, u"audience:"_s + id);
    for (const QString &id : plan.usedCreativeIds) {
        step(u"asset:"_s + id + u":landscape"_s, u"asset:"_s + id + u":landscape"_s);
        step(u"asset:"_s + id + u":square"_s, u"asset:"_s + id + u":square"_s);
    }
    step(u"campaign"_s, u"campaign"_s);
    step(u"activate"_s, QString());
    return plan;
}

// ---------------------------------------------------------------------------------------------
// HTTP

void GoogleAdsConnector::post(const ConnectorAccount &account, const QString &method,
                              const QJsonObject &body, bool write, JsonCallback done)
{
    const QString path = u'/' + apiVersion() + u"/customers/"_s + digits(account.accountId)
        + u'/' + method;
    net::HttpCall call;
    call.verb = "POST";
    call.request = QNetworkRequest(endpoint(path));
    call.request.setRawHeader("Authorization", "Bearer " + account.accessToken.toUtf8());
    call.request.setRawHeader("developer-token",
                              account.extra.value(u"developerToken"_s).toUtf8());
    const QString login = digits(account.extra.value(u"loginCustomerId"_s));
    if (!login.isEmpty())
        call.request.setRawHeader("login-customer-id", login.toUtf8());
    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    qCDebug(lcNetGoogle) << "POST" << method;

    sendCall(std::move(call), [write, done](const net::HttpOutcome &outcome) {
        if (auto failure = net::transportFailure(outcome)) {
            qCWarning(lcNetGoogle) << "transport failure:" << failure->code;
            done(tl::unexpected(*failure));
            return;
        }
        const QJsonObject reply = QJsonDocument::fromJson(outcome.body).object();
        if (outcome.status >= 400 || reply.contains(u"error"_s)) {
            const PlatformError error = mapError(outcome.status,
                                                 reply.value(u"error"_s).toObject(), write);
            qCWarning(lcNetGoogle) << "Google Ads error" << error.platformCode << error.code
                                   << "request-id" << outcome.headers.value("request-id");
            done(tl::unexpected(error));
            return;
        }
        done(reply);
    });
}

void GoogleAdsConnector::search(const ConnectorAccount &account, const QString &query,
                                RowsCallback done)
{
    searchPage(account, query, {}, 0, std::make_shared<QJsonArray>(), std::move(done));
}

void GoogleAdsConnector::searchPage(const ConnectorAccount &account, const QString &query,
                                    QString pageToken, int page, std::shared_ptr<QJsonArray> rows,
                                    RowsCallback done)
{
    QJsonObject body{{u"query"_s, query}};
    if (!pageToken.isEmpty())
        body.insert(u"pageToken"_s, pageToken);
    post(account, u"googleAds:search"_s, body, false,
         [this, account, query, pageToken, page, rows, done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             const QJsonArray results = r->value(u"results"_s).toArray();
             for (const QJsonValue &v : results)
                 rows->append(v);
             const QString next = r->value(u"nextPageToken"_s).toString();
             // Defensive stops: empty page, no token, a token that repeats, page cap.
             const bool more = !results.isEmpty() && !next.isEmpty() && next != pageToken;
             if (more && page + 1 >= kMaxPages)
                 qCWarning(lcNetGoogle) << "search stopped at the page cap;" << rows->size() << "rows";
             if (!more || page + 1 >= kMaxPages) {
                 done(*rows);
                 return;
             }
             searchPage(account, query, next, page + 1, rows, done);
         });
}

// ---------------------------------------------------------------------------------------------
// createStep

void GoogleAdsConnector::createStep(const LaunchInput &input, const PlannedStep &step,
                                    const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString &key = step.key;
    if (key.startsWith(u"audience:")) {
        const QString id = key.mid(9);
        QString description;
        for (const Audience &a : input.audiences) {
            if (a.id == id)
                description = a.description;
        }
        // Created empty; members are uploaded by the audience sync (Customer Match or the Data
        // Manager API), not by the launch.
        const QJsonObject create{
            {u"name"_s, tagged(input, key)},
            {u"description"_s, description},
            {u"membershipLifeSpan"_s, u"540"_s},
            {u"crmBasedUserList"_s, QJsonObject{{u"uploadKeyType"_s, u"CONTACT_INFO"_s},
                                                 {u"dataSourceType"_s, u"FIRST_PARTY"_s}}}};
        mutateOne(input, step, u"userLists:mutate"_s, create, std::move(done));
        return;
    }
    if (key.startsWith(u"asset:")) {
        const QString creativeId = key.section(u':', 1, 1);
        const Creative *creative = findCreative(input, creativeId);
        const auto rendition = !creative ? std::nullopt
            : key.endsWith(u":square") ? squareOf(*creative)
                                       : landscapeOf(*creative);
        QString readError;
        const QByteArray bytes = rendition ? net::readRendition(rendition->path, &readError)
                                           : QByteArray();
        if (bytes.isEmpty()) {
            done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                               u"The creative's image could not be read."_s, {},
                                               readError)));
            return;
        }
        const QJsonObject create{
            {u"name"_s, tagged(input, key)},
            {u"imageAsset"_s, QJsonObject{{u"data"_s, QString::fromLatin1(bytes.toBase64())}}}};
        mutateOne(input, step, u"assets:mutate"_s, create, std::move(done));
        return;
    }
    if (key == u"campaign") {
        createTree(input, step, remoteIds, std::move(done));
        return;
    }
    if (key == u"activate") {
        enableAll(input.account, remoteIds, [done](PlatformResult<bool> r) {
            done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
        });
        return;
    }
    done(tl::unexpected(net::makeError(FailureKind::Permanent, u"unknown_step"_s,
                                       QStringLiteral("Unknown step %1.").arg(key))));
}

void GoogleAdsConnector::mutateOne(const LaunchInput &input, const PlannedStep &step,
                                   const QString &service, const QJsonObject &create,
                                   StepCallback done)
{
    const QJsonObject body{{u"operations"_s, QJsonArray{QJsonObject{{u"create"_s, create}}}}};
    const QString type = step.objectType;
    post(input.account, service, body, true, [type, done](PlatformResult<QJsonObject> r) {
        if (!r) {
            done(tl::unexpected(r.error()));
            return;
        }
        const QString name = r->value(u"results"_s).toArray().first().toObject()
                                 .value(u"resourceName"_s).toString();
        if (name.isEmpty())
            done(tl::unexpected(unreadable(u"mutate without resourceName"_s)));
        else
            done(StepOutcome{{{type, lastSegment(name)}}});
    });
}

void GoogleAdsConnector::createTree(const LaunchInput &input, const PlannedStep &step,
                                    const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString customer = u"customers/"_s + digits(input.account.accountId);
    const QString budgetName = customer + u"/campaignBudgets/-1"_s;
    const QString campaignName = customer + u"/campaigns/-2"_s;
    const QString adGroupName = customer + u"/adGroups/-3"_s;

    QJsonObject budget{{u"resourceName"_s, budgetName}, {u"name"_s, tagged(input, u"budget"_s)},
                       {u"deliveryMethod"_s, u"STANDARD"_s}, {u"explicitlyShared"_s, false}};
    if (input.budgetType == BudgetType::Daily) {
        budget.insert(u"amountMicros"_s, QString::number(input.budget.micros));
    } else {
        budget.insert(u"period"_s, u"CUSTOM_PERIOD"_s);
        budget.insert(u"totalAmountMicros"_s, QString::number(input.budget.micros));
    }

    QJsonObject campaign{
        {u"resourceName"_s, campaignName}, {u"name"_s, tagged(input, step.key)},
        {u"status"_s, u"PAUSED"_s}, {u"advertisingChannelType"_s, u"DISPLAY"_s},
        {u"campaignBudget"_s, budgetName},
        {biddingField(input.objective).value_or(u"targetSpend"_s), QJsonObject{}},
        {u"containsEuPoliticalAdvertising"_s, u"DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"_s}};
    const LocalSchedule schedule = localSchedule(input);
    if (schedule.start.isValid())
        campaign.insert(u"startDateTime"_s, QString(schedule.start.toString(Qt::ISODate) + u" 00:00:00"_s));
    if (schedule.end.isValid())
        campaign.insert(u"endDateTime"_s, QString(schedule.end.toString(Qt::ISODate) + u" 23:59:59"_s));

    QJsonArray operations{
        QJsonObject{{u"campaignBudgetOperation"_s, QJsonObject{{u"create"_s, budget}}}},
        QJsonObject{{u"campaignOperation"_s, QJsonObject{{u"create"_s, campaign}}}},
        QJsonObject{{u"adGroupOperation"_s,
                     QJsonObject{{u"create"_s, QJsonObject{
                                      {u"resourceName"_s, adGroupName},
                                      {u"name"_s, tagged(input, u"ad_group"_s)},
                                      {u"campaign"_s, campaignName}, {u"status"_s, u"PAUSED"_s},
                                      {u"type"_s, u"DISPLAY_STANDARD"_s}}}}}}};
    QStringList resultTypes{u"budget"_s, u"campaign"_s, u"ad_group"_s};

    for (const Audience &audience : input.audiences) {
        const QString list = remoteIds.value(u"audience:"_s + audience.id);
        if (list.isEmpty())
            continue; // left out in plan(): the ad group targets without it
        const QJsonObject criterion{
            {u"adGroup"_s, adGroupName}, {u"status"_s, u"ENABLED"_s},
            {u"userList"_s, QJsonObject{{u"userList"_s, QString(customer + u"/userLists/"_s + list)}}}};
        operations.append(QJsonObject{{u"adGroupCriterionOperation"_s,
                                       QJsonObject{{u"create"_s, criterion}}}});
        resultTypes.append(QString()); // criteria ids are not needed to pause or resume
    }
    for (const QString &id : plan(input).usedCreativeIds) {
        const Creative *c = findCreative(input, id);
        const auto asset = [&](const QString &shape) {
            return QJsonArray{QJsonObject{
                {u"asset"_s, QString(customer + u"/assets/"_s + remoteIds.value(u"asset:"_s + id + shape))}}};
        };
        const QJsonObject rda{
            {u"marketingImages"_s, asset(u":landscape"_s)},
            {u"squareMarketingImages"_s, asset(u":square"_s)},
            {u"headlines"_s, QJsonArray{QJsonObject{{u"text"_s, c->headline}}}},
            {u"longHeadline"_s, QJsonObject{{u"text"_s, c->headline}}},
            {u"descriptions"_s, QJsonArray{QJsonObject{{u"text"_s, c->description}}}},
            // Campaigns carry no advertiser name yet; the creative's name stands in for it.
            {u"businessName"_s, c->name.left(kMaxBusinessName)}};
        const QJsonObject ad{
            {u"name"_s, tagged(input, u"ad:"_s + id)},
            {u"finalUrls"_s, QJsonArray{c->destinationUrl}}, {u"responsiveDisplayAd"_s, rda}};
        operations.append(QJsonObject{{u"adGroupAdOperation"_s, QJsonObject{{u"create"_s, QJsonObject{
            {u"adGroup"_s, adGroupName}, {u"status"_s, u"PAUSED"_s}, {u"ad"_s, ad}}}}}});
        resultTypes.append(u"ad:"_s + id);
    }

    const QJsonObject body{{u"mutateOperations"_s, operations}, {u"partialFailure"_s, false}};
    post(input.account, u"googleAds:mutate"_s, body, true,
         [resultTypes, done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             // Responses come in operation order, each under "<kind>Result".
             const QJsonArray responses = r->value(u"mutateOperationResponses"_s).toArray();
             StepOutcome outcome;
             for (int i = 0; i < resultTypes.size() && i < responses.size(); ++i) {
                 const QJsonObject response = responses.at(i).toObject();
                 if (resultTypes.at(i).isEmpty() || response.isEmpty())
                     continue;
                 const QString name = response.begin().value().toObject()
                                          .value(u"resourceName"_s).toString();
                 outcome.remoteIds.insert(resultTypes.at(i), lastSegment(name));
             }
             if (responses.size() != resultTypes.size() || outcome.remoteIds.value(u"campaign"_s).isEmpty())
                 done(tl::unexpected(unreadable(u"googleAds:mutate results"_s)));
             else
                 done(outcome);
         });
}

void GoogleAdsConnector::enableAll(const ConnectorAccount &account,
                                   const QMap<QString, QString> &remoteIds, DoneCallback done)
{
    const QString customer = u"customers/"_s + digits(account.accountId);
    QJsonArray operations;
    const auto enable = [&](const QString &kind, const QString &collection, const QString &id) {
        const QJsonObject update{{u"resourceName"_s, QString(customer + collection + lastSegment(id))},
                                 {u"status"_s, u"ENABLED"_s}};
        operations.append(QJsonObject{
            {kind, QJsonObject{{u"update"_s, update}, {u"updateMask"_s, u"status"_s}}}});
    };
    // Children first inside the one atomic request, for a reader's sake; it applies all or none.
    for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it) {
        if (it.key().startsWith(u"ad:"))
            enable(u"adGroupAdOperation"_s, u"/adGroupAds/"_s, it.value());
    }
    if (remoteIds.contains(u"ad_group"_s))
        enable(u"adGroupOperation"_s, u"/adGroups/"_s, remoteIds.value(u"ad_group"_s));
    if (!remoteIds.contains(u"campaign"_s)) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"No Google campaign is known for this campaign."_s)));
        return;
    }
    enable(u"campaignOperation"_s, u"/campaigns/"_s, remoteIds.value(u"campaign"_s));
    post(account, u"googleAds:mutate"_s, QJsonObject{{u"mutateOperations"_s, operations}}, true,
         [done](PlatformResult<QJsonObject> r) {
             done(r ? PlatformResult<bool>(true) : tl::unexpected(r.error()));
         });
}

// ---------------------------------------------------------------------------------------------
// findStep, setDelivery, report

void GoogleAdsConnector::findStep(const LaunchInput &input, const PlannedStep &step,
                                  const QMap<QString, QString> &remoteIds, FindCallback done)
{
    Q_UNUSED(remoteIds)
    if (step.key == u"activate") { // idempotent: re-run
        done(std::optional<StepOutcome>());
        return;
    }
    if (step.key == u"campaign") {
        findTree(input, step, std::move(done));
        return;
    }
    // User lists and image assets carry the tagged name they were created with. google.md does
    // not list asset among the FROM resources it uses, but it is the same API's resource
    // (customers/{cid}/assets/{id}) and carries the name.
    const bool asset = step.key.startsWith(u"asset:");
    const QString resource = asset ? u"asset"_s : u"user_list"_s;
    const QString query = u"SELECT "_s + resource + u".id, "_s + resource + u".name FROM "_s
        + resource + u" WHERE "_s + resource + u".name = "_s + gaqlString(tagged(input, step.key));
    const QString replyKey = asset ? u"asset"_s : u"userList"_s;
    const QString type = step.objectType;
    search(input.account, query, [type, replyKey, done](PlatformResult<QJsonArray> r) {
        if (!r) {
            done(tl::unexpected(r.error()));
            return;
        }
        const QString id = r->isEmpty() ? QString()
            : net::idFromJson(r->first().toObject().value(replyKey).toObject().value(u"id"_s));
        done(id.isEmpty() ? std::optional<StepOutcome>()
                          : std::optional<StepOutcome>(StepOutcome{{{type, id}}}));
    });
}

void GoogleAdsConnector::findTree(const LaunchInput &input, const PlannedStep &step,
                                  FindCallback done)
{
    // The tree was created atomically, so its ads exist exactly when the campaign does; one
    // query over ad_group_ad returns every id. Removed campaigns are not adopted.
    const QString query =
        u"SELECT campaign.id, campaign.campaign_budget, ad_group.id, ad_group_ad.ad.id, "
        "ad_group_ad.ad.name FROM ad_group_ad WHERE campaign.name = "_s
        + gaqlString(tagged(input, step.key)) + u" AND campaign.status != 'REMOVED'"_s;
    QMap<QString, QString> adKeys; // ad name -> "ad:<creative id>"
    for (const Creative &c : input.creatives)
        adKeys.insert(tagged(input, u"ad:"_s + c.id), u"ad:"_s + c.id);

    search(input.account, query, [adKeys, done](PlatformResult<QJsonArray> r) {
        if (!r) {
            done(tl::unexpected(r.error()));
            return;
        }
        StepOutcome outcome;
        for (const QJsonValue &v : *r) {
            const QJsonObject row = v.toObject();
            const QJsonObject campaign = row.value(u"campaign"_s).toObject();
            const QString adGroup = net::idFromJson(row.value(u"adGroup"_s).toObject().value(u"id"_s));
            const QJsonObject ad = row.value(u"adGroupAd"_s).toObject().value(u"ad"_s).toObject();
            outcome.remoteIds.insert(u"campaign"_s, net::idFromJson(campaign.value(u"id"_s)));
            outcome.remoteIds.insert(u"budget"_s,
                                     lastSegment(campaign.value(u"campaignBudget"_s).toString()));
            outcome.remoteIds.insert(u"ad_group"_s, adGroup);
            const QString key = adKeys.value(ad.value(u"name"_s).toString());
            if (!key.isEmpty())
                outcome.remoteIds.insert(key, adGroup + u'~' + net::idFromJson(ad.value(u"id"_s)));
        }
        done(outcome.remoteIds.value(u"campaign"_s).isEmpty() ? std::optional<StepOutcome>()
                                                             : std::optional<StepOutcome>(outcome));
    });
}

void GoogleAdsConnector::setDelivery(const ConnectorAccount &account,
                                     const QMap<QString, QString> &remoteIds, bool active,
                                     DoneCallback done)
{
    if (active) {
        enableAll(account, remoteIds, std::move(done));
        return;
    }
    const QString campaign = remoteIds.value(u"campaign"_s);
    if (campaign.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"No Google campaign is known for this campaign."_s)));
        return;
    }
    // Pausing the campaign stops everything under it.
    const QJsonObject update{
        {u"resourceName"_s, QString(u"customers/"_s + digits(account.accountId)
                                    + u"/campaigns/"_s + lastSegment(campaign))},
        {u"status"_s, u"PAUSED"_s}};
    const QJsonObject body{{u"operations"_s, QJsonArray{QJsonObject{
                               {u"update"_s, update}, {u"updateMask"_s, u"status"_s}}}}};
    post(account, u"campaigns:mutate"_s, body, true, [done](PlatformResult<QJsonObject> r) {
        done(r ? PlatformResult<bool>(true) : tl::unexpected(r.error()));
    });
}

void GoogleAdsConnector::fetchDailyReport(const ConnectorAccount &account,
                                          const QStringList &remoteCampaignIds, const QDate &from,
                                          const QDate &to, ReportCallback done)
{
    fetchReport(account, remoteCampaignIds, from, to, false, std::move(done));
}

void GoogleAdsConnector::fetchHourlyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                           const QDate &from, const QDate &to, ReportCallback done)
{
    fetchReport(account, remoteCampaignIds, from, to, true, std::move(done));
}

void GoogleAdsConnector::fetchReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                     const QDate &from, const QDate &to, bool hourly, ReportCallback done)
{
    QStringList ids;
    for (const QString &id : remoteCampaignIds) {
        const QString plain = lastSegment(id);
        if (!plain.isEmpty() && plain.toLongLong() > 0)
            ids.append(plain);
    }
    // GAQL states no range limit for campaign dates, yet some resources answer DATE_RANGE_TOO_WIDE
    // (google.md 5.2): windows of 30 days, the re-sync span google.md 8 suggests, or 7 by the hour.
    const ReportLimits limits{hourly ? kHourlyReportDays : kDailyReportDays, 0};
    const ReportPagesFor pages = [this, account, hourly](auto group, auto since, auto until) {
        return searchPages(account, reportQuery(group, since, until, hourly), hourly);
    };
    runPagedReport(ids, from, to, limits, pages, u"Google Ads"_s, lcNetGoogle, std::move(done));
}

ReportPageFetch GoogleAdsConnector::searchPages(const ConnectorAccount &account, const QString &query, bool hourly)
{
    // Every page resends the identical query with the previous page's token.
    return [this, account, query, hourly](const QString &pageToken, ReportPageCallback done) {
        QJsonObject body{{u"query"_s, query}};
        if (!pageToken.isEmpty())
            body.insert(u"pageToken"_s, pageToken);
        post(account, u"googleAds:search"_s, body, false, [account, done, hourly](PlatformResult<QJsonObject> r) {
            done(r ? readSearchPage(*r, account, hourly) : tl::unexpected(r.error()));
        });
    };
}

} // namespace ads::core
