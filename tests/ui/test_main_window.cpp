#include "metis/ui/MainWindow.h"
#include "metis/ui/Translations.h"
#include "metis/viewer_widgets/SceneView3D.h"

#include <QApplication>
#include <QTest>

using namespace metis::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheSceneView() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains("Metis"));
        QVERIFY(window.sceneView()->isVisible());
        QVERIFY(!window.sceneView()->image().isNull());
    }

    void germanAndChineseTranslationsAreCompiledIn() {
        QCOMPARE(availableLanguages(), (QStringList{"en", "de", "zh_CN"}));
        QVERIFY(installTranslation(*QCoreApplication::instance(), "de"));
        MainWindow german;
        QVERIFY2(german.windowTitle().contains("Hirnmetastasen"), qPrintable(german.windowTitle()));
        QVERIFY(installTranslation(*QCoreApplication::instance(), "zh_CN"));
        MainWindow chinese;
        QVERIFY2(chinese.windowTitle().contains(QString::fromUtf8("脑转移瘤")),
                 qPrintable(chinese.windowTitle()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
