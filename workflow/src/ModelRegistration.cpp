#include "metis/workflow/ModelRegistration.h"

#include "metis/models/ModelPackage.h"
#include "metis/workflow/PackageSignature.h"

#include <algorithm>
#include <stdexcept>

namespace metis::workflow {

db::RegisteredModel registerModelPackage(db::PatientDatabase& database, const db::User& user,
                                         const std::filesystem::path& packageDir,
                                         const std::optional<std::string>& version) {
    const std::filesystem::path package = std::filesystem::absolute(packageDir).lexically_normal();
    const std::string name =
        version.value_or(package.has_filename() ? package.filename().string()
                                                : package.parent_path().filename().string());
    const models::ModelPackageMetadata metadata = models::verifyModelPackage(package);
    // A signature that does not hold is never accepted; once the site trusts a key, a package
    // no trusted key signed is not accepted either.
    const std::vector<db::SigningKey> trusted = database.signingKeys();
    const SignatureCheck signature = checkPackageSignature(package, trusted);
    if (signature.status == SignatureStatus::Invalid ||
        (!trusted.empty() && signature.status != SignatureStatus::Valid)) {
        throw std::runtime_error(signature.problem + (trusted.empty()
                                                          ? ""
                                                          : "; this site registers only packages "
                                                            "signed by a trusted key"));
    }
    const std::string signedBy = signature.status == SignatureStatus::Valid
                                     ? signature.keyName + " " + signature.fingerprint.substr(0, 16)
                                     : std::string();
    const std::int64_t id = database.registerModel(
        user, package.string(), models::kModelPackageWeightsFile, name, metadata.weightsSha256,
        models::modelMetricsJson(metadata), signedBy);
    return registeredModel(database, id);
}

db::RegisteredModel registeredModel(db::PatientDatabase& database, std::int64_t modelId) {
    const auto models = database.listModels();
    const auto model = std::find_if(models.begin(), models.end(),
                                    [modelId](const auto& m) { return m.id == modelId; });
    if (model == models.end()) {
        throw std::runtime_error("no registered model with id " + std::to_string(modelId));
    }
    return *model;
}

void activateRegisteredModel(db::PatientDatabase& database, const db::User& user,
                             std::int64_t modelId, const ModelActivation& activation) {
    database.require(user, db::Permission::ActivateModel, "activate a model");
    if (activation.reason.find_first_not_of(" \t\n") == std::string::npos) {
        throw std::invalid_argument("activating a model needs a reason (it is audited)");
    }
    const db::RegisteredModel model = registeredModel(database, modelId);
    // The model that runs on patients must be the one that was registered.
    const models::ModelPackageMetadata metadata = models::readModelPackage(model.packagePath);
    if (metadata.weightsSha256 != model.weightsSha256) {
        throw std::runtime_error(model.weightsPath +
                                 ": the weights differ from the registered ones");
    }
    if (metadata.cohortManifestSha256.empty() && !activation.allowUntrained) {
        throw UntrainedModelPackage("model " + model.version + " (" + model.packagePath +
                                    ") names no training cohort: its weights are untrained (" +
                                    metadata.description +
                                    "). It is not activated for patients unless forced");
    }
    database.activateModel(
        user, modelId,
        activation.reason + (metadata.cohortManifestSha256.empty() ? " (untrained, forced)" : ""));
}

} // namespace metis::workflow
