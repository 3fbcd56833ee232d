// Model registration as the Models dialog and `metis-cli model register` both do it: a package
// whose weights do not fit the network its metadata describes is refused, naming the file.
#include "TempDir.h"
#include "metis/models/ModelPackage.h"
#include "metis/workflow/ModelRegistration.h"
#include "metis/workflow/PackageSignature.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace metis;
namespace fs = std::filesystem;

namespace {

models::ModelPackageMetadata writePackage(const fs::path& dir, int baseWidth) {
    models::ModelPackageMetadata metadata;
    metadata.architecture.inputSize = 64;
    metadata.architecture.baseWidth = baseWidth;
    metadata.architecture.embedDim = 16;
    metadata.preprocessing.inputSize = 64;
    models::writeRandomModelPackage(dir, metadata, 1);
    return metadata;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

} // namespace

TEST(WorkflowModelRegistration, wrongShapedWeightsAreRefusedNamed) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto physicist = database.addUser("phys", "Physicist", db::Role::Physicist);

    // Weights of a width-4 network under metadata that describes width 8, with the
    // checksum and size of the weights actually there: every check but loading passes.
    const fs::path narrow = dir.filePath("narrow");
    const fs::path wrong = dir.filePath("wrong");
    const auto narrowMetadata = writePackage(narrow, 4);
    const auto wideMetadata = writePackage(wrong, 8);
    fs::copy_file(narrow / models::kModelPackageWeightsFile,
                  wrong / models::kModelPackageWeightsFile, fs::copy_options::overwrite_existing);
    std::string json = readText(wrong / "metadata.json");
    replaceAll(json, wideMetadata.weightsSha256, narrowMetadata.weightsSha256);
    replaceAll(json, "\"bytes\":" + std::to_string(wideMetadata.weightsBytes),
               "\"bytes\":" + std::to_string(narrowMetadata.weightsBytes));
    std::ofstream(wrong / "metadata.json", std::ios::trunc) << json;
    ASSERT_TRUE(models::readModelPackage(wrong).architecture.baseWidth == 8);

    try {
        workflow::registerModelPackage(database, physicist, wrong);
        FAIL() << "a package with wrong-shaped weights was registered";
    } catch (const std::exception& e) {
        ASSERT_TRUE(std::string(e.what()).find(
                        (wrong / models::kModelPackageWeightsFile).string()) != std::string::npos)
            << e.what();
    }
    ASSERT_TRUE(database.listModels().empty());

    const auto registered = workflow::registerModelPackage(database, physicist, narrow);
    const auto id = registered.id;
    ASSERT_EQ(registered.version, std::string("narrow"));
    ASSERT_EQ(database.listModels().size(), std::size_t{1});
    ASSERT_EQ(database.listModels().front().version, std::string("narrow"));
    // Random weights name no training cohort: refused unless forced, and a reason is needed.
    try {
        workflow::activateRegisteredModel(database, physicist, id, {"first use"});
        FAIL() << "an untrained package was activated";
    } catch (const std::runtime_error& e) {
        ASSERT_TRUE(std::string(e.what()).find("untrained") != std::string::npos) << e.what();
    }
    ASSERT_TRUE(!database.activeModel());
    ASSERT_THROW(workflow::activateRegisteredModel(database, physicist, id, {" ", true}),
                 std::invalid_argument);
    workflow::activateRegisteredModel(database, physicist, id, {"pipeline test", true});
    ASSERT_EQ(database.activeModel()->id, id);
    const auto audit = database.auditLog("phys", {}, "model.activate");
    ASSERT_EQ(audit.size(), std::size_t{1});
    ASSERT_EQ(audit[0].details, std::string("reason: pipeline test (untrained, forced)"));

    // A package whose weights changed after registration is not activated.
    models::ModelPackageMetadata retrained = narrowMetadata;
    models::writeRandomModelPackage(narrow, retrained, 2); // another seed: other weights
    ASSERT_THROW(workflow::activateRegisteredModel(database, physicist, id, {"retrained", true}),
                 std::runtime_error);
}

// Package signatures: unsigned packages register while the site trusts no key; once it trusts
// one, only packages that key signed do, and a package whose weights were edited together with
// their checksum (the metadata rewritten) no longer carries a signature that holds.
TEST(WorkflowModelRegistration, onceAKeyIsTrustedOnlyPackagesItSignedRegister) {
    test_tools::TempDir dir;
    db::PatientDatabase database(dir.filePath("metis.db"));
    const auto physicist = database.addUser("phys", "Physicist", db::Role::Physicist);
    const auto admin = database.addUser("root", "Admin", db::Role::Admin);
    const auto site = workflow::generateSigningKey();
    const auto stranger = workflow::generateSigningKey();
    ASSERT_EQ(workflow::signingKeyFingerprint(site.publicKeyPem).size(), 64u);
    ASSERT_THROW(workflow::signingKeyFingerprint("not a key"), std::invalid_argument);

    const fs::path before = dir.filePath("before");
    writePackage(before, 4);
    ASSERT_TRUE(workflow::registerModelPackage(database, physicist, before).signedBy.empty());
    ASSERT_THROW(database.trustSigningKey(physicist, "site physicist",
                                          workflow::signingKeyFingerprint(site.publicKeyPem),
                                          site.publicKeyPem),
                 db::PermissionDenied);
    database.trustSigningKey(admin, "site physicist",
                             workflow::signingKeyFingerprint(site.publicKeyPem), site.publicKeyPem);

    const auto refusal = [&](const fs::path& package) {
        try {
            workflow::registerModelPackage(database, physicist, package);
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("registered");
    };
    const fs::path unsigned_ = dir.filePath("unsigned");
    writePackage(unsigned_, 4);
    EXPECT_NE(refusal(unsigned_).find("is not signed"), std::string::npos);

    const fs::path foreign = dir.filePath("foreign");
    writePackage(foreign, 4);
    workflow::signModelPackage(foreign, stranger.privateKeyPem);
    EXPECT_NE(refusal(foreign).find("a key this site does not trust"), std::string::npos);

    const fs::path signedPackage = dir.filePath("signed");
    writePackage(signedPackage, 4);
    workflow::signModelPackage(signedPackage, site.privateKeyPem);
    const auto registered = workflow::registerModelPackage(database, physicist, signedPackage);
    EXPECT_EQ(registered.signedBy.rfind("site physicist ", 0), 0u) << registered.signedBy;

    // New weights with a matching checksum in the metadata, the old signature kept.
    const fs::path edited = dir.filePath("edited");
    writePackage(edited, 4);
    workflow::signModelPackage(edited, site.privateKeyPem);
    const std::string signature = readText(edited / workflow::kPackageSignatureFile);
    models::ModelPackageMetadata metadata = models::readModelPackage(edited);
    models::writeRandomModelPackage(edited, metadata, 99);
    std::ofstream(edited / workflow::kPackageSignatureFile, std::ios::trunc) << signature;
    EXPECT_NO_THROW(models::verifyModelPackage(edited)); // consistent by its own checksum
    EXPECT_NE(refusal(edited).find("does not hold"), std::string::npos);
    EXPECT_EQ(database.listModels().size(), 2u);
}
