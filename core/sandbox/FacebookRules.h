#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/SimulatorSupport.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <tl/expected.hpp>

// The Meta simulator's rules, split from its routing: validation of each create and update,
// rendering of nodes and edges, filtering, cursor paging, insights rows and delivery units.
// Facts come from reference/platforms/meta.md; where it marks one unconfirmed, the code says
// which reading it took.

namespace ads::core::sandbox::facebook {

inline const QString kCampaign = QStringLiteral("campaign");
inline const QString kAdSet = QStringLiteral("adset");
/** The insights breakdown by the hour of the ad account's clock (meta.md 5.1). */
inline const QString kHourlyBreakdown = QStringLiteral("hourly_stats_aggregated_by_advertiser_time_zone");
inline const QString kCreative = QStringLiteral("adcreative");
inline const QString kAd = QStringLiteral("ad");
inline const QString kImage = QStringLiteral("adimage");
inline const QString kVideo = QStringLiteral("advideo");
inline const QString kAudience = QStringLiteral("customaudience");

inline constexpr qint64 kObjectIdBase = 120'210'000'000'000'000;
inline constexpr qint64 kVideoIdBase = 1'025'000'000'000'000;
inline constexpr qint64 kAudienceIdBase = 23'852'000'000'000'000;
/** Meta lets a day spend up to 175 % of the daily budget (meta.md 3.5). */
inline constexpr int kDailyCeilingPermille = 1750;
/** Delivery metrics appear within minutes (meta.md 8; exact latency unconfirmed). */
inline constexpr qint64 kReportingDelayMs = 15 * 60 * 1000;

/** A Graph API error as sent in {"error":{...}}. */
struct MetaError
{
    MetaError() = default;

    MetaError(int httpStatus,
              int errorCode,
              int errorSubcode,
              QString text,
              QString blameField = {},
              QString userTitle = {},
              QString userText = {},
              bool isTransient = false)
        : http(httpStatus)
        , code(errorCode)
        , subcode(errorSubcode)
        , message(std::move(text))
        , blame(std::move(blameField))
        , title(std::move(userTitle))
        , userMessage(std::move(userText))
        , transient(isTransient)
    {}

    int http = 400;
    int code = 100;
    int subcode = 0; // 0 = no error_subcode
    QString message;
    QString blame; // field for error_data.blame_field_specs
    QString title; // error_user_title
    QString userMessage;
    bool transient = false;
};

template<typename T>
using MetaResult = tl::expected<T, MetaError>;

/** One request on its way through the simulator. */
struct Call
{
    const SandboxRequest &request;
    RequestParams params;
    QString version;
    QStringList segments;           // path after the version
    QList<SandboxAccount> accounts; // the accounts the token may act for
};

/** What rendering needs besides the record. */
struct RenderContext
{
    SandboxAccount account;
    QString origin;
    const SandboxStore *store = nullptr;
};

/** A `fields` list: name plus the sub-fields of `name{a,b}`. */
using FieldList = QList<QPair<QString, QStringList>>;

struct Filter
{
    QString field;
    QString op;
    QJsonValue value;
};

struct ImageUpload
{
    QString name;
    QByteArray bytes;
    ImageInfo info;
};

struct InsightsQuery
{
    QString level;
    QDate since;
    QDate until;
    int increment = 0; // days per row; 0 = all_days, -1 = monthly
    QStringList fields;
    QStringList campaignIds; // empty = all
    QString nameContains;
    bool hourly = false; // breakdowns=hourly_stats_aggregated_by_advertiser_time_zone
};

// Errors and envelopes
QJsonObject errorBody(const MetaError &error, const QString &traceId);
MetaError unknownPath(const QString &path);
MetaError missingNode(const QString &id);
MetaError nonexistingField(const QString &field, const QString &type);
MetaError alreadyDeleted(const QString &id);

// Nodes that are fixtures of the account rather than objects: the page and the pixel.
QJsonObject renderAccount(const SandboxAccount &account,
                          const RequestParams &params,
                          const RenderContext &context);
QJsonObject pixelNode(const SandboxAccount &account);
QJsonObject fixtureNode(const SandboxAccount &account, const QString &id);

QString typeForEdge(const QString &edge);
bool hasDeliveryStatus(const QString &type);
bool isValidateOnly(const RequestParams &params);

// Creates and updates
MetaResult<QJsonObject> validateCampaign(const RequestParams &params,
                                         const SandboxAccount &account,
                                         const SandboxStore &store);
MetaResult<QJsonObject> validateAdSet(const RequestParams &params,
                                      const SandboxAccount &account,
                                      const SandboxStore &store,
                                      qint64 nowMs);
MetaResult<QJsonObject> validateCreative(const QJsonObject &values,
                                         const SandboxAccount &account,
                                         const SandboxStore &store);
MetaResult<QJsonObject> validateAd(const RequestParams &params,
                                   const SandboxAccount &account,
                                   const SandboxStore &store);
MetaResult<QList<ImageUpload>> collectImages(const RequestParams &params);
MetaResult<QJsonObject> validateVideo(const RequestParams &params);
MetaResult<QJsonObject> validateAudience(const RequestParams &params);
MetaResult<QJsonObject> applyAudienceUsers(const RequestParams &params,
                                           ObjectRecord &audience,
                                           bool remove);
MetaResult<void> applyUpdate(const RequestParams &params,
                             ObjectRecord &record,
                             const SandboxStore &store,
                             qint64 nowMs);

// Reads
FieldList parseFieldList(const QString &text);
/** The first requested field the type does not have; empty when all exist. */
QString unknownField(const QString &type, const FieldList &fields);
QJsonObject renderObject(const ObjectRecord &record,
                         const FieldList &fields,
                         const RenderContext &context);
MetaResult<QList<Filter>> parseFilters(const RequestParams &params, const QString &type);
bool matchesFilters(const ObjectRecord &record,
                    const QList<Filter> &filters,
                    const RenderContext &context);
/** {"data":[...],"paging":{...}} for the page the request's limit/after/before select. */
MetaResult<QJsonObject> paginate(const QList<QJsonObject> &rows,
                                 const RequestParams &params,
                                 const SandboxRequest &request);

// Insights and delivery
MetaResult<InsightsQuery> parseInsightsQuery(const RequestParams &params,
                                             const SandboxAccount &account,
                                             qint64 nowMs,
                                             bool campaignNode);
MetaResult<void> parseInsightsFilters(const RequestParams &params, InsightsQuery &query);
QList<QJsonObject> insightRows(const InsightsQuery &query,
                               const QList<ObjectRecord> &campaigns,
                               const QMap<QString, QList<DeliverySlice>> &delivery,
                               const SandboxAccount &account,
                               quint64 seed);
QList<DeliveryUnit> buildDeliveryUnits(const SandboxAccount &account,
                                       const QList<ObjectRecord> &objects,
                                       const QHash<QString, QList<StatusChange>> &histories,
                                       qint64 nowMs);

/** Micros per budget unit: Meta budgets use an offset of 100, or 1 for some currencies. */
qint64 budgetUnitMicros(const QString &currency);
/** The smallest daily budget in the account's budget units (1 major unit). */
qint64 minimumDailyBudgetUnits(const QString &currency);
/** Graph datetime text in the zone: 2026-03-01T09:30:00-0500. */
QString graphTime(qint64 ms, const QTimeZone &zone);

/** Meta keeps one image per content hash and ad account; the sandbox stores it as "<account>:<hash>". */
inline QString imageRecordId(const QString &accountId, const QString &hash)
{
    return hash.startsWith(accountId + QLatin1Char(':')) ? hash : accountId + QLatin1Char(':') + hash;
}

/** An image record's content hash, whichever way the record was stored. */
inline QString imageHash(const ObjectRecord &record)
{
    return record.id.section(QLatin1Char(':'), -1);
}

} // namespace ads::core::sandbox::facebook
