// The manual-versus-AI comparison and the report's data built from it: lesions known already
// (the study's, the stored run's) locate the lesions instead of labelling the maps again, and
// a list that does not describe the map is set aside.
#include "SyntheticLesions.h"
#include "TempDir.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/workflow/Comparison.h"
#include "metis/workflow/ReportData.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace metis;
using test_lesions::paintEllipsoids;
using namespace test_lesions::comparison_case;
using Status = workflow::LesionComparison::Status;
using ReportStatus = workflow::ReportLesion::Status;

namespace {

/// The same lesions moved by `offsetMm`: a list that agrees in number and volume with the map,
/// but whose centres tell whether it was used or the map labelled again.
std::vector<workflow::GtvLesion> shifted(std::vector<workflow::GtvLesion> lesions,
                                         double offsetMm) {
    for (auto& lesion : lesions) {
        lesion.centreMm[0] += offsetMm;
    }
    return lesions;
}

void expectSameComparison(const workflow::ComparisonResult& a,
                          const workflow::ComparisonResult& b) {
    ASSERT_EQ(a.report.toJson(), b.report.toJson());
    ASSERT_EQ(a.lesions.size(), b.lesions.size());
    for (std::size_t n = 0; n < a.lesions.size(); ++n) {
        const auto& x = a.lesions[n];
        const auto& y = b.lesions[n];
        ASSERT_EQ(x.status, y.status) << "row " << n;
        ASSERT_EQ(x.manualId, y.manualId) << "row " << n;
        ASSERT_EQ(x.aiId, y.aiId) << "row " << n;
        ASSERT_DOUBLE_EQ(x.manualVolumeMl, y.manualVolumeMl) << "row " << n;
        ASSERT_DOUBLE_EQ(x.aiVolumeMl, y.aiVolumeMl) << "row " << n;
        for (int axis = 0; axis < 3; ++axis) {
            ASSERT_DOUBLE_EQ(x.centreMm[axis], y.centreMm[axis]) << "row " << n;
        }
    }
}

/// Whether `centre` lies within a voxel of `expected` (a voxelised ellipsoid's centroid lies
/// near its centre).
bool near(const Vec3& centre, const Vec3& expected) {
    for (int axis = 0; axis < 3; ++axis) {
        if (std::abs(centre[axis] - expected[axis]) > testGrid().spacing[axis]) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST(WorkflowComparison, findsTheLesionsAndLocatesThem) {
    NullProgressSink quiet;
    const workflow::ComparisonResult result =
        workflow::compareSegmentations(manualMask(), aiMask(), quiet);
    ASSERT_EQ(result.report.lesions.truePositive, std::size_t{2});
    ASSERT_EQ(result.report.lesions.falseNegative, std::size_t{1});
    ASSERT_EQ(result.report.lesions.falsePositive, std::size_t{1});
    ASSERT_EQ(result.lesions.size(), std::size_t{4});
    // Manual lesions in lesion order (raster order of their first voxel), then the false positive.
    const auto missed = std::find_if(result.lesions.begin(), result.lesions.end(),
                                     [](const auto& l) { return l.status == Status::Missed; });
    ASSERT_TRUE(missed != result.lesions.end());
    ASSERT_TRUE(near(missed->centreMm, kSmall));
    ASSERT_EQ(missed->aiId, 0);
    ASSERT_TRUE(std::isinf(missed->hd95Mm) || missed->hd95Mm > 0.0);
    const auto& fp = result.lesions.back();
    ASSERT_EQ(fp.status, Status::FalsePositive);
    ASSERT_EQ(fp.manualId, 0);
    ASSERT_TRUE(near(fp.centreMm, kFalsePositive));
    ASSERT_TRUE(std::isinf(fp.hd95Mm));
    ASSERT_DOUBLE_EQ(fp.volumeDifferenceMl(), fp.aiVolumeMl);
    // The manual numbers are the lesions of the manual map as labelGtvLesions finds them.
    const auto manual = workflow::labelGtvLesions(manualMask());
    ASSERT_EQ(manual.size(), std::size_t{3});
    for (const auto& row : result.lesions) {
        if (row.status != Status::FalsePositive) {
            ASSERT_DOUBLE_EQ(row.manualVolumeMl, manual.at(row.manualId - 1u).volumeMl);
            ASSERT_DOUBLE_EQ(row.centreMm[0], manual.at(row.manualId - 1u).centreMm[0]);
        }
    }
}

TEST(WorkflowComparison, knownLesionsGiveTheSameAnswerWithoutLabellingAgain) {
    NullProgressSink quiet;
    const LabelMap manual = manualMask();
    const LabelMap ai = aiMask();
    const auto labelled = workflow::compareSegmentations(manual, ai, quiet);
    const auto manualLesions = workflow::labelGtvLesions(manual);
    const auto aiLesions = workflow::labelGtvLesions(ai);
    expectSameComparison(
        labelled, workflow::compareSegmentations(manual, ai, quiet, &manualLesions, &aiLesions));

    // Lists that agree in number and volume are used as they are: their centres show through.
    const auto movedManual = shifted(manualLesions, 100.0);
    const auto movedAi = shifted(aiLesions, -100.0);
    const auto carried = workflow::compareSegmentations(manual, ai, quiet, &movedManual, &movedAi);
    ASSERT_EQ(carried.lesions.size(), labelled.lesions.size());
    for (std::size_t n = 0; n < carried.lesions.size(); ++n) {
        const bool fp = carried.lesions[n].status == Status::FalsePositive;
        ASSERT_NEAR(carried.lesions[n].centreMm[0] - labelled.lesions[n].centreMm[0],
                    fp ? -100.0 : 100.0, 1e-9);
    }
}

TEST(WorkflowComparison, aListOfAnotherMapIsSetAside) {
    NullProgressSink quiet;
    const LabelMap manual = manualMask();
    const LabelMap ai = aiMask();
    const auto labelled = workflow::compareSegmentations(manual, ai, quiet);

    // One lesion short, or one lesion a voxel larger: not these maps' lesions.
    auto fewer = shifted(workflow::labelGtvLesions(manual), 100.0);
    fewer.pop_back();
    auto larger = shifted(workflow::labelGtvLesions(ai), 100.0);
    const Vec3& spacing = testGrid().spacing;
    larger.back().volumeMl += spacing[0] * spacing[1] * spacing[2] / 1000.0;
    expectSameComparison(labelled,
                         workflow::compareSegmentations(manual, ai, quiet, &fewer, &larger));
    // The edited manual GTV against the lesions of the version before it.
    const LabelMap edited = paintEllipsoids(
        testGrid(),
        {{kLarge, {8, 7, 6}, 1}, {kMedium, {5, 4.5, 4.5}, 2}, {kSmall, {1.5, 1.5, 1.6}, 3}});
    const auto before = shifted(workflow::labelGtvLesions(manual), 100.0);
    expectSameComparison(workflow::compareSegmentations(edited, ai, quiet),
                         workflow::compareSegmentations(edited, ai, quiet, &before, nullptr));
}

TEST(WorkflowComparison, differentGridsAreRefused) {
    ImageGeometry other = testGrid();
    other.spacing = {1, 1, 1};
    NullProgressSink quiet;
    ASSERT_THROW(workflow::compareSegmentations(manualMask(), LabelMap(other, 0), quiet),
                 std::invalid_argument);
}

TEST(WorkflowComparison, aStoredRunsLesionsAreCheckedAgainstItsMap) {
    // As the database stores an AI GTV: lesion n has voxel value n.
    const LabelMap numbered = labelConnectedComponents(aiMask()).labels;
    const auto lesions = workflow::labelGtvLesions(aiMask());
    ASSERT_EQ(lesions.size(), std::size_t{3});
    ASSERT_TRUE(workflow::describesLesionNumberedMap(lesions, numbered));
    // A binary map, a list one lesion short, a lesion of another size: no.
    ASSERT_TRUE(!workflow::describesLesionNumberedMap(lesions, aiMask()));
    auto fewer = lesions;
    fewer.pop_back();
    ASSERT_TRUE(!workflow::describesLesionNumberedMap(fewer, numbered));
    auto resized = lesions;
    resized[1].volumeMl *= 1.5;
    ASSERT_TRUE(!workflow::describesLesionNumberedMap(resized, numbered));
    // No lesions: only an empty map.
    ASSERT_TRUE(workflow::describesLesionNumberedMap({}, LabelMap(testGrid(), 0)));
    ASSERT_TRUE(!workflow::describesLesionNumberedMap({}, numbered));

    db::InferenceRun run;
    for (std::size_t n = 0; n < lesions.size(); ++n) {
        run.lesions.push_back({static_cast<int>(n + 1), lesions[n].volumeMl, lesions[n].centreMm,
                               lesions[n].maxDiameterMm, 0.9, lesions[n].axialDiameterMm});
    }
    const auto fromRun = workflow::lesionsOfRun(run);
    ASSERT_EQ(fromRun.size(), lesions.size());
    for (std::size_t n = 0; n < lesions.size(); ++n) {
        ASSERT_DOUBLE_EQ(fromRun[n].volumeMl, lesions[n].volumeMl);
        ASSERT_DOUBLE_EQ(fromRun[n].maxDiameterMm, lesions[n].maxDiameterMm);
        ASSERT_DOUBLE_EQ(fromRun[n].centreMm[2], lesions[n].centreMm[2]);
    }
}

// The report's lesion rows are the comparison's, named and measured as the panel shows them;
// a comparison made already is used as it is.
TEST(WorkflowReportData, bothGtvsGiveTheComparisonsRows) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    workflow::OpenedStudy study;
    study.patientId = "P-CMP";
    study.manualGtv = std::make_shared<const LabelMap>(manualMask());
    study.predictedGtv = std::make_shared<const LabelMap>(aiMask());
    NullProgressSink quiet;
    const workflow::ReportData data = workflow::buildReportData(database, study, "onc", quiet);
    const auto comparison =
        workflow::compareSegmentations(*study.manualGtv, *study.predictedGtv, quiet);
    ASSERT_EQ(data.patientId, std::string("P-CMP"));
    ASSERT_EQ(data.author, std::string("onc"));
    ASSERT_TRUE(!data.ai);
    ASSERT_TRUE(data.dice && data.hd95Mm);
    ASSERT_DOUBLE_EQ(*data.dice, comparison.report.dice);
    ASSERT_DOUBLE_EQ(*data.hd95Mm, comparison.report.hausdorff.percentileMm);
    ASSERT_EQ(data.lesions.size(), comparison.lesions.size());
    for (std::size_t n = 0; n < data.lesions.size(); ++n) {
        const auto& row = data.lesions[n];
        const auto& compared = comparison.lesions[n];
        switch (compared.status) {
        case Status::Matched:
            ASSERT_EQ(row.status, ReportStatus::Matched);
            break;
        case Status::Missed:
            ASSERT_EQ(row.status, ReportStatus::Missed);
            break;
        case Status::FalsePositive:
            ASSERT_EQ(row.status, ReportStatus::FalsePositive);
            break;
        }
        ASSERT_EQ(row.number, row.isAiLesion() ? compared.aiId : compared.manualId);
        ASSERT_EQ(row.manualVolumeMl.has_value(), !row.isAiLesion());
        ASSERT_EQ(row.aiVolumeMl.has_value(), row.status != ReportStatus::Missed);
        if (row.manualVolumeMl) {
            ASSERT_DOUBLE_EQ(*row.manualVolumeMl, compared.manualVolumeMl);
        }
        if (row.aiVolumeMl) {
            ASSERT_DOUBLE_EQ(*row.aiVolumeMl, compared.aiVolumeMl);
        }
        ASSERT_DOUBLE_EQ(row.maxDiameterMm, compared.maxDiameterMm);
    }
    // Key images through the three largest lesions, the largest first: the large manual one.
    ASSERT_EQ(data.keyImageLesions.size(), std::size_t{3});
    ASSERT_TRUE(near(data.lesions[data.keyImageLesions[0]].centreMm, kLarge));
    const auto size = [&](std::size_t i) {
        return std::max(data.lesions[i].manualVolumeMl.value_or(0.0),
                        data.lesions[i].aiVolumeMl.value_or(0.0));
    };
    ASSERT_TRUE(size(data.keyImageLesions[0]) >= size(data.keyImageLesions[1]));
    ASSERT_TRUE(size(data.keyImageLesions[1]) >= size(data.keyImageLesions[2]));

    // The panel's comparison goes in as it is (a marked Dice shows it was not recomputed).
    workflow::ComparisonResult shown = comparison;
    shown.report.dice = 0.123;
    const auto reused =
        workflow::buildReportData(database, study, "onc", quiet, &shown, /*keyImageCount=*/1);
    ASSERT_DOUBLE_EQ(*reused.dice, 0.123);
    ASSERT_EQ(reused.keyImageLesions, std::vector<std::size_t>{data.keyImageLesions[0]});
}

TEST(WorkflowReportData, oneGtvGivesItsLesionsThoseCarriedFirst) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    NullProgressSink quiet;

    workflow::OpenedStudy manualOnly;
    manualOnly.manualGtv = std::make_shared<const LabelMap>(manualMask());
    const auto manual = workflow::buildReportData(database, manualOnly, "", quiet);
    const auto lesions = workflow::labelGtvLesions(*manualOnly.manualGtv);
    ASSERT_TRUE(!manual.dice);
    ASSERT_EQ(manual.lesions.size(), lesions.size());
    for (std::size_t n = 0; n < lesions.size(); ++n) {
        ASSERT_EQ(manual.lesions[n].status, ReportStatus::ManualOnly);
        ASSERT_EQ(manual.lesions[n].number, n + 1);
        ASSERT_TRUE(!manual.lesions[n].aiVolumeMl);
        ASSERT_DOUBLE_EQ(*manual.lesions[n].manualVolumeMl, lesions[n].volumeMl);
    }

    // The AI GTV with the stored run's lesions: those are the rows, not a new labelling.
    workflow::OpenedStudy aiOnly;
    aiOnly.predictedGtv = std::make_shared<const LabelMap>(aiMask());
    aiOnly.aiLesions = {aiOnly.predictedGtv, shifted(workflow::labelGtvLesions(aiMask()), 50.0)};
    const auto ai = workflow::buildReportData(database, aiOnly, "", quiet);
    ASSERT_EQ(ai.lesions.size(), aiOnly.aiLesions.lesions.size());
    for (std::size_t n = 0; n < ai.lesions.size(); ++n) {
        ASSERT_EQ(ai.lesions[n].status, ReportStatus::AiOnly);
        ASSERT_TRUE(ai.lesions[n].isAiLesion());
        ASSERT_DOUBLE_EQ(ai.lesions[n].centreMm[0], aiOnly.aiLesions.lesions[n].centreMm[0]);
    }
    // Lesions of a map the study no longer shows are not used.
    aiOnly.predictedGtv = std::make_shared<const LabelMap>(aiMask());
    const auto relabelled = workflow::buildReportData(database, aiOnly, "", quiet);
    ASSERT_DOUBLE_EQ(relabelled.lesions[0].centreMm[0],
                     workflow::labelGtvLesions(aiMask())[0].centreMm[0]);
}
