#include "metis/imaging/DicomSeriesReader.h"

#include "DicomLibrary.h"
#include "DicomNesting.h"
#include "metis/core/ParallelFor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <tuple>

namespace metis::imaging {
namespace {

namespace fs = std::filesystem;

/// Values longer than this stay on disk during a header scan (pixel data above all), which
/// keeps scanning fast while DCMTK still checks that the file holds every value it announces.
constexpr Uint32 kHeaderScanMaxValueLength = 256;

enum class FileKind { Part10, RawDataset, NotDicom };

/// Part 10 files carry "DICM" after a 128-byte preamble; older raw datasets start with a
/// group 0002 or 0008 tag. Anything else is not DICOM and is skipped without parsing.
FileKind sniffFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[132] = {};
    in.read(head, sizeof head);
    const auto got = in.gcount();
    if (got == 132 && std::string(head + 128, 4) == "DICM") {
        return FileKind::Part10;
    }
    if (got >= 8 && (head[0] == 0x08 || head[0] == 0x02) && head[1] == 0x00) {
        return FileKind::RawDataset;
    }
    return FileKind::NotDicom;
}

std::string getString(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad()) {
        return {};
    }
    std::string text = value.c_str();
    while (!text.empty() && (text.back() == ' ' || text.back() == '\0')) {
        text.pop_back();
    }
    return text;
}

std::optional<double> getDouble(DcmItem& item, const DcmTagKey& tag, unsigned long position = 0) {
    Float64 value = 0;
    if (item.findAndGetFloat64(tag, value, position).bad()) {
        return std::nullopt;
    }
    return value;
}

int getUint16(DcmItem& item, const DcmTagKey& tag, int fallback) {
    Uint16 value = 0;
    return item.findAndGetUint16(tag, value).good() ? static_cast<int>(value) : fallback;
}

std::string joinFiles(const std::vector<std::string>& files, std::size_t limit = 6) {
    std::string text;
    for (std::size_t i = 0; i < files.size() && i < limit; ++i) {
        text += (i ? ", " : "") + files[i];
    }
    if (files.size() > limit) {
        text += ", ... (" + std::to_string(files.size()) + " files)";
    }
    return text;
}

std::string formatMm(double value) {
    std::ostringstream out;
    out.precision(4);
    out << value << " mm";
    return out.str();
}

/// One image instance and the attributes that must agree across its series.
struct ScannedImage {
    DicomSliceInfo slice;
    std::string seriesInstanceUid, studyInstanceUid, frameOfReferenceUid, sopClassUid;
    std::string patientId, patientName, studyDate, modality, seriesDescription, manufacturer;
    std::string patientSex, patientBirthDate;
    std::string imageType; ///< all values, backslash-separated
    int seriesNumber = 0;
    std::optional<std::array<double, 6>> orientation;
    std::optional<Vec3> position;
    std::optional<std::array<double, 2>> pixelSpacing;
    std::optional<double> sliceThickness, spacingBetweenSlices;
    int rows = 0, columns = 0, samplesPerPixel = 1, numberOfFrames = 1;
    int bitsAllocated = 0, bitsStored = 0, highBit = 0, pixelRepresentation = 0;
};

ScannedImage readImageHeader(DcmDataset& dataset, const std::string& path) {
    ScannedImage image;
    image.slice.path = path;
    image.slice.sopInstanceUid = getString(dataset, DCM_SOPInstanceUID);
    image.slice.transferSyntaxUid = DcmXfer(dataset.getOriginalXfer()).getXferID();
    const std::string instance = getString(dataset, DCM_InstanceNumber);
    image.slice.instanceNumber = instance.empty() ? 0 : std::atoi(instance.c_str());
    image.slice.rescaleSlope = getDouble(dataset, DCM_RescaleSlope).value_or(1.0);
    image.slice.rescaleIntercept = getDouble(dataset, DCM_RescaleIntercept).value_or(0.0);
    if (image.slice.rescaleSlope == 0.0) {
        image.slice.rescaleSlope = 1.0; // a zero slope is a writer's mistake; DICOM means 1
    }
    image.seriesInstanceUid = getString(dataset, DCM_SeriesInstanceUID);
    image.studyInstanceUid = getString(dataset, DCM_StudyInstanceUID);
    image.frameOfReferenceUid = getString(dataset, DCM_FrameOfReferenceUID);
    image.sopClassUid = getString(dataset, DCM_SOPClassUID);
    const std::string characterSet = detail::tagText(dataset, DCM_SpecificCharacterSet);
    image.patientId = detail::decodedText(dataset, DCM_PatientID, characterSet);
    image.patientName = detail::decodedText(dataset, DCM_PatientName, characterSet);
    image.patientSex = getString(dataset, DCM_PatientSex);
    image.patientBirthDate = getString(dataset, DCM_PatientBirthDate);
    image.studyDate = getString(dataset, DCM_StudyDate);
    image.modality = getString(dataset, DCM_Modality);
    image.seriesDescription = detail::decodedText(dataset, DCM_SeriesDescription, characterSet);
    image.imageType = getString(dataset, DCM_ImageType);
    image.manufacturer = detail::decodedText(dataset, DCM_Manufacturer, characterSet);
    const std::string seriesNumber = getString(dataset, DCM_SeriesNumber);
    image.seriesNumber = seriesNumber.empty() ? 0 : std::atoi(seriesNumber.c_str());

    std::array<double, 6> orientation{};
    bool haveOrientation = true;
    for (unsigned long i = 0; i < 6 && haveOrientation; ++i) {
        const auto v = getDouble(dataset, DCM_ImageOrientationPatient, i);
        haveOrientation = v.has_value();
        orientation[i] = v.value_or(0.0);
    }
    if (haveOrientation) {
        image.orientation = orientation;
    }
    const auto px = getDouble(dataset, DCM_ImagePositionPatient, 0);
    const auto py = getDouble(dataset, DCM_ImagePositionPatient, 1);
    const auto pz = getDouble(dataset, DCM_ImagePositionPatient, 2);
    if (px && py && pz) {
        image.position = Vec3{*px, *py, *pz};
        image.slice.imagePosition = *image.position;
    }
    const auto rowSpacing = getDouble(dataset, DCM_PixelSpacing, 0);
    const auto columnSpacing = getDouble(dataset, DCM_PixelSpacing, 1);
    if (rowSpacing && columnSpacing) {
        image.pixelSpacing = std::array<double, 2>{*rowSpacing, *columnSpacing};
    }
    image.sliceThickness = getDouble(dataset, DCM_SliceThickness);
    image.spacingBetweenSlices = getDouble(dataset, DCM_SpacingBetweenSlices);
    image.rows = getUint16(dataset, DCM_Rows, 0);
    image.columns = getUint16(dataset, DCM_Columns, 0);
    image.samplesPerPixel = getUint16(dataset, DCM_SamplesPerPixel, 1);
    image.bitsAllocated = getUint16(dataset, DCM_BitsAllocated, 0);
    image.bitsStored = getUint16(dataset, DCM_BitsStored, image.bitsAllocated);
    image.highBit = getUint16(dataset, DCM_HighBit, image.bitsStored - 1);
    image.pixelRepresentation = getUint16(dataset, DCM_PixelRepresentation, 0);
    const std::string frames = getString(dataset, DCM_NumberOfFrames);
    image.numberOfFrames = frames.empty() ? 1 : std::max(1, std::atoi(frames.c_str()));
    return image;
}

DicomIssue makeIssue(DicomIssueSeverity severity, std::string code, std::string message,
                     std::vector<std::string> files = {}) {
    return {severity, std::move(code), std::move(message), std::move(files)};
}

Vec3 normalised(const Vec3& v) {
    const double length = norm(v);
    return {v[0] / length, v[1] / length, v[2] / length};
}

/// Same SOP instance twice (a copied file): keeps the first path, says which were dropped.
std::vector<ScannedImage> dropDuplicateInstances(std::vector<ScannedImage> images,
                                                 const std::string& name,
                                                 std::vector<DicomIssue>& issues) {
    std::sort(images.begin(), images.end(), [](const ScannedImage& a, const ScannedImage& b) {
        return a.slice.path < b.slice.path;
    });
    std::map<std::string, std::size_t> seen;
    std::vector<ScannedImage> unique;
    std::vector<std::string> involved; // kept, ignored, kept, ignored, ...
    std::vector<std::string> ignored;
    for (auto& image : images) {
        const auto [it, inserted] = seen.emplace(image.slice.sopInstanceUid, unique.size());
        if (inserted) {
            unique.push_back(std::move(image));
            continue;
        }
        involved.push_back(unique[it->second].slice.path);
        involved.push_back(image.slice.path);
        ignored.push_back(image.slice.path);
    }
    // One issue for all copies: a folder copied twice must not produce hundreds of warnings.
    if (!ignored.empty()) {
        issues.push_back(makeIssue(DicomIssueSeverity::Warning, "duplicate-instance",
                                   name + ": " + std::to_string(ignored.size()) +
                                       " file(s) repeat a SOP Instance UID already read (" +
                                       involved[1] + " repeats " + involved[0] +
                                       "); ignored: " + joinFiles(ignored),
                                   involved));
    }
    return unique;
}

bool containsWord(const std::string& text, const std::vector<std::string>& words) {
    std::string lowered(text.size(), ' ');
    std::transform(text.begin(), text.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
        return lowered.find(word) != std::string::npos;
    });
}

bool sameOrientation(const ScannedImage& a, const ScannedImage& b) {
    if (!a.orientation || !b.orientation) {
        return true;
    }
    for (int i = 0; i < 6; ++i) {
        if (std::abs((*a.orientation)[i] - (*b.orientation)[i]) >= 1e-4) {
            return false;
        }
    }
    return true;
}

/// A localizer (scout, survey): ImageType says LOCALIZER, or the series mixes orientations and
/// its description names it (a 3-plane scout of a vendor that does not set ImageType). It is a
/// planning picture, not a volume to diagnose or segment.
bool isLocalizer(const std::vector<ScannedImage>& images) {
    const auto& first = images.front();
    if (std::any_of(images.begin(), images.end(), [](const ScannedImage& image) {
            return containsWord(image.imageType, {"localizer"});
        })) {
        return true;
    }
    const bool mixedOrientation =
        std::any_of(images.begin(), images.end(),
                    [&](const ScannedImage& image) { return !sameOrientation(image, first); });
    return mixedOrientation && containsWord(first.seriesDescription,
                                            {"localizer", "localiser", "scout", "survey", "3-plane",
                                             "3 plane", "3plane", "tri-pilot", "tripilot"});
}

/// Builds one series from its instances: checks consistency, removes duplicates, orders the
/// slices along the normal and derives the geometry. Problems become issues on the series.
SeriesInfo assembleSeries(std::vector<ScannedImage> images) {
    SeriesInfo series;
    const std::string name = "series " + images.front().seriesInstanceUid;
    images = dropDuplicateInstances(std::move(images), name, series.issues);
    const ScannedImage first = images.front();
    series.seriesInstanceUid = first.seriesInstanceUid;
    series.studyInstanceUid = first.studyInstanceUid;
    series.frameOfReferenceUid = first.frameOfReferenceUid;
    series.sopClassUid = first.sopClassUid;
    series.patientId = first.patientId;
    series.patientName = first.patientName;
    series.patientSex = first.patientSex;
    series.patientBirthDate = first.patientBirthDate;
    series.studyDate = first.studyDate;
    series.modality = first.modality;
    series.seriesDescription = first.seriesDescription;
    series.manufacturer = first.manufacturer;
    series.seriesNumber = first.seriesNumber;
    series.rows = first.rows;
    series.columns = first.columns;
    series.bitsAllocated = first.bitsAllocated;
    series.bitsStored = first.bitsStored;
    series.highBit = first.highBit;
    series.pixelsSigned = first.pixelRepresentation == 1;
    auto error = [&series](std::string code, std::string message,
                           std::vector<std::string> files = {}) {
        series.issues.push_back(makeIssue(DicomIssueSeverity::Error, std::move(code),
                                          std::move(message), std::move(files)));
    };
    auto warn = [&series](std::string code, std::string message,
                          std::vector<std::string> files = {}) {
        series.issues.push_back(makeIssue(DicomIssueSeverity::Warning, std::move(code),
                                          std::move(message), std::move(files)));
    };

    if (isLocalizer(images)) {
        for (const auto& image : images) {
            series.slices.push_back(image.slice);
        }
        series.localizer = true;
        series.issues.push_back(makeIssue(
            DicomIssueSeverity::Note, "localizer",
            name + " (" +
                (first.seriesDescription.empty() ? "no description" : first.seriesDescription) +
                ", " + std::to_string(images.size()) +
                " images) is a localizer, not a diagnostic volume; skipped",
            {first.slice.path}));
        return series;
    }

    // Attributes that must be identical for the slices to form one volume.
    std::vector<std::string> unusable;
    std::vector<std::string> mismatched;
    for (const auto& image : images) {
        if (!image.orientation || !image.position || !image.pixelSpacing || image.rows == 0 ||
            image.columns == 0) {
            unusable.push_back(image.slice.path);
            continue;
        }
        bool same = image.rows == first.rows && image.columns == first.columns &&
                    image.bitsAllocated == first.bitsAllocated &&
                    image.samplesPerPixel == first.samplesPerPixel;
        if (same && first.orientation && first.pixelSpacing) {
            for (int i = 0; i < 6; ++i) {
                same = same && std::abs((*image.orientation)[i] - (*first.orientation)[i]) < 1e-4;
            }
            for (int i = 0; i < 2; ++i) {
                same = same && std::abs((*image.pixelSpacing)[i] - (*first.pixelSpacing)[i]) < 1e-4;
            }
        }
        if (!same) {
            mismatched.push_back(image.slice.path);
        }
    }
    if (!unusable.empty()) {
        error(
            "missing-geometry",
            name + ": " + std::to_string(unusable.size()) +
                " instance(s) lack ImagePositionPatient, ImageOrientationPatient, PixelSpacing or "
                "Rows/Columns: " +
                joinFiles(unusable),
            unusable);
    }
    if (!mismatched.empty()) {
        error("mixed-geometry",
              name +
                  ": instances differ in orientation, pixel spacing, size or pixel format from " +
                  first.slice.path + ": " + joinFiles(mismatched),
              mismatched);
    }
    if (first.samplesPerPixel != 1) {
        error("unsupported-pixels",
              name + ": " + std::to_string(first.samplesPerPixel) +
                  " samples per pixel; only greyscale images load",
              {first.slice.path});
    }
    // Refused from the headers, before a voxel is allocated: a crafted file claiming 65535 x
    // 65535 would otherwise ask for 17 GB per slice.
    const auto voxels = static_cast<std::uint64_t>(first.rows) *
                        static_cast<std::uint64_t>(first.columns) * images.size();
    if (first.rows < 1 || first.columns < 1 || voxels > kMaxVolumeVoxels) {
        error("unsupported-size",
              name + ": " + std::to_string(first.rows) + " x " + std::to_string(first.columns) +
                  " pixels in " + std::to_string(images.size()) + " slices is " +
                  std::to_string(voxels) + " voxels; Metis loads series of 1 to " +
                  std::to_string(kMaxVolumeVoxels) + " voxels",
              {first.slice.path});
    }
    if (first.bitsAllocated != 8 && first.bitsAllocated != 16) {
        error("unsupported-pixels",
              name + ": BitsAllocated " + std::to_string(first.bitsAllocated) + " is not 8 or 16",
              {first.slice.path});
    }
    if (first.bitsStored < 1 || first.bitsStored > first.bitsAllocated ||
        first.highBit + 1 < first.bitsStored || first.highBit >= first.bitsAllocated) {
        error("unsupported-pixels",
              name + ": inconsistent BitsStored " + std::to_string(first.bitsStored) +
                  " / HighBit " + std::to_string(first.highBit),
              {first.slice.path});
    }
    for (const auto& image : images) {
        if (image.numberOfFrames > 1) {
            error("multi-frame",
                  name + ": multi-frame (enhanced) instance " + image.slice.path +
                      " is not supported; convert it to single-frame slices",
                  {image.slice.path});
            break;
        }
    }
    for (const auto& image : images) {
        series.slices.push_back(image.slice);
    }
    if (series.hasErrors()) {
        return series;
    }

    const auto& iop = *first.orientation;
    const Vec3 row = normalised({iop[0], iop[1], iop[2]});
    const Vec3 column = normalised({iop[3], iop[4], iop[5]});
    if (std::abs(dot(row, column)) > 1e-3) {
        error("bad-orientation",
              name + ": ImageOrientationPatient rows and columns are not orthogonal",
              {first.slice.path});
        return series;
    }
    const Vec3 normal = normalised(cross(row, column));
    for (auto& slice : series.slices) {
        slice.normalPosition = dot(slice.imagePosition, normal);
    }
    std::stable_sort(series.slices.begin(), series.slices.end(),
                     [](const DicomSliceInfo& a, const DicomSliceInfo& b) {
                         return a.normalPosition < b.normalPosition;
                     });

    // Two instances at one position (another echo, a repeat): keep the lowest InstanceNumber.
    constexpr double kSamePosition = 1e-3; // mm; DS values carry far more precision
    {
        std::vector<DicomSliceInfo> unique;
        std::vector<std::string> involved; // kept, ignored, kept, ignored, ...
        std::vector<std::string> ignored;
        for (auto& slice : series.slices) {
            if (!unique.empty() &&
                std::abs(slice.normalPosition - unique.back().normalPosition) < kSamePosition) {
                DicomSliceInfo& kept = unique.back();
                if (slice.instanceNumber < kept.instanceNumber) {
                    std::swap(kept, slice);
                }
                involved.push_back(kept.path);
                involved.push_back(slice.path);
                ignored.push_back(slice.path);
                continue;
            }
            unique.push_back(std::move(slice));
        }
        series.slices = std::move(unique);
        if (!ignored.empty()) {
            warn("duplicate-position",
                 name + ": " + std::to_string(ignored.size()) +
                     " instance(s) lie at the position of another (" + involved[1] + " and " +
                     involved[0] +
                     "); kept the lowest InstanceNumber, ignored: " + joinFiles(ignored),
                 involved);
        }
    }

    // Slices must stack along the normal; an in-plane shift means a sheared (gantry-tilted) stack.
    const Vec3 origin = series.slices.front().imagePosition;
    for (const auto& slice : series.slices) {
        const Vec3 delta{slice.imagePosition[0] - origin[0], slice.imagePosition[1] - origin[1],
                         slice.imagePosition[2] - origin[2]};
        const double along = dot(delta, normal);
        const Vec3 off{delta[0] - along * normal[0], delta[1] - along * normal[1],
                       delta[2] - along * normal[2]};
        if (norm(off) > 0.01) {
            warn("sheared-stack",
                 name + ": " + slice.path + " is shifted " + formatMm(norm(off)) +
                     " within the slice plane relative to the first slice "
                     "(gantry tilt?); the volume ignores the shift",
                 {slice.path});
            break;
        }
    }

    const auto& ps = *first.pixelSpacing;
    double sliceSpacing = first.spacingBetweenSlices.value_or(first.sliceThickness.value_or(1.0));
    const std::size_t count = series.slices.size();
    for (std::size_t k = 0; k < count; ++k) {
        series.slices[k].sliceIndex = static_cast<std::int64_t>(k);
    }
    std::int64_t depth = static_cast<std::int64_t>(count);
    if (count > 1) {
        std::vector<double> gaps;
        for (std::size_t k = 1; k < count; ++k) {
            gaps.push_back(series.slices[k].normalPosition - series.slices[k - 1].normalPosition);
        }
        // The lower median: with few slices the upper one can be the gap itself (slices at 0, 1
        // and 3 mm have gaps 1 and 2).
        std::vector<double> sorted = gaps;
        const auto middle = (sorted.size() - 1) / 2;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(middle), sorted.end());
        const double median = sorted[middle];
        const double extent =
            series.slices.back().normalPosition - series.slices.front().normalPosition;
        bool missing = false;
        for (std::size_t k = 0; k < gaps.size(); ++k) {
            if (gaps[k] > 1.5 * median) {
                missing = true;
                const auto absent = static_cast<long long>(std::llround(gaps[k] / median)) - 1;
                warn("missing-slices",
                     name + ": about " + std::to_string(absent) + " slice(s) missing between " +
                         series.slices[k].path + " and " + series.slices[k + 1].path + " (gap " +
                         formatMm(gaps[k]) + ", usual spacing " + formatMm(median) +
                         "); the gap is filled with zeros",
                     {series.slices[k].path, series.slices[k + 1].path});
            }
        }
        if (missing) {
            // Keep every slice at its true position on a grid of the usual spacing.
            sliceSpacing = median;
            for (auto& slice : series.slices) {
                slice.sliceIndex = std::llround(
                    (slice.normalPosition - series.slices.front().normalPosition) / median);
            }
            depth = series.slices.back().sliceIndex + 1;
        } else {
            sliceSpacing = extent / static_cast<double>(count - 1);
            // A regular grid moves each slice from where it was acquired; more than a tenth of
            // the spacing would misplace anatomy (and contours), so such a series is refused.
            double displacement = 0.0;
            std::size_t displaced = 0;
            for (std::size_t k = 0; k < count; ++k) {
                const double moved = std::abs(series.slices[k].normalPosition -
                                              series.slices.front().normalPosition -
                                              static_cast<double>(k) * sliceSpacing);
                if (moved > displacement) {
                    displacement = moved;
                    displaced = k;
                }
            }
            if (displacement > 0.1 * sliceSpacing) {
                error("irregular-spacing",
                      name + ": slice spacing is irregular (" +
                          formatMm(*std::min_element(gaps.begin(), gaps.end())) + " to " +
                          formatMm(*std::max_element(gaps.begin(), gaps.end())) +
                          "); a regular grid would move " + series.slices[displaced].path + " by " +
                          formatMm(displacement) + ", so the series is not loaded",
                      {series.slices[displaced].path});
                return series;
            }
            double worst = 0.0;
            std::size_t worstIndex = 0;
            for (std::size_t k = 0; k < gaps.size(); ++k) {
                if (std::abs(gaps[k] - sliceSpacing) > worst) {
                    worst = std::abs(gaps[k] - sliceSpacing);
                    worstIndex = k;
                }
            }
            if (worst > std::max(0.005, 1e-3 * sliceSpacing)) {
                warn("non-uniform-spacing",
                     name + ": slice spacing varies by up to " + formatMm(worst) +
                         " around the mean " + formatMm(sliceSpacing) + " (between " +
                         series.slices[worstIndex].path + " and " +
                         series.slices[worstIndex + 1].path + "); the volume uses the mean",
                     {series.slices[worstIndex].path, series.slices[worstIndex + 1].path});
            }
        }
    }
    if (!(sliceSpacing > 0.0)) {
        sliceSpacing = 1.0;
    }

    ImageGeometry geometry;
    geometry.size = {first.columns, first.rows, depth};
    geometry.spacing = {ps[1], ps[0], sliceSpacing};
    geometry.origin = origin;
    for (int r = 0; r < 3; ++r) {
        geometry.direction[r] = {row[r], column[r], normal[r]};
    }
    try {
        geometry.validate();
    } catch (const std::exception& e) {
        error("bad-geometry", name + ": " + e.what(), {first.slice.path});
        return series;
    }
    series.geometry = geometry;
    series.loadable = true;
    return series;
}

/// What one file turned out to be.
struct FileScanResult {
    enum class Kind { NotDicom, Unreadable, NonImage, Image };
    Kind kind = Kind::NotDicom;
    std::string error;
    DicomObjectInfo object;
    ScannedImage image;
};

FileScanResult scanFile(const fs::path& path) {
    FileScanResult result;
    const std::string file = path.string();
    const FileKind kind = sniffFile(path);
    if (kind == FileKind::NotDicom) {
        return result;
    }
    if (auto refusal = detail::excessiveNesting(path)) {
        result.kind = FileScanResult::Kind::Unreadable;
        result.error = std::move(*refusal);
        return result;
    }
    DcmFileFormat format;
    const OFCondition status =
        format.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, kHeaderScanMaxValueLength,
                        kind == FileKind::Part10 ? ERM_fileOnly : ERM_dataset);
    if (status.bad()) {
        result.kind = FileScanResult::Kind::Unreadable;
        result.error =
            std::string("not readable as DICOM (truncated or corrupt): ") + status.text();
        return result;
    }
    DcmDataset& dataset = *format.getDataset();
    const std::string sopInstanceUid = getString(dataset, DCM_SOPInstanceUID);
    const std::string seriesUid = getString(dataset, DCM_SeriesInstanceUID);
    if (sopInstanceUid.empty() || seriesUid.empty()) {
        // A raw data set without them is most likely a binary file that began with 08 00.
        if (kind == FileKind::Part10) {
            result.kind = FileScanResult::Kind::Unreadable;
            result.error = "DICOM file without SOPInstanceUID or SeriesInstanceUID";
        }
        return result;
    }
    if (!dataset.tagExists(DCM_PixelData)) {
        result.kind = FileScanResult::Kind::NonImage;
        result.object = {file,
                         getString(dataset, DCM_SOPClassUID),
                         sopInstanceUid,
                         getString(dataset, DCM_Modality),
                         getString(dataset, DCM_StudyInstanceUID),
                         seriesUid};
        return result;
    }
    result.kind = FileScanResult::Kind::Image;
    result.image = readImageHeader(dataset, file);
    return result;
}

} // namespace

std::string toString(DicomIssueSeverity severity) {
    switch (severity) {
    case DicomIssueSeverity::Note:
        return "note";
    case DicomIssueSeverity::Warning:
        return "warning";
    case DicomIssueSeverity::Error:
        return "error";
    }
    return "unknown";
}

std::vector<std::string> SeriesInfo::sopInstanceUids() const {
    std::vector<std::string> uids;
    uids.reserve(slices.size());
    for (const auto& slice : slices) {
        uids.push_back(slice.sopInstanceUid);
    }
    return uids;
}

bool SeriesInfo::hasErrors() const {
    return std::any_of(issues.begin(), issues.end(), [](const DicomIssue& issue) {
        return issue.severity == DicomIssueSeverity::Error;
    });
}

std::string SeriesInfo::describe() const {
    std::ostringstream out;
    out << "#" << seriesNumber << " \"" << seriesDescription << "\" " << modality << ", "
        << slices.size() << " slice(s) of " << columns << "x" << rows << ", "
        << (loadable ? "loadable" : "NOT loadable") << ", UID " << seriesInstanceUid;
    return out.str();
}

const SeriesInfo* SeriesScan::findSeries(const std::string& seriesInstanceUid) const {
    for (const auto& candidate : series) {
        if (candidate.seriesInstanceUid == seriesInstanceUid) {
            return &candidate;
        }
    }
    return nullptr;
}

const SeriesInfo* SeriesScan::largestLoadableSeries() const {
    const SeriesInfo* best = nullptr;
    for (const auto& candidate : series) {
        if (candidate.loadable && (!best || candidate.slices.size() > best->slices.size())) {
            best = &candidate;
        }
    }
    return best;
}

SeriesScan scanDicomFolder(const std::filesystem::path& path, ProgressSink& progress) {
    detail::initialiseDicomLibrary();
    SeriesScan scan;
    scan.root = path.string();
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw std::runtime_error("DICOM scan: " + path.string() + " does not exist");
    }

    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec);
        if (ec) {
            throw std::runtime_error("DICOM scan: cannot read folder " + path.string() + ": " +
                                     ec.message());
        }
        for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
            std::error_code typeError;
            if (it->is_regular_file(typeError)) {
                files.push_back(it->path());
            }
        }
        if (ec) {
            // The iterator cannot continue after an error; report what was not listed.
            scan.fileErrors.push_back(
                {path.string(), "folder listing stopped early: " + ec.message()});
        }
    } else {
        files.push_back(path);
    }
    SeriesScan listed = scanDicomFiles(std::move(files), progress);
    listed.root = scan.root;
    listed.fileErrors.insert(listed.fileErrors.begin(), scan.fileErrors.begin(),
                             scan.fileErrors.end());
    return listed;
}

SeriesScan scanDicomFiles(std::vector<std::filesystem::path> files, ProgressSink& progress) {
    detail::initialiseDicomLibrary();
    SeriesScan scan;
    ProgressScope scope(progress, "Scanning DICOM files");
    std::sort(files.begin(), files.end());
    scan.filesExamined = files.size();

    std::map<std::string, std::vector<ScannedImage>> bySeries;
    std::vector<std::string> seriesOrder;
    // Serial on purpose: header parsing is dominated by DCMTK's shared dictionary, and threads
    // measured slower than one reader here.
    for (std::size_t n = 0; n < files.size(); ++n) {
        if (n % 64 == 0) {
            scope.step(static_cast<double>(n) / static_cast<double>(files.size()));
        }
        FileScanResult result = scanFile(files[n]);
        switch (result.kind) {
        case FileScanResult::Kind::NotDicom:
            scan.skippedFiles.push_back(files[n].string());
            break;
        case FileScanResult::Kind::Unreadable:
            scan.fileErrors.push_back({files[n].string(), std::move(result.error)});
            break;
        case FileScanResult::Kind::NonImage:
            scan.nonImageObjects.push_back(std::move(result.object));
            break;
        case FileScanResult::Kind::Image: {
            auto& group = bySeries[result.image.seriesInstanceUid];
            if (group.empty()) {
                seriesOrder.push_back(result.image.seriesInstanceUid);
            }
            group.push_back(std::move(result.image));
            break;
        }
        }
    }

    for (const auto& uid : seriesOrder) {
        scan.series.push_back(assembleSeries(std::move(bySeries[uid])));
    }
    std::sort(scan.series.begin(), scan.series.end(), [](const SeriesInfo& a, const SeriesInfo& b) {
        return std::tie(a.studyInstanceUid, a.seriesNumber, a.seriesInstanceUid) <
               std::tie(b.studyInstanceUid, b.seriesNumber, b.seriesInstanceUid);
    });
    return scan;
}

namespace {

/// Decodes one slice into `out` (rows x columns floats), physical values.
void loadSlice(const SeriesInfo& series, const DicomSliceInfo& slice, float* out) {
    if (const auto refusal = detail::excessiveNesting(slice.path)) {
        throw std::runtime_error(*refusal);
    }
    DcmFileFormat format;
    OFCondition status = format.loadFile(slice.path.c_str());
    if (status.bad()) {
        throw std::runtime_error(std::string("cannot read: ") + status.text());
    }
    DcmDataset& dataset = *format.getDataset();
    if (DcmXfer(dataset.getOriginalXfer()).isEncapsulated()) {
        status = dataset.chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
        if (status.bad() || !dataset.canWriteXfer(EXS_LittleEndianExplicit)) {
            throw std::runtime_error("cannot decode transfer syntax " +
                                     std::string(DcmXfer(dataset.getOriginalXfer()).getXferName()) +
                                     ": " + status.text());
        }
    }
    const std::size_t pixels = static_cast<std::size_t>(series.rows * series.columns);
    const int shift = series.highBit + 1 - series.bitsStored;
    const std::uint32_t mask =
        series.bitsStored >= 32 ? 0xFFFFFFFFu : ((1u << series.bitsStored) - 1u);
    const std::uint32_t signBit = 1u << (series.bitsStored - 1);
    const float slope = static_cast<float>(slice.rescaleSlope);
    const float intercept = static_cast<float>(slice.rescaleIntercept);
    const bool identity = slice.rescaleSlope == 1.0 && slice.rescaleIntercept == 0.0;
    auto convert = [&](auto raw) {
        std::uint32_t bits = (static_cast<std::uint32_t>(raw) >> shift) & mask;
        const auto value =
            series.pixelsSigned && (bits & signBit)
                ? static_cast<std::int32_t>(bits) - static_cast<std::int32_t>(mask) - 1
                : static_cast<std::int32_t>(bits);
        // float(value) * slope + intercept keeps integers exact, as dcm2niix's scaling does.
        return identity ? static_cast<float>(value) : static_cast<float>(value) * slope + intercept;
    };
    unsigned long count = 0;
    if (series.bitsAllocated == 16) {
        const Uint16* data = nullptr;
        status = dataset.findAndGetUint16Array(DCM_PixelData, data, &count);
        if (status.bad() || !data) {
            throw std::runtime_error(std::string("no readable pixel data: ") + status.text());
        }
        if (count < pixels) {
            throw std::runtime_error("pixel data holds " + std::to_string(count) + " values, " +
                                     std::to_string(pixels) + " expected");
        }
        for (std::size_t p = 0; p < pixels; ++p) {
            out[p] = convert(data[p]);
        }
    } else {
        const Uint8* data = nullptr;
        status = dataset.findAndGetUint8Array(DCM_PixelData, data, &count);
        if (status.bad() || !data) {
            throw std::runtime_error(std::string("no readable pixel data: ") + status.text());
        }
        if (count < pixels) {
            throw std::runtime_error("pixel data holds " + std::to_string(count) + " bytes, " +
                                     std::to_string(pixels) + " expected");
        }
        for (std::size_t p = 0; p < pixels; ++p) {
            out[p] = convert(data[p]);
        }
    }
}

} // namespace

ImageVolume loadSeries(const SeriesInfo& series, ProgressSink& progress) {
    detail::initialiseDicomLibrary();
    if (!series.loadable) {
        std::string reasons;
        for (const auto& issue : series.issues) {
            if (issue.severity == DicomIssueSeverity::Error) {
                reasons += (reasons.empty() ? "" : "; ") + issue.message;
            }
        }
        throw std::runtime_error("series " + series.seriesInstanceUid + " cannot be loaded: " +
                                 (reasons.empty() ? "it was not assembled" : reasons));
    }
    ImageVolume volume(series.geometry, 0.0f);
    const std::size_t sliceVoxels = static_cast<std::size_t>(series.rows * series.columns);
    ProgressScope scope(progress, "Loading DICOM series");
    const std::size_t count = series.slices.size();
    // Up to 8 threads: file reads stop scaling beyond that.
    forEachIndex(
        count, std::min(8u, std::thread::hardware_concurrency()),
        [&](std::size_t n) {
            const DicomSliceInfo& slice = series.slices[n];
            try {
                loadSlice(series, slice,
                          volume.data().data() +
                              sliceVoxels * static_cast<std::size_t>(slice.sliceIndex));
            } catch (const std::exception& e) {
                throw std::runtime_error("series " + series.seriesInstanceUid + ": file " +
                                         slice.path + ": " + e.what());
            }
        },
        [&](std::size_t completed) {
            scope.step(count == 0 ? 1.0
                                  : static_cast<double>(completed) / static_cast<double>(count));
        });
    return volume;
}

} // namespace metis::imaging
