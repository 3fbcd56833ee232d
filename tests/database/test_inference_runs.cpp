#include "DatabaseFixtures.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/VolumeIO.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>

using namespace metis;
using namespace metis::db;

namespace {

struct SeriesFixture {
    std::int64_t seriesId = 0;
    std::int64_t manualSetId = 0;
};

// A 20^3 grid of 1 mm voxels: the series' and the masks'.
ImageGeometry seriesGrid() {
    ImageGeometry geometry;
    geometry.size = {20, 20, 20};
    return geometry;
}

// One patient with an imported series and an empty manual structure set saved by `author`.
SeriesFixture addSeries(PatientDatabase& db, const QTemporaryDir& dir, const User& author,
                        const std::string& id) {
    SeriesFixture fixture;
    fixture.seriesId =
        fixtures::importVolumeSeries(db, dir.filePath("data").toStdString(), id, seriesGrid());
    fixture.manualSetId =
        db.saveStructureSetVersion(author, fixture.seriesId, LabelMap(seriesGrid()), std::nullopt,
                                   "fixture")
            .id;
    return fixture;
}

// The series' AI structure set versions.
std::vector<StructureSetVersion> aiVersions(PatientDatabase& db, std::int64_t seriesId) {
    std::vector<StructureSetVersion> ai;
    for (auto& version : db.structureSetVersions(seriesId)) {
        if (version.source == "ai") {
            ai.push_back(std::move(version));
        }
    }
    return ai;
}

// Two separate cubes marked 1 on the series grid (as the engine's mask is).
LabelMap twoLesionMask() {
    LabelMap mask(seriesGrid());
    for (int k = 2; k < 5; ++k)
        for (int j = 2; j < 5; ++j)
            for (int i = 2; i < 5; ++i) {
                mask.at(i, j, k) = 1;
                mask.at(i + 10, j + 10, k + 10) = 1;
            }
    return mask;
}

InferenceRun sampleRun(std::int64_t seriesId) {
    InferenceRun run;
    run.seriesId = seriesId;
    run.modelVersion = "mtsa-net-test-1";
    run.device = "cuda:0";
    run.precision = "fp32";
    run.sliceMutantProbability = {0.2, 0.7, 0.9, 0.4};
    run.sliceGtvAreaMm2 = {0.0, 9.0, 12.5, 3.0};
    run.slicesUsed = {2, 1};
    run.patientProbability = 0.8;
    run.patientCall = "mutant";
    run.lesions = {{1, 0.027, {3, 3, 3}, 3.46, 0.81, 3.0},
                   {2, 0.027, {13, 13, 13}, 3.46, 0.66, std::nullopt}};
    return run;
}

} // namespace

class TestInferenceRuns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryFigureAndTheLabelMap() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto user = db.addUser("onc", "Dr Onc", Role::Oncologist);
        const auto fixture = addSeries(db, dir, user, "P1");
        QVERIFY(!db.latestInferenceRun(fixture.seriesId));

        const auto stored =
            db.recordInferenceRun(user, twoLesionMask(), sampleRun(fixture.seriesId));
        QVERIFY(stored.id > 0);
        QVERIFY(stored.structureSetId > 0);
        QCOMPARE(stored.parentStructureSetId, std::optional<std::int64_t>(fixture.manualSetId));

        const auto loaded = db.latestInferenceRun(fixture.seriesId);
        QVERIFY(loaded);
        QCOMPARE(loaded->id, stored.id);
        QCOMPARE(loaded->modelVersion, std::string("mtsa-net-test-1"));
        QCOMPARE(loaded->device, std::string("cuda:0"));
        QCOMPARE(loaded->precision, std::string("fp32"));
        QCOMPARE(loaded->sliceMutantProbability, (std::vector<double>{0.2, 0.7, 0.9, 0.4}));
        QCOMPARE(loaded->sliceGtvAreaMm2, (std::vector<double>{0.0, 9.0, 12.5, 3.0}));
        QCOMPARE(loaded->slicesUsed, (std::vector<std::size_t>{2, 1}));
        QCOMPARE(loaded->patientProbability, std::optional<double>(0.8));
        QCOMPARE(loaded->patientCall, std::string("mutant"));
        QVERIFY(!loaded->usedAllSlicesFallback());
        QCOMPARE(loaded->parentStructureSetId, std::optional<std::int64_t>(fixture.manualSetId));
        QCOMPARE(loaded->lesions.size(), std::size_t{2});
        QCOMPARE(loaded->lesions[1].number, 2);
        QCOMPARE(loaded->lesions[1].centreMm, (Vec3{13, 13, 13}));
        QCOMPARE(loaded->lesions[1].meanProbability, 0.66);
        QCOMPARE(loaded->lesions[0].maxDiameterMm, 3.46);
        QCOMPARE(loaded->lesions[0].axialDiameterMm, std::optional<double>(3.0));
        QVERIFY(!loaded->lesions[1].axialDiameterMm.has_value()); // not measured: stays absent

        // The stored map numbers the lesions as the rows do.
        const LabelMap labels = imaging::readLabelMap(loaded->labelMapPath);
        QCOMPARE(labels.at(3, 3, 3), std::uint16_t{1});
        QCOMPARE(labels.at(13, 13, 13), std::uint16_t{2});
        QCOMPARE(labels.at(0, 0, 0), std::uint16_t{0});

        const auto ai = aiVersions(db, fixture.seriesId);
        QCOMPARE(ai.size(), std::size_t{1});
        QCOMPARE(ai.front().author, std::string("mtsa-net-test-1"));
        QCOMPARE(ai.front().labelConvention, std::string("metis_instances"));
        QVERIFY(db.listPatients({}).rows.front().hasAiResult);
    }

    void newestRunWinsAndNoEgfrHeadReadsBack() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto user = db.addUser("phys", "Physicist", Role::Physicist);
        const auto fixture = addSeries(db, dir, user, "P2");
        db.recordInferenceRun(user, twoLesionMask(), sampleRun(fixture.seriesId));

        InferenceRun segmentationOnly;
        segmentationOnly.seriesId = fixture.seriesId;
        segmentationOnly.modelVersion = "seg-only";
        segmentationOnly.sliceGtvAreaMm2 = {0.0, 0.0};
        const auto second = db.recordInferenceRun(user, twoLesionMask(), segmentationOnly);

        const auto loaded = db.latestInferenceRun(fixture.seriesId);
        QVERIFY(loaded);
        QCOMPARE(loaded->id, second.id);
        QVERIFY(loaded->sliceMutantProbability.empty());
        QCOMPARE(loaded->sliceGtvAreaMm2.size(), std::size_t{2});
        QVERIFY(!loaded->patientProbability);
        QCOMPARE(loaded->patientCall, std::string(kEgfrCallUndetermined));
        QVERIFY(loaded->lesions.empty());
        QVERIFY(loaded->usedAllSlicesFallback());
    }

    void backendFollowsTheRoleTableForRunInference() {
        // Each role either stores a result or is refused with nothing stored and the refusal
        // audited, exactly as roleAllows says, so a role the table denies is refused here too.
        for (Role role : {Role::Oncologist, Role::Annotator, Role::Physicist, Role::Admin}) {
            QTemporaryDir dir;
            PatientDatabase db(dir.filePath("metis.db").toStdString());
            const auto user = db.addUser("u", "User", role);
            const auto fixture = addSeries(db, dir, user, "P3");
            if (roleAllows(role, Permission::RunInference)) {
                db.recordInferenceRun(user, twoLesionMask(), sampleRun(fixture.seriesId));
                QCOMPARE(db.stats().inferenceRuns, std::int64_t{1});
                continue;
            }
            QVERIFY_THROWS_EXCEPTION(
                PermissionDenied,
                db.recordInferenceRun(user, twoLesionMask(), sampleRun(fixture.seriesId)));
            QCOMPARE(db.stats().inferenceRuns, std::int64_t{0});
            QVERIFY(aiVersions(db, fixture.seriesId).empty());
            QCOMPARE(db.auditLog("u").front().action, std::string("permission.denied"));
        }
    }

    void auditRowNamesSeriesModelAndCall() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto user = db.addUser("ann", "Annotator", Role::Annotator);
        const auto fixture = addSeries(db, dir, user, "P4");
        db.recordInferenceRun(user, twoLesionMask(), sampleRun(fixture.seriesId));
        const auto entries = db.auditLog("ann", std::to_string(fixture.seriesId), "inference.run");
        QCOMPARE(entries.size(), std::size_t{1});
        QCOMPARE(entries.front().entity, std::string("series"));
        QVERIFY(entries.front().details.find("mtsa-net-test-1") != std::string::npos);
        QVERIFY(entries.front().details.find("mutant (0.800)") != std::string::npos);
        QVERIFY(entries.front().details.find("on cuda:0 fp32") != std::string::npos);
        QVERIFY(db.check().ok());
    }

    void checkVerifiesTheStoredLabelMap() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto user = db.addUser("onc", "Dr Onc", Role::Oncologist);
        const auto fixture = addSeries(db, dir, user, "P5");
        const auto stored =
            db.recordInferenceRun(user, twoLesionMask(), sampleRun(fixture.seriesId));
        const auto before = db.check();
        QVERIFY(before.ok());
        QCOMPARE(before.filesVerified, std::int64_t{2}); // the manual and the AI label map

        QVERIFY(QFile::remove(QString::fromStdString(stored.labelMapPath)));
        const auto after = db.check();
        QCOMPARE(after.problems.size(), std::size_t{1});
        QVERIFY(after.problems.front().find(stored.labelMapPath) != std::string::npos);
        QVERIFY(after.problems.front().find("missing") != std::string::npos);
    }

    void badResultIsRefusedWithoutRows() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto user = db.addUser("onc", "Dr Onc", Role::Oncologist);
        const auto fixture = addSeries(db, dir, user, "P5");
        const auto before = db.stats();
        auto unknownSeries = sampleRun(fixture.seriesId + 100);
        QVERIFY_THROWS_EXCEPTION(DatabaseError,
                                 db.recordInferenceRun(user, twoLesionMask(), unknownSeries));
        auto badSlice = sampleRun(fixture.seriesId);
        badSlice.slicesUsed = {7};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 db.recordInferenceRun(user, twoLesionMask(), badSlice));
        // No run, and no AI structure set that lesion rows could belong to.
        QCOMPARE(db.stats().inferenceRuns, std::int64_t{0});
        QCOMPARE(db.stats().structureSets, before.structureSets);
    }

    /// The triage of AI lesions: the newest decision per lesion is kept, each one audited with
    /// the decision it replaced; a lesion the result does not have is refused.
    void aiLesionDecisionsAreKeptAndAudited() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const auto oncologist = db.addUser("onc", "Dr Onc", Role::Oncologist);
        const auto annotator = db.addUser("ann", "Annotator", Role::Annotator);
        const auto fixture = addSeries(db, dir, oncologist, "P6");
        const auto run =
            db.recordInferenceRun(oncologist, twoLesionMask(), sampleRun(fixture.seriesId));
        QVERIFY(db.aiLesionReviews(run.id).empty());

        db.reviewAiLesion(annotator, run.id, 2, AiLesionDecision::Rejected);
        db.reviewAiLesion(oncologist, run.id, 1, AiLesionDecision::Confirmed);
        db.reviewAiLesion(oncologist, run.id, 2, AiLesionDecision::Confirmed);
        const auto reviews = db.aiLesionReviews(run.id);
        QCOMPARE(reviews.size(), std::size_t{2});
        QCOMPARE(reviews[0].lesionNumber, 1);
        QVERIFY(reviews[0].decision == AiLesionDecision::Confirmed);
        QCOMPARE(reviews[1].lesionNumber, 2);
        QVERIFY(reviews[1].decision == AiLesionDecision::Confirmed);
        QCOMPARE(reviews[1].username, std::string("onc"));

        const auto entries = db.auditLog({}, std::to_string(run.id), "ai_lesion.review");
        QCOMPARE(entries.size(), std::size_t{3});
        std::vector<std::string> details;
        for (const auto& entry : entries) {
            details.push_back(entry.details);
        }
        QVERIFY(std::find(details.begin(), details.end(), "lesion 2: rejected -> confirmed") !=
                details.end());
        QVERIFY(std::find(details.begin(), details.end(), "lesion 2: none -> rejected") !=
                details.end());

        QVERIFY_THROWS_EXCEPTION(
            DatabaseError, db.reviewAiLesion(oncologist, run.id, 3, AiLesionDecision::Rejected));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, db.reviewAiLesion(oncologist, run.id + 1, 1,
                                                                  AiLesionDecision::Rejected));
        QCOMPARE(db.aiLesionReviews(run.id).size(), std::size_t{2});
        QVERIFY(db.check().ok());
    }
};

QTEST_GUILESS_MAIN(TestInferenceRuns)
#include "test_inference_runs.moc"
