#include "metis/imaging/DicomSeriesWriter.h"

#include "DicomLibrary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpls/djrparam.h>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>

namespace metis::imaging {
namespace {

constexpr const char* kMrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
constexpr const char* kSafetyComment = "SYNTHETIC PHANTOM - NOT FOR CLINICAL USE";

/// 128 bits as four 32-bit limbs, most significant first, printed in decimal by long division.
std::string toDecimal(std::array<std::uint32_t, 4> limbs) {
    std::string digits;
    auto isZero = [&limbs] {
        return limbs[0] == 0 && limbs[1] == 0 && limbs[2] == 0 && limbs[3] == 0;
    };
    while (!isZero()) {
        std::uint64_t remainder = 0;
        for (auto& limb : limbs) {
            const std::uint64_t current = (remainder << 32) | limb;
            limb = static_cast<std::uint32_t>(current / 10);
            remainder = current % 10;
        }
        digits.insert(digits.begin(), static_cast<char>('0' + remainder));
    }
    return digits.empty() ? "0" : digits;
}

/// DS values hold at most 16 characters; %.*g with shrinking precision keeps the most digits.
std::string formatDecimalString(double value) {
    if (std::abs(value) < 1e-12) {
        return "0";
    }
    char buffer[64];
    for (int precision = 16; precision > 1; --precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::string(buffer).size() <= 16) {
            return buffer;
        }
    }
    throw std::invalid_argument("value " + std::to_string(value) + " does not fit a DICOM DS");
}

std::string joinDecimalStrings(std::initializer_list<double> values) {
    std::string joined;
    for (double value : values) {
        joined += (joined.empty() ? "" : "\\") + formatDecimalString(value);
    }
    return joined;
}

std::string todayAsDicomDate() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y%m%d", &utc);
    return buffer;
}

E_TransferSyntax dcmtkSyntax(DicomTransferSyntax syntax) {
    switch (syntax) {
    case DicomTransferSyntax::ExplicitVrLittleEndian:
        return EXS_LittleEndianExplicit;
    case DicomTransferSyntax::ImplicitVrLittleEndian:
        return EXS_LittleEndianImplicit;
    case DicomTransferSyntax::JpegLossless:
        return EXS_JPEGProcess14SV1;
    case DicomTransferSyntax::JpegLsLossless:
        return EXS_JPEGLSLossless;
    case DicomTransferSyntax::RleLossless:
        return EXS_RLELossless;
    }
    throw std::invalid_argument("unknown transfer syntax");
}

class DatasetWriter {
public:
    explicit DatasetWriter(DcmDataset& dataset) : dataset_(dataset) {}
    void put(const DcmTagKey& tag, const std::string& value) {
        check(dataset_.putAndInsertOFStringArray(tag, value.c_str()), tag);
    }
    void putOptional(const DcmTagKey& tag, const std::optional<double>& value) {
        put(tag, value ? formatDecimalString(*value) : std::string());
    }
    void putUint16(const DcmTagKey& tag, Uint16 value) {
        check(dataset_.putAndInsertUint16(tag, value), tag);
    }

private:
    void check(const OFCondition& status, const DcmTagKey& tag) {
        if (status.bad()) {
            throw std::runtime_error("DICOM writer: cannot set " +
                                     std::string(tag.toString().c_str()) + ": " + status.text());
        }
    }
    DcmDataset& dataset_;
};

struct StoredRange {
    std::int64_t min;
    std::int64_t max;
};

StoredRange storedRange(const DicomPixelFormat& format) {
    if (format.bitsStored != 12 && format.bitsStored != 16) {
        throw std::invalid_argument("DICOM writer: BitsStored must be 12 or 16, not " +
                                    std::to_string(format.bitsStored));
    }
    const std::int64_t levels = std::int64_t{1} << format.bitsStored;
    return format.isSigned ? StoredRange{-levels / 2, levels / 2 - 1} : StoredRange{0, levels - 1};
}

} // namespace

std::string makeDicomUid() {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    const std::uint64_t high = generator();
    const std::uint64_t low = generator();
    std::array<std::uint32_t, 4> limbs{
        static_cast<std::uint32_t>(high >> 32), static_cast<std::uint32_t>(high),
        static_cast<std::uint32_t>(low >> 32), static_cast<std::uint32_t>(low)};
    // RFC 4122 version 4 (random) and variant bits, as X.667 expects of a 2.25 UUID.
    limbs[1] = (limbs[1] & 0xFFFF0FFFu) | 0x00004000u;
    limbs[2] = (limbs[2] & 0x3FFFFFFFu) | 0x80000000u;
    return "2.25." + toDecimal(limbs);
}

std::string transferSyntaxUid(DicomTransferSyntax syntax) {
    return DcmXfer(dcmtkSyntax(syntax)).getXferID();
}

WrittenSeries writeDicomSeries(const ImageVolume& volume, const std::filesystem::path& directory,
                               const DicomWriteOptions& options, ProgressSink& progress) {
    detail::initialiseDicomLibrary();
    const ImageGeometry& geometry = volume.geometry();
    geometry.validate();
    const DicomSeriesMetadata& meta = options.metadata;
    const DicomPixelFormat& format = options.pixels;
    if (!(format.rescaleSlope != 0.0) || !std::isfinite(format.rescaleSlope)) {
        throw std::invalid_argument("DICOM writer: rescale slope must be finite and non-zero");
    }
    const double slope = format.writeRescale ? format.rescaleSlope : 1.0;
    const double intercept = format.writeRescale ? format.rescaleIntercept : 0.0;
    const StoredRange range = storedRange(format);

    const auto columns = geometry.size[0];
    const auto rows = geometry.size[1];
    if (columns > 65535 || rows > 65535) {
        throw std::invalid_argument("DICOM writer: slices larger than 65535 pixels: " +
                                    geometry.describe());
    }
    const std::size_t pixelsPerSlice = static_cast<std::size_t>(columns * rows);

    WrittenSeries written;
    written.sopClassUid = kMrImageStorage;
    written.studyInstanceUid =
        meta.studyInstanceUid.empty() ? makeDicomUid() : meta.studyInstanceUid;
    written.seriesInstanceUid =
        meta.seriesInstanceUid.empty() ? makeDicomUid() : meta.seriesInstanceUid;
    written.frameOfReferenceUid =
        meta.frameOfReferenceUid.empty() ? makeDicomUid() : meta.frameOfReferenceUid;
    const std::string date = meta.studyDate.empty() ? todayAsDicomDate() : meta.studyDate;

    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec) {
        throw std::runtime_error("DICOM writer: cannot create " + directory.string() + ": " +
                                 ec.message());
    }

    const Vec3 rowDirection{geometry.direction[0][0], geometry.direction[1][0],
                            geometry.direction[2][0]};
    const Vec3 columnDirection{geometry.direction[0][1], geometry.direction[1][1],
                               geometry.direction[2][1]};
    const Vec3 normal = cross(rowDirection, columnDirection);
    const std::string orientation =
        joinDecimalStrings({rowDirection[0], rowDirection[1], rowDirection[2], columnDirection[0],
                            columnDirection[1], columnDirection[2]});
    // PixelSpacing is (between rows, between columns) = (spacing along j, spacing along i).
    const std::string pixelSpacing = joinDecimalStrings({geometry.spacing[1], geometry.spacing[0]});
    const E_TransferSyntax syntax = dcmtkSyntax(options.transferSyntax);
    const bool encapsulated = DcmXfer(syntax).isEncapsulated();

    // Without a given window, viewers open on the full range of the series.
    double windowCenter = meta.windowCenter.value_or(0.0);
    double windowWidth = meta.windowWidth.value_or(0.0);
    if (!meta.windowCenter || !meta.windowWidth) {
        const auto [low, high] = std::minmax_element(volume.data().begin(), volume.data().end());
        windowCenter = (static_cast<double>(*low) + static_cast<double>(*high)) / 2.0;
        windowWidth = std::max(1.0, static_cast<double>(*high) - static_cast<double>(*low));
    }

    ProgressScope scope(progress, "Writing DICOM series");
    std::vector<Uint16> stored(pixelsPerSlice);
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        scope.step(static_cast<double>(k) / static_cast<double>(geometry.size[2]));
        const float* slice = volume.data().data() + pixelsPerSlice * static_cast<std::size_t>(k);
        for (std::size_t p = 0; p < pixelsPerSlice; ++p) {
            const double value = std::round((static_cast<double>(slice[p]) - intercept) / slope);
            if (!(value >= static_cast<double>(range.min) &&
                  value <= static_cast<double>(range.max))) {
                throw std::invalid_argument(
                    "DICOM writer: voxel value " + std::to_string(slice[p]) + " in slice " +
                    std::to_string(k) + " does not fit " + std::to_string(format.bitsStored) +
                    "-bit " + (format.isSigned ? "signed" : "unsigned") +
                    " stored pixels with this rescale");
            }
            // Two's complement bit pattern; 12-bit values fit the low bits (HighBit 11).
            stored[p] = static_cast<Uint16>(static_cast<std::int64_t>(value) & 0xFFFF);
        }

        DcmFileFormat file;
        DcmDataset& dataset = *file.getDataset();
        DatasetWriter out(dataset);
        const std::string sopInstanceUid = makeDicomUid();
        const int instanceNumber =
            options.instanceNumber ? options.instanceNumber(k) : static_cast<int>(k + 1);
        const Vec3 position = geometry.indexToPatient({0.0, 0.0, static_cast<double>(k)});

        out.put(DCM_SpecificCharacterSet, "ISO_IR 100");
        out.put(DCM_ImageType, meta.imageType);
        out.put(DCM_SOPClassUID, kMrImageStorage);
        out.put(DCM_SOPInstanceUID, sopInstanceUid);
        // Patient
        out.put(DCM_PatientName, meta.patientName);
        out.put(DCM_PatientID, meta.patientId);
        out.put(DCM_PatientBirthDate, meta.patientBirthDate);
        out.put(DCM_PatientSex, meta.patientSex);
        out.put(DCM_PatientAge, meta.patientAge);
        out.put(DCM_PatientIdentityRemoved, meta.patientIdentityRemoved ? "YES" : "NO");
        out.put(DCM_DeidentificationMethod, meta.deidentificationMethod);
        // Study
        out.put(DCM_StudyInstanceUID, written.studyInstanceUid);
        out.put(DCM_StudyDate, date);
        out.put(DCM_StudyTime, meta.studyTime);
        out.put(DCM_AccessionNumber, meta.accessionNumber);
        out.put(DCM_ReferringPhysicianName, meta.referringPhysicianName);
        out.put(DCM_StudyID, meta.studyId);
        out.put(DCM_StudyDescription, meta.studyDescription);
        // Series
        out.put(DCM_Modality, "MR");
        out.put(DCM_SeriesInstanceUID, written.seriesInstanceUid);
        out.put(DCM_SeriesNumber, std::to_string(meta.seriesNumber));
        out.put(DCM_SeriesDescription, meta.seriesDescription);
        out.put(DCM_PatientPosition, meta.patientPosition);
        // No Laterality: it is type 2C for paired body parts only, and dciodvfy rejects it on a
        // brain.
        out.put(DCM_BodyPartExamined, "BRAIN");
        out.put(DCM_SeriesDate, date);
        out.put(DCM_SeriesTime, meta.studyTime);
        // Frame of reference
        out.put(DCM_FrameOfReferenceUID, written.frameOfReferenceUid);
        out.put(DCM_PositionReferenceIndicator, meta.positionReferenceIndicator);
        // Equipment
        out.put(DCM_Manufacturer, meta.manufacturer);
        out.put(DCM_ManufacturerModelName, meta.manufacturerModelName);
        out.put(DCM_SoftwareVersions, meta.softwareVersions);
        out.put(DCM_MagneticFieldStrength, formatDecimalString(meta.magneticFieldStrength));
        // Image
        out.put(DCM_InstanceNumber, std::to_string(instanceNumber));
        out.put(DCM_AcquisitionNumber, "1");
        out.put(DCM_AcquisitionDate, date);
        out.put(DCM_AcquisitionTime, meta.studyTime);
        out.put(DCM_ContentDate, date);
        out.put(DCM_ContentTime, meta.studyTime);
        out.put(DCM_ImageComments, kSafetyComment);
        // Geometry
        out.put(DCM_ImagePositionPatient,
                joinDecimalStrings({position[0], position[1], position[2]}));
        out.put(DCM_ImageOrientationPatient, orientation);
        out.put(DCM_PixelSpacing, pixelSpacing);
        out.put(DCM_SliceThickness, formatDecimalString(geometry.spacing[2]));
        out.put(DCM_SpacingBetweenSlices, formatDecimalString(geometry.spacing[2]));
        out.put(DCM_SliceLocation, formatDecimalString(dot(position, normal)));
        // MR image module
        out.put(DCM_ScanningSequence, meta.scanningSequence);
        out.put(DCM_SequenceVariant, meta.sequenceVariant);
        out.put(DCM_ScanOptions, meta.scanOptions);
        out.put(DCM_MRAcquisitionType, meta.mrAcquisitionType);
        out.put(DCM_SequenceName, meta.sequenceName);
        out.putOptional(DCM_RepetitionTime, meta.repetitionTime);
        out.putOptional(DCM_EchoTime, meta.echoTime);
        // Type 2C: only where Scanning Sequence includes IR (an IR-prepared GRE without it,
        // such as GE BRAVO, must not carry it, or validators reject the object).
        if (meta.scanningSequence.find("IR") != std::string::npos) {
            out.putOptional(DCM_InversionTime, meta.inversionTime);
        }
        out.putOptional(DCM_FlipAngle, meta.flipAngle);
        out.put(DCM_EchoTrainLength,
                meta.echoTrainLength ? std::to_string(*meta.echoTrainLength) : "");
        out.put(DCM_EchoNumbers, "1");
        out.put(DCM_ImagingFrequency,
                formatDecimalString(42.577478518 * meta.magneticFieldStrength));
        out.put(DCM_ImagedNucleus, "1H");
        // Pixels
        out.putUint16(DCM_SamplesPerPixel, 1);
        out.put(DCM_PhotometricInterpretation, "MONOCHROME2");
        out.putUint16(DCM_Rows, static_cast<Uint16>(rows));
        out.putUint16(DCM_Columns, static_cast<Uint16>(columns));
        out.putUint16(DCM_BitsAllocated, 16);
        out.putUint16(DCM_BitsStored, static_cast<Uint16>(format.bitsStored));
        out.putUint16(DCM_HighBit, static_cast<Uint16>(format.bitsStored - 1));
        out.putUint16(DCM_PixelRepresentation, format.isSigned ? 1 : 0);
        if (format.writeRescale) {
            out.put(DCM_RescaleIntercept, formatDecimalString(format.rescaleIntercept));
            out.put(DCM_RescaleSlope, formatDecimalString(format.rescaleSlope));
            out.put(DCM_RescaleType, "US");
        }
        out.put(DCM_WindowCenter, formatDecimalString(windowCenter));
        out.put(DCM_WindowWidth, formatDecimalString(windowWidth));
        if (format.bitsStored == 12 && format.isSigned) {
            // Only bits 0..HighBit carry the value; clearing the rest makes readers sign-extend.
            for (auto& pixel : stored) {
                pixel &= 0x0FFF;
            }
        }
        const OFCondition pixelStatus = dataset.putAndInsertUint16Array(
            DCM_PixelData, stored.data(), static_cast<unsigned long>(pixelsPerSlice));
        if (pixelStatus.bad()) {
            throw std::runtime_error(std::string("DICOM writer: cannot set pixel data: ") +
                                     pixelStatus.text());
        }

        const std::string name = options.fileName ? options.fileName(k) : [&] {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "MR%04lld.dcm", static_cast<long long>(k + 1));
            return std::string(buffer);
        }();
        const std::filesystem::path path = directory / name;

        if (encapsulated) {
            const DJ_RPLossless jpegLossless(1, 0);
            const DJLSRepresentationParameter jpegLsLossless(0, OFTrue);
            const DcmRepresentationParameter* parameters = nullptr;
            if (syntax == EXS_JPEGProcess14SV1) {
                parameters = &jpegLossless;
            } else if (syntax == EXS_JPEGLSLossless) {
                parameters = &jpegLsLossless;
            }
            const OFCondition status = dataset.chooseRepresentation(syntax, parameters);
            if (status.bad() || !dataset.canWriteXfer(syntax)) {
                throw std::runtime_error("DICOM writer: cannot encode " + path.string() + " as " +
                                         DcmXfer(syntax).getXferName() + ": " + status.text());
            }
        }
        const OFCondition saved = file.saveFile(path.c_str(), syntax);
        if (saved.bad()) {
            throw std::runtime_error("DICOM writer: cannot write " + path.string() + ": " +
                                     saved.text());
        }
        written.files.push_back(path);
        written.sopInstanceUids.push_back(sopInstanceUid);
    }
    return written;
}

} // namespace metis::imaging
