// Bad input through the workstation's import dialog: corrupt and truncated DICOM files are
// reported per file and leave what is in the database as it was; a full disk stops the import
// with "No space left" naming the file, and the database stays sound.
#include "../database/DatabaseFixtures.h"
#include "../database/ImportFixtures.h"
#include "metis/database/Importer.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/PatientStudyLoader.h"

#include <QDir>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/mount.h>

using namespace metis;
using namespace metis::ui;
namespace fs = std::filesystem;

namespace {

// Sound file, no series shorter than it declares, audit chain and stored files intact.
void assertIntact(db::PatientDatabase& database) {
    QCOMPARE(fixtures::seriesWithWrongInstanceCount(database), std::vector<std::string>{});
    const auto report = database.check();
    QVERIFY2(report.ok(), report.problems.empty() ? "" : report.problems.front().c_str());
}

// Runs the dialog's import the way the Import button does and waits for it to end.
bool runImport(ImportDialog& dialog, const QStringList& paths) {
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.startImport(paths);
    if (!finished.wait(60000)) {
        qWarning("import did not finish");
        return false;
    }
    return finished.front().front().toBool();
}

std::string readAll(const fs::path& file) {
    std::string bytes(fs::file_size(file), '\0');
    std::ifstream(file, std::ios::binary).read(bytes.data(), static_cast<long>(bytes.size()));
    return bytes;
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void corruptAndTruncatedFilesAreReportedPerFileDatabaseUnchanged() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("metis.db");
        const fs::path good = dir.filePath("good").toStdString();
        const auto patient = fixtures::writePatient(good, "G1");
        fixtures::writeRtStruct(good, patient);
        ImportDialog dialog(dbPath, QStringLiteral("oncologist"));
        QVERIFY(runImport(dialog, {QString::fromStdString(good.string())}));
        QCOMPARE(dialog.report().seriesImported, std::size_t{1});

        db::DatabaseStats before;
        {
            db::PatientDatabase database(dbPath.toStdString());
            before = database.stats();
        }

        // The same good patient again, plus a slice cut inside its header, a slice cut inside
        // its pixel data, and a file that only claims to be DICOM.
        const fs::path bad = dir.filePath("bad").toStdString();
        fs::create_directories(bad);
        const std::string slice = readAll(patient.series.files.front());
        fixtures::writeText(bad / "truncated-header.dcm", slice.substr(0, 200));
        fixtures::writeText(bad / "truncated-pixels.dcm", slice.substr(0, slice.size() - 700));
        fixtures::writeText(bad / "garbage.dcm",
                            std::string(128, '\0') + "DICM" + std::string(300, '\x7f'));
        QVERIFY(runImport(
            dialog, {QString::fromStdString(good.string()), QString::fromStdString(bad.string())}));

        const QString log = dialog.log()->toPlainText();
        for (const char* name : {"truncated-header.dcm", "truncated-pixels.dcm", "garbage.dcm"}) {
            bool reported = false;
            for (const QString& line : log.split(QLatin1Char('\n'))) {
                reported = reported || (line.startsWith(QStringLiteral("ERROR")) &&
                                        line.contains(QLatin1String(name)));
            }
            QVERIFY2(reported,
                     qPrintable(QStringLiteral("%1 not reported in:\n%2").arg(name, log)));
        }
        QCOMPARE(dialog.report().seriesImported, std::size_t{0});
        QCOMPARE(dialog.report().errors.size(), std::size_t{3});

        db::PatientDatabase database(dbPath.toStdString());
        assertIntact(database);
        const auto after = database.stats();
        QCOMPARE(after.patients, before.patients);
        QCOMPARE(after.series, before.series);
        QCOMPARE(after.instances, before.instances);
        QCOMPARE(after.structureSets, before.structureSets);
    }

    // A stored slice that has gone missing: the study is refused naming the file, never shown
    // with a black slice in its place (which inference would also have run on).
    void missingStoredSliceRefusesTheStudy() {
        QTemporaryDir dir;
        const fs::path data = dir.filePath("data").toStdString();
        fixtures::writePatient(data, "P031");
        db::PatientDatabase database(dir.filePath("metis.db").toStdString());
        NullProgressSink quiet;
        QCOMPARE(db::importPaths(database, {data.string()}, {}, quiet).seriesImported, size_t(1));
        QCOMPARE(loadPatientStudy(database, "P031", quiet).scene->image->geometry().size[2],
                 std::int64_t{12});

        const std::string lost =
            database.instanceFiles(database.seriesOfPatient("P031").front().id).at(5);
        QVERIFY(fs::remove(lost));
        try {
            loadPatientStudy(database, "P031", quiet);
            QFAIL("a series with a missing stored file was loaded");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find(lost) != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("missing") != std::string::npos, e.what());
        }
    }

    void fullDiskShowsNoSpaceLeftNamingTheFileDatabaseIntact() {
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

        const fs::path small = dir.filePath("fits").toStdString();
        fixtures::writePatient(small, "D1", 32, 12);
        const fs::path big = dir.filePath("big").toStdString();
        fixtures::writePatient(big, "D2", 128, 40); // about 1.3 MB: more than the disk holds

        const QString dbPath = mountPoint + QStringLiteral("/metis.db");
        ImportDialog dialog(dbPath, QStringLiteral("oncologist"));
        QVERIFY(runImport(dialog, {QString::fromStdString(small.string())}));
        QVERIFY(!runImport(dialog, {QString::fromStdString(big.string())}));
        const QString log = dialog.log()->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("No space left")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("D2")), qPrintable(log));

        db::PatientDatabase database(dbPath.toStdString());
        assertIntact(database);
        QCOMPARE(database.stats().series, std::int64_t{1});
        QCOMPARE(database.stats().instances, std::int64_t{12});
    }
};

QTEST_MAIN(TestBadInput)
#include "test_bad_input.moc"
