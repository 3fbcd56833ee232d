#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace metis {

// Binary EGFR classification; the positive class is "mutant" (label 1), probabilities are the
// mutant probability in [0, 1]. Inputs of different lengths, labels other than 0/1 or
// probabilities outside [0, 1] (NaN included) throw std::invalid_argument.
// Undefined ratios (no sample, no predicted positive, ...) are NaN.

struct ConfusionCounts {
    std::size_t truePositive = 0;
    std::size_t falsePositive = 0;
    std::size_t trueNegative = 0;
    std::size_t falseNegative = 0;
};

/// Predicted mutant when probability > threshold (the paper's "mean > 0.5").
ConfusionCounts confusionCounts(const std::vector<int>& labels,
                                const std::vector<double>& probabilities, double threshold = 0.5);

/// Area under the ROC curve as the Mann-Whitney statistic: the fraction of (mutant, wild-type)
/// pairs ranked correctly, ties counting one half. NaN unless both classes are present.
double rocAuc(const std::vector<int>& labels, const std::vector<double>& probabilities);

struct CalibrationBin {
    double lower = 0.0;
    double upper = 0.0;
    std::size_t count = 0;
    double meanProbability = 0.0;  ///< NaN for an empty bin
    double observedFraction = 0.0; ///< fraction of mutants; NaN for an empty bin
};

/// Reliability of the mutant probability: `bins` equal-width bins over [0, 1]; bin b holds
/// [b/B, (b+1)/B), the last bin also holds 1. ECE = sum over bins of
/// (count / N) * |observed fraction - mean probability|.
std::vector<CalibrationBin> calibrationBins(const std::vector<int>& labels,
                                            const std::vector<double>& probabilities,
                                            int bins = 10);
double expectedCalibrationError(const std::vector<int>& labels,
                                const std::vector<double>& probabilities, int bins = 10);

struct ClassificationReport {
    std::size_t samples = 0;
    ConfusionCounts counts;
    double accuracy = 0.0;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0; ///< 0 when precision + recall is 0; NaN when either is undefined
    double rocAuc = 0.0;
    double expectedCalibrationError = 0.0;
    std::vector<CalibrationBin> calibration;

    std::string toJson() const;
};

ClassificationReport evaluateClassification(const std::vector<int>& labels,
                                            const std::vector<double>& probabilities,
                                            double threshold = 0.5, int calibrationBinCount = 10);

/// The paper's patient-level EGFR call (MTSA-NET.md): slices with predicted metastasis
/// (area > 0) are ranked by area, descending (equal areas: lower slice index first); the top
/// ceil(50 %) of them, at least one, are kept; their mutant probabilities are averaged; the
/// patient is mutant when that mean > threshold.
/// A patient with no predicted metastasis on any slice falls back to the mean over all slices
/// (usedAllSlicesFallback = true), so a call is always made and the UI can flag it.
struct PatientEgfrCall {
    double meanProbability = 0.0;
    bool mutant = false;
    /// Slice indices that entered the mean, in ranking order (largest area first).
    std::vector<std::size_t> slicesUsed;
    bool usedAllSlicesFallback = false;
};

/// `sliceAreas` (any unit, e.g. mm^2 or pixels) and `sliceProbabilities` are indexed by slice.
/// Throws std::invalid_argument when they differ in length, are empty, or hold a negative or
/// NaN area or a probability outside [0, 1].
PatientEgfrCall patientLevelEgfr(const std::vector<double>& sliceAreas,
                                 const std::vector<double>& sliceProbabilities,
                                 double keepFraction = 0.5, double threshold = 0.5);

} // namespace metis
