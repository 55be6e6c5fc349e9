#pragma once

#include <QList>
#include <QString>

#include <tl/expected.hpp>

namespace ads::core {

/** What went wrong, for logic. The REST layer maps it to an HTTP status in one place. */
enum class ErrorCode {
    InvalidInput,       // a field is missing or wrong; see Error::fields
    MalformedRequest,   // the body is not parseable at all
    NotFound,
    Conflict,           // the record's state forbids the action
    PreconditionFailed, // a stale version was written
    Unauthorized,
    Forbidden,
    RateLimited,
    Network,
    Platform,           // a platform answered with an error
    Storage,
    Internal,
};

struct FieldError
{
    QString field;   // dotted path into the request body, e.g. "budget.amount"
    QString message; // plain words for people

    bool operator==(const FieldError &) const = default;
};

/** A fallible core call's failure: a code for logic, a message for people, details for logs. */
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QList<FieldError> fields;
    QString detail; // untranslated, for logs only; never secrets

    static Error invalid(QList<FieldError> fields, const QString &message = QStringLiteral("Some fields are invalid."))
    {
        return Error{ErrorCode::InvalidInput, message, std::move(fields), {}};
    }

    static Error make(ErrorCode code, const QString &message, const QString &detail = {})
    {
        return Error{code, message, {}, detail};
    }
};

template<typename T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, const QString &message, const QString &detail = {})
{
    return tl::unexpected<Error>(Error::make(code, message, detail));
}

inline tl::unexpected<Error> fail(Error error)
{
    return tl::unexpected<Error>(std::move(error));
}

} // namespace ads::core
