// MTSA-Net inference speed on this CPU at the paper configuration (384 x 384, width 32): eval
// mode, no autograd, batch 1 and 4, in the layouts and precisions the engine can use, from the
// plain reference path (NCHW, BatchNorm as its own layer, fp32) to the engine's default.
// Prints ms per slice, seconds per 180-slice series and the achieved GFLOP/s (from the analytic
// count of ModelSummary.cpp). Then the peers on the same network (mtsa_inference_peers.py in the
// torch wheel's Python): PyTorch with its best settings and ONNX Runtime's CPU provider.
#include "BenchStats.h"
#include "MtsaNet.h"
#include "metis/models/InferenceEngine.h"
#include "metis/models/ModelPackage.h"
#include "metis/models/TorchRuntime.h"

#include <ATen/autocast_mode.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace metis::models;

namespace {

constexpr int kSeriesSlices = 180;
constexpr double kSeriesTargetSeconds = 60.0;

double timeBatch(MtsaNetImpl& net, const ModelSummary& summary, const char* variant, int batch,
                 int repeats, bool bfloat16) {
    const int side = net.config().inputSize;
    const auto input = torch::randn({batch, 1, side, side});
    at::autocast::set_autocast_dtype(at::kCPU, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCPU, bfloat16);
    net.forward(input); // warm-up: first-touch allocations and oneDNN kernel creation
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const double start = bench::nowMs();
        const auto output = net.forward(input);
        // Reading one value forces the outputs to exist even if a future backend runs lazily.
        volatile float sink = output.seg.index({0, 0, 0, 0}).item<float>();
        (void)sink;
        ms.push_back(bench::nowMs() - start);
    }
    at::autocast::set_autocast_enabled(at::kCPU, false);
    at::autocast::clear_cache();
    const double perSlice = bench::percentile(ms, 0.5) / batch;
    std::printf("%-44s batch %d: %7.1f ms/slice, %6.1f s per %d-slice series (target <= %.0f s), "
                "%6.1f GFLOP/s\n",
                variant, batch, perSlice, perSlice * kSeriesSlices * 1e-3, kSeriesSlices,
                kSeriesTargetSeconds, summary.gflopsPerSlice() / (perSlice * 1e-3));
    return perSlice;
}

/// Batching must never be slower per slice: the engine's automatic batch against batch 1 (bf16,
/// the engine's precision here), for the paper network (measured above) and the demo model's.
void printAutomaticBatch(const MtsaNetConfig& paper, double paperBatch1, double paperBatch4,
                         int repeats) {
    const int paperBatch = automaticBatchSize(paper, false);
    std::printf("engine's automatic batch, paper network: %d (batch 4 here: %.1f ms/slice against "
                "%.1f at batch 1, %+.0f %%)\n",
                paperBatch, paperBatch4, paperBatch1, 100.0 * (paperBatch4 / paperBatch1 - 1.0));
    const MtsaNetConfig demo = readModelPackage(METIS_DEMO_MODEL).architecture;
    torch::manual_seed(1);
    MtsaNet net(demo);
    net->eval();
    net->useChannelsLast();
    net->foldNormalisation();
    const auto summary = summarise(demo);
    const int demoBatch = automaticBatchSize(demo, false);
    const double one = timeBatch(*net, summary, "demo model network, bf16", 1, repeats, true);
    const double automatic =
        timeBatch(*net, summary, "demo model network, bf16", demoBatch, repeats, true);
    std::printf("engine's automatic batch, demo model network: %d: %.1f ms/slice against %.1f at "
                "batch 1, ratio %.2f (target <= 1)\n",
                demoBatch, automatic, one, automatic / one);
}

} // namespace

int main() {
    const auto runtime = initialiseRuntime();
    std::printf("%s\n", describe(runtime).c_str());
    std::printf("CPU computes bf16 natively: %s\n", cpuHasNativeBFloat16() ? "yes" : "no");
    const MtsaNetConfig config; // the paper configuration
    const auto summary = summarise(config);
    std::printf("%s\n", describe(config, summary).c_str());
    const int repeats = std::getenv("METIS_BENCH_QUICK") ? 2 : 4;

    torch::manual_seed(1);
    MtsaNet net(config);
    net->eval();
    torch::InferenceMode inferenceMode; // as the engine runs
    const double reference =
        timeBatch(*net, summary, "reference: NCHW, BatchNorm layers, fp32", 1, repeats, false);
    net->useChannelsLast();
    timeBatch(*net, summary, "channels-last, fp32", 1, repeats, false);
    net->foldNormalisation();
    // The engine's path, by precision and batch, for the comparison with PyTorch below.
    std::map<std::pair<std::string, int>, double> metis;
    for (const int batch : {1, 4}) {
        metis[{"fp32", batch}] = timeBatch(*net, summary, "channels-last, BatchNorm folded, fp32",
                                           batch, repeats, false);
    }
    timeBatch(*net, summary, "same, bf16 autocast casting the weights", 1, repeats, true);
    net->storeWeightsForAutocast(torch::kBFloat16);
    for (const int batch : {1, 4}) {
        metis[{"bf16", batch}] = timeBatch(*net, summary, "same, bf16 weights stored once (engine)",
                                           batch, repeats, true);
    }
    std::printf("speed-up over the reference path (batch 1): fp32 %.1fx, bf16 %.1fx\n",
                reference / metis[{"fp32", 1}], reference / metis[{"bf16", 1}]);
    printAutomaticBatch(config, metis[{"bf16", 1}], metis[{"bf16", 4}], repeats);

    // (peer, precision, batch) -> ms per slice
    std::map<std::tuple<std::string, std::string, int>, double> peers;
    const auto runPeers = [&](const std::string& python, const std::string& options) {
        const std::string command = python + " " + METIS_INFERENCE_PEERS_SCRIPT + " --repeats " +
                                    std::to_string(repeats) + options + " 2>&1";
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe) {
            return;
        }
        char line[1024];
        while (std::fgets(line, sizeof line, pipe)) {
            char peer[32] = {};
            char precision[8] = {};
            int batch = 0;
            double ms = 0.0;
            char reason[1024] = {};
            if (std::sscanf(line, "%31[a-z]_ms_per_slice %7s %d %lf", peer, precision, &batch,
                            &ms) == 4) {
                peers[{peer, precision, batch}] = ms;
            } else if (std::sscanf(line, "%31[a-z]_unavailable %1023[^\n]", peer, reason) == 2) {
                std::printf("%s: unavailable: %s\n", peer, reason);
            }
        }
        pclose(pipe);
    };
    // Before: the same network as Metis ran it on Debian's LibTorch 1.13 (NCHW fp32; PyTorch
    // and Metis's C++ took the same time on it), timed in this run where python3-torch is
    // installed.
    runPeers("/usr/bin/python3", " --before");
    for (const int batch : {1, 4}) {
        const auto before = peers.find({"before", "fp32", batch});
        if (before != peers.end()) {
            const double now = metis[{"bf16", 1}];
            std::printf("before (LibTorch 1.13, NCHW fp32) batch %d: %.1f ms/slice, %.1f s per "
                        "%d-slice series; now (bf16, batch 1) %.1f ms/slice: %.1fx faster\n",
                        batch, before->second, before->second * kSeriesSlices * 1e-3, kSeriesSlices,
                        now, before->second / now);
            peers.erase(before);
        }
    }
    runPeers(METIS_TORCH_PYTHON, "");
    if (peers.empty()) {
        std::printf("peer figures unavailable (the torch wheel's Python missing?)\n");
        return 0;
    }
    std::printf("Peers on the same network, same threads, same run (PyTorch on the same wheel: "
                "channels-last, inference mode, autocast; ONNX Runtime CPU provider: fp32):\n");
    for (const auto& [key, ms] : peers) {
        const auto& [peer, precision, batch] = key;
        const auto ours = metis.find({precision, batch});
        const double metisMs = ours != metis.end() ? ours->second : 0.0;
        std::printf("  %-11s %s batch %d: %.1f ms/slice; Metis %.1f ms/slice; peer / Metis %.2f "
                    "(target >= 1)\n",
                    peer.c_str(), precision.c_str(), batch, ms, metisMs,
                    metisMs > 0.0 ? ms / metisMs : 0.0);
        if (peer == "onnxruntime") {
            // ONNX Runtime's CPU provider has no bf16 convolutions: what a site gets from it
            // against what Metis runs by default here.
            const double metisDefault = metis[{"bf16", batch}];
            std::printf("  %-11s %s batch %d against Metis's default here (bf16, %.1f ms/slice): "
                        "peer / Metis %.2f (target >= 1)\n",
                        peer.c_str(), precision.c_str(), batch, metisDefault, ms / metisDefault);
        }
    }
    return 0;
}
