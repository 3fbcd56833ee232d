// metis-cli train, evaluate and infer end to end on a small generated cohort folder (NIfTI
// series + masks + clinical.csv): the temporal split, a package that verifies, metrics as JSON
// lines, resume from prepared slices, evaluation per set, inference outputs on the series grid,
// a clear error for a patient without a mask, training on the database's reviewed patients, and
// training killed at random moments resuming from whole checkpoints.
// The clinical table is semicolon-separated with the spellings sites use (WT, positive,
// Mutant): training and import read the same statuses.
#include "ExternalTool.h"
#include "KillRounds.h"
#include "SyntheticLesions.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/VolumeIO.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <fstream>
#include <random>

using namespace metis;
namespace fs = std::filesystem;

namespace {

const QString kCli = QStringLiteral(METIS_CLI_PATH);

/// Odd patients are mutant, each status spelt as sites spell it.
const char* egfrSpelling(int p) {
    return p % 2 ? (p % 4 == 1 ? "positive" : "Mutant") : "WT";
}

/// 12 internal patients (10 before the 2021-05-01 cutoff) and 2 external ones.
void writeCohort(const fs::path& root) {
    fs::create_directories(root);
    std::ofstream csv(root / "clinical.csv");
    csv << "Patient ID;Diagnosis Date;EGFR status;Site\n";
    for (int p = 0; p < 14; ++p) {
        const std::string id = "CASE-" + std::to_string(100 + p);
        const bool late = p == 10 || p == 11;
        csv << id << ";"
            << (late ? "2021-08-0" + std::to_string(p - 9) : "2020-03-1" + std::to_string(p % 10))
            << ";" << egfrSpelling(p) << ";" << (p >= 12 ? "external" : "internal") << "\n";
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
}

QStringList tinyNetwork() {
    return {"--input-size",      "64", "--base-width", "2", "--embed-dim",        "8",
            "--attention-heads", "2",  "--batch-size", "4", "--slices-per-epoch", "8",
            "--validation",      "2",  "--threads",    "1"};
}

QString path(const fs::path& p) {
    return QString::fromStdString(p.string());
}

/// The epochs a run's metrics acknowledge; fails the test on a line that is not a whole record.
int acknowledgedEpochs(const fs::path& metricsPath) {
    std::ifstream metrics(metricsPath);
    int epochs = 0;
    for (std::string line; std::getline(metrics, line); ++epochs) {
        if (!QJsonDocument::fromJson(QByteArray::fromStdString(line)).isObject()) {
            qFatal("%s: line %d is not a whole record", metricsPath.c_str(), epochs + 1);
        }
    }
    return epochs;
}

/// The first "epoch N:" a training run printed; 0 when it trained no epoch.
int firstEpochTrained(const QString& output) {
    const auto match = QRegularExpression("epoch (\\d+):").match(output);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

class TestCliTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trainEvaluateInfer() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeCohort(root / "cohort");

        const fs::path package = root / "model";
        QStringList args = {"train", "--data",          path(root / "cohort"),
                            "--out", path(package),     "--max-epochs",
                            "2",     "--save-prepared", path(root / "prepared")};
        auto run = test_tools::runTool(kCli, args + tinyNetwork(), 600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains("8 training, 2 validation, 2 internal test, 2 external test"),
                 qPrintable(run.output));
        QVERIFY(run.output.contains("epoch 2:"));
        const auto info = test_tools::runTool(kCli, {"model", "info", path(package)});
        QVERIFY2(info.exitCode == 0 && info.output.contains("input 64 x 64"),
                 qPrintable(info.output));
        // A trained package predicts each slice mirrored too unless told otherwise (below).
        QVERIFY2(info.output.contains("test-time mirroring"), qPrintable(info.output));
        QVERIFY2(info.output.contains("2 model slices per trained slice"), qPrintable(info.output));
        std::ifstream metrics(package.string() + ".work/metrics.jsonl");
        int lines = 0;
        for (std::string line; std::getline(metrics, line); ++lines) {
            QVERIFY(QJsonDocument::fromJson(QByteArray::fromStdString(line)).isObject());
        }
        QCOMPARE(lines, 2);

        // Resume from the prepared slices (as the headless GPU build would): one more epoch.
        run = test_tools::runTool(kCli,
                                  QStringList{"train", "--prepared", path(root / "prepared"),
                                              "--out", path(package), "--max-epochs", "3"} +
                                      tinyNetwork(),
                                  600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(run.output.contains("epoch 3:"));
        QVERIFY(!run.output.contains("epoch 1:"));

        const fs::path report = root / "evaluation.json";
        run = test_tools::runTool(kCli,
                                  {"evaluate", "--model", path(package), "--data",
                                   path(root / "cohort"), "--validation", "2", "--out",
                                   path(report), "--threads", "1"},
                                  600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(run.output.contains("| internal-test | 2 |"));
        QFile file(path(report));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray sets = json["sets"].toArray();
        QCOMPARE(sets.size(), 3); // internal test, external test, all
        QCOMPARE(sets[1].toObject()["set"].toString(), QString("external-test"));
        QCOMPARE(sets[1].toObject()["patients"].toInt(), 2);
        QVERIFY(sets[2].toObject().contains("egfr"));
        const QJsonArray patients = json["patients"].toArray();
        QCOMPARE(patients.size(), 4);

        // The import reads the same table: every status as training read it.
        const fs::path database = root / "metis.db";
        run = test_tools::runTool(
            kCli, {"import", path(root / "cohort" / "clinical.csv"), "--db", path(database)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        db::PatientDatabase stored(database.string(), db::OpenMode::Existing);
        const auto rows = stored.listPatients({}).rows;
        QCOMPARE(rows.size(), std::size_t{14});
        for (const auto& row : rows) {
            const int p = std::stoi(row.patientId.substr(5)) - 100;
            QCOMPARE(row.egfrStatus, std::string(p % 2 ? "mutant" : "wild_type"));
        }
        for (const auto& patient : patients) {
            const std::string id = patient.toObject()["patient_id"].toString().toStdString();
            const int p = std::stoi(id.substr(5)) - 100;
            QCOMPARE(patient.toObject()["egfr_label"].toInt(), p % 2);
        }

        const fs::path out = root / "inference";
        run = test_tools::runTool(kCli,
                                  {"infer", path(root / "cohort" / "CASE-110" / "image.nii.gz"),
                                   "--model", path(package), "--out", path(out), "--device", "cpu",
                                   "--threads", "1"},
                                  600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const ImageVolume probability = imaging::readImage(out / "probability.nii.gz");
        const LabelMap mask = imaging::readLabelMap(out / "mask.nii.gz");
        const ImageVolume series =
            imaging::readImage(root / "cohort" / "CASE-110" / "image.nii.gz");
        QVERIFY(probability.geometry().sameGridAs(series.geometry()));
        QVERIFY(mask.geometry().sameGridAs(series.geometry()));
        for (std::size_t i = 0; i < mask.data().size(); ++i) {
            QCOMPARE(mask.data()[i] != 0, probability.data()[i] >= 0.5f);
        }
        QFile result(path(out / "result.json"));
        QVERIFY(result.open(QIODevice::ReadOnly));
        const QJsonObject inference = QJsonDocument::fromJson(result.readAll()).object();
        QCOMPARE(inference["slices"].toArray().size(),
                 inference["modelGrid"].toObject()["size"].toArray()[2].toInt());
        QVERIFY(inference["patient"].toObject().contains("meanMutantProbability"));
    }

    /// `train --db`: the database's eligible patients (reviewed GTV, EGFR status, diagnosis
    /// date) split by date as the folder's are; a GTV nobody approved keeps its patient out.
    void trainFromTheDatabase() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeCohort(root / "cohort");
        const fs::path database = root / "metis.db";
        QCOMPARE(test_tools::runTool(kCli, {"db", "init", "--db", path(database)}).exitCode, 0);
        auto run = test_tools::runTool(
            kCli, {"import", path(root / "cohort"), "--db", path(database), "--user", "physicist"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        {
            db::PatientDatabase stored(database.string(), db::OpenMode::Existing);
            const auto oncologist = stored.findUser("oncologist");
            QVERIFY(oncologist);
            for (const auto& row : stored.listPatients({}).rows) {
                const auto series = stored.seriesOfPatient(row.patientId);
                QCOMPARE(series.size(), std::size_t{1});
                const auto gtv = stored.newestManualStructureSet(series.front().id);
                QVERIFY2(gtv, row.patientId.c_str());
                if (row.patientId != "CASE-103") {
                    stored.setReviewStatus(*oncologist, gtv->id, "approved");
                }
            }
        }
        run = test_tools::runTool(kCli, {"cohort", "--db", path(database), "--validation", "2"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains("CASE-103: GTV is draft (needs approved)"),
                 qPrintable(run.output));

        const fs::path package = root / "model";
        run = test_tools::runTool(
            kCli,
            QStringList{"train", "--db", path(database), "--out", path(package), "--max-epochs",
                        "1", "--no-test-time-mirror", "--slice-oversampling", "1"} +
                tinyNetwork(),
            600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        // 13 eligible: 2 diagnosed after the cutoff test, 2 validate, 9 train (the database
        // keeps no site column, so the folder's two external patients are internal here).
        QVERIFY2(run.output.contains("9 training, 2 validation, 2 internal test, 0 external test"),
                 qPrintable(run.output));
        QVERIFY(run.output.contains("epoch 1:"));
        const auto info = test_tools::runTool(kCli, {"model", "info", path(package)});
        QVERIFY2(info.exitCode == 0 && !info.output.contains("mirroring") &&
                     !info.output.contains("model slices per trained slice"),
                 qPrintable(info.output));

        // Calibrated on the database's validation patients, evaluated on its test patients: the
        // same split as training's, the same code as for a folder.
        run = test_tools::runTool(kCli,
                                  {"calibrate", "--model", path(package), "--db", path(database),
                                   "--validation", "2", "--thresholds", "0.5", "--min-volumes", "0",
                                   "--head-margins", "0", "--threads", "1"},
                                  600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains("chosen on 2 validation patients"), qPrintable(run.output));
        const fs::path report = root / "evaluation.json";
        run = test_tools::runTool(kCli,
                                  {"evaluate", "--model", path(package), "--db", path(database),
                                   "--validation", "2", "--out", path(report), "--threads", "1"},
                                  600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QFile file(path(report));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray patients =
            QJsonDocument::fromJson(file.readAll()).object()["patients"].toArray();
        QCOMPARE(patients.size(), 2); // CASE-110 and CASE-111, diagnosed after the cutoff
        QStringList evaluated;
        for (const auto& patient : patients) {
            evaluated << patient.toObject()["patient_id"].toString();
        }
        evaluated.sort();
        QCOMPARE(evaluated, (QStringList{"CASE-110", "CASE-111"}));
        // Neither --data nor --db: a usage error naming both.
        run = test_tools::runTool(kCli, {"evaluate", "--model", path(package)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("--data DIR") && run.output.contains("--db FILE"),
                 qPrintable(run.output));
    }

    /// SIGKILL at random moments of a training run (epochs, best weights, checkpoints, metrics,
    /// the package), $METIS_KILL_ROUNDS times (100): the same command run again resumes right
    /// after the epochs the metrics acknowledged (or one later, when the kill fell between a
    /// checkpoint and its metrics line), never from a torn checkpoint, and its package verifies.
    void killedTrainingResumesFromWholeCheckpoints() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeCohort(root / "cohort");
        constexpr int kEpochs = 4;
        auto run = test_tools::runTool(
            kCli,
            QStringList{"train", "--data", path(root / "cohort"), "--out", path(root / "first"),
                        "--max-epochs", "1", "--save-prepared", path(root / "prepared")} +
                tinyNetwork(),
            600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const QStringList train = QStringList{"train", "--prepared", path(root / "prepared"),
                                              "--max-epochs", QString::number(kEpochs)} +
                                  tinyNetwork();
        QElapsedTimer timer;
        timer.start();
        run = test_tools::runTool(kCli, train + QStringList{"--out", path(root / "reference")},
                                  600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const qint64 durationMs = timer.elapsed();

        int killedWhileRunning = 0;
        int resumedMidway = 0;
        const int rounds = test_tools::killRounds();
        for (int round = 0; round < rounds; ++round) {
            const fs::path package = root / ("killed-" + std::to_string(round));
            const QStringList command = train + QStringList{"--out", path(package)};
            QProcess child;
            child.start(kCli, command);
            QVERIFY(child.waitForStarted());
            // QProcess answers pid 0 once the child has ended; kill(0) would kill this test's
            // whole process group.
            const auto pid = static_cast<pid_t>(child.processId());
            child.waitForFinished(
                static_cast<int>(QRandomGenerator::global()->bounded(durationMs + 1)));
            if (child.state() == QProcess::Running && pid > 0) {
                ::kill(pid, SIGKILL);
                ++killedWhileRunning;
            }
            child.waitForFinished();
            const int acknowledged = acknowledgedEpochs(package.string() + ".work/metrics.jsonl");

            run = test_tools::runTool(kCli, command, 600000);
            QVERIFY2(run.exitCode == 0,
                     qPrintable(QString("round %1: %2").arg(round).arg(run.output)));
            const int first = firstEpochTrained(run.output);
            const bool resumedRightAfter = first == acknowledged + 1 || first == acknowledged + 2 ||
                                           (first == 0 && acknowledged >= kEpochs - 1);
            QVERIFY2(resumedRightAfter, qPrintable(QString("round %1: %2 epochs acknowledged, "
                                                           "the run again began at epoch %3")
                                                       .arg(round)
                                                       .arg(acknowledged)
                                                       .arg(first)));
            resumedMidway += acknowledged > 0 && acknowledged < kEpochs ? 1 : 0;
            QCOMPARE(acknowledgedEpochs(package.string() + ".work/metrics.jsonl") >= kEpochs - 1,
                     true);
            const auto info = test_tools::runTool(kCli, {"model", "info", path(package)});
            QVERIFY2(info.exitCode == 0, qPrintable(info.output));
            fs::remove_all(package);
            fs::remove_all(package.string() + ".work");
        }
        qInfo("train: %d kills, %d while it ran, %d resumed after 1-%d acknowledged epochs "
              "(uninterrupted run %lld ms)",
              rounds, killedWhileRunning, resumedMidway, kEpochs - 1,
              static_cast<long long>(durationMs));
        QVERIFY2(resumedMidway > 0, "no kill fell between two epochs");
    }

    void missingMaskIsNamed() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeCohort(root / "cohort");
        fs::remove(root / "cohort" / "CASE-103" / "mask.nii.gz");
        const auto run =
            test_tools::runTool(kCli,
                                QStringList{"train", "--data", path(root / "cohort"), "--out",
                                            path(root / "m"), "--max-epochs", "1"} +
                                    tinyNetwork(),
                                600000);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.output.contains("CASE-103") && run.output.contains("no GTV mask"),
                 qPrintable(run.output));
    }
};

QTEST_GUILESS_MAIN(TestCliTraining)
#include "test_cli_training.moc"
