#pragma once
// The user a database command acts as (--user), as the workstation's sign-in finds them.
#include "metis/database/PatientDatabase.h"

#include <stdexcept>
#include <string>

namespace metis::cli {

inline db::User signedInUser(db::PatientDatabase& database, const std::string& username) {
    const auto user = database.findUser(username);
    if (!user) {
        throw std::runtime_error(
            "no active user '" + username + "' in " + database.path() +
            " (the workstation creates one user per role when it first starts)");
    }
    return *user;
}

} // namespace metis::cli
