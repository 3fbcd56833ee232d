#include "DatabaseFixtures.h"
#include "ImportFixtures.h"
#include "KillRounds.h"
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <clocale>
#include <csignal>
#include <sys/mount.h>

using namespace metis;
using namespace metis::db;
namespace fs = std::filesystem;

namespace {

bool anyMessageContains(const std::vector<ImportProblem>& problems, const std::string& path,
                        const std::string& text) {
    for (const auto& p : problems) {
        if (p.path.find(path) != std::string::npos && p.message.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// No series is visible with fewer instances than it declares, and the file is sound (check()
// runs SQLite's integrity check too).
void assertConsistent(PatientDatabase& db) {
    QCOMPARE(fixtures::seriesWithWrongInstanceCount(db), std::vector<std::string>{});
    const auto report = db.check();
    QVERIFY2(report.ok(), report.ok() ? "" : report.problems.front().c_str());
}

// The image series of `patientId`; exactly one expected.
PatientDatabase::SeriesSummary onlySeriesOf(PatientDatabase& db, const std::string& patientId) {
    const auto series = db.seriesOfPatient(patientId);
    if (series.size() != 1) {
        throw std::runtime_error(patientId + " has " + std::to_string(series.size()) + " series");
    }
    return series.front();
}

} // namespace

class TestImporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsSeriesStructureSetsAndClinicalDataOnce() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("data").toStdString();
        const auto p1 = fixtures::writePatient(data, "P001");
        fixtures::writePatient(data, "P002");
        fixtures::writeRtStruct(data, p1);
        fixtures::writeText(data / "notes.txt", "not DICOM");
        fixtures::writeText(data / "clinical.csv",
                            "PatientID,Diagnosis Date,EGFR\nP001,2021-03-01,mutant\n"
                            "P002,20210402,wild-type\nP003,2021-05-01,maybe\nP004\n");

        PatientDatabase db(dir.filePath("db/metis.db").toStdString());
        NullProgressSink quiet;
        auto report = importPaths(db, {data.string()}, {}, quiet);
        QCOMPARE(report.seriesImported, size_t(2));
        QCOMPARE(report.instancesImported, size_t(24));
        QCOMPARE(report.structureSetsImported, size_t(1));
        QCOMPARE(report.clinicalRowsImported, size_t(2));
        QVERIFY(anyMessageContains(report.errors, "clinical.csv line 4", "maybe"));
        QVERIFY(anyMessageContains(report.errors, "clinical.csv line 5", "fewer than the header"));
        QVERIFY(anyMessageContains(report.notes, "notes.txt", "not a DICOM file"));
        {
            // ROI rows have no reader in the product yet: look into the file itself.
            SqliteDatabase file(db.path(), OpenMode::ReadOnly);
            QCOMPARE(file.scalar("SELECT count(*) FROM rois"),
                     std::optional<SqlValue>(std::int64_t{2})); // lesion + GTV_ALL
            // One lesion row, for the lesion ROI (GTV_ALL is the union, no lesion of its own),
            // measured on its contours: a sphere of 6 mm radius sampled on 1 x 1 x 2 mm voxels
            // (4/3 pi 6^3 = 905 mm3; the voxel centres inside it span 11.7 mm).
            auto lesion = file.prepare(
                "SELECT l.label_value, r.name, l.volume_ml, l.max_diameter_mm, l.centre_x, "
                "l.centre_y, l.centre_z, l.axial_diameter_mm FROM lesions l "
                "JOIN rois r ON r.id = l.roi_ref");
            QVERIFY(lesion.step());
            QCOMPARE(lesion.columnInt(0), std::int64_t{1});
            QCOMPARE(lesion.columnText(1), std::string("GTV_01"));
            QVERIFY2(std::abs(lesion.columnDouble(2) - 0.905) < 0.2,
                     std::to_string(lesion.columnDouble(2)).c_str());
            QVERIFY2(lesion.columnDouble(3) > 10.0 && lesion.columnDouble(3) < 13.0,
                     std::to_string(lesion.columnDouble(3)).c_str());
            for (int axis = 4; axis <= 6; ++axis) {
                QVERIFY(std::abs(lesion.columnDouble(axis)) < 0.5);
            }
            // Axial contours: the widest one (z = 0, voxel edges of the 6 mm disc) gives the
            // RANO-BM diameter, at most the 3D extent.
            QVERIFY2(lesion.columnDouble(7) > 10.0 &&
                         lesion.columnDouble(7) <= lesion.columnDouble(3) + 1e-9,
                     std::to_string(lesion.columnDouble(7)).c_str());
            QVERIFY(!lesion.step());
        }
        QCOMPARE(db.stats().clinicalLabels, std::int64_t{2});
        assertConsistent(db);
        // Patient data is the owner's alone, whatever this process's umask (the test's is
        // usually 022): the database and its WAL 0600, the storage folder 0700, stored files
        // 0600.
        const auto mode = [](const fs::path& path) {
            return fs::status(path).permissions() & fs::perms::all;
        };
        const fs::perms ownerFile = fs::perms::owner_read | fs::perms::owner_write;
        QVERIFY(mode(db.path()) == ownerFile);
        QVERIFY(mode(db.path() + "-wal") == ownerFile);
        const fs::path storage = fs::path(db.path()).parent_path() / "storage";
        QVERIFY2(fs::is_directory(storage), storage.c_str());
        QVERIFY(mode(storage) == fs::perms::owner_all);
        std::size_t storedFiles = 0;
        for (const auto& entry : fs::recursive_directory_iterator(storage)) {
            if (entry.is_regular_file()) {
                ++storedFiles;
                QVERIFY2(mode(entry.path()) == ownerFile, entry.path().c_str());
            }
        }
        QVERIFY(storedFiles >= 25); // 24 instances and the RTSTRUCT

        const auto before = db.stats();
        report = importPaths(db, {data.string()}, {}, quiet);
        QCOMPARE(report.seriesImported, size_t(0));
        QCOMPARE(report.seriesAlreadyPresent, size_t(2));
        QCOMPARE(report.structureSetsAlreadyPresent, size_t(1));
        QCOMPARE(report.clinicalRowsImported, size_t(0));
        const auto after = db.stats();
        QCOMPARE(after.instances, before.instances);
        QCOMPARE(after.structureSets, before.structureSets);
        QCOMPARE(after.auditEntries, before.auditEntries);

        PatientQuery withGtv;
        withGtv.hasManualGtv = true;
        const auto page = db.listPatients(withGtv);
        QCOMPARE(page.rows.size(), size_t(1));
        QCOMPARE(page.rows.front().patientId, std::string("P001"));
        QCOMPARE(page.rows.front().egfrStatus, std::string("mutant"));
    }

    void badInputIsReportedPerFileAndTheRestImported() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("data").toStdString();
        const fs::path orphanSource = dir.filePath("elsewhere").toStdString();
        const auto orphan = fixtures::writePatient(orphanSource, "P009");
        const auto orphanRt = fixtures::writeRtStruct(orphanSource, orphan);
        fs::create_directories(data);
        fs::copy_file(orphanRt, data / "orphan-rtstruct.dcm");
        fixtures::writePatient(data, "P010");
        // A truncated copy of a valid slice.
        const auto valid = orphan.series.files.front();
        std::string bytes(fs::file_size(valid), '\0');
        std::ifstream(valid, std::ios::binary).read(bytes.data(), static_cast<long>(bytes.size()));
        // Cut inside the file meta header, so even a header-only scan must notice.
        fixtures::writeText(data / "truncated.dcm", bytes.substr(0, 200));

        PatientDatabase db(dir.filePath("metis.db").toStdString());
        NullProgressSink quiet;
        const auto report =
            importPaths(db, {data.string(), dir.filePath("missing").toStdString()}, {}, quiet);
        QCOMPARE(report.seriesImported, size_t(1));
        QVERIFY(anyMessageContains(report.errors, "orphan-rtstruct.dcm", "not in the database"));
        QVERIFY(anyMessageContains(report.errors, "truncated.dcm", "truncated or corrupt"));
        QVERIFY(anyMessageContains(report.errors, "missing", "does not exist"));
        assertConsistent(db);
    }

    // A real export holds localizers beside the diagnostic series: they are skipped with a note,
    // and an import in which every diagnostic series arrived succeeds.
    void localizersAreSkippedWithANote() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("export").toStdString();
        const auto diagnostic = fixtures::writePatient(data, "P020");
        NullProgressSink quiet;
        imaging::DicomWriteOptions flagged;
        flagged.metadata.patientId = "P020";
        flagged.metadata.imageType = "ORIGINAL\\PRIMARY\\LOCALIZER";
        flagged.metadata.seriesDescription = "Scout";
        imaging::writeDicomSeries(fixtures::sphereVolume(16, 3, 4.0), data / "P020" / "scout",
                                  flagged, quiet);
        // A 3-plane localizer of a vendor that leaves ImageType alone: one series, three planes.
        imaging::DicomWriteOptions threePlane;
        threePlane.metadata.patientId = "P020";
        threePlane.metadata.seriesInstanceUid = "1.2.826.0.1.3680043.10.543.20.1";
        threePlane.metadata.seriesDescription = "3-Plane Loc";
        const std::vector<Mat3> planes = {identityMatrix(), Mat3{{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}},
                                          Mat3{{{1, 0, 0}, {0, 0, -1}, {0, 1, 0}}}};
        for (std::size_t p = 0; p < planes.size(); ++p) {
            auto volume = fixtures::sphereVolume(16, 3, 4.0);
            auto geometry = volume.geometry();
            geometry.direction = planes[p];
            threePlane.fileName = [p](std::int64_t k) {
                return "LOC" + std::to_string(p) + "_" + std::to_string(k) + ".dcm";
            };
            threePlane.instanceNumber = [p](std::int64_t k) {
                return static_cast<int>(p * 3 + k + 1);
            };
            imaging::writeDicomSeries(ImageVolume(geometry, volume.data()),
                                      data / "P020" / "localizer", threePlane, quiet);
        }

        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto report = importPaths(db, {data.string()}, {}, quiet);
        QVERIFY2(report.errors.empty(),
                 report.errors.empty() ? "" : report.errors.front().message.c_str());
        QCOMPARE(report.seriesImported, size_t(1));
        QCOMPARE(db.stats().series, std::int64_t{1});
        QCOMPARE(onlySeriesOf(db, "P020").seriesUid, diagnostic.series.seriesInstanceUid);
        std::size_t localizerNotes = 0;
        for (const auto& note : report.notes) {
            localizerNotes += note.message.find("is a localizer") != std::string::npos;
        }
        QCOMPARE(localizerNotes, size_t(2));

        // metis-cli import exits 0 when every importable series imported.
        QProcess cli;
        cli.start(qEnvironmentVariable("METIS_CLI"),
                  {"import", QString::fromStdString(data.string()), "--db",
                   dir.filePath("cli/metis.db")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    }

    // Another hospital's export reuses a Patient ID for a different person: the series is kept
    // apart (never attached to the existing patient), the conflict is reported per series, and
    // that person's further series join the separate record.
    void patientIdCollisionIsReportedAndKeptApart() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("export").toStdString();
        NullProgressSink quiet;
        const auto writeFor = [&](const std::string& folder, const std::string& name,
                                  const std::string& sex, const std::string& birthDate) {
            imaging::DicomWriteOptions options;
            options.metadata.patientId = "P040";
            options.metadata.patientName = name;
            options.metadata.patientSex = sex;
            options.metadata.patientBirthDate = birthDate;
            return imaging::writeDicomSeries(fixtures::sphereVolume(16, 4, 4.0), data / folder,
                                             options, quiet);
        };
        writeFor("john1", "DOE^JOHN", "M", "19600101");
        const auto jane = writeFor("jane1", "ROE^JANE", "F", "19700202");

        PatientDatabase db(dir.filePath("metis.db").toStdString());
        auto report = importPaths(db, {(data / "john1").string()}, {}, quiet);
        QVERIFY(report.errors.empty());
        report = importPaths(db, {(data / "jane1").string()}, {}, quiet);
        QCOMPARE(report.seriesImported, size_t(1));
        QCOMPARE(report.errors.size(), size_t(1));
        QVERIFY(anyMessageContains(report.errors, jane.files.front().string(),
                                   "already belongs to DOE^JOHN"));
        QVERIFY(db.findPatient("P040 [2]").has_value());
        QCOMPARE(db.seriesOfPatient("P040").size(), size_t(1));
        QCOMPARE(db.auditLog({}, "P040 [2]", "patient.identity_conflict").size(), size_t(1));
        QCOMPARE(db.seriesRecord(onlySeriesOf(db, "P040 [2]").id)->birthDate,
                 std::string("1970-02-02"));

        // Jane's next series joins her record; John's joins his; nothing more is reported.
        writeFor("jane2", "roe^jane^^", "F", "19700202");
        writeFor("john2", "DOE^JOHN", "", "");
        report = importPaths(db, {(data / "jane2").string(), (data / "john2").string()}, {}, quiet);
        QVERIFY(report.errors.empty());
        QCOMPARE(db.stats().patients, std::int64_t{2});
        QCOMPARE(db.seriesOfPatient("P040 [2]").size(), size_t(2));
        assertConsistent(db);
    }

    void researchVolumesAndMasksAreLinkedByPatientAndGrid() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("nifti").toStdString();
        fs::create_directories(data);
        const auto volume = fixtures::sphereVolume(24, 10, 5.0);
        imaging::writeImage(volume, data / "BraTS-MET-00017-000-t1c.nii.gz");
        LabelMap brats(volume.geometry());
        for (std::size_t v = 0; v < brats.data().size(); ++v) {
            brats.data()[v] = volume.data()[v] > 200.0f ? 3 : 0; // enhancing tumour
        }
        brats.data()[0] = 2; // a voxel of oedema
        imaging::writeLabelMap(brats, data / "BraTS-MET-00017-000-seg.nii.gz");
        imaging::writeLabelMap(brats, data / "P999_seg.nii.gz"); // no image of P999
        LabelMap invalid(volume.geometry());
        invalid.data()[5] = 4; // not a BraTS label
        imaging::writeImage(volume, data / "BraTS-MET-00018-000-t1c.nii.gz");
        imaging::writeLabelMap(invalid, data / "BraTS-MET-00018-000-seg.nii.gz");

        PatientDatabase db(dir.filePath("metis.db").toStdString());
        NullProgressSink quiet;
        auto report = importPaths(db, {data.string()}, {}, quiet);
        QCOMPARE(report.seriesImported, size_t(2));
        QCOMPARE(report.structureSetsImported, size_t(1));
        QVERIFY(anyMessageContains(report.errors, "P999_seg", "no image of patient 'P999'"));
        QVERIFY(anyMessageContains(report.errors, "BraTS-MET-00018-000-seg", "4"));
        const auto masks = db.structureSetVersions(onlySeriesOf(db, "BraTS-MET-00017-000").id);
        QCOMPARE(masks.size(), size_t(1));
        QCOMPARE(masks.front().labelConvention, std::string("brats_mets"));
        {
            // The mask's one lesion (enhancing voxels; the oedema voxel is no GTV) has its row.
            SqliteDatabase file(db.path(), OpenMode::ReadOnly);
            auto lesion = file.prepare("SELECT label_value, volume_ml FROM lesions WHERE "
                                       "structure_set_ref = ?");
            lesion.bind(1, masks.front().id);
            QVERIFY(lesion.step());
            QCOMPARE(lesion.columnInt(0), std::int64_t{1});
            std::size_t enhancing = 0;
            for (const auto value : brats.data()) {
                enhancing += value == 3 ? 1 : 0;
            }
            QCOMPARE(lesion.columnDouble(1), static_cast<double>(enhancing) * 2.0 / 1000.0);
            QVERIFY(!lesion.step());
        }
        QVERIFY(db.findPatient("BraTS-MET-00017-000").has_value());
        assertConsistent(db);

        report = importPaths(db, {data.string()}, {}, quiet);
        QCOMPARE(report.seriesImported, size_t(0));
        QCOMPARE(report.seriesAlreadyPresent, size_t(2));
        QCOMPARE(report.structureSetsAlreadyPresent, size_t(1));
    }

    // The importer stores each series' grid as JSON and reads it back to match a mask to its
    // image. Qt sets the process locale from the environment; under de_DE a locale-dependent
    // reader took "0.9375" for 0 and refused every mask on a fractional grid.
    void masksMatchTheirImageUnderAGermanLocale() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("nifti").toStdString();
        fs::create_directories(data);
        auto volume = fixtures::sphereVolume(24, 10, 5.0);
        ImageGeometry grid = volume.geometry();
        grid.spacing = {0.9375, 0.9375, 1.5};
        grid.origin = {-11.25, 7.5, -3.75};
        volume = ImageVolume(grid, volume.data());
        LabelMap mask(grid);
        mask.data()[grid.size[0] * grid.size[1] * 5 + 30] = 3;
        imaging::writeImage(volume, data / "BraTS-MET-00021-000-t1c.nii.gz");
        imaging::writeLabelMap(mask, data / "BraTS-MET-00021-000-seg.nii.gz");

        const std::string previous = std::setlocale(LC_ALL, nullptr);
        QVERIFY2(std::setlocale(LC_ALL, "de_DE.UTF-8"),
                 "the de_DE.UTF-8 locale is missing (scripts/install-deps.sh generates it)");
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        NullProgressSink quiet;
        const auto report = importPaths(db, {data.string()}, {}, quiet);
        std::setlocale(LC_ALL, previous.c_str());
        QVERIFY2(report.errors.empty(),
                 report.errors.empty() ? "" : report.errors.front().message.c_str());
        QCOMPARE(report.structureSetsImported, size_t(1));
    }

    void killedImportsLeaveNoHalfSeries() {
        const QString cli = qEnvironmentVariable("METIS_CLI");
        QVERIFY2(QFileInfo(cli).isExecutable(), "METIS_CLI must name the metis-cli executable");
        QTemporaryDir dir;
        const fs::path data = dir.filePath("data").toStdString();
        constexpr int kPatients = 8;
        for (int p = 0; p < kPatients; ++p) {
            fixtures::writePatient(data, "K" + std::to_string(p), 48, 30);
        }
        // The kill window: from the moment the database exists (before that the process is
        // only loading its libraries) to the end of an uninterrupted import.
        const auto timedImport = [&](const QString& dbPath, qint64 killAfterMs) {
            QProcess child;
            child.start(cli, {"import", QString::fromStdString(data.string()), "--db", dbPath});
            if (!child.waitForStarted()) {
                return qint64(-1);
            }
            QElapsedTimer sinceStart;
            sinceStart.start();
            while (!QFileInfo::exists(dbPath) && child.state() == QProcess::Running &&
                   sinceStart.elapsed() < 30000) {
                QTest::qSleep(1);
            }
            QElapsedTimer window;
            window.start();
            if (killAfterMs >= 0) {
                QTest::qSleep(static_cast<int>(killAfterMs));
                // QProcess answers pid 0 once the child has ended; kill(0) would kill this
                // test's whole process group.
                const auto pid = static_cast<pid_t>(child.processId());
                const bool running = child.state() == QProcess::Running && pid > 0;
                if (running) {
                    ::kill(pid, SIGKILL);
                }
                child.waitForFinished();
                return running ? qint64(1) : qint64(0);
            }
            child.waitForFinished(120000);
            return child.exitCode() == 0 ? window.elapsed() : qint64(-1);
        };
        qint64 windowMs = timedImport(dir.filePath("reference/metis.db"), -1);
        QVERIFY(windowMs >= 0);

        auto* random = QRandomGenerator::global();
        // At least `kills` rounds ($METIS_KILL_ROUNDS, 100), and more (up to 60 more) until
        // kRequiredMidway kills have landed inside the series-writing phase: the window varies
        // with the machine's load, so a fixed number of random kills may all land before or
        // after it.
        const int kills = test_tools::killRounds();
        const int maxRounds = kills + 60;
        constexpr int kRequiredMidway = 5;
        int interruptedMidway = 0;
        int rounds = 0;
        for (; rounds < maxRounds && (rounds < kills || interruptedMidway < kRequiredMidway);
             ++rounds) {
            const QString dbPath = dir.filePath(QString("kill%1/metis.db").arg(rounds));
            const qint64 killAfterMs = random->bounded(std::max<qint64>(windowMs, 20));
            const bool killedWhileRunning = timedImport(dbPath, killAfterMs) == 1;
            if (!QFileInfo::exists(dbPath)) {
                continue; // killed before the database was created
            }
            {
                PatientDatabase db(dbPath.toStdString());
                assertConsistent(db);
                const bool complete = db.stats().series == kPatients;
                if (killedWhileRunning && !complete) {
                    ++interruptedMidway;
                } else if (complete) {
                    // The import finished before the kill: the window is shorter than measured.
                    windowMs = std::max<qint64>(killAfterMs, 20);
                }
            }
            // Completing the import; its duration re-measures the window under today's load.
            QCOMPARE(QProcess::execute(
                         cli, {"import", QString::fromStdString(data.string()), "--db", dbPath}),
                     0);
            PatientDatabase db(dbPath.toStdString());
            assertConsistent(db);
            const auto stats = db.stats();
            QCOMPARE(stats.patients, std::int64_t{kPatients});
            QCOMPARE(stats.series, std::int64_t{kPatients});
            QCOMPARE(stats.instances, std::int64_t{kPatients * 30});
            QCOMPARE(db.auditLog({}, {}, "series.import").size(), std::size_t{kPatients});
            const qint64 again =
                timedImport(dir.filePath(QString("window%1/metis.db").arg(rounds)), -1);
            if (again > 0) {
                windowMs = std::min(windowMs, again);
            }
        }
        qInfo("%d of %d kills interrupted an import midway (import window %lld ms)",
              interruptedMidway, rounds, static_cast<long long>(windowMs));
        QVERIFY2(interruptedMidway >= kRequiredMidway,
                 "the kills should interrupt imports in progress");
    }

    void fullDiskGivesAClearErrorAndKeepsTheDatabase() {
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath("small");
        QDir().mkpath(mountPoint);
        if (::mount("tmpfs", mountPoint.toLocal8Bit().constData(), "tmpfs", 0, "size=600k") != 0) {
            QSKIP("cannot mount a size-capped tmpfs here (needs root); disk-full test skipped");
        }
        struct Unmount {
            QString path;
            ~Unmount() { ::umount2(path.toLocal8Bit().constData(), MNT_DETACH); }
        } unmount{mountPoint};

        const fs::path data = dir.filePath("data").toStdString();
        fixtures::writePatient(data, "F1", 32, 12); // fits
        const fs::path big = dir.filePath("big").toStdString();
        fixtures::writePatient(big, "F2", 128, 40); // ~1.3 MB: does not fit

        const std::string dbPath = (mountPoint + "/metis.db").toStdString();
        NullProgressSink quiet;
        {
            PatientDatabase db(dbPath);
            QCOMPARE(importPaths(db, {data.string()}, {}, quiet).seriesImported, size_t(1));
            try {
                importPaths(db, {big.string()}, {}, quiet);
                QFAIL("importing into a full disk must fail");
            } catch (const std::exception& e) {
                const std::string message = e.what();
                QVERIFY2(message.find("No space left") != std::string::npos, e.what());
                QVERIFY2(message.find("F2") != std::string::npos, e.what());
            }
        }
        PatientDatabase reopened(dbPath);
        assertConsistent(reopened);
        const auto stats = reopened.stats();
        QCOMPARE(stats.series, std::int64_t{1});
        QCOMPARE(stats.instances, std::int64_t{12});
        QVERIFY(fs::is_empty(fs::path(mountPoint.toStdString()) / "storage" / "tmp"));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "test_importer.moc"
