// MTSA-Net commands. `model info` and `model create-random` need only core + models and exist
// in every build; `infer` reads DICOM/NIfTI and exists only in the full build.
#include "CommandLine.h"
#include "InferenceArguments.h"
#include "metis/core/Json.h"
#include "metis/core/Progress.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/ModelPackage.h"

#ifdef METIS_CLI_FULL
#include "SignedInUser.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/ImageLoading.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/AiResultCheck.h"
#include "metis/workflow/Inference.h"
#include "metis/workflow/ModelRegistration.h"
#include "metis/workflow/PatientStudy.h"

#include <cstdio>
#endif

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace metis::cli {
namespace {

namespace fs = std::filesystem;
using namespace metis::models;

void writeMetadataText(const ModelPackageMetadata& m, const fs::path& package) {
    std::cout << "package " << package.string() << " (verified)\n"
              << describe(m.architecture, summarise(m.architecture)) << "\n"
              << "model grid: " << m.preprocessing.inputSize << " px over "
              << m.preprocessing.fieldOfViewMm << " mm, "
              << (m.preprocessing.antiAliasing ? "series smoothed to it (anti-aliasing)"
                                               : "series point-sampled")
              << ", intensity percentiles " << m.preprocessing.lowerPercentile << "-"
              << m.preprocessing.upperPercentile << "\n"
              << "loss weighting: " << toString(m.loss.weighting) << "\n"
              << "created " << m.createdUtc << " by Metis " << m.metisVersion << "\n"
              << "weights: " << m.weightsBytes << " bytes, SHA-256 " << m.weightsSha256 << "\n"
              << "training cohort manifest SHA-256: "
              << (m.cohortManifestSha256.empty() ? "(none)" : m.cohortManifestSha256) << "\n"
              << "post-processing: threshold " << m.postProcessing.threshold << ", smallest lesion "
              << m.postProcessing.minLesionVolumeMm3 << " mm3, head margin "
              << m.postProcessing.headMarginMm << " mm"
              << (m.testTimeMirror ? "; test-time mirroring" : "")
              << (m.sliceOversampling > 1 ? "; " + std::to_string(m.sliceOversampling) +
                                                " model slices per trained slice"
                                          : std::string())
              << "\n";
    if (!m.description.empty()) {
        std::cout << "description: " << m.description << "\n";
    }
    for (const auto& [name, value] : m.metrics) {
        std::cout << "  " << name << " = " << value << "\n";
    }
}

struct ModelInfoOptions {
    std::string package;
    bool json = false;
};

int modelInfo(const ModelInfoOptions& options) {
    const fs::path package = options.package;
    const ModelPackageMetadata m = verifyModelPackage(package);
    if (options.json) {
        std::cout << modelPackageMetadataJson(m);
    } else {
        writeMetadataText(m, package);
    }
    return 0;
}

struct CreateRandomOptions {
    std::string out;
    MtsaNetConfig architecture;
    std::uint64_t seed = 1;
};

int modelCreateRandom(const CreateRandomOptions& options) {
    ModelPackageMetadata m;
    m.architecture = options.architecture;
    m.preprocessing.inputSize = m.architecture.inputSize;
    try {
        m.architecture.validate();
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    writeRandomModelPackage(options.out, m, options.seed);
    std::cout << "wrote " << options.out << " (random weights, seed " << options.seed
              << "; for tests and smoke runs only)\n";
    return 0;
}

#ifdef METIS_CLI_FULL

void writeVec3(JsonWriter& json, const char* name, const Vec3& v) {
    json.key(name).beginArray().value(v[0]).value(v[1]).value(v[2]).endArray();
}

std::string resultJson(const InferenceResult& r, const fs::path& package,
                       const ModelPackageMetadata& m) {
    JsonWriter json;
    json.beginObject();
    json.key("model").beginObject();
    json.field("package", package.string());
    json.field("weightsSha256", m.weightsSha256);
    json.field("description", m.description);
    json.endObject();
    json.field("device", r.device);
    json.field("precision", r.precision);
    json.field("batchSize", r.batchSize);
    json.field("seconds", r.seconds);
    json.key("modelGrid").beginObject();
    json.key("size").beginArray();
    for (auto n : r.modelGeometry.size) {
        json.value(static_cast<std::uint64_t>(n));
    }
    json.endArray();
    writeVec3(json, "spacingMm", r.modelGeometry.spacing);
    writeVec3(json, "originLpsMm", r.modelGeometry.origin);
    json.endObject();
    // One entry per model slice, inferior to superior; z is the slice's S coordinate.
    json.key("slices").beginArray();
    const std::size_t slices = r.modelGeometry.size[2];
    for (std::size_t k = 0; k < slices; ++k) {
        json.beginObject();
        json.field("index", static_cast<std::uint64_t>(k));
        json.field("zMm", r.modelGeometry.indexToPatient({0, 0, static_cast<double>(k)})[2]);
        if (!r.sliceGtvAreaMm2.empty()) {
            json.field("gtvAreaMm2", r.sliceGtvAreaMm2[k]);
        }
        if (!r.sliceMutantProbability.empty()) {
            json.field("egfrMutantProbability", r.sliceMutantProbability[k]);
        }
        json.endObject();
    }
    json.endArray();
    if (r.patientCall) {
        json.key("patient").beginObject();
        json.field("egfr", r.patientCall->mutant ? "mutant" : "wild-type");
        json.field("meanMutantProbability", r.patientCall->meanProbability);
        json.field("usedAllSlicesFallback", r.patientCall->usedAllSlicesFallback);
        json.key("slicesUsed").beginArray();
        for (auto k : r.patientCall->slicesUsed) {
            json.value(static_cast<std::uint64_t>(k));
        }
        json.endArray();
        json.endObject();
    }
    json.key("lesions").beginArray();
    for (const auto& lesion : r.lesions) {
        json.beginObject();
        json.field("number", lesion.number);
        json.field("voxels", static_cast<std::uint64_t>(lesion.voxelCount));
        json.field("volumeMl", lesion.volumeMl);
        writeVec3(json, "centreLpsMm", lesion.centreMm);
        json.field("maxDiameterMm", lesion.maxDiameterMm);
        json.field("meanProbability", lesion.meanProbability);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.str() + "\n";
}

// A reader's threshold and smallest lesion instead of the package's, as the workstation's
// inference panel offers them.
struct PostProcessingChoice {
    std::optional<double> threshold;
    std::optional<double> minLesionVolumeMm3;

    void applyTo(InferenceOptions& options, const fs::path& package) const {
        if (!threshold && !minLesionVolumeMm3) {
            return;
        }
        GtvPostProcessing chosen = readModelPackage(package).postProcessing;
        chosen.threshold = threshold.value_or(chosen.threshold);
        chosen.minLesionVolumeMm3 = minLesionVolumeMm3.value_or(chosen.minLesionVolumeMm3);
        options.postProcessing = chosen;
    }
};

void addPostProcessingOptions(CLI::App& command, PostProcessingChoice& choice) {
    command
        .add_option("--threshold", choice.threshold,
                    "GTV probability threshold instead of the package's, in (0, 1)")
        ->check(CLI::Range(0.0, 1.0).description(""))
        ->type_name("P");
    command
        .add_option("--min-lesion-mm3", choice.minLesionVolumeMm3,
                    "smallest lesion kept instead of the package's, in mm3")
        ->check(CLI::NonNegativeNumber.description(""))
        ->type_name("MM3");
}

std::string describeDoubt(const workflow::AiDoubt& doubt) {
    char text[200];
    switch (doubt.kind) {
    case workflow::AiDoubtKind::ManyLesions:
        std::snprintf(text, sizeof text, "implausible: %.0f lesions (more than %.0f)", doubt.value,
                      doubt.limit);
        break;
    case workflow::AiDoubtKind::LargeVolume:
        std::snprintf(text, sizeof text, "implausible: total GTV %.1f ml (more than %.0f ml)",
                      doubt.value, doubt.limit);
        break;
    case workflow::AiDoubtKind::OutsideHead:
        std::snprintf(text, sizeof text,
                      "implausible: %.0f %% of the GTV lies in the scalp or outside the head "
                      "(more than %.0f %%)",
                      100.0 * doubt.value, 100.0 * doubt.limit);
        break;
    case workflow::AiDoubtKind::UncertainEgfr:
        std::snprintf(text, sizeof text, "uncertain: EGFR probability %.2f is within %.2f of 0.5",
                      doubt.value, doubt.limit);
        break;
    case workflow::AiDoubtKind::EgfrDisagreesWithRecord:
        std::snprintf(text, sizeof text,
                      "disagrees: the AI EGFR call (p = %.2f) differs from the recorded status",
                      doubt.value);
        break;
    }
    return text;
}

struct InferOptions {
    std::string input;
    std::string package;
    std::string out;
    InferenceOptions inference;
    std::optional<std::string> series;
    std::optional<std::string> brainMask;
    PostProcessingChoice postProcessing;
};

int infer(const InferOptions& options) {
    const fs::path input = options.input;
    const fs::path package = options.package;
    const fs::path out = options.out;

    StreamProgressSink progress(stderr);
    InferenceOptions inference = options.inference;
    options.postProcessing.applyTo(inference, package);
    const InferenceEngine engine(package, inference);
    const ImageVolume series = imaging::loadImage(input, options.series, progress);
    std::optional<LabelMap> brainMask;
    if (options.brainMask) {
        brainMask = imaging::readLabelMap(*options.brainMask);
    }
    const InferenceResult result = engine.run(series, progress, brainMask ? &*brainMask : nullptr);

    fs::create_directories(out);
    imaging::writeImage(result.probability, out / "probability.nii.gz");
    imaging::writeLabelMap(result.mask, out / "mask.nii.gz");
    const fs::path jsonPath = out / "result.json";
    std::ofstream json(jsonPath, std::ios::binary | std::ios::trunc);
    json << resultJson(result, package, engine.metadata());
    if (!json.flush()) {
        throw std::runtime_error(jsonPath.string() + ": cannot write");
    }
    std::cout << "device " << result.device << ", batch " << result.batchSize << ", "
              << result.seconds << " s; " << result.lesions.size() << " lesion(s)";
    if (result.patientCall) {
        std::cout << "; EGFR " << (result.patientCall->mutant ? "mutant" : "wild-type")
                  << " (p = " << result.patientCall->meanProbability << ")";
    }
    std::cout << "\nwrote " << (out / "probability.nii.gz").string() << ", "
              << (out / "mask.nii.gz").string() << ", " << jsonPath.string() << "\n";
    return 0;
}

// The workstation's Run MTSA-Net: the package chosen as the inference panel chooses it, the
// result stored in the database as the user, and the doubts the panel shows.
struct DatabaseInferOptions {
    std::string database;
    std::string user;
    std::string patientId;
    std::optional<std::int64_t> seriesId;
    std::string package; ///< empty: the active model
    InferenceOptions inference;
    PostProcessingChoice postProcessing;
};

int databaseInfer(const DatabaseInferOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    const workflow::InferenceModel model =
        workflow::chooseInferenceModel(database, options.package, {});
    if (model.packageDir.empty()) {
        throw std::runtime_error("no model: " + options.database +
                                 " has no active model and no --model was given");
    }
    StreamProgressSink progress(stderr);
    const workflow::OpenedStudy study =
        workflow::openPatientStudy(database, options.patientId, progress, options.seriesId);
    InferenceOptions inference = options.inference;
    options.postProcessing.applyTo(inference, model.packageDir);
    const workflow::StoredInference stored = workflow::runAndStoreInference(
        database, user, model, study.seriesId, *study.image, progress, inference);
    const db::InferenceRun& run = stored.run;
    std::cout << "stored AI result " << run.id << " of patient " << study.patientId << ", series "
              << study.seriesId << ": model " << run.modelVersion << ", " << run.lesions.size()
              << " lesion(s), threshold " << run.gtvThreshold.value_or(0) << ", smallest lesion "
              << run.minLesionVolumeMm3.value_or(0) << " mm3"
              << (run.postProcessingChanged ? " (changed from the package's)" : "");
    if (run.patientProbability) {
        std::cout << "; EGFR " << run.patientCall << " (p = " << *run.patientProbability << ")";
    }
    std::cout << "\n";
    for (const workflow::AiDoubt& doubt :
         workflow::assessAiResult(run, *stored.gtv, *study.image, study.recordedEgfrStatus)) {
        std::cout << "doubt: " << describeDoubt(doubt) << "\n";
    }
    return 0;
}

// Verifies the package (weights load into the network it describes), then records it in the
// patient database as the signed-in user: the workflow call the Models dialog makes.
struct RegisterOptions {
    std::string package;
    std::string database;
    std::string user;
    std::optional<std::string> version;
    bool activate = false;
    std::string reason = "activated with metis-cli model register";
    bool forceUntrained = false;
};

int modelRegister(const RegisterOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    const db::RegisteredModel model =
        workflow::registerModelPackage(database, user, options.package, options.version);
    std::cout << "registered model " << model.version << " (id " << model.id << ") from "
              << model.packagePath << "\n";
    if (options.activate) {
        workflow::ModelActivation activation;
        activation.reason = options.reason;
        activation.allowUntrained = options.forceUntrained;
        workflow::activateRegisteredModel(database, user, model.id, activation);
        std::cout << "model " << model.version << " is now the active model\n";
    }
    return 0;
}

#endif

} // namespace

void registerModelCommands(CommandLine& commands) {
    commands.group("model").description("MTSA-Net model packages");

    auto [info, infoOptions] =
        commands.add("model info", "verify an MTSA-Net model package and describe it", modelInfo);
    info.add_option("PACKAGE", infoOptions.package, "the model package folder")->required();
    info.add_flag("--json", infoOptions.json, "the package's metadata as JSON");

    auto [create, createOptions] = commands.add(
        "model create-random", "write a package with random weights (tests and smoke runs only)",
        modelCreateRandom);
    create.add_option("--out", createOptions.out, "the package folder to write")
        ->required()
        ->type_name("PACKAGE");
    create
        .add_option("--input-size", createOptions.architecture.inputSize,
                    "input slice side in pixels (a multiple of 64)")
        ->transform(integerAtLeast(64))
        ->type_name("S");
    create
        .add_option("--base-width", createOptions.architecture.baseWidth,
                    "channels of the first encoder level")
        ->transform(integerAtLeast(1))
        ->type_name("W");
    create.add_option("--seed", createOptions.seed, "seed of the random weights")
        ->transform(integerAtLeast(0))
        ->type_name("N");

#ifdef METIS_CLI_FULL
    auto [inferCommand, inferOptions] =
        commands.add("infer",
                     "segment metastases and predict EGFR: probability + mask NIfTI and "
                     "result.json on the series grid",
                     infer);
    inferCommand
        .add_option("DICOM_DIR", inferOptions.input,
                    "the T1-CE series: a DICOM folder or a volume file (NIfTI, NRRD, MHA)")
        ->required();
    inferCommand.add_option("--model", inferOptions.package, "the model package folder")
        ->required()
        ->type_name("PACKAGE");
    inferCommand
        .add_option("--out", inferOptions.out,
                    "folder for probability.nii.gz, mask.nii.gz and result.json")
        ->required()
        ->type_name("DIR");
    inferCommand
        .add_option("--series", inferOptions.series,
                    "the series to read from the DICOM folder (default: the one with the most "
                    "slices)")
        ->type_name("UID");
    inferCommand
        .add_option(
            "--brain-mask", inferOptions.brainMask,
            "a brain mask on the series grid (non-zero: brain) for intensity normalisation and "
            "centring; without it the head's foreground stands in")
        ->type_name("MASK");
    addInferenceOptions(inferCommand, inferOptions.inference);
    addPostProcessingOptions(inferCommand, inferOptions.postProcessing);

    auto [databaseInferCommand, databaseInferOptions] = commands.add(
        "db infer",
        "run MTSA-Net on a patient's series in the database and store the result as the "
        "workstation does (the active model unless --model), then print the result's doubts",
        databaseInfer);
    databaseInferCommand.add_option("--db", databaseInferOptions.database, "the patient database")
        ->required()
        ->type_name("FILE");
    databaseInferCommand
        .add_option("--user", databaseInferOptions.user, "the user the result is stored as")
        ->required()
        ->type_name("NAME");
    databaseInferCommand
        .add_option("--patient", databaseInferOptions.patientId, "the patient's ID")
        ->required()
        ->type_name("ID");
    databaseInferCommand
        .add_option("--series", databaseInferOptions.seriesId,
                    "the series' database id (default: the one with most slices)")
        ->type_name("N");
    databaseInferCommand
        .add_option("--model", databaseInferOptions.package,
                    "a model package folder instead of the active model")
        ->type_name("PACKAGE");
    addInferenceOptions(databaseInferCommand, databaseInferOptions.inference);
    addPostProcessingOptions(databaseInferCommand, databaseInferOptions.postProcessing);

    auto [registerCommand, registerOptions] = commands.add(
        "model register",
        "verify a model package and register it in the patient database (physicist or admin), "
        "optionally making it the active model (audited with the reason; a package that names "
        "no training cohort is refused unless --force-untrained)",
        modelRegister);
    registerCommand.add_option("PACKAGE", registerOptions.package, "the model package folder")
        ->required();
    registerCommand.add_option("--db", registerOptions.database, "the patient database")
        ->required()
        ->type_name("FILE");
    registerCommand
        .add_option("--user", registerOptions.user, "the physicist or admin registering it")
        ->required()
        ->type_name("NAME");
    registerCommand
        .add_option("--version", registerOptions.version,
                    "the version it is registered as (default: the package folder's name)")
        ->type_name("V");
    CLI::Option* activate = registerCommand.add_flag("--activate", registerOptions.activate,
                                                     "make it the active model for new inferences");
    registerCommand.add_option("--reason", registerOptions.reason, "why it is activated (audited)")
        ->type_name("TEXT")
        ->needs(activate);
    registerCommand
        .add_flag("--force-untrained", registerOptions.forceUntrained,
                  "activate a package that names no training cohort (random weights, tests)")
        ->needs(activate);
#endif
}

} // namespace metis::cli
