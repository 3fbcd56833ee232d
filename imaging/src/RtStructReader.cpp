#include "DicomLibrary.h"
#include "DicomNesting.h"
#include "metis/imaging/RtStruct.h"

#include <algorithm>
#include <cctype>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrds.h>
#include <map>
#include <set>
#include <stdexcept>

namespace metis::imaging {

namespace {

class RtStructError : public std::runtime_error {
public:
    RtStructError(const std::filesystem::path& file, const std::string& problem)
        : std::runtime_error("RTSTRUCT " + file.string() + ": " + problem) {}
};

std::string trimmed(std::string value) {
    const auto first = value.find_first_not_of(' ');
    const auto last = value.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
}

std::string lower(std::string value) {
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return value;
}

std::string upper(std::string value) {
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return value;
}

/// The items of a sequence in `item`, empty when the sequence is absent.
std::vector<DcmItem*> items(DcmItem& item, const DcmTagKey& tag) {
    std::vector<DcmItem*> result;
    DcmSequenceOfItems* sequence = nullptr;
    if (item.findAndGetSequence(tag, sequence).good() && sequence != nullptr) {
        for (unsigned long n = 0; n < sequence->card(); ++n) {
            result.push_back(sequence->getItem(n));
        }
    }
    return result;
}

int integer(DcmItem& item, const DcmTagKey& tag, const std::filesystem::path& file,
            const std::string& where) {
    const std::string value = trimmed(detail::tagText(item, tag));
    try {
        std::size_t used = 0;
        const int number = std::stoi(value, &used);
        if (used == value.size()) {
            return number;
        }
    } catch (const std::exception&) {
    }
    throw RtStructError(file, where + ": " + std::string(DcmTag(tag).getTagName()) + " '" + value +
                                  "' is not an integer");
}

std::vector<double> decimals(DcmItem& item, const DcmTagKey& tag) {
    DcmElement* element = nullptr;
    std::vector<double> values;
    if (item.findAndGetElement(tag, element).bad() || element == nullptr) {
        return values;
    }
    if (auto* decimalString = dynamic_cast<DcmDecimalString*>(element)) {
        OFVector<Float64> parsed;
        if (decimalString->getFloat64Vector(parsed).good()) {
            values.assign(parsed.begin(), parsed.end());
        }
        return values;
    }
    for (unsigned long n = 0; n < element->getVM(); ++n) {
        Float64 value = 0.0;
        if (element->getFloat64(value, n).good()) {
            values.push_back(value);
        }
    }
    return values;
}

RgbColour colourOf(DcmItem& item) {
    RgbColour colour{255, 0, 0};
    for (unsigned long n = 0; n < 3; ++n) {
        Sint32 value = 0;
        if (item.findAndGetSint32(DCM_ROIDisplayColor, value, n).good()) {
            colour[n] = static_cast<std::uint8_t>(std::clamp<Sint32>(value, 0, 255));
        }
    }
    return colour;
}

void readReferences(DcmDataset& dataset, RtStructFile& result) {
    std::set<std::string> series;
    for (DcmItem* frame : items(dataset, DCM_ReferencedFrameOfReferenceSequence)) {
        if (result.frameOfReferenceUid.empty()) {
            result.frameOfReferenceUid = detail::tagText(*frame, DCM_FrameOfReferenceUID);
        }
        for (DcmItem* study : items(*frame, DCM_RTReferencedStudySequence)) {
            for (DcmItem* referenced : items(*study, DCM_RTReferencedSeriesSequence)) {
                const std::string uid = detail::tagText(*referenced, DCM_SeriesInstanceUID);
                if (!uid.empty() && series.insert(uid).second) {
                    result.referencedSeriesInstanceUids.push_back(uid);
                }
                for (DcmItem* image : items(*referenced, DCM_ContourImageSequence)) {
                    result.referencedSopInstanceUids.push_back(
                        detail::tagText(*image, DCM_ReferencedSOPInstanceUID));
                }
            }
        }
    }
}

} // namespace

RtStructFile RtStructReader::read(const std::filesystem::path& file) {
    detail::initialiseDicomLibrary();
    if (!std::filesystem::is_regular_file(file)) {
        throw RtStructError(file, "no such file");
    }
    if (const auto refusal = detail::excessiveNesting(file)) {
        throw RtStructError(file, *refusal);
    }
    DcmFileFormat fileFormat;
    const OFCondition status = fileFormat.loadFile(file.string().c_str());
    if (status.bad()) {
        throw RtStructError(file, std::string("not readable as DICOM: ") + status.text());
    }
    DcmDataset& dataset = *fileFormat.getDataset();
    const std::string sopClass = detail::tagText(dataset, DCM_SOPClassUID);
    if (sopClass != UID_RTStructureSetStorage) {
        throw RtStructError(file, "not an RT Structure Set (SOP class '" + sopClass +
                                      "', modality '" + detail::tagText(dataset, DCM_Modality) +
                                      "')");
    }

    RtStructFile result;
    result.path = file;
    result.sopInstanceUid = detail::tagText(dataset, DCM_SOPInstanceUID);
    result.seriesInstanceUid = detail::tagText(dataset, DCM_SeriesInstanceUID);
    result.studyInstanceUid = detail::tagText(dataset, DCM_StudyInstanceUID);
    const std::string characterSet = detail::tagText(dataset, DCM_SpecificCharacterSet);
    result.patientId = detail::decodedText(dataset, DCM_PatientID, characterSet);
    result.patientName = detail::decodedText(dataset, DCM_PatientName, characterSet);
    result.structures.label = detail::decodedText(dataset, DCM_StructureSetLabel, characterSet);
    readReferences(dataset, result);

    std::map<int, std::size_t> roiIndex;
    for (DcmItem* item : items(dataset, DCM_StructureSetROISequence)) {
        StructureRoi roi;
        roi.number = integer(*item, DCM_ROINumber, file, "StructureSetROISequence");
        roi.name = trimmed(detail::decodedText(*item, DCM_ROIName, characterSet));
        roi.generationAlgorithm =
            trimmed(detail::decodedText(*item, DCM_ROIGenerationAlgorithm, characterSet));
        if (!roiIndex.emplace(roi.number, result.structures.rois.size()).second) {
            throw RtStructError(file,
                                "ROI number " + std::to_string(roi.number) + " is used twice");
        }
        result.structures.rois.push_back(std::move(roi));
    }
    for (DcmItem* item : items(dataset, DCM_RTROIObservationsSequence)) {
        const int number =
            integer(*item, DCM_ReferencedROINumber, file, "RTROIObservationsSequence");
        const auto found = roiIndex.find(number);
        if (found != roiIndex.end()) {
            result.structures.rois[found->second].interpretedType =
                upper(trimmed(detail::tagText(*item, DCM_RTROIInterpretedType)));
        }
    }
    for (DcmItem* item : items(dataset, DCM_ROIContourSequence)) {
        const int number = integer(*item, DCM_ReferencedROINumber, file, "ROIContourSequence");
        const auto found = roiIndex.find(number);
        if (found == roiIndex.end()) {
            throw RtStructError(file, "ROIContourSequence refers to ROI number " +
                                          std::to_string(number) +
                                          ", which StructureSetROISequence does not declare");
        }
        StructureRoi& roi = result.structures.rois[found->second];
        roi.colour = colourOf(*item);
        const auto contours = items(*item, DCM_ContourSequence);
        for (std::size_t c = 0; c < contours.size(); ++c) {
            DcmItem& contourItem = *contours[c];
            const std::string where = "ROI " + std::to_string(roi.number) + " '" + roi.name +
                                      "' contour " + std::to_string(c + 1);
            for (DcmItem* image : items(contourItem, DCM_ContourImageSequence)) {
                result.referencedSopInstanceUids.push_back(
                    detail::tagText(*image, DCM_ReferencedSOPInstanceUID));
            }
            if (trimmed(detail::tagText(contourItem, DCM_ContourGeometricType)) !=
                "CLOSED_PLANAR") {
                continue; // points and open polylines enclose no voxels
            }
            const std::vector<double> data = decimals(contourItem, DCM_ContourData);
            if (data.size() % 3 != 0) {
                throw RtStructError(file, where + ": ContourData holds " +
                                              std::to_string(data.size()) +
                                              " values, not a multiple of 3");
            }
            const std::size_t pointCount = data.size() / 3;
            const int declared = integer(contourItem, DCM_NumberOfContourPoints, file, where);
            if (declared < 0 || static_cast<std::size_t>(declared) != pointCount) {
                throw RtStructError(file, where + ": NumberOfContourPoints is " +
                                              std::to_string(declared) + " but ContourData holds " +
                                              std::to_string(pointCount) + " points");
            }
            PlanarContour contour;
            for (std::size_t p = 0; p < pointCount; ++p) {
                contour.points.push_back({data[3 * p], data[3 * p + 1], data[3 * p + 2]});
            }
            const std::set<Vec3> distinct(contour.points.begin(), contour.points.end());
            if (distinct.size() < 3) {
                throw RtStructError(file, where +
                                              ": a CLOSED_PLANAR contour needs at least 3 "
                                              "distinct points, it has " +
                                              std::to_string(distinct.size()));
            }
            roi.contours.push_back(std::move(contour));
        }
    }
    return result;
}

namespace {

/// Words of a name, split at anything that is not a letter or digit, lower case.
std::vector<std::string> words(const std::string& name) {
    std::vector<std::string> result;
    std::string current;
    for (const char c : lower(name)) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            current += c;
        } else if (!current.empty()) {
            result.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) {
        result.push_back(current);
    }
    return result;
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

bool isGtvRoi(const StructureRoi& roi) {
    const std::string name = lower(trimmed(roi.name));
    std::string compact;
    for (const auto& word : words(name)) {
        compact += word;
    }
    // Anatomy and helper structures, whatever type a careless export gave them.
    static const std::set<std::string> anatomy{
        "brain",   "brainstem", "external", "body",   "skull",    "outline", "skin",       "head",
        "patient", "couch",     "table",    "bone",   "scalp",    "csf",     "ventricles", "eyel",
        "eyer",    "lensl",     "lensr",    "chiasm", "cochleal", "cochlear"};
    if (anatomy.count(compact) || startsWith(compact, "external") || startsWith(compact, "body") ||
        startsWith(compact, "ptv") || startsWith(compact, "ctv") || startsWith(compact, "itv")) {
        return false;
    }
    static const std::set<std::string> nonTargetTypes{"EXTERNAL",
                                                      "PTV",
                                                      "CTV",
                                                      "AVOIDANCE",
                                                      "BOLUS",
                                                      "SUPPORT",
                                                      "FIXATION",
                                                      "ISOCENTER",
                                                      "MARKER",
                                                      "REGISTRATION",
                                                      "CAVITY",
                                                      "DOSE_REGION",
                                                      "CONTRAST_AGENT",
                                                      "TREATED_VOLUME",
                                                      "IRRAD_VOLUME",
                                                      "BRACHY_CHANNEL",
                                                      "BRACHY_ACCESSORY",
                                                      "BRACHY_SRC_APP",
                                                      "BRACHY_CHNL_SHLD"};
    const std::string type = upper(trimmed(roi.interpretedType));
    if (nonTargetTypes.count(type)) {
        return false;
    }
    if (type == "GTV") {
        return true;
    }
    return startsWith(compact, "gtv") || contains(compact, "tumour") ||
           contains(compact, "tumor") || contains(compact, "met") || contains(compact, "lesion");
}

StructureSet selectGtvRois(const StructureSet& set) {
    StructureSet gtv;
    gtv.label = set.label;
    std::vector<const StructureRoi*> unions;
    for (const auto& roi : set.rois) {
        if (!isGtvRoi(roi)) {
            continue;
        }
        const auto nameWords = words(roi.name);
        static const std::set<std::string> unionWords{"all", "union", "total", "combined", "sum"};
        if (nameWords.size() > 1 && unionWords.count(nameWords.back())) {
            unions.push_back(&roi);
            continue;
        }
        gtv.rois.push_back(roi);
    }
    if (gtv.rois.empty()) {
        for (const auto* roi : unions) {
            gtv.rois.push_back(*roi);
        }
    }
    return gtv;
}

LabelMap gtvLabelMap(const RtStructFile& rtstruct, const ReferencedSeries& series,
                     RoiLabelling labelling) {
    const auto& file = rtstruct.path;
    if (!rtstruct.frameOfReferenceUid.empty() && !series.frameOfReferenceUid.empty() &&
        rtstruct.frameOfReferenceUid != series.frameOfReferenceUid) {
        throw RtStructError(file, "references frame of reference " + rtstruct.frameOfReferenceUid +
                                      ", but the given series " + series.seriesInstanceUid +
                                      " lies in " + series.frameOfReferenceUid);
    }
    const auto& seriesUids = rtstruct.referencedSeriesInstanceUids;
    if (!seriesUids.empty() && std::find(seriesUids.begin(), seriesUids.end(),
                                         series.seriesInstanceUid) == seriesUids.end()) {
        throw RtStructError(file, "references series " + seriesUids.front() +
                                      ", which is not the given series " +
                                      series.seriesInstanceUid);
    }
    if (seriesUids.empty() && !rtstruct.referencedSopInstanceUids.empty()) {
        const std::set<std::string> slices(series.sopInstanceUids.begin(),
                                           series.sopInstanceUids.end());
        const bool anyShared = std::any_of(
            rtstruct.referencedSopInstanceUids.begin(), rtstruct.referencedSopInstanceUids.end(),
            [&](const std::string& uid) { return slices.count(uid) > 0; });
        if (!anyShared) {
            throw RtStructError(file, "references no image of the given series " +
                                          series.seriesInstanceUid);
        }
    }
    const StructureSet gtv = selectGtvRois(rtstruct.structures);
    if (gtv.rois.empty()) {
        std::string names;
        for (const auto& roi : rtstruct.structures.rois) {
            names += (names.empty() ? "" : ", ") + roi.name;
        }
        throw RtStructError(file,
                            "holds no GTV ROI (ROIs: " + (names.empty() ? "none" : names) + ")");
    }
    try {
        return structureSetToLabelMap(gtv, series.geometry, labelling);
    } catch (const std::invalid_argument& e) {
        throw RtStructError(file, e.what());
    }
}

} // namespace metis::imaging
