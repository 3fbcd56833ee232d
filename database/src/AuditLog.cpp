// The append-only audit log: every row carries the hash of its fields and of the row before it,
// so that a row changed or removed behind the application's back breaks the chain.
#include "PatientDatabaseInternal.h"
#include "metis/core/Sha256.h"

namespace metis::db {
namespace {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

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

// The viewer's query and the chain's verification read the same columns.
constexpr const char* kAuditColumns =
    "SELECT id, at, username, action, entity, entity_id, details, prev_hash, hash FROM audit_log ";

AuditEntry readAuditRow(const Statement& row) {
    return {row.columnInt(0),  row.columnText(1), row.columnText(2),
            row.columnText(3), row.columnText(4), row.columnText(5),
            row.columnText(6), row.columnText(7), row.columnText(8)};
}

} // namespace

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
        std::string(kAuditColumns) +
        "WHERE (?1 = '' OR username = ?1) AND (?2 = '' OR entity_id = ?2) "
        "AND (?3 = '' OR substr(action, 1, length(?3)) = ?3) ORDER BY id DESC LIMIT ?4");
    query.bind(1, username).bind(2, entityId).bind(3, action).bind(4, std::int64_t{limit});
    std::vector<AuditEntry> entries;
    while (query.step()) {
        entries.push_back(readAuditRow(query));
    }
    return entries;
}

void verifyAuditChain(SqliteDatabase& db, CheckReport& report) {
    auto rows = db.prepare(std::string(kAuditColumns) + "ORDER BY id");
    std::string expectedPrev = kGenesisHash;
    while (rows.step()) {
        const AuditEntry e = readAuditRow(rows);
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

} // namespace metis::db
