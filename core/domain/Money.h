#pragma once

#include "core/domain/Error.h"

#include <QString>
#include <QStringView>

namespace ads::core {

/** An amount of money: integer micros (1/1,000,000 of the major unit) and an ISO 4217 code. */
struct Money
{
    qint64 micros = 0;
    QString currency;

    bool operator==(const Money &) const = default;
};

namespace money {

inline constexpr qint64 kMicrosPerUnit = 1'000'000;

/** True for an active ISO 4217 code (upper case, three letters). */
bool isKnownCurrency(QStringView code);

/** ISO 4217 minor-unit digits: 2 for USD and EUR, 0 for JPY and KRW, 3 for BHD and KWD. -1 if unknown. */
int minorDigits(QStringView code);

/**
 * Parses a plain decimal ("12", "12.5", "-0.000001") into micros, exactly.
 * Refuses exponents, more than six decimals and values beyond int64 micros.
 */
Result<qint64> parseDecimal(QStringView text);

/**
 * Micros from a JSON number. JSON numbers arrive as doubles; the shortest decimal that round-trips
 * to the same double is the literal the sender wrote (for up to 15 significant digits), so that
 * text is parsed exactly instead of multiplying the double.
 */
Result<qint64> fromJsonNumber(double value);

/** Exact decimal text of micros with at least minDecimals and at most 6 decimals, e.g. "12.50". */
QString toDecimal(qint64 micros, int minDecimals = 0);

/** Major units as a double, for JSON output only (never for arithmetic). */
double toMajorUnits(qint64 micros);

/**
 * Micros to an integer count of units that are 10^-digits of the major unit (minor units when
 * digits is the currency's minor digits, whole units when 0). Truncates toward zero and reports
 * whether anything was cut off, so callers can decide whether a remainder matters.
 */
qint64 toScaledUnits(qint64 micros, int digits, bool *exact = nullptr);

/** Inverse of toScaledUnits. */
qint64 fromScaledUnits(qint64 units, int digits);

} // namespace money
} // namespace ads::core
