// Label map <-> planar contours on a clinical-size series: 512 x 512 x 300 with ten lesions of
// 5 to 32 mm, as mask-to-rtstruct and rtstruct-to-mask do it.
#include "BenchStats.h"
#include "metis/core/Contours.h"

#include <cmath>
#include <cstdio>

using namespace metis;

int main() {
    ImageGeometry geometry;
    geometry.size = {512, 512, 300};
    geometry.spacing = {0.5, 0.5, 0.6};
    geometry.origin = {-128.0, -128.0, -90.0};
    LabelMap labels(geometry, 0);
    for (int n = 0; n < 10; ++n) {
        const double radius = 2.5 + 1.5 * n; // mm
        const Vec3 centre{-90.0 + 20.0 * n, (n % 3 - 1) * 40.0, -60.0 + 13.0 * n};
        const Vec3 low =
            geometry.patientToIndex({centre[0] - radius, centre[1] - radius, centre[2] - radius});
        const Vec3 high =
            geometry.patientToIndex({centre[0] + radius, centre[1] + radius, centre[2] + radius});
        for (auto k = static_cast<std::int64_t>(low[2]);
             k <= static_cast<std::int64_t>(high[2]) + 1; ++k) {
            for (auto j = static_cast<std::int64_t>(low[1]);
                 j <= static_cast<std::int64_t>(high[1]) + 1; ++j) {
                for (auto i = static_cast<std::int64_t>(low[0]);
                     i <= static_cast<std::int64_t>(high[0]) + 1; ++i) {
                    const Vec3 p = geometry.indexToPatient(
                        {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)});
                    const Vec3 d{p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]};
                    if (geometry.containsIndex(i, j, k) && dot(d, d) <= radius * radius) {
                        labels.at(i, j, k) = static_cast<std::uint16_t>(n + 1);
                    }
                }
            }
        }
    }

    std::vector<double> toContours, toMask, allocation;
    StructureSet set;
    LabelMap back;
    for (int run = 0; run < 3; ++run) {
        double start = bench::nowMs();
        set = labelMapToStructureSet(labels);
        toContours.push_back(bench::nowMs() - start);
        StructureSet lesions = set;
        lesions.rois.pop_back(); // GTV_ALL
        start = bench::nowMs();
        back = structureSetToLabelMap(lesions, geometry);
        toMask.push_back(bench::nowMs() - start);
        // The share of the above that is only zeroing a fresh 150 MB output (page faults).
        start = bench::nowMs();
        const LabelMap empty(geometry, 0);
        allocation.push_back(bench::nowMs() - start);
    }
    std::size_t contours = 0, points = 0;
    for (const auto& roi : set.rois) {
        contours += roi.contours.size();
        for (const auto& contour : roi.contours) {
            points += contour.points.size();
        }
    }
    std::printf("512x512x300, 10 lesions + union: %zu contours, %zu points\n", contours, points);
    bench::printSummary("label map -> contours (10 ROIs + GTV_ALL)", toContours);
    bench::printSummary("contours -> label map (10 ROIs; target <= 300 ms)", toMask);
    bench::printSummary("  of which allocating the empty output label map", allocation);
    const bool exact = back.data() == labels.data();
    std::printf("round trip exact: %s\n", exact ? "yes" : "no");
    return exact ? 0 : 1;
}
