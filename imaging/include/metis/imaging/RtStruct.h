#pragma once

#include "metis/core/Contours.h"
#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"
#include "metis/imaging/DicomSeriesReader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace metis::imaging {

/// What an RTSTRUCT needs to know about the image series its contours lie on: the patient and
/// study it copies, the UIDs it references and the grid that maps contours to slices.
struct ReferencedSeries {
    // Patient module (copied verbatim; empty values are written as empty type-2 attributes)
    std::string specificCharacterSet;
    std::string patientName;
    std::string patientId;
    std::string patientBirthDate;
    std::string patientSex;
    std::string patientIdentityRemoved; ///< "YES"/"NO"; written only when set
    std::string deidentificationMethod; ///< written only when set
    // General study module
    std::string studyInstanceUid;
    std::string studyDate;
    std::string studyTime;
    std::string studyId;
    std::string accessionNumber;
    std::string referringPhysicianName;
    std::string studyDescription;
    // The referenced image series
    std::string seriesInstanceUid;
    std::string frameOfReferenceUid;
    std::string positionReferenceIndicator;
    std::string sopClassUid = "1.2.840.10008.5.1.4.1.1.4"; ///< MR Image Storage
    std::vector<std::string> sopInstanceUids;              ///< one per slice k of `geometry`
    ImageGeometry geometry;
};

/// Fills the patient, study and position-reference fields of `series` from the header of one
/// of its image files.
/// Throws std::runtime_error naming the file when it cannot be read.
void readPatientAndStudy(const std::filesystem::path& imageFile, ReferencedSeries& series);
/// The UIDs, patient, study and grid an RTSTRUCT on `series` refers to; slots of slices missing
/// from the series stay empty. Throws std::runtime_error listing the series' problems when it
/// cannot be assembled into a grid.
ReferencedSeries referencedSeriesOf(const SeriesInfo& series);

struct RtStructWriteOptions {
    std::string structureSetLabel = "METIS_GTV";
    std::string structureSetName;
    std::string seriesDescription = "Metis GTV contours";
    int seriesNumber = 901;
    /// Marks the object as synthetic (series description prefix and structure set description),
    /// for phantom data.
    bool synthetic = false;
    std::string manufacturer = "Metis";
    std::string softwareVersions;
    std::string seriesInstanceUid; ///< empty: a new UID
    std::string sopInstanceUid;    ///< empty: a new UID
};

struct RtStructWriteResult {
    std::string sopInstanceUid;
    /// One line per contour that lies on a slice missing from the referenced series: written
    /// without an image reference (Contour Image Sequence is optional), never dropped.
    std::vector<std::string> warnings;
};

/// Writes RT Structure Set objects with the full reference chain that treatment-planning
/// systems need (PHANTOM.md section 8).
class RtStructWriter {
public:
    explicit RtStructWriter(RtStructWriteOptions options = {});

    /// Throws std::invalid_argument for a structure set the standard or planning systems reject
    /// (ROI names not unique, non-ASCII or over 16 characters; contours with fewer than 3
    /// points, off the slices or outside the series), std::runtime_error naming the file when
    /// writing fails. `series.sopInstanceUids` may hold empty slots for slices missing from the
    /// series (at least one must be present).
    RtStructWriteResult write(const StructureSet& structures, const ReferencedSeries& series,
                              const std::filesystem::path& file) const;

private:
    RtStructWriteOptions options_;
};

/// The content of an RTSTRUCT file.
struct RtStructFile {
    std::filesystem::path path;
    std::string sopInstanceUid;
    std::string seriesInstanceUid;
    std::string studyInstanceUid;
    std::string patientId;
    std::string patientName;
    std::string frameOfReferenceUid; ///< from ReferencedFrameOfReferenceSequence
    std::vector<std::string> referencedSeriesInstanceUids;
    std::vector<std::string> referencedSopInstanceUids; ///< ContourImageSequence entries
    StructureSet structures;
};

class RtStructReader {
public:
    /// Reads every ROI with its closed planar contours (open contours and points are skipped).
    /// Throws std::runtime_error naming the file and the problem for files that are not
    /// RTSTRUCTs, are corrupt, or hold a closed contour with fewer than 3 points or a point
    /// count that does not match its ContourData.
    static RtStructFile read(const std::filesystem::path& file);
};

/// Whether an ROI is a gross tumour volume: RTROIInterpretedType GTV, or a name such as
/// "GTV*", "*tumour*", "*tumor*", "*met*" or "*lesion*" (case-insensitive) unless its type or
/// a PTV/CTV/ITV prefix says it is something else. "Brain", "External", "Skull", "BODY" are not.
bool isGtvRoi(const StructureRoi& roi);

/// The GTV ROIs of `set`, in order. A union ROI ("GTV_ALL", "*_UNION", ...) is left out when
/// per-lesion ROIs are present, so lesion k stays lesion k.
StructureSet selectGtvRois(const StructureSet& set);

/// Rasterises the GTV ROIs of `rtstruct` onto the grid of `series` (lesion ROI k -> value k, or
/// 1 for every GTV voxel with RoiLabelling::Union). Throws std::runtime_error when the RTSTRUCT
/// references another series or frame of reference, or holds no GTV ROI.
LabelMap gtvLabelMap(const RtStructFile& rtstruct, const ReferencedSeries& series,
                     RoiLabelling labelling);

} // namespace metis::imaging
