#pragma once
// Runs the independent tools the tests check Metis against (dcm2niix, dciodvfy, plastimatch,
// metis-cli itself) and collects their exit code and merged output.
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace test_tools {

struct ToolResult {
    int exitCode = -1; ///< -1 when the tool crashed or did not finish
    QString output;    ///< stdout and stderr together
};

inline ToolResult runTool(const QString& program, const QStringList& arguments,
                          int timeoutMs = 120000) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    ToolResult result;
    if (!process.waitForFinished(timeoutMs)) {
        result.output = "did not finish: " + process.errorString();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromLocal8Bit(process.readAll());
    return result;
}

/// The tool's path; stops the test run when the set-up did not install it.
inline QString requireTool(const char* name) {
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        qFatal("%s is not installed; scripts/setup.sh installs it", name);
    }
    return path;
}

} // namespace test_tools
