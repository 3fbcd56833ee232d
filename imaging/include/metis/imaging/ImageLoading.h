#pragma once

#include "metis/core/Progress.h"
#include "metis/core/Volume.h"
#include "metis/imaging/DicomSeriesReader.h"

#include <filesystem>
#include <optional>
#include <string>

namespace metis::imaging {

/// The series of `scan`, one per line (each line starts with a newline and two spaces), or
/// " none": for error messages that say what was found.
std::string listSeries(const SeriesScan& scan);

/// The series `seriesUid` of `scan` (the scan of `folder`), or without one its loadable series
/// with most slices. Throws naming the folder and listing the series found when there is none.
const SeriesInfo& chooseSeries(const SeriesScan& scan, const std::optional<std::string>& seriesUid,
                               const std::filesystem::path& folder);

/// The one way an image reaches the product from a path: a volume file (NIfTI, NRRD, MHA) is
/// read as it is; a folder is scanned for DICOM and the series `seriesUid` (or, without one, the
/// loadable series with most slices) is loaded. Errors name the path and, when a series is
/// missing, list the series that were found.
ImageVolume loadImage(const std::filesystem::path& path,
                      const std::optional<std::string>& seriesUid, ProgressSink& progress);

} // namespace metis::imaging
