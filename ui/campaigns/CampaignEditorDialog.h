#pragma once

#include "core/domain/Campaign.h"
#include "core/domain/Library.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTableWidget;
class QTimer;

namespace ads::core {
class CampaignService;
}

namespace ads::ui {

class LaunchCheckView;

/**
 * Authors a campaign: every field of its spec, checked by CampaignService::validate() as the buyer
 * types, with each problem shown beside its field. OK stays disabled while the spec is invalid.
 * Saving runs in the background; the dialog closes once the store has accepted the campaign.
 *
 * Below the form, the pre-launch check of the saved campaign: what each platform would refuse or
 * warn about. It runs when a stored campaign is opened and after each save made with the Check
 * button, which saves pending edits first (the check reads the stored campaign) and keeps the
 * dialog open.
 */
class CampaignEditorDialog : public QDialog
{
    Q_OBJECT

public:
    /** Starts a new campaign. */
    explicit CampaignEditorDialog(core::CampaignService *service, QWidget *parent = nullptr);

    /** Edits a stored campaign; saving passes the version it was loaded at. */
    CampaignEditorDialog(core::CampaignService *service,
                         const core::Campaign &campaign,
                         QWidget *parent = nullptr);

    ~CampaignEditorDialog() override;

    bool isEditing() const { return !m_campaignId.isEmpty(); }

    /** The spec as the form reads now. */
    core::CampaignSpec spec() const;

    /** The campaign the store returned after OK. */
    const core::Campaign &savedCampaign() const { return m_saved; }

    /** The message shown beside a field ("budget.amount", "schedule.endAt", ...), empty if none.
     */
    QString fieldError(const QString &field) const;

    /** The message above the buttons: save failures, conflicts, what is still needed. */
    QString generalMessage() const;

    /** True while a validation or a save is on its way. */
    bool isBusy() const { return m_validationPending || m_saving; }

    QPushButton *okButton() const { return m_ok; }

    QPushButton *checkButton() const { return m_checkButton; }

    LaunchCheckView *launchCheckView() const { return m_checkView; }

public slots:
    /** Saves; the dialog closes when the store accepts the campaign. */
    void accept() override;

    /** Saves pending edits without closing, then runs the pre-launch check on the pool. */
    void checkWithPlatforms();

signals:
    /** The form's messages reflect the latest validation. */
    void validated();

    void campaignSaved(const core::Campaign &campaign);

    /** The pre-launch check's answer (or why it did not run) is on screen. */
    void launchChecked();

private:
    struct FormReading
    {
        core::CampaignSpec spec;
        QList<core::FieldError> localErrors; // text the form could not read as a value
    };

    void buildForm();
    QWidget *buildCampaignBox();
    QWidget *buildBudgetBox();
    QWidget *buildLibraryBox();
    QWidget *buildScheduleBox();
    QWidget *buildCheckBox();
    QWidget *withErrorLabel(QWidget *field, const QString &key);
    void setUpTabOrder();
    void connectEdits();
    void touch(const QString &key);

    void loadLibrary();
    void fillLibraryLists(const QList<core::Audience> &audiences,
                          const QList<core::Creative> &creatives);
    void fillFromCampaign(const core::Campaign &campaign);
    void checkListItems(QListWidget *list, const QStringList &ids);
    void reloadCampaign();

    FormReading readForm() const;
    void scheduleValidation();
    void runValidation();
    void showErrors();
    void updateShares();
    void updateOkButton();
    void updateAllocationRows();
    void setNotice(const QString &text, bool warning = false);
    void updateGeneralLabel();
    void save(bool closeAfter);
    void finishSave(const core::Result<core::Campaign> &result);
    void continueEditing(const core::Campaign &saved);
    void runLaunchCheck();

    QString errorKeyFor(const QString &field) const;
    QString readableMessage(const QString &field, const QString &message) const;

    core::CampaignService *m_service;
    QString m_campaignId;
    int m_version = 0;
    core::Campaign m_saved;

    QLineEdit *m_name = nullptr;
    QComboBox *m_objective = nullptr;
    QHash<core::Platform, QCheckBox *> m_platformBoxes;
    QComboBox *m_budgetType = nullptr;
    QLineEdit *m_amount = nullptr;
    QComboBox *m_currency = nullptr;
    QTableWidget *m_allocation = nullptr;
    QListWidget *m_audiences = nullptr;
    QListWidget *m_creatives = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QCheckBox *m_hasEnd = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QLabel *m_general = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_checkButton = nullptr;
    LaunchCheckView *m_checkView = nullptr;
    QLabel *m_checkNote = nullptr;

    QHash<QString, QLabel *> m_errorLabels; // error key -> label beside its field
    QHash<QString, QString> m_errorTitles;  // error key -> the field's name in a sentence
    QStringList m_keyOrder;                 // error keys in the order their fields are laid out
    QSet<QString> m_touched; // keys the buyer has edited; only these show errors inline
    QList<core::FieldError> m_serviceErrors;
    QStringList m_unplacedErrors; // errors naming no field on this form
    QStringList m_stillNeeded;    // titles of untouched fields that need something
    QString m_notice;             // the outcome of the last save, or a conflict
    bool m_noticeIsWarning = false;

    QTimer *m_validationTimer = nullptr;
    quint64 m_validationGeneration = 0;
    bool m_validationPending = false;
    bool m_libraryLoaded = false;
    bool m_saving = false;
    bool m_closeAfterSave = true;
    bool m_dirty = false; // edits not saved yet, so a check would not see them
    quint64 m_checkGeneration = 0;
    bool m_filling = false; // set while the code, not the buyer, fills the form
    QStringList
        m_pendingAudienceIds; // an edited campaign's choices, until the library lists arrive
    QStringList m_pendingCreativeIds;
};

} // namespace ads::ui
