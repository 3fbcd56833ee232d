#include "metis/ui/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace metis::ui {

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

bool installTranslation(QCoreApplication& app, const QString& language) {
    const QString chosen = language.isEmpty() ? QLocale::system().name() : language;
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QLocale(chosen), QStringLiteral("metis"), QStringLiteral("_"),
                          QStringLiteral(":/i18n"))) {
        return false;
    }
    // The application becomes the parent and keeps it alive for the whole run.
    translator->setParent(&app);
    app.installTranslator(translator.release());
    return true;
}

} // namespace metis::ui
