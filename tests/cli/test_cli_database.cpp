// The patient database shared between a running workstation and metis-cli, and metis-cli's
// refusal to treat an empty, lost or damaged database as a new one.
#include "ExternalTool.h"
#include "metis/database/PatientDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace metis;
using test_tools::runTool;

namespace {

// What a file dialog does to the folder it lists: open each file to sniff its type, close it.
// Closing any descriptor of a file drops every POSIX lock the process holds on that file.
void sniffLikeAFileDialog(const QString& folder) {
    for (const auto& info : QDir(folder).entryInfoList(QDir::Files)) {
        const int descriptor = ::open(QFile::encodeName(info.filePath()).constData(), O_RDONLY);
        QVERIFY(descriptor >= 0);
        char header[64];
        QVERIFY(::read(descriptor, header, sizeof header) >= 0);
        ::close(descriptor);
    }
}

} // namespace

class TestCliDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The sequence that lost data under the GUI: the workstation has the database open, a file
    // dialog lists its folder, then metis-cli opens and closes the database. metis-cli must not
    // checkpoint and delete the WAL under the workstation.
    void secondProcessLeavesTheRunningWorkstationsWalAlone() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("metis.db");
        db::PatientDatabase workstation(dbPath.toStdString());
        workstation.appendAudit("alice", "session.start");
        workstation.appendAudit("alice", "patient.open", "patient", "P1");
        QVERIFY(QFileInfo::exists(dbPath + "-wal"));

        sniffLikeAFileDialog(dir.path());
        // A read-write session of a second process (here `db init`, which adds the role users).
        auto result = runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY(QFileInfo::exists(dbPath + "-wal"));
        const auto afterSecondProcess = workstation.stats().auditEntries;
        QVERIFY(afterSecondProcess > 2);

        // The workstation goes on writing, and every entry is where it should be.
        workstation.appendAudit("alice", "inference.run", "series", "1");
        const auto report = workstation.check();
        QVERIFY(report.ok());
        QCOMPARE(report.auditEntriesVerified, afterSecondProcess + 1);
        result = runTool(METIS_CLI_PATH, {"db", "check", "--db", dbPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY2(result.output.contains(QString::number(afterSecondProcess + 1) + " audit entries"),
                 qPrintable(result.output));
    }

    void emptyLostOrDamagedDatabaseIsAnError() {
        QTemporaryDir dir;
        // A truncated database: 0 bytes, with its patients' files in the storage beside it.
        const QString empty = dir.filePath("empty.db");
        std::ofstream(empty.toStdString()).close();
        QVERIFY(QDir().mkpath(dir.filePath("storage/ab")));
        std::ofstream(dir.filePath("storage/ab/file.dcm").toStdString()) << "DICM";
        for (const QStringList& command : {QStringList{"db", "check"}, QStringList{"db", "stats"},
                                           QStringList{"import", dir.path()}}) {
            const auto result = runTool(METIS_CLI_PATH, command + QStringList{"--db", empty});
            QVERIFY2(result.exitCode == 1, qPrintable(command.join(' ') + ": " + result.output));
            QVERIFY2(result.output.contains("is empty (0 bytes)"), qPrintable(result.output));
            QCOMPARE(QFileInfo(empty).size(), qint64{0});
        }

        const QString missing = dir.filePath("nowhere/metis.db");
        auto result = runTool(METIS_CLI_PATH, {"db", "check", "--db", missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("no database at " + missing), qPrintable(result.output));
        QVERIFY(!QFileInfo::exists(missing));

        // A database whose file was lost while its storage survived.
        const QString site = dir.filePath("site");
        QVERIFY(QDir().mkpath(site + "/storage/ab"));
        std::ofstream((site + "/storage/ab/file.dcm").toStdString()) << "DICM";
        result = runTool(METIS_CLI_PATH, {"db", "init", "--db", site + "/metis.db"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("is missing but its storage folder"),
                 qPrintable(result.output));
        QVERIFY(!QFileInfo::exists(site + "/metis.db"));
    }

    /// `cohort` on an empty database: nobody is eligible, and the unusable split is an error
    /// naming the problem (the selection itself is tested in test_workflow_training_cohort).
    void cohortNamesTheExcludedAndRefusesAnUnusableSplit() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("metis.db");
        QCOMPARE(runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath}).exitCode, 0);
        auto result = runTool(METIS_CLI_PATH, {"cohort", "--db", dbPath});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("eligible patients: 0"), qPrintable(result.output));
        QVERIFY2(result.output.contains("need at least 11"), qPrintable(result.output));
        result = runTool(METIS_CLI_PATH, {"cohort", "--db", dbPath, "--min-review", "glanced"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.output.contains("--min-review"), qPrintable(result.output));
    }

    // metis-cli writes everything with umask 077, so files and folders the database layer does
    // not tighten itself (a new database's folder, exports, reports) are private too.
    void whatTheCommandLineWritesIsPrivate() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("site/new/metis.db");
        const mode_t previous = ::umask(022);
        const auto result = runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath});
        ::umask(previous);
        QCOMPARE(result.exitCode, 0);
        const auto permissions = [](const QString& path) {
            return QFileInfo(path).permissions() &
                   (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                    QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                    QFile::ExeOther);
        };
        QCOMPARE(permissions(dbPath), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(permissions(dir.filePath("site/new")),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(permissions(dir.filePath("site")),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    // The audit names who imported by a verified identity: a signed-in user, or the OS account
    // that ran the import; a name that cannot sign in imports nothing.
    void importIsAuditedAsAVerifiedIdentity() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("metis.db");
        QCOMPARE(runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath}).exitCode, 0);
        const QString csv = dir.filePath("clinical.csv");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("patient_id,egfr\nP1,mutant\n");
        file.close();
        auto result = runTool(METIS_CLI_PATH, {"import", csv, "--db", dbPath, "--user", "mallory"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("no active user 'mallory'"), qPrintable(result.output));
        result = runTool(METIS_CLI_PATH, {"import", csv, "--db", dbPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("patient_id,egfr\nP2,wild type\n");
        file.close();
        result = runTool(METIS_CLI_PATH, {"import", csv, "--db", dbPath, "--user", "annotator"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        db::PatientDatabase database(dbPath.toStdString());
        QVERIFY(database.auditLog("mallory", {}, "clinical.").empty());
        QVERIFY(!database.auditLog("os:" + db::currentOsAccount(), {}, "clinical.").empty());
        QVERIFY(!database.auditLog("annotator", {}, "clinical.").empty());
    }

    void everyCommandAnswersHelp() {
        for (const QStringList& command :
             {QStringList{"db", "stats"}, QStringList{"db", "check"}, QStringList{"import"},
              QStringList{"train"}, QStringList{"evaluate"}, QStringList{"cohort"}}) {
            const auto result = runTool(METIS_CLI_PATH, command + QStringList{"--help"});
            QVERIFY2(result.exitCode == 0, qPrintable(command.join(' ') + ": " + result.output));
            QVERIFY2(result.output.contains("usage: metis-cli " + command.join(' ')),
                     qPrintable(result.output));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDatabase)
#include "test_cli_database.moc"
