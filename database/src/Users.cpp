// Users, their roles and what each role may do; refusals are audited.
#include "Text.h"
#include "metis/database/PatientDatabase.h"

#include <stdexcept>

namespace metis::db {

using text::lower;

std::string toString(Role role) {
    switch (role) {
    case Role::Oncologist:
        return "oncologist";
    case Role::Annotator:
        return "annotator";
    case Role::Physicist:
        return "physicist";
    case Role::Admin:
        return "admin";
    }
    return "oncologist";
}

Role roleFromString(const std::string& name) {
    for (Role role : {Role::Oncologist, Role::Annotator, Role::Physicist, Role::Admin}) {
        if (toString(role) == lower(name)) {
            return role;
        }
    }
    throw std::invalid_argument("unknown role '" + name +
                                "' (expected oncologist, annotator, physicist or admin)");
}

bool roleAllows(Role role, Permission permission) {
    switch (permission) {
    case Permission::ImportData:
    case Permission::RunInference:
    case Permission::EditContours:
        return true;
    case Permission::ApproveStructureSet:
        return role == Role::Oncologist || role == Role::Admin;
    case Permission::TrainModel:
    case Permission::ActivateModel:
        return role == Role::Physicist || role == Role::Admin;
    case Permission::ManageUsers:
    case Permission::ConfigureNetwork:
        return role == Role::Admin;
    }
    return false;
}

void PatientDatabase::ensureDefaultUsers() {
    for (const Role role : {Role::Oncologist, Role::Annotator, Role::Physicist, Role::Admin}) {
        const std::string name = toString(role);
        if (!findUser(name)) {
            addUser(name, name, role, "setup");
        }
    }
}

User PatientDatabase::addUser(const std::string& username, const std::string& displayName,
                              Role role, const std::string& actingUser) {
    Transaction transaction(db_);
    db_.prepare("INSERT INTO users(username, display_name, role, created_at) VALUES (?,?,?,?)")
        .bind(1, username)
        .bind(2, displayName)
        .bind(3, toString(role))
        .bind(4, utcTimestamp())
        .step();
    User user{db_.lastInsertRowId(), username, displayName, role};
    appendAudit(actingUser, "user.add", "user", username, "role=" + toString(role));
    transaction.commit();
    return user;
}

std::optional<User> PatientDatabase::findUser(const std::string& username) {
    auto query = db_.prepare(
        "SELECT id, username, display_name, role FROM users WHERE username = ? AND active = 1");
    query.bind(1, username);
    if (!query.step()) {
        return std::nullopt;
    }
    return User{query.columnInt(0), query.columnText(1), query.columnText(2),
                roleFromString(query.columnText(3))};
}

void PatientDatabase::require(const User& user, Permission permission, const std::string& what) {
    if (roleAllows(user.role, permission)) {
        return;
    }
    appendAudit(user.username, "permission.denied", "", "", what);
    throw PermissionDenied("user " + user.username + " (" + toString(user.role) + ") may not " +
                           what);
}

std::vector<User> PatientDatabase::activeUsers() {
    auto query = db_.prepare(
        "SELECT id, username, display_name, role FROM users WHERE active = 1 ORDER BY username");
    std::vector<User> users;
    while (query.step()) {
        users.push_back(User{query.columnInt(0), query.columnText(1), query.columnText(2),
                             roleFromString(query.columnText(3))});
    }
    return users;
}

} // namespace metis::db
