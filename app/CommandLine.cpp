#include "app/CommandLine.h"

#include <QCommandLineParser>
#include <QStandardPaths>

namespace ads::app {

namespace {

bool parseListen(const QString &text, Options *options, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        *error = QStringLiteral("--listen: '%1' is not HOST:PORT (for example 127.0.0.1:8787)").arg(text);
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address = host == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (address.isNull()) {
        *error = QStringLiteral("--listen: '%1' is not an IP address").arg(host);
        return false;
    }
    if (!ok || port > 65535) {
        *error = QStringLiteral("--listen: '%1' is not a port between 0 and 65535").arg(text.mid(colon + 1));
        return false;
    }
    options->listenAddress = address;
    options->listenPort = quint16(port);
    return true;
}

} // namespace

bool parseCommandLine(const QStringList &arguments, Options *options, QString *error, QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("AdsDesk: one campaign, six ad platforms."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run without a window: the local API and the engines only."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep the workspace in DIR."), QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Serve the local API on HOST:PORT (default 127.0.0.1:8787; "
                                                   "port 0 picks a free one)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
                                     QStringLiteral("Talk to the simulated platforms on loopback (the default while "
                                                    "no real account is linked)."));
    const QCommandLineOption printToken(QStringLiteral("print-token"),
                                        QStringLiteral("Print a bearer token for the local API, valid for 24 hours "
                                                       "with ads:read and ads:write, and exit."));
    parser.addOptions({headless, dataDir, listen, sandbox, printToken});

    *helpText = parser.helpText();
    if (!parser.parse(QStringList{QStringLiteral("adsdesk")} + arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(help)) {
        *error = QString();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return false;
    }

    options->headless = parser.isSet(headless);
    options->printToken = parser.isSet(printToken);
    // Limitation: linking real accounts is not built yet, so every workspace runs on the sandbox.
    options->sandbox = true;
    options->dataDir = parser.isSet(dataDir)
                           ? parser.value(dataDir)
                           : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (options->dataDir.isEmpty()) {
        *error = QStringLiteral("--data-dir: no default data directory is known on this system; pass one");
        return false;
    }
    if (parser.isSet(listen) && !parseListen(parser.value(listen), options, error))
        return false;
    return true;
}

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--headless" || arg == "--print-token" || arg == "--help" || arg == "-h" || arg == "-?")
            return true;
    }
    const bool hasDisplay = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
                            || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    return !hasDisplay;
}

} // namespace ads::app
