#pragma once

#include "core/domain/Campaign.h"
#include "core/domain/Error.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ads::ui {

/**
 * Turns core values into the words and numbers a buyer reads. Formatting only: nothing here
 * decides what is allowed, that stays in the core services.
 */
class Presentation
{
    Q_DECLARE_TR_FUNCTIONS(Presentation)

public:
    /** The platform's brand name: "Facebook", "TikTok". */
    static QString platformTitle(core::Platform platform);

    /** A fixed colour per platform, so a platform keeps its colour across campaigns, periods and charts. */
    static QColor platformColor(core::Platform platform);

    /** Brand names of a spec's platforms joined with commas; unknown names are shown as written.
     */
    static QString platformList(const QStringList &platformNames);

    /** "Awareness", "App installs"; an unknown objective is shown as written. */
    static QString objectiveTitle(const QString &objectiveName);

    static QString budgetTypeTitle(core::BudgetType type);

    /** The campaign's status as a buyer says it: "Live", "Partly live", "Draft". */
    static QString campaignStatusText(core::CampaignStatus status);

    /** One platform's state in plain words, with the reason when it failed. */
    static QString platformStateText(const core::PlatformStatus &status);

    /** When a throttled platform is retried, read from its message; invalid when not known. */
    static QDateTime retryAt(const core::PlatformStatus &status);

    /** A spec or account field as a buyer calls it: "budget.amount" is "Budget". */
    static QString fieldTitle(const QString &field);

    /** One problem a platform found, as a sentence led by the field's plain name. */
    static QString problemText(const core::FieldError &problem);

    /** Exact money text with the locale's digit grouping: "1,234.50 USD". */
    static QString money(qint64 micros, const QString &currency);

    static QString money(const core::Money &amount)
    {
        return money(amount.micros, amount.currency);
    }

    /** "300.00 USD per day" or "1,000.00 USD in total". */
    static QString budget(const core::Budget &budget);

    /** The schedule in local time: "4 Dec 2026 – 31 Dec 2026" or "from 4 Dec 2026". */
    static QString schedule(const core::Schedule &schedule);

    /** A UTC instant shown in local time, short form. */
    static QString timestamp(const QDateTime &instant);

    /** A decimal count of micros rounded to two decimals for display: "12.33". */
    static QString decimalRounded(qint64 micros, int decimals = 2);

    /** A plain integer with digit grouping: "1,234,567". */
    static QString count(qint64 value);
};

} // namespace ads::ui
