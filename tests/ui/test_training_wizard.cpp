// The training wizard driven as a physicist drives it, on a small generated cohort in a real
// database: the cohort with the patient left out and why, the split (and its refusal), a tiny
// recipe trained for three epochs by a real `metis-cli train --db` child process with live curves
// (stopped after the first and continued from its checkpoint), compared with the active model
// on the same test patients, then registering, activating (a confirmed clinical decision, audited)
// and rolling back.
#include "ExternalTool.h"
#include "SyntheticLesions.h"
#include "TestIsolation.h"
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/models/ModelPackage.h"
#include "metis/ui/TrainingWizard.h"
#include "metis/workflow/ModelRegistration.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>
#include <csignal>
#include <fstream>
#include <random>
#include <sys/mount.h>

using namespace metis;
using metis::ui::TrainingWizard;
namespace fs = std::filesystem;

namespace {

/// 12 patients before the 2021-05-01 cutoff and 2 after, alternating EGFR status, each with a
/// NIfTI series and its GTV mask, imported; every GTV approved except CASE-103's.
void fillDatabase(db::PatientDatabase& database, const fs::path& root) {
    fs::create_directories(root);
    std::ofstream csv(root / "clinical.csv");
    csv << "patient_id,diagnosis_date,egfr_status\n";
    for (int p = 0; p < 14; ++p) {
        const std::string id = "CASE-" + std::to_string(100 + p);
        const bool late = p >= 12;
        csv << id << ","
            << (late ? "2021-08-0" + std::to_string(p - 11) : "2020-03-1" + std::to_string(p % 10))
            << "," << (p % 2 ? "mutant" : "wild_type") << "\n";
        ImageGeometry g;
        g.size = {48, 48, 10};
        g.spacing = {5.0, 5.0, 4.0};
        g.origin = {-117.5, -117.5, -18.0};
        const LabelMap mask = test_lesions::paintEllipsoids(
            g, {{{20.0 + p, -15, 0}, {14, 12, 9}, 1}, {{-35, 25, -4}, {9, 9, 7}, 1}});
        ImageVolume image(g, 0.0f);
        std::mt19937 random(static_cast<unsigned>(p));
        std::normal_distribution<float> noise(0.0f, 6.0f);
        for (std::size_t i = 0; i < image.data().size(); ++i) {
            image.data()[i] = 200.0f + noise(random) + (mask.data()[i] ? 150.0f : 0.0f);
        }
        fs::create_directories(root / id);
        imaging::writeImage(image, root / id / "image.nii.gz");
        imaging::writeLabelMap(mask, root / id / "mask.nii.gz");
    }
    csv.close();
    NullProgressSink quiet;
    db::importPaths(database, {root.string()}, {}, quiet);
    const db::User oncologist = *database.findUser("oncologist");
    for (const auto& row : database.listPatients({}).rows) {
        const auto gtv =
            database.newestManualStructureSet(database.seriesOfPatient(row.patientId).front().id);
        if (gtv && row.patientId != "CASE-103") {
            database.setReviewStatus(oncologist, gtv->id, "approved");
        }
    }
}

/// With METIS_DOCS_DIR set (scripts/docs-screenshots.sh), the page as docs/ shows it.
void saveDocsScreenshot(TrainingWizard& wizard, const QString& name) {
    const QString docs = qEnvironmentVariable("METIS_DOCS_DIR");
    if (!docs.isEmpty()) {
        QTest::qWait(100);
        wizard.grab().save(docs + "/training-wizard-" + name + ".png");
    }
}

void clickNext(TrainingWizard& wizard) {
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
}

/// A tiny network for short epochs, so that a test trains in seconds.
void setTinyRecipe(TrainingWizard& wizard, int epochs, const QString& package) {
    wizard.inputSizeBox()->setValue(64);
    wizard.baseWidthBox()->setValue(2);
    wizard.embedDimBox()->setValue(8);
    wizard.headsBox()->setValue(2);
    wizard.batchSizeBox()->setValue(4);
    wizard.epochsBox()->setValue(epochs);
    wizard.slicesPerEpochBox()->setValue(64);
    wizard.threadsBox()->setValue(1);
    wizard.packageEdit()->setText(package);
}

/// A database of the 14 patients of fillDatabase in a folder of its own, and its physicist.
struct Site {
    QTemporaryDir dir;
    std::shared_ptr<db::PatientDatabase> database =
        std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
    db::User physicist;

    Site() {
        database->ensureDefaultUsers();
        fillDatabase(*database, dir.filePath("cohort").toStdString());
        physicist = *database->findUser("physicist");
    }
};

/// Shows the wizard and clicks through cohort (as it is), split (2 validation patients) and
/// the tiny recipe to the training page.
bool openTrainingPage(TrainingWizard& wizard, int epochs, const QString& package) {
    wizard.show();
    clickNext(wizard);
    wizard.validationBox()->setValue(2);
    clickNext(wizard);
    setTinyRecipe(wizard, epochs, package);
    clickNext(wizard);
    return wizard.currentId() == TrainingWizard::TrainingPage;
}

} // namespace

class TestTrainingWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings(),
                 "the test would use the user's settings");
    }

    void retrainRegisterActivateAndRollBack() {
        Site site;
        QTemporaryDir& dir = site.dir;
        const auto& database = site.database;
        const db::User& physicist = site.physicist;
        // The model active before retraining: the demo package.
        const auto demo = workflow::registerModelPackage(
            *database, physicist,
            fs::path(qEnvironmentVariable("METIS_SOURCE_DIR").toStdString()) / "models" /
                "packages" / "mtsa-net-demo");
        workflow::activateRegisteredModel(*database, physicist, demo.id, {"demo", false});

        TrainingWizard wizard(database, physicist, QStringLiteral(METIS_CLI_PATH));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // Cohort: 13 eligible, CASE-103 left out because its GTV is still a draft.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::CohortPage));
        QVERIFY2(wizard.cohortSummary()->text().startsWith("13 eligible patients: 6 EGFR mutant"),
                 qPrintable(wizard.cohortSummary()->text()));
        // The imported masks' lesions are measured at import: two per patient, each wider than
        // 20 mm edge to edge on the 5 mm pixels (ellipsoids of 28 and 18 mm across, plus a
        // pixel).
        QVERIFY2(wizard.cohortSummary()->text().contains(
                     "axial diameter (RANO-BM): under 5 mm 0, 5-10 mm 0, 10-20 mm 0, over 20 mm 26."),
                 qPrintable(wizard.cohortSummary()->text()));
        QVERIFY(!wizard.cohortSummary()->text().contains("Not counted"));
        QCOMPARE(wizard.excludedTable()->rowCount(), 1);
        QCOMPARE(wizard.excludedTable()->item(0, 0)->text(), QString("CASE-103"));
        QVERIFY(wizard.excludedTable()->item(0, 1)->text().contains("draft"));
        saveDocsScreenshot(wizard, "cohort");
        clickNext(wizard);

        // Split: a cutoff before every diagnosis leaves nobody to train: refused, Next disabled.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::SplitPage));
        wizard.validationBox()->setValue(2);
        wizard.cutoffEdit()->setDate(QDate(2019, 1, 1));
        QVERIFY(wizard.splitSummary()->text().startsWith("This split cannot be used"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        wizard.cutoffEdit()->setDate(QDate(2021, 5, 1));
        QVERIFY2(wizard.splitSummary()->text().contains("Training: 9 patients"),
                 qPrintable(wizard.splitSummary()->text()));
        QVERIFY(
            wizard.splitSummary()->text().contains("Internal test: 2 patients (1 EGFR mutant)"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        saveDocsScreenshot(wizard, "split");
        clickNext(wizard);

        // Recipe: a tiny network for two short epochs.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::RecipePage));
        const QString package = dir.filePath("models/retrained");
        setTinyRecipe(wizard, 3, package);
        // The time per epoch, measured on a few synthetic training steps of this network.
        QSignalSpy estimated(&wizard, &TrainingWizard::estimateFinished);
        QTest::mouseClick(wizard.estimateButton(), Qt::LeftButton);
        QVERIFY(estimated.wait(120000));
        QVERIFY2(wizard.estimateLabel()->text().contains("s per epoch of 64 slices on the CPU"),
                 qPrintable(wizard.estimateLabel()->text()));
        saveDocsScreenshot(wizard, "recipe");
        clickNext(wizard);

        // Training in the child process; the curves show each epoch.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::TrainingPage));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QSignalSpy finished(&wizard, &TrainingWizard::trainingFinished);
        QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
        // Stopped (the child is killed) once the first epoch is on the curve...
        QTRY_VERIFY_WITH_TIMEOUT(wizard.validationDiceSeries()->count() >= 1, 120000);
        QTest::mouseClick(wizard.stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        if (!finished.back().front().toBool()) {
            QVERIFY2(wizard.trainingStatus()->text().startsWith("Training stopped"),
                     qPrintable(wizard.trainingStatus()->text()));
            QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
            qInfo("stopped with %d epoch(s) finished", wizard.validationDiceSeries()->count());
            // ... and started again: it continues from the last finished epoch.
            QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
            QVERIFY(finished.wait(300000));
        }
        QVERIFY2(finished.back().front().toBool(), qPrintable(wizard.trainingStatus()->text()));
        QCOMPARE(wizard.validationDiceSeries()->count(), 3);
        std::ifstream metrics((package + ".work/metrics.jsonl").toStdString());
        int lines = 0;
        for (std::string line; std::getline(metrics, line);) {
            ++lines;
        }
        QCOMPARE(lines, 3); // each epoch once: the continued run did not repeat the first
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        saveDocsScreenshot(wizard, "training");
        QSignalSpy compared(&wizard, &TrainingWizard::comparisonFinished);
        clickNext(wizard);

        // Comparison: the new model and the active demo model on the same test patients.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::ComparisonPage));
        QVERIFY(compared.wait(300000));
        QVERIFY2(compared.front().front().toBool(), qPrintable(wizard.comparisonStatus()->text()));
        QCOMPARE(wizard.comparisonTable()->columnCount(), 2);
        QVERIFY(
            wizard.comparisonTable()->horizontalHeaderItem(1)->text().contains("mtsa-net-demo"));
        // Per test set: Dice, HD95, false lesions, lesions found by size, EGFR AUC, accuracy
        // and calibration error.
        QCOMPARE(wizard.comparisonTable()->rowCount() % 7, 0);
        QVERIFY(wizard.comparisonTable()->verticalHeaderItem(0)->text().startsWith(
            "Dice, internal test"));
        QVERIFY(wizard.comparisonTable()->item(0, 0)->text().contains('['));
        QVERIFY(wizard.comparisonTable()->verticalHeaderItem(3)->text().startsWith(
            "Lesions found < 5 / 5-10 / > 10 mm"));
        QVERIFY2(QRegularExpression("^\\d+/\\d+ \u00b7 \\d+/\\d+ \u00b7 \\d+/\\d+$")
                     .match(wizard.comparisonTable()->item(3, 1)->text())
                     .hasMatch(),
                 qPrintable(wizard.comparisonTable()->item(3, 1)->text()));
        QVERIFY(wizard.comparisonTable()->verticalHeaderItem(6)->text().startsWith(
            "EGFR calibration error"));
        QVERIFY2(wizard.comparisonVerdict()->text().contains("Dice on the internal test"),
                 qPrintable(wizard.comparisonVerdict()->text()));
        QVERIFY(wizard.comparisonVerdict()->text().contains("False lesions on the internal test"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        saveDocsScreenshot(wizard, "comparison");
        clickNext(wizard);

        // Register, activate with a reason and a confirmation, roll back.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::ActivationPage));
        QTest::mouseClick(wizard.registerButton(), Qt::LeftButton);
        QVERIFY2(wizard.activationStatus()->text().startsWith("Registered as model retrained"),
                 qPrintable(wizard.activationStatus()->text()));
        QTest::keyClicks(wizard.reasonEdit(), "site retraining 2026");
        QTimer answerer;
        answerer.setInterval(50);
        connect(&answerer, &QTimer::timeout, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                box->button(QMessageBox::Yes)->click();
            }
        });
        answerer.start();
        QSignalSpy activated(&wizard, &TrainingWizard::activeModelChanged);
        QTest::mouseClick(wizard.activateButton(), Qt::LeftButton);
        answerer.stop();
        QCOMPARE(activated.count(), 1);
        QCOMPARE(database->activeModel()->version, std::string("retrained"));
        const auto audit = database->auditLog("physicist", "", "model.activate");
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const db::AuditEntry& entry) {
            return entry.details.find("site retraining 2026") != std::string::npos;
        }));
        QTest::mouseClick(wizard.rollBackButton(), Qt::LeftButton);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(database->activeModel()->id, demo.id);
        saveDocsScreenshot(wizard, "activation");
        QVERIFY(database->check().ok());
    }

    /// A run stopped when its wizard closed (as when the workstation is closed) is shown by the
    /// next wizard for the same package, and Start continues it from its last checkpoint to the
    /// epoch losses of an uninterrupted run (within 1e-6 relative).
    void aRunStoppedEarlierContinuesInTheNextWizard() {
        Site site;
        QTemporaryDir& dir = site.dir;
        const auto& database = site.database;
        const db::User& physicist = site.physicist;
        const QString package = dir.filePath("models/continued");
        {
            TrainingWizard first(database, physicist, QStringLiteral(METIS_CLI_PATH));
            QVERIFY(openTrainingPage(first, 8, package));
            QTest::mouseClick(first.startButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(first.validationDiceSeries()->count() >= 1, 120000);
        } // closed while training: the child is killed
        const auto epochs = workflow::readTrainingEpochs(package.toStdString());
        QVERIFY(!epochs.empty());
        if (epochs.size() == 8) {
            QSKIP("the whole run finished before the wizard closed (machine too fast)");
        }
        // The next wizard (as after restarting the workstation) comes with the run's split and
        // recipe: nothing is entered again.
        TrainingWizard second(database, physicist, QStringLiteral(METIS_CLI_PATH));
        second.show();
        clickNext(second);
        QCOMPARE(second.validationBox()->value(), 2);
        clickNext(second);
        QCOMPARE(second.packageEdit()->text(), package);
        QCOMPARE(second.inputSizeBox()->value(), 64);
        QCOMPARE(second.baseWidthBox()->value(), 2);
        QCOMPARE(second.epochsBox()->value(), 8);
        QCOMPARE(second.threadsBox()->value(), 1);
        clickNext(second);
        QCOMPARE(second.currentId(), int(TrainingWizard::TrainingPage));
        QVERIFY2(second.trainingStatus()->text().contains(
                     QString("stopped after epoch %1").arg(epochs.back().epoch)),
                 qPrintable(second.trainingStatus()->text()));
        QCOMPARE(second.validationDiceSeries()->count(), static_cast<int>(epochs.size()));
        QSignalSpy finished(&second, &TrainingWizard::trainingFinished);
        QTest::mouseClick(second.startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.back().front().toBool(), qPrintable(second.trainingStatus()->text()));
        const auto all = workflow::readTrainingEpochs(package.toStdString());
        QCOMPARE(all.size(), std::size_t{8});
        for (std::size_t n = 0; n < all.size(); ++n) {
            QCOMPARE(all[n].epoch, static_cast<int>(n + 1)); // each epoch once, in order
        }

        // The same recipe uninterrupted (the wizard's own command line, another package):
        // the continued run's epochs are the uninterrupted run's.
        workflow::TrainingRecipe straight = second.recipe();
        straight.package = dir.filePath("models/straight").toStdString();
        QStringList arguments;
        for (const std::string& argument : workflow::trainCommandArguments(straight)) {
            arguments << QString::fromStdString(argument);
        }
        const auto run = test_tools::runTool(QStringLiteral(METIS_CLI_PATH), arguments, 300000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const auto reference = workflow::readTrainingEpochs(straight.package);
        QCOMPARE(reference.size(), all.size());
        for (std::size_t n = 0; n < all.size(); ++n) {
            const double scale = std::max(1e-12, std::abs(reference[n].trainingLoss));
            QVERIFY2(std::abs(all[n].trainingLoss - reference[n].trainingLoss) <= 1e-6 * scale,
                     qPrintable(QString("epoch %1: %2 continued, %3 uninterrupted")
                                    .arg(n + 1)
                                    .arg(all[n].trainingLoss, 0, 'g', 10)
                                    .arg(reference[n].trainingLoss, 0, 'g', 10)));
            QVERIFY(std::abs(all[n].validationLoss - reference[n].validationLoss) <=
                    1e-6 * std::max(1e-12, std::abs(reference[n].validationLoss)));
        }
    }

    /// The training child killed from outside mid-run (SIGKILL, as by the out-of-memory
    /// killer): the wizard says so, and Start continues from the last checkpoint.
    void aKilledTrainerIsReportedAndContinued() {
        Site site;
        const QString package = site.dir.filePath("models/killed");
        TrainingWizard wizard(site.database, site.physicist, QStringLiteral(METIS_CLI_PATH));
        QVERIFY(openTrainingPage(wizard, 6, package));
        QSignalSpy finished(&wizard, &TrainingWizard::trainingFinished);
        QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.validationDiceSeries()->count() >= 1, 120000);
        const qint64 child = wizard.trainingProcessId();
        QVERIFY(child > 0);
        QCOMPARE(::kill(static_cast<pid_t>(child), SIGKILL), 0);
        QVERIFY(finished.wait(60000));
        const auto before = workflow::readTrainingEpochs(package.toStdString());
        if (before.size() == 6) {
            QSKIP("the whole run finished before the kill (machine too fast)");
        }
        QVERIFY(!finished.back().front().toBool());
        QVERIFY2(wizard.trainingStatus()->text().contains(
                     QString("ended unexpectedly (killed or crashed) after %1 finished epoch")
                         .arg(before.size())),
                 qPrintable(wizard.trainingStatus()->text()));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        // The status lines while it continues, which estimate the time left from the epochs.
        QStringList statuses;
        QTimer watch;
        connect(&watch, &QTimer::timeout, [&] {
            if (statuses.isEmpty() || statuses.back() != wizard.trainingStatus()->text()) {
                statuses << wizard.trainingStatus()->text();
            }
        });
        watch.start(5);
        QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(300000));
        watch.stop();
        QVERIFY2(finished.back().front().toBool(), qPrintable(wizard.trainingStatus()->text()));
        QVERIFY2(!statuses.filter(QRegularExpression("at most about \\d+ (s|minute)")).isEmpty(),
                 qPrintable(statuses.join('\n')));
        const auto all = workflow::readTrainingEpochs(package.toStdString());
        QCOMPARE(all.size(), std::size_t{6});
        for (std::size_t n = 0; n < all.size(); ++n) {
            QCOMPARE(all[n].epoch, static_cast<int>(n + 1)); // each epoch once, in order
        }
        for (std::size_t n = 0; n < before.size(); ++n) {
            QCOMPARE(all[n].trainingLoss, before[n].trainingLoss); // kept, not redone
        }
    }

    /// Fine-tuning starts from the active model: its network is shown and fixed, the learning
    /// rate drops to a tenth, and the child trains from its weights.
    void fineTuningStartsFromTheActiveModel() {
        Site site;
        const auto& database = site.database;
        const fs::path demoPackage =
            fs::path(qEnvironmentVariable("METIS_SOURCE_DIR").toStdString()) / "models" /
            "packages" / "mtsa-net-demo";
        const auto demo = workflow::registerModelPackage(*database, site.physicist, demoPackage);
        workflow::activateRegisteredModel(*database, site.physicist, demo.id, {"demo", false});

        TrainingWizard wizard(database, site.physicist, QStringLiteral(METIS_CLI_PATH));
        wizard.show();
        clickNext(wizard);
        wizard.validationBox()->setValue(2);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::RecipePage));
        QCOMPARE(wizard.startFromBox()->count(), 2);
        QCOMPARE(wizard.learningRateBox()->value(), 1e-3);
        wizard.startFromBox()->setCurrentIndex(1);
        const models::ModelPackageMetadata active = models::readModelPackage(demoPackage);
        QCOMPARE(wizard.inputSizeBox()->value(), active.architecture.inputSize);
        QCOMPARE(wizard.baseWidthBox()->value(), active.architecture.baseWidth);
        QVERIFY(!wizard.inputSizeBox()->isEnabled());
        QCOMPARE(wizard.learningRateBox()->value(), 1e-4);
        QVERIFY(wizard.startFromNote()->text().contains("starts from its weights"));
        QCOMPARE(wizard.recipe().initialWeights, fs::path(demo.packagePath));

        // The paper's loss and a patience of 3, then one short epoch from the demo weights.
        wizard.segmentationLossBox()->setCurrentIndex(
            wizard.segmentationLossBox()->findData(QStringLiteral("paper")));
        wizard.patienceBox()->setValue(3);
        wizard.epochsBox()->setValue(1);
        wizard.slicesPerEpochBox()->setValue(16);
        const QString package = site.dir.filePath("models/fine-tuned");
        wizard.packageEdit()->setText(package);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::TrainingPage));
        QSignalSpy finished(&wizard, &TrainingWizard::trainingFinished);
        QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.back().front().toBool(), qPrintable(wizard.trainingLog()->toPlainText()));
        QVERIFY(wizard.trainingLog()->toPlainText().contains("--initial-weights"));
        QVERIFY(wizard.trainingLog()->toPlainText().contains("--segmentation-loss paper"));
        QVERIFY(wizard.trainingLog()->toPlainText().contains("--patience 3"));
        const models::ModelPackageMetadata tuned = models::readModelPackage(package.toStdString());
        QCOMPARE(tuned.architecture.baseWidth, active.architecture.baseWidth);
        QVERIFY(tuned.description.find("fine-tuned from") != std::string::npos);
        // The active model's post-processing is carried over until recalibration.
        QCOMPARE(tuned.postProcessing.threshold, active.postProcessing.threshold);
        QCOMPARE(tuned.testTimeMirror, active.testTimeMirror);
        QVERIFY(tuned.loss.segmentation == models::SegmentationLoss::Paper);

        // Back to scratch: the network is free again, at the full learning rate.
        wizard.back();
        wizard.startFromBox()->setCurrentIndex(0);
        QVERIFY(wizard.inputSizeBox()->isEnabled());
        QCOMPARE(wizard.learningRateBox()->value(), 1e-3);
        QVERIFY(wizard.recipe().initialWeights.empty());
    }

    /// A disk that fills up during training: the wizard says so, the trainer's previous files
    /// and the database stay as they were.
    void aFullDiskDuringACheckpointIsReported() {
        Site site;
        QTemporaryDir& dir = site.dir;
        const auto& database = site.database;
        const db::User& physicist = site.physicist;
        const QString small = dir.filePath("small");
        QVERIFY(QDir().mkpath(small));
        // Room for the slices' bookkeeping and the best weights, not for a whole checkpoint.
        if (::mount("tmpfs", small.toLocal8Bit().constData(), "tmpfs", 0, "size=256k") != 0) {
            QSKIP("cannot mount a size-capped tmpfs here (needs root); disk-full test skipped");
        }
        const auto unmount =
            qScopeGuard([&] { ::umount2(small.toLocal8Bit().constData(), MNT_DETACH); });
        const auto auditBefore = database->auditLog().size();
        TrainingWizard wizard(database, physicist, QStringLiteral(METIS_CLI_PATH));
        QVERIFY(openTrainingPage(wizard, 2, small + "/model"));
        QSignalSpy finished(&wizard, &TrainingWizard::trainingFinished);
        QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(300000));
        QVERIFY(!finished.back().front().toBool());
        const QString log = wizard.trainingLog()->toPlainText();
        QVERIFY2(wizard.trainingStatus()->text().startsWith("Training failed"),
                 qPrintable(wizard.trainingStatus()->text() + "\n" + log));
        QVERIFY2(log.contains("the disk is full") && log.contains("checkpoint"), qPrintable(log));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!QFileInfo::exists(small + "/model.work/checkpoint.pt.partial"));
        QCOMPARE(database->auditLog().size(), auditBefore);
        QVERIFY(database->check().ok());
    }

    /// A patient whose stored series can no longer be read stops the training with a message
    /// naming the patient; nothing in the database changes.
    void anUnreadableSeriesIsNamed() {
        Site site;
        QTemporaryDir& dir = site.dir;
        const auto& database = site.database;
        const db::User& physicist = site.physicist;
        const auto series =
            database->seriesRecord(database->seriesOfPatient("CASE-104").front().id);
        QVERIFY(series && !series->volumePath.empty());
        QVERIFY(QFile::remove(QString::fromStdString(series->volumePath)));
        TrainingWizard wizard(database, physicist, QStringLiteral(METIS_CLI_PATH));
        QVERIFY(openTrainingPage(wizard, 1, dir.filePath("models/unreadable")));
        QSignalSpy finished(&wizard, &TrainingWizard::trainingFinished);
        QTest::mouseClick(wizard.startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(300000));
        QVERIFY(!finished.back().front().toBool());
        const QString log = wizard.trainingLog()->toPlainText();
        QVERIFY2(wizard.trainingStatus()->text().startsWith("Training failed"),
                 qPrintable(wizard.trainingStatus()->text() + "\n" + log));
        QVERIFY2(log.contains("CASE-104"), qPrintable(log));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    }
};

QTEST_MAIN(TestTrainingWizard)
#include "test_training_wizard.moc"
