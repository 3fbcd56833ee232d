// Training pipeline on a tiny network: the paper's cohort split, prepared slices on disk,
// augmentation, early stopping, resume that reproduces the uninterrupted run, cancel, and the
// package written from the best weights.
#include "SyntheticLesions.h"
#include "TempDir.h"
#include "metis/models/ModelPackage.h"
#include "metis/models/Trainer.h"
#include "metis/models/TrainingData.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iomanip>
#include <random>
#include <string>
#include <vector>

using namespace metis;
using namespace metis::models;
namespace fs = std::filesystem;

namespace {

constexpr int kSide = 64;

/// A noisy head-sized block with bright ellipsoidal lesions, and its lesion mask.
std::pair<ImageVolume, LabelMap> syntheticPatient(std::uint64_t seed, double shiftMm) {
    ImageGeometry g;
    g.size = {kSide, kSide, 12};
    g.spacing = {240.0 / kSide, 240.0 / kSide, 4.0};
    g.origin = {-120.0 + 240.0 / kSide / 2, -120.0 + 240.0 / kSide / 2, -22.0};
    const LabelMap lesions = test_lesions::paintEllipsoids(
        g, {{{30 + shiftMm, -20, 0}, {14, 12, 9}, 1}, {{-40, 30 - shiftMm, -6}, {9, 9, 7}, 1}});
    ImageVolume image(g, 0.0f);
    std::mt19937_64 random(seed);
    std::normal_distribution<float> noise(0.0f, 8.0f);
    for (std::size_t i = 0; i < image.data().size(); ++i) {
        image.data()[i] = 100.0f + noise(random) + (lesions.data()[i] ? 90.0f : 0.0f);
    }
    return {image, lesions};
}

SliceDataset syntheticDataset(int patients, std::uint64_t seed) {
    ModelGridOptions grid;
    grid.inputSize = kSide;
    SliceDataset data(grid);
    for (int p = 0; p < patients; ++p) {
        const auto [image, mask] = syntheticPatient(seed + static_cast<std::uint64_t>(p), 4.0 * p);
        data.addPatient("P" + std::to_string(p), image, mask, p % 2, 4);
    }
    return data;
}

TrainingOptions tinyOptions(const fs::path& workDir) {
    TrainingOptions o;
    o.architecture.inputSize = kSide;
    o.architecture.baseWidth = 2;
    o.architecture.embedDim = 8;
    o.architecture.attentionHeads = 2;
    o.architecture.mlpRatio = 2;
    o.batchSize = 4;
    o.maxEpochs = 3;
    o.maxSlicesPerEpoch = 8;
    o.threads = 1; // one thread: bitwise-reproducible reductions for the resume comparison
    o.workDir = workDir;
    return o;
}

class CancelDuringEpoch final : public ProgressSink {
public:
    explicit CancelDuringEpoch(std::string marker) : marker_(std::move(marker)) {}
    void begin(const std::string&) override {}
    bool report(double, const std::string& detail) override {
        return detail.rfind(marker_, 0) != 0;
    }
    void end() override {}

private:
    std::string marker_;
};

std::string fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The bytes of a version 4 slice file rewritten as `version` (3 or 1): without the slice
/// positions, and for version 1 also without the anti-aliasing flag (byte 32).
std::string olderSliceFile(const std::string& bytes, const SliceDataset& data, char version) {
    std::size_t offset = 57; // magic, version, grid options, patient count
    for (const std::string& id : data.patientIds()) {
        offset += 4 + id.size() + 4;
    }
    const std::size_t slices = data.sliceCount();
    offset += 8 + 8 * slices; // patient of each slice
    offset += 8 + slices;     // metastasis flags
    std::string older = bytes;
    older.erase(offset, 8 + 4 * slices);
    older[8] = version;
    if (version < 2) {
        older.erase(32, 1);
    }
    return older;
}

std::vector<std::string> lines(const fs::path& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST(ModelsTrainer, splitFollowsTheTemporalRule) {
    std::vector<CohortCase> cases;
    for (int i = 0; i < 30; ++i) {
        CohortCase c;
        c.patientId = "P" + std::to_string(i);
        c.site = i >= 26 ? "external" : "internal";
        c.diagnosisDate = i < 20
                              ? "2020-01-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1)
                              : "2021-06-01";
        cases.push_back(c);
    }
    const CohortSplit split = splitCohort(cases, "2021-05-01", 5, 7);
    ASSERT_EQ(split.externalTest, (std::vector<std::size_t>{26, 27, 28, 29}));
    ASSERT_EQ(split.internalTest, (std::vector<std::size_t>{20, 21, 22, 23, 24, 25}));
    ASSERT_EQ(split.validation.size(), std::size_t(5));
    ASSERT_EQ(split.training.size(), std::size_t(15));
    std::vector<std::size_t> earlier = split.validation;
    earlier.insert(earlier.end(), split.training.begin(), split.training.end());
    std::sort(earlier.begin(), earlier.end());
    for (std::size_t i = 0; i < earlier.size(); ++i) {
        ASSERT_EQ(earlier[i], i); // every patient on or before the cutoff, exactly once
    }
    ASSERT_EQ(splitCohort(cases, "2021-05-01", 5, 7).validation, split.validation);
    ASSERT_TRUE(splitCohort(cases, "2021-05-01", 5, 8).validation != split.validation);
    ASSERT_THROW(splitCohort(cases, "2021-5-1", 5, 7), std::invalid_argument);
    ASSERT_THROW(splitCohort(cases, "2021-05-01", 20, 7), std::invalid_argument);
}

TEST(ModelsTrainer, datasetKeepsMetastasisSlicesAndRoundTrips) {
    const SliceDataset data = syntheticDataset(2, 1);
    ASSERT_EQ(data.patientCount(), std::size_t(2));
    ASSERT_TRUE(!data.metastasisSlices().empty());
    ASSERT_EQ(data.metastasisFreeSlices().size(), std::size_t(2 * 4));
    for (const std::size_t s : data.metastasisSlices()) {
        const std::uint8_t* mask = data.mask(s);
        ASSERT_TRUE(std::any_of(mask, mask + data.slicePixels(), [](std::uint8_t v) { return v; }));
    }
    test_tools::TempDir dir;
    const fs::path file = dir.path() / "data.slices";
    data.save(file);
    const SliceDataset loaded = SliceDataset::load(file);
    ASSERT_EQ(loaded.sliceCount(), data.sliceCount());
    ASSERT_EQ(loaded.patientIds(), data.patientIds());
    const std::size_t last = data.sliceCount() - 1;
    ASSERT_TRUE(
        std::equal(data.image(last), data.image(last) + data.slicePixels(), loaded.image(last)));
    ASSERT_EQ(loaded.egfrMutant(last), data.egfrMutant(last));
    ASSERT_TRUE(loaded.hasSlicePositions());
    for (std::size_t s = 0; s < data.sliceCount(); ++s) {
        for (const int offset : {-2, -1, 1, 2}) {
            ASSERT_EQ(loaded.neighbour(s, offset), data.neighbour(s, offset));
        }
    }

    ASSERT_FALSE(loaded.preprocessing().antiAliasing);

    const std::string bytes = fileBytes(file);
    ASSERT_EQ(bytes[8], 4); // the version, little-endian
    // Version 3 files hold no slice positions: the same slices, no neighbours.
    const fs::path version3 = dir.path() / "version3.slices";
    std::ofstream(version3, std::ios::binary) << olderSliceFile(bytes, data, 3);
    const SliceDataset fromVersion3 = SliceDataset::load(version3);
    ASSERT_FALSE(fromVersion3.hasSlicePositions());
    ASSERT_THROW(fromVersion3.neighbour(0, 1), std::logic_error);
    ASSERT_TRUE(std::equal(data.image(last), data.image(last) + data.slicePixels(),
                           fromVersion3.image(last)));
    // Version 1 files (before the anti-aliasing flag, byte 32) hold point-sampled slices.
    const fs::path older = dir.path() / "older.slices";
    std::ofstream(older, std::ios::binary) << olderSliceFile(bytes, data, 1);
    const SliceDataset fromOlder = SliceDataset::load(older);
    ASSERT_FALSE(fromOlder.preprocessing().antiAliasing);
    ASSERT_TRUE(
        std::equal(data.image(last), data.image(last) + data.slicePixels(), fromOlder.image(last)));
    ModelGridOptions smoothed = data.preprocessing();
    smoothed.antiAliasing = true;
    SliceDataset withFlag(smoothed);
    ASSERT_THROW(withFlag.append(data), std::invalid_argument); // no mixed grids
    const auto [image, mask] = syntheticPatient(1, 0.0);
    withFlag.addPatient("P0", image, mask, 1, 4);
    withFlag.save(dir.path() / "smoothed.slices");
    ASSERT_TRUE(SliceDataset::load(dir.path() / "smoothed.slices").preprocessing().antiAliasing);

    fs::resize_file(file, fs::file_size(file) / 2);
    try {
        SliceDataset::load(file);
        FAIL() << "a truncated slice file was accepted";
    } catch (const std::runtime_error& e) {
        ASSERT_TRUE(std::string(e.what()).find(file.string()) != std::string::npos);
        ASSERT_TRUE(std::string(e.what()).find("truncated") != std::string::npos);
    }
}

TEST(ModelsTrainer, epochSlicesHonourTheMetastasisFreeShare) {
    const SliceDataset data = syntheticDataset(3, 1);
    const std::size_t lesionSlices = data.metastasisSlices().size();
    const auto slices = epochSlices(data, 0.25, 3, 1);
    const auto free = static_cast<std::size_t>(std::count_if(
        slices.begin(), slices.end(), [&](std::size_t s) { return !data.hasMetastasis(s); }));
    ASSERT_EQ(slices.size() - free, lesionSlices);
    ASSERT_EQ(free,
              std::min<std::size_t>(data.metastasisFreeSlices().size(),
                                    static_cast<std::size_t>(std::lround(lesionSlices / 3.0))));
    ASSERT_EQ(epochSlices(data, 0.25, 3, 1), slices);
    ASSERT_TRUE(epochSlices(data, 0.25, 3, 2) != slices);
    ASSERT_EQ(epochSlices(data, 0.0, 3, 1).size(), lesionSlices);
}

TEST(ModelsTrainer, lesionBalancedDrawsShowSmallLesionsAsOftenAsLargeOnes) {
    // One patient: a metastasis of 36 mm head-foot and one of 4 mm, on 4 mm slices.
    ImageGeometry g;
    g.size = {kSide, kSide, 16};
    g.spacing = {240.0 / kSide, 240.0 / kSide, 4.0};
    g.origin = {-120.0, -120.0, -30.0};
    const LabelMap lesions = test_lesions::paintEllipsoids(
        g, {{{30, -20, -6}, {14, 12, 18}, 1}, {{-40, 30, 22}, {5, 5, 3}, 1}});
    ImageVolume image(g, 0.0f);
    std::mt19937_64 random(3);
    std::normal_distribution<float> noise(100.0f, 8.0f);
    for (float& v : image.data()) {
        v = noise(random);
    }
    ModelGridOptions grid;
    grid.inputSize = kSide;
    SliceDataset data(grid);
    data.addPatient("P0", image, lesions, 1, 4);

    const std::vector<double> weights = lesionBalancedWeights(data);
    ASSERT_EQ(weights.size(), data.sliceCount());
    double total = 0.0;
    std::vector<std::size_t> smallLesionSlices;
    std::vector<std::size_t> largeLesionSlices;
    for (std::size_t s = 0; s < data.sliceCount(); ++s) {
        total += weights[s];
        if (!data.hasMetastasis(s)) {
            ASSERT_EQ(weights[s], 0.0);
            continue;
        }
        const std::uint8_t* mask = data.mask(s);
        // The small lesion lies at x < 0 (left half of the slice), the large one at x > 0.
        bool left = false;
        for (int j = 0; j < kSide && !left; ++j) {
            left = std::any_of(mask + j * kSide, mask + j * kSide + kSide / 2,
                               [](std::uint8_t v) { return v != 0; });
        }
        (left ? smallLesionSlices : largeLesionSlices).push_back(s);
    }
    ASSERT_NEAR(total, 2.0, 1e-9); // each lesion carries one unit, however many slices it spans
    ASSERT_GE(largeLesionSlices.size(), 7u);
    ASSERT_LE(smallLesionSlices.size(), 2u);
    ASSERT_FALSE(smallLesionSlices.empty());
    ASSERT_GT(weights[smallLesionSlices.front()], 3.0 * weights[largeLesionSlices.front()]);

    // Without a balanced share the epoch is the unbalanced one, whatever the weights.
    ASSERT_EQ(epochSlices(data, 0.2, 5, 1, 0.0, weights), epochSlices(data, 0.2, 5, 1));
    ASSERT_THROW(epochSlices(data, 0.2, 5, 1, 1.0), std::invalid_argument); // weights missing

    // Ten extra draws per metastasis slice: the small lesion's slices get about half of them,
    // against its share of the slices (under a fifth) when every slice is drawn alike.
    const std::size_t lesionSlices = data.metastasisSlices().size();
    const auto epoch = epochSlices(data, 0.0, 5, 1, 10.0, weights);
    ASSERT_EQ(epoch.size(), 11 * lesionSlices);
    const auto smallDraws =
        static_cast<double>(std::count_if(epoch.begin(), epoch.end(), [&](std::size_t s) {
            return std::find(smallLesionSlices.begin(), smallLesionSlices.end(), s) !=
                   smallLesionSlices.end();
        }));
    ASSERT_LT(static_cast<double>(smallLesionSlices.size()) / static_cast<double>(lesionSlices),
              0.2);
    ASSERT_GT(smallDraws / static_cast<double>(epoch.size()), 0.35);
    ASSERT_EQ(epochSlices(data, 0.0, 5, 1, 10.0, weights), epoch);
}

TEST(ModelsTrainer, faintLesionAugmentationFadesSmallLesionsAndKeepsTheirLabels) {
    // Tissue at 1, a 3 x 3 lesion at 3 and a 12 x 12 one at 3, on an otherwise still slice.
    std::vector<float> image(static_cast<std::size_t>(kSide * kSide), 1.0f);
    std::vector<std::uint8_t> mask(image.size(), 0);
    auto paint = [&](int x0, int y0, int width) {
        for (int y = y0; y < y0 + width; ++y) {
            for (int x = x0; x < x0 + width; ++x) {
                image[static_cast<std::size_t>(y * kSide + x)] = 3.0f;
                mask[static_cast<std::size_t>(y * kSide + x)] = 1;
            }
        }
    };
    paint(10, 10, 3);
    paint(30, 30, 12);
    AugmentationOptions fadeOnly;
    fadeOnly.flipProbability = 0.0;
    fadeOnly.maxRotationDegrees = fadeOnly.maxScaleChange = fadeOnly.maxIntensityScale =
        fadeOnly.maxIntensityShift = fadeOnly.maxGammaChange = fadeOnly.maxNoiseStandardDeviation =
            0.0;
    fadeOnly.faintLesionProbability = 1.0;
    fadeOnly.minFaintLesionContrast = 0.4;
    const auto at = [&](const std::vector<float>& values, int x, int y) {
        return values[static_cast<std::size_t>(y * kSide + x)];
    };
    std::vector<float> centres;
    for (std::uint64_t item = 1; item <= 20; ++item) {
        std::vector<float> faded = image;
        std::vector<std::uint8_t> fadedMask = mask;
        auto random = seededStream(3, 1, item);
        augmentSlice(faded.data(), fadedMask.data(), kSide, fadeOnly, random);
        ASSERT_EQ(fadedMask, mask);
        // The small lesion keeps 40-100 % of its contrast of 2, the same at each of its pixels.
        const float centre = at(faded, 11, 11);
        ASSERT_GE(centre, 1.0f + 0.4f * 2.0f - 1e-4f);
        ASSERT_LE(centre, 3.0f + 1e-4f);
        ASSERT_NEAR(at(faded, 10, 12), centre, 1e-5f);
        // The large lesion and the tissue are left alone.
        ASSERT_EQ(at(faded, 35, 35), 3.0f);
        ASSERT_EQ(at(faded, 2, 2), 1.0f);
        ASSERT_EQ(at(faded, 20, 20), 1.0f);
        centres.push_back(centre);
    }
    // Across draws the factors spread over the range, not one value.
    const auto [lowest, highest] = std::minmax_element(centres.begin(), centres.end());
    ASSERT_LT(*lowest, 1.0f + 0.6f * 2.0f);
    ASSERT_GT(*highest, 1.0f + 0.8f * 2.0f);

    // At a share of 0 nothing fades.
    AugmentationOptions still = fadeOnly;
    still.faintLesionProbability = 0.0;
    std::vector<float> untouched = image;
    std::vector<std::uint8_t> untouchedMask = mask;
    auto random = seededStream(3, 1, 1);
    augmentSlice(untouched.data(), untouchedMask.data(), kSide, still, random);
    ASSERT_EQ(untouched, image);

    TrainingOptions options = tinyOptions("/tmp/unused");
    options.augmentation.faintLesionProbability = 1.5;
    ASSERT_THROW(options.validate(), std::invalid_argument);
    options.augmentation.faintLesionProbability = 0.5;
    options.augmentation.minFaintLesionContrast = -0.1;
    ASSERT_THROW(options.validate(), std::invalid_argument);
    options.augmentation.minFaintLesionContrast = 0.4;
    options.validate();
}

TEST(ModelsTrainer, augmentationMovesImageAndMaskTogether) {
    const SliceDataset data = syntheticDataset(1, 1);
    const std::size_t slice = data.metastasisSlices().front();
    std::vector<float> image(data.image(slice), data.image(slice) + data.slicePixels());
    std::vector<std::uint8_t> mask(data.mask(slice), data.mask(slice) + data.slicePixels());
    AugmentationOptions flipOnly;
    flipOnly.flipProbability = 1.0;
    flipOnly.maxRotationDegrees = flipOnly.maxScaleChange = flipOnly.maxIntensityScale =
        flipOnly.maxIntensityShift = flipOnly.maxGammaChange = flipOnly.maxNoiseStandardDeviation =
            0.0;
    auto random = seededStream(1, 1, 1);
    augmentSlice(image.data(), mask.data(), kSide, flipOnly, random);
    for (int y = 0; y < kSide; ++y) {
        for (int x = 0; x < kSide; ++x) {
            const std::size_t mirrored = static_cast<std::size_t>(y * kSide + (kSide - 1 - x));
            ASSERT_EQ(mask[static_cast<std::size_t>(y * kSide + x)], data.mask(slice)[mirrored]);
            ASSERT_TRUE(std::abs(image[static_cast<std::size_t>(y * kSide + x)] -
                                 data.image(slice)[mirrored]) < 1e-4f);
        }
    }

    // The full augmentation: binary mask, finite image, same result from the same stream.
    std::vector<float> a(data.image(slice), data.image(slice) + data.slicePixels());
    std::vector<std::uint8_t> am(data.mask(slice), data.mask(slice) + data.slicePixels());
    std::vector<float> b = a;
    std::vector<std::uint8_t> bm = am;
    auto r1 = seededStream(5, 2, 9);
    auto r2 = seededStream(5, 2, 9);
    augmentSlice(a.data(), am.data(), kSide, AugmentationOptions{}, r1);
    augmentSlice(b.data(), bm.data(), kSide, AugmentationOptions{}, r2);
    ASSERT_EQ(a, b);
    ASSERT_EQ(am, bm);
    ASSERT_TRUE(std::all_of(am.begin(), am.end(), [](std::uint8_t v) { return v <= 1; }));
    ASSERT_TRUE(std::all_of(a.begin(), a.end(), [](float v) { return std::isfinite(v); }));
    ASSERT_TRUE(std::count(am.begin(), am.end(), 1) > 0);

    // Context slices move and change with the slice: three copies of it come out as three
    // copies of the one-channel result (noise aside, which each value draws for itself).
    AugmentationOptions noiseless;
    noiseless.maxNoiseStandardDeviation = 0.0;
    const std::vector<float> original(data.image(slice), data.image(slice) + data.slicePixels());
    std::vector<float> single = original;
    std::vector<std::uint8_t> singleMask(data.mask(slice), data.mask(slice) + data.slicePixels());
    std::vector<float> stacked;
    for (int channel = 0; channel < 3; ++channel) {
        stacked.insert(stacked.end(), original.begin(), original.end());
    }
    std::vector<std::uint8_t> stackedMask = singleMask;
    auto r3 = seededStream(7, 1, 3);
    auto r4 = seededStream(7, 1, 3);
    augmentSlice(single.data(), singleMask.data(), kSide, noiseless, r3);
    augmentSlice(stacked.data(), stackedMask.data(), kSide, noiseless, r4, 3);
    ASSERT_EQ(stackedMask, singleMask);
    ASSERT_TRUE(single != original);
    for (int channel = 0; channel < 3; ++channel) {
        ASSERT_TRUE(std::equal(single.begin(), single.end(),
                               stacked.begin() +
                                   channel * static_cast<std::ptrdiff_t>(data.slicePixels())));
    }
}

TEST(ModelsTrainer, contextSlicesAreTrainedAndPackaged) {
    const SliceDataset training = syntheticDataset(2, 1);
    const SliceDataset validation = syntheticDataset(1, 50);
    test_tools::TempDir dir;
    const fs::path work = dir.path() / "work";
    TrainingOptions options = tinyOptions(work);
    options.architecture.contextSlices = 2;
    options.maxEpochs = 1;
    NullProgressSink quiet;
    const TrainingOutcome outcome = trainMtsaNet(options, training, validation, quiet);
    ASSERT_EQ(outcome.lastEpoch, 1);
    ASSERT_TRUE(std::isfinite(outcome.epochs.front().trainingLoss));
    ModelPackageMetadata metadata;
    metadata.preprocessing = training.preprocessing();
    const fs::path package = dir.path() / "package";
    writePackageFromWorkFolder(work, options.architecture, PackagedWeights::BestValidation, package,
                               metadata);
    ASSERT_EQ(verifyModelPackage(package).architecture.contextSlices, 2);

    // A file prepared before slice positions were stored cannot give the neighbours.
    const fs::path file = dir.path() / "data.slices";
    training.save(file);
    const std::string bytes = fileBytes(file);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << olderSliceFile(bytes, training, 3);
    const SliceDataset withoutPositions = SliceDataset::load(file);
    options.workDir = dir.path() / "work2";
    try {
        trainMtsaNet(options, withoutPositions, validation, quiet);
        FAIL() << "context slices were trained without slice positions";
    } catch (const std::runtime_error& e) {
        ASSERT_TRUE(std::string(e.what()).find("prepare them again") != std::string::npos);
    }
}

TEST(ModelsTrainer, resumeReproducesTheUninterruptedRun) {
    const SliceDataset training = syntheticDataset(3, 1);
    const SliceDataset validation = syntheticDataset(1, 50);
    test_tools::TempDir dir;
    const fs::path root = dir.path();
    NullProgressSink quiet;

    TrainingOptions straight = tinyOptions(root / "straight");
    straight.maxEpochs = 2;
    const TrainingOutcome full = trainMtsaNet(straight, training, validation, quiet);
    ASSERT_EQ(full.epochs.size(), std::size_t(2));
    ASSERT_EQ(lines(root / "straight" / kMetricsFile).size(), std::size_t(2));

    // Interrupted during epoch 2: the checkpoint of epoch 1 survives.
    TrainingOptions interrupted = tinyOptions(root / "resumed");
    interrupted.maxEpochs = 2;
    CancelDuringEpoch cancel("epoch 2");
    ASSERT_THROW(trainMtsaNet(interrupted, training, validation, cancel), OperationCancelled);
    ASSERT_EQ(lines(root / "resumed" / kMetricsFile).size(), std::size_t(1));

    const TrainingOutcome resumed = trainMtsaNet(interrupted, training, validation, quiet);
    ASSERT_EQ(resumed.firstEpoch, 2);
    ASSERT_EQ(resumed.epochs.size(), std::size_t(1));
    const EpochRecord& a = full.epochs[1];
    const EpochRecord& b = resumed.epochs[0];
    ASSERT_EQ(b.epoch, 2);
    ASSERT_TRUE(std::abs(a.trainingLoss - b.trainingLoss) <= 1e-6 * std::abs(a.trainingLoss))
        << std::setprecision(12) << "uninterrupted " << a.trainingLoss << ", resumed "
        << b.trainingLoss;
    ASSERT_TRUE(std::abs(a.validationLoss - b.validationLoss) <= 1e-6 * std::abs(a.validationLoss));
    ASSERT_EQ(lines(root / "resumed" / kMetricsFile).size(), std::size_t(2));

    // A checkpoint written under other options is not silently continued.
    TrainingOptions other = interrupted;
    other.maxEpochs = 3;
    other.learningRate = 2e-3;
    try {
        trainMtsaNet(other, training, validation, quiet);
        FAIL() << "a checkpoint of other options was resumed";
    } catch (const std::runtime_error& e) {
        ASSERT_TRUE(std::string(e.what()).find("other training options") != std::string::npos);
    }
}

TEST(ModelsTrainer, earlyStoppingKeepsTheBestWeights) {
    const SliceDataset training = syntheticDataset(2, 1);
    const SliceDataset validation = syntheticDataset(1, 50);
    test_tools::TempDir dir;
    const fs::path work = dir.path() / "work";
    TrainingOptions options = tinyOptions(work);
    options.learningRate = 0.05; // far too high: the validation loss soon stops improving
    options.patience = 2;
    options.maxEpochs = 40;
    options.selection = ModelSelection::ValidationLoss; // the paper's rule
    options.cosineDecay = false;
    NullProgressSink quiet;
    const TrainingOutcome outcome = trainMtsaNet(options, training, validation, quiet);
    ASSERT_EQ(outcome.stopReason, std::string("early stopping"));
    ASSERT_TRUE(outcome.bestEpoch >= 1);
    ASSERT_EQ(outcome.lastEpoch, outcome.bestEpoch + options.patience);
    double best = 1e300;
    for (const EpochRecord& e : outcome.epochs) {
        ASSERT_EQ(e.improved, e.validationLoss < best);
        best = std::min(best, e.validationLoss);
    }
    ASSERT_DOUBLE_EQ(outcome.bestValidationLoss, best);

    ModelPackageMetadata metadata;
    metadata.preprocessing = training.preprocessing();
    const fs::path package = dir.path() / "package";
    writePackageFromWorkFolder(work, options.architecture, PackagedWeights::BestValidation, package,
                               metadata);
    const ModelPackageMetadata verified = verifyModelPackage(package);
    ASSERT_EQ(verified.architecture.baseWidth, 2);
    ASSERT_EQ(verified.weightsSha256, metadata.weightsSha256);

    // The last epoch's weights differ from the best epoch's (training went on after it).
    ModelPackageMetadata lastMetadata = metadata;
    const fs::path last = dir.path() / "last";
    writePackageFromWorkFolder(work, options.architecture, PackagedWeights::LastEpoch, last,
                               lastMetadata);
    verifyModelPackage(last);
    ASSERT_TRUE(lastMetadata.weightsSha256 != metadata.weightsSha256);
}

TEST(ModelsTrainer, fineTuningStartsFromThePackagesWeights) {
    const SliceDataset training = syntheticDataset(2, 1);
    const SliceDataset validation = syntheticDataset(1, 50);
    test_tools::TempDir dir;
    NullProgressSink quiet;

    // A base model trained for six epochs, packaged.
    TrainingOptions base = tinyOptions(dir.path() / "base");
    base.maxEpochs = 6;
    base.maxSlicesPerEpoch = 16;
    base.learningRate = 0.01;
    const TrainingOutcome trained = trainMtsaNet(base, training, validation, quiet);
    ModelPackageMetadata metadata;
    metadata.preprocessing = training.preprocessing();
    const fs::path package = dir.path() / "package";
    writePackageFromWorkFolder(base.workDir, base.architecture, PackagedWeights::LastEpoch, package,
                               metadata);

    // One step at a learning rate too small to move the weights (the batch normalisation's
    // running statistics move a little): from the package the validation loss stays near the
    // base model's; from scratch it is the untrained network's.
    auto stillEpoch = [&](const std::string& folder, const fs::path& initialWeights) {
        TrainingOptions options = tinyOptions(dir.path() / folder);
        options.maxEpochs = 1;
        options.maxSlicesPerEpoch = 4;
        options.learningRate = 1e-12;
        options.initialWeights = initialWeights;
        return trainMtsaNet(options, training, validation, quiet).epochs.front().validationLoss;
    };
    const double baseLoss = trained.epochs.back().validationLoss;
    const double fineTuned = stillEpoch("fine-tuned", package);
    const double scratch = stillEpoch("scratch", {});
    // Measured: base 1.056, fine-tuned 1.153, scratch 1.591 (seeded, one thread).
    EXPECT_LT(std::abs(fineTuned - baseLoss), 0.3 * std::abs(scratch - baseLoss))
        << "base " << baseLoss << ", fine-tuned " << fineTuned << ", scratch " << scratch;

    // Another network, or a package that is not intact, is refused naming the package.
    TrainingOptions wider = tinyOptions(dir.path() / "wider");
    wider.architecture.baseWidth = 4;
    wider.initialWeights = package;
    try {
        trainMtsaNet(wider, training, validation, quiet);
        FAIL() << "a package of another network was loaded";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(package.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not the one to train"), std::string::npos);
    }
    std::ofstream(package / kModelPackageWeightsFile, std::ios::app) << "x";
    TrainingOptions corrupt = tinyOptions(dir.path() / "corrupt");
    corrupt.initialWeights = package;
    EXPECT_THROW(trainMtsaNet(corrupt, training, validation, quiet), std::runtime_error);
}

TEST(ModelsTrainer, selectionByDiceKeepsTheBestDiceEpoch) {
    const SliceDataset training = syntheticDataset(2, 1);
    const SliceDataset validation = syntheticDataset(1, 50);
    test_tools::TempDir dir;
    TrainingOptions options = tinyOptions(dir.path() / "work");
    options.patience = 2;
    options.maxEpochs = 6;
    ASSERT_TRUE(options.selection == ModelSelection::ValidationDice); // the recipe's default
    NullProgressSink quiet;
    const TrainingOutcome outcome = trainMtsaNet(options, training, validation, quiet);
    double bestDice = -1.0;
    double lossOfBest = 0.0;
    for (const EpochRecord& e : outcome.epochs) {
        ASSERT_EQ(e.improved, e.validationDice > bestDice);
        if (e.improved) {
            bestDice = e.validationDice;
            lossOfBest = e.validationLoss;
            ASSERT_EQ(outcome.bestEpoch >= e.epoch, true);
        }
    }
    ASSERT_DOUBLE_EQ(outcome.bestValidationLoss, lossOfBest);
    ASSERT_TRUE(modelSelectionFromString("loss") == ModelSelection::ValidationLoss);
    ASSERT_THROW(modelSelectionFromString("auc"), std::invalid_argument);
}

TEST(ModelsTrainer, uncertaintyWeightsAreLearned) {
    const SliceDataset training = syntheticDataset(2, 1);
    const SliceDataset validation = syntheticDataset(1, 50);
    test_tools::TempDir dir;
    TrainingOptions options = tinyOptions(dir.path() / "work");
    options.maxEpochs = 2;
    NullProgressSink quiet;
    const TrainingOutcome outcome = trainMtsaNet(options, training, validation, quiet);
    ASSERT_TRUE(std::abs(outcome.epochs.back().sigmaGtv - 1.0) > 1e-4);
    ASSERT_TRUE(std::abs(outcome.epochs.back().sigmaEgfr - 1.0) > 1e-4);
    ASSERT_TRUE(std::isfinite(outcome.epochs.back().validationDice));
}

TEST(ModelsTrainer, mismatchedHeadsAndWeightingAreRefused) {
    TrainingOptions options = tinyOptions("/tmp/unused");
    options.loss.weighting = TaskWeighting::SegmentationOnly;
    ASSERT_THROW(options.validate(), std::invalid_argument);
    options.architecture.heads = NetworkHeads::SegmentationOnly;
    options.validate();
}
