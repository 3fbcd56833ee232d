#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Progress.h"
#include "metis/core/Volume.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace metis::imaging {

enum class DicomIssueSeverity { Note, Warning, Error };

std::string toString(DicomIssueSeverity severity);

/// A problem found while scanning or checking a series. `code` is stable and machine-readable
/// (e.g. "missing-slices", "duplicate-instance"); `message` names the series and the files.
struct DicomIssue {
    DicomIssueSeverity severity = DicomIssueSeverity::Warning;
    std::string code;
    std::string message;
    std::vector<std::string> files;
};

/// A file that looked like DICOM but could not be used (truncated, corrupt, unreadable).
struct DicomFileError {
    std::string path;
    std::string message;
};

/// A DICOM object without pixel data (RTSTRUCT, SR, ...): listed, not loaded.
struct DicomObjectInfo {
    std::string path;
    std::string sopClassUid;
    std::string sopInstanceUid;
    std::string modality;
    std::string studyInstanceUid;
    std::string seriesInstanceUid;
};

/// One image instance (one slice) of a series, as scanned from its header.
struct DicomSliceInfo {
    std::string path;
    std::string sopInstanceUid;
    std::string transferSyntaxUid;
    int instanceNumber = 0;
    Vec3 imagePosition{0, 0, 0};
    /// Position along the slice normal (mm): the sort key.
    double normalPosition = 0.0;
    /// Index k of this slice in the loaded volume (gaps left by missing slices are skipped).
    std::int64_t sliceIndex = 0;
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
};

/// Everything known about one series after a header scan. `slices` are in geometry order.
struct SeriesInfo {
    std::string seriesInstanceUid;
    std::string studyInstanceUid;
    std::string frameOfReferenceUid;
    std::string sopClassUid;
    std::string patientId;
    std::string patientName;
    std::string patientSex;       ///< M, F, O or empty
    std::string patientBirthDate; ///< YYYYMMDD or empty
    std::string studyDate;
    std::string modality;
    std::string seriesDescription;
    std::string manufacturer;
    int seriesNumber = 0;

    std::int64_t rows = 0;
    std::int64_t columns = 0;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    bool pixelsSigned = false;

    std::vector<DicomSliceInfo> slices;
    /// Valid when `loadable`: where the loaded voxels sit (LPS).
    ImageGeometry geometry;
    /// False when an Error issue makes the series impossible to assemble, or for a localizer.
    bool loadable = false;
    /// A localizer (scout) series: listed with a note, never loaded or imported.
    bool localizer = false;
    std::vector<DicomIssue> issues;

    std::vector<std::string> sopInstanceUids() const; ///< geometry order
    bool hasErrors() const;
    /// One line: number, description, size, modality and UID.
    std::string describe() const;
};

struct SeriesScan {
    std::string root;
    std::size_t filesExamined = 0;
    std::vector<SeriesInfo> series;
    std::vector<DicomObjectInfo> nonImageObjects;
    /// Files that are not DICOM at all (skipped with a note, not an error).
    std::vector<std::string> skippedFiles;
    std::vector<DicomFileError> fileErrors;

    /// nullptr when absent.
    const SeriesInfo* findSeries(const std::string& seriesInstanceUid) const;
    /// The loadable series with most slices; nullptr when none is loadable.
    const SeriesInfo* largestLoadableSeries() const;
};

/// Reads the headers (not the pixels) of every file under `path` (a folder, searched
/// recursively, or one file) and groups image instances into series ordered along the slice
/// normal. Never throws for bad files: they become `fileErrors` or `skippedFiles`. Throws
/// std::runtime_error when `path` does not exist, OperationCancelled when cancelled.
SeriesScan scanDicomFolder(const std::filesystem::path& path, ProgressSink& progress);

/// The same for an explicit list of files (e.g. the instances of one series in managed storage).
SeriesScan scanDicomFiles(std::vector<std::filesystem::path> files, ProgressSink& progress);

/// Decodes the pixels of a scanned series (any transfer syntax DCMTK decodes: native,
/// JPEG, JPEG-LS, RLE) into physical values (RescaleSlope/Intercept applied, per slice).
/// Slots left by missing slices are zero. Throws std::runtime_error naming the series and the
/// file for an unloadable series or an unreadable slice.
ImageVolume loadSeries(const SeriesInfo& series, ProgressSink& progress);

} // namespace metis::imaging
