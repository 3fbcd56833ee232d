#pragma once

#include "metis/core/Progress.h"
#include "metis/database/PatientDatabase.h"
#include "metis/viewer/SliceRenderer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metis::ui {

/// What the viewer shows for one patient: the image series and the GTV layers found for it.
struct PatientStudy {
    std::string patientId;
    std::int64_t seriesId = 0;
    std::string seriesUid;
    std::string seriesDescription;
    std::shared_ptr<viewer::ViewerScene> scene;
    /// The newest manual or imported GTV on the series grid, one label value per lesion (ROI);
    /// null when the series has none.
    std::shared_ptr<const LabelMap> manualGtv;
    std::optional<std::int64_t> manualStructureSetId; ///< the version manualGtv shows
    std::string manualReviewStatus;
    /// The newest stored AI result of the series (label map and figures); absent before the
    /// first inference run.
    std::shared_ptr<const LabelMap> predictedGtv;
    std::optional<db::InferenceRun> inferenceRun;
    /// Where to look first: the centre of the largest manual lesion, else the volume centre.
    Vec3 focusMm{0, 0, 0};
    std::vector<std::string> notes; ///< what could not be shown, and why
};

/// Loads `seriesId` of the patient (default: the series with most slices) from managed storage
/// (DICOM instances or a research volume), its newest manual or imported GTV (RTSTRUCT or label
/// map) and its newest stored AI result, ready for the viewer. Runs on a worker thread with its own
/// database connection. Throws std::runtime_error naming the patient and the problem.
PatientStudy loadPatientStudy(db::PatientDatabase& database, const std::string& patientId,
                              ProgressSink& progress,
                              std::optional<std::int64_t> seriesId = std::nullopt);

} // namespace metis::ui
