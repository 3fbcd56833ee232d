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
#include "metis/workflow/ModelRegistration.h"
#endif

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace metis::cli {
namespace {

namespace fs = std::filesystem;
using namespace metis::models;

void writeMetadataText(const ModelPackageMetadata& m, const fs::path& package) {
    std::cout << "package " << package.string() << " (verified)\n"
              << describe(m.architecture, summarise(m.architecture)) << "\n"
              << "model grid: " << m.preprocessing.inputSize << " px over "
              << m.preprocessing.fieldOfViewMm << " mm, intensity percentiles "
              << m.preprocessing.lowerPercentile << "-" << m.preprocessing.upperPercentile << "\n"
              << "loss weighting: " << toString(m.loss.weighting) << "\n"
              << "created " << m.createdUtc << " by Metis " << m.metisVersion << "\n"
              << "weights: " << m.weightsBytes << " bytes, SHA-256 " << m.weightsSha256 << "\n"
              << "training cohort manifest SHA-256: "
              << (m.cohortManifestSha256.empty() ? "(none)" : m.cohortManifestSha256) << "\n";
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

struct InferOptions {
    std::string input;
    std::string package;
    std::string out;
    InferenceOptions inference;
    std::optional<std::string> series;
    std::optional<std::string> brainMask;
};

int infer(const InferOptions& options) {
    const fs::path input = options.input;
    const fs::path package = options.package;
    const fs::path out = options.out;

    StreamProgressSink progress(stderr);
    const InferenceEngine engine(package, options.inference);
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
