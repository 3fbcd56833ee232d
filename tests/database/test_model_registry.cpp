#include "metis/core/Sha256.h"
#include "metis/database/PatientDatabase.h"

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>

using namespace metis::db;

namespace {

const char* const kWeights = "weights.tensors";

// A package folder holding only a weights file (the database reads nothing else); returns the
// weights' SHA-256.
std::string writePackage(const QTemporaryDir& dir, const std::string& name,
                         const std::string& weights) {
    const auto folder = std::filesystem::path(dir.path().toStdString()) / name;
    std::filesystem::create_directories(folder);
    std::ofstream(folder / kWeights, std::ios::binary) << weights;
    return metis::sha256OfFile((folder / kWeights).string());
}

std::string packagePath(const QTemporaryDir& dir, const std::string& name) {
    return dir.filePath(QString::fromStdString(name)).toStdString();
}

std::int64_t auditCount(PatientDatabase& db, const std::string& action) {
    return static_cast<std::int64_t>(db.auditLog({}, {}, action).size());
}

} // namespace

class TestModelRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void physicistRegistersAndActivatesAudited() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const User physicist = db.addUser("phys", "Physicist", Role::Physicist);
        QVERIFY(!db.activeModel());

        const std::string shaA = writePackage(dir, "pkg1", "weights one");
        const std::string shaB = writePackage(dir, "pkg2", "weights two");
        const auto first = db.registerModel(physicist, packagePath(dir, "pkg1"), kWeights, "1.0",
                                            shaA, R"({"validation_dice":0.81})");
        const auto second =
            db.registerModel(physicist, packagePath(dir, "pkg2"), kWeights, "1.1", shaB, "");
        QVERIFY(first != second);
        const auto models = db.listModels();
        QCOMPARE(models.size(), std::size_t{2});
        QCOMPARE(models.front().version, std::string("1.1")); // newest first
        QCOMPARE(models.back().metricsJson, std::string(R"({"validation_dice":0.81})"));
        QCOMPARE(models.front().metricsJson, std::string("{}"));
        QCOMPARE(models.back().packagePath, packagePath(dir, "pkg1"));
        QCOMPARE(models.back().weightsPath, packagePath(dir, "pkg1") + "/" + kWeights);
        QCOMPARE(models.back().weightsSha256, shaA);
        QVERIFY(!models.back().registeredAt.empty());
        QVERIFY(!models.front().active && !models.back().active);
        QCOMPARE(auditCount(db, "model.register"), std::int64_t{2});

        db.activateModel(physicist, first);
        QCOMPARE(db.activeModel()->version, std::string("1.0"));
        db.activateModel(physicist, second);
        QCOMPARE(db.activeModel()->version, std::string("1.1"));
        int active = 0;
        for (const auto& model : db.listModels()) {
            active += model.active ? 1 : 0;
        }
        QCOMPARE(active, 1);
        const auto activations = db.auditLog({}, {}, "model.activate");
        QCOMPARE(activations.size(), std::size_t{2});
        QCOMPARE(activations.front().username, std::string("phys"));
        QCOMPARE(activations.front().entityId, std::string("1.1"));
        QVERIFY(db.check().ok());

        // Weights changed after registration are a problem the check names.
        std::ofstream(packagePath(dir, "pkg2") + "/" + kWeights, std::ios::binary) << "tampered";
        const auto report = db.check();
        QCOMPARE(report.problems.size(), std::size_t{1});
        QVERIFY(report.problems.front().find(packagePath(dir, "pkg2")) != std::string::npos);
    }

    void annotatorAndOncologistAreRefusedAndAudited() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const User physicist = db.addUser("phys", "Physicist", Role::Physicist);
        const User annotator = db.addUser("ann", "Annotator", Role::Annotator);
        const User oncologist = db.addUser("onc", "Oncologist", Role::Oncologist);
        const std::string sha = writePackage(dir, "pkg", "weights");
        const auto id =
            db.registerModel(physicist, packagePath(dir, "pkg"), kWeights, "1.0", sha, "{}");

        QVERIFY_THROWS_EXCEPTION(
            PermissionDenied,
            db.registerModel(annotator, packagePath(dir, "pkg"), kWeights, "2.0", sha, "{}"));
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, db.activateModel(annotator, id));
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, db.activateModel(oncologist, id));
        QCOMPARE(db.listModels().size(), std::size_t{1});
        QVERIFY(!db.activeModel());
        const auto refusals = db.auditLog({}, {}, "permission.denied");
        QCOMPARE(refusals.size(), std::size_t{3});
        QCOMPARE(refusals.back().username, std::string("ann"));
        QCOMPARE(refusals.back().details, std::string("register a model"));
        QCOMPARE(refusals.front().username, std::string("onc"));
        QCOMPARE(refusals.front().details, std::string("activate a model"));
        QVERIFY(db.check().ok());
    }

    void sameVersionSameWeightsIsIdempotentOtherWeightsRefused() {
        QTemporaryDir dir;
        PatientDatabase db(dir.filePath("metis.db").toStdString());
        const User admin = db.addUser("admin", "Admin", Role::Admin);
        const std::string shaA = writePackage(dir, "a", "weights a");
        const std::string shaB = writePackage(dir, "b", "weights b");
        const auto a = packagePath(dir, "a");
        const auto b = packagePath(dir, "b");
        const auto id = db.registerModel(admin, a, kWeights, "1.0", shaA, "{}");
        QCOMPARE(db.registerModel(admin, a, kWeights, "1.0", shaA, "{}"), id);
        QCOMPARE(auditCount(db, "model.register"), std::int64_t{1});
        try {
            db.registerModel(admin, b, kWeights, "1.0", shaB, "{}");
            QFAIL("other weights under a registered version were accepted");
        } catch (const DatabaseError& error) {
            QVERIFY(std::string(error.what()).find("1.0") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 db.registerModel(admin, b, kWeights, " ", shaB, "{}"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 db.registerModel(admin, b, kWeights, "2.0", "abc", "{}"));
        QCOMPARE(db.listModels().size(), std::size_t{1});
        QVERIFY_THROWS_EXCEPTION(DatabaseError, db.activateModel(admin, id + 100));
    }
};

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "test_model_registry.moc"
