#include "core/domain/Money.h"

#include <QHash>

#include <array>
#include <charconv>
#include <limits>

namespace ads::core::money {

namespace {

struct CurrencyDigits
{
    const char *code;
    int digits;
};

// Active ISO 4217 codes and their minor-unit digits (ISO 4217 amendment list, 2024).
constexpr CurrencyDigits kCurrencies[] = {
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2}, {"AWG", 2},
    {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2},
    {"BOB", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2},
    {"CHF", 2}, {"CLF", 4}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CRC", 2}, {"CUP", 2}, {"CVE", 2}, {"CZK", 2},
    {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2},
    {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2},
    {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2},
    {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2},
    {"KRW", 0}, {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2},
    {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2},
    {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2}, {"NIO", 2},
    {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2}, {"PHP", 2}, {"PKR", 2},
    {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2},
    {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2},
    {"STN", 2}, {"SVC", 2}, {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2},
    {"TRY", 2}, {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"UYI", 0}, {"UYU", 2},
    {"UYW", 4}, {"UZS", 2}, {"VED", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XCD", 2},
    {"XOF", 0}, {"XPF", 0}, {"YER", 2}, {"ZAR", 2}, {"ZMW", 2}, {"ZWG", 2},
};

const QHash<QString, int> &currencyTable()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> t;
        for (const auto &c : kCurrencies)
            t.insert(QString::fromLatin1(c.code), c.digits);
        return t;
    }();
    return table;
}

constexpr qint64 kPowersOfTen[] = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000};

} // namespace

bool isKnownCurrency(QStringView code)
{
    return currencyTable().contains(code.toString());
}

int minorDigits(QStringView code)
{
    return currencyTable().value(code.toString(), -1);
}

Result<qint64> parseDecimal(QStringView text)
{
    const auto invalid = [&](const QString &why) {
        return fail(ErrorCode::InvalidInput, why, QStringLiteral("decimal '%1'").arg(text.toString()));
    };

    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }

    qint64 whole = 0;
    qint64 fraction = 0;
    int wholeDigits = 0;
    int fractionDigits = 0;
    for (; i < text.size() && text[i].isDigit(); ++i, ++wholeDigits) {
        if (whole > (std::numeric_limits<qint64>::max() / kMicrosPerUnit) / 10)
            return invalid(QStringLiteral("is too large"));
        whole = whole * 10 + text[i].digitValue();
    }
    if (i < text.size() && text[i] == u'.') {
        for (++i; i < text.size() && text[i].isDigit(); ++i, ++fractionDigits) {
            if (fractionDigits >= 6) {
                if (text[i] != u'0')
                    return invalid(QStringLiteral("has more than six decimals"));
                continue;
            }
            fraction = fraction * 10 + text[i].digitValue();
        }
    }
    if (i != text.size() || (wholeDigits == 0 && fractionDigits == 0))
        return invalid(QStringLiteral("is not a plain decimal number"));

    const int scale = std::min(fractionDigits, 6);
    const qint64 micros = whole * kMicrosPerUnit + fraction * kPowersOfTen[6 - scale];
    return negative ? -micros : micros;
}

Result<qint64> fromJsonNumber(double value)
{
    if (!std::isfinite(value))
        return fail(ErrorCode::InvalidInput, QStringLiteral("is not a finite number"));

    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::fixed);
    if (ec != std::errc())
        return fail(ErrorCode::InvalidInput, QStringLiteral("is out of range"));
    return parseDecimal(QString::fromLatin1(buffer.data(), end - buffer.data()));
}

QString toDecimal(qint64 micros, int minDecimals)
{
    const bool negative = micros < 0;
    const quint64 magnitude = negative ? quint64(-(micros + 1)) + 1 : quint64(micros);
    const quint64 whole = magnitude / kMicrosPerUnit;
    QString fraction = QStringLiteral("%1").arg(magnitude % kMicrosPerUnit, 6, 10, QLatin1Char('0'));
    while (fraction.size() > std::max(minDecimals, 0) && fraction.endsWith(u'0'))
        fraction.chop(1);

    QString text = QString::number(whole);
    if (!fraction.isEmpty())
        text += u'.' + fraction;
    return negative ? u'-' + text : text;
}

double toMajorUnits(qint64 micros)
{
    // Through the exact decimal text, so 0.1 USD becomes the double nearest 0.1, not 100000 * 1e-6.
    return toDecimal(micros).toDouble();
}

qint64 toScaledUnits(qint64 micros, int digits, bool *exact)
{
    const qint64 divisor = kPowersOfTen[6 - std::clamp(digits, 0, 6)];
    if (exact)
        *exact = micros % divisor == 0;
    return micros / divisor;
}

qint64 fromScaledUnits(qint64 units, int digits)
{
    return units * kPowersOfTen[6 - std::clamp(digits, 0, 6)];
}

} // namespace ads::core::money
