#pragma once

#include "metis/core/Progress.h"
#include "metis/database/PatientDatabase.h"
#include "metis/workflow/AiResultCheck.h"
#include "metis/workflow/Comparison.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metis::workflow {

/// One patient's series opened for review: the image, its newest manual GTV and its newest
/// stored AI result, each GTV with its lesions found once.
struct OpenedStudy {
    std::string patientId;
    std::int64_t seriesId = 0;
    std::string seriesUid;
    std::string seriesDescription;
    std::shared_ptr<const ImageVolume> image;
    /// The newest manual or imported GTV on the series grid, one label value per lesion (ROI);
    /// null when the series has none.
    std::shared_ptr<const LabelMap> manualGtv;
    GtvLesions manualLesions; ///< of manualGtv, labelled when it was loaded
    /// The ROI names of an imported RTSTRUCT's lesions by label value; empty when the manual
    /// GTV is a label map (its lesions go by lesionRoiName: GTV_01, ...).
    std::map<int, std::string> manualLesionNames;
    std::optional<std::int64_t> manualStructureSetId; ///< the version manualGtv shows
    std::string manualReviewStatus;
    /// The newest stored AI result of the series (label map and figures); absent before the
    /// first inference run.
    std::shared_ptr<const LabelMap> predictedGtv;
    std::optional<db::InferenceRun> inferenceRun;
    /// Of predictedGtv: the run's own lesion rows, when they agree with its stored map.
    GtvLesions aiLesions;
    /// What a reader should doubt about the stored AI result (assessAiResult); empty without one.
    std::vector<AiDoubt> aiDoubts;
    /// The patient's newest recorded EGFR status (mutant, wild_type, unknown; empty: none).
    std::string recordedEgfrStatus;
    /// Where to look first: the centre of the largest manual lesion, else the volume centre.
    Vec3 focusMm{0, 0, 0};
    std::vector<std::string> notes; ///< what could not be loaded, and why
};

/// The name of manual lesion `number` as the RTSTRUCT names it: its imported ROI's name in
/// `roiNames` (OpenedStudy::manualLesionNames), or GTV_nn.
std::string manualLesionName(const std::map<int, std::string>& roiNames, int number);
/// The name of lesion `number` of the stored AI result: "AI GTV_nn".
std::string aiLesionName(int number);

/// Opens `seriesId` of the patient (default: the series with most slices) from managed storage
/// (DICOM instances or a research volume), with its newest manual or imported GTV (RTSTRUCT or
/// label map) and its newest stored AI result. A GTV that cannot be loaded leaves a note and
/// the image is still returned. Runs on the caller's connection (a worker thread opens its own).
/// Throws std::runtime_error naming the patient and the problem.
OpenedStudy openPatientStudy(db::PatientDatabase& database, const std::string& patientId,
                             ProgressSink& progress,
                             std::optional<std::int64_t> seriesId = std::nullopt);

} // namespace metis::workflow
