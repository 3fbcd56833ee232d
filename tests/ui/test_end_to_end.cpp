// Issue 8's acceptance run on a real X server: the demo phantom cohort written by metis-cli,
// imported into a fresh database, the embedded demo model run on one patient through the window,
// the GTV outlines read back from the screen, the comparison panel checked against
// `metis-cli metrics` on the same masks, and the PDF report exported and read with pdftotext.
#include "ExternalTool.h"
#include "TestIsolation.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/InferencePanel.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/viewer_widgets/SliceView.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstdlib>

using namespace metis;
using namespace metis::ui;

namespace {

QImage grabFromScreen(QWidget& widget) {
    // Paint now and give the X server time to show it, also on a loaded machine.
    QCoreApplication::processEvents();
    widget.repaint();
    QTest::qWait(300);
    const QPoint topLeft = widget.mapToGlobal(QPoint(0, 0));
    return widget.screen()
        ->grabWindow(0, topLeft.x(), topLeft.y(), widget.width(), widget.height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

// The viewer's overlay colours (viewer::manualGtvLayer yellow, predictedGtvLayer green), with a
// margin for antialiased strokes; the grey MR image and the red-to-yellow heat map are neither
// pure green nor saturated yellow with a dark blue channel in the same way.
bool isYellow(const QColor& c) {
    return c.red() > 200 && c.green() > 200 && c.blue() < 90;
}
bool isGreen(const QColor& c) {
    return c.green() > 200 && c.red() < 90 && c.blue() < 90;
}

int countPixels(const QImage& image, bool (*predicate)(const QColor&)) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            count += predicate(image.pixelColor(x, y)) ? 1 : 0;
        }
    }
    return count;
}

std::size_t largestLesionVoxels(const LabelMap& mask) {
    std::size_t largest = 0;
    for (const auto& component : labelConnectedComponents(mask).components) {
        largest = std::max(largest, component.voxelCount);
    }
    return largest;
}

double cellValue(const QTableWidget* table, int row, int column) {
    return table->item(row, column)->text().toDouble();
}

QString expectedCallText(const std::string& storedCall) {
    if (storedCall == "mutant") {
        return "EGFR mutant";
    }
    if (storedCall == "wild_type") {
        return "EGFR wild type";
    }
    return "undetermined";
}

} // namespace

class TestEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void demoCohortFromImportToReport() {
        QElapsedTimer clock;
        clock.start();
        const char* sourceDir = std::getenv("METIS_SOURCE_DIR");
        QVERIFY2(sourceDir, "METIS_SOURCE_DIR is set by ctest");
        const QString package = QString(sourceDir) + "/models/packages/mtsa-net-demo";
        QVERIFY2(QFile::exists(package + "/metadata.json"), qPrintable(package));

        // The cohort, written by the real command-line tool.
        QTemporaryDir dir;
        const QString cohort = dir.filePath("cohort");
        const auto phantom = test_tools::runTool(
            METIS_CLI_PATH,
            {"phantom", "--out", cohort, "--preset", "demo", "--seed", "1", "--patients", "2"},
            600000);
        QVERIFY2(phantom.exitCode == 0, qPrintable(phantom.output));
        qInfo("phantom cohort written in %.1f s", clock.elapsed() / 1000.0);

        // A fresh database with the default users; the whole cohort folder imported.
        auto database =
            std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
        database->ensureDefaultUsers();
        NullProgressSink quiet;
        const auto imported = db::importPaths(*database, {cohort.toStdString()}, {}, quiet);
        for (const auto& problem : imported.errors) {
            QFAIL(qPrintable(QString::fromStdString(problem.path + ": " + problem.message)));
        }
        QCOMPARE(imported.seriesImported, std::size_t{2});
        QVERIFY(imported.structureSetsImported >= 2); // an RTSTRUCT per patient, at least
        const auto patients = database->listPatients({}).rows;
        QCOMPARE(patients.size(), std::size_t{2});

        // The patient whose largest manual lesion is largest, so both outlines are easy to see.
        std::string chosen;
        std::size_t chosenVoxels = 0;
        for (const auto& row : patients) {
            QVERIFY2(row.hasManualGtv, row.patientId.c_str());
            const PatientStudy study = loadPatientStudy(*database, row.patientId, quiet);
            QVERIFY(study.manualGtv);
            const std::size_t voxels = largestLesionVoxels(*study.manualGtv);
            if (voxels > chosenVoxels) {
                chosen = row.patientId;
                chosenVoxels = voxels;
            }
        }
        QVERIFY(chosenVoxels > 0);

        MainWindow window(database, *database->findUser("oncologist"));
        InferencePanel* inference = window.inferencePanel();
        inference->setModelPackagePath(package);
        window.resize(1800, 1100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::patientLoaded);
        window.openPatient(QString::fromStdString(chosen));
        QVERIFY(loaded.wait(60000));
        QVERIFY(window.currentStudy() && window.currentStudy()->manualGtv);

        // The window centres on the largest manual lesion: its yellow outline is on screen.
        auto* axial = window.mprLayout()->sliceView(viewer::ViewOrientation::Axial);
        const int manualYellow = countPixels(grabFromScreen(*axial), isYellow);
        QVERIFY2(manualYellow > 20, qPrintable(QString("yellow pixels: %1").arg(manualYellow)));
        // Those pixels are the manual layer's: hidden, none are left.
        auto& overlays = window.mprLayout()->scene()->overlays;
        QVERIFY(!overlays.empty() && overlays.front().name == "Manual GTV");
        overlays.front().visible = false;
        window.mprLayout()->sceneChanged();
        QCOMPARE(countPixels(grabFromScreen(*axial), isYellow), 0);
        overlays.front().visible = true;
        window.mprLayout()->sceneChanged();

        // Inference through the panel's button.
        QSignalSpy finished(inference, &InferencePanel::inferenceFinished);
        QSignalSpy failed(inference, &InferencePanel::inferenceFailed);
        QSignalSpy compared(window.comparisonPanel(), &ComparisonPanel::comparisonFinished);
        QVERIFY(inference->runButton()->isEnabled());
        QTest::mouseClick(inference->runButton(), Qt::LeftButton);
        QVERIFY2(finished.wait(600000), qPrintable(inference->messageLabel()->text()));
        QCOMPARE(failed.count(), 0);
        const auto stored = database->latestInferenceRun(window.currentStudy()->seriesId);
        QVERIFY(stored);
        QCOMPARE(stored->modelVersion, std::string("mtsa-net-demo"));
        const auto predicted = window.currentStudy()->predictedGtv;
        QVERIFY(predicted);
        qInfo("patient %s: %zu AI lesion(s), EGFR call '%s'", chosen.c_str(),
              stored->lesions.size(), stored->patientCall.c_str());

        // The manual outline stays; the green AI outline shows where the model found a lesion.
        window.mprLayout()->centreOn(window.currentStudy()->focusMm);
        QVERIFY(countPixels(grabFromScreen(*axial), isYellow) > 20);
        if (!stored->lesions.empty()) {
            window.mprLayout()->centreOn(stored->lesions.front().centreMm);
            const int green = countPixels(grabFromScreen(*axial), isGreen);
            QVERIFY2(green > 5, qPrintable(QString("green pixels: %1").arg(green)));
            qInfo("on screen: %d yellow (manual), %d green (AI) pixels", manualYellow, green);
        }

        // The comparison panel against metis-cli metrics on the same two masks, as files.
        QTRY_VERIFY_WITH_TIMEOUT(compared.count() >= 1, 120000);
        ComparisonPanel* comparison = window.comparisonPanel();
        QVERIFY(comparison->result());
        const QString manualPath = dir.filePath("manual.nii.gz");
        const QString aiPath = dir.filePath("ai.nii.gz");
        imaging::writeLabelMap(*window.currentStudy()->manualGtv, manualPath.toStdString());
        imaging::writeLabelMap(*predicted, aiPath.toStdString());
        const auto cli = test_tools::runTool(
            METIS_CLI_PATH, {"metrics", "--ref", manualPath, "--pred", aiPath, "--json"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.output));
        const QJsonObject json = QJsonDocument::fromJson(cli.output.toUtf8()).object();
        QVERIFY2(!json.isEmpty(), qPrintable(cli.output));
        const SegmentationReport& report = comparison->result()->report;
        QCOMPARE(report.dice, json["dice"].toDouble());
        QCOMPARE(report.hausdorff.percentileMm, json["hd95_mm"].toDouble());
        QVERIFY(comparison->summaryLabel()->text().contains(QString::number(report.dice, 'f', 4)));

        const QJsonObject lesions = json["lesions"].toObject();
        const QJsonArray rows = lesions["rows"].toArray();
        const QJsonArray falsePositives = lesions["false_positives"].toArray();
        const QTableWidget* table = comparison->lesionTable();
        QVERIFY(!rows.isEmpty());
        QCOMPARE(table->rowCount(), rows.size() + falsePositives.size());
        for (int r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows[r].toObject();
            const bool matched = row["matched_prediction_id"].toInt() != 0;
            QCOMPARE(table->item(r, ComparisonPanel::StatusColumn)->text(),
                     matched ? QString("matched") : QString("missed"));
            QCOMPARE(cellValue(table, r, ComparisonPanel::DiceColumn),
                     std::round(row["dice"].toDouble() * 1e4) / 1e4);
            if (matched) {
                QCOMPARE(cellValue(table, r, ComparisonPanel::Hd95Column),
                         std::round(row["hd95_mm"].toDouble() * 100) / 100);
            }
            QCOMPARE(cellValue(table, r, ComparisonPanel::ManualVolumeColumn),
                     std::round(row["reference_volume_ml"].toDouble() * 1000) / 1000);
            QCOMPARE(cellValue(table, r, ComparisonPanel::AiVolumeColumn),
                     std::round(row["prediction_volume_ml"].toDouble() * 1000) / 1000);
            QCOMPARE(cellValue(table, r, ComparisonPanel::DiameterColumn),
                     std::round(row["max_diameter_mm"].toDouble() * 10) / 10);
        }
        for (int f = 0; f < falsePositives.size(); ++f) {
            const int r = static_cast<int>(rows.size()) + f;
            QCOMPARE(table->item(r, ComparisonPanel::StatusColumn)->text(),
                     QString("false positive"));
            QCOMPARE(cellValue(table, r, ComparisonPanel::AiVolumeColumn),
                     std::round(falsePositives[f].toObject()["volume_ml"].toDouble() * 1000) /
                         1000);
        }

        // The PDF report through the window, read back by an independent tool.
        const QString pdf = dir.filePath("report.pdf");
        QSignalSpy exported(&window, &MainWindow::reportExported);
        QSignalSpy exportFailed(&window, &MainWindow::reportFailed);
        window.exportReport(pdf);
        QVERIFY(exported.wait(120000));
        QCOMPARE(exportFailed.count(), 0);
        const auto text =
            test_tools::runTool(test_tools::requireTool("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.output));
        const QString words = text.output.simplified();
        QVERIFY2(words.contains(QString::fromStdString(chosen)), qPrintable(words));
        QVERIFY2(words.contains(expectedCallText(stored->patientCall)), qPrintable(words));
        QVERIFY2(words.contains(QString::fromStdString(stored->modelVersion)), qPrintable(words));
        qInfo("end to end in %.1f s", clock.elapsed() / 1000.0);
    }
};

QTEST_MAIN(TestEndToEnd)
#include "test_end_to_end.moc"
