// The inference panel on a real window: a synthetic DICOM series imported into a fresh
// database, MTSA-Net with random weights run through the panel, the stored result read back.
#include "SyntheticLesions.h"
#include "TestIsolation.h"
#include "TinyModel.h"
#include "metis/database/Importer.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/models/ModelPackage.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/InferencePanel.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/viewer_widgets/MprLayout.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <optional>

using namespace metis;
using namespace metis::ui;

using test_lesions::syntheticHead;

namespace {

const char* const kPatient = "SYN-INF-1";

/// `threshold`, when given, replaces the package's GTV threshold.
std::filesystem::path writeRandomPackage(const QTemporaryDir& dir,
                                         std::optional<double> threshold = std::nullopt) {
    models::ModelPackageMetadata m = test_tools::tinyModelMetadata();
    if (threshold) {
        m.postProcessing.threshold = *threshold;
    }
    const std::filesystem::path package = dir.filePath("random-model").toStdString();
    models::writeRandomModelPackage(package, m, 5);
    return package;
}

std::shared_ptr<db::PatientDatabase> makeDatabaseWithPatient(const QTemporaryDir& dir) {
    auto database = std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
    database->ensureDefaultUsers();
    imaging::DicomWriteOptions options;
    options.metadata.patientId = kPatient;
    options.metadata.patientName = "SYNTHETIC^INFERENCE";
    options.metadata.studyDate = "20260101";
    NullProgressSink quiet;
    const auto dicomDir = dir.filePath("dicom").toStdString();
    imaging::writeDicomSeries(syntheticHead(), dicomDir, options, quiet);
    const auto report = db::importPaths(*database, {dicomDir}, {}, quiet);
    if (report.seriesImported != 1) {
        throw std::runtime_error("the synthetic series was not imported");
    }
    return database;
}

void openAndWait(MainWindow& window) {
    QSignalSpy loaded(&window, &MainWindow::patientLoaded);
    window.openPatient(kPatient);
    QVERIFY(loaded.wait(30000));
}

} // namespace

class TestInferencePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void runStoresAndShowsTheResult() {
        QTemporaryDir dir;
        auto database = makeDatabaseWithPatient(dir);
        const auto package = writeRandomPackage(dir);
        MainWindow window(database, *database->findUser("oncologist"));
        InferencePanel* panel = window.inferencePanel();
        panel->setModelPackagePath(QString::fromStdString(package.string()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(!panel->runButton()->isEnabled(), "no patient is open yet");

        openAndWait(window);
        QVERIFY(panel->runButton()->isEnabled());
        QVERIFY(!panel->shownRun());

        QSignalSpy finished(panel, &InferencePanel::inferenceFinished);
        QSignalSpy failed(panel, &InferencePanel::inferenceFailed);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(panel->isRunning());
        QVERIFY2(finished.wait(120000), qPrintable(panel->messageLabel()->text()));
        QCOMPARE(failed.count(), 0);

        // The stored row, read back independently of the panel.
        const std::int64_t seriesId = window.currentStudy()->seriesId;
        QCOMPARE(database->stats().inferenceRuns, std::int64_t{1});
        const auto stored = database->latestInferenceRun(seriesId);
        QVERIFY(stored);
        QCOMPARE(stored->modelVersion, std::string("random-model"));
        const auto modelSlices = static_cast<int>(stored->sliceMutantProbability.size());
        QVERIFY(modelSlices > 0);

        QCOMPARE(panel->probabilitySeries()->count(), modelSlices);
        QCOMPARE(panel->usedSliceSeries()->count(), static_cast<int>(stored->slicesUsed.size()));
        QVERIFY(!stored->slicesUsed.empty());
        QCOMPARE(panel->lesionTable()->rowCount(), static_cast<int>(stored->lesions.size()));
        QCOMPARE(panel->shownRun()->id, stored->id);
        const auto* caveat = panel->findChild<QLabel*>("InferenceCaveat");
        QVERIFY2(caveat->text().contains("random weights"), qPrintable(caveat->text()));

        // The predicted GTV sits next to the manual layer in the viewer's scene.
        const auto& overlays = window.mprLayout()->scene()->overlays;
        QVERIFY(std::any_of(overlays.begin(), overlays.end(), [](const auto& layer) {
            return layer.name == "Predicted GTV" && layer.labels;
        }));

        if (!stored->lesions.empty()) {
            QSignalSpy moved(window.mprLayout(), &viewer_widgets::MprLayout::cursorMoved);
            const QRect cell =
                panel->lesionTable()->visualItemRect(panel->lesionTable()->item(0, 0));
            QTest::mouseClick(panel->lesionTable()->viewport(), Qt::LeftButton, {}, cell.center());
            QTRY_VERIFY(moved.count() > 0);
        }

        // Reopening shows the stored result without running again.
        openAndWait(window);
        QVERIFY(panel->shownRun());
        QCOMPARE(panel->shownRun()->id, stored->id);
        QCOMPARE(panel->probabilitySeries()->count(), modelSlices);
        QCOMPARE(database->stats().inferenceRuns, std::int64_t{1});
        QVERIFY2(caveat->text().contains("Stored result") &&
                     caveat->text().contains("random weights"),
                 qPrintable(caveat->text()));
        QVERIFY(window.currentStudy()->predictedGtv);
    }

    // A package whose threshold lies under its random network's output: a GTV that fills the
    // image, flagged as implausible; the reader's threshold then makes a result the database
    // stores with that threshold, said to be the reader's choice.
    void anImplausibleResultIsFlaggedAndTheReadersThresholdIsStored() {
        QTemporaryDir dir;
        auto database = makeDatabaseWithPatient(dir);
        const auto package = writeRandomPackage(dir, 0.002);
        MainWindow window(database, *database->findUser("oncologist"));
        InferencePanel* panel = window.inferencePanel();
        panel->setModelPackagePath(QString::fromStdString(package.string()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndWait(window);
        QCOMPARE(panel->thresholdBox()->value(), 0.002);
        QCOMPARE(panel->minLesionBox()->value(), 0.0);

        QSignalSpy finished(panel, &InferencePanel::inferenceFinished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY2(finished.wait(120000), qPrintable(panel->messageLabel()->text()));
        const std::int64_t seriesId = window.currentStudy()->seriesId;
        const auto garbage = database->latestInferenceRun(seriesId);
        QVERIFY(garbage);
        QCOMPARE(garbage->gtvThreshold, std::optional<double>(0.002));
        QVERIFY(!garbage->postProcessingChanged);
        QVERIFY(panel->doubtLabel()->isVisible());
        QVERIFY2(panel->doubtLabel()->text().contains("implausible") &&
                     panel->doubtLabel()->text().contains("outside the head"),
                 qPrintable(panel->doubtLabel()->text()));
        QVERIFY(workflow::isImplausibleSegmentation(window.currentStudy()->aiDoubts));

        // Reopened, the stored result states the same doubts.
        openAndWait(window);
        QVERIFY(panel->doubtLabel()->isVisible());
        QVERIFY(panel->doubtLabel()->text().contains("implausible"));

        // The reader's threshold, typed in: nothing passes 0.9, so nothing is in doubt about
        // the segmentation.
        panel->thresholdBox()->selectAll();
        QTest::keyClicks(panel->thresholdBox(), "0.9");
        QTest::keyClick(panel->thresholdBox(), Qt::Key_Enter);
        QCOMPARE(panel->thresholdBox()->value(), 0.9);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY2(finished.wait(120000), qPrintable(panel->messageLabel()->text()));
        const auto chosen = database->latestInferenceRun(seriesId);
        QVERIFY(chosen && chosen->id != garbage->id);
        QCOMPARE(chosen->gtvThreshold, std::optional<double>(0.9));
        QVERIFY(chosen->postProcessingChanged);
        QVERIFY(chosen->lesions.empty());
        QVERIFY(!panel->doubtLabel()->text().contains("implausible"));
        const auto* caveat = panel->findChild<QLabel*>("InferenceCaveat");
        QVERIFY2(caveat->text().contains("chosen by the reader"), qPrintable(caveat->text()));
        // The choice stays for the next run of the same model.
        QCOMPARE(panel->thresholdBox()->value(), 0.9);
    }

    void missingPackageIsNamedAndChangesNothing() {
        QTemporaryDir dir;
        auto database = makeDatabaseWithPatient(dir);
        MainWindow window(database, *database->findUser("oncologist"));
        InferencePanel* panel = window.inferencePanel();
        const QString missing = dir.filePath("no-such-model");
        panel->setModelPackagePath(missing);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndWait(window);

        const auto before = database->stats();
        QSignalSpy failed(panel, &InferencePanel::inferenceFailed);
        QVERIFY(panel->runButton()->isEnabled());
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        const QString message = panel->messageLabel()->text();
        QVERIFY2(message.contains(missing), qPrintable(message));
        QVERIFY(panel->messageLabel()->isVisible());
        QVERIFY(!panel->shownRun());

        const auto after = database->stats();
        QCOMPARE(after.inferenceRuns, before.inferenceRuns);
        QCOMPARE(after.structureSets, before.structureSets);
        QCOMPARE(after.auditEntries, before.auditEntries);
        QVERIFY(panel->runButton()->isEnabled()); // the user may fix the path and try again
    }

    void cancelStoresNothing() {
        QTemporaryDir dir;
        auto database = makeDatabaseWithPatient(dir);
        const auto package = writeRandomPackage(dir);
        MainWindow window(database, *database->findUser("oncologist"));
        InferencePanel* panel = window.inferencePanel();
        panel->setModelPackagePath(QString::fromStdString(package.string()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndWait(window);

        QSignalSpy failed(panel, &InferencePanel::inferenceFailed);
        QSignalSpy finished(panel, &InferencePanel::inferenceFinished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(!panel->runButton()->isEnabled()); // one run at a time
        // Cancelled before the worker's first progress report: the run stops there.
        panel->cancelInference();
        QVERIFY(failed.wait(30000));
        QCOMPARE(finished.count(), 0);
        QVERIFY2(panel->messageLabel()->text().contains("cancelled"),
                 qPrintable(panel->messageLabel()->text()));
        QCOMPARE(database->stats().inferenceRuns, std::int64_t{0});
        QVERIFY(panel->runButton()->isEnabled());
    }

    void corruptWeightsAreNamedAndChangeNothing() {
        QTemporaryDir dir;
        auto database = makeDatabaseWithPatient(dir);
        const auto package = writeRandomPackage(dir);
        const auto weights = package / models::kModelPackageWeightsFile;
        std::filesystem::resize_file(weights, std::filesystem::file_size(weights) / 2);
        MainWindow window(database, *database->findUser("oncologist"));
        InferencePanel* panel = window.inferencePanel();
        panel->setModelPackagePath(QString::fromStdString(package.string()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndWait(window);

        const auto before = database->stats();
        QSignalSpy failed(panel, &InferencePanel::inferenceFailed);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        const QString message = panel->messageLabel()->text();
        QVERIFY2(message.contains(QString::fromStdString(weights.string())), qPrintable(message));
        QCOMPARE(database->stats().inferenceRuns, before.inferenceRuns);
        QCOMPARE(database->stats().structureSets, before.structureSets);
    }
};

QTEST_MAIN(TestInferencePanel)
#include "test_inference_panel.moc"
