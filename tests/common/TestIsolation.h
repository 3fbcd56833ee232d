#pragma once

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

} // namespace test_tools
