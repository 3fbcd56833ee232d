#pragma once
// The steps of importPaths (Importer.cpp), one source file each: DICOM image series, RTSTRUCTs
// and research volumes. Each step copies its files into managed storage first, then records
// them in one transaction of its own and counts what it did in the report.
#include "metis/core/ImageGeometry.h"
#include "metis/core/Progress.h"
#include "metis/database/Importer.h"
#include "metis/imaging/DicomSeriesReader.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace metis::db::importer {

/// True when the series is in the database with as many instances as the scan found.
bool seriesAlreadyComplete(PatientDatabase& db, const imaging::SeriesInfo& series);

/// Copies the series' files into storage, then records the whole series in one transaction.
/// Reports progress from `progressFrom` to `progressTo` of `scope`.
void importSeries(PatientDatabase& db, const imaging::SeriesInfo& series,
                  const std::string& username, ImportReport& report, ProgressScope& scope,
                  double progressFrom, double progressTo);

/// An RTSTRUCT whose image series is not in the database (yet).
class ImageSeriesNotImported : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Records an RTSTRUCT as an imported structure set of the image series it references; throws
/// ImageSeriesNotImported when that series is not in the database.
void importRtStruct(PatientDatabase& db, const imaging::DicomObjectInfo& object,
                    const std::string& username, ImportReport& report);

/// Whether a research volume's file name marks it as a mask (seg, label, gtv, ...), which is
/// imported after every image because it attaches to one.
bool isResearchMask(const std::filesystem::path& path);

/// A NIfTI/NRRD image as a series of its own, under the patient its name or folder gives.
void importResearchImage(PatientDatabase& db, const std::filesystem::path& path,
                         const std::string& username, ImportReport& report);

/// A NIfTI/NRRD label map as an imported structure set of the same patient's image on its grid.
void importResearchMask(PatientDatabase& db, const std::filesystem::path& path,
                        const std::string& username, ImportReport& report);

/// A series' grid as stored in series.geometry_json.
std::string geometryJson(const ImageGeometry& g);
/// Inverse of geometryJson, read with core's JSON reader (locale-independent); nullopt when the
/// text is not such a grid.
std::optional<ImageGeometry> parseGeometryJson(const std::string& json);

} // namespace metis::db::importer
