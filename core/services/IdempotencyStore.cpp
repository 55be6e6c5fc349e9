#include "core/services/IdempotencyStore.h"

#include "core/domain/Campaign.h"
#include "core/store/Database.h"

namespace ads::core {

IdempotencyStore::IdempotencyStore(Database *database)
    : m_database(database)
{
}

Result<IdempotencyStore::ClaimResult> IdempotencyStore::claim(const QString &subject,
                                                              const QString &key,
                                                              const QByteArray &fingerprint)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ClaimResult result;
    const Status done = m_database->write([&](QSqlDatabase &db) -> Status {
        // Old answers go first; a day is longer than any client keeps retrying.
        runQuery(db, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"),
                 {toIsoUtc(now.addSecs(-3600 * kKeptForHours))});

        auto q = runQuery(db,
                          QStringLiteral("SELECT fingerprint, state, status, body, location, created_at "
                                         "FROM idempotency_keys WHERE subject = ? AND idem_key = ?"),
                          {subject, key});
        if (!q)
            return fail(q.error());
        if (q->next()) {
            const bool sameRequest = q->value(0).toString() == QString::fromLatin1(fingerprint);
            const bool pending = q->value(1).toString() == u"pending";
            QDateTime created = QDateTime::fromString(q->value(5).toString(), Qt::ISODate);
            created.setTimeSpec(Qt::UTC);
            const bool abandoned = pending && created.secsTo(now) > kAbandonedAfterSeconds;
            if (!sameRequest) {
                result.claim = Claim::Mismatch;
                return {};
            }
            if (!pending) {
                result.claim = Claim::Replay;
                result.answer = {q->value(2).toInt(), q->value(3).toString().toUtf8(),
                                 q->value(4).toString().toUtf8()};
                return {};
            }
            if (!abandoned) {
                result.claim = Claim::InProgress;
                return {};
            }
            q->finish();
            runQuery(db, QStringLiteral("DELETE FROM idempotency_keys WHERE subject = ? AND idem_key = ?"),
                     {subject, key});
        } else {
            q->finish();
        }

        auto inserted = runQuery(db,
                                 QStringLiteral("INSERT INTO idempotency_keys (subject, idem_key, fingerprint, "
                                                "state, created_at) VALUES (?, ?, ?, 'pending', ?)"),
                                 {subject, key, QString::fromLatin1(fingerprint), toIsoUtc(now)});
        result.claim = Claim::New;
        return inserted ? Status{} : fail(inserted.error());
    });
    if (!done)
        return fail(done.error());
    return result;
}

Status IdempotencyStore::complete(const QString &subject, const QString &key, const Answer &answer)
{
    return m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db,
                          QStringLiteral("UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, "
                                         "location = ? WHERE subject = ? AND idem_key = ?"),
                          {answer.status, QString::fromUtf8(answer.body), QString::fromUtf8(answer.location),
                           subject, key});
        return q ? Status{} : fail(q.error());
    });
}

Status IdempotencyStore::release(const QString &subject, const QString &key)
{
    return m_database->write([&](QSqlDatabase &db) -> Status {
        auto q = runQuery(db, QStringLiteral("DELETE FROM idempotency_keys WHERE subject = ? AND idem_key = ?"),
                          {subject, key});
        return q ? Status{} : fail(q.error());
    });
}

} // namespace ads::core
