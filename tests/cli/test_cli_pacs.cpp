// DICOM networking against a real PACS: Orthanc (Debian's package), started by the test on
// loopback with a configuration of its own. A phantom study pushed to Orthanc by DCMTK's storescu
// is found by C-FIND and retrieved by C-MOVE into a fresh database voxel for voxel; a structure
// set sent back is read from Orthanc's REST API, is dciodvfy-clean and references the series; the
// listener takes a push from storescu, refuses a stranger, and leaves the database consistent.
#include "ExternalTool.h"
#include "FreePort.h"
#include "OrthancPeer.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/DicomSeriesReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

using namespace metis;
using test_tools::freePort;
using test_tools::requireTool;
using test_tools::runTool;

namespace {

QJsonDocument json(const QString& text) {
    // The command prints its JSON as the last line of stdout; progress goes to stderr.
    const auto lines = text.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last().toUtf8());
}

ImageVolume loadFiles(const std::vector<std::filesystem::path>& files) {
    NullProgressSink progress;
    const auto scan = imaging::scanDicomFiles(files, progress);
    if (scan.series.size() != 1) {
        throw std::runtime_error("expected one series");
    }
    return imaging::loadSeries(scan.series.front(), progress);
}

} // namespace

class TestCliPacs : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<test_tools::OrthancPeer> orthanc_;
    int orthancDicomPort_ = 0;
    int metisPort_ = 0;
    QString database_;
    QString patientFolder_;

    QString orthancUrl(const QString& path) const { return orthanc_->url(path); }

    test_tools::ToolResult cli(const QStringList& arguments, int timeoutMs = 120000) {
        return runTool(METIS_CLI_PATH, arguments + QStringList{"--db", database_}, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());

        // One phantom patient with its RTSTRUCT.
        const auto phantom =
            runTool(METIS_CLI_PATH, {"phantom", "--out", dir_.filePath("cohort"), "--patients", "1",
                                     "--sites", "internal", "--seed", "4711"});
        QVERIFY2(phantom.exitCode == 0, qPrintable(phantom.output));
        patientFolder_ = dir_.filePath("cohort/PHANTOM-0001");

        metisPort_ = freePort();
        orthanc_ = std::make_unique<test_tools::OrthancPeer>(
            dir_.filePath("orthanc"),
            std::map<QString, std::pair<QString, int>>{{"metis", {"METIS", metisPort_}},
                                                       {"phantom", {"PHANTOM", 104}}});
        QVERIFY2(orthanc_->running(), qPrintable(orthanc_->log()));
        orthancDicomPort_ = orthanc_->dicomPort();

        // The phantom study reaches Orthanc from another sender, as from a scanner.
        const auto pushed =
            orthanc_->push({patientFolder_ + "/MR", patientFolder_ + "/RTSTRUCT.dcm"});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.output));

        database_ = dir_.filePath("workstation/metis.db");
        QDir().mkpath(dir_.filePath("workstation"));
        QVERIFY(cli({"db", "init"}).exitCode == 0);
    }

    void cleanupTestCase() { orthanc_.reset(); }

    void onlyAnAdminConfiguresNodes() {
        auto result = cli({"pacs", "set-node", "ORTHANC", "--ae", "ORTHANC", "--host", "127.0.0.1",
                           "--port", QString::number(orthancDicomPort_), "--user", "oncologist"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("may not configure DICOM nodes"),
                 qPrintable(result.output));
        result = cli({"pacs", "set-node", "ORTHANC", "--ae", "TOO_LONG_AE_TITLE_X", "--host",
                      "127.0.0.1", "--user", "admin"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("1 to 16 characters"), qPrintable(result.output));

        result = cli({"pacs", "set-node", "ORTHANC", "--ae", "ORTHANC", "--host", "127.0.0.1",
                      "--port", QString::number(orthancDicomPort_), "--user", "admin"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        result = cli({"pacs", "set-local", "--ae", "METIS", "--port", QString::number(metisPort_),
                      "--user", "admin"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        result = cli({"pacs", "nodes", "--json"});
        const auto nodes = json(result.output).object();
        QCOMPARE(nodes["local"].toObject()["port"].toInt(), metisPort_);
        QCOMPARE(nodes["nodes"].toArray().size(), 1);

        // Every change is in the audit log, which still verifies.
        db::PatientDatabase database(database_.toStdString(), db::OpenMode::ReadOnly);
        int changes = 0;
        for (const auto& entry : database.auditLog()) {
            changes += entry.action.rfind("dicom_", 0) == 0 ? 1 : 0;
        }
        QCOMPARE(changes, 2);
        QVERIFY(database.check().ok());
    }

    void findsAndRetrievesAStudyVoxelForVoxel() {
        auto result = cli({"pacs", "echo", "ORTHANC"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        result = cli({"pacs", "find", "ORTHANC", "--patient-id", "PHANTOM-0001"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        const auto studies = json(result.output).array();
        QCOMPARE(studies.size(), 1);
        const QString studyUid = studies[0].toObject()["study_uid"].toString();
        QVERIFY(!studyUid.isEmpty());
        QVERIFY(studies[0].toObject()["modalities"].toString().contains("RTSTRUCT"));

        result = cli({"pacs", "find", "ORTHANC", "--study", studyUid});
        QCOMPARE(json(result.output).array().size(), 2); // MR and RTSTRUCT

        result = cli({"pacs", "retrieve", "ORTHANC", "--study", studyUid, "--user", "oncologist"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        const auto report = json(result.output).object();
        QCOMPARE(report["series_imported"].toInt(), 1);
        QCOMPARE(report["structure_sets_imported"].toInt(), 1);

        // The stored series is the original, voxel for voxel and on the same grid.
        db::PatientDatabase database(database_.toStdString(), db::OpenMode::ReadOnly);
        const auto series = database.seriesOfPatient("PHANTOM-0001");
        QCOMPARE(series.size(), std::size_t{1});
        std::vector<std::filesystem::path> stored;
        for (const auto& path : database.instanceFiles(series.front().id)) {
            stored.emplace_back(path);
        }
        std::vector<std::filesystem::path> originals;
        for (const auto& entry :
             std::filesystem::directory_iterator((patientFolder_ + "/MR").toStdString())) {
            originals.push_back(entry.path());
        }
        QCOMPARE(stored.size(), originals.size());
        const ImageVolume retrieved = loadFiles(stored);
        const ImageVolume original = loadFiles(originals);
        QVERIFY(retrieved.geometry().size == original.geometry().size);
        QVERIFY(retrieved.geometry().origin == original.geometry().origin);
        QVERIFY(retrieved.data() == original.data());
        QVERIFY(database.check().ok());
        QVERIFY(std::filesystem::is_empty(database.incomingFolder())); // nothing left behind
        bool audited = false;
        for (const auto& entry : database.auditLog()) {
            audited = audited || (entry.action == "dicom.retrieve" &&
                                  entry.details.find(studyUid.toStdString()) != std::string::npos);
        }
        QVERIFY(audited);
    }

    void aStructureSetSentIsReadBackFromOrthanc() {
        QVERIFY(!database_.isEmpty());
        std::int64_t structureSetId = 0;
        std::string seriesUid;
        {
            db::PatientDatabase database(database_.toStdString(), db::OpenMode::ReadOnly);
            const auto series = database.seriesOfPatient("PHANTOM-0001");
            QCOMPARE(series.size(), std::size_t{1});
            seriesUid = series.front().seriesUid;
            const auto version = database.newestManualStructureSet(series.front().id);
            QVERIFY(version.has_value());
            structureSetId = version->id;
        }
        auto result = cli({"pacs", "send", "ORTHANC", "--structure-set",
                           QString::number(structureSetId), "--user", "oncologist"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        const QString sopUid = json(result.output).object()["rtstruct_sop_instance_uid"].toString();
        QVERIFY(!sopUid.isEmpty());

        // Orthanc's REST API finds the instance by its UID and hands back the file.
        const QString query =
            QString(R"({"Level":"Instance","Query":{"SOPInstanceUID":"%1"}})").arg(sopUid);
        result = runTool("curl", {"-sf", "-X", "POST", orthancUrl("/tools/find"), "-d", query});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        const auto found = QJsonDocument::fromJson(result.output.toUtf8()).array();
        QCOMPARE(found.size(), 1);
        const QString file = dir_.filePath("from-orthanc.dcm");
        result = runTool(
            "curl", {"-sf", "-o", file, orthancUrl("/instances/" + found[0].toString() + "/file")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        const auto validated = runTool(requireTool("dciodvfy"), {file});
        QVERIFY2(!validated.output.contains("Error"), qPrintable(validated.output));
        const auto dumped = runTool(requireTool("dcmdump"), {"+P", "0020,000e", file});
        QVERIFY2(dumped.output.contains(QString::fromStdString(seriesUid)),
                 qPrintable(dumped.output));

        db::PatientDatabase database(database_.toStdString(), db::OpenMode::ReadOnly);
        bool audited = false;
        for (const auto& entry : database.auditLog()) {
            audited = audited || (entry.action == "dicom.send" &&
                                  entry.details.find(sopUid.toStdString()) != std::string::npos &&
                                  entry.details.find("1 of 1 files stored") != std::string::npos);
        }
        QVERIFY(audited);
    }

    void aDeidentifiedExportStillRasterisesOntoItsImages() {
        std::int64_t structureSetId = 0;
        {
            db::PatientDatabase database(database_.toStdString(), db::OpenMode::ReadOnly);
            const auto series = database.seriesOfPatient("PHANTOM-0001");
            structureSetId = database.newestManualStructureSet(series.front().id)->id;
        }
        const QString version = QString::number(structureSetId);
        auto result = cli({"export", "--patient", "PHANTOM-0001", "--structure-set", version,
                           "--user", "oncologist", "--out", dir_.filePath("plain")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        result = cli({"export", "--patient", "PHANTOM-0001", "--structure-set", version, "--user",
                      "oncologist", "--deidentify", "--pseudonym", "RESEARCH-0042", "--out",
                      dir_.filePath("deidentified")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY(json(result.output).object()["deidentified"].toBool());
        const auto validated =
            runTool(requireTool("dciodvfy"), {dir_.filePath("deidentified/RTSTRUCT.dcm")});
        QVERIFY2(!validated.output.contains("Error"), qPrintable(validated.output));

        // plastimatch rasterises each RTSTRUCT onto its own exported images: the same masks.
        for (const QString folder : {"plain", "deidentified"}) {
            QDir().mkpath(dir_.filePath(folder + "-images"));
            for (const auto& image : QDir(dir_.filePath(folder)).entryList({"IM*.dcm"})) {
                QFile::copy(dir_.filePath(folder + "/" + image),
                            dir_.filePath(folder + "-images/" + image));
            }
            result =
                runTool(requireTool("plastimatch"),
                        {"convert", "--input", dir_.filePath(folder + "/RTSTRUCT.dcm"),
                         "--referenced-ct", dir_.filePath(folder + "-images"), "--output-prefix",
                         dir_.filePath(folder + "-masks"), "--prefix-format", "mha"});
            QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        }
        const auto masks = QDir(dir_.filePath("plain-masks")).entryList({"*.mha"});
        QVERIFY(masks.contains("GTV_ALL.mha"));
        for (const auto& mask : masks) {
            QFile plain(dir_.filePath("plain-masks/" + mask));
            QFile deidentified(dir_.filePath("deidentified-masks/" + mask));
            QVERIFY(plain.open(QIODevice::ReadOnly) && deidentified.open(QIODevice::ReadOnly));
            QVERIFY2(plain.readAll() == deidentified.readAll(), qPrintable(mask)); // Dice 1.0
        }

        // Sent de-identified, the study is found at the PACS under its pseudonym.
        result = cli({"pacs", "send", "ORTHANC", "--structure-set", version, "--with-images",
                      "--deidentify", "--pseudonym", "RESEARCH-0042", "--user", "oncologist"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        result = cli({"pacs", "find", "ORTHANC", "--patient-id", "RESEARCH-0042"});
        const auto studies = json(result.output).array();
        QVERIFY2(studies.size() == 1, qPrintable(result.output));
        QVERIFY(studies[0].toObject()["modalities"].toString().contains("RTSTRUCT"));
        QCOMPARE(studies[0].toObject()["patient_name"].toString(), QString("RESEARCH-0042"));
    }

    void theListenerTakesAPushAndRefusesAStranger() {
        // A receiving node of its own, with storescu as its only accepted sender.
        const QString receiving = dir_.filePath("receiver/metis.db");
        QDir().mkpath(dir_.filePath("receiver"));
        const auto local = [&](const QStringList& arguments) {
            return runTool(METIS_CLI_PATH, arguments + QStringList{"--db", receiving});
        };
        QVERIFY(local({"db", "init"}).exitCode == 0);
        const int port = freePort();
        QVERIFY(local({"pacs", "set-node", "SCANNER", "--ae", "STORESCU", "--host", "127.0.0.1",
                       "--user", "admin"})
                    .exitCode == 0);
        QVERIFY(local({"pacs", "set-local", "--ae", "METIS", "--port", QString::number(port),
                       "--user", "admin"})
                    .exitCode == 0);
        QProcess listener;
        listener.start(METIS_CLI_PATH, {"listen", "--db", receiving});
        QVERIFY(listener.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += listener.readAllStandardError()).contains("listening as"),
                                 10000);

        const auto stranger =
            runTool("storescu", {"-aet", "STRANGER", "-aec", "METIS", "127.0.0.1",
                                 QString::number(port), patientFolder_ + "/RTSTRUCT.dcm"});
        QVERIFY2(stranger.exitCode != 0, qPrintable(stranger.output));
        QVERIFY2(stranger.output.contains("Rejected"), qPrintable(stranger.output));

        const auto pushed =
            runTool("storescu", {"-aet", "STORESCU", "-aec", "METIS", "+sd", "127.0.0.1",
                                 QString::number(port), patientFolder_ + "/MR"});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.output));
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += listener.readAllStandardOutput()).contains("\n"),
                                 30000);
        const auto delivery = json(QString::fromUtf8(printed)).object();
        QCOMPARE(delivery["from"].toString(), QString("STORESCU"));
        QCOMPARE(delivery["series_imported"].toInt(), 1);

        listener.terminate(); // SIGTERM: stops after the running associations
        QVERIFY(listener.waitForFinished(10000));
        QCOMPARE(listener.exitCode(), 0);
        const auto checked = local({"db", "check"});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.output));
        const auto stats = json(local({"db", "stats", "--json"}).output).object();
        QCOMPARE(stats["series"].toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliPacs)
#include "test_cli_pacs.moc"
