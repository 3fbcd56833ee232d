// The doubts an AI result states about itself, on the synthetic head: a plausible result has
// none; each implausibility (lesion count, volume, outside the head) and each EGFR doubt
// (uncertain, disagreeing with the record) is raised by its own cause and at its limit.
#include "SyntheticLesions.h"
#include "metis/workflow/AiResultCheck.h"

#include <gtest/gtest.h>

using namespace metis;
using workflow::AiDoubtKind;

namespace {

// The synthetic head's bright 3-voxel-radius ball: a metastasis inside the brain.
LabelMap ballInsideTheHead(const ImageVolume& image) {
    LabelMap gtv(image.geometry(), 0);
    const auto& size = image.geometry().size;
    for (std::int64_t k = 0; k < size[2]; ++k) {
        for (std::int64_t j = 0; j < size[1]; ++j) {
            for (std::int64_t i = 0; i < size[0]; ++i) {
                if ((i - 30) * (i - 30) + (j - 18) * (j - 18) + (k - 6) * (k - 6) < 9) {
                    gtv.at(i, j, k) = 1;
                }
            }
        }
    }
    return gtv;
}

db::InferenceRun runWith(std::size_t lesions, double probability, const std::string& call) {
    db::InferenceRun run;
    for (std::size_t n = 0; n < lesions; ++n) {
        run.lesions.push_back({static_cast<int>(n + 1), 0.1, {0, 0, 0}, 5.0, 0.9, 4.0});
    }
    run.patientProbability = probability;
    run.patientCall = call;
    return run;
}

std::vector<AiDoubtKind> kinds(const std::vector<workflow::AiDoubt>& doubts) {
    std::vector<AiDoubtKind> result;
    for (const auto& doubt : doubts) {
        result.push_back(doubt.kind);
    }
    return result;
}

} // namespace

TEST(AiResultCheck, aPlausibleResultAgreeingWithTheRecordHasNoDoubt) {
    const ImageVolume image = test_lesions::syntheticHead();
    const auto doubts = workflow::assessAiResult(runWith(1, 0.8, "mutant"),
                                                 ballInsideTheHead(image), image, "mutant");
    ASSERT_TRUE(doubts.empty());
    ASSERT_FALSE(workflow::isImplausibleSegmentation(doubts));
}

TEST(AiResultCheck, moreLesionsThanTheLimitAreImplausible) {
    const ImageVolume image = test_lesions::syntheticHead();
    const LabelMap gtv = ballInsideTheHead(image);
    ASSERT_TRUE(workflow::assessAiResult(runWith(20, 0.8, "mutant"), gtv, image, "").empty());
    const auto doubts = workflow::assessAiResult(runWith(21, 0.8, "mutant"), gtv, image, "");
    ASSERT_EQ(kinds(doubts), std::vector<AiDoubtKind>{AiDoubtKind::ManyLesions});
    ASSERT_DOUBLE_EQ(doubts[0].value, 21.0);
    ASSERT_DOUBLE_EQ(doubts[0].limit, 20.0);
    ASSERT_TRUE(workflow::isImplausibleSegmentation(doubts));
}

TEST(AiResultCheck, aGtvFillingTheHeadIsTooLarge) {
    const ImageVolume image = test_lesions::syntheticHead();
    LabelMap gtv(image.geometry(), 0);
    std::size_t voxels = 0;
    for (std::size_t v = 0; v < image.data().size(); ++v) {
        if (image.data()[v] > 100.0f) {
            gtv.data()[v] = 1;
            ++voxels;
        }
    }
    const double ml = static_cast<double>(voxels) * 4.5 * 5.0 * 5.0 / 1000.0;
    ASSERT_TRUE(ml > 100.0);
    const auto doubts = workflow::assessAiResult(runWith(1, 0.8, "mutant"), gtv, image, "");
    ASSERT_EQ(kinds(doubts), std::vector<AiDoubtKind>{AiDoubtKind::LargeVolume});
    ASSERT_NEAR(doubts[0].value, ml, 1e-9);
}

TEST(AiResultCheck, aGtvInTheAirAroundTheHeadIsOutsideIt) {
    const ImageVolume image = test_lesions::syntheticHead();
    LabelMap gtv = ballInsideTheHead(image);
    const auto inside =
        static_cast<double>(std::count(gtv.data().begin(), gtv.data().end(), std::uint16_t{1}));
    // A block in the image's corner, far from the head: a tenth of the GTV, then none of it.
    int outside = 0;
    for (std::int64_t k = 0; k < 12 && outside < static_cast<int>(inside / 9.0); ++k) {
        for (std::int64_t j = 0; j < 3 && outside < static_cast<int>(inside / 9.0); ++j) {
            for (std::int64_t i = 0; i < 3 && outside < static_cast<int>(inside / 9.0); ++i) {
                gtv.at(i, j, k) = 2;
                ++outside;
            }
        }
    }
    const auto doubts = workflow::assessAiResult(runWith(2, 0.8, "mutant"), gtv, image, "");
    ASSERT_EQ(kinds(doubts), std::vector<AiDoubtKind>{AiDoubtKind::OutsideHead});
    ASSERT_NEAR(doubts[0].value, outside / (inside + outside), 1e-12);
    ASSERT_TRUE(workflow::isImplausibleSegmentation(doubts));

    workflow::AiPlausibilityLimits tolerant;
    tolerant.maxOutsideHeadShare = 0.2;
    ASSERT_TRUE(
        workflow::assessAiResult(runWith(2, 0.8, "mutant"), gtv, image, "", tolerant).empty());
}

TEST(AiResultCheck, anEgfrProbabilityNearOneHalfIsUncertain) {
    const ImageVolume image = test_lesions::syntheticHead();
    const LabelMap gtv = ballInsideTheHead(image);
    const auto doubts = workflow::assessAiResult(runWith(1, 0.55, "mutant"), gtv, image, "");
    ASSERT_EQ(kinds(doubts), std::vector<AiDoubtKind>{AiDoubtKind::UncertainEgfr});
    ASSERT_DOUBLE_EQ(doubts[0].value, 0.55);
    ASSERT_FALSE(workflow::isImplausibleSegmentation(doubts));
    ASSERT_TRUE(workflow::assessAiResult(runWith(1, 0.35, "wild_type"), gtv, image, "").empty());
    // No EGFR head: nothing to doubt about EGFR.
    db::InferenceRun noHead = runWith(1, 0.5, "undetermined");
    noHead.patientProbability.reset();
    ASSERT_TRUE(workflow::assessAiResult(noHead, gtv, image, "mutant").empty());
}

TEST(AiResultCheck, anEgfrCallAgainstTheRecordedStatusIsFlagged) {
    const ImageVolume image = test_lesions::syntheticHead();
    const LabelMap gtv = ballInsideTheHead(image);
    const auto doubts =
        workflow::assessAiResult(runWith(1, 0.2, "wild_type"), gtv, image, "mutant");
    ASSERT_EQ(kinds(doubts), std::vector<AiDoubtKind>{AiDoubtKind::EgfrDisagreesWithRecord});
    ASSERT_DOUBLE_EQ(doubts[0].value, 0.2);
    ASSERT_TRUE(
        workflow::assessAiResult(runWith(1, 0.2, "wild_type"), gtv, image, "wild_type").empty());
    ASSERT_TRUE(
        workflow::assessAiResult(runWith(1, 0.2, "wild_type"), gtv, image, "unknown").empty());
}

TEST(AiResultCheck, aMapOfAnotherSizeIsRefused) {
    const ImageVolume image = test_lesions::syntheticHead();
    ImageGeometry other = image.geometry();
    other.size[2] += 1;
    ASSERT_THROW(workflow::assessAiResult(runWith(1, 0.8, "mutant"), LabelMap(other, 0), image, ""),
                 std::invalid_argument);
}
