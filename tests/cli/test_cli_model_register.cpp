// `metis-cli model register` on the built executable, signed in with passwords: refused for a
// wrong password and for none (both audited), refused for an annotator (audited), registered
// and activated for a physicist, refused naming the weights file when it is missing; `db init`
// sets up a database with one user per role; `user` commands manage who signs in.
#include "ExternalTool.h"
#include "metis/database/PatientDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using test_tools::runTool;

class TestCliModelRegister : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registersForPhysicistRefusesAnnotatorAndMissingWeights() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("metis.db");
        const auto passwordFile = [&](const char* name, const char* password) {
            const QString path = dir.filePath(name);
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(password);
            return path;
        };
        const QString physicistPassword = passwordFile("physicist.txt", "radiation physics\n");
        const QString annotatorPassword = passwordFile("annotator.txt", "contours all day");
        const QString wrongPassword = passwordFile("wrong.txt", "guessed it");
        {
            db::PatientDatabase database(dbPath.toStdString());
            const auto admin = database.addUser("admin", "Admin", db::Role::Admin);
            database.addUser("physicist", "Physicist", db::Role::Physicist);
            database.setPassword(admin, "physicist", "radiation physics");
        }
        // The annotator is added from the command line by the admin (a password file, no
        // password on the command line or in the environment).
        auto result =
            runTool(METIS_CLI_PATH, {"user", "add", "annotator", "--role", "annotator", "--db",
                                     dbPath, "--user", "admin", "--password-file", wrongPassword});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("'admin' has no password and no OS account"),
                 qPrintable(result.output));
        {
            db::PatientDatabase database(dbPath.toStdString());
            database.setPassword(*database.findUser("admin"), "admin", "administrator!");
        }
        const QString adminPassword = passwordFile("admin.txt", "administrator!");
        result = runTool(METIS_CLI_PATH, {"user", "add", "annotator", "--role", "annotator",
                                          "--new-password-file", annotatorPassword, "--db", dbPath,
                                          "--user", "admin", "--password-file", adminPassword});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        const QString package = dir.filePath("mtsa-tiny");
        result = runTool(METIS_CLI_PATH, {"model", "create-random", "--out", package,
                                          "--input-size", "64", "--base-width", "4"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        result = runTool(METIS_CLI_PATH, {"model", "register", package, "--db", dbPath, "--user",
                                          "physicist", "--password-file", wrongPassword});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("wrong password for 'physicist'"),
                 qPrintable(result.output));
        result = runTool(METIS_CLI_PATH,
                         {"model", "register", package, "--db", dbPath, "--user", "physicist"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("'physicist' needs a password"), qPrintable(result.output));

        result = runTool(METIS_CLI_PATH, {"model", "register", package, "--db", dbPath, "--user",
                                          "annotator", "--password-file", annotatorPassword});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("may not register a model"), qPrintable(result.output));

        // Random weights are registered, but not activated for patients unless forced.
        result = runTool(METIS_CLI_PATH,
                         {"model", "register", package, "--db", dbPath, "--user", "physicist",
                          "--activate", "--password-file", physicistPassword});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("untrained"), qPrintable(result.output));
        result =
            runTool(METIS_CLI_PATH, {"--password-file", physicistPassword, "model", "register",
                                     package, "--db", dbPath, "--user", "physicist", "--activate",
                                     "--force-untrained", "--reason", "pipeline check"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY2(result.output.contains("mtsa-tiny is now the active model"),
                 qPrintable(result.output));

        const QString broken = dir.filePath("broken");
        QVERIFY(runTool(METIS_CLI_PATH, {"model", "create-random", "--out", broken, "--input-size",
                                         "64", "--base-width", "4"})
                    .exitCode == 0);
        QVERIFY(QFile::remove(broken + "/weights.tensors"));
        result = runTool(METIS_CLI_PATH, {"model", "register", broken, "--db", dbPath, "--user",
                                          "physicist", "--password-file", physicistPassword});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains(broken + "/weights.tensors"), qPrintable(result.output));

        db::PatientDatabase database(dbPath.toStdString());
        const auto models = database.listModels();
        QCOMPARE(models.size(), std::size_t{1});
        QCOMPARE(database.activeModel()->version, std::string("mtsa-tiny"));
        QCOMPARE(database.auditLog("annotator", {}, "permission.denied").size(), std::size_t{1});
        QCOMPARE(database.auditLog("physicist", {}, "auth.failed").size(), std::size_t{2});
        QCOMPARE(database.auditLog("admin", {}, "auth.failed").size(), std::size_t{1});
        QCOMPARE(database.auditLog("physicist", {}, "auth.sign-in").size(), std::size_t{3});
        const auto annotator = database.credentials("annotator");
        QVERIFY(annotator.hasPassword && annotator.osAccount.empty());
        QCOMPARE(database.auditLog("physicist", {}, "model.").size(), std::size_t{2});
        QCOMPARE(database.auditLog("physicist", {}, "model.activate").front().details,
                 std::string("reason: pipeline check (untrained, forced)"));
        QVERIFY(database.check().ok());
    }

    // A site database set up from the command line alone: `db init` gives one user per role,
    // so the physicist can register the model straight away; running it again changes nothing.
    void dbInitCreatesOneUserPerRole() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("site.db");
        auto result = runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY(runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath}).exitCode == 0);
        const QString package = dir.filePath("mtsa-tiny");
        QVERIFY(runTool(METIS_CLI_PATH, {"model", "create-random", "--out", package, "--input-size",
                                         "64", "--base-width", "4"})
                    .exitCode == 0);
        result = runTool(METIS_CLI_PATH, {"model", "register", package, "--db", dbPath, "--user",
                                          "physicist", "--activate", "--force-untrained"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        db::PatientDatabase database(dbPath.toStdString());
        for (const auto role :
             {db::Role::Oncologist, db::Role::Annotator, db::Role::Physicist, db::Role::Admin}) {
            const auto user = database.findUser(db::toString(role));
            QVERIFY(user);
            QVERIFY(user->role == role);
        }
        QCOMPARE(database.stats().users, std::int64_t{4});
        QVERIFY(database.activeModel());
    }

    // Package signatures from the command line: a physicist's key pair, trusted by the admin;
    // from then on an unsigned package is refused and a signed one registers, named in the audit.
    void signedPackagesRegisterOnceAKeyIsTrusted() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("site.db");
        QVERIFY(runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath}).exitCode == 0);
        const QString keys = dir.filePath("keys");
        auto result = runTool(METIS_CLI_PATH, {"model", "keygen", "--out", keys});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QCOMPARE(QFileInfo(keys + "/signing-key.pem").permissions() &
                     ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        for (const char* name : {"plain", "signed"}) {
            QVERIFY(runTool(METIS_CLI_PATH, {"model", "create-random", "--out", dir.filePath(name),
                                             "--input-size", "64", "--base-width", "4"})
                        .exitCode == 0);
        }
        result = runTool(METIS_CLI_PATH, {"model", "sign", dir.filePath("signed"), "--key",
                                          keys + "/signing-key.pem"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        result = runTool(METIS_CLI_PATH,
                         {"model", "trust-key", "site physicist", "--public-key",
                          keys + "/signing-key.pub.pem", "--db", dbPath, "--user", "admin"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        result = runTool(METIS_CLI_PATH, {"model", "register", dir.filePath("plain"), "--db",
                                          dbPath, "--user", "physicist"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("is not signed"), qPrintable(result.output));
        result = runTool(METIS_CLI_PATH, {"model", "register", dir.filePath("signed"), "--db",
                                          dbPath, "--user", "physicist"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        db::PatientDatabase database(dbPath.toStdString());
        QCOMPARE(database.listModels().size(), std::size_t{1});
        QVERIFY(database.listModels().front().signedBy.rfind("site physicist ", 0) == 0);
        QVERIFY(database.auditLog("physicist", {}, "model.register")
                    .front()
                    .details.find("signed by site physicist") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCliModelRegister)
#include "test_cli_model_register.moc"
