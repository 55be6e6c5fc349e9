#pragma once

#include "core/domain/Error.h"
#include "core/domain/Library.h"

#include <QSqlDatabase>

namespace ads::core::library_store {

Result<QList<Creative>> creatives(const QSqlDatabase &db);
Result<QList<Audience>> audiences(const QSqlDatabase &db);
Result<QStringList> creativeIds(const QSqlDatabase &db);
Result<QStringList> audienceIds(const QSqlDatabase &db);

/** Inserts or replaces by id. */
Status saveCreative(const QSqlDatabase &db, const Creative &creative);
Status saveAudience(const QSqlDatabase &db, const Audience &audience);

Result<QList<AdAccount>> accounts(const QSqlDatabase &db);

/** The account a platform launches into by default, or NotFound when none is connected. */
Result<AdAccount> defaultAccount(const QSqlDatabase &db, Platform platform);

/** The platform's account that bills in currency (the default one first), else its default account. */
Result<AdAccount> accountFor(const QSqlDatabase &db, Platform platform, const QString &currency);

Result<AdAccount> account(const QSqlDatabase &db, Platform platform, const QString &accountId);

Status saveAccount(const QSqlDatabase &db, const AdAccount &account, bool isDefault, const QJsonObject &extra);

/** Non-secret account settings (page id, pixel id, ...) the connectors need. */
Result<QJsonObject> accountExtra(const QSqlDatabase &db, Platform platform, const QString &accountId);

} // namespace ads::core::library_store
