#include "core/sandbox/LinkedinRules.h"

#include <QJsonArray>

// Rest.li 2.0 query syntax and the error envelope for the LinkedIn simulator (linkedin.md 2.2,
// 6.1).

namespace ads::core::sandbox::linkedin {

namespace {

class RestliParser
{
public:
    explicit RestliParser(const QString &text)
        : m_text(text)
    {}

    std::optional<QJsonValue> parseAll()
    {
        auto value = parseValue();
        if (!value || m_at != m_text.size())
            return std::nullopt;
        return value;
    }

private:
    std::optional<QJsonValue> parseValue()
    {
        if (m_text.mid(m_at, 5) == QLatin1String("List(")) {
            m_at += 5;
            return parseList();
        }
        if (peek() == QLatin1Char('(')) {
            ++m_at;
            return parseRecord();
        }
        return QJsonValue(leaf(false));
    }

    std::optional<QJsonValue> parseList()
    {
        QJsonArray items;
        if (peek() == QLatin1Char(')')) {
            ++m_at;
            return items;
        }
        for (;;) {
            auto item = parseValue();
            if (!item)
                return std::nullopt;
            items.append(*item);
            const QChar next = take();
            if (next == QLatin1Char(')'))
                return items;
            if (next != QLatin1Char(','))
                return std::nullopt;
        }
    }

    std::optional<QJsonValue> parseRecord()
    {
        QJsonObject record;
        if (peek() == QLatin1Char(')')) {
            ++m_at;
            return record;
        }
        for (;;) {
            const QString key = leaf(true);
            if (key.isEmpty() || take() != QLatin1Char(':'))
                return std::nullopt;
            auto value = parseValue();
            if (!value)
                return std::nullopt;
            record.insert(key, *value);
            const QChar next = take();
            if (next == QLatin1Char(')'))
                return record;
            if (next != QLatin1Char(','))
                return std::nullopt;
        }
    }

    /** Characters up to the next structural one; colons end only record keys. */
    QString leaf(bool key)
    {
        const qsizetype start = m_at;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at);
            if (c == QLatin1Char(',') || c == QLatin1Char(')') || c == QLatin1Char('(')
                || (key && c == QLatin1Char(':')))
                break;
            ++m_at;
        }
        return QUrl::fromPercentEncoding(m_text.mid(start, m_at - start).toUtf8());
    }

    QChar peek() const { return m_at < m_text.size() ? m_text.at(m_at) : QChar(); }

    QChar take() { return m_at < m_text.size() ? m_text.at(m_at++) : QChar(); }

    QString m_text;
    qsizetype m_at = 0;
};

} // namespace

std::optional<QJsonValue> parseRestliValue(const QString &raw)
{
    // A top-level plain value (q=search, fields=a,b) is one leaf, commas included.
    if (!raw.startsWith(QLatin1String("List(")) && !raw.startsWith(QLatin1Char('(')))
        return QJsonValue(QUrl::fromPercentEncoding(raw.toUtf8()));
    return RestliParser(raw).parseAll();
}

LinkedinResult<RestliQuery> RestliQuery::parse(const QByteArray &rawQuery)
{
    RestliQuery query;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        key.replace('+', ' ');
        const QString name = QUrl::fromPercentEncoding(key);
        const QString raw = QString::fromUtf8(eq < 0 ? QByteArray() : pair.mid(eq + 1));
        const auto value = parseRestliValue(raw);
        if (!value)
            return failure(
                400,
                QStringLiteral("ILLEGAL_ARGUMENT"),
                QStringLiteral("Invalid Rest.li syntax in query parameter '%1'").arg(name));
        query.values.insert(name, *value);
    }
    return query;
}

QString RestliQuery::text(const QString &key) const
{
    const QJsonValue value = values.value(key);
    return value.isString() ? value.toString() : QString();
}

QStringList RestliQuery::list(const QString &key) const
{
    const QJsonValue value = values.value(key);
    QStringList result;
    if (value.isString()) {
        result.append(value.toString());
    } else {
        for (const QJsonValue &item : value.toArray())
            result.append(item.toString());
    }
    return result;
}

QString RestliQuery::enumValue(const QString &key) const
{
    const QJsonValue value = values.value(key);
    if (value.isObject())
        return value.toObject().value(QStringLiteral("value")).toString();
    return value.toString();
}

QJsonObject errorBody(const LinkedinError &error)
{
    // serviceErrorCode sub-codes are unconfirmed (linkedin.md 6.1) apart from 100 for
    // ACCESS_DENIED; the sandbox repeats the HTTP status when it knows no better.
    QJsonObject body{
        {"status", error.status},
        {"serviceErrorCode", error.serviceErrorCode != 0 ? error.serviceErrorCode : error.status},
        {"code", error.code},
        {"message", error.message}};
    if (!error.field.isEmpty()) {
        const QJsonObject input{
            {"code", error.code},
            {"description", error.message},
            {"input", QJsonObject{{"inputPath", QJsonObject{{"fieldPath", error.field}}}}}};
        body.insert(QStringLiteral("errorDetailType"),
                    QStringLiteral("com.linkedin.common.error.BadRequest"));
        body.insert(QStringLiteral("errorDetails"),
                    QJsonObject{{"inputErrors", QJsonArray{input}}});
    }
    return body;
}

} // namespace ads::core::sandbox::linkedin
