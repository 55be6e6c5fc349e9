#pragma once

#include "core/domain/Error.h"
#include "core/domain/Library.h"
#include "core/domain/Money.h"
#include "core/domain/Platform.h"

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace ads::core {

/** How a platform failure should be handled by whoever retries. */
enum class FailureKind {
    Transient,      // 5xx, connection refused before sending: retry with backoff
    RateLimited,    // the platform asked us to slow down: wait retryAfterSeconds, then retry
    Auth,           // token expired or revoked: mark the account needs_reauth, never retry
    Permanent,      // validation or policy: stop this platform with the platform's message
    UnknownOutcome, // sent but no answer (timeout, reset): reconcile by tag before any retry
};

/** A platform's error, mapped into one shape: our code and words plus the platform's own. */
struct PlatformError
{
    FailureKind kind = FailureKind::Permanent;
    QString code;            // ours: invalid_field, policy_rejected, rate_limited, auth_expired, server_error, timeout
    QString message;         // plain words a media buyer understands
    QString platformCode;    // the platform's code (and subcode) as text, e.g. "100/1487390"
    QString platformMessage; // the platform's message as received
    int retryAfterSeconds = -1;
};

template<typename T>
using PlatformResult = tl::expected<T, PlatformError>;

/** Where and as whom a connector talks: the account and its credentials, read from the keychain. */
struct ConnectorAccount
{
    QString accountId;
    QString currency;
    QString timeZone;
    QString accessToken;
    QMap<QString, QString> extra; // platform specifics, e.g. google: developerToken, loginCustomerId
};

/** Everything a connector needs to plan and push one campaign to its platform. */
struct LaunchInput
{
    QString campaignId; // ours, e.g. "cmp-3f9a..."; part of every object's tag
    QString campaignName;
    Objective objective = Objective::Traffic;
    BudgetType budgetType = BudgetType::Daily;
    Money budget; // this platform's share, in the account's currency
    QString budgetNote; // set when the share was converted from the campaign's currency
    QDateTime startAt; // UTC
    QDateTime endAt;   // UTC; invalid when open-ended
    QList<Creative> creatives;
    QList<Audience> audiences;
    ConnectorAccount account;
};

/** One object to create on the platform, in the order the platform's hierarchy needs. */
struct PlannedStep
{
    QString key;        // stable within a campaign: "campaign", "adset", "ad:cre-bf-video-1", "activate"
    QString objectType; // what lands in platformStatus.remoteIds: "campaign", "adset", "ad:cre-bf-video-1"
    QString tag;        // written into the object's name or external reference, found again by findStep
};

/** A connector's plan: the steps, or the problems that make the platform refuse the campaign. */
struct LaunchPlan
{
    QList<PlannedStep> steps;
    QList<FieldError> problems;  // non-empty: do not send anything to this platform
    QStringList warnings;        // e.g. a creative left out because the platform cannot take it
    QStringList usedCreativeIds; // the creatives that fit this platform
    // Set when the platform will deliver on other days than the schedule says, as report days in
    // the account's time zone: Google moves a mid-day start to the next day and a mid-day end to
    // the day before. Invalid: the schedule's own days.
    QDate deliveryFrom;
    QDate deliveryUntil;
};

/** Remote ids created (or found) by one step, by object type. Google's atomic step returns several. */
struct StepOutcome
{
    QMap<QString, QString> remoteIds;
};

/** One day (or hour) of delivery for one remote campaign, as the platform reported it. */
struct ReportRow
{
    QString remoteCampaignId;
    QDate day;      // the platform's report day, in timeZone
    int hour = -1;  // 0..23 for hourly rows, -1 for daily
    QString timeZone;
    QString currency;
    qint64 impressions = 0;
    qint64 clicks = 0;
    qint64 spendMicros = 0;
    qint64 conversionsMicros = 0; // conversions can be fractional (attribution), kept exact
    qint64 conversionValueMicros = 0;
};

/** The tag that marks an object as ours, so an unknown outcome can be reconciled by lookup. */
inline QString launchTag(const QString &campaignId, const QString &stepKey)
{
    return QStringLiteral("[ads:%1/%2]").arg(campaignId, stepKey);
}

/**
 * Translates AdsDesk's campaign into one platform's API and talks HTTP to it. Never touches the
 * database: the launch engine persists every remote id as soon as a callback delivers it.
 *
 * Calls are asynchronous on the thread the connector lives on; each callback is called exactly once.
 * The base URL is the platform's origin (https://graph.facebook.com or a sandbox on loopback);
 * the connector appends the real paths.
 */
class PlatformConnector : public QObject
{
    Q_OBJECT

public:
    using StepCallback = std::function<void(PlatformResult<StepOutcome>)>;
    using FindCallback = std::function<void(PlatformResult<std::optional<StepOutcome>>)>;
    using DoneCallback = std::function<void(PlatformResult<bool>)>;
    using ReportCallback = std::function<void(PlatformResult<QList<ReportRow>>)>;

    using QObject::QObject;

    virtual Platform platform() const = 0;
    virtual QUrl baseUrl() const = 0;
    virtual void setBaseUrl(const QUrl &url) = 0;

    /** Checks the campaign against this platform's rules and lists the steps; sends nothing. */
    virtual LaunchPlan plan(const LaunchInput &input) const = 0;

    /** Creates the step's object(s). remoteIds holds what earlier steps created. */
    virtual void createStep(const LaunchInput &input,
                            const PlannedStep &step,
                            const QMap<QString, QString> &remoteIds,
                            StepCallback done)
        = 0;

    /** Looks the step's object up by its tag: the answer is the object if it exists, nullopt if not. */
    virtual void findStep(const LaunchInput &input,
                          const PlannedStep &step,
                          const QMap<QString, QString> &remoteIds,
                          FindCallback done)
        = 0;

    /** Turns delivery on or off for every object of a launched campaign. */
    virtual void setDelivery(const ConnectorAccount &account,
                             const QMap<QString, QString> &remoteIds,
                             bool active,
                             DoneCallback done)
        = 0;

    /** Daily delivery of the given remote campaigns, report days from..to in the account's zone. */
    virtual void fetchDailyReport(const ConnectorAccount &account,
                                  const QStringList &remoteCampaignIds,
                                  const QDate &from,
                                  const QDate &to,
                                  ReportCallback done)
        = 0;

    /** True where the platform reports delivery by the hour. */
    virtual bool offersHourlyReports() const { return false; }

    /**
     * Hourly delivery of the given remote campaigns for report days from..to: rows with hour 0..23,
     * hours of the account's local day. Platforms without hourly reports answer not_offered.
     */
    virtual void fetchHourlyReport(const ConnectorAccount &account,
                                   const QStringList &remoteCampaignIds,
                                   const QDate &from,
                                   const QDate &to,
                                   ReportCallback done)
    {
        Q_UNUSED(account);
        Q_UNUSED(remoteCampaignIds);
        Q_UNUSED(from);
        Q_UNUSED(to);
        PlatformError error;
        error.code = QStringLiteral("not_offered");
        error.message = QStringLiteral("%1 does not report delivery by the hour.").arg(platformName(platform()));
        done(tl::unexpected(error));
    }
};

} // namespace ads::core
