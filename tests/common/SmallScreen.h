#pragma once

#include <QDialog>
#include <QString>
#include <QTest>

namespace test_tools {

/// Shows `dialog` and checks that it fits the smallest screen Metis supports (1024 x 700) in
/// `language`. With METIS_DOCS_DIR set, the dialog is saved there as `<name>-<language>.png`
/// (default name: its class) for looking at.
inline void verifyFitsSmallScreen(QDialog& dialog, const QString& language,
                                  QString name = QString()) {
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QSize needed = dialog.minimumSizeHint();
    QVERIFY2(needed.width() <= 1024 && needed.height() <= 700,
             qPrintable(QString("%1 in %2 needs %3 x %4")
                            .arg(dialog.windowTitle(), language)
                            .arg(needed.width())
                            .arg(needed.height())));
    QVERIFY(dialog.width() <= 1024 && dialog.height() <= 700);
    const QString docs = qEnvironmentVariable("METIS_DOCS_DIR");
    if (!docs.isEmpty()) {
        if (name.isEmpty()) {
            name = QString::fromUtf8(dialog.metaObject()->className());
        }
        dialog.grab().save(docs + "/" + name + "-" + language + ".png");
    }
}

} // namespace test_tools
