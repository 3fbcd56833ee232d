// What `metis-cli db` reports about a database: how much it holds (stats) and whether it is
// sound (check): SQLite's own integrity and foreign keys, the audit chain, every stored file.
#include "PatientDatabaseInternal.h"
#include "metis/core/Sha256.h"
#include "metis/database/Schema.h"

namespace metis::db {

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
    verifyAuditChain(db_, report);
    verifyAuditAnchor(db_, auditAnchorPath(), report);
    verifyAppendOnlyTriggers(db_, report);
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
