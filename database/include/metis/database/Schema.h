#pragma once

#include <string_view>
#include <vector>

namespace metis::db {

class SqliteDatabase;

/// One forward migration: the SQL that takes the schema from version - 1 to version.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// Every migration, in version order (generated from database/schema/*.sql at build time).
const std::vector<Migration>& schemaMigrations();
int latestSchemaVersion();

/// The schema version recorded in the database; 0 for a new, empty database.
int schemaVersion(SqliteDatabase& db);

/// Upgrades the database to the latest schema, each migration in its own transaction (a crash
/// leaves the previous version intact). Refuses a database written by a newer Metis with a
/// DatabaseError that says so.
void migrateSchema(SqliteDatabase& db);

} // namespace metis::db
