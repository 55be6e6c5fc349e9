#include "core/api/ApiJson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ads::core::api {

namespace {

// Cursors carry a prefix so that a cursor from another list, or a hand-made number, is refused
// instead of silently starting somewhere.
const QByteArray kCursorPrefix = "o1:";
constexpr qsizetype kMaxCursorOffset = 1'000'000'000;

QHttpServerResponse errorBody(StatusCode status,
                              const QString &code,
                              const QString &message,
                              const QList<FieldError> &fields)
{
    QJsonArray fieldArray;
    for (const FieldError &field : fields)
        fieldArray.append(QJsonObject{{"field", field.field}, {"message", field.message}});

    const QJsonObject error{{"code", code}, {"message", message}, {"fields", fieldArray}};
    return jsonResponse(QJsonObject{{"error", error}}, status);
}

} // namespace

StatusCode httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return StatusCode::UnprocessableEntity;
    case ErrorCode::MalformedRequest:
        return StatusCode::BadRequest;
    case ErrorCode::NotFound:
        return StatusCode::NotFound;
    case ErrorCode::Conflict:
        return StatusCode::Conflict;
    case ErrorCode::PreconditionFailed:
        return StatusCode::PreconditionFailed;
    case ErrorCode::Unauthorized:
        return StatusCode::Unauthorized;
    case ErrorCode::Forbidden:
        return StatusCode::Forbidden;
    case ErrorCode::RateLimited:
        return StatusCode::TooManyRequests;
    case ErrorCode::Network:
    case ErrorCode::Platform:
        // Our request was fine; something upstream of us failed.
        return StatusCode::BadGateway;
    case ErrorCode::Storage:
    case ErrorCode::Internal:
        return StatusCode::InternalServerError;
    }
    return StatusCode::InternalServerError;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorCode::MalformedRequest:
        return QStringLiteral("malformed_request");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::PreconditionFailed:
        return QStringLiteral("precondition_failed");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Platform:
        return QStringLiteral("platform");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QHttpServerResponse jsonResponse(const QJsonObject &body, StatusCode status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse errorResponse(const Error &error)
{
    const StatusCode status = httpStatus(error.code);
    // A server-side failure's message may describe our internals; clients get a plain sentence.
    const bool serverSide = status == StatusCode::InternalServerError;
    const QString message =
        serverSide ? QStringLiteral("The server could not complete the request.") : error.message;
    return errorBody(status, errorCodeName(error.code), message, error.fields);
}

QHttpServerResponse protocolError(StatusCode status, const QString &code, const QString &message)
{
    return errorBody(status, code, message, {});
}

Error fieldError(const QString &field, const QString &message)
{
    return Error::invalid({FieldError{field, message}});
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mediaType = contentType.split(';').constFirst().trimmed();
    return mediaType.compare("application/json", Qt::CaseInsensitive) == 0;
}

Result<int> pageLimit(const QUrlQuery &query)
{
    if (!query.hasQueryItem(QStringLiteral("limit")))
        return kDefaultPageSize;

    bool ok = false;
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > kMaxPageSize) {
        return fail(
            fieldError(QStringLiteral("limit"),
                       QStringLiteral("must be a whole number from 1 to %1").arg(kMaxPageSize)));
    }
    return limit;
}

QDate dayFromText(const QString &text)
{
    static const QRegularExpression shape(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
    return shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
}

Result<std::optional<QDate>> dateParameter(const QUrlQuery &query, const QString &name)
{
    if (!query.hasQueryItem(name))
        return std::optional<QDate>();

    const QDate date = dayFromText(query.queryItemValue(name));
    if (!date.isValid())
        return fail(fieldError(name, QStringLiteral("must be a date written YYYY-MM-DD")));
    return std::optional<QDate>(date);
}

bool isValidRecordId(const QString &id)
{
    static const QRegularExpression shape(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]{1,64}")));
    return shape.match(id).hasMatch();
}

QString offsetCursor(qsizetype offset)
{
    const QByteArray raw = kCursorPrefix + QByteArray::number(offset);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> offsetFromCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(kCursorPrefix))
        return std::nullopt;

    bool ok = false;
    const qsizetype offset = decoded.decoded.mid(kCursorPrefix.size()).toLongLong(&ok);
    // No list holds a billion items; a larger offset is forged, and would overflow offset + limit.
    if (!ok || offset < 0 || offset > kMaxCursorOffset)
        return std::nullopt;
    return offset;
}

} // namespace ads::core::api
