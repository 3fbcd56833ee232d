#include "metis/workflow/Components.h"

#include "metis/core/Version.h"
#include "metis/database/SqliteDatabase.h"
#include "metis/imaging/ImagingLibraries.h"
#include "metis/models/TorchRuntime.h"

namespace metis::workflow {

std::vector<std::pair<std::string, std::string>> componentVersions() {
    const auto runtime = models::initialiseRuntime();
    return {
        {"Metis", metisVersion()},
        {"Qt", qtBuildVersion() + " (build)"},
        {"VTK", vtkBuildVersion() + " (build)"},
        {"ITK", imaging::itkVersion()},
        {"DCMTK", imaging::dcmtkVersion()},
        {"SQLite", db::sqliteVersion()},
        {"LibTorch", models::describeLibTorch(runtime)},
        {"CUDA", models::describeCuda(runtime)},
    };
}

} // namespace metis::workflow
