// Exporting an edited structure set version as RTSTRUCT: written on the stored series, read back
// and compared lesion by lesion, valid for dciodvfy, audited.
#include "../database/ImportFixtures.h"
#include "RunTool.h"
#include "TempDir.h"
#include "metis/core/LabelEditTools.h"
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/ContourEditing.h"
#include "metis/workflow/RtStructExport.h"
#include "metis/workflow/StoredSeries.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace metis;

TEST(WorkflowRtStructExport, editedVersionExportsAndReadsBackAsSaved) {
    test_tools::TempDir dir;
    const std::filesystem::path data = dir.filePath("data");
    fixtures::writePatient(data, "EXP01", 48, 20);
    db::PatientDatabase database(dir.filePath("metis.db"));
    database.ensureDefaultUsers();
    NullProgressSink quiet;
    ASSERT_EQ(db::importPaths(database, {data.string()}, {}, quiet).seriesImported, std::size_t{1});
    const auto series = database.seriesOfPatient("EXP01").front().id;
    const auto annotator = *database.findUser("annotator");
    const ImageGeometry grid = workflow::scanStoredSeries(database, series).geometry;

    workflow::ContourEditSession session(
        database, annotator, series, std::nullopt,
        [&](std::optional<std::int64_t>) { return LabelMap(grid); },
        workflow::editJournalPath(dir.filePath("edits"), series));
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
        ASSERT_TRUE(session.commit());
        x += 12.0;
    }
    const auto version = session.save("for planning");

    const std::filesystem::path file = dir.filePath("rtstruct.dcm");
    const auto report = workflow::exportStructureSetVersion(database, annotator, version.id, file);
    ASSERT_TRUE(report.verified);
    ASSERT_EQ(report.lesions.size(), std::size_t{3});
    ASSERT_EQ(report.lesions[0].roiName, std::string("GTV_01"));
    ASSERT_EQ(report.lesions[2].roiName, std::string("GTV_04"));
    for (const auto& lesion : report.lesions) {
        if (lesion.maxDiameterMm >= 5.0) {
            ASSERT_TRUE(lesion.dice >= 0.98) << lesion.roiName;
        }
    }
    ASSERT_TRUE(report.lesions[0].maxDiameterMm > 9.0);
    ASSERT_EQ(database.auditLog("annotator", {}, "structure_set.export").size(), std::size_t{1});

    const std::string dciodvfy = test_tools::findExecutable("dciodvfy");
    ASSERT_TRUE(!dciodvfy.empty()) << "dciodvfy is not installed; scripts/setup.sh installs it";
    const auto check = test_tools::runTool(dciodvfy, {file.string()});
    ASSERT_TRUE(check.output.rfind("RTStructureSet", 0) == 0) << check.output;
    std::istringstream lines(check.output);
    for (std::string line; std::getline(lines, line);) {
        ASSERT_TRUE(line.rfind("Error", 0) != 0) << line;
    }
}

TEST(WorkflowRtStructExport, aMissingStoredSliceIsNamed) {
    test_tools::TempDir dir;
    const std::filesystem::path data = dir.filePath("data");
    fixtures::writePatient(data, "EXP02", 32, 8);
    db::PatientDatabase database(dir.filePath("metis.db"));
    database.ensureDefaultUsers();
    NullProgressSink quiet;
    db::importPaths(database, {data.string()}, {}, quiet);
    const auto series = database.seriesOfPatient("EXP02").front().id;
    const auto files = database.instanceFiles(series);
    ASSERT_EQ(files.size(), std::size_t{8});
    std::filesystem::remove(files[3]);
    try {
        workflow::scanStoredSeries(database, series);
        FAIL() << "a series with a missing stored file was accepted";
    } catch (const std::runtime_error& error) {
        ASSERT_TRUE(std::string(error.what()).find(files[3]) != std::string::npos) << error.what();
    }
}
