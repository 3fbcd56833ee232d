#include "LesionRows.h"

#include "metis/core/ConnectedComponents.h"

#include <map>

namespace metis::db {

std::vector<LesionRow> measureLabelledLesions(const LabelMap& lesions) {
    const ImageGeometry& g = lesions.geometry();
    std::map<std::uint16_t, std::vector<std::size_t>> voxels;
    for (std::size_t index = 0; index < lesions.data().size(); ++index) {
        if (lesions.data()[index] != 0) {
            voxels[lesions.data()[index]].push_back(index);
        }
    }
    const double voxelMl = g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
    const auto nx = static_cast<std::size_t>(g.size[0]);
    const auto nxy = nx * static_cast<std::size_t>(g.size[1]);
    std::vector<LesionRow> rows;
    for (const auto& [label, indices] : voxels) {
        if (indices.size() < kMinimumLesionVoxels) {
            continue; // a lone voxel stays in the map but is not a lesion
        }
        Vec3 sum{0, 0, 0};
        for (const std::size_t index : indices) {
            sum[0] += static_cast<double>(index % nx);
            sum[1] += static_cast<double>((index % nxy) / nx);
            sum[2] += static_cast<double>(index / nxy);
        }
        const double count = static_cast<double>(indices.size());
        LesionRow row;
        row.labelValue = label;
        row.volumeMl = count * voxelMl;
        row.centreMm = g.indexToPatient({sum[0] / count, sum[1] / count, sum[2] / count});
        row.maxDiameterMm = maxVoxelDistanceMm(g, indices);
        row.axialDiameterMm = longestAxialDiameterMm(g, indices);
        rows.push_back(row);
    }
    return rows;
}

void insertLesionRows(SqliteDatabase& db, std::int64_t structureSetId,
                      const std::vector<LesionRow>& rows) {
    auto insert = db.prepare(
        "INSERT INTO lesions(structure_set_ref, roi_ref, label_value, volume_ml, centre_x, "
        "centre_y, centre_z, max_diameter_mm, mean_probability, axial_diameter_mm) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)");
    for (const LesionRow& row : rows) {
        insert.bind(1, structureSetId)
            .bind(2, row.roiRef ? SqlValue(*row.roiRef) : SqlValue(nullptr))
            .bind(3, row.labelValue)
            .bind(4, row.volumeMl)
            .bind(5, row.centreMm[0])
            .bind(6, row.centreMm[1])
            .bind(7, row.centreMm[2])
            .bind(8, row.maxDiameterMm)
            .bind(9, row.meanProbability ? SqlValue(*row.meanProbability) : SqlValue(nullptr))
            .bind(10, row.axialDiameterMm ? SqlValue(*row.axialDiameterMm) : SqlValue(nullptr))
            .step();
        insert.reset();
    }
}

} // namespace metis::db
