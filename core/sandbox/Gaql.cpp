#include "core/domain/Money.h"
#include "core/sandbox/GoogleRules.h"

#include <QRegularExpression>
#include <QSet>

// A GAQL subset for the Google Ads simulator: SELECT fields FROM resource [WHERE conditions
// joined by AND] [ORDER BY field [ASC|DESC], ...] [LIMIT n] [PARAMETERS ...].
// Limitation: metrics are simulated for FROM campaign and FROM customer only, and the only
// segments are segments.date and segments.hour.

namespace ads::core::sandbox::google {

namespace {

const QHash<QString, QStringList> kAttributes = {
    {"customer",
     {"id",
      "resource_name",
      "descriptive_name",
      "currency_code",
      "time_zone",
      "manager",
      "test_account",
      "status",
      "auto_tagging_enabled"}},
    {"campaign",
     {"id",
      "resource_name",
      "name",
      "status",
      "advertising_channel_type",
      "advertising_channel_sub_type",
      "campaign_budget",
      "start_date_time",
      "end_date_time",
      "start_date",
      "end_date",
      "serving_status",
      "primary_status",
      "bidding_strategy_type",
      "contains_eu_political_advertising",
      "network_settings.target_google_search",
      "network_settings.target_search_network",
      "network_settings.target_content_network",
      "network_settings.target_partner_search_network"}},
    {"campaign_budget",
     {"id",
      "resource_name",
      "name",
      "amount_micros",
      "total_amount_micros",
      "delivery_method",
      "explicitly_shared",
      "period",
      "status"}},
    {"ad_group",
     {"id",
      "resource_name",
      "name",
      "status",
      "type",
      "campaign",
      "cpc_bid_micros",
      "cpm_bid_micros",
      "target_cpa_micros"}},
    {"ad_group_ad",
     {"resource_name",
      "status",
      "ad_group",
      "ad.id",
      "ad.resource_name",
      "ad.type",
      "ad.final_urls",
      "ad.name",
      "policy_summary.approval_status",
      "policy_summary.review_status",
      "ad.responsive_display_ad.business_name",
      "ad.responsive_display_ad.long_headline.text"}},
    {"ad_group_criterion",
     {"resource_name",
      "criterion_id",
      "status",
      "ad_group",
      "negative",
      "type",
      "user_list.user_list",
      "keyword.text",
      "keyword.match_type"}},
    {"campaign_criterion",
     {"resource_name",
      "criterion_id",
      "campaign",
      "negative",
      "status",
      "location.geo_target_constant",
      "language.language_constant"}},
    {"asset",
     {"id",
      "resource_name",
      "name",
      "type",
      "image_asset.file_size",
      "image_asset.mime_type",
      "image_asset.full_size.width_pixels",
      "image_asset.full_size.height_pixels",
      "image_asset.full_size.url",
      "youtube_video_asset.youtube_video_id",
      "text_asset.text"}},
    {"user_list",
     {"id",
      "resource_name",
      "name",
      "description",
      "membership_status",
      "membership_life_span",
      "size_for_display",
      "size_for_search",
      "type",
      "crm_based_user_list.upload_key_type"}},
    {"conversion_action", {"id", "resource_name", "name", "status", "type", "category"}},
};

const QHash<QString, QStringList> kRelated = {
    {"customer", {}},
    {"campaign", {"customer", "campaign_budget"}},
    {"campaign_budget", {"customer"}},
    {"ad_group", {"customer", "campaign"}},
    {"ad_group_ad", {"customer", "campaign", "ad_group"}},
    {"ad_group_criterion", {"customer", "campaign", "ad_group"}},
    {"campaign_criterion", {"customer", "campaign"}},
    {"asset", {"customer"}},
    {"user_list", {"customer"}},
    {"conversion_action", {"customer"}},
};

const QStringList kMetrics = {"impressions",
                              "clicks",
                              "cost_micros",
                              "conversions",
                              "conversions_value",
                              "ctr",
                              "average_cpc",
                              "average_cpm",
                              "cost_per_conversion",
                              "conversions_value_per_cost",
                              "all_conversions",
                              "all_conversions_value",
                              "interactions"};

const QSet<QString> kInt64Leaves = {"id",
                                    "amount_micros",
                                    "total_amount_micros",
                                    "cpc_bid_micros",
                                    "cpm_bid_micros",
                                    "target_cpa_micros",
                                    "criterion_id",
                                    "membership_life_span",
                                    "size_for_display",
                                    "size_for_search",
                                    "file_size",
                                    "width_pixels",
                                    "height_pixels",
                                    "impressions",
                                    "clicks",
                                    "cost_micros",
                                    "interactions"};

AdsError queryError(const QString &code, const QString &message, const QString &trigger = {})
{
    AdsError error{QStringLiteral("queryError"), code, message, {}, {}, {}};
    if (!trigger.isEmpty())
        error.trigger = QJsonObject{{"stringValue", trigger}};
    return error;
}

// ---- tokens ------------------------------------------------------------------------------

struct Token
{
    enum Kind
    {
        Word,
        Text,
        Number,
        Symbol,
        End
    } kind = End;

    QString text;
};

tl::expected<QList<Token>, AdsError> tokenize(const QString &query)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < query.size()) {
        const QChar c = query[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype end = query.indexOf(c, i + 1);
            if (end < 0)
                return tl::unexpected(
                    queryError(QStringLiteral("STRING_NOT_TERMINATED"),
                               QStringLiteral("A string literal is not closed.")));
            tokens.append({Token::Text, query.mid(i + 1, end - i - 1)});
            i = end + 1;
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype end = i;
            while (end < query.size()
                   && (query[end].isLetterOrNumber() || query[end] == QLatin1Char('_')
                       || query[end] == QLatin1Char('.')))
                ++end;
            tokens.append({Token::Word, query.mid(i, end - i)});
            i = end;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            qsizetype end = i + 1;
            while (end < query.size() && (query[end].isDigit() || query[end] == QLatin1Char('.')))
                ++end;
            tokens.append({Token::Number, query.mid(i, end - i)});
            i = end;
        } else {
            const QString two = query.mid(i, 2);
            if (two == QLatin1String("!=") || two == QLatin1String(">=")
                || two == QLatin1String("<=")) {
                tokens.append({Token::Symbol, two});
                i += 2;
            } else if (QStringLiteral("=<>(),").contains(c)) {
                tokens.append({Token::Symbol, QString(c)});
                ++i;
            } else {
                return tl::unexpected(queryError(QStringLiteral("UNEXPECTED_INPUT"),
                                                 QStringLiteral("Unexpected input %1.").arg(c),
                                                 QString(c)));
            }
        }
    }
    tokens.append(Token{Token::End, QString()});
    return tokens;
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    tl::expected<GaqlQuery, AdsError> parse();

private:
    const Token &peek() const { return m_tokens[m_at]; }

    Token take() { return m_tokens[m_at < m_tokens.size() - 1 ? m_at++ : m_at]; }

    bool keyword(const char *word)
    {
        if (peek().kind == Token::Word
            && peek().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0) {
            ++m_at;
            return true;
        }
        return false;
    }

    tl::expected<QStringList, AdsError> fieldList();
    tl::expected<GaqlCondition, AdsError> condition();
    tl::expected<QString, AdsError> value();

    QList<Token> m_tokens;
    qsizetype m_at = 0;
};

tl::expected<QStringList, AdsError> Parser::fieldList()
{
    QStringList fields;
    do {
        if (peek().kind != Token::Word)
            return tl::unexpected(
                queryError(QStringLiteral("EXPECTED_REFERENCED_FIELD_IN_SELECT_CLAUSE"),
                           QStringLiteral("A field name was expected.")));
        fields.append(take().text);
    } while (peek().kind == Token::Symbol && peek().text == QLatin1String(",") && (take(), true));
    return fields;
}

tl::expected<QString, AdsError> Parser::value()
{
    const Token token = take();
    if (token.kind == Token::Text || token.kind == Token::Number || token.kind == Token::Word)
        return token.text;
    return tl::unexpected(queryError(QStringLiteral("EXPECTED_SINGLE_VALUE"),
                                     QStringLiteral("A value was expected.")));
}

tl::expected<GaqlCondition, AdsError> Parser::condition()
{
    GaqlCondition condition;
    if (peek().kind != Token::Word)
        return tl::unexpected(queryError(QStringLiteral("UNEXPECTED_INPUT"),
                                         QStringLiteral("A field name was expected in WHERE.")));
    condition.field = take().text;
    const bool negated = keyword("NOT");
    if (keyword("IN")) {
        condition.op = negated ? QStringLiteral("NOT IN") : QStringLiteral("IN");
        if (take().text != QLatin1String("("))
            return tl::unexpected(queryError(QStringLiteral("EXPECTED_LIST"),
                                             QStringLiteral("A list was expected.")));
        while (peek().text != QLatin1String(")")) {
            auto item = value();
            if (!item)
                return tl::unexpected(item.error());
            condition.values.append(*item);
            if (peek().text == QLatin1String(","))
                take();
            else if (peek().kind == Token::End)
                return tl::unexpected(queryError(QStringLiteral("UNEXPECTED_END_OF_QUERY"),
                                                 QStringLiteral("The list is not closed.")));
        }
        take();
        if (condition.values.isEmpty())
            return tl::unexpected(queryError(QStringLiteral("PROHIBITED_EMPTY_LIST_IN_CONDITION"),
                                             QStringLiteral("An IN list may not be empty.")));
        return condition;
    }
    if (keyword("LIKE")) {
        condition.op = negated ? QStringLiteral("NOT LIKE") : QStringLiteral("LIKE");
    } else if (negated) {
        return tl::unexpected(
            queryError(QStringLiteral("BAD_OPERATOR"), QStringLiteral("Bad operator after NOT.")));
    } else if (keyword("BETWEEN")) {
        auto low = value();
        if (!low || !keyword("AND"))
            return tl::unexpected(
                queryError(QStringLiteral("EXPECTED_AND"), QStringLiteral("BETWEEN needs AND.")));
        auto high = value();
        if (!high)
            return tl::unexpected(high.error());
        condition.op = QStringLiteral("BETWEEN");
        condition.values = {*low, *high};
        return condition;
    } else if (keyword("DURING")) {
        condition.op = QStringLiteral("DURING");
    } else if (keyword("IS")) {
        condition.op = keyword("NOT") ? QStringLiteral("IS NOT NULL") : QStringLiteral("IS NULL");
        if (!keyword("NULL"))
            return tl::unexpected(
                queryError(QStringLiteral("BAD_OPERATOR"), QStringLiteral("IS needs NULL.")));
        return condition;
    } else if (peek().kind == Token::Symbol && peek().text != QLatin1String(",")) {
        condition.op = take().text;
    } else {
        return tl::unexpected(queryError(QStringLiteral("BAD_OPERATOR"),
                                         QStringLiteral("The operator is not supported."),
                                         peek().text));
    }
    auto operand = value();
    if (!operand)
        return tl::unexpected(operand.error());
    condition.values = {*operand};
    return condition;
}

tl::expected<GaqlQuery, AdsError> Parser::parse()
{
    GaqlQuery query;
    if (!keyword("SELECT"))
        return tl::unexpected(queryError(QStringLiteral("EXPECTED_SELECT"),
                                         QStringLiteral("The query must start with SELECT.")));
    auto fields = fieldList();
    if (!fields)
        return tl::unexpected(fields.error());
    query.select = *fields;
    if (!keyword("FROM"))
        return tl::unexpected(
            queryError(QStringLiteral("EXPECTED_FROM"), QStringLiteral("FROM was expected.")));
    if (peek().kind != Token::Word)
        return tl::unexpected(queryError(QStringLiteral("BAD_RESOURCE_TYPE_IN_FROM_CLAUSE"),
                                         QStringLiteral("A resource was expected.")));
    query.from = take().text;
    if (keyword("WHERE")) {
        do {
            auto condition = this->condition();
            if (!condition)
                return tl::unexpected(condition.error());
            query.where.append(*condition);
        } while (keyword("AND"));
    }
    if (keyword("ORDER")) {
        if (!keyword("BY"))
            return tl::unexpected(
                queryError(QStringLiteral("EXPECTED_BY"), QStringLiteral("ORDER needs BY.")));
        do {
            if (peek().kind != Token::Word)
                return tl::unexpected(queryError(QStringLiteral("BAD_FIELD_NAME"),
                                                 QStringLiteral("A field was expected.")));
            const QString field = take().text;
            const bool descending = keyword("DESC");
            if (!descending)
                keyword("ASC");
            query.orderBy.append({field, descending});
        } while (peek().text == QLatin1String(",") && (take(), true));
    }
    if (keyword("LIMIT")) {
        bool ok = false;
        query.limit = take().text.toLongLong(&ok);
        if (!ok || query.limit <= 0)
            return tl::unexpected(queryError(QStringLiteral("BAD_LIMIT_VALUE"),
                                             QStringLiteral("LIMIT needs a positive number.")));
    }
    if (keyword("PARAMETERS")) {
        while (peek().kind != Token::End)
            take();
    }
    if (peek().kind != Token::End)
        return tl::unexpected(queryError(QStringLiteral("UNEXPECTED_INPUT"),
                                         QStringLiteral("Unexpected input %1.").arg(peek().text),
                                         peek().text));
    return query;
}

bool knownField(const QString &field, const QString &from)
{
    const QString resource = field.section(QLatin1Char('.'), 0, 0);
    const QString rest = field.section(QLatin1Char('.'), 1);
    if (resource == QLatin1String("metrics"))
        return kMetrics.contains(rest);
    if (resource == QLatin1String("segments"))
        return rest == QLatin1String("date") || rest == QLatin1String("hour");
    Q_UNUSED(from);
    return kAttributes.value(resource).contains(rest);
}

tl::expected<void, AdsError> checkFields(const GaqlQuery &query)
{
    if (!kAttributes.contains(query.from))
        return tl::unexpected(
            queryError(QStringLiteral("BAD_RESOURCE_TYPE_IN_FROM_CLAUSE"),
                       QStringLiteral("Unsupported resource in FROM: %1.").arg(query.from),
                       query.from));
    QStringList all = query.select;
    for (const GaqlCondition &condition : query.where)
        all.append(condition.field);
    for (const auto &order : query.orderBy)
        all.append(order.first);
    bool metrics = false;
    for (const QString &field : all) {
        if (!knownField(field, query.from))
            return tl::unexpected(
                queryError(QStringLiteral("UNRECOGNIZED_FIELD"),
                           QStringLiteral("Unrecognized field in the query: '%1'.").arg(field),
                           field));
        const QString resource = field.section(QLatin1Char('.'), 0, 0);
        metrics = metrics || resource == QLatin1String("metrics")
                  || resource == QLatin1String("segments");
        if (resource != QLatin1String("metrics") && resource != QLatin1String("segments")
            && resource != query.from && !kRelated.value(query.from).contains(resource)) {
            return tl::unexpected(queryError(
                QStringLiteral("PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE"),
                QStringLiteral("%1 cannot be selected with FROM %2.").arg(resource, query.from),
                field));
        }
    }
    if (metrics && query.from != QLatin1String("campaign")
        && query.from != QLatin1String("customer"))
        return tl::unexpected(
            queryError(QStringLiteral("PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE"),
                       QStringLiteral("The sandbox simulates metrics for campaign "
                                      "and customer only.")));
    return {};
}

// ---- evaluation --------------------------------------------------------------------------

struct Row
{
    QHash<QString, QJsonObject> resources; // GAQL resource -> state
    DayStats stats;
    bool hasStats = false;
    QDate date;
    int hour = -1; // segments.hour, 0..23 in the account's zone
};

std::optional<QDate> parseDate(const QString &text)
{
    QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        date = QDate::fromString(text, QStringLiteral("yyyyMMdd"));
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

std::optional<QPair<QDate, QDate>> duringRange(const QString &preset, const QDate &today)
{
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const QDate sunday = today.addDays(-(today.dayOfWeek() % 7));
    static const QHash<QString, int> lastDays = {
        {"LAST_7_DAYS", 7}, {"LAST_14_DAYS", 14}, {"LAST_30_DAYS", 30}};
    if (lastDays.contains(preset))
        return qMakePair(today.addDays(-lastDays.value(preset)), today.addDays(-1));
    if (preset == QLatin1String("TODAY"))
        return qMakePair(today, today);
    if (preset == QLatin1String("YESTERDAY"))
        return qMakePair(today.addDays(-1), today.addDays(-1));
    if (preset == QLatin1String("THIS_MONTH"))
        return qMakePair(QDate(today.year(), today.month(), 1), today);
    if (preset == QLatin1String("LAST_MONTH")) {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return qMakePair(first, first.addMonths(1).addDays(-1));
    }
    if (preset == QLatin1String("LAST_BUSINESS_WEEK"))
        return qMakePair(monday.addDays(-7), monday.addDays(-3));
    if (preset == QLatin1String("THIS_WEEK_SUN_TODAY"))
        return qMakePair(sunday, today);
    if (preset == QLatin1String("THIS_WEEK_MON_TODAY"))
        return qMakePair(monday, today);
    if (preset == QLatin1String("LAST_WEEK_SUN_SAT"))
        return qMakePair(sunday.addDays(-7), sunday.addDays(-1));
    if (preset == QLatin1String("LAST_WEEK_MON_SUN"))
        return qMakePair(monday.addDays(-7), monday.addDays(-1));
    return std::nullopt;
}

/** The date range the WHERE clause allows; invalid dates mean open on that side. */
tl::expected<QPair<QDate, QDate>, AdsError> dateRange(const GaqlQuery &query, const QDate &today)
{
    QDate from;
    QDate to;
    for (const GaqlCondition &condition : query.where) {
        if (condition.field != QLatin1String("segments.date"))
            continue;
        if (condition.op == QLatin1String("DURING")) {
            const auto range = duringRange(condition.values.value(0), today);
            if (!range)
                return tl::unexpected(
                    queryError(QStringLiteral("INVALID_VALUE_WITH_DURING_OPERATOR"),
                               QStringLiteral("Unknown date range."),
                               condition.values.value(0)));
            from = range->first;
            to = range->second;
            continue;
        }
        QList<QDate> dates;
        for (const QString &text : condition.values) {
            const auto date = parseDate(text);
            if (!date)
                return tl::unexpected(queryError(QStringLiteral("INVALID_DATE_FORMAT"),
                                                 QStringLiteral("Dates are YYYY-MM-DD."),
                                                 text));
            dates.append(*date);
        }
        if (condition.op == QLatin1String("BETWEEN")) {
            from = dates[0];
            to = dates[1];
        } else if (condition.op == QLatin1String("=")) {
            from = to = dates[0];
        } else if (condition.op == QLatin1String(">=") || condition.op == QLatin1String(">")) {
            from = condition.op == QLatin1String(">") ? dates[0].addDays(1) : dates[0];
        } else if (condition.op == QLatin1String("<=") || condition.op == QLatin1String("<")) {
            to = condition.op == QLatin1String("<") ? dates[0].addDays(-1) : dates[0];
        }
    }
    return qMakePair(from, to);
}

QJsonValue metricValue(const QString &metric, const DayStats &stats)
{
    const auto ratio = [](qint64 a, qint64 b) {
        return b > 0 ? double(a) / double(b) : 0.0;
    };
    if (metric == QLatin1String("impressions"))
        return QString::number(stats.impressions);
    if (metric == QLatin1String("clicks") || metric == QLatin1String("interactions"))
        return QString::number(stats.clicks);
    if (metric == QLatin1String("cost_micros"))
        return QString::number(stats.spendMicros);
    if (metric == QLatin1String("conversions") || metric == QLatin1String("all_conversions"))
        return double(stats.conversions);
    // Value metrics are major units as a JSON double; a display value, never used for sums.
    if (metric == QLatin1String("conversions_value")
        || metric == QLatin1String("all_conversions_value"))
        return money::toMajorUnits(stats.conversionValueMicros);
    if (metric == QLatin1String("ctr"))
        return ratio(stats.clicks, stats.impressions);
    if (metric == QLatin1String("average_cpc"))
        return ratio(stats.spendMicros, stats.clicks);
    if (metric == QLatin1String("average_cpm"))
        return ratio(stats.spendMicros * 1000, stats.impressions);
    if (metric == QLatin1String("cost_per_conversion"))
        return ratio(stats.spendMicros, stats.conversions);
    if (metric == QLatin1String("conversions_value_per_cost"))
        return ratio(stats.conversionValueMicros, stats.spendMicros);
    return QJsonValue();
}

QString biddingType(const QJsonObject &campaign)
{
    static const QList<QPair<QString, QString>> types = {
        {"manualCpc", "MANUAL_CPC"},
        {"manualCpm", "MANUAL_CPM"},
        {"manualCpv", "MANUAL_CPV"},
        {"targetSpend", "TARGET_SPEND"},
        {"maximizeConversions", "MAXIMIZE_CONVERSIONS"},
        {"maximizeConversionValue", "MAXIMIZE_CONVERSION_VALUE"},
        {"targetCpa", "TARGET_CPA"},
        {"targetRoas", "TARGET_ROAS"},
        {"targetImpressionShare", "TARGET_IMPRESSION_SHARE"},
        {"targetCpm", "TARGET_CPM"},
        {"fixedCpm", "FIXED_CPM"},
        {"targetCpv", "TARGET_CPV"},
        {"manualCpa", "MANUAL_CPA"},
        {"commission", "COMMISSION"},
        {"percentCpc", "PERCENT_CPC"}};
    for (const auto &type : types) {
        if (campaign.contains(type.first))
            return type.second;
    }
    return {};
}

QJsonValue attributeValue(const QString &resource, const QString &rest, const Row &row)
{
    const QJsonObject state = row.resources.value(resource);
    if (resource == QLatin1String("campaign") && rest == QLatin1String("bidding_strategy_type"))
        return biddingType(state);
    if (resource == QLatin1String("campaign") && rest == QLatin1String("primary_status")) {
        const QString status = state.value(QStringLiteral("status")).toString();
        return status == QLatin1String("ENABLED") ? QStringLiteral("ELIGIBLE") : status;
    }
    if (rest == QLatin1String("type") && resource.endsWith(QLatin1String("criterion")))
        return state.contains(QStringLiteral("userList"))  ? QStringLiteral("USER_LIST")
               : state.contains(QStringLiteral("keyword")) ? QStringLiteral("KEYWORD")
                                                           : QStringLiteral("UNKNOWN");
    QJsonValue value = state;
    for (const QString &part : rest.split(QLatin1Char('.')))
        value = value.toObject().value(snakeToCamel(part));
    if (value.isUndefined())
        return value;
    const QString leaf = rest.section(QLatin1Char('.'), -1);
    if (kInt64Leaves.contains(leaf) && !value.isString())
        return QString::number(value.toVariant().toLongLong());
    return value;
}

QJsonValue fieldValue(const QString &field, const Row &row)
{
    const QString resource = field.section(QLatin1Char('.'), 0, 0);
    const QString rest = field.section(QLatin1Char('.'), 1);
    if (resource == QLatin1String("metrics"))
        return row.hasStats ? metricValue(rest, row.stats) : QJsonValue(QJsonValue::Undefined);
    // segments.hour is written even when 0: the real field may be proto3 optional with presence
    // (unconfirmed), and a reader that treats a missing hour as 0 reads both forms the same.
    if (field == QLatin1String("segments.hour"))
        return row.hour >= 0 ? QJsonValue(row.hour) : QJsonValue(QJsonValue::Undefined);
    if (resource == QLatin1String("segments"))
        return row.date.isValid() ? QJsonValue(row.date.toString(Qt::ISODate))
                                  : QJsonValue(QJsonValue::Undefined);
    return attributeValue(resource, rest, row);
}

QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

bool likeMatch(const QString &text, const QString &pattern)
{
    // % and _ are wildcards. A bracketed single character ("[%]", "[[]") stands for itself,
    // which is how GAQL escapes them; any other bracket is an ordinary character, so patterns
    // written without escaping (e.g. "%[ads:c1/x]%") still match literally. Which reading the
    // real service takes for unescaped brackets is unconfirmed.
    QString regex;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == QLatin1Char('[') && i + 2 < pattern.size() && pattern[i + 2] == QLatin1Char(']')) {
            regex += QRegularExpression::escape(QString(pattern[i + 1]));
            i += 2;
        } else if (c == QLatin1Char('%')) {
            regex += QStringLiteral(".*");
        } else if (c == QLatin1Char('_')) {
            regex += QLatin1Char('.');
        } else {
            regex += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QStringLiteral("^") + regex + QStringLiteral("$"),
                              QRegularExpression::DotMatchesEverythingOption)
        .match(text)
        .hasMatch();
}

int compareValues(const QString &a, const QString &b)
{
    bool numberA = false;
    bool numberB = false;
    const double x = a.toDouble(&numberA);
    const double y = b.toDouble(&numberB);
    if (numberA && numberB)
        return x < y ? -1 : (x > y ? 1 : 0);
    return a.compare(b);
}

bool matches(const GaqlCondition &condition, const Row &row)
{
    if (condition.field == QLatin1String("segments.date"))
        return true; // applied as the date range
    const QJsonValue value = fieldValue(condition.field, row);
    const QString text = textOf(value);
    const QString &op = condition.op;
    if (op == QLatin1String("IS NULL"))
        return value.isUndefined() || text.isEmpty();
    if (op == QLatin1String("IS NOT NULL"))
        return !(value.isUndefined() || text.isEmpty());
    if (op == QLatin1String("IN"))
        return condition.values.contains(text);
    if (op == QLatin1String("NOT IN"))
        return !condition.values.contains(text);
    if (op == QLatin1String("LIKE"))
        return likeMatch(text, condition.values.value(0));
    if (op == QLatin1String("NOT LIKE"))
        return !likeMatch(text, condition.values.value(0));
    const int order = compareValues(text, condition.values.value(0));
    if (op == QLatin1String("="))
        return order == 0;
    if (op == QLatin1String("!="))
        return order != 0;
    if (op == QLatin1String(">"))
        return order > 0;
    if (op == QLatin1String(">="))
        return order >= 0;
    if (op == QLatin1String("<"))
        return order < 0;
    if (op == QLatin1String("<="))
        return order <= 0;
    return false;
}

void insertPath(QJsonObject &object, const QStringList &parts, const QJsonValue &value)
{
    if (parts.size() == 1) {
        object.insert(parts.first(), value);
        return;
    }
    QJsonObject child = object.value(parts.first()).toObject();
    insertPath(child, parts.mid(1), value);
    object.insert(parts.first(), child);
}

QJsonObject renderRow(const GaqlQuery &query, const Row &row)
{
    QJsonObject json;
    QSet<QString> resources;
    for (const QString &field : query.select) {
        const QJsonValue value = fieldValue(field, row);
        const QString resource = field.section(QLatin1Char('.'), 0, 0);
        resources.insert(resource);
        // Unset and default values are left out, as proto3 JSON does.
        if (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().isEmpty()))
            continue;
        if (resource == QLatin1String("metrics")
            && (value == QJsonValue(0.0) || value == QJsonValue(QStringLiteral("0"))))
            continue;
        QStringList parts;
        for (const QString &part : field.split(QLatin1Char('.')))
            parts.append(snakeToCamel(part));
        insertPath(json, parts, value);
    }
    // Every selected resource carries its resource name.
    for (const QString &resource : std::as_const(resources)) {
        if (resource == QLatin1String("metrics") || resource == QLatin1String("segments"))
            continue;
        const QJsonValue name = row.resources.value(resource).value(QStringLiteral("resourceName"));
        if (!name.isUndefined())
            insertPath(json, {snakeToCamel(resource), QStringLiteral("resourceName")}, name);
    }
    return json;
}

QJsonObject customerState(const SandboxAccount &account)
{
    return QJsonObject{{"resourceName", QString(QStringLiteral("customers/") + account.accountId)},
                       {"id", account.accountId},
                       {"descriptiveName", account.name},
                       {"currencyCode", account.currency},
                       {"timeZone", account.timeZone},
                       {"manager", false},
                       {"testAccount", false},
                       {"status", QStringLiteral("ENABLED")},
                       {"autoTaggingEnabled", true}};
}

QJsonObject conversionActionState(const SandboxAccount &account)
{
    const QString id = account.extra.value(QStringLiteral("conversionActionId"));
    return QJsonObject{
        {"resourceName",
         QStringLiteral("customers/%1/conversionActions/%2").arg(account.accountId, id)},
        {"id", id},
        {"name", QStringLiteral("Sandbox purchase")},
        {"status", QStringLiteral("ENABLED")},
        {"type", QStringLiteral("WEBPAGE")},
        {"category", QStringLiteral("PURCHASE")}};
}

QList<Row> baseRows(const GaqlQuery &query, const GaqlData &data)
{
    QHash<QString, ObjectRecord> byId;
    for (const ObjectRecord &record : data.objects)
        byId.insert(record.id, record);
    const QJsonObject customer = customerState(data.account);

    QList<Row> rows;
    if (query.from == QLatin1String("customer")
        || query.from == QLatin1String("conversion_action")) {
        Row row;
        row.resources.insert(QStringLiteral("customer"), customer);
        row.resources.insert(QStringLiteral("conversion_action"),
                             conversionActionState(data.account));
        rows.append(row);
        return rows;
    }
    for (const ObjectRecord &record : data.objects) {
        if (record.type != query.from)
            continue;
        Row row;
        row.resources.insert(QStringLiteral("customer"), customer);
        row.resources.insert(record.type, record.state);
        ObjectRecord parent = byId.value(record.parentId);
        if (parent.type == kAdGroup) {
            row.resources.insert(kAdGroup, parent.state);
            parent = byId.value(parent.parentId);
        }
        if (parent.type == kCampaign)
            row.resources.insert(kCampaign, parent.state);
        const QString budget =
            row.resources.value(kCampaign).value(QStringLiteral("campaignBudget")).toString();
        const ObjectRecord budgetRecord = byId.value(budget.section(QLatin1Char('/'), -1));
        if (budgetRecord.type == kBudget)
            row.resources.insert(kBudget, budgetRecord.state);
        rows.append(row);
    }
    return rows;
}

bool selects(const GaqlQuery &query, const QString &resource)
{
    for (const QString &field : query.select) {
        if (field.startsWith(resource + QLatin1Char('.')))
            return true;
    }
    return false;
}

/** The campaign's slices a row reads: one campaign's, or every campaign's for FROM customer. */
QList<DeliverySlice> slicesOf(const Row &row, const GaqlQuery &query, const GaqlData &data)
{
    if (query.from != QLatin1String("customer"))
        return data.delivery.value(row.resources.value(kCampaign).value(QStringLiteral("id")).toString());
    QList<DeliverySlice> all;
    for (const QList<DeliverySlice> &campaign : data.delivery)
        all += campaign;
    return all;
}

QList<Row> withMetrics(const QList<Row> &rows,
                       const GaqlQuery &query,
                       const GaqlData &data,
                       const QDate &from,
                       const QDate &to)
{
    const bool byDate = query.select.contains(QStringLiteral("segments.date"));
    const bool byHour = query.select.contains(QStringLiteral("segments.hour"));
    const bool anyMetrics =
        byDate || byHour || selects(query, QStringLiteral("metrics"))
        || std::any_of(query.where.cbegin(), query.where.cend(), [](const GaqlCondition &c) {
               return c.field.startsWith(QLatin1String("metrics."));
           });
    if (!anyMetrics)
        return rows;
    const auto inRange = [&](const QDate &day) {
        return (!from.isValid() || day >= from) && (!to.isValid() || day <= to);
    };

    QList<Row> result;
    for (const Row &row : rows) {
        // (date or invalid, hour or -1) -> totals; a row per segment value, or one total row
        QMap<QPair<QDate, int>, DayStats> segments;
        for (const DeliverySlice &slice : slicesOf(row, query, data)) {
            if (inRange(slice.day))
                segments[{byDate ? slice.day : QDate(), byHour ? slice.hour : -1}].add(slice.stats);
        }
        if (!byDate && !byHour)
            segments[{QDate(), -1}];
        for (auto it = segments.cbegin(); it != segments.cend(); ++it) {
            if ((byDate || byHour) && it.value().impressions == 0)
                continue;
            Row segmented = row;
            segmented.stats = it.value();
            segmented.hasStats = true;
            segmented.date = it.key().first;
            segmented.hour = it.key().second;
            result.append(segmented);
        }
    }
    return result;
}

} // namespace

tl::expected<GaqlQuery, AdsError> parseGaql(const QString &text)
{
    auto tokens = tokenize(text);
    if (!tokens)
        return tl::unexpected(tokens.error());
    auto query = Parser(*tokens).parse();
    if (!query)
        return query;
    if (auto ok = checkFields(*query); !ok)
        return tl::unexpected(ok.error());

    // A date segment needs a finite date range in WHERE (google.md 5.2).
    if (selects(*query, QStringLiteral("segments"))) {
        bool low = false;
        bool high = false;
        for (const GaqlCondition &condition : query->where) {
            if (condition.field != QLatin1String("segments.date"))
                continue;
            const QString &op = condition.op;
            const bool both = op == QLatin1String("BETWEEN") || op == QLatin1String("DURING")
                              || op == QLatin1String("=") || op == QLatin1String("IN");
            low = low || both || op == QLatin1String(">=") || op == QLatin1String(">");
            high = high || both || op == QLatin1String("<=") || op == QLatin1String("<");
        }
        if (!low || !high)
            return tl::unexpected(
                queryError(QStringLiteral("EXPECTED_FILTERS_ON_DATE_RANGE"),
                           QStringLiteral("Selecting a date segment (segments.date, segments.hour) "
                                          "needs a finite date range in WHERE.")));
    }
    return query;
}

tl::expected<QList<QJsonObject>, AdsError> runGaql(const GaqlQuery &query, const GaqlData &data)
{
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(data.nowMs, QTimeZone(data.account.timeZone.toUtf8()))
            .date();
    auto range = dateRange(query, today);
    if (!range)
        return tl::unexpected(range.error());

    QList<Row> rows = withMetrics(baseRows(query, data), query, data, range->first, range->second);
    rows.erase(std::remove_if(rows.begin(),
                              rows.end(),
                              [&query](const Row &row) {
                                  return !std::all_of(
                                      query.where.cbegin(),
                                      query.where.cend(),
                                      [&row](const GaqlCondition &c) { return matches(c, row); });
                              }),
               rows.end());
    std::stable_sort(rows.begin(), rows.end(), [&query](const Row &a, const Row &b) {
        for (const auto &[field, descending] : query.orderBy) {
            const int order =
                compareValues(textOf(fieldValue(field, a)), textOf(fieldValue(field, b)));
            if (order != 0)
                return descending ? order > 0 : order < 0;
        }
        return false;
    });
    if (query.limit > 0 && rows.size() > query.limit)
        rows = rows.mid(0, query.limit);

    QList<QJsonObject> result;
    for (const Row &row : rows)
        result.append(renderRow(query, row));
    return result;
}

QString gaqlFieldMask(const GaqlQuery &query)
{
    QStringList fields;
    for (const QString &field : query.select) {
        QStringList parts;
        for (const QString &part : field.split(QLatin1Char('.')))
            parts.append(snakeToCamel(part));
        fields.append(parts.join(QLatin1Char('.')));
    }
    return fields.join(QLatin1Char(','));
}

} // namespace ads::core::sandbox::google
