#include "metis/database/PatientDatabase.h"

#include "Text.h"
#include "metis/core/Sha256.h"
#include "metis/database/Schema.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace metis::db {
namespace fs = std::filesystem;
namespace {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

using text::lower;
using text::trim;

// The hash covers every field and the previous hash, separated so that fields cannot be
// shifted into each other unnoticed.
std::string auditHash(const AuditEntry& e) {
    Sha256 hash;
    for (const std::string* field :
         {&e.prevHash, &e.at, &e.username, &e.action, &e.entity, &e.entityId, &e.details}) {
        hash.update(std::to_string(field->size()));
        hash.update(":");
        hash.update(*field);
    }
    return hash.hexDigest();
}

std::string storageRootFor(const std::string& databasePath, std::string storageRoot) {
    if (!storageRoot.empty()) {
        return storageRoot;
    }
    const fs::path parent = fs::absolute(databasePath).parent_path();
    return (parent / "storage").string();
}

bool holdsFiles(const fs::path& folder) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) {
            return true;
        }
    }
    return false;
}

// Everything that must hold before SQLite may touch the file: SQLite itself would happily turn an
// empty or missing file into a new database.
std::string prepareDatabaseFile(const std::string& databasePath, OpenMode mode,
                                const std::string& storageRoot) {
    if (databasePath == ":memory:") {
        return databasePath;
    }
    std::error_code ec;
    const fs::path path = fs::absolute(databasePath);
    if (fs::exists(path, ec)) {
        if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != 0) {
            return databasePath;
        }
        // SQLite creates the file at open and writes it a moment later: a process killed in
        // between leaves 0 bytes, with nothing stored yet. Anything else empty was truncated.
        const fs::path wal = path.string() + "-wal";
        const bool neverInitialised = mode == OpenMode::CreateIfMissing &&
                                      !holdsFiles(storageRoot) &&
                                      (!fs::exists(wal, ec) || fs::file_size(wal, ec) == 0);
        if (!neverInitialised) {
            throw DatabaseError("database " + databasePath +
                                " is empty (0 bytes): truncated or not a Metis database; "
                                "restore it from a backup (nothing was written to it)");
        }
        return databasePath;
    }
    if (holdsFiles(storageRoot)) {
        throw DatabaseError("database " + databasePath + " is missing but its storage folder " +
                            storageRoot +
                            " holds patient files: restore the database from a backup (a new, "
                            "empty one was not created)");
    }
    if (mode != OpenMode::CreateIfMissing) {
        throw DatabaseError("no database at " + databasePath);
    }
    fs::create_directories(path.parent_path(), ec);
    return databasePath;
}

void refuseDamaged(SqliteDatabase& db) {
    std::string verdict;
    try {
        auto check = db.prepare("PRAGMA quick_check(1)");
        verdict = check.step() ? check.columnText(0) : "no answer";
    } catch (const DatabaseError& e) {
        verdict = e.what();
    }
    if (verdict != "ok") {
        throw DatabaseError("database " + db.path() + " is damaged (" + verdict +
                            "); restore it from a backup");
    }
}

} // namespace

std::string utcTimestamp() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    const std::time_t seconds = system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    char result[40];
    std::snprintf(result, sizeof result, "%s.%03dZ", text, static_cast<int>(millis));
    return result;
}

std::string toString(Role role) {
    switch (role) {
    case Role::Oncologist:
        return "oncologist";
    case Role::Annotator:
        return "annotator";
    case Role::Physicist:
        return "physicist";
    case Role::Admin:
        return "admin";
    }
    return "oncologist";
}

Role roleFromString(const std::string& name) {
    for (Role role : {Role::Oncologist, Role::Annotator, Role::Physicist, Role::Admin}) {
        if (toString(role) == lower(name)) {
            return role;
        }
    }
    throw std::invalid_argument("unknown role '" + name +
                                "' (expected oncologist, annotator, physicist or admin)");
}

bool roleAllows(Role role, Permission permission) {
    switch (permission) {
    case Permission::ImportData:
    case Permission::RunInference:
    case Permission::EditContours:
        return true;
    case Permission::ApproveStructureSet:
        return role == Role::Oncologist || role == Role::Admin;
    case Permission::TrainModel:
    case Permission::ActivateModel:
        return role == Role::Physicist || role == Role::Admin;
    case Permission::ManageUsers:
        return role == Role::Admin;
    }
    return false;
}

PatientDatabase::PatientDatabase(const std::string& databasePath, OpenMode mode,
                                 std::string storageRoot)
    : db_(prepareDatabaseFile(databasePath, mode, storageRootFor(databasePath, storageRoot)), mode),
      storage_(storageRootFor(databasePath, std::move(storageRoot)), mode == OpenMode::ReadOnly) {
    refuseDamaged(db_);
    if (mode == OpenMode::ReadOnly) {
        if (const int version = schemaVersion(db_); version != latestSchemaVersion()) {
            throw DatabaseError("database " + databasePath + " has schema version " +
                                std::to_string(version) + ", this Metis reads " +
                                std::to_string(latestSchemaVersion()) +
                                " (open it once read-write to upgrade it)");
        }
    } else {
        migrateSchema(db_);
    }
}

std::string PatientDatabase::defaultPath() {
    if (const char* explicitPath = std::getenv("METIS_DB"); explicitPath && *explicitPath) {
        return explicitPath;
    }
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = fs::path(home) / ".local" / "share";
    } else {
        base = fs::current_path();
    }
    return (base / "Metis" / "metis.db").string();
}

void PatientDatabase::ensureDefaultUsers() {
    for (const Role role : {Role::Oncologist, Role::Annotator, Role::Physicist, Role::Admin}) {
        const std::string name = toString(role);
        if (!findUser(name)) {
            addUser(name, name, role, "setup");
        }
    }
}

User PatientDatabase::addUser(const std::string& username, const std::string& displayName,
                              Role role, const std::string& actingUser) {
    Transaction transaction(db_);
    db_.prepare("INSERT INTO users(username, display_name, role, created_at) VALUES (?,?,?,?)")
        .bind(1, username)
        .bind(2, displayName)
        .bind(3, toString(role))
        .bind(4, utcTimestamp())
        .step();
    User user{db_.lastInsertRowId(), username, displayName, role};
    appendAudit(actingUser, "user.add", "user", username, "role=" + toString(role));
    transaction.commit();
    return user;
}

std::optional<User> PatientDatabase::findUser(const std::string& username) {
    auto query = db_.prepare(
        "SELECT id, username, display_name, role FROM users WHERE username = ? AND active = 1");
    query.bind(1, username);
    if (!query.step()) {
        return std::nullopt;
    }
    return User{query.columnInt(0), query.columnText(1), query.columnText(2),
                roleFromString(query.columnText(3))};
}

void PatientDatabase::require(const User& user, Permission permission, const std::string& what) {
    if (roleAllows(user.role, permission)) {
        return;
    }
    appendAudit(user.username, "permission.denied", "", "", what);
    throw PermissionDenied("user " + user.username + " (" + toString(user.role) + ") may not " +
                           what);
}

AuditEntry PatientDatabase::appendAudit(const std::string& username, const std::string& action,
                                        const std::string& entity, const std::string& entityId,
                                        const std::string& details) {
    AuditEntry entry;
    entry.at = utcTimestamp();
    entry.username = username;
    entry.action = action;
    entry.entity = entity;
    entry.entityId = entityId;
    entry.details = details;
    auto last = db_.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    entry.prevHash = last.step() ? last.columnText(0) : kGenesisHash;
    entry.hash = auditHash(entry);
    db_.prepare("INSERT INTO audit_log(at, username, action, entity, entity_id, details, "
                "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, entry.at)
        .bind(2, entry.username)
        .bind(3, entry.action)
        .bind(4, entry.entity)
        .bind(5, entry.entityId)
        .bind(6, entry.details)
        .bind(7, entry.prevHash)
        .bind(8, entry.hash)
        .step();
    entry.id = db_.lastInsertRowId();
    return entry;
}

std::vector<AuditEntry> PatientDatabase::auditLog(const std::string& username,
                                                  const std::string& entityId,
                                                  const std::string& action, int limit) {
    auto query = db_.prepare(
        "SELECT id, at, username, action, entity, entity_id, details, prev_hash, hash "
        "FROM audit_log WHERE (?1 = '' OR username = ?1) AND (?2 = '' OR entity_id = ?2) "
        "AND (?3 = '' OR substr(action, 1, length(?3)) = ?3) ORDER BY id DESC LIMIT ?4");
    query.bind(1, username).bind(2, entityId).bind(3, action).bind(4, std::int64_t{limit});
    std::vector<AuditEntry> entries;
    while (query.step()) {
        entries.push_back({query.columnInt(0), query.columnText(1), query.columnText(2),
                           query.columnText(3), query.columnText(4), query.columnText(5),
                           query.columnText(6), query.columnText(7), query.columnText(8)});
    }
    return entries;
}

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

std::optional<std::int64_t> PatientDatabase::findPatient(const std::string& patientId) {
    auto query = db_.prepare("SELECT id FROM patients WHERE patient_id = ?");
    query.bind(1, patientId);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.columnInt(0);
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

void PatientDatabase::setReviewStatus(const User& user, std::int64_t structureSetId,
                                      const std::string& status) {
    if (status == "approved" || status == "locked") {
        require(user, Permission::ApproveStructureSet, "set a structure set to " + status);
    } else {
        require(user, Permission::EditContours, "change a structure set's review status");
    }
    Transaction transaction(db_);
    auto current = db_.prepare("SELECT review_status FROM structure_sets WHERE id = ?");
    current.bind(1, structureSetId);
    if (!current.step()) {
        throw DatabaseError("no structure set with id " + std::to_string(structureSetId));
    }
    const std::string previous = current.columnText(0);
    if (previous == "locked") {
        throw DatabaseError("structure set " + std::to_string(structureSetId) +
                            " is locked and cannot change");
    }
    db_.prepare("UPDATE structure_sets SET review_status = ? WHERE id = ?")
        .bind(1, status)
        .bind(2, structureSetId)
        .step();
    appendAudit(user.username, "structure_set.review", "structure_set",
                std::to_string(structureSetId), previous + " -> " + status);
    transaction.commit();
}

void PatientDatabase::activateModel(const User& user, std::int64_t modelId,
                                    const std::string& reason) {
    require(user, Permission::ActivateModel, "activate a model");
    Transaction transaction(db_);
    auto model = db_.prepare("SELECT version FROM models WHERE id = ?");
    model.bind(1, modelId);
    if (!model.step()) {
        throw DatabaseError("no registered model with id " + std::to_string(modelId));
    }
    const std::string version = model.columnText(0);
    db_.execute("UPDATE models SET active = 0 WHERE active = 1");
    db_.prepare("UPDATE models SET active = 1 WHERE id = ?").bind(1, modelId).step();
    appendAudit(user.username, "model.activate", "model", version,
                reason.empty() ? std::string{} : "reason: " + reason);
    transaction.commit();
}

std::int64_t PatientDatabase::registerModel(const User& user, const std::string& packageDir,
                                            const std::string& weightsFile,
                                            const std::string& version,
                                            const std::string& weightsSha256,
                                            const std::string& metricsJson) {
    require(user, Permission::TrainModel, "register a model");
    if (trim(version).empty()) {
        throw std::invalid_argument("a model needs a version to be registered");
    }
    if (weightsSha256.size() != 64 ||
        !std::all_of(weightsSha256.begin(), weightsSha256.end(),
                     [](unsigned char c) { return std::isxdigit(c) != 0; })) {
        throw std::invalid_argument("model " + version + ": '" + weightsSha256 +
                                    "' is not a SHA-256 digest");
    }
    const std::string storedPath =
        (fs::absolute(packageDir) / weightsFile).lexically_normal().string();
    Transaction transaction(db_);
    auto existing = db_.prepare("SELECT id, sha256 FROM models WHERE version = ?");
    existing.bind(1, version);
    if (existing.step()) {
        if (existing.columnText(1) != lower(weightsSha256)) {
            throw DatabaseError("model version " + version +
                                " is already registered with other weights; choose a new version");
        }
        return existing.columnInt(0);
    }
    db_.prepare("INSERT INTO models(version, file_path, sha256, metrics_json, registered_at) "
                "VALUES (?,?,?,?,?)")
        .bind(1, version)
        .bind(2, storedPath)
        .bind(3, lower(weightsSha256))
        .bind(4, metricsJson.empty() ? std::string("{}") : metricsJson)
        .bind(5, utcTimestamp())
        .step();
    const std::int64_t id = db_.lastInsertRowId();
    appendAudit(user.username, "model.register", "model", version,
                "weights=" + storedPath + " sha256=" + lower(weightsSha256));
    transaction.commit();
    return id;
}

namespace {

const char* const kModelColumns =
    "SELECT id, version, file_path, sha256, metrics_json, registered_at, active FROM models";

RegisteredModel readModelRow(const Statement& row) {
    RegisteredModel model;
    model.id = row.columnInt(0);
    model.version = row.columnText(1);
    model.weightsPath = row.columnText(2);
    model.packagePath = fs::path(model.weightsPath).parent_path().string();
    model.weightsSha256 = row.columnText(3);
    model.metricsJson = row.columnText(4);
    model.registeredAt = row.columnText(5);
    model.active = row.columnInt(6) != 0;
    return model;
}

} // namespace

std::vector<RegisteredModel> PatientDatabase::listModels() {
    auto query = db_.prepare(std::string(kModelColumns) + " ORDER BY registered_at DESC, id DESC");
    std::vector<RegisteredModel> models;
    while (query.step()) {
        models.push_back(readModelRow(query));
    }
    return models;
}

std::optional<RegisteredModel> PatientDatabase::activeModel() {
    auto query = db_.prepare(std::string(kModelColumns) + " WHERE active = 1");
    if (!query.step()) {
        return std::nullopt;
    }
    return readModelRow(query);
}

PatientPage PatientDatabase::listPatients(const PatientQuery& q) {
    // One row per patient with its latest clinical label and flags computed by EXISTS, so the
    // filters, the count and the page all come from the same expression.
    static const char* const kBase = R"sql(
        WITH p AS (
          SELECT pt.id, pt.patient_id, pt.name,
            COALESCE((SELECT diagnosis_date FROM clinical_labels c WHERE c.patient_ref = pt.id
                      ORDER BY c.recorded_at DESC LIMIT 1), '') AS diagnosis_date,
            COALESCE((SELECT egfr_status FROM clinical_labels c WHERE c.patient_ref = pt.id
                      ORDER BY c.recorded_at DESC LIMIT 1), 'unknown') AS egfr_status,
            (SELECT count(*) FROM studies st WHERE st.patient_ref = pt.id) AS study_count,
            (SELECT count(*) FROM series se JOIN studies st ON se.study_ref = st.id
              WHERE st.patient_ref = pt.id) AS series_count,
            EXISTS (SELECT 1 FROM structure_sets ss JOIN series se ON ss.series_ref = se.id
                    JOIN studies st ON se.study_ref = st.id
                    WHERE st.patient_ref = pt.id AND ss.source IN ('manual', 'imported'))
              AS has_manual,
            EXISTS (SELECT 1 FROM inference_runs ir JOIN series se ON ir.series_ref = se.id
                    JOIN studies st ON se.study_ref = st.id WHERE st.patient_ref = pt.id)
              AS has_ai,
            COALESCE((SELECT ss.review_status FROM structure_sets ss
                      JOIN series se ON ss.series_ref = se.id
                      JOIN studies st ON se.study_ref = st.id WHERE st.patient_ref = pt.id
                      ORDER BY CASE ss.review_status WHEN 'locked' THEN 4 WHEN 'approved' THEN 3
                               WHEN 'corrected' THEN 2 ELSE 1 END DESC LIMIT 1), '')
              AS review_status,
            COALESCE((SELECT max(se.imported_at) FROM series se JOIN studies st
                      ON se.study_ref = st.id WHERE st.patient_ref = pt.id), '') AS last_import
          FROM patients pt
        )
        SELECT id, patient_id, name, diagnosis_date, egfr_status, study_count, series_count,
               has_manual, has_ai, review_status, count(*) OVER () AS total
        FROM p
        -- instr, not LIKE: '%' and '_' typed into the search box are characters, not wildcards.
        WHERE (?1 = '' OR instr(lower(patient_id), lower(?1)) > 0
                       OR instr(lower(name), lower(?1)) > 0)
          AND (?2 = '' OR diagnosis_date >= ?2)
          AND (?3 = '' OR diagnosis_date <= ?3)
          AND (?4 = '' OR egfr_status = ?4)
          AND (?5 < 0 OR has_manual = ?5)
          AND (?6 < 0 OR has_ai = ?6)
          AND (?7 = '' OR review_status = ?7)
    )sql";
    std::string order;
    switch (q.sort) {
    case PatientQuery::Sort::PatientId:
        order = "patient_id";
        break;
    case PatientQuery::Sort::Name:
        order = "name";
        break;
    case PatientQuery::Sort::DiagnosisDate:
        order = "diagnosis_date";
        break;
    case PatientQuery::Sort::LastImport:
        order = "last_import";
        break;
    }
    const std::string sql = std::string(kBase) + " ORDER BY " + order +
                            (q.descending ? " DESC" : " ASC") + ", id LIMIT ?8 OFFSET ?9";
    auto query = db_.prepare(sql);
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
    while (query.step()) {
        PatientRow row;
        row.id = query.columnInt(0);
        row.patientId = query.columnText(1);
        row.name = query.columnText(2);
        row.diagnosisDate = query.columnText(3);
        row.egfrStatus = query.columnText(4);
        row.studyCount = static_cast<int>(query.columnInt(5));
        row.seriesCount = static_cast<int>(query.columnInt(6));
        row.hasManualGtv = query.columnInt(7) != 0;
        row.hasAiResult = query.columnInt(8) != 0;
        row.reviewStatus = query.columnText(9);
        page.totalMatching = query.columnInt(10);
        page.rows.push_back(std::move(row));
    }
    if (page.rows.empty()) {
        // The window count is only seen with a row; an empty page past the end still needs it.
        PatientQuery countOnly = q;
        countOnly.offset = 0;
        countOnly.limit = 1;
        if (q.offset > 0) {
            page.totalMatching = listPatients(countOnly).totalMatching;
        }
    }
    return page;
}

std::vector<TrainingCase> PatientDatabase::trainingCohort() {
    auto query = db_.prepare(R"sql(
        SELECT pt.patient_id, se.series_uid, se.id, ss.id, c.egfr_status, c.diagnosis_date
        FROM structure_sets ss
        JOIN series se ON ss.series_ref = se.id
        JOIN studies st ON se.study_ref = st.id
        JOIN patients pt ON st.patient_ref = pt.id
        JOIN clinical_labels c ON c.patient_ref = pt.id
        WHERE ss.review_status IN ('approved', 'locked')
          AND c.egfr_status IN ('mutant', 'wild_type') AND c.diagnosis_date <> ''
          AND c.id = (SELECT id FROM clinical_labels c2 WHERE c2.patient_ref = pt.id
                      ORDER BY c2.recorded_at DESC LIMIT 1)
          AND ss.id = (SELECT id FROM structure_sets s2 WHERE s2.series_ref = se.id
                       AND s2.review_status IN ('approved', 'locked') ORDER BY s2.created_at DESC,
                       s2.id DESC LIMIT 1)
        ORDER BY c.diagnosis_date, pt.patient_id)sql");
    std::vector<TrainingCase> cases;
    while (query.step()) {
        cases.push_back({query.columnText(0), query.columnText(1), query.columnInt(2),
                         query.columnInt(3), query.columnText(4), query.columnText(5)});
    }
    return cases;
}

DatabaseStats PatientDatabase::stats() {
    auto count = [this](const char* table) {
        return std::get<std::int64_t>(*db_.scalar(std::string("SELECT count(*) FROM ") + table));
    };
    DatabaseStats s;
    s.patients = count("patients");
    s.studies = count("studies");
    s.series = count("series");
    s.instances = count("instances");
    s.structureSets = count("structure_sets");
    s.clinicalLabels = count("clinical_labels");
    s.inferenceRuns = count("inference_runs");
    s.models = count("models");
    s.users = count("users");
    s.auditEntries = count("audit_log");
    s.schemaVersion = schemaVersion(db_);
    return s;
}

CheckReport PatientDatabase::check() {
    CheckReport report;
    {
        auto integrity = db_.prepare("PRAGMA integrity_check");
        while (integrity.step()) {
            const std::string line = integrity.columnText(0);
            if (line != "ok") {
                report.problems.push_back("integrity: " + line);
            }
        }
        auto foreignKeys = db_.prepare("PRAGMA foreign_key_check");
        while (foreignKeys.step()) {
            report.problems.push_back("foreign key: table " + foreignKeys.columnText(0) + " row " +
                                      std::to_string(foreignKeys.columnInt(1)) +
                                      " points at a missing " + foreignKeys.columnText(2));
        }
    }
    {
        auto rows = db_.prepare("SELECT id, at, username, action, entity, entity_id, details, "
                                "prev_hash, hash FROM audit_log ORDER BY id");
        std::string expectedPrev = kGenesisHash;
        while (rows.step()) {
            AuditEntry e{rows.columnInt(0),  rows.columnText(1), rows.columnText(2),
                         rows.columnText(3), rows.columnText(4), rows.columnText(5),
                         rows.columnText(6), rows.columnText(7), rows.columnText(8)};
            if (e.prevHash != expectedPrev) {
                report.problems.push_back("audit log: row " + std::to_string(e.id) +
                                          " does not follow the previous row (a row was removed "
                                          "or reordered)");
            }
            if (auditHash(e) != e.hash) {
                report.problems.push_back("audit log: row " + std::to_string(e.id) +
                                          " was modified after it was written");
            }
            expectedPrev = e.hash;
            ++report.auditEntriesVerified;
        }
    }
    {
        // A structure set is either a DICOM RTSTRUCT (file_path) or a label map (label_path).
        auto files =
            db_.prepare("SELECT file_path, sha256 FROM instances UNION ALL "
                        "SELECT coalesce(file_path, label_path), sha256 FROM structure_sets "
                        "WHERE coalesce(file_path, label_path) IS NOT NULL "
                        "UNION ALL SELECT file_path, sha256 FROM models");
        while (files.step()) {
            const std::string relative = files.columnText(0);
            const std::string expected = files.columnText(1);
            const std::string path = storage_.absolutePath(relative);
            try {
                if (sha256OfFile(path) != expected) {
                    report.problems.push_back("stored file " + path +
                                              " was modified (checksum differs)");
                }
            } catch (const std::exception&) {
                report.problems.push_back("stored file " + path + " is missing or unreadable");
            }
            ++report.filesVerified;
        }
    }
    return report;
}

} // namespace metis::db
