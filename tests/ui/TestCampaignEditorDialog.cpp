#include "UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/campaigns/CampaignEditorDialog.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/LaunchCheckView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>

using namespace ads;
using namespace ads::ui;

namespace {

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning() << "no child named" << name;
    return found;
}

/**
 * Types into an allocation cell the way a buyer does: click the cell, F2, type, Return. The view
 * commits the editor's text on its next event loop turn, so callers wait for the cell to change.
 */
void typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    const QRect cell = table->visualItemRect(table->item(row, column));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

/** Checks a list item with the keyboard: move to it, then Space. */
void checkItem(QListWidget *list, int row)
{
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    for (int i = 0; i < row; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Space);
}

} // namespace

class TestCampaignEditorDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void buyerCreatesCampaignWithEveryField();
    void blankFormSaysWhatIsStillNeeded();
    void concurrentChangeReloadsTheForm();
    void checkShowsWhatPlatformsWouldRefuse();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<core::Workspace> m_workspace;
};

void TestCampaignEditorDialog::initTestCase()
{
    test::useEnglishLocale();
}

void TestCampaignEditorDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = test::openWorkspace(*m_dir);
    QVERIFY(m_workspace);
}

void TestCampaignEditorDialog::cleanup()
{
    waitForBackgroundWork();
    m_workspace.reset();
    m_dir.reset();
}

void TestCampaignEditorDialog::buyerCreatesCampaignWithEveryField()
{
    MainWindow window(m_workspace.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QPointer<CampaignEditorDialog> dialog = window.findChild<CampaignEditorDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *audiences = child<QListWidget>(dialog, "audiences");
    auto *creatives = child<QListWidget>(dialog, "creatives");
    QTRY_COMPARE(audiences->count(), 2); // the sample library: aud-vip, aud-cart-abandoned
    QCOMPARE(creatives->count(), 2);

    QTest::keyClicks(child<QLineEdit>(dialog, "name"), QStringLiteral("Winter sale"));
    auto *objective = child<QComboBox>(dialog, "objective");
    QTest::keyClicks(objective, QStringLiteral("Sa"));
    QCOMPARE(objective->currentData().toString(), QStringLiteral("sales"));

    QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier); // the &Facebook mnemonic
    QTRY_VERIFY(child<QCheckBox>(dialog, "platform-facebook")->isChecked());
    auto *tiktok = child<QCheckBox>(dialog, "platform-tiktok");
    QTest::mouseClick(tiktok, Qt::LeftButton, {}, QPoint(8, tiktok->height() / 2));
    QVERIFY(tiktok->isChecked());

    auto *budgetType = child<QComboBox>(dialog, "budgetType");
    QTest::keyClick(budgetType, Qt::Key_Down);
    QCOMPARE(budgetType->currentData().toInt(), int(core::BudgetType::Lifetime));

    // An amount of zero is refused by the service and said so beside the field.
    auto *amount = child<QLineEdit>(dialog, "amount");
    QTest::keyClicks(amount, QStringLiteral("0"));
    QTRY_COMPARE(dialog->fieldError(QStringLiteral("budget.amount")),
                 QStringLiteral("Must be greater than zero."));
    QVERIFY(!dialog->okButton()->isEnabled());
    QTest::keyClicks(amount, QStringLiteral("abc")); // the validator keeps letters out
    QCOMPARE(amount->text(), QStringLiteral("0"));

    QTest::keyClick(amount, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(amount, QStringLiteral("1200.505"));
    auto *currency = child<QComboBox>(dialog, "currency");
    QTest::keyClick(currency->lineEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(currency->lineEdit(), QStringLiteral("eur"));
    QTRY_COMPARE(dialog->fieldError(QStringLiteral("budget.amount")),
                 QStringLiteral("Has more decimals than EUR allows (2)."));
    QTest::keyClick(amount, Qt::Key_Backspace);
    QTRY_COMPARE(dialog->fieldError(QStringLiteral("budget.amount")), QString());

    auto *allocation = child<QTableWidget>(dialog, "allocation");
    QCOMPARE(allocation->item(0, 2)->text(),
             QStringLiteral("600.25 EUR")); // the even split, shown live
    QVERIFY(allocation->isRowHidden(1));    // Google is not chosen
    typeIntoCell(allocation, 0, 1, QStringLiteral("800"));
    QTRY_COMPARE(allocation->item(0, 2)->text(), QStringLiteral("800.00 EUR"));
    QCOMPARE(allocation->item(2, 2)->text(),
             QStringLiteral("—")); // no share until every platform has one
    typeIntoCell(allocation, 2, 1, QStringLiteral("400.50"));
    QTRY_COMPARE(allocation->item(2, 2)->text(), QStringLiteral("400.50 EUR"));

    checkItem(audiences, 0);
    checkItem(creatives, 0);
    checkItem(creatives, 1);

    auto *start = child<QDateTimeEdit>(dialog, "startAt");
    const QDateTime plannedStart = start->dateTime().addDays(1);
    QTest::keyClick(start, Qt::Key_Up); // the day section
    QCOMPARE(start->dateTime(), plannedStart);

    // A lifetime budget needs an end; the buyer has not given one yet.
    QTRY_COMPARE(dialog->generalMessage(), QStringLiteral("Still needed: end."));
    auto *hasEnd = child<QCheckBox>(dialog, "hasEnd");
    QTest::mouseClick(hasEnd, Qt::LeftButton, {}, QPoint(8, hasEnd->height() / 2));
    auto *end = child<QDateTimeEdit>(dialog, "endAt");
    QVERIFY(end->isEnabled());
    QTest::keyClick(end, Qt::Key_Up);
    const QDateTime plannedEnd = end->dateTime();

    QTRY_VERIFY(dialog->okButton()->isEnabled());
    QCOMPARE(dialog->generalMessage(), QString());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    const auto page = m_workspace->campaigns()->listCampaigns(10);
    QVERIFY(page.has_value());
    QCOMPARE(page->items.size(), 1);
    const core::Campaign stored = page->items.first();
    QCOMPARE(stored.spec.name, QStringLiteral("Winter sale"));
    QCOMPARE(stored.spec.objective, QStringLiteral("sales"));
    QCOMPARE(stored.spec.platforms,
             QStringList({QStringLiteral("facebook"), QStringLiteral("tiktok")}));
    QCOMPARE(stored.spec.budget.type, core::BudgetType::Lifetime);
    QCOMPARE(stored.spec.budget.amount, (core::Money{1'200'500'000, QStringLiteral("EUR")}));
    QCOMPARE(stored.spec.budget.allocation.value(core::Platform::Facebook),
             Q_INT64_C(800'000'000));
    QCOMPARE(stored.spec.budget.allocation.value(core::Platform::TikTok), Q_INT64_C(400'500'000));
    QCOMPARE(stored.spec.audienceIds.size(), 1);
    QCOMPARE(stored.spec.creativeIds.size(), 2);
    QCOMPARE(stored.spec.schedule.startAt.toSecsSinceEpoch(), plannedStart.toSecsSinceEpoch());
    QCOMPARE(stored.spec.schedule.startAt.timeSpec(), Qt::UTC);
    QCOMPARE(stored.spec.schedule.endAt.toSecsSinceEpoch(), plannedEnd.toSecsSinceEpoch());

    QTRY_COMPARE(window.campaignModel()->rowCount(), 1);
    QCOMPARE(window.campaignTable()->model()->index(0, 0).data().toString(),
             QStringLiteral("Winter sale"));
    QCOMPARE(window.selectedCampaignId(), stored.id);
}

void TestCampaignEditorDialog::blankFormSaysWhatIsStillNeeded()
{
    CampaignEditorDialog dialog(m_workspace->campaigns());
    QSignalSpy validated(&dialog, &CampaignEditorDialog::validated);
    QTRY_VERIFY(validated.count() >= 1 && !dialog.isBusy());

    // Untouched fields are listed below, not flagged in red before the buyer has typed anything.
    QCOMPARE(dialog.generalMessage(),
             QStringLiteral("Still needed: name, objective, platforms, amount."));
    QCOMPARE(dialog.fieldError(QStringLiteral("name")), QString());
    QVERIFY(!dialog.okButton()->isEnabled());

    auto *name = child<QLineEdit>(&dialog, "name");
    QTest::keyClicks(name, QStringLiteral("x"));
    QTest::keyClick(name, Qt::Key_Backspace);
    QTRY_COMPARE(dialog.fieldError(QStringLiteral("name")), QStringLiteral("Must not be empty."));
    QCOMPARE(dialog.generalMessage(),
             QStringLiteral("Still needed: objective, platforms, amount."));

    // Return presses the default button; with the form invalid nothing is saved.
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(!dialog.isBusy());
    QCOMPARE(m_workspace->campaigns()->listCampaigns(10)->items.size(), 0);
}

void TestCampaignEditorDialog::concurrentChangeReloadsTheForm()
{
    core::CampaignService *service = m_workspace->campaigns();
    const auto created =
        service->createCampaign(test::sampleSpec(QStringLiteral("Original")), test::kApiActor);
    QVERIFY(created.has_value());

    MainWindow window(m_workspace.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE(window.campaignModel()->rowCount(), 1);
    window.selectCampaign(created->id);
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
    QPointer<CampaignEditorDialog> dialog = window.findChild<CampaignEditorDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isEditing());
    QTRY_VERIFY(dialog->okButton()->isEnabled());

    // Meanwhile a CRM renames the campaign through the API.
    core::CampaignSpec theirs = created->spec;
    theirs.name = QStringLiteral("Renamed by the CRM");
    QVERIFY(service->updateCampaign(created->id, theirs, created->version, test::kApiActor)
                .has_value());

    auto *name = child<QLineEdit>(dialog, "name");
    QTest::keyClicks(name, QStringLiteral(" (edited)"));
    QTRY_VERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(dialog->generalMessage().contains(QStringLiteral("changed elsewhere")));
    QTRY_COMPARE(name->text(), QStringLiteral("Renamed by the CRM"));
    QVERIFY(!dialog.isNull());

    QTest::keyClicks(name, QStringLiteral(" and by me"));
    QTRY_VERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    const auto stored = service->campaign(created->id);
    QCOMPARE(stored->spec.name, QStringLiteral("Renamed by the CRM and by me"));
    QCOMPARE(stored->version, 3);
    QTRY_COMPARE(window.campaignTable()->model()->index(0, 0).data().toString(),
                 stored->spec.name);
}

void TestCampaignEditorDialog::checkShowsWhatPlatformsWouldRefuse()
{
    core::CampaignService *service = m_workspace->campaigns();
    core::CampaignSpec spec = test::sampleSpec(QStringLiteral("Uneven split"));
    spec.budget.allocation = {{core::Platform::Facebook, 400'000'000},
                              {core::Platform::Google, 30'000'000},
                              {core::Platform::TikTok, 20'000'000}};
    const auto created = service->createCampaign(spec, test::kApiActor);
    QVERIFY(created.has_value());

    // Opening a stored campaign checks it at once, on the background pool.
    CampaignEditorDialog dialog(service, *created);
    QSignalSpy checked(&dialog, &CampaignEditorDialog::launchChecked);
    QSignalSpy saved(&dialog, &CampaignEditorDialog::campaignSaved);
    dialog.show();
    QTRY_COMPARE(checked.count(), 1);
    const LaunchCheckView *view = dialog.launchCheckView();
    QCOMPARE(view->refusingPlatforms(), QList<core::Platform>{core::Platform::TikTok});
    QVERIFY2(view->platformText(core::Platform::TikTok)
                 .contains(QStringLiteral("Budget: TikTok needs at least 50")),
             qPrintable(view->platformText(core::Platform::TikTok)));

    // An edit is saved before the check, which then reads it, and the editor stays open.
    auto *name = child<QLineEdit>(&dialog, "name");
    QTest::keyClicks(name, QStringLiteral(" v2"));
    QTRY_VERIFY(dialog.okButton()->isEnabled());
    QTRY_VERIFY(dialog.checkButton()->isEnabled());
    QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
    QTRY_COMPARE(checked.count(), 2);
    QCOMPARE(saved.count(), 1);
    QVERIFY(dialog.isVisible());
    QCOMPARE(service->campaign(created->id)->spec.name, QStringLiteral("Uneven split v2"));
    QCOMPARE(view->refusingPlatforms(), QList<core::Platform>{core::Platform::TikTok});
}

QTEST_MAIN(TestCampaignEditorDialog)
#include "TestCampaignEditorDialog.moc"
