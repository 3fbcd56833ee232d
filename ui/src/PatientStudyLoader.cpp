#include "metis/ui/PatientStudyLoader.h"

#include "metis/viewer/OffscreenSceneRenderer.h"

namespace metis::ui {

PatientStudy loadPatientStudy(db::PatientDatabase& database, const std::string& patientId,
                              ProgressSink& progress, std::optional<std::int64_t> seriesId) {
    PatientStudy study{workflow::openPatientStudy(database, patientId, progress, seriesId), {}};
    study.scene = std::make_shared<viewer::ViewerScene>();
    study.scene->image = study.image;
    study.scene->headOutline =
        std::make_shared<const LabelMap>(viewer::headOutlineMask(*study.image));
    if (study.manualGtv) {
        study.scene->overlays.push_back(viewer::manualGtvLayer(study.manualGtv));
    }
    if (study.predictedGtv) {
        study.scene->overlays.push_back(viewer::predictedGtvLayer(study.predictedGtv));
    }
    return study;
}

} // namespace metis::ui
