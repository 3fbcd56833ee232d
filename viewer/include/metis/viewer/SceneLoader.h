#pragma once

#include "metis/viewer/SliceRenderer.h"

#include <filesystem>

namespace metis::viewer {

/// An image (a volume file or a DICOM folder, read by imaging::loadImage: the loadable series
/// with most slices) with its manual and predicted GTV label maps (either path may be empty), with
/// the default overlay styles (manual yellow, predicted green). Label maps on another grid than the
/// image are fine for display: every layer is resliced in patient space.
ViewerScene loadViewerScene(const std::filesystem::path& image,
                            const std::filesystem::path& manualGtv = {},
                            const std::filesystem::path& predictedGtv = {});

} // namespace metis::viewer
