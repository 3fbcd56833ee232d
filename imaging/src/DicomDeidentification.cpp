#include "metis/imaging/DicomDeidentification.h"

#include "DicomLibrary.h"
#include "metis/imaging/DicomSeriesWriter.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcstack.h>
#include <stdexcept>

namespace metis::imaging {
namespace {

using Tag = std::pair<unsigned, unsigned>;

// PS3.15 Table E.1-1, Basic Profile, actions X, Z and D on the attributes an MR series or an RT
// structure set can carry (the UIDs, action U, are replaced separately).
constexpr Tag kRemoved[] = {
    // Patient
    {0x0010, 0x0021},
    {0x0010, 0x0032},
    {0x0010, 0x0050},
    {0x0010, 0x0101},
    {0x0010, 0x1000},
    {0x0010, 0x1001},
    {0x0010, 0x1002},
    {0x0010, 0x1005},
    {0x0010, 0x1040},
    {0x0010, 0x1060},
    {0x0010, 0x1080},
    {0x0010, 0x1081},
    {0x0010, 0x1090},
    {0x0010, 0x2000},
    {0x0010, 0x2110},
    {0x0010, 0x2150},
    {0x0010, 0x2152},
    {0x0010, 0x2154},
    {0x0010, 0x2180},
    {0x0010, 0x21B0},
    {0x0010, 0x21F0},
    {0x0010, 0x4000},
    {0x0038, 0x0010},
    {0x0038, 0x0300},
    {0x0038, 0x0400},
    // Study and request
    {0x0008, 0x0092},
    {0x0008, 0x0094},
    {0x0008, 0x0096},
    {0x0008, 0x1030},
    {0x0008, 0x1048},
    {0x0008, 0x1049},
    {0x0008, 0x1060},
    {0x0008, 0x1062},
    {0x0008, 0x1080},
    {0x0008, 0x1110},
    {0x0008, 0x1120},
    {0x0032, 0x1032},
    {0x0032, 0x1060},
    {0x0032, 0x1070},
    {0x0032, 0x4000},
    {0x0040, 0x0275},
    {0x0040, 0x1001},
    {0x0040, 0x1400},
    {0x0040, 0x2016},
    {0x0040, 0x2017},
    {0x0040, 0x2400},
    // Equipment, series and acquisition
    {0x0008, 0x0080},
    {0x0008, 0x0081},
    {0x0008, 0x0082},
    {0x0008, 0x0201},
    {0x0008, 0x103E},
    {0x0008, 0x1010},
    {0x0008, 0x1040},
    {0x0008, 0x1050},
    {0x0008, 0x1052},
    {0x0008, 0x1072},
    {0x0008, 0x1111},
    {0x0008, 0x2111},
    {0x0018, 0x1000},
    {0x0018, 0x1030},
    {0x0018, 0x1400},
    {0x0018, 0x4000},
    {0x0018, 0x9424},
    {0x0020, 0x4000},
    {0x0040, 0x0241},
    {0x0040, 0x0242},
    {0x0040, 0x0243},
    {0x0040, 0x0253},
    {0x0040, 0x0254},
    {0x0040, 0x0280},
    {0x0040, 0xA730},
    {0x0400, 0x0561},
    // RT structure set
    {0x3006, 0x0004},
    {0x3006, 0x0006},
    {0x3006, 0x0028},
    {0x3006, 0x0038},
    {0x3006, 0x0085},
    {0x3006, 0x0088},
};

// Action Z, and X/Z on attributes of type 2 in RT Series (Operators' Name): kept, emptied.
constexpr Tag kEmptied[] = {{0x0008, 0x0050}, {0x0008, 0x0090}, {0x0008, 0x1070},
                            {0x0010, 0x0030}, {0x0020, 0x0010}, {0x3006, 0x00A6}};

// Kept by the Retain Patient Characteristics option, removed without it.
constexpr Tag kPatientCharacteristics[] = {{0x0010, 0x0040}, {0x0010, 0x1010}, {0x0010, 0x1020},
                                           {0x0010, 0x1030}, {0x0010, 0x2160}, {0x0010, 0x21A0},
                                           {0x0010, 0x21C0}, {0x0010, 0x2203}};

// Kept by the Retain Longitudinal Temporal Information with Full Dates option, emptied without.
constexpr Tag kDatesAndTimes[] = {{0x0008, 0x0012}, {0x0008, 0x0013}, {0x0008, 0x0020},
                                  {0x0008, 0x0021}, {0x0008, 0x0022}, {0x0008, 0x0023},
                                  {0x0008, 0x0030}, {0x0008, 0x0031}, {0x0008, 0x0032},
                                  {0x0008, 0x0033}, {0x3006, 0x0008}, {0x3006, 0x0009}};

DcmTagKey key(const Tag& tag) {
    return {static_cast<Uint16>(tag.first), static_cast<Uint16>(tag.second)};
}

bool isStandardUid(const std::string& uid) {
    return uid.rfind("1.2.840.10008.", 0) == 0;
}

/// Every element in the item and its sequences' items, depth first.
template <typename Visit> void forEachElement(DcmItem& item, Visit&& visit) {
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* element = item.getElement(i);
        visit(*element);
        if (element->ident() == EVR_SQ) {
            auto& sequence = static_cast<DcmSequenceOfItems&>(*element);
            for (unsigned long j = 0; j < sequence.card(); ++j) {
                forEachElement(*sequence.getItem(j), visit);
            }
        }
    }
}

void removeEverywhere(DcmItem& item, const DcmTagKey& tag) {
    item.findAndDeleteElement(tag, OFTrue, OFTrue);
}

void emptyEverywhere(DcmItem& item, const DcmTagKey& tag) {
    forEachElement(item, [&](DcmElement& element) {
        if (element.getTag() == tag && element.ident() != EVR_SQ) {
            element.putString("");
        }
    });
}

/// Private attributes (odd groups) at every depth.
void removePrivate(DcmItem& item) {
    for (unsigned long i = item.card(); i-- > 0;) {
        DcmElement* element = item.getElement(i);
        if (element->getTag().isPrivate()) {
            delete item.remove(i);
            continue;
        }
        if (element->ident() == EVR_SQ) {
            auto& sequence = static_cast<DcmSequenceOfItems&>(*element);
            for (unsigned long j = 0; j < sequence.card(); ++j) {
                removePrivate(*sequence.getItem(j));
            }
        }
    }
}

void addCode(DcmItem& parent, const char* value, const char* meaning) {
    DcmItem* code = nullptr;
    if (parent.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, -2).good()) {
        code->putAndInsertString(DCM_CodeValue, value);
        code->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        code->putAndInsertString(DCM_CodeMeaning, meaning);
    }
}

} // namespace

std::string UidRemapping::remap(const std::string& uid) {
    if (uid.empty() || isStandardUid(uid)) {
        return uid;
    }
    auto [entry, added] = map_.try_emplace(uid);
    if (added) {
        entry->second = makeDicomUid();
    }
    return entry->second;
}

std::vector<std::pair<unsigned, unsigned>>
basicProfileIdentifyingTags(const DeidentificationProfile& profile) {
    std::vector<Tag> tags(std::begin(kRemoved), std::end(kRemoved));
    tags.insert(tags.end(), std::begin(kEmptied), std::end(kEmptied));
    if (!profile.retainPatientCharacteristics) {
        tags.insert(tags.end(), std::begin(kPatientCharacteristics),
                    std::end(kPatientCharacteristics));
    }
    if (!profile.retainLongitudinalTemporalInformation) {
        tags.insert(tags.end(), std::begin(kDatesAndTimes), std::end(kDatesAndTimes));
    }
    return tags;
}

void deidentifyFile(const std::filesystem::path& input, const std::filesystem::path& output,
                    const DeidentificationProfile& profile, UidRemapping& uids) {
    detail::initialiseDicomLibrary();
    DcmFileFormat file;
    if (const OFCondition loaded = file.loadFile(input.c_str()); loaded.bad()) {
        throw std::runtime_error(input.string() + ": cannot read: " + loaded.text());
    }
    DcmDataset& data = *file.getDataset();

    for (const Tag& tag : kRemoved) {
        removeEverywhere(data, key(tag));
    }
    for (const Tag& tag : kEmptied) {
        emptyEverywhere(data, key(tag));
    }
    if (!profile.retainPatientCharacteristics) {
        for (const Tag& tag : kPatientCharacteristics) {
            removeEverywhere(data, key(tag));
        }
    }
    if (!profile.retainLongitudinalTemporalInformation) {
        for (const Tag& tag : kDatesAndTimes) {
            emptyEverywhere(data, key(tag));
        }
    }
    removePrivate(data);
    forEachElement(data, [&](DcmElement& element) {
        if (element.ident() != EVR_UI) {
            return;
        }
        OFString values;
        element.getOFStringArray(values);
        std::string remapped;
        std::size_t start = 0;
        const std::string text = values.c_str();
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\\', start), text.size());
            remapped += (start ? "\\" : "") + uids.remap(text.substr(start, end - start));
            start = end + 1;
        }
        element.putString(remapped.c_str());
    });

    data.putAndInsertString(DCM_PatientName, profile.pseudonym.c_str());
    data.putAndInsertString(DCM_PatientID, profile.pseudonym.c_str());
    data.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    // One value per profile and option (LO values hold 64 characters each).
    std::string method = "PS3.15 Basic Application Confidentiality Profile";
    if (profile.retainLongitudinalTemporalInformation) {
        method += "\\Retain Longitudinal Temporal Information Full Dates";
    }
    if (profile.retainPatientCharacteristics) {
        method += "\\Retain Patient Characteristics";
    }
    data.putAndInsertString(DCM_DeidentificationMethod, method.c_str());
    data.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    addCode(data, "113100", "Basic Application Confidentiality Profile");
    if (profile.retainLongitudinalTemporalInformation) {
        addCode(data, "113106", "Retain Longitudinal Temporal Information Full Dates Option");
    }
    if (profile.retainPatientCharacteristics) {
        addCode(data, "113108", "Retain Patient Characteristics Option");
    }
    data.putAndInsertString(DCM_LongitudinalTemporalInformationModified,
                            profile.retainLongitudinalTemporalInformation ? "UNMODIFIED"
                                                                          : "REMOVED");

    // A new meta header: the old one names the original SOP instance and the sending system.
    file.getMetaInfo()->clear();
    const E_TransferSyntax syntax = data.getOriginalXfer();
    std::filesystem::create_directories(output.parent_path());
    const OFCondition saved =
        file.saveFile(output.c_str(), syntax == EXS_Unknown ? EXS_LittleEndianExplicit : syntax,
                      EET_ExplicitLength, EGL_recalcGL, EPD_noChange, 0, 0, EWM_createNewMeta);
    if (saved.bad()) {
        throw std::runtime_error(output.string() + ": cannot write: " + saved.text());
    }
}

} // namespace metis::imaging
