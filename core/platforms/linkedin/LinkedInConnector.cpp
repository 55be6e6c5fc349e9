#include "core/platforms/linkedin/LinkedInConnector.h"

#include "core/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace ads::core {

using namespace Qt::StringLiterals;

namespace {

// Campaign group names are reported to stop at 100 characters (unconfirmed); campaigns get the
// same limit to be safe. Ad (creative) names may have 255.
constexpr int kMaxGroupName = 100;
constexpr int kMaxCampaignName = 100;
constexpr int kMaxCreativeName = 255;
constexpr int kMaxCommentary = 600;   // introductory text; a newer help page says 3,000
constexpr int kMaxHeadline = 200;
constexpr int kMaxUrl = 2000;
constexpr qint64 kMaxImageBytes = 5LL * 1024 * 1024;
constexpr int kPageSize = 100;
constexpr int kReportWindowDays = 30; // analytics has no paging: keep each answer small
constexpr int kReportIdsPerCall = 20; // and the URL well under the 4 KB query limit
constexpr int kThrottleSeconds = 60;  // LinkedIn promises no Retry-After

const QString kFacetLocations = u"urn:li:adTargetingFacet:locations"_s;
const QString kFacetLocales = u"urn:li:adTargetingFacet:interfaceLocales"_s;

// Statuses of objects we may adopt; ARCHIVED, CANCELED, PENDING_DELETION and REMOVED are not.
const QStringList kLiveStatuses = {u"ACTIVE"_s, u"PAUSED"_s, u"DRAFT"_s};

struct ObjectiveSpec
{
    QString objective;
    QString costType;
    QString optimization;
};

// The optimisation target enum is only partly documented; automated CPM bidding
// (MAX_IMPRESSION) stands in where no objective-specific target is confirmed.
std::optional<ObjectiveSpec> objectiveSpec(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return ObjectiveSpec{u"BRAND_AWARENESS"_s, u"CPM"_s, u"MAX_IMPRESSION"_s};
    case Objective::Traffic:
        return ObjectiveSpec{u"WEBSITE_VISIT"_s, u"CPC"_s, u"MAX_CLICK"_s};
    case Objective::Engagement:
        return ObjectiveSpec{u"ENGAGEMENT"_s, u"CPM"_s, u"MAX_IMPRESSION"_s};
    case Objective::Conversions:
    case Objective::Sales:
        return ObjectiveSpec{u"WEBSITE_CONVERSION"_s, u"CPM"_s, u"MAX_IMPRESSION"_s};
    case Objective::Leads:       // needs a Lead Gen Form, which creatives do not carry
    case Objective::AppInstalls: // LinkedIn has no app install objective
        return std::nullopt;
    }
    return std::nullopt;
}

// Minimum daily budgets the reference gives (secondary sources); others are left to LinkedIn.
qint64 minimumDailyMicros(const QString &currency)
{
    if (currency == u"USD")
        return 10 * money::kMicrosPerUnit;
    if (currency == u"GBP")
        return 8 * money::kMicrosPerUnit;
    return 0;
}

// LinkedIn geo URNs of countries. Only the US value is in the reference; the others are
// LinkedIn's published ids as we know them (unconfirmed). extra["geoUrn"] overrides.
QString countryGeoUrn(const QString &country)
{
    static const QHash<QString, QString> ids = {
        {u"US"_s, u"103644278"_s}, {u"GB"_s, u"101165590"_s}, {u"CA"_s, u"101174742"_s},
        {u"DE"_s, u"101282230"_s}, {u"FR"_s, u"105015875"_s}, {u"AU"_s, u"101452733"_s},
        {u"IN"_s, u"102713980"_s}, {u"NL"_s, u"102890719"_s}, {u"ES"_s, u"105646813"_s},
        {u"IT"_s, u"103350119"_s}};
    const QString id = ids.value(country);
    return id.isEmpty() ? QString() : u"urn:li:geo:"_s + id;
}

QString geoUrn(const ConnectorAccount &account)
{
    static const QRegularExpression valid(u"^urn:li:geo:\\d+$"_s);
    const QString configured = account.extra.value(u"geoUrn"_s);
    if (!configured.isEmpty())
        return valid.match(configured).hasMatch() ? configured : QString();
    const QTimeZone zone(account.timeZone.toUtf8());
    if (!zone.isValid() || zone.territory() == QLocale::AnyTerritory)
        return {};
    return countryGeoUrn(QLocale::territoryToCode(zone.territory()));
}

QString localeText(const ConnectorAccount &account)
{
    return account.extra.value(u"locale"_s, u"en_US"_s);
}

bool validOrganization(const QString &urn)
{
    static const QRegularExpression valid(u"^urn:li:organization:\\d+$"_s);
    return valid.match(urn).hasMatch();
}

struct RatioRule
{
    double width;
    double height;
    int minWidth;
    int minHeight;
};

// Single-image Sponsored Content: 1.91:1, 1:1 and 4:5, in this order of preference.
std::optional<Rendition> pickImage(const Creative &creative)
{
    constexpr RatioRule rules[] = {{1.91, 1, 640, 360}, {1, 1, 360, 360}, {4, 5, 360, 450}};
    static const QStringList types = {u"image/png"_s, u"image/jpeg"_s, u"image/gif"_s};
    for (const RatioRule &rule : rules) {
        for (const Rendition &r : creative.renditions) {
            const bool fits = types.contains(r.mimeType)
                && net::ratioNear(r, rule.width, rule.height, 0.03) && r.width >= rule.minWidth
                && r.height >= rule.minHeight && r.bytes <= kMaxImageBytes;
            if (fits)
                return r;
        }
    }
    return std::nullopt;
}

QString whyNot(const Creative &c)
{
    const auto length = [](const QString &text) {
        return net::textLength(text, net::TextCount::CodePoints);
    };
    if (c.kind == CreativeKind::Video)
        return u"AdsDesk builds single-image ads on LinkedIn (a campaign has one format)"_s;
    if (!c.destinationUrl.startsWith(u"http") || length(c.destinationUrl) > kMaxUrl)
        return u"the landing page must be an http(s) address of up to 2,000 characters"_s;
    if (c.headline.trimmed().isEmpty() || length(c.headline) > kMaxHeadline)
        return u"the headline must have 1 to 200 characters"_s;
    if (length(c.description) > kMaxCommentary)
        return u"the introductory text is longer than 600 characters"_s;
    if (!pickImage(c))
        return u"no PNG, JPEG or GIF of 1.91:1, 1:1 or 4:5 up to 5 MB"_s;
    return {};
}

// Labels beyond LEARN_MORE come from LinkedIn's UI and are unconfirmed on the API.
QString callToAction(const QString &generic)
{
    static const QHash<QString, QString> map = {
        {u"learn_more"_s, u"LEARN_MORE"_s}, {u"shop_now"_s, u"SHOP_NOW"_s},
        {u"sign_up"_s, u"SIGN_UP"_s}, {u"download"_s, u"DOWNLOAD"_s},
        {u"subscribe"_s, u"SUBSCRIBE"_s}, {u"apply_now"_s, u"APPLY"_s},
        {u"register"_s, u"REGISTER"_s}, {u"request_demo"_s, u"REQUEST_DEMO"_s}};
    return map.value(generic.trimmed().toLower(), u"LEARN_MORE"_s);
}

const Creative *findCreative(const LaunchInput &input, const QString &id)
{
    for (const Creative &c : input.creatives) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QJsonObject moneyObject(const Money &amount)
{
    const int digits = std::max(money::minorDigits(amount.currency), 0);
    return QJsonObject{{u"amount"_s, money::toDecimal(amount.micros, digits)},
                       {u"currencyCode"_s, amount.currency}};
}

QString accountUrn(const ConnectorAccount &account)
{
    return u"urn:li:sponsoredAccount:"_s + account.accountId;
}

QString suffixAfterColon(const QString &urn)
{
    return urn.mid(urn.lastIndexOf(u':') + 1);
}

PlatformError unreadable(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"unreadable_reply"_s,
                          u"LinkedIn answered in a form we could not read."_s, {}, what);
}

PlatformError mapError(int status, const QByteArray &body,
                       const QHash<QByteArray, QByteArray> &headers, bool write)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    const QString code = error.value(u"code"_s).toString();
    const int service = error.value(u"serviceErrorCode"_s).toInt();
    const QString message = error.value(u"message"_s).toString(QString::fromUtf8(body.left(200)));
    QString platformCode = QString::number(status);
    if (!code.isEmpty())
        platformCode += u'/' + code;
    else if (service != 0)
        platformCode += u'/' + QString::number(service);
    const auto make = [&](FailureKind kind, const QString &ours, const QString &words, int retry) {
        return net::makeError(kind, ours, words, platformCode, message, retry);
    };

    if (status == 401)
        return make(FailureKind::Auth, u"auth_expired"_s,
                    u"The LinkedIn login expired or was revoked. Reconnect the account."_s, -1);
    if (status == 403)
        return make(FailureKind::Auth, u"permission_denied"_s,
                    u"The LinkedIn login lacks a permission or an ad account role this needs."_s,
                    -1);
    if (status == 429) {
        bool ok = false;
        const qint64 seconds = headers.value("retry-after").trimmed().toLongLong(&ok);
        return make(FailureKind::RateLimited, u"rate_limited"_s,
                    u"LinkedIn asked us to slow down."_s,
                    net::clampRetrySeconds(ok ? seconds : kThrottleSeconds));
    }
    if (status == 426)
        return make(FailureKind::Permanent, u"version_retired"_s,
                    u"LinkedIn no longer accepts the API version AdsDesk uses. Update the "
                    "LinkedIn API version setting."_s, -1);
    if (status == 504 && write)
        return make(FailureKind::UnknownOutcome, u"timeout"_s,
                    u"LinkedIn did not confirm the change; it may or may not have been "
                    "made."_s, -1);
    if (status >= 500)
        return make(FailureKind::Transient, u"server_error"_s,
                    u"LinkedIn had a temporary problem."_s, -1);
    if (status == 404)
        return make(FailureKind::Permanent, u"not_found"_s,
                    u"LinkedIn does not know the object, or this app may not use it."_s, -1);
    return make(FailureKind::Permanent, u"invalid_field"_s,
                message.isEmpty() ? u"LinkedIn refused the request."_s : message, -1);
}

QDate dateOf(const QJsonObject &date)
{
    return QDate(date.value(u"year"_s).toInt(), date.value(u"month"_s).toInt(),
                 date.value(u"day"_s).toInt());
}

std::optional<ReportRow> parseRow(const QJsonObject &row, const ConnectorAccount &account)
{
    ReportRow out;
    const QString urn = row.value(u"pivotValues"_s).toArray().at(0).toString();
    if (!urn.startsWith(u"urn:li:sponsoredCampaign:"))
        return std::nullopt;
    out.remoteCampaignId = suffixAfterColon(urn);
    out.day = dateOf(row.value(u"dateRange"_s).toObject().value(u"start"_s).toObject());
    out.timeZone = u"UTC"_s; // analytics days are UTC days whatever the account
    out.currency = account.currency; // costInLocalCurrency is in the account's currency
    // Counts are JSON integers, money decimal strings of any precision ("19.91833"); zero metrics
    // may be left out.
    static const MetricFields fields{u"impressions"_s, u"clicks"_s, u"costInLocalCurrency"_s,
                                     u"externalWebsiteConversions"_s, u"conversionValueInLocalCurrency"_s};
    const bool ok = out.day.isValid() && readMetrics(row, fields, &out);
    return ok ? std::optional<ReportRow>(out) : std::nullopt;
}

QString dateRange(const QDate &from, const QDate &to)
{
    const auto date = [](const QDate &d) {
        return QStringLiteral("(year:%1,month:%2,day:%3)")
            .arg(d.year()).arg(d.month()).arg(d.day());
    };
    return QStringLiteral("(start:%1,end:%2)").arg(date(from), date(to));
}

// The common ending of a create: the id LinkedIn put in x-restli-id.
std::function<void(PlatformResult<QString>)> deliverId(const QString &type,
                                                       PlatformConnector::StepCallback done)
{
    return [type, done](PlatformResult<QString> id) {
        if (!id)
            done(tl::unexpected(id.error()));
        else
            done(StepOutcome{{{type, *id}}});
    };
}

} // namespace

LinkedInConnector::LinkedInConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent)
    : ConnectorBase(nam, std::move(baseUrl), kDefaultVersion, parent)
{
    static const QRegularExpression version(u"^\\d{6}(\\.\\d{2})?$"_s);
    const QString fromEnv = qEnvironmentVariable("ADSDESK_LINKEDIN_VERSION").trimmed();
    if (version.match(fromEnv).hasMatch())
        setApiVersion(fromEnv);
    else if (!fromEnv.isEmpty())
        qCWarning(lcNetLinkedIn) << "ignoring invalid ADSDESK_LINKEDIN_VERSION" << fromEnv;
}

QString LinkedInConnector::restliLeaf(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString LinkedInConnector::restliList(const QStringList &values)
{
    QStringList encoded;
    for (const QString &v : values)
        encoded.append(restliLeaf(v));
    return u"List("_s + encoded.join(u',') + u')';
}

QString LinkedInConnector::decodeRestliId(const QByteArray &header)
{
    return QUrl::fromPercentEncoding(header.trimmed());
}

// ---------------------------------------------------------------------------------------------
// plan

LaunchPlan LinkedInConnector::plan(const LaunchInput &input) const
{
    LaunchPlan plan;
    const auto problem = [&](const QString &field, const QString &message) {
        plan.problems.append(FieldError{field, message});
    };
    const ConnectorAccount &account = input.account;
    const auto spec = objectiveSpec(input.objective);

    if (!spec && input.objective == Objective::Leads)
        problem(u"objective"_s, u"LinkedIn lead generation needs a Lead Gen Form; these creatives "
                                "link to a website."_s);
    else if (!spec)
        problem(u"objective"_s, u"LinkedIn has no app install objective."_s);
    if (!validOrganization(account.extra.value(u"organizationUrn"_s)))
        problem(u"account.extra.organizationUrn"_s,
                u"LinkedIn ads are posts by a company page; set its urn:li:organization."_s);
    static const QRegularExpression digits(u"^\\d+$"_s);
    if (!digits.match(account.accountId).hasMatch())
        problem(u"account.accountId"_s, u"A LinkedIn ad account id is a number."_s);
    if (geoUrn(account).isEmpty())
        problem(u"account.extra.geoUrn"_s,
                u"No LinkedIn location is known for the account's country; set a geo URN."_s);

    bool exact = false;
    money::toScaledUnits(input.budget.micros,
                         std::max(money::minorDigits(input.budget.currency), 0), &exact);
    if (input.budget.currency != account.currency)
        problem(u"budget.currency"_s, u"The budget is not in the ad account's currency."_s);
    else if (input.budget.micros <= 0 || !exact)
        problem(u"budget.amount"_s, u"The budget must be a positive amount in whole cents."_s);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (input.endAt.isValid() && input.endAt <= now)
        problem(u"schedule.endAt"_s, u"The schedule has already ended."_s);
    else if (input.endAt.isValid() && input.startAt.isValid() && input.endAt <= input.startAt)
        problem(u"schedule.endAt"_s, u"The schedule ends before it starts."_s);
    if (input.budgetType == BudgetType::Lifetime && !input.endAt.isValid())
        problem(u"schedule.endAt"_s, u"A lifetime budget needs an end date on LinkedIn."_s);

    // The daily minimum applies per UTC day; a lifetime budget is reported to need at least ten
    // days' worth (and more for longer flights, unconfirmed; LinkedIn checks that itself).
    const qint64 daily = minimumDailyMicros(input.budget.currency);
    const qint64 minimum = input.budgetType == BudgetType::Daily ? daily : daily * 10;
    if (input.budget.micros > 0 && input.budget.micros < minimum)
        problem(u"budget.amount"_s, QStringLiteral("LinkedIn needs at least %1 %2 for this budget.")
                                        .arg(money::toDecimal(minimum), input.budget.currency));

    for (const Audience &audience : input.audiences)
        plan.warnings.append(QStringLiteral("Audience %1 left out on LinkedIn: matched audiences "
                                            "need LinkedIn's partner approval and become "
                                            "targetable only hours after upload.")
                                 .arg(audience.id));
    if (input.objective == Objective::Conversions || input.objective == Objective::Sales)
        plan.warnings.append(u"LinkedIn counts website conversions only for conversion rules "
                             "associated with the campaign in Campaign Manager."_s);

    for (const Creative &c : input.creatives) {
        const QString why = whyNot(c);
        if (why.isEmpty())
            plan.usedCreativeIds.append(c.id);
        else
            plan.warnings.append(
                QStringLiteral("Creative %1 left out on LinkedIn: %2.").arg(c.id, why));
    }
    if (plan.usedCreativeIds.isEmpty())
        problem(u"creativeIds"_s, u"None of the creatives fits LinkedIn's single-image ads."_s);
    if (!plan.problems.isEmpty())
        return plan;

    const auto step = [&](const QString &key) {
        plan.steps.append(PlannedStep{key, key == u"activate" ? QString() : key,
                                      launchTag(input.campaignId, key)});
    };
    for (const QString &id : plan.usedCreativeIds)
        step(u"image:"_s + id);
    step(u"campaigngroup"_s);
    step(u"campaign"_s);
    for (const QString &id : plan.usedCreativeIds)
        step(u"ad:"_s + id);
    step(u"activate"_s);
    return plan;
}

// ---------------------------------------------------------------------------------------------
// HTTP

QUrl LinkedInConnector::restUrl(const QString &encodedPath, const QString &encodedQuery) const
{
    // Built by hand: Rest.li needs ( ) , : raw in queries and URNs percent-encoded in paths,
    // which QUrlQuery and the decoded setters would change.
    QUrl url = baseUrl();
    QString base = url.path(QUrl::FullyEncoded);
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + encodedPath, QUrl::TolerantMode);
    url.setQuery(encodedQuery.isEmpty() ? QString() : encodedQuery, QUrl::TolerantMode);
    return url;
}

QNetworkRequest LinkedInConnector::request(const QUrl &url, const ConnectorAccount &account) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + account.accessToken.toUtf8());
    request.setRawHeader("LinkedIn-Version", apiVersion().toLatin1());
    request.setRawHeader("X-Restli-Protocol-Version", "2.0.0");
    return request;
}

void LinkedInConnector::send(const QByteArray &verb, const QUrl &url,
                             const ConnectorAccount &account, const QJsonObject &body,
                             const QByteArray &restliMethod, ReplyCallback done)
{
    net::HttpCall call;
    call.verb = verb;
    call.request = request(url, account);
    if (!restliMethod.isEmpty())
        call.request.setRawHeader("X-RestLi-Method", restliMethod);
    // A partial update sets fields: sending it twice leaves the object as once.
    call.idempotent = restliMethod == "PARTIAL_UPDATE";
    if (verb != "GET") {
        call.request.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/json"));
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    const bool write = verb != "GET";
    qCDebug(lcNetLinkedIn) << verb << url.path();
    sendCall(std::move(call), [this, write, done](const net::HttpOutcome &o) {
        finish(o, write, done);
    });
}

void LinkedInConnector::finish(const net::HttpOutcome &outcome, bool write,
                               const ReplyCallback &done) const
{
    if (auto failure = net::transportFailure(outcome)) {
        qCWarning(lcNetLinkedIn) << "transport failure:" << failure->code;
        done(tl::unexpected(*failure));
        return;
    }
    if (outcome.status < 200 || outcome.status >= 300) {
        const PlatformError error = mapError(outcome.status, outcome.body, outcome.headers, write);
        qCWarning(lcNetLinkedIn) << "LinkedIn error" << error.platformCode << error.code;
        done(tl::unexpected(error));
        return;
    }
    Reply reply;
    reply.body = QJsonDocument::fromJson(outcome.body).object();
    QByteArray id = outcome.headers.value("x-restli-id");
    if (id.isEmpty())
        id = outcome.headers.value("x-linkedin-id");
    reply.createdId = decodeRestliId(id);
    done(reply);
}

QString LinkedInConnector::accountPath(const ConnectorAccount &account,
                                       const QString &collection) const
{
    return u"/rest/adAccounts/"_s + restliLeaf(account.accountId) + u'/' + collection;
}

void LinkedInConnector::findInPages(const ConnectorAccount &account, const QString &path,
                                    const QString &query, Matcher matches, FoundCallback done,
                                    int page, QString token)
{
    QString pageQuery = query + u"&pageSize="_s + QString::number(kPageSize);
    if (!token.isEmpty())
        pageQuery += u"&pageToken="_s + restliLeaf(token);
    send("GET", restUrl(path, pageQuery), account, {}, {},
         [this, account, path, query, matches, done, page, token](PlatformResult<Reply> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             const QJsonArray elements = r->body.value(u"elements"_s).toArray();
             for (const QJsonValue &v : elements) {
                 if (matches(v.toObject())) {
                     done(std::optional<QJsonObject>(v.toObject()));
                     return;
                 }
             }
             const QString next = r->body.value(u"metadata"_s).toObject()
                                      .value(u"nextPageToken"_s).toString();
             // Defensive stops: empty page, no or repeated token, page cap.
             if (elements.isEmpty() || next.isEmpty() || next == token || page + 1 >= kMaxPages) {
                 done(std::optional<QJsonObject>());
                 return;
             }
             findInPages(account, path, query, matches, done, page + 1, next);
         });
}

void LinkedInConnector::partialUpdate(const ConnectorAccount &account, const QString &path,
                                      const QJsonObject &set,
                                      std::function<void(std::optional<PlatformError>)> done)
{
    const QJsonObject body{{u"patch"_s, QJsonObject{{u"$set"_s, set}}}};
    send("POST", restUrl(path), account, body, "PARTIAL_UPDATE",
         [done](PlatformResult<Reply> r) {
             done(r ? std::nullopt : std::optional<PlatformError>(r.error()));
         });
}

// ---------------------------------------------------------------------------------------------
// createStep

void LinkedInConnector::createStep(const LaunchInput &input, const PlannedStep &step,
                                   const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString &key = step.key;
    if (key.startsWith(u"image:"))
        uploadImage(input, step, std::move(done));
    else if (key == u"campaigngroup")
        createGroup(input, step, std::move(done));
    else if (key == u"campaign")
        createCampaign(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"ad:"))
        createCreative(input, step, remoteIds, std::move(done));
    else if (key == u"activate")
        setAll(input.account, remoteIds, true, [done](PlatformResult<bool> r) {
            done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
        });
    else
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"unknown_step"_s,
                                           QStringLiteral("Unknown step %1.").arg(key))));
}

void LinkedInConnector::uploadImage(const LaunchInput &input, const PlannedStep &step,
                                    StepCallback done)
{
    const Creative *creative = findCreative(input, step.key.mid(6));
    const auto rendition = creative ? pickImage(*creative) : std::nullopt;
    QString readError;
    const QByteArray bytes = rendition ? net::readRendition(rendition->path, &readError)
                                       : QByteArray();
    if (bytes.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                           u"The creative's image could not be read."_s, {},
                                           readError)));
        return;
    }
    // Images API: register the upload for the organization, then PUT the bytes to the URL
    // LinkedIn hands out. The image URN is known from the first call.
    const ConnectorAccount account = input.account;
    const QJsonObject body{{u"initializeUploadRequest"_s,
                            QJsonObject{{u"owner"_s, account.extra.value(u"organizationUrn"_s)}}}};
    const QString type = step.objectType;
    send("POST", restUrl(u"/rest/images"_s, u"action=initializeUpload"_s), account, body, {},
         [this, account, bytes, type, done](PlatformResult<Reply> r) {
             const QJsonObject value = r ? r->body.value(u"value"_s).toObject() : QJsonObject();
             const QUrl uploadUrl(value.value(u"uploadUrl"_s).toString());
             const QString image = value.value(u"image"_s).toString();
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             if (!uploadUrl.isValid() || !image.startsWith(u"urn:li:image:")) {
                 done(tl::unexpected(unreadable(u"image upload without URL or URN"_s)));
                 return;
             }
             net::HttpCall call;
             call.verb = "PUT";
             call.request = QNetworkRequest(uploadUrl);
             // The token goes only to LinkedIn's own hosts (or the host we talk to).
             const QString host = uploadUrl.host();
             if (host == baseUrl().host() || host.endsWith(u".linkedin.com"))
                 call.request.setRawHeader("Authorization",
                                           "Bearer " + account.accessToken.toUtf8());
             call.request.setHeader(QNetworkRequest::ContentTypeHeader,
                                    QByteArrayLiteral("application/octet-stream"));
             call.body = bytes;
             sendCall(std::move(call), [this, image, type, done](const net::HttpOutcome &o) {
                 finish(o, true, [o, image, type, done](PlatformResult<Reply> put) {
                     if (put) {
                         done(StepOutcome{{{type, image}}});
                         return;
                     }
                     // An upload URL that is no longer pending (used up by a send whose answer
                     // was lost, or expired) says nothing about the image: start the upload over.
                     PlatformError error = put.error();
                     if (o.status == 404 || o.status == 410)
                         error.kind = FailureKind::Transient;
                     done(tl::unexpected(error));
                 });
             });
         });
}

void LinkedInConnector::createGroup(const LaunchInput &input, const PlannedStep &step,
                                    StepCallback done)
{
    QJsonObject schedule{{u"start"_s, std::max(input.startAt, QDateTime::currentDateTimeUtc())
                                          .toMSecsSinceEpoch()}};
    if (input.endAt.isValid())
        schedule.insert(u"end"_s, input.endAt.toMSecsSinceEpoch());
    const QJsonObject body{
        {u"account"_s, accountUrn(input.account)},
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxGroupName,
                                     net::TextCount::CodePoints)},
        {u"status"_s, u"DRAFT"_s},
        {u"runSchedule"_s, schedule}};
    const auto deliver = deliverId(step.objectType, std::move(done));
    send("POST", restUrl(accountPath(input.account, u"adCampaignGroups"_s)), input.account, body,
         {}, [deliver](PlatformResult<Reply> r) {
             if (!r)
                 deliver(tl::unexpected(r.error()));
             else if (r->createdId.isEmpty())
                 deliver(tl::unexpected(unreadable(u"campaign group without id"_s)));
             else
                 deliver(suffixAfterColon(r->createdId));
         });
}

void LinkedInConnector::createCampaign(const LaunchInput &input, const PlannedStep &step,
                                       const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const ConnectorAccount &account = input.account;
    const QStringList locale = localeText(account).split(u'_');

    QJsonObject schedule{{u"start"_s, std::max(input.startAt, QDateTime::currentDateTimeUtc())
                                          .toMSecsSinceEpoch()}};
    if (input.endAt.isValid())
        schedule.insert(u"end"_s, input.endAt.toMSecsSinceEpoch());
    const QString localeUrn = u"urn:li:locale:"_s + localeText(account);
    const QJsonArray include{
        QJsonObject{{u"or"_s, QJsonObject{{kFacetLocations, QJsonArray{geoUrn(account)}}}}},
        QJsonObject{{u"or"_s, QJsonObject{{kFacetLocales, QJsonArray{localeUrn}}}}}};

    QJsonObject body{
        {u"account"_s, accountUrn(account)},
        {u"campaignGroup"_s,
         QString(u"urn:li:sponsoredCampaignGroup:"_s + remoteIds.value(u"campaigngroup"_s))},
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxCampaignName,
                                     net::TextCount::CodePoints)},
        {u"type"_s, u"SPONSORED_UPDATES"_s},
        {u"format"_s, u"STANDARD_UPDATE"_s},
        {u"objectiveType"_s, spec.objective},
        {u"costType"_s, spec.costType},
        {u"optimizationTargetType"_s, spec.optimization},
        {u"runSchedule"_s, schedule},
        {u"locale"_s,
         QJsonObject{{u"country"_s, locale.value(1)}, {u"language"_s, locale.value(0)}}},
        {u"creativeSelection"_s, u"OPTIMIZED"_s},
        {u"offsiteDeliveryEnabled"_s, false},
        {u"audienceExpansionEnabled"_s, false},
        {u"status"_s, u"DRAFT"_s},
        {u"targetingCriteria"_s, QJsonObject{{u"include"_s, QJsonObject{{u"and"_s, include}}}}}};
    if (input.budgetType == BudgetType::Daily) {
        body.insert(u"dailyBudget"_s, moneyObject(input.budget));
    } else {
        body.insert(u"totalBudget"_s, moneyObject(input.budget));
        body.insert(u"pacingStrategy"_s, u"LIFETIME"_s);
    }
    const auto deliver = deliverId(step.objectType, std::move(done));
    send("POST", restUrl(accountPath(account, u"adCampaigns"_s)), account, body, {},
         [deliver](PlatformResult<Reply> r) {
             if (!r)
                 deliver(tl::unexpected(r.error()));
             else if (r->createdId.isEmpty())
                 deliver(tl::unexpected(unreadable(u"campaign without id"_s)));
             else
                 deliver(suffixAfterColon(r->createdId));
         });
}

void LinkedInConnector::createCreative(const LaunchInput &input, const PlannedStep &step,
                                       const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString creativeId = step.key.mid(3);
    const Creative *c = findCreative(input, creativeId);
    if (!c) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The creative is not part of this campaign."_s)));
        return;
    }
    const ConnectorAccount &account = input.account;
    // An inline "dark" post by the organization, created with the creative in one call.
    const QJsonObject post{
        {u"author"_s, account.extra.value(u"organizationUrn"_s)},
        {u"commentary"_s, c->description},
        {u"visibility"_s, u"PUBLIC"_s},
        {u"lifecycleState"_s, u"PUBLISHED"_s},
        {u"isReshareDisabledByAuthor"_s, false},
        {u"adContext"_s, QJsonObject{{u"dscAdAccount"_s, accountUrn(account)},
                                     {u"dscStatus"_s, u"ACTIVE"_s}}},
        {u"content"_s, QJsonObject{{u"media"_s, QJsonObject{
                                       {u"id"_s, remoteIds.value(u"image:"_s + creativeId)},
                                       {u"title"_s, c->headline}}}}},
        {u"contentLandingPage"_s, c->destinationUrl},
        {u"contentCallToActionLabel"_s, callToAction(c->callToAction)}};
    const QJsonObject creative{
        {u"campaign"_s, QString(u"urn:li:sponsoredCampaign:"_s + remoteIds.value(u"campaign"_s))},
        {u"name"_s, net::taggedName(input.campaignName, step.tag, kMaxCreativeName,
                                     net::TextCount::CodePoints)},
        {u"intendedStatus"_s, u"DRAFT"_s},
        {u"inlineContent"_s, QJsonObject{{u"post"_s, post}}}};
    const auto deliver = deliverId(step.objectType, std::move(done));
    send("POST", restUrl(accountPath(account, u"creatives"_s), u"action=createInline"_s), account,
         QJsonObject{{u"creative"_s, creative}}, {}, [deliver](PlatformResult<Reply> r) {
             if (!r) {
                 deliver(tl::unexpected(r.error()));
                 return;
             }
             // An action answers {"value": ...}; the URN may also come in x-restli-id.
             const QJsonValue value = r->body.value(u"value"_s);
             QString urn = value.isString() ? value.toString()
                                            : value.toObject().value(u"creative"_s).toString();
             if (urn.isEmpty())
                 urn = value.toObject().value(u"id"_s).toString(r->createdId);
             if (!urn.startsWith(u"urn:li:sponsoredCreative:"))
                 deliver(tl::unexpected(unreadable(u"creative without URN"_s)));
             else
                 deliver(urn);
         });
}

// ---------------------------------------------------------------------------------------------
// findStep, setDelivery

void LinkedInConnector::findStep(const LaunchInput &input, const PlannedStep &step,
                                 const QMap<QString, QString> &remoteIds, FindCallback done)
{
    const QString &key = step.key;
    const QString tag = step.tag;
    QString path;
    QString query;
    QString statusField = u"status"_s;
    // Image uploads are addressed by URN only and never spend; they are re-run.
    if (key == u"campaigngroup") {
        path = accountPath(input.account, u"adCampaignGroups"_s);
        query = u"q=search&search=(status:(values:List(%1)))"_s.arg(kLiveStatuses.join(u','));
    } else if (key == u"campaign") {
        path = accountPath(input.account, u"adCampaigns"_s);
        const QString group = remoteIds.value(u"campaigngroup"_s);
        const QString groupFilter = group.isEmpty()
            ? QString()
            : u"campaignGroup:(values:"_s
                + restliList({u"urn:li:sponsoredCampaignGroup:"_s + group}) + u"),"_s;
        query = u"q=search&search=(%1status:(values:List(%2)))"_s.arg(groupFilter,
                                                                      kLiveStatuses.join(u','));
    } else if (key.startsWith(u"ad:") && !remoteIds.value(u"campaign"_s).isEmpty()) {
        path = accountPath(input.account, u"creatives"_s);
        query = u"q=criteria&campaigns="_s
            + restliList({u"urn:li:sponsoredCampaign:"_s + remoteIds.value(u"campaign"_s)});
        statusField = u"intendedStatus"_s;
    } else {
        done(std::optional<StepOutcome>());
        return;
    }
    // The search is re-checked here: the tag must be in the name, the object still alive.
    const auto matches = [tag, statusField](const QJsonObject &o) {
        return o.value(u"name"_s).toString().contains(tag)
            && kLiveStatuses.contains(o.value(statusField).toString());
    };
    const QString type = step.objectType;
    findInPages(input.account, path, query, matches,
                [type, done](PlatformResult<std::optional<QJsonObject>> r) {
                    if (!r) {
                        done(tl::unexpected(r.error()));
                        return;
                    }
                    QString id = *r ? net::idFromJson((*r)->value(u"id"_s)) : QString();
                    if (!id.startsWith(u"urn:li:sponsoredCreative:"))
                        id = id.isEmpty() ? id : suffixAfterColon(id);
                    done(id.isEmpty() ? std::optional<StepOutcome>()
                                      : std::optional<StepOutcome>(StepOutcome{{{type, id}}}));
                });
}

void LinkedInConnector::setAll(const ConnectorAccount &account,
                               const QMap<QString, QString> &remoteIds, bool active,
                               DoneCallback done)
{
    const QString campaign = remoteIds.value(u"campaign"_s);
    if (campaign.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"No LinkedIn campaign is known for this campaign."_s)));
        return;
    }
    QList<ChainLink> links;
    const auto update = [&](const QString &path, const QString &field, const QString &value) {
        links.append([this, account, path, field, value](auto next) {
            partialUpdate(account, path, QJsonObject{{field, value}}, next);
        });
    };
    const QString status = active ? u"ACTIVE"_s : u"PAUSED"_s;
    // On: creatives, then the campaign, then the group, so nothing serves half-built.
    // Off: the campaign alone stops everything under it.
    if (active) {
        for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it) {
            if (it.key().startsWith(u"ad:"))
                update(accountPath(account, u"creatives/"_s) + restliLeaf(it.value()),
                       u"intendedStatus"_s, status);
        }
    }
    update(accountPath(account, u"adCampaigns/"_s) + restliLeaf(campaign), u"status"_s, status);
    const QString group = remoteIds.value(u"campaigngroup"_s);
    if (active && !group.isEmpty())
        update(accountPath(account, u"adCampaignGroups/"_s) + restliLeaf(group), u"status"_s,
               status);
    runDoneChain(links, done);
}

void LinkedInConnector::setDelivery(const ConnectorAccount &account,
                                    const QMap<QString, QString> &remoteIds, bool active,
                                    DoneCallback done)
{
    setAll(account, remoteIds, active, std::move(done));
}

// ---------------------------------------------------------------------------------------------
// fetchDailyReport

void LinkedInConnector::fetchDailyReport(const ConnectorAccount &account,
                                         const QStringList &remoteCampaignIds, const QDate &from,
                                         const QDate &to, ReportCallback done)
{
    // adAnalytics has no paging: the range is cut into windows and the ids into small groups.
    auto rows = std::make_shared<ReportRows>();
    const ReportStep chunk = [this, account, rows](auto ids, auto since, auto until, auto next) {
        reportChunk(account, ids, since, until, rows, next);
    };
    runReportSteps(remoteCampaignIds, from, to, {kReportWindowDays, kReportIdsPerCall}, chunk, rows,
                   std::move(done));
}

void LinkedInConnector::reportChunk(const ConnectorAccount &account, const QStringList &ids,
                                    const QDate &from, const QDate &to,
                                    std::shared_ptr<ReportRows> rows,
                                    std::function<void(std::optional<PlatformError>)> done)
{
    QStringList urns;
    for (const QString &id : ids)
        urns.append(u"urn:li:sponsoredCampaign:"_s + id);
    const QString query = u"q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&dateRange="_s
        + dateRange(from, to) + u"&campaigns="_s + restliList(urns)
        + u"&fields=dateRange,pivotValues,impressions,clicks,costInLocalCurrency,"
          "externalWebsiteConversions,conversionValueInLocalCurrency"_s;
    send("GET", restUrl(u"/rest/adAnalytics"_s, query), account, {}, {},
         [account, rows, done](PlatformResult<Reply> r) {
             if (!r) {
                 done(r.error());
                 return;
             }
             // No rows is not an error: no delivery, or no access to the campaign.
             for (const QJsonValue &v : r->body.value(u"elements"_s).toArray()) {
                 const auto row = parseRow(v.toObject(), account);
                 if (!row) {
                     done(unreadable(u"analytics row"_s));
                     return;
                 }
                 rows->add(*row);
             }
             done(std::nullopt);
         });
}

} // namespace ads::core
