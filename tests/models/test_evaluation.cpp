// Cohort evaluation: the patient-level EGFR call on the reference GTV's slices (the paper's
// setting), beside the product's call on the predicted GTV's slices, by hand on small grids.
#include "metis/models/Evaluation.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace metis;
using namespace metis::models;

namespace {

// A 1 mm series of 8 x 8 x 10 voxels; the model grid's 2 mm slices are centred at
// z = 0.5, 2.5, ..., 8.5, so series slices 6 and 7 fall on model slice 3 and series slice 2 on
// model slice 1.
ImageGeometry seriesGeometry() {
    ImageGeometry g;
    g.size = {8, 8, 10};
    return g;
}

ImageGeometry modelGeometry() {
    ImageGeometry g;
    g.size = {4, 4, 5};
    g.spacing = {2, 2, 2};
    g.origin = {0.5, 0.5, 0.5};
    return g;
}

/// Four voxels on series slices 6 and 7 each (4 mm^2 on model slice 3), two on slice 2
/// (1 mm^2 on model slice 1).
LabelMap referenceGtv() {
    LabelMap gtv(seriesGeometry(), 0);
    const ImageGeometry& g = gtv.geometry();
    for (const std::int64_t k : {6, 7}) {
        for (const std::int64_t i : {2, 3, 4, 5}) {
            gtv.data()[g.linearIndex(i, 4, k)] = 1;
        }
    }
    gtv.data()[g.linearIndex(1, 1, 2)] = 1;
    gtv.data()[g.linearIndex(2, 1, 2)] = 1;
    return gtv;
}

/// A classification-only result: no segmentation, so the product's call averages every slice.
InferenceResult classificationResult(const std::vector<double>& sliceProbabilities) {
    InferenceResult result;
    result.modelGeometry = modelGeometry();
    result.sliceMutantProbability = sliceProbabilities;
    result.patientCall =
        patientLevelEgfr(std::vector<double>(sliceProbabilities.size(), 0.0), sliceProbabilities);
    return result;
}

} // namespace

TEST(ModelsEvaluation, egfrCallOnReferenceSlicesRanksTheModelSlicesByReferenceArea) {
    const PatientEvaluation e = evaluatePatient(
        "P1", "test", 1, classificationResult({0.1, 0.2, 0.3, 0.9, 0.4}), referenceGtv());
    ASSERT_TRUE(e.egfrCall.has_value());
    EXPECT_NEAR(e.egfrCall->meanProbability, 0.38, 1e-12); // every slice: no predicted GTV
    ASSERT_TRUE(e.egfrCallOnReferenceSlices.has_value());
    // Two slices hold reference GTV (3: 4 mm^2, 1: 1 mm^2); the top half is slice 3.
    EXPECT_EQ(e.egfrCallOnReferenceSlices->slicesUsed, std::vector<std::size_t>{3});
    EXPECT_DOUBLE_EQ(e.egfrCallOnReferenceSlices->meanProbability, 0.9);
    EXPECT_TRUE(e.egfrCallOnReferenceSlices->mutant);
    EXPECT_FALSE(e.segmentation.has_value());
}

TEST(ModelsEvaluation, noReferenceGtvGivesNoReferenceSliceCall) {
    const PatientEvaluation e =
        evaluatePatient("P1", "test", 1, classificationResult({0.1, 0.2, 0.3, 0.9, 0.4}),
                        LabelMap(seriesGeometry(), 0));
    EXPECT_TRUE(e.egfrCall.has_value());
    EXPECT_FALSE(e.egfrCallOnReferenceSlices.has_value());
}

TEST(ModelsEvaluation, theSummaryScoresEachCallOnItsOwn) {
    // The mutant patient's probability is high on its GTV slice and low elsewhere, the wild-type
    // patient's the other way round: on the reference slices the two are ranked right (AUC 1),
    // over every slice wrong (AUC 0).
    const std::vector<PatientEvaluation> patients = {
        evaluatePatient("mutant", "test", 1, classificationResult({0.1, 0.2, 0.3, 0.9, 0.4}),
                        referenceGtv()),
        evaluatePatient("wild-type", "test", 0, classificationResult({0.8, 0.8, 0.8, 0.2, 0.8}),
                        referenceGtv()),
    };
    const std::vector<SetSummary> sets = summariseEvaluation(patients);
    ASSERT_EQ(sets.size(), 1u);
    ASSERT_TRUE(sets[0].egfr.has_value());
    ASSERT_TRUE(sets[0].egfrOnReferenceSlices.has_value());
    EXPECT_DOUBLE_EQ(sets[0].egfr->rocAuc, 0.0);
    EXPECT_DOUBLE_EQ(sets[0].egfrOnReferenceSlices->rocAuc, 1.0);
    EXPECT_DOUBLE_EQ(sets[0].egfrOnReferenceSlices->accuracy, 1.0);

    const std::string json = evaluationReportJson(patients, ModelPackageMetadata{});
    EXPECT_NE(json.find("\"egfr_on_reference_slices\""), std::string::npos);
    EXPECT_NE(json.find("\"egfr_probability_on_reference_slices\":0.2"), std::string::npos);
    const std::string table = evaluationTableMarkdown(sets);
    EXPECT_NE(table.find("AUC on reference-GTV slices"), std::string::npos);
}
