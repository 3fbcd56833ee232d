// The report of an opened patient, from the window's File menu path and from `metis --report`:
// a synthetic DICOM series imported into a fresh database with a stored AI result.
#include "ExternalTool.h"
#include "SyntheticLesions.h"
#include "TestIsolation.h"
#include "metis/database/Importer.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientReport.h"
#include "metis/ui/PatientStudyLoader.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using namespace metis::ui;

namespace {

const char* const kPatient = "SYN-REPORT-1";
const char* const kModelVersion = "report-test-7.8";

ImageGeometry seriesGrid() {
    ImageGeometry g;
    g.size = {48, 40, 12};
    g.spacing = {4.5, 5.0, 5.0};
    g.origin = {-100.0, -90.0, -25.0};
    return g;
}

std::shared_ptr<db::PatientDatabase> makeDatabaseWithAiResult(const QTemporaryDir& dir) {
    auto database = std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
    database->ensureDefaultUsers();
    ImageVolume image(seriesGrid(), 5.0f);
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        image.data()[v] = 100.0f + static_cast<float>(v % 48) * 10.0f;
    }
    imaging::DicomWriteOptions options;
    options.metadata.patientId = kPatient;
    options.metadata.patientName = "SYNTHETIC^REPORT";
    options.metadata.studyDate = "20260102";
    NullProgressSink quiet;
    const auto dicomDir = dir.filePath("dicom").toStdString();
    imaging::writeDicomSeries(image, dicomDir, options, quiet);
    if (db::importPaths(*database, {dicomDir}, {}, quiet).seriesImported != 1) {
        throw std::runtime_error("the synthetic series was not imported");
    }
    db::InferenceRun run;
    run.seriesId = database->seriesOfPatient(kPatient).front().id;
    run.modelVersion = kModelVersion;
    run.patientProbability = 0.2345;
    run.patientCall = "wild_type";
    const LabelMap mask =
        test_lesions::paintEllipsoids(seriesGrid(), {{{10, 0, 0}, {15, 15, 10}, 1}});
    database->recordInferenceRun(*database->findUser("oncologist"), mask, run);
    return database;
}

QString pdfText(const QString& path) {
    const auto result =
        test_tools::runTool(test_tools::requireTool("pdftotext"), {path, QStringLiteral("-")});
    return result.exitCode == 0 ? result.output.simplified() : QString();
}

void verifyReportText(const QString& path) {
    const QString text = pdfText(path);
    QVERIFY2(text.contains(kPatient), qPrintable(text));
    QVERIFY2(text.contains("EGFR wild type"), qPrintable(text));
    QVERIFY2(text.contains("0.234") || text.contains("0.235"), qPrintable(text));
    QVERIFY2(text.contains(kModelVersion), qPrintable(text));
    QVERIFY2(text.contains("AI GTV only"), qPrintable(text));
    QVERIFY2(text.contains(reportDisclaimer().simplified()), qPrintable(text));
}

} // namespace

class TestReportExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void windowExportsTheOpenPatient() {
        QTemporaryDir dir;
        auto database = makeDatabaseWithAiResult(dir);
        MainWindow window(database, *database->findUser("oncologist"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(!window.exportReportAction()->isEnabled(), "no patient is open yet");

        QSignalSpy loaded(&window, &MainWindow::patientLoaded);
        window.openPatient(kPatient);
        QVERIFY(loaded.wait(30000));
        QVERIFY(window.exportReportAction()->isEnabled());
        // Without a manual GTV the comparison panel says so instead of computing.
        QVERIFY2(window.comparisonPanel()->messageLabel()->text().contains("no manual GTV"),
                 qPrintable(window.comparisonPanel()->messageLabel()->text()));

        const QString path = dir.filePath("report.pdf");
        QSignalSpy exported(&window, &MainWindow::reportExported);
        QSignalSpy failed(&window, &MainWindow::reportFailed);
        window.exportReport(path);
        QVERIFY(exported.wait(60000));
        QCOMPARE(failed.count(), 0);
        verifyReportText(path);
        QCOMPARE(database->auditLog({}, kPatient, "report.export").size(), std::size_t{1});

        // An unwritable path is reported, not a crash, and writes nothing.
        const QString bad = dir.filePath("missing-folder/report.pdf");
        window.exportReport(bad);
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().at(0).toString(), bad);
        QVERIFY(!QFile::exists(bad));
    }

    void commandLineWritesTheReportAndExits() {
        QTemporaryDir dir;
        makeDatabaseWithAiResult(dir);
        const QString path = dir.filePath("cli-report.pdf");
        const auto result = test_tools::runTool(METIS_GUI_PATH, {"--db", dir.filePath("metis.db"),
                                                                 "--user", "oncologist", "--open",
                                                                 kPatient, "--report", path});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY2(result.output.contains("report written: " + path), qPrintable(result.output));
        verifyReportText(path);

        const auto unknown = test_tools::runTool(
            METIS_GUI_PATH, {"--db", dir.filePath("metis.db"), "--user", "oncologist", "--open",
                             "NO-SUCH-PATIENT", "--report", dir.filePath("none.pdf")});
        QVERIFY2(unknown.exitCode == 1, qPrintable(unknown.output));
        QVERIFY2(unknown.output.contains("NO-SUCH-PATIENT"), qPrintable(unknown.output));
        QVERIFY(!QFile::exists(dir.filePath("none.pdf")));
    }
};

QTEST_MAIN(TestReportExport)
#include "test_report_export.moc"
