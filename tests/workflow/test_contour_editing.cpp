// Contour editing sessions on a real database file: versions that are never overwritten, a
// journal that survives a SIGKILL at any moment, and recovery of exactly what was acknowledged.
#include "KillRounds.h"
#include "TempDir.h"
#include "metis/core/LabelEditTools.h"
#include "metis/database/SqliteDatabase.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/Comparison.h"
#include "metis/workflow/ContourEditing.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace metis;
namespace fs = std::filesystem;

namespace {

ImageGeometry seriesGrid() {
    ImageGeometry g;
    g.size = {64, 64, 24};
    g.spacing = {0.8, 0.8, 2.0};
    g.origin = {-25, -25, 0};
    return g;
}

/// A bare series row: editing needs no image. PatientDatabase keeps its SQL to itself, so the
/// fixture writes through a connection of its own on the same file.
std::int64_t addSeries(db::PatientDatabase& database) {
    const auto patient = database.upsertPatient({"EDIT-1", "EDIT^ONE", "", ""});
    db::SqliteDatabase sql(database.path(), db::OpenMode::Existing);
    sql.prepare("INSERT INTO studies(patient_ref, study_uid) VALUES (?, '1.2.3')")
        .bind(1, patient)
        .step();
    sql.prepare("INSERT INTO series(study_ref, series_uid, modality, imported_at) "
                "VALUES (?, '1.2.3.4', 'MR', ?)")
        .bind(1, sql.lastInsertRowId())
        .bind(2, db::utcTimestamp())
        .step();
    return sql.lastInsertRowId();
}

workflow::VersionLoader loaderFor(db::PatientDatabase& database) {
    return [&database](std::optional<std::int64_t> id) {
        if (!id) {
            return LabelMap(seriesGrid());
        }
        const auto version = database.structureSetVersion(*id);
        if (!version) {
            throw std::runtime_error("no version " + std::to_string(*id));
        }
        return imaging::readLabelMap(version->labelMapPath);
    };
}

/// Edit number `n` of a deterministic sequence: brush strokes, erasing, an undo every fifth.
void makeEdit(workflow::ContourEditSession& session, int n) {
    if (n % 5 == 4) {
        session.undo();
        return;
    }
    std::mt19937 random(static_cast<unsigned>(n) * 7919u + 17u);
    std::uniform_real_distribution<double> coordinate(-20.0, 20.0);
    const Vec3 from{coordinate(random), coordinate(random), 4.0 + (n % 8) * 2.0};
    const Vec3 to{coordinate(random), coordinate(random), from[2]};
    const EditPlane plane{from, {1, 0, 0}, {0, 1, 0}};
    session.begin(n % 3 == 2 ? "Eraser" : "Brush");
    paintVoxels(session.editor(),
                brushVoxels(session.editor().geometry(), plane, from, to, 6.0, BrushShape::Disc),
                n % 3 == 2 ? PaintRule::erase()
                           : PaintRule::paint(static_cast<std::uint16_t>(1 + n % 3)));
    session.commit();
}

} // namespace

TEST(WorkflowContourEditing, savingMakesVersionsThatAreNeverOverwritten) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto annotator = database.addUser("anna", "Anna", db::Role::Annotator);
    const auto series = addSeries(database);
    const std::string journal =
        workflow::editJournalPath(workflow::editJournalFolder(database.path()), series);
    workflow::ContourEditSession session(database, annotator, series, std::nullopt,
                                         loaderFor(database), journal);
    ASSERT_TRUE(!session.hasUnsavedEdits());
    for (int n = 0; n < 4; ++n) {
        makeEdit(session, n);
    }
    ASSERT_TRUE(session.hasUnsavedEdits());
    const LabelMap first = session.mask();
    const auto v1 = session.save("first pass");
    ASSERT_TRUE(!session.hasUnsavedEdits());
    ASSERT_EQ(v1.parentId, std::optional<std::int64_t>{});
    ASSERT_EQ(v1.author, std::string("anna"));
    ASSERT_EQ(v1.reviewStatus, std::string("draft"));
    ASSERT_EQ(v1.note, std::string("first pass"));
    for (int n = 5; n < 9; ++n) {
        makeEdit(session, n);
    }
    const auto v2 = session.save("second pass");
    ASSERT_EQ(v2.parentId, std::optional<std::int64_t>(v1.id));
    ASSERT_EQ(session.baseStructureSetId(), std::optional<std::int64_t>(v2.id));

    const auto versions = database.structureSetVersions(series);
    ASSERT_EQ(versions.size(), std::size_t{2});
    ASSERT_EQ(imaging::readLabelMap(versions[0].labelMapPath).data(), first.data());
    ASSERT_EQ(imaging::readLabelMap(versions[1].labelMapPath).data(), session.mask().data());
    ASSERT_EQ(database.newestManualStructureSet(series)->id, v2.id);

    // Two versions compare as the manual-vs-AI comparison does (the versions dialog's call).
    const SegmentationReport between =
        workflow::compareStructureSetVersions(database, v1.id, v2.id);
    const SegmentationReport direct =
        evaluateSegmentation(first, session.mask(), workflow::comparisonOptions());
    ASSERT_DOUBLE_EQ(between.dice, direct.dice);
    ASSERT_LT(between.dice, 1.0);
    ASSERT_DOUBLE_EQ(workflow::compareStructureSetVersions(database, v2.id, v2.id).dice, 1.0);
    try {
        workflow::compareStructureSetVersions(database, v1.id, 999);
        FAIL() << "an unknown version must throw";
    } catch (const std::runtime_error& e) {
        ASSERT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
    }
    const auto audit = database.auditLog("anna", {}, "structure_set.save");
    ASSERT_EQ(audit.size(), std::size_t{2});
    ASSERT_TRUE(database.check().ok());

    // A locked version is never changed: editing it saves a new version on top.
    const auto oncologist = database.addUser("onc", "Onc", db::Role::Oncologist);
    database.setReviewStatus(oncologist, v2.id, "locked");
    makeEdit(session, 10);
    const auto v3 = session.save("after lock");
    ASSERT_EQ(v3.parentId, std::optional<std::int64_t>(v2.id));
    ASSERT_EQ(database.structureSetVersion(v2.id)->reviewStatus, std::string("locked"));
    ASSERT_EQ(imaging::readLabelMap(database.structureSetVersion(v2.id)->labelMapPath).data(),
              imaging::readLabelMap(versions[1].labelMapPath).data());
}

TEST(WorkflowContourEditing, aSecondSessionOnTheSameSeriesIsRefused) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto annotator = database.addUser("anna", "Anna", db::Role::Annotator);
    const auto series = addSeries(database);
    const std::string journal = workflow::editJournalPath(dir.filePath("edits"), series);
    {
        workflow::ContourEditSession first(database, annotator, series, std::nullopt,
                                           loaderFor(database), journal);
        makeEdit(first, 0);
        ASSERT_THROW(workflow::ContourEditSession(database, annotator, series, std::nullopt,
                                                  loaderFor(database), journal),
                     std::runtime_error);
        ASSERT_EQ(workflow::EditJournal::read(journal).entries.size(), std::size_t{1});
    }
    // Once the first session has ended, the series can be edited again.
    workflow::ContourEditSession next(database, annotator, series, std::nullopt,
                                      loaderFor(database), journal);
    ASSERT_EQ(next.recoveredSteps(), std::size_t{1});
}

TEST(WorkflowContourEditing, anAnnotatorCannotApprove) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto annotator = database.addUser("anna", "Anna", db::Role::Annotator);
    const auto series = addSeries(database);
    workflow::ContourEditSession session(database, annotator, series, std::nullopt,
                                         loaderFor(database),
                                         workflow::editJournalPath(dir.filePath("edits"), series));
    makeEdit(session, 0);
    const auto version = session.save({});
    database.setReviewStatus(annotator, version.id, "corrected");
    ASSERT_THROW(database.setReviewStatus(annotator, version.id, "approved"), db::PermissionDenied);
    ASSERT_THROW(database.setReviewStatus(annotator, version.id, "locked"), db::PermissionDenied);
    ASSERT_EQ(database.auditLog("anna", {}, "permission.denied").size(), std::size_t{2});
    ASSERT_EQ(database.structureSetVersion(version.id)->reviewStatus, std::string("corrected"));
}

TEST(WorkflowContourEditing, unsavedStepsAreRecoveredWithTheirHistory) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto annotator = database.addUser("anna", "Anna", db::Role::Annotator);
    const auto series = addSeries(database);
    const std::string journal = workflow::editJournalPath(dir.filePath("edits"), series);
    LabelMap afterSix, afterSeven;
    {
        workflow::ContourEditSession session(database, annotator, series, std::nullopt,
                                             loaderFor(database), journal);
        for (int n = 0; n < 7; ++n) {
            makeEdit(session, n);
            if (n == 5) {
                afterSix = session.mask();
            }
        }
        afterSeven = session.mask();
    } // closed without saving, as a crash would
    // An eraser stroke over background changes nothing and leaves no record.
    const std::size_t records = workflow::EditJournal::read(journal).entries.size();
    ASSERT_TRUE(records >= 5);
    {
        workflow::ContourEditSession recovered(database, annotator, series, std::nullopt,
                                               loaderFor(database), journal);
        ASSERT_EQ(recovered.recoveredSteps(), records);
        ASSERT_EQ(recovered.mask().data(), afterSeven.data());
        ASSERT_TRUE(recovered.undo());
        ASSERT_EQ(recovered.mask().data(), afterSix.data());
        ASSERT_TRUE(recovered.redo());
        // Discarding goes back to the version the edits started from.
        recovered.discardEdits();
        ASSERT_TRUE(!recovered.hasUnsavedEdits());
    }
    workflow::ContourEditSession again(database, annotator, series, std::nullopt,
                                       loaderFor(database), journal);
    ASSERT_EQ(again.recoveredSteps(), std::size_t{0});
}

TEST(WorkflowContourEditing, aTornLastRecordIsIgnored) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto annotator = database.addUser("anna", "Anna", db::Role::Annotator);
    const auto series = addSeries(database);
    const std::string journal = workflow::editJournalPath(dir.filePath("edits"), series);
    LabelMap afterTwo;
    {
        workflow::ContourEditSession session(database, annotator, series, std::nullopt,
                                             loaderFor(database), journal);
        makeEdit(session, 0);
        makeEdit(session, 1);
        afterTwo = session.mask();
        makeEdit(session, 3);
        ASSERT_EQ(workflow::EditJournal::read(journal).entries.size(), std::size_t{3});
    }
    // The last record half written: cut 5 bytes off the file.
    fs::resize_file(journal, fs::file_size(journal) - 5);
    ASSERT_TRUE(workflow::EditJournal::read(journal).damagedTail);
    {
        workflow::ContourEditSession recovered(database, annotator, series, std::nullopt,
                                               loaderFor(database), journal);
        ASSERT_EQ(recovered.recoveredSteps(), std::size_t{2});
        ASSERT_EQ(recovered.mask().data(), afterTwo.data());
        makeEdit(recovered, 6); // appended after the cut tail, readable again
    }
    ASSERT_TRUE(!workflow::EditJournal::read(journal).damagedTail);
    ASSERT_EQ(workflow::EditJournal::read(journal).entries.size(), std::size_t{3});
}

TEST(WorkflowContourEditing, aJournalWhoseStepsWereSavedIsNotOfferedAgain) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto annotator = database.addUser("anna", "Anna", db::Role::Annotator);
    const auto series = addSeries(database);
    const std::string journal = workflow::editJournalPath(dir.filePath("edits"), series);
    std::int64_t saved = 0;
    {
        workflow::ContourEditSession session(database, annotator, series, std::nullopt,
                                             loaderFor(database), journal);
        makeEdit(session, 0);
        makeEdit(session, 1);
        // A crash after the database committed the version but before the fresh journal was
        // in place: the old journal is what the next start finds.
        fs::copy_file(journal, journal + ".before-save");
        saved = session.save("saved").id;
    }
    fs::rename(journal + ".before-save", journal);
    workflow::ContourEditSession next(database, annotator, series, saved, loaderFor(database),
                                      journal);
    ASSERT_EQ(next.recoveredSteps(), std::size_t{0});
    ASSERT_EQ(next.baseStructureSetId(), std::optional<std::int64_t>(saved));
    ASSERT_TRUE(!next.hasUnsavedEdits());
}

/// A child process edits and reports each acknowledged step on a pipe; it is killed with
/// SIGKILL at a random moment, $METIS_KILL_ROUNDS times (100). Each restart recovers every
/// acknowledged step (the step in flight at the kill may or may not be there, never half of it),
/// and the database passes its check.
TEST(WorkflowContourEditing, sigkillAtRandomMomentsLosesNothingAcknowledged) {
    test_tools::TempDir dir;
    const std::string databasePath = dir.filePath("metis.db");
    std::int64_t series = 0;
    {
        db::PatientDatabase database(databasePath);
        database.addUser("anna", "Anna", db::Role::Annotator);
        series = addSeries(database);
    }
    const std::string journal = workflow::editJournalPath(dir.filePath("edits"), series);
    // The masks after every number of edits, computed in this process.
    std::vector<LabelMap> expected;
    {
        db::PatientDatabase database(databasePath);
        const auto user = *database.findUser("anna");
        workflow::ContourEditSession reference(database, user, series, std::nullopt,
                                               loaderFor(database),
                                               dir.filePath("reference.journal"));
        expected.push_back(reference.mask());
        for (int n = 0; n < 400; ++n) {
            makeEdit(reference, n);
            expected.push_back(reference.mask());
        }
    }
    std::mt19937 random(4242);
    const int rounds = test_tools::killRounds();
    for (int round = 0; round < rounds; ++round) {
        fs::remove(journal);
        int pipeFds[2];
        ASSERT_EQ(::pipe(pipeFds), 0);
        const pid_t child = ::fork();
        ASSERT_TRUE(child >= 0);
        if (child == 0) {
            ::close(pipeFds[0]);
            try {
                db::PatientDatabase database(databasePath);
                workflow::ContourEditSession session(database, *database.findUser("anna"), series,
                                                     std::nullopt, loaderFor(database), journal);
                for (int n = 0; n < 400; ++n) {
                    makeEdit(session, n);
                    const int acknowledged = n + 1;
                    if (::write(pipeFds[1], &acknowledged, sizeof acknowledged) < 0) {
                        ::_exit(3);
                    }
                }
            } catch (...) {
                ::_exit(2);
            }
            ::_exit(0);
        }
        ::close(pipeFds[1]);
        int acknowledged = 0;
        const int target = 1 + static_cast<int>(random() % 60);
        while (acknowledged < target) {
            int value = 0;
            if (::read(pipeFds[0], &value, sizeof value) != sizeof value) {
                break;
            }
            acknowledged = value;
        }
        ::usleep(static_cast<useconds_t>(random() % 3000));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        int value = 0;
        while (::read(pipeFds[0], &value, sizeof value) == sizeof value) {
            acknowledged = value;
        }
        ::close(pipeFds[0]);
        ASSERT_TRUE(acknowledged > 0) << "the child acknowledged no step before it was killed";

        db::PatientDatabase database(databasePath);
        workflow::ContourEditSession recovered(database, *database.findUser("anna"), series,
                                               std::nullopt, loaderFor(database), journal);
        const bool exact =
            recovered.mask().data() == expected[static_cast<std::size_t>(acknowledged)].data();
        const bool inFlightToo =
            acknowledged < 400 &&
            recovered.mask().data() == expected[static_cast<std::size_t>(acknowledged) + 1].data();
        ASSERT_TRUE(exact || inFlightToo)
            << ("round " + std::to_string(round) + ": recovery differs from step " +
                std::to_string(acknowledged))
                   .c_str();
        ASSERT_TRUE(database.check().ok());
    }
}
