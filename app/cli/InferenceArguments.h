#pragma once
// The options that say how the network runs, declared in one place for every command that runs
// it (self-check, train, infer, evaluate, calibrate), so that they accept the same values and
// refuse bad ones the same way.

#include "CommandLine.h"
#include "metis/models/InferenceEngine.h"

namespace metis::cli {

inline const char* const kNetworkGroup = "Network";

/// --device auto|cpu|cuda.
inline CLI::Option* addDeviceOption(CLI::App& command, models::ComputeDevice& device) {
    return addChoice(command, "--device", device,
                     namedChoices({models::ComputeDevice::Auto, models::ComputeDevice::Cpu,
                                   models::ComputeDevice::Cuda}),
                     "where the network runs (auto: CUDA when usable, else the CPU)")
        ->group(kNetworkGroup);
}

/// --threads N (0: every core).
inline CLI::Option* addThreadsOption(CLI::App& command, int& threads) {
    return command.add_option("--threads", threads, "CPU threads for the network; 0: every core")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->group(kNetworkGroup);
}

/// --device, --precision, --threads and --batch-size; absent ones keep the engine's defaults.
inline void addInferenceOptions(CLI::App& command, models::InferenceOptions& options) {
    addDeviceOption(command, options.device);
    addChoice(command, "--precision", options.precision,
              namedChoices({models::InferencePrecision::Auto, models::InferencePrecision::Float32,
                            models::InferencePrecision::BFloat16}),
              "arithmetic of the forward pass (auto: bf16 where the CPU or GPU computes it "
              "natively, else fp32)")
        ->group(kNetworkGroup);
    addThreadsOption(command, options.threads);
    command
        .add_option("--batch-size", options.batchSize,
                    "model slices per forward pass; 0: chosen from an activation budget")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->group(kNetworkGroup);
}

} // namespace metis::cli
