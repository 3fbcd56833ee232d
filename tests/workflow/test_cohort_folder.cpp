// A training cohort on disk (workflow/CohortFolder.h): the clinical table as the importer reads
// it, each patient's series and mask, and slices prepared in patient order.
#include "SyntheticLesions.h"
#include "TempDir.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/CohortFolder.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace metis;
namespace fs = std::filesystem;

namespace {

ImageGeometry patientGrid() {
    ImageGeometry g;
    g.size = {32, 32, 6};
    g.spacing = {6.0, 6.0, 4.0};
    g.origin = {-93.0, -93.0, -10.0};
    return g;
}

void writePatient(const fs::path& root, const std::string& id, int lesions) {
    std::vector<test_lesions::Ellipsoid> shapes;
    for (int n = 0; n < lesions; ++n) {
        shapes.push_back({{-40.0 + 30.0 * n, 0, 0}, {10, 10, 6}, 1});
    }
    const LabelMap mask = test_lesions::paintEllipsoids(patientGrid(), shapes);
    ImageVolume image(patientGrid(), 100.0f);
    for (std::size_t i = 0; i < image.data().size(); ++i) {
        image.data()[i] += mask.data()[i] ? 200.0f : static_cast<float>(i % 7);
    }
    fs::create_directories(root / id);
    imaging::writeImage(image, root / id / "image.nii.gz");
    imaging::writeLabelMap(mask, root / id / "mask.nii.gz");
}

} // namespace

TEST(WorkflowCohortFolder, readsTheTableAndPreparesSlicesInPatientOrder) {
    test_tools::TempDir dir;
    const fs::path root = dir.path();
    std::ofstream(root / "clinical.csv") << "Patient ID;Diagnosis Date;EGFR status;Site\n"
                                            "A;2020-01-01;WT;\n"
                                            "B;2020-02-01;positive;internal\n"
                                            "C;2021-09-01;unknown;external\n";
    writePatient(root, "A", 1);
    writePatient(root, "B", 2);
    writePatient(root, "C", 3);

    const workflow::CohortFolder folder = workflow::readCohortFolder(root);
    ASSERT_EQ(folder.cases.size(), 3u);
    ASSERT_EQ(folder.cases[0].egfrMutant, 0);
    ASSERT_EQ(folder.cases[0].site, std::string("internal"));
    ASSERT_EQ(folder.cases[1].egfrMutant, 1);
    ASSERT_EQ(folder.cases[2].egfrMutant, -1);
    ASSERT_EQ(folder.cases[2].site, std::string("external"));
    ASSERT_EQ(folder.manifestSha256.size(), 64u);

    ModelGridOptions grid;
    grid.inputSize = 64;
    NullProgressSink quiet;
    const models::SliceDataset data = workflow::prepareSlices(folder, {2, 0, 1}, grid, 0, quiet);
    ASSERT_EQ(data.patientIds(), (std::vector<std::string>{"C", "A", "B"}));
    ASSERT_GT(data.sliceCount(), 0u);
    ASSERT_EQ(data.metastasisFreeSlices().size(), 0u); // no free slices asked for
    const std::size_t caseOf[] = {2, 0, 1};            // dataset patient -> cohort case
    for (std::size_t slice = 0; slice < data.sliceCount(); ++slice) {
        ASSERT_EQ(data.egfrMutant(slice), folder.cases[caseOf[data.patientOf(slice)]].egfrMutant);
    }
}

TEST(WorkflowCohortFolder, problemsNameTheFile) {
    test_tools::TempDir dir;
    const fs::path root = dir.path();
    std::ofstream(root / "clinical.csv") << "patient_id,diagnosis_date,egfr_status\nA,,mutant\n";
    try {
        workflow::readCohortFolder(root);
        FAIL() << "a patient without a diagnosis date must be refused";
    } catch (const std::runtime_error& e) {
        ASSERT_NE(std::string(e.what()).find("clinical.csv line 2"), std::string::npos) << e.what();
    }
    fs::create_directories(root / "B");
    try {
        workflow::loadCohortPatient(root, "B");
        FAIL() << "a patient without a mask must be refused";
    } catch (const std::runtime_error& e) {
        ASSERT_NE(std::string(e.what()).find("no GTV mask"), std::string::npos) << e.what();
    }
}
