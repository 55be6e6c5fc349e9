#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace ads::app {

/** What the adsdesk command line asked for. */
struct Options
{
    bool headless = false;
    bool sandbox = true;
    bool printToken = false;
    QString dataDir;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8787;
};

/**
 * Parses the arguments that follow the program name. On failure, error holds a message naming the
 * option and the reason, or is empty when help was asked for (helpText holds it either way).
 */
bool parseCommandLine(const QStringList &arguments, Options *options, QString *error, QString *helpText);

/** True when no window should open: --headless, a command that only prints, or no display at all. */
bool wantsHeadless(int argc, char **argv);

} // namespace ads::app
