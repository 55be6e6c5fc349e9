#include "ui/Presentation.h"

#include "core/domain/Money.h"

#include <QLocale>

namespace ads::ui {

using namespace ads::core;

namespace {

const QString kDateFormat = QStringLiteral("d MMM yyyy");

/** Exact decimal text with the locale's grouping and decimal point; no doubles involved. */
QString localizedDecimal(qint64 micros, int minDecimals)
{
    const QLocale locale;
    const QString plain = money::toDecimal(micros < 0 ? -micros : micros, minDecimals);
    const qsizetype dot = plain.indexOf(u'.');
    const QString whole = dot < 0 ? plain : plain.left(dot);

    QString text = locale.toString(whole.toLongLong());
    if (dot >= 0)
        text += locale.decimalPoint() + plain.mid(dot + 1);
    return micros < 0 ? locale.negativeSign() + text : text;
}

} // namespace

QString Presentation::platformTitle(Platform platform)
{
    // Brand names, deliberately not translated.
    switch (platform) {
    case Platform::Facebook:
        return QStringLiteral("Facebook");
    case Platform::Google:
        return QStringLiteral("Google");
    case Platform::TikTok:
        return QStringLiteral("TikTok");
    case Platform::LinkedIn:
        return QStringLiteral("LinkedIn");
    case Platform::Pinterest:
        return QStringLiteral("Pinterest");
    case Platform::Snapchat:
        return QStringLiteral("Snapchat");
    }
    return platformName(platform);
}

QString Presentation::platformList(const QStringList &platformNames)
{
    QStringList titles;
    for (const QString &name : platformNames) {
        const auto platform = platformFromName(name);
        titles.append(platform ? platformTitle(*platform) : name);
    }
    return titles.join(QStringLiteral(", "));
}

QString Presentation::objectiveTitle(const QString &objectiveName)
{
    const auto objective = objectiveFromName(objectiveName);
    if (!objective)
        return objectiveName;

    switch (*objective) {
    case Objective::Awareness:
        return tr("Awareness");
    case Objective::Traffic:
        return tr("Traffic");
    case Objective::Engagement:
        return tr("Engagement");
    case Objective::Leads:
        return tr("Leads");
    case Objective::AppInstalls:
        return tr("App installs");
    case Objective::Conversions:
        return tr("Conversions");
    case Objective::Sales:
        return tr("Sales");
    }
    return objectiveName;
}

QString Presentation::budgetTypeTitle(BudgetType type)
{
    return type == BudgetType::Lifetime ? tr("Lifetime") : tr("Daily");
}

QString Presentation::campaignStatusText(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft:
        return tr("Draft");
    case CampaignStatus::Launching:
        return tr("Launching…");
    case CampaignStatus::Active:
        return tr("Live");
    case CampaignStatus::PartiallyActive:
        return tr("Partly live");
    case CampaignStatus::Pausing:
        return tr("Pausing…");
    case CampaignStatus::Paused:
        return tr("Paused");
    case CampaignStatus::Resuming:
        return tr("Resuming…");
    case CampaignStatus::Scheduled:
        return tr("Scheduled");
    case CampaignStatus::Ended:
        return tr("Ended");
    case CampaignStatus::Failed:
        return tr("Failed");
    }
    return campaignStatusName(status);
}

QString Presentation::platformStateText(const PlatformStatus &status)
{
    QString text;
    switch (status.state) {
    case PlatformState::Pending:
        text = tr("Not launched yet");
        break;
    case PlatformState::Launching:
        text = tr("Launching…");
        break;
    case PlatformState::Active:
        text = tr("Live");
        break;
    case PlatformState::Pausing:
        text = tr("Pausing…");
        break;
    case PlatformState::Paused:
        text = tr("Paused");
        break;
    case PlatformState::Resuming:
        text = tr("Resuming…");
        break;
    case PlatformState::Scheduled:
        text = tr("Scheduled");
        break;
    case PlatformState::Ended:
        text = tr("Ended");
        break;
    case PlatformState::Rejected:
        text = tr("Rejected");
        break;
    case PlatformState::Failed:
        text = tr("Failed");
        break;
    case PlatformState::Throttled:
        text = tr("Waiting out the platform's rate limit");
        break;
    case PlatformState::NeedsReauth:
        text = tr("Needs you to sign in to the account again");
        break;
    }

    // The core's message is already written for buyers, so it is shown as it comes.
    if (status.error && !status.error->message.isEmpty())
        return tr("%1: %2").arg(text, status.error->message);
    return text;
}

QString Presentation::money(qint64 micros, const QString &currency)
{
    const int digits = money::minorDigits(currency);
    const QString number = localizedDecimal(micros, digits < 0 ? 2 : digits);
    return currency.isEmpty() ? number
                              : tr("%1 %2", "amount, currency code").arg(number, currency);
}

QString Presentation::budget(const Budget &budget)
{
    const QString amount = money(budget.amount);
    return budget.type == BudgetType::Lifetime ? tr("%1 in total").arg(amount)
                                               : tr("%1 per day").arg(amount);
}

QString Presentation::schedule(const Schedule &schedule)
{
    const QLocale locale;
    if (!schedule.startAt.isValid())
        return tr("Not scheduled");

    const QString start = locale.toString(schedule.startAt.toLocalTime().date(), kDateFormat);
    if (!schedule.endAt.isValid())
        return tr("from %1").arg(start);
    const QString end = locale.toString(schedule.endAt.toLocalTime().date(), kDateFormat);
    return tr("%1 – %2", "schedule start, end").arg(start, end);
}

QString Presentation::timestamp(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = instant.toLocalTime();
    return tr("%1 %2", "date, time")
        .arg(locale.toString(local.date(), kDateFormat),
             locale.toString(local.time(), QLocale::ShortFormat));
}

QString Presentation::decimalRounded(qint64 micros, int decimals)
{
    decimals = std::clamp(decimals, 0, 6);
    qint64 scale = 1;
    for (int i = decimals; i < 6; ++i)
        scale *= 10;

    // Round half away from zero in integer arithmetic, then print exactly.
    const qint64 magnitude = micros < 0 ? -micros : micros;
    const qint64 rounded = (magnitude + scale / 2) / scale * scale;
    return localizedDecimal(micros < 0 ? -rounded : rounded, decimals);
}

QString Presentation::count(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace ads::ui
