// Importing a clinical CSV (patient id, diagnosis date, EGFR status) in one transaction.
#include "PatientDatabaseInternal.h"
#include "metis/database/Importer.h"

#include <filesystem>

namespace metis::db {
namespace fs = std::filesystem;

std::size_t importClinicalCsv(PatientDatabase& db, const std::string& path,
                              const std::string& username, std::vector<ImportProblem>& errors) {
    ClinicalTable table;
    try {
        table = readClinicalTable(path);
    } catch (const std::runtime_error& e) {
        errors.push_back({path, e.what()});
        return 0;
    }
    for (const auto& problem : table.problems) {
        errors.push_back({path + " line " + std::to_string(problem.line), problem.message});
    }
    std::size_t imported = 0;
    Transaction transaction(detail::DatabaseAccess::sql(db));
    for (const auto& row : table.rows) {
        const auto patient = db.upsertPatient({row.patientId, "", "", ""});
        if (db.setClinicalLabel(patient, row.egfr, row.diagnosisDate, "clinical-csv")) {
            ++imported;
        }
    }
    if (imported > 0) {
        db.appendAudit(username, "clinical.import", "file", fs::path(path).filename().string(),
                       std::to_string(imported) + " rows");
    }
    transaction.commit();
    return imported;
}

} // namespace metis::db
