#pragma once
// The one reading of ComputeDevice, for inference, training and its throughput estimate.
#include "metis/models/InferenceEngine.h"

#include <stdexcept>
#include <string>
#include <torch/torch.h>

namespace metis::models {

/// Auto: CUDA when LibTorch sees a GPU, else the CPU. Cuda without a GPU throws, naming `task`.
inline torch::Device torchDevice(ComputeDevice device, const std::string& task) {
    const bool available = torch::cuda::is_available();
    if (device == ComputeDevice::Cuda && !available) {
        throw std::runtime_error(task + ": --device cuda requested but LibTorch sees no GPU");
    }
    const bool cuda = device == ComputeDevice::Cuda || (device == ComputeDevice::Auto && available);
    return cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
}

} // namespace metis::models
