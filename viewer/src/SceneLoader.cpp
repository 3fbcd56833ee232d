#include "metis/viewer/SceneLoader.h"

#include "metis/core/Progress.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/VolumeIO.h"

#include <stdexcept>

namespace metis::viewer {

ImageVolume loadViewerImage(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        throw std::runtime_error("viewer: " + path.string() + " does not exist");
    }
    if (!std::filesystem::is_directory(path, error)) {
        return imaging::readImage(path);
    }
    NullProgressSink progress;
    const imaging::SeriesScan scan = imaging::scanDicomFolder(path, progress);
    const imaging::SeriesInfo* series = scan.largestLoadableSeries();
    if (!series) {
        throw std::runtime_error("viewer: no loadable DICOM image series in " + path.string());
    }
    return imaging::loadSeries(*series, progress);
}

ViewerScene loadViewerScene(const std::filesystem::path& image,
                            const std::filesystem::path& manualGtv,
                            const std::filesystem::path& predictedGtv) {
    ViewerScene scene;
    scene.image = std::make_shared<ImageVolume>(loadViewerImage(image));
    if (!manualGtv.empty()) {
        scene.overlays.push_back(
            manualGtvLayer(std::make_shared<LabelMap>(imaging::readLabelMap(manualGtv))));
    }
    if (!predictedGtv.empty()) {
        scene.overlays.push_back(
            predictedGtvLayer(std::make_shared<LabelMap>(imaging::readLabelMap(predictedGtv))));
    }
    return scene;
}

} // namespace metis::viewer
