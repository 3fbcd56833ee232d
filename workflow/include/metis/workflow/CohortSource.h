#pragma once
// Where `metis-cli train`, `calibrate` and `evaluate` (and the training wizard through them) take
// their patients from: a cohort folder, or the database's eligible patients, split the paper's
// way, behind one interface.

#include "metis/workflow/CohortFolder.h"
#include "metis/workflow/TrainingCohort.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace metis::workflow {

struct CohortSource {
    std::string name; ///< the folder or the database file
    std::vector<models::CohortCase> cases;
    models::CohortSplit split; ///< empty when opened as a whole cohort
    std::string manifestSha256;
    /// Patient `i` of `cases`: its series and GTV; may be called from several threads at once.
    /// Throws naming the patient and the problem.
    std::function<CohortPatient(std::size_t i)> load;
};

/// A cohort folder (readCohortFolder); the split by its clinical table's dates and sites
/// (split.externalSite is not used: the table names each patient's site).
CohortSource openFolderCohort(const std::filesystem::path& root, const SplitOptions& split,
                              bool wholeCohort = false);

/// The database's eligible patients (selectDatabaseCohort) and their split
/// (splitDatabaseCohort); each patient is loaded with the very GTV version that made it eligible,
/// on a read-only connection of its own (a GTV changed since is refused by name).
CohortSource openDatabaseCohort(const std::string& databasePath, const CohortFilter& filter,
                                const SplitOptions& split, bool wholeCohort = false);

/// The patients `indices` of `source` on the model grid (prepareSlices with its loader).
models::SliceDataset prepareSlices(const CohortSource& source,
                                   const std::vector<std::size_t>& indices,
                                   ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                                   ProgressSink& progress);

} // namespace metis::workflow
