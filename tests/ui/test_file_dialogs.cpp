// The workstation's file dialogs list the folder of the patient database without opening its
// files, and a second process that opens and closes the database while the workstation runs
// leaves the workstation's data exact (the sequence that once lost an audit entry).
#include "ExternalTool.h"
#include "metis/database/PatientDatabase.h"
#include "metis/ui/FileDialogs.h"

#include <QFileInfo>
#include <QFileSystemModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <sys/inotify.h>
#include <unistd.h>

using namespace metis;
using test_tools::runTool;

namespace {

/// Names of the files in `folder` that anything opened while `action` ran.
template <typename Action>
std::set<QString> filesOpenedDuring(const QString& folder, Action action) {
    const int watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (watch < 0 || inotify_add_watch(watch, QFile::encodeName(folder).constData(), IN_OPEN) < 0) {
        qFatal("inotify unavailable");
    }
    action();
    std::set<QString> opened;
    alignas(inotify_event) char buffer[16384];
    for (ssize_t length; (length = ::read(watch, buffer, sizeof buffer)) > 0;) {
        for (char* at = buffer; at < buffer + length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(at);
            if (event->len > 0) {
                opened.insert(QString::fromLocal8Bit(event->name));
            }
            at += sizeof(inotify_event) + event->len;
        }
    }
    ::close(watch);
    return opened;
}

/// Shows `dialog` on `folder` until its list has loaded and been painted, then closes it.
void browse(QFileDialog& dialog, const QString& folder) {
    dialog.setDirectory(folder);
    auto* model = dialog.findChild<QFileSystemModel*>();
    QVERIFY(model);
    QSignalSpy loaded(model, &QFileSystemModel::directoryLoaded);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QTest::qWait(500); // icons and type names are asked for while the view paints
    dialog.close();
}

} // namespace

class TestFileDialogs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listingTheDatabaseFolderOpensNoFile() {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath("metis.db");
        db::PatientDatabase workstation(dbPath.toStdString());
        workstation.appendAudit("alice", "session.start");
        QVERIFY(QFileInfo::exists(dbPath + "-wal") && QFileInfo::exists(dbPath + "-shm"));

        // Qt's dialog as it comes: it reads the files to type them (the defect's cause).
        const auto plainOpens = filesOpenedDuring(dir.path(), [&] {
            QFileDialog plain(nullptr, "plain");
            plain.setOption(QFileDialog::DontUseNativeDialog);
            browse(plain, dir.path());
        });
        QVERIFY2(plainOpens.count("metis.db-wal") == 1,
                 "Qt's own dialog no longer opens listed files: the check below proves nothing");

        const auto opens = filesOpenedDuring(dir.path(), [&] {
            QFileDialog dialog(nullptr, "workstation");
            ui::configureFileDialog(dialog);
            browse(dialog, dir.path());
        });
        QVERIFY2(opens.empty(), qPrintable(QStringList(opens.begin(), opens.end()).join(", ")));

        // Then a second process has a read-write session on the database.
        const auto result = runTool(METIS_CLI_PATH, {"db", "init", "--db", dbPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        const auto entries = workstation.stats().auditEntries;
        workstation.appendAudit("alice", "patient.open", "patient", "P1");
        const auto report = workstation.check();
        QVERIFY(report.ok());
        QCOMPARE(report.auditEntriesVerified, entries + 1);
    }
};

QTEST_MAIN(TestFileDialogs)
#include "test_file_dialogs.moc"
