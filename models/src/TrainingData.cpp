#include "metis/models/TrainingData.h"

#include "metis/core/ConnectedComponents.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>
#include <stdexcept>

namespace metis::models {
namespace {

bool isIsoDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

double uniform(std::mt19937_64& random, double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random);
}

/// Scales the contrast of each small lesion of `mask` to its surroundings by its own factor f in
/// [minFaintLesionContrast, 1], in every channel: value = tissue + (1 - w (1 - f)) (value -
/// tissue), where the tissue is the median of a ring 3-4 pixels out and the weight w is 1 on the
/// lesion and falls off over the two pixels around it (the lesion's blurred edge).
void fadeSmallLesions(float* image, const std::uint8_t* mask, int side, int channels,
                      const AugmentationOptions& options, std::mt19937_64& random) {
    constexpr int kRimPixels = 2;
    constexpr int kRingPixels = 4;
    const auto n = static_cast<std::size_t>(side) * static_cast<std::size_t>(side);
    ImageGeometry plane;
    plane.size = {side, side, 1};
    LabelMap lesions(plane, 0);
    std::copy_n(mask, n, lesions.data().begin());
    const ComponentLabeling labeling = labelConnectedComponents(lesions);
    const std::vector<std::uint16_t>& labels = labeling.labels.data();
    for (const ComponentStats& lesion : labeling.components) {
        if (lesion.voxelCount > static_cast<std::size_t>(options.maxFaintLesionPixels)) {
            continue;
        }
        const double factor = uniform(random, options.minFaintLesionContrast, 1.0);
        const int x0 = std::max<int>(0, static_cast<int>(lesion.boundingBoxMin[0]) - kRingPixels);
        const int y0 = std::max<int>(0, static_cast<int>(lesion.boundingBoxMin[1]) - kRingPixels);
        const int x1 =
            std::min<int>(side - 1, static_cast<int>(lesion.boundingBoxMax[0]) + kRingPixels);
        const int y1 =
            std::min<int>(side - 1, static_cast<int>(lesion.boundingBoxMax[1]) + kRingPixels);
        std::vector<std::pair<int, int>> inside;
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                if (labels[static_cast<std::size_t>(y) * side + x] == lesion.label) {
                    inside.emplace_back(x, y);
                }
            }
        }
        // Chessboard distance to the lesion of every pixel of its neighbourhood.
        std::vector<std::pair<std::size_t, int>> around; // (pixel, distance 1..kRingPixels)
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                int distance = kRingPixels + 1;
                for (const auto& [lx, ly] : inside) {
                    distance = std::min(distance, std::max(std::abs(x - lx), std::abs(y - ly)));
                }
                if (distance >= 1 && distance <= kRingPixels) {
                    around.emplace_back(static_cast<std::size_t>(y) * side + x, distance);
                }
            }
        }
        for (int channel = 0; channel < channels; ++channel) {
            float* values = image + static_cast<std::size_t>(channel) * n;
            std::vector<float> ring;
            for (const auto& [pixel, distance] : around) {
                if (distance > kRimPixels && mask[pixel] == 0) {
                    ring.push_back(values[pixel]);
                }
            }
            if (ring.empty()) {
                continue;
            }
            std::nth_element(ring.begin(), ring.begin() + ring.size() / 2, ring.end());
            const double tissue = ring[ring.size() / 2];
            auto fade = [&](std::size_t pixel, double weight) {
                const double scale = 1.0 - weight * (1.0 - factor);
                values[pixel] = static_cast<float>(tissue + scale * (values[pixel] - tissue));
            };
            for (const auto& [x, y] : inside) {
                fade(static_cast<std::size_t>(y) * side + x, 1.0);
            }
            for (const auto& [pixel, distance] : around) {
                if (distance <= kRimPixels && mask[pixel] == 0) {
                    fade(pixel, 1.0 - static_cast<double>(distance) / (kRimPixels + 1));
                }
            }
        }
    }
}

} // namespace

std::mt19937_64 seededStream(std::uint64_t seed, std::uint64_t epoch, std::uint64_t item) {
    std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                           static_cast<std::uint32_t>(epoch), static_cast<std::uint32_t>(item),
                           static_cast<std::uint32_t>(item >> 32)};
    return std::mt19937_64(sequence);
}

CohortSplit splitCohort(const std::vector<CohortCase>& cases, const std::string& cutoffDate,
                        std::size_t validationCount, std::uint64_t seed) {
    if (!isIsoDate(cutoffDate)) {
        throw std::invalid_argument("cohort split: cutoff '" + cutoffDate +
                                    "' is not a YYYY-MM-DD date");
    }
    CohortSplit split;
    std::vector<std::size_t> earlier;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const CohortCase& c = cases[i];
        if (c.site != "internal") {
            split.externalTest.push_back(i);
            continue;
        }
        if (!isIsoDate(c.diagnosisDate)) {
            throw std::invalid_argument("cohort split: patient " + c.patientId +
                                        " has diagnosis date '" + c.diagnosisDate +
                                        "', expected YYYY-MM-DD");
        }
        // ISO dates order as strings.
        (c.diagnosisDate > cutoffDate ? split.internalTest : earlier).push_back(i);
    }
    if (earlier.size() < validationCount + 1) {
        throw std::invalid_argument("cohort split: " + std::to_string(earlier.size()) +
                                    " internal patient(s) diagnosed on or before " + cutoffDate +
                                    ", need at least " + std::to_string(validationCount + 1) +
                                    " for training and " + std::to_string(validationCount) +
                                    " validation patient(s)");
    }
    std::mt19937_64 random = seededStream(seed, 0, 0);
    std::shuffle(earlier.begin(), earlier.end(), random);
    split.validation.assign(earlier.begin(),
                            earlier.begin() + static_cast<std::ptrdiff_t>(validationCount));
    split.training.assign(earlier.begin() + static_cast<std::ptrdiff_t>(validationCount),
                          earlier.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.training.begin(), split.training.end());
    return split;
}

SliceDataset::SliceDataset(const ModelGridOptions& preprocessing) : preprocessing_(preprocessing) {
    if (preprocessing_.inputSize < 16) {
        throw std::invalid_argument("slice dataset: input size must be at least 16");
    }
}

std::size_t SliceDataset::slicePixels() const {
    return static_cast<std::size_t>(side()) * static_cast<std::size_t>(side());
}

const float* SliceDataset::image(std::size_t slice) const {
    return images_.data() + slice * slicePixels();
}

const std::uint8_t* SliceDataset::mask(std::size_t slice) const {
    return masks_.data() + slice * slicePixels();
}

void SliceDataset::addPatient(const std::string& patientId, const ImageVolume& series,
                              const LabelMap& gtv, int egfrMutant,
                              std::size_t maxFreeSlicesPerPatient) {
    if (!series.geometry().sameGridAs(gtv.geometry())) {
        throw std::invalid_argument("slice dataset: the GTV mask of patient " + patientId +
                                    " is not on its image series' grid");
    }
    const ModelInput input = prepareModelInput(series, nullptr, preprocessing_);
    LabelMap modelGtv = input.grid.labelsToModel(gtv);
    restoredLesions_ += input.grid.keepEveryLesion(gtv, modelGtv);
    const std::size_t pixels = slicePixels();
    const std::size_t slices = input.image.geometry().size[2];

    std::vector<std::size_t> withMetastasis;
    std::vector<std::size_t> without;
    for (std::size_t k = 0; k < slices; ++k) {
        const auto* labels = modelGtv.data().data() + k * pixels;
        const bool any = std::any_of(labels, labels + pixels, [](std::uint16_t v) { return v; });
        (any ? withMetastasis : without).push_back(k);
    }
    // Spread the metastasis-free slices evenly over the head rather than taking the first few.
    std::vector<std::size_t> chosenFree;
    const std::size_t freeCount = std::min(maxFreeSlicesPerPatient, without.size());
    for (std::size_t n = 0; n < freeCount; ++n) {
        chosenFree.push_back(without[(2 * n + 1) * without.size() / (2 * freeCount)]);
    }

    const std::size_t patient = patientIds_.size();
    patientIds_.push_back(patientId);
    egfrLabels_.push_back(egfrMutant);
    auto keep = [&](std::size_t k, bool metastasis) {
        const float* image = input.image.data().data() + k * pixels;
        images_.insert(images_.end(), image, image + pixels);
        const auto* labels = modelGtv.data().data() + k * pixels;
        for (std::size_t i = 0; i < pixels; ++i) {
            masks_.push_back(labels[i] != 0 ? 1 : 0);
        }
        patientIndex_.push_back(patient);
        metastasis_.push_back(metastasis ? 1 : 0);
        sliceIndex_.push_back(static_cast<std::uint32_t>(k));
        indexPosition(patientIndex_.size() - 1);
    };
    for (const std::size_t k : withMetastasis) {
        keep(k, true);
    }
    for (const std::size_t k : chosenFree) {
        keep(k, false);
    }
}

void SliceDataset::append(const SliceDataset& other) {
    if (other.side() != side()) {
        throw std::invalid_argument("slice dataset: cannot append slices of another input size");
    }
    if (other.preprocessing_.antiAliasing != preprocessing_.antiAliasing) {
        throw std::invalid_argument(
            "slice dataset: cannot append point-sampled slices to anti-aliased ones or back");
    }
    const std::size_t firstPatient = patientIds_.size();
    patientIds_.insert(patientIds_.end(), other.patientIds_.begin(), other.patientIds_.end());
    egfrLabels_.insert(egfrLabels_.end(), other.egfrLabels_.begin(), other.egfrLabels_.end());
    images_.insert(images_.end(), other.images_.begin(), other.images_.end());
    masks_.insert(masks_.end(), other.masks_.begin(), other.masks_.end());
    metastasis_.insert(metastasis_.end(), other.metastasis_.begin(), other.metastasis_.end());
    const bool positions = hasSlicePositions() && other.hasSlicePositions();
    for (const std::size_t p : other.patientIndex_) {
        patientIndex_.push_back(firstPatient + p);
    }
    if (positions) {
        sliceIndex_.insert(sliceIndex_.end(), other.sliceIndex_.begin(), other.sliceIndex_.end());
    } else {
        sliceIndex_.clear();
    }
    indexPositions();
    restoredLesions_ += other.restoredLesions_;
}

void SliceDataset::indexPositions() {
    byPosition_.clear();
    if (!hasSlicePositions()) {
        return;
    }
    for (std::size_t s = 0; s < sliceIndex_.size(); ++s) {
        indexPosition(s);
    }
}

void SliceDataset::indexPosition(std::size_t slice) {
    byPosition_.emplace(std::pair{patientIndex_[slice], sliceIndex_[slice]}, slice);
}

std::size_t SliceDataset::neighbour(std::size_t slice, int offset) const {
    if (!hasSlicePositions()) {
        throw std::logic_error("slice dataset: the slices carry no positions (a file written "
                               "before version 4); prepare them again");
    }
    const std::int64_t k = sliceIndex_[slice];
    const int step = offset > 0 ? 1 : -1;
    for (int o = offset; o != 0; o -= step) {
        if (k + o < 0) {
            continue;
        }
        const auto found =
            byPosition_.find({patientIndex_[slice], static_cast<std::uint32_t>(k + o)});
        if (found != byPosition_.end()) {
            return found->second;
        }
    }
    return slice;
}

std::vector<std::size_t> SliceDataset::metastasisSlices() const {
    std::vector<std::size_t> slices;
    for (std::size_t i = 0; i < metastasis_.size(); ++i) {
        if (metastasis_[i]) {
            slices.push_back(i);
        }
    }
    return slices;
}

std::vector<std::size_t> SliceDataset::metastasisFreeSlices() const {
    std::vector<std::size_t> slices;
    for (std::size_t i = 0; i < metastasis_.size(); ++i) {
        if (!metastasis_[i]) {
            slices.push_back(i);
        }
    }
    return slices;
}

namespace {

constexpr char kSliceFileMagic[8] = {'M', 'E', 'T', 'I', 'S', 'S', 'L', 'C'};
// Version 2 adds the anti-aliasing flag; version 1 files hold point-sampled slices. Version 3
// masks keep every lesion (ModelGrid::keepEveryLesion); older ones can miss the smallest.
// Version 4 stores each slice's model-grid position, which context slices need.
constexpr std::uint32_t kSliceFileVersion = 4;

template <typename T> void writeValue(std::ofstream& out, const T& value) {
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T> void writeArray(std::ofstream& out, const std::vector<T>& values) {
    writeValue(out, static_cast<std::uint64_t>(values.size()));
    out.write(reinterpret_cast<const char*>(values.data()),
              static_cast<std::streamsize>(values.size() * sizeof(T)));
}

class SliceFileReader {
public:
    explicit SliceFileReader(const std::filesystem::path& path)
        : path_(path), in_(path, std::ios::binary) {
        if (!in_) {
            throw std::runtime_error(path.string() + ": cannot open the prepared slice file");
        }
    }
    template <typename T> T value() {
        T v{};
        read(&v, sizeof v);
        return v;
    }
    template <typename T> std::vector<T> array(std::uint64_t limit) {
        const auto count = value<std::uint64_t>();
        if (count > limit) {
            fail("an array of " + std::to_string(count) + " values is larger than the file");
        }
        std::vector<T> values(count);
        read(values.data(), count * sizeof(T));
        return values;
    }
    void read(void* data, std::size_t bytes) {
        if (!in_.read(static_cast<char*>(data), static_cast<std::streamsize>(bytes))) {
            fail("truncated");
        }
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error(path_.string() + ": not a valid prepared slice file (" + what +
                                 ")");
    }

private:
    std::filesystem::path path_;
    std::ifstream in_;
};

} // namespace

void SliceDataset::save(const std::filesystem::path& path) const {
    const std::filesystem::path partial = path.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(kSliceFileMagic, sizeof kSliceFileMagic);
        writeValue(out, kSliceFileVersion);
        writeValue(out, static_cast<std::int32_t>(preprocessing_.inputSize));
        writeValue(out, preprocessing_.fieldOfViewMm);
        writeValue(out, preprocessing_.sliceSpacingMm);
        writeValue(out, static_cast<std::uint8_t>(preprocessing_.antiAliasing ? 1 : 0));
        writeValue(out, preprocessing_.lowerPercentile);
        writeValue(out, preprocessing_.upperPercentile);
        writeValue(out, static_cast<std::uint64_t>(patientIds_.size()));
        for (std::size_t p = 0; p < patientIds_.size(); ++p) {
            writeValue(out, static_cast<std::uint32_t>(patientIds_[p].size()));
            out.write(patientIds_[p].data(), static_cast<std::streamsize>(patientIds_[p].size()));
            writeValue(out, static_cast<std::int32_t>(egfrLabels_[p]));
        }
        std::vector<std::uint64_t> patientIndex(patientIndex_.begin(), patientIndex_.end());
        writeArray(out, patientIndex);
        writeArray(out, metastasis_);
        writeArray(out, sliceIndex_);
        writeArray(out, images_);
        writeArray(out, masks_);
        if (!out.flush()) {
            throw std::runtime_error(partial.string() + ": cannot write (disk full?)");
        }
    }
    std::filesystem::rename(partial, path);
}

SliceDataset SliceDataset::load(const std::filesystem::path& path) {
    SliceFileReader in(path);
    const auto fileBytes = std::filesystem::file_size(path);
    char magic[sizeof kSliceFileMagic];
    in.read(magic, sizeof magic);
    if (std::memcmp(magic, kSliceFileMagic, sizeof magic) != 0) {
        in.fail("wrong signature");
    }
    const auto version = in.value<std::uint32_t>();
    if (version < 1 || version > kSliceFileVersion) {
        in.fail("unsupported version");
    }
    ModelGridOptions options;
    options.inputSize = in.value<std::int32_t>();
    options.fieldOfViewMm = in.value<double>();
    options.sliceSpacingMm = in.value<double>();
    options.antiAliasing = version >= 2 && in.value<std::uint8_t>() != 0;
    options.lowerPercentile = in.value<double>();
    options.upperPercentile = in.value<double>();
    if (options.inputSize < 16 || options.inputSize > 4096) {
        in.fail("input size " + std::to_string(options.inputSize));
    }
    SliceDataset data(options);
    const auto patients = in.value<std::uint64_t>();
    if (patients > fileBytes) {
        in.fail("patient count");
    }
    for (std::uint64_t p = 0; p < patients; ++p) {
        const auto length = in.value<std::uint32_t>();
        if (length > 4096) {
            in.fail("patient id length");
        }
        std::string id(length, '\0');
        in.read(id.data(), length);
        data.patientIds_.push_back(id);
        data.egfrLabels_.push_back(in.value<std::int32_t>());
    }
    const auto patientIndex = in.array<std::uint64_t>(fileBytes);
    data.patientIndex_.assign(patientIndex.begin(), patientIndex.end());
    data.metastasis_ = in.array<std::uint8_t>(fileBytes);
    if (version >= 4) {
        data.sliceIndex_ = in.array<std::uint32_t>(fileBytes);
    }
    data.images_ = in.array<float>(fileBytes);
    data.masks_ = in.array<std::uint8_t>(fileBytes);
    const std::size_t slices = data.patientIndex_.size();
    if (data.metastasis_.size() != slices || data.images_.size() != slices * data.slicePixels() ||
        data.masks_.size() != slices * data.slicePixels() ||
        (version >= 4 && data.sliceIndex_.size() != slices)) {
        in.fail("slice arrays of different lengths");
    }
    for (const std::size_t p : data.patientIndex_) {
        if (p >= data.patientIds_.size()) {
            in.fail("slice of an unknown patient");
        }
    }
    data.indexPositions();
    return data;
}

std::vector<double> lesionBalancedWeights(const SliceDataset& data) {
    std::vector<double> weights(data.sliceCount(), 0.0);
    const std::int64_t side = data.side();
    const std::size_t pixels = data.slicePixels();
    std::vector<std::vector<std::size_t>> slicesOfPatient(data.patientCount());
    for (const std::size_t slice : data.metastasisSlices()) {
        slicesOfPatient[data.patientOf(slice)].push_back(slice);
    }
    for (const std::vector<std::size_t>& slices : slicesOfPatient) {
        if (slices.empty()) {
            continue;
        }
        ImageGeometry stack;
        stack.size = {side, side, static_cast<std::int64_t>(slices.size())};
        LabelMap masks(stack, 0);
        for (std::size_t z = 0; z < slices.size(); ++z) {
            std::copy_n(data.mask(slices[z]), pixels, masks.data().begin() + z * pixels);
        }
        // A connected lesion in the stack covers every slice from its first to its last, so its
        // bounding box gives the slices it spans.
        for (const ComponentStats& lesion : labelConnectedComponents(masks).components) {
            const std::int64_t first = lesion.boundingBoxMin[2];
            const std::int64_t last = lesion.boundingBoxMax[2];
            const double share = 1.0 / static_cast<double>(last - first + 1);
            for (std::int64_t z = first; z <= last; ++z) {
                weights[slices[static_cast<std::size_t>(z)]] += share;
            }
        }
    }
    return weights;
}

std::vector<std::size_t> epochSlices(const SliceDataset& data, double metastasisFreeFraction,
                                     std::uint64_t seed, int epoch, double lesionBalancedShare,
                                     const std::vector<double>& lesionWeights) {
    if (!(metastasisFreeFraction >= 0.0 && metastasisFreeFraction < 1.0)) {
        throw std::invalid_argument("metastasis-free fraction must lie in [0, 1)");
    }
    if (!(lesionBalancedShare >= 0.0)) {
        throw std::invalid_argument("the lesion-balanced share must not be negative");
    }
    if (lesionBalancedShare > 0.0 && lesionWeights.size() != data.sliceCount()) {
        throw std::invalid_argument("lesion-balanced drawing needs one weight per slice");
    }
    std::vector<std::size_t> slices = data.metastasisSlices();
    if (lesionBalancedShare > 0.0 && !slices.empty()) {
        // A stream of its own: the free-slice and shuffle draws below keep their sequence.
        std::mt19937_64 balanced = seededStream(seed, static_cast<std::uint64_t>(epoch) + 1, 1);
        std::discrete_distribution<std::size_t> draw(lesionWeights.begin(), lesionWeights.end());
        const auto extra = static_cast<std::size_t>(
            std::lround(static_cast<double>(slices.size()) * lesionBalancedShare));
        for (std::size_t n = 0; n < extra; ++n) {
            slices.push_back(draw(balanced));
        }
    }
    std::vector<std::size_t> pool = data.metastasisFreeSlices();
    std::mt19937_64 random = seededStream(seed, static_cast<std::uint64_t>(epoch) + 1, 0);
    // free / (lesion + free) = fraction  =>  free = lesion * fraction / (1 - fraction)
    const auto wanted = static_cast<std::size_t>(
        std::lround(static_cast<double>(slices.size()) * metastasisFreeFraction /
                    (1.0 - metastasisFreeFraction)));
    std::shuffle(pool.begin(), pool.end(), random);
    pool.resize(std::min(wanted, pool.size()));
    slices.insert(slices.end(), pool.begin(), pool.end());
    std::shuffle(slices.begin(), slices.end(), random);
    return slices;
}

void augmentSlice(float* image, std::uint8_t* mask, int side, const AugmentationOptions& options,
                  std::mt19937_64& random, int channels) {
    if (!options.enabled) {
        return;
    }
    const auto n = static_cast<std::size_t>(side) * static_cast<std::size_t>(side);
    const std::size_t values = n * static_cast<std::size_t>(std::max(1, channels));
    const bool flip = uniform(random, 0.0, 1.0) < options.flipProbability;
    const double angle = uniform(random, -options.maxRotationDegrees, options.maxRotationDegrees) *
                         3.14159265358979323846 / 180.0;
    const double scale = 1.0 + uniform(random, -options.maxScaleChange, options.maxScaleChange);
    const double intensityScale =
        1.0 + uniform(random, -options.maxIntensityScale, options.maxIntensityScale);
    const double intensityShift =
        uniform(random, -options.maxIntensityShift, options.maxIntensityShift);
    const double gamma = 1.0 + uniform(random, -options.maxGammaChange, options.maxGammaChange);
    const double noise = uniform(random, 0.0, options.maxNoiseStandardDeviation);
    // Drawn only when on, so that the draws above stay those of runs without it.
    if (options.faintLesionProbability > 0.0 &&
        uniform(random, 0.0, 1.0) < options.faintLesionProbability) {
        fadeSmallLesions(image, mask, side, std::max(1, channels), options, random);
    }

    // Inverse mapping: each output pixel samples the input at R^-1 S^-1 (p - c) + c.
    const std::vector<float> sourceImage(image, image + values);
    const std::vector<std::uint8_t> sourceMask(mask, mask + n);
    const float background = *std::min_element(sourceImage.begin(), sourceImage.end());
    const double centre = 0.5 * (side - 1);
    const double c = std::cos(angle) / scale;
    const double s = std::sin(angle) / scale;
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const double dx = (flip ? (side - 1 - x) : x) - centre;
            const double dy = y - centre;
            const double sx = c * dx + s * dy + centre;
            const double sy = -s * dx + c * dy + centre;
            const auto out = static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x);
            const int x0 = static_cast<int>(std::floor(sx));
            const int y0 = static_cast<int>(std::floor(sy));
            const double fx = sx - x0;
            const double fy = sy - y0;
            for (std::size_t channel = 0; channel < values; channel += n) {
                auto pixel = [&](int px, int py) -> float {
                    if (px < 0 || py < 0 || px >= side || py >= side) {
                        return background;
                    }
                    return sourceImage[channel + static_cast<std::size_t>(py) * side +
                                       static_cast<std::size_t>(px)];
                };
                image[channel + out] = static_cast<float>(
                    (1 - fy) * ((1 - fx) * pixel(x0, y0) + fx * pixel(x0 + 1, y0)) +
                    fy * ((1 - fx) * pixel(x0, y0 + 1) + fx * pixel(x0 + 1, y0 + 1)));
            }
            const int nx = static_cast<int>(std::lround(sx));
            const int ny = static_cast<int>(std::lround(sy));
            mask[out] = (nx < 0 || ny < 0 || nx >= side || ny >= side)
                            ? 0
                            : sourceMask[static_cast<std::size_t>(ny) * side +
                                         static_cast<std::size_t>(nx)];
        }
    }

    // Gamma acts on the slices' own [min, max] range so that z-scored (signed) values stay
    // meaningful; then scale, shift and Gaussian noise.
    const auto [lowIt, highIt] = std::minmax_element(image, image + values);
    const double low = *lowIt;
    const double range = std::max(1e-6, static_cast<double>(*highIt) - low);
    std::normal_distribution<double> gaussian(0.0, 1.0);
    for (std::size_t i = 0; i < values; ++i) {
        const double unit = (image[i] - low) / range;
        double value = low + range * std::pow(unit, gamma);
        value = value * intensityScale + intensityShift + noise * gaussian(random);
        image[i] = static_cast<float>(value);
    }
}

} // namespace metis::models
