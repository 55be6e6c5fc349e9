#include "app/CommandLine.h"
#include "core/api/ApiServer.h"
#include "core/auth/ApiSecret.h"
#include "core/auth/JwtVerifier.h"
#include "core/auth/SecretStore.h"
#include "core/services/Workspace.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QSocketNotifier>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace ads;

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

/** SIGINT and SIGTERM end the event loop cleanly, so the store and the engines shut down in order. */
void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onTerminationSignal);
    std::signal(SIGTERM, onTerminationSignal);
}

QString formatUrl(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

QString mintDefaultToken(const QString &secret)
{
    return core::mintToken(secret, QStringLiteral("adsdesk-user"),
                           {QStringLiteral("ads:read"), QStringLiteral("ads:write")}, std::chrono::hours(24));
}

int run(const app::Options &options, bool gui)
{
    core::Workspace::Options workspaceOptions;
    workspaceOptions.dataDir = options.dataDir;
    workspaceOptions.sandbox = options.sandbox;
    auto workspace = core::Workspace::open(workspaceOptions);
    if (!workspace) {
        std::fprintf(stderr, "adsdesk: %s\n", qPrintable(workspace.error().message));
        return 1;
    }

    QString secretSource;
    const QString secret = core::resolveApiSecret(*(*workspace)->secretStore(), &secretSource);
    if (options.printToken) {
        std::printf("%s\n", qPrintable(mintDefaultToken(secret)));
        return 0;
    }

    core::ApiServer api(workspace->get(), secret);
    const auto port = api.listen(options.listenAddress, options.listenPort);
    if (!port) {
        std::fprintf(stderr, "adsdesk: %s\n", qPrintable(port.error().message));
        return 1;
    }
    const QString url = formatUrl(options.listenAddress, *port);
    std::printf("listening on %s\n", qPrintable(url));
    std::fflush(stdout);

    std::unique_ptr<ui::MainWindow> window;
    if (gui) {
        window = std::make_unique<ui::MainWindow>(workspace->get());
        window->setApiAccess(url, secret, [secret] { return mintDefaultToken(secret); });
        window->show();
    }
    quitOnTerminationSignals();
    const int status = QCoreApplication::exec();
    window.reset();
    api.close();
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    const bool headless = app::wantsHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> application = headless ? std::make_unique<QCoreApplication>(argc, argv)
                                                             : std::make_unique<QApplication>(argc, argv);
    // The system locale's translation of the GUI, when there is one (embedded under :/i18n/).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("adsdesk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QCoreApplication::setOrganizationName(QStringLiteral("AdsDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("adsdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ADS_VERSION));

    app::Options options;
    QString error;
    QString help;
    if (!app::parseCommandLine(QCoreApplication::arguments().mid(1), &options, &error, &help)) {
        if (error.isEmpty()) {
            std::printf("%s", qPrintable(help));
            return 0;
        }
        std::fprintf(stderr, "adsdesk: %s\n\n%s", qPrintable(error), qPrintable(help));
        return 2;
    }
    return run(options, !headless && !options.headless);
}
