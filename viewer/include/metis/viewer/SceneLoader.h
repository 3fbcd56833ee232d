#pragma once

#include "metis/viewer/SliceRenderer.h"

#include <filesystem>

namespace metis::viewer {

/// Reads the image to view: a volume file (NIfTI, NRRD, MetaImage) or a DICOM folder, of which
/// the loadable series with most slices is shown. Throws std::runtime_error naming the path and
/// the problem (missing, unreadable, no loadable series).
ImageVolume loadViewerImage(const std::filesystem::path& path);

/// An image with its manual and predicted GTV label maps (either path may be empty), with the
/// default overlay styles (manual yellow, predicted green). Label maps on another grid than the
/// image are fine for display: every layer is resliced in patient space.
ViewerScene loadViewerScene(const std::filesystem::path& image,
                            const std::filesystem::path& manualGtv = {},
                            const std::filesystem::path& predictedGtv = {});

} // namespace metis::viewer
