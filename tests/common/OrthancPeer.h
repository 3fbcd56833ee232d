#pragma once
// A real PACS for the networking tests: Orthanc (Debian's package) started on loopback with a
// configuration and storage of its own in `folder`, on free ports, knowing the given modalities
// (name -> AE title and port on 127.0.0.1); stopped when the object goes.
#include "ExternalTool.h"
#include "FreePort.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <map>
#include <stdexcept>
#include <utility>

namespace test_tools {

class OrthancPeer {
public:
    OrthancPeer(const QString& folder, const std::map<QString, std::pair<QString, int>>& modalities)
        : dicomPort_(freePort()), httpPort_(freePort()) {
        QDir().mkpath(folder + "/storage");
        QJsonObject known;
        for (const auto& [name, node] : modalities) {
            known.insert(name, QJsonArray{node.first, "127.0.0.1", node.second});
        }
        const QJsonObject config{
            {"Name", "MetisTest"},
            {"StorageDirectory", folder + "/storage"},
            {"IndexDirectory", folder + "/storage"},
            {"HttpPort", httpPort_},
            {"DicomPort", dicomPort_},
            {"DicomAet", "ORTHANC"},
            {"RemoteAccessAllowed", false},
            {"AuthenticationEnabled", false},
            {"Plugins", QJsonArray{}},
            {"DicomModalities", known},
        };
        QFile file(folder + "/orthanc.json");
        if (!file.open(QIODevice::WriteOnly)) {
            throw std::runtime_error("cannot write the Orthanc configuration");
        }
        file.write(QJsonDocument(config).toJson());
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("TCP_NODELAY", "1"); // Orthanc's DCMTK, like Metis's: else 40 ms/file
        process_.setProcessEnvironment(environment);
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.start(requireTool("Orthanc"), {file.fileName()});
        process_.waitForStarted();
        for (int attempt = 0; attempt < 100 && !running(); ++attempt) {
            QTest::qWait(100);
        }
    }
    ~OrthancPeer() {
        process_.terminate();
        if (!process_.waitForFinished(10000)) {
            process_.kill();
            process_.waitForFinished();
        }
    }
    OrthancPeer(const OrthancPeer&) = delete;
    OrthancPeer& operator=(const OrthancPeer&) = delete;

    bool running() {
        return process_.state() == QProcess::Running &&
               runTool(requireTool("curl"), {"-sf", url("/system")}).exitCode == 0;
    }
    QString log() { return QString::fromLocal8Bit(process_.readAll()); }
    int dicomPort() const { return dicomPort_; }
    QString url(const QString& path) const {
        return QString("http://127.0.0.1:%1%2").arg(httpPort_).arg(path);
    }

    /// Stores files at Orthanc as a scanner would, with DCMTK's storescu.
    ToolResult push(const QStringList& paths, const QString& callingAe = "PHANTOM") const {
        return runTool(requireTool("storescu"),
                       QStringList{"-aet", callingAe, "-aec", "ORTHANC", "+sd", "+r", "127.0.0.1",
                                   QString::number(dicomPort_)} +
                           paths);
    }

private:
    int dicomPort_;
    int httpPort_;
    QProcess process_;
};

} // namespace test_tools
