#include "core/platforms/pinterest/PinterestConnector.h"

#include "core/Logging.h"

#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

namespace ads::core {

using namespace Qt::StringLiterals;
using net::Params;

namespace {

// Ad names may have 255 characters; campaign and ad group limits are not published, so the
// same limit is used for them.
constexpr int kMaxName = 255;
constexpr int kMaxTitle = 100;
constexpr int kMaxDescription = 500; // ads specs; the Pin API itself takes 800
constexpr int kMaxLink = 2048;
constexpr int kBatchLimit = 30;
constexpr int kPageSize = 250;
constexpr int kReportWindowDays = 90;
constexpr int kReportIdsPerCall = 250;
constexpr int kMaxPolls = 60;
constexpr int kThrottleSeconds = 60;
constexpr qint64 kMaxImageBytes = 20LL * 1024 * 1024;
constexpr qint64 kMaxVideoBytes = 2LL * 1024 * 1024 * 1024;

const QString kLiveStatuses = u"ACTIVE,PAUSED,DRAFT"_s;

struct ObjectiveSpec
{
    QString objective;
    QString billableEvent;
    QString conversionEvent; // non-empty: WEB_CONVERSION with the account's tag
};

std::optional<ObjectiveSpec> objectiveSpec(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return ObjectiveSpec{u"AWARENESS"_s, u"IMPRESSION"_s, {}};
    case Objective::Traffic:
    case Objective::Engagement: // v5 has no separate engagement objective
        return ObjectiveSpec{u"CONSIDERATION"_s, u"CLICKTHROUGH"_s, {}};
    case Objective::Leads:
        return ObjectiveSpec{u"WEB_CONVERSION"_s, u"IMPRESSION"_s, u"LEAD"_s};
    case Objective::Conversions:
    case Objective::Sales: // catalog sales need a product catalog, which creatives are not
        return ObjectiveSpec{u"WEB_CONVERSION"_s, u"IMPRESSION"_s, u"CHECKOUT"_s};
    case Objective::AppInstalls:
        return std::nullopt;
    }
    return std::nullopt;
}

bool digitsOnly(const QString &text, int maxLength = 64)
{
    static const QRegularExpression digits(u"^\\d+$"_s);
    return text.size() <= maxLength && digits.match(text).hasMatch();
}

QString targetCountry(const ConnectorAccount &account)
{
    static const QRegularExpression code(u"^[A-Z]{2}$"_s);
    const QString configured = account.extra.value(u"country"_s);
    if (!configured.isEmpty())
        return code.match(configured).hasMatch() ? configured : QString();
    const QTimeZone zone(account.timeZone.toUtf8());
    if (!zone.isValid() || zone.territory() == QLocale::AnyTerritory)
        return {};
    return QLocale::territoryToCode(zone.territory());
}

// Pins take shapes from 1:2 (tallest) to 1.91:1 (widest); 2:3 is Pinterest's own shape, so the
// rendition closest to it wins.
std::optional<Rendition> pickRendition(const Creative &c)
{
    const bool image = c.kind == CreativeKind::Image;
    static const QStringList imageTypes = {u"image/png"_s, u"image/jpeg"_s};
    static const QStringList videoTypes = {u"video/mp4"_s, u"video/quicktime"_s, u"video/x-m4v"_s};
    std::optional<Rendition> best;
    for (const Rendition &r : c.renditions) {
        const double aspect = net::aspectOf(r);
        bool fits = aspect >= 0.5 * 0.99 && aspect <= 1.91 * 1.01;
        if (image)
            fits = fits && imageTypes.contains(r.mimeType) && r.bytes <= kMaxImageBytes;
        else
            fits = fits && videoTypes.contains(r.mimeType) && r.bytes <= kMaxVideoBytes
                && r.durationMs >= 4'000 && r.durationMs <= 15LL * 60 * 1000;
        const auto distance = [](const Rendition &x) {
            return std::fabs(net::aspectOf(x) - 2.0 / 3);
        };
        if (fits && (!best || distance(r) < distance(*best)))
            best = r;
    }
    return best;
}

QString whyNot(const Creative &c)
{
    const auto length = [](const QString &text) {
        return net::textLength(text, net::TextCount::CodePoints);
    };
    if (!c.destinationUrl.startsWith(u"http") || length(c.destinationUrl) > kMaxLink)
        return u"the landing page must be an http(s) address of up to 2,048 characters"_s;
    if (length(c.headline) > kMaxTitle)
        return u"the title is longer than 100 characters"_s;
    if (length(c.description) > kMaxDescription)
        return u"the description is longer than 500 characters"_s;
    if (!pickRendition(c))
        return c.kind == CreativeKind::Image
            ? u"no PNG or JPEG up to 20 MB between 1:2 and 1.91:1"_s
            : u"no MP4 or MOV of 4 s to 15 min between 1:2 and 1.91:1"_s;
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

QString afterColon(const QString &key)
{
    return key.mid(key.indexOf(u':') + 1);
}

QString nameFor(const LaunchInput &input, const PlannedStep &step)
{
    return net::taggedName(input.campaignName, step.tag, kMaxName, net::TextCount::CodePoints);
}

PlatformError unreadable(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"unreadable_reply"_s,
                          u"Pinterest answered in a form we could not read."_s, {}, what);
}

PlatformError missing(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"invalid_field"_s, what);
}

int retryHint(const QHash<QByteArray, QByteArray> &headers, const QString &message)
{
    bool ok = false;
    const qint64 reset = headers.value("x-ratelimit-reset").trimmed().toLongLong(&ok);
    if (ok)
        return net::clampRetrySeconds(reset);
    static const QRegularExpression after(u"[Rr]etry after (\\d+) second"_s);
    const auto match = after.match(message);
    if (match.hasMatch())
        return net::clampRetrySeconds(match.captured(1).toLongLong());
    return kThrottleSeconds;
}

// status is 0 for a per-item exception inside a 200 batch answer.
PlatformError mapError(int status, const QJsonObject &error,
                       const QHash<QByteArray, QByteArray> &headers, bool write)
{
    const bool hasCode = error.value(u"code"_s).isDouble();
    const int code = error.value(u"code"_s).toInt();
    const QString message = error.value(u"message"_s).toString();
    const QString platformCode = hasCode ? QString::number(code) : QString::number(status);
    const auto make = [&](FailureKind kind, const QString &ours, const QString &words, int retry) {
        return net::makeError(kind, ours, words, platformCode, message, retry);
    };
    static const QRegularExpression retryAfter(u"[Rr]etry after \\d+ second"_s);

    if (status == 401 && code == 3)
        return make(FailureKind::Auth, u"permission_denied"_s,
                    u"The Pinterest login lacks a permission this needs. Reconnect the account."_s,
                    -1);
    if (code == 29)
        return make(FailureKind::Permanent, u"permission_denied"_s,
                    u"Pinterest does not let this login use the object."_s, -1);
    if (status == 401)
        return make(FailureKind::Auth, u"auth_expired"_s,
                    u"The Pinterest login expired or was revoked. Reconnect the account."_s, -1);
    const bool throttled = status == 429 || code == 8 || code == 30 || code == 2726
        || retryAfter.match(message).hasMatch();
    if (throttled)
        return make(FailureKind::RateLimited, u"rate_limited"_s,
                    u"Pinterest asked us to slow down."_s, retryHint(headers, message));
    if (code == 12 || status == 409 || (status >= 500 && !(status == 504 && write)))
        return make(FailureKind::Transient, u"server_error"_s,
                    u"Pinterest had a temporary problem."_s, -1);
    if (status == 504)
        return make(FailureKind::UnknownOutcome, u"timeout"_s,
                    u"Pinterest did not confirm the change; it may or may not have been made."_s,
                    -1);
    if (status == 404)
        return make(FailureKind::Permanent, u"not_found"_s,
                    message.isEmpty() ? u"Pinterest does not know the object."_s : message, -1);
    return make(FailureKind::Permanent, u"invalid_field"_s,
                message.isEmpty() ? u"Pinterest refused the request."_s : message, -1);
}

// A batch item's exceptions: an array for campaigns and ad groups, one object for ads.
std::optional<QJsonObject> itemException(const QJsonObject &item)
{
    const QJsonValue exceptions = item.value(u"exceptions"_s);
    if (exceptions.isArray() && !exceptions.toArray().isEmpty())
        return exceptions.toArray().first().toObject();
    if (exceptions.isObject() && exceptions.toObject().contains(u"code"_s))
        return exceptions.toObject();
    return std::nullopt;
}

std::optional<ReportRow> parseRow(const QJsonObject &row, const ConnectorAccount &account)
{
    ReportRow out;
    out.remoteCampaignId = net::idFromJson(row.value(u"CAMPAIGN_ID"_s));
    out.day = QDate::fromString(row.value(u"DATE"_s).toString(), Qt::ISODate);
    out.timeZone = u"UTC"_s;
    out.currency = account.currency; // *_MICRO_DOLLAR columns are in the account's currency
    // Columns without a value may be left out. *_IN_MICRO_DOLLAR columns are already micros (10^6
    // per unit for every currency, JPY too); conversions are a count that can be fractional.
    static const MetricFields fields{u"IMPRESSION_1"_s, u"CLICKTHROUGH_1"_s, u"SPEND_IN_MICRO_DOLLAR"_s,
                                     u"TOTAL_CONVERSIONS"_s, u"TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR"_s, true, true};
    const bool ok = !out.remoteCampaignId.isEmpty() && out.day.isValid() && readMetrics(row, fields, &out);
    return ok ? std::optional<ReportRow>(out) : std::nullopt;
}

qint64 unixSeconds(const QDateTime &at)
{
    return at.toSecsSinceEpoch();
}

} // namespace

PinterestConnector::PinterestConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent)
    : ConnectorBase(nam, std::move(baseUrl), kDefaultVersion, parent)
{
}

// ---------------------------------------------------------------------------------------------
// plan

LaunchPlan PinterestConnector::plan(const LaunchInput &input) const
{
    LaunchPlan plan;
    const auto problem = [&](const QString &field, const QString &message) {
        plan.problems.append(FieldError{field, message});
    };
    const ConnectorAccount &account = input.account;
    const auto spec = objectiveSpec(input.objective);

    if (!spec)
        problem(u"objective"_s, u"Pinterest has no app install objective for website creatives."_s);
    else if (!spec->conversionEvent.isEmpty()
             && !digitsOnly(account.extra.value(u"conversionTagId"_s)))
        problem(u"account.extra.conversionTagId"_s,
                u"This objective optimises for website events and needs the Pinterest tag id."_s);
    else if (spec->conversionEvent.isEmpty()
             && !digitsOnly(account.extra.value(u"bidMicros"_s), 18))
        problem(u"account.extra.bidMicros"_s,
                u"Pinterest needs a maximum bid for this objective; none is set."_s);
    if (!digitsOnly(account.accountId, 18))
        problem(u"account.accountId"_s, u"A Pinterest ad account id is a number."_s);
    if (!digitsOnly(account.extra.value(u"boardId"_s)))
        problem(u"account.extra.boardId"_s, u"Pinterest ads promote Pins saved to a board; "
                                             "none is set."_s);
    if (targetCountry(account).isEmpty())
        problem(u"account.extra.country"_s, u"No country to target is known for the account."_s);

    // Pinterest publishes no minimum budget (its own answer names it); only sense is checked.
    if (input.budget.currency != account.currency)
        problem(u"budget.currency"_s, u"The budget is not in the ad account's currency."_s);
    else if (input.budget.micros <= 0)
        problem(u"budget.amount"_s, u"The budget must be a positive amount."_s);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (input.endAt.isValid() && input.endAt <= now)
        problem(u"schedule.endAt"_s, u"The schedule has already ended."_s);
    else if (input.endAt.isValid() && input.startAt.isValid() && input.endAt <= input.startAt)
        problem(u"schedule.endAt"_s, u"The schedule ends before it starts."_s);
    if (input.budgetType == BudgetType::Lifetime && !input.endAt.isValid())
        problem(u"schedule.endAt"_s, u"A lifetime budget needs an end date on Pinterest."_s);

    QStringList usedAudienceIds;
    for (const Audience &a : input.audiences) {
        const bool members = !a.definition.value(u"hashedEmails"_s).toArray().isEmpty();
        if (a.kind == AudienceKind::CustomerList && members)
            usedAudienceIds.append(a.id);
        else
            plan.warnings.append(QStringLiteral("Audience %1 left out on Pinterest: AdsDesk "
                                                "creates only customer lists with hashed emails "
                                                "there.").arg(a.id));
    }

    for (const Creative &c : input.creatives) {
        const QString why = whyNot(c);
        if (why.isEmpty())
            plan.usedCreativeIds.append(c.id);
        else
            plan.warnings.append(
                QStringLiteral("Creative %1 left out on Pinterest: %2.").arg(c.id, why));
    }
    if (plan.usedCreativeIds.isEmpty())
        problem(u"creativeIds"_s, u"None of the creatives fits Pinterest's Pins."_s);
    if (!plan.problems.isEmpty())
        return plan;

    const auto step = [&](const QString &key) {
        plan.steps.append(PlannedStep{key, key == u"activate" ? QString() : key,
                                      launchTag(input.campaignId, key)});
    };
    for (const QString &id : usedAudienceIds)
        step(u"audience:"_s + id);
    for (const QString &id : plan.usedCreativeIds) {
        if (findCreative(input, id)->kind == CreativeKind::Video)
            step(u"video:"_s + id);
    }
    step(u"campaign"_s);
    step(u"adgroup"_s);
    for (const QString &id : plan.usedCreativeIds)
        step(u"ad:"_s + id);
    step(u"activate"_s);
    return plan;
}

// ---------------------------------------------------------------------------------------------
// HTTP

QString PinterestConnector::apiPath(const QString &path) const
{
    return u'/' + apiVersion() + path;
}

QString PinterestConnector::accountPath(const ConnectorAccount &account, const QString &edge) const
{
    return apiPath(u"/ad_accounts/"_s + account.accountId + u'/' + edge);
}

void PinterestConnector::send(const QByteArray &verb, const QString &path, const Params &query,
                              const ConnectorAccount &account, const QJsonValue &body,
                              JsonCallback done)
{
    net::HttpCall call;
    call.verb = verb;
    call.request = QNetworkRequest(endpoint(path, query));
    call.request.setRawHeader("Authorization", "Bearer " + account.accessToken.toUtf8());
    if (verb != "GET") {
        call.request.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/json"));
        call.body = body.isArray()
            ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    const bool write = verb != "GET";
    qCDebug(lcNetPinterest) << verb << path;
    sendCall(std::move(call), [this, write, done](const net::HttpOutcome &o) {
        finish(o, write, done);
    });
}

void PinterestConnector::finish(const net::HttpOutcome &outcome, bool write,
                                const JsonCallback &done) const
{
    if (auto failure = net::transportFailure(outcome)) {
        qCWarning(lcNetPinterest) << "transport failure:" << failure->code;
        done(tl::unexpected(*failure));
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(outcome.body);
    if (outcome.status < 200 || outcome.status >= 300) {
        const PlatformError error = mapError(outcome.status, doc.object(), outcome.headers, write);
        qCWarning(lcNetPinterest) << "Pinterest error" << outcome.status << error.platformCode
                                  << error.code;
        done(tl::unexpected(error));
        return;
    }
    if (doc.isNull()) {
        done(tl::unexpected(unreadable(u"reply is not JSON"_s)));
        return;
    }
    done(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
}

void PinterestConnector::writeBatch(const QByteArray &verb, const ConnectorAccount &account,
                                    const QString &edge, const QJsonArray &items,
                                    std::function<void(PlatformResult<QJsonArray>)> done)
{
    const qsizetype sent = items.size();
    send(verb, accountPath(account, edge), {}, account, items,
         [sent, done](PlatformResult<QJsonValue> r) {
             const QJsonArray answered = r ? r->toObject().value(u"items"_s).toArray()
                                           : QJsonArray();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (answered.size() != sent)
                 done(tl::unexpected(unreadable(u"batch answer with a different item count"_s)));
             else
                 done(answered);
         });
}

void PinterestConnector::createOne(const ConnectorAccount &account, const QString &edge,
                                   const QJsonObject &item, const QString &type, StepCallback done)
{
    writeBatch("POST", account, edge, QJsonArray{item}, [type, done](PlatformResult<QJsonArray> r) {
        if (!r) {
            done(tl::unexpected(r.error()));
            return;
        }
        const QJsonObject answer = r->first().toObject();
        if (const auto exception = itemException(answer)) {
            done(tl::unexpected(mapError(0, *exception, {}, true)));
            return;
        }
        const QString id = net::idFromJson(answer.value(u"data"_s).toObject().value(u"id"_s));
        if (id.isEmpty())
            done(tl::unexpected(unreadable(u"created item without id"_s)));
        else
            done(StepOutcome{{{type, id}}});
    });
}

void PinterestConnector::findInPages(const ConnectorAccount &account, const QString &path,
                                     const Params &query, Matcher matches, FoundCallback done,
                                     int page, QString bookmark)
{
    Params pageQuery = query;
    pageQuery.append({u"page_size"_s, QString::number(kPageSize)});
    if (!bookmark.isEmpty())
        pageQuery.append({u"bookmark"_s, bookmark});
    send("GET", path, pageQuery, account, {},
         [this, account, path, query, matches, done, page, bookmark](PlatformResult<QJsonValue> r) {
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             const QJsonArray items = r->toObject().value(u"items"_s).toArray();
             for (const QJsonValue &v : items) {
                 if (matches(v.toObject())) {
                     done(std::optional<QJsonObject>(v.toObject()));
                     return;
                 }
             }
             const QString next = r->toObject().value(u"bookmark"_s).toString();
             // Defensive stops: empty page, no or repeated bookmark, page cap.
             if (items.isEmpty() || next.isEmpty() || next == bookmark || page + 1 >= kMaxPages) {
                 done(std::optional<QJsonObject>());
                 return;
             }
             findInPages(account, path, query, matches, done, page + 1, next);
         });
}

// ---------------------------------------------------------------------------------------------
// createStep

void PinterestConnector::createStep(const LaunchInput &input, const PlannedStep &step,
                                    const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString &key = step.key;
    if (key.startsWith(u"audience:"))
        createAudience(input, step, std::move(done));
    else if (key.startsWith(u"video:"))
        uploadVideo(input, step, std::move(done));
    else if (key == u"campaign")
        createCampaign(input, step, std::move(done));
    else if (key == u"adgroup")
        createAdGroup(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"ad:"))
        createAd(input, step, remoteIds, std::move(done));
    else if (key == u"activate")
        setStatuses(input.account, remoteIds, true, [done](PlatformResult<bool> r) {
            done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
        });
    else
        done(tl::unexpected(missing(QStringLiteral("Unknown step %1.").arg(key))));
}

void PinterestConnector::createAudience(const LaunchInput &input, const PlannedStep &step,
                                        StepCallback done)
{
    const QString audienceId = afterColon(step.key);
    QStringList records;
    for (const Audience &a : input.audiences) {
        if (a.id != audienceId)
            continue;
        for (const QJsonValue &v : a.definition.value(u"hashedEmails"_s).toArray())
            records.append(v.toString().trimmed().toLower());
    }
    // The documented flow: a customer list, then a CUSTOMER_LIST audience over it, which is
    // what targeting takes. Both ids are kept. The step makes two objects, so a re-run after a
    // failure between them first looks for the list it made last time instead of making another.
    const ConnectorAccount account = input.account;
    const QString name = nameFor(input, step);
    const QString tag = step.tag;
    const auto makeAudience = [this, account, name, audienceId, done](const QString &listId) {
        const QJsonObject audience{
            {u"ad_account_id"_s, account.accountId}, {u"name"_s, name},
            {u"audience_type"_s, u"CUSTOMER_LIST"_s},
            {u"rule"_s, QJsonObject{{u"customer_list_id"_s, listId}}}};
        send("POST", accountPath(account, u"audiences"_s), {}, account, audience,
             [audienceId, listId, done](PlatformResult<QJsonValue> a) {
                 const QString id = a ? net::idFromJson(a->toObject().value(u"id"_s)) : QString();
                 if (!a)
                     done(tl::unexpected(a.error()));
                 else if (id.isEmpty())
                     done(tl::unexpected(unreadable(u"audience without id"_s)));
                 else
                     done(StepOutcome{{{u"audience:"_s + audienceId, id},
                                       {u"customerlist:"_s + audienceId, listId}}});
             });
    };
    const auto makeList = [this, account, name, records, makeAudience, done] {
        const QJsonObject list{{u"name"_s, name}, {u"list_type"_s, u"EMAIL"_s},
                               {u"records"_s, records.join(u',')}};
        send("POST", accountPath(account, u"customer_lists"_s), {}, account, list,
             [makeAudience, done](PlatformResult<QJsonValue> r) {
                 const QString listId = r ? net::idFromJson(r->toObject().value(u"id"_s)) : QString();
                 if (!r || listId.isEmpty()) {
                     done(tl::unexpected(r ? unreadable(u"customer list without id"_s) : r.error()));
                     return;
                 }
                 makeAudience(listId);
             });
    };
    const auto ours = [tag](const QJsonObject &o) { return o.value(u"name"_s).toString().contains(tag); };
    findInPages(account, accountPath(account, u"customer_lists"_s), {}, ours,
                [makeList, makeAudience, done](PlatformResult<std::optional<QJsonObject>> found) {
                    if (!found) {
                        done(tl::unexpected(found.error()));
                        return;
                    }
                    const QString listId = *found ? net::idFromJson((*found)->value(u"id"_s)) : QString();
                    if (listId.isEmpty())
                        makeList();
                    else
                        makeAudience(listId);
                });
}

void PinterestConnector::uploadVideo(const LaunchInput &input, const PlannedStep &step,
                                     StepCallback done)
{
    const Creative *creative = findCreative(input, afterColon(step.key));
    const auto rendition = creative ? pickRendition(*creative) : std::nullopt;
    QString readError;
    const QByteArray bytes = rendition ? net::readRendition(rendition->path, &readError)
                                       : QByteArray();
    if (bytes.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                           u"The creative's video could not be read."_s, {},
                                           readError)));
        return;
    }
    // Register the upload, POST the file to the storage URL with the form fields Pinterest
    // hands out (no Pinterest token goes there), then wait until Pinterest has processed it.
    const ConnectorAccount account = input.account;
    const QString type = step.objectType;
    const QString mime = rendition->mimeType;
    send("POST", apiPath(u"/media"_s), {}, account, QJsonObject{{u"media_type"_s, u"video"_s}},
         [this, account, bytes, mime, type, done](PlatformResult<QJsonValue> r) {
             const QJsonObject media = r ? r->toObject() : QJsonObject();
             const QString mediaId = net::idFromJson(media.value(u"media_id"_s));
             const QUrl uploadUrl(media.value(u"upload_url"_s).toString());
             if (!r) {
                 done(tl::unexpected(r.error()));
                 return;
             }
             if (mediaId.isEmpty() || !uploadUrl.isValid()) {
                 done(tl::unexpected(unreadable(u"media registration without id or URL"_s)));
                 return;
             }
             auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
             const QJsonObject fields = media.value(u"upload_parameters"_s).toObject();
             for (auto it = fields.begin(); it != fields.end(); ++it) {
                 QHttpPart part;
                 part.setHeader(QNetworkRequest::ContentDispositionHeader,
                                QStringLiteral("form-data; name=\"%1\"").arg(it.key()));
                 part.setBody(it.value().toString().toUtf8());
                 form->append(part);
             }
             QHttpPart file;
             file.setHeader(QNetworkRequest::ContentDispositionHeader,
                            u"form-data; name=\"file\"; filename=\"video\""_s);
             file.setHeader(QNetworkRequest::ContentTypeHeader, mime);
             file.setBody(bytes);
             form->append(file);
             net::HttpCall call;
             call.verb = "POST";
             call.request = QNetworkRequest(uploadUrl);
             call.multipart = form;
             const auto uploaded = [this, account, mediaId, type, done](const net::HttpOutcome &o) {
                 if (auto failure = net::transportFailure(o)) {
                     done(tl::unexpected(*failure));
                     return;
                 }
                 if (o.status < 200 || o.status >= 300) {
                     // Storage answers plain HTTP: a 429 or a 5xx is worth another try.
                     done(tl::unexpected(net::statusFailure(
                         o, u"upload_failed"_s, u"The video upload to Pinterest's storage failed."_s)));
                     return;
                 }
                 pollVideo(account, mediaId, type, 0, done);
             };
             sendCall(std::move(call), uploaded);
         });
}

void PinterestConnector::pollVideo(const ConnectorAccount &account, const QString &mediaId,
                                   const QString &type, int attempt, StepCallback done)
{
    send("GET", apiPath(u"/media/"_s + mediaId), {}, account, {},
         [this, account, mediaId, type, attempt, done](PlatformResult<QJsonValue> r) {
             const QString status = r ? r->toObject().value(u"status"_s).toString() : QString();
             if (!r) {
                 done(tl::unexpected(r.error()));
             } else if (status == u"succeeded") {
                 done(StepOutcome{{{type, mediaId}}});
             } else if (status == u"failed") {
                 done(tl::unexpected(net::makeError(FailureKind::Permanent, u"media_rejected"_s,
                                                    u"Pinterest could not process the video."_s)));
             } else if (attempt + 1 >= kMaxPolls) {
                 // Known limit: a retry of this step uploads the video again.
                 done(tl::unexpected(net::makeError(FailureKind::Transient, u"media_processing"_s,
                                                    u"Pinterest is still processing the "
                                                    "video."_s)));
             } else {
                 QTimer::singleShot(m_pollMs, this, [this, account, mediaId, type, attempt, done] {
                     pollVideo(account, mediaId, type, attempt + 1, done);
                 });
             }
         });
}

void PinterestConnector::createPin(const LaunchInput &input, const Creative &creative,
                                   const QMap<QString, QString> &remoteIds,
                                   std::function<void(PlatformResult<QString>)> done)
{
    const auto rendition = pickRendition(creative);
    if (!rendition) {
        done(tl::unexpected(missing(u"The creative has no file Pinterest takes."_s)));
        return;
    }
    QJsonObject source;
    if (creative.kind == CreativeKind::Video) {
        source = {{u"source_type"_s, u"video_id"_s},
                  {u"media_id"_s, remoteIds.value(u"video:"_s + creative.id)},
                  {u"cover_image_key_frame_time"_s, 0}};
    } else {
        QString readError;
        const QByteArray bytes = net::readRendition(rendition->path, &readError);
        if (bytes.isEmpty()) {
            done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                               u"The creative's image could not be read."_s, {},
                                               readError)));
            return;
        }
        source = {{u"source_type"_s, u"image_base64"_s},
                  {u"content_type"_s, rendition->mimeType},
                  {u"data"_s, QString::fromLatin1(bytes.toBase64())}};
    }
    // Pins carry no name we can tag: the Pin is made in its ad's step, which is found by the
    // ad's tag. A Pin whose ad was never made is made again (a spare on the account's board,
    // which never spends).
    const QJsonObject pin{{u"board_id"_s, input.account.extra.value(u"boardId"_s)},
                          {u"title"_s, creative.headline},
                          {u"description"_s, creative.description},
                          {u"link"_s, creative.destinationUrl},
                          {u"alt_text"_s, creative.headline},
                          {u"media_source"_s, source}};
    send("POST", apiPath(u"/pins"_s), {{u"ad_account_id"_s, input.account.accountId}},
         input.account, pin, [done](PlatformResult<QJsonValue> r) {
             const QString id = r ? net::idFromJson(r->toObject().value(u"id"_s)) : QString();
             if (!r)
                 done(tl::unexpected(r.error()));
             else if (id.isEmpty())
                 done(tl::unexpected(unreadable(u"Pin without id"_s)));
             else
                 done(id);
         });
}

void PinterestConnector::createCampaign(const LaunchInput &input, const PlannedStep &step,
                                        StepCallback done)
{
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    // The budget sits on the ad group (no campaign budget optimisation): one ad group per
    // campaign, so the two are the same, and ad group budgets keep their own schedule.
    QJsonObject campaign{{u"ad_account_id"_s, input.account.accountId},
                         {u"name"_s, nameFor(input, step)},
                         {u"objective_type"_s, spec.objective},
                         {u"status"_s, u"PAUSED"_s},
                         {u"is_campaign_budget_optimization"_s, false}};
    if (input.startAt.isValid() && input.startAt > QDateTime::currentDateTimeUtc())
        campaign.insert(u"start_time"_s, unixSeconds(input.startAt));
    if (input.endAt.isValid())
        campaign.insert(u"end_time"_s, unixSeconds(input.endAt));
    createOne(input.account, u"campaigns"_s, campaign, step.objectType, std::move(done));
}

void PinterestConnector::createAdGroup(const LaunchInput &input, const PlannedStep &step,
                                       const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const ObjectiveSpec spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const ConnectorAccount &account = input.account;
    QJsonArray audiences;
    for (const Audience &a : input.audiences) {
        const QString id = remoteIds.value(u"audience:"_s + a.id);
        if (!id.isEmpty())
            audiences.append(id);
    }
    QJsonObject targeting{{u"LOCATION"_s, QJsonArray{targetCountry(account)}}};
    if (!audiences.isEmpty())
        targeting.insert(u"AUDIENCE_INCLUDE"_s, audiences);

    QJsonObject group{
        {u"campaign_id"_s, remoteIds.value(u"campaign"_s)},
        {u"name"_s, nameFor(input, step)},
        {u"status"_s, u"PAUSED"_s},
        {u"billable_event"_s, spec.billableEvent},
        {u"budget_in_micro_currency"_s, input.budget.micros},
        {u"budget_type"_s, input.budgetType == BudgetType::Daily ? u"DAILY"_s : u"LIFETIME"_s},
        {u"targeting_spec"_s, targeting},
        {u"auto_targeting_enabled"_s, false}};
    if (spec.conversionEvent.isEmpty()) {
        // IMPRESSION and CLICKTHROUGH billing need a bid; the account's maximum is used.
        group.insert(u"bid_strategy_type"_s, u"MAX_BID"_s);
        group.insert(u"bid_in_micro_currency"_s,
                     account.extra.value(u"bidMicros"_s).toLongLong());
    } else {
        const QJsonObject goal{
            {u"conversion_tag_id"_s, account.extra.value(u"conversionTagId"_s)},
            {u"conversion_event"_s, spec.conversionEvent},
            {u"attribution_windows"_s, QJsonObject{{u"click_window_days"_s, 30},
                                                   {u"engagement_window_days"_s, 30},
                                                   {u"view_window_days"_s, 1}}}};
        group.insert(u"bid_strategy_type"_s, u"AUTOMATIC_BID"_s);
        group.insert(u"optimization_goal_metadata"_s,
                     QJsonObject{{u"conversion_tag_v3_goal_metadata"_s, goal}});
    }
    if (input.startAt.isValid() && input.startAt > QDateTime::currentDateTimeUtc())
        group.insert(u"start_time"_s, unixSeconds(input.startAt));
    if (input.endAt.isValid())
        group.insert(u"end_time"_s, unixSeconds(input.endAt));
    createOne(account, u"ad_groups"_s, group, step.objectType, std::move(done));
}

void PinterestConnector::createAd(const LaunchInput &input, const PlannedStep &step,
                                  const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const Creative *c = findCreative(input, afterColon(step.key));
    if (!c) {
        done(tl::unexpected(missing(u"The creative is not part of this campaign."_s)));
        return;
    }
    const QString pinKey = u"pin:"_s + c->id;
    QJsonObject ad{
        {u"ad_group_id"_s, remoteIds.value(u"adgroup"_s)},
        {u"creative_type"_s, c->kind == CreativeKind::Video ? u"VIDEO"_s : u"REGULAR"_s},
        {u"name"_s, nameFor(input, step)},
        {u"destination_url"_s, c->destinationUrl},
        {u"status"_s, u"PAUSED"_s}};
    const ConnectorAccount account = input.account;
    const QString type = step.objectType;
    createPin(input, *c, remoteIds,
              [this, account, ad, pinKey, type, done](PlatformResult<QString> pin) mutable {
                  if (!pin) {
                      done(tl::unexpected(pin.error()));
                      return;
                  }
                  ad.insert(u"pin_id"_s, *pin);
                  const QString pinId = *pin;
                  createOne(account, u"ads"_s, ad, type,
                            [pinKey, pinId, done](PlatformResult<StepOutcome> r) {
                                if (r)
                                    r->remoteIds.insert(pinKey, pinId);
                                done(r);
                            });
              });
}

// ---------------------------------------------------------------------------------------------
// findStep, setDelivery

void PinterestConnector::findStep(const LaunchInput &input, const PlannedStep &step,
                                  const QMap<QString, QString> &remoteIds, FindCallback done)
{
    const QString &key = step.key;
    const ConnectorAccount &account = input.account;
    QString edge;
    Params query{{u"entity_statuses"_s, kLiveStatuses}, {u"order"_s, u"DESCENDING"_s}};
    if (key == u"campaign") {
        edge = u"campaigns"_s;
    } else if (key == u"adgroup" && !remoteIds.value(u"campaign"_s).isEmpty()) {
        edge = u"ad_groups"_s;
        query.prepend({u"campaign_ids"_s, remoteIds.value(u"campaign"_s)});
    } else if (key.startsWith(u"ad:") && !remoteIds.value(u"adgroup"_s).isEmpty()) {
        edge = u"ads"_s;
        query.prepend({u"ad_group_ids"_s, remoteIds.value(u"adgroup"_s)});
    } else if (key.startsWith(u"audience:")) {
        edge = u"audiences"_s;
        query = {{u"ownership_type"_s, u"OWNED"_s}};
    } else {
        // Video uploads carry no name to find them by; activate is idempotent.
        done(std::optional<StepOutcome>());
        return;
    }
    // The listing is re-checked here: the tag in the name, nothing archived or deleted.
    const QString tag = step.tag;
    const auto matches = [tag](const QJsonObject &o) {
        const QString status = o.value(u"status"_s).toString();
        return o.value(u"name"_s).toString().contains(tag) && status != u"ARCHIVED"
            && status != u"DELETED_DRAFT";
    };
    const QString type = step.objectType;
    const QString audienceId = afterColon(key);
    findInPages(account, accountPath(account, edge), query, matches,
                [type, audienceId, done](PlatformResult<std::optional<QJsonObject>> r) {
                    if (!r) {
                        done(tl::unexpected(r.error()));
                        return;
                    }
                    const QString id = *r ? net::idFromJson((*r)->value(u"id"_s)) : QString();
                    if (id.isEmpty()) {
                        done(std::optional<StepOutcome>());
                        return;
                    }
                    StepOutcome found{{{type, id}}};
                    // An ad's step also made its Pin; the ad names it.
                    const QString pin = net::idFromJson((*r)->value(u"pin_id"_s));
                    if (type.startsWith(u"ad:") && !pin.isEmpty())
                        found.remoteIds.insert(u"pin:"_s + afterColon(type), pin);
                    const QString list = net::idFromJson(
                        (*r)->value(u"rule"_s).toObject().value(u"customer_list_id"_s));
                    if (type.startsWith(u"audience:") && !list.isEmpty())
                        found.remoteIds.insert(u"customerlist:"_s + audienceId, list);
                    done(std::optional<StepOutcome>(found));
                });
}

void PinterestConnector::setStatuses(const ConnectorAccount &account,
                                     const QMap<QString, QString> &remoteIds, bool active,
                                     DoneCallback done)
{
    const QString campaign = remoteIds.value(u"campaign"_s);
    if (campaign.isEmpty()) {
        done(tl::unexpected(missing(u"No Pinterest campaign is known for this campaign."_s)));
        return;
    }
    const QString status = active ? u"ACTIVE"_s : u"PAUSED"_s;
    QJsonArray ads;
    for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it) {
        if (it.key().startsWith(u"ad:"))
            ads.append(QJsonObject{{u"id"_s, it.value()}, {u"status"_s, status}});
    }
    QList<QPair<QString, QJsonArray>> batches;
    // On: ads, then the ad group, then the campaign. Off: the campaign stops everything.
    if (active) {
        for (qsizetype i = 0; i < ads.size(); i += kBatchLimit) {
            QJsonArray batch;
            for (qsizetype j = i; j < std::min(ads.size(), i + kBatchLimit); ++j)
                batch.append(ads.at(j));
            batches.append({u"ads"_s, batch});
        }
        if (!remoteIds.value(u"adgroup"_s).isEmpty())
            batches.append({u"ad_groups"_s, QJsonArray{QJsonObject{
                                                {u"id"_s, remoteIds.value(u"adgroup"_s)},
                                                {u"status"_s, status}}}});
    }
    batches.append({u"campaigns"_s, QJsonArray{QJsonObject{{u"id"_s, campaign},
                                                           {u"ad_account_id"_s, account.accountId},
                                                           {u"status"_s, status}}}});
    QList<ChainLink> links;
    for (const auto &[edge, items] : batches) {
        links.append([this, account, edge, items](auto next) {
            writeBatch("PATCH", account, edge, items, [next](PlatformResult<QJsonArray> r) {
                if (!r) {
                    next(r.error());
                    return;
                }
                for (const QJsonValue &item : *r) {
                    if (const auto exception = itemException(item.toObject())) {
                        next(mapError(0, *exception, {}, true));
                        return;
                    }
                }
                next(std::nullopt);
            });
        });
    }
    runDoneChain(links, done);
}

void PinterestConnector::setDelivery(const ConnectorAccount &account,
                                     const QMap<QString, QString> &remoteIds, bool active,
                                     DoneCallback done)
{
    setStatuses(account, remoteIds, active, std::move(done));
}

// ---------------------------------------------------------------------------------------------
// fetchDailyReport

void PinterestConnector::fetchDailyReport(const ConnectorAccount &account,
                                          const QStringList &remoteCampaignIds, const QDate &from,
                                          const QDate &to, ReportCallback done)
{
    // Pinterest answers for the last 90 days only; older days are not asked for.
    const QDate oldest = QDateTime::currentDateTimeUtc().date().addDays(-(kReportWindowDays - 1));
    const QDate start = std::max(from, oldest);
    if (start != from && start <= to)
        qCInfo(lcNetPinterest) << "report starts at" << start << "instead of" << from;
    auto rows = std::make_shared<ReportRows>();
    const ReportStep window = [this, account, rows](auto ids, auto since, auto until, auto next) {
        reportWindow(account, ids, since, until, rows, next);
    };
    runReportSteps(remoteCampaignIds, start, to, {kReportWindowDays, kReportIdsPerCall}, window, rows,
                   std::move(done));
}

void PinterestConnector::reportWindow(const ConnectorAccount &account, const QStringList &ids,
                                      const QDate &from, const QDate &to,
                                      std::shared_ptr<ReportRows> rows, ErrorCallback done)
{
    const Params query = {
        {u"start_date"_s, from.toString(Qt::ISODate)},
        {u"end_date"_s, to.toString(Qt::ISODate)},
        {u"campaign_ids"_s, ids.join(u',')},
        {u"columns"_s, u"SPEND_IN_MICRO_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,TOTAL_CONVERSIONS,"
                       "TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR"_s},
        {u"granularity"_s, u"DAY"_s},
    };
    // The synchronous analytics answer is one bare array: there are no pages to follow.
    send("GET", accountPath(account, u"campaigns/analytics"_s), query, account, {},
         [account, rows, done](PlatformResult<QJsonValue> r) {
             if (!r) {
                 done(r.error());
                 return;
             }
             if (!r->isArray()) {
                 done(unreadable(u"analytics answer is not a list"_s));
                 return;
             }
             for (const QJsonValue &v : r->toArray()) {
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
