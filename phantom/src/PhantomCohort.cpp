// Stage 1 of the phantom: traits, labels, lesions, dates and acquisitions (PHANTOM.md sections
// 2-4 and 10). No images; a whole `paper` cohort takes well under a second.

#include "PhantomInternal.h"
#include "metis/core/ClassificationMetrics.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace metis::phantom::detail {
namespace {

// Section 4 label model.
constexpr double kBetaTexture = 1.8, kBetaCount = 1.0, kBetaSize = -0.8, kBetaEdema = -0.9,
                 kBetaNecrosis = -0.5, kBetaLocation = 0.4, kNoiseSd = 0.6, kCountSizeCorr = -0.3;

double linearPredictor(const PhenotypeTraits& z) {
    return kBetaTexture * z.texture + kBetaCount * z.count + kBetaSize * z.size +
           kBetaEdema * z.edema + kBetaNecrosis * z.necrosis + kBetaLocation * z.location;
}

PhenotypeTraits sampleTraits(Rng& rng) {
    PhenotypeTraits z;
    z.texture = rng.normal();
    z.count = rng.normal();
    z.size =
        kCountSizeCorr * z.count + std::sqrt(1 - kCountSizeCorr * kCountSizeCorr) * rng.normal();
    z.edema = rng.normal();
    z.necrosis = rng.normal();
    z.location = rng.normal();
    return z;
}

/// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
long daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string civilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                  static_cast<int>(d));
    return text;
}

std::size_t pickCumulative(const std::vector<double>& cumulative, double u) {
    const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
    return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()),
                                 cumulative.size() - 1);
}

/// A lesion's largest radius including lobulation.
double outerRadius(const PhantomLesion& lesion) {
    return 0.5 * lesion.diameterMm * (1 + lesion.lobulation);
}

bool placeLesion(PhantomLesion& lesion, const PhenotypeTraits& z, const PhantomAnatomy& anatomy,
                 const std::vector<PhantomLesion>& placed, Rng& rng) {
    // Region shares (section 10: 80 / 16 / 4), then zeta_loc favours cerebellum and temporal lobe.
    const double locationFactor = std::exp(0.35 * z.location);
    const double supraTotal =
        anatomy.groupWeight[GroupSupratentorial] + anatomy.groupWeight[GroupTemporal];
    std::array<double, 4> share{0.80 * anatomy.groupWeight[GroupSupratentorial] / supraTotal,
                                0.80 * anatomy.groupWeight[GroupTemporal] / supraTotal *
                                    locationFactor,
                                0.16 * locationFactor, 0.04};
    const double total = share[0] + share[1] + share[2] + share[3];
    for (int attempt = 0; attempt < 60; ++attempt) {
        double u = rng.uniform() * total;
        std::size_t group = 0;
        while (group < 3 && u >= share[group]) {
            u -= share[group];
            ++group;
        }
        const auto& voxels = anatomy.groupVoxels[group];
        const std::size_t n = voxels[pickCumulative(anatomy.groupCumulative[group], rng.uniform())];
        const auto& g = anatomy.grid;
        const auto linear = static_cast<std::int64_t>(n);
        const Vec3 index{double(linear % g.size[0]) + rng.uniform(-0.5, 0.5),
                         double((linear / g.size[0]) % g.size[1]) + rng.uniform(-0.5, 0.5),
                         double(linear / (g.size[0] * g.size[1])) + rng.uniform(-0.5, 0.5)};
        const Vec3 centre = g.indexToPatient(index);
        const double radius = outerRadius(lesion);
        // Edges at least 2 mm apart.
        bool clear = true;
        for (const auto& other : placed) {
            Vec3 d{centre[0] - other.centreTemplate[0], centre[1] - other.centreTemplate[1],
                   centre[2] - other.centreTemplate[2]};
            if (norm(d) < radius + outerRadius(other) + 2.0) {
                clear = false;
                break;
            }
        }
        if (!clear) {
            continue;
        }
        // At least 60% inside the brain (26 directions at 0.8 of the radius, and the centre).
        int inside = 0, probes = 0;
        for (int dz = -1; dz <= 1; ++dz) {
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const double length = std::sqrt(double(dx * dx + dy * dy + dz * dz));
                    const double scale = length > 0 ? 0.8 * radius / length : 0.0;
                    inside += anatomy.inBrain(
                        {centre[0] + dx * scale, centre[1] + dy * scale, centre[2] + dz * scale});
                    ++probes;
                }
            }
        }
        if (inside < 0.6 * probes && attempt < 59) {
            continue;
        }
        lesion.centreTemplate = centre;
        lesion.region = static_cast<LesionRegion>(group);
        lesion.tissue = kTissueNames[anatomy.tissueKind[n]];
        return true;
    }
    return false;
}

PhantomLesion sampleLesionShape(double diameter, const PhenotypeTraits& z, Rng& rng) {
    PhantomLesion lesion;
    lesion.diameterMm = diameter;
    lesion.axisRatios = {1.0, rng.uniform(0.75, 1.0), rng.uniform(0.75, 1.0)};
    lesion.rotation =
        rotationMatrix({rng.uniform(0, 360), rng.uniform(0, 360), rng.uniform(0, 360)});
    lesion.lobulation = diameter > 20 ? rng.uniform(0.05, 0.25) : rng.uniform(0.05, 0.15);
    for (double& v : lesion.shapeNoise) {
        v = rng.normal();
    }
    lesion.ring = rng.chance(sigmoid((diameter - 13.0) / 3.5 + 0.8 * z.necrosis));
    if (lesion.ring) {
        lesion.cyst = rng.chance(0.15);
        lesion.rimMm = lesion.cyst ? rng.uniform(1.0, 1.5) : rng.uniform(1.0, 3.0);
        const double radius = 0.5 * diameter;
        lesion.coreFraction = std::clamp(1.0 - lesion.rimMm / radius, 0.4, 0.8);
        lesion.coreIntensity = lesion.cyst ? rng.uniform(0.30, 0.50) : rng.uniform(0.45, 0.75);
    }
    // GRE scale: median 1.45, 1.15..2.0 (the renderer maps to spin echo).
    lesion.enhancement = std::clamp(1.45 * std::exp(0.13 * rng.normal()), 1.15, 2.0);
    lesion.textureSd = 0.10 * std::exp(-0.35 * z.texture);
    lesion.textureLengthMm = 1.5 * std::exp(-0.25 * z.texture);
    lesion.edgeBlurMm =
        std::clamp(0.65 * std::exp(-0.3 * z.texture) + 0.1 * rng.normal(), 0.3, 1.0);
    lesion.edema = rng.chance(sigmoid((diameter - 12.0) / 2.0 + 0.7 * z.edema));
    if (lesion.edema) {
        lesion.edemaIndex =
            std::min(15.0, std::exp(rng.normal(std::log(3.0) + 0.45 * z.edema, 0.35)));
        lesion.edemaIntensity = rng.uniform(0.82, 0.92);
    }
    lesion.textureSeed = rng.next();
    return lesion;
}

PhantomPatient samplePatient(int index, PhantomSite site, std::uint64_t seed, double b0,
                             double flipRate, const PhantomAnatomy& anatomy) {
    PhantomPatient patient;
    patient.index = index;
    patient.site = site;
    patient.seed = seed;
    Rng rng(mixSeed(seed, 1));
    const PhenotypeTraits z = sampleTraits(rng);
    patient.traits = z;
    const double score = b0 + linearPredictor(z);
    patient.oracleProbability = sigmoid(score);
    patient.eta = score + kNoiseSd * rng.normal();
    patient.labelClean = rng.chance(sigmoid(patient.eta)) ? 1 : 0;
    patient.flipped = rng.chance(flipRate);
    patient.label = patient.flipped ? 1 - patient.labelClean : patient.labelClean;
    patient.sex = rng.chance(0.5) ? "F" : "M";
    patient.age = std::clamp(static_cast<int>(std::lround(rng.normal(61, 10))), 30, 88);

    // Count: 1 + NB(mean m, k = 0.6) as a gamma-Poisson mixture, cap 60.
    Rng lesionRng(mixSeed(seed, 2));
    const double mean = 1.4 * std::exp(0.8 * z.count);
    const double k = 0.6;
    const int count = std::min(60, 1 + lesionRng.poisson(lesionRng.gamma(k) * mean / k));
    std::vector<double> diameters;
    diameters.push_back(
        std::exp(lesionRng.normal(std::log(7.0) + 0.30 * z.size + std::log(2.2), 0.35)));
    for (int n = 1; n < count; ++n) {
        diameters.push_back(std::clamp(
            std::exp(lesionRng.normal(std::log(7.0) + 0.30 * z.size - 0.2, 0.60)), 1.5, 55.0));
    }
    diameters[0] = std::clamp(diameters[0], 1.5, 55.0);
    // Place large lesions first so small ones fill the gaps.
    std::sort(diameters.begin(), diameters.end(), std::greater<>());
    for (const double d : diameters) {
        PhantomLesion lesion = sampleLesionShape(d, z, lesionRng);
        if (placeLesion(lesion, z, anatomy, patient.lesions, lesionRng)) {
            patient.lesions.push_back(lesion);
        }
    }

    Rng poseRng(mixSeed(seed, 3));
    PhantomPose& pose = patient.pose;
    pose.rotationDegrees = {poseRng.uniform(-15, 15), poseRng.uniform(-8, 8),
                            poseRng.uniform(-8, 8)};
    pose.scale = {poseRng.uniform(0.92, 1.08), poseRng.uniform(0.92, 1.08),
                  poseRng.uniform(0.92, 1.08)};
    pose.shiftMm = {poseRng.uniform(-10, 10), poseRng.uniform(-10, 10), poseRng.uniform(-10, 10)};
    pose.warpSeed = poseRng.next();
    const SubjectTransform transform(pose, anatomy.brainCentre);
    for (auto& lesion : patient.lesions) {
        lesion.centrePatient = transform.toPatient(lesion.centreTemplate);
    }
    return patient;
}

struct PresetCounts {
    int internal = 0, externalMutant = 0, externalWildType = 0, siemens = 0;
};

PresetCounts presetCounts(const PhantomCohortOptions& options) {
    PresetCounts counts;
    if (options.preset == "paper") {
        counts = {188, 21, 17, 22};
    } else if (options.preset == "demo") {
        counts = {14, 6, 4, 6};
    } else {
        throw std::invalid_argument("phantom: unknown preset '" + options.preset +
                                    "' (demo or paper)");
    }
    if (!options.internal) {
        counts.internal = 0;
    }
    if (!options.external) {
        counts.externalMutant = counts.externalWildType = counts.siemens = 0;
    }
    const int total = counts.internal + counts.externalMutant + counts.externalWildType;
    if (total == 0) {
        throw std::invalid_argument("phantom: no site selected");
    }
    if (options.patients) {
        if (*options.patients < 1) {
            throw std::invalid_argument("phantom: --patients must be at least 1");
        }
        const double f = double(*options.patients) / total;
        const int external = counts.externalMutant + counts.externalWildType;
        const int newExternal =
            options.internal ? static_cast<int>(std::lround(external * f)) : *options.patients;
        PresetCounts scaled;
        scaled.internal = *options.patients - newExternal;
        if (external > 0) {
            scaled.externalMutant = static_cast<int>(
                std::lround(double(newExternal) * counts.externalMutant / external));
            scaled.externalWildType = newExternal - scaled.externalMutant;
            scaled.siemens =
                static_cast<int>(std::lround(double(newExternal) * counts.siemens / external));
        }
        counts = scaled;
    }
    return counts;
}

} // namespace
} // namespace metis::phantom::detail

namespace metis::phantom {

using namespace detail;

std::string toString(PhantomSite site) {
    return site == PhantomSite::Internal ? "internal" : "external";
}
std::string toString(PhantomVendor vendor) {
    switch (vendor) {
    case PhantomVendor::GE:
        return "GE";
    case PhantomVendor::Siemens:
        return "Siemens";
    case PhantomVendor::Philips:
        return "Philips";
    }
    return "?";
}
std::string toString(LesionRegion region) {
    switch (region) {
    case LesionRegion::Supratentorial:
        return "supratentorial";
    case LesionRegion::Temporal:
        return "temporal";
    case LesionRegion::Cerebellum:
        return "cerebellum";
    case LesionRegion::Brainstem:
        return "brainstem";
    }
    return "?";
}

double solveInterceptForPrevalence(double prevalence) {
    if (!(prevalence > 0 && prevalence < 1)) {
        throw std::invalid_argument("phantom: prevalence must lie in (0, 1)");
    }
    // eta - b0 ~ N(0, s^2): the linear predictor's variance plus u.
    const double s2 = kBetaTexture * kBetaTexture + kBetaCount * kBetaCount +
                      kBetaSize * kBetaSize + kBetaEdema * kBetaEdema +
                      kBetaNecrosis * kBetaNecrosis + kBetaLocation * kBetaLocation +
                      2 * kBetaCount * kBetaSize * kCountSizeCorr + kNoiseSd * kNoiseSd;
    const double s = std::sqrt(s2);
    auto expected = [&](double b0) {
        double sum = 0, weights = 0;
        for (int n = -400; n <= 400; ++n) {
            const double x = n * 0.02;
            const double w = std::exp(-0.5 * x * x);
            sum += w * sigmoid(b0 + s * x);
            weights += w;
        }
        return sum / weights;
    };
    double low = -10, high = 10;
    for (int iteration = 0; iteration < 80; ++iteration) {
        const double mid = 0.5 * (low + high);
        (expected(mid) < prevalence ? low : high) = mid;
    }
    return 0.5 * (low + high);
}

PhantomAcquisition sampleAcquisition(PhantomVendor vendor, AcquisitionMode mode,
                                     std::uint64_t seed) {
    Rng rng(mixSeed(seed, 4));
    PhantomAcquisition a;
    a.vendor = vendor;
    a.mode = mode;
    const bool threeD = mode == AcquisitionMode::ThreeD;
    a.spinEcho = !threeD;
    switch (vendor) {
    case PhantomVendor::GE:
        a.manufacturer = "GE MEDICAL SYSTEMS";
        a.model = "Discovery MR750w";
        a.software = "DV26.0_R03";
        a.fieldStrength = 3.0;
        a.fovMm = 240;
        a.matrix = threeD ? 256 : 320;
        a.reconMatrix = 512; // 0.47 mm reconstruction
        if (threeD) {
            a.sequenceLabel = "BRAVO";
            a.repetitionTimeMs = rng.uniform(7.5, 8.5);
            a.echoTimeMs = rng.uniform(2.9, 3.3);
            a.inversionTimeMs = 450;
            a.flipAngleDeg = 12;
            a.scanningSequence = "GR\\IR";
            a.sequenceVariant = "SS\\SP\\SK";
            a.scanOptions = "FAST_GEMS\\EDR_GEMS\\FILTERED_GEMS";
            a.sequenceName = "efgre3d";
        } else {
            a.sequenceLabel = "T1 SE";
            a.sliceThicknessMm = 5;
            a.sliceGapMm = 1;
        }
        a.storedWhiteMatter = rng.uniform(500, 900);
        break;
    case PhantomVendor::Siemens:
        a.manufacturer = "SIEMENS";
        a.model = rng.chance(0.4) ? "MAGNETOM Prisma"
                                  : (rng.chance(0.5) ? "MAGNETOM Lumina" : "MAGNETOM Verio");
        a.software = "syngo MR XA30";
        a.fieldStrength = 3.0;
        if (threeD) {
            a.sequenceLabel = "MPRAGE";
            a.sagittal = true;
            a.fovMm = 256;
            a.matrix = a.reconMatrix = 256;
            a.repetitionTimeMs = rng.uniform(1900, 2300);
            a.inversionTimeMs = rng.uniform(900, 1100);
            a.echoTimeMs = rng.uniform(2.3, 3.0);
            a.flipAngleDeg = rng.chance(0.5) ? 8 : 9;
            a.scanningSequence = "GR\\IR";
            a.sequenceVariant = "SK\\SP\\MP";
            a.scanOptions = "IR";
            a.sequenceName = "*tfl3d1_16";
        } else {
            a.sequenceLabel = "T1 SE";
            a.fovMm = 230;
            a.matrix = a.reconMatrix = 256;
            a.sliceThicknessMm = 5;
            a.sliceGapMm = 0.5;
        }
        a.bitsStored = 12;
        a.storedWhiteMatter = rng.uniform(400, 800);
        break;
    case PhantomVendor::Philips:
        a.manufacturer = "Philips Medical Systems";
        a.fieldStrength = rng.chance(0.5) ? 1.5 : 3.0;
        a.model = a.fieldStrength > 2 ? "Ingenia" : "Achieva";
        a.software = "5.6.1";
        a.fovMm = 240;
        if (threeD) {
            a.sequenceLabel = "3D T1 TFE";
            a.matrix = 240;
            a.reconMatrix = 256;
            a.repetitionTimeMs = rng.uniform(7.5, 9.0);
            a.echoTimeMs = rng.uniform(3.4, 4.6);
            a.inversionTimeMs = rng.uniform(800, 1000);
            a.flipAngleDeg = 8;
            a.scanningSequence = "GR";
            a.sequenceVariant = "SP\\MP";
            a.scanOptions = "FS";
            a.sequenceName = "T1TFE";
        } else {
            a.sequenceLabel = "T1 SE";
            a.matrix = 256;
            a.reconMatrix = 512;
            a.sliceThicknessMm = rng.chance(0.5) ? 5 : 6;
            a.sliceGapMm = 1;
        }
        a.bitsStored = 12;
        a.philipsRescale = true;
        a.rescaleSlope = std::round(rng.uniform(1.0, 4.0) * 1000) / 1000;
        a.rescaleIntercept = 0;
        a.storedWhiteMatter = rng.uniform(500, 900);
        break;
    }
    if (!threeD) {
        a.repetitionTimeMs = rng.uniform(450, 650);
        a.echoTimeMs = rng.uniform(8, 15);
        a.inversionTimeMs = 0;
        a.flipAngleDeg = 90;
        a.scanningSequence = "SE";
        a.sequenceVariant = "SK";
        a.scanOptions = "";
        a.sequenceName = vendor == PhantomVendor::Siemens ? "se2d1" : "SE";
        a.echoTrainLength = 1;
    }
    a.snr = threeD ? rng.uniform(15, 40) : rng.uniform(20, 50);
    a.biasPeakToPeak = a.fieldStrength > 2 ? rng.uniform(0.10, 0.25) : rng.uniform(0.05, 0.15);
    a.greyWhiteRatio = threeD ? rng.uniform(0.70, 0.78) : rng.uniform(0.80, 0.88);
    return a;
}

PhantomCohort samplePhantomCohort(const PhantomCohortOptions& options,
                                  const PhantomAnatomy& anatomy) {
    const PresetCounts counts = presetCounts(options);
    PhantomCohort cohort;
    cohort.preset = options.preset;
    cohort.seed = options.seed;
    cohort.interceptB0 = solveInterceptForPrevalence(options.prevalence);

    // Internal: dated 2018-08-01..2021-10-31; the test share (33/188 in the paper) after
    // 2021-05-01.
    const long start = daysFromCivil(2018, 8, 1), testStart = daysFromCivil(2021, 5, 1),
               end = daysFromCivil(2021, 10, 31);
    const int testCount = static_cast<int>(std::lround(counts.internal * 33.0 / 188.0));
    const int validationCount = static_cast<int>(std::lround(counts.internal * 10.0 / 188.0));
    Rng cohortRng(mixSeed(options.seed, 0x1D));
    std::vector<long> dates;
    for (int n = 0; n < counts.internal; ++n) {
        const bool test = n < testCount;
        dates.push_back(
            test ? testStart + static_cast<long>(cohortRng.uniform() * double(end - testStart + 1))
                 : start + static_cast<long>(cohortRng.uniform() * double(testStart - start)));
    }
    std::sort(dates.begin(), dates.end());
    std::vector<int> earlier(static_cast<std::size_t>(counts.internal - testCount));
    std::iota(earlier.begin(), earlier.end(), 0);
    for (std::size_t n = earlier.size(); n > 1; --n) {
        std::swap(earlier[n - 1],
                  earlier[static_cast<std::size_t>(cohortRng.uniform() * double(n))]);
    }
    std::vector<bool> validation(static_cast<std::size_t>(counts.internal), false);
    for (int n = 0; n < validationCount && n < static_cast<int>(earlier.size()); ++n) {
        validation[static_cast<std::size_t>(earlier[static_cast<std::size_t>(n)])] = true;
    }
    for (int n = 0; n < counts.internal; ++n) {
        PhantomPatient patient = samplePatient(
            n, PhantomSite::Internal, mixSeed(options.seed, 1000 + static_cast<std::uint64_t>(n)),
            cohort.interceptB0, options.flipRate, anatomy);
        patient.diagnosisDate = civilFromDays(dates[static_cast<std::size_t>(n)]);
        patient.split = dates[static_cast<std::size_t>(n)] >= testStart ? "test"
                        : validation[static_cast<std::size_t>(n)]       ? "validation"
                                                                        : "train";
        Rng siteRng(mixSeed(patient.seed, 5));
        const auto mode = siteRng.chance(0.7) ? AcquisitionMode::ThreeD : AcquisitionMode::TwoD;
        patient.acquisition = sampleAcquisition(PhantomVendor::GE, mode, patient.seed);
        cohort.patients.push_back(std::move(patient));
    }

    // External: candidates drawn in turn until the fixed mutant / wild-type counts are filled,
    // so the label model stays the same; vendors and 2019-2022 dates are then shuffled in.
    std::vector<PhantomPatient> external;
    int mutant = 0, wildType = 0;
    for (std::uint64_t candidate = 0;
         mutant + wildType < counts.externalMutant + counts.externalWildType; ++candidate) {
        PhantomPatient patient =
            samplePatient(0, PhantomSite::External, mixSeed(options.seed, 500000 + candidate),
                          cohort.interceptB0, options.flipRate, anatomy);
        if (patient.label == 1 && mutant < counts.externalMutant) {
            ++mutant;
        } else if (patient.label == 0 && wildType < counts.externalWildType) {
            ++wildType;
        } else {
            continue;
        }
        external.push_back(std::move(patient));
    }
    std::vector<std::size_t> siemens(external.size());
    std::iota(siemens.begin(), siemens.end(), 0);
    for (std::size_t n = siemens.size(); n > 1; --n) {
        std::swap(siemens[n - 1],
                  siemens[static_cast<std::size_t>(cohortRng.uniform() * double(n))]);
    }
    std::vector<bool> isSiemens(external.size(), false);
    for (int n = 0; n < counts.siemens && n < static_cast<int>(siemens.size()); ++n) {
        isSiemens[siemens[static_cast<std::size_t>(n)]] = true;
    }
    std::vector<long> externalDates;
    for (std::size_t n = 0; n < external.size(); ++n) {
        externalDates.push_back(
            daysFromCivil(2019, 1, 1) +
            static_cast<long>(cohortRng.uniform() *
                              double(daysFromCivil(2023, 1, 1) - daysFromCivil(2019, 1, 1))));
    }
    std::sort(externalDates.begin(), externalDates.end());
    for (std::size_t n = 0; n < external.size(); ++n) {
        PhantomPatient& patient = external[n];
        patient.index = static_cast<int>(cohort.patients.size());
        patient.diagnosisDate = civilFromDays(externalDates[n]);
        patient.split = "external";
        Rng siteRng(mixSeed(patient.seed, 5));
        const auto mode = siteRng.chance(0.6) ? AcquisitionMode::ThreeD : AcquisitionMode::TwoD;
        patient.acquisition = sampleAcquisition(
            isSiemens[n] ? PhantomVendor::Siemens : PhantomVendor::Philips, mode, patient.seed);
        cohort.patients.push_back(std::move(patient));
    }
    for (auto& patient : cohort.patients) {
        char id[32];
        std::snprintf(id, sizeof id, "%04d", patient.index + 1);
        patient.patientId = std::string("PHANTOM-") + id;
        patient.patientName = std::string("PHANTOM^") + id;
    }
    return cohort;
}

CohortStatistics cohortStatistics(const PhantomCohort& cohort) {
    CohortStatistics s;
    s.patients = static_cast<int>(cohort.patients.size());
    if (s.patients == 0) {
        return s;
    }
    std::vector<int> clean, flipped;
    std::vector<double> oracle, largest;
    int ringPatients = 0, edemaPatients = 0, rings = 0, mutantLesions = 0, wildLesions = 0;
    std::array<int, 4> regions{};
    int below3 = 0, below5 = 0, below10 = 0, above20 = 0;
    for (const auto& p : cohort.patients) {
        const int n = static_cast<int>(p.lesions.size());
        s.lesions += n;
        s.mutant += p.label;
        s.flipped += p.flipped;
        s.countShares[n <= 1 ? 0 : n <= 4 ? 1 : n <= 10 ? 2 : 3] += 1;
        (p.label ? mutantLesions : wildLesions) += n;
        clean.push_back(p.labelClean);
        flipped.push_back(p.label);
        oracle.push_back(p.oracleProbability);
        double big = 0;
        bool ring = false, edema = false;
        for (const auto& l : p.lesions) {
            big = std::max(big, l.diameterMm);
            below3 += l.diameterMm < 3;
            below5 += l.diameterMm < 5;
            below10 += l.diameterMm < 10;
            above20 += l.diameterMm > 20;
            rings += l.ring;
            ring = ring || l.ring;
            edema = edema || l.edema;
            ++regions[static_cast<std::size_t>(l.region)];
        }
        largest.push_back(big);
        ringPatients += ring;
        edemaPatients += edema;
    }
    for (double& share : s.countShares) {
        share /= s.patients;
    }
    const double lesions = std::max(1, s.lesions);
    s.shareBelow3 = below3 / lesions;
    s.shareBelow5 = below5 / lesions;
    s.shareBelow10 = below10 / lesions;
    s.shareAbove20 = above20 / lesions;
    s.ringLesionShare = rings / lesions;
    s.ringPatientShare = double(ringPatients) / s.patients;
    s.edemaPatientShare = double(edemaPatients) / s.patients;
    s.supratentorialShare = (regions[0] + regions[1]) / lesions;
    s.cerebellumShare = regions[2] / lesions;
    s.brainstemShare = regions[3] / lesions;
    s.meanCountMutant = s.mutant ? double(mutantLesions) / s.mutant : 0;
    s.meanCountWildType = s.patients > s.mutant ? double(wildLesions) / (s.patients - s.mutant) : 0;
    std::sort(largest.begin(), largest.end());
    s.medianLargestMm = largest[largest.size() / 2];
    s.prevalence = double(s.mutant) / s.patients;
    const bool bothClean = std::count(clean.begin(), clean.end(), 1) > 0 &&
                           std::count(clean.begin(), clean.end(), 0) > 0;
    const bool bothFlipped = s.mutant > 0 && s.mutant < s.patients;
    s.oracleAucClean = bothClean ? rocAuc(clean, oracle) : std::nan("");
    s.oracleAucFlipped = bothFlipped ? rocAuc(flipped, oracle) : std::nan("");
    return s;
}

std::string formatStatistics(const CohortStatistics& s) {
    char text[1200];
    std::snprintf(text, sizeof text,
                  "patients %d, lesions %d (mean %.2f per patient; mutant %.2f, wild-type %.2f)\n"
                  "lesion count: 1: %.0f%%, 2-4: %.0f%%, 5-10: %.0f%%, >10: %.0f%%\n"
                  "lesion size: <3 mm %.0f%%, <5 mm %.0f%%, <10 mm %.0f%%, >20 mm %.0f%%; largest "
                  "per patient median %.1f mm\n"
                  "rings: %.0f%% of lesions, %.0f%% of patients; oedema in %.0f%% of patients\n"
                  "location: supratentorial %.0f%%, cerebellum %.0f%%, brainstem %.0f%%\n"
                  "EGFR mutant: %d (prevalence %.3f), labels flipped: %d\n"
                  "oracle AUC: %.3f clean, %.3f after flips\n",
                  s.patients, s.lesions, s.patients ? double(s.lesions) / s.patients : 0.0,
                  s.meanCountMutant, s.meanCountWildType, 100 * s.countShares[0],
                  100 * s.countShares[1], 100 * s.countShares[2], 100 * s.countShares[3],
                  100 * s.shareBelow3, 100 * s.shareBelow5, 100 * s.shareBelow10,
                  100 * s.shareAbove20, s.medianLargestMm, 100 * s.ringLesionShare,
                  100 * s.ringPatientShare, 100 * s.edemaPatientShare, 100 * s.supratentorialShare,
                  100 * s.cerebellumShare, 100 * s.brainstemShare, s.mutant, s.prevalence,
                  s.flipped, s.oracleAucClean, s.oracleAucFlipped);
    return text;
}

} // namespace metis::phantom
