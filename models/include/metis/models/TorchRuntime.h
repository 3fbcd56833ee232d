#pragma once

#include <string>

namespace metis::models {

/// What the deep-learning runtime found on this machine.
struct RuntimeInfo {
    std::string torchVersion;
    /// CUDA version LibTorch was built with ("13.2"), empty for a CPU-only build.
    std::string cudaBuildVersion;
    int intraOpThreads = 0;
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    /// The BLAS LibTorch calls: the resolved path of a shared BLAS, or "mkl (built into
    /// LibTorch)" for a build that links it statically; empty if unknown.
    std::string blasLibrary;
    bool blasIsOptimised = false;
};

/// Sets the intra-op thread count (Debian's LibTorch starts with one thread, which loses ~3x)
/// and returns what was found. `threads` <= 0 means every core of the machine. Safe to call
/// more than once; the last call wins.
RuntimeInfo initialiseRuntime(int threads = 0);

/// One-line human-readable summary, e.g. for the log and `metis-cli --version`.
std::string describe(const RuntimeInfo& info);
/// "2.15.0 (built with CUDA 13.2)" or "... (CPU-only build)".
std::string describeLibTorch(const RuntimeInfo& info);
/// "usable (N device(s))" or why not, for the version list and the About box.
std::string describeCuda(const RuntimeInfo& info);

/// Result of a tiny forward pass through a fixed convolution, used to prove at start-up and in
/// tests that LibTorch computes on the chosen device.
struct ForwardCheck {
    std::string device;     ///< "cpu" or "cuda"
    double outputSum = 0.0; ///< sum of the output; known in closed form
    double expectedSum = 0.0;
    bool ok = false;
};

/// Runs a 3x3 all-ones convolution over an all-ones 1x1x8x8 input ("cpu", "cuda" or "auto").
ForwardCheck runForwardCheck(const std::string& device = "auto");

} // namespace metis::models
