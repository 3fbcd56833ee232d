// Launch figure: wall time from starting the real `metis` executable on a 10,000-patient
// database until its main window is on screen with the patient browser's first page filled
// (`--exit-when-ready`), median of 3 launches.
#include "BenchStats.h"
#include "metis/database/PatientDatabase.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace metis;

namespace {

// The same cohort as bench_database's browser figure: ids, names, diagnosis dates, EGFR labels.
void generatePatients(const fs::path& databasePath, int patients) {
    db::PatientDatabase database(databasePath.string());
    for (int p = 0; p < patients; ++p) {
        char id[16];
        std::snprintf(id, sizeof id, "P%05d", p);
        const auto ref = database.upsertPatient({id, std::string("NAME^") + id, "", ""});
        char date[16];
        std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 18 + p % 5, 1 + p % 12, 1 + p % 28);
        database.setClinicalLabel(ref, p % 3 ? db::EgfrStatus::Mutant : db::EgfrStatus::WildType,
                                  date, "csv");
    }
}

// CPU seconds (user + system) used by finished child processes so far; less sensitive than wall
// time to other work on a shared machine.
double childCpuMs() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

struct Launches {
    std::vector<double> wallMs, cpuMs;
};

} // namespace

int main() {
    const fs::path root =
        fs::temp_directory_path() / ("metis-bench-launch-" + std::to_string(::getpid()));
    fs::create_directories(root / "config");
    const fs::path databasePath = root / "metis.db";
    double start = bench::nowMs();
    generatePatients(databasePath, 10000);
    std::printf("generated 10,000 patients in %.1f s\n", (bench::nowMs() - start) / 1000);

    const char* display = std::getenv("DISPLAY");
    const std::string platform = display && *display ? "xcb" : "offscreen";
    if (platform == "offscreen") {
        std::printf("no DISPLAY: measuring with the offscreen platform (no real X server)\n");
    }
    // A private settings folder: no window geometry or language from the user's own sessions.
    const auto launchMs = [&](const fs::path& database) {
        const std::string command = "XDG_CONFIG_HOME='" + (root / "config").string() +
                                    "' QT_QPA_PLATFORM=" + platform +
                                    " '" METIS_GUI_EXECUTABLE "' --db '" + database.string() +
                                    "' --user oncologist --exit-when-ready";
        Launches launches;
        for (int run = 0; run < 3; ++run) {
            std::fflush(stdout);
            const double cpuBefore = childCpuMs();
            const double begin = bench::nowMs();
            const int status = std::system(command.c_str());
            launches.wallMs.push_back(bench::nowMs() - begin);
            launches.cpuMs.push_back(childCpuMs() - cpuBefore);
            if (status != 0) {
                std::fprintf(stderr, "metis exited with status %d: %s\n", status, command.c_str());
                std::exit(1);
            }
        }
        return launches;
    };
    // An empty database separates the executable's own start-up (libraries, Qt, the window)
    // from what 10,000 patients add.
    const auto empty = launchMs(root / "empty" / "metis.db");
    const auto full = launchMs(databasePath);
    bench::printSummary("launch to interactive window, empty database (wall; target <= 1500 ms)",
                        empty.wallMs);
    bench::printSummary("launch to interactive window, empty database (CPU)", empty.cpuMs);
    bench::printSummary(
        "launch to interactive window, 10,000-patient database (wall; target <= 1500 ms)",
        full.wallMs);
    bench::printSummary("launch to interactive window, 10,000-patient database (CPU)", full.cpuMs);
    fs::remove_all(root);
    return 0;
}
