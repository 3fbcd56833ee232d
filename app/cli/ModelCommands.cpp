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
#include "metis/imaging/DicomSeriesReader.h"
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

int modelInfo(const Arguments& args) {
    if (args.positional().size() != 1) {
        throw UsageError("expected exactly one PACKAGE");
    }
    const fs::path package = args.positional().front();
    const ModelPackageMetadata m = verifyModelPackage(package);
    if (args.flag("--json")) {
        std::cout << modelPackageMetadataJson(m);
    } else {
        writeMetadataText(m, package);
    }
    return 0;
}

int modelCreateRandom(const Arguments& args) {
    if (!args.positional().empty()) {
        throw UsageError("unexpected argument '" + args.positional().front() + "'");
    }
    ModelPackageMetadata m;
    m.architecture.inputSize = args.integer("--input-size", 384, 64);
    m.architecture.baseWidth = args.integer("--base-width", 32, 1);
    m.preprocessing.inputSize = m.architecture.inputSize;
    const auto seed = static_cast<std::uint64_t>(args.integer("--seed", 1, 0));
    const fs::path out = args.required("--out");
    try {
        m.architecture.validate();
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    writeRandomModelPackage(out, m, seed);
    std::cout << "wrote " << out.string() << " (random weights, seed " << seed
              << "; for tests and smoke runs only)\n";
    return 0;
}

#ifdef METIS_CLI_FULL

ImageVolume loadInputSeries(const fs::path& input, const std::optional<std::string>& seriesUid,
                            ProgressSink& progress) {
    std::error_code ec;
    if (fs::is_regular_file(input, ec) && imaging::isVolumeFile(input)) {
        return imaging::readImage(input);
    }
    const imaging::SeriesScan scan = imaging::scanDicomFolder(input, progress);
    const imaging::SeriesInfo* chosen =
        seriesUid ? scan.findSeries(*seriesUid) : scan.largestLoadableSeries();
    if (!chosen) {
        throw std::runtime_error(seriesUid ? "no series " + *seriesUid + " under " + input.string()
                                           : "no loadable image series under " + input.string());
    }
    return imaging::loadSeries(*chosen, progress);
}

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

int infer(const Arguments& args) {
    if (args.positional().size() != 1) {
        throw UsageError("expected exactly one DICOM_DIR (or volume file)");
    }
    const fs::path input = args.positional().front();
    const fs::path package = args.required("--model");
    const fs::path out = args.required("--out");
    const InferenceOptions options = inferenceOptions(args);

    StreamProgressSink progress(stderr);
    const InferenceEngine engine(package, options);
    const ImageVolume series = loadInputSeries(input, args.option("--series"), progress);
    std::optional<LabelMap> brainMask;
    if (const auto maskPath = args.option("--brain-mask")) {
        brainMask = imaging::readLabelMap(*maskPath);
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
int modelRegister(const Arguments& args) {
    if (args.positional().size() != 1) {
        throw UsageError("expected exactly one PACKAGE");
    }
    db::PatientDatabase database(args.required("--db"), db::OpenMode::Existing);
    const db::User user = signedInUser(database, args.required("--user"));
    const db::RegisteredModel model = workflow::registerModelPackage(
        database, user, args.positional().front(), args.option("--version"));
    std::cout << "registered model " << model.version << " (id " << model.id << ") from "
              << model.packagePath << "\n";
    if (args.flag("--activate")) {
        workflow::ModelActivation activation;
        activation.reason =
            args.option("--reason").value_or("activated with metis-cli model register");
        activation.allowUntrained = args.flag("--force-untrained");
        workflow::activateRegisteredModel(database, user, model.id, activation);
        std::cout << "model " << model.version << " is now the active model\n";
    }
    return 0;
}

#endif

} // namespace

void registerModelCommands(CommandTable& table) {
    table.push_back({"model info",
                     "PACKAGE [--json]",
                     "verify an MTSA-Net model package and describe it",
                     {},
                     {"--json"},
                     modelInfo});
    table.push_back({"model create-random",
                     "--out PACKAGE [--input-size S] [--base-width W] [--seed N]",
                     "write a package with random weights (tests and smoke runs only)",
                     {"--out", "--input-size", "--base-width", "--seed"},
                     {},
                     modelCreateRandom});
#ifdef METIS_CLI_FULL
    table.push_back({"infer",
                     "DICOM_DIR --model PACKAGE --out DIR [--device auto|cpu|cuda] [--precision "
                     "auto|fp32|bf16] "
                     "[--threads N] "
                     "[--batch-size N] [--series UID] [--brain-mask MASK]",
                     "segment metastases and predict EGFR: probability + mask NIfTI and "
                     "result.json on the series grid",
                     {"--model", "--out", "--device", "--precision", "--threads", "--batch-size",
                      "--series", "--brain-mask"},
                     {},
                     infer});
    table.push_back({"model register",
                     "PACKAGE --db FILE --user NAME [--version V] [--activate [--reason TEXT] "
                     "[--force-untrained]]",
                     "verify a model package and register it in the patient database "
                     "(physicist or admin), optionally making it the active model (audited with "
                     "the reason; a package that names no training cohort is refused unless "
                     "--force-untrained)",
                     {"--db", "--user", "--version", "--reason"},
                     {"--activate", "--force-untrained"},
                     modelRegister});
#endif
}

} // namespace metis::cli
