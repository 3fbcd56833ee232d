// Opening a patient database: refusing files that must not be opened or created, checking the
// file, and bringing its schema up to date.
#include "metis/database/PatientDatabase.h"

#include "metis/database/Schema.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace metis::db {
namespace fs = std::filesystem;
namespace {

// The schema version that added sign-in credentials (schema/009_sign_in.sql).
constexpr int kSignInSchemaVersion = 9;

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
// Patient data is the owner's alone: the database file (its WAL and shared-memory files take its
// mode when SQLite creates them) 0600, whatever the umask was when it was created, and databases
// made by earlier versions with 0644 are tightened when opened for writing.
void keepPrivate(const std::string& databasePath) {
    if (databasePath == ":memory:") {
        return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        const fs::path file = databasePath + suffix;
        if (fs::exists(file, ec)) {
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write,
                            fs::perm_options::replace, ec);
        }
    }
}

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

std::string utcTimestamp(std::chrono::system_clock::duration ago) {
    using namespace std::chrono;
    const auto now = system_clock::now() - ago;
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
        const int versionBefore = schemaVersion(db_);
        migrateSchema(db_);
        keepPrivate(databasePath);
        if (databasePath != ":memory:") {
            anchorAuditLogAtOpen();
            db_.setAfterCommit([this] { advanceAuditAnchor(); });
        }
        if (versionBefore > 0 && versionBefore < kSignInSchemaVersion) {
            bindUsersWithoutCredentials();
        }
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

} // namespace metis::db
