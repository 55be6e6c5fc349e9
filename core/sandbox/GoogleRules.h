#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/SimulatorSupport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <tl/expected.hpp>

// The Google Ads simulator's rules: per-resource validation for mutates, resource names, and
// the GAQL subset. Facts come from reference/platforms/google.md. Error enum names not spelled
// out there are written from the Google Ads error enums as we know them; connectors should key
// on the category and HTTP status more than on the exact value.

namespace ads::core::sandbox::google {

inline const QString kBudget = QStringLiteral("campaign_budget");
inline const QString kCampaign = QStringLiteral("campaign");
inline const QString kAdGroup = QStringLiteral("ad_group");
inline const QString kAdGroupAd = QStringLiteral("ad_group_ad");
inline const QString kAdGroupCriterion = QStringLiteral("ad_group_criterion");
inline const QString kCampaignCriterion = QStringLiteral("campaign_criterion");
inline const QString kAsset = QStringLiteral("asset");
inline const QString kUserList = QStringLiteral("user_list");
inline const QString kUserDataJob = QStringLiteral("offline_user_data_job");

inline constexpr qint64 kIdBase = 21'000'000'000;
/** Most statistics arrive within 3 hours (google.md 8). */
inline constexpr qint64 kReportingDelayMs = 3 * 3600 * 1000LL;

/** One entry of GoogleAdsFailure.errors. */
struct AdsError
{
    QString category; // "fieldError"
    QString code;     // "REQUIRED"
    QString message;
    QJsonArray location; // fieldPathElements
    QJsonObject trigger; // {"stringValue": ...}
    QJsonObject details; // ErrorDetails, when any
};

/** Builds a field path: {"operations",0},{"create"},{"name"} from ("operations",0,"create.name").
 */
QJsonArray fieldPath(const QJsonArray &prefix, const QString &dotted);

/** A mutate in progress: staged records and temporary resource names, written all at once. */
struct MutateContext
{
    SandboxAccount account;
    const SandboxStore *store = nullptr;
    int version = 25;
    qint64 nowMs = 0;
    std::function<qint64()> nextId;
    QHash<QString, QString> tempNames;   // "customers/1/campaigns/-2" -> real name
    QHash<QString, ObjectRecord> staged; // by record id
    QList<QString> stagedOrder;
    QList<StatusChange> statuses;

    std::optional<ObjectRecord> find(const QString &type, const QString &resourceName) const;
    void stage(const ObjectRecord &record, bool statusChanged);
};

/** One mutate operation on one resource type. */
struct Operation
{
    QString type;       // campaign, ad_group, ...
    QString kind;       // create, update, remove
    QJsonValue payload; // object for create/update, resource name for remove
    QString updateMask;
    QJsonArray path; // field path prefix of the operation
};

/** The operation's result resource name, or errors. */
struct OperationResult
{
    QString resourceName;
    QJsonObject resource; // for MUTABLE_RESOURCE
    QList<AdsError> errors;
};

OperationResult applyOperation(const Operation &operation, MutateContext &context);

/** The collection segment of a resource name ("campaigns") for a type, and back. */
QString collectionOf(const QString &type);
QString typeOfCollection(const QString &collection);
/** camelCase key of a type in JSON rows and results ("adGroupAd"). */
QString camelType(const QString &type);
QString snakeToCamel(const QString &text);

/** Local date-times as Google writes them: "yyyy-MM-dd HH:mm:ss" (also yyyyMMdd). */
std::optional<qint64> parseGoogleDateTime(const QString &text, const QTimeZone &zone);

// ---- GAQL --------------------------------------------------------------------------------

struct GaqlCondition
{
    QString field;
    QString op; // =, !=, >, >=, <, <=, IN, NOT IN, LIKE, NOT LIKE, BETWEEN, DURING,
                // IS NULL, IS NOT NULL
    QStringList values;
};

struct GaqlQuery
{
    QStringList select;
    QString from;
    QList<GaqlCondition> where;
    QList<QPair<QString, bool>> orderBy; // field, descending
    qint64 limit = -1;
};

/** Parses and checks a query; errors carry queryError codes. */
tl::expected<GaqlQuery, AdsError> parseGaql(const QString &text);

/** Everything a query reads, gathered by the simulator. */
struct GaqlData
{
    SandboxAccount account;
    QList<ObjectRecord> objects;
    QMap<QString, QList<DeliverySlice>> delivery; // by campaign id: days, or hours with segments.hour
    qint64 nowMs = 0;
};

/** Rows of the result, in the REST JSON shape (camelCase, int64 as strings). */
tl::expected<QList<QJsonObject>, AdsError> runGaql(const GaqlQuery &query, const GaqlData &data);
/** The fieldMask of a result: selected fields in camelCase. */
QString gaqlFieldMask(const GaqlQuery &query);

} // namespace ads::core::sandbox::google
