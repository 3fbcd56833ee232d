#pragma once
// The network options that `train`, `infer`, `evaluate` and `calibrate` read alike, parsed in
// one place so that the commands accept the same values and refuse bad ones the same way.

#include "CommandLine.h"
#include "metis/models/InferenceEngine.h"

namespace metis::cli {

/// --device auto|cpu|cuda (default auto).
inline models::ComputeDevice deviceOption(const Arguments& args) {
    return args.parsed("--device", "auto", models::computeDeviceFromString);
}

/// --device, --precision, --threads and --batch-size; absent ones keep the engine's defaults.
inline models::InferenceOptions inferenceOptions(const Arguments& args) {
    models::InferenceOptions options;
    options.device = deviceOption(args);
    options.precision = args.parsed("--precision", models::toString(options.precision),
                                    models::inferencePrecisionFromString);
    options.threads = args.integer("--threads", options.threads, 0);
    options.batchSize = args.integer("--batch-size", options.batchSize, 0);
    return options;
}

} // namespace metis::cli
