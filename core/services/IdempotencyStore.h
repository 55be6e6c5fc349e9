#pragma once

#include "core/domain/Error.h"

#include <QByteArray>
#include <QString>

namespace ads::core {

class Database;

/**
 * Remembers the answer to each POST that carried an Idempotency-Key, per token subject, so a retry
 * with the same key replays the first answer and never repeats the work. Thread-safe.
 *
 * Limitation: the answer is stored after the work commits, in its own transaction. A crash between
 * the two leaves the key pending; a pending key older than kAbandonedAfterSeconds is taken as
 * abandoned and the request runs again (launches are safe to repeat; a create may then repeat).
 */
class IdempotencyStore
{
public:
    static constexpr int kAbandonedAfterSeconds = 120;
    static constexpr int kKeptForHours = 24;

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray location;
    };

    enum class Claim {
        New,        // first use: run the request, then complete() or release()
        Replay,     // answered before: send answer again
        InProgress, // the first request with this key is still running
        Mismatch,   // the key was used for a different request
    };

    struct ClaimResult
    {
        Claim claim = Claim::New;
        Answer answer;
    };

    explicit IdempotencyStore(Database *database);

    Result<ClaimResult> claim(const QString &subject, const QString &key, const QByteArray &fingerprint);
    Status complete(const QString &subject, const QString &key, const Answer &answer);

    /** Forgets a claim whose request failed on our side, so the client can retry it. */
    Status release(const QString &subject, const QString &key);

private:
    Database *m_database;
};

} // namespace ads::core
