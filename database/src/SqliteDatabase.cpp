#include "metis/database/SqliteDatabase.h"

#include <sqlite3.h>

namespace metis::db {
namespace {

// SQLite's default: checkpoint the write-ahead log once a commit leaves it this many frames long.
constexpr int kAutoCheckpointFrames = 1000;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    throw DatabaseError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory") + " (database " +
                        (file && *file ? file : "in memory") + ")");
}

} // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK) {
        fail(db_, "cannot prepare '" + std::string(sql) + "'");
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, const SqlValue& value) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
        rc = sqlite3_bind_null(stmt_, index);
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
        rc = sqlite3_bind_int64(stmt_, index, *i);
    } else if (const auto* d = std::get_if<double>(&value)) {
        rc = sqlite3_bind_double(stmt_, index, *d);
    } else {
        const auto& s = std::get<std::string>(value);
        rc =
            sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) {
        fail(db_, "cannot bind parameter " + std::to_string(index));
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(db_, std::string("statement failed: ") + sqlite3_sql(stmt_));
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::columnDouble(int column) const {
    return sqlite3_column_double(stmt_, column);
}
bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

SqlValue Statement::value(int column) const {
    switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_NULL:
        return nullptr;
    case SQLITE_INTEGER:
        return columnInt(column);
    case SQLITE_FLOAT:
        return columnDouble(column);
    default:
        return columnText(column);
    }
}

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
}

SqliteDatabase::SqliteDatabase(const std::string& path, OpenMode mode) : path_(path) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::CreateIfMissing:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenMode::Existing:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw DatabaseError("cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    int persistWal = 1;
    sqlite3_file_control(db_, "main", SQLITE_FCNTL_PERSIST_WAL, &persistWal);
    const char* setup = mode == OpenMode::ReadOnly
                            ? "PRAGMA foreign_keys=ON;"
                            : "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                              "PRAGMA synchronous=FULL;";
    if (sqlite3_exec(db_, setup, nullptr, nullptr, nullptr) != SQLITE_OK) {
        // The first statements are the first reads of the file: a damaged file shows here.
        const int code = sqlite3_errcode(db_);
        const std::string message = sqlite3_errmsg(db_);
        sqlite3_close_v2(db_);
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            throw DatabaseError("database " + path + " is damaged (" + message +
                                "); restore it from a backup");
        }
        throw DatabaseError("cannot open database " + path + ": " + message);
    }
}

SqliteDatabase::~SqliteDatabase() {
    sqlite3_close_v2(db_);
}

void SqliteDatabase::execute(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw DatabaseError("'" + text + "' failed: " + message + " (database " + path_ + ")");
    }
}

Statement SqliteDatabase::prepare(std::string_view sql) {
    return Statement(db_, sql);
}

std::optional<SqlValue> SqliteDatabase::scalar(std::string_view sql) {
    Statement statement = prepare(sql);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.value(0);
}

std::int64_t SqliteDatabase::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}

int SqliteDatabase::changes() const {
    return sqlite3_changes(db_);
}

void SqliteDatabase::setAfterCommit(std::function<void()> callback) {
    afterCommit_ = std::move(callback);
    sqlite3_wal_hook(db_, afterCommit_ ? &SqliteDatabase::walCommitted : nullptr, this);
    if (!afterCommit_) {
        sqlite3_wal_autocheckpoint(db_, kAutoCheckpointFrames);
    }
}

// SQLite calls this once a commit is in the write-ahead log and the write lock is released. The
// hook replaces SQLite's own, which checkpoints the log when it has grown past 1000 frames; that
// is kept here.
int SqliteDatabase::walCommitted(void* self, sqlite3* db, const char* schema, int walFrames) {
    if (walFrames >= kAutoCheckpointFrames) {
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    static_cast<SqliteDatabase*>(self)->afterCommit_();
    return SQLITE_OK;
}

Transaction::Transaction(SqliteDatabase& db) : db_(db) {
    db_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.execute("ROLLBACK");
        } catch (const DatabaseError&) {
            // Nothing more can be done in a destructor; SQLite rolls back on close anyway.
        }
    }
}

void Transaction::commit() {
    db_.execute("COMMIT");
    done_ = true;
}

bool sqliteWorks() {
    SqliteDatabase memory(":memory:");
    memory.execute("CREATE TABLE t(x); INSERT INTO t VALUES (42);");
    return memory.scalar("SELECT x FROM t") == SqlValue(std::int64_t{42});
}

std::string sqliteVersion() {
    return sqlite3_libversion();
}

} // namespace metis::db
