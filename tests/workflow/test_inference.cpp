// Running and storing MTSA-Net, opening a study and building its report's data, on a real
// database file with a synthetic DICOM series imported and a random-weight model package: what
// is stored is what the run returned, the opened study carries the newest manual version and the
// stored run, and the report lists the stored run's lesions.
#include "SyntheticLesions.h"
#include "TempDir.h"
#include "TinyModel.h"
#include "metis/core/Contours.h"
#include "metis/core/LabelEditTools.h"
#include "metis/database/Importer.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/ContourEditing.h"
#include "metis/workflow/Inference.h"
#include "metis/workflow/ModelRegistration.h"
#include "metis/workflow/PatientStudy.h"
#include "metis/workflow/ReportData.h"
#include "metis/workflow/StoredSeries.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <memory>

using namespace metis;
namespace fs = std::filesystem;

using test_lesions::syntheticHead;

namespace {

const char* const kPatient = "SYN-WF-1";

// fp32 on two threads: the same figures on any machine (Auto would pick bf16 where the CPU has
// it), and room for the other builds sharing it.
models::InferenceOptions cpuOptions() {
    models::InferenceOptions options;
    options.precision = models::InferencePrecision::Float32;
    options.device = models::ComputeDevice::Cpu;
    options.threads = 2;
    return options;
}

/// Stops the run at its first progress report.
class CancelAtOnce final : public ProgressSink {
public:
    void begin(const std::string&) override {}
    bool report(double, const std::string&) override { return false; }
    void end() override {}
};

std::size_t foregroundVoxels(const LabelMap& labels) {
    return static_cast<std::size_t>(std::count_if(labels.data().begin(), labels.data().end(),
                                                  [](std::uint16_t v) { return v != 0; }));
}

bool sameForeground(const LabelMap& a, const LabelMap& b) {
    if (a.data().size() != b.data().size()) {
        return false;
    }
    for (std::size_t v = 0; v < a.data().size(); ++v) {
        if ((a.data()[v] != 0) != (b.data()[v] != 0)) {
            return false;
        }
    }
    return true;
}

void expectSameRun(const db::InferenceRun& stored, const db::InferenceRun& returned) {
    ASSERT_EQ(stored.id, returned.id);
    ASSERT_EQ(stored.seriesId, returned.seriesId);
    ASSERT_EQ(stored.modelId, returned.modelId);
    ASSERT_EQ(stored.modelVersion, returned.modelVersion);
    ASSERT_EQ(stored.createdAt, returned.createdAt);
    ASSERT_EQ(stored.device, returned.device);
    ASSERT_EQ(stored.precision, returned.precision);
    // Stored as shortest round-trip decimals: the very same doubles come back.
    ASSERT_EQ(stored.sliceMutantProbability, returned.sliceMutantProbability);
    ASSERT_EQ(stored.sliceGtvAreaMm2, returned.sliceGtvAreaMm2);
    ASSERT_EQ(stored.slicesUsed, returned.slicesUsed);
    ASSERT_EQ(stored.patientProbability.has_value(), returned.patientProbability.has_value());
    if (stored.patientProbability) {
        ASSERT_DOUBLE_EQ(*stored.patientProbability, *returned.patientProbability);
    }
    ASSERT_EQ(stored.patientCall, returned.patientCall);
    ASSERT_EQ(stored.structureSetId, returned.structureSetId);
    ASSERT_EQ(stored.labelMapPath, returned.labelMapPath);
    ASSERT_EQ(stored.lesions.size(), returned.lesions.size());
    for (std::size_t n = 0; n < stored.lesions.size(); ++n) {
        const auto& a = stored.lesions[n];
        const auto& b = returned.lesions[n];
        ASSERT_EQ(a.number, b.number);
        ASSERT_EQ(a.number, static_cast<int>(n + 1));
        ASSERT_DOUBLE_EQ(a.volumeMl, b.volumeMl);
        ASSERT_DOUBLE_EQ(a.maxDiameterMm, b.maxDiameterMm);
        ASSERT_DOUBLE_EQ(a.meanProbability, b.meanProbability);
        for (int axis = 0; axis < 3; ++axis) {
            ASSERT_DOUBLE_EQ(a.centreMm[axis], b.centreMm[axis]);
        }
    }
}

} // namespace

class WorkflowInference : public ::testing::Test {
protected:
    // One random-weight package for the whole suite. A freshly initialised network answers
    // about 0.01 everywhere: the threshold sits inside its range (for this seed, in fp32) where
    // the mask breaks into three lesions of different sizes to store, list and order.
    static void SetUpTestSuite() {
        packages_ = std::make_unique<test_tools::TempDir>();
        package_ = packages_->path() / "random-model";
        models::ModelPackageMetadata m = test_tools::tinyModelMetadata();
        m.postProcessing.threshold = kThreshold;
        models::writeRandomModelPackage(package_, m, 18);
    }
    static void TearDownTestSuite() { packages_.reset(); }

    void SetUp() override {
        database_ = std::make_unique<db::PatientDatabase>(dir_.filePath("metis.db"));
        database_->ensureDefaultUsers();
        imaging::DicomWriteOptions options;
        options.metadata.patientId = kPatient;
        options.metadata.patientName = "SYNTHETIC^WORKFLOW";
        options.metadata.studyDate = "20260101";
        NullProgressSink quiet;
        const std::string dicom = dir_.filePath("dicom");
        imaging::writeDicomSeries(syntheticHead(), dicom, options, quiet);
        ASSERT_EQ(db::importPaths(*database_, {dicom}, {}, quiet).seriesImported, std::size_t{1});
        seriesId_ = database_->seriesOfPatient(kPatient).front().id;
        user_ = *database_->findUser("oncologist");
    }

    workflow::StoredInference runModel() {
        NullProgressSink quiet;
        const auto study = workflow::openPatientStudy(*database_, kPatient, quiet);
        return workflow::runAndStoreInference(
            *database_, user_, workflow::chooseInferenceModel(*database_, package_, {}), seriesId_,
            *study.image, quiet, cpuOptions());
    }

    static constexpr double kThreshold = 0.0125;
    static std::unique_ptr<test_tools::TempDir> packages_;
    static fs::path package_;
    test_tools::TempDir dir_;
    std::unique_ptr<db::PatientDatabase> database_;
    std::int64_t seriesId_ = 0;
    db::User user_;
};

std::unique_ptr<test_tools::TempDir> WorkflowInference::packages_;
fs::path WorkflowInference::package_;

TEST_F(WorkflowInference, theStoredRunIsWhatTheRunReturned) {
    const workflow::StoredInference result = runModel();
    ASSERT_TRUE(result.run.id > 0);
    ASSERT_EQ(result.run.seriesId, seriesId_);
    ASSERT_EQ(result.run.modelVersion, std::string("random-model"));
    ASSERT_TRUE(!result.run.modelId);
    ASSERT_EQ(result.run.device, std::string("cpu"));
    ASSERT_TRUE(!result.run.sliceMutantProbability.empty());
    ASSERT_TRUE(result.run.lesions.size() >= 2) << "the random network found too few lesions";
    ASSERT_EQ(result.caveat, workflow::ModelCaveat::Untrained);

    const auto stored = database_->latestInferenceRun(seriesId_);
    ASSERT_TRUE(stored);
    expectSameRun(*stored, result.run);
    ASSERT_EQ(database_->stats().inferenceRuns, std::int64_t{1});

    // The mask handed back is the one stored, and its lesions travel with it: the run's own.
    ASSERT_TRUE(result.gtv);
    ASSERT_TRUE(result.gtv->geometry().sameGridAs(syntheticHead().geometry()));
    const LabelMap storedMap = imaging::readLabelMap(stored->labelMapPath);
    ASSERT_TRUE(sameForeground(storedMap, *result.gtv));
    // Voxel for voxel, lesion numbers included: a fresh run shows what a reopened study shows
    // (accepting one AI lesion right after a run takes that lesion, not all of them).
    ASSERT_EQ(result.gtv->data(), storedMap.data());
    ASSERT_EQ(*std::max_element(result.gtv->data().begin(), result.gtv->data().end()),
              static_cast<std::uint16_t>(stored->lesions.size()));
    ASSERT_TRUE(foregroundVoxels(*result.gtv) > 0);
    const auto* lesions = result.lesions.of(result.gtv);
    ASSERT_TRUE(lesions);
    ASSERT_EQ(lesions->size(), stored->lesions.size());
    ASSERT_TRUE(workflow::describesLesionNumberedMap(*lesions, storedMap));
    // Those are the lesions labelling the mask would find, in the same order.
    const auto labelled = workflow::labelGtvLesions(*result.gtv);
    ASSERT_EQ(labelled.size(), lesions->size());
    for (std::size_t n = 0; n < labelled.size(); ++n) {
        ASSERT_DOUBLE_EQ((*lesions)[n].volumeMl, labelled[n].volumeMl);
        ASSERT_DOUBLE_EQ((*lesions)[n].centreMm[0], labelled[n].centreMm[0]);
    }
}

TEST_F(WorkflowInference, aCancelledRunStoresNothing) {
    NullProgressSink quiet;
    const auto study = workflow::openPatientStudy(*database_, kPatient, quiet);
    const auto before = database_->stats();
    CancelAtOnce cancel;
    ASSERT_THROW(workflow::runAndStoreInference(
                     *database_, user_, workflow::chooseInferenceModel(*database_, package_, {}),
                     seriesId_, *study.image, cancel, cpuOptions()),
                 OperationCancelled);
    ASSERT_EQ(database_->stats().inferenceRuns, before.inferenceRuns);
    ASSERT_EQ(database_->stats().structureSets, before.structureSets);
    ASSERT_TRUE(!database_->latestInferenceRun(seriesId_));
}

TEST_F(WorkflowInference, aMissingPackageIsNamedAndStoresNothing) {
    NullProgressSink quiet;
    const auto study = workflow::openPatientStudy(*database_, kPatient, quiet);
    const fs::path missing = dir_.path() / "no-such-model";
    const auto model = workflow::chooseInferenceModel(*database_, missing, {});
    ASSERT_EQ(model.version, std::string("no-such-model"));
    const auto before = database_->stats();
    try {
        workflow::runAndStoreInference(*database_, user_, model, seriesId_, *study.image, quiet,
                                       cpuOptions());
        FAIL() << "a missing package ran";
    } catch (const std::exception& error) {
        ASSERT_TRUE(std::string(error.what()).find(missing.string()) != std::string::npos)
            << error.what();
    }
    const auto after = database_->stats();
    ASSERT_EQ(after.inferenceRuns, before.inferenceRuns);
    ASSERT_EQ(after.structureSets, before.structureSets);
    ASSERT_EQ(after.auditEntries, before.auditEntries);
}

TEST_F(WorkflowInference, theModelIsChosenAndItsCaveatFollowsIt) {
    // Nothing given, nothing active: none.
    ASSERT_TRUE(workflow::chooseInferenceModel(*database_, {}, {}).packageDir.empty());
    // The setting, by its folder's name (a trailing separator aside).
    const auto configured = workflow::chooseInferenceModel(*database_, {}, package_.string() + "/");
    ASSERT_EQ(configured.version, std::string("random-model"));
    ASSERT_TRUE(!configured.modelId);
    // The active model overrides the setting; an explicit package overrides both.
    const auto physicist = *database_->findUser("physicist");
    const auto registered = workflow::registerModelPackage(*database_, physicist, package_, "v-7");
    workflow::activateRegisteredModel(*database_, physicist, registered.id,
                                      {"pipeline test", true});
    const auto active = workflow::chooseInferenceModel(*database_, {}, "/elsewhere/other");
    ASSERT_EQ(active.version, std::string("v-7"));
    ASSERT_EQ(active.modelId, std::optional<std::int64_t>(registered.id));
    ASSERT_EQ(fs::path(active.packageDir), fs::path(registered.packagePath));
    const auto explicitPackage = workflow::chooseInferenceModel(*database_, package_, "/x/y");
    ASSERT_EQ(explicitPackage.version, std::string("random-model"));
    ASSERT_TRUE(!explicitPackage.modelId);

    // Caveats: untrained without a cohort; phantom-trained when the description says so.
    models::ModelPackageMetadata metadata = models::readModelPackage(package_);
    ASSERT_EQ(workflow::modelCaveat(metadata), workflow::ModelCaveat::Untrained);
    metadata.cohortManifestSha256 = std::string(64, 'a');
    metadata.description = "Demo model trained on the synthetic PHANTOM cohort";
    ASSERT_EQ(workflow::modelCaveat(metadata), workflow::ModelCaveat::PhantomTrained);
    metadata.description = "Trained on 120 patients";
    ASSERT_EQ(workflow::modelCaveat(metadata), workflow::ModelCaveat::ResearchUse);

    // A stored run gets its package's caveat only from the package that produced it.
    db::InferenceRun run;
    run.modelVersion = "random-model";
    ASSERT_EQ(workflow::storedRunCaveat(run, explicitPackage), workflow::ModelCaveat::Untrained);
    run.modelVersion = "another-model";
    ASSERT_EQ(workflow::storedRunCaveat(run, explicitPackage), workflow::ModelCaveat::ResearchUse);
    run.modelVersion = "no-such-model";
    ASSERT_EQ(workflow::storedRunCaveat(run, workflow::chooseInferenceModel(
                                                 *database_, dir_.path() / "no-such-model", {})),
              workflow::ModelCaveat::ResearchUse);
}

TEST_F(WorkflowInference, theOpenedStudyCarriesTheNewestManualVersionAndTheStoredRun) {
    NullProgressSink quiet;
    const ImageGeometry grid = workflow::scanStoredSeries(*database_, seriesId_).geometry;
    // Two manual versions: one lesion, then a second, larger one added.
    workflow::ContourEditSession session(
        *database_, *database_->findUser("annotator"), seriesId_, std::nullopt,
        [&](std::optional<std::int64_t> id) {
            return id ? workflow::loadStructureSetLabels(*database_,
                                                         *database_->structureSetVersion(*id))
                      : LabelMap(grid);
        },
        workflow::editJournalPath(dir_.filePath("edits"), seriesId_));
    const auto paint = [&](const Vec3& centre, double diameterMm, std::uint16_t label) {
        session.begin("Brush");
        paintVoxels(session.editor(),
                    brushVoxels(grid, EditPlane{centre, {1, 0, 0}, {0, 1, 0}}, centre, centre,
                                diameterMm, BrushShape::Sphere),
                    PaintRule::paint(label));
        ASSERT_TRUE(session.commit());
    };
    const Vec3 small = grid.indexToPatient({16, 20, 6});
    const Vec3 large = grid.indexToPatient({32, 18, 6});
    paint(small, 12.0, 1);
    const auto first = session.save("first");
    paint(large, 30.0, 2);
    const auto newest = session.save("second");
    const LabelMap newestLabels = session.mask();

    const workflow::StoredInference result = runModel();
    const workflow::OpenedStudy study = workflow::openPatientStudy(*database_, kPatient, quiet);
    ASSERT_TRUE(study.notes.empty()) << study.notes.front();
    ASSERT_EQ(study.patientId, std::string(kPatient));
    ASSERT_EQ(study.seriesId, seriesId_);
    ASSERT_TRUE(study.image && study.image->geometry().sameGridAs(grid));

    // The newest manual version, not the first, with its lesions found once.
    ASSERT_TRUE(newest.id != first.id);
    ASSERT_EQ(study.manualStructureSetId, std::optional<std::int64_t>(newest.id));
    ASSERT_EQ(study.manualReviewStatus, std::string("draft"));
    ASSERT_TRUE(study.manualGtv);
    ASSERT_EQ(study.manualGtv->data(), newestLabels.data());
    const auto* manualLesions = study.manualLesions.of(study.manualGtv);
    ASSERT_TRUE(manualLesions);
    ASSERT_EQ(manualLesions->size(), std::size_t{2});
    // It opens on the largest manual lesion.
    const auto largest =
        std::max_element(manualLesions->begin(), manualLesions->end(),
                         [](const auto& a, const auto& b) { return a.volumeMl < b.volumeMl; });
    for (int axis = 0; axis < 3; ++axis) {
        ASSERT_DOUBLE_EQ(study.focusMm[axis], largest->centreMm[axis]);
        ASSERT_NEAR(study.focusMm[axis], large[axis], grid.spacing[axis]);
    }

    // The stored run with its map, and the run's lesion rows standing for the map's lesions.
    ASSERT_TRUE(study.inferenceRun);
    expectSameRun(*study.inferenceRun, result.run);
    ASSERT_TRUE(study.predictedGtv);
    ASSERT_TRUE(sameForeground(*study.predictedGtv, *result.gtv));
    const auto* aiLesions = study.aiLesions.of(study.predictedGtv);
    ASSERT_TRUE(aiLesions);
    ASSERT_EQ(aiLesions->size(), result.run.lesions.size());
    for (std::size_t n = 0; n < aiLesions->size(); ++n) {
        ASSERT_DOUBLE_EQ((*aiLesions)[n].volumeMl, result.run.lesions[n].volumeMl);
    }
}

TEST_F(WorkflowInference, theResultsPostProcessingIsStoredAndAReadersChoiceSaysSo) {
    const workflow::StoredInference packaged = runModel();
    ASSERT_EQ(packaged.run.gtvThreshold, std::optional<double>(kThreshold));
    ASSERT_EQ(packaged.run.minLesionVolumeMm3, std::optional<double>(0.0));
    ASSERT_FALSE(packaged.run.postProcessingChanged);

    // A reader's smallest lesion above every lesion's volume: the same network, no lesion left.
    NullProgressSink quiet;
    const auto study = workflow::openPatientStudy(*database_, kPatient, quiet);
    models::InferenceOptions options = cpuOptions();
    options.postProcessing = models::GtvPostProcessing{kThreshold, 1e7, 0.0};
    const workflow::StoredInference chosen = workflow::runAndStoreInference(
        *database_, user_, workflow::chooseInferenceModel(*database_, package_, {}), seriesId_,
        *study.image, quiet, options);
    ASSERT_TRUE(chosen.run.lesions.empty());
    ASSERT_EQ(foregroundVoxels(*chosen.gtv), std::size_t{0});
    ASSERT_TRUE(chosen.run.postProcessingChanged);
    const auto stored = database_->latestInferenceRun(seriesId_);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->gtvThreshold, std::optional<double>(kThreshold));
    ASSERT_EQ(stored->minLesionVolumeMm3, std::optional<double>(1e7));
    ASSERT_TRUE(stored->postProcessingChanged);
    const auto audit = database_->auditLog({}, {}, "inference.run", 1);
    ASSERT_EQ(audit.size(), std::size_t{1});
    ASSERT_NE(audit.front().details.find("changed by the user"), std::string::npos)
        << audit.front().details;

    options.postProcessing = models::GtvPostProcessing{1.5, 0.0, 0.0};
    ASSERT_THROW(workflow::runAndStoreInference(
                     *database_, user_, workflow::chooseInferenceModel(*database_, package_, {}),
                     seriesId_, *study.image, quiet, options),
                 std::invalid_argument);
}

TEST_F(WorkflowInference, theOpenedStudyStatesTheStoredResultsDoubts) {
    const auto patientRef = database_->findPatient(kPatient);
    ASSERT_TRUE(patientRef);
    ASSERT_TRUE(
        database_->setClinicalLabel(*patientRef, EgfrStatus::WildType, "2026-01-01", "test"));
    const workflow::StoredInference result = runModel();
    NullProgressSink quiet;
    const workflow::OpenedStudy study = workflow::openPatientStudy(*database_, kPatient, quiet);
    ASSERT_EQ(study.recordedEgfrStatus, std::string("wild_type"));
    const auto expected =
        workflow::assessAiResult(result.run, *result.gtv, *study.image, "wild_type");
    ASSERT_EQ(study.aiDoubts.size(), expected.size());
    for (std::size_t n = 0; n < expected.size(); ++n) {
        ASSERT_EQ(study.aiDoubts[n].kind, expected[n].kind);
        ASSERT_DOUBLE_EQ(study.aiDoubts[n].value, expected[n].value);
    }
    const bool disagrees =
        std::any_of(study.aiDoubts.begin(), study.aiDoubts.end(), [](const workflow::AiDoubt& d) {
            return d.kind == workflow::AiDoubtKind::EgfrDisagreesWithRecord;
        });
    ASSERT_EQ(disagrees, result.run.patientCall == "mutant");
}

TEST_F(WorkflowInference, theReportSaysWhereTheManualGtvStandsAndWhatIsRecorded) {
    const ImageGeometry grid = workflow::scanStoredSeries(*database_, seriesId_).geometry;
    LabelMap manual(grid, 0);
    manual.at(30, 18, 6) = 1;
    const db::User annotator = *database_->findUser("annotator");
    const auto version =
        database_->saveStructureSetVersion(annotator, seriesId_, manual, std::nullopt, "drawn");
    const db::User oncologist = *database_->findUser("oncologist");
    database_->setReviewStatus(oncologist, version.id, "approved");
    ASSERT_TRUE(database_->setClinicalLabel(*database_->findPatient(kPatient), EgfrStatus::WildType,
                                            "2026-01-01", "test"));
    const workflow::StoredInference result = runModel();

    NullProgressSink quiet;
    const workflow::OpenedStudy study = workflow::openPatientStudy(*database_, kPatient, quiet);
    const workflow::ReportData data =
        workflow::buildReportData(*database_, study, "oncologist", quiet, nullptr, 3);
    ASSERT_TRUE(data.manualGtv);
    ASSERT_EQ(data.manualGtv->version, version.id);
    ASSERT_EQ(data.manualGtv->author, std::string("annotator"));
    ASSERT_EQ(data.manualGtv->reviewStatus, std::string("approved"));
    ASSERT_EQ(data.manualGtv->reviewedBy, std::string("oncologist"));
    ASSERT_FALSE(data.manualGtv->reviewedAt.empty());
    ASSERT_EQ(data.recordedEgfrStatus, std::string("wild_type"));
    ASSERT_TRUE(data.ai);
    ASSERT_EQ(data.ai->gtvThreshold, std::optional<double>(kThreshold));
    ASSERT_EQ(data.ai->minLesionVolumeMm3, std::optional<double>(0.0));
    ASSERT_FALSE(data.ai->postProcessingChanged);
    ASSERT_EQ(data.ai->doubts.size(), study.aiDoubts.size());
    ASSERT_EQ(data.ai->doubts.size(),
              workflow::assessAiResult(result.run, *result.gtv, *study.image, "wild_type").size());
}

// Lesions go by their RTSTRUCT names: an imported structure set's own ROI names, GTV_nn for a
// label map, "AI GTV_nn" for the AI's; the report's rows carry them.
TEST_F(WorkflowInference, lesionsAreNamedAsTheirRtstructNamesThem) {
    const imaging::SeriesInfo info = workflow::scanStoredSeries(*database_, seriesId_);
    LabelMap labels(info.geometry, 0);
    for (std::int64_t k = 4; k <= 7; ++k) {
        for (std::int64_t j = 16; j <= 21; ++j) {
            for (std::int64_t i = 28; i <= 33; ++i) {
                labels.at(i, j, k) = 1;
                labels.at(i - 14, j, k) = 2;
            }
        }
    }
    LabelsToStructuresOptions options;
    options.unionRoiName.clear();
    StructureSet structures = labelMapToStructureSet(labels, options);
    ASSERT_EQ(structures.rois.size(), std::size_t{2});
    structures.rois[0].name = "Met_frontal";
    structures.rois[1].name = "Met_parietal";
    const fs::path rtstruct = dir_.path() / "rtstruct" / "contours.dcm";
    fs::create_directories(rtstruct.parent_path());
    imaging::RtStructWriter().write(structures, imaging::referencedSeriesOf(info), rtstruct);
    NullProgressSink quiet;
    db::importPaths(*database_, {rtstruct.parent_path().string()}, {}, quiet);

    const workflow::OpenedStudy study = workflow::openPatientStudy(*database_, kPatient, quiet);
    ASSERT_TRUE(study.notes.empty()) << study.notes.front();
    ASSERT_TRUE(study.manualGtv);
    ASSERT_EQ(study.manualLesionNames,
              (std::map<int, std::string>{{1, "Met_frontal"}, {2, "Met_parietal"}}));
    ASSERT_EQ(workflow::manualLesionName(study.manualLesionNames, 2), "Met_parietal");
    ASSERT_EQ(workflow::manualLesionName(study.manualLesionNames, 3), "GTV_03");
    ASSERT_EQ(workflow::manualLesionName({}, 12), "GTV_12");
    ASSERT_EQ(workflow::aiLesionName(4), "AI GTV_04");

    const workflow::ReportData data =
        workflow::buildReportData(*database_, study, "oncologist", quiet, nullptr, 3);
    std::vector<std::string> names;
    for (const auto& row : data.lesions) {
        names.push_back(row.name);
    }
    ASSERT_EQ(names, (std::vector<std::string>{"Met_frontal", "Met_parietal"}));
}

TEST_F(WorkflowInference, aPatientWithoutSeriesOrAnUnknownSeriesIsNamed) {
    NullProgressSink quiet;
    try {
        workflow::openPatientStudy(*database_, "NO-SUCH-PATIENT", quiet);
        FAIL() << "an unknown patient was opened";
    } catch (const std::runtime_error& error) {
        ASSERT_TRUE(std::string(error.what()).find("NO-SUCH-PATIENT") != std::string::npos)
            << error.what();
    }
    ASSERT_THROW(workflow::openPatientStudy(*database_, kPatient, quiet, seriesId_ + 100),
                 std::runtime_error);
    // Without a manual GTV or a run: the image alone, centred.
    const auto study = workflow::openPatientStudy(*database_, kPatient, quiet, seriesId_);
    ASSERT_TRUE(!study.manualGtv && !study.predictedGtv && !study.inferenceRun);
    ASSERT_TRUE(study.notes.empty());
    const ImageGeometry& g = study.image->geometry();
    const Vec3 centre =
        g.indexToPatient({(g.size[0] - 1) / 2.0, (g.size[1] - 1) / 2.0, (g.size[2] - 1) / 2.0});
    for (int axis = 0; axis < 3; ++axis) {
        ASSERT_DOUBLE_EQ(study.focusMm[axis], centre[axis]);
    }
}

TEST_F(WorkflowInference, theReportListsTheStoredRunsLesionsInOrder) {
    const workflow::StoredInference result = runModel();
    NullProgressSink quiet;
    const workflow::OpenedStudy study = workflow::openPatientStudy(*database_, kPatient, quiet);
    const workflow::ReportData data =
        workflow::buildReportData(*database_, study, "oncologist", quiet, nullptr, 3);

    ASSERT_EQ(data.patientId, std::string(kPatient));
    ASSERT_EQ(data.patientName, std::string("SYNTHETIC^WORKFLOW"));
    ASSERT_EQ(data.studyDate, std::string("2026-01-01"));
    ASSERT_EQ(data.author, std::string("oncologist"));
    ASSERT_TRUE(data.ai);
    ASSERT_EQ(data.ai->modelName, std::string("MTSA-Net"));
    ASSERT_EQ(data.ai->modelVersion, result.run.modelVersion);
    ASSERT_EQ(data.ai->runDate, result.run.createdAt);
    ASSERT_EQ(data.ai->device, result.run.device);
    ASSERT_EQ(data.ai->precision, result.run.precision);
    ASSERT_EQ(data.ai->egfrCall, result.run.patientCall);
    ASSERT_EQ(data.ai->egfrProbability.has_value(), result.run.patientProbability.has_value());
    if (data.ai->egfrProbability) {
        ASSERT_DOUBLE_EQ(*data.ai->egfrProbability, *result.run.patientProbability);
    }
    // No manual GTV: the rows are the stored run's lesions, in its order, with its volumes.
    ASSERT_TRUE(!data.dice && !data.hd95Mm);
    ASSERT_EQ(data.lesions.size(), result.run.lesions.size());
    for (std::size_t n = 0; n < data.lesions.size(); ++n) {
        const auto& row = data.lesions[n];
        const auto& lesion = result.run.lesions[n];
        ASSERT_EQ(row.status, workflow::ReportLesion::Status::AiOnly);
        ASSERT_EQ(static_cast<int>(row.number), lesion.number);
        ASSERT_TRUE(!row.manualVolumeMl);
        ASSERT_TRUE(row.aiVolumeMl);
        ASSERT_DOUBLE_EQ(*row.aiVolumeMl, lesion.volumeMl);
        ASSERT_DOUBLE_EQ(row.maxDiameterMm, lesion.maxDiameterMm);
        for (int axis = 0; axis < 3; ++axis) {
            ASSERT_DOUBLE_EQ(row.centreMm[axis], lesion.centreMm[axis]);
        }
    }
    // Key images through the largest lesions, the largest first.
    ASSERT_EQ(data.keyImageLesions.size(), std::min<std::size_t>(3, data.lesions.size()));
    for (std::size_t n = 1; n < data.keyImageLesions.size(); ++n) {
        ASSERT_TRUE(*data.lesions[data.keyImageLesions[n - 1]].aiVolumeMl >=
                    *data.lesions[data.keyImageLesions[n]].aiVolumeMl);
    }
    const auto largest =
        std::max_element(result.run.lesions.begin(), result.run.lesions.end(),
                         [](const auto& a, const auto& b) { return a.volumeMl < b.volumeMl; });
    ASSERT_DOUBLE_EQ(*data.lesions[data.keyImageLesions[0]].aiVolumeMl, largest->volumeMl);

    // A reader rejects the largest AI lesion and confirms another: the rejected one leaves the
    // rows and the key images, the confirmed one carries the decision.
    ASSERT_GE(result.run.lesions.size(), std::size_t{2});
    const auto other = largest == result.run.lesions.begin() ? largest + 1 : largest - 1;
    database_->reviewAiLesion(user_, result.run.id, largest->number,
                              db::AiLesionDecision::Rejected);
    database_->reviewAiLesion(user_, result.run.id, other->number, db::AiLesionDecision::Confirmed);
    const workflow::ReportData triaged =
        workflow::buildReportData(*database_, study, "oncologist", quiet, nullptr, 3);
    ASSERT_EQ(triaged.rejectedAiLesions, std::size_t{1});
    ASSERT_EQ(triaged.lesions.size(), result.run.lesions.size() - 1);
    for (const auto& row : triaged.lesions) {
        ASSERT_NE(static_cast<int>(row.number), largest->number);
        ASSERT_EQ(static_cast<int>(row.aiNumber), static_cast<int>(row.number));
        if (static_cast<int>(row.number) == other->number) {
            ASSERT_EQ(row.aiReview, std::optional(db::AiLesionDecision::Confirmed));
        } else {
            ASSERT_TRUE(!row.aiReview);
        }
    }
    for (const std::size_t index : triaged.keyImageLesions) {
        ASSERT_LT(index, triaged.lesions.size());
    }
}
