#pragma once

#include "core/domain/Campaign.h"

#include <QSqlDatabase>

namespace ads::core {

/** SQL for campaigns and their platform status. No rules here: CampaignService owns them. */
namespace campaign_store {

/** A stretch of time a platform was live for a campaign; until is invalid while it still is. */
struct ActiveStretch
{
    QDateTime from;
    QDateTime until;
};

Result<std::optional<Campaign>> load(const QSqlDatabase &db, const QString &id);

/** Up to limit campaigns with seq greater than afterSeq, in creation order. */
Result<QList<Campaign>> list(const QSqlDatabase &db, qint64 afterSeq, int limit);

Result<qint64> seqOf(const QSqlDatabase &db, const QString &id);

Status insert(const QSqlDatabase &db, const Campaign &campaign);

/** Writes the spec, status and version of an existing campaign. */
Status update(const QSqlDatabase &db, const Campaign &campaign);

Status remove(const QSqlDatabase &db, const QString &id);

Status savePlatformStatus(const QSqlDatabase &db,
                          const QString &campaignId,
                          Platform platform,
                          const PlatformStatus &status);

/** Recomputes the campaign's status from its platforms and stores it. */
Result<CampaignStatus> refreshStatus(const QSqlDatabase &db, const QString &campaignId);

Status removePlatformStatus(const QSqlDatabase &db, const QString &campaignId);

/**
 * Keeps the stretches a platform is live, from the states it confirms: Active opens a stretch
 * unless one is open, Paused and Ended close it. Any other state leaves them as they are: a pause
 * that failed leaves the campaign delivering.
 */
Status recordActivity(const QSqlDatabase &db, const QString &campaignId, Platform platform, PlatformState state,
                      const QDateTime &at);

/** Every platform's live stretches for a campaign, oldest first. */
Result<QMap<Platform, QList<ActiveStretch>>> activity(const QSqlDatabase &db, const QString &campaignId);

/** Keeps who changed a record, when, and what it looked like before and after. */
Status appendHistory(const QSqlDatabase &db,
                     const QString &recordType,
                     const QString &recordId,
                     const QString &actorKind,
                     const QString &actorSubject,
                     const QJsonObject &before,
                     const QJsonObject &after);

} // namespace campaign_store
} // namespace ads::core
