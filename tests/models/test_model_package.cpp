// Model packages: round trip of the metadata and weights, and a clear refusal (naming the file)
// of every kind of broken package.
#include "TempDir.h"
#include "TinyModel.h"
#include "metis/models/ModelPackage.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace metis::models;
namespace fs = std::filesystem;

namespace {

ModelPackageMetadata tinyMetadata() {
    ModelPackageMetadata m = test_tools::tinyModelMetadata();
    m.architecture.attentionGate = AttentionGate::Sigmoid;
    m.architecture.contextSlices = 2;      // not the default: the round trip must keep it
    m.preprocessing.fieldOfViewMm = 200.0; // not the default: the round trip must keep it
    m.preprocessing.antiAliasing = true;   // likewise
    m.sliceOversampling = 2;               // likewise
    m.cohortManifestSha256 = std::string(64, 'a');
    m.description = "tiny \"test\" package";
    m.metrics = {{"validation_dice", 0.5}, {"validation_auc", 0.75}};
    return m;
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

void replaceOnce(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = readText(path);
    const auto at = text.find(from);
    ASSERT_TRUE(at != std::string::npos) << from;
    text.replace(at, from.size(), to);
    writeText(path, text);
}

/// Runs `load` and checks it throws std::runtime_error whose message contains every fragment.
void expectRefusal(const std::function<void()>& load, const std::vector<std::string>& fragments) {
    try {
        load();
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        for (const auto& fragment : fragments) {
            ASSERT_TRUE(message.find(fragment) != std::string::npos)
                << "'" << fragment << "' not in: " << message;
        }
        return;
    }
    FAIL() << "the broken package was accepted";
}

} // namespace

class ModelsModelPackage : public ::testing::Test {
protected:
    // A fresh folder per test: every test starts from its own untouched package.
    test_tools::TempDir dir_;
    fs::path package_;

    void SetUp() override {
        package_ = dir_.path() / "pkg";
        ModelPackageMetadata m = tinyMetadata();
        writeRandomModelPackage(package_, m, 7);
    }
};

TEST_F(ModelsModelPackage, roundTripKeepsEveryField) {
    const ModelPackageMetadata expected = tinyMetadata();
    const ModelPackageMetadata read = verifyModelPackage(package_);
    ASSERT_EQ(read.architecture.inputSize, 64);
    ASSERT_EQ(read.architecture.baseWidth, 4);
    ASSERT_EQ(read.architecture.embedDim, 16);
    ASSERT_EQ(read.architecture.attentionHeads, 2);
    ASSERT_EQ(read.architecture.attentionGate, AttentionGate::Sigmoid);
    ASSERT_EQ(read.architecture.contextSlices, 2);
    ASSERT_DOUBLE_EQ(read.preprocessing.fieldOfViewMm, 200.0);
    ASSERT_TRUE(read.preprocessing.antiAliasing);
    ASSERT_EQ(read.sliceOversampling, 2);
    ASSERT_DOUBLE_EQ(read.preprocessing.upperPercentile, expected.preprocessing.upperPercentile);
    ASSERT_DOUBLE_EQ(read.loss.focalWeight, expected.loss.focalWeight);
    ASSERT_EQ(read.cohortManifestSha256, expected.cohortManifestSha256);
    ASSERT_EQ(read.description, expected.description);
    ASSERT_EQ(read.metrics.size(), std::size_t{2});
    ASSERT_EQ(read.metrics[1].first, std::string("validation_dice"));
    ASSERT_DOUBLE_EQ(read.metrics[1].second, 0.5);
    ASSERT_EQ(read.weightsSha256.size(), std::size_t{64});
    ASSERT_EQ(read.weightsBytes, fs::file_size(package_ / kModelPackageWeightsFile));
    ASSERT_TRUE(!read.createdUtc.empty());
    ASSERT_TRUE(!read.metisVersion.empty());
}

TEST_F(ModelsModelPackage, sameSeedGivesSameWeights) {
    const fs::path other = package_.string() + "-again";
    ModelPackageMetadata m = tinyMetadata();
    writeRandomModelPackage(other, m, 7);
    ASSERT_EQ(m.weightsSha256, readModelPackage(package_).weightsSha256);
    ModelPackageMetadata different = tinyMetadata();
    writeRandomModelPackage(other, different, 8);
    ASSERT_TRUE(different.weightsSha256 != m.weightsSha256);
}

TEST_F(ModelsModelPackage, refusesMissingFolderAndMetadata) {
    expectRefusal([&] { readModelPackage(package_ / "nowhere"); }, {"nowhere", "not found"});
    fs::remove(package_ / kModelPackageMetadataFile);
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "missing"});
}

TEST_F(ModelsModelPackage, refusesCorruptMetadata) {
    const fs::path metadata = package_ / kModelPackageMetadataFile;
    std::string text = readText(metadata);
    writeText(metadata, text.substr(0, text.size() / 2));
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "invalid JSON"});
}

TEST_F(ModelsModelPackage, refusesForeignFormatAndNewerVersion) {
    const fs::path metadata = package_ / kModelPackageMetadataFile;
    const std::string original = readText(metadata);
    replaceOnce(metadata, "\"formatVersion\":1", "\"formatVersion\":2");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "version 2"});
    writeText(metadata, original);
    replaceOnce(metadata, kModelPackageFormat, "something-else");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "not a Metis"});
}

TEST_F(ModelsModelPackage, refusesTruncatedWeights) {
    const fs::path weights = package_ / kModelPackageWeightsFile;
    fs::resize_file(weights, fs::file_size(weights) - 100);
    expectRefusal([&] { readModelPackage(package_); }, {"weights.tensors", "truncated"});
}

TEST_F(ModelsModelPackage, refusesMissingWeights) {
    fs::remove(package_ / kModelPackageWeightsFile);
    expectRefusal([&] { readModelPackage(package_); }, {"weights.tensors", "missing"});
}

TEST_F(ModelsModelPackage, refusesCorruptWeights) {
    const fs::path weights = package_ / kModelPackageWeightsFile;
    std::string bytes = readText(weights);
    bytes[bytes.size() - 10] = static_cast<char>(bytes[bytes.size() - 10] ^ 0x55);
    writeText(weights, bytes);
    expectRefusal([&] { readModelPackage(package_); }, {"weights.tensors", "SHA-256"});
}

TEST_F(ModelsModelPackage, refusesArchitectureThatDoesNotMatchTheWeights) {
    const fs::path metadata = package_ / kModelPackageMetadataFile;
    // Checksum and size still agree; only building the network reveals the mismatch.
    replaceOnce(metadata, "\"baseWidth\":4", "\"baseWidth\":8");
    readModelPackage(package_);
    expectRefusal([&] { verifyModelPackage(package_); }, {"weights.tensors"});
}

TEST_F(ModelsModelPackage, refusesPreprocessingForAnotherInputSize) {
    const fs::path metadata = package_ / kModelPackageMetadataFile;
    replaceOnce(metadata, "\"preprocessing\":{\"inputSize\":64",
                "\"preprocessing\":{\"inputSize\":128");
    expectRefusal([&] { readModelPackage(package_); },
                  {"metadata.json", "preprocessing.inputSize 128"});
}

TEST_F(ModelsModelPackage, refusesAbsurdPreprocessing) {
    const fs::path metadata = package_ / kModelPackageMetadataFile;
    const std::string original = readText(metadata);
    replaceOnce(metadata, "\"fieldOfViewMm\":200", "\"fieldOfViewMm\":1e308");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "fieldOfViewMm <= 1000"});
    writeText(metadata, original);
    replaceOnce(metadata, "\"sliceSpacingMm\":", "\"sliceSpacingMm\":5000");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "sliceSpacingMm <= 50"});
}

TEST_F(ModelsModelPackage, refusesMissingAndMistypedFields) {
    const fs::path metadata = package_ / kModelPackageMetadataFile;
    const std::string original = readText(metadata);
    replaceOnce(metadata, "\"embedDim\":16,", "");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "embedDim"});
    writeText(metadata, original);
    replaceOnce(metadata, "\"mlpRatio\":2", "\"mlpRatio\":\"two\"");
    expectRefusal([&] { readModelPackage(package_); },
                  {"metadata.json", "mlpRatio", "expected a number"});
    writeText(metadata, original);
    replaceOnce(metadata, "\"attentionGate\":\"sigmoid\"", "\"attentionGate\":\"tanh\"");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "attentionGate", "tanh"});
    // Packages written before the option existed carry the paper's linear gate.
    writeText(metadata, original);
    replaceOnce(metadata, ",\"attentionGate\":\"sigmoid\"", "");
    ASSERT_EQ(readModelPackage(package_).architecture.attentionGate, AttentionGate::Linear);
    // ... and one slice; more context than the network can take is refused.
    writeText(metadata, original);
    replaceOnce(metadata, ",\"contextSlices\":2", "");
    ASSERT_EQ(readModelPackage(package_).architecture.contextSlices, 0);
    writeText(metadata, original);
    replaceOnce(metadata, "\"contextSlices\":2", "\"contextSlices\":9");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "contextSlices"});
    writeText(metadata, original);
    replaceOnce(metadata, "\"antiAliasing\":true", "\"antiAliasing\":\"yes\"");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "antiAliasing"});
    // ... and point-sampled slices.
    writeText(metadata, original);
    replaceOnce(metadata, ",\"antiAliasing\":true", "");
    ASSERT_FALSE(readModelPackage(package_).preprocessing.antiAliasing);
    // ... and the trained slice spacing; an oversampling under 1 is refused.
    writeText(metadata, original);
    replaceOnce(metadata, ",\"sliceOversampling\":2", "");
    ASSERT_EQ(readModelPackage(package_).sliceOversampling, 1);
    writeText(metadata, original);
    replaceOnce(metadata, "\"sliceOversampling\":2", "\"sliceOversampling\":0");
    expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "sliceOversampling"});
}
