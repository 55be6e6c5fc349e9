#include "core/platforms/facebook/MetaConnector.h"

#include "core/Logging.h"

#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace ads::core {

using namespace Qt::StringLiterals;
using net::Params;

namespace {

// Meta documents no hard maximum for object names; 100 characters is the limit reported for
// creative names, and we apply it to every object so no name is ever cut by the platform.
constexpr int kMaxNameLength = 100;
constexpr int kPageLimit = 100;
constexpr int kInsightsPageLimit = 500;
constexpr int kDailyInsightsDays = 28;
constexpr int kHourlyInsightsDays = 7;
/** The insights breakdown by the hour of the ad account's clock, and the row field naming it. */
const QString kHourlyBreakdown = QStringLiteral("hourly_stats_aggregated_by_advertiser_time_zone");

struct ObjectiveSpec
{
    QString objective;
    QString optimizationGoal;
    QString customEventType; // non-empty: needs the pixel as promoted object
};

std::optional<ObjectiveSpec> objectiveSpec(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return ObjectiveSpec{QStringLiteral("OUTCOME_AWARENESS"), QStringLiteral("REACH"), {}};
    case Objective::Traffic:
        return ObjectiveSpec{QStringLiteral("OUTCOME_TRAFFIC"), QStringLiteral("LINK_CLICKS"), {}};
    case Objective::Engagement:
        return ObjectiveSpec{QStringLiteral("OUTCOME_ENGAGEMENT"),
                             QStringLiteral("POST_ENGAGEMENT"), {}};
    case Objective::Leads:
        return ObjectiveSpec{QStringLiteral("OUTCOME_LEADS"), QStringLiteral("OFFSITE_CONVERSIONS"),
                             QStringLiteral("LEAD")};
    case Objective::AppInstalls:
        return std::nullopt; // needs an app id and a store URL that web creatives do not carry
    case Objective::Conversions:
    case Objective::Sales:
        return ObjectiveSpec{QStringLiteral("OUTCOME_SALES"), QStringLiteral("OFFSITE_CONVERSIONS"),
                             QStringLiteral("PURCHASE")};
    }
    return std::nullopt;
}

QString dateTimeText(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+0000");
}

struct RatioRule
{
    double width;
    double height;
    double tolerance;
    int minWidth;
};

// Feed takes 1:1 and 4:5 (mobile) up to 1.91:1; stories and reels take 9:16 with a 1 % tolerance.
constexpr RatioRule kImageRatios[] = {
    {1, 1, 0.03, 600}, {4, 5, 0.03, 600}, {1.91, 1, 0.03, 600}, {9, 16, 0.01, 500}};
constexpr RatioRule kVideoRatios[] = {
    {1, 1, 0.03, 0}, {4, 5, 0.03, 0}, {9, 16, 0.01, 0}, {16, 9, 0.03, 0}};

constexpr qint64 kMaxImageBytes = 30LL * 1024 * 1024;
constexpr qint64 kMaxVideoBytes = 4LL * 1024 * 1024 * 1024;
constexpr qint64 kMinVideoMs = 1'000;
constexpr qint64 kMaxVideoMs = 241LL * 60 * 1000;

std::optional<Rendition> pickRendition(const Creative &creative, QString *why)
{
    const bool image = creative.kind == CreativeKind::Image;
    const QStringList types = image ? QStringList{u"image/jpeg"_s, u"image/png"_s}
                                    : QStringList{u"video/mp4"_s, u"video/quicktime"_s};
    *why = QStringLiteral("no rendition in a type, size and aspect ratio Meta's placements take");

    const auto fits = [&](const Rendition &r, const RatioRule &rule) {
        if (!types.contains(r.mimeType) || !net::ratioNear(r, rule.width, rule.height, rule.tolerance))
            return false;
        if (r.width < rule.minWidth || r.bytes > (image ? kMaxImageBytes : kMaxVideoBytes))
            return false;
        return image || (r.durationMs >= kMinVideoMs && r.durationMs <= kMaxVideoMs);
    };
    const auto rules = image ? QList<RatioRule>(std::begin(kImageRatios), std::end(kImageRatios))
                             : QList<RatioRule>(std::begin(kVideoRatios), std::end(kVideoRatios));
    for (const RatioRule &rule : rules) {
        for (const Rendition &r : creative.renditions) {
            if (fits(r, rule))
                return r;
        }
    }
    return std::nullopt;
}

// Video ads need a thumbnail: video_data takes image_hash or image_url. The creative's poster
// frame, a JPG or PNG of the video's own shape, goes up through adimages like any image; the
// picture Meta derives from a video is not something meta.md documents, so it is not used.
std::optional<Rendition> pickPoster(const Creative &creative)
{
    QString why;
    const auto video = creative.kind == CreativeKind::Video ? pickRendition(creative, &why)
                                                             : std::nullopt;
    if (!video)
        return std::nullopt;
    for (const Rendition &r : creative.renditions) {
        const bool type = r.mimeType == u"image/jpeg" || r.mimeType == u"image/png";
        if (type && r.bytes <= kMaxImageBytes && net::ratioNear(r, net::aspectOf(*video), 1, 0.01))
            return r;
    }
    return std::nullopt;
}

QString callToAction(const QString &generic)
{
    static const QStringList known = {
        u"LEARN_MORE"_s, u"SHOP_NOW"_s, u"SIGN_UP"_s, u"BOOK_NOW"_s, u"DOWNLOAD"_s,
        u"CONTACT_US"_s, u"GET_OFFER"_s, u"GET_QUOTE"_s, u"SUBSCRIBE"_s, u"APPLY_NOW"_s,
        u"ORDER_NOW"_s, u"INSTALL_MOBILE_APP"_s};
    const QString upper = generic.trimmed().toUpper();
    return known.contains(upper) ? upper : QStringLiteral("LEARN_MORE");
}

// The country we target: campaigns carry no geography yet, so Meta's required geo_locations is
// the country of the ad account's time zone. Limitation: multi-country campaigns need a field.
QString accountCountry(const ConnectorAccount &account)
{
    const QTimeZone zone(account.timeZone.toUtf8());
    if (!zone.isValid() || zone.territory() == QLocale::AnyTerritory)
        return {};
    return QLocale::territoryToCode(zone.territory());
}

const Creative *findCreative(const LaunchInput &input, const QString &id)
{
    for (const Creative &c : input.creatives) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Audience *findAudience(const LaunchInput &input, const QString &id)
{
    for (const Audience &a : input.audiences) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

QString suffixAfter(const QString &key, const QString &prefix)
{
    return key.startsWith(prefix) ? key.mid(prefix.size()) : QString();
}

PlatformError unreadable(const QString &what)
{
    return net::makeError(FailureKind::Permanent, QStringLiteral("unreadable_reply"),
                          QStringLiteral("Meta answered in a form we could not read."), {}, what);
}

int retryAfterFromHeaders(const QHash<QByteArray, QByteArray> &headers)
{
    qint64 seconds = 0;
    const QJsonObject buc = QJsonDocument::fromJson(headers.value("x-business-use-case-usage"))
                                .object();
    for (const QJsonValue &entries : buc) {
        for (const QJsonValue &entry : entries.toArray()) {
            const qint64 minutes = entry.toObject()
                                       .value(QLatin1String("estimated_time_to_regain_access"))
                                       .toInteger();
            seconds = std::max(seconds, minutes * 60);
        }
    }
    const QJsonObject account = QJsonDocument::fromJson(headers.value("x-ad-account-usage")).object();
    seconds = std::max(seconds, account.value(QLatin1String("reset_time_duration")).toInteger());
    // Production integrations never wait less than a minute once Meta throttles.
    return net::clampRetrySeconds(std::max<qint64>(seconds, 60));
}

PlatformError mapError(int status, const QJsonObject &error,
                       const QHash<QByteArray, QByteArray> &headers)
{
    const int code = error.value(QLatin1String("code")).toInt();
    const int subcode = error.value(QLatin1String("error_subcode")).toInt();
    const QString platformMessage = error.value(QLatin1String("message")).toString();
    QString userMessage = error.value(QLatin1String("error_user_msg")).toString();
    if (userMessage.isEmpty())
        userMessage = platformMessage;
    const QString platformCode = subcode ? QStringLiteral("%1/%2").arg(code).arg(subcode)
                                         : QString::number(code);
    const auto make = [&](FailureKind kind, const QString &ours, const QString &message, int retry) {
        return net::makeError(kind, ours, message, platformCode, platformMessage, retry);
    };

    if (code == 190 || code == 102)
        return make(FailureKind::Auth, u"auth_expired"_s,
                    u"The Meta login expired or was revoked. Reconnect the account."_s, -1);
    if (code == 10 || (code >= 200 && code <= 299))
        return make(FailureKind::Auth, u"permission_denied"_s,
                    u"The Meta login lacks a permission this needs. Reconnect the account."_s, -1);
    if (code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014))
        return make(FailureKind::RateLimited, u"rate_limited"_s,
                    u"Meta asked us to slow down."_s, retryAfterFromHeaders(headers));
    const bool transient = error.value(QLatin1String("is_transient")).toBool() || code == 1
        || code == 2 || code == 2650 || code == 960 || status >= 500;
    if (transient)
        return make(FailureKind::Transient, u"server_error"_s,
                    u"Meta had a temporary problem."_s, -1);
    if (code == 368)
        return make(FailureKind::Permanent, u"policy_rejected"_s, userMessage, -1);

    QString message = userMessage;
    const QJsonValue data = error.value(QLatin1String("error_data"));
    const QJsonObject dataObject = data.isString()
        ? QJsonDocument::fromJson(data.toString().toUtf8()).object()
        : data.toObject();
    const QJsonArray blame = dataObject.value(QLatin1String("blame_field_specs")).toArray();
    if (!blame.isEmpty())
        message += QStringLiteral(" (field: %1)").arg(blame.first().toArray().first().toString());
    return make(FailureKind::Permanent, u"invalid_field"_s, message, -1);
}

// Conversions counted from Meta's open-ended action list. The purchase family overlaps
// (omni_purchase includes purchase), so the first type present wins instead of a sum.
constexpr const char *kConversionTypes[] = {
    "omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase",
    "lead", "onsite_conversion.lead_grouped", "offsite_conversion.fb_pixel_lead"};

bool actionMicros(const QJsonArray &actions, qint64 *out)
{
    *out = 0;
    for (const char *type : kConversionTypes) {
        for (const QJsonValue &v : actions) {
            const QJsonObject action = v.toObject();
            if (action.value(QLatin1String("action_type")).toString() == QLatin1String(type))
                return net::metricMicros(action.value(QLatin1String("value")), out);
        }
    }
    return true;
}

/**
 * The hour of an hourly insights row: "HH:00:00 - HH:59:59" (meta.md 5.1, format unconfirmed). Only
 * the leading HH is relied on; -1 when it is not an hour of the day.
 */
int hourOfRange(const QJsonValue &value)
{
    static const QRegularExpression leadingHour(u"^\\s*(\\d{1,2}):\\d{2}(:\\d{2})?\\s*-"_s);
    const QRegularExpressionMatch match = leadingHour.match(value.toString());
    const int hour = match.hasMatch() ? match.captured(1).toInt() : -1;
    return hour >= 0 && hour <= 23 ? hour : -1;
}

std::optional<ReportRow> parseInsightsRow(const QJsonObject &row, const ConnectorAccount &account, bool hourly)
{
    ReportRow out;
    out.remoteCampaignId = net::idFromJson(row.value(QLatin1String("campaign_id")));
    out.day = QDate::fromString(row.value(QLatin1String("date_start")).toString(), Qt::ISODate);
    out.timeZone = account.timeZone;
    // The row names the currency its money is in; that is the account's, and the row's word wins
    // should they ever differ, so amounts are never labelled with a currency they are not in.
    out.currency = row.value(QLatin1String("account_currency")).toString(account.currency);
    if (out.currency != account.currency)
        qCWarning(lcNetMeta) << "insights in" << out.currency << "for an account in" << account.currency;
    if (out.remoteCampaignId.isEmpty() || !out.day.isValid())
        return std::nullopt;
    if (hourly) {
        // Repeated-hour note: the string names a clock hour only, so a 25-hour day can show one
        // row for it; should two rows with the same hour come, the second is dropped as a repeat.
        out.hour = hourOfRange(row.value(kHourlyBreakdown));
        if (out.hour < 0)
            return std::nullopt;
    }

    // Every insights scalar is a string in major units (JPY "1234" is 1234 yen: the budget offset
    // table does not apply here). Zero metrics are left out; a present but unreadable one fails.
    const bool ok = net::metricCount(row.value(QLatin1String("impressions")), &out.impressions)
        && net::metricCount(row.value(QLatin1String("clicks")), &out.clicks)
        && net::metricMicros(row.value(QLatin1String("spend")), &out.spendMicros)
        && actionMicros(row.value(QLatin1String("actions")).toArray(), &out.conversionsMicros)
        && actionMicros(row.value(QLatin1String("action_values")).toArray(), &out.conversionValueMicros);
    return ok ? std::optional<ReportRow>(out) : std::nullopt;
}

Params insightsQuery(const QStringList &campaignIds, const QDate &from, const QDate &to, bool hourly)
{
    const QJsonObject range{{u"since"_s, from.toString(Qt::ISODate)}, {u"until"_s, to.toString(Qt::ISODate)}};
    const QJsonArray filtering{QJsonObject{{u"field"_s, u"campaign.id"_s},
                                           {u"operator"_s, u"IN"_s},
                                           {u"value"_s, QJsonArray::fromStringList(campaignIds)}}};
    Params query{
        {u"level"_s, u"campaign"_s},
        {u"time_increment"_s, u"1"_s},
        {u"time_range"_s, net::compactJson(range)},
        {u"fields"_s, u"campaign_id,impressions,clicks,spend,actions,action_values,"
                       "account_currency,date_start,date_stop"_s},
        {u"filtering"_s, net::compactJson(filtering)},
        {u"limit"_s, QString::number(kInsightsPageLimit)},
    };
    if (hourly)
        query.append({u"breakdowns"_s, kHourlyBreakdown});
    return query;
}

} // namespace

// Graph's end of data is a missing paging.next; cursors.after may still be there on the last page.
PlatformResult<ReportPage> MetaConnector::readInsightsPage(const QJsonObject &reply,
                                                           const ConnectorAccount &account,
                                                           bool hourly)
{
    ReportPage page;
    for (const QJsonValue &v : reply.value(QLatin1String("data")).toArray()) {
        const auto row = parseInsightsRow(v.toObject(), account, hourly);
        if (!row)
            return tl::unexpected(unreadable(u"insights row"_s));
        page.rows.append(*row);
    }
    const QJsonObject paging = reply.value(QLatin1String("paging")).toObject();
    if (paging.contains(QLatin1String("next")))
        page.nextCursor = paging.value(QLatin1String("cursors")).toObject().value(QLatin1String("after")).toString();
    return page;
}

MetaConnector::MetaConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent)
    : ConnectorBase(nam, std::move(baseUrl), kDefaultVersion, parent)
{
}

int MetaConnector::currencyOffsetDigits(const QString &currency)
{
    static const QStringList wholeUnits = {u"CLP"_s, u"COP"_s, u"CRC"_s, u"HUF"_s,
                                           u"ISK"_s, u"IDR"_s, u"JPY"_s, u"KRW"_s,
                                           u"PYG"_s, u"TWD"_s, u"VND"_s};
    // Meta's table, not ISO 4217: HUF and TWD have two ISO digits but offset 1 on Meta.
    return wholeUnits.contains(currency) ? 0 : 2;
}

// ---------------------------------------------------------------------------------------------
// plan

LaunchPlan MetaConnector::plan(const LaunchInput &input) const
{
    LaunchPlan plan;
    const auto problem = [&](const QString &field, const QString &message) {
        plan.problems.append(FieldError{field, message});
    };
    const ConnectorAccount &account = input.account;

    const auto spec = objectiveSpec(input.objective);
    if (!spec) {
        problem(u"objective"_s, u"Meta promotes apps only with an app id and store URL; these "
                                 "creatives link to a website."_s);
    } else if (!spec->customEventType.isEmpty() && account.extra.value(u"pixelId"_s).isEmpty()) {
        problem(u"account.extra.pixelId"_s,
                u"This objective optimises for website events and needs the Meta pixel id."_s);
    }
    if (account.extra.value(u"pageId"_s).isEmpty())
        problem(u"account.extra.pageId"_s, u"Meta ads run as a Facebook Page; none is set."_s);
    if (accountCountry(account).isEmpty())
        problem(u"account.timeZone"_s, u"The account's time zone names no country to target."_s);

    // Budget: the ad set's, in Meta's minor units, which must express it exactly.
    const int digits = currencyOffsetDigits(input.budget.currency);
    bool exact = false;
    money::toScaledUnits(input.budget.micros, digits, &exact);
    if (input.budget.currency != account.currency) {
        problem(u"budget.currency"_s, u"The budget is not in the ad account's currency."_s);
    } else if (input.budget.micros <= 0 || !exact) {
        problem(u"budget.amount"_s,
                u"Meta takes budgets in whole units of the currency's smallest coin."_s);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (input.endAt.isValid() && input.endAt <= now)
        problem(u"schedule.endAt"_s, u"The schedule has already ended."_s);
    else if (input.endAt.isValid() && input.startAt.isValid() && input.endAt <= input.startAt)
        problem(u"schedule.endAt"_s, u"The schedule ends before it starts."_s);
    if (input.budgetType == BudgetType::Lifetime && !input.endAt.isValid())
        problem(u"schedule.endAt"_s, u"A lifetime budget needs an end date on Meta."_s);

    // Minimums are documented in USD only (1 USD a day for reach, 5 USD for clicks, engagement
    // and conversions); other currencies are left to the platform's own check and
    // GET /act_<id>/minimum_budgets, which we do not call yet.
    if (spec && input.budget.currency == u"USD" && input.budget.micros > 0) {
        const qint64 perDay = (spec->optimizationGoal == u"REACH" ? 1 : 5) * money::kMicrosPerUnit;
        qint64 days = 1;
        if (input.budgetType == BudgetType::Lifetime && input.endAt.isValid()) {
            const QDateTime start = input.startAt.isValid() ? input.startAt : now;
            days = std::max<qint64>(1, (start.secsTo(input.endAt) + 86'399) / 86'400);
        }
        if (input.budget.micros < perDay * days) {
            problem(u"budget.amount"_s, QStringLiteral("Meta needs at least %1 USD for this "
                                                        "budget.").arg(money::toDecimal(perDay * days)));
        }
    }

    // Like a creative that does not fit, an audience AdsDesk cannot create here is left out with a
    // warning instead of refusing the platform: the ad set then targets without it.
    QStringList usedAudienceIds;
    for (const Audience &audience : input.audiences) {
        if (audience.kind == AudienceKind::CustomerList)
            usedAudienceIds.append(audience.id);
        else
            plan.warnings.append(QStringLiteral("Audience %1 left out on Meta: AdsDesk creates only "
                                                "customer lists there yet.").arg(audience.id));
    }

    for (const Creative &creative : input.creatives) {
        QString why;
        if (creative.destinationUrl.isEmpty())
            why = QStringLiteral("no landing page");
        else if (!pickRendition(creative, &why))
            ;
        else if (creative.kind == CreativeKind::Video && !pickPoster(creative))
            why = QStringLiteral("a video ad needs a thumbnail, and there is no JPG or PNG poster "
                                 "frame in the video's shape");
        else {
            plan.usedCreativeIds.append(creative.id);
            if (net::textLength(creative.description, net::TextCount::CodePoints) > 125)
                plan.warnings.append(QStringLiteral("Creative %1: Meta shows the first 125 "
                                                    "characters of the primary text.").arg(creative.id));
            if (net::textLength(creative.headline, net::TextCount::CodePoints) > 40)
                plan.warnings.append(QStringLiteral("Creative %1: Meta shows the first 40 "
                                                    "characters of the headline.").arg(creative.id));
            continue;
        }
        plan.warnings.append(QStringLiteral("Creative %1 left out on Meta: %2.").arg(creative.id, why));
    }
    if (plan.usedCreativeIds.isEmpty())
        problem(u"creativeIds"_s, u"None of the creatives fits Meta's placements."_s);

    if (!plan.problems.isEmpty())
        return plan;

    const auto step = [&](const QString &key) {
        plan.steps.append(PlannedStep{key, key == u"activate" ? QString() : key,
                                      launchTag(input.campaignId, key)});
    };
    for (const QString &id : usedAudienceIds)
        step(u"audience:"_s + id);
    for (const QString &id : plan.usedCreativeIds) {
        if (findCreative(input, id)->kind == CreativeKind::Image) {
            step(u"image:"_s + id);
        } else {
            step(u"video:"_s + id);
            step(u"poster:"_s + id);
        }
    }
    step(u"campaign"_s);
    step(u"adset"_s);
    for (const QString &id : plan.usedCreativeIds) {
        step(u"creative:"_s + id);
        step(u"ad:"_s + id);
    }
    step(u"activate"_s);
    return plan;
}

// ---------------------------------------------------------------------------------------------
// HTTP

QString MetaConnector::versioned(const QString &path) const
{
    return u'/' + apiVersion() + u'/' + path;
}

QString MetaConnector::accountPath(const ConnectorAccount &account, const QString &edge) const
{
    return versioned(u"act_"_s + account.accountId + u'/' + edge);
}

static QNetworkRequest authorized(const QUrl &url, const ConnectorAccount &account)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + account.accessToken.toUtf8());
    return request;
}

void MetaConnector::post(const QString &path, Params fields, const ConnectorAccount &account,
                         JsonCallback done)
{
    // The SDK sends the token as a parameter; the Bearer header goes along because Meta's
    // acceptance of it alone is not confirmed.
    fields.append({u"access_token"_s, account.accessToken});
    net::HttpCall call;
    call.verb = "POST";
    call.request = authorized(endpoint(path), account);
    call.request.setHeader(QNetworkRequest::ContentTypeHeader,
                           QByteArrayLiteral("application/x-www-form-urlencoded"));
    call.body = net::formEncode(fields);
    // Setting only a status is idempotent: sending it twice leaves the object as once.
    call.idempotent = std::all_of(fields.begin(), fields.end(), [](const auto &field) {
        return field.first == u"status" || field.first == u"access_token";
    });
    qCDebug(lcNetMeta) << "POST" << path;
    sendCall(std::move(call), [this, done](const net::HttpOutcome &o) { finish(o, true, done); });
}

void MetaConnector::postMultipart(const QString &path, const Params &fields,
                                  const QString &fileField, const QString &filePath,
                                  const ConnectorAccount &account, JsonCallback done)
{
    QString readError;
    const QByteArray bytes = net::readRendition(filePath, &readError);
    if (bytes.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                           u"A creative file could not be read."_s, {}, readError)));
        return;
    }
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const auto addField = [multipart](const QString &name, const QByteArray &value,
                                      const QString &fileName = {}) {
        QHttpPart part;
        QString disposition = QStringLiteral("form-data; name=\"%1\"").arg(name);
        if (!fileName.isEmpty())
            disposition += QStringLiteral("; filename=\"%1\"").arg(fileName);
        part.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
        part.setBody(value);
        multipart->append(part);
    };
    for (const auto &[name, value] : fields)
        addField(name, value.toUtf8());
    addField(u"access_token"_s, account.accessToken.toUtf8());
    addField(fileField, bytes, QFileInfo(filePath).fileName());

    net::HttpCall call;
    call.verb = "POST";
    call.request = authorized(endpoint(path), account);
    call.multipart = multipart;
    qCDebug(lcNetMeta) << "POST multipart" << path << bytes.size() << "bytes";
    sendCall(std::move(call), [this, done](const net::HttpOutcome &o) { finish(o, true, done); });
}

void MetaConnector::get(const QString &path, Params query, const ConnectorAccount &account,
                        JsonCallback done)
{
    query.append({u"access_token"_s, account.accessToken});
    net::HttpCall call;
    call.request = authorized(endpoint(path, query), account);
    qCDebug(lcNetMeta) << "GET" << path;
    sendCall(std::move(call), [this, done](const net::HttpOutcome &o) { finish(o, false, done); });
}

void MetaConnector::finish(const net::HttpOutcome &outcome, bool write,
                           const JsonCallback &done) const
{
    Q_UNUSED(write)
    if (auto failure = net::transportFailure(outcome)) {
        qCWarning(lcNetMeta) << "transport failure:" << failure->code << failure->platformMessage;
        done(tl::unexpected(*failure));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(outcome.body).object();
    // Meta's HTTP status does not classify errors; the body's "error" decides.
    if (body.contains(QLatin1String("error"))) {
        const PlatformError error = mapError(outcome.status,
                                             body.value(QLatin1String("error")).toObject(),
                                             outcome.headers);
        qCWarning(lcNetMeta) << "Meta error" << error.platformCode << error.code;
        done(tl::unexpected(error));
        return;
    }
    if (outcome.status >= 400 || body.isEmpty()) {
        const bool server = outcome.status >= 500;
        done(tl::unexpected(net::makeError(
            server ? FailureKind::Transient : FailureKind::Permanent,
            server ? u"server_error"_s : u"unreadable_reply"_s,
            u"Meta answered with an error we could not read."_s,
            QString::number(outcome.status), QString::fromUtf8(outcome.body.left(200)))));
        return;
    }
    if (body.value(QLatin1String("success")) == QJsonValue(false)) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"platform_refused"_s,
                                           u"Meta refused the change."_s)));
        return;
    }
    done(body);
}

void MetaConnector::findInList(const QString &path, Params query, const ConnectorAccount &account,
                               Matcher matches, ListCallback done, int page, QString after)
{
    Params pageQuery = query;
    pageQuery.append({u"limit"_s, QString::number(kPageLimit)});
    if (!after.isEmpty())
        pageQuery.append({u"after"_s, after});

    get(path, pageQuery, account,
        [this, path, query, account, matches, done, page, after](PlatformResult<QJsonObject> r) {
            if (!r) {
                done(tl::unexpected(r.error()));
                return;
            }
            const QJsonArray data = r->value(QLatin1String("data")).toArray();
            for (const QJsonValue &v : data) {
                if (matches(v.toObject())) {
                    done(std::optional<QJsonObject>(v.toObject()));
                    return;
                }
            }
            const QJsonObject paging = r->value(QLatin1String("paging")).toObject();
            const QString next = paging.value(QLatin1String("cursors")).toObject()
                                     .value(QLatin1String("after")).toString();
            // Defensive stops: empty page, no next link, a cursor that does not move, page cap.
            const bool more = !data.isEmpty() && paging.contains(QLatin1String("next"))
                && !next.isEmpty() && next != after && page + 1 < kMaxPages;
            if (!more) {
                done(std::optional<QJsonObject>());
                return;
            }
            findInList(path, query, account, matches, done, page + 1, next);
        });
}

// ---------------------------------------------------------------------------------------------
// createStep

void MetaConnector::createStep(const LaunchInput &input, const PlannedStep &step,
                               const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString &key = step.key;
    if (key.startsWith(u"audience:"))
        createAudience(input, step, std::move(done));
    else if (key.startsWith(u"image:") || key.startsWith(u"poster:"))
        uploadImage(input, step, std::move(done));
    else if (key.startsWith(u"video:"))
        uploadVideo(input, step, std::move(done));
    else if (key == u"campaign")
        createCampaign(input, step, std::move(done));
    else if (key == u"adset")
        createAdSet(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"creative:"))
        createCreative(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"ad:"))
        createAd(input, step, remoteIds, std::move(done));
    else if (key == u"activate") {
        QStringList ids;
        for (const QString &type : remoteIds.keys()) {
            if (type.startsWith(u"ad:"))
                ids.append(remoteIds.value(type));
        }
        ids << remoteIds.value(u"adset"_s) << remoteIds.value(u"campaign"_s);
        ids.removeAll(QString());
        setStatuses(input.account, ids, u"ACTIVE"_s, [done](PlatformResult<bool> r) {
            done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
        });
    } else {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"unknown_step"_s,
                                           QStringLiteral("Unknown step %1.").arg(key))));
    }
}

void MetaConnector::createAudience(const LaunchInput &input, const PlannedStep &step,
                                   StepCallback done)
{
    const Audience *audience = findAudience(input, suffixAfter(step.key, u"audience:"_s));
    if (!audience) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The audience is not part of this campaign."_s)));
        return;
    }
    // The list is created empty; members are uploaded by the audience sync, not by the launch.
    const Params fields = {
        {u"name"_s, net::taggedName(audience->name, step.tag, kMaxNameLength,
                                     net::TextCount::CodePoints)},
        {u"subtype"_s, u"CUSTOM"_s},
        {u"description"_s, audience->description},
        {u"customer_file_source"_s, u"USER_PROVIDED_ONLY"_s},
    };
    const QString type = step.objectType;
    post(accountPath(input.account, u"customaudiences"_s), fields, input.account,
         [type, done](PlatformResult<QJsonObject> r) {
             const QString id = r ? net::idFromJson(r->value(QLatin1String("id"))) : QString();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (id.isEmpty())
                 done(tl::unexpected(unreadable(u"custom audience without id"_s)));
             else
                 done(StepOutcome{{{type, id}}});
         });
}

void MetaConnector::uploadImage(const LaunchInput &input, const PlannedStep &step,
                                StepCallback done)
{
    // An image creative's own picture, or a video creative's poster frame for its thumbnail:
    // picked by kind, so a poster is never taken for the creative itself.
    const bool poster = step.key.startsWith(u"poster:");
    const Creative *creative = findCreative(input, step.key.section(u':', 1));
    QString why;
    const auto rendition = !creative ? std::nullopt
        : poster                     ? pickPoster(*creative)
        : creative->kind == CreativeKind::Image ? pickRendition(*creative, &why)
                                                : std::nullopt;
    QString readError;
    const QByteArray bytes = rendition ? net::readRendition(rendition->path, &readError)
                                       : QByteArray();
    if (bytes.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                           u"The creative's image could not be read."_s, {},
                                           readError)));
        return;
    }
    const QString type = step.objectType;
    post(accountPath(input.account, u"adimages"_s),
         {{u"bytes"_s, QString::fromLatin1(bytes.toBase64())}}, input.account,
         [type, done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             // {"images": {"<file name or 'bytes'>": {"hash": ...}}}: one entry per upload.
             const QJsonObject images = r->value(QLatin1String("images")).toObject();
             const QString hash = images.isEmpty()
                 ? QString()
                 : images.begin()->toObject().value(QLatin1String("hash")).toString();
             if (hash.isEmpty())
                 done(tl::unexpected(unreadable(u"image upload without hash"_s)));
             else
                 done(StepOutcome{{{type, hash}}});
         });
}

void MetaConnector::uploadVideo(const LaunchInput &input, const PlannedStep &step,
                                StepCallback done)
{
    const Creative *creative = findCreative(input, suffixAfter(step.key, u"video:"_s));
    QString why;
    const auto rendition = creative ? pickRendition(*creative, &why) : std::nullopt;
    if (!rendition) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The creative has no video Meta takes."_s)));
        return;
    }
    // The tag goes into the title too: AdVideo has a title field but no name to find it by.
    const QString name = net::taggedName(input.campaignName, step.tag, kMaxNameLength,
                                         net::TextCount::CodePoints);
    const QString type = step.objectType;
    postMultipart(accountPath(input.account, u"advideos"_s),
                  {{u"name"_s, name}, {u"title"_s, name}}, u"source"_s,
                  rendition->path, input.account, [type, done](PlatformResult<QJsonObject> r) {
                      const QString id = r ? net::idFromJson(r->value(QLatin1String("id")))
                                           : QString();
                      if (!r)
                          done(tl::unexpected(r.error()));
                      else if (id.isEmpty())
                          done(tl::unexpected(unreadable(u"video upload without id"_s)));
                      else
                          done(StepOutcome{{{type, id}}});
                  });
}

void MetaConnector::createCampaign(const LaunchInput &input, const PlannedStep &step,
                                   StepCallback done)
{
    const auto spec = objectiveSpec(input.objective);
    // The budget sits on the ad set, so Meta (v24.0+) needs budget sharing stated explicitly.
    const Params fields = {
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxNameLength,
                                     net::TextCount::CodePoints)},
        {u"objective"_s, spec ? spec->objective : QString()},
        {u"status"_s, u"PAUSED"_s},
        {u"special_ad_categories"_s, u"[]"_s},
        {u"is_adset_budget_sharing_enabled"_s, u"false"_s},
    };
    const QString type = step.objectType;
    post(accountPath(input.account, u"campaigns"_s), fields, input.account,
         [type, done](PlatformResult<QJsonObject> r) {
             const QString id = r ? net::idFromJson(r->value(QLatin1String("id"))) : QString();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (id.isEmpty())
                 done(tl::unexpected(unreadable(u"campaign without id"_s)));
             else
                 done(StepOutcome{{{type, id}}});
         });
}

void MetaConnector::createAdSet(const LaunchInput &input, const PlannedStep &step,
                                const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const auto spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const ConnectorAccount &account = input.account;

    QJsonArray audiences;
    for (const Audience &audience : input.audiences) {
        const QString id = remoteIds.value(u"audience:"_s + audience.id);
        if (!id.isEmpty())
            audiences.append(QJsonObject{{u"id"_s, id}});
    }
    QJsonObject targeting{
        {u"geo_locations"_s, QJsonObject{{u"countries"_s, QJsonArray{accountCountry(account)}}}},
        // Stated explicitly: Meta requires the flag for non-default targeting, and 0 keeps
        // delivery inside the audiences the buyer chose.
        {u"targeting_automation"_s, QJsonObject{{u"advantage_audience"_s, 0}}},
    };
    if (!audiences.isEmpty())
        targeting.insert(u"custom_audiences"_s, audiences);

    const qint64 minor = money::toScaledUnits(input.budget.micros,
                                              currencyOffsetDigits(input.budget.currency));
    Params fields = {
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxNameLength,
                                     net::TextCount::CodePoints)},
        {u"campaign_id"_s, remoteIds.value(u"campaign"_s)},
        {u"status"_s, u"PAUSED"_s},
        {input.budgetType == BudgetType::Daily ? u"daily_budget"_s : u"lifetime_budget"_s,
         QString::number(minor)},
        {u"optimization_goal"_s, spec.optimizationGoal},
        {u"billing_event"_s, u"IMPRESSIONS"_s},
        {u"bid_strategy"_s, u"LOWEST_COST_WITHOUT_CAP"_s},
        {u"targeting"_s, net::compactJson(targeting)},
    };
    if (input.startAt.isValid())
        fields.append({u"start_time"_s, dateTimeText(input.startAt)});
    if (input.endAt.isValid())
        fields.append({u"end_time"_s, dateTimeText(input.endAt)});
    if (!spec.customEventType.isEmpty()) {
        fields.append({u"destination_type"_s, u"WEBSITE"_s});
        fields.append({u"promoted_object"_s,
                       net::compactJson(QJsonObject{
                           {u"pixel_id"_s, account.extra.value(u"pixelId"_s)},
                           {u"custom_event_type"_s, spec.customEventType}})});
    }
    const QString type = step.objectType;
    post(accountPath(account, u"adsets"_s), fields, account,
         [type, done](PlatformResult<QJsonObject> r) {
             const QString id = r ? net::idFromJson(r->value(QLatin1String("id"))) : QString();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (id.isEmpty())
                 done(tl::unexpected(unreadable(u"ad set without id"_s)));
             else
                 done(StepOutcome{{{type, id}}});
         });
}

void MetaConnector::createCreative(const LaunchInput &input, const PlannedStep &step,
                                   const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const Creative *creative = findCreative(input, suffixAfter(step.key, u"creative:"_s));
    if (!creative) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The creative is not part of this campaign."_s)));
        return;
    }
    const QJsonObject cta{
        {u"type"_s, callToAction(creative->callToAction)},
        {u"value"_s, QJsonObject{{u"link"_s, creative->destinationUrl}}}};
    const QString pageId = input.account.extra.value(u"pageId"_s);

    if (creative->kind == CreativeKind::Image) {
        const QJsonObject link{
            {u"link"_s, creative->destinationUrl}, {u"message"_s, creative->description},
            {u"name"_s, creative->headline},
            {u"image_hash"_s, remoteIds.value(u"image:"_s + creative->id)},
            {u"call_to_action"_s, cta}};
        postCreative(input, step,
                     QJsonObject{{u"page_id"_s, pageId}, {u"link_data"_s, link}}, done);
        return;
    }

    const QString thumbnail = remoteIds.value(u"poster:"_s + creative->id);
    if (thumbnail.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The video ad has no thumbnail image."_s)));
        return;
    }
    const QJsonObject video{
        {u"video_id"_s, remoteIds.value(u"video:"_s + creative->id)},
        {u"image_hash"_s, thumbnail}, {u"message"_s, creative->description},
        {u"title"_s, creative->headline}, {u"call_to_action"_s, cta}};
    postCreative(input, step, QJsonObject{{u"page_id"_s, pageId}, {u"video_data"_s, video}},
                 done);
}

void MetaConnector::postCreative(const LaunchInput &input, const PlannedStep &step,
                                 QJsonObject storySpec, StepCallback done)
{
    const Params fields = {
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxNameLength,
                                     net::TextCount::CodePoints)},
        {u"object_story_spec"_s, net::compactJson(storySpec)},
    };
    const QString type = step.objectType;
    post(accountPath(input.account, u"adcreatives"_s), fields, input.account,
         [type, done](PlatformResult<QJsonObject> r) {
             const QString id = r ? net::idFromJson(r->value(QLatin1String("id"))) : QString();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (id.isEmpty())
                 done(tl::unexpected(unreadable(u"creative without id"_s)));
             else
                 done(StepOutcome{{{type, id}}});
         });
}

void MetaConnector::createAd(const LaunchInput &input, const PlannedStep &step,
                             const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString creativeId = suffixAfter(step.key, u"ad:"_s);
    const Params fields = {
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxNameLength,
                                     net::TextCount::CodePoints)},
        {u"adset_id"_s, remoteIds.value(u"adset"_s)},
        {u"creative"_s, net::compactJson(QJsonObject{
                             {u"creative_id"_s, remoteIds.value(u"creative:"_s + creativeId)}})},
        {u"status"_s, u"PAUSED"_s},
    };
    const QString type = step.objectType;
    post(accountPath(input.account, u"ads"_s), fields, input.account,
         [type, done](PlatformResult<QJsonObject> r) {
             const QString id = r ? net::idFromJson(r->value(QLatin1String("id"))) : QString();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (id.isEmpty())
                 done(tl::unexpected(unreadable(u"ad without id"_s)));
             else
                 done(StepOutcome{{{type, id}}});
         });
}

// ---------------------------------------------------------------------------------------------
// findStep, setDelivery

void MetaConnector::findStep(const LaunchInput &input, const PlannedStep &step,
                             const QMap<QString, QString> &remoteIds, FindCallback done)
{
    const QString &key = step.key;
    if (key == u"activate") { // idempotent: re-run
        done(std::optional<StepOutcome>());
        return;
    }
    const QString type = step.objectType;
    const auto answer = [type, done](const QString &idField) {
        return [type, idField, done](PlatformResult<std::optional<QJsonObject>> r) {
            const QString id = r && *r ? net::idFromJson((*r)->value(idField)) : QString();
            if (!r)
                done(tl::unexpected(r.error()));
            else
                done(id.isEmpty() ? std::optional<StepOutcome>()
                                  : std::optional<StepOutcome>(StepOutcome{{{type, id}}}));
        };
    };
    if (key.startsWith(u"image:") || key.startsWith(u"poster:")) {
        // Images are addressed by their content hash, and the same bytes give the same hash
        // (the image node id is "<account>:<hash>"): an unknown one is simply uploaded again.
        const QString hash = remoteIds.value(type);
        if (hash.isEmpty()) {
            done(std::optional<StepOutcome>());
            return;
        }
        const Params query = {{u"fields"_s, u"hash,name,status"_s},
                              {u"hashes"_s, net::compactJson(QJsonArray{hash})}};
        findInList(accountPath(input.account, u"adimages"_s), query, input.account,
                   [hash](const QJsonObject &o) {
                       return o.value(QLatin1String("hash")).toString() == hash
                           && o.value(QLatin1String("status")).toString() != u"DELETED";
                   },
                   answer(u"hash"_s));
        return;
    }
    if (key.startsWith(u"video:")) {
        // No filter on the title is documented, so the pages are read and matched here.
        const QString tag = step.tag;
        findInList(accountPath(input.account, u"advideos"_s), {{u"fields"_s, u"id,title"_s}},
                   input.account,
                   [tag](const QJsonObject &o) {
                       return o.value(QLatin1String("title")).toString().contains(tag);
                   },
                   answer(u"id"_s));
        return;
    }
    QString edge = key == u"campaign" ? u"campaigns"_s
        : key == u"adset"             ? u"adsets"_s
        : key.startsWith(u"creative:") ? u"adcreatives"_s
        : key.startsWith(u"ad:")       ? u"ads"_s
                                       : u"customaudiences"_s;
    const bool hasStatus = edge != u"customaudiences";
    const QJsonArray filtering{QJsonObject{
        {u"field"_s, u"name"_s}, {u"operator"_s, u"CONTAIN"_s}, {u"value"_s, step.tag}}};
    const Params query = {
        {u"fields"_s, hasStatus ? u"id,name,status"_s : u"id,name"_s},
        {u"filtering"_s, net::compactJson(filtering)},
    };
    // The filter is checked again here: the tag must really be in the name, and deleted or
    // archived objects cannot be adopted.
    const QString tag = step.tag;
    const auto matches = [tag](const QJsonObject &o) {
        const QString status = o.value(QLatin1String("status")).toString();
        return o.value(QLatin1String("name")).toString().contains(tag)
            && status != u"DELETED" && status != u"ARCHIVED";
    };
    findInList(accountPath(input.account, edge), query, input.account, matches, answer(u"id"_s));
}

void MetaConnector::setStatuses(const ConnectorAccount &account, const QStringList &ids,
                                const QString &status, DoneCallback done)
{
    QList<ChainLink> links;
    for (const QString &id : ids) {
        links.append([this, account, id, status](auto next) {
            post(versioned(id), {{u"status"_s, status}}, account,
                 [next](PlatformResult<QJsonObject> r) {
                     next(r ? std::nullopt : std::optional<PlatformError>(r.error()));
                 });
        });
    }
    runDoneChain(links, done);
}

void MetaConnector::setDelivery(const ConnectorAccount &account,
                                const QMap<QString, QString> &remoteIds, bool active,
                                DoneCallback done)
{
    const QString campaign = remoteIds.value(u"campaign"_s);
    if (campaign.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"No Meta campaign is known for this campaign."_s)));
        return;
    }
    // Pausing the campaign stops everything under it; resuming switches every level on, so a
    // launch that stopped before "activate" also starts in full.
    QStringList ids;
    if (active) {
        for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it) {
            if (it.key().startsWith(u"ad:") || it.key() == u"adset")
                ids.append(it.value());
        }
    }
    ids.append(campaign);
    setStatuses(account, ids, active ? u"ACTIVE"_s : u"PAUSED"_s, std::move(done));
}

// ---------------------------------------------------------------------------------------------
// fetchDailyReport, fetchHourlyReport

void MetaConnector::fetchDailyReport(const ConnectorAccount &account,
                                     const QStringList &remoteCampaignIds, const QDate &from,
                                     const QDate &to, ReportCallback done)
{
    fetchInsights(account, remoteCampaignIds, from, to, false, std::move(done));
}

void MetaConnector::fetchHourlyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                      const QDate &from, const QDate &to, ReportCallback done)
{
    fetchInsights(account, remoteCampaignIds, from, to, true, std::move(done));
}

void MetaConnector::fetchInsights(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                  const QDate &from, const QDate &to, bool hourly, ReportCallback done)
{
    // Synchronous insights state no day limit, but large ones fail with "reduce the amount of data"
    // (meta.md 5.2), so ranges go in windows: 28 days, the restated span re-read on every sync
    // (meta.md 8), or 7 days by the hour, which has 24 times the rows.
    const ReportLimits limits{hourly ? kHourlyInsightsDays : kDailyInsightsDays, 0};
    const ReportPagesFor pages = [this, account, hourly](auto ids, auto since, auto until) {
        return insightsPages(account, insightsQuery(ids, since, until, hourly), hourly);
    };
    runPagedReport(remoteCampaignIds, from, to, limits, pages, u"Meta"_s, lcNetMeta, std::move(done));
}

ReportPageFetch MetaConnector::insightsPages(const ConnectorAccount &account, const Params &query, bool hourly)
{
    return [this, account, query, hourly](const QString &after, ReportPageCallback done) {
        Params pageQuery = query;
        if (!after.isEmpty())
            pageQuery.append({u"after"_s, after});
        get(accountPath(account, u"insights"_s), pageQuery, account,
            [account, done, hourly](PlatformResult<QJsonObject> r) {
                done(r ? readInsightsPage(*r, account, hourly) : tl::unexpected(r.error()));
            });
    };
}

} // namespace ads::core
