#pragma once

#include "metis/core/Progress.h"
#include "metis/database/PatientDatabase.h"
#include "metis/workflow/AiResultCheck.h"
#include "metis/workflow/Comparison.h"
#include "metis/workflow/PatientStudy.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metis::workflow {

/// One GTV lesion of the report; a volume is absent when that GTV has no such lesion.
struct ReportLesion {
    enum class Status { Matched, Missed, FalsePositive, ManualOnly, AiOnly };
    Status status = Status::Matched;
    /// Its number: in the manual GTV, or in the AI GTV for an AI lesion (isAiLesion()).
    std::uint16_t number = 0;
    /// As the RTSTRUCT names it (an imported ROI's name, GTV_nn), "AI GTV_nn" for an AI lesion.
    std::string name;
    std::optional<double> manualVolumeMl;
    std::optional<double> aiVolumeMl;
    double maxDiameterMm = 0.0;            ///< 3D extent
    std::optional<double> axialDiameterMm; ///< RANO-BM longest axial diameter
    Vec3 centreMm{0, 0, 0};
    /// The AI lesion it corresponds to (its number in the stored AI result; 0: none) and a
    /// reader's decision on it, when one was recorded.
    std::uint16_t aiNumber = 0;
    std::optional<db::AiLesionDecision> aiReview;

    /// Named by its AI number ("AI GTV_03"): a false positive, or a lesion of an AI GTV without
    /// a manual one.
    bool isAiLesion() const { return status == Status::FalsePositive || status == Status::AiOnly; }
};

/// The stored AI result as the report shows it.
struct ReportAiResult {
    std::string modelName; ///< "MTSA-Net"
    std::string modelVersion;
    std::string runDate;                   ///< when the run was stored, as stored
    std::string device;                    ///< where the network ran; empty when not recorded
    std::string precision;                 ///< of the forward pass, e.g. "fp32"
    std::optional<double> egfrProbability; ///< patient-level mutant probability
    std::string egfrCall;                  ///< as stored: mutant, wild_type or undetermined
    /// The post-processing the GTV was made with (absent for results stored before it was
    /// recorded) and whether a reader chose it instead of the package's.
    std::optional<double> gtvThreshold;
    std::optional<double> minLesionVolumeMm3;
    bool postProcessingChanged = false;
    std::vector<AiDoubt> doubts; ///< what the result states about its own plausibility
};

/// The manual GTV version the report compares with, and where its review stands.
struct ReportManualGtv {
    std::int64_t version = 0; ///< the structure set's id
    std::string source;       ///< manual or imported
    std::string author;
    std::string createdAt;
    std::string reviewStatus; ///< draft, corrected, approved or locked
    /// Who set the present review status and when (the audit log); empty for a draft nobody
    /// reviewed.
    std::string reviewedBy;
    std::string reviewedAt;
};

/// Everything the patient report shows, as plain values; the front end words, lays out and
/// prints them.
struct ReportData {
    std::string patientId;
    std::string patientName;
    std::string birthDate;
    std::string sex;
    std::string studyDate;
    std::string studyDescription;
    std::string seriesDescription;

    std::optional<ReportAiResult> ai; ///< absent before the model ran on the series
    /// The patient's recorded EGFR status (mutant, wild_type, unknown; empty: none recorded).
    std::string recordedEgfrStatus;
    std::optional<ReportManualGtv> manualGtv; ///< absent when the series has none

    /// Manual against AI GTV, when both exist.
    std::optional<double> dice;
    std::optional<double> hd95Mm;
    /// Manual lesions in lesion order, then the AI's false positives; or the lesions of the one
    /// GTV there is.
    std::vector<ReportLesion> lesions;
    /// The lesions the key images go through: indices into `lesions`, the largest first.
    std::vector<std::size_t> keyImageLesions;
    /// AI lesions without a manual counterpart that a reader rejected: left out of `lesions`
    /// (and so of the key images), counted here.
    std::size_t rejectedAiLesions = 0;

    std::string author; ///< the signed-in user who exported the report
    std::chrono::system_clock::time_point createdAt = std::chrono::system_clock::now();
};

/// The report of an opened study: patient and study rows from `database`, the study's stored
/// AI result, the lesion-wise comparison of the manual and the AI GTV, and the key image
/// lesions (at most `keyImageCount`, the largest), with the readers' decisions on the AI lesions
/// (a rejected false positive is not listed). `comparison`, when given, is the comparison
/// of the study's manualGtv and predictedGtv already made (the workstation's panel): it is used
/// as it is instead of comparing again. The lesions the study carries are used, not labelled
/// again.
ReportData buildReportData(db::PatientDatabase& database, const OpenedStudy& study,
                           const std::string& author, ProgressSink& progress,
                           const ComparisonResult* comparison = nullptr, int keyImageCount = 3);

} // namespace metis::workflow
