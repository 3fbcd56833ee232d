#include "metis/core/ClassificationMetrics.h"

#include <QTest>
#include <cmath>
#include <stdexcept>

using namespace metis;

namespace {
bool near(double a, double b) {
    return std::abs(a - b) < 1e-12;
}
} // namespace

class TestClassificationMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsAndRatiosByHand() {
        const std::vector<int> labels{0, 0, 1, 1, 1, 0};
        const std::vector<double> p{0.05, 0.15, 0.12, 0.95, 1.0, 0.55};
        const ClassificationReport report = evaluateClassification(labels, p);
        QCOMPARE(report.counts.truePositive, std::size_t{2});
        QCOMPARE(report.counts.falsePositive, std::size_t{1});
        QCOMPARE(report.counts.trueNegative, std::size_t{2});
        QCOMPARE(report.counts.falseNegative, std::size_t{1});
        QVERIFY(near(report.accuracy, 4.0 / 6.0));
        QVERIFY(near(report.precision, 2.0 / 3.0));
        QVERIFY(near(report.recall, 2.0 / 3.0));
        QVERIFY(near(report.f1, 2.0 / 3.0));
        // Exactly 0.5 is not mutant ("mean > 0.5").
        QCOMPARE(confusionCounts({1}, {0.5}).falseNegative, std::size_t{1});
    }

    void aucWithTies() {
        // Pairs (mutant, wild-type) ranked right: 0.9 beats all 3; 0.5 beats 0.2, ties 0.5;
        // 0.7 beats 0.5 and 0.2, ties 0.7: (3 + 1.5 + 2.5) / 9.
        const std::vector<int> labels{1, 1, 0, 0, 1, 0};
        const std::vector<double> p{0.9, 0.5, 0.5, 0.2, 0.7, 0.7};
        QVERIFY(near(rocAuc(labels, p), 7.0 / 9.0));
        QVERIFY(near(rocAuc({1, 0}, {0.3, 0.3}), 0.5));
        QVERIFY(near(rocAuc({0, 1}, {0.1, 0.2}), 1.0));
        QVERIFY(std::isnan(rocAuc({1, 1}, {0.1, 0.2})));
    }

    void calibrationByHand() {
        const std::vector<int> labels{0, 0, 1, 1, 1, 0};
        const std::vector<double> p{0.05, 0.15, 0.12, 0.95, 1.0, 0.55};
        // Bins 0: {0.05|0}, 1: {0.15|0, 0.12|1}, 5: {0.55|0}, 9: {0.95|1, 1.0|1}.
        const double expected = (0.05 + 2 * 0.365 + 0.55 + 2 * 0.025) / 6.0;
        QVERIFY(near(expectedCalibrationError(labels, p), expected));
        const auto bins = calibrationBins(labels, p);
        QCOMPARE(bins.size(), std::size_t{10});
        QCOMPARE(bins[1].count, std::size_t{2});
        QVERIFY(near(bins[1].meanProbability, 0.135));
        QVERIFY(near(bins[1].observedFraction, 0.5));
        QCOMPARE(bins[9].count, std::size_t{2}); // 1.0 falls in the last bin
        QVERIFY(std::isnan(bins[3].meanProbability));
        // Two bins: [0, 0.5) and [0.5, 1].
        const double twoBins = (3 * std::abs(1.0 / 3 - (0.05 + 0.15 + 0.12) / 3) +
                                3 * std::abs(2.0 / 3 - (0.95 + 1.0 + 0.55) / 3)) /
                               6.0;
        QVERIFY(near(expectedCalibrationError(labels, p, 2), twoBins));
    }

    void reportJson() {
        const std::string json = evaluateClassification({1, 0}, {0.8, 0.6}).toJson();
        QVERIFY(json.rfind("{\"samples\":2,\"tp\":1,\"fp\":1,\"tn\":0,\"fn\":0,", 0) == 0);
        QVERIFY(json.find("\"roc_auc\":1,") != std::string::npos);
        QVERIFY(json.find("\"mean_probability\":null") != std::string::npos);
    }

    void patientRuleByHand() {
        // Slices with metastasis: 1 (50), 2 (10), 3 (30), 5 (20), 6 (30); ceil(5 / 2) = 3 kept:
        // 1, then 3 and 6 (equal areas: lower index first).
        const PatientEgfrCall call =
            patientLevelEgfr({0, 50, 10, 30, 0, 20, 30}, {0.9, 0.8, 0.1, 0.6, 0.95, 0.3, 0.2});
        QCOMPARE(call.slicesUsed, (std::vector<std::size_t>{1, 3, 6}));
        QVERIFY(near(call.meanProbability, (0.8 + 0.6 + 0.2) / 3));
        QVERIFY(call.mutant);
        QVERIFY(!call.usedAllSlicesFallback);

        const PatientEgfrCall even = patientLevelEgfr({10, 20, 30, 40}, {0.2, 0.4, 0.6, 0.6});
        QCOMPARE(even.slicesUsed, (std::vector<std::size_t>{3, 2}));
        QVERIFY(near(even.meanProbability, 0.6));

        const PatientEgfrCall single = patientLevelEgfr({0, 5}, {0.9, 0.5});
        QCOMPARE(single.slicesUsed, (std::vector<std::size_t>{1}));
        QVERIFY(!single.mutant); // 0.5 is not > 0.5
    }

    void patientRuleWithoutMetastasisFallsBack() {
        const PatientEgfrCall call = patientLevelEgfr({0, 0, 0}, {0.2, 0.9, 0.7});
        QVERIFY(call.usedAllSlicesFallback);
        QCOMPARE(call.slicesUsed, (std::vector<std::size_t>{0, 1, 2}));
        QVERIFY(near(call.meanProbability, 0.6));
        QVERIFY(call.mutant);
    }

    void invalidInputsThrow() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, patientLevelEgfr({1, 2}, {0.5}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, patientLevelEgfr({}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, patientLevelEgfr({-1}, {0.5}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, patientLevelEgfr({1}, {1.2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rocAuc({2, 0}, {0.1, 0.2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rocAuc({1, 0}, {0.1, std::nan("")}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, evaluateClassification({1}, {0.1, 0.2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, calibrationBins({1}, {0.1}, 0));
    }
};

QTEST_APPLESS_MAIN(TestClassificationMetrics)
#include "test_classification_metrics.moc"
