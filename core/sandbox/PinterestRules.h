#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/SimulatorSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <tl/expected.hpp>

// The Pinterest simulator's rules: validation of campaigns, ad groups, ads and Pins, entity
// rendering, list filters and the synchronous analytics. Facts come from
// reference/platforms/pinterest.md and Pinterest's OpenAPI description.

namespace ads::core::sandbox::pinterest {

inline const QString kCampaign = QStringLiteral("campaign");
inline const QString kAdGroup = QStringLiteral("ad_group");
inline const QString kAd = QStringLiteral("ad");
inline const QString kPin = QStringLiteral("pin");
inline const QString kMedia = QStringLiteral("media");
inline const QString kCustomerList = QStringLiteral("customer_list");
inline const QString kAudience = QStringLiteral("audience");

/** Pinterest's error body {code, message} and the HTTP status it travels with. */
struct PinterestError
{
    int status = 400;
    int code = 1;
    QString message;
};

template<typename T>
using PinterestResult = tl::expected<T, PinterestError>;

/** A per-item or whole-request validation failure (HTTP 400, code 1 unless given). */
inline tl::unexpected<PinterestError> reject(const QString &message, int code = 1)
{
    return tl::unexpected<PinterestError>(PinterestError{400, code, message});
}

QJsonObject errorBody(const PinterestError &error);

/** What validation reads besides the request. */
struct RuleContext
{
    SandboxAccount account;
    const SandboxStore *store = nullptr;
    qint64 nowMs = 0;
};

/** A live (not deleted) record of the account, or nullopt. */
std::optional<ObjectRecord> findRecord(const RuleContext &context,
                                       const QString &type,
                                       const QString &id);

/** Check a create item or a merged update; returns the entity state to store. */
PinterestResult<QJsonObject> validateCampaign(const QJsonObject &item, const RuleContext &context);
PinterestResult<QJsonObject> validateAdGroup(const QJsonObject &item, const RuleContext &context);
PinterestResult<QJsonObject> validateAd(const QJsonObject &item, const RuleContext &context);
/** A Pin create; returns the Pin's media description (type, size) for its state. */
PinterestResult<QJsonObject> validatePin(const QJsonObject &body, const RuleContext &context);

/** A customer list create (pinterest.md 7.1); returns its state, without the raw records. */
PinterestResult<QJsonObject> validateCustomerList(const QJsonObject &body);
/** An ADD or REMOVE of records on a customer list's state; returns the new state. */
PinterestResult<QJsonObject> updateCustomerList(const QJsonObject &state, const QJsonObject &body);
/** An audience create (pinterest.md 7.2); returns its state. */
PinterestResult<QJsonObject> validateAudience(const QJsonObject &body, const RuleContext &context);

/** Fields that only a DRAFT entity may change (pinterest.md 3). */
QStringList draftOnlyFields(const QString &type);

/** The response object of GET and of batch writes. */
QJsonObject renderEntity(const ObjectRecord &record, const RuleContext &context);
QJsonObject renderAccount(const SandboxAccount &account);
QJsonObject renderPin(const ObjectRecord &record, const RuleContext &context);
QJsonObject renderCustomerList(const ObjectRecord &record, const RuleContext &context);
QJsonObject renderAudience(const ObjectRecord &record, const RuleContext &context);

/** Values of an array query parameter sent repeated or comma-joined. */
QStringList listParam(const QUrlQuery &query, const QString &key);

/** GET .../analytics for a level (CAMPAIGN, AD_GROUP or AD_ACCOUNT), in UTC days. */
PinterestResult<QJsonArray> analytics(const QUrlQuery &query,
                                      const QString &level,
                                      const RuleContext &context,
                                      quint64 seed);

} // namespace ads::core::sandbox::pinterest
