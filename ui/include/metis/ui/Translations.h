#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace metis::ui {

/// Language codes compiled into the application ("en", "de", "zh_CN").
QStringList availableLanguages();

/// Installs the translator for `language` (empty: the system locale). Returns whether a
/// translation was found; English needs none.
bool installTranslation(QCoreApplication& app, const QString& language);

} // namespace metis::ui
