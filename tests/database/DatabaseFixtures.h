#pragma once
// Sets up and reads patient databases for tests through the library's public API only, the way
// the workstation fills them (an import, a saved contour). Tests that simulate damage done
// behind the product's back open the file with a connection of their own instead.
#include "metis/database/Importer.h"
#include "metis/imaging/VolumeIO.h"

#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace fixtures {

/// Imports a uniform research volume on `grid` as the one series of patient `patientId` (the
/// file goes to `root/patientId/image.nii.gz`; the folder names the patient) and returns the
/// series id.
inline std::int64_t importVolumeSeries(metis::db::PatientDatabase& db,
                                       const std::filesystem::path& root,
                                       const std::string& patientId,
                                       const metis::ImageGeometry& grid) {
    const std::filesystem::path folder = root / patientId;
    std::filesystem::create_directories(folder);
    metis::imaging::writeImage(metis::ImageVolume(grid, 100.0f), folder / "image.nii.gz");
    metis::NullProgressSink quiet;
    const auto report = metis::db::importPaths(db, {folder.string()}, {}, quiet);
    const auto series = db.seriesOfPatient(patientId);
    if (report.seriesImported != 1 || series.size() != 1) {
        throw std::runtime_error("the volume of " + patientId + " was not imported");
    }
    return series.front().id;
}

/// Series whose stored instance rows differ in number from what the series declares: none in a
/// database that no import left half-written.
inline std::vector<std::string> seriesWithWrongInstanceCount(metis::db::PatientDatabase& db) {
    metis::db::PatientQuery everyone;
    everyone.limit = std::numeric_limits<int>::max();
    std::vector<std::string> wrong;
    for (const auto& patient : db.listPatients(everyone).rows) {
        for (const auto& series : db.seriesOfPatient(patient.patientId)) {
            if (db.instanceFiles(series.id).size() !=
                static_cast<std::size_t>(series.instanceCount)) {
                wrong.push_back(series.seriesUid);
            }
        }
    }
    return wrong;
}

} // namespace fixtures
