#include "metis/models/TorchRuntime.h"

#include <gtest/gtest.h>
#include <string>
#include <thread>

using namespace metis::models;

TEST(ModelsTorchRuntime, usesEveryCoreByDefault) {
    const auto info = initialiseRuntime();
    ASSERT_EQ(info.intraOpThreads, static_cast<int>(std::thread::hardware_concurrency()));
    ASSERT_TRUE(!info.torchVersion.empty());
}

TEST(ModelsTorchRuntime, explicitThreadCountIsApplied) {
    ASSERT_EQ(initialiseRuntime(1).intraOpThreads, 1);
    initialiseRuntime();
}

TEST(ModelsTorchRuntime, optimisedBlasIsLoaded) {
    // The setup script installs OpenBLAS; the reference BLAS would cost ~7x on the
    // transformer, so a machine without it must be noticed.
    initialiseRuntime();
    runForwardCheck("cpu");
    const auto info = initialiseRuntime();
    ASSERT_TRUE(info.blasIsOptimised) << describe(info);
}

TEST(ModelsTorchRuntime, tinyForwardPassOnCpu) {
    const auto check = runForwardCheck("cpu");
    ASSERT_EQ(check.device, std::string("cpu"));
    ASSERT_DOUBLE_EQ(check.outputSum, 324.0);
    ASSERT_TRUE(check.ok);
}

TEST(ModelsTorchRuntime, autoPicksCudaOnlyWhenUsable) {
    const auto info = initialiseRuntime();
    const auto check = runForwardCheck("auto");
    ASSERT_EQ(check.device, std::string(info.cudaAvailable ? "cuda" : "cpu"));
    ASSERT_TRUE(check.ok);
}
