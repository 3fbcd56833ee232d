// Stage 2 of the phantom: the patient's anatomy (template through affine + warp), lesions with
// rim, necrosis, oedema and texture, enhancing mimics, then the acquisition (slice profile,
// partial volume, contrast, bias, Rician noise, reconstruction grid) and the ground truth.

#include "PhantomInternal.h"
#include "metis/core/Resample.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace metis::phantom::detail {
namespace {

constexpr int kTextureWaves = 12;
/// Patchy enhancement on the scale of the lesion (a second, coarser field).
constexpr int kPatchWaves = 6;
constexpr int kShapeWaves = 4;
constexpr double kPushFadeMm = 15.0;

/// world -> continuous index of a grid, as one affine map (faster than patientToIndex).
struct IndexMap {
    Mat3 matrix{};
    Vec3 origin{};
    explicit IndexMap(const ImageGeometry& g) : origin(g.origin) {
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 3; ++c) {
                matrix[r][c] = g.direction[c][r] / g.spacing[r];
            }
        }
    }
    Vec3 operator()(const Vec3& w) const {
        return applyMatrix(matrix, Vec3{w[0] - origin[0], w[1] - origin[1], w[2] - origin[2]});
    }
};

struct LesionModel {
    const PhantomLesion* lesion = nullptr;
    Vec3 centre{};
    Mat3 toLocal{}; ///< transpose of the lesion's rotation
    Vec3 radii{};
    double meanRadius = 0;
    double gtvReach = 0; ///< template mm from the centre beyond which the GTV cannot reach
    double edemaRadius = 0;
    double reach = 0; ///< including oedema and edge blur
    double push = 0;  ///< mass effect: outward displacement (mm) at the tumour surface
    double pushRadius = 0;
    double boxReach = 0; ///< everything this lesion changes, mass effect included
    double enhancement = 1.45;
    std::array<Vec3, kShapeWaves> shapeDirections{};
    std::array<double, kShapeWaves> shapeFrequency{}, shapePhase{}, shapeWeight{};
    std::array<Vec3, kTextureWaves> waves{};
    std::array<double, kTextureWaves> wavePhase{};
    std::array<Vec3, kPatchWaves> patchWaves{};
    std::array<double, kPatchWaves> patchPhase{};

    explicit LesionModel(const PhantomLesion& l, bool spinEcho)
        : lesion(&l), centre(l.centreTemplate) {
        toLocal = transpose(l.rotation);
        const double r = 0.5 * l.diameterMm;
        // Axis ratios keep the volume-equivalent diameter at the nominal one.
        const double geometricMean = std::cbrt(l.axisRatios[0] * l.axisRatios[1] * l.axisRatios[2]);
        for (int a = 0; a < 3; ++a) {
            radii[a] = r * l.axisRatios[a] / geometricMean;
        }
        meanRadius = r;
        double weightSq = 0;
        for (int n = 0; n < kShapeWaves; ++n) {
            const double* v = &l.shapeNoise[static_cast<std::size_t>(n * 6)];
            Vec3 d{v[0], v[1], v[2]};
            const double length = std::max(1e-6, norm(d));
            shapeDirections[static_cast<std::size_t>(n)] = {d[0] / length, d[1] / length,
                                                            d[2] / length};
            shapeFrequency[static_cast<std::size_t>(n)] = 0.8 + 0.5 * std::abs(v[3]);
            shapePhase[static_cast<std::size_t>(n)] = v[4] * M_PI;
            shapeWeight[static_cast<std::size_t>(n)] = v[5];
            weightSq += v[5] * v[5];
        }
        const double normaliser = std::sqrt(std::max(1e-6, weightSq / 2));
        for (double& w : shapeWeight) {
            w /= normaliser;
        }
        const double maxRadius = std::max({radii[0], radii[1], radii[2]});
        gtvReach = maxRadius * (1 + 3 * l.lobulation) + 0.5;
        edemaRadius = l.edema ? r * std::cbrt(l.edemaIndex) : 0;
        reach = std::max(gtvReach, edemaRadius * 1.6) + 2 * l.edgeBlurMm + 2.0;
        // Mass effect (section 1): tumour + oedema over 10 mL pushes the surrounding anatomy
        // outward by up to a quarter of the tumour radius, fading over 15 mm.
        const double bulkRadius = std::max(r, edemaRadius);
        if (4.0 / 3.0 * M_PI * bulkRadius * bulkRadius * bulkRadius / 1000.0 > 10.0) {
            push = 0.25 * r;
            pushRadius = r;
        }
        boxReach = push > 0 ? std::max(reach, pushRadius + 3 * kPushFadeMm) : reach;
        // Spin echo shows more enhancement than IR-GRE (Kato09): 1.45 -> 1.65 at the median.
        enhancement = spinEcho ? 1.0 + (l.enhancement - 1.0) * (0.65 / 0.45) : l.enhancement;
        Rng rng(l.textureSeed);
        for (int n = 0; n < kTextureWaves; ++n) {
            waves[static_cast<std::size_t>(n)] = {rng.normal() / l.textureLengthMm,
                                                  rng.normal() / l.textureLengthMm,
                                                  rng.normal() / l.textureLengthMm};
            wavePhase[static_cast<std::size_t>(n)] = rng.uniform(0, 2 * M_PI);
        }
        const double patchLength = std::max(2.0, 0.3 * r);
        for (int n = 0; n < kPatchWaves; ++n) {
            patchWaves[static_cast<std::size_t>(n)] = {
                rng.normal() / patchLength, rng.normal() / patchLength, rng.normal() / patchLength};
            patchPhase[static_cast<std::size_t>(n)] = rng.uniform(0, 2 * M_PI);
        }
    }

    Vec3 local(const Vec3& q) const {
        return applyMatrix(toLocal, Vec3{q[0] - centre[0], q[1] - centre[1], q[2] - centre[2]});
    }
    /// 1 + lobulation * radial noise in direction u (unit vector, lesion frame).
    double radialLimit(const Vec3& u, double amplitude) const {
        double noise = 0;
        for (int n = 0; n < kShapeWaves; ++n) {
            const auto s = static_cast<std::size_t>(n);
            noise +=
                shapeWeight[s] *
                std::cos(shapeFrequency[s] * M_PI * dot(u, shapeDirections[s]) + shapePhase[s]);
        }
        return std::max(0.3, 1 + amplitude * noise);
    }
    /// Signed depth inside the GTV surface in mm (negative outside) and the normalised radius.
    void gtv(const Vec3& q, double& depthMm, double& normalisedRadius) const {
        const Vec3 x = local(q);
        const double length = norm(x);
        if (length < 1e-9) {
            depthMm = meanRadius;
            normalisedRadius = 0;
            return;
        }
        const Vec3 e{x[0] / radii[0], x[1] / radii[1], x[2] / radii[2]};
        const double s = norm(e);
        const double limit =
            radialLimit({x[0] / length, x[1] / length, x[2] / length}, lesion->lobulation);
        normalisedRadius = s / limit;
        depthMm = (limit - s) * meanRadius;
    }
    bool insideGtv(const Vec3& q) const {
        const Vec3 d{q[0] - centre[0], q[1] - centre[1], q[2] - centre[2]};
        if (dot(d, d) > gtvReach * gtvReach) {
            return false;
        }
        double depth, t;
        gtv(q, depth, t);
        return depth > 0;
    }
    double texture(const Vec3& q) const {
        double sum = 0;
        for (int n = 0; n < kTextureWaves; ++n) {
            const auto s = static_cast<std::size_t>(n);
            sum += std::cos(dot(waves[s], q) + wavePhase[s]);
        }
        double patches = 0;
        for (int n = 0; n < kPatchWaves; ++n) {
            const auto s = static_cast<std::size_t>(n);
            patches += std::cos(dot(patchWaves[s], q) + patchPhase[s]);
        }
        // Fine texture (zeta_tex's correlation length) plus coarser patches at 0.7 of its SD.
        return sum * std::sqrt(2.0 / kTextureWaves) + 0.7 * patches * std::sqrt(2.0 / kPatchWaves);
    }
};

double smoothstep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3 - 2 * x);
}

/// The patient's T1-CE signal model in template space; WM = 1.
class SignalModel {
public:
    SignalModel(const PhantomAnatomy& anatomy, const PhantomPatient& patient,
                const std::vector<LesionModel>& lesions)
        : anatomy_(anatomy), lesions_(lesions), transform_(patient.pose, anatomy.brainCentre),
          fine_(anatomy.fineHead.geometry()), coarse_(anatomy.coarseHead.geometry()),
          mimic_(anatomy.mimics.geometry()) {
        const auto& a = patient.acquisition;
        greyWhite_ = a.greyWhiteRatio;
        Rng rng(mixSeed(patient.seed, 7));
        // Enhancing vessels: bright on GRE, largely suppressed on spin echo (black blood).
        mimicGain_ = a.spinEcho ? rng.uniform(0.9, 1.2) : rng.uniform(1.3, 2.0);
    }

    const SubjectTransform& transform() const { return transform_; }

    /// Signal at a template-space point, with `candidates` the lesions that may reach it.
    double signal(const Vec3& q, const int* candidates, int candidateCount) const {
        // Mass effect: the anatomy seen at q was displaced outward from nearer the lesion.
        Vec3 source = q;
        for (int c = 0; c < candidateCount; ++c) {
            const LesionModel& m = lesions_[static_cast<std::size_t>(candidates[c])];
            if (m.push <= 0) {
                continue;
            }
            const Vec3 d{q[0] - m.centre[0], q[1] - m.centre[1], q[2] - m.centre[2]};
            const double r = norm(d);
            if (r < 1e-6 || r > m.pushRadius + 3 * kPushFadeMm) {
                continue;
            }
            const double shift = r < m.pushRadius
                                     ? m.push * r / m.pushRadius
                                     : m.push * std::exp(-(r - m.pushRadius) / kPushFadeMm);
            for (int a = 0; a < 3; ++a) {
                source[static_cast<std::size_t>(a)] -= d[static_cast<std::size_t>(a)] / r * shift;
            }
        }
        float raw = sampleTrilinear(anatomy_.fineHead, fine_(source),
                                    std::numeric_limits<float>::quiet_NaN());
        if (std::isnan(raw)) {
            raw = sampleTrilinear(anatomy_.coarseHead, coarse_(source), 0.0f);
        }
        double value = remap(raw);
        const double mimic = sampleTrilinear(anatomy_.mimics, mimic_(source), 0.0f);
        for (int c = 0; c < candidateCount; ++c) {
            const LesionModel& m = lesions_[static_cast<std::size_t>(candidates[c])];
            const PhantomLesion& l = *m.lesion;
            const Vec3 d{q[0] - m.centre[0], q[1] - m.centre[1], q[2] - m.centre[2]};
            const double distanceSq = dot(d, d);
            if (distanceSq > m.reach * m.reach) {
                continue;
            }
            // Oedema: finger-like (strong lobulation), white matter only, 2 mm ramp.
            if (l.edema) {
                const Vec3 x = m.local(q);
                const double length = std::max(1e-9, norm(x));
                const double limit =
                    m.edemaRadius *
                    m.radialLimit({x[0] / length, x[1] / length, x[2] / length}, 0.35);
                const double inside = smoothstep((limit - length) / 2.0);
                const double whiteMatter = smoothstep((raw - 0.80) / 0.12);
                value *= 1.0 - (1.0 - l.edemaIntensity) * inside * whiteMatter;
            }
            double depth, t;
            m.gtv(q, depth, t);
            const double weight = smoothstep(0.5 + depth / (2 * l.edgeBlurMm));
            if (weight <= 0) {
                continue;
            }
            const double g = m.texture(q);
            double lesionSignal = m.enhancement * (1 + l.textureSd * g);
            if (l.ring) {
                // Necrotic or cystic core with a soft 0.6 mm transition to the enhancing rim.
                const double coreEdge = (l.coreFraction - t) * m.meanRadius / 0.6;
                const double core = smoothstep(0.5 + coreEdge);
                const double coreSignal = l.coreIntensity * (1 + 1.5 * l.textureSd * g);
                lesionSignal = lesionSignal * (1 - core) + coreSignal * core;
            }
            value = value * (1 - weight) + lesionSignal * weight;
        }
        // Vessels lie over everything else except lesions (they run in sulci and the dura).
        return value * (1 - mimic) + mimicGain_ * mimic;
    }

private:
    /// Sequence contrast: moves GM (0.76 of WM in the template) to the sequence's GM/WM ratio.
    double remap(double v) const {
        if (v <= 0.76) {
            return v * greyWhite_ / 0.76;
        }
        if (v < 1.0) {
            return greyWhite_ + (v - 0.76) / 0.24 * (1.0 - greyWhite_);
        }
        return v;
    }

    const PhantomAnatomy& anatomy_;
    const std::vector<LesionModel>& lesions_;
    SubjectTransform transform_;
    IndexMap fine_, coarse_, mimic_;
    double greyWhite_ = 0.74;
    double mimicGain_ = 1.5;
};

struct IndexBox {
    std::int64_t low[3], high[3];
    bool contains(std::int64_t i, std::int64_t j, std::int64_t k) const {
        return i >= low[0] && i <= high[0] && j >= low[1] && j <= high[1] && k >= low[2] &&
               k <= high[2];
    }
};

IndexBox boxOnGrid(const ImageGeometry& g, const Vec3& centre, double halfMm) {
    IndexBox box{{INT64_MAX, INT64_MAX, INT64_MAX}, {INT64_MIN, INT64_MIN, INT64_MIN}};
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 p{centre[0] + ((corner & 1) ? halfMm : -halfMm),
                     centre[1] + ((corner & 2) ? halfMm : -halfMm),
                     centre[2] + ((corner & 4) ? halfMm : -halfMm)};
        const Vec3 index = g.patientToIndex(p);
        for (int a = 0; a < 3; ++a) {
            box.low[a] = std::min(box.low[a], static_cast<std::int64_t>(std::floor(index[a])));
            box.high[a] = std::max(box.high[a], static_cast<std::int64_t>(std::ceil(index[a])));
        }
    }
    for (int a = 0; a < 3; ++a) {
        box.low[a] = std::max<std::int64_t>(box.low[a], 0);
        box.high[a] = std::min<std::int64_t>(box.high[a], g.size[a] - 1);
    }
    return box;
}

ImageGeometry stackGeometry(const PhantomAcquisition& a, const Vec3& headCentre, int matrix) {
    ImageGeometry g;
    const double pixel = a.fovMm / matrix;
    const double sliceSpacing = a.sliceThicknessMm + a.sliceGapMm;
    const int slices =
        a.mode == AcquisitionMode::ThreeD ? 176 : static_cast<int>(std::ceil(165.0 / sliceSpacing));
    g.size = {matrix, matrix, slices};
    g.spacing = {pixel, pixel, sliceSpacing};
    Vec3 centre;
    if (a.sagittal) {
        // Sagittal MPRAGE: rows run anterior -> posterior, columns superior -> inferior.
        g.direction = {{{0, 0, -1}, {1, 0, 0}, {0, -1, 0}}};
        centre = {std::round(headCentre[0] * 100) / 100, 0.0,
                  std::round((headCentre[2] + 12) * 100) / 100};
    } else {
        centre = {0.0, 0.0, std::round((headCentre[2] + 6) * 100) / 100};
    }
    for (int a3 = 0; a3 < 3; ++a3) {
        double offset = 0;
        for (int c = 0; c < 3; ++c) {
            offset += g.direction[a3][c] * g.spacing[static_cast<std::size_t>(c)] *
                      (double(g.size[static_cast<std::size_t>(c)]) - 1) / 2;
        }
        g.origin[static_cast<std::size_t>(a3)] =
            std::round((centre[static_cast<std::size_t>(a3)] - offset) * 1000) / 1000;
    }
    return g;
}

/// Zero-filled reconstruction onto a finer in-plane matrix over the same field of view and
/// slices, approximated by bilinear interpolation within each slice.
ImageVolume reconstructInPlane(const ImageVolume& acquired, const ImageGeometry& series) {
    const auto& a = acquired.size();
    const auto& s = series.size;
    struct Tap {
        std::int64_t low;
        float weight;
    };
    auto taps = [](std::int64_t from, std::int64_t to) {
        std::vector<Tap> out;
        for (std::int64_t t = 0; t < to; ++t) {
            const double x =
                std::clamp((double(t) - (double(to) - 1) / 2) * double(from) / double(to) +
                               (double(from) - 1) / 2,
                           0.0, double(from - 1));
            const auto low = std::min<std::int64_t>(static_cast<std::int64_t>(x), from - 2);
            out.push_back({low, static_cast<float>(x - double(low))});
        }
        return out;
    };
    const auto columns = taps(a[0], s[0]);
    const auto rows = taps(a[1], s[1]);
    ImageVolume out(series, 0.0f);
    for (std::int64_t k = 0; k < s[2]; ++k) {
        for (std::int64_t j = 0; j < s[1]; ++j) {
            const Tap& r = rows[static_cast<std::size_t>(j)];
            const float* row0 = &acquired.at(0, r.low, k);
            const float* row1 = &acquired.at(0, r.low + 1, k);
            float* target = &out.at(0, j, k);
            for (std::int64_t i = 0; i < s[0]; ++i) {
                const Tap& c = columns[static_cast<std::size_t>(i)];
                const auto x = static_cast<std::size_t>(c.low);
                const float top = row0[x] + c.weight * (row0[x + 1] - row0[x]);
                const float bottom = row1[x] + c.weight * (row1[x + 1] - row1[x]);
                target[i] = top + r.weight * (bottom - top);
            }
        }
    }
    return out;
}

} // namespace
} // namespace metis::phantom::detail

namespace metis::phantom {

using namespace detail;

RenderedPatient renderPhantomPatient(const PhantomAnatomy& anatomy, const PhantomPatient& patient) {
    const PhantomAcquisition& a = patient.acquisition;
    std::vector<LesionModel> lesions;
    lesions.reserve(patient.lesions.size());
    for (const auto& l : patient.lesions) {
        lesions.emplace_back(l, a.spinEcho);
    }
    const SignalModel model(anatomy, patient, lesions);
    const double scale = model.transform().maxScale() + 0.05;

    const ImageGeometry acquired = stackGeometry(a, patient.pose.shiftMm, a.matrix);
    const ImageGeometry series = stackGeometry(a, patient.pose.shiftMm, a.reconMatrix);
    const bool thin = a.mode == AcquisitionMode::ThreeD;
    const double thicknessInIndex = a.sliceThicknessMm / acquired.spacing[2];

    // Lesion reach on the acquired grid: whole influence (with oedema) and the GTV alone.
    std::vector<IndexBox> reachBox, gtvBox;
    for (std::size_t n = 0; n < lesions.size(); ++n) {
        reachBox.push_back(
            boxOnGrid(acquired, patient.lesions[n].centrePatient, lesions[n].boxReach * scale + 1));
        gtvBox.push_back(
            boxOnGrid(acquired, patient.lesions[n].centrePatient,
                      (lesions[n].gtvReach + 2 * patient.lesions[n].edgeBlurMm) * scale + 1));
    }

    // Index offsets -> template offsets: the linear part times direction and spacing.
    auto stepOf = [&](const ImageGeometry& g) {
        Mat3 scaled = g.direction;
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 3; ++c) {
                scaled[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] *=
                    g.spacing[static_cast<std::size_t>(c)];
            }
        }
        return multiply(model.transform().linear(), scaled);
    };
    const Mat3 acquiredStep = stepOf(acquired);
    const Mat3 seriesStep = stepOf(series);

    ImageVolume image(acquired, 0.0f);
    std::vector<int> sliceCandidates, rowCandidates, voxelCandidates;
    for (std::int64_t k = 0; k < acquired.size[2]; ++k) {
        sliceCandidates.clear();
        for (std::size_t n = 0; n < lesions.size(); ++n) {
            if (k >= reachBox[n].low[2] && k <= reachBox[n].high[2]) {
                sliceCandidates.push_back(static_cast<int>(n));
            }
        }
        for (std::int64_t j = 0; j < acquired.size[1]; ++j) {
            rowCandidates.clear();
            for (const int n : sliceCandidates) {
                if (j >= reachBox[static_cast<std::size_t>(n)].low[1] &&
                    j <= reachBox[static_cast<std::size_t>(n)].high[1]) {
                    rowCandidates.push_back(n);
                }
            }
            for (std::int64_t i = 0; i < acquired.size[0]; ++i) {
                voxelCandidates.clear();
                bool nearGtv = false;
                for (const int n : rowCandidates) {
                    const auto s = static_cast<std::size_t>(n);
                    if (reachBox[s].contains(i, j, k)) {
                        voxelCandidates.push_back(n);
                        nearGtv = nearGtv || gtvBox[s].contains(i, j, k);
                    }
                }
                // Partial volume: sub-samples over the voxel (3 x 3 in plane near lesions) and
                // over the slice profile (box of FWHM = thickness).
                const int inPlane = nearGtv ? 3 : 1;
                const int through = thin ? (nearGtv ? 3 : 1) : (nearGtv ? 10 : 5);
                const Vec3 centre = model.transform().toTemplate(
                    acquired.indexToPatient({double(i), double(j), double(k)}));
                double sum = 0;
                for (int c = 0; c < through; ++c) {
                    const double dk = thicknessInIndex * ((c + 0.5) / through - 0.5);
                    for (int b = 0; b < inPlane; ++b) {
                        const double dj = (b + 0.5) / inPlane - 0.5;
                        for (int e = 0; e < inPlane; ++e) {
                            const double di = (e + 0.5) / inPlane - 0.5;
                            const Vec3 offset = applyMatrix(acquiredStep, Vec3{di, dj, dk});
                            sum += model.signal({centre[0] + offset[0], centre[1] + offset[1],
                                                 centre[2] + offset[2]},
                                                voxelCandidates.data(),
                                                static_cast<int>(voxelCandidates.size()));
                        }
                    }
                }
                image.at(i, j, k) = static_cast<float>(sum / (through * inPlane * inPlane));
            }
        }
    }

    // Bias (smooth, multiplicative): one low-frequency cosine per patient axis, tabulated per
    // index since every stack here is axis-aligned (a permutation of the patient axes). Then
    // Rician noise: |signal + complex Gaussian noise|.
    Rng rng(mixSeed(patient.seed, 8));
    std::array<std::vector<double>, 3> biasTable;
    for (std::size_t c = 0; c < 3; ++c) {
        const double frequency = rng.uniform(0.5, 1.5) * 2 * M_PI / 300.0; // cycles over ~300 mm
        const double phase = rng.uniform(0, 2 * M_PI);
        for (std::int64_t t = 0; t < acquired.size[c]; ++t) {
            const double mm = double(t) * acquired.spacing[c];
            biasTable[c].push_back(std::cos(frequency * mm + phase) / 3);
        }
    }
    const double sigma = 1.0 / a.snr;
    for (std::int64_t k = 0; k < acquired.size[2]; ++k) {
        for (std::int64_t j = 0; j < acquired.size[1]; ++j) {
            const double rowField = biasTable[2][static_cast<std::size_t>(k)] +
                                    biasTable[1][static_cast<std::size_t>(j)];
            for (std::int64_t i = 0; i < acquired.size[0]; ++i) {
                const double field = rowField + biasTable[0][static_cast<std::size_t>(i)];
                const double bias = 1 + a.biasPeakToPeak / 2 * field;
                float& v = image.at(i, j, k);
                const double real = v * bias + sigma * rng.normal();
                const double imaginary = sigma * rng.normal();
                v = static_cast<float>(std::sqrt(real * real + imaginary * imaginary));
            }
        }
    }

    RenderedPatient out;
    out.series = a.reconMatrix == a.matrix ? std::move(image) : reconstructInPlane(image, series);
    // Stored units: WM at the profile's stored value, within the pixel format's range.
    const double maxStored = a.bitsStored == 12 ? 4095.0 : 32767.0;
    for (float& v : out.series.data()) {
        const double stored = std::clamp(std::round(v * a.storedWhiteMatter), 0.0, maxStored);
        v = static_cast<float>(stored * (a.philipsRescale ? a.rescaleSlope : 1.0));
    }

    // Truth on the series grid: lesion k where more than half of the voxel's slab is GTV k;
    // a lesion thinner than that keeps its best voxel so that it still gets a contour.
    out.truth = LabelMap(series, 0);
    const double seriesThickness = a.sliceThicknessMm / series.spacing[2];
    const int throughSamples = std::max(3, static_cast<int>(std::lround(a.sliceThicknessMm / 0.5)));
    for (std::size_t n = 0; n < lesions.size(); ++n) {
        const IndexBox box =
            boxOnGrid(series, patient.lesions[n].centrePatient, lesions[n].gtvReach * scale + 1);
        const auto label = static_cast<std::uint16_t>(n + 1);
        double bestFraction = 0;
        std::size_t bestVoxel = 0, marked = 0;
        for (std::int64_t k = box.low[2]; k <= box.high[2]; ++k) {
            for (std::int64_t j = box.low[1]; j <= box.high[1]; ++j) {
                for (std::int64_t i = box.low[0]; i <= box.high[0]; ++i) {
                    const Vec3 centre = model.transform().toTemplate(
                        series.indexToPatient({double(i), double(j), double(k)}));
                    int inside = 0;
                    for (int c = 0; c < throughSamples; ++c) {
                        const double dk = seriesThickness * ((c + 0.5) / throughSamples - 0.5);
                        for (int b = 0; b < 3; ++b) {
                            for (int e = 0; e < 3; ++e) {
                                const Vec3 offset = applyMatrix(
                                    seriesStep, Vec3{(e + 0.5) / 3 - 0.5, (b + 0.5) / 3 - 0.5, dk});
                                inside += lesions[n].insideGtv({centre[0] + offset[0],
                                                                centre[1] + offset[1],
                                                                centre[2] + offset[2]});
                            }
                        }
                    }
                    const double fraction = double(inside) / (9.0 * throughSamples);
                    const std::size_t voxel = series.linearIndex(i, j, k);
                    if (fraction > 0.5) {
                        out.truth.data()[voxel] = label;
                        ++marked;
                    }
                    if (fraction > bestFraction) {
                        bestFraction = fraction;
                        bestVoxel = voxel;
                    }
                }
            }
        }
        if (marked == 0 && bestFraction > 0) {
            out.truth.data()[bestVoxel] = label;
        }
    }

    // The 0.5 mm truth: an axial grid around all lesions (the rest of the head holds none).
    if (!lesions.empty()) {
        Vec3 low{1e9, 1e9, 1e9}, high{-1e9, -1e9, -1e9};
        for (std::size_t n = 0; n < lesions.size(); ++n) {
            const double r = lesions[n].gtvReach * scale + 1;
            for (int a3 = 0; a3 < 3; ++a3) {
                low[static_cast<std::size_t>(a3)] =
                    std::min(low[static_cast<std::size_t>(a3)],
                             patient.lesions[n].centrePatient[static_cast<std::size_t>(a3)] - r);
                high[static_cast<std::size_t>(a3)] =
                    std::max(high[static_cast<std::size_t>(a3)],
                             patient.lesions[n].centrePatient[static_cast<std::size_t>(a3)] + r);
            }
        }
        ImageGeometry fine;
        fine.spacing = {0.5, 0.5, 0.5};
        for (std::size_t a3 = 0; a3 < 3; ++a3) {
            fine.origin[a3] = std::floor(low[a3] * 2) / 2;
            fine.size[a3] =
                static_cast<std::int64_t>(std::ceil((high[a3] - fine.origin[a3]) / 0.5)) + 1;
        }
        out.fineTruth = LabelMap(fine, 0);
        out.lesionVolumesMl.assign(lesions.size(), 0.0);
        for (std::size_t n = 0; n < lesions.size(); ++n) {
            const IndexBox box =
                boxOnGrid(fine, patient.lesions[n].centrePatient, lesions[n].gtvReach * scale + 1);
            std::size_t voxels = 0;
            for (std::int64_t k = box.low[2]; k <= box.high[2]; ++k) {
                for (std::int64_t j = box.low[1]; j <= box.high[1]; ++j) {
                    for (std::int64_t i = box.low[0]; i <= box.high[0]; ++i) {
                        const Vec3 p = fine.indexToPatient({double(i), double(j), double(k)});
                        if (lesions[n].insideGtv(model.transform().toTemplate(p))) {
                            out.fineTruth.at(i, j, k) = static_cast<std::uint16_t>(n + 1);
                            ++voxels;
                        }
                    }
                }
            }
            out.lesionVolumesMl[n] = double(voxels) * 0.125 / 1000.0;
        }
    }
    return out;
}

std::vector<PhantomPreview> phantomPreviews(const PhantomPatient& patient,
                                            const RenderedPatient& rendered, int count) {
    std::vector<PhantomPreview> previews;
    const auto& a = patient.acquisition;
    const double physicalWm = a.storedWhiteMatter * (a.philipsRescale ? a.rescaleSlope : 1.0);
    // Planes through the largest lesions (lesions are sorted by size), at least 12 mm apart.
    std::vector<double> planes;
    for (const auto& l : patient.lesions) {
        if (static_cast<int>(planes.size()) >= count) {
            break;
        }
        double z = l.centrePatient[2];
        if (!a.sagittal) {
            // Axial stacks: the nearest acquired slice, so 5 mm slices are not blended.
            const auto& g = rendered.series.geometry();
            z = g.origin[2] + g.spacing[2] * std::round((z - g.origin[2]) / g.spacing[2]);
        }
        if (std::none_of(planes.begin(), planes.end(),
                         [&](double other) { return std::abs(other - z) < 12; })) {
            planes.push_back(z);
        }
    }
    for (const double z : planes) {
        ImageGeometry tile;
        tile.size = {256, 256, 1};
        // 200 mm field of view around the head's centre.
        tile.spacing = {0.78125, 0.78125, 1};
        tile.origin = {-100 + 0.390625 + patient.pose.shiftMm[0],
                       -100 + 0.390625 + patient.pose.shiftMm[1], z};
        ResampleOptions oneThread;
        oneThread.threads = 1;
        PhantomPreview preview;
        preview.patientId = patient.patientId;
        preview.image = resampleLinear(rendered.series, tile, oneThread);
        for (float& v : preview.image.data()) {
            v = static_cast<float>(v / physicalWm);
        }
        preview.truth = resampleNearest(rendered.truth, tile, 1);
        char caption[160];
        std::snprintf(caption, sizeof caption, "%s %s %s %s", patient.patientId.c_str(),
                      toString(a.vendor).c_str(), a.sequenceLabel.c_str(),
                      patient.label ? "EGFR+" : "EGFR-");
        preview.caption = caption;
        previews.push_back(std::move(preview));
    }
    return previews;
}

} // namespace metis::phantom
