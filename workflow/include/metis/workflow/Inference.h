#pragma once

#include "metis/core/Progress.h"
#include "metis/database/PatientDatabase.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/ModelPackage.h"
#include "metis/workflow/Comparison.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace metis::workflow {

/// What the reader must know about the model behind the figures; each front end words it.
enum class ModelCaveat {
    Untrained,      ///< names no training cohort: random weights, the figures mean nothing
    PhantomTrained, ///< trained on synthetic phantoms, not validated on patients
    ResearchUse,    ///< research use only, not for clinical decisions
};

/// The caveat of a package, from its metadata.
ModelCaveat modelCaveat(const models::ModelPackageMetadata& metadata);

/// The model package an inference run uses.
struct InferenceModel {
    std::filesystem::path packageDir;    ///< empty: no model is configured
    std::string version;                 ///< the registered version, else the package folder's name
    std::optional<std::int64_t> modelId; ///< the registered model, when it is the active one
};

/// The package to run: `explicitPackage` when not empty, else the database's active model, else
/// `configuredPackage` (the workstation's setting; may be empty).
InferenceModel chooseInferenceModel(db::PatientDatabase& database,
                                    const std::filesystem::path& explicitPackage,
                                    const std::filesystem::path& configuredPackage);

/// The caveat of a stored run: the package's own when `model` is the package that produced it
/// (same version, still readable), else the general ResearchUse (the database keeps only the
/// version).
ModelCaveat storedRunCaveat(const db::InferenceRun& run, const InferenceModel& model);

/// A finished and stored inference run.
struct StoredInference {
    db::InferenceRun run;                ///< as stored: ids, time and label map path filled
    std::shared_ptr<const LabelMap> gtv; ///< the stored (lesion-numbered) map, read back
    GtvLesions lesions; ///< of gtv: the run's lesions, found once by the engine, when they fit
    ModelCaveat caveat = ModelCaveat::ResearchUse;
};

/// Runs MTSA-Net from `model` on `image` (series `seriesId`, as loaded from storage) and stores
/// the result as `user` on `database`, the caller's own connection (a worker thread opens one).
/// Progress and cancellation go through `progress`; a cancelled run throws OperationCancelled.
/// Throws naming the problem (package, weights, permission); nothing is stored then.
StoredInference runAndStoreInference(db::PatientDatabase& database, const db::User& user,
                                     const InferenceModel& model, std::int64_t seriesId,
                                     const ImageVolume& image, ProgressSink& progress,
                                     const models::InferenceOptions& options = {});

} // namespace metis::workflow
