#pragma once
// What the sources of metis_database share about a PatientDatabase and nobody else sees: its
// connection and storage for the import steps, and the audit chain's verification for check().
#include "metis/database/PatientDatabase.h"

namespace metis::db {

namespace detail {

/// The import steps write rows and files of their own (series, instances, ROIs) inside their own
/// transactions; PatientDatabase befriends this one accessor instead of publishing its
/// connection, so SQL stays inside database/.
struct DatabaseAccess {
    static SqliteDatabase& sql(PatientDatabase& db) { return db.db_; }
    static ManagedStorage& storage(PatientDatabase& db) { return db.storage_; }
};

} // namespace detail

/// Walks the audit log in order, adding a problem for every row whose hash or link to the
/// previous row does not hold, and counts the rows verified.
void verifyAuditChain(SqliteDatabase& db, CheckReport& report);
/// Adds a problem when the anchor file is missing or damaged, or the log no longer reaches the
/// anchored row with the anchored hash. No anchor path (an in-memory database): nothing to do.
void verifyAuditAnchor(SqliteDatabase& db, const std::string& anchorPath, CheckReport& report);
/// Adds a problem when a trigger that keeps the audit log append-only was dropped or changed.
void verifyAppendOnlyTriggers(SqliteDatabase& db, CheckReport& report);

} // namespace metis::db
