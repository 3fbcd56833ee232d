#pragma once
// Training data for MTSA-Net: the cohort split of the paper, model-grid slices held in memory,
// and slice augmentation. Torch-free: the CLI and the training wizard fill these from whatever
// they read (DICOM + masks, a database), the trainer turns them into tensors.

#include "metis/core/ModelGrid.h"
#include "metis/core/Volume.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace metis::models {

/// One patient of a training cohort as the split sees it.
struct CohortCase {
    std::string patientId;
    std::string diagnosisDate; ///< YYYY-MM-DD
    std::string site;          ///< "internal" for the training site; anything else is external
    int egfrMutant = -1;       ///< 1 mutant, 0 wild-type, -1 unknown
};

/// The paper's split (TRIPOD temporal validation): internal patients diagnosed after the cutoff
/// form the internal test set, `validationCount` random internal patients diagnosed on or before
/// it form the validation set, the other earlier internal patients the training set; patients
/// of other sites form the external test set. Indices into the case list, each set sorted.
struct CohortSplit {
    std::vector<std::size_t> training;
    std::vector<std::size_t> validation;
    std::vector<std::size_t> internalTest;
    std::vector<std::size_t> externalTest;
};

/// Deterministic for a given seed. Throws std::invalid_argument when a date is not YYYY-MM-DD
/// or fewer than validationCount + 1 patients are left for training and validation.
CohortSplit splitCohort(const std::vector<CohortCase>& cases, const std::string& cutoffDate,
                        std::size_t validationCount, std::uint64_t seed);

/// Model-grid slices of many patients, in memory: every slice with metastasis plus a bounded
/// number of metastasis-free ones per patient (the pool the trainer samples its metastasis-free
/// share from).
class SliceDataset {
public:
    explicit SliceDataset(const ModelGridOptions& preprocessing);

    /// Resamples `series` and `gtv` (same grid, non-zero = metastasis) to the model grid with
    /// the normalisation inference uses (no brain mask: the foreground stands in, as at
    /// inference; every lesion keeps at least one voxel), keeps every slice with metastasis and up
    /// to `maxFreeSlicesPerPatient` metastasis-free slices spread evenly over the head (by default
    /// all of them: a network that never sees the vertex, the skull base or the orbits marks
    /// lesions there). Throws std::invalid_argument naming the patient when the grids differ.
    void addPatient(const std::string& patientId, const ImageVolume& series, const LabelMap& gtv,
                    int egfrMutant,
                    std::size_t maxFreeSlicesPerPatient = std::numeric_limits<std::size_t>::max());

    const ModelGridOptions& preprocessing() const { return preprocessing_; }
    int side() const { return preprocessing_.inputSize; }
    std::size_t slicePixels() const;
    std::size_t sliceCount() const { return patientIndex_.size(); }
    std::size_t patientCount() const { return patientIds_.size(); }
    const std::vector<std::string>& patientIds() const { return patientIds_; }

    const float* image(std::size_t slice) const;
    const std::uint8_t* mask(std::size_t slice) const;
    int egfrMutant(std::size_t slice) const { return egfrLabels_[patientIndex_[slice]]; }
    std::size_t patientOf(std::size_t slice) const { return patientIndex_[slice]; }
    bool hasMetastasis(std::size_t slice) const { return metastasis_[slice] != 0; }

    /// False for files written before slice positions were stored (version 3 and older): their
    /// slices have no neighbours.
    bool hasSlicePositions() const { return sliceIndex_.size() == patientIndex_.size(); }
    /// The stored slice `offset` model slices above (+) or below (-) `slice` in the same patient;
    /// where that one was not kept (beyond the head's first or last slice, or a metastasis-free
    /// slice left out), the nearest kept one between them, at worst `slice` itself: inference
    /// repeats the volume's edge slice the same way. Throws std::logic_error without positions.
    std::size_t neighbour(std::size_t slice, int offset) const;

    /// Lesions smaller than a model voxel that addPatient kept by their centre voxel
    /// (ModelGrid::keepEveryLesion), over the patients added here; 0 for a loaded file.
    std::size_t restoredLesions() const { return restoredLesions_; }

    std::vector<std::size_t> metastasisSlices() const;
    std::vector<std::size_t> metastasisFreeSlices() const;

    /// Appends every patient and slice of `other` (prepared with the same preprocessing), so that
    /// several threads can prepare patients into datasets of their own.
    void append(const SliceDataset& other);

    /// Writes the prepared slices to one file, so that training can run where the DICOM and
    /// NIfTI readers are not built (the headless GPU build) or again without re-reading a cohort.
    void save(const std::filesystem::path& path) const;
    /// Reads a file written by save(); throws std::runtime_error naming the file when it is
    /// missing, truncated or not a slice file.
    static SliceDataset load(const std::filesystem::path& path);

private:
    ModelGridOptions preprocessing_;
    std::vector<std::string> patientIds_;
    std::vector<int> egfrLabels_;
    std::vector<float> images_;
    std::vector<std::uint8_t> masks_;
    std::vector<std::size_t> patientIndex_;
    std::vector<std::uint8_t> metastasis_;
    std::vector<std::uint32_t> sliceIndex_; ///< model-grid slice k of each stored slice
    std::map<std::pair<std::size_t, std::uint32_t>, std::size_t> byPosition_; ///< (patient, k)
    std::size_t restoredLesions_ = 0;

    void indexPositions();
    void indexPosition(std::size_t slice);
};

/// Per slice, its share of the lesions it shows: the sum over those lesions of 1 / (the number
/// of slices the lesion spans), so that slices drawn by this weight show every lesion equally
/// often whatever its size (a 30 mm metastasis spans 15 slices of 2 mm, a 3 mm one 1 or 2).
/// A lesion is a connected region of one patient's masks with that patient's metastasis slices
/// stacked in their stored order (head-foot; two lesions separated only by metastasis-free
/// slices count as one where they overlap in plane). 0 for metastasis-free slices.
std::vector<double> lesionBalancedWeights(const SliceDataset& data);

/// The slices of one epoch: every metastasis slice once; then, when `lesionBalancedShare` > 0,
/// that share of their number drawn again by `lesionWeights` (lesionBalancedWeights of `data`,
/// with replacement), which shows small lesions more often; then metastasis-free slices drawn so
/// that they make up `metastasisFreeFraction` of the epoch (as far as the pool allows);
/// shuffled. Deterministic for (seed, epoch); with no balanced share the epoch is the one
/// earlier versions drew.
std::vector<std::size_t> epochSlices(const SliceDataset& data, double metastasisFreeFraction,
                                     std::uint64_t seed, int epoch,
                                     double lesionBalancedShare = 0.0,
                                     const std::vector<double>& lesionWeights = {});

/// A random stream of its own per (seed, epoch, item), so that what a slice gets does not
/// depend on which thread prepares it, and a resumed run sees the data of an uninterrupted one.
std::mt19937_64 seededStream(std::uint64_t seed, std::uint64_t epoch, std::uint64_t item);

/// Random slice augmentation (MTSA-NET.md: flips, small rotations and scaling, intensity and
/// gamma, noise). Geometric changes move image and mask together (bilinear / nearest).
struct AugmentationOptions {
    bool enabled = true;
    double flipProbability = 0.5; ///< left-right mirror
    double maxRotationDegrees = 10.0;
    double maxScaleChange = 0.1; ///< scale in [1 - m, 1 + m]
    double maxIntensityScale = 0.1;
    double maxIntensityShift = 0.1; ///< in units of the z-scored intensity
    double maxGammaChange = 0.2;    ///< gamma in [1 - m, 1 + m] on the slice's min-max range
    /// In z-score units. The prepared 192 px slices of the phantom cohort carry noise of about
    /// 0.08-0.12 (median absolute Laplacian, validation heads); 0.15 added in quadrature spans
    /// the noisier scanners (WM SNR down to 15) that the training site has few of.
    double maxNoiseStandardDeviation = 0.15;
    /// Share of slices whose small lesions are made fainter: each lesion of at most
    /// `maxFaintLesionPixels` pixels has its contrast to the tissue around it (the median of a
    /// ring 3-4 pixels out) scaled by a factor drawn from [minFaintLesionContrast, 1]. The small
    /// metastases the network misses are the faintly enhancing ones, which the cohort holds few
    /// of (docs/mtsa-net-demo.md); 0: off.
    double faintLesionProbability = 0.0;
    double minFaintLesionContrast = 0.4;
    int maxFaintLesionPixels = 64; ///< 10 mm across at the demo model's 1.25 mm pixels
};

/// Augments one square slice in place. `image` holds `channels` x side^2 values (the slice and
/// its context slices, all moved and re-scaled alike), `mask` side^2. A faded lesion keeps its
/// label.
void augmentSlice(float* image, std::uint8_t* mask, int side, const AugmentationOptions& options,
                  std::mt19937_64& random, int channels = 1);

} // namespace metis::models
