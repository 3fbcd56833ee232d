#include "metis/workflow/CohortSource.h"

#include "metis/workflow/PatientStudy.h"

#include <numeric>
#include <stdexcept>

namespace metis::workflow {
namespace {

CohortPatient loadDatabasePatient(const std::string& databasePath, const EligiblePatient& patient) {
    // SQLite connections are not shared between threads: each load opens its own.
    db::PatientDatabase connection(databasePath, db::OpenMode::ReadOnly);
    NullProgressSink quiet;
    const OpenedStudy study =
        openPatientStudy(connection, patient.patientId, quiet, patient.seriesId);
    if (study.manualStructureSetId != std::optional(patient.structureSetId)) {
        throw std::runtime_error("patient " + patient.patientId +
                                 ": the manual GTV changed since the cohort was selected (select "
                                 "the cohort again)");
    }
    if (!study.manualGtv) {
        std::string why;
        for (const auto& note : study.notes) {
            why += "; " + note;
        }
        throw std::runtime_error("patient " + patient.patientId + ": GTV version " +
                                 std::to_string(patient.structureSetId) + " cannot be read" + why);
    }
    return CohortPatient{*study.image, *study.manualGtv};
}

} // namespace

CohortSource openFolderCohort(const std::filesystem::path& root, const SplitOptions& split,
                              bool wholeCohort) {
    auto folder = std::make_shared<const CohortFolder>(readCohortFolder(root));
    CohortSource source;
    source.name = root.string();
    source.cases = folder->cases;
    if (!wholeCohort) {
        source.split =
            models::splitCohort(folder->cases, split.cutoff, split.validationCount, split.seed);
    }
    source.manifestSha256 = folder->manifestSha256;
    source.load = [folder](std::size_t i) {
        return loadCohortPatient(folder->root, folder->cases.at(i).patientId);
    };
    return source;
}

CohortSource openDatabaseCohort(const std::string& databasePath, const CohortFilter& filter,
                                const SplitOptions& split, bool wholeCohort) {
    DatabaseCohort selected;
    {
        db::PatientDatabase database(databasePath, db::OpenMode::ReadOnly);
        selected = selectDatabaseCohort(database, filter);
    }
    auto cohort = std::make_shared<const DatabaseCohort>(std::move(selected));
    CohortSource source;
    source.name = databasePath;
    source.cases = splitCases(*cohort, split.externalSite);
    if (!wholeCohort) {
        source.split = splitDatabaseCohort(*cohort, split);
    }
    source.manifestSha256 = cohortManifestSha256(*cohort);
    source.load = [cohort, databasePath](std::size_t i) {
        const EligiblePatient& patient = cohort->patients.at(i);
        try {
            return loadDatabasePatient(databasePath, patient);
        } catch (const std::exception& error) {
            const std::string what = error.what();
            if (what.rfind("patient " + patient.patientId, 0) == 0) {
                throw; // names the patient already
            }
            throw std::runtime_error("patient " + patient.patientId + ": " + what);
        }
    };
    return source;
}

models::SliceDataset prepareSlices(const CohortSource& source,
                                   const std::vector<std::size_t>& indices,
                                   ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                                   ProgressSink& progress) {
    return prepareSlices(
        indices.size(),
        [&](std::size_t n) {
            const models::CohortCase& c = source.cases.at(indices[n]);
            return TrainingPatient{c.patientId, c.egfrMutant, source.load(indices[n])};
        },
        preprocessing, freeSlicesPerPatient, progress);
}

} // namespace metis::workflow
