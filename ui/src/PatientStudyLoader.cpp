#include "metis/ui/PatientStudyLoader.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/StoredSeries.h"

#include <algorithm>

namespace metis::ui {
namespace {

ImageVolume loadDicomSeries(db::PatientDatabase& database, std::int64_t seriesId,
                            imaging::SeriesInfo& info, ProgressSink& progress) {
    info = workflow::scanStoredSeries(database, seriesId);
    return imaging::loadSeries(info, progress);
}

} // namespace

PatientStudy loadPatientStudy(db::PatientDatabase& database, const std::string& patientId,
                              ProgressSink& progress, std::optional<std::int64_t> seriesId) {
    PatientStudy study;
    study.patientId = patientId;
    const auto series = database.seriesOfPatient(patientId);
    if (series.empty()) {
        throw std::runtime_error("patient " + patientId + " has no image series in the database");
    }
    const auto chosen = seriesId ? std::find_if(series.begin(), series.end(),
                                                [&](const auto& s) { return s.id == *seriesId; })
                                 : series.begin();
    if (chosen == series.end()) {
        throw std::runtime_error("series " + std::to_string(*seriesId) + " is not patient " +
                                 patientId + "'s");
    }
    const auto record = database.seriesRecord(chosen->id);
    if (!record) {
        throw std::runtime_error("series " + std::to_string(chosen->id) + " vanished");
    }
    study.seriesId = record->id;
    study.seriesUid = record->seriesUid;
    study.seriesDescription = record->description;

    imaging::SeriesInfo info;
    auto image = std::make_shared<ImageVolume>(
        record->volumePath.empty() ? loadDicomSeries(database, study.seriesId, info, progress)
                                   : imaging::readImage(record->volumePath));
    const auto& size = image->geometry().size;
    study.focusMm = image->geometry().indexToPatient(
        {(size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0});
    study.scene = std::make_shared<viewer::ViewerScene>();
    study.scene->image = image;
    try {
        std::string description;
        const auto version = database.newestManualStructureSet(study.seriesId);
        LabelMap manual;
        if (version) {
            description =
                "structure set " + std::to_string(version->id) + " (" + version->reviewStatus + ")";
            manual = workflow::loadStructureSetLabels(database, *version, &info);
            study.manualStructureSetId = version->id;
            study.manualReviewStatus = version->reviewStatus;
        }
        if (!manual.empty()) {
            const auto components = labelConnectedComponents(manual).components;
            const auto largest = std::max_element(
                components.begin(), components.end(),
                [](const auto& a, const auto& b) { return a.voxelCount < b.voxelCount; });
            if (largest != components.end()) {
                study.focusMm = largest->centroidMm;
            }
            study.manualGtv = std::make_shared<const LabelMap>(std::move(manual));
            study.scene->overlays.push_back(viewer::manualGtvLayer(study.manualGtv));
        }
    } catch (const std::exception& e) {
        // The image is still worth showing; the reason the contours are missing is reported.
        study.notes.push_back(std::string("manual GTV not shown: ") + e.what());
    }
    try {
        study.inferenceRun = database.latestInferenceRun(study.seriesId);
        if (study.inferenceRun && !study.inferenceRun->labelMapPath.empty()) {
            study.predictedGtv = std::make_shared<const LabelMap>(
                imaging::readLabelMap(study.inferenceRun->labelMapPath));
            if (study.predictedGtv->geometry().size != image->geometry().size) {
                throw std::runtime_error("the stored AI label map " +
                                         study.inferenceRun->labelMapPath +
                                         " does not match the series grid");
            }
            study.scene->overlays.push_back(viewer::predictedGtvLayer(study.predictedGtv));
        }
    } catch (const std::exception& e) {
        study.predictedGtv.reset();
        study.notes.push_back(std::string("AI result not shown: ") + e.what());
    }
    return study;
}

} // namespace metis::ui
