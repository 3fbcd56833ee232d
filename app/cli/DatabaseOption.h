#pragma once
// --db FILE, for the commands that may use the default database.
#include "metis/database/PatientDatabase.h"

#include <CLI/CLI.hpp>
#include <string>

namespace metis::cli {

inline void addDatabaseOption(CLI::App& command, std::string& path) {
    path = db::PatientDatabase::defaultPath();
    command.add_option("--db", path, "the patient database; $METIS_DB sets the default")
        ->type_name("FILE");
}

} // namespace metis::cli
