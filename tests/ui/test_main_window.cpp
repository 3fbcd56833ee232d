#include "../database/ImportFixtures.h"
#include "TestIsolation.h"
#include "metis/database/Importer.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientBrowser.h"
#include "metis/ui/PatientListModel.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/ui/Translations.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/viewer_widgets/SliceView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using namespace metis::ui;

namespace {

std::shared_ptr<db::PatientDatabase> makeDatabase(const QTemporaryDir& dir, int patients) {
    auto database = std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
    database->ensureDefaultUsers();
    for (int p = 0; p < patients; ++p) {
        const auto id = QString("P%1").arg(p, 5, 10, QChar('0')).toStdString();
        const auto ref = database->upsertPatient({id, "NAME^" + id, "", ""});
        database->setClinicalLabel(ref, p % 2 ? db::EgfrStatus::Mutant : db::EgfrStatus::WildType,
                                   "2020-01-01", "test");
    }
    return database;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void showsBrowserAndView() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 3);
        MainWindow window(database, *database->findUser("oncologist"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains("Metis"));
        QVERIFY(window.mprLayout()->isVisible());
        QCOMPARE(window.patientBrowser()->model()->rowCount(), 3);
    }

    // The window system may give the window its real size only after it is shown (a small
    // screen, -qwindowgeometry 1024x700): the docks were sized for 1400 px before and left the
    // viewer 240 px. They take their share at every size until the user drags a separator.
    void docksTakeTheirShareOfTheRealWindowSize() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 3);
        MainWindow window(database, *database->findUser("oncologist"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* patients = window.findChild<QDockWidget*>("PatientsDock");
        auto* side = window.findChild<QDockWidget*>("InferenceDock");
        QVERIFY(patients && side);
        window.resize(1024, 700);
        QTRY_COMPARE(window.width(), 1024);
        QApplication::processEvents();
        const int viewer = window.centralWidget()->width();
        QVERIFY2(viewer >= 1024 * 40 / 100, qPrintable(QString("viewer %1 px, patients %2, side %3")
                                                           .arg(viewer)
                                                           .arg(patients->width())
                                                           .arg(side->width())));
        QVERIFY(side->width() <= 1024 * 36 / 100);

        // The user drags the separator between the viewer and the side panels: a later resize
        // keeps the side panels as the user made them.
        const QPoint separator(side->geometry().left() - 2, side->geometry().center().y());
        QVERIFY(!window.childAt(separator));
        QTest::mousePress(&window, Qt::LeftButton, {}, separator);
        QTest::mouseMove(&window, separator - QPoint(60, 0));
        QTest::mouseRelease(&window, Qt::LeftButton, {}, separator - QPoint(60, 0));
        QApplication::processEvents();
        const int chosen = side->width();
        window.resize(1400, 900);
        QTRY_COMPARE(window.width(), 1400);
        QApplication::processEvents();
        QCOMPARE(side->width(), chosen);
    }

    void browserPagesAndFilters() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 1000);
        PatientBrowser browser(*database);
        browser.resize(600, 400);
        browser.show();
        auto* model = browser.model();
        QCOMPARE(model->totalMatching(), qint64(1000));
        QCOMPARE(model->rowCount(), PatientListModel::kPageSize);
        browser.table()->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > PatientListModel::kPageSize);
        browser.searchField()->setText("P0099");
        QTRY_COMPARE(model->totalMatching(), qint64(10)); // P00990..P00999
        QCOMPARE(QString::fromStdString(model->patient(0).patientId), QString("P00990"));
    }

    // A narrow patient list (the dock at 1024 px is about 225 px wide) keeps what a reader scans
    // for in view: ID, review state, AI result and EGFR come first; each row's tooltip tells the
    // whole row; columns hidden from the header's menu stay hidden in the next session.
    void narrowBrowserKeepsTheStatusColumnsInView() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 3);
        {
            PatientBrowser browser(*database);
            browser.resize(230, 400);
            browser.show();
            QVERIFY(QTest::qWaitForWindowExposed(&browser));
            const QHeaderView* header = browser.table()->horizontalHeader();
            QCOMPARE(header->visualIndex(PatientListModel::PatientId), 0);
            QCOMPARE(header->visualIndex(PatientListModel::Review), 1);
            QCOMPARE(header->visualIndex(PatientListModel::AiResult), 2);
            QCOMPARE(header->visualIndex(PatientListModel::Egfr), 3);
            QCOMPARE(header->visualIndex(PatientListModel::Name),
                     PatientListModel::ColumnCount - 1);
            const QString tip =
                browser.model()->index(1, PatientListModel::Name).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.startsWith("P00001 NAME^P00001") && tip.contains("EGFR: Mutant") &&
                         tip.contains("AI result: No"),
                     qPrintable(tip));
            browser.setColumnShown(PatientListModel::Name, false);
            browser.setColumnShown(PatientListModel::PatientId, false); // refused: it identifies
            QVERIFY(browser.table()->isColumnHidden(PatientListModel::Name));
        }
        PatientBrowser next(*database);
        QVERIFY(next.table()->isColumnHidden(PatientListModel::Name));
        QVERIFY(!next.table()->isColumnHidden(PatientListModel::PatientId));
        QVERIFY(!next.table()->isColumnHidden(PatientListModel::Review));
    }

    void shortcutSheetListsTheEditorKeys() {
        const QString sheet = MainWindow::shortcutsText();
        for (const char* key :
             {"Ctrl+Z", "Ctrl+Shift+Z, Ctrl+Y", "[ and ]", "B, E, C", "Double-click"}) {
            QVERIFY2(sheet.contains(QString::fromLatin1(key).toHtmlEscaped()), key);
        }
    }

    void rolesDisableWhatTheyMayNotDo() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 1);
        MainWindow annotator(database, *database->findUser("annotator"));
        QVERIFY(annotator.importAction()->isEnabled());
        QVERIFY(!annotator.trainAction()->isEnabled());
        MainWindow physicist(database, *database->findUser("physicist"));
        QVERIFY(physicist.trainAction()->isEnabled());
    }

    // A patient with two series: the status bar offers both, the larger opens first, the other
    // opens when picked.
    void seriesPickerOpensTheChosenSeries() {
        QTemporaryDir dir;
        const std::filesystem::path data = dir.filePath("data").toStdString();
        fixtures::writePatient(data, "P050", 32, 12);
        imaging::DicomWriteOptions second;
        second.metadata.patientId = "P050";
        second.metadata.patientName = "PHANTOM^P050";
        second.metadata.seriesDescription = "second series";
        NullProgressSink quiet;
        imaging::writeDicomSeries(fixtures::sphereVolume(32, 6, 5.0), data / "P050" / "second",
                                  second, quiet);
        auto database = makeDatabase(dir, 0);
        QCOMPARE(db::importPaths(*database, {data.string()}, {}, quiet).seriesImported,
                 std::size_t(2));

        MainWindow window(database, *database->findUser("oncologist"));
        window.show();
        QSignalSpy loaded(&window, &MainWindow::patientLoaded);
        window.openPatient("P050");
        QVERIFY(loaded.wait(30000));
        auto* picker = window.seriesPicker();
        QVERIFY(picker->isVisibleTo(&window));
        QCOMPARE(picker->count(), 2);
        QCOMPARE(window.currentStudy()->scene->image->geometry().size[2], std::int64_t{12});
        QVERIFY(picker->itemText(1).contains("second series"));

        picker->setCurrentIndex(1);
        Q_EMIT picker->activated(1);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.currentStudy()->seriesId, picker->itemData(1).toLongLong());
        QCOMPARE(window.currentStudy()->scene->image->geometry().size[2], std::int64_t{6});
        QCOMPARE(picker->currentIndex(), 1);

        window.openPatient("P050"); // opened again: the default, largest series
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.currentStudy()->scene->image->geometry().size[2], std::int64_t{12});
    }

    void auditLogViewerFilters() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 1);
        database->appendAudit("oncologist", "patient.open", "patient", "P00000");
        database->appendAudit("annotator", "patient.open", "patient", "P00001");
        AuditLogDialog dialog(*database);
        const int all = dialog.table()->rowCount();
        QVERIFY(all >= 6); // four default users + two opens
        dialog.findChildren<QLineEdit*>().at(0)->setText("annotator");
        QTRY_VERIFY(dialog.table()->rowCount() < all);
        for (int row = 0; row < dialog.table()->rowCount(); ++row) {
            QCOMPARE(dialog.table()->item(row, 1)->text(), QString("annotator"));
        }
    }

    static QString inferenceRunButtonText(const MainWindow& window) {
        const auto* panel = window.findChild<QWidget*>("InferencePanel");
        if (panel == nullptr)
            return QStringLiteral("<no inference panel>");
        for (const auto* button : panel->findChildren<QPushButton*>()) {
            if (button->text().contains("MTSA-Net"))
                return button->text();
        }
        return QStringLiteral("<no run button>");
    }

    // The viewer's orientation letters, corner texts (translated) and scale bar never overlap in
    // any language, from a 1024 x 700 window's 2 x 2 views up to a maximised one.
    void viewerAnnotationsNeverOverlapInAnyLanguage() {
        QTemporaryDir dir;
        const std::filesystem::path data = dir.filePath("data").toStdString();
        fixtures::writePatient(data, "P070", 32, 12);
        auto database = makeDatabase(dir, 0);
        NullProgressSink quiet;
        QCOMPARE(db::importPaths(*database, {data.string()}, {}, quiet).seriesImported,
                 std::size_t(1));
        for (const QString& language : availableLanguages()) {
            installTranslation(*QCoreApplication::instance(), language);
            MainWindow window(database, *database->findUser("oncologist"));
            window.show();
            QSignalSpy loaded(&window, &MainWindow::patientLoaded);
            window.openPatient("P070");
            QVERIFY(loaded.wait(30000));
            for (const auto orientation :
                 {viewer::ViewOrientation::Axial, viewer::ViewOrientation::Coronal,
                  viewer::ViewOrientation::Sagittal}) {
                auto* view = window.mprLayout()->sliceView(orientation);
                for (const QSize size :
                     {QSize(160, 180), QSize(200, 250), QSize(420, 380), QSize(900, 800)}) {
                    const QList<QRectF> rects = view->annotationRects(size);
                    QVERIFY(rects.size() >= 7);
                    for (qsizetype a = 0; a < rects.size(); ++a) {
                        for (qsizetype b = a + 1; b < rects.size(); ++b) {
                            QVERIFY2(!rects[a].intersects(rects[b]),
                                     qPrintable(QStringLiteral("%1, %2x%3: boxes %4 and %5")
                                                    .arg(language)
                                                    .arg(size.width())
                                                    .arg(size.height())
                                                    .arg(a)
                                                    .arg(b)));
                        }
                    }
                }
            }
        }
        installTranslation(*QCoreApplication::instance(), "en");
    }

    void germanAndChineseTranslationsAreCompiledIn() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir, 1);
        const auto user = *database->findUser("oncologist");
        QCOMPARE(availableLanguages(), (QStringList{"en", "de", "zh_CN"}));
        QVERIFY(installTranslation(*QCoreApplication::instance(), "de"));
        MainWindow german(database, user);
        QVERIFY2(german.windowTitle().contains("Hirnmetastasen"), qPrintable(german.windowTitle()));
        QCOMPARE(inferenceRunButtonText(german), QString("MTSA-Net &ausführen"));
        QCOMPARE(german.findChild<QDockWidget*>("InferenceDock")->windowTitle(),
                 QString("KI-Inferenz"));
        QVERIFY(installTranslation(*QCoreApplication::instance(), "zh_CN"));
        MainWindow chinese(database, user);
        QVERIFY2(chinese.windowTitle().contains(QString::fromUtf8("脑转移瘤")),
                 qPrintable(chinese.windowTitle()));
        QCOMPARE(inferenceRunButtonText(chinese), QString::fromUtf8("运行 MTSA-Net(&R)"));
        QCOMPARE(chinese.findChild<QDockWidget*>("ComparisonDock")->windowTitle(),
                 QString::fromUtf8("手工对比 AI"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
