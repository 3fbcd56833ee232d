// Signing in, the one rule of the workstation and metis-cli: by the OS account the program runs
// as, by a password of the user's own, or (through PAM) by the OS account's password; every
// attempt audited, a name locked after five failures in fifteen minutes; a database from before
// sign-in keeps its users able to sign in.
#include "TempDir.h"
#include "metis/database/Schema.h"
#include "metis/database/SqliteDatabase.h"
#include "metis/workflow/SignIn.h"

#include <gtest/gtest.h>

using namespace metis;
using workflow::signIn;
using workflow::SignInRefused;

namespace {

// The schema version that added sign-in (database/schema/009_sign_in.sql).
constexpr int kSignInSchemaVersion = 9;

// The refusal's message, or a failure when the sign-in was accepted.
std::string refusal(db::PatientDatabase& database, const std::string& username,
                    const std::optional<std::string>& password) {
    try {
        signIn(database, username, password);
    } catch (const SignInRefused& e) {
        return e.what();
    }
    ADD_FAILURE() << username << " was signed in";
    return {};
}

} // namespace

TEST(WorkflowSignIn, theOsAccountThatSetUpTheDatabaseSignsInWithoutAPassword) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    database.ensureDefaultUsers();
    ASSERT_FALSE(db::currentOsAccount().empty());
    EXPECT_EQ(signIn(database, "physicist", std::nullopt).role, db::Role::Physicist);
    const auto entries = database.auditLog("physicist", {}, "auth.sign-in");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries.front().details, "os-account " + db::currentOsAccount());
}

TEST(WorkflowSignIn, othersNeedTheirPasswordAndWrongOnesAreAuditedAndLockTheName) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    database.ensureDefaultUsers();
    const db::User admin = *database.findUser("admin");
    database.addUser("ann", "Ann Otator", db::Role::Annotator, admin.username);
    database.addUser("olga", "Olga", db::Role::Oncologist, admin.username, "some-other-account");

    EXPECT_NE(refusal(database, "ann", std::nullopt).find("has no password and no OS account"),
              std::string::npos);
    EXPECT_THROW(database.setPassword(admin, "ann", "short"), std::invalid_argument);
    database.setPassword(admin, "ann", "correct horse");
    EXPECT_THROW(database.setPassword(*database.findUser("ann"), "admin", "hijacked!"),
                 db::PermissionDenied);
    EXPECT_EQ(signIn(database, "ann", std::string("correct horse")).username, "ann");

    try {
        signIn(database, "olga", std::nullopt);
        FAIL() << "an OS account not bound to olga signed in as olga";
    } catch (const SignInRefused& e) {
        EXPECT_TRUE(e.needsPassword());
    }
    // Olga's OS account does not exist here: the system (PAM) refuses its password.
    EXPECT_NE(refusal(database, "olga", std::string("anything")).find("checked as the OS account"),
              std::string::npos);
    EXPECT_NE(refusal(database, "nobody", std::string("x")).find("no active user 'nobody'"),
              std::string::npos);

    // The attempt without a password counted as the first failure.
    for (int attempt = 1; attempt < workflow::kMaxFailedSignIns; ++attempt) {
        EXPECT_NE(refusal(database, "ann", std::string("wrong")).find("wrong password for 'ann'"),
                  std::string::npos);
    }
    // Locked: even the right password is refused within the window, and that is audited too.
    EXPECT_NE(refusal(database, "ann", std::string("correct horse")).find("too many failed"),
              std::string::npos);
    EXPECT_EQ(database.auditLog("ann", {}, "auth.failed").size(),
              static_cast<std::size_t>(workflow::kMaxFailedSignIns));
    EXPECT_EQ(database.auditLog("ann", {}, "auth.locked").size(), 1u);
    // The hash, never the password, is stored.
    db::SqliteDatabase raw(database.path(), db::OpenMode::ReadOnly);
    const auto stored = raw.scalar("SELECT password_hash FROM users WHERE username = 'ann'");
    ASSERT_TRUE(stored);
    const std::string hash = std::get<std::string>(*stored);
    EXPECT_EQ(hash.rfind("scrypt$32768$8$1$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("correct horse"), std::string::npos);
    EXPECT_TRUE(database.check().ok());
}

TEST(WorkflowSignIn, inactiveUsersCannotSignIn) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    database.ensureDefaultUsers();
    const db::User admin = *database.findUser("admin");
    EXPECT_THROW(database.setActive(admin, "admin", false), std::invalid_argument);
    database.setActive(admin, "annotator", false);
    EXPECT_NE(refusal(database, "annotator", std::nullopt).find("no active user"),
              std::string::npos);
}

TEST(WorkflowSignIn, usersOfADatabaseFromBeforeSignInAreBoundToTheAccountThatUpgradesIt) {
    test_tools::TempDir dir;
    const std::string path = dir.filePath("metis.db");
    {
        // A database as the version before sign-in left it: schema 8, one user.
        db::SqliteDatabase raw(path);
        raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
        for (const db::Migration& migration : db::schemaMigrations()) {
            if (migration.version < kSignInSchemaVersion) {
                raw.execute(migration.sql);
            }
        }
        raw.execute("INSERT INTO schema_version(version) VALUES (8); "
                    "INSERT INTO users(username, display_name, role, created_at) "
                    "VALUES ('legacy', 'Legacy User', 'physicist', '2026-01-01T00:00:00.000Z')");
    }
    db::PatientDatabase database(path);
    EXPECT_EQ(database.credentials("legacy").osAccount, db::currentOsAccount());
    EXPECT_EQ(signIn(database, "legacy", std::nullopt).username, "legacy");
    const auto entries = database.auditLog("system", {}, "user.os-account");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_NE(entries.front().details.find("1 users from before sign-in"), std::string::npos);
}
