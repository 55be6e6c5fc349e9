#include "core/sandbox/GoogleRules.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <tuple>

// Mutate operations of the Google Ads simulator: one create/update/remove on one resource,
// validated the way google.md describes, staged in a MutateContext until the whole request
// is known to be good.

namespace ads::core::sandbox::google {

namespace {

const QSet<QString> kStatuses = {"ENABLED", "PAUSED"};
const QSet<QString> kChannels = {"SEARCH",
                                 "DISPLAY",
                                 "SHOPPING",
                                 "HOTEL",
                                 "VIDEO",
                                 "MULTI_CHANNEL",
                                 "LOCAL",
                                 "SMART",
                                 "PERFORMANCE_MAX",
                                 "LOCAL_SERVICES",
                                 "TRAVEL",
                                 "DEMAND_GEN"};
const QStringList kBiddingKeys = {"manualCpc",
                                  "manualCpm",
                                  "manualCpv",
                                  "targetSpend",
                                  "maximizeConversions",
                                  "maximizeConversionValue",
                                  "targetCpa",
                                  "targetRoas",
                                  "targetImpressionShare",
                                  "targetCpm",
                                  "fixedCpm",
                                  "targetCpv",
                                  "targetCpc",
                                  "percentCpc",
                                  "commission",
                                  "manualCpa",
                                  "biddingStrategy"};
const QSet<QString> kEuDeclarations = {"CONTAINS_EU_POLITICAL_ADVERTISING",
                                       "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"};
const QSet<QString> kAdGroupTypes = {"SEARCH_STANDARD",
                                     "DISPLAY_STANDARD",
                                     "SHOPPING_PRODUCT_ADS",
                                     "HOTEL_ADS",
                                     "SHOPPING_SMART_ADS",
                                     "VIDEO_BUMPER",
                                     "VIDEO_TRUE_VIEW_IN_STREAM",
                                     "VIDEO_TRUE_VIEW_IN_DISPLAY",
                                     "VIDEO_NON_SKIPPABLE_IN_STREAM",
                                     "SEARCH_DYNAMIC_ADS",
                                     "SHOPPING_COMPARISON_LISTING_ADS",
                                     "PROMOTED_HOTEL_ADS",
                                     "VIDEO_RESPONSIVE",
                                     "VIDEO_EFFICIENT_REACH",
                                     "SMART_CAMPAIGN_ADS",
                                     "TRAVEL_ADS",
                                     "YOUTUBE_AUDIO"};
// Budgets are whole multiples of the currency's billable unit: 10,000 micros for two-decimal
// currencies (google.md 3.2).
constexpr qint64 kBillableUnitMicros = 10'000;

AdsError makeError(const QString &category,
                   const QString &code,
                   const QString &message,
                   const QJsonArray &prefix,
                   const QString &field,
                   const QJsonValue &trigger = {})
{
    AdsError error{category, code, message, fieldPath(prefix, field), {}, {}};
    if (trigger.isString())
        error.trigger = QJsonObject{{"stringValue", trigger}};
    else if (trigger.isDouble())
        error.trigger = QJsonObject{{"int64Value", QString::number(qint64(trigger.toDouble()))}};
    return error;
}

AdsError requiredError(const QJsonArray &prefix, const QString &field)
{
    return makeError(QStringLiteral("fieldError"),
                     QStringLiteral("REQUIRED"),
                     QStringLiteral("The required field was not present."),
                     prefix,
                     field);
}

AdsError notFound(const QJsonArray &prefix, const QString &field, const QString &name)
{
    return makeError(QStringLiteral("mutateError"),
                     QStringLiteral("RESOURCE_NOT_FOUND"),
                     QStringLiteral("Requested entity was not found."),
                     prefix,
                     field,
                     name);
}

AdsError tooLong(const QJsonArray &prefix, const QString &field, const QString &text)
{
    return makeError(QStringLiteral("stringLengthError"),
                     QStringLiteral("TOO_LONG"),
                     QStringLiteral("Too long."),
                     prefix,
                     field,
                     text);
}

AdsError invalidEnum(const QJsonArray &prefix, const QString &field, const QString &value)
{
    return makeError(QStringLiteral("requestError"),
                     QStringLiteral("INVALID_ENUM_VALUE"),
                     QStringLiteral("The field's value is not a valid enum value."),
                     prefix,
                     field,
                     value);
}

QString cid(const MutateContext &context)
{
    return context.account.accountId;
}

QString resourceName(const MutateContext &context, const QString &type, const QString &id)
{
    return QStringLiteral("customers/%1/%2/%3").arg(cid(context), collectionOf(type), id);
}

/** Text length in characters the way Google counts them for most fields. */
qsizetype textLength(const QString &text)
{
    return text.toUcs4().size();
}

void checkText(QList<AdsError> &errors,
               const QJsonArray &prefix,
               const QString &field,
               const QString &text,
               qsizetype limit)
{
    if (textLength(text) > limit)
        errors.append(tooLong(prefix, field, text));
}

ObjectRecord newRecord(const MutateContext &context,
                       const QString &type,
                       const QString &id,
                       const QString &parentId,
                       const QJsonObject &payload)
{
    ObjectRecord record;
    record.platform = Platform::Google;
    record.accountId = cid(context);
    record.type = type;
    record.id = id;
    record.parentId = parentId;
    record.name = payload.value(QStringLiteral("name")).toString();
    record.status = payload.value(QStringLiteral("status")).toString(QStringLiteral("ENABLED"));
    record.createdAtMs = context.nowMs;
    record.updatedAtMs = context.nowMs;
    record.state = payload;
    return record;
}

QJsonValue replaceTempNames(const QJsonValue &value, const QHash<QString, QString> &names)
{
    if (value.isString())
        return names.value(value.toString(), value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(replaceTempNames(item, names));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = replaceTempNames(*it, names);
        return object;
    }
    return value;
}

bool nameTaken(const MutateContext &context,
               const QString &type,
               const QString &name,
               const std::function<bool(const ObjectRecord &)> &scope)
{
    const auto taken = [&](const ObjectRecord &record) {
        return record.type == type && record.name == name
               && record.status != QLatin1String("REMOVED") && scope(record);
    };
    for (const ObjectRecord &record : context.staged) {
        if (taken(record))
            return true;
    }
    for (const ObjectRecord &record :
         context.store->objects(Platform::Google, type, cid(context))) {
        if (!context.staged.contains(record.id) && taken(record))
            return true;
    }
    return false;
}

QString idOf(const QString &resourceName)
{
    return resourceName.section(QLatin1Char('/'), -1);
}

// ---- per resource ------------------------------------------------------------------------

QList<AdsError> checkBudgetAmount(const QJsonObject &payload,
                                  const QString &key,
                                  const QJsonArray &prefix)
{
    QList<AdsError> errors;
    const auto amount = integerValue(payload.value(key));
    if (!amount) {
        errors.append(requiredError(prefix,
                                    key == QLatin1String("amountMicros")
                                        ? QStringLiteral("amount_micros")
                                        : QStringLiteral("total_amount_micros")));
        return errors;
    }
    const QString field = key == QLatin1String("amountMicros")
                              ? QStringLiteral("amount_micros")
                              : QStringLiteral("total_amount_micros");
    if (*amount < kBillableUnitMicros) {
        errors.append(
            makeError(QStringLiteral("campaignBudgetError"),
                      QStringLiteral("MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC"),
                      QStringLiteral("The budget amount is below the currency's minimum."),
                      prefix,
                      field,
                      double(*amount)));
    } else if (*amount % kBillableUnitMicros != 0) {
        errors.append(makeError(QStringLiteral("campaignBudgetError"),
                                QStringLiteral("NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT"),
                                QStringLiteral("The amount is not a multiple of the currency's "
                                               "minimum unit."),
                                prefix,
                                field,
                                double(*amount)));
    }
    return errors;
}

QList<AdsError> createBudget(QJsonObject &payload, MutateContext &context, const QJsonArray &prefix)
{
    QList<AdsError> errors;
    const QString period =
        payload.value(QStringLiteral("period")).toString(QStringLiteral("DAILY"));
    if (period != QLatin1String("DAILY") && period != QLatin1String("CUSTOM_PERIOD"))
        errors.append(invalidEnum(prefix, QStringLiteral("period"), period));
    errors += checkBudgetAmount(payload,
                                period == QLatin1String("CUSTOM_PERIOD")
                                    ? QStringLiteral("totalAmountMicros")
                                    : QStringLiteral("amountMicros"),
                                prefix);
    const QString delivery =
        payload.value(QStringLiteral("deliveryMethod")).toString(QStringLiteral("STANDARD"));
    if (delivery != QLatin1String("STANDARD") && delivery != QLatin1String("ACCELERATED"))
        errors.append(invalidEnum(prefix, QStringLiteral("delivery_method"), delivery));

    // explicitlyShared defaults to true on create (google.md 3.2).
    const bool shared = payload.value(QStringLiteral("explicitlyShared")).toBool(true);
    const QString name = payload.value(QStringLiteral("name")).toString();
    if (shared && name.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("name")));
    if (name.toUtf8().size() > 255)
        errors.append(tooLong(prefix, QStringLiteral("name"), name));
    if (!name.isEmpty()
        && nameTaken(context, kBudget, name, [](const ObjectRecord &) { return true; }))
        errors.append(makeError(QStringLiteral("campaignBudgetError"),
                                QStringLiteral("DUPLICATE_NAME"),
                                QStringLiteral("A budget with this name already exists."),
                                prefix,
                                QStringLiteral("name"),
                                name));
    payload.insert(QStringLiteral("explicitlyShared"), shared);
    payload.insert(QStringLiteral("period"), period);
    payload.insert(QStringLiteral("deliveryMethod"), delivery);
    payload.insert(QStringLiteral("status"), QStringLiteral("ENABLED"));
    for (const char *key : {"amountMicros", "totalAmountMicros"}) {
        const QString name16 = QString::fromLatin1(key);
        if (const auto amount = integerValue(payload.value(name16)))
            payload.insert(name16, QString::number(*amount));
    }
    return errors;
}

QList<AdsError> checkSchedule(QJsonObject &payload,
                              const MutateContext &context,
                              const QJsonArray &prefix)
{
    QList<AdsError> errors;
    const QTimeZone zone(context.account.timeZone.toUtf8());
    // v23 renamed startDate/endDate to startDateTime/endDateTime (google.md 3.3).
    const bool dateTime = context.version >= 23;
    const QString startKey =
        dateTime ? QStringLiteral("startDateTime") : QStringLiteral("startDate");
    const QString endKey = dateTime ? QStringLiteral("endDateTime") : QStringLiteral("endDate");
    const QString startField =
        dateTime ? QStringLiteral("start_date_time") : QStringLiteral("start_date");
    const QString endField =
        dateTime ? QStringLiteral("end_date_time") : QStringLiteral("end_date");

    std::optional<qint64> start;
    std::optional<qint64> end;
    for (const auto &[key, field, slot] :
         {std::tuple{startKey, startField, &start}, std::tuple{endKey, endField, &end}}) {
        if (!payload.contains(key))
            continue;
        QString text = payload.value(key).toString();
        if (!dateTime)
            text += key == startKey ? QStringLiteral(" 00:00:00") : QStringLiteral(" 23:59:59");
        *slot = parseGoogleDateTime(text, zone);
        if (*slot && dateTime)
            payload.insert(key,
                           formatLocal(**slot, zone)); // stored with dashes, as Google returns it
        if (!*slot)
            errors.append(makeError(QStringLiteral("dateError"),
                                    QStringLiteral("INVALID_STRING_DATE_TIME_SECONDS"),
                                    QStringLiteral("The date time is not in yyyy-MM-dd HH:mm:ss."),
                                    prefix,
                                    field,
                                    payload.value(key)));
    }
    if (!errors.isEmpty())
        return errors;
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.nowMs, zone).date();
    if (start && QDateTime::fromMSecsSinceEpoch(*start, zone).date() < today)
        errors.append(makeError(QStringLiteral("dateRangeError"),
                                QStringLiteral("CANNOT_SET_DATE_TO_PAST"),
                                QStringLiteral("The start date cannot be in the past."),
                                prefix,
                                startField,
                                payload.value(startKey)));
    if (start && end && *end < *start)
        errors.append(makeError(QStringLiteral("dateRangeError"),
                                QStringLiteral("START_DATE_AFTER_END_DATE"),
                                QStringLiteral("The start date is after the end date."),
                                prefix,
                                endField,
                                payload.value(endKey)));
    payload.insert(QStringLiteral("_startMs"), QString::number(start.value_or(context.nowMs)));
    if (end)
        payload.insert(QStringLiteral("_endMs"), QString::number(*end + 999));
    return errors;
}

QList<AdsError> createCampaign(QJsonObject &payload,
                               MutateContext &context,
                               const QJsonArray &prefix,
                               QString &parentId)
{
    QList<AdsError> errors;
    const QString name = payload.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("name")));
    checkText(errors, prefix, QStringLiteral("name"), name, 255);
    const QString status =
        payload.value(QStringLiteral("status")).toString(QStringLiteral("ENABLED"));
    if (!kStatuses.contains(status))
        errors.append(invalidEnum(prefix, QStringLiteral("status"), status));
    const QString channel = payload.value(QStringLiteral("advertisingChannelType")).toString();
    if (channel.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("advertising_channel_type")));
    else if (!kChannels.contains(channel))
        errors.append(invalidEnum(prefix, QStringLiteral("advertising_channel_type"), channel));

    const QString budget = payload.value(QStringLiteral("campaignBudget")).toString();
    if (budget.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("campaign_budget")));
    else if (!context.find(kBudget, budget))
        errors.append(notFound(prefix, QStringLiteral("campaign_budget"), budget));
    parentId = cid(context);

    int bidding = 0;
    for (const QString &key : kBiddingKeys)
        bidding += payload.contains(key) ? 1 : 0;
    if (bidding == 0)
        errors.append(requiredError(prefix, QStringLiteral("campaign_bidding_strategy")));
    else if (bidding > 1)
        errors.append(makeError(QStringLiteral("fieldError"),
                                QStringLiteral("INVALID_VALUE"),
                                QStringLiteral("Only one bidding strategy may be set."),
                                prefix,
                                QStringLiteral("campaign_bidding_strategy")));

    const QString eu = payload.value(QStringLiteral("containsEuPoliticalAdvertising")).toString();
    if (eu.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("contains_eu_political_advertising")));
    else if (!kEuDeclarations.contains(eu))
        errors.append(invalidEnum(prefix, QStringLiteral("contains_eu_political_advertising"), eu));

    errors += checkSchedule(payload, context, prefix);
    const auto sameStatusGroup = [](const ObjectRecord &record) {
        return record.status == QLatin1String("ENABLED")
               || record.status == QLatin1String("PAUSED");
    };
    if (!name.isEmpty() && nameTaken(context, kCampaign, name, sameStatusGroup))
        errors.append(makeError(QStringLiteral("campaignError"),
                                QStringLiteral("DUPLICATE_CAMPAIGN_NAME"),
                                QStringLiteral("A campaign with this name already exists."),
                                prefix,
                                QStringLiteral("name"),
                                name));
    payload.insert(QStringLiteral("status"), status);
    payload.insert(QStringLiteral("servingStatus"), QStringLiteral("SERVING"));
    return errors;
}

QList<AdsError> createAdGroup(QJsonObject &payload,
                              MutateContext &context,
                              const QJsonArray &prefix,
                              QString &parentId)
{
    QList<AdsError> errors;
    const QString name = payload.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("name")));
    checkText(errors, prefix, QStringLiteral("name"), name, 255);
    const QString status =
        payload.value(QStringLiteral("status")).toString(QStringLiteral("ENABLED"));
    if (!kStatuses.contains(status))
        errors.append(invalidEnum(prefix, QStringLiteral("status"), status));

    const QString campaignName = payload.value(QStringLiteral("campaign")).toString();
    const auto campaign = context.find(kCampaign, campaignName);
    if (campaignName.isEmpty()) {
        errors.append(requiredError(prefix, QStringLiteral("campaign")));
    } else if (!campaign) {
        errors.append(notFound(prefix, QStringLiteral("campaign"), campaignName));
    } else {
        parentId = campaign->id;
        const QString channel =
            campaign->state.value(QStringLiteral("advertisingChannelType")).toString();
        const QString type =
            payload.value(QStringLiteral("type"))
                .toString(channel == QLatin1String("DISPLAY") ? QStringLiteral("DISPLAY_STANDARD")
                                                              : QStringLiteral("SEARCH_STANDARD"));
        if (!kAdGroupTypes.contains(type))
            errors.append(invalidEnum(prefix, QStringLiteral("type"), type));
        const bool mismatch =
            (channel == QLatin1String("DISPLAY") && type != QLatin1String("DISPLAY_STANDARD"))
            || (channel == QLatin1String("SEARCH") && type.startsWith(QLatin1String("DISPLAY")));
        if (mismatch)
            errors.append(
                makeError(QStringLiteral("adGroupError"),
                          QStringLiteral("ADGROUP_TYPE_NOT_VALID_FOR_ADVERTISING_CHANNEL_TYPE"),
                          QStringLiteral("The ad group type does not fit the campaign's "
                                         "channel."),
                          prefix,
                          QStringLiteral("type"),
                          type));
        payload.insert(QStringLiteral("type"), type);
        const auto sameCampaign = [&](const ObjectRecord &record) {
            return record.parentId == campaign->id;
        };
        if (!name.isEmpty() && nameTaken(context, kAdGroup, name, sameCampaign))
            errors.append(makeError(QStringLiteral("adGroupError"),
                                    QStringLiteral("DUPLICATE_ADGROUP_NAME"),
                                    QStringLiteral("An ad group with this name already exists in "
                                                   "the campaign."),
                                    prefix,
                                    QStringLiteral("name"),
                                    name));
    }
    payload.insert(QStringLiteral("status"), status);
    for (const char *key : {"cpcBidMicros", "cpmBidMicros", "targetCpaMicros"}) {
        const QString bidKey = QString::fromLatin1(key);
        if (const auto bid = integerValue(payload.value(bidKey)))
            payload.insert(bidKey, QString::number(*bid));
    }
    return errors;
}

std::optional<ImageInfo> assetImage(const MutateContext &context, const QString &name)
{
    const auto asset = context.find(kAsset, name);
    if (!asset || !asset->state.contains(QStringLiteral("imageAsset")))
        return std::nullopt;
    const QJsonObject full = asset->state.value(QStringLiteral("imageAsset"))
                                 .toObject()
                                 .value(QStringLiteral("fullSize"))
                                 .toObject();
    return ImageInfo{QString(),
                     full.value(QStringLiteral("widthPixels")).toVariant().toInt(),
                     full.value(QStringLiteral("heightPixels")).toVariant().toInt()};
}

void checkImageList(QList<AdsError> &errors,
                    const QJsonArray &images,
                    const QString &field,
                    double ratio,
                    int minWidth,
                    int minHeight,
                    const MutateContext &context,
                    const QJsonArray &prefix)
{
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QString asset = images[i].toObject().value(QStringLiteral("asset")).toString();
        const QString path = QStringLiteral("%1[%2].asset").arg(field).arg(i);
        const auto info = assetImage(context, asset);
        if (!info) {
            errors.append(notFound(prefix, path, asset));
            continue;
        }
        const double actual = info->height > 0 ? double(info->width) / info->height : 0;
        // The image sizes are ratios, not money: floating point is fine here.
        if (std::abs(actual - ratio) > ratio * 0.01 || info->width < minWidth
            || info->height < minHeight) {
            errors.append(makeError(QStringLiteral("imageError"),
                                    QStringLiteral("ASPECT_RATIO_NOT_ALLOWED"),
                                    QStringLiteral("The image's size or aspect ratio is not "
                                                   "allowed here."),
                                    prefix,
                                    path,
                                    asset));
        }
    }
}

void checkTextList(QList<AdsError> &errors,
                   const QJsonArray &items,
                   const QString &field,
                   qsizetype minCount,
                   qsizetype maxCount,
                   qsizetype maxLength,
                   const QJsonArray &prefix)
{
    if (items.size() < minCount)
        errors.append(makeError(QStringLiteral("collectionSizeError"),
                                QStringLiteral("TOO_FEW"),
                                QStringLiteral("Too few."),
                                prefix,
                                field));
    if (items.size() > maxCount)
        errors.append(makeError(QStringLiteral("collectionSizeError"),
                                QStringLiteral("TOO_MANY"),
                                QStringLiteral("Too many."),
                                prefix,
                                field));
    for (qsizetype i = 0; i < items.size(); ++i) {
        checkText(errors,
                  prefix,
                  QStringLiteral("%1[%2].text").arg(field).arg(i),
                  items[i].toObject().value(QStringLiteral("text")).toString(),
                  maxLength);
    }
}

void checkDisplayAd(QList<AdsError> &errors,
                    const QJsonObject &ad,
                    const MutateContext &context,
                    const QJsonArray &prefix)
{
    const QString base = QStringLiteral("ad.responsive_display_ad.");
    const QJsonArray landscape = ad.value(QStringLiteral("marketingImages")).toArray();
    const QJsonArray square = ad.value(QStringLiteral("squareMarketingImages")).toArray();
    if (landscape.isEmpty())
        errors.append(makeError(QStringLiteral("collectionSizeError"),
                                QStringLiteral("TOO_FEW"),
                                QStringLiteral("Too few."),
                                prefix,
                                base + QStringLiteral("marketing_images")));
    if (square.isEmpty())
        errors.append(makeError(QStringLiteral("collectionSizeError"),
                                QStringLiteral("TOO_FEW"),
                                QStringLiteral("Too few."),
                                prefix,
                                base + QStringLiteral("square_marketing_images")));
    if (landscape.size() + square.size() > 15)
        errors.append(makeError(QStringLiteral("collectionSizeError"),
                                QStringLiteral("TOO_MANY"),
                                QStringLiteral("Too many."),
                                prefix,
                                base + QStringLiteral("marketing_images")));
    checkImageList(errors,
                   landscape,
                   base + QStringLiteral("marketing_images"),
                   1.91,
                   600,
                   314,
                   context,
                   prefix);
    checkImageList(errors,
                   square,
                   base + QStringLiteral("square_marketing_images"),
                   1.0,
                   300,
                   300,
                   context,
                   prefix);
    const qsizetype logos = ad.value(QStringLiteral("logoImages")).toArray().size()
                            + ad.value(QStringLiteral("squareLogoImages")).toArray().size();
    if (logos > 5)
        errors.append(makeError(QStringLiteral("collectionSizeError"),
                                QStringLiteral("TOO_MANY"),
                                QStringLiteral("Too many."),
                                prefix,
                                base + QStringLiteral("logo_images")));

    checkTextList(errors,
                  ad.value(QStringLiteral("headlines")).toArray(),
                  base + QStringLiteral("headlines"),
                  1,
                  5,
                  30,
                  prefix);
    checkTextList(errors,
                  ad.value(QStringLiteral("descriptions")).toArray(),
                  base + QStringLiteral("descriptions"),
                  1,
                  5,
                  90,
                  prefix);
    const QString longHeadline = ad.value(QStringLiteral("longHeadline"))
                                     .toObject()
                                     .value(QStringLiteral("text"))
                                     .toString();
    if (longHeadline.isEmpty())
        errors.append(requiredError(prefix, base + QStringLiteral("long_headline")));
    checkText(errors, prefix, base + QStringLiteral("long_headline.text"), longHeadline, 90);
    const QString business = ad.value(QStringLiteral("businessName")).toString();
    if (business.isEmpty())
        errors.append(requiredError(prefix, base + QStringLiteral("business_name")));
    checkText(errors, prefix, base + QStringLiteral("business_name"), business, 25);
}

void checkSearchAd(QList<AdsError> &errors, const QJsonObject &ad, const QJsonArray &prefix)
{
    const QString base = QStringLiteral("ad.responsive_search_ad.");
    checkTextList(errors,
                  ad.value(QStringLiteral("headlines")).toArray(),
                  base + QStringLiteral("headlines"),
                  3,
                  15,
                  30,
                  prefix);
    checkTextList(errors,
                  ad.value(QStringLiteral("descriptions")).toArray(),
                  base + QStringLiteral("descriptions"),
                  2,
                  4,
                  90,
                  prefix);
    const QString path1 = ad.value(QStringLiteral("path1")).toString();
    const QString path2 = ad.value(QStringLiteral("path2")).toString();
    checkText(errors, prefix, base + QStringLiteral("path1"), path1, 15);
    checkText(errors, prefix, base + QStringLiteral("path2"), path2, 15);
    if (!path2.isEmpty() && path1.isEmpty())
        errors.append(makeError(QStringLiteral("adError"),
                                QStringLiteral("CANNOT_SET_PATH2_WITHOUT_PATH1"),
                                QStringLiteral("path2 needs path1."),
                                prefix,
                                base + QStringLiteral("path2")));
}

void checkFinalUrls(QList<AdsError> &errors, const QJsonArray &urls, const QJsonArray &prefix)
{
    if (urls.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("ad.final_urls")));
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const QString text = urls[i].toString();
        const QUrl url(text, QUrl::StrictMode);
        const QString field = QStringLiteral("ad.final_urls[%1]").arg(i);
        QString code;
        if (!text.contains(QLatin1String("://")))
            code = QStringLiteral("URL_NO_SCHEME");
        else if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            code = QStringLiteral("URL_INVALID_SCHEME");
        else if (!url.isValid() || url.host().isEmpty())
            code = QStringLiteral("URL_MALFORMED");
        else if (!url.host().contains(QLatin1Char('.')))
            code = QStringLiteral("URL_NO_TOP_LEVEL_DOMAIN");
        if (!code.isEmpty())
            errors.append(makeError(QStringLiteral("adError"),
                                    code,
                                    QStringLiteral("The final URL is not valid."),
                                    prefix,
                                    field,
                                    text));
    }
}

QList<AdsError> createAdGroupAd(QJsonObject &payload,
                                MutateContext &context,
                                const QJsonArray &prefix,
                                QString &parentId,
                                QString &id)
{
    QList<AdsError> errors;
    const QString adGroupName = payload.value(QStringLiteral("adGroup")).toString();
    const auto adGroup = context.find(kAdGroup, adGroupName);
    if (adGroupName.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("ad_group")));
    else if (!adGroup)
        errors.append(notFound(prefix, QStringLiteral("ad_group"), adGroupName));
    const QString status =
        payload.value(QStringLiteral("status")).toString(QStringLiteral("ENABLED"));
    if (!kStatuses.contains(status))
        errors.append(invalidEnum(prefix, QStringLiteral("status"), status));

    QJsonObject ad = payload.value(QStringLiteral("ad")).toObject();
    if (ad.isEmpty()) {
        errors.append(requiredError(prefix, QStringLiteral("ad")));
        return errors;
    }
    checkFinalUrls(errors, ad.value(QStringLiteral("finalUrls")).toArray(), prefix);
    QString adType;
    if (ad.contains(QStringLiteral("responsiveDisplayAd"))) {
        adType = QStringLiteral("RESPONSIVE_DISPLAY_AD");
        checkDisplayAd(
            errors, ad.value(QStringLiteral("responsiveDisplayAd")).toObject(), context, prefix);
    } else if (ad.contains(QStringLiteral("responsiveSearchAd"))) {
        adType = QStringLiteral("RESPONSIVE_SEARCH_AD");
        checkSearchAd(errors, ad.value(QStringLiteral("responsiveSearchAd")).toObject(), prefix);
    } else {
        // Limitation: only responsive display and responsive search ads are simulated.
        errors.append(requiredError(prefix, QStringLiteral("ad.ad_data")));
    }
    if (!errors.isEmpty() || !adGroup)
        return errors;

    const QString adId = QString::number(context.nextId());
    ad.insert(QStringLiteral("id"), adId);
    ad.insert(QStringLiteral("type"), adType);
    ad.insert(QStringLiteral("resourceName"),
              QStringLiteral("customers/%1/ads/%2").arg(cid(context), adId));
    payload.insert(QStringLiteral("ad"), ad);
    payload.insert(QStringLiteral("status"), status);
    payload.insert(QStringLiteral("policySummary"),
                   QJsonObject{{"approvalStatus", QStringLiteral("APPROVED")},
                               {"reviewStatus", QStringLiteral("REVIEWED")}});
    parentId = adGroup->id;
    id = adGroup->id + QLatin1Char('~') + adId;
    return errors;
}

QList<AdsError> createCriterion(const QString &type,
                                QJsonObject &payload,
                                MutateContext &context,
                                const QJsonArray &prefix,
                                QString &parentId,
                                QString &id)
{
    QList<AdsError> errors;
    const bool adGroupLevel = type == kAdGroupCriterion;
    const QString parentKey = adGroupLevel ? QStringLiteral("adGroup") : QStringLiteral("campaign");
    const QString parentName = payload.value(parentKey).toString();
    const auto parent = context.find(adGroupLevel ? kAdGroup : kCampaign, parentName);
    const QString parentField =
        adGroupLevel ? QStringLiteral("ad_group") : QStringLiteral("campaign");
    if (parentName.isEmpty())
        errors.append(requiredError(prefix, parentField));
    else if (!parent)
        errors.append(notFound(prefix, parentField, parentName));

    if (payload.contains(QStringLiteral("userList"))) {
        const QString list = payload.value(QStringLiteral("userList"))
                                 .toObject()
                                 .value(QStringLiteral("userList"))
                                 .toString();
        if (!context.find(kUserList, list))
            errors.append(notFound(prefix, QStringLiteral("user_list.user_list"), list));
    }
    if (payload.contains(QStringLiteral("keyword"))) {
        const QJsonObject keyword = payload.value(QStringLiteral("keyword")).toObject();
        const QString text = keyword.value(QStringLiteral("text")).toString();
        checkText(errors, prefix, QStringLiteral("keyword.text"), text, 80);
        if (text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() > 10)
            errors.append(makeError(QStringLiteral("criterionError"),
                                    QStringLiteral("KEYWORD_HAS_TOO_MANY_WORDS"),
                                    QStringLiteral("The keyword has too many words."),
                                    prefix,
                                    QStringLiteral("keyword.text"),
                                    text));
        static const QSet<QString> matchTypes = {"EXACT", "PHRASE", "BROAD"};
        const QString matchType = keyword.value(QStringLiteral("matchType")).toString();
        if (!matchTypes.contains(matchType))
            errors.append(invalidEnum(prefix, QStringLiteral("keyword.match_type"), matchType));
    }
    if (!errors.isEmpty() || !parent)
        return errors;
    const QString criterionId = QString::number(context.nextId());
    payload.insert(QStringLiteral("criterionId"), criterionId);
    payload.insert(QStringLiteral("status"),
                   payload.value(QStringLiteral("status")).toString(QStringLiteral("ENABLED")));
    parentId = parent->id;
    id = parent->id + QLatin1Char('~') + criterionId;
    return errors;
}

QList<AdsError> createAsset(QJsonObject &payload, const QJsonArray &prefix)
{
    QList<AdsError> errors;
    if (payload.contains(QStringLiteral("imageAsset"))) {
        QJsonObject image = payload.value(QStringLiteral("imageAsset")).toObject();
        const auto bytes = QByteArray::fromBase64Encoding(
            image.value(QStringLiteral("data")).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        const auto info = bytes ? probeImage(*bytes) : std::nullopt;
        static const QSet<QString> formats = {"jpeg", "png", "gif"};
        if (!info || !formats.contains(info->format)) {
            errors.append(makeError(QStringLiteral("imageError"),
                                    QStringLiteral("INVALID_IMAGE"),
                                    QStringLiteral("The image is not a GIF, JPEG or PNG."),
                                    prefix,
                                    QStringLiteral("image_asset.data")));
            return errors;
        }
        image.remove(QStringLiteral("data"));
        image.insert(QStringLiteral("fileSize"), QString::number((*bytes).size()));
        image.insert(QStringLiteral("mimeType"),
                     QString(QStringLiteral("IMAGE_") + info->format.toUpper()));
        image.insert(QStringLiteral("fullSize"),
                     QJsonObject{{"widthPixels", QString::number(info->width)},
                                 {"heightPixels", QString::number(info->height)},
                                 {"url",
                                  QString(QStringLiteral("https://sandbox.invalid/")
                                          + http::md5Hex(*bytes))}});
        payload.insert(QStringLiteral("imageAsset"), image);
        payload.insert(QStringLiteral("type"), QStringLiteral("IMAGE"));
    } else if (payload.contains(QStringLiteral("youtubeVideoAsset"))) {
        const QString video = payload.value(QStringLiteral("youtubeVideoAsset"))
                                  .toObject()
                                  .value(QStringLiteral("youtubeVideoId"))
                                  .toString();
        static const QRegularExpression youtubeId(QStringLiteral("^[A-Za-z0-9_-]{11}$"));
        if (!youtubeId.match(video).hasMatch())
            errors.append(makeError(QStringLiteral("fieldError"),
                                    QStringLiteral("INVALID_VALUE"),
                                    QStringLiteral("Not a YouTube video id."),
                                    prefix,
                                    QStringLiteral("youtube_video_asset.youtube_video_id"),
                                    video));
        payload.insert(QStringLiteral("type"), QStringLiteral("YOUTUBE_VIDEO"));
    } else if (payload.contains(QStringLiteral("textAsset"))) {
        payload.insert(QStringLiteral("type"), QStringLiteral("TEXT"));
    } else {
        errors.append(requiredError(prefix, QStringLiteral("asset_data")));
    }
    payload.insert(QStringLiteral("status"), QStringLiteral("ENABLED"));
    return errors;
}

QList<AdsError> createUserList(QJsonObject &payload,
                               MutateContext &context,
                               const QJsonArray &prefix)
{
    QList<AdsError> errors;
    const QString name = payload.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        errors.append(requiredError(prefix, QStringLiteral("name")));
    if (!name.isEmpty()
        && nameTaken(context, kUserList, name, [](const ObjectRecord &) { return true; }))
        errors.append(makeError(QStringLiteral("userListError"),
                                QStringLiteral("NAME_ALREADY_USED"),
                                QStringLiteral("The name is already used by another list."),
                                prefix,
                                QStringLiteral("name"),
                                name));
    if (payload.contains(QStringLiteral("membershipLifeSpan"))) {
        const auto days = integerValue(payload.value(QStringLiteral("membershipLifeSpan")));
        if (!days || *days < 0 || *days > 540)
            errors.append(makeError(QStringLiteral("rangeError"),
                                    days && *days > 540 ? QStringLiteral("TOO_HIGH")
                                                        : QStringLiteral("TOO_LOW"),
                                    QStringLiteral("membershipLifeSpan must be 0..540 days."),
                                    prefix,
                                    QStringLiteral("membership_life_span")));
    }
    if (payload.contains(QStringLiteral("crmBasedUserList"))) {
        static const QSet<QString> keys = {"CONTACT_INFO", "CRM_ID", "MOBILE_ADVERTISING_ID"};
        const QString key = payload.value(QStringLiteral("crmBasedUserList"))
                                .toObject()
                                .value(QStringLiteral("uploadKeyType"))
                                .toString();
        if (!keys.contains(key))
            errors.append(
                invalidEnum(prefix, QStringLiteral("crm_based_user_list.upload_key_type"), key));
        payload.insert(QStringLiteral("type"), QStringLiteral("CRM_BASED"));
    }
    payload.insert(QStringLiteral("membershipStatus"), QStringLiteral("OPEN"));
    payload.insert(QStringLiteral("sizeForDisplay"), QStringLiteral("0"));
    payload.insert(QStringLiteral("sizeForSearch"), QStringLiteral("0"));
    payload.insert(QStringLiteral("status"), QStringLiteral("ENABLED"));
    return errors;
}

OperationResult createResource(const Operation &operation, MutateContext &context)
{
    OperationResult result;
    const QJsonArray prefix = operation.path;
    QJsonObject payload = replaceTempNames(operation.payload, context.tempNames).toObject();
    const QString tempName =
        operation.payload.toObject().value(QStringLiteral("resourceName")).toString();
    if (!tempName.isEmpty()
        && (!idOf(tempName).startsWith(QLatin1Char('-')) || context.tempNames.contains(tempName))) {
        result.errors.append(makeError(
            QStringLiteral("newResourceCreationError"),
            tempName.contains(QLatin1String("/-")) ? QStringLiteral("DUPLICATE_TEMP_IDS")
                                                   : QStringLiteral("CANNOT_SET_ID_FOR_CREATE"),
            QStringLiteral("The resource name cannot be used on create."),
            prefix,
            QStringLiteral("resource_name"),
            tempName));
        return result;
    }

    QString parentId = cid(context);
    QString id;
    const QString &type = operation.type;
    if (type == kBudget)
        result.errors = createBudget(payload, context, prefix);
    else if (type == kCampaign)
        result.errors = createCampaign(payload, context, prefix, parentId);
    else if (type == kAdGroup)
        result.errors = createAdGroup(payload, context, prefix, parentId);
    else if (type == kAdGroupAd)
        result.errors = createAdGroupAd(payload, context, prefix, parentId, id);
    else if (type == kAdGroupCriterion || type == kCampaignCriterion)
        result.errors = createCriterion(type, payload, context, prefix, parentId, id);
    else if (type == kAsset)
        result.errors = createAsset(payload, prefix);
    else if (type == kUserList)
        result.errors = createUserList(payload, context, prefix);
    if (!result.errors.isEmpty())
        return result;

    if (id.isEmpty())
        id = QString::number(context.nextId());
    result.resourceName = resourceName(context, type, id);
    payload.insert(QStringLiteral("resourceName"), result.resourceName);
    if (!id.contains(QLatin1Char('~')))
        payload.insert(QStringLiteral("id"), id);
    ObjectRecord record = newRecord(context, type, id, parentId, payload);
    record.fields = operation.payload.toObject();
    context.stage(record, true);
    if (!tempName.isEmpty())
        context.tempNames.insert(tempName, result.resourceName);
    result.resource = record.state;
    result.resource.insert(QStringLiteral("resourceName"), result.resourceName);
    return result;
}

QStringList maskPaths(const QString &mask)
{
    QStringList paths;
    for (const QString &path : mask.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QStringList parts;
        for (const QString &part : path.trimmed().split(QLatin1Char('.')))
            parts.append(snakeToCamel(part));
        paths.append(parts.join(QLatin1Char('.')));
    }
    return paths;
}

bool mutablePath(const QString &type, const QString &path)
{
    static const QHash<QString, QStringList> allowed = {
        {kBudget, {"name", "amountMicros", "totalAmountMicros", "deliveryMethod"}},
        {kCampaign,
         {"name",
          "status",
          "endDateTime",
          "startDateTime",
          "endDate",
          "startDate",
          "networkSettings",
          "campaignBudget",
          "manualCpc",
          "targetSpend",
          "maximizeConversions",
          "maximizeConversionValue",
          "targetCpa",
          "targetRoas",
          "targetCpm",
          "manualCpm",
          "containsEuPoliticalAdvertising"}},
        {kAdGroup, {"name", "status", "cpcBidMicros", "cpmBidMicros", "targetCpaMicros"}},
        {kAdGroupAd, {"status"}},
        {kAdGroupCriterion, {"status", "negative"}},
        {kCampaignCriterion, {"status", "negative"}},
        {kAsset, {"name"}},
        {kUserList, {"name", "description", "membershipLifeSpan", "membershipStatus"}}};
    return allowed.value(type).contains(path.section(QLatin1Char('.'), 0, 0));
}

QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &part : path.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value;
}

void setAt(QJsonObject &object, const QStringList &parts, const QJsonValue &value)
{
    if (parts.size() == 1) {
        if (value.isUndefined())
            object.remove(parts.first());
        else
            object.insert(parts.first(), value);
        return;
    }
    QJsonObject child = object.value(parts.first()).toObject();
    setAt(child, parts.mid(1), value);
    object.insert(parts.first(), child);
}

OperationResult updateResource(const Operation &operation, MutateContext &context)
{
    OperationResult result;
    const QJsonArray prefix = operation.path;
    const QJsonObject payload = replaceTempNames(operation.payload, context.tempNames).toObject();
    const QString name = payload.value(QStringLiteral("resourceName")).toString();
    auto record = context.find(operation.type, name);
    if (!record) {
        result.errors.append(notFound(prefix, QStringLiteral("resource_name"), name));
        return result;
    }
    if (record->status == QLatin1String("REMOVED")) {
        result.errors.append(makeError(QStringLiteral("mutateError"),
                                       QStringLiteral("MUTATE_NOT_ALLOWED"),
                                       QStringLiteral("A removed resource cannot be changed."),
                                       prefix,
                                       QStringLiteral("resource_name"),
                                       name));
        return result;
    }
    if (operation.updateMask.isEmpty()) {
        result.errors.append(makeError(QStringLiteral("fieldMaskError"),
                                       QStringLiteral("FIELD_MASK_MISSING"),
                                       QStringLiteral("The update mask is missing."),
                                       prefix,
                                       QStringLiteral("update_mask")));
        return result;
    }

    const QString before = record->status;
    for (const QString &path : maskPaths(operation.updateMask)) {
        if (operation.type == kAdGroupAd && path.startsWith(QLatin1String("ad"))
            && path != QLatin1String("adGroup")) {
            result.errors.append(makeError(QStringLiteral("fieldError"),
                                           QStringLiteral("IMMUTABLE_FIELD"),
                                           QStringLiteral("The ad of an ad group ad cannot change; "
                                                          "create a new ad instead."),
                                           prefix,
                                           path));
            continue;
        }
        if (!mutablePath(operation.type, path)) {
            result.errors.append(
                makeError(QStringLiteral("fieldMaskError"),
                          QStringLiteral("FIELD_NOT_FOUND"),
                          QStringLiteral("The field mask names a field that cannot "
                                         "be updated."),
                          prefix,
                          path));
            continue;
        }
        const QJsonValue value = valueAt(payload, path);
        if (path == QLatin1String("status") && !kStatuses.contains(value.toString())) {
            result.errors.append(invalidEnum(prefix, QStringLiteral("status"), value.toString()));
            continue;
        }
        if (path == QLatin1String("amountMicros"))
            result.errors += checkBudgetAmount(payload, path, prefix);
        setAt(record->state,
              path.split(QLatin1Char('.')),
              path.endsWith(QLatin1String("Micros")) && integerValue(value)
                  ? QJsonValue(QString::number(*integerValue(value)))
                  : value);
    }
    if (!result.errors.isEmpty())
        return result;

    record->status = record->state.value(QStringLiteral("status")).toString(record->status);
    record->name = record->state.value(QStringLiteral("name")).toString(record->name);
    record->updatedAtMs = context.nowMs;
    if (record->state.contains(QStringLiteral("endDateTime"))) {
        if (auto end =
                parseGoogleDateTime(record->state.value(QStringLiteral("endDateTime")).toString(),
                                    QTimeZone(context.account.timeZone.toUtf8())))
            record->state.insert(QStringLiteral("_endMs"), QString::number(*end + 999));
    }
    context.stage(*record, record->status != before);
    result.resourceName = name;
    result.resource = record->state;
    return result;
}

OperationResult removeResource(const Operation &operation, MutateContext &context)
{
    OperationResult result;
    const QString name = replaceTempNames(operation.payload, context.tempNames).toString();
    auto record = context.find(operation.type, name);
    if (!record || record->status == QLatin1String("REMOVED")) {
        result.errors.append(notFound(operation.path, QString(), name));
        return result;
    }
    record->status = QStringLiteral("REMOVED");
    record->state.insert(QStringLiteral("status"), record->status);
    record->updatedAtMs = context.nowMs;
    context.stage(*record, true);
    result.resourceName = name;
    result.resource = record->state;
    return result;
}

} // namespace

QJsonArray fieldPath(const QJsonArray &prefix, const QString &dotted)
{
    QJsonArray path = prefix;
    static const QRegularExpression indexed(QStringLiteral("^(\\w+)\\[(\\d+)\\]$"));
    for (const QString &part : dotted.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        const auto match = indexed.match(part);
        if (match.hasMatch())
            path.append(QJsonObject{{"fieldName", match.captured(1)},
                                    {"index", match.captured(2).toInt()}});
        else
            path.append(QJsonObject{{"fieldName", part}});
    }
    return path;
}

std::optional<ObjectRecord> MutateContext::find(const QString &type, const QString &name) const
{
    const QString real = tempNames.value(name, name);
    static const QRegularExpression pattern(QStringLiteral("^customers/(\\d+)/(\\w+)/([\\d~]+)$"));
    const auto match = pattern.match(real);
    if (!match.hasMatch() || match.captured(1) != account.accountId
        || match.captured(2) != collectionOf(type)) {
        return std::nullopt;
    }
    const QString id = match.captured(3);
    std::optional<ObjectRecord> record;
    if (staged.contains(id))
        record = staged.value(id);
    else
        record = store->object(Platform::Google, id);
    if (!record || record->type != type || record->accountId != account.accountId)
        return std::nullopt;
    return record;
}

void MutateContext::stage(const ObjectRecord &record, bool statusChanged)
{
    if (!staged.contains(record.id))
        stagedOrder.append(record.id);
    staged.insert(record.id, record);
    if (statusChanged)
        statuses.append({record.id, record.status, nowMs});
}

OperationResult applyOperation(const Operation &operation, MutateContext &context)
{
    if (operation.kind == QLatin1String("create"))
        return createResource(operation, context);
    if (operation.kind == QLatin1String("update"))
        return updateResource(operation, context);
    return removeResource(operation, context);
}

QString collectionOf(const QString &type)
{
    static const QHash<QString, QString> collections = {{kBudget, "campaignBudgets"},
                                                        {kCampaign, "campaigns"},
                                                        {kAdGroup, "adGroups"},
                                                        {kAdGroupAd, "adGroupAds"},
                                                        {kAdGroupCriterion, "adGroupCriteria"},
                                                        {kCampaignCriterion, "campaignCriteria"},
                                                        {kAsset, "assets"},
                                                        {kUserList, "userLists"},
                                                        {kUserDataJob, "offlineUserDataJobs"}};
    return collections.value(type);
}

QString typeOfCollection(const QString &collection)
{
    for (const QString &type : {kBudget,
                                kCampaign,
                                kAdGroup,
                                kAdGroupAd,
                                kAdGroupCriterion,
                                kCampaignCriterion,
                                kAsset,
                                kUserList}) {
        if (collectionOf(type) == collection)
            return type;
    }
    return {};
}

QString snakeToCamel(const QString &text)
{
    QString result;
    bool upper = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        result += upper ? c.toUpper() : c;
        upper = false;
    }
    return result;
}

QString camelType(const QString &type)
{
    return snakeToCamel(type);
}

std::optional<qint64> parseGoogleDateTime(const QString &text, const QTimeZone &zone)
{
    for (const QString &format :
         {QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyyMMdd HH:mm:ss")}) {
        const QDateTime local = QDateTime::fromString(text, format);
        if (local.isValid())
            return QDateTime(local.date(), local.time(), zone).toMSecsSinceEpoch();
    }
    return std::nullopt;
}

} // namespace ads::core::sandbox::google
