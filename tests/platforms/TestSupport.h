#pragma once

#include "core/platforms/PlatformConnector.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <optional>

namespace ads::test {

/** Runs an asynchronous connector call to its callback (a guard stops a hung test). */
template<typename T>
std::optional<T> await(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> result;
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(20'000);
    start([&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return result;
}

/** A small file with known bytes inside dir. */
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

inline core::Rendition imageRendition(const QString &path, int width, int height,
                                      const QString &mime = QStringLiteral("image/png"))
{
    core::Rendition r;
    r.width = width;
    r.height = height;
    r.mimeType = mime;
    r.path = path;
    r.bytes = 1000;
    r.aspectRatio = QStringLiteral("%1:%2").arg(width).arg(height);
    return r;
}

inline core::Rendition videoRendition(const QString &path, int width, int height, qint64 ms)
{
    core::Rendition r = imageRendition(path, width, height, QStringLiteral("video/mp4"));
    r.durationMs = ms;
    return r;
}

inline core::Creative creative(const QString &id, core::CreativeKind kind,
                               QList<core::Rendition> renditions)
{
    core::Creative c;
    c.id = id;
    c.name = id;
    c.kind = kind;
    c.headline = QStringLiteral("Black Friday deals");
    c.description = QStringLiteral("Everything half price this weekend only.");
    c.callToAction = QStringLiteral("shop_now");
    c.destinationUrl = QStringLiteral("https://shop.example/bf");
    c.renditions = std::move(renditions);
    return c;
}

inline core::Audience audience(const QString &id,
                               core::AudienceKind kind = core::AudienceKind::CustomerList)
{
    core::Audience a;
    a.id = id;
    a.name = QStringLiteral("VIP buyers");
    a.kind = kind;
    a.description = QStringLiteral("Bought twice");
    return a;
}

/** A campaign that runs from tomorrow for ten days (relative, so it never expires). */
inline core::LaunchInput launchInput(const QString &currency, qint64 budgetMicros)
{
    core::LaunchInput in;
    in.campaignId = QStringLiteral("cmp-3f9a");
    in.campaignName = QStringLiteral("Black Friday");
    in.objective = core::Objective::Traffic;
    in.budgetType = core::BudgetType::Daily;
    in.budget = core::Money{budgetMicros, currency};
    const QDateTime tomorrow(QDate::currentDate().addDays(1), QTime(0, 0), Qt::UTC);
    in.startAt = tomorrow;
    in.endAt = tomorrow.addDays(10);
    in.account.currency = currency;
    in.account.timeZone = QStringLiteral("America/New_York");
    in.account.accessToken = QStringLiteral("tok-secret");
    return in;
}

} // namespace ads::test
