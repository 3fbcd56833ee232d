#pragma once
// Torch side of model packages: write a trained network, load a verified one. Internal to
// metis_models.

#include "MtsaNet.h"
#include "metis/models/ModelPackage.h"

#include <filesystem>
#include <string>

namespace metis::models {

/// Writes `net`'s weights and `metadata` (architecture taken from the network) into
/// `packageDir`, creating it. The weights go in first and metadata.json last, each through a
/// temporary name and a rename, so an interrupted write never leaves a package that verifies.
/// Fills checksum, size, date and version in `metadata`.
void writeModelPackage(const std::filesystem::path& packageDir, const MtsaNetImpl& net,
                       ModelPackageMetadata& metadata);

struct LoadedPackage {
    ModelPackageMetadata metadata;
    MtsaNet network{nullptr}; ///< on the CPU, in eval mode
};

/// Writes `bytes` to `path` through a temporary file and a rename, so an interrupted write never
/// leaves a half-written file under the final name.
void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes);

/// readModelPackage + network construction + weight loading (every check verifyModelPackage
/// makes).
LoadedPackage loadModelPackage(const std::filesystem::path& packageDir);

} // namespace metis::models
