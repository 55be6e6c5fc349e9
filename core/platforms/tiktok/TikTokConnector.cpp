#include "core/platforms/tiktok/TikTokConnector.h"

#include "core/Logging.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace ads::core {

using namespace Qt::StringLiterals;
using net::Params;

namespace {

constexpr int kMaxName = 512;  // campaign, ad group and ad names; wide characters count 2
constexpr int kMaxAdText = 100;
constexpr int kMaxFileName = 100; // material file_name: 1-100 characters
constexpr int kPageSize = 100;
constexpr int kReportPageSize = 1000;
constexpr int kReportWindowDays = 30; // daily reports cover at most 30 days per request
constexpr int kHourlyWindowDays = 1;  // hourly reports cover one day per request (tiktok.md 4.1)
constexpr int kReportIdsPerFilter = 100; // an id filter takes at most 100 ids
constexpr int kStatusBatch = 20;      // status updates take 1-20 ids
constexpr int kThrottleSeconds = 60;  // TikTok sends no retry hint; QPM limits clear in minutes

struct ObjectiveSpec
{
    QString objective;
    QString goal;
    QString billing;
    QString event;        // non-empty: optimises for a pixel event
    bool website = true;  // sends promotion_type WEBSITE
    bool videoOnly = false;
    QString virtualObjective;
};

std::optional<ObjectiveSpec> objectiveSpec(Objective objective)
{
    switch (objective) {
    case Objective::Awareness:
        return ObjectiveSpec{u"REACH"_s, u"REACH"_s, u"CPM"_s, {}, false, false, {}};
    case Objective::Traffic:
        return ObjectiveSpec{u"TRAFFIC"_s, u"CLICK"_s, u"CPC"_s, {}, true, false, {}};
    case Objective::Engagement:
        return ObjectiveSpec{u"VIDEO_VIEWS"_s, u"VIDEO_VIEW"_s, u"CPV"_s, {}, false, true, {}};
    // Website leads and sales with the pixel: the event names are TikTok's standard events,
    // which the reference does not list (unconfirmed); instant forms are not built.
    case Objective::Leads:
        return ObjectiveSpec{u"LEAD_GENERATION"_s, u"LEAD_GENERATION"_s, u"OCPM"_s,
                             u"SUBMIT_FORM"_s, true, false, {}};
    case Objective::Conversions:
        return ObjectiveSpec{u"WEB_CONVERSIONS"_s, u"CONVERT"_s, u"OCPM"_s,
                             u"COMPLETE_PAYMENT"_s, true, false, {}};
    case Objective::Sales:
        return ObjectiveSpec{u"WEB_CONVERSIONS"_s, u"CONVERT"_s, u"OCPM"_s,
                             u"COMPLETE_PAYMENT"_s, true, false, u"SALES"_s};
    case Objective::AppInstalls:
        return std::nullopt; // needs an app id and store listing
    }
    return std::nullopt;
}

// GeoNames country ids, which TikTok uses as location ids (secondary source). Campaigns carry no
// geography yet; the ad account's time zone names the country. Others are refused in plan().
QString locationId(const QString &country)
{
    static const QHash<QString, QString> ids = {
        {u"US"_s, u"6252001"_s}, {u"CA"_s, u"6251999"_s}, {u"GB"_s, u"2635167"_s},
        {u"DE"_s, u"2921044"_s}, {u"FR"_s, u"3017382"_s}, {u"ES"_s, u"2510769"_s},
        {u"IT"_s, u"3175395"_s}, {u"NL"_s, u"2750405"_s}, {u"AU"_s, u"2077456"_s},
        {u"JP"_s, u"1861060"_s}, {u"BR"_s, u"3469034"_s}, {u"MX"_s, u"3996063"_s}};
    return ids.value(country);
}

QString accountLocation(const ConnectorAccount &account)
{
    const QTimeZone zone(account.timeZone.toUtf8());
    if (!zone.isValid())
        return {};
    return locationId(QLocale::territoryToCode(zone.territory()));
}

bool videoType(const QString &mime)
{
    static const QStringList types = {u"video/mp4"_s, u"video/quicktime"_s, u"video/mpeg"_s,
                                      u"video/3gpp"_s, u"video/x-msvideo"_s};
    return types.contains(mime);
}

std::optional<Rendition> pickVideo(const Creative &c)
{
    struct Rule { double w, h; int minW, minH; };
    constexpr Rule rules[] = {{9, 16, 540, 960}, {1, 1, 640, 640}, {16, 9, 960, 540}};
    for (const Rule &rule : rules) {
        for (const Rendition &r : c.renditions) {
            const bool fits = videoType(r.mimeType) && net::ratioNear(r, rule.w, rule.h, 0.03)
                && r.width >= rule.minW && r.height >= rule.minH && r.durationMs >= 5'000
                && r.durationMs <= 60'000 && r.bytes <= 500LL * 1024 * 1024;
            if (fits)
                return r;
        }
    }
    return std::nullopt;
}

bool stillImageType(const QString &mime)
{
    return mime == u"image/jpeg" || mime == u"image/png";
}

// A video ad's cover must have the video's aspect ratio. The creative's poster frame is used
// when it has one, so the cover does not depend on TikTok fetching a signed URL.
std::optional<Rendition> pickPoster(const Creative &c)
{
    const auto video = pickVideo(c);
    if (!video)
        return std::nullopt;
    for (const Rendition &r : c.renditions) {
        if (stillImageType(r.mimeType) && net::ratioNear(r, net::aspectOf(*video), 1, 0.01))
            return r;
    }
    return std::nullopt;
}

// Image sizes for Pangle are unconfirmed; the common 1.91:1, 1:1 and 9:16 shapes are taken.
std::optional<Rendition> pickImage(const Creative &c)
{
    for (const Rendition &r : c.renditions) {
        const bool type = stillImageType(r.mimeType);
        const bool shape = net::ratioNear(r, 1.91, 1, 0.03) || net::ratioNear(r, 1, 1, 0.03)
            || net::ratioNear(r, 9, 16, 0.03);
        if (type && shape)
            return r;
    }
    return std::nullopt;
}

QString adText(const Creative &c)
{
    return c.description.isEmpty() ? c.headline : c.description;
}

QString callToAction(const QString &generic)
{
    static const QHash<QString, QString> map = {
        {u"learn_more"_s, u"LEARN_MORE"_s}, {u"shop_now"_s, u"SHOP_NOW"_s},
        {u"sign_up"_s, u"SIGN_UP"_s}, {u"download"_s, u"DOWNLOAD_NOW"_s},
        {u"book_now"_s, u"BOOK_NOW"_s}, {u"contact_us"_s, u"CONTACT_US"_s},
        {u"get_quote"_s, u"GET_QUOTE"_s}, {u"subscribe"_s, u"SUBSCRIBE"_s},
        {u"apply_now"_s, u"APPLY_NOW"_s}, {u"order_now"_s, u"ORDER_NOW"_s}};
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

// Which creatives run: TikTok's own feed takes videos only; images run on Pangle. One ad group
// has one placement set, so images are used only when no video fits.
QStringList usedCreatives(const LaunchInput &input, QStringList *warnings)
{
    QStringList videos;
    QStringList images;
    for (const Creative &c : input.creatives) {
        const int length = net::textLength(adText(c), net::TextCount::WideAsTwo);
        QString why;
        if (!c.destinationUrl.startsWith(u"http"))
            why = u"no landing page"_s;
        else if (length < 1 || length > kMaxAdText)
            why = u"the ad text must have 1 to 100 characters (wide characters count 2)"_s;
        else if (net::containsEmoji(adText(c)))
            why = u"TikTok refuses emoji in ad text"_s;
        else if (c.kind == CreativeKind::Video && !pickVideo(c))
            why = u"no 9:16, 1:1 or 16:9 video of 5 to 60 seconds in a size TikTok takes"_s;
        else if (c.kind == CreativeKind::Image && !pickImage(c))
            why = u"no JPEG or PNG image in a shape TikTok takes"_s;
        if (!why.isEmpty() && warnings)
            warnings->append(QStringLiteral("Creative %1 left out on TikTok: %2.").arg(c.id, why));
        else if (why.isEmpty())
            (c.kind == CreativeKind::Video ? videos : images).append(c.id);
    }
    if (!videos.isEmpty() && !images.isEmpty() && warnings) {
        for (const QString &id : images)
            warnings->append(QStringLiteral("Creative %1 left out on TikTok: image ads do not run "
                                            "in the TikTok feed next to this campaign's videos.")
                                 .arg(id));
    }
    return videos.isEmpty() ? images : videos;
}

// A stable 64-bit idempotency key per object, so a retried create cannot make a second one.
QString requestId(const QString &tag)
{
    const QByteArray hash = QCryptographicHash::hash(tag.toUtf8(), QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(hash.at(i));
    return QString::number(value & 0x7FFFFFFFFFFFFFFFULL);
}

// file_name is unique per advertiser (a repeat is refused with 40911) and takes 1-100
// characters. Made from the step's tag, it differs between campaigns and steps and is the same
// on every run of one step, so a re-run meets its own upload. Which characters TikTok allows is
// not documented: only letters, digits, '-' and '_' are used, and a hash of the whole tag keeps
// shortened or rewritten tags apart.
QString materialName(const QString &tag)
{
    QString base;
    for (const QChar c : tag) {
        const bool plain = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-';
        base += plain ? c : u'_';
    }
    base = base.split(u'_', Qt::SkipEmptyParts).join(u'_');
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(tag.toUtf8(), QCryptographicHash::Sha256).toHex().left(10));
    return base.left(kMaxFileName - hash.size() - 1) + u'_' + hash;
}

QString utcText(const QDateTime &at)
{
    return at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString nameFor(const LaunchInput &input, const PlannedStep &step)
{
    return net::taggedName(input.campaignName, step.tag, kMaxName, net::TextCount::WideAsTwo);
}

PlatformError unreadable(const QString &what)
{
    return net::makeError(FailureKind::Permanent, u"unreadable_reply"_s,
                          u"TikTok answered in a form we could not read."_s, {}, what);
}

bool inRange(int code, int low, int high)
{
    return code >= low && code <= high;
}

PlatformError mapError(int code, const QString &message, bool write)
{
    const QString platformCode = QString::number(code);
    const auto make = [&](FailureKind kind, const QString &ours, const QString &words, int retry) {
        return net::makeError(kind, ours, words, platformCode, message, retry);
    };
    if (code == 40102 || code == 40105 || code == 40114)
        return make(FailureKind::Auth, u"auth_expired"_s,
                    u"The TikTok authorisation ended. Reconnect the account."_s, -1);
    if (code == 40001 || code == 40130)
        return make(FailureKind::Auth, u"permission_denied"_s,
                    u"The TikTok authorisation lacks a permission. Reconnect the account."_s, -1);
    if (code == 40100 || code == 40016 || code == 40132 || code == 40133 || code == 61000)
        return make(FailureKind::RateLimited, u"rate_limited"_s, u"TikTok asked us to slow down."_s,
                    kThrottleSeconds);
    if (code == 50002 || code == 40050) {
        // A server-side timeout, or a duplicate of an earlier request: the object may exist.
        return make(write ? FailureKind::UnknownOutcome : FailureKind::Transient, u"timeout"_s,
                    u"TikTok could not confirm the change."_s, -1);
    }
    const bool transient = code == 40200 || code == 40201 || code == 40202 || code == 40700
        || inRange(code, 40901, 40903) || code == 40913 || code == 40914 || code == 50000
        || inRange(code, 51000, 51099) || code == 51305 || inRange(code, 52000, 53103)
        || code == 60001;
    if (transient)
        return make(FailureKind::Transient, u"server_error"_s,
                    u"TikTok had a temporary problem."_s, -1);
    if (code == 41000)
        return make(FailureKind::Permanent, u"policy_rejected"_s, message, -1);
    return make(FailureKind::Permanent, u"invalid_field"_s,
                message.isEmpty() ? u"TikTok refused the request."_s : message, -1);
}

QString firstId(const QJsonValue &data, const QString &key)
{
    // Some endpoints answer with an object, uploads with an array of one object.
    const QJsonObject object = data.isArray() ? data.toArray().first().toObject() : data.toObject();
    return net::idFromJson(object.value(key));
}

/**
 * The day and hour of stat_time_hour, "YYYY-MM-DD HH:00:00" in the advertiser's fixed-offset zone
 * (tiktok.md 4.1): every day has hours 0..23, none repeats. False when the text is not that.
 */
bool readStatHour(const QString &text, ReportRow *row)
{
    static const QRegularExpression format(u"^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}):00:00$"_s);
    const QRegularExpressionMatch match = format.match(text);
    if (!match.hasMatch())
        return false;
    row->day = QDate::fromString(match.captured(1), Qt::ISODate);
    row->hour = match.captured(2).toInt();
    return row->day.isValid() && row->hour <= 23;
}

std::optional<ReportRow> parseReportRow(const QJsonObject &item, const ConnectorAccount &account, bool hourly)
{
    const QJsonObject dims = item.value(u"dimensions"_s).toObject();
    const QJsonObject metrics = item.value(u"metrics"_s).toObject();
    ReportRow row;
    row.remoteCampaignId = net::idFromJson(dims.value(u"campaign_id"_s));
    // "YYYY-MM-DD 00:00:00" in the advertiser's (fixed-offset) zone, kept as is.
    if (hourly && !readStatHour(dims.value(u"stat_time_hour"_s).toString(), &row))
        return std::nullopt;
    if (!hourly)
        row.day = QDate::fromString(dims.value(u"stat_time_day"_s).toString().left(10), Qt::ISODate);
    row.timeZone = account.timeZone;
    row.currency = account.currency;
    // Metrics are strings in major units ("-" or "" for no value); a JPY "1234" is 1234 yen.
    static const MetricFields fields{u"impressions"_s, u"clicks"_s, u"spend"_s, u"conversion"_s,
                                     u"total_purchase_value"_s};
    const bool ok = !row.remoteCampaignId.isEmpty() && row.day.isValid() && readMetrics(metrics, fields, &row);
    return ok ? std::optional<ReportRow>(row) : std::nullopt;
}

// Pages are numbered from 1. The next page follows the page the reply says it is, so a server that
// keeps answering the same page repeats its cursor instead of walking on forever.
PlatformResult<ReportPage> reportPage(const QJsonObject &data, int askedPage, const ConnectorAccount &account,
                                      bool hourly)
{
    ReportPage page;
    for (const QJsonValue &v : data.value(u"list"_s).toArray()) {
        const auto row = parseReportRow(v.toObject(), account, hourly);
        if (!row)
            return tl::unexpected(unreadable(u"report row"_s));
        page.rows.append(*row);
    }
    const QJsonObject info = data.value(u"page_info"_s).toObject();
    const int answered = info.value(u"page"_s).toInt(askedPage);
    if (answered < info.value(u"total_page"_s).toInt())
        page.nextCursor = QString::number(answered + 1);
    return page;
}

} // namespace

TikTokConnector::TikTokConnector(QNetworkAccessManager *nam, QUrl baseUrl, QObject *parent)
    : ConnectorBase(nam, std::move(baseUrl), kDefaultVersion, parent)
{
}

// ---------------------------------------------------------------------------------------------
// plan

LaunchPlan TikTokConnector::plan(const LaunchInput &input) const
{
    LaunchPlan plan;
    const auto problem = [&](const QString &field, const QString &message) {
        plan.problems.append(FieldError{field, message});
    };
    const ConnectorAccount &account = input.account;
    const auto spec = objectiveSpec(input.objective);

    if (!spec)
        problem(u"objective"_s, u"TikTok promotes apps only with an app id; these creatives link "
                                "to a website."_s);
    else if (!spec->event.isEmpty() && account.extra.value(u"pixelId"_s).isEmpty())
        problem(u"account.extra.pixelId"_s, u"This objective needs the TikTok pixel id."_s);
    if (account.extra.value(u"identityId"_s).isEmpty())
        problem(u"account.extra.identityId"_s, u"TikTok ads need an identity to post as."_s);
    static const QRegularExpression advertiser(u"^\\d{16,19}$"_s);
    if (!advertiser.match(account.accountId).hasMatch())
        problem(u"account.accountId"_s, u"A TikTok advertiser id is a 16 to 19 digit number."_s);
    if (accountLocation(account).isEmpty())
        problem(u"account.timeZone"_s, u"No TikTok location is known for the account's country."_s);

    // Budgets are decimals in major units; they must not be finer than the currency's coins.
    bool exact = false;
    money::toScaledUnits(input.budget.micros, std::max(money::minorDigits(input.budget.currency), 0),
                         &exact);
    if (input.budget.currency != account.currency)
        problem(u"budget.currency"_s, u"The budget is not in the advertiser's currency."_s);
    else if (input.budget.micros <= 0 || !exact)
        problem(u"budget.amount"_s, u"The budget must be a positive amount in whole cents."_s);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (input.endAt.isValid() && input.endAt <= now)
        problem(u"schedule.endAt"_s, u"The schedule has already ended."_s);
    else if (input.endAt.isValid() && input.startAt.isValid() && input.endAt <= input.startAt)
        problem(u"schedule.endAt"_s, u"The schedule ends before it starts."_s);
    if (input.budgetType == BudgetType::Lifetime && !input.endAt.isValid())
        problem(u"schedule.endAt"_s, u"A lifetime budget needs an end date on TikTok."_s);

    // Minimums are known in USD only: 50 a day for a campaign budget, 20 a day for an ad group
    // (times the days of a lifetime budget). TikTok keeps a table per currency whose values we do
    // not have (unconfirmed, tiktok.md 6.1): another currency below the same number of units gets
    // a warning, and TikTok's own check decides.
    if (input.budget.micros > 0) {
        qint64 minimum = 50 * money::kMicrosPerUnit;
        if (input.budgetType == BudgetType::Lifetime && input.endAt.isValid()) {
            const QDateTime start = std::max(input.startAt.isValid() ? input.startAt : now, now);
            const qint64 days = std::max<qint64>(1, (start.secsTo(input.endAt) + 86'399) / 86'400);
            minimum = 20 * money::kMicrosPerUnit * days;
        }
        const QString currency = input.budget.currency;
        if (input.budget.micros < minimum && currency == u"USD")
            problem(u"budget.amount"_s, QStringLiteral("TikTok needs at least %1 USD for this "
                                                       "budget.").arg(money::toDecimal(minimum)));
        else if (input.budget.micros < minimum)
            plan.warnings.append(QStringLiteral("TikTok's minimum budget in %1 is not known to AdsDesk; in USD it "
                                                "is %2, and TikTok may refuse %3 %1 at launch.")
                                     .arg(currency, money::toDecimal(minimum), money::toDecimal(input.budget.micros)));
    }

    // An audience AdsDesk cannot create here is left out with a warning, as a creative would be.
    QStringList usedAudienceIds;
    for (const Audience &audience : input.audiences) {
        const bool hasMembers = !audience.definition.value(u"hashedEmails"_s).toArray().isEmpty();
        if (audience.kind != AudienceKind::CustomerList)
            plan.warnings.append(QStringLiteral("Audience %1 left out on TikTok: AdsDesk creates only "
                                                "customer lists there yet.").arg(audience.id));
        else if (!hasMembers)
            plan.warnings.append(QStringLiteral("Audience %1 left out on TikTok: TikTok creates a "
                                                "customer list only from its hashed emails, and it "
                                                "has none.").arg(audience.id));
        else
            usedAudienceIds.append(audience.id);
    }

    plan.usedCreativeIds = usedCreatives(input, &plan.warnings);
    if (plan.usedCreativeIds.isEmpty())
        problem(u"creativeIds"_s, u"None of the creatives fits TikTok's placements."_s);
    else if (spec && spec->videoOnly
             && findCreative(input, plan.usedCreativeIds.first())->kind != CreativeKind::Video)
        problem(u"objective"_s, u"Video views need a video creative."_s);
    if (!plan.problems.isEmpty())
        return plan;

    const auto step = [&](const QString &key) {
        plan.steps.append(PlannedStep{key, key == u"activate" ? QString() : key,
                                      launchTag(input.campaignId, key)});
    };
    for (const QString &id : usedAudienceIds)
        step(u"audience:"_s + id);
    for (const QString &id : plan.usedCreativeIds) {
        if (findCreative(input, id)->kind == CreativeKind::Video) {
            step(u"video:"_s + id);
            step(u"cover:"_s + id);
        } else {
            step(u"image:"_s + id);
        }
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

QString TikTokConnector::apiPath(const QString &endpoint) const
{
    return u"/open_api/"_s + apiVersion() + endpoint;
}

void TikTokConnector::postJson(const ConnectorAccount &account, const QString &endpoint,
                               QJsonObject body, DataCallback done)
{
    body.insert(u"advertiser_id"_s, account.accountId);
    net::HttpCall call;
    call.verb = "POST";
    call.request = QNetworkRequest(this->endpoint(apiPath(endpoint)));
    call.request.setRawHeader("Access-Token", account.accessToken.toUtf8());
    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    // A status update sets a state: sending it twice leaves the objects as once.
    call.idempotent = endpoint.endsWith(u"/status/update/");
    qCDebug(lcNetTikTok) << "POST" << endpoint;
    sendCall(std::move(call), [this, done](const net::HttpOutcome &o) { finish(o, true, done); });
}

bool TikTokConnector::isPassingFault(const net::HttpOutcome &outcome) const
{
    if (ConnectorBase::isPassingFault(outcome))
        return true;
    // TikTok reports its internal errors and its rate limit inside an HTTP 200.
    const qint64 code = QJsonDocument::fromJson(outcome.body).object().value(u"code"_s).toInteger();
    return outcome.status == 200 && (code == 50000 || code == 40100);
}

void TikTokConnector::postUpload(const ConnectorAccount &account, const QString &endpoint,
                                 const QList<QPair<QString, QByteArray>> &fields,
                                 const QString &fileField, const QString &fileName,
                                 const QByteArray &bytes, DataCallback done)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const auto add = [multipart](const QString &name, const QByteArray &value,
                                 const QString &file = {}) {
        QHttpPart part;
        QString disposition = QStringLiteral("form-data; name=\"%1\"").arg(name);
        if (!file.isEmpty())
            disposition += QStringLiteral("; filename=\"%1\"").arg(file);
        part.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
        part.setBody(value);
        multipart->append(part);
    };
    add(u"advertiser_id"_s, account.accountId.toUtf8());
    for (const auto &[name, value] : fields)
        add(name, value);
    if (!fileField.isEmpty())
        add(fileField, bytes, fileName);

    net::HttpCall call;
    call.verb = "POST";
    call.request = QNetworkRequest(this->endpoint(apiPath(endpoint)));
    call.request.setRawHeader("Access-Token", account.accessToken.toUtf8());
    call.multipart = multipart;
    qCDebug(lcNetTikTok) << "POST multipart" << endpoint << bytes.size() << "bytes";
    sendCall(std::move(call), [this, done](const net::HttpOutcome &o) { finish(o, true, done); });
}

void TikTokConnector::get(const ConnectorAccount &account, const QString &endpoint, Params query,
                          DataCallback done)
{
    query.prepend({u"advertiser_id"_s, account.accountId});
    net::HttpCall call;
    call.request = QNetworkRequest(this->endpoint(apiPath(endpoint), query));
    call.request.setRawHeader("Access-Token", account.accessToken.toUtf8());
    qCDebug(lcNetTikTok) << "GET" << endpoint;
    sendCall(std::move(call), [this, done](const net::HttpOutcome &o) { finish(o, false, done); });
}

void TikTokConnector::finish(const net::HttpOutcome &outcome, bool write,
                             const DataCallback &done) const
{
    if (auto failure = net::transportFailure(outcome)) {
        qCWarning(lcNetTikTok) << "transport failure:" << failure->code;
        done(tl::unexpected(*failure));
        return;
    }
    if (outcome.status != 200) {
        // Gateway errors come without the envelope; a 504 on a write leaves the outcome open.
        const bool server = outcome.status >= 500;
        const FailureKind kind = outcome.status == 504 && write ? FailureKind::UnknownOutcome
            : server                                            ? FailureKind::Transient
                                                                : FailureKind::Permanent;
        done(tl::unexpected(net::makeError(kind, server ? u"server_error"_s : u"invalid_field"_s,
                                           u"TikTok's gateway answered with an error."_s,
                                           QString::number(outcome.status))));
        return;
    }
    const QJsonObject envelope = QJsonDocument::fromJson(outcome.body).object();
    const QJsonValue code = envelope.value(u"code"_s);
    if (!code.isDouble()) {
        done(tl::unexpected(unreadable(u"reply without code"_s)));
        return;
    }
    // 40012 "nothing to update": the object is already as asked.
    if (code.toInt() != 0 && code.toInt() != 40012) {
        const PlatformError error = mapError(code.toInt(), envelope.value(u"message"_s).toString(),
                                             write);
        qCWarning(lcNetTikTok) << "TikTok error" << error.platformCode << error.code << "request_id"
                               << envelope.value(u"request_id"_s).toString();
        done(tl::unexpected(error));
        return;
    }
    done(envelope.value(u"data"_s));
}

void TikTokConnector::findInPages(const ConnectorAccount &account, const QString &endpoint,
                                  const Params &query,
                                  std::function<bool(const QJsonObject &)> matches,
                                  FoundCallback done, int page)
{
    Params pageQuery = query;
    pageQuery.append({u"page"_s, QString::number(page)});
    pageQuery.append({u"page_size"_s, QString::number(kPageSize)});
    get(account, endpoint, pageQuery,
        [this, account, endpoint, query, matches, done, page](PlatformResult<QJsonValue> r) {
            if (!r) {
                done(tl::unexpected(r.error()));
                return;
            }
            const QJsonObject data = r->toObject();
            const QJsonArray list = data.value(u"list"_s).toArray();
            for (const QJsonValue &v : list) {
                if (matches(v.toObject())) {
                    done(std::optional<QJsonObject>(v.toObject()));
                    return;
                }
            }
            const int totalPages = data.value(u"page_info"_s).toObject()
                                       .value(u"total_page"_s).toInt();
            // Defensive stops: empty page, last page reached, page cap.
            if (list.isEmpty() || page >= totalPages || page >= kMaxPages) {
                done(std::optional<QJsonObject>());
                return;
            }
            findInPages(account, endpoint, query, matches, done, page + 1);
        });
}

// ---------------------------------------------------------------------------------------------
// createStep

void TikTokConnector::createStep(const LaunchInput &input, const PlannedStep &step,
                                 const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString &key = step.key;
    if (key.startsWith(u"audience:"))
        createAudience(input, step, std::move(done));
    else if (key.startsWith(u"video:") || key.startsWith(u"image:"))
        uploadMedia(input, step, std::move(done));
    else if (key.startsWith(u"cover:"))
        uploadCover(input, step, remoteIds, std::move(done));
    else if (key == u"campaign")
        createCampaign(input, step, std::move(done));
    else if (key == u"adgroup")
        createAdGroup(input, step, remoteIds, std::move(done));
    else if (key.startsWith(u"ad:"))
        createAd(input, step, remoteIds, std::move(done));
    else if (key == u"activate")
        enableAll(input.account, remoteIds, [done](PlatformResult<bool> r) {
            done(r ? PlatformResult<StepOutcome>(StepOutcome{}) : tl::unexpected(r.error()));
        });
    else
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"unknown_step"_s,
                                           QStringLiteral("Unknown step %1.").arg(key))));
}

void TikTokConnector::createAudience(const LaunchInput &input, const PlannedStep &step,
                                     StepCallback done)
{
    const QString audienceId = step.key.mid(9);
    QByteArray file;
    for (const Audience &a : input.audiences) {
        if (a.id != audienceId)
            continue;
        for (const QJsonValue &v : a.definition.value(u"hashedEmails"_s).toArray())
            file += v.toString().toLatin1() + '\n';
    }
    const QByteArray md5 = QCryptographicHash::hash(file, QCryptographicHash::Md5).toHex();
    const ConnectorAccount account = input.account;
    const QString name = net::taggedName(input.campaignName, step.tag, 128,
                                         net::TextCount::WideAsTwo);
    const QString type = step.objectType;
    postUpload(account, u"/dmp/custom_audience/file/upload/"_s,
               {{u"file_signature"_s, md5}, {u"calculate_type"_s, "EMAIL_SHA256"}}, u"file"_s,
               u"audience.csv"_s, file,
               [this, account, name, type, done](PlatformResult<QJsonValue> r) {
                   const QString path = r ? r->toObject().value(u"file_path"_s).toString() : QString();
                   if (!r || path.isEmpty()) {
                       done(tl::unexpected(r ? unreadable(u"file upload without path"_s) : r.error()));
                       return;
                   }
                   const QJsonObject body{{u"custom_audience_name"_s, name},
                                          {u"calculate_type"_s, u"EMAIL_SHA256"_s},
                                          {u"file_paths"_s, QJsonArray{path}},
                                          {u"retention_in_days"_s, 365}};
                   postJson(account, u"/dmp/custom_audience/create/"_s, body,
                            [type, done](PlatformResult<QJsonValue> c) {
                                const QString id = c ? firstId(*c, u"custom_audience_id"_s) : QString();
                                if (!c)
                                    done(tl::unexpected(c.error()));
                                else if (id.isEmpty())
                                    done(tl::unexpected(unreadable(u"audience without id"_s)));
                                else
                                    done(StepOutcome{{{type, id}}});
                            });
               });
}

void TikTokConnector::uploadMedia(const LaunchInput &input, const PlannedStep &step,
                                  StepCallback done)
{
    const bool video = step.key.startsWith(u"video:");
    const Creative *creative = findCreative(input, step.key.mid(6));
    // By kind: a video creative's poster image is its cover, never the creative itself.
    const auto rendition = !creative ? std::nullopt
        : video ? (creative->kind == CreativeKind::Video ? pickVideo(*creative) : std::nullopt)
                : (creative->kind == CreativeKind::Image ? pickImage(*creative) : std::nullopt);
    QString readError;
    const QByteArray bytes = rendition ? net::readRendition(rendition->path, &readError) : QByteArray();
    if (bytes.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                           u"The creative's file could not be read."_s, {}, readError)));
        return;
    }
    const QString prefix = video ? u"video"_s : u"image"_s;
    MaterialUpload upload;
    upload.video = video;
    upload.fields = {{u"upload_type"_s, "UPLOAD_BY_FILE"},
                     {prefix + u"_signature"_s,
                      QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()}};
    upload.fileName = QFileInfo(rendition->path).fileName();
    upload.bytes = bytes;
    uploadMaterial(input.account, step, std::move(upload), std::move(done));
}

void TikTokConnector::uploadCover(const LaunchInput &input, const PlannedStep &step,
                                  const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString creativeId = step.key.mid(6);
    const Creative *creative = findCreative(input, creativeId);
    const auto poster = creative ? pickPoster(*creative) : std::nullopt;
    if (poster) {
        QString readError;
        const QByteArray bytes = net::readRendition(poster->path, &readError);
        if (bytes.isEmpty()) {
            done(tl::unexpected(net::makeError(FailureKind::Permanent, u"creative_unreadable"_s,
                                               u"The video's poster frame could not be read."_s,
                                               {}, readError)));
            return;
        }
        MaterialUpload upload;
        upload.fields = {{u"upload_type"_s, "UPLOAD_BY_FILE"},
                         {u"image_signature"_s,
                          QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()}};
        upload.fileName = QFileInfo(poster->path).fileName();
        upload.bytes = bytes;
        uploadMaterial(input.account, step, std::move(upload), std::move(done));
        return;
    }

    // No poster frame: TikTok's own frame of the upload, fetched by TikTok from the signed
    // video_cover_url (valid for hours), read fresh so a re-run never sends an expired one.
    const QString videoId = remoteIds.value(u"video:"_s + creativeId);
    if (videoId.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The cover needs the uploaded video."_s)));
        return;
    }
    const ConnectorAccount account = input.account;
    get(account, u"/file/video/ad/info/"_s,
        {{u"video_ids"_s, net::compactJson(QJsonArray{videoId})}},
        [this, account, step, done](PlatformResult<QJsonValue> r) {
            if (!r) {
                done(tl::unexpected(r.error()));
                return;
            }
            const QString url = r->toObject().value(u"list"_s).toArray().first().toObject()
                                    .value(u"video_cover_url"_s).toString();
            if (url.isEmpty()) {
                done(tl::unexpected(unreadable(u"video without cover URL"_s)));
                return;
            }
            MaterialUpload upload;
            upload.fields = {{u"upload_type"_s, "UPLOAD_BY_URL"}, {u"image_url"_s, url.toUtf8()}};
            uploadMaterial(account, step, std::move(upload), done);
        });
}

void TikTokConnector::uploadMaterial(const ConnectorAccount &account, const PlannedStep &step,
                                     MaterialUpload upload, StepCallback done)
{
    const QString name = materialName(step.tag);
    const QString prefix = upload.video ? u"video"_s : u"image"_s;
    QList<QPair<QString, QByteArray>> fields = upload.fields;
    fields.append({u"file_name"_s, name.toUtf8()});
    const bool video = upload.video;
    const QString type = step.objectType;
    postUpload(account, u"/file/"_s + prefix + u"/ad/upload/"_s, fields,
               upload.fileName.isEmpty() ? QString() : prefix + u"_file"_s, upload.fileName,
               upload.bytes,
               [this, account, video, name, type, done](PlatformResult<QJsonValue> r) {
                   const QString idField = video ? u"video_id"_s : u"image_id"_s;
                   if (r) {
                       const QString id = firstId(*r, idField);
                       if (id.isEmpty())
                           done(tl::unexpected(unreadable(u"upload without id"_s)));
                       else
                           done(StepOutcome{{{type, id}}});
                       return;
                   }
                   if (r.error().platformCode != u"40911") {
                       done(tl::unexpected(r.error()));
                       return;
                   }
                   // Our name is taken: an earlier run of this very step uploaded it and its
                   // answer was lost. Adopt that material instead of uploading it twice.
                   const PlatformError conflict = r.error();
                   findMaterial(account, video, name,
                                [idField, type, conflict, done](
                                    PlatformResult<std::optional<QJsonObject>> found) {
                                    const QString id = found && *found
                                        ? net::idFromJson((*found)->value(idField))
                                        : QString();
                                    if (!found)
                                        done(tl::unexpected(found.error()));
                                    else if (id.isEmpty())
                                        done(tl::unexpected(conflict));
                                    else
                                        done(StepOutcome{{{type, id}}});
                                });
               });
}

void TikTokConnector::findMaterial(const ConnectorAccount &account, bool video,
                                   const QString &name, FoundCallback done)
{
    // The look-ups tiktok.md names for a taken file_name. Their filter fields are not documented,
    // so only pages are asked for and the name is matched here.
    const QString endpoint = video ? u"/file/video/ad/search/"_s : u"/file/image/ad/get/"_s;
    findInPages(account, endpoint, {},
                [name](const QJsonObject &o) {
                    return o.value(u"file_name"_s).toString() == name;
                },
                std::move(done));
}

void TikTokConnector::createCampaign(const LaunchInput &input, const PlannedStep &step,
                                     StepCallback done)
{
    const auto spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const bool daily = input.budgetType == BudgetType::Daily;
    QJsonObject body{{u"campaign_name"_s, nameFor(input, step)},
                     {u"objective_type"_s, spec.objective},
                     {u"budget_mode"_s, daily ? u"BUDGET_MODE_DAY"_s : u"BUDGET_MODE_INFINITE"_s},
                     {u"budget_optimize_on"_s, daily},
                     {u"operation_status"_s, u"DISABLE"_s},
                     {u"request_id"_s, requestId(step.tag)}};
    if (daily)
        body.insert(u"budget"_s, money::toMajorUnits(input.budget.micros));
    if (!spec.virtualObjective.isEmpty()) {
        body.insert(u"virtual_objective_type"_s, spec.virtualObjective);
        body.insert(u"sales_destination"_s, u"WEBSITE"_s);
    }
    const ConnectorAccount account = input.account;
    const QString type = step.objectType;
    postJson(account, u"/campaign/create/"_s, body,
             [this, account, type, done](PlatformResult<QJsonValue> r) {
                 const QString id = r ? firstId(*r, u"campaign_id"_s) : QString();
                 if (!r || id.isEmpty()) {
                     done(tl::unexpected(r ? unreadable(u"campaign without id"_s) : r.error()));
                     return;
                 }
                 // operation_status on campaign create is allowlist-only and may be ignored, so
                 // the campaign is switched off explicitly. Its ad groups are created DISABLE,
                 // so a failure here spends nothing and is only logged.
                 setStatus(account, u"campaign"_s, {id}, u"DISABLE"_s,
                           [id, type, done](std::optional<PlatformError> error) {
                               if (error)
                                   qCWarning(lcNetTikTok) << "could not pause the new campaign";
                               done(StepOutcome{{{type, id}}});
                           });
             });
}

void TikTokConnector::createAdGroup(const LaunchInput &input, const PlannedStep &step,
                                    const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const auto spec = objectiveSpec(input.objective).value_or(ObjectiveSpec{});
    const ConnectorAccount &account = input.account;
    const bool video = findCreative(input, usedCreatives(input, nullptr).value(0))
        && findCreative(input, usedCreatives(input, nullptr).value(0))->kind == CreativeKind::Video;

    QJsonArray audiences;
    for (const Audience &a : input.audiences) {
        const QString id = remoteIds.value(u"audience:"_s + a.id);
        if (!id.isEmpty())
            audiences.append(id);
    }
    // Schedule times are UTC+0; a start in the past becomes "now" (TikTok allows 12 h back).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = input.startAt.isValid() ? std::max(input.startAt, now) : now;
    QJsonObject body{
        {u"campaign_id"_s, remoteIds.value(u"campaign"_s)},
        {u"adgroup_name"_s, nameFor(input, step)},
        {u"placement_type"_s, u"PLACEMENT_TYPE_NORMAL"_s},
        {u"placements"_s, QJsonArray{video ? u"PLACEMENT_TIKTOK"_s : u"PLACEMENT_PANGLE"_s}},
        {u"location_ids"_s, QJsonArray{accountLocation(account)}},
        {u"gender"_s, u"GENDER_UNLIMITED"_s},
        {u"budget_mode"_s, input.budgetType == BudgetType::Daily ? u"BUDGET_MODE_DAY"_s
                                                                 : u"BUDGET_MODE_TOTAL"_s},
        {u"budget"_s, money::toMajorUnits(input.budget.micros)},
        {u"schedule_type"_s, input.endAt.isValid() ? u"SCHEDULE_START_END"_s
                                                   : u"SCHEDULE_FROM_NOW"_s},
        {u"schedule_start_time"_s, utcText(start)},
        {u"optimization_goal"_s, spec.goal},
        {u"billing_event"_s, spec.billing},
        {u"bid_type"_s, u"BID_TYPE_NO_BID"_s},
        {u"pacing"_s, u"PACING_MODE_SMOOTH"_s},
        {u"operation_status"_s, u"DISABLE"_s},
        {u"request_id"_s, requestId(step.tag)}};
    if (input.endAt.isValid())
        body.insert(u"schedule_end_time"_s, utcText(input.endAt));
    if (spec.website)
        body.insert(u"promotion_type"_s, u"WEBSITE"_s);
    if (!audiences.isEmpty())
        body.insert(u"audience_ids"_s, audiences);
    if (!spec.event.isEmpty()) {
        body.insert(u"pixel_id"_s, account.extra.value(u"pixelId"_s));
        body.insert(u"optimization_event"_s, spec.event);
    }
    const QString type = step.objectType;
    postJson(account, u"/adgroup/create/"_s, body, [type, done](PlatformResult<QJsonValue> r) {
        const QString id = r ? firstId(*r, u"adgroup_id"_s) : QString();
        if (!r)
            done(tl::unexpected(r.error()));
        else if (id.isEmpty())
            done(tl::unexpected(unreadable(u"ad group without id"_s)));
        else
            done(StepOutcome{{{type, id}}});
    });
}

void TikTokConnector::createAd(const LaunchInput &input, const PlannedStep &step,
                               const QMap<QString, QString> &remoteIds, StepCallback done)
{
    const QString creativeId = step.key.mid(3);
    const Creative *c = findCreative(input, creativeId);
    if (!c) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"The creative is not part of this campaign."_s)));
        return;
    }
    const bool video = c->kind == CreativeKind::Video;
    // The identity type is not part of the account settings; a custom identity made through
    // the API is assumed (identity_type CUSTOMIZED_USER).
    QJsonObject creative{{u"ad_name"_s, nameFor(input, step)},
                         {u"ad_format"_s, video ? u"SINGLE_VIDEO"_s : u"SINGLE_IMAGE"_s},
                         {u"identity_id"_s, input.account.extra.value(u"identityId"_s)},
                         {u"identity_type"_s, u"CUSTOMIZED_USER"_s},
                         {u"ad_text"_s, adText(*c)},
                         {u"call_to_action"_s, callToAction(c->callToAction)},
                         {u"landing_page_url"_s, c->destinationUrl},
                         {u"operation_status"_s, u"DISABLE"_s}};
    if (video) {
        // TikTok takes a video ad only with exactly one cover image.
        const QString cover = remoteIds.value(u"cover:"_s + creativeId);
        if (cover.isEmpty()) {
            done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                               u"The video ad has no cover image."_s)));
            return;
        }
        creative.insert(u"video_id"_s, remoteIds.value(u"video:"_s + creativeId));
        creative.insert(u"image_ids"_s, QJsonArray{cover});
    } else {
        creative.insert(u"image_ids"_s, QJsonArray{remoteIds.value(u"image:"_s + creativeId)});
    }
    const QString pixel = input.account.extra.value(u"pixelId"_s);
    if (!pixel.isEmpty())
        creative.insert(u"tracking_pixel_id"_s, pixel);

    const QJsonObject body{{u"adgroup_id"_s, remoteIds.value(u"adgroup"_s)},
                           {u"creatives"_s, QJsonArray{creative}}};
    const QString type = step.objectType;
    postJson(input.account, u"/ad/create/"_s, body, [type, done](PlatformResult<QJsonValue> r) {
        const QString id = r ? net::idFromJson(r->toObject().value(u"ad_ids"_s).toArray().first())
                             : QString();
        if (!r)
            done(tl::unexpected(r.error()));
        else if (id.isEmpty())
            done(tl::unexpected(unreadable(u"ad without id"_s)));
        else
            done(StepOutcome{{{type, id}}});
    });
}

// ---------------------------------------------------------------------------------------------
// status

void TikTokConnector::setStatus(const ConnectorAccount &account, const QString &level,
                                const QStringList &ids, const QString &status,
                                std::function<void(std::optional<PlatformError>)> done)
{
    QList<ChainLink> links;
    for (int i = 0; i < ids.size(); i += kStatusBatch) {
        const QStringList batch = ids.mid(i, kStatusBatch);
        links.append([this, account, level, batch, status](auto next) {
            const QJsonObject body{{level + u"_ids"_s, QJsonArray::fromStringList(batch)},
                                   {u"operation_status"_s, status}};
            postJson(account, u'/' + level + u"/status/update/"_s, body,
                     [next](PlatformResult<QJsonValue> r) {
                         next(r ? std::nullopt : std::optional<PlatformError>(r.error()));
                     });
        });
    }
    runChain(links, std::move(done));
}

void TikTokConnector::enableAll(const ConnectorAccount &account,
                                const QMap<QString, QString> &remoteIds, DoneCallback done)
{
    QStringList ads;
    for (auto it = remoteIds.begin(); it != remoteIds.end(); ++it) {
        if (it.key().startsWith(u"ad:"))
            ads.append(it.value());
    }
    const QString adGroup = remoteIds.value(u"adgroup"_s);
    const QString campaign = remoteIds.value(u"campaign"_s);
    if (campaign.isEmpty()) {
        done(tl::unexpected(net::makeError(FailureKind::Permanent, u"invalid_field"_s,
                                           u"No TikTok campaign is known for this campaign."_s)));
        return;
    }
    // Ads, then the ad group, then the campaign: delivery starts only when all are on.
    QList<ChainLink> links;
    const auto level = [&](const QString &name, const QStringList &ids) {
        if (!ids.isEmpty() && !ids.first().isEmpty())
            links.append([this, account, name, ids](auto next) {
                setStatus(account, name, ids, u"ENABLE"_s, next);
            });
    };
    level(u"ad"_s, ads);
    level(u"adgroup"_s, {adGroup});
    level(u"campaign"_s, {campaign});
    runDoneChain(links, done);
}

void TikTokConnector::setDelivery(const ConnectorAccount &account,
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
                                           u"No TikTok campaign is known for this campaign."_s)));
        return;
    }
    setStatus(account, u"campaign"_s, {campaign}, u"DISABLE"_s,
              [done](std::optional<PlatformError> error) {
                  done(error ? PlatformResult<bool>(tl::unexpected(*error)) : PlatformResult<bool>(true));
              });
}

// ---------------------------------------------------------------------------------------------
// findStep

void TikTokConnector::findStep(const LaunchInput &input, const PlannedStep &step,
                               const QMap<QString, QString> &remoteIds, FindCallback done)
{
    const QString &key = step.key;
    if (key == u"activate") { // idempotent: re-run
        done(std::optional<StepOutcome>());
        return;
    }
    if (key.startsWith(u"video:") || key.startsWith(u"image:") || key.startsWith(u"cover:")) {
        const QString type = step.objectType;
        const QString idField = key.startsWith(u"video:") ? u"video_id"_s : u"image_id"_s;
        findMaterial(input.account, key.startsWith(u"video:"), materialName(step.tag),
                     [type, idField, done](PlatformResult<std::optional<QJsonObject>> r) {
                         const QString id = r && *r ? net::idFromJson((*r)->value(idField))
                                                    : QString();
                         if (!r)
                             done(tl::unexpected(r.error()));
                         else if (id.isEmpty())
                             done(std::optional<StepOutcome>());
                         else
                             done(std::optional<StepOutcome>(StepOutcome{{{type, id}}}));
                     });
        return;
    }
    QString endpoint;
    QString idField;
    QString nameField;
    QJsonObject filtering;
    if (key == u"campaign") {
        endpoint = u"/campaign/get/"_s;
        idField = u"campaign_id"_s;
        nameField = u"campaign_name"_s;
    } else if (key == u"adgroup") {
        endpoint = u"/adgroup/get/"_s;
        idField = u"adgroup_id"_s;
        nameField = u"adgroup_name"_s;
        filtering.insert(u"campaign_ids"_s, QJsonArray{remoteIds.value(u"campaign"_s)});
    } else if (key.startsWith(u"ad:")) {
        endpoint = u"/ad/get/"_s;
        idField = u"ad_id"_s;
        nameField = u"ad_name"_s;
        filtering.insert(u"adgroup_ids"_s, QJsonArray{remoteIds.value(u"adgroup"_s)});
    } else {
        endpoint = u"/dmp/custom_audience/list/"_s;
        idField = u"custom_audience_id"_s;
        nameField = u"name"_s;
    }
    Params query;
    if (nameField != u"name") {
        filtering.insert(nameField, step.tag);
        query.append({u"filtering"_s, net::compactJson(filtering)});
    }
    // The name filter is checked again here; deleted objects are never adopted.
    const QString tag = step.tag;
    const auto matches = [tag, nameField](const QJsonObject &o) {
        const QString status = o.value(u"secondary_status"_s).toString();
        return o.value(nameField).toString().contains(tag)
            && o.value(u"operation_status"_s).toString() != u"DELETE"
            && !status.endsWith(u"_DELETE");
    };
    const QString type = step.objectType;
    findInPages(input.account, endpoint, query, matches,
                [type, idField, done](PlatformResult<std::optional<QJsonObject>> r) {
                    if (!r) {
                        done(tl::unexpected(r.error()));
                        return;
                    }
                    const QString id = *r ? net::idFromJson((*r)->value(idField)) : QString();
                    done(id.isEmpty() ? std::optional<StepOutcome>()
                                      : std::optional<StepOutcome>(StepOutcome{{{type, id}}}));
                });
}

// ---------------------------------------------------------------------------------------------
// report

void TikTokConnector::fetchDailyReport(const ConnectorAccount &account,
                                       const QStringList &remoteCampaignIds, const QDate &from,
                                       const QDate &to, ReportCallback done)
{
    fetchReport(account, remoteCampaignIds, from, to, false, std::move(done));
}

void TikTokConnector::fetchHourlyReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                        const QDate &from, const QDate &to, ReportCallback done)
{
    fetchReport(account, remoteCampaignIds, from, to, true, std::move(done));
}

void TikTokConnector::fetchReport(const ConnectorAccount &account, const QStringList &remoteCampaignIds,
                                  const QDate &from, const QDate &to, bool hourly, ReportCallback done)
{
    const ReportPagesFor pages = [this, account, hourly](auto ids, auto since, auto until) {
        return reportPages(account, hourly, ids, since, until);
    };
    const ReportLimits limits{hourly ? kHourlyWindowDays : kReportWindowDays, kReportIdsPerFilter};
    runPagedReport(remoteCampaignIds, from, to, limits, pages, u"TikTok"_s, lcNetTikTok, std::move(done));
}

ReportPageFetch TikTokConnector::reportPages(const ConnectorAccount &account, bool hourly, const QStringList &ids,
                                             const QDate &from, const QDate &to)
{
    const QJsonArray filtering{QJsonObject{
        {u"field_name"_s, u"campaign_ids"_s}, {u"filter_type"_s, u"IN"_s},
        {u"filter_value"_s, net::compactJson(QJsonArray::fromStringList(ids))}}};
    const Params query = {
        {u"report_type"_s, u"BASIC"_s},
        {u"service_type"_s, u"AUCTION"_s},
        {u"data_level"_s, u"AUCTION_CAMPAIGN"_s},
        {u"dimensions"_s, hourly ? uR"(["campaign_id","stat_time_hour"])"_s : uR"(["campaign_id","stat_time_day"])"_s},
        {u"metrics"_s, uR"(["spend","impressions","clicks","conversion","total_purchase_value"])"_s},
        {u"start_date"_s, from.toString(Qt::ISODate)},
        {u"end_date"_s, to.toString(Qt::ISODate)},
        {u"filtering"_s, net::compactJson(filtering)},
        {u"page_size"_s, QString::number(kReportPageSize)},
    };
    return [this, account, query, hourly](const QString &cursor, ReportPageCallback done) {
        const int page = cursor.isEmpty() ? 1 : cursor.toInt();
        get(account, u"/report/integrated/get/"_s, query + Params{{u"page"_s, QString::number(page)}},
            [account, page, done, hourly](PlatformResult<QJsonValue> r) {
                done(r ? reportPage(r->toObject(), page, account, hourly) : tl::unexpected(r.error()));
            });
    };
}

} // namespace ads::core
