#include "CommandLine.h"
#include "InferenceArguments.h"
#include "metis/core/Version.h"
#include "metis/models/TorchRuntime.h"

#ifdef METIS_CLI_FULL
#include "metis/database/SqliteDatabase.h"
#include "metis/imaging/ImagingLibraries.h"
#include "metis/workflow/Components.h"
#endif

#include <cstdio>
#include <iostream>
#include <utility>
#include <vector>

namespace metis::cli {
namespace {

int printVersion() {
#ifdef METIS_CLI_FULL
    const auto components = workflow::componentVersions();
#else
    // The headless build has no imaging, database or GUI layer.
    const auto runtime = models::initialiseRuntime();
    std::vector<std::pair<std::string, std::string>> components{{"Metis", metisVersion()}};
    for (const char* absent : {"Qt", "VTK", "ITK", "DCMTK", "SQLite"}) {
        components.emplace_back(absent, "not in this build (METIS_WITH_IMAGING=OFF)");
    }
    components.emplace_back("LibTorch", models::describeLibTorch(runtime));
    components.emplace_back("CUDA", models::describeCuda(runtime));
#endif
    for (const auto& [component, description] : components) {
        std::cout << (component == "Metis" ? component + " "
                                           : component + std::string(9 - component.size(), ' '))
                  << description << "\n";
    }
    return 0;
}

struct SelfCheckOptions {
    models::ComputeDevice device = models::ComputeDevice::Auto;
};

int selfCheck(const SelfCheckOptions& options) {
    const auto runtime = models::initialiseRuntime();
    std::cout << "Metis " << metisVersion() << " self-check\n";
    std::cout << "  " << models::describe(runtime) << "\n";
    const auto check = models::runForwardCheck(models::toString(options.device));
    std::cout << "  forward pass on " << check.device << ": sum " << check.outputSum
              << " (expected " << check.expectedSum << ") " << (check.ok ? "OK" : "FAILED") << "\n";
    bool ok = check.ok;
    if (!runtime.blasIsOptimised && !runtime.cudaAvailable) {
        std::cout << "  WARNING: no optimised BLAS loaded; CPU inference will be slow\n";
    }
#ifdef METIS_CLI_FULL
    try {
        const bool dbOk = db::sqliteWorks();
        std::cout << "  SQLite " << db::sqliteVersion() << ": " << (dbOk ? "OK" : "FAILED") << "\n";
        ok = ok && dbOk;
    } catch (const std::exception& e) {
        std::cout << "  SQLite FAILED: " << e.what() << "\n";
        ok = false;
    }
#endif
    std::cout << (ok ? "self-check passed" : "self-check FAILED") << "\n";
    return ok ? 0 : 1;
}

} // namespace

void registerSystemCommands(CommandLine& commands) {
    commands.add("version", "print Metis's version and its libraries' versions", printVersion);
    commands.addShortcut("--version", "version");
    auto [selfCheckCommand, selfCheckOptions] = commands.add(
        "self-check", "check that the runtime computes correctly on this machine", selfCheck);
    addDeviceOption(selfCheckCommand, selfCheckOptions.device);
}

} // namespace metis::cli
