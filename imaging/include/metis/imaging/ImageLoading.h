#pragma once

#include "metis/core/Progress.h"
#include "metis/core/Volume.h"

#include <filesystem>
#include <optional>
#include <string>

namespace metis::imaging {

/// The one way an image reaches the product from a path: a volume file (NIfTI, NRRD, MHA) is
/// read as it is; a folder is scanned for DICOM and the series `seriesUid` (or, without one, the
/// loadable series with most slices) is loaded. Errors name the path and, when a series is
/// missing, list the series that were found.
ImageVolume loadImage(const std::filesystem::path& path,
                      const std::optional<std::string>& seriesUid, ProgressSink& progress);

} // namespace metis::imaging
