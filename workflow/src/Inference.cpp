#include "metis/workflow/Inference.h"

#include <algorithm>
#include <cctype>

namespace metis::workflow {
namespace {

bool mentionsPhantom(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text.find("phantom") != std::string::npos;
}

// An unregistered package goes by its folder's name, trailing separators and dots aside.
std::string folderName(const std::filesystem::path& dir) {
    std::filesystem::path path = dir.lexically_normal();
    if (!path.has_filename()) {
        path = path.parent_path();
    }
    return path.filename().string();
}

db::InferenceRun toStoredRun(const models::InferenceResult& result, std::int64_t seriesId,
                             const InferenceModel& model) {
    db::InferenceRun run;
    run.seriesId = seriesId;
    run.modelId = model.modelId;
    run.modelVersion = model.version;
    run.device = result.device;
    run.precision = result.precision;
    run.sliceMutantProbability = result.sliceMutantProbability;
    run.sliceGtvAreaMm2 = result.sliceGtvAreaMm2;
    if (result.patientCall) {
        run.slicesUsed = result.patientCall->slicesUsed;
        run.patientProbability = result.patientCall->meanProbability;
        run.patientCall = result.patientCall->mutant ? "mutant" : "wild_type";
    }
    run.gtvThreshold = result.postProcessing.threshold;
    run.minLesionVolumeMm3 = result.postProcessing.minLesionVolumeMm3;
    for (const auto& lesion : result.lesions) {
        run.lesions.push_back({lesion.number, lesion.volumeMl, lesion.centreMm,
                               lesion.maxDiameterMm, lesion.meanProbability,
                               lesion.axialDiameterMm});
    }
    return run;
}

} // namespace

ModelCaveat modelCaveat(const models::ModelPackageMetadata& metadata) {
    if (metadata.cohortManifestSha256.empty()) {
        return ModelCaveat::Untrained;
    }
    if (mentionsPhantom(metadata.description)) {
        return ModelCaveat::PhantomTrained;
    }
    return ModelCaveat::ResearchUse;
}

InferenceModel chooseInferenceModel(db::PatientDatabase& database,
                                    const std::filesystem::path& explicitPackage,
                                    const std::filesystem::path& configuredPackage) {
    if (!explicitPackage.empty()) {
        return {explicitPackage, folderName(explicitPackage), std::nullopt};
    }
    if (const auto active = database.activeModel()) {
        return {active->packagePath, active->version, active->id};
    }
    return {configuredPackage, folderName(configuredPackage), std::nullopt};
}

ModelCaveat storedRunCaveat(const db::InferenceRun& run, const InferenceModel& model) {
    if (!model.packageDir.empty() && model.version == run.modelVersion) {
        try {
            return modelCaveat(models::readModelPackage(model.packageDir));
        } catch (const std::exception&) {
            // An unreadable package says nothing about the stored figures; the general caveat
            // stands.
        }
    }
    return ModelCaveat::ResearchUse;
}

StoredInference runAndStoreInference(db::PatientDatabase& database, const db::User& user,
                                     const InferenceModel& model, std::int64_t seriesId,
                                     const ImageVolume& image, ProgressSink& progress,
                                     const models::InferenceOptions& options) {
    const models::InferenceEngine engine(model.packageDir, options);
    models::InferenceResult result = engine.run(image, progress);
    db::InferenceRun run = toStoredRun(result, seriesId, model);
    const models::GtvPostProcessing& packaged = engine.metadata().postProcessing;
    run.postProcessingChanged =
        result.postProcessing.threshold != packaged.threshold ||
        result.postProcessing.minLesionVolumeMm3 != packaged.minLesionVolumeMm3 ||
        result.postProcessing.headMarginMm != packaged.headMarginMm;
    StoredInference stored;
    stored.run = database.recordInferenceRun(user, result.mask, run);
    // What is shown is what was stored: the lesion-numbered map the database wrote, read back
    // (the same one a reopened study shows), with the engine's lesion rows when they describe it.
    StoredPrediction prediction = readStoredPrediction(stored.run, image.geometry().size);
    stored.gtv = std::move(prediction.gtv);
    stored.lesions = std::move(prediction.lesions);
    stored.caveat = modelCaveat(engine.metadata());
    return stored;
}

} // namespace metis::workflow
