// The read side of patients and series: the patient browser's page, the training cohort, and
// the series a viewer opens with their stored files.
#include "metis/database/PatientDatabase.h"

#include <map>
#include <string>
#include <vector>

namespace metis::db {

std::vector<PatientDatabase::SeriesSummary>
PatientDatabase::seriesOfPatient(const std::string& patientId) {
    auto query =
        db_.prepare("SELECT se.id, se.series_uid, se.description, COALESCE(st.study_date, ''), "
                    "se.instance_count FROM series se JOIN studies st ON se.study_ref = st.id "
                    "JOIN patients p ON st.patient_ref = p.id WHERE p.patient_id = ? "
                    "ORDER BY se.instance_count DESC, se.id");
    query.bind(1, patientId);
    std::vector<SeriesSummary> series;
    while (query.step()) {
        series.push_back({query.columnInt(0), query.columnText(1), query.columnText(2),
                          query.columnText(3), query.columnInt(4)});
    }
    return series;
}

std::vector<std::string> PatientDatabase::instanceFiles(std::int64_t seriesId) {
    auto query = db_.prepare("SELECT file_path FROM instances WHERE series_ref = ? ORDER BY id");
    query.bind(1, seriesId);
    std::vector<std::string> files;
    while (query.step()) {
        files.push_back(storage_.absolutePath(query.columnText(0)));
    }
    return files;
}

std::optional<PatientDatabase::SeriesRecord> PatientDatabase::seriesRecord(std::int64_t seriesId) {
    auto query = db_.prepare(
        "SELECT se.id, se.series_uid, coalesce(se.description, ''), se.volume_path, p.name, "
        "coalesce(p.birth_date, ''), coalesce(p.sex, ''), coalesce(st.study_date, ''), "
        "coalesce(st.description, '') FROM series se JOIN studies st ON se.study_ref = st.id "
        "JOIN patients p ON st.patient_ref = p.id WHERE se.id = ?");
    query.bind(1, seriesId);
    if (!query.step()) {
        return std::nullopt;
    }
    SeriesRecord record;
    record.id = query.columnInt(0);
    record.seriesUid = query.columnText(1);
    record.description = query.columnText(2);
    if (!query.columnIsNull(3)) {
        record.volumePath = storage_.absolutePath(query.columnText(3));
    }
    record.patientName = query.columnText(4);
    record.birthDate = query.columnText(5);
    record.sex = query.columnText(6);
    record.studyDate = query.columnText(7);
    record.studyDescription = query.columnText(8);
    return record;
}

namespace {

// A patient's figures as the browser shows and filters them, each one SQL expression over the
// patient row `pt`, so the filter, the sort and the shown row cannot disagree.
const std::string kDiagnosisDate =
    "COALESCE((SELECT diagnosis_date FROM clinical_labels c WHERE c.patient_ref = pt.id "
    "ORDER BY c.recorded_at DESC LIMIT 1), '')";
const std::string kEgfrStatus =
    "COALESCE((SELECT egfr_status FROM clinical_labels c WHERE c.patient_ref = pt.id "
    "ORDER BY c.recorded_at DESC LIMIT 1), 'unknown')";
const std::string kHasManual =
    "EXISTS (SELECT 1 FROM structure_sets ss JOIN series se ON ss.series_ref = se.id "
    "JOIN studies st ON se.study_ref = st.id "
    "WHERE st.patient_ref = pt.id AND ss.source IN ('manual', 'imported'))";
const std::string kHasAi =
    "EXISTS (SELECT 1 FROM inference_runs ir JOIN series se ON ir.series_ref = se.id "
    "JOIN studies st ON se.study_ref = st.id WHERE st.patient_ref = pt.id)";
const std::string kReviewStatus =
    "COALESCE((SELECT ss.review_status FROM structure_sets ss "
    "JOIN series se ON ss.series_ref = se.id JOIN studies st ON se.study_ref = st.id "
    "WHERE st.patient_ref = pt.id ORDER BY CASE ss.review_status WHEN 'locked' THEN 4 "
    "WHEN 'approved' THEN 3 WHEN 'corrected' THEN 2 ELSE 1 END DESC LIMIT 1), '')";
const std::string kLastImport =
    "COALESCE((SELECT max(se.imported_at) FROM series se JOIN studies st "
    "ON se.study_ref = st.id WHERE st.patient_ref = pt.id), '')";

} // namespace

PatientPage PatientDatabase::listPatients(const PatientQuery& q) {
    // Two steps: the matching patients' ids in page order (only the filters in use and the
    // sort key are computed for every patient; SQLite skips an OR's right side once its left
    // side holds), then the shown figures for the page's rows alone.
    std::string sortKey;
    switch (q.sort) {
    case PatientQuery::Sort::PatientId:
        sortKey = "pt.patient_id";
        break;
    case PatientQuery::Sort::Name:
        sortKey = "pt.name";
        break;
    case PatientQuery::Sort::DiagnosisDate:
        sortKey = kDiagnosisDate;
        break;
    case PatientQuery::Sort::LastImport:
        sortKey = kLastImport;
        break;
    }
    const std::string matching =
        "SELECT pt.id, count(*) OVER () AS total FROM patients pt "
        // instr, not LIKE: '%' and '_' typed into the search box are characters, not wildcards.
        "WHERE (?1 = '' OR instr(lower(pt.patient_id), lower(?1)) > 0 "
        "               OR instr(lower(pt.name), lower(?1)) > 0) "
        "  AND (?2 = '' OR " +
        kDiagnosisDate +
        " >= ?2) "
        "  AND (?3 = '' OR " +
        kDiagnosisDate +
        " <= ?3) "
        "  AND (?4 = '' OR " +
        kEgfrStatus +
        " = ?4) "
        "  AND (?5 < 0 OR " +
        kHasManual +
        " = ?5) "
        "  AND (?6 < 0 OR " +
        kHasAi +
        " = ?6) "
        "  AND (?7 = '' OR " +
        kReviewStatus +
        " = ?7) "
        "ORDER BY " +
        sortKey + (q.descending ? " DESC" : " ASC") + ", pt.id LIMIT ?8 OFFSET ?9";
    auto query = db_.prepare(matching);
    query.bind(1, q.text)
        .bind(2, q.dateFrom)
        .bind(3, q.dateTo)
        .bind(4, q.egfr ? toString(*q.egfr) : std::string())
        .bind(5, std::int64_t{q.hasManualGtv ? (*q.hasManualGtv ? 1 : 0) : -1})
        .bind(6, std::int64_t{q.hasAiResult ? (*q.hasAiResult ? 1 : 0) : -1})
        .bind(7, q.reviewStatus)
        .bind(8, std::int64_t{q.limit})
        .bind(9, std::int64_t{q.offset});
    PatientPage page;
    std::vector<std::int64_t> ids;
    while (query.step()) {
        ids.push_back(query.columnInt(0));
        page.totalMatching = query.columnInt(1);
    }
    if (ids.empty()) {
        // The window count is only seen with a row; an empty page past the end still needs it.
        if (q.offset > 0) {
            PatientQuery countOnly = q;
            countOnly.offset = 0;
            countOnly.limit = 1;
            page.totalMatching = listPatients(countOnly).totalMatching;
        }
        return page;
    }

    auto shown =
        db_.prepare("SELECT pt.id, pt.patient_id, pt.name, " + kDiagnosisDate + ", " + kEgfrStatus +
                    ", (SELECT count(*) FROM studies st WHERE st.patient_ref = pt.id), "
                    "(SELECT count(*) FROM series se JOIN studies st ON se.study_ref = st.id "
                    "WHERE st.patient_ref = pt.id), " +
                    kHasManual + ", " + kHasAi + ", " + kReviewStatus +
                    " FROM patients pt WHERE pt.id IN (SELECT value FROM json_each(?1))");
    std::string idList = "[";
    for (std::size_t n = 0; n < ids.size(); ++n) {
        idList += (n ? "," : "") + std::to_string(ids[n]);
    }
    shown.bind(1, idList + "]");
    std::map<std::int64_t, PatientRow> rows;
    while (shown.step()) {
        PatientRow row;
        row.id = shown.columnInt(0);
        row.patientId = shown.columnText(1);
        row.name = shown.columnText(2);
        row.diagnosisDate = shown.columnText(3);
        row.egfrStatus = shown.columnText(4);
        row.studyCount = static_cast<int>(shown.columnInt(5));
        row.seriesCount = static_cast<int>(shown.columnInt(6));
        row.hasManualGtv = shown.columnInt(7) != 0;
        row.hasAiResult = shown.columnInt(8) != 0;
        row.reviewStatus = shown.columnText(9);
        rows.emplace(row.id, std::move(row));
    }
    for (const std::int64_t id : ids) {
        page.rows.push_back(std::move(rows.at(id)));
    }
    return page;
}

std::vector<TrainingCandidate> PatientDatabase::trainingCandidates() {
    auto query = db_.prepare(R"sql(
        SELECT pt.patient_id, se.id, COALESCE(se.manufacturer, ''), ss.id,
               COALESCE(ss.review_status, ''), COALESCE(c.egfr_status, ''),
               COALESCE(c.diagnosis_date, '')
        FROM patients pt
        LEFT JOIN series se ON se.id = (
            SELECT s.id FROM series s JOIN studies st ON s.study_ref = st.id
            WHERE st.patient_ref = pt.id ORDER BY s.instance_count DESC, s.id LIMIT 1)
        LEFT JOIN structure_sets ss ON ss.id = (
            SELECT s2.id FROM structure_sets s2
            WHERE s2.series_ref = se.id AND s2.source IN ('manual', 'imported')
            ORDER BY s2.created_at DESC, s2.id DESC LIMIT 1)
        LEFT JOIN clinical_labels c ON c.id = (
            SELECT c2.id FROM clinical_labels c2 WHERE c2.patient_ref = pt.id
            ORDER BY c2.recorded_at DESC, c2.id DESC LIMIT 1)
        ORDER BY pt.patient_id)sql");
    // RANO-BM's axial diameter where it was measured (the 3D extent inflates on thick slices).
    auto lesions = db_.prepare("SELECT COALESCE(axial_diameter_mm, max_diameter_mm) FROM lesions "
                               "WHERE structure_set_ref = ? "
                               "ORDER BY label_value");
    std::vector<TrainingCandidate> candidates;
    while (query.step()) {
        TrainingCandidate candidate;
        candidate.patientId = query.columnText(0);
        candidate.seriesId = query.columnIsNull(1) ? 0 : query.columnInt(1);
        candidate.manufacturer = query.columnText(2);
        candidate.structureSetId = query.columnIsNull(3) ? 0 : query.columnInt(3);
        candidate.reviewStatus = query.columnText(4);
        candidate.egfrStatus = query.columnText(5);
        candidate.diagnosisDate = query.columnText(6);
        if (candidate.structureSetId != 0) {
            lesions.reset();
            lesions.bind(1, candidate.structureSetId);
            while (lesions.step()) {
                candidate.lesionDiametersMm.push_back(lesions.columnDouble(0));
            }
        }
        candidates.push_back(std::move(candidate));
    }
    return candidates;
}

} // namespace metis::db
