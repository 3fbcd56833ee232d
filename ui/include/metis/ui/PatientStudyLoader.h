#pragma once

#include "metis/core/Progress.h"
#include "metis/database/PatientDatabase.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/workflow/PatientStudy.h"

#include <memory>
#include <optional>
#include <string>

namespace metis::ui {

/// An opened study (workflow::openPatientStudy) with what the viewer shows of it: the image and
/// its GTV layers, manual (yellow) first, then the AI's (green).
struct PatientStudy : workflow::OpenedStudy {
    std::shared_ptr<viewer::ViewerScene> scene;
};

/// Opens the patient's series (workflow::openPatientStudy) and builds its viewer scene. Runs on
/// a worker thread with its own database connection. Throws std::runtime_error naming the
/// patient and the problem.
PatientStudy loadPatientStudy(db::PatientDatabase& database, const std::string& patientId,
                              ProgressSink& progress,
                              std::optional<std::int64_t> seriesId = std::nullopt);

} // namespace metis::ui
