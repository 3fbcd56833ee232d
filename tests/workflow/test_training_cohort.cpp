// The training cohort from the database (the training wizard's cohort and split pages, and
// `metis-cli cohort`): who can train and why the others cannot, and the split's refusals.
#include "TempDir.h"
#include "metis/database/Importer.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/workflow/TrainingCohort.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace metis;
using workflow::ExclusionReason;

namespace {

ImageGeometry smallGrid() {
    ImageGeometry grid;
    grid.size = {24, 24, 8};
    grid.spacing = {1.0, 1.0, 2.0};
    return grid;
}

/// A DICOM series of `patientId` from scanner `manufacturer`, imported; returns its series id.
std::int64_t importSeries(db::PatientDatabase& database, const std::filesystem::path& root,
                          const std::string& patientId, const std::string& manufacturer) {
    imaging::DicomWriteOptions options;
    options.metadata.patientId = patientId;
    options.metadata.patientName = "COHORT^" + patientId;
    options.metadata.manufacturer = manufacturer;
    NullProgressSink quiet;
    imaging::writeDicomSeries(ImageVolume(smallGrid(), 100.0f), root / patientId, options, quiet);
    db::importPaths(database, {(root / patientId).string()}, {}, quiet);
    return database.seriesOfPatient(patientId).front().id;
}

/// A manual GTV version holding one cube lesion of `side` voxels, set to `status`.
void saveGtv(db::PatientDatabase& database, std::int64_t seriesId, int side,
             const std::string& status) {
    LabelMap gtv(smallGrid());
    for (int k = 1; k < 1 + std::max(1, side / 2); ++k)
        for (int j = 2; j < 2 + side; ++j)
            for (int i = 2; i < 2 + side; ++i)
                gtv.at(i, j, k) = 1;
    const db::User oncologist = *database.findUser("oncologist");
    const auto version =
        database.saveStructureSetVersion(oncologist, seriesId, gtv, std::nullopt, "fixture");
    if (status != "draft") {
        database.setReviewStatus(oncologist, version.id, status);
    }
}

void label(db::PatientDatabase& database, const std::string& patientId, EgfrStatus status,
           const std::string& date) {
    database.setClinicalLabel(*database.findPatient(patientId), status, date, "csv");
}

const workflow::ExcludedPatient* excludedOf(const workflow::DatabaseCohort& cohort,
                                            const std::string& patientId) {
    const auto found = std::find_if(cohort.excluded.begin(), cohort.excluded.end(),
                                    [&](const auto& e) { return e.patientId == patientId; });
    return found == cohort.excluded.end() ? nullptr : &*found;
}

std::vector<std::string> idsOf(const workflow::DatabaseCohort& cohort) {
    std::vector<std::string> ids;
    for (const auto& patient : cohort.patients) {
        ids.push_back(patient.patientId);
    }
    return ids;
}

} // namespace

TEST(WorkflowTrainingCohort, eligiblePatientsAndTheReasonsOfTheOthers) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    database.ensureDefaultUsers();
    const std::filesystem::path data = dir.filePath("data");
    saveGtv(database, importSeries(database, data, "A01", "GE"), 3, "approved");
    label(database, "A01", EgfrStatus::Mutant, "2020-01-01");
    saveGtv(database, importSeries(database, data, "A02", "GE"), 6, "corrected");
    label(database, "A02", EgfrStatus::WildType, "2020-02-01");
    saveGtv(database, importSeries(database, data, "A03", "GE"), 6, "draft");
    label(database, "A03", EgfrStatus::Mutant, "2020-03-01");
    saveGtv(database, importSeries(database, data, "A04", "Siemens"), 6, "approved");
    importSeries(database, data, "A05", "GE"); // no GTV
    label(database, "A05", EgfrStatus::Mutant, "2020-05-01");
    database.upsertPatient({"A06", "COHORT^A06", "", ""}); // no image
    label(database, "A06", EgfrStatus::Mutant, "2020-06-01");
    saveGtv(database, importSeries(database, data, "A07", "Siemens"), 12, "locked");
    label(database, "A07", EgfrStatus::WildType, "2021-06-01");
    saveGtv(database, importSeries(database, data, "A08", "GE"), 6, "approved");
    label(database, "A08", EgfrStatus::Unknown, "2020-08-01");
    saveGtv(database, importSeries(database, data, "A09", "GE"), 6, "approved");
    label(database, "A09", EgfrStatus::Mutant, "");

    workflow::CohortFilter approved;
    const auto cohort = workflow::selectDatabaseCohort(database, approved);
    EXPECT_EQ(idsOf(cohort), (std::vector<std::string>{"A01", "A07"}));
    EXPECT_EQ(cohort.mutantCount(), std::size_t{1});
    EXPECT_EQ(cohort.outsideFilter, std::size_t{0});
    EXPECT_EQ(cohort.patients[1].site, std::string("Siemens"));
    EXPECT_EQ(cohort.patients[1].diagnosisDate, std::string("2021-06-01"));
    EXPECT_FALSE(cohort.patients[1].egfrMutant);
    const auto reasons = std::vector<std::pair<std::string, ExclusionReason>>{
        {"A02", ExclusionReason::GtvNotReviewed}, {"A03", ExclusionReason::GtvNotReviewed},
        {"A04", ExclusionReason::NoEgfrStatus},   {"A05", ExclusionReason::NoManualGtv},
        {"A06", ExclusionReason::NoSeries},       {"A08", ExclusionReason::NoEgfrStatus},
        {"A09", ExclusionReason::NoDiagnosisDate}};
    ASSERT_EQ(cohort.excluded.size(), reasons.size());
    for (const auto& [id, reason] : reasons) {
        const auto* excluded = excludedOf(cohort, id);
        ASSERT_TRUE(excluded) << id;
        EXPECT_EQ(excluded->reason, reason) << id;
    }
    EXPECT_EQ(workflow::describe(*excludedOf(cohort, "A02"), approved.minimumReview),
              std::string("GTV is corrected (needs approved)"));
    // Lesion sizes from the versions' lesion rows: a 3 mm cube and a 12 x 12 x 12 mm one.
    EXPECT_EQ(cohort.lesionSizeHistogram(), (std::array<std::size_t, 4>{1, 0, 1, 0}));
    EXPECT_EQ(cohort.withoutLesionSizes(), std::size_t{0});
    EXPECT_EQ(cohort.siteCounts(), (std::map<std::string, std::size_t>{{"GE", 1}, {"Siemens", 1}}));

    // Corrected GTVs admitted; a site and a date range narrow the cohort.
    workflow::CohortFilter corrected;
    corrected.minimumReview = workflow::MinimumReview::Corrected;
    EXPECT_EQ(idsOf(workflow::selectDatabaseCohort(database, corrected)),
              (std::vector<std::string>{"A01", "A02", "A07"}));
    workflow::CohortFilter siemens;
    siemens.site = "Siemens";
    const auto site = workflow::selectDatabaseCohort(database, siemens);
    EXPECT_EQ(idsOf(site), (std::vector<std::string>{"A07"}));
    EXPECT_EQ(site.outsideFilter, std::size_t{7}); // A04 is a Siemens patient, excluded
    workflow::CohortFilter early;
    early.dateTo = "2020-12-31";
    EXPECT_EQ(idsOf(workflow::selectDatabaseCohort(database, early)),
              (std::vector<std::string>{"A01"}));
}

namespace {

/// Eight GE patients diagnosed in 2020 (alternating EGFR), and `later` patients after the
/// default cutoff with the given statuses, plus two Siemens patients.
workflow::DatabaseCohort syntheticCohort(const std::vector<bool>& later) {
    workflow::DatabaseCohort cohort;
    for (int n = 0; n < 8; ++n) {
        cohort.patients.push_back({"E" + std::to_string(n),
                                   n + 1,
                                   n + 1,
                                   "GE",
                                   "2020-0" + std::to_string(n + 1) + "-01",
                                   n % 2 == 0,
                                   {}});
    }
    for (std::size_t n = 0; n < later.size(); ++n) {
        cohort.patients.push_back(
            {"L" + std::to_string(n), 0, 0, "GE", "2021-09-01", static_cast<bool>(later[n]), {}});
    }
    cohort.patients.push_back({"S0", 0, 0, "Siemens", "2020-03-03", true, {}});
    cohort.patients.push_back({"S1", 0, 0, "Siemens", "2020-04-04", false, {}});
    return cohort;
}

template <typename Call> std::string refusal(Call&& call) {
    try {
        call();
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return {};
}

} // namespace

TEST(WorkflowTrainingCohort, theSplitIsThePapersAndRefusesUnusableSets) {
    workflow::SplitOptions options;
    options.validationCount = 2;
    const auto cohort = syntheticCohort({true, false});
    const auto split = workflow::splitDatabaseCohort(cohort, options);
    EXPECT_EQ(split.internalTest.size(), std::size_t{2});
    EXPECT_EQ(split.validation.size(), std::size_t{2});
    EXPECT_EQ(split.training.size(), std::size_t{8}); // 8 + 2 Siemens earlier, 2 validate
    EXPECT_TRUE(split.externalTest.empty());
    // The same seed draws the same validation patients.
    EXPECT_EQ(workflow::splitDatabaseCohort(cohort, options).validation, split.validation);

    // A held-out site: its patients are the external test set, whatever their dates.
    options.externalSite = "Siemens";
    const auto heldOut = workflow::splitDatabaseCohort(cohort, options);
    ASSERT_EQ(heldOut.externalTest.size(), std::size_t{2});
    EXPECT_EQ(cohort.patients[heldOut.externalTest[0]].patientId, std::string("S0"));
    EXPECT_EQ(heldOut.training.size(), std::size_t{6});

    // Refusals, each naming its problem.
    options.externalSite = "Philips";
    EXPECT_NE(refusal([&] { workflow::splitDatabaseCohort(cohort, options); }).find("Philips"),
              std::string::npos);
    options.externalSite.clear();
    const auto allMutant = syntheticCohort({true, true});
    EXPECT_NE(refusal([&] {
                  workflow::splitDatabaseCohort(allMutant, options);
              }).find("all 2 test patients are EGFR mutant"),
              std::string::npos);
    const auto noTest = syntheticCohort({});
    EXPECT_NE(
        refusal([&] { workflow::splitDatabaseCohort(noTest, options); }).find("test set would be"),
        std::string::npos);
    options.validationCount = 20;
    EXPECT_NE(
        refusal([&] { workflow::splitDatabaseCohort(cohort, options); }).find("need at least"),
        std::string::npos);
    options.validationCount = 0;
    EXPECT_NE(refusal([&] { workflow::splitDatabaseCohort(cohort, options); }).find("validation"),
              std::string::npos);
}
