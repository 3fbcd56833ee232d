// MTSA-Net inference speed on this CPU at the paper configuration (384 x 384, width 32): eval
// mode, no autograd, batch 1 and 4. Prints ms per slice, seconds per 180-slice series, the
// achieved GFLOP/s (from the analytic count of ModelSummary.cpp) and the parameter count.
#include "BenchStats.h"
#include "MtsaNet.h"
#include "metis/models/TorchRuntime.h"

#include <cstdio>
#include <vector>

using namespace metis::models;

namespace {

constexpr int kSeriesSlices = 180;

void timeBatch(MtsaNetImpl& net, const ModelSummary& summary, int batch, int repeats) {
    const int side = net.config().inputSize;
    const auto input = torch::randn({batch, 1, side, side});
    net.forward(input); // warm-up: first-touch allocations and oneDNN/BLAS set-up
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const double start = bench::nowMs();
        const auto output = net.forward(input);
        // Reading one value forces the outputs to exist even if a future backend runs lazily.
        volatile float sink = output.seg.index({0, 0, 0, 0}).item<float>();
        (void)sink;
        ms.push_back(bench::nowMs() - start);
    }
    char label[64];
    std::snprintf(label, sizeof(label), "forward batch %d", batch);
    bench::printSummary(label, ms);
    const double perSlice = bench::percentile(ms, 0.5) / batch;
    std::printf("  batch %d: %.1f ms per slice, %.1f s per %d-slice series, %.1f GFLOP/s\n", batch,
                perSlice, perSlice * kSeriesSlices * 1e-3, kSeriesSlices,
                summary.gflopsPerSlice() / (perSlice * 1e-3));
}

} // namespace

int main() {
    const auto runtime = initialiseRuntime();
    std::printf("%s\n", describe(runtime).c_str());
    const MtsaNetConfig config; // the paper configuration
    const auto summary = summarise(config);
    std::printf("%s\n", describe(config, summary).c_str());

    torch::manual_seed(1);
    MtsaNet net(config);
    net->eval();
    torch::NoGradGuard noGrad;
    timeBatch(*net, summary, 1, 5);
    timeBatch(*net, summary, 4, 3);
    return 0;
}
