#pragma once

#include "metis/database/PatientDatabase.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace metis::workflow {

/// Registers the model package in `packageDir` as `user`, after verifying it completely: the
/// metadata reads, the weights match their SHA-256 and load into the network the metadata
/// describes (a package with wrong-shaped tensors is refused, naming the file). The version
/// defaults to the package folder's name. Throws std::exception with the reason; returns the
/// model as registered.
db::RegisteredModel registerModelPackage(db::PatientDatabase& database, const db::User& user,
                                         const std::filesystem::path& packageDir,
                                         const std::optional<std::string>& version = std::nullopt);

/// The registered model with this id; throws std::runtime_error when there is none.
db::RegisteredModel registeredModel(db::PatientDatabase& database, std::int64_t modelId);

/// Thrown when a package that names no training cohort is to be activated without
/// ModelActivation::allowUntrained: the caller may ask whether this is a pipeline test.
class UntrainedModelPackage : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A clinical decision: which model runs on patients from now on.
struct ModelActivation {
    std::string reason; ///< why (audited); required
    /// A package that names no training cohort (random weights, a test package) is refused
    /// unless this is set.
    bool allowUntrained = false;
};

/// Makes a registered model the active one (needs ActivateModel; a refusal is audited), after
/// checking that its package still holds the weights that were registered (a package changed or
/// removed since is refused) and that it was trained. Throws naming the reason.
void activateRegisteredModel(db::PatientDatabase& database, const db::User& user,
                             std::int64_t modelId, const ModelActivation& activation);

} // namespace metis::workflow
