#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/SimulatorSupport.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <tl/expected.hpp>

// The LinkedIn simulator's rules: Rest.li 2.0 query syntax, validation of campaign groups,
// campaigns, creatives and posts, entity rendering and adAnalytics. Facts come from
// reference/platforms/linkedin.md.

namespace ads::core::sandbox::linkedin {

inline const QString kGroup = QStringLiteral("campaign_group");
inline const QString kCampaign = QStringLiteral("campaign");
inline const QString kCreative = QStringLiteral("creative");
inline const QString kImage = QStringLiteral("image");
inline const QString kPost = QStringLiteral("post");

inline const QString kAccountUrn = QStringLiteral("urn:li:sponsoredAccount:");
inline const QString kGroupUrn = QStringLiteral("urn:li:sponsoredCampaignGroup:");
inline const QString kCampaignUrn = QStringLiteral("urn:li:sponsoredCampaign:");
inline const QString kCreativeUrn = QStringLiteral("urn:li:sponsoredCreative:");
inline const QString kImageUrn = QStringLiteral("urn:li:image:");
inline const QString kShareUrn = QStringLiteral("urn:li:share:");

/** A Rest.li error: the HTTP status and the body fields of linkedin.md 6.1. */
struct LinkedinError
{
    int status = 400;
    QString code;
    QString message;
    QString field; // the input path of a validation error, if any
    int serviceErrorCode = 0;
};

template<typename T>
using LinkedinResult = tl::expected<T, LinkedinError>;

inline tl::unexpected<LinkedinError> reject(const QString &field, const QString &message)
{
    return tl::unexpected<LinkedinError>(LinkedinError{
        400, QStringLiteral("INVALID_VALUE"), field + QStringLiteral(": ") + message, field, 0});
}

inline tl::unexpected<LinkedinError> failure(int status, const QString &code, const QString &text)
{
    return tl::unexpected<LinkedinError>(LinkedinError{status, code, text, {}, 0});
}

/** The JSON body of an error reply. */
QJsonObject errorBody(const LinkedinError &error);

/**
 * Query parameters in Rest.li 2.0 object notation: List(a,b) becomes an array, (k:v) an
 * object, leaves are percent-decoded strings. Structural characters must arrive raw, as on
 * the real service: an encoded "%28" is part of a leaf, not a parenthesis.
 */
struct RestliQuery
{
    QMap<QString, QJsonValue> values;

    static LinkedinResult<RestliQuery> parse(const QByteArray &rawQuery);

    bool has(const QString &key) const { return values.contains(key); }

    QString text(const QString &key) const;
    /** A list parameter's leaves; a single leaf is a list of one. */
    QStringList list(const QString &key) const;
    /** An enum that may arrive bare (CAMPAIGN) or as a union ((value:CAMPAIGN)). */
    QString enumValue(const QString &key) const;
};

/** Parses one Rest.li 2.0 value; nullopt on a syntax error. */
std::optional<QJsonValue> parseRestliValue(const QString &raw);

/** What validation reads besides the request. */
struct RuleContext
{
    SandboxAccount account;
    const SandboxStore *store = nullptr;
    qint64 nowMs = 0;
    QString origin; // for download URLs
};

QString accountUrn(const SandboxAccount &account);
QString organizationUrn(const SandboxAccount &account);

/** The numeric id at the end of a URN of the given prefix, or empty when it does not match. */
QString idFromUrn(const QString &urn, const QString &prefix);

/** Micros of a money object {amount, currencyCode} in the account currency. */
LinkedinResult<qint64> moneyMicros(const QJsonValue &value,
                                   const QString &field,
                                   const RuleContext &context);
QJsonObject moneyObject(qint64 micros, const QString &currency);

/** Checks a create (or a patched entity) and returns the normalised entity to store. */
LinkedinResult<QJsonObject> validateGroup(const QJsonObject &entity, const RuleContext &context);
LinkedinResult<QJsonObject> validateCampaign(const QJsonObject &entity, const RuleContext &context);
LinkedinResult<QJsonObject> validateCreative(const QJsonObject &entity, const RuleContext &context);
LinkedinResult<QJsonObject> validatePost(const QJsonObject &entity, const RuleContext &context);

/** Whether a status may change from `from` to `to` (linkedin.md 4, simulator model). */
bool allowedTransition(const QString &from, const QString &to);
/** Fields that may not be patched after create, per type. */
QStringList immutableFields(const QString &type);

/** The entity as GET and finders return it. */
QJsonObject renderEntity(const ObjectRecord &record, const RuleContext &context);
QJsonObject renderAccount(const SandboxAccount &account);

/** GET /rest/adAnalytics answered from the delivery model, in UTC days. */
LinkedinResult<QJsonObject> analytics(const RestliQuery &query,
                                      const RuleContext &context,
                                      quint64 seed);

/** The campaign's delivery units (UTC days), for analytics and tests. */
QList<DeliveryUnit> deliveryUnits(const RuleContext &context);

} // namespace ads::core::sandbox::linkedin
