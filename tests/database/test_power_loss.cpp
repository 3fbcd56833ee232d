// Power loss, emulated under SQLite: a VFS in front of the system's keeps, for every file, the
// bytes it held at its last fsync; "the power fails" after the N-th write call, and what
// survives is exactly what had been synced. For cut points across a run of audited writes, the
// surviving database passes db check (integrity, audit chain, anchor) and holds every change
// that had been acknowledged (its call returned) before the cut. With synchronous=NORMAL the
// last acknowledged commits are lost here; FULL keeps them.
#include "metis/database/PatientDatabase.h"

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <map>
#include <sqlite3.h>
#include <sstream>

using namespace metis::db;
namespace fs = std::filesystem;

namespace {

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// What the disk would hold after a power loss: each file as of its last fsync.
struct Disk {
    std::map<std::string, std::string> synced; ///< path -> bytes at the last xSync
    long writes = 0;
    long cutAfterWrites = -1; ///< the write call after which the power fails
    std::string crashFolder;
    bool crashed = false;
    std::string anchorPath; ///< the audit anchor (plain POSIX writes, fsynced before rename)

    void afterWrite() {
        if (++writes != cutAfterWrites) {
            return;
        }
        crashed = true;
        fs::create_directories(crashFolder);
        for (const auto& [path, bytes] : synced) {
            std::ofstream(fs::path(crashFolder) / fs::path(path).filename(), std::ios::binary)
                << bytes;
        }
        if (fs::exists(anchorPath)) {
            fs::copy_file(anchorPath, fs::path(crashFolder) / fs::path(anchorPath).filename());
        }
    }
};

Disk g_disk;
sqlite3_vfs* g_system = nullptr;

struct File {
    sqlite3_file base;
    std::string* path; // owned
    bool tracked;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

File* asFile(sqlite3_file* file) {
    return reinterpret_cast<File*>(file);
}

int fileClose(sqlite3_file* file) {
    const int rc = asFile(file)->real()->pMethods->xClose(asFile(file)->real());
    delete asFile(file)->path;
    return rc;
}
int fileRead(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
    return asFile(f)->real()->pMethods->xRead(asFile(f)->real(), b, n, o);
}
int fileWrite(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
    const int rc = asFile(f)->real()->pMethods->xWrite(asFile(f)->real(), b, n, o);
    if (asFile(f)->tracked) {
        g_disk.afterWrite();
    }
    return rc;
}
int fileTruncate(sqlite3_file* f, sqlite3_int64 size) {
    return asFile(f)->real()->pMethods->xTruncate(asFile(f)->real(), size);
}
int fileSync(sqlite3_file* f, int flags) {
    const int rc = asFile(f)->real()->pMethods->xSync(asFile(f)->real(), flags);
    if (rc == SQLITE_OK && asFile(f)->tracked && !g_disk.crashed) {
        g_disk.synced[*asFile(f)->path] = readWhole(*asFile(f)->path);
    }
    return rc;
}
int fileSize(sqlite3_file* f, sqlite3_int64* size) {
    return asFile(f)->real()->pMethods->xFileSize(asFile(f)->real(), size);
}
int fileLock(sqlite3_file* f, int l) {
    return asFile(f)->real()->pMethods->xLock(asFile(f)->real(), l);
}
int fileUnlock(sqlite3_file* f, int l) {
    return asFile(f)->real()->pMethods->xUnlock(asFile(f)->real(), l);
}
int fileCheckLock(sqlite3_file* f, int* out) {
    return asFile(f)->real()->pMethods->xCheckReservedLock(asFile(f)->real(), out);
}
int fileControl(sqlite3_file* f, int op, void* arg) {
    return asFile(f)->real()->pMethods->xFileControl(asFile(f)->real(), op, arg);
}
int fileSectorSize(sqlite3_file* f) {
    return asFile(f)->real()->pMethods->xSectorSize(asFile(f)->real());
}
int fileDevice(sqlite3_file* f) {
    return asFile(f)->real()->pMethods->xDeviceCharacteristics(asFile(f)->real());
}
int fileShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return asFile(f)->real()->pMethods->xShmMap(asFile(f)->real(), region, size, extend, out);
}
int fileShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return asFile(f)->real()->pMethods->xShmLock(asFile(f)->real(), offset, n, flags);
}
void fileShmBarrier(sqlite3_file* f) {
    asFile(f)->real()->pMethods->xShmBarrier(asFile(f)->real());
}
int fileShmUnmap(sqlite3_file* f, int deleteFlag) {
    return asFile(f)->real()->pMethods->xShmUnmap(asFile(f)->real(), deleteFlag);
}
int fileFetch(sqlite3_file*, sqlite3_int64, int, void** out) {
    *out = nullptr; // no memory mapping: every read goes through xRead
    return SQLITE_OK;
}
int fileUnfetch(sqlite3_file*, sqlite3_int64, void*) {
    return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {
    3,           fileClose,      fileRead,      fileWrite,   fileTruncate,   fileSync,   fileSize,
    fileLock,    fileUnlock,     fileCheckLock, fileControl, fileSectorSize, fileDevice, fileShmMap,
    fileShmLock, fileShmBarrier, fileShmUnmap,  fileFetch,   fileUnfetch,
};

int vfsOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags) {
    File* wrapped = asFile(file);
    wrapped->base.pMethods = nullptr;
    const int rc = g_system->xOpen(g_system, name, wrapped->real(), flags, outFlags);
    if (rc != SQLITE_OK) {
        return rc;
    }
    wrapped->path = new std::string(name ? name : "");
    // The database and its write-ahead log persist; the shared-memory index is rebuilt.
    wrapped->tracked = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0;
    wrapped->base.pMethods = &kMethods;
    return SQLITE_OK;
}

sqlite3_vfs g_powerLoss{};

void installPowerLossVfs() {
    if (g_system) {
        return;
    }
    g_system = sqlite3_vfs_find(nullptr);
    g_powerLoss = *g_system;
    g_powerLoss.zName = "metis-power-loss";
    g_powerLoss.szOsFile = static_cast<int>(sizeof(File)) + g_system->szOsFile;
    g_powerLoss.xOpen = vfsOpen;
    sqlite3_vfs_register(&g_powerLoss, 1);
}

} // namespace

class TestPowerLoss : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acknowledgedChangesSurviveAndTheDatabaseStaysSound() {
        installPowerLossVfs();
        QTemporaryDir dir;
        int cuts = 0;
        for (long cut = 1; cut < 400; cut += 9) {
            const std::string folder = dir.filePath(QString("run%1").arg(cut)).toStdString();
            const std::string path = folder + "/metis.db";
            fs::create_directories(folder);
            g_disk = Disk{};
            g_disk.cutAfterWrites = cut;
            g_disk.crashFolder = folder + "/after-power-loss";
            g_disk.anchorPath = path + ".audit-anchor";
            long acknowledged = 0;
            {
                PatientDatabase database(path);
                for (int i = 0; i < 40 && !g_disk.crashed; ++i) {
                    database.appendAudit("alice", "patient.view", "patient",
                                         "P" + std::to_string(i));
                    if (i % 10 == 9) {
                        database.addUser("user" + std::to_string(i), "User", Role::Annotator);
                    }
                    if (!g_disk.crashed) {
                        acknowledged = database.stats().auditEntries;
                    }
                }
            }
            if (!g_disk.crashed) {
                break; // the whole run needed fewer writes than this cut
            }
            ++cuts;
            const std::string survivor = g_disk.crashFolder + "/metis.db";
            if (!fs::exists(survivor)) {
                QCOMPARE(acknowledged, 0L); // nothing was synced: nothing had been acknowledged
                continue;
            }
            g_disk.cutAfterWrites = -1;
            PatientDatabase after(survivor);
            const auto report = after.check();
            QVERIFY2(report.ok(), qPrintable(QString("cut after write %1: %2")
                                                 .arg(cut)
                                                 .arg(QString::fromStdString(
                                                     report.ok() ? "" : report.problems.front()))));
            QVERIFY2(after.stats().auditEntries >= acknowledged,
                     qPrintable(QString("cut after write %1: %2 audit entries survived, %3 had "
                                        "been acknowledged")
                                    .arg(cut)
                                    .arg(after.stats().auditEntries)
                                    .arg(acknowledged)));
        }
        qInfo("%d power cuts, each at a different write", cuts);
        QVERIFY(cuts >= 20);
    }
};

QTEST_GUILESS_MAIN(TestPowerLoss)
#include "test_power_loss.moc"
