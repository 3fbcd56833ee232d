// Model packages: round trip of the metadata and weights, and a clear refusal (naming the file)
// of every kind of broken package.
#include "metis/models/ModelPackage.h"

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace metis::models;
namespace fs = std::filesystem;

namespace {

ModelPackageMetadata tinyMetadata() {
    ModelPackageMetadata m;
    m.architecture.inputSize = 64;
    m.architecture.baseWidth = 4;
    m.architecture.embedDim = 16;
    m.architecture.attentionHeads = 2;
    m.architecture.mlpRatio = 2;
    m.architecture.dropout = 0.0;
    m.preprocessing.inputSize = 64;
    m.preprocessing.fieldOfViewMm = 200.0;
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
    QVERIFY2(at != std::string::npos, from.c_str());
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
            QVERIFY2(message.find(fragment) != std::string::npos,
                     ("'" + fragment + "' not in: " + message).c_str());
        }
        return;
    }
    QFAIL("the broken package was accepted");
}

} // namespace

class TestModelPackage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    fs::path package_;

private Q_SLOTS:
    void init() {
        package_ = fs::path(dir_.path().toStdString()) / ("pkg" + std::to_string(std::rand()));
        ModelPackageMetadata m = tinyMetadata();
        writeRandomModelPackage(package_, m, 7);
    }

    void roundTripKeepsEveryField() {
        const ModelPackageMetadata expected = tinyMetadata();
        const ModelPackageMetadata read = verifyModelPackage(package_);
        QCOMPARE(read.architecture.inputSize, 64);
        QCOMPARE(read.architecture.baseWidth, 4);
        QCOMPARE(read.architecture.embedDim, 16);
        QCOMPARE(read.architecture.attentionHeads, 2);
        QCOMPARE(read.preprocessing.fieldOfViewMm, 200.0);
        QCOMPARE(read.preprocessing.upperPercentile, expected.preprocessing.upperPercentile);
        QCOMPARE(read.loss.focalWeight, expected.loss.focalWeight);
        QCOMPARE(read.cohortManifestSha256, expected.cohortManifestSha256);
        QCOMPARE(read.description, expected.description);
        QCOMPARE(read.metrics.size(), std::size_t{2});
        QCOMPARE(read.metrics[1].first, std::string("validation_dice"));
        QCOMPARE(read.metrics[1].second, 0.5);
        QCOMPARE(read.weightsSha256.size(), std::size_t{64});
        QCOMPARE(read.weightsBytes, fs::file_size(package_ / kModelPackageWeightsFile));
        QVERIFY(!read.createdUtc.empty());
        QVERIFY(!read.metisVersion.empty());
    }

    void sameSeedGivesSameWeights() {
        const fs::path other = package_.string() + "-again";
        ModelPackageMetadata m = tinyMetadata();
        writeRandomModelPackage(other, m, 7);
        QCOMPARE(m.weightsSha256, readModelPackage(package_).weightsSha256);
        ModelPackageMetadata different = tinyMetadata();
        writeRandomModelPackage(other, different, 8);
        QVERIFY(different.weightsSha256 != m.weightsSha256);
    }

    void refusesMissingFolderAndMetadata() {
        expectRefusal([&] { readModelPackage(package_ / "nowhere"); }, {"nowhere", "not found"});
        fs::remove(package_ / kModelPackageMetadataFile);
        expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "missing"});
    }

    void refusesCorruptMetadata() {
        const fs::path metadata = package_ / kModelPackageMetadataFile;
        std::string text = readText(metadata);
        writeText(metadata, text.substr(0, text.size() / 2));
        expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "invalid JSON"});
    }

    void refusesForeignFormatAndNewerVersion() {
        const fs::path metadata = package_ / kModelPackageMetadataFile;
        const std::string original = readText(metadata);
        replaceOnce(metadata, "\"formatVersion\":1", "\"formatVersion\":2");
        expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "version 2"});
        writeText(metadata, original);
        replaceOnce(metadata, kModelPackageFormat, "something-else");
        expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "not a Metis"});
    }

    void refusesTruncatedWeights() {
        const fs::path weights = package_ / kModelPackageWeightsFile;
        fs::resize_file(weights, fs::file_size(weights) - 100);
        expectRefusal([&] { readModelPackage(package_); }, {"weights.tensors", "truncated"});
    }

    void refusesMissingWeights() {
        fs::remove(package_ / kModelPackageWeightsFile);
        expectRefusal([&] { readModelPackage(package_); }, {"weights.tensors", "missing"});
    }

    void refusesCorruptWeights() {
        const fs::path weights = package_ / kModelPackageWeightsFile;
        std::string bytes = readText(weights);
        bytes[bytes.size() - 10] = static_cast<char>(bytes[bytes.size() - 10] ^ 0x55);
        writeText(weights, bytes);
        expectRefusal([&] { readModelPackage(package_); }, {"weights.tensors", "SHA-256"});
    }

    void refusesArchitectureThatDoesNotMatchTheWeights() {
        const fs::path metadata = package_ / kModelPackageMetadataFile;
        // Checksum and size still agree; only building the network reveals the mismatch.
        replaceOnce(metadata, "\"baseWidth\":4", "\"baseWidth\":8");
        readModelPackage(package_);
        expectRefusal([&] { verifyModelPackage(package_); }, {"weights.tensors"});
    }

    void refusesPreprocessingForAnotherInputSize() {
        const fs::path metadata = package_ / kModelPackageMetadataFile;
        replaceOnce(metadata, "\"preprocessing\":{\"inputSize\":64",
                    "\"preprocessing\":{\"inputSize\":128");
        expectRefusal([&] { readModelPackage(package_); },
                      {"metadata.json", "preprocessing.inputSize 128"});
    }

    void refusesMissingAndMistypedFields() {
        const fs::path metadata = package_ / kModelPackageMetadataFile;
        const std::string original = readText(metadata);
        replaceOnce(metadata, "\"embedDim\":16,", "");
        expectRefusal([&] { readModelPackage(package_); }, {"metadata.json", "embedDim"});
        writeText(metadata, original);
        replaceOnce(metadata, "\"mlpRatio\":2", "\"mlpRatio\":\"two\"");
        expectRefusal([&] { readModelPackage(package_); },
                      {"metadata.json", "mlpRatio", "expected a number"});
    }
};

QTEST_GUILESS_MAIN(TestModelPackage)
#include "test_model_package.moc"
