#include "core/domain/Library.h"

#include <QJsonArray>

namespace ads::core {

QString creativeKindName(CreativeKind kind)
{
    return kind == CreativeKind::Video ? QStringLiteral("video") : QStringLiteral("image");
}

QString audienceKindName(AudienceKind kind)
{
    switch (kind) {
    case AudienceKind::CustomerList:
        return QStringLiteral("customer_list");
    case AudienceKind::WebsiteVisitors:
        return QStringLiteral("website_visitors");
    case AudienceKind::Lookalike:
        return QStringLiteral("lookalike");
    }
    return {};
}

QJsonObject creativeToJson(const Creative &creative)
{
    QJsonArray renditions;
    for (const Rendition &r : creative.renditions) {
        QJsonObject item{{"aspectRatio", r.aspectRatio},
                         {"width", r.width},
                         {"height", r.height},
                         {"mimeType", r.mimeType},
                         {"bytes", r.bytes}};
        if (r.durationMs > 0)
            item.insert("durationMs", r.durationMs);
        renditions.append(item);
    }
    return {{"id", creative.id},
            {"name", creative.name},
            {"type", creativeKindName(creative.kind)},
            {"headline", creative.headline},
            {"description", creative.description},
            {"callToAction", creative.callToAction},
            {"destinationUrl", creative.destinationUrl},
            {"renditions", renditions},
            {"createdAt", creative.createdAt.toUTC().toString(Qt::ISODate)},
            {"updatedAt", creative.updatedAt.toUTC().toString(Qt::ISODate)}};
}

QJsonObject audienceToJson(const Audience &audience)
{
    return {{"id", audience.id},
            {"name", audience.name},
            {"type", audienceKindName(audience.kind)},
            {"description", audience.description},
            {"definition", audience.definition},
            {"approximateSize", audience.approximateSize},
            {"createdAt", audience.createdAt.toUTC().toString(Qt::ISODate)},
            {"updatedAt", audience.updatedAt.toUTC().toString(Qt::ISODate)}};
}

} // namespace ads::core
