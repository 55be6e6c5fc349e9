#pragma once

#include <QObject>
#include <QString>

namespace ads::core {

/**
 * Announces changes to stored records, whichever front end made them, so the GUI's models and the
 * API see each other's edits at once. Emitted from whatever thread made the change; connect with
 * Qt::AutoConnection and receivers get the signal on their own thread.
 */
class ChangeNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

signals:
    void campaignChanged(const QString &campaignId);
    void campaignRemoved(const QString &campaignId);
    void libraryChanged();
    void metricsChanged();
    void syncStateChanged();
};

} // namespace ads::core
