#include "metis/core/ClassificationMetrics.h"

#include "metis/core/Json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace metis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkProbability(double p, const char* what) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw std::invalid_argument(std::string(what) + ": probability " + std::to_string(p) +
                                    " is outside [0, 1]");
    }
}

void checkInputs(const std::vector<int>& labels, const std::vector<double>& probabilities,
                 const char* what) {
    if (labels.size() != probabilities.size()) {
        throw std::invalid_argument(std::string(what) + ": " + std::to_string(labels.size()) +
                                    " labels but " + std::to_string(probabilities.size()) +
                                    " probabilities");
    }
    for (const int label : labels) {
        if (label != 0 && label != 1) {
            throw std::invalid_argument(std::string(what) + ": label " + std::to_string(label) +
                                        " is neither 0 (wild-type) nor 1 (mutant)");
        }
    }
    for (const double p : probabilities) {
        checkProbability(p, what);
    }
}

double ratio(std::size_t numerator, std::size_t denominator) {
    return denominator == 0 ? kNaN
                            : static_cast<double>(numerator) / static_cast<double>(denominator);
}

} // namespace

ConfusionCounts confusionCounts(const std::vector<int>& labels,
                                const std::vector<double>& probabilities, double threshold) {
    checkInputs(labels, probabilities, "confusion counts");
    ConfusionCounts counts;
    for (std::size_t n = 0; n < labels.size(); ++n) {
        const bool predicted = probabilities[n] > threshold;
        const bool actual = labels[n] == 1;
        if (predicted && actual) {
            ++counts.truePositive;
        } else if (predicted) {
            ++counts.falsePositive;
        } else if (actual) {
            ++counts.falseNegative;
        } else {
            ++counts.trueNegative;
        }
    }
    return counts;
}

double rocAuc(const std::vector<int>& labels, const std::vector<double>& probabilities) {
    checkInputs(labels, probabilities, "ROC AUC");
    // Mid-ranks over the pooled scores; AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg).
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return probabilities[a] < probabilities[b]; });
    double positiveRankSum = 0.0;
    std::size_t positives = 0;
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start;
        while (end < order.size() && probabilities[order[end]] == probabilities[order[start]]) {
            ++end;
        }
        const double midRank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
        for (std::size_t n = start; n < end; ++n) {
            if (labels[order[n]] == 1) {
                positiveRankSum += midRank;
                ++positives;
            }
        }
        start = end;
    }
    const std::size_t negatives = labels.size() - positives;
    if (positives == 0 || negatives == 0) {
        return kNaN;
    }
    const double np = static_cast<double>(positives);
    return (positiveRankSum - np * (np + 1.0) / 2.0) / (np * static_cast<double>(negatives));
}

std::vector<CalibrationBin> calibrationBins(const std::vector<int>& labels,
                                            const std::vector<double>& probabilities, int bins) {
    checkInputs(labels, probabilities, "calibration");
    if (bins < 1) {
        throw std::invalid_argument("calibration: the number of bins must be at least 1");
    }
    std::vector<CalibrationBin> result(static_cast<std::size_t>(bins));
    std::vector<double> probabilitySum(result.size(), 0.0);
    std::vector<std::size_t> mutants(result.size(), 0);
    for (std::size_t n = 0; n < labels.size(); ++n) {
        const auto b = std::min<std::size_t>(static_cast<std::size_t>(probabilities[n] * bins),
                                             result.size() - 1);
        ++result[b].count;
        probabilitySum[b] += probabilities[n];
        mutants[b] += labels[n] == 1;
    }
    for (std::size_t b = 0; b < result.size(); ++b) {
        result[b].lower = static_cast<double>(b) / bins;
        result[b].upper = static_cast<double>(b + 1) / bins;
        result[b].meanProbability =
            result[b].count ? probabilitySum[b] / static_cast<double>(result[b].count) : kNaN;
        result[b].observedFraction = ratio(mutants[b], result[b].count);
    }
    return result;
}

double expectedCalibrationError(const std::vector<int>& labels,
                                const std::vector<double>& probabilities, int bins) {
    const auto table = calibrationBins(labels, probabilities, bins);
    if (labels.empty()) {
        return kNaN;
    }
    double error = 0.0;
    for (const CalibrationBin& bin : table) {
        if (bin.count > 0) {
            error += static_cast<double>(bin.count) / static_cast<double>(labels.size()) *
                     std::abs(bin.observedFraction - bin.meanProbability);
        }
    }
    return error;
}

ClassificationReport evaluateClassification(const std::vector<int>& labels,
                                            const std::vector<double>& probabilities,
                                            double threshold, int calibrationBinCount) {
    ClassificationReport report;
    report.samples = labels.size();
    report.counts = confusionCounts(labels, probabilities, threshold);
    const ConfusionCounts& c = report.counts;
    report.accuracy = ratio(c.truePositive + c.trueNegative, labels.size());
    report.precision = ratio(c.truePositive, c.truePositive + c.falsePositive);
    report.recall = ratio(c.truePositive, c.truePositive + c.falseNegative);
    if (std::isnan(report.precision) || std::isnan(report.recall)) {
        report.f1 = kNaN;
    } else if (report.precision + report.recall == 0.0) {
        report.f1 = 0.0;
    } else {
        report.f1 = 2.0 * report.precision * report.recall / (report.precision + report.recall);
    }
    report.rocAuc = rocAuc(labels, probabilities);
    report.calibration = calibrationBins(labels, probabilities, calibrationBinCount);
    report.expectedCalibrationError =
        expectedCalibrationError(labels, probabilities, calibrationBinCount);
    return report;
}

std::string ClassificationReport::toJson() const {
    JsonWriter json;
    json.beginObject()
        .field("samples", static_cast<std::uint64_t>(samples))
        .field("tp", static_cast<std::uint64_t>(counts.truePositive))
        .field("fp", static_cast<std::uint64_t>(counts.falsePositive))
        .field("tn", static_cast<std::uint64_t>(counts.trueNegative))
        .field("fn", static_cast<std::uint64_t>(counts.falseNegative))
        .field("accuracy", accuracy)
        .field("precision", precision)
        .field("recall", recall)
        .field("f1", f1)
        .field("roc_auc", rocAuc)
        .field("ece", expectedCalibrationError);
    json.key("calibration").beginArray();
    for (const CalibrationBin& bin : calibration) {
        json.beginObject()
            .field("lower", bin.lower)
            .field("upper", bin.upper)
            .field("count", static_cast<std::uint64_t>(bin.count))
            .field("mean_probability", bin.meanProbability)
            .field("observed_fraction", bin.observedFraction)
            .endObject();
    }
    json.endArray().endObject();
    return json.str();
}

PatientEgfrCall patientLevelEgfr(const std::vector<double>& sliceAreas,
                                 const std::vector<double>& sliceProbabilities, double keepFraction,
                                 double threshold) {
    if (sliceAreas.size() != sliceProbabilities.size()) {
        throw std::invalid_argument("patient EGFR call: " + std::to_string(sliceAreas.size()) +
                                    " slice areas but " +
                                    std::to_string(sliceProbabilities.size()) + " probabilities");
    }
    if (sliceAreas.empty()) {
        throw std::invalid_argument("patient EGFR call: no slices");
    }
    if (!(keepFraction > 0.0 && keepFraction <= 1.0)) {
        throw std::invalid_argument("patient EGFR call: keep fraction must be in (0, 1]");
    }
    std::vector<std::size_t> ranked;
    for (std::size_t s = 0; s < sliceAreas.size(); ++s) {
        if (!(sliceAreas[s] >= 0.0)) {
            throw std::invalid_argument("patient EGFR call: slice " + std::to_string(s) +
                                        " has an invalid area");
        }
        checkProbability(sliceProbabilities[s], "patient EGFR call");
        if (sliceAreas[s] > 0.0) {
            ranked.push_back(s);
        }
    }
    PatientEgfrCall call;
    if (ranked.empty()) {
        call.usedAllSlicesFallback = true;
        call.slicesUsed.resize(sliceAreas.size());
        std::iota(call.slicesUsed.begin(), call.slicesUsed.end(), 0);
    } else {
        std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
            return sliceAreas[a] > sliceAreas[b];
        });
        // ceil, with a small tolerance so that 0.5 * 4 stays 2 despite rounding.
        const auto keep = std::max<std::size_t>(
            1, static_cast<std::size_t>(
                   std::ceil(keepFraction * static_cast<double>(ranked.size()) - 1e-9)));
        ranked.resize(std::min(keep, ranked.size()));
        call.slicesUsed = ranked;
    }
    double sum = 0.0;
    for (const std::size_t s : call.slicesUsed) {
        sum += sliceProbabilities[s];
    }
    call.meanProbability = sum / static_cast<double>(call.slicesUsed.size());
    call.mutant = call.meanProbability > threshold;
    return call;
}

} // namespace metis
