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

/// How the network's GTV probabilities become the GTV that is shown and stored. Kept in the
/// package beside the weights it was chosen for (on the validation set), and applied by
/// InferenceEngine, so that the CLI and the workstation give the same lesions.
struct GtvPostProcessing {
    double threshold = 0.5; ///< probability at or above which a voxel is GTV, in (0, 1)
    /// Predicted lesions (connected components on the series grid) smaller than this are
    /// dropped; 0 keeps all.
    double minLesionVolumeMm3 = 0.0;
    /// Intracranial restriction: probabilities within this in-plane distance of the air around
    /// the head (scalp, skin, the face) are set to 0; 0 turns it off.
    double headMarginMm = 0.0;

    /// Throws std::invalid_argument naming the field.
    void validate() const;
};

struct ModelPackageMetadata {
    MtsaNetConfig architecture;
    /// How a series becomes model input; preprocessing.inputSize equals architecture.inputSize.
    ModelGridOptions preprocessing;
    LossConfig loss; ///< how the weights were trained (informational)
    /// Absent from packages written before it existed: then the defaults (0.5, nothing dropped).
    GtvPostProcessing postProcessing;
    /// Test-time mirroring: the network also sees every slice mirrored left-right (the one
    /// flip it was trained with) and the two predictions are averaged, at twice the network
    /// time. Absent from packages written before it existed: off.
    bool testTimeMirror = false;
    /// Model slices at 1 / sliceOversampling of the trained slice spacing, each smoothed as the
    /// trained ones (ModelGridOptions::sliceOversampling), at sliceOversampling times the
    /// network time. Absent from packages written before it existed: 1.
    int sliceOversampling = 1;
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

/// Replaces the post-processing of an existing package (after verifying it), rewriting only
/// metadata.json through a temporary file and a rename. Throws std::runtime_error naming the
/// package on a problem; std::invalid_argument for invalid settings.
void updateModelPackagePostProcessing(const std::filesystem::path& packageDir,
                                      const GtvPostProcessing& postProcessing);

/// The metadata document as JSON text (what metadata.json holds).
std::string modelPackageMetadataJson(const ModelPackageMetadata& metadata);

/// The package's named figures as one JSON object ({"validation_dice": 0.81, ...}), what the
/// patient database's model registry stores.
std::string modelMetricsJson(const ModelPackageMetadata& metadata);

} // namespace metis::models
