// Users, their roles, how they sign in and what each role may do; refusals are audited.
#include "PasswordHash.h"
#include "Text.h"
#include "metis/database/PatientDatabase.h"

#include <pwd.h>
#include <stdexcept>
#include <unistd.h>
#include <vector>

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

std::string currentOsAccount() {
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
        return {};
    }
    return found->pw_name;
}

void PatientDatabase::ensureDefaultUsers() {
    const std::string osAccount = currentOsAccount();
    for (const Role role : {Role::Oncologist, Role::Annotator, Role::Physicist, Role::Admin}) {
        const std::string name = toString(role);
        auto exists = db_.prepare("SELECT 1 FROM users WHERE username = ?");
        exists.bind(1, name);
        if (!exists.step()) {
            addUser(name, name, role, "setup", osAccount);
        }
    }
}

User PatientDatabase::addUser(const std::string& username, const std::string& displayName,
                              Role role, const std::string& actingUser,
                              const std::string& osAccount) {
    if (username.empty()) {
        throw std::invalid_argument("a user needs a name");
    }
    Transaction transaction(db_);
    db_.prepare("INSERT INTO users(username, display_name, role, created_at, os_account) "
                "VALUES (?,?,?,?,?)")
        .bind(1, username)
        .bind(2, displayName)
        .bind(3, toString(role))
        .bind(4, utcTimestamp())
        .bind(5, osAccount.empty() ? SqlValue(nullptr) : SqlValue(osAccount))
        .step();
    User user{db_.lastInsertRowId(), username, displayName, role};
    appendAudit(actingUser, "user.add", "user", username,
                "role=" + toString(role) + (osAccount.empty() ? "" : " os_account=" + osAccount));
    transaction.commit();
    return user;
}

std::vector<UserAccount> PatientDatabase::userAccounts() {
    auto query = db_.prepare("SELECT id, username, display_name, role, coalesce(os_account, ''), "
                             "password_hash IS NOT NULL, active FROM users ORDER BY username");
    std::vector<UserAccount> accounts;
    while (query.step()) {
        accounts.push_back({User{query.columnInt(0), query.columnText(1), query.columnText(2),
                                 roleFromString(query.columnText(3))},
                            UserCredentials{query.columnText(4), query.columnInt(5) != 0},
                            query.columnInt(6) != 0});
    }
    return accounts;
}

UserCredentials PatientDatabase::credentials(const std::string& username) {
    auto query = db_.prepare("SELECT coalesce(os_account, ''), password_hash IS NOT NULL FROM "
                             "users WHERE username = ?");
    query.bind(1, username);
    if (!query.step()) {
        return {};
    }
    return {query.columnText(0), query.columnInt(1) != 0};
}

bool PatientDatabase::passwordMatches(const std::string& username, const std::string& password) {
    auto query = db_.prepare("SELECT password_hash FROM users WHERE username = ? AND "
                             "password_hash IS NOT NULL");
    query.bind(1, username);
    return query.step() && detail::passwordMatchesHash(password, query.columnText(0));
}

void PatientDatabase::requireUserAdministration(const User& actingUser, const std::string& username,
                                                const std::string& what) {
    require(actingUser, Permission::ManageUsers, what);
    auto exists = db_.prepare("SELECT 1 FROM users WHERE username = ?");
    exists.bind(1, username);
    if (!exists.step()) {
        throw std::invalid_argument("no user '" + username + "'");
    }
}

void PatientDatabase::setPassword(const User& actingUser, const std::string& username,
                                  const std::string& password) {
    if (actingUser.username != username) {
        requireUserAdministration(actingUser, username, "set the password of " + username);
    }
    if (!password.empty() && password.size() < 8) {
        throw std::invalid_argument("a password needs at least 8 characters");
    }
    Transaction transaction(db_);
    db_.prepare("UPDATE users SET password_hash = ? WHERE username = ?")
        .bind(1, password.empty() ? SqlValue(nullptr) : SqlValue(detail::hashPassword(password)))
        .bind(2, username)
        .step();
    appendAudit(actingUser.username,
                password.empty() ? "user.password-removed" : "user.password-set", "user", username);
    transaction.commit();
}

void PatientDatabase::setOsAccount(const User& actingUser, const std::string& username,
                                   const std::string& osAccount) {
    requireUserAdministration(actingUser, username, "bind " + username + " to an OS account");
    Transaction transaction(db_);
    const UserCredentials before = credentials(username);
    db_.prepare("UPDATE users SET os_account = ? WHERE username = ?")
        .bind(1, osAccount.empty() ? SqlValue(nullptr) : SqlValue(osAccount))
        .bind(2, username)
        .step();
    appendAudit(actingUser.username, "user.os-account", "user", username,
                "os_account: '" + before.osAccount + "' -> '" + osAccount + "'");
    transaction.commit();
}

void PatientDatabase::setRole(const User& actingUser, const std::string& username, Role role) {
    requireUserAdministration(actingUser, username, "change the role of " + username);
    Transaction transaction(db_);
    auto current = db_.prepare("SELECT role FROM users WHERE username = ?");
    current.bind(1, username);
    current.step();
    const std::string before = current.columnText(0);
    db_.prepare("UPDATE users SET role = ? WHERE username = ?")
        .bind(1, toString(role))
        .bind(2, username)
        .step();
    appendAudit(actingUser.username, "user.role", "user", username,
                "role: " + before + " -> " + toString(role));
    transaction.commit();
}

void PatientDatabase::setActive(const User& actingUser, const std::string& username, bool active) {
    requireUserAdministration(actingUser, username,
                              (active ? "reactivate " : "deactivate ") + username);
    if (!active && actingUser.username == username) {
        throw std::invalid_argument("an administrator cannot deactivate their own account");
    }
    Transaction transaction(db_);
    db_.prepare("UPDATE users SET active = ? WHERE username = ?")
        .bind(1, std::int64_t{active ? 1 : 0})
        .bind(2, username)
        .step();
    appendAudit(actingUser.username, active ? "user.reactivate" : "user.deactivate", "user",
                username);
    transaction.commit();
}

void PatientDatabase::bindUsersWithoutCredentials() {
    const std::string osAccount = currentOsAccount();
    if (osAccount.empty()) {
        return;
    }
    Transaction transaction(db_);
    db_.prepare("UPDATE users SET os_account = ? WHERE os_account IS NULL AND "
                "password_hash IS NULL")
        .bind(1, osAccount)
        .step();
    if (const int bound = db_.changes(); bound > 0) {
        appendAudit("system", "user.os-account", "database", "",
                    std::to_string(bound) +
                        " users from before sign-in had no credential; bound to the OS "
                        "account " +
                        osAccount + " that upgraded the database");
    }
    transaction.commit();
}

std::int64_t PatientDatabase::countAuditSince(const std::string& action,
                                              const std::string& entityId,
                                              const std::string& sinceUtc) {
    auto query = db_.prepare(
        "SELECT count(*) FROM audit_log WHERE action = ? AND entity_id = ? AND at >= ?");
    query.bind(1, action).bind(2, entityId).bind(3, sinceUtc);
    query.step();
    return query.columnInt(0);
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
