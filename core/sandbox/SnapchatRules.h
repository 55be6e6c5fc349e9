#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/SimulatorSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <tl/expected.hpp>

// The Snapchat simulator's rules: validation of campaigns, ad squads, media, creatives and ads,
// entity rendering and the stats endpoints. Facts come from reference/platforms/snapchat.md.

namespace ads::core::sandbox::snapchat {

inline const QString kCampaign = QStringLiteral("campaign");
inline const QString kAdSquad = QStringLiteral("adsquad");
inline const QString kAd = QStringLiteral("ad");
inline const QString kMedia = QStringLiteral("media");
inline const QString kCreative = QStringLiteral("creative");
inline const QString kSegment = QStringLiteral("segment");

/** A Snap error: HTTP status, E-code and the developer text (snapchat.md 5.1). */
struct SnapError
{
    int status = 400;
    QString code = QStringLiteral("E1001");
    QString message;
};

template<typename T>
using SnapResult = tl::expected<T, SnapError>;

inline tl::unexpected<SnapError> reject(const QString &message,
                                        const QString &code = QStringLiteral("E1001"))
{
    return tl::unexpected<SnapError>(SnapError{400, code, message});
}

/** What validation reads besides the request. */
struct RuleContext
{
    SandboxAccount account;
    const SandboxStore *store = nullptr;
    qint64 nowMs = 0;
};

QTimeZone accountZone(const SandboxAccount &account);
/** ISO-8601 with milliseconds in UTC ("2025-03-01T08:00:00.000Z"). */
QString utcText(qint64 ms);
/** ISO-8601 with milliseconds at the zone's offset ("2025-03-01T00:00:00.000-05:00"). */
QString localText(qint64 ms, const QTimeZone &zone);
/** An ISO-8601 instant with Z or an offset; nullopt when it is not one. */
std::optional<qint64> parseInstant(const QJsonValue &value);

/** A query value, percent-decoded in full: "%2C" reads as a comma, as on any HTTP server. */
QString queryValue(const QUrlQuery &query, const QString &key);

/** A live (not deleted) record of the account, or nullopt. */
std::optional<ObjectRecord> findRecord(const RuleContext &context,
                                       const QString &type,
                                       const QString &id);

/** Checks one object of a create or full-object update; `parentId` is the path's parent. */
SnapResult<QJsonObject> validateCampaign(const QJsonObject &item, const RuleContext &context);
SnapResult<QJsonObject> validateAdSquad(const QJsonObject &item, const RuleContext &context);
SnapResult<QJsonObject> validateMedia(const QJsonObject &item, const RuleContext &context);
SnapResult<QJsonObject> validateCreative(const QJsonObject &item, const RuleContext &context);
SnapResult<QJsonObject> validateAd(const QJsonObject &item, const RuleContext &context);
/** A segment (audience) create or update (snapchat.md 7.1); server-owned counters start empty. */
SnapResult<QJsonObject> validateSegment(const QJsonObject &item, const RuleContext &context);
/** One users entry of POST or DELETE /segments/{id}/users: how many identifiers it holds. */
SnapResult<int> segmentUsers(const QJsonObject &entry);
/** The segment's state after `added` identifiers were uploaded (negative: removed). */
QJsonObject withSegmentUsers(QJsonObject state, qint64 added);

/** The object as the API returns it, with server fields. */
QJsonObject renderEntity(const ObjectRecord &record, const RuleContext &context);
QJsonObject renderAccount(const SandboxAccount &account);

/** GET /v1/{campaigns|adsquads|adaccounts}/{id}/stats answered from the delivery model. */
SnapResult<QJsonObject> stats(const QUrlQuery &query,
                              const ObjectRecord &entity,
                              const RuleContext &context,
                              quint64 seed);

} // namespace ads::core::sandbox::snapchat
