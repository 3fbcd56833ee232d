#include "metis/workflow/PatientStudy.h"

#include "metis/core/Contours.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/StoredSeries.h"

#include <algorithm>
#include <stdexcept>

namespace metis::workflow {

std::string manualLesionName(const std::map<int, std::string>& roiNames, int number) {
    const auto named = roiNames.find(number);
    return named != roiNames.end() ? named->second : lesionRoiName(number);
}

std::string aiLesionName(int number) {
    return "AI " + lesionRoiName(number);
}

OpenedStudy openPatientStudy(db::PatientDatabase& database, const std::string& patientId,
                             ProgressSink& progress, std::optional<std::int64_t> seriesId) {
    OpenedStudy study;
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
    study.recordedEgfrStatus = database.recordedEgfrStatus(patientId);

    // The scan of a DICOM series is kept: an RTSTRUCT version is rasterised on it below.
    imaging::SeriesInfo info;
    if (record->volumePath.empty()) {
        info = scanStoredSeries(database, study.seriesId);
        study.image = std::make_shared<const ImageVolume>(imaging::loadSeries(info, progress));
    } else {
        study.image = std::make_shared<const ImageVolume>(imaging::readImage(record->volumePath));
    }
    const ImageGeometry& grid = study.image->geometry();
    study.focusMm = grid.indexToPatient(
        {(grid.size[0] - 1) / 2.0, (grid.size[1] - 1) / 2.0, (grid.size[2] - 1) / 2.0});
    try {
        if (const auto version = database.newestManualStructureSet(study.seriesId)) {
            LabelMap manual =
                loadStructureSetLabels(database, *version, &info, &study.manualLesionNames);
            study.manualStructureSetId = version->id;
            study.manualReviewStatus = version->reviewStatus;
            if (!manual.empty()) {
                auto gtv = std::make_shared<const LabelMap>(std::move(manual));
                // Labelled once here: the focus now, the comparison's lesion centres later.
                study.manualLesions = {gtv, labelGtvLesions(*gtv)};
                const auto& lesions = study.manualLesions.lesions;
                const auto largest = std::max_element(
                    lesions.begin(), lesions.end(),
                    [](const auto& a, const auto& b) { return a.volumeMl < b.volumeMl; });
                if (largest != lesions.end()) {
                    study.focusMm = largest->centreMm;
                }
                study.manualGtv = std::move(gtv);
            }
        }
    } catch (const std::exception& e) {
        // The image is still worth showing; the reason the contours are missing is reported.
        study.notes.push_back(std::string("manual GTV not shown: ") + e.what());
    }
    try {
        study.inferenceRun = database.latestInferenceRun(study.seriesId);
        if (study.inferenceRun && !study.inferenceRun->labelMapPath.empty()) {
            StoredPrediction stored = readStoredPrediction(*study.inferenceRun, grid.size);
            study.predictedGtv = std::move(stored.gtv);
            study.aiLesions = std::move(stored.lesions);
        }
        if (study.predictedGtv) {
            study.aiDoubts = assessAiResult(*study.inferenceRun, *study.predictedGtv, *study.image,
                                            study.recordedEgfrStatus);
        }
    } catch (const std::exception& e) {
        study.predictedGtv.reset();
        study.aiLesions = {};
        study.aiDoubts.clear();
        study.notes.push_back(std::string("AI result not shown: ") + e.what());
    }
    return study;
}

} // namespace metis::workflow
