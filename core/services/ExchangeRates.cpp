#include "core/services/ExchangeRates.h"

#include "core/Logging.h"
#include "core/domain/Money.h"
#include "core/services/ChangeNotifier.h"
#include "core/store/Database.h"
#include "core/store/MetricsStore.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace ads::core {

namespace {

constexpr int kRateDecimals = 9;

QString pairKey(const QString &currency, const QString &base)
{
    return currency + u'/' + base;
}

/** a * b / c rounded half away from zero, in 128 bits so micros times a scaled rate cannot overflow. */
std::optional<qint64> mulDiv(qint64 a, qint64 b, qint64 c)
{
    if (c == 0)
        return std::nullopt;
    const __int128 product = static_cast<__int128>(a) * b;
    const __int128 half = (c < 0 ? -c : c) / 2;
    const bool negative = (product < 0) != (c < 0);
    __int128 magnitude = (product < 0 ? -product : product) + half;
    magnitude /= (c < 0 ? -c : c);
    const __int128 result = negative ? -magnitude : magnitude;
    if (result > std::numeric_limits<qint64>::max() || result < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return static_cast<qint64>(result);
}

QString csvField(const QByteArrayList &cells, int column)
{
    return column >= 0 && column < cells.size() ? QString::fromUtf8(cells[column]).trimmed() : QString();
}

} // namespace

namespace fx {

Result<qint64> parseRate(QStringView text)
{
    const auto refuse = [&](const QString &why) { return fail(ErrorCode::InvalidInput, why); };
    if (text.isEmpty())
        return refuse(QStringLiteral("is empty"));

    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && fraction.isEmpty()) || fraction.size() > kRateDecimals)
        return refuse(QStringLiteral("must be a plain decimal with at most nine decimals"));
    const auto asciiDigits = [](QStringView digits) {
        return std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (!asciiDigits(whole) || !asciiDigits(fraction))
        return refuse(QStringLiteral("must be a plain positive decimal"));

    // Whole units are checked against the ceiling digit by digit, so nothing can overflow.
    qint64 value = 0;
    for (QChar c : whole) {
        value = value * 10 + c.digitValue();
        if (value > fx::kMaxRateUnits)
            return refuse(QStringLiteral("must be at most %1").arg(fx::kMaxRateUnits));
    }
    value *= fx::kRateScale;
    qint64 scale = fx::kRateScale;
    for (QChar c : fraction) {
        scale /= 10;
        value += c.digitValue() * scale;
    }
    if (value <= 0)
        return refuse(QStringLiteral("must be greater than zero"));
    if (value > fx::kMaxRateUnits * fx::kRateScale)
        return refuse(QStringLiteral("must be at most %1").arg(fx::kMaxRateUnits));
    return value;
}

Result<qint64> rateFromJsonNumber(double value)
{
    if (!std::isfinite(value) || value <= 0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("must be a positive number"));
    std::array<char, 64> buffer{};
    // The shortest text that reads back as the same double is the literal the sender wrote.
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::fixed);
    if (ec != std::errc())
        return fail(ErrorCode::InvalidInput, QStringLiteral("is out of range"));
    return parseRate(QString::fromLatin1(buffer.data(), end - buffer.data()));
}

double rateToDouble(qint64 rateE9)
{
    const QString text = QString::number(rateE9 / kRateScale) + u'.'
                         + QString::number(rateE9 % kRateScale).rightJustified(kRateDecimals, u'0');
    return text.toDouble();
}

Result<QList<ExchangeRate>> parseCsv(const QByteArray &csv, const QString &defaultBase)
{
    const auto refuse = [](int line, const QString &field, const QString &why) {
        return fail(Error::invalid({{field, QStringLiteral("line %1: %2").arg(line).arg(why)}},
                                   QStringLiteral("The exchange-rate file cannot be read.")));
    };

    QList<ExchangeRate> rates;
    QHash<QString, int> columns;
    const QByteArrayList lines = csv.split('\n');
    for (int index = 0; index < lines.size(); ++index) {
        const int lineNumber = index + 1;
        const QByteArray line = lines[index].trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QByteArrayList cells = line.split(',');
        if (columns.isEmpty()) {
            for (int c = 0; c < cells.size(); ++c)
                columns.insert(QString::fromUtf8(cells[c]).trimmed().toLower(), c);
            for (const char *required : {"date", "currency", "rate"}) {
                if (!columns.contains(QLatin1String(required)))
                    return refuse(lineNumber, QLatin1String(required), QStringLiteral("the header lacks this column"));
            }
            continue;
        }

        ExchangeRate rate;
        rate.date = QDate::fromString(csvField(cells, columns.value("date")), Qt::ISODate);
        rate.currency = csvField(cells, columns.value("currency")).toUpper();
        rate.base = columns.contains("base") ? csvField(cells, columns.value("base")).toUpper() : defaultBase;
        if (!rate.date.isValid())
            return refuse(lineNumber, QStringLiteral("date"), QStringLiteral("not an ISO date (YYYY-MM-DD)"));
        if (!money::isKnownCurrency(rate.currency))
            return refuse(lineNumber, QStringLiteral("currency"), QStringLiteral("not an ISO 4217 code"));
        if (!money::isKnownCurrency(rate.base) || rate.base == rate.currency)
            return refuse(lineNumber, QStringLiteral("base"), QStringLiteral("not another ISO 4217 code"));
        auto value = parseRate(csvField(cells, columns.value("rate")));
        if (!value)
            return refuse(lineNumber, QStringLiteral("rate"), value.error().message);
        rate.rateE9 = *value;
        rates.append(rate);
    }
    if (rates.isEmpty())
        return refuse(1, QStringLiteral("file"), QStringLiteral("no rates found"));
    return rates;
}

} // namespace fx

namespace {

/**
 * Why items could not replace the rates dated from..to when reporting in `reporting`, each problem
 * naming its item and field; empty when they can.
 */
QList<FieldError> problemsWithRates(const QString &reporting, const QDate &from, const QDate &to,
                                    const QList<ExchangeRate> &items)
{
    QList<FieldError> problems;
    if (!from.isValid() || !to.isValid() || to < from)
        problems.append({QStringLiteral("from"), QStringLiteral("from and to must be ISO dates, from <= to")});
    QHash<QString, qsizetype> firstOfDay; // "2026-03-01 EUR" -> the item that set it
    for (qsizetype i = 0; i < items.size(); ++i) {
        const ExchangeRate &rate = items[i];
        const QString at = QStringLiteral("items[%1]").arg(i);
        if (!rate.date.isValid() || rate.date < from || rate.date > to)
            problems.append({at + QStringLiteral(".date"), QStringLiteral("must be a day within from..to")});
        if (!money::isKnownCurrency(rate.currency) || rate.currency == reporting)
            problems.append({at + QStringLiteral(".currency"),
                             QStringLiteral("must be an ISO 4217 code other than the reporting currency %1")
                                 .arg(reporting)});
        if (rate.rateE9 <= 0 || rate.rateE9 > fx::kMaxRateUnits * fx::kRateScale)
            problems.append({at + QStringLiteral(".rate"), QStringLiteral("must be greater than zero and at most %1")
                                                               .arg(fx::kMaxRateUnits)});
        const QString key = rate.date.toString(Qt::ISODate) + u' ' + rate.currency;
        if (const auto earlier = firstOfDay.constFind(key); earlier != firstOfDay.constEnd())
            problems.append({at + QStringLiteral(".date"), QStringLiteral("repeats items[%1]: one rate per day and "
                                                                          "currency").arg(*earlier)});
        else
            firstOfDay.insert(key, i);
    }
    return problems;
}

} // namespace

Result<FxTable> FxTable::load(const QSqlDatabase &db)
{
    auto q = runQuery(db, QStringLiteral("SELECT day, currency, base, rate_e9 FROM fx_rates"));
    if (!q)
        return fail(q.error());
    FxTable table;
    while (q->next()) {
        table.insert({QDate::fromString(q->value(0).toString(), Qt::ISODate), q->value(1).toString(),
                      q->value(2).toString(), q->value(3).toLongLong()});
    }
    return table;
}

void FxTable::insert(const ExchangeRate &rate)
{
    m_pairs[pairKey(rate.currency, rate.base)].insert(rate.date, rate.rateE9);
    QStringList &bases = m_basesOf[rate.currency];
    if (!bases.contains(rate.base))
        bases.append(rate.base);
}

std::optional<FxTable::DatedRate> FxTable::stored(const QString &currency, const QString &base,
                                                  const QDate &day) const
{
    const auto pair = m_pairs.constFind(pairKey(currency, base));
    if (pair == m_pairs.constEnd())
        return std::nullopt;
    auto it = pair->upperBound(day); // the first rate after day; the one before it applies
    if (it == pair->constBegin())
        return std::nullopt;
    const auto applies = std::prev(it);
    return DatedRate{applies.key(), applies.value()};
}

std::optional<FxTable::Fraction> FxTable::fraction(const QString &from, const QString &to, const QDate &day) const
{
    if (from == to)
        return Fraction{1, 1};

    // The freshest rate wins, however it is stored: a rate entered one way round yesterday is not
    // overridden by one stored the other way round last year. On a tie the direct rate is taken,
    // then the inverse, then one crossed through a common base (as old as its older leg).
    std::optional<std::pair<QDate, Fraction>> best;
    const auto consider = [&](const QDate &asOf, const Fraction &candidate) {
        if (!best || asOf > best->first)
            best = std::pair{asOf, candidate};
    };
    if (const auto direct = stored(from, to, day))
        consider(direct->day, Fraction{direct->rateE9, fx::kRateScale});
    if (const auto inverse = stored(to, from, day))
        consider(inverse->day, Fraction{fx::kRateScale, inverse->rateE9});
    for (const QString &base : m_basesOf.value(from)) {
        const auto fromRate = stored(from, base, day);
        const auto toRate = stored(to, base, day);
        if (fromRate && toRate)
            consider(std::min(fromRate->day, toRate->day), Fraction{fromRate->rateE9, toRate->rateE9});
    }
    if (!best)
        return std::nullopt;
    return best->second;
}

std::optional<qint64> FxTable::convert(qint64 micros, const QString &from, const QString &to,
                                       const QDate &day) const
{
    const auto f = fraction(from, to, day);
    return f ? mulDiv(micros, f->numerator, f->denominator) : std::nullopt;
}

std::optional<qint64> FxTable::rate(const QString &from, const QString &to, const QDate &day) const
{
    const auto f = fraction(from, to, day);
    return f ? mulDiv(fx::kRateScale, f->numerator, f->denominator) : std::nullopt;
}

namespace fx_store {

namespace {
constexpr auto kReportingCurrencyKey = "reporting_currency";
}

Result<QString> reportingCurrency(const QSqlDatabase &db)
{
    auto q = runQuery(db, QStringLiteral("SELECT pref_value FROM preferences WHERE pref_key = ?"),
                      {QLatin1String(kReportingCurrencyKey)});
    if (!q)
        return fail(q.error());
    return q->next() ? q->value(0).toString() : QString::fromLatin1(kDefaultReportingCurrency);
}

Status saveReportingCurrency(const QSqlDatabase &db, const QString &currency)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO preferences (pref_key, pref_value) VALUES (?, ?) "
                                     "ON CONFLICT (pref_key) DO UPDATE SET pref_value = excluded.pref_value"),
                      {QLatin1String(kReportingCurrencyKey), currency});
    return q ? Status{} : fail(q.error());
}

Status replaceRange(const QSqlDatabase &db, const QString &base, const QDate &from, const QDate &to,
                    const QList<ExchangeRate> &items)
{
    auto removed = runQuery(db, QStringLiteral("DELETE FROM fx_rates WHERE base = ? AND day >= ? AND day <= ?"),
                            {base, from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!removed)
        return fail(removed.error());

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO fx_rates (day, currency, base, rate_e9) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (currency, base, day) DO UPDATE SET rate_e9 = excluded.rate_e9"));
    for (const ExchangeRate &rate : items) {
        insert.bindValue(0, rate.date.toString(Qt::ISODate));
        insert.bindValue(1, rate.currency);
        insert.bindValue(2, rate.base);
        insert.bindValue(3, rate.rateE9);
        if (!insert.exec())
            return fail(ErrorCode::Internal, insert.lastError().text());
    }
    return {};
}

Result<QDate> earliestDay(const QSqlDatabase &db)
{
    auto q = runQuery(db, QStringLiteral("SELECT MIN(day) FROM fx_rates"));
    if (!q)
        return fail(q.error());
    return q->next() ? QDate::fromString(q->value(0).toString(), Qt::ISODate) : QDate();
}

} // namespace fx_store

ExchangeRateService::ExchangeRateService(Database *database, ChangeNotifier *notifier)
    : m_database(database)
    , m_notifier(notifier)
{
}

Result<QString> ExchangeRateService::reportingCurrency() const
{
    return fx_store::reportingCurrency(m_database->connection());
}

Status ExchangeRateService::setReportingCurrency(const QString &currency)
{
    if (!money::isKnownCurrency(currency))
        return fail(Error::invalid({{QStringLiteral("reportingCurrency"), QStringLiteral("not an ISO 4217 code")}}));

    const Status written = m_database->write([&](QSqlDatabase &db) -> Status {
        if (auto saved = fx_store::saveReportingCurrency(db, currency); !saved)
            return saved;
        auto table = FxTable::load(db);
        if (!table)
            return fail(table.error());
        return metrics_store::reconvert(db, *table, currency, QDate());
    });
    if (written && m_notifier)
        emit m_notifier->metricsChanged();
    return written;
}

Result<QList<ExchangeRate>> ExchangeRateService::rates(const QDate &from, const QDate &to) const
{
    const QSqlDatabase db = m_database->connection();
    auto reporting = fx_store::reportingCurrency(db);
    if (!reporting)
        return fail(reporting.error());
    auto table = FxTable::load(db);
    if (!table)
        return fail(table.error());

    // Every currency and day that has a stored rate in the range, expressed against the
    // reporting currency.
    auto q = runQuery(db,
                      QStringLiteral("SELECT DISTINCT day, currency, base FROM fx_rates WHERE day >= ? AND day <= ? "
                                     "ORDER BY day, currency"),
                      {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q)
        return fail(q.error());
    QList<ExchangeRate> rates;
    QSet<QString> seen;
    while (q->next()) {
        const QDate day = QDate::fromString(q->value(0).toString(), Qt::ISODate);
        for (const QString &currency : {q->value(1).toString(), q->value(2).toString()}) {
            const QString key = day.toString(Qt::ISODate) + currency;
            if (currency == *reporting || seen.contains(key))
                continue;
            seen.insert(key);
            if (auto rate = table->rate(currency, *reporting, day))
                rates.append({day, currency, *reporting, *rate});
        }
    }
    return rates;
}

Status ExchangeRateService::apply(const Change &change)
{
    if (!change.reportingCurrency.isEmpty() && !money::isKnownCurrency(change.reportingCurrency))
        return fail(Error::invalid({{QStringLiteral("reportingCurrency"), QStringLiteral("not an ISO 4217 code")}}));
    if (change.replacesRates) {
        auto current = reportingCurrency();
        if (!current)
            return fail(current.error());
        const QString reporting = change.reportingCurrency.isEmpty() ? *current : change.reportingCurrency;
        if (const auto problems = problemsWithRates(reporting, change.from, change.to, change.items);
            !problems.isEmpty())
            return fail(Error::invalid(problems));
    }

    if (!change.reportingCurrency.isEmpty()) {
        if (auto chosen = setReportingCurrency(change.reportingCurrency); !chosen)
            return chosen;
    }
    return change.replacesRates ? replaceRates(change.from, change.to, change.items) : Status{};
}

Status ExchangeRateService::replaceRates(const QDate &from, const QDate &to, const QList<ExchangeRate> &items)
{
    auto reporting = reportingCurrency();
    if (!reporting)
        return fail(reporting.error());
    if (const QList<FieldError> problems = problemsWithRates(*reporting, from, to, items); !problems.isEmpty())
        return fail(Error::invalid(problems));

    QList<ExchangeRate> quoted = items;
    for (ExchangeRate &rate : quoted)
        rate.base = *reporting;
    return storeAndReconvert(*reporting, from, to, quoted);
}

Result<int> ExchangeRateService::importCsv(const QByteArray &csv)
{
    auto reporting = reportingCurrency();
    if (!reporting)
        return fail(reporting.error());
    auto rates = fx::parseCsv(csv, *reporting);
    if (!rates)
        return fail(rates.error());

    // One replaced range per base the file quotes against.
    QMap<QString, QList<ExchangeRate>> byBase;
    for (const ExchangeRate &rate : *rates)
        byBase[rate.base].append(rate);
    for (auto it = byBase.begin(); it != byBase.end(); ++it) {
        QDate from = it->first().date;
        QDate to = from;
        for (const ExchangeRate &rate : *it) {
            from = std::min(from, rate.date);
            to = std::max(to, rate.date);
        }
        if (auto stored = storeAndReconvert(it.key(), from, to, *it); !stored)
            return fail(stored.error());
    }
    qCInfo(lcAnalytics) << "imported" << rates->size() << "exchange rates";
    return int(rates->size());
}

Status ExchangeRateService::storeAndReconvert(const QString &base, const QDate &from, const QDate &to,
                                              const QList<ExchangeRate> &items)
{
    const Status written = m_database->write([&](QSqlDatabase &db) -> Status {
        if (auto replaced = fx_store::replaceRange(db, base, from, to, items); !replaced)
            return replaced;
        auto reporting = fx_store::reportingCurrency(db);
        if (!reporting)
            return fail(reporting.error());
        auto table = FxTable::load(db);
        if (!table)
            return fail(table.error());
        // A rate also applies to the following days without one, so every later row may change.
        return metrics_store::reconvert(db, *table, *reporting, from);
    });
    if (written && m_notifier)
        emit m_notifier->metricsChanged();
    return written;
}

} // namespace ads::core
