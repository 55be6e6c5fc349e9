#pragma once

#include "core/domain/Platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ads::core {

/**
 * One file of a creative: a size or an aspect ratio of the same image or video. A video creative
 * may also carry an image rendition: its poster frame, used where a platform needs a thumbnail.
 */
struct Rendition
{
    QString aspectRatio; // "1:1", "9:16", "1.91:1", "16:9"
    int width = 0;
    int height = 0;
    qint64 durationMs = 0; // videos only
    QString mimeType;      // "image/png", "video/mp4"
    QString path;          // a file on disk or a ":/" resource
    qint64 bytes = 0;
};

enum class CreativeKind {
    Image,
    Video,
};

/** An ad creative in the library: copy, call to action, landing page and its renditions. */
struct Creative
{
    QString id;
    QString name;
    CreativeKind kind = CreativeKind::Image;
    QString headline;
    QString description;
    QString callToAction;   // generic: learn_more, shop_now, sign_up, download, ...
    QString destinationUrl;
    QList<Rendition> renditions;
    QDateTime createdAt;
    QDateTime updatedAt;
};

enum class AudienceKind {
    CustomerList,    // customer match: hashed emails or phones uploaded to the platform
    WebsiteVisitors, // pixel retargeting with a rule and a retention window
    Lookalike,
};

/** A custom audience defined once and created on each platform it is used on. */
struct Audience
{
    QString id;
    QString name;
    AudienceKind kind = AudienceKind::CustomerList;
    QString description;
    QJsonObject definition; // kind-specific: {"retentionDays": 14, "include": "/cart", "exclude": "/thank-you"}
    qint64 approximateSize = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/** A connected ad account on one platform. Its credentials live in the keychain, never here. */
struct AdAccount
{
    Platform platform = Platform::Facebook;
    QString accountId; // the platform's own id: "act_1234" digits, a customer id, an advertiser id
    QString name;
    QString currency;  // ISO 4217
    QString timeZone;  // IANA, e.g. "America/New_York"
    bool sandbox = false;
};

QString creativeKindName(CreativeKind kind);
QString audienceKindName(AudienceKind kind);

QJsonObject creativeToJson(const Creative &creative);
QJsonObject audienceToJson(const Audience &audience);

} // namespace ads::core
