#include "metis/viewer/SceneLoader.h"

#include "metis/core/Progress.h"
#include "metis/imaging/ImageLoading.h"
#include "metis/imaging/VolumeIO.h"

#include <stdexcept>

namespace metis::viewer {

ViewerScene loadViewerScene(const std::filesystem::path& image,
                            const std::filesystem::path& manualGtv,
                            const std::filesystem::path& predictedGtv) {
    ViewerScene scene;
    NullProgressSink quiet;
    scene.image = std::make_shared<ImageVolume>(imaging::loadImage(image, std::nullopt, quiet));
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
