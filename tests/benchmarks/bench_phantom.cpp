// Phantom generator speed: seconds per patient for a 3D (GE BRAVO, 0.47 mm reconstruction) and
// a 2D (GE spin echo, 5 mm) acquisition, rendering and writing (DICOM, RTSTRUCT, truth NIfTI)
// on one thread, plus the template load and a sampling-only `paper` cohort.
#include "BenchStats.h"
#include "metis/phantom/Phantom.h"

#include <cstdio>
#include <filesystem>

using namespace metis::phantom;

int main() {
    double start = bench::nowMs();
    const auto anatomy = loadPhantomAnatomy();
    std::printf("template load and derived maps: %.2f s\n", (bench::nowMs() - start) / 1000);

    PhantomCohortOptions options;
    options.preset = "paper";
    start = bench::nowMs();
    const PhantomCohort paper = samplePhantomCohort(options, *anatomy);
    std::printf("sampling the paper cohort (%zu patients, no images): %.2f s\n",
                paper.patients.size(), (bench::nowMs() - start) / 1000);

    options.preset = "demo";
    options.patients = 3;
    PhantomCohort cohort = samplePhantomCohort(options, *anatomy);
    const auto directory = std::filesystem::temp_directory_path() / "metis_bench_phantom";
    for (const auto mode : {AcquisitionMode::ThreeD, AcquisitionMode::TwoD}) {
        std::vector<double> seconds;
        for (auto& patient : cohort.patients) {
            patient.acquisition = sampleAcquisition(PhantomVendor::GE, mode, patient.seed);
        }
        PhantomOutputOptions output;
        output.directory = directory;
        output.threads = 1;
        for (const auto& outcome : writePhantomCohort(cohort, *anatomy, output, {})) {
            seconds.push_back(outcome.seconds);
        }
        std::printf(
            "%s GE acquisition: seconds per patient median %.2f, max %.2f (n=%zu, one thread)\n",
            mode == AcquisitionMode::ThreeD ? "3D" : "2D", bench::percentile(seconds, 0.5),
            bench::percentile(seconds, 1.0), seconds.size());
        std::filesystem::remove_all(directory);
    }
    return 0;
}
