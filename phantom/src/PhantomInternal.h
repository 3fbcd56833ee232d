#pragma once

// Shared pieces of the phantom generator: a portable random stream (identical draws on every
// platform and thread count), the template anatomy and the patient-to-template transform.

#include "metis/phantom/Phantom.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace metis::phantom::detail {

/// splitmix64: derives independent seeds from (seed, stream) pairs.
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// xoshiro256** with our own uniform/normal/gamma/Poisson, so draws do not depend on the
/// standard library's distribution implementations.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (int n = 0; n < 4; ++n) {
            state_[n] = mixSeed(seed, static_cast<std::uint64_t>(n));
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    /// [0, 1)
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    int integer(int low, int highInclusive) {
        return low + static_cast<int>(uniform() * (highInclusive - low + 1));
    }
    bool chance(double probability) { return uniform() < probability; }
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u1 = uniform();
        while (u1 <= 0.0) {
            u1 = uniform();
        }
        const double u2 = uniform();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        spare_ = radius * std::sin(6.283185307179586 * u2);
        hasSpare_ = true;
        return radius * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    /// Marsaglia-Tsang; shape > 0, scale 1.
    double gamma(double shape) {
        if (shape < 1.0) {
            return gamma(shape + 1.0) * std::pow(uniform() + 1e-300, 1.0 / shape);
        }
        const double d = shape - 1.0 / 3.0;
        const double c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            const double u = uniform();
            if (std::log(u + 1e-300) < 0.5 * x * x + d - d * v + d * std::log(v)) {
                return d * v;
            }
        }
    }
    int poisson(double mean) {
        // Multiplication method in chunks so that exp(-mean) never underflows.
        int count = 0;
        while (mean > 30.0) {
            count += poisson(30.0);
            mean -= 30.0;
        }
        const double limit = std::exp(-mean);
        double product = uniform();
        while (product > limit) {
            ++count;
            product *= uniform();
        }
        return count;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4];
    double spare_ = 0;
    bool hasSpare_ = false;
};

inline Vec3 applyMatrix(const Mat3& m, const Vec3& v) {
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

inline double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

/// Trilinear read of a volume at a continuous index; `outside` beyond the grid (half a voxel of
/// edge clamping, as in core's resampler).
float sampleTrilinear(const ImageVolume& volume, const Vec3& index, float outside);

enum PlacementGroup { GroupSupratentorial = 0, GroupTemporal, GroupCerebellum, GroupBrainstem };
enum TissueClass : std::uint8_t { Outside = 0, Csf, Gm, Wm };

} // namespace metis::phantom::detail

namespace metis::phantom {

/// Template maps, all in the templates' shared world (LPS mm).
struct PhantomAnatomy {
    /// Brain (ch2better, 0.5 mm) where the brain is, head (ch2) elsewhere; WM = 1.
    ImageVolume fineHead;
    /// The whole head at 1 mm (ch2), WM = 1: used outside fineHead's grid.
    ImageVolume coarseHead;
    /// Enhancing mimics (sinuses, choroid plexus, cortical vessels): fraction 0..1, 1 mm grid.
    ImageVolume mimics;
    /// ch2bet grid (1 mm): tissue classes, placement weights and regions.
    ImageGeometry grid;
    std::vector<std::uint8_t> tissue;
    std::vector<std::uint8_t> tissueKind; ///< index into kTissueNames
    std::vector<std::uint8_t> group;      ///< PlacementGroup of brain voxels
    std::vector<std::uint8_t> brainMask;
    /// Per placement group: voxel indices and cumulative weights.
    std::array<std::vector<std::uint32_t>, 4> groupVoxels;
    std::array<std::vector<double>, 4> groupCumulative;
    std::array<double, 4> groupWeight{};
    Vec3 brainCentre{};
    Vec3 brainLow{}, brainHigh{}; ///< world bounding box of the brain mask
    float whiteMatterRaw = 0;     ///< ch2better WM peak before normalisation (for the report)
    double maskOverlapDice = 0;   ///< ch2better brain vs ch2bet mask, through world coordinates

    bool inBrain(const Vec3& world) const;
};

} // namespace metis::phantom

namespace metis::phantom::detail {

inline const char* const kTissueNames[] = {"csf",     "gwj",     "cortex",
                                           "deep_wm", "deep_gm", "hippocampus"};

/// Patient (scanner) space <-> template world: q = centre + M (p - shift) + warp(p).
class SubjectTransform {
public:
    SubjectTransform(const PhantomPose& pose, const Vec3& templateCentre);
    Vec3 toTemplate(const Vec3& patient) const;
    /// Fixed-point inverse (the warp is small and smooth).
    Vec3 toPatient(const Vec3& templatePoint) const;
    /// Largest linear scale of M^-1, for bounding boxes.
    double maxScale() const { return maxScale_; }
    /// The linear part (patient -> template): sub-samples within a voxel move by it alone, the
    /// warp changing by well under 0.1 mm across a voxel.
    const Mat3& linear() const { return forward_; }

private:
    Vec3 displacement(const Vec3& patient) const;
    Mat3 forward_{};  ///< patient -> template linear part
    Mat3 backward_{}; ///< template -> patient
    Vec3 centre_{}, shift_{};
    double maxScale_ = 1;
    ImageGeometry warpGrid_;
    std::vector<float> warp_; ///< 3 components per warpGrid_ voxel
};

Mat3 rotationMatrix(const Vec3& degrees);

} // namespace metis::phantom::detail
