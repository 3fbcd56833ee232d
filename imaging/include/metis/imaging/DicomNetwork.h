#pragma once
// DICOM networking with a PACS or a treatment-planning system over DCMTK's dcmnet: verification
// (C-ECHO), query (C-FIND), retrieval (C-MOVE), sending (C-STORE) and a storage listener that
// receives C-STORE. Qt-free; the workflow layer ties the listener to the import pipeline.

#include "metis/core/Progress.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace metis::imaging {

/// An application entity on the network: the PACS, a planning system, or Metis itself.
struct DicomNode {
    std::string aeTitle;
    std::string host;
    int port = 104;
};

/// A peer that cannot be reached, refuses the association or answers with a failure status;
/// the message names the peer ("AE@host:port") and what happened.
class DicomNetworkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Throws std::invalid_argument naming the problem unless `title` is a valid AE title: 1-16
/// characters of printable ASCII without backslash, not only spaces.
void validateAeTitle(const std::string& title);
/// Throws std::invalid_argument unless 1 <= port <= 65535 and the host is not empty.
void validateNode(const DicomNode& node);
/// "PACS@127.0.0.1:4242", for messages.
std::string describe(const DicomNode& node);

/// Waits for a connection and for each answer at most this long, then gives up with an error.
struct NetworkTimeouts {
    int connectSeconds = 10;
    int responseSeconds = 60;
};

/// C-ECHO: returns the round trip in milliseconds; throws DicomNetworkError.
double echo(const std::string& callingAe, const DicomNode& peer,
            const NetworkTimeouts& timeouts = {});

/// Study-level query keys; empty fields match everything. Dates are YYYY-MM-DD or YYYYMMDD;
/// the name may hold DICOM wildcards (* and ?).
struct StudyQuery {
    std::string patientId;
    std::string patientName;
    std::string dateFrom;
    std::string dateTo;
    std::string modality; ///< a study that holds a series of this modality
};

struct StudyMatch {
    std::string patientId;
    std::string patientName;
    std::string studyUid;
    std::string studyDate;
    std::string studyDescription;
    std::string accessionNumber;
    std::string modalities; ///< as the peer lists them, backslash-separated
};

struct SeriesMatch {
    std::string studyUid;
    std::string seriesUid;
    std::string modality;
    std::string seriesNumber;
    std::string description;
    int instanceCount = -1; ///< -1 where the peer does not say
};

/// C-FIND at study level (Study Root). Throws DicomNetworkError.
std::vector<StudyMatch> findStudies(const std::string& callingAe, const DicomNode& peer,
                                    const StudyQuery& query, const NetworkTimeouts& timeouts = {});
/// C-FIND at series level within one study (Study Root). Throws DicomNetworkError.
std::vector<SeriesMatch> findSeries(const std::string& callingAe, const DicomNode& peer,
                                    const std::string& studyUid,
                                    const NetworkTimeouts& timeouts = {});

struct TransferCount {
    int completed = 0;
    int failed = 0;
    int warnings = 0;
};

/// C-MOVE of one series to `destinationAe`, which the peer must know (its address is the
/// peer's configuration, not ours). Progress follows the peer's pending responses; a cancel
/// sends C-CANCEL and throws OperationCancelled. Throws DicomNetworkError on refusal or failure.
TransferCount moveSeries(const std::string& callingAe, const DicomNode& peer,
                         const std::string& destinationAe, const std::string& studyUid,
                         const std::string& seriesUid, ProgressSink& progress,
                         const NetworkTimeouts& timeouts = {});

/// What became of one file sent by C-STORE.
struct FileSendResult {
    std::string path;
    bool stored = false;
    std::string message; ///< the failure, or the peer's warning; empty when stored cleanly
};

/// C-STORE of DICOM files over one association, each in its own SOP class and transfer syntax.
/// One result per file in the order given; a file that cannot be read or that the peer refuses
/// is reported and the rest go on. Throws DicomNetworkError when no association can be made,
/// OperationCancelled when cancelled (the results so far are lost to the caller; what was sent
/// stays sent).
std::vector<FileSendResult> sendFiles(const std::string& callingAe, const DicomNode& peer,
                                      const std::vector<std::string>& files, ProgressSink& progress,
                                      const NetworkTimeouts& timeouts = {});

/// What a storage listener accepts.
struct ListenerOptions {
    std::string aeTitle;
    int port = 0;
    /// Calling AE titles allowed to send; an association from any other is refused.
    std::vector<std::string> acceptedCallingAes;
    /// Associations served at once; more are refused ("local limit exceeded") until one ends.
    int maxAssociations = 8;
    /// Where received files are written, one subfolder per association.
    std::filesystem::path incomingFolder;
};

/// The files one association delivered, handed over when the association ends (released,
/// aborted or broken); `folder` is the association's subfolder holding them.
struct ReceivedFiles {
    std::string callingAe;
    std::filesystem::path folder;
    std::vector<std::string> files;
};

/// A storage SCP: accepts C-ECHO and C-STORE of MR images and RT structure sets from the
/// accepted AE titles and writes each instance to the incoming folder as received, without
/// re-encoding. Runs on its own threads from start() to stop() (or destruction); `onReceived`
/// is called on a listener thread, once per association that delivered at least one file.
class StorageListener {
public:
    using Handler = std::function<void(ReceivedFiles)>;
    StorageListener(ListenerOptions options, Handler onReceived);
    ~StorageListener();
    StorageListener(const StorageListener&) = delete;
    StorageListener& operator=(const StorageListener&) = delete;

    /// Opens the port and starts listening; throws DicomNetworkError when the port cannot be
    /// opened (taken, or privileged) and std::invalid_argument for invalid options.
    void start();
    /// Stops accepting, lets running associations finish, and returns when they have.
    void stop();
    bool running() const;
    const ListenerOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace metis::imaging
