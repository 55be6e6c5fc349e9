#include "ui/settings/SettingsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace ads::ui;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void secretIsHiddenUntilAskedFor();
    void copiesSecretAndFreshTokens();
    void apiNotRunning();

private:
    template<typename T>
    static T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QString::fromLatin1(name));
    }
};

void TestSettingsDialog::secretIsHiddenUntilAskedFor()
{
    SettingsDialog dialog(QStringLiteral("http://127.0.0.1:8765"), QStringLiteral("s3cret"), [] {
        return QString();
    });
    auto *secret = child<QLineEdit>(&dialog, "jwtSecret");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog.isSecretShown());
    QCOMPARE(child<QLineEdit>(&dialog, "apiUrl")->text(), QStringLiteral("http://127.0.0.1:8765"));

    QTest::mouseClick(child<QPushButton>(&dialog, "showSecret"), Qt::LeftButton);
    QVERIFY(dialog.isSecretShown());
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(child<QPushButton>(&dialog, "showSecret"), Qt::LeftButton);
    QVERIFY(!dialog.isSecretShown());
}

void TestSettingsDialog::copiesSecretAndFreshTokens()
{
    int minted = 0;
    SettingsDialog dialog(
        QStringLiteral("http://127.0.0.1:8765"), QStringLiteral("s3cret"), [&minted] {
            ++minted;
            return QStringLiteral("token-%1").arg(minted);
        });

    QTest::mouseClick(child<QPushButton>(&dialog, "copySecret"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("s3cret"));

    QTest::mouseClick(child<QPushButton>(&dialog, "copyToken"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("token-1"));
    QTest::mouseClick(child<QPushButton>(&dialog, "copyToken"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("token-2"));
    QVERIFY(child<QLabel>(&dialog, "feedback")
                ->text()
                .startsWith(QStringLiteral("A new token was copied")));
}

void TestSettingsDialog::apiNotRunning()
{
    SettingsDialog dialog(QString(), QString(), {});
    QVERIFY(!child<QPushButton>(&dialog, "copyToken")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "copySecret")->isEnabled());
    QCOMPARE(child<QLineEdit>(&dialog, "apiUrl")->placeholderText(),
             QStringLiteral("The local API is not running."));
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
