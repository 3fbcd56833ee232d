#include "metis/ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
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
    // A language replaces the one before it, Qt's own texts included.
    for (auto* previous : app.findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(previous);
        delete previous;
    }
    // Qt's own texts (the standard buttons' Cancel, Close, ...) from Debian's
    // qt6-translations-l10n; English needs none.
    auto qtTexts = std::make_unique<QTranslator>();
    if (qtTexts->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtTexts->setParent(&app);
        app.installTranslator(qtTexts.release());
    }
    // The application becomes the parent and keeps it alive for the whole run.
    translator->setParent(&app);
    app.installTranslator(translator.release());
    return true;
}

} // namespace metis::ui
