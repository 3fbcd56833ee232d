// SIGKILL at random moments of the database's writing commands, on the built metis-cli: storing
// an AI result (`db infer`), registering a model (`model register`) and storing a structure set
// (`import` of an RTSTRUCT). After every kill the
// database passes `db check` (integrity, foreign keys, audit chain and anchor, every stored
// file's checksum), holds the result whole or not at all, and the command run again completes
// with exactly one result more. Rounds per command: $METIS_KILL_ROUNDS (default 100, about two
// minutes). Import is killed the same way in the database tests, the trainer in test_cli_training
// and the training wizard's tests.
#include "../database/ImportFixtures.h"
#include "ExternalTool.h"
#include "KillRounds.h"
#include "metis/database/PatientDatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <filesystem>

using namespace metis;
using test_tools::killRounds;
using test_tools::runTool;
namespace fs = std::filesystem;

namespace {

// A copy of the prepared database folder (database, anchor, storage) to kill a command in.
QString copyOf(const QString& templateDir, const QString& target) {
    fs::copy(templateDir.toStdString(), target.toStdString(), fs::copy_options::recursive);
    return target + "/metis.db";
}

// Starts the command, kills it after `killAfterMs` (or lets it finish when negative); true when
// it was still running at the kill.
bool runAndKill(const QStringList& arguments, qint64 killAfterMs, qint64* elapsedMs = nullptr) {
    QProcess child;
    child.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    child.start(METIS_CLI_PATH, arguments);
    if (!child.waitForStarted()) {
        return false;
    }
    if (killAfterMs < 0) {
        child.waitForFinished(120000);
        if (elapsedMs) {
            *elapsedMs = timer.elapsed();
        }
        if (child.exitCode() != 0) {
            qWarning("%s", child.readAll().constData());
        }
        return false;
    }
    // The pid is taken while the child surely exists: QProcess answers 0 once it has ended,
    // and kill(0) would kill this test's whole process group.
    const auto pid = static_cast<pid_t>(child.processId());
    child.waitForFinished(static_cast<int>(killAfterMs));
    const bool running = child.state() == QProcess::Running;
    if (running && pid > 0) {
        ::kill(pid, SIGKILL);
    }
    child.waitForFinished();
    return running;
}

void requireSound(db::PatientDatabase& database, const QString& where) {
    const auto report = database.check();
    QVERIFY2(report.ok(),
             qPrintable(where + ": " +
                        QString::fromStdString(report.problems.empty() ? std::string()
                                                                       : report.problems.front())));
}

struct Campaign {
    int rounds = 0;
    int killedWhileRunning = 0;
    int stored = 0; ///< rounds whose result was stored before the kill
};

} // namespace

class TestCliCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        templateDir_ = dir_.filePath("template");
        const QString database = templateDir_ + "/metis.db";
        QVERIFY(runTool(METIS_CLI_PATH, {"db", "init", "--db", database}).exitCode == 0);
        fixtures::writePatient(dir_.filePath("data").toStdString(), "K1", 48, 16);
        // A second patient whose RTSTRUCT is what the structure-set campaign imports.
        const auto withContours = fixtures::writePatient(dir_.filePath("data").toStdString(), "R1");
        fs::create_directories(dir_.filePath("contours/R1").toStdString());
        rtstruct_ = QString::fromStdString(
            fixtures::writeRtStruct(dir_.filePath("contours").toStdString(), withContours)
                .string());
        auto result = runTool(METIS_CLI_PATH, {"import", dir_.filePath("data"), "--db", database});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        for (const char* name : {"model-a", "model-b"}) {
            result =
                runTool(METIS_CLI_PATH, {"model", "create-random", "--out", dir_.filePath(name),
                                         "--input-size", "64", "--base-width", "4"});
            QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        }
        result = runTool(METIS_CLI_PATH, {"model", "register", dir_.filePath("model-a"), "--db",
                                          database, "--user", "physicist", "--activate",
                                          "--force-untrained", "--reason", "crash test"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    }

    void killedInferenceStoresAllOrNothing() {
        const QStringList infer{"db", "infer", "--user", "oncologist", "--patient", "K1"};
        const Campaign campaign = run("infer", infer, [](db::PatientDatabase& database) {
            return static_cast<int>(database.stats().inferenceRuns);
        });
        qInfo("db infer: %d kills, %d while it ran, %d after the result was stored",
              campaign.rounds, campaign.killedWhileRunning, campaign.stored);
    }

    void killedRegistrationRegistersAllOrNothing() {
        const QStringList registration{
            "model", "register", dir_.filePath("model-b"), "--user", "physicist", "--version", "b"};
        const Campaign campaign = run("register", registration, [](db::PatientDatabase& database) {
            return static_cast<int>(database.listModels().size()) - 1;
        });
        qInfo("model register: %d kills, %d while it ran, %d after the model was registered",
              campaign.rounds, campaign.killedWhileRunning, campaign.stored);
    }

    void killedStructureSetImportStoresAllOrNothing() {
        const QStringList import{"import", rtstruct_};
        const Campaign campaign = run("rtstruct", import, [](db::PatientDatabase& database) {
            return static_cast<int>(database.stats().structureSets);
        });
        qInfo("structure set import: %d kills, %d while it ran, %d after it was stored",
              campaign.rounds, campaign.killedWhileRunning, campaign.stored);
    }

private:
    // Kills `arguments` (plus --db) at uniform random moments of an uninterrupted run's
    // duration; `results` counts what the command adds (0 before, 1 once done).
    template <typename Count>
    Campaign run(const QString& name, const QStringList& arguments, Count results) {
        Campaign campaign;
        qint64 durationMs = 0;
        {
            const QString database = copyOf(templateDir_, dir_.filePath(name + "-reference"));
            runAndKill(arguments + QStringList{"--db", database}, -1, &durationMs);
            db::PatientDatabase reference(database.toStdString());
            if (results(reference) != 1) {
                qFatal("%s did not complete uninterrupted", qPrintable(name));
            }
        }
        auto* random = QRandomGenerator::global();
        for (; campaign.rounds < killRounds(); ++campaign.rounds) {
            const QString database = copyOf(
                templateDir_, dir_.filePath(QString("%1-%2").arg(name).arg(campaign.rounds)));
            const QStringList command = arguments + QStringList{"--db", database};
            campaign.killedWhileRunning +=
                runAndKill(command, random->bounded(durationMs + 1)) ? 1 : 0;
            {
                db::PatientDatabase killed(database.toStdString());
                requireSound(killed, name + " killed");
                const int count = results(killed);
                if (count != 0 && count != 1) {
                    qFatal("%s left %d results", qPrintable(name), count);
                }
                campaign.stored += count;
            }
            if (campaign.rounds % 5 == 0) {
                // Running it again completes it: one result, never two.
                const bool storedBefore = [&] {
                    db::PatientDatabase again(database.toStdString());
                    return results(again) == 1;
                }();
                if (!storedBefore) {
                    runAndKill(command, -1);
                    db::PatientDatabase completed(database.toStdString());
                    requireSound(completed, name + " completed");
                    if (results(completed) != 1) {
                        qFatal("%s run again after a kill did not complete", qPrintable(name));
                    }
                }
            }
            fs::remove_all(fs::path(database.toStdString()).parent_path());
        }
        return campaign;
    }

    QTemporaryDir dir_;
    QString templateDir_;
    QString rtstruct_;
};

QTEST_GUILESS_MAIN(TestCliCrashSafety)
#include "test_cli_crash_safety.moc"
