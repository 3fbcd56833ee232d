#include "metis/imaging/ImageLoading.h"

#include "metis/imaging/VolumeIO.h"

#include <stdexcept>

namespace metis::imaging {

ImageVolume loadImage(const std::filesystem::path& path,
                      const std::optional<std::string>& seriesUid, ProgressSink& progress) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        throw std::runtime_error(path.string() + ": no such file or folder");
    }
    if (!std::filesystem::is_directory(path, error)) {
        if (!isVolumeFile(path)) {
            throw std::runtime_error(path.string() +
                                     ": not a volume file (NIfTI, NRRD, MHA) nor a DICOM folder");
        }
        return readImage(path);
    }
    const SeriesScan scan = scanDicomFolder(path, progress);
    return loadSeries(chooseSeries(scan, seriesUid, path), progress);
}

std::string listSeries(const SeriesScan& scan) {
    std::string found;
    for (const auto& series : scan.series) {
        found += "\n  " + series.describe();
    }
    return found.empty() ? std::string(" none") : found;
}

const SeriesInfo& chooseSeries(const SeriesScan& scan, const std::optional<std::string>& seriesUid,
                               const std::filesystem::path& folder) {
    const SeriesInfo* chosen =
        seriesUid ? scan.findSeries(*seriesUid) : scan.largestLoadableSeries();
    if (!chosen) {
        throw std::runtime_error((seriesUid ? "no series " + *seriesUid + " under "
                                            : "no loadable image series under ") +
                                 folder.string() + "; series found:" + listSeries(scan));
    }
    return *chosen;
}

} // namespace metis::imaging
