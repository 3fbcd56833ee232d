// Exporting an edited structure set version as RTSTRUCT: written on the stored series, read back
// and compared lesion by lesion, valid for dciodvfy, audited.
#include "../common/ExternalTool.h"
#include "../database/ImportFixtures.h"
#include "metis/core/LabelEditTools.h"
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/ContourEditing.h"
#include "metis/workflow/RtStructExport.h"
#include "metis/workflow/StoredSeries.h"

#include <QTemporaryDir>
#include <QTest>

using namespace metis;

class TestRtStructExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editedVersionExportsAndReadsBackAsSaved() {
        QTemporaryDir dir;
        const std::filesystem::path data = dir.filePath("data").toStdString();
        fixtures::writePatient(data, "EXP01", 48, 20);
        db::PatientDatabase database(dir.filePath("metis.db").toStdString());
        database.ensureDefaultUsers();
        NullProgressSink quiet;
        QCOMPARE(db::importPaths(database, {data.string()}, {}, quiet).seriesImported,
                 std::size_t{1});
        const auto series = database.seriesOfPatient("EXP01").front().id;
        const auto annotator = *database.findUser("annotator");
        const ImageGeometry grid = workflow::scanStoredSeries(database, series).geometry;

        workflow::ContourEditSession session(
            database, annotator, series, std::nullopt,
            [&](std::optional<std::int64_t>) { return LabelMap(grid); },
            workflow::editJournalPath(dir.filePath("edits").toStdString(), series));
        // Three lesions: 12 mm, 7 mm and 3 mm balls (numbers 1, 2 and 4: a gap is kept).
        const std::pair<std::uint16_t, double> lesions[] = {{1, 12.0}, {2, 7.0}, {4, 3.0}};
        double x = -14.0;
        for (const auto& [label, diameter] : lesions) {
            const Vec3 centre = grid.indexToPatient(grid.patientToIndex({x, 0.0, -20.0}));
            session.begin("Brush");
            paintVoxels(session.editor(),
                        brushVoxels(grid, EditPlane{centre, {1, 0, 0}, {0, 1, 0}}, centre, centre,
                                    diameter, BrushShape::Sphere),
                        PaintRule::paint(label));
            QVERIFY(session.commit());
            x += 12.0;
        }
        const auto version = session.save("for planning");

        const std::filesystem::path file = dir.filePath("rtstruct.dcm").toStdString();
        const auto report =
            workflow::exportStructureSetVersion(database, annotator, version.id, file);
        QVERIFY(report.verified);
        QCOMPARE(report.lesions.size(), std::size_t{3});
        QCOMPARE(report.lesions[0].roiName, std::string("GTV_01"));
        QCOMPARE(report.lesions[2].roiName, std::string("GTV_04"));
        for (const auto& lesion : report.lesions) {
            if (lesion.maxDiameterMm >= 5.0) {
                QVERIFY2(lesion.dice >= 0.98, qPrintable(QString::fromStdString(lesion.roiName)));
            }
        }
        QVERIFY(report.lesions[0].maxDiameterMm > 9.0);
        QCOMPARE(database.auditLog("annotator", {}, "structure_set.export").size(), std::size_t{1});

        const auto check = test_tools::runTool(test_tools::requireTool("dciodvfy"),
                                               {QString::fromStdString(file.string())});
        QVERIFY2(check.output.startsWith("RTStructureSet"), qPrintable(check.output));
        for (const auto& line : check.output.split('\n')) {
            QVERIFY2(!line.startsWith("Error"), qPrintable(line));
        }
    }

    void aMissingStoredSliceIsNamed() {
        QTemporaryDir dir;
        const std::filesystem::path data = dir.filePath("data").toStdString();
        fixtures::writePatient(data, "EXP02", 32, 8);
        db::PatientDatabase database(dir.filePath("metis.db").toStdString());
        database.ensureDefaultUsers();
        NullProgressSink quiet;
        db::importPaths(database, {data.string()}, {}, quiet);
        const auto series = database.seriesOfPatient("EXP02").front().id;
        const auto files = database.instanceFiles(series);
        QCOMPARE(files.size(), std::size_t{8});
        std::filesystem::remove(files[3]);
        try {
            workflow::scanStoredSeries(database, series);
            QFAIL("a series with a missing stored file was accepted");
        } catch (const std::runtime_error& error) {
            QVERIFY2(std::string(error.what()).find(files[3]) != std::string::npos, error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestRtStructExport)
#include "test_rtstruct_export.moc"
