// Patient records: created on import, matched by Patient ID and identity, and their clinical
// labels.
#include "Text.h"
#include "metis/database/PatientDatabase.h"

namespace metis::db {

std::int64_t PatientDatabase::upsertPatient(const PatientRecord& patient) {
    if (auto existing = findPatient(patient.patientId)) {
        return *existing;
    }
    db_.prepare("INSERT INTO patients(patient_id, name, birth_date, sex, created_at) "
                "VALUES (?,?,?,?,?)")
        .bind(1, patient.patientId)
        .bind(2, patient.name)
        .bind(3, patient.birthDate)
        .bind(4, patient.sex)
        .bind(5, utcTimestamp())
        .step();
    return db_.lastInsertRowId();
}

namespace {

using text::lower;
using text::trim;

// DICOM person names compare without case, padding and empty trailing components.
std::string normalisedName(std::string name) {
    name = lower(trim(name));
    while (!name.empty() && (name.back() == '^' || name.back() == ' ')) {
        name.pop_back();
    }
    return name;
}

bool sameWhereKnown(const std::string& a, const std::string& b) {
    return a.empty() || b.empty() || a == b;
}

std::string identityText(const PatientRecord& p) {
    return (p.name.empty() ? std::string("no name") : p.name) + ", sex " +
           (p.sex.empty() ? std::string("?") : p.sex) + ", born " +
           (p.birthDate.empty() ? std::string("?") : p.birthDate);
}

} // namespace

PatientDatabase::ResolvedPatient PatientDatabase::resolvePatient(const PatientRecord& incoming,
                                                                 const std::string& username) {
    auto candidates = db_.prepare(
        "SELECT id, patient_id, name, birth_date, sex FROM patients WHERE patient_id = ?1 OR "
        "(substr(patient_id, 1, length(?1) + 2) = ?1 || ' [' AND substr(patient_id, -1) = ']') "
        "ORDER BY id");
    candidates.bind(1, incoming.patientId);
    std::optional<PatientRecord> first;
    int count = 0;
    while (candidates.step()) {
        ++count;
        const PatientRecord stored{candidates.columnText(1), candidates.columnText(2),
                                   candidates.columnText(3), candidates.columnText(4)};
        if (!first) {
            first = stored;
        }
        if (sameWhereKnown(normalisedName(stored.name), normalisedName(incoming.name)) &&
            sameWhereKnown(stored.sex, incoming.sex) &&
            sameWhereKnown(stored.birthDate, incoming.birthDate)) {
            const std::int64_t id = candidates.columnInt(0);
            db_.prepare("UPDATE patients SET name = CASE name WHEN '' THEN ?2 ELSE name END, "
                        "sex = CASE sex WHEN '' THEN ?3 ELSE sex END, "
                        "birth_date = CASE birth_date WHEN '' THEN ?4 ELSE birth_date END "
                        "WHERE id = ?1")
                .bind(1, id)
                .bind(2, incoming.name)
                .bind(3, incoming.sex)
                .bind(4, incoming.birthDate)
                .step();
            return {id, stored.patientId, std::nullopt};
        }
    }
    if (!first) {
        return {upsertPatient(incoming), incoming.patientId, std::nullopt};
    }
    PatientRecord separate = incoming;
    separate.patientId = incoming.patientId + " [" + std::to_string(count + 1) + "]";
    const std::string conflict = "Patient ID '" + incoming.patientId + "' already belongs to " +
                                 identityText(*first) + "; this is " + identityText(incoming) +
                                 ", kept apart as patient '" + separate.patientId +
                                 "' (not merged): check the identities";
    const auto id = upsertPatient(separate);
    appendAudit(username, "patient.identity_conflict", "patient", separate.patientId, conflict);
    return {id, separate.patientId, conflict};
}

std::optional<std::int64_t> PatientDatabase::findPatient(const std::string& patientId) {
    auto query = db_.prepare("SELECT id FROM patients WHERE patient_id = ?");
    query.bind(1, patientId);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.columnInt(0);
}

std::string PatientDatabase::recordedEgfrStatus(const std::string& patientId) {
    auto query = db_.prepare("SELECT c.egfr_status FROM clinical_labels c "
                             "JOIN patients pt ON pt.id = c.patient_ref WHERE pt.patient_id = ? "
                             "ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1");
    query.bind(1, patientId);
    return query.step() ? query.columnText(0) : std::string();
}

bool PatientDatabase::setClinicalLabel(std::int64_t patientRef, EgfrStatus status,
                                       const std::string& diagnosisDate,
                                       const std::string& source) {
    db_.prepare("INSERT INTO clinical_labels(patient_ref, egfr_status, diagnosis_date, source, "
                "recorded_at) VALUES (?,?,?,?,?) ON CONFLICT(patient_ref, source) DO UPDATE SET "
                "egfr_status = excluded.egfr_status, diagnosis_date = excluded.diagnosis_date, "
                "recorded_at = excluded.recorded_at WHERE egfr_status IS NOT excluded.egfr_status "
                "OR diagnosis_date IS NOT excluded.diagnosis_date")
        .bind(1, patientRef)
        .bind(2, toString(status))
        .bind(3, diagnosisDate)
        .bind(4, source)
        .bind(5, utcTimestamp())
        .step();
    return db_.changes() > 0;
}

} // namespace metis::db
