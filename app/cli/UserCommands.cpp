// metis-cli user ...: who may sign in and how (admins; users set their own password), through
// the same database calls as the workstation's Users dialog; and the sign-in options.
#include "CommandLine.h"
#include "DatabaseOption.h"
#include "SignedInUser.h"
#include "metis/core/Json.h"

#include <iostream>

namespace metis::cli {
namespace {

struct UserListOptions {
    std::string database;
    bool json = false;
};

int runListUsers(const UserListOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const auto accounts = database.userAccounts();
    if (options.json) {
        JsonWriter json;
        json.beginArray();
        for (const auto& account : accounts) {
            json.beginObject()
                .field("username", account.user.username)
                .field("display_name", account.user.displayName)
                .field("role", db::toString(account.user.role))
                .field("os_account", account.credentials.osAccount)
                .field("has_password", account.credentials.hasPassword)
                .field("active", account.active)
                .endObject();
        }
        json.endArray();
        std::cout << json.str() << "\n";
        return 0;
    }
    for (const auto& account : accounts) {
        std::cout << account.user.username << "  " << db::toString(account.user.role) << "  "
                  << (account.credentials.osAccount.empty()
                          ? std::string("no OS account")
                          : "OS account " + account.credentials.osAccount)
                  << ", " << (account.credentials.hasPassword ? "password" : "no password")
                  << (account.active ? "" : ", inactive") << "\n";
    }
    return 0;
}

struct UserChangeOptions {
    std::string database;
    std::string actingUser;
    std::string username;
    std::string role;
    std::string displayName;
    std::string osAccount;
    std::string newPasswordFile;
};

int runAddUser(const UserChangeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User admin = signedInUser(database, options.actingUser);
    database.require(admin, db::Permission::ManageUsers, "add the user " + options.username);
    database.addUser(options.username,
                     options.displayName.empty() ? options.username : options.displayName,
                     db::roleFromString(options.role), admin.username, options.osAccount);
    if (!options.newPasswordFile.empty()) {
        database.setPassword(admin, options.username, passwordFromFile(options.newPasswordFile));
    }
    std::cout << "user " << options.username << " added (" << options.role << ")\n";
    return 0;
}

int runSetPassword(const UserChangeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User acting = signedInUser(database, options.actingUser);
    database.setPassword(acting, options.username, passwordFromFile(options.newPasswordFile));
    std::cout << "password of " << options.username << " set\n";
    return 0;
}

int runBind(const UserChangeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    database.setOsAccount(signedInUser(database, options.actingUser), options.username,
                          options.osAccount);
    std::cout << options.username << " bound to OS account '" << options.osAccount << "'\n";
    return 0;
}

int runSetRole(const UserChangeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    database.setRole(signedInUser(database, options.actingUser), options.username,
                     db::roleFromString(options.role));
    std::cout << options.username << " is now " << options.role << "\n";
    return 0;
}

int runDeactivate(const UserChangeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    database.setActive(signedInUser(database, options.actingUser), options.username, false);
    std::cout << options.username << " deactivated\n";
    return 0;
}

void addActingUser(CLI::App& command, UserChangeOptions& options, const char* help) {
    addDatabaseOption(command, options.database);
    command.add_option("--user", options.actingUser, help)->required()->type_name("NAME");
    command.add_option("NAME", options.username, "the user changed")->required();
}

} // namespace

void registerUserCommands(CommandLine& commands) {
    addPasswordFileOption(commands.root());
    commands.group("user").description("users, roles and how they sign in");

    auto [list, listOptions] = commands.add(
        "user list", "every user with role, OS account and password set", runListUsers);
    addDatabaseOption(list, listOptions.database);
    list.add_flag("--json", listOptions.json, "as JSON");

    auto [add, addOptions] = commands.add("user add", "add a user (admin; audited)", runAddUser);
    addActingUser(add, addOptions, "the admin adding them");
    add.add_option("--role", addOptions.role, "oncologist, annotator, physicist or admin")
        ->required();
    add.add_option("--display-name", addOptions.displayName, "the name shown (default: NAME)");
    add.add_option("--os-account", addOptions.osAccount,
                   "the OS account that signs in as this user without a password, or with its "
                   "system password");
    add.add_option("--new-password-file", addOptions.newPasswordFile,
                   "their password, from the first line of FILE (at least 8 characters)")
        ->type_name("FILE");

    auto [password, passwordOptions] = commands.add(
        "user set-password", "set a password (admin, or users their own; audited)", runSetPassword);
    addActingUser(password, passwordOptions, "who sets it");
    password
        .add_option("--new-password-file", passwordOptions.newPasswordFile,
                    "the new password, first line of FILE (at least 8 characters; an empty "
                    "line removes it)")
        ->required()
        ->type_name("FILE");

    auto [bind, bindOptions] =
        commands.add("user bind", "bind a user to an OS account (admin; audited)", runBind);
    addActingUser(bind, bindOptions, "the admin");
    bind.add_option("--os-account", bindOptions.osAccount, "the OS account (empty: unbind)")
        ->required();

    auto [role, roleOptions] =
        commands.add("user role", "change a user's role (admin; audited)", runSetRole);
    addActingUser(role, roleOptions, "the admin");
    role.add_option("ROLE", roleOptions.role, "oncologist, annotator, physicist or admin")
        ->required();

    auto [deactivate, deactivateOptions] = commands.add(
        "user deactivate", "stop a user from signing in (admin; audited)", runDeactivate);
    addActingUser(deactivate, deactivateOptions, "the admin");
}

} // namespace metis::cli
