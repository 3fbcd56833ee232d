#pragma once
// Exporting a stored series and a structure set version as DICOM files, as they are stored or
// de-identified for a research cohort; the export and the send to a DICOM node share it.

#include "metis/database/PatientDatabase.h"
#include "metis/imaging/DicomDeidentification.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace metis::workflow {

struct SeriesExportOptions {
    bool images = true;
    /// Also this structure set version of the series, as an RTSTRUCT (written and verified as
    /// export-rtstruct writes it).
    std::optional<std::int64_t> structureSetId;
    /// De-identify every file with one UID remapping, so the RTSTRUCT still references the
    /// exported images; absent: the stored files as they are.
    std::optional<imaging::DeidentificationProfile> deidentify;
};

struct SeriesExportReport {
    std::vector<std::string> imageFiles; ///< in the stored order
    std::string rtstructFile;            ///< empty without a structure set
    std::string rtstructSopInstanceUid;  ///< as written (after de-identification)
};

/// Writes the files into `folder` (created; existing files of the same names are replaced):
/// IM0001.dcm ... and RTSTRUCT.dcm. Needs ImportData; audited with what was written and whether
/// it was de-identified. Throws naming the file or the problem.
SeriesExportReport exportSeries(db::PatientDatabase& database, const db::User& user,
                                std::int64_t seriesId, const std::filesystem::path& folder,
                                const SeriesExportOptions& options);

} // namespace metis::workflow
