// DICOM series load time next to dcm2niix's on the same files in the same run: a 512 x 512 x 300
// int16 series (about 150 MB), written by Metis into a temporary folder and removed afterwards.
#include "BenchStats.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/DicomSeriesWriter.h"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace fs = std::filesystem;
using namespace metis;

namespace {

/// Removes the benchmark's folder whatever happens.
struct TemporaryFolder {
    fs::path path;
    TemporaryFolder() {
        path = fs::temp_directory_path() /
               ("metis-bench-dicom-" + std::to_string(std::random_device{}()));
        fs::create_directories(path);
    }
    ~TemporaryFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

} // namespace

int main() {
    TemporaryFolder folder;
    const fs::path dicom = folder.path / "dicom";
    ImageGeometry geometry;
    geometry.size = {512, 512, 300};
    geometry.spacing = {0.47, 0.47, 0.6};
    ImageVolume volume(geometry, 0.0f);
    std::mt19937 random(3);
    std::uniform_int_distribution<int> noise(-20, 20);
    for (std::size_t n = 0; n < volume.data().size(); ++n) {
        volume.data()[n] =
            static_cast<float>(static_cast<int>(n % 512 + n / 512 % 512) + noise(random));
    }
    NullProgressSink progress;
    const double writeStart = bench::nowMs();
    imaging::writeDicomSeries(volume, dicom, {}, progress);
    std::printf("wrote 512 x 512 x 300 int16 series in %.0f ms\n", bench::nowMs() - writeStart);

    const std::string dcm2niix = "dcm2niix -z n -b n -f out -o '" + (folder.path / "out").string() +
                                 "' '" + dicom.string() + "' > /dev/null 2>&1";
    fs::create_directories(folder.path / "out");
    const bool haveDcm2niix = std::system("command -v dcm2niix > /dev/null 2>&1") == 0;

    std::vector<double> scanMs, metisMs, dcm2niixMs;
    for (int run = 0; run < 3; ++run) {
        const double start = bench::nowMs();
        const auto scan = imaging::scanDicomFolder(dicom, progress);
        scanMs.push_back(bench::nowMs() - start);
        const auto* series = scan.largestLoadableSeries();
        if (!series) {
            std::fprintf(stderr, "the written series did not scan as loadable\n");
            return 1;
        }
        const ImageVolume loaded = imaging::loadSeries(*series, progress);
        metisMs.push_back(bench::nowMs() - start);
        if (loaded.data() != volume.data()) {
            std::fprintf(stderr, "loaded voxels differ from the written ones\n");
            return 1;
        }
        if (haveDcm2niix) {
            const double toolStart = bench::nowMs();
            if (std::system(dcm2niix.c_str()) != 0) {
                std::fprintf(stderr, "dcm2niix failed\n");
                return 1;
            }
            dcm2niixMs.push_back(bench::nowMs() - toolStart);
        }
    }
    bench::printSummary("Metis header scan, 300 files", scanMs);
    bench::printSummary("Metis scan + load 512x512x300", metisMs);
    if (haveDcm2niix) {
        bench::printSummary("dcm2niix -z n (convert + write NIfTI)", dcm2niixMs);
        std::printf("ratio Metis / dcm2niix (median): %.2f\n",
                    bench::percentile(metisMs, 0.5) / bench::percentile(dcm2niixMs, 0.5));
    } else {
        std::printf("dcm2niix not on PATH: no comparison\n");
    }
    return 0;
}
