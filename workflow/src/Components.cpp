#include "metis/workflow/Components.h"

#include "metis/core/Version.h"
#include "metis/database/SqliteDatabase.h"
#include "metis/imaging/ImagingLibraries.h"
#include "metis/models/TorchRuntime.h"

namespace metis::workflow {

namespace {

// Qt and VTK are known only to builds with the GUI (METIS_WITH_GUI).
std::string buildVersion(const std::string& version) {
    return version.empty() ? "not in this build (METIS_WITH_GUI=OFF)" : version + " (build)";
}

} // namespace

std::vector<std::pair<std::string, std::string>> componentVersions() {
    const auto runtime = models::initialiseRuntime();
    return {
        {"Metis", metisVersion()},
        {"Qt", buildVersion(qtBuildVersion())},
        {"VTK", buildVersion(vtkBuildVersion())},
        {"ITK", imaging::itkVersion()},
        {"DCMTK", imaging::dcmtkVersion()},
        {"SQLite", db::sqliteVersion()},
        {"LibTorch", models::describeLibTorch(runtime)},
        {"CUDA", models::describeCuda(runtime)},
    };
}

} // namespace metis::workflow
