#pragma once

#include "metis/database/PatientDatabase.h"
#include "metis/imaging/DicomSeriesReader.h"

#include <cstdint>
#include <map>
#include <string>

namespace metis::workflow {

/// The stored DICOM files of a series assembled into one series description (grid, slices,
/// UIDs). Throws std::runtime_error naming the first missing or unreadable stored file: a lost
/// slice must never become a silent gap.
imaging::SeriesInfo scanStoredSeries(db::PatientDatabase& database, std::int64_t seriesId);

/// The lesions of a stored structure set version as a label map on its series' grid, one value
/// per lesion: lesion-numbered maps as they are, other label conventions split into connected
/// lesions, RTSTRUCT versions rasterised per ROI. `series` (the series' scan) is needed only for
/// an RTSTRUCT version and is scanned when not given. `lesionNames`, when given, receives the
/// names of an RTSTRUCT version's lesion ROIs by label value (empty for a label map: its lesions
/// go by lesionRoiName). Throws naming the problem.
LabelMap loadStructureSetLabels(db::PatientDatabase& database,
                                const db::StructureSetVersion& version,
                                const imaging::SeriesInfo* series = nullptr,
                                std::map<int, std::string>* lesionNames = nullptr);

} // namespace metis::workflow
