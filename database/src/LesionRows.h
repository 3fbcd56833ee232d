#pragma once
// The lesions table: one row per lesion of a structure set, with its size and position, written
// alike for edited versions, AI results and imported structure sets (what the cohort page's
// lesion-size histogram and the reports read).
#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"
#include "metis/database/SqliteDatabase.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace metis::db {

struct LesionRow {
    std::int64_t labelValue = 0;
    std::optional<std::int64_t> roiRef; ///< the ROI it was measured from (imported RTSTRUCTs)
    double volumeMl = 0.0;
    Vec3 centreMm{0, 0, 0};
    double maxDiameterMm = 0.0; ///< 3D extent
    /// RANO-BM longest axial diameter; absent where it cannot be measured (contours that do not
    /// lie in axial planes).
    std::optional<double> axialDiameterMm;
    std::optional<double> meanProbability; ///< AI results
};

/// Volume, centre, largest voxel-centre extent and RANO-BM axial diameter of every non-zero
/// label value of `lesions` (label value k: lesion k), in label order.
std::vector<LesionRow> measureLabelledLesions(const LabelMap& lesions);

/// Inserts `rows` for structure set `structureSetId` (inside the caller's transaction).
void insertLesionRows(SqliteDatabase& db, std::int64_t structureSetId,
                      const std::vector<LesionRow>& rows);

} // namespace metis::db
