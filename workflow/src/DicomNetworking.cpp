#include "metis/workflow/DicomNetworking.h"

#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/workflow/SeriesExport.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace metis::workflow {
namespace fs = std::filesystem;

namespace {

/// Where received structure sets wait for the image series they reference.
fs::path awaitingImagesFolder(const fs::path& incomingFolder) {
    return incomingFolder / "awaiting-images";
}

/// The audit's name for imports by the listener: who sent them.
std::string receivedBy(const std::string& callingAe) {
    return "dicom:" + callingAe;
}

} // namespace

imaging::DicomNode toDicomNode(const db::DicomNodeRecord& node) {
    return {node.aeTitle, node.host, node.port};
}

db::DicomNodeRecord requireDicomNode(db::PatientDatabase& database, const std::string& name) {
    if (auto node = database.findDicomNode(name)) {
        return *node;
    }
    std::string known;
    for (const auto& node : database.dicomNodes()) {
        known += (known.empty() ? "" : ", ") + node.name;
    }
    throw std::invalid_argument("no DICOM node named '" + name + "' (configured: " +
                                (known.empty() ? std::string("none") : known) + ")");
}

db::DicomNodeRecord setDicomNode(db::PatientDatabase& database, const db::User& user,
                                 db::DicomNodeRecord node) {
    const auto existing = database.findDicomNode(node.name);
    node.id = existing ? existing->id : 0;
    return database.saveDicomNode(user, node);
}

double echoDicomNode(db::PatientDatabase& database, const std::string& name) {
    const auto node = requireDicomNode(database, name);
    return imaging::echo(database.localDicomNode().aeTitle, toDicomNode(node));
}

db::ImportReport importReceivedFiles(db::PatientDatabase& database,
                                     const std::vector<imaging::ReceivedFiles>& deliveries,
                                     const std::string& username, ProgressSink& progress) {
    const auto normal = [](const fs::path& path) { return path.lexically_normal(); };
    // One import over every folder: it takes structure sets after all image series, so an
    // RTSTRUCT whose association ended before its images' did still finds them; so do the
    // structure sets earlier deliveries brought ahead of their images.
    const fs::path awaiting = normal(awaitingImagesFolder(database.incomingFolder()));
    std::vector<std::string> folders;
    for (const auto& delivery : deliveries) {
        folders.push_back(delivery.folder.string());
    }
    std::set<fs::path> heldBefore;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(awaiting, error)) {
        heldBefore.insert(normal(entry.path()));
    }
    if (!heldBefore.empty()) {
        folders.push_back(awaiting.string());
    }
    db::ImportOptions options;
    options.username = username;
    db::ImportReport report = db::importPaths(database, folders, options, progress);

    // What the import left: a structure set without its images waits for them; whatever else
    // it could not take is kept for a person to look at. Nothing received is deleted that is
    // not in the database.
    std::set<fs::path> awaitingImages;
    for (const auto& path : report.structureSetsAwaitingImages) {
        awaitingImages.insert(normal(path));
    }
    std::set<fs::path> refused;
    std::vector<db::ImportProblem> errors;
    for (auto& problem : report.errors) {
        const fs::path path = normal(problem.path);
        if (awaitingImages.count(path) != 0) {
            report.notes.push_back({(awaiting / path.filename()).string(),
                                    problem.message + "; kept until its image series arrives"});
        } else {
            refused.insert(path);
            errors.push_back(std::move(problem));
        }
    }
    report.errors = std::move(errors);
    for (const auto& note : report.notes) {
        if (normal(note.path).parent_path() != awaiting) {
            refused.insert(normal(note.path));
        }
    }
    for (const auto& path : awaitingImages) {
        if (path.parent_path() != awaiting) {
            fs::create_directories(awaiting);
            fs::rename(path, awaiting / path.filename());
        }
    }
    for (const auto& path : heldBefore) {
        if (awaitingImages.count(path) == 0 && refused.count(path) == 0) {
            fs::remove(path); // in the database now
        }
    }
    const fs::path refusedRoot = fs::path(database.incomingFolder()) / "refused";
    for (const auto& path : refused) {
        if (fs::is_regular_file(path)) {
            const fs::path keptIn = refusedRoot / path.parent_path().filename();
            fs::create_directories(keptIn);
            fs::rename(path, keptIn / path.filename());
        }
    }
    for (const auto& delivery : deliveries) {
        fs::remove_all(delivery.folder);
    }
    return report;
}

struct DicomReceiver::Impl {
    std::string databasePath;
    DeliveryHandler onImported;
    db::LocalDicomNode local;
    std::unique_ptr<imaging::StorageListener> listener;

    std::mutex mutex;
    std::condition_variable queued;
    std::deque<imaging::ReceivedFiles> queue;
    bool stopping = false;
    std::thread importing;

    void enqueue(imaging::ReceivedFiles files) {
        {
            std::lock_guard lock(mutex);
            queue.push_back(std::move(files));
        }
        queued.notify_one();
    }

    void importLoop() {
        std::unique_ptr<db::PatientDatabase> database;
        for (;;) {
            imaging::ReceivedFiles next;
            {
                std::unique_lock lock(mutex);
                queued.wait(lock, [&] { return stopping || !queue.empty(); });
                if (queue.empty()) {
                    return; // stopping, and everything delivered is imported
                }
                next = std::move(queue.front());
                queue.pop_front();
            }
            Delivery delivery;
            delivery.callingAe = next.callingAe;
            delivery.filesReceived = next.files.size();
            try {
                if (!database) {
                    database = std::make_unique<db::PatientDatabase>(databasePath);
                }
                NullProgressSink progress;
                delivery.report =
                    importReceivedFiles(*database, {next}, receivedBy(next.callingAe), progress);
            } catch (const std::exception& error) {
                // The files stay in the incoming folder; the next start imports them.
                delivery.failure = error.what();
                database.reset();
            }
            if (onImported) {
                onImported(delivery);
            }
        }
    }
};

DicomReceiver::DicomReceiver(std::string databasePath, DeliveryHandler onImported)
    : impl_(std::make_unique<Impl>()) {
    impl_->databasePath = std::move(databasePath);
    impl_->onImported = std::move(onImported);
}

DicomReceiver::~DicomReceiver() {
    stop();
}

bool DicomReceiver::running() const {
    return impl_->listener && impl_->listener->running();
}

db::LocalDicomNode DicomReceiver::localNode() const {
    return impl_->local;
}

void DicomReceiver::start() {
    if (running()) {
        return;
    }
    imaging::ListenerOptions options;
    {
        db::PatientDatabase database(impl_->databasePath);
        impl_->local = database.localDicomNode();
        for (const auto& node : database.dicomNodes()) {
            options.acceptedCallingAes.push_back(node.aeTitle);
        }
        options.incomingFolder = database.incomingFolder();
    }
    if (options.acceptedCallingAes.empty()) {
        throw std::invalid_argument("no DICOM nodes are configured, so the listener would accept "
                                    "no one: add the PACS first");
    }
    options.aeTitle = impl_->local.aeTitle;
    options.port = impl_->local.port;
    options.maxAssociations = impl_->local.maxAssociations;

    // Deliveries an earlier run received but did not import (it stopped or crashed first).
    std::error_code error;
    std::vector<imaging::ReceivedFiles> leftovers;
    for (const auto& entry : fs::directory_iterator(options.incomingFolder, error)) {
        if (entry.is_directory() && entry.path().filename() != "refused" &&
            entry.path() != awaitingImagesFolder(options.incomingFolder)) {
            imaging::ReceivedFiles files;
            files.callingAe = "earlier run";
            files.folder = entry.path();
            for (const auto& file : fs::directory_iterator(entry.path())) {
                if (file.path().extension() == ".dcm") {
                    files.files.push_back(file.path().string());
                }
            }
            leftovers.push_back(std::move(files));
        }
    }
    std::sort(leftovers.begin(), leftovers.end(),
              [](const auto& a, const auto& b) { return a.folder < b.folder; });

    // The port first: only the process holding it writes to the incoming folder, so another
    // process's listener, still receiving into it, is never imported from under it. The
    // leftovers were listed before, so folders this listener starts are not among them.
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = false;
    }
    impl_->listener = std::make_unique<imaging::StorageListener>(
        options,
        [impl = impl_.get()](imaging::ReceivedFiles files) { impl->enqueue(std::move(files)); });
    try {
        impl_->listener->start();
    } catch (...) {
        impl_->listener.reset();
        throw;
    }
    impl_->importing = std::thread([impl = impl_.get()] { impl->importLoop(); });
    for (auto& files : leftovers) {
        impl_->enqueue(std::move(files));
    }
}

void DicomReceiver::stop() {
    if (impl_->listener) {
        impl_->listener->stop();
        impl_->listener.reset();
    }
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->queued.notify_one();
    if (impl_->importing.joinable()) {
        impl_->importing.join();
    }
}

RetrieveReport retrieveStudy(db::PatientDatabase& database, const db::User& user,
                             const std::string& nodeName, const std::string& studyUid,
                             const std::vector<std::string>& seriesUids, ProgressSink& progress) {
    database.require(user, db::Permission::ImportData, "retrieve studies");
    const auto node = requireDicomNode(database, nodeName);
    const auto peer = toDicomNode(node);
    const auto local = database.localDicomNode();

    std::vector<std::string> wanted = seriesUids;
    if (wanted.empty()) {
        for (const auto& series : imaging::findSeries(local.aeTitle, peer, studyUid)) {
            wanted.push_back(series.seriesUid);
        }
        if (wanted.empty()) {
            throw imaging::DicomNetworkError(imaging::describe(peer) + " has no series of study " +
                                             studyUid);
        }
    }

    std::mutex mutex;
    std::vector<imaging::ReceivedFiles> deliveries;
    imaging::ListenerOptions options{local.aeTitle,
                                     local.port,
                                     {node.aeTitle},
                                     local.maxAssociations,
                                     database.incomingFolder()};
    imaging::StorageListener listener(options, [&](imaging::ReceivedFiles files) {
        std::lock_guard lock(mutex);
        deliveries.push_back(std::move(files));
    });
    listener.start();

    RetrieveReport report;
    std::exception_ptr failure;
    progress.begin("Retrieving " + std::to_string(wanted.size()) + " series from " +
                   imaging::describe(peer));
    try {
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            const double share = 0.8 / static_cast<double>(wanted.size());
            SubrangeProgressSink part(progress, share * static_cast<double>(i),
                                      share * static_cast<double>(i + 1));
            report.series.push_back(
                {wanted[i], imaging::moveSeries(local.aeTitle, peer, local.aeTitle, studyUid,
                                                wanted[i], part)});
        }
    } catch (...) {
        failure = std::current_exception();
    }
    // Whatever arrived is imported, also when the retrieval failed or was cancelled half way.
    listener.stop();
    if (!deliveries.empty()) {
        NullProgressSink quiet; // the import's own cancel would leave files behind
        report.import = importReceivedFiles(database, deliveries, user.username, quiet);
    }
    progress.report(1.0);
    progress.end();
    std::size_t completed = 0;
    std::size_t failed = 0;
    for (const auto& series : report.series) {
        completed += static_cast<std::size_t>(series.transfer.completed);
        failed += static_cast<std::size_t>(series.transfer.failed);
    }
    database.auditDicomTransfer(user, "dicom.retrieve", node.name,
                                "study " + studyUid + ", " + std::to_string(wanted.size()) +
                                    " series: " + std::to_string(completed) +
                                    " instances retrieved, " + std::to_string(failed) +
                                    " failed, " + std::to_string(report.import.instancesImported) +
                                    " imported" + (failure ? ", ended early" : ""));
    if (failure) {
        std::rethrow_exception(failure);
    }
    return report;
}

std::size_t SendReport::stored() const {
    return static_cast<std::size_t>(
        std::count_if(files.begin(), files.end(), [](const auto& file) { return file.stored; }));
}

SendReport sendStructureSet(db::PatientDatabase& database, const db::User& user,
                            const std::string& nodeName, std::int64_t structureSetId,
                            bool withImages, ProgressSink& progress,
                            const std::optional<imaging::DeidentificationProfile>& deidentify) {
    database.require(user, db::Permission::ImportData, "send structure sets");
    const auto node = requireDicomNode(database, nodeName);
    const auto version = database.structureSetVersion(structureSetId);
    if (!version) {
        throw std::invalid_argument("no structure set version " + std::to_string(structureSetId));
    }
    // What is sent is written where managed storage lives and removed once sent.
    const fs::path outgoing =
        fs::path(database.incomingFolder()).parent_path() / "outgoing" / imaging::makeDicomUid();
    struct RemoveAtEnd {
        fs::path folder;
        ~RemoveAtEnd() {
            std::error_code ignored;
            fs::remove_all(folder, ignored);
        }
    } removeAtEnd{outgoing};

    SeriesExportOptions options;
    options.images = withImages;
    options.structureSetId = structureSetId;
    options.deidentify = deidentify;
    const auto exported = exportSeries(database, user, version->seriesId, outgoing, options);
    std::vector<std::string> files = exported.imageFiles;
    files.push_back(exported.rtstructFile);

    SendReport report;
    report.rtstructSopInstanceUid = exported.rtstructSopInstanceUid;
    report.files =
        imaging::sendFiles(database.localDicomNode().aeTitle, toDicomNode(node), files, progress);
    database.auditDicomTransfer(
        user, "dicom.send", node.name,
        "structure set " + std::to_string(structureSetId) + " as RTSTRUCT " +
            report.rtstructSopInstanceUid + (withImages ? " with its images" : "") +
            (deidentify ? ", de-identified as '" + deidentify->pseudonym + "'" : "") + ": " +
            std::to_string(report.stored()) + " of " + std::to_string(files.size()) +
            " files stored");
    return report;
}

} // namespace metis::workflow
