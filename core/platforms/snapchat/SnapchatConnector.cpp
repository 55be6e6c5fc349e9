#include "core/platforms/snapchat/SnapchatConnector.h"

#include "core/Logging.h"

#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>

namespace ads::core {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxName = 375;
constexpr int kMaxHeadline = 34;
constexpr int kMaxBrand = 25; // the API takes 32; Snap's ad specs say 25
constexpr qint64 kMinDailyMicros = 5'000'000; // ad squad minimum, every currency
constexpr qint64 kMaxSimpleUpload = 32LL * 1024 * 1024;
constexpr qint64 kMaxImageBytes = 5LL * 1024 * 1024;
constexpr int kPageLimit = 500;
constexpr int kStatsWindowDays = 30; // DAY stats take about 31 days per request
// HOUR stats have no confirmed maximum; tap-snapchat-ads asks for 7 days (snapchat.md 4.2). Six
// local days stay under 7 x 24 hours even when one of them is a 25-hour daylight-saving day.
constexpr int kHourlyStatsWindowDays = 6;
constexpr int kMaxPolls = 60;
constexpr int kThrottleSeconds = 10; // Snap sends no hint; its limits are per second

struct ObjectiveSpec
{
    QString objective;
    QString goal;
    bool web = true;       // WEB_VIEW creative and REMOTE_WEBPAGE ad; else SNAP_AD
    bool pixel = false;    // PIXEL_* goal: needs the account's pixel
    bool videoOnly = false;
};

std::optional<ObjectiveSpec> objectiveSpec(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return ObjectiveSpec{u"AWARENESS_AND_ENGAGEMENT"_s, u"IMPRESSIONS"_s, false, false, false};
    case Objective::Traffic:
        return ObjectiveSpec{u"TRAFFIC"_s, u"SWIPES"_s, true, false, false};
    case Objective::Engagement:
        return ObjectiveSpec{u"AWARENESS_AND_ENGAGEMENT"_s, u"VIDEO_VIEWS"_s, false, false, true};
    // Website leads through the pixel: lead forms are not something creatives carry.
    case Objective::Leads:
        return ObjectiveSpec{u"LEADS"_s, u"PIXEL_SIGNUP"_s, true, true, false};
    case Objective::Conversions:
    case Objective::Sales:
        return ObjectiveSpec{u"SALES"_s, u"PIXEL_PURCHASE"_s, true, true, false};
    case Objective::AppInstalls:
        return std::nullopt; // needs an app id and store listing
    }
    return std::nullopt;
}

// Snap Ads are full-screen 9:16. Images must be 1080x1920; smaller videos are taken (Snap
// recommends 1080x1920 and scales them up).
std::optional<Rendition> pickRendition(const Creative &c)
{
    const bool image = c.kind == CreativeKind::Image;
    for (const Rendition &r : c.renditions) {
        if (!net::ratioNear(r, 9, 16, 0.01) || r.bytes > kMaxSimpleUpload)
            continue;
        if (image && (r.mimeType == u"image/png" || r.mimeType == u"image/jpeg")
            && r.width >= 1080 && r.bytes <= kMaxImageBytes)
            return r;
        if (!image && (r.mimeType == u"video/mp4" || r.mimeType == u"video/quicktime")
            && r.durationMs >= 3'000 && r.durationMs <= 180'000)
            return r;
    }
    return std::nullopt;
}

QString whyNot(const Creative &c, const ObjectiveSpec &spec)
{
    const int headline = net::textLength(c.headline, net::TextCount::CodePoints);
    if (spec.web && !c.destinationUrl.startsWith(u"http"))
        return u"no landing page"_s;
    if (headline < 1 || headline > kMaxHeadline)
        return u"the headline must have 1 to 34 characters"_s;
    if (!pickRendition(c))
        return c.kind == CreativeKind::Image
            ? u"no 9:16 PNG or JPEG of 1080x1920 up to 5 MB"_s
            : u"no 9:16 MP4 or MOV of 3 to 180 seconds up to 32 MB"_s;
    return {};
}

QString callToAction(const QString &generic)
{
    static const QHash<QString, QString> map = {
        {u"shop_now"_s, u"SHOP_NOW"_s}, {u"sign_up"_s, u"SIGN_UP"_s},
        {u"download"_s, u"DOWNLOAD"_s}, {u"book_now"_s, u"BOOK_NOW"_s},
        {u"apply_now"_s, u"APPLY_NOW"_s}, {u"order_now"_s, u"ORDER_NOW"_s},
        {u"watch"_s, u"WATCH"_s}, {u"get_offer"_s, u"GET_NOW"_s}};
    return map.value(generic.trimmed().toLower(), u"MORE"_s); // MORE is Snap's "learn more"
}

const Creative *findCreative(const LaunchInput &input, const QString &id)
{
    for (const Creative &c : input.creatives) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString afterColon(const QString &key)
{
    return key.mid(key.indexOf(u':') + 1);
}

QString nameFor(const QString &name, const PlannedStep &step)
{
    return net::taggedName(name, step.tag, kMaxName, net::TextCount::CodePoints);
}

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z';
}

QString country(const ConnectorAccount &account)
{
    const QTimeZone zone(account.timeZone.toUtf8());
    if (!zone.isValid() || zone.territory() == QLocale::AnyTerritory)
        return {};
    return QLocale::territoryToCode(zone.territory()).toLower();
}

bool succeeded(const QJsonValue &status)
{
    return status.toString().compare(u"SUCCESS"_s, Qt::CaseInsensitive) == 0;
}

PlatformError unreadable(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"unreadable_reply"_s,
                          u"Snapchat answered in a form we could not read."_s, {}, what);
}

PlatformError missing(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"invalid_field"_s, what);
}

// Snap's error codes have no published catalogue; the HTTP status decides.
PlatformError mapError(int status, const QJsonObject &body,
                       const QHash<QByteArray, QByteArray> &headers, bool write)
{
    const QString errorCode = body.value(u"error_code"_s).toString();
    const QString debug = body.value(u"debug_message"_s).toString();
    const QString display = body.value(u"display_message"_s).toString(debug);
    const QString platformCode = errorCode.isEmpty() ? QString::number(status) : errorCode;
    const auto make = [&](FailureKind kind, const QString &ours, const QString &words, int retry) {
        return net::makeError(kind, ours, words, platformCode, debug.isEmpty() ? display : debug,
                              retry);
    };

    if (status == 401)
        return make(FailureKind::Auth, u"auth_expired"_s,
                    u"The Snapchat login expired or was revoked. Reconnect the account."_s, -1);
    if (status == 403)
        return make(FailureKind::Permanent, u"permission_denied"_s,
                    u"The Snapchat login has no permission on this ad account."_s, -1);
    if (status == 429) {
        bool ok = false;
        qint64 seconds = headers.value("retry-after").trimmed().toLongLong(&ok);
        if (!ok)
            seconds = headers.value("x-rate-limit-reset").trimmed().toLongLong(&ok);
        return make(FailureKind::RateLimited, u"rate_limited"_s,
                    u"Snapchat asked us to slow down."_s,
                    net::clampRetrySeconds(ok ? seconds : kThrottleSeconds));
    }
    if (status == 504 && write)
        return make(FailureKind::UnknownOutcome, u"timeout"_s,
                    u"Snapchat did not confirm the change; it may or may not have been made."_s,
                    -1);
    if (status >= 500)
        return make(FailureKind::Transient, u"server_error"_s,
                    u"Snapchat had a temporary problem."_s, -1);
    if (status == 404 || status == 410)
        return make(FailureKind::Permanent, u"not_found"_s,
                    u"Snapchat does not know the object."_s, -1);
    return make(FailureKind::Permanent, u"invalid_field"_s,
                display.isEmpty() ? u"Snapchat refused the request."_s : display, -1);
}

PlatformError itemError(const QJsonObject &item)
{
    const QString reason = item.value(u"sub_request_error_reason"_s).toString();
    return net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                          reason.isEmpty() ? u"Snapchat refused the object."_s : reason,
                          item.value(u"sub_request_status"_s).toString(), reason);
}

// Fields Snap owns: sending them back on a PUT can make it fail.
void stripReadOnly(QJsonObject *object)
{
    for (const QString &key :
         {u"created_at"_s, u"updated_at"_s, u"delivery_status"_s, u"review_status"_s,
          u"review_status_reasons"_s, u"deleted"_s, u"creation_state"_s,
          u"effective_status"_s})
        object->remove(key);
}

// Snap sends interval times with the account's offset; reading the instant and taking its date
// in the account's zone gives the report day even if an interval came back in UTC.
QDate reportDay(const QJsonValue &startTime, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromString(startTime.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toTimeZone(zone).date() : QDate();
}

// The local clock hour an HOUR interval starts in, read like reportDay; -1 when unreadable.
int reportHour(const QJsonValue &startTime, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromString(startTime.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toTimeZone(zone).time().hour() : -1;
}

std::optional<ReportRow> parseInterval(const QJsonObject &interval, const QString &campaignId,
                                       const QTimeZone &zone, const ConnectorAccount &account, bool hourly)
{
    const QJsonObject stats = interval.value(u"stats"_s).toObject();
    ReportRow row;
    row.remoteCampaignId = campaignId;
    row.day = reportDay(interval.value(u"start_time"_s), zone);
    row.hour = hourly ? reportHour(interval.value(u"start_time"_s), zone) : -1;
    row.timeZone = QString::fromUtf8(zone.id());
    row.currency = account.currency;
    // Counts are integers; spend and purchase value are micro-currency integers already; purchases
    // can be fractional. An interval with all zeros stays a day of zeros.
    static const MetricFields fields{u"impressions"_s, u"swipes"_s, u"spend"_s, u"conversion_purchases"_s,
                                     u"conversion_purchases_value"_s, true, true};
    const bool ok = row.day.isValid() && (!hourly || row.hour >= 0) && readMetrics(stats, fields, &row);
    return ok ? std::optional<ReportRow>(row) : std::nullopt;
}

QTimeZone accountZone(const ConnectorAccount &account)
{
    const QTimeZone zone(account.timeZone.toUtf8());
    if (zone.isValid())
        return zone;
    qCWarning(lcNetSnapchat) << "unknown account time zone; asking for UTC days";
    return QTimeZone::utc();
}

} // namespace

SnapchatConnector::SnapchatConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent)
    : ConnectorBase(nam, std::move(baseUrl), kDefaultVersion, parent)
{
}

// ---------------------------------------------------------------------------------------------
// plan

LaunchPlan SnapchatConnector::plan(const LaunchInput &input) const
{
    LaunchPlan plan;
    const auto problem = [&](const QString &field, const QString &message) {
        plan.problems.append(FieldError{field, message});
    };
    const ConnectorAccount &account = input.account;
    const auto spec = objectiveSpec(input.objective);

    if (!spec)
        problem(u"objective"_s, u"Snapchat promotes apps only with an app id; these creatives "
                                "link to a website."_s);
    else if (spec->pixel && account.extra.value(u"pixelId"_s).isEmpty())
        problem(u"account.extra.pixelId"_s, u"This objective needs the Snap Pixel id."_s);
    if (account.extra.value(u"profileId"_s).isEmpty())
        problem(u"account.extra.profileId"_s,
                u"Snapchat ads run as a Public Profile; none is set."_s);
    const int brand = net::textLength(account.extra.value(u"brandName"_s).trimmed(),
                                      net::TextCount::CodePoints);
    if (brand < 1 || brand > kMaxBrand)
        problem(u"account.extra.brandName"_s, u"Snapchat ads need a brand name of 1 to 25 "
                                               "characters."_s);
    if (account.accountId.isEmpty())
        problem(u"account.accountId"_s, u"No Snapchat ad account is set."_s);
    if (country(account).isEmpty())
        problem(u"account.timeZone"_s, u"The account's time zone names no country to target."_s);

    if (input.budget.currency != account.currency)
        problem(u"budget.currency"_s, u"The budget is not in the ad account's currency."_s);
    else if (input.budgetType == BudgetType::Daily && input.budget.micros < kMinDailyMicros)
        problem(u"budget.amount"_s, QStringLiteral("Snapchat needs at least 5 %1 a day on an ad "
                                                   "squad.").arg(input.budget.currency));
    else if (input.budget.micros <= 0) // no lifetime minimum is confirmed
        problem(u"budget.amount"_s, u"The budget must be a positive amount."_s);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (input.endAt.isValid() && input.endAt <= now)
        problem(u"schedule.endAt"_s, u"The schedule has already ended."_s);
    else if (input.endAt.isValid() && input.startAt.isValid() && input.endAt <= input.startAt)
        problem(u"schedule.endAt"_s, u"The schedule ends before it starts."_s);
    if (input.budgetType == BudgetType::Lifetime && !input.endAt.isValid())
        problem(u"schedule.endAt"_s, u"A lifetime budget needs an end date on Snapchat."_s);

    QStringList usedAudienceIds;
    for (const Audience &a : input.audiences) {
        if (a.kind == AudienceKind::CustomerList
            && !a.definition.value(u"hashedEmails"_s).toArray().isEmpty())
            usedAudienceIds.append(a.id);
        else
            plan.warnings.append(QStringLiteral("Audience %1 left out on Snapchat: AdsDesk creates "
                                                "only customer lists with hashed emails there.")
                                     .arg(a.id));
    }

    const ObjectiveSpec effective = spec.value_or(ObjectiveSpec{});
    for (const Creative &c : input.creatives) {
        QString why = whyNot(c, effective);
        if (why.isEmpty() && effective.videoOnly && c.kind != CreativeKind::Video)
            why = u"video views need a video"_s;
        if (why.isEmpty()) {
            plan.usedCreativeIds.append(c.id);
            const auto r = pickRendition(c);
            if (c.kind == CreativeKind::Video && r->width < 1080)
                plan.warnings.append(QStringLiteral("Creative %1: Snapchat recommends 1080x1920 "
                                                    "video; this one is %2x%3.")
                                         .arg(c.id).arg(r->width).arg(r->height));
        } else {
            plan.warnings.append(
                QStringLiteral("Creative %1 left out on Snapchat: %2.").arg(c.id, why));
        }
    }
    if (plan.usedCreativeIds.isEmpty())
        problem(effective.videoOnly ? u"objective"_s : u"creativeIds"_s,
                u"None of the creatives fits Snapchat's full-screen 9:16 Snap Ads."_s);
    if (!plan.problems.isEmpty())
        return plan;

    const auto step = [&](const QString &key, bool createsObject = true) {
        plan.steps.append(PlannedStep{key, createsObject ? key : QString(),
                                      launchTag(input.campaignId, key)});
    };
    for (const QString &id : usedAudienceIds) {
        step(u"audience:"_s + id);
        step(u"members:"_s + id, false);
    }
    for (const QString &id : plan.usedCreativeIds) {
        step(u"media:"_s + id);
        step(u"creative:"_s + id);
    }
    step(u"campaign"_s);
    step(u"adsquad"_s);
    for (const QString &id : plan.usedCreativeIds)
        step(u"ad:"_s + id);
    step(u"activate"_s, false);
    return plan;
}

// ---------------------------------------------------------------------------------------------
// HTTP

QString SnapchatConnector::apiPath(const QString &path) const
{
    return u'/' + apiVersion() + path;
}

void SnapchatConnector::send(const QByteArray &verb, const QUrl &url,
                             const ConnectorAccount &account, const QJsonObject &body,
                             JsonCallback done)
{
    net::HttpCall call;
    call.verb = verb;
    call.request = QNetworkRequest(url);
    call.request.setRawHeader("Authorization", "Bearer " + account.accessToken.toUtf8());
    if (verb != "GET") {
        call.request.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/json"));
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    const bool write = verb != "GET";
    qCDebug(lcNetSnapchat) << verb << url.path();
    sendCall(std::move(call), [this, write, done](const net::HttpOutcome &o) {
        finish(o, write, done);
    });
}

void SnapchatConnector::finish(const net::HttpOutcome &outcome, bool write,
                               const JsonCallback &done) const
{
    if (auto failure = net::transportFailure(outcome)) {
        qCWarning(lcNetSnapchat) << "transport failure:" << failure->code;
        done(tl::unexpected(*failure));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(outcome.body).object();
    const bool requestError = body.value(u"request_status"_s).toString()
                                  .compare(u"ERROR"_s, Qt::CaseInsensitive) == 0;
    if (outcome.status < 200 || outcome.status >= 300 || requestError) {
        const PlatformError error = mapError(outcome.status, body, outcome.headers, write);
        qCWarning(lcNetSnapchat) << "Snapchat error" << outcome.status << error.platformCode
                                 << "request_id" << body.value(u"request_id"_s).toString();
        done(tl::unexpected(error));
        return;
    }
    if (body.isEmpty()) {
        done(tl::unexpected(unreadable(u"reply is not a JSON object"_s)));
        return;
    }
    done(body);
}

void SnapchatConnector::writeOne(const QByteArray &verb, const ConnectorAccount &account,
                                 const QString &path, const QString &plural,
                                 const QString &singular, const QJsonObject &object,
                                 ObjectCallback done)
{
    send(verb, endpoint(path), account, QJsonObject{{plural, QJsonArray{object}}},
         [plural, singular, done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             const QJsonArray items = r->value(plural).toArray();
             const QJsonObject item = items.first().toObject();
             if (items.size() != 1)
                 done(tl::unexpected(unreadable(u"wrapped answer without its one item"_s)));
             else if (!succeeded(item.value(u"sub_request_status"_s)))
                 done(tl::unexpected(itemError(item)));
             else
                 done(item.value(singular).toObject());
         });
}

void SnapchatConnector::createOne(const ConnectorAccount &account, const QString &path,
                                  const QString &plural, const QString &singular,
                                  const QJsonObject &object, const QString &type,
                                  StepCallback done)
{
    writeOne("POST", account, path, plural, singular, object,
             [type, done](PlatformResult<QJsonObject> r) {
                 const QString id = r ? net::idFromJson(r->value(u"id"_s)) : QString();
                 if (!r)
                     done(tl::unexpected(r.error()));
                 else if (id.isEmpty())
                     done(tl::unexpected(unreadable(u"created object without id"_s)));
                 else
                     done(StepOutcome{{{type, id}}});
             });
}

void SnapchatConnector::findInPages(const ConnectorAccount &account, const QUrl &url,
                                    const QString &plural, const QString &singular,
                                    Matcher matches, FoundCallback done, int page)
{
    send("GET", url, account, {},
         [this, account, url, plural, singular, matches, done,
          page](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             const QJsonArray items = r->value(plural).toArray();
             for (const QJsonValue &v : items) {
                 const QJsonObject object = v.toObject().value(singular).toObject();
                 if (matches(object)) {
                     done(std::optional<QJsonObject>(object));
                     return;
                 }
             }
             // next_link is absolute; only its path and query are used, so the token never
             // leaves the host we talk to.
             const QUrl link(r->value(u"paging"_s).toObject().value(u"next_link"_s).toString());
             QUrl next = baseUrl();
             next.setPath(link.path(QUrl::FullyEncoded), QUrl::TolerantMode);
             next.setQuery(link.query(QUrl::FullyEncoded), QUrl::TolerantMode);
             const bool more = !items.isEmpty() && link.isValid() && !link.isEmpty()
                 && next != url && page + 1 < kMaxPages;
             if (!more) {
                 done(std::optional<QJsonObject>());
                 return;
             }
             findInPages(account, next, plural, singular, matches, done, page + 1);
         });
}

// ---------------------------------------------------------------------------------------------
// createStep

void SnapchatConnector::createStep(const LaunchInput &input, const PlannedStep &step,
                                   const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString &key = step.key;
    if (key.startsWith(u"audience:"))
        createSegment(input, step, std::move(done));
    else if (key.startsWith(u"members:"))
        uploadMembers(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"media:"))
        createMedia(input, step, std::move(done));
    else if (key.startsWith(u"creative:"))
        createCreative(input, step, remoteIds, std::move(done));
    else if (key == u"campaign")
        createCampaign(input, step, std::move(done));
    else if (key == u"adsquad")
        createAdSquad(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"ad:"))
        createAd(input, step, remoteIds, std::move(done));
    else if (key == u"activate")
        setAll(input.account, remoteIds, true, [done](PlatformResult<bool> r) {
            done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
        });
    else
        done(tl::unexpected(missing(QStringLiteral("Unknown step %1.").arg(key))));
}

void SnapchatConnector::createSegment(const LaunchInput &input, const PlannedStep &step,
                                      StepCallback done)
{
    QString name = input.campaignName;
    QString description;
    for (const Audience &a : input.audiences) {
        if (a.id == afterColon(step.key)) {
            name = a.name;
            description = a.description;
        }
    }
    const QString accountPath = apiPath(u"/adaccounts/"_s + input.account.accountId
                                        + u"/segments"_s);
    const QJsonObject segment{{u"ad_account_id"_s, input.account.accountId},
                              {u"name"_s, nameFor(name, step)},
                              {u"description"_s, description},
                              {u"source_type"_s, u"FIRST_PARTY"_s},
                              {u"retention_in_days"_s, 9999}};
    createOne(input.account, accountPath, u"segments"_s, u"segment"_s, segment, step.objectType,
              std::move(done));
}

void SnapchatConnector::uploadMembers(const LaunchInput &input, const PlannedStep &step,
                                      const QMap<QString, QString> &remoteIds, StepCallback done)
{
    // Members go up in their own step: adding the same hashes again is harmless, so this step
    // is simply re-run, while the segment itself is found by its tag.
    const QString audienceId = afterColon(step.key);
    QJsonArray data;
    for (const Audience &a : input.audiences) {
        if (a.id != audienceId)
            continue;
        for (const QJsonValue &v : a.definition.value(u"hashedEmails"_s).toArray())
            data.append(QJsonArray{v.toString().trimmed().toLower()});
    }
    const QString segment = remoteIds.value(u"audience:"_s + audienceId);
    const QJsonObject users{{u"schema"_s, QJsonArray{u"EMAIL_SHA256"_s}}, {u"data"_s, data}};
    writeOne("POST", input.account, apiPath(u"/segments/"_s + segment + u"/users"_s), u"users"_s,
             u"user"_s, users, [done](PlatformResult<QJsonObject> r) {
                 done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
             });
}

void SnapchatConnector::createMedia(const LaunchInput &input, const PlannedStep &step,
                                    StepCallback done)
{
    const Creative *c = findCreative(input, afterColon(step.key));
    const auto rendition = c ? pickRendition(*c) : std::nullopt;
    QString readError;
    const QByteArray bytes = rendition ? net::readRendition(rendition->path, &readError)
                                       : QByteArray();
    if (bytes.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                           u"The creative's file could not be read."_s, {},
                                           readError)));
        return;
    }
    const ConnectorAccount account = input.account;
    const QString mime = rendition->mimeType;
    const QString fileName = QFileInfo(rendition->path).fileName();
    const QString type = step.objectType;
    const QJsonObject media{{u"ad_account_id"_s, account.accountId},
                            {u"name"_s, nameFor(input.campaignName, step)},
                            {u"type"_s, c->kind == CreativeKind::Video ? u"VIDEO"_s : u"IMAGE"_s}};

    // The step makes a media object and fills it. A run after a failure in between first looks for
    // the object it made last time (by the tag in its name): a ready one is adopted, an empty one
    // is filled, and only when there is none is another made.
    const auto upload = [this, account, bytes, mime, fileName, type, done](const QString &id) {
        uploadMedia(account, id, bytes, mime, fileName, type, done);
    };
    const auto make = [this, account, media, upload, done] {
        writeOne("POST", account, apiPath(u"/adaccounts/"_s + account.accountId + u"/media"_s),
                 u"media"_s, u"media"_s, media, [upload, done](PlatformResult<QJsonObject> r) {
                     const QString id = r ? net::idFromJson(r->value(u"id"_s)) : QString();
                     if (!r || id.isEmpty())
                         done(tl::unexpected(r ? unreadable(u"media without id"_s) : r.error()));
                     else
                         upload(id);
                 });
    };
    const QString tag = step.tag;
    const auto ours = [tag](const QJsonObject &o) {
        return o.value(u"name"_s).toString().contains(tag) && !o.value(u"deleted"_s).toBool();
    };
    findInPages(account,
                endpoint(apiPath(u"/adaccounts/"_s + account.accountId + u"/media"_s),
                         {{u"limit"_s, QString::number(kPageLimit)}}),
                u"media"_s, u"media"_s, ours,
                [make, upload, type, done](PlatformResult<std::optional<QJsonObject>> found) {
                    if (!found) {
                        done(tl::unexpected(found.error()));
                        return;
                    }
                    const QString id = *found ? net::idFromJson((*found)->value(u"id"_s)) : QString();
                    if (id.isEmpty())
                        make();
                    else if ((*found)->value(u"media_status"_s).toString() == u"READY")
                        done(StepOutcome{{{type, id}}});
                    else
                        upload(id);
                });
}

void SnapchatConnector::uploadMedia(const ConnectorAccount &account, const QString &id,
                                    const QByteArray &bytes, const QString &mime,
                                    const QString &fileName, const QString &type, StepCallback done)
{
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(fileName));
    file.setHeader(QNetworkRequest::ContentTypeHeader, mime);
    file.setBody(bytes);
    form->append(file);
    net::HttpCall call;
    call.verb = "POST";
    call.request = QNetworkRequest(endpoint(apiPath(u"/media/"_s + id + u"/upload"_s)));
    call.request.setRawHeader("Authorization", "Bearer " + account.accessToken.toUtf8());
    call.multipart = form;
    const auto uploaded = [this, account, id, type, done](PlatformResult<QJsonObject> u) {
        if (!u)
            done(tl::unexpected(u.error()));
        else
            pollMedia(account, id, type, 0, done);
    };
    sendCall(std::move(call), [this, uploaded](const net::HttpOutcome &o) { finish(o, true, uploaded); });
}

void SnapchatConnector::pollMedia(const ConnectorAccount &account, const QString &mediaId,
                                  const QString &type, int attempt, StepCallback done)
{
    send("GET", endpoint(apiPath(u"/media/"_s + mediaId)), account, {},
         [this, account, mediaId, type, attempt, done](PlatformResult<QJsonObject> r) {
             const QJsonObject media = r ? r->value(u"media"_s).toArray().first().toObject()
                                               .value(u"media"_s).toObject()
                                         : QJsonObject();
             const QString status = media.value(u"media_status"_s).toString();
             if (!r) {
                 done(tl::unexpected(r.error()));
             } else if (status == u"READY") {
                 done(StepOutcome{{{type, mediaId}}});
             } else if (status.contains(u"FAIL"_s) || status.contains(u"ERROR"_s)) {
                 done(tl::unexpected(net::makeError(FailureKind::Permanent, u"media_rejected"_s,
                                                    u"Snapchat could not process the file."_s,
                                                    {}, status)));
             } else if (attempt + 1 >= kMaxPolls) {
                 // Known limit: a retry of this step uploads the file again.
                 done(tl::unexpected(net::makeError(FailureKind::Transient, u"media_processing"_s,
                                                    u"Snapchat is still processing the file."_s)));
             } else {
                 QTimer::singleShot(m_pollMs, this, [this, account, mediaId, type, attempt, done] {
                     pollMedia(account, mediaId, type, attempt + 1, done);
                 });
             }
         });
}

void SnapchatConnector::createCreative(const LaunchInput &input, const PlannedStep &step,
                                       const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const Creative *c = findCreative(input, afterColon(step.key));
    if (!c) {
        done(tl::unexpected(missing(u"The creative is not part of this campaign."_s)));
        return;
    }
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const ConnectorAccount &account = input.account;
    QJsonObject creative{
        {u"ad_account_id"_s, account.accountId},
        {u"name"_s, nameFor(input.campaignName, step)},
        {u"type"_s, spec.web ? u"WEB_VIEW"_s : u"SNAP_AD"_s},
        {u"brand_name"_s, account.extra.value(u"brandName"_s).trimmed()},
        {u"headline"_s, c->headline},
        {u"shareable"_s, true},
        {u"top_snap_media_id"_s, remoteIds.value(u"media:"_s + c->id)},
        {u"profile_properties"_s,
         QJsonObject{{u"profile_id"_s, account.extra.value(u"profileId"_s)}}}};
    if (spec.web) {
        creative.insert(u"call_to_action"_s, callToAction(c->callToAction));
        creative.insert(u"web_view_properties"_s,
                        QJsonObject{{u"url"_s, c->destinationUrl},
                                    {u"allow_snap_javascript_sdk"_s, false},
                                    {u"block_preload"_s, false}});
    }
    createOne(account, apiPath(u"/adaccounts/"_s + account.accountId + u"/creatives"_s),
              u"creatives"_s, u"creative"_s, creative, step.objectType, std::move(done));
}

void SnapchatConnector::createCampaign(const LaunchInput &input, const PlannedStep &step,
                                       StepCallback done)
{
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const QDateTime start = std::max(input.startAt, QDateTime::currentDateTimeUtc());
    // The budget sits on the ad squad; the campaign has no spend cap of its own.
    QJsonObject campaign{
        {u"ad_account_id"_s, input.account.accountId},
        {u"name"_s, nameFor(input.campaignName, step)},
        {u"status"_s, u"PAUSED"_s},
        {u"start_time"_s, isoUtc(start)},
        {u"objective_v2_properties"_s, QJsonObject{{u"objective_v2_type"_s, spec.objective}}}};
    if (input.endAt.isValid())
        campaign.insert(u"end_time"_s, isoUtc(input.endAt));
    createOne(input.account,
              apiPath(u"/adaccounts/"_s + input.account.accountId + u"/campaigns"_s),
              u"campaigns"_s, u"campaign"_s, campaign, step.objectType, std::move(done));
}

void SnapchatConnector::createAdSquad(const LaunchInput &input, const PlannedStep &step,
                                      const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const ConnectorAccount &account = input.account;
    const QString campaign = remoteIds.value(u"campaign"_s);
    QJsonArray segments;
    for (const Audience &a : input.audiences) {
        const QString id = remoteIds.value(u"audience:"_s + a.id);
        if (!id.isEmpty())
            segments.append(id);
    }
    QJsonObject targeting{{u"regulated_content"_s, false},
                          {u"geos"_s,
                           QJsonArray{QJsonObject{{u"country_code"_s, country(account)}}}}};
    if (!segments.isEmpty())
        targeting.insert(u"segments"_s, QJsonArray{QJsonObject{{u"segment_id"_s, segments},
                                                               {u"operation"_s, u"INCLUDE"_s}}});
    // AUTO_BID squads are sent without bid_micro; whether Snap needs one then is unconfirmed.
    QJsonObject squad{
        {u"campaign_id"_s, campaign},
        {u"name"_s, nameFor(input.campaignName, step)},
        {u"type"_s, u"SNAP_ADS"_s},
        {u"status"_s, u"PAUSED"_s},
        {u"targeting"_s, targeting},
        {u"placement_v2"_s, QJsonObject{{u"config"_s, u"AUTOMATIC"_s}}},
        {u"billing_event"_s, u"IMPRESSION"_s},
        {u"optimization_goal"_s, spec.goal},
        {u"bid_strategy"_s, u"AUTO_BID"_s},
        {input.budgetType == BudgetType::Daily ? u"daily_budget_micro"_s
                                               : u"lifetime_budget_micro"_s,
         input.budget.micros},
        {u"start_time"_s, isoUtc(std::max(input.startAt, QDateTime::currentDateTimeUtc()))}};
    if (input.endAt.isValid())
        squad.insert(u"end_time"_s, isoUtc(input.endAt));
    if (spec.pixel)
        squad.insert(u"pixel_id"_s, account.extra.value(u"pixelId"_s));
    createOne(account, apiPath(u"/campaigns/"_s + campaign + u"/adsquads"_s), u"adsquads"_s,
              u"adsquad"_s, squad, step.objectType, std::move(done));
}

void SnapchatConnector::createAd(const LaunchInput &input, const PlannedStep &step,
                                 const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString creativeId = afterColon(step.key);
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const QString squad = remoteIds.value(u"adsquad"_s);
    const QJsonObject ad{{u"ad_squad_id"_s, squad},
                         {u"creative_id"_s, remoteIds.value(u"creative:"_s + creativeId)},
                         {u"name"_s, nameFor(input.campaignName, step)},
                         {u"type"_s, spec.web ? u"REMOTE_WEBPAGE"_s : u"SNAP_AD"_s},
                         {u"status"_s, u"PAUSED"_s}};
    createOne(input.account, apiPath(u"/adsquads/"_s + squad + u"/ads"_s), u"ads"_s, u"ad"_s, ad,
              step.objectType, std::move(done));
}

// ---------------------------------------------------------------------------------------------
// findStep, setDelivery

void SnapchatConnector::findStep(const LaunchInput &input, const PlannedStep &step,
                                 const QMap<QString, QString> &remoteIds, FindCallback done)
{
    const QString &key = step.key;
    const QString account = u"/adaccounts/"_s + input.account.accountId;
    QString path;
    QString plural;
    QString singular;
    if (key == u"campaign") {
        path = account + u"/campaigns"_s;
        plural = u"campaigns"_s;
        singular = u"campaign"_s;
    } else if (key == u"adsquad" && !remoteIds.value(u"campaign"_s).isEmpty()) {
        path = u"/campaigns/"_s + remoteIds.value(u"campaign"_s) + u"/adsquads"_s;
        plural = u"adsquads"_s;
        singular = u"adsquad"_s;
    } else if (key.startsWith(u"ad:") && !remoteIds.value(u"adsquad"_s).isEmpty()) {
        path = u"/adsquads/"_s + remoteIds.value(u"adsquad"_s) + u"/ads"_s;
        plural = u"ads"_s;
        singular = u"ad"_s;
    } else if (key.startsWith(u"creative:")) {
        path = account + u"/creatives"_s;
        plural = u"creatives"_s;
        singular = u"creative"_s;
    } else if (key.startsWith(u"media:")) {
        path = account + u"/media"_s;
        plural = u"media"_s;
        singular = u"media"_s;
    } else if (key.startsWith(u"audience:")) {
        path = account + u"/segments"_s;
        plural = u"segments"_s;
        singular = u"segment"_s;
    } else if (key.startsWith(u"members:")) {
        findMembers(input.account, remoteIds.value(u"audience:"_s + afterColon(key)),
                    std::move(done));
        return;
    } else {
        // activate is idempotent and simply re-run.
        done(std::optional<StepOutcome>());
        return;
    }
    // The tag must be in the name and the object alive; media only counts once READY, because
    // media whose upload was lost can never become a creative.
    const QString tag = step.tag;
    const bool media = key.startsWith(u"media:");
    const auto matches = [tag, media](const QJsonObject &o) {
        return o.value(u"name"_s).toString().contains(tag) && !o.value(u"deleted"_s).toBool()
            && (!media || o.value(u"media_status"_s).toString() == u"READY");
    };
    const QString type = step.objectType;
    findInPages(input.account, endpoint(apiPath(path), {{u"limit"_s, QString::number(kPageLimit)}}),
                plural, singular, matches,
                [type, done](PlatformResult<std::optional<QJsonObject>> r) {
                    if (!r) {
                        done(tl::unexpected(r.error()));
                        return;
                    }
                    const QString id = *r ? net::idFromJson((*r)->value(u"id"_s)) : QString();
                    done(id.isEmpty() ? std::optional<StepOutcome>()
                                      : std::optional<StepOutcome>(StepOutcome{{{type, id}}}));
                });
}

void SnapchatConnector::findMembers(const ConnectorAccount &account, const QString &segmentId,
                                    FindCallback done)
{
    if (segmentId.isEmpty()) {
        done(std::optional<StepOutcome>());
        return;
    }
    // An upload makes no object to find, but the segment records it: upload_status leaves
    // NO_UPLOAD once identifiers arrived (snapchat.md 7.1). Uploading again would be harmless.
    send("GET", endpoint(apiPath(u"/segments/"_s + segmentId)), account, {},
         [done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             const QString status = r->value(u"segments"_s).toArray().first().toObject()
                                        .value(u"segment"_s).toObject()
                                        .value(u"upload_status"_s).toString();
             const bool uploaded = status == u"PROCESSING" || status == u"COMPLETE";
             done(uploaded ? std::optional<StepOutcome>(StepOutcome{})
                           : std::optional<StepOutcome>());
         });
}

void SnapchatConnector::putStatus(const ConnectorAccount &account, const QString &readPath,
                                  const QString &parentPath, const QString &plural,
                                  const QString &singular, const QString &status,
                                  ErrorCallback done)
{
    // Updates replace the whole object: read it, change the status, put it back without the
    // fields Snap owns.
    send("GET", endpoint(apiPath(readPath)), account, {},
         [this, account, parentPath, plural, singular, status,
          done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(r.error());
                 return;
             }
             QJsonObject object = r->value(plural).toArray().first().toObject()
                                      .value(singular).toObject();
             if (object.value(u"id"_s).toString().isEmpty()) {
                 done(unreadable(singular + u" read back without id"_s));
                 return;
             }
             stripReadOnly(&object);
             object.insert(u"status"_s, status);
             writeOne("PUT", account, apiPath(parentPath), plural, singular, object,
                      [done](PlatformResult<QJsonObject> w) {
                          done(w ? std::nullopt : std::optional<PlatformError>(w.error()));
                      });
         });
}

void SnapchatConnector::setAll(const ConnectorAccount &account,
                               const QMap<QString, QString> &remoteIds, bool active,
                               DoneCallback done)
{
    const QString campaign = remoteIds.value(u"campaign"_s);
    if (campaign.isEmpty()) {
        done(tl::unexpected(missing(u"No Snapchat campaign is known for this campaign."_s)));
        return;
    }
    const QString status = active ? u"ACTIVE"_s : u"PAUSED"_s;
    const QString squad = remoteIds.value(u"adsquad"_s);
    QList<ChainLink> links;
    const auto update = [&](const QString &read, const QString &parent, const QString &plural,
                            const QString &singular) {
        links.append([this, account, read, parent, plural, singular, status](auto next) {
            putStatus(account, read, parent, plural, singular, status, next);
        });
    };
    // On: ads, then the ad squad, then the campaign. Off: the campaign stops everything.
    if (active && !squad.isEmpty()) {
        for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it) {
            if (it.key().startsWith(u"ad:"))
                update(u"/ads/"_s + it.value(), u"/adsquads/"_s + squad + u"/ads"_s, u"ads"_s,
                       u"ad"_s);
        }
        update(u"/adsquads/"_s + squad, u"/campaigns/"_s + campaign + u"/adsquads"_s,
               u"adsquads"_s, u"adsquad"_s);
    }
    update(u"/campaigns/"_s + campaign, u"/adaccounts/"_s + account.accountId + u"/campaigns"_s,
           u"campaigns"_s, u"campaign"_s);
    runDoneChain(links, done);
}

void SnapchatConnector::setDelivery(const ConnectorAccount &account,
                                    const QMap<QString, QString> &remoteIds, bool active,
                                    DoneCallback done)
{
    setAll(account, remoteIds, active, std::move(done));
}

// ---------------------------------------------------------------------------------------------
// fetchDailyReport, fetchHourlyReport

void SnapchatConnector::fetchDailyReport(const ConnectorAccount &account,
                                         const QStringList &remoteCampaignIds, const QDate &from,
                                         const QDate &to, ReportCallback done)
{
    fetchStats(account, remoteCampaignIds, from, to, false, std::move(done));
}

void SnapchatConnector::fetchHourlyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                          const QDate &from, const QDate &to, ReportCallback done)
{
    fetchStats(account, remoteCampaignIds, from, to, true, std::move(done));
}

void SnapchatConnector::fetchStats(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                   const QDate &from, const QDate &to, bool hourly, ReportCallback done)
{
    // Stats are read per campaign, in windows of local days the granularity allows.
    auto rows = std::make_shared<ReportRows>();
    const ReportStep window = [this, account, hourly, rows](auto ids, auto since, auto until, auto next) {
        statsWindow(account, ids.first(), since, until, hourly, rows, next);
    };
    const ReportLimits limits{hourly ? kHourlyStatsWindowDays : kStatsWindowDays, 1};
    runReportSteps(remoteCampaignIds, from, to, limits, window, rows, std::move(done));
}

void SnapchatConnector::statsWindow(const ConnectorAccount &account, const QString &campaignId,
                                    const QDate &from, const QDate &to, bool hourly,
                                    std::shared_ptr<ReportRows> rows, ErrorCallback done)
{
    // DAY stats must start and end on the account's local midnights (DST included), HOUR stats on
    // the hour, which local midnights are; the same instants are sent in UTC, which Snap accepts.
    const QTimeZone zone = accountZone(account);
    const net::Params query = {
        {u"granularity"_s, hourly ? u"HOUR"_s : u"DAY"_s},
        {u"fields"_s,
         u"impressions,swipes,spend,conversion_purchases,conversion_purchases_value"_s},
        {u"start_time"_s, isoUtc(QDateTime(from, QTime(0, 0), zone))},
        {u"end_time"_s, isoUtc(QDateTime(to.addDays(1), QTime(0, 0), zone))},
    };
    // Without a breakdown the stats answer is a single time series: there are no pages.
    send("GET", endpoint(apiPath(u"/campaigns/"_s + campaignId + u"/stats"_s), query), account, {},
         [account, campaignId, zone, hourly, rows, done](PlatformResult<QJsonObject> r) {
             if (!r) {
                 done(r.error());
                 return;
             }
             const QJsonObject item = r->value(u"timeseries_stats"_s).toArray().at(0).toObject();
             if (!succeeded(item.value(u"sub_request_status"_s))) {
                 done(itemError(item));
                 return;
             }
             // A 25-hour day names its repeated hour twice (two offsets): fold them into one row.
             QList<ReportRow> intervals;
             const QJsonObject stat = item.value(u"timeseries_stat"_s).toObject();
             for (const QJsonValue &v : stat.value(u"timeseries"_s).toArray()) {
                 const auto row = parseInterval(v.toObject(), campaignId, zone, account, hourly);
                 if (!row) {
                     done(unreadable(u"stats interval"_s));
                     return;
                 }
                 if (hourly)
                     foldIntoHour(&intervals, *row);
                 else
                     intervals.append(*row);
             }
             for (const ReportRow &row : std::as_const(intervals))
                 rows->add(row);
             done(std::nullopt);
         });
}

} // namespace ads::core
