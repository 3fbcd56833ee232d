#include "metis/database/Schema.h"

#include "metis/database/SqliteDatabase.h"

#include <string>

namespace metis::db {

int latestSchemaVersion() {
    return schemaMigrations().back().version;
}

int schemaVersion(SqliteDatabase& db) {
    const auto exists = db.scalar(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
    if (!exists || std::get<std::int64_t>(*exists) == 0) {
        return 0;
    }
    const auto version = db.scalar("SELECT version FROM schema_version");
    if (!version || !std::holds_alternative<std::int64_t>(*version)) {
        return 0;
    }
    return static_cast<int>(std::get<std::int64_t>(*version));
}

void migrateSchema(SqliteDatabase& db) {
    const int current = schemaVersion(db);
    if (current > latestSchemaVersion()) {
        throw DatabaseError("database " + db.path() + " has schema version " +
                            std::to_string(current) + ", newer than this Metis understands (" +
                            std::to_string(latestSchemaVersion()) +
                            "); open it with a newer Metis or restore a backup");
    }
    for (const auto& migration : schemaMigrations()) {
        if (migration.version <= current) {
            continue;
        }
        Transaction transaction(db);
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        db.execute(migration.sql);
        db.execute("DELETE FROM schema_version");
        db.prepare("INSERT INTO schema_version(version) VALUES (?)")
            .bind(1, std::int64_t{migration.version})
            .step();
        transaction.commit();
    }
}

} // namespace metis::db
