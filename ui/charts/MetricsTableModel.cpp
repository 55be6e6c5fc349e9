#include "ui/charts/MetricsTableModel.h"

#include "core/domain/Money.h"
#include "ui/Presentation.h"

#include <QFont>
#include <QJsonObject>
#include <QLocale>

namespace ads::ui {

using namespace ads::core;

namespace {

const QString kNoValue = QStringLiteral("—");

/** spend / denominator * scale in whole micros, rounded, without overflowing or using doubles. */
std::optional<qint64> perUnitMicros(qint64 spendMicros, qint64 denominator, qint64 scale)
{
    if (denominator <= 0)
        return std::nullopt;
    const qint64 whole = spendMicros / denominator * scale;
    const qint64 rest = ((spendMicros % denominator) * scale + denominator / 2) / denominator;
    return whole + rest;
}

QString roundedMoney(std::optional<qint64> micros, const QString &currency)
{
    if (!micros)
        return kNoValue;
    const int digits = money::minorDigits(currency);
    return MetricsTableModel::tr("%1 %2", "amount, currency code")
        .arg(Presentation::decimalRounded(*micros, digits < 0 ? 2 : digits), currency)
        .trimmed();
}

/** CTR and ROAS are plain ratios; the core defines them once for the GUI and the API. */
std::optional<double> coreRatio(const MetricsTotals &totals, const QString &key)
{
    const QJsonValue value = metricsToJson(totals).value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QString conversionsText(qint64 micros)
{
    // Attribution can credit fractions of a conversion; whole numbers read better without them.
    if (micros % money::kMicrosPerUnit == 0)
        return Presentation::count(micros / money::kMicrosPerUnit);
    return Presentation::decimalRounded(micros, 2);
}

} // namespace

MetricsTableModel::MetricsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const Row &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return column == Column::Platform ? row.label : figureText(row.totals, column, m_currency);
    case SortRole:
        return column == Column::Platform ? QVariant(row.label) : sortValue(row.totals, column);
    case Qt::TextAlignmentRole:
        if (column == Column::Platform)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.row() == m_rows.size() - 1) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QString MetricsTableModel::figureText(const MetricsTotals &totals,
                                      Column column,
                                      const QString &currency)
{
    switch (column) {
    case Column::Impressions:
        return Presentation::count(totals.impressions);
    case Column::Clicks:
        return Presentation::count(totals.clicks);
    case Column::Ctr: {
        const auto ctr = coreRatio(totals, QStringLiteral("ctr"));
        return ctr ? tr("%1 %", "percentage").arg(QLocale().toString(*ctr * 100.0, 'f', 2))
                   : kNoValue;
    }
    case Column::Cpc:
        return roundedMoney(perUnitMicros(totals.spendMicros, totals.clicks, 1), currency);
    case Column::Cpm:
        return roundedMoney(perUnitMicros(totals.spendMicros, totals.impressions, 1000), currency);
    case Column::Spend:
        return roundedMoney(totals.spendMicros, currency);
    case Column::Conversions:
        return conversionsText(totals.conversionsMicros);
    case Column::Roas: {
        const auto roas = coreRatio(totals, QStringLiteral("roas"));
        return roas ? QLocale().toString(*roas, 'f', 2) : kNoValue;
    }
    case Column::Platform:
    case Column::Count:
        break;
    }
    return {};
}

QString MetricsTableModel::costPerConversionText(const MetricsTotals &totals, const QString &currency)
{
    // Conversions are counted in micros too, so one conversion is kMicrosPerUnit of them.
    return roundedMoney(perUnitMicros(totals.spendMicros, totals.conversionsMicros, money::kMicrosPerUnit),
                        currency);
}

QVariant MetricsTableModel::sortValue(const MetricsTotals &totals, Column column)
{
    switch (column) {
    case Column::Impressions:
        return totals.impressions;
    case Column::Clicks:
        return totals.clicks;
    case Column::Ctr:
        return coreRatio(totals, QStringLiteral("ctr")).value_or(-1.0);
    case Column::Cpc:
        return perUnitMicros(totals.spendMicros, totals.clicks, 1).value_or(-1);
    case Column::Cpm:
        return perUnitMicros(totals.spendMicros, totals.impressions, 1000).value_or(-1);
    case Column::Spend:
        return totals.spendMicros;
    case Column::Conversions:
        return totals.conversionsMicros;
    case Column::Roas:
        return coreRatio(totals, QStringLiteral("roas")).value_or(-1.0);
    case Column::Platform:
    case Column::Count:
        break;
    }
    return {};
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (Column(section)) {
    case Column::Platform:
        return tr("Platform");
    case Column::Impressions:
        return tr("Impressions");
    case Column::Clicks:
        return tr("Clicks");
    case Column::Ctr:
        return tr("CTR");
    case Column::Cpc:
        return tr("CPC");
    case Column::Cpm:
        return tr("CPM");
    case Column::Spend:
        return tr("Spend");
    case Column::Conversions:
        return tr("Conversions");
    case Column::Roas:
        return tr("ROAS");
    case Column::Count:
        break;
    }
    return {};
}

void MetricsTableModel::setMetrics(const CampaignMetrics &metrics)
{
    beginResetModel();
    m_rows.clear();
    m_currency = metrics.currency;
    for (auto it = metrics.platforms.begin(); it != metrics.platforms.end(); ++it)
        m_rows.append({Presentation::platformTitle(it.key()), it.value()});
    m_rows.append({tr("All platforms"), metrics.totals});
    endResetModel();
}

void MetricsTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_currency.clear();
    endResetModel();
}

} // namespace ads::ui
