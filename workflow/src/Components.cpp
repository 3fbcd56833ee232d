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
        {"LibTorch",
         runtime.torchVersion + (runtime.cudaBuildVersion.empty()
                                     ? std::string(" (CPU-only build)")
                                     : " (built with CUDA " + runtime.cudaBuildVersion + ")")},
        {"CUDA", runtime.cudaAvailable
                     ? "usable (" + std::to_string(runtime.cudaDeviceCount) + " device(s))"
                     : std::string("not usable (no NVIDIA driver or GPU here; the CPU is used)")},
    };
}

} // namespace metis::workflow
