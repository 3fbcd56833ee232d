#include "metis/workflow/CohortFolder.h"

#include "metis/core/ClinicalTable.h"
#include "metis/core/ParallelFor.h"
#include "metis/core/Sha256.h"
#include "metis/imaging/ImageLoading.h"
#include "metis/imaging/VolumeIO.h"

#include <initializer_list>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace metis::workflow {
namespace {

namespace fs = std::filesystem;

fs::path firstExisting(const fs::path& dir, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (fs::exists(dir / name)) {
            return dir / name;
        }
    }
    return {};
}

} // namespace

CohortFolder readCohortFolder(const fs::path& root) {
    const fs::path csvPath = root / "clinical.csv";
    const ClinicalTable table = readClinicalTable(csvPath);
    if (!table.problems.empty()) {
        throw std::runtime_error(csvPath.string() + " line " +
                                 std::to_string(table.problems.front().line) + ": " +
                                 table.problems.front().message);
    }
    CohortFolder folder;
    folder.root = root;
    folder.manifestSha256 = sha256OfFile(csvPath.string());
    for (const auto& row : table.rows) {
        if (row.diagnosisDate.empty()) {
            throw std::runtime_error(csvPath.string() + " line " + std::to_string(row.line) +
                                     ": no diagnosis date (the split into training and test "
                                     "patients is by date)");
        }
        models::CohortCase c;
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

CohortPatient loadCohortPatient(const fs::path& root, const std::string& patientId) {
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
    CohortPatient patient;
    const fs::path imagePath = firstExisting(dir, {"image.nii.gz", "image.nii", "t1ce.nii.gz"});
    NullProgressSink quiet;
    patient.series = imaging::loadImage(imagePath.empty() ? dir : imagePath, std::nullopt, quiet);
    patient.gtv = imaging::readLabelMap(maskPath);
    if (!patient.series.geometry().sameGridAs(patient.gtv.geometry())) {
        throw std::runtime_error(maskPath.string() + ": not on the grid of patient " + patientId +
                                 "'s series");
    }
    return patient;
}

models::SliceDataset prepareSlices(std::size_t count, const TrainingPatientLoader& load,
                                   ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                                   ProgressSink& progress) {
    preprocessing.threads = 1; // one patient per thread instead
    std::vector<models::SliceDataset> patients(count, models::SliceDataset(preprocessing));
    ProgressScope scope(progress, "Preparing slices");
    forEachIndex(
        count, 0,
        [&](std::size_t n) {
            const TrainingPatient patient = load(n);
            patients[n].addPatient(patient.patientId, patient.data.series, patient.data.gtv,
                                   patient.egfrMutant, freeSlicesPerPatient);
        },
        [&](std::size_t done) {
            scope.step(count == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(count),
                       std::to_string(done) + " / " + std::to_string(count) + " patients");
        });
    models::SliceDataset data(preprocessing);
    for (const models::SliceDataset& patient : patients) {
        data.append(patient);
    }
    return data;
}

models::SliceDataset prepareSlices(const CohortFolder& folder,
                                   const std::vector<std::size_t>& indices,
                                   ModelGridOptions preprocessing, std::size_t freeSlicesPerPatient,
                                   ProgressSink& progress) {
    return prepareSlices(
        indices.size(),
        [&](std::size_t n) {
            const models::CohortCase& c = folder.cases[indices[n]];
            return TrainingPatient{c.patientId, c.egfrMutant,
                                   loadCohortPatient(folder.root, c.patientId)};
        },
        preprocessing, freeSlicesPerPatient, progress);
}

} // namespace metis::workflow
