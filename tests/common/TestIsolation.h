#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QString>

namespace test_tools {

/// Whether settings (of this process and of the Metis processes it starts) go to the test's own
/// folder, which ctest sets through XDG_CONFIG_HOME: a test must never read or clear the user's.
inline bool settingsAreIsolated() {
    const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString usersConfig = QDir::homePath() + QStringLiteral("/.config");
    return !config.isEmpty() && !QDir(config).absolutePath().startsWith(usersConfig) &&
           QSettings().fileName().startsWith(QDir(config).absolutePath());
}

/// Names the test application (so that settings land in their own file), checks that they are
/// isolated and starts from empty settings: each GUI test's init(). False when isolation fails;
/// nothing is cleared then.
inline bool startWithEmptyIsolatedSettings(const char* applicationName = "MetisTest") {
    QCoreApplication::setOrganizationName(QStringLiteral("MetisTest"));
    QCoreApplication::setApplicationName(QString::fromUtf8(applicationName));
    if (!settingsAreIsolated()) {
        return false;
    }
    QSettings().clear();
    return true;
}

} // namespace test_tools
