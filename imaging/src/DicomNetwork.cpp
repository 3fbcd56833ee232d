// The service-class-user side of DICOM networking: C-ECHO, C-FIND, C-MOVE and C-STORE, each
// over one association of DCMTK's DcmSCU.
#include "metis/imaging/DicomNetwork.h"

#include "DicomLibrary.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>
#include <map>
#include <set>
#include <utility>

namespace metis::imaging {
namespace {

std::string statusText(Uint16 status) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(status));
    return std::string("status 0x") + hex;
}

/// "20210501" from "2021-05-01" or "20210501"; empty stays empty.
std::string dicomDate(const std::string& date) {
    std::string digits;
    std::copy_if(date.begin(), date.end(), std::back_inserter(digits),
                 [](char c) { return c != '-'; });
    return digits;
}

/// One association to a peer, opened with the given presentation contexts, released (or
/// aborted) when it goes out of scope.
class Association : public DcmSCU {
public:
    Association(const std::string& callingAe, const DicomNode& peer,
                const NetworkTimeouts& timeouts)
        : peer_(peer) {
        validateAeTitle(callingAe);
        validateNode(peer);
        detail::initialiseDicomLibrary();
        setAETitle(callingAe.c_str());
        setPeerAETitle(peer.aeTitle.c_str());
        setPeerHostName(peer.host.c_str());
        setPeerPort(static_cast<Uint16>(peer.port));
        setConnectionTimeout(timeouts.connectSeconds);
        setACSETimeout(static_cast<Uint32>(timeouts.connectSeconds));
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setDIMSETimeout(static_cast<Uint32>(timeouts.responseSeconds));
    }
    ~Association() override {
        if (isConnected()) {
            releaseAssociation();
        }
    }

    void offer(const char* abstractSyntax, const OFList<OFString>& transferSyntaxes) {
        addPresentationContext(abstractSyntax, transferSyntaxes);
    }
    void offerUncompressed(const char* abstractSyntax) {
        OFList<OFString> syntaxes;
        syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
        syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
        offer(abstractSyntax, syntaxes);
    }

    void open() {
        check(initNetwork(), "cannot set up the network");
        const OFCondition negotiated = negotiateAssociation();
        if (negotiated.bad()) {
            throw DicomNetworkError(describe(peer_) + ": association failed: " + negotiated.text() +
                                    reason(negotiated));
        }
    }

    T_ASC_PresentationContextID contextFor(const char* abstractSyntax) {
        const T_ASC_PresentationContextID id = findAnyPresentationContextID(abstractSyntax, "");
        if (id == 0) {
            throw DicomNetworkError(describe(peer_) + " does not accept " +
                                    dcmFindNameOfUID(abstractSyntax, abstractSyntax));
        }
        return id;
    }

    void check(const OFCondition& condition, const std::string& what) const {
        if (condition.bad()) {
            throw DicomNetworkError(describe(peer_) + ": " + what + ": " + condition.text());
        }
    }
    const DicomNode& peer() const { return peer_; }

private:
    /// The refusal's reason where the peer gave one, as storescu would print it.
    std::string reason(const OFCondition& condition) {
        if (condition == DUL_ASSOCIATIONREJECTED) {
            return " (the peer refused the association: check that it knows this AE title, host "
                   "and port)";
        }
        if (condition == DUL_PEERABORTEDASSOCIATION) {
            return " (the peer aborted)";
        }
        return {};
    }

    DicomNode peer_;
};

/// Collects a C-MOVE's pending counts for progress and sends C-CANCEL once asked to.
class MoveAssociation : public Association {
public:
    MoveAssociation(const std::string& callingAe, const DicomNode& peer,
                    const NetworkTimeouts& timeouts, ProgressSink& progress)
        : Association(callingAe, peer, timeouts), progress_(progress) {}

    bool cancelled = false;
    TransferCount count;
    Uint16 finalStatus = 0;

protected:
    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID,
                                   RetrieveResponse* response,
                                   OFBool& waitForNextResponse) override {
        count.completed = response->m_numberOfCompletedSubops;
        count.failed = response->m_numberOfFailedSubops;
        count.warnings = response->m_numberOfWarningSubops;
        const bool pending = DICOM_PENDING_STATUS(response->m_status);
        waitForNextResponse = pending;
        if (!pending) {
            finalStatus = response->m_status;
            return EC_Normal;
        }
        const double done = count.completed + count.failed + count.warnings;
        const double total = done + response->m_numberOfRemainingSubops;
        const bool keepGoing =
            progress_.report(total > 0 ? done / total : 0.0,
                             std::to_string(static_cast<int>(done)) + " of " +
                                 std::to_string(static_cast<int>(total)) + " instances");
        if (!keepGoing && !cancelled) {
            cancelled = true;
            sendCANCELRequest(presID);
        }
        return EC_Normal;
    }

private:
    ProgressSink& progress_;
};

/// The SOP class and transfer syntax a file's meta header names.
struct FileSyntax {
    std::string sopClass;
    std::string transferSyntax;
};

FileSyntax readFileSyntax(const std::string& path) {
    DcmMetaInfo meta;
    const OFCondition loaded = meta.loadFile(path.c_str());
    if (loaded.bad()) {
        throw std::runtime_error(std::string("not a DICOM file with a meta header: ") +
                                 loaded.text());
    }
    FileSyntax syntax{detail::tagText(meta, DCM_MediaStorageSOPClassUID),
                      detail::tagText(meta, DCM_TransferSyntaxUID)};
    if (syntax.sopClass.empty() || syntax.transferSyntax.empty()) {
        throw std::runtime_error("the meta header names no SOP class or transfer syntax");
    }
    return syntax;
}

} // namespace

void validateAeTitle(const std::string& title) {
    if (title.empty() || title.size() > 16) {
        throw std::invalid_argument("AE title '" + title + "' must have 1 to 16 characters");
    }
    for (const char c : title) {
        if (c < 0x20 || c > 0x7e || c == '\\') {
            throw std::invalid_argument("AE title '" + title +
                                        "' may hold printable ASCII only, without backslash");
        }
    }
    if (title.find_first_not_of(' ') == std::string::npos) {
        throw std::invalid_argument("AE title may not be only spaces");
    }
}

void validateNode(const DicomNode& node) {
    validateAeTitle(node.aeTitle);
    if (node.host.empty()) {
        throw std::invalid_argument("node " + node.aeTitle + " has no host");
    }
    if (node.port < 1 || node.port > 65535) {
        throw std::invalid_argument("node " + node.aeTitle + ": port " + std::to_string(node.port) +
                                    " is not in 1-65535");
    }
}

std::string describe(const DicomNode& node) {
    return node.aeTitle + "@" + node.host + ":" + std::to_string(node.port);
}

double echo(const std::string& callingAe, const DicomNode& peer, const NetworkTimeouts& timeouts) {
    const auto started = std::chrono::steady_clock::now();
    Association association(callingAe, peer, timeouts);
    association.offerUncompressed(UID_VerificationSOPClass);
    association.open();
    association.check(association.sendECHORequest(0), "C-ECHO failed");
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
        .count();
}

namespace {

/// Runs one C-FIND with `keys` and returns the matches' identifiers; throws on a failure status.
std::vector<std::unique_ptr<DcmDataset>> find(const std::string& callingAe, const DicomNode& peer,
                                              DcmDataset& keys, const NetworkTimeouts& timeouts) {
    Association association(callingAe, peer, timeouts);
    association.offerUncompressed(UID_FINDStudyRootQueryRetrieveInformationModel);
    association.open();
    const auto context = association.contextFor(UID_FINDStudyRootQueryRetrieveInformationModel);
    OFList<QRResponse*> responses;
    const OFCondition sent = association.sendFINDRequest(context, &keys, &responses);
    std::vector<std::unique_ptr<DcmDataset>> matches;
    Uint16 finalStatus = STATUS_Success;
    for (QRResponse* response : responses) {
        std::unique_ptr<QRResponse> owned(response); // DcmSCU hands them to the caller
        if (DICOM_PENDING_STATUS(response->m_status)) {
            if (response->m_dataset) {
                matches.emplace_back(response->m_dataset);
                response->m_dataset = nullptr;
            }
        } else {
            finalStatus = response->m_status;
        }
    }
    association.check(sent, "C-FIND failed");
    if (finalStatus != STATUS_Success) {
        throw DicomNetworkError(describe(peer) + ": C-FIND answered " + statusText(finalStatus));
    }
    return matches;
}

} // namespace

std::vector<StudyMatch> findStudies(const std::string& callingAe, const DicomNode& peer,
                                    const StudyQuery& query, const NetworkTimeouts& timeouts) {
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
    keys.putAndInsertString(DCM_PatientID, query.patientId.c_str());
    keys.putAndInsertString(DCM_PatientName, query.patientName.c_str());
    const std::string from = dicomDate(query.dateFrom);
    const std::string to = dicomDate(query.dateTo);
    const std::string range = from.empty() && to.empty() ? "" : from + "-" + to;
    keys.putAndInsertString(DCM_StudyDate, range.c_str());
    keys.putAndInsertString(DCM_StudyInstanceUID, "");
    keys.putAndInsertString(DCM_StudyDescription, "");
    keys.putAndInsertString(DCM_AccessionNumber, "");
    keys.putAndInsertString(DCM_ModalitiesInStudy, query.modality.c_str());

    std::vector<StudyMatch> studies;
    for (const auto& match : find(callingAe, peer, keys, timeouts)) {
        // A peer's answers are outside text like a file's: decoded, nothing that could act.
        const std::string characterSet = detail::tagText(*match, DCM_SpecificCharacterSet);
        auto text = [&](const DcmTagKey& tag) {
            return detail::decodedText(*match, tag, characterSet);
        };
        studies.push_back({text(DCM_PatientID), text(DCM_PatientName), text(DCM_StudyInstanceUID),
                           text(DCM_StudyDate), text(DCM_StudyDescription),
                           text(DCM_AccessionNumber), text(DCM_ModalitiesInStudy)});
    }
    std::sort(studies.begin(), studies.end(), [](const StudyMatch& a, const StudyMatch& b) {
        return std::tie(a.patientId, a.studyDate, a.studyUid) <
               std::tie(b.patientId, b.studyDate, b.studyUid);
    });
    return studies;
}

std::vector<SeriesMatch> findSeries(const std::string& callingAe, const DicomNode& peer,
                                    const std::string& studyUid, const NetworkTimeouts& timeouts) {
    if (studyUid.empty()) {
        throw std::invalid_argument("a series query needs the study instance UID");
    }
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    keys.putAndInsertString(DCM_SeriesInstanceUID, "");
    keys.putAndInsertString(DCM_Modality, "");
    keys.putAndInsertString(DCM_SeriesNumber, "");
    keys.putAndInsertString(DCM_SeriesDescription, "");
    keys.putAndInsertString(DCM_NumberOfSeriesRelatedInstances, "");

    std::vector<SeriesMatch> series;
    for (const auto& match : find(callingAe, peer, keys, timeouts)) {
        const std::string characterSet = detail::tagText(*match, DCM_SpecificCharacterSet);
        auto text = [&](const DcmTagKey& tag) {
            return detail::decodedText(*match, tag, characterSet);
        };
        SeriesMatch row{text(DCM_StudyInstanceUID), text(DCM_SeriesInstanceUID), text(DCM_Modality),
                        text(DCM_SeriesNumber), text(DCM_SeriesDescription)};
        Sint32 count = 0;
        if (match->findAndGetSint32(DCM_NumberOfSeriesRelatedInstances, count).good()) {
            row.instanceCount = count;
        }
        series.push_back(std::move(row));
    }
    std::sort(series.begin(), series.end(), [](const SeriesMatch& a, const SeriesMatch& b) {
        return std::make_pair(std::atoi(a.seriesNumber.c_str()), a.seriesUid) <
               std::make_pair(std::atoi(b.seriesNumber.c_str()), b.seriesUid);
    });
    return series;
}

TransferCount moveSeries(const std::string& callingAe, const DicomNode& peer,
                         const std::string& destinationAe, const std::string& studyUid,
                         const std::string& seriesUid, ProgressSink& progress,
                         const NetworkTimeouts& timeouts) {
    validateAeTitle(destinationAe);
    if (studyUid.empty() || seriesUid.empty()) {
        throw std::invalid_argument("a series retrieval needs the study and series UIDs");
    }
    MoveAssociation association(callingAe, peer, timeouts, progress);
    association.offerUncompressed(UID_MOVEStudyRootQueryRetrieveInformationModel);
    association.open();
    const auto context = association.contextFor(UID_MOVEStudyRootQueryRetrieveInformationModel);
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    keys.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
    progress.begin("Retrieving series " + seriesUid + " from " + describe(peer));
    association.check(association.sendMOVERequest(context, destinationAe.c_str(), &keys, nullptr),
                      "C-MOVE failed");
    progress.end();
    if (association.cancelled) {
        throw OperationCancelled();
    }
    const Uint16 status = association.finalStatus;
    if (status == STATUS_MOVE_Refused_MoveDestinationUnknown) {
        throw DicomNetworkError(describe(peer) + " does not know the destination AE title '" +
                                destinationAe + "': add it to the PACS's modalities");
    }
    if (status != STATUS_Success &&
        status != STATUS_MOVE_Warning_SubOperationsCompleteOneOrMoreFailures) {
        throw DicomNetworkError(describe(peer) + ": C-MOVE answered " + statusText(status));
    }
    return association.count;
}

std::vector<FileSendResult> sendFiles(const std::string& callingAe, const DicomNode& peer,
                                      const std::vector<std::string>& files, ProgressSink& progress,
                                      const NetworkTimeouts& timeouts) {
    std::vector<FileSendResult> results(files.size());
    std::vector<FileSyntax> syntaxes(files.size());
    std::map<std::string, std::set<std::string>> offered; // SOP class -> transfer syntaxes
    for (std::size_t i = 0; i < files.size(); ++i) {
        results[i].path = files[i];
        try {
            syntaxes[i] = readFileSyntax(files[i]);
            offered[syntaxes[i].sopClass].insert(syntaxes[i].transferSyntax);
        } catch (const std::exception& error) {
            results[i].message = error.what();
        }
    }
    if (offered.empty()) {
        return results;
    }
    Association association(callingAe, peer, timeouts);
    for (const auto& [sopClass, transferSyntaxes] : offered) {
        // Each file's own syntax first, then the uncompressed ones every peer takes.
        OFList<OFString> syntaxList;
        for (const auto& syntax : transferSyntaxes) {
            syntaxList.push_back(syntax.c_str());
        }
        for (const char* plain :
             {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax}) {
            if (!transferSyntaxes.count(plain)) {
                syntaxList.push_back(plain);
            }
        }
        association.offer(sopClass.c_str(), syntaxList);
    }
    association.setDatasetConversionMode(OFTrue);
    association.open();

    progress.begin("Sending " + std::to_string(files.size()) + " files to " + describe(peer));
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!progress.report(static_cast<double>(i) / static_cast<double>(files.size()),
                             files[i])) {
            throw OperationCancelled();
        }
        if (!results[i].message.empty()) {
            continue; // unreadable: reported above
        }
        T_ASC_PresentationContextID context = association.findPresentationContextID(
            syntaxes[i].sopClass.c_str(), syntaxes[i].transferSyntax.c_str());
        if (context == 0) {
            context = association.findAnyPresentationContextID(syntaxes[i].sopClass.c_str(), "");
        }
        if (context == 0) {
            results[i].message = "the peer accepts no " +
                                 std::string(dcmFindNameOfUID(syntaxes[i].sopClass.c_str(),
                                                              syntaxes[i].sopClass.c_str()));
            continue;
        }
        Uint16 status = 0;
        const OFCondition sent =
            association.sendSTORERequest(context, files[i].c_str(), nullptr, status);
        if (sent.bad()) {
            results[i].message = std::string("C-STORE failed: ") + sent.text();
            if (!association.isConnected()) {
                for (std::size_t j = i + 1; j < files.size(); ++j) {
                    results[j].message = "not sent: the association ended";
                }
                break;
            }
        } else if (status == STATUS_Success) {
            results[i].stored = true;
        } else if ((status & 0xf000) == 0xb000) {
            results[i].stored = true;
            results[i].message = "stored with a warning, " + statusText(status);
        } else {
            results[i].message = "refused, " + statusText(status);
        }
    }
    progress.end();
    return results;
}

} // namespace metis::imaging
