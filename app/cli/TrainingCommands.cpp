// MTSA-Net training and evaluation. `train --prepared DIR` needs only core + models and exists
// in every build (the headless GPU build trains from slices prepared elsewhere); reading a cohort
// folder (DICOM or NIfTI series, NIfTI masks, clinical.csv) and `evaluate` need metis_imaging.
#include "CommandLine.h"
#include "InferenceArguments.h"
#include "metis/core/ClinicalTable.h"
#include "metis/core/Progress.h"
#include "metis/core/Sha256.h"
#include "metis/models/Calibration.h"
#include "metis/models/Evaluation.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/Trainer.h"
#include "metis/models/TrainingData.h"

#ifdef METIS_CLI_FULL
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/VolumeIO.h"
#endif

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <sstream>
#include <thread>

namespace metis::cli {
namespace {

namespace fs = std::filesystem;
using namespace metis::models;

constexpr const char* kTrainingSlicesFile = "training.slices";
constexpr const char* kValidationSlicesFile = "validation.slices";
constexpr const char* kManifestHashFile = "cohort.sha256";

TaskWeighting weightingOption(const Arguments& args) {
    try {
        return taskWeightingFromString(args.option("--weighting").value_or("uncertainty"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
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

#ifdef METIS_CLI_FULL

/// A cohort folder: DIR/clinical.csv (patient_id, diagnosis_date, egfr_status[, site]) and one
/// folder per patient holding the T1-CE series (DICOM anywhere below it, or image.nii.gz) and
/// the GTV mask (truth_series.nii.gz, mask.nii.gz or gtv.nii.gz) on the series' grid. The
/// phantom generator writes exactly this.
struct CohortFolder {
    fs::path root;
    std::vector<CohortCase> cases;
    std::string manifestSha256; ///< of clinical.csv
};

CohortFolder readCohortFolder(const fs::path& root) {
    // The same reader as the importer's: the same columns, separators and EGFR spellings.
    const fs::path csvPath = root / "clinical.csv";
    const ClinicalTable table = readClinicalTable(csvPath);
    if (!table.problems.empty()) {
        throw std::runtime_error(csvPath.string() + " line " +
                                 std::to_string(table.problems.front().line) + ": " +
                                 table.problems.front().message);
    }
    CohortFolder folder;
    folder.root = root;
    folder.manifestSha256 = sha256Hex(readTextFile(csvPath));
    for (const auto& row : table.rows) {
        if (row.diagnosisDate.empty()) {
            throw std::runtime_error(csvPath.string() + " line " + std::to_string(row.line) +
                                     ": no diagnosis date (the split into training and test "
                                     "patients is by date)");
        }
        CohortCase c;
        c.patientId = row.patientId;
        c.diagnosisDate = row.diagnosisDate;
        c.egfrMutant =
            row.egfr == EgfrStatus::Mutant ? 1 : (row.egfr == EgfrStatus::WildType ? 0 : -1);
        c.site = row.site.empty() ? "internal" : row.site;
        folder.cases.push_back(c);
    }
    if (folder.cases.empty()) {
        throw std::runtime_error(csvPath.string() + ": no patients");
    }
    return folder;
}

fs::path firstExisting(const fs::path& dir, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (fs::exists(dir / name)) {
            return dir / name;
        }
    }
    return {};
}

struct PatientData {
    ImageVolume series;
    LabelMap gtv;
};

PatientData loadPatient(const fs::path& root, const std::string& patientId) {
    const fs::path dir = root / patientId;
    if (!fs::is_directory(dir)) {
        throw std::runtime_error(dir.string() + ": no folder for patient " + patientId);
    }
    const fs::path maskPath =
        firstExisting(dir, {"truth_series.nii.gz", "mask.nii.gz", "gtv.nii.gz", "mask.nii"});
    if (maskPath.empty()) {
        throw std::runtime_error(dir.string() +
                                 ": no GTV mask (truth_series.nii.gz, mask.nii.gz or gtv.nii.gz)");
    }
    PatientData data;
    const fs::path imagePath = firstExisting(dir, {"image.nii.gz", "image.nii", "t1ce.nii.gz"});
    if (!imagePath.empty()) {
        data.series = imaging::readImage(imagePath);
    } else {
        NullProgressSink quiet;
        const imaging::SeriesScan scan = imaging::scanDicomFolder(dir, quiet);
        const imaging::SeriesInfo* series = scan.largestLoadableSeries();
        if (!series) {
            throw std::runtime_error(dir.string() + ": no loadable image series");
        }
        data.series = imaging::loadSeries(*series, quiet);
    }
    data.gtv = imaging::readLabelMap(maskPath);
    if (!data.series.geometry().sameGridAs(data.gtv.geometry())) {
        throw std::runtime_error(maskPath.string() + ": not on the grid of patient " + patientId +
                                 "'s series");
    }
    return data;
}

/// Reads and resamples the patients on every core, one patient per thread at a time (each
/// thread fills a dataset of its own; they are joined in thread order, so the result does not
/// depend on timing).
SliceDataset prepareSlices(const CohortFolder& folder, const std::vector<std::size_t>& indices,
                           ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                           const std::string& what) {
    const std::size_t workers = std::max<std::size_t>(
        1, std::min<std::size_t>(std::thread::hardware_concurrency(), indices.size()));
    preprocessing.threads = 1;
    std::vector<SliceDataset> parts(workers, SliceDataset(preprocessing));
    std::vector<std::exception_ptr> failures(workers);
    std::atomic<std::size_t> done{0};
    std::mutex printing;
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            try {
                for (std::size_t n = w; n < indices.size(); n += workers) {
                    const CohortCase& c = folder.cases[indices[n]];
                    const PatientData patient = loadPatient(folder.root, c.patientId);
                    parts[w].addPatient(c.patientId, patient.series, patient.gtv, c.egfrMutant,
                                        freeSlicesPerPatient);
                    std::lock_guard lock(printing);
                    std::fprintf(stderr, "\rpreparing %s slices: %zu / %zu patients", what.c_str(),
                                 ++done, indices.size());
                }
            } catch (...) {
                failures[w] = std::current_exception();
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    std::fprintf(stderr, "\n");
    for (const auto& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
    SliceDataset data(preprocessing);
    for (const SliceDataset& part : parts) {
        data.append(part);
    }
    return data;
}

CohortSplit splitOf(const CohortFolder& folder, const Arguments& args) {
    return splitCohort(folder.cases, args.option("--cutoff").value_or("2021-05-01"),
                       static_cast<std::size_t>(args.integer("--validation", 10, 1)),
                       static_cast<std::uint64_t>(args.integer("--seed", 1, 0)));
}

#endif

struct PreparedData {
    SliceDataset training;
    SliceDataset validation;
    std::string manifestSha256;
    std::string source;
};

PreparedData prepareData(const Arguments& args, const ModelGridOptions& preprocessing) {
    if (const auto prepared = args.option("--prepared")) {
        const fs::path dir = *prepared;
        PreparedData data{SliceDataset::load(dir / kTrainingSlicesFile),
                          SliceDataset::load(dir / kValidationSlicesFile),
                          readTextFile(dir / kManifestHashFile), dir.string()};
        if (data.training.side() != preprocessing.inputSize) {
            throw std::runtime_error(
                dir.string() + ": slices prepared at " + std::to_string(data.training.side()) +
                " px, --input-size is " + std::to_string(preprocessing.inputSize));
        }
        return data;
    }
#ifdef METIS_CLI_FULL
    const fs::path root = args.required("--data");
    const CohortFolder folder = readCohortFolder(root);
    CohortSplit split = splitOf(folder, args);
    if (const int limit = args.integer("--max-training-patients", 0, 0);
        limit > 0 && split.training.size() > static_cast<std::size_t>(limit)) {
        split.training.resize(static_cast<std::size_t>(limit));
    }
    std::cout << "cohort " << root.string() << ": " << split.training.size() << " training, "
              << split.validation.size() << " validation, " << split.internalTest.size()
              << " internal test, " << split.externalTest.size() << " external test patients\n";
    // 0: every metastasis-free slice of the head.
    const auto freeLimit =
        static_cast<std::size_t>(args.integer("--free-slices-per-patient", 0, 0));
    const std::size_t freeSlices = freeLimit ? freeLimit : std::numeric_limits<std::size_t>::max();
    PreparedData data{prepareSlices(folder, split.training, preprocessing, freeSlices, "training"),
                      prepareSlices(folder, split.validation, preprocessing,
                                    std::numeric_limits<std::size_t>::max(), "validation"),
                      folder.manifestSha256, root.string()};
    if (const auto save = args.option("--save-prepared")) {
        const fs::path dir = *save;
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

int train(const Arguments& args) {
    TrainingOptions options;
    options.loss.weighting = weightingOption(args);
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
    options.architecture.inputSize = args.integer("--input-size", 384, 32);
    options.architecture.baseWidth = args.integer("--base-width", 32, 1);
    options.architecture.embedDim = args.integer("--embed-dim", 256, 8);
    options.architecture.attentionHeads = args.integer("--attention-heads", 8, 1);
    try {
        options.loss.segmentation = segmentationLossFromString(
            args.option("--segmentation-loss").value_or(toString(options.loss.segmentation)));
        options.selection = modelSelectionFromString(
            args.option("--selection").value_or(toString(options.selection)));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    options.learningRate = args.number("--learning-rate", options.learningRate, 0.0);
    options.batchSize = args.integer("--batch-size", options.batchSize, 1);
    options.maxEpochs = args.integer("--max-epochs", 200, 1);
    options.patience = args.integer("--patience", 20, 1);
    options.maxMinutes = args.number("--max-minutes", 0.0, 0.0);
    options.maxSlicesPerEpoch = static_cast<std::size_t>(args.integer("--slices-per-epoch", 0, 0));
    options.metastasisFreeFraction =
        args.number("--free-fraction", options.metastasisFreeFraction, 0.0);
    options.augmentation.enabled = !args.flag("--no-augment");
    options.cosineDecay = !args.flag("--constant-learning-rate");
    options.seed = static_cast<std::uint64_t>(args.integer("--seed", 1, 0));
    options.device = deviceOption(args);
    options.threads = args.integer("--threads", 0, 0);
    const fs::path out = args.required("--out");
    options.workDir = args.option("--work").value_or(out.string() + ".work");
    options.resume = !args.flag("--restart");
    options.validate();
    const std::string weightsChoice = args.option("--package-weights").value_or("best");
    if (weightsChoice != "best" && weightsChoice != "last") {
        throw UsageError("--package-weights takes best or last");
    }
    const PackagedWeights packagedWeights =
        weightsChoice == "last" ? PackagedWeights::LastEpoch : PackagedWeights::BestValidation;

    ModelGridOptions preprocessing;
    preprocessing.inputSize = options.architecture.inputSize;
    preprocessing.sliceSpacingMm = args.number("--slice-spacing", 0.0, 0.0);
    const PreparedData data = prepareData(args, preprocessing);
    std::cout << "training slices: " << data.training.sliceCount() << " ("
              << data.training.metastasisSlices().size() << " with metastasis) from "
              << data.training.patientCount()
              << " patients; validation slices: " << data.validation.sliceCount() << " from "
              << data.validation.patientCount() << " patients\n"
              << describe(options.architecture, summarise(options.architecture)) << "\n"
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
    metadata.description =
        args.option("--description")
            .value_or("MTSA-Net trained by metis-cli train on " + data.source + " (" +
                      std::to_string(data.training.patientCount()) + " training, " +
                      std::to_string(data.validation.patientCount()) + " validation patients)");
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

int evaluate(const Arguments& args) {
    // Several --model options share one pass over the cohort: each patient is read once.
    const std::vector<std::string> packages = args.options("--model");
    if (packages.empty()) {
        throw UsageError("missing --model PACKAGE");
    }
    const fs::path root = args.required("--data");
    const InferenceOptions options = inferenceOptions(args);
    std::vector<std::unique_ptr<InferenceEngine>> engines;
    for (const std::string& package : packages) {
        engines.push_back(std::make_unique<InferenceEngine>(package, options));
    }
    const CohortFolder folder = readCohortFolder(root);
    const bool wholeCohort = args.option("--sets").value_or("") == "cohort";
    const CohortSplit split = wholeCohort ? CohortSplit{} : splitOf(folder, args);

    std::vector<std::pair<std::string, const std::vector<std::size_t>*>> sets;
    const std::string wanted = args.option("--sets").value_or("internal-test,external-test");
    // "cohort": every patient of the folder, without the split (a cohort the model never saw).
    std::vector<std::size_t> everyone(folder.cases.size());
    std::iota(everyone.begin(), everyone.end(), std::size_t{0});
    const std::vector<std::pair<std::string, const std::vector<std::size_t>*>> known = {
        {"training", &split.training},
        {"validation", &split.validation},
        {"internal-test", &split.internalTest},
        {"external-test", &split.externalTest},
        {"cohort", &everyone}};
    for (const auto& [name, indices] : known) {
        const bool named = ("," + wanted + ",").find("," + name + ",") != std::string::npos;
        if (named || (wanted == "all" && name != "cohort")) {
            sets.emplace_back(name, indices);
        }
    }
    if (sets.empty()) {
        throw UsageError("--sets takes a comma list of training, validation, internal-test, "
                         "external-test, or all, or cohort (every patient, no split)");
    }
    const std::size_t limit = static_cast<std::size_t>(args.integer("--limit", 0, 0));

    std::vector<std::vector<PatientEvaluation>> results(engines.size());
    NullProgressSink quiet;
    for (const auto& [name, indices] : sets) {
        std::size_t done = 0;
        for (const std::size_t i : *indices) {
            if (limit && done >= limit) {
                break;
            }
            const CohortCase& c = folder.cases[i];
            const PatientData patient = loadPatient(root, c.patientId);
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
            tables += "\n" + packages[m] + ":\n";
        }
        tables += evaluationTableMarkdown(summariseEvaluation(results[m]));
    }
    if (engines.size() > 1) {
        json = "{\"evaluations\": [" + json + "]}";
    }
    if (const auto outPath = args.option("--out")) {
        std::ofstream out(*outPath, std::ios::binary | std::ios::trunc);
        out << json << "\n";
        if (!out.flush()) {
            throw std::runtime_error(*outPath + ": cannot write");
        }
    }
    if (args.flag("--json")) {
        std::cout << json << "\n";
    } else {
        std::cout << tables;
    }
    return 0;
}

std::vector<double> numberList(const Arguments& args, const std::string& name,
                               const std::vector<double>& fallback) {
    const auto text = args.option(name);
    if (!text) {
        return fallback;
    }
    std::vector<double> values;
    std::istringstream items(*text);
    for (std::string item; std::getline(items, item, ',');) {
        try {
            std::size_t used = 0;
            values.push_back(std::stod(item, &used));
            if (used != item.size()) {
                throw std::invalid_argument(item);
            }
        } catch (const std::exception&) {
            throw UsageError(name + " takes comma-separated numbers, got '" + *text + "'");
        }
    }
    return values;
}

/// Chooses the package's post-processing on the validation patients: the network runs once per
/// patient, then post-processing settings are applied to its output and scored by mean Dice +
/// pooled lesion F-beta (Dice alone barely notices a few small false lesions; the F-beta weighs
/// them against missed lesions, a miss beta^2 = 4 times as much by default). The search is
/// coordinate-wise, in the order the steps act: the head margin (at threshold 0.5, no volume
/// limit), then the threshold, then the minimum volume.
int calibrate(const Arguments& args) {
    const fs::path package = args.required("--model");
    InferenceOptions options = inferenceOptions(args);
    options.keepHeadMask = true; // head margins are among the settings tried
    const InferenceEngine engine(package, options);
    if (!engine.metadata().architecture.hasSegmentationHead()) {
        throw UsageError(package.string() + " has no segmentation head: nothing to calibrate");
    }
    const CohortFolder folder = readCohortFolder(args.required("--data"));
    const CohortSplit split = splitOf(folder, args);
    std::vector<CalibrationCase> patients;
    for (const std::size_t i : split.validation) {
        PatientData data = loadPatient(folder.root, folder.cases[i].patientId);
        NullProgressSink quiet;
        patients.push_back({std::move(data.gtv), engine.predict(data.series, quiet)});
        std::fprintf(stderr, "\rnetwork on the validation patients: %zu / %zu", patients.size(),
                     split.validation.size());
    }
    std::fprintf(stderr, "\n");

    CalibrationGrid grid;
    grid.headMarginsMm = numberList(args, "--head-margins", grid.headMarginsMm);
    grid.thresholds = numberList(args, "--thresholds", grid.thresholds);
    grid.minLesionVolumesMm3 = numberList(args, "--min-volumes", grid.minLesionVolumesMm3);
    grid.lesionBeta = args.number("--lesion-beta", grid.lesionBeta, 0.0);
    StreamProgressSink progress(stderr, 0.0);
    const CalibrationResult calibration = calibratePostProcessing(engine, patients, grid, progress);
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
    if (args.flag("--write")) {
        updateModelPackagePostProcessing(package, best);
        std::printf("stored in %s\n", (package / kModelPackageMetadataFile).string().c_str());
    }
    return 0;
}

#endif

} // namespace

void registerTrainingCommands(CommandTable& table) {
    table.push_back(
        {"train",
         "(--data DIR | --prepared DIR) --out PACKAGE [--work DIR] [--save-prepared DIR] "
         "[--weighting uncertainty|fixed|segmentation-only|classification-only] "
         "[--input-size S] [--base-width W] [--embed-dim D] [--attention-heads H] "
         "[--batch-size N] [--learning-rate LR] [--max-epochs N] [--patience N] "
         "[--max-minutes M] [--slices-per-epoch N] [--free-fraction F] [--no-augment] "
         "[--segmentation-loss batch-dice-bce|lesion-weighted|paper] [--selection dice|loss] "
         "[--free-slices-per-patient N] [--constant-learning-rate] "
         "[--cutoff YYYY-MM-DD] [--validation N] [--max-training-patients N] [--slice-spacing MM] "
         "[--seed N] [--device auto|cpu|cuda] [--threads N] [--restart] [--description TEXT] "
         "[--package-weights best|last]",
         "train MTSA-Net (resumes from the work folder's checkpoint unless --restart)",
         {"--data",
          "--prepared",
          "--out",
          "--work",
          "--save-prepared",
          "--weighting",
          "--input-size",
          "--base-width",
          "--embed-dim",
          "--attention-heads",
          "--batch-size",
          "--learning-rate",
          "--max-epochs",
          "--patience",
          "--max-minutes",
          "--slices-per-epoch",
          "--free-fraction",
          "--cutoff",
          "--validation",
          "--seed",
          "--device",
          "--threads",
          "--description",
          "--max-training-patients",
          "--slice-spacing",
          "--package-weights",
          "--segmentation-loss",
          "--selection",
          "--free-slices-per-patient"},
         {"--no-augment", "--restart", "--constant-learning-rate"},
         train});
#ifdef METIS_CLI_FULL
    table.push_back(
        {"evaluate",
         "--model PACKAGE [--model PACKAGE...] --data DIR "
         "[--sets internal-test,external-test|all|cohort] "
         "[--cutoff YYYY-MM-DD] [--validation N] [--seed N] [--limit N] [--json] "
         "[--out FILE.json] [--device auto|cpu|cuda] [--precision auto|fp32|bf16] [--threads N]",
         "evaluate a model package on a cohort folder (paper tables + AUC, "
         "calibration, lesion sensitivity by size)",
         {"--model", "--data", "--sets", "--cutoff", "--validation", "--seed", "--limit", "--out",
          "--device", "--precision", "--threads"},
         {"--json"},
         evaluate});
    table.push_back(
        {"calibrate",
         "--model PACKAGE --data DIR [--thresholds 0.3,0.5,...] [--min-volumes MM3,...] "
         "[--lesion-beta 2] "
         "[--head-margins MM,...] [--cutoff YYYY-MM-DD] [--validation N] [--seed N] [--write] "
         "[--device auto|cpu|cuda] [--precision auto|fp32|bf16] [--threads N]",
         "choose the package's GTV post-processing (threshold, minimum lesion volume, head "
         "margin) on the validation patients; --write stores it in the package",
         {"--model", "--data", "--thresholds", "--min-volumes", "--head-margins", "--lesion-beta",
          "--cutoff", "--validation", "--seed", "--device", "--precision", "--threads"},
         {"--write"},
         calibrate});
#endif
}

} // namespace metis::cli
