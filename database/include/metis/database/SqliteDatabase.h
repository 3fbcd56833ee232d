#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace metis::db {

/// An SQLite failure, carrying the database file and SQLite's own message.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// A prepared statement. Bind with 1-based indices, step through rows, read columns 0-based.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const SqlValue& value);
    /// Advances to the next row; false when the statement is done.
    bool step();
    void reset();

    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;
    /// The column with SQLite's own type.
    SqlValue value(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// How a connection may treat its file.
enum class OpenMode {
    CreateIfMissing, ///< read-write; a missing file becomes a new, empty database
    Existing,        ///< read-write; a missing file is an error
    ReadOnly,        ///< nothing is written, nothing is created
};

/// One connection to one database file. Not shared between threads: each worker thread opens
/// its own. Opens with WAL journaling, foreign keys on and synchronous=FULL: a commit that
/// returned is on disk, also after a power loss (NORMAL may roll the last commits back then).
///
/// No connection ever checkpoints and deletes the WAL when it closes. SQLite does so when the
/// closing process believes it is the database's last user, which it judges by POSIX locks; a
/// process loses all of its POSIX locks on a file when any descriptor of that file is closed
/// (a file dialog sniffing the folder does that), so a second process could delete the WAL
/// under a running workstation. Checkpoints happen during writes (SQLite's auto-checkpoint).
class SqliteDatabase {
public:
    explicit SqliteDatabase(const std::string& path, OpenMode mode = OpenMode::CreateIfMissing);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    const std::string& path() const { return path_; }

    /// Runs one or more statements that return no rows.
    void execute(std::string_view sql);
    Statement prepare(std::string_view sql);
    /// First column of the first row, or nothing when there is no row.
    std::optional<SqlValue> scalar(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;

    /// Calls `callback` after each commit of this connection has reached the file (never for a
    /// rolled-back transaction); it may read the database, and must not throw. One callback per
    /// connection; SQLite's automatic checkpoints go on as before.
    void setAfterCommit(std::function<void()> callback);

private:
    static int walCommitted(void* self, sqlite3* db, const char* schema, int walFrames);

    std::string path_;
    sqlite3* db_ = nullptr;
    std::function<void()> afterCommit_;
};

/// Commits on commit(); rolls back when it leaves scope uncommitted (an exception, an early
/// return), so a multi-row change is all or nothing.
class Transaction {
public:
    explicit Transaction(SqliteDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    SqliteDatabase& db_;
    bool done_ = false;
};

/// The SQLite library version linked at run time.
std::string sqliteVersion();
/// Writes and reads a row of an in-memory database: true when this SQLite works (self-check).
bool sqliteWorks();

} // namespace metis::db
