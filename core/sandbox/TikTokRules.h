#pragma once

#include "core/sandbox/Delivery.h"
#include "core/sandbox/SandboxStore.h"
#include "core/sandbox/SimulatorSupport.h"

#include <QJsonObject>
#include <QString>

#include <tl/expected.hpp>

// The TikTok simulator's rules: validation of campaigns, ad groups and ads, list filtering,
// the synchronous report and delivery units. Facts come from reference/platforms/tiktok.md.

namespace ads::core::sandbox::tiktok {

inline const QString kCampaign = QStringLiteral("campaign");
inline const QString kAdGroup = QStringLiteral("adgroup");
inline const QString kAd = QStringLiteral("ad");
inline const QString kImage = QStringLiteral("image");
inline const QString kVideo = QStringLiteral("video");
inline const QString kAudience = QStringLiteral("custom_audience");
inline const QString kAudienceFile = QStringLiteral("custom_audience_file");

inline constexpr qint64 kIdBase = 1'800'000'000'000'000'000;
/** Report data can lag by up to about 11 hours (tiktok.md 9, secondary). */
inline constexpr qint64 kReportingDelayMs = 11 * 3600 * 1000LL;

/** A business error: HTTP 200 with {code, message}. */
struct TikTokError
{
    int code = 40002;
    QString message;
};

template<typename T>
using TikTokResult = tl::expected<T, TikTokError>;

inline tl::unexpected<TikTokError> reject(int code, const QString &message)
{
    return tl::unexpected<TikTokError>(TikTokError{code, message});
}

/** What validation reads besides the request. */
struct RuleContext
{
    SandboxAccount account;
    const SandboxStore *store = nullptr;
    qint64 nowMs = 0;
};

/**
 * The account's report zone: TikTok accounts use a fixed UTC offset without daylight saving
 * (tiktok.md 8). For a Region/City zone the standard offset is taken, which the reference marks
 * unconfirmed.
 */
QTimeZone accountZone(const SandboxAccount &account);
/** "Etc/GMT+5" for UTC-5 (POSIX sign convention). */
QString etcZoneName(const QTimeZone &zone);
/** "yyyy-MM-dd HH:mm:ss" in UTC, TikTok's entity time format. */
QString utcText(qint64 ms);

TikTokResult<QJsonObject> validateCampaign(const RequestParams &params, const RuleContext &context);
TikTokResult<QJsonObject> validateAdGroup(const RequestParams &params, const RuleContext &context);
/** Validates one creative of /ad/create/ against its ad group. */
TikTokResult<QJsonObject> validateCreative(const QJsonObject &creative,
                                           int index,
                                           const ObjectRecord &adGroup,
                                           const RuleContext &context);
TikTokResult<void> applyUpdate(const RequestParams &params,
                               ObjectRecord &record,
                               const RuleContext &context);

/** secondary_status for a record given its parents. */
QString secondaryStatus(const ObjectRecord &record, const RuleContext &context);
/** The list entry /campaign/get/ and friends return. */
QJsonObject renderEntity(const ObjectRecord &record, const RuleContext &context);
/** Whether a record passes a get endpoint's `filtering`; errors on bad filters. */
TikTokResult<bool> matchesFiltering(const ObjectRecord &record,
                                    const QJsonObject &filtering,
                                    const RuleContext &context);

/** GET /report/integrated/get/ answered from the delivery model. */
TikTokResult<QJsonObject> report(const RequestParams &params,
                                 const RuleContext &context,
                                 quint64 seed);

/** Page slicing with TikTok's page_info; page_size 1..1000. */
TikTokResult<QJsonObject> pageOf(const QList<QJsonObject> &rows,
                                 const RequestParams &params,
                                 int defaultPageSize = 10);

/** Counts characters TikTok's way: CJK characters count 2. */
int weightedLength(const QString &text);
bool hasEmoji(const QString &text);

} // namespace ads::core::sandbox::tiktok
