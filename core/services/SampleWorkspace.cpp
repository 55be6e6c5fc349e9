#include "core/services/SampleWorkspace.h"

#include "core/domain/Library.h"
#include "core/store/LibraryStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>

namespace ads::core {

namespace {

qint64 resourceSize(const QString &path)
{
    QFile file(path);
    return file.size();
}

Rendition rendition(const QString &ratio, int width, int height, const QString &mime, const QString &path,
                    qint64 durationMs = 0)
{
    return Rendition{ratio, width, height, durationMs, mime, path, resourceSize(path)};
}

QList<Creative> sampleCreatives(const QDateTime &now)
{
    Creative video;
    video.id = QStringLiteral("cre-bf-video-1");
    video.name = QStringLiteral("Black Friday video, vertical");
    video.kind = CreativeKind::Video;
    video.headline = QStringLiteral("Black Friday: up to 40% off");
    video.description = QStringLiteral("Our biggest sale of the year. Free shipping on every order until Monday.");
    video.callToAction = QStringLiteral("shop_now");
    video.destinationUrl = QStringLiteral("https://shop.example.com/black-friday");
    // The poster frame travels with the video: platforms that need a thumbnail or cover get it from here.
    video.renditions = {rendition(QStringLiteral("9:16"), 540, 960, QStringLiteral("video/mp4"),
                                  QStringLiteral(":/sample/bf-video-9x16.mp4"), 6000),
                        rendition(QStringLiteral("9:16"), 540, 960, QStringLiteral("image/png"),
                                  QStringLiteral(":/sample/bf-video-9x16-poster.png"))};
    video.createdAt = video.updatedAt = now;

    Creative image = video;
    image.id = QStringLiteral("cre-bf-static-1");
    image.name = QStringLiteral("Black Friday image, square and landscape");
    image.kind = CreativeKind::Image;
    image.renditions = {rendition(QStringLiteral("1:1"), 1080, 1080, QStringLiteral("image/png"),
                                  QStringLiteral(":/sample/bf-static-1x1.png")),
                        rendition(QStringLiteral("1.91:1"), 1200, 628, QStringLiteral("image/png"),
                                  QStringLiteral(":/sample/bf-static-1.91x1.png"))};
    return {video, image};
}

// The sample CRM segment's members, as platforms take them: SHA-256 of the trimmed, lower-case email.
QJsonArray sampleHashedEmails()
{
    QJsonArray hashes;
    for (const char *email : {"ana.silva@example.com", "ben.okafor@example.com", "chloe.martin@example.org",
                              "david.kim@example.net", "eva.novak@example.com"}) {
        const QByteArray normalised = QByteArray(email).trimmed().toLower();
        hashes.append(QString::fromLatin1(QCryptographicHash::hash(normalised, QCryptographicHash::Sha256).toHex()));
    }
    return hashes;
}

QList<Audience> sampleAudiences(const QDateTime &now)
{
    Audience vip;
    vip.id = QStringLiteral("aud-vip");
    vip.name = QStringLiteral("VIP customers");
    vip.kind = AudienceKind::CustomerList;
    vip.description = QStringLiteral("Customers in the CRM's VIP segment, matched by hashed email.");
    vip.definition = {{"source", "crm"},
                      {"segment", "vip"},
                      {"identifiers", QJsonArray{"email"}},
                      {"hashedEmails", sampleHashedEmails()}};
    vip.createdAt = vip.updatedAt = now;

    Audience cart;
    cart.id = QStringLiteral("aud-cart-abandoned");
    cart.name = QStringLiteral("Cart abandoners, last 14 days");
    cart.kind = AudienceKind::WebsiteVisitors;
    cart.description = QStringLiteral("Visited the cart page in the last 14 days without a purchase.");
    cart.definition = {{"retentionDays", 14},
                       {"include", QJsonObject{{"urlContains", "/cart"}}},
                       {"exclude", QJsonObject{{"event", "purchase"}}}};
    cart.createdAt = cart.updatedAt = now;
    return {vip, cart};
}

} // namespace

Status seedSampleLibrary(const QSqlDatabase &db)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList creativeIds = library_store::creativeIds(db).value_or(QStringList());
    const QStringList audienceIds = library_store::audienceIds(db).value_or(QStringList());

    for (const Creative &creative : sampleCreatives(now)) {
        if (creativeIds.contains(creative.id))
            continue;
        if (auto saved = library_store::saveCreative(db, creative); !saved)
            return saved;
    }
    for (const Audience &audience : sampleAudiences(now)) {
        if (audienceIds.contains(audience.id))
            continue;
        if (auto saved = library_store::saveAudience(db, audience); !saved)
            return saved;
    }
    return {};
}

} // namespace ads::core
