#pragma once

#include "metis/database/PatientDatabase.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace metis::workflow {

/// One lesion of an exported structure set, checked after writing.
struct ExportedLesion {
    std::uint16_t label = 0;
    std::string roiName;
    double maxDiameterMm = 0.0;
    /// Dice of the lesion as saved against the same ROI read back from the written file.
    double dice = 0.0;
};

struct RtStructExportReport {
    std::string file;
    std::string sopInstanceUid;
    std::vector<std::string> warnings; ///< from the writer (contours on missing slices)
    std::vector<ExportedLesion> lesions;
    /// Every lesion of 5 mm or more reads back with Dice >= 0.98 (smaller ones are reported,
    /// their outline on the slice grid being coarser than the check).
    bool verified = false;
};

/// Writes a stored structure set version as a DICOM RTSTRUCT on its series (one ROI GTV_nn per
/// lesion, plus GTV_ALL), reads the file back and compares every lesion with the saved label
/// map. Audited. Throws naming the problem (no such version, series files missing, the
/// writer's refusal).
RtStructExportReport exportStructureSetVersion(db::PatientDatabase& database, const db::User& user,
                                               std::int64_t structureSetId,
                                               const std::filesystem::path& file);

} // namespace metis::workflow
