// Model registration as the Models dialog and `metis-cli model register` both do it: a package
// whose weights do not fit the network its metadata describes is refused, naming the file.
#include "TempDir.h"
#include "metis/models/ModelPackage.h"
#include "metis/workflow/ModelRegistration.h"

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
