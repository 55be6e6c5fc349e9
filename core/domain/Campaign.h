#pragma once

#include "core/domain/Error.h"
#include "core/domain/Money.h"
#include "core/domain/Platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ads::core {

/** Where one platform stands with a campaign. Transitional states end in -ing. */
enum class PlatformState {
    Pending,
    Launching,
    Active,
    Pausing,
    Paused,
    Resuming,
    Scheduled,
    Ended,
    Rejected,
    Failed,
    Throttled,
    NeedsReauth,
};

/** The campaign's own status, summarising its platforms. */
enum class CampaignStatus {
    Draft,
    Launching,
    Active,
    PartiallyActive,
    Pausing,
    Paused,
    Resuming,
    Scheduled,
    Ended,
    Failed,
};

QString platformStateName(PlatformState state);
std::optional<PlatformState> platformStateFromName(QStringView name);
QString campaignStatusName(CampaignStatus status);
std::optional<CampaignStatus> campaignStatusFromName(QStringView name);
QString budgetTypeName(BudgetType type);

struct Budget
{
    BudgetType type = BudgetType::Daily;
    Money amount; // the campaign's total across its platforms
    // Optional explicit split: platform -> micros. Empty means an even split.
    QMap<Platform, qint64> allocation;
};

struct Schedule
{
    QDateTime startAt; // UTC
    QDateTime endAt;   // UTC; invalid means open-ended (daily budgets only)
};

/** What a buyer authors: the campaign as written once, before any platform sees it. */
struct CampaignSpec
{
    QString name;
    QString objective; // kept as written so an unknown value can be reported, see objectiveFromName
    QStringList platforms;
    Budget budget;
    QStringList audienceIds;
    QStringList creativeIds;
    Schedule schedule;
};

struct PlatformFailure
{
    QString code;            // ours, e.g. budget_below_minimum, policy_rejected, auth_expired
    QString message;         // plain words a buyer understands
    QString platformCode;    // the platform's own code, if it answered
    QString platformMessage; // the platform's own message, if it answered
};

/** One platform's outcome for a campaign, as shown in platformStatus. */
struct PlatformStatus
{
    PlatformState state = PlatformState::Pending;
    QMap<QString, QString> remoteIds; // object type -> the platform's id
    Money budget;                     // this platform's share
    std::optional<PlatformFailure> error;
    QStringList warnings;
    QString accountId; // the ad account it was launched into; empty before its first launch
    // The first and last report day the platform delivers on, in the account's time zone, when it
    // runs the schedule differently from the campaign (Google runs whole days). Invalid: the
    // campaign's own schedule applies.
    QDate deliveryFrom;
    QDate deliveryUntil;
    QDateTime updatedAt;
};

struct Campaign
{
    QString id;
    CampaignSpec spec;
    CampaignStatus status = CampaignStatus::Draft;
    QMap<Platform, PlatformStatus> platformStatus;
    int version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/** What the validator needs to know about the workspace. */
struct ValidationContext
{
    QStringList knownAudienceIds;
    QStringList knownCreativeIds;
    QList<Platform> availablePlatforms = supportedPlatforms();
};

/**
 * Reads a campaign spec from the API's JSON. Type errors (a string where a number belongs) are
 * reported per field; unknown members are ignored, as are server-owned ones (id, status, ...).
 */
Result<CampaignSpec> campaignSpecFromJson(const QJsonObject &json);

/** Every rule a campaign spec must meet before it is stored, each failure naming its field. */
QList<FieldError> validateCampaignSpec(const CampaignSpec &spec, const ValidationContext &context);

/** Each platform's share of the budget: the explicit allocation, or an even split in whole minor units. */
QMap<Platform, qint64> splitBudget(const Budget &budget, const QList<Platform> &platforms);

/** Platforms of a valid spec, in the order written. */
QList<Platform> campaignPlatforms(const CampaignSpec &spec);

/** The campaign's status from its platforms' states. */
CampaignStatus summariseStatus(const QMap<Platform, PlatformStatus> &platformStatus);

QJsonObject campaignToJson(const Campaign &campaign);
QJsonObject platformStatusToJson(const PlatformStatus &status);
QJsonObject budgetToJson(const Budget &budget);

QString toIsoUtc(const QDateTime &instant);

} // namespace ads::core
