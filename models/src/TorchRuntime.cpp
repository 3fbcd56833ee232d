#include "metis/models/TorchRuntime.h"

#include <dlfcn.h>
#include <filesystem>
#include <link.h>
#include <sstream>
#include <thread>
#include <torch/torch.h>

namespace metis::models {
namespace {

// The BLAS that actually serves sgemm, found from the loaded objects: the alternatives symlink
// of libblas.so.3 decides whether LibTorch gets OpenBLAS or the slow reference BLAS.
std::string loadedBlasPath() {
    std::string found;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            if (name.find("libblas") != std::string::npos ||
                name.find("libopenblas") != std::string::npos ||
                name.find("libmkl") != std::string::npos) {
                auto* out = static_cast<std::string*>(data);
                if (out->empty()) {
                    *out = name;
                }
            }
            return 0;
        },
        &found);
    if (found.empty()) {
        return {};
    }
    std::error_code ec;
    const auto resolved = std::filesystem::canonical(found, ec);
    return ec ? found : resolved.string();
}

/// "KEY=value" from LibTorch's build configuration (at::show_config), empty when absent.
std::string buildSetting(const std::string& key) {
    const std::string config = at::show_config();
    const std::string needle = key + "=";
    const auto at = config.find(needle);
    if (at == std::string::npos) {
        return {};
    }
    const auto begin = at + needle.size();
    const auto end = config.find_first_of(", \n", begin);
    return config.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

bool isOptimisedBlas(const std::string& path) {
    return path.find("openblas") != std::string::npos || path.find("mkl") != std::string::npos ||
           path.find("blis") != std::string::npos;
}

torch::Device chooseDevice(const std::string& requested) {
    if (requested == "cuda" || (requested == "auto" && torch::cuda::is_available())) {
        return torch::Device(torch::kCUDA);
    }
    return torch::Device(torch::kCPU);
}

} // namespace

RuntimeInfo initialiseRuntime(int threads) {
    if (threads <= 0) {
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }
    at::set_num_threads(threads);

    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.intraOpThreads = at::get_num_threads();
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.cudaBuildVersion = buildSetting("CUDA_VERSION");
    info.blasLibrary = loadedBlasPath();
    if (info.blasLibrary.empty()) {
        // The PyPI wheels link MKL into libtorch_cpu: no BLAS shows up among the loaded objects.
        const std::string builtIn = buildSetting("BLAS_INFO");
        if (!builtIn.empty()) {
            info.blasLibrary = builtIn + " (built into LibTorch)";
        }
    }
    info.blasIsOptimised = !info.blasLibrary.empty() && isOptimisedBlas(info.blasLibrary);
    return info;
}

std::string describeLibTorch(const RuntimeInfo& info) {
    return info.torchVersion + (info.cudaBuildVersion.empty()
                                    ? std::string(" (CPU-only build)")
                                    : " (built with CUDA " + info.cudaBuildVersion + ")");
}

std::string describeCuda(const RuntimeInfo& info) {
    return info.cudaAvailable
               ? "usable (" + std::to_string(info.cudaDeviceCount) + " device(s))"
               : std::string("not usable (no NVIDIA driver or GPU here; the CPU is used)");
}

std::string describe(const RuntimeInfo& info) {
    std::ostringstream out;
    out << "LibTorch " << describeLibTorch(info) << ", " << info.intraOpThreads
        << " intra-op threads, ";
    if (info.cudaAvailable) {
        out << "CUDA usable (" << info.cudaDeviceCount << " device(s))";
    } else {
        out << "CUDA not usable (CPU)";
    }
    out << ", BLAS " << (info.blasLibrary.empty() ? std::string("not loaded") : info.blasLibrary);
    if (!info.blasLibrary.empty() && !info.blasIsOptimised) {
        out << " [WARNING: reference BLAS, install libopenblas0-pthread]";
    }
    return out.str();
}

ForwardCheck runForwardCheck(const std::string& device) {
    torch::NoGradGuard noGrad;
    const torch::Device target = chooseDevice(device);
    auto conv = torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 1, 3).padding(0).bias(false));
    conv->weight.fill_(1.0);
    conv->to(target);
    const auto input = torch::ones({1, 1, 8, 8}, torch::TensorOptions().device(target));
    const auto output = conv->forward(input);

    ForwardCheck check;
    check.device = target.is_cuda() ? "cuda" : "cpu";
    check.outputSum = output.sum().item<double>();
    check.expectedSum = 6.0 * 6.0 * 9.0; // a 6x6 valid output, each pixel sums nine ones
    check.ok = output.sizes() == torch::IntArrayRef({1, 1, 6, 6}) &&
               std::abs(check.outputSum - check.expectedSum) < 1e-6;
    return check;
}

} // namespace metis::models
