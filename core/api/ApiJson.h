#pragma once

#include "core/domain/Error.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

// Internal to core/api: how the local API turns values and errors into HTTP and back.

namespace ads::core::api {

using StatusCode = QHttpServerResponse::StatusCode;

/** The largest request body the API reads; QHttpServer 6.4 has already buffered it by then. */
inline constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

/** The one mapping from a core error to an HTTP status. */
StatusCode httpStatus(ErrorCode code);

/** The machine code clients see in error.code, e.g. "invalid_input". */
QString errorCodeName(ErrorCode code);

/** A compact JSON response with Content-Type application/json. */
QHttpServerResponse jsonResponse(const QJsonObject &body, StatusCode status = StatusCode::Ok);

/** {"error":{"code","message","fields"}} for a core error, with the status httpStatus() gives. */
QHttpServerResponse errorResponse(const Error &error);

/**
 * The same body for failures that happen before any core call and have no ErrorCode: 405, 413,
 * 415 and the 404 of an unknown route.
 */
QHttpServerResponse protocolError(StatusCode status, const QString &code, const QString &message);

/** An InvalidInput error naming one field. */
Error fieldError(const QString &field, const QString &message);

/** True for a Content-Type of application/json, with or without parameters such as charset. */
bool isJsonContentType(const QByteArray &contentType);

/** The "limit" query parameter: kDefaultPageSize when absent, an InvalidInput error outside 1..500.
 */
Result<int> pageLimit(const QUrlQuery &query);

/** A day written exactly YYYY-MM-DD, in ASCII digits; invalid otherwise. */
QDate dayFromText(const QString &text);

/** A YYYY-MM-DD query parameter; nullopt when absent, InvalidInput when not a date. */
Result<std::optional<QDate>> dateParameter(const QUrlQuery &query, const QString &name);

/** True for a client-chosen record id: 1-64 characters of A-Z, a-z, 0-9, '_' and '-'. */
bool isValidRecordId(const QString &id);

/** An offset into a list as an opaque cursor, and back; nullopt for a cursor we did not make. */
QString offsetCursor(qsizetype offset);
std::optional<qsizetype> offsetFromCursor(const QString &cursor);

} // namespace ads::core::api
