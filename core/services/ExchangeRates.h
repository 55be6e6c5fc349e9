#pragma once

#include "core/domain/Error.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ads::core {

class ChangeNotifier;
class Database;

/** Units of base per one unit of currency on a day, kept exactly as an integer scaled by 10^9. */
struct ExchangeRate
{
    QDate date;
    QString currency;
    QString base;
    qint64 rateE9 = 0;

    bool operator==(const ExchangeRate &) const = default;
};

namespace fx {

inline constexpr qint64 kRateScale = 1'000'000'000;

// The largest rate kept, in whole units: no two currencies are further apart (a US dollar buys a
// few hundred thousand Iranian rials at most), and anything larger only overflows the sums.
inline constexpr qint64 kMaxRateUnits = 1'000'000;

/** Parses a positive decimal rate ("1.0842", "0.006927") with up to nine decimals, exactly. */
Result<qint64> parseRate(QStringView text);

/** Parses a rate sent as a JSON number through its shortest round-trip text. */
Result<qint64> rateFromJsonNumber(double value);

/** The rate as a JSON number (its decimal text read back as a double). */
double rateToDouble(qint64 rateE9);

/**
 * Reads a CSV of dated rates: a header naming date, currency, base and rate (any order; base
 * optional, defaultBase then), ISO dates, '#' comment lines. Errors name the line and column.
 */
Result<QList<ExchangeRate>> parseCsv(const QByteArray &csv, const QString &defaultBase);

} // namespace fx

/**
 * Every stored rate, for converting amounts at a day's rate. A day without its own rate uses the
 * latest earlier rate of the pair; a pair stored only the other way round is inverted; two
 * currencies quoted against a common base are crossed through it.
 */
class FxTable
{
public:
    static Result<FxTable> load(const QSqlDatabase &db);

    void insert(const ExchangeRate &rate);

    /**
     * Micros of `from` converted to micros of `to` at day's rate, rounded half away from zero;
     * nullopt when no rate reaches that day.
     */
    std::optional<qint64> convert(qint64 micros, const QString &from, const QString &to,
                                  const QDate &day) const;

    /** The rate of `to` per unit of `from` on day, scaled by 10^9; nullopt when there is none. */
    std::optional<qint64> rate(const QString &from, const QString &to, const QDate &day) const;

    bool isEmpty() const { return m_pairs.isEmpty(); }

private:
    struct Fraction
    {
        qint64 numerator = 0;
        qint64 denominator = 1;
    };

    struct DatedRate
    {
        QDate day; // the day the rate was set for
        qint64 rateE9 = 0;
    };

    /** The rate of the pair that applies on day: the last one set on or before it. */
    std::optional<DatedRate> stored(const QString &currency, const QString &base, const QDate &day) const;
    std::optional<Fraction> fraction(const QString &from, const QString &to, const QDate &day) const;

    QHash<QString, QMap<QDate, qint64>> m_pairs; // "EUR/USD" -> day -> rate
    QHash<QString, QStringList> m_basesOf;       // "EUR" -> bases it is quoted against
};

namespace fx_store {

inline constexpr auto kDefaultReportingCurrency = "USD";

Result<QString> reportingCurrency(const QSqlDatabase &db);
Status saveReportingCurrency(const QSqlDatabase &db, const QString &currency);

/** Replaces every rate against base dated from..to with items (all against that base). */
Status replaceRange(const QSqlDatabase &db, const QString &base, const QDate &from, const QDate &to,
                    const QList<ExchangeRate> &items);

/** The earliest stored day, invalid when there is no rate. */
Result<QDate> earliestDay(const QSqlDatabase &db);

} // namespace fx_store

/**
 * The reporting currency and dated exchange rates, for the GUI and the local API alike. Changing
 * either converts the stored delivery rows again and rebuilds the roll-ups, in one transaction,
 * then announces metricsChanged. Safe from any thread.
 */
class ExchangeRateService
{
public:
    ExchangeRateService(Database *database, ChangeNotifier *notifier);

    Result<QString> reportingCurrency() const;
    Status setReportingCurrency(const QString &currency);

    /**
     * The rates in use for each day from..to that has one, as units of the reporting currency per
     * unit of each other currency (derived through the stored pairs where needed).
     */
    Result<QList<ExchangeRate>> rates(const QDate &from, const QDate &to) const;

    /** Replaces the rates dated from..to; items are quoted against the reporting currency. */
    Status replaceRates(const QDate &from, const QDate &to, const QList<ExchangeRate> &items);

    /** A new reporting currency, rates replacing a range (quoted against the new currency), or both. */
    struct Change
    {
        QString reportingCurrency; // empty: unchanged
        bool replacesRates = false;
        QDate from;
        QDate to;
        QList<ExchangeRate> items;
    };

    /** Checks the whole change before writing any of it: a refused change leaves everything as it was. */
    Status apply(const Change &change);

    /** Imports a CSV (see fx::parseCsv), replacing the range it covers; returns the rows read. */
    Result<int> importCsv(const QByteArray &csv);

private:
    Status storeAndReconvert(const QString &base, const QDate &from, const QDate &to,
                             const QList<ExchangeRate> &items);

    Database *m_database;
    ChangeNotifier *m_notifier;
};

} // namespace ads::core
