#include "UiTestSupport.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace ads;
using namespace ads::ui;

namespace {

/** One message of a Qt Linguist catalogue that is still in use. */
struct CatalogueMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

QList<CatalogueMessage> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<CatalogueMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    CatalogueMessage message;
    bool retired = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView element = xml.name();
        if (element == u"name") {
            context = xml.readElementText();
        } else if (element == u"message") {
            message = {context, {}, {}, false};
        } else if (element == u"source") {
            message.source = xml.readElementText();
        } else if (element == u"translation") {
            const QStringView type = xml.attributes().value(QStringLiteral("type"));
            retired = type == u"vanished" || type == u"obsolete";
            message.unfinished = type == u"unfinished";
            // Plural messages hold one numerusform per form; others hold their text directly.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            message.translations = {text};
            if (!retired)
                messages.append(message);
        } else if (element == u"numerusform") {
            messages.last().translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

/** The placeholders a text fills in: %1, %L2, %n. Their order may change in translation. */
QStringList placeholdersOf(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

/** How many keyboard mnemonics a text marks; "&&" is a literal ampersand. */
int mnemonicsIn(QString text)
{
    text.remove(QStringLiteral("&&"));
    return int(text.count(u'&'));
}

/** Why a message cannot be shown in German as it stands, or nothing. */
QString problemOf(const CatalogueMessage &message)
{
    const QString where = message.context + u": \"" + message.source + u'"';
    if (message.unfinished)
        return where + u" has no finished translation";
    for (const QString &translation : message.translations) {
        if (translation.trimmed().isEmpty() && !message.source.trimmed().isEmpty())
            return where + u" is translated as empty text";
        if (placeholdersOf(translation) != placeholdersOf(message.source))
            return where + u" loses or adds a placeholder in \"" + translation + u'"';
        if (mnemonicsIn(translation) != mnemonicsIn(message.source))
            return where + u" loses or adds a keyboard mnemonic in \"" + translation + u'"';
    }
    return {};
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanMenusComeFromTheEmbeddedCatalogue();
    void everyStringInTheSourcesHasGermanText();
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

void TestTranslations::everyStringInTheSourcesHasGermanText()
{
    // The committed catalogue, refreshed from today's sources: a string added to the code and
    // never translated shows up as unfinished, as it would after the update_translations target.
    QTemporaryDir dir;
    const QString catalogue = dir.filePath(QStringLiteral("adsdesk_de.ts"));
    QVERIFY(QFile::copy(QStringLiteral(ADSDESK_TRANSLATIONS_DIR "/adsdesk_de.ts"), catalogue));
    QFile::setPermissions(catalogue, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.start(QStringLiteral(ADSDESK_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-I"), QStringLiteral(ADSDESK_SOURCE_DIR),
                   QStringLiteral(ADSDESK_SOURCE_DIR "/ui"), QStringLiteral("-ts"), catalogue});
    QVERIFY(lupdate.waitForFinished(60000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QString error;
    const QList<CatalogueMessage> messages = readCatalogue(catalogue, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QStringList problems;
    for (const CatalogueMessage &message : messages) {
        if (const QString problem = problemOf(message); !problem.isEmpty())
            problems.append(problem);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + u" messages:\n"
                                            + problems.mid(0, 20).join(u'\n')));
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
