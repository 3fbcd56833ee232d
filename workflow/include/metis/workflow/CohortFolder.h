#pragma once
// A training cohort on disk, as `metis-cli train`, `calibrate` and `evaluate` read it (and the
// training wizard will): the clinical table, each patient's series and GTV, and the model-grid
// slices prepared from them.

#include "metis/core/Progress.h"
#include "metis/core/Volume.h"
#include "metis/models/TrainingData.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace metis::workflow {

/// A cohort folder: DIR/clinical.csv (patient id, diagnosis date, EGFR status[, site], read by
/// core's clinical-table reader, the importer's) and one folder per patient holding the T1-CE
/// series (DICOM anywhere below it, or image.nii.gz) and the GTV mask (truth_series.nii.gz,
/// mask.nii.gz or gtv.nii.gz) on the series' grid. The phantom generator writes exactly this.
struct CohortFolder {
    std::filesystem::path root;
    std::vector<models::CohortCase> cases;
    std::string manifestSha256; ///< of clinical.csv: names the cohort in model packages
};

/// Throws naming clinical.csv and the line when a row cannot be used (the split needs every
/// diagnosis date) or when there are no patients.
CohortFolder readCohortFolder(const std::filesystem::path& root);

/// One patient's series and GTV mask.
struct CohortPatient {
    ImageVolume series;
    LabelMap gtv;
};

/// Throws naming the folder or file: no folder, no mask, a mask on another grid.
CohortPatient loadCohortPatient(const std::filesystem::path& root, const std::string& patientId);

/// One patient handed to slice preparation.
struct TrainingPatient {
    std::string patientId;
    int egfrMutant = -1; ///< 1 mutant, 0 wild type, -1 unknown
    CohortPatient data;
};

/// Loads patient `n` of a list; called from several threads at once.
using TrainingPatientLoader = std::function<TrainingPatient(std::size_t n)>;

/// Patients 0..count-1 on the model grid, loaded and resampled on every core, each into a
/// dataset of its own and joined in patient order (the result depends neither on timing nor on
/// the thread count). Progress counts patients; cancellation goes through `progress`.
models::SliceDataset prepareSlices(std::size_t count, const TrainingPatientLoader& load,
                                   ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                                   ProgressSink& progress);

/// The patients `indices` of `folder` on the model grid (prepareSlices above).
models::SliceDataset prepareSlices(const CohortFolder& folder,
                                   const std::vector<std::size_t>& indices,
                                   ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                                   ProgressSink& progress);

} // namespace metis::workflow
