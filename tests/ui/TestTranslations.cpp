#include "UiTestSupport.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QMenuBar>
#include <QTranslator>

using namespace ads;
using namespace ads::ui;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanMenusComeFromTheEmbeddedCatalogue();
};

void TestTranslations::germanMenusComeFromTheEmbeddedCatalogue()
{
    // The catalogue is embedded by ui/CMakeLists.txt; app/main.cpp loads it the same way.
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany),
                            QStringLiteral("adsdesk"),
                            QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    QTemporaryDir dir;
    auto workspace = test::openWorkspace(dir);
    QVERIFY(workspace);
    {
        MainWindow window(workspace.get());
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus.append(action->text());
        QCOMPARE(menus, QStringList({QStringLiteral("&Datei"), QStringLiteral("&Kampagne")}));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionLaunch"))->text(),
                 QStringLiteral("&Starten"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionDuplicate"))->text(),
                 QStringLiteral("D&uplizieren"));
    }
    waitForBackgroundWork();
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
