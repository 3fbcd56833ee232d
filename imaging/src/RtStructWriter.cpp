#include "DicomLibrary.h"
#include "DicomNesting.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/RtStruct.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <set>
#include <stdexcept>

namespace metis::imaging {

namespace {

/// The Study Component Management SOP class that RT objects name in RTReferencedStudySequence.
constexpr const char* studyComponentSopClass = "1.2.840.10008.3.1.2.3.1";
/// The most ContourData bytes one element can hold (DS has a 16-bit length in explicit VR).
constexpr std::size_t maxContourDataBytes = 65534;

/// A decimal string of at most 16 bytes: 4 decimals (0.1 um) where it fits, fewer digits when
/// the magnitude needs them.
std::string formatDecimalString(double value) {
    if (!std::isfinite(value)) {
        throw std::invalid_argument("contour coordinate is not a finite number");
    }
    if (std::abs(value) < 5e-5) {
        return "0";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    std::string text = buffer;
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
        text.pop_back();
    }
    for (int precision = 10; text.size() > 16 && precision > 0; --precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        text = buffer;
    }
    return text;
}

void put(DcmItem& item, const DcmTagKey& tag, const std::string& value) {
    const OFCondition status = item.putAndInsertString(tag, value.c_str());
    if (status.bad()) {
        throw std::runtime_error("cannot set " + std::string(DcmTag(tag).getTagName()) + " to '" +
                                 value + "': " + status.text());
    }
}

DcmItem& appendItem(DcmItem& parent, const DcmTagKey& sequence) {
    DcmItem* item = nullptr;
    // -2 appends a new item (DCMTK's convention).
    const OFCondition status = parent.findOrCreateSequenceItem(sequence, item, -2);
    if (status.bad() || item == nullptr) {
        throw std::runtime_error("cannot add an item to " +
                                 std::string(DcmTag(sequence).getTagName()) + ": " + status.text());
    }
    return *item;
}

void createEmptySequence(DcmItem& parent, const DcmTagKey& sequence) {
    const OFCondition status = parent.insertEmptyElement(sequence);
    if (status.bad()) {
        throw std::runtime_error("cannot create " + std::string(DcmTag(sequence).getTagName()));
    }
}

bool isAscii(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto code = static_cast<unsigned char>(c);
        return code >= 0x20 && code < 0x7f;
    });
}

void checkRoiNames(const StructureSet& structures) {
    std::set<std::string> names;
    std::set<int> numbers;
    for (const auto& roi : structures.rois) {
        if (roi.name.empty() || roi.name.size() > 16 || !isAscii(roi.name) ||
            roi.name.find('\\') != std::string::npos) {
            throw std::invalid_argument("ROI name '" + roi.name +
                                        "' must be 1 to 16 printable ASCII characters (planning "
                                        "systems reject longer or other names)");
        }
        if (!names.insert(roi.name).second) {
            throw std::invalid_argument("ROI name '" + roi.name + "' is used twice");
        }
        if (roi.number <= 0 || !numbers.insert(roi.number).second) {
            throw std::invalid_argument("ROI number " + std::to_string(roi.number) + " of '" +
                                        roi.name + "' is not a unique positive number");
        }
    }
}

/// The slice each contour lies on; throws when a contour lies off the series' slices.
std::int64_t sliceOfContour(const PlanarContour& contour, const ImageGeometry& geometry,
                            const std::string& roiName, std::size_t contourNumber) {
    const std::string where =
        "ROI '" + roiName + "' contour " + std::to_string(contourNumber) + ": ";
    std::set<Vec3> distinct(contour.points.begin(), contour.points.end());
    if (distinct.size() < 3) {
        throw std::invalid_argument(where +
                                    "a closed planar contour needs at least 3 distinct "
                                    "points, it has " +
                                    std::to_string(distinct.size()));
    }
    double minK = 1e300, maxK = -1e300, sumK = 0.0;
    for (const auto& point : contour.points) {
        const double k = geometry.patientToIndex(point)[2];
        minK = std::min(minK, k);
        maxK = std::max(maxK, k);
        sumK += k;
    }
    const double meanK = sumK / static_cast<double>(contour.points.size());
    const double nearest = std::round(meanK);
    // Contours must lie in an image plane for per-contour image references to be true.
    const double toleranceSlices = std::min(0.1, 0.05 / geometry.spacing[2] + 1e-6);
    if (maxK - minK > toleranceSlices || std::abs(meanK - nearest) > toleranceSlices) {
        throw std::invalid_argument(where + "the points do not lie in one slice plane of the "
                                            "referenced series");
    }
    if (nearest < 0 || nearest >= static_cast<double>(geometry.size[2])) {
        throw std::invalid_argument(where + "lies outside the referenced series");
    }
    return static_cast<std::int64_t>(nearest);
}

std::string currentDate(const std::tm& now) {
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y%m%d", &now);
    return buffer;
}

std::string currentTime(const std::tm& now) {
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%H%M%S", &now);
    return buffer;
}

void writePatientAndStudy(DcmItem& dataset, const ReferencedSeries& series) {
    if (!series.specificCharacterSet.empty()) {
        put(dataset, DCM_SpecificCharacterSet, series.specificCharacterSet);
    }
    put(dataset, DCM_PatientName, series.patientName);
    put(dataset, DCM_PatientID, series.patientId);
    put(dataset, DCM_PatientBirthDate, series.patientBirthDate);
    put(dataset, DCM_PatientSex, series.patientSex);
    if (!series.patientIdentityRemoved.empty()) {
        put(dataset, DCM_PatientIdentityRemoved, series.patientIdentityRemoved);
    }
    if (!series.deidentificationMethod.empty()) {
        put(dataset, DCM_DeidentificationMethod, series.deidentificationMethod);
    }
    put(dataset, DCM_StudyInstanceUID, series.studyInstanceUid);
    put(dataset, DCM_StudyDate, series.studyDate);
    put(dataset, DCM_StudyTime, series.studyTime);
    put(dataset, DCM_StudyID, series.studyId);
    put(dataset, DCM_AccessionNumber, series.accessionNumber);
    put(dataset, DCM_ReferringPhysicianName, series.referringPhysicianName);
    if (!series.studyDescription.empty()) {
        put(dataset, DCM_StudyDescription, series.studyDescription);
    }
}

void checkSeries(const ReferencedSeries& series) {
    series.geometry.validate();
    if (series.sopInstanceUids.size() != static_cast<std::size_t>(series.geometry.size[2])) {
        throw std::invalid_argument(
            "referenced series lists " + std::to_string(series.sopInstanceUids.size()) +
            " SOP instance UIDs for " + std::to_string(series.geometry.size[2]) + " slices");
    }
    for (const auto* uid : {&series.studyInstanceUid, &series.seriesInstanceUid,
                            &series.frameOfReferenceUid, &series.sopClassUid}) {
        if (uid->empty()) {
            throw std::invalid_argument("referenced series lacks its study, series, frame of "
                                        "reference or SOP class UID");
        }
    }
    if (std::all_of(series.sopInstanceUids.begin(), series.sopInstanceUids.end(),
                    [](const std::string& uid) { return uid.empty(); })) {
        throw std::invalid_argument("referenced series has no slice with a SOP instance UID");
    }
}

} // namespace

RtStructWriter::RtStructWriter(RtStructWriteOptions options) : options_(std::move(options)) {}

RtStructWriteResult RtStructWriter::write(const StructureSet& structures,
                                          const ReferencedSeries& series,
                                          const std::filesystem::path& file) const {
    RtStructWriteResult result;
    detail::initialiseDicomLibrary();
    checkSeries(series);
    if (structures.rois.empty()) {
        throw std::invalid_argument("the structure set has no ROI to write to " + file.string());
    }
    checkRoiNames(structures);

    const std::time_t seconds = std::time(nullptr);
    std::tm now{};
    localtime_r(&seconds, &now);
    const std::string date = currentDate(now);
    const std::string time = currentTime(now);
    const std::string sopInstanceUid =
        options_.sopInstanceUid.empty() ? makeDicomUid() : options_.sopInstanceUid;
    const std::string seriesInstanceUid =
        options_.seriesInstanceUid.empty() ? makeDicomUid() : options_.seriesInstanceUid;

    DcmFileFormat fileFormat;
    DcmDataset& dataset = *fileFormat.getDataset();

    // SOP common
    put(dataset, DCM_SOPClassUID, UID_RTStructureSetStorage);
    put(dataset, DCM_SOPInstanceUID, sopInstanceUid);
    put(dataset, DCM_InstanceCreationDate, date);
    put(dataset, DCM_InstanceCreationTime, time);
    writePatientAndStudy(dataset, series);

    // Frame of reference: the MR's, so planning systems place the contours on it.
    put(dataset, DCM_FrameOfReferenceUID, series.frameOfReferenceUid);
    put(dataset, DCM_PositionReferenceIndicator, series.positionReferenceIndicator);

    // RT series and equipment
    put(dataset, DCM_Modality, "RTSTRUCT");
    put(dataset, DCM_SeriesInstanceUID, seriesInstanceUid);
    put(dataset, DCM_SeriesNumber, std::to_string(options_.seriesNumber));
    put(dataset, DCM_SeriesDate, date);
    put(dataset, DCM_SeriesTime, time);
    put(dataset, DCM_SeriesDescription,
        (options_.synthetic ? "SYNTHETIC " : "") + options_.seriesDescription);
    put(dataset, DCM_OperatorsName, "");
    put(dataset, DCM_Manufacturer, options_.manufacturer);
    if (!options_.softwareVersions.empty()) {
        put(dataset, DCM_SoftwareVersions, options_.softwareVersions);
    }

    // Structure set
    put(dataset, DCM_InstanceNumber, "1");
    put(dataset, DCM_StructureSetLabel, options_.structureSetLabel);
    if (!options_.structureSetName.empty()) {
        put(dataset, DCM_StructureSetName, options_.structureSetName);
    }
    if (options_.synthetic) {
        put(dataset, DCM_StructureSetDescription, "SYNTHETIC PHANTOM - NOT FOR CLINICAL USE");
    }
    put(dataset, DCM_StructureSetDate, date);
    put(dataset, DCM_StructureSetTime, time);

    DcmItem& frame = appendItem(dataset, DCM_ReferencedFrameOfReferenceSequence);
    put(frame, DCM_FrameOfReferenceUID, series.frameOfReferenceUid);
    DcmItem& study = appendItem(frame, DCM_RTReferencedStudySequence);
    put(study, DCM_ReferencedSOPClassUID, studyComponentSopClass);
    put(study, DCM_ReferencedSOPInstanceUID, series.studyInstanceUid);
    DcmItem& referencedSeries = appendItem(study, DCM_RTReferencedSeriesSequence);
    put(referencedSeries, DCM_SeriesInstanceUID, series.seriesInstanceUid);
    for (const auto& uid : series.sopInstanceUids) {
        if (uid.empty()) {
            continue; // a slice missing from the series
        }
        DcmItem& image = appendItem(referencedSeries, DCM_ContourImageSequence);
        put(image, DCM_ReferencedSOPClassUID, series.sopClassUid);
        put(image, DCM_ReferencedSOPInstanceUID, uid);
    }

    createEmptySequence(dataset, DCM_StructureSetROISequence);
    createEmptySequence(dataset, DCM_ROIContourSequence);
    createEmptySequence(dataset, DCM_RTROIObservationsSequence);
    int observation = 0;
    for (const auto& roi : structures.rois) {
        DcmItem& roiItem = appendItem(dataset, DCM_StructureSetROISequence);
        put(roiItem, DCM_ROINumber, std::to_string(roi.number));
        put(roiItem, DCM_ReferencedFrameOfReferenceUID, series.frameOfReferenceUid);
        put(roiItem, DCM_ROIName, roi.name);
        put(roiItem, DCM_ROIGenerationAlgorithm, roi.generationAlgorithm);

        DcmItem& contourRoi = appendItem(dataset, DCM_ROIContourSequence);
        put(contourRoi, DCM_ROIDisplayColor,
            std::to_string(roi.colour[0]) + "\\" + std::to_string(roi.colour[1]) + "\\" +
                std::to_string(roi.colour[2]));
        for (std::size_t c = 0; c < roi.contours.size(); ++c) {
            const auto& contour = roi.contours[c];
            const std::int64_t slice = sliceOfContour(contour, series.geometry, roi.name, c + 1);
            DcmItem& contourItem = appendItem(contourRoi, DCM_ContourSequence);
            put(contourItem, DCM_ContourNumber, std::to_string(c + 1));
            const std::string& imageUid = series.sopInstanceUids[static_cast<std::size_t>(slice)];
            if (imageUid.empty()) {
                result.warnings.push_back(
                    "ROI '" + roi.name + "' contour " + std::to_string(c + 1) + " lies on slice " +
                    std::to_string(slice) +
                    ", which the series lacks: written without an image reference");
            } else {
                DcmItem& image = appendItem(contourItem, DCM_ContourImageSequence);
                put(image, DCM_ReferencedSOPClassUID, series.sopClassUid);
                put(image, DCM_ReferencedSOPInstanceUID, imageUid);
            }
            put(contourItem, DCM_ContourGeometricType, "CLOSED_PLANAR");
            put(contourItem, DCM_NumberOfContourPoints, std::to_string(contour.points.size()));
            std::string data;
            for (const auto& point : contour.points) {
                for (const double coordinate : point) {
                    data += (data.empty() ? "" : "\\") + formatDecimalString(coordinate);
                }
            }
            if (data.size() > maxContourDataBytes) {
                throw std::invalid_argument("ROI '" + roi.name + "' contour " +
                                            std::to_string(c + 1) + " has too many points (" +
                                            std::to_string(contour.points.size()) +
                                            ") for one ContourData element");
            }
            put(contourItem, DCM_ContourData, data);
        }
        put(contourRoi, DCM_ReferencedROINumber, std::to_string(roi.number));

        DcmItem& observationItem = appendItem(dataset, DCM_RTROIObservationsSequence);
        put(observationItem, DCM_ObservationNumber, std::to_string(++observation));
        put(observationItem, DCM_ReferencedROINumber, std::to_string(roi.number));
        put(observationItem, DCM_ROIObservationLabel, roi.name);
        put(observationItem, DCM_RTROIInterpretedType, roi.interpretedType);
        put(observationItem, DCM_ROIInterpreter, "");
    }

    const OFCondition status = fileFormat.saveFile(file.string().c_str(), EXS_LittleEndianExplicit);
    if (status.bad()) {
        throw std::runtime_error("cannot write RTSTRUCT " + file.string() + ": " + status.text());
    }
    result.sopInstanceUid = sopInstanceUid;
    return result;
}

void readPatientAndStudy(const std::filesystem::path& imageFile, ReferencedSeries& series) {
    detail::initialiseDicomLibrary();
    if (const auto refusal = detail::excessiveNesting(imageFile)) {
        throw std::runtime_error(imageFile.string() + ": " + *refusal);
    }
    DcmFileFormat fileFormat;
    const OFCondition status = fileFormat.loadFile(imageFile.string().c_str(), EXS_Unknown,
                                                   EGL_noChange, 4096, ERM_autoDetect);
    if (status.bad()) {
        throw std::runtime_error("cannot read DICOM header of " + imageFile.string() + ": " +
                                 status.text());
    }
    DcmDataset& dataset = *fileFormat.getDataset();
    auto text = [&](const DcmTagKey& tag) {
        OFString value;
        dataset.findAndGetOFStringArray(tag, value);
        return std::string(value.c_str());
    };
    series.specificCharacterSet = text(DCM_SpecificCharacterSet);
    series.patientName = text(DCM_PatientName);
    series.patientId = text(DCM_PatientID);
    series.patientBirthDate = text(DCM_PatientBirthDate);
    series.patientSex = text(DCM_PatientSex);
    series.patientIdentityRemoved = text(DCM_PatientIdentityRemoved);
    series.deidentificationMethod = text(DCM_DeidentificationMethod);
    series.studyInstanceUid = text(DCM_StudyInstanceUID);
    series.studyDate = text(DCM_StudyDate);
    series.studyTime = text(DCM_StudyTime);
    series.studyId = text(DCM_StudyID);
    series.accessionNumber = text(DCM_AccessionNumber);
    series.referringPhysicianName = text(DCM_ReferringPhysicianName);
    series.studyDescription = text(DCM_StudyDescription);
    series.positionReferenceIndicator = text(DCM_PositionReferenceIndicator);
}

ReferencedSeries referencedSeriesOf(const SeriesInfo& series) {
    if (!series.loadable || series.slices.empty()) {
        std::string problems;
        for (const auto& issue : series.issues) {
            problems +=
                "\n  " + toString(issue.severity) + " [" + issue.code + "]: " + issue.message;
        }
        throw std::runtime_error("series " + series.seriesInstanceUid +
                                 " cannot be assembled into a grid:" + problems);
    }
    ReferencedSeries reference;
    readPatientAndStudy(series.slices.front().path, reference);
    reference.seriesInstanceUid = series.seriesInstanceUid;
    reference.frameOfReferenceUid = series.frameOfReferenceUid;
    reference.sopClassUid = series.sopClassUid;
    reference.geometry = series.geometry;
    // Slots of missing slices stay empty; the writer refuses contours that would reference them.
    reference.sopInstanceUids.assign(static_cast<std::size_t>(series.geometry.size[2]), {});
    for (const auto& slice : series.slices) {
        if (slice.sliceIndex >= 0 && slice.sliceIndex < series.geometry.size[2]) {
            reference.sopInstanceUids[static_cast<std::size_t>(slice.sliceIndex)] =
                slice.sopInstanceUid;
        }
    }
    return reference;
}

} // namespace metis::imaging
