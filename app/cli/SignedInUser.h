#pragma once
// The user a database command acts as (--user), signed in by the workstation's own rule
// (workflow/SignIn.h): as the OS account metis-cli runs as when the user is bound to it, else
// with a password from --password-file (scripts) or asked for on the terminal.
#include "metis/database/PatientDatabase.h"

#include <string>

namespace CLI {
class App;
}

namespace metis::cli {

/// Declares metis-cli's `--password-file FILE` (accepted before or after the command).
void addPasswordFileOption(CLI::App& root);

/// The first line of FILE (a trailing CR dropped), as --password-file and --new-password-file
/// give it; throws naming the file when it cannot be read.
std::string passwordFromFile(const std::string& path);

/// Signs `username` in; throws workflow::SignInRefused (audited) when that fails.
db::User signedInUser(db::PatientDatabase& database, const std::string& username);

} // namespace metis::cli
