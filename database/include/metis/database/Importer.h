#pragma once

#include "metis/core/Progress.h"
#include "metis/database/PatientDatabase.h"

#include <string>
#include <vector>

namespace metis::db {

struct ImportOptions {
    /// A clinical CSV (patient id, diagnosis date, EGFR status) imported with the files.
    std::string clinicalCsv;
    std::string username = "system";
};

/// A file that could not be imported and why; the rest of the import goes on.
struct ImportProblem {
    std::string path;
    std::string message;
};

struct ImportReport {
    std::size_t filesExamined = 0;
    std::size_t seriesImported = 0;
    std::size_t seriesAlreadyPresent = 0;
    std::size_t instancesImported = 0;
    std::size_t structureSetsImported = 0;
    std::size_t structureSetsAlreadyPresent = 0;
    std::size_t clinicalRowsImported = 0; ///< rows that added or changed a label
    std::vector<ImportProblem> errors;
    std::vector<ImportProblem> notes; ///< skipped non-DICOM files, series warnings
    /// Of the errors, the RTSTRUCTs refused only because the image series they reference is
    /// not in the database: a receiving node keeps them until their images arrive.
    std::vector<std::string> structureSetsAwaitingImages;
};

/// Imports folders and files: DICOM image series (copied into managed storage, one transaction
/// per series, so a crash never leaves half a series visible), RTSTRUCTs (linked to their image
/// series through the referenced series and frame of reference) and clinical CSVs. Idempotent:
/// importing the same files again adds nothing. Problems with single files are reported in the
/// report; the import goes on. Throws OperationCancelled when cancelled (what was committed
/// stays), std::runtime_error when a path does not exist or storage is full.
ImportReport importPaths(PatientDatabase& db, const std::vector<std::string>& paths,
                         const ImportOptions& options, ProgressSink& progress);

/// Imports a clinical CSV in one transaction. The header names the columns (case-insensitive:
/// patient_id|patientid|id, diagnosis_date|date, egfr|egfr_status); rows that cannot be read are
/// reported with their line number and skipped.
std::size_t importClinicalCsv(PatientDatabase& db, const std::string& path,
                              const std::string& username, std::vector<ImportProblem>& errors);

} // namespace metis::db
