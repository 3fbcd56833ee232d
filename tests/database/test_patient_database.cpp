#include "DatabaseFixtures.h"
#include "metis/core/Sha256.h"
#include "metis/database/PatientDatabase.h"
#include "metis/database/Schema.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>

using namespace metis::db;

namespace {

// A tiny grid: the fixtures' series only need to exist.
metis::ImageGeometry tinyGrid() {
    metis::ImageGeometry grid;
    grid.size = {4, 4, 4};
    return grid;
}

// A patient with one imported series and one manual structure set (saved by an administrator,
// who may set any review status) in the given review status. Returns the structure set's id.
std::int64_t addPatientWithStructureSet(PatientDatabase& db, const std::string& folder,
                                        const std::string& id, const std::string& reviewStatus) {
    const auto author = db.findUser("admin") ? *db.findUser("admin")
                                             : db.addUser("admin", "Fixture Admin", Role::Admin);
    const auto series = fixtures::importVolumeSeries(db, folder, id, tinyGrid());
    const auto saved = db.saveStructureSetVersion(author, series, metis::LabelMap(tinyGrid()),
                                                  std::nullopt, "fixture");
    if (reviewStatus != saved.reviewStatus) {
        db.setReviewStatus(author, saved.id, reviewStatus);
    }
    return saved.id;
}

} // namespace

class TestPatientDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A lone voxel saved with an edit (a stray click) stays in the map but gets no lesion row.
    void aLoneVoxelIsNotALesionRow() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        std::int64_t versionId = 0;
        {
            PatientDatabase db(path);
            const auto author = db.addUser("admin", "Admin", Role::Admin);
            const auto series = fixtures::importVolumeSeries(db, dir.filePath("data").toStdString(),
                                                             "P1", tinyGrid());
            metis::LabelMap edit(tinyGrid());
            for (std::int64_t k = 0; k < 2; ++k) {
                for (std::int64_t j = 0; j < 2; ++j) {
                    edit.at(0, j, k) = 1;
                }
            }
            edit.at(3, 3, 3) = 2;
            versionId = db.saveStructureSetVersion(author, series, edit, std::nullopt, "edit").id;
        }
        SqliteDatabase raw(path, OpenMode::ReadOnly);
        auto rows = raw.prepare("SELECT label_value FROM lesions WHERE structure_set_ref = ?");
        rows.bind(1, versionId);
        QVERIFY(rows.step());
        QCOMPARE(rows.columnInt(0), std::int64_t{1});
        QVERIFY(!rows.step());
    }

    void createsLatestSchemaAndReopens() {
        QTemporaryDir dir;
        const auto path = dir.filePath("sub/metis.db").toStdString();
        {
            PatientDatabase db(path);
            QCOMPARE(db.stats().schemaVersion, latestSchemaVersion());
            QVERIFY(QFileInfo(dir.filePath("sub/storage")).isDir());
        }
        PatientDatabase again(path);
        QCOMPARE(again.stats().schemaVersion, latestSchemaVersion());
    }

    void olderDatabaseIsUpgradedNewerIsRefused() {
        QTemporaryDir dir;
        const auto path = dir.filePath("old.db").toStdString();
        {
            SqliteDatabase raw(path); // version 0: a database from before any schema
            raw.execute("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('kept')");
        }
        {
            PatientDatabase db(path);
            QCOMPARE(db.stats().schemaVersion, latestSchemaVersion());
        }
        {
            // The old table is not the product's: only a connection of its own still sees it.
            SqliteDatabase raw(path, OpenMode::ReadOnly);
            QCOMPARE(schemaVersion(raw), latestSchemaVersion());
            QCOMPARE(raw.scalar("SELECT text FROM notes"),
                     std::optional<SqlValue>(std::string("kept")));
        }
        {
            SqliteDatabase raw(path);
            raw.execute("UPDATE schema_version SET version = 999");
        }
        try {
            PatientDatabase db(path);
            QFAIL("a newer schema must be refused");
        } catch (const DatabaseError& e) {
            QVERIFY2(std::string(e.what()).find("newer") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("old.db") != std::string::npos, e.what());
        }
    }

    void auditChainDetectsModificationAndRemoval() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        PatientDatabase db(path);
        for (int i = 0; i < 5; ++i) {
            db.appendAudit("alice", "test.action", "patient", "P" + std::to_string(i),
                           "n=" + std::to_string(i));
        }
        QVERIFY(db.check().ok());
        QCOMPARE(db.check().auditEntriesVerified, std::int64_t{5});

        // Someone with raw file access, while the workstation has the database open: the file
        // itself refuses edits (append-only)...
        SqliteDatabase tamper(path, OpenMode::Existing);
        QVERIFY_THROWS_EXCEPTION(DatabaseError,
                                 tamper.execute("UPDATE audit_log SET details = 'x' WHERE id = 2"));
        QVERIFY_THROWS_EXCEPTION(DatabaseError,
                                 tamper.execute("DELETE FROM audit_log WHERE id = 2"));

        // ...until the guard is dropped and a row edited.
        tamper.execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                       "UPDATE audit_log SET details = 'n=42' WHERE id = 3");
        auto report = db.check();
        QVERIFY(!report.ok());
        QVERIFY(report.problems.front().find("row 3 was modified") != std::string::npos);

        const auto freshPath = dir.filePath("fresh.db").toStdString();
        PatientDatabase fresh(freshPath);
        for (int i = 0; i < 4; ++i) {
            fresh.appendAudit("bob", "a");
        }
        SqliteDatabase(freshPath, OpenMode::Existing)
            .execute("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2");
        report = fresh.check();
        QCOMPARE(report.problems.size(), size_t(2));
        QVERIFY(report.problems[0].find("row 3 does not follow") != std::string::npos);
        QVERIFY(report.problems[1].find("trigger audit_log_no_delete was dropped") !=
                std::string::npos);
    }

    // A tamperer with the file and SQLite writes a whole new log whose hashes are computed as
    // Metis computes them (here by Metis itself, in a second database), and restores the
    // triggers: every row follows the previous one, but the log no longer ends in the anchored
    // hash. Later commits do not move the anchor over the rewritten log.
    void auditLogRewrittenWithARecomputedChainIsDetected() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        PatientDatabase db(path);
        for (int i = 0; i < 5; ++i) {
            db.appendAudit("alice", "structure-set.save", "patient", "P" + std::to_string(i));
        }
        const auto forgedPath = dir.filePath("forged.db").toStdString();
        {
            PatientDatabase forged(forgedPath);
            for (int i = 0; i < 5; ++i) {
                forged.appendAudit("alice", "patient.view", "patient", "P" + std::to_string(i));
            }
        }
        SqliteDatabase(path, OpenMode::Existing)
            .execute("ATTACH DATABASE '" + forgedPath +
                     "' AS forged; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; "
                     "INSERT INTO audit_log SELECT * FROM forged.audit_log; "
                     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
                     "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        QCOMPARE(db.auditLog().front().action, std::string("patient.view"));

        auto report = db.check();
        QCOMPARE(report.problems.size(), size_t(1));
        QVERIFY2(report.problems.front().find("row 5 no longer carries its anchored hash") !=
                     std::string::npos,
                 report.problems.front().c_str());
        db.appendAudit("alice", "patient.view");
        PatientDatabase(path).appendAudit("bob", "patient.view");
        report = db.check();
        QCOMPARE(report.problems.size(), size_t(1));
        QVERIFY(report.problems.front().find("row 5 no longer") != std::string::npos);
    }

    void auditLogCutShortIsDetected() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        PatientDatabase db(path);
        for (int i = 0; i < 5; ++i) {
            db.appendAudit("alice", "model.activate");
        }
        SqliteDatabase(path, OpenMode::Existing)
            .execute("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > 3; "
                     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
                     "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        const auto report = PatientDatabase(path, OpenMode::ReadOnly).check();
        QCOMPARE(report.problems.size(), size_t(1));
        QVERIFY2(report.problems.front().find("anchored row 5 is gone") != std::string::npos &&
                     report.problems.front().find("last row is 3") != std::string::npos,
                 report.problems.front().c_str());
    }

    void droppedOrChangedAppendOnlyTriggersAreDetected() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        PatientDatabase db(path);
        db.appendAudit("alice", "a");
        SqliteDatabase raw(path, OpenMode::Existing);
        raw.execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 "
                    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        const auto report = db.check();
        QCOMPARE(report.problems.size(), size_t(2));
        QVERIFY(report.problems[0].find("trigger audit_log_no_update was dropped") !=
                std::string::npos);
        QVERIFY(report.problems[1].find("trigger audit_log_no_delete was changed") !=
                std::string::npos);
    }

    // The anchor follows the commits of every connection; one left behind (a crash between a
    // commit and its anchor) is still true and catches up at the next open; one deleted is
    // reported, and a read-write open anchors the log again with an audit entry saying so.
    void auditAnchorFollowsCommitsAndIsReanchoredInTheOpen() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        PatientDatabase first(path);
        PatientDatabase second(path);
        for (int i = 0; i < 3; ++i) {
            first.appendAudit("alice", "a");
            second.appendAudit("bob", "b");
        }
        const std::string anchorPath = first.auditAnchorPath();
        QCOMPARE(anchorPath, path + ".audit-anchor");
        auto anchorText = [&] {
            std::ifstream in(anchorPath);
            return std::string(std::istreambuf_iterator<char>(in), {});
        };
        QVERIFY2(anchorText().find("row 6\n") != std::string::npos, anchorText().c_str());
        QVERIFY(first.check().ok());
        namespace fs = std::filesystem;
        QVERIFY(fs::status(anchorPath).permissions() ==
                (fs::perms::owner_read | fs::perms::owner_write));

        const std::string behind = anchorText();
        first.appendAudit("alice", "a");
        std::ofstream(anchorPath, std::ios::trunc) << behind;
        QVERIFY(second.check().ok());
        PatientDatabase reopened(path);
        QVERIFY2(anchorText().find("row 7\n") != std::string::npos, anchorText().c_str());

        std::filesystem::remove(anchorPath);
        auto report = first.check();
        QCOMPARE(report.problems.size(), size_t(1));
        QVERIFY(report.problems.front().find(anchorPath + " is missing") != std::string::npos);
        first.appendAudit("alice", "a");
        QVERIFY(!std::filesystem::exists(anchorPath));

        PatientDatabase(path).check();
        QVERIFY(first.check().ok());
        const auto entries = first.auditLog({}, {}, "audit.anchor-created");
        QCOMPARE(entries.size(), size_t(1));
        QVERIFY(entries.front().details.find("had 8 rows and no anchor") != std::string::npos);
    }

    void storedFileTamperingIsDetected() {
        QTemporaryDir dir;
        const auto source = dir.filePath("slice.dcm").toStdString();
        std::ofstream(source, std::ios::binary) << "pretend DICOM bytes";
        ManagedStorage storage(dir.filePath("loose").toStdString());
        const auto stored = storage.store(source, ".dcm");
        QVERIFY(!stored.alreadyPresent);
        QVERIFY(storage.store(source, ".dcm").alreadyPresent);

        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto structureSet =
            addPatientWithStructureSet(db, dir.filePath("data").toStdString(), "P1", "draft");
        const auto labelMap = db.structureSetVersion(structureSet)->labelMapPath;
        QVERIFY(db.check().ok());
        std::ofstream(labelMap, std::ios::app) << "!";
        const auto report = db.check();
        QCOMPARE(report.problems.size(), size_t(1));
        QVERIFY(report.problems.front().find("was modified") != std::string::npos);
        QVERIFY(report.problems.front().find(db.structureSetVersion(structureSet)->sha256) !=
                std::string::npos);
    }

    void rolesAreEnforcedAndAudited() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const User annotator = db.addUser("ann", "Ann Otator", Role::Annotator);
        const User physicist = db.addUser("phy", "Phil Sicist", Role::Physicist);
        const User oncologist = db.addUser("onc", "Olga Cologist", Role::Oncologist);
        const auto structureSet =
            addPatientWithStructureSet(db, dir.filePath("data").toStdString(), "P1", "draft");

        QVERIFY_THROWS_EXCEPTION(PermissionDenied,
                                 db.setReviewStatus(annotator, structureSet, "approved"));
        db.setReviewStatus(annotator, structureSet, "corrected");
        db.setReviewStatus(oncologist, structureSet, "approved");

        std::vector<std::int64_t> models;
        for (const std::string version : {"1.0", "1.1"}) {
            const auto package =
                dir.filePath(QString::fromStdString("model-" + version)).toStdString();
            std::filesystem::create_directories(package);
            const auto weights = package + "/weights.pt";
            std::ofstream(weights, std::ios::binary) << "weights " << version;
            models.push_back(db.registerModel(physicist, package, "weights.pt", version,
                                              metis::sha256OfFile(weights), "{}"));
        }
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, db.activateModel(annotator, models[0]));
        db.activateModel(physicist, models[0]);
        db.activateModel(physicist, models[1]);
        std::size_t active = 0;
        for (const auto& model : db.listModels()) {
            active += model.active ? 1 : 0;
        }
        QCOMPARE(active, std::size_t{1});
        QCOMPARE(db.activeModel()->id, models[1]);

        QCOMPARE(db.auditLog("ann", "", "permission.denied").size(), size_t(2));
        QCOMPARE(db.auditLog("onc", std::to_string(structureSet), "structure_set.review").size(),
                 size_t(1));
        QCOMPARE(db.auditLog("phy", "", "model.activate").size(), size_t(2));
        QVERIFY(db.check().ok());
    }

    void patientListFiltersSortsAndPages() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto data = dir.filePath("data").toStdString();
        for (int i = 0; i < 25; ++i) {
            const std::string id = "P" + QString::number(i).rightJustified(3, '0').toStdString();
            if (i % 2 == 0) {
                addPatientWithStructureSet(db, data, id, i % 4 == 0 ? "approved" : "draft");
            } else {
                db.upsertPatient({id, "NAME^" + id, "", ""});
            }
            db.setClinicalLabel(
                *db.findPatient(id), i % 3 == 0 ? EgfrStatus::Mutant : EgfrStatus::WildType,
                "2020-01-" + QString::number(i + 1).rightJustified(2, '0').toStdString(), "csv");
        }
        PatientQuery all;
        all.limit = 10;
        auto page = db.listPatients(all);
        QCOMPARE(page.rows.size(), size_t(10));
        QCOMPARE(page.totalMatching, std::int64_t{25});
        QCOMPARE(page.rows.front().patientId, std::string("P000"));

        all.offset = 20;
        QCOMPARE(db.listPatients(all).rows.size(), size_t(5));
        all.offset = 40;
        page = db.listPatients(all);
        QVERIFY(page.rows.empty());
        QCOMPARE(page.totalMatching, std::int64_t{25});

        PatientQuery mutants;
        mutants.egfr = EgfrStatus::Mutant;
        QCOMPARE(db.listPatients(mutants).totalMatching, std::int64_t{9}); // 0,3,...,24

        PatientQuery withGtv;
        withGtv.hasManualGtv = true;
        withGtv.sort = PatientQuery::Sort::DiagnosisDate;
        withGtv.descending = true;
        page = db.listPatients(withGtv);
        QCOMPARE(page.totalMatching, std::int64_t{13});
        QCOMPARE(page.rows.front().patientId, std::string("P024"));

        PatientQuery approved;
        approved.reviewStatus = "approved";
        approved.dateFrom = "2020-01-05";
        approved.dateTo = "2020-01-20";
        QCOMPARE(db.listPatients(approved).totalMatching,
                 std::int64_t{4}); // P004, P008, P012, P016

        PatientQuery text;
        text.text = "P01";
        QCOMPARE(db.listPatients(text).totalMatching, std::int64_t{10});

        // Training candidates: every patient with its series, newest GTV version and label.
        const auto candidates = db.trainingCandidates();
        QCOMPARE(candidates.size(), size_t(25));
        QCOMPARE(candidates[0].patientId, std::string("P000"));
        QVERIFY(candidates[0].seriesId != 0 && candidates[0].structureSetId != 0);
        QCOMPARE(candidates[0].reviewStatus, std::string("approved"));
        QCOMPARE(candidates[0].egfrStatus, std::string("mutant"));
        QCOMPARE(candidates[0].diagnosisDate, std::string("2020-01-01"));
        QCOMPARE(candidates[1].seriesId, std::int64_t{0}); // no image
        QCOMPARE(candidates[1].structureSetId, std::int64_t{0});
        QCOMPARE(candidates[1].egfrStatus, std::string("wild_type"));
        QCOMPARE(candidates[2].reviewStatus, std::string("draft"));
    }

    void emptyOrLostDatabaseIsNeverReplacedByANewOne() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metis.db").toStdString();
        std::ofstream(path).close(); // a truncated database: 0 bytes, its patients' files beside
        QVERIFY(QDir(dir.path()).mkpath("storage/ab"));
        std::ofstream(dir.filePath("storage/ab/instance.dcm").toStdString()) << "DICM";
        for (const auto mode :
             {OpenMode::CreateIfMissing, OpenMode::Existing, OpenMode::ReadOnly}) {
            try {
                PatientDatabase db(path, mode);
                QFAIL("an empty database file was opened");
            } catch (const DatabaseError& e) {
                QVERIFY2(std::string(e.what()).find("empty") != std::string::npos, e.what());
            }
            QCOMPARE(QFileInfo(QString::fromStdString(path)).size(), qint64{0});
        }

        // 0 bytes and nothing stored: a first start killed between SQLite's creating the file
        // and writing it. Only a start that may create a database initialises it.
        QTemporaryDir killed;
        const std::string killedPath = killed.filePath("metis.db").toStdString();
        std::ofstream(killedPath).close();
        QVERIFY_THROWS_EXCEPTION(DatabaseError, PatientDatabase(killedPath, OpenMode::ReadOnly));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, PatientDatabase(killedPath, OpenMode::Existing));
        QCOMPARE(PatientDatabase(killedPath).stats().patients, std::int64_t{0});

        // The database is gone but its storage still holds patient files.
        QTemporaryDir lost;
        QVERIFY(QDir(lost.path()).mkpath("storage/ab"));
        std::ofstream(lost.filePath("storage/ab/instance.dcm").toStdString()) << "DICM";
        const std::string lostPath = lost.filePath("metis.db").toStdString();
        QVERIFY_THROWS_EXCEPTION(DatabaseError, PatientDatabase{lostPath});
        QVERIFY(!QFileInfo::exists(QString::fromStdString(lostPath)));

        // Nothing at all: only CreateIfMissing creates.
        QTemporaryDir empty;
        const std::string newPath = empty.filePath("metis.db").toStdString();
        QVERIFY_THROWS_EXCEPTION(DatabaseError, PatientDatabase(newPath, OpenMode::ReadOnly));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, PatientDatabase(newPath, OpenMode::Existing));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(newPath)));
        PatientDatabase created(newPath, OpenMode::CreateIfMissing);
        QVERIFY(QFileInfo::exists(QString::fromStdString(newPath)));
    }

    void damagedDatabaseIsRefused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metis.db").toStdString();
        {
            PatientDatabase db(path);
            for (int i = 0; i < 200; ++i) {
                db.upsertPatient({"P" + std::to_string(i), std::string(200, 'N'), "", ""});
            }
        }
        // What a backup tool does before copying: everything into the main file, so that the
        // damage below hits the tables.
        SqliteDatabase(path, OpenMode::Existing).execute("PRAGMA wal_checkpoint(TRUNCATE)");
        {
            // Garbage over every page but the first (the schema): the tables' b-trees.
            const auto size = std::filesystem::file_size(path);
            QVERIFY(size > 3 * 4096);
            std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(4096);
            const std::string garbage(size - 4096, '\x5a');
            file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
        for (const auto mode : {OpenMode::CreateIfMissing, OpenMode::ReadOnly}) {
            try {
                PatientDatabase db(path, mode);
                QFAIL("a damaged database was opened");
            } catch (const DatabaseError& e) {
                QVERIFY2(std::string(e.what()).find("damaged") != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
            }
        }
    }

    void readOnlyOpenChangesNothing() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metis.db").toStdString();
        {
            PatientDatabase db(path);
            db.appendAudit("alice", "a");
        }
        const auto snapshot = [&] {
            QStringList state;
            // The -shm file is SQLite's shared-memory index, which every reader updates.
            for (const auto& info :
                 QDir(dir.path()).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
                if (info.fileName().endsWith("-shm")) {
                    continue;
                }
                state << info.fileName() + ":" + QString::number(info.size()) + ":" +
                             QString::number(info.lastModified().toMSecsSinceEpoch());
            }
            return state.join(",");
        };
        const QString before = snapshot();
        {
            PatientDatabase db(path, OpenMode::ReadOnly);
            QVERIFY(db.check().ok());
            QCOMPARE(db.stats().auditEntries, std::int64_t{1});
            QVERIFY_THROWS_EXCEPTION(DatabaseError, db.appendAudit("alice", "b"));
        }
        QCOMPARE(snapshot(), before);
    }

    void searchTextIsLiteralNotAPattern() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        db.upsertPatient({"P_01", "SMITH^ANN", "", ""});
        db.upsertPatient({"P101", "JONES^BOB", "", ""});
        db.upsertPatient({"Q100%", "DOE^JO", "", ""});
        const auto matching = [&](const std::string& text) {
            PatientQuery query;
            query.text = text;
            return db.listPatients(query).totalMatching;
        };
        QCOMPARE(matching("%"), std::int64_t{1}); // only Q100%, not every patient
        QCOMPARE(matching("_"), std::int64_t{1}); // only P_01
        QCOMPARE(matching("P_0"), std::int64_t{1});
        QCOMPARE(matching("smith"), std::int64_t{1}); // still case-insensitive
        QCOMPARE(matching("p1"), std::int64_t{1});

        db.appendAudit("tester", "patient.open", "patient", "P_01", "");
        db.appendAudit("tester", "patientXopen", "patient", "P_01", "");
        QCOMPARE(db.auditLog("", "", "patient.", 10).size(), size_t(1));
        QCOMPARE(db.auditLog("", "", "patient_", 10).size(), size_t(0));
    }

    void egfrSpellings() {
        QVERIFY(egfrStatusFromString(" Positive ") == EgfrStatus::Mutant);
        QVERIFY(egfrStatusFromString("wild-type") == EgfrStatus::WildType);
        QVERIFY(egfrStatusFromString("") == EgfrStatus::Unknown);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, egfrStatusFromString("maybe"));
    }
};

QTEST_GUILESS_MAIN(TestPatientDatabase)
#include "test_patient_database.moc"
