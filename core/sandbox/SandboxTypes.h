#pragma once

#include "core/domain/Platform.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace ads::core::sandbox {

/**
 * One simulated ad account and the credentials a connector needs for it.
 * `extra` keys: facebook pageId, pixelId; google developerToken, loginCustomerId,
 * conversionActionId; tiktok pixelId, identityId.
 */
struct SandboxAccount
{
    Platform platform = Platform::Facebook;
    QString accountId; // Meta digits without act_, Google 10 digits, TikTok 19 digits
    QString name;
    QString currency; // ISO 4217
    QString timeZone; // IANA
    QString accessToken;
    QMap<QString, QString> extra;
};

/** A simulated platform object as stored: what was sent, and the simulator's current view. */
struct ObjectRecord
{
    Platform platform = Platform::Facebook;
    QString accountId;
    QString type; // campaign, adset, ad_group, ... (the names objects() reports)
    QString id;
    QString parentId; // the account for top-level objects
    QString name;
    QString status;         // the platform's own status word
    QJsonObject fields;     // the request fields exactly as received on create
    QJsonObject state;      // normalised current values the simulator reads back
    qint64 createdAtMs = 0; // sandbox clock
    qint64 updatedAtMs = 0;
    qint64 seq = 0; // creation order
};

/** A status an object entered at a sandbox-clock instant. */
struct StatusChange
{
    QString objectId;
    QString status;
    qint64 atMs = 0;
};

} // namespace ads::core::sandbox
