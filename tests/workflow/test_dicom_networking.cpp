// The receiving node: what the listener receives goes through the import pipeline into the
// database, what a crashed run left behind is imported at the next start, what cannot be
// imported is kept aside, and a flood of senders leaves the database consistent.
#include "../database/ImportFixtures.h"
#include "FreePort.h"
#include "TempDir.h"
#include "metis/workflow/DicomNetworking.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

using namespace metis;
namespace fs = std::filesystem;

namespace {

/// Waits for the receiver's deliveries on the test thread.
struct Deliveries {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<workflow::DicomReceiver::Delivery> seen;

    workflow::DicomReceiver::DeliveryHandler handler() {
        return [this](const workflow::DicomReceiver::Delivery& delivery) {
            std::lock_guard lock(mutex);
            seen.push_back(delivery);
            arrived.notify_all();
        };
    }
    bool waitFor(std::size_t count) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, std::chrono::seconds(60),
                                [&] { return seen.size() >= count; });
    }
};

struct ReceivingNode {
    test_tools::TempDir dir;
    std::string databasePath = dir.filePath("metis.db");
    int port = test_tools::freePort();

    ReceivingNode() {
        db::PatientDatabase database(databasePath);
        database.ensureDefaultUsers();
        const auto admin = *database.findUser("admin");
        database.saveDicomNode(admin, {0, "SCANNER", "SCANNER", "127.0.0.1", 104});
        database.setLocalDicomNode(admin, {"METIS", port, 4});
    }
    imaging::DicomNode listener() const { return {"METIS", "127.0.0.1", port}; }
};

/// An A-ASSOCIATE-RQ header announcing far more than follows.
const std::string kMalformedRequest("\x01\x00\x7f\xff\xff\xffgarbage", 13);

std::vector<std::string> asStrings(const std::vector<fs::path>& paths) {
    return {paths.begin(), paths.end()};
}

} // namespace

TEST(WorkflowDicomReceiver, refusesToStartWithoutNodes) {
    test_tools::TempDir dir;
    { db::PatientDatabase(dir.filePath("metis.db")).ensureDefaultUsers(); }
    workflow::DicomReceiver receiver(dir.filePath("metis.db"));
    try {
        receiver.start();
        FAIL() << "a listener that accepts no one started";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("no DICOM nodes"), std::string::npos);
    }
    EXPECT_FALSE(receiver.running());
}

TEST(WorkflowDicomReceiver, importsWhatArrivesAndWhatAnEarlierRunLeft) {
    ReceivingNode node;
    const auto sent = fixtures::writePatient(node.dir.filePath("data"), "NET01");
    const auto leftover = fixtures::writePatient(node.dir.filePath("data"), "NET02");
    // A crashed run's delivery: NET02's files and a damaged one, in the incoming folder.
    std::string incoming;
    {
        db::PatientDatabase database(node.databasePath);
        incoming = database.incomingFolder();
    }
    const fs::path crashed = fs::path(incoming) / "1-crashed-0";
    fs::create_directories(crashed);
    for (const auto& file : leftover.series.files) {
        fs::copy_file(file, crashed / file.filename());
    }
    std::ofstream(crashed / "damaged.dcm") << std::string(128, '\0') << "DICM"
                                           << "truncated";

    Deliveries deliveries;
    workflow::DicomReceiver receiver(node.databasePath, deliveries.handler());
    receiver.start();
    ASSERT_TRUE(deliveries.waitFor(1));

    NullProgressSink quiet;
    const auto results =
        imaging::sendFiles("SCANNER", node.listener(), asStrings(sent.series.files), quiet);
    for (const auto& result : results) {
        ASSERT_TRUE(result.stored) << result.path << ": " << result.message;
    }
    ASSERT_TRUE(deliveries.waitFor(2));
    receiver.stop();

    {
        std::lock_guard lock(deliveries.mutex);
        EXPECT_EQ(deliveries.seen[0].callingAe, "earlier run");
        EXPECT_EQ(deliveries.seen[0].report.seriesImported, 1u);
        ASSERT_EQ(deliveries.seen[0].report.errors.size(), 1u);
        EXPECT_NE(deliveries.seen[0].report.errors[0].path.find("damaged.dcm"), std::string::npos);
        EXPECT_EQ(deliveries.seen[1].callingAe, "SCANNER");
        EXPECT_EQ(deliveries.seen[1].filesReceived, sent.series.files.size());
        EXPECT_EQ(deliveries.seen[1].report.instancesImported, sent.series.files.size());
        EXPECT_TRUE(deliveries.seen[1].failure.empty());
    }
    db::PatientDatabase database(node.databasePath);
    EXPECT_EQ(database.seriesOfPatient("NET01").size(), 1u);
    EXPECT_EQ(database.seriesOfPatient("NET02").size(), 1u);
    EXPECT_TRUE(database.check().ok());
    // The damaged file is kept aside, nothing else is left in the incoming folder.
    EXPECT_TRUE(fs::exists(fs::path(incoming) / "refused" / "1-crashed-0" / "damaged.dcm"));
    for (const auto& entry : fs::directory_iterator(incoming)) {
        EXPECT_EQ(entry.path().filename(), "refused") << entry.path();
    }
    EXPECT_EQ(database.auditLog("dicom:SCANNER", {}, "series.import").size(), 1u);
}

TEST(WorkflowDicomReceiver, aFloodOfSendersLeavesTheDatabaseConsistent) {
    ReceivingNode node;
    const auto patient = fixtures::writePatient(node.dir.filePath("data"), "FLOOD", 24, 6);
    Deliveries deliveries;
    workflow::DicomReceiver receiver(node.databasePath, deliveries.handler());
    receiver.start();

    // 50 senders at once, each with the whole series, four served at a time; the others are
    // refused as busy. Every accepted copy arrives, is imported once, and the rest is known.
    // Ten more connections send a malformed PDU instead of an association request.
    std::atomic<int> delivered{0};
    std::vector<std::thread> senders;
    for (int i = 0; i < 10; ++i) {
        senders.emplace_back([&node] { test_tools::sendRawBytes(node.port, kMalformedRequest); });
    }
    for (int i = 0; i < 50; ++i) {
        senders.emplace_back([&] {
            try {
                NullProgressSink quiet;
                const auto results = imaging::sendFiles(
                    "SCANNER", node.listener(), asStrings(patient.series.files), quiet, {5, 30});
                if (std::all_of(results.begin(), results.end(),
                                [](const auto& r) { return r.stored; })) {
                    ++delivered;
                }
            } catch (const imaging::DicomNetworkError&) {
                // refused as busy
            }
        });
    }
    for (auto& sender : senders) {
        sender.join();
    }
    ASSERT_GT(delivered.load(), 0);
    ASSERT_TRUE(deliveries.waitFor(static_cast<std::size_t>(delivered.load())));
    receiver.stop();

    std::size_t imported = 0;
    std::size_t alreadyPresent = 0;
    for (const auto& delivery : deliveries.seen) {
        EXPECT_TRUE(delivery.failure.empty()) << delivery.failure;
        EXPECT_TRUE(delivery.report.errors.empty());
        imported += delivery.report.seriesImported;
        alreadyPresent += delivery.report.seriesAlreadyPresent;
    }
    EXPECT_EQ(imported, 1u);
    EXPECT_EQ(alreadyPresent, deliveries.seen.size() - 1);
    db::PatientDatabase database(node.databasePath);
    EXPECT_EQ(database.stats().instances, static_cast<std::int64_t>(patient.series.files.size()));
    EXPECT_TRUE(database.check().ok());
}

// Only the process holding the port writes to the incoming folder: a second receiver on the
// same database cannot open the port and leaves the first one's association, still arriving,
// alone.
TEST(WorkflowDicomReceiver, aSecondReceiverLeavesTheFirstOnesIncomingFilesAlone) {
    ReceivingNode node;
    workflow::DicomReceiver first(node.databasePath);
    first.start();
    const auto patient = fixtures::writePatient(node.dir.filePath("data"), "BUSY", 16, 4);
    std::string incoming;
    {
        db::PatientDatabase database(node.databasePath);
        incoming = database.incomingFolder();
    }
    const fs::path arriving = fs::path(incoming) / "9-arriving-0";
    fs::create_directories(arriving);
    fs::copy_file(patient.series.files.front(), arriving / "one.dcm");

    workflow::DicomReceiver second(node.databasePath);
    EXPECT_THROW(second.start(), imaging::DicomNetworkError);
    EXPECT_FALSE(second.running());
    EXPECT_TRUE(fs::exists(arriving / "one.dcm"));
    db::PatientDatabase database(node.databasePath);
    EXPECT_FALSE(database.findPatient("BUSY").has_value());
    first.stop();
}

TEST(WorkflowDicomReceiver, aStructureSetDeliveredBeforeItsImagesIsImportedWithThem) {
    // A retrieval's associations can end in either order: the structure set's delivery may be
    // handed over before its images'. Imported together, both arrive.
    ReceivingNode node;
    const auto patient = fixtures::writePatient(node.dir.filePath("data"), "ORDER", 32, 12);
    const auto structureSet = fixtures::writeRtStruct(node.dir.filePath("data"), patient);
    db::PatientDatabase database(node.databasePath);
    const fs::path incoming = database.incomingFolder();
    imaging::ReceivedFiles structureSetDelivery{"PACS", incoming / "3-structures-0", {}};
    imaging::ReceivedFiles imageDelivery{"PACS", incoming / "3-images-1", {}};
    fs::create_directories(structureSetDelivery.folder);
    fs::copy_file(structureSet, structureSetDelivery.folder / "rtstruct.dcm");
    structureSetDelivery.files.push_back((structureSetDelivery.folder / "rtstruct.dcm").string());
    fs::create_directories(imageDelivery.folder);
    for (const auto& file : patient.series.files) {
        fs::copy_file(file, imageDelivery.folder / file.filename());
        imageDelivery.files.push_back((imageDelivery.folder / file.filename()).string());
    }

    NullProgressSink quiet;
    const auto report = workflow::importReceivedFiles(
        database, {structureSetDelivery, imageDelivery}, "admin", quiet);
    EXPECT_TRUE(report.errors.empty()) << report.errors.front().message;
    EXPECT_EQ(report.seriesImported, 1u);
    EXPECT_EQ(report.structureSetsImported, 1u);
    EXPECT_FALSE(fs::exists(structureSetDelivery.folder));
    EXPECT_FALSE(fs::exists(imageDelivery.folder));
    EXPECT_FALSE(fs::exists(incoming / "refused"));
    EXPECT_TRUE(database.check().ok());
}

TEST(WorkflowDicomReceiver, aStructureSetPushedBeforeItsImagesWaitsForThem) {
    // A PACS may send a study's series in separate associations, the structure set first: it is
    // held, not refused, and imported when its images arrive.
    ReceivingNode node;
    const auto patient = fixtures::writePatient(node.dir.filePath("data"), "EARLY", 32, 12);
    const auto structureSet = fixtures::writeRtStruct(node.dir.filePath("data"), patient);
    std::string incoming;
    {
        db::PatientDatabase database(node.databasePath);
        incoming = database.incomingFolder();
    }
    Deliveries deliveries;
    workflow::DicomReceiver receiver(node.databasePath, deliveries.handler());
    receiver.start();

    NullProgressSink quiet;
    auto results = imaging::sendFiles("SCANNER", node.listener(), {structureSet.string()}, quiet);
    ASSERT_TRUE(results.at(0).stored) << results.at(0).message;
    ASSERT_TRUE(deliveries.waitFor(1));
    {
        std::lock_guard lock(deliveries.mutex);
        const auto& report = deliveries.seen[0].report;
        EXPECT_TRUE(report.errors.empty());
        EXPECT_EQ(report.structureSetsImported, 0u);
        ASSERT_EQ(report.notes.size(), 1u);
        EXPECT_NE(report.notes[0].message.find("kept until its image series arrives"),
                  std::string::npos);
    }
    const fs::path awaiting = fs::path(incoming) / "awaiting-images";
    EXPECT_EQ(std::distance(fs::directory_iterator(awaiting), fs::directory_iterator()), 1);
    EXPECT_FALSE(fs::exists(fs::path(incoming) / "refused"));

    results =
        imaging::sendFiles("SCANNER", node.listener(), asStrings(patient.series.files), quiet);
    for (const auto& result : results) {
        ASSERT_TRUE(result.stored) << result.path << ": " << result.message;
    }
    ASSERT_TRUE(deliveries.waitFor(2));
    receiver.stop();
    {
        std::lock_guard lock(deliveries.mutex);
        const auto& report = deliveries.seen[1].report;
        EXPECT_TRUE(report.errors.empty()) << report.errors.front().message;
        EXPECT_EQ(report.seriesImported, 1u);
        EXPECT_EQ(report.structureSetsImported, 1u);
    }
    EXPECT_TRUE(fs::is_empty(awaiting));
    db::PatientDatabase database(node.databasePath);
    const auto series = database.seriesOfPatient("EARLY");
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(database.structureSetVersions(series[0].id).size(), 1u);
    EXPECT_TRUE(database.check().ok());
}
