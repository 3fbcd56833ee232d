// MTSA-Net training and evaluation. `train --prepared DIR` needs only core + models and exists
// in every build (the headless GPU build trains from slices prepared elsewhere); reading a cohort
// folder (DICOM or NIfTI series, NIfTI masks, clinical.csv) and `evaluate` need metis_imaging.
#include "CommandLine.h"
#include "InferenceArguments.h"
#include "metis/core/Progress.h"
#include "metis/models/Calibration.h"
#include "metis/models/Evaluation.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/Trainer.h"
#include "metis/models/TrainingData.h"

#ifdef METIS_CLI_FULL
#include "metis/workflow/CohortSource.h"
#endif

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <numeric>
#include <sstream>

namespace metis::cli {
namespace {

namespace fs = std::filesystem;
using namespace metis::models;

constexpr const char* kTrainingSlicesFile = "training.slices";
constexpr const char* kValidationSlicesFile = "validation.slices";
constexpr const char* kManifestHashFile = "cohort.sha256";

/// Which patients train, validate and test (the split by diagnosis date).
struct SplitOptions {
    std::string cutoff = "2021-05-01";
    int validation = 10;
    std::uint64_t seed = 1;
};

void addSplitOptions(CLI::App& command, SplitOptions& split) {
    const char* const group = "Cohort split";
    command
        .add_option("--cutoff", split.cutoff,
                    "patients diagnosed before this date train and validate, the others test")
        ->check(isoDate())
        ->type_name("YYYY-MM-DD")
        ->group(group);
    command
        .add_option("--validation", split.validation,
                    "validation patients, drawn from those before the cutoff")
        ->transform(integerAtLeast(1))
        ->type_name("N")
        ->group(group);
    command
        .add_option("--seed", split.seed,
                    "seed of the validation draw (train: also of the weights, the slice order and "
                    "the augmentation)")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->group(group);
}

std::string readTextFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot read");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Where the patients come from: a cohort folder or the database's eligible patients.
struct CohortSourceOptions {
    std::string data;
    std::string database;
    std::string minimumReview = "approved";
    std::string externalSite;
};

/// --data, --db, --min-review, --external-site; returns the --data and --db options.
std::pair<CLI::Option*, CLI::Option*>
addCohortSourceOptions(CLI::App& command, CohortSourceOptions& source, const char* group) {
#ifdef METIS_CLI_FULL
    const char* const dataHelp =
        "the cohort folder (clinical.csv and one folder per patient, as `metis-cli phantom` "
        "writes)";
#else
    // Declared all the same, so that one command line serves both builds.
    const char* const dataHelp =
        "the cohort folder; not in this build, which reads no DICOM or NIfTI (give --prepared)";
#endif
    CLI::Option* data =
        command.add_option("--data", source.data, dataHelp)->type_name("DIR")->group(group);
    CLI::Option* database =
        command
            .add_option("--db", source.database,
                        "the patient database: its patients with a reviewed manual GTV, a known "
                        "EGFR status and a diagnosis date (`metis-cli cohort` lists them)")
            ->type_name("FILE")
            ->excludes(data)
            ->group(group);
    command
        .add_option("--min-review", source.minimumReview,
                    "with --db: the review a manual GTV needs")
        ->check(CLI::IsMember({"approved", "corrected"}).description(""))
        ->type_name("approved|corrected")
        ->capture_default_str()
        ->group(group);
    command
        .add_option("--external-site", source.externalSite,
                    "with --db: a scanner manufacturer held out whole as the external test set")
        ->type_name("NAME")
        ->group(group);
    return {data, database};
}

#ifdef METIS_CLI_FULL

workflow::CohortSource openCohort(const CohortSourceOptions& source, const SplitOptions& split,
                                  bool wholeCohort = false) {
    if (source.data.empty() == source.database.empty()) {
        throw UsageError("give --data DIR (a cohort folder) or --db FILE (the database's "
                         "eligible patients, see `metis-cli cohort`)");
    }
    workflow::SplitOptions options;
    options.cutoff = split.cutoff;
    options.validationCount = static_cast<std::size_t>(split.validation);
    options.seed = split.seed;
    options.externalSite = source.externalSite;
    if (!source.data.empty()) {
        return workflow::openFolderCohort(source.data, options, wholeCohort);
    }
    workflow::CohortFilter filter;
    filter.minimumReview = source.minimumReview == "corrected" ? workflow::MinimumReview::Corrected
                                                               : workflow::MinimumReview::Approved;
    return workflow::openDatabaseCohort(source.database, filter, options, wholeCohort);
}

#endif

struct TrainOptions {
    CohortSourceOptions source;
    std::string prepared;
    std::string out;
    std::string work; ///< empty: OUT.work
    std::string savePrepared;
    SplitOptions split;
    int maxTrainingPatients = 0;  ///< 0: all
    int freeSlicesPerPatient = 0; ///< 0: every metastasis-free slice of the head
    double sliceSpacing = 0.0;
    bool antiAliasing = false;
    TrainingOptions training;
    bool noAugment = false;
    bool noTestTimeMirror = false;
    int sliceOversampling = 2;
    bool constantLearningRate = false;
    bool restart = false;
    bool estimate = false;
    std::optional<std::string> description;
    PackagedWeights packagedWeights = PackagedWeights::BestValidation;
};

struct PreparedData {
    SliceDataset training;
    SliceDataset validation;
    std::string manifestSha256;
    std::string source;
};

PreparedData prepareData(const TrainOptions& options, const ModelGridOptions& preprocessing) {
    if (!options.prepared.empty()) {
        const fs::path dir = options.prepared;
        PreparedData data{SliceDataset::load(dir / kTrainingSlicesFile),
                          SliceDataset::load(dir / kValidationSlicesFile),
                          readTextFile(dir / kManifestHashFile), dir.string()};
        if (data.training.side() != preprocessing.inputSize) {
            throw std::runtime_error(
                dir.string() + ": slices prepared at " + std::to_string(data.training.side()) +
                " px, --input-size is " + std::to_string(preprocessing.inputSize));
        }
        if (preprocessing.antiAliasing && !data.training.preprocessing().antiAliasing) {
            throw std::runtime_error(dir.string() +
                                     ": slices prepared without --anti-aliasing; prepare them "
                                     "again with it");
        }
        return data;
    }
#ifdef METIS_CLI_FULL
    const workflow::CohortSource source = openCohort(options.source, options.split);
    CohortSplit split = source.split;
    if (const int limit = options.maxTrainingPatients;
        limit > 0 && split.training.size() > static_cast<std::size_t>(limit)) {
        split.training.resize(static_cast<std::size_t>(limit));
    }
    std::cout << "cohort " << source.name << ": " << split.training.size() << " training, "
              << split.validation.size() << " validation, " << split.internalTest.size()
              << " internal test, " << split.externalTest.size() << " external test patients\n";
    const auto freeLimit = static_cast<std::size_t>(options.freeSlicesPerPatient);
    const std::size_t freeSlices = freeLimit ? freeLimit : std::numeric_limits<std::size_t>::max();
    StreamProgressSink trainingProgress(stderr), validationProgress(stderr);
    PreparedData data{workflow::prepareSlices(source, split.training, preprocessing, freeSlices,
                                              trainingProgress),
                      workflow::prepareSlices(source, split.validation, preprocessing,
                                              std::numeric_limits<std::size_t>::max(),
                                              validationProgress),
                      source.manifestSha256, source.name};
    if (!options.savePrepared.empty()) {
        const fs::path dir = options.savePrepared;
        fs::create_directories(dir);
        data.training.save(dir / kTrainingSlicesFile);
        data.validation.save(dir / kValidationSlicesFile);
        std::ofstream(dir / kManifestHashFile, std::ios::binary) << data.manifestSha256;
        std::cout << "saved the prepared slices in " << dir.string() << "\n";
    }
    return data;
#else
    throw UsageError("this build reads no DICOM or NIfTI: give --prepared DIR (slices written by "
                     "a full build's `train --save-prepared DIR`)");
#endif
}

int train(const TrainOptions& trainOptions) {
    TrainingOptions options = trainOptions.training;
    // Fine-tuning trains the package's own network on its own model grid.
    std::optional<ModelPackageMetadata> startingPackage;
    if (!options.initialWeights.empty()) {
        startingPackage = readModelPackage(options.initialWeights);
        options.architecture = startingPackage->architecture;
        std::cout << "fine-tuning " << options.initialWeights.string() << ": "
                  << startingPackage->description << "\n";
    }
    switch (options.loss.weighting) {
    case TaskWeighting::SegmentationOnly:
        options.architecture.heads = NetworkHeads::SegmentationOnly;
        break;
    case TaskWeighting::ClassificationOnly:
        options.architecture.heads = NetworkHeads::ClassificationOnly;
        break;
    default:
        break;
    }
    options.augmentation.enabled = !trainOptions.noAugment;
    options.cosineDecay = !trainOptions.constantLearningRate;
    options.resume = !trainOptions.restart;
    options.seed = trainOptions.split.seed;
    const fs::path out = trainOptions.out;
    options.workDir = trainOptions.work.empty() ? out.string() + ".work" : trainOptions.work;
    try {
        options.validate();
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    if (trainOptions.estimate) {
        const TrainingThroughput measured = measureTrainingThroughput(options);
        std::printf("throughput: %.2f slices/s on %s (%d steps of %d slices)\n",
                    measured.slicesPerSecond, measured.device.c_str(), measured.steps,
                    options.batchSize);
        if (options.maxSlicesPerEpoch > 0) {
            std::printf("an epoch of %zu slices: about %.0f s of training steps, without slice "
                        "preparation and validation\n",
                        options.maxSlicesPerEpoch,
                        static_cast<double>(options.maxSlicesPerEpoch) / measured.slicesPerSecond);
        }
        return 0;
    }
    const PackagedWeights packagedWeights = trainOptions.packagedWeights;

    ModelGridOptions preprocessing =
        startingPackage ? startingPackage->preprocessing : ModelGridOptions();
    preprocessing.inputSize = options.architecture.inputSize;
    preprocessing.sliceSpacingMm = trainOptions.sliceSpacing;
    preprocessing.antiAliasing = preprocessing.antiAliasing || trainOptions.antiAliasing;
    const PreparedData data = prepareData(trainOptions, preprocessing);
    std::cout << "training slices: " << data.training.sliceCount() << " ("
              << data.training.metastasisSlices().size() << " with metastasis) from "
              << data.training.patientCount()
              << " patients; validation slices: " << data.validation.sliceCount() << " from "
              << data.validation.patientCount() << " patients\n";
    if (trainOptions.prepared.empty()) {
        std::cout << "lesions smaller than a model voxel, kept by their centre voxel: "
                  << data.training.restoredLesions() << " training, "
                  << data.validation.restoredLesions() << " validation\n";
    }
    std::cout << describe(options.architecture, summarise(options.architecture)) << "\n"
              << "work folder " << options.workDir.string() << " (metrics in " << kMetricsFile
              << ")" << std::endl; // before hours of training, even when stdout is a file

    StreamProgressSink progress(stderr, 0.01);
    const TrainingOutcome outcome =
        trainMtsaNet(options, data.training, data.validation, progress, [](const EpochRecord& r) {
            std::printf("epoch %d: training loss %.4f, validation loss %.4f, Dice %.3f, EGFR "
                        "accuracy %.3f, sigma %.3f/%.3f, %.1f slices/s, %.0f s%s\n",
                        r.epoch, r.trainingLoss, r.validationLoss, r.validationDice,
                        r.validationEgfrAccuracy, r.sigmaGtv, r.sigmaEgfr,
                        r.trainingSlicesPerSecond, r.seconds, r.improved ? " (best)" : "");
            std::fflush(stdout);
        });

    ModelPackageMetadata metadata;
    metadata.preprocessing = data.training.preprocessing();
    metadata.loss = outcome.loss;
    metadata.cohortManifestSha256 = data.manifestSha256;
    // Mirroring is on unless refused: the network trained on flipped slices, and averaging the
    // two predictions took the demo model from 1.14 to 0.68 false lesions per patient
    // (docs/mtsa-net-demo.md); `calibrate` then scores the inference the package ships with.
    metadata.testTimeMirror = !trainOptions.noTestTimeMirror;
    // Twice the model slices at inference by default: with the demo model's weights it found 3
    // more of 211 metastases at the same Dice (docs/mtsa-net-demo.md, "Slice oversampling").
    metadata.sliceOversampling = trainOptions.sliceOversampling;
    if (startingPackage) {
        // Until `calibrate` chooses them for the new weights, those chosen for the weights it
        // started from.
        metadata.postProcessing = startingPackage->postProcessing;
        metadata.testTimeMirror = metadata.testTimeMirror && startingPackage->testTimeMirror;
    }
    metadata.description = trainOptions.description.value_or(
        "MTSA-Net trained by metis-cli train on " + data.source + " (" +
        std::to_string(data.training.patientCount()) + " training, " +
        std::to_string(data.validation.patientCount()) + " validation patients)" +
        (startingPackage ? ", fine-tuned from " + options.initialWeights.string() : ""));
    metadata.metrics = {{"packaged_epoch", packagedWeights == PackagedWeights::LastEpoch
                                               ? outcome.lastEpoch
                                               : outcome.bestEpoch},
                        {"best_epoch", outcome.bestEpoch},
                        {"epochs", outcome.lastEpoch},
                        {"best_validation_loss", outcome.bestValidationLoss}};
    if (packagedWeights == PackagedWeights::LastEpoch && !outcome.epochs.empty()) {
        metadata.metrics.emplace_back("validation_dice", outcome.epochs.back().validationDice);
        metadata.metrics.emplace_back("validation_egfr_slice_accuracy",
                                      outcome.epochs.back().validationEgfrAccuracy);
    } else if (outcome.best.epoch == outcome.bestEpoch) {
        metadata.metrics.emplace_back("validation_dice", outcome.best.validationDice);
        metadata.metrics.emplace_back("validation_egfr_slice_accuracy",
                                      outcome.best.validationEgfrAccuracy);
    }
    writePackageFromWorkFolder(options.workDir, options.architecture, packagedWeights, out,
                               metadata);
    std::cout << "stopped: " << outcome.stopReason << " after epoch " << outcome.lastEpoch
              << "; best epoch " << outcome.bestEpoch << " (validation loss "
              << outcome.bestValidationLoss << ")\nwrote model package " << out.string() << "\n";
    return 0;
}

#ifdef METIS_CLI_FULL

struct EvaluateOptions {
    std::vector<std::string> packages;
    CohortSourceOptions source;
    std::vector<std::string> sets{"internal-test", "external-test"};
    SplitOptions split;
    int limit = 0; ///< patients per set; 0: all
    bool json = false;
    std::optional<std::string> out;
    InferenceOptions inference;
};

int evaluate(const EvaluateOptions& options) {
    const auto wants = [&options](const std::string& name) {
        return std::find(options.sets.begin(), options.sets.end(), name) != options.sets.end();
    };
    // Several --model options share one pass over the cohort: each patient is read once.
    std::vector<std::unique_ptr<InferenceEngine>> engines;
    for (const std::string& package : options.packages) {
        engines.push_back(std::make_unique<InferenceEngine>(package, options.inference));
    }
    const bool wholeCohort = options.sets == std::vector<std::string>{"cohort"};
    const workflow::CohortSource source = openCohort(options.source, options.split, wholeCohort);
    const CohortSplit& split = source.split;

    std::vector<std::pair<std::string, const std::vector<std::size_t>*>> sets;
    // "cohort": every patient of the folder, without the split (a cohort the model never saw).
    std::vector<std::size_t> everyone(source.cases.size());
    std::iota(everyone.begin(), everyone.end(), std::size_t{0});
    const std::vector<std::pair<std::string, const std::vector<std::size_t>*>> known = {
        {"training", &split.training},
        {"validation", &split.validation},
        {"internal-test", &split.internalTest},
        {"external-test", &split.externalTest},
        {"cohort", &everyone}};
    for (const auto& [name, indices] : known) {
        if (wants(name) || (wants("all") && name != "cohort")) {
            sets.emplace_back(name, indices);
        }
    }
    const auto limit = static_cast<std::size_t>(options.limit);

    std::vector<std::vector<PatientEvaluation>> results(engines.size());
    NullProgressSink quiet;
    for (const auto& [name, indices] : sets) {
        std::size_t done = 0;
        for (const std::size_t i : *indices) {
            if (limit && done >= limit) {
                break;
            }
            const CohortCase& c = source.cases[i];
            const workflow::CohortPatient patient = source.load(i);
            ++done;
            for (std::size_t m = 0; m < engines.size(); ++m) {
                const InferenceResult result = engines[m]->run(patient.series, quiet);
                results[m].push_back(
                    evaluatePatient(c.patientId, name, c.egfrMutant, result, patient.gtv));
                const PatientEvaluation& e = results[m].back();
                std::fprintf(
                    stderr, "%s %zu/%zu %s, model %zu: Dice %.3f, EGFR p %.3f (label %d), %.1f s\n",
                    name.c_str(), done, indices->size(), c.patientId.c_str(), m + 1,
                    e.segmentation ? e.segmentation->dice : -1.0,
                    e.egfrCall ? e.egfrCall->meanProbability : -1.0, c.egfrMutant, e.seconds);
            }
        }
    }
    std::string json;
    std::string tables;
    for (std::size_t m = 0; m < engines.size(); ++m) {
        const std::string report = evaluationReportJson(results[m], engines[m]->metadata());
        json += (m ? ",\n" : "") + report;
        if (engines.size() > 1) {
            tables += "\n" + options.packages[m] + ":\n";
        }
        tables += evaluationTableMarkdown(summariseEvaluation(results[m]));
    }
    if (engines.size() > 1) {
        json = "{\"evaluations\": [" + json + "]}";
    }
    if (options.out) {
        std::ofstream out(*options.out, std::ios::binary | std::ios::trunc);
        out << json << "\n";
        if (!out.flush()) {
            throw std::runtime_error(*options.out + ": cannot write");
        }
    }
    if (options.json) {
        std::cout << json << "\n";
    } else {
        std::cout << tables;
    }
    return 0;
}

/// Chooses the package's post-processing on the validation patients: the network runs once per
/// patient, then post-processing settings are applied to its output and scored by mean Dice +
/// pooled lesion F-beta (Dice alone barely notices a few small false lesions; the F-beta weighs
/// them against missed lesions, a miss beta^2 = 4 times as much by default). The search is
/// coordinate-wise, in the order the steps act: the head margin (at threshold 0.5, no volume
/// limit), then the threshold, then the minimum volume.
struct CalibrateOptions {
    std::string package;
    CohortSourceOptions source;
    CalibrationGrid grid;
    SplitOptions split;
    bool write = false;
    InferenceOptions inference;
};

int calibrate(const CalibrateOptions& calibrateOptions) {
    const fs::path package = calibrateOptions.package;
    InferenceOptions options = calibrateOptions.inference;
    options.keepHeadMask = true; // head margins are among the settings tried
    const InferenceEngine engine(package, options);
    if (!engine.metadata().architecture.hasSegmentationHead()) {
        throw UsageError(package.string() + " has no segmentation head: nothing to calibrate");
    }
    const workflow::CohortSource source =
        openCohort(calibrateOptions.source, calibrateOptions.split);
    const CohortSplit& split = source.split;
    std::vector<CalibrationCase> patients;
    for (const std::size_t i : split.validation) {
        workflow::CohortPatient data = source.load(i);
        NullProgressSink quiet;
        patients.push_back({std::move(data.gtv), engine.predict(data.series, quiet)});
        std::fprintf(stderr, "\rnetwork on the validation patients: %zu / %zu", patients.size(),
                     split.validation.size());
    }
    std::fprintf(stderr, "\n");

    StreamProgressSink progress(stderr, 0.0);
    const CalibrationResult calibration =
        calibratePostProcessing(engine, patients, calibrateOptions.grid, progress);
    const GtvPostProcessing& best = calibration.best;

    std::printf(
        "| head margin (mm) | threshold | min lesion volume (mm3) | mean Dice | lesions "
        "found | false lesions | lesion F-beta | score |\n|---|---|---|---|---|---|---|---|\n");
    for (const CalibrationScore& s : calibration.tried) {
        const bool chosen = s.settings.headMarginMm == best.headMarginMm &&
                            s.settings.threshold == best.threshold &&
                            s.settings.minLesionVolumeMm3 == best.minLesionVolumeMm3;
        std::printf("| %.0f | %.2f | %.0f | %.3f | %zu / %zu | %zu | %.3f | %.3f%s |\n",
                    s.settings.headMarginMm, s.settings.threshold, s.settings.minLesionVolumeMm3,
                    s.meanDice, s.truePositive, s.truePositive + s.falseNegative, s.falsePositive,
                    s.lesionScore(), s.value(), chosen ? " (chosen)" : "");
    }
    std::printf("chosen on %zu validation patients: threshold %.2f, minimum lesion volume %.0f "
                "mm3, head margin %.0f mm\n",
                patients.size(), best.threshold, best.minLesionVolumeMm3, best.headMarginMm);
    if (calibrateOptions.write) {
        updateModelPackagePostProcessing(package, best);
        std::printf("stored in %s\n", (package / kModelPackageMetadataFile).string().c_str());
    }
    return 0;
}

#endif

} // namespace

void registerTrainingCommands(CommandLine& commands) {
    auto [app, o] = commands.add(
        "train", "train MTSA-Net (resumes from the work folder's checkpoint unless --restart)",
        train);
    const char* const dataGroup = "Training data";
    const auto [data, database] = addCohortSourceOptions(app, o.source, dataGroup);
    app.add_option("--prepared", o.prepared,
                   "slices prepared earlier by `train --data DIR --save-prepared DIR`")
        ->type_name("DIR")
        ->excludes(data)
        ->excludes(database)
        ->group(dataGroup);
    app.add_option("--save-prepared", o.savePrepared,
                   "with --data or --db: keep the prepared slices here for later --prepared runs")
        ->type_name("DIR")
        ->group(dataGroup);
    app.add_option("--max-training-patients", o.maxTrainingPatients,
                   "with --data or --db: train on at most N patients; 0: all")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->group(dataGroup);
    app.add_option(
           "--free-slices-per-patient", o.freeSlicesPerPatient,
           "with --data or --db: metastasis-free slices kept per patient; 0: all of the head")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->group(dataGroup);
    app.add_option("--slice-spacing", o.sliceSpacing,
                   "resample slices this far apart in mm; 0: the series' own spacing")
        ->check(numberAtLeast(0.0))
        ->type_name("MM")
        ->group(dataGroup);
    app.add_flag("--anti-aliasing", o.antiAliasing,
                 "with --data or --db: smooth each series to the model grid's resolution before "
                 "sampling it (stored in the package; inference does the same)")
        ->group(dataGroup);
    addSplitOptions(app, o.split);

    app.add_option("--out", o.out, "the model package to write")->required()->type_name("PACKAGE");
    app.add_option("--work", o.work,
                   "checkpoints and metrics.jsonl (default: the package path + .work)")
        ->type_name("DIR");
    app.add_option("--description", o.description, "the package's description")->type_name("TEXT");
    addChoice(app, "--package-weights", o.packagedWeights,
              Choices<PackagedWeights>{{"best", PackagedWeights::BestValidation},
                                       {"last", PackagedWeights::LastEpoch}},
              "the weights packaged: the best validation epoch's or the last epoch's");
    app.add_flag("--restart", o.restart, "start afresh instead of resuming from the checkpoint");
    app.add_option("--initial-weights", o.training.initialWeights,
                   "fine-tune: start from this model package's weights, network and model grid "
                   "(the network shape options are then ignored)")
        ->check(CLI::ExistingDirectory)
        ->type_name("PACKAGE");
    app.add_flag("--estimate", o.estimate,
                 "time a few training steps of this network on synthetic slices, print the "
                 "throughput and the time per epoch, and stop (reads no patient)");

    const char* const networkShape = "Network shape";
    TrainingOptions& t = o.training;
    app.add_option("--input-size", t.architecture.inputSize, "input slice side in pixels")
        ->transform(integerAtLeast(64))
        ->type_name("S")
        ->group(networkShape);
    app.add_option("--base-width", t.architecture.baseWidth, "channels of the first encoder level")
        ->transform(integerAtLeast(1))
        ->type_name("W")
        ->group(networkShape);
    app.add_option("--embed-dim", t.architecture.embedDim,
                   "token width of the EGFR classifier's transformer")
        ->transform(integerAtLeast(8))
        ->type_name("D")
        ->group(networkShape);
    app.add_option("--attention-heads", t.architecture.attentionHeads,
                   "attention heads (dividing the token width)")
        ->transform(integerAtLeast(1))
        ->type_name("H")
        ->group(networkShape);
    addChoice(app, "--attention-gate", t.architecture.attentionGate,
              namedChoices({AttentionGate::Linear, AttentionGate::Sigmoid}),
              "MSA attention: linear is the paper's Conv1x1(s) * F, sigmoid bounds it to (0, 1)")
        ->group(networkShape);
    app.add_option("--context-slices", t.architecture.contextSlices,
                   "neighbouring model slices on each side given as extra input channels (0: the "
                   "paper's single slice; needs slices prepared by this version)")
        ->transform(integerBetween(0, MtsaNetConfig::kMaxContextSlices))
        ->type_name("N")
        ->group(networkShape);

    const char* const recipe = "Training";
    addChoice(app, "--weighting", t.loss.weighting,
              namedChoices({TaskWeighting::Uncertainty, TaskWeighting::Fixed,
                            TaskWeighting::SegmentationOnly, TaskWeighting::ClassificationOnly}),
              "how the GTV and EGFR losses are weighted; the -only choices train one head")
        ->group(recipe);
    addChoice(app, "--segmentation-loss", t.loss.segmentation,
              namedChoices({SegmentationLoss::BatchDiceBce, SegmentationLoss::LesionWeighted,
                            SegmentationLoss::Paper}),
              "the GTV loss")
        ->group(recipe);
    addChoice(app, "--selection", t.selection,
              namedChoices({ModelSelection::ValidationDice, ModelSelection::ValidationLoss}),
              "what early stopping and the best weights are judged by")
        ->group(recipe);
    app.add_option("--batch-size", t.batchSize, "slices per training step")
        ->transform(integerAtLeast(1))
        ->type_name("N")
        ->group(recipe);
    app.add_option("--learning-rate", t.learningRate, "Adam's learning rate")
        ->check(number([](double value) { return value > 0.0; }, "> 0"))
        ->type_name("LR")
        ->group(recipe);
    app.add_flag("--constant-learning-rate", o.constantLearningRate, "no cosine decay")
        ->group(recipe);
    app.add_option("--max-epochs", t.maxEpochs, "stop after this epoch")
        ->transform(integerAtLeast(1))
        ->type_name("N")
        ->group(recipe);
    app.add_option("--patience", t.patience,
                   "stop after this many epochs without a better selection figure")
        ->transform(integerAtLeast(1))
        ->type_name("N")
        ->group(recipe);
    app.add_option("--max-minutes", t.maxMinutes,
                   "start no epoch after this many minutes; 0: no time budget")
        ->check(numberAtLeast(0.0))
        ->type_name("M")
        ->group(recipe);
    app.add_option("--slices-per-epoch", t.maxSlicesPerEpoch,
                   "at most this many slices per epoch; 0: all")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->group(recipe);
    app.add_option("--free-fraction", t.metastasisFreeFraction,
                   "share of metastasis-free slices in each epoch")
        ->check(number([](double value) { return value >= 0.0 && value < 1.0; }, "in [0, 1)"))
        ->type_name("F")
        ->group(recipe);
    app.add_option("--lesion-balanced-share", t.lesionBalancedShare,
                   "metastasis slices drawn again per epoch, as a share of their number, every "
                   "lesion equally likely (small lesions span fewer slices); 0: none")
        ->check(number([](double value) { return value >= 0.0 && value <= 10.0; }, "in [0, 10]"))
        ->type_name("F")
        ->group(recipe);
    std::ostringstream faintLesionsHelp;
    faintLesionsHelp << "share of training slices whose lesions of at most "
                     << t.augmentation.maxFaintLesionPixels
                     << " model pixels are made fainter, their contrast to the tissue around them "
                        "scaled by "
                     << t.augmentation.minFaintLesionContrast << "-1; 0: none";
    app.add_option("--faint-lesions", t.augmentation.faintLesionProbability, faintLesionsHelp.str())
        ->check(number([](double value) { return value >= 0.0 && value <= 1.0; }, "in [0, 1]"))
        ->type_name("F")
        ->group(recipe);
    app.add_flag("--no-augment", o.noAugment, "no data augmentation")->group(recipe);
    app.add_flag("--no-test-time-mirror", o.noTestTimeMirror,
                 "package without test-time mirroring (by default inference also predicts each "
                 "slice mirrored left-right and averages the two, at twice the network time; "
                 "a fine-tuned package keeps its starting package's choice)")
        ->group(recipe);
    app.add_option("--slice-oversampling", o.sliceOversampling,
                   "inference predicts N model slices per trained slice spacing, each smoothed as "
                   "the trained ones, at N times the network time; 1: the trained slices only")
        ->check(CLI::Range(1, 8))
        ->type_name("N")
        ->capture_default_str()
        ->group(recipe);
    addDeviceOption(app, t.device);
    addThreadsOption(app, t.threads);

#ifdef METIS_CLI_FULL
    auto [evaluateCommand, e] = commands.add(
        "evaluate",
        "evaluate model packages on a cohort folder or the database's eligible patients (paper "
        "tables + AUC, "
        "calibration, lesion sensitivity by size)",
        evaluate);
    evaluateCommand
        .add_option("--model", e.packages,
                    "a model package; several --model options share one pass over the cohort")
        ->required()
        ->type_name("PACKAGE");
    addCohortSourceOptions(evaluateCommand, e.source, "Patients");
    evaluateCommand
        .add_option("--sets", e.sets,
                    "comma list of the sets evaluated; all: the four sets of the split; cohort: "
                    "every patient of the cohort, no split")
        ->delimiter(',')
        ->check(CLI::IsMember(
            {"training", "validation", "internal-test", "external-test", "all", "cohort"}))
        ->type_name(""); // the check lists the names
    evaluateCommand.add_option("--limit", e.limit, "at most N patients per set; 0: all")
        ->transform(integerAtLeast(0))
        ->type_name("N");
    evaluateCommand.add_flag("--json", e.json, "the report as JSON instead of tables");
    evaluateCommand.add_option("--out", e.out, "also write the JSON report here")
        ->type_name("FILE.json");
    addSplitOptions(evaluateCommand, e.split);
    addInferenceOptions(evaluateCommand, e.inference);

    auto [calibrateCommand, c] = commands.add(
        "calibrate",
        "choose the package's GTV post-processing (threshold, minimum lesion volume, head "
        "margin) on the validation patients; --write stores it in the package",
        calibrate);
    calibrateCommand.add_option("--model", c.package, "the model package")
        ->required()
        ->type_name("PACKAGE");
    addCohortSourceOptions(calibrateCommand, c.source, "Patients");
    calibrateCommand
        .add_option("--thresholds", c.grid.thresholds, "GTV probability thresholds tried")
        ->delimiter(',')
        ->check(number([](double value) { return value > 0.0 && value < 1.0; }, "in (0, 1)"))
        ->type_name("P,...");
    calibrateCommand
        .add_option("--min-volumes", c.grid.minLesionVolumesMm3,
                    "minimum lesion volumes tried, in mm3")
        ->delimiter(',')
        ->check(numberAtLeast(0.0))
        ->type_name("MM3,...");
    calibrateCommand
        .add_option("--head-margins", c.grid.headMarginsMm,
                    "margins inside the head's outline tried, in mm")
        ->delimiter(',')
        ->check(numberAtLeast(0.0))
        ->type_name("MM,...");
    calibrateCommand
        .add_option("--lesion-beta", c.grid.lesionBeta,
                    "the lesion F-beta's beta: a missed lesion weighs beta^2 invented ones")
        ->check(numberAtLeast(0.0))
        ->type_name("B");
    calibrateCommand.add_flag("--write", c.write, "store the chosen settings in the package");
    addSplitOptions(calibrateCommand, c.split);
    addInferenceOptions(calibrateCommand, c.inference);
#endif
}

} // namespace metis::cli
