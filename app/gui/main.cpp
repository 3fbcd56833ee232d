// metis: the workstation GUI.
#include "metis/ui/MainWindow.h"
#include "metis/ui/Translations.h"

#include <QApplication>
#include <QSettings>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Metis"));
    QApplication::setApplicationName(QStringLiteral("Metis"));
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    metis::ui::installTranslation(app, language);

    metis::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
