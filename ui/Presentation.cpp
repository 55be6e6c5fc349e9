#include "ui/Presentation.h"

#include "core/domain/Money.h"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>

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

/** Core messages are often fragments for API clients; beside a title a sentence reads better. */
QString asSentence(const QString &message)
{
    QString text = message.trimmed();
    if (text.isEmpty())
        return text;
    text[0] = text[0].toUpper();
    if (!text.endsWith(u'.') && !text.endsWith(u'?') && !text.endsWith(u'!'))
        text += u'.';
    return text;
}

/** The launch engine's "Retrying at <ISO instant>." sentence at the end of a throttle message. */
const QRegularExpression &retrySentence()
{
    static const QRegularExpression pattern(QStringLiteral("\\s*Retrying at (\\S+?)\\.?$"));
    return pattern;
}

/** The retry time in words: the time alone when it is today, date and time otherwise. */
QString retryTimeText(const QDateTime &instant)
{
    const QDateTime local = instant.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return Presentation::timestamp(instant);
}

/** The engine joins a plan's problems as "field: message; ..."; name the fields in plain words. */
QString readableProblems(const QString &joined)
{
    QStringList parts;
    for (const QString &part : joined.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
        const qsizetype colon = part.indexOf(QStringLiteral(": "));
        const bool hasField = colon > 0 && !part.left(colon).contains(u' ');
        parts.append(hasField ? Presentation::problemText({part.left(colon), part.mid(colon + 2)})
                              : asSentence(part));
    }
    return parts.join(u' ');
}

/** The failure's message for a buyer, without what the state words already say. */
QString failureText(const PlatformStatus &status)
{
    if (!status.error)
        return {};
    QString message = status.error->message;
    if (status.state == PlatformState::Throttled)
        message.remove(retrySentence());
    if (status.error->code == u"validation_failed")
        return readableProblems(message);
    return message.trimmed();
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
        // Limitation: the engine keeps its attempt count to itself, so only the next retry
        // time is shown, not how many tries came before.
        if (const QDateTime retry = retryAt(status); retry.isValid())
            text = tr("Throttled until %1, then AdsDesk tries again").arg(retryTimeText(retry));
        else
            text = tr("Waiting out the platform's rate limit");
        break;
    case PlatformState::NeedsReauth:
        text = tr("Needs you to sign in to the account again");
        break;
    }

    // The core's message is written for buyers; only field paths and retry stamps are reworded.
    if (const QString message = failureText(status); !message.isEmpty())
        return tr("%1: %2").arg(text, message);
    return text;
}

QDateTime Presentation::retryAt(const PlatformStatus &status)
{
    if (status.state != PlatformState::Throttled || !status.error)
        return {};
    const QRegularExpressionMatch match = retrySentence().match(status.error->message);
    if (!match.hasMatch())
        return {};
    QDateTime instant = QDateTime::fromString(match.captured(1), Qt::ISODateWithMs);
    return instant.isValid() ? instant.toUTC() : QDateTime();
}

QString Presentation::fieldTitle(const QString &field)
{
    static const QList<std::pair<QString, const char *>> titles{
        {QStringLiteral("budget.allocation"), QT_TR_NOOP("Split by platform")},
        {QStringLiteral("budget.currency"), QT_TR_NOOP("Currency")},
        {QStringLiteral("budget.type"), QT_TR_NOOP("Budget type")},
        {QStringLiteral("budget"), QT_TR_NOOP("Budget")},
        {QStringLiteral("schedule.startAt"), QT_TR_NOOP("Start")},
        {QStringLiteral("schedule.endAt"), QT_TR_NOOP("End")},
        {QStringLiteral("schedule"), QT_TR_NOOP("Schedule")},
        {QStringLiteral("account"), QT_TR_NOOP("Ad account")},
        {QStringLiteral("audienceIds"), QT_TR_NOOP("Audiences")},
        {QStringLiteral("audiences"), QT_TR_NOOP("Audiences")},
        {QStringLiteral("creativeIds"), QT_TR_NOOP("Creatives")},
        {QStringLiteral("creatives"), QT_TR_NOOP("Creatives")},
        {QStringLiteral("objective"), QT_TR_NOOP("Objective")},
        {QStringLiteral("platforms"), QT_TR_NOOP("Platforms")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
    };
    // Longest prefix first, as listed: "budget.allocation.tiktok" is the split, not the budget.
    for (const auto &[prefix, title] : titles) {
        if (field == prefix || field.startsWith(prefix + u'.') || field.startsWith(prefix + u'['))
            return tr(title);
    }
    return field;
}

QString Presentation::problemText(const FieldError &problem)
{
    if (problem.field.isEmpty())
        return asSentence(problem.message);
    return tr("%1: %2").arg(fieldTitle(problem.field), asSentence(problem.message));
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

QColor Presentation::platformColor(Platform platform)
{
    switch (platform) {
    case Platform::Facebook:
        return QColor(0x18, 0x77, 0xf2);
    case Platform::Google:
        return QColor(0x34, 0xa8, 0x53);
    case Platform::TikTok:
        return QColor(0x22, 0x22, 0x22);
    case Platform::LinkedIn:
        return QColor(0x7b, 0x3f, 0xa0);
    case Platform::Pinterest:
        return QColor(0xe6, 0x00, 0x23);
    case Platform::Snapchat:
        return QColor(0xd8, 0xa7, 0x00);
    }
    return Qt::gray;
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
