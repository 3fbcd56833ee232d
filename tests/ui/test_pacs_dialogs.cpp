// The workstation's DICOM networking: admins configure nodes (others may only test them), the
// workstation listens once a node is configured and shows what arrives in the patient list, and
// the Query PACS dialog finds and retrieves a study from a real Orthanc on loopback.
#include "../database/ImportFixtures.h"
#include "FreePort.h"
#include "OrthancPeer.h"
#include "SmallScreen.h"
#include "TestIsolation.h"
#include "metis/imaging/DicomNetwork.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PacsDialogs.h"
#include "metis/ui/Translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using namespace metis::ui;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<db::PatientDatabase> makeDatabase(const QTemporaryDir& dir) {
    auto database = std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
    database->ensureDefaultUsers();
    return database;
}

std::vector<std::string> asStrings(const std::vector<fs::path>& paths) {
    return {paths.begin(), paths.end()};
}

} // namespace

class TestPacsDialogs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(test_tools::startWithEmptyIsolatedSettings()); }

    void onlyAnAdminConfiguresNodesAndAnyoneTestsThem() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        // A peer that answers C-ECHO from this workstation's default AE title.
        const int peerPort = test_tools::freePort();
        imaging::StorageListener peer(
            {"PEER", peerPort, {"METIS"}, 2, dir.filePath("peer").toStdString()},
            [](imaging::ReceivedFiles) {});
        peer.start();

        DicomNodesDialog asOncologist(database, *database->findUser("oncologist"));
        QVERIFY(!asOncologist.saveButton()->isEnabled());
        QVERIFY(asOncologist.saveNode("PACS", "PEER", "127.0.0.1", peerPort)
                    .contains("may not configure"));
        QCOMPARE(database->dicomNodes().size(), std::size_t{0});

        DicomNodesDialog asAdmin(database, *database->findUser("admin"));
        QVERIFY(asAdmin.saveButton()->isEnabled());
        QSignalSpy changed(&asAdmin, &DicomNodesDialog::configurationChanged);
        QVERIFY(asAdmin.saveNode("PACS", "SEVENTEEN_CHARS_X", "127.0.0.1", peerPort)
                    .contains("1 to 16"));
        QCOMPARE(asAdmin.saveNode("PACS", "PEER", "127.0.0.1", peerPort), QString());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(asAdmin.table()->rowCount(), 1);

        // The oncologist's dialog, reopened, lists it and may test it.
        DicomNodesDialog again(database, *database->findUser("oncologist"));
        QVERIFY(again.testButton()->isEnabled());
        QSignalSpy tested(&again, &DicomNodesDialog::tested);
        again.testNode("PACS");
        QVERIFY(tested.wait(15000));
        QVERIFY2(tested.first().at(1).toBool(), qPrintable(tested.first().at(2).toString()));
        peer.stop();
        again.testNode("PACS");
        QVERIFY(tested.wait(30000));
        QVERIFY(!tested.last().at(1).toBool());
        QVERIFY(again.message().contains("PEER@127.0.0.1"));
        QCOMPARE(database->auditLog("admin", {}, "dicom_node.add").size(), std::size_t{1});
    }

    void theWorkstationListensAndListsWhatArrives() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const auto admin = *database->findUser("admin");
        const int port = test_tools::freePort();
        database->saveDicomNode(admin, {0, "SCANNER", "SCANNER", "127.0.0.1", 104});
        database->setLocalDicomNode(admin, {"METIS", port, 4});

        MainWindow window(database, *database->findUser("oncologist"));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.dicomListenerState().contains(QString::number(port)), 5000);
        QSignalSpy received(&window, &MainWindow::dicomReceived);
        const auto patient =
            fixtures::writePatient(fs::path(dir.filePath("data").toStdString()), "PUSHED");
        NullProgressSink quiet;
        const auto results = imaging::sendFiles("SCANNER", {"METIS", "127.0.0.1", port},
                                                asStrings(patient.series.files), quiet);
        QVERIFY(results.front().stored);
        QVERIFY(received.wait(30000));
        QCOMPARE(received.first().at(0).toString(), QString("SCANNER"));
        QCOMPARE(received.first().at(1).toInt(), 1);
        QVERIFY(database->findPatient("PUSHED").has_value());

        // Nodes removed: the listener stops and says so.
        database->removeDicomNode(admin, "SCANNER");
        window.restartDicomListener();
        QVERIFY(window.dicomListenerState().contains("off"));
        QVERIFY_THROWS_EXCEPTION(imaging::DicomNetworkError,
                                 imaging::echo("SCANNER", {"METIS", "127.0.0.1", port}, {2, 2}));
    }

    // Each dialog fits the smallest supported screen (1024 x 700) in every language. With
    // METIS_DOCS_DIR set, they are saved for looking at.
    void dialogsFitASmallScreenInEveryLanguage() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const auto admin = *database->findUser("admin");
        database->saveDicomNode(admin, {0, "PACS", "ORTHANC", "pacs.hospital.example", 4242});
        for (const QString& language : availableLanguages()) {
            installTranslation(*qApp, language);
            DicomNodesDialog nodes(database, admin);
            PacsQueryDialog query(database, admin);
            SendToPacsDialog send(database, admin, 1);
            send.deidentify()->setChecked(true);
            for (QDialog* dialog : std::initializer_list<QDialog*>{&nodes, &query, &send}) {
                test_tools::verifyFitsSmallScreen(*dialog, language);
                if (QTest::currentTestFailed()) {
                    return;
                }
            }
        }
        installTranslation(*qApp, "en");
    }

    void theQueryDialogFindsAndRetrievesAStudy() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const auto admin = *database->findUser("admin");
        const int port = test_tools::freePort();
        test_tools::OrthancPeer orthanc(
            dir.filePath("orthanc"),
            std::map<QString, std::pair<QString, int>>{{"metis", {"METIS", port}}});
        QVERIFY2(orthanc.running(), qPrintable(orthanc.log()));
        const fs::path data = dir.filePath("data").toStdString();
        const auto patient = fixtures::writePatient(data, "AT-PACS");
        fixtures::writeRtStruct(data, patient);
        const auto pushed = orthanc.push({dir.filePath("data/AT-PACS")});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.output));
        database->saveDicomNode(admin, {0, "ORTHANC", "ORTHANC", "127.0.0.1", orthanc.dicomPort()});
        database->setLocalDicomNode(admin, {"METIS", port, 4});

        MainWindow window(database, *database->findUser("oncologist"));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.dicomListenerState().contains(QString::number(port)), 5000);
        PacsQueryDialog dialog(database, *database->findUser("oncologist"), &window);
        // The window pauses its listener for the retrieval, as the main window wires it.
        connect(&dialog, &PacsQueryDialog::retrievalStarting, &window,
                &MainWindow::stopDicomListener);
        connect(&dialog, &PacsQueryDialog::retrievalEnded, &window,
                &MainWindow::restartDicomListener);
        dialog.show();
        dialog.patientIdField()->setText("AT-PACS");
        QSignalSpy studies(&dialog, &PacsQueryDialog::studiesFound);
        dialog.search();
        QVERIFY(studies.wait(15000));
        QCOMPARE(studies.first().at(0).toInt(), 1);
        QCOMPARE(dialog.studies()->item(0, 0)->text(), QString("AT-PACS"));
        QCOMPARE(dialog.studies()->item(0, 2)->text(), QString("2021-03-15"));

        QSignalSpy series(&dialog, &PacsQueryDialog::seriesFound);
        dialog.studies()->selectRow(0);
        QVERIFY(series.wait(15000));
        QCOMPARE(series.first().at(0).toInt(), 2); // MR and RTSTRUCT

        QSignalSpy retrieved(&dialog, &PacsQueryDialog::retrieved);
        QTRY_VERIFY(dialog.retrieveButton()->isEnabled());
        dialog.retrieve();
        QVERIFY2(retrieved.wait(60000), qPrintable(dialog.status()));
        QCOMPARE(retrieved.first().at(0).toInt(), 1);
        QCOMPARE(retrieved.first().at(1).toInt(), 0);
        QVERIFY(database->findPatient("AT-PACS").has_value());
        QCOMPARE(database->stats().structureSets, std::int64_t{1});
        // The window listens again afterwards.
        QTRY_VERIFY_WITH_TIMEOUT(window.dicomListenerState().contains(QString::number(port)), 5000);
        QVERIFY(database->check().ok());
    }
};

QTEST_MAIN(TestPacsDialogs)
#include "test_pacs_dialogs.moc"
