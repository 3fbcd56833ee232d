#pragma once
// DICOM networking use cases shared by the workstation and metis-cli: receiving studies into the
// database, querying and retrieving from a configured node, and sending a structure set version.

#include "metis/core/Progress.h"
#include "metis/database/Importer.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/DicomDeidentification.h"
#include "metis/imaging/DicomNetwork.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metis::workflow {

imaging::DicomNode toDicomNode(const db::DicomNodeRecord& node);

/// Throws std::invalid_argument naming the configured nodes when none is called `name`.
db::DicomNodeRecord requireDicomNode(db::PatientDatabase& database, const std::string& name);

/// Adds the node `node.name`, or changes the stored one of that name (what both the nodes dialog
/// and `pacs set-node` do); returns it as stored. Needs ConfigureNetwork; audited.
db::DicomNodeRecord setDicomNode(db::PatientDatabase& database, const db::User& user,
                                 db::DicomNodeRecord node);

/// C-ECHO from this workstation's AE title to the named node; the round trip in milliseconds.
double echoDicomNode(db::PatientDatabase& database, const std::string& name);

/// Imports what one or more associations delivered, in one pass of the import pipeline (managed
/// storage, one transaction per series, structure sets after every image series, the per-file
/// problem report), audited as `username`, then removes the delivered files. A structure set
/// whose image series is not in the database waits in <incoming>/awaiting-images/ (a note in
/// the report) and is imported with a later delivery that brings its images. Other files that
/// could not be imported are moved to <incoming>/refused/<delivery folder>/ and named in the
/// report, so that nothing received is lost and nothing is retried for ever.
db::ImportReport importReceivedFiles(db::PatientDatabase& database,
                                     const std::vector<imaging::ReceivedFiles>& deliveries,
                                     const std::string& username, ProgressSink& progress);

/// A receiving node: the storage listener on this workstation's AE title and port, accepting the
/// configured nodes as callers, with an import thread that feeds every association's files into
/// the database in arrival order (on a connection of its own to the same database file).
class DicomReceiver {
public:
    /// What became of one association's files.
    struct Delivery {
        std::string callingAe;
        std::size_t filesReceived = 0;
        db::ImportReport report;
        std::string failure; ///< the import could not run at all (database, disk)
    };
    using DeliveryHandler = std::function<void(const Delivery&)>;

    /// `onImported` is called on the import thread after each association's files are imported.
    DicomReceiver(std::string databasePath, DeliveryHandler onImported = {});
    ~DicomReceiver();
    DicomReceiver(const DicomReceiver&) = delete;
    DicomReceiver& operator=(const DicomReceiver&) = delete;

    /// Reads the local node and the accepted callers from the database, imports what an earlier
    /// run left received but not imported, and opens the port. Throws naming the problem (port
    /// taken, no nodes configured).
    void start();
    /// Stops listening, lets running associations end, imports what they delivered, returns.
    void stop();
    bool running() const;
    db::LocalDicomNode localNode() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Series of one study retrieved from a node, with what the import made of them.
struct RetrieveReport {
    struct Series {
        std::string seriesUid;
        imaging::TransferCount transfer;
    };
    std::vector<Series> series;
    db::ImportReport import;
};

/// Retrieves series of a study from a configured node by C-MOVE to this workstation's own AE
/// title (the node must know it, with this machine's address and the local port) and imports
/// them. All series of the study when `seriesUids` is empty. For the retrieval the local port is
/// opened by a listener that accepts the node alone, so no receiver may hold it meanwhile.
/// Needs ImportData; audited. Throws DicomNetworkError naming the node, OperationCancelled.
RetrieveReport retrieveStudy(db::PatientDatabase& database, const db::User& user,
                             const std::string& nodeName, const std::string& studyUid,
                             const std::vector<std::string>& seriesUids, ProgressSink& progress);

struct SendReport {
    std::vector<imaging::FileSendResult> files; ///< the images first, the RTSTRUCT last
    std::string rtstructSopInstanceUid;
    std::size_t stored() const;
};

/// Sends a stored structure set version as an RTSTRUCT (written and verified as the export
/// writes it) and, when `withImages`, the series it references, by C-STORE to a configured
/// node, as stored or de-identified (then with its images only, one UID remapping for all).
/// Needs ImportData; the export and the send are audited with the outcome.
SendReport sendStructureSet(db::PatientDatabase& database, const db::User& user,
                            const std::string& nodeName, std::int64_t structureSetId,
                            bool withImages, ProgressSink& progress,
                            const std::optional<imaging::DeidentificationProfile>& deidentify = {});

} // namespace metis::workflow
