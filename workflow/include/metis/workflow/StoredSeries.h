#pragma once

#include "metis/database/PatientDatabase.h"
#include "metis/imaging/DicomSeriesReader.h"

#include <cstdint>

namespace metis::workflow {

/// The stored DICOM files of a series assembled into one series description (grid, slices,
/// UIDs). Throws std::runtime_error naming the first missing or unreadable stored file: a lost
/// slice must never become a silent gap.
imaging::SeriesInfo scanStoredSeries(db::PatientDatabase& database, std::int64_t seriesId);

} // namespace metis::workflow
