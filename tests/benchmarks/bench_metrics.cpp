// Segmentation metrics on a clinical-size grid: Dice + HD95, then the full report (per-slice and
// lesion-wise), on two 512 x 512 x 300 masks with a few lesions spread over the brain.
#include "BenchStats.h"
#include "metis/core/SegmentationMetrics.h"

#include <ctime>
#include <thread>

namespace {

void paintSphere(metis::LabelMap& map, const metis::Vec3& centre, double radiusMm) {
    const auto& g = map.geometry();
    const metis::Vec3 c = g.patientToIndex(centre);
    const std::int64_t reach[3] = {static_cast<std::int64_t>(radiusMm / g.spacing[0]) + 1,
                                   static_cast<std::int64_t>(radiusMm / g.spacing[1]) + 1,
                                   static_cast<std::int64_t>(radiusMm / g.spacing[2]) + 1};
    for (std::int64_t k = static_cast<std::int64_t>(c[2]) - reach[2]; k <= c[2] + reach[2]; ++k) {
        for (std::int64_t j = static_cast<std::int64_t>(c[1]) - reach[1]; j <= c[1] + reach[1];
             ++j) {
            for (std::int64_t i = static_cast<std::int64_t>(c[0]) - reach[0]; i <= c[0] + reach[0];
                 ++i) {
                if (!g.containsIndex(i, j, k)) {
                    continue;
                }
                const double dx = (i - c[0]) * g.spacing[0];
                const double dy = (j - c[1]) * g.spacing[1];
                const double dz = (k - c[2]) * g.spacing[2];
                if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) {
                    map.at(i, j, k) = 1;
                }
            }
        }
    }
}

} // namespace

int main() {
    metis::ImageGeometry g;
    g.size = {512, 512, 300};
    g.spacing = {0.45, 0.45, 0.6};
    g.origin = {-115, -115, -90};
    metis::LabelMap reference(g);
    metis::LabelMap prediction(g);
    // Lesions from 4 to 30 mm across the brain; the prediction is shifted and resized a little,
    // misses the smallest lesion and adds one false positive.
    const struct {
        metis::Vec3 centre;
        double radius;
    } lesions[] = {{{-60, -40, -30}, 15},
                   {{50, 30, 10}, 8},
                   {{10, -70, 40}, 5},
                   {{-30, 60, 60}, 3.5},
                   {{70, -20, -60}, 2}};
    for (const auto& lesion : lesions) {
        paintSphere(reference, lesion.centre, lesion.radius);
        if (lesion.radius > 2) {
            paintSphere(prediction,
                        {lesion.centre[0] + 0.9, lesion.centre[1] - 0.5, lesion.centre[2] + 0.6},
                        lesion.radius * 0.93);
        }
    }
    paintSphere(prediction, {20, 20, -20}, 3);

    std::printf("grid %s, %u hardware threads\n", g.describe().c_str(),
                std::thread::hardware_concurrency());
    // Process CPU time next to wall time: the figures stay comparable on a busy machine.
    const std::clock_t cpuStart = std::clock();
    std::vector<double> diceHd;
    metis::HausdorffResult hd;
    double dice = 0;
    for (int run = 0; run < 3; ++run) {
        const double start = bench::nowMs();
        dice = metis::dice(reference, prediction);
        hd = metis::hausdorffDistance(reference, prediction);
        diceHd.push_back(bench::nowMs() - start);
    }
    std::printf("dice %.4f, hd95 %.3f mm\n", dice, hd.percentileMm);
    bench::printSummary("Dice + HD95, 512x512x300", diceHd);
    std::printf("Dice + HD95: %.0f ms CPU per run (all threads)\n",
                1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC / 3);

    std::vector<double> full;
    metis::SegmentationReport report;
    for (int run = 0; run < 3; ++run) {
        const double start = bench::nowMs();
        report = metis::evaluateSegmentation(reference, prediction);
        full.push_back(bench::nowMs() - start);
    }
    std::printf("lesions tp %zu fp %zu fn %zu, %zu slices with foreground\n",
                report.lesions.truePositive, report.lesions.falsePositive,
                report.lesions.falseNegative, report.slices.size());
    bench::printSummary("full segmentation report (per slice, lesion-wise), 512x512x300", full);
    return 0;
}
