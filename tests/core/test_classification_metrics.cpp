#include "metis/core/ClassificationMetrics.h"

#include <cmath>
#include <cstddef>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <vector>

using namespace metis;

namespace {
bool near(double a, double b) {
    return std::abs(a - b) < 1e-12;
}
} // namespace

TEST(CoreClassificationMetrics, countsAndRatiosByHand) {
    const std::vector<int> labels{0, 0, 1, 1, 1, 0};
    const std::vector<double> p{0.05, 0.15, 0.12, 0.95, 1.0, 0.55};
    const ClassificationReport report = evaluateClassification(labels, p);
    ASSERT_EQ(report.counts.truePositive, std::size_t{2});
    ASSERT_EQ(report.counts.falsePositive, std::size_t{1});
    ASSERT_EQ(report.counts.trueNegative, std::size_t{2});
    ASSERT_EQ(report.counts.falseNegative, std::size_t{1});
    ASSERT_TRUE(near(report.accuracy, 4.0 / 6.0));
    ASSERT_TRUE(near(report.precision, 2.0 / 3.0));
    ASSERT_TRUE(near(report.recall, 2.0 / 3.0));
    ASSERT_TRUE(near(report.f1, 2.0 / 3.0));
    // Exactly 0.5 is not mutant ("mean > 0.5").
    ASSERT_EQ(confusionCounts({1}, {0.5}).falseNegative, std::size_t{1});
}

TEST(CoreClassificationMetrics, aucWithTies) {
    // Pairs (mutant, wild-type) ranked right: 0.9 beats all 3; 0.5 beats 0.2, ties 0.5;
    // 0.7 beats 0.5 and 0.2, ties 0.7: (3 + 1.5 + 2.5) / 9.
    const std::vector<int> labels{1, 1, 0, 0, 1, 0};
    const std::vector<double> p{0.9, 0.5, 0.5, 0.2, 0.7, 0.7};
    ASSERT_TRUE(near(rocAuc(labels, p), 7.0 / 9.0));
    ASSERT_TRUE(near(rocAuc({1, 0}, {0.3, 0.3}), 0.5));
    ASSERT_TRUE(near(rocAuc({0, 1}, {0.1, 0.2}), 1.0));
    ASSERT_TRUE(std::isnan(rocAuc({1, 1}, {0.1, 0.2})));
}

TEST(CoreClassificationMetrics, calibrationByHand) {
    const std::vector<int> labels{0, 0, 1, 1, 1, 0};
    const std::vector<double> p{0.05, 0.15, 0.12, 0.95, 1.0, 0.55};
    // Bins 0: {0.05|0}, 1: {0.15|0, 0.12|1}, 5: {0.55|0}, 9: {0.95|1, 1.0|1}.
    const double expected = (0.05 + 2 * 0.365 + 0.55 + 2 * 0.025) / 6.0;
    ASSERT_TRUE(near(expectedCalibrationError(labels, p), expected));
    const auto bins = calibrationBins(labels, p);
    ASSERT_EQ(bins.size(), std::size_t{10});
    ASSERT_EQ(bins[1].count, std::size_t{2});
    ASSERT_TRUE(near(bins[1].meanProbability, 0.135));
    ASSERT_TRUE(near(bins[1].observedFraction, 0.5));
    ASSERT_EQ(bins[9].count, std::size_t{2}); // 1.0 falls in the last bin
    ASSERT_TRUE(std::isnan(bins[3].meanProbability));
    // Two bins: [0, 0.5) and [0.5, 1].
    const double twoBins = (3 * std::abs(1.0 / 3 - (0.05 + 0.15 + 0.12) / 3) +
                            3 * std::abs(2.0 / 3 - (0.95 + 1.0 + 0.55) / 3)) /
                           6.0;
    ASSERT_TRUE(near(expectedCalibrationError(labels, p, 2), twoBins));
}

TEST(CoreClassificationMetrics, reportJson) {
    const std::string json = evaluateClassification({1, 0}, {0.8, 0.6}).toJson();
    ASSERT_TRUE(json.rfind("{\"samples\":2,\"tp\":1,\"fp\":1,\"tn\":0,\"fn\":0,", 0) == 0);
    ASSERT_TRUE(json.find("\"roc_auc\":1,") != std::string::npos);
    ASSERT_TRUE(json.find("\"mean_probability\":null") != std::string::npos);
}

TEST(CoreClassificationMetrics, patientRuleByHand) {
    // Slices with metastasis: 1 (50), 2 (10), 3 (30), 5 (20), 6 (30); ceil(5 / 2) = 3 kept:
    // 1, then 3 and 6 (equal areas: lower index first).
    const PatientEgfrCall call =
        patientLevelEgfr({0, 50, 10, 30, 0, 20, 30}, {0.9, 0.8, 0.1, 0.6, 0.95, 0.3, 0.2});
    ASSERT_EQ(call.slicesUsed, (std::vector<std::size_t>{1, 3, 6}));
    ASSERT_TRUE(near(call.meanProbability, (0.8 + 0.6 + 0.2) / 3));
    ASSERT_TRUE(call.mutant);
    ASSERT_TRUE(!call.usedAllSlicesFallback);

    const PatientEgfrCall even = patientLevelEgfr({10, 20, 30, 40}, {0.2, 0.4, 0.6, 0.6});
    ASSERT_EQ(even.slicesUsed, (std::vector<std::size_t>{3, 2}));
    ASSERT_TRUE(near(even.meanProbability, 0.6));

    const PatientEgfrCall single = patientLevelEgfr({0, 5}, {0.9, 0.5});
    ASSERT_EQ(single.slicesUsed, (std::vector<std::size_t>{1}));
    ASSERT_TRUE(!single.mutant); // 0.5 is not > 0.5
}

TEST(CoreClassificationMetrics, patientRuleWithoutMetastasisFallsBack) {
    const PatientEgfrCall call = patientLevelEgfr({0, 0, 0}, {0.2, 0.9, 0.7});
    ASSERT_TRUE(call.usedAllSlicesFallback);
    ASSERT_EQ(call.slicesUsed, (std::vector<std::size_t>{0, 1, 2}));
    ASSERT_TRUE(near(call.meanProbability, 0.6));
    ASSERT_TRUE(call.mutant);
}

TEST(CoreClassificationMetrics, invalidInputsThrow) {
    ASSERT_THROW(patientLevelEgfr({1, 2}, {0.5}), std::invalid_argument);
    ASSERT_THROW(patientLevelEgfr({}, {}), std::invalid_argument);
    ASSERT_THROW(patientLevelEgfr({-1}, {0.5}), std::invalid_argument);
    ASSERT_THROW(patientLevelEgfr({1}, {1.2}), std::invalid_argument);
    ASSERT_THROW(rocAuc({2, 0}, {0.1, 0.2}), std::invalid_argument);
    ASSERT_THROW(rocAuc({1, 0}, {0.1, std::nan("")}), std::invalid_argument);
    ASSERT_THROW(evaluateClassification({1}, {0.1, 0.2}), std::invalid_argument);
    ASSERT_THROW(calibrationBins({1}, {0.1}, 0), std::invalid_argument);
}
