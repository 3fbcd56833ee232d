// The append-only audit log: every row carries the hash of its fields and of the row before it,
// so that a row changed or removed behind the application's back breaks the chain. The chain
// alone cannot show a log rewritten with recomputed hashes or cut short at its end; the anchor
// file (last row and hash, also sent to syslog) and the append-only triggers' check do.
#include "PatientDatabaseInternal.h"
#include "metis/core/Sha256.h"

#include <cctype>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <syslog.h>
#include <unistd.h>

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

struct AuditHead {
    std::int64_t row = 0; ///< 0: the log is empty
    std::string hash;
};

AuditHead auditHead(SqliteDatabase& db) {
    auto last = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!last.step()) {
        return {0, kGenesisHash};
    }
    return {last.columnInt(0), last.columnText(1)};
}

/// The hash a row carries now; nothing when the row does not exist.
std::optional<std::string> hashOfRow(SqliteDatabase& db, std::int64_t row) {
    if (row == 0) {
        return kGenesisHash;
    }
    auto query = db.prepare("SELECT hash FROM audit_log WHERE id = ?");
    query.bind(1, row);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.columnText(0);
}

constexpr const char* kAnchorHeader = "metis audit anchor 1";

enum class AnchorState { Missing, Malformed, Read };

AnchorState readAnchor(const std::string& path, AuditHead& anchor) {
    std::ifstream in(path);
    if (!in) {
        return AnchorState::Missing;
    }
    std::string header, rowKey, hashKey;
    std::getline(in, header);
    in >> rowKey >> anchor.row >> hashKey >> anchor.hash;
    static const std::regex hex("[0-9a-f]{64}");
    if (!in || header != kAnchorHeader || rowKey != "row" || hashKey != "hash" || anchor.row < 0 ||
        !std::regex_match(anchor.hash, hex)) {
        return AnchorState::Malformed;
    }
    return AnchorState::Read;
}

// Written beside and renamed over the old one after reaching the disk, so a crash leaves the old
// anchor or the new one, never a torn file; owner-only like the database.
void writeAnchor(const std::string& path, const AuditHead& head) {
    std::ostringstream text;
    text << kAnchorHeader << "\nrow " << head.row << "\nhash " << head.hash << "\n";
    const std::string content = text.str();
    const std::string temporary = path + "." + std::to_string(::getpid()) + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw DatabaseError("cannot write the audit anchor " + temporary);
    }
    const bool written =
        ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw DatabaseError("cannot write the audit anchor " + path);
    }
    syslog(LOG_USER | LOG_NOTICE, "metis audit anchor %s: row %lld hash %s", path.c_str(),
           static_cast<long long>(head.row), head.hash.c_str());
}

// The append-only triggers as the schema creates them (database/schema/001_initial.sql);
// compared with whitespace collapsed.
const std::pair<const char*, const char*> kAppendOnlyTriggers[] = {
    {"audit_log_no_update", "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
                            "SELECT RAISE(ABORT, 'the audit log is append-only'); END"},
    {"audit_log_no_delete", "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                            "SELECT RAISE(ABORT, 'the audit log is append-only'); END"},
};

std::string collapseWhitespace(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && (out.empty() || out.back() == ' ')) {
            continue;
        }
        out += space ? ' ' : c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ';')) {
        out.pop_back();
    }
    return out;
}

} // namespace

std::string PatientDatabase::auditAnchorPath() const {
    return path() == ":memory:" ? std::string() : path() + ".audit-anchor";
}

void PatientDatabase::anchorAuditLogAtOpen() {
    AuditHead anchor;
    if (readAnchor(auditAnchorPath(), anchor) != AnchorState::Missing) {
        advanceAuditAnchor(); // catches up after a crash between a commit and its anchor
        return;
    }
    const AuditHead head = auditHead(db_);
    writeAnchor(auditAnchorPath(), head);
    anchoredRow_ = head.row;
    if (head.row > 0) {
        appendAudit("system", "audit.anchor-created", "database", "",
                    "the audit log had " + std::to_string(head.row) +
                        " rows and no anchor (a database from before anchors, or its anchor "
                        "file was removed); anchored at row " +
                        std::to_string(head.row));
        advanceAuditAnchor();
    }
}

void PatientDatabase::advanceAuditAnchor() noexcept {
    // Any failure leaves the anchor behind the log, which is still a true statement about it.
    try {
        const AuditHead head = auditHead(db_);
        if (head.row == anchoredRow_) {
            return;
        }
        AuditHead anchor;
        if (readAnchor(auditAnchorPath(), anchor) != AnchorState::Read) {
            return; // not recreated here: check() reports a missing or damaged anchor
        }
        if (anchor.row >= head.row) {
            anchoredRow_ = head.row; // another connection anchored it (or the end was cut off)
            return;
        }
        if (hashOfRow(db_, anchor.row) != anchor.hash) {
            return;
        }
        writeAnchor(auditAnchorPath(), head);
        anchoredRow_ = head.row;
    } catch (...) {
    }
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
    entry.prevHash = auditHead(db_).hash;
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

void verifyAuditAnchor(SqliteDatabase& db, const std::string& anchorPath, CheckReport& report) {
    if (anchorPath.empty()) {
        return;
    }
    AuditHead anchor;
    switch (readAnchor(anchorPath, anchor)) {
    case AnchorState::Missing:
        report.problems.push_back("audit log: its anchor " + anchorPath +
                                  " is missing, so rows removed from the log's end or a "
                                  "recomputed chain would go unnoticed (it was deleted, or the "
                                  "database was copied without it)");
        return;
    case AnchorState::Malformed:
        report.problems.push_back("audit log: its anchor " + anchorPath + " is damaged");
        return;
    case AnchorState::Read:
        break;
    }
    const auto hash = hashOfRow(db, anchor.row);
    if (!hash) {
        report.problems.push_back("audit log: the anchored row " + std::to_string(anchor.row) +
                                  " is gone (rows were removed from the log's end; the last "
                                  "row is " +
                                  std::to_string(auditHead(db).row) + ")");
    } else if (*hash != anchor.hash) {
        report.problems.push_back("audit log: row " + std::to_string(anchor.row) +
                                  " no longer carries its anchored hash (the log was rewritten "
                                  "up to that row)");
    }
}

void verifyAppendOnlyTriggers(SqliteDatabase& db, CheckReport& report) {
    for (const auto& [name, expected] : kAppendOnlyTriggers) {
        auto query = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                "name = ? AND tbl_name = 'audit_log'");
        query.bind(1, std::string(name));
        if (!query.step()) {
            report.problems.push_back(std::string("audit log: its append-only trigger ") + name +
                                      " was dropped");
        } else if (collapseWhitespace(query.columnText(0)) != expected) {
            report.problems.push_back(std::string("audit log: its append-only trigger ") + name +
                                      " was changed");
        }
    }
}

} // namespace metis::db
