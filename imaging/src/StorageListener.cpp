// The storage listener: a pool of DCMTK SCP workers, one association each, that write received
// instances to the incoming folder as they arrive and hand each association's files over when
// it ends.
#include "DicomLibrary.h"
#include "metis/imaging/DicomNetwork.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scpthrd.h>
#include <functional>
#include <list>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace metis::imaging {

namespace {

// The SOP classes Metis imports, and the transfer syntaxes its readers decode.
constexpr const char* kStorageClasses[] = {UID_MRImageStorage, UID_EnhancedMRImageStorage,
                                           UID_RTStructureSetStorage};
constexpr const char* kTransferSyntaxes[] = {
    UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax,    UID_JPEGProcess14SV1TransferSyntax,
    UID_JPEGProcess1TransferSyntax,         UID_JPEGLSLosslessTransferSyntax,
    UID_RLELosslessTransferSyntax,          UID_DeflatedExplicitVRLittleEndianTransferSyntax};

constexpr int kRequestTimeoutSeconds = 5;

/// A UID usable as a file name: digits and dots only (a peer's text never becomes a path).
bool isPlainUid(const std::string& uid) {
    return !uid.empty() && uid.size() <= 64 &&
           uid.find_first_not_of("0123456789.") == std::string::npos && uid.front() != '.';
}

/// Serves one association on its own thread: DCMTK's DcmThreadSCP negotiates, checks the AE
/// titles and answers C-ECHO; C-STORE is handled here.
class AssociationServer : private DcmThreadSCP {
public:
    AssociationServer(const DcmSharedSCPConfig& config, const ListenerOptions& options,
                      std::function<std::filesystem::path()> newFolder)
        : options_(options), newFolder_(std::move(newFolder)) {
        setSharedConfig(config);
    }

    /// Runs the association to its end and returns the complete instances it delivered.
    ReceivedFiles serve(T_ASC_Association* association) {
        DcmThreadSCP::run(association);
        return std::move(received_);
    }

protected:
    OFBool checkCalledAETitleAccepted(const OFString& calledAE) override {
        return calledAE == options_.aeTitle.c_str();
    }
    OFBool checkCallingAETitleAccepted(const OFString& callingAE) override {
        const auto& accepted = options_.acceptedCallingAes;
        return std::find(accepted.begin(), accepted.end(), callingAE.c_str()) != accepted.end();
    }

    OFCondition handleIncomingCommand(T_DIMSE_Message* message,
                                      const DcmPresentationContextInfo& context) override {
        if (message->CommandField != DIMSE_C_STORE_RQ) {
            return DcmThreadSCP::handleIncomingCommand(message, context);
        }
        T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
        const std::string instanceUid = request.AffectedSOPInstanceUID;
        if (received_.folder.empty()) {
            received_.callingAe = getPeerAETitle().c_str();
            received_.folder = newFolder_();
        }
        std::error_code error;
        std::filesystem::create_directories(received_.folder, error);
        const std::string name = isPlainUid(instanceUid)
                                     ? instanceUid
                                     : "instance-" + std::to_string(received_.files.size());
        const auto finalPath = received_.folder / (name + ".dcm");
        // Written under a temporary name: an instance cut off mid-transfer is never imported.
        const auto partialPath = received_.folder / (name + ".partial");
        const OFCondition stored = error
                                       ? OFCondition(EC_InvalidFilename)
                                       : receiveSTORERequest(request, context.presentationContextID,
                                                             partialPath.string().c_str());
        Uint16 status = STATUS_Success;
        if (stored.bad()) {
            std::filesystem::remove(partialPath, error);
            if (!isConnected()) {
                return stored; // the connection is gone: nothing to answer
            }
            status = STATUS_STORE_Refused_OutOfResources;
        } else {
            std::filesystem::rename(partialPath, finalPath, error);
            if (error) {
                std::filesystem::remove(partialPath, error);
                status = STATUS_STORE_Refused_OutOfResources;
            } else {
                received_.files.push_back(finalPath.string());
            }
        }
        return sendSTOREResponse(context.presentationContextID, request, status);
    }

private:
    const ListenerOptions& options_;
    std::function<std::filesystem::path()> newFolder_;
    ReceivedFiles received_;
};

/// Refuses an association the listener has no room for, as a busy PACS does.
void refuseBusy(T_ASC_Association* association) {
    T_ASC_RejectParameters rejection{ASC_RESULT_REJECTEDTRANSIENT,
                                     ASC_SOURCE_SERVICEPROVIDER_PRESENTATION_RELATED,
                                     ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED};
    ASC_rejectAssociation(association, &rejection);
}

} // namespace

struct StorageListener::Impl {
    ListenerOptions options;
    Handler onReceived;
    std::thread accepting;
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> running{false};
    std::atomic<unsigned> associationCounter{0};

    struct Served {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::list<Served> served; // touched by the accepting thread only, and by stop() after it

    std::filesystem::path newAssociationFolder() {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
        return options.incomingFolder / (std::to_string(ms) + "-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(associationCounter.fetch_add(1)));
    }

    void reapFinished() {
        for (auto it = served.begin(); it != served.end();) {
            if (*it->done) {
                it->thread.join();
                it = served.erase(it);
            } else {
                ++it;
            }
        }
    }

    void acceptLoop(T_ASC_Network* network, const DcmSharedSCPConfig& config) {
        while (!stopRequested) {
            T_ASC_Association* association = nullptr;
            // Non-blocking with a one-second timeout, so that stop() is seen within a second.
            const OFCondition received =
                ASC_receiveAssociation(network, &association, ASC_DEFAULTMAXPDU, nullptr, nullptr,
                                       OFFalse, DUL_NOBLOCK, 1);
            if (received.bad()) {
                // A timeout, or a connection that sent no valid request (a port scan, a
                // malformed PDU): dropped, and the listener goes on.
                if (received != DUL_NOASSOCIATIONREQUEST) {
                    ASC_dropAssociation(association);
                }
                ASC_destroyAssociation(&association);
                continue;
            }
            reapFinished();
            if (served.size() >= static_cast<std::size_t>(options.maxAssociations)) {
                refuseBusy(association);
                ASC_dropAssociation(association);
                ASC_destroyAssociation(&association);
                continue;
            }
            auto done = std::make_shared<std::atomic<bool>>(false);
            served.push_back({std::thread([this, association, config, done] {
                                  serve(association, config);
                                  *done = true;
                              }),
                              done});
        }
        for (auto& one : served) {
            one.thread.join();
        }
        served.clear();
    }

    void serve(T_ASC_Association* association, const DcmSharedSCPConfig& config) {
        ReceivedFiles received;
        {
            AssociationServer server(config, options, [this] { return newAssociationFolder(); });
            received = server.serve(association);
        }
        // Whatever ended the association (release, abort, a broken connection), its complete
        // instances are handed over.
        if (!received.files.empty()) {
            try {
                onReceived(std::move(received));
            } catch (...) {
                // The handler reports its own problems; a listener thread must not die of one.
            }
        }
    }
};

StorageListener::StorageListener(ListenerOptions options, Handler onReceived)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->onReceived = std::move(onReceived);
}

StorageListener::~StorageListener() {
    stop();
}

const ListenerOptions& StorageListener::options() const {
    return impl_->options;
}

bool StorageListener::running() const {
    return impl_->running;
}

void StorageListener::start() {
    if (impl_->running) {
        return;
    }
    const auto& options = impl_->options;
    validateAeTitle(options.aeTitle);
    for (const auto& title : options.acceptedCallingAes) {
        validateAeTitle(title);
    }
    if (options.port < 1 || options.port > 65535) {
        throw std::invalid_argument("listener port " + std::to_string(options.port) +
                                    " is not in 1-65535");
    }
    if (options.maxAssociations < 1 || options.maxAssociations > 256) {
        throw std::invalid_argument("the listener serves 1 to 256 associations at once");
    }
    if (options.incomingFolder.empty()) {
        throw std::invalid_argument("the listener needs an incoming folder");
    }
    std::filesystem::create_directories(options.incomingFolder);
    detail::initialiseDicomLibrary();

    DcmSCPConfig config;
    config.setAETitle(options.aeTitle.c_str());
    config.setPort(static_cast<Uint16>(options.port));
    config.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    config.setDIMSETimeout(60);
    config.setACSETimeout(30);
    config.setHostLookupEnabled(OFFalse);
    OFList<OFString> syntaxes;
    for (const char* syntax : kTransferSyntaxes) {
        syntaxes.push_back(syntax);
    }
    OFList<OFString> plain;
    plain.push_back(UID_LittleEndianExplicitTransferSyntax);
    plain.push_back(UID_LittleEndianImplicitTransferSyntax);
    config.addPresentationContext(UID_VerificationSOPClass, plain);
    for (const char* sopClass : kStorageClasses) {
        config.addPresentationContext(sopClass, syntaxes);
    }

    // DCMTK reads the association request on the accepting thread: a caller that connects and
    // sends nothing holds every other caller back until this timeout. A request follows the
    // connection within milliseconds, so a few seconds bound that stall.
    T_ASC_Network* network = nullptr;
    const OFCondition opened =
        ASC_initializeNetwork(NET_ACCEPTOR, options.port, kRequestTimeoutSeconds, &network);
    if (opened.bad()) {
        throw DicomNetworkError("cannot listen on port " + std::to_string(options.port) + ": " +
                                opened.text());
    }
    impl_->stopRequested = false;
    impl_->running = true;
    impl_->accepting =
        std::thread([impl = impl_.get(), network, shared = DcmSharedSCPConfig(config)] {
            T_ASC_Network* owned = network;
            impl->acceptLoop(owned, shared);
            ASC_dropNetwork(&owned);
            impl->running = false;
        });
}

void StorageListener::stop() {
    impl_->stopRequested = true;
    if (impl_->accepting.joinable()) {
        impl_->accepting.join();
    }
}

} // namespace metis::imaging
