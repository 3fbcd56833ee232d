// The storage listener and the C-ECHO / C-STORE user against each other and against DCMTK's own
// storescu and echoscu, on loopback: what arrives is the data set that was sent, byte for byte,
// strangers are refused, and a flood of connections or garbage leaves the listener answering.
#include "DicomTestVolumes.h"
#include "FreePort.h"
#include "metis/imaging/DicomNetwork.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/DicomSeriesWriter.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace metis;
using namespace metis::imaging;
namespace fs = std::filesystem;
using test_tools::freePort;

namespace {

/// A Part 10 file's data set: what follows the preamble, "DICM" and the meta group, whose
/// length is the value of (0002,0000) at offset 140. The receiver writes a meta header of its
/// own (its AE title, its implementation), the data set itself must arrive unchanged.
std::string dataSetBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    if (bytes.size() < 144 || bytes.compare(128, 4, "DICM") != 0) {
        return {};
    }
    const auto* length = reinterpret_cast<const unsigned char*>(bytes.data() + 140);
    const std::size_t metaLength =
        length[0] | length[1] << 8 | length[2] << 16 | static_cast<std::size_t>(length[3]) << 24;
    return bytes.substr(144 + metaLength);
}

/// Collects what the listener hands over, for the test thread to wait on.
struct Inbox {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<ReceivedFiles> deliveries;

    void add(ReceivedFiles files) {
        std::lock_guard lock(mutex);
        deliveries.push_back(std::move(files));
        arrived.notify_all();
    }
    std::size_t fileCount() {
        std::size_t count = 0;
        for (const auto& delivery : deliveries) {
            count += delivery.files.size();
        }
        return count;
    }
    bool waitForFiles(std::size_t count, std::chrono::seconds timeout = std::chrono::seconds(20)) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, timeout, [&] { return fileCount() >= count; });
    }
};

WrittenSeries writeSeries(const fs::path& folder) {
    NullProgressSink progress;
    const auto volume = metis::testing::patternVolume(
        metis::testing::testGeometry(metis::testing::Orientation::Axial, {24, 20, 6}));
    return writeDicomSeries(volume, folder, {}, progress);
}

} // namespace

class DicomNetworkTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int port_ = 0;
    Inbox inbox_;
    std::unique_ptr<StorageListener> listener_;

    DicomNode listenerNode() const { return {"METIS", "127.0.0.1", port_}; }

    void startListener(int maxAssociations = 8) {
        port_ = freePort();
        ListenerOptions options;
        options.aeTitle = "METIS";
        options.port = port_;
        options.acceptedCallingAes = {"PACS", "STORESCU"};
        options.maxAssociations = maxAssociations;
        options.incomingFolder = fs::path(dir_.path().toStdString()) / "incoming";
        listener_ = std::make_unique<StorageListener>(
            options, [this](ReceivedFiles files) { inbox_.add(std::move(files)); });
        listener_->start();
    }

private Q_SLOTS:
    void cleanup() {
        listener_.reset();
        std::lock_guard lock(inbox_.mutex);
        inbox_.deliveries.clear();
    }

    void aeTitlesAndNodesAreChecked() {
        validateAeTitle("METIS_WS1");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateAeTitle(""));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateAeTitle("SEVENTEEN_LETTERS"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateAeTitle("A\\B"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateAeTitle("   "));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateNode({"PACS", "", 104}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateNode({"PACS", "host", 70000}));
        QCOMPARE(describe({"PACS", "10.0.0.2", 4242}), std::string("PACS@10.0.0.2:4242"));
    }

    void sentDataSetsArriveUnchanged() {
        startListener();
        QVERIFY(echo("PACS", listenerNode()) >= 0.0);

        const fs::path source = fs::path(dir_.path().toStdString()) / "sent";
        const auto written = writeSeries(source);
        std::vector<std::string> files;
        for (const auto& file : written.files) {
            files.push_back(file.string());
        }
        files.push_back((source / "missing.dcm").string());
        NullProgressSink progress;
        const auto results = sendFiles("PACS", listenerNode(), files, progress);
        QCOMPARE(results.size(), files.size());
        for (std::size_t i = 0; i < written.files.size(); ++i) {
            QVERIFY2(results[i].stored, results[i].message.c_str());
        }
        QVERIFY(!results.back().stored);
        QVERIFY2(results.back().message.find("meta header") != std::string::npos,
                 results.back().message.c_str());

        QVERIFY(inbox_.waitForFiles(written.files.size()));
        std::lock_guard lock(inbox_.mutex);
        QCOMPARE(inbox_.deliveries.size(), std::size_t{1}); // one association, one delivery
        const auto& delivery = inbox_.deliveries.front();
        QCOMPARE(delivery.callingAe, std::string("PACS"));
        for (std::size_t i = 0; i < written.files.size(); ++i) {
            const fs::path received = delivery.folder / (written.sopInstanceUids[i] + ".dcm");
            QVERIFY2(fs::exists(received), received.c_str());
            const auto sent = dataSetBytes(written.files[i]);
            QVERIFY(!sent.empty());
            QVERIFY(dataSetBytes(received) == sent);
        }
        for (const auto& entry : fs::directory_iterator(delivery.folder)) {
            QCOMPARE(entry.path().extension().string(), std::string(".dcm")); // no .partial left
        }
    }

    void strangersAreRefused() {
        startListener();
        try {
            echo("STRANGER", listenerNode());
            QFAIL("an unknown calling AE title was accepted");
        } catch (const DicomNetworkError& error) {
            QVERIFY2(std::string(error.what()).find("METIS@127.0.0.1") != std::string::npos,
                     error.what());
        }
        // Calling the listener by another AE title is refused too.
        QVERIFY_THROWS_EXCEPTION(DicomNetworkError, echo("PACS", {"OTHER", "127.0.0.1", port_}));
        // Nobody listening: the error names the node.
        try {
            echo("PACS", {"GONE", "127.0.0.1", freePort()}, {2, 2});
            QFAIL("no listener, yet the echo succeeded");
        } catch (const DicomNetworkError& error) {
            QVERIFY2(std::string(error.what()).find("GONE@127.0.0.1") != std::string::npos,
                     error.what());
        }
    }

    void storescuPushesAFolder() {
        const QString storescu = QStandardPaths::findExecutable("storescu");
        QVERIFY2(!storescu.isEmpty(), "storescu (DCMTK) is not on PATH");
        startListener();
        const fs::path source = fs::path(dir_.path().toStdString()) / "pushed";
        const auto written = writeSeries(source);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(storescu, {"-aet", "STORESCU", "-aec", "METIS", "+sd", "+r", "127.0.0.1",
                                 QString::number(port_), QString::fromStdString(source.string())});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAll().constData());
        QVERIFY(inbox_.waitForFiles(written.files.size()));

        std::lock_guard lock(inbox_.mutex);
        NullProgressSink progress;
        const auto scan = scanDicomFolder(inbox_.deliveries.front().folder, progress);
        QCOMPARE(scan.series.size(), std::size_t{1});
        QCOMPARE(scan.series.front().seriesInstanceUid, written.seriesInstanceUid);
    }

    void floodsAndGarbageLeaveTheListenerAnswering() {
        startListener(4);
        // 50 connections at once: half send garbage in place of an association request, half
        // ask for echoes; those beyond four at a time are refused as busy, none hangs.
        std::atomic<int> echoed{0};
        std::atomic<int> refused{0};
        std::vector<std::thread> clients;
        for (int i = 0; i < 50; ++i) {
            clients.emplace_back([&, i] {
                if (i % 2 == 0) {
                    test_tools::sendRawBytes(
                        port_, i % 4 == 0 ? std::string("\x01\x00\x00\x00\xff\xff\xff\xff"
                                                        "garbage",
                                                        15)
                                          : std::string(4096, '\x07'));
                    return;
                }
                try {
                    echo("PACS", listenerNode(), {5, 5});
                    ++echoed;
                } catch (const DicomNetworkError&) {
                    ++refused;
                }
            });
        }
        for (auto& client : clients) {
            client.join();
        }
        QCOMPARE(echoed + refused, 25);
        QVERIFY(echoed > 0);
        // Still answering, and still stores.
        QVERIFY(echo("PACS", listenerNode()) >= 0.0);
        const auto written = writeSeries(fs::path(dir_.path().toStdString()) / "after-flood");
        NullProgressSink progress;
        const auto results =
            sendFiles("PACS", listenerNode(), {written.files.front().string()}, progress);
        QVERIFY2(results.front().stored, results.front().message.c_str());
        QVERIFY(inbox_.waitForFiles(1));
    }

    // A caller that connects and never sends an association request holds the others back only
    // for a few seconds (DCMTK reads the request on the accepting thread), not for good.
    void anIdleConnectionDoesNotHoldTheListener() {
        startListener();
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(port_));
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        QTest::qWait(200); // the listener is now reading from the idle connection
        // With DCMTK's usual 30 s the echo would time out after 15 s; the idle one is let go.
        QVERIFY(echo("PACS", listenerNode(), {15, 15}) >= 0.0);
        ::close(fd);
    }

    void stopsPromptlyAndFreesThePort() {
        startListener();
        const auto started = std::chrono::steady_clock::now();
        listener_->stop();
        QVERIFY(!listener_->running());
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
        QVERIFY_THROWS_EXCEPTION(DicomNetworkError, echo("PACS", listenerNode(), {2, 2}));
        // The same port can be opened again at once.
        listener_->start();
        QVERIFY(echo("PACS", listenerNode()) >= 0.0);
    }

    void aTakenPortIsReported() {
        startListener();
        ListenerOptions options = listener_->options();
        StorageListener second(options, [](ReceivedFiles) {});
        try {
            second.start();
            QFAIL("two listeners on one port");
        } catch (const DicomNetworkError& error) {
            QVERIFY2(std::string(error.what()).find(std::to_string(port_)) != std::string::npos,
                     error.what());
        }
    }
};

QTEST_GUILESS_MAIN(DicomNetworkTest)
#include "test_dicom_network.moc"
