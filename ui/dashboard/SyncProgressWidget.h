#pragma once

#include "core/services/SyncService.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace ads::core {
class ChangeNotifier;
}

namespace ads::ui {

/**
 * The status bar's sync corner: what sync is doing ("Syncing 3 of 6 platforms…" with a progress
 * bar, or when it last finished and what failed) and a "Sync now" button. The sync status is read
 * on the background pool, since it comes from the store.
 */
class SyncProgressWidget : public QWidget
{
    Q_OBJECT

public:
    /** sync may be null (sync off); the widget then says so and its button is disabled. */
    SyncProgressWidget(core::SyncService *sync, core::ChangeNotifier *notifier, QWidget *parent = nullptr);

    QString text() const;
    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *syncButton() const { return m_button; }

    /** Reads the sync status again; the answer arrives on this thread. */
    void refresh();

    /** Shows a status; public so the text can be checked without a running sync. */
    void showStatus(const core::SyncStatus &status);

public slots:
    /** Asks the service for a sync of every platform, unless one is running. */
    void requestSync();

signals:
    /** The buyer asked for a sync; the widget has already asked the service. */
    void syncRequested();

    /** A status read finished and is on screen. */
    void statusShown();

private:
    static QString idleText(const core::SyncStatus &status);

    core::SyncService *m_sync;
    QLabel *m_label;
    QProgressBar *m_progress;
    QToolButton *m_button;
    quint64 m_generation = 0;
};

} // namespace ads::ui
