#pragma once
// Cohort evaluation of a model package (MTSA-NET.md "Metrics", paper tables 2-4): per patient,
// the predicted GTV against the reference mask and the patient-level EGFR call against the
// label; per set, the paper's figures (mean Dice, HD95, pixel precision and recall; patient-level
// accuracy, precision, recall, F1) plus ROC AUC, calibration and lesion-wise sensitivity by size.
// Torch-free.

#include "metis/core/ClassificationMetrics.h"
#include "metis/core/SegmentationMetrics.h"
#include "metis/models/InferenceEngine.h"

#include <optional>
#include <string>
#include <vector>

namespace metis::models {

struct PatientEvaluation {
    std::string patientId;
    std::string set;     ///< e.g. "internal test", "external test"
    int egfrMutant = -1; ///< reference label: 1 mutant, 0 wild-type, -1 unknown
    /// Present when the model has a segmentation head.
    std::optional<SegmentationReport> segmentation;
    /// Per reference lesion (segmentation->lesions.rows, same order): the highest GTV
    /// probability the model gave any of its voxels, before the threshold. Tells a missed
    /// lesion the network did not see (near 0) from one the post-processing dropped.
    std::vector<double> lesionPeakProbability;
    double sliceSpacingMm = 0.0;             ///< of the series grid, along its third index axis
    std::optional<PatientEgfrCall> egfrCall; ///< present when the model has an EGFR head
    /// The same top-50 % rule on the slices the reference GTV covers, ranked by its area there
    /// (present with an EGFR head and a non-empty reference): the paper's setting, where the
    /// classifier is scored on metastasis slices. It compares EGFR heads alone, whatever the
    /// segmentation, and is the only fair call for a classification-only network.
    std::optional<PatientEgfrCall> egfrCallOnReferenceSlices;
    double seconds = 0.0; ///< inference time
};

/// Compares one inference result with the reference GTV (same grid as the result's mask).
PatientEvaluation evaluatePatient(const std::string& patientId, const std::string& set,
                                  int egfrMutant, const InferenceResult& result,
                                  const LabelMap& reference);

/// A percentile bootstrap 95 % confidence interval (NaN bounds when undefined).
struct ConfidenceInterval {
    double low = 0.0;
    double high = 0.0;
};

struct SetSummary {
    std::string set;
    std::size_t patients = 0;
    // Segmentation: means over patients (HD95 over those where both masks are non-empty).
    std::size_t segmentedPatients = 0;
    double meanDice = 0.0;
    double meanHd95Mm = 0.0;
    std::size_t hd95Patients = 0;
    double meanPrecision = 0.0;
    double meanRecall = 0.0;
    /// Lesion-wise detection pooled over the set's patients, by reference diameter.
    std::vector<SizeBinSensitivity> lesionSensitivity;
    std::size_t lesions = 0, detectedLesions = 0, falsePositiveLesions = 0;
    double falsePositivesPerPatient = 0.0;
    /// Bootstrap 95 % intervals over the set's patients (2,000 resamples, fixed seed).
    ConfidenceInterval diceInterval, falsePositivesInterval, egfrAucInterval;
    /// Patient-level EGFR (patients with a known label), probability = the top-50 % mean.
    std::optional<ClassificationReport> egfr;
    /// The same from PatientEvaluation::egfrCallOnReferenceSlices.
    std::optional<ClassificationReport> egfrOnReferenceSlices;
    ConfidenceInterval egfrOnReferenceSlicesAucInterval;
};

/// One summary per set name, in order of first appearance, then "all" when there are several.
std::vector<SetSummary> summariseEvaluation(const std::vector<PatientEvaluation>& patients);

/// {"model": {...}, "sets": [...], "patients": [...]} with every figure above.
std::string evaluationReportJson(const std::vector<PatientEvaluation>& patients,
                                 const ModelPackageMetadata& model);

/// A Markdown table of the sets (the paper's table layout plus AUC, ECE and sensitivity).
std::string evaluationTableMarkdown(const std::vector<SetSummary>& sets);

} // namespace metis::models
