// Importing one DICOM image series: its instances copied into managed storage, then the study,
// series and instance rows in one transaction, so a crash never leaves half a series visible.
#include "ImportSteps.h"
#include "PatientDatabaseInternal.h"

namespace metis::db::importer {
namespace {

std::int64_t upsertStudy(SqliteDatabase& sql, std::int64_t patientRef,
                         const imaging::SeriesInfo& series) {
    auto find = sql.prepare("SELECT id FROM studies WHERE study_uid = ?");
    find.bind(1, series.studyInstanceUid);
    if (find.step()) {
        return find.columnInt(0);
    }
    sql.prepare("INSERT INTO studies(patient_ref, study_uid, study_date) VALUES (?,?,?)")
        .bind(1, patientRef)
        .bind(2, series.studyInstanceUid)
        .bind(3, isoDate(series.studyDate))
        .step();
    return sql.lastInsertRowId();
}

} // namespace

bool seriesAlreadyComplete(PatientDatabase& db, const imaging::SeriesInfo& series) {
    auto& sql = detail::DatabaseAccess::sql(db);
    auto query = sql.prepare("SELECT instance_count FROM series WHERE series_uid = ?");
    query.bind(1, series.seriesInstanceUid);
    return query.step() && query.columnInt(0) == static_cast<std::int64_t>(series.slices.size());
}

void importSeries(PatientDatabase& db, const imaging::SeriesInfo& series,
                  const std::string& username, ImportReport& report, ProgressScope& scope,
                  double progressFrom, double progressTo) {
    std::vector<ManagedStorage::StoredFile> stored;
    stored.reserve(series.slices.size());
    auto& storage = detail::DatabaseAccess::storage(db);
    for (std::size_t i = 0; i < series.slices.size(); ++i) {
        stored.push_back(storage.store(series.slices[i].path, ".dcm"));
        if (i % 16 == 0) {
            scope.step(progressFrom + (progressTo - progressFrom) * static_cast<double>(i) /
                                          static_cast<double>(series.slices.size()),
                       series.seriesDescription);
        }
    }

    storage.flushToDisk();

    auto& sql = detail::DatabaseAccess::sql(db);
    Transaction transaction(sql);
    // A series left incomplete by an earlier, interrupted import cannot exist (one transaction),
    // but one imported earlier with fewer files can: replace it with the complete one.
    sql.prepare("DELETE FROM series WHERE series_uid = ?").bind(1, series.seriesInstanceUid).step();
    std::string birthDate = series.patientBirthDate;
    try {
        birthDate = isoDate(birthDate); // stored and shown as YYYY-MM-DD, like every date
    } catch (const std::invalid_argument&) {
        // A malformed DICOM date is kept as written rather than lost.
    }
    const auto resolved = db.resolvePatient(
        {series.patientId, series.patientName, birthDate, series.patientSex}, username);
    if (resolved.conflict) {
        report.errors.push_back(
            {series.slices.front().path, "series " + series.seriesInstanceUid + " (" +
                                             std::to_string(series.slices.size()) +
                                             " files): " + *resolved.conflict});
    }
    const auto patient = resolved.id;
    const auto study = upsertStudy(sql, patient, series);
    sql.prepare("INSERT INTO series(study_ref, series_uid, modality, description, "
                "frame_of_reference, manufacturer, instance_count, geometry_json, imported_at) "
                "VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, study)
        .bind(2, series.seriesInstanceUid)
        .bind(3, series.modality)
        .bind(4, series.seriesDescription)
        .bind(5, series.frameOfReferenceUid)
        .bind(6, series.manufacturer)
        .bind(7, static_cast<std::int64_t>(series.slices.size()))
        .bind(8, series.loadable ? geometryJson(series.geometry) : std::string("{}"))
        .bind(9, utcTimestamp())
        .step();
    const auto seriesRef = sql.lastInsertRowId();
    auto insert = sql.prepare("INSERT INTO instances(series_ref, sop_instance_uid, sop_class_uid, "
                              "instance_number, position, file_path, sha256) "
                              "VALUES (?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < series.slices.size(); ++i) {
        const auto& slice = series.slices[i];
        insert.bind(1, seriesRef)
            .bind(2, slice.sopInstanceUid)
            .bind(3, series.sopClassUid)
            .bind(4, std::int64_t{slice.instanceNumber})
            .bind(5, slice.normalPosition)
            .bind(6, stored[i].relativePath)
            .bind(7, stored[i].sha256);
        insert.step();
        insert.reset();
    }
    db.appendAudit(username, "series.import", "series", series.seriesInstanceUid,
                   resolved.patientId + ": " + std::to_string(series.slices.size()) + " instances");
    transaction.commit();
    ++report.seriesImported;
    report.instancesImported += series.slices.size();
}

} // namespace metis::db::importer
