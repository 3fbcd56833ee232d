#pragma once

// Phantom cohort generator (PHANTOM.md): a synthetic brain-metastasis cohort with EGFR labels on
// the Colin27 anatomy of Debian's mricron-data. Two stages: sampling (latent traits, labels,
// lesions, acquisition; no images) and rendering (anatomy, lesions, mimics, acquisition
// simulation, DICOM/RTSTRUCT/NIfTI output).

#include "metis/core/Volume.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metis::phantom {

enum class PhantomSite { Internal, External };
enum class PhantomVendor { GE, Siemens, Philips };
enum class AcquisitionMode { ThreeD, TwoD };

std::string toString(PhantomSite site);
std::string toString(PhantomVendor vendor);

/// The latent phenotype zeta of one patient (PHANTOM.md section 4), each N(0, 1).
struct PhenotypeTraits {
    double texture = 0, count = 0, size = 0, edema = 0, necrosis = 0, location = 0;
};

/// Where a lesion sits, in the template's world (LPS mm) and the subject's patient space.
enum class LesionRegion { Supratentorial, Temporal, Cerebellum, Brainstem };
std::string toString(LesionRegion region);

/// One metastasis, defined in template space; the renderer maps it through the patient's warp.
struct PhantomLesion {
    Vec3 centreTemplate{}; ///< LPS mm in the template's world
    Vec3 centrePatient{};  ///< LPS mm in the patient's (scanner) space, filled at sampling
    LesionRegion region = LesionRegion::Supratentorial;
    std::string tissue;    ///< "gwj", "cortex", "deep_wm", "deep_gm", "hippocampus"
    double diameterMm = 0; ///< nominal diameter (template mm)
    Vec3 axisRatios{1, 1, 1};
    Mat3 rotation = identityMatrix();
    double lobulation = 0.1;             ///< relative radial noise amplitude
    std::array<double, 24> shapeNoise{}; ///< directions, frequencies and phases of the radial noise
    bool ring = false;
    bool cyst = false;
    double coreFraction = 0; ///< necrotic core radius / lesion radius
    double rimMm = 0;
    double enhancement = 1.45;  ///< enhancing tissue / WM before partial volume
    double coreIntensity = 0.6; ///< necrosis or cyst / WM
    double textureSd = 0.1;     ///< relative SD of the intralesional random field
    double textureLengthMm = 1.5;
    double edgeBlurMm = 0.5;
    bool edema = false;
    double edemaIndex = 1;        ///< PBEI: (oedema + tumour) / tumour volume
    double edemaIntensity = 0.87; ///< / WM
    std::uint64_t textureSeed = 0;
};

/// Scanner, sequence, grid and degradations of one series (PHANTOM.md sections 3, 7, 10).
struct PhantomAcquisition {
    PhantomVendor vendor = PhantomVendor::GE;
    AcquisitionMode mode = AcquisitionMode::ThreeD;
    std::string manufacturer, model, software, sequenceLabel;
    double fieldStrength = 3.0;
    bool sagittal = false; ///< Siemens MPRAGE: sagittal slices
    double fovMm = 240;
    int matrix = 256;      ///< acquired in-plane matrix
    int reconMatrix = 256; ///< reconstructed (stored) in-plane matrix
    double sliceThicknessMm = 1;
    double sliceGapMm = 0;
    double repetitionTimeMs = 8, echoTimeMs = 3, inversionTimeMs = 450, flipAngleDeg = 12;
    int echoTrainLength = 1;
    std::string scanningSequence, sequenceVariant, scanOptions, sequenceName;
    double snr = 25; ///< WM signal / noise SD
    double biasPeakToPeak = 0.15;
    double greyWhiteRatio = 0.74;
    bool spinEcho = false;
    double storedWhiteMatter = 600; ///< stored value of WM
    int bitsStored = 16;
    bool philipsRescale = false;
    double rescaleSlope = 1, rescaleIntercept = 0;
};

/// Random affine and smooth warp from the patient's space into the template (section 10).
struct PhantomPose {
    Vec3 rotationDegrees{}; ///< about x (pitch), y, z
    Vec3 scale{1, 1, 1};
    Vec3 shiftMm{};
    double warpSdMm = 2;
    std::uint64_t warpSeed = 0;
};

/// A scanner profile of `vendor` (section 10 ranges) drawn from `seed`.
PhantomAcquisition sampleAcquisition(PhantomVendor vendor, AcquisitionMode mode,
                                     std::uint64_t seed);

struct PhantomPatient {
    int index = 0;           ///< 0-based position in the cohort
    std::string patientId;   ///< "PHANTOM-0001"
    std::string patientName; ///< "PHANTOM^0001"
    PhantomSite site = PhantomSite::Internal;
    std::string diagnosisDate; ///< YYYY-MM-DD
    std::string split;         ///< "train", "validation", "test" (internal) or "external"
    std::uint64_t seed = 0;
    PhenotypeTraits traits;
    double eta = 0;               ///< full linear predictor (with u)
    double oracleProbability = 0; ///< sigma(b0 + beta . zeta): what zeta alone predicts
    int labelClean = 0;           ///< y before flips
    int label = 0;                ///< y after flips (1 = EGFR mutant)
    bool flipped = false;
    std::string sex;
    int age = 60;
    std::vector<PhantomLesion> lesions;
    PhantomPose pose;
    PhantomAcquisition acquisition;
};

struct PhantomCohortOptions {
    std::string preset = "demo"; ///< "demo" or "paper"
    std::uint64_t seed = 1;
    std::optional<int> patients; ///< total count; split over the sites like the preset
    bool internal = true;
    bool external = true;
    double prevalence = 0.55; ///< internal EGFR-mutant share
    double flipRate = 0.03;
};

/// Template-derived maps that lesion placement needs. Loaded once, shared read-only.
struct PhantomAnatomy;

struct PhantomCohort {
    std::string preset;
    std::uint64_t seed = 0;
    double interceptB0 = 0;
    std::vector<PhantomPatient> patients;
};

/// Stage 1: draws every patient's traits, labels, lesions, dates and acquisition (fast, no
/// images). Deterministic in the options; each patient has its own seed.
PhantomCohort samplePhantomCohort(const PhantomCohortOptions& options,
                                  const PhantomAnatomy& anatomy);

/// The b0 for which E[sigma(eta)] equals `prevalence` under the section 4 model.
double solveInterceptForPrevalence(double prevalence);

struct CohortStatistics {
    int patients = 0, lesions = 0, mutant = 0, flipped = 0;
    std::array<double, 4> countShares{}; ///< 1, 2-4, 5-10, > 10 lesions
    double meanCountMutant = 0, meanCountWildType = 0;
    double shareBelow3 = 0, shareBelow5 = 0, shareBelow10 = 0, shareAbove20 = 0;
    double medianLargestMm = 0;
    double ringLesionShare = 0, ringPatientShare = 0, edemaPatientShare = 0;
    double supratentorialShare = 0, cerebellumShare = 0, brainstemShare = 0;
    double prevalence = 0;
    double oracleAucClean = 0, oracleAucFlipped = 0;
};
CohortStatistics cohortStatistics(const PhantomCohort& cohort);
std::string formatStatistics(const CohortStatistics& statistics);

/// Loads the templates (ch2better, ch2, ch2bet, aal, JHU) from `templateDirectory` and derives
/// the tissue and placement maps. Throws std::runtime_error naming a missing or unreadable file.
std::shared_ptr<const PhantomAnatomy>
loadPhantomAnatomy(const std::filesystem::path& templateDirectory = "/usr/share/mricron/templates");

/// One line about the loaded templates: intensity normalisation and how well the 0.5 mm and
/// 1 mm brains line up through world coordinates (Dice of their brain masks).
std::string describeAnatomy(const PhantomAnatomy& anatomy);

/// An axial view through a rendered patient for the montage: image and truth on one slice.
struct PhantomPreview {
    std::string patientId;
    std::string caption;
    ImageVolume image; ///< one axial slice, display units (WM about 1)
    LabelMap truth;    ///< same grid
};

struct RenderedPatient {
    ImageVolume series;                  ///< physical values as written to DICOM
    LabelMap truth;                      ///< lesion k = k on the series grid (area fraction > 0.5)
    LabelMap fineTruth;                  ///< lesion k = k on a 0.5 mm axial grid around the lesions
    std::vector<double> lesionVolumesMl; ///< realised GTV volume of lesion k (fine grid)
    std::vector<PhantomPreview> previews;
};

/// Stage 2 for one patient: anatomy, lesions, mimics and acquisition simulation. Deterministic
/// in the patient (its seed), whatever thread runs it.
RenderedPatient renderPhantomPatient(const PhantomAnatomy& anatomy, const PhantomPatient& patient);

/// Up to `count` axial views through the patient's largest lesions (display units, WM = 1).
std::vector<PhantomPreview> phantomPreviews(const PhantomPatient& patient,
                                            const RenderedPatient& rendered, int count);

struct PhantomOutputOptions {
    std::filesystem::path directory;
    bool writeImages = true;
    unsigned threads = 0;    ///< 0: one per hardware thread
    int previewPatients = 0; ///< keep previews of the first N rendered patients (for a montage)
};

/// What happened to one patient; passed to the progress callback as each finishes.
struct PatientOutcome {
    const PhantomPatient* patient = nullptr;
    double seconds = 0;
    std::filesystem::path folder;
    std::vector<double> lesionVolumesMl;
    std::vector<PhantomPreview> previews;
};

/// Writes the cohort: per patient MR/ (DICOM series), RTSTRUCT.dcm, truth_series.nii.gz and
/// truth_fine.nii.gz; per cohort clinical.csv and manifest.json. Patients run in parallel; the
/// callback is called (serialised) as each patient finishes. Returns the outcomes in cohort order.
std::vector<PatientOutcome>
writePhantomCohort(const PhantomCohort& cohort, const PhantomAnatomy& anatomy,
                   const PhantomOutputOptions& options,
                   const std::function<void(const PatientOutcome&)>& done);

/// The manifest (JSON) and clinical table (CSV) texts of a cohort.
std::string phantomManifestJson(const PhantomCohort& cohort,
                                const std::vector<PatientOutcome>& outcomes);
std::string phantomClinicalCsv(const PhantomCohort& cohort);

/// A PNG montage of previews (rows of tiles) with ground-truth outlines in colour.
void writePhantomMontage(const std::vector<PhantomPreview>& previews, int tilesPerRow,
                         int tilePixels, const std::filesystem::path& file);

} // namespace metis::phantom
