// Importing a DICOM RTSTRUCT: the file into managed storage, a structure set of the image series
// it references and one row per ROI.
#include "ImportSteps.h"
#include "LesionRows.h"
#include "PatientDatabaseInternal.h"
#include "metis/imaging/RtStruct.h"

#include <map>

namespace metis::db::importer {
namespace {

std::string colourText(const RgbColour& colour) {
    return std::to_string(colour[0]) + "\\" + std::to_string(colour[1]) + "\\" +
           std::to_string(colour[2]);
}

} // namespace

void importRtStruct(PatientDatabase& db, const imaging::DicomObjectInfo& object,
                    const std::string& username, ImportReport& report) {
    auto& sql = detail::DatabaseAccess::sql(db);
    auto& storage = detail::DatabaseAccess::storage(db);
    auto known = sql.prepare("SELECT 1 FROM structure_sets WHERE sop_instance_uid = ?");
    known.bind(1, object.sopInstanceUid);
    if (known.step()) {
        ++report.structureSetsAlreadyPresent;
        return;
    }
    const auto rtstruct = imaging::RtStructReader::read(object.path);
    std::optional<std::int64_t> seriesRef;
    std::optional<ImageGeometry> seriesGrid;
    std::string referenced;
    for (const auto& uid : rtstruct.referencedSeriesInstanceUids) {
        auto find = sql.prepare("SELECT id, geometry_json FROM series WHERE series_uid = ?");
        find.bind(1, uid);
        if (find.step()) {
            seriesRef = find.columnInt(0);
            seriesGrid = parseGeometryJson(find.columnText(1));
            break;
        }
        referenced += (referenced.empty() ? "" : ", ") + uid;
    }
    if (!seriesRef) {
        throw ImageSeriesNotImported("references image series " +
                                     (referenced.empty() ? std::string("(none)") : referenced) +
                                     ", which is not in the database; import that series first");
    }
    const auto stored = storage.store(object.path, ".dcm");
    storage.flushToDisk();
    Transaction transaction(sql);
    sql.prepare("INSERT INTO structure_sets(series_ref, source, author, created_at, "
                "review_status, sop_instance_uid, file_path, sha256) "
                "VALUES (?, 'imported', ?, ?, 'draft', ?, ?, ?)")
        .bind(1, *seriesRef)
        .bind(2, rtstruct.structures.label)
        .bind(3, utcTimestamp())
        .bind(4, rtstruct.sopInstanceUid)
        .bind(5, stored.relativePath)
        .bind(6, stored.sha256)
        .step();
    const auto structureSet = sql.lastInsertRowId();
    auto insertRoi = sql.prepare("INSERT INTO rois(structure_set_ref, roi_number, name, "
                                 "interpreted_type, colour) VALUES (?,?,?,?,?)");
    std::map<int, std::int64_t> roiRows; // ROI number -> rois.id
    for (const auto& roi : rtstruct.structures.rois) {
        insertRoi.bind(1, structureSet)
            .bind(2, std::int64_t{roi.number})
            .bind(3, roi.name)
            .bind(4, roi.interpretedType)
            .bind(5, colourText(roi.colour));
        insertRoi.step();
        insertRoi.reset();
        roiRows[roi.number] = sql.lastInsertRowId();
    }
    // One lesion row per GTV ROI, numbered as the loader rasterises them (the n-th GTV ROI is
    // lesion n), measured on the contours with the series' slice spacing as plane spacing.
    const StructureSet gtvRois = imaging::selectGtvRois(rtstruct.structures);
    std::vector<LesionRow> lesions;
    for (std::size_t n = 0; n < gtvRois.rois.size() && seriesGrid; ++n) {
        const StructureRoi& roi = gtvRois.rois[n];
        const ContourFigures figures = measureContours(roi.contours, seriesGrid->spacing[2]);
        if (figures.volumeMm3 <= 0.0) {
            continue;
        }
        lesions.push_back({static_cast<std::int64_t>(n + 1), roiRows[roi.number],
                           figures.volumeMm3 / 1000.0, figures.centreMm, figures.maxDiameterMm,
                           figures.axialDiameterMm, std::nullopt});
    }
    insertLesionRows(sql, structureSet, lesions);
    db.appendAudit(username, "structure_set.import", "structure_set", std::to_string(structureSet),
                   rtstruct.patientId + ": " + std::to_string(rtstruct.structures.rois.size()) +
                       " ROIs from " + object.sopInstanceUid);
    transaction.commit();
    ++report.structureSetsImported;
}

} // namespace metis::db::importer
