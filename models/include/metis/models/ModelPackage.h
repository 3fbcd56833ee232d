#pragma once
// A trained MTSA-Net as one self-describing folder:
//   <package>/metadata.json   architecture, preprocessing (model grid), training provenance,
//                             metrics, creation date, Metis version, weights file + SHA-256
//   <package>/weights.tensors tensor archive of every parameter and buffer (TensorArchive.h)
// Torch-free so that the UI and the CLI can list and verify packages without LibTorch headers.

#include "metis/core/ModelGrid.h"
#include "metis/models/LossConfig.h"
#include "metis/models/MtsaNetConfig.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace metis::models {

/// Identifies the folder as a Metis MTSA-Net package and the layout version it follows.
inline constexpr const char* kModelPackageFormat = "metis-mtsa-net-package";
inline constexpr int kModelPackageFormatVersion = 1;
inline constexpr const char* kModelPackageMetadataFile = "metadata.json";
inline constexpr const char* kModelPackageWeightsFile = "weights.tensors";

struct ModelPackageMetadata {
    MtsaNetConfig architecture;
    /// How a series becomes model input; preprocessing.inputSize equals architecture.inputSize.
    ModelGridOptions preprocessing;
    LossConfig loss; ///< how the weights were trained (informational)
    /// SHA-256 of the training cohort's manifest (or of the case list when there is none);
    /// empty for an untrained package.
    std::string cohortManifestSha256;
    std::string description;
    /// Named figures, e.g. {"validation_dice", 0.81}; written in the order given.
    std::vector<std::pair<std::string, double>> metrics;
    std::string createdUtc;    ///< ISO 8601, filled by writeModelPackage when empty
    std::string metisVersion;  ///< filled by writeModelPackage
    std::string weightsSha256; ///< filled by writeModelPackage, checked by readModelPackage
    std::uint64_t weightsBytes = 0;
};

/// Reads `packageDir`/metadata.json and checks everything that does not need the network:
/// format name and version, architecture and preprocessing validity and agreement, the weights
/// file's presence, size and SHA-256. Throws std::runtime_error naming the file and the problem
/// (corrupt, truncated, mismatched or missing).
ModelPackageMetadata readModelPackage(const std::filesystem::path& packageDir);

/// readModelPackage, then builds the network the metadata describes and loads the weights into
/// it, so tensors missing, unknown or of the wrong shape for that architecture are refused too.
ModelPackageMetadata verifyModelPackage(const std::filesystem::path& packageDir);

/// Writes a package whose weights are a freshly initialised network (seeded, so the same seed
/// gives the same bytes). For tests, benchmarks and smoke runs of the inference pipeline; it
/// predicts nothing meaningful. Fills the checksum, size, date and version in `metadata`.
void writeRandomModelPackage(const std::filesystem::path& packageDir,
                             ModelPackageMetadata& metadata, std::uint64_t seed);

/// The metadata document as JSON text (what metadata.json holds).
std::string modelPackageMetadataJson(const ModelPackageMetadata& metadata);

/// The package's named figures as one JSON object ({"validation_dice": 0.81, ...}), what the
/// patient database's model registry stores.
std::string modelMetricsJson(const ModelPackageMetadata& metadata);

} // namespace metis::models
