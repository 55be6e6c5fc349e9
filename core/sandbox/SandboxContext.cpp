#include "core/sandbox/SandboxContext.h"

#include <QDir>

namespace ads::core::sandbox {

namespace {

const QString kClockKey = QStringLiteral("clock_offset_ms");

quint64 splitmix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

quint64 stableHash(quint64 seed, const QString &text, qint64 salt)
{
    quint64 h = 0xcbf29ce484222325ULL ^ splitmix(seed);
    const QByteArray bytes = text.toUtf8();
    for (char c : bytes) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    return splitmix(h ^ splitmix(quint64(salt)));
}

SandboxContext::SandboxContext(const QString &dataDir, quint64 seed)
    : m_store(QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite")))
    , m_seed(seed)
{}

bool SandboxContext::open(QString *error)
{
    if (!m_store.open(error))
        return false;
    m_offsetMs = m_store.setting(kClockKey, QStringLiteral("0")).toLongLong();
    return true;
}

qint64 SandboxContext::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load();
}

QDateTime SandboxContext::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

void SandboxContext::advance(qint64 seconds)
{
    if (seconds <= 0)
        return;
    const qint64 offset = m_offsetMs.fetch_add(seconds * 1000) + seconds * 1000;
    m_store.setSetting(kClockKey, QString::number(offset));
}

qint64 SandboxContext::nextNumber(const QString &counter, qint64 base)
{
    return base + m_store.nextCounter(counter);
}

} // namespace ads::core::sandbox
