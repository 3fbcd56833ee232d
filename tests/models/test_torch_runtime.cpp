#include "metis/models/TorchRuntime.h"

#include <QTest>
#include <thread>

using namespace metis::models;

class TestTorchRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usesEveryCoreByDefault() {
        const auto info = initialiseRuntime();
        QCOMPARE(info.intraOpThreads, static_cast<int>(std::thread::hardware_concurrency()));
        QVERIFY(!info.torchVersion.empty());
    }

    void explicitThreadCountIsApplied() {
        QCOMPARE(initialiseRuntime(1).intraOpThreads, 1);
        initialiseRuntime();
    }

    void optimisedBlasIsLoaded() {
        // The setup script installs OpenBLAS; the reference BLAS would cost ~7x on the
        // transformer, so a machine without it must be noticed.
        initialiseRuntime();
        runForwardCheck("cpu");
        const auto info = initialiseRuntime();
        QVERIFY2(info.blasIsOptimised, describe(info).c_str());
    }

    void tinyForwardPassOnCpu() {
        const auto check = runForwardCheck("cpu");
        QCOMPARE(check.device, std::string("cpu"));
        QCOMPARE(check.outputSum, 324.0);
        QVERIFY(check.ok);
    }

    void autoPicksCudaOnlyWhenUsable() {
        const auto info = initialiseRuntime();
        const auto check = runForwardCheck("auto");
        QCOMPARE(check.device, std::string(info.cudaAvailable ? "cuda" : "cpu"));
        QVERIFY(check.ok);
    }
};

QTEST_GUILESS_MAIN(TestTorchRuntime)
#include "test_torch_runtime.moc"
