#include "metis/models/ModelPackage.h"

#include "ModelPackageIO.h"
#include "metis/core/Json.h"
#include "metis/core/Sha256.h"
#include "metis/core/Version.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace metis::models {
namespace {

namespace fs = std::filesystem;

std::string nowUtcIso() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

} // namespace

void updateModelPackagePostProcessing(const fs::path& packageDir,
                                      const GtvPostProcessing& postProcessing) {
    postProcessing.validate();
    ModelPackageMetadata metadata = verifyModelPackage(packageDir);
    metadata.postProcessing = postProcessing;
    writeFileAtomically(packageDir / kModelPackageMetadataFile, modelPackageMetadataJson(metadata));
}

LoadedPackage loadModelPackage(const fs::path& packageDir) {
    LoadedPackage loaded;
    loaded.metadata = readModelPackage(packageDir);
    loaded.network = MtsaNet(loaded.metadata.architecture);
    loadWeights(*loaded.network, packageDir / kModelPackageWeightsFile);
    loaded.network->eval();
    return loaded;
}

ModelPackageMetadata verifyModelPackage(const fs::path& packageDir) {
    return loadModelPackage(packageDir).metadata;
}

void writeFileAtomically(const fs::path& path, const std::string& bytes) {
    const fs::path temporary = path.string() + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            throw std::runtime_error(temporary.string() + ": cannot write the file");
        }
    }
    fs::rename(temporary, path);
}

void writeModelPackage(const fs::path& packageDir, const MtsaNetImpl& net,
                       ModelPackageMetadata& metadata) {
    metadata.architecture = net.config();
    if (metadata.preprocessing.inputSize != metadata.architecture.inputSize) {
        throw std::invalid_argument("model package: preprocessing.inputSize " +
                                    std::to_string(metadata.preprocessing.inputSize) +
                                    " differs from the network's input size " +
                                    std::to_string(metadata.architecture.inputSize));
    }
    fs::create_directories(packageDir);
    const fs::path weightsPath = packageDir / kModelPackageWeightsFile;
    const fs::path metadataPath = packageDir / kModelPackageMetadataFile;
    // A stale metadata.json must never describe the new weights while they are being written.
    fs::remove(metadataPath);
    const fs::path partialWeights = weightsPath.string() + ".partial";
    saveWeights(net, partialWeights);
    fs::rename(partialWeights, weightsPath);

    metadata.weightsSha256 = sha256OfFile(weightsPath.string());
    metadata.weightsBytes = fs::file_size(weightsPath);
    if (metadata.createdUtc.empty()) {
        metadata.createdUtc = nowUtcIso();
    }
    metadata.metisVersion = metisVersion();
    writeFileAtomically(metadataPath, modelPackageMetadataJson(metadata));
}

void writeRandomModelPackage(const fs::path& packageDir, ModelPackageMetadata& metadata,
                             std::uint64_t seed) {
    torch::manual_seed(seed);
    MtsaNet net(metadata.architecture);
    if (metadata.description.empty()) {
        metadata.description = "random weights (seed " + std::to_string(seed) +
                               "): for tests only, predicts nothing meaningful";
    }
    writeModelPackage(packageDir, *net, metadata);
}

} // namespace metis::models
