#pragma once

#include "metis/core/Progress.h"
#include "metis/core/Volume.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace metis::imaging {

/// A new DICOM UID of the form 2.25.<random UUID as a decimal integer> (ITU-T X.667).
std::string makeDicomUid();

/// Patient, study, series, frame-of-reference, equipment and MR acquisition attributes of a
/// written series (PHANTOM.md section 7). Empty UIDs are generated; an empty study date
/// becomes today's. Empty strings are written as empty type-2 attributes.
struct DicomSeriesMetadata {
    // Patient
    std::string patientName = "PHANTOM^0000";
    std::string patientId = "PHANTOM-0000";
    std::string patientBirthDate;
    std::string patientSex = "O";
    std::string patientAge;
    bool patientIdentityRemoved = true;
    std::string deidentificationMethod = "Synthetic phantom, no real patient";
    // Study
    std::string studyInstanceUid;
    std::string studyDate; ///< YYYYMMDD; also the series, acquisition and content date
    std::string studyTime = "120000";
    std::string accessionNumber;
    std::string referringPhysicianName;
    std::string studyId = "1";
    std::string studyDescription = "SYNTHETIC MR BRAIN";
    // Series
    std::string seriesInstanceUid;
    int seriesNumber = 1;
    std::string seriesDescription = "SYNTHETIC T1 post-contrast";
    std::string patientPosition = "HFS";
    // Frame of reference
    std::string frameOfReferenceUid;
    std::string positionReferenceIndicator;
    // Equipment
    std::string manufacturer = "Metis Phantom";
    std::string manufacturerModelName = "Synthetic MR";
    std::string softwareVersions = "metis";
    double magneticFieldStrength = 3.0;
    // MR image module (Siemens MPRAGE pattern by default)
    std::string imageType = "DERIVED\\PRIMARY\\OTHER";
    std::string scanningSequence = "GR\\IR";
    std::string sequenceVariant = "SK\\SP\\MP";
    std::string scanOptions = "IR";
    std::string mrAcquisitionType = "3D";
    std::string sequenceName = "*tfl3d1_16";
    std::optional<double> repetitionTime = 2300.0; ///< ms
    std::optional<double> echoTime = 2.98;         ///< ms
    std::optional<double> inversionTime = 900.0;   ///< ms
    std::optional<double> flipAngle = 9.0;         ///< degrees
    std::optional<int> echoTrainLength = 1;
    // Display; when unset, the window spans the volume's value range
    std::optional<double> windowCenter;
    std::optional<double> windowWidth;
};

/// How voxel values become stored pixels: stored = round((value - intercept) / slope).
struct DicomPixelFormat {
    bool isSigned = true;
    int bitsStored = 16; ///< 12 or 16 (BitsAllocated is always 16)
    /// Writes RescaleSlope/Intercept (the Philips style) when set.
    bool writeRescale = false;
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
};

enum class DicomTransferSyntax {
    ExplicitVrLittleEndian,
    ImplicitVrLittleEndian,
    JpegLossless, ///< process 14, first-order prediction (1.2.840.10008.1.2.4.70)
    JpegLsLossless,
    RleLossless,
};

std::string transferSyntaxUid(DicomTransferSyntax syntax);

struct DicomWriteOptions {
    DicomSeriesMetadata metadata;
    DicomPixelFormat pixels;
    DicomTransferSyntax transferSyntax = DicomTransferSyntax::ExplicitVrLittleEndian;
    /// InstanceNumber of slice k; default k + 1.
    std::function<int(std::int64_t slice)> instanceNumber;
    /// File name (inside the output folder) of slice k; default "MR%04d.dcm" of k + 1.
    std::function<std::string(std::int64_t slice)> fileName;
};

struct WrittenSeries {
    std::vector<std::filesystem::path> files; ///< slice order (k = 0, 1, ...)
    std::vector<std::string> sopInstanceUids; ///< slice order
    std::string sopClassUid;
    std::string studyInstanceUid;
    std::string seriesInstanceUid;
    std::string frameOfReferenceUid;
};

/// Writes `volume` as a classic MR Image Storage series, one file per slice k, into
/// `directory` (created when missing). Slices are the planes of constant k; the volume's
/// direction should be right-handed so readers stack the slices in the same order.
/// Throws std::invalid_argument when a value does not fit the pixel format, std::runtime_error
/// naming the file when writing fails.
WrittenSeries writeDicomSeries(const ImageVolume& volume, const std::filesystem::path& directory,
                               const DicomWriteOptions& options, ProgressSink& progress);

} // namespace metis::imaging
