#pragma once

#include "core/sandbox/SandboxStore.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <memory>

namespace ads::core::sandbox {

/**
 * What every simulated platform shares: the store, the seed and the sandbox clock.
 * The clock is real UTC now plus a persisted offset, so a restart keeps simulated time.
 */
class SandboxContext
{
public:
    SandboxContext(const QString &dataDir, quint64 seed);

    /** Opens the store and loads the clock offset. */
    bool open(QString *error);

    SandboxStore &store() { return m_store; }

    const SandboxStore &store() const { return m_store; }

    quint64 seed() const { return m_seed; }

    qint64 nowMs() const;
    QDateTime now() const;
    /** Moves the clock forward (negative values are ignored) and persists the offset. */
    void advance(qint64 seconds);

    /** A fresh numeric id from a persisted counter: base + counter value. */
    qint64 nextNumber(const QString &counter, qint64 base);

private:
    SandboxStore m_store;
    quint64 m_seed;
    std::atomic<qint64> m_offsetMs{0};
};

/** Deterministic 64-bit mixing (splitmix64 over FNV-1a); qHash is seeded per process. */
quint64 stableHash(quint64 seed, const QString &text, qint64 salt = 0);

} // namespace ads::core::sandbox
